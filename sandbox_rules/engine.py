"""The reference evaluator: ``assess``, ``route`` and ``dossier`` over the declared rules.

Pure functions of their input; the compiled rule set is built once per process from the
immutable registry (no mutable global state), so calls are thread-safe.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Mapping, Sequence
from functools import cache, lru_cache
from itertools import islice
from types import MappingProxyType
from typing import Any, Literal, NamedTuple, cast

import msgspec

from sandbox_rules._keys import Keyed, items_key
from sandbox_rules._validation import MAX_STRING
from sandbox_rules.catalogues import Body, catalogue
from sandbox_rules.codegen import compile_fires, compile_statuses
from sandbox_rules.errors import (
    InputTooLargeError,
    InputValidationError,
    InterpretationError,
    RuleDefinitionError,
    brief,
)
from sandbox_rules.expr import TRUE, Compiled, Count, Exists, Expr, ForAll, compile_expr
from sandbox_rules.facts import (
    ACCESSORS,
    KEY_ACCESSORS,
    extract_facts,
    facts_of_sources,
    interp_facts_for,
    planned_end,
)
from sandbox_rules.interpretations import DEFAULTS, Interpretations
from sandbox_rules.law.text import load_law
from sandbox_rules.models import MAX_DOCUMENTS, Application, DataSource, load_application
from sandbox_rules.outcomes import (
    PART_ANSWERS,
    PART_ARTICLE,
    PART_OF_TOPIC,
    Assessment,
    Authority,
    BodyRef,
    DossierCheck,
    DossierItem,
    Finding,
    Localised,
    OtherKindForm,
    PartAnswer,
    Routing,
    RuleRef,
    SourceMatch,
    Status,
    UnknownDocument,
    make_finding,
)
from sandbox_rules.records import Consultee, IssuedDocument, MissingFact, missing_facts, provenance
from sandbox_rules.rules import registry
from sandbox_rules.rules.dossiers import PROCEDURES
from sandbox_rules.rules.model import Rule, RuleKind, RuleRegistry

KINDS = ("organisation", "individual")
_STATUSES: tuple[Status, ...] = ("met", "not_met", "not_applicable", "unknown")


class Engine:
    """Compiled eligibility rules, bucketed by applicant kind. Immutable after construction."""

    def __init__(self, reg: RuleRegistry) -> None:
        self.registry = reg
        self.law_version = load_law().version
        self.in_force_from = min(r.in_force_from for r in reg)
        rules = [r for r in reg.group("eligibility") if r.kind is RuleKind.CONDITION]
        self.by_kind: dict[str, tuple[tuple[Rule, Compiled, Compiled | None], ...]] = {}
        for kind in KINDS:
            bucket: list[tuple[Rule, Compiled, Compiled | None]] = []
            for r in rules:
                static = r.applies_if.evaluate({"applicant.kind": kind})
                if static is False:
                    bucket.append(
                        (r, compile_expr(r.condition), None)
                    )  # never applies: None marker
                elif static is True and r.applies_if.facts() <= {"applicant.kind"}:
                    bucket.append((r, compile_expr(r.condition), _ALWAYS))
                else:
                    bucket.append((r, compile_expr(r.condition), compile_expr(r.applies_if)))
            self.by_kind[kind] = tuple(bucket)
        self.rules_of: dict[str, tuple[Rule, ...]] = {
            k: tuple(r for r, _, _ in v) for k, v in self.by_kind.items()
        }
        # The hot path: one generated function per applicant kind (sandbox_rules.codegen).
        self.status_fn = {
            kind: compile_statuses(
                [
                    (None if a is None else (TRUE if a is _ALWAYS else r.applies_if), r.condition)
                    for r, _, a in self.by_kind[kind]
                ],
                name=f"statuses_{kind}",
                accessors=ACCESSORS[kind],
                helpers={"_planned_end": planned_end},
            )
            for kind in KINDS
        }
        self.interpretations_of: dict[str, tuple[str, ...]] = {
            kind: tuple(
                sorted(
                    {
                        i
                        for r, _, a in self.by_kind[kind]
                        if a is not None
                        for i in r.interpretations
                    }
                )
            )
            for kind in KINDS
        }
        self._default_used = {
            kind: MappingProxyType(DEFAULTS.used(*self.interpretations_of[kind])) for kind in KINDS
        }
        self.routing = {name: _RoutingGroup(reg, name) for name in ("authority", "procedure")}
        # Routing reads only the data-source and reading facts, unless a rule asks for more.
        self.routing_full_facts = not all(
            fact.startswith(("sources.", "interp."))
            for g in self.routing.values()
            for fact in g.facts
        )
        self.routing_facts = tuple(
            sorted(frozenset().union(*(g.facts for g in self.routing.values())))
        )
        self.routing_default_used = MappingProxyType(DEFAULTS.used(*ROUTING_INTERPRETATIONS))
        self.citations_of = {r.id: tuple(c.short for c in r.citations) for r in reg}
        # Fixed texts of every finding are built once: a decided finding depends only on
        # its rule and status (an unknown one also on the facts it misses).
        for r in rules:
            if r.topic not in PART_OF_TOPIC:
                raise RuleDefinitionError.from_key(
                    "error.rules.topic", id=r.id, topic=repr(r.topic)
                )
        self.findings_of: dict[str, tuple[dict[str, Finding], ...]] = {
            kind: tuple(
                {status: make_finding(r, PART_OF_TOPIC[r.topic], status) for status in _STATUSES}
                for r in self.rules_of[kind]
            )
            for kind in KINDS
        }
        self.part_index: dict[str, dict[str, tuple[int, ...]]] = {
            kind: {
                part: tuple(
                    i for i, r in enumerate(self.rules_of[kind]) if PART_OF_TOPIC[r.topic] == part
                )
                for part in PART_ANSWERS
            }
            for kind in KINDS
        }
        # Each part's statuses, read from the list of all statuses as one tuple.
        self.part_statuses: dict[str, tuple[tuple[str, tuple[int, ...], Any], ...]] = {
            kind: tuple(
                (part, idx, lambda st, idx=idx: tuple([st[i] for i in idx]))
                for part, idx in self.part_index[kind].items()
            )
            for kind in KINDS
        }
        self.refs: dict[str, RuleRef] = {
            r.id: RuleRef(rule_id=r.id, citations=tuple(c.short for c in r.citations))
            for r in rules
        }
        self.provenance = provenance(self.law_version)
        self.fact_keys = {
            kind: tuple(_fact_key(r, ACCESSORS[kind]) for r in self.rules_of[kind])
            for kind in KINDS
        }
        # The value of every fact the rules of a kind read, as one tuple: an assessment is a
        # function of it and the readings, so it is kept per those (see assess).
        self.values_fn = {kind: _values_fn(self.by_kind[kind], ACCESSORS[kind]) for kind in KINDS}
        # Unknown findings by the values they depend on (see _unknown_findings): a cache, not state
        # a caller can see; entries are never changed once written.
        self.unknown_memo: dict[Any, Finding] = {}
        self.part_ok: dict[str, PartAnswer] = {
            part: PartAnswer(
                part=part,  # type: ignore[arg-type]
                article=PART_ARTICLE[part],
                answer=answers[0],  # type: ignore[arg-type]
                failed=(),
                unknown=(),
                missing_facts=(),
            )
            for part, answers in PART_ANSWERS.items()
        }

    def interpretations_used(self, kind: str, interp: Interpretations) -> Mapping[str, str]:
        if interp is DEFAULTS:
            return self._default_used[kind]
        return interp.used(*self.interpretations_of[kind])


class _RoutingGroup:
    """One routing group's rules, compiled once; :meth:`decide` answers the determined case
    fast and leaves every other case (missing facts, no rule, conflicts) to the reference
    :meth:`RuleRegistry.decide`, so both give the same decision (tests/test_routing.py)."""

    def __init__(self, reg: RuleRegistry, name: str) -> None:
        self.name = name
        self.registry = reg
        self.rules = tuple(reg.group(name))
        self.fires = compile_fires(
            [(r.applies_if, r.condition) for r in self.rules], name=f"fires_{name}"
        )
        self.overriders = tuple(
            tuple(j for j, o in enumerate(self.rules) if r.id in o.exception_to) for r in self.rules
        )
        self.facts = frozenset(
            f for r in self.rules for f in r.applies_if.facts() | r.condition.facts()
        )
        self._fact_order = tuple(sorted(self.facts))
        # An undecided group goes to the reference, which also names the missing facts; its
        # answer is a function of the group's few fact values (counts, flags, readings), so
        # it is kept per value tuple (bounded; immutable answers; thread-safe).
        self._reference = lru_cache(maxsize=512)(self._decide_by_reference)

    def decide(self, facts: Mapping[str, Any]) -> tuple[Rule | None, frozenset[str]]:
        try:
            fires = self.fires(facts)
        except TypeError:  # values that do not compare: the reference raises the typed error
            fires = [None] * len(self.rules)
        survivor: Rule | None = None
        for rule, value, over in zip(self.rules, fires, self.overriders, strict=True):
            if over:
                if True in [fires[j] for j in over]:
                    continue  # a true exception overrides it
                if value is True and None in [fires[j] for j in over]:
                    break  # it fires unless an undecided exception does
            if value is None:
                break  # undetermined: the reference lists what is missing
            if value is True:
                if survivor is not None:
                    break  # a conflict: the reference raises it
                survivor = rule
        else:
            if survivor is not None:
                return survivor, _NOTHING_MISSING
        key = tuple(facts.get(f, _ABSENT) for f in self._fact_order)
        try:
            return self._reference(key)
        except TypeError:  # a fact value that cannot be a key (a list): no cache
            return self._decide_by_reference(key)

    def _decide_by_reference(self, key: tuple[Any, ...]) -> tuple[Rule | None, frozenset[str]]:
        facts = {f: v for f, v in zip(self._fact_order, key, strict=True) if v is not _ABSENT}
        decision = self.registry.decide(self.name, facts)
        return decision.rule, decision.missing


_ABSENT = object()


_NOTHING_MISSING: frozenset[str] = frozenset()

ROUTING_INTERPRETATIONS = (
    "authority-count-basis",
    "procedure-many-sources",
    "same-manager-two-units",
    "defence-overrides",
    "form-order",  # the certificate's forms HĐTN03, HĐTN04 (12.3.d, 12.4.d)
)


def _always(facts: Mapping[str, Any], item: Any) -> bool:
    return True


_ALWAYS: Compiled = _always


@cache
def default_engine() -> Engine:
    return Engine(registry())


def _application(app: Application | Mapping[str, Any]) -> Application:
    if isinstance(app, Application):
        return app
    if isinstance(app, Mapping):
        return load_application(app)
    from sandbox_rules.i18n import Term

    raise InputValidationError.from_key(
        "error.engine.application", kind=Term("type", type(app).__name__)
    )


def _interpretations(
    app: Application, chosen: Mapping[str, str] | Interpretations | None
) -> Interpretations:
    if chosen is None:
        return (
            Interpretations.of(app.interpretations)
            if app.interpretations
            else Interpretations.of(None)
        )
    if isinstance(chosen, Interpretations):
        return chosen
    if not isinstance(chosen, Mapping):
        raise InterpretationError.from_key("error.interpretations_not_mapping")
    return Interpretations.of({**app.interpretations, **chosen})


def assess(
    app: Application | Mapping[str, Any],
    interpretations: Mapping[str, str] | Interpretations | None = None,
) -> Assessment:
    """Art. 9-11 as three answers: the conditions of Art. 9 (the ``verdict``), the scope of
    Art. 10 and the plan's contents of Art. 11, each decided by its own rules (a failure
    decides it, else an unknown leaves it undetermined); a finding for every rule."""
    application = _application(app)
    interp = _interpretations(application, interpretations)
    engine = default_engine()
    submitted = application.submission.submitted_on
    if submitted is not None and submitted < engine.in_force_from:
        from sandbox_rules.i18n import Day

        raise InputValidationError.from_key(
            "error.engine.before_in_force",
            date=Day(submitted),
            in_force=Day(engine.in_force_from),
        )
    kind = application.applicant.kind
    # The assessment is a function of the readings and of the values of the facts its rules
    # read: kept per those (bounded; immutable records); the one mutable part, the dict of
    # readings used, is copied for every caller.
    try:
        values = engine.values_fn[kind](application, interp_facts_for(interp))
        keyed = Keyed((kind, interp, values, tuple(map(type, values))), (application, interp))
    except TypeError:  # a value that cannot be part of a key (not validated): computed
        return _assess(engine, application, interp)
    kept = _kept_assessment(keyed)
    return msgspec.structs.replace(kept, interpretations_used=dict(kept.interpretations_used))


@lru_cache(maxsize=512)
def _kept_assessment(keyed: Keyed) -> Assessment:
    application, interp = keyed.take()
    return _assess(default_engine(), application, interp)


def _assess(engine: Engine, application: Application, interp: Interpretations) -> Assessment:
    """:func:`assess` computed (the application checked)."""
    kind = application.applicant.kind
    statuses, _, any_unknown = engine.status_fn[kind](application, interp_facts_for(interp))
    cached = engine.findings_of[kind]
    if any_unknown:
        unknown = _unknown_findings(engine, kind, application, interp, statuses)
        findings = tuple(
            [unknown[i] if s == "unknown" else cached[i][s] for i, s in enumerate(statuses)]
        )
    else:
        unknown = {}
        findings = tuple([c[s] for c, s in zip(cached, statuses, strict=True)])
    parts = {}
    for part, idx, mine in engine.part_statuses[kind]:
        st = mine(statuses)
        if "not_met" in st:  # decided by its statuses alone
            parts[part] = _decided_part(kind, part, st)
        elif "unknown" in st:  # undetermined: also names what its unknown rules miss
            misses = frozenset(
                m.fact for i in idx if statuses[i] == "unknown" for m in unknown[i].missing_facts
            )
            parts[part] = _open_part(kind, part, st, misses)
        else:  # the common case: every rule of the part met or not applicable
            parts[part] = engine.part_ok[part]
    conditions = parts["conditions"]
    if conditions.answer == "ineligible":
        needed: tuple[MissingFact, ...] = ()  # nothing else can change an Art. 9 refusal
    else:
        names = {
            m.fact for p in parts.values() if p.answer == "undetermined" for m in p.missing_facts
        }
        needed = missing_facts(names)
    return Assessment(
        verdict=conditions.answer,  # type: ignore[arg-type]
        conditions=conditions,
        scope=parts["scope"],
        plan=parts["plan"],
        findings=findings,
        missing_facts=needed,
        interpretations_used=dict(engine.interpretations_used(kind, interp)),
        provenance=engine.provenance,
    )


@lru_cache(maxsize=1024)
def _decided_part(kind: str, part: str, statuses: tuple[str, ...]) -> PartAnswer:
    """A part with a rule not met, from its rules' statuses alone (kept per statuses)."""
    return _part_answer(default_engine(), kind, part, statuses, frozenset())


