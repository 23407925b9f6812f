"""What each endpoint computes: the same library calls as the CLI commands, from a decoded
JSON body. No HTTP here, so the tests can compare these answers with the Python API directly.

Every operation returns an :class:`Answer`: the library's result (its JSON record is the
response body) and, where the library has one, a renderer of the text report by language.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, ValidationError

from sandbox_rules.errors import InputValidationError
from sandbox_rules.lifecycle import SandboxRecord
from sandbox_rules.models import Application, load_application

Lang = Literal["vi", "en"]


@dataclass(frozen=True, slots=True)
class Answer:
    """A result and its alternative forms. ``data`` is a library result (``to_dict()``), a
    list of them, or plain JSON data; ``text``/``ics`` render the report in a language."""

    data: Any
    text: Callable[[str], str] | None = None
    ics: Callable[[str], str] | None = None


# -- request bodies (the inputs that are not the library's own input records) ---------------
class _Body(BaseModel):
    # Strict: a number is not a day and 0 is not false (pydantic's lax mode would take both).
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)


def _iso_day(value: Any) -> Any:
    if isinstance(value, str):
        try:
            return date.fromisoformat(value)
        except ValueError:
            raise ValueError(f"{value[:40]!r} is not a date YYYY-MM-DD") from None
    return value  # a date passes; anything else fails strict validation


Day = Annotated[date, BeforeValidator(_iso_day)]


Overrides = dict[str, Any]
_OVERRIDES = Field(
    None,
    description="newer official calendar decisions, the same table as an overrides file "
    "(documents, days, official_years; docs/calendar.md); used for this request only",
)
_INTERPRETATIONS = Field(
    None, description="chosen readings, id -> option (GET /interpretations); this request only"
)


class DossierRequest(_Body):
    """POST /dossier: an application, or the applicant kind and the documents at hand."""

    procedure: Literal["issuance", "reissue", "adjustment", "extension", "conclusion"] = "issuance"
    application: Application | None = None
    applicant_kind: Literal["organisation", "individual"] | None = None
    documents: list[str] | None = Field(None, max_length=200)
    requires_extension: bool | None = Field(None, description="13.2.c: the adjustment extends")
    interpretations: dict[str, str] | None = _INTERPRETATIONS


class TimelineSpec(_Body):
    procedure: str = Field(
        description="a procedure id, e.g. issuance-12.3 (sandbox_rules.PROCEDURES)"
    )
    events: dict[str, Day] = Field(default_factory=dict, description="event name -> date")


class Scenario(_Body):
    """POST /timeline, /lifecycle, /obligations: a scenario, as in examples/scenarios/."""

    as_of: Day = Field(description="the date to evaluate at")
    record: SandboxRecord | None = None
    timeline: TimelineSpec | None = None
    timelines: list[TimelineSpec] | None = Field(None, max_length=20)
    compliance: dict[str, bool | None] | None = Field(
        None, description="duty rule id -> complied (true/false/null = unknown), for Art. 22"
    )
    interpretations: dict[str, str] | None = _INTERPRETATIONS
    overrides: Overrides | None = _OVERRIDES


class Period(_Body):
    unit: Literal["working_days", "days", "months", "years"]
    n: int = Field(ge=0, le=1200)


class DeadlineRequest(_Body):
    """POST /deadline: the day a period from an event ends."""

    event: Day = Field(description="the event day (not counted by default: Civil Code art. 147)")
    period: Period
    explain: bool = Field(False, description="add every day counted or skipped")
    interpretations: dict[str, str] | None = _INTERPRETATIONS
    overrides: Overrides | None = _OVERRIDES


class CalendarRequest(_Body):
    """POST /calendar/{year}: the year under chosen readings and newer decisions."""

    interpretations: dict[str, str] | None = _INTERPRETATIONS
    overrides: Overrides | None = _OVERRIDES


REQUESTS: dict[str, type[_Body]] = {
    "DossierRequest": DossierRequest,
    "Scenario": Scenario,
    "DeadlineRequest": DeadlineRequest,
    "CalendarRequest": CalendarRequest,
}


def _validate(model: type[BaseModel], data: Any, what: str) -> Any:
    """Pydantic's per-field errors as the library's InputValidationError, each with its path
    and, for a misspelt key, the nearest one the body accepts."""
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        errors = []
        for e in exc.errors(include_url=False, include_context=False, include_input=False):
            item = {"field": ".".join(str(x) for x in e["loc"]) or "(root)", "problem": e["msg"]}
            if e["type"] == "extra_forbidden" and len(e["loc"]) == 1:
                near = difflib.get_close_matches(str(e["loc"][0]), model.model_fields, 1)
                if near:
                    item["nearest"] = near[0]
            errors.append(item)
        summary = "; ".join(f"{e['field']}: {e['problem']}" for e in errors[:5])
        raise InputValidationError(f"invalid {what}: {summary}", errors) from None


# -- calendars ------------------------------------------------------------------------------
def _calendar(
    interpretations: Mapping[str, str] | None, overrides: Overrides | None, default: Any
) -> Any:
    """The calendar for this request: ``default`` (built once per server) unless the request
    chooses a calendar reading or brings newer decisions; those are used for it only."""
    from sandbox_rules.calendar import VietnamCalendar
    from sandbox_rules.calendar.core import CALENDAR_INTERPRETATIONS
    from sandbox_rules.interpretations import Interpretations

    Interpretations.of(interpretations or None)  # an unknown id or option is a typed error
    if overrides is None and not any(k in CALENDAR_INTERPRETATIONS for k in interpretations or ()):
        return default
    return VietnamCalendar(overrides=overrides, interpretations=interpretations)


# -- operations -----------------------------------------------------------------------------
def assess(body: Any, show_all: bool = False) -> Answer:
    from sandbox_rules.engine import assess as run
    from sandbox_rules.report import render_assessment

    result = run(load_application(body))
    return Answer(result, lambda lang: render_assessment(result, lang, show_all=show_all))


def route(body: Any) -> Answer:
    from sandbox_rules.engine import route as run
    from sandbox_rules.report import render_routing

    result = run(load_application(body))
    return Answer(result, lambda lang: render_routing(result, lang))


def dossier(body: Any) -> Answer:
    from sandbox_rules.engine import dossier as run
    from sandbox_rules.report import render_dossier

    req: DossierRequest = _validate(DossierRequest, body, "dossier request")
    kind, docs = req.applicant_kind, req.documents
    if req.application is not None:
        kind = kind or req.application.applicant.kind
        if docs is None:
            docs = req.application.submission.documents
    result = run(
        req.procedure,
        kind,
        docs,
        requires_extension=req.requires_extension,
        interpretations=req.interpretations,
    )
    return Answer(result, lambda lang: render_dossier(result, lang))


def _scenario(body: Any) -> Scenario:
    return _validate(Scenario, body, "scenario")  # type: ignore[no-any-return]


def timeline(body: Any, default_calendar: Any, explain: bool = False) -> Answer:
    from sandbox_rules.procedures import timeline as run
    from sandbox_rules.report import render_timeline

    sc = _scenario(body)
    specs = sc.timelines or ([sc.timeline] if sc.timeline is not None else [])
    if not specs:
        raise InputValidationError(
            "the scenario has no 'timeline' (procedure, events)",
            [{"field": "timeline", "problem": "required for /timeline"}],
        )
    cal = _calendar(sc.interpretations, sc.overrides, default_calendar)
    results = [
        run(sp.procedure, sp.events, sc.as_of, interpretations=sc.interpretations, calendar=cal)
        for sp in specs
    ]
    data: Any = results if len(results) > 1 else results[0]
    return Answer(
        _Explained(data, explain),
        lambda lang: "\n\n".join(render_timeline(t, lang, explain) for t in results),
    )


@dataclass(frozen=True, slots=True)
class _Explained:
    """A timeline (or several) whose record is asked with or without the day-by-day steps."""

    result: Any
    explain: bool

    def to_dict(self) -> Any:
        if isinstance(self.result, list):
            return [t.to_dict(explain=self.explain) for t in self.result]
        return self.result.to_dict(explain=self.explain)


def _record(sc: Scenario) -> SandboxRecord:
    if sc.record is None:
        raise InputValidationError(
            "the scenario has no 'record' (issued_on, approved_months, events)",
            [{"field": "record", "problem": "required for this operation"}],
        )
    if not sc.interpretations:
        return sc.record
    merged = {**sc.record.interpretations, **sc.interpretations}
    return sc.record.model_copy(update={"interpretations": merged})


def lifecycle(body: Any, default_calendar: Any) -> Answer:
    from sandbox_rules.duties import duties
    from sandbox_rules.lifecycle import lifecycle as run
    from sandbox_rules.obligations import obligations
    from sandbox_rules.report import render_lifecycle

    sc = _scenario(body)
    rec = _record(sc)
    cal = _calendar(rec.interpretations, sc.overrides, default_calendar)
    status = run(rec, sc.as_of, calendar=cal)
    duty = duties(sc.compliance) if sc.compliance is not None else None
    out = status.to_dict()
    if duty is not None:
        out["duties"] = duty.to_dict()

    def text(lang: str) -> str:
        return render_lifecycle(status, obligations(rec, sc.as_of, calendar=cal), duty, lang)

    return Answer(out, text)


def obligations(body: Any, default_calendar: Any) -> Answer:
    from sandbox_rules.obligations import obligations as run

    sc = _scenario(body)
    rec = _record(sc)
    cal = _calendar(rec.interpretations, sc.overrides, default_calendar)
    sched = run(rec, sc.as_of, calendar=cal)
    return Answer(sched, ics=sched.to_ics)


def deadline(body: Any, default_calendar: Any) -> Answer:
    from sandbox_rules.calendar import Days, Months, WorkingDays, Years

    req: DeadlineRequest = _validate(DeadlineRequest, body, "deadline request")
    period_type = {"working_days": WorkingDays, "days": Days, "months": Months, "years": Years}
    cal = _calendar(req.interpretations, req.overrides, default_calendar)
    result = cal.deadline(req.event, period_type[req.period.unit](req.period.n))
    explain = req.explain
    return Answer(result.to_dict(explain=explain), lambda lang: result.explain(lang))


def calendar(year_text: str, body: Any, default_calendar: Any) -> Answer:
    from sandbox_rules.calendar import VietnamCalendar

    req: CalendarRequest = _validate(CalendarRequest, body or {}, "calendar request")
    year = _int_param("year", year_text)
    cal: VietnamCalendar = _calendar(req.interpretations, req.overrides, default_calendar)
    days = cal.days_off(year)
    return Answer(
        {
            "year": year,
            "official": year in cal.official_years,
            "data_version": cal.data_version,
            "days": [d.to_dict() for d in days],
        }
    )


def _int_param(name: str, text: str) -> int:
    if not text.isascii() or not text.isdigit() or len(text) > 4:
        raise InputValidationError(
            f"{name} must be a year such as 2026, got {text[:20]!r}",
            [{"field": name, "problem": "not a four-digit year"}],
        )
    return int(text)


def law(citation: str) -> Answer:
    from sandbox_rules.law.text import load_law

    text = load_law()
    unit = text.resolve(citation[:200])
    c = unit.citation
    return Answer(
        {
            "citation": c.short,
            "vi": c.vi(),
            "en": c.en(),
            "article_title": unit.article_title,
            "text": unit.text,
            "summary_en": unit.summary_en,
            "law_version": text.version,
        }
    )


RULE_KINDS = ("condition", "routing", "dossier_item", "time_limit", "transition", "obligation")


def rules(kind: str | None = None) -> Answer:
    from sandbox_rules.rules import registry

    if kind is not None and kind not in RULE_KINDS:
        raise InputValidationError(
            f"kind must be one of {', '.join(RULE_KINDS)}, got {kind[:40]!r}",
            [{"field": "kind", "problem": "unknown rule kind", **_nearest(kind, RULE_KINDS)}],
        )
    return Answer([r.to_dict() for r in registry() if kind is None or r.kind.value == kind])


def coverage() -> Answer:
    from sandbox_rules.coverage import coverage_counts, coverage_table
    from sandbox_rules.rules import registry

    rows = coverage_table(registry())
    return Answer({"counts": coverage_counts(rows), "rows": [r.to_dict() for r in rows]})


def catalogue() -> Answer:
    from sandbox_rules.catalogues import catalogue as load

    cat = load()
    return Answer(
        {
            "bodies": [b.to_dict() for b in cat.bodies.values()],
            "sources": {k: dict(v) for k, v in cat.sources.items()},
        }
    )


def interpretations() -> Answer:
    from sandbox_rules.interpretations import CATALOGUE, question_vi

    return Answer(
        [
            {
                "id": i.id,
                "citations": list(i.citations),
                "question_vi": question_vi(i.id),
                "question_en": i.question,
                "default": i.default,
                "options": dict(i.options),
                "reasoning": i.reasoning,
                "source": i.source,
            }
            for i in CATALOGUE
        ]
    )


def schema_names() -> list[str]:
    from sandbox_rules.schema import INPUTS, OUTPUTS

    return [*INPUTS, *OUTPUTS]


def schema(name: str) -> Answer:
    from sandbox_rules.schema import json_schema

    names = schema_names()
    if name not in names:
        raise InputValidationError(
            f"no schema {name[:40]!r}; choose from {', '.join(names)}",
            [{"field": "name", "problem": "unknown schema", **_nearest(name, names)}],
        )
    return Answer(json_schema(name))


def _nearest(value: str, choices: Sequence[str]) -> dict[str, str]:
    near = difflib.get_close_matches(value, choices, 1)
    return {"nearest": near[0]} if near else {}


def version() -> dict[str, Any]:
    from sandbox_rules import __version__
    from sandbox_rules.calendar import VietnamCalendar
    from sandbox_rules.law.text import load_law

    return {
        "library_version": __version__,
        "law_version": load_law().version,
        "calendar_data_version": VietnamCalendar().data_version,
    }
