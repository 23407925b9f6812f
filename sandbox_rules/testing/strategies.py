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

from collections.abc import Sequence
from datetime import date, timedelta
from functools import cache
from typing import Any

from hypothesis import strategies as st

from sandbox_rules.catalogues import catalogue
from sandbox_rules.models import Application


def mostly(good: bool, odds: int = 12) -> st.SearchStrategy[bool]:
    """A boolean that is usually the compliant value, so all verdicts get generated."""
    return st.sampled_from([good] * odds + [not good])


def dates_in_range(
    lo: date = date(2025, 7, 1), hi: date = date(2032, 12, 31)
) -> st.SearchStrategy[date]:
    return st.dates(min_value=lo, max_value=hi)


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


class _Choices:
    """Choices read one by one from bytes drawn in one go.

    Hypothesis spends about 50 µs on each draw; an application is about 80 choices, so a
    draw per choice made drawing an example cost more than checking it. One draw of bytes
    gives every choice instead. Hypothesis shrinks bytes toward zero, and a zero byte is the
    first option of every choice (the compliant value, the empty list), so a failing
    example still shrinks toward the plainest application that fails."""

    def __init__(self, data: bytes) -> None:
        self._data = data
        self._at = 0

    def byte(self) -> int:
        b = self._data[self._at] if self._at < len(self._data) else 0
        self._at += 1
        return b

    def pick(self, options: Sequence[Any]) -> Any:
        return options[self.byte() * len(options) // 256]

    def mostly(self, good: bool, odds: int = 12) -> bool:
        """The compliant value ``odds`` times in ``odds + 1``, so all verdicts get generated."""
        return good if self.byte() * (odds + 1) // 256 < odds else not good

    def count(self, low: int, high: int) -> int:
        """A length in [low, high], short ones likelier (as Hypothesis's own lists)."""
        b = self.byte()
        return low + b * b * (high - low + 1) // 65536

    def integer(self, lo: int, hi: int) -> int:
        """An int in [lo, hi]; one in eight is ``lo`` and one in eight ``hi`` (where the bugs
        are, as Hypothesis's integers favour the bounds), the rest spread evenly."""
        edge = self.byte()
        n = self.byte() << 8 | self.byte()
        if edge < 32:
            return lo
        if edge >= 224:
            return hi
        return lo + n * (hi - lo + 1) // 65536

    def day(self, lo: date, hi: date) -> date:
        return lo + timedelta(days=self.integer(0, (hi - lo).days))


_CATEGORIES = ("other_intentional", "national_security", "negligent")
_COURT = ("prison_sentence_postponed", "non_custodial_reform", "probation", "residence_ban",
          "ban_from_posts", "ban_from_conditional_business")  # fmt: skip
_FIELDS = ("data", "cybersecurity", "information_technology", "electronic_transactions", "other")
_MEASURES = ("being_applied", "awaiting", "applied_still_counting", "period_over")
_PLAN_KEYS = (
    "lead_identity", "registration_or_establishment", "participants_identity_and_qualifications",
    "necessity_and_objectives", "solution_description", "risk_level_assessment",
    "rights_and_responsibilities", "control_measures", "risk_controls_privacy_and_data_security",
    "risk_controls_financial", "risk_controls_social_and_ethical", "risk_controls_national_security",
    "scope_time_budget", "expected_results", "explanatory_documents",
)  # fmt: skip
_RISKS = ("privacy_and_data_security", "financial", "social_and_ethical", "national_security",
          "remediation_plan")  # fmt: skip
_APPLICATION_BYTES = 96  # more than the choices of the largest application (about 70)


def _background(c: _Choices) -> dict[str, Any]:
    return {
        "prosecuted_as_accused": c.mostly(False),
        "convictions": [
            {
                "category": c.pick(_CATEGORIES),
                "prison_years": c.pick((0, 1, 2.5, 2.99, 3, 3.5, 7, 20)),
                "record_expunged": c.mostly(True, 3),
            }
            for _ in range(c.count(0, 1))
        ],
        "court_measures": [c.pick(_COURT) for _ in range(c.count(0, 1))],
        "administrative_sanctions": [
            {"field": c.pick(_FIELDS), "still_counting": c.mostly(False, 3)}
            for _ in range(c.count(0, 1))
        ],
        "administrative_measures": [{"status": c.pick(_MEASURES)} for _ in range(c.count(0, 1))],
    }


def _person(c: _Choices) -> dict[str, Any]:
    return {
        "vietnamese_citizen": c.mostly(True),
        "permanent_resident_in_vietnam": c.mostly(True),
        "background": _background(c),
    }


@cache
def _body_codes() -> tuple[str, ...]:
    codes = [b.code for b in catalogue().bodies.values()]
    return (*codes[:6], "BYT", "BTC", "BQP", "BCA")


def _application(c: _Choices) -> dict[str, Any]:
    """A complete application (every fact known), from the choices ``c`` gives."""
    applicant: dict[str, Any]
    if c.byte() < 128:
        applicant = {
            "kind": "organisation",
            "lawful_legal_entity_in_vietnam": c.mostly(True),
            "restructuring": [
                {
                    "kind": c.pick(("merger", "dissolution", "bankruptcy")),
                    "decision_issued": c.mostly(False, 3),
                }
                for _ in range(c.count(0, 1))
            ],
            "staff_qualified": c.mostly(True),
            "legal_representative": _person(c),
        }
    else:
        applicant = {
            "kind": "individual",
            "person": _person(c),
            "degree": {
                "level": c.pick(
                    ("university", "master", "doctorate", "university", "below_university")
                ),
                "relevant_to_field": c.mostly(True),
            },
        }
    sites = ("data_owning_unit", "ministry_of_public_security") * 4 + ("not_approved",)
    return {
        "applicant": applicant,
        "solution": {
            "innovative_with_benefit_in_vietnam": c.mostly(True),
            "risk_management": {k: c.mostly(True) for k in _RISKS},
            "self_review_complete": c.mostly(True),
            "feasible_after_testing": c.mostly(True),
        },
        "scope": {
            "testing_spaces": [
                {
                    "kind": c.pick(("physical", "network", "geographic")),
                    "at_own_site": c.byte() >= 128,
                    "site_approved_by": c.pick(sites),
                }
                for _ in range(c.count(1, 2))
            ],
            "planned_start": c.day(date(2025, 7, 1), date(2028, 12, 31)),
            "duration_months": c.pick((6, 12, 18, 24, 24, 25, 30)),
        },
        "plan": {
            "name": c.pick(("Phương án A", "Plan B")),
            **{k: c.mostly(True, 30) for k in _PLAN_KEYS},
        },
        "data_sources": [
            {
                "owning_unit": c.pick(("Đơn vị A", "Đơn vị B", "Đơn vị C", "Đơn vị D")),
                "managed_by": c.pick(_body_codes()),
                "defence_or_cipher": c.mostly(False, 4),
            }
            for _ in range(c.count(1, 4))
        ],
    }


@cache  # built once: a strategy rebuilt on every draw costs more than the draw itself
def _full_application() -> st.SearchStrategy[dict[str, Any]]:
    return st.binary(min_size=_APPLICATION_BYTES, max_size=_APPLICATION_BYTES).map(
        lambda data: _application(_Choices(data))
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
    c = _Choices(draw(st.binary(min_size=2 * max_blanks + 1, max_size=2 * max_blanks + 1)))
    chosen = (
        {
            paths[(c.byte() << 8 | c.byte()) * len(paths) // 65536]
            for _ in range(c.count(0, max_blanks))
        }
        if paths
        else set()
    )
    partial = full
    for path in sorted(chosen, key=lambda p: (-len(p), p)):
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


_RECORD_BYTES = 80  # more than the choices of the longest record (about 67)


def _record(c: _Choices) -> dict[str, Any]:
    issued = c.day(date(2025, 7, 1), date(2030, 6, 30))
    months = c.integer(1, 24)
    offsets = sorted(c.integer(0, 30 * months) for _ in range(c.count(0, 6)))
    events = []
    for o in offsets:
        event: dict[str, Any] = {
            "type": c.pick(_LIFE_EVENTS),
            "date": (issued + timedelta(days=o)).isoformat(),
        }
        # months: an extension's length; for an adjustment, how much it lengthens (13.2.c).
        lengthens = c.byte() >= 128
        length = c.integer(1, 24)
        if event["type"] == "extension_approved" or (
            event["type"] == "adjustment_approved" and lengthens
        ):
            event["months"] = length
        # 17.3: what the inspection record asked for; absent = unknown.
        required = c.pick((True, False, None))
        if event["type"] == "inspection_ended" and required is not None:
            event["remediation_required"] = required
        # 17.2: a periodic or an ad hoc inspection; absent = not stated.
        inspection = c.pick((None, "periodic", "ad_hoc"))
        if event["type"] == "inspection_ended" and inspection is not None:
            event["inspection_kind"] = inspection
        events.append(event)
    return {"issued_on": issued.isoformat(), "approved_months": months, "events": events}


@cache
def records() -> st.SearchStrategy[dict[str, Any]]:
    """Sandbox records (as data): an issue date, an approved length and events in the period,
    revocation and conclusion among them; inspections with or without remediation required,
    periodic, ad hoc or of unstated kind;
    event sequences may be invalid (a second extension), which lifecycle() must reject."""
    return st.binary(min_size=_RECORD_BYTES, max_size=_RECORD_BYTES).map(
        lambda data: _record(_Choices(data))
    )
