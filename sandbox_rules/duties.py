"""Duties (Art. 13.1, 17-21) as checklists, and Art. 22's exemption from civil liability
evaluated from a compliance record (``{"duty.<id>": true/false}``; absent = unknown) and,
for a participant, from the computed obligations schedule: 22.2 is not granted while the
schedule shows a duty overdue or met late. 22.1 counts only the Art. 20 duties within the
actor's remit ("trong phạm vi trách nhiệm được giao", reading ``authority-exemption-remit``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sandbox_rules import time_records as tr
from sandbox_rules.errors import InputValidationError, brief
from sandbox_rules.interpretations import Interpretations
from sandbox_rules.rules import registry
from sandbox_rules.rules.model import Rule, evaluate_rule

if TYPE_CHECKING:
    from datetime import date

    from sandbox_rules.calendar import VietnamCalendar
    from sandbox_rules.lifecycle import SandboxRecord
    from sandbox_rules.obligations import Schedule

# Statuses of a dated schedule item that show a duty not performed as the text requires.
BLOCKING = ("overdue", "done_late")
ARTICLE_20 = ("20.1", "20.2", "20.3", "20.4", "20.5", "20.6")


@dataclass(frozen=True, slots=True)
class DutyCheck:
    actor: str
    items: tuple[tuple[Rule, bool | None], ...]
    exemption: Rule
    exempt: bool | None
    missing: tuple[str, ...]
    standing_in_way: tuple[tr.Obstacle, ...] = ()
    schedule_checked: bool = False
    remit: tuple[str, ...] | None = None
    interpretations_used: Mapping[str, str] | None = None

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
                standing_in_way=self.standing_in_way,
                schedule_checked=self.schedule_checked,
                remit=self.remit,
                interpretations=tuple(e.interpretations),
            ),
            interpretations_used=dict(self.interpretations_used or {}),
        )

    def to_dict(self) -> dict[str, Any]:
        return self.record().to_dict()

    def to_json(self, *, pretty: bool = False) -> str:
        return self.record().to_json(pretty=pretty)


def _and(a: bool | None, b: bool | None) -> bool | None:
    """Kleene conjunction."""
    if a is False or b is False:
        return False
    return None if a is None or b is None else True


def _remit_facts(remit: Iterable[str] | None, interp: Interpretations) -> dict[str, bool | None]:
    if interp["authority-exemption-remit"] == "all-article-20":
        return {f"remit.{c}": True for c in ARTICLE_20}
    if remit is None:
        return {}
    if isinstance(remit, str) or not isinstance(remit, Iterable):
        raise InputValidationError.from_key("error.duties.remit_list")
    chosen = list(remit)
    wrong = [c for c in chosen if c not in ARTICLE_20]
    if wrong:
        raise InputValidationError.from_key(
            "error.duties.remit_wrong", wrong=brief(wrong), clauses=", ".join(ARTICLE_20)
        )
    return {f"remit.{c}": c in chosen for c in ARTICLE_20}


def _schedule_answer(
    schedule: Schedule, facts: Mapping[str, bool | None]
) -> tuple[bool | None, list[tr.Obstacle], list[str]]:
    """22.2 from the computed schedule: false on a participant item overdue or met late,
    unknown on one whose duty is undetermined and already past its date."""
    obstacles: list[tr.Obstacle] = []
    unknown: list[str] = []
    for i in schedule.items:
        if i.actor != "participant" or i.due is None:
            continue
        late = i.status in BLOCKING
        undetermined = i.status == "undetermined" and i.due < schedule.as_of
        if late or undetermined:
            obstacles.append(
                tr.Obstacle(
                    source="schedule",
                    id=i.id,
                    citation=i.citation,
                    status=i.status,  # type: ignore[arg-type]  # one of BLOCKING or undetermined
                    due=i.due,
                    title_vi=i.title_vi,
                    title_en=i.title_en,
                    duty=i.duty,
                    declared=facts.get(i.duty) if i.duty else None,
                )
            )
            if undetermined:
                unknown.append(f"schedule.{i.id}")
    if any(o.status in BLOCKING for o in obstacles):
        return False, obstacles, unknown
    return (None if unknown else True), obstacles, unknown


def duties(
    compliance: Mapping[str, bool | None],
    actor: str = "participant",
    *,
    schedule: Schedule | None = None,
    remit: Iterable[str] | None = None,
    interpretations: Mapping[str, str] | Interpretations | None = None,
) -> DutyCheck:
    """The checklist of ``actor`` (participant or authority) and the Art. 22 exemption.

    ``schedule`` (participant): the record's computed obligations; an item overdue or met late
    stands in the way of 22.2 whatever the checklist says. ``remit`` (authority): the Art. 20
    clauses within the actor's assigned remit (22.1); absent = unknown.
    """
    if not isinstance(actor, str) or actor not in ("participant", "authority"):
        raise InputValidationError.from_key("error.duties.actor", given=brief(actor))
    if not isinstance(compliance, Mapping):
        from sandbox_rules.i18n import Term

        raise InputValidationError.from_key(
            "error.compliance_not_mapping", kind=Term("type", type(compliance).__name__)
        )
    from sandbox_rules.obligations import Schedule

    if schedule is not None and not isinstance(schedule, Schedule):
        raise InputValidationError.from_key("error.duties.schedule_type")
    if actor == "participant" and remit is not None:
        raise InputValidationError.from_key("error.duties.remit_authority")
    if actor == "authority" and schedule is not None:
        raise InputValidationError.from_key("error.duties.schedule_participant")
    interp = Interpretations.of(interpretations)
    reg = registry()
    known = {
        str(r.outcome["fact"]) for r in reg if r.outcome.get("fact", "").startswith("duty.")
    } | {"duty.other-law"}
    from sandbox_rules._validation import yes_no

    facts: dict[str, bool | None] = {}
    for key, value in compliance.items():
        if not isinstance(key, str):
            raise InputValidationError.from_key("error.duties.key_type", given=brief(key))
        if key not in known:
            raise InputValidationError.from_key("error.duties.unknown", given=brief(key))
        said = yes_no(value)  # "có" / "không": the one reading of yes/no (_validation.Flag)
        if said is not None:
            value = said
        if value is not None and not isinstance(value, bool):
            raise InputValidationError.from_key("error.duties.value", key=key, given=brief(value))
        facts[key] = value
    items = tuple((r, facts.get(str(r.outcome["fact"]))) for r in reg.group(f"duties.{actor}"))
    obstacles = [
        tr.Obstacle(
            source="checklist",
            id=r.id,
            citation=r.citation.short,
            status="not_complied",
            due=None,
            title_vi=r.statement_vi,
            title_en=r.statement_en,
            duty=str(r.outcome["fact"]),
            declared=False,
        )
        for r, v in items
        if v is False
    ]
    if actor == "participant":
        exemption = reg.get("liability.22.2.participant")
        result = evaluate_rule(exemption, facts)
        exempt, missing = result.value, sorted(result.missing)
        if schedule is not None:
            answer, found, unknown_items = _schedule_answer(schedule, facts)
            exempt = _and(exempt, answer)
            obstacles += found
            missing += unknown_items
        used = interp.used("participant-exemption-scope")
        remit_out = None
    else:
        exemption = reg.get("liability.22.1.authority")
        remit_facts = _remit_facts(remit, interp)
        result = evaluate_rule(exemption, {**facts, **remit_facts})
        exempt, missing = result.value, sorted(result.missing)
        # 22.1 reads Art. 20 only; a duty not performed outside the remit is no obstacle.
        obstacles = [
            o
            for o in obstacles
            if o.citation in ARTICLE_20 and remit_facts.get(f"remit.{o.citation}") is not False
        ]
        used = interp.used("authority-exemption-remit")
        remit_out = tuple(c for c in ARTICLE_20 if remit_facts.get(f"remit.{c}"))
        if not remit_facts:
            remit_out = None
    if exempt is False:
        missing = []  # decided: what is unknown can no longer change the answer
    return DutyCheck(
        actor,
        items,
        exemption,
        exempt,
        tuple(missing),
        tuple(obstacles),
        schedule is not None,
        remit_out,
        used,
    )


def record_duties(
    compliance: Mapping[str, bool | None],
    record: SandboxRecord,
    as_of: date,
    *,
    calendar: VietnamCalendar | None = None,
    schedule: Schedule | None = None,
) -> DutyCheck:
    """The participant's checklist and 22.2 for a sandbox record: the checklist read together
    with the record's computed obligations schedule as of ``as_of`` ("đã thực hiện đầy đủ các
    quy trình, quy định liên quan", 22.2), under the record's readings.

    The one path every surface takes (``lifecycle`` on the command line and in the service,
    the case runner, the report), so they cannot disagree: an exemption is never evaluated
    from the checklist alone when the record, and so its schedule, is known. ``schedule``: the
    schedule already computed for the same record, day and calendar, to avoid a second run.
    """
    if schedule is None:
        from sandbox_rules.obligations import obligations

        schedule = obligations(record, as_of, calendar=calendar)
    return duties(compliance, schedule=schedule, interpretations=record.interpretations)
