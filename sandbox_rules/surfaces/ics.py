"""iCalendar (RFC 5545) export of the obligations schedule (18.3, 18.4, 14.1, 17.2, 17.3, 18.5,
19.2, 15.2), built with the ``icalendar`` package (extra ``ics``) so that calendar apps that
subscribe to the file update their items instead of duplicating them.

How each item is written, and why:

- **UID** = sha256(identity | obligation id): the obligation id never contains its due date
  (``quarterly-report-2026-Q1``, ``remediation-<inspection day>``), so a due date moved by a
  newly announced day off keeps its UID and the subscribed calendar updates the item.
- **SEQUENCE** and **LAST-MODIFIED** come from the day of the newest fact the item depends on,
  with no stored state: the newest dated document of the calendar data (bundled decisions and
  override files), the newest record event up to ``as_of``, and the day the item's own status
  last changed (the day after a missed due date; the opening or closing of a window).
  SEQUENCE is that day's distance in days from :data:`SEQUENCE_EPOCH`. Those days only grow as
  new decisions, events or status changes arrive, so a re-export after a change never lowers
  SEQUENCE; an override document without a date cannot raise it (give ``date`` in overrides).
- A duty with a due date is a **VTODO**: its STATUS is the duty's progress as RFC 5545
  §3.8.1.11 defines it for to-dos (NEEDS-ACTION, COMPLETED); an overdue duty is NEEDS-ACTION
  with its DUE in the past (RFC 5545 has no "overdue" status) and the category QUÁ HẠN /
  OVERDUE. ``as_events=True`` writes these as all-day VEVENTs instead, for subscription
  clients that do not show to-dos; progress then stays in CATEGORIES and the summary.
- A period (the extension window, inspection years, monthly risk assessments) is a
  **VEVENT** spanning its days (DTEND is the day after the last, exclusive), TRANSPARENT,
  STATUS CONFIRMED, or TENTATIVE when its dates fall in a year without an official schedule.
- **VALARM**: for a duty not yet done, a reminder ``remind_working_days`` working days
  before the due date, at 08:00 Vietnam time (01:00 UTC).
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING, Any

from sandbox_rules.errors import InputValidationError, OptionalDependencyError, brief
from sandbox_rules.report import cite

if TYPE_CHECKING:
    from sandbox_rules.calendar import VietnamCalendar
    from sandbox_rules.lifecycle import SandboxRecord
    from sandbox_rules.obligations import Obligation, Schedule

SEQUENCE_EPOCH = date(2025, 1, 1)  # before Decree 169/2025's adoption: every SEQUENCE >= 0
_ALARM_HOUR_UTC = 1  # 08:00 in Asia/Ho_Chi_Minh (UTC+7, no daylight saving)

_TODO_STATUS = {"done": "COMPLETED", "done_late": "COMPLETED"}  # others: NEEDS-ACTION


#: The most working days a reminder may come before its due date.
MAX_REMIND = 20


def _parse_doc_date(value: str) -> date | None:
    """A document's date, as precise as it is given ('2025-12-25', '2024-11', '2026'): its
    first possible day, so a partial date never counts as newer than it may be."""
    parts = value.strip().split("-")
    try:
        if len(parts) == 3:
            return date.fromisoformat(value.strip())
        if len(parts) == 2:
            return date(int(parts[0]), int(parts[1]), 1)
        if len(parts) == 1 and parts[0]:
            return date(int(parts[0]), 1, 1)
    except ValueError:
        return None
    return None


def calendar_data_day(cal: VietnamCalendar) -> date:
    """The day of the newest dated document in the calendar data (bundled and overrides)."""
    days = [d for d in (_parse_doc_date(doc.date) for doc in cal.documents.values()) if d]
    return max(days, default=SEQUENCE_EPOCH)


def _status_change_day(item: Obligation, as_of: date) -> date | None:
    if item.status == "overdue" and item.due is not None:
        return item.due + timedelta(days=1)
    if item.window is not None and item.status in ("open", "closed"):
        return item.window[0] if item.status == "open" else item.window[1] + timedelta(days=1)
    return None


def modified_day(item: Obligation, base: date, as_of: date) -> date:
    """The day of the newest fact ``item`` depends on (see the module docstring)."""
    own = _status_change_day(item, as_of)
    return max(base, own) if own is not None and own <= as_of else base


def _uid(identity: str, item_id: str) -> str:
    digest = hashlib.sha256(f"{identity}|{item_id}".encode()).hexdigest()[:32]
    return f"{digest}@sandbox-rules"


def default_identity(record: SandboxRecord) -> str:
    """What names one sandbox across exports: its name, else its holder kind and issue day."""
    if record.name:
        return record.name
    return f"{record.applicant_kind or '?'}:{record.issued_on.isoformat() if record.issued_on else '?'}"


def _working_days_before(cal: VietnamCalendar, day: date, n: int) -> date:
    for _ in range(n):
        day = cal.previous_working_day(day, inclusive=False)
    return day


def _midnight(d: date) -> datetime:
    return datetime(d.year, d.month, d.day, tzinfo=UTC)


def obligations_ics(
    record: SandboxRecord | Mapping[str, Any],
    as_of: date,
    *,
    schedule: Schedule | None = None,
    calendar: VietnamCalendar | None = None,
    lang: str = "vi",
    remind_working_days: int = 3,
    as_events: bool = False,
    identity: str | None = None,
) -> bytes:
    """The schedule of ``record`` as of ``as_of`` as iCalendar bytes (UTF-8, CRLF, folded).

    ``schedule`` and ``calendar`` may be passed when already computed; the calendar must be
    the one the schedule was computed with (it gives SEQUENCE and reminder days).
    """
    try:
        import icalendar
    except ImportError:  # the ics extra is not installed
        raise OptionalDependencyError("icalendar", "ics") from None
    from sandbox_rules.interpretations import Interpretations
    from sandbox_rules.lifecycle import SandboxRecord, load_record
    from sandbox_rules.obligations import obligations

    if lang not in ("vi", "en"):
        raise InputValidationError.from_key("error.lang", given=repr(lang))
    if (
        not isinstance(remind_working_days, int)
        or isinstance(remind_working_days, bool)
        or not 0 <= remind_working_days <= MAX_REMIND
    ):
        raise InputValidationError.from_key("error.ics.remind", given=brief(remind_working_days))
    if not isinstance(as_of, date):
        raise InputValidationError.from_key("error.ics.as_of")
    rec = record if isinstance(record, SandboxRecord) else load_record(record)
    cal = calendar or Interpretations.of(rec.interpretations).calendar()
    sched = schedule or obligations(rec, as_of, calendar=cal)
    ident = identity if identity is not None else default_identity(rec)
    events_day = max((e.date for e in rec.events if e.date <= as_of), default=SEQUENCE_EPOCH)
    base = max(calendar_data_day(cal), events_day, rec.issued_on or SEQUENCE_EPOCH)
    from sandbox_rules.i18n import Day, t, table

    vi = lang == "vi"
    name = rec.name or t("ics.calendar_default", lang)
    statuses, actors = table("ics.status", lang), table("ics.actor", lang)

    out = icalendar.Calendar()
    out.add("prodid", "-//sandbox_rules//Decree 169/2025/ND-CP//" + lang.upper())
    out.add("version", "2.0")
    out.add("calscale", "GREGORIAN")
    out.add("method", "PUBLISH")
    out.add("x-wr-calname", t("ics.calendar_name", lang, name=name))
    for item in sched.items:
        if item.due is None and item.window is None:
            continue
        changed = modified_day(item, base, as_of)
        is_task = item.due is not None and not as_events
        comp = icalendar.Todo() if is_task else icalendar.Event()
        title = item.title_vi if vi else item.title_en
        clause = cite(item.citation, lang)  # as prose writes it: khoản 3 Điều 18
        status_text = statuses.get(item.status, item.status)
        comp.add("uid", _uid(ident, item.id))
        comp.add("dtstamp", _midnight(max(as_of, changed)))
        comp.add("last-modified", _midnight(changed))
        comp.add("sequence", max(0, (changed - SEQUENCE_EPOCH).days))
        if item.due is not None:
            summary = f"{title} ({clause})"
            if as_events and item.status in ("done", "done_late", "overdue"):
                summary = f"[{status_text}] {summary}"
            comp.add("summary", summary)
            if is_task:
                comp.add("due", item.due)
                comp.add("status", _TODO_STATUS.get(item.status, "NEEDS-ACTION"))
                if item.status in _TODO_STATUS:
                    comp.add("percent-complete", 100)
            else:
                comp.add("dtstart", item.due)
                comp.add("dtend", item.due + timedelta(days=1))
                comp.add("status", "TENTATIVE" if item.provisional else "CONFIRMED")
        else:
            assert item.window is not None
            start, end = item.window
            comp.add("summary", f"{title} ({clause})")
            comp.add("dtstart", start)
            comp.add("dtend", end + timedelta(days=1))  # exclusive: the span covers `end`
            comp.add("transp", "TRANSPARENT")
            provisional = item.provisional or cal.is_provisional(end)
            comp.add("status", "TENTATIVE" if provisional else "CONFIRMED")
        if item.due is not None and not is_task:
            comp.add("transp", "TRANSPARENT")
        parts = [
            t("ics.basis", lang, citation=clause),
            item.detail_vi if vi else item.detail_en,
        ]
        if item.window is not None and item.due is not None:
            s, e = item.window
            parts.append(t("ics.period", lang, start=Day(s), end=Day(e)))
        parts.append(t("ics.status_line", lang, date=Day(as_of), status=status_text))
        comp.add("description", ". ".join(p.strip().rstrip(".") for p in parts if p) + ".")
        comp.add("categories", [actors.get(item.actor, item.actor), status_text])
        if (
            item.due is not None
            and remind_working_days
            and item.status not in ("done", "done_late", "informational")
        ):
            alarm = icalendar.Alarm()
            alarm.add("action", "DISPLAY")
            day = _working_days_before(cal, item.due, remind_working_days)
            alarm.add(
                "trigger",
                datetime(day.year, day.month, day.day, _ALARM_HOUR_UTC, tzinfo=UTC),
            )
            alarm.add(
                "description",
                t("ics.reminder", lang, n=remind_working_days, title=title, due=Day(item.due)),
            )
            comp.add_component(alarm)
        out.add_component(comp)
    data: bytes = out.to_ical()
    return data
