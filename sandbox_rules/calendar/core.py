"""``VietnamCalendar``: the state agencies' working days and statutory deadlines.

Working days are Monday-Friday, minus public holidays, compensatory days and officially
swapped days off, plus officially worked Saturdays (see ``data/official.toml``). Deadlines
follow Civil Code 2015 Art. 147-148 by default; each rule is a named interpretation the
caller may change. A working-day deadline is two list indexes into a precomputed index
(the shipped working-day ordinals and a per-day count built from them): O(1), no import of
`holidays` or pydantic at run time.
"""

from __future__ import annotations

import hashlib
import json
import os
from bisect import bisect_left, bisect_right
from collections.abc import Mapping
from datetime import date, datetime, timedelta
from functools import cache
from itertools import accumulate
from types import MappingProxyType
from typing import Any, NamedTuple

from sandbox_rules._record import Record
from sandbox_rules.calendar.periods import Days, Months, Period, WorkingDays, Years, add_months
from sandbox_rules.errors import (
    CalendarDataError,
    DateOutOfRangeError,
    InputValidationError,
    InterpretationError,
    InvalidDateError,
    InvalidPeriodError,
    brief,
)

WEEKDAY_VI = ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ nhật")
WEEKDAY_EN = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
CULTURE_DAY_TAG = "culture-day-makeup=made-up"

CALENDAR_INTERPRETATIONS: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {
        "event-day-excluded": ("excluded", "included"),
        "roll-forward": ("next-working-day", "no-roll"),
        "culture-day-makeup": ("made-up", "not-made-up"),
    }
)
_DEFAULTS = {k: v[0] for k, v in CALENDAR_INTERPRETATIONS.items()}

# Counting rules, cited in every deadline.
RULE_EVENT_EXCLUDED = (
    "khoản 1 Điều 147 Bộ luật Dân sự 2015",
    "Civil Code 2015 Art. 147(1): the day of the event is not counted",
)
RULE_EVENT_INCLUDED = (
    "Cách hiểu 'included': ngày xảy ra sự kiện được tính là ngày thứ nhất",
    "Interpretation 'included': the day of the event counts as day one",
)
RULE_WORKING_DAYS = (
    "Ngày làm việc của cơ quan nhà nước: thứ Hai-thứ Sáu, trừ ngày nghỉ lễ, Tết, nghỉ bù, "
    "nghỉ hoán đổi; cộng ngày thứ Bảy làm bù",
    "State agencies' working days: Monday-Friday minus holidays, compensatory and swapped "
    "days off, plus Saturdays worked",
)
RULE_DAYS = (
    "khoản 1 Điều 148 Bộ luật Dân sự 2015",
    "Civil Code 2015 Art. 148(1): a period in days",
)
RULE_MONTHS = (
    "khoản 3 Điều 148 Bộ luật Dân sự 2015",
    "Civil Code 2015 Art. 148(3): ends on the corresponding day, or the month's last day",
)
RULE_YEARS = (
    "khoản 4 Điều 148 Bộ luật Dân sự 2015",
    "Civil Code 2015 Art. 148(4): ends on the corresponding day and month",
)
RULE_ROLL = (
    "khoản 5 Điều 148 Bộ luật Dân sự 2015",
    "Civil Code 2015 Art. 148(5): a last day that is not a working day moves to the next working day",
)


class Document(Record):
    __slots__ = ("confirmed", "date", "id", "issuer", "note", "number", "title", "type")
    _fields = ("id", "number", "type", "title", "issuer", "date", "confirmed", "note")
    _defaults = MappingProxyType({"note": ""})

    id: str
    number: str
    type: str
    title: str
    issuer: str
    date: str
    confirmed: bool
    note: str

    def cite_vi(self) -> str:
        out = f"{self.type} {self.number or '(chưa rõ số hiệu)'}".strip()
        if self.issuer:
            out += f" của {self.issuer}"
        if self.date:  # "2019-11-20", "2025-10" or "2025" in the data, the Vietnamese way
            parts = str(self.date).split("-")
            word = ("năm", "tháng", "ngày")[min(len(parts), 3) - 1]
            out += f" ({word} {'/'.join(reversed(parts))})"
        if not self.confirmed:
            out += " [số/ngày văn bản chưa xác nhận]"
        return out

    def cite_en(self) -> str:
        out = f"{self.type} {self.number or '(number unknown)'}".strip()
        if self.issuer:
            out += f", {self.issuer}"
        if self.date:
            out += f" ({self.date})"
        if not self.confirmed:
            out += " [number/date not confirmed]"
        return out

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "number": self.number,
            "type": self.type,
            "title": self.title,
            "issuer": self.issuer,
            "date": self.date,
            "confirmed": self.confirmed,
            "note": self.note,
        }


class DayOff(Record):
    """A named non-working weekday (or weekend holiday), or a worked Saturday."""

    __slots__ = (
        "date",
        "documents",
        "interpretation",
        "kind",
        "name_en",
        "name_vi",
        "provisional",
        "status",
    )
    _fields = (
        "date",
        "status",
        "name_vi",
        "name_en",
        "kind",
        "documents",
        "provisional",
        "interpretation",
    )
    _defaults = MappingProxyType({"provisional": False, "interpretation": None})

    date: date
    status: str  # "off" | "worked"
    name_vi: str
    name_en: str
    kind: str
    documents: tuple[Document, ...]
    provisional: bool
    interpretation: str | None

    def to_dict(self) -> dict[str, Any]:
        return {
            "date": self.date.isoformat(),
            "weekday": WEEKDAY_EN[self.date.weekday()],
            "status": self.status,
            "name_vi": self.name_vi,
            "name_en": self.name_en,
            "kind": self.kind,
            "documents": [d.to_dict() for d in self.documents],
            "provisional": self.provisional,
            "interpretation": self.interpretation,
        }


