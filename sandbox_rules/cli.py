"""``sandbox-rules`` command line.

Exit codes, the same in every command: 0 ok; 1 an input or rule error (a typed
``SandboxRulesError``: a bad file, a bad date in it, an output path that cannot be written);
2 a usage error (unknown option, missing argument, malformed or unknown ``--interpretation``,
a day not written YYYY-MM-DD), said on stderr and, with ``--json``, as an error record on
stdout too (code ``usage``, ``interpretation``, or ``input_validation`` for a day, with the day
meant as ``suggestion``);
70 a bug (one line naming it; ``SANDBOX_RULES_DEBUG=1`` shows the traceback). A reader that
closes the pipe early (``| head``) ends the run quietly with 0.
"""

from __future__ import annotations

import argparse
import contextvars
import os
import re
import sys
from collections.abc import Callable, Mapping, Sequence
from datetime import date
from typing import Any

from sandbox_rules import cli_io
from sandbox_rules.cli_io import message
from sandbox_rules.errors import (
    EventOrderError,
    InputValidationError,
    InvalidTransitionError,
    SandboxRulesError,
    UsageError,
)

EXIT_OK, EXIT_ERROR, EXIT_USAGE, EXIT_BUG = 0, 1, 2, 70

# Commands of surfaces that live apart from the core (sandbox_rules/surfaces/): each module
# has add_parser(sub, common). Imported only when the parser is built.
SURFACE_COMMANDS: tuple[str, ...] = (
    "sandbox_rules.surfaces.server.command",
    "sandbox_rules.surfaces.report.cli",
    "sandbox_rules.surfaces.casefiles.cli",
    "sandbox_rules.surfaces.templates.cli",
    "sandbox_rules.surfaces.interview.cli",
)

# Options valid before or after the command name. Both parsers declare them with SUPPRESS,
# so a value given before the command is not overwritten by the subcommand's default.
GLOBAL_DEFAULTS: tuple[tuple[str, Any], ...] = (("json", False), ("pretty", False), ("lang", "vi"))

# The largest line a batch reads; an application is a few KB.
MAX_BATCH_LINE = 1024 * 1024


class _UsageError(Exception):
    """A wrong command line (exit 2) and its typed error: code ``usage``, ``interpretation``
    (an unknown ``--interpretation``) or ``input_validation`` (a day not written YYYY-MM-DD,
    with the day meant). Said on stderr as a usage error; with ``--json`` its record is on
    stdout too. Raised out of argparse too (an option's type), which lets other errors by."""

    def __init__(self, error: SandboxRulesError) -> None:
        super().__init__(error.message)
        self.error = error


#: Whether the command line being parsed asks for ``--json`` (argparse's errors say it).
_AS_JSON: contextvars.ContextVar[bool] = contextvars.ContextVar("as_json", default=False)


def _usage(key: str, /, **fields: object) -> _UsageError:
    return _UsageError(UsageError.from_key(key, **fields))


# -- argparse in two languages -------------------------------------------------------------------
# argparse's own messages, in Vietnamese when --lang is not en: the English table holds
# argparse's exact words, each replaced by its translation (most specific first).
_ARGPARSE_WORDS = (
    "argparse.required",
    "argparse.unrecognized",
    "argparse.invalid_choice",
    "argparse.choose_from",
    "argparse.expected_one",
    "argparse.invalid_int",
    "argparse.invalid_date",
    "argparse.not_allowed_with",
    "argparse.ambiguous",
    "argparse.could_match",
    "argparse.argument",
)


def _parser_class(lang: str) -> type[argparse.ArgumentParser]:
    class Formatter(argparse.HelpFormatter):
        def add_usage(self, usage: Any, actions: Any, groups: Any, prefix: Any = None) -> None:
            if prefix is None:  # argparse passes "" when it builds a subcommand's prog
                prefix = message("argparse.usage", lang)
            super().add_usage(usage, actions, groups, prefix)

    class Parser(argparse.ArgumentParser):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            kwargs.setdefault("formatter_class", Formatter)
            add_help = kwargs.get("add_help", True)
            kwargs["add_help"] = False  # our own -h, with translated help
            # The parents' options join this parser's group of the same title: so the titles
            # are translated before the parents are added, or help shows two "tùy chọn".
            parents = kwargs.pop("parents", [])
            super().__init__(*args, **kwargs)
            self._positionals.title = message("argparse.positionals", lang)
            self._optionals.title = message("argparse.options", lang)
            for parent in parents:
                self._add_container_actions(parent)
                self._defaults.update(parent._defaults)
            if add_help:
                self.add_argument(
                    "-h",
                    "--help",
                    action="help",
                    default=argparse.SUPPRESS,
                    help=message("argparse.help", lang),
                )

        def _print_message(self, message: str, file: Any = None) -> None:
            stream = file if file is not None else sys.stdout
            if stream is None:
                return
            if message and not cli_io.can_show_vietnamese(stream):
                message = cli_io.transliterate(message)
            if message:
                stream.write(message)

        def error(self, text: str) -> Any:  # usage errors exit 2 with a clear message
            said = {"en": text, "vi": text}  # argparse's words are English: translated
            for key in _ARGPARSE_WORDS:
                said["vi"] = said["vi"].replace(message(key, "en"), message(key, "vi"))
            if _AS_JSON.get():  # a JSON caller gets the error's record too
                from sandbox_rules.i18n import Texts

                error = UsageError.from_key(
                    "cli.usage", prog=self.prog, detail=Texts(said["vi"], said["en"])
                )
                _write_json_error(error, cli_io.can_show_vietnamese(sys.stdout))
            self.print_usage(sys.stderr)
            _write_err(f"{self.prog}: {message('argparse.error', lang)}: {said[lang]}")
            raise SystemExit(EXIT_USAGE)

    return Parser


def _lang_of(argv: Sequence[str]) -> str:
    """The language asked for anywhere on the line (help and messages follow it)."""
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv):
            return "en" if argv[i + 1] == "en" else "vi"
        if arg.startswith("--lang="):
            return "en" if arg == "--lang=en" else "vi"
    return "vi"