@lru_cache(maxsize=1024)
def _open_part(
    kind: str, part: str, statuses: tuple[str, ...], missing: frozenset[str]
) -> PartAnswer:
    """An undetermined part, from its rules' statuses and the facts they miss (kept)."""
    return _part_answer(default_engine(), kind, part, statuses, missing)


_MEMO_LIMIT = 65536


def _unknown_findings(
    engine: Engine,
    kind: str,
    application: Application,
    interp: Interpretations,
    statuses: list[str],
) -> dict[int, Finding]:
    """The finding of each unknown rule, with its missing facts. They are a pure function of
    the values of the facts the rule reads, so they are remembered by those values (a
    bounded memo; a value that cannot be hashed is computed afresh)."""
    from sandbox_rules.rules.model import evaluate_rule

    rules = engine.rules_of[kind]
    keys = engine.fact_keys[kind]
    cached = engine.findings_of[kind]
    memo = engine.unknown_memo
    ip = interp_facts_for(interp)
    out: dict[int, Finding] = {}
    facts: Mapping[str, Any] | None = None
    for i, status in enumerate(statuses):
        if status != "unknown":
            continue
        key: Any = None
        fn = keys[i]
        if fn is not None:
            try:
                key = (kind, i, fn(application, ip))
                hit = memo.get(key)
            except TypeError:  # a list or mapping among the values: not hashable
                key = hit = None
            if hit is not None:
                out[i] = hit
                continue
        if facts is None:
            facts = extract_facts(application, interp)
        found = msgspec.structs.replace(
            cached[i]["unknown"],
            missing_facts=missing_facts(evaluate_rule(rules[i], facts).missing),
        )
        out[i] = found
        if key is not None:
            if len(memo) >= _MEMO_LIMIT:
                memo.clear()
            memo[key] = found
    return out