class Step(Record):
    """One day of a deadline's explanation."""

    __slots__ = ("action", "count", "date", "documents", "reason_en", "reason_vi")
    _fields = ("date", "action", "count", "reason_vi", "reason_en", "documents")
    _defaults = MappingProxyType({"documents": ()})

    date: date
    action: str  # "event" | "counted" | "skipped" | "stopped" | "passed" | "rolled" | "due"
    count: int | None
    reason_vi: str
    reason_en: str
    documents: tuple[str, ...]

    def record(self) -> Any:
        """This day as its record (sandbox_rules.time_records.DayStep)."""
        from sandbox_rules.time_records import DayStep

        return DayStep(
            date=self.date,
            weekday=WEEKDAY_EN[self.date.weekday()],
            action=self.action,  # type: ignore[arg-type]
            count=self.count,
            reason_vi=self.reason_vi,
            reason_en=self.reason_en,
            documents=tuple(self.documents),
        )

    def to_dict(self) -> dict[str, Any]:

        from sandbox_rules.records import as_builtins

        out: dict[str, Any] = as_builtins(self.record())
        return out

    def line(self, lang: str = "vi") -> str:
        wd = (WEEKDAY_VI if lang == "vi" else WEEKDAY_EN)[self.date.weekday()]
        reason = self.reason_vi if lang == "vi" else self.reason_en
        n = f"#{self.count:<3d}" if self.count is not None else "    "
        return f"{wd:<9} {self.date.strftime('%d/%m/%Y')}  {n} {reason}"


_new_tuple = tuple.__new__
Date = date  # the Deadline.date property shadows the type inside that class


class Deadline(tuple):  # type: ignore[type-arg]
    """A computed deadline: ``date``, ``provisional``, ``event``, ``period``, ``nominal``.

    A tuple underneath so the hot path builds it in one step; ``steps`` (the day-by-day
    explanation) and ``rules`` are computed when asked for.
    """

    __slots__ = ()

    @classmethod
    def make(
        cls,
        cal: VietnamCalendar,
        event: Date,
        period: Period,
        due: Date,
        nominal: Date,
        provisional: bool,
    ) -> Deadline:
        return _new_tuple(cls, (cal, event, period, due, nominal, provisional))

    @property
    def _cal(self) -> VietnamCalendar:
        return self[0]  # type: ignore[no-any-return]

    @property
    def event(self) -> Date:
        """The day of the event the period runs from."""
        return self[1]  # type: ignore[no-any-return]

    @property
    def period(self) -> Period:
        return self[2]  # type: ignore[no-any-return]

    @property
    def date(self) -> Date:
        """The last day of the period: the due date."""
        return self[3]  # type: ignore[no-any-return]

    @property
    def nominal(self) -> Date:
        """The last day before moving off a non-working day (equal to ``date`` otherwise)."""
        return self[4]  # type: ignore[no-any-return]

    @property
    def provisional(self) -> bool:
        """True if any day counted or skipped lies in a year without an official schedule in
        the data, or is a day off (or worked day) computed or resting on an unconfirmed
        document (Document.confirmed)."""
        return self[5]  # type: ignore[no-any-return]

    def __repr__(self) -> str:
        flag = ", provisional" if self.provisional else ""
        return f"Deadline({self.event.isoformat()} + {self.period.en()} -> {self.date.isoformat()}{flag})"

    @property
    def steps(self) -> tuple[Step, ...]:
        """Every day from the event to the due date, counted or skipped, with the reason."""
        return self._cal._explain(self)

    @property
    def rules(self) -> tuple[tuple[str, str], ...]:
        """The counting rules applied, as (Vietnamese citation, English statement)."""
        return self._cal._rules_for(self)

    @property
    def provisional_reason(self) -> str | None:
        return self.provisional_reason_in("en")

    @property
    def provisional_reason_vi(self) -> str | None:
        return self.provisional_reason_in("vi")

    def provisional_reason_in(self, lang: str) -> str | None:
        """Why the date may change, in ``lang``: the years without an official schedule, and
        the unsettled days the span counts or skips, each with its unconfirmed document."""
        from sandbox_rules.i18n import Day, t

        if not self.provisional:
            return None
        years = self._cal.provisional_years_between(self.event, self.date)
        reasons = []
        if years:
            reasons.append(
                t(
                    "provisional.years",
                    lang,
                    years=", ".join(map(str, years)),
                    version=self._cal.data_version,
                )
            )
        unsure = [
            d
            for d in self._cal.unsure_days_between(self.event, self.date)
            if d.date.year not in years
        ]
        if unsure:
            days = ", ".join(
                t(
                    "provisional.day",
                    lang,
                    date=Day(d.date),
                    name=d.name_vi if lang == "vi" else d.name_en,
                    documents="; ".join(
                        doc.cite_vi() if lang == "vi" else doc.cite_en()
                        for doc in d.documents
                        if not doc.confirmed
                    ),
                )
                for d in unsure
            )
            reasons.append(t("provisional.days", lang, days=days))
        return "; ".join(reasons)

    @property
    def interpretations_used(self) -> dict[str, str]:
        return dict(self._cal.interpretations)

    def record(self, *, explain: bool = True) -> Any:
        """This deadline as its record (sandbox_rules.time_records.Deadline)."""
        from sandbox_rules.time_records import Deadline as DeadlineRecord
        from sandbox_rules.time_records import Localised, PeriodRecord

        return DeadlineRecord(
            event=self.event,
            period=PeriodRecord(unit=self.period.unit, n=self.period.n),  # type: ignore[arg-type]
            date=self.date,
            weekday=WEEKDAY_EN[self.date.weekday()],
            nominal_date=self.nominal,
            provisional=self.provisional,
            provisional_reason=self.provisional_reason,
            rules=tuple(Localised(vi=vi, en=en) for vi, en in self.rules),
            interpretations_used=self.interpretations_used,
            calendar_data_version=self._cal.data_version,
            steps=tuple(s.record() for s in self.steps) if explain else None,
        )

    def to_dict(self, *, explain: bool = True) -> dict[str, Any]:
        return self.record(explain=explain).to_dict()  # type: ignore[no-any-return]

    def to_json(self, *, explain: bool = True, pretty: bool = False) -> str:
        return self.record(explain=explain).to_json(pretty=pretty)  # type: ignore[no-any-return]

    def explain(self, lang: str = "vi") -> str:
        head = (
            f"Sự kiện {self.event.strftime('%d/%m/%Y')} + {self.period.vi()} → hạn {self.date.strftime('%d/%m/%Y')}"
            if lang == "vi"
            else f"Event {self.event.isoformat()} + {self.period.en()} → due {self.date.isoformat()}"
        )
        lines = [head]
        if self.provisional:
            lines.append(
                f"(TẠM TÍNH: {self.provisional_reason_vi})"
                if lang == "vi"
                else f"(PROVISIONAL: {self.provisional_reason})"
            )
        lines.extend("  " + s.line(lang) for s in self.steps)
        lines.append("Căn cứ:" if lang == "vi" else "Rules:")
        lines.extend(f"  - {vi if lang == 'vi' else en}" for vi, en in self.rules)
        return "\n".join(lines)


