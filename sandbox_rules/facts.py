"""Named facts: what the rules read, where each comes from in an :class:`Application`, and
which clause asks for it. ``extract_facts`` turns an application into the flat mapping the
rules are evaluated on; unknown facts are ``None`` (or absent).

List facts hold one mapping per item; a missing item field is reported as
``name[index].field`` (e.g. ``rep.convictions[0].record_expunged``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from sandbox_rules.calendar.periods import add_months
from sandbox_rules.interpretations import DEFAULTS as DEFAULT_INTERPRETATIONS
from sandbox_rules.interpretations import Interpretations
from sandbox_rules.models import Application, Background, Individual, Organisation


@dataclass(frozen=True, slots=True)
class FactSpec:
    name: str
    field: str  # JSON path in the Application
    label_vi: str
    label_en: str
    asked_by: tuple[str, ...]  # citations

    def to_dict(self) -> dict[str, Any]:
        return {
            "fact": self.name,
            "field": self.field,
            "label_vi": self.label_vi,
            "label_en": self.label_en,
            "asked_by": list(self.asked_by),
        }


def _person(prefix: str, path: str, cites: str) -> list[FactSpec]:
    c = tuple(cites.split())
    return [
        FactSpec(
            f"{prefix}.vietnamese_citizen",
            f"{path}.vietnamese_citizen",
            "Là công dân Việt Nam",
            "Is a Vietnamese citizen",
            c,
        ),
        FactSpec(
            f"{prefix}.permanent_resident",
            f"{path}.permanent_resident_in_vietnam",
            "Thường trú tại Việt Nam",
            "Permanently resident in Vietnam",
            c,
        ),
        FactSpec(
            f"{prefix}.prosecuted_as_accused",
            f"{path}.background.prosecuted_as_accused",
            "Đã bị khởi tố bị can",
            "Prosecuted as the accused",
            ("9.1.a",),
        ),
        FactSpec(
            f"{prefix}.convictions",
            f"{path}.background.convictions",
            "Các bản án đã bị kết án",
            "Convictions",
            ("9.1.b",),
        ),
        FactSpec(
            f"{prefix}.convictions[].category",
            f"{path}.background.convictions[].category",
            "Loại tội (xâm phạm an ninh quốc gia, cố ý khác, vô ý)",
            "Kind of crime",
            ("9.1.b",),
        ),
        FactSpec(
            f"{prefix}.convictions[].prison_years",
            f"{path}.background.convictions[].prison_years",
            "Mức hình phạt tù (năm)",
            "Prison sentence (years)",
            ("9.1.b",),
        ),
        FactSpec(
            f"{prefix}.convictions[].record_expunged",
            f"{path}.background.convictions[].record_expunged",
            "Đã được xóa án tích",
            "Criminal record expunged",
            ("9.1.b",),
        ),
        FactSpec(
            f"{prefix}.court_measures",
            f"{path}.background.court_measures",
            "Biện pháp, hình phạt đang chấp hành theo quyết định của Tòa án",
            "Court measures being served",
            ("9.1.b",),
        ),
        FactSpec(
            f"{prefix}.sanctions",
            f"{path}.background.administrative_sanctions",
            "Các lần bị xử phạt vi phạm hành chính",
            "Administrative sanctions",
            ("9.1.c",),
        ),
        FactSpec(
            f"{prefix}.sanctions[].field",
            f"{path}.background.administrative_sanctions[].field",
            "Lĩnh vực bị xử phạt",
            "Field of the sanction",
            ("9.1.c",),
        ),
        FactSpec(
            f"{prefix}.sanctions[].still_counting",
            f"{path}.background.administrative_sanctions[].still_counting",
            "Chưa hết thời hạn được coi là chưa bị xử phạt",
            "Still within the period before counting as never sanctioned",
            ("9.1.c",),
        ),
        FactSpec(
            f"{prefix}.measures",
            f"{path}.background.administrative_measures",
            "Biện pháp xử lý hành chính",
            "Administrative handling measures",
            ("9.1.c",),
        ),
        FactSpec(
            f"{prefix}.measures[].status",
            f"{path}.background.administrative_measures[].status",
            "Tình trạng áp dụng biện pháp xử lý hành chính",
            "Status of the handling measure",
            ("9.1.c",),
        ),
    ]


_R = "applicant.legal_representative"
_I = "applicant.person"
SPECS: tuple[FactSpec, ...] = (
    FactSpec(
        "applicant.kind",
        "applicant.kind",
        "Loại chủ thể (tổ chức, cá nhân)",
        "Applicant kind",
        ("9.1", "9.2"),
    ),
    FactSpec(
        "org.lawful_legal_entity",
        "applicant.lawful_legal_entity_in_vietnam",
        "Là pháp nhân thành lập, hoạt động hợp pháp tại Việt Nam",
        "Lawful legal entity in Vietnam",
        ("9.1.par1",),
    ),
    FactSpec(
        "org.restructuring",
        "applicant.restructuring",
        "Quá trình chia, tách, hợp nhất, sáp nhập, chuyển đổi, giải thể, phá sản",
        "Division, merger, dissolution, bankruptcy processes",
        ("9.1.par1",),
    ),
    FactSpec(
        "org.restructuring[].decision_issued",
        "applicant.restructuring[].decision_issued",
        "Theo quyết định đã được ban hành",
        "Under an issued decision",
        ("9.1.par1",),
    ),
    FactSpec(
        "org.staff_qualified",
        "applicant.staff_qualified",
        "Đội ngũ cán bộ có trình độ chuyên môn phù hợp",
        "Staff qualified in their field",
        ("9.1.par1",),
    ),
    *_person("rep", _R, "9.1.par2"),
    *_person("ind", _I, "9.2"),
    FactSpec(
        "ind.degree_level", "applicant.degree.level", "Trình độ đào tạo", "Degree level", ("9.2",)
    ),
    FactSpec(
        "ind.degree_relevant",
        "applicant.degree.relevant_to_field",
        "Văn bằng phù hợp với lĩnh vực thử nghiệm",
        "Degree relevant to the field",
        ("9.2",),
    ),
    FactSpec(
        "solution.innovative_benefit",
        "solution.innovative_with_benefit_in_vietnam",
        "Tính đổi mới sáng tạo, lợi ích cho người dùng tại Việt Nam",
        "Innovative, benefits users in Vietnam",
        ("9.3.a",),
    ),
    FactSpec(
        "solution.risk.privacy",
        "solution.risk_management.privacy_and_data_security",
        "Khung quản lý rủi ro về quyền riêng tư và an ninh dữ liệu",
        "Privacy and data-security risk framework",
        ("9.3.b",),
    ),
    FactSpec(
        "solution.risk.financial",
        "solution.risk_management.financial",
        "Khung quản lý rủi ro về tài chính",
        "Financial risk framework",
        ("9.3.b",),
    ),
    FactSpec(
        "solution.risk.social_ethical",
        "solution.risk_management.social_and_ethical",
        "Khung quản lý rủi ro về xã hội và đạo đức",
        "Social and ethical risk framework",
        ("9.3.b",),
    ),
    FactSpec(
        "solution.risk.national_security",
        "solution.risk_management.national_security",
        "Khung quản lý rủi ro về an ninh quốc gia",
        "National-security risk framework",
        ("9.3.b",),
    ),
    FactSpec(
        "solution.risk.remediation_plan",
        "solution.risk_management.remediation_plan",
        "Phương án xử lý, khắc phục rủi ro",
        "Risk remediation plan",
        ("9.3.b",),
    ),
    FactSpec(
        "solution.self_review",
        "solution.self_review_complete",
        "Đã rà soát, đánh giá đầy đủ giải pháp",
        "Self-review complete",
        ("9.3.c",),
    ),
    FactSpec(
        "solution.feasible",
        "solution.feasible_after_testing",
        "Tính khả thi triển khai sau thử nghiệm",
        "Feasible after testing",
        ("9.3.d",),
    ),
    FactSpec(
        "scope.spaces", "scope.testing_spaces", "Không gian thử nghiệm", "Testing spaces", ("10.1",)
    ),
    FactSpec(
        "scope.spaces[].kind",
        "scope.testing_spaces[].kind",
        "Loại không gian thử nghiệm",
        "Kind of testing space",
        ("10.1",),
    ),
    FactSpec(
        "scope.spaces[].at_own_site",
        "scope.testing_spaces[].at_own_site",
        "Triển khai tại địa điểm của chủ trì thử nghiệm",
        "At the lead participant's site",
        ("10.1",),
    ),
    FactSpec(
        "scope.spaces[].site_approved_by",
        "scope.testing_spaces[].site_approved_by",
        "Địa điểm đã được đơn vị chủ quản dữ liệu hoặc Bộ Công an phê duyệt",
        "Site approved by the data-owning unit or MPS",
        ("10.1",),
    ),
    FactSpec(
        "scope.planned_start",
        "scope.planned_start",
        "Ngày bắt đầu thử nghiệm dự kiến",
        "Planned start",
        ("10.2",),
    ),
    FactSpec(
        "scope.planned_end",
        "scope.planned_end",
        "Ngày kết thúc thử nghiệm dự kiến",
        "Planned end",
        ("10.2",),
    ),
    FactSpec(
        "scope.duration_months",
        "scope.duration_months",
        "Thời hạn thử nghiệm (tháng)",
        "Duration (months)",
        ("10.2",),
    ),
    FactSpec("plan.name", "plan.name", "Tên phương án thử nghiệm", "Name of the plan", ("11.1",)),
    FactSpec(
        "plan.lead_identity",
        "plan.lead_identity",
        "Thông tin nhân thân của cá nhân / người đại diện theo pháp luật",
        "Identity of the lead",
        ("11.2.a",),
    ),
    FactSpec(
        "plan.registration",
        "plan.registration_or_establishment",
        "Thông tin đăng ký kinh doanh hoặc quyết định thành lập",
        "Business registration or establishment decision",
        ("11.2.a",),
    ),
    FactSpec(
        "plan.participants",
        "plan.participants_identity_and_qualifications",
        "Nhân thân, văn bằng, chứng chỉ của người tham gia",
        "Participants' identity, degrees and certificates",
        ("11.2.b",),
    ),
    FactSpec(
        "plan.necessity",
        "plan.necessity_and_objectives",
        "Sự cần thiết, mục tiêu",
        "Necessity and objectives",
        ("11.3",),
    ),
    FactSpec(
        "plan.solution_description",
        "plan.solution_description",
        "Mô tả giải pháp",
        "Solution description",
        ("11.4",),
    ),
    FactSpec(
        "plan.risk_level",
        "plan.risk_level_assessment",
        "Đánh giá mức độ rủi ro",
        "Risk-level assessment",
        ("11.4",),
    ),
    FactSpec(
        "plan.rights",
        "plan.rights_and_responsibilities",
        "Quyền lợi, trách nhiệm các bên",
        "Rights and responsibilities of the parties",
        ("11.4",),
    ),
    FactSpec(
        "plan.controls",
        "plan.control_measures",
        "Các biện pháp kiểm soát",
        "Control measures",
        ("11.4",),
    ),
    FactSpec(
        "plan.controls_privacy",
        "plan.risk_controls_privacy_and_data_security",
        "Kiểm soát rủi ro quyền riêng tư và an ninh dữ liệu",
        "Privacy and data-security risk controls",
        ("11.4",),
    ),
    FactSpec(
        "plan.controls_financial",
        "plan.risk_controls_financial",
        "Kiểm soát rủi ro tài chính",
        "Financial risk controls",
        ("11.4",),
    ),
    FactSpec(
        "plan.controls_social_ethical",
        "plan.risk_controls_social_and_ethical",
        "Kiểm soát rủi ro xã hội và đạo đức",
        "Social and ethical risk controls",
        ("11.4",),
    ),
    FactSpec(
        "plan.controls_national_security",
        "plan.risk_controls_national_security",
        "Kiểm soát rủi ro an ninh quốc gia",
        "National-security risk controls",
        ("11.4",),
    ),
    FactSpec(
        "plan.scope_time_budget",
        "plan.scope_time_budget",
        "Phạm vi, thời gian, kinh phí",
        "Scope, time and budget",
        ("11.5",),
    ),
    FactSpec(
        "plan.expected_results",
        "plan.expected_results",
        "Kết quả dự kiến",
        "Expected results",
        ("11.6",),
    ),
    FactSpec(
        "plan.explanatory_documents",
        "plan.explanatory_documents",
        "Tài liệu thuyết minh",
        "Explanatory documents",
        ("11.7",),
    ),
    FactSpec(
        "sources.count",
        "data_sources",
        "Số nguồn dữ liệu sử dụng",
        "Number of data sources",
        ("12.3", "12.4"),
    ),
    FactSpec(
        "sources.owning_unit_count",
        "data_sources[].owning_unit",
        "Số đơn vị chủ quản dữ liệu",
        "Number of data-owning units",
        ("12.3", "12.4"),
    ),
    FactSpec(
        "sources.managing_body_count",
        "data_sources[].managed_by",
        "Số bộ, ngành, địa phương quản lý nguồn dữ liệu",
        "Number of managing ministries/sectors/provinces",
        ("12.1.a", "12.1.b"),
    ),
    FactSpec(
        "sources.authority_count",
        "data_sources[].managed_by",
        "Số bộ, ngành, địa phương (hoặc đơn vị chủ quản) theo cách hiểu đã chọn",
        "Count deciding 12.1 under the chosen interpretation",
        ("12.1.a", "12.1.b"),
    ),
    FactSpec(
        "sources.any_defence_or_cipher",
        "data_sources[].defence_or_cipher",
        "Có nguồn dữ liệu thuộc lĩnh vực quốc phòng, cơ yếu",
        "Any defence or cipher data",
        ("12.1.c",),
    ),
)

SPEC_BY_NAME = {s.name: s for s in SPECS}
_INDEX = re.compile(r"\[\d+\]")


_FORM_POSITION = {s.name: i for i, s in enumerate(SPECS)}


def form_position(name: str) -> int:
    """Where a fact (its name with ``[]`` for an item) stands in the form's order of SPECS."""
    return _FORM_POSITION.get(name, len(SPECS))


