"""Art. 12 — issuing the participation certificate: who decides (12.1, with the defence
exception made explicit), the procedure's time limits (12.3, 12.4) and re-issue (12.5)."""

from __future__ import annotations

from sandbox_rules.expr import Cmp, Const, Expr, Fact, Not, all_of, any_of, eq, is_false, is_true
from sandbox_rules.rules.model import Rule, RuleKind, rule

_DEFENCE = "sources.any_defence_or_cipher"
_MANAGERS = "sources.authority_count"

AUTHORITY: tuple[Rule, ...] = (
    rule(
        "route.12.1.a.own-sources",
        "12.1.a",
        RuleKind.ROUTING,
        "Bộ trưởng, Thủ trưởng cơ quan ngang bộ, cơ quan thuộc Chính phủ, Chủ tịch UBND cấp tỉnh "
        "cấp Giấy chứng nhận khi chỉ sử dụng nguồn dữ liệu do bộ, ngành, địa phương mình quản lý.",
        "The minister, head of agency or provincial People's Committee chairman issues the "
        "certificate when only sources managed by that ministry, sector or province are used.",
        all_of(is_false(_DEFENCE), Cmp("==", Fact(_MANAGERS), Const(1))),
        group="authority",
        topic="routing",
        interpretations=("authority-count-basis",),
        outcome={"authority": "managing_body_head", "delegable": True},
    ),
    rule(
        "route.12.1.b.public-security",
        "12.1.b",
        RuleKind.ROUTING,
        "Bộ trưởng Bộ Công an cấp Giấy chứng nhận khi sử dụng nguồn dữ liệu của từ 02 bộ, ngành, "
        "địa phương trở lên, trừ trường hợp tại điểm c.",
        "The Minister of Public Security issues the certificate when sources of two or more "
        "ministries, sectors or provinces are used, except the case of point c.",
        Cmp(">=", Fact(_MANAGERS), Const(2)),
        group="authority",
        topic="routing",
        interpretations=("authority-count-basis",),
        outcome={"authority": "minister_of_public_security", "delegable": True},
    ),
    rule(
        "route.12.1.c.national-defence",
        "12.1.c",
        RuleKind.ROUTING,
        "Bộ trưởng Bộ Quốc phòng cấp Giấy chứng nhận khi có sử dụng nguồn dữ liệu thuộc lĩnh vực "
        "quốc phòng, cơ yếu.",
        "The Minister of National Defence issues the certificate when any defence or cipher "
        "data source is used.",
        is_true(_DEFENCE),
        group="authority",
        topic="routing",
        exception_to=("route.12.1.b.public-security",),
        interpretations=("defence-overrides",),
        outcome={"authority": "minister_of_national_defence", "delegable": True},
    ),
)


def _limit(
    rule_id: str,
    cite: str,
    vi: str,
    en: str,
    unit: str,
    n: int,
    starts: str,
    ends: str,
    **kw: object,
) -> Rule:
    return rule(
        rule_id,
        cite,
        RuleKind.TIME_LIMIT,
        vi,
        en,
        topic="time_limit",
        outcome={"period": {"unit": unit, "n": n}, "starts": starts, "ends": ends},
        **kw,  # type: ignore[arg-type]
    )


