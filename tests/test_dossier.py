"""Dossier checklists: 12.2 issuance, 12.5 re-issue, 13.2 adjustment, 14.1 extension, 16.2 conclusion."""

from __future__ import annotations

from typing import Any

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


# -- names officers give documents (trial finding 9) ---------------------------------------------
# (procedure, applicant kind, name given, what it is: the item's rule id, or the warning's
# reason with what it names — its candidates, its procedures or its suggestion)
NAMES = [
    # 12.2.a in the decree's own words, with and without "đơn", "cho tổ chức, cá nhân", diacritics
    (
        "issuance",
        "organisation",
        "Đề nghị cấp Giấy chứng nhận tham gia hoạt động thử nghiệm có kiểm soát",
        "dossier.issuance.application",
    ),
    (
        "issuance",
        "organisation",
        "Đơn đề nghị cấp Giấy chứng nhận tham gia hoạt động thử nghiệm có kiểm soát",
        "dossier.issuance.application",
    ),
    (
        "issuance",
        "organisation",
        "Don de nghi cap giay chung nhan tham gia hoat dong thu nghiem co kiem soat cho to chuc, ca nhan",
        "dossier.issuance.application",
    ),
    # a form code alone or inside the name, as on a submission slip
    ("issuance", "organisation", "Mẫu HĐTN01", "dossier.issuance.application"),
    ("issuance", "organisation", "HĐTN01 - Đơn đề nghị", "dossier.issuance.application"),
    (
        "issuance",
        "organisation",
        "Đơn đề nghị cấp Giấy chứng nhận (mẫu HĐTN01)",
        "dossier.issuance.application",
    ),
    ("issuance", "organisation", "theo mẫu số HDTN 01", "dossier.issuance.application"),
    ("issuance", None, "HĐTN02 - đơn", "dossier.issuance.application"),  # kind unknown: either
    # the other items in the decree's words
    ("issuance", "individual", "PHƯƠNG ÁN THỬ NGHIỆM CÓ KIỂM SOÁT", "dossier.issuance.plan"),
    (
        "adjustment",
        "organisation",
        "Đề nghị điều chỉnh phương án thử nghiệm có kiểm soát dành cho tổ chức, cá nhân",
        "dossier.adjustment.request",
    ),
    (
        "adjustment",
        "organisation",
        "Phương án thử nghiệm sau khi điều chỉnh phương án thử nghiệm có kiểm soát",
        "dossier.adjustment.plan",
    ),
    ("adjustment", "organisation", "Đơn đề nghị", "dossier.adjustment.request"),  # its own request
    (
        "reissue",
        "individual",
        "Tờ khai đề nghị cấp lại Giấy chứng nhận",
        "dossier.reissue.declaration",
    ),
    ("extension", "organisation", "Văn bản đề nghị gia hạn (HĐTN13)", "dossier.extension.request"),
    (
        "conclusion",
        "individual",
        "Báo cáo kết quả hoạt động thử nghiệm có kiểm soát (mẫu HĐTN07)",
        "dossier.conclusion.results-report",
    ),
    # the other kind of applicant's form inside a name: the other_kind_forms warning
    ("conclusion", "organisation", "Báo cáo kết quả (HĐTN07)", ("other_kind", "HĐTN08")),
    ("issuance", "organisation", "Đơn đề nghị (mẫu HĐTN02)", ("other_kind", "HĐTN01")),
    # never a guess: two forms' codes, or the code of one document and the words of another
    ("issuance", "organisation", "HĐTN01, HĐTN02", ("ambiguous", ())),
    (
        "issuance",
        "organisation",
        "Phương án thử nghiệm (HĐTN01)",
        ("ambiguous", ("dossier.issuance.application", "dossier.issuance.plan")),
    ),
    (
        "issuance",
        "organisation",
        "Phương án thử nghiệm kèm đơn đề nghị",
        ("ambiguous", ("dossier.issuance.application", "dossier.issuance.plan")),
    ),
    # a document of another procedure's filing says which (17: HĐTN13 is the extension's)
    ("issuance", "organisation", "HĐTN13", ("other_procedure", ("extension",))),
    (
        "issuance",
        "organisation",
        "Báo cáo kết quả (HĐTN08)",
        ("other_procedure", ("adjustment", "extension", "conclusion")),
    ),
    (
        "issuance",
        "organisation",
        "Phương án thử nghiệm sau khi điều chỉnh",
        ("other_procedure", ("adjustment",)),
    ),
    # near misses get the nearest name; a code of no filing's form gets none (not HĐTN01)
    (
        "issuance",
        "organisation",
        "phương án thử nghiệm (bản cuối)",
        ("unknown", "phương án thử nghiệm"),
    ),
    ("issuance", "organisation", "Phuong an thu ngiem", ("unknown", "phương án thử nghiệm")),
    ("issuance", "organisation", "HĐTN03", ("unknown", None)),
]


