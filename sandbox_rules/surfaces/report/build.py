"""What a decision report shows, collected from the result records' ``to_dict()`` form so the
page says exactly what the machine interface says; the few additions (clause quotes for
missing facts, how each data source matched the catalogue, day kinds for the pictures) are
read from the same package data the records cite.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sandbox_rules.errors import InputValidationError


@dataclass(frozen=True)
class ReportInput:
    """A parsed input file: an application, a scenario, or a case file with both."""

    source_name: str
    source_sha256: str
    application: Mapping[str, Any] | None
    record: Mapping[str, Any] | None
    timelines: tuple[Mapping[str, Any], ...]
    compliance: Mapping[str, Any] | None
    as_of: date | None
    interpretations: Mapping[str, str] = field(default_factory=dict)


def _as_date(value: Any, where: str) -> date:
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise InputValidationError(f"{where}: {value!r} is not a date (YYYY-MM-DD)") from None


def read_input(
    data: Any,
    source_name: str,
    raw: bytes,
    *,
    as_of: date | None = None,
    interpretations: Mapping[str, str] | None = None,
) -> ReportInput:
    """Sort a file's top level into its parts. An application has ``applicant``; a scenario or
    case file has ``application`` and/or ``record`` (and ``timeline(s)``, ``compliance``)."""
    if not isinstance(data, Mapping):
        raise InputValidationError(f"{source_name}: a report input is a mapping")
    if "applicant" in data:
        app: Mapping[str, Any] | None = data
        rest: Mapping[str, Any] = {}
    else:
        app = data.get("application")
        rest = data
    if app is not None and not isinstance(app, Mapping):
        raise InputValidationError(f"{source_name}: application must be a mapping")
    record = rest.get("record")
    if record is not None and not isinstance(record, Mapping):
        raise InputValidationError(f"{source_name}: record must be a mapping")
    specs = rest.get("timelines") or ([rest["timeline"]] if rest.get("timeline") else [])
    if not isinstance(specs, list) or not all(isinstance(s, Mapping) for s in specs):
        raise InputValidationError(f"{source_name}: timelines must be a list of mappings")
    if app is None and record is None and not specs:
        raise InputValidationError(
            f"{source_name}: nothing to report: give an application (applicant: ...), or a "
            "scenario/case file with application, record or timeline"
        )
    when = as_of
    if when is None and rest.get("as_of") is not None:
        when = _as_date(rest["as_of"], "as_of")
    if when is None and (record is not None or specs):
        raise InputValidationError(f"{source_name}: give as_of in the file or --as-of")
    chosen = dict(rest.get("interpretations") or {})
    chosen.update(interpretations or {})
    compliance = rest.get("compliance")
    if compliance is not None and not isinstance(compliance, Mapping):
        raise InputValidationError(f"{source_name}: compliance must be a mapping")
    return ReportInput(
        source_name,
        hashlib.sha256(raw).hexdigest(),
        app,
        record,
        tuple(specs),
        compliance,
        when,
        chosen,
    )


def _quote(citation: str, limit: int | None = 400) -> str:
    from sandbox_rules.law.text import load_law

    return load_law().resolve(citation).quote(limit)


def _cite_vi(citation: str) -> str:
    from sandbox_rules.law.citation import Citation

    return Citation.parse(citation).vi()


def _cite_en(citation: str) -> str:
    from sandbox_rules.law.citation import Citation

    return Citation.parse(citation).en()


def clause(citation: str) -> dict[str, str]:
    """A citation with its Vietnamese and English names and the quoted text."""
    return {
        "citation": citation,
        "vi": _cite_vi(citation),
        "en": _cite_en(citation),
        "quote": _quote(citation),
    }


def source_matches(app: Mapping[str, Any]) -> list[dict[str, Any]]:
    """How each data source's ``managed_by`` was matched to the catalogue (12.1.a)."""
    from sandbox_rules.catalogues import catalogue, fold

    cat = catalogue()
    out: list[dict[str, Any]] = []
    sources = app.get("data_sources") or []
    if not isinstance(sources, list):
        return out
    for raw in sources:
        if not isinstance(raw, Mapping):
            continue
        written = raw.get("managed_by")
        row: dict[str, Any] = {
            "name": raw.get("name"),
            "owning_unit": raw.get("owning_unit"),
            "managed_by": written,
            "defence_or_cipher": raw.get("defence_or_cipher"),
            "body": None,
            "how": "unknown" if written is None else "no_match",
            "source": None,
        }
        if isinstance(written, str) and written.strip():
            try:
                body = cat.lookup(written)
            except InputValidationError:
                out.append(row)
                continue
            key = fold(written)
            if written.strip().upper() == body.code:
                how = "code"
            elif written.strip() in (body.name, body.full_name_vi, body.name_en):
                how = "exact"
            elif key in {fold(x) for x in body.merged_from} and key != fold(body.name):
                how = "former_name"
            else:
                how = "folded"
            group = (
                "provinces"
                if body.is_provincial
                else ("government_agencies" if body.kind == "government_agency" else "ministries")
            )
            src = cat.sources.get(group)
            row.update(
                body=body.to_dict(),
                how=how,
                source=None
                if src is None
                else {"document": src.get("document"), "confirmed": src.get("confirmed")},
            )
        out.append(row)
    return out


