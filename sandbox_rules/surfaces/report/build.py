"""What a decision report shows, collected from the result records' ``to_dict()`` form so the
page says exactly what the machine interface says; the few additions (clause quotes for
missing facts, how each data source matched the catalogue, day kinds for the pictures) are
read from the same package data the records cite.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from sandbox_rules.errors import InputValidationError


@dataclass(frozen=True)
class ReportInput:
    """A parsed input file: an application, a scenario, or a case file with both. A case of a
    case file carries its name (``case``: name, number counted from 1, count of cases) and,
    where the case checks a filing, its dossier (``dossier``: procedure, documents …)."""

    source_name: str
    source_sha256: str
    application: Mapping[str, Any] | None
    record: Mapping[str, Any] | None
    timelines: tuple[Mapping[str, Any], ...]
    compliance: Mapping[str, Any] | None
    as_of: date | None
    interpretations: Mapping[str, str] = field(default_factory=dict)
    case: Mapping[str, Any] | None = None
    dossier: Mapping[str, Any] | None = None


def _as_date(value: Any, source_name: str) -> date:
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        from sandbox_rules._validation import iso_form
        from sandbox_rules.i18n import Message

        iso = iso_form(value)  # written dd/mm/yyyy: the same day, as files write it
        hint = Message("error.iso_hint", {"value": iso}) if iso else ""
        raise InputValidationError.from_key(
            "report_input.bad_as_of", file=source_name, given=value, hint=hint
        ) from None


def _mapping_or_none(value: Any, part: str, source_name: str) -> Any:
    if value is not None and not isinstance(value, Mapping):
        raise InputValidationError.from_key(
            "report_input.part_not_mapping", file=source_name, part=part
        )
    return value


def read_input(
    data: Any,
    source_name: str,
    raw: bytes,
    *,
    as_of: date | None = None,
    interpretations: Mapping[str, str] | None = None,
    lang: str = "vi",
    located: Any = None,
) -> ReportInput:
    """Sort a file's top level into its parts. An application has ``applicant``; a scenario or
    case file has ``application`` and/or ``record`` (and ``timeline(s)``, ``compliance``).
    Its errors' messages are in both languages; an application's fields in ``lang`` too."""
    if not isinstance(data, Mapping):
        raise InputValidationError.from_key("report_input.not_mapping", file=source_name)
    if "applicant" in data:
        app: Mapping[str, Any] | None = data
        rest: Mapping[str, Any] = {}
    else:
        app = data.get("application")
        rest = data
    inp = _report_input(
        app,
        rest,
        source_name,
        hashlib.sha256(raw).hexdigest(),
        as_of=as_of,
        interpretations=interpretations,
    )
    from sandbox_rules.inputs import ComplianceInput
    from sandbox_rules.lifecycle import SandboxRecord
    from sandbox_rules.surfaces.inputs import Located, together, validate

    where = located if located is not None else Located(data, source=source_name)
    # Each part as its command reads it (one yes/no, errors on their lines), every part read
    # before any is refused: their problems together, in the file's order.
    checks: list[Callable[[], object]] = []
    if app is not None:
        root = () if "applicant" in data else ("application",)
        checks.append(lambda: _validate_application(where, root, lang))
    if inp.record is not None:
        checks.append(
            lambda: validate(SandboxRecord, where, root=("record",), lang=lang, what="input.record")
        )
    if inp.compliance is not None:
        checks.append(lambda: validate(ComplianceInput, where, lang=lang, what="input.compliance"))
    failures: list[InputValidationError] = []
    for check in checks:
        try:
            check()
        except InputValidationError as exc:
            failures.append(exc)
    if failures:
        raise together(failures, where.source, "cli.scenario")
    return inp


def _record_with_names(raw: dict[str, Any]) -> Any:
    """The record, its coded values read as every command reads them: a code or its
    Vietnamese name as the tables print it («đột xuất» for ad_hoc). The record was checked,
    with its lines, when the input was read."""
    from sandbox_rules._validation import ModelValidationError
    from sandbox_rules.lifecycle import SandboxRecord, load_record
    from sandbox_rules.surfaces.inputs import _by_names

    try:
        return load_record(raw)
    except ModelValidationError as exc:
        named = _by_names(SandboxRecord, raw, exc)
        if named is None:
            raise
        return load_record(named)


def _validate_application(located: Any, root: tuple[str | int, ...], lang: str) -> None:
    """The application checked as every command checks it: each problem in ``lang``, with
    its line in the file, items counted from 1, the nearest valid value."""
    from sandbox_rules.models import Application
    from sandbox_rules.surfaces.inputs import validate

    validate(Application, located, root=root, lang=lang, what="input.application")


def _report_input(
    app: Any,
    rest: Mapping[str, Any],
    source_name: str,
    sha256: str,
    *,
    as_of: date | None,
    interpretations: Mapping[str, str] | None,
    case: Mapping[str, Any] | None = None,
    dossier: Mapping[str, Any] | None = None,
) -> ReportInput:
    _mapping_or_none(app, "application", source_name)
    record = _mapping_or_none(rest.get("record"), "record", source_name)
    specs = rest.get("timelines") or ([rest["timeline"]] if rest.get("timeline") else [])
    if not isinstance(specs, list) or not all(isinstance(s, Mapping) for s in specs):
        raise InputValidationError.from_key("report_input.timelines_not_list", file=source_name)
    if app is None and record is None and not specs and dossier is None:
        raise InputValidationError.from_key("report_input.nothing", file=source_name)
    when = as_of
    if when is None and rest.get("as_of") is not None:
        when = _as_date(rest["as_of"], source_name)
    if when is None and (record is not None or specs):
        raise InputValidationError.from_key("report_input.needs_as_of", file=source_name)
    chosen = dict(
        _mapping_or_none(rest.get("interpretations"), "interpretations", source_name) or {}
    )
    chosen.update(interpretations or {})
    compliance = _mapping_or_none(rest.get("compliance"), "compliance", source_name)
    return ReportInput(
        source_name,
        sha256,
        app,
        record,
        tuple(specs),
        compliance,
        when,
        chosen,
        case,
        dossier,
    )


def is_case_file(data: Any) -> bool:
    """A case file (docs/casefiles.md): ``cases: [...]``, or one case with ``expect`` or
    ``from``."""
    return isinstance(data, Mapping) and (
        isinstance(data.get("cases"), list) or "expect" in data or "from" in data
    )


def choose_cases(names: list[str], wanted: str | None, source_name: str) -> list[int]:
    """The cases ``--case`` names: every case without it; otherwise the case of that exact
    name, or of that number (counted from 1), or the one whose name contains it. A name that
    fits no case, or several, is an input error listing the cases."""
    if wanted is None:
        return list(range(len(names)))
    from sandbox_rules.catalogues import fold

    listing = "; ".join(f"{i}. «{n}»" for i, n in enumerate(names, 1))
    exact = [i for i, n in enumerate(names) if n == wanted.strip()]
    if exact:
        return exact[:1]
    if wanted.strip().isdigit():  # a number is a case's number, never a name fragment
        if 1 <= int(wanted) <= len(names):
            return [int(wanted) - 1]
        raise InputValidationError.from_key(
            "report_input.case_number",
            file=source_name,
            given=wanted.strip(),
            count=len(names),
            cases=listing,
        )
    within = [i for i, n in enumerate(names) if fold(wanted) and fold(wanted) in fold(n)]
    if len(within) == 1:
        return within
    if within:
        shown = "; ".join(f"{i + 1}. «{names[i]}»" for i in within)
        raise InputValidationError.from_key(
            "report_input.many_cases", file=source_name, given=wanted, cases=shown
        )
    raise InputValidationError.from_key(
        "report_input.no_case", file=source_name, given=wanted, cases=listing
    )


def read_inputs(
    located: Any,
    source_name: str,
    raw: bytes,
    *,
    base: Path | None = None,
    as_of: date | None = None,
    interpretations: Mapping[str, str] | None = None,
    case: str | None = None,
    lang: str = "vi",
) -> list[ReportInput]:
    """The report inputs of a file (``located``: the parsed file with its lines,
    sandbox_rules.surfaces.inputs.Located): one for an application or a scenario; one per
    case of a case file (``--case`` chooses one), each case's application read where the
    case says — in the case, or in the file its ``from:`` names (relative to ``base``, the
    case file's folder), as ``sandbox-rules test`` reads it."""
    from sandbox_rules.surfaces.inputs import Located

    if not isinstance(located, Located):
        located = Located(located, source=source_name)
    data = located.data
    if not is_case_file(data):
        if case is not None:
            raise InputValidationError.from_key("report_input.case_needs_cases", file=source_name)
        return [
            read_input(
                data,
                source_name,
                raw,
                as_of=as_of,
                interpretations=interpretations,
                lang=lang,
                located=located,
            )
        ]
    if isinstance(data.get("cases"), list) and "expect" not in data:
        items, loc = data["cases"], located.sub("cases")
        subs = [loc.sub(i) for i in range(len(items))]
    else:
        items, subs = [data], [located]
    if not items:
        raise InputValidationError.from_key("report_input.no_cases", file=source_name)
    names = [
        str(x["name"]) if isinstance(x, Mapping) and x.get("name") is not None else f"#{i + 1}"
        for i, x in enumerate(items)
    ]
    sha256 = hashlib.sha256(raw).hexdigest()
    out = []
    for i in choose_cases(names, case, source_name):
        out.append(
            _case_input(
                subs[i],
                base or Path("."),
                source_name,
                sha256,
                {
                    "name": names[i],
                    "number": i + 1,
                    "of": len(items),
                    "expected_error": _expected_error(items[i]),
                },
                as_of=as_of,
                interpretations=interpretations,
                lang=lang,
            )
        )
    return out


def _expected_error(item: Any) -> str | None:
    expect = item.get("expect") if isinstance(item, Mapping) else None
    error = expect.get("error") if isinstance(expect, Mapping) else None
    return str(error) if error is not None else None


def _case_input(
    loc: Any,
    base: Path,
    source_name: str,
    sha256: str,
    case: Mapping[str, Any],
    *,
    as_of: date | None,
    interpretations: Mapping[str, str] | None,
    lang: str,
) -> ReportInput:
    """One case of a case file as a report input: validated as ``test`` validates it (errors
    with their lines), its application from the case or its ``from:`` file."""
    from sandbox_rules.surfaces.casefiles.runner import case_sources, read_case

    c = read_case(loc, base, lang)  # every problem of the case, in the file's order
    app_loc, app_root, scenario = case_sources(c, loc, base)
    app: Mapping[str, Any] | None = None
    if app_loc is not None:
        _validate_application(app_loc, app_root, lang)
        app = app_loc.data
        for k in app_root:
            app = app[k]  # type: ignore[index]
    rest: dict[str, Any] = {
        k: scenario[k]
        for k in ("record", "timeline", "timelines", "compliance", "as_of", "interpretations")
        if k in scenario
    }
    raw_case = loc.data
    for k in ("record", "compliance"):
        if raw_case.get(k) is not None:
            rest[k] = raw_case[k]
    if c.timeline is not None:
        rest.pop("timelines", None)
        rest["timeline"] = {"procedure": c.timeline.procedure, "events": dict(c.timeline.events)}
    if c.as_of is not None:
        rest["as_of"] = c.as_of
    rest["interpretations"] = {**(scenario.get("interpretations") or {}), **c.interpretations}
    dossier = None
    if c.dossier is not None:
        dossier = c.dossier.model_dump()
    return _report_input(
        app,
        rest,
        source_name,
        sha256,
        as_of=as_of,
        interpretations=interpretations,
        case=case,
        dossier=dossier,
    )


def _quote(citation: str, limit: int | None = 400) -> str:
    from sandbox_rules.law.text import load_law

    return load_law().resolve(citation).quote(limit)


def _cite_vi(citation: str) -> str:
    from sandbox_rules.law.citation import Citation

    return Citation.parse(citation).vi()


def _cite_en(citation: str) -> str:
    from sandbox_rules.law.citation import Citation

    return Citation.parse(citation).en()


def clause(citation: str) -> dict[str, str]:
    """A citation with its Vietnamese and English names and the quoted text."""
    return {
        "citation": citation,
        "vi": _cite_vi(citation),
        "en": _cite_en(citation),
        "quote": _quote(citation),
    }


def source_matches(app: Mapping[str, Any]) -> list[dict[str, Any]]:
    """How each data source's ``managed_by`` was matched to the catalogue (12.1.a)."""
    from sandbox_rules.catalogues import catalogue, fold

    cat = catalogue()
    out: list[dict[str, Any]] = []
    sources = app.get("data_sources") or []
    if not isinstance(sources, list):
        return out
    for raw in sources:
        if not isinstance(raw, Mapping):
            continue
        written = raw.get("managed_by")
        row: dict[str, Any] = {
            "name": raw.get("name"),
            "owning_unit": raw.get("owning_unit"),
            "managed_by": written,
            "defence_or_cipher": raw.get("defence_or_cipher"),
            "body": None,
            "how": "unknown" if written is None else "no_match",
            "source": None,
        }
        if isinstance(written, str) and written.strip():
            try:
                body = cat.lookup(written)
            except InputValidationError:
                out.append(row)
                continue
            key = fold(written)
            if written.strip().upper() == body.code:
                how = "code"
            elif written.strip() in (body.name, body.full_name_vi, body.name_en):
                how = "exact"
            elif key in {fold(x) for x in body.merged_from} and key != fold(body.name):
                how = "former_name"
            else:
                how = "folded"
            group = (
                "provinces"
                if body.is_provincial
                else ("government_agencies" if body.kind == "government_agency" else "ministries")
            )
            src = cat.sources.get(group)
            row.update(
                body=body.to_dict(),
                how=how,
                source=None
                if src is None
                else {"document": src.get("document"), "confirmed": src.get("confirmed")},
            )
        out.append(row)
    return out


def missing_facts(records: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    """The facts still needed, from the assessment's part answers (Art. 9, 10, 11; or its
    overall list where a record has no parts) and from the routing (Art. 12)."""
    out: list[Mapping[str, Any]] = []
    a = records.get("assessment") or {}
    parts = [a[k] for k in ("conditions", "scope", "plan") if isinstance(a.get(k), Mapping)]
    for source in parts or [a]:
        out += list(source.get("missing_facts") or ())
    out += list((records.get("routing") or {}).get("missing_facts") or ())
    return out


def _stop_dates(procedure: str, events: Mapping[str, Any]) -> tuple[str | None, str | None]:
    from sandbox_rules.procedures import PROCEDURES

    proc = PROCEDURES.get(procedure)
    if proc is None or proc.stop is None:
        return None, None
    start, end = (events.get(proc.stop[0]), events.get(proc.stop[1]))
    return (
        None if start is None else str(start),
        None if end is None else str(end),
    )


def _calendar(interp: Mapping[str, str], overrides: Any) -> Any:
    from sandbox_rules.calendar import VietnamCalendar

    return VietnamCalendar(overrides=overrides, interpretations=dict(interp))


def build(inp: ReportInput, *, overrides: Any = None) -> dict[str, Any]:
    """Every record the report shows, as dicts, plus what the pictures need."""
    from sandbox_rules import __version__
    from sandbox_rules.law.text import law_version

    out: dict[str, Any] = {
        "source": {"name": inp.source_name, "sha256": inp.source_sha256},
        "as_of": inp.as_of.isoformat() if inp.as_of else None,
        "assessment": None,
        "routing": None,
        "dossier": None,
        "sources": [],
        "timelines": [],
        "clock_stops": [],  # one per timeline: drawn by the report, not part of the record
        "lifecycle": None,
        "obligations": None,
        "duties": None,
        "subject": None,
        "case": dict(inp.case) if inp.case is not None else None,
    }
    interp = dict(inp.interpretations)
    calendar_versions: set[str] = set()
    if inp.application is not None:
        from sandbox_rules.engine import assess, issuance_dossier, route
        from sandbox_rules.models import load_application

        app = load_application(inp.application)
        out["assessment"] = assess(app, interp or None).to_dict()
        out["routing"] = route(app, interp or None).to_dict()
        spec = inp.dossier
        if spec is None:
            out["dossier"] = issuance_dossier(app, interp or None).to_dict()
        else:  # the filing the case checks (sandbox-rules test reads it the same way)
            from sandbox_rules.engine import dossier

            docs = spec.get("documents")
            out["dossier"] = dossier(
                str(spec.get("procedure") or "issuance"),
                spec.get("applicant_kind") or app.applicant.kind,
                app.submission.documents if docs is None else docs,
                requires_extension=spec.get("requires_extension"),
                interpretations=interp or None,
            ).to_dict()
        out["sources"] = source_matches(inp.application)
        out["missing_clauses"] = {c: clause(c) for m in missing_facts(out) for c in m["asked_by"]}
        out["subject"] = (inp.application.get("plan") or {}).get("name") or (
            inp.application.get("applicant") or {}
        ).get("name")
    if inp.application is None and inp.dossier is not None:  # a filing checked on its own
        from sandbox_rules.engine import dossier as check_dossier

        spec = inp.dossier
        out["dossier"] = check_dossier(
            str(spec.get("procedure") or "issuance"),
            spec.get("applicant_kind"),
            spec.get("documents"),
            requires_extension=spec.get("requires_extension"),
            interpretations=interp or None,
        ).to_dict()
    cal = _calendar(interp, overrides)
    for spec in inp.timelines:
        from sandbox_rules.procedures import timeline

        assert inp.as_of is not None
        events = spec.get("events") or {}
        t = timeline(
            str(spec.get("procedure")),
            events,
            inp.as_of,
            interpretations=interp or None,
            calendar=cal,
        )
        td = t.to_dict()
        stop = _stop_dates(td["procedure"], events) if isinstance(events, Mapping) else (None, None)
        out["timelines"].append(td)  # the timeline record as `timeline --json` prints it
        out["clock_stops"].append({"start": stop[0], "end": stop[1]})
        calendar_versions.add(td["provenance"].get("calendar_data_version", ""))
    if inp.record is not None:
        from sandbox_rules.lifecycle import lifecycle
        from sandbox_rules.obligations import obligations

        assert inp.as_of is not None
        raw = dict(inp.record)
        if interp:
            raw["interpretations"] = {**(raw.get("interpretations") or {}), **interp}
        rec = _record_with_names(raw)
        rcal = _calendar(rec.interpretations, overrides)
        out["lifecycle"] = lifecycle(rec, inp.as_of, calendar=rcal).to_dict()
        sched = obligations(rec, inp.as_of, calendar=rcal)
        out["obligations"] = sched.to_dict()
        calendar_versions.add(rcal.data_version)
        out["subject"] = out["subject"] or rec.name
        if inp.compliance is not None:
            from sandbox_rules.duties import record_duties

            # 22.2 reads the record's schedule, as lifecycle does (one path for every surface).
            out["duties"] = record_duties(inp.compliance, rec, inp.as_of, schedule=sched).to_dict()
    used: dict[str, str] = {}
    for part in ("assessment", "routing", "dossier", "lifecycle", "obligations", "duties"):
        if out[part] is not None:
            used.update(out[part].get("interpretations_used") or {})
    for td in out["timelines"]:
        used.update(td.get("interpretations_used") or {})
    out["interpretations_used"] = dict(sorted(used.items()))
    out["provenance"] = {
        "library_version": __version__,
        "law_version": law_version(),
        "calendar_data_version": cal.data_version,
        "calendar_versions": sorted(v for v in calendar_versions if v),
        "holidays_version": cal.holidays_version,
        "overrides": list(cal.overrides_applied),
    }
    out["calendar"] = cal
    return out


def build_case(inp: ReportInput, *, overrides: Any = None, lang: str = "vi") -> dict[str, Any]:
    """:func:`build` for one case of a case file with several: a case the library refuses
    (an input or rule error, or the refusal the case expects, ``expect.error``) gets a note
    saying so — code and message — instead of stopping the other cases' notes."""
    from sandbox_rules.errors import SandboxRulesError

    try:
        return build(inp, overrides=overrides)
    except SandboxRulesError as exc:
        empty = ReportInput(
            inp.source_name, inp.source_sha256, None, None, (), None, inp.as_of, {}, inp.case
        )
        out = build(empty, overrides=overrides)
        expected = (inp.case or {}).get("expected_error")
        out["error"] = {
            "code": exc.code,
            "message": exc.terminal_in(lang),  # in the officer's language
            "expected": expected is not None and expected == exc.code,
        }
        return out
