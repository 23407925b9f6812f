"""Running case files: every expectation of a case checked against what the library gives,
each with its line in the file, expected and actual side by side; every wrong value of a
case reported, not only the first.

A case's results are computed only as far as its expectations need (an assessment-only case
never builds a timeline), so a folder of cases runs in milliseconds per case.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from pathlib import Path
from typing import Any

from sandbox_rules.errors import EventOrderError, InputValidationError, SandboxRulesError
from sandbox_rules.expr import _jsonable
from sandbox_rules.i18n import Message, Texts, fmt_date, messages, t
from sandbox_rules.surfaces.casefiles.model import Case, Expect
from sandbox_rules.surfaces.inputs import Located, order_at, read_yaml, validate

SUFFIXES = (".case.yaml", ".case.yml")


@dataclass(frozen=True, slots=True)
class Check:
    """One expectation: ``key`` (e.g. ``due.consult``), its line, expected, actual, met."""

    key: str
    line: int | None
    expected: Any
    actual: Any
    ok: bool
    missing: tuple[str, ...] = ()  # expected but not given (list expectations)
    extra: tuple[str, ...] = ()  # given but not expected
    note: str | None = None  # why the actual value is what it is (e.g. what is missing)

    def to_dict(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "line": self.line,
            "expected": _jsonable(self.expected),
            "actual": _jsonable(self.actual),
            "ok": self.ok,
            "missing": list(self.missing),
            "extra": list(self.extra),
            "note": self.note,
        }


@dataclass(slots=True)
class CaseResult:
    """``status``: passed, failed, error (the case could not be run), xfailed (a known
    disagreement, see ``xfail``), xpassed (marked xfail but every expectation met)."""

    file: str
    name: str
    line: int | None
    status: str
    checks: list[Check] = field(default_factory=list)
    error: dict[str, Any] | None = None
    xfail: str | None = None
    warnings: list[str] = field(default_factory=list)

    @property
    def misses(self) -> list[Check]:
        return [c for c in self.checks if not c.ok]

    @property
    def bad(self) -> bool:
        return self.status in ("failed", "error", "xpassed")

    def to_dict(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "name": self.name,
            "line": self.line,
            "status": self.status,
            "checks": [c.to_dict() for c in self.checks],
            "error": self.error,
            "xfail": self.xfail,
            "warnings": list(self.warnings),
        }


# -- matching ------------------------------------------------------------------------------------
def _cite(token: str) -> str:
    from sandbox_rules.law.citation import Citation

    try:
        return Citation.parse(token).short
    except SandboxRulesError:
        return token


def _document_of(d: Mapping[str, Any]) -> Callable[[str], str]:
    """How a ``dossier_missing`` token names a document of the dossier ``d``: by its clause or
    rule id, else by the name matching of the dossier check itself (sandbox_rules.dossier_names:
    "Đơn đề nghị" is HĐTN01's item), so a case file and ``dossier`` agree."""
    from sandbox_rules.dossier_names import match

    order = (d.get("interpretations_used") or {}).get("form-order") or "listed-order"
    ids = {i["rule_id"] for i in d.get("items") or ()}

    def norm(token: str) -> str:
        cited = _cite(token)
        if cited != token or token in ids:
            return cited
        found = match(str(d.get("procedure")), d.get("applicant_kind"), token, order)
        return found.rule_id if found.status == "item" and found.rule_id else token

    return norm


def _set_check(
    key: str,
    line: int | None,
    expected: Sequence[str],
    actual: Sequence[tuple[str, set[str]]],
    norm: Callable[[str], str],
) -> Check:
    """Exact-set comparison: each expected token must name some actual item (by any of its
    names) and each actual item must be named by some token."""
    tokens = [(tok, norm(str(tok))) for tok in expected]
    missing = tuple(tok for tok, n in tokens if not any(n in names for _, names in actual))
    extra = tuple(label for label, names in actual if not any(n in names for _, n in tokens))
    return Check(
        key,
        line,
        list(expected),
        [label for label, _ in actual],
        not missing and not extra,
        missing,
        extra,
    )


def _authority_code(token: str | None) -> str | None:
    if token is None:
        return None
    from sandbox_rules.catalogues import catalogue, lookup

    try:
        return lookup(token).code
    except SandboxRulesError:
        by_head = {b.head_vi.lower(): b.code for b in catalogue().bodies.values()}
        return by_head.get(token.strip().lower(), token)


# -- one case -------------------------------------------------------------------------------------
def case_sources(
    case: Case, loc: Located, base: Path
) -> tuple[Located | None, tuple[str | int, ...], dict[str, Any]]:
    """Where a case's application is (the located file and the path to it in the file) and
    the scenario a ``from:`` file gives (record, timeline, compliance, as_of,
    interpretations). ``from:`` is read relative to the case file; an application written in
    the case itself wins over one in the file it names. Shared by ``test`` and ``report``."""
    scenario: dict[str, Any] = {}
    app_loc: Located | None = None
    app_root: tuple[str | int, ...] = ("application",)
    if case.from_ is not None:
        ref = read_yaml(base / case.from_)
        if not isinstance(ref.data, dict):
            raise InputValidationError.from_key("case.from_not_mapping", file=ref.source)
        if "applicant" in ref.data:
            app_loc, app_root = ref, ()
        elif "application" in ref.data:
            app_loc = ref
        else:
            scenario = ref.data
    if case.application is not None:
        app_loc, app_root = loc, ("application",)
    return app_loc, app_root, scenario


class _Run:
    """The results of one case, computed on first use."""

    def __init__(
        self, case: Case, loc: Located, base: Path, lang: str, calendars: dict[Any, Any]
    ) -> None:
        self.calendars = calendars  # one calendar per set of readings, for this run only
        self.case = case
        self.loc = loc
        self.lang = lang
        self.app_loc, self.app_root, self.scenario = case_sources(case, loc, base)
        # The expectation being checked (a message of the tables), named when a part is missing.
        self.need_where: object = ""

    def calendar(self, chosen: Mapping[str, str]) -> Any:
        """The working-day calendar under ``chosen``: built once per run and set of readings
        (building one reads the whole official table; a case needs it only to count)."""
        from sandbox_rules.interpretations import Interpretations

        key = tuple(sorted(chosen.items()))
        if key not in self.calendars:
            self.calendars[key] = Interpretations.of(dict(chosen)).calendar()
        return self.calendars[key]

    @property
    def interpretations(self) -> dict[str, str]:
        return {**(self.scenario.get("interpretations") or {}), **self.case.interpretations}

    @cached_property
    def application(self) -> Any:
        from sandbox_rules.models import Application

        if self.app_loc is None:
            raise InputValidationError.from_key(
                "case.needs_application", name=self.case.name, where=self.need_where
            )
        return validate(
            Application,
            self.app_loc,
            root=self.app_root,
            lang=self.lang,
            what="input.application",
        )

    @cached_property
    def assessment(self) -> Any:
        from sandbox_rules.engine import assess

        return assess(self.application, self.interpretations or None)

    @cached_property
    def routing(self) -> dict[str, Any]:
        from sandbox_rules.engine import route

        out: dict[str, Any] = route(self.application, self.interpretations or None).to_dict()
        return out

    @cached_property
    def dossier(self) -> dict[str, Any]:
        from sandbox_rules.engine import dossier, issuance_dossier

        spec = self.case.dossier
        if spec is None:  # the application's 12.2 dossier, with the plan's Art. 11 contents
            out: dict[str, Any] = issuance_dossier(
                self.application, self.interpretations or None
            ).to_dict()
            return out
        kind = spec.applicant_kind
        docs = spec.documents
        if self.app_loc is not None and (kind is None or docs is None):
            app = self.application
            kind = kind or app.applicant.kind
            docs = docs if docs is not None else app.submission.documents
        return dossier(
            spec.procedure,
            kind,
            docs,
            requires_extension=spec.requires_extension,
            interpretations=self.interpretations or None,
        ).to_dict()

    @cached_property
    def as_of(self) -> date:
        as_of = self.case.as_of or self.scenario.get("as_of")
        if isinstance(as_of, date):
            return as_of
        if as_of is not None:
            try:
                return date.fromisoformat(str(as_of))
            except ValueError:
                pass
        raise InputValidationError.from_key(
            "case.needs_as_of", name=self.case.name, where=self.need_where
        )

    @property
    def timeline_spec(self) -> tuple[str, dict[str, Any]] | None:
        """The procedure and events of the case's timeline (its own, or its from: file's)."""
        spec = self.case.timeline
        if spec is not None:
            return spec.procedure, dict(spec.events)
        if isinstance(self.scenario.get("timeline"), dict):
            return (
                str(self.scenario["timeline"].get("procedure")),
                dict(self.scenario["timeline"].get("events") or {}),
            )
        return None

    @cached_property
    def timeline(self) -> dict[str, Any]:
        from sandbox_rules.procedures import timeline

        found = self.timeline_spec
        if found is None:
            raise InputValidationError.from_key(
                "case.needs_timeline", name=self.case.name, where=self.need_where
            )
        proc, events = found
        try:
            out: dict[str, Any] = timeline(
                proc,
                events,
                self.as_of,
                interpretations=self.interpretations or None,
                calendar=self.calendar(self.interpretations),
            ).to_dict()
        except EventOrderError as exc:  # named by its line when the case writes the timeline
            at = self.loc if self.case.timeline is not None else Located(self.scenario)
            raise order_at(exc, at, ("timeline", "events"), at.source) from None
        return out

    @cached_property
    def record(self) -> Any:
        from sandbox_rules.lifecycle import SandboxRecord

        if self.case.record is not None:
            raw_loc, root = self.loc, ("record",)
        elif isinstance(self.scenario.get("record"), dict):
            raw_loc, root = Located({"record": self.scenario["record"]}), ("record",)
        else:
            raise InputValidationError.from_key(
                "case.needs_record", name=self.case.name, where=self.need_where
            )
        rec = validate(SandboxRecord, raw_loc, root=root, lang=self.lang, what="input.record")
        if self.case.interpretations:
            rec = rec.model_copy(
                update={"interpretations": {**rec.interpretations, **self.case.interpretations}}
            )
        return rec

    @cached_property
    def lifecycle(self) -> dict[str, Any]:
        from sandbox_rules.lifecycle import lifecycle

        out: dict[str, Any] = lifecycle(
            self.record, self.as_of, calendar=self.calendar(self.record.interpretations)
        ).to_dict()
        return out

    @cached_property
    def schedule(self) -> Any:
        from sandbox_rules.obligations import obligations

        return obligations(
            self.record, self.as_of, calendar=self.calendar(self.record.interpretations)
        )

    @cached_property
    def obligations(self) -> dict[str, Any]:
        out: dict[str, Any] = self.schedule.to_dict()
        return out

    @property
    def has_record(self) -> bool:
        return self.case.record is not None or isinstance(self.scenario.get("record"), dict)

    def everything(self) -> None:
        """Compute every result the case's inputs allow (to see whether any is refused)."""
        case, sc = self.case, self.scenario
        if self.app_loc is not None:
            _ = self.assessment, self.routing, self.dossier
        if case.record is not None or "record" in sc:
            _ = self.lifecycle, self.obligations
        if case.timeline is not None or "timeline" in sc:
            _ = self.timeline
        if case.dossier is not None:
            _ = self.dossier

    @cached_property
    def duties(self) -> dict[str, Any]:
        from sandbox_rules.duties import duties, record_duties

        compliance = self.case.compliance
        if compliance is None:
            compliance = self.scenario.get("compliance")
        if compliance is None:
            raise InputValidationError.from_key(
                "case.needs_compliance", name=self.case.name, where=self.need_where
            )
        if not self.has_record:  # a checklist alone: no schedule to read
            alone: dict[str, Any] = duties(compliance).to_dict()
            return alone
        # 22.2 with the record's computed schedule, the path lifecycle and report take too.
        out: dict[str, Any] = record_duties(
            compliance, self.record, self.as_of, schedule=self.schedule
        ).to_dict()
        return out


def _parts(a: Any) -> dict[str, str]:
    """The three answers (Art. 9, 10, 11) of an assessment."""
    return {p: str(getattr(a, p).answer) for p in ("conditions", "scope", "plan")}


def _rule_names(rule_id: str, citations: Iterable[str]) -> set[str]:
    return {rule_id, *citations}


def _facts_text(missing: Iterable[Mapping[str, Any]], sources: Any = ()) -> str:
    """Missing facts as an officer reads them: each field, data-source items counted from 1,
    with the clauses asking for it — ``data_sources[2].defence_or_cipher (12.1.c)``."""
    from sandbox_rules.report import missing_items

    out = []
    for m in missing:
        where = missing_items(m.get("field"), sources)
        field = ", ".join(path for path, _, _ in where) or m.get("field") or m.get("fact")
        out.append(f"{field} ({', '.join(m.get('asked_by') or ())})")
    return "; ".join(dict.fromkeys(out))


def _part_note(run: _Run, part: Any, actual: Any) -> str | None:
    """Why an answer of the assessment is undetermined: the facts it still needs."""
    if actual != "undetermined":
        return None
    facts = _facts_text(
        {"field": m.field, "fact": m.fact, "asked_by": m.asked_by} for m in part.missing_facts
    )
    return t("case.missing_note", run.lang, facts=facts) if facts else None


def _routing_note(run: _Run, r: Mapping[str, Any], key: str) -> str | None:
    """Why the routing gives no authority or procedure: the facts missing (12.1, 12.3, 12.4),
    or the text leaving the procedure open under the reading chosen."""
    if r.get("status") == "undetermined":
        facts = _facts_text(r.get("missing_facts") or (), r.get("sources") or ())
        key_ = "case.missing_note" if key == "routing" else "case.undetermined_because"
        return t(key_, run.lang, facts=facts or "—")
    if r.get("status") == "not_specified_by_text" and key == "procedure":
        used = r.get("interpretations_used") or {}
        reading = ", ".join(f"{k}={v}" for k, v in used.items() if k == "procedure-many-sources")
        return t("case.not_specified", run.lang, reading=reading or "—")
    return None


def _dossier_note(run: _Run, d: Mapping[str, Any]) -> str | None:
    unknown = [i for i in d.get("items") or () if i.get("status") == "unknown"]
    if d.get("complete") is not None or not unknown:
        return None
    by_document: dict[str, list[str]] = {}
    for i in unknown:
        by_document.setdefault(i["document"], []).append(i["citation"])
    items = "; ".join(
        f"{doc} ({', '.join(dict.fromkeys(cites))})" for doc, cites in by_document.items()
    )
    return t("case.unknown_items", run.lang, items=items)


def _exempt_note(run: _Run, ex: Mapping[str, Any]) -> str | None:
    """Why 22.2 is refused (the duties in the way) or undetermined: the duties whose
    compliance the case does not give (each with its clause), and the schedule's items past
    their day still undetermined."""
    if ex.get("exempt") is False:
        # Refused: the duties in the way, as lifecycle lists them.
        from sandbox_rules.report import obstacles_text

        return obstacles_text(ex, run.lang)
    if ex.get("exempt") is not None or not ex.get("missing"):
        return None
    from sandbox_rules.rules import registry

    cites = {str(r.outcome.get("fact")): r.citation.short for r in registry()}
    duties = [f"{m} ({cites[m]})" if m in cites else m for m in ex["missing"]]
    schedule = [d.removeprefix("schedule.") for d in duties if d.startswith("schedule.")]
    duties = [d for d in duties if not d.startswith("schedule.")]
    parts = []
    if duties:
        parts.append(t("case.exempt_duties", run.lang, duties=", ".join(duties)))
    if schedule:
        parts.append(t("case.exempt_schedule", run.lang, items=", ".join(schedule)))
    return t("case.undetermined_why", run.lang, why="; ".join(parts))


def _nearest_step(given: str, steps: Mapping[str, Any]) -> str | None:
    """The step an officer means by its name in words ("quyết định", "lấy ý kiến"): the step
    whose Vietnamese (or English) name holds the words, the shortest such name first."""
    from sandbox_rules.catalogues import fold

    key = fold(given)
    if not key:
        return None
    named = [
        (len(fold(sd[lab])), sid)
        for sid, sd in steps.items()
        for lab in ("label_vi", "label_en")
        if key in fold(sd[lab])
    ]
    return min(named)[1] if named else None


def _step_errors(
    run: _Run, expect: Expect, line: Callable[..., int | None]
) -> tuple[list[dict[str, Any]], list[Message]]:
    """Step names of ``due`` and ``step_status`` that the timeline's procedure does not have,
    each with its line and the nearest step (by its id or its Vietnamese name); and the
    procedure's steps listed. Known from the procedure alone: no timeline is computed."""
    from sandbox_rules.procedures import PROCEDURES
    from sandbox_rules.surfaces.inputs import nearest

    found = run.timeline_spec
    proc = PROCEDURES.get(found[0]) if found is not None else None
    if proc is None:
        return [], []
    lang = run.lang
    steps = {s.id: {"label_vi": s.label_vi, "label_en": s.label_en} for s in proc.steps}
    errors = []
    for key in ("due", "step_status"):
        for step in getattr(expect, key) or {}:
            if step in steps:
                continue
            near = _nearest_step(step, steps) or nearest(step, list(steps))
            said = {}
            for lg in ("vi", "en"):
                said[lg] = t("case.unknown_step", lg, step=step, procedure=proc.id)
                if near is not None:
                    said[lg] += ". " + t("validation.suggest", lg, value=f"{near}")
            errors.append(
                {
                    "field": f"expect.{key}.{step}",
                    "loc": ["expect", key, step],
                    "line": line(key, step),
                    "type": "unknown_step",
                    "msg": said[lang],
                    "problem_vi": said["vi"],
                    "problem_en": said["en"],
                    "suggestion": near,
                }
            )
    if not errors:
        return [], []
    listing = {
        lg: ", ".join(f"{sid} ({sd[f'label_{lg}']})" for sid, sd in steps.items())
        for lg in ("vi", "en")
    }
    steps_are = Texts(listing["vi"], listing["en"])
    return errors, [Message("case.steps_are", {"procedure": proc.id, "steps": steps_are})]


def _is_clause(token: str) -> bool:
    from sandbox_rules.law.citation import Citation

    try:
        Citation.parse(token)
    except SandboxRulesError:
        return False
    return True


def _obligation_errors(
    run: _Run, expect: Expect, line: Callable[..., int | None]
) -> tuple[list[dict[str, Any]], list[Message]]:
    """Obligation ids of ``obligations`` and ``overdue`` that the record's schedule does not
    have (``overdue`` also takes clauses), each with its line and the nearest ids."""
    import difflib

    given = expect.model_fields_set
    if not given & {"obligations", "overdue"}:
        return [], []
    first = "obligations" if "obligations" in given else "overdue"
    at = line(first)
    run.need_where = "" if at is None else Message("case.needs_where", {"line": at, "key": first})
    ids = [str(i["id"]) for i in run.obligations["items"]]
    run.need_where = ""
    known = set(ids)
    lang = run.lang
    wrong: list[tuple[str, tuple[str, ...]]] = [
        (ob, ("obligations", ob)) for ob in expect.obligations or {} if ob not in known
    ]
    wrong += [
        (tok, ("overdue",))
        for tok in expect.overdue or []
        if tok not in known and not _is_clause(tok)
    ]
    errors = []
    for ob, where in wrong:
        near = difflib.get_close_matches(ob, ids, n=3, cutoff=0.5)
        said = {}
        for lg in ("vi", "en"):
            said[lg] = t("case.unknown_obligation", lg, id=ob)
            if near:
                said[lg] += ". " + t("validation.suggest", lg, value=near[0])
            if len(near) > 1:
                said[lg] += " " + t("case.nearest_ids", lg, ids=", ".join(near[1:]))
        errors.append(
            {
                "field": "expect." + ".".join(where),
                "loc": ["expect", *where],
                "line": line(*where),
                "type": "unknown_obligation",
                "msg": said[lang],
                "problem_vi": said["vi"],
                "problem_en": said["en"],
                "suggestion": near[0] if near else None,
            }
        )
    return errors, ([Message("case.obligation_ids", {})] if errors else [])


def _input_errors(run: _Run, expect: Expect, line: Callable[..., int | None]) -> None:
    """The expectations that name what the case does not have (a step, an obligation): one
    input error listing all of them, before anything is compared."""
    errors, notes = _step_errors(run, expect, line)
    more, more_notes = _obligation_errors(run, expect, line)
    _raise_all(run.loc.source, [*errors, *more], [*notes, *more_notes])


def _raise_all(
    source: str, errors: Sequence[Mapping[str, Any]], notes: Sequence[Message] = ()
) -> None:
    """One input error of the case file for ``errors`` (each said in both languages), with
    ``notes`` (messages) after them."""
    from sandbox_rules.surfaces.inputs import invalid

    if not errors:
        return
    ordered = sorted(errors, key=lambda e: e.get("line") or 0)
    raise invalid([dict(e) for e in ordered], source, "input.case", notes=notes)


def _checks(run: _Run, expect: Expect, line: Callable[..., int | None]) -> list[Check]:
    given = expect.model_fields_set
    out: list[Check] = []
    _input_errors(run, expect, line)

    def needs(*keys: str) -> None:
        """Name the first expectation of ``keys`` in the messages of a missing part."""
        first = next((k for k in keys if k in given), None)
        at = line(first) if first is not None else None
        run.need_where = (
            "" if at is None else Message("case.needs_where", {"line": at, "key": first})
        )

    def scalar(
        key: str, actual: Any, norm: Callable[[Any], Any] = lambda v: v, note: str | None = None
    ) -> None:
        exp = getattr(expect, key)
        out.append(Check(key, line(key), exp, actual, norm(exp) == norm(actual), note=note))

    parts_keys = ("verdict", "conditions", "scope", "plan", "failed", "missing_facts")
    if given & set(parts_keys):
        needs(*parts_keys)
        a = run.assessment
        if "verdict" in given:
            scalar("verdict", a.verdict, note=_part_note(run, a, a.verdict))
        parts = _parts(a) if given & {"conditions", "scope", "plan"} else {}
        for k in ("conditions", "scope", "plan"):
            if k in given:
                scalar(k, parts[k], note=_part_note(run, getattr(a, k), parts[k]))
        if "failed" in given:
            actual = [(f.rule_id, _rule_names(f.rule_id, f.citations)) for f in a.failed]
            out.append(_set_check("failed", line("failed"), expect.failed or [], actual, _cite))
        if "missing_facts" in given:
            facts = [(m.fact, {m.fact, str(m.field)}) for m in a.missing_facts]
            out.append(
                _set_check(
                    "missing_facts", line("missing_facts"), expect.missing_facts or [], facts, str
                )
            )
    routing_keys = ("authority", "authority_clause", "procedure", "routing")
    if given & set(routing_keys):
        needs(*routing_keys)
        r = run.routing
        auth = r.get("authority") or {}
        if "authority" in given:
            code = auth.get("code")
            shown = f"{code} — {auth.get('title_vi')}" if code else None
            exp = expect.authority
            ok = _authority_code(exp) == code
            note = _routing_note(run, r, "authority") if code is None else None
            out.append(Check("authority", line("authority"), exp, shown, ok, note=note))
        if "authority_clause" in given:
            exp = expect.authority_clause
            act = auth.get("citation")
            out.append(
                Check(
                    "authority_clause",
                    line("authority_clause"),
                    exp,
                    act,
                    (_cite(exp) if exp else None) == act,
                    note=_routing_note(run, r, "authority_clause") if act is None else None,
                )
            )
        if "procedure" in given:
            proc = r.get("procedure")
            scalar(
                "procedure",
                proc,
                lambda v: None if v is None else _cite(str(v)),
                note=_routing_note(run, r, "procedure") if proc is None else None,
            )
        if "routing" in given:
            scalar("routing", r.get("status"), note=_routing_note(run, r, "routing"))
    if given & {"dossier_complete", "dossier_missing"}:
        needs("dossier_complete", "dossier_missing")
        d = run.dossier
        if "dossier_complete" in given:
            scalar("dossier_complete", d.get("complete"), note=_dossier_note(run, d))
        if "dossier_missing" in given:
            items = [(i["document"], {i["citation"], i["rule_id"]}) for i in d["missing"]]
            out.append(
                _set_check(
                    "dossier_missing",
                    line("dossier_missing"),
                    expect.dossier_missing or [],
                    items,
                    _document_of(d),
                )
            )
    if given & {"due", "step_status"}:
        needs("due", "step_status")
        steps = {s["step"]: s for s in run.timeline["steps"]}
        for key, attr, conv in (("due", "due", _iso), ("step_status", "status", str)):
            if key in given:
                for step, exp in (getattr(expect, key) or {}).items():
                    s = steps.get(step) or {}
                    act = conv(s[attr]) if s.get(attr) is not None else None
                    out.append(Check(f"{key}.{step}", line(key, step), exp, act, act == exp))
    life_keys = (
        "state",
        "end",
        "extension_window",
        "results_report_due",
        "grounds",
        "grounds_arose",
        "decision_due",
    )
    if given & set(life_keys):
        needs(*life_keys)
        st = run.lifecycle
        if "state" in given:
            scalar("state", st["state"])
        if "end" in given:
            scalar("end", _iso(st["end"]))
        if "results_report_due" in given:
            scalar("results_report_due", _iso(st["results_report_due"]))
        if "extension_window" in given:
            w = st["extension_window"]
            scalar("extension_window", None if w is None else [_iso(w["start"]), _iso(w["end"])])
        grounds = st["revocation_grounds"]
        if "grounds" in given:
            items = [(g["citation"], {g["citation"], g["rule_id"]}) for g in grounds]
            out.append(_set_check("grounds", line("grounds"), expect.grounds or [], items, _cite))
        for key, attr in (("grounds_arose", "arose_on"), ("decision_due", "decision_due")):
            if key in given:
                for g_name, exp in (getattr(expect, key) or {}).items():
                    g = next(
                        (g for g in grounds if _cite(g_name) in (g["citation"], g["rule_id"])), None
                    )
                    act = _iso(g[attr]) if g else None
                    out.append(
                        Check(
                            f"{key}.{g_name}",
                            line(key, g_name),
                            exp,
                            act,
                            g is not None and act == exp,
                        )
                    )
    if given & {"obligations", "overdue"}:
        needs("obligations", "overdue")
        items_by_id = {i["id"]: i for i in run.obligations["items"]}
        for ob_id, exp in (expect.obligations or {}).items():
            act = items_by_id[ob_id]["status"] if ob_id in items_by_id else None
            out.append(
                Check(f"obligations.{ob_id}", line("obligations", ob_id), exp, act, act == exp)
            )
        if "overdue" in given:  # by id, or by clause (17.3: every overdue item of 17.3)
            items = [
                (i["id"], {i["id"], i["citation"]})
                for i in items_by_id.values()
                if i["status"] == "overdue"
            ]
            out.append(_set_check("overdue", line("overdue"), expect.overdue or [], items, _cite))
    if "exempt" in given:
        needs("exempt")
        ex = run.duties["exemption"]
        scalar("exempt", ex["exempt"], note=_exempt_note(run, ex))
    run.need_where = ""
    return out


def _timeline_warnings(run: _Run) -> list[str]:
    """A timeline whose issuance procedure is not the one Art. 12 gives the case's
    application (12.3 one source, 12.4 several, 12.6 defence data): said, not refused — the
    officer may be checking the other procedure on purpose."""
    from sandbox_rules.law.citation import Citation

    found = run.timeline_spec
    if found is None or run.app_loc is None or not found[0].startswith("issuance-"):
        return []
    try:
        r = run.routing
    except SandboxRulesError:
        return []  # the application's own errors are reported by its expectations
    routed = r.get("procedure")
    clause = found[0].removeprefix("issuance-")
    if r.get("status") != "determined" or routed is None or routed == clause:
        return []
    from sandbox_rules.procedures import PROCEDURES

    line = run.loc.line(("timeline", "procedure")) if run.case.timeline is not None else None
    where = f"{run.loc.source}:{line}: " if line else ""
    routed_id = f"issuance-{routed}"

    def name(c: str) -> str:
        cite = Citation.parse(c)
        return cite.vi() if run.lang == "vi" else cite.en()

    return [
        t(
            "case.timeline_mismatch",
            run.lang,
            where=where,
            procedure=found[0],
            clause=name(clause),
            routed_clause=name(routed),
            routed=f" ({routed_id})" if routed_id in PROCEDURES else "",
        )
    ]


def _with_errors_behind(
    exc: InputValidationError, data: Any, loc: Located, base: Path, lang: str
) -> InputValidationError:
    """``exc`` and the errors it hides, in one report: the case is read once more with each
    wrong value left out (a key of ``due:`` keeps its name), and what the expectations name
    that the case does not have (a step, an obligation) is added — so fixing the file does
    not bring a second wave of errors. The problems of the application and the record the
    case writes (which its own fields do not check) come too, every one in the file's order."""
    errors = [*exc.errors, *_part_errors(data, loc, lang)]
    notes: list[Message] = []
    lenient = _without(data, exc.errors)
    run: _Run | None = None
    if lenient is not None:
        try:
            case = Case.model_validate(lenient)
            run = _Run(case, Located(lenient, loc.lines, loc.source), base, lang, {})
        except (ValueError, SandboxRulesError):  # the from: file too is wrong: said when fixed
            pass
    if run is not None:

        def line(*path: str) -> int | None:
            return loc.line(("expect", *path))

        for find in (_step_errors, _obligation_errors):
            try:
                more, more_notes = find(run, run.case.expect, line)
            except SandboxRulesError:
                continue  # a part the case lacks or that is wrong itself: said when run
            errors += more
            notes += more_notes
    if len(errors) == len(exc.errors):
        return exc
    try:
        _raise_all(loc.source, errors, notes)
    except InputValidationError as merged:
        return merged
    return exc


def _part_errors(data: Any, loc: Located, lang: str) -> list[dict[str, Any]]:
    """The problems of the parts a case writes that its own fields leave unchecked (its
    ``application`` and ``record``), each on its line, read as the run reads them: said with
    the case's own problems (``compliance:``, ``expect:``…) when those stop the case."""
    from sandbox_rules.lifecycle import SandboxRecord
    from sandbox_rules.models import Application

    out: list[dict[str, Any]] = []
    for key, model in (("application", Application), ("record", SandboxRecord)):
        if not isinstance(data, dict) or not isinstance(data.get(key), dict):
            continue
        try:
            validate(model, loc, root=(key,), lang=lang)
        except InputValidationError as exc:
            out += [dict(e) for e in exc.errors if e.get("loc")]
    return out


def _keep_names() -> dict[str, Any]:
    """What a wrong value under a mapping of names becomes for the second look: a value the
    field takes (its first), so the name beside it is still checked (a wrong status does
    not hide a wrong step name)."""
    import typing

    from sandbox_rules.codes import ObligationStatus, StepStatus

    return {
        "due": None,
        "step_status": typing.get_args(StepStatus)[0],
        "obligations": typing.get_args(ObligationStatus)[0],
    }


_KEEP_NAME = _keep_names()


def _without(data: Any, errors: Sequence[Mapping[str, Any]]) -> Any:
    """A copy of ``data`` as the officer meant it where that is plain (a list of one-key
    mappings for a mapping, one value for a list of one), else without the wrong values: a
    key of ``due:``/``step_status:``/``obligations:`` (a step's or an obligation's name)
    stays with a value its field takes, anything else is dropped. None when a path leads nowhere."""
    import copy

    out = copy.deepcopy(data)
    for e in sorted(errors, key=lambda e: len(e.get("loc") or ()), reverse=True):
        path = tuple(e.get("loc") or ())
        node = out
        for k in path[:-1]:
            try:
                node = node[k]
            except (KeyError, IndexError, TypeError):
                return None
        last = path[-1] if path else None
        if isinstance(node, dict) and last in node:
            value = node[last]
            if e.get("type") == "dict_type" and _one_key_items(value):
                node[last] = {k: v for item in value for k, v in item.items()}
            elif e.get("type") == "list_type" and isinstance(value, (str, int, float)):
                node[last] = [str(value)]
            elif len(path) >= 3 and path[0] == "expect" and path[1] in _KEEP_NAME:
                node[last] = _KEEP_NAME[path[1]]  # the name is still checked
            else:
                del node[last]
        elif isinstance(node, list) and isinstance(last, int) and 0 <= last < len(node):
            del node[last]
        elif path:
            return None
    return out


def _one_key_items(value: Any) -> bool:
    """``- a: 1`` / ``- b: 2``: a mapping written as a list (the «-» left at each line)."""
    return (
        isinstance(value, list)
        and bool(value)
        and all(isinstance(i, dict) and len(i) == 1 for i in value)
    )


def _iso(value: Any) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value))


