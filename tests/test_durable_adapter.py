"""The optional durable_rules engine agrees with the reference where it applies.

Deterministic in what it covers: every one of the 2^10 combinations of the ten conditions'
truth values is evaluated, and across them every assignment of each condition's own facts
(booleans, and the string-valued interpretation fact with each of its options) is used."""

from __future__ import annotations

import itertools
from typing import Any

import pytest

from sandbox_rules.adapters.durable import durable_available
from sandbox_rules.expr import Cmp, Const, Expr, Fact
from sandbox_rules.interpretations import get as interpretation
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


def _constants(expr: Expr, fact: str) -> set[Any]:
    out: set[Any] = set()
    if isinstance(expr, Cmp) and isinstance(expr.left, Fact) and expr.left.name == fact:
        assert isinstance(expr.right, Const)
        out.add(expr.right.value)
    for part in getattr(expr, "parts", ()) or ((expr.part,) if hasattr(expr, "part") else ()):
        out |= _constants(part, fact)
    return out


def _domain(expr: Expr, fact: str) -> tuple[Any, ...]:
    """Every value that can matter: the options of an interpretation fact, true/false for a
    yes/no fact, else the constants compared with plus one value equal to none of them."""
    if fact.startswith("interp."):
        return tuple(interpretation(fact.removeprefix("interp.")).options)
    consts = _constants(expr, fact)
    if consts <= {True, False}:
        return (True, False)
    return (*sorted(consts, key=repr), "none-of-these")


def _witnesses(expr: Expr) -> dict[bool, list[dict[str, Any]]]:
    """All assignments of the condition's facts, grouped by the reference's answer."""
    facts = sorted(expr.facts())
    out: dict[bool, list[dict[str, Any]]] = {True: [], False: []}
    for values in itertools.product(*(_domain(expr, f) for f in facts)):
        case = dict(zip(facts, values, strict=True))
        value = expr.evaluate(case)
        assert value is not None
        out[value].append(case)
    return out


def test_conditions_use_disjoint_facts(adapter) -> None:  # type: ignore[no-untyped-def]
    # The cross product below sets each condition independently; that needs disjoint facts.
    seen: set[str] = set()
    for rule in adapter.rules:
        assert not (rule.condition.facts() & seen), rule.id
        seen |= rule.condition.facts()


def test_durable_agrees_on_every_combination(adapter) -> None:  # type: ignore[no-untyped-def]
    witnesses = [_witnesses(r.condition) for r in adapter.rules]
    for w in witnesses:
        assert w[True] and w[False]  # each condition can be both true and false
    used: list[dict[bool, set[int]]] = [{True: set(), False: set()} for _ in adapter.rules]
    turn = [{True: 0, False: 0} for _ in adapter.rules]  # witnesses taken in turn
    for truth in itertools.product((True, False), repeat=len(adapter.rules)):
        facts: dict[str, Any] = {}
        for i, value in enumerate(truth):
            options = witnesses[i][value]
            k = turn[i][value] % len(options)
            turn[i][value] += 1
            facts.update(options[k])
            used[i][value].add(k)
        got = adapter.evaluate(facts)
        for rule, value in zip(adapter.rules, truth, strict=True):
            assert got[rule.id] is value, (rule.id, facts)
    for i, w in enumerate(witnesses):  # every assignment of every condition's facts was used
        assert used[i][True] == set(range(len(w[True]))), adapter.rules[i].id
        assert used[i][False] == set(range(len(w[False]))), adapter.rules[i].id


def test_no_rule_matching_is_all_false(adapter) -> None:  # type: ignore[no-untyped-def]
    # durable raises MessageNotHandledException when no rule matches; the adapter answers.
    facts = dict.fromkeys(adapter.facts, False)
    facts["rep.prosecuted_as_accused"] = True
    facts["interp.prosecution-scope"] = interpretation("prosecution-scope").default
    assert not any(adapter.evaluate(facts).values())


def test_string_valued_fact_decides(adapter) -> None:  # type: ignore[no-untyped-def]
    # 9.1.a under prosecution-scope: an ended prosecution counts only under 'pending-only'.
    base = dict.fromkeys(adapter.facts, True)
    base["rep.prosecuted_as_accused"] = True
    for option in interpretation("prosecution-scope").options:
        facts = {**base, "interp.prosecution-scope": option}
        expected = registry().get("rep.not-prosecuted").condition.evaluate(facts)
        assert adapter.evaluate(facts)["rep.not-prosecuted"] is expected
        assert expected is (option == "pending-only")


def test_durable_refuses_unknown_facts(adapter) -> None:  # type: ignore[no-untyped-def]
    from sandbox_rules.errors import ExpressionError

    with pytest.raises(ExpressionError, match="no unknown"):
        adapter.evaluate({})
    with pytest.raises(ExpressionError, match="bool, number or string"):
        adapter.evaluate({f: [] for f in adapter.facts})
