"""JSON Schemas of the input (from the pydantic model) and of each output record.

The output records are plain, fast objects; these pydantic models describe their
``to_dict()`` form and tests validate every example's output against them.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict


class _Out(BaseModel):
    model_config = ConfigDict(extra="forbid")


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


OUTPUTS: dict[str, type[_Out]] = {
    "assessment": AssessmentOut,
    "routing": RoutingOut,
    "dossier": DossierOut,
}


def json_schema(which: str = "application") -> dict[str, Any]:
    if which == "application":
        from sandbox_rules.models import Application

        return Application.model_json_schema()
    return OUTPUTS[which].model_json_schema()
