"""After issuance, as the text says it (issue 8, items 2, 4, 5, 6 and 9(d)): inspections and
remediation (17.2, 17.3, 15.1.d), duties ending at revocation or conclusion (15, 16, 19),
Art. 22's exemptions, 19.2's risk assessments and 18.5's immediate duties.

Every expected date below was counted by hand on the 2026 calendar; each row quotes the words
of the decree that decide it.
"""

from __future__ import annotations

import json
from datetime import date, timedelta
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sandbox_rules.duties import duties
from sandbox_rules.errors import InputValidationError, InvalidTransitionError, SandboxRulesError
from sandbox_rules.lifecycle import lifecycle
from sandbox_rules.obligations import Schedule, obligations
from sandbox_rules.testing import records


def D(s: str) -> date:
    return date.fromisoformat(s)


# Issued 02/03/2026 for 24 months, testing from 10/03/2026; an inspection ends Tue 15/09/2026.
# 17.3: 30 days from 15/09 (the day itself not counted) = Thu 15/10/2026, a working day.
BASE: dict[str, Any] = {
    "issued_on": "2026-03-02",
    "approved_months": 24,
    "applicant_kind": "organisation",
}
STARTED = {"type": "testing_started", "date": "2026-03-10"}


def _inspected(required: bool | None, remedied: str | None) -> dict[str, Any]:
    inspection: dict[str, Any] = {"type": "inspection_ended", "date": "2026-09-15"}
    if required is not None:
        inspection["remediation_required"] = required
    events = [STARTED, inspection]
    if remedied:
        events.append({"type": "remediation_done", "date": remedied})
    return {**BASE, "events": events}


def _items(schedule: Schedule) -> dict[str, Any]:
    return {i.id: i for i in schedule.items}


# (record requires remediation?, remediated on, as of, ground, remediation item status)
INSPECTIONS = [
    # 17.3 "khắc phục những tồn tại, hạn chế hoặc vi phạm đã được ... có ý kiến tại biên bản
    # kiểm tra"; 15.1.d "không thực hiện đúng, đủ ... yêu cầu khắc phục": nothing done by
    # 15/10 → the ground arises on 16/10.
    (True, None, "2026-10-20", "arisen", "overdue"),
    # "Trong thời gian 30 ngày": remedied on the 30th day, 15/10 → in time, no ground.
    (True, "2026-10-15", "2026-12-01", None, "done"),
    # Remedied on 16/10, a day after the 30 days: the ground has arisen (15.1.d).
    (True, "2026-10-16", "2026-12-01", "arisen", "done_late"),
    # On the last day itself the period is still running: no ground yet.
    (True, None, "2026-10-15", None, "upcoming"),
    # "tồn tại, hạn chế hoặc vi phạm (nếu có)": a record with nothing to remedy creates no
    # 17.3 duty and no 15.1.d ground, however long nothing is "remedied".
    (False, None, "2027-06-01", None, None),
    # Findings unknown: whether 17.3 binds is unknown, so 15.1.d is undetermined, never arisen.
    (None, None, "2026-10-20", "undetermined", "undetermined"),
    # Findings unknown but something was remedied in time: no ground whatever the record said.
    (None, "2026-10-01", "2026-12-01", None, "done"),
]


@pytest.mark.parametrize(("required", "remedied", "as_of", "ground", "item"), INSPECTIONS)
def test_inspection_findings_decide_remediation_and_15_1_d(
    required: bool | None, remedied: str | None, as_of: str, ground: str | None, item: str | None
) -> None:
    rec = _inspected(required, remedied)
    status = lifecycle(rec, D(as_of))
    arisen = [g for g in status.revocation_grounds if g.rule.id == "revoke.15.1.d.remediation"]
    undetermined = [g for g in status.undetermined_grounds if g.rule.citation.short == "15.1.d"]
    assert (len(arisen), len(undetermined)) == {
        "arisen": (1, 0),
        "undetermined": (0, 1),
        None: (0, 0),
    }[ground]
    if ground == "arisen":
        # Ground 16/10/2026; 15.2 "Chậm nhất 15 ngày": 31/10 is a Saturday → Mon 02/11/2026.
        assert (arisen[0].arose_on, arisen[0].decision_due) == (D("2026-10-16"), D("2026-11-02"))
    remediation = _items(obligations(rec, D(as_of))).get("remediation-2026-09-15")
    if item is None:
        assert remediation is None
    else:
        assert remediation is not None
        assert (remediation.due, remediation.status) == (D("2026-10-15"), item)


