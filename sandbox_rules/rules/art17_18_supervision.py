"""Art. 17-18 — inspection, remediation and reporting time limits."""

from __future__ import annotations

from sandbox_rules.rules.art12_issuance import _limit
from sandbox_rules.rules.model import Rule

RULES: tuple[Rule, ...] = (
    _limit(
        "time.17.2.yearly-inspection",
        "17.2",
        "Kiểm tra tại chỗ đối với tổ chức tham gia, định kỳ 01 lần/năm hoặc đột xuất khi có dấu hiệu "
        "thực hiện không đúng, không đầy đủ nội dung Giấy chứng nhận.",
        "On-site inspection of a participating organisation once a year, or ad hoc on signs that "
        "the certificate is not being followed.",
        "years",
        1,
        "certificate_issued",
        "periodic_inspection",
        interpretations=(
            "inspection-year",
            "inspection-individual",
            "inspection-kind-unstated",
            "ad-hoc-inspection",
        ),
    ),
    _limit(
        "time.17.3.remediate",
        "17.3",
        "Trong thời gian 30 ngày kể từ ngày kết thúc kiểm tra, khắc phục những tồn tại, hạn chế, vi phạm "
        "mà cơ quan kiểm tra có ý kiến tại biên bản kiểm tra (không có thì không phát sinh).",
        "Within 30 days of the end of an inspection, remedy the shortcomings or violations the "
        "inspection record comments on (none recorded, no duty).",
        "days",
        30,
        "inspection_ended",
        "remediation_done",
        interpretations=("event-day-excluded", "roll-forward"),
    ),
    _limit(
        "time.18.3.quarterly-report",
        "18.3",
        "Báo cáo định kỳ hàng quý (mẫu HĐTN08 tổ chức, HĐTN07 cá nhân) nộp chậm nhất ngày 05 của tháng đầu "
        "tiên quý tiếp theo.",
        "The quarterly report (form HĐTN08 organisation, HĐTN07 individual) is due at the latest on the "
        "5th of the first month of the next quarter.",
        "days",
        5,
        "quarter_end",
        "quarterly_report",
        interpretations=("quarterly-report-due", "quarterly-report-quarters"),
    ),
    _limit(
        "time.18.4.results-report",
        "18.4",
        "Trước khi kết thúc thời hạn thử nghiệm ít nhất 30 ngày, nộp Báo cáo kết quả.",
        "Submit the results report at least 30 days before the testing period ends.",
        "days",
        30,
        "testing_end",
        "results_report",
        interpretations=("results-report-after-extension", "results-report-with-extension-request"),
    ),
    _limit(
        "time.18.5.incident-report",
        "18.5",
        "Gọi điện báo cáo ngay khi phát hiện sự cố, đồng thời tổ chức khắc phục; sau 03 ngày gửi báo cáo "
        "bằng văn bản.",
        "Telephone immediately on finding an incident and at the same time organise its remedy; send a "
        "written report after 3 days.",
        "days",
        3,
        "incident_found",
        "incident_written_report",
        interpretations=("incident-written-report",),
    ),
)
