"""Issue 9: every bad input named in the issue gets a typed error with a stable code, bounded
resources, meaningful input checks. Hand-written cases, one row per place the issue lists."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pydantic
import pytest

import sandbox_rules as sr
from sandbox_rules.calendar import Days, Months, VietnamCalendar, WorkingDays, Years
from sandbox_rules.errors import (
    DocumentFormatError,
    EventOrderError,
    InputTooLargeError,
    InputValidationError,
    SandboxRulesError,
)
from sandbox_rules.io import DEFAULT_MAX_BYTES, load_document, parse_document

CAL = VietnamCalendar()
IND = {"applicant": {"kind": "individual"}}
ROOT = Path(__file__).parent.parent


def _deep(n: int) -> Any:
    out: Any = 1
    for _ in range(n):
        out = {"x": [out]}
    return out


# (what the issue names, call, expected code)
CASES: list[tuple[str, Callable[[], Any], str]] = [
    ("Months(10**5) overflows year 9999", lambda: CAL.deadline(date(2026, 1, 1), Months(10**5)), "date_out_of_range"),
    ("Years near 9999", lambda: CAL.latest_before(date(2026, 1, 1), Years(10**4)), "date_out_of_range"),
    ("Days of huge length", lambda: CAL.latest_before(date(2026, 1, 1), Days(10**12)), "date_out_of_range"),
    ("window of huge length", lambda: CAL.window_before(date(2026, 1, 1), Days(10**12)), "date_out_of_range"),
    ("duration_months 10**6", lambda: sr.assess({**IND, "scope": {"planned_start": "2026-01-01", "duration_months": 10**6}}), "input_validation"),
    ("planned_start 9999-12-01", lambda: sr.assess({**IND, "scope": {"planned_start": "9999-12-01", "duration_months": 24}}), "input_validation"),
    ("an extension of huge length", lambda: sr.lifecycle({"issued_on": "2026-01-05", "approved_months": 12, "events": [{"type": "extension_approved", "date": "2026-12-20", "months": 10**9}]}, date(2027, 1, 1)), "input_validation"),
    ("Citation with a 5000-digit article", lambda: sr.Citation.parse("9" * 5000), "citation_syntax"),
    ("Citation 'Điều' + long number", lambda: sr.Citation.parse("Điều " + "9" * 5000), "citation_syntax"),
    ("Citation() given a string article", lambda: sr.Citation("12"), "citation_syntax"),  # type: ignore[arg-type]
    ("Citation() given a float clause", lambda: sr.Citation(12, 3.0), "citation_syntax"),  # type: ignore[arg-type]
    ("Citation.parse of None", lambda: sr.Citation.parse(None), "citation_syntax"),  # type: ignore[arg-type]
    ("is_provisional of a string", lambda: CAL.is_provisional("2026-01-01"), "invalid_date"),  # type: ignore[arg-type]
    ("is_provisional of None", lambda: CAL.is_provisional(None), "invalid_date"),  # type: ignore[arg-type]
    ("is_provisional out of range", lambda: CAL.is_provisional(date(1990, 1, 1)), "date_out_of_range"),
    ("days_off of a float", lambda: CAL.days_off(2026.0), "invalid_date"),  # type: ignore[arg-type]
    ("days_off of a string", lambda: CAL.days_off("2026"), "invalid_date"),  # type: ignore[arg-type]
    ("days_off out of range", lambda: CAL.days_off(10**6), "date_out_of_range"),
    ("provisional_years_between of None", lambda: CAL.provisional_years_between(None, date(2026, 1, 1)), "invalid_date"),  # type: ignore[arg-type]
    ("provisional_years_between out of range", lambda: CAL.provisional_years_between(date(1, 1, 1), date(9999, 1, 1)), "date_out_of_range"),
    ("latest_before of a string", lambda: CAL.latest_before("2026-01-01", Days(1)), "invalid_date"),  # type: ignore[arg-type]
    ("latest_before with WorkingDays", lambda: CAL.latest_before(date(2026, 1, 1), WorkingDays(1)), "invalid_period"),  # type: ignore[arg-type]
    ("window_before of a float", lambda: CAL.window_before(1.5, Days(30)), "invalid_date"),  # type: ignore[arg-type]
    ("deadline from a datetime", lambda: CAL.deadline(datetime(2026, 1, 5, 9), WorkingDays(3)), "invalid_date"),
    ("Days deadline from a datetime", lambda: CAL.deadline(datetime(2026, 1, 5), Days(3)), "invalid_date"),
    ("is_working_day of a datetime", lambda: CAL.is_working_day(datetime(2026, 1, 5, tzinfo=UTC)), "invalid_date"),
    ("a datetime in an application", lambda: sr.Application.model_validate({**IND, "scope": {"planned_start": datetime(2026, 1, 5, 0, 0)}}), "input_validation"),
    ("a date-time string in a record", lambda: sr.SandboxRecord.model_validate({"issued_on": "2026-01-05T10:00:00"}), "input_validation"),
    ("a datetime timeline event", lambda: sr.timeline("issuance-12.3", {"dossier_complete": datetime(2026, 1, 5, 8)}, date(2026, 2, 1)), "input_validation"),
    ("a datetime as_of", lambda: sr.lifecycle({}, datetime(2026, 2, 1)), "input_validation"),
    ("overrides with a datetime day", lambda: VietnamCalendar(overrides={"documents": [{"id": "D"}], "days": [{"date": datetime(2027, 3, 5, 1), "status": "off", "documents": ["D"]}]}), "calendar_data"),
    ("overrides with an unhashable document ref", lambda: VietnamCalendar(overrides={"documents": [{"id": "D"}], "days": [{"date": "2027-03-05", "status": "off", "documents": [["D"]]}]}), "calendar_data"),
    ("overrides with an unhashable status", lambda: VietnamCalendar(overrides={"days": [{"date": "2027-03-05", "status": ["off"], "documents": ["D"]}]}), "calendar_data"),
    ("overrides nested 5000 deep", lambda: VietnamCalendar(overrides={"meta": _deep(5000)}), "calendar_data"),
    ("duties() with a non-string key", lambda: sr.duties({1: True}), "input_validation"),  # type: ignore[dict-item]
    ("duties() with a tuple key", lambda: sr.duties({("duty.x",): True}), "input_validation"),  # type: ignore[dict-item]
    ("dossier() of a non-iterable", lambda: sr.dossier("issuance", "individual", 5), "input_validation"),  # type: ignore[arg-type]
    ("dossier() of a mapping", lambda: sr.dossier("issuance", "individual", {"HĐTN01": 1}), "input_validation"),  # type: ignore[arg-type]
    ("dossier() with a non-bool flag", lambda: sr.dossier("adjustment", "organisation", [], requires_extension="yes"), "input_validation"),  # type: ignore[arg-type]
    ("dossier() of too many names", lambda: sr.dossier("issuance", "individual", ["x"] * 10_000), "input_too_large"),
    ("Application nested deep", lambda: sr.Application.model_validate(_deep(5000)), "input_validation"),
    ("Application with a 1e6-element list", lambda: sr.Application.model_validate({**IND, "data_sources": [{}] * 10**6}), "input_too_large"),
    ("Application JSON of the wrong type", lambda: sr.Application.model_validate_json(5), "input_validation"),  # type: ignore[arg-type]
    ("Application JSON too large", lambda: sr.Application.model_validate_json(" " * (6 * 1024 * 1024)), "input_too_large"),
    ("Application.model_validate_json broken", lambda: sr.Application.model_validate_json("{"), "input_validation"),
    ("SandboxRecord.model_validate_json broken", lambda: sr.SandboxRecord.model_validate_json("[1]"), "input_validation"),
    ("Application constructed directly", lambda: sr.Application(applicant={"kind": "robot"}), "input_validation"),  # type: ignore[arg-type]
    ("a record with 10**4 events", lambda: sr.SandboxRecord.model_validate({"events": [{"type": "testing_started", "date": "2026-01-05"}] * 10_000}), "input_too_large"),
    ("a record's form misspelt", lambda: sr.assess(IND).to_json(form="compat"), "input_validation"),  # type: ignore[arg-type]
    ("json_schema of a list", lambda: __import__("sandbox_rules.schema").schema.json_schema([1]), "input_validation"),
    ("a timeline of 1000 events", lambda: sr.timeline("issuance-12.3", {f"e{i}": "2026-01-05" for i in range(1000)}, date(2026, 2, 1)), "input_validation"),
]  # fmt: skip


@pytest.mark.parametrize(("what", "call", "code"), CASES, ids=[c[0] for c in CASES])
def test_each_place_in_the_issue_gets_a_typed_error(
    what: str, call: Callable[[], Any], code: str
) -> None:
    with pytest.raises(SandboxRulesError) as info:
        call()
    assert info.value.code == code, (what, info.value)
    assert len(str(info.value)) < 1_000  # no unbounded repr in a message


def test_model_errors_are_ours_and_pydantics() -> None:
    with pytest.raises(InputValidationError) as info:
        sr.Application.model_validate({"applicant": {"kind": "individual", "degree": {"level": 5}}})
    err = info.value
    assert isinstance(err, pydantic.ValidationError)  # code written for pydantic still works
    assert err.code == "input_validation"
    (item,) = err.errors  # a list …
    assert err.errors() == [item]  # … also callable like pydantic's
    # the path of the input (docs/records.md: FieldError.loc), not pydantic's with its tag
    assert item["loc"] == ["applicant", "degree", "level"]
    assert item["type"] == "enum" and item["field"] == "applicant.degree.level"
    # pydantic's own errors, with its location, stay at hand (docs/errors.md)
    from sandbox_rules._validation import pydantic_errors

    (raw,) = pydantic_errors(err)
    assert raw["loc"] == ("applicant", "individual", "degree", "level")
    (out,) = err.to_dict()["errors"]  # the error record (docs/errors.md)
    assert (out["field"], out["msg"], list(out["loc"]), out["type"]) == (
        item["field"],
        item["msg"],
        item["loc"],
        "enum",
    )
    assert err.to_dict()["title_vi"].startswith("Dữ liệu")


class _Unreadable(Mapping[str, Any]):
    """An input that fails as pydantic reads it (not as pydantic judges it)."""

    def __getitem__(self, key: str) -> Any:
        raise RuntimeError("boom")

    def __iter__(self) -> Iterator[str]:
        return iter(["applicant"])

    def __len__(self) -> int:
        return 1


def test_an_input_that_fails_as_it_is_read_is_ours_with_its_cause() -> None:
    with pytest.raises(InputValidationError) as info:
        sr.Application.model_validate(_Unreadable())
    assert info.value.key == "error.input.unreadable"
    assert isinstance(info.value.__cause__, RuntimeError)  # the traceback shows what failed


def test_a_validation_error_does_not_chain_pydantics() -> None:
    # Its errors are the record's; a traceback need not print pydantic's exception as well.
    with pytest.raises(InputValidationError) as info:
        sr.Application.model_validate({"applicant": 3})
    assert info.value.__cause__ is None and info.value.__suppress_context__


@pytest.mark.parametrize("flag", [1, 0, "true", "yes", "1", 1.0])
def test_flags_take_only_booleans(flag: Any) -> None:
    # Strict: a yes/no fact is true or false, not a number or a word.
    with pytest.raises(InputValidationError, match="vietnamese_citizen"):
        sr.Application.model_validate(
            {"applicant": {"kind": "individual", "person": {"vietnamese_citizen": flag}}}
        )
    with pytest.raises(InputValidationError, match="defence_or_cipher"):
        sr.SandboxRecord.model_validate({"defence_or_cipher": flag})


def test_lifecycle_functions_are_not_shadowed_by_their_modules() -> None:
    import sandbox_rules.duties
    import sandbox_rules.lifecycle
    import sandbox_rules.obligations  # noqa: F401

    assert callable(sr.lifecycle) and callable(sr.duties) and callable(sr.obligations)


# -- meaningful input checks ------------------------------------------------------------------
# (procedure, events, the later event named, the earlier event named)
ORDER = [
    # 12.3.b: "trong thời hạn 05 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ ... gửi văn bản lấy ý kiến"
    ("issuance-12.3", {"dossier_complete": "2026-05-11", "consultation_sent": "2026-05-04"}, "consultation_sent", "dossier_complete"),
    # 12.3.c: the units consulted "có ý kiến trả lời" after the consultation is sent
    ("issuance-12.3", {"consultation_sent": "2026-05-11", "replies_received": "2026-05-04"}, "replies_received", "consultation_sent"),
    # replies before the complete dossier, with no consultation date given: still impossible
    ("issuance-12.4", {"dossier_complete": "2026-05-11", "replies_received": "2026-05-04"}, "replies_received", "dossier_complete"),
    # 12.3.d: the decision follows the replies
    ("issuance-12.3", {"replies_received": "2026-05-11", "decision": "2026-05-04"}, "decision", "replies_received"),
    # 13.3.b par. 2: "đề nghị ... giải trình, hoàn thiện" — the answer follows the request
    ("adjustment-13.3", {"clarification_requested": "2026-05-11", "clarification_received": "2026-05-04"}, "clarification_received", "clarification_requested"),
    ("adjustment-13.3", {"clarification_received": "2026-05-04"}, "clarification_received", "clarification_requested"),
    # 16.3.b par. 2: completion follows its request
    ("conclusion-16.3", {"completion_requested": "2026-05-11", "completion_received": "2026-05-04"}, "completion_received", "completion_requested"),
]  # fmt: skip


@pytest.mark.parametrize(("procedure", "events", "later", "earlier"), ORDER)
def test_events_out_of_order_are_refused_naming_both(
    procedure: str, events: dict[str, str], later: str, earlier: str
) -> None:
    with pytest.raises(EventOrderError) as info:
        sr.timeline(procedure, events, date(2026, 6, 1))
    assert later in info.value.message and earlier in info.value.message
    assert (info.value.first, info.value.second) == (later, earlier)


def test_events_on_the_same_day_are_in_order() -> None:
    t = sr.timeline(
        "issuance-12.3",
        {"dossier_complete": "2026-05-04", "consultation_sent": "2026-05-04"},
        date(2026, 6, 1),
    )
    assert t.steps[0].status == "done_on_time"


def test_approved_end_before_start_is_refused() -> None:
    with pytest.raises(InputValidationError, match="approved_end 2026-01-01 is before issued_on"):
        sr.SandboxRecord.model_validate({"issued_on": "2026-05-04", "approved_end": "2026-01-01"})
    with pytest.raises(InputValidationError, match="before testing_start"):
        sr.SandboxRecord.model_validate(
            {"issued_on": "2025-12-01", "testing_start": "2026-05-04", "approved_end": "2026-01-01"}
        )


def test_dossier_reads_a_generator_once() -> None:
    names = (n for n in ["HĐTN01", "plan"])
    from_gen = sr.dossier("issuance", "individual", names)
    from_list = sr.dossier("issuance", "individual", ["HĐTN01", "plan"])
    assert from_gen.to_dict()["items"] == from_list.to_dict()["items"]
    assert any(i["status"] == "present" for i in from_gen.to_dict()["items"])


def test_provisional_flag_is_the_same_for_every_period_type() -> None:
    # Overrides make 2028 official while 2027 is not: a deadline inside 2028 is then not
    # provisional, whatever its unit, and says so consistently with its year list.
    last = max(CAL.official_years)
    later = last + 2
    cal = VietnamCalendar(overrides={"official_years": [later]})
    start = date(later, 3, 2)
    for period in (WorkingDays(5), Days(5), Months(1), Years(0)):
        dl = cal.deadline(start, period)
        years = cal.provisional_years_between(start, dl.date)
        assert dl.provisional is bool(years) is False, period
    across = cal.deadline(date(later - 1, 12, 1), WorkingDays(30))
    assert across.provisional is True and cal.provisional_years_between(
        date(later - 1, 12, 1), across.date
    ) == [later - 1]


# -- bounded resources --------------------------------------------------------------------------
BOMB = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{c}: &{c} [" + ", ".join([f"*{p}"] * 9) + "]\n"
    for p, c in zip("abcdefgh", "bcdefghi", strict=True)
)


def test_alias_bomb_is_refused_with_a_clear_error(tmp_path: Path) -> None:
    # About 350 bytes that would expand to 9^9 strings: refused before anything expands.
    assert len(BOMB.encode()) < 1024
    path = tmp_path / "bomb.yaml"
    path.write_text("as_of: 2026-01-01\nrecord:\n  name: x\n" + BOMB, encoding="utf-8")
    with pytest.raises(DocumentFormatError, match=r"alias \(\*a, line 5\)"):
        load_document(path)
    from sandbox_rules.cli import main

    assert main(["timeline", str(path)]) == 1


@pytest.mark.parametrize(
    ("content", "error", "fragment"),
    [
        (b"", DocumentFormatError, "is empty"),
        (b"# only a comment\n", DocumentFormatError, "is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", DocumentFormatError, "binary"),
        (b"applicant: \xff\xfe", DocumentFormatError, "not UTF-8"),
        (b"a: [1, 2", DocumentFormatError, "not valid YAML"),
        (b"x: !!python/object/apply:os.system [ls]", DocumentFormatError, "not valid YAML"),
        (b"[" * 200 + b"]" * 200, InputTooLargeError, "nested more than"),
        # a key given twice: YAML 1.2 forbids it, PyYAML would keep the last (trial 3, F19)
        (b"a: 1\nb: 2\na: 3\n", DocumentFormatError, r"«a» twice \(line 3\)"),
        (b"x:\n  k: 1\n  k: 2\n", DocumentFormatError, r"«k» twice \(line 3\)"),
    ],
)
def test_bad_files_are_typed_errors(
    tmp_path: Path, content: bytes, error: type[Exception], fragment: str
) -> None:
    path = tmp_path / "in.yaml"
    path.write_bytes(content)
    with pytest.raises(error, match=fragment):
        load_document(path)


def test_size_limit_is_checked_before_reading_and_configurable(tmp_path: Path) -> None:
    path = tmp_path / "big.json"
    path.write_bytes(b'{"a": "' + b"x" * DEFAULT_MAX_BYTES + b'"}')
    with pytest.raises(InputTooLargeError, match="over the limit of"):
        load_document(path)
    assert load_document(path, max_bytes=2 * DEFAULT_MAX_BYTES)["a"].startswith("x")
    with pytest.raises(DocumentFormatError, match="directory"):
        load_document(tmp_path)
    with pytest.raises(DocumentFormatError, match=r"missing\.yaml': no such file"):
        load_document(tmp_path / "missing.yaml")


# (JSON text, what the error says) — strict JSON: RFC 8259 names are unique, NaN is not a number
STRICT_JSON = [
    ('{"a": 1, "a": 2}', "«a» twice"),
    ('{"x": [{"k": 1, "k": 2}]}', "«k» twice"),
    ('{"a": NaN}', "NaN is not a JSON number"),
    ('{"a": -Infinity}', "-Infinity is not a JSON number"),
]


@pytest.mark.parametrize(("text", "fragment"), STRICT_JSON)
def test_json_is_read_strictly(text: str, fragment: str) -> None:
    with pytest.raises(DocumentFormatError, match=fragment):
        parse_document(text, "json")


def test_json_and_toml_are_bounded_too() -> None:
    with pytest.raises(InputTooLargeError):
        parse_document("[" * 100_000 + "]" * 100_000, "json")
    with pytest.raises(DocumentFormatError, match="not valid JSON"):
        parse_document('{"a": 1' + "9" * 5000 + "}", "json")
    assert parse_document('a = 1\n[b]\nc = "d"\n', "toml") == {"a": 1, "b": {"c": "d"}}


def test_every_example_still_loads() -> None:
    for path in sorted(ROOT.glob("examples/**/*.yaml")):
        assert isinstance(load_document(path), dict), path


# (application, field) — NaN and infinity where a number is meant (trial 4, N5): one error in
# the library's words, in English and Vietnamese, no pydantic text
NOT_FINITE = [
    ({"applicant": {"kind": "organisation"}, "scope": {"duration_months": float("inf")}},
     "scope.duration_months"),
    ({"applicant": {"kind": "individual", "person": {"background": {"convictions": [
        {"prison_years": float("nan")}]}}}},
     "applicant.person.background.convictions.0.prison_years"),
]  # fmt: skip


@pytest.mark.parametrize(("data", "field"), NOT_FINITE)
def test_a_number_that_is_not_finite_is_said_in_our_words(data: Any, field: str) -> None:
    with pytest.raises(InputValidationError) as info:
        sr.assess(data)
    (error,) = info.value.to_dict()["errors"]
    assert (error["field"], error["type"]) == (field, "finite_number")
    assert "is not a finite number" in error["msg"]
    assert "không phải một số hữu hạn" in error["msg_vi"]
    assert "Input should" not in error["msg"] + error["msg_vi"]
