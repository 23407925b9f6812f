"""The codes several records and inputs share, each defined once: a case file's expectations
(sandbox_rules.surfaces.casefiles) are checked against the same literals as the records
(sandbox_rules.time_records). Importing this module loads nothing else."""

from __future__ import annotations

from typing import Literal

#: The lifecycle states (Art. 12-16; the message table ``state`` names each).
State = Literal[
    "applied",
    "in_consultation",
    "issued",
    "refused",
    "returned",
    "active",
    "adjusted",
    "extended",
    "revoked",
    "concluded",
]

#: The status of a step of a procedure's timeline as of a day.
StepStatus = Literal[
    "done_on_time",
    "late",
    "pending",
    "overdue",
    "paused",
    "waiting",
    "not_started",
    "not_applicable",
]

#: The status of an obligation of the schedule as of a day.
ObligationStatus = Literal[
    "done",
    "done_late",
    "overdue",
    "upcoming",
    "open",
    "closed",
    "informational",
    "continuing",  # kept after the end by Art. 19 ("và sau khi kết thúc thử nghiệm"), undated
    "undetermined",  # turns on a fact still unknown (an inspection's findings)
]
