"""The life of a sandbox after issue: a cited transition table, the testing period and its
windows, revocation grounds with their dates, and the record that drives them.

The transitions are the TRANSITION rules of ``rules/art13_22_lifecycle.py``; an event not
allowed in the current state raises :class:`InvalidTransitionError` naming the rule. A
record is replayed in date order, so the history is serialisable and reproducible.

Whether testing has started is tracked apart from the state (15.1.b foresees an adjustment
or extension asked for before deployment): a certificate may be adjusted or extended before
or after the start, and testing starts once. A returned dossier ends the procedure it was
filed in (13.3.b, 16.3.b), not the certificate. An ``applicant_changed`` event carries the
applicant's Art. 9 facts as they became after issue; 15.1.c is evaluated from them with the
eligibility rules of 9.1 and 9.2 (never 9.3). Facts the event leaves out are taken as they
were when the certificate was issued, i.e. not as a change.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache, lru_cache
from types import MappingProxyType
from typing import Any, Literal

from pydantic import Field, field_validator, model_validator

from sandbox_rules import time_records as tr
from sandbox_rules._keys import Keyed, scalar_key, value_key
from sandbox_rules._validation import Day, Flag, Readings, StrictInput, as_day
from sandbox_rules.calendar import Days, VietnamCalendar
from sandbox_rules.calendar.periods import add_months
from sandbox_rules.errors import InputValidationError, InvalidTransitionError, brief
from sandbox_rules.facts import FactSpec
from sandbox_rules.interpretations import Interpretations
from sandbox_rules.models import Applicant, Application
from sandbox_rules.records import MissingFact
from sandbox_rules.rules import registry
from sandbox_rules.rules.model import Rule, RuleKind

# Events that happen during a sandbox's life without changing its state.
RECORD_EVENTS = (
    "dossier_received",
    "dossier_complete",
    "adjustment_requested",
    "extension_requested",
    "inspection_ended",
    "remediation_done",
    "incident_found",
    "incident_phoned",
    "incident_report_submitted",
    "incident_unremediable",
    "revocation_requested",
    "applicant_changed",
    "quarterly_report_submitted",
    "results_report_submitted",
    "conclusion_requested",
)


# States in which the certificate's life has ended: no participant duty falls due after.
ENDED = ("revoked", "concluded")


def transition_rules() -> list[Rule]:
    return [r for r in registry().group("lifecycle") if r.kind is RuleKind.TRANSITION]


@cache
def _transitions_of(event: str) -> tuple[Rule, ...]:
    # The registry is immutable: the candidates of each event are found once.
    return tuple(r for r in transition_rules() if r.outcome["event"] == event)


@lru_cache(maxsize=1024)
def _allowed(rule_id: str, interp: Interpretations) -> bool:
    """Whether a transition rule's condition (on readings only) holds under ``interp``: kept
    per rule and readings (the registry and readings are immutable)."""
    rule = registry().get(rule_id)
    facts = {f"interp.{i}": interp[i] for i in rule.interpretations}
    return rule.condition.evaluate(facts) is True


@cache
def _transition_events() -> tuple[str, ...]:
    return tuple(dict.fromkeys(str(r.outcome["event"]) for r in transition_rules()))


@cache
def _event_types() -> tuple[str, ...]:
    return RECORD_EVENTS + _transition_events()


#: Most events one record may hold (a resource bound: a real sandbox has a few dozen).
MAX_EVENTS = 1_000


_INSPECTION_KINDS = ("periodic", "ad_hoc")  # 17.2: "định kỳ 01 lần/năm hoặc đột xuất"


class Event(StrictInput):
    _what = "input.event"  # the input's name: a key of the tables

    type: str = Field(description="a lifecycle event (life.* rules) or a record event")
    date: Day = Field(description="the day it happened")
    months: int | None = Field(
        None,
        ge=1,
        le=12_000,
        description="extension_requested/approved: the extension's length in months (14, "
        "10.2); adjustment_approved: the months by which the adjustment lengthens the approved "
        "period (13.2.c), absent if it does not (at most 1000 years: a resource bound)",
    )
    applicant: Applicant | None = Field(
        None,
        description="applicant_changed: the applicant's Art. 9(1)/9(2) facts as they now are "
        "(15.1.c); facts left out are not changes",
    )
    note: str | None = None
    remediation_required: Flag = Field(
        None,
        description="inspection_ended: whether the inspection record (biên bản kiểm tra, 17.2) "
        "requires shortcomings or violations to be remedied (17.3, 15.1.d); absent = unknown",
    )
    inspection_kind: Literal["periodic", "ad_hoc"] | None = Field(
        None,
        description="inspection_ended: which inspection of 17.2 it was, the periodic one "
        "('định kỳ 01 lần/năm') or an ad hoc one ('đột xuất khi có dấu hiệu thực hiện không "
        "đúng, không đầy đủ'); a periodic one is the year's inspection (17.2), an ad hoc one "
        "under the reading ad-hoc-inspection; absent = not stated (reading "
        "inspection-kind-unstated)",
    )

    @field_validator("type", mode="before")
    @classmethod
    def _by_name(cls, value: Any) -> Any:
        """An event written by its Vietnamese name, as the messages print it («bắt đầu thử
        nghiệm»), is that event; only a name no other event shares."""
        if isinstance(value, str) and value not in _event_types():
            from sandbox_rules.i18n import by_name

            code, _ = by_name(value, _event_types(), tables=("event",))
            return code or value
        return value

    @field_validator("inspection_kind", mode="before")
    @classmethod
    def _kind_by_name(cls, value: Any) -> Any:
        """An inspection's kind written by its Vietnamese name («định kỳ», «đột xuất») is that
        kind, on every surface, as an event's type is."""
        if isinstance(value, str) and value not in _INSPECTION_KINDS:
            from sandbox_rules.i18n import by_name

            code, _ = by_name(value, _INSPECTION_KINDS, tables=("value",))
            return code or value
        return value

    @field_validator("type", mode="after")
    @classmethod
    def _known_type(cls, value: str) -> str:
        # A field's own check: an unknown type is said even when the date is wrong too.
        # The errors are ValueErrors (pydantic names the field) with their message keys.
        if value not in _event_types():
            import difflib

            from sandbox_rules.i18n import Codes

            near = difflib.get_close_matches(value, _event_types(), n=1, cutoff=0.75)
            if near:  # "quaterly_report_submitted": the one meant, not the list of 30
                raise InputValidationError.from_key(
                    "error.lifecycle.unknown_event_near", given=brief(value), suggestion=near[0]
                )
            raise InputValidationError.from_key(
                "error.lifecycle.unknown_event",
                given=brief(value),
                events=Codes("event", (*_transition_events(), *RECORD_EVENTS)),
            )
        return value

    @model_validator(mode="after")
    def _known(self) -> Event:
        if self.remediation_required is not None and self.type != "inspection_ended":
            raise InputValidationError.from_key("error.lifecycle.remediation")
        if self.inspection_kind is not None and self.type != "inspection_ended":
            raise InputValidationError.from_key("error.lifecycle.inspection_kind")
        if (self.type == "applicant_changed") != (self.applicant is not None):
            raise InputValidationError.from_key("error.lifecycle.applicant")
        if self.months is not None and self.type not in (
            "extension_requested",
            "extension_approved",
            "adjustment_approved",
        ):
            raise InputValidationError.from_key("error.lifecycle.months")
        return self


