"""Message tables: the same keys and placeholders in Vietnamese and English, Vietnamese by
default, dd/mm/yyyy dates in Vietnamese."""

from __future__ import annotations

import argparse
import ast
import errno
import functools
import os
import re
import string
import subprocess
import sys
import typing
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import _source
import pytest
from _cli import run_cli

from sandbox_rules.cli import main
from sandbox_rules.engine import dossier, route
from sandbox_rules.i18n import fmt_date, messages, t, weekday
from sandbox_rules.report import render_dossier, render_routing


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_tables_have_the_same_keys() -> None:
    vi, en = messages("vi"), messages("en")
    assert set(vi) == set(en), sorted(set(vi) ^ set(en))


def test_placeholders_match() -> None:
    vi, en = messages("vi"), messages("en")
    bad = {k: (_fields(vi[k]), _fields(en[k])) for k in vi if _fields(vi[k]) != _fields(en[k])}
    assert not bad


def test_vietnamese_is_the_default_and_dates_are_dd_mm_yyyy() -> None:
    assert t("case.expected") == "mong đợi:"
    assert t("case.expected", "en") == "expected:"
    assert t("input.line", line=3) == "dòng 3"
    assert fmt_date(date(2026, 2, 23)) == "23/02/2026"
    assert fmt_date(date(2026, 2, 23), "en") == "2026-02-23"
    assert weekday(date(2026, 2, 23)) == "Thứ Hai"


def test_an_unknown_key_or_language_never_raises() -> None:
    assert t("no.such.key") == "no.such.key"
    assert t("case.expected", "fr") == "mong đợi:"


