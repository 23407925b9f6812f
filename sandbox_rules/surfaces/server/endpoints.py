"""The endpoint table: one row per route, from which both the ASGI routes and the OpenAPI
document are built, so they cannot disagree."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from sandbox_rules.errors import InputValidationError, field_problem
from sandbox_rules.surfaces.server import operations as op


@dataclass(frozen=True, slots=True)
class Call:
    """What an operation sees of a request: the decoded body, path and query values, and the
    server's immutable state (the default calendar, built once)."""

    body: Any
    path: Mapping[str, str]
    query: Mapping[str, str]
    calendar: Any

    def flag(self, name: str) -> bool:
        value = self.query.get(name, "false").lower()
        if value not in _BOOLS:
            raise _bad_query(name, value, "true, false")
        return _BOOLS[value]


_BOOLS = {"true": True, "1": True, "yes": True, "false": False, "0": False, "no": False}


def _bad_query(name: str, value: str, allowed: str) -> InputValidationError:
    return InputValidationError.from_key(
        "http.bad_query",
        name=name,
        given=repr(value[:40]),
        allowed=allowed,
        errors=[field_problem(name, "http.field.not_one_of", allowed=allowed)],
    )


@dataclass(frozen=True, slots=True)
class Param:
    name: str
    description: str
    schema: Mapping[str, Any]


NDJSON = "application/x-ndjson"
LANG = Param(
    "lang",
    "language of text reports and messages (overrides Accept-Language; default vi)",
    {"type": "string", "enum": ["vi", "en"]},
)
FLAG = {"type": "string", "enum": ["true", "false"]}


@dataclass(frozen=True, slots=True)
class Endpoint:
    method: str
    path: str
    operation_id: str  # its summary is the message endpoint.<operation_id> of the tables
    run: Callable[[Call], op.Answer] | None  # None: served by the app itself (health, docs)
    response: str  # an output record's schema name (sandbox_rules.schema), or a local one
    request: str | None = None  # the request body's model (class name); None: no body
    media: tuple[str, ...] = ()  # alternatives to application/json, chosen by Accept
    params: tuple[Param, ...] = ()
    path_params: tuple[Param, ...] = ()
    tags: tuple[str, ...] = field(default=())

    def summary(self, lang: str) -> str:
        """What the endpoint does, in ``lang`` (the message ``endpoint.<operation_id>``)."""
        from sandbox_rules.i18n import t

        return t(f"endpoint.{self.operation_id}", lang)


_FORM = Param(
    "form",
    "full (default), or compact: ids, statuses, citations and missing facts, no quoted texts",
    {"type": "string", "enum": ["full", "compact"]},
)
_YEAR = Param("year", "a year, e.g. 2026", {"type": "string", "pattern": "^[0-9]{4}$"})
_ALL = Param("all", "text report: also list rules that do not apply", FLAG)
_EXPLAIN = Param("explain", "add every day counted or skipped to each step", FLAG)
_KIND = Param("kind", "only rules of this kind", {"type": "string", "enum": list(op.RULE_KINDS)})

