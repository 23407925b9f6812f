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
    assert "Đà Nẵng" in by_line[6]["msg_vi"] and list(by_line[6]["loc"]) == [
        "application",
        "data_sources",
        0,
        "managed_by",
    ]
    assert "mục thứ 1" in r.error["message_vi"]  # items counted from 1 for the officer
    assert "ngày" in by_line[7]["msg_vi"]


def test_a_wrong_kind_does_not_hide_the_other_errors_of_its_part(tmp_path: Path) -> None:
    # Pydantic checks nothing else of an applicant whose kind it does not know: fixing the
    # kind would show a second wave. Each of lines 5 and 6 is wrong for an organisation.
    f = tmp_path / "w.case.yaml"
    f.write_text(
        "name: Hai đợt lỗi\n"
        "application:\n"
        "  applicant:\n"
        "    kind: organization\n"
        "    lawful_legal_entity_in_vietnam: rồi\n"
        "    staf_qualified: true\n"
        "expect:\n"
        "  conditions: eligible\n",
        encoding="utf-8",
    )
    (r,) = run_file(f)
    assert r.error is not None
    by_line = {e["line"]: e for e in r.error["errors"]}
    assert set(by_line) == {4, 5, 6}
    assert by_line[4]["suggestion"] == "organisation"
    assert "true hoặc có" in by_line[5]["msg_vi"] and "«organisation»" in by_line[5]["msg_vi"]
    assert by_line[6]["suggestion"] == "staff_qualified"
    # A kind with no near valid value is not guessed at: only its own error is reported.
    f.write_text(f.read_text(encoding="utf-8").replace("organization", "zzz"), encoding="utf-8")
    (r,) = run_file(f)
    assert r.error is not None and [e["line"] for e in r.error["errors"]] == [4]


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
    assert (
        f"«{written}»" in e["msg" if lang == "en" else "msg_vi"]
        and "YYYY-MM-DD" in e["msg" if lang == "en" else "msg_vi"]
    )
    assert e["suggestion"] == iso
    assert e["msg" if lang == "en" else "msg_vi"].endswith(suggest.format(iso))


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


