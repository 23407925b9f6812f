"""One error, said the same on every surface: the Python API's error record, the HTTP
service's body and the command line's ``--json`` give the input's own path (no union tag),
the message the command line shows (in English and Vietnamese, with the suggestion) and the
same code; limits are ``input_too_large``; usage errors have a record for a JSON caller."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from _cli import run_cli

import sandbox_rules as sr
from sandbox_rules.errors import InputValidationError, InterpretationError, SandboxRulesError
from sandbox_rules.schema import json_schema

BAD = {
    "applicant": {"kind": "organisation", "staff_qualified": "yes"},
    "submission": {"submitted_on": "23/11/2026"},
}
# What the command line says of BAD in English (and every surface now says in ``msg``).
STAFF_EN = (
    "needs true or có (yes), false or không (no), or leave it empty if unknown; got «yes» "
    "(Staff qualified in their field). Did you mean «có»?"
)
STAFF_VI = (
    "cần true hoặc có, false hoặc không (để trống nếu chưa biết); nhận được «yes» "
    "(Đội ngũ cán bộ có trình độ chuyên môn phù hợp). Có phải ý bạn là «có»?"
)
DATE_EN = (
    "«23/11/2026» is not a valid date (write YYYY-MM-DD, e.g. 2026-12-01) (Filing date). "
    "Did you mean «2026-11-23»?"
)


def _python_error(data: Any) -> dict[str, Any]:
    with pytest.raises(SandboxRulesError) as info:
        sr.assess(data)
    record: dict[str, Any] = json.loads(info.value.record().to_json())
    return record


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    pytest.importorskip("starlette")
    import warnings

    from sandbox_rules.surfaces.server.app import create_app

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from starlette.testclient import TestClient

    with TestClient(create_app(), raise_server_exceptions=False) as c:
        yield c


def _http_error(client: Any, path: str, data: Any) -> dict[str, Any]:
    resp = client.post(path, json=data)
    assert resp.status_code == 422, resp.text
    body: dict[str, Any] = resp.json()
    jsonschema.validate(body["error"], json_schema("error"))  # the published contract
    return body["error"]


def _cli_error(tmp_path: Path, data: Any, *argv: str) -> tuple[int, dict[str, Any], str]:
    f = tmp_path / "in.json"
    f.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    code, out, err = run_cli([*argv, str(f), "--json", "--lang", "en"])
    record = json.loads(out)["error"]
    jsonschema.validate(record, json_schema("error"))
    return code, record, err


def _fields(record: dict[str, Any]) -> list[tuple[str, list[Any], str, str | None]]:
    return sorted(
        (e["field"], list(e["loc"]), e["msg"], e.get("suggestion")) for e in record["errors"]
    )


EXPECTED = [
    ("applicant.staff_qualified", ["applicant", "staff_qualified"], STAFF_EN, "có"),
    ("submission.submitted_on", ["submission", "submitted_on"], DATE_EN, "2026-11-23"),
]


# -- F3, F4: the input's path, the command line's words ------------------------------------------
def test_the_python_api_gives_the_input_path_and_the_cli_s_words() -> None:
    record = _python_error(BAD)
    assert record["code"] == "input_validation"
    assert _fields(record) == EXPECTED
    staff = next(e for e in record["errors"] if e["field"] == "applicant.staff_qualified")
    assert staff["msg_vi"] == STAFF_VI
    assert "Input should be" not in record["message"]
    assert "organisation" not in json.dumps(record["errors"])


def test_model_validation_error_s_errors_are_the_input_path() -> None:
    with pytest.raises(InputValidationError) as info:
        sr.Application.model_validate(BAD)
    items = info.value.errors()  # callable, as documented
    assert sorted((e["field"], e["loc"], e["msg"]) for e in items) == [
        (f, loc, msg) for f, loc, msg, _ in EXPECTED
    ]
    assert list(info.value.to_dict()["errors"][0]["loc"]) in (
        ["applicant", "staff_qualified"],
        ["submission", "submitted_on"],
    )


def test_the_http_service_gives_the_same_record_as_python(client: Any) -> None:
    error = _http_error(client, "/assess", BAD)
    assert _fields(error) == EXPECTED
    assert error == _python_error(BAD)


def test_http_bodies_of_the_service_s_own_requests_name_the_input_path(client: Any) -> None:
    # an application inside a dossier request: its tag is not in the path either
    error = _http_error(client, "/dossier", {"application": BAD})
    assert _fields(error) == [
        (f"application.{f}", ["application", *loc], msg, s) for f, loc, msg, s in EXPECTED
    ]
    error = _http_error(client, "/deadline", {"event": "01/03/2026", "period": {"unit": "days"}})
    said = {e["field"]: e["msg"] for e in error["errors"]}
    assert said["period.n"] == "required field «n» is missing"
    assert "Value error" not in json.dumps(error)


def test_the_cli_json_gives_the_same_fields(tmp_path: Path) -> None:
    code, record, _ = _cli_error(tmp_path, BAD, "assess")
    assert code == 1
    assert _fields(record) == EXPECTED


def test_a_record_s_events_and_a_wrong_kind_name_the_input_path() -> None:
    # a list of events: items counted from 0, as JSON; a kind misspelt: the path of ``kind``
    with pytest.raises(SandboxRulesError) as info:
        sr.load_application({"applicant": {"kind": "organisaton"}})
    (item,) = info.value.to_dict()["errors"]
    assert (item["field"], list(item["loc"])) == ("applicant.kind", ["applicant", "kind"])
    assert item["suggestion"] == "organisation"
    # a tagged union in an item of a list (an event's applicant): no tag in the path either
    events = [
        {"type": "certificate_issued", "date": "2026-01-05"},
        {
            "type": "applicant_changed",
            "date": "2026-02-05",
            "applicant": {"kind": "organisation", "staff_qualified": "yes"},
        },
    ]
    with pytest.raises(SandboxRulesError) as info:
        sr.SandboxRecord.model_validate({"events": events})
    (item,) = info.value.to_dict()["errors"]
    assert list(item["loc"]) == ["events", 1, "applicant", "staff_qualified"]
    assert item["field"] == "events.1.applicant.staff_qualified"
    assert item["msg"].startswith("needs true or có (yes)")


# -- F5: an unknown interpretation is ``interpretation`` everywhere ------------------------------
NOPE = {"applicant": {"kind": "organisation"}, "interpretations": {"nope": "x"}}


def test_an_unknown_interpretation_in_the_input_is_code_interpretation(client: Any) -> None:
    with pytest.raises(InterpretationError) as info:
        sr.assess(NOPE)
    assert info.value.code == "interpretation"
    with pytest.raises(InterpretationError) as info2:
        sr.assess({"applicant": {"kind": "organisation"}}, interpretations={"nope": "x"})
    assert info2.value.code == "interpretation"
    python = info.value.to_dict()
    error = _http_error(client, "/assess", NOPE)
    assert error["code"] == "interpretation"
    assert error == json.loads(info.value.record().to_json())
    assert "Value error" not in error["message"]
    assert error["errors"][0]["msg"].startswith("unknown interpretation 'nope'")
    assert python["code"] == "interpretation"


def test_an_unknown_interpretation_in_a_file_is_code_interpretation(tmp_path: Path) -> None:
    code, record, _ = _cli_error(tmp_path, NOPE, "assess")
    assert (code, record["code"]) == (1, "interpretation")
    assert record["errors"][0]["field"] == "interpretations"


# -- F5: a wrong command line, for a JSON caller ------------------------------------------------
ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = str(ROOT / "examples" / "individual-health.yaml")
SCENARIO = str(ROOT / "examples" / "scenarios" / "conclusion.yaml")


def _usage_record(*argv: str) -> tuple[dict[str, Any], str]:
    code, out, err = run_cli([*argv, "--json", "--lang", "en"])
    assert code == 2, (out, err)  # a wrong command line: exit 2, as ever
    (line,) = out.splitlines()  # one record on stdout
    record: dict[str, Any] = json.loads(line)["error"]
    jsonschema.validate(record, json_schema("error"))
    assert "error:" in err  # and the usage message on stderr, as without --json
    return record, err


def test_an_unknown_interpretation_option_is_code_interpretation_with_json() -> None:
    record, _ = _usage_record("assess", EXAMPLE, "--interpretation", "nope=x")
    assert record["code"] == "interpretation"
    assert record["message"].startswith("--interpretation: unknown interpretation 'nope'")
    assert record["message_vi"].startswith("--interpretation không hợp lệ: không có cách hiểu")


@pytest.mark.parametrize(
    ("argv", "field", "given", "meant"),
    [
        (("deadline", "01/01/2026", "--days", "3"), "event", "01/01/2026", "2026-01-01"),
        (("timeline", SCENARIO, "--as-of", "02/03/2026"), "--as-of", "02/03/2026", "2026-03-02"),
    ],
)
def test_a_day_written_dd_mm_yyyy_on_the_line_is_a_typed_date_error(
    argv: tuple[str, ...], field: str, given: str, meant: str
) -> None:
    record, err = _usage_record(*argv)
    assert record["code"] == "input_validation"
    (item,) = record["errors"]
    assert (item["field"], item["loc"], item["type"]) == (field, [field], "date_parsing")
    assert item["suggestion"] == meant
    assert item["msg"] == (
        f"«{given}» is not a day: it is written dd/mm/yyyy; write YYYY-MM-DD, "
        f"e.g. 2026-12-01. Did you mean «{meant}»?"
    )
    assert item["msg_vi"].startswith(f"«{given}» không phải là ngày")
    assert f"Did you mean «{meant}»?" in err


@pytest.mark.parametrize(
    "argv",
    [
        ("deadline", "2026-01-01"),  # no period
        ("deadline", "2026-01-01", "--days", "three"),  # argparse's own error
        ("assess", EXAMPLE, "--nope"),
        ("assess", EXAMPLE, "--interpretation", "nope"),  # no '='
    ],
)
def test_other_usage_errors_are_code_usage_with_json(argv: tuple[str, ...]) -> None:
    record, _ = _usage_record(*argv)
    assert record["code"] == "usage"
    assert record["message"] and record["message_vi"] and record["key"]
    assert record["message"] != record["message_vi"]


def test_a_usage_error_without_json_prints_nothing_on_stdout() -> None:
    code, out, err = run_cli(["deadline", "01/01/2026", "--days", "3", "--lang", "en"])
    assert (code, out) == (2, "")
    assert "Did you mean «2026-01-01»?" in err


# -- F6: resource limits are input_too_large, said in both languages ------------------------------
def _nested(n: int) -> Any:
    out: Any = 1
    for _ in range(n):
        out = [out]
    return out


def test_a_list_or_a_text_over_its_limit_is_input_too_large(client: Any) -> None:
    from sandbox_rules.errors import InputTooLargeError

    data = {"applicant": {"kind": "organisation"}, "submission": {"documents": ["x"] * 201}}
    with pytest.raises(InputTooLargeError) as info:
        sr.assess(data)
    record = json.loads(info.value.record().to_json())
    assert record["code"] == "input_too_large"
    (item,) = record["errors"]
    assert (item["field"], item["type"]) == ("submission.documents", "too_long")
    assert item["msg"] == "201 items, more than the limit of 200 (Documents in the dossier)"
    assert item["msg_vi"] == "201 mục, vượt giới hạn 200 mục (Tài liệu có trong hồ sơ)"
    assert _http_error(client, "/assess", data) == record
    with pytest.raises(InputTooLargeError) as info:
        sr.load_application({"applicant": {"kind": "organisation", "name": "x" * 2001}})
    (item,) = info.value.to_dict()["errors"]
    assert item["msg"] == "longer than the limit of 2000 characters (Organisation name)"
    assert item["msg_vi"] == "dài quá giới hạn 2000 ký tự (Tên tổ chức)"


@pytest.mark.parametrize(
    ("name", "text", "said"),
    [
        ("deep.json", json.dumps({"applicant": _nested(70)}), "nested more than 64 levels deep"),
        ("deeper.json", "[" * 10_000 + "]" * 10_000, "nested more than 64 levels deep"),
        ("deep.yaml", "a: " + "[" * 70 + "]" * 70 + "\n", "nested more than 64 levels deep"),
        ("big.json", '{"a": "' + "x" * (9 * 1024 * 1024) + '"}', "larger than the 8 MB limit"),
    ],
)
def test_a_file_beyond_a_limit_is_input_too_large_on_the_command_line(
    tmp_path: Path, name: str, text: str, said: str
) -> None:
    f = tmp_path / name
    f.write_text(text, encoding="utf-8")
    code, out, err = run_cli(["assess", str(f), "--json", "--lang", "en"])
    record = json.loads(out)["error"]
    assert (code, record["code"]) == (1, "input_too_large"), record
    assert said in record["message"]
    assert "input_too_large" in err


def test_the_python_api_refuses_a_document_nested_deeper_than_the_limit(tmp_path: Path) -> None:
    from sandbox_rules.errors import InputTooLargeError
    from sandbox_rules.io import MAX_DEPTH, load_document

    ok = tmp_path / "ok.json"
    ok.write_text(json.dumps(_nested(MAX_DEPTH)))  # 64 lists, one in another: the limit
    assert load_document(ok) == _nested(MAX_DEPTH)
    deep = tmp_path / "deep.json"
    deep.write_text(json.dumps(_nested(MAX_DEPTH + 1)))
    with pytest.raises(InputTooLargeError, match="nested more than 64"):
        load_document(deep)


# -- F7 ----------------------------------------------------------------------------------------
def test_a_fraction_of_a_month_is_not_a_whole_number() -> None:
    record = _python_error(
        {"applicant": {"kind": "organisation"}, "scope": {"duration_months": 1.5}}
    )
    (item,) = record["errors"]
    assert item["msg"] == "«1.5» is not a whole number (Duration (months))"
    assert item["msg_vi"] == "«1.5» không phải là số nguyên (Thời hạn thử nghiệm (tháng))"


def test_a_missing_overrides_file_is_an_input_file_error(tmp_path: Path) -> None:
    missing = tmp_path / "nope.toml"
    code, out, err = run_cli(["calendar", "2026", "--overrides", str(missing), "--json"])
    record = json.loads(out)["error"]
    assert (code, record["code"]) == (1, "input_file")
    assert record["message"] == f"'{missing}': no such file"
    assert record["message_vi"] == f"'{missing}': không có tệp này"  # no OS English in it
    assert "No such file or directory" not in err


@pytest.mark.parametrize("given", ["-1", "21", "three"])
def test_a_bad_ics_remind_names_the_option(given: str) -> None:
    record, err = _usage_record(
        "obligations", SCENARIO, "--as-of", "2026-05-01", "--ics", "-", "--ics-remind", given
    )
    assert record["code"] == "usage"
    assert record["message"] == f"--ics-remind takes a whole number from 0 to 20, got '{given}'"
    assert "remind_working_days" not in record["message"] + record["message_vi"] + err


def test_the_message_of_an_input_file_error_is_one_line_and_the_terminal_s_is_not(
    tmp_path: Path,
) -> None:
    _, record, err = _cli_error(tmp_path, BAD, "assess")
    assert "\n" not in record["message"] and "\n" not in record["message_vi"]
    assert record["message"] == (
        f"{tmp_path / 'in.json'}: invalid application (2 errors): "
        f"applicant, staff_qualified: {STAFF_EN}; submission, submitted_on: {DATE_EN}"
    )
    # the terminal keeps one problem a line, with the field's place
    assert f"\n            applicant, staff_qualified: {STAFF_EN}\n" in err


def test_a_missing_document_is_said_without_the_system_s_english(tmp_path: Path) -> None:
    from sandbox_rules.calendar import VietnamCalendar
    from sandbox_rules.errors import DocumentFormatError
    from sandbox_rules.io import load_document

    missing = tmp_path / "nope.toml"
    with pytest.raises(DocumentFormatError) as info:
        load_document(missing)
    assert info.value.message.endswith("nope.toml': no such file")
    assert info.value.message_in("vi").endswith("nope.toml': không có tệp này")
    with pytest.raises(SandboxRulesError) as calendar:
        VietnamCalendar(overrides=missing)
    assert "No such file" not in calendar.value.message_in("vi")
    assert calendar.value.message_in("vi").endswith("không có tệp này")
