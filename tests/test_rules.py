"""The rule model: registry checks, exceptions, 'no rule' vs 'conflict'."""

from __future__ import annotations

import pytest

from sandbox_rules.errors import ConflictingRulesError, NoApplicableRuleError, RuleDefinitionError
from sandbox_rules.expr import Cmp, Const, Fact, is_true
from sandbox_rules.rules import RuleKind, RuleRegistry, registry, rule


def _r(id: str, cite: str = "12.1.a", **kw: object) -> object:
    return rule(id, cite, RuleKind.ROUTING, "vi", "en", group="g", **kw)  # type: ignore[arg-type]


def test_a_rule_citing_a_nonexistent_clause_fails() -> None:
    with pytest.raises(RuleDefinitionError, match=r"12\.1\.d"):
        RuleRegistry([_r("x", "12.1.d")])  # type: ignore[list-item]


def test_duplicate_ids_and_dangling_exceptions_fail() -> None:
    with pytest.raises(RuleDefinitionError, match="duplicate"):
        RuleRegistry([_r("x"), _r("x")])  # type: ignore[list-item]
    with pytest.raises(RuleDefinitionError, match="unknown rule"):
        RuleRegistry([_r("x", exception_to=("nope",))])  # type: ignore[list-item]


def test_conflict_and_no_rule_are_distinct_errors() -> None:
    reg = RuleRegistry(
        [  # type: ignore[list-item]
            _r("a", condition=is_true("p")),
            _r("b", "12.1.b", condition=is_true("q")),
        ]
    )
    with pytest.raises(ConflictingRulesError) as exc:
        reg.decide("g", {"p": True, "q": True})
    assert exc.value.citations == ("12.1.a", "12.1.b")
    with pytest.raises(NoApplicableRuleError):
        reg.decide("g", {"p": False, "q": False})
    undecided = reg.decide("g", {"p": True})
    assert undecided.rule is None and undecided.missing == {"q"}


def test_an_exception_resolves_what_would_be_a_conflict() -> None:
    reg = RuleRegistry(
        [  # type: ignore[list-item]
            _r("general", "12.1.b", condition=Cmp(">=", Fact("n"), Const(2))),
            _r("special", "12.1.c", condition=is_true("defence"), exception_to=("general",)),
        ]
    )
    assert reg.decide("g", {"n": 3, "defence": True}).rule.id == "special"  # type: ignore[union-attr]
    assert reg.decide("g", {"n": 3, "defence": False}).rule.id == "general"  # type: ignore[union-attr]
    # The exception is undecided: the general rule cannot be chosen yet.
    assert reg.decide("g", {"n": 3}).missing == {"defence"}


# (facts, expected rule id of 12.1) — from the text of 12.1.a-c.
AUTHORITY = [
    # One managing ministry, no defence data: 12.1.a.
    (
        {"sources.any_defence_or_cipher": False, "sources.authority_count": 1},
        "route.12.1.a.own-sources",
    ),
    # Two provinces' sources: 12.1.b.
    (
        {"sources.any_defence_or_cipher": False, "sources.authority_count": 2},
        "route.12.1.b.public-security",
    ),
    # Defence data with others: 12.1.c overrides 12.1.b.
    (
        {"sources.any_defence_or_cipher": True, "sources.authority_count": 3},
        "route.12.1.c.national-defence",
    ),
    # Only a defence source: 12.1.c (12.1.a requires no defence data by its exception).
    (
        {"sources.any_defence_or_cipher": True, "sources.authority_count": 1},
        "route.12.1.c.national-defence",
    ),
]


@pytest.mark.parametrize(("facts", "rule_id"), AUTHORITY)
def test_authority_rules(facts: dict[str, object], rule_id: str) -> None:
    decision = registry().decide("authority", facts)
    assert decision.rule is not None and decision.rule.id == rule_id


def test_every_rule_cites_resolvable_units_and_is_in_force_from_the_decree() -> None:
    from datetime import date

    from sandbox_rules.law import load_law

    law = load_law()
    for r in registry():
        assert all(law.exists(c) for c in r.citations), r.id
        assert r.in_force_from == date(2025, 7, 1)
        assert r.statement_vi and r.statement_en


def test_interpretations_named_by_rules_exist() -> None:
    from sandbox_rules.interpretations import get

    for r in registry():
        for i in r.interpretations:
            get(i)
