"""``sandbox-rules init application|scenario|case [PATH]``: a commented template."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from sandbox_rules.i18n import t

WHAT = ("application", "scenario", "case")  # what `init` writes a template of


def add_parser(sub: Any, common: argparse.ArgumentParser) -> None:
    lang = common.get_default("help_lang") or "vi"  # the language of --help
    p = sub.add_parser(
        "init",
        parents=[common],
        help=t("cmd.init_help", lang),
        description=t("cmd.init_description", lang),
    )
    p.add_argument("what", choices=WHAT, help=t("cmd.init_what", lang))
    p.add_argument(
        "path", nargs="?", metavar=t("metavar.file", lang), help=t("cmd.init_path", lang)
    )
    p.add_argument(
        "--kind",
        choices=("organisation", "individual"),
        default="organisation",
        help=t("cmd.init_kind", lang),
    )
    p.add_argument("--force", action="store_true", help=t("cmd.init_force", lang))
    p.set_defaults(func=cmd_init)


def cmd_init(args: argparse.Namespace) -> int:
    """The template printed, or written to PATH; with --json, the template record (schema
    template: what, applicant kind, language, the file written or null, the YAML text)."""
    from sandbox_rules.errors import InputValidationError
    from sandbox_rules.surfaces.templates.write import template

    text = template(args.what, args.lang, args.kind)
    if args.path:
        path = Path(args.path)
        if path.exists() and not args.force:
            raise InputValidationError.from_key("cmd.init_exists", path=path)
        path.write_text(text, encoding="utf-8")
    if args.json:
        from sandbox_rules.document_records import Template

        run = args.run
        record = Template(
            what=args.what,
            applicant_kind=args.kind,
            lang=args.lang,
            path=str(args.path) if args.path else None,
            text=text,
        )
        run.out(run.encode(record))
    elif args.path:
        print(t("cmd.init_written", args.lang, path=args.path))
    else:
        print(text, end="")
    return 0