def spec_for(fact: str) -> FactSpec | None:
    """The spec of a fact name, item paths included (``rep.convictions[0].category``)."""
    return SPEC_BY_NAME.get(_INDEX.sub("[]", fact))


_INTERP_KEYS = (
    "prosecution-scope",
    "geographic-site-condition",
    "procedure-many-sources",
    "same-manager-two-units",
    "defence-overrides",
    "conviction-expunged-scope",
    "form-order",
)


def interpretation_facts(interp: Interpretations) -> dict[str, Any]:
    """The readings the rules consult, as facts ``interp.<id>``."""
    return {f"interp.{key}": interp[key] for key in _INTERP_KEYS}


_DEFAULT_INTERP_FACTS = interpretation_facts(Interpretations.of(None))


def _background(prefix: str, bg: Background) -> dict[str, Any]:
    convictions = bg.convictions
    measures = bg.court_measures
    sanctions = bg.administrative_sanctions
    handling = bg.administrative_measures
    return {
        f"{prefix}.prosecuted_as_accused": bg.prosecuted_as_accused,
        f"{prefix}.prosecution_ended": bg.prosecution_ended,
        f"{prefix}.convictions": None
        if convictions is None
        else [
            {
                "category": c.category,
                "prison_years": c.prison_years,
                "record_expunged": c.record_expunged,
            }
            for c in convictions
        ],
        f"{prefix}.court_measures": None
        if measures is None
        else [{"measure": m} for m in measures],
        f"{prefix}.sanctions": None
        if sanctions is None
        else [{"field": x.field, "still_counting": x.still_counting} for x in sanctions],
        f"{prefix}.measures": None
        if handling is None
        else [{"status": m.status} for m in handling],
    }


