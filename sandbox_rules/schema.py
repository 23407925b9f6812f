"""JSON Schemas of the input (from the pydantic model) and of each output record.

The output records are plain, fast objects; these pydantic models describe their
``to_dict()`` form and tests validate every example's output against them.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field


class _Out(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)


class MissingFactOut(_Out):
    fact: str
    field: str | None
    label_vi: str
    label_en: str
    asked_by: list[str]


class Provenance(_Out):
    library_version: str
    law_version: str


class FindingOut(_Out):
    rule_id: str
    topic: str
    status: Literal["met", "not_met", "unknown", "not_applicable"]
    citations: list[str]
    citation_vi: str
    citation_en: str
    statement_vi: str
    statement_en: str
    quote_vi: str
    missing_facts: list[MissingFactOut]
    interpretations: list[str]


class AssessmentOut(_Out):
    kind: Literal["assessment"]
    verdict: Literal["eligible", "ineligible", "undetermined"]
    findings: list[FindingOut]
    missing_facts: list[MissingFactOut]
    interpretations_used: dict[str, str]
    provenance: Provenance


class RoutingOut(_Out):
    kind: Literal["routing"]
    status: Literal["determined", "undetermined", "not_specified_by_text"]
    authority: dict[str, Any] | None
    authority_rule: str | None
    procedure: Literal["12.3", "12.4", "12.6"] | None
    procedure_rule: str | None
    file_with: dict[str, str] | None
    methods: list[Literal["online", "in_person", "post"]]
    citations: list[str]
    notes: list[str]
    missing_facts: list[MissingFactOut]
    interpretations_used: dict[str, str]
    provenance: Provenance


class DossierItemOut(_Out):
    rule_id: str
    citation: str
    citation_vi: str
    document: str
    accepted: list[str]
    label_vi: str
    label_en: str
    status: Literal["present", "missing", "unknown"]
    conditional: bool


class DossierOut(_Out):
    kind: Literal["dossier"]
    procedure: str
    applicant_kind: Literal["organisation", "individual"] | None
    complete: bool | None
    items: list[DossierItemOut]
    missing: list[DossierItemOut]
    interpretations_used: dict[str, str]
    provenance: Provenance


class ProvenanceWithCalendar(_Out):
    library_version: str
    law_version: str
    calendar_data_version: str


class DayStepOut(_Out):
    date: str
    weekday: str
    action: Literal["event", "counted", "skipped", "passed", "rolled", "due"]
    count: int | None
    reason_vi: str
    reason_en: str
    documents: list[str]


class PeriodOut(_Out):
    unit: Literal["working_days", "days", "months", "years"]
    n: int


class RuleRefOut(_Out):
    vi: str
    en: str


class DeadlineOut(_Out):
    event: str
    period: PeriodOut
    date: str
    weekday: str
    nominal_date: str
    provisional: bool
    provisional_reason: str | None
    rules: list[RuleRefOut]
    interpretations_used: dict[str, str]
    calendar_data_version: str
    steps: list[DayStepOut] | None = None


class TimelineStepOut(_Out):
    step: str
    rule_id: str
    citation: str
    citation_vi: str
    actor: Literal["authority", "consultees", "applicant"]
    label_vi: str
    label_en: str
    period: PeriodOut
    effective_period: PeriodOut | None
    starts_on_event: str
    start: str | None
    start_assumed: bool
    due: str | None
    provisional: bool
    actual: str | None
    status: Literal[
        "done_on_time",
        "late",
        "pending",
        "overdue",
        "paused",
        "waiting",
        "not_started",
        "not_applicable",
    ]
    late_working_days: int | None
    clock_stopped_working_days: int
    note_vi: str | None
    note_en: str | None
    explanation: list[DayStepOut] | None = None


class NoteOut(_Out):
    citation: str
    vi: str
    en: str


class TimelineOut(_Out):
    kind: Literal["timeline"]
    procedure: str
    title_vi: str
    title_en: str
    as_of: str
    steps: list[TimelineStepOut]
    worst_case_end: str | None
    open_end_vi: str | None
    open_end_en: str | None
    notes: list[NoteOut]
    interpretations_used: dict[str, str]
    provenance: ProvenanceWithCalendar


class HistoryOut(_Out):
    on: str
    event: str
    from_: str = Field(alias="from")
    to: str
    rule_id: str | None


class WindowOut(_Out):
    start: str
    end: str
    citation: str


class GroundOut(_Out):
    rule_id: str
    citation: str
    citation_vi: str
    statement_vi: str
    statement_en: str
    arose_on: str
    decision_due: str
    decision_citation: str
    decided_by: str
    detail_vi: str
    detail_en: str


class UndeterminedGroundOut(_Out):
    rule_id: str
    citation: str
    citation_vi: str
    statement_vi: str
    statement_en: str
    would_arise_on: str
    missing_facts: list[MissingFactOut]
    detail_vi: str
    detail_en: str


class LifecycleOut(_Out):
    kind: Literal["lifecycle"]
    state: str
    as_of: str
    history: list[HistoryOut]
    testing_start: str | None
    approved_end: str | None
    extended_end: str | None
    end: str | None
    extension_window: WindowOut | None
    results_report_due: str | None
    revocation_grounds: list[GroundOut]
    undetermined_grounds: list[UndeterminedGroundOut]
    ended_on: str | None
    warnings: list[str]
    interpretations_used: dict[str, str]
    provenance: ProvenanceWithCalendar
    duties: dict[str, Any] | None = None


class ObligationWindowOut(_Out):
    start: str
    end: str


class ObligationOut(_Out):
    id: str
    citation: str
    actor: Literal["participant", "authority"]
    title_vi: str
    title_en: str
    due: str | None
    window: ObligationWindowOut | None
    status: Literal[
        "done",
        "done_late",
        "overdue",
        "upcoming",
        "open",
        "closed",
        "informational",
        "continuing",
        "undetermined",
    ]
    detail_vi: str
    detail_en: str
    provisional: bool
    duty: str | None


class ObligationsOut(_Out):
    kind: Literal["obligations"]
    as_of: str
    start: str | None
    end: str | None
    ended_on: str | None
    items: list[ObligationOut]
    interpretations_used: dict[str, str]
    provenance: ProvenanceWithCalendar


OUTPUTS: dict[str, type[_Out]] = {
    "assessment": AssessmentOut,
    "routing": RoutingOut,
    "dossier": DossierOut,
    "deadline": DeadlineOut,
    "timeline": TimelineOut,
    "lifecycle": LifecycleOut,
    "obligations": ObligationsOut,
}
INPUTS = ("application", "record")


def json_schema(which: str = "application") -> dict[str, Any]:
    """The JSON Schema of an input (application, record) or an output record."""
    if which == "application":
        from sandbox_rules.models import Application

        return Application.model_json_schema()
    if which == "record":
        from sandbox_rules.lifecycle import SandboxRecord

        return SandboxRecord.model_json_schema()
    if which not in OUTPUTS:
        from sandbox_rules.errors import InputValidationError

        raise InputValidationError(
            f"no schema {which!r}; choose from {', '.join((*INPUTS, *OUTPUTS))}"
        )
    return OUTPUTS[which].model_json_schema(by_alias=True)
