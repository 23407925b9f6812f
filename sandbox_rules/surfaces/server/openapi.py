"""The OpenAPI 3.1 document, assembled from the same definitions the library publishes: the
JSON Schemas of ``sandbox_rules.schema`` (inputs and output records), the pydantic request
bodies of :mod:`.operations`, and the endpoint table. Deterministic: the same bytes in every
worker and run (keys sorted when encoded). Also the self-contained HTML page at ``/docs``.
"""

from __future__ import annotations

import html
import json
from collections.abc import Mapping
from typing import Any

from sandbox_rules.surfaces.server.endpoints import ENDPOINTS, LANG, Endpoint
from sandbox_rules.surfaces.server.errors import STATUSES

REF = "#/components/schemas/"
_STR = {"type": "string"}
_STRS = {"type": "array", "items": _STR}
_OBJ = {"type": "object"}
_NULLABLE_STR = {"type": ["string", "null"]}


def _ref(name: str) -> dict[str, str]:
    return {"$ref": REF + name}


# Responses of the routes that are not one of the library's result records (those, the
# reference data's too, are sandbox_rules.schema's: LawUnit, Rules, Coverage, Catalogue,
# CalendarYear).
LOCAL_SCHEMAS: dict[str, dict[str, Any]] = {
    "ErrorEnvelope": {
        "type": "object",
        "description": "Every error response: the library's error record (schema error).",
        "required": ["error"],
        "additionalProperties": False,
        "properties": {"error": _ref("ErrorRecord")},
    },
    "TimelineOrTimelines": {
        "description": "one timeline, or the timelines record when the scenario has several",
        "oneOf": [_ref("Timeline"), _ref("Timelines")],
    },
    "Interpretations": {
        "type": "array",
        "items": {
            "type": "object",
            "additionalProperties": False,
            "required": ["id", "citations", "question_vi", "question_en", "default", "options"],
            "properties": {
                "id": _STR,
                "citations": _STRS,
                "question_vi": _STR,
                "question_en": _STR,
                "default": _STR,
                "options": {"type": "object", "additionalProperties": _STR},
                "reasoning": _STR,
                "source": _STR,
            },
        },
    },
    "SchemaNames": {"type": "array", "items": _STR},
    "JsonSchema": {"type": "object", "description": "a JSON Schema or OpenAPI document"},
    "Health": {
        "type": "object",
        "required": ["status"],
        "properties": {"status": {"const": "ok"}},
    },
    "Version": {
        "type": "object",
        "required": [
            "library_version",
            "law_version",
            "calendar_data_version",
            "calendar_official_years",
        ],
        "properties": {
            "library_version": _STR,
            "law_version": _STR,
            "calendar_data_version": _STR,
            "calendar_official_years": {
                "description": "the first and last years with official calendar decisions",
                "type": ["object", "null"],
                "required": ["first", "last"],
                "properties": {"first": {"type": "integer"}, "last": {"type": "integer"}},
                "additionalProperties": False,
            },
        },
    },
    "Html": {"type": "string"},
    "JsonLines": {
        "type": "string",
        "description": "JSON lines: one body of POST /{kind} per line (a blank line is "
        "answered by a blank line)",
    },
    "Batch": {
        "type": "string",
        "description": "JSON lines: per input line, on the same line, its record, or a "
        "batch_error record (schema batch-error: the line's number and its error) when that "
        "line failed, or a blank line for a blank line",
    },
}


def _components() -> dict[str, Any]:
    """Output records from their msgspec definitions (``schema.openapi_components``), inputs
    and request bodies from their pydantic models, and the local schemas above. A name given
    to two different schemas is a bug, refused here rather than silently merged."""
    from pydantic import BaseModel
    from pydantic.json_schema import models_json_schema

    from sandbox_rules.lifecycle import SandboxRecord
    from sandbox_rules.models import Application
    from sandbox_rules.schema import openapi_components
    from sandbox_rules.surfaces.server.operations import REQUESTS

    out = dict(openapi_components())
    models: tuple[type[BaseModel], ...] = (Application, SandboxRecord, *REQUESTS)
    tops, defs = models_json_schema(
        [(m, "validation") for m in models], ref_template=REF + "{model}"
    )
    inputs = dict(defs.get("$defs", {}))
    for m in models:
        inputs.setdefault(m.__name__, tops[(m, "validation")])
    for name, schema in (*inputs.items(), *LOCAL_SCHEMAS.items()):
        if name in out and out[name] != schema:
            raise RuntimeError(f"two different schemas are named {name!r}")
        out[name] = schema
    return out