def test_undetermined_ground_names_the_missing_fact_and_its_clauses() -> None:
    status = lifecycle(_inspected(None, None), D("2026-10-20"))
    [g] = status.undetermined_grounds
    assert g.would_arise_on == D("2026-10-16")
    [fact] = g.missing_facts
    # 17.2 (last paragraph) "lập biên bản ghi rõ kết quả, tồn tại, hạn chế hoặc vi phạm (nếu
    # có)" is where the answer is written; 17.3 and 15.1.d turn on it.
    assert fact.field == "events[1].remediation_required"
    assert fact.asked_by == ("17.2.par2", "17.3", "15.1.d")
    data = json.loads(status.to_json())
    assert data["revocation_grounds"] == []
    assert data["undetermined_grounds"][0]["missing_facts"][0]["fact"] == (
        "inspection.remediation_required"
    )
    # A pending revocation decision (15.2) is scheduled only for an arisen ground.
    assert not any(i.id.startswith("revocation-decision") for i in obligations(
        _inspected(None, None), D("2026-10-20")).items)  # fmt: skip


def test_remediation_required_belongs_to_an_inspection() -> None:
    bad = {**BASE, "events": [{"type": "incident_found", "date": "2026-05-01",
                               "remediation_required": True}]}  # fmt: skip
    with pytest.raises(InputValidationError, match="remediation_required"):
        lifecycle(bad, D("2026-06-01"))


@settings(max_examples=60, deadline=None)
@given(
    required=st.sampled_from([True, False, None]),
    remedy_offset=st.one_of(st.none(), st.integers(0, 60)),
    as_of_offset=st.integers(0, 120),
)
def test_only_a_required_remediation_can_give_an_arisen_ground(
    required: bool | None, remedy_offset: int | None, as_of_offset: int
) -> None:
    remedied = None if remedy_offset is None else D("2026-09-15") + timedelta(remedy_offset)
    rec = _inspected(required, remedied.isoformat() if remedied else None)
    as_of = D("2026-09-15") + timedelta(as_of_offset)
    status = lifecycle(rec, as_of)
    arisen = [g for g in status.revocation_grounds if g.rule.citation.short == "15.1.d"]
    pending = status.undetermined_grounds
    assert not (arisen and pending)
    if required is not True:
        assert arisen == []
    if required is not None:
        assert pending == ()
    if required is False:
        assert not any(i.citation == "17.3" for i in obligations(rec, as_of).items)


# (applicant kind, reading, yearly windows expected, individual note expected)
YEARLY = [
    # 17.2 "kiểm tra tại chỗ đối với tổ chức tham gia ..., định kỳ 01 lần/năm". 24 months from
    # 02/03/2026 end on 02/03/2028 (Civil Code 148(3)); each year ends on its corresponding day
    # too: 02/03/2026-02/03/2027 and 03/03/2027-02/03/2028, two years (inspection-year, from
    # issue), not two and a one-day third.
    ("organisation", "organisations-only", 2, False),
    # The same sentence names "tổ chức" only: no yearly visit scheduled for an individual.
    ("individual", "organisations-only", 0, True),
    # Read as every participant: the individual is inspected yearly too.
    ("individual", "all-participants", 2, False),
    # Kind unknown: the yearly items are shown, each saying it applies to an organisation.
    (None, "organisations-only", 2, False),
]


