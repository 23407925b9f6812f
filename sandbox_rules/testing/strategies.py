"""Hypothesis strategies: applications (as JSON-like data or validated models) with every fact
possibly unknown, data-source lists for routing, and *refinements* — pairs (partial, full)
where the full application only fills in facts the partial one left unknown.

    from hypothesis import given
    from sandbox_rules.testing import applications

    @given(applications())
    def test_never_crashes(app):
        sandbox_rules.assess(app)
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import cache
from typing import Any

from hypothesis import strategies as st

from sandbox_rules.catalogues import catalogue
from sandbox_rules.models import Application

BOOL3 = st.sampled_from([True, False, None])


def mostly(good: bool, odds: int = 12) -> st.SearchStrategy[bool]:
    """A boolean that is usually the compliant value, so all verdicts get generated."""
    return st.sampled_from([good] * odds + [not good])


_CATEGORIES = st.sampled_from(["national_security", "other_intentional", "negligent"])
_COURT = st.sampled_from(
    [
        "prison_sentence_postponed",
        "non_custodial_reform",
        "probation",
        "residence_ban",
        "ban_from_posts",
        "ban_from_conditional_business",
    ]
)
_FIELDS = st.sampled_from(
    ["data", "cybersecurity", "information_technology", "electronic_transactions", "other"]
)
_MEASURES = st.sampled_from(["being_applied", "awaiting", "applied_still_counting", "period_over"])


def dates_in_range(
    lo: date = date(2025, 7, 1), hi: date = date(2032, 12, 31)
) -> st.SearchStrategy[date]:
    return st.dates(min_value=lo, max_value=hi)


@cache
def _full_background() -> st.SearchStrategy[dict[str, Any]]:
    return st.fixed_dictionaries(
        {
            "prosecuted_as_accused": mostly(False),
            "convictions": st.lists(
                st.fixed_dictionaries(
                    {
                        "category": _CATEGORIES,
                        "prison_years": st.sampled_from([0, 1, 2.5, 2.99, 3, 3.5, 7, 20]),
                        "record_expunged": mostly(True, 3),
                    }
                ),
                max_size=1,
            ),
            "court_measures": st.lists(_COURT, max_size=1),
            "administrative_sanctions": st.lists(
                st.fixed_dictionaries({"field": _FIELDS, "still_counting": mostly(False, 3)}),
                max_size=1,
            ),
            "administrative_measures": st.lists(
                st.fixed_dictionaries({"status": _MEASURES}), max_size=1
            ),
        }
    )


@cache
def _person() -> st.SearchStrategy[dict[str, Any]]:
    return st.fixed_dictionaries(
        {
            "vietnamese_citizen": mostly(True),
            "permanent_resident_in_vietnam": mostly(True),
            "background": _full_background(),
        }
    )


@cache
def source_lists(min_size: int = 1, max_size: int = 4) -> st.SearchStrategy[list[dict[str, Any]]]:
    """Data sources over a few real managing bodies and owning units."""
    codes = [b.code for b in catalogue().bodies.values()]
    return st.lists(
        st.fixed_dictionaries(
            {
                "owning_unit": st.sampled_from(["Đơn vị A", "Đơn vị B", "Đơn vị C", "Đơn vị D"]),
                "managed_by": st.sampled_from([*codes[:6], "BYT", "BTC", "BQP", "BCA"]),
                "defence_or_cipher": mostly(False, 4),
            }
        ),
        min_size=min_size,
        max_size=max_size,
    )


@cache  # built once: a strategy rebuilt on every draw costs more than the draw itself
def _full_application() -> st.SearchStrategy[dict[str, Any]]:
    plan_keys = [
        "lead_identity", "registration_or_establishment", "participants_identity_and_qualifications",
        "necessity_and_objectives", "solution_description", "risk_level_assessment",
        "rights_and_responsibilities", "control_measures", "risk_controls_privacy_and_data_security",
        "risk_controls_financial", "risk_controls_social_and_ethical", "risk_controls_national_security",
        "scope_time_budget", "expected_results", "explanatory_documents",
    ]  # fmt: skip
    organisation = st.fixed_dictionaries(
        {
            "kind": st.just("organisation"),
            "lawful_legal_entity_in_vietnam": mostly(True),
            "restructuring": st.lists(
                st.fixed_dictionaries(
                    {
                        "kind": st.sampled_from(["merger", "dissolution", "bankruptcy"]),
                        "decision_issued": mostly(False, 3),
                    }
                ),
                max_size=1,
            ),
            "staff_qualified": mostly(True),
            "legal_representative": _person(),
        }
    )
    individual = st.fixed_dictionaries(
        {
            "kind": st.just("individual"),
            "person": _person(),
            "degree": st.fixed_dictionaries(
                {
                    "level": st.sampled_from(
                        ["university", "master", "doctorate", "university", "below_university"]
                    ),
                    "relevant_to_field": mostly(True),
                }
            ),
        }
    )
    start = dates_in_range(date(2025, 7, 1), date(2028, 12, 31))
    return st.fixed_dictionaries(
        {
            "applicant": st.one_of(organisation, individual),
            "solution": st.fixed_dictionaries(
                {
                    "innovative_with_benefit_in_vietnam": mostly(True),
                    "risk_management": st.fixed_dictionaries(
                        {
                            k: mostly(True)
                            for k in (
                                "privacy_and_data_security",
                                "financial",
                                "social_and_ethical",
                                "national_security",
                                "remediation_plan",
                            )
                        }
                    ),
                    "self_review_complete": mostly(True),
                    "feasible_after_testing": mostly(True),
                }
            ),
            "scope": st.fixed_dictionaries(
                {
                    "testing_spaces": st.lists(
                        st.fixed_dictionaries(
                            {
                                "kind": st.sampled_from(["physical", "network", "geographic"]),
                                "at_own_site": st.booleans(),
                                "site_approved_by": st.sampled_from(
                                    ["data_owning_unit", "ministry_of_public_security"] * 4
                                    + ["not_approved"]
                                ),
                            }
                        ),
                        min_size=1,
                        max_size=2,
                    ),
                    "planned_start": start,
                    "duration_months": st.sampled_from([6, 12, 18, 24, 24, 25, 30]),
                }
            ),
            "plan": st.fixed_dictionaries(
                {
                    "name": st.sampled_from(["Phương án A", "Plan B"]),
                    **{k: mostly(True, 30) for k in plan_keys},
                }
            ),
            "data_sources": source_lists(),
        }
    )


def _blankable(data: dict[str, Any]) -> list[tuple[str, ...]]:
    """Paths of facts a refinement may make unknown: any scalar field, or a whole list; never
    the applicant's kind (it selects the model) nor an element of a list of scalars."""
    out: list[tuple[str, ...]] = []

    def walk(node: Any, path: tuple[str, ...]) -> None:
        if isinstance(node, dict):
            for k, v in node.items():
                if path == ("applicant",) and k == "kind":
                    continue
                walk(v, (*path, k))
        elif isinstance(node, list):
            out.append(path)
            for i, v in enumerate(node):
                if isinstance(v, dict):
                    walk(v, (*path, str(i)))
        else:
            out.append(path)

    walk(data, ())
    return out


