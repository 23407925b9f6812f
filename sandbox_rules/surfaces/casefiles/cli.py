"""``sandbox-rules test PATH…``: run case files; exit 1 on any miss."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from sandbox_rules.i18n import t


def add_parser(sub: Any, common: argparse.ArgumentParser) -> None:
    lang = common.get_default("help_lang") or "vi"  # the language of --help
    p = sub.add_parser("test", parents=[common], help=t("cmd.test_help", lang))
    p.add_argument(
        "paths",
        nargs="*",
        default=["."],
        metavar=t("metavar.path", lang),
        help=t("cmd.test_paths", lang),
    )
    p.add_argument("-q", "--quiet", action="store_true", help=t("cmd.test_quiet", lang))
    p.add_argument("--schema", action="store_true", help=t("cmd.test_schema", lang))
    p.set_defaults(func=cmd_test)


def cmd_test(args: argparse.Namespace) -> int:
    from sandbox_rules.document_records import case_results_record
    from sandbox_rules.surfaces.casefiles.model import case_json_schema
    from sandbox_rules.surfaces.casefiles.runner import render, run_paths, to_json

    run = args.run  # the CLI's run: JSON in one line, indented with --pretty or on a terminal
    if args.schema:
        run.out(run.encode(case_json_schema()))
        return 0
    results = run_paths(args.paths, lang=args.lang)
    if not results:
        if args.json:  # still JSON on stdout: no cases; the message on stderr
            run.out(run.encode(case_results_record(to_json(results))))
            print(t("case.no_files", args.lang), file=sys.stderr)
        else:
            print(t("case.no_files", args.lang))
        return 1
    if args.json:
        run.out(run.encode(case_results_record(to_json(results))))
    else:
        print(render(results, args.lang, quiet=args.quiet))
    return 1 if any(r.bad for r in results) else 0
