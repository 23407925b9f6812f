"""Typed periods: ``WorkingDays(n)``, ``Days(n)``, ``Months(n)``, ``Years(n)``.

Calendar arithmetic follows Civil Code 2015 Art. 148(3)-(4): a month or year period ends
on the corresponding day, or on the last day of the month where there is none.
"""

from __future__ import annotations

import calendar as _stdcal
from datetime import date, timedelta
from typing import ClassVar

from sandbox_rules._record import Record
from sandbox_rules.errors import DateOutOfRangeError, InvalidPeriodError, brief


class Period(Record):
    """A length of time in one unit; immutable, hashable."""

    __slots__ = ("n",)
    _fields = ("n",)
    n: int
    unit: ClassVar[str] = "?"
    vi_unit: ClassVar[str] = "?"

    def __post_init__(self) -> None:
        if isinstance(self.n, bool) or not isinstance(self.n, int):
            raise InvalidPeriodError(f"{type(self).__name__}.n must be an int, got {brief(self.n)}")
        if self.n < 0:
            raise InvalidPeriodError(f"{type(self).__name__}.n must be >= 0, got {self.n}")

    def vi(self) -> str:
        return f"{self.n:02d} {self.vi_unit}"

    def en(self) -> str:
        label = self.unit.replace("_", " ")
        return f"{self.n} {label[:-1] if self.n == 1 else label}"

    def to_dict(self) -> dict[str, object]:
        return {"unit": self.unit, "n": self.n}


class WorkingDays(Period):
    __slots__ = ()
    unit: ClassVar[str] = "working_days"
    vi_unit: ClassVar[str] = "ngày làm việc"


class Days(Period):
    __slots__ = ()
    unit: ClassVar[str] = "days"
    vi_unit: ClassVar[str] = "ngày"


class Months(Period):
    __slots__ = ()
    unit: ClassVar[str] = "months"
    vi_unit: ClassVar[str] = "tháng"


class Years(Period):
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
        raise InvalidPeriodError(f"a period is {{'unit': ..., 'n': ...}}, got {brief(data)}")
    unit = data["unit"]
    cls = PERIOD_TYPES.get(unit) if isinstance(unit, str) else None
    if cls is None:
        raise InvalidPeriodError(
            f"unknown period unit {brief(data['unit'])}; use {', '.join(PERIOD_TYPES)}"
        )
    n = data["n"]
    if not isinstance(n, int):
        raise InvalidPeriodError(f"period n must be an int, got {brief(n)}")
    return cls(n)


def add_months(d: date, months: int) -> date:
    """The corresponding day ``months`` later, or the month's last day (Art. 148(3))."""
    total = d.year * 12 + (d.month - 1) + months
    year, month0 = divmod(total, 12)
    if not 1 <= year <= 9999:  # datetime.MINYEAR..MAXYEAR
        raise DateOutOfRangeError(f"{d.isoformat()} + {months} months is beyond year 1..9999")
    last = _stdcal.monthrange(year, month0 + 1)[1]
    return date(year, month0 + 1, min(d.day, last))


def add_calendar_period(d: date, unit: str, amount: int) -> date:
    """``d`` plus ``amount`` days, months or years, without roll-forward."""
    if unit == "days":
        try:
            return d + timedelta(days=amount)
        except OverflowError:
            raise DateOutOfRangeError(
                f"{d.isoformat()} + {amount} days is beyond year 1..9999"
            ) from None
    if unit == "months":
        return add_months(d, amount)
    if unit == "years":
        return add_months(d, 12 * amount)
    raise InvalidPeriodError(f"unknown calendar unit {brief(unit)}")
