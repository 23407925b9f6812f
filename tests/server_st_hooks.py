"""Schemathesis hooks for tests/test_server_openapi.py (not a test module): how to send the
JSON-lines body of POST /batch/{kind}, which schemathesis has no serializer for."""

from __future__ import annotations

from typing import Any

import schemathesis


@schemathesis.serializer("application/x-ndjson")
def json_lines(ctx: Any, value: Any) -> bytes:
    return value.encode() if isinstance(value, str) else str(value).encode()
