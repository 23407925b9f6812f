"""Results of the assessment, routing and dossier checks (Art. 9-12): each one record, defined
once as a ``msgspec.Struct`` (sandbox_rules.records), from which its JSON, JSON Schema and docs
follow. They name the library version, the law-text hash and the interpretations used, so a
decision can be reproduced and audited later.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal

import msgspec

from sandbox_rules.records import (
    Consultee,
    Form,
    IssuedDocument,
    MissingFact,
    Provenance,
    Record,
    as_builtins,
    check_form,
)
from sandbox_rules.rules.model import Rule

TOPICS = ("applicant", "representative", "solution", "scope", "plan")
# The names of statuses, topics, parts and answers in each language are in the message
# tables (sandbox_rules/i18n: assessment.status, .topic, .part, .answer). The former constant
# tables (STATUS_VI, TOPIC_VI, TOPIC_EN, PART_VI, PART_EN, ANSWER_VI, ANSWER_EN) are read from
# them when asked for.
_TABLES: Mapping[str, tuple[str, str]] = {
    "STATUS_VI": ("assessment.status", "vi"),
    "TOPIC_VI": ("assessment.topic", "vi"),
    "TOPIC_EN": ("assessment.topic", "en"),
    "PART_VI": ("assessment.part", "vi"),
    "PART_EN": ("assessment.part", "en"),
    "ANSWER_VI": ("assessment.answer", "vi"),
    "ANSWER_EN": ("assessment.answer", "en"),
}


def __getattr__(name: str) -> Any:
    if name in _TABLES:
        from sandbox_rules.i18n import table

        prefix, lang = _TABLES[name]
        return table(prefix, lang)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


Status = Literal["met", "not_met", "unknown", "not_applicable"]
Part = Literal["conditions", "scope", "plan"]

# Art. 9 sets the conditions to take part, Art. 10 the scope, Art. 11 what the plan must hold:
# each rule's topic says which of the three answers it belongs to.
PART_OF_TOPIC: Mapping[str, Part] = {
    "applicant": "conditions",
    "representative": "conditions",
    "solution": "conditions",
    "scope": "scope",
    "plan": "plan",
}
PART_ARTICLE: Mapping[str, str] = {"conditions": "9", "scope": "10", "plan": "11"}
PART_ANSWERS: Mapping[str, tuple[str, str, str]] = {
    # (all met, some not met, none failed but some unknown)
    "conditions": ("eligible", "ineligible", "undetermined"),
    "scope": ("within", "outside", "undetermined"),
    "plan": ("complete", "incomplete", "undetermined"),
}


class Finding(
    msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True, omit_defaults=True
):
    """One rule's result. ``status``: met, not_met, unknown (with the ``missing_facts`` that
    would decide it) or not_applicable. The texts (citation in words, statement, quoted
    clause) are absent in the compact form."""

    rule_id: str
    topic: str
    part: Part
    status: Status
    citations: tuple[str, ...]
    missing_facts: tuple[MissingFact, ...]
    interpretations: tuple[str, ...]
    citation_vi: str | None = None
    citation_en: str | None = None
    statement_vi: str | None = None
    statement_en: str | None = None
    quote_vi: str | None = None

    @property
    def rule(self) -> Rule:
        from sandbox_rules.rules import registry

        return registry().get(self.rule_id)

    @property
    def missing(self) -> list[str]:
        """Unknown facts that would decide this rule (empty unless ``status`` is unknown)."""
        return [m.fact for m in self.missing_facts]

    def quote(self, limit: int | None = 300) -> str:
        from sandbox_rules.law.text import load_law

        return load_law().resolve(self.rule.citation).quote(limit)

    def message(self, lang: str = "vi") -> str:
        from sandbox_rules.i18n import t

        r = self.rule
        status = t(f"assessment.status.{self.status}", lang)
        if lang == "en":
            return f"{r.citation.en()}: {r.statement_en} — {status}"
        return f"{r.citation.vi()}: {r.statement_vi} — {status}"

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = as_builtins(self)
        return out

    def compact(self) -> Finding:
        return Finding(
            rule_id=self.rule_id,
            topic=self.topic,
            part=self.part,
            status=self.status,
            citations=self.citations,
            missing_facts=self.missing_facts,
            interpretations=self.interpretations,
        )


class _KeptJson:
    """The JSON of the immutable parts of assessments, kept by the objects themselves. The
    findings of decided rules are built once per rule and status and shared by every
    assessment that has them (engine.findings_of); part answers and lists of missing facts
    are kept per their statuses and facts; and a kept assessment shares all of them with
    every copy handed out. So an assessment is encoded with those parts' bytes put in as they
    are (``msgspec.Raw``) instead of encoding their quoted clauses and labels again: byte for
    byte the same JSON (tests/test_fast_paths.py). A cache, bounded, not state: an entry
    holds the object it is kept by, so that object's ``id`` cannot be reused while it lives."""

    LIMIT = 4096

    def __init__(self) -> None:
        # (id, compact) -> (the findings tuple, their JSON); (id, compact) -> (a part, its JSON)
        self._tuples: dict[tuple[int, bool], tuple[Any, tuple[msgspec.Raw, ...]]] = {}
        self._items: dict[tuple[int, bool], tuple[Any, msgspec.Raw]] = {}
        self._encode = msgspec.json.Encoder().encode

    def findings(self, findings: tuple[Finding, ...], compact: bool) -> tuple[msgspec.Raw, ...]:
        hit = self._tuples.get((id(findings), compact))
        if hit is not None and hit[0] is findings:
            return hit[1]
        raws = tuple([self.of(f, compact) for f in findings])
        self._keep(self._tuples, (id(findings), compact), (findings, raws))
        return raws

    def of(self, part: Any, compact: bool = False) -> msgspec.Raw:
        """The JSON of ``part`` (a finding in its ``compact`` form if asked, a part answer, a
        tuple of missing facts)."""
        hit = self._items.get((id(part), compact))
        if hit is not None and hit[0] is part:
            return hit[1]
        raw = msgspec.Raw(self._encode(part.compact() if compact else part))
        self._keep(self._items, (id(part), compact), (part, raw))
        return raw

    def _keep(self, table: dict[Any, Any], key: Any, entry: Any) -> None:
        if len(table) >= self.LIMIT:
            table.clear()
        table[key] = entry


