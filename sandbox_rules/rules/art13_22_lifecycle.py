"""Art. 12-22 after the application: the lifecycle as a transition table (12-16), revocation
grounds (15.1), decision limits (15.2, 15.3), obligations (17-19) and duties and liability
(19-22). The lifecycle engine builds its table from these declarations."""

from __future__ import annotations

from sandbox_rules.expr import all_of, any_of, eq, is_false, is_true
from sandbox_rules.rules.model import Rule, RuleKind, rule

LIVE = ("issued", "active", "adjusted", "extended")


def _t(
    rule_id: str,
    cites: str | tuple[str, ...],
    vi: str,
    en: str,
    event: str,
    sources: tuple[str, ...],
    target: str | None,
) -> Rule:
    return rule(
        rule_id,
        cites,
        RuleKind.TRANSITION,
        vi,
        en,
        group="lifecycle",
        topic="lifecycle",
        outcome={"event": event, "from": list(sources), "to": target},
    )


# Testing started or not is tracked apart from the state (lifecycle.LifecycleStatus.testing
# _started_on): 15.1.b foresees an adjustment or extension asked for before deployment, so a
# certificate may be adjusted or extended before or after the start, and starts only once.
STARTABLE_AFTER_CHANGE = ("adjusted", "extended")

TRANSITIONS: tuple[Rule, ...] = (
    _t(
        "life.consultation",
        ("12.3.b", "12.4.b.par1"),
        "Cơ quan tiếp nhận hồ sơ lấy ý kiến: Bộ Công an (Trung tâm dữ liệu quốc gia) và các đơn vị có liên "
        "quan (điểm b khoản 3 Điều 12); đơn vị chủ quản dữ liệu, Bộ Khoa học và Công nghệ và các đơn vị khác "
        "có liên quan (điểm b khoản 4 Điều 12).",
        "The receiving body sends the consultation: to the Ministry of Public Security (National Data "
        "Center) and related units (12.3.b); to the data-owning units, the Ministry of Science and "
        "Technology and other related units (12.4.b).",
        "consultation_sent",
        ("applied",),
        "in_consultation",
    ),
    _t(
        "life.issue",
        ("12.3.d", "12.4.d"),
        "Quyết định cấp bản giấy và bản điện tử Giấy chứng nhận tham gia (mẫu HĐTN03, HĐTN04).",
        "The participation certificate is issued on paper and electronically (forms HĐTN03, HĐTN04).",
        "certificate_issued",
        ("in_consultation",),
        "issued",
    ),
    _t(
        "life.refuse",
        ("12.3.d", "12.4.d"),
        "Không cấp Giấy chứng nhận: văn bản trả lời nêu rõ lý do.",
        "Refusal in writing with reasons.",
        "refused",
        ("in_consultation",),
        "refused",
    ),
    rule(
        "life.return.issuance",
        ("13.3.b.par2", "16.3.b.par2"),
        RuleKind.TRANSITION,
        "Điều 12 không quy định trả lại hồ sơ đề nghị cấp; chỉ theo cách hiểu issuance-return=returned "
        "(tương tự đoạn 2 điểm b khoản 3 Điều 13, đoạn 2 điểm b khoản 3 Điều 16) hồ sơ chưa đầy đủ, hợp lệ "
        "mới bị trả lại.",
        "Art. 12 sets no return of an issuance dossier; only under the reading issuance-return=returned "
        "(by analogy with 13.3.b, second paragraph, and 16.3.b, second paragraph) is an incomplete "
        "dossier returned.",
        eq("interp.issuance-return", "returned"),
        group="lifecycle",
        topic="lifecycle",
        interpretations=("issuance-return",),
        outcome={"event": "returned", "from": ["applied", "in_consultation"], "to": "returned"},
    ),
    _t(
        "life.start",
        "15.1.b",
        "Tổ chức, cá nhân triển khai hoạt động thử nghiệm (một lần).",
        "The holder starts testing (once).",
        "testing_started",
        ("issued",),
        "active",
    ),
    _t(
        "life.start.after-change",
        ("15.1.b", "13.1", "14.2"),
        "Triển khai thử nghiệm sau khi đã được chấp thuận điều chỉnh hoặc gia hạn trước khi triển khai "
        "(điểm b khoản 1 Điều 15 dự liệu việc đề nghị điều chỉnh, gia hạn trước khi triển khai); trạng "
        "thái giữ nguyên.",
        "Testing starts after an adjustment or extension granted before the start (15.1.b foresees "
        "such requests before deployment); the state is kept.",
        "testing_started",
        STARTABLE_AFTER_CHANGE,
        None,
    ),
    _t(
        "life.adjust",
        ("13.1", "13.3.c"),
        "Chỉ được điều chỉnh phương án sau khi được cơ quan đã cấp chấp thuận (văn bản chấp thuận bằng bản "
        "giấy và bản điện tử).",
        "The plan may be adjusted only after the issuing authority approves (approval on paper and "
        "electronically).",
        "adjustment_approved",
        LIVE,
        "adjusted",
    ),
    _t(
        "life.adjust.refuse",
        "13.3.c",
        "Không chấp thuận điều chỉnh: văn bản trả lời nêu rõ lý do; Giấy chứng nhận giữ nguyên.",
        "The adjustment is refused in writing with reasons; the certificate stands as it was.",
        "adjustment_refused",
        LIVE,
        None,
    ),
    _t(
        "life.adjust.return",
        "13.3.b.par2",
        "Hồ sơ điều chỉnh bị trả lại (không giải trình trong 05 ngày làm việc); Giấy chứng nhận giữ nguyên.",
        "The adjustment dossier is returned (no clarification within 5 working days); the certificate "
        "stands as it was.",
        "adjustment_returned",
        LIVE,
        None,
    ),
    _t(
        "life.extend",
        ("14.2", "10.2"),
        "Gia hạn thời gian thử nghiệm theo trình tự khoản 3 Điều 13; chỉ được gia hạn 01 lần.",
        "The period is extended by the Art. 13(3) procedure; only once.",
        "extension_approved",
        ("issued", "active", "adjusted"),
        "extended",
    ),
    _t(
        "life.extend.refuse",
        ("14.2", "13.3.c"),
        "Không chấp thuận gia hạn: văn bản trả lời nêu rõ lý do; thời hạn thử nghiệm giữ nguyên.",
        "The extension is refused in writing with reasons; the testing period stands.",
        "extension_refused",
        LIVE,
        None,
    ),
    _t(
        "life.extend.return",
        ("14.2", "13.3.b.par2"),
        "Hồ sơ gia hạn bị trả lại (không giải trình trong 05 ngày làm việc); thời hạn thử nghiệm giữ nguyên.",
        "The extension dossier is returned (no clarification within 5 working days); the testing "
        "period stands.",
        "extension_returned",
        LIVE,
        None,
    ),
    _t(
        "life.revoke",
        ("15.1", "15.2"),
        "Quyết định thu hồi Giấy chứng nhận, gửi cho tổ chức, cá nhân đã được cấp; đồng thời thu hồi bản điện "
        "tử và thông báo trên Hệ thống thông tin hoặc trang thông tin điện tử của cơ quan.",
        "The revocation decision is issued and sent to the holder; the electronic copy is revoked and the "
        "revocation published on the authority's information system or website.",
        "revoked",
        LIVE,
        "revoked",
    ),
    _t(
        "life.conclude",
        ("16.1.a", "16.1.b", "16.3.d"),
        "Cấp Giấy chứng nhận kết thúc hoạt động thử nghiệm (mẫu HĐTN11, HĐTN12).",
        "The conclusion certificate is issued (forms HĐTN11, HĐTN12).",
        "concluded",
        LIVE,
        "concluded",
    ),
    _t(
        "life.conclude.return",
        "16.3.b.par2",
        "Hồ sơ đề nghị cấp Giấy chứng nhận kết thúc bị trả lại (không bổ sung, giải trình trong 05 ngày làm "
        "việc); Giấy chứng nhận tham gia giữ nguyên.",
        "The conclusion dossier is returned (not completed within 5 working days); the participation "
        "certificate stands.",
        "conclusion_returned",
        LIVE,
        None,
    ),
    _t(
        "life.reissue",
        "12.5",
        "Cấp lại bản giấy Giấy chứng nhận bị mất, hư hỏng (trạng thái không đổi).",
        "The paper certificate is re-issued (state unchanged).",
        "reissued",
        LIVE,
        None,
    ),
)


