"""A small expression vocabulary for conditions over named facts, in three-valued logic.

``None`` is *unknown*. Connectives follow Kleene's strong logic: ``All`` is false if any
part is false, unknown if none is false and some part is unknown, else true; ``AnyOf``
dually. Comparisons with an unknown side are unknown. Quantifiers range over list facts
(``Exists``/``ForAll``) whose items are mappings read with :class:`Item`.

Because a condition is data, one declaration can be evaluated (:meth:`Expr.evaluate`),
explained (:meth:`Expr.explain`), asked what it still needs (:meth:`Expr.missing`), listed
for the facts it reads (:meth:`Expr.facts`), serialised (:meth:`Expr.to_dict`) and compiled
to another engine (see ``sandbox_rules.adapters``).
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, ClassVar

from sandbox_rules.errors import ExpressionError, brief

Facts = Mapping[str, Any]
_OPS: dict[str, Callable[[Any, Any], bool]] = {
    "==": operator.eq,
    "!=": operator.ne,
    "<": operator.lt,
    "<=": operator.le,
    ">": operator.gt,
    ">=": operator.ge,
}


@dataclass(frozen=True, slots=True)
class Trace:
    """The value of one sub-condition and of its parts."""

    expr: str
    value: Any
    children: tuple[Trace, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"expr": self.expr, "value": _jsonable(self.value)}
        if self.children:
            out["children"] = [c.to_dict() for c in self.children]
        return out


def _jsonable(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    if isinstance(value, Mapping):
        return {str(k): _jsonable(v) for k, v in value.items()}
    return value


@dataclass(frozen=True, slots=True)
class Env:
    facts: Facts
    item: Mapping[str, Any] | None = None
    item_path: str = ""


class Expr:
    """Base of every node. Subclasses are frozen dataclasses."""

    __slots__ = ()
    op: ClassVar[str] = "?"

    def evaluate(self, facts: Facts) -> Any:
        return self._eval(Env(facts))

    def explain(self, facts: Facts) -> Trace:
        return self._trace(Env(facts))

    def missing(self, facts: Facts) -> set[str]:
        """Unknown facts that could change this (unknown) value; empty if it is decided."""
        env = Env(facts)
        if self._eval(env) is not None:
            return set()
        return self._missing(env)

    def facts(self) -> frozenset[str]:
        """Every fact name this condition reads (list items as ``list[].field``)."""
        return frozenset(self._facts(""))

    # subclasses implement these
    def _eval(self, env: Env) -> Any:
        raise NotImplementedError

    def _trace(self, env: Env) -> Trace:
        return Trace(self.render(), self._eval(env), tuple(c._trace(env) for c in self._kids()))

    def _missing(self, env: Env) -> set[str]:
        out: set[str] = set()
        for kid in self._kids():
            if kid._eval(env) is None:
                out |= kid._missing(env)
        return out

    def _facts(self, scope: str) -> set[str]:
        out: set[str] = set()
        for kid in self._kids():
            out |= kid._facts(scope)
        return out

    def _kids(self) -> tuple[Expr, ...]:
        return ()

    def render(self) -> str:
        raise NotImplementedError

    def to_dict(self) -> dict[str, Any]:
        raise NotImplementedError

    # sugar for declarations
    def __and__(self, other: Expr) -> All:
        return All((self, other))

    def __or__(self, other: Expr) -> AnyOf:
        return AnyOf((self, other))

    def __invert__(self) -> Not:
        return Not(self)


def _as_expr(value: Any) -> Expr:
    return value if isinstance(value, Expr) else Const(value)


@dataclass(frozen=True, slots=True)
class Const(Expr):
    value: Any
    op: ClassVar[str] = "const"

    def _eval(self, env: Env) -> Any:
        return self.value

    def render(self) -> str:
        if isinstance(self.value, date):
            return self.value.isoformat()
        return repr(self.value)

    def to_dict(self) -> dict[str, Any]:
        return {"op": self.op, "value": _jsonable(self.value)}


@dataclass(frozen=True, slots=True)
class Fact(Expr):
    """A named fact; absent or ``None`` in the facts means unknown."""

    name: str
    op: ClassVar[str] = "fact"

    def _eval(self, env: Env) -> Any:
        return env.facts.get(self.name)

    def _missing(self, env: Env) -> set[str]:
        return {self.name}

    def _facts(self, scope: str) -> set[str]:
        return {self.name}

    def render(self) -> str:
        return self.name

    def to_dict(self) -> dict[str, Any]:
        return {"op": self.op, "name": self.name}

    # comparison sugar: Fact("x") == 3 builds a condition, not a bool
    def eq(self, other: Any) -> Cmp:
        return Cmp("==", self, _as_expr(other))

    def ne(self, other: Any) -> Cmp:
        return Cmp("!=", self, _as_expr(other))

    def is_true(self) -> Cmp:
        return Cmp("==", self, Const(True))

    def is_false(self) -> Cmp:
        return Cmp("==", self, Const(False))


@dataclass(frozen=True, slots=True)
class Item(Expr):
    """A field of the current item inside :class:`Exists` / :class:`ForAll`."""

    field: str
    op: ClassVar[str] = "item"

    def _eval(self, env: Env) -> Any:
        if env.item is None:
            raise ExpressionError.from_key("error.expr.item_outside", field=repr(self.field))
        return env.item.get(self.field)

    def _missing(self, env: Env) -> set[str]:
        return {f"{env.item_path}.{self.field}"}

    def _facts(self, scope: str) -> set[str]:
        return {f"{scope}[].{self.field}"}

    def render(self) -> str:
        return f"item.{self.field}"

    def to_dict(self) -> dict[str, Any]:
        return {"op": self.op, "field": self.field}


@dataclass(frozen=True, slots=True)
class Cmp(Expr):
    """``left <op> right`` for op in ==, !=, <, <=, >, >= (numbers, strings, dates)."""

    cmp: str
    left: Expr
    right: Expr
    op: ClassVar[str] = "cmp"

    def __post_init__(self) -> None:
        if self.cmp not in _OPS:
            raise ExpressionError.from_key("error.expr.comparison", cmp=repr(self.cmp))

    def _eval(self, env: Env) -> Any:
        a = self.left._eval(env)
        if a is None:
            return None
        b = self.right._eval(env)
        if b is None:
            return None
        try:
            return _OPS[self.cmp](a, b)
        except TypeError:
            raise ExpressionError.from_key(
                "error.expr.cannot_compare_facts",
                left=self.left.render(),
                a=brief(a),
                right=self.right.render(),
                b=brief(b),
            ) from None

    def _kids(self) -> tuple[Expr, ...]:
        return (self.left, self.right)

    def render(self) -> str:
        return f"{self.left.render()} {self.cmp} {self.right.render()}"

    def to_dict(self) -> dict[str, Any]:
        return {
            "op": self.op,
            "cmp": self.cmp,
            "left": self.left.to_dict(),
            "right": self.right.to_dict(),
        }


@dataclass(frozen=True, slots=True)
class In(Expr):
    """Membership of a value in a fixed set of options."""

    needle: Expr
    options: tuple[Any, ...]
    op: ClassVar[str] = "in"

    def _eval(self, env: Env) -> Any:
        v = self.needle._eval(env)
        return None if v is None else v in self.options

    def _kids(self) -> tuple[Expr, ...]:
        return (self.needle,)

    def render(self) -> str:
        return f"{self.needle.render()} in {list(self.options)!r}"

    def to_dict(self) -> dict[str, Any]:
        return {"op": self.op, "needle": self.needle.to_dict(), "options": _jsonable(self.options)}


@dataclass(frozen=True, slots=True)
class Not(Expr):
    part: Expr
    op: ClassVar[str] = "not"

    def _eval(self, env: Env) -> Any:
        v = self.part._eval(env)
        return None if v is None else not v

    def _kids(self) -> tuple[Expr, ...]:
        return (self.part,)

    def render(self) -> str:
        return f"not ({self.part.render()})"

    def to_dict(self) -> dict[str, Any]:
        return {"op": self.op, "part": self.part.to_dict()}


@dataclass(frozen=True, slots=True)
class All(Expr):
    parts: tuple[Expr, ...]
    op: ClassVar[str] = "all"

    def _eval(self, env: Env) -> Any:
        unknown = False
        for p in self.parts:
            v = p._eval(env)
            if v is None:
                unknown = True
            elif not v:
                return False
        return None if unknown else True

    def _kids(self) -> tuple[Expr, ...]:
        return self.parts

    def render(self) -> str:
        return "(" + " and ".join(p.render() for p in self.parts) + ")"

    def to_dict(self) -> dict[str, Any]:
        return {"op": self.op, "parts": [p.to_dict() for p in self.parts]}


@dataclass(frozen=True, slots=True)
class AnyOf(Expr):
    parts: tuple[Expr, ...]
    op: ClassVar[str] = "any"

    def _eval(self, env: Env) -> Any:
        unknown = False
        for p in self.parts:
            v = p._eval(env)
            if v is None:
                unknown = True
            elif v:
                return True
        return None if unknown else False

    def _kids(self) -> tuple[Expr, ...]:
        return self.parts

    def render(self) -> str:
        return "(" + " or ".join(p.render() for p in self.parts) + ")"

    def to_dict(self) -> dict[str, Any]:
        return {"op": self.op, "parts": [p.to_dict() for p in self.parts]}


@dataclass(frozen=True, slots=True)
class _Quantifier(Expr):
    collection: str
    cond: Expr

    def _items(self, env: Env) -> Sequence[Mapping[str, Any]] | None:
        items = env.facts.get(self.collection)
        if items is None:
            return None
        if not isinstance(items, (list, tuple)):
            raise _not_a_list(self.collection, items)
        return items

    def _values(self, env: Env) -> list[Any] | None:
        items = self._items(env)
        if items is None:
            return None
        return [
            self.cond._eval(Env(env.facts, item, f"{self.collection}[{i}]"))
            for i, item in enumerate(items)
        ]

    def _missing(self, env: Env) -> set[str]:
        items = self._items(env)
        if items is None:
            return {self.collection}
        out: set[str] = set()
        for i, item in enumerate(items):
            sub = Env(env.facts, item, f"{self.collection}[{i}]")
            if self.cond._eval(sub) is None:
                out |= self.cond._missing(sub)
        return out

    def _facts(self, scope: str) -> set[str]:
        return {self.collection} | self.cond._facts(self.collection)

    def _trace(self, env: Env) -> Trace:
        items = self._items(env) or []
        kids = tuple(
            self.cond._trace(Env(env.facts, item, f"{self.collection}[{i}]"))
            for i, item in enumerate(items)
        )
        return Trace(self.render(), self._eval(env), kids)

    def to_dict(self) -> dict[str, Any]:
        return {"op": self.op, "collection": self.collection, "cond": self.cond.to_dict()}


@dataclass(frozen=True, slots=True)
class Exists(_Quantifier):
    op: ClassVar[str] = "exists"

    def _eval(self, env: Env) -> Any:
        values = self._values(env)
        if values is None:
            return None
        if any(v is True for v in values):
            return True
        return None if any(v is None for v in values) else False

    def render(self) -> str:
        return f"some {self.collection}[] has {self.cond.render()}"


@dataclass(frozen=True, slots=True)
class ForAll(_Quantifier):
    op: ClassVar[str] = "forall"

    def _eval(self, env: Env) -> Any:
        values = self._values(env)
        if values is None:
            return None
        if any(v is False for v in values):
            return False
        return None if any(v is None for v in values) else True

    def render(self) -> str:
        return f"every {self.collection}[] has {self.cond.render()}"


@dataclass(frozen=True, slots=True)
class Count(_Quantifier):
    """How many items satisfy ``cond``; unknown if any item's value is unknown."""

    op: ClassVar[str] = "count"

    def _eval(self, env: Env) -> Any:
        values = self._values(env)
        if values is None or any(v is None for v in values):
            return None
        return sum(1 for v in values if v)

    def render(self) -> str:
        return f"count of {self.collection}[] with {self.cond.render()}"