class SandboxRecord(StrictInput):
    """What is known of one sandbox: the certificate's terms and the events so far."""

    _what = "input.record"

    name: str | None = None
    applicant_kind: Literal["organisation", "individual"] | None = None
    defence_or_cipher: Flag = Field(None, description="15.3, 16.4: Ministry of National Defence")
    issued_on: Day | None = Field(None, description="date of the participation certificate")
    testing_start: Day | None = Field(
        None, description="start of the approved period (default: issued_on)"
    )
    approved_months: int | None = Field(
        None, ge=1, le=24, description="approved length (10.2: at most 2 years)"
    )
    approved_end: Day | None = Field(None, description="alternatively, the approved end date")
    events: list[Event] = Field(default_factory=list, max_length=MAX_EVENTS)
    interpretations: Readings = Field(default_factory=dict)

    @model_validator(mode="before")
    @classmethod
    def _applicant_kind(cls, data: Any) -> Any:
        """An ``applicant_changed`` event's applicant without ``kind`` is of the record's
        ``applicant_kind`` (what it leaves out is unchanged, the template says)."""
        if not isinstance(data, dict) or data.get("applicant_kind") not in (
            "organisation",
            "individual",
        ):
            return data
        events = data.get("events")
        if not isinstance(events, list):
            return data
        filled = []
        for e in events:
            applicant = e.get("applicant") if isinstance(e, dict) else None
            if (
                isinstance(e, dict)
                and e.get("type") == "applicant_changed"
                and isinstance(applicant, dict)
                and "kind" not in applicant
            ):
                e = {**e, "applicant": {"kind": data["applicant_kind"], **applicant}}
            filled.append(e)
        return {**data, "events": filled}

    @model_validator(mode="after")
    def _check(self) -> SandboxRecord:
        start = self.testing_start or self.issued_on
        if start is not None and self.approved_end is not None and self.approved_end < start:
            from sandbox_rules.i18n import Day as On

            which = "testing_start" if self.testing_start else "issued_on"
            raise InputValidationError.from_key(
                "error.lifecycle.approved_end",
                end=On(self.approved_end),
                which=which,
                start=On(start),
            )
        for e in self.events:
            if e.applicant is not None and self.applicant_kind not in (None, e.applicant.kind):
                from sandbox_rules.i18n import Day as On

                raise InputValidationError.from_key(
                    "error.lifecycle.applicant_kind",
                    date=On(e.date),
                    kind=e.applicant.kind,
                    record_kind=str(self.applicant_kind),
                )
        return self


