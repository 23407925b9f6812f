"""Records of the reference data: the law text of a unit, the rule catalogue, the coverage
manifest, the catalogue of ministries, agencies and provinces, and a year of the working
calendar — one ``msgspec.Struct`` definition each (``sandbox_rules.records``), so the CLI's
``--json`` (``law``, ``rules``, ``coverage``, ``catalogue``, ``calendar``), the HTTP service's
responses (``GET /law/{citation}``, ``/rules``, ``/coverage``, ``/catalogue``,
``/calendar/{year}``), their JSON Schemas and docs/records.md come from one definition.

Each ``*_record()`` function builds the record from the library's own objects.
"""

from __future__ import annotations

from datetime import date as Date
from typing import Any, Literal

import msgspec

from sandbox_rules.records import Record


class LawUnit(Record, tag="law_unit", frozen=True, kw_only=True):
    """One article, clause or point of Chapter II: its citation in both languages and its
    Vietnamese text (authoritative), with the English summary where there is one."""

    citation: str
    vi: str
    en: str
    article_title: str
    text: str
    summary_en: str | None
    law_version: str


class RuleEntry(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    """One rule of the catalogue: id, clauses, kind, statements and its condition (the
    expression vocabulary of sandbox_rules.expr, as data)."""

    id: str
    citations: tuple[str, ...]
    kind: Literal["condition", "routing", "dossier_item", "time_limit", "transition", "obligation"]
    group: str | None
    topic: str | None
    statement_vi: str
    statement_en: str
    applies_if: dict[str, Any]
    condition: dict[str, Any]
    exception_to: tuple[str, ...]
    in_force_from: Date
    in_force_until: Date | None
    interpretations: tuple[str, ...]
    outcome: dict[str, Any]
    facts: tuple[str, ...]


class Rules(Record, tag="rules", frozen=True, kw_only=True):
    """The rule catalogue (every rule, or the rules of one ``kind``), in registry order."""

    rules: tuple[RuleEntry, ...]


class CoverageRow(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    """A clause or point of Articles 8-22: the rules encoding it, or why it is not computable."""

    citation: str
    vi: str
    status: Literal["encoded", "not_computable", "pending", "missing"]
    rule_ids: tuple[str, ...]
    note: str


class Coverage(Record, tag="coverage", frozen=True, kw_only=True):
    """The coverage manifest: each unit's status and the count of each status."""

    counts: dict[str, int]
    rows: tuple[CoverageRow, ...]


class CatalogueBody(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    """A ministry, agency or provincial-level unit that can manage data sources (12.1.a)."""

    code: str
    kind: Literal["city", "province", "ministry", "ministerial_agency", "government_agency"]
    name: str
    name_en: str
    head_vi: str
    head_en: str
    agency_vi: str
    agency_en: str


class Catalogue(Record, tag="catalogue", frozen=True, kw_only=True):
    """The bodies of the catalogue and the documents each part of it follows (``sources``:
    part -> the document, its dates, whether it was checked against the original, a note)."""

    bodies: tuple[CatalogueBody, ...]
    sources: dict[str, dict[str, Any]]


class CalendarDocument(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    """A document that makes a day off or a worked Saturday (a law, a decision, a notice);
    ``date`` as the data has it (a day, a month or a year); ``confirmed``: its number and date
    checked against the original."""

    id: str
    number: str | None
    type: str
    title: str
    issuer: str | None
    date: str | None
    confirmed: bool
    note: str


class CalendarDay(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    """A weekday off (a holiday, a day swapped or given off) or a worked Saturday."""

    date: Date
    weekday: str
    status: Literal["off", "worked"]
    name_vi: str
    name_en: str
    kind: str | None
    documents: tuple[CalendarDocument, ...]
    provisional: bool
    interpretation: str | None


class CalendarYear(Record, tag="calendar_year", frozen=True, kw_only=True):
    """The days off and worked Saturdays of one year; ``official``: the year's official
    schedule is in the data (otherwise the days are computed from the statutory rules)."""

    year: int
    official: bool
    data_version: str
    days: tuple[CalendarDay, ...]


def _convert(kind: type[Any], data: Any) -> Any:
    return msgspec.convert(data, kind)


def law_unit_record(citation: Any) -> LawUnit:
    from sandbox_rules.law.text import load_law

    return _convert(LawUnit, {"kind": "law_unit", **load_law().unit_dict(citation)})  # type: ignore[no-any-return]


def rules_record(kind: str | None = None) -> Rules:
    from sandbox_rules.rules import registry

    rows = [r.to_dict() for r in registry() if kind is None or r.kind.value == kind]
    return Rules(rules=_convert(tuple[RuleEntry, ...], rows))


def coverage_record() -> Coverage:
    from sandbox_rules.coverage import coverage_counts, coverage_table
    from sandbox_rules.rules import registry

    rows = coverage_table(registry())
    return Coverage(
        counts=dict(coverage_counts(rows)),
        rows=_convert(tuple[CoverageRow, ...], [r.to_dict() for r in rows]),
    )


def catalogue_record() -> Catalogue:
    from sandbox_rules.catalogues import catalogue

    cat = catalogue()
    return Catalogue(
        bodies=_convert(tuple[CatalogueBody, ...], [b.to_dict() for b in cat.bodies.values()]),
        sources={k: dict(v) for k, v in cat.sources.items()},
    )


def calendar_year_record(calendar: Any, year: int) -> CalendarYear:
    """The year ``year`` of ``calendar`` (a VietnamCalendar)."""
    days = [d.to_dict() for d in calendar.days_off(year)]
    return CalendarYear(
        year=year,
        official=year in calendar.official_years,
        data_version=calendar.data_version,
        days=_convert(tuple[CalendarDay, ...], days),
    )