def _values_fn(
    bucket: tuple[tuple[Rule, Compiled, Compiled | None], ...], accessors: Mapping[str, str]
) -> Any:
    """A generated function reading, straight from the model, the value of every fact the
    applicable rules of ``bucket`` read (lists by the values of their items), as one tuple."""
    read = {
        f for r, _, a in bucket if a is not None for f in r.applies_if.facts() | r.condition.facts()
    }
    lists = {
        c
        for r, _, a in bucket
        if a is not None
        for e in (r.applies_if, r.condition)
        for c in _lists(e)
    }
    names = sorted(f for f in read if "[]" not in f)
    parts = [
        f"_items({accessors[n]})" if n in lists else KEY_ACCESSORS.get(n, accessors[n])
        for n in names
    ]
    # Each model on the way (app.applicant.legal_representative.background …) read once.
    paths: dict[str, str] = {"app": "app"}

    def local(match: re.Match[str]) -> str:
        *owner, attr = match.group(0).split(".")
        for i in range(2, len(owner) + 1):
            path = ".".join(owner[:i])
            if path not in paths:
                paths[path] = f"_m{len(paths)}"
                lines.append(
                    f"    {paths[path]} = {paths['.'.join(owner[: i - 1])]}.{owner[i - 1]}"
                )
        return f"{paths['.'.join(owner)]}.{attr}"

    lines: list[str] = []
    body = [re.sub(r"\bapp(?:\.\w+)+", local, p) for p in parts]
    src = "\n".join(
        ["def values(app, ip):", *lines, "    return (" + "".join(f"{b}, " for b in body) + ")"]
    )
    namespace: dict[str, Any] = {"_planned_end": planned_end, "_items": items_key}
    exec(compile(src, "<sandbox_rules.engine:values>", "exec"), namespace)  # facts.py's accessors
    fn = namespace["values"]
    fn.__doc__ = src
    return fn