def test_cli_input_errors_are_vietnamese_with_lines(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    f = tmp_path / "app.yaml"
    f.write_text(
        "applicant:\n  kind: tổ chức\ndata_sources:\n  - {managed_by: Ngân hàng Nhà nước}\n",
        encoding="utf-8",
    )
    assert main(["assess", str(f)]) == 1
    err = capsys.readouterr().err
    # The kind written by its Vietnamese name is read as organisation (as every coded value
    # is, since the second trial); the unknown body on line 4 is said, with its nearest name.
    assert "dòng 2" not in err and "dòng 4" in err and "«Ngân hàng Nhà nước Việt Nam»" in err
    assert "Traceback" not in err
    assert main(["route", str(f), "--lang", "en"]) == 1
    assert "line 4" in capsys.readouterr().err


def test_route_shows_each_source_as_given_and_the_body_matched(
    capsys: pytest.CaptureFixture[str],
) -> None:
    app = {
        "applicant": {"kind": "organisation"},
        "data_sources": [
            {"name": "Hộ kinh doanh", "managed_by": "thành phố Đà Nẵng", "owning_unit": "A"},
            {"name": "Tín dụng", "managed_by": "NHNN", "owning_unit": "B"},
        ],
    }
    r = route(app)
    assert [(s.managed_by_given, s.body.code if s.body else None) for s in r.sources] == [
        ("thành phố Đà Nẵng", "DNG"),
        ("NHNN", "NHNN"),
    ]
    text = render_routing(r)
    assert "«thành phố Đà Nẵng» → Đà Nẵng (DNG)" in text


@pytest.mark.parametrize(
    ("documents", "unknown"),
    [
        (["HĐTN01", "phương án"], []),  # the text's own name is accepted
        (["đơn đề nghị", "Phương án thử nghiệm có kiểm soát"], []),
        (["HĐTN01", "phuong an x"], ["phuong an x"]),  # a warning, never dropped silently
    ],
)
def test_document_names_in_vietnamese_and_unknown_names_warned(
    documents: list[str], unknown: list[str]
) -> None:
    d = dossier("issuance", "organisation", documents)
    assert [u.given for u in d.unrecognised] == unknown
    assert d.complete is (not unknown)
    if unknown:
        assert "Cảnh báo" in render_dossier(d) and "«phương án»" in render_dossier(d)


ROOT = Path(__file__).resolve().parent.parent
ENGLISH = re.compile(
    r"\b(overdue|upcoming|informational|event|counted|skipped|due|done|pending|open|warning|"
    r"state|city|province|ministry|source|confirmed|data|status|from|to|"
    r"Mon|Tue|Wed|Thu|Fri|Sat|Sun)\b"
)
ISO = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")
# A message key shown instead of its message (the tables' fallback for a missing key).
KEY_LIKE = re.compile(r"[a-z_]+(\.[a-z0-9_]+)+")
REPORTS = [
    ["assess", "examples/org-hanoi-one-source.yaml"],
    ["assess", "examples/org-undetermined.yaml"],
    ["route", "examples/org-two-provinces.yaml"],
    ["dossier", "examples/adjustment-dossier.yaml", "--procedure", "adjustment"],
    ["timeline", "examples/scenarios/adjustment-with-clarification.yaml", "--explain"],
    ["timeline", "examples/scenarios/issuance-across-tet.yaml", "--explain"],
    ["lifecycle", "examples/scenarios/extension-windows.yaml"],
    ["lifecycle", "examples/scenarios/conclusion.yaml"],
    ["lifecycle", "examples/scenarios/revocation-after-90-days.yaml"],
    ["obligations", "examples/scenarios/conclusion.yaml"],
    ["calendar", "2026"],
    ["catalogue"],
    ["deadline", "2026-01-01", "--working-days", "3", "--explain"],
    ["test", "examples/cases/14-extension.case.yaml"],
]


@pytest.mark.parametrize("argv", REPORTS, ids=lambda a: " ".join(a[:2]))
def test_vietnamese_reports_have_no_english_words_nor_iso_dates(
    argv: list[str], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ROOT)
    assert main(argv) == 0
    out = capsys.readouterr().out
    # codes (ids with dots, dashes or underscores), citations, file names and the case file's
    # own keys (after "dòng N") are allowed
    words = re.sub(r"\S*[._/=\-]\S*", " ", re.sub(r"dòng \d+\s+\S+", " ", out))
    assert not ENGLISH.findall(words), sorted(set(ENGLISH.findall(words)))
    assert not ISO.findall(out.replace("sha256", "")), ISO.findall(out)[:5]


# -- every text command, every bundled example and scenario, and the error messages ---------
# A word written without diacritics in Vietnamese output is a Vietnamese syllable (onset,
# vowels, final consonant), a code or a name; an English word is almost never one.
_ONSET = r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx])?"
VI_SYLLABLE = re.compile(rf"{_ONSET}[aeiouy]{{1,3}}(?:ng|nh|ch|[cmnpt])?", re.I)
# Names and acronyms that are not Vietnamese words (upper-case acronyms are allowed anyway).
NAMES = {"Internet", "iCalendar", "Schema", "Lines", "Bearer", "MiB", "byte", "stdin", "stdout"}
# The operating system's own messages (quoted in file errors) are in English.
OS_MESSAGES = sorted(
    {os.strerror(n) for n in errno.errorcode} | {"embedded null byte"}, key=len, reverse=True
)
EXAMPLES = sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "examples").glob("*.yaml"))
SCENARIOS = sorted(
    p.relative_to(ROOT).as_posix() for p in (ROOT / "examples" / "scenarios").glob("*.yaml")
)
CASES = sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "examples" / "cases").glob("*.yaml"))
PROCEDURES = ("issuance", "reissue", "adjustment", "extension", "conclusion")


def english_words(text: str, user: set[str], codes: set[str]) -> list[str]:
    """The English words of a Vietnamese text. Allowed: the words of the input (``user``:
    its values are the user's), codes and ids (with dots, dashes, underscores, slashes,
    digits; ``codes``: commands, field names, document codes), what is quoted (« », ' ', the
    input's values and other programs' messages), option values after '=', bracketed codes,
    the case file's keys after "dòng N", choices in braces, acronyms, point letters."""
    for message in OS_MESSAGES:
        text = text.replace(message, " ")
    # a quote cut short by a one-line summary's "…" is still a quote
    text = re.sub(r"«[^»]*»|'[^'\n]*'|\"[^\"\n]*\"|\{[^}]*\}|\[[a-z_]+\]|[«'][^»'\n]*…$", " ", text)
    text = re.sub(r"dòng \d+\s+\S+|= \S+", " ", text)
    text = re.sub(r"\S*[._/=\-\\\d@]\S*", " ", text)
    found = []
    for word in re.findall(r"(?<![^\W\d_])[A-Za-z]+(?![^\W\d_])", text):
        if word in user or word in NAMES:
            continue
        if ENGLISH.fullmatch(word.lower()):
            found.append(word)
        elif word in codes or len(word) == 1 or word.isupper() or VI_SYLLABLE.fullmatch(word):
            continue
        else:
            found.append(word)
    return found


