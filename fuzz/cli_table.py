"""Bad ``sandbox-rules`` invocations, one row each, with the exit code they must give.

Every row must end with its code and no traceback (no "Traceback", no "Exception ignored"),
run in-process through ``sandbox_rules.cli.main`` and, for a sample, as a real subprocess.
Exit codes: 0 ok, 1 input or rule error (typed), 2 usage, never 70 (a bug) for these.

``{d}`` in an argument is the fixtures folder built by :func:`make_fixtures`; EX, SC and TL
are an example application, a record scenario and a timeline scenario.

Run alone: ``python fuzz/cli_table.py`` (``make fuzz`` runs it with the API fuzzing).
"""

from __future__ import annotations

import contextlib
import io
import os
import subprocess
import sys
import tempfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EX = str(ROOT / "examples" / "org-hanoi-one-source.yaml")
SC = str(ROOT / "examples" / "scenarios" / "conclusion.yaml")
TL = str(ROOT / "examples" / "scenarios" / "issuance-across-tet.yaml")

OK, INPUT, USAGE = 0, 1, 2


@dataclass(frozen=True)
class Row:
    argv: tuple[str, ...]
    code: int
    why: str
    stdin: bytes = b""
    subprocess_ok: bool = True  # False where argv cannot reach a real process (NUL bytes)


def _bomb() -> bytes:
    # "billion laughs": nine levels of nine aliases; refused, never expanded
    lines = ['a0: &a0 ["lol"]']
    lines += [f"a{i}: &a{i} [{', '.join(f'*a{i - 1}' for _ in range(9))}]" for i in range(1, 10)]
    return ("\n".join(lines) + "\n").encode()


FIXTURES: dict[str, bytes] = {
    "empty.yaml": b"",
    "blank.json": b"  \n\t\n",
    "binary.json": bytes(range(256)),
    "latin1.yaml": "applicant: {kind: organization, name: 'Công ty'}\n".encode("latin-1", "replace")
    + b"\xe9\xff\n",
    "truncated.json": b'{"applicant": {"kind": ',
    "bad.yaml": b"applicant: [unclosed\n  - x: : :\n",
    "bomb.yaml": _bomb(),
    "deep.json": b"[" * 100_000 + b"]" * 100_000,
    "list.json": b"[1, 2, 3]",
    "scalar.yaml": b"42\n",
    "robot.json": b'{"applicant": {"kind": "robot"}}',
    "intkeys.yaml": b"{1: 2}\n",
    "pytag.yaml": b"!!python/object/apply:os.system ['true']\n",
    "no-as-of.yaml": b"timeline: {procedure: issuance-12.3, events: {}}\n",
    "bad-as-of.yaml": b"as_of: someday\ntimeline: {procedure: issuance-12.3, events: {}}\n",
    "no-timeline.yaml": b"as_of: 2026-03-01\n",
    "timelines-int.yaml": b"as_of: 2026-03-01\ntimelines: 5\n",
    "timelines-items.yaml": b"as_of: 2026-03-01\ntimelines: [5, 'x']\n",
    "unknown-procedure.yaml": b"as_of: 2026-03-01\ntimeline: {procedure: marriage, events: {}}\n",
    "events-int.yaml": b"as_of: 2026-03-01\ntimeline: {procedure: issuance-12.3, events: 5}\n",
    "no-record.yaml": b"as_of: 2026-03-01\n",
    "record-int.yaml": b"as_of: 2026-03-01\nrecord: 5\n",
    "bad-date.yaml": b"as_of: 2026-03-01\nrecord: {issued_on: 2026-13-45}\n",
    "compliance-int.yaml": b"as_of: 2026-03-01\nrecord: {issued_on: 2026-01-05}\ncompliance: 5\n",
    "scenario-list.yaml": b"- as_of: 2026-03-01\n",
    "bad-overrides.toml": b"days = [[[\n",
    "overrides-list.json": b"[1]",
    "existing.ics": b"BEGIN:VCALENDAR\nEND:VCALENDAR\n",
    "a-file": b"not a folder",
    "bad-lines.jsonl": b'{"applicant": {"kind": "robot"}}\nnot json\n\xff\xfe\n[1]\n',
    "huge.json": b'{"x": "' + b"a" * (9 * 1024 * 1024) + b'"}',
}


