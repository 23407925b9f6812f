"""Properties of the case runner and the interview, for every generated application:
a case that expects exactly what the library gives passes (so a miss is always a real
disagreement), and the interview asks only for facts some undetermined part is missing."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings

from sandbox_rules.engine import assess, route
from sandbox_rules.models import Application
from sandbox_rules.surfaces.casefiles.runner import run_case
from sandbox_rules.surfaces.inputs import parse_yaml
from sandbox_rules.surfaces.interview import questions
from sandbox_rules.testing import application_data

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _expect_actual(data: dict[str, Any]) -> dict[str, Any]:
    a = assess(data)
    r = route(data)
    out: dict[str, Any] = {
        "conditions": a.conditions.answer,
        "scope": a.scope.answer,
        "plan": a.plan.answer,
        "failed": [f.rule_id for f in a.failed],
        "missing_facts": [m.fact for m in a.missing_facts],
        "routing": r.status,
        "procedure": r.procedure,
    }
    if r.authority is not None and r.authority.code is not None:
        out["authority"] = r.authority.code
    return out


@SETTINGS
@given(application_data())
def test_a_case_expecting_what_the_library_gives_passes(data: dict[str, Any]) -> None:
    case = {"name": "tự kiểm", "application": data, "expect": _expect_actual(data)}
    text = yaml.safe_dump(case, allow_unicode=True, sort_keys=False)
    result = run_case(yaml.safe_load(text), parse_yaml(text, "<gen>"), Path("."))
    assert result.status == "passed", [c.to_dict() for c in result.misses] or result.error


@SETTINGS
@given(application_data())
def test_a_changed_expectation_is_always_reported(data: dict[str, Any]) -> None:
    expect = _expect_actual(data)
    expect["failed"] = [*expect["failed"], "9.9.z"]  # a clause that never fails
    case = {"name": "sai", "application": data, "expect": expect}
    text = yaml.safe_dump(case, allow_unicode=True, sort_keys=False)
    result = run_case(yaml.safe_load(text), parse_yaml(text, "<gen>"), Path("."))
    assert [c.key for c in result.misses] == ["failed"]
    assert result.misses[0].missing == ("9.9.z",)


@SETTINGS
@given(application_data())
def test_the_interview_asks_only_what_an_undetermined_part_lacks(data: dict[str, Any]) -> None:
    app = Application.model_validate(data)
    a = assess(app)
    open_facts = {
        m.fact
        for part in (a.conditions, a.scope, a.plan)
        if part.answer == "undetermined"
        for m in part.missing_facts
    }
    r = route(app)
    if r.status == "undetermined":
        open_facts |= {m.fact for m in r.missing_facts}
    assert {q.fact for q in questions(app)} <= open_facts
