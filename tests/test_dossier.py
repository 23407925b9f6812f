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


# -- the other kind of applicant's form (issue 12) ------------------------------------------------
# (procedure, applicant kind, documents, form-order, (given, whose form it is, the form expected))
OTHER_KIND_FORMS = [
    # 12.2.a: HĐTN02 is the individual's application under the default reading (listed-order)
    (
        "issuance",
        "organisation",
        ["HĐTN02", "phương án"],
        None,
        [("HĐTN02", "individual", "HĐTN01")],
    ),
    # the same, written without diacritics, and for an individual the organisation's form
    ("issuance", "individual", ["hdtn01", "plan"], None, [("hdtn01", "organisation", "HĐTN02")]),
    # under the other reading (reversed) HĐTN02 is the organisation's own form: no warning
    ("issuance", "organisation", ["HĐTN02", "plan"], "reversed", []),
    # and HĐTN01 becomes the individual's
    (
        "issuance",
        "organisation",
        ["HĐTN01", "plan"],
        "reversed",
        [("HĐTN01", "individual", "HĐTN02")],
    ),
    # both forms given: the own one counts, the other one is still warned about
    (
        "issuance",
        "organisation",
        ["HĐTN01", "HĐTN02", "plan"],
        None,
        [("HĐTN02", "individual", "HĐTN01")],
    ),
    # 16.2: the results report is assigned by the text itself (HĐTN07 individual)
    (
        "conclusion",
        "organisation",
        ["HĐTN09", "HĐTN07"],
        None,
        [("HĐTN07", "individual", "HĐTN08")],
    ),
    # 14.1: the individual's extension request in an organisation's filing
    ("extension", "organisation", ["HĐTN14", "HĐTN08"], None, [("HĐTN14", "individual", "HĐTN13")]),
    # the applicant's kind unknown: whose form it is cannot be said wrong
    ("issuance", None, ["HĐTN02", "plan"], None, []),
]


@pytest.mark.parametrize(("procedure", "kind", "documents", "order", "expected"), OTHER_KIND_FORMS)
def test_a_form_of_the_other_kind_of_applicant_is_warned_about(
    procedure: str,
    kind: str | None,
    documents: list[str],
    order: str | None,
    expected: list[tuple[str, str, str]],
) -> None:
    from sandbox_rules.report import render_dossier

    interp = {"form-order": order} if order else None
    d = dossier(procedure, kind, documents, interpretations=interp)
    assert [(f.given, f.form_of, f.expected) for f in d.other_kind_forms] == expected
    assert not d.unrecognised  # a form of the filing is recognised, not "unknown"
    text, en = render_dossier(d), render_dossier(d, "en")
    for given, whose, ours in expected:
        who = {"individual": "cá nhân", "organisation": "tổ chức"}[whose]
        assert f"Cảnh báo: «{given}» là mẫu dành cho {who}" in text
        assert f"dùng mẫu «{ours}»" in text
        assert f"«{given}» is the form for an {whose}" in en
    if not expected:
        assert "là mẫu dành cho" not in text


def test_the_issuance_dossier_of_an_application_warns_of_the_other_kinds_form() -> None:
    app = {
        "applicant": {"kind": "organisation"},
        "submission": {"documents": ["HĐTN02", "phương án"]},
    }
    d = issuance_dossier(app)
    assert [i.document for i in d.missing if i.item == "document"] == ["HĐTN01"]
    assert [(f.given, f.citation) for f in d.other_kind_forms] == [("HĐTN02", "12.2.a")]
    assert d.other_kind_forms[0].interpretation == "form-order=listed-order"
