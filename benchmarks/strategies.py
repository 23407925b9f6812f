"""What drawing an example of each shipped Hypothesis strategy costs: 300 examples under
``@given`` with an empty test body, no database, per example in milliseconds (the median of
three runs). ``python benchmarks/strategies.py``"""

from __future__ import annotations

import statistics
import time
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sandbox_rules.testing import applications, records, refinements

EXAMPLES = 300


def per_example(strategy: st.SearchStrategy[Any]) -> float:
    @settings(
        max_examples=EXAMPLES, deadline=None, database=None, suppress_health_check=list(HealthCheck)
    )
    @given(strategy)
    def draw(_: Any) -> None:
        pass

    runs = []
    for _ in range(3):
        start = time.perf_counter()
        draw()
        runs.append((time.perf_counter() - start) / EXAMPLES * 1000)
    return statistics.median(runs)


def main() -> None:
    for name, strategy in (
        ("refinements() (partial, full)", refinements()),
        ("applications() (validated)", applications()),
        ("records()", records()),
    ):
        print(f"{name:<32} {per_example(strategy):6.2f} ms per example")


if __name__ == "__main__":
    main()
