"""One reading of yes/no in every command (second officer trial, findings A1, A2, A9, A19).

Every input that takes a yes/no reads it through ``_validation.Flag``: true/false, or the
words the templates offer, «có»/«không». English words (YAML 1.1's yes/no/on/off/y/n) are
kept as text by the YAML readers and refused with the word to write instead.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sandbox_rules.cli import main
from sandbox_rules.io import load_yaml, parse_document
from sandbox_rules.surfaces.inputs import parse_yaml

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
APP = (EXAMPLES / "org-hanoi-one-source.yaml").read_text(encoding="utf-8")
SCENARIO = (EXAMPLES / "scenarios" / "inspection-and-revocation.yaml").read_text(encoding="utf-8")
COMPLIANCE = (
    "compliance:\n  duty.13.1.adjust-only-after-approval: {value}\n  duty.17.3.remediate: true\n"
)


def _app(word_true: str, word_false: str) -> str:
    return APP.replace(
        "lawful_legal_entity_in_vietnam: true", f"lawful_legal_entity_in_vietnam: {word_true}"
    ).replace("prosecuted_as_accused: false", f"prosecuted_as_accused: {word_false}")


def _scenario(word: str, compliance: str | None = None) -> str:
    text = SCENARIO.replace("remediation_required: true}", f"remediation_required: {word}}}")
    return text + (COMPLIANCE.format(value=compliance) if compliance is not None else "")


# -- A1: «có»/«không» read the same by every command ---------------------------------------------
# (command line, with {f} the file written; the file; the same file with true/false)
SAME_READING = [
    (["assess", "{f}"], _app("có", "không"), _app("true", "false")),  # accepted before too
    (["route", "{f}"], _app("có", "không"), _app("true", "false")),
    (["dossier", "{f}"], _app("có", "không"), _app("true", "false")),  # was refused, no line
    (["dossier", "{f}"], _app("Co", "khong"), _app("true", "false")),  # any case, no diacritics
    (["lifecycle", "{f}"], _scenario("có"), _scenario("true")),  # events[].remediation_required
    (
        ["lifecycle", "{f}"],
        _scenario("có", "có"),
        _scenario("true", "true"),
    ),  # compliance: was refused
    (["obligations", "{f}"], _scenario("có"), _scenario("true")),
]


@pytest.mark.parametrize(("argv", "words", "flags"), SAME_READING)
def test_co_khong_read_as_true_false_everywhere(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: list[str], words: str, flags: str
) -> None:
    outs = []
    for i, text in enumerate((words, flags)):
        f = tmp_path / f"in{i}.yaml"
        f.write_text(text, encoding="utf-8")
        assert main([a.format(f=f) for a in argv]) == 0, capsys.readouterr().err
        outs.append(capsys.readouterr().out.replace(str(f), "F"))
    assert outs[0] == outs[1]


def test_batch_dossier_and_report_read_co_khong(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = load_yaml(_app("có", "không"))
    lines = tmp_path / "in.jsonl"
    lines.write_text(json.dumps(data, default=str, ensure_ascii=False) + "\n", encoding="utf-8")
    assert main(["batch", "dossier", str(lines), "--json"]) == 0
    assert json.loads(capsys.readouterr().out.splitlines()[0])["kind"] == "dossier"
    pytest.importorskip("jinja2")
    for i, text in enumerate((_app("có", "không"), _scenario("có", "có"))):
        f = tmp_path / f"r{i}.yaml"
        f.write_text(text, encoding="utf-8")
        assert main(["report", str(f), "--html", str(tmp_path / f"r{i}.html")]) == 0, (
            capsys.readouterr().err
        )


# -- A2: English yes/no refused with a suggestion, the same way in every command -----------------
# (the English word written; the word suggested)
ENGLISH = [
    ("yes", "có"),  # YAML 1.1 reads it as true: it was taken silently by assess
    ("no", "không"),
    ("on", "có"),
    ("off", "không"),
    ("y", "có"),
    ("N", "không"),
    ("Yes", "có"),
]
# (command, a file with {w} for the word, the line of the field in it)
ENGLISH_FILES = [
    ("assess", _app("{w}", "false"), 7),
    ("route", _app("{w}", "false"), 7),
    ("dossier", _app("{w}", "false"), 7),
    ("lifecycle", _scenario("{w}"), 19),
    ("lifecycle", _scenario("true", "{w}"), 22),  # compliance:
]


@pytest.mark.parametrize(("word", "suggested"), ENGLISH)
@pytest.mark.parametrize(("command", "text", "line"), ENGLISH_FILES)
def test_english_yes_no_is_refused_with_the_word_to_write(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    word: str,
    suggested: str,
    command: str,
    text: str,
    line: int,
) -> None:
    f = tmp_path / "in.yaml"
    f.write_text(text.replace("{w}", word), encoding="utf-8")
    assert main([command, str(f)]) == 1
    err = capsys.readouterr().err
    assert f"dòng {line} " in err and f"«{word}»" in err, err
    assert f"Có phải ý bạn là «{suggested}»?" in err, err


def test_english_yes_no_in_a_case_file_is_refused(tmp_path: Path) -> None:
    from sandbox_rules.surfaces.casefiles.runner import run_file

    f = tmp_path / "a.case.yaml"
    f.write_text(
        "name: x\napplication:\n  applicant:\n    kind: organisation\n"
        "    lawful_legal_entity_in_vietnam: yes\nexpect:\n  conditions: ineligible\n",
        encoding="utf-8",
    )
    (r,) = run_file(f)
    assert r.error is not None
    (e,) = r.error["errors"]
    assert e["line"] == 5 and "«yes»" in e["msg"] and "«có»" in e["msg"]


# (YAML text, what the readers make of it): YAML 1.2 booleans only; JSON unaffected
SCALARS = [
    ("a: yes", {"a": "yes"}),  # YAML 1.1 said True
    ("a: No", {"a": "No"}),
    ("a: off", {"a": "off"}),
    ("a: y", {"a": "y"}),
    ("a: true", {"a": True}),
    ("a: False", {"a": False}),
    ("a: TRUE", {"a": True}),
    ("a: có", {"a": "có"}),  # read by the field (Flag), not by the reader
]


@pytest.mark.parametrize(("text", "data"), SCALARS)
def test_the_yaml_readers_keep_yaml_1_1_booleans_as_text(text: str, data: object) -> None:
    assert load_yaml(text) == data
    assert parse_yaml(text).data == data
    assert parse_document(text, "yaml") == data


def test_json_booleans_are_unaffected() -> None:
    assert parse_document('{"a": true, "b": "yes"}', "json") == {"a": True, "b": "yes"}


# -- A9: field paths shown to people count items from 1 -----------------------------------------
def test_assess_text_counts_items_from_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    f = tmp_path / "a.yaml"
    f.write_text(APP.replace("      site_approved_by: data_owning_unit\n", ""), encoding="utf-8")
    main(["assess", str(f)])
    out = capsys.readouterr().out
    assert "scope.testing_spaces[2].site_approved_by" in out  # the second space
    assert "testing_spaces[1]" not in out
    main(["assess", str(f), "--json"])
    assert "scope.testing_spaces[1].site_approved_by" in capsys.readouterr().out  # data path


# -- A19: a list where a mapping goes, and the reverse, get the hint assess gives ----------------
# (the file's text, the hint expected)
SHAPES = [
    (  # compliance: written as a list of one-key items
        _scenario("true") + "compliance:\n  - duty.17.3.remediate: true\n",
        "bỏ dấu «-»",
    ),
    (  # events: written as a mapping
        "as_of: 2027-01-01\nrecord:\n  name: x\n  applicant_kind: organisation\n"
        "  events:\n    type: issued\n",
        "viết thành danh sách",
    ),
]


@pytest.mark.parametrize(("text", "hint"), SHAPES)
def test_shape_hints(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str, hint: str
) -> None:
    f = tmp_path / "s.yaml"
    f.write_text(text, encoding="utf-8")
    assert main(["lifecycle", str(f)]) == 1
    err = capsys.readouterr().err
    assert hint in err and "dòng " in err, err


# -- A10: an applicant_changed event takes its kind from the record -----------------------------
CHANGED = (
    "as_of: 2027-03-01\nrecord:\n  name: x\n{kind}  issued_on: 2026-05-15\n"
    "  approved_months: 18\n  events:\n    - {{type: testing_started, date: 2026-07-01}}\n"
    "    - type: applicant_changed\n      date: 2027-01-20\n      applicant:\n"
    "        legal_representative:\n          background:\n"
    "            prosecuted_as_accused: true\n"
)
# (the record's applicant_kind line, the exit code, a text expected in the output or error)
APPLICANT_CHANGED = [
    ("  applicant_kind: organisation\n", 0, "điểm c khoản 1 Điều 15"),  # kind from the record
    ("", 1, "thiếu trường bắt buộc «kind»"),  # no kind anywhere: said so, no dict printed
]


@pytest.mark.parametrize(("kind", "code", "said"), APPLICANT_CHANGED)
def test_applicant_changed_takes_the_records_kind(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], kind: str, code: int, said: str
) -> None:
    f = tmp_path / "s.yaml"
    f.write_text(CHANGED.format(kind=kind), encoding="utf-8")
    assert main(["lifecycle", str(f)]) == code
    out = capsys.readouterr()
    assert said in out.out + out.err, out
    assert "{'" not in out.err  # never a Python dict as the value given


# -- A12: a coded value written as its Vietnamese name, as the tables print it ------------------
# (a case's expect lines, the file its facts come from, the case's status)
CONCLUSION = EXAMPLES / "scenarios" / "conclusion.yaml"
NAMED_CASES = [
    ("  obligations: {{results-report: đã thực hiện}}\n", CONCLUSION, "passed"),  # done
    ("  obligations: {{results-report: Da thuc hien}}\n", CONCLUSION, "passed"),  # no diacritics
    ("  state: đang thử nghiệm\n", CONCLUSION, "passed"),  # active, as lifecycle prints it
    ("  state: active\n", CONCLUSION, "passed"),  # the code itself still
    ("  conditions: đủ điều kiện\n", EXAMPLES / "org-hanoi-one-source.yaml", "passed"),
    ("  conditions: ĐỦ ĐIỀU KIỆN\n", EXAMPLES / "org-hanoi-one-source.yaml", "passed"),
    ("  state: thử nghiệm\n", CONCLUSION, "error"),  # a part of a name is not a name: refused
]


@pytest.mark.parametrize(("expect", "source", "status"), NAMED_CASES)
def test_a_case_file_takes_the_names_the_tool_prints(
    tmp_path: Path, expect: str, source: Path, status: str
) -> None:
    from sandbox_rules.surfaces.casefiles.runner import run_file

    f = tmp_path / "a.case.yaml"
    f.write_text(f"name: x\nfrom: {source}\nexpect:\n{expect.format()}", encoding="utf-8")
    (r,) = run_file(f)
    assert r.status == status, (r.error, [repr(c) for c in r.checks])


def test_a_step_status_by_its_printed_name(tmp_path: Path) -> None:
    from sandbox_rules.surfaces.casefiles.runner import run_file

    f = tmp_path / "a.case.yaml"
    f.write_text(
        "name: x\ntimeline:\n  procedure: issuance-12.4\n  events: {dossier_complete: 2026-04-24}\n"
        "as_of: 2026-04-25\nexpect:\n  step_status:\n    decide: chờ bước trước\n",
        encoding="utf-8",
    )
    (r,) = run_file(f)
    assert r.status == "passed", (r.error, [repr(c) for c in r.checks])  # waiting


# (what is written, the choices, the value read, the candidates when ambiguous)
BY_NAME = [
    (
        "Bộ Công an",
        ["data_owning_unit", "ministry_of_public_security"],
        "ministry_of_public_security",
        [],
    ),
    (
        "bo cong an",
        ["data_owning_unit", "ministry_of_public_security"],
        "ministry_of_public_security",
        [],
    ),
    (
        "BỘ CÔNG AN",
        ["data_owning_unit", "ministry_of_public_security"],
        "ministry_of_public_security",
        [],
    ),
    ("Công an", ["data_owning_unit", "ministry_of_public_security"], None, []),  # part: no guess
    ("thực hiện trễ hạn", ["late", "done_late"], None, ["done_late", "late"]),  # two values' name
    # As the text and the report's page print it (one name per status, trial 2 A14).
    ("đã thực hiện đúng hạn", ["done_on_time", "late"], "done_on_time", []),
]


@pytest.mark.parametrize(("written", "choices", "code", "several"), BY_NAME)
def test_by_name(written: str, choices: list[str], code: str | None, several: list[str]) -> None:
    from sandbox_rules.i18n import by_name

    assert by_name(written, choices) == (code, several)


def test_the_interview_shows_and_takes_vietnamese_names() -> None:
    import typing

    from sandbox_rules.surfaces.interview.session import Question, hint, parse_answer

    ann = typing.Literal["data_owning_unit", "ministry_of_public_security", "not_approved"]
    q = Question(("scope", "testing_spaces", 1, "site_approved_by"), "f", "l", (), ann)
    assert "2. Bộ Công an (ministry_of_public_security)" in hint(q)  # was "2. ministry_of_…"
    assert parse_answer(q, "Bộ Công an") == "ministry_of_public_security"  # was refused
    assert parse_answer(q, "bo cong an") == "ministry_of_public_security"
    assert parse_answer(q, "2") == "ministry_of_public_security"


# An application's kind written as its Vietnamese name is read as every other coded value is
# (a record's applicant_kind already was); a wrong kind is quoted once, not as a repr.
APPLICANT_KIND_NAMES = [
    ("tổ chức", None),  # the name the tables print for organisation
    ("to chuc", None),  # without diacritics, unambiguous
    ("cong ty", "«cong ty» (trường kind)"),  # no kind's name: refused, quoted once
]


@pytest.mark.parametrize(("kind", "said"), APPLICANT_KIND_NAMES)
def test_an_applications_kind_by_its_name(tmp_path: Path, kind: str, said: str | None) -> None:
    from _cli import run_cli

    f = tmp_path / "a.yaml"
    f.write_text(f"applicant:\n  kind: {kind}\n  staff_qualified: có\n", encoding="utf-8")
    code, _, err = run_cli(["assess", str(f)])
    if said is None:
        assert code == 0, err
    else:
        assert code == 1 and said in err and "«'" not in err
