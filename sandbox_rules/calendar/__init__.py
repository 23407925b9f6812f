"""Vietnam's public-sector working-day calendar and statutory periods.

Importing this package loads neither pydantic nor `holidays`: the official calendar ships
as a precomputed index (``data/index.json``) built from both by ``calendar.build``.
"""

from sandbox_rules.calendar.core import DayOff, Deadline, Document, Step, VietnamCalendar, Window
from sandbox_rules.calendar.periods import Days, Months, Period, WorkingDays, Years

__all__ = [
    "DayOff",
    "Days",
    "Deadline",
    "Document",
    "Months",
    "Period",
    "Step",
    "VietnamCalendar",
    "Window",
    "WorkingDays",
    "Years",
]
