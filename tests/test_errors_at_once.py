"""Every error of a record, a timeline or a refused transition in one run, each with its
line and, where one is plain, a suggestion (second officer trial, findings A3, A4, A13, A5)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sandbox_rules.cli import main
from sandbox_rules.errors import InputValidationError
from sandbox_rules.lifecycle import load_record


def _run(capsys: pytest.CaptureFixture[str], tmp_path: Path, text: str, *argv: str) -> str:
    path = tmp_path / "kich-ban.yaml"
    path.write_text(text, encoding="utf-8")
    code = main([*argv[:1], str(path), *argv[1:]])
    out = capsys.readouterr()
    assert code != 0, out.out
    return out.err


# A3: a record file whose as_of, applicant kind and events are all wrong at once.
RECORD_V1 = """\
as_of: 01/12/2027
record:
  applicant_kind: company
  issued_on: 2026-05-15
  approved_months: 18
  events:
    testing_started: 2026-07-01
"""

# The event of line 6 has a wrong date and is written by its Vietnamese name; line 8 and
# line 10 are misspelt.
RECORD_V2 = """\
as_of: 2027-12-01
record:
  issued_on: 2026-05-15
  approved_months: 18
  events:
    - type: bắt đầu thử nghiệm
      date: 01/07/2026
    - type: quaterly_report_submited
      date: 01/10/2026
    - type: incident_report_submited
      date: 2027-08-18
"""

RECORD_CASES = [
    # as_of on its line, beside the record's problems (they came only in a second run)
    (RECORD_V1, "lifecycle", ["dòng 1    as_of", "«2027-12-01»", "dòng 3 ", "company", "dòng 6 "]),
    # the same for obligations, which reads the same scenario
    (RECORD_V1, "obligations", ["dòng 1    as_of", "dòng 3 ", "dòng 6 "]),
    # a wrong date does not hide the misspelt type of the same event
    (RECORD_V2, "lifecycle", ["dòng 9 ", "dòng 8 ", "«quarterly_report_submitted»"]),
    # a record event (a report) misspelt: the nearest one, not the list of 30
    (RECORD_V2, "lifecycle", ["«incident_report_submitted»"]),
]


@pytest.mark.parametrize(("text", "command", "said"), RECORD_CASES)
def test_a_record_file_reports_every_problem_at_once(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, text: str, command: str, said: list[str]
) -> None:
    err = _run(capsys, tmp_path, text, command)
    for part in said:
        assert part in err, (part, err)
    assert "bảng chuyển trạng thái" not in err  # record events are not transitions
    assert "('testing_started')" not in err  # no list of every event: a suggestion instead


EVENT_TYPES = [
    # the Vietnamese name exactly as the messages print it: accepted
    ("bắt đầu thử nghiệm", "testing_started"),
    # the same, another case and extra spaces
    ("Bắt đầu  thử nghiệm", "testing_started"),
    # without diacritics, as every other coded value may be written (one lookup for all)
    ("bat dau thu nghiem", "testing_started"),
    # a code stays a code
    ("quarterly_report_submitted", "quarterly_report_submitted"),
]


@pytest.mark.parametrize(("written", "code"), EVENT_TYPES)
def test_an_event_may_be_written_by_its_vietnamese_name(written: str, code: str) -> None:
    rec = load_record({"events": [{"type": written, "date": "2026-07-01"}]})
    assert rec.events[0].type == code


MISSPELT = [
    # one letter out, in a report: the report meant
    ("quaterly_report_submitted", "quarterly_report_submitted"),
    # one letter short, in a transition
    ("extension_aproved", "extension_approved"),
]


@pytest.mark.parametrize(("written", "meant"), MISSPELT)
def test_a_misspelt_event_type_gets_the_nearest(written: str, meant: str) -> None:
    with pytest.raises(InputValidationError) as exc:
        load_record({"events": [{"type": written, "date": "2026-07-01"}]})
    assert f"«{meant}»" in exc.value.message_in("vi")
    assert "testing_started" not in exc.value.message_in("vi")


# A4: a timeline with a dd/mm date, a misspelt event and replies before the consultation.
TIMELINE = """\
as_of: 2026-05-20
timeline:
  procedure: issuance-12.4
  events:
    dossier_received: 2026-04-20
    dossier_complete: 24/04/2026
    consultation_send: 2026-04-29
    replies_received: 2026-04-28
