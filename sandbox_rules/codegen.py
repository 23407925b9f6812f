"""Compile conditions to Python source: one straight-line function per rule set.

The third evaluator of the same declarations (after :meth:`Expr.evaluate` and
:func:`compile_expr`). Kleene semantics are inlined as conditional expressions, so the hot
path makes no call per node. Property tests check that all three agree on every case.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import date
from itertools import count
from typing import Any

from sandbox_rules.errors import ExpressionError, brief
from sandbox_rules.expr import (
    TRUE,
    AddPeriod,
    All,
    AnyOf,
    Cmp,
    Const,
    Count,
    Exists,
    Expr,
    Fact,
    ForAll,
    In,
    Item,
    Known,
    Not,
    cannot_compare,
)

_PY_OPS = {"==": "==", "!=": "!=", "<": "<", "<=": "<=", ">": ">", ">=": ">="}


def _safe_cmp(op: str, a: Any, b: Any, where: str) -> Any:
    if a is None or b is None:
        return None
    try:
        return {"==": a == b, "!=": a != b}[op] if op in ("==", "!=") else _ORDER[op](a, b)
    except TypeError:
        raise cannot_compare(a, b, where) from None


_ORDER: dict[str, Callable[[Any, Any], bool]] = {
    "<": lambda a, b: a < b,
    "<=": lambda a, b: a <= b,
    ">": lambda a, b: a > b,
    ">=": lambda a, b: a >= b,
}


def _quant(kind: str, items: Any, cond: Callable[[Mapping[str, Any]], Any], name: str) -> Any:
    if items is None:
        return None
    if not isinstance(items, (list, tuple)):
        from sandbox_rules.i18n import Term

        raise ExpressionError.from_key(
            "error.expr.not_a_list", name=repr(name), kind=Term("type", type(items).__name__)
        )
    values = [cond(i) for i in items]
    if kind == "exists":
        return True if True in values else (None if None in values else False)
    if kind == "forall":
        return False if False in values else (None if None in values else True)
    return None if None in values else sum(1 for v in values if v)


def _add_period(d: Any, unit: str, amount: int, where: str) -> Any:
    if d is None:
        return None
    if not isinstance(d, date):
        raise ExpressionError.from_key("error.not_a_date", name=where, given=brief(d))
    from sandbox_rules.calendar.periods import add_calendar_period

    return add_calendar_period(d, unit, amount)


class _Gen:
    def __init__(
        self,
        local_facts: bool = False,
        accessors: Mapping[str, str] | None = None,
        inline_order: bool = False,
    ) -> None:
        self.consts: dict[str, Any] = {}
        self._n = count()
        self.local_facts = local_facts
        self.accessors = accessors  # direct mode: fact -> expression over `app`
        self.facts: dict[str, str] = {}  # fact name -> local variable
        # Orderings inline too; the caller then owns a TypeError (values that do not compare).
        self.inline_order = inline_order

    def fact(self, name: str) -> str:
        if not self.local_facts:
            return f"f.get({name!r})"
        if name not in self.facts:
            self.facts[name] = f"_f{len(self.facts)}"
        return self.facts[name]

    def tmp(self) -> str:
        return f"_t{next(self._n)}"

    def const(self, value: Any) -> str:
        if value is None or isinstance(value, (bool, int, float, str)):
            return repr(value)
        name = f"_c{next(self._n)}"
        self.consts[name] = value
        return name

    def expr(self, e: Expr, item: str | None) -> str:
        if isinstance(e, Const):
            return self.const(e.value)
        if isinstance(e, Fact):
            return self.fact(e.name)
        if isinstance(e, Item):
            if item is None:
                raise ExpressionError.from_key("error.expr.item_outside", field=repr(e.field))
            if self.accessors is not None:  # items are model objects
                return f"{item}.{e.field}"
            return f"{item}.get({e.field!r})"
        if isinstance(e, Cmp):
            a, b = self.expr(e.left, item), self.expr(e.right, item)
            if e.cmp in ("==", "!=") or self.inline_order:  # == never raises: inline
                if isinstance(e.right, Const) and e.right.value is not None:
                    ta = self.tmp()  # a constant is never unknown: test only the fact
                    return f"(None if ({ta} := {a}) is None else {ta} {_PY_OPS[e.cmp]} {b})"
                ta, tb = self.tmp(), self.tmp()
                return (
                    f"(None if ({ta} := {a}) is None or ({tb} := {b}) is None "
                    f"else {ta} {_PY_OPS[e.cmp]} {tb})"
                )
            where = self.const(e.render())  # ordering can raise TypeError: typed error
            return f"_safe_cmp({e.cmp!r}, {a}, {b}, {where})"
        if isinstance(e, In):
            t = self.tmp()
            opts = (
                self.const(frozenset(e.options))
                if all(isinstance(o, (str, int, bool)) for o in e.options)
                else self.const(tuple(e.options))
            )
            return f"(None if ({t} := {self.expr(e.needle, item)}) is None else {t} in {opts})"
        if isinstance(e, Not):
            t = self.tmp()
            return f"(None if ({t} := {self.expr(e.part, item)}) is None else not {t})"
        if isinstance(e, Known):
            return f"(({self.expr(e.part, item)}) is not None)"
        if isinstance(e, (All, AnyOf)):
            t = self.tmp()
            parts = ", ".join(self.expr(p, item) for p in e.parts)
            if isinstance(e, All):
                return (
                    f"(False if False in ({t} := ({parts},)) else (None if None in {t} else True))"
                )
            return f"(True if True in ({t} := ({parts},)) else (None if None in {t} else False))"
        if isinstance(e, (Exists, ForAll, Count)):
            var = f"_i{next(self._n)}"
            body = self.expr(e.cond, var)
            coll = self.fact(e.collection)
            call = f"_quant({e.op!r}, {coll}, lambda {var}: {body}, {e.collection!r})"
            empty = {"exists": "False", "forall": "True", "count": "0"}[e.op]
            # An empty list (the common "none") needs no call.
            return f"(None if {coll} is None else ({empty} if {coll} == [] else {call}))"
        if isinstance(e, AddPeriod):
            where = self.const(e.start.render())
            return f"_add_period({self.expr(e.start, item)}, {e.unit!r}, {e.amount}, {where})"
        raise ExpressionError.from_key("error.expr.codegen", kind=type(e).__name__)


def compile_statuses(
    rules: Sequence[tuple[Expr | None, Expr]],
    name: str = "statuses",
    accessors: Mapping[str, str] | None = None,
    helpers: Mapping[str, Any] | None = None,
) -> Callable[..., tuple[list[str], bool, bool]]:
    """One function ``f(facts) -> (statuses, failed, unknown)`` for (applies_if, condition)
    pairs, with the status rules of :func:`sandbox_rules.engine.assess`. ``applies_if`` None
    means "never applies" (statically not applicable). With ``accessors`` the function is
    ``f(app, ip)`` and reads each fact straight from the model (no facts mapping)."""
    gen = _Gen(local_facts=True, accessors=accessors)
    body: list[str] = []
    names: list[str] = []
    for k, (applies, cond) in enumerate(rules):
        out = f"s{k}"
        names.append(out)
        if applies is None:
            body.append(f"    {out} = 'not_applicable'")
            continue
        c = gen.expr(cond, None)
        if applies is TRUE or applies == TRUE:
            body += [
                f"    v = {c}",
                f"    {out} = 'met' if v is True else ('not_met' if v is False else 'unknown')",
            ]
            continue
        a = gen.expr(applies, None)
        body += [
            f"    a = {a}",
            "    if a is False:",
            f"        {out} = 'not_applicable'",
            "    else:",
            f"        v = {c}",
            f"        {out} = 'met' if v is True else "
            "('not_met' if v is False and a is True else 'unknown')",
        ]
    if accessors is None:
        head = [f"def {name}(f):", "    g = f.get"]
        head += [f"    {var} = g({fact!r})" for fact, var in gen.facts.items()]
    else:
        missing = [fact for fact in gen.facts if fact not in accessors]
        if missing:
            raise ExpressionError.from_key(
                "error.expr.no_accessor", facts=", ".join(missing), name=name
            )
        head = [f"def {name}(app, ip):"]
        head += [f"    {var} = {accessors[fact]}" for fact, var in gen.facts.items()]
    tail = [f"    s = [{', '.join(names)}]", "    return s, 'not_met' in s, 'unknown' in s"]
    fn: Callable[..., tuple[list[str], bool, bool]] = _define(
        name, "\n".join(head + body + tail), gen, helpers
    )
    return fn


def compile_fires(
    rules: Sequence[tuple[Expr, Expr]], name: str = "fires"
) -> Callable[[Mapping[str, Any]], list[bool | None]]:
    """One function ``f(facts) -> [fires, ...]`` for (applies_if, condition) pairs: whether
    each rule of a decision group fires, as :meth:`RuleRegistry.decide` counts it (False if
    it does not apply; unknown if its applicability is unknown and its condition not false).
    Orderings are inlined: values that cannot be ordered raise ``TypeError``, and the caller
    falls back to the reference evaluator, which names them in an ``ExpressionError``."""
    gen = _Gen(local_facts=True, inline_order=True)
    body: list[str] = []
    names: list[str] = []
    for k, (applies, cond) in enumerate(rules):
        out = f"r{k}"
        names.append(out)
        body += [
            f"    a = {gen.expr(applies, None)}",
            "    if a is False:",
            f"        {out} = False",
            "    else:",
            f"        v = {gen.expr(cond, None)}",
            f"        {out} = v if a is True else (None if v is not False else False)",
        ]
    head = [f"def {name}(f):", "    g = f.get"]
    head += [f"    {var} = g({fact!r})" for fact, var in gen.facts.items()]
    tail = [f"    return [{', '.join(names)}]"]
    fn: Callable[[Mapping[str, Any]], list[bool | None]] = _define(
        name, "\n".join(head + body + tail), gen, None
    )
    return fn


def _define(name: str, source: str, gen: _Gen, helpers: Mapping[str, Any] | None) -> Any:
    namespace: dict[str, Any] = {
        "_safe_cmp": _safe_cmp,
        "_quant": _quant,
        "_add_period": _add_period,
        **gen.consts,
        **(helpers or {}),
    }
    exec(compile(source, f"<sandbox_rules.codegen:{name}>", "exec"), namespace)
    fn = namespace[name]
    fn.__doc__ = source
    return fn


def compile_one(expr: Expr) -> Callable[[Mapping[str, Any]], Any]:
    """A single condition as a generated function (for tests and adapters)."""
    gen = _Gen()
    fn: Callable[[Mapping[str, Any]], Any] = _define(
        "one", f"def one(f):\n    return {gen.expr(expr, None)}", gen, None
    )
    return fn