def _distinct(values: list[str | None]) -> int | None:
    if None in values:
        return None
    return len(set(values))


def extract_facts(
    app: Application, interpretations: Interpretations | None = None
) -> dict[str, Any]:
    """The flat facts of an application, with the interpretations in force as facts
    ``interp.<id>`` so that rules can depend on a chosen reading explicitly.

    Enum values stay StrEnum members (they compare equal to their string values)."""
    if interpretations is None and not app.interpretations:
        interp = DEFAULT_INTERPRETATIONS
        interp_facts = _DEFAULT_INTERP_FACTS
    else:
        interp = interpretations or Interpretations.of(app.interpretations)
        interp_facts = (
            _DEFAULT_INTERP_FACTS if interp.chosen == () else interpretation_facts(interp)
        )
    a = app.applicant
    s = app.solution
    rm = s.risk_management
    sc = app.scope
    pl = app.plan
    spaces = sc.testing_spaces
    end = sc.planned_end
    if end is None and sc.planned_start is not None and sc.duration_months is not None:
        end = add_months(sc.planned_start, sc.duration_months)  # Civil Code Art. 148(3)
    out: dict[str, Any] = {
        "applicant.kind": a.kind,
        "solution.innovative_benefit": s.innovative_with_benefit_in_vietnam,
        "solution.risk.privacy": rm.privacy_and_data_security,
        "solution.risk.financial": rm.financial,
        "solution.risk.social_ethical": rm.social_and_ethical,
        "solution.risk.national_security": rm.national_security,
        "solution.risk.remediation_plan": rm.remediation_plan,
        "solution.self_review": s.self_review_complete,
        "solution.feasible": s.feasible_after_testing,
        "scope.spaces": None
        if spaces is None
        else [
            {"kind": t.kind, "at_own_site": t.at_own_site, "site_approved_by": t.site_approved_by}
            for t in spaces
        ],
        "scope.planned_start": sc.planned_start,
        "scope.planned_end": end,
        "scope.duration_months": sc.duration_months,
        "plan.name": pl.name or None,
        "plan.lead_identity": pl.lead_identity,
        "plan.registration": pl.registration_or_establishment,
        "plan.participants": pl.participants_identity_and_qualifications,
        "plan.necessity": pl.necessity_and_objectives,
        "plan.solution_description": pl.solution_description,
        "plan.risk_level": pl.risk_level_assessment,
        "plan.rights": pl.rights_and_responsibilities,
        "plan.controls": pl.control_measures,
        "plan.controls_privacy": pl.risk_controls_privacy_and_data_security,
        "plan.controls_financial": pl.risk_controls_financial,
        "plan.controls_social_ethical": pl.risk_controls_social_and_ethical,
        "plan.controls_national_security": pl.risk_controls_national_security,
        "plan.scope_time_budget": pl.scope_time_budget,
        "plan.expected_results": pl.expected_results,
        "plan.explanatory_documents": pl.explanatory_documents,
        **interp_facts,
    }
    if isinstance(a, Organisation):
        rep = a.legal_representative
        restructuring = a.restructuring
        out.update(
            {
                "org.lawful_legal_entity": a.lawful_legal_entity_in_vietnam,
                "org.restructuring": None
                if restructuring is None
                else [
                    {"kind": r.kind, "decision_issued": r.decision_issued} for r in restructuring
                ],
                "org.staff_qualified": a.staff_qualified,
                "rep.vietnamese_citizen": rep.vietnamese_citizen,
                "rep.permanent_resident": rep.permanent_resident_in_vietnam,
                **_background("rep", rep.background),
            }
        )
    elif isinstance(a, Individual):
        p = a.person
        out.update(
            {
                "ind.vietnamese_citizen": p.vietnamese_citizen,
                "ind.permanent_resident": p.permanent_resident_in_vietnam,
                "ind.degree_level": a.degree.level,
                "ind.degree_relevant": a.degree.relevant_to_field,
                **_background("ind", p.background),
            }
        )
    out.update(source_facts(app, interp))
    return out


