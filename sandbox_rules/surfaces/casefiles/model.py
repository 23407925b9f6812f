"""The case-file format: a case (an application and/or a sandbox record with events and an
as-of date) and what the law should give for it (``expect``). One definition gives the
validation, the JSON Schema (``sandbox-rules test --schema``) and the template.

Only the expectations written in the file are checked; an expectation written as ``null``
is checked too (e.g. ``authority: null``: no authority can be determined yet).
"""

from __future__ import annotations

from datetime import date
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from sandbox_rules._validation import Flag
from sandbox_rules.codes import ObligationStatus, State, StepStatus

Conditions = Literal["eligible", "ineligible", "undetermined"]
ScopeAnswer = Literal["within", "outside", "undetermined"]
PlanAnswer = Literal["complete", "incomplete", "undetermined"]
#: The procedures of sandbox_rules.procedures.PROCEDURES (a test keeps them equal), written
#: out so that reading a case file does not load the procedures.
Procedure = Literal[
    "issuance-12.3",
    "issuance-12.4",
    "reissue-12.5",
    "adjustment-13.3",
    "extension-14",
    "conclusion-16.3",
]


class _M(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)


class TimelineSpec(_M):
    """A procedure and the days its events happened (sandbox-rules timeline)."""

    procedure: Procedure = Field(
        description="12-16: issuance-12.3, issuance-12.4, reissue-12.5, adjustment-13.3, "
        "extension-14, conclusion-16.3"
    )
    events: dict[str, date | None] = Field(
        default_factory=dict, description="event -> date, e.g. dossier_complete: 2026-02-11"
    )


class DossierSpec(_M):
    """A filing to check against its list of documents."""

    procedure: Literal["issuance", "reissue", "adjustment", "extension", "conclusion"] = Field(
        "issuance",
        description="12.2 issuance, 12.5 reissue, 13.2 adjustment, 14.1 extension, 16.2 conclusion",
    )
    applicant_kind: Literal["organisation", "individual"] | None = Field(
        None, description="default: the application's applicant.kind"
    )
    documents: list[str] | None = Field(
        None, description="documents at hand, by code or name: HĐTN01, phương án ..."
    )
    requires_extension: Flag = Field(None, description="13.2.c: the adjustment extends the period")


class Expect(_M):
    """What the law should give. Every key is optional; write only what the case is about."""

    verdict: Conditions | None = Field(None, description="the assessment's verdict (Art. 9)")
    conditions: Conditions | None = Field(None, description="Art. 9: are the conditions met")
    scope: ScopeAnswer | None = Field(None, description="Art. 10: is the requested scope within")
    plan: PlanAnswer | None = Field(None, description="Art. 11: does the plan hold every content")
    failed: list[str] | None = Field(
        None, description="exactly the clauses (or rule ids) not met, e.g. [9.1.b, 10.2]"
    )
    missing_facts: list[str] | None = Field(
        None, description="exactly the facts still needed (fact name or field path)"
    )
    authority: str | None = Field(
        None, description="12.1: the body that issues (code or name: DNG, Đà Nẵng, BTC)"
    )
    authority_clause: str | None = Field(
        None, description="12.1: the point deciding it, e.g. 12.1.b"
    )
    procedure: str | None = Field(None, description="12.3, 12.4 or 12.6")
    routing: Literal["determined", "undetermined", "not_specified_by_text"] | None = Field(
        None, description="whether the text decides the routing"
    )
    dossier_complete: Flag = Field(None, description="12.2 (or the dossier: given)")
    dossier_missing: list[str] | None = Field(
        None, description="exactly the documents missing (code, name or clause)"
    )
    due: dict[str, date | None] | None = Field(
        None, description="timeline step -> due date, e.g. consult: 2026-02-23"
    )
    step_status: dict[str, StepStatus] | None = Field(
        None, description="timeline step -> status (done_on_time, overdue, pending ...)"
    )
    state: State | None = Field(
        None, description="lifecycle state as of the date (issued, active, extended, revoked ...)"
    )
    end: date | None = Field(None, description="10.2, 14: the end of the testing period")
    extension_window: list[date] | None = Field(
        None, description="14.1: [first day, last day] to ask for an extension"
    )
    results_report_due: date | None = Field(None, description="18.4")
    grounds: list[str] | None = Field(
        None, description="exactly the revocation grounds that arose (15.1.a-d, or rule ids)"
    )
    grounds_arose: dict[str, date] | None = Field(None, description="ground -> the day it arose")
    decision_due: dict[str, date] | None = Field(
        None, description="ground -> the day the revocation decision is due (15.2)"
    )
    obligations: dict[str, ObligationStatus] | None = Field(
        None,
        description="obligation id (sandbox-rules obligations shows each one's) -> status "
        "(done, overdue, upcoming ...)",
    )
    overdue: list[str] | None = Field(
        None, description="exactly the obligations overdue (ids, or clauses such as 17.3)"
    )
    exempt: Flag = Field(None, description="22.2: exempt from civil liability")
    error: str | None = Field(
        None, description="the case must be refused with this error code (e.g. invalid_transition)"
    )


class Case(_M):
    """One case of a case file."""

    name: str = Field(description="the case's name, shown in the summary")
    description: str | None = None
    clauses: list[str] | None = Field(None, description="the clauses the case is about")

    @field_validator("clauses", mode="before")
    @classmethod
    def _numbers(cls, value: Any) -> Any:
        # 11 (an article) is read by YAML as an int, 10.2 is kept as written: both are
        # clauses, as docs/casefiles.md says (numbers need no quotes). True/false are not.
        if isinstance(value, list):
            return [str(v) if isinstance(v, int) and not isinstance(v, bool) else v for v in value]
        return value

    from_: str | None = Field(
        None,
        alias="from",
        description="an application or scenario file (relative to this file) the case reads",
    )
    application: dict[str, Any] | None = Field(
        None, description="an application (sandbox-rules init application)"
    )
    record: dict[str, Any] | None = Field(
        None, description="a sandbox record: issued_on, approved_months, events"
    )
    as_of: date | None = Field(None, description="the day to evaluate the record and timeline at")
    timeline: TimelineSpec | None = None
    dossier: DossierSpec | None = None
    compliance: dict[str, Flag] | None = Field(
        None, description="duty id -> complied (true/false/null), for Art. 22"
    )
    interpretations: dict[str, str] = Field(
        default_factory=dict, description="chosen readings, id -> option (docs/interpretations.md)"
    )
    xfail: str | None = Field(
        None, description="the code is known to disagree with the text here: why (reported)"
    )
    expect: Expect = Field(description="what the law should give; only keys written are checked")

    @field_validator("expect", mode="before")
    @classmethod
    def _empty(cls, value: Any) -> Any:
        return {} if value is None else value  # "expect:" with every line commented out


def case_json_schema() -> dict[str, Any]:
    schema = Case.model_json_schema(by_alias=True)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = "https://sandbox-rules/schemas/case.json"
    return schema
