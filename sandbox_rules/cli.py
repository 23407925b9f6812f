"""``sandbox-rules`` command line. Exit codes: 0 ok, 1 error, 2 usage."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from datetime import date
from typing import Any

from sandbox_rules.errors import SandboxRulesError

EXIT_OK, EXIT_ERROR, EXIT_USAGE = 0, 1, 2

# Commands of surfaces that live apart from the core (sandbox_rules/surfaces/): each module
# has add_parser(sub, common). Imported only when the parser is built.
SURFACE_COMMANDS: tuple[str, ...] = (
    "sandbox_rules.surfaces.casefiles.cli",
    "sandbox_rules.surfaces.templates.cli",
    "sandbox_rules.surfaces.interview.cli",
)


class _Parser(argparse.ArgumentParser):
    help_lang = "vi"  # argparse's own words (usage, options) in this language

    def error(self, message: str) -> Any:  # usage errors exit 2 with a clear message
        self.print_usage(sys.stderr)
        print(f"{self.prog}: {self._words('error:')} {self._words(message)}", file=sys.stderr)
        raise SystemExit(EXIT_USAGE)

    def _words(self, text: str) -> str:
        if self.help_lang != "vi":
            return text
        from sandbox_rules.i18n import messages

        table = messages("vi")
        for key, english in _ARGPARSE_WORDS.items():
            text = text.replace(english, table[f"argparse.{key}"])
        return text

    def format_help(self) -> str:
        return self._words(super().format_help())

    def format_usage(self) -> str:
        return self._words(super().format_usage())


_ARGPARSE_WORDS = {
    "usage": "usage:",
    "positional": "positional arguments:",
    "options": "options:",
    "help": "show this help message and exit",
    "error": "error:",
    "required": "the following arguments are required:",
    "argument": "argument ",
    "choice": "invalid choice:",
    "choose": "choose from",
    "unrecognized": "unrecognized arguments:",
}


def _emit(data: Any, as_json: bool, text: str) -> None:
    if as_json:
        print(json.dumps(data, ensure_ascii=False, indent=2, default=str))
    else:
        print(text)


def _iso(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date (YYYY-MM-DD)") from None


# -- commands -------------------------------------------------------------------------------
def cmd_law(args: argparse.Namespace) -> int:
    from sandbox_rules.law.text import load_law

    law = load_law()
    unit = law.resolve(args.citation)
    c = unit.citation
    data = {
        "citation": c.short,
        "vi": c.vi(),
        "en": c.en(),
        "article_title": unit.article_title,
        "text": unit.text,
        "summary_en": unit.summary_en,
        "law_version": law.version,
    }
    if args.lang == "en":
        text = (
            f"{c.en()} — Decree 169/2025/ND-CP\n{unit.summary_en or '(no English summary)'}\n\n"
            f"[Vietnamese text, authoritative]\n{unit.text}"
        )
    else:
        text = f"{c.vi()} Nghị định 169/2025/NĐ-CP — {unit.article_title}\n{unit.text}"
    _emit(data, args.json, text)
    return EXIT_OK


def cmd_rules(args: argparse.Namespace) -> int:
    from sandbox_rules.rules import registry

    rules = list(registry())
    if args.kind:
        rules = [r for r in rules if r.kind.value == args.kind]
    lines = []
    for r in rules:
        cites = ", ".join(c.render(args.lang) for c in r.citations)
        stmt = r.statement_en if args.lang == "en" else r.statement_vi
        lines.append(f"{r.id}  [{r.kind.value}]  {cites}\n    {stmt}")
    _emit([r.to_dict() for r in rules], args.json, "\n".join(lines) + f"\n\n{len(rules)} rules")
    return EXIT_OK


def cmd_coverage(args: argparse.Namespace) -> int:
    from sandbox_rules.coverage import coverage_counts, coverage_table
    from sandbox_rules.rules import registry

    rows = coverage_table(registry())
    counts = coverage_counts(rows)
    lines = [f"{'unit':<13} {'status':<15} rules / reason"]
    for row in rows:
        detail = ", ".join(row.rule_ids) if row.rule_ids else row.note
        lines.append(f"{row.citation.short:<13} {row.status:<15} {detail}")
    lines.append(
        f"\n{counts['total']} units: {counts['encoded']} encoded, {counts['not_computable']} not "
        f"computable, {counts['pending']} pending, {counts['missing']} missing"
    )
    _emit({"counts": counts, "rows": [r.to_dict() for r in rows]}, args.json, "\n".join(lines))
    return EXIT_OK


def _calendar(args: argparse.Namespace) -> Any:
    from sandbox_rules.calendar import VietnamCalendar

    choices = {}
    for item in getattr(args, "interpretation", None) or []:
        key, sep, value = item.partition("=")
        if not sep:
            raise SandboxRulesError(f"--interpretation takes ID=OPTION, got {item!r}")
        choices[key] = value
    return VietnamCalendar(overrides=args.overrides, interpretations=choices)


def cmd_calendar(args: argparse.Namespace) -> int:
    from sandbox_rules.i18n import fmt_date, weekday

    cal = _calendar(args)
    days = cal.days_off(args.year)
    lang = args.lang
    status = (
        "chính thức"
        if args.year in cal.official_years
        else "TẠM TÍNH (chưa có quyết định chính thức)"
    )
    if lang == "en":
        status = (
            "official"
            if args.year in cal.official_years
            else "PROVISIONAL (no official decisions yet)"
        )
    lines = [f"{args.year}: {status} — {'dữ liệu' if lang == 'vi' else 'data'} {cal.data_version}"]
    for d in days:
        name = d.name_en if lang == "en" else d.name_vi
        docs = "; ".join((x.cite_en() if lang == "en" else x.cite_vi()) for x in d.documents)
        mark = (
            "LÀM VIỆC"
            if d.status == "worked" and lang != "en"
            else ("WORKED" if d.status == "worked" else "")
        )
        wd = weekday(d.date, lang)
        lines.append(f"  {fmt_date(d.date, lang)} {wd:<9} {mark:<8} {name} — {docs}")
    _emit(
        {
            "year": args.year,
            "official": args.year in cal.official_years,
            "data_version": cal.data_version,
            "days": [d.to_dict() for d in days],
        },
        args.json,
        "\n".join(lines),
    )
    return EXIT_OK


def cmd_deadline(args: argparse.Namespace) -> int:
    from sandbox_rules.calendar import Days, Months, WorkingDays, Years

    chosen = [
        (cls, n)
        for cls, n in (
            (WorkingDays, args.working_days),
            (Days, args.days),
            (Months, args.months),
            (Years, args.years),
        )
        if n is not None
    ]
    if len(chosen) != 1:
        raise _UsageError("give exactly one of --working-days, --days, --months, --years")
    cls, n = chosen[0]
    cal = _calendar(args)
    dl = cal.deadline(args.event, cls(n))
    if args.explain:
        text = dl.explain(args.lang)
    else:
        text = dl.date.isoformat() + (" (provisional)" if dl.provisional else "")
    _emit(dl.to_dict(explain=args.explain), args.json, text)
    return EXIT_OK


class _UsageError(Exception):
    pass


def _load_file(path: str) -> Any:
    from pathlib import Path

    from sandbox_rules.errors import InputValidationError

    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8")
    except OSError as exc:
        raise InputValidationError(f"cannot read {path!r}: {exc.strerror or exc}") from None
    try:
        if p.suffix.lower() in (".yaml", ".yml"):
            import yaml

            return yaml.safe_load(text)
        return json.loads(text)
    except Exception as exc:  # yaml.YAMLError, json.JSONDecodeError
        raise InputValidationError(
            f"{path!r} is not valid {'YAML' if p.suffix in ('.yaml', '.yml') else 'JSON'}: {exc}"
        ) from None


def _interp_args(args: argparse.Namespace) -> dict[str, str]:
    choices = {}
    for item in getattr(args, "interpretation", None) or []:
        key, sep, value = item.partition("=")
        if not sep:
            raise _UsageError(f"--interpretation takes ID=OPTION, got {item!r}")
        choices[key] = value
    return choices


def _application_input(data: Any) -> tuple[Any, dict[str, Any]]:
    """A scenario file is an application, or {"application": ..., other keys}."""
    if isinstance(data, dict) and "application" in data:
        return data["application"], {k: v for k, v in data.items() if k != "application"}
    return data, {}


def _application_file(args: argparse.Namespace) -> Any:
    """The application of ``args.file``; invalid input is reported in ``--lang`` with the
    file's lines, items counted from 1 and the nearest valid value (surfaces.inputs)."""
    from sandbox_rules.i18n import t
    from sandbox_rules.models import Application
    from sandbox_rules.surfaces.inputs import Located, read_yaml, validate

    if args.file.lower().endswith((".yaml", ".yml")):
        located = read_yaml(args.file, args.lang)
    else:
        located = Located(_load_file(args.file), source=args.file)
    root = (
        ("application",) if isinstance(located.data, dict) and "application" in located.data else ()
    )
    return validate(
        Application, located, root=root, lang=args.lang, what=t("input.application", args.lang)
    )