class SourceValues(Protocol):
    """What the source facts read of a data source: a ``DataSource`` or its values."""

    @property
    def owning_unit(self) -> str | None: ...
    @property
    def managed_by(self) -> str | None: ...
    @property
    def defence_or_cipher(self) -> bool | None: ...


def owning_unit_count(srcs: Sequence[SourceValues]) -> int | None:
    """The number of data-owning units (12.3, 12.4: "đơn vị chủ quản dữ liệu"), counted where
    the text already fixes it although a unit is not named.

    A source's data-owning unit is a unit of the ministry, sector or province that manages the
    source (12.1.a: "nguồn dữ liệu do bộ, ngành, địa phương mình quản lý"; 12.1.b: "nguồn dữ
    liệu của ... bộ, ngành, địa phương"), and a unit of one body is not a unit of another. So
    units are counted within each managing body, and a body whose sources name no unit has
    exactly one when it has one source: sources of Đà Nẵng and of the State Bank come from two
    units (12.4 "hai nguồn dữ liệu từ hai đơn vị chủ quản dữ liệu") whether or not Đà Nẵng's
    unit is named. Unknown (None) when an unnamed unit may or may not be one already counted
    (a body with another source), or a managing body is unknown while a unit is."""
    units = [x.owning_unit for x in srcs]
    bodies = [x.managed_by for x in srcs]
    if None in bodies:
        return _distinct(units)
    per_body: dict[str, list[str | None]] = {}
    for body, unit in zip(bodies, units, strict=True):
        per_body.setdefault(str(body), []).append(unit)
    count = 0
    for group in per_body.values():
        named = {u for u in group if u is not None}
        unnamed = len(group) - sum(1 for u in group if u is not None)
        if unnamed and (named or unnamed > 1):
            return None  # the unnamed unit may be one of the others, or another
        count += len(named) + unnamed
    return count