def _lists(e: Expr) -> set[str]:
    """The facts ``e`` quantifies over (lists)."""
    out = {e.collection} if isinstance(e, (Exists, ForAll, Count)) else set()
    for f in dataclasses.fields(cast("Any", e)):  # conditions are dataclasses
        value = getattr(e, f.name)
        for kid in value if isinstance(value, tuple) else (value,):
            if isinstance(kid, Expr):
                out |= _lists(kid)
    return out


def _fact_key(rule: Rule, accessors: Mapping[str, str]) -> Any:
    """A function reading, straight from the model, the values of every fact ``rule`` reads
    (list items through their list), or None where a fact has no accessor."""
    names = sorted(f for f in rule.facts() if "[]" not in f)
    if any(n not in accessors for n in names):
        return None
    src = "lambda app, ip: (" + "".join(f"{accessors[n]}, " for n in names) + ")"
    return eval(src, {"_planned_end": planned_end})  # accessor expressions of facts.py


def _part_answer(
    engine: Engine, kind: str, part: str, statuses: tuple[str, ...], missing: frozenset[str]
) -> PartAnswer:
    """One of the three answers from the statuses of its rules (Kleene: any failure decides)
    and, when undetermined, the facts its unknown rules miss."""
    rules = engine.rules_of[kind]
    idx = engine.part_index[kind][part]
    failed = tuple(
        engine.refs[rules[i].id] for i, s in zip(idx, statuses, strict=True) if s == "not_met"
    )
    unknown = tuple(
        engine.refs[rules[i].id] for i, s in zip(idx, statuses, strict=True) if s == "unknown"
    )
    ok, bad, open_ = PART_ANSWERS[part]
    answer = bad if failed else (open_ if unknown else ok)
    return PartAnswer(
        part=part,  # type: ignore[arg-type]
        article=PART_ARTICLE[part],
        answer=answer,  # type: ignore[arg-type]
        failed=failed,
        unknown=unknown,
        missing_facts=missing_facts(missing) if answer == open_ else (),
    )