class Window(Record):
    """An inclusive range of dates, e.g. the extension window of Art. 14(1)."""

    __slots__ = ("end", "interpretation", "provisional", "start")
    _fields = ("start", "end", "provisional", "interpretation")

    start: date
    end: date
    provisional: bool
    interpretation: dict[str, str]

    def __contains__(self, day: object) -> bool:
        return isinstance(day, date) and self.start <= day <= self.end

    def to_dict(self) -> dict[str, Any]:
        return {
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
            "provisional": self.provisional,
            "interpretations_used": dict(self.interpretation),
        }


# -- shipped data ------------------------------------------------------------------------
class _Base(Record):
    __slots__ = (
        "days",
        "documents",
        "first",
        "first_official_year",
        "holidays_version",
        "last",
        "last_official_year",
        "version",
        "working_days",
    )
    _fields = (
        "first",
        "last",
        "first_official_year",
        "last_official_year",
        "documents",
        "days",
        "working_days",
        "version",
        "holidays_version",
    )

    first: date
    last: date
    first_official_year: int
    last_official_year: int
    documents: Mapping[str, Document]
    days: tuple[dict[str, Any], ...]
    working_days: tuple[int, ...]
    version: str
    holidays_version: str


def _doc(raw: Mapping[str, Any]) -> Document:
    return Document(
        id=str(raw["id"]),
        number=str(raw.get("number", "")),
        type=str(raw.get("type", "")),
        title=str(raw.get("title", "")),
        issuer=str(raw.get("issuer", "")),
        date=str(raw.get("date", "")),
        confirmed=bool(raw.get("confirmed", False)),
        note=str(raw.get("note", "")),
    )


@cache
def _base() -> _Base:
    # A plain path: the package ships as files, and importlib.resources would pull in pathlib.
    with open(os.path.join(os.path.dirname(__file__), "data", "index.json"), "rb") as fh:
        raw = fh.read()
    data = json.loads(raw)
    return _Base(
        first=date(data["first_year"], 1, 1),
        last=date(data["last_year"], 12, 31),
        first_official_year=data["first_official_year"],
        last_official_year=data["last_official_year"],
        documents=MappingProxyType({k: _doc(v) for k, v in data["documents"].items()}),
        days=tuple(data["days"]),
        working_days=tuple(data["working_days"]),
        version=hashlib.sha256(raw).hexdigest()[:16],
        holidays_version=data["holidays_version"],
    )


# -- overrides -----------------------------------------------------------------------------
def _load_override_source(
    source: str | os.PathLike[str] | Mapping[str, Any],
) -> tuple[dict[str, Any], bytes]:
    if isinstance(source, Mapping):
        data = dict(source)
        return data, _canonical(data)
    if not isinstance(source, (str, os.PathLike)):
        from sandbox_rules.i18n import Term

        raise CalendarDataError.from_key(
            "error.calendar.source", kind=Term("type", type(source).__name__)
        )
    from sandbox_rules.io import parse_document, read_bounded

    name = os.fspath(source)
    try:
        raw = read_bounded(source)
        data = parse_document(raw, "json" if name.lower().endswith(".json") else "toml", name=name)
    except InputValidationError as exc:
        from sandbox_rules.i18n import Message

        detail = Message(exc.key, exc.fields) if exc.key else exc.message
        raise CalendarDataError.from_key("error.overrides_file", detail=detail) from None
    if not isinstance(data, dict):
        raise CalendarDataError.from_key("error.overrides_not_table", name=brief(name))
    return data, _canonical(data)


def _canonical(data: dict[str, Any]) -> bytes:
    """The decisions as one canonical JSON text (keys sorted, dates ISO): what the calendar's
    ``data_version`` hashes, so the same decisions written in TOML, in JSON or given as a
    mapping have one version, whatever their layout or comments."""
    try:
        # Also the shape check: only JSON-like data (str keys, no cycles) gets through.
        text = json.dumps(
            data, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=_json_default
        )
    except (TypeError, ValueError) as exc:
        raise CalendarDataError.from_key("error.calendar.not_json", detail=str(exc)) from None
    except RecursionError:
        raise CalendarDataError.from_key("error.calendar.too_deep") from None
    return text.encode("utf-8")


