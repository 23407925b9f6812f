"""Obligations schedule from issue to end (and after an extension): quarterly reports (18.3),
the results report (18.4), the extension window (14.1), yearly inspections (17.2),
remediation after inspections (17.3), incident reports (18.5) and risk assessments (19.2).
Exports to JSON; the iCalendar file is a surface (sandbox_rules.surfaces.ics).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

import msgspec

from sandbox_rules import time_records as tr
from sandbox_rules.calendar import Days, VietnamCalendar
from sandbox_rules.calendar.periods import add_months
from sandbox_rules.interpretations import Interpretations
from sandbox_rules.lifecycle import SandboxRecord, lifecycle, load_record


@dataclass(frozen=True, slots=True)
class Obligation:
    id: str
    citation: str
    actor: str  # participant | authority
    title_vi: str
    title_en: str
    due: date | None  # a deadline, if the text fixes one
    window: tuple[date, date] | None  # a period the duty covers or must fall in
    status: str  # done | overdue | upcoming | open | informational
    detail_vi: str = ""
    detail_en: str = ""
    provisional: bool = False

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
        )

    def to_dict(self) -> dict[str, Any]:
        return msgspec.to_builtins(self.record())  # type: ignore[no-any-return]


@dataclass(frozen=True, slots=True)
class Schedule:
    items: tuple[Obligation, ...]
    as_of: date
    start: date | None
    end: date | None
    interpretations_used: Mapping[str, str]
    calendar_version: str

    def record(self) -> tr.Obligations:
        """This schedule as its record (sandbox_rules.time_records.Obligations)."""
        from sandbox_rules.records import provenance

        return tr.Obligations(
            as_of=self.as_of,
            start=self.start,
            end=self.end,
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


def _vi(d: date) -> str:
    """dd/mm/yyyy, as Vietnamese documents write a date."""
    return f"{d.day:02d}/{d.month:02d}/{d.year}"


def _quarter_start(d: date) -> date:
    return date(d.year, 3 * ((d.month - 1) // 3) + 1, 1)


def _status(due: date, done: date | None, as_of: date) -> str:
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
    status = lifecycle(rec, as_of, calendar=cal)
    start, end = status.testing_start, status.end
    items: list[Obligation] = []
    events = sorted(rec.events, key=lambda e: e.date)
    if start is not None and end is not None:
        reports = [e.date for e in events if e.type == "quarterly_report_submitted"]
        q = _quarter_start(start)
        index = 0
        mode = interp["quarterly-report-due"]
        while q <= end:
            q_next = add_months(q, 3)
            q_end = q_next - timedelta(days=1)
            nominal = date(q_next.year, q_next.month, 5)
            if mode == "next-working-day":
                due = cal.next_working_day(nominal)
            elif mode == "previous-working-day":
                due = cal.previous_working_day(nominal)
            else:
                due = nominal
            done = next((d for d in reports if q_end < d <= due + timedelta(days=31)), None)
            label = f"Q{(q.month - 1) // 3 + 1}/{q.year}"
            items.append(
                Obligation(
                    f"quarterly-report-{q.year}-Q{(q.month - 1) // 3 + 1}",
                    "18.3",
                    "participant",
                    f"Báo cáo định kỳ quý {label} (HĐTN08 tổ chức / HĐTN07 cá nhân)",
                    f"Quarterly report {label} (HĐTN08 organisation / HĐTN07 individual)",
                    due,
                    (max(q, start), min(q_end, end)),
                    _status(due, done, as_of),
                    f"Số liệu từ {_vi(q)} đến {_vi(q_end)}; hạn chậm nhất ngày 05/"
                    f"{nominal.month:02d}/{nominal.year}"
                    + ("" if due == nominal else f", chuyển sang {_vi(due)}"),
                    f"Data {q.isoformat()}..{q_end.isoformat()}; due 5 {_MONTHS_EN[nominal.month]} {nominal.year}"
                    + ("" if due == nominal else f", moved to {due.isoformat()}"),
                    cal.is_provisional(due),
                )
            )
            q = q_next
            index += 1
        # 18.4: results report at least 30 days before the end.
        results_due = cal.latest_before(end, Days(30))
        submitted = next((e.date for e in events if e.type == "results_report_submitted"), None)
        items.append(
            Obligation(
                "results-report",
                "18.4",
                "participant",
                "Báo cáo kết quả hoạt động thử nghiệm",
                "Results report",
                results_due,
                None,
                _status(results_due, submitted, as_of),
                f"Chậm nhất 30 ngày trước ngày kết thúc {_vi(end)}",
                f"At least 30 days before the end on {end.isoformat()}",
                cal.is_provisional(results_due),
            )
        )
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
        # 17.2: the authority inspects on site once a year.
        by_calendar_year = interp["inspection-year"] == "calendar-year"
        k = 0
        while True:
            if by_calendar_year:
                ys = max(start, date(start.year + k, 1, 1))
                ye = min(date(start.year + k, 12, 31), end)
            else:
                ys = add_months(start, 12 * k)
                ye = min(add_months(start, 12 * (k + 1)) - timedelta(days=1), end)
            if ys > end:
                break
            items.append(
                Obligation(
                    f"yearly-inspection-{k + 1}",
                    "17.2",
                    "authority",
                    f"Kiểm tra tại chỗ định kỳ năm thứ {k + 1}",
                    f"Periodic on-site inspection, year {k + 1}",
                    None,
                    (ys, ye),
                    "informational",
                    "Cơ quan cấp phối hợp cơ quan chức năng; lập biên bản khi kết thúc.",
                    "By the issuing authority with related agencies; a written record at the end.",
                )
            )
            k += 1
        # 19.2: monthly and quarterly risk assessments (the text fixes no day).
        m = date(start.year, start.month, 1)
        while m <= end:
            m_next = add_months(m, 1)
            m_end = m_next - timedelta(days=1)
            items.append(
                Obligation(
                    f"risk-assessment-{m.year}-{m.month:02d}",
                    "19.2",
                    "participant",
                    f"Đánh giá rủi ro tháng {m.month:02d}/{m.year}",
                    f"Risk assessment, {_MONTHS_EN[m.month]} {m.year}",
                    None,
                    (max(m, start), min(m_end, end)),
                    "informational",
                    "Văn bản không ấn định ngày cụ thể.",
                    "The text fixes no particular day.",
                )
            )
            m = m_next
    # 17.3: remediation within 30 days of each inspection's end.
    for e in events:
        if e.type == "inspection_ended":
            due = cal.deadline(e.date, Days(30)).date
            done = next(
                (x.date for x in events if x.type == "remediation_done" and x.date >= e.date), None
            )
            items.append(
                Obligation(
                    f"remediation-{e.date.isoformat()}",
                    "17.3",
                    "participant",
                    "Khắc phục tồn tại, vi phạm sau kiểm tra",
                    "Remedy inspection findings",
                    due,
                    None,
                    _status(due, done, as_of),
                    f"Kiểm tra kết thúc {_vi(e.date)}",
                    f"Inspection ended {e.date.isoformat()}",
                )
            )
        if e.type == "incident_found":
            if interp["incident-written-report"] == "within-three-days":
                due = cal.deadline(e.date, Days(3)).date
                detail_vi = "Gọi điện báo cáo ngay; báo cáo bằng văn bản trong 03 ngày (cách hiểu mặc định)."
                detail_en = "Telephone at once; written report within 3 days (default reading)."
            else:
                due = e.date + timedelta(days=3)
                detail_vi = "Gọi điện báo cáo ngay; báo cáo bằng văn bản sau 03 ngày (từ ngày này)."
                detail_en = "Telephone at once; written report after 3 days (from this day)."
            items.append(
                Obligation(
                    f"incident-report-{e.date.isoformat()}",
                    "18.5",
                    "participant",
                    "Báo cáo sự cố bằng văn bản",
                    "Written incident report",
                    due,
                    None,
                    "informational"
                    if interp["incident-written-report"] == "after-three-days"
                    else _status(due, None, as_of),
                    detail_vi,
                    detail_en,
                )
            )
    for g in status.revocation_grounds:
        items.append(
            Obligation(
                f"revocation-decision-{g.rule.citation.short}",
                "15.2",
                "authority",
                f"Quyết định thu hồi ({g.rule.citation.vi()})",
                f"Revocation decision ({g.rule.citation.en()})",
                g.decision_due,
                None,
                _status(g.decision_due, None, as_of),
                g.detail_vi,
                g.detail_en,
            )
        )
    items.sort(key=lambda i: (i.due or (i.window[0] if i.window else date.max), i.id))
    used = interp.used(
        "quarterly-report-due",
        "incident-written-report",
        "extension-window",
        "roll-forward",
        "inspection-year",
    )
    return Schedule(tuple(items), as_of, start, end, used, cal.data_version)
