"""The peer stack for the comparison in benchmarks/server.py: FastAPI on uvicorn around the
same operation and encoding as the service (POST /assess only). Not shipped."""

from __future__ import annotations

import asyncio
from typing import Any

import msgspec
from fastapi import FastAPI, Request, Response

from sandbox_rules.surfaces.server import operations
from sandbox_rules.surfaces.server.operations import record_json


def create_app() -> Any:
    app = FastAPI()

    def run(raw: bytes) -> bytes:
        return record_json(operations.assess(msgspec.json.decode(raw)).data)

    @app.post("/assess")
    async def assess(request: Request) -> Response:
        raw = await request.body()
        content = await asyncio.get_running_loop().run_in_executor(None, run, raw)
        return Response(content, media_type="application/json")

    @app.get("/health")
    async def health() -> dict[str, str]:
        return {"status": "ok"}

    return app