@pytest.mark.parametrize(("kind", "reading", "windows", "note"), YEARLY)
def test_yearly_inspection_of_an_organisation(
    kind: str | None, reading: str, windows: int, note: bool
) -> None:
    rec = {**BASE, "applicant_kind": kind, "interpretations": {"inspection-individual": reading}}
    sched = obligations(rec, D("2026-04-01"))
    yearly = [i for i in sched.items if i.id.startswith("yearly-inspection-") and i.window]
    assert len(yearly) == windows
    assert ("yearly-inspection-individual" in _items(sched)) is note
    assert sched.interpretations_used["inspection-individual"] == reading
    if kind is None:
        assert all("organisation" in i.detail_en for i in yearly)


# The trial's record (finding 3): issued 17/12/2026 for 24 months, extended by 12 on
# 10/12/2028: the period runs 17/12/2026 → 17/12/2029 (Civil Code 148(3)); inspections ended
# 20/09/2027 and 25/09/2028. (months, inspections, as of, expected windows and statuses)
SONG_HAN = {"issued_on": "2026-12-17", "applicant_kind": "organisation"}
EXTENDED = [
    {"type": "testing_started", "date": "2027-01-15"},
    {"type": "extension_approved", "date": "2028-12-10", "months": 12},
]
INSPECTED = [
    {"type": "inspection_ended", "date": "2027-09-20", "remediation_required": False},
    {"type": "inspection_ended", "date": "2028-09-25", "remediation_required": False},
]
YEARS_17_2 = [
    # 17.2 "định kỳ 01 lần/năm": three years of testing are three inspection years, each ending
    # on its corresponding day — 17/12/2027, 17/12/2028, 17/12/2029 — with no one-day "năm thứ
    # 4" on 17/12/2029.
    (
        EXTENDED,
        "2029-01-10",
        [
            ("2026-12-17", "2027-12-17", "informational"),
            ("2027-12-18", "2028-12-17", "informational"),
            ("2028-12-18", "2029-12-17", "informational"),
        ],
    ),
    # "Kết thúc kiểm tra phải lập biên bản": an inspection ended within a year is that year's
    # inspection held (done); the year still running without one stays to follow.
    (
        [*EXTENDED, *INSPECTED],
        "2029-01-10",
        [
            ("2026-12-17", "2027-12-17", "done"),
            ("2027-12-18", "2028-12-17", "done"),
            ("2028-12-18", "2029-12-17", "informational"),
        ],
    ),
    # What happened after as_of is not known as of as_of: neither the 2028 inspection nor the
    # extension, so the approved period's two years.
    (
        [*EXTENDED, *INSPECTED],
        "2028-01-10",
        [
            ("2026-12-17", "2027-12-17", "done"),
            ("2027-12-18", "2028-12-17", "informational"),
        ],
    ),
]


@pytest.mark.parametrize(("events", "as_of", "years"), YEARS_17_2)
def test_inspection_years_end_on_their_day_and_show_the_inspection_held(
    events: list[dict[str, Any]], as_of: str, years: list[tuple[str, str, str]]
) -> None:
    rec = {**SONG_HAN, "approved_months": 24, "events": events}
    sched = obligations(rec, D(as_of))
    got = [
        (i.window[0].isoformat(), i.window[1].isoformat(), i.status)
        for i in sched.items
        if i.id.startswith("yearly-inspection-") and i.window
    ]
    assert got == years


# Revoked on Thu 18/06/2026, after an inspection (record asking remediation) of 20/05 and an
# incident found on Wed 17/06.
REVOKED: dict[str, Any] = {
    **BASE,
    "events": [
        STARTED,
        {"type": "quarterly_report_submitted", "date": "2026-04-03"},
        {"type": "inspection_ended", "date": "2026-05-20", "remediation_required": True},
        {"type": "incident_found", "date": "2026-06-17"},
        {"type": "incident_phoned", "date": "2026-06-17"},
        {"type": "revoked", "date": "2026-06-18"},
    ],
}

