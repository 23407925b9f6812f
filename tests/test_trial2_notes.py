"""The second officer trial's findings on notes and explanations (A6, A7, A8, A11, A14-A18):
each test quotes what the text, or the trial, says and failed before its fix."""

from __future__ import annotations

from typing import Any

import pytest
from test_post_issuance_obligations import BASE, STARTED, D

from sandbox_rules.lifecycle import lifecycle

# The post-issuance tests' record: issued 02/03/2026 for 24 months, testing from 10/03/2026.


def test_a15_remediation_done_late_is_not_said_not_done() -> None:
    # 17.3: 30 days from Tue 15/09/2026 = 15/10/2026; done 20/10/2026, late. 15.1.d "không
    # thực hiện đúng, đủ … yêu cầu khắc phục": the ground arises, but the remediation was done.
    rec = {
        **BASE,
        "events": [
            STARTED,
            {"type": "inspection_ended", "date": "2026-09-15", "remediation_required": True},
            {"type": "remediation_done", "date": "2026-10-20"},
        ],
    }
    [g] = lifecycle(rec, D("2026-12-01")).revocation_grounds
    assert "không được thực hiện đúng hạn (hoàn thành 20/10/2026)" in g.detail_vi
    assert "not done on time (completed 2026-10-20)" in g.detail_en
    # Not done at all (by as_of): still "không được thực hiện."
    rec["events"] = rec["events"][:2]
    [g] = lifecycle(rec, D("2026-12-01")).revocation_grounds
    assert g.detail_vi.endswith("không được thực hiện.")


def test_a11_no_application_form_at_all_is_missing_whatever_the_kind() -> None:
    from sandbox_rules.engine import dossier

    # 12.2.a "Đơn đề nghị … theo Mẫu số HĐTN01 (tổ chức) hoặc HĐTN02 (cá nhân)": with neither
    # form given, the item is missing for an organisation and for an individual alike.
    d = dossier("issuance", None, documents=["plan"])
    a = next(i for i in d.items if i.citation == "12.2.a")
    assert a.status == "missing"
    assert d.complete is False
    # One of the forms given: whether it is the applicant's own turns on the kind.
    d = dossier("issuance", None, documents=["HĐTN01", "plan"])
    assert next(i for i in d.items if i.citation == "12.2.a").status == "unknown"
    assert d.complete is None


def test_a8_a_deadline_over_unsure_days_is_provisional() -> None:
    from sandbox_rules.calendar import VietnamCalendar, WorkingDays

    cal = VietnamCalendar()
    # 24/11/2026 (Ngày Văn hóa Việt Nam) rests on Nghị quyết 28/2026/QH16, marked unconfirmed:
    # a deadline that skips it is provisional, and says why.
    d = cal.deadline(D("2026-11-23"), WorkingDays(1))
    assert d.date == D("2026-11-25")
    assert d.provisional
    assert "24/11/2026" in (d.provisional_reason_vi or "")
    assert "TẠM TÍNH" in d.explain("vi")
    # A week earlier, nothing unsure is counted or skipped.
    assert not cal.deadline(D("2026-11-16"), WorkingDays(1)).provisional


def test_a8_revocation_decision_after_computed_tet_is_provisional() -> None:
    from sandbox_rules.obligations import obligations
    from sandbox_rules.report import render_lifecycle

    # An inspection ending 20/12/2026 with nothing remedied:
    # 17.3's 30 days end 19/01/2027 (2027 computed), the ground arises 20/01/2027, and 15.2's
    # 15 days (04/02/2027) roll over the computed Tết days to 11/02/2027.
    rec = {
        **BASE,
        "events": [
            STARTED,
            {"type": "inspection_ended", "date": "2026-12-20", "remediation_required": True},
        ],
    }
    status = lifecycle(rec, D("2027-03-01"))
    [g] = status.revocation_grounds
    assert g.arose_on == D("2027-01-20")
    assert g.decision_due == D("2027-02-11")
    assert g.decision_provisional
    items = {i.id: i for i in obligations(rec, D("2027-03-01")).items}
    assert items["revocation-decision-15.1.d"].provisional
    assert items["remediation-2026-12-20"].provisional
    assert "quyết định chậm nhất 11/02/2027 (tạm tính)" in render_lifecycle(
        status, None, None, "vi"
    )


def test_a7_results_report_filed_with_the_14_1_request_is_on_time() -> None:
    from sandbox_rules.obligations import obligations

    # Issued 02/03/2026 + 24 months → end 02/03/2028. 14.1: the request "trong thời gian không
    # quá 30 ngày, trước khi kết thúc … kèm Báo cáo kết quả" (from 01/02/2028); 18.4: the
    # report "trước khi kết thúc … ít nhất 30 ngày" → 01/02/2028 (2028 is a leap year). Filed
    # together on 20/02/2028, inside the window and after 18.4's day.
    rec = {
        **BASE,
        "events": [
            STARTED,
            {"type": "extension_requested", "date": "2028-02-20", "months": 6},
            {"type": "results_report_submitted", "date": "2028-02-20"},
        ],
    }
    items = {i.id: i for i in obligations(rec, D("2028-03-01")).items}
    report = items["results-report"]
    assert report.due == D("2028-02-01")
    assert report.status == "done"
    assert "results-report-with-extension-request" in report.detail_vi
    strict = {"interpretations": {"results-report-with-extension-request": "separate-18.4-date"}}
    items = {i.id: i for i in obligations({**rec, **strict}, D("2028-03-01")).items}
    assert items["results-report"].status == "done_late"
    # Without a request that day, 18.4's date alone decides.
    alone = {**rec, "events": [rec["events"][0], rec["events"][2]]}
    items = {i.id: i for i in obligations(alone, D("2028-03-01")).items}
    assert items["results-report"].status == "done_late"


