"""Case files: the project's own cases run through the same runner an officer uses, and the
runner's own behaviour (lines, every miss, names, exit codes, JSON, translated errors)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sandbox_rules.cli import main
from sandbox_rules.surfaces.casefiles import case_json_schema, run_file, run_paths
from sandbox_rules.surfaces.casefiles.runner import collect, render

ROOT = Path(__file__).resolve().parent.parent
CASES = ROOT / "examples" / "cases"


def _case_ids() -> list[Path]:
    return collect([CASES])


def test_there_are_at_least_twelve_case_files() -> None:
    assert len(_case_ids()) >= 12


@pytest.mark.parametrize("path", _case_ids(), ids=lambda p: p.name)
def test_project_case_file(path: Path) -> None:
    results = run_file(path)
    assert results, f"{path}: no cases"
    bad = [r for r in results if r.bad]
    assert not bad, render(bad)
    for r in results:
        assert r.checks, f"{r.name}: a case with no expectation checks nothing"


MISSES = """\
name: Sai hai chỗ
application:
  applicant:
    kind: organisation
    lawful_legal_entity_in_vietnam: false
  data_sources:
    - {managed_by: Đà Nẵng, owning_unit: A, defence_or_cipher: false}
expect:
  conditions: eligible
  failed: []
  authority: Hà Nội
  procedure: "12.3"
