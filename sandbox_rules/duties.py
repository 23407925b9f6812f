"""Duties (Art. 13.1, 17-21) as checklists, and Art. 22's exemption from civil liability
evaluated from a compliance record (``{"duty.<id>": true/false}``; absent = unknown)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sandbox_rules import time_records as tr
from sandbox_rules.errors import InputValidationError, brief
from sandbox_rules.rules import registry
from sandbox_rules.rules.model import Rule, evaluate_rule


@dataclass(frozen=True, slots=True)
class DutyCheck:
    actor: str
    items: tuple[tuple[Rule, bool | None], ...]
    exemption: Rule
    exempt: bool | None
    missing: tuple[str, ...]

    def record(self) -> tr.Duties:
        """This checklist as its record (sandbox_rules.time_records.Duties)."""
        e = self.exemption
        return tr.Duties(
            actor=self.actor,  # type: ignore[arg-type]
            duties=tuple(
                tr.Duty(
                    rule_id=r.id,
                    citations=tuple(c.short for c in r.citations),
                    statement_vi=r.statement_vi,
                    statement_en=r.statement_en,
                    complied=v,
                )
                for r, v in self.items
            ),
            exemption=tr.Exemption(
                rule_id=e.id,
                citation=e.citation.short,
                statement_vi=e.statement_vi,
                statement_en=e.statement_en,
                exempt=self.exempt,
                missing=tuple(self.missing),
                interpretations=tuple(e.interpretations),
            ),
        )

    def to_dict(self) -> dict[str, Any]:
        return self.record().to_dict()

    def to_json(self, *, pretty: bool = False) -> str:
        return self.record().to_json(pretty=pretty)


def duties(compliance: Mapping[str, bool | None], actor: str = "participant") -> DutyCheck:
    """The checklist of ``actor`` (participant or authority) and the Art. 22 exemption."""
    if not isinstance(actor, str) or actor not in ("participant", "authority"):
        raise InputValidationError(f"actor must be participant or authority, got {brief(actor)}")
    if not isinstance(compliance, Mapping):
        raise InputValidationError(
            "compliance must be a mapping of duty id to true/false/null, "
            f"got {type(compliance).__name__}"
        )
    reg = registry()
    known = {
        str(r.outcome["fact"]) for r in reg if r.outcome.get("fact", "").startswith("duty.")
    } | {"duty.other-law"}
    for key, value in compliance.items():
        if not isinstance(key, str):
            raise InputValidationError(f"compliance: duty ids are strings, got {brief(key)}")
        if key not in known:
            raise InputValidationError(
                f"compliance: unknown duty {brief(key)}; see `sandbox-rules rules --kind obligation`"
            )
        if value is not None and not isinstance(value, bool):
            raise InputValidationError(
                f"compliance.{key} must be true, false or null, got {brief(value)}"
            )
    facts = dict(compliance)
    items = tuple((r, facts.get(str(r.outcome["fact"]))) for r in reg.group(f"duties.{actor}"))
    exemption = reg.get(
        "liability.22.2.participant" if actor == "participant" else "liability.22.1.authority"
    )
    result = evaluate_rule(exemption, facts)
    return DutyCheck(actor, items, exemption, result.value, tuple(sorted(result.missing)))
