"""Art. 13-16 — adjustment, extension, revocation and conclusion: their time limits."""

from __future__ import annotations

from sandbox_rules.rules.art12_issuance import _limit
from sandbox_rules.rules.model import Rule

_EX = ("event-day-excluded",)
_CAL = ("consultation-days", "reply-period-start", "event-day-excluded", "roll-forward")

RULES: tuple[Rule, ...] = (
    _limit(
        "time.13.3.b.consult",
        "13.3.b",
        "Trong 03 ngày làm việc kể từ khi nhận đủ hồ sơ hợp lệ, cơ quan đã cấp xin ý kiến các đơn vị có liên quan.",
        "Within 3 working days of a complete valid adjustment dossier, the issuing authority consults related units.",
        "working_days",
        3,
        "dossier_complete",
        "consultation_sent",
        interpretations=_EX,
    ),
    _limit(
        "time.13.3.b.par2.clarify",
        "13.3.b.par2",
        "Sau 05 ngày làm việc kể từ ngày có văn bản yêu cầu giải trình mà không nhận được giải trình thì trả lại "
        "hồ sơ; thời gian giải trình không tính vào thời gian xử lý.",
        "If no clarification arrives within 5 working days of the written request, the dossier is returned; "
        "clarification time is not counted in processing time.",
        "working_days",
        5,
        "clarification_requested",
        "clarification_received",
        interpretations=_EX,
    ),
    _limit(
        "time.13.3.c.replies",
        "13.3.c",
        "Trong 10 ngày, các đơn vị được lấy ý kiến có văn bản trả lời cơ quan đã cấp.",
        "Consulted units reply within 10 days.",
        "days",
        10,
        "consultation_sent",
        "replies_received",
        interpretations=_CAL,
    ),
    _limit(
        "time.14.1.extension-window",
        "14.1",
        "Trong thời gian không quá 30 ngày trước khi kết thúc thời gian thử nghiệm được phê duyệt, gửi đề nghị "
        "gia hạn (HĐTN13, HĐTN14) kèm Báo cáo kết quả.",
        "Within the 30 days before the approved testing period ends, send the extension request (HĐTN13, "
        "HĐTN14) with the results report.",
        "days",
        30,
        "testing_end",
        "extension_request",
        interpretations=("extension-window",),
    ),
    _limit(
        "time.15.1.b.no-start",
        "15.1.b",
        "Sau 90 ngày kể từ ngày được cấp mà không triển khai thử nghiệm và không đề nghị điều chỉnh, gia hạn.",
        "90 days after issue with no testing started and no adjustment or extension requested.",
        "days",
        90,
        "certificate_issued",
        "revocation_ground",
        interpretations=("revocation-timing",),
    ),
    _limit(
        "time.15.2.revocation-decision",
        "15.2",
        "Chậm nhất 15 ngày sau khi có căn cứ thu hồi, ra Quyết định thu hồi.",
        "At the latest 15 days after a ground arises, decide the revocation.",
        "days",
        15,
        "revocation_ground",
        "revocation_decision",
        interpretations=("revocation-timing", "roll-forward"),
    ),
    _limit(
        "time.16.3.b.consult",
        "16.3.b",
        "Trong 03 ngày làm việc kể từ khi nhận đầy đủ hồ sơ hợp lệ, cơ quan đã cấp gửi xin ý kiến các cơ quan, tổ "
        "chức có liên quan.",
        "Within 3 working days of a complete valid conclusion dossier, the issuing authority consults the "
        "related agencies and organisations.",
        "working_days",
        3,
        "dossier_complete",
        "consultation_sent",
        interpretations=_EX,
    ),
    _limit(
        "time.16.3.b.replies",
        "16.3.b",
        "Trong thời hạn 10 ngày, các cơ quan, tổ chức được lấy ý kiến có văn bản trả lời.",
        "Consulted bodies reply within 10 days.",
        "days",
        10,
        "consultation_sent",
        "replies_received",
        interpretations=_CAL,
    ),
    _limit(
        "time.16.3.b.par2.complete-request",
        "16.3.b.par2",
        "Hồ sơ chưa hợp lệ, đầy đủ: trong 03 ngày làm việc có văn bản đề nghị bổ sung, giải trình, hoàn thiện.",
        "Incomplete dossier: within 3 working days ask in writing for it to be completed.",
        "working_days",
        3,
        "dossier_received",
        "completion_requested",
        interpretations=_EX,
    ),
    _limit(
        "time.16.3.b.par2.clarify",
        "16.3.b.par2",
        "Sau 05 ngày làm việc kể từ ngày có văn bản yêu cầu mà không gửi lại văn bản giải trình thì trả lại hồ sơ.",
        "If nothing is sent back within 5 working days of the request, the dossier is returned.",
        "working_days",
        5,
        "completion_requested",
        "completion_received",
        interpretations=_EX,
    ),
    _limit(
        "time.16.3.d.issue",
        "16.3.d",
        "Trong 03 ngày làm việc kể từ ngày nhận đủ ý kiến trả lời, cấp Giấy chứng nhận kết thúc (HĐTN11, HĐTN12).",
        "Within 3 working days of receiving all replies, issue the conclusion certificate (HĐTN11, HĐTN12).",
        "working_days",
        3,
        "replies_received",
        "decision",
        interpretations=_EX,
    ),
)
