"""Bad input of any shape gets a typed SandboxRulesError — never KeyError, TypeError, AttributeError."""

from __future__ import annotations

import contextlib
from datetime import date
from typing import Any

from _examples import examples
from hypothesis import given, settings
from hypothesis import strategies as st

from sandbox_rules.calendar import VietnamCalendar
from sandbox_rules.duties import duties
from sandbox_rules.engine import assess, dossier, route
from sandbox_rules.errors import SandboxRulesError
from sandbox_rules.law import Citation, load_law
from sandbox_rules.lifecycle import lifecycle
from sandbox_rules.obligations import obligations
from sandbox_rules.procedures import timeline

json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-5, 40) | st.text(max_size=8) | st.sampled_from(["2026-01-01", "HNI", "organisation"]),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.sampled_from(
        ["applicant", "kind", "data_sources", "managed_by", "events", "type", "date", "issued_on",
         "approved_months", "documents", "scope", "plan", "x"]), inner, max_size=4),
    max_leaves=12,
)  # fmt: skip


def _typed(fn: Any, *args: Any, **kwargs: Any) -> None:
    """Either a result or a typed error; anything else fails the test."""
    with contextlib.suppress(SandboxRulesError):
        fn(*args, **kwargs)


@settings(max_examples=examples(300), deadline=None)
@given(json_values)
def test_application_apis(data: Any) -> None:
    _typed(assess, data)
    _typed(route, data)
    _typed(dossier, "issuance", "organisation", data if isinstance(data, list) else None)
    _typed(dossier, data, data, data)


@settings(max_examples=examples(300), deadline=None)
@given(json_values, json_values)
def test_time_apis(data: Any, other: Any) -> None:
    _typed(timeline, "issuance-12.3", data if isinstance(data, dict) else {}, date(2026, 5, 1))
    _typed(timeline, data, other, date(2026, 5, 1))
    _typed(lifecycle, data, date(2026, 5, 1))
    _typed(obligations, data, date(2026, 5, 1))
    _typed(duties, data if isinstance(data, dict) else {}, "participant")
    _typed(VietnamCalendar, overrides=data if isinstance(data, dict) else {})


@settings(max_examples=examples(200), deadline=None)
@given(st.text(max_size=20) | st.integers() | st.none())
def test_citations(text: Any) -> None:
    _typed(Citation.parse, text)
    _typed(load_law().resolve, text)


@settings(max_examples=examples(300), deadline=None)
@given(json_values, json_values)
def test_any_shape_of_options(data: Any, other: Any) -> None:
    from sandbox_rules.calendar import WorkingDays

    _typed(VietnamCalendar, overrides=data)
    _typed(VietnamCalendar, interpretations=data)
    _typed(duties, data, other)
    _typed(assess, {"applicant": {"kind": "individual"}}, data)
    _typed(route, {"applicant": {"kind": "individual"}}, data)
    _typed(timeline, "issuance-12.3", {}, date(2026, 1, 5), interpretations=data)
    _typed(VietnamCalendar().deadline, data, WorkingDays(3))
    _typed(VietnamCalendar().deadline, date(2026, 1, 5), data)
