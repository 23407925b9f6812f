"""The rule catalogue, one module per article group so the code map follows the decree."""

from __future__ import annotations

from functools import cache

from sandbox_rules.rules import (
    art09_eligibility,
    art10_scope,
    art11_plan,
    art12_issuance,
    art13_16_changes,
    art13_22_lifecycle,
    art17_18_supervision,
    dossiers,
)
from sandbox_rules.rules.model import (
    GroupDecision,
    Rule,
    RuleKind,
    RuleRegistry,
    RuleResult,
    evaluate_rule,
    rule,
)

MODULES = (
    art09_eligibility,
    art10_scope,
    art11_plan,
    art12_issuance,
    art13_16_changes,
    art13_22_lifecycle,
    art17_18_supervision,
    dossiers,
)


@cache
def registry() -> RuleRegistry:
    """Every declared rule, checked: unique ids, resolvable citations, valid exceptions."""
    return RuleRegistry(r for module in MODULES for r in module.RULES)


__all__ = [
    "GroupDecision",
    "Rule",
    "RuleKind",
    "RuleRegistry",
    "RuleResult",
    "evaluate_rule",
    "registry",
    "rule",
]