_kept_json = _KeptJson()


def make_finding(
    rule: Rule, part: Part, status: Status, missing: tuple[MissingFact, ...] = ()
) -> Finding:
    """The full finding of ``rule`` with ``status`` (texts resolved from the law once)."""
    from sandbox_rules.law.text import load_law

    return Finding(
        rule_id=rule.id,
        topic=rule.topic,
        part=part,
        status=status,
        citations=tuple(c.short for c in rule.citations),
        missing_facts=missing,
        interpretations=tuple(rule.interpretations),
        citation_vi=rule.citation.vi(),
        citation_en=rule.citation.en(),
        statement_vi=rule.statement_vi,
        statement_en=rule.statement_en,
        quote_vi=load_law().resolve(rule.citation).quote(None),
    )


class RuleRef(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    """A rule named by id with the clauses it encodes."""

    rule_id: str
    citations: tuple[str, ...]


class PartAnswer(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    """One of the assessment's three answers. ``conditions`` (Art. 9: eligible, ineligible,
    undetermined), ``scope`` (Art. 10: within, outside, undetermined) or ``plan`` (Art. 11:
    complete, incomplete, undetermined). ``failed`` lists every rule not met (for the plan:
    the contents missing, a dossier to complete under 12.3.b, not a failed condition);
    ``unknown`` the undecided ones and ``missing_facts`` what would decide them."""

    part: Part
    article: str
    answer: Literal[
        "eligible", "ineligible", "within", "outside", "complete", "incomplete", "undetermined"
    ]
    failed: tuple[RuleRef, ...]
    unknown: tuple[RuleRef, ...]
    missing_facts: tuple[MissingFact, ...]


class Assessment(Record, tag="assessment", frozen=True, kw_only=True):
    """The assessment of an application under Art. 9-11: three answers, not one verdict.

    ``verdict`` is the Art. 9 answer (``conditions.answer``); ``scope`` says whether the
    requested scope is within Art. 10 and ``plan`` whether the plan holds every content of
    Art. 11. ``findings`` has one entry per rule. ``missing_facts`` lists what could still
    change the outcome: empty when the Art. 9 answer is ineligible (nothing else can change
    that) and otherwise the missing facts of every undetermined part."""

    form: Literal["full", "compact"] = "full"
    verdict: Literal["eligible", "ineligible", "undetermined"]
    conditions: PartAnswer
    scope: PartAnswer
    plan: PartAnswer
    findings: tuple[Finding, ...]
    missing_facts: tuple[MissingFact, ...]
    interpretations_used: dict[str, str]
    provenance: Provenance

    def __repr__(self) -> str:
        return (
            f"Assessment(verdict={self.verdict!r}, scope={self.scope.answer!r}, "
            f"plan={self.plan.answer!r}, findings={len(self.findings)})"
        )

    @property
    def law_version(self) -> str:
        return self.provenance.law_version

    @property
    def parts(self) -> tuple[PartAnswer, PartAnswer, PartAnswer]:
        return (self.conditions, self.scope, self.plan)

    @property
    def statuses(self) -> dict[str, str]:
        """Rule id -> status."""
        return {f.rule_id: f.status for f in self.findings}

    @property
    def failed(self) -> list[Finding]:
        return [f for f in self.findings if f.status == "not_met"]

    @property
    def unknown(self) -> list[Finding]:
        return [f for f in self.findings if f.status == "unknown"]

    def by_topic(self) -> dict[str, list[Finding]]:
        out: dict[str, list[Finding]] = {t: [] for t in TOPICS}
        for f in self.findings:
            out.setdefault(f.topic, []).append(f)
        return out

    def compact(self) -> Assessment:
        return msgspec.structs.replace(
            self, form="compact", findings=tuple(f.compact() for f in self.findings)
        )

    def to_json_bytes(self, *, pretty: bool = False, form: Form = "full") -> bytes:
        compact = check_form(form) == "compact"
        # The same record, its immutable parts given as their kept JSON (see _KeptJson).
        kept = _kept_json
        encoded = msgspec.structs.replace(
            self,
            form="compact" if compact else self.form,
            conditions=kept.of(self.conditions),
            scope=kept.of(self.scope),
            plan=kept.of(self.plan),
            findings=kept.findings(self.findings, compact),
            missing_facts=kept.of(self.missing_facts),
        )
        raw = msgspec.json.encode(encoded)
        return msgspec.json.format(raw, indent=2) if pretty else raw


class BodyRef(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    """A body of the catalogue (sandbox_rules.catalogues), with its head."""

    code: str
    kind: str
    name: str
    name_en: str
    head_vi: str
    head_en: str
    agency_vi: str  # where a dossier goes (12.3.a): the agency, not its head in person
    agency_en: str


class Authority(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    """Who issues the certificate under 12.1 (``code`` and ``body`` are null where the text
    names a kind of authority but the facts do not single one out)."""

    rule: str
    citation: str
    code: str | None
    title_vi: str
    title_en: str
    body: BodyRef | None
    delegable: bool
    delegation_note_vi: str
    delegation_note_en: str


class Localised(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    vi: str
    en: str


class SourceMatch(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    """One data source as the application gives it and the body its ``managed_by`` was
    matched to in the catalogue (12.1 routes by these bodies)."""

    name: str | None
    owning_unit: str | None
    managed_by_given: str | None
    body: BodyRef | None
    defence_or_cipher: bool | None


class Routing(Record, tag="routing", frozen=True, kw_only=True):
    """Who decides (Art. 12(1)), by which procedure (12.3, 12.4, 12.6), where to file.
    ``status``: determined, undetermined (facts missing) or not_specified_by_text (under the
    strict reading of procedure-many-sources the decree sets no procedure)."""

    status: Literal["determined", "undetermined", "not_specified_by_text"]
    authority: Authority | None
    authority_rule: str | None
    procedure: Literal["12.3", "12.4", "12.6"] | None
    procedure_rule: str | None
    file_with: Localised | None
    methods: tuple[Literal["online", "in_person", "post"], ...]
    citations: tuple[str, ...]
    notes: tuple[str, ...]  # in Vietnamese; notes_en gives each in English, in the same order
    notes_en: tuple[str, ...] = ()
    consultees: tuple[Consultee, ...] = ()
    issues: IssuedDocument | None = None
    missing_facts: tuple[MissingFact, ...]
    interpretations_used: dict[str, str]
    provenance: Provenance
    sources: tuple[SourceMatch, ...] = ()

    def __repr__(self) -> str:
        code = self.authority.code if self.authority else None
        return f"Routing(status={self.status!r}, authority={code!r}, procedure={self.procedure!r})"

    @property
    def law_version(self) -> str:
        return self.provenance.law_version

    @property
    def missing(self) -> frozenset[str]:
        return frozenset(m.fact for m in self.missing_facts)


class DossierItem(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    """One required item of a filing. ``item``: a document, or (issuance) a content of the
    plan required by Art. 11, whose absence leaves the dossier incomplete as well."""

    item: Literal["document", "plan_content"]
    rule_id: str
    citation: str
    citation_vi: str
    document: str
    accepted: tuple[str, ...]
    label_vi: str
    label_en: str
    status: Literal["present", "missing", "unknown"]
    conditional: bool


class UnknownDocument(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    """A document named in the input that is none of this filing's documents (a warning,
    never dropped silently). ``reason``: ``unknown`` (with the nearest name the filing
    accepts, ``suggestion``), ``ambiguous`` (the name holds the codes of two forms, or names
    two documents: ``candidates``, their rule ids) or ``other_procedure`` (a document of the
    filings of ``procedures`` only). ``codes``: the form codes the name holds."""

    given: str
    suggestion: str | None
    reason: Literal["unknown", "ambiguous", "other_procedure"] = "unknown"
    codes: tuple[str, ...] = ()
    candidates: tuple[str, ...] = ()
    procedures: tuple[str, ...] = ()


class OtherKindForm(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    """A form named in the input that is the one the other kind of applicant files (a warning,
    never dropped silently): e.g. HĐTN02, the individual's application under the default
    reading of ``form-order``, in an organisation's dossier (12.2.a). ``expected`` is the form
    this applicant files instead."""

    given: str
    form_of: Literal["organisation", "individual"]
    expected: str
    citation: str
    rule_id: str
    interpretation: str | None = None  # the reading that decides it, e.g. form-order=listed-order


class DossierCheck(Record, tag="dossier", frozen=True, kw_only=True):
    """Required items of one filing (12.2, 12.5, 13.2, 14.1, 16.2), which are at hand and
    which are missing. ``complete`` is null while some item is unknown."""

    procedure: str
    applicant_kind: Literal["organisation", "individual"] | None
    complete: bool | None
    items: tuple[DossierItem, ...]
    missing: tuple[DossierItem, ...]
    interpretations_used: dict[str, str]
    provenance: Provenance
    unrecognised: tuple[UnknownDocument, ...] = ()
    other_kind_forms: tuple[OtherKindForm, ...] = ()

    @property
    def law_version(self) -> str:
        return self.provenance.law_version