"""

TIMELINE_CASES = [
    # the date and the unknown name together, each on its line, the nearest name suggested
    (TIMELINE, ["dòng 6 ", "«2026-04-24»", "dòng 7 ", "«consultation_sent»", "(2 lỗi)"]),
    # the names fixed and the date too: the order check, its clause in prose
    (
        TIMELINE.replace("24/04/2026", "2026-04-24").replace("_send", "_sent"),
        ["điểm c khoản 4 Điều 12"],
    ),
]


@pytest.mark.parametrize(("text", "said"), TIMELINE_CASES)
def test_a_timeline_reports_its_problems_together(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, text: str, said: list[str]
) -> None:
    err = _run(capsys, tmp_path, text, "timeline")
    for part in said:
        assert part in err, (part, err)
    assert "['" not in err  # no Python list
    assert "time.12" not in err  # no rule id in the prose


# A13: a second extension; an extension longer than the approved period.
SECOND_EXTENSION = """\
as_of: 2028-06-01
record:
  issued_on: 2026-05-15
  approved_months: 18
  events:
    - type: extension_approved
      date: 2027-10-30
      months: 6
    - type: extension_approved
      date: 2028-04-30
      months: 3
"""

TRANSITION_CASES = [
    # refused by 10.2 "01 lần": the line of the event, the clause in prose and quoted,
    # the events allowed in the state (not states)
    (
        SECOND_EXTENSION,
        ["dòng 9 ", "khoản 2 Điều 10", "gia hạn 01 lần không quá thời gian thử nghiệm", "sự kiện:"],
    ),
    # longer than approved (10.2): the same
    (
        SECOND_EXTENSION.replace("months: 6", "months: 24").split(
            "    - type: extension_approved\n      date: 2028"
        )[0],
        ["dòng 6 ", "khoản 2 Điều 10", "gia hạn 01 lần không quá thời gian thử nghiệm"],
    ),
]


@pytest.mark.parametrize(("text", "said"), TRANSITION_CASES)
def test_a_refused_transition_names_its_line_and_quotes_the_clause(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, text: str, said: list[str]
) -> None:
    err = _run(capsys, tmp_path, text, "lifecycle")
    for part in said:
        assert part in err, (part, err)
    assert "life." not in err and "scope." not in err  # no rule ids in the prose


# A5: an organisation's fields under kind: individual, one of them misspelt.
KIND_CASES = [
    # a misspelt field beside one of the other kind: the hint stays, and the nearest field
    # is the other kind's (legal_representative), not the individual's (degree)
    (
        "applicant:\n  kind: individual\n  name: Cong ty X\n  legal_rep:\n    full_name: A\n",
        ["dòng 3 ", "dòng 4 ", "«legal_representative»", "kind: individual ở dòng 2"],
        ["«degree»"],
    ),
    # the values under the other kind are checked as that kind now (not after kind is fixed)
    (
        "applicant:\n  kind: individual\n  name: Cong ty X\n"
        "  lawful_legal_entity_in_vietnam: rồi\n  staff_qualified: có\n  legal_rep: {}\n",
        ["dòng 4 ", "«rồi»", "«organisation»", "«legal_representative»"],
        ["«có»", "«degree»"],  # "có" is a yes, as everywhere
    ),
]


@pytest.mark.parametrize(("text", "said", "not_said"), KIND_CASES)
def test_fields_of_the_other_kind_keep_their_hint_and_are_checked(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    text: str,
    said: list[str],
    not_said: list[str],
) -> None:
    err = _run(capsys, tmp_path, text, "assess")
    for part in said:
        assert part in err, (part, err)
    for part in not_said:
        assert part not in err, (part, err)


# A3, case files: a wrong value under a mapping of names does not hide a wrong name. (The
# wrong value is a misspelt code: «đúng hạn», a name the page prints, now reads as
# done_on_time, as every printed name does — trial finding A12.)
CASE_CASES = [
    # a wrong step status beside wrong step names in due: (only the status was said)
    (
        "name: sóng lỗi\ntimeline:\n  procedure: issuance-12.4\n"
        "  events: {dossier_complete: 2026-04-24}\nas_of: 2026-04-25\nexpect:\n  due:\n"
        "    lấy ý kiến: 2026-05-04\n    trả lời: 2026-05-11\n  step_status:\n"
        "    decide: done_ontime\n",
        ["dòng 8 ", "«consult»", "dòng 9 ", "«replies»", "dòng 11 ", "«done_on_time»"],
    ),
    # a wrong status under a wrong step name: both said
    (
        "name: một bước\ntimeline:\n  procedure: issuance-12.4\n"
        "  events: {dossier_complete: 2026-04-24}\nas_of: 2026-04-25\nexpect:\n"
        "  step_status:\n    trả lời: done_ontime\n",
        ["«replies»", "«done_on_time»"],
    ),
]


@pytest.mark.parametrize(("text", "said"), CASE_CASES)
def test_a_case_reports_wrong_names_beside_wrong_values(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, text: str, said: list[str]
) -> None:
    path = tmp_path / "song.case.yaml"
    path.write_text(text, encoding="utf-8")
    main(["test", str(path)])
    out = capsys.readouterr().out
    for part in said:
        assert part in out, (part, out)


# A timeline's events in an impossible order: the refusal names the line of the event written
# too early and its item among the events (counted from 1), as a refused transition does.
ORDER = """\
as_of: 2026-03-02
timeline:
  procedure: issuance-12.3
  events:
    dossier_complete: 2026-02-11
    consultation_sent: 2026-02-23
    replies_received: 2026-02-20
