"""Load on the HTTP service (`make bench-server`): a real server with 2 workers on loopback,
driven by wrk for a fixed number of seconds per run (it stops by itself), 1 and 8 clients.

    python benchmarks/server.py                  # POST /assess and /deadline, 30 s each run
    python benchmarks/server.py --seconds 10 --stacks   # also compare ASGI stacks, interleaved

Prints a Markdown table for docs/performance.md. After the load it checks that 8 concurrent
clients get byte-identical answers to 1 client. Traffic goes to 127.0.0.1 only.
"""

from __future__ import annotations

import argparse
import concurrent.futures
import contextlib
import importlib.util
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
FACTORY = "sandbox_rules.surfaces.server.app:create_app"
LUA = """
local f = io.open(os.getenv("BENCH_BODY"), "rb"); wrk.body = f:read("*a"); f:close()
wrk.method = "POST"; wrk.headers["Content-Type"] = "application/json"
"""

# How each stack is started: the same application, or FastAPI around the same operations.
STACKS: dict[str, list[str]] = {
    "starlette+uvicorn": [str(BIN / "sandbox-rules"), "serve", "--workers", "2", "--port"],
    "starlette+granian": [
        str(BIN / "granian"),
        "--interface",
        "asgi",
        "--factory",
        FACTORY,
        "--workers",
        "2",
        "--host",
        "127.0.0.1",
        "--log-level",
        "warning",
        "--port",
    ],
    "fastapi+uvicorn": [
        str(BIN / "uvicorn"),
        "--factory",
        "benchmarks.fastapi_peer:create_app",
        "--workers",
        "2",
        "--no-access-log",
        "--log-level",
        "warning",
        "--port",
    ],
}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Server:
    """A server process on 127.0.0.1, stopped on exit (its whole process group)."""

    def __init__(self, argv: list[str]) -> None:
        self.port = free_port()
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        self.proc = subprocess.Popen(
            [*argv, str(self.port)],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        self.url = f"http://127.0.0.1:{self.port}"

    def __enter__(self) -> Server:
        import httpx

        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if httpx.get(self.url + "/health", timeout=1).status_code == 200:
                    time.sleep(1.0)  # let every worker finish starting
                    return self
            except httpx.HTTPError:
                time.sleep(0.2)
        self.__exit__()
        raise SystemExit(f"server did not start: {self.proc.args}")

    def __exit__(self, *exc: object) -> None:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.proc.pid, 15)
        self.proc.wait(timeout=30)


def cpu_seconds(pgid: int) -> float:
    """CPU time (user + system) used so far by the processes of a process group: the server
    and its workers. Unlike requests/s it barely depends on what else loads the machine."""
    total = 0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[2]) == pgid:  # pgrp; fields[11], [12] are utime, stime
            total += int(fields[11]) + int(fields[12])
    return total / os.sysconf("SC_CLK_TCK")


def measure(srv: Server, route: str, body: Path, clients: int, seconds: int) -> dict[str, Any]:
    before = cpu_seconds(srv.proc.pid)
    r = wrk(srv.url + route, body, clients, seconds)
    r["cpu_ms"] = (cpu_seconds(srv.proc.pid) - before) * 1000 / max(r["requests"], 1)
    return r


def wrk(url: str, body: Path, clients: int, seconds: int) -> dict[str, Any]:
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as f:
        f.write(LUA)
    threads = min(clients, 2)
    out = subprocess.run(
        ["wrk", f"-t{threads}", f"-c{clients}", f"-d{seconds}s", "--latency", "-s", f.name, url],
        env={**os.environ, "BENCH_BODY": str(body)},
        capture_output=True,
        text=True,
        timeout=seconds + 60,
        check=True,
    ).stdout
    os.unlink(f.name)

    def ms(label: str) -> float:
        m = re.search(rf"^\s+{label}%\s+([\d.]+)(us|ms|s)\s*$", out, re.M)
        assert m, out
        return float(m.group(1)) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[m.group(2)]

    total = re.search(r"(\d+) requests in", out)
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    sock = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),  # type: ignore[union-attr]
        "p50": ms("50"),
        "p99": ms("99"),
        "requests": int(total.group(1)) if total else 0,
        "errors": (int(non2xx.group(1)) if non2xx else 0)
        + (sum(int(x) for x in sock.groups()) if sock else 0),
    }


