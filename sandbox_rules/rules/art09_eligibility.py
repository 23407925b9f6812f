"""Art. 9 — conditions to take part: the organisation (9.1), its legal representative
(9.1, second paragraph, points a-c), the individual (9.2) and the solution (9.3).

The person rules (citizenship, residence, 9.1.a-c) are declared once and instantiated for
the legal representative (citing 9.1) and for an individual applicant (citing 9.2, which
refers to points a-c of 9.1).
"""

from __future__ import annotations

from sandbox_rules.expr import (
    TRUE,
    All,
    AnyOf,
    Cmp,
    Const,
    Exists,
    Expr,
    Fact,
    In,
    Item,
    Not,
    all_of,
    eq,
    is_true,
    item_true,
)
from sandbox_rules.rules.model import Rule, RuleKind, rule

ORG = eq("applicant.kind", "organisation")
IND = eq("applicant.kind", "individual")
SANCTION_FIELDS = ("data", "cybersecurity", "information_technology", "electronic_transactions")
MEASURE_OPEN = ("being_applied", "awaiting", "applied_still_counting")
UNIVERSITY_OR_HIGHER = ("university", "master", "doctorate")


def disqualifying_conviction() -> Expr:
    """9.1.b, first case, for one conviction item."""
    not_expunged = Cmp("==", Item("record_expunged"), Const(False))
    national = Cmp("==", Item("category"), Const("national_security"))
    national_always = eq("interp.conviction-expunged-scope", "national-security-always")
    other = all_of(
        Cmp("==", Item("category"), Const("other_intentional")),
        Cmp(">=", Item("prison_years"), Const(3)),
        not_expunged,
    )
    return AnyOf((All((national, AnyOf((not_expunged, national_always)))), other))


def _person_rules(
    prefix: str, who_vi: str, who_en: str, base: str, when: Expr, topic: str
) -> tuple[Rule, ...]:
    """9.1.a-c (and citizenship/residence) for a person; ``base`` is 9.1.par2 or 9.2."""

    def cites(point: str) -> tuple[str, ...]:
        return (f"9.1.{point}",) if base == "9.1.par2" else ("9.2", f"9.1.{point}")

    return (
        rule(
            f"{prefix}.citizen",
            base,
            RuleKind.CONDITION,
            f"{who_vi} là công dân Việt Nam.",
            f"{who_en} is a Vietnamese citizen.",
            is_true(f"{prefix}.vietnamese_citizen"),
            applies_if=when,
            group="eligibility",
            topic=topic,
        ),
        rule(
            f"{prefix}.resident",
            base,
            RuleKind.CONDITION,
            f"{who_vi} thường trú tại Việt Nam.",
            f"{who_en} is permanently resident in Vietnam.",
            is_true(f"{prefix}.permanent_resident"),
            applies_if=when,
            group="eligibility",
            topic=topic,
        ),
        rule(
            f"{prefix}.not-prosecuted",
            cites("a"),
            RuleKind.CONDITION,
            f"{who_vi} không bị cơ quan tiến hành tố tụng khởi tố bị can.",
            f"{who_en} has not been prosecuted as the accused.",
            AnyOf(
                (
                    Cmp("==", Fact(f"{prefix}.prosecuted_as_accused"), Const(False)),
                    all_of(
                        eq("interp.prosecution-scope", "pending-only"),
                        is_true(f"{prefix}.prosecution_ended"),
                    ),
                )
            ),
            applies_if=when,
            group="eligibility",
            topic=topic,
            interpretations=("prosecution-scope",),
        ),
        rule(
            f"{prefix}.no-disqualifying-conviction",
            cites("b"),
            RuleKind.CONDITION,
            f"{who_vi} không bị kết án về tội xâm phạm an ninh quốc gia, hoặc tội khác do lỗi cố ý "
            "từ 03 năm tù trở lên, mà chưa được xóa án tích.",
            f"{who_en} has no unexpunged conviction for a national-security crime, or for another "
            "intentional crime with 3 years' imprisonment or more.",
            Not(Exists(f"{prefix}.convictions", disqualifying_conviction())),
            applies_if=when,
            group="eligibility",
            topic=topic,
            interpretations=("conviction-expunged-scope",),
        ),
        rule(
            f"{prefix}.no-court-measure",
            cites("b"),
            RuleKind.CONDITION,
            f"{who_vi} không đang trong thời gian tạm hoãn chấp hành hình phạt tù, chấp hành cải tạo "
            "không giam giữ, bị quản chế, cấm cư trú, cấm đảm nhiệm chức vụ, cấm kinh doanh ngành, "
            "nghề có điều kiện theo quyết định của Tòa án.",
            f"{who_en} is not under a postponed prison sentence, non-custodial reform, probation, "
            "residence ban, or a court ban on posts or conditional business lines.",
            Not(Exists(f"{prefix}.court_measures", TRUE)),
            applies_if=when,
            group="eligibility",
            topic=topic,
        ),
        rule(
            f"{prefix}.no-counting-sanction",
            cites("c"),
            RuleKind.CONDITION,
            f"{who_vi} không bị xử phạt vi phạm hành chính trong lĩnh vực dữ liệu, an ninh mạng, công "
            "nghệ thông tin, giao dịch điện tử mà chưa hết thời hạn được coi là chưa bị xử phạt.",
            f"{who_en} has no administrative sanction in data, cybersecurity, IT or electronic "
            "transactions that still counts.",
            Not(
                Exists(
                    f"{prefix}.sanctions",
                    All((In(Item("field"), SANCTION_FIELDS), item_true("still_counting"))),
                )
            ),
            applies_if=when,
            group="eligibility",
            topic=topic,
        ),
        rule(
            f"{prefix}.no-handling-measure",
            cites("c"),
            RuleKind.CONDITION,
            f"{who_vi} không đang bị áp dụng, chờ áp dụng, hoặc chưa đủ thời hạn được coi là chưa bị áp "
            "dụng biện pháp xử lý hành chính.",
            f"{who_en} is not subject to, awaiting, or still within the period of an administrative "
            "handling measure.",
            Not(Exists(f"{prefix}.measures", In(Item("status"), MEASURE_OPEN))),
            applies_if=when,
            group="eligibility",
            topic=topic,
        ),
    )