def _ground(rule_id: str, cite: str, vi: str, en: str, fact: str) -> Rule:
    return rule(
        rule_id,
        cite,
        RuleKind.CONDITION,
        vi,
        en,
        is_true(fact),
        group="revocation",
        topic="revocation",
        outcome={"fact": fact},
    )


REVOCATION: tuple[Rule, ...] = (
    _ground(
        "revoke.15.1.a.request",
        "15.1.a",
        "Thu hồi theo đề nghị của tổ chức, cá nhân đã được cấp.",
        "Revocation at the holder's request.",
        "ground.holder_request",
    ),
    _ground(
        "revoke.15.1.b.no-start",
        "15.1.b",
        "Sau 90 ngày kể từ ngày được cấp mà không triển khai thử nghiệm và không đề nghị điều chỉnh, gia hạn.",
        "90 days after issue with no testing started and no adjustment or extension requested.",
        "ground.no_start_90_days",
    ),
    _ground(
        "revoke.15.1.c.conditions",
        "15.1.c",
        "Không đáp ứng đầy đủ các điều kiện quy định tại khoản 1, khoản 2 Điều 9.",
        "The holder does not fully meet the conditions of Art. 9(1) or 9(2) (the solution criteria "
        "of Art. 9(3) are not a ground).",
        "ground.conditions_lost",
    ),
    _ground(
        "revoke.15.1.d.remediation",
        "15.1.d",
        "Không thực hiện đúng, đủ yêu cầu khắc phục trong quá trình kiểm tra định kỳ hoặc đột xuất.",
        "The holder did not remedy what an inspection required.",
        "ground.remediation_failed",
    ),
    _ground(
        "revoke.15.1.đ.incident",
        "15.1.đ",
        "Phát sinh sự cố, vi phạm mà tổ chức, cá nhân không thể khắc phục được theo yêu cầu.",
        "An incident or violation the holder cannot remedy.",
        "ground.unremediable_incident",
    ),
    rule(
        "revoke.15.2.return-certificate",
        "15.2.par2",
        RuleKind.OBLIGATION,
        "Khi nhận được Quyết định thu hồi, nộp lại Giấy chứng nhận cho cơ quan đã cấp.",
        "On receiving the revocation decision, return the certificate to the issuing authority.",
        group="obligations",
        topic="revocation",
    ),
    rule(
        "revoke.15.3.defence",
        "15.3",
        RuleKind.ROUTING,
        "Bộ Quốc phòng chịu trách nhiệm xem xét dừng thử nghiệm và quyết định thu hồi Giấy chứng nhận thuộc "
        "lĩnh vực quốc phòng, cơ yếu (văn bản ghi 'xem xét dùng thử nghiệm', nhiều khả năng là lỗi chính tả "
        "của 'dừng').",
        "The Ministry of National Defence is responsible for considering halting the testing and for "
        "deciding revocation of certificates in the field of defence and cipher (the text reads 'xem "
        "xét dùng thử nghiệm', almost certainly a typo for 'dừng', halt).",
        is_true("sources.any_defence_or_cipher"),
        group="revocation-authority",
        topic="revocation",
    ),
    rule(
        "conclude.16.4.defence",
        "16.4",
        RuleKind.ROUTING,
        "Bộ trưởng Bộ Quốc phòng cấp Giấy chứng nhận kết thúc thuộc lĩnh vực quốc phòng, cơ yếu.",
        "The Minister of National Defence issues conclusion certificates for defence and cipher testing.",
        is_true("sources.any_defence_or_cipher"),
        group="conclusion-authority",
        topic="conclusion",
    ),
    rule(
        "conclude.16.par1.authority",
        ("16.par1", "16.1.a", "16.1.b"),
        RuleKind.CONDITION,
        "Khi kết thúc thử nghiệm (theo đề nghị trước thời hạn, hoặc hết thời hạn được phê duyệt hoặc gia hạn), "
        "cơ quan có thẩm quyền tại khoản 1 Điều 12 xem xét cấp Giấy chứng nhận kết thúc.",
        "When testing ends (on request before the approved end, or when the approved or extended period "
        "ends), the authority of Art. 12(1) considers issuing the conclusion certificate.",
        group="conclusion",
        topic="conclusion",
    ),
)


