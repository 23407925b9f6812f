"""Output records: one ``msgspec.Struct`` definition per record, from which its JSON, its JSON
Schema (``sandbox_rules.schema``), the HTTP service's OpenAPI components and its docs follow,
so they cannot drift apart (docs/records.md; the choice of msgspec is measured in
docs/performance.md).

Every record carries ``kind`` (its tag) and ``schema_version``; the versioning policy is in
docs/records.md. ``to_json()`` is compact (one line) unless ``pretty``; ``form="compact"``
drops the quoted texts and keeps ids, statuses, citations and missing facts.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any, Literal

import msgspec

SCHEMA_VERSION = "2.0"  # 1.1: message_vi and key of the error record, msg_vi of its fields;
# 1.2: inspection_kind of an inspection_ended event (input record, 17.2);
# 2.0: the rule catalogue a rules record ({"kind": "rules", "rules": [...]}), no longer a bare
# list (incompatible); new records law_unit, coverage, catalogue, calendar_year, report,
# reports, template, case_results (which now carries schema_version)
Form = Literal["full", "compact"]
FORMS: tuple[str, ...] = ("full", "compact")


class Record(
    msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True, tag_field="kind"
):
    """Base of every output record (not itself a record)."""

    schema_version: str = SCHEMA_VERSION

    def compact(self) -> Record:
        """The compact form: the same record without quoted texts (identity by default)."""
        return self

    def to_dict(self, form: Form = "full") -> dict[str, Any]:
        rec = self.compact() if check_form(form) == "compact" else self  # a typo is refused
        out: dict[str, Any] = as_builtins(rec)
        return out

    def to_json_bytes(self, *, pretty: bool = False, form: Form = "full") -> bytes:
        rec = self.compact() if check_form(form) == "compact" else self  # a typo is refused
        raw = msgspec.json.encode(rec)
        return msgspec.json.format(raw, indent=2) if pretty else raw

    def to_json(self, *, pretty: bool = False, form: Form = "full") -> str:
        return self.to_json_bytes(pretty=pretty, form=form).decode("utf-8")


def as_builtins(record: Any) -> Any:
    """``record`` as its JSON reads back: dicts, lists, strings, numbers (a ``to_dict`` equals
    ``json.loads`` of the ``to_json``, lists included, where ``msgspec.to_builtins`` would
    keep tuples)."""
    return msgspec.json.decode(msgspec.json.encode(record))


def check_form(form: object) -> Form:
    """The ``form`` argument of a surface, checked."""
    if form not in FORMS:
        from sandbox_rules.errors import InputValidationError, brief

        raise InputValidationError.from_key(
            "error.form", forms=", ".join(FORMS), given=brief(form, 40)
        )
    return form  # type: ignore[return-value]


class Provenance(
    msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True, omit_defaults=True
):
    """What a result was computed with, so it can be reproduced and audited later."""

    library_version: str
    law_version: str
    calendar_data_version: str | None = None


class MissingFact(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    """A fact still unknown that would decide a result, with the clauses asking for it."""

    fact: str
    field: str | None
    label_vi: str
    label_en: str
    asked_by: tuple[str, ...]


@lru_cache(maxsize=8)
def _provenance(law: str | None, calendar: str | None) -> Provenance:
    from sandbox_rules import __version__
    from sandbox_rules.law.text import law_version as current_law_version

    return Provenance(
        library_version=__version__,
        law_version=law or current_law_version(),
        calendar_data_version=calendar,
    )


def provenance(law_version: str | None = None, calendar_version: str | None = None) -> Provenance:
    """Library version, law-text hash and (for dated results) calendar data version."""
    return _provenance(law_version, calendar_version)


@lru_cache(maxsize=4096)
def missing_fact(fact: str) -> MissingFact:
    """The record of one missing fact: its input field (pointing at the list item for item
    facts such as ``…convictions[0].prison_years``), labels and the clauses asking for it."""
    from sandbox_rules.facts import spec_for

    spec = spec_for(fact)
    if spec is None:
        return MissingFact(fact=fact, field=None, label_vi=fact, label_en=fact, asked_by=())
    d = spec.to_dict()
    field = d.get("field")
    if "[" in fact and isinstance(field, str):
        field = field.replace("[]", fact[fact.index("[") : fact.index("]") + 1], 1)
    return MissingFact(
        fact=fact,
        field=field,
        label_vi=d["label_vi"],
        label_en=d["label_en"],
        asked_by=tuple(d["asked_by"]),
    )


def missing_facts(facts: Any) -> tuple[MissingFact, ...]:
    """The records of ``facts`` (names) in clause order: by the first clause asking for
    each, then as the application form lists them, then by name (an officer reads them
    beside the text, and the interview asks them in this order)."""
    return _missing_facts(facts if isinstance(facts, frozenset) else frozenset(facts))


@lru_cache(maxsize=4096)
def _missing_facts(facts: frozenset[str]) -> tuple[MissingFact, ...]:
    return tuple(sorted((missing_fact(f) for f in facts), key=_clause_order))


def _clause_order(m: MissingFact) -> tuple[Any, ...]:
    from sandbox_rules.facts import _INDEX, form_position
    from sandbox_rules.law.citation import Citation

    first = min((Citation.parse(c).sort_key for c in m.asked_by), default=(999,))
    return (first, form_position(_INDEX.sub("[]", m.fact)), m.fact)


class Consultee(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    """A body the text says is consulted (12.3.b, 12.4.b, 13.3.b, 16.3.b); ``names``: the
    units themselves where the case names them (the data-owning units of 12.4.b)."""

    id: str
    name_vi: str
    name_en: str
    citation: str
    names: tuple[str, ...] = ()


class IssuedDocument(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    """What the authority issues at the end of a procedure, with the forms the text names
    (12.3.d, 12.4.d: HĐTN03, HĐTN04; 16.3.d: HĐTN11, HĐTN12; assigned by form-order)."""

    name_vi: str
    name_en: str
    citation: str
    forms: dict[str, str] | None = None