# -- one run: streams, language, calendars ------------------------------------------------------
class _Run:
    """What one invocation prints with and computes with (no state outlives it)."""

    def __init__(self, args: argparse.Namespace, out_ok: bool) -> None:
        self.lang: str = args.lang
        self.as_json: bool = args.json
        self.pretty: bool = args.pretty or cli_io.is_tty(sys.stdout)
        self.form: str = getattr(args, "form", "full")
        self.ascii_only = not out_ok
        self.choices: dict[str, str] = _interp_args(args, self.lang)
        raw_overrides = getattr(args, "overrides", None)
        if raw_overrides == "-" and getattr(args, "file", None) == "-":
            raise _usage("cli.overrides_stdin_twice")
        self.overrides = cli_io.load_overrides(raw_overrides) if raw_overrides else None
        self._calendars: dict[tuple[tuple[str, str], ...], Any] = {}

    def calendar(self, chosen: Any = None) -> Any:
        """The calendar for these readings, with --overrides; None without overrides (the
        library then uses its own). Built once per set of readings in a run."""
        if self.overrides is None:
            return None
        from sandbox_rules.calendar import VietnamCalendar
        from sandbox_rules.interpretations import Interpretations

        interp = Interpretations.of(chosen)
        cal = self._calendars.get(interp.chosen)
        if cal is None:
            cal = VietnamCalendar(overrides=self.overrides, interpretations=dict(interp.chosen))
            self._calendars[interp.chosen] = cal
        return cal

    def out(self, text: str) -> None:
        cli_io.write_stdout((cli_io.transliterate(text) if self.ascii_only else text) + "\n")

    def encode(self, value: Any, pretty: bool | None = None) -> str:
        return cli_io.encode(
            value,
            pretty=self.pretty if pretty is None else pretty,
            form=self.form,
            ascii_only=self.ascii_only,
        )

    def emit(self, value: Any, text: Callable[[], str] | str) -> None:
        """JSON of ``value`` (a record or plain data, or a function giving it, called only
        for --json) with --json, else the text."""
        if self.as_json:
            self.out(self.encode(value() if callable(value) else value))
        else:
            self.out(text() if callable(text) else text)


def _write_err(text: str) -> None:
    stream = sys.stderr
    if stream is None:  # closed by the caller (`2>&-`): the exit code still tells
        return
    if not cli_io.can_show_vietnamese(stream):
        text = cli_io.transliterate(text)
    try:
        stream.write(text + "\n")
        stream.flush()
    except (OSError, ValueError):  # stderr closed or broken: nothing more to say
        pass


def _run_of(args: argparse.Namespace) -> _Run:
    run: _Run = args.run
    return run


def _interp_args(args: argparse.Namespace, lang: str | None = None) -> dict[str, str]:
    """--interpretation ID=OPTION, checked here so a bad one is a usage error everywhere.
    (Surfaces call it too: sandbox_rules/surfaces.)"""
    from sandbox_rules.errors import InterpretationError
    from sandbox_rules.interpretations import get

    lang = lang or str(getattr(args, "lang", "vi"))

    choices = {}
    for item in getattr(args, "interpretation", None) or []:
        key, sep, value = item.partition("=")
        if not sep:
            raise _usage("cli.interpretation_form", given=repr(item))
        try:
            get(key).check(value)
        except InterpretationError as exc:
            from sandbox_rules.i18n import Message

            detail = Message(exc.key, dict(exc.fields)) if exc.key else exc.message
            raise _UsageError(
                InterpretationError.from_key("cli.interpretation_bad", detail=detail)
            ) from None
        choices[key] = value
    return choices


def _load_file(path: str) -> Any:
    """An input file or ``-`` as data (for surfaces: sandbox_rules/surfaces)."""
    return cli_io.load_input(path)


def _day(d: date, lang: str) -> str:
    """dd/mm/yyyy in Vietnamese output, ISO in English."""
    return d.isoformat() if lang == "en" else d.strftime("%d/%m/%Y")


def iso_type(lang: str, name: str = "--as-of") -> Callable[[str], date]:
    """The type of a date option ``name`` (YYYY-MM-DD): anything else is a usage error (exit
    2) whose typed error (``input_validation``, one field error of type ``date_parsing``, as
    a day in a file) says what is wrong with it, the form to write and, where it can tell,
    the day meant in that form (``suggestion``). ``lang`` is kept for the surfaces' calls."""

    def parse(value: str) -> date:
        try:
            return date.fromisoformat(value)
        except ValueError:
            raise _UsageError(_date_error(value, name)) from None

    return parse


def _remind_type(value: str) -> int:
    """--ics-remind N: a whole number of working days in the range the iCalendar takes;
    anything else is a usage error naming the option (not the library's argument)."""
    from sandbox_rules.surfaces.ics import MAX_REMIND

    try:
        n = int(value)
    except ValueError:
        n = -1
    if not 0 <= n <= MAX_REMIND:
        raise _usage(
            "cli.int_range", option="--ics-remind", low=0, high=MAX_REMIND, given=repr(value)
        )
    return n


def _date_error(value: str, name: str) -> InputValidationError:
    from sandbox_rules.i18n import Texts

    said = {lg: date_problem(value, lg) for lg in ("vi", "en")}
    entry: dict[str, Any] = {
        "field": name,
        "loc": [name],
        "type": "date_parsing",
        "msg": said["en"],
        "msg_vi": said["vi"],
        "input": value,
    }
    suggestion = _date_suggestion(value)
    if suggestion is not None:
        entry["suggestion"] = suggestion
    problem = Texts(said["vi"], said["en"])
    if not name.startswith("-"):  # a positional argument: its value is all the line shows
        return InputValidationError.from_key(
            "cli.argument_invalid", problem=problem, errors=[entry]
        )
    return InputValidationError.from_key(
        "cli.option_invalid", option=name, problem=problem, errors=[entry]
    )


_ISO_SHAPE = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*$")


def _date_suggestion(value: str) -> str | None:
    """The ISO form of the day ``value`` most likely is: written dd/mm/yyyy, or with day and
    month swapped; None if there is none."""
    from sandbox_rules._validation import iso_form

    found = iso_form(value)
    m = _ISO_SHAPE.match(value)
    if found is None and m is not None:
        y, mo, d = (int(g) for g in m.groups())
        try:
            found = date(y, d, mo).isoformat()  # day and month swapped
        except ValueError:
            found = None
    return found


def date_problem(value: str, lang: str) -> str:
    """Why ``value`` is no YYYY-MM-DD day, and the ISO form of the day it most likely is: a
    day written dd/mm/yyyy (15/12/2028 -> 2028-12-15), or with day and month swapped
    (2029-13-01 -> 2029-01-13)."""
    from sandbox_rules._validation import iso_form

    suggestion = _date_suggestion(value)
    m = _ISO_SHAPE.match(value)
    if iso_form(value) is not None:
        why = message("cli.date_dmy", lang)
    elif m is not None:
        y, mo, d = (int(g) for g in m.groups())
        why = (
            message("cli.date_no_month", lang, month=mo)
            if not 1 <= mo <= 12
            else message("cli.date_no_day", lang, day=d, month=f"{mo:02d}", year=y)
        )
    else:
        why = message("cli.date_form", lang)
    hint = message("cli.date_suggest", lang, value=suggestion) if suggestion else ""
    return message("cli.date_bad", lang, given=value, why=why, hint=hint)