def _run(argv: list[str]) -> tuple[int, str, str]:
    """One command in-process with UTF-8 streams: (exit code, stdout, stderr)."""
    return run_cli(argv)


def _input_words(path: str) -> set[str]:
    """The words of an input file: its values are the user's, its keys field names."""
    return set(re.findall(r"(?<!\w)[A-Za-z]+(?!\w)", (ROOT / path).read_text(encoding="utf-8")))


def _field_names(schema: object) -> Iterator[str]:
    """The field names of a JSON Schema, and the values of its enums."""
    if isinstance(schema, dict):
        yield from (k for k in schema.get("properties", {}) if isinstance(k, str))
        yield from (v for v in schema.get("enum", ()) if isinstance(v, str))
        if isinstance(schema.get("const"), str):
            yield schema["const"]
        for value in schema.values():
            yield from _field_names(value)
    elif isinstance(schema, list):
        for value in schema:
            yield from _field_names(value)


@functools.cache
def CODES() -> set[str]:
    """Codes messages name: the commands, their arguments and choices, the input formats'
    field names and values, document codes, interpretation ids and options."""
    from sandbox_rules.cli import build_parser
    from sandbox_rules.engine import dossier
    from sandbox_rules.interpretations import CATALOGUE
    from sandbox_rules.schema import json_schema
    from sandbox_rules.surfaces.casefiles import case_json_schema

    sub = next(a for a in build_parser()._actions if isinstance(a, argparse._SubParsersAction))
    names = set(sub.choices)
    for parser in sub.choices.values():
        for action in parser._actions:
            names.add(action.dest)
            names.update(str(c) for c in action.choices or ())
    for item in CATALOGUE:
        names.update(re.findall(r"[A-Za-z]+", item.id))
        names.update(w for option in item.options for w in re.findall(r"[A-Za-z]+", option))
    for which in ("application", "scenario", "record", "dossier-input"):
        names.update(_field_names(json_schema(which)))
    names.update(_field_names(case_json_schema()))
    for procedure in PROCEDURES:
        for kind in ("organisation", "individual"):
            for item in dossier(procedure, kind, []).items:
                names.update(a for a in item.accepted if re.fullmatch(r"[A-Za-z]+", a))
    return {n for n in names if re.fullmatch(r"[A-Za-z]+", n)}


def _check_vietnamese(argv: list[str], user: set[str], exits: tuple[int, ...]) -> list[str]:
    code, out, err = _run(argv)
    problems = [] if code in exits else [f"exit {code}: {err[-300:]}"]
    for name, text in (("stdout", out), ("stderr", err)):
        bad = english_words(text, user, CODES())
        if bad:
            problems.append(f"{name}: {sorted(set(bad))}")
        dates = ISO.findall(text.replace("sha256", ""))
        if dates:
            problems.append(f"{name}: ISO dates {dates[:3]}")
        keys = [k for k in KEY_LIKE.findall(text) if k in messages("vi")]
        if keys:
            problems.append(f"{name}: message keys {keys[:3]}")
    return [f"{' '.join(argv)}: {p}" for p in problems]


def _runs_of(path: str) -> list[list[str]]:
    if path in SCENARIOS:
        return [
            ["timeline", path],
            ["timeline", path, "--explain"],
            ["lifecycle", path],
            ["obligations", path],
        ]
    if path in CASES:
        return [["test", path]]
    return [
        ["assess", path],
        ["assess", path, "--all"],
        ["route", path],
        *(["dossier", path, "--procedure", p] for p in PROCEDURES),
    ]


