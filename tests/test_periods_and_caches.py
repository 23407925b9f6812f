"""Periods built cheaply but still validated; calendars shared per set of readings, immutable."""

from __future__ import annotations

import pickle
import threading
from datetime import date

import pytest
from _examples import examples
from hypothesis import given, settings
from hypothesis import strategies as st

from sandbox_rules.calendar import Days, Months, VietnamCalendar, WorkingDays, Years
from sandbox_rules.errors import InvalidPeriodError, SandboxRulesError
from sandbox_rules.interpretations import Interpretations

UNITS = (WorkingDays, Days, Months, Years)


@given(st.sampled_from(UNITS), st.integers(min_value=0, max_value=10**6))
def test_a_period_is_its_length_whether_shared_or_not(cls: type, n: int) -> None:
    p = cls(n)
    assert type(p) is cls and p.n == n
    assert p == cls(n) and hash(p) == hash(cls(n)) and p == cls(n=n)
    assert pickle.loads(pickle.dumps(p)) == p
    assert all(p != other(n) for other in UNITS if other is not cls)


@pytest.mark.parametrize("bad", [True, False, -1, -(10**9), 1.0, 10.0, "10", None, [10]], ids=repr)
@pytest.mark.parametrize("cls", UNITS)
def test_a_bad_length_is_a_typed_error_naming_the_period(cls: type, bad: object) -> None:
    # True and 10.0 hash like 1 and 10: they must not reach the shared periods.
    with pytest.raises(InvalidPeriodError, match=cls.__name__) as info:
        cls(bad)
    assert isinstance(info.value, SandboxRulesError) and info.value.code == "invalid_period"


def test_periods_are_immutable() -> None:
    for p in (WorkingDays(10), WorkingDays(10**6)):
        with pytest.raises(AttributeError):
            p.n = 3  # type: ignore[misc]
    assert WorkingDays(10).n == 10


def test_calendars_are_shared_per_set_of_calendar_readings() -> None:
    a = Interpretations.of(None).calendar()
    assert a is Interpretations.of({}).calendar()
    # A reading the calendar does not use gives the same calendar.
    assert a is Interpretations.of({"form-order": "reversed"}).calendar()
    b = Interpretations.of({"event-day-excluded": "included"}).calendar()
    assert b is not a and b.interpretations["event-day-excluded"] == "included"
    assert b is Interpretations.of({"event-day-excluded": "included"}).calendar()
    # and it is the calendar a caller would build
    d = date(2026, 1, 1)
    fresh = VietnamCalendar(interpretations={"event-day-excluded": "included"})
    assert b.deadline(d, WorkingDays(3)).date == fresh.deadline(d, WorkingDays(3)).date


def test_a_shared_calendar_cannot_be_changed() -> None:
    cal = Interpretations.of(None).calendar()
    with pytest.raises(AttributeError):
        cal.data_version = "x"  # type: ignore[misc]


def test_calendar_cache_under_threads() -> None:
    choices = {"roll-forward": "no-roll"}
    seen: list[VietnamCalendar] = []
    threads = [
        threading.Thread(target=lambda: seen.append(Interpretations.of(choices).calendar()))
        for _ in range(8)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len({c.deadline(date(2026, 2, 14), Days(1)).date for c in seen}) == 1


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2200, 12, 31)), st.integers(0, 1200))
def test_add_months_is_the_civil_code_month_as_dateutil_counts_it(d: date, months: int) -> None:
    # Art. 148(3) BLDS 2015: "ngày tương ứng của tháng cuối cùng ... nếu tháng kết thúc thời hạn
    # không có ngày tương ứng thì thời hạn kết thúc vào ngày cuối cùng của tháng đó" — the rule
    # relativedelta implements; checked against it rather than against our own arithmetic.
    from dateutil.relativedelta import relativedelta

    from sandbox_rules.calendar.periods import add_months

    assert add_months(d, months) == d + relativedelta(months=months)


@settings(max_examples=examples(300), deadline=None)
@given(
    st.dates(min_value=date(2019, 1, 1), max_value=date(2038, 12, 31)),
    st.sampled_from([WorkingDays, Days, Months, Years]),
    st.integers(min_value=0, max_value=90),
    st.sampled_from(["excluded", "included"]),
    st.sampled_from(["next-working-day", "no-roll"]),
)
def test_the_rules_name_the_documents_of_every_day_the_explanation_walks(
    event: date, cls: type, n: int, event_day: str, roll: str
) -> None:
    """A deadline's rules are found without building its explanation; they name the same
    documents, in the same order, as the explanation's days do."""
    if cls is Years:
        n %= 3
    elif cls is Months:
        n %= 25
    cal = VietnamCalendar(interpretations={"event-day-excluded": event_day, "roll-forward": roll})
    dl = cal.deadline(event, cls(n))
    walked: list[str] = []
    for step in dl.steps:
        walked.extend(ref for ref in step.documents if ref not in walked)
    named = [cite for cite, _ in dl.rules[2 + (cls is not WorkingDays and roll != "no-roll") :]]
    assert named == [
        cal.documents[ref].cite_vi() + f": {cal.documents[ref].title}" for ref in walked
    ]


# (event, documents the rules name) — a period of 0 days from a day off ends on it, rolled
# forward: the explanation's first line is the event's own day, with its documents.
ZERO_DAYS_FROM_A_DAY_OFF = [
    (date(2019, 1, 1), ["BLLD-2012"]),  # Tết Dương lịch 2019, Labour Code 2012
    (date(2026, 1, 1), ["BLLD-2019", "VPCP-12729-2025"]),  # 01/01/2026, then 02/01 swapped off
]


@pytest.mark.parametrize(("event", "documents"), ZERO_DAYS_FROM_A_DAY_OFF)
def test_zero_days_from_a_day_off_name_that_days_documents(
    event: date, documents: list[str]
) -> None:
    cal = VietnamCalendar()
    dl = cal.deadline(event, Days(0))
    named = [cite for cite, _ in dl.rules[3:]]  # after event-day, days and roll-forward rules
    assert named == [cal.documents[d].cite_vi() + f": {cal.documents[d].title}" for d in documents]