def cmd_assess(args: argparse.Namespace) -> int:
    from sandbox_rules.engine import assess
    from sandbox_rules.report import render_assessment

    result = assess(_application_file(args), _interp_args(args) or None)
    _emit(result.to_dict(), args.json, render_assessment(result, args.lang, show_all=args.all))
    return EXIT_OK


def cmd_route(args: argparse.Namespace) -> int:
    from sandbox_rules.engine import route
    from sandbox_rules.report import render_routing

    result = route(_application_file(args), _interp_args(args) or None)
    _emit(result.to_dict(), args.json, render_routing(result, args.lang))
    return EXIT_OK


def cmd_dossier(args: argparse.Namespace) -> int:
    from sandbox_rules.engine import dossier
    from sandbox_rules.models import load_application
    from sandbox_rules.report import render_dossier

    data = _load_file(args.file)
    if isinstance(data, dict) and ("documents" in data or "applicant_kind" in data):
        app_data, extra = None, data  # a bare checklist: {applicant_kind, documents, ...}
    else:
        app_data, extra = _application_input(data)
    kind: str | None
    if app_data is not None and "documents" not in extra and args.procedure == "issuance":
        from sandbox_rules.engine import issuance_dossier

        # 12.2's documents and the contents Art. 11 requires of the plan (12.3.b).
        result = issuance_dossier(load_application(app_data), _interp_args(args) or None)
        _emit(result.to_dict(), args.json, render_dossier(result, args.lang))
        return EXIT_OK
    if app_data is not None and "documents" not in extra:
        app = load_application(app_data)
        kind, docs = app.applicant.kind, app.submission.documents
    else:
        kind = extra.get("applicant_kind")
        if kind is None and isinstance(app_data, dict):
            kind = (app_data.get("applicant") or {}).get("kind")
        docs = extra.get("documents")
    result = dossier(
        args.procedure,
        kind,
        docs,
        requires_extension=extra.get("requires_extension"),
        interpretations=_interp_args(args) or None,
    )
    _emit(result.to_dict(), args.json, render_dossier(result, args.lang))
    return EXIT_OK


