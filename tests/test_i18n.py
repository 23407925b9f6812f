"""Message tables: the same keys and placeholders in Vietnamese and English, Vietnamese by
default, dd/mm/yyyy dates in Vietnamese."""

from __future__ import annotations

import re
import string
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