def record_key(rec: SandboxRecord) -> tuple[Any, ...]:
    """The values of ``rec`` that lifecycle and obligations read, as a hashable tuple (not
    ``name``, which they do not read): two records with equal keys give equal results, so
    results can be kept per key (:class:`sandbox_rules._keys.Keyed`). Numbers and flags
    carry their class; the applicant of an applicant_changed event is keyed by its values
    throughout. Raises TypeError for a value that cannot be part of a key (a record built
    without validation)."""
    return (
        rec.applicant_kind,
        scalar_key(rec.defence_or_cipher),
        rec.issued_on,
        rec.testing_start,
        scalar_key(rec.approved_months),
        rec.approved_end,
        tuple(rec.interpretations.items()),
        tuple(
            [
                (
                    e.type,
                    e.date,
                    scalar_key(e.months),
                    e.note,
                    scalar_key(e.remediation_required),
                    e.inspection_kind,
                    None if e.applicant is None else value_key(e.applicant),
                )
                for e in rec.events
            ]
        ),
    )


def load_record(data: Any) -> SandboxRecord:
    """Validate a mapping into a :class:`SandboxRecord` (ModelValidationError naming each field)."""
    return SandboxRecord.model_validate(data)


@dataclass(frozen=True, slots=True)
class HistoryEntry:
    on: date
    event: str
    state_before: str
    state_after: str
    rule_id: str | None
    testing_started: bool = False  # after this event (tracked apart from the state)

    def record(self) -> tr.HistoryEntry:
        return tr.HistoryEntry(
            on=self.on,
            event=self.event,
            from_=self.state_before,
            to=self.state_after,
            rule_id=self.rule_id,
            testing_started=self.testing_started,
        )


def _extension_facts(
    rec: SandboxRecord,
    granted: int,
    event: Event,
    start: date | None,
    end: date | None,
    interp: Interpretations,
) -> dict[str, Any]:
    """Facts for the declared 10.2 rules at an extension_approved event."""
    approved_days = (end - start).days if start and end else None
    ext_days = (add_months(end, event.months) - end).days if end and event.months else None
    facts: dict[str, Any] = {
        "lifecycle.extensions_granted": granted,
        "extension.months": event.months,
        "lifecycle.approved_months": rec.approved_months,
        "extension.days": ext_days,
        "lifecycle.approved_days": approved_days,
    }
    if interp["extension-limit"] == "compare-end-dates":
        facts["extension.months"] = facts["lifecycle.approved_months"] = None  # compare as days
    return facts


def counts_toward_10_2(event: str, months: int | None, interp: Interpretations) -> bool:
    """Whether an approval uses up 10.2's single extension: every Art. 14 extension, and an
    adjustment that lengthens the period (13.2.c) under lengthening-adjustment-counts."""
    if event == "extension_approved":
        return True
    return (
        event == "adjustment_approved"
        and months is not None
        and interp["lengthening-adjustment-counts"] == "counts-as-extension"
    )


def _refusal(state: str, event: str, citation: str, **why: Any) -> InvalidTransitionError:
    """``event`` refused in ``state`` by ``citation`` (the rules, ids and clauses), the events
    allowed in ``state`` listed; ``why``: the rest of InvalidTransitionError's reasons
    (``why_key`` and its fields, ``clauses``). Every refusal of the table is built here."""
    return InvalidTransitionError(state, event, _events_in(state), citation, **why)


def _refused_by(
    rule: Rule, state: str, event: str, why_key: str = "error.transition.rule", **fields: Any
) -> InvalidTransitionError:
    """``event`` refused by the declared ``rule``: ``why_key`` (with ``fields``) says why; by
    default the rule's statement, in each language."""
    if why_key == "error.transition.rule":
        from sandbox_rules.i18n import Texts

        fields = {"statement": Texts(rule.statement_vi, rule.statement_en), **fields}
    return _refusal(
        state,
        event,
        f"{rule.id} ({rule.citation.short})",
        clauses=rule.citation.short,
        why_key=why_key,
        **fields,
    )


def _mark(exc: InvalidTransitionError, rec: SandboxRecord, event: Event) -> InvalidTransitionError:
    """``exc`` knowing which of the record's events it refuses (``on``: its date, ``index``:
    its place in ``rec.events``, from 0), so a file's reader can name the event's line."""
    exc.on = event.date
    exc.index = next((i for i, x in enumerate(rec.events) if x is event), None)
    return exc


