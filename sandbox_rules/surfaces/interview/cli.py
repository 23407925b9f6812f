"""``sandbox-rules interview FILE``: ask for the missing facts, write the file back."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from sandbox_rules.i18n import t


def add_parser(sub: Any, common: argparse.ArgumentParser) -> None:
    lang = common.get_default("help_lang") or "vi"  # the language of --help
    p = sub.add_parser("interview", parents=[common], help=t("cmd.interview_help", lang))
    p.add_argument("file", metavar=t("metavar.file", lang), help=t("cmd.interview_file", lang))
    p.add_argument(
        "--answers", metavar=t("metavar.file", lang), help=t("cmd.interview_answers", lang)
    )
    p.add_argument(
        "--output", "-o", metavar=t("metavar.file", lang), help=t("cmd.interview_output", lang)
    )
    p.add_argument("--dry-run", action="store_true", help=t("cmd.interview_dry", lang))
    p.add_argument("--force", action="store_true", help=t("cmd.interview_force", lang))
    p.set_defaults(func=cmd_interview)


def cmd_interview(args: argparse.Namespace) -> int:
    from sandbox_rules.errors import InputValidationError
    from sandbox_rules.surfaces.inputs import read_yaml
    from sandbox_rules.surfaces.interview.session import (
        Document,
        NotAnswered,
        Question,
        hint,
        interview,
        write_unasked,
    )

    lang = args.lang
    path = Path(args.file)
    if not path.exists():
        raise InputValidationError.from_key("input.unreadable", file=str(path), detail="—")
    read_yaml(path)  # a syntax error is reported with its line before anything is asked
    doc = Document(path)
    log: list[str] = []

    def say(text: str) -> None:
        log.append(text)
        if not args.json:
            print(text, flush=True)

    out = Path(args.output) if args.output else path
    if not args.dry_run and not doc.keeps_comments:
        # Without ruamel.yaml the file is written back without its comments: never silently,
        # and never over the officer's file unless asked — said before anything is asked.
        if _same_file(out, path) and not args.force:
            from sandbox_rules.errors import OutputPathError

            raise OutputPathError(str(path), "interview.would_lose_comments")
        say(t("interview.comments_lost", lang, file=str(out)))
    # Another file named by -o is replaced only with --force, as every output of the command
    # line (cli_io.write_output): said before anything is asked.
    replace = args.force or _same_file(out, path)
    if not args.dry_run and out.exists() and not replace:
        from sandbox_rules.errors import OutputPathError

        raise OutputPathError(repr(str(out)), "io.exists")

    extra: dict[str, Any] = {}
    if args.answers:
        located = read_yaml(args.answers)
        given = located.data if located.data is not None else {}
        if not isinstance(given, dict):
            raise InputValidationError.from_key("interview.answers_not_mapping", file=args.answers)
        entries = {str(k): v for k, v in given.items()}
        used: set[str] = set()

        def where(key: str) -> str:
            line = located.lines.get((key,))
            if line is None:
                return t("interview.in_file", lang, file=args.answers)
            return t("interview.at_line", lang, file=args.answers, line=line)

        def key_of(q: Question) -> str | None:
            return next((k for k in (q.key, q.fact) if k in entries), None)

        def ask(q: Question, n: int) -> Any:
            key = key_of(q)
            if key is None:
                say(t("interview.not_answered", lang, file=args.answers))
                raise NotAnswered
            used.add(key)
            raw = entries[key]
            say(f"{hint(q, lang)}\n> {_as_written(raw, lang)}")
            return raw

        def from_file(q: Question) -> str:
            key = key_of(q)
            return where(key if key is not None else q.key)

        result = interview(doc, ask, say, lang, from_file=from_file)
        rest = [(k, v, where(k)) for k, v in entries.items() if k not in used]
        if rest:
            say("")
            extra = write_unasked(doc, rest, say, lang)
            result["rejected"] += extra.pop("rejected")
            result.update(extra)
    else:

        def ask(q: Question, n: int) -> Any:
            say(hint(q, lang))
            if not args.json:
                return input("> ")
            # With --json stdout holds the record alone: the questions and the prompt go to
            # stderr, where a person at the terminal still sees them (trial 4, N1).
            for text in log[shown[0] :]:
                print(text, file=sys.stderr)
            shown[0] = len(log)
            print("> ", end="", file=sys.stderr, flush=True)
            line = sys.stdin.readline()
            if not line:
                raise EOFError
            return line.rstrip("\r\n")

        shown = [0]  # how much of the transcript stderr has had (--json)

        result = interview(doc, ask, say, lang)
    if not args.dry_run and (doc.dump() != doc.loaded or not _same_file(out, path)):
        # Written only when an answer changed it (or to another file): a session with no
        # answer taken leaves the officer's file as it was (trial 4, N3).
        from sandbox_rules.cli_io import write_output

        write_output(str(out), doc.dump(), force=replace)
        say(t("interview.written", lang, file=str(out)))
    if args.json:
        import msgspec

        from sandbox_rules.document_records import Interview

        run = args.run  # one line, indented with --pretty or on a terminal
        record = msgspec.convert({**result, "transcript": log, "kind": "interview"}, Interview)
        run.out(run.encode(record))
    sys.stdout.flush()
    if result["rejected"]:
        print(
            "sandbox-rules: "
            + t("interview.some_rejected", lang, file=args.answers, count=len(result["rejected"])),
            file=sys.stderr,
        )
        return 1
    return 0


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve() or (a.exists() and a.samefile(b))
    except OSError:
        return False


def _as_written(value: Any, lang: str) -> str:
    """An answer from the file as the officer would have typed it: «có», not «True»
    (an empty answer as YAML writes it)."""
    if isinstance(value, bool):
        return t("case.true" if value else "case.false", lang)
    if value is None:
        return "null"
    return str(value)