"""


def test_a_timeline_out_of_order_names_the_events_line_and_item(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "kich-ban.yaml"
    err = _run(capsys, tmp_path, ORDER, "timeline")
    assert f"event_order: {path}, dòng 7 (events, mục thứ 3): " in err, err
    assert "replies_received (ngày 20/02/2026) trước consultation_sent" in err, err
    assert main(["timeline", str(path), "--json", "--lang", "en"]) == 1
    record = json.loads(capsys.readouterr().out)["error"]
    assert record["code"] == "event_order"
    assert record["message"].startswith(f"{path}, line 7 (events, item 3): events: "), record
    assert record["message_vi"].startswith(f"{path}, dòng 7 (events, mục thứ 3): "), record
    (entry,) = record["errors"]
    assert entry["line"] == 7 and entry["loc"] == ["timeline", "events", "replies_received"]
    # the same timeline in a case file: the case's error names the line in the case file
    case = tmp_path / "thu-tu.case.yaml"
    case.write_text(
        "name: thứ tự\n" + ORDER + "expect:\n  due:\n    consult: 2026-02-16\n", encoding="utf-8"
    )
    assert main(["test", str(case)]) == 1
    out = capsys.readouterr().out
    assert f"{case}, dòng 8 (events, mục thứ 3): events: replies_received" in out, out
    # several timelines: the line is the one of the timeline at fault
    many = (
        "as_of: 2026-03-02\ntimelines:\n  - procedure: issuance-12.4\n"
        "    events: {dossier_complete: 2026-02-11}\n  - procedure: issuance-12.3\n"
        "    events:\n      dossier_complete: 2026-02-11\n"
        "      consultation_sent: 2026-02-23\n      replies_received: 2026-02-20\n"
    )
    path.write_text(many, encoding="utf-8")
    assert main(["timeline", str(path)]) == 1
    assert f"{path}, dòng 9 (events, mục thứ 3): " in capsys.readouterr().err


# A case or scenario file whose compliance: table and record are both wrong: every problem of
# both parts in one report, in the file's order (compliance: first when written first).
COMPLIANCE_WRONG = "compliance:\n  duty.17.3.remediate: rồi\n"
RECORD_WRONG = (
    "record:\n  issued_on: 2026-01-05\n  approved_months: 12\n  events:\n"
    "    - {date: 2026-02-01, type: testing_startd}\n"
)
COMPLIANCE_SAID = "compliance, duty.17.3.remediate: cần true hoặc có"
RECORD_SAID = "record, events, mục thứ 1, type: loại sự kiện 'testing_startd' không có"


@pytest.mark.parametrize("compliance_first", [True, False])
@pytest.mark.parametrize("command", ["test", "lifecycle", "report"])
def test_compliance_and_record_errors_come_in_the_files_order(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, command: str, compliance_first: bool
) -> None:
    parts = (
        [COMPLIANCE_WRONG, RECORD_WRONG] if compliance_first else [RECORD_WRONG, COMPLIANCE_WRONG]
    )
    if command == "report":
        pytest.importorskip("jinja2")
    head = "name: hai phần\n" if command == "test" else ""
    tail = "expect:\n  exempt: true\n" if command == "test" else ""
    text = head + "as_of: 2026-06-01\n" + "".join(parts) + tail
    path = tmp_path / ("ca.case.yaml" if command == "test" else "kich-ban.yaml")
    path.write_text(text, encoding="utf-8")
    argv = [command, str(path)] + (
        ["--html", str(tmp_path / "r.html")] if command == "report" else []
    )
    assert main(argv) == 1
    captured = capsys.readouterr()
    said = captured.out if command == "test" else captured.err
    lines = {
        COMPLIANCE_SAID: text.splitlines().index("compliance:") + 2,
        RECORD_SAID: text.splitlines().index("    - {date: 2026-02-01, type: testing_startd}") + 1,
    }
    for part, line in lines.items():
        assert f"dòng {line} " in said and part in said, (part, said)
    first, second = (
        (COMPLIANCE_SAID, RECORD_SAID) if compliance_first else (RECORD_SAID, COMPLIANCE_SAID)
    )
    assert said.index(first) < said.index(second), said
    assert "(2 lỗi)" in said, said
