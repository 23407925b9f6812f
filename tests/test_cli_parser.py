"""The command line builds only the parser of the command it names (cli.build_parser with
argv), and reads every line exactly as the whole parser reads it."""

from __future__ import annotations

import argparse
import re
from pathlib import Path

import pytest
from _cli import run_cli

from sandbox_rules.cli import build_parser

ROOT = Path(__file__).resolve().parent.parent

# Every command, as docs/cli.md gives each a section.
COMMANDS = re.findall(
    r"^## `sandbox-rules (\w+)`", (ROOT / "docs" / "cli.md").read_text("utf-8"), re.MULTILINE
)

# (command line, why it is here)
LINES = [
    (["assess", "examples/org-hanoi-one-source.yaml"], "the benchmark's cold command"),
    (["--lang", "en", "assess", "f.yaml", "--all"], "--lang's value is not the command"),
    (["--lang=en", "route", "f.yaml", "--form", "compact"], "--lang=VALUE form"),
    (["--json", "--pretty", "timeline", "f.yaml", "--explain"], "flags before the command"),
    (["obligations", "f.yaml", "--ics", "o.ics", "--ics-remind", "5"], "a command's own options"),
    (["batch", "assess", "-"], "a command whose first argument is another command's name"),
    (["deadline", "2026-01-02", "--working-days", "10"], "a typed argument"),
    (["test", "tests/cases"], "a surface command (case files)"),
    (["report", "f.yaml", "--lang", "en"], "a surface command, --lang after it"),
    (["init", "application"], "a surface command (templates)"),
    (["serve", "--port", "0"], "the service command"),
    (["interview", "f.yaml"], "the interview"),
    (["calendar", "2026", "--interpretation", "a=b"], "repeated option"),
    (["schema", "record"], "a choice"),
]


@pytest.mark.parametrize(("argv", "why"), LINES, ids=[w for _, w in LINES])
def test_the_one_command_parser_reads_a_line_as_the_whole_one(argv: list[str], why: str) -> None:
    one = build_parser("vi", argv).parse_args(argv)
    whole = build_parser("vi").parse_args(argv)
    assert vars(one) == vars(whole)


def _commands(parser: argparse.ArgumentParser) -> list[str]:
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return list(sub.choices)


def test_a_named_command_builds_one_parser_and_no_name_builds_all() -> None:
    assert _commands(build_parser("vi", ["assess", "f.yaml"])) == ["assess"]
    assert _commands(build_parser("vi", ["--lang", "en", "report", "f"])) == ["report"]
    everything = _commands(build_parser("vi"))
    assert sorted(everything) == sorted(COMMANDS)
    assert _commands(build_parser("vi", ["--json"])) == everything
    assert _commands(build_parser("vi", ["asess", "f.yaml"])) == everything  # a typo


def test_a_misspelt_command_is_refused_with_every_choice_listed() -> None:
    code, _out, err = run_cli(["asess", "f.yaml"])
    assert code == 2
    assert "asess" in err
    for name in ("assess", "route", "obligations", "report", "test"):
        assert name in err


def test_the_list_of_commands_in_help_is_whole() -> None:
    code, out, _ = run_cli(["--help"])
    assert code == 0
    for name in ("assess", "route", "lifecycle", "report", "serve", "interview", "init"):
        assert name in out