TIME_LIMITS: tuple[Rule, ...] = (
    _limit(
        "time.12.3.b.consult",
        "12.3.b",
        "Trong 03 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ, cơ quan tiếp nhận lấy ý kiến Bộ Công an "
        "(Trung tâm dữ liệu quốc gia) và các đơn vị có liên quan.",
        "Within 3 working days of receiving a complete valid dossier, consult the Ministry of Public "
        "Security (National Data Center) and related units.",
        "working_days",
        3,
        "dossier_complete",
        "consultation_sent",
        interpretations=("event-day-excluded",),
    ),
    _limit(
        "time.12.3.c.replies",
        "12.3.c",
        "Trong 10 ngày, các đơn vị được lấy ý kiến có văn bản trả lời.",
        "Consulted units reply in writing within 10 days.",
        "days",
        10,
        "consultation_sent",
        "replies_received",
        interpretations=(
            "consultation-days",
            "reply-period-start",
            "event-day-excluded",
            "roll-forward",
        ),
    ),
    _limit(
        "time.12.3.d.decide",
        "12.3.d",
        "Trong 03 ngày làm việc kể từ ngày nhận được đầy đủ ý kiến trả lời, cơ quan có thẩm quyền quyết định "
        "cấp bản giấy và bản điện tử Giấy chứng nhận (mẫu HĐTN03, HĐTN04) hoặc trả lời nêu rõ lý do.",
        "Within 3 working days of receiving all replies, the competent authority issues the certificate on "
        "paper and electronically (forms HĐTN03, HĐTN04) or refuses with reasons.",
        "working_days",
        3,
        "replies_received",
        "decision",
        interpretations=("event-day-excluded",),
    ),
    _limit(
        "time.12.4.b.consult",
        "12.4.b.par1",
        "Trong 03 ngày làm việc kể từ ngày nhận được đầy đủ hồ sơ hợp lệ, Bộ Công an (Trung tâm dữ liệu "
        "quốc gia) gửi văn bản lấy ý kiến của đơn vị chủ quản dữ liệu, Bộ Khoa học và Công nghệ và các đơn "
        "vị khác có liên quan.",
        "Within 3 working days of receiving a complete valid dossier, the Ministry of Public Security "
        "(National Data Center) sends the consultation to the data-owning units, the Ministry of "
        "Science and Technology and the other related units.",
        "working_days",
        3,
        "dossier_complete",
        "consultation_sent",
        interpretations=("event-day-excluded",),
    ),
    _limit(
        "time.12.4.c.replies",
        "12.4.c",
        "Trong 10 ngày, các đơn vị được lấy ý kiến có văn bản trả lời Bộ Công an.",
        "Consulted units reply to the Ministry of Public Security within 10 days.",
        "days",
        10,
        "consultation_sent",
        "replies_received",
        interpretations=(
            "consultation-days",
            "reply-period-start",
            "event-day-excluded",
            "roll-forward",
        ),
    ),
    _limit(
        "time.12.4.d.decide",
        "12.4.d",
        "Trong 03 ngày làm việc kể từ ngày nhận được đầy đủ ý kiến trả lời, cơ quan có thẩm quyền theo khoản 1 "
        "Điều 12 (có thể khác nơi tiếp nhận hồ sơ) quyết định cấp bản giấy và bản điện tử Giấy chứng nhận "
        "(mẫu HĐTN03, HĐTN04) hoặc trả lời nêu rõ lý do.",
        "Within 3 working days of receiving all replies, the competent authority of Art. 12(1) (which "
        "may differ from the body that received the dossier) issues the certificate on paper and electronically (forms HĐTN03, "
        "HĐTN04) or refuses with reasons.",
        "working_days",
        3,
        "replies_received",
        "decision",
        interpretations=("event-day-excluded",),
    ),
    _limit(
        "time.12.5.reissue",
        "12.5",
        "Trong 03 ngày làm việc kể từ ngày nhận được tờ khai, cấp lại Giấy chứng nhận hoặc trả lời nêu rõ lý do.",
        "Within 3 working days of receiving the declaration, re-issue the certificate or refuse with reasons.",
        "working_days",
        3,
        "reissue_declaration_received",
        "reissue_decision",
        interpretations=("event-day-excluded",),
    ),
)

