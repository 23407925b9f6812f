"""Hand-written tables of the official public-sector calendar, from the documents.

Every weekday off and every Saturday worked, per year. Written from the Labour Code
(2012 Art. 115 for 2019-2020; 2019 Art. 112 and 111(3) from 2021) and the yearly decisions
named in sandbox_rules/calendar/data/official.toml, not from the code under test.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from sandbox_rules.calendar import VietnamCalendar

WEEKDAYS_OFF: dict[int, list[str]] = {
    # Tết 2/2-10/2 (Mon-Fri 4-8/2); Hùng Kings Sun 14/4 -> Mon 15/4; swap Mon 29/4 (worked Sat 4/5).
    2019: ["01-01", "02-04", "02-05", "02-06", "02-07", "02-08", "04-15", "04-29", "04-30", "05-01", "09-02"],
    # Tết 23/1-29/1: eve Fri 24/1, Tết Sat 25/1 ... with Thu 23/1 and Wed 29/1 for the weekend days.
    2020: ["01-01", "01-23", "01-24", "01-27", "01-28", "01-29", "04-02", "04-30", "05-01", "09-02"],
    # Tết 10/2-16/2; 1/5 Saturday -> Mon 3/5; National Day 2 days from 2021: 2/9 and 3/9.
    2021: ["01-01", "02-10", "02-11", "02-12", "02-15", "02-16", "04-21", "04-30", "05-03", "09-02", "09-03"],
    # 1/1 Saturday -> Mon 3/1; Tết 31/1-4/2 (Công văn 245/VPCP-KGVX); 30/4 Sat and 1/5 Sun -> 2/5, 3/5.
    2022: ["01-03", "01-31", "02-01", "02-02", "02-03", "02-04", "04-11", "05-02", "05-03", "09-01", "09-02"],
    # 1/1 Sunday -> Mon 2/1; Tết 20/1-26/1; Hùng Kings Sat 29/4 and 30/4 Sun -> 2/5, 3/5; 2/9 Sat -> 4/9.
    2023: ["01-02", "01-20", "01-23", "01-24", "01-25", "01-26", "05-01", "05-02", "05-03", "09-01", "09-04"],
    # Tết 8/2-14/2; swap Mon 29/4 (Công văn 2450/VPCP-KGVX, worked Sat 4/5).
    2024: ["01-01", "02-08", "02-09", "02-12", "02-13", "02-14", "04-18", "04-29", "04-30", "05-01", "09-02", "09-03"],
    # Tết 25/1-2/2 (Thông báo 6150/TB-LĐTBXH); swap Fri 2/5 (worked Sat 26/4); National Day 1/9-2/9.
    2025: ["01-01", "01-27", "01-28", "01-29", "01-30", "01-31", "04-07", "04-30", "05-01", "05-02", "09-01", "09-02"],
    # 2/1 swapped (12729/VPCP-KGVX); Tết 14/2-22/2; Hùng Kings Sun 26/4 -> Mon 27/4; no swap at 30/4
    # (3383/BNV-CVL); 31/8 swapped (9441/TB-BNV); Ngày Văn hóa Việt Nam Tue 24/11.
    2026: ["01-01", "01-02", "02-16", "02-17", "02-18", "02-19", "02-20", "04-27", "04-30", "05-01",
           "08-31", "09-01", "09-02", "11-24"],
}  # fmt: skip

SATURDAYS_WORKED: dict[int, list[str]] = {
    2019: ["01-05", "05-04"],
    2020: [],
    2021: [],
    2022: [],
    2023: [],
    2024: ["05-04"],
    2025: ["04-26"],
    2026: ["01-10", "08-22"],
}

CAL = VietnamCalendar()


def _year_days(year: int) -> list[date]:
    d = date(year, 1, 1)
    out = []
    while d.year == year:
        out.append(d)
        d += timedelta(days=1)
    return out


@pytest.mark.parametrize("year", sorted(WEEKDAYS_OFF))
def test_weekdays_off_match_the_documents(year: int) -> None:
    expected = {date.fromisoformat(f"{year}-{md}") for md in WEEKDAYS_OFF[year]}
    actual = {d for d in _year_days(year) if d.weekday() < 5 and not CAL.is_working_day(d)}
    assert actual == expected


@pytest.mark.parametrize("year", sorted(SATURDAYS_WORKED))
def test_saturdays_worked_match_the_documents(year: int) -> None:
    expected = {date.fromisoformat(f"{year}-{md}") for md in SATURDAYS_WORKED[year]}
    actual = {d for d in _year_days(year) if d.weekday() >= 5 and CAL.is_working_day(d)}
    assert actual == expected


def test_official_years_are_not_provisional() -> None:
    assert all(CAL.is_provisional(date(y, 6, 1)) is False for y in WEEKDAYS_OFF)
    assert CAL.is_provisional(date(2027, 6, 1)) is True


def test_each_swap_names_its_document() -> None:
    info = CAL.day_info(date(2026, 1, 2))
    assert info is not None and [d.number for d in info.documents] == ["12729/VPCP-KGVX"]
    worked = CAL.day_info(date(2026, 1, 10))
    assert worked is not None and worked.status == "worked"
    assert [d.number for d in worked.documents] == ["12729/VPCP-KGVX"]
    swap = CAL.day_info(date(2026, 8, 31))
    assert swap is not None and "9441/TB-BNV" in [d.number for d in swap.documents]


def test_holidays_package_lacks_the_2026_new_year_swap() -> None:
    # Why the bundled table exists: holidays 0.109 does not know 12729/VPCP-KGVX.
    import holidays

    vn = holidays.country_holidays("VN", years=2026)
    assert date(2026, 1, 2) not in vn
    assert CAL.is_working_day(date(2026, 1, 2)) is False


def test_shipped_index_rebuilds_from_its_sources() -> None:
    from sandbox_rules.calendar import build

    rebuilt = build.render(build.build_index(build.OFFICIAL_FILE.read_bytes()))
    assert rebuilt == build.INDEX_FILE.read_text(encoding="utf-8"), "run `make data`"
