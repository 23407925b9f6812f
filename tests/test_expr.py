"""Three-valued (Kleene) evaluation, traces and missing facts."""

from __future__ import annotations

from datetime import date

import pytest

from sandbox_rules.errors import ExpressionError
from sandbox_rules.expr import (
    AddPeriod,
    All,
    AnyOf,
    Cmp,
    Const,
    Count,
    Exists,
    Fact,
    ForAll,
    In,
    Not,
    from_dict,
    is_true,
    item_true,
)

T, F, U = True, False, None


def _v(x: bool | None) -> Fact | Const:
    return Fact("u") if x is None else Const(x)


# Kleene's strong tables, written out: (a, b, a and b, a or b).
KLEENE = [
    (T, T, T, T),
    (T, F, F, T),
    (T, U, U, T),
    (F, F, F, F),
    (F, U, F, U),
    (U, U, U, U),
    (U, T, U, T),
    (U, F, F, U),
]


@pytest.mark.parametrize(("a", "b", "conj", "disj"), KLEENE)
def test_kleene(a: bool | None, b: bool | None, conj: bool | None, disj: bool | None) -> None:
    assert All((_v(a), _v(b))).evaluate({}) is conj
    assert AnyOf((_v(a), _v(b))).evaluate({}) is disj


def test_not_and_comparisons_with_unknown() -> None:
    assert Not(Fact("x")).evaluate({}) is None
    assert Not(Fact("x")).evaluate({"x": False}) is True
    assert Cmp(">=", Fact("n"), Const(3)).evaluate({"n": 3}) is True
    assert Cmp(">=", Fact("n"), Const(3)).evaluate({}) is None
    assert In(Fact("k"), ("a", "b")).evaluate({"k": "c"}) is False


def test_missing_lists_only_facts_that_matter() -> None:
    cond = All((is_true("a"), AnyOf((is_true("b"), is_true("c")))))
    assert cond.missing({"a": True}) == {"b", "c"}
    assert cond.missing({"a": True, "b": True}) == set()
    assert cond.missing({"a": False}) == set()  # already false: nothing is missing
    assert cond.facts() == {"a", "b", "c"}


def test_quantifiers() -> None:
    srcs = [{"defence": False}, {"defence": None}]
    assert Exists("s", item_true("defence")).evaluate({"s": srcs}) is None
    assert Exists("s", item_true("defence")).missing({"s": srcs}) == {"s[1].defence"}
    assert Exists("s", item_true("defence")).evaluate({"s": [*srcs, {"defence": True}]}) is True
    assert ForAll("s", item_true("defence")).evaluate({"s": srcs}) is False
    assert ForAll("s", item_true("defence")).evaluate({"s": []}) is True
    assert Exists("s", item_true("defence")).evaluate({}) is None
    assert (
        Count("s", item_true("defence")).evaluate({"s": [{"defence": True}, {"defence": True}]})
        == 2
    )


def test_dates_and_periods() -> None:
    cond = Cmp("<=", Fact("end"), AddPeriod(Fact("start"), "years", 2))
    assert cond.evaluate({"start": date(2026, 2, 28), "end": date(2028, 2, 28)}) is True
    assert cond.evaluate({"start": date(2026, 2, 28), "end": date(2028, 2, 29)}) is False
    assert cond.evaluate({"start": date(2026, 2, 28)}) is None


def test_type_errors_are_expression_errors() -> None:
    with pytest.raises(ExpressionError):
        Cmp("<", Fact("a"), Const(1)).evaluate({"a": "x"})
    with pytest.raises(ExpressionError):
        Exists("s", item_true("x")).evaluate({"s": 3})


def test_trace_and_round_trip() -> None:
    cond = All((is_true("a"), Exists("s", item_true("x"))))
    trace = cond.explain({"a": True, "s": [{"x": False}]})
    assert trace.value is False and trace.children[0].value is True
    assert from_dict(cond.to_dict()) == cond