def _json_default(value: object) -> str:
    if isinstance(value, date):  # a TOML date (or, refused later, a datetime)
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} is not JSON-like")


def _parse_date(value: Any, where: object) -> date:
    """The day of an override (``where``: a message naming it)."""
    if isinstance(value, datetime):
        raise CalendarDataError.from_key(
            "error.calendar.date_and_time", where=where, given=brief(value)
        )
    if isinstance(value, date):
        return value
    if not isinstance(value, str) or len(value) != 10:
        raise CalendarDataError.from_key("error.calendar.not_iso", where=where, given=brief(value))
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise CalendarDataError.from_key(
            "error.calendar.not_iso", where=where, given=brief(value)
        ) from None


def _days_of(
    base: _Base, documents: Mapping[str, Document], include_tags: tuple[str, ...]
) -> dict[int, DayOff]:
    """The shipped days off and worked days, by ordinal, for one culture-day reading."""
    days: dict[int, DayOff] = {}
    for raw in base.days:
        tag = raw.get("interpretation")
        if tag is not None and tag not in include_tags:
            continue
        d = date.fromisoformat(raw["date"])
        days[d.toordinal()] = DayOff(
            d,
            raw["status"],
            raw["name_vi"],
            raw["name_en"],
            raw["kind"],
            tuple(documents[x] for x in raw["documents"]),
            d.year > base.last_official_year,
            tag,
        )
    return days


class _Tables(NamedTuple):
    """What a calendar derives from its days: built once per set of days and shared by every
    calendar without overrides (immutable), so constructing ``VietnamCalendar()`` is cheap."""

    days: Mapping[int, DayOff]
    documents: Mapping[str, Document]
    official_years: frozenset[int]
    version: str
    working_days: tuple[int, ...]
    working_day_set: frozenset[int]
    working_dates: tuple[date, ...]
    official_through: int
    unofficial: frozenset[int]
    suffix: bool
    upto: tuple[int, ...]
    unsure: tuple[int, ...]  # days off or worked days computed or on an unconfirmed document
    unsure_upto: tuple[int, ...]  # unsure_upto[k]: how many of them fall on or before lo + k

    @classmethod
    def build(
        cls,
        base: _Base,
        days: dict[int, DayOff],
        documents: dict[str, Document],
        official_years: set[int],
        version: str,
    ) -> _Tables:
        lo, hi = base.first.toordinal(), base.last.toordinal()
        worked = {o for o, info in days.items() if info.status == "worked"}
        # Mondays to Fridays that are not days off, and the days worked in exchange
        # (date.fromordinal(1) is a Monday).
        wd = [o for o in range(lo, hi + 1) if o in worked or (o not in days and (o - 1) % 7 < 5)]
        # Dates up to this ordinal are in official years (a contiguous run from the start).
        y = base.first.year
        while y + 1 in official_years:
            y += 1
        # upto[k]: how many working days fall on or before ordinal lo + k — the index, in wd, of
        # the first working day after it. It turns the bisect into one list index: O(1).
        is_wd = bytearray(hi - lo + 1)
        for o in wd:
            is_wd[o - lo] = 1
        upto = accumulate(is_wd)
        unsure = sorted(o for o, info in days.items() if _unsure(info))
        # As upto, for the unsure days: "any unsure day from the event to the due date" is one
        # subtraction on the deadline's hot path.
        is_unsure = bytearray(hi - lo + 1)
        for o in unsure:
            if lo <= o <= hi:
                is_unsure[o - lo] = 1
        return cls(
            days=MappingProxyType(days),
            documents=MappingProxyType(documents),
            official_years=frozenset(official_years),
            version=version,
            working_days=tuple(wd),
            working_day_set=frozenset(wd),
            # The working days as dates too, so a deadline is looked up, not built.
            working_dates=tuple(map(date.fromordinal, wd)),
            official_through=date(y, 12, 31).toordinal(),
            unofficial=frozenset(
                yr for yr in range(base.first.year, base.last.year + 1) if yr not in official_years
            ),
            # The hot path may test "after the official run" only if no official year follows
            # it (overrides can make a later year official, leaving a gap before it).
            suffix=not any(yr > y for yr in official_years),
            upto=tuple(upto),
            unsure=tuple(unsure),
            unsure_upto=tuple(accumulate(is_unsure)),
        )


def _unsure(info: DayOff) -> bool:
    """A day whose status is not settled: computed (no decision yet), or not settled by its
    documents. A yearly decision settles the days it decides when one of its documents is
    confirmed (Document.confirmed): the Ministry's notice of the days stands where the number
    of the Prime Minister's decision it carries out is not known. A statute cited beside the
    decisions (a law of the National Assembly: the Labour Code) does not settle them, as it
    leaves those days to be decided; a day that rests on statutes alone is settled when
    every one of them is confirmed."""
    if info.provisional:
        return True
    decisions = [doc for doc in info.documents if doc.issuer != STATUTE_ISSUER]
    if decisions:
        return not any(doc.confirmed for doc in decisions)
    return any(not doc.confirmed for doc in info.documents)


#: Who makes the statutes the calendar rests on (the Labour Code, the resolution on 24/11).
STATUTE_ISSUER = "Quốc hội"


@cache
def _tables(include_tags: tuple[str, ...]) -> _Tables:
    base = _base()
    documents = dict(base.documents)
    days = _days_of(base, documents, include_tags)
    years = set(range(base.first_official_year, base.last_official_year + 1))
    return _Tables.build(base, days, documents, years, base.version)