"""


def test_every_miss_is_reported_with_its_line_and_both_values(tmp_path: Path) -> None:
    f = tmp_path / "x.case.yaml"
    f.write_text(MISSES, encoding="utf-8")
    (r,) = run_file(f)
    assert r.status == "failed" and r.name == "Sai hai chỗ"
    misses = {c.key: c for c in r.misses}
    assert set(misses) == {"conditions", "failed", "authority"}  # all three, not the first
    assert misses["conditions"].line == 9 and misses["conditions"].actual == "ineligible"
    assert misses["failed"].line == 10 and misses["failed"].extra == ("org.lawful-legal-entity",)
    assert misses["authority"].line == 11 and str(misses["authority"].actual).startswith("DNG")
    text = render([r])
    assert "dòng 11" in text and "mong đợi:" in text and "thực tế:" in text
    assert "«Sai hai chỗ»" in text.splitlines()[-1]  # the summary names the case
    en = render(run_file(f, lang="en"), "en")
    assert "line 11" in en and "expected:" in en


def test_cli_exit_codes_and_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.case.yaml"
    bad.write_text(MISSES, encoding="utf-8")
    assert main(["test", str(bad), "--json"]) == 1
    out = json.loads(capsys.readouterr().out)
    assert out["summary"]["failed"] == 1
    assert {c["key"] for c in out["cases"][0]["checks"] if not c["ok"]} == {
        "conditions",
        "failed",
        "authority",
    }
    assert main(["test", str(CASES / "12.1.c-defence-data.case.yaml")]) == 0
    assert "ĐẠT" in capsys.readouterr().out


def test_invalid_application_is_reported_in_vietnamese_with_lines(tmp_path: Path) -> None:
    f = tmp_path / "y.case.yaml"
    f.write_text(
        "name: Lỗi nhập liệu\n"
        "application:\n"
        "  applicant:\n"
        "    kind: organization\n"
        "  data_sources:\n"
        "    - {managed_by: Da Nag}\n"
        "  scope: {planned_start: 2026-13-01}\n"
        "expect:\n"
        "  conditions: eligible\n",
        encoding="utf-8",
    )
    (r,) = run_file(f)
    assert r.status == "error" and r.error is not None
    errors = r.error["errors"]
    by_line = {e["line"]: e for e in errors}
    assert set(by_line) == {4, 6, 7}
    assert by_line[4]["suggestion"] == "organisation"  # nearest valid value
    assert "Đà Nẵng" in by_line[6]["msg"] and list(by_line[6]["loc"]) == [
        "application",
        "data_sources",
        0,
        "managed_by",
    ]
    assert "mục thứ 1" in r.error["message"]  # items counted from 1 for the officer
    assert "ngày" in by_line[7]["msg"]


def test_xfail_is_reported_and_a_stale_xfail_fails(tmp_path: Path) -> None:
    f = tmp_path / "z.case.yaml"
    base = "name: x\napplication:\n  applicant: {kind: organisation, staff_qualified: false}\n"
    f.write_text(base + "xfail: lý do\nexpect:\n  conditions: eligible\n", encoding="utf-8")
    assert [r.status for r in run_file(f)] == ["xfailed"]
    f.write_text(base + "xfail: lý do\nexpect:\n  conditions: ineligible\n", encoding="utf-8")
    assert [r.status for r in run_file(f)] == ["xpassed"]
    assert run_file(f)[0].bad


def test_folder_and_schema() -> None:
    assert len(run_paths([CASES])) >= len(_case_ids())
    schema = case_json_schema()
    assert schema["$schema"].endswith("2020-12/schema")
    assert "expect" in schema["required"]


def test_docs_name_every_key_of_the_format() -> None:
    from sandbox_rules.surfaces.casefiles import Case, Expect

    doc = (ROOT / "docs" / "casefiles.md").read_text(encoding="utf-8")
    keys = [f.alias or n for n, f in Case.model_fields.items()] + list(Expect.model_fields)
    assert [k for k in keys if f"`{k}`" not in doc] == []


# -- days written dd/mm/yyyy (issue 12) -------------------------------------------------------------
# (a case file with one day written the Vietnamese way, its line, what was written, the ISO form)
DMY_DAYS = [
    # the application's planned start (10.2)
    (
        "name: x\napplication:\n  applicant: {kind: organisation}\n"
        "  scope: {planned_start: 01/03/2026}\nexpect: {conditions: eligible}\n",
        4,
        "01/03/2026",
        "2026-03-01",
    ),
    # the filing date, one-digit day and month
    (
        "name: x\napplication:\n  applicant: {kind: organisation}\n"
        "  submission: {submitted_on: 5/1/2026}\nexpect: {conditions: eligible}\n",
        4,
        "5/1/2026",
        "2026-01-05",
    ),
    # an expected due date of a timeline step
    (
        "name: x\nas_of: 2026-02-25\ntimeline: {procedure: issuance-12.3, events: {}}\n"
        "expect:\n  due: {decide: 26/02/2026}\n",
        5,
        "26/02/2026",
        "2026-02-26",
    ),
    # an expected end of the testing period, written with dots
    (
        "name: x\nas_of: 2026-06-30\nrecord: {issued_on: 2026-02-26, approved_months: 12}\n"
        "expect:\n  end: 01.03.2027\n",
        5,
        "01.03.2027",
        "2027-03-01",
    ),
    # a timeline event
    (
        "name: x\nas_of: 2026-02-25\ntimeline:\n  procedure: issuance-12.3\n"
        "  events: {dossier_complete: 10-02-2026}\nexpect: {due: {decide: 2026-02-26}}\n",
        5,
        "10-02-2026",
        "2026-02-10",
    ),
]


@pytest.mark.parametrize(("text", "line", "written", "iso"), DMY_DAYS)
@pytest.mark.parametrize(
    ("lang", "suggest"), [("vi", "Có phải ý bạn là «{}»?"), ("en", "Did you mean «{}»?")]
)
def test_a_day_written_dd_mm_yyyy_is_refused_with_its_iso_form(
    tmp_path: Path, text: str, line: int, written: str, iso: str, lang: str, suggest: str
) -> None:
    f = tmp_path / "d.case.yaml"
    f.write_text(text, encoding="utf-8")
    (r,) = run_file(f, lang=lang)
    assert r.status == "error" and r.error is not None  # still refused: files are ISO
    (e,) = [e for e in r.error["errors"] if e["line"] == line]
    assert f"«{written}»" in e["msg"] and "YYYY-MM-DD" in e["msg"]
    assert e["suggestion"] == iso
    assert e["msg"].endswith(suggest.format(iso))


# (what was written, its ISO form: None where there is no day to suggest)
ISO_FORMS = [
    ("01/03/2026", "2026-03-01"),  # dd/mm/yyyy, the Vietnamese order
    (" 1/3/2026 ", "2026-03-01"),  # one digit each, spaces around
    ("31/02/2026", None),  # no such day: nothing to suggest
    ("2026/03/01", None),  # another order: not guessed
    ("01/03/26", None),  # a two-digit year: not guessed
    ("01/03-2026", None),  # mixed separators
    ("hôm nay", None),
]


@pytest.mark.parametrize(("written", "iso"), ISO_FORMS)
def test_iso_form_of_a_vietnamese_day(written: str, iso: str | None) -> None:
    from sandbox_rules.surfaces.inputs import iso_form

    assert iso_form(written) == iso