# (item id, present after the revocation?)
AFTER_REVOCATION = [
    # 18.3 Q1/2026 "chậm nhất là ngày 05 của tháng đầu tiên quý tiếp theo": Sun 05/04 → Mon
    # 06/04, before the revocation: it stays.
    ("quarterly-report-2026-Q1", True),
    # Q2/2026 would fall due 06/07, after the testing ended: not due.
    ("quarterly-report-2026-Q2", False),
    # 18.4 "Trước khi kết thúc thời hạn thử nghiệm ít nhất 30 ngày": the report precedes the
    # end of the approved period (02/03/2028); after a revocation it never falls due.
    ("results-report", False),
    # 17.3 remediation of the 20/05 inspection would be due 19/06, after the revocation.
    ("remediation-2026-05-20", False),
    # 18.5 "gọi điện thoại báo cáo ngay" and "đồng thời tổ chức khắc phục": on 17/06, before.
    ("incident-call-2026-06-17", True),
    ("incident-remedy-2026-06-17", True),
    # "sau 03 ngày, gửi báo cáo bằng văn bản": Sat 20/06 → Mon 22/06, after the revocation.
    ("incident-report-2026-06-17", False),
    # Art. 19 "trong quá trình thử nghiệm và sau khi kết thúc thử nghiệm": complaints (19.3)
    # and compensation (19.4) continue, undated.
    ("continuing-19.3-complaints", True),
    ("continuing-19.4-compensation", True),
    # 15.2 "khi nhận được Quyết định thu hồi có trách nhiệm nộp lại Giấy chứng nhận".
    ("return-certificate", True),
    # 14.1's extension window belongs to a live certificate.
    ("extension-window", False),
]


@pytest.mark.parametrize(("item_id", "present"), AFTER_REVOCATION)
def test_duties_end_at_revocation(item_id: str, present: bool) -> None:
    assert (item_id in _items(obligations(REVOKED, D("2026-12-31")))) is present


def test_revoked_record_has_no_participant_duty_dated_after_revocation() -> None:
    sched = obligations(REVOKED, D("2026-12-31"))
    assert sched.ended_on == D("2026-06-18")
    assert lifecycle(REVOKED, D("2026-12-31")).ended_on == D("2026-06-18")
    for i in sched.items:
        if i.window:
            # 17.2 and 19.2 periods stop with the testing.
            assert i.window[1] <= D("2026-06-18"), i.id
        if i.actor == "participant" and i.due:
            assert i.due <= D("2026-06-18"), i.id
    # 19.2's assessments of June run to the revocation day, none for July.
    ids = _items(sched)
    assert ids["risk-assessment-2026-06"].window == (D("2026-06-01"), D("2026-06-18"))
    assert "risk-assessment-2026-07" not in ids and "risk-assessment-2026-Q3" not in ids
    continuing = [i for i in sched.items if i.status == "continuing"]
    assert {i.citation for i in continuing} == {"19.3", "19.4"}
    assert all(i.due is None and i.window is None for i in continuing)


@settings(max_examples=40, deadline=None)
@given(day=st.integers(10, 700), kind=st.sampled_from(["revoked", "concluded"]))
def test_no_participant_duty_after_any_end(day: int, kind: str) -> None:
    end_day = D("2026-03-02") + timedelta(days=day)
    rec = {
        **BASE,
        "events": [
            STARTED,
            {"type": "inspection_ended", "date": (end_day - timedelta(5)).isoformat(),
             "remediation_required": True},
            {"type": "incident_found", "date": (end_day - timedelta(1)).isoformat()},
            {"type": kind, "date": end_day.isoformat()},
        ],
    }  # fmt: skip
    sched = obligations(rec, end_day + timedelta(days=400))
    assert sched.ended_on == end_day
    for i in sched.items:
        if i.actor == "participant" and i.dated is not None:
            assert i.dated <= end_day, i.id


