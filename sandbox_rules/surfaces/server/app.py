"""The ASGI application (Starlette): every route of :data:`ENDPOINTS`, one error envelope,
limits on body size and time, an optional bearer token. It stores nothing between requests.

Run it with ``sandbox-rules serve`` or any ASGI server:
``uvicorn --factory sandbox_rules.surfaces.server.app:create_app``.
"""

from __future__ import annotations

import asyncio
import contextlib
import hmac
import logging
import os
from collections.abc import AsyncIterator, Awaitable, Callable, Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

import msgspec
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from sandbox_rules.errors import InputValidationError, SandboxRulesError, field_problem
from sandbox_rules.i18n import Message
from sandbox_rules.surfaces.server.endpoints import ENDPOINTS, NDJSON, Call, Endpoint
from sandbox_rules.surfaces.server.errors import (
    HttpError,
    InternalError,
    MalformedBodyError,
    MethodNotAllowedError,
    NotAcceptableError,
    NotFoundError,
    PayloadTooLargeError,
    TimeLimitError,
    UnauthorizedError,
    UnsupportedMediaTypeError,
    at,
    envelope,
    status_of,
)
from sandbox_rules.surfaces.server.operations import record_json

log = logging.getLogger("sandbox_rules.server")
JSON = "application/json"
LANGS = ("vi", "en")


@dataclass(frozen=True, slots=True)
class Settings:
    """Limits and options, read from the environment so that every worker process agrees."""

    max_body_bytes: int = 1_048_576
    time_limit: float = 10.0
    token: str | None = None  # SANDBOX_RULES_TOKEN: when set, every route but /health needs it
    cors_origins: tuple[str, ...] = ()
    default_lang: str = "vi"
    threads: int = 4

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> Settings:
        env = os.environ if env is None else env
        lang = env.get("SANDBOX_RULES_LANG", "vi")
        if lang not in LANGS:
            raise SandboxRulesError.from_key("http.env_lang", given=repr(lang[:20]))
        origins = env.get("SANDBOX_RULES_CORS_ORIGINS", "")
        default = cls()
        return cls(
            max_body_bytes=_env_number(env, "SANDBOX_RULES_MAX_BODY_BYTES", default.max_body_bytes),
            time_limit=_env_number(env, "SANDBOX_RULES_TIME_LIMIT", default.time_limit),
            token=env.get("SANDBOX_RULES_TOKEN") or None,
            cors_origins=tuple(o.strip() for o in origins.split(",") if o.strip()),
            default_lang=lang,
            threads=_env_number(env, "SANDBOX_RULES_THREADS", default.threads),
        )

    def to_env(self) -> dict[str, str]:
        """The variables that give these settings to worker processes (not the token)."""
        return {
            "SANDBOX_RULES_MAX_BODY_BYTES": str(self.max_body_bytes),
            "SANDBOX_RULES_TIME_LIMIT": str(self.time_limit),
            "SANDBOX_RULES_CORS_ORIGINS": ",".join(self.cors_origins),
            "SANDBOX_RULES_LANG": self.default_lang,
            "SANDBOX_RULES_THREADS": str(self.threads),
        }


def _env_number(env: Mapping[str, str], name: str, default: Any) -> Any:
    raw = env.get(name)
    if raw is None or raw == "":
        return default
    try:
        value = type(default)(raw)
    except ValueError:
        raise SandboxRulesError.from_key(
            "http.env_number", name=name, given=repr(raw[:20])
        ) from None
    if value <= 0:
        raise SandboxRulesError.from_key("http.env_number", name=name, given=repr(raw[:20]))
    return value


# -- negotiation ----------------------------------------------------------------------------
def _weighted(header: str) -> list[tuple[float, int, str]]:
    """Items of an Accept or Accept-Language header, best first (q, then order)."""
    items = []
    for i, part in enumerate(header.split(",")):
        value, _, params = part.partition(";")
        q = 1.0
        for param in params.split(";"):
            key, _, raw = param.strip().partition("=")
            if key == "q":
                try:
                    q = float(raw)
                except ValueError:
                    q = 0.0
        if value.strip() and q > 0:
            items.append((-q, i, value.strip().lower()))
    return sorted(items)


def _lang(request: Request, default: str) -> str:
    chosen = request.query_params.get("lang")
    if chosen is not None:
        if chosen not in LANGS:
            raise InputValidationError.from_key(
                "error.lang",
                given=repr(chosen[:20]),
                errors=[{**field_problem("lang", "http.field.not_a_lang"), "suggestion": default}],
            )
        return chosen
    for _, _, tag in _weighted(request.headers.get("accept-language", "")):
        primary = tag.split("-")[0]
        if primary in LANGS:
            return primary
        if primary == "*":
            return default
    return default