# -- commands that print catalogues --------------------------------------------------------------
def _reference() -> Any:
    """The records of the reference data (law, rules, coverage, catalogue, calendar), the
    ones the HTTP service returns: imported only for --json."""
    from sandbox_rules import reference_records

    return reference_records


def cmd_law(args: argparse.Namespace) -> int:
    from sandbox_rules.law.text import load_law

    run = _run_of(args)
    law = load_law()
    unit = law.resolve(args.citation)
    c = unit.citation
    lang = run.lang
    decree = message("law.decree", lang)
    if lang == "en":
        summary = unit.summary_en or message("law.no_summary", lang)
        text = (
            f"{c.en()} — {decree}\n{summary}\n\n{message('law.authoritative', lang)}\n{unit.text}"
        )
    else:
        text = f"{c.vi()} {decree} — {unit.article_title}\n{unit.text}"
    run.emit(lambda: _reference().law_unit_record(c), text)
    return EXIT_OK


def cmd_rules(args: argparse.Namespace) -> int:
    from sandbox_rules.rules import registry

    run = _run_of(args)
    rules = list(registry())
    if args.kind:
        rules = [r for r in rules if r.kind.value == args.kind]

    def text() -> str:
        lines = []
        for r in rules:
            cites = ", ".join(c.render(run.lang) for c in r.citations)
            stmt = r.statement_en if run.lang == "en" else r.statement_vi
            lines.append(f"{r.id}  [{r.kind.value}]  {cites}\n    {stmt}")
        return "\n".join(lines) + "\n\n" + message("rules.count", run.lang, n=len(rules))

    run.emit(lambda: _reference().rules_record(args.kind), text)
    return EXIT_OK


def cmd_coverage(args: argparse.Namespace) -> int:
    from sandbox_rules.coverage import coverage_counts, coverage_table
    from sandbox_rules.rules import registry

    run = _run_of(args)
    rows = coverage_table(registry())
    counts = coverage_counts(rows)
    lang = run.lang
    lines = [message("coverage.head", lang)]
    for row in rows:
        detail = ", ".join(row.rule_ids) if row.rule_ids else row.note_in(lang)
        status = message(f"coverage.status.{row.status}", lang)
        lines.append(f"{row.citation.short:<13} {status:<16}{detail}")
    lines.append("\n" + message("coverage.counts", lang, **counts))
    run.emit(lambda: _reference().coverage_record(), "\n".join(lines))
    return EXIT_OK


def _calendar(args: argparse.Namespace) -> Any:
    from sandbox_rules.calendar import VietnamCalendar

    run = _run_of(args)
    cal = run.calendar(run.choices)
    return cal if cal is not None else VietnamCalendar(interpretations=run.choices)


def cmd_calendar(args: argparse.Namespace) -> int:
    from sandbox_rules.calendar.core import WEEKDAY_EN, WEEKDAY_VI

    run = _run_of(args)
    cal = _calendar(args)
    days = cal.days_off(args.year)
    lang = run.lang
    official = args.year in cal.official_years
    status = message("calendar.official" if official else "calendar.provisional", lang)
    lines = [f"{args.year}: {status} — {message('calendar.data', lang)} {cal.data_version}"]
    for d in days:
        name = d.name_en if lang == "en" else d.name_vi
        docs = "; ".join((x.cite_en() if lang == "en" else x.cite_vi()) for x in d.documents)
        mark = message("calendar.worked", lang) if d.status == "worked" else ""
        # dd/mm/yyyy in Vietnamese output, ISO in English
        shown = _day(d.date, lang)
        wd = (WEEKDAY_EN if lang == "en" else WEEKDAY_VI)[d.date.weekday()]
        lines.append(f"  {shown} {wd:<9} {mark:<8} {name} — {docs}")
    run.emit(lambda: _reference().calendar_year_record(cal, args.year), "\n".join(lines))
    return EXIT_OK


def cmd_deadline(args: argparse.Namespace) -> int:
    from sandbox_rules.calendar import Days, Months, WorkingDays, Years

    run = _run_of(args)
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
        raise _usage("deadline.one_period")
    cls, n = chosen[0]
    dl = _calendar(args).deadline(args.event, cls(n))
    if args.explain:
        text = dl.explain(run.lang)
    else:
        shown = _day(dl.date, run.lang)
        text = shown + (f" ({message('deadline.provisional', run.lang)})" if dl.provisional else "")
    run.emit(dl.record(explain=args.explain), text)
    return EXIT_OK


def cmd_schema(args: argparse.Namespace) -> int:
    from sandbox_rules.schema import json_schema

    run = _run_of(args)
    # As every output: one line, indented with --pretty or on a terminal.
    run.out(run.encode(json_schema(args.which)))
    return EXIT_OK


def cmd_catalogue(args: argparse.Namespace) -> int:
    from sandbox_rules.catalogues import catalogue

    run = _run_of(args)
    cat = catalogue()
    bodies = list(cat.bodies.values())
    lang = run.lang
    lines = []
    for kind in ("city", "province", "ministry", "ministerial_agency", "government_agency"):
        group = [b for b in bodies if b.kind == kind]
        lines.append(f"{message(f'kind.{kind}', lang)} ({len(group)}):")
        lines.extend(
            f"  {b.code:<8} {b.name:<40} {b.head_en if lang == 'en' else b.head_vi}" for b in group
        )
    lines.append("")
    yes_no = {
        True: message("catalogue.confirmed", lang),
        False: message("catalogue.unconfirmed", lang),
    }
    from sandbox_rules.i18n import Term

    lines.extend(
        message(
            "catalogue.source",
            lang,
            which=Term("catalogue.part", k),
            document=v["document"],
            confirmed=yes_no.get(v["confirmed"], str(v["confirmed"])),
        )
        for k, v in cat.sources.items()
    )
    run.emit(lambda: _reference().catalogue_record(), "\n".join(lines))
    return EXIT_OK


# -- commands that read an application or a scenario ---------------------------------------------
# Each computes from already-loaded data and returns (the output record, its text), so a
# single file and a batch line go through the same code.
_Answer = tuple[Any, Callable[[], str]]


