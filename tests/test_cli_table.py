"""The table of bad CLI invocations (fuzz/cli_table.py) inside `make test`: every row in-process,
a sample as real subprocesses; each ends with its exit code and no traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from fuzz import cli_table
from fuzz.cli_table import ROWS, Row, problems, run_in_process, run_subprocess

# one worker runs this module, so its module-scoped fixture folder is made once
pytestmark = pytest.mark.xdist_group("cli-table")

# Holes of the library itself that the table found (a citation of 5,000 digits, a huge month
# count) were fixed on the harden branch (issue 9.1); no row is expected to fail now.


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    d = tmp_path_factory.mktemp("cli-table")
    cli_table.make_fixtures(d)
    return d


def _param(row: Row) -> object:
    return pytest.param(row, id=row.why)


def test_the_table_is_large_enough() -> None:
    assert sum(1 for r in ROWS if r.code != cli_table.OK) >= 50
    assert len({r.why for r in ROWS}) == len(ROWS)  # every row says what it tries


@pytest.mark.parametrize("row", [_param(r) for r in ROWS])
def test_row_in_process(row: Row, folder: Path) -> None:
    assert problems(row, run_in_process(row, folder)) == []


# A few rows as real processes: stdin, a global option first, a missing file, --ics over a file.
SUBPROCESS_ROWS = [
    r
    for r in ROWS
    if r.why
    in {
        "binary on standard input",
        "--json before the command is honoured",
        "a file that does not exist",
        "--ics over a file, no --force",
        "a YAML alias bomb",
        "an unknown interpretation",
    }
]


@pytest.mark.slow
@pytest.mark.parametrize("row", SUBPROCESS_ROWS, ids=[r.why for r in SUBPROCESS_ROWS])
def test_row_as_subprocess(row: Row, folder: Path) -> None:
    assert problems(row, run_subprocess(row, folder)) == []


def test_the_subprocess_sample_is_the_one_named() -> None:
    assert len(SUBPROCESS_ROWS) == 6
