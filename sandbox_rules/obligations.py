"""Obligations schedule from issue to end (and after an extension): quarterly reports (18.3),
the results report (18.4), the extension window (14.1), yearly inspections (17.2),
remediation after inspections that require it (17.3), incident duties (18.5), risk
assessments (19.2), and the duties Art. 19 keeps after the end (continuing, undated).
Nothing of the participant's falls due after a revocation or conclusion.
Exports to JSON; the iCalendar file is a surface (sandbox_rules.surfaces.ics).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from types import MappingProxyType
from typing import Any

from sandbox_rules import time_records as tr
from sandbox_rules._keys import Keyed
from sandbox_rules._validation import as_day
from sandbox_rules.calendar import Days, VietnamCalendar
from sandbox_rules.calendar.periods import add_months
from sandbox_rules.interpretations import Interpretations
from sandbox_rules.law.citation import Citation
from sandbox_rules.lifecycle import (
    Event,
    LifecycleStatus,
    SandboxRecord,
    load_record,
    record_key,
    remediation_due,
    replay,
)
from sandbox_rules.records import as_builtins


@dataclass(frozen=True, slots=True)
class Obligation:
    id: str
    citation: str
    actor: str  # participant | authority
    title_vi: str
    title_en: str
    due: date | None  # a deadline, if the text fixes one
    window: tuple[date, date] | None  # a period the duty covers or must fall in
    status: tr.ObligationStatus
    detail_vi: str = ""
    detail_en: str = ""
    provisional: bool = False
    duty: str | None = None  # the checklist duty (duties()) this item is part of

    @property
    def dated(self) -> date | None:
        """The day the item falls due, or the last day of its window."""
        return self.due or (self.window[1] if self.window else None)

    def record(self) -> tr.Obligation:
        return tr.Obligation(
            id=self.id,
            citation=self.citation,
            actor=self.actor,  # type: ignore[arg-type]
            title_vi=self.title_vi,
            title_en=self.title_en,
            due=self.due,
            window=None
            if self.window is None
            else tr.DateSpan(start=self.window[0], end=self.window[1]),
            status=self.status,
            detail_vi=self.detail_vi,
            detail_en=self.detail_en,
            provisional=self.provisional,
            duty=self.duty,
        )

    def to_dict(self) -> dict[str, Any]:
        return as_builtins(self.record())  # type: ignore[no-any-return]


@dataclass(frozen=True, slots=True)
class Schedule:
    items: tuple[Obligation, ...]
    as_of: date
    start: date | None
    end: date | None
    interpretations_used: Mapping[str, str]
    calendar_version: str
    ended_on: date | None = None  # revocation or conclusion: nothing falls due after

    def record(self) -> tr.Obligations:
        """This schedule as its record (sandbox_rules.time_records.Obligations)."""
        from sandbox_rules.records import provenance

        return tr.Obligations(
            as_of=self.as_of,
            start=self.start,
            end=self.end,
            ended_on=self.ended_on,
            items=tuple(i.record() for i in self.items),
            interpretations_used=dict(self.interpretations_used),
            provenance=provenance(calendar_version=self.calendar_version),
        )

    def to_dict(self) -> dict[str, Any]:
        return self.record().to_dict()

    def to_json(self, *, pretty: bool = False) -> str:
        return self.record().to_json(pretty=pretty)


# Formatted by hand, not strftime: faster, and no locale can change the month names.
_MONTHS_EN = ("", "January", "February", "March", "April", "May", "June", "July", "August",
              "September", "October", "November", "December")  # fmt: skip


def _quarter_vi(first_day: date) -> str:
    """«I/2026»: a quarter as Vietnamese documents write it, in Roman numerals."""
    return f"{('I', 'II', 'III', 'IV')[(first_day.month - 1) // 3]}/{first_day.year}"


def _vi(d: date) -> str:
    """dd/mm/yyyy, as Vietnamese documents write a date."""
    return f"{d.day:02d}/{d.month:02d}/{d.year}"


def _quarter_start(d: date) -> date:
    return date(d.year, 3 * ((d.month - 1) // 3) + 1, 1)


def _status(due: date, done: date | None, as_of: date) -> tr.ObligationStatus:
    if done is not None:
        return "done" if done <= due else "done_late"
    return "overdue" if as_of > due else "upcoming"


def obligations(
    record: SandboxRecord | Mapping[str, Any],
    as_of: date,
    *,
    calendar: VietnamCalendar | None = None,
) -> Schedule:
    """The dated duties of the record up to and after ``as_of``: quarterly reports (18.3), the
    results report (18.4), the extension window (14.1), inspections (17.2, 17.3), incident
    reports (18.5), risk assessments (19.2) and the authority's revocation decisions (15.2);
    each with its status as of that day."""
    rec = record if isinstance(record, SandboxRecord) else load_record(record)
    interp = Interpretations.of(rec.interpretations)
    cal = calendar or interp.calendar()
    as_day(as_of, "as_of")
    # The schedule is a function of the record's values, the day and the calendar (which is
    # immutable): kept per those (bounded; its items are immutable) with the shared calendar
    # of the readings (a calendar the caller built, with overrides perhaps, is not kept alive
    # by a cache); the one mutable part, the dict of readings used, is copied for every caller.
    if cal is not interp.calendar():
        return _schedule(rec, as_of, cal, interp)
    try:
        keyed = Keyed(record_key(rec), rec)
    except TypeError:  # a value that cannot be part of a key (not validated): computed
        return _schedule(rec, as_of, cal, interp)
    kept = _kept_schedule(keyed, as_of, cal)
    return Schedule(
        kept.items,
        kept.as_of,
        kept.start,
        kept.end,
        dict(kept.interpretations_used),
        kept.calendar_version,
        kept.ended_on,
    )


@lru_cache(maxsize=256)
def _kept_schedule(keyed: Keyed, as_of: date, cal: VietnamCalendar) -> Schedule:
    rec: SandboxRecord = keyed.take()
    return _schedule(rec, as_of, cal, Interpretations.of(rec.interpretations))


def _schedule(
    rec: SandboxRecord, as_of: date, cal: VietnamCalendar, interp: Interpretations
) -> Schedule:
    """The schedule of :func:`obligations`, computed."""
    status = replay(rec, as_of, cal, interp)
    start, end, ended = status.testing_start, status.end, status.ended_on
    items: list[Obligation] = []
    # What happened after as_of is not known as of as_of.
    events = sorted((e for e in rec.events if e.date <= as_of), key=lambda e: e.date)
    if start is not None and end is not None:
        # Periodic duties run over the testing period, and stop with it at a revocation or
        # conclusion (issue 8, item 4).
        stop = min(end, ended) if ended else end
        if interp["quarterly-report-quarters"] == "quarters-of-testing":
            # Reports from the quarter testing was deployed in; none before it starts.
            deployed = status.testing_started_on
            if deployed is not None and deployed <= stop:
                items += _quarterly_reports(events, max(start, deployed), stop, as_of, cal, interp)
        else:
            items += _quarterly_reports(events, start, stop, as_of, cal, interp)
        items += _results_reports(events, status, end, as_of, cal, interp)
        if status.extension_window is not None:
            ws, we = status.extension_window
            items.append(
                Obligation(
                    "extension-window",
                    "14.1",
                    "participant",
                    "Thời gian được gửi đề nghị gia hạn (nếu có nhu cầu)",
                    "Window to request an extension (if wanted)",
                    None,
                    (ws, we),
                    "open" if ws <= as_of <= we else ("upcoming" if as_of < ws else "closed"),
                    "HĐTN13/HĐTN14 kèm Báo cáo kết quả",
                    "HĐTN13/HĐTN14 with the results report",
                )
            )
        items += _yearly_inspections(rec, events, start, stop, interp)
        items += _risk_assessments(start, stop, interp)
    items += _remediations(rec, events, as_of, cal)
    items += _incidents(events, as_of, cal, interp)
    if ended is not None:
        # Done when (issue 8): no participant duty dated after the revocation or conclusion.
        items = [
            i for i in items if i.actor != "participant" or i.dated is None or i.dated <= ended
        ]
    if start is not None or ended is not None:
        items += _continuing(status)
    decisions: set[tuple[str, date]] = set()
    per_clause: dict[str, int] = {}
    for g in status.revocation_grounds:
        clause = g.rule.citation.short
        if (clause, g.arose_on) in decisions:
            continue  # the same ground arising twice on one day calls for one decision
        decisions.add((clause, g.arose_on))
        # Ids carry no date (calendar files key on them): a second ground of a clause gets -2.
        per_clause[clause] = n = per_clause.get(clause, 0) + 1
        decision = f"revocation-decision-{clause}" + ("" if n == 1 else f"-{n}")
        items.append(
            Obligation(
                decision,
                "15.2",
                "authority",
                f"Quyết định thu hồi ({g.rule.citation.vi()})",
                f"Revocation decision ({g.rule.citation.en()})",
                g.decision_due,
                None,
                _status(g.decision_due, None, as_of),
                g.detail_vi,
                g.detail_en,
                g.decision_provisional,
            )
        )
    items.sort(key=lambda i: (i.due or (i.window[0] if i.window else date.max), i.id))
    used = interp.used(
        "quarterly-report-due",
        "quarterly-report-quarters",
        "results-report-after-extension",
        "results-report-with-extension-request",
        "incident-written-report",
        "extension-window",
        "roll-forward",
        "inspection-year",
        "inspection-individual",
        "inspection-kind-unstated",
        "ad-hoc-inspection",
        "risk-assessment-period",
    )
    return Schedule(tuple(items), as_of, start, end, used, cal.data_version, ended)


def _ends_in_force(
    events: list[Event], status: LifecycleStatus, end: date
) -> list[tuple[date | None, date]]:
    """The ends of the testing period in the order they were in force, each with the day it
    came into force (None: from issue): the approved end, then each end an approved
    extension or lengthening adjustment set (10.2, 13.2.c, 14)."""
    if status.extended_end is None or status.approved_end is None:
        return [(None, end)]
    out: list[tuple[date | None, date]] = [(None, status.approved_end)]
    current = status.approved_end
    for e in events:
        lengthens = e.type == "extension_approved" or e.type == "adjustment_approved"
        if lengthens and e.months:
            current = add_months(current, e.months)
            out.append((e.date, current))
    return out


def _results_reports(
    events: list[Event],
    status: LifecycleStatus,
    end: date,
    as_of: date,
    cal: VietnamCalendar,
    interp: Interpretations,
) -> list[Obligation]:
    """18.4: the results report at least 30 days before the end of the testing period.

    Under ``results-report-after-extension=new-report`` it is owed before each end in force:
    a report counts for the end in force on the day it is filed, so the one filed with an
    extension request answers the end before the extension, and the extended end needs its
    own; an end that moved after its report fell due keeps its item (``results-report-period-N``).
    Under ``earlier-report-counts`` the end in force alone has an item, met by any report."""
    submitted = [e.date for e in events if e.type == "results_report_submitted"]
    # 14.1 "kèm Báo cáo kết quả": a report filed on the day of an extension request (reading
    # results-report-with-extension-request).
    requested = {e.date for e in events if e.type == "extension_requested"}
    with_request = interp["results-report-with-extension-request"] == "with-request-on-time"
    inside = interp["extension-window"] == "including-end-day"
    if interp["results-report-after-extension"] == "earlier-report-counts":
        periods: list[tuple[date | None, date]] = [(None, end)]
    else:
        periods = _ends_in_force(events, status, end)
    out = []
    for k, (since, end_k) in enumerate(periods):
        until = periods[k + 1][0] if k + 1 < len(periods) else None
        due = cal.latest_before(end_k, Days(30))
        if until is not None and due >= until:
            continue  # the end moved before this report fell due: no duty for it
        done = next(
            (
                d
                for d in submitted
                if (since is None or d >= since) and (until is None or d < until)
            ),
            None,
        )
        title_vi, title_en = "Báo cáo kết quả hoạt động thử nghiệm", "Results report"
        detail_vi = f"Chậm nhất 30 ngày trước ngày kết thúc {_vi(end_k)}"
        detail_en = f"At least 30 days before the end on {end_k.isoformat()}"
        item_status = _status(due, done, as_of)
        if item_status == "done_late" and done is not None and with_request and done in requested:
            w14 = cal.window_before(end_k, Days(30), include_target=inside)
            if done in w14:
                item_status = "done"
                detail_vi += (
                    f"; nộp ngày {_vi(done)} kèm đề nghị gia hạn trong thời gian quy định tại "
                    "khoản 1 Điều 14, coi là đúng hạn (cách hiểu "
                    "results-report-with-extension-request)"
                )
                detail_en += (
                    f"; filed on {done.isoformat()} with the extension request within the "
                    "Art. 14(1) window, on time (reading results-report-with-extension-request)"
                )
        if item_status == "overdue" and done is None and with_request:
            # Past 18.4's date but inside the 14.1 window with no request yet: filed with a
            # request it is still on time (the same reading), so it is not yet overdue.
            w14 = cal.window_before(end_k, Days(30), include_target=inside)
            if as_of in w14 and not any(r in w14 and r <= as_of for r in requested):
                item_status = "undetermined"
                detail_vi += (
                    f"; còn đúng hạn nếu nộp kèm đề nghị gia hạn trong thời gian quy định tại "
                    f"khoản 1 Điều 14 (đến {_vi(w14.end)}), nếu không thì đã quá hạn (cách hiểu "
                    "results-report-with-extension-request)"
                )
                detail_en += (
                    "; still on time if filed with an extension request within the Art. 14(1) "
                    f"window (to {w14.end.isoformat()}), otherwise overdue (reading "
                    "results-report-with-extension-request)"
                )
        if until is not None:
            title_vi += f" (thời hạn trước khi gia hạn, đến {_vi(end_k)})"
            title_en += f" (period before the extension, to {end_k.isoformat()})"
            detail_vi += f", thời hạn có hiệu lực đến khi được gia hạn ngày {_vi(until)}"
            detail_en += f", the end in force until the extension of {until.isoformat()}"
        elif since is not None:
            title_vi += f" (thời hạn đã gia hạn, đến {_vi(end_k)})"
            title_en += f" (extended period, to {end_k.isoformat()})"
            detail_vi += (
                f" (thời hạn sau khi gia hạn ngày {_vi(since)}); báo cáo nộp trước ngày gia hạn "
                "là của thời hạn trước (cách hiểu results-report-after-extension)"
            )
            detail_en += (
                f" (the period as extended on {since.isoformat()}); a report filed before the "
                "extension is the earlier period's (reading results-report-after-extension)"
            )
        out.append(
            Obligation(
                "results-report" if until is None else f"results-report-period-{k + 1}",
                "18.4",
                "participant",
                title_vi,
                title_en,
                due,
                None,
                item_status,
                detail_vi,
                detail_en,
                cal.is_provisional(due),
                "duty.18.4.results-report",
            )
        )
    return out


def _quarterly_reports(
    events: list[Event],
    start: date,
    stop: date,
    as_of: date,
    cal: VietnamCalendar,
    interp: Interpretations,
) -> list[Obligation]:
    """18.3: one report for every calendar quarter of testing, due the 5th after it."""
    reports = [e.date for e in events if e.type == "quarterly_report_submitted"]
    out = []
    mode = interp["quarterly-report-due"]
    # Kept with the shared calendar of the readings only (see obligations).
    quarters = _kept_quarters if cal is interp.calendar() else _quarters
    for q_end, due, late, variants in quarters(start, stop, mode, cal):
        done = next((d for d in reports if q_end < d <= late), None)
        out.append(variants[_status(due, done, as_of)])
    return out


_REPORT_STATUSES: tuple[tr.ObligationStatus, ...] = ("done", "done_late", "overdue", "upcoming")


def _quarters(
    start: date, stop: date, mode: str, cal: VietnamCalendar
) -> tuple[tuple[date, date, date, Mapping[tr.ObligationStatus, Obligation]], ...]:
    """The quarterly reports of a testing period, each as (end of the quarter, due date, last
    day a report still counts for it, its item for every status it can have): they depend
    only on the period, the reading and the calendar (immutable), so they can be kept."""
    out = []
    q = _quarter_start(start)
    while q <= stop:
        q_next = add_months(q, 3)
        q_end = q_next - timedelta(days=1)
        nominal = date(q_next.year, q_next.month, 5)
        if mode == "next-working-day":
            due = cal.next_working_day(nominal)
        elif mode == "previous-working-day":
            due = cal.previous_working_day(nominal)
        else:
            due = nominal
        label = f"Q{(q.month - 1) // 3 + 1}/{q.year}"
        label_vi = _quarter_vi(q)
        item = Obligation(
            f"quarterly-report-{q.year}-Q{(q.month - 1) // 3 + 1}",
            "18.3",
            "participant",
            f"Báo cáo định kỳ quý {label_vi} (HĐTN08 tổ chức / HĐTN07 cá nhân)",
            f"Quarterly report {label} (HĐTN08 organisation / HĐTN07 individual)",
            due,
            (max(q, start), min(q_end, stop)),
            "upcoming",
            f"Số liệu từ {_vi(q)} đến {_vi(q_end)}; hạn chậm nhất ngày 05/"
            f"{nominal.month:02d}/{nominal.year}"
            + ("" if due == nominal else f", chuyển sang {_vi(due)}"),
            f"Data {q.isoformat()}..{q_end.isoformat()}; due 5 {_MONTHS_EN[nominal.month]} {nominal.year}"
            + ("" if due == nominal else f", moved to {due.isoformat()}"),
            # Rolled over days off: provisional if any day from the 5th to the due one is.
            cal.provisional_between(nominal, due),
            "duty.18.3.quarterly",
        )
        variants = MappingProxyType(
            {st: dataclasses.replace(item, status=st) for st in _REPORT_STATUSES}
        )
        out.append((q_end, due, due + timedelta(days=31), variants))
        q = q_next
    return tuple(out)


_kept_quarters = lru_cache(maxsize=256)(_quarters)


def _yearly_inspections(
    rec: SandboxRecord, events: list[Event], start: date, stop: date, interp: Interpretations
) -> tuple[Obligation, ...]:
    """17.2: the authority inspects 'tổ chức tham gia' on site 'định kỳ 01 lần/năm' (its duty)
    'hoặc đột xuất khi có dấu hiệu' of non-compliance. A year in which a periodic inspection
    ended (``inspection_ended``, its record drawn up) is done; an ad hoc one is the year's
    under the reading ``ad-hoc-inspection`` only; one of unstated kind is read under
    ``inspection-kind-unstated``."""
    return _inspections(
        rec.applicant_kind,
        start,
        stop,
        interp["inspection-individual"] == "organisations-only",
        interp["inspection-year"] == "calendar-year",
        tuple((e.date, e.inspection_kind) for e in events if e.type == "inspection_ended"),
        interp["inspection-kind-unstated"] == "counts-as-periodic",
        interp["ad-hoc-inspection"] == "counts-for-the-year",
    )


@lru_cache(maxsize=256)
def _inspections(
    kind: str | None,
    start: date,
    stop: date,
    organisations_only: bool,
    by_calendar_year: bool,
    inspected: tuple[tuple[date, str | None], ...] = (),
    unstated_is_periodic: bool = True,
    ad_hoc_counts: bool = False,
) -> tuple[Obligation, ...]:
    # Immutable items that depend only on these values: kept.
    if kind == "individual" and organisations_only:
        return (
            Obligation(
                "yearly-inspection-individual",
                "17.2",
                "authority",
                "Không có kiểm tra tại chỗ định kỳ hằng năm đối với cá nhân",
                "No yearly on-site inspection for an individual",
                None,
                None,
                "informational",
                "Khoản 2 Điều 17 quy định kiểm tra tại chỗ định kỳ 01 lần/năm đối với tổ chức tham gia "
                "(cách hiểu inspection-individual); vẫn có thể kiểm tra đột xuất, kiểm tra, giám sát "
                "định kỳ việc thử nghiệm (khoản 3 Điều 20) và khắc phục sau kiểm tra (khoản 3 Điều 17).",
                "Art. 17(2) sets the yearly on-site inspection for participating organisations "
                "(reading inspection-individual); ad hoc inspections, the periodic checks of the "
                "testing (Art. 20(3)) and remediation after an inspection (Art. 17(3)) still apply.",
            ),
        )
    unknown_kind = kind is None and organisations_only
    # 17.2: a periodic inspection is the year's ('định kỳ 01 lần/năm'); an ad hoc one ('đột
    # xuất khi có dấu hiệu ...') under ad-hoc-inspection; one of unstated kind under
    # inspection-kind-unstated.
    periodic = tuple(
        d
        for d, k in inspected
        if k == "periodic"
        or (k is None and unstated_is_periodic)
        or (k == "ad_hoc" and ad_hoc_counts)
    )
    unstated = tuple(d for d, k in inspected if k is None and not unstated_is_periodic)
    ad_hoc = tuple(d for d, k in inspected if k == "ad_hoc" and not ad_hoc_counts)
    out = []
    k = 0
    while True:
        if by_calendar_year:
            ys = max(start, date(start.year + k, 1, 1))
            ye = min(date(start.year + k, 12, 31), stop)
        else:
            # A year counted from the start ends on its corresponding day (Civil Code 2015 Art.
            # 147(1), 148(3)), as the testing period itself does (its end is start + months):
            # the next year begins the day after. So a period of whole years has as many
            # inspection years, and no one-day year at its end.
            ys = start if k == 0 else add_months(start, 12 * k) + timedelta(days=1)
            ye = min(add_months(start, 12 * (k + 1)), stop)
        if ys > stop:
            break
        held = next((d for d in periodic if ys <= d <= ye), None)
        maybe = next((d for d in unstated if ys <= d <= ye), None)
        extra = next((d for d in ad_hoc if ys <= d <= ye), None)
        detail_vi = "Cơ quan cấp phối hợp cơ quan chức năng; lập biên bản khi kết thúc."
        detail_en = "By the issuing authority with related agencies; a written record at the end."
        status: tr.ObligationStatus = "informational"
        if held is not None:
            status = "done"
            detail_vi += f" Đã kiểm tra trong năm này: kiểm tra kết thúc ngày {_vi(held)}."
            detail_en += f" Inspected this year: the inspection ended on {held.isoformat()}."
        elif maybe is not None:
            status = "undetermined"
            detail_vi += (
                f" Kiểm tra kết thúc ngày {_vi(maybe)} không ghi là định kỳ hay đột xuất; lần kiểm "
                "tra định kỳ là lần kiểm tra của năm (khoản 2 Điều 17; cách hiểu "
                "inspection-kind-unstated)."
            )
            detail_en += (
                f" The inspection that ended on {maybe.isoformat()} is not stated to be periodic "
                "or ad hoc; a periodic one is the year's (Art. 17(2); reading "
                "inspection-kind-unstated)."
            )
        if held is None and extra is not None:
            detail_vi += (
                f" Kiểm tra đột xuất kết thúc ngày {_vi(extra)} không thay cho kiểm tra định kỳ "
                "của năm (khoản 2 Điều 17; cách hiểu ad-hoc-inspection)."
            )
            detail_en += (
                f" The ad hoc inspection that ended on {extra.isoformat()} is not the year's "
                "periodic inspection (Art. 17(2); reading ad-hoc-inspection)."
            )
        out.append(
            Obligation(
                f"yearly-inspection-{k + 1}",
                "17.2",
                "authority",
                f"Kiểm tra tại chỗ định kỳ năm thứ {k + 1}",
                f"Periodic on-site inspection, year {k + 1}",
                None,
                (ys, ye),
                status,
                detail_vi + (" Áp dụng nếu bên tham gia là tổ chức." if unknown_kind else ""),
                detail_en
                + (" Applies if the participant is an organisation." if unknown_kind else ""),
            )
        )
        k += 1
    return tuple(out)


def _risk_assessments(start: date, stop: date, interp: Interpretations) -> tuple[Obligation, ...]:
    """19.2: 'định kỳ hàng tháng, quý đánh giá rủi ro' under the reading risk-assessment-period."""
    return _assessments(start, stop, interp["risk-assessment-period"] == "monthly-and-quarterly")


@lru_cache(maxsize=256)
def _assessments(start: date, stop: date, both: bool) -> tuple[Obligation, ...]:
    # Immutable items that depend only on the period and the reading: kept.
    out = []
    if both:
        m = date(start.year, start.month, 1)
        while m <= stop:
            m_end = add_months(m, 1) - timedelta(days=1)
            out.append(
                Obligation(
                    f"risk-assessment-{m.year}-{m.month:02d}",
                    "19.2",
                    "participant",
                    f"Đánh giá rủi ro tháng {m.month:02d}/{m.year}",
                    f"Risk assessment, {_MONTHS_EN[m.month]} {m.year}",
                    None,
                    (max(m, start), min(m_end, stop)),
                    "informational",
                    "Văn bản không ấn định ngày cụ thể.",
                    "The text fixes no particular day.",
                    duty="duty.19.2.risk-assessments",
                )
            )
            m = add_months(m, 1)
    q = _quarter_start(start)
    while q <= stop:
        q_end = add_months(q, 3) - timedelta(days=1)
        label = f"Q{(q.month - 1) // 3 + 1}/{q.year}"
        label_vi = _quarter_vi(q)
        out.append(
            Obligation(
                f"risk-assessment-{q.year}-Q{(q.month - 1) // 3 + 1}",
                "19.2",
                "participant",
                f"Đánh giá rủi ro quý {label_vi}",
                f"Risk assessment, quarter {label}",
                None,
                (max(q, start), min(q_end, stop)),
                "informational",
                "Văn bản không ấn định ngày cụ thể."
                + (
                    ""
                    if both
                    else " Đánh giá hằng tháng cũng đáp ứng (cách hiểu monthly-or-quarterly)."
                ),
                "The text fixes no particular day."
                + (
                    ""
                    if both
                    else " Monthly assessments satisfy it too (reading monthly-or-quarterly)."
                ),
                duty="duty.19.2.risk-assessments",
            )
        )
        q = add_months(q, 3)
    return tuple(out)


def _day_keys() -> Callable[[Event], str]:
    """Item keys by the event's day, with -2, -3 … for a second, third event that day."""
    seen: dict[date, int] = {}

    def key(e: Event) -> str:
        seen[e.date] = seen.get(e.date, 0) + 1
        n = seen[e.date]
        return e.date.isoformat() + ("" if n == 1 else f"-{n}")

    return key


