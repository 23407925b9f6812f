"""``sandbox-rules serve``: the parser is built without importing the server's dependencies,
so every other command stays fast and works without the ``server`` extra."""

from __future__ import annotations

import argparse
import os
from dataclasses import replace
from typing import Any

from sandbox_rules.errors import SandboxRulesError
from sandbox_rules.i18n import t

APP = "sandbox_rules.surfaces.server.app:create_app"


def add_parser(sub: Any, common: argparse.ArgumentParser) -> None:
    lang = str(common.get_default("help_lang") or "vi")
    p = sub.add_parser(
        "serve",
        parents=[common],
        help=t("cmd.serve_help", lang),
        description=t("serve.description", lang),
    )
    p.add_argument("--host", default="127.0.0.1", help=t("serve.host", lang))
    p.add_argument("--port", type=int, default=8000, help=t("serve.port", lang))
    p.add_argument("--workers", type=int, default=1, help=t("serve.workers", lang))
    p.add_argument("--max-body-bytes", type=int, help=t("serve.max_body_bytes", lang))
    p.add_argument("--time-limit", type=float, help=t("serve.time_limit", lang))
    p.add_argument(
        "--cors-origin",
        action="append",
        default=[],
        metavar="ORIGIN",
        help=t("serve.cors_origin", lang),
    )
    p.add_argument("--access-log", action="store_true", help=t("serve.access_log", lang))
    p.set_defaults(func=cmd_serve)


def cmd_serve(args: argparse.Namespace) -> int:
    try:
        import uvicorn

        from sandbox_rules.surfaces.server.app import Settings
    except ImportError as exc:
        raise SandboxRulesError.from_key("serve.needs_extra", missing=exc.name) from None
    given = {
        "max_body_bytes": args.max_body_bytes,
        "time_limit": args.time_limit,
        "cors_origins": tuple(args.cors_origin) or None,
        "default_lang": args.lang,
    }
    if args.workers < 1 or any(
        v is not None and v <= 0 for v in (args.max_body_bytes, args.time_limit)
    ):
        raise SandboxRulesError.from_key("serve.positive")
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
