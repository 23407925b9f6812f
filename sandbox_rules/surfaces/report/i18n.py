"""The report's words in Vietnamese (default) and English; dates dd/mm/yyyy in Vietnamese."""

from __future__ import annotations

import re

_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")

WORDS: dict[str, tuple[str, str]] = {
    # page
    "doc_title": ("GHI CHÚ THẨM ĐỊNH", "APPRAISAL NOTE"),
    "doc_subtitle": (
        "Thử nghiệm có kiểm soát sản phẩm, dịch vụ dữ liệu — Chương II Nghị định 169/2025/NĐ-CP",
        "Controlled testing of data products and services — Chapter II, Decree 169/2025/ND-CP",
    ),
    "disclaimer": (
        "Ghi chú do chương trình lập từ dữ liệu hồ sơ, để hỗ trợ thẩm định; không thay thế quyết định của cơ quan có thẩm quyền. Văn bản tiếng Việt của Nghị định là căn cứ.",
        "Prepared by a program from the file's data to support the appraisal; it does not replace the competent authority's decision. The Vietnamese text of the Decree is authoritative.",
    ),
    "subject": ("Đối tượng", "Subject"),
    "file": ("Tệp dữ liệu", "Input file"),
    "as_of": ("Tính đến ngày", "As of"),
    "none": ("không có", "none"),
    "yes": ("có", "yes"),
    "no": ("không", "no"),
    "unknown": ("chưa rõ", "unknown"),
    # sections
    "sec_answers": (
        "Kết luận về điều kiện (Điều 9, 10, 11)",
        "Answers on the conditions (Art. 9-11)",
    ),
    "sec_findings": ("Kết quả đối chiếu từng điều kiện", "Each condition checked"),
    "sec_missing": (
        "Thông tin còn thiếu và điều khoản yêu cầu",
        "Missing facts and the clause asking for each",
    ),
    "sec_routing": (
        "Thẩm quyền, nơi nộp và trình tự (Điều 12)",
        "Authority, where to file and procedure (Art. 12)",
    ),
    "sec_sources": (
        "Nguồn dữ liệu và cách đối chiếu với danh mục",
        "Data sources and how each matched the catalogue",
    ),
    "sec_dossier": ("Thành phần hồ sơ (khoản 2 Điều 12)", "Dossier checklist (Art. 12(2))"),
    "sec_timelines": ("Thời hạn giải quyết thủ tục", "Procedure time limits"),
    "sec_lifecycle": ("Quá trình thử nghiệm", "The sandbox's life"),
    "sec_obligations": (
        "Nghĩa vụ trong thời gian thử nghiệm",
        "Obligations over the testing period",
    ),
    "sec_duties": (
        "Nghĩa vụ đã thực hiện và miễn trách nhiệm (Điều 22)",
        "Duties complied with and Art. 22",
    ),
    "sec_interpretations": ("Cách hiểu đã áp dụng", "Interpretations used"),
    "sec_provenance": ("Nguồn gốc kết quả", "Provenance"),
    # answers
    "overall": ("Kết luận (Điều 9)", "Verdict (Art. 9)"),
    "part": ("Nội dung", "Part"),
    "answer": ("Kết luận", "Answer"),
    "failed": ("Không đáp ứng", "Failed"),
    "undecided": ("Chưa xác định", "Undecided"),
    "basis": ("Căn cứ", "Basis"),
    "part_conditions": ("Điều kiện của chủ thể và giải pháp (Điều 9)", "Conditions (Art. 9)"),
    "part_scope": ("Phạm vi thử nghiệm (Điều 10)", "Scope (Art. 10)"),
    "part_plan": ("Phương án thử nghiệm (Điều 11)", "Testing plan (Art. 11)"),
    "ans_eligible": ("ĐỦ ĐIỀU KIỆN", "ELIGIBLE"),
    "ans_ineligible": ("KHÔNG ĐỦ ĐIỀU KIỆN", "NOT ELIGIBLE"),
    "ans_undetermined": ("CHƯA XÁC ĐỊNH (thiếu thông tin)", "UNDETERMINED (facts missing)"),
    "ans_within": ("TRONG PHẠM VI", "WITHIN SCOPE"),
    "ans_outside": ("NGOÀI PHẠM VI", "OUTSIDE SCOPE"),
    "ans_complete": ("ĐẦY ĐỦ", "COMPLETE"),
    "ans_incomplete": ("CHƯA ĐẦY ĐỦ (hồ sơ cần bổ sung)", "INCOMPLETE (dossier to complete)"),
    "st_met": ("Đáp ứng", "Met"),
    "st_not_met": ("Không đáp ứng", "Not met"),
    "st_unknown": ("Chưa xác định", "Unknown"),
    "st_not_applicable": ("Không áp dụng", "Not applicable"),
    "not_applicable_count": (
        "điều kiện không áp dụng cho chủ thể này",
        "conditions do not apply to this applicant",
    ),
    "condition": ("Điều kiện", "Condition"),
    "status": ("Kết quả", "Status"),
    "clause_text": ("Trích văn bản", "Text of the clause (Vietnamese)"),
    "needed": ("Cần bổ sung", "Needed"),
    "fact": ("Thông tin", "Fact"),
    "field": ("Trường dữ liệu", "Field"),
    "asked_by": ("Điều khoản yêu cầu", "Asked by"),
    "no_missing": ("Không thiếu thông tin để kết luận.", "Nothing is missing to decide."),
    # routing
    "authority": ("Thẩm quyền cấp", "Issuing authority"),
    "body": ("Cơ quan", "Body"),
    "procedure": ("Trình tự", "Procedure"),
    "file_with": ("Nơi nộp hồ sơ", "File with"),
    "methods": ("Phương thức nộp", "Methods"),
    "notes": ("Ghi chú", "Notes"),
    "clauses_applied": ("Điều khoản áp dụng", "Clauses applied"),
    "routing_status": ("Tình trạng", "Status"),
    "rt_determined": ("Đã xác định", "Determined"),
    "rt_undetermined": ("Chưa xác định (thiếu thông tin)", "Undetermined (facts missing)"),
    "rt_not_specified_by_text": (
        "Văn bản không quy định trình tự cho trường hợp này",
        "The text sets no procedure for this case",
    ),
    "method_online": ("trực tuyến", "online"),
    "method_in_person": ("trực tiếp", "in person"),
    "method_post": ("qua dịch vụ bưu chính", "by post"),
    "delegation": ("Phân cấp, ủy quyền", "Delegation"),
    "src_name": ("Nguồn dữ liệu", "Data source"),
    "src_owner": ("Đơn vị chủ quản", "Owning unit"),
    "src_written": ("Cơ quan quản lý (như khai)", "Managed by (as written)"),
    "src_matched": ("Đối chiếu danh mục", "Catalogue match"),
    "src_how": ("Cách đối chiếu", "How matched"),
    "src_defence": ("Quốc phòng, cơ yếu (12.1.c)", "Defence or cipher (12.1.c)"),
    "how_code": ("theo mã đơn vị", "by code"),
    "how_exact": ("đúng tên trong danh mục", "exact name in the catalogue"),
    "how_former_name": (
        "tên tỉnh cũ trước sắp xếp (từ 01/07/2025)",
        "former province name (merged from 1 July 2025)",
    ),
    "how_folded": (
        "tên chuẩn hóa (không phân biệt dấu, chữ hoa, tiền tố tỉnh/thành phố)",
        "normalised name (diacritics, case and prefixes ignored)",
    ),
    "how_no_match": ("không có trong danh mục", "not in the catalogue"),
    "how_unknown": ("chưa khai", "not given"),
    "catalogue_source": ("Danh mục theo", "Catalogue from"),
    "unconfirmed": ("chưa đối chiếu văn bản gốc", "not checked against the original"),
    # dossier
    "document": ("Thành phần", "Document"),
    "accepted": ("Chấp nhận", "Accepted as"),
    "ds_present": ("Đã có", "Present"),
    "ds_missing": ("CÒN THIẾU", "MISSING"),
    "ds_unknown": ("Chưa rõ", "Unknown"),
    "conditional": ("(nếu có)", "(if applicable)"),
    "dossier_true": ("Hồ sơ đủ thành phần.", "The dossier is complete."),
    "dossier_false": ("Hồ sơ còn thiếu thành phần.", "The dossier is incomplete."),
    "dossier_none": ("Chưa xác định được (thiếu thông tin).", "Undetermined (facts missing)."),
    # timelines
    "fig_timeline": ("Lịch các bước", "Steps on the calendar"),
    "fig_obligations": (
        "Nghĩa vụ trong thời gian thử nghiệm",
        "Obligations over the testing period",
    ),
    "month": ("tháng {m:02d}/{y}", "{y}-{m:02d}"),
    "due": ("hạn", "due"),
    "wd": ("ngày làm việc", "working days"),
    "actual": ("Thực tế", "Actual"),
    "start": ("Bắt đầu", "Start"),
    "step": ("Bước", "Step"),
    "actor": ("Bên thực hiện", "By"),
    "period": ("Thời hạn", "Period"),
    "actor_authority": ("Cơ quan cấp", "Issuing authority"),
    "actor_consultees": ("Đơn vị được lấy ý kiến", "Consulted units"),
    "actor_applicant": ("Tổ chức, cá nhân", "Applicant"),
    "actor_participant": ("Tổ chức, cá nhân", "Participant"),
    "assumed": (
        "giả định: hạn muộn nhất của bước trước",
        "assumed: latest lawful date of the step before",
    ),
    "provisional": (
        "tạm tính: năm chưa có lịch nghỉ chính thức",
        "provisional: no official schedule for the year",
    ),
    "worst_case": ("Kết thúc muộn nhất (trường hợp xấu nhất)", "Worst-case end"),
    "clock_stopped": (
        "dừng tính {n} ngày làm việc khi giải trình",
        "clock stopped {n} working days for clarification",
    ),
    "clock_stop": (
        "Dừng tính thời hạn (giải trình): {a} – {b}",
        "Clock stopped (clarification): {a} – {b}",
    ),
    "ongoing": ("đang giải trình", "ongoing"),
    "as_of_mark": ("▼ Tính đến {d}", "▼ As of {d}"),
    "late_days": ("Ngày trễ hạn", "Days late"),
    "legend_step": ("Thời hạn của bước", "A step's time limit"),
    "legend_stop": ("Dừng tính thời hạn", "Clock stopped"),
    "legend_period": ("Thời hạn được phê duyệt", "Approved period"),
    "legend_extended": ("Thời gian gia hạn", "Extension"),
    "day_work": ("Ngày làm việc", "Working day"),
    "day_weekend": ("Nghỉ hằng tuần", "Weekend"),
    "day_off": ("Nghỉ lễ, Tết, nghỉ bù, hoán đổi", "Holiday or official day off"),
    "day_worked": ("Thứ Bảy làm bù", "Saturday worked"),
    "days_named": (
        "Ngày nghỉ, ngày làm bù trong khoảng thời gian trên",
        "Days off and worked days in this range",
    ),
    "step_done_on_time": ("đúng hạn", "on time"),
    "step_late": ("TRỄ HẠN", "LATE"),
    "step_pending": ("đang trong hạn", "pending"),
    "step_overdue": ("QUÁ HẠN", "OVERDUE"),
    "step_paused": ("tạm dừng (đang giải trình)", "paused (clarifying)"),
    "step_waiting": ("chờ bước trước", "waiting for the step before"),
    "step_not_started": ("chưa bắt đầu", "not started"),
    "step_not_applicable": ("không phát sinh", "did not arise"),
    # lifecycle and obligations
    "state": ("Trạng thái", "State"),
    "history": ("Diễn biến", "History"),
    "event": ("Sự kiện", "Event"),
    "date": ("Ngày", "Date"),
    "from_to": ("Chuyển trạng thái", "Transition"),
    "rule": ("Quy tắc", "Rule"),
    "testing_period": ("Thời hạn thử nghiệm (khoản 2 Điều 10)", "Testing period (Art. 10(2))"),
    "extended_to": ("gia hạn đến", "extended to"),
    "extension_window": (
        "Thời gian gửi đề nghị gia hạn (khoản 1 Điều 14)",
        "Extension request window (Art. 14(1))",
    ),
    "results_due": ("Hạn nộp Báo cáo kết quả (khoản 4 Điều 18)", "Results report due (Art. 18(4))"),
    "grounds": ("Căn cứ thu hồi đã phát sinh", "Revocation grounds that arose"),
    "arose": ("Phát sinh", "Arose"),
    "decision_due": ("Hạn quyết định (khoản 2 Điều 15)", "Decision due (Art. 15(2))"),
    "decided_by": ("Cơ quan quyết định", "Decided by"),
    "warnings": ("Lưu ý", "Warnings"),
    "obligation": ("Nghĩa vụ", "Obligation"),
    "when": ("Thời hạn / thời gian", "Due / period"),
    "risk_summary": (
        "{n} kỳ đánh giá rủi ro hằng tháng, từ {a} đến {b} (văn bản không ấn định ngày)",
        "{n} monthly risk assessments, {a} to {b} (the text fixes no day)",
    ),
    "ob_done": ("Đã thực hiện", "Done"),
    "ob_done_late": ("Đã thực hiện, trễ hạn", "Done late"),
    "ob_overdue": ("QUÁ HẠN", "OVERDUE"),
    "ob_upcoming": ("Chưa đến hạn", "Upcoming"),
    "ob_open": ("Đang mở", "Open"),
    "ob_closed": ("Đã hết thời gian", "Closed"),
    "ob_informational": ("Để biết", "For information"),
    "exemption": ("Miễn trách nhiệm dân sự", "Exemption from civil liability"),
    "exempt_true": ("được miễn", "exempt"),
    "exempt_false": ("không được miễn", "not exempt"),
    "exempt_none": ("chưa xác định", "undetermined"),
    "complied": ("Đã thực hiện", "Complied"),
    "to_confirm": ("Cần xác nhận", "To confirm"),
    "duty": ("Nghĩa vụ", "Duty"),
    # interpretations and provenance
    "interp_question": ("Vấn đề", "Question"),
    "interp_option": ("Cách hiểu", "Reading"),
    "interp_default": ("mặc định", "default"),
    "interp_chosen": ("đã chọn khác mặc định", "chosen, not the default"),
    "interp_meaning": ("Nội dung", "Meaning"),
    "library_version": ("Phiên bản thư viện sandbox_rules", "sandbox_rules version"),
    "law_version": ("Mã băm SHA-256 văn bản Nghị định", "Law text SHA-256"),
    "calendar_version": ("Phiên bản dữ liệu lịch làm việc", "Calendar data version"),
    "holidays_version": ("Phiên bản thư viện holidays", "holidays library version"),
    "overrides": ("Quyết định bổ sung (tệp overrides)", "Newer decisions (overrides file)"),
    "input_hash": ("Mã băm SHA-256 tệp dữ liệu", "Input file SHA-256"),
    "legend": ("Chú giải", "Legend"),
    "fig_alt_timeline": (
        "Hình: các bước của thủ tục trên dải lịch; ô sọc chéo là ngày nghỉ, ô xám là ngày nghỉ hằng tuần, thanh sọc đỏ là ngày trễ hạn, dải sọc vàng là thời gian dừng tính thời hạn.",
        "Figure: the procedure's steps on a calendar strip; hatched cells are days off, grey cells weekends, red-hatched bars days late, the striped band the clock stop.",
    ),
    "fig_alt_obligations": (
        "Hình: nghĩa vụ theo thời gian thử nghiệm; tròn đặc là đã thực hiện, tròn rỗng là chưa đến hạn, ô vuông sọc đỏ là quá hạn.",
        "Figure: obligations across the testing period; filled circles are done, hollow circles upcoming, red-hatched squares overdue.",
    ),
}


def t(key: str, lang: str) -> str:
    """The word for ``key``; a value the records gained after this table was written (a new
    status, say) shows as itself rather than failing the page."""
    words = WORDS.get(key)
    if words is None:
        return key.split("_", 1)[-1].replace("_", " ")
    return words[0] if lang == "vi" else words[1]


def fmt_date(value: str | None, lang: str) -> str:
    """dd/mm/yyyy in Vietnamese, ISO in English; also rewrites the ISO dates inside a
    Vietnamese text from the records. '' for nothing."""
    if not value:
        return ""
    return _ISO.sub(r"\3/\2/\1", str(value)) if lang == "vi" else str(value)