def identical_answers(url: str, body: bytes, n: int = 200) -> bool:
    """The same body sent by 1 client and by 8 at once gets byte-identical answers."""
    import httpx

    headers = {"content-type": "application/json"}
    with httpx.Client() as c:
        serial = {c.post(url, content=body, headers=headers).content for _ in range(n // 8)}

    def burst(_: int) -> set[bytes]:
        with httpx.Client() as c:
            return {c.post(url, content=body, headers=headers).content for _ in range(n // 8)}

    with concurrent.futures.ThreadPoolExecutor(8) as pool:
        concurrent_answers = set().union(*pool.map(burst, range(8)))
    return len(serial) == 1 and serial == concurrent_answers


def bodies(tmp: Path) -> dict[str, Path]:
    import yaml

    app = yaml.safe_load((ROOT / "examples/org-hanoi-one-source.yaml").read_text("utf-8"))
    out = {
        "/assess": json.dumps(app, default=str, ensure_ascii=False),
        "/deadline": json.dumps(
            {"event": "2026-01-01", "period": {"unit": "working_days", "n": 10}}
        ),
    }
    paths = {}
    for route, text in out.items():
        p = tmp / (route.strip("/") + ".json")
        p.write_text(text, encoding="utf-8")
        paths[route] = p
    return paths


def row(stack: str, route: str, clients: int, r: dict[str, Any]) -> str:
    return (
        f"| {stack} | POST {route} | {clients} | {r['rps']:,.0f} | {r['p50']:.2f} | "
        f"{r['p99']:.2f} | {r['requests']:,} | {r['errors']} | {r['cpu_ms']:.2f} |"
    )


HEADER = (
    "| stack | request | clients | requests/s | p50 ms | p99 ms | requests | errors "
    "| server CPU ms/request |\n| --- | --- | --: | --: | --: | --: | --: | --: | --: |"
)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--seconds", type=int, default=30)
    ap.add_argument("--stacks", action="store_true", help="compare ASGI stacks on POST /assess")
    ap.add_argument("--rounds", type=int, default=2, help="interleaved rounds for --stacks")
    args = ap.parse_args()
    if shutil.which("wrk") is None:
        print("wrk is not installed (apt-get install wrk); nothing measured", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as tmp:
        paths = bodies(Path(tmp))
        print(f"# {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, {args.seconds} s a run")
        print(f"# load average before: {os.getloadavg()[0]:.2f}\n")
        print(HEADER)
        if args.stacks:
            stacks = [s for s in STACKS if Path(STACKS[s][0]).exists()]
            if importlib.util.find_spec("fastapi") is None:
                stacks.remove("fastapi+uvicorn")
            print(f"# stacks measured (others not installed): {', '.join(stacks)}")
            for _ in range(args.rounds):  # round by round, so a busy spell hits every stack
                for stack in stacks:
                    with Server(STACKS[stack]) as srv:
                        for clients in (1, 8):
                            r = measure(srv, "/assess", paths["/assess"], clients, args.seconds)
                            print(row(stack, "/assess", clients, r), flush=True)
            return 0
        same = True
        with Server(STACKS["starlette+uvicorn"]) as srv:
            for route in ("/assess", "/deadline"):
                for clients in (1, 8):
                    r = measure(srv, route, paths[route], clients, args.seconds)
                    print(row("starlette+uvicorn", route, clients, r), flush=True)
                same = same and identical_answers(srv.url + route, paths[route].read_bytes())
        print(f"\nanswers identical for 8 concurrent clients and for 1: {same}")
        print(f"# load average after: {os.getloadavg()[0]:.2f}")
        return 0 if same else 1


if __name__ == "__main__":
    raise SystemExit(main())
