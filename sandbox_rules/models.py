"""Input models (pydantic v2, frozen): an application for a participation certificate.

Every fact may be absent (``None``), meaning *unknown*; the assessment then says which
clause asks for it. Lists use ``None`` for "not known" and ``[]`` for "known: none".
Field names are English snake_case; each field's description names the clause it serves.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Any, Literal

from pydantic import Field, PrivateAttr, field_validator, model_validator

from sandbox_rules._validation import Day, Flag, Readings, StrictInput
from sandbox_rules.errors import InputValidationError

Tri = Flag

# Caps on lists where the domain has a size (resource bounds, not legal conditions): a
# filing names a handful of data sources and documents; beyond these it is not a real case.
MAX_DATA_SOURCES = 100
MAX_DOCUMENTS = 200
MAX_ITEMS = 100  # any other list (convictions, measures, testing spaces, ...)


class _Model(StrictInput):
    _what = "input.application"


# -- Art. 9(1)(a)-(c): the person's background ------------------------------------------------
class CrimeCategory(StrEnum):
    NATIONAL_SECURITY = "national_security"  # các tội xâm phạm an ninh quốc gia
    OTHER_INTENTIONAL = "other_intentional"  # các tội khác do lỗi cố ý
    NEGLIGENT = "negligent"  # lỗi vô ý: not covered by 9.1.b


class Conviction(_Model):
    """A conviction (bị kết án) — 9.1.b."""

    category: CrimeCategory | None = Field(None, description="9.1.b: kind of crime")
    prison_years: float | None = Field(
        None,
        ge=0,
        allow_inf_nan=False,  # a sentence is a number of years: NaN and infinity are refused
        description="9.1.b: sentence of imprisonment in years (0 if not custodial)",
    )
    record_expunged: Tri = Field(
        None, description="9.1.b: criminal record expunged (đã được xóa án tích)"
    )


class CourtMeasure(StrEnum):
    """Measures of 9.1.b the person is currently under."""

    PRISON_SENTENCE_POSTPONED = "prison_sentence_postponed"  # tạm hoãn chấp hành hình phạt tù
    NON_CUSTODIAL_REFORM = "non_custodial_reform"  # cải tạo không giam giữ
    PROBATION = "probation"  # quản chế
    RESIDENCE_BAN = "residence_ban"  # cấm cư trú
    BAN_FROM_POSTS = "ban_from_posts"  # cấm đảm nhiệm chức vụ
    BAN_FROM_CONDITIONAL_BUSINESS = (
        "ban_from_conditional_business"  # cấm kinh doanh ngành, nghề có điều kiện
    )


class SanctionField(StrEnum):
    DATA = "data"
    CYBERSECURITY = "cybersecurity"
    INFORMATION_TECHNOLOGY = "information_technology"
    ELECTRONIC_TRANSACTIONS = "electronic_transactions"
    OTHER = "other"


class AdministrativeSanction(_Model):
    """An administrative sanction (xử phạt vi phạm hành chính) — 9.1.c."""

    field: SanctionField | None = Field(None, description="9.1.c: field of the violation")
    still_counting: Tri = Field(
        None,
        description="9.1.c: still within the period before it counts as never sanctioned "
        "(chưa hết thời hạn được coi là chưa bị xử phạt)",
    )


class MeasureStatus(StrEnum):
    BEING_APPLIED = "being_applied"  # đang bị áp dụng
    AWAITING = "awaiting"  # đang trong thời gian chờ áp dụng
    APPLIED_STILL_COUNTING = "applied_still_counting"  # đã áp dụng, chưa đủ thời hạn
    PERIOD_OVER = "period_over"  # đã đủ thời hạn: counts as never applied


class AdministrativeMeasure(_Model):
    """An administrative handling measure (biện pháp xử lý hành chính) — 9.1.c, any field."""

    status: MeasureStatus | None = Field(None, description="9.1.c: where the measure stands")


class Background(_Model):
    """The cases of 9.1.a-c, for a legal representative or an individual applicant."""

    prosecuted_as_accused: Tri = Field(
        None, description="9.1.a: prosecuted as the accused (khởi tố bị can)"
    )
    prosecution_ended: Tri = Field(
        None,
        description="9.1.a, under the reading prosecution-scope=pending-only: the prosecution has "
        "ended (charges dropped, case suspended, acquittal)",
    )
    convictions: list[Conviction] | None = Field(
        None, max_length=MAX_ITEMS, description="9.1.b: convictions ([] = none)"
    )
    court_measures: list[CourtMeasure] | None = Field(
        None, max_length=MAX_ITEMS, description="9.1.b: measures currently being served ([] = none)"
    )
    administrative_sanctions: list[AdministrativeSanction] | None = Field(
        None, max_length=MAX_ITEMS, description="9.1.c: administrative sanctions ([] = none)"
    )
    administrative_measures: list[AdministrativeMeasure] | None = Field(
        None,
        max_length=MAX_ITEMS,
        description="9.1.c: administrative handling measures ([] = none)",
    )


class Person(_Model):
    full_name: str | None = None
    vietnamese_citizen: Tri = Field(None, description="9.1.par2, 9.2: Vietnamese citizen")
    permanent_resident_in_vietnam: Tri = Field(
        None, description="9.1.par2, 9.2: permanent resident in Vietnam"
    )
    background: Background = Field(default_factory=Background, description="9.1.a-c")


class DegreeLevel(StrEnum):
    BELOW_UNIVERSITY = "below_university"
    UNIVERSITY = "university"
    MASTER = "master"
    DOCTORATE = "doctorate"


class Degree(_Model):
    level: DegreeLevel | None = Field(
        None, description="9.2: trình độ (university or higher required)"
    )
    relevant_to_field: Tri = Field(
        None, description="9.2: phù hợp với lĩnh vực tham gia thử nghiệm"
    )


class Restructuring(StrEnum):
    DIVISION = "division"  # chia
    SEPARATION = "separation"  # tách
    CONSOLIDATION = "consolidation"  # hợp nhất
    MERGER = "merger"  # sáp nhập
    CONVERSION = "conversion"  # chuyển đổi
    DISSOLUTION = "dissolution"  # giải thể
    BANKRUPTCY = "bankruptcy"  # phá sản


class RestructuringProcess(_Model):
    kind: Restructuring | None = None
    decision_issued: Tri = Field(
        None, description="9.1: under a decision already issued (theo quyết định đã được ban hành)"
    )


class Organisation(_Model):
    kind: Literal["organisation"] = "organisation"
    name: str | None = None
    lawful_legal_entity_in_vietnam: Tri = Field(
        None, description="9.1: legal entity lawfully established and operating in Vietnam"
    )
    restructuring: list[RestructuringProcess] | None = Field(
        None,
        max_length=MAX_ITEMS,
        description="9.1: division, separation, ... bankruptcy processes ([] = none)",
    )
    staff_qualified: Tri = Field(None, description="9.1: staff have expertise in their field")
    legal_representative: Person = Field(default_factory=Person, description="9.1.par2")


class Individual(_Model):
    kind: Literal["individual"] = "individual"
    person: Person = Field(default_factory=Person, description="9.2")
    degree: Degree = Field(default_factory=Degree, description="9.2")


Applicant = Annotated[Organisation | Individual, Field(discriminator="kind")]


# -- Art. 9(3): the solution ---------------------------------------------------------------------
class RiskManagement(_Model):
    """9.3.b: a framework covering four risk families, and a plan to remedy risks."""

    privacy_and_data_security: Tri = None
    financial: Tri = None
    social_and_ethical: Tri = None
    national_security: Tri = None
    remediation_plan: Tri = Field(None, description="phương án xử lý, khắc phục các rủi ro")


class Solution(_Model):
    name: str | None = None
    innovative_with_benefit_in_vietnam: Tri = Field(None, description="9.3.a")
    risk_management: RiskManagement = Field(default_factory=RiskManagement, description="9.3.b")
    self_review_complete: Tri = Field(
        None, description="9.3.c: reviewed on operation, function, utility and usefulness"
    )
    feasible_after_testing: Tri = Field(None, description="9.3.d")


# -- Art. 10: scope ----------------------------------------------------------------------------------
class SpaceKind(StrEnum):
    PHYSICAL = "physical"
    NETWORK = "network"
    GEOGRAPHIC = "geographic"


class TestingSpace(_Model):
    kind: SpaceKind | None = Field(None, description="10.1")
    at_own_site: Tri = Field(None, description="10.1 (geographic): at the lead participant's site")
    site_approved_by: (
        Literal["data_owning_unit", "ministry_of_public_security", "not_approved"] | None
    ) = Field(
        None,
        description="10.1 (geographic): who approved a site that is not the applicant's own "
        "('not_approved' if nobody did; absent = unknown)",
    )


class Scope(_Model):
    testing_spaces: list[TestingSpace] | None = Field(
        None, max_length=MAX_ITEMS, description="10.1"
    )
    planned_start: Day | None = Field(None, description="10.2")
    planned_end: Day | None = Field(None, description="10.2 (or give duration_months)")
    duration_months: int | None = Field(
        None, ge=1, le=12_000, description="10.2: alternative to planned_end (at most 1000 years)"
    )


# -- Art. 11: the testing plan --------------------------------------------------------------------
class Plan(_Model):
    """Which contents of Art. 11 the plan holds (true/false; absent = not checked)."""

    name: str | None = Field(None, description="11.1")
    lead_identity: Tri = Field(
        None, description="11.2.a: identity of the individual or legal representative"
    )
    registration_or_establishment: Tri = Field(
        None, description="11.2.a: business registration or establishment decision (organisations)"
    )
    participants_identity_and_qualifications: Tri = Field(None, description="11.2.b")
    necessity_and_objectives: Tri = Field(None, description="11.3")
    solution_description: Tri = Field(None, description="11.4")
    risk_level_assessment: Tri = Field(None, description="11.4")
    rights_and_responsibilities: Tri = Field(None, description="11.4")
    control_measures: Tri = Field(None, description="11.4")
    risk_controls_privacy_and_data_security: Tri = Field(None, description="11.4")
    risk_controls_financial: Tri = Field(None, description="11.4")
    risk_controls_social_and_ethical: Tri = Field(None, description="11.4")
    risk_controls_national_security: Tri = Field(None, description="11.4")
    scope_time_budget: Tri = Field(None, description="11.5")
    expected_results: Tri = Field(None, description="11.6")
    explanatory_documents: Tri = Field(None, description="11.7")


# -- Art. 12: data sources and submission ----------------------------------------------------------
class DataSource(_Model):
    # The managing body as the applicant wrote it ("thành phố Đà Nẵng"), before it is matched
    # to a catalogue code; kept out of the schema and of dumps, shown by route.
    _managed_by_given: str | None = PrivateAttr(None)

    name: str | None = None
    owning_unit: str | None = Field(None, description="12.3/12.4: đơn vị chủ quản dữ liệu")
    managed_by: str | None = Field(
        None, description="12.1: ministry, agency or province managing the source (name or code)"
    )
    defence_or_cipher: Tri = Field(
        None, description="12.1.c: data in the field of defence or cipher"
    )

    @field_validator("managed_by")
    @classmethod
    def _known_body(cls, value: str | None) -> str | None:
        if value is None:
            return None
        from sandbox_rules.catalogues import lookup

        # The catalogue's error is a ValueError with its message key: pydantic names the
        # field, surfaces/inputs.py says it in the officer's language.
        return lookup(value).code

    @model_validator(mode="wrap")
    @classmethod
    def _keep_given(cls, data: Any, handler: Any) -> Any:
        source = handler(data)
        if isinstance(data, dict) and isinstance(data.get("managed_by"), str):
            source._managed_by_given = data["managed_by"].strip()
        return source

    @property
    def managed_by_given(self) -> str | None:
        """``managed_by`` as written in the input (None if it was given as a code or absent)."""
        return self._managed_by_given or self.managed_by


class Submission(_Model):
    method: Literal["online", "in_person", "post"] | None = Field(
        None, description="12.3.a, 12.4.a"
    )
    submitted_on: Day | None = None
    documents: list[str] | None = Field(
        None,
        max_length=MAX_DOCUMENTS,
        description="12.2: documents at hand, e.g. HĐTN01, plan ([] = none)",
    )


class Application(_Model):
    """An application for a participation certificate (Art. 9-12)."""

    applicant: Applicant
    solution: Solution = Field(default_factory=Solution)
    scope: Scope = Field(default_factory=Scope)
    plan: Plan = Field(default_factory=Plan)
    data_sources: list[DataSource] | None = Field(
        None, max_length=MAX_DATA_SOURCES, description="12.1, 12.3, 12.4"
    )
    submission: Submission = Field(default_factory=Submission)
    interpretations: Readings = Field(
        default_factory=dict,
        description="chosen interpretations, id -> option (docs/interpretations.md)",
    )

    @model_validator(mode="after")
    def _check(self) -> Application:
        s = self.scope
        if s.planned_start and s.planned_end and s.planned_end < s.planned_start:
            raise InputValidationError.from_key("error.end_before_start")
        return self


def load_application(data: Any) -> Application:
    """Validate a mapping (e.g. parsed JSON or YAML) into an :class:`Application`, raising
    :class:`~sandbox_rules._validation.ModelValidationError` whose ``errors`` name every field
    path at fault."""
    return Application.model_validate(data)


def application_json_schema() -> dict[str, Any]:
    return Application.model_json_schema()
