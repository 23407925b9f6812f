"""Rules as declarations: id, citations, kind, statements, in-force dates, condition.

A rule never decides by position in a list. Within a *group* (e.g. ``authority``) the
engine finds every rule whose condition holds, removes those overridden by an applicable
exception (Catala's default logic: ``12.1.c`` overrides ``12.1.b``) and then requires
exactly one survivor: none is :class:`NoApplicableRuleError`, several is
:class:`ConflictingRulesError`. Unknown facts make the decision *undetermined* and name
what is missing.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import Any

from sandbox_rules.errors import (
    ConflictingRulesError,
    NoApplicableRuleError,
    RuleDefinitionError,
    UnknownCitationError,
    UnknownRuleError,
)
from sandbox_rules.expr import TRUE, Env, Expr, Facts
from sandbox_rules.law.citation import Citation

DECREE_IN_FORCE = date(2025, 7, 1)


class RuleKind(StrEnum):
    """What a rule decides: a condition, a routing, a dossier item, a time limit, a lifecycle
    transition or an obligation."""

    CONDITION = "condition"
    ROUTING = "routing"
    DOSSIER_ITEM = "dossier_item"
    TIME_LIMIT = "time_limit"
    TRANSITION = "transition"
    OBLIGATION = "obligation"


@dataclass(frozen=True, slots=True)
class Rule:
    """One declared rule, beside the clause(s) it encodes."""

    id: str
    citations: tuple[Citation, ...]
    kind: RuleKind
    statement_vi: str
    statement_en: str
    condition: Expr = TRUE
    applies_if: Expr = TRUE
    group: str = ""
    exception_to: tuple[str, ...] = ()
    in_force_from: date = DECREE_IN_FORCE
    in_force_until: date | None = None
    interpretations: tuple[str, ...] = ()
    outcome: Mapping[str, Any] = field(default_factory=dict)
    topic: str = ""

    @property
    def citation(self) -> Citation:
        """The primary citation."""
        return self.citations[0]

    def facts(self) -> frozenset[str]:
        return self.condition.facts() | self.applies_if.facts()

    def in_force_on(self, day: date) -> bool:
        return self.in_force_from <= day and (
            self.in_force_until is None or day < self.in_force_until
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "citations": [c.short for c in self.citations],
            "kind": self.kind.value,
            "group": self.group,
            "topic": self.topic,
            "statement_vi": self.statement_vi,
            "statement_en": self.statement_en,
            "applies_if": self.applies_if.to_dict(),
            "condition": self.condition.to_dict(),
            "exception_to": list(self.exception_to),
            "in_force_from": self.in_force_from.isoformat(),
            "in_force_until": self.in_force_until.isoformat() if self.in_force_until else None,
            "interpretations": list(self.interpretations),
            "outcome": dict(self.outcome),
            "facts": sorted(self.facts()),
        }


def rule(
    id: str,
    cites: str | Iterable[str],
    kind: RuleKind,
    vi: str,
    en: str,
    condition: Expr = TRUE,
    **kwargs: Any,
) -> Rule:
    """Declare a rule; ``cites`` is one short citation or several."""
    cit_list = [cites] if isinstance(cites, str) else list(cites)
    if not cit_list:
        raise RuleDefinitionError.from_key("error.rules.cites_nothing", id=repr(id))
    return Rule(
        id=id,
        citations=tuple(Citation.parse(c) for c in cit_list),
        kind=kind,
        statement_vi=vi,
        statement_en=en,
        condition=condition,
        **kwargs,
    )


@dataclass(frozen=True, slots=True)
class RuleResult:
    """A rule's value on some facts: applicable (True/False/None) and condition value."""

    rule: Rule
    applicable: bool | None
    value: bool | None
    missing: frozenset[str]

    @property
    def holds(self) -> bool | None:
        """Is the requirement met? A rule that does not apply is met; a rule whose
        applicability is unknown is met only if its condition holds anyway."""
        if self.applicable is False:
            return True
        if self.applicable is None:
            return True if self.value is True else None
        return self.value


def evaluate_rule(r: Rule, facts: Facts) -> RuleResult:
    """Whether ``r`` applies and holds, with the unknown facts that would decide it (those of
    ``applies_if`` while it is open, and those of the condition while it is)."""
    env = Env(facts)
    cond, applies_if = r.condition, r.applies_if
    applicable = True if applies_if is TRUE else applies_if._eval(env)
    if applicable is False:
        return RuleResult(r, False, None, frozenset())
    value = cond._eval(env)
    missing: set[str] = set()
    if applicable is None:
        missing |= applies_if._missing(env)
    if value is None:
        missing |= cond._missing(env)
    return RuleResult(r, applicable, value, frozenset(missing))