def _remediations(
    rec: SandboxRecord, events: list[Event], as_of: date, cal: VietnamCalendar
) -> list[Obligation]:
    """17.3: 30 days to remedy what the inspection record asked for; none after a clean one."""
    out = []
    key = _day_keys()
    for e in events:
        if e.type != "inspection_ended" or e.remediation_required is False:
            continue
        due, done = remediation_due(e, events, cal)
        known = e.remediation_required is True
        out.append(
            Obligation(
                f"remediation-{key(e)}",
                "17.3",
                "participant",
                "Khắc phục tồn tại, vi phạm sau kiểm tra",
                "Remedy inspection findings",
                due,
                None,
                _status(due, done, as_of) if known or done else "undetermined",
                f"Kiểm tra kết thúc {_vi(e.date)}"
                + ("" if known else "; chỉ khi biên bản kiểm tra yêu cầu khắc phục (chưa rõ)"),
                f"Inspection ended {e.date.isoformat()}"
                + (
                    ""
                    if known
                    else "; only if the inspection record requires remediation (unknown)"
                ),
                provisional=cal.provisional_between(e.date, due),
                duty="duty.17.3.remediate",
            )
        )
    return out


def _incidents(
    events: list[Event], as_of: date, cal: VietnamCalendar, interp: Interpretations
) -> list[Obligation]:
    """18.5: telephone 'ngay', remedy 'đồng thời' (both on the day found), written report."""
    out = []
    phoned = [e.date for e in events if e.type == "incident_phoned"]
    written = [e.date for e in events if e.type == "incident_report_submitted"]
    key = _day_keys()
    for e in events:
        if e.type != "incident_found":
            continue
        found, day = e.date, key(e)
        call = next((d for d in phoned if d >= found), None)
        report = next((d for d in written if d >= found), None)
        for used, pool in ((call, phoned), (report, written)):
            if used is not None:
                pool.remove(used)  # each call or report answers one incident
        out.append(
            Obligation(
                f"incident-call-{day}",
                "18.5",
                "participant",
                "Gọi điện thoại báo cáo ngay cho cơ quan đã cấp Giấy chứng nhận",
                "Telephone the issuing authority at once",
                found,
                None,
                _status(found, call, as_of),
                f"Phát hiện sự cố ngày {_vi(found)}: báo cáo ngay bằng điện thoại.",
                f"Incident found on {found.isoformat()}: report at once by telephone.",
                duty="duty.18.5.incidents",
            )
        )
        out.append(
            Obligation(
                f"incident-remedy-{day}",
                "18.5",
                "participant",
                "Đồng thời tổ chức khắc phục sự cố, rủi ro",
                "At the same time, organise the remedy of the incident or risk",
                found,
                None,
                "informational",
                "Bắt đầu ngay khi phát hiện; văn bản không ấn định hạn hoàn thành "
                "(không thể khắc phục theo yêu cầu: điểm đ khoản 1 Điều 15).",
                "From the day found; the text sets no date for completion (one that cannot be "
                "remedied as required: Art. 15(1)(đ)).",
                duty="duty.18.5.incidents",
            )
        )
        if interp["incident-written-report"] == "within-three-days":
            counted = cal.deadline(found, Days(3))
            due, provisional = counted.date, counted.provisional
            detail_vi = "Báo cáo bằng văn bản trong 03 ngày (cách hiểu mặc định)."
            detail_en = "Written report within 3 days (default reading)."
            state: tr.ObligationStatus = _status(due, report, as_of)
        else:
            due = found + timedelta(days=3)
            provisional = cal.provisional_between(found, due)
            detail_vi = "Báo cáo bằng văn bản sau 03 ngày (từ ngày này)."
            detail_en = "Written report after 3 days (from this day)."
            state = "done" if report is not None else "informational"
        out.append(
            Obligation(
                f"incident-report-{day}",
                "18.5",
                "participant",
                "Báo cáo sự cố bằng văn bản",
                "Written incident report",
                due,
                None,
                state,
                detail_vi,
                detail_en,
                provisional,
                "duty.18.5.incidents",
            )
        )
    return out


