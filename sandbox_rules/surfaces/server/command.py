"""``sandbox-rules serve``: the parser is built without importing the server's dependencies,
so every other command stays fast and works without the ``server`` extra."""

from __future__ import annotations

import argparse
import os
from typing import Any

from sandbox_rules.errors import SandboxRulesError

APP = "sandbox_rules.surfaces.server.app:create_app"


def add_parser(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "serve",
        parents=[common],
        help="HTTP service (extra 'server'): every command as an endpoint, read-only",
        description="Serve every operation over HTTP. Nothing is stored: the service is "
        "read-only. --lang sets the default language; SANDBOX_RULES_TOKEN (environment) "
        "requires a bearer token on every route but /health.",
    )
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    p.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    p.add_argument("--workers", type=int, default=1, help="worker processes (default 1)")
    p.add_argument(
        "--max-body-bytes", type=int, default=1_048_576, help="request body limit (default 1 MiB)"
    )
    p.add_argument(
        "--time-limit", type=float, default=10.0, help="seconds per request (default 10)"
    )
    p.add_argument(
        "--cors-origin",
        action="append",
        default=[],
        metavar="ORIGIN",
        help="allow browser calls from this origin (repeatable; CORS is off by default)",
    )
    p.add_argument("--access-log", action="store_true", help="log every request")
    p.set_defaults(func=cmd_serve)


def cmd_serve(args: argparse.Namespace) -> int:
    try:
        import uvicorn

        from sandbox_rules.surfaces.server.app import Settings
    except ImportError as exc:
        raise SandboxRulesError(
            f"the HTTP service needs the 'server' extra: pip install 'sandbox-rules[server]' ({exc.name})"
        ) from None
    if args.workers < 1 or args.max_body_bytes < 1 or args.time_limit <= 0:
        raise SandboxRulesError("--workers, --max-body-bytes and --time-limit must be positive")
    settings = Settings(
        max_body_bytes=args.max_body_bytes,
        time_limit=args.time_limit,
        cors_origins=tuple(args.cors_origin),
        default_lang=args.lang,
    )
    # Worker processes build their app from the environment, so every one gets these.
    os.environ.update(settings.to_env())
    Settings.from_env()  # a malformed SANDBOX_RULES_* variable fails here, not in a worker
    uvicorn.run(
        APP,
        factory=True,
        host=args.host,
        port=args.port,
        workers=args.workers,
        access_log=args.access_log,
        server_header=False,
        log_level="info",
    )
    return 0
