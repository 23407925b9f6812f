"""Art. 11 — the testing plan must hold seven contents (with the sub-items of 11.2 and 11.4)."""

from __future__ import annotations

from sandbox_rules.expr import Cmp, Const, Fact, all_of, eq, is_true
from sandbox_rules.rules.model import Rule, RuleKind, rule


def _plan(
    rule_id: str, cites: str | tuple[str, ...], vi: str, en: str, *facts: str, **kw: object
) -> Rule:
    cond = all_of(*(is_true(f) for f in facts)) if len(facts) > 1 else is_true(facts[0])
    return rule(
        rule_id, cites, RuleKind.CONDITION, vi, en, cond, group="eligibility", topic="plan", **kw
    )


RULES: tuple[Rule, ...] = (
    rule(
        "plan.name",
        ("11.1", "11.par1"),
        RuleKind.CONDITION,
        "Phương án có tên phương án thử nghiệm.",
        "The plan states its name.",
        # Unknown while absent; a named plan satisfies 11.1.
        Cmp("!=", Fact("plan.name"), Const("")),
        group="eligibility",
        topic="plan",
    ),
    _plan(
        "plan.lead-identity",
        "11.2.a",
        "Phương án có thông tin về nhân thân của cá nhân, người đại diện theo pháp luật của tổ chức.",
        "The plan gives the identity of the individual or of the organisation's legal representative.",
        "plan.lead_identity",
    ),
    _plan(
        "plan.registration",
        "11.2.a",
        "Phương án có thông tin về đăng ký kinh doanh hoặc quyết định thành lập của tổ chức.",
        "The plan gives the organisation's business registration or establishment decision.",
        "plan.registration",
        applies_if=eq("applicant.kind", "organisation"),
    ),
    _plan(
        "plan.participants",
        "11.2.b",
        "Phương án có thông tin về nhân thân, văn bằng, chứng chỉ của người tham gia thử nghiệm.",
        "The plan gives the identity, degrees and certificates of the people taking part.",
        "plan.participants",
    ),
    _plan(
        "plan.necessity",
        "11.3",
        "Phương án nêu sự cần thiết, mục tiêu.",
        "The plan states necessity and objectives.",
        "plan.necessity",
    ),
    _plan(
        "plan.solution-and-risks",
        "11.4",
        "Phương án mô tả giải pháp, đánh giá mức độ rủi ro, quyền lợi, trách nhiệm các bên, các biện pháp "
        "kiểm soát và biện pháp kiểm soát rủi ro chi tiết cho bốn nhóm rủi ro.",
        "The plan describes the solution, assesses the risk level, sets the parties' rights and duties, "
        "the control measures, and detailed controls for the four risk families.",
        "plan.solution_description",
        "plan.risk_level",
        "plan.rights",
        "plan.controls",
        "plan.controls_privacy",
        "plan.controls_financial",
        "plan.controls_social_ethical",
        "plan.controls_national_security",
    ),
    _plan(
        "plan.scope-time-budget",
        "11.5",
        "Phương án nêu phạm vi, thời gian, kinh phí thực hiện.",
        "The plan states scope, time and budget.",
        "plan.scope_time_budget",
    ),
    _plan(
        "plan.expected-results",
        "11.6",
        "Phương án nêu kết quả dự kiến.",
        "The plan states expected results.",
        "plan.expected_results",
    ),
    _plan(
        "plan.explanatory-documents",
        "11.7",
        "Phương án kèm tài liệu thuyết minh, làm rõ nội dung đã trình bày.",
        "The plan has explanatory documents.",
        "plan.explanatory_documents",
    ),
)