def test_a17_dossier_says_how_to_write_a_missing_item_in_vietnamese() -> None:
    from sandbox_rules.engine import dossier
    from sandbox_rules.report import render_dossier

    d = dossier("extension", "organisation", documents=["HĐTN13"])
    text = render_dossier(d, "vi")
    [missing] = [ln for ln in text.splitlines() if "[CÒN THIẾU]" in ln]
    # Not "mã khai trong documents: HĐTN08, results_report", which reads as if filed.
    assert missing.endswith(
        "— ghi trong documents bằng: HĐTN08, "
        "«Báo cáo kết quả hoạt động thử nghiệm có kiểm soát» (results_report)"
    )
    [present] = [ln for ln in text.splitlines() if "[đã có]" in ln]
    assert "documents" not in present
    assert "mã khai" not in text


def test_a18_prose_cites_as_prose_and_the_council_note_cites_its_paragraph(tmp_path: Any) -> None:
    import yaml

    from sandbox_rules.cli import main
    from sandbox_rules.rules import registry

    # 12.4.b: "Trong trường hợp cần thiết, Bộ Công an có thể thành lập Hội đồng tư vấn …" ends
    # đoạn 1; đoạn 2 ("Hội đồng tư vấn gồm: …") is the composition.
    council = registry().get("proc.12.4.b.council")
    assert council.citation.vi() == "đoạn 1 điểm b khoản 4 Điều 12"
    assert [c.short for c in council.citations] == ["12.4.b.par1", "12.4.b.par2"]
    # An article's opening paragraph has one name: đoạn 1 Điều 19, not "đoạn mở đầu".
    from sandbox_rules.obligations import obligations

    items = {i.id: i for i in obligations(BASE, D("2026-04-01")).items}
    assert "(đoạn 1 Điều 19)" in items["continuing-19.3-complaints"].detail_vi
    # The calendar file: "khoản 3 Điều 18", not "Nghị định 169/2025/NĐ-CP, 18.3."
    rec = tmp_path / "kb.yaml"
    rec.write_text(
        yaml.safe_dump({"as_of": "2026-04-01", "record": {**BASE, "events": [STARTED]}}),
        encoding="utf-8",
    )
    out = tmp_path / "x.ics"
    assert main(["obligations", str(rec), "--ics", str(out)]) == 0
    ics = out.read_text(encoding="utf-8").replace("\r\n ", "")
    assert "(khoản 3 Điều 18)" in ics and "Căn cứ: khoản 3 Điều 18 Nghị định 169/2025/NĐ-CP" in ics
    assert "(18.3)" not in ics and ", 18.3." not in ics


# 18.4 with 14.1 before anything is filed. Issued 02/03/2026 for 12 months: the period ends
# 02/03/2027; 18.4's date is 30 days before it, Sun 31/01/2027; the 14.1 window runs from
# 31/01 to 01/03/2027. Inside the window with no report yet, a report filed with an extension
# request would still be on time (reading results-report-with-extension-request), so the item
# is not yet overdue and 22.2 is not yet refused for it.
# (events after testing started, as of, the results report's status)
RESULTS_REPORT_IN_THE_WINDOW = [
    ([], "2027-02-10", "undetermined"),  # in the window, nothing filed
    ([], "2027-03-05", "overdue"),  # the window closed with no request
    (  # filed with the request on 11/02: on time
        [("extension_requested", "2027-02-11"), ("results_report_submitted", "2027-02-11")],
        "2027-02-12",
        "done",
    ),
    ([("extension_requested", "2027-02-05")], "2027-02-10", "overdue"),  # requested without it
]


@pytest.mark.parametrize(("events", "as_of", "status"), RESULTS_REPORT_IN_THE_WINDOW)
def test_a7_a_results_report_not_yet_filed_in_the_14_1_window_is_not_yet_overdue(
    events: list[tuple[str, str]], as_of: str, status: str
) -> None:
    from sandbox_rules.duties import record_duties
    from sandbox_rules.obligations import obligations

    quarterly = [  # every quarterly report filed before its 05th (18.3), so only 18.4 is open
        {"type": "quarterly_report_submitted", "date": d}
        for d in ("2026-04-03", "2026-07-03", "2026-10-02", "2027-01-04")
    ]
    rec = {
        **BASE,
        "approved_months": 12,
        "events": [STARTED, *quarterly, *({"type": t, "date": d} for t, d in events)],
    }
    sched = obligations(rec, D(as_of))
    (item,) = [i for i in sched.items if i.id == "results-report"]
    assert (item.due, item.status) == (D("2027-01-31"), status)
    if status == "undetermined":
        from test_post_issuance_obligations import ALL_DECLARED

        from sandbox_rules.lifecycle import load_record

        check = record_duties(ALL_DECLARED, load_record(rec), D(as_of))
        exemption = check.record().to_dict()["exemption"]
        assert exemption["exempt"] is None  # not refused for it: undetermined
