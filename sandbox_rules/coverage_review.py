"""The second clause-by-clause review of Art. 13-22 (issue 8, item 11), rendered into
docs/coverage.md: for every unit, what was read against the Vietnamese text and what changed.

A test checks that every coverage unit of Art. 13-22 has an entry, so a new unit cannot go
unreviewed. "—" in *changed* means the rule already said what the text says.
"""

from __future__ import annotations

NO_CHANGE = "—"

# unit -> (what was checked against the text, what changed)
REVIEW_13_22: dict[str, tuple[str, str]] = {
    "13.1": (
        "'chỉ được thực hiện điều chỉnh sau khi được cơ quan cấp ... chấp thuận': duty 13.1 and "
        "life.adjust (approval only)",
        "an adjustment may now be approved before or after the start (start tracked apart)",
    ),
    "13.2.par1": ("heading 'Hồ sơ gồm'", NO_CHANGE),
    "13.2.a": ("forms HĐTN05, HĐTN06 for 'tổ chức, cá nhân' (form-order)", NO_CHANGE),
    "13.2.b": ("the adjusted plan", NO_CHANGE),
    "13.2.c": (
        "results report only 'trong trường hợp việc điều chỉnh ... dẫn đến phải gia hạn'",
        "adjustment_approved takes months; such an adjustment counts toward 10.2's single "
        "extension (reading lengthening-adjustment-counts)",
    ),
    "13.3.par1": ("heading", NO_CHANGE),
    "13.3.a": ("filing online, in person or by post to 'cơ quan đã cấp'", NO_CHANGE),
    "13.3.b.par1": (
        "3 working days 'kể từ khi nhận đầy đủ hồ sơ hợp lệ'; consultees 'các đơn vị có liên quan'",
        "consultees given as data (procedures.CONSULTEES)",
    ),
    "13.3.b.par2": (
        "written request, 5 working days, 'có văn bản trả lại hồ sơ', clock stop",
        "the return ends the adjustment (life.adjust.return), not the certificate; the state "
        "'returned' is no longer reachable from it",
    ),
    "13.3.c": (
        "10 days for replies; approval 'bằng bản giấy và bản điện tử' or reasoned refusal; no "
        "time limit for the approval",
        "refusal is a transition (life.adjust.refuse); reply start is a reading "
        "(reply-period-start); the approval document is named in the timeline",
    ),
    "14.1": (
        "'Trong thời gian không quá 30 ngày, trước khi kết thúc thời gian thử nghiệm được phê "
        "duyệt'; forms HĐTN13, HĐTN14 with the results report",
        "the window sits before the end in force (after a lengthening adjustment) and is checked "
        "against the end in force on the day of the request",
    ),
    "14.2": (
        "decided 'theo trình tự quy định tại khoản 3 Điều 13'",
        "refusal and return of an extension dossier are transitions that keep the period "
        "(life.extend.refuse, life.extend.return); testing may start after an extension",
    ),
    "15.1.par1": ("'xem xét, quyết định thu hồi ... trong các trường hợp sau'", NO_CHANGE),
    "15.1.a": ("revocation at the holder's request", NO_CHANGE),
    "15.1.b": (
        "'Sau 90 ngày ... mà ... không triển khai hoạt động thử nghiệm và không đề nghị điều "
        "chỉnh, gia hạn'",
        "an approval, refusal or return of an adjustment or extension before day 90 also shows a "
        "request; a second start is refused; start possible after a change granted before it",
    ),
    "15.1.c": (
        "'không đáp ứng đầy đủ các điều kiện quy định tại khoản 1, khoản 2 Điều 9'",
        "evaluated from the Art. 9(1)/(2) facts of an applicant_changed event with the "
        "eligibility rules of 9.1 and 9.2 only (never 9.3); the declared event conditions_lost "
        "is gone; the ground lists failed_rules",
    ),
    "15.1.d": (
        "'không thực hiện đúng, đầy đủ yêu cầu khắc phục trong quá trình kiểm tra'",
        "only an inspection whose minutes require remediation (remediation_required) creates the "
        "17.3 duty and, unmet, this ground; unknown findings give an undetermined ground",
    ),
    "15.1.đ": ("incident or violation the holder 'không thể khắc phục được'", NO_CHANGE),
    "15.2.par1": (
        "'Chậm nhất 15 ngày, sau khi có căn cứ'; electronic copy revoked, revocation published",
        "life.revoke now states the electronic revocation and the publication",
    ),
    "15.2.par2": ("the holder returns the certificate on receiving the decision", NO_CHANGE),
    "15.3": (
        "'Bộ Quốc phòng chịu trách nhiệm xem xét dùng thử nghiệm và quyết định thu hồi'",
        "the power over halting the testing is kept ('dùng' read as 'dừng', the typo noted); "
        "English summary corrected",
    ),
    "16.par1": ("'cơ quan có thẩm quyền quy định tại khoản 1 Điều 12 xem xét cấp'", NO_CHANGE),
    "16.1.par1": ("heading", NO_CHANGE),
    "16.1.a": ("request to end before the approved end", NO_CHANGE),
    "16.1.b": ("end of the approved or extended period", NO_CHANGE),
    "16.2.par1": ("heading", NO_CHANGE),
    "16.2.a": ("forms HĐTN09, HĐTN10 (form-order)", NO_CHANGE),
    "16.2.b": ("results report HĐTN07 individual, HĐTN08 organisation", NO_CHANGE),
    "16.3.par1": ("heading", NO_CHANGE),
    "16.3.a": ("filing to 'cơ quan đã cấp'", "English summary says the agency"),
    "16.3.b.par1": (
        "3 working days to 'gửi xin ý kiến các cơ quan, tổ chức có liên quan'; 10 days to reply",
        "the consult rule no longer restates the reply period; consultees as data",
    ),
    "16.3.b.par2": (
        "completion request within 3 working days, 5 working days, return, clock stop",
        "the return ends the conclusion procedure (life.conclude.return), not the certificate",
    ),
    "16.3.c": ("optional advisory council, composition of 12.4.b; no time limit", NO_CHANGE),
    "16.3.d": (
        "3 working days after all replies; forms HĐTN11, HĐTN12",
        "the conclusion certificate and its forms are data (procedures.ISSUES) in the timeline",
    ),
    "16.4": ("Minister of National Defence for defence and cipher", NO_CHANGE),
    "16.5": ("no replacement for a business registration or licence", NO_CHANGE),
    "17.1": ("the authority supervises the approved plan", NO_CHANGE),
    "17.2.par1": (
        "'định kỳ 01 lần/năm hoặc đột xuất' inspections of 'tổ chức tham gia'",
        "reading inspection-individual (default organisations-only): for an individual the "
        "schedule shows an undated note instead of yearly visits; a periodic inspection "
        "(inspection_kind) marks a year done, an ad hoc one under the reading "
        "ad-hoc-inspection (default separate: not), one of unstated kind under "
        "inspection-kind-unstated",
    ),
    "17.2.par2": ("minutes state results, shortcomings or violations and causes", NO_CHANGE),
    "17.2.a": ("content of an inspection", NO_CHANGE),
    "17.2.b": ("content of an inspection", NO_CHANGE),
    "17.2.c": ("content of an inspection", NO_CHANGE),
    "17.3": (
        "30 days to remedy what the minutes note ('có ý kiến tại biên bản kiểm tra')",
        "the 30-day duty arises only when the minutes require remediation; a clean inspection "
        "creates none",
    ),
    "17.4": ("discretionary handling under other law", NO_CHANGE),
    "18.1": ("quarterly and ad hoc reporting to the issuing authority", NO_CHANGE),
    "18.2": ("electronic or written submission", NO_CHANGE),
    "18.3": (
        "forms HĐTN08 organisation, HĐTN07 individual; quarter's data; 'chậm nhất là ngày 05'",
        "the time-limit rule names the forms; nothing falls due after a revocation or "
        "conclusion (ended_on)",
    ),
    "18.4": (
        "'Trước khi kết thúc thời hạn thử nghiệm ít nhất 30 ngày'",
        "the end in force includes a lengthening adjustment",
    ),
    "18.5": (
        "'gọi điện thoại báo cáo ngay', 'đồng thời tổ chức khắc phục', 'sau 03 ngày' written report",
        "the telephone report ('ngay') and the remedy ('đồng thời') are dated on the day the "
        "incident is found, beside the written report",
    ),
    "19.par1": ("'trong quá trình thử nghiệm và sau khi kết thúc thử nghiệm'", NO_CHANGE),
    "19.1": ("warnings and accurate information to users", NO_CHANGE),
    "19.2": (
        "'Định kỳ hàng tháng, quý đánh giá rủi ro'",
        "reading risk-assessment-period (default monthly-and-quarterly; alternative either)",
    ),
    "19.3": ("complaints contact and handling", NO_CHANGE),
    "19.4": ("compensation under civil law during and at the end of testing", NO_CHANGE),
    "19.5": ("other consumer-protection duties", NO_CHANGE),
    "20.1": ("guidance", NO_CHANGE),
    "20.2": ("legal questions", NO_CHANGE),
    "20.3": ("inspection, supervision, risk controls, abuse", NO_CHANGE),
    "20.4": ("users' and third parties' petitions", NO_CHANGE),
    "20.5": (
        "'Yêu cầu ... báo cáo, giải trình ...; bổ sung các biện pháp kiểm soát rủi ro; quyết định "
        "điều chỉnh phạm vi thử nghiệm, gia hạn thử nghiệm, quyết định tạm dừng thử nghiệm; kết "
        "thúc thử nghiệm'",
        "the duty now names the additional risk controls. Not modelled: suspension (tạm dừng) is "
        "a power with no procedure or effect on the period in the text, so the lifecycle has no "
        "suspended state",
    ),
    "20.6": ("the authority decides the waivers for each project", NO_CHANGE),
    "21.1": (
        "standards, technical regulations, business conditions, licensing 'không phù hợp với đặc "
        "điểm, tính năng mới'",
        "the note says what 21.1 says, without the reference to 20.6 it had added",
    ),
    "21.2": ("safeguards 'trong quá trình thử nghiệm'", NO_CHANGE),
    "21.3": ("full reporting, transparency", NO_CHANGE),
    "21.4": ("compliance with the issuing authority's requirements", NO_CHANGE),
    "22.1": (
        "'đã thực hiện đúng và đầy đủ ... Điều 20 ... trong phạm vi trách nhiệm được giao'",
        "reading authority-exemption-remit (default within-remit): only the Art. 20 duties "
        "within the actor's remit",
    ),
    "22.2": (
        "'đã thực hiện đầy đủ các quy trình, quy định liên quan'",
        "evaluated from the computed schedule as well: an overdue or late item stands in the way "
        "(standing_in_way)",
    ),
}

# Units outside Art. 13-22 whose encoding the same issue decided (item 10).
DECISIONS: dict[str, str] = {
    "8.6": "8.6 carries an askable fact (a product or service 'chưa được pháp luật quy định'), but "
    "the text attaches no consequence to it: Art. 9 sets the conditions exhaustively ('khi đáp "
    "ứng các điều kiện sau') and 8.1 sends a sandbox regulated by other law to that law. Asking "
    "the fact and failing an applicant on it would invent a condition, so 8.6 is encoded as an "
    "informational note (principle.8.6.not-yet-regulated) shown with every assessment, and no "
    "fact is asked.",
}
