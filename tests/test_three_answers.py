"""Conditions, scope and plan are three answers, not one verdict (issue 8, item 1).

Art. 9 sets the conditions to take part ("tham gia ... khi đáp ứng các điều kiện sau"),
Art. 10 the scope (10.2: "không quá 02 năm"), Art. 11 what the plan must hold ("phải lập
phương án bao gồm các nội dung chính sau"). A plan missing a content is a dossier to complete
(12.3.b: "hồ sơ chưa đầy đủ, hợp lệ"), not an applicant who fails Art. 9.
"""

from __future__ import annotations

from typing import Any

import pytest
from conftest import INDIVIDUAL, ORGANISATION, with_changes

from sandbox_rules.engine import assess, issuance_dossier
from sandbox_rules.report import render_assessment, render_dossier

REP = "applicant.legal_representative.background"
DOCS = {"submission.documents": ["HĐTN01", "plan"]}

# (base, changes, Art. 9 answer, Art. 10 answer, Art. 11 answer, citations of the failures)
CASES: list[tuple[dict[str, Any], dict[str, Any], str, str, str, set[str]]] = [
    # Everything the text asks is there.
    (ORGANISATION, {}, "eligible", "within", "complete", set()),
    # 11.6 "Kết quả dự kiến" missing: the plan is incomplete; Art. 9 stays eligible.
    (ORGANISATION, {"plan.expected_results": False}, "eligible", "within", "incomplete", {"11.6"}),
    # 11.7 "Tài liệu thuyết minh" missing, for an individual too.
    (
        INDIVIDUAL,
        {"plan.explanatory_documents": False},
        "eligible",
        "within",
        "incomplete",
        {"11.7"},
    ),
    # 10.2 "không quá 02 năm": a 25-month plan is outside the scope, not a failed condition.
    (ORGANISATION, {"scope.duration_months": 25}, "eligible", "outside", "complete", {"10.2"}),
    # 9.1.a "đang bị truy cứu trách nhiệm hình sự": the representative bars the organisation.
    (
        ORGANISATION,
        {f"{REP}.prosecuted_as_accused": True},
        "ineligible",
        "within",
        "complete",
        {"9.1.a"},
    ),
    # 9.3.d "có tính khả thi": the solution criterion is one of Art. 9's conditions.
    (
        ORGANISATION,
        {"solution.feasible_after_testing": False},
        "ineligible",
        "within",
        "complete",
        {"9.3.d"},
    ),
    # Three failures, one in each article: each answer names its own.
    (
        ORGANISATION,
        {
            "applicant.staff_qualified": False,
            "scope.duration_months": 30,
            "plan.expected_results": False,
        },
        "ineligible",
        "outside",
        "incomplete",
        {"9.1.par1", "10.2", "11.6"},
    ),
    # Unknown plan content: only the plan is open.
    (ORGANISATION, {"plan.expected_results": None}, "eligible", "within", "undetermined", set()),
]


@pytest.mark.parametrize(("base", "changes", "conditions", "scope", "plan", "cites"), CASES)
def test_three_answers(
    base: dict[str, Any],
    changes: dict[str, Any],
    conditions: str,
    scope: str,
    plan: str,
    cites: set[str],
) -> None:
    a = assess(with_changes(base, changes))
    assert (a.conditions.answer, a.scope.answer, a.plan.answer) == (conditions, scope, plan)
    assert a.verdict == conditions  # the verdict is the Art. 9 answer
    failed = {c for p in a.parts for ref in p.failed for c in ref.citations}
    assert failed == cites
    assert [p.article for p in a.parts] == ["9", "10", "11"]


def test_plan_gap_is_an_incomplete_dossier_not_ineligibility() -> None:
    app = with_changes(ORGANISATION, {"plan.expected_results": False, **DOCS})
    a = assess(app)
    report = render_assessment(a)
    assert "KHÔNG ĐỦ ĐIỀU KIỆN" not in report
    assert "Điều kiện tham gia (Điều 9): ĐỦ ĐIỀU KIỆN" in report
    assert "THIẾU NỘI DUNG" in report and "khoản 6 Điều 11" in report
    assert "hồ sơ chưa đầy đủ, hợp lệ" in report
    # 12.3.b "đầy đủ hồ sơ hợp lệ": the documents are there, the plan's content is not.
    d = issuance_dossier(app)
    assert d.complete is False
    assert [(m.item, m.citation) for m in d.missing] == [("plan_content", "11.6")]
    assert "11" in render_dossier(d)


def test_plan_content_unknown_leaves_the_dossier_undecided() -> None:
    d = issuance_dossier(with_changes(ORGANISATION, {"plan.expected_results": None, **DOCS}))
    assert d.complete is None and not d.missing


def test_complete_application_has_a_complete_dossier() -> None:
    d = issuance_dossier(with_changes(ORGANISATION, DOCS))
    assert d.complete is True
    assert {i.citation for i in d.items if i.item == "plan_content"} >= {"11.1", "11.6", "11.7"}


def test_scope_outside_is_reported_as_not_approvable_as_filed() -> None:
    a = assess(with_changes(ORGANISATION, {"scope.duration_months": 25}))
    report = render_assessment(a)
    assert "NGOÀI PHẠM VI" in report and "khoản 2 Điều 10" in report
    en = render_assessment(a, "en")
    assert "OUTSIDE SCOPE" in en and "cannot be approved as filed" in en


def test_missing_facts_per_part_and_overall() -> None:
    # Art. 9 refuses on 9.1.a; the plan's 11.6 is unknown: the plan part still says what it
    # needs, but nothing can change the outcome, so the overall list is empty.
    a = assess(
        with_changes(
            ORGANISATION, {f"{REP}.prosecuted_as_accused": True, "plan.expected_results": None}
        )
    )
    assert a.verdict == "ineligible" and a.plan.answer == "undetermined"
    assert [m.fact for m in a.plan.missing_facts] == ["plan.expected_results"]
    assert a.missing_facts == ()
    # With Art. 9 met, the same gap is what is still needed, asked by 11.6.
    b = assess(with_changes(ORGANISATION, {"plan.expected_results": None}))
    assert [(m.fact, m.asked_by) for m in b.missing_facts] == [("plan.expected_results", ("11.6",))]


def test_compact_form_keeps_ids_statuses_citations_and_missing_facts() -> None:
    import json

    a = assess(with_changes(ORGANISATION, {"plan.expected_results": None}))
    full, compact = json.loads(a.to_json()), json.loads(a.to_json(form="compact"))
    assert compact["form"] == "compact" and full["form"] == "full"
    assert [f["rule_id"] for f in compact["findings"]] == [f["rule_id"] for f in full["findings"]]
    assert all("quote_vi" not in f for f in compact["findings"])
    assert all(f["quote_vi"] for f in full["findings"])
    assert compact["missing_facts"] == full["missing_facts"] != []
    assert compact["plan"] == full["plan"]