def read_case(loc: Located, base: Path, lang: str = "vi") -> Case:
    """The case at ``loc`` (its file's folder ``base``, for ``from:``), validated; an invalid
    case is one input error with every problem of the case in the file's order, the
    application's and the record's too (:func:`_with_errors_behind`). Shared by ``test``
    and ``report``."""
    try:
        case: Case = validate(Case, loc, lang=lang, what="input.case")
    except InputValidationError as exc:
        # The second look only adds to the errors found: trouble of its own never hides them.
        with contextlib.suppress(Exception):
            exc = _with_errors_behind(exc, loc.data, loc, base, lang)
        raise exc from None
    return case


def run_case(
    data: Any,
    loc: Located,
    base: Path,
    *,
    lang: str = "vi",
    index: int | None = None,
    calendars: dict[Any, Any] | None = None,
) -> CaseResult:
    """Run one case (``data`` is its mapping, ``loc`` the file located at the case)."""
    name: str = (
        str(data["name"])
        if isinstance(data, dict) and isinstance(data.get("name"), str)
        else f"#{(index or 0) + 1}"
    )
    first = loc.line(())
    try:
        case = read_case(loc, base, lang)
    except InputValidationError as exc:
        return CaseResult(loc.source, name, first, "error", error=said(exc))

    def line(*path: str) -> int | None:
        return loc.line(("expect", *path))

    result = CaseResult(loc.source, case.name, first, "passed", xfail=case.xfail)
    try:
        run = _Run(case, loc, base, lang, {} if calendars is None else calendars)
        result.warnings = _timeline_warnings(run)
        checks = _checks(run, case.expect, line)
        if "error" in case.expect.model_fields_set:  # expected a refusal: run all it gives
            run.everything()
            checks.append(
                Check("error", line("error"), case.expect.error, None, case.expect.error is None)
            )
    except SandboxRulesError as exc:
        if "error" in case.expect.model_fields_set:
            checks = [
                Check(
                    "error",
                    line("error"),
                    case.expect.error,
                    exc.code,
                    exc.code == case.expect.error,
                )
            ]
        else:
            result.status = "error"
            result.error = said(exc)
            return result
    except Exception as exc:  # a bug in the library shows as this case's error, not a crash
        result.status = "error"
        result.error = {"code": "internal", "message": f"{type(exc).__name__}: {exc}"}
        return result
    result.checks = checks
    failed = any(not c.ok for c in checks)
    if case.xfail:
        result.status = "xfailed" if failed else "xpassed"
    else:
        result.status = "failed" if failed else "passed"
    return result