def _duty(
    rule_id: str, cite: str, vi: str, en: str, actor: str, interpretations: tuple[str, ...] = ()
) -> Rule:
    fact = f"duty.{rule_id}"
    # Art. 19's introductory words make its duties run during and after testing.
    cites: str | tuple[str, ...] = (cite, "19.par1") if cite.startswith("19.") else cite
    return rule(
        f"duty.{rule_id}",
        cites,
        RuleKind.OBLIGATION,
        vi,
        en,
        is_true(fact),
        group=f"duties.{actor}",
        topic="duties",
        outcome={"fact": fact, "actor": actor},
        interpretations=interpretations,
    )


PARTICIPANT_DUTIES: tuple[Rule, ...] = (
    _duty(
        "13.1.adjust-only-after-approval",
        "13.1",
        "Chỉ điều chỉnh phương án sau khi được chấp thuận.",
        "Adjust the plan only after approval.",
        "participant",
    ),
    _duty(
        "17.3.remediate",
        "17.3",
        "Khắc phục tồn tại, hạn chế, vi phạm đã được ghi ý kiến tại biên bản kiểm tra trong 30 ngày kể từ "
        "ngày kết thúc kiểm tra.",
        "Remedy what the inspection record comments on within 30 days of the inspection's end.",
        "participant",
    ),
    _duty(
        "18.1.report",
        ("18.1"),
        "Báo cáo định kỳ hàng quý và cung cấp thông tin đột xuất.",
        "Report quarterly and provide ad hoc information.",
        "participant",
    ),
    _duty(
        "18.2.channel",
        "18.2",
        "Nộp báo cáo bằng phương thức điện tử hoặc văn bản tới cơ quan đã cấp.",
        "Submit reports electronically or in writing to the issuing authority.",
        "participant",
    ),
    _duty(
        "18.3.quarterly",
        "18.3",
        "Nộp báo cáo quý đúng hạn (ngày 05 tháng đầu quý sau).",
        "File each quarterly report on time (5th of the next quarter's first month).",
        "participant",
    ),
    _duty(
        "18.4.results-report",
        "18.4",
        "Nộp Báo cáo kết quả ít nhất 30 ngày trước khi kết thúc thời hạn.",
        "File the results report at least 30 days before the end.",
        "participant",
    ),
    _duty(
        "18.5.incidents",
        "18.5",
        "Báo cáo sự cố ngay qua điện thoại, khắc phục và báo cáo bằng văn bản.",
        "Report incidents at once by telephone, remedy them and report in writing.",
        "participant",
    ),
    _duty(
        "19.1.warn-users",
        "19.1",
        "Khuyến cáo rủi ro và cung cấp thông tin chính xác, đầy đủ, trung thực cho người dùng.",
        "Warn users of risks and give accurate, complete, honest information.",
        "participant",
    ),
    _duty(
        "19.2.risk-assessments",
        "19.2",
        "Đánh giá rủi ro định kỳ hàng tháng, quý; thông báo kịp thời khi mức độ rủi ro thay đổi.",
        "Assess risks monthly and quarterly; notify users promptly of changed risk levels.",
        "participant",
        ("risk-assessment-period",),
    ),
    _duty(
        "19.3.complaints",
        "19.3",
        "Công bố đầu mối giải quyết khiếu nại và xử lý mọi yêu cầu tra soát, khiếu nại.",
        "Publish a complaints contact and handle every complaint.",
        "participant",
    ),
    _duty(
        "19.4.compensation",
        "19.4",
        "Bồi thường thiệt hại, khắc phục hậu quả theo pháp luật dân sự.",
        "Compensate damage and remedy consequences under civil law.",
        "participant",
    ),
    _duty(
        "19.5.consumer-law",
        "19.5",
        "Thực hiện trách nhiệm khác theo pháp luật bảo vệ người tiêu dùng và pháp luật liên quan.",
        "Other duties under consumer-protection and related law.",
        "participant",
    ),
    _duty(
        "21.2.safeguards",
        "21.2",
        "Bảo đảm quốc phòng, an ninh, trật tự, an toàn xã hội, quyền lợi người dùng, lợi ích xã hội.",
        "Safeguard defence, security, order, users' rights and society's interests.",
        "participant",
    ),
    _duty(
        "21.3.transparency",
        "21.3",
        "Báo cáo đầy đủ tình trạng thử nghiệm, rủi ro, biện pháp bồi thường; công khai, minh bạch.",
        "Report fully on status, risks and compensation; be transparent.",
        "participant",
    ),
    _duty(
        "21.4.comply",
        "21.4",
        "Chấp hành yêu cầu của cơ quan đã cấp để thử nghiệm đúng phương án.",
        "Comply with the issuing authority's requirements to follow the plan.",
        "participant",
    ),
)

