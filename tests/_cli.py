"""The command line run in the test's own process, on UTF-8 byte streams: what several test
modules need when how the interpreter starts does not matter (real processes stay where it
does: tests/_envs.py)."""

from __future__ import annotations

import io
import sys
from typing import Any

from sandbox_rules.cli import main


class _Capped(io.BytesIO):
    """An output stream that refuses to grow past ``LIMIT``: a command that loops printing
    fails the test at once instead of hanging it."""

    LIMIT = 2_000_000

    def write(self, data: Any) -> int:
        if self.tell() + len(data) > self.LIMIT:
            raise AssertionError("the command printed more than 2 MB: it loops")
        return super().write(data)


def run_cli(argv: list[str], stdin: str = "") -> tuple[int, str, str]:
    """(exit code, stdout, stderr) of one command; ``stdin`` is what is typed, then the end
    of the input."""
    out = io.TextIOWrapper(_Capped(), encoding="utf-8")
    err = io.TextIOWrapper(_Capped(), encoding="utf-8")
    saved = sys.stdout, sys.stderr, sys.stdin
    sys.stdout, sys.stderr = out, err
    sys.stdin = io.TextIOWrapper(io.BytesIO(stdin.encode()), encoding="utf-8")
    try:
        code = main(argv)
    finally:
        out.flush()
        err.flush()
        sys.stdout, sys.stderr, sys.stdin = saved
    texts = [s.buffer.getvalue().decode("utf-8") for s in (out, err)]  # type: ignore[attr-defined]
    return code, texts[0], texts[1]
