"""``make fuzz``: the library fuzz (fuzz/library.py) and, if present, the table of bad CLI
invocations (fuzz/cli_table.py), each run as a script that prints its own counts and exits
0 only when nothing escaped untyped (library) or printed a traceback (CLI).

Contract for a part: ``python fuzz/<part>.py [args]`` prints its figures and exits non-zero
on any failure. Budget: ``FUZZ_INPUTS`` (default 100000) and ``FUZZ_SEED`` (default 0).
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> int:
    inputs = os.environ.get("FUZZ_INPUTS", "100000")
    seed = os.environ.get("FUZZ_SEED", "0")
    parts = [("library", [str(HERE / "library.py"), "--inputs", inputs, "--seed", seed])]
    if (HERE / "cli_table.py").exists():
        parts.append(("cli table", [str(HERE / "cli_table.py")]))
    else:
        print("cli table: fuzz/cli_table.py not present, skipped")
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join(
            filter(None, (str(HERE.parent), os.environ.get("PYTHONPATH")))
        ),
    }
    failed = []
    for name, argv in parts:
        start = time.perf_counter()
        code = subprocess.call([sys.executable, *argv], cwd=HERE.parent, env=env)
        print(f"[{name}: exit {code}, {time.perf_counter() - start:.0f} s]\n")
        if code:
            failed.append(name)
    print("fuzz: " + (f"FAILED ({', '.join(failed)})" if failed else "all clean"))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