def _bad(where: object, key: str, **fields: object) -> InputValidationError:
    """An input error written by the CLI (message ``key`` of the tables), naming where it is
    (the file, or a message such as a batch's line)."""
    from sandbox_rules.i18n import Message

    return InputValidationError.from_key("error.at", where=where, why=Message(key, fields))


def _mapping(data: Any, where: object, what: object) -> dict[str, Any]:
    if not isinstance(data, dict):
        from sandbox_rules.i18n import Term

        kind = Term("type", type(data).__name__)
        raise _bad(where, "cli.not_mapping", what=what, kind=kind)
    return data


def _application_input(data: Any) -> tuple[Any, dict[str, Any]]:
    """A scenario file is an application, or {"application": ..., other keys}."""
    if isinstance(data, dict) and "application" in data:
        return data["application"], {k: v for k, v in data.items() if k != "application"}
    return data, {}


def _located(data: Any, args: argparse.Namespace, where: object) -> Any:
    """``data`` with the lines of its file when it was read from a YAML file (not in batch);
    its ``source`` names the file, or is empty where ``where`` (a message, say a batch's
    line) names it."""
    from sandbox_rules.surfaces.inputs import Located, read_yaml

    path = str(getattr(args, "file", "") or "")
    if path.lower().endswith((".yaml", ".yml")) and getattr(args, "command", "") != "batch":
        return read_yaml(path)
    return Located(data)


def _source(located: Any, where: object) -> object:
    """Where the input came from, as its errors name it: the YAML file, or ``where``."""
    return located.source if located.lines else where


def _application_of(data: Any, args: argparse.Namespace, where: object) -> Any:
    """The application in ``data``; invalid input is reported in --lang with the field in
    the text's terms, items counted from 1, the nearest valid value and, for a YAML file,
    its lines (sandbox_rules.surfaces.inputs)."""
    from sandbox_rules.models import Application
    from sandbox_rules.surfaces.inputs import validate

    run = _run_of(args)
    located = _located(data, args, where)
    root = (
        ("application",) if isinstance(located.data, dict) and "application" in located.data else ()
    )
    source = _source(located, where)
    return validate(
        Application, located, root=root, lang=run.lang, what="input.application", source=source
    )


def _assess(data: Any, args: argparse.Namespace, where: object) -> _Answer:
    from sandbox_rules.engine import assess
    from sandbox_rules.report import render_assessment

    run = _run_of(args)
    result = assess(_application_of(data, args, where), run.choices or None)
    return result, lambda: render_assessment(result, run.lang, show_all=getattr(args, "all", False))


def _route(data: Any, args: argparse.Namespace, where: object) -> _Answer:
    from sandbox_rules.engine import route
    from sandbox_rules.report import render_routing

    run = _run_of(args)
    result = route(_application_of(data, args, where), run.choices or None)
    return result, lambda: render_routing(result, run.lang)


def _dossier(data: Any, args: argparse.Namespace, where: object) -> _Answer:
    from sandbox_rules.engine import dossier
    from sandbox_rules.report import render_dossier

    run = _run_of(args)
    checklist = {"procedure", "applicant_kind", "documents", "requires_extension"}
    if (
        isinstance(data, dict)
        and checklist & set(data)
        and not {"applicant", "application"} & set(data)
    ):
        # a bare checklist: {procedure, applicant_kind, documents, requires_extension}
        from sandbox_rules.inputs import DossierInput
        from sandbox_rules.surfaces.inputs import validate

        located = _located(data, args, where)
        source = _source(located, where)
        validate(DossierInput, located, lang=run.lang, what="input.dossier", source=source)
        app_data, extra = None, data
    else:
        app_data, extra = _application_input(data)
    procedure = _procedure_of(extra, args, where)
    kind: str | None
    if app_data is not None and "documents" not in extra and procedure == "issuance":
        from sandbox_rules.engine import issuance_dossier

        # 12.2's documents and the contents Art. 11 requires of the plan (12.3.b).
        # read as assess reads it: one yes/no, errors with their lines (surfaces/inputs.py)
        check = issuance_dossier(_application_of(data, args, where), run.choices or None)
        return check, lambda: render_dossier(check, run.lang)
    if app_data is not None and "documents" not in extra:
        app = _application_of(data, args, where)
        kind, docs = app.applicant.kind, app.submission.documents
    else:
        kind = extra.get("applicant_kind")
        if kind is None and isinstance(app_data, dict):
            applicant = app_data.get("applicant")
            kind = applicant.get("kind") if isinstance(applicant, dict) else None
        docs = extra.get("documents")
    result = dossier(
        procedure,
        kind,
        docs,
        requires_extension=extra.get("requires_extension"),
        interpretations=run.choices or None,
    )
    return result, lambda: render_dossier(result, run.lang)


def _procedure_of(extra: Mapping[str, Any], args: argparse.Namespace, where: object) -> str:
    """The filing to check: --procedure, else the file's ``procedure:``, else issuance; the
    two given and different is an input error (neither silently wins)."""
    chosen = getattr(args, "procedure", None)
    written = extra.get("procedure")
    if written is not None and not isinstance(written, str):
        written = str(written)
    if chosen and written and chosen != written:
        raise _bad(where, "cli.procedure_conflict", written=written, chosen=chosen)
    return str(chosen or written or "issuance")


def _scenario(data: Any, args: argparse.Namespace, where: object) -> tuple[dict[str, Any], date]:
    from sandbox_rules.i18n import Message

    scenario = _mapping(data, where, Message("cli.scenario", {}))
    as_of = args.as_of or scenario.get("as_of")
    if as_of is None:
        raise _bad(where, "cli.no_as_of")
    if not isinstance(as_of, date):
        try:
            as_of = date.fromisoformat(str(as_of))
        except ValueError:
            from sandbox_rules._validation import iso_form

            shown = cli_io.short(repr(as_of))
            iso = iso_form(as_of)  # written dd/mm/yyyy: the same day in ISO form
            hint = Message("error.iso_hint", {"value": iso}) if iso else ""
            if args.as_of or not isinstance(scenario.get("record"), dict):
                raise _bad(where, "cli.bad_as_of", given=shown, hint=hint) from None
            raise _with_as_of(scenario, args, where, as_of, iso) from None
    return scenario, as_of