def _schema_name(name: str) -> str:
    from sandbox_rules.schema import OUTPUTS

    return OUTPUTS[name].__name__ if name in OUTPUTS else name


def _parameters(ep: Endpoint) -> list[dict[str, Any]]:
    params = [
        {"name": p.name, "in": "path", "required": True, "description": p.description}
        | {"schema": dict(p.schema)}
        for p in ep.path_params
    ]
    params += [
        {"name": p.name, "in": "query", "required": False, "description": p.description}
        | {"schema": dict(p.schema)}
        for p in (*ep.params, LANG)
    ]
    params.append(
        {
            "name": "Accept-Language",
            "in": "header",
            "required": False,
            "description": "vi or en (default vi); the lang parameter wins",
            "schema": {"type": "string"},
        }
    )
    return params


def _operation(ep: Endpoint) -> dict[str, Any]:
    ok: dict[str, Any] = {"application/json": {"schema": _ref(_schema_name(ep.response))}}
    if ep.response == "Html":
        ok = {"text/html": {"schema": _ref("Html")}}
    if ep.response == "Batch":
        ok = {}
    for media in ep.media:
        ok[media] = {"schema": _ref("Batch") if ep.response == "Batch" else {"type": "string"}}
    codes = [401, 406, 422, 503] if ep.run is not None else [401, 422]
    if ep.request is not None:
        codes += [400, 413, 415]
    if ep.path_params:
        codes.append(404)
    responses: dict[str, Any] = {"200": {"description": "OK", "content": ok}}
    for code in sorted(codes):
        responses[str(code)] = {
            "description": STATUSES[code],
            "content": {"application/json": {"schema": _ref("ErrorEnvelope")}},
        }
    out: dict[str, Any] = {
        "operationId": ep.operation_id,
        "summary": ep.summary("en"),
        "description": f"{ep.summary('vi')}\n\n{ep.summary('en')}",
        "tags": list(ep.tags),
        "parameters": _parameters(ep),
        "responses": responses,
    }
    if ep.request is not None:
        body_media = "application/x-ndjson" if ep.request == "JsonLines" else "application/json"
        out["requestBody"] = {
            "required": True,
            "content": {body_media: {"schema": _ref(ep.request)}},
        }
    return out


def openapi_document() -> dict[str, Any]:
    import msgspec

    from sandbox_rules import __version__

    paths: dict[str, dict[str, Any]] = {}
    for ep in ENDPOINTS:
        paths.setdefault(ep.path, {})[ep.method.lower()] = _operation(ep)
    doc = {
        "openapi": "3.1.0",
        "info": {
            "title": "sandbox-rules",
            "version": __version__,
            "summary": "Nghị định 169/2025/NĐ-CP, Chương II (thử nghiệm có kiểm soát) — "
            "Decree 169/2025/ND-CP, Chapter II (controlled testing) as cited rules",
            "description": "Answers, records and errors of the sandbox_rules library over "
            "HTTP. Nothing is stored between requests. Every error has the body "
            '{"error": <error record>} (code, message in English and message_vi in Vietnamese, '
            "errors per field).",
            "license": {"name": "MIT", "identifier": "MIT"},
        },
        "paths": paths,
        "components": {
            "schemas": _components(),
            "securitySchemes": {
                "bearer": {
                    "type": "http",
                    "scheme": "bearer",
                    "description": "only when the server has SANDBOX_RULES_TOKEN set",
                }
            },
        },
        "security": [{}, {"bearer": []}],
    }
    # Through JSON once: plain lists and dicts only, exactly what /openapi.json serves.
    out: dict[str, Any] = msgspec.json.decode(msgspec.json.encode(doc, order="sorted"))
    return out


# -- the browsable page ---------------------------------------------------------------------
_CSS = """
body{font:15px/1.5 system-ui,sans-serif;max-width:70rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a}
h1{font-size:1.6rem}h2{margin-top:2.5rem;border-bottom:1px solid #ccc}
.ep{border:1px solid #ddd;border-radius:6px;padding:.6rem 1rem;margin:1rem 0}
.m{display:inline-block;min-width:3.6rem;font-weight:700}.GET{color:#0a5}.POST{color:#05a}
code,pre{font:13px/1.4 ui-monospace,monospace}pre{background:#f6f6f6;padding:.6rem;overflow-x:auto}
.en{color:#555}details{margin:.3rem 0}
"""


