"""Thread safety, determinism, in-force dates and provenance of results."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from datetime import date, timedelta
from typing import Any

import pytest
from _examples import examples
from conftest import ORGANISATION, with_changes
from hypothesis import given, settings

from sandbox_rules import __version__
from sandbox_rules.calendar import VietnamCalendar, WorkingDays
from sandbox_rules.engine import assess, route
from sandbox_rules.errors import InputValidationError, InvalidTransitionError
from sandbox_rules.interpretations import CATALOGUE, QUESTION_VI
from sandbox_rules.law.text import law_version
from sandbox_rules.lifecycle import lifecycle
from sandbox_rules.obligations import obligations
from sandbox_rules.testing import records


def test_threads_agree_with_serial_results() -> None:
    cal = VietnamCalendar()
    apps = [
        with_changes(ORGANISATION, {"applicant.staff_qualified": v, "scope.duration_months": m})
        for v in (True, False, None)
        for m in (12, 24, 30)
    ]
    days = [date(2026, 1, 1) + timedelta(days=i) for i in range(200)]

    def work(i: int) -> tuple[Any, ...]:
        a = apps[i % len(apps)]
        return (
            assess(a).to_json(),
            route(a).to_json(),
            cal.deadline(days[i % len(days)], WorkingDays(7)).date,
        )

    serial = [work(i) for i in range(400)]
    with ThreadPoolExecutor(max_workers=8) as pool:
        parallel = list(pool.map(work, range(400)))
    assert parallel == serial


def test_results_name_their_versions_and_readings() -> None:
    a = assess(ORGANISATION).to_dict()
    assert a["provenance"] == {"library_version": __version__, "law_version": law_version()}
    r = route(ORGANISATION).to_dict()
    assert set(r["interpretations_used"]) == {
        "authority-count-basis", "procedure-many-sources", "same-manager-two-units", "defence-overrides",
        "form-order",  # the certificate's forms HĐTN03/HĐTN04 (12.3.d, 12.4.d)
    }  # fmt: skip
    sched = obligations(
        {"issued_on": "2026-03-02", "approved_months": 6}, date(2026, 4, 1)
    ).to_dict()
    assert sched["provenance"]["calendar_data_version"] == VietnamCalendar().data_version


def test_filing_before_the_decree_is_in_force() -> None:
    with pytest.raises(InputValidationError, match="in force from 2025-07-01"):
        assess(with_changes(ORGANISATION, {"submission": {"submitted_on": "2025-06-30"}}))
    assert (
        assess(with_changes(ORGANISATION, {"submission": {"submitted_on": "2025-07-01"}})).verdict
        == "eligible"
    )


def test_every_interpretation_has_a_vietnamese_question() -> None:
    assert {i.id for i in CATALOGUE} == set(QUESTION_VI)


@settings(max_examples=examples(200), deadline=None)
@given(records())
def test_lifecycle_never_crashes_and_never_extends_twice(rec: dict[str, Any]) -> None:
    as_of = date.fromisoformat(rec["issued_on"]) + timedelta(days=900)
    try:
        status = lifecycle(rec, as_of)
    except InvalidTransitionError:
        return  # an invalid sequence is rejected, never queued
    # 10.2 "gia hạn 01 lần": an extension, or an adjustment lengthening the period (13.2.c),
    # under the default reading lengthening-adjustment-counts=counts-as-extension.
    adjustments = [
        bool(e.get("months")) for e in rec["events"] if e["type"] == "adjustment_approved"
    ]
    lengthening = sum(adjustments[: sum(h.event == "adjustment_approved" for h in status.history)])
    assert sum(h.event == "extension_approved" for h in status.history) + lengthening <= 1
    if status.end is not None:
        assert status.results_report_due == status.end - timedelta(days=30)
    obligations(rec, as_of)