ENDPOINTS: tuple[Endpoint, ...] = (
    Endpoint(
        "POST",
        "/assess",
        "assess",
        lambda c: op.assess(c.body, show_all=c.flag("all")),
        "assessment",
        "Application",
        ("text/plain",),
        (_ALL, _FORM),
        tags=("answers",),
    ),
    Endpoint(
        "POST",
        "/route",
        "route",
        lambda c: op.route(c.body),
        "routing",
        "Application",
        ("text/plain",),
        (_FORM,),
        tags=("answers",),
    ),
    Endpoint(
        "POST",
        "/dossier",
        "dossier",
        lambda c: op.dossier(c.body),
        "dossier",
        "DossierRequest",
        ("text/plain",),
        (_FORM,),
        tags=("answers",),
    ),
    Endpoint(
        "POST",
        "/timeline",
        "timeline",
        lambda c: op.timeline(c.body, c.calendar, explain=c.flag("explain")),
        "TimelineOrTimelines",
        "ScenarioRequest",
        ("text/plain",),
        (_EXPLAIN, _FORM),
        tags=("time",),
    ),
    Endpoint(
        "POST",
        "/lifecycle",
        "lifecycle",
        lambda c: op.lifecycle(c.body, c.calendar),
        "lifecycle",
        "ScenarioRequest",
        ("text/plain",),
        (_FORM,),
        tags=("time",),
    ),
    Endpoint(
        "POST",
        "/obligations",
        "obligations",
        lambda c: op.obligations(c.body, c.calendar),
        "obligations",
        "ScenarioRequest",
        ("text/calendar",),
        (_FORM,),
        tags=("time",),
    ),
    Endpoint(
        "POST",
        "/deadline",
        "deadline",
        lambda c: op.deadline(c.body, c.calendar),
        "deadline",
        "DeadlineRequest",
        ("text/plain",),
        (_FORM,),
        tags=("calendar",),
    ),
    Endpoint(
        "POST",
        "/batch/{kind}",
        "batch",
        lambda c: op.batch(c.path["kind"], c.body, c.calendar, c.query.get("form", "full")),
        "Batch",
        "JsonLines",
        (NDJSON,),
        (_FORM,),
        path_params=(
            Param(
                "kind",
                "the operation of every line",
                {"type": "string", "enum": list(op.BATCH_KINDS)},
            ),
        ),
        tags=("answers",),
    ),
    Endpoint(
        "GET",
        "/calendar/{year}",
        "calendar",
        lambda c: op.calendar(c.path["year"], None, c.calendar),
        "CalendarYear",
        path_params=(_YEAR,),
        tags=("calendar",),
    ),
    Endpoint(
        "POST",
        "/calendar/{year}",
        "calendar_with",
        lambda c: op.calendar(c.path["year"], c.body, c.calendar),
        "CalendarYear",
        "CalendarRequest",
        path_params=(_YEAR,),
        tags=("calendar",),
    ),
    Endpoint(
        "GET",
        "/law/{citation}",
        "law",
        lambda c: op.law(c.path["citation"]),
        "LawUnit",
        path_params=(
            Param("citation", "e.g. 12.3.b, 9.1.par2, Điều 12 khoản 3 điểm b", {"type": "string"}),
        ),
        tags=("law",),
    ),
    Endpoint(
        "GET",
        "/rules",
        "rules",
        lambda c: op.rules(c.query.get("kind")),
        "Rules",
        params=(_KIND,),
        tags=("law",),
    ),
    Endpoint(
        "GET",
        "/coverage",
        "coverage",
        lambda c: op.coverage(),
        "Coverage",
        tags=("law",),
    ),
    Endpoint(
        "GET",
        "/catalogue",
        "catalogue",
        lambda c: op.catalogue(),
        "Catalogue",
        tags=("law",),
    ),
    Endpoint(
        "GET",
        "/interpretations",
        "interpretations",
        lambda c: op.interpretations(),
        "Interpretations",
        tags=("law",),
    ),
    Endpoint(
        "GET",
        "/schemas",
        "schemas",
        lambda c: op.Answer(op.schema_names()),
        "SchemaNames",
        tags=("contracts",),
    ),
    Endpoint(
        "GET",
        "/schemas/{name}",
        "schema",
        lambda c: op.schema(c.path["name"]),
        "JsonSchema",
        path_params=(Param("name", "application, record, assessment, …", {"type": "string"}),),
        tags=("contracts",),
    ),
    Endpoint(
        "GET",
        "/health",
        "health",
        None,
        "Health",
        tags=("service",),
    ),
    Endpoint(
        "GET",
        "/version",
        "version",
        None,
        "Version",
        tags=("service",),
    ),
    Endpoint(
        "GET",
        "/openapi.json",
        "openapi",
        None,
        "JsonSchema",
        tags=("service",),
    ),
    Endpoint(
        "GET",
        "/docs",
        "docs",
        None,
        "Html",
        tags=("service",),
    ),
)