# -- routing -------------------------------------------------------------------------------------
_FILE_WITH = {
    "12.3": (
        "Cơ quan có thẩm quyền cấp Giấy chứng nhận (điểm a khoản 3 Điều 12)",
        "The competent authority (Art. 12(3)(a))",
    ),
    "12.4": (
        "Bộ Công an (Trung tâm dữ liệu quốc gia) (điểm a khoản 4 Điều 12)",
        "Ministry of Public Security (National Data Center) (Art. 12(4)(a))",
    ),
    "12.6": (
        "Bộ Quốc phòng, theo trình tự, thủ tục do Bộ trưởng Bộ Quốc phòng hướng dẫn (khoản 6 Điều 12)",
        "Ministry of National Defence, by the procedure its Minister sets (Art. 12(6))",
    ),
}
_METHODS: tuple[Literal["online", "in_person", "post"], ...] = ("online", "in_person", "post")
RoutingStatus = Literal["determined", "undetermined", "not_specified_by_text"]


def _authority_code(rule: Rule, sources: Sequence[_Source] | None) -> str | None:
    """The catalogue code of the body that issues under ``rule`` (12.1), if one is named."""
    kind = rule.outcome.get("authority")
    if kind == "minister_of_public_security":
        return "BCA"
    if kind == "minister_of_national_defence":
        return "BQP"
    codes = {s.managed_by for s in sources or () if s.managed_by}
    return next(iter(codes)) if len(codes) == 1 else None


def _authority(rule: Rule, code: str | None) -> Authority:
    body: Body | None = None if code is None else catalogue().bodies[code]
    note_vi = "có thẩm quyền cấp hoặc được phân cấp, ủy quyền cho cơ quan, đơn vị trực thuộc cấp"
    note_en = "may issue, or delegate issuing to a subordinate body"
    if body is None:
        return Authority(
            rule=rule.id,
            citation=rule.citation.short,
            code=None,
            title_vi=rule.statement_vi,
            title_en=rule.statement_en,
            body=None,
            delegable=True,
            delegation_note_vi=note_vi,
            delegation_note_en=note_en,
        )
    return Authority(
        rule=rule.id,
        citation=rule.citation.short,
        code=body.code,
        title_vi=body.head_vi,
        title_en=body.head_en,
        body=BodyRef(**body.to_dict()),
        delegable=True,
        delegation_note_vi=note_vi,
        delegation_note_en=note_en,
    )


class _Source(NamedTuple):
    """What routing reads of one data source: the values of a ``DataSource``, hashable, so
    that a routing can be kept per set of sources (see :func:`route`)."""

    name: str | None
    owning_unit: str | None
    managed_by: str | None
    managed_by_given: str | None
    defence_or_cipher: bool | None


def _source(s: DataSource) -> _Source:
    # ``DataSource.managed_by_given`` read without pydantic's private-attribute lookup
    # (about 2.5 µs a source, more than the rest of a kept routing); the same value, checked
    # against the property by tests/test_fast_paths.py.
    private = s.__pydantic_private__
    given = private.get("_managed_by_given") if private else None
    flag = s.defence_or_cipher
    if flag is not None and flag.__class__ is not bool:
        raise TypeError("not a validated flag")  # 1 and True must not share a kept routing
    return _Source(s.name, s.owning_unit, s.managed_by, given or s.managed_by, flag)


def _consultees(procedure: str | None, sources: Sequence[_Source] | None) -> tuple[Consultee, ...]:
    """12.3.b, 12.4.b: who the receiving body consults, naming the data-owning units."""
    if procedure is None:
        return ()
    units = tuple(dict.fromkeys(s.owning_unit for s in sources or () if s.owning_unit))
    return _consultees_of(procedure, units)


@lru_cache(maxsize=1024)
def _consultees_of(procedure: str, units: tuple[str, ...]) -> tuple[Consultee, ...]:
    # Immutable records that depend only on the procedure and the owning units: kept.
    from sandbox_rules.procedures import CONSULTEES, OWNING_UNITS_CONSULTEE, issuance_procedure_id

    pid = issuance_procedure_id(procedure)
    if pid is None:
        return ()
    return tuple(
        msgspec.structs.replace(c, names=units) if c.id == OWNING_UNITS_CONSULTEE.id else c
        for c in CONSULTEES[pid]
    )


@lru_cache(maxsize=256)
def _issues(procedure: str | None, interp: Interpretations) -> IssuedDocument | None:
    """12.3.d, 12.4.d: the certificate the competent authority issues, with its forms."""
    from sandbox_rules.procedures import issuance_procedure_id, issued_document

    pid = issuance_procedure_id(procedure)
    return None if pid is None else issued_document(pid, interp)