def source_facts(app: Application, interp: Interpretations) -> dict[str, Any]:
    """The facts of the data sources (Art. 12(1), 12(3)-(6)); none when they are unknown."""
    return facts_of_sources(app.data_sources, interp)


def facts_of_sources(
    srcs: Sequence[SourceValues] | None, interp: Interpretations
) -> dict[str, Any]:
    """:func:`source_facts` from the sources themselves (None: unknown)."""
    if srcs is None:
        return {}
    owning = owning_unit_count(srcs)
    managing = _distinct([x.managed_by for x in srcs])
    flags = [x.defence_or_cipher for x in srcs]
    return {
        "sources.count": len(srcs),
        "sources.owning_unit_count": owning,
        "sources.managing_body_count": managing,
        "sources.authority_count": (
            managing if interp["authority-count-basis"] == "managing-bodies" else owning
        ),
        "sources.any_defence_or_cipher": (
            True if True in flags else (None if None in flags else False)
        ),
    }


# -- direct accessors for generated code (the hot path reads the model, no dict) ----------------
def _person_accessors(prefix: str, path: str) -> dict[str, str]:
    bg = f"{path}.background"
    return {
        f"{prefix}.vietnamese_citizen": f"{path}.vietnamese_citizen",
        f"{prefix}.permanent_resident": f"{path}.permanent_resident_in_vietnam",
        f"{prefix}.prosecuted_as_accused": f"{bg}.prosecuted_as_accused",
        f"{prefix}.prosecution_ended": f"{bg}.prosecution_ended",
        f"{prefix}.convictions": f"{bg}.convictions",
        f"{prefix}.court_measures": f"{bg}.court_measures",
        f"{prefix}.sanctions": f"{bg}.administrative_sanctions",
        f"{prefix}.measures": f"{bg}.administrative_measures",
    }