def _events_in(state: str) -> tuple[str, ...]:
    """The events the transition table allows in ``state``."""
    return tuple(
        dict.fromkeys(
            str(r.outcome["event"]) for r in transition_rules() if state in r.outcome["from"]
        )
    )


def apply_event(
    state: str,
    event: str,
    *,
    extensions: int = 0,
    started: bool = False,
    months: int | None = None,
    interpretations: Interpretations | None = None,
) -> tuple[str, Rule]:
    """The state after ``event``, by the transition table; raises InvalidTransitionError.

    ``extensions``: extensions of 10.2 already granted; ``started``: testing has started;
    ``months``: for adjustment_approved, how much it lengthens the period (13.2.c)."""
    interp = interpretations or Interpretations.of(None)
    candidates = _transitions_of(event)
    if not candidates:
        raise _refusal(state, event, "", why_key="error.transition.no_rule")
    if event == "testing_started" and started:
        raise _refused_by(candidates[0], state, event, "error.transition.started")
    r = next((c for c in candidates if state in c.outcome["from"]), None)
    if r is None:
        # the clauses (prose, no rule ids), the refusing one last: quoted
        ids = ", ".join(f"{c.id} ({', '.join(x.short for x in c.citations)})" for c in candidates)
        shorts = ", ".join(dict.fromkeys(x.short for c in candidates for x in c.citations))
        raise _refusal(state, event, ids, clauses=shorts)
    if not _allowed(r.id, interp):
        chosen = ", ".join(f"{i}={interp[i]}" for i in r.interpretations)
        raise _refused_by(r, state, event, "error.transition.reading", chosen=chosen)
    if counts_toward_10_2(event, months, interp):
        once = registry().get("scope.extension.once")  # 10.2, as declared
        if once.condition.evaluate({"lifecycle.extensions_granted": extensions}) is False:
            raise _refused_by(once, state, event)
    target = r.outcome["to"]
    return (state if target is None else str(target)), r


@dataclass(frozen=True, slots=True)
class RevocationGround:
    rule: Rule
    arose_on: date
    decision_due: date
    decided_by: str
    detail_vi: str
    detail_en: str
    failed_rules: tuple[str, ...] = ()  # 15.1.c: the 9.1/9.2 rules no longer met
    # 15.2's 15 days count or skip a day of a year without an official schedule, or one
    # resting on an unconfirmed document (VietnamCalendar.provisional_between).
    decision_provisional: bool = False

    def record(self) -> tr.Ground:
        return tr.Ground(
            rule_id=self.rule.id,
            citation=self.rule.citation.short,
            citation_vi=self.rule.citation.vi(),
            statement_vi=self.rule.statement_vi,
            statement_en=self.rule.statement_en,
            arose_on=self.arose_on,
            decision_due=self.decision_due,
            decision_citation="15.2",
            decided_by=self.decided_by,
            detail_vi=self.detail_vi,
            detail_en=self.detail_en,
            failed_rules=self.failed_rules,
            decision_provisional=self.decision_provisional,
        )


@dataclass(frozen=True, slots=True)
class UndeterminedGround:
    """A ground that arises only if an unknown fact is true (never reported as arisen)."""

    rule: Rule
    would_arise_on: date
    missing_facts: tuple[FactSpec, ...]
    detail_vi: str
    detail_en: str

    def record(self) -> tr.UndeterminedGround:
        return tr.UndeterminedGround(
            rule_id=self.rule.id,
            citation=self.rule.citation.short,
            citation_vi=self.rule.citation.vi(),
            statement_vi=self.rule.statement_vi,
            statement_en=self.rule.statement_en,
            would_arise_on=self.would_arise_on,
            missing_facts=tuple(
                MissingFact(
                    fact=f.name,
                    field=f.field,
                    label_vi=f.label_vi,
                    label_en=f.label_en,
                    asked_by=f.asked_by,
                )
                for f in self.missing_facts
            ),
            detail_vi=self.detail_vi,
            detail_en=self.detail_en,
        )


