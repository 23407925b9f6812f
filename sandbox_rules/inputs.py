"""Input files other than the application (sandbox_rules.models) and the record
(sandbox_rules.lifecycle.SandboxRecord): scenario files (as_of, a record, procedure
timelines, a duties checklist) and the bare dossier checklist. Pydantic models, so each file
has a published JSON Schema (``sandbox-rules schema scenario``)."""

from __future__ import annotations

from datetime import date
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from sandbox_rules._validation import Flag


class _Input(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class TimelineSpec(_Input):
    """One procedure and the dates of its events (sandbox_rules.procedures.PROCEDURES)."""

    procedure: str = Field(description="procedure id, e.g. issuance-12.3, adjustment-13.3")
    events: dict[str, date] = Field(
        default_factory=dict, description="event name -> date (YYYY-MM-DD)"
    )


class Scenario(_Input):
    """A scenario file: what happened to a sandbox, as of a date."""

    as_of: date | None = Field(None, description="the date the status is computed for")
    record: dict[str, Any] | None = Field(None, description="the sandbox record (schema: record)")
    timeline: TimelineSpec | None = None
    timelines: list[TimelineSpec] | None = Field(None, max_length=50)
    compliance: dict[str, Flag] | None = Field(
        None, description="duty id -> complied (true/false/null = unknown), for Art. 22"
    )
    interpretations: dict[str, str] = Field(default_factory=dict)


class DossierInput(_Input):
    """The documents at hand for one filing, without a whole application."""

    procedure: Literal["issuance", "reissue", "adjustment", "extension", "conclusion"] | None = (
        Field(
            None,
            description="the filing: 12.2 issuance (the default), 12.5 reissue, 13.2 adjustment, "
            "14.1 extension, 16.2 conclusion; the CLI's --procedure, when given, must agree",
        )
    )
    applicant_kind: Literal["organisation", "individual"] | None = None
    documents: list[str] | None = Field(None, max_length=200)
    requires_extension: Flag = Field(
        None, description="an adjustment that needs the period extended (13.2.c)"
    )


class ComplianceInput(BaseModel):
    """The ``compliance:`` table of a scenario or case file alone (the rest of the file is
    read elsewhere): duty id -> complied, each a yes/no (true/false or có/không)."""

    model_config = ConfigDict(extra="ignore", frozen=True)
    compliance: dict[str, Flag] | None = None
