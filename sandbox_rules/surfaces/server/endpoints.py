"""The endpoint table: one row per route, from which both the ASGI routes and the OpenAPI
document are built, so they cannot disagree."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from sandbox_rules.errors import InputValidationError
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
    return InputValidationError(
        f"query parameter {name}={value[:40]!r} is not valid; use: {allowed}",
        [{"field": name, "problem": f"not one of: {allowed}"}],
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
    operation_id: str
    summary_vi: str
    summary_en: str
    run: Callable[[Call], op.Answer] | None  # None: served by the app itself (health, docs)
    response: str  # an output record's schema name (sandbox_rules.schema), or a local one
    request: str | None = None  # the request body's model (class name); None: no body
    media: tuple[str, ...] = ()  # alternatives to application/json, chosen by Accept
    params: tuple[Param, ...] = ()
    path_params: tuple[Param, ...] = ()
    tags: tuple[str, ...] = field(default=())


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
        "Đánh giá điều kiện tham gia thử nghiệm (Điều 9-11)",
        "Eligibility under Art. 9-11",
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
        "Cơ quan có thẩm quyền, thủ tục và nơi nộp hồ sơ (Điều 12)",
        "Authority, procedure and where to file (Art. 12)",
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
        "Thành phần hồ sơ và tài liệu còn thiếu (12.2, 12.5, 13.2, 14.1, 16.2)",
        "What a filing must hold and what is missing (12.2, 12.5, 13.2, 14.1, 16.2)",
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
        "Tiến trình thủ tục, kể cả thời gian tạm dừng (Điều 12-16)",
        "Procedure timelines with clock stops (Art. 12-16)",
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
        "Trạng thái, thời hạn, căn cứ thu hồi, nghĩa vụ (Điều 14-22)",
        "State, windows, revocation grounds, duties (Art. 14-22)",
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
        "Lịch nghĩa vụ: báo cáo, kiểm tra, thời hạn (JSON hoặc iCalendar)",
        "Obligations schedule: reports, inspections, windows (JSON or iCalendar)",
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
        "Thời hạn tính từ một sự kiện theo lịch làm việc",
        "A statutory deadline from an event date",
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
        "Nhiều yêu cầu một lúc: mỗi dòng JSON là thân của POST /{kind}",
        "Many at once: each JSON line is the body of POST /{kind}",
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
        "Ngày nghỉ và ngày làm bù của một năm, kèm văn bản",
        "Days off and worked Saturdays of a year, with their documents",
        lambda c: op.calendar(c.path["year"], None, c.calendar),
        "CalendarYear",
        path_params=(_YEAR,),
        tags=("calendar",),
    ),
    Endpoint(
        "POST",
        "/calendar/{year}",
        "calendar_with",
        "Lịch một năm theo cách hiểu đã chọn và quyết định mới hơn",
        "A year's calendar under chosen readings and newer decisions",
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
        "Văn bản của một điều, khoản, điểm (tiếng Việt là bản chính thức)",
        "The text of a unit of Articles 8-22 (Vietnamese is authoritative)",
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
        "Danh mục quy tắc",
        "The rule catalogue",
        lambda c: op.rules(c.query.get("kind")),
        "Rules",
        params=(_KIND,),
        tags=("law",),
    ),
    Endpoint(
        "GET",
        "/coverage",
        "coverage",
        "Mức độ mã hóa các điều khoản",
        "Which clauses are encoded",
        lambda c: op.coverage(),
        "Coverage",
        tags=("law",),
    ),
    Endpoint(
        "GET",
        "/catalogue",
        "catalogue",
        "Tỉnh, thành phố, bộ, cơ quan, kèm nguồn",
        "Provinces, ministries and agencies with sources",
        lambda c: op.catalogue(),
        "Catalogue",
        tags=("law",),
    ),
    Endpoint(
        "GET",
        "/interpretations",
        "interpretations",
        "Các cách hiểu có tên, mặc định và lựa chọn khác",
        "Named interpretations, defaults and alternatives",
        lambda c: op.interpretations(),
        "Interpretations",
        tags=("law",),
    ),
    Endpoint(
        "GET",
        "/schemas",
        "schemas",
        "Tên các JSON Schema",
        "Names of the JSON Schemas",
        lambda c: op.Answer(op.schema_names()),
        "SchemaNames",
        tags=("contracts",),
    ),
    Endpoint(
        "GET",
        "/schemas/{name}",
        "schema",
        "JSON Schema của một dữ liệu vào hoặc kết quả",
        "JSON Schema of an input or output record",
        lambda c: op.schema(c.path["name"]),
        "JsonSchema",
        path_params=(Param("name", "application, record, assessment, …", {"type": "string"}),),
        tags=("contracts",),
    ),
    Endpoint(
        "GET",
        "/health",
        "health",
        "Dịch vụ đang chạy",
        "The service is up",
        None,
        "Health",
        tags=("service",),
    ),
    Endpoint(
        "GET",
        "/version",
        "version",
        "Phiên bản thư viện, văn bản luật và dữ liệu lịch",
        "Library, law text and calendar data versions",
        None,
        "Version",
        tags=("service",),
    ),
    Endpoint(
        "GET",
        "/openapi.json",
        "openapi",
        "Tài liệu OpenAPI 3.1",
        "The OpenAPI 3.1 document",
        None,
        "JsonSchema",
        tags=("service",),
    ),
    Endpoint(
        "GET",
        "/docs",
        "docs",
        "Trang tài liệu",
        "Browsable documentation",
        None,
        "Html",
        tags=("service",),
    ),
)
