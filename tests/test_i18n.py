"""Message tables: the same keys and placeholders in Vietnamese and English, Vietnamese by
default, dd/mm/yyyy dates in Vietnamese."""

from __future__ import annotations

import argparse
import ast
import re
import string
import subprocess
import sys
import typing
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

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
    assert "dòng 2" in err and "Có phải ý bạn là «organisation»" in err  # by its Vietnamese name
    assert "Traceback" not in err
    assert main(["route", str(f), "--lang", "en"]) == 1
    assert "line 2" in capsys.readouterr().err


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


# -- the tables: one per language, every key the code asks for, nothing unused ---------------
SOURCE = ROOT / "sandbox_rules"
PAGE_TEMPLATE = SOURCE / "surfaces" / "report" / "templates" / "report.html.j2"
# Functions that take a message key, and the position of the key among their arguments:
# sandbox_rules.i18n.t, cli_io.message, the CLI's --help helpers h and option, its input
# error _bad, and the report page's t (keys of the page table, given without "page.").
KEY_ARGUMENT = {"t": 0, "message": 0, "_message": 0, "h": 0, "option": 1, "_bad": 2}
# Functions that take the name of a table (a prefix of keys).
TABLE_ARGUMENT = {"table": 0, "_word": 0}
PAGE_MODULE = "sandbox_rules.surfaces.report.i18n"


class _Any:
    def __format__(self, spec: str) -> str:
        return "x"


def _pattern(node: ast.expr) -> str | None:
    """A regex for the keys an argument can be: a literal, an f-string, or 'prefix.' + x."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return re.escape(node.value)
    if isinstance(node, ast.JoinedStr):
        parts = [
            re.escape(v.value) if isinstance(v, ast.Constant) else r"[^.]+" for v in node.values
        ]
        return "".join(parts)
    if isinstance(node, ast.IfExp):
        a, b = _pattern(node.body), _pattern(node.orelse)
        return None if a is None or b is None else f"(?:{a}|{b})"
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        left = _pattern(node.left)
        return None if left is None else left + r"[^.]+"
    return None


def _uses_page_words(tree: ast.Module) -> bool:
    return any(
        isinstance(n, ast.ImportFrom)
        and n.module == PAGE_MODULE
        and any(a.name == "t" for a in n.names)
        for n in ast.walk(tree)
    )


def asked_keys() -> dict[str, set[str]]:
    """Every key pattern the code asks the tables for, with where: literal keys, f-strings
    (whose fields match one part of a key) and tables (prefixes)."""
    out: dict[str, set[str]] = {}
    for path in sorted(SOURCE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        page = _uses_page_words(tree)
        for node in ast.walk(tree):
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
                        if pattern and not pattern.startswith(r"[^.]"):
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
            if name == "t" and isinstance(arg, ast.Name):
                continue  # cli_io.t(lang, vi, en): the pair helper the PDF writer still uses
            pattern = _pattern(arg)
            if pattern is None:
                continue
            if page and name == "t":
                pattern = r"page\." + pattern
            if pattern.startswith(r"[^.]"):
                continue  # all built at run time: read through a table name (TABLE_ARGUMENT)
            out.setdefault(pattern, set()).add(str(path.relative_to(ROOT)))
    for m in re.finditer(r"\bt\((\"[^\"]*\"(?:\s*\+\s*[^)]+)?)\)", PAGE_TEMPLATE.read_text()):
        literal, _, rest = m.group(1).partition("+")
        pattern = r"page\." + re.escape(literal.strip().strip('"')) + (r"[^.]+" if rest else "")
        out.setdefault(pattern, set()).add(str(PAGE_TEMPLATE.relative_to(ROOT)))
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


def _literals() -> set[str]:
    """Every string literal of the package (keys kept in mappings, e.g. surfaces/inputs.py)."""
    return {
        n.value
        for path in SOURCE.rglob("*.py")
        for n in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(n, ast.Constant) and isinstance(n.value, str)
    }


def test_no_message_is_unused() -> None:
    """A translator never translates a message no code reads."""
    patterns = [re.compile(p) for p in asked_keys()]
    literals = _literals()
    unused = [
        k
        for k in messages("vi")
        if not k.startswith(DYNAMIC_FAMILIES)
        and k not in literals
        and not (k.startswith("page.") and k[len("page.") :] in literals)  # the page's t()
        and not any(p.fullmatch(k) for p in patterns)
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
    from sandbox_rules.catalogues import catalogue
    from sandbox_rules.lifecycle import RECORD_EVENTS, _transition_events
    from sandbox_rules.rules import registry
    from sandbox_rules.rules.model import RuleKind

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
        "assessment.status": _codes(outcomes.Status),
        "assessment.part": _codes(outcomes.Part),
        "assessment.answer": answers,
        "assessment.topic": set(outcomes.TOPICS),
        "routing.method": methods,
        "dossier.status": dossier_status,
        "dossier.procedure": procedures,
        "timeline.status": step_status,
        "timeline.unit": _codes(time_records.Unit),
        "step": _codes(_hints(time_records.DayStep)["action"]),
        "state": states,
        "value": states | obligation,
        "event": set(RECORD_EVENTS) | set(_transition_events()),
        "lifecycle.duty": _codes(_hints(time_records.Obstacle)["status"]),
        "coverage.status": {"encoded", "not_computable", "pending", "missing"},
        "kind": {b.kind for b in catalogue().bodies.values()},
        "page.ans": answers,
        "page.part": _codes(outcomes.Part),
        "page.st": _codes(outcomes.Status),
        "page.rt": routing_status,
        "page.method": methods,
        "page.ds": dossier_status,
        "page.step": step_status,
        "page.ob": obligation,
        "page.actor": actors | {"participant"},
    }


@pytest.mark.parametrize("family", sorted(code_families()))
def test_every_code_a_record_can_hold_has_its_words(family: str) -> None:
    keys = set(messages("vi"))
    sep = "_" if family.startswith("page.") else "."
    missing = sorted(c for c in code_families()[family] if f"{family}{sep}{c}" not in keys)
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
