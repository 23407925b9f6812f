"""``sandbox-rules serve``: the parser is built without importing the server's dependencies,
so every other command stays fast and works without the ``server`` extra."""

from __future__ import annotations

import argparse
import os
from dataclasses import replace
from typing import Any

from sandbox_rules.errors import SandboxRulesError

APP = "sandbox_rules.surfaces.server.app:create_app"


def add_parser(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "serve",
        parents=[common],
        help="dịch vụ HTTP, chỉ đọc (extra 'server') — the HTTP service, read-only",
        description="Mọi thao tác qua HTTP; dịch vụ không lưu gì (chỉ đọc). --lang: ngôn ngữ "
        "mặc định; SANDBOX_RULES_TOKEN (biến môi trường): yêu cầu bearer token trên mọi đường "
        "dẫn trừ /health. — Every operation over HTTP. Nothing is stored: the service is "
        "read-only. --lang sets the default language; SANDBOX_RULES_TOKEN (environment) "
        "requires a bearer token on every route but /health. See docs/server.md.",
    )
    p.add_argument("--host", default="127.0.0.1", help="địa chỉ — address (127.0.0.1)")
    p.add_argument("--port", type=int, default=8000, help="cổng — port (8000)")
    p.add_argument("--workers", type=int, default=1, help="số tiến trình — worker processes (1)")
    p.add_argument(
        "--max-body-bytes",
        type=int,
        help="giới hạn thân yêu cầu — body limit (1 MiB; SANDBOX_RULES_MAX_BODY_BYTES)",
    )
    p.add_argument(
        "--time-limit",
        type=float,
        help="giây mỗi yêu cầu — seconds per request (10; SANDBOX_RULES_TIME_LIMIT)",
    )
    p.add_argument(
        "--cors-origin",
        action="append",
        default=[],
        metavar="ORIGIN",
        help="cho phép CORS từ ORIGIN — allow browser calls from ORIGIN (CORS off by default)",
    )
    p.add_argument(
        "--access-log", action="store_true", help="ghi nhật ký mọi yêu cầu — log every request"
    )
    p.set_defaults(func=cmd_serve)


def cmd_serve(args: argparse.Namespace) -> int:
    try:
        import uvicorn

        from sandbox_rules.surfaces.server.app import Settings
    except ImportError as exc:
        raise SandboxRulesError(
            "dịch vụ HTTP cần gói bổ sung 'server' — the HTTP service needs the 'server' "
            f"extra: pip install 'sandbox-rules[server]' ({exc.name})"
        ) from None
    given = {
        "max_body_bytes": args.max_body_bytes,
        "time_limit": args.time_limit,
        "cors_origins": tuple(args.cors_origin) or None,
        "default_lang": args.lang,
    }
    if args.workers < 1 or any(
        v is not None and v <= 0 for v in (args.max_body_bytes, args.time_limit)
    ):
        raise SandboxRulesError(
            "--workers, --max-body-bytes, --time-limit phải dương — must be positive"
        )
    # Options win over SANDBOX_RULES_* variables; a malformed variable fails here, not in a
    # worker. Worker processes build their app from the environment, so all get the same.
    settings = replace(Settings.from_env(), **{k: v for k, v in given.items() if v is not None})
    os.environ.update(settings.to_env())
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