@dataclass(frozen=True, slots=True)
class LifecycleStatus:
    state: str
    as_of: date
    history: tuple[HistoryEntry, ...]
    testing_start: date | None
    testing_started_on: date | None
    approved_end: date | None
    extended_end: date | None
    extension_window: tuple[date, date] | None
    results_report_due: date | None
    revocation_grounds: tuple[RevocationGround, ...]
    warnings: tuple[str, ...]
    interpretations_used: Mapping[str, str]
    calendar_version: str
    undetermined_grounds: tuple[UndeterminedGround, ...] = ()
    warnings_vi: tuple[str, ...] = ()

    @property
    def end(self) -> date | None:
        return self.extended_end or self.approved_end

    @property
    def ended_on(self) -> date | None:
        """The day the certificate's life ended: revoked (15.2) or concluded (16.3.d)."""
        return next(
            (h.on for h in self.history if h.state_after in ENDED and h.state_before not in ENDED),
            None,
        )

    def record(self, duties: tr.Duties | None = None) -> tr.Lifecycle:
        """This status as its record (sandbox_rules.time_records.Lifecycle)."""
        from sandbox_rules.records import provenance

        window = self.extension_window
        return tr.Lifecycle(
            state=self.state,
            as_of=self.as_of,
            history=tuple(h.record() for h in self.history),
            testing_start=self.testing_start,
            testing_started_on=self.testing_started_on,
            approved_end=self.approved_end,
            extended_end=self.extended_end,
            end=self.end,
            extension_window=None
            if window is None
            else tr.Window(start=window[0], end=window[1], citation="14.1"),
            results_report_due=self.results_report_due,
            revocation_grounds=tuple(g.record() for g in self.revocation_grounds),
            undetermined_grounds=tuple(g.record() for g in self.undetermined_grounds),
            ended_on=self.ended_on,
            warnings=tuple(self.warnings),
            warnings_vi=tuple(self.warnings_vi),
            interpretations_used=dict(self.interpretations_used),
            provenance=provenance(calendar_version=self.calendar_version),
            duties=duties,
        )

    def to_dict(self) -> dict[str, Any]:
        return self.record().to_dict()

    def to_json(self, *, pretty: bool = False) -> str:
        return self.record().to_json(pretty=pretty)


def lifecycle(
    record: SandboxRecord | Mapping[str, Any],
    as_of: date,
    *,
    calendar: VietnamCalendar | None = None,
) -> LifecycleStatus:
    """Replay the record's events up to ``as_of``: state, history, windows, revocation grounds."""
    as_day(as_of, "as_of")
    rec = record if isinstance(record, SandboxRecord) else load_record(record)
    interp = Interpretations.of(rec.interpretations)
    cal = calendar or interp.calendar()
    # The status is a function of the record's values, the day and the calendar (immutable):
    # kept per those (bounded; immutable parts) with the shared calendar of the readings (a
    # calendar the caller built, with overrides perhaps, is not kept alive by a cache); the
    # dict of readings used is copied for every caller.
    if cal is not interp.calendar():
        return replay(rec, as_of, cal, interp)
    try:
        keyed = Keyed(record_key(rec), rec)
    except TypeError:  # a value that cannot be part of a key (not validated): computed
        return replay(rec, as_of, cal, interp)
    kept = _kept_lifecycle(keyed, as_of, cal)
    return LifecycleStatus(
        kept.state,
        kept.as_of,
        kept.history,
        kept.testing_start,
        kept.testing_started_on,
        kept.approved_end,
        kept.extended_end,
        kept.extension_window,
        kept.results_report_due,
        kept.revocation_grounds,
        kept.warnings,
        dict(kept.interpretations_used),
        kept.calendar_version,
        kept.undetermined_grounds,
        kept.warnings_vi,
    )


@lru_cache(maxsize=256)
def _kept_lifecycle(keyed: Keyed, as_of: date, cal: VietnamCalendar) -> LifecycleStatus:
    rec: SandboxRecord = keyed.take()
    return replay(rec, as_of, cal, Interpretations.of(rec.interpretations))