_COMMON_ACCESSORS = {
    "applicant.kind": "app.applicant.kind",
    "solution.innovative_benefit": "app.solution.innovative_with_benefit_in_vietnam",
    "solution.risk.privacy": "app.solution.risk_management.privacy_and_data_security",
    "solution.risk.financial": "app.solution.risk_management.financial",
    "solution.risk.social_ethical": "app.solution.risk_management.social_and_ethical",
    "solution.risk.national_security": "app.solution.risk_management.national_security",
    "solution.risk.remediation_plan": "app.solution.risk_management.remediation_plan",
    "solution.self_review": "app.solution.self_review_complete",
    "solution.feasible": "app.solution.feasible_after_testing",
    "scope.spaces": "app.scope.testing_spaces",
    "scope.planned_start": "app.scope.planned_start",
    "scope.planned_end": "_planned_end(app.scope)",
    "scope.duration_months": "app.scope.duration_months",
    "plan.name": "(app.plan.name or None)",
    "plan.lead_identity": "app.plan.lead_identity",
    "plan.registration": "app.plan.registration_or_establishment",
    "plan.participants": "app.plan.participants_identity_and_qualifications",
    "plan.necessity": "app.plan.necessity_and_objectives",
    "plan.solution_description": "app.plan.solution_description",
    "plan.risk_level": "app.plan.risk_level_assessment",
    "plan.rights": "app.plan.rights_and_responsibilities",
    "plan.controls": "app.plan.control_measures",
    "plan.controls_privacy": "app.plan.risk_controls_privacy_and_data_security",
    "plan.controls_financial": "app.plan.risk_controls_financial",
    "plan.controls_social_ethical": "app.plan.risk_controls_social_and_ethical",
    "plan.controls_national_security": "app.plan.risk_controls_national_security",
    "plan.scope_time_budget": "app.plan.scope_time_budget",
    "plan.expected_results": "app.plan.expected_results",
    "plan.explanatory_documents": "app.plan.explanatory_documents",
    **{f"interp.{k}": f"ip[{f'interp.{k}'!r}]" for k in _INTERP_KEYS},
}

