"""Results are records: every verdict, routing and dossier check serialises to JSON that names
the library version, the law-text hash and the interpretations used, so a decision can be
reproduced and audited later. Built for speed (tuples and slots); ``to_dict`` for JSON.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from sandbox_rules.facts import spec_for
from sandbox_rules.law.text import load_law
from sandbox_rules.rules.model import Rule

STATUS_VI = {
    "met": "đáp ứng",
    "not_met": "không đáp ứng",
    "unknown": "chưa xác định (thiếu thông tin)",
    "not_applicable": "không áp dụng",
}
VERDICT_VI = {
    "eligible": "ĐỦ ĐIỀU KIỆN",
    "ineligible": "KHÔNG ĐỦ ĐIỀU KIỆN",
    "undetermined": "CHƯA XÁC ĐỊNH ĐƯỢC (thiếu thông tin)",
}
TOPICS = ("applicant", "representative", "solution", "scope", "plan")
TOPIC_VI = {
    "applicant": "Chủ thể đề nghị",
    "representative": "Người đại diện theo pháp luật",
    "solution": "Giải pháp",
    "scope": "Phạm vi thử nghiệm",
    "plan": "Phương án thử nghiệm",
}
TOPIC_EN = {
    "applicant": "Applicant",
    "representative": "Legal representative",
    "solution": "Solution",
    "scope": "Scope",
    "plan": "Testing plan",
}


def provenance(
    law_version: str | None = None, calendar_version: str | None = None
) -> dict[str, str]:
    """What a result was computed with, so it can be reproduced and audited later."""
    from sandbox_rules import __version__
    from sandbox_rules.law.text import law_version as current_law_version

    out = {"library_version": __version__, "law_version": law_version or current_law_version()}
    if calendar_version is not None:
        out["calendar_data_version"] = calendar_version
    return out


def missing_fact_dict(fact: str) -> dict[str, Any]:
    spec = spec_for(fact)
    if spec is None:
        return {"fact": fact, "field": None, "label_vi": fact, "label_en": fact, "asked_by": []}
    out = spec.to_dict()
    out["fact"] = fact
    if "[" in fact:  # point the field path at the item
        idx = fact[fact.index("[") : fact.index("]") + 1]
        out["field"] = spec.field.replace("[]", idx, 1)
    return out


class Finding(tuple):  # type: ignore[type-arg]
    """One rule's result: ``rule``, ``status`` (met, not_met, unknown, not_applicable)."""

    __slots__ = ()

    @property
    def rule(self) -> Rule:
        return self[0]  # type: ignore[no-any-return]

    @property
    def status(self) -> str:
        return self[1]  # type: ignore[no-any-return]

    @property
    def _facts(self) -> Mapping[str, Any]:
        return self[2]  # type: ignore[no-any-return]

    @property
    def rule_id(self) -> str:
        return self.rule.id

    @property
    def topic(self) -> str:
        return self.rule.topic

    @property
    def citations(self) -> tuple[str, ...]:
        return tuple(c.short for c in self.rule.citations)

    @property
    def missing(self) -> list[str]:
        """Unknown facts that would decide this rule (empty unless ``status`` is unknown)."""
        if self.status != "unknown":
            return []
        from sandbox_rules.rules.model import evaluate_rule

        return sorted(evaluate_rule(self.rule, self._facts).missing)

    def quote(self, limit: int | None = 300) -> str:
        return load_law().resolve(self.rule.citation).quote(limit)

    def message(self, lang: str = "vi") -> str:
        r = self.rule
        if lang == "en":
            return f"{r.citation.en()}: {r.statement_en} — {self.status.replace('_', ' ')}"
        return f"{r.citation.vi()}: {r.statement_vi} — {STATUS_VI[self.status]}"

    def to_dict(self) -> dict[str, Any]:
        r = self.rule
        return {
            "rule_id": r.id,
            "topic": r.topic,
            "status": self.status,
            "citations": [c.short for c in r.citations],
            "citation_vi": r.citation.vi(),
            "citation_en": r.citation.en(),
            "statement_vi": r.statement_vi,
            "statement_en": r.statement_en,
            "quote_vi": self.quote(None),
            "missing_facts": [missing_fact_dict(f) for f in self.missing],
            "interpretations": list(r.interpretations),
        }


def make_finding(rule: Rule, status: str, facts: Mapping[str, Any]) -> Finding:
    return tuple.__new__(Finding, (rule, status, facts))