@pytest.mark.parametrize("path", EXAMPLES + SCENARIOS + CASES)
def test_every_text_command_on_every_bundled_file_speaks_vietnamese(
    path: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every command that reads the file, in Vietnamese (the default): the reports, and the
    errors where the file is not of the kind the command reads (exit 1, never 2 or 70)."""
    monkeypatch.chdir(ROOT)
    problems = [
        p for argv in _runs_of(path) for p in _check_vietnamese(argv, _input_words(path), (0, 1))
    ]
    assert not problems, problems


def test_the_catalogue_commands_speak_vietnamese(monkeypatch: pytest.MonkeyPatch) -> None:
    from sandbox_rules.law.text import load_law

    monkeypatch.chdir(ROOT)
    law = load_law()
    runs = [["coverage"], ["rules"], ["catalogue"], ["--version"], ["test", "examples/cases"]]
    runs += [["law", u.short] for u in law.coverage_units()]
    runs += [["law", str(n)] for n in range(8, 23)]
    runs += [["calendar", str(y)] for y in range(2019, 2029)]
    runs += [
        ["deadline", event, flag, "3", *explain]
        for event, flag in (
            ("2026-01-01", "--working-days"),
            ("2026-02-06", "--days"),
            ("2026-01-31", "--months"),
            ("2024-02-29", "--years"),
            ("2027-02-01", "--working-days"),
        )
        for explain in ([], ["--explain"])
    ]
    user = {w for case in CASES for w in _input_words(case)}  # `test examples/cases`
    problems = [p for argv in runs for p in _check_vietnamese(argv, user, (0,))]
    assert not problems, problems


def test_every_help_speaks_vietnamese(monkeypatch: pytest.MonkeyPatch) -> None:
    from sandbox_rules.cli import build_parser

    monkeypatch.chdir(ROOT)
    sub = next(a for a in build_parser()._actions if isinstance(a, argparse._SubParsersAction))
    runs = [["--help"]] + [[c, "--help"] for c in sorted(sub.choices)]
    problems = [p for argv in runs for p in _check_vietnamese(argv, set(), (0,))]
    assert not problems, problems


def test_every_error_of_the_bad_invocations_table_speaks_vietnamese(tmp_path: Path) -> None:
    """fuzz/cli_table.py's bad invocations, in Vietnamese: stderr (the message) and, without
    --json, stdout."""
    from fuzz import cli_table

    cli_table.make_fixtures(tmp_path)
    problems = []
    for row in cli_table.ROWS:
        if "en" in row.argv and "--lang" in row.argv:
            continue
        got = cli_table.run_in_process(row, tmp_path)
        texts = [got.err] + ([] if "--json" in row.argv else [got.out])
        for text in texts:
            bad = english_words(text.replace(str(tmp_path), "/tmp"), set(), CODES())
            if bad:
                problems.append(f"{row.why}: {sorted(set(bad))}: {text.strip()[-160:]}")
    assert not problems, problems


# -- the tables: one per language, every key the code asks for, nothing unused ---------------
SOURCE = ROOT / "sandbox_rules"
PAGE_TEMPLATE = SOURCE / "surfaces" / "report" / "templates" / "report.html.j2"
# Functions that take a message key, and the position of the key among their arguments:
# sandbox_rules.i18n.t, cli_io.message, the CLI's --help helpers h and option, its input
# error _bad (where, key, ...), and the report page's t (keys of the page table, given without
# "page.").
KEY_ARGUMENT = {"t": 0, "message": 0, "_message": 0, "h": 0, "option": 1, "_bad": 1}
# And the errors' keys: Class.from_key(key, ...), a message nested in another (Message) and the
# problems of an error's fields (field_problem, the service's at); the keys the localising
# constructors take are checked by tests/test_error_messages.py.
KEY_ARGUMENT |= {"from_key": 0, "Message": 0, "field_problem": 1, "at": 1}
# Functions that take the name of a table (a prefix of keys).
TABLE_ARGUMENT = {"table": 0, "_word": 0, "Term": 0}
PAGE_MODULE = "sandbox_rules.surfaces.report.i18n"


class _Any:
    def __format__(self, spec: str) -> str:
        return "x"


def _pattern(node: ast.expr) -> str | None:
    """A regex for the keys an argument can be: a literal, an f-string, or 'prefix.' + x."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return re.escape(node.value)
    if isinstance(node, ast.JoinedStr):
        parts = [re.escape(v.value) if isinstance(v, ast.Constant) else r".+" for v in node.values]
        return "".join(parts)
    if isinstance(node, ast.IfExp):
        a, b = _pattern(node.body), _pattern(node.orelse)
        return None if a is None or b is None else f"(?:{a}|{b})"
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        left = _pattern(node.left)
        return None if left is None else left + r".+"
    return None


def _uses_page_words(tree: ast.Module) -> bool:
    return any(
        isinstance(n, ast.ImportFrom)
        and n.module == PAGE_MODULE
        and any(a.name == "t" for a in n.names)
        for n in ast.walk(tree)
    )


@functools.cache
def asked_keys() -> dict[str, set[str]]:
    """Every key pattern the code asks the tables for, with where: literal keys, f-strings
    (whose fields match one part of a key) and tables (prefixes)."""
    out: dict[str, set[str]] = {}
    for path, tree in _source.modules():
        page = _uses_page_words(tree)
        for node in _source.nodes(path):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            name = func.id if isinstance(func, ast.Name) else None
            if isinstance(func, ast.Attribute):
                name = func.attr
                # messages(lang).get(KEY)
                if name == "get" and isinstance(func.value, ast.Call):
                    inner = func.value.func
                    if isinstance(inner, ast.Name) and inner.id == "messages" and node.args:
                        pattern = _pattern(node.args[0])
                        if pattern and not pattern.startswith(".+"):
                            out.setdefault(pattern, set()).add(str(path.relative_to(ROOT)))
                    continue
            if name in TABLE_ARGUMENT and len(node.args) > TABLE_ARGUMENT[name]:
                pattern = _pattern(node.args[TABLE_ARGUMENT[name]])
                if pattern:
                    out.setdefault(pattern + r"\..+", set()).add(str(path.relative_to(ROOT)))
                continue
            if name not in KEY_ARGUMENT or len(node.args) <= KEY_ARGUMENT[name]:
                continue
            arg = node.args[KEY_ARGUMENT[name]]
            pattern = _pattern(arg)
            if pattern is None:
                continue
            if page and name == "t":
                pattern = r"page\." + pattern
            if pattern.startswith(".+"):
                continue  # all built at run time: read through a table name (TABLE_ARGUMENT)
            out.setdefault(pattern, set()).add(str(path.relative_to(ROOT)))
    for m in re.finditer(r"\bt\((\"[^\"]*\"(?:\s*\+\s*[^)]+)?)\)", PAGE_TEMPLATE.read_text()):
        literal, _, rest = m.group(1).partition("+")
        pattern = r"page\." + re.escape(literal.strip().strip('"')) + (r".+" if rest else "")
        out.setdefault(pattern, set()).add(str(PAGE_TEMPLATE.relative_to(ROOT)))
    # The page's status words are the statuses' own names (report i18n STATUS_KEYS): ob_X is
    # value.X, step_X is timeline.status.X.
    from sandbox_rules.surfaces.report.i18n import STATUS_KEYS

    for prefix, status_table in STATUS_KEYS.items():
        for pattern in [p for p in out if p.startswith(r"page\." + prefix)]:
            moved = re.escape(status_table + ".") + pattern[len(r"page\." + prefix) :]
            out.setdefault(moved, set()).update(out.pop(pattern))
    return out


def test_every_message_formats_with_its_fields() -> None:
    for lang in ("vi", "en"):
        for key, template in messages(lang).items():
            assert template.strip(), (lang, key)
            fields = dict.fromkeys(_fields(template), _Any())
            if fields:
                template.format(**fields)  # no stray brace, no positional field


def test_every_key_the_code_asks_for_is_in_both_tables() -> None:
    keys = set(messages("vi"))
    asked = asked_keys()
    assert len(asked) > 300  # the scan finds the calls (t, message, h, page words ...)
    missing = {
        pattern: sorted(where)
        for pattern, where in asked.items()
        if not any(re.fullmatch(pattern, k) for k in keys)
    }
    assert not missing, missing


# Families read only through a table name or a key built at run time from a record's code
# (checked below against the codes the records can hold), and the fields of the forms.
DYNAMIC_FAMILIES = ("field.", "value.", "kind.", "expect.", "case.status.")


@functools.cache
def _literals() -> set[str]:
    """Every string literal of the package (keys kept in mappings, e.g. surfaces/inputs.py)."""
    return {
        n.value
        for path, _ in _source.modules()
        for n in _source.nodes(path)
        if isinstance(n, ast.Constant) and isinstance(n.value, str)
    }


def test_no_message_is_unused() -> None:
    """A translator never translates a message no code reads."""
    # One alternation: a key is read if any pattern matches it whole (812 keys × every
    # pattern one by one took seconds).
    asked = re.compile("|".join(f"(?:{p})" for p in asked_keys()))
    literals = _literals()
    unused = [
        k
        for k in messages("vi")
        if not k.startswith(DYNAMIC_FAMILIES)
        and k not in literals
        and not (k.startswith("page.") and k[len("page.") :] in literals)  # the page's t()
        and not asked.fullmatch(k)
    ]
    assert not unused, unused


def _codes(tp: object) -> set[str]:
    """The string values of a Literal type, also inside tuples, unions and Optional."""
    if typing.get_origin(tp) is typing.Literal:
        return {a for a in typing.get_args(tp) if isinstance(a, str)}
    return {c for a in typing.get_args(tp) for c in _codes(a)}


def _hints(cls: type) -> dict[str, object]:
    return typing.get_type_hints(cls)


def code_families() -> dict[str, set[str]]:
    """Each table read with a code of a record, and every code the records can hold."""
    from sandbox_rules import outcomes, time_records
    from sandbox_rules.calendar import Days, Months, WorkingDays, Years
    from sandbox_rules.catalogues import catalogue
    from sandbox_rules.coverage import NOT_COMPUTABLE_REASON
    from sandbox_rules.lifecycle import RECORD_EVENTS, _transition_events
    from sandbox_rules.rules import registry
    from sandbox_rules.rules.model import RuleKind
    from sandbox_rules.surfaces.report.pictures import LANES

    states = set()
    for r in registry():
        if r.kind == RuleKind.TRANSITION:
            states.update(r.outcome.get("from", ()))
            states.update([r.outcome["to"]] if r.outcome.get("to") else [])
    obligation = _codes(time_records.ObligationStatus)
    step_status = _codes(_hints(time_records.TimelineStep)["status"])
    answers = {a for v in outcomes.PART_ANSWERS.values() for a in v}
    dossier_status = _codes(_hints(outcomes.DossierItem)["status"])
    routing_status = _codes(_hints(outcomes.Routing)["status"])
    methods = _codes(_hints(outcomes.Routing)["methods"])
    actors = _codes(_hints(time_records.TimelineStep)["actor"])
    procedures = {"issuance", "reissue", "adjustment", "extension", "conclusion"}
    return {
        "assessment.status.": _codes(outcomes.Status),
        "assessment.part.": _codes(outcomes.Part),
        "assessment.answer.": answers,
        "assessment.topic.": set(outcomes.TOPICS),
        "routing.method.": methods,
        "dossier.status.": dossier_status,
        "dossier.procedure.": procedures,
        "timeline.status.": step_status,
        "timeline.unit.": _codes(time_records.Unit),
        "step.": _codes(_hints(time_records.DayStep)["action"]),
        "state.": states,
        "value.": states | obligation,
        "event.": set(RECORD_EVENTS) | set(_transition_events()),
        "lifecycle.duty.": _codes(_hints(time_records.Obstacle)["status"]),
        "coverage.status.": {"encoded", "not_computable", "pending", "missing"},
        "coverage.reason.": set(NOT_COMPUTABLE_REASON.values()) | {"not_in_manifest"},
        "catalogue.part.": set(catalogue().sources),
        "period.": {p.__name__ for p in (WorkingDays, Days, Months, Years)},
        "kind.": {b.kind for b in catalogue().bodies.values()},
        "page.ans_": answers,
        "page.part_": _codes(outcomes.Part),
        "page.st_": _codes(outcomes.Status),
        "page.rt_": routing_status,
        "page.method_": methods,
        "page.ds_": dossier_status,
        "page.actor_": actors | {"participant"},
        "page.lane.": set(LANES),
    }


@pytest.mark.parametrize("family", sorted(code_families()))
def test_every_code_a_record_can_hold_has_its_words(family: str) -> None:
    keys = set(messages("vi"))
    missing = sorted(c for c in code_families()[family] if f"{family}{c}" not in keys)
    assert not missing, (family, missing)


def _help_texts(parser: argparse.ArgumentParser) -> Iterator[tuple[str, str]]:
    yield parser.prog, parser.description or ""
    for action in parser._actions:
        if action.help and action.help is not argparse.SUPPRESS:
            yield f"{parser.prog} {'/'.join(action.option_strings) or action.dest}", action.help
        if isinstance(action, argparse._SubParsersAction):
            for choice in action._choices_actions:
                yield f"{parser.prog} {choice.dest}", choice.help or ""
            for sub in action.choices.values():
                yield from _help_texts(sub)


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_every_help_text_is_found_in_the_tables(lang: str) -> None:
    from sandbox_rules.cli import build_parser

    texts = dict(_help_texts(build_parser(lang)))
    assert len(texts) > 80
    unresolved = {where: text for where, text in texts.items() if KEY_LIKE.fullmatch(text)}
    assert not unresolved, unresolved


def test_importing_the_cli_reads_no_message_table() -> None:
    """The tables are read on the first message, not when the CLI is imported."""
    code = (
        "import sys, sandbox_rules.cli; "
        "print(sorted(m for m in ('tomllib', 'sandbox_rules.i18n') if m in sys.modules))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    ).stdout
    assert out.strip() == "[]"


# -- no Vietnamese/English pairs left in the interface's code ----------------------------------
_VI_LETTER = re.compile(
    "[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]", re.IGNORECASE
)
INTERFACE = [
    SOURCE / "cli.py",
    SOURCE / "cli_io.py",
    SOURCE / "report.py",
    *sorted((SOURCE / "surfaces").rglob("*.py")),
]
# The HTTP service among them: its own errors and its routes' summaries are keys of the tables.
SERVER = sorted((SOURCE / "surfaces" / "server").glob("*.py"))


def _text_of(node: ast.expr) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(v.value for v in node.values if isinstance(v, ast.Constant))
    return None


def bilingual_pairs(path: Path) -> list[str]:
    """Messages written twice in the code, Vietnamese and English: ``"…" if vi else "…"`` and
    calls given both, e.g. ``t(lang, "…", "…")``."""
    out = []
    for node in _source.nodes(path):
        if isinstance(node, ast.IfExp):
            texts = [_text_of(node.body), _text_of(node.orelse)]
        elif isinstance(node, ast.Call):
            texts = [_text_of(a) for a in node.args]
        else:
            continue
        words = [x for x in texts if x and x.strip()]
        if any(_VI_LETTER.search(x) for x in words) and any(
            not _VI_LETTER.search(x) and " " in x.strip() for x in words
        ):
            out.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    return out


def test_the_interface_code_holds_no_vietnamese_english_pairs() -> None:
    """Interface strings live in the tables, one per language (issue 12); the legal texts and
    data beside each rule (rules/, facts.py, the calendar's data ...) are not interface."""
    assert len(SERVER) >= 5 and set(SERVER) <= set(INTERFACE)  # the service is checked too
    found = [p for path in INTERFACE for p in bilingual_pairs(path)]
    assert not found, found


@pytest.mark.parametrize(
    "argv",
    [
        ["--help"],
        ["assess", "examples/org-hanoi-one-source.yaml"],
        ["route", "examples/org-hanoi-one-source.yaml"],
        ["lifecycle", "examples/scenarios/conclusion.yaml"],
        ["timeline", "examples/scenarios/issuance-across-tet.yaml", "--explain"],
        ["coverage"],
        ["law", "9.1.b"],
    ],
    ids=lambda a: a[0],
)
def test_a_vietnamese_command_reads_one_table(
    argv: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Cold start: a command in Vietnamese parses vi.toml once and en.toml not at all."""
    monkeypatch.chdir(ROOT)
    messages.cache_clear()
    try:
        assert _run(argv)[0] == 0
        assert messages.cache_info().currsize == 1
        assert messages.cache_info().misses == 1
    finally:
        messages.cache_clear()


# -- counts in English (trial finding 21: not "1 cases") ----------------------------------------
# (message, its fields, the English text)
COUNTS = [
    (
        "case.summary",
        {"total": 1, "passed": 0, "failed": 1, "error": 1, "xfailed": 1, "xpassed": 0},
        "1 case: 0 passed, 1 failed, 1 error, 1 known disagreement, 0 no longer",
    ),
    (
        "case.summary",
        {"total": 2, "passed": 2, "failed": 0, "error": 0, "xfailed": 0, "xpassed": 0},
        "2 cases: 2 passed, 0 failed, 0 errors, 0 known disagreements",
    ),
    ("case.status.passed", {"total": 1}, "PASSED (1 expectation)"),
    ("case.status.failed", {"bad": 1, "total": 3}, "FAILED: 1 of 3 expectations wrong"),
    ("input.invalid", {"file": "f", "what": "case file", "count": 1, "problems": ""}, "(1 error)"),
    (
        "coverage.counts",
        {"total": 1, "encoded": 1, "not_computable": 0, "pending": 0, "missing": 0},
        "1 unit: 1 encoded",
    ),
]


@pytest.mark.parametrize(("key", "fields", "text"), COUNTS)
def test_english_counts_agree_with_their_nouns(key: str, fields: dict[str, int], text: str) -> None:
    from sandbox_rules.i18n import t

    assert text in t(key, "en", **fields)
    assert "{" not in t(key, "vi", **fields)  # the Vietnamese noun does not change


def test_no_english_message_writes_one_with_a_plural_noun() -> None:
    """Every count of the English table that is followed by a noun says it through
    {n:one|other}, so that no message can print "1 cases"."""
    from sandbox_rules.i18n import messages

    bare = re.compile(
        r"\{(?:n|count|total)\} (?:cases|errors|expectations|lines|bugs|rules|units|months|days|answers|clauses|working days)\b"
    )
    assert [k for k, v in messages("en").items() if bare.search(v)] == []


def test_every_reading_has_its_options_explained_in_vietnamese() -> None:
    # Reports name the reading a result used; an officer is told what the option means,
    # not only its code (issue 12: Vietnamese first).
    from sandbox_rules.interpretations import CATALOGUE, OPTION_VI

    missing = [(i.id, o) for i in CATALOGUE for o in i.options if (i.id, o) not in OPTION_VI]
    assert missing == []
    stale = set(OPTION_VI) - {(i.id, o) for i in CATALOGUE for o in i.options}
    assert stale == set()


STATUS_TABLES = ("value", "lifecycle.duty", "ics.status", "timeline.status")


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_status_has_one_name_in_every_table(lang: str) -> None:
    # The same status read "để theo dõi" in the text and "Để biết" in the page and the
    # calendar file (an officer's trial): one word per status, whatever the surface; only
    # the case may differ (the calendar file capitalises, overdue is written in capitals).
    from collections import defaultdict

    from sandbox_rules.i18n import table

    names: dict[str, set[str]] = defaultdict(set)
    for prefix in STATUS_TABLES:
        for code, text in table(prefix, lang).items():
            names[code].add(text.casefold())
    shared = {c for c in names if sum(c in table(p, lang) for p in STATUS_TABLES) > 1}
    assert {c: sorted(names[c]) for c in shared if len(names[c]) > 1} == {}
    # The report page too (trial 2, A14: "Đã thực hiện, trễ hạn", "Chưa đến hạn", "TRỄ HẠN",
    # "đúng hạn" on the page): every obligation and step status it can show reads as in the
    # tables, and the page's own table has no status words of its own.
    from typing import get_args

    from sandbox_rules.codes import ObligationStatus, StepStatus
    from sandbox_rules.surfaces.report.i18n import t as page

    wrong = {
        f"{prefix}{code}": page(f"{prefix}{code}", lang)
        for prefix, codes in (("ob_", get_args(ObligationStatus)), ("step_", get_args(StepStatus)))
        for code in codes
        if page(f"{prefix}{code}", lang).casefold() not in names[code]
    }
    assert wrong == {}
    assert [k for k in table("page", lang) if k.startswith(("ob_", "step_"))] == []
