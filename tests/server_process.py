"""A real `sandbox-rules serve` process on 127.0.0.1 for the service's tests (not a test module).

The tests skip, with the reason shown, when the `server` extra or httpx is not installed.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager

import pytest

MISSING = (
    "the HTTP service's tests need the 'server' extra and httpx: pip install -e '.[dev,server]'"
)
for _module in ("starlette", "uvicorn", "httpx"):
    pytest.importorskip(_module, reason=MISSING)

import httpx  # noqa: E402


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def serve(*args: str, env: Mapping[str, str] | None = None) -> Iterator[str]:
    """Start `python -m sandbox_rules.cli serve` on a free loopback port; yield its URL."""
    port = free_port()
    full_env = {k: v for k, v in os.environ.items() if not k.startswith("SANDBOX_RULES_")}
    full_env.update(env or {})
    proc = subprocess.Popen(
        [sys.executable, "-m", "sandbox_rules.cli", "serve", "--port", str(port), *args],
        env=full_env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,  # its workers go with it on teardown
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(url + "/health", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                err = proc.stderr.read().decode() if proc.stderr else ""
                pytest.fail(f"the server did not start: {err[-2000:]}")
            time.sleep(0.1)
        yield url
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
