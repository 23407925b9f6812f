"""How many examples a property test draws.

The full run — `make test` (and so CI), `make seeds`, the sdist's tests — draws each test's
own count. The quick loop, plain `pytest`, which already leaves out the slow tests, draws a
third of each count given through :func:`examples` (never fewer than 50, nor more than asked)
and 50 where a test sets no count (the conftest's profile); small fixed counts stay. The
same properties and assertions, on fewer examples per run, so a change can be checked in
well under a minute. Hypothesis's
own advice is this split of a development and a CI profile; it is set once, by the conftest,
from the marker expression the run was started with."""

from __future__ import annotations

_QUICK = {"on": False}  # set by conftest.pytest_configure, before any test module is imported


def set_quick(quick: bool) -> None:
    _QUICK["on"] = quick


def examples(n: int) -> int:
    """``n`` in a full run; a third of it, at least 50, in the quick loop."""
    return max(n // 3, min(n, 50)) if _QUICK["on"] else n