@dataclass(frozen=True, slots=True)
class AddPeriod(Expr):
    """A date plus a period (days, months, years) by the Civil Code's calendar arithmetic
    (no roll-forward: this is a comparison bound, not a deadline)."""

    start: Expr
    unit: str
    amount: int
    op: ClassVar[str] = "add_period"
    _units: ClassVar[frozenset[str]] = frozenset({"days", "months", "years"})

    def __post_init__(self) -> None:
        if self.unit not in self._units:
            raise ExpressionError.from_key("error.expr.unit", unit=repr(self.unit))

    def _eval(self, env: Env) -> Any:
        d = self.start._eval(env)
        if d is None:
            return None
        if not isinstance(d, date):
            raise ExpressionError.from_key(
                "error.not_a_date", name=self.start.render(), given=brief(d)
            )
        from sandbox_rules.calendar.periods import add_calendar_period

        return add_calendar_period(d, self.unit, self.amount)

    def _kids(self) -> tuple[Expr, ...]:
        return (self.start,)

    def render(self) -> str:
        return f"{self.start.render()} + {self.amount} {self.unit}"

    def to_dict(self) -> dict[str, Any]:
        return {
            "op": self.op,
            "start": self.start.to_dict(),
            "unit": self.unit,
            "amount": self.amount,
        }


