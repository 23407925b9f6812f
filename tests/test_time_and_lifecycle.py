"""Procedure timelines, lifecycle, revocation, obligations and duties (Art. 12.3-22)."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from _examples import examples
from hypothesis import given, settings
from hypothesis import strategies as st

from sandbox_rules.calendar import VietnamCalendar
from sandbox_rules.duties import duties
from sandbox_rules.errors import InputValidationError, InvalidTransitionError
from sandbox_rules.lifecycle import apply_event, lifecycle
from sandbox_rules.obligations import obligations
from sandbox_rules.procedures import PROCEDURES, timeline

CAL = VietnamCalendar()
D = date.fromisoformat

# (procedure, events, as_of, {step: (due, status)}) — each due date counted by hand.
TIMELINES = [
    # Across Tết 2026: complete Wed 11/2; consult Thu 12 (1), Fri 13 (2), Tết 14-22, Mon 23 (3);
    # replies 10 days from 23/2 = Thu 5/3; decision Fri 6 (1), Mon 9 (2), Tue 10/3 (3).
    (
        "issuance-12.3",
        {"dossier_complete": "2026-02-11"},
        "2026-02-20",
        {
            "consult": ("2026-02-23", "pending"),
            "replies": ("2026-03-05", "waiting"),
            "decide": ("2026-03-10", "waiting"),
        },
    ),
    # Across 30/4-1/5/2026 (no swap): received Tue 28/4; Wed 29 (1), Mon 4/5 (2), Tue 5/5 (3);
    # sent 4/5; replies by Thu 14/5; decision from 14/5: Fri 15 (1), Mon 18 (2), Tue 19 (3).
    (
        "issuance-12.4",
        {"dossier_complete": "2026-04-28", "consultation_sent": "2026-05-04"},
        "2026-05-20",
        {
            "consult": ("2026-05-05", "done_on_time"),
            "replies": ("2026-05-14", "overdue"),
            "decide": ("2026-05-19", "waiting"),
        },
    ),
    # Across 2/9/2026 with a clock stop: complete Tue 25/8; clarification asked Wed 26/8, answered
    # Thu 3/9 — stopped working days 27/8, 28/8, 3/9 (31/8 swapped off, 1-2/9 holidays) = 3;
    # consult 3 + 3 working days: 26, 27, 28/8, 3, 4, 7/9; the applicant's 5 working days from
    # 26/8: 27, 28/8, 3, 4, 7/9; replies 10 days from the latest lawful 7/9 = Thu 17/9.
    (
        "adjustment-13.3",
        {
            "dossier_complete": "2026-08-25",
            "clarification_requested": "2026-08-26",
            "clarification_received": "2026-09-03",
        },
        "2026-09-04",
        {
            "consult": ("2026-09-07", "pending"),
            "clarify": ("2026-09-07", "done_on_time"),
            "replies": ("2026-09-17", "waiting"),
        },
    ),
    # Across 24/11/2026 (Ngày Văn hóa Việt Nam): complete Fri 20/11; consult Mon 23 (1), Wed 25
    # (2), Thu 26 (3); replies 10 days = Sun 6/12 -> Mon 7/12; issue Tue 8 (1), Wed 9 (2), Thu 10/12 (3).
    (
        "conclusion-16.3",
        {"dossier_complete": "2026-11-20"},
        "2026-11-23",
        {
            "completion-request": (None, "not_applicable"),
            "consult": ("2026-11-26", "pending"),
            "replies": ("2026-12-07", "waiting"),
            "issue": ("2026-12-10", "waiting"),
        },
    ),
    # Re-issue across the 2026 New Year swap: declaration Wed 31/12/2025; 1/1 holiday, 2/1 swapped
    # off, 3-4/1 weekend; Mon 5 (1), Tue 6 (2), Wed 7/1 (3).
    (
        "reissue-12.5",
        {"reissue_declaration_received": "2025-12-31", "reissue_decision": "2026-01-08"},
        "2026-01-10",
        {"reissue": ("2026-01-07", "late")},
    ),
    # Extension across Tết 2026: complete Thu 12/2; consult Fri 13 (1), Tết 14-22, Mon 23 (2),
    # Tue 24/2 (3); replies 10 days from 24/2 = Fri 6/3.
    (
        "extension-14",
        {"dossier_complete": "2026-02-12"},
        "2026-02-13",
        {"consult": ("2026-02-24", "pending"), "replies": ("2026-03-06", "waiting")},
    ),
    # Conclusion across Tết 2026: received incomplete Wed 11/2; the completion request is due
    # Thu 12 (1), Fri 13 (2), Mon 23/2 (3).
    (
        "conclusion-16.3",
        {"dossier_received": "2026-02-11", "completion_requested": "2026-02-23"},
        "2026-02-24",
        {"completion-request": ("2026-02-23", "done_on_time")},
    ),
    # Issuance across 24/11/2026: complete Fri 20/11; consult Mon 23 (1), Wed 25 (2), Thu 26 (3);
    # replies 10 days = Sun 6/12 -> Mon 7/12; decision Tue 8 (1), Wed 9 (2), Thu 10/12 (3).
    (
        "issuance-12.3",
        {"dossier_complete": "2026-11-20"},
        "2026-11-21",
        {
            "consult": ("2026-11-26", "pending"),
            "replies": ("2026-12-07", "waiting"),
            "decide": ("2026-12-10", "waiting"),
        },
    ),
    # Re-issue across 2/9/2026: declaration Fri 28/8; 31/8 swapped off, 1-2/9 National Day;
    # Thu 3 (1), Fri 4 (2), Mon 7/9 (3).
    (
        "reissue-12.5",
        {"reissue_declaration_received": "2026-08-28"},
        "2026-08-29",
        {"reissue": ("2026-09-07", "pending")},
    ),
    # Adjustment across 30/4-1/5/2026: complete Wed 29/4; Mon 4/5 (1), Tue 5 (2), Wed 6/5 (3);
    # replies 10 days from 6/5 = Sat 16/5 -> Mon 18/5.
    (
        "adjustment-13.3",
        {"dossier_complete": "2026-04-29"},
        "2026-04-30",
        {"consult": ("2026-05-06", "pending"), "replies": ("2026-05-18", "waiting")},
    ),
    # 13.3.b par. 2 "Thời gian giải trình, hoàn thiện hồ sơ không tính vào thời gian xử lý hồ sơ"
    # stops only the time still running (trial finding 4): extension complete Sat 25/11/2028;
    # consult Mon 27 (1), Tue 28 (2), Wed 29/11 (3). Sent Tue 28/11, before the clarification
    # asked Wed 29/11 (answered Mon 4/12): the step was done, nothing of it was still running, so
    # its due date stays 29/11 — not 4/12.
    (
        "extension-14",
        {
            "dossier_complete": "2028-11-25",
            "consultation_sent": "2028-11-28",
            "clarification_requested": "2028-11-29",
            "clarification_received": "2028-12-04",
        },
        "2028-12-05",
        {"consult": ("2028-11-29", "done_on_time"), "clarify": ("2028-12-06", "done_on_time")},
    ),
    # Sent on the day of the request itself: the stop runs from the day after, so again none of
    # the step's time is stopped.
    (
        "extension-14",
        {
            "dossier_complete": "2028-11-25",
            "consultation_sent": "2028-11-29",
            "clarification_requested": "2028-11-29",
            "clarification_received": "2028-12-04",
        },
        "2028-12-05",
        {"consult": ("2028-11-29", "done_on_time")},
    ),
    # Still running when asked (asked Tue 28/11, day 2): stopped 29, 30/11, 1, 4/12 (4 working
    # days), so day 3 is Tue 5/12 and sending on 5/12 is on time.
    (
        "extension-14",
        {
            "dossier_complete": "2028-11-25",
            "clarification_requested": "2028-11-28",
            "clarification_received": "2028-12-04",
            "consultation_sent": "2028-12-05",
        },
        "2028-12-05",
        {"consult": ("2028-12-05", "done_on_time")},
    ),
    # An unanswered clarification: asked Tue 8/9/2026, 5 working days = Tue 15/9; as of 18/9 the
    # dossier is to be returned; the authority's clock is stopped meanwhile.
    (
        "adjustment-13.3",
        {"dossier_complete": "2026-09-07", "clarification_requested": "2026-09-08"},
        "2026-09-18",
        {"clarify": ("2026-09-15", "overdue"), "consult": (None, "paused")},
    ),
]


@pytest.mark.parametrize(("procedure", "events", "as_of", "expected"), TIMELINES)
def test_timelines_by_hand(
    procedure: str, events: dict[str, str], as_of: str, expected: dict[str, Any]
) -> None:
    t = timeline(procedure, events, D(as_of))
    got = {s.spec.id: s for s in t.steps}
    for step, (due, status) in expected.items():
        assert got[step].status == status, step
        if due is not None:
            assert got[step].due is not None and got[step].due.date == D(due), step


# (events, reading, step, day by day: (day, action, count)) — the explanation marks each day the
# clock stop covers as stopped, not counted (13.3.b par. 2), and counts n days, no more.
STOPPED_DAYS = [
    # Consult, 3 working days from Sat 25/11/2028, asked Tue 28/11, answered Mon 4/12.
    (
        {"dossier_complete": "2028-11-25", "clarification_requested": "2028-11-28",
         "clarification_received": "2028-12-04"},
        "authority-steps",
        "consult",
        [("2028-11-25", "event", None), ("2028-11-26", "skipped", None),
         ("2028-11-27", "counted", 1), ("2028-11-28", "counted", 2),
         ("2028-11-29", "stopped", None), ("2028-11-30", "stopped", None),
         ("2028-12-01", "stopped", None), ("2028-12-02", "skipped", None),
         ("2028-12-03", "skipped", None), ("2028-12-04", "stopped", None),
         ("2028-12-05", "due", 3)],
    ),
    # all-steps: the consultees' 10 calendar days from Mon 27/11 stop too, 30/11-4/12 (5 days):
    # day 3 is Tue 5/12 and day 10 Tue 12/12.
    (
        {"dossier_complete": "2028-11-25", "consultation_sent": "2028-11-27",
         "clarification_requested": "2028-11-29", "clarification_received": "2028-12-04"},
        "all-steps",
        "replies",
        [("2028-11-27", "event", None), ("2028-11-28", "counted", 1),
         ("2028-11-29", "counted", 2), ("2028-11-30", "stopped", None),
         ("2028-12-01", "stopped", None), ("2028-12-02", "stopped", None),
         ("2028-12-03", "stopped", None), ("2028-12-04", "stopped", None),
         ("2028-12-05", "counted", 3), ("2028-12-06", "counted", 4),
         ("2028-12-07", "counted", 5), ("2028-12-08", "counted", 6),
         ("2028-12-09", "counted", 7), ("2028-12-10", "counted", 8),
         ("2028-12-11", "counted", 9), ("2028-12-12", "due", 10)],
    ),
]  # fmt: skip


@pytest.mark.parametrize(("events", "reading", "step", "days"), STOPPED_DAYS)
def test_explanation_marks_the_stopped_days(
    events: dict[str, str], reading: str, step: str, days: list[tuple[str, str, int | None]]
) -> None:
    t = timeline(
        "extension-14", events, D("2028-12-20"), interpretations={"clock-stop-scope": reading}
    )
    explained = next(s for s in t.record(explain=True).steps if s.step == step).explanation
    assert explained is not None
    assert [(d.date.isoformat(), d.action, d.count) for d in explained] == days
    stopped = [d for d in explained if d.action == "stopped"]
    assert all(d.reason_vi.startswith("dừng tính") for d in stopped)
    if reading == "all-steps":  # a calendar-day count says which day it is: renumbered
        assert explained[-1].reason_vi.startswith("ngày thứ 10 ")


def test_returned_dossier_note_and_late_by() -> None:
    t = timeline(
        "adjustment-13.3",
        {"dossier_complete": "2026-09-07", "clarification_requested": "2026-09-08"},
        D("2026-09-18"),
    )
    clarify = next(s for s in t.steps if s.spec.id == "clarify")
    assert clarify.note_vi is not None and "trả lại hồ sơ" in clarify.note_vi
    assert clarify.late_working_days == 3  # 16, 17, 18/9
    reissue = timeline(
        "reissue-12.5",
        {"reissue_declaration_received": "2025-12-31", "reissue_decision": "2026-01-08"},
        D("2026-01-10"),
    )
    assert reissue.steps[0].late_working_days == 1


def test_consultation_days_interpretation() -> None:
    t = timeline(
        "issuance-12.3",
        {"consultation_sent": "2026-02-23"},
        D("2026-02-24"),
        interpretations={"consultation-days": "working-days"},
    )
    replies = next(s for s in t.steps if s.spec.id == "replies")
    # 10 working days from Mon 23/2/2026: 24, 25, 26, 27/2, 2, 3, 4, 5, 6, 9/3.
    assert replies.due is not None and replies.due.date == D("2026-03-09")
    assert t.interpretations_used["consultation-days"] == "working-days"


def test_unknown_procedure_and_events_are_input_errors() -> None:
    with pytest.raises(InputValidationError):
        timeline("licence-99", {}, D("2026-01-01"))
    with pytest.raises(InputValidationError, match="has no event"):
        timeline("issuance-12.3", {"dossier_compelte": "2026-01-05"}, D("2026-01-10"))
    with pytest.raises(InputValidationError):
        timeline("issuance-12.3", {"dossier_complete": "5/1/2026"}, D("2026-01-10"))


# -- properties --------------------------------------------------------------------------------
days = st.dates(min_value=date(2025, 7, 1), max_value=date(2028, 6, 30))


@settings(max_examples=examples(150), deadline=None)
@given(st.sampled_from(sorted(PROCEDURES)), days)
def test_working_day_steps_land_on_working_days(procedure: str, start: date) -> None:
    first = PROCEDURES[procedure].steps[0]
    t = timeline(
        procedure, {first.starts: start, **({first.only_if: start} if first.only_if else {})}, start
    )
    for s in t.steps:
        if s.due is not None and s.due.period.unit == "working_days":
            assert CAL.is_working_day(s.due.date)


@settings(max_examples=examples(150), deadline=None)
@given(days, days)
def test_later_events_never_give_earlier_due_dates(a: date, b: date) -> None:
    lo, hi = sorted((a, b))
    t1 = timeline("issuance-12.4", {"dossier_complete": lo}, lo)
    t2 = timeline("issuance-12.4", {"dossier_complete": hi}, hi)
    for s1, s2 in zip(t1.steps, t2.steps, strict=True):
        assert s1.due is not None and s2.due is not None and s1.due.date <= s2.due.date


@settings(max_examples=examples(150), deadline=None)
@given(days, st.integers(min_value=0, max_value=3), st.integers(min_value=0, max_value=15))
def test_a_clock_stop_never_shortens_a_deadline(start: date, after: int, length: int) -> None:
    base = timeline("adjustment-13.3", {"dossier_complete": start}, start)
    asked = start + timedelta(days=after)
    stopped = timeline(
        "adjustment-13.3",
        {
            "dossier_complete": start,
            "clarification_requested": asked,
            "clarification_received": asked + timedelta(days=length),
        },
        start,
    )
    b, s = base.steps[0], stopped.steps[0]
    assert b.due is not None and s.due is not None and s.due.date >= b.due.date
    # ... and adds exactly the working days spent clarifying, when it starts before the due date.
    if asked <= b.due.date:
        assert CAL.working_days_between(b.due.date, s.due.date) == CAL.working_days_between(
            asked, asked + timedelta(days=length)
        )


# -- lifecycle -----------------------------------------------------------------------------------
TRANSITIONS = [
    ("applied", "consultation_sent", "in_consultation"),
    ("in_consultation", "certificate_issued", "issued"),
    ("in_consultation", "refused", "refused"),
    ("issued", "testing_started", "active"),
    ("active", "adjustment_approved", "adjusted"),
    ("adjusted", "extension_approved", "extended"),
    ("extended", "concluded", "concluded"),
    ("active", "revoked", "revoked"),
    ("active", "reissued", "active"),
]
INVALID = [
    ("applied", "certificate_issued"),  # no certificate without the consultation (12.3.b-d)
    ("refused", "testing_started"),
    ("revoked", "concluded"),
    ("concluded", "extension_approved"),
    ("in_consultation", "testing_started"),
]


@pytest.mark.parametrize(("state", "event", "after"), TRANSITIONS)
def test_transition_table(state: str, event: str, after: str) -> None:
    assert apply_event(state, event)[0] == after


@pytest.mark.parametrize(("state", "event"), INVALID)
def test_invalid_transitions_name_the_rule(state: str, event: str) -> None:
    with pytest.raises(InvalidTransitionError) as exc:
        apply_event(state, event)
    assert exc.value.citation.startswith("life.")


def test_never_two_extensions() -> None:
    with pytest.raises(InvalidTransitionError, match=r"Article 10\(2\)"):
        apply_event("adjusted", "extension_approved", extensions=1)
    record = {
        "issued_on": "2026-03-02", "approved_months": 12,
        "events": [{"type": "extension_approved", "date": "2027-02-20", "months": 6},
                   {"type": "extension_approved", "date": "2027-08-01", "months": 6}],
    }  # fmt: skip
    with pytest.raises(InvalidTransitionError):
        lifecycle(record, D("2027-09-01"))


EVENTS = ["consultation_sent", "certificate_issued", "refused", "testing_started", "adjustment_approved",
          "adjustment_refused", "adjustment_returned", "extension_approved", "extension_refused",
          "extension_returned", "revoked", "concluded", "conclusion_returned", "reissued",
          "returned"]  # fmt: skip


@settings(max_examples=examples(300), deadline=None)
@given(
    st.lists(st.sampled_from(EVENTS), max_size=8),
    st.sampled_from(["no-return", "returned"]),
)
def test_event_sequences_follow_the_table(seq: list[str], issuance_return: str) -> None:
    from sandbox_rules.interpretations import Interpretations
    from sandbox_rules.lifecycle import transition_rules

    interp = Interpretations.of({"issuance-return": issuance_return})
    table: dict[str, list[tuple[list[str], str | None]]] = {}
    for r in transition_rules():
        table.setdefault(str(r.outcome["event"]), []).append(
            (list(r.outcome["from"]), r.outcome["to"])
        )
    state, extensions, started = "applied", 0, False
    for event in seq:
        match = [(src, to) for src, to in table[event] if state in src]
        allowed = (
            bool(match)
            and not (event == "extension_approved" and extensions)
            and not (event == "testing_started" and started)
            and not (event == "returned" and issuance_return == "no-return")
        )
        if allowed:
            target = match[0][1]
            new = apply_event(
                state, event, extensions=extensions, started=started, interpretations=interp
            )[0]
            assert new == (target or state)
            state = new
            extensions += event == "extension_approved"
            started = started or event == "testing_started"
        else:
            with pytest.raises(InvalidTransitionError):
                apply_event(
                    state, event, extensions=extensions, started=started, interpretations=interp
                )
    assert extensions <= 1


def test_windows_and_ends() -> None:
    st_ = lifecycle({"issued_on": "2026-03-02", "approved_months": 18}, D("2026-04-01"))
    # 18 months from 02/03/2026: 02/09/2027 (Civil Code 148(3)); window [03/08, 01/09/2027];
    # results report at the latest 30 days before: 03/08/2027.
    assert st_.approved_end == D("2027-09-02")
    assert st_.extension_window == (D("2027-08-03"), D("2027-09-01"))
    assert st_.results_report_due == D("2027-08-03")
    # 31 August + 6 months ends on the last day of February (no 31/2).
    assert lifecycle(
        {"issued_on": "2026-08-31", "approved_months": 6}, D("2026-09-01")
    ).approved_end == D("2027-02-28")


def test_revocation_90_days_and_decision() -> None:
    rec = {"issued_on": "2026-03-02", "approved_months": 24}
    assert lifecycle(rec, D("2026-05-31")).revocation_grounds == ()
    g = lifecycle(rec, D("2026-06-10")).revocation_grounds[0]
    assert (g.rule.id, g.arose_on, g.decision_due) == (
        "revoke.15.1.b.no-start",
        D("2026-06-01"),
        D("2026-06-16"),
    )
    alt = lifecycle(
        {**rec, "interpretations": {"revocation-timing": "ninetieth-day"}}, D("2026-06-10")
    )
    assert alt.revocation_grounds[0].arose_on == D("2026-05-31")
    started = lifecycle(
        {**rec, "events": [{"type": "testing_started", "date": "2026-05-01"}]}, D("2026-07-01")
    )
    assert started.revocation_grounds == ()
    asked = lifecycle(
        {**rec, "events": [{"type": "adjustment_requested", "date": "2026-05-20"}]}, D("2026-07-01")
    )
    assert asked.revocation_grounds == ()


def test_revocation_after_failed_remediation_rolls_over_holidays() -> None:
    rec = {"issued_on": "2026-03-02", "approved_months": 18, "defence_or_cipher": True,
           "events": [{"type": "testing_started", "date": "2026-03-10"}, {"type": "inspection_ended", "date": "2027-03-15", "remediation_required": True}]}  # fmt: skip
    [g] = lifecycle(rec, D("2027-05-10")).revocation_grounds
    # Remediation due 14/04/2027 (17.3); ground 15/04; +15 days = 30/04/2027 (holiday), 1-2/5
    # weekend, 3/5 the observed Labour Day: the decision is due Tue 04/05/2027 — by the MND (15.3).
    assert (g.arose_on, g.decision_due) == (D("2027-04-15"), D("2027-05-04"))
    assert "Quốc phòng" in g.decided_by


def test_obligations_schedule() -> None:
    rec = {"issued_on": "2026-03-02", "approved_months": 12,
           "events": [{"type": "incident_found", "date": "2026-08-28"}]}  # fmt: skip
    s = obligations(rec, D("2026-09-10"))
    by_id = {i.id: i for i in s.items}
    # 18.3: Q1 due Sun 5/4/2026 -> Mon 6/4; Q3 due Mon 5/10/2026.
    assert by_id["quarterly-report-2026-Q1"].due == D("2026-04-06")
    assert by_id["quarterly-report-2026-Q3"].due == D("2026-10-05")
    # 18.5: written report within 3 days: 31/8 swapped off, 1-2/9 holidays -> Thu 3/9/2026.
    assert by_id["incident-report-2026-08-28"].due == D("2026-09-03")
    assert by_id["results-report"].due == D("2027-01-31")
    fixed = obligations(
        {**rec, "interpretations": {"quarterly-report-due": "fixed-date"}}, D("2026-09-10")
    )
    assert {i.id: i for i in fixed.items}["quarterly-report-2026-Q1"].due == D("2026-04-05")


def test_duties_and_liability() -> None:
    assert duties({}).exempt is None
    assert duties({"duty.18.3.quarterly": False}).exempt is False
    authority = {f"duty.{k}": True for k in ("20.1.guidance", "20.2.legal-questions", "20.3.supervision",
                                                "20.4.petitions", "20.5.measures", "20.6.waivers")}  # fmt: skip
    assert duties(authority, "authority").exempt is True
    with pytest.raises(InputValidationError):
        duties({"duty.made-up": True})


def test_inspection_year_reading() -> None:
    rec = {"issued_on": "2026-03-02", "approved_months": 12}
    default = {
        i.id: i.window for i in obligations(rec, D("2026-04-01")).items if i.id.startswith("yearly")
    }
    # 12 months from 02/03/2026 end on 02/03/2027 (Civil Code 148(3)), the period's end: one
    # inspection year, not a year and a one-day second "year".
    assert default == {"yearly-inspection-1": (D("2026-03-02"), D("2027-03-02"))}
    cal_year = obligations(
        {**rec, "interpretations": {"inspection-year": "calendar-year"}}, D("2026-04-01")
    )
    windows = [i.window for i in cal_year.items if i.id.startswith("yearly")]
    assert windows == [(D("2026-03-02"), D("2026-12-31")), (D("2027-01-01"), D("2027-03-02"))]


def test_extension_longer_than_approved_is_refused_by_the_declared_rule() -> None:
    rec = {"issued_on": "2026-03-02", "approved_months": 12,
           "events": [{"type": "extension_approved", "date": "2027-02-20", "months": 13}]}  # fmt: skip
    with pytest.raises(InvalidTransitionError, match=r"Article 10\(2\)") as exc:
        lifecycle(rec, D("2027-03-01"))
    assert exc.value.citation.startswith("scope.extension.max-approved-length")
    # 12 more months across the leap day of 2028 are not "longer" than 12 approved months.
    ok = {**rec, "events": [{"type": "extension_approved", "date": "2027-02-20", "months": 12}]}
    assert lifecycle(ok, D("2027-03-01")).extended_end == D("2028-03-02")
    # Compared as end dates instead, the same extension is 366 days against 365: refused.
    strict = {**ok, "interpretations": {"extension-limit": "compare-end-dates"}}
    with pytest.raises(InvalidTransitionError) as exc:
        lifecycle(strict, D("2027-03-01"))
    assert "max-approved-length" in exc.value.citation


def test_issuance_return_is_a_named_reading() -> None:
    # Art. 12 sets no return (12.3.b only starts the clock "kể từ ngày nhận đầy đủ hồ sơ hợp
    # lệ"): by default the event is refused; the analogy with 13.3.b/16.3.b is selectable.
    rec = {"events": [{"type": "returned", "date": "2026-03-10"}]}
    with pytest.raises(InvalidTransitionError, match="issuance-return=no-return"):
        lifecycle(rec, D("2026-03-20"))
    status = lifecycle({**rec, "interpretations": {"issuance-return": "returned"}}, D("2026-03-20"))
    assert status.state == "returned"
    assert status.interpretations_used["issuance-return"] == "returned"