def _with_as_of(
    scenario: dict[str, Any], args: argparse.Namespace, where: object, given: object, iso: Any
) -> Any:
    """The wrong ``as_of`` of a scenario, on its line, with every problem of its record in
    the same report (the officer fixes the file once, not in waves)."""
    from sandbox_rules.errors import InputValidationError
    from sandbox_rules.surfaces.inputs import invalid, iso_hint

    run = _run_of(args)
    file = _located(scenario, args, where)
    said = {
        lg: cli_io.message("validation.date", lg, given=given)
        + ("." + iso_hint(given, lg) if iso else "")
        for lg in ("vi", "en")
    }
    entry: dict[str, Any] = {
        "field": "as_of",
        "loc": ["as_of"],
        "line": file.line(("as_of",)) if file.lines else None,
        "type": "date_from_datetime_parsing",
        "input": given if isinstance(given, (str, int, float)) else None,
        "problem_vi": said["vi"],
        "problem_en": said["en"],
        "msg": said[run.lang],
        "suggestion": iso,
    }
    errors = [entry]
    try:
        _record(scenario, args, where)
    except InputValidationError as exc:
        errors += [dict(e) for e in exc.errors if e.get("loc")]
    errors.sort(key=lambda e: e.get("line") or 0)
    return invalid(errors, _source(file, where), "cli.scenario")


def _timeline(data: Any, args: argparse.Namespace, where: object) -> _Answer:
    from sandbox_rules.interpretations import Interpretations
    from sandbox_rules.procedures import timeline
    from sandbox_rules.report import render_timeline

    run = _run_of(args)
    scenario, as_of = _scenario(data, args, where)
    specs = scenario.get("timelines") or ([scenario["timeline"]] if "timeline" in scenario else [])
    if not isinstance(specs, list) or not specs:
        raise _bad(where, "cli.no_timeline")
    file_interp = scenario.get("interpretations") or {}
    _mapping(file_interp, where, "interpretations")
    interp = Interpretations.of({**file_interp, **run.choices})
    cal = run.calendar(interp)
    results = []
    problems: list[dict[str, Any]] = []  # every timeline's events' problems, at their lines
    file = _located(scenario, args, where)
    for i, sp in enumerate(specs):
        spec = _mapping(sp, where, f"timelines[{i}]")
        root: tuple[str | int, ...] = ("timelines", i) if "timelines" in scenario else ("timeline",)
        try:
            results.append(
                timeline(
                    str(spec.get("procedure")),
                    spec.get("events") or {},
                    as_of,
                    interpretations=interp,
                    calendar=cal,
                )
            )
        except EventOrderError as exc:  # named by the line of the event too early
            from sandbox_rules.surfaces.inputs import order_at

            raise order_at(exc, file, (*root, "events"), _source(file, where)) from None
        except InputValidationError as exc:
            if exc.key != "error.procedure.invalid_events":
                raise
            for e in exc.errors:
                loc = [*root, *e["loc"]]
                line = file.line(tuple(loc)) if file.lines else None
                problems.append({**e, "loc": loc, "field": ".".join(map(str, loc)), "line": line})
    if problems:
        from sandbox_rules.surfaces.inputs import invalid

        problems.sort(key=lambda e: e.get("line") or 0)
        raise invalid(problems, _source(file, where), "cli.scenario")
    from sandbox_rules.time_records import Timelines

    explain = getattr(args, "explain", False)
    records = tuple(r.record(explain) for r in results)
    out = Timelines(timelines=records) if len(records) > 1 else records[0]
    return out, lambda: "\n\n".join(render_timeline(r, run.lang, explain) for r in results)


def _record(scenario: dict[str, Any], args: argparse.Namespace, where: object) -> Any:
    """The scenario's sandbox record; invalid input is reported as an application's is
    (surfaces/inputs.py): in --lang, each field in the text's terms with its line."""
    from sandbox_rules.lifecycle import SandboxRecord
    from sandbox_rules.surfaces.inputs import Located, validate

    run = _run_of(args)
    if "record" not in scenario:
        raise _bad(where, "cli.no_record")
    raw = dict(_mapping(scenario["record"], where, "record"))
    if run.choices:
        file_interp = raw.get("interpretations") or {}
        _mapping(file_interp, where, "record.interpretations")
        raw["interpretations"] = {**file_interp, **run.choices}
    file = _located(scenario, args, where)
    # The record as given (with the readings of --interpretation), at the lines of the file.
    located = Located({**scenario, "record": raw}, file.lines, file.source)
    source = _source(file, where)
    return validate(
        SandboxRecord, located, root=("record",), lang=run.lang, what="input.record", source=source
    )


def _event_line(
    exc: InvalidTransitionError, scenario: dict[str, Any], args: argparse.Namespace, where: object
) -> InvalidTransitionError:
    """A refused event named by its line in the file (items of events counted from 1)."""
    from sandbox_rules.surfaces.inputs import event_at

    file = _located(scenario, args, where)
    if exc.index is None or not file.lines:
        return exc
    path = ("record", "events", exc.index)
    return exc.at(event_at(file, path, exc.index, _source(file, where))[0])


def _compliance(scenario: dict[str, Any], args: argparse.Namespace, where: object) -> Any:
    """The scenario's ``compliance:`` table, each yes/no read as every input reads it
    (_validation.Flag); invalid input reported with its line, as the record's is."""
    from sandbox_rules.inputs import ComplianceInput
    from sandbox_rules.surfaces.inputs import validate

    if scenario.get("compliance") is None:
        return None
    file = _located(scenario, args, where)
    run = _run_of(args)
    table = validate(
        ComplianceInput, file, lang=run.lang, what="input.compliance", source=_source(file, where)
    )
    return table.compliance


def _record_and_compliance(
    scenario: dict[str, Any], args: argparse.Namespace, where: object
) -> tuple[Any, Any]:
    """The scenario's record and its ``compliance:`` table, both read before either is
    refused: the problems of both in one error, in the file's order (surfaces.inputs.together)."""
    from sandbox_rules.surfaces.inputs import together

    failures: list[InputValidationError] = []
    rec = compliance = None
    for i, read in enumerate((_record, _compliance)):
        try:
            value = read(scenario, args, where)
        except InputValidationError as exc:
            failures.append(exc)
            continue
        if i == 0:
            rec = value
        else:
            compliance = value
    if failures:
        raise together(failures, _source(_located(scenario, args, where), where), "cli.scenario")
    return rec, compliance


def _lifecycle(data: Any, args: argparse.Namespace, where: object) -> _Answer:
    from sandbox_rules.duties import record_duties
    from sandbox_rules.lifecycle import lifecycle
    from sandbox_rules.obligations import obligations
    from sandbox_rules.report import render_lifecycle

    run = _run_of(args)
    scenario, as_of = _scenario(data, args, where)
    rec, compliance = _record_and_compliance(scenario, args, where)
    cal = run.calendar(rec.interpretations)
    try:
        st = lifecycle(rec, as_of, calendar=cal)
    except InvalidTransitionError as exc:
        raise _event_line(exc, scenario, args, where) from None
    sched = obligations(rec, as_of, calendar=cal)
    duty = record_duties(compliance, rec, as_of, schedule=sched) if compliance is not None else None

    out = st.record(duty.record() if duty is not None else None)
    return out, lambda: render_lifecycle(st, sched, duty, run.lang)


