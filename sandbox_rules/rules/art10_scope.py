"""Art. 10 — scope of controlled testing: testing spaces (10.1), duration and the single
extension (10.2). The extension rules are evaluated by the lifecycle engine."""

from __future__ import annotations

from sandbox_rules.expr import (
    AddPeriod,
    All,
    AnyOf,
    Cmp,
    Const,
    Exists,
    Fact,
    ForAll,
    In,
    Item,
    Known,
    Not,
    eq,
)
from sandbox_rules.rules.model import Rule, RuleKind, rule

GEOGRAPHIC_SITE_OK = ForAll(
    "scope.spaces",
    AnyOf(
        (
            Cmp("!=", Item("kind"), Const("geographic")),
            Cmp("==", Item("at_own_site"), Const(True)),
            In(Item("site_approved_by"), ("data_owning_unit", "ministry_of_public_security")),
        )
    ),
)

# 10.1 describes the geographic space ("không gian địa lý (triển khai tại địa điểm ...)"): the
# site condition is about a geographic space, so it applies only when one is declared.
HAS_GEOGRAPHIC_SPACE = Exists("scope.spaces", Cmp("==", Item("kind"), Const("geographic")))

MONTHS = Fact("scope.duration_months")

RULES: tuple[Rule, ...] = (
    rule(
        "scope.geographic-site",
        "10.1",
        RuleKind.CONDITION,
        "Không gian địa lý triển khai tại địa điểm của tổ chức, cá nhân chủ trì thử nghiệm, hoặc tại địa "
        "điểm đã được đơn vị chủ quản dữ liệu hoặc Bộ Công an phê duyệt.",
        "A geographic testing space is at the lead participant's own site, or at a site approved by "
        "the data-owning unit or the Ministry of Public Security.",
        AnyOf((eq("interp.geographic-site-condition", "descriptive"), GEOGRAPHIC_SITE_OK)),
        applies_if=HAS_GEOGRAPHIC_SPACE,
        group="eligibility",
        topic="scope",
        interpretations=("geographic-site-condition",),
    ),
    rule(
        "scope.duration.max-2-years",
        "10.2",
        RuleKind.CONDITION,
        "Thời hạn thực hiện thử nghiệm có kiểm soát không quá 02 năm theo phương án được thẩm định.",
        "The testing period is at most 2 years under the appraised plan.",
        # A length in months is compared in months; otherwise the planned end with the
        # corresponding day two years after the start (Civil Code Art. 148(4)).
        AnyOf(
            (
                All((Known(MONTHS), Cmp("<=", MONTHS, Const(24)))),
                All(
                    (
                        Not(Known(MONTHS)),
                        Cmp(
                            "<=",
                            Fact("scope.planned_end"),
                            AddPeriod(Fact("scope.planned_start"), "years", 2),
                        ),
                    )
                ),
            )
        ),
        group="eligibility",
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
        # Lengths in the unit they were approved in (interpretation extension-limit): months with
        # months, else days with days; under compare-end-dates the lifecycle supplies the same
        # comparison on end dates as day counts.
        AnyOf(
            (
                All(
                    (
                        Known(Fact("extension.months")),
                        Known(Fact("lifecycle.approved_months")),
                        Cmp("<=", Fact("extension.months"), Fact("lifecycle.approved_months")),
                    )
                ),
                All(
                    (
                        Not(Known(Fact("lifecycle.approved_months"))),
                        Cmp("<=", Fact("extension.days"), Fact("lifecycle.approved_days")),
                    )
                ),
            )
        ),
        group="extension",
        topic="extension",
        interpretations=("extension-limit",),
    ),
)