AUTHORITY_DUTIES: tuple[Rule, ...] = (
    _duty(
        "17.1.supervise",
        "17.1",
        "Giám sát việc thực hiện phương án đã được phê duyệt.",
        "Supervise the implementation of the approved plan.",
        "authority",
    ),
    _duty(
        "17.2.inspect",
        ("17.2"),
        "Kiểm tra tại chỗ đối với tổ chức tham gia định kỳ 01 lần/năm hoặc đột xuất.",
        "Inspect participating organisations on site once a year, or ad hoc.",
        "authority",
        (
            "inspection-year",
            "inspection-individual",
            "inspection-kind-unstated",
            "ad-hoc-inspection",
        ),
    ),
    _duty(
        "17.2.record",
        "17.2.par2",
        "Kết thúc kiểm tra phải lập biên bản ghi rõ kết quả, tồn tại, vi phạm và nguyên nhân.",
        "Draw up a written record at the end of each inspection.",
        "authority",
    ),
    _duty(
        "20.1.guidance",
        "20.1",
        "Tham mưu xây dựng, điều chỉnh hướng dẫn thực hiện pháp luật.",
        "Advise on guidance for the law on controlled testing.",
        "authority",
    ),
    _duty(
        "20.2.legal-questions",
        "20.2",
        "Tiếp nhận, giải đáp vướng mắc pháp luật phát sinh.",
        "Receive and answer legal questions arising.",
        "authority",
    ),
    _duty(
        "20.3.supervision",
        "20.3",
        "Kiểm tra, giám sát; đánh giá biện pháp kiểm soát rủi ro; ngăn ngừa lạm dụng.",
        "Inspect, supervise, assess risk controls, prevent abuse.",
        "authority",
    ),
    _duty(
        "20.4.petitions",
        "20.4",
        "Tiếp nhận, giải quyết kiến nghị, phản ánh của người dùng, bên thứ ba.",
        "Handle petitions of users and third parties.",
        "authority",
    ),
    _duty(
        "20.5.measures",
        "20.5",
        "Yêu cầu báo cáo, giải trình; bổ sung biện pháp kiểm soát rủi ro; quyết định điều chỉnh phạm vi, gia hạn, "
        "tạm dừng, kết thúc thử nghiệm.",
        "Require reports and explanations and additional risk controls; decide to adjust the scope, "
        "extend, suspend or end the testing.",
        "authority",
    ),
    _duty(
        "20.6.waivers",
        "20.6",
        "Quyết định phạm vi miễn áp dụng quy định pháp luật cho từng dự án.",
        "Decide which legal provisions are waived for each project.",
        "authority",
    ),
)