def said(exc: SandboxRulesError) -> dict[str, Any]:
    """A case's error as every surface publishes it (docs/errors.md): the error record, its
    ``message`` and each ``msg`` in English (for programs), ``message_vi`` and each ``msg_vi``
    in Vietnamese, whatever the run's language; :func:`shown` says it in ``lang``."""
    out: dict[str, Any] = exc.to_dict()
    return out


def shown(error: Mapping[str, Any], lang: str) -> str:
    """A case's error record (:func:`said`) as the officer reads it, in ``lang``: the
    Vietnamese message where there is one, else the English one."""
    vi = error.get("message_vi") if lang == "vi" else None
    return str(vi or error.get("message", ""))


def run_file(
    path: str | Path, *, lang: str = "vi", calendars: dict[Any, Any] | None = None
) -> list[CaseResult]:
    """Every case of one file: a case mapping, a list of cases, or ``cases: [...]``."""
    cals: dict[Any, Any] = {} if calendars is None else calendars
    p = Path(path)
    try:
        loc = read_yaml(p)
    except InputValidationError as exc:
        return [CaseResult(str(p), p.name, None, "error", error=said(exc))]
    data = loc.data
    if isinstance(data, dict) and "cases" in data and "expect" not in data:
        loc, data = loc.sub("cases"), data["cases"]
    if isinstance(data, list):
        return [
            run_case(item, loc.sub(i), p.parent, lang=lang, index=i, calendars=cals)
            for i, item in enumerate(data)
        ]
    return [run_case(data, loc, p.parent, lang=lang, calendars=cals)]