def _schedule(data: Any, args: argparse.Namespace, where: object) -> Any:
    from sandbox_rules.obligations import obligations

    scenario, as_of = _scenario(data, args, where)
    rec = _record(scenario, args, where)
    return obligations(rec, as_of, calendar=_run_of(args).calendar(rec.interpretations))


def _obligations(data: Any, args: argparse.Namespace, where: object) -> _Answer:
    run = _run_of(args)
    sched = _schedule(data, args, where)

    def text() -> str:
        from sandbox_rules.report import obligation_line

        if getattr(args, "ids", False):  # the key a case file's obligations: takes
            return "\n".join(f"{obligation_line(i, run.lang)}  [{i.id}]" for i in sched.items)
        return "\n".join(obligation_line(i, run.lang) for i in sched.items)

    return sched.record(), text


_COMPUTE: dict[str, Callable[[Any, argparse.Namespace, object], _Answer]] = {
    "assess": _assess,
    "route": _route,
    "dossier": _dossier,
    "timeline": _timeline,
    "lifecycle": _lifecycle,
    "obligations": _obligations,
}


def cmd_file(args: argparse.Namespace) -> int:
    """assess, route, dossier, timeline, lifecycle: one file (or '-') in, one answer out."""
    run = _run_of(args)
    data = _load_file(args.file)
    record, text = _COMPUTE[args.command](data, args, _where(args.file, run.lang))
    run.emit(record, text)
    return EXIT_OK


def _where(path: str, lang: str) -> str:
    return "stdin" if path == "-" else cli_io.short(path)


def cmd_obligations(args: argparse.Namespace) -> int:
    run = _run_of(args)
    data = _load_file(args.file)
    if args.ics is None:
        record, text = _obligations(data, args, _where(args.file, run.lang))
        run.emit(record, text)
        return EXIT_OK
    from sandbox_rules.surfaces.ics import obligations_ics

    scenario, as_of = _scenario(data, args, _where(args.file, run.lang))
    rec = _record(scenario, args, _where(args.file, run.lang))
    ics = obligations_ics(
        rec,
        as_of,
        calendar=run.calendar(rec.interpretations),
        lang=run.lang,
        remind_working_days=args.ics_remind,
        as_events=args.ics_as == "events",
        identity=args.ics_id,
    ).decode("utf-8")
    if args.ics == "-":  # the iCalendar itself is the output
        cli_io.write_stdout(ics)
        return EXIT_OK
    cli_io.write_output(args.ics, ics, force=args.force)
    record, text = _obligations(data, args, _where(args.file, run.lang))
    run.emit(record, lambda: f"{text()}\n\n→ {args.ics}")
    return EXIT_OK