def missing_facts(records: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    """The facts still needed, from the assessment's part answers (Art. 9, 10, 11; or its
    overall list where a record has no parts) and from the routing (Art. 12)."""
    out: list[Mapping[str, Any]] = []
    a = records.get("assessment") or {}
    parts = [a[k] for k in ("conditions", "scope", "plan") if isinstance(a.get(k), Mapping)]
    for source in parts or [a]:
        out += list(source.get("missing_facts") or ())
    out += list((records.get("routing") or {}).get("missing_facts") or ())
    return out


def _stop_dates(procedure: str, events: Mapping[str, Any]) -> tuple[str | None, str | None]:
    from sandbox_rules.procedures import PROCEDURES

    proc = PROCEDURES.get(procedure)
    if proc is None or proc.stop is None:
        return None, None
    start, end = (events.get(proc.stop[0]), events.get(proc.stop[1]))
    return (
        None if start is None else str(start),
        None if end is None else str(end),
    )


def _calendar(interp: Mapping[str, str], overrides: Any) -> Any:
    from sandbox_rules.calendar import VietnamCalendar

    return VietnamCalendar(overrides=overrides, interpretations=dict(interp))


def build(inp: ReportInput, *, overrides: Any = None) -> dict[str, Any]:
    """Every record the report shows, as dicts, plus what the pictures need."""
    from sandbox_rules import __version__
    from sandbox_rules.law.text import law_version

    out: dict[str, Any] = {
        "source": {"name": inp.source_name, "sha256": inp.source_sha256},
        "as_of": inp.as_of.isoformat() if inp.as_of else None,
        "assessment": None,
        "routing": None,
        "dossier": None,
        "sources": [],
        "timelines": [],
        "lifecycle": None,
        "obligations": None,
        "duties": None,
        "subject": None,
    }
    interp = dict(inp.interpretations)
    calendar_versions: set[str] = set()
    if inp.application is not None:
        from sandbox_rules.engine import assess, issuance_dossier, route
        from sandbox_rules.models import load_application

        app = load_application(inp.application)
        out["assessment"] = assess(app, interp or None).to_dict()
        out["routing"] = route(app, interp or None).to_dict()
        out["dossier"] = issuance_dossier(app, interp or None).to_dict()
        out["sources"] = source_matches(inp.application)
        out["missing_clauses"] = {c: clause(c) for m in missing_facts(out) for c in m["asked_by"]}
        out["subject"] = (inp.application.get("plan") or {}).get("name") or (
            inp.application.get("applicant") or {}
        ).get("name")
    cal = _calendar(interp, overrides)
    for spec in inp.timelines:
        from sandbox_rules.procedures import timeline

        assert inp.as_of is not None
        events = spec.get("events") or {}
        t = timeline(
            str(spec.get("procedure")),
            events,
            inp.as_of,
            interpretations=interp or None,
            calendar=cal,
        )
        td = t.to_dict()
        stop = _stop_dates(td["procedure"], events) if isinstance(events, Mapping) else (None, None)
        td["clock_stop"] = {"start": stop[0], "end": stop[1]}
        out["timelines"].append(td)
        calendar_versions.add(td["provenance"].get("calendar_data_version", ""))
    if inp.record is not None:
        from sandbox_rules.lifecycle import lifecycle, load_record
        from sandbox_rules.obligations import obligations

        assert inp.as_of is not None
        raw = dict(inp.record)
        if interp:
            raw["interpretations"] = {**(raw.get("interpretations") or {}), **interp}
        rec = load_record(raw)
        rcal = _calendar(rec.interpretations, overrides)
        out["lifecycle"] = lifecycle(rec, inp.as_of, calendar=rcal).to_dict()
        out["obligations"] = obligations(rec, inp.as_of, calendar=rcal).to_dict()
        calendar_versions.add(rcal.data_version)
        out["subject"] = out["subject"] or rec.name
        if inp.compliance is not None:
            from sandbox_rules.duties import duties

            out["duties"] = duties(inp.compliance).to_dict()
    used: dict[str, str] = {}
    for part in ("assessment", "routing", "dossier", "lifecycle", "obligations"):
        if out[part] is not None:
            used.update(out[part].get("interpretations_used") or {})
    for td in out["timelines"]:
        used.update(td.get("interpretations_used") or {})
    out["interpretations_used"] = dict(sorted(used.items()))
    out["provenance"] = {
        "library_version": __version__,
        "law_version": law_version(),
        "calendar_data_version": cal.data_version,
        "calendar_versions": sorted(v for v in calendar_versions if v),
        "holidays_version": cal.holidays_version,
        "overrides": list(cal.overrides_applied),
    }
    out["calendar"] = cal
    return out