LIABILITY: tuple[Rule, ...] = (
    rule(
        "liability.22.1.authority",
        "22.1",
        RuleKind.CONDITION,
        "Cơ quan, tổ chức, cá nhân tham gia thẩm định, kiểm tra, giám sát, đánh giá đã thực hiện đúng, đầy đủ Điều 20 "
        "trong phạm vi trách nhiệm được giao thì được miễn trách nhiệm dân sự khi gây thiệt hại cho Nhà nước.",
        "Appraisers and supervisors who fully performed the Art. 20 duties within their remit are exempt "
        "from civil liability for damage caused to the State.",
        # Each Art. 20 duty counts only if it is within the actor's remit (remit.20.x).
        all_of(
            *(
                any_of(is_false(f"remit.{r.citation.short}"), is_true(str(r.outcome["fact"])))
                for r in AUTHORITY_DUTIES
                if r.citation.article == 20
            )
        ),
        group="liability",
        topic="liability",
        interpretations=("authority-exemption-remit",),
    ),
    rule(
        "liability.22.2.participant",
        "22.2",
        RuleKind.CONDITION,
        "Tổ chức, cá nhân tham gia thử nghiệm đã thực hiện đầy đủ các quy trình, quy định liên quan thì được miễn trách "
        "nhiệm dân sự khi gây thiệt hại cho Nhà nước.",
        "Participants who fully followed the relevant procedures and rules are exempt from civil liability "
        "for damage caused to the State.",
        all_of(
            *(is_true(f"duty.{r.id.removeprefix('duty.')}") for r in PARTICIPANT_DUTIES),
            is_true("duty.other-law"),
        ),
        group="liability",
        topic="liability",
        interpretations=("participant-exemption-scope",),
    ),
)