# -- what `test` says when a value is undetermined, and its input errors (issue 12) ----------------
def _case_file(tmp_path: Path, case: dict[str, object]) -> Path:
    import yaml

    f = tmp_path / "c.case.yaml"
    f.write_text(yaml.safe_dump(case, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return f


def _org(**changes: object) -> dict[str, object]:
    from conftest import ORGANISATION, with_changes

    return with_changes(ORGANISATION, dict(changes))


THREE_SOURCES = [
    {"name": "A", "owning_unit": "Sở A", "managed_by": "Đà Nẵng", "defence_or_cipher": False},
    {
        "name": "B",
        "owning_unit": "Cục Thuế",
        "managed_by": "Bộ Tài chính",
        "defence_or_cipher": False,
    },
    {"name": "C", "owning_unit": "Cục X", "managed_by": "Bộ Tài chính"},  # 12.1.c not answered
]
NO_FLAG = "chưa xác định được — thiếu data_sources[3].defence_or_cipher (12.1.c)"
# (application, expectations, the expectation looked at, why its actual value is what it is)
UNDETERMINED_NOTES = [
    # 12.1.c unanswered for the third source: no authority yet, and the source is named
    (_org(data_sources=THREE_SOURCES), {"authority": "Bộ Công an"}, "authority", NO_FLAG),
    (_org(data_sources=THREE_SOURCES), {"authority_clause": "12.1.b"}, "authority_clause", NO_FLAG),
    (_org(data_sources=THREE_SOURCES), {"procedure": "12.4"}, "procedure", NO_FLAG),
    # expecting no authority yet is met, and says why
    (_org(data_sources=THREE_SOURCES), {"authority": None}, "authority", NO_FLAG),
    # the routing's own status: what is missing follows it
    (
        _org(data_sources=THREE_SOURCES),
        {"routing": "determined"},
        "routing",
        "thiếu data_sources[3].defence_or_cipher (12.1.c)",
    ),
    # one condition of Art. 9 unanswered
    (
        _org(**{"applicant.staff_qualified": None}),
        {"conditions": "eligible"},
        "conditions",
        "thiếu applicant.staff_qualified (9.1.par1)",
    ),
    # no documents listed: which items of 12.2 are unknown
    (
        _org(),
        {"dossier_complete": True},
        "dossier_complete",
        "chưa rõ: HĐTN01 (12.2.a); plan (12.2.b)",
    ),
]


@pytest.mark.parametrize(("app", "expect", "key", "note"), UNDETERMINED_NOTES)
def test_an_undetermined_actual_value_says_why(
    tmp_path: Path, app: dict[str, object], expect: dict[str, object], key: str, note: str
) -> None:
    f = _case_file(tmp_path, {"name": "x", "application": app, "expect": expect})
    (r,) = run_file(f)
    (c,) = [c for c in r.checks if c.key == key]
    assert c.note == note
    text = render([r])
    assert note in text
    assert "(không có)" not in text  # "nothing" is not an answer an officer can act on


# (readings chosen, data sources, the expectation, why the procedure is what it is)
OPEN_BY_THE_TEXT = [
    # three managing bodies under the strict reading of 12.3/12.4: the text sets no procedure
    (
        {"procedure-many-sources": "strict"},
        [
            *THREE_SOURCES[:2],
            {**THREE_SOURCES[2], "managed_by": "Bộ Công Thương", "defence_or_cipher": False},
        ],
        {"procedure": "12.4"},
        "văn bản không quy định thủ tục cho trường hợp này "
        "(cách hiểu procedure-many-sources=strict)",
    ),
]


@pytest.mark.parametrize(("readings", "sources", "expect", "note"), OPEN_BY_THE_TEXT)
def test_a_procedure_the_text_leaves_open_says_so(
    tmp_path: Path,
    readings: dict[str, str],
    sources: list[object],
    expect: dict[str, object],
    note: str,
) -> None:
    case = {
        "name": "x",
        "interpretations": readings,
        "application": _org(data_sources=sources),
        "expect": expect,
    }
    (r,) = run_file(_case_file(tmp_path, case))
    (c,) = r.checks
    assert c.actual is None and c.note == note
    assert note in render([r])


TIMELINE = {"procedure": "issuance-12.4", "events": {"dossier_complete": "2026-02-10"}}
# (expectations naming steps, [(line, step written, the step suggested)])
STEP_NAMES = [
    # steps named by their Vietnamese names: found by the name
    (
        {"due": {"quyết định": "2026-02-26", "lấy ý kiến": "2026-02-13"}},
        [(9, "quyết định", "decide"), (10, "lấy ý kiến", "consult")],
    ),
    # a slip of spelling of the step's id
    ({"due": {"decid": "2026-02-26"}}, [(9, "decid", "decide")]),
    # step_status too, without diacritics
    ({"step_status": {"tra loi": "pending"}}, [(9, "tra loi", "replies")]),
    # nothing near: no suggestion, the steps are still listed
    ({"due": {"xyz": "2026-02-26"}}, [(9, "xyz", None)]),
]


@pytest.mark.parametrize(("expect", "wrong"), STEP_NAMES)
def test_an_unknown_step_is_an_input_error_with_its_line_and_the_nearest_step(
    tmp_path: Path, expect: dict[str, object], wrong: list[tuple[int, str, str | None]]
) -> None:
    import yaml

    f = tmp_path / "c.case.yaml"
    text = yaml.safe_dump(
        {"name": "x", "as_of": "2026-02-25", "timeline": TIMELINE, "expect": expect},
        allow_unicode=True,
        sort_keys=False,
    )
    f.write_text(text, encoding="utf-8")
    (r,) = run_file(f)
    assert r.status == "error" and r.error is not None  # not a failed expectation
    got = [(e["line"], e["loc"][-1], e.get("suggestion")) for e in r.error["errors"]]
    assert got == wrong, text
    message = r.error["message_vi"]
    assert "consult (Gửi văn bản lấy ý kiến)" in message and "decide (" in message
    for _, step, near in wrong:
        assert f"không có bước «{step}» trong thủ tục issuance-12.4" in message
        if near:
            assert f"Có phải ý bạn là «{near}»?" in message


ONE_SOURCE = [{"owning_unit": "Sở A", "managed_by": "Hà Nội", "defence_or_cipher": False}]
TWO_BODIES = [
    {"owning_unit": "Sở A", "managed_by": "Đà Nẵng", "defence_or_cipher": False},
    {"owning_unit": "Cục Thuế", "managed_by": "Bộ Tài chính", "defence_or_cipher": False},
]
# (data sources, the timeline's procedure, the warning's words, or None: no warning)
TIMELINE_PROCEDURES = [
    # one source: 12.3, but the timeline follows 12.4
    (ONE_SOURCE, "issuance-12.4", "là khoản 3 Điều 12 (issuance-12.3)"),
    # two managing bodies: 12.4, but the timeline follows 12.3
    (TWO_BODIES, "issuance-12.3", "là khoản 4 Điều 12 (issuance-12.4)"),
    # the same procedure: nothing to say
    (TWO_BODIES, "issuance-12.4", None),
    # not an issuance: the routing does not decide it
    (TWO_BODIES, "adjustment-13.3", None),
]


@pytest.mark.parametrize(("sources", "procedure", "said"), TIMELINE_PROCEDURES)
def test_a_timeline_not_of_the_routed_procedure_is_warned_about(
    tmp_path: Path, sources: list[object], procedure: str, said: str | None
) -> None:
    case = {
        "name": "x",
        "application": _org(data_sources=sources),
        "as_of": "2026-02-25",
        "timeline": {"procedure": procedure, "events": {}},
        "expect": {"conditions": "eligible"},
    }
    f = _case_file(tmp_path, case)
    (r,) = run_file(f)
    assert r.status == "passed"  # a warning, not a failure
    if said is None:
        assert r.warnings == []
    else:
        (w,) = r.warnings
        assert said in w and f"thủ tục của timeline là {procedure}" in w
        assert "c.case.yaml:" in w  # the timeline's line
        assert w in render([r])


# (a case lacking a part, the expectation needing it, the message's words)
NEEDS_PARTS = [
    ({"as_of": "2026-02-25"}, {"due": {"decide": "2026-02-26"}}, "cần thủ tục và các sự kiện"),
    ({"timeline": TIMELINE}, {"due": {"decide": "2026-02-26"}}, "cần ngày đánh giá (as_of)"),
    ({"as_of": "2026-02-25"}, {"state": "active"}, "cần hồ sơ theo dõi thử nghiệm (record)"),
    ({}, {"exempt": True}, "cần bảng tuân thủ nghĩa vụ (compliance)"),
    ({}, {"authority": "Hà Nội"}, "kỳ vọng này cần hồ sơ đề nghị"),
]


@pytest.mark.parametrize(("parts", "expect", "said"), NEEDS_PARTS)
def test_a_missing_part_names_the_line_of_the_expectation_needing_it(
    tmp_path: Path, parts: dict[str, object], expect: dict[str, object], said: str
) -> None:
    f = _case_file(tmp_path, {"name": "x", **parts, "expect": expect})
    (r,) = run_file(f)
    assert r.status == "error" and r.error is not None
    key = next(iter(expect))
    line = next(i for i, x in enumerate(f.read_text().splitlines(), 1) if x.strip().startswith(key))
    assert f"ca «x», dòng {line} (kỳ vọng {key}): {said}" in r.error["message_vi"]


def test_the_case_model_offers_exactly_the_procedures() -> None:
    import typing

    from sandbox_rules.procedures import PROCEDURES
    from sandbox_rules.surfaces.casefiles.model import Procedure

    assert typing.get_args(Procedure) == tuple(PROCEDURES)


# (a timeline's procedure as written, the one suggested)
PROCEDURE_NAMES = [
    ("cap-giay-12.4", "issuance-12.4"),  # a name of one's own for the issuance
    ("12.3", "issuance-12.3"),  # the clause alone
    ("adjustment-13", "adjustment-13.3"),
]


@pytest.mark.parametrize(("written", "suggested"), PROCEDURE_NAMES)
def test_an_unknown_procedure_is_refused_on_its_line_with_the_nearest(
    tmp_path: Path, written: str, suggested: str
) -> None:
    f = _case_file(
        tmp_path,
        {
            "name": "x",
            "as_of": "2026-02-25",
            "timeline": {"procedure": written, "events": {}},
            "expect": {"due": {"decide": "2026-02-26"}},
        },
    )
    (r,) = run_file(f)
    assert r.status == "error" and r.error is not None
    (e,) = r.error["errors"]
    assert (e["line"], e.get("suggestion")) == (4, suggested)


# (a scenario written dd/mm/yyyy, the command, the day's ISO form suggested)
DMY_SCENARIOS = [
    # a timeline event (12.3)
    (
        "as_of: 2026-02-25\ntimeline:\n  procedure: issuance-12.4\n"
        "  events: {dossier_complete: 10/02/2026}\n",
        "timeline",
        "2026-02-10",
    ),
    # the day to evaluate at
    (
        "as_of: 25/02/2026\ntimeline: {procedure: issuance-12.4, events: {}}\n",
        "timeline",
        "2026-02-25",
    ),
    # the decision report of the same scenario
    (
        "as_of: 2026-02-25\ntimeline:\n  procedure: issuance-12.4\n"
        "  events: {dossier_complete: 10/02/2026}\n",
        "report",
        "2026-02-10",
    ),
]


@pytest.mark.parametrize(("text", "command", "iso"), DMY_SCENARIOS)
@pytest.mark.parametrize(
    ("lang", "suggest"), [("vi", "Có phải ý bạn là «{}»?"), ("en", "Did you mean «{}»?")]
)
def test_a_scenario_day_written_dd_mm_yyyy_is_refused_with_its_iso_form(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    text: str,
    command: str,
    iso: str,
    lang: str,
    suggest: str,
) -> None:
    f = tmp_path / "s.yaml"
    f.write_text(text, encoding="utf-8")
    assert main([command, str(f), "--lang", lang]) == 1
    err = capsys.readouterr().err
    assert "YYYY-MM-DD" in err and suggest.format(iso) in err and "Traceback" not in err


# -- expectations by the names the rest of the tool accepts (trial finding 10) ------------------
# (documents at hand, dossier_missing written, met, what is left over: (missing, extra))
DOSSIER_MISSING = [
    # "Đơn đề nghị" is HĐTN01, as `dossier` itself reads it
    (["Phương án thử nghiệm có kiểm soát"], ["Đơn đề nghị"], True, ((), ())),
    # its decree wording without diacritics, its form code, its clause
    (["plan"], ["Don de nghi cap giay chung nhan"], True, ((), ())),
    (["plan"], ["Mẫu HĐTN01"], True, ((), ())),
    (["plan"], ["điểm a khoản 2 Điều 12"], True, ((), ())),
    # the individual's form is not what this organisation misses
    (["plan"], ["HĐTN02"], False, (("HĐTN02",), ("HĐTN01",))),
    # both missing, named in words
    ([], ["đơn đề nghị", "phương án"], True, ((), ())),
    # a document at hand is not missing
    (["HĐTN01 - Đơn đề nghị"], ["Đơn đề nghị"], False, (("Đơn đề nghị",), ("plan",))),
]


@pytest.mark.parametrize(("documents", "written", "ok", "left"), DOSSIER_MISSING)
def test_dossier_missing_names_documents_as_the_dossier_check_does(
    tmp_path: Path,
    documents: list[str],
    written: list[str],
    ok: bool,
    left: tuple[tuple[str, ...], tuple[str, ...]],
) -> None:
    app = _org(submission={"documents": documents})
    f = _case_file(
        tmp_path, {"name": "x", "application": app, "expect": {"dossier_missing": written}}
    )
    (r,) = run_file(f)
    (c,) = r.checks
    assert (c.ok, (c.missing, c.extra)) == (ok, left)


SCENARIO = ROOT / "examples" / "scenarios" / "inspection-and-revocation.yaml"
# (obligations expectations, met) — the record's schedule has remediation-2026-11-05 (17.3)
# overdue, and nothing else
OVERDUE = [
    ({"overdue": ["remediation-2026-11-05"]}, True),  # by id, as before
    ({"overdue": ["17.3"]}, True),  # by its clause, as dossier_missing and grounds take
    ({"overdue": ["khoản 3 Điều 17"]}, True),  # the clause in words
    ({"overdue": ["18.3"]}, False),  # no quarterly report is overdue
    ({"overdue": []}, False),
]


@pytest.mark.parametrize(("expect", "ok"), OVERDUE)
def test_overdue_takes_clauses(tmp_path: Path, expect: dict[str, object], ok: bool) -> None:
    f = _case_file(tmp_path, {"name": "x", "from": str(SCENARIO), "expect": expect})
    (r,) = run_file(f)
    assert r.status == ("passed" if ok else "failed"), render([r])


# (expectations, [(line, id written, the id suggested)])
OBLIGATION_IDS = [
    # an id slightly wrong: an input error with its line and the nearest id
    (
        {"obligations": {"quarterly-2026-Q2": "done"}},
        [(5, "quarterly-2026-Q2", "quarterly-report-2026-Q2")],
    ),
    # two wrong at once, and one in overdue (a token that is neither an id nor a clause)
    (
        {
            "obligations": {
                "remediation-2026-11": "overdue",
                "yearly-inspection-1": "informational",
            },
            "overdue": ["remediation-2026-11"],
        },
        [
            (5, "remediation-2026-11", "remediation-2026-11-05"),
            (7, "overdue", "remediation-2026-11-05"),
        ],
    ),
]


@pytest.mark.parametrize(("expect", "wrong"), OBLIGATION_IDS)
def test_an_unknown_obligation_id_is_an_input_error_with_its_line_and_the_nearest_ids(
    tmp_path: Path, expect: dict[str, object], wrong: list[tuple[int, str, str]]
) -> None:
    f = _case_file(tmp_path, {"name": "x", "from": str(SCENARIO), "expect": expect})
    (r,) = run_file(f)
    assert r.status == "error" and r.error is not None, render([r])
    got = [(e["line"], e["loc"][-1], e.get("suggestion")) for e in r.error["errors"]]
    assert got == wrong, f.read_text()
    assert "sandbox-rules obligations TỆP --ids" in r.error["message_vi"]


def test_obligations_ids_shows_the_id_of_every_obligation(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["obligations", str(SCENARIO), "--ids"]) == 0
    out = capsys.readouterr().out
    assert "Khắc phục tồn tại, vi phạm sau kiểm tra  [remediation-2026-11-05]" in out
    assert main(["obligations", str(SCENARIO)]) == 0
    assert "[remediation-2026-11-05]" not in capsys.readouterr().out  # only when asked


def test_an_undetermined_exemption_names_the_duty_whose_compliance_is_missing(
    tmp_path: Path,
) -> None:
    from sandbox_rules.rules import registry

    # every participant duty complied with, but for one left out (unknown)

    compliance = {str(r.outcome["fact"]): True for r in registry().group("duties.participant")} | {
        "duty.other-law": True
    }
    del compliance["duty.18.2.channel"]
    f = _case_file(tmp_path, {"name": "x", "compliance": compliance, "expect": {"exempt": True}})
    (r,) = run_file(f)
    (c,) = r.checks
    assert c.actual is None
    assert c.note == (
        "chưa xác định được — bảng tuân thủ (compliance) chưa ghi việc thực hiện nghĩa vụ "
        "duty.18.2.channel (18.2)"
    )
    assert "(không có)" not in render([r])


# -- every input error of a case at once (trial findings 12 and 21) ------------------------------
WAVES = """\
name: x
as_of: 2026-02-25
timeline: {procedure: issuance-12.4, events: {dossier_complete: 2026-02-10}}
expect:
  due:
    lấy ý kiến: 13/02/2026
  state: gia hạn
"""


def test_a_wrong_value_does_not_hide_a_wrong_name_on_the_same_line(tmp_path: Path) -> None:
    f = tmp_path / "c.case.yaml"
    f.write_text(WAVES, encoding="utf-8")
    (r,) = run_file(f)
    assert r.error is not None
    got = [(e["line"], e["loc"][-1], e.get("suggestion")) for e in r.error["errors"]]
    assert got == [
        (6, "lấy ý kiến", "2026-02-13"),  # the day written dd/mm/yyyy
        (6, "lấy ý kiến", "consult"),  # and, on the same line, the step's name
        (7, "state", "extended"),  # a state in words, suggested as conditions are
    ]
    assert "các bước của thủ tục issuance-12.4: consult" in r.error["message_vi"]
    assert "tệp tình huống không hợp lệ (3 lỗi)" in r.error["message_vi"]


def test_a_mapping_written_as_a_list_says_so_and_its_keys_are_checked(tmp_path: Path) -> None:
    text = f"name: x\nfrom: {SCENARIO}\nexpect:\n  obligations:\n    - quarterly-2026-Q2: done\n"
    f = tmp_path / "c.case.yaml"
    f.write_text(text, encoding="utf-8")
    (r,) = run_file(f)
    assert r.error is not None
    msgs = [e["msg_vi"] for e in r.error["errors"]]
    assert "bỏ dấu «-» ở đầu các dòng bên dưới" in msgs[0]
    assert "Có phải ý bạn là «quarterly-report-2026-Q2»?" in msgs[1]


# (clauses written, accepted)
CLAUSES = [
    ([9.1, "9.3", 11, "12.1.b"], True),  # 11 is read by YAML as an int: a clause all the same
    ([True], False),  # a yes/no is no clause
]


@pytest.mark.parametrize(("clauses", "ok"), CLAUSES)
def test_clauses_written_as_numbers_are_clauses(
    tmp_path: Path, clauses: list[object], ok: bool
) -> None:
    text = f"name: x\nclauses: {json.dumps(clauses)}\ncompliance: {{}}\nexpect: {{exempt: null}}\n"
    f = tmp_path / "c.case.yaml"
    f.write_text(text, encoding="utf-8")
    (r,) = run_file(f)
    assert (r.status != "error") is ok, render([r])


def test_the_case_model_offers_exactly_the_states_and_statuses() -> None:
    import typing

    from sandbox_rules import time_records
    from sandbox_rules.i18n import table
    from sandbox_rules.surfaces.casefiles.model import ObligationStatus, State, StepStatus

    assert set(typing.get_args(State)) == set(table("state"))
    step = typing.get_type_hints(time_records.TimelineStep)["status"]
    assert typing.get_args(StepStatus) == typing.get_args(step)
    assert typing.get_args(ObligationStatus) == typing.get_args(time_records.ObligationStatus)


# -- yes/no written in words, as the template offers them (trial finding 13) ---------------------
# (the value written for lawful_legal_entity_in_vietnam, what it is read as, or None: refused)
YES_NO_WORDS = [
    ("có", True),  # the template's and the message's own word
    ("không", False),
    ("Có", True),
    ("khong", False),  # without diacritics
    ("true", True),
    ("rồi", None),  # any other word is still refused
    ("ko", None),
    ("không biết", None),  # unknown is an empty field, not a word
]


@pytest.mark.parametrize(("written", "read"), YES_NO_WORDS)
def test_a_yes_no_field_takes_co_and_khong(tmp_path: Path, written: str, read: bool | None) -> None:
    f = tmp_path / "a.case.yaml"
    f.write_text(
        "name: x\napplication:\n  applicant:\n    kind: organisation\n"
        f"    lawful_legal_entity_in_vietnam: {written}\nexpect:\n  conditions: ineligible\n",
        encoding="utf-8",
    )
    (r,) = run_file(f)
    if read is None:
        assert r.error is not None
        (e,) = r.error["errors"]
        assert e["line"] == 5 and f"nhận được «{written}»" in e["msg_vi"]
        assert "cần true hoặc có, false hoặc không" in e["msg_vi"]
        return
    assert r.error is None, render([r])
    assert r.status == ("failed" if read else "passed")  # false fails 9.1: ineligible


def test_the_template_offers_the_words_the_files_take() -> None:
    from sandbox_rules.surfaces.templates.write import application_template

    text = application_template()
    assert "true hoặc có | false hoặc không" in text and "true (có)" not in text


# -- a field of the other kind of applicant points at kind (trial finding 15) --------------------
WRONG_KIND = """\
name: x
application:
  applicant:
    kind: individual
    name: Công ty Cổ phần Sông Hàn
    lawful_legal_entity_in_vietnam: true
    staff_qualified: true
expect:
  conditions: eligible
"""


def test_fields_of_the_other_kind_point_at_kind_on_its_line(tmp_path: Path) -> None:
    f = tmp_path / "k.case.yaml"
    f.write_text(WRONG_KIND, encoding="utf-8")
    (r,) = run_file(f)
    assert r.error is not None
    errors = r.error["errors"]
    assert [e["line"] for e in errors] == [5, 6, 7]
    for e in errors:
        assert (
            "trường này dành cho tổ chức (kind: organisation); hồ sơ khai kind: individual ở dòng 4"
            in e["msg_vi"]
        )
        assert e.get("suggestion") is None  # no field of an individual is what was meant
    # one of them misspelt (trial 2, A5): most are still an organisation's, so each keeps
    # the hint and the misspelt one gets the organisation's nearest field
    f.write_text(WRONG_KIND.replace("    name:", "    nmae:"), encoding="utf-8")
    (r,) = run_file(f)
    assert r.error is not None
    assert all("dành cho tổ chức" in e["msg_vi"] for e in r.error["errors"])
    assert [e.get("suggestion") for e in r.error["errors"]] == ["name", None, None]
    # a lone field of neither kind: no such hint
    f.write_text(
        WRONG_KIND.replace(
            "    lawful_legal_entity_in_vietnam: true\n    staff_qualified: true\n", ""
        ).replace("    name:", "    nmae:"),
        encoding="utf-8",
    )
    (r,) = run_file(f)
    assert r.error is not None
    assert all("dành cho tổ chức" not in e["msg_vi"] for e in r.error["errors"])