def make_fixtures(folder: Path) -> None:
    for name, data in FIXTURES.items():
        (folder / name).write_bytes(data)
    (folder / "a-folder").mkdir(exist_ok=True)


ROWS: tuple[Row, ...] = (
    # -- usage: the command line itself is wrong (2) --
    Row((), USAGE, "no command at all"),
    Row(("nonsense",), USAGE, "an unknown command"),
    Row(("assess",), USAGE, "a command without its FILE"),
    Row(("law",), USAGE, "law without a citation"),
    Row(("assess", EX, "--bogus"), USAGE, "an unknown option"),
    Row(("--lang", "fr", "law", "9.1"), USAGE, "a language we do not speak, before the command"),
    Row(("law", "9.1", "--lang"), USAGE, "--lang without its value"),
    Row(("calendar", "twenty"), USAGE, "a year that is not a number"),
    Row(("deadline", "2026-13-01", "--days", "3"), USAGE, "an event date that is no date"),
    Row(("deadline", "2026-01-01"), USAGE, "no period given"),
    Row(("deadline", "2026-01-01", "--days", "1", "--months", "1"), USAGE, "two periods"),
    Row(("deadline", "2026-01-01", "--days", "three"), USAGE, "a period that is no number"),
    Row(("route", EX, "--interpretation", "nope"), USAGE, "--interpretation without '='"),
    Row(("route", EX, "--interpretation", "nope=strict"), USAGE, "an unknown interpretation"),
    Row(
        ("route", EX, "--interpretation", "procedure-many-sources=maybe"),
        USAGE,
        "an option the interpretation does not offer",
    ),
    Row(("calendar", "2026", "--interpretation", "roll-forward"), USAGE, "calendar: no '='"),
    Row(("deadline", "2026-01-01", "--days", "3", "--interpretation", "=x"), USAGE, "empty id"),
    Row(("timeline", TL, "--interpretation", "x=y"), USAGE, "timeline: unknown reading"),
    Row(("lifecycle", SC, "--interpretation", "x"), USAGE, "lifecycle: no '='"),
    Row(("dossier", EX, "--procedure", "marriage"), USAGE, "a procedure that does not exist"),
    Row(("schema", "nothing"), USAGE, "a schema that does not exist"),
    Row(("rules", "--kind", "poem"), USAGE, "a rule kind that does not exist"),
    Row(("timeline", TL, "--as-of", "yesterday"), USAGE, "--as-of that is no date"),
    Row(("batch",), USAGE, "batch without a kind"),
    Row(("batch", "translate"), USAGE, "batch of an unknown kind"),
    Row(("assess", EX, "--form", "tiny"), USAGE, "a form that does not exist"),
    Row(("timeline", "-", "--overrides", "-"), USAGE, "stdin asked for twice"),
    Row(("--json", "frobnicate"), USAGE, "a global option, then an unknown command"),
    # -- input: the files or values are wrong (1) --
    Row(("assess", "{d}/missing.yaml"), INPUT, "a file that does not exist"),
    Row(("assess", "{d}/a-folder"), INPUT, "a folder where a file is meant"),
    Row(("route", "{d}/empty.yaml"), INPUT, "an empty file"),
    Row(("dossier", "{d}/blank.json"), INPUT, "a file of whitespace"),
    Row(("assess", "{d}/binary.json"), INPUT, "a binary file"),
    Row(("assess", "{d}/latin1.yaml"), INPUT, "a file that is not UTF-8"),
    Row(("assess", "{d}/truncated.json"), INPUT, "JSON cut off"),
    Row(("route", "{d}/bad.yaml"), INPUT, "YAML that does not parse"),
    Row(("timeline", "{d}/bomb.yaml"), INPUT, "a YAML alias bomb"),
    Row(("assess", "{d}/deep.json"), INPUT, "JSON nested 100,000 deep"),
    Row(("assess", "{d}/huge.json"), INPUT, "a file over the size limit"),
    Row(("assess", "{d}/list.json"), INPUT, "a list where an application is meant"),
    Row(("route", "{d}/scalar.yaml"), INPUT, "a number where an application is meant"),
    Row(("assess", "{d}/robot.json"), INPUT, "an applicant kind the decree does not know"),
    Row(("assess", "{d}/intkeys.yaml"), INPUT, "keys that are not strings"),
    Row(("assess", "{d}/pytag.yaml"), INPUT, "a YAML tag that would run code"),
    Row(("timeline", "{d}/no-as-of.yaml"), INPUT, "a scenario without as_of"),
    Row(("timeline", "{d}/bad-as-of.yaml"), INPUT, "as_of that is no date"),
    Row(("timeline", "{d}/no-timeline.yaml"), INPUT, "a scenario without a timeline"),
    Row(("timeline", "{d}/timelines-int.yaml"), INPUT, "timelines that is not a list"),
    Row(("timeline", "{d}/timelines-items.yaml"), INPUT, "timelines of numbers"),
    Row(("timeline", "{d}/unknown-procedure.yaml"), INPUT, "an unknown procedure in the file"),
    Row(("timeline", "{d}/events-int.yaml"), INPUT, "events that is not a mapping"),
    Row(("timeline", "{d}/scenario-list.yaml"), INPUT, "a scenario that is a list"),
    Row(("lifecycle", "{d}/no-record.yaml"), INPUT, "lifecycle on a file without a record"),
    Row(("obligations", "{d}/record-int.yaml"), INPUT, "a record that is a number"),
    Row(("lifecycle", "{d}/bad-date.yaml"), INPUT, "a date that does not exist (13/45)"),
    Row(("lifecycle", "{d}/compliance-int.yaml"), INPUT, "compliance that is not a mapping"),
    Row(("obligations", SC, "--ics", "{d}/a-folder"), INPUT, "--ics naming a folder"),
    Row(("obligations", SC, "--ics", "{d}/nowhere/o.ics"), INPUT, "--ics in a missing folder"),
    Row(("obligations", SC, "--ics", "{d}/existing.ics"), INPUT, "--ics over a file, no --force"),
    Row(("obligations", SC, "--ics", "{d}/a-file/o.ics"), INPUT, "--ics under a file"),
    Row(("obligations", SC, "--ics", "/proc/sandbox-rules.ics"), INPUT, "--ics not writable"),
    Row(("law", "99.1"), INPUT, "a citation outside Articles 8-22"),
    Row(("law", "garbage!!"), INPUT, "a citation that does not parse"),
    Row(("law", "9" * 5000), INPUT, "a citation of 5,000 digits"),
    Row(("calendar", "99999"), INPUT, "a year outside the calendar"),
    Row(("deadline", "2026-01-01", "--working-days", "-3"), INPUT, "a negative period"),
    Row(("deadline", "9999-12-31", "--years", "5"), INPUT, "a deadline past year 9999"),
    Row(("deadline", "2026-01-01", "--months", str(10**12)), INPUT, "a huge month count"),
    Row(
        ("deadline", "2026-01-01", "--days", "3", "--overrides", "{d}/missing.toml"),
        INPUT,
        "an overrides file that does not exist",
    ),
    Row(
        ("calendar", "2026", "--overrides", "{d}/bad-overrides.toml"),
        INPUT,
        "overrides that are not TOML",
    ),
    Row(("timeline", TL, "--overrides", "{d}/binary.json"), INPUT, "binary overrides on timeline"),
    Row(
        ("calendar", "2026", "--overrides", "-"),
        INPUT,
        "overrides on stdin that are a list",
        stdin=b"[1]",
    ),
    Row(("assess", "-"), INPUT, "an empty standard input"),
    Row(("assess", "-"), INPUT, "binary on standard input", stdin=bytes(range(256))),
    Row(("route", "-"), INPUT, "half a JSON object on standard input", stdin=b'{"a": '),
    Row(("batch", "assess", "{d}/missing.jsonl"), INPUT, "a batch file that does not exist"),
    Row(("batch", "route", "{d}/bad-lines.jsonl"), INPUT, "a batch whose lines are all bad"),
    Row(("--lang", "en", "assess", "{d}/missing.yaml"), INPUT, "an English error"),
    Row(("assess", "nul\x00byte"), INPUT, "a NUL byte in the path", subprocess_ok=False),
    Row(("serve", "--port", "eighty"), USAGE, "serve: a port that is no number"),
    Row(("serve", "--workers", "0"), INPUT, "serve: no workers (or no server extra)"),
    # -- the same machinery where all is well (0): options before the command, stdin, batch --
    Row(("--json", "route", EX), OK, "--json before the command is honoured"),
    Row(("--lang", "en", "--json", "law", "9.1.b"), OK, "global options before the command"),
    Row(("batch", "assess"), OK, "an empty batch on standard input"),
    Row(("--version",), OK, "--version"),
)


