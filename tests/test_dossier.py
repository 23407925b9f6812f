"""Dossier checklists: 12.2 issuance, 12.5 re-issue, 13.2 adjustment, 14.1 extension, 16.2 conclusion."""

from __future__ import annotations

import pytest

from sandbox_rules.engine import dossier, issuance_dossier
from sandbox_rules.errors import InputValidationError

# (procedure, applicant kind, documents at hand, requires_extension, missing documents) — from the text.
CASES = [
    # 12.2: organisation application (HĐTN01 under the listed-order reading) and the plan.
    ("issuance", "organisation", ["HĐTN01", "plan"], None, []),
    ("issuance", "organisation", ["HĐTN02", "plan"], None, ["HĐTN01"]),
    ("issuance", "individual", ["hdtn02"], None, ["plan"]),  # spelling without diacritics accepted
    # 12.5: the re-issue declaration only.
    ("reissue", "individual", [], None, ["reissue_declaration"]),
    # 13.2: the results report is needed only when the adjustment requires an extension (13.2.c).
    ("adjustment", "organisation", ["HĐTN05", "adjusted_plan"], False, []),
    ("adjustment", "organisation", ["HĐTN05", "adjusted_plan"], True, ["HĐTN08"]),
    ("adjustment", "individual", ["HĐTN06", "adjusted_plan", "HĐTN07"], True, []),
    # 14.1: extension request with the results report (HĐTN07 individual / HĐTN08 organisation).
    ("extension", "individual", ["HĐTN14"], None, ["HĐTN07"]),
    ("extension", "organisation", ["HĐTN13", "HĐTN08"], None, []),
    # 16.2: conclusion request with the results report.
    ("conclusion", "organisation", ["HĐTN09"], None, ["HĐTN08"]),
    ("conclusion", "individual", ["HĐTN10", "results_report"], None, []),
]


@pytest.mark.parametrize(("procedure", "kind", "docs", "ext", "missing"), CASES)
def test_dossiers(
    procedure: str, kind: str, docs: list[str], ext: bool | None, missing: list[str]
) -> None:
    result = dossier(procedure, kind, docs, requires_extension=ext)
    assert [m.document for m in result.missing] == missing
    assert result.complete is (not missing)


def test_form_order_is_an_interpretation() -> None:
    listed = dossier("issuance", "organisation", ["HĐTN01", "plan"])
    reversed_ = dossier(
        "issuance", "organisation", ["HĐTN01", "plan"], interpretations={"form-order": "reversed"}
    )
    assert listed.complete is True and reversed_.complete is False
    assert reversed_.interpretations_used == {"form-order": "reversed"}
    # The report forms are fixed by the text, whatever the form-order reading.
    ext = dossier(
        "extension",
        "organisation",
        ["HĐTN14", "HĐTN08"],
        interpretations={"form-order": "reversed"},
    )
    assert ext.complete is True


def test_unknown_inputs() -> None:
    assert dossier("issuance", "organisation", None).complete is None
    assert (
        dossier("adjustment", "organisation", ["HĐTN05", "adjusted_plan"]).complete is None
    )  # 13.2.c undecided
    with pytest.raises(InputValidationError):
        dossier("licence", "organisation", [])
    with pytest.raises(InputValidationError):
        dossier("issuance", "company", [])


def test_issuance_dossier_from_an_application() -> None:
    app = {"applicant": {"kind": "individual"}, "submission": {"documents": ["HĐTN02"]}}
    assert [m.document for m in issuance_dossier(app).missing] == ["plan"]