def _scenario(args: argparse.Namespace) -> tuple[dict[str, Any], date]:
    from sandbox_rules.errors import InputValidationError

    data = _load_file(args.file)
    if not isinstance(data, dict):
        raise InputValidationError(f"{args.file}: a scenario is a mapping")
    as_of = args.as_of or data.get("as_of")
    if as_of is None:
        raise InputValidationError(f"{args.file}: give as_of in the file or --as-of")
    if not isinstance(as_of, date):
        try:
            as_of = date.fromisoformat(str(as_of))
        except ValueError:
            raise InputValidationError(f"as_of {as_of!r} is not a date") from None
    return data, as_of


def cmd_timeline(args: argparse.Namespace) -> int:
    from sandbox_rules.errors import InputValidationError
    from sandbox_rules.procedures import timeline
    from sandbox_rules.report import render_timeline

    data, as_of = _scenario(args)
    specs = data.get("timelines") or ([data["timeline"]] if "timeline" in data else [])
    if not specs:
        raise InputValidationError(
            f"{args.file}: no 'timeline' (procedure, events) in the scenario"
        )
    interp = {**(data.get("interpretations") or {}), **_interp_args(args)}
    results = [
        timeline(
            str(sp.get("procedure")), sp.get("events") or {}, as_of, interpretations=interp or None
        )
        for sp in specs
    ]
    from sandbox_rules.time_records import Timelines

    _emit(
        Timelines(timelines=tuple(t.record(args.explain) for t in results)).to_dict()
        if len(results) > 1
        else results[0].to_dict(explain=args.explain),
        args.json,
        "\n\n".join(render_timeline(t, args.lang, args.explain) for t in results),
    )
    return EXIT_OK


def _record(data: dict[str, Any], args: argparse.Namespace) -> Any:
    from sandbox_rules.lifecycle import load_record

    raw = dict(data.get("record") or {})
    extra = _interp_args(args)
    if extra:
        raw["interpretations"] = {**(raw.get("interpretations") or {}), **extra}
    return load_record(raw)