# -- Procedure: 12.3 (one source of one unit), 12.4 (two sources of two units), 12.6 (defence).
# The text decides only the literal cases; the rest follow named interpretations, which the
# conditions read as facts (interp.*). The four rules partition every known case (tested).
D = is_true(_DEFENCE)
ND = is_false(_DEFENCE)
U = Fact("sources.owning_unit_count")
M = Fact("sources.managing_body_count")
S = Fact("sources.count")
STRICT = eq("interp.procedure-many-sources", "strict")
LOOSE = eq("interp.procedure-many-sources", "two-or-more-is-12.4")
SAME_MANAGER_CA = all_of(
    Cmp(">=", U, Const(2)),
    Cmp("==", M, Const(1)),
    eq("interp.same-manager-two-units", "competent-authority"),
)
MPS_RECEIVES = eq("interp.defence-overrides", "mps-receives")
LITERAL_TWO = all_of(Cmp("==", S, Const(2)), Cmp("==", U, Const(2)))
ONE_UNIT = Cmp("==", U, Const(1))
MULTI_UNIT = Cmp(">=", U, Const(2))


def _proc(
    rule_id: str,
    cites: str | tuple[str, ...],
    vi: str,
    en: str,
    cond: Expr,
    outcome: dict[str, object],
) -> Rule:
    return rule(
        rule_id,
        cites,
        RuleKind.ROUTING,
        vi,
        en,
        cond,
        group="procedure",
        topic="routing",
        interpretations=("procedure-many-sources", "same-manager-two-units", "defence-overrides"),
        outcome=outcome,
    )


PROCEDURE: tuple[Rule, ...] = (
    _proc(
        "route.12.6.defence",
        ("12.6", "12.1.c"),
        "Có nguồn dữ liệu thuộc lĩnh vực quốc phòng, cơ yếu: thực hiện theo trình tự, thủ tục do Bộ trưởng "
        "Bộ Quốc phòng hướng dẫn.",
        "Defence or cipher data: the procedure set by the Minister of National Defence applies.",
        all_of(D, any_of(Not(MPS_RECEIVES), ONE_UNIT)),
        {"procedure": "12.6", "receiver": "BQP"},
    ),
    _proc(
        "route.12.3.one-unit",
        ("12.3", "12.3.par1", "12.3.a"),
        "Sử dụng một nguồn dữ liệu từ một đơn vị chủ quản dữ liệu: nộp hồ sơ về cơ quan có thẩm quyền cấp.",
        "One data source of one data-owning unit: file with the competent authority.",
        all_of(
            ND, any_of(all_of(ONE_UNIT, any_of(LOOSE, Cmp("==", S, Const(1)))), SAME_MANAGER_CA)
        ),
        {"procedure": "12.3", "receiver": "competent_authority"},
    ),
    _proc(
        "route.12.4.two-units",
        ("12.4", "12.4.par1", "12.4.a"),
        "Sử dụng hai nguồn dữ liệu từ hai đơn vị chủ quản dữ liệu: nộp hồ sơ về Bộ Công an (Trung tâm dữ "
        "liệu quốc gia).",
        "Two data sources of two data-owning units: file with the Ministry of Public Security "
        "(National Data Center).",
        all_of(
            MULTI_UNIT,
            any_of(LOOSE, LITERAL_TWO),
            any_of(all_of(ND, Not(SAME_MANAGER_CA)), all_of(D, MPS_RECEIVES)),
        ),
        {"procedure": "12.4", "receiver": "BCA-NDC"},
    ),
    _proc(
        "route.gap.strict",
        ("12.3.par1", "12.4.par1"),
        "Văn bản không quy định trình tự cho trường hợp này (cách hiểu chặt): đề nghị hỏi ý kiến cơ quan có "
        "thẩm quyền.",
        "The text sets no procedure for this case (strict reading): ask the competent authority.",
        all_of(
            STRICT,
            any_of(
                all_of(ND, ONE_UNIT, Cmp(">", S, Const(1))),
                all_of(ND, MULTI_UNIT, Not(SAME_MANAGER_CA), Not(LITERAL_TWO)),
                all_of(D, MPS_RECEIVES, MULTI_UNIT, Not(LITERAL_TWO)),
            ),
        ),
        {"procedure": None, "receiver": None},
    ),
)

RULES: tuple[Rule, ...] = AUTHORITY + PROCEDURE + TIME_LIMITS