@pytest.mark.parametrize(("procedure", "kind", "given", "expected"), NAMES)
def test_a_document_is_recognised_by_the_names_officers_give_it(
    procedure: str, kind: str | None, given: str, expected: str | tuple[str, Any]
) -> None:
    d = dossier(procedure, kind, [given], requires_extension=True)
    counted = [i.rule_id for i in d.items if i.status == "present"]
    if kind is None:  # whose form it is cannot be known: recognised, the item left unknown
        assert not d.unrecognised and not d.other_kind_forms
        assert {i.rule_id: i.status for i in d.items}[str(expected)] == "unknown"
        return
    if isinstance(expected, str):
        assert counted == [expected] and not d.unrecognised and not d.other_kind_forms
        return
    reason, what = expected
    assert counted == []
    if reason == "other_kind":
        assert [(f.given, f.expected) for f in d.other_kind_forms] == [(given, what)]
        assert not d.unrecognised
        return
    (u,) = d.unrecognised
    assert (u.given, u.reason) == (given, reason)
    if reason == "ambiguous":
        assert u.candidates == what
        assert len(u.codes) == 2 or len(u.candidates) == 2
    elif reason == "other_procedure":
        assert u.procedures == what
    else:
        assert u.suggestion == what


# (procedure, kind, name, words the Vietnamese warning must hold, and the English one)
WARNINGS = [
    (
        "issuance",
        "organisation",
        "HĐTN01, HĐTN02",
        "mang mã của nhiều mẫu (HĐTN01, HĐTN02)",
        "several forms",
    ),
    (
        "issuance",
        "organisation",
        "Phương án thử nghiệm (HĐTN01)",
        "có thể là nhiều thành phần (điểm a khoản 2 Điều 12: HĐTN01; điểm b khoản 2 Điều 12: plan)",
        "could be several documents (Article 12(2)(a): HĐTN01; Article 12(2)(b): plan)",
    ),
    (
        "issuance",
        "organisation",
        "HĐTN13",
        "là thành phần của hồ sơ gia hạn (khoản 1 Điều 14), không phải của hồ sơ này, nên không "
        "được tính; nếu đang kiểm tra hồ sơ đó, dùng --procedure extension",
        "use --procedure extension",
    ),
    (
        "issuance",
        "organisation",
        "HĐTN03",
        "không phải mẫu của thành phần nào",
        "the form of no document",
    ),
]


@pytest.mark.parametrize(("procedure", "kind", "given", "vi", "en"), WARNINGS)
def test_a_document_not_counted_says_why(
    procedure: str, kind: str, given: str, vi: str, en: str
) -> None:
    from sandbox_rules.report import render_dossier

    d = dossier(procedure, kind, [given])
    assert vi in render_dossier(d)
    assert en in render_dossier(d, "en")


def test_the_names_come_from_the_dossier_items_themselves() -> None:
    """One list: every name the matcher knows is a name of a dossier rule, and every rule's
    names and codes are known to it."""
    from sandbox_rules.dossier_names import items
    from sandbox_rules.rules import registry

    for it in items():
        rule = registry().get(it.rule_id)
        assert it.names == tuple(rule.outcome["names"])
        for name in it.names:
            assert dossier(it.procedure, None, [name]).unrecognised == ()


# -- a dossier-input file's procedure (trial finding 17) -----------------------------------------
# (the file's procedure, --procedure, exit code, words of the output or the error)
PROCEDURE_KEY = [
    # the file's procedure is honoured: HĐTN13 and HĐTN08 are the whole 14.1 filing
    ("extension", None, 0, "HỒ SƠ GIA HẠN (KHOẢN 1 ĐIỀU 14)"),
    # the option agreeing with it
    ("extension", "extension", 0, "Hồ sơ đủ thành phần."),
    # the two disagreeing: neither silently wins
    (
        "extension",
        "issuance",
        1,
        "tệp ghi procedure: extension nhưng dòng lệnh chọn --procedure issuance",
    ),
    # none written: issuance, and the forms said to be the extension's, with the option to use
    (None, None, 0, "là thành phần của hồ sơ gia hạn (khoản 1 Điều 14)"),
    # a misspelt procedure is an input error with its line and the nearest one
    (
        "extensoin",
        None,
        1,
        "dòng 1    procedure: giá trị «extensoin» không hợp lệ. Có phải ý bạn là «extension»?",
    ),
]


@pytest.mark.parametrize(("written", "option", "code", "words"), PROCEDURE_KEY)
def test_a_dossier_file_names_its_procedure(
    written: str | None,
    option: str | None,
    code: int,
    words: str,
    tmp_path: Any,
    capsys: pytest.CaptureFixture[str],
) -> None:
    from sandbox_rules.cli import main

    path = tmp_path / "gia-han.yaml"
    head = f"procedure: {written}\n" if written else ""
    path.write_text(head + "applicant_kind: organisation\ndocuments: [HĐTN13, HĐTN08]\n", "utf-8")
    argv = ["dossier", str(path), *(["--procedure", option] if option else [])]
    assert main(argv) == code
    captured = capsys.readouterr()
    assert words in (captured.out if code == 0 else captured.err)