def cmd_lifecycle(args: argparse.Namespace) -> int:
    from sandbox_rules.duties import duties
    from sandbox_rules.lifecycle import lifecycle
    from sandbox_rules.obligations import obligations
    from sandbox_rules.report import render_lifecycle

    data, as_of = _scenario(args)
    rec = _record(data, args)
    st = lifecycle(rec, as_of)
    sched = obligations(rec, as_of)
    duty = duties(data["compliance"]) if data.get("compliance") is not None else None
    out = st.record(duty.record() if duty is not None else None).to_dict()
    _emit(out, args.json, render_lifecycle(st, sched, duty, args.lang))
    return EXIT_OK


def cmd_obligations(args: argparse.Namespace) -> int:
    from pathlib import Path

    from sandbox_rules.obligations import obligations

    data, as_of = _scenario(args)
    sched = obligations(_record(data, args), as_of)
    if args.ics:
        Path(args.ics).write_text(sched.to_ics(args.lang), encoding="utf-8", newline="")
    from sandbox_rules.report import obligation_line

    lines = [obligation_line(i, args.lang) for i in sched.items]
    if args.ics:
        lines.append(f"\n→ {args.ics}")
    _emit(sched.to_dict(), args.json, "\n".join(lines))
    return EXIT_OK


def cmd_schema(args: argparse.Namespace) -> int:
    from sandbox_rules.schema import json_schema

    print(json.dumps(json_schema(args.which), ensure_ascii=False, indent=2))
    return EXIT_OK


def cmd_catalogue(args: argparse.Namespace) -> int:
    from sandbox_rules.catalogues import catalogue

    cat = catalogue()
    bodies = list(cat.bodies.values())
    from sandbox_rules.i18n import t

    lang = args.lang
    lines = []
    for kind in ("city", "province", "ministry", "ministerial_agency", "government_agency"):
        group = [b for b in bodies if b.kind == kind]
        lines.append(f"{t(f'kind.{kind}', lang)} ({len(group)}):")
        lines.extend(
            f"  {b.code:<8} {b.name:<40} {b.head_vi if lang == 'vi' else b.head_en}" for b in group
        )
    lines.append("")
    lines.extend(
        t(
            "kind.source",
            lang,
            which=k,
            document=v["document"],
            confirmed=t("case.true" if v["confirmed"] else "case.false", lang),
        )
        for k, v in cat.sources.items()
    )
    _emit(
        {
            "bodies": [b.to_dict() for b in bodies],
            "sources": {k: dict(v) for k, v in cat.sources.items()},
        },
        args.json,
        "\n".join(lines),
    )
    return EXIT_OK


