"""Coverage manifest: every leaf unit of Articles 8-22 is encoded, not computable, or pending.

*Encoded* is derived from the rule registry (a rule cites the unit, a unit inside it, or —
for the lead paragraph of a clause or point — the clause or point itself), so it cannot
drift. What is not encoded must be listed below with a reason (not computable) or the
issue that will encode it (pending). A test fails on a unit in neither, or in both.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sandbox_rules.law.citation import Citation
from sandbox_rules.law.text import load_law
from sandbox_rules.rules.model import RuleRegistry

# Each unit that is not computable, with its reason: a key of the reasons in the message
# tables (coverage.reason.*: in English as ``note``, and in Vietnamese).
NOT_COMPUTABLE_REASON: dict[str, str] = {
    "8.2": "principle",
    "8.3": "principle",
    "8.4": "principle",
    "8.5": "principle",
    "8.7": "capacity",
    "8.8": "principle",
    "9.par1": "introduction",
    "9.3.par1": "heading",
    "11.2.par1": "heading",
    "12.1.par1": "heading",
    "12.2.par1": "heading",
    "13.2.par1": "heading",
    "13.3.par1": "heading",
    "16.1.par1": "heading",
    "16.2.par1": "heading",
    "16.3.par1": "heading",
    "17.2.a": "inspection",
    "17.2.b": "inspection",
    "17.2.c": "inspection",
    "17.4": "discretionary",
}


def reason(code: str, lang: str = "en") -> str:
    """A reason of the manifest (``NOT_COMPUTABLE_REASON``) in ``lang``."""
    from sandbox_rules.i18n import t

    return t(f"coverage.reason.{code}", lang)


def __getattr__(name: str) -> Any:
    """``NOT_COMPUTABLE``: unit -> its reason in English (read from the message tables)."""
    if name == "NOT_COMPUTABLE":
        return {unit: reason(code) for unit, code in NOT_COMPUTABLE_REASON.items()}
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


# Every leaf is now encoded or not computable; a new pending entry names the issue that will
# encode it, and `sandbox-rules coverage` shows it.
PENDING: dict[str, str] = {}


@dataclass(frozen=True, slots=True)
class CoverageRow:
    citation: Citation
    status: str  # "encoded" | "not_computable" | "pending" | "missing"
    rule_ids: tuple[str, ...]
    written: str  # a pending unit's note (the issue that will encode it), as written
    reason: str = ""  # the key of the reason a unit is not encoded (coverage.reason.*)

    @property
    def note(self) -> str:
        """Why the unit is not encoded, in English ('' for an encoded unit)."""
        return self.note_in("en")

    def note_in(self, lang: str) -> str:
        """Why the unit is not encoded, in ``lang`` (read from the tables when asked)."""
        return reason(self.reason, lang) if self.reason else self.written

    def to_dict(self) -> dict[str, Any]:
        return {
            "citation": self.citation.short,
            "vi": self.citation.vi(),
            "status": self.status,
            "rule_ids": list(self.rule_ids),
            "note": self.note,
        }


def _covers(unit: Citation, cited: Citation) -> bool:
    if unit.contains(cited):
        return True
    # Citing a whole clause or point stands for its lead paragraph only.
    return (
        unit.paragraph == 1
        and cited.paragraph is None
        and (Citation(unit.article, unit.clause, unit.point) == cited)
    )


def coverage_table(registry: RuleRegistry) -> list[CoverageRow]:
    rows = []
    for unit in load_law().coverage_units():
        ids = tuple(r.id for r in registry if any(_covers(unit, c) for c in r.citations))
        key = unit.short
        if ids:
            rows.append(CoverageRow(unit, "encoded", ids, ""))
        elif key in NOT_COMPUTABLE_REASON:
            code = NOT_COMPUTABLE_REASON[key]
            rows.append(CoverageRow(unit, "not_computable", (), "", code))
        elif key in PENDING:
            rows.append(CoverageRow(unit, "pending", (), PENDING[key]))
        else:
            rows.append(CoverageRow(unit, "missing", (), "", "not_in_manifest"))
    return rows


def coverage_problems(registry: RuleRegistry) -> list[str]:
    """Everything that makes the manifest wrong; empty when it is sound."""
    law = load_law()
    units = {c.short for c in law.coverage_units()}
    problems = []
    for row in coverage_table(registry):
        key = row.citation.short
        if row.status == "missing":
            problems.append(f"{key}: neither encoded nor listed in the manifest")
        if row.status == "encoded" and (key in NOT_COMPUTABLE_REASON or key in PENDING):
            problems.append(
                f"{key}: encoded by {', '.join(row.rule_ids)} but still listed as not encoded"
            )
    for key in {*NOT_COMPUTABLE_REASON, *PENDING}:
        if key not in units:
            problems.append(f"{key}: listed in the manifest but not a coverage unit")
        if key in NOT_COMPUTABLE_REASON and key in PENDING:
            problems.append(f"{key}: both not computable and pending")
    return problems


def coverage_counts(rows: list[CoverageRow]) -> dict[str, int]:
    out = {"encoded": 0, "not_computable": 0, "pending": 0, "missing": 0}
    for row in rows:
        out[row.status] += 1
    out["total"] = len(rows)
    return out
