"""Invariants of the rules for every generated case, and agreement between engines."""

from __future__ import annotations

from typing import Any

from _examples import examples
from hypothesis import given, settings
from hypothesis import strategies as st

from sandbox_rules.engine import assess, default_engine
from sandbox_rules.expr import compile_expr
from sandbox_rules.facts import extract_facts
from sandbox_rules.models import Application
from sandbox_rules.rules.model import evaluate_rule
from sandbox_rules.testing import applications, refinements

DISQUALIFIERS = [
    ("convictions", {"category": "national_security", "prison_years": 0, "record_expunged": False}),
    ("convictions", {"category": "other_intentional", "prison_years": 3, "record_expunged": False}),
    ("court_measures", "residence_ban"),
    ("administrative_sanctions", {"field": "data", "still_counting": True}),
    ("administrative_measures", {"status": "being_applied"}),
]


def _adding_a_disqualifying_fact_never_yields_eligible(
    pair: tuple[dict[str, Any], dict[str, Any]], dq: tuple[str, Any]
) -> None:
    data = pair[0]
    applicant = dict(data["applicant"])
    holder_key = "legal_representative" if applicant["kind"] == "organisation" else "person"
    person = dict(applicant.get(holder_key) or {})
    background = dict(person.get("background") or {})
    key, value = dq
    background[key] = [*(background.get(key) or []), value]
    person["background"] = background
    applicant[holder_key] = person
    result = assess({**data, "applicant": applicant})
    assert result.verdict == "ineligible"


def _learning_an_unknown_fact_never_changes_a_decided_verdict(
    pair: tuple[dict[str, Any], dict[str, Any]],
) -> None:
    partial, full = pair
    before = assess(partial).verdict
    if before != "undetermined":
        assert assess(full).verdict == before


def _three_evaluators_agree(app: Application) -> None:
    """Tree evaluation, compiled closures and generated code give the same status per rule."""
    result = assess(app)
    facts = extract_facts(app)
    for finding in result.findings:
        rule, status = finding.rule, finding.status
        res = evaluate_rule(rule, facts)  # the tree evaluator
        if res.applicable is False:
            expected = "not_applicable"
        elif res.value is True:
            expected = "met"
        elif res.value is False and res.applicable is True:
            expected = "not_met"
        else:
            expected = "unknown"
        assert status == expected, rule.id
        assert compile_expr(rule.condition)(facts, None) == rule.condition.evaluate(facts), rule.id


def _each_answer_follows_its_own_findings(app: Application) -> None:
    """Art. 9, 10 and 11 give three answers: each is decided by its own rules only (Kleene:
    a failure decides, else an unknown leaves it open), and the Art. 9 answer is the verdict."""
    result = assess(app)
    for part in result.parts:
        statuses = [f.status for f in result.findings if f.part == part.part]
        ok, bad, open_ = {
            "conditions": ("eligible", "ineligible", "undetermined"),
            "scope": ("within", "outside", "undetermined"),
            "plan": ("complete", "incomplete", "undetermined"),
        }[part.part]
        if "not_met" in statuses:
            assert part.answer == bad and part.failed and not part.missing_facts
        elif "unknown" in statuses:
            assert part.answer == open_ and part.missing_facts
        else:
            assert part.answer == ok and not part.failed and not part.unknown
    assert result.verdict == result.conditions.answer
    # What is still needed: nothing once Art. 9 refuses; otherwise every open part's facts.
    if result.verdict == "ineligible":
        assert result.missing_facts == ()
    else:
        needed = {
            m.fact for p in result.parts if p.answer == "undetermined" for m in p.missing_facts
        }
        assert {m.fact for m in result.missing_facts} == needed


def test_engine_is_built_once_and_immutable() -> None:
    assert default_engine() is default_engine()


def _missing_facts_equal_the_reference_when_remembered(app: Application) -> None:
    """assess remembers each unknown rule's missing facts by the values they depend on: the
    first and the remembered answer both equal the tree evaluator's."""
    facts = extract_facts(app)
    for _ in range(2):
        for f in assess(app).findings:
            expected = evaluate_rule(f.rule, facts).missing if f.status == "unknown" else set()
            assert set(f.missing) == set(expected), f.rule_id


@settings(max_examples=examples(300), deadline=None)
@given(applications())
def test_every_generated_application(app: Application) -> None:
    """One drawn application serves the properties that need only an application (drawing it
    costs more than checking them); each keeps its own assertions."""
    _three_evaluators_agree(app)
    _each_answer_follows_its_own_findings(app)
    _missing_facts_equal_the_reference_when_remembered(app)


@settings(max_examples=examples(300), deadline=None)
@given(refinements(), st.sampled_from(DISQUALIFIERS))
def test_every_generated_refinement(
    pair: tuple[dict[str, Any], dict[str, Any]], dq: tuple[str, Any]
) -> None:
    """One drawn (partial, full) pair serves both properties of refinement, each with its own
    assertions."""
    _adding_a_disqualifying_fact_never_yields_eligible(pair, dq)
    _learning_an_unknown_fact_never_changes_a_decided_verdict(pair)
