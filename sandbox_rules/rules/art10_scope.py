"""Art. 10 — scope of controlled testing: duration limit and the single extension (10.2)."""

from __future__ import annotations

from sandbox_rules.expr import AddPeriod, Cmp, Const, Fact
from sandbox_rules.rules.model import Rule, RuleKind, rule

RULES: tuple[Rule, ...] = (
    rule(
        "scope.duration.max-2-years",
        "10.2",
        RuleKind.CONDITION,
        "Thời hạn thực hiện thử nghiệm có kiểm soát không quá 02 năm theo phương án được thẩm định.",
        "The testing period is at most 2 years under the appraised plan.",
        Cmp("<=", Fact("scope.planned_end"), AddPeriod(Fact("scope.planned_start"), "years", 2)),
        group="eligibility.scope",
        topic="scope",
        outcome={"period": {"unit": "years", "n": 2}},
    ),
    rule(
        "scope.extension.once",
        "10.2",
        RuleKind.CONDITION,
        "Có thể được gia hạn 01 lần.",
        "The period may be extended once.",
        Cmp("==", Fact("lifecycle.extensions_granted"), Const(0)),
        group="extension",
        topic="extension",
    ),
    rule(
        "scope.extension.max-approved-length",
        "10.2",
        RuleKind.CONDITION,
        "Thời gian gia hạn không quá thời gian thử nghiệm đã được phê duyệt.",
        "The extension is no longer than the approved testing period.",
        Cmp("<=", Fact("extension.requested_days"), Fact("lifecycle.approved_days")),
        group="extension",
        topic="extension",
        interpretations=("extension-limit",),
    ),
)