@dataclass(frozen=True, slots=True)
class Known(Expr):
    """True if the part's value is known, false otherwise (never unknown)."""

    part: Expr
    op: ClassVar[str] = "known"

    def _eval(self, env: Env) -> Any:
        return self.part._eval(env) is not None

    def _kids(self) -> tuple[Expr, ...]:
        return (self.part,)

    def render(self) -> str:
        return f"known({self.part.render()})"

    def to_dict(self) -> dict[str, Any]:
        return {"op": self.op, "part": self.part.to_dict()}


TRUE = Const(True)


def all_of(*parts: Expr) -> All:
    return All(tuple(parts))


def any_of(*parts: Expr) -> AnyOf:
    return AnyOf(tuple(parts))


def is_true(name: str) -> Cmp:
    return Cmp("==", Fact(name), Const(True))


def is_false(name: str) -> Cmp:
    return Cmp("==", Fact(name), Const(False))


def eq(name: str, value: Any) -> Cmp:
    return Cmp("==", Fact(name), Const(value))


def item_true(name: str) -> Cmp:
    return Cmp("==", Item(name), Const(True))


def from_dict(data: Mapping[str, Any]) -> Expr:
    """Rebuild a condition from :meth:`Expr.to_dict` output (dates stay ISO strings)."""
    try:
        op = data["op"]
        if op == "const":
            return Const(data["value"])
        if op == "fact":
            return Fact(data["name"])
        if op == "item":
            return Item(data["field"])
        if op == "cmp":
            return Cmp(data["cmp"], from_dict(data["left"]), from_dict(data["right"]))
        if op == "in":
            return In(from_dict(data["needle"]), tuple(data["options"]))
        if op == "not":
            return Not(from_dict(data["part"]))
        if op == "known":
            return Known(from_dict(data["part"]))
        if op in ("all", "any"):
            parts = tuple(from_dict(p) for p in data["parts"])
            return All(parts) if op == "all" else AnyOf(parts)
        if op in ("exists", "forall", "count"):
            cls = {"exists": Exists, "forall": ForAll, "count": Count}[op]
            return cls(data["collection"], from_dict(data["cond"]))
        if op == "add_period":
            return AddPeriod(from_dict(data["start"]), data["unit"], int(data["amount"]))
    except (KeyError, TypeError) as exc:
        raise ExpressionError.from_key(
            "error.expr.malformed", data=brief(dict(data)), detail=str(exc)
        ) from None
    raise ExpressionError.from_key("error.expr.op", op=brief(data.get("op")))