def _blank(data: Any, path: tuple[str, ...]) -> Any:
    if not path:
        return None
    if isinstance(data, list):
        i = int(path[0])
        items = list(data)
        if i < len(items):
            items[i] = _blank(items[i], path[1:])
        return items
    fields = dict(data)
    if path[0] in fields:
        fields[path[0]] = _blank(fields[path[0]], path[1:])
    return fields


@st.composite
def refinements(draw: st.DrawFn, max_blanks: int = 12) -> tuple[dict[str, Any], dict[str, Any]]:
    """(partial, full): ``full`` is complete; ``partial`` has some facts set to unknown."""
    full = draw(_full_application())
    paths = _blankable(full)
    chosen = (
        draw(st.lists(st.sampled_from(paths), max_size=max_blanks, unique=True)) if paths else []
    )
    partial = full
    for path in sorted(chosen, key=len, reverse=True):
        partial = _blank(partial, path)
    return partial, full


def application_data() -> st.SearchStrategy[dict[str, Any]]:
    """JSON-like application data with any fact possibly unknown."""
    return refinements().map(lambda pair: pair[0])


def applications() -> st.SearchStrategy[Application]:
    """Validated :class:`Application` models with any fact possibly unknown."""
    return application_data().map(Application.model_validate)


_LIFE_EVENTS = [
    "testing_started", "adjustment_requested", "adjustment_approved", "extension_requested",
    "extension_approved", "inspection_ended", "remediation_done", "incident_found",
    "quarterly_report_submitted", "results_report_submitted", "reissued",
    "incident_phoned", "incident_report_submitted", "revoked", "concluded",
]  # fmt: skip


@st.composite
def records(draw: st.DrawFn) -> dict[str, Any]:
    """Sandbox records (as data): an issue date, an approved length and events in the period,
    revocation and conclusion among them; inspections with or without remediation required;
    event sequences may be invalid (a second extension), which lifecycle() must reject."""
    issued = draw(dates_in_range(date(2025, 7, 1), date(2030, 6, 30)))
    months = draw(st.integers(min_value=1, max_value=24))
    offsets = draw(st.lists(st.integers(min_value=0, max_value=30 * months), max_size=6))
    events = []
    for o in sorted(offsets):
        event: dict[str, Any] = {
            "type": draw(st.sampled_from(_LIFE_EVENTS)),
            "date": (issued + timedelta(days=o)).isoformat(),
        }
        # months: an extension's length; for an adjustment, how much it lengthens (13.2.c).
        if event["type"] == "extension_approved" or (
            event["type"] == "adjustment_approved" and draw(st.booleans())
        ):
            event["months"] = draw(st.integers(min_value=1, max_value=24))
        # 17.3: what the inspection record asked for; absent = unknown.
        required = draw(st.sampled_from([True, False, None]))
        if event["type"] == "inspection_ended" and required is not None:
            event["remediation_required"] = required
        events.append(event)
    return {"issued_on": issued.isoformat(), "approved_months": months, "events": events}