ORGANISATION: tuple[Rule, ...] = (
    rule(
        "org.lawful-legal-entity",
        "9.1.par1",
        RuleKind.CONDITION,
        "Tổ chức là pháp nhân được thành lập và hoạt động hợp pháp trên lãnh thổ Việt Nam.",
        "The organisation is a legal entity lawfully established and operating in Vietnam.",
        is_true("org.lawful_legal_entity"),
        applies_if=ORG,
        group="eligibility",
        topic="applicant",
    ),
    rule(
        "org.not-restructuring",
        "9.1.par1",
        RuleKind.CONDITION,
        "Tổ chức không đang trong quá trình chia, tách, hợp nhất, sáp nhập, chuyển đổi, giải thể, phá "
        "sản theo quyết định đã được ban hành.",
        "The organisation is not being divided, separated, consolidated, merged, converted, dissolved "
        "or made bankrupt under an issued decision.",
        Not(Exists("org.restructuring", item_true("decision_issued"))),
        applies_if=ORG,
        group="eligibility",
        topic="applicant",
    ),
    rule(
        "org.staff-qualified",
        "9.1.par1",
        RuleKind.CONDITION,
        "Đội ngũ cán bộ thực hiện giải pháp thử nghiệm có trình độ chuyên môn về lĩnh vực đảm nhiệm.",
        "The staff implementing the solution have expertise in their field.",
        is_true("org.staff_qualified"),
        applies_if=ORG,
        group="eligibility",
        topic="applicant",
    ),
)

REPRESENTATIVE = _person_rules(
    "rep",
    "Người đại diện theo pháp luật",
    "The legal representative",
    "9.1.par2",
    ORG,
    "representative",
)
INDIVIDUAL = (
    *_person_rules("ind", "Cá nhân", "The individual", "9.2", IND, "applicant"),
    rule(
        "ind.degree",
        "9.2",
        RuleKind.CONDITION,
        "Cá nhân có trình độ đại học trở lên phù hợp với lĩnh vực tham gia thử nghiệm.",
        "The individual holds a university degree or higher relevant to the testing field.",
        All((In(Fact("ind.degree_level"), UNIVERSITY_OR_HIGHER), is_true("ind.degree_relevant"))),
        applies_if=IND,
        group="eligibility",
        topic="applicant",
    ),
)

SOLUTION: tuple[Rule, ...] = (
    rule(
        "solution.innovative",
        "9.3.a",
        RuleKind.CONDITION,
        "Giải pháp có tính đổi mới sáng tạo, đem lại lợi ích, giá trị gia tăng cho người sử dụng dịch vụ "
        "tại Việt Nam.",
        "The solution is innovative and brings benefit and added value to users in Vietnam.",
        is_true("solution.innovative_benefit"),
        group="eligibility",
        topic="solution",
    ),
    rule(
        "solution.risk-framework",
        "9.3.b",
        RuleKind.CONDITION,
        "Đã xây dựng khung quản lý rủi ro về quyền riêng tư và an ninh dữ liệu, tài chính, xã hội và đạo "
        "đức, an ninh quốc gia, và phương án xử lý, khắc phục rủi ro.",
        "A risk-management framework covers privacy and data security, financial, social and ethical, "
        "and national-security risks, with a plan to handle and remedy risks.",
        all_of(
            is_true("solution.risk.privacy"),
            is_true("solution.risk.financial"),
            is_true("solution.risk.social_ethical"),
            is_true("solution.risk.national_security"),
            is_true("solution.risk.remediation_plan"),
        ),
        group="eligibility",
        topic="solution",
    ),
    rule(
        "solution.self-review",
        "9.3.c",
        RuleKind.CONDITION,
        "Giải pháp đã được rà soát, đánh giá đầy đủ trên các khía cạnh hoạt động và chức năng, công dụng, "
        "tính hữu ích.",
        "The solution has been fully reviewed on operation, function, utility and usefulness.",
        is_true("solution.self_review"),
        group="eligibility",
        topic="solution",
    ),
    rule(
        "solution.feasible",
        "9.3.d",
        RuleKind.CONDITION,
        "Giải pháp có tính khả thi để triển khai ứng dụng sau khi hoàn thành thử nghiệm.",
        "The solution is feasible to deploy after testing.",
        is_true("solution.feasible"),
        group="eligibility",
        topic="solution",
    ),
)

RULES: tuple[Rule, ...] = ORGANISATION + REPRESENTATIVE + INDIVIDUAL + SOLUTION