def replay(
    rec: SandboxRecord, as_of: date, cal: VietnamCalendar, interp: Interpretations
) -> LifecycleStatus:
    """:func:`lifecycle` computed (``as_of`` checked, ``interp`` the record's readings)."""
    events = sorted((e for e in rec.events if e.date <= as_of), key=lambda e: e.date)
    # The certificate counts from its date: on a day before it the record is at its
    # application, as it is before a certificate_issued event (trial 3, F21).
    issued_on = rec.issued_on if rec.issued_on is not None and rec.issued_on <= as_of else None
    state = "applied" if issued_on is None else "issued"
    history: list[HistoryEntry] = []
    extensions = 0  # toward 10.2's single extension
    lengthenings: list[int | None] = []  # months added to the period, in order
    started_on: date | None = None
    warnings: list[str] = []
    warnings_vi: list[str] = []

    def warn(en: str, vi: str) -> None:
        warnings.append(en)
        warnings_vi.append(vi)

    reg = registry()
    issued = issued_on or next((e.date for e in events if e.type == "certificate_issued"), None)
    # Before the certificate's date nothing is approved yet: no period, so no schedule.
    before_issue = rec.issued_on is not None and issued_on is None
    start = None if before_issue else rec.testing_start or issued
    approved_end = None if before_issue else rec.approved_end
    if approved_end is None and start is not None and rec.approved_months is not None:
        approved_end = add_months(start, rec.approved_months)  # Civil Code Art. 148(3)
    current_end = approved_end
    inside = interp["extension-window"] == "including-end-day"
    for e in events:
        if e.type == "extension_requested" and current_end is not None:
            w14 = cal.window_before(current_end, Days(30), include_target=inside)
            if e.date not in w14:
                warn(
                    f"extension requested on {e.date.isoformat()}, outside the 14.1 window "
                    f"{w14.start.isoformat()}..{w14.end.isoformat()}",
                    f"đề nghị gia hạn ngày {e.date:%d/%m/%Y} nằm ngoài thời gian quy định tại "
                    f"khoản 1 Điều 14 (từ {w14.start:%d/%m/%Y} đến {w14.end:%d/%m/%Y})",
                )
        if e.type in _RECORD_EVENT_SET:
            history.append(HistoryEntry(e.date, e.type, state, state, None, started_on is not None))
            continue
        if e.type == "certificate_issued" and issued_on is not None and state == "issued":
            continue  # the record's issued_on already put it in 'issued'
        counts = counts_toward_10_2(e.type, e.months, interp)
        if counts:
            # 10.2, as declared: no longer than the approved period ("once" is in apply_event).
            facts = _extension_facts(rec, extensions, e, start, approved_end, interp)
            r = reg.get("scope.extension.max-approved-length")
            verdict = r.condition.evaluate(facts)
            if verdict is False:
                raise _mark(_refused_by(r, state, e.type), rec, e)
            if verdict is None:
                unknown = ", ".join(sorted(r.condition.missing(facts)))
                warn(
                    f"{r.id}: cannot be checked ({unknown} unknown)",
                    f"{r.id}: chưa kiểm tra được (chưa biết {unknown})",
                )
        try:
            new_state, rule_obj = apply_event(
                state,
                e.type,
                extensions=extensions,
                started=started_on is not None,
                months=e.months,
                interpretations=interp,
            )
        except InvalidTransitionError as exc:
            raise _mark(exc, rec, e) from None
        if counts:
            extensions += 1
        if e.type == "extension_approved" or (e.type == "adjustment_approved" and e.months):
            lengthenings.append(e.months)
            if current_end is not None and e.months is not None:
                current_end = add_months(current_end, e.months)
        if e.type == "testing_started":
            started_on = e.date
        history.append(
            HistoryEntry(e.date, e.type, state, new_state, rule_obj.id, started_on is not None)
        )
        state = new_state
    extended_end = None
    if lengthenings and approved_end is not None:
        if None in lengthenings:
            warn(
                "extension_approved without months: extended end unknown",
                "chấp thuận gia hạn không ghi số tháng: chưa biết ngày kết thúc sau gia hạn",
            )
        else:
            extended_end = current_end
    live = state in ("issued", "active", "adjusted", "extended")
    end = extended_end or approved_end
    window = None
    if end is not None and live and extensions == 0:
        # 14.1: "trước khi kết thúc thời gian thử nghiệm được phê duyệt": the period in force.
        w = cal.window_before(end, Days(30), include_target=inside)
        window = (w.start, w.end)
    results_due = None
    if end is not None:
        results_due = cal.latest_before(end, Days(30))
        if as_of >= end and live:
            warn(
                f"the {'extended' if extended_end else 'approved'} period ended on {end.isoformat()}: "
                "the conclusion certificate is to be considered (16.1.b)",
                f"thời gian thử nghiệm {'đã gia hạn' if extended_end else 'được phê duyệt'} đã kết thúc "
                f"ngày {end:%d/%m/%Y}: xem xét cấp Giấy chứng nhận kết thúc (điểm b khoản 1 Điều 16)",
            )
    grounds = _revocation_grounds(rec, events, issued, state, as_of, cal, interp)
    undetermined = _undetermined_grounds(rec, events, state, as_of, cal)
    changed = any(e.applicant is not None for e in events)  # only applicant_changed has one
    return LifecycleStatus(
        state,
        as_of,
        tuple(history),
        start,
        started_on,
        approved_end,
        extended_end,
        window,
        results_due,
        tuple(grounds),
        tuple(warnings),
        dict(_used(interp, changed)),
        cal.data_version,
        undetermined,
        tuple(warnings_vi),
    )


_RECORD_EVENT_SET = frozenset(RECORD_EVENTS)


@lru_cache(maxsize=256)
def _used(interp: Interpretations, applicant_changed: bool) -> Mapping[str, str]:
    """The readings a lifecycle records (a copy goes to each caller)."""
    ids = [
        "extension-window",
        "extension-limit",
        "lengthening-adjustment-counts",
        "revocation-timing",
        "roll-forward",
        "event-day-excluded",
        "issuance-return",
    ]
    if applicant_changed:
        ids += ["prosecution-scope", "conviction-expunged-scope"]
    return MappingProxyType(interp.used(*ids))


