"""Records of the time layer (Art. 12-22): deadlines, procedure timelines, the lifecycle, the
obligations schedule and the duties checklist — one ``msgspec.Struct`` definition each.

The Python results that compute them (``Deadline``, ``Timeline``, ``LifecycleStatus``,
``Schedule``, ``DutyCheck``) hold calendar and rule objects (a deadline explains itself day by
day on demand); their ``record()`` is the one definition of what they serialise to, and their
``to_dict()``/``to_json()`` go through it, so the JSON and its schema cannot drift apart.
"""

from __future__ import annotations

from datetime import date as Date
from typing import Any, Literal

import msgspec

from sandbox_rules.codes import ObligationStatus, StepStatus
from sandbox_rules.records import Consultee, IssuedDocument, MissingFact, Provenance, Record

Unit = Literal["working_days", "days", "months", "years"]


class PeriodRecord(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    """A length of time in one unit (Civil Code 2015 Art. 147-148 counting)."""

    unit: Unit
    n: int


class DayStep(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    """One day of a deadline's explanation: counted, skipped (with the reason and the document
    that made it a day off or a worked Saturday), stopped (a procedure's clock stop: not
    counted), the event day, or the due day."""

    date: Date
    weekday: str
    action: Literal["event", "counted", "skipped", "stopped", "passed", "rolled", "due"]
    count: int | None
    reason_vi: str
    reason_en: str
    documents: tuple[str, ...]


class Localised(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    vi: str
    en: str


class Deadline(Record, tag="deadline", frozen=True, kw_only=True):
    """A statutory deadline: the due ``date`` of ``period`` counted from ``event``; ``steps``
    (the day-by-day explanation) when asked for; ``provisional`` where a counted day lies in
    a year whose official schedule the calendar data does not hold."""

    event: Date
    period: PeriodRecord
    date: Date
    weekday: str
    nominal_date: Date
    provisional: bool
    provisional_reason: str | None
    rules: tuple[Localised, ...]
    interpretations_used: dict[str, str]
    calendar_data_version: str
    steps: tuple[DayStep, ...] | None = None


class TimelineStep(
    msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True, omit_defaults=True
):
    """One step of a procedure: its time limit, when it started (or would at the latest
    lawful start), its due date and its status as of the timeline's date."""

    step: str
    rule_id: str
    citation: str
    citation_vi: str
    actor: Literal["authority", "consultees", "applicant"]
    label_vi: str
    label_en: str
    period: PeriodRecord
    effective_period: PeriodRecord | None
    starts_on_event: str
    start: Date | None
    start_assumed: bool
    due: Date | None
    provisional: bool
    actual: Date | None
    status: StepStatus
    late_working_days: int | None
    clock_stopped_working_days: int
    note_vi: str | None
    note_en: str | None
    explanation: tuple[DayStep, ...] | None = None


class Note(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    citation: str
    vi: str
    en: str


class Timeline(Record, tag="timeline", frozen=True, kw_only=True):
    """A procedure's steps (12.3-16.3) with clock stops, as of a date."""

    procedure: str
    title_vi: str
    title_en: str
    as_of: Date
    steps: tuple[TimelineStep, ...]
    worst_case_end: Date | None
    consultees: tuple[Consultee, ...]
    issues: IssuedDocument
    open_end_vi: str | None
    open_end_en: str | None
    notes: tuple[Note, ...]
    interpretations_used: dict[str, str]
    provenance: Provenance


class Timelines(Record, tag="timelines", frozen=True, kw_only=True):
    """Several procedure timelines of one scenario, in the order the scenario lists them."""

    timelines: tuple[Timeline, ...]


class HistoryEntry(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    on: Date
    event: str
    from_: str = msgspec.field(name="from")
    to: str
    rule_id: str | None
    testing_started: bool  # after this event; tracked apart from the state (15.1.b)


class Window(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    start: Date
    end: Date
    citation: str


class Ground(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    """A revocation ground of 15.1 that arose, the day it arose and the deadline of the
    decision (15.2), with who decides."""

    rule_id: str
    citation: str
    citation_vi: str
    statement_vi: str
    statement_en: str
    arose_on: Date
    decision_due: Date
    decision_citation: str
    decided_by: str
    detail_vi: str
    detail_en: str
    failed_rules: tuple[str, ...]  # 15.1.c: the 9.1/9.2 rules no longer met
    # The decision's date counts or skips a computed day, or one on an unconfirmed document.
    decision_provisional: bool = False


class UndeterminedGround(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    """A revocation ground of 15.1 that arises only if a fact still unknown is true (say, whether
    an inspection record required remediation, 15.1.d): never reported as arisen; with the day
    it would arise and the missing fact, with the clauses asking for it."""

    rule_id: str
    citation: str
    citation_vi: str
    statement_vi: str
    statement_en: str
    would_arise_on: Date
    missing_facts: tuple[MissingFact, ...]
    detail_vi: str
    detail_en: str


class Lifecycle(Record, tag="lifecycle", frozen=True, kw_only=True):
    """The sandbox's state by the cited transition table, its dates (testing start and end,
    extension window of 14.1, results-report date of 18.4) and revocation grounds."""

    state: str
    as_of: Date
    history: tuple[HistoryEntry, ...]
    testing_start: Date | None
    testing_started_on: Date | None  # 15.1.b: tracked apart from the state
    approved_end: Date | None
    extended_end: Date | None
    end: Date | None
    extension_window: Window | None
    results_report_due: Date | None
    revocation_grounds: tuple[Ground, ...]
    undetermined_grounds: tuple[UndeterminedGround, ...]
    ended_on: Date | None  # revoked or concluded: no participant duty falls due after
    warnings: tuple[str, ...]
    interpretations_used: dict[str, str]
    provenance: Provenance
    duties: Duties | None = None
    warnings_vi: tuple[str, ...] = ()  # the same warnings in Vietnamese, in the same order


class DateSpan(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    start: Date
    end: Date


class Obligation(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    """One dated or open duty of the schedule (Art. 15, 17-19); ``duty`` is the checklist duty
    (duties()) it is part of."""

    id: str
    citation: str
    actor: Literal["participant", "authority"]
    title_vi: str
    title_en: str
    due: Date | None
    window: DateSpan | None
    status: ObligationStatus
    detail_vi: str
    detail_en: str
    provisional: bool
    duty: str | None


class Obligations(Record, tag="obligations", frozen=True, kw_only=True):
    """The obligations schedule across the testing period, as of a date."""

    as_of: Date
    start: Date | None
    end: Date | None
    ended_on: Date | None  # revoked or concluded: nothing of the participant's falls due after
    items: tuple[Obligation, ...]
    interpretations_used: dict[str, str]
    provenance: Provenance


class Duty(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    rule_id: str
    citations: tuple[str, ...]
    statement_vi: str
    statement_en: str
    complied: bool | None


class Obstacle(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    """What stands in the way of Art. 22's exemption: a checklist duty recorded as not
    complied, or a schedule item overdue, met late or undetermined past its date;
    ``declared`` is what the checklist says of that duty."""

    source: Literal["checklist", "schedule"]
    id: str
    citation: str
    status: Literal["not_complied", "overdue", "done_late", "undetermined"]
    due: Date | None
    title_vi: str
    title_en: str
    duty: str | None
    declared: bool | None


class Exemption(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    """Art. 22's exemption evaluated from the checklist and, for a participant, from the
    computed schedule (``schedule_checked``); null while facts are missing. ``remit``: the
    Art. 20 clauses counted for 22.1 (null = unknown)."""

    rule_id: str
    citation: str
    statement_vi: str
    statement_en: str
    exempt: bool | None
    missing: tuple[str, ...]
    standing_in_way: tuple[Obstacle, ...]
    schedule_checked: bool
    remit: tuple[str, ...] | None
    interpretations: tuple[str, ...]


class Duties(Record, tag="duties", frozen=True, kw_only=True):
    """The duties checklist of a participant or an authority and Art. 22's exemption."""

    actor: Literal["participant", "authority"]
    duties: tuple[Duty, ...]
    exemption: Exemption
    interpretations_used: dict[str, str]


def from_dict(kind: type[Any], data: dict[str, Any]) -> Any:
    """Build a record from its dict form (used where a result still assembles a dict)."""
    return msgspec.convert(data, kind, from_attributes=False)


__all__ = [
    "DayStep",
    "Deadline",
    "Duties",
    "Duty",
    "Exemption",
    "Ground",
    "HistoryEntry",
    "Lifecycle",
    "MissingFact",
    "Note",
    "Obligation",
    "ObligationStatus",
    "Obligations",
    "Obstacle",
    "PeriodRecord",
    "Timeline",
    "TimelineStep",
    "Timelines",
    "UndeterminedGround",
    "Window",
]
