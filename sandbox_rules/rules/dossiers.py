"""Dossiers: what each filing must hold — issuance (12.2), re-issue (12.5), adjustment (13.2),
extension (14.1), conclusion (16.2).

Application forms are numbered in pairs whose organisation/individual order is the named
interpretation ``form-order``; results reports are assigned explicitly by the text
(HĐTN07 individual, HĐTN08 organisation).
"""

from __future__ import annotations

from sandbox_rules.expr import TRUE, Expr, is_true
from sandbox_rules.rules.model import Rule, RuleKind, rule

REPORT = {"individual": "HĐTN07", "organisation": "HĐTN08"}
# The names each document is known by: first the decree's own wording of the item, then what
# officers call it. The one list of names (sandbox_rules.dossier_names matches a name given
# against it without diacritics, with or without a leading "đơn"/"văn bản", a trailing
# "cho tổ chức, cá nhân" or a form code such as "(mẫu HĐTN01)"; the templates list it).
_REPORT_NAMES = (
    "Báo cáo kết quả hoạt động thử nghiệm có kiểm soát",
    "báo cáo kết quả",
    "báo cáo kết quả hoạt động thử nghiệm",
)


def _forms(first: str, second: str) -> dict[str, dict[str, str]]:
    return {
        "listed-order": {"organisation": first, "individual": second},
        "reversed": {"organisation": second, "individual": first},
    }


def _item(
    rule_id: str,
    cites: str,
    procedure: str,
    vi: str,
    en: str,
    outcome: dict[str, object],
    applies_if: Expr = TRUE,
) -> Rule:
    interps = ("form-order",) if "forms" in outcome else ()
    return rule(
        rule_id,
        cites,
        RuleKind.DOSSIER_ITEM,
        vi,
        en,
        applies_if=applies_if,
        group=f"dossier.{procedure}",
        topic="dossier",
        interpretations=interps,
        outcome={"procedure": procedure, **outcome},
    )


