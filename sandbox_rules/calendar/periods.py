"""Typed periods: ``WorkingDays(n)``, ``Days(n)``, ``Months(n)``, ``Years(n)``.

Calendar arithmetic follows Civil Code 2015 Art. 148(3)-(4): a month or year period ends
on the corresponding day, or on the last day of the month where there is none.
"""

from __future__ import annotations

import calendar as _stdcal
from datetime import date, timedelta
from typing import ClassVar, Self

from sandbox_rules.errors import DateOutOfRangeError, InvalidPeriodError, brief

# Lengths up to this are built once per unit and shared: ``WorkingDays(10)`` in a call costs a
# type check and a dict look-up, not an object (docs/performance.md). The Decree's own periods
# (3 to 90 days, up to 24 months) all fall inside it.
_SHARED_UP_TO = 128


def check_length(kind: str, n: object) -> int:
    """The one validation of a period's length: an int (not a bool) that is not negative."""
    if isinstance(n, bool) or not isinstance(n, int):
        from sandbox_rules.i18n import Term

        raise InvalidPeriodError.from_key(
            "error.period.not_int", period=Term("period", kind), given=brief(n)
        )
    if n < 0:
        from sandbox_rules.i18n import Term

        raise InvalidPeriodError.from_key(
            "error.period_negative", period=Term("period", kind), given=n
        )
    return n


class Period:
    """A length of time in one unit (Civil Code 2015 Art. 144-148); immutable, hashable."""

    __slots__ = ("n",)
    n: int
    unit: ClassVar[str] = "?"
    vi_unit: ClassVar[str] = "?"
    _shared: ClassVar[dict[int, Period]] = {}

    def __new__(cls, n: int) -> Self:
        # Exact int only on the shared path: True and 10.0 hash like 1 and 10.
        if n.__class__ is int:
            shared = cls._shared.get(n)
            if shared is not None:
                return shared  # type: ignore[return-value]
        return cls._build(check_length(cls.__name__, n))

    @classmethod
    def _build(cls, n: int) -> Self:
        self = object.__new__(cls)
        object.__setattr__(self, "n", int(n))
        return self

    def __init_subclass__(cls) -> None:
        # Built when the class is, so the shared table is never written after import.
        cls._shared = {n: cls._build(n) for n in range(_SHARED_UP_TO + 1)}

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"{type(self).__name__} is immutable")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"{type(self).__name__} is immutable")

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return self.n == other.n

    def __hash__(self) -> int:
        return hash((type(self).__name__, self.n))

    def __repr__(self) -> str:
        return f"{type(self).__name__}(n={self.n!r})"

    def __reduce__(self) -> tuple[type[Period], tuple[int]]:
        return (type(self), (self.n,))

    def vi(self) -> str:
        """Vietnamese, as the decree writes it: ``10 ngày làm việc``, ``03 tháng``."""
        return f"{self.n:02d} {self.vi_unit}"

    def en(self) -> str:
        """English: ``10 working days``, ``1 month``."""
        label = self.unit.replace("_", " ")
        return f"{self.n} {label[:-1] if self.n == 1 else label}"

    def to_dict(self) -> dict[str, object]:
        """``{"unit": ..., "n": ...}``, the form :func:`period_from_dict` reads."""
        return {"unit": self.unit, "n": self.n}


class WorkingDays(Period):
    """Working days of the public service (ngày làm việc): weekends, days off and moved days
    are skipped, worked Saturdays counted (Labour Code 2019 Art. 111-112, the yearly decisions)."""

    __slots__ = ()
    unit: ClassVar[str] = "working_days"
    vi_unit: ClassVar[str] = "ngày làm việc"


class Days(Period):
    """Calendar days (ngày), counted by Civil Code 2015 Art. 147-148."""

    __slots__ = ()
    unit: ClassVar[str] = "days"
    vi_unit: ClassVar[str] = "ngày"


class Months(Period):
    """Months (tháng): the corresponding day, or the month's last day (Civil Code Art. 148(3))."""

    __slots__ = ()
    unit: ClassVar[str] = "months"
    vi_unit: ClassVar[str] = "tháng"


class Years(Period):
    """Years (năm): twelve months, counted as :class:`Months` (Civil Code Art. 148(4))."""

    __slots__ = ()
    unit: ClassVar[str] = "years"
    vi_unit: ClassVar[str] = "năm"


PERIOD_TYPES: dict[str, type[Period]] = {
    "working_days": WorkingDays,
    "days": Days,
    "months": Months,
    "years": Years,
}


def period_from_dict(data: object) -> Period:
    if not isinstance(data, dict) or "unit" not in data or "n" not in data:
        raise InvalidPeriodError.from_key("error.period.shape", given=brief(data))
    unit = data["unit"]
    cls = PERIOD_TYPES.get(unit) if isinstance(unit, str) else None
    if cls is None:
        raise InvalidPeriodError.from_key(
            "error.period.unit", given=brief(data["unit"]), units=", ".join(PERIOD_TYPES)
        )
    return cls(check_length("period", data["n"]))


_MONTH_DAYS = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def add_months(d: date, months: int) -> date:
    """The corresponding day ``months`` later, or the month's last day (Art. 148(3))."""
    year, month0 = divmod(d.year * 12 + d.month - 1 + months, 12)
    if not 1 <= year <= 9999:  # datetime.MINYEAR..MAXYEAR: Months(10**5) is refused, typed
        from sandbox_rules.i18n import Day

        raise DateOutOfRangeError.from_key("error.months_beyond", date=Day(d), n=months)
    day = d.day
    if day > 28:  # only the last days of a month may have no corresponding day
        last = 29 if month0 == 1 and _stdcal.isleap(year) else _MONTH_DAYS[month0]
        day = min(day, last)
    return date(year, month0 + 1, day)


def add_calendar_period(d: date, unit: str, amount: int) -> date:
    """``d`` plus ``amount`` days, months or years, without roll-forward."""
    if unit == "days":
        try:
            return d + timedelta(days=amount)
        except OverflowError:
            from sandbox_rules.i18n import Day

            raise DateOutOfRangeError.from_key("error.days_beyond", date=Day(d), n=amount) from None
    if unit == "months":
        return add_months(d, amount)
    if unit == "years":
        return add_months(d, 12 * amount)
    raise InvalidPeriodError.from_key("error.period.calendar_unit", given=brief(unit))