def test_early_conclusion_drops_the_results_report_of_18_4() -> None:
    # 16.1.a "đề nghị kết thúc ... trước thời hạn": concluded 15/01/2027; the 18.4 report was
    # due 30 days before 02/03/2028, after the conclusion (its dossier carries the results
    # report instead, 16.2.b).
    rec = {**BASE, "events": [STARTED, {"type": "concluded", "date": "2027-01-15"}]}
    ids = _items(obligations(rec, D("2027-06-01")))
    assert "results-report" not in ids and "return-certificate" not in ids
    assert "quarterly-report-2026-Q4" in ids  # due Tue 05/01/2027, before the conclusion
    assert "quarterly-report-2027-Q1" not in ids
    assert "continuing-19.3-complaints" in ids


def test_natural_end_keeps_the_last_quarter_until_conclusion() -> None:
    # Without a revocation or conclusion the certificate is live: the last, partial quarter of
    # testing (01/01-02/03/2028) still has its 18.3 report, due 05/04/2028.
    ids = _items(obligations({**BASE, "events": [STARTED]}, D("2028-03-10")))
    assert ids["quarterly-report-2028-Q1"].window == (D("2028-01-01"), D("2028-03-02"))


# The participant's full checklist, declared as complied.
ALL_DECLARED = {
    f"duty.{k}": True
    for k in (
        "13.1.adjust-only-after-approval", "17.3.remediate", "18.1.report", "18.2.channel",
        "18.3.quarterly", "18.4.results-report", "18.5.incidents", "19.1.warn-users",
        "19.2.risk-assessments", "19.3.complaints", "19.4.compensation", "19.5.consumer-law",
        "21.2.safeguards", "21.3.transparency", "21.4.comply", "other-law",
    )
}  # fmt: skip

ON_TIME = [STARTED, {"type": "quarterly_report_submitted", "date": "2026-04-03"}]

# (events, as of, exempt, obstacles from the schedule: (item id, status))
EXEMPTION_22_2 = [
    # 22.2 "khi đã thực hiện đầy đủ các quy trình, quy định liên quan": Q1's report filed on
    # time, nothing else due by 01/05/2026 → the declared checklist stands.
    (ON_TIME, "2026-05-01", True, []),
    # 18.3 "thời hạn nộp báo cáo chậm nhất là ngày 05": Q1 unfiled on 01/05/2026 (due Mon
    # 06/04) → not exempt though the checklist says complied.
    ([STARTED], "2026-05-01", False, [("quarterly-report-2026-Q1", "overdue")]),
    # Filed on 10/04, after the (rolled) 06/04: performed, but not as 18.3 requires.
    (
        [STARTED, {"type": "quarterly_report_submitted", "date": "2026-04-10"}],
        "2026-05-01",
        False,
        [("quarterly-report-2026-Q1", "done_late")],
    ),
    # A remediation whose inspection record is unknown and past its 30 days: undetermined.
    (
        [*ON_TIME, {"type": "inspection_ended", "date": "2026-04-01"}],
        "2026-05-20",
        None,
        [("remediation-2026-04-01", "undetermined")],
    ),
    # 18.5 "gọi điện thoại báo cáo ngay": an incident found on 04/05 and never telephoned.
    (
        [
            *ON_TIME,
            {"type": "incident_found", "date": "2026-05-04"},
            {"type": "incident_report_submitted", "date": "2026-05-06"},
        ],
        "2026-05-20",
        False,
        [("incident-call-2026-05-04", "overdue")],
    ),
]


