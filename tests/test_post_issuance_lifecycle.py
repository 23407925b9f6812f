"""After issuance (issue 8, items 3, 7, 8, 9(a)-(c), 10): the certificate's life, 15.1.c from
facts, consultees and issued forms, the 12.4 routing default, the reply period, user texts.

Every case row is worked by hand from the Vietnamese text; its comment quotes the decisive words.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from _examples import examples
from hypothesis import given, settings

from sandbox_rules import route
from sandbox_rules.catalogues import catalogue
from sandbox_rules.cli import main
from sandbox_rules.errors import InputValidationError, InvalidTransitionError
from sandbox_rules.interpretations import Interpretations
from sandbox_rules.law.text import load_law
from sandbox_rules.lifecycle import conditions_not_met, lifecycle
from sandbox_rules.procedures import PROCEDURES, timeline
from sandbox_rules.report import render_assessment
from sandbox_rules.rules import registry
from sandbox_rules.testing import applications

D = date.fromisoformat
ISSUED = {"issued_on": "2026-03-02", "approved_months": 12}


def ev(kind: str, on: str, **extra: Any) -> dict[str, Any]:
    return {"type": kind, "date": on, **extra}


# -- item 3: testing started is tracked apart from the state ------------------------------------
# (events, state, testing_started_on)
STARTS = [
    # 15.1.b: "không triển khai hoạt động thử nghiệm và không đề nghị điều chỉnh, gia hạn" — a
    # change may be asked for, and granted, before deployment; testing may start after it.
    (
        [ev("adjustment_approved", "2026-04-01"), ev("testing_started", "2026-04-10")],
        "adjusted",
        "2026-04-10",
    ),
    (
        [ev("extension_approved", "2027-02-10", months=6), ev("testing_started", "2027-02-15")],
        "extended",
        "2027-02-15",
    ),
    # Started straight after issue: "active".
    ([ev("testing_started", "2026-03-10")], "active", "2026-03-10"),
    # Adjusted before the start and never started: still "chưa triển khai".
    ([ev("adjustment_approved", "2026-04-01")], "adjusted", None),
]


@pytest.mark.parametrize(("events", "state", "started"), STARTS)
def test_testing_may_start_after_a_change_granted_before_it(
    events: list[dict[str, Any]], state: str, started: str | None
) -> None:
    st = lifecycle({**ISSUED, "events": events}, D("2027-02-20"))
    assert st.state == state
    assert st.testing_started_on == (D(started) if started else None)
    assert st.to_dict()["testing_started_on"] == started


@pytest.mark.parametrize(
    "events",
    [
        # "triển khai hoạt động thử nghiệm" happens once: a second start is refused ...
        [ev("testing_started", "2026-03-10"), ev("testing_started", "2026-05-01")],
        # ... also when an adjustment came in between (the state went back to a startable one).
        [
            ev("testing_started", "2026-03-10"),
            ev("adjustment_approved", "2026-04-01"),
            ev("testing_started", "2026-05-01"),
        ],
    ],
)
def test_a_second_start_is_refused(events: list[dict[str, Any]]) -> None:
    with pytest.raises(InvalidTransitionError, match="already started"):
        lifecycle({**ISSUED, "events": events}, D("2026-06-01"))


def test_adjusted_before_start_differs_from_adjusted_after_start() -> None:
    before = lifecycle(
        {**ISSUED, "events": [ev("adjustment_approved", "2026-04-01")]}, D("2026-05-01")
    )
    after = lifecycle(
        {
            **ISSUED,
            "events": [
                ev("testing_started", "2026-03-10"),
                ev("adjustment_approved", "2026-04-01"),
            ],
        },
        D("2026-05-01"),
    )
    assert before.state == after.state == "adjusted"
    [adj_before] = [h for h in before.history if h.event == "adjustment_approved"]
    adj_after = next(h for h in after.history if h.event == "adjustment_approved")
    assert (adj_before.testing_started, adj_after.testing_started) == (False, True)
    assert (before.testing_started_on, after.testing_started_on) == (None, D("2026-03-10"))


# -- item 3: a returned dossier belongs to its procedure ------------------------------------------
# (event, the state before it, the state after it)
RETURNS = [
    # 13.3.b: "có văn bản trả lại hồ sơ cho tổ chức, cá nhân" — the adjustment dossier goes back;
    # the certificate stands.
    ("adjustment_returned", "active", "active"),
    # 14.2 decides "theo trình tự quy định tại khoản 3 Điều 13": the extension dossier likewise.
    ("extension_returned", "active", "active"),
    # 16.3.b: "có văn bản trả lại hồ sơ" — the conclusion dossier; testing is not concluded.
    ("conclusion_returned", "active", "active"),
    # 13.3.c: "trường hợp không chấp thuận có văn bản trả lời và nêu rõ lý do".
    ("adjustment_refused", "active", "active"),
    ("extension_refused", "active", "active"),
]


@pytest.mark.parametrize(("event", "before", "after"), RETURNS)
def test_returns_and_refusals_leave_the_certificate(event: str, before: str, after: str) -> None:
    events = [ev("testing_started", "2026-03-10"), ev(event, "2027-02-10")]
    st = lifecycle({**ISSUED, "events": events}, D("2027-02-20"))
    assert st.history[-1].state_before == before and st.state == after
    assert st.history[-1].rule_id is not None and st.history[-1].rule_id.startswith("life.")


def test_after_a_returned_extension_dossier_the_single_extension_is_still_available() -> None:
    events = [
        ev("testing_started", "2026-03-10"),
        ev("extension_returned", "2027-02-10"),
        ev("extension_approved", "2027-02-25", months=6),
    ]
    st = lifecycle({**ISSUED, "events": events}, D("2027-03-01"))
    assert st.state == "extended" and st.extended_end == D("2027-09-02")


def test_the_issuance_return_is_not_a_certificate_event() -> None:
    # The old single "returned" event cannot hit a certificate that exists.
    rec = {
        **ISSUED,
        "interpretations": {"issuance-return": "returned"},
        "events": [ev("returned", "2026-04-01")],
    }
    with pytest.raises(InvalidTransitionError, match=r"Article 13\(3\)\(b\)") as exc:
        lifecycle(rec, D("2026-05-01"))
    assert "life.return.issuance" in exc.value.citation


def test_issuance_return_reading_cites_no_12_3_b_and_is_attached_to_its_rule() -> None:
    from sandbox_rules.interpretations import get

    reading = get("issuance-return")
    # Art. 12 sets no return: 12.3.b only starts the clock "kể từ ngày nhận đầy đủ hồ sơ hợp lệ".
    assert "12.3.b" not in reading.citations and "12.4.b" not in reading.citations
    assert reading.default == "no-return"
    users = [r.id for r in registry() if "issuance-return" in r.interpretations]
    assert users == ["life.return.issuance"]
    assert all(c.short != "12.3.b" for c in registry().get("life.return.issuance").citations)


# -- item 3: an adjustment that lengthens the period and 10.2's single extension -----------------
# (events, reading, extended_end or the error id)
LENGTHENINGS = [
    # 13.2.c "dẫn đến phải gia hạn thời gian thử nghiệm đã được phê duyệt" is 10.2's "gia hạn 01
    # lần": by default the lengthening adjustment uses the one extension ...
    (
        [ev("adjustment_approved", "2026-09-01", months=6)],
        {},
        "2027-09-02",
    ),
    (
        [
            ev("adjustment_approved", "2026-09-01", months=6),
            ev("extension_approved", "2027-08-20", months=6),
        ],
        {},
        "scope.extension.once",
    ),
    # ... and is held to "không quá thời gian thử nghiệm đã được phê duyệt" (13 > 12 months).
    ([ev("adjustment_approved", "2026-09-01", months=13)], {}, "max-approved-length"),
    # Under the alternative only Art. 14 counts: 12 + 6 (adjustment) + 6 (extension).
    (
        [
            ev("adjustment_approved", "2026-09-01", months=6),
            ev("extension_approved", "2027-08-20", months=6),
        ],
        {"lengthening-adjustment-counts": "art14-only"},
        "2028-03-02",
    ),
    # An adjustment that does not lengthen the period never counts.
    (
        [ev("adjustment_approved", "2026-09-01"), ev("extension_approved", "2027-02-20", months=6)],
        {},
        "2027-09-02",
    ),
]


@pytest.mark.parametrize(("events", "interp", "expected"), LENGTHENINGS)
def test_lengthening_adjustments_and_the_single_extension(
    events: list[dict[str, Any]], interp: dict[str, str], expected: str
) -> None:
    rec = {
        **ISSUED,
        "events": [ev("testing_started", "2026-03-10"), *events],
        "interpretations": interp,
    }
    if not expected[0].isdigit():
        with pytest.raises(InvalidTransitionError) as exc:
            lifecycle(rec, D("2028-01-01"))
        assert expected in exc.value.citation  # the rule (its id is not in the prose)
        return
    st = lifecycle(rec, D("2027-12-31"))
    assert st.extended_end == D(expected) and st.end == D(expected)
    assert st.interpretations_used["lengthening-adjustment-counts"] == interp.get(
        "lengthening-adjustment-counts", "counts-as-extension"
    )


def test_extension_window_follows_the_period_in_force() -> None:
    # 14.1 "trước khi kết thúc thời gian thử nghiệm được phê duyệt": after a lengthening
    # adjustment that is not counted (art14-only), the window sits before the new end
    # 02/09/2027: [03/08/2027, 01/09/2027]; counted (default), no extension is left.
    rec = {**ISSUED, "events": [ev("adjustment_approved", "2026-09-01", months=6)]}
    alt = lifecycle(
        {**rec, "interpretations": {"lengthening-adjustment-counts": "art14-only"}}, D("2026-10-01")
    )
    assert alt.extension_window == (D("2027-08-03"), D("2027-09-01"))
    assert lifecycle(rec, D("2026-10-01")).extension_window is None


# -- item 9(c): 15.1.c from the Art. 9(1)/9(2) facts ---------------------------------------------
ORG = {"applicant_kind": "organisation", **ISSUED}
# (record kind, applicant snapshot, failed rule ids)
CHANGES: list[tuple[dict[str, Any], dict[str, Any], list[str]]] = [
    # 9.1.a "Đã bị cơ quan tiến hành tố tụng khởi tố bị can": the representative is prosecuted.
    (
        ORG,
        {"kind": "organisation", "legal_representative": {"background": {"prosecuted_as_accused": True}}},
        ["rep.not-prosecuted"],
    ),
    # 9.1 "không đang trong quá trình ... giải thể ... theo quyết định đã được ban hành".
    (
        ORG,
        {"kind": "organisation", "restructuring": [{"kind": "dissolution", "decision_issued": True}]},
        ["org.not-restructuring"],
    ),
    # No decision issued yet: "theo quyết định đã được ban hành" is not met — no ground.
    (
        ORG,
        {"kind": "organisation", "restructuring": [{"kind": "merger", "decision_issued": False}]},
        [],
    ),
    # 9.1.par2 "là công dân Việt Nam, thường trú tại Việt Nam": the representative moves abroad.
    (
        ORG,
        {"kind": "organisation", "legal_representative": {"permanent_resident_in_vietnam": False}},
        ["rep.resident"],
    ),
    # 9.2 for an individual: "không thuộc một trong các trường hợp ... điểm a, b và c khoản 1"
    # — 9.1.c "Đang bị áp dụng các biện pháp xử lý hành chính".
    (
        {"applicant_kind": "individual", **ISSUED},
        {"kind": "individual", "person": {"background": {"administrative_measures": [{"status": "being_applied"}]}}},
        ["ind.no-handling-measure"],
    ),
    # A snapshot that states nothing failing gives no ground (unknown is not "không đáp ứng").
    (ORG, {"kind": "organisation"}, []),
]  # fmt: skip


@pytest.mark.parametrize(("record", "applicant", "failed"), CHANGES)
def test_15_1_c_arises_from_art_9_1_and_9_2_facts(
    record: dict[str, Any], applicant: dict[str, Any], failed: list[str]
) -> None:
    rec = {**record, "events": [ev("applicant_changed", "2026-05-04", applicant=applicant)]}
    st = lifecycle(rec, D("2026-06-01"))
    grounds = [g for g in st.revocation_grounds if g.rule.id == "revoke.15.1.c.conditions"]
    if not failed:
        assert grounds == []
        return
    [g] = grounds
    assert list(g.failed_rules) == failed
    # 15.2 "Chậm nhất 15 ngày, sau khi có căn cứ": 04/05/2026 + 15 days = Tue 19/05/2026.
    assert (g.arose_on, g.decision_due) == (D("2026-05-04"), D("2026-05-19"))
    assert list(st.to_dict()["revocation_grounds"][0]["failed_rules"]) == failed


def test_15_1_c_follows_the_prosecution_reading() -> None:
    applicant = {
        "kind": "organisation",
        "legal_representative": {
            "background": {"prosecuted_as_accused": True, "prosecution_ended": True}
        },
    }
    rec = {**ORG, "events": [ev("applicant_changed", "2026-05-04", applicant=applicant)]}
    [g] = [g for g in lifecycle(rec, D("2026-06-01")).revocation_grounds if g.failed_rules]
    assert g.failed_rules == ("rep.not-prosecuted",)
    pending = lifecycle(
        {**rec, "interpretations": {"prosecution-scope": "pending-only"}}, D("2026-06-01")
    )
    assert [g for g in pending.revocation_grounds if g.rule.id.startswith("revoke.15.1.c")] == []
    assert pending.interpretations_used["prosecution-scope"] == "pending-only"


@settings(max_examples=examples(150), deadline=None)
@given(applications())
def test_15_1_c_never_rests_on_a_9_3_criterion(app: Any) -> None:
    # "không đáp ứng đầy đủ các điều kiện quy định tại khoản 1, khoản 2 Điều 9": never 9.3.
    failed, unknown = conditions_not_met(app.applicant, Interpretations.of(None))
    for r in (*failed, *unknown):
        assert all(c.article == 9 and c.clause in (1, 2) for c in r.citations), r.id


@pytest.mark.parametrize(
    "record",
    [
        # The old conclusion-only event is gone: 15.1.c is evaluated from facts.
        {**ORG, "events": [ev("conditions_lost", "2026-05-04")]},
        # A snapshot of the wrong kind of applicant.
        {
            **ORG,
            "events": [ev("applicant_changed", "2026-05-04", applicant={"kind": "individual"})],
        },
        # applicant_changed without the applicant.
        {**ORG, "events": [ev("applicant_changed", "2026-05-04")]},
    ],
)
def test_bad_change_records_are_input_errors(record: dict[str, Any]) -> None:
    with pytest.raises(InputValidationError):
        lifecycle(record, D("2026-06-01"))


# -- item 7 and 9(a)(b): routing, consultees, issued forms ---------------------------------------
def _app(*sources: tuple[str, str]) -> dict[str, Any]:
    return {
        "applicant": {"kind": "organisation"},
        "data_sources": [
            {"owning_unit": u, "managed_by": m, "defence_or_cipher": False} for u, m in sources
        ],
    }


# (sources, interpretations, procedure, consultee ids, owning units named)
CONSULTED = [
    # 12.3.b "lấy ý kiến của Bộ Công an (Trung tâm dữ liệu quốc gia) và các đơn vị có liên quan".
    ([("Sở Xây dựng", "Hà Nội")], {}, "12.3", ["BCA-NDC", "related-units"], []),
    # 12.4.b "lấy ý kiến của đơn vị chủ quản dữ liệu, Bộ Khoa học và Công nghệ và các đơn vị
    # khác có liên quan".
    (
        [("Sở A", "Hải Phòng"), ("Sở B", "Quảng Ninh")],
        {},
        "12.4",
        ["data-owning-units", "BKHCN", "related-units"],
        ["Sở A", "Sở B"],
    ),
    # Two units of one ministry: 12.4 by default ("hai nguồn dữ liệu từ hai đơn vị chủ quản").
    (
        [("Cục Thuế", "Bộ Tài chính"), ("Cục Hải quan", "Bộ Tài chính")],
        {},
        "12.4",
        ["data-owning-units", "BKHCN", "related-units"],
        ["Cục Thuế", "Cục Hải quan"],
    ),
    (
        [("Cục Thuế", "Bộ Tài chính"), ("Cục Hải quan", "Bộ Tài chính")],
        {"same-manager-two-units": "competent-authority"},
        "12.3",
        ["BCA-NDC", "related-units"],
        [],
    ),
]


@pytest.mark.parametrize(("sources", "interp", "procedure", "ids", "units"), CONSULTED)
def test_routing_names_the_consultees_of_its_procedure(
    sources: list[tuple[str, str]],
    interp: dict[str, str],
    procedure: str,
    ids: list[str],
    units: list[str],
) -> None:
    r = route(_app(*sources), interp)
    assert r.procedure == procedure
    assert [c.id for c in r.consultees] == ids
    named = [c for c in r.consultees if c.id == "data-owning-units"]
    assert (list(named[0].names) if named else []) == units
    assert [c["id"] for c in r.to_dict()["consultees"]] == ids


def test_same_ministry_two_units_the_ministry_decides_and_the_ndc_receives() -> None:
    # 12.4.a "nộp ... về Bộ Công an (Trung tâm dữ liệu quốc gia)"; 12.4.d "cơ quan có thẩm
    # quyền xem xét, thẩm định hồ sơ và quyết định cấp": the receiver is not the decider.
    r = route(_app(("Cục Thuế", "Bộ Tài chính"), ("Cục Hải quan", "Bộ Tài chính")))
    assert r.authority is not None and r.authority.code == "BTC"
    assert r.file_with is not None and "Trung tâm dữ liệu quốc gia" in r.file_with.vi
    assert r.interpretations_used["same-manager-two-units"] == "national-data-center"


# (form-order reading, organisation form, individual form)
FORMS = [
    # 12.3.d "cho tổ chức, cá nhân (theo mẫu HĐTN03, HĐTN04 ...)": the listed order by default.
    ("listed-order", "HĐTN03", "HĐTN04"),
    ("reversed", "HĐTN04", "HĐTN03"),
]


@pytest.mark.parametrize(("order", "org", "ind"), FORMS)
def test_the_certificate_forms(order: str, org: str, ind: str) -> None:
    r = route(_app(("Sở Xây dựng", "Hà Nội")), {"form-order": order})
    assert r.issues is not None and r.issues.citation == "12.3.d"
    assert r.issues.forms == {"organisation": org, "individual": ind}
    assert r.to_dict()["issues"]["forms"] == {"organisation": org, "individual": ind}


def test_timelines_carry_consultees_and_issued_documents() -> None:
    t = timeline("conclusion-16.3", {"dossier_complete": "2026-11-20"}, D("2026-11-23")).to_dict()
    # 16.3.d "cấp Giấy chứng nhận kết thúc ... (theo mẫu HĐTN11, HĐTN12 ...)".
    assert t["issues"]["forms"] == {"organisation": "HĐTN11", "individual": "HĐTN12"}
    # 16.3.b "gửi xin ý kiến các cơ quan, tổ chức có liên quan".
    assert [c["name_vi"] for c in t["consultees"]] == ["Các cơ quan, tổ chức có liên quan"]
    t4 = timeline("issuance-12.4", {}, D("2026-11-23")).to_dict()
    assert [c["id"] for c in t4["consultees"]] == ["data-owning-units", "BKHCN", "related-units"]
    assert t4["issues"]["citation"] == "12.4.d"
    for pid in PROCEDURES:  # every procedure says what it ends with
        assert timeline(pid, {}, D("2026-11-23")).to_dict()["issues"]["name_vi"]


# -- item 7: the 10-day reply period from sending or from receipt -------------------------------
# (events, reading, replies due, status as of 2026-03-13)
REPLIES = [
    # Sent Mon 02/03/2026: "Trong thời hạn 10 ngày" from sending = Thu 12/03 — overdue on 13/03.
    ({"consultation_sent": "2026-03-02"}, {}, "2026-03-12", "overdue"),
    # Received Wed 04/03: 10 days = Sat 14/03 -> Mon 16/03 (Civil Code 148(5)); pending.
    (
        {"consultation_sent": "2026-03-02", "consultation_received": "2026-03-04"},
        {"reply-period-start": "from-receipt"},
        "2026-03-16",
        "pending",
    ),
    # Receipt unknown: counted from sending (the earliest), never shown as overdue.
    ({"consultation_sent": "2026-03-02"}, {"reply-period-start": "from-receipt"}, "2026-03-12", "pending"),
]  # fmt: skip


@pytest.mark.parametrize(("events", "interp", "due", "status"), REPLIES)
def test_reply_period_start(
    events: dict[str, str], interp: dict[str, str], due: str, status: str
) -> None:
    t = timeline(
        "issuance-12.3",
        {"dossier_complete": "2026-02-25", **events},
        D("2026-03-13"),
        interpretations=interp,
    )
    replies = next(s for s in t.steps if s.spec.id == "replies")
    assert replies.due is not None and replies.due.date == D(due)
    assert replies.status == status
    assert t.interpretations_used["reply-period-start"] == interp.get(
        "reply-period-start", "from-sending"
    )


# -- item 8: texts shown to users -----------------------------------------------------------------
def test_21_1_note_says_what_21_1_says() -> None:
    r = registry().get("note.21.1.exemptions")
    text = load_law().resolve("21.1").text
    # "các quy định khác không phù hợp với đặc điểm, tính năng mới" — and nothing of Art. 20.
    assert "không phù hợp với đặc điểm, tính năng mới" in r.statement_vi
    assert "không phù hợp với đặc điểm, tính năng mới" in text
    assert "20" not in r.statement_vi and "20" not in r.statement_en
    assert [c.short for c in r.citations] == ["21.1"]


def test_15_3_keeps_the_power_over_halting_testing() -> None:
    r = registry().get("revoke.15.3.defence")
    assert "xem xét dùng thử nghiệm" in load_law().resolve("15.3").text
    # "xem xét dùng thử nghiệm" is almost certainly "dừng": said, and the typo noted.
    assert "dừng thử nghiệm" in r.statement_vi and "'xem xét dùng thử nghiệm'" in r.statement_vi
    assert "halting" in r.statement_en and "typo" in r.statement_en


@pytest.mark.parametrize(
    ("cite", "present", "absent"),
    [
        # "tạm hoãn chấp hành hình phạt tù" is a postponed sentence; "án treo" is not listed.
        ("9.1.b", "postponed (deferred) prison sentence", "serving a suspended"),
        # "các giải pháp liên quan hoạt động khoa học, công nghệ và đổi mới sáng tạo về dữ liệu".
        ("9.3.a", "solutions related to science, technology and innovation activities concerning data", "data science"),
        # 12.3.a "về cơ quan có thẩm quyền cấp": the agency, not its head.
        ("12.3.a", "agency competent to issue", "Minister"),
        ("15.3", "halting the testing", "considers and decides revocation"),
    ],
)  # fmt: skip
def test_english_summaries(cite: str, present: str, absent: str) -> None:
    en = load_law().resolve(cite).summary_en
    assert present in en and absent not in en


def test_law_9_1_b_in_english_says_postponed(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["law", "9.1.b", "--lang", "en"]) == 0
    assert "postponed" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("code", "head_en", "agency_vi"),
    [
        ("BTC", "Minister of Finance", "Bộ Tài chính"),
        ("BCA", "Minister of Public Security", "Bộ Công an"),
        ("HCM", "Chairman of the Ho Chi Minh City People's Committee", "Ủy ban nhân dân thành phố Hồ Chí Minh"),
        ("HNI", "Chairman of the Hanoi People's Committee", "Ủy ban nhân dân thành phố Hà Nội"),
        ("LCU", "Chairman of the Lai Chau Provincial People's Committee", "Ủy ban nhân dân tỉnh Lai Châu"),
    ],
)  # fmt: skip
def test_english_names_of_heads_and_agencies(code: str, head_en: str, agency_vi: str) -> None:
    body = catalogue().bodies[code]
    assert (body.head_en, body.agency_vi) == (head_en, agency_vi)


def test_filing_goes_to_the_agency_not_its_head() -> None:
    r = route(_app(("Sở Xây dựng", "Hà Nội")))
    assert r.file_with is not None
    # 12.3.a "nộp ... về cơ quan có thẩm quyền cấp"; 12.1 "được phân cấp, ủy quyền cho cơ quan,
    # đơn vị trực thuộc".
    assert r.file_with.vi.startswith("Ủy ban nhân dân thành phố Hà Nội hoặc cơ quan, đơn vị")
    assert "Chủ tịch" not in r.file_with.vi and "Chairman" not in r.file_with.en
    assert r.file_with.en.startswith("Hanoi People's Committee")


# -- item 10: 8.6 -----------------------------------------------------------------------------------
def test_8_6_is_an_informational_note_and_no_condition() -> None:
    r = registry().get("principle.8.6.not-yet-regulated")
    # "chưa được pháp luật quy định ... đáp ứng các điều kiện, tiêu chí": the purpose, no new
    # condition: it is a note, not an eligibility rule.
    assert r.group == "notes" and [c.short for c in r.citations] == ["8.6"]
    assert all("8.6" not in [c.short for c in x.citations] for x in registry().group("eligibility"))
    from sandbox_rules import assess

    text = render_assessment(assess({"applicant": {"kind": "organisation"}}))
    assert "khoản 6 Điều 8" in text and "chưa được pháp luật quy định" in text


@pytest.mark.parametrize(
    "event",
    ["adjustment_approved", "adjustment_refused", "extension_returned", "adjustment_requested"],
)
def test_15_1_b_any_sign_of_a_request_before_day_90_prevents_the_ground(event: str) -> None:
    # 15.1.b "không triển khai ... và không đề nghị điều chỉnh, gia hạn": an approval, refusal
    # or return of an adjustment or extension on day 40 shows that one was asked for.
    rec = {**ISSUED, "events": [ev(event, "2026-04-11")]}
    assert lifecycle(rec, D("2026-07-01")).revocation_grounds == ()
    assert lifecycle(ISSUED, D("2026-07-01")).revocation_grounds[0].rule.id == (
        "revoke.15.1.b.no-start"
    )


# -- item 11: the second review is recorded for every unit of Art. 13-22 -------------------------
def test_every_unit_of_art_13_22_is_reviewed() -> None:
    from sandbox_rules.coverage_review import DECISIONS, REVIEW_13_22

    units = [c.short for c in load_law().coverage_units() if 13 <= c.article <= 22]
    assert list(REVIEW_13_22) == units
    assert all(checked and changed for checked, changed in REVIEW_13_22.values())
    assert set(DECISIONS) == {"8.6"}
    coverage_md = (Path(__file__).parent.parent / "docs" / "coverage.md").read_text("utf-8")
    assert (
        "Second review of Art. 13-22" in coverage_md
        and "principle.8.6.not-yet-regulated" in coverage_md
    )


def test_the_bundled_scenario_of_a_prosecuted_representative() -> None:
    import yaml

    path = (
        Path(__file__).parent.parent / "examples" / "scenarios" / "representative-prosecuted.yaml"
    )
    data = yaml.safe_load(path.read_text("utf-8"))
    st = lifecycle(data["record"], data["as_of"])
    # Adjusted before the start, started after it; 15.1.c on 15/06, decision by 30/06/2026.
    assert (st.state, st.testing_started_on) == ("adjusted", D("2026-05-04"))
    [g] = st.revocation_grounds
    assert (g.rule.id, g.arose_on, g.decision_due) == (
        "revoke.15.1.c.conditions",
        D("2026-06-15"),
        D("2026-06-30"),
    )


@pytest.mark.parametrize(
    ("sources", "interp"),
    [
        ([("Cục Thuế", "Bộ Tài chính"), ("Cục Hải quan", "Bộ Tài chính")], {}),
        (
            [("A", "An Giang"), ("B", "Cà Mau"), ("C", "Vĩnh Long")],
            {"procedure-many-sources": "strict"},
        ),
    ],
)
def test_routing_notes_exist_in_english_too(
    sources: list[tuple[str, str]], interp: dict[str, str]
) -> None:
    r = route(_app(*sources), interp)
    assert r.notes and len(r.notes_en) == len(r.notes)
    assert all(vi != en for vi, en in zip(r.notes, r.notes_en, strict=True))


# -- the certificate counts from its date (trial 3, F21) ------------------------------------------
# (as_of, state, why) for a record issued on 02/03/2026 (ISSUED) that starts testing on 09/03
BEFORE_AND_AFTER_ISSUE = [
    ("1950-01-01", "applied", "long before the certificate: still the application"),
    ("2026-03-01", "applied", "the day before the certificate's date"),
    ("2026-03-02", "issued", "the certificate's date"),
    ("2026-03-09", "active", "testing started on 09/03"),
]


@pytest.mark.parametrize(("as_of", "state", "why"), BEFORE_AND_AFTER_ISSUE)
def test_a_record_is_issued_from_its_certificates_date(as_of: str, state: str, why: str) -> None:
    rec = {**ISSUED, "events": [ev("testing_started", "2026-03-09")]}
    got = lifecycle(rec, D(as_of))
    assert got.state == state, why
    if state == "applied":
        assert got.history == ()  # nothing has happened yet on that day


@pytest.mark.parametrize("start", [None, "2026-03-09"])
def test_before_the_certificate_nothing_is_approved_or_owed(start: str | None) -> None:
    # Review: with a testing_start the same 'applied' day showed a period and its schedule.
    from sandbox_rules.obligations import obligations

    rec = {**ISSUED, "events": [], **({"testing_start": start} if start else {})}
    before = lifecycle(rec, D("2026-03-01"))
    assert (before.state, before.testing_start, before.end) == ("applied", None, None)
    assert obligations(rec, D("2026-03-01")).items == ()
    on = lifecycle(rec, D("2026-03-02"))
    # 12 months from the start (Civil Code Art. 148(3)): from 02/03/2026 (issue) to 02/03/2027,
    # from 09/03/2026 (testing_start) to 09/03/2027
    assert on.approved_end == D("2027-03-09" if start else "2027-03-02")