def route(
    app: Application | Mapping[str, Any],
    interpretations: Mapping[str, str] | Interpretations | None = None,
) -> Routing:
    """Authority (12.1, with 12.1.c as an explicit exception to 12.1.b), procedure and where
    to file. Unknown facts give an undetermined routing that lists what is needed."""
    application = _application(app)
    data_sources = application.data_sources
    if data_sources is not None and not data_sources:
        raise InputValidationError.from_key("error.engine.no_sources")
    interp = _interpretations(application, interpretations)
    engine = default_engine()
    if engine.routing_full_facts:  # a rule reads more than the sources and readings
        sources = None if data_sources is None else tuple(map(_source_unchecked, data_sources))
        return _routing(interp, sources, extract_facts(application, interp))
    # Routing reads only the sources and the readings: the whole record is a function of
    # their values, so it is kept per (readings, sources) (bounded; immutable records). The
    # one mutable part, the dict of readings used, is copied for every caller.
    try:
        sources = None if data_sources is None else tuple(map(_source, data_sources))
        kept = _kept_routing(interp, sources)
    except TypeError:  # a value that cannot key the kept routings (not validated): computed
        sources = None if data_sources is None else tuple(map(_source_unchecked, data_sources))
        return _routing(interp, sources)
    return msgspec.structs.replace(kept, interpretations_used=dict(kept.interpretations_used))


def _source_unchecked(s: DataSource) -> _Source:
    return _Source(s.name, s.owning_unit, s.managed_by, s.managed_by_given, s.defence_or_cipher)


def _routing(
    interp: Interpretations,
    sources: tuple[_Source, ...] | None,
    facts: Mapping[str, Any] | None = None,
) -> Routing:
    """The routing of ``sources`` under ``interp`` (``facts``: every fact, when a routing
    rule reads more than the sources and the readings)."""
    engine = default_engine()
    if facts is None:
        facts = {**interp_facts_for(interp), **facts_of_sources(sources, interp)}
    key = tuple([facts.get(f, _ABSENT) for f in engine.routing_facts])
    try:
        auth_rule, proc_rule, missing = _decisions(key)
    except TypeError:  # a value that cannot be a key (a list): decided afresh
        auth_rule, proc_rule, missing = _decide_routing(key)
    used = (
        engine.routing_default_used if interp is DEFAULTS else interp.used(*ROUTING_INTERPRETATIONS)
    )
    code = _authority_code(auth_rule, sources) if auth_rule else None
    status, authority, procedure, file_with, citations, notes, notes_en = _route_parts(
        auth_rule.id if auth_rule else None, proc_rule.id if proc_rule else None, code
    )
    return Routing(
        status=status,
        authority=authority,
        authority_rule=auth_rule.id if auth_rule else None,
        procedure=procedure,
        procedure_rule=proc_rule.id if proc_rule else None,
        file_with=file_with,
        methods=_METHODS if procedure in ("12.3", "12.4") else (),
        citations=citations,
        notes=notes,
        notes_en=notes_en,
        consultees=_consultees(procedure, sources),
        issues=_issues(procedure, interp),
        missing_facts=missing,
        interpretations_used=dict(used),
        provenance=engine.provenance,
        sources=_source_matches(sources),
    )


_kept_routing = lru_cache(maxsize=1024)(_routing)


def _decide_routing(
    key: tuple[Any, ...],
) -> tuple[Rule | None, Rule | None, tuple[MissingFact, ...]]:
    """Both routing decisions from the values of the facts they read (``Engine.routing_facts``)
    and what they miss; kept per value tuple by :func:`_decisions` (counts, flags, readings:
    few tuples)."""
    engine = default_engine()
    facts = {f: v for f, v in zip(engine.routing_facts, key, strict=True) if v is not _ABSENT}
    auth_rule, auth_missing = engine.routing["authority"].decide(facts)
    proc_rule, proc_missing = engine.routing["procedure"].decide(facts)
    return auth_rule, proc_rule, missing_facts(auth_missing | proc_missing)


_decisions = lru_cache(maxsize=1024)(_decide_routing)


@cache
def _body_ref(code: str) -> BodyRef:
    return BodyRef(**catalogue().bodies[code].to_dict())  # immutable: one per body


def _source_matches(sources: Sequence[_Source] | None) -> tuple[SourceMatch, ...]:
    """Each data source as given, with the catalogue body its managed_by was matched to."""
    return tuple(
        SourceMatch(
            name=s.name,
            owning_unit=s.owning_unit,
            managed_by_given=s.managed_by_given,
            body=_body_ref(s.managed_by) if s.managed_by else None,
            defence_or_cipher=s.defence_or_cipher,
        )
        for s in sources or ()
    )


RoutingParts = tuple[
    RoutingStatus,
    Authority | None,
    Any,
    Localised | None,
    tuple[str, ...],
    tuple[str, ...],
    tuple[str, ...],
]