@dataclass(frozen=True)
class Outcome:
    code: int
    out: str
    err: str


def _expand(argv: Sequence[str], folder: Path) -> list[str]:
    return [a.replace("{d}", str(folder)) for a in argv]


@contextlib.contextmanager
def _streams(stdin: bytes) -> Iterator[tuple[io.TextIOWrapper, io.TextIOWrapper]]:
    saved = sys.stdin, sys.stdout, sys.stderr
    out = io.TextIOWrapper(io.BytesIO(), encoding="utf-8")
    err = io.TextIOWrapper(io.BytesIO(), encoding="utf-8")
    sys.stdin = io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8")
    sys.stdout, sys.stderr = out, err
    try:
        yield out, err
    finally:
        sys.stdin, sys.stdout, sys.stderr = saved


def _text(stream: io.TextIOWrapper) -> str:
    stream.flush()
    buffer = stream.buffer
    assert isinstance(buffer, io.BytesIO)
    return buffer.getvalue().decode("utf-8", "replace")


def run_in_process(row: Row, folder: Path) -> Outcome:
    from sandbox_rules.cli import main

    with _streams(row.stdin) as (out, err):
        code = main(_expand(row.argv, folder))
        return Outcome(code, _text(out), _text(err))


def run_subprocess(row: Row, folder: Path) -> Outcome:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    env.pop("SANDBOX_RULES_DEBUG", None)
    proc = subprocess.run(
        [sys.executable, "-m", "sandbox_rules.cli", *_expand(row.argv, folder)],
        input=row.stdin,
        capture_output=True,
        env=env,
        cwd=ROOT,
        timeout=120,
        check=False,
    )
    return Outcome(
        proc.returncode,
        proc.stdout.decode("utf-8", "replace"),
        proc.stderr.decode("utf-8", "replace"),
    )