# What a kept answer's key reads for a derived fact instead of deriving it: the fields it is
# derived from, cheaper to read than the month addition (engine.Engine.values_fn).
KEY_ACCESSORS: dict[str, str] = {
    "scope.planned_end": "app.scope.planned_end, app.scope.planned_start, "
    "app.scope.duration_months",
}

ACCESSORS: dict[str, dict[str, str]] = {
    "organisation": {
        **_COMMON_ACCESSORS,
        "org.lawful_legal_entity": "app.applicant.lawful_legal_entity_in_vietnam",
        "org.restructuring": "app.applicant.restructuring",
        "org.staff_qualified": "app.applicant.staff_qualified",
        **_person_accessors("rep", "app.applicant.legal_representative"),
    },
    "individual": {
        **_COMMON_ACCESSORS,
        "ind.degree_level": "app.applicant.degree.level",
        "ind.degree_relevant": "app.applicant.degree.relevant_to_field",
        **_person_accessors("ind", "app.applicant.person"),
    },
}


def planned_end(scope: Any) -> Any:
    """The planned end, or start + duration_months (Civil Code Art. 148(3))."""
    end = scope.planned_end
    if end is None and scope.planned_start is not None and scope.duration_months is not None:
        return add_months(scope.planned_start, scope.duration_months)
    return end


def interp_facts_for(interp: Interpretations) -> dict[str, Any]:
    return _DEFAULT_INTERP_FACTS if interp.chosen == () else interpretation_facts(interp)