PROCEDURE_NOTES: tuple[Rule, ...] = (
    rule(
        "proc.13.3.a.file",
        "13.3.a",
        RuleKind.OBLIGATION,
        "Gửi hồ sơ đề nghị điều chỉnh (trực tuyến, trực tiếp hoặc qua bưu chính) đến cơ quan đã cấp Giấy chứng nhận.",
        "File the adjustment dossier (online, in person or by post) with the issuing authority.",
        group="procedure-notes",
        topic="procedure",
        outcome={"procedure": "adjustment"},
    ),
    rule(
        "proc.16.3.a.file",
        "16.3.a",
        RuleKind.OBLIGATION,
        "Nộp 01 bộ hồ sơ kết thúc (trực tuyến, trực tiếp hoặc qua bưu chính) về cơ quan đã cấp Giấy chứng nhận.",
        "File one conclusion dossier (online, in person or by post) with the issuing authority.",
        group="procedure-notes",
        topic="procedure",
        outcome={"procedure": "conclusion"},
    ),
    rule(
        "proc.12.4.b.council",
        # "có thể thành lập Hội đồng tư vấn" closes đoạn 1; đoạn 2 is its composition.
        ("12.4.b.par1", "12.4.b.par2"),
        RuleKind.OBLIGATION,
        "Bộ Công an có thể thành lập Hội đồng tư vấn (thành phần theo đoạn 2 điểm b khoản 4 Điều 12); văn bản không quy định thời hạn riêng.",
        "The Ministry of Public Security may set up an advisory council (composition in Art. 12(4)(b)); "
        "the text sets no separate time limit for it.",
        group="procedure-notes",
        topic="procedure",
        outcome={"procedure": "issuance-12.4"},
    ),
    rule(
        "proc.16.3.c.council",
        "16.3.c",
        RuleKind.OBLIGATION,
        "Cơ quan đã cấp có thể thành lập Hội đồng tư vấn để nghiệm thu kết quả; văn bản không quy định thời hạn riêng.",
        "The issuing authority may set up an advisory council to accept the results; the text sets no "
        "separate time limit for it.",
        group="procedure-notes",
        topic="procedure",
        outcome={"procedure": "conclusion"},
    ),
)

PRINCIPLES: tuple[Rule, ...] = (
    rule(
        "principle.8.6.not-yet-regulated",
        "8.6",
        RuleKind.OBLIGATION,
        "Đối với các sản phẩm, dịch vụ khoa học, công nghệ và đổi mới sáng tạo chưa được pháp luật quy định, "
        "tổ chức, cá nhân có nhu cầu và đáp ứng các điều kiện, tiêu chí đăng ký được phê duyệt, cấp Giấy "
        "chứng nhận theo Nghị định này; đây là mục đích của cơ chế, không phải thêm một điều kiện ngoài "
        "Điều 9.",
        "Products and services of science, technology and innovation not yet regulated by law: applicants "
        "who need it and meet the conditions and criteria are approved and certified under this Decree; "
        "this states the mechanism's purpose and adds no condition to Art. 9.",
        group="notes",
        topic="notes",
    ),
    rule(
        "principle.8.1.other-law",
        "8.1",
        RuleKind.OBLIGATION,
        "Trường hợp pháp luật liên quan có quy định khác về hoạt động thử nghiệm có kiểm soát thì thực hiện theo pháp luật có liên quan.",
        "Where related law regulates controlled testing differently, that law applies (shown in reports).",
        group="notes",
        topic="notes",
    ),
    rule(
        "note.16.5.no-licence",
        "16.5",
        RuleKind.OBLIGATION,
        "Giấy chứng nhận kết thúc không thay thế Giấy đăng ký kinh doanh, Giấy phép hoạt động.",
        "The conclusion certificate replaces no business registration or licence.",
        group="notes",
        topic="notes",
    ),
    rule(
        "note.21.1.exemptions",
        "21.1",
        RuleKind.OBLIGATION,
        "Tổ chức, cá nhân thực hiện thử nghiệm được phép không áp dụng một số quy định của pháp luật về tiêu "
        "chuẩn, quy chuẩn kỹ thuật đối với công nghệ, sản phẩm, dịch vụ, điều kiện kinh doanh, trình tự, thủ "
        "tục cấp phép, bảo đảm điều kiện kinh doanh và các quy định khác không phù hợp với đặc điểm, tính năng "
        "mới của công nghệ, sản phẩm, dịch vụ hoặc mô hình kinh doanh được đề xuất thử nghiệm.",
        "Participants may be exempted from some legal rules on standards and technical regulations for "
        "technologies, products and services, on business conditions, on licensing procedures and on "
        "ensuring business conditions, and from other rules, that do not suit the new features of the "
        "technology, product, service or business model proposed for testing.",
        group="notes",
        topic="notes",
    ),
)

RULES: tuple[Rule, ...] = (
    TRANSITIONS
    + REVOCATION
    + PARTICIPANT_DUTIES
    + AUTHORITY_DUTIES
    + LIABILITY
    + PROCEDURE_NOTES
    + PRINCIPLES
)
