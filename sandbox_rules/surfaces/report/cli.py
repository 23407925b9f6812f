"""``sandbox-rules report FILE``: the parser is built without importing the renderer."""

from __future__ import annotations

import argparse
from typing import Any


def cmd_report(args: argparse.Namespace) -> int:
    from sandbox_rules import cli_io
    from sandbox_rules.cli import _interp_args
    from sandbox_rules.surfaces.report.render import _records, render_html, render_pdf

    lang = args.lang
    run = getattr(args, "run", None)  # the CLI's run has read --overrides (a path or stdin)
    overrides = run.overrides if run is not None else args.overrides
    records = _records(args.file, args.as_of, _interp_args(args) or None, overrides, lang)
    if args.json:
        shown = {k: v for k, v in records.items() if k != "calendar"}
        cli_io.write_stdout(cli_io.dumps(shown, pretty=True) + "\n", lang)
        return 0
    html = render_html(records, lang)
    if not args.html and not args.pdf:
        cli_io.write_stdout(html, lang)
        return 0
    if args.html:
        cli_io.write_output(args.html, html, force=args.force, lang=lang)
    if args.pdf:
        render_pdf(html, args.pdf, force=args.force, lang=lang)
    for out in (args.html, args.pdf):
        if out:
            cli_io.write_stdout(f"→ {out}\n", lang)
    return 0


def add_parser(sub: Any, common: argparse.ArgumentParser) -> None:
    """``report``, with its help in the language of the CLI's --help (``help_lang``)."""
    from sandbox_rules.cli import _iso
    from sandbox_rules.i18n import t

    lang = str(common.get_default("help_lang") or "vi")
    p = sub.add_parser(
        "report",
        parents=[common],
        help=t("cmd.report_help", lang),
        description=t("cmd.report_description", lang),
    )
    p.add_argument("file", help=t("cmd.report_file", lang))
    p.add_argument("--html", metavar="OUT.html", help=t("cmd.report_html", lang))
    p.add_argument("--pdf", metavar="OUT.pdf", help=t("cmd.report_pdf", lang))
    p.add_argument("--as-of", type=_iso, help=t("cmd.report_as_of", lang))
    p.add_argument(
        "--interpretation",
        action="append",
        metavar="ID=OPTION",
        help=t("cmd.report_interpretation", lang),
    )
    p.add_argument("--overrides", metavar="FILE", help=t("cmd.report_overrides", lang))
    p.add_argument("--force", action="store_true", help=t("cmd.report_force", lang))
    p.set_defaults(func=cmd_report)
