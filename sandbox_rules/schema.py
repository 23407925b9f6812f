"""JSON Schemas (draft 2020-12) of every input and output.

Inputs come from their pydantic models; outputs from the ``msgspec.Struct`` records that the
results serialise through (sandbox_rules.records, .outcomes, .time_records), so a schema and
the JSON it describes have one definition. Each schema carries ``$schema``, ``$id`` and the
records' ``schema_version`` (versioning policy: docs/records.md).
"""

from __future__ import annotations

from functools import cache
from typing import Any

import msgspec

from sandbox_rules.records import SCHEMA_VERSION

DIALECT = "https://json-schema.org/draft/2020-12/schema"
ID_BASE = "urn:sandbox-rules:schema"


def _outputs() -> dict[str, type[Any]]:
    from sandbox_rules import document_records as d
    from sandbox_rules import outcomes as o
    from sandbox_rules import reference_records as r
    from sandbox_rules import time_records as t
    from sandbox_rules.errors import BatchError, ErrorRecord

    return {
        "assessment": o.Assessment,
        "routing": o.Routing,
        "dossier": o.DossierCheck,
        "deadline": t.Deadline,
        "timeline": t.Timeline,
        "timelines": t.Timelines,
        "lifecycle": t.Lifecycle,
        "obligations": t.Obligations,
        "duties": t.Duties,
        "law-unit": r.LawUnit,
        "rules": r.Rules,
        "coverage": r.Coverage,
        "catalogue": r.Catalogue,
        "calendar-year": r.CalendarYear,
        "report": d.Report,
        "reports": d.Reports,
        "case-results": d.CaseResults,
        "template": d.Template,
        "interview": d.Interview,
        "error": ErrorRecord,
        "batch-error": BatchError,
    }


def _inputs() -> dict[str, type[Any]]:
    from sandbox_rules.inputs import DossierInput, Scenario
    from sandbox_rules.lifecycle import SandboxRecord
    from sandbox_rules.models import Application

    return {
        "application": Application,
        "record": SandboxRecord,
        "scenario": Scenario,
        "dossier-input": DossierInput,
    }


OUTPUTS: dict[str, type[Any]] = _outputs()
INPUTS = ("application", "record", "scenario", "dossier-input")


def names() -> tuple[str, ...]:
    return (*INPUTS, *OUTPUTS)


def _envelope(name: str, body: dict[str, Any], direction: str) -> dict[str, Any]:
    out: dict[str, Any] = {
        "$schema": DIALECT,
        "$id": f"{ID_BASE}:{SCHEMA_VERSION}:{name}",
        "title": f"sandbox_rules {name} ({direction})",
        "x-schema-version": SCHEMA_VERSION,
    }
    out.update(body)
    return out


@cache
def _output_schema(name: str) -> dict[str, Any]:
    kind = OUTPUTS[name]
    raw = msgspec.json.schema(kind)
    defs: dict[str, Any] = raw.get("$defs", {})
    ref = raw["$ref"].rsplit("/", 1)[-1]
    root = _always_written(dict(defs.pop(ref)))
    if defs:
        root["$defs"] = {k: _always_written(v) for k, v in defs.items()}
    return _envelope(name, root, "output")


def _always_written(schema: dict[str, Any]) -> dict[str, Any]:
    """A record's schema with ``kind`` and ``schema_version`` required: they are always
    written, although they have defaults in the definition; a record nested in another (a
    report's timelines, a batch line's error) too."""
    props = schema.get("properties", {})
    if "kind" in props and "schema_version" in props:
        schema = {
            **schema,
            "required": sorted({*schema.get("required", ()), "kind", "schema_version"}),
        }
    return schema


@cache
def _input_schema(name: str) -> dict[str, Any]:
    return _envelope(name, _inputs()[name].model_json_schema(), "input")


def json_schema(which: str = "application") -> dict[str, Any]:
    """The JSON Schema of an input (application, record, scenario, dossier-input) or an output
    record (assessment, routing, dossier, deadline, timeline, timelines, lifecycle,
    obligations, duties, law-unit, rules, coverage, catalogue, calendar-year, report, reports,
    case-results, template, interview, error, batch-error: ``names()``). A fresh copy each call."""
    import copy

    if isinstance(which, str) and which in INPUTS:
        return copy.deepcopy(_input_schema(which))
    if isinstance(which, str) and which in OUTPUTS:
        return copy.deepcopy(_output_schema(which))
    from sandbox_rules.errors import InputValidationError, brief

    raise InputValidationError.from_key(
        "error.no_schema", given=brief(which, 40), names=", ".join(names())
    )


def openapi_components() -> dict[str, Any]:
    """Every output record's schema as OpenAPI 3.1 components (for the HTTP service)."""
    _, components = msgspec.json.schema_components(
        tuple(OUTPUTS[n] for n in OUTPUTS), ref_template="#/components/schemas/{name}"
    )
    return {k: _always_written(v) for k, v in components.items()}