def conditions_not_met(
    applicant: Any, interp: Interpretations
) -> tuple[tuple[Rule, ...], tuple[Rule, ...]]:
    """15.1.c: the eligibility rules of 9.1 and 9.2 (never 9.3) that these applicant facts fail,
    and those they leave undecided."""
    from sandbox_rules.facts import extract_facts

    facts = extract_facts(Application(applicant=applicant), interp)
    failed: list[Rule] = []
    unknown: list[Rule] = []
    for r in registry().group("eligibility"):
        if not any(c.article == 9 and c.clause in (1, 2) for c in r.citations):
            continue
        if r.applies_if.evaluate(facts) is not True:
            continue
        verdict = r.condition.evaluate(facts)
        if verdict is False:
            failed.append(r)
        elif verdict is None:
            unknown.append(r)
    return tuple(failed), tuple(unknown)


def _failed_conditions(applicant: Applicant, interp: Interpretations) -> tuple[Rule, ...]:
    """``conditions_not_met(applicant, interp)[0]`` by the assessment's generated status
    function (sandbox_rules.codegen) instead of the tree evaluator; the same rules, in the
    same order (tests/test_post_issuance_lifecycle.py checks them equal)."""
    from sandbox_rules.engine import default_engine
    from sandbox_rules.facts import interp_facts_for

    engine = default_engine()
    kind = applicant.kind
    # As conditions_not_met's Application(applicant=applicant): the other parts are the
    # defaults (copied from an empty application, not validated again).
    app = _empty_application().model_copy(update={"applicant": applicant})
    statuses, _, _ = engine.status_fn[kind](app, interp_facts_for(interp))
    rules = engine.rules_of[kind]
    return tuple(rules[i] for i in _art_9_1_2(kind) if statuses[i] == "not_met")


@cache
def _empty_application() -> Application:
    from sandbox_rules.models import Individual

    return Application(applicant=Individual(kind="individual"))


@cache
def _art_9_1_2(kind: str) -> tuple[int, ...]:
    """Indexes, among the assessment's rules of ``kind``, of the rules of 9.1 and 9.2."""
    from sandbox_rules.engine import default_engine

    return tuple(
        i
        for i, r in enumerate(default_engine().rules_of[kind])
        if any(c.article == 9 and c.clause in (1, 2) for c in r.citations)
    )


def _revocation_grounds(
    rec: SandboxRecord,
    events: list[Event],
    issued: date | None,
    state: str,
    as_of: date,
    cal: VietnamCalendar,
    interp: Interpretations,
) -> list[RevocationGround]:
    if state not in ("issued", "active", "adjusted", "extended"):
        return []
    reg = registry()
    decided_by = (
        "Bộ Quốc phòng (khoản 3 Điều 15)"
        if rec.defence_or_cipher
        else "Cơ quan đã cấp Giấy chứng nhận (khoản 1 Điều 15)"
    )
    found: list[tuple[str, date, str, str, tuple[str, ...]]] = []
    # The first day of each event type, in one pass (events are in date order).
    first: dict[str, date | None] = dict.fromkeys(_event_types())
    for e in reversed(events):
        first[e.type] = e.date
    if first["revocation_requested"]:
        found.append(
            (
                "revoke.15.1.a.request",
                first["revocation_requested"],
                "Tổ chức, cá nhân đề nghị thu hồi.",
                "The holder asked for revocation.",
                (),
            )
        )
    if issued is not None:
        offset = 91 if interp["revocation-timing"] == "day-after-ninety" else 90
        ground_day = issued + timedelta(days=offset)
        started = first["testing_started"]
        # "không đề nghị điều chỉnh, gia hạn": an approval, refusal or return shows a request too.
        asked: list[date] = [
            d
            for d in (
                first[t]
                for t in (
                    "adjustment_requested",
                    "adjustment_approved",
                    "adjustment_refused",
                    "adjustment_returned",
                    "extension_requested",
                    "extension_approved",
                    "extension_refused",
                    "extension_returned",
                )
            )
            if d is not None
        ]
        if (
            as_of >= ground_day
            and (started is None or started >= ground_day)
            and not any(d < ground_day for d in asked)
        ):
            found.append(
                (
                    "revoke.15.1.b.no-start",
                    ground_day,
                    f"Cấp ngày {issued.strftime('%d/%m/%Y')}; đủ 90 ngày mà chưa triển khai, chưa đề nghị điều chỉnh, gia hạn.",
                    f"Issued {issued.isoformat()}; 90 days passed with no start and no adjustment or extension request.",
                    (),
                )
            )
    for e in events:
        if e.applicant is None:
            continue
        failed = _failed_conditions(e.applicant, interp)
        if failed:
            cites_vi = "; ".join(f"{r.statement_vi} ({r.citation.vi()})" for r in failed)
            cites_en = "; ".join(f"{r.statement_en} ({r.citation.en()})" for r in failed)
            found.append(
                (
                    "revoke.15.1.c.conditions",
                    e.date,
                    f"Ngày {e.date.strftime('%d/%m/%Y')}: không còn đáp ứng đầy đủ các điều kiện tại khoản 1, khoản 2 Điều 9 — điều kiện không đáp ứng: {cites_vi}",
                    f"On {e.date.isoformat()}: Art. 9(1)/(2) no longer fully met — condition not met: {cites_en}",
                    tuple(r.id for r in failed),
                )
            )
            break  # the ground arises once, on the first day it is shown
    # 15.1.d: only what the inspection record required to be remedied (17.3).
    for e, due in _unremedied(events, True, as_of, cal):
        done = remediation_due(e, events, cal)[1]
        # Done after the 17.3 day (and before as_of): late, not "not done".
        late = done is not None and done <= as_of
        found.append(
            (
                "revoke.15.1.d.remediation",
                due + timedelta(days=1),
                f"Kiểm tra kết thúc {e.date.strftime('%d/%m/%Y')}; hạn khắc phục {due.strftime('%d/%m/%Y')} (khoản 3 Điều 17) "
                + (
                    f"không được thực hiện đúng hạn (hoàn thành {done.strftime('%d/%m/%Y')})."
                    if late and done
                    else "không được thực hiện."
                ),
                f"Inspection ended {e.date.isoformat()}; remediation due {due.isoformat()} (Art. 17(3)) "
                + (
                    f"not done on time (completed {done.isoformat()})."
                    if late and done
                    else "not done."
                ),
                (),
            )
        )
    if first["incident_unremediable"]:
        found.append(
            (
                "revoke.15.1.đ.incident",
                first["incident_unremediable"],
                "Sự cố, vi phạm không thể khắc phục.",
                "Incident or violation that cannot be remedied.",
                (),
            )
        )
    out = []
    for rule_id, arose, vi, en, failed_ids in found:
        counted = cal.deadline(arose, Days(15))  # 15.2: at the latest 15 days after the ground
        out.append(
            RevocationGround(
                reg.get(rule_id),
                arose,
                counted.date,
                decided_by,
                vi,
                en,
                failed_ids,
                counted.provisional,
            )
        )
    return sorted(out, key=lambda g: g.arose_on)