RULES: tuple[Rule, ...] = (
    _item(
        "dossier.issuance.application",
        "12.2.a",
        "issuance",
        "Đề nghị cấp Giấy chứng nhận tham gia hoạt động thử nghiệm có kiểm soát (mẫu HĐTN01, HĐTN02).",
        "Application for a participation certificate (forms HĐTN01, HĐTN02).",
        {
            "forms": _forms("HĐTN01", "HĐTN02"),
            "key": "application",
            "names": (
                "Đề nghị cấp Giấy chứng nhận tham gia hoạt động thử nghiệm có kiểm soát",
                "đơn đề nghị",
                "đề nghị cấp Giấy chứng nhận",
                "đề nghị cấp Giấy chứng nhận tham gia thử nghiệm",
            ),
        },
    ),
    _item(
        "dossier.issuance.plan",
        "12.2.b",
        "issuance",
        "Phương án thử nghiệm có kiểm soát.",
        "The testing plan.",
        {
            "document": "plan",
            "names": ("Phương án thử nghiệm có kiểm soát", "phương án", "phương án thử nghiệm"),
        },
    ),
    _item(
        "dossier.reissue.declaration",
        "12.5",
        "reissue",
        "Tờ khai đề nghị cấp lại Giấy chứng nhận (bản giấy).",
        "Declaration requesting re-issue of the paper certificate.",
        {
            "document": "reissue_declaration",
            "names": (
                "tờ khai đề nghị cấp lại",  # 12.5's own words
                "tờ khai",
                "tờ khai đề nghị cấp lại Giấy chứng nhận",
                # an officer's fuller name (not the decree's wording)
                "Tờ khai đề nghị cấp lại Giấy chứng nhận tham gia hoạt động thử nghiệm có kiểm soát",
            ),
        },
    ),
    _item(
        "dossier.adjustment.request",
        "13.2.a",
        "adjustment",
        "Đề nghị điều chỉnh phương án thử nghiệm có kiểm soát (mẫu HĐTN05, HĐTN06).",
        "Request to adjust the testing plan (forms HĐTN05, HĐTN06).",
        {
            "forms": _forms("HĐTN05", "HĐTN06"),
            "key": "adjustment_request",
            "names": (
                "Đề nghị điều chỉnh phương án thử nghiệm có kiểm soát",
                "đơn đề nghị",
                "đề nghị điều chỉnh",
                "đề nghị điều chỉnh phương án",
                "đề nghị điều chỉnh phương án thử nghiệm",
            ),
        },
    ),
    _item(
        "dossier.adjustment.plan",
        "13.2.b",
        "adjustment",
        "Phương án thử nghiệm sau khi điều chỉnh.",
        "The adjusted testing plan.",
        {
            "document": "adjusted_plan",
            "names": (
                "Phương án thử nghiệm sau khi điều chỉnh phương án thử nghiệm có kiểm soát",
                "phương án điều chỉnh",
                "phương án sau khi điều chỉnh",
                "phương án thử nghiệm sau khi điều chỉnh",
                "phương án thử nghiệm đã điều chỉnh",
            ),
        },
    ),
    _item(
        "dossier.adjustment.results-report",
        "13.2.c",
        "adjustment",
        "Báo cáo kết quả (HĐTN07 cá nhân, HĐTN08 tổ chức) khi việc điều chỉnh dẫn đến phải gia hạn thời gian "
        "thử nghiệm.",
        "Results report (HĐTN07 individual, HĐTN08 organisation) when the adjustment requires extending "
        "the testing period.",
        {
            "report": REPORT,
            "names": ("Báo cáo kết quả về hoạt động thử nghiệm có kiểm soát", *_REPORT_NAMES),
        },
        applies_if=is_true("adjustment.requires_extension"),
    ),
    _item(
        "dossier.extension.request",
        "14.1",
        "extension",
        "Văn bản đề nghị gia hạn (mẫu HĐTN13, HĐTN14).",
        "Extension request (forms HĐTN13, HĐTN14).",
        {
            "forms": _forms("HĐTN13", "HĐTN14"),
            "key": "extension_request",
            "names": (
                "văn bản đề nghị gia hạn",
                "đơn đề nghị",
                "đề nghị gia hạn",
                "đề nghị gia hạn thời gian thử nghiệm",
            ),
        },
    ),
    _item(
        "dossier.extension.results-report",
        "14.1",
        "extension",
        "Báo cáo kết quả hoạt động thử nghiệm có kiểm soát (HĐTN07 cá nhân, HĐTN08 tổ chức).",
        "Results report (HĐTN07 individual, HĐTN08 organisation).",
        {"report": REPORT, "names": _REPORT_NAMES},
    ),
    _item(
        "dossier.conclusion.request",
        "16.2.a",
        "conclusion",
        "Đề nghị cấp Giấy chứng nhận kết thúc hoạt động thử nghiệm có kiểm soát (mẫu HĐTN09, HĐTN10).",
        "Request for a conclusion certificate (forms HĐTN09, HĐTN10).",
        {
            "forms": _forms("HĐTN09", "HĐTN10"),
            "key": "conclusion_request",
            "names": (
                "Đề nghị cấp Giấy chứng nhận kết thúc hoạt động thử nghiệm có kiểm soát",
                "đơn đề nghị",
                "đề nghị kết thúc",
                "đề nghị cấp Giấy chứng nhận kết thúc",
                "đề nghị kết thúc thử nghiệm",
            ),
        },
    ),
    _item(
        "dossier.conclusion.results-report",
        "16.2.b",
        "conclusion",
        "Báo cáo kết quả hoạt động thử nghiệm có kiểm soát (HĐTN07 cá nhân, HĐTN08 tổ chức).",
        "Results report (HĐTN07 individual, HĐTN08 organisation).",
        {"report": REPORT, "names": _REPORT_NAMES},
    ),
)

PROCEDURES = ("issuance", "reissue", "adjustment", "extension", "conclusion")