def problems(row: Row, got: Outcome) -> list[str]:
    """What is wrong with an outcome: the exit code, a traceback, a silent failure."""
    found = []
    if got.code != row.code:
        found.append(f"exit {got.code}, expected {row.code}")
    for marker in ("Traceback", "Exception ignored", 'File "'):
        if marker in got.err or marker in got.out:
            found.append(f"{marker!r} in the output")
    if row.code != OK and not got.err.strip():
        found.append("failed without a message on stderr")
    if (
        row.code == INPUT
        and row.argv
        and row.argv[0] != "batch"
        and "sandbox-rules: " not in got.err
    ):
        found.append("no 'sandbox-rules: CODE: message' line")
    return found


def subprocess_sample(every: int = 4) -> list[Row]:
    """Every ``every``-th row that a real process can receive, and all rows reading stdin."""
    return [
        r
        for i, r in enumerate(ROWS)
        if r.subprocess_ok and (i % every == 0 or r.argv[:1] == ("batch",) or "-" in r.argv)
    ]


def run_table(*, subprocesses: bool = True) -> tuple[int, int, list[str]]:
    """(invocations run, tracebacks, problems) over the whole table."""
    failures: list[str] = []
    runs = tracebacks = 0
    with tempfile.TemporaryDirectory(prefix="sr-cli-fuzz-") as tmp:
        folder = Path(tmp)
        make_fixtures(folder)
        plan = [(r, run_in_process) for r in ROWS]
        if subprocesses:
            plan += [(r, run_subprocess) for r in subprocess_sample()]
        for row, runner in plan:
            got = runner(row, folder)
            runs += 1
            found = problems(row, got)
            if any("Traceback" in p for p in found):
                tracebacks += 1
            shown = " ".join(a if len(a) < 60 else a[:57] + "..." for a in row.argv)
            failures += [f"{runner.__name__} [{shown}] ({row.why}): {p}" for p in found]
    return runs, tracebacks, failures


def main() -> int:
    runs, tracebacks, failures = run_table()
    bad = sum(1 for r in ROWS if r.code != OK)
    print(
        f"CLI table: {len(ROWS)} invocations ({bad} bad), {runs} runs (in-process + subprocesses)"
    )
    print(f"  tracebacks: {tracebacks}; problems: {len(failures)}")
    for line in failures:
        print("  " + line)
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