@dataclass(frozen=True, slots=True)
class GroupDecision:
    """Outcome of a group: the one rule that applies, or undetermined with what is missing."""

    group: str
    rule: Rule | None
    results: tuple[RuleResult, ...]
    missing: frozenset[str]

    @property
    def determined(self) -> bool:
        return self.rule is not None


class RuleRegistry:
    """An immutable set of rules with unique ids, checked against the law on construction."""

    def __init__(self, rules: Iterable[Rule], *, check_citations: bool = True) -> None:
        self._rules: dict[str, Rule] = {}
        for r in rules:
            if r.id in self._rules:
                raise RuleDefinitionError.from_key("error.rules.duplicate", id=repr(r.id))
            self._rules[r.id] = r
        for r in self._rules.values():
            for target in r.exception_to:
                other = self._rules.get(target)
                if other is None:
                    raise RuleDefinitionError.from_key(
                        "error.rules.exception_unknown", id=repr(r.id), target=repr(target)
                    )
                if other.group != r.group:
                    raise RuleDefinitionError.from_key(
                        "error.rules.exception_group", id=repr(r.id), target=repr(target)
                    )
        if check_citations:
            from sandbox_rules.law.text import load_law

            law = load_law()
            for r in self._rules.values():
                for c in r.citations:
                    if not law.exists(c):
                        raise RuleDefinitionError.from_key(
                            "error.rules.citation", id=repr(r.id), citation=c.short
                        ) from UnknownCitationError(c.short)

        # Immutable, so ordered and grouped once rather than on every look-up.
        self._ordered = tuple(
            sorted(self._rules.values(), key=lambda r: (r.citation.sort_key, r.id))
        )
        groups: dict[str, list[Rule]] = {}
        for r in self._ordered:
            groups.setdefault(r.group, []).append(r)
        self._groups = {name: tuple(rules) for name, rules in groups.items()}

    def __iter__(self) -> Iterator[Rule]:
        return iter(self._ordered)

    def __len__(self) -> int:
        return len(self._rules)

    def __contains__(self, rule_id: object) -> bool:
        return rule_id in self._rules

    def get(self, rule_id: str) -> Rule:
        try:
            return self._rules[rule_id]
        except KeyError:
            raise UnknownRuleError(rule_id) from None

    def group(self, name: str) -> list[Rule]:
        return list(self._groups.get(name, ()))

    def kind(self, kind: RuleKind) -> list[Rule]:
        return [r for r in self if r.kind == kind]

    def citing(self, citation: str | Citation) -> list[Rule]:
        """Rules that cite this unit or a unit inside it."""
        c = Citation.parse(citation)
        return [r for r in self if any(c.contains(rc) for rc in r.citations)]

    def merged(self, other: Iterable[Rule]) -> RuleRegistry:
        return RuleRegistry([*self._rules.values(), *other])

    def decide(self, group: str, facts: Facts, *, on: date | None = None) -> GroupDecision:
        """Exactly one applicable rule of ``group`` after exceptions, or undetermined."""
        candidates = [r for r in self.group(group) if on is None or r.in_force_on(on)]
        if not candidates:
            raise NoApplicableRuleError(group, [])
        results = tuple(evaluate_rule(r, facts) for r in candidates)

        def fires(res: RuleResult) -> bool | None:
            if res.applicable is False:
                return False
            if res.applicable is None:
                return None if res.value is not False else False
            return res.value

        value = {res.rule.id: fires(res) for res in results}
        survivors: list[RuleResult] = []
        unsure: list[RuleResult] = []
        for res in results:
            v = value[res.rule.id]
            overriders = [o for o in candidates if res.rule.id in o.exception_to]
            if any(value[o.id] is True for o in overriders):
                continue  # a true exception overrides it
            if v is True and any(value[o.id] is None for o in overriders):
                unsure.append(res)  # it fires unless an undecided exception does
            elif v is True:
                survivors.append(res)
            elif v is None:
                unsure.append(res)
        if unsure:
            missing: set[str] = set()
            for res in unsure:
                missing |= res.missing
                for o in candidates:
                    if res.rule.id in o.exception_to and value[o.id] is None:
                        missing |= next(x.missing for x in results if x.rule.id == o.id)
            return GroupDecision(group, None, results, frozenset(missing))
        if not survivors:
            raise NoApplicableRuleError(group, [r.citation.short for r in candidates])
        if len(survivors) > 1:
            raise ConflictingRulesError(
                group,
                [s.rule.id for s in survivors],
                [s.rule.citation.short for s in survivors],
            )
        return GroupDecision(group, survivors[0].rule, results, frozenset())
