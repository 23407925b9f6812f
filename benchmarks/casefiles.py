"""Case-file runner speed (`python benchmarks/casefiles.py [N]`), against OpenFisca's YAML
runner when OPENFISCA names its `openfisca` command (installed apart: it needs numpy and pins
its own dependencies, so it is not a dev extra). Figures go to docs/performance.md.

Both runners are timed as an officer runs them, from the shell: the start-up (one case) and
the rate over N cases, in one process each.
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CLI = [sys.executable, "-m", "sandbox_rules.cli"]


def _timed(cmd: list[str]) -> tuple[float, float]:
    """Wall and CPU (user + system) seconds of one child process. CPU is what to compare on
    a shared machine: the wall time there includes waiting for a core."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def _ours(folder: Path) -> tuple[float, float]:
    return _timed([*CLI, "test", "-q", str(folder)])


def _copies(n: int, out: Path) -> int:
    """N cases: the project's case files copied round-robin (each keeps its `from` targets)."""
    files = sorted((ROOT / "examples" / "cases").glob("*.case.yaml"))
    files = [f for f in files if "from:" not in f.read_text(encoding="utf-8")]
    from sandbox_rules.surfaces.casefiles import run_file

    per_file = {f: len(run_file(f)) for f in files}
    total, i = 0, 0
    while total < n:
        f = files[i % len(files)]
        (out / f"{i:05d}-{f.name}").write_text(f.read_text(encoding="utf-8"), encoding="utf-8")
        total += per_file[f]
        i += 1
    return total


def _openfisca(path: Path) -> tuple[float, float]:
    return _timed([os.environ["OPENFISCA"], "test", "-c", "openfisca_country_template", str(path)])


def _openfisca_file(n: int, out: Path) -> Path:
    one = (
        "- name: salary {s}\n  period: 2017-01\n  absolute_error_margin: 0.01\n"
        "  input:\n    salary: {s}\n  output:\n    income_tax: {t}\n"
    )
    p = out / f"of-{n}.yaml"
    p.write_text("".join(one.format(s=10000 + 100 * i, t=1500 + 15 * i) for i in range(n)))
    return p


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    with tempfile.TemporaryDirectory() as tmp:
        one, many = Path(tmp, "one"), Path(tmp, "many")
        one.mkdir()
        many.mkdir()
        (one / "a.case.yaml").write_text(
            (ROOT / "examples/cases/12.1.c-defence-data.case.yaml").read_text(encoding="utf-8"),
            encoding="utf-8",
        )
        cases = _copies(n, many)
        _report(
            "sandbox-rules test",
            cases,
            [_ours(one) for _ in range(3)],
            [_ours(many) for _ in range(3)],
        )
        if os.environ.get("OPENFISCA"):
            f1, fn = _openfisca_file(1, Path(tmp)), _openfisca_file(n, Path(tmp))
            _report(
                "openfisca test",
                n,
                [_openfisca(f1) for _ in range(3)],
                [_openfisca(fn) for _ in range(2)],
            )


def _report(
    who: str, n: int, starts: list[tuple[float, float]], runs: list[tuple[float, float]]
) -> None:
    for i, what in ((0, "wall"), (1, "cpu")):
        start, total = min(s[i] for s in starts), min(r[i] for r in runs)
        rate = n / max(total - start, 1e-9)
        print(
            f"{who:<18} {what}: start {start:.2f} s; {n} cases in {total:.2f} s = {rate:,.0f} cases/s after the start"
        )


if __name__ == "__main__":
    main()
