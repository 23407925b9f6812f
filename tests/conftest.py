"""Shared hand-written fixtures: a fully compliant organisation and individual application."""

from __future__ import annotations

import copy
import re
import sys
from pathlib import Path
from typing import Any

# pytest keeps each test module's assertion-rewritten bytecode in __pycache__ unless Python is
# told to write none; where PYTHONDONTWRITEBYTECODE is set (this machine), every test process
# rewrote all the test modules again, about 3 s per process before the first test ran. The
# suite writes its own caches, as `make bytecode` does for the package.
sys.dont_write_bytecode = False

CLEAN_BACKGROUND: dict[str, Any] = {
    "prosecuted_as_accused": False,
    "convictions": [],
    "court_measures": [],
    "administrative_sanctions": [],
    "administrative_measures": [],
}

PLAN_FULL: dict[str, Any] = {
    "name": "Phương án thử nghiệm",
    "lead_identity": True,
    "registration_or_establishment": True,
    "participants_identity_and_qualifications": True,
    "necessity_and_objectives": True,
    "solution_description": True,
    "risk_level_assessment": True,
    "rights_and_responsibilities": True,
    "control_measures": True,
    "risk_controls_privacy_and_data_security": True,
    "risk_controls_financial": True,
    "risk_controls_social_and_ethical": True,
    "risk_controls_national_security": True,
    "scope_time_budget": True,
    "expected_results": True,
    "explanatory_documents": True,
}

COMMON: dict[str, Any] = {
    "solution": {
        "innovative_with_benefit_in_vietnam": True,
        "risk_management": {
            "privacy_and_data_security": True,
            "financial": True,
            "social_and_ethical": True,
            "national_security": True,
            "remediation_plan": True,
        },
        "self_review_complete": True,
        "feasible_after_testing": True,
    },
    "scope": {
        "testing_spaces": [{"kind": "network"}],
        "planned_start": "2026-12-01",
        "duration_months": 24,
    },
    "plan": PLAN_FULL,
    "data_sources": [
        {"owning_unit": "Sở KH&CN Hà Nội", "managed_by": "Hà Nội", "defence_or_cipher": False}
    ],
}

ORGANISATION: dict[str, Any] = {
    "applicant": {
        "kind": "organisation",
        "lawful_legal_entity_in_vietnam": True,
        "restructuring": [],
        "staff_qualified": True,
        "legal_representative": {
            "vietnamese_citizen": True,
            "permanent_resident_in_vietnam": True,
            "background": CLEAN_BACKGROUND,
        },
    },
    **COMMON,
}

INDIVIDUAL: dict[str, Any] = {
    "applicant": {
        "kind": "individual",
        "person": {
            "vietnamese_citizen": True,
            "permanent_resident_in_vietnam": True,
            "background": CLEAN_BACKGROUND,
        },
        "degree": {"level": "university", "relevant_to_field": True},
    },
    **COMMON,
    "plan": {**PLAN_FULL, "registration_or_establishment": None},
}


def with_changes(base: dict[str, Any], changes: dict[str, Any]) -> dict[str, Any]:
    """A deep copy of ``base`` with dotted-path ``changes`` applied (a value of ... deletes)."""
    data = copy.deepcopy(base)
    for path, value in changes.items():
        node = data
        keys = path.split(".")
        for k in keys[:-1]:
            node = node[int(k)] if isinstance(node, list) else node.setdefault(k, {})
        if value is ...:
            node.pop(keys[-1], None)
        elif isinstance(node, list):
            node[int(keys[-1])] = value
        else:
            node[keys[-1]] = value
    return data


def _quick(config: Any) -> bool:
    """The quick loop: plain `pytest`, whose options leave out the slow tests."""
    return bool(config.getoption("markexpr", "") == "not slow")


def pytest_configure(config: Any) -> None:
    import _examples

    _examples.set_quick(_quick(config))
    if _quick(config):  # the property tests that set no count of their own: 50, not 100
        from hypothesis import settings

        settings.register_profile("quick", max_examples=50)
        settings.load_profile("quick")


def pytest_terminal_summary(terminalreporter: Any, exitstatus: int, config: Any) -> None:
    """Say so when the slow tests (real processes) were left out, as plain `pytest` does, and
    that the property tests drew fewer examples."""
    if _quick(config):
        terminalreporter.write_line(
            "note: the tests marked slow (real processes: server, browser, PDF, builds, "
            "command lines) were left out, and the property tests drew fewer examples "
            "(tests/_examples.py); `make test` runs every test with all of them"
        )


_WHOLLY_SLOW = re.compile(r"^pytestmark = \[?\s*pytest\.mark\.slow\b", re.M)


def pytest_ignore_collect(collection_path: Path, config: Any) -> bool | None:
    """When the slow tests are left out, a module marked slow as a whole is not even imported
    (its server, browser and HTTP client imports cost every worker a second)."""
    if not _quick(config) or collection_path.suffix != ".py":
        return None
    if collection_path.name.startswith("test_") and _WHOLLY_SLOW.search(
        collection_path.read_text(encoding="utf-8")
    ):
        return True
    return None
