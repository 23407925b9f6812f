"""A property-based run of the service's OpenAPI description (schemathesis) against a real
server on 127.0.0.1: generated requests to every operation, bounded in number, must get no
server error, no undocumented status, and no response outside the documented schema."""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from server_process import serve

pytestmark = pytest.mark.slow

if importlib.util.find_spec("schemathesis") is None:  # not imported: it runs as its command
    pytest.skip("schemathesis (dev extra) is not installed", allow_module_level=True)

CHECKS = ",".join(
    (
        "not_a_server_error",
        "status_code_conformance",
        "content_type_conformance",
        "response_schema_conformance",
    )
)


# The coverage phase (boundary and negative values of every field: ~4,000 requests, minutes on
# a loaded 2-core machine) runs when SANDBOX_RULES_SERVER_DEEP=1; make test runs the others.
PHASES = "examples,fuzzing" + (",coverage" if os.environ.get("SANDBOX_RULES_SERVER_DEEP") else "")


def test_openapi_property_run(tmp_path: Path) -> None:
    st = shutil.which("st", path=str(Path(sys.executable).parent))
    if st is None:
        pytest.skip("the schemathesis command 'st' is not installed beside this Python")
    with serve("--workers", "2") as url:
        run = subprocess.run(
            [
                st,
                "run",
                f"{url}/openapi.json",
                "--checks",
                CHECKS,
                "--phases",
                PHASES,
                "--max-examples",
                "10",
                "--generation-database",
                "none",
                "--request-timeout",
                "30",
                "--no-color",
            ],
            cwd=tmp_path,  # so nothing it writes lands in the work tree
            env={
                **os.environ,
                "SCHEMATHESIS_HOOKS": "server_st_hooks",
                "PYTHONPATH": str(Path(__file__).parent),
            },
            capture_output=True,
            text=True,
            timeout=600,
        )
    tail = run.stdout[-6000:] + run.stderr[-2000:]
    assert run.returncode == 0, tail
    # Every operation of the document was selected and tested.
    assert re.search(r"Selected: (\d+)/\1\n\s+Tested: \1\n", run.stdout), tail