def collect(paths: Iterable[str | Path]) -> list[Path]:
    """Case files named by ``paths``: files as given, folders searched for *.case.yaml."""
    out: list[Path] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            out.extend(sorted(f for f in p.rglob("*") if f.name.endswith(SUFFIXES)))
        else:
            out.append(p)
    return out


def run_paths(paths: Iterable[str | Path], *, lang: str = "vi") -> list[CaseResult]:
    results: list[CaseResult] = []
    calendars: dict[Any, Any] = {}
    for p in collect(paths):
        results.extend(run_file(p, lang=lang, calendars=calendars))
    return results


# -- reporting --------------------------------------------------------------------------------------
def show(value: Any, lang: str = "vi") -> str:
    if value is None:
        return t("case.none", lang)
    if isinstance(value, bool):
        return t("case.true" if value else "case.false", lang)
    if isinstance(value, date):
        return fmt_date(value, lang)
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(show(v, lang) for v in value) + "]"
    text = str(value)
    gloss = messages(lang).get(f"value.{text}")  # a status code, with its name in the language
    return f"{text} ({gloss})" if gloss and gloss != text else text


def render(results: Sequence[CaseResult], lang: str = "vi", *, quiet: bool = False) -> str:
    lines: list[str] = []
    mark = {"passed": "✓", "failed": "✗", "error": "!", "xfailed": "~", "xpassed": "✗"}
    for r in results:
        where = f"{r.file}:{r.line}" if r.line else r.file
        n_bad = len(r.misses)
        head = t(
            f"case.status.{r.status}",
            lang,
            ok=len(r.checks) - n_bad,
            bad=n_bad,
            total=len(r.checks),
        )
        if quiet and not r.bad:
            continue
        lines.append(f"{mark[r.status]} {where} «{r.name}» — {head}")
        if r.xfail:
            lines.append("    " + t("case.xfail_reason", lang, reason=r.xfail))
        lines.extend("    " + w for w in r.warnings)
        if r.error is not None:
            lines.extend("    " + x for x in shown(r.error, lang).splitlines())
        for c in r.checks:
            at = t("input.line", lang, line=c.line) if c.line else ""
            label = t(f"expect.{c.key.split('.')[0]}", lang)
            actual = show(c.actual, lang)
            if c.note and c.actual is None:
                actual = c.note  # why there is no value, not "(không có)"
            elif c.note and not c.ok:
                actual += " — " + c.note
            if c.ok:
                if not quiet:
                    lines.append(f"    ✓ {at:<9} {c.key} ({label}): {actual}")
                continue
            lines.append(f"    ✗ {at:<9} {c.key} ({label})")
            lines.append(f"        {t('case.expected', lang):<10} {show(c.expected, lang)}")
            lines.append(f"        {t('case.actual', lang):<10} {actual}")
            if c.missing:
                lines.append(f"        {t('case.missing', lang):<10} {show(list(c.missing), lang)}")
            if c.extra:
                lines.append(f"        {t('case.extra', lang):<10} {show(list(c.extra), lang)}")
    lines.append(summary(results, lang))
    return "\n".join(lines)


def counts(results: Sequence[CaseResult]) -> dict[str, int]:
    out = dict.fromkeys(("passed", "failed", "error", "xfailed", "xpassed"), 0)
    for r in results:
        out[r.status] += 1
    out["total"] = len(results)
    return out


def summary(results: Sequence[CaseResult], lang: str = "vi") -> str:
    c = counts(results)
    text = t("case.summary", lang, **c)
    bad = [r for r in results if r.bad]
    if bad:
        text += (
            "\n"
            + t("case.bad_cases", lang)
            + "\n"
            + "\n".join(
                f"  - «{r.name}» ({r.file}{':' + str(r.line) if r.line else ''})" for r in bad
            )
        )
    return text


def to_json(results: Sequence[CaseResult]) -> dict[str, Any]:
    from sandbox_rules.records import SCHEMA_VERSION

    return {
        "kind": "case_results",
        "schema_version": SCHEMA_VERSION,
        "summary": counts(results),
        "cases": [r.to_dict() for r in results],
    }