@lru_cache(maxsize=1024)
def _route_parts(auth_id: str | None, proc_id: str | None, code: str | None) -> RoutingParts:
    """What follows from the two decisions and the issuing body: status, authority, procedure,
    where to file, citations and notes. Immutable, so kept per (rule, rule, body)."""
    engine = default_engine()
    auth_rule = engine.registry.get(auth_id) if auth_id else None
    proc_rule = engine.registry.get(proc_id) if proc_id else None
    notes: list[tuple[str, str]] = []  # (vi, en)
    authority = _authority(auth_rule, code) if auth_rule else None
    procedure = proc_rule.outcome.get("procedure") if proc_rule else None
    file_with = None
    if proc_rule is not None:
        if procedure is None:
            notes.append((proc_rule.statement_vi, proc_rule.statement_en))
        else:
            vi, en = _FILE_WITH[str(procedure)]
            file_with = Localised(vi=vi, en=en)
            if procedure == "12.3" and authority and authority.body is not None:
                # 12.3.a: "về cơ quan có thẩm quyền cấp": the agency (or the unit it delegated
                # issuing to, 12.1), not its head in person.
                file_with = Localised(
                    vi=f"{authority.body.agency_vi} hoặc cơ quan, đơn vị trực thuộc được phân "
                    f"cấp, ủy quyền cấp — {vi}",
                    en=f"{authority.body.agency_en}, or the subordinate unit it delegated "
                    f"issuing to — {en}",
                )
        if procedure == "12.4":
            notes.append(
                (
                    "Bộ Công an có thể thành lập Hội đồng tư vấn (điểm b khoản 4 Điều 12).",
                    "The Ministry of Public Security may set up an advisory council (Art. 12(4)(b)).",
                )
            )
        if (
            procedure == "12.4"
            and auth_rule is not None
            and auth_rule.id != "route.12.1.b.public-security"
        ):
            notes.append(
                (
                    "Bộ Công an (Trung tâm dữ liệu quốc gia) tiếp nhận hồ sơ và lấy ý kiến (điểm a, b, "
                    "c khoản 4 Điều 12); cơ quan có thẩm quyền theo khoản 1 Điều 12 thẩm định và quyết "
                    "định cấp (điểm d khoản 4 Điều 12).",
                    "The Ministry of Public Security (National Data Center) receives the dossier and "
                    "consults (Art. 12(4)(a)-(c)); the competent authority under Art. 12(1) appraises "
                    "and decides (Art. 12(4)(d)).",
                )
            )
    status: RoutingStatus
    if auth_rule is None or proc_rule is None:
        status = "undetermined"
    elif procedure is None:
        status = "not_specified_by_text"  # the strict reading: the decree sets no procedure here
    else:
        status = "determined"
    citations: list[str] = []
    for r in (auth_rule, proc_rule):
        if r is not None:
            citations.extend(engine.citations_of[r.id])
    return (
        status,
        authority,
        procedure,
        file_with,
        tuple(dict.fromkeys(citations)),
        tuple(vi for vi, _ in notes),
        tuple(en for _, en in notes),
    )


# -- dossiers ---------------------------------------------------------------------------------------
def dossier(
    procedure: str,
    applicant_kind: str | None,
    documents: Iterable[str] | None,
    *,
    requires_extension: bool | None = None,
    interpretations: Mapping[str, str] | Interpretations | None = None,
) -> DossierCheck:
    """The documents a filing must hold, and which are missing from ``documents``.

    ``procedure``: issuance (12.2), reissue (12.5), adjustment (13.2), extension (14.1),
    conclusion (16.2). ``requires_extension`` matters for an adjustment (13.2.c). A document
    is recognised by its form code, its document code or one of its names, as
    sandbox_rules.dossier_names matches them; one it cannot place is a warning.
    """
    from sandbox_rules.dossier_names import match

    if not isinstance(procedure, str) or procedure not in PROCEDURES:
        raise InputValidationError.from_key(
            "error.procedure_unknown", procedures=", ".join(PROCEDURES), given=brief(procedure)
        )
    if applicant_kind is not None and (
        not isinstance(applicant_kind, str) or applicant_kind not in KINDS
    ):
        raise InputValidationError.from_key(
            "error.engine.applicant_kind", given=brief(applicant_kind)
        )
    interp = (
        interpretations
        if isinstance(interpretations, Interpretations)
        else Interpretations.of(interpretations)
    )
    given = None if documents is None else _document_names(documents)  # read once
    order = interp["form-order"]
    matches = None if given is None else [match(procedure, applicant_kind, d, order) for d in given]
    present = {m.rule_id for m in matches or () if m.status == "item"}
    if requires_extension is not None and not isinstance(requires_extension, bool):
        raise InputValidationError.from_key(
            "error.engine.requires_extension", given=brief(requires_extension)
        )
    facts = {"adjustment.requires_extension": requires_extension}
    items: list[DossierItem] = []
    for r in registry().group(f"dossier.{procedure}"):
        applies = r.applies_if.evaluate(facts)
        if applies is False:
            continue
        out = r.outcome
        if "forms" in out:
            forms = out["forms"][order]
            accepted = [forms[applicant_kind]] if applicant_kind else list(forms.values())
        elif "report" in out:
            accepted = (
                [out["report"][applicant_kind]] if applicant_kind else list(out["report"].values())
            )
            accepted.append("results_report")
        else:
            accepted = [str(out["document"])]
        depends_on_kind = "document" not in out
        if matches is None or applies is None:
            status = "unknown"
        elif applicant_kind is None and depends_on_kind:
            # Whose form a given one is turns on the kind; but with neither kind's form (or
            # report) given, the item is missing whichever the kind is.
            status = "unknown" if r.id in present else "missing"
        else:
            status = "present" if r.id in present else "missing"
        items.append(
            DossierItem(
                item="document",
                rule_id=r.id,
                citation=r.citation.short,
                citation_vi=r.citation.vi(),
                document=accepted[0],
                accepted=tuple(accepted),
                label_vi=r.statement_vi,
                label_en=r.statement_en,
                status=status,  # type: ignore[arg-type]
                conditional=applies is None,
            )
        )
    return _dossier_check(
        procedure,
        applicant_kind,
        items,
        {"form-order": order},
        _unknown_documents(matches or ()),
        _other_kind_forms(applicant_kind, matches or (), order),
    )