@pytest.mark.parametrize(("events", "as_of", "exempt", "in_the_way"), EXEMPTION_22_2)
def test_participant_exemption_reads_the_computed_schedule(
    events: list[dict[str, Any]], as_of: str, exempt: bool | None, in_the_way: list[Any]
) -> None:
    rec = {**BASE, "events": events}
    sched = obligations(rec, D(as_of))
    check = duties(ALL_DECLARED, schedule=sched)
    assert check.exempt is exempt
    assert [(o.id, o.status) for o in check.standing_in_way] == in_the_way
    assert all(o.declared is True for o in check.standing_in_way)  # contradicts the checklist
    exemption = json.loads(check.to_json())["exemption"]
    assert exemption["schedule_checked"] is True
    if exempt is None:
        assert exemption["missing"] == [f"schedule.{in_the_way[0][0]}"]
    if exempt is False:
        assert exemption["missing"] == []  # decided: nothing left to confirm
    assert json.loads(check.to_json())["interpretations_used"] == {
        "participant-exemption-scope": "chapter-duties-and-attested-other-law"
    }


def test_declared_checklist_alone_still_answers() -> None:
    check = duties({**ALL_DECLARED, "duty.18.3.quarterly": False})
    assert check.exempt is False and not check.schedule_checked
    assert [(o.source, o.id) for o in check.standing_in_way] == [
        ("checklist", "duty.18.3.quarterly")
    ]


AUTHORITY_ALL = {
    f"duty.{k}": True
    for k in ("20.1.guidance", "20.2.legal-questions", "20.3.supervision", "20.4.petitions",
              "20.5.measures", "20.6.waivers")
}  # fmt: skip

# (not performed, remit, reading, exempt)
EXEMPTION_22_1 = [
    # 22.1 "đã thực hiện đúng và đầy đủ theo quy định tại Điều 20 ... trong phạm vi trách
    # nhiệm được giao": all six performed → exempt whatever the remit.
    ((), None, "within-remit", True),
    # An inspector (remit 20.3 "Kiểm tra, giám sát") does not answer for 20.1's guidance work.
    (("20.1.guidance",), ["20.3"], "within-remit", True),
    # The inspector's own 20.3 not performed → not exempt.
    (("20.3.supervision",), ["20.3"], "within-remit", False),
    # Remit unknown and 20.1 not performed: exempt only if 20.1 is outside the remit.
    (("20.1.guidance",), None, "within-remit", None),
    # Read as all of Art. 20, the remit does not matter.
    (("20.1.guidance",), ["20.3"], "all-article-20", False),
]


@pytest.mark.parametrize(("failed", "remit", "reading", "exempt"), EXEMPTION_22_1)
def test_authority_exemption_within_remit(
    failed: tuple[str, ...], remit: list[str] | None, reading: str, exempt: bool | None
) -> None:
    compliance = {**AUTHORITY_ALL, **{f"duty.{k}": False for k in failed}}
    check = duties(
        compliance,
        "authority",
        remit=remit,
        interpretations={"authority-exemption-remit": reading},
    )
    assert check.exempt is exempt
    assert check.interpretations_used == {"authority-exemption-remit": reading}
    if exempt is None:
        assert "remit.20.1" in check.missing
    if exempt is True:
        assert check.standing_in_way == ()


def test_remit_must_name_article_20_duties() -> None:
    with pytest.raises(InputValidationError, match="remit"):
        duties(AUTHORITY_ALL, "authority", remit=["17.2"])
    with pytest.raises(InputValidationError, match=r"22\.1"):
        duties(ALL_DECLARED, remit=["20.3"])
    with pytest.raises(SandboxRulesError):
        duties(ALL_DECLARED, schedule="not a schedule")  # type: ignore[arg-type]


# Six months from 02/03/2026: testing ends 02/09/2026.
SIX_MONTHS = {**BASE, "approved_months": 6}

# (reading, monthly items, quarterly items)
RISK_ASSESSMENTS = [
    # 19.2 "Định kỳ hàng tháng, quý đánh giá rủi ro": each month (03..09/2026) and each
    # calendar quarter (Q1..Q3/2026).
    ("monthly-and-quarterly", 7, 3),
    # Read as a choice: one per quarter, the longest interval the text allows.
    ("monthly-or-quarterly", 0, 3),
]