def _continuing(status: LifecycleStatus) -> list[Obligation]:
    """Duties the text keeps after the end: Art. 19's 'và sau khi kết thúc thử nghiệm' (19.3,
    19.4) and, after a revocation, returning the certificate (15.2, second paragraph)."""
    during_and_after_vi = (
        # The article's opening paragraph by its one name, as every citation gives it.
        f"Trong quá trình và sau khi kết thúc thử nghiệm ({Citation.parse('19.par1').vi()}); "
        "không có hạn."
    )
    during_and_after_en = (
        f"During and after the testing ({Citation.parse('19.par1').en()}); no date."
    )
    out = [
        Obligation(
            "continuing-19.3-complaints",
            "19.3",
            "participant",
            "Tiếp nhận, xử lý mọi yêu cầu tra soát, khiếu nại của người sử dụng",
            "Receive and handle every enquiry and complaint of users",
            None,
            None,
            "continuing",
            during_and_after_vi,
            during_and_after_en,
            duty="duty.19.3.complaints",
        ),
        Obligation(
            "continuing-19.4-compensation",
            "19.4",
            "participant",
            "Bồi thường thiệt hại, khắc phục hậu quả theo pháp luật dân sự",
            "Compensate damage and remedy consequences under civil law",
            None,
            None,
            "continuing",
            "Trong quá trình thử nghiệm và khi kết thúc thử nghiệm "
            f"({Citation.parse('19.4').vi()}); không có hạn.",
            f"During the testing and when it ends ({Citation.parse('19.4').en()}); no date.",
            duty="duty.19.4.compensation",
        ),
    ]
    if status.state == "revoked":
        out.append(
            Obligation(
                "return-certificate",
                "15.2.par2",
                "participant",
                "Nộp lại Giấy chứng nhận cho cơ quan đã cấp",
                "Return the certificate to the issuing authority",
                None,
                None,
                "open",
                "Khi nhận được Quyết định thu hồi; văn bản không ấn định thời hạn.",
                "On receiving the revocation decision; the text sets no time limit.",
            )
        )
    return out