def _other_kind_forms(
    applicant_kind: str | None, matches: Iterable[Any], order: str
) -> tuple[OtherKindForm, ...]:
    """Forms given that the other kind of applicant files (which is whose: ``form-order``;
    results reports: 18.4 names them), each with the form this applicant files instead."""
    if applicant_kind is None:
        return ()
    other = "individual" if applicant_kind == "organisation" else "organisation"
    out = []
    for m in matches:
        if m.status != "other_kind":
            continue
        r = registry().get(m.rule_id)
        out.append(
            OtherKindForm(
                given=m.given,
                form_of=other,  # type: ignore[arg-type]
                expected=m.expected,
                citation=r.citation.short,
                rule_id=r.id,
                interpretation=f"form-order={order}" if "forms" in r.outcome else None,
            )
        )
    return tuple(out)


def _unknown_documents(matches: Iterable[Any]) -> tuple[UnknownDocument, ...]:
    """Documents given that are none of the filing's: unknown (with the nearest name),
    ambiguous (two forms' codes, or names of two documents) or another filing's."""
    return tuple(
        UnknownDocument(
            given=m.given,
            suggestion=m.suggestion,
            reason=m.status,
            codes=m.codes,
            candidates=m.candidates,
            procedures=m.procedures,
        )
        for m in matches
        if m.status in ("unknown", "ambiguous", "other_procedure")
    )


def _dossier_check(
    procedure: str,
    applicant_kind: str | None,
    items: list[DossierItem],
    used: Mapping[str, str],
    unrecognised: tuple[UnknownDocument, ...] = (),
    other_kind_forms: tuple[OtherKindForm, ...] = (),
) -> DossierCheck:
    missing = tuple(i for i in items if i.status == "missing")
    # Three-valued: one document known missing makes the dossier incomplete whatever else is
    # unknown; only with nothing missing do unknown items leave it undetermined.
    complete = False if missing else (None if any(i.status == "unknown" for i in items) else True)
    return DossierCheck(
        procedure=procedure,
        applicant_kind=applicant_kind,  # type: ignore[arg-type]
        complete=complete,
        items=tuple(items),
        missing=missing,
        interpretations_used=dict(used),
        provenance=default_engine().provenance,
        unrecognised=unrecognised,
        other_kind_forms=other_kind_forms,
    )


def _document_names(documents: object) -> list[str]:
    """The names in ``documents`` (any iterable of strings, read once: a generator counts)."""
    if isinstance(documents, (str, bytes, Mapping)) or not isinstance(documents, Iterable):
        from sandbox_rules.i18n import Term

        raise InputValidationError.from_key(
            "error.engine.documents", kind=Term("type", type(documents).__name__)
        )
    names = list(islice(documents, MAX_DOCUMENTS + 1))
    if len(names) > MAX_DOCUMENTS:
        raise InputTooLargeError.from_key("error.engine.documents_many", limit=MAX_DOCUMENTS)
    for i, name in enumerate(names):
        if not isinstance(name, str):
            raise InputValidationError.from_key(
                "error.engine.document_type", i=i, given=brief(name)
            )
        if len(name) > MAX_STRING:
            raise InputTooLargeError.from_key("error.engine.document_long", i=i, limit=MAX_STRING)
    return names


_PLAN_ITEM_STATUS = {"met": "present", "not_met": "missing", "unknown": "unknown"}


def issuance_dossier(
    app: Application | Mapping[str, Any],
    interpretations: Mapping[str, str] | Interpretations | None = None,
) -> DossierCheck:
    """The 12.2 dossier of an application against ``submission.documents``, and the contents
    the plan must hold under Art. 11: a dossier is "đầy đủ hồ sơ hợp lệ" (12.3.b) only when
    both the documents and the plan's contents are there."""
    application = _application(app)
    interp = _interpretations(application, interpretations)
    check = dossier(
        "issuance",
        application.applicant.kind,
        application.submission.documents,
        interpretations=interp,
    )
    result = assess(application, interp)
    items = list(check.items)
    for f in result.findings:
        if f.part != "plan" or f.status == "not_applicable":
            continue
        items.append(
            DossierItem(
                item="plan_content",
                rule_id=f.rule_id,
                citation=f.citations[0],
                citation_vi=f.citation_vi or f.citations[0],
                document="plan",
                accepted=("plan",),
                label_vi=f.statement_vi or f.rule_id,
                label_en=f.statement_en or f.rule_id,
                status=_PLAN_ITEM_STATUS[f.status],  # type: ignore[arg-type]
                conditional=False,
            )
        )
    return _dossier_check(
        "issuance",
        check.applicant_kind,
        items,
        check.interpretations_used,
        check.unrecognised,
        check.other_kind_forms,
    )