@pytest.mark.parametrize(("reading", "monthly", "quarterly"), RISK_ASSESSMENTS)
def test_risk_assessment_reading(reading: str, monthly: int, quarterly: int) -> None:
    rec = {**SIX_MONTHS, "interpretations": {"risk-assessment-period": reading}}
    sched = obligations(rec, D("2026-04-01"))
    risk = [i for i in sched.items if i.citation == "19.2"]
    assert sum("-Q" not in i.id for i in risk) == monthly
    quarters = [i for i in risk if "-Q" in i.id]
    assert len(quarters) == quarterly
    # Q1 from the start on 02/03, Q3 up to the end on 02/09; the text fixes no day.
    assert quarters[0].window == (D("2026-03-02"), D("2026-03-31"))
    assert quarters[-1].window == (D("2026-07-01"), D("2026-09-02"))
    assert all(i.due is None for i in risk)
    assert sched.interpretations_used["risk-assessment-period"] == reading


INCIDENT = "2026-08-28"  # Friday

# (extra events, as of, call status, written report status)
INCIDENTS = [
    # 18.5 "phải gọi điện thoại báo cáo ngay": on the day the incident is found.
    ([{"type": "incident_phoned", "date": INCIDENT}], "2026-08-28", "done", "upcoming"),
    # On the day itself, not yet called: still due today.
    ([], "2026-08-28", "upcoming", "upcoming"),
    # Called the next day: not "ngay".
    ([{"type": "incident_phoned", "date": "2026-08-29"}], "2026-09-10", "done_late", "overdue"),
    # "sau 03 ngày, gửi báo cáo bằng văn bản": 31/08 is the swapped day off, 01-02/09 the
    # National Day holiday → due Thu 03/09; filed 02/09 is in time.
    (
        [
            {"type": "incident_phoned", "date": INCIDENT},
            {"type": "incident_report_submitted", "date": "2026-09-02"},
        ],
        "2026-09-10",
        "done",
        "done",
    ),
]


@pytest.mark.parametrize(("extra", "as_of", "call", "written"), INCIDENTS)
def test_incident_duties_of_18_5(
    extra: list[dict[str, Any]], as_of: str, call: str, written: str
) -> None:
    rec = {**BASE, "events": [STARTED, {"type": "incident_found", "date": INCIDENT}, *extra]}
    ids = _items(obligations(rec, D(as_of)))
    phone, remedy, report = (ids[f"incident-{k}-{INCIDENT}"] for k in ("call", "remedy", "report"))
    assert (phone.due, phone.status) == (D(INCIDENT), call)
    # "đồng thời tổ chức khắc phục sự cố, rủi ro": begun the same day; no completion date.
    assert (remedy.due, remedy.status) == (D(INCIDENT), "informational")
    assert (report.due, report.status) == (D("2026-09-03"), written)
    assert {phone.duty, remedy.duty, report.duty} == {"duty.18.5.incidents"}


def test_each_call_and_report_answers_one_incident() -> None:
    # Two incidents, one call: the second incident is not covered by the first one's call.
    rec = {**BASE, "events": [STARTED,
           {"type": "incident_found", "date": "2026-05-04"},
           {"type": "incident_phoned", "date": "2026-05-04"},
           {"type": "incident_found", "date": "2026-05-05"}]}  # fmt: skip
    ids = _items(obligations(rec, D("2026-05-20")))
    assert ids["incident-call-2026-05-04"].status == "done"
    assert ids["incident-call-2026-05-05"].status == "overdue"


def test_schedule_ignores_events_after_as_of() -> None:
    rec = {
        **BASE,
        "events": [STARTED, {"type": "quarterly_report_submitted", "date": "2026-04-03"}],
    }
    assert _items(obligations(rec, D("2026-04-02")))["quarterly-report-2026-Q1"].status == (
        "upcoming"
    )


