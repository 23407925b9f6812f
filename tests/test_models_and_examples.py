"""Input models, catalogues, JSON Schemas, and every bundled example end to end."""

from __future__ import annotations

import unicodedata
from pathlib import Path
from typing import Any

import pytest
import yaml

from sandbox_rules.catalogues import catalogue, lookup
from sandbox_rules.engine import assess, route
from sandbox_rules.errors import InputValidationError
from sandbox_rules.models import load_application
from sandbox_rules.schema import json_schema

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


@pytest.mark.parametrize(("name", "code"), NAMES)
def test_a_name_is_found_the_same_second_time_and_padded_past_the_kept_length(
    name: str, code: str
) -> None:
    # Short names are folded once and kept; a long text is folded each time. Both agree.
    assert lookup(name).code == lookup(name).code == code
    assert lookup(name + "," * 200).code == code  # commas fold to nothing at the end


def test_catalogue_counts_and_sources() -> None:
    cat = catalogue()
    assert len(cat.of_kind("city", "province")) == 34
    assert len(cat.of_kind("city")) == 6
    assert len(cat.of_kind("ministry")) == 14 and len(cat.of_kind("ministerial_agency")) == 3
    assert all("document" in src and "confirmed" in src for src in cat.sources.values())


def test_validation_errors_name_the_field() -> None:
    with pytest.raises(InputValidationError) as exc:
        load_application({"applicant": {"kind": "organisation", "staff_qualified": "yes please"}})
    # the path of the input (docs/records.md), not pydantic's with the union's tag
    assert exc.value.errors[0]["field"] == "applicant.staff_qualified"
    assert exc.value.errors[0]["loc"] == ["applicant", "staff_qualified"]
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


# (example file, Art. 9 answer, Art. 10 answer, Art. 11 answer, authority code, procedure) —
# worked out by hand from each file and the text; a fact absent from the file is unknown.
EXPECTED = [
    ("org-hanoi-one-source.yaml", "eligible", "within", "complete", "HNI", "12.3"),
    ("org-two-provinces.yaml", "eligible", "within", "complete", "BCA", "12.4"),
    # No 9.3 facts about the solution, no scope, no plan: all three open.
    ("org-defence-data.yaml", "undetermined", "undetermined", "undetermined", "BQP", "12.6"),
    ("individual-health.yaml", "eligible", "within", "complete", "BYT", "12.3"),
    # 9.2 fails (degree, conviction): nothing else can change the Art. 9 answer.
    ("individual-ineligible.yaml", "ineligible", "undetermined", "undetermined", "DNG", "12.3"),
    # One Cần Thơ source, its unit not named: "một nguồn dữ liệu từ một đơn vị chủ quản dữ
    # liệu" (12.3) all the same.
    ("org-undetermined.yaml", "undetermined", "undetermined", "undetermined", "CTO", "12.3"),
    (
        "org-same-ministry-two-units.yaml",
        "undetermined",
        "undetermined",
        "undetermined",
        "BTC",
        "12.4",  # 12.4: "hai nguồn dữ liệu từ hai đơn vị chủ quản dữ liệu" (same-manager-two-units)
    ),
    ("org-three-provinces.yaml", "undetermined", "undetermined", "undetermined", "BCA", "12.4"),
    # 10.1 (unapproved site) and 10.2 ("không quá 02 năm": 30 months) put the scope outside
    # Art. 10; the representative's facts are absent, so Art. 9 stays open.
    ("org-unapproved-site.yaml", "undetermined", "outside", "undetermined", "HUE", "12.3"),
]


def _load(name: str) -> Any:
    return yaml.safe_load((EXAMPLES / name).read_text(encoding="utf-8"))


@pytest.mark.parametrize(("name", "verdict", "scope", "plan", "authority", "procedure"), EXPECTED)
def test_examples(
    name: str, verdict: str, scope: str, plan: str, authority: str, procedure: str | None
) -> None:
    app = load_application(_load(name))
    a, r = assess(app), route(app)
    assert (a.verdict, a.scope.answer, a.plan.answer) == (verdict, scope, plan)
    assert (r.authority.code if r.authority else None, r.procedure) == (authority, procedure)


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


def test_record_schema_lists_events() -> None:
    assert json_schema("record")["properties"]["events"]["type"] == "array"
