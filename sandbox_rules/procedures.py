"""Procedure timelines (Art. 12.3-12.5, 13.3, 14.2, 16.3) as cited step tables.

Each step is a declared time-limit rule (its period, start event and end event); a procedure
lists its steps in order. Given the events that happened, every step gets a due date — from
the actual preceding event when known, else from the latest lawful date of the step before —
and a status as of a date: done on time, late by N working days, pending, overdue, paused
(clock stopped while the applicant clarifies) or not applicable. The worst-case end is the
last step's due date on those assumptions. Every date explains itself through the calendar.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache
from typing import Any

from sandbox_rules._validation import as_day, iso_form
from sandbox_rules.calendar import Days, Deadline, Period, VietnamCalendar, WorkingDays
from sandbox_rules.calendar.core import Step
from sandbox_rules.calendar.periods import period_from_dict
from sandbox_rules.errors import EventOrderError, InputValidationError, brief
from sandbox_rules.i18n import Cited, Codes, Day, Message, Term, Texts
from sandbox_rules.interpretations import DEFAULTS, Interpretations
from sandbox_rules.records import Consultee, IssuedDocument, as_builtins, provenance
from sandbox_rules.rules import registry
from sandbox_rules.rules.model import Rule
from sandbox_rules.time_records import Note, PeriodRecord, TimelineStep
from sandbox_rules.time_records import Timeline as TimelineRecord


@dataclass(frozen=True, slots=True)
class StepSpec:
    id: str
    rule_id: str
    actor: str  # authority | consultees | applicant
    label_vi: str
    label_en: str
    stoppable: bool = False  # extended by clarification time (interpretation clock-stop-scope)
    only_if: str | None = None  # the step exists only if this event happened
    on_miss_vi: str | None = None
    on_miss_en: str | None = None

    @property
    def rule(self) -> Rule:
        return registry().get(self.rule_id)

    @property
    def starts(self) -> str:
        return str(self.rule.outcome["starts"])

    @property
    def ends(self) -> str:
        return str(self.rule.outcome["ends"])


@dataclass(frozen=True, slots=True)
class IssuedSpec:
    """What the authority issues at the end of a procedure; ``forms`` in the text's order
    (the organisation's first under form-order=listed-order)."""

    name_vi: str
    name_en: str
    citation: str
    forms: tuple[str, str] | None = None

    def record(self, interp: Interpretations) -> IssuedDocument:
        forms = None
        if self.forms is not None:
            org, ind = self.forms if interp["form-order"] == "listed-order" else self.forms[::-1]
            forms = {"organisation": org, "individual": ind}
        return IssuedDocument(
            name_vi=self.name_vi, name_en=self.name_en, citation=self.citation, forms=forms
        )


def _related(
    cite: str, vi: str = "Các đơn vị có liên quan", en: str = "Related units"
) -> Consultee:
    return Consultee(id="related-units", name_vi=vi, name_en=en, citation=cite)


NDC_CONSULTEE = Consultee(
    id="BCA-NDC",
    name_vi="Bộ Công an (Trung tâm dữ liệu quốc gia)",
    name_en="Ministry of Public Security (National Data Center)",
    citation="12.3.b",
)
OWNING_UNITS_CONSULTEE = Consultee(
    id="data-owning-units",
    name_vi="Đơn vị chủ quản dữ liệu",
    name_en="The data-owning units",
    citation="12.4.b.par1",
)
CONSULTEES: dict[str, tuple[Consultee, ...]] = {
    "issuance-12.3": (NDC_CONSULTEE, _related("12.3.b")),
    "issuance-12.4": (
        OWNING_UNITS_CONSULTEE,
        Consultee(
            id="BKHCN",
            name_vi="Bộ Khoa học và Công nghệ",
            name_en="Ministry of Science and Technology",
            citation="12.4.b.par1",
        ),
        _related("12.4.b.par1", "Các đơn vị khác có liên quan", "Other related units"),
    ),
    "reissue-12.5": (),
    "adjustment-13.3": (_related("13.3.b.par1"),),
    "extension-14": (_related("13.3.b.par1"),),  # 14.2: by the procedure of 13.3
    "conclusion-16.3": (
        _related(
            "16.3.b.par1", "Các cơ quan, tổ chức có liên quan", "Related agencies and organisations"
        ),
    ),
}

CERTIFICATE = ("Giấy chứng nhận tham gia hoạt động thử nghiệm có kiểm soát (bản giấy và bản điện tử)",
               "Participation certificate (paper and electronic)")  # fmt: skip
ISSUES: dict[str, IssuedSpec] = {
    "issuance-12.3": IssuedSpec(*CERTIFICATE, "12.3.d", ("HĐTN03", "HĐTN04")),
    "issuance-12.4": IssuedSpec(*CERTIFICATE, "12.4.d", ("HĐTN03", "HĐTN04")),
    "reissue-12.5": IssuedSpec(
        "Giấy chứng nhận cấp lại (bản giấy)", "Re-issued paper certificate", "12.5"
    ),
    "adjustment-13.3": IssuedSpec(
        "Văn bản chấp thuận việc điều chỉnh (bản giấy và bản điện tử)",
        "Written approval of the adjustment (paper and electronic)",
        "13.3.c",
    ),
    "extension-14": IssuedSpec(
        "Quyết định gia hạn hoạt động thử nghiệm", "Decision extending the testing", "14.2"
    ),
    "conclusion-16.3": IssuedSpec(
        "Giấy chứng nhận kết thúc hoạt động thử nghiệm có kiểm soát",
        "Conclusion certificate",
        "16.3.d",
        ("HĐTN11", "HĐTN12"),
    ),
}


def issued_document(procedure_id: str, interp: Interpretations) -> IssuedDocument:
    return ISSUES[procedure_id].record(interp)


def issuance_procedure_id(procedure: str | None) -> str | None:
    """The timeline procedure of a routing procedure (12.3, 12.4; 12.6 has its own rules)."""
    return {"12.3": "issuance-12.3", "12.4": "issuance-12.4"}.get(procedure or "")


@dataclass(frozen=True, slots=True)
class Procedure:
    id: str
    title_vi: str
    title_en: str
    steps: tuple[StepSpec, ...]
    notes: tuple[str, ...] = ()  # rule ids of notes (filing, optional council)
    stop: tuple[str, str] | None = None  # (request event, answer event) of the clock stop
    open_end_vi: str | None = None  # what the text leaves without a time limit
    open_end_en: str | None = None

    @property
    def consultees(self) -> tuple[Consultee, ...]:
        return CONSULTEES[self.id]

    @property
    def issues(self) -> IssuedSpec:
        return ISSUES[self.id]


_CONSULT = ("Gửi văn bản lấy ý kiến", "Send the consultation")
_REPLY = ("Các đơn vị được lấy ý kiến trả lời", "Consulted units reply")
_DECIDE = ("Quyết định cấp hoặc từ chối", "Decide: issue or refuse")
_RETURN = (
    "Quá hạn mà không giải trình, bổ sung: cơ quan có văn bản trả lại hồ sơ.",
    "Not answered in time: the authority returns the dossier in writing.",
)


def _adjustment_like(pid: str, vi: str, en: str, extra_notes: tuple[str, ...] = ()) -> Procedure:
    return Procedure(
        pid,
        vi,
        en,
        (
            StepSpec("consult", "time.13.3.b.consult", "authority", *_CONSULT, stoppable=True),
            StepSpec(
                "clarify",
                "time.13.3.b.par2.clarify",
                "applicant",
                "Giải trình, hoàn thiện hồ sơ",
                "Clarify or complete the dossier",
                only_if="clarification_requested",
                on_miss_vi=_RETURN[0],
                on_miss_en=_RETURN[1],
            ),
            StepSpec("replies", "time.13.3.c.replies", "consultees", *_REPLY),
        ),
        ("proc.13.3.a.file", *extra_notes),
        stop=("clarification_requested", "clarification_received"),
        open_end_vi="Khoản 3 Điều 13 không quy định thời hạn ra văn bản chấp thuận sau khi nhận ý kiến.",
        open_end_en="Art. 13(3) sets no time limit for the approval after the replies.",
    )


PROCEDURES: dict[str, Procedure] = {
    p.id: p
    for p in (
        Procedure(
            "issuance-12.3",
            "Cấp Giấy chứng nhận: một nguồn dữ liệu của một đơn vị (khoản 3 Điều 12)",
            "Issuance, one source of one unit (Art. 12(3))",
            (
                StepSpec("consult", "time.12.3.b.consult", "authority", *_CONSULT),
                StepSpec("replies", "time.12.3.c.replies", "consultees", *_REPLY),
                StepSpec("decide", "time.12.3.d.decide", "authority", *_DECIDE),
            ),
        ),
        Procedure(
            "issuance-12.4",
            "Cấp Giấy chứng nhận: hai nguồn dữ liệu của hai đơn vị (khoản 4 Điều 12)",
            "Issuance, two sources of two units (Art. 12(4))",
            (
                StepSpec("consult", "time.12.4.b.consult", "authority", *_CONSULT),
                StepSpec("replies", "time.12.4.c.replies", "consultees", *_REPLY),
                StepSpec("decide", "time.12.4.d.decide", "authority", *_DECIDE),
            ),
            ("proc.12.4.b.council",),
        ),
        Procedure(
            "reissue-12.5",
            "Cấp lại bản giấy Giấy chứng nhận (khoản 5 Điều 12)",
            "Re-issue of the paper certificate (Art. 12(5))",
            (
                StepSpec(
                    "reissue",
                    "time.12.5.reissue",
                    "authority",
                    "Cấp lại hoặc trả lời nêu rõ lý do",
                    "Re-issue or refuse with reasons",
                ),
            ),
        ),
        _adjustment_like(
            "adjustment-13.3",
            "Điều chỉnh phương án thử nghiệm (khoản 3 Điều 13)",
            "Adjustment of the plan (Art. 13(3))",
        ),
        _adjustment_like(
            "extension-14",
            "Gia hạn thời gian thử nghiệm (Điều 14, theo khoản 3 Điều 13)",
            "Extension (Art. 14, by the Art. 13(3) procedure)",
        ),
        Procedure(
            "conclusion-16.3",
            "Cấp Giấy chứng nhận kết thúc (khoản 3 Điều 16)",
            "Conclusion certificate (Art. 16(3))",
            (
                StepSpec(
                    "completion-request",
                    "time.16.3.b.par2.complete-request",
                    "authority",
                    "Đề nghị bổ sung, hoàn thiện hồ sơ chưa hợp lệ",
                    "Ask for an incomplete dossier to be completed",
                    only_if="completion_requested",
                ),
                StepSpec(
                    "complete",
                    "time.16.3.b.par2.clarify",
                    "applicant",
                    "Bổ sung, giải trình hồ sơ",
                    "Complete or clarify the dossier",
                    only_if="completion_requested",
                    on_miss_vi=_RETURN[0],
                    on_miss_en=_RETURN[1],
                ),
                StepSpec("consult", "time.16.3.b.consult", "authority", *_CONSULT, stoppable=True),
                StepSpec("replies", "time.16.3.b.replies", "consultees", *_REPLY),
                StepSpec(
                    "issue",
                    "time.16.3.d.issue",
                    "authority",
                    "Cấp Giấy chứng nhận kết thúc",
                    "Issue the conclusion certificate",
                    stoppable=True,
                ),
            ),
            ("proc.16.3.a.file", "proc.16.3.c.council"),
            stop=("completion_requested", "completion_received"),
        ),
    )
}


def step_period(spec: StepSpec, interp: Interpretations) -> Period:
    """The step's period; the 10-day replies follow the interpretation consultation-days."""
    period = period_from_dict(dict(spec.rule.outcome["period"]))
    if (
        "consultation-days" in spec.rule.interpretations
        and interp["consultation-days"] == "working-days"
    ):
        return WorkingDays(period.n)
    return period


_STOP_VI = "dừng tính — thời gian giải trình, hoàn thiện hồ sơ không tính vào thời gian xử lý"
_STOP_EN = "stopped — clarification time is not counted in processing time"


@dataclass(frozen=True, slots=True)
class StepResult:
    spec: StepSpec
    start: date | None
    start_assumed: bool
    due: Deadline | None
    actual: date | None
    status: str
    late_working_days: int | None
    stopped_working_days: int
    note_vi: str | None
    note_en: str | None
    # The clock stop this step's due date was extended by: the request's day (the stop runs
    # from the day after) and the last stopped day (the answer, or as_of while unanswered).
    stop: tuple[date, date] | None = None

    @property
    def explanation(self) -> tuple[Step, ...]:
        """The due date day by day, each stopped day marked as stopped, not counted."""
        if self.due is None:
            return ()
        days = self.due.steps
        if self.stop is None:
            return days
        first, last = self.stop
        out = []
        stopped = 0
        for d in days:
            if first < d.date <= last and d.action in ("counted", "due"):
                stopped += 1
                if d.action == "due":  # the stop ran to the last day left: due on the answer
                    out.append(Step(d.date, "due", None, _STOP_VI + " → HẠN CUỐI",
                                    _STOP_EN + " → DUE", d.documents))  # fmt: skip
                else:
                    out.append(Step(d.date, "stopped", None, _STOP_VI, _STOP_EN, d.documents))
            elif d.count is not None and stopped:
                n = d.count - stopped
                out.append(
                    Step(
                        d.date,
                        d.action,
                        n,
                        d.reason_vi.replace(f"ngày thứ {d.count} ", f"ngày thứ {n} "),
                        d.reason_en.replace(f"day {d.count} ", f"day {n} "),
                        d.documents,
                    )
                )
            else:
                out.append(d)
        return tuple(out)

    def record(self, explain: bool = False) -> TimelineStep:
        r = self.spec.rule
        period = r.outcome["period"]
        return TimelineStep(
            step=self.spec.id,
            rule_id=r.id,
            citation=r.citation.short,
            citation_vi=r.citation.vi(),
            actor=self.spec.actor,  # type: ignore[arg-type]
            label_vi=self.spec.label_vi,
            label_en=self.spec.label_en,
            period=PeriodRecord(unit=period["unit"], n=period["n"]),
            effective_period=None
            if self.due is None
            else PeriodRecord(unit=self.due.period.unit, n=self.due.period.n),  # type: ignore[arg-type]
            starts_on_event=self.spec.starts,
            start=self.start,
            start_assumed=self.start_assumed,
            due=self.due.date if self.due else None,
            provisional=self.due.provisional if self.due else False,
            actual=self.actual,
            status=self.status,  # type: ignore[arg-type]
            late_working_days=self.late_working_days,
            clock_stopped_working_days=self.stopped_working_days,
            note_vi=self.note_vi,
            note_en=self.note_en,
            explanation=tuple(s.record() for s in self.explanation)
            if explain and self.due is not None
            else None,
        )

    def to_dict(self, explain: bool = False) -> dict[str, Any]:
        return as_builtins(self.record(explain))  # type: ignore[no-any-return]


@dataclass(frozen=True, slots=True)
class Timeline:
    procedure: Procedure
    steps: tuple[StepResult, ...]
    as_of: date
    worst_case_end: date | None
    interpretations_used: Mapping[str, str]
    calendar_version: str
    interpretations: Interpretations = DEFAULTS

    def record(self, explain: bool = False) -> TimelineRecord:
        """This timeline as its record (sandbox_rules.time_records.Timeline)."""
        notes = [registry().get(n) for n in self.procedure.notes]
        return TimelineRecord(
            procedure=self.procedure.id,
            title_vi=self.procedure.title_vi,
            title_en=self.procedure.title_en,
            as_of=self.as_of,
            steps=tuple(s.record(explain) for s in self.steps),
            worst_case_end=self.worst_case_end,
            consultees=self.procedure.consultees,
            issues=self.procedure.issues.record(self.interpretations),
            open_end_vi=self.procedure.open_end_vi,
            open_end_en=self.procedure.open_end_en,
            notes=tuple(
                Note(citation=n.citation.short, vi=n.statement_vi, en=n.statement_en) for n in notes
            ),
            interpretations_used=dict(self.interpretations_used),
            provenance=provenance(calendar_version=self.calendar_version),
        )

    def to_dict(self, explain: bool = False) -> dict[str, Any]:
        return self.record(explain).to_dict()

    def to_json(self, explain: bool = False, *, pretty: bool = False) -> str:
        return self.record(explain).to_json(pretty=pretty)


#: Most events a timeline takes (a procedure names fewer than ten).
MAX_TIMELINE_EVENTS = 50


def _parse_events(events: Mapping[str, Any]) -> tuple[dict[str, date], list[dict[str, Any]]]:
    """The events' dates, and a problem (an entry of an error's ``errors``) for each event
    that is not a date: every one of them, not the first alone."""
    if not isinstance(events, Mapping):
        raise InputValidationError.from_key(
            "error.events_not_mapping", kind=Term("type", type(events).__name__)
        )
    if len(events) > MAX_TIMELINE_EVENTS:
        raise InputValidationError.from_key(
            "error.procedure.too_many", count=len(events), limit=MAX_TIMELINE_EVENTS
        )
    out: dict[str, date] = {}
    problems: list[dict[str, Any]] = []
    for name, value in events.items():
        if not isinstance(name, str):
            raise InputValidationError.from_key("error.procedure.name_type", given=brief(name))
        if value is None:
            continue
        if isinstance(value, datetime):  # one policy everywhere: the day depends on a zone
            problems.append(
                _problem(name, "error.procedure.is_date_and_time", "datetime_type", given=value)
            )
            continue
        if isinstance(value, date):
            out[name] = value
            continue
        try:
            if not isinstance(value, str) or len(value) != 10:
                raise ValueError(value)
            out[name] = date.fromisoformat(value)
        except ValueError:
            iso = iso_form(value)  # written dd/mm/yyyy: the same day, as files write it
            problems.append(
                _problem(name, "error.procedure.not_date", "date_parsing", iso, given=value)
            )
    return out, problems


def _problem(
    name: str, key: str, kind: str, suggestion: str | None = None, **fields: object
) -> dict[str, Any]:
    """One event's problem as an entry of an error's ``errors`` (``loc``: ``events``, the
    event's name; a file's reader adds the line)."""
    from sandbox_rules.i18n import t

    shown = {
        k: v if isinstance(v, (Codes, Message, Texts)) else str(brief(v)).strip("'")
        for k, v in fields.items()
    }
    said = {lg: t(key, lg, **shown) for lg in ("vi", "en")}
    if suggestion is not None:
        said = {
            lg: f"{m}. {t('validation.suggest', lg, value=suggestion)}" for lg, m in said.items()
        }
    given = fields.get("given")
    return {
        "field": f"events.{name}",
        "loc": ["events", name],
        "line": None,
        "type": kind,
        "input": given if isinstance(given, (str, int, float, bool)) else None,
        "problem": said["en"],
        "problem_en": said["en"],
        "problem_vi": said["vi"],
        "msg": said["en"],
        "msg_vi": said["vi"],
        "suggestion": suggestion,
    }


def _events_error(problems: list[dict[str, Any]]) -> InputValidationError:
    """Every problem of a timeline's events in one error, each on its own line."""

    def lines(lang: str) -> str:
        key = "problem_vi" if lang == "vi" else "problem_en"
        return "".join(f"\n  {p['field']}: {p[key]}" for p in problems)

    return InputValidationError.from_key(
        "error.procedure.invalid_events",
        errors=problems,
        count=len(problems),
        problems=Texts(lines("vi"), lines("en")),
    )


@cache
def _order(proc: Procedure) -> list[tuple[str, str, object]]:
    """(earlier event, later event, why) pairs the procedure implies, closed transitively:
    each step ends on or after it starts; a clock stop's answer follows its request; a
    dossier is complete on or after it was received."""
    # Why: a step's rule and clause (codes, the same in both languages), or a message of the
    # tables; a chain of them reads "…, then …".
    direct: dict[tuple[str, str], object] = {}
    for spec in proc.steps:
        direct[(spec.starts, spec.ends)] = Cited(spec.rule.citation.short)  # prose, no rule id
    if proc.stop:
        direct[proc.stop] = Message("error.procedure.answer_follows", {})
    direct.setdefault(
        ("dossier_received", "dossier_complete"), Message("error.procedure.received_first", {})
    )
    pairs = dict(direct)
    changed = True
    while changed:  # a handful of events: a naive closure is enough
        changed = False
        for (a, b), why in list(pairs.items()):
            for (c, d), _ in list(pairs.items()):
                if b == c and a != d and (a, d) not in pairs:
                    pairs[(a, d)] = Message(
                        "error.procedure.then", {"first": why, "then": pairs[(c, d)]}
                    )
                    changed = True
    return [(a, b, why) for (a, b), why in sorted(pairs.items(), key=lambda kv: kv[0])]


def _check_order(proc: Procedure, ev: Mapping[str, date]) -> None:
    """Refuse events in an impossible order, naming both."""
    if proc.stop and proc.stop[1] in ev and proc.stop[0] not in ev:
        request, answer = proc.stop
        raise EventOrderError(
            "error.procedure.no_request",
            answer,
            request,
            answer=answer,
            date=Day(ev[answer]),
            request=request,
        )
    for first, second, why in _order(proc):
        if first in ev and second in ev and ev[second] < ev[first]:
            raise EventOrderError(
                "error.procedure.before",
                second,
                first,
                second=second,
                second_date=Day(ev[second]),
                first=first,
                first_date=Day(ev[first]),
                why=why,
            )


def timeline(
    procedure: str,
    events: Mapping[str, Any],
    as_of: date,
    *,
    interpretations: Mapping[str, str] | Interpretations | None = None,
    calendar: VietnamCalendar | None = None,
) -> Timeline:
    """The timeline of ``procedure`` (see :data:`PROCEDURES`) given the events so far."""
    proc = PROCEDURES.get(procedure) if isinstance(procedure, str) else None
    if proc is None:
        raise InputValidationError.from_key(
            "error.procedure_unknown", procedures=", ".join(PROCEDURES), given=brief(procedure)
        )
    as_day(as_of, "as_of")
    interp = (
        interpretations
        if isinstance(interpretations, Interpretations)
        else Interpretations.of(interpretations)
    )
    cal = calendar or interp.calendar()
    ev, problems = _parse_events(events)
    known: set[str] = set()
    for spec in proc.steps:
        known.update((spec.starts, spec.ends))
    if proc.stop:
        known.update(proc.stop)
    if any("reply-period-start" in spec.rule.interpretations for spec in proc.steps):
        known.add("consultation_received")
    known.add("dossier_received")
    for name in events:  # every unknown name, with a wrong date or not, beside those dates
        if isinstance(name, str) and name not in known:
            import difflib

            near = difflib.get_close_matches(name, sorted(known), n=1, cutoff=0.75)
            problems.append(
                _problem(
                    name,
                    "error.procedure.unknown_event",
                    "unknown_event",
                    near[0] if near else None,
                    given=name,
                    procedure=procedure,
                    known=Texts("", "")  # the nearest one said instead of them all
                    if near
                    else Message(
                        "error.procedure.known", {"known": Codes("event", tuple(sorted(known)))}
                    ),
                )
            )
    if problems:
        problems.sort(key=lambda p: list(events).index(p["loc"][1]))
        raise _events_error(problems)
    _check_order(proc, ev)  # the order needs every date, and only known events
    stop_start = ev.get(proc.stop[0]) if proc.stop else None
    stop_end = ev.get(proc.stop[1]) if proc.stop else None
    stop_scope = interp["clock-stop-scope"]
    results: list[StepResult] = []
    previous_due: dict[str, date] = {}  # event -> latest lawful date
    for spec in proc.steps:
        if spec.only_if and spec.only_if not in ev:
            results.append(
                StepResult(spec, None, False, None, None, "not_applicable", None, 0, None, None)
            )
            continue
        start = ev.get(spec.starts)
        assumed = False
        receipt_unknown = False
        if (
            "reply-period-start" in spec.rule.interpretations
            and interp["reply-period-start"] == "from-receipt"
        ):
            # 10 days from each consultee's receipt; unknown receipt: no earlier than sending.
            receipt_unknown = "consultation_received" not in ev
            start = ev.get("consultation_received", start)
            assumed = receipt_unknown and start is not None
        if start is None and spec.starts in previous_due:
            start, assumed = previous_due[spec.starts], True
        if start is None:
            results.append(
                StepResult(
                    spec, None, False, None, ev.get(spec.ends), "not_started", None, 0, None, None
                )
            )
            continue
        period = step_period(spec, interp)
        due = cal.deadline(start, period)
        stopped = 0
        paused = False
        actual = ev.get(spec.ends)
        stop_window: tuple[date, date] | None = None
        # "Thời gian giải trình, hoàn thiện hồ sơ không tính vào thời gian xử lý hồ sơ" stops
        # only the time still running: a step done on or before the day of the request has no
        # time left to stop, and keeps its due date.
        if (
            stop_start is not None
            and (spec.stoppable or (stop_scope == "all-steps" and spec.actor == "consultees"))
            and stop_start >= start
            and stop_start <= due.date
            and (actual is None or actual > stop_start)
        ):
            end_of_stop = stop_end if stop_end is not None else max(as_of, stop_start)
            paused = stop_end is None
            stopped = cal.working_days_between(stop_start, end_of_stop)
            if isinstance(period, WorkingDays):
                due = cal.deadline(start, WorkingDays(period.n + stopped))
            else:
                due = cal.deadline(start, Days(period.n + (end_of_stop - stop_start).days))
            stop_window = (stop_start, end_of_stop)
        note_vi = note_en = None
        late: int | None = None
        if actual is not None:
            if actual <= due.date:
                status = "done_on_time"
            else:
                status = "late"
                late = cal.working_days_between(due.date, actual)
                if spec.on_miss_vi:
                    note_vi, note_en = spec.on_miss_vi, spec.on_miss_en
        elif paused:
            status = "paused"
            note_vi = f"Thời hạn tạm dừng từ {stop_start:%d/%m/%Y} trong thời gian giải trình (không tính vào thời gian xử lý)."
            note_en = f"Clock stopped since {stop_start.isoformat()} while the applicant clarifies."  # type: ignore[union-attr]
        elif receipt_unknown and spec.starts in ev:
            status = "pending"  # from receipt, which is unknown: never shown to be overdue
            note_vi = "Chưa biết ngày nhận văn bản lấy ý kiến: hạn tính tạm từ ngày gửi (sớm nhất)."
            note_en = (
                "Receipt of the consultation unknown: due date counted from sending (earliest)."
            )
        elif assumed:
            status = (
                "waiting"  # the step before has not happened yet: its latest lawful date is used
            )
        elif as_of > due.date:
            status = "overdue"
            late = cal.working_days_between(due.date, as_of)
            if spec.on_miss_vi:
                note_vi, note_en = spec.on_miss_vi, spec.on_miss_en
        else:
            status = "pending"
        results.append(
            StepResult(
                spec,
                start,
                assumed,
                due,
                actual,
                status,
                late,
                stopped,
                note_vi,
                note_en,
                stop_window,
            )
        )
        previous_due[spec.ends] = actual if actual is not None else due.date
    dues = [r.due.date for r in results if r.due is not None and r.spec.actor != "applicant"]
    worst = dues[-1] if dues else None
    used = interp.used(
        "consultation-days",
        "reply-period-start",
        "event-day-excluded",
        "roll-forward",
        "clock-stop-scope",
        "form-order",
    )
    return Timeline(proc, tuple(results), as_of, worst, used, cal.data_version, interp)
