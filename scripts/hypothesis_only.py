"""pytest plugin for `make seeds`: keep only the tests Hypothesis runs, so the property tests
can be repeated under many seeds (the other tests draw nothing from Hypothesis)."""

from __future__ import annotations

from typing import Any


def pytest_collection_modifyitems(config: Any, items: list[Any]) -> None:
    keep = [i for i in items if getattr(getattr(i, "obj", None), "is_hypothesis_test", False)]
    config.hook.pytest_deselected(items=[i for i in items if i not in keep])
    items[:] = keep
