"""Input models, catalogues, JSON Schemas, and every bundled example end to end."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path
from typing import Any

import pytest
import yaml

from sandbox_rules.catalogues import catalogue, lookup
from sandbox_rules.engine import assess, issuance_dossier, route
from sandbox_rules.errors import InputValidationError
from sandbox_rules.models import load_application
from sandbox_rules.schema import OUTPUTS, json_schema

EXAMPLES = Path(__file__).parent.parent / "examples"

# (name as a user may type it, code) — diacritics optional, NFC or NFD, prefixes optional.
NAMES = [
    ("Hà Nội", "HNI"),
    ("ha noi", "HNI"),
    ("Thành phố Hà Nội", "HNI"),
    ("UBND tỉnh Nghệ An", "NAN"),
    (unicodedata.normalize("NFD", "Đắk Lắk"), "DLK"),
    ("TP.HCM", "HCM"),
    ("Bộ Y tế", "BYT"),
    ("bo y te", "BYT"),
    ("Ngân hàng Nhà nước Việt Nam", "NHNN"),
    ("Hà Giang", "TQG"),  # merged into Tuyên Quang from 01/07/2025
]


@pytest.mark.parametrize(("name", "code"), NAMES)
def test_catalogue_lookup(name: str, code: str) -> None:
    assert lookup(name).code == code


def test_catalogue_counts_and_sources() -> None:
    cat = catalogue()
    assert len(cat.of_kind("city", "province")) == 34
    assert len(cat.of_kind("city")) == 6
    assert len(cat.of_kind("ministry")) == 14 and len(cat.of_kind("ministerial_agency")) == 3
    assert all("document" in src and "confirmed" in src for src in cat.sources.values())


def test_validation_errors_name_the_field() -> None:
    with pytest.raises(InputValidationError) as exc:
        load_application({"applicant": {"kind": "organisation", "staff_qualified": "yes please"}})
    assert exc.value.errors[0]["field"] == "applicant.organisation.staff_qualified"
    with pytest.raises(InputValidationError, match="interpretation"):
        load_application(
            {"applicant": {"kind": "individual"}, "interpretations": {"form-order": "sideways"}}
        )
    with pytest.raises(InputValidationError, match="planned_end"):
        load_application(
            {
                "applicant": {"kind": "individual"},
                "scope": {"planned_start": "2027-01-02", "planned_end": "2027-01-01"},
            }
        )
    with pytest.raises(InputValidationError):
        assess(["not", "an", "application"])  # type: ignore[arg-type]


def test_models_are_frozen() -> None:
    app = load_application({"applicant": {"kind": "individual"}})
    with pytest.raises(Exception):  # noqa: B017 - pydantic's frozen error
        app.applicant = None  # type: ignore[misc, assignment]


def test_json_schema_exports() -> None:
    schema = json_schema("application")
    assert schema["properties"]["applicant"]["discriminator"]["propertyName"] == "kind"
    for which in ("assessment", "routing", "dossier"):
        assert json_schema(which)["type"] == "object"


# (example file, verdict, authority code, procedure) — worked out by hand for each scenario.
EXPECTED = [
    ("org-hanoi-one-source.yaml", "eligible", "HNI", "12.3"),
    ("org-two-provinces.yaml", "eligible", "BCA", "12.4"),
    ("org-defence-data.yaml", "undetermined", "BQP", "12.6"),
    ("individual-health.yaml", "eligible", "BYT", "12.3"),
    ("individual-ineligible.yaml", "ineligible", "DNG", "12.3"),
    ("org-undetermined.yaml", "undetermined", "CTO", None),
    ("org-same-ministry-two-units.yaml", "undetermined", "BTC", "12.4"),
    ("org-three-provinces.yaml", "undetermined", "BCA", "12.4"),
    ("org-unapproved-site.yaml", "ineligible", "HUE", "12.3"),
]


def _load(name: str) -> Any:
    return yaml.safe_load((EXAMPLES / name).read_text(encoding="utf-8"))


@pytest.mark.parametrize(("name", "verdict", "authority", "procedure"), EXPECTED)
def test_examples(name: str, verdict: str, authority: str, procedure: str | None) -> None:
    app = load_application(_load(name))
    a, r = assess(app), route(app)
    assert a.verdict == verdict
    assert (r.authority["code"] if r.authority else None, r.procedure) == (authority, procedure)
    # Every output validates against its published schema and is JSON.
    OUTPUTS["assessment"].model_validate(json.loads(a.to_json()))
    OUTPUTS["routing"].model_validate(json.loads(r.to_json()))
    OUTPUTS["dossier"].model_validate(json.loads(issuance_dossier(app).to_json()))


def test_every_example_is_listed() -> None:
    listed = {name for name, *_ in EXPECTED} | {"adjustment-dossier.yaml"}
    assert {p.name for p in EXAMPLES.glob("*.yaml")} == listed


def test_ineligible_example_lists_each_failure() -> None:
    a = assess(load_application(_load("individual-ineligible.yaml")))
    assert {f.rule_id for f in a.failed} == {
        "ind.degree",
        "ind.no-counting-sanction",
        "ind.no-disqualifying-conviction",
    }
    a2 = assess(load_application(_load("org-unapproved-site.yaml")))
    assert {f.rule_id for f in a2.failed} == {"scope.geographic-site", "scope.duration.max-2-years"}


def test_outputs_are_deterministic() -> None:
    app = load_application(_load("org-hanoi-one-source.yaml"))
    assert assess(app).to_json() == assess(app).to_json()
    assert route(app).to_json() == route(app).to_json()


def test_time_outputs_validate_against_their_schemas() -> None:
    from datetime import date

    from sandbox_rules.calendar import VietnamCalendar, WorkingDays
    from sandbox_rules.lifecycle import lifecycle
    from sandbox_rules.obligations import obligations
    from sandbox_rules.procedures import timeline

    scenarios = Path(__file__).parent.parent / "examples" / "scenarios"
    for path in sorted(scenarios.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        as_of = data["as_of"]
        for spec in data.get("timelines") or ([data["timeline"]] if "timeline" in data else []):
            t = timeline(spec["procedure"], spec["events"], as_of).to_dict(explain=True)
            OUTPUTS["timeline"].model_validate(json.loads(json.dumps(t)))
        if "record" in data:
            OUTPUTS["lifecycle"].model_validate(
                json.loads(json.dumps(lifecycle(data["record"], as_of).to_dict()))
            )
            OUTPUTS["obligations"].model_validate(
                json.loads(json.dumps(obligations(data["record"], as_of).to_dict()))
            )
    d = VietnamCalendar().deadline(date(2026, 1, 1), WorkingDays(3)).to_dict()
    OUTPUTS["deadline"].model_validate(json.loads(json.dumps(d)))
    assert json_schema("record")["properties"]["events"]["type"] == "array"