# -- parser ------------------------------------------------------------------------------------
def build_parser(lang: str = "vi") -> argparse.ArgumentParser:
    """The parser, its help in ``lang`` (Vietnamese unless ``--lang en`` is given)."""
    from sandbox_rules.i18n import t

    def h(key: str) -> str:
        return t(f"help.{key}", lang)

    class Parser(_Parser):  # this build's language; no state shared between builds
        help_lang = lang

    common = Parser(add_help=False)
    common.add_argument("--json", action="store_true", help=h("json"))
    common.add_argument("--lang", choices=("vi", "en"), default="vi", help=h("lang"))
    cal_opts = Parser(add_help=False)
    cal_opts.add_argument("--overrides", metavar="FILE", help=h("overrides"))
    cal_opts.add_argument(
        "--interpretation",
        action="append",
        metavar="ID=OPTION",
        help=h("cal_interp"),
    )

    parser = Parser(
        prog="sandbox-rules",
        description=h("description"),
        parents=[common],
    )
    sub = parser.add_subparsers(dest="command", required=True, parser_class=Parser)

    p = sub.add_parser("law", parents=[common], help=h("law"))
    p.add_argument("citation", help=h("citation"))
    p.set_defaults(func=cmd_law)

    p = sub.add_parser("rules", parents=[common], help=h("rules"))
    p.add_argument(
        "--kind",
        choices=("condition", "routing", "dossier_item", "time_limit", "transition", "obligation"),
    )
    p.set_defaults(func=cmd_rules)

    p = sub.add_parser("coverage", parents=[common], help=h("coverage"))
    p.set_defaults(func=cmd_coverage)

    p = sub.add_parser("calendar", parents=[common, cal_opts], help=h("calendar"))
    p.add_argument("year", type=int)
    p.set_defaults(func=cmd_calendar)

    interp_opt = Parser(add_help=False)
    interp_opt.add_argument(
        "--interpretation",
        action="append",
        metavar="ID=OPTION",
        help=h("interp"),
    )
    p = sub.add_parser(
        "assess",
        parents=[common, interp_opt],
        help=h("assess"),
    )
    p.add_argument("file", help=h("application_file"))
    p.add_argument("--all", action="store_true", help=h("all"))
    p.set_defaults(func=cmd_assess)

    p = sub.add_parser("route", parents=[common, interp_opt], help=h("route"))
    p.add_argument("file", help=h("application_file"))
    p.set_defaults(func=cmd_route)

    p = sub.add_parser("dossier", parents=[common, interp_opt], help=h("dossier"))
    p.add_argument("file", help=h("dossier_file"))
    p.add_argument(
        "--procedure",
        default="issuance",
        choices=("issuance", "reissue", "adjustment", "extension", "conclusion"),
    )
    p.set_defaults(func=cmd_dossier)

    as_of_opt = Parser(add_help=False)
    as_of_opt.add_argument("--as-of", type=_iso, help=h("as_of"))
    p = sub.add_parser(
        "timeline",
        parents=[common, interp_opt, as_of_opt],
        help=h("timeline"),
    )
    p.add_argument("file", help=h("timeline_file"))
    p.add_argument("--explain", action="store_true", help=h("explain_timeline"))
    p.set_defaults(func=cmd_timeline)

    p = sub.add_parser(
        "lifecycle",
        parents=[common, interp_opt, as_of_opt],
        help=h("lifecycle"),
    )
    p.add_argument("file", help=h("record_file"))
    p.set_defaults(func=cmd_lifecycle)

    p = sub.add_parser(
        "obligations",
        parents=[common, interp_opt, as_of_opt],
        help=h("obligations"),
    )
    p.add_argument("file", help=h("scenario_file"))
    p.add_argument("--ics", metavar="OUT.ics", help=h("ics"))
    p.set_defaults(func=cmd_obligations)

    p = sub.add_parser("schema", parents=[common], help=h("schema"))
    p.add_argument(
        "which",
        nargs="?",
        default="application",
        choices=(
            "application",
            "record",
            "scenario",
            "dossier-input",
            "assessment",
            "routing",
            "dossier",
            "deadline",
            "timeline",
            "timelines",
            "lifecycle",
            "obligations",
            "duties",
            "error",
        ),
    )
    p.set_defaults(func=cmd_schema)

    p = sub.add_parser("catalogue", parents=[common], help=h("catalogue"))
    p.set_defaults(func=cmd_catalogue)

    p = sub.add_parser("deadline", parents=[common, cal_opts], help=h("deadline"))
    p.add_argument("event", type=_iso, help=h("event"))
    p.add_argument("--working-days", type=int)
    p.add_argument("--days", type=int)
    p.add_argument("--months", type=int)
    p.add_argument("--years", type=int)
    p.add_argument("--explain", action="store_true", help=h("explain"))
    p.set_defaults(func=cmd_deadline)
    common.set_defaults(help_lang=lang)  # surfaces read it for their --help
    _add_surface_commands(sub, common)
    return parser


def _add_surface_commands(sub: Any, common: argparse.ArgumentParser) -> None:
    from importlib import import_module

    for name in SURFACE_COMMANDS:
        import_module(name).add_parser(sub, common)


def _help_lang(argv: Sequence[str]) -> str:
    args = list(argv)
    for i, a in enumerate(args):
        if a == "--lang" and i + 1 < len(args):
            return args[i + 1]
        if a.startswith("--lang="):
            return a.split("=", 1)[1]
    return "vi"


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser(_help_lang(sys.argv[1:] if argv is None else argv))
    args = parser.parse_args(argv)
    try:
        code: int = args.func(args)
        return code
    except _UsageError as exc:
        parser.print_usage(sys.stderr)
        print(f"sandbox-rules: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except SandboxRulesError as exc:
        if getattr(args, "json", False):
            print(json.dumps({"error": exc.to_dict()}, ensure_ascii=False, indent=2))
        print(f"sandbox-rules: {exc.code}: {exc.message}", file=sys.stderr)
        return EXIT_ERROR


if __name__ == "__main__":
    raise SystemExit(main())