def remediation_due(
    inspection: Event, events: list[Event], cal: VietnamCalendar
) -> tuple[date, date | None]:
    """17.3: 30 days from the end of the inspection; and the day remediation was done, if so."""
    due = cal.deadline(inspection.date, Days(30)).date
    done = next(
        (x.date for x in events if x.type == "remediation_done" and x.date >= inspection.date),
        None,
    )
    return due, done


def _unremedied(
    events: list[Event], required: bool | None, as_of: date, cal: VietnamCalendar
) -> list[tuple[Event, date]]:
    """Inspections with this remediation_required whose 17.3 period ran out unremedied."""
    out = []
    for e in events:
        if e.type == "inspection_ended" and e.remediation_required is required:
            due, done = remediation_due(e, events, cal)
            if (done is None or done > due) and as_of > due:
                out.append((e, due))
    return out


def remediation_fact(rec: SandboxRecord, inspection: Event) -> FactSpec:
    """The fact 17.3 and 15.1.d turn on: did the inspection record require remediation?"""
    return FactSpec(
        "inspection.remediation_required",
        f"events[{rec.events.index(inspection)}].remediation_required",
        "Biên bản kiểm tra có yêu cầu khắc phục tồn tại, hạn chế hoặc vi phạm",
        "The inspection record requires shortcomings or violations to be remedied",
        ("17.2.par2", "17.3", "15.1.d"),
    )


def _undetermined_grounds(
    rec: SandboxRecord,
    events: list[Event],
    state: str,
    as_of: date,
    cal: VietnamCalendar,
) -> tuple[UndeterminedGround, ...]:
    """15.1.d where the inspection's findings are unknown and nothing was remedied in time."""
    if state not in ("issued", "active", "adjusted", "extended"):
        return ()
    out = []
    for e, due in _unremedied(events, None, as_of, cal):
        out.append(
            UndeterminedGround(
                registry().get("revoke.15.1.d.remediation"),
                due + timedelta(days=1),
                (remediation_fact(rec, e),),
                f"Kiểm tra kết thúc {e.date.strftime('%d/%m/%Y')}; không rõ biên bản kiểm tra có "
                f"yêu cầu khắc phục không. Nếu có, hạn khắc phục {due.strftime('%d/%m/%Y')} "
                "(khoản 3 Điều 17) đã qua mà chưa khắc phục.",
                f"Inspection ended {e.date.isoformat()}; whether its record requires remediation "
                f"is unknown. If it does, the remediation deadline {due.isoformat()} (Art. 17(3)) "
                "passed without remediation.",
            )
        )
    return tuple(out)
