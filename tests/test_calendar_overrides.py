"""Overrides: newer decisions loaded from a file or a mapping, validated."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from sandbox_rules.calendar import VietnamCalendar, WorkingDays
from sandbox_rules.errors import CalendarDataError, DateOutOfRangeError

EXAMPLE = """
official_years = [2027]

[[documents]]
id = "TB-EXAMPLE-2027"
number = "1234/TB-BNV"
type = "Thông báo"
issuer = "Bộ Nội vụ"
date = "2026-11-15"
title = "Nghỉ hoán đổi thứ Sáu 05/03/2027 (ví dụ)"
confirmed = true

[[days]]
date = "2027-03-05"
status = "off"
documents = ["TB-EXAMPLE-2027"]
name_vi = "Nghỉ hoán đổi (ví dụ)"
name_en = "Swapped day off (example)"

[[days]]
date = "2027-03-13"
status = "worked"
documents = ["TB-EXAMPLE-2027"]
"""


def test_override_file_changes_days_and_version(tmp_path: Path) -> None:
    f = tmp_path / "decisions.toml"
    f.write_text(EXAMPLE, encoding="utf-8")
    base = VietnamCalendar()
    cal = VietnamCalendar(overrides=f)
    assert base.is_working_day(date(2027, 3, 5)) and not cal.is_working_day(date(2027, 3, 5))
    assert cal.is_working_day(date(2027, 3, 13))
    assert cal.data_version != base.data_version and cal.data_version.startswith(base.data_version)
    # Thu 4/3/2027 + 2 working days: Fri 5 swapped off, Mon 8 (1), Tue 9 (2).
    assert cal.deadline(date(2027, 3, 4), WorkingDays(2)).date == date(2027, 3, 9)
    assert cal.deadline(date(2027, 3, 4), WorkingDays(2)).provisional is False
    assert "1234/TB-BNV" in cal.deadline(date(2027, 3, 4), WorkingDays(2)).explain()


def test_the_same_decisions_have_one_version_in_toml_json_or_a_mapping(tmp_path: Path) -> None:
    # Trial 3, F11: the version follows the decisions, not how the file is written.
    import json
    import tomllib

    data = tomllib.loads(EXAMPLE)
    toml_file = tmp_path / "d.toml"
    toml_file.write_text("# a comment\n" + EXAMPLE, encoding="utf-8")
    json_file = tmp_path / "d.json"
    json_file.write_text(json.dumps(data, default=str, indent=4), encoding="utf-8")
    versions = {
        VietnamCalendar(overrides=toml_file).data_version,
        VietnamCalendar(overrides=json_file).data_version,
        VietnamCalendar(overrides=data).data_version,
    }
    assert len(versions) == 1
    changed = {**data, "days": data["days"][:1]}  # one decision fewer: another version
    assert VietnamCalendar(overrides=changed).data_version not in versions


def _one(day: str, status: str, doc: str = "D") -> dict[str, object]:
    return {
        "documents": [
            {"id": "D", "number": "1/TB", "type": "Thông báo", "issuer": "X", "date": "2027"}
        ],
        "days": [{"date": day, "status": status, "documents": [doc]}],
    }


BAD = [
    # A weekday cannot be "worked": it already is a working day.
    (_one("2027-03-10", "worked"), CalendarDataError, "only a Saturday or Sunday"),
    # A Saturday cannot be a swapped day off.
    (_one("2027-03-13", "off"), CalendarDataError, "already a day off"),
    # Every decision names a known document.
    (_one("2027-03-10", "off", doc="NOPE"), CalendarDataError, "unknown document"),
    # Outside the supported range.
    (_one("2041-03-11", "off"), DateOutOfRangeError, "outside"),
    # Unknown status.
    (_one("2027-03-10", "holiday"), CalendarDataError, "status"),
    # Cancelling a day that is not off.
    (_one("2027-03-10", "not-off"), CalendarDataError, "nothing to cancel"),
]


@pytest.mark.parametrize(("data", "error", "fragment"), BAD)
def test_bad_overrides_are_clear_errors(
    data: dict[str, object], error: type[Exception], fragment: str
) -> None:
    with pytest.raises(error, match=fragment):
        VietnamCalendar(overrides=data)


def test_a_day_both_off_and_worked_is_an_error() -> None:
    data = _one("2027-03-13", "worked")
    data["days"] = [*data["days"], {"date": "2027-03-13", "status": "off", "documents": ["D"]}]  # type: ignore[list-item]
    with pytest.raises(CalendarDataError, match="both"):
        VietnamCalendar(overrides=data)


def test_missing_file_is_a_typed_error(tmp_path: Path) -> None:
    with pytest.raises(CalendarDataError):
        VietnamCalendar(overrides=tmp_path / "none.toml")


def test_documented_example_file_loads() -> None:
    cal = VietnamCalendar(
        overrides=Path(__file__).parent.parent / "examples" / "calendar-overrides.toml"
    )
    assert cal.overrides_applied
