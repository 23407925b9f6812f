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
    case = getattr(args, "case", None)
    records = _records(args.file, args.as_of, _interp_args(args) or None, overrides, lang, case)
    if args.json and (args.html or args.pdf):
        # The files asked for are written (or refused) first: --json says what goes to
        # stdout, not that --html and --pdf are ignored.
        html = render_html(records, lang)
        if args.html:
            cli_io.write_output(args.html, html, force=args.force)
        if args.pdf:
            render_pdf(html, args.pdf, force=args.force)
    if args.json:
        from sandbox_rules.document_records import Reports, report_record

        # The report's record (schema report), or the reports of a case file's cases
        # (schema reports): compact, one line, unless --pretty or a terminal.
        reports = [report_record(r) for r in records]
        many = len(reports) > 1 or any(r.get("case") for r in records)
        out: Any = Reports(cases=tuple(reports)) if many else reports[0]
        pretty = run.pretty if run is not None else bool(args.pretty)
        cli_io.write_stdout(cli_io.encode(out, pretty=pretty) + "\n")
        return _refused(
            [r["case"] for r in records if r.get("error") and not r["error"]["expected"]],
            args.file,
            lang,
        )
    html = render_html(records, lang)
    refused = [r["case"] for r in records if r.get("error") and not r["error"]["expected"]]
    if not args.html and not args.pdf:
        cli_io.write_stdout(html)
        return _refused(refused, args.file, lang)
    if args.html:
        cli_io.write_output(args.html, html, force=args.force)
    if args.pdf:
        render_pdf(html, args.pdf, force=args.force)
    for out in (args.html, args.pdf):
        if out:
            cli_io.write_stdout(f"→ {out}\n")
    return _refused(refused, args.file, lang)


def _refused(cases: list[Any], file: str, lang: str) -> int:
    """Exit 1, naming them, when some cases of a case file could not be reported (their notes
    say why); a case refused as it expects (expect.error) is not a failure."""
    if not cases:
        return 0
    import sys

    from sandbox_rules.i18n import t

    names = "; ".join(f"{c['number']}. «{c['name']}»" for c in cases)
    print(
        "sandbox-rules: " + t("report_input.cases_refused", lang, file=file, cases=names),
        file=sys.stderr,
    )
    return 1


def add_parser(sub: Any, common: argparse.ArgumentParser) -> None:
    """``report``, with its help in the language of the CLI's --help (``help_lang``)."""
    from sandbox_rules.cli import iso_type
    from sandbox_rules.i18n import t

    lang = str(common.get_default("help_lang") or "vi")
    p = sub.add_parser(
        "report",
        parents=[common],
        help=t("cmd.report_help", lang),
        description=t("cmd.report_description", lang),
    )
    p.add_argument("file", metavar=t("metavar.file", lang), help=t("cmd.report_file", lang))
    p.add_argument("--html", metavar=t("metavar.out_html", lang), help=t("cmd.report_html", lang))
    p.add_argument("--pdf", metavar=t("metavar.out_pdf", lang), help=t("cmd.report_pdf", lang))
    p.add_argument(
        "--as-of", metavar="YYYY-MM-DD", type=iso_type(lang), help=t("cmd.report_as_of", lang)
    )
    p.add_argument(
        "--interpretation",
        action="append",
        metavar=t("metavar.id_option", lang),
        help=t("cmd.report_interpretation", lang),
    )
    p.add_argument(
        "--overrides", metavar=t("metavar.file", lang), help=t("cmd.report_overrides", lang)
    )
    p.add_argument("--force", action="store_true", help=t("cmd.report_force", lang))
    p.add_argument(
        "--case",
        metavar=t("report_input.case_metavar", lang),
        help=t("report_input.help_case", lang),
    )
    p.set_defaults(func=cmd_report)
