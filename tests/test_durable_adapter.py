"""The optional durable_rules engine agrees with the reference where it applies."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sandbox_rules.adapters.durable import durable_available
from sandbox_rules.rules import registry

pytestmark = pytest.mark.skipif(not durable_available(), reason="durable_rules not installed")

TEN = [
    "org.lawful-legal-entity", "org.staff-qualified", "rep.citizen", "rep.resident", "rep.not-prosecuted",
    "solution.innovative", "solution.risk-framework", "solution.self-review", "solution.feasible", "plan.necessity",
]  # fmt: skip


@pytest.fixture(scope="module")
def adapter():  # type: ignore[no-untyped-def]
    from sandbox_rules.adapters.durable import DurableAdapter

    return DurableAdapter([registry().get(i) for i in TEN])


@settings(max_examples=60, deadline=None)
@given(st.data())
def test_durable_agrees_with_reference(adapter, data) -> None:  # type: ignore[no-untyped-def]
    facts = {f: data.draw(st.booleans(), label=f) for f in adapter.facts}
    got = adapter.evaluate(facts)
    for rule in adapter.rules:
        assert got[rule.id] is rule.condition.evaluate(facts), rule.id


def test_durable_refuses_unknown_facts(adapter) -> None:  # type: ignore[no-untyped-def]
    from sandbox_rules.errors import ExpressionError

    with pytest.raises(ExpressionError, match="no unknown"):
        adapter.evaluate({})