def test_inspection_and_revocation_scenario() -> None:
    from pathlib import Path

    import yaml

    path = Path(__file__).parent.parent / "examples/scenarios/inspection-and-revocation.yaml"
    rec = yaml.safe_load(path.read_text(encoding="utf-8"))["record"]
    # Before the revocation: the clean record of 15/09 gives nothing; the 05/11 record asks
    # remediation by 05/12 (Saturday) → Mon 07/12/2026; ground 08/12, decision by 23/12.
    before = lifecycle(rec, D("2026-12-10"))
    [g] = before.revocation_grounds
    assert (g.rule.citation.short, g.arose_on, g.decision_due) == (
        "15.1.d",
        D("2026-12-08"),
        D("2026-12-23"),
    )
    assert before.undetermined_grounds == ()
    ids = _items(obligations(rec, D("2026-12-10")))
    assert "remediation-2026-09-15" not in ids
    assert ids["remediation-2026-11-05"].status == "overdue"
    after = obligations(rec, D("2027-03-01"))
    assert after.ended_on == D("2026-12-15")
    assert "quarterly-report-2026-Q4" not in _items(after)  # due 05/01/2027


def test_reports_name_obstacles_and_undetermined_grounds(
    tmp_path: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    import yaml

    from sandbox_rules.cli import main

    scenario = {
        "as_of": "2026-10-20",
        "record": _inspected(None, None),
        "compliance": {"duty.18.3.quarterly": True},
    }
    path = tmp_path / "s.yaml"
    path.write_text(yaml.safe_dump(scenario, allow_unicode=True), encoding="utf-8")
    assert main(["lifecycle", str(path)]) == 0
    out = capsys.readouterr().out
    # Q1/2026 unfiled: "quá hạn" with its date in dd/mm/yyyy; 15.1.d undetermined, not arisen.
    assert (
        "vướng: khoản 3 Điều 18 Báo cáo định kỳ quý I/2026" in out and "quá hạn (06/04/2026)" in out
    )
    assert "Căn cứ thu hồi chưa xác định điểm d khoản 1 Điều 15" in out
    assert "events[1].remediation_required" in out
    assert "Căn cứ thu hồi điểm d" not in out
    assert "risk-assessment-period = monthly-and-quarterly" in out


@settings(max_examples=80, deadline=None)
@given(rec=records(), days=st.integers(0, 900))
def test_grounds_and_ends_hold_for_any_record(rec: dict[str, Any], days: int) -> None:
    as_of = D(rec["issued_on"]) + timedelta(days=days)
    try:
        status = lifecycle(rec, as_of)
    except InvalidTransitionError:
        return
    inspections = [
        e.get("remediation_required") for e in rec["events"] if e["type"] == "inspection_ended"
    ]
    # 15.1.d arises only from a record requiring remediation; some inspection asked for it.
    if any(g.rule.citation.short == "15.1.d" for g in status.revocation_grounds):
        assert True in inspections
    if status.undetermined_grounds:
        assert None in inspections
    sched = obligations(rec, as_of)
    assert len({i.id for i in sched.items}) == len(sched.items)  # ids (and iCalendar UIDs) unique
    assert sched.ended_on == status.ended_on
    if status.ended_on is not None:
        for i in sched.items:
            if i.actor == "participant" and i.dated is not None:
                assert i.dated <= status.ended_on, i.id


def test_two_inspections_on_one_day_are_two_items() -> None:
    # Two records closed on 15/09 (say, two sites) both asking remediation: two 17.3 items,
    # two 15.1.d grounds, each with its own revocation decision (15.2), no id repeated.
    rec = {**BASE, "events": [STARTED,
           {"type": "inspection_ended", "date": "2026-09-15", "remediation_required": True},
           {"type": "inspection_ended", "date": "2026-09-15", "remediation_required": True}]}  # fmt: skip
    sched = obligations(rec, D("2026-10-20"))
    ids = [i.id for i in sched.items]
    assert {"remediation-2026-09-15", "remediation-2026-09-15-2"} <= set(ids)
    assert len(ids) == len(set(ids))
    assert len(lifecycle(rec, D("2026-10-20")).revocation_grounds) == 2
