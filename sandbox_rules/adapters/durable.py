"""Adapter: compile condition rules to a `durable_rules` (Rete) ruleset.

Optional (``pip install sandbox-rules[durable]``; the C extension imports on Python <= 3.12).
The reference evaluator never needs it. Limits, stated plainly:

* two-valued only — durable has no *unknown*; :meth:`DurableAdapter.evaluate` refuses facts
  that are missing or ``None`` instead of guessing;
* the supported vocabulary is comparisons of a fact with a constant joined by all/any/not
  (``Not`` is pushed down to the comparisons); quantifiers and date arithmetic are refused;
* durable keeps a process-wide ruleset registry, so each adapter registers a ruleset under a
  fresh unique name, and durable itself is not thread-safe: use one adapter per thread.

Property tests check it agrees with the reference evaluator wherever it applies.
"""

from __future__ import annotations

import contextlib
import itertools
import os
from collections.abc import Mapping, Sequence
from typing import Any

from sandbox_rules.errors import ExpressionError, SandboxRulesError, brief
from sandbox_rules.expr import All, AnyOf, Cmp, Const, Expr, Fact, Not
from sandbox_rules.rules.model import Rule

_NEGATE = {"==": "!=", "!=": "==", "<": ">=", "<=": ">", ">": "<=", ">=": "<"}
_names = itertools.count()


def durable_available() -> bool:
    try:
        import durable.lang  # noqa: F401
    except Exception:
        return False
    return True


def _push_not(expr: Expr, negate: bool = False) -> Expr:
    if isinstance(expr, Not):
        return _push_not(expr.part, not negate)
    if isinstance(expr, All):
        parts = tuple(_push_not(p, negate) for p in expr.parts)
        return AnyOf(parts) if negate else All(parts)
    if isinstance(expr, AnyOf):
        parts = tuple(_push_not(p, negate) for p in expr.parts)
        return All(parts) if negate else AnyOf(parts)
    if isinstance(expr, Cmp) and isinstance(expr.left, Fact) and isinstance(expr.right, Const):
        return Cmp(_NEGATE[expr.cmp], expr.left, expr.right) if negate else expr
    raise ExpressionError.from_key("error.durable.unsupported", expr=expr.render())


class DurableAdapter:
    """A durable_rules ruleset built from ``rules`` (condition rules, two-valued)."""

    def __init__(self, rules: Sequence[Rule]) -> None:
        if not durable_available():
            raise SandboxRulesError.from_key("error.durable.missing")
        from durable import lang

        self.rules = tuple(rules)
        self._conditions = {r.id: _push_not(r.condition) for r in self.rules}
        facts: list[str] = sorted({f for c in self._conditions.values() for f in c.facts()})
        self.facts = tuple(facts)
        self._key = {f: f"f{i}" for i, f in enumerate(facts)}
        self.name = f"sandbox_rules_{os.getpid()}_{next(_names)}"
        self._fired: list[str] = []

        def to_durable(expr: Expr) -> Any:
            if isinstance(expr, All):
                out = to_durable(expr.parts[0])
                for p in expr.parts[1:]:
                    out = out & to_durable(p)
                return out
            if isinstance(expr, AnyOf):
                out = to_durable(expr.parts[0])
                for p in expr.parts[1:]:
                    out = out | to_durable(p)
                return out
            assert (
                isinstance(expr, Cmp)
                and isinstance(expr.left, Fact)
                and isinstance(expr.right, Const)
            )
            field = getattr(lang.m, self._key[expr.left.name])
            value = expr.right.value
            return {
                "==": field == value,
                "!=": field != value,
                "<": field < value,
                "<=": field <= value,
                ">": field > value,
                ">=": field >= value,
            }[expr.cmp]

        with lang.ruleset(self.name):
            for rule_id, cond in self._conditions.items():
                self._register(lang, rule_id, to_durable(cond))
        self._assert = lang.assert_fact
        self._retract = lang.retract_fact
        self._seq = itertools.count()

    def _register(self, lang: Any, rule_id: str, condition: Any) -> None:
        fired = self._fired

        def _action(c: Any) -> None:
            fired.append(rule_id)

        lang.when_all(condition)(_action)

    def evaluate(self, facts: Mapping[str, Any]) -> dict[str, bool]:
        """Rule id -> condition holds, for fully known facts (bool, int, float or str)."""
        from durable.engine import MessageNotHandledException

        if not isinstance(facts, Mapping):
            from sandbox_rules.i18n import Term

            raise ExpressionError.from_key(
                "error.durable.facts", kind=Term("type", type(facts).__name__)
            )
        event: dict[str, Any] = {}
        for f in self.facts:
            value = facts.get(f)
            if value is None:
                raise ExpressionError.from_key("error.durable.unknown", fact=repr(f))
            if not isinstance(value, (bool, int, float, str)):
                raise ExpressionError.from_key(
                    "error.durable.value", fact=repr(f), given=brief(value)
                )
            event[self._key[f]] = value
        # A posted event is consumed by the first rule it matches; a fact is seen by every
        # rule, so assert the case as a fact and retract it afterwards.
        event["sr_case"] = next(self._seq)  # distinct facts: durable ignores duplicates
        del self._fired[:]
        try:
            self._assert(self.name, event)
        except MessageNotHandledException:
            # No rule matched (every condition false): durable refuses the fact, so there
            # is nothing to retract.
            return {r.id: False for r in self.rules}
        with contextlib.suppress(MessageNotHandledException):  # a fact no rule saw
            self._retract(self.name, event)
        fired = set(self._fired)
        return {r.id: r.id in fired for r in self.rules}