class Assessment:
    """``verdict`` (eligible, ineligible, undetermined), every ``finding``, the
    ``missing_facts`` that would decide an undetermined verdict, and provenance.

    Findings are built when first read (the hot path stores one status per rule)."""

    __slots__ = ("_facts", "_rules", "_statuses", "interpretations_used", "law_version", "verdict")

    def __init__(
        self,
        verdict: str,
        rules: tuple[Rule, ...],
        statuses: list[str],
        source: Any,
        interpretations_used: Mapping[str, str],
        law_version: str,
    ) -> None:
        self.verdict = verdict
        self._rules = rules
        self._statuses = statuses
        self._facts = source  # (application, interpretations) until facts are first needed
        self.interpretations_used = interpretations_used
        self.law_version = law_version

    @property
    def facts(self) -> Mapping[str, Any]:
        """The named facts the rules read (built on first access)."""
        if isinstance(self._facts, tuple):
            from sandbox_rules.facts import extract_facts

            app, interp = self._facts
            self._facts = extract_facts(app, interp)
        facts: Mapping[str, Any] = self._facts
        return facts

    @property
    def findings(self) -> tuple[Finding, ...]:
        facts = self.facts
        return tuple(
            make_finding(r, s, facts) for r, s in zip(self._rules, self._statuses, strict=True)
        )

    @property
    def statuses(self) -> dict[str, str]:
        """Rule id -> status, cheaply."""
        return {r.id: s for r, s in zip(self._rules, self._statuses, strict=True)}

    def __repr__(self) -> str:
        return f"Assessment(verdict={self.verdict!r}, findings={len(self.findings)})"

    @property
    def failed(self) -> list[Finding]:
        return [f for f in self.findings if f.status == "not_met"]

    @property
    def unknown(self) -> list[Finding]:
        return [f for f in self.findings if f.status == "unknown"]

    @property
    def missing_facts(self) -> list[dict[str, Any]]:
        """What is still needed to decide, each with the clause asking for it. Empty when the
        verdict is decided (an ineligible verdict needs nothing more)."""
        if self.verdict != "undetermined":
            return []
        facts: set[str] = set()
        for f in self.unknown:
            facts.update(f.missing)
        return [missing_fact_dict(x) for x in sorted(facts)]

    def by_topic(self) -> dict[str, list[Finding]]:
        out: dict[str, list[Finding]] = {t: [] for t in TOPICS}
        for f in self.findings:
            out.setdefault(f.topic, []).append(f)
        return out

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": "assessment",
            "verdict": self.verdict,
            "findings": [f.to_dict() for f in self.findings],
            "missing_facts": self.missing_facts,
            "interpretations_used": dict(self.interpretations_used),
            "provenance": provenance(self.law_version),
        }

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2, default=str)


class Routing:
    """Who decides (Art. 12(1)), by which procedure (12.3, 12.4, 12.6), where to file."""

    __slots__ = (
        "authority",
        "authority_rule",
        "citations",
        "consultees",
        "file_with",
        "interpretations_used",
        "issues",
        "law_version",
        "methods",
        "missing",
        "notes",
        "procedure",
        "procedure_rule",
        "status",
    )

    def __init__(
        self,
        *,
        status: str,
        authority: dict[str, Any] | None,
        authority_rule: str | None,
        procedure: str | None,
        procedure_rule: str | None,
        file_with: dict[str, str] | None,
        methods: tuple[str, ...],
        citations: tuple[str, ...],
        notes: tuple[str, ...],
        missing: frozenset[str],
        interpretations_used: Mapping[str, str],
        law_version: str,
        consultees: tuple[dict[str, Any], ...] = (),
        issues: dict[str, Any] | None = None,
    ) -> None:
        self.status = status
        self.consultees = consultees
        self.issues = issues
        self.authority = authority
        self.authority_rule = authority_rule
        self.procedure = procedure
        self.procedure_rule = procedure_rule
        self.file_with = file_with
        self.methods = methods
        self.citations = citations
        self.notes = notes
        self.missing = missing
        self.interpretations_used = interpretations_used
        self.law_version = law_version

    def __repr__(self) -> str:
        return f"Routing(status={self.status!r}, authority={self.authority and self.authority['code']!r}, procedure={self.procedure!r})"

    @property
    def missing_facts(self) -> list[dict[str, Any]]:
        return [missing_fact_dict(x) for x in sorted(self.missing or ())]

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": "routing",
            "status": self.status,
            "authority": self.authority,
            "authority_rule": self.authority_rule,
            "procedure": self.procedure,
            "procedure_rule": self.procedure_rule,
            "file_with": self.file_with,
            "methods": list(self.methods or ()),
            "citations": list(self.citations or ()),
            "notes": list(self.notes or ()),
            "consultees": list(self.consultees),
            "issues": self.issues,
            "missing_facts": self.missing_facts,
            "interpretations_used": dict(self.interpretations_used or {}),
            "provenance": provenance(self.law_version),
        }

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2, default=str)


class DossierCheck:
    """Required documents of one filing, which are at hand and which are missing."""

    __slots__ = ("applicant_kind", "interpretations_used", "items", "law_version", "procedure")

    def __init__(
        self,
        procedure: str,
        applicant_kind: str | None,
        items: list[dict[str, Any]],
        interpretations_used: Mapping[str, str],
        law_version: str,
    ) -> None:
        self.procedure = procedure
        self.applicant_kind = applicant_kind
        self.items = items
        self.interpretations_used = interpretations_used
        self.law_version = law_version

    @property
    def missing(self) -> list[dict[str, Any]]:
        return [i for i in self.items if i["status"] == "missing"]

    @property
    def complete(self) -> bool | None:
        if any(i["status"] == "unknown" for i in self.items):
            return None
        return not self.missing

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": "dossier",
            "procedure": self.procedure,
            "applicant_kind": self.applicant_kind,
            "complete": self.complete,
            "items": self.items,
            "missing": self.missing,
            "interpretations_used": dict(self.interpretations_used),
            "provenance": provenance(self.law_version),
        }

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2, default=str)