def _media(request: Request, offered: tuple[str, ...]) -> str:
    header = request.headers.get("accept")
    if not header:
        return offered[0]
    for _, _, item in _weighted(header):
        kind, _, sub = item.partition("/")
        for media in offered:
            mkind = media.partition("/")[0]
            if item == media or (sub == "*" and kind in ("*", mkind)):
                return media
    raise NotAcceptableError(
        "http.not_acceptable",
        given=repr(header[:80]),
        offered=", ".join(offered),
        errors=at("Accept", "http.field.no_media", offered[0]),
    )


# -- the request body -----------------------------------------------------------------------
async def _body(request: Request, limit: int, accepts: tuple[str, ...]) -> Any:
    """The decoded JSON body; for a JSON-lines route (``accepts`` NDJSON), the raw bytes."""
    ctype = request.headers.get("content-type")
    media, _, params = (ctype or "").partition(";")
    media = media.strip().lower()
    charset = params.strip().lower().removeprefix("charset=").strip('"')
    is_json = media == JSON or (media.startswith("application/") and media.endswith("+json"))
    if not ((is_json and JSON in accepts) or media in accepts):
        # One or two types (JSON; JSON lines in two spellings): "a or b" in each language.
        want: object = accepts[0]
        if len(accepts) > 1:
            want = Message("http.either", {"first": ", ".join(accepts[:-1]), "last": accepts[-1]})
        raise UnsupportedMediaTypeError(
            "http.content_type",
            want=want,
            given=repr(ctype[:60]) if ctype else Message("http.no_content_type", {}),
        )
    if charset and charset not in ("utf-8", "utf8"):
        raise UnsupportedMediaTypeError("http.charset", charset=charset[:20])
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > limit:
        raise _too_large(limit)
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise _too_large(limit)
        chunks.append(chunk)
    raw = b"".join(chunks)
    if JSON not in accepts:
        return raw
    if not raw.strip():
        raise MalformedBodyError("http.empty")
    from sandbox_rules.errors import DocumentFormatError
    from sandbox_rules.io import loads_json

    try:
        data = loads_json(raw, "body")  # strict: a key given twice, NaN, not UTF-8 refused
    except RecursionError:
        raise MalformedBodyError("http.too_deep") from None
    except DocumentFormatError as exc:  # a key given twice, a NaN
        if exc.key == "error.json_constant":
            raise MalformedBodyError(
                "http.json_constant", constant=str(exc.fields.get("constant"))
            ) from None
        raise MalformedBodyError("http.duplicate_key", key=str(exc.fields.get("key"))) from None
    except ValueError as exc:  # not JSON, not UTF-8
        raise MalformedBodyError("http.not_json", detail=str(exc)[:300]) from None
    _within_limits(data)  # its own errors: too deep (400), too many values (422)
    return data


def _within_limits(data: Any) -> None:
    """The documents' limits (sandbox_rules.io: nesting depth, number of values) on a body, as
    on a file: nested deeper than the depth limit is a malformed body (400), as when the
    decoder gives up; more values than the limit is input_too_large (422)."""
    from sandbox_rules.errors import InputTooLargeError
    from sandbox_rules.io import check_shape

    try:
        check_shape(data, "body")
    except InputTooLargeError as exc:
        if exc.key == "error.too_deep":
            raise MalformedBodyError("http.too_deep") from None
        raise


def _too_large(limit: int) -> PayloadTooLargeError:
    return PayloadTooLargeError(
        "http.too_large", limit=limit, errors=at("body", "http.field.more_than", limit=limit)
    )


def _error(exc: SandboxRulesError, lang: str) -> Response:
    headers = {"Content-Language": lang}
    if isinstance(exc, HttpError):
        headers.update(exc.headers)
    return Response(
        envelope(exc),
        status_code=status_of(exc),
        media_type=JSON,
        headers=headers,
    )


def _render(ep: Endpoint, call: Call, media: str, lang: str) -> tuple[bytes, str]:
    """Runs in a worker thread: the library call and its encoding."""
    assert ep.run is not None
    answer = ep.run(call)
    if media == "text/plain" and answer.text is not None:
        return answer.text(lang).encode(), "text/plain; charset=utf-8"
    if media == "text/calendar" and answer.ics is not None:
        return answer.ics(lang).encode(), "text/calendar; charset=utf-8"
    if isinstance(answer.data, bytes):  # already encoded (a batch)
        return answer.data, media
    return record_json(answer.data, call.query.get("form", "full")), JSON


# -- the application ------------------------------------------------------------------------
Handler = Callable[[Request], Awaitable[Response]]