class VietnamCalendar:
    """The official public-sector working-day calendar (immutable, thread-safe).

    ``overrides``: a TOML/JSON file or a mapping with newer decisions (see docs/calendar.md).
    ``interpretations``: choices for ``event-day-excluded``, ``roll-forward`` and
    ``culture-day-makeup`` (docs/interpretations.md); other ids are ignored here.
    """

    def __init__(
        self,
        overrides: str | os.PathLike[str] | Mapping[str, Any] | None = None,
        interpretations: Mapping[str, str] | None = None,
    ) -> None:
        base = _base()
        chosen = dict(_DEFAULTS)
        if interpretations is not None and not isinstance(interpretations, Mapping):
            raise InterpretationError.from_key("error.interpretations_not_mapping")
        for key, value in (interpretations or {}).items():
            if key in CALENDAR_INTERPRETATIONS:
                if value not in CALENDAR_INTERPRETATIONS[key]:
                    raise InterpretationError.from_key(
                        "error.interpretation_option",
                        id=repr(key),
                        option=brief(value),
                        options=", ".join(CALENDAR_INTERPRETATIONS[key]),
                    )
                chosen[key] = value
        self.interpretations: Mapping[str, str] = MappingProxyType(chosen)
        self._exclude_event = chosen["event-day-excluded"] == "excluded"
        self._roll = chosen["roll-forward"] == "next-working-day"
        include_tags = (CULTURE_DAY_TAG,) if chosen["culture-day-makeup"] == "made-up" else ()

        self.overrides_applied: tuple[str, ...] = ()
        if overrides is None:
            tables = _tables(include_tags)
        else:
            shared = _tables(include_tags)  # its day records are immutable: shared, not rebuilt
            documents = dict(shared.documents)
            days = dict(shared.days)
            official_years = set(range(base.first_official_year, base.last_official_year + 1))
            data, raw_bytes = _load_override_source(overrides)
            applied = self._apply_overrides(data, days, documents, official_years, base)
            self.overrides_applied = tuple(applied)
            version = base.version + "+" + hashlib.sha256(raw_bytes).hexdigest()[:12]
            tables = _Tables.build(base, days, documents, official_years, version)
        self._days: Mapping[int, DayOff] = tables.days
        self.documents: Mapping[str, Document] = tables.documents
        self.official_years = tables.official_years
        self.data_version = tables.version
        self.holidays_version = base.holidays_version
        self.first_date = base.first
        self.last_date = base.last
        self._lo = base.first.toordinal()
        self._hi = base.last.toordinal()
        self._wd: tuple[int, ...] = tables.working_days
        self._wd_set = tables.working_day_set
        self._official_through = tables.official_through
        self._unofficial = tables.unofficial
        self._upto = tables.upto
        self._unsure = tables.unsure
        self._hot = (
            self._lo,
            self._hi,
            tables.working_dates,
            self._exclude_event,
            date.fromordinal(self._official_through),
            tables.suffix,
            self._upto,
            tables.unsure_upto,
        )
        self._frozen = True

    def __setattr__(self, name: str, value: Any) -> None:
        # Shared between callers (one per set of readings), so it must not change after init.
        if getattr(self, "_frozen", False):
            raise AttributeError("VietnamCalendar is immutable")
        object.__setattr__(self, name, value)

    # -- construction helpers -------------------------------------------------------------
    def _apply_overrides(
        self,
        data: Mapping[str, Any],
        days: dict[int, DayOff],
        documents: dict[str, Document],
        official_years: set[int],
        base: _Base,
    ) -> list[str]:
        unknown = set(data) - {"documents", "days", "official_years", "meta"}
        if unknown:
            raise CalendarDataError.from_key("error.overrides_keys", keys=sorted(unknown))
        from sandbox_rules.i18n import Day, Message, Term

        for section in ("documents", "days"):
            if not isinstance(data.get(section) or [], list):
                raise CalendarDataError.from_key("error.calendar.not_a_list", section=section)
        for i, raw in enumerate(data.get("documents", []) or []):
            if not isinstance(raw, Mapping) or not isinstance(raw.get("id"), str):
                raise CalendarDataError.from_key("error.calendar.document_id", i=i)
            documents[str(raw["id"])] = _doc(raw)
        applied: list[str] = []
        seen: dict[date, str] = {}
        for i, raw in enumerate(data.get("days", []) or []):
            where = Message("error.calendar.day", {"i": i})  # "overrides: days[i]"
            if not isinstance(raw, Mapping):
                raise CalendarDataError.from_key("error.calendar.not_a_table", where=where)
            d = _parse_date(raw.get("date"), Message("error.calendar.day_date", {"i": i}))
            if not base.first <= d <= base.last:
                raise DateOutOfRangeError.from_key(
                    "error.calendar.day_outside",
                    where=where,
                    date=Day(d),
                    first=Day(base.first),
                    last=Day(base.last),
                )
            status = raw.get("status")
            if status not in ("off", "worked", "not-off"):
                raise CalendarDataError.from_key(
                    "error.calendar.status", where=where, given=brief(status)
                )
            if d in seen and seen[d] != status:
                raise CalendarDataError.from_key(
                    "error.calendar.both", where=where, date=Day(d), first=seen[d], second=status
                )
            seen[d] = str(status)
            refs = raw.get("documents", [])
            if not isinstance(refs, list) or not refs:
                raise CalendarDataError.from_key("error.calendar.no_documents", where=where)
            docs = []
            for ref in refs:
                if not isinstance(ref, str) or ref not in documents:
                    raise CalendarDataError.from_key(
                        "error.calendar.unknown_document", where=where, ref=brief(ref)
                    )
                docs.append(documents[ref])
            weekday = d.weekday()
            o = d.toordinal()
            day_name = Term("weekday", WEEKDAY_EN[weekday].lower())
            if status == "worked" and weekday < 5:
                raise CalendarDataError.from_key(
                    "error.calendar.worked_weekday", where=where, date=Day(d), weekday=day_name
                )
            if status == "off" and weekday >= 5:
                raise CalendarDataError.from_key(
                    "error.calendar.off_weekend", where=where, date=Day(d), weekday=day_name
                )
            if status == "not-off":
                existing = days.get(o)
                if existing is None or existing.status != "off":
                    raise CalendarDataError.from_key(
                        "error.calendar.not_off", where=where, date=Day(d)
                    )
                del days[o]
            else:
                days[o] = DayOff(
                    d,
                    str(status),
                    str(
                        raw.get(
                            "name_vi",
                            "Ngày nghỉ theo quyết định" if status == "off" else "Ngày làm bù",
                        )
                    ),
                    str(
                        raw.get("name_en", "Official day off" if status == "off" else "Worked day")
                    ),
                    "decision" if status == "off" else "worked-saturday",
                    tuple(docs),
                    False,
                )
            applied.append(f"{d.isoformat()} {status}")
        years = data.get("official_years", []) or []
        if not isinstance(years, list) or not all(type(y) is int for y in years):
            raise CalendarDataError.from_key("error.calendar.years")
        for y in years:
            if not base.first.year <= y <= base.last.year:
                raise DateOutOfRangeError.from_key(
                    "error.calendar.year_outside",
                    year=y,
                    first=base.first.year,
                    last=base.last.year,
                )
            official_years.add(y)
        return applied

    # -- the errors of the queries (dates in each language's form, the period in its words) --
    def _no_working_day(self, key: str, d: date) -> DateOutOfRangeError:
        from sandbox_rules.i18n import Day

        return DateOutOfRangeError.from_key(key, date=Day(d))

    def _runs_past(self, event: date, period: Period) -> DateOutOfRangeError:
        from sandbox_rules.i18n import Day, Texts

        return DateOutOfRangeError.from_key(
            "error.calendar.runs_past",
            date=Day(event),
            period=Texts(period.vi(), period.en()),
            last=Day(self.last_date),
        )

    def _before_first(self, key: str, target: date, period: Period) -> DateOutOfRangeError:
        from sandbox_rules.i18n import Day, Texts

        return DateOutOfRangeError.from_key(
            key,
            date=Day(target),
            period=Texts(period.vi(), period.en()),
            first=Day(self.first_date),
        )

    # -- queries ----------------------------------------------------------------------------
    def _ord(self, d: object, name: str = "date") -> int:
        if not isinstance(d, date) or isinstance(d, datetime):
            # One policy everywhere: a datetime is refused, its day depends on a time zone.
            from sandbox_rules.i18n import Message

            what = Message("error.a_datetime", {}) if isinstance(d, datetime) else brief(d)
            raise InvalidDateError.from_key("error.calendar.not_a_date", name=name, given=what)
        o = d.toordinal()
        if o < self._lo or o > self._hi:
            from sandbox_rules.i18n import Day

            raise DateOutOfRangeError.from_key(
                "error.date_outside",
                name=name,
                date=Day(d),
                first=Day(self.first_date),
                last=Day(self.last_date),
            )
        return o

    def is_working_day(self, d: date) -> bool:
        return self._ord(d) in self._wd_set

    def is_provisional(self, d: date) -> bool:
        """The day's year has no official schedule in the data, or the day is a day off (or a
        worked day) resting on a document not confirmed."""
        o = self._ord(d)
        return d.year not in self.official_years or self._unsure_between(o, o)

    def provisional_between(self, start: date, end: date) -> bool:
        """Whether a date reached from ``start`` to ``end`` (either order) is provisional: a day
        between them, both included, is in a year without an official schedule or is a day
        off (or worked day) that is computed or rests on an unconfirmed document."""
        a, b = sorted((self._ord(start, "start"), self._ord(end, "end")))
        return self._provisional(a, b)

    def unsure_days_between(self, start: date, end: date) -> list[DayOff]:
        """The days off and worked days from ``start`` to ``end`` (both included, either order)
        whose status rests on an unconfirmed document or was computed."""
        a, b = sorted((self._ord(start, "start"), self._ord(end, "end")))
        i = bisect_left(self._unsure, a)
        out = []
        while i < len(self._unsure) and self._unsure[i] <= b:
            out.append(self._days[self._unsure[i]])
            i += 1
        return out

    def _unsure_between(self, a: int, b: int) -> bool:
        i = bisect_left(self._unsure, a)
        return i < len(self._unsure) and self._unsure[i] <= b

    def provisional_years_between(self, start: date, end: date) -> list[int]:
        a, b = sorted((self._ord(start, "start"), self._ord(end, "end")))
        return self._provisional_years(a, b)

    def _provisional_years(self, start_ord: int, end_ord: int) -> list[int]:
        lo, hi = date.fromordinal(start_ord).year, date.fromordinal(end_ord).year
        return [y for y in range(lo, hi + 1) if y not in self.official_years]

    def _provisional(self, start_ord: int, end_ord: int) -> bool:
        a, b = sorted((start_ord, end_ord))
        if self._unsure_between(a, b):
            return True
        if b <= self._official_through:
            return False
        return bool(self._provisional_years(a, b))

    def day_info(self, d: date) -> DayOff | None:
        return self._days.get(self._ord(d))

    def next_working_day(self, d: date, *, inclusive: bool = True) -> date:
        o = self._ord(d)
        i = bisect_left(self._wd, o) if inclusive else bisect_right(self._wd, o)
        if i >= len(self._wd):
            raise self._no_working_day("error.calendar.none_after", d)
        return date.fromordinal(self._wd[i])

    def previous_working_day(self, d: date, *, inclusive: bool = True) -> date:
        o = self._ord(d)
        i = (bisect_right(self._wd, o) if inclusive else bisect_left(self._wd, o)) - 1
        if i < 0:
            raise self._no_working_day("error.calendar.none_before", d)
        return date.fromordinal(self._wd[i])

    def working_days_between(self, start: date, end: date) -> int:
        """Working days ``d`` with ``start < d <= end`` (negative if ``end < start``)."""
        a, b = self._ord(start, "start"), self._ord(end, "end")
        return bisect_right(self._wd, b) - bisect_right(self._wd, a)

    def deadline(self, event: date, period: Period) -> Deadline:
        """The last day of ``period`` counted from ``event`` (see module docstring)."""
        cls = type(period)
        if cls is WorkingDays:
            # Hot path, kept inline: one unpack, one bisect, one tuple (docs/performance.md).
            lo, hi, wd_dates, exclude, through, suffix, upto, unsure = self._hot
            # Anything but a plain date (a datetime, a string, None …) goes through _ord.
            o = event.toordinal() if type(event) is date else self._ord(event, "event")
            if o < lo or o > hi:
                self._ord(event, "event")
            n = period.n
            k = o - lo
            if exclude and n:
                i = upto[k] + n - 1  # working days after the event day
            else:
                i = (upto[k - 1] if k else 0) + (n - 1 if n else 0)  # from the event day on
            try:
                due = wd_dates[i]
            except IndexError:
                raise self._runs_past(event, period) from None
            if suffix:  # unofficial years all come after the official ones
                return _new_tuple(
                    Deadline,
                    (
                        self,
                        event,
                        period,
                        due,
                        due,
                        due > through
                        or unsure[due.toordinal() - lo] != (unsure[k - 1] if k else 0),
                    ),
                )
            return _new_tuple(
                Deadline, (self, event, period, due, due, self._provisional(o, due.toordinal()))
            )
        o = self._ord(event, "event")
        if cls is Days:
            nominal = o + period.n - (0 if self._exclude_event or period.n == 0 else 1)
        elif cls is Months or cls is Years:
            months = period.n * (12 if cls is Years else 1)
            end = add_months(event, months)
            if not self._exclude_event and period.n:
                end -= timedelta(days=1)
            nominal = end.toordinal()
        else:
            raise InvalidPeriodError.from_key("error.calendar.period", given=brief(period))
        if nominal > self._hi:
            raise self._runs_past(event, period)
        r = nominal
        if self._roll and r not in self._wd_set:
            i = bisect_left(self._wd, r)
            if i >= len(self._wd):
                raise self._no_working_day("error.calendar.none_after", date.fromordinal(r))
            r = self._wd[i]
        return Deadline.make(
            self,
            event,
            period,
            date.fromordinal(r),
            date.fromordinal(nominal),
            self._provisional(o, r),
        )

    def latest_before(self, target: date, period: Days | Months | Years) -> date:
        """The latest date that is at least ``period`` before ``target`` (Art. 18(4): the
        results report 'at least 30 days before' the end): ``target - period``."""
        if not isinstance(period, (Days, Months, Years)):
            raise InvalidPeriodError.from_key("error.calendar.latest_before", given=brief(period))
        o = self._ord(target, "target")
        if isinstance(period, Days):
            if o - period.n < self._lo:
                raise self._before_first("error.calendar.before_first", target, period)
            d = date.fromordinal(o - period.n)
        else:
            d = add_months(target, -period.n * (12 if isinstance(period, Years) else 1))
        self._ord(d, "result")
        return d

    def window_before(self, target: date, period: Days, *, include_target: bool = False) -> Window:
        """The days 'within ``period`` before' ``target`` (Art. 14(1)): from ``target - n``
        to the day before ``target`` (or ``target`` itself with ``include_target``)."""
        if not isinstance(period, Days):
            raise InvalidPeriodError.from_key("error.calendar.window_before", given=brief(period))
        o = self._ord(target, "target")
        if o - period.n < self._lo:
            raise self._before_first("error.calendar.window_start", target, period)
        start = date.fromordinal(o - period.n)
        end = target if include_target else target - timedelta(days=1)
        return Window(
            start,
            end,
            self._provisional(start.toordinal(), o),
            {
                "extension-window": "including-end-day"
                if include_target
                else "thirty-days-before-end"
            },
        )

    def days_off(self, year: int) -> list[DayOff]:
        """Named days off (holidays, compensatory and swapped days) and worked Saturdays."""
        if type(year) is not int:
            raise InvalidDateError.from_key("error.calendar.year_not_int", given=brief(year))
        if not self.first_date.year <= year <= self.last_date.year:
            raise DateOutOfRangeError.from_key(
                "error.year_outside",
                year=year,
                first=self.first_date.year,
                last=self.last_date.year,
            )
        lo, hi = date(year, 1, 1).toordinal(), date(year, 12, 31).toordinal()
        out = [self._days[o] for o in sorted(self._days) if lo <= o <= hi]
        prov = year not in self.official_years
        # A day is provisional as a deadline across it is (trial 4): in a year without an
        # official schedule, or not settled by its documents (_unsure).
        return [
            DayOff(
                x.date,
                x.status,
                x.name_vi,
                x.name_en,
                x.kind,
                x.documents,
                prov or _unsure(x),
                x.interpretation,
            )
            for x in out
        ]

    # -- explanations ---------------------------------------------------------------------------
    def _reason(self, d: date) -> tuple[str, str, tuple[str, ...], bool]:
        """(reason vi, reason en, documents, is working day)."""
        info = self._days.get(d.toordinal())
        wd = d.weekday()
        if info is not None:
            docs_vi = "; ".join(x.cite_vi() for x in info.documents)
            docs_en = "; ".join(x.cite_en() for x in info.documents)
            refs = tuple(x.id for x in info.documents)
            if info.status == "worked":
                return (
                    f"{WEEKDAY_VI[wd]} làm việc: {info.name_vi} ({docs_vi})",
                    f"{WEEKDAY_EN[wd]} worked: {info.name_en} ({docs_en})",
                    refs,
                    True,
                )
            return (f"{info.name_vi} ({docs_vi})", f"{info.name_en} ({docs_en})", refs, False)
        if wd == 5:
            return ("Thứ Bảy (nghỉ hằng tuần)", "Saturday (weekly rest)", (), False)
        if wd == 6:
            return ("Chủ nhật (nghỉ hằng tuần)", "Sunday (weekly rest)", (), False)
        return ("ngày làm việc", "working day", (), True)

    def _explain(self, dl: Deadline) -> tuple[Step, ...]:
        steps = [Step(dl.event, "event", None, "ngày xảy ra sự kiện", "day of the event")]
        if not self._exclude_event:
            steps[0] = Step(
                dl.event,
                "event",
                None,
                "ngày xảy ra sự kiện (được tính)",
                "day of the event (counted)",
            )
        one = timedelta(days=1)
        if isinstance(dl.period, WorkingDays):
            d = dl.event if (not self._exclude_event or dl.period.n == 0) else dl.event + one
            count = 0
            if not self._exclude_event or dl.period.n == 0:
                steps.pop()
            while d <= dl.date:
                vi, en, refs, working = self._reason(d)
                if working:
                    count += 1
                    tag_vi = "tính" if vi == "ngày làm việc" else f"tính — {vi}"
                    tag_en = "counted" if en == "working day" else f"counted — {en}"
                    steps.append(
                        Step(d, "counted", count if dl.period.n else None, tag_vi, tag_en, refs)
                    )
                else:
                    steps.append(
                        Step(d, "skipped", None, f"bỏ qua — {vi}", f"skipped — {en}", refs)
                    )
                d += one
            steps[-1] = Step(
                steps[-1].date,
                "due",
                steps[-1].count,
                steps[-1].reason_vi + " → HẠN CUỐI",
                steps[-1].reason_en + " → DUE",
                steps[-1].documents,
            )
            return tuple(steps)
        if isinstance(dl.period, Days) and dl.period.n <= 62:
            d = dl.event + one if self._exclude_event else dl.event
            count = 0
            while d <= dl.nominal:
                count += 1
                vi, en, refs, _ = self._reason(d)
                steps.append(
                    Step(
                        d, "counted", count, f"ngày thứ {count} ({vi})", f"day {count} ({en})", refs
                    )
                )
                d += one
        else:
            steps.append(
                Step(
                    dl.nominal,
                    "counted",
                    None,
                    f"ngày cuối của thời hạn {dl.period.vi()} (ngày tương ứng)",
                    f"last day of the {dl.period.en()} period (corresponding day)",
                )
            )
        d = dl.nominal
        if d != dl.date or not self.is_working_day(d):
            vi, en, refs, _ = self._reason(d)
            steps[-1] = Step(
                d,
                "passed",
                steps[-1].count,
                f"{steps[-1].reason_vi} — không phải ngày làm việc",
                f"{steps[-1].reason_en} — not a working day",
                refs,
            )
            d += one
            while d <= dl.date:
                vi, en, refs, working = self._reason(d)
                action = "rolled" if not working else "due"
                tail_vi = " → HẠN CUỐI (chuyển sang ngày làm việc tiếp theo)" if working else ""
                tail_en = " → DUE (moved to the next working day)" if working else ""
                steps.append(Step(d, action, None, vi + tail_vi, en + tail_en, refs))
                d += one
        else:
            last = steps[-1]
            steps[-1] = Step(
                last.date,
                "due",
                last.count,
                last.reason_vi + " → HẠN CUỐI",
                last.reason_en + " → DUE",
                last.documents,
            )
        return tuple(steps)

    def _documents_of(self, dl: Deadline) -> list[str]:
        """The documents behind the days the explanation (``_explain``) walks, in its order,
        found without building its steps: only days in the data carry documents."""
        first = dl.event.toordinal()
        if isinstance(dl.period, WorkingDays):
            if self._exclude_event and dl.period.n != 0:
                first += 1  # the event's own line names no document
        elif isinstance(dl.period, Days) and dl.period.n <= 62:
            # as for working days: a period of 0 days ends on the event's own day, whose line
            # the explanation writes with its documents
            first += 1 if self._exclude_event and dl.period.n != 0 else 0
        elif dl.nominal != dl.date or not self.is_working_day(dl.nominal):
            first = dl.nominal.toordinal()  # only the days it was moved across are walked
        else:
            return []
        docs: list[str] = []
        days = self._days
        for o in range(first, dl.date.toordinal() + 1):
            info = days.get(o)
            if info is not None:
                for x in info.documents:
                    if x.id not in docs:
                        docs.append(x.id)
        return docs

    def _rules_for(self, dl: Deadline) -> tuple[tuple[str, str], ...]:
        rules = [RULE_EVENT_EXCLUDED if self._exclude_event else RULE_EVENT_INCLUDED]
        if isinstance(dl.period, WorkingDays):
            rules.append(RULE_WORKING_DAYS)
        else:
            rules.append({Days: RULE_DAYS, Months: RULE_MONTHS, Years: RULE_YEARS}[type(dl.period)])
            if self._roll:
                rules.append(RULE_ROLL)
        for ref in self._documents_of(dl):
            doc = self.documents[ref]
            rules.append((doc.cite_vi() + f": {doc.title}", doc.cite_en() + f": {doc.title}"))
        return tuple(rules)