def docs_html(doc: Mapping[str, Any]) -> str:
    """A self-contained page (no script, no network): every route with a curl example, and
    every schema of the document."""
    e = html.escape
    parts = [
        "<!doctype html><html lang='vi'><head><meta charset='utf-8'>",
        "<meta name='viewport' content='width=device-width,initial-scale=1'>",
        f"<title>sandbox-rules {e(doc['info']['version'])} — API</title>",
        f"<style>{_CSS}</style></head><body>",
        f"<h1>sandbox-rules {e(doc['info']['version'])}</h1>",
        f"<p>{e(doc['info']['summary'])}</p>",
        "<p>Tài liệu máy đọc: <a href='/openapi.json'>/openapi.json</a> (OpenAPI 3.1). "
        "<span class='en'>Machine-readable: /openapi.json.</span></p>",
        "<p><code>application.json</code>, <code>scenario.json</code>: một hồ sơ, một kịch bản "
        "dạng JSON (examples/*.yaml) <span class='en'>— an application, a scenario as JSON "
        '(see docs/server.md)</span>. Lỗi / errors: <code>{"error": ErrorRecord}</code>.</p>',
        "<h2>Đường dẫn <span class='en'>/ Routes</span></h2>",
    ]
    for ep in ENDPOINTS:
        op = doc["paths"][ep.path][ep.method.lower()]
        media = ", ".join(op["responses"]["200"]["content"])
        parts.append(
            f"<div class='ep' id='{e(ep.operation_id)}'><span class='m {ep.method}'>"
            f"{ep.method}</span> <code>{e(ep.path)}</code><br>{e(ep.summary('vi'))}"
            f"<br><span class='en'>{e(ep.summary('en'))}</span><br>"
        )
        if ep.request:
            parts.append(f"Thân / body: <a href='#s-{e(ep.request)}'>{e(ep.request)}</a> · ")
        parts.append(
            f"Trả về / returns: <a href='#s-{e(_schema_name(ep.response))}'>"
            f"{e(_schema_name(ep.response))}</a> ({e(media)})"
        )
        params = [p["name"] for p in op["parameters"] if p["in"] == "query"]
        parts.append(f"<br>Tham số / query: <code>{e(', '.join(params))}</code>")
        parts.append(f"<pre>{e(curl_example(ep))}</pre></div>")
    parts.append("<h2>Lược đồ <span class='en'>/ Schemas</span></h2>")
    for name, schema in sorted(doc["components"]["schemas"].items()):
        text = json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True)
        parts.append(
            f"<details id='s-{e(name)}'><summary><code>{e(name)}</code></summary>"
            f"<pre>{e(text)}</pre></details>"
        )
    parts.append("</body></html>")
    return "\n".join(parts)


_EXAMPLE_BODY = {
    "Application": "@application.json",
    "DossierRequest": '{"procedure": "adjustment", "applicant_kind": "organisation", '
    '"requires_extension": true, "documents": ["HĐTN05", "adjusted_plan"]}',
    "ScenarioRequest": "@scenario.json",
    "DeadlineRequest": '{"event": "2026-01-01", "period": {"unit": "working_days", "n": 3}}',
    "CalendarRequest": '{"interpretations": {"culture-day-makeup": "made-up"}}',
    "JsonLines": "@applications.jsonl",
}
_EXAMPLE_PATH = {"year": "2026", "citation": "12.3.b", "name": "assessment", "kind": "assess"}


def curl_example(ep: Endpoint) -> str:
    path = ep.path
    for key, value in _EXAMPLE_PATH.items():
        path = path.replace("{" + key + "}", value)
    cmd = f"curl -s http://127.0.0.1:8000{path}"
    if ep.request:
        body = _EXAMPLE_BODY[ep.request]
        data = body if body.startswith("@") else f"'{body}'"
        media = "application/x-ndjson" if ep.request == "JsonLines" else "application/json"
        cmd += f" \\\n  -H 'Content-Type: {media}' --data-binary {data}"
    return cmd