def create_app(settings: Settings | None = None) -> Starlette:
    """A new application; all its state (calendar, documents, thread pool) is its own."""
    from sandbox_rules.calendar import VietnamCalendar
    from sandbox_rules.surfaces.server import operations
    from sandbox_rules.surfaces.server.openapi import docs_html, openapi_document

    cfg = settings or Settings.from_env()
    calendar = VietnamCalendar()
    executor = ThreadPoolExecutor(cfg.threads, thread_name_prefix="sandbox-rules")
    document = openapi_document()
    fixed = {
        "/health": (b'{"status":"ok"}', JSON),
        "/version": (record_json(operations.version()), JSON),
        "/openapi.json": (msgspec.json.encode(document, order="sorted"), JSON),
        "/docs": (docs_html(document).encode(), "text/html; charset=utf-8"),
    }

    def authorised(request: Request) -> bool:
        if cfg.token is None:
            return True
        given = request.headers.get("authorization", "")
        scheme, _, token = given.partition(" ")
        return scheme.lower() == "bearer" and hmac.compare_digest(
            token.strip().encode(), cfg.token.encode()
        )

    def handler(ep: Endpoint) -> Handler:
        allowed = {"lang", *(p.name for p in ep.params)}
        offered = ep.media if ep.request == "JsonLines" else (JSON, *ep.media)
        accepts = (NDJSON, "application/jsonl") if ep.request == "JsonLines" else (JSON,)

        async def endpoint(request: Request) -> Response:
            lang = cfg.default_lang
            try:
                lang = _lang(request, cfg.default_lang)
                if ep.path != "/health" and not authorised(request):
                    raise UnauthorizedError(
                        "http.unauthorized",
                        headers={"WWW-Authenticate": 'Bearer realm="sandbox-rules"'},
                    )
                unknown = sorted(set(request.query_params) - allowed)
                if unknown:
                    raise InputValidationError.from_key(
                        "http.unknown_query",
                        names=", ".join(u[:40] for u in unknown),
                        errors=[field_problem(u[:40], "http.field.not_a_param") for u in unknown],
                    )
                if ep.run is None:
                    content, media_type = fixed[ep.path]
                    return Response(content, media_type=media_type)
                media = _media(request, offered)
                async with asyncio.timeout(cfg.time_limit):
                    body = await _body(request, cfg.max_body_bytes, accepts) if ep.request else None
                    call = Call(body, request.path_params, request.query_params, calendar)
                    loop = asyncio.get_running_loop()
                    content, media_type = await loop.run_in_executor(
                        executor, _render, ep, call, media, lang
                    )
                return Response(content, media_type=media_type, headers={"Content-Language": lang})
            except SandboxRulesError as exc:
                return _error(exc, lang)
            except TimeoutError:
                return _error(TimeLimitError("http.time_limit", limit=cfg.time_limit), lang)
            except Exception:
                log.exception("bug answering %s %s", request.method, request.url.path)
                return _error(_internal(), lang)

        return endpoint

    async def http_error(request: Request, exc: Exception) -> Response:
        lang = cfg.default_lang
        assert isinstance(exc, HTTPException)
        if exc.status_code == 405:
            allow = exc.headers.get("Allow", "") if exc.headers else ""
            return _error(
                MethodNotAllowedError(
                    "http.method",
                    method=request.method[:20],
                    path=request.url.path[:200],
                    allow=allow,
                    headers={"Allow": allow},
                ),
                lang,
            )
        if exc.status_code == 404:
            paths = [e.path for e in ENDPOINTS]
            path = request.url.path[:200]
            return _error(
                NotFoundError(
                    "http.not_found",
                    path=path,
                    errors=at("path", "http.field.no_route", _nearest_path(path, paths)),
                ),
                lang,
            )
        return _error(
            MalformedBodyError("http.bad_request", status=exc.status_code),
            lang,
        )

    async def bug(request: Request, exc: Exception) -> Response:
        log.exception("bug answering %s %s", request.method, request.url.path, exc_info=exc)
        return _error(_internal(), cfg.default_lang)

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        yield
        executor.shutdown(wait=False, cancel_futures=True)

    middleware = []
    if cfg.cors_origins:
        from starlette.middleware.cors import CORSMiddleware

        middleware.append(
            Middleware(
                CORSMiddleware,
                allow_origins=list(cfg.cors_origins),
                allow_methods=["GET", "POST"],
                allow_headers=["Authorization", "Content-Type", "Accept-Language"],
            )
        )
    routes: dict[str, list[Endpoint]] = {}
    for ep in ENDPOINTS:
        routes.setdefault(ep.path, []).append(ep)
    return Starlette(
        routes=[_route(path, eps, handler) for path, eps in routes.items()],
        middleware=middleware,
        exception_handlers={HTTPException: http_error, Exception: bug},
        lifespan=lifespan,
    )


def _route(path: str, eps: list[Endpoint], handler: Callable[[Endpoint], Handler]) -> Route:
    """One route per path; GET and POST on the same path (calendar) go to their own row."""
    by_method = {ep.method: handler(ep) for ep in eps}
    if len(by_method) == 1:
        return Route(path, next(iter(by_method.values())), methods=list(by_method))

    async def dispatch(request: Request) -> Response:
        method = "GET" if request.method == "HEAD" else request.method
        return await by_method[method](request)

    return Route(path, dispatch, methods=list(by_method))


def _internal() -> InternalError:
    return InternalError("http.internal")


def _nearest_path(path: str, paths: list[str]) -> str | None:
    import difflib

    near = difflib.get_close_matches(path, paths, 1, cutoff=0.5)
    return near[0] if near else None
