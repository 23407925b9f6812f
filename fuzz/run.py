"""`make fuzz`: the fuzzing shipped with the project (issue 9.6).

Today: the table of bad CLI invocations (fuzz/cli_table.py), every row in-process and a
sample as subprocesses. The generated malformed inputs over the public API join here
(HOOK: call their runner from ``main`` and add its failures to the exit code).
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from fuzz import cli_table  # after the path is set


def main() -> int:
    return cli_table.main()


if __name__ == "__main__":
    raise SystemExit(main())