# -- compilation to closures (the fast path of the reference evaluator) -------------------------
Compiled = Callable[[Facts, Mapping[str, Any] | None], Any]


def compile_expr(expr: Expr) -> Compiled:
    """A closure ``f(facts, item) -> value`` with the same three-valued semantics as
    :meth:`Expr.evaluate` (tested equal by property tests), several times faster."""
    if isinstance(expr, Const):
        v = expr.value
        return lambda f, i: v
    if isinstance(expr, Fact):
        name = expr.name
        return lambda f, i: f.get(name)
    if isinstance(expr, Item):
        fld = expr.field
        return lambda f, i: i.get(fld) if i is not None else None
    if isinstance(expr, Cmp) and isinstance(expr.left, Fact) and isinstance(expr.right, Const):
        # The commonest shape (fact == constant): one closure, no nested calls.
        name, const, op2 = expr.left.name, expr.right.value, _OPS[expr.cmp]
        if expr.cmp == "==":

            def fact_eq(f: Facts, i: Mapping[str, Any] | None) -> Any:
                v = f.get(name)
                return None if v is None else v == const

            return fact_eq

        def fact_cmp(f: Facts, i: Mapping[str, Any] | None) -> Any:
            v = f.get(name)
            if v is None:
                return None
            try:
                return op2(v, const)
            except TypeError:
                raise cannot_compare(v, const, expr.render()) from None

        return fact_cmp
    if isinstance(expr, Cmp) and isinstance(expr.left, Item) and isinstance(expr.right, Const):
        fld, const, op3 = expr.left.field, expr.right.value, _OPS[expr.cmp]

        def item_cmp(f: Facts, i: Mapping[str, Any] | None) -> Any:
            v = i.get(fld) if i is not None else None
            if v is None:
                return None
            try:
                return op3(v, const)
            except TypeError:
                raise cannot_compare(v, const, expr.render()) from None

        return item_cmp
    if isinstance(expr, Cmp):
        op = _OPS[expr.cmp]
        left, right = compile_expr(expr.left), compile_expr(expr.right)

        def cmp(f: Facts, i: Mapping[str, Any] | None) -> Any:
            a = left(f, i)
            if a is None:
                return None
            b = right(f, i)
            if b is None:
                return None
            try:
                return op(a, b)
            except TypeError:
                raise cannot_compare(a, b, expr.render()) from None

        return cmp
    if isinstance(expr, In):
        needle, options = compile_expr(expr.needle), expr.options

        def member(f: Facts, i: Mapping[str, Any] | None) -> Any:
            v = needle(f, i)
            return None if v is None else v in options

        return member
    if isinstance(expr, Not):
        part = compile_expr(expr.part)

        def neg(f: Facts, i: Mapping[str, Any] | None) -> Any:
            v = part(f, i)
            return None if v is None else not v

        return neg
    if isinstance(expr, Known):
        part = compile_expr(expr.part)
        return lambda f, i: part(f, i) is not None
    if isinstance(expr, All):
        parts = tuple(compile_expr(p) for p in expr.parts)

        def conj(f: Facts, i: Mapping[str, Any] | None) -> Any:
            unknown = False
            for p in parts:
                v = p(f, i)
                if v is None:
                    unknown = True
                elif not v:
                    return False
            return None if unknown else True

        return conj
    if isinstance(expr, AnyOf):
        parts = tuple(compile_expr(p) for p in expr.parts)

        def disj(f: Facts, i: Mapping[str, Any] | None) -> Any:
            unknown = False
            for p in parts:
                v = p(f, i)
                if v is None:
                    unknown = True
                elif v:
                    return True
            return None if unknown else False

        return disj
    if isinstance(expr, (Exists, ForAll, Count)):
        coll, cond = expr.collection, compile_expr(expr.cond)
        kind = expr.op

        def quant(f: Facts, i: Mapping[str, Any] | None) -> Any:
            items = f.get(coll)
            if items is None:
                return None
            if not isinstance(items, (list, tuple)):
                raise _not_a_list(coll, items)
            values = [cond(f, it) for it in items]
            if kind == "exists":
                if True in values:
                    return True
                return None if None in values else False
            if kind == "forall":
                if False in values:
                    return False
                return None if None in values else True
            if None in values:
                return None
            return sum(1 for v in values if v)

        return quant
    if isinstance(expr, AddPeriod):
        start, unit, amount = compile_expr(expr.start), expr.unit, expr.amount

        def add(f: Facts, i: Mapping[str, Any] | None) -> Any:
            d = start(f, i)
            if d is None:
                return None
            if not isinstance(d, date):
                raise ExpressionError.from_key(
                    "error.not_a_date", name=expr.start.render(), given=brief(d)
                )
            from sandbox_rules.calendar.periods import add_calendar_period

            return add_calendar_period(d, unit, amount)

        return add
    raise ExpressionError.from_key("error.expr.compile", kind=type(expr).__name__)


def cannot_compare(a: Any, b: Any, where: str) -> ExpressionError:
    """The error of a comparison of values of different types (``where``: the condition)."""
    return ExpressionError.from_key(
        "error.expr.cannot_compare", a=brief(a), b=brief(b), where=where
    )


def _not_a_list(name: str, items: object) -> ExpressionError:
    from sandbox_rules.i18n import Term

    return ExpressionError.from_key(
        "error.expr.not_a_list", name=repr(name), kind=Term("type", type(items).__name__)
    )