def cmd_batch(args: argparse.Namespace) -> int:
    """JSON lines: one application or scenario per line in, and on the same line out its
    record, or an error record naming the line (a blank line is answered by a blank line, so
    line N of the output always answers line N of the input); a summary on stderr; 0 if every
    line succeeded, else 1."""
    from sandbox_rules.errors import BatchError, ErrorRecord
    from sandbox_rules.i18n import Message

    run = _run_of(args)
    compute = _COMPUTE[args.kind]
    stream = cli_io.open_input(args.file)
    ok = failed = bugs = 0
    try:
        for lineno, raw in cli_io.iter_lines(stream, MAX_BATCH_LINE):
            if raw is not None and not raw.strip():
                cli_io.write_stdout("\n")  # not a record; answered so the lines stay aligned
                continue
            where = Message("input.line", {"line": lineno})
            try:
                if raw is None:
                    raise _bad(where, "batch.too_long", kb=MAX_BATCH_LINE // 1024)
                record, _text = compute(_json_line(raw, where), args, where)
                line = run.encode(record, pretty=False)
                ok += 1
            except SandboxRulesError as exc:
                line = run.encode(BatchError(line=lineno, error=exc.record()), pretty=False)
                failed += 1
            except Exception as exc:  # a bug: say so on this line and go on
                if os.environ.get("SANDBOX_RULES_DEBUG") == "1":
                    import traceback

                    traceback.print_exc()
                bug = ErrorRecord(
                    code="internal_error",
                    message=_bug(exc, "en"),
                    message_vi=_bug(exc, "vi"),
                    key="cli.bug",
                )
                line = run.encode(BatchError(line=lineno, error=bug), pretty=False)
                bugs += 1
            cli_io.write_stdout(line + "\n")
    finally:
        if args.file != "-":
            stream.close()
    total = ok + failed + bugs
    _write_err(
        message("batch.summary", run.lang, kind=args.kind, total=total, ok=ok, failed=failed + bugs)
        + (f" ({message('batch.bugs', run.lang, n=bugs)})" if bugs else "")
    )
    if bugs:
        return EXIT_BUG
    return EXIT_ERROR if failed else EXIT_OK


def _json_line(raw: bytes, where: object) -> Any:
    from sandbox_rules.io import loads_json

    try:
        return loads_json(raw, where)  # a key given twice: refused, naming the line
    except RecursionError:
        raise _bad(where, "batch.too_deep") from None
    except ValueError as exc:  # JSONDecodeError, UnicodeDecodeError
        from sandbox_rules.errors import DocumentFormatError
        from sandbox_rules.i18n import Message

        # A line that is not JSON is a document that cannot be read, as a file would be.
        why = Message("batch.not_json", {"detail": cli_io.short(str(exc), 160)})
        raise DocumentFormatError.from_key("error.at", where=where, why=why) from None


def _bug(exc: BaseException, lang: str) -> str:
    kind, detail = type(exc).__name__, cli_io.short(str(exc), 200)
    try:
        return message("cli.bug", lang, kind=kind, detail=detail)
    except Exception:  # the message tables themselves unreadable: say it without them
        return f"bug (please report): {kind}: {detail} — SANDBOX_RULES_DEBUG=1 shows the traceback"


def version_info() -> dict[str, Any]:
    """The library, law text and calendar data versions, and the first and last years with
    official calendar decisions (``--version --json`` and ``GET /version``)."""
    from sandbox_rules import __version__
    from sandbox_rules.calendar import VietnamCalendar
    from sandbox_rules.law.text import law_version

    cal = VietnamCalendar()
    years = sorted(cal.official_years)
    return {
        "library_version": __version__,
        "law_version": law_version(),
        "calendar_data_version": cal.data_version,
        "calendar_official_years": {"first": years[0], "last": years[-1]} if years else None,
    }


def _version(run: _Run) -> None:
    data = version_info()
    years = data["calendar_official_years"]
    span = f"{years['first']}–{years['last']}" if years else "-"
    run.emit(
        data,
        message(
            "cli.version",
            run.lang,
            version=data["library_version"],
            law=data["law_version"],
            calendar=data["calendar_data_version"],
            years=span,
        ),
    )


# -- parser ----------------------------------------------------------------------------------------
def build_parser(lang: str = "vi", argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The parser, with help in ``lang`` (vi or en). Given the command line ``argv``, only the
    parser of the command it names is built (one of 19, with the other parsers' options
    a tenth of a cold command's time: docs/performance.md); the whole parser when it names none, or a name no command
    has (so argparse lists the choices)."""
    only = _command_of(argv) if argv is not None else None
    if only is not None:
        parser, added = _build_parser(lang, only)
        if added:
            return parser
    return _build_parser(lang, None)[0]


def _command_of(argv: Sequence[str]) -> str | None:
    """The command's name on a command line: its first word that is not an option (nor the
    value of ``--lang``, the one top-level option that takes one)."""
    skip = False
    for arg in argv:
        if skip:
            skip = False
        elif arg == "--lang":
            skip = True
        elif arg == "--":
            return None
        elif not arg.startswith("-"):
            return arg
    return None


class _OneCommand:
    """The subparsers of a command line: builds the parser of the command ``only`` and hands
    the others an object that takes and drops whatever their definitions add."""

    def __init__(self, sub: Any, only: str) -> None:
        self.sub, self.only, self.added = sub, only, False

    def add_parser(self, name: str, **kwargs: Any) -> Any:
        if name != self.only:
            return _Dropped()
        self.added = True
        return self.sub.add_parser(name, **kwargs)


class _Dropped:
    """A command's parser not built: every call on it (add_argument, set_defaults, a group)
    is accepted and does nothing."""

    def __getattr__(self, name: str) -> Any:
        return self._accept

    def _accept(self, *args: Any, **kwargs: Any) -> _Dropped:
        return self


def _build_parser(lang: str, only: str | None) -> tuple[argparse.ArgumentParser, bool]:

    def h(key: str) -> str:
        """The --help text ``key`` (sections help and cmd of the message tables)."""
        return message(key, lang)

    parser_class = _parser_class(lang)
    suppress = argparse.SUPPRESS

    def global_options(p: argparse.ArgumentParser) -> None:
        p.add_argument(
            "--json",
            action="store_true",
            default=suppress,
            help=h("help.json"),
        )
        p.add_argument(
            "--pretty",
            action="store_true",
            default=suppress,
            help=h("help.pretty"),
        )
        p.add_argument(
            "--lang",
            choices=("vi", "en"),
            default=suppress,
            help=h("help.lang"),
        )

    common = parser_class(add_help=False)
    global_options(common)

    def option(flag: str, key: str, **kwargs: Any) -> argparse.ArgumentParser:
        """A parent parser holding one option shared by several commands."""
        parent = parser_class(add_help=False)
        parent.add_argument(flag, help=h(key), **kwargs)
        return parent

    interp_opt = option(
        "--interpretation",
        "help.interpretation",
        action="append",
        metavar=h("metavar.id_option"),
    )
    overrides_opt = option("--overrides", "help.overrides", metavar=h("metavar.file"))
    form_opt = option("--form", "help.form", choices=("full", "compact"), default="full")
    as_of_opt = option("--as-of", "help.as_of", type=iso_type(lang), metavar="YYYY-MM-DD")
    procedure_opt = option(
        "--procedure",
        "help.procedure",
        default=None,
        choices=("issuance", "reissue", "adjustment", "extension", "conclusion"),
    )
    explain_opt = option("--explain", "help.explain", action="store_true")

    parser = parser_class(prog="sandbox-rules", description=h("help.description"))
    global_options(parser)
    parser.add_argument("--version", action="store_true", default=suppress, help=h("help.version"))
    sub = parser.add_subparsers(
        dest="command", metavar=h("help.command"), parser_class=parser_class
    )
    adder: Any = _OneCommand(sub, only) if only is not None else sub

    def command(
        name: str, parents: list[argparse.ArgumentParser], func: Any
    ) -> argparse.ArgumentParser:
        """A command; its --help line is ``cmd.NAME_help`` in the message tables."""
        p: argparse.ArgumentParser = adder.add_parser(
            name, parents=parents, help=h(f"cmd.{name}_help")
        )
        p.set_defaults(func=func)
        return p

    file_help = h("help.file")

    p = command("law", [common], cmd_law)
    p.add_argument("citation", metavar=h("metavar.citation"), help=h("cmd.law_citation"))

    p = command("rules", [common], cmd_rules)
    p.add_argument(
        "--kind",
        choices=("condition", "routing", "dossier_item", "time_limit", "transition", "obligation"),
        help=h("cmd.rules_kind"),
    )

    p = command("coverage", [common], cmd_coverage)

    p = command("calendar", [common, overrides_opt, interp_opt], cmd_calendar)
    p.add_argument("year", type=int, metavar=h("metavar.year"), help=h("cmd.calendar_year"))

    p = command("assess", [common, interp_opt, form_opt], cmd_file)
    p.add_argument("file", metavar=h("metavar.file"), help=file_help)
    p.add_argument("--all", action="store_true", help=h("cmd.assess_all"))

    p = command("route", [common, interp_opt, form_opt], cmd_file)
    p.add_argument("file", metavar=h("metavar.file"), help=file_help)

    p = command("dossier", [common, interp_opt, form_opt, procedure_opt], cmd_file)
    p.add_argument("file", metavar=h("metavar.file"), help=file_help)

    dated = [common, interp_opt, overrides_opt, as_of_opt, form_opt]
    p = command("timeline", [*dated, explain_opt], cmd_file)
    p.add_argument("file", metavar=h("metavar.file"), help=file_help)

    p = command("lifecycle", dated, cmd_file)
    p.add_argument("file", metavar=h("metavar.file"), help=file_help)

    p = command("obligations", dated, cmd_obligations)
    p.add_argument("file", metavar=h("metavar.file"), help=file_help)
    p.add_argument("--ics", metavar=h("metavar.out_ics"), help=h("cmd.obligations_ics"))
    p.add_argument("--force", action="store_true", help=h("cmd.obligations_force"))
    p.add_argument(
        "--ics-remind", type=_remind_type, default=3, metavar="N", help=h("cmd.obligations_remind")
    )
    p.add_argument(
        "--ics-as",
        choices=("tasks", "events"),
        default="tasks",
        help=h("cmd.obligations_as"),
    )
    p.add_argument("--ics-id", metavar=h("metavar.id"), help=h("cmd.obligations_id"))
    p.add_argument("--ids", action="store_true", help=h("cmd.obligations_ids"))

    p = command("batch", [*dated, procedure_opt, explain_opt], cmd_batch)
    p.add_argument("kind", choices=tuple(_COMPUTE), help=h("cmd.batch_kind"))
    p.add_argument(
        "file", nargs="?", default="-", metavar=h("metavar.file"), help=h("cmd.batch_file")
    )

    p = command("schema", [common], cmd_schema)
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
            "law-unit",
            "rules",
            "coverage",
            "catalogue",
            "calendar-year",
            "report",
            "reports",
            "case-results",
            "template",
            "interview",
            "error",
            "batch-error",
        ),
    )

    p = command("catalogue", [common], cmd_catalogue)

    p = command("deadline", [common, overrides_opt, interp_opt], cmd_deadline)
    p.add_argument(
        "event", type=iso_type(lang, "event"), metavar="YYYY-MM-DD", help=h("cmd.deadline_event")
    )
    for flag, key in (
        ("--working-days", "cmd.deadline_working_days"),
        ("--days", "cmd.deadline_days"),
        ("--months", "cmd.deadline_months"),
        ("--years", "cmd.deadline_years"),
    ):
        p.add_argument(flag, type=int, metavar="N", help=h(key))
    p.add_argument("--explain", action="store_true", help=h("cmd.deadline_explain"))
    common.set_defaults(help_lang=lang)  # the language surfaces write their --help in
    _add_surface_commands(adder, common)
    # Every command's line in the list of commands comes from the tables (cmd.NAME_help),
    # those of the surfaces too.
    helps = {f"cmd.{a.dest}_help": a for a in getattr(sub, "_choices_actions", ())}
    for key, action in helps.items():
        if key in _messages(lang):
            action.help = h(key)
    return parser, only is None or adder.added


def _messages(lang: str) -> Any:
    from sandbox_rules.i18n import messages

    return messages(lang)


def _add_surface_commands(sub: Any, common: argparse.ArgumentParser) -> None:
    from importlib import import_module

    for name in SURFACE_COMMANDS:
        import_module(name).add_parser(sub, common)


# -- main ------------------------------------------------------------------------------------------
def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; returns the exit code (never raises, never prints a traceback)."""
    argv = list(sys.argv[1:] if argv is None else argv)
    lang = _lang_of(argv)
    try:
        code = _main(argv, lang)
        try:
            cli_io.write_stdout("", flush=True)
        except SandboxRulesError as exc:
            _write_err(f"sandbox-rules: {exc.code}: {exc.terminal_in(lang)}")
            return EXIT_ERROR
        return code
    except BrokenPipeError:
        # The reader has what it wanted (`| head`); not an error of ours.
        cli_io.silence_stdout()
        return EXIT_OK
    except KeyboardInterrupt:
        _write_err(message("cli.interrupted", lang))
        return 130
    except Exception as exc:
        if os.environ.get("SANDBOX_RULES_DEBUG") == "1":
            import traceback

            traceback.print_exc()
        _write_err("sandbox-rules: " + _bug(exc, lang))
        return EXIT_BUG


def _main(argv: list[str], lang: str) -> int:
    out_ok = cli_io.prepare_stream(sys.stdout)
    cli_io.prepare_stream(sys.stderr)
    parser = build_parser(lang, argv)
    _AS_JSON.set(_json_of(argv))
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse: --help (0) or a usage error (2, already printed)
        return exc.code if isinstance(exc.code, int) else EXIT_USAGE
    except _UsageError as exc:  # an option's value (a day) refused by its type
        name = _command_of(argv)
        prog = f"sandbox-rules {name}" if name else "sandbox-rules"
        return _usage_failed(exc.error, prog, _json_of(argv), lang, out_ok)
    for name, default in GLOBAL_DEFAULTS:
        if not hasattr(args, name):
            setattr(args, name, default)
    try:
        args.run = run = _Run(args, out_ok)
        if not out_ok and not args.json:
            _write_err(message("cli.no_vietnamese", run.lang, encoding=sys.stdout.encoding))
        if getattr(args, "version", False):
            _version(run)
            return EXIT_OK
        if args.command is None:
            parser.print_usage(sys.stderr)
            _write_err(message("cli.no_command", lang))
            return EXIT_USAGE
        code: int = args.func(args)
        return code
    except _UsageError as exc:
        prog = f"sandbox-rules {args.command}" if args.command else "sandbox-rules"
        return _usage_failed(exc.error, prog, bool(getattr(args, "json", False)), lang, out_ok)
    except SandboxRulesError as exc:
        # With --json the error record goes to stdout too, unless stdout is what failed.
        if getattr(args, "json", False) and not getattr(exc, "of_stdout", False):
            cli_io.write_stdout(
                cli_io.encode({"error": exc.to_dict()}, pretty=False, ascii_only=not out_ok) + "\n"
            )
        _write_err(f"sandbox-rules: {exc.code}: {exc.terminal_in(lang)}")
        return EXIT_ERROR


def _usage_failed(
    error: SandboxRulesError, prog: str, as_json: bool, lang: str, out_ok: bool
) -> int:
    """A wrong command line: said on stderr as a usage error (``prog: lỗi: …`` and where the
    help is) and, with ``--json``, its error record on stdout; exit 2."""
    if as_json:
        _write_json_error(error, out_ok)
    _write_err(f"{prog}: {message('argparse.error', lang)}: {error.terminal_in(lang)}")
    _write_err(message("cli.see_help", lang, prog=prog))
    return EXIT_USAGE


def _write_json_error(error: SandboxRulesError, out_ok: bool) -> None:
    cli_io.write_stdout(
        cli_io.encode({"error": error.to_dict()}, pretty=False, ascii_only=not out_ok) + "\n"
    )


def _json_of(argv: Sequence[str]) -> bool:
    """Whether ``--json`` is on the line (before the parser could say)."""
    return any(a == "--json" for a in argv[: argv.index("--") if "--" in argv else None])


if __name__ == "__main__":
    raise SystemExit(main())
