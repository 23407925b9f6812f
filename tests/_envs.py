"""Run the CLI in fresh processes under several time zones and hash seeds, for the tests that
require byte-identical output whatever the environment."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ENVIRONMENTS = (("UTC", "0"), ("Asia/Ho_Chi_Minh", "123"), ("America/New_York", "7"))


def outputs_across_environments(args: list[str], out_flag: str, folder: Path) -> list[bytes]:
    """The file that ``sandbox-rules ARGS OUT_FLAG FILE`` writes, once per environment."""
    outs = []
    for tz, seed in ENVIRONMENTS:
        out = folder / f"out-{seed}"
        env = {**os.environ, "TZ": tz, "PYTHONHASHSEED": seed}
        cmd = [sys.executable, "-m", "sandbox_rules.cli", *args, out_flag, str(out)]
        subprocess.run(cmd, check=True, env=env, capture_output=True)
        outs.append(out.read_bytes())
    return outs
