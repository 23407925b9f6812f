"""Records of the documents the surfaces print: a decision report's data (``sandbox-rules
report FILE --json``), the results of case files (``sandbox-rules test --json``) and a
template written by ``sandbox-rules init`` and an interview's outcome (``--json``) — one
``msgspec.Struct`` definition each (``sandbox_rules.records``), with their JSON Schemas
(``sandbox-rules schema report``, ``reports``, ``case-results``, ``template``, ``interview``)
and docs/records.md.

Only the shapes live here, beside the other records, so that ``sandbox_rules.schema`` can
publish them without importing a surface; the surfaces (sandbox_rules/surfaces/report,
…/casefiles, …/templates) build them.
"""

from __future__ import annotations

from datetime import date as Date
from typing import Any, Literal

import msgspec

from sandbox_rules.errors import ErrorRecord
from sandbox_rules.outcomes import Assessment, DossierCheck, Routing
from sandbox_rules.records import Record
from sandbox_rules.reference_records import CatalogueBody
from sandbox_rules.time_records import Duties, Lifecycle, Obligations, Timeline


class ReportSource(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    """The input file the report was made from: its name and the SHA-256 of its bytes."""

    name: str
    sha256: str


class CatalogueSourceRef(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    """The document a part of the catalogue follows, and whether it was checked."""

    document: str | None
    confirmed: bool | None


class SourceMatchRow(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    """How a data source's ``managed_by`` was matched to the catalogue (12.1.a): the values
    as the application gives them, the body found, how (``code``, ``exact``, ``former_name``,
    ``folded``; ``no_match``; ``unknown``: not given) and the catalogue's document."""

    name: Any
    owning_unit: Any
    managed_by: Any
    defence_or_cipher: Any
    body: CatalogueBody | None
    how: Literal["code", "exact", "former_name", "folded", "no_match", "unknown"]
    source: CatalogueSourceRef | None


class ClockStop(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    """A timeline's clock stop as its events give it (the request's day, the answer's day;
    null where the event is not given or the procedure has no stop); the report draws it."""

    start: str | None
    end: str | None


class Clause(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    """A clause in both languages with its quoted text (the Vietnamese text)."""

    citation: str
    vi: str
    en: str
    quote: str


class ReportCase(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    """The case of a case file a report is of: its name, its number (from 1) of how many,
    and the error code the case expects (``expect.error``), if any."""

    name: str
    number: int
    of: int
    expected_error: str | None


class ReportError(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    """Why a case of a case file has no records: the library refused it (``code``, the
    message in the report's language); ``expected``: the refusal the case expects."""

    code: str
    message: str
    expected: bool


class ReportProvenance(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    """What the report was computed with: the library, the law text, the calendar data (the
    report's and each dated record's), the holidays library and the overrides applied."""

    library_version: str
    law_version: str
    calendar_data_version: str
    calendar_versions: tuple[str, ...]
    holidays_version: str
    overrides: tuple[str, ...]


class Report(Record, tag="report", frozen=True, kw_only=True):
    """What a decision report shows (``sandbox-rules report FILE --json``): the result records
    of the input — each the very record its own command prints (assessment, routing,
    dossier, timelines, lifecycle, obligations, duties; null or empty where the input has no
    such part) — with what the page adds: how each data source matched the catalogue, the
    clauses asking for the missing facts, each timeline's clock stop, the readings used and
    the provenance."""

    source: ReportSource
    as_of: Date | None
    subject: str | None
    case: ReportCase | None
    assessment: Assessment | None
    routing: Routing | None
    dossier: DossierCheck | None
    sources: tuple[SourceMatchRow, ...]
    missing_clauses: dict[str, Clause] = msgspec.field(default_factory=dict)
    timelines: tuple[Timeline, ...]
    clock_stops: tuple[ClockStop, ...]  # one per timeline, in the same order
    lifecycle: Lifecycle | None
    obligations: Obligations | None
    duties: Duties | None
    interpretations_used: dict[str, str]
    provenance: ReportProvenance
    error: ReportError | None = None


class Reports(Record, tag="reports", frozen=True, kw_only=True):
    """The reports of a case file, one per case in the file's order (``report CASES --json``)."""

    cases: tuple[Report, ...]


class CaseCheck(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    """One expectation of a case (``key``, e.g. ``due.consult``, on its ``line``): what the
    case expects, what the library gives, whether they agree; for a list, the items
    ``missing`` and ``extra``; ``note``: why the actual value is what it is."""

    key: str
    line: int | None
    expected: Any
    actual: Any
    ok: bool
    missing: tuple[str, ...]
    extra: tuple[str, ...]
    note: str | None


class CaseOutcome(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    """One case of a case file: ``passed``, ``failed``, ``error`` (the case could not be run:
    ``error`` is the error record), ``xfailed`` (a known disagreement, ``xfail`` says why) or
    ``xpassed`` (marked xfail but every expectation met)."""

    file: str
    name: str
    line: int | None
    status: Literal["passed", "failed", "error", "xfailed", "xpassed"]
    checks: tuple[CaseCheck, ...]
    error: ErrorRecord | None
    xfail: str | None
    warnings: tuple[str, ...]


class CaseCounts(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    """How many cases ended in each status, and in all."""

    passed: int
    failed: int
    error: int
    xfailed: int
    xpassed: int
    total: int


class CaseResults(Record, tag="case_results", frozen=True, kw_only=True):
    """The results of case files (``sandbox-rules test PATH… --json``), in the order run."""

    summary: CaseCounts
    cases: tuple[CaseOutcome, ...]


class Template(Record, tag="template", frozen=True, kw_only=True):
    """A template of ``sandbox-rules init`` (``--json``): what it is of, for which applicant
    kind and in which language; ``text``: the commented YAML itself; ``path``: the file it
    was written to (null: printed only)."""

    what: Literal["application", "scenario", "case"]
    applicant_kind: Literal["organisation", "individual"]
    lang: Literal["vi", "en"]
    path: str | None
    text: str


class InterviewRefusal(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    """An answer the interview could not take: the field, what was given, where (the
    answers file's line), why, and the nearest valid answer if there is one."""

    field: str
    given: Any
    where: str
    problem: str
    suggestion: str | None


class Interview(Record, tag="interview", frozen=True, kw_only=True):
    """What ``sandbox-rules interview FILE --json`` did: the answers taken (field -> value as
    written into the file), the facts answered «không biết» (unknown), those still not asked
    or not answered, the answers refused, the result after the answers and the transcript."""

    answered: dict[str, Any]
    unknown: tuple[str, ...]
    unanswered: tuple[str, ...]
    rejected: tuple[InterviewRefusal, ...]
    final: str
    transcript: tuple[str, ...]


def report_record(data: dict[str, Any]) -> Report:
    """The record of one report from the data :func:`sandbox_rules.surfaces.report.build`
    collects (the calendar it keeps for the pictures left out)."""
    fields = {k: v for k, v in data.items() if k != "calendar"}
    out: Report = msgspec.convert({"kind": "report", **fields}, Report)
    return out


def case_results_record(data: dict[str, Any]) -> CaseResults:
    """The record of case files' results from their JSON data
    (:func:`sandbox_rules.surfaces.casefiles.runner.to_json`)."""
    out: CaseResults = msgspec.convert(data, CaseResults)
    return out
