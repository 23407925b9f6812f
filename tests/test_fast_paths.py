"""The fast paths give the reference answers: compiled routing against RuleRegistry.decide."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import msgspec
import pytest
import yaml
from _examples import examples
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel, ConfigDict

import sandbox_rules as sr
from sandbox_rules import models
from sandbox_rules._keys import _bare_model
from sandbox_rules.engine import default_engine, route
from sandbox_rules.errors import SandboxRulesError
from sandbox_rules.facts import extract_facts
from sandbox_rules.interpretations import CATALOGUE, Interpretations
from sandbox_rules.models import Application
from sandbox_rules.rules import registry
from sandbox_rules.testing import applications

ROOT = Path(__file__).resolve().parent.parent

ROUTING_READINGS = [
    i for i in CATALOGUE if i.id in {"authority-count-basis", "procedure-many-sources",
                                     "same-manager-two-units", "defence-overrides"}
]  # fmt: skip


def _choices(readings: list[Any]) -> st.SearchStrategy[dict[str, str]]:
    """Some of these readings, each set to one of its options. The strategies are built once:
    building one per reading on every draw cost more than the draw."""
    options = [(i.id, st.sampled_from(sorted(i.options))) for i in readings]
    return st.tuples(*(st.one_of(st.none(), o) for _, o in options)).map(
        lambda chosen: {
            rid: c for (rid, _), c in zip(options, chosen, strict=True) if c is not None
        }
    )


def readings() -> st.SearchStrategy[Interpretations]:
    return _ROUTING_CHOICES


_ANY_CHOICES = _choices(list(CATALOGUE))
_ROUTING_CHOICES = _choices(ROUTING_READINGS).map(Interpretations.of)
_ANY_READINGS = _ANY_CHOICES.map(Interpretations.of)


def reference(group: str, facts: dict[str, Any]) -> tuple[Any, Any]:
    try:
        d = registry().decide(group, facts)
    except SandboxRulesError as exc:
        return ("error", type(exc).__name__)
    return (d.rule.id if d.rule else None, d.missing)


def fast(group: str, facts: dict[str, Any]) -> tuple[Any, Any]:
    try:
        rule, missing = default_engine().routing[group].decide(facts)
    except SandboxRulesError as exc:
        return ("error", type(exc).__name__)
    return (rule.id if rule else None, missing)


def _compiled_routing_decides_as_the_reference(app: Application, interp: Interpretations) -> None:
    facts = extract_facts(app, interp)
    for group in ("authority", "procedure"):
        # twice: the second answer may come from the kept reference answers
        assert fast(group, facts) == reference(group, facts)
        assert fast(group, facts) == reference(group, facts)


@pytest.mark.parametrize(
    "facts",
    [
        {},  # nothing known: undetermined, every source fact missing
        {"sources.count": 1, "sources.authority_count": 1, "sources.any_defence_or_cipher": None},
        {"sources.count": 2, "sources.authority_count": 2, "sources.any_defence_or_cipher": True},
        # a list-valued fact cannot key the kept answers; it is still decided
        {"sources.count": 1, "sources.authority_count": 1, "sources.any_defence_or_cipher": [True]},
    ],
)
def test_compiled_routing_on_hand_made_facts(facts: dict[str, Any]) -> None:
    from sandbox_rules.facts import interpretation_facts

    facts = {**interpretation_facts(Interpretations.of(None)), **facts}
    for group in ("authority", "procedure"):
        assert fast(group, facts) == reference(group, facts)


@settings(max_examples=examples(100), suppress_health_check=[HealthCheck.too_slow])
@given(applications())
def test_route_reads_only_what_the_rules_read(app: Application) -> None:
    # route builds a small fact set; the rules must answer on it as on the full facts
    engine = default_engine()
    assert not engine.routing_full_facts
    r = route(app)
    facts = extract_facts(app, Interpretations.of(app.interpretations or None))
    expect = {g: reference(g, facts) for g in ("authority", "procedure")}
    assert (r.authority_rule, r.procedure_rule) == (expect["authority"][0], expect["procedure"][0])
    assert r.missing == expect["authority"][1] | expect["procedure"][1]


def _kept_routing_is_the_computed_one(app: Application, interp: Interpretations) -> None:
    # route keeps whole routings per (readings, source values); a kept one must be the
    # routing computed afresh from the application, byte for byte, and the values it is
    # kept by must be the sources' own (managed_by_given read without the property)
    from sandbox_rules import engine

    for s in app.data_sources or ():
        assert engine._source(s) == engine._source_unchecked(s)
        assert engine._source(s).managed_by_given == s.managed_by_given
    try:
        fresh = engine._routing(
            interp,
            None
            if app.data_sources is None
            else tuple(engine._source_unchecked(s) for s in app.data_sources),
        )
    except SandboxRulesError as exc:
        with pytest.raises(type(exc)):
            route(app, interp)
        return
    first, second = route(app, interp), route(app, interp)  # the second one is kept
    assert first.to_json_bytes() == second.to_json_bytes() == fresh.to_json_bytes()


def test_kept_routing_gives_each_caller_its_own_readings() -> None:
    from sandbox_rules.models import load_application

    app = load_application(
        {
            "applicant": {"kind": "organisation"},
            "data_sources": [{"name": "x", "owning_unit": "u", "managed_by": "BYT"}],
        }
    )
    r = route(app)
    r.interpretations_used["authority-count-basis"] = "changed by a caller"
    again = route(app)
    assert again.interpretations_used["authority-count-basis"] != "changed by a caller"
    assert again.to_json_bytes() == route(load_application(app.model_dump())).to_json_bytes()


def test_unkeyable_sources_are_routed_without_keeping() -> None:
    # model_construct skips validation: a flag 1 (not True) or a list as a name cannot key
    # the kept routings, and must not share one with the validated True
    from sandbox_rules import engine
    from sandbox_rules.models import DataSource, load_application

    app = load_application({"applicant": {"kind": "organisation"}})
    for source in (
        DataSource.model_construct(name="x", managed_by="BYT", defence_or_cipher=1),
        DataSource.model_construct(name=["x"], managed_by="BYT", defence_or_cipher=True),
    ):
        odd = app.model_copy(update={"data_sources": [source]})
        expect = engine._routing(Interpretations.of(None), (engine._source_unchecked(source),))
        assert route(odd).to_json_bytes() == expect.to_json_bytes()
        assert route(odd).sources[0].defence_or_cipher is source.defence_or_cipher


def any_readings() -> st.SearchStrategy[Interpretations]:
    return _ANY_READINGS


def _failed_conditions_by_generated_code_are_the_reference(
    app: Application, interp: Interpretations
) -> None:
    # 15.1.c in lifecycle: the 9.1/9.2 rules an applicant fails, by the assessment's
    # generated statuses, as conditions_not_met finds them with the tree evaluator
    from sandbox_rules.lifecycle import _failed_conditions, conditions_not_met

    assert _failed_conditions(app.applicant, interp) == conditions_not_met(app.applicant, interp)[0]


# -- lifecycle and obligations kept per record values ------------------------------------------
@st.composite
def sandbox_records(draw: st.DrawFn) -> Any:
    """The strategies' records, with readings and, sometimes, an applicant_changed event."""
    from datetime import date, timedelta

    from sandbox_rules.lifecycle import load_record
    from sandbox_rules.testing import application_data, records

    data = draw(records())
    data["interpretations"] = dict(draw(_ANY_CHOICES))
    if draw(st.booleans()):
        applicant = draw(application_data())["applicant"]
        on = date.fromisoformat(data["issued_on"]) + timedelta(days=draw(st.integers(0, 400)))
        event = {"type": "applicant_changed", "date": on.isoformat(), "applicant": applicant}
        data["events"] = sorted([*data["events"], event], key=lambda e: e["date"])
    return load_record(data)


def _as_ofs() -> st.SearchStrategy[Any]:
    from datetime import date

    from sandbox_rules.testing import dates_in_range

    return dates_in_range(date(2025, 7, 1), date(2033, 12, 31))


@settings(deadline=None, max_examples=examples(300), suppress_health_check=[HealthCheck.too_slow])
@given(sandbox_records(), _as_ofs())
def test_kept_lifecycle_and_schedule_are_the_computed_ones(rec: Any, as_of: Any) -> None:
    # lifecycle and obligations keep their results per record values (lifecycle.record_key),
    # day and calendar: a kept result must be the one computed afresh, for the same record
    # and for an equal record built anew
    from sandbox_rules.lifecycle import lifecycle, load_record, replay
    from sandbox_rules.obligations import _schedule, obligations

    interp = Interpretations.of(rec.interpretations)
    cal = interp.calendar()
    twin = load_record(rec.model_dump(mode="json"))
    try:
        status = replay(rec, as_of, cal, interp)
    except SandboxRulesError as exc:
        for r in (rec, twin):
            with pytest.raises(type(exc)):
                lifecycle(r, as_of)
            with pytest.raises(type(exc)):
                obligations(r, as_of)
        return
    schedule = _schedule(rec, as_of, cal, interp)
    for r in (rec, rec, twin):  # the second and third answers are kept ones
        got = lifecycle(r, as_of)
        assert got == status
        assert got.record().to_json_bytes() == status.record().to_json_bytes()
        kept = obligations(r, as_of)
        assert kept == schedule
        assert kept.record().to_json_bytes() == schedule.record().to_json_bytes()


def test_kept_results_give_each_caller_its_own_readings() -> None:
    from datetime import date

    from sandbox_rules.lifecycle import lifecycle, load_record
    from sandbox_rules.obligations import obligations

    rec = load_record({"issued_on": "2026-03-02", "approved_months": 12, "events": []})
    day = date(2026, 6, 10)
    for fn in (lifecycle, obligations):
        first = fn(rec, day)
        first.interpretations_used["roll-forward"] = "changed by a caller"  # type: ignore[index]
        again = fn(rec, day)
        assert again.interpretations_used["roll-forward"] != "changed by a caller"
        assert again.interpretations_used is not first.interpretations_used


def test_records_that_differ_only_in_the_class_of_a_value_are_not_confused() -> None:
    # model_construct skips validation: remediation_required=1 is not True to lifecycle
    # (it tests `is True`), so the two records must not share a kept result
    from datetime import date

    from sandbox_rules.lifecycle import Event, lifecycle, load_record, replay
    from sandbox_rules.obligations import _schedule, obligations

    data = {
        "issued_on": "2026-03-02",
        "approved_months": 12,
        "events": [
            {"type": "testing_started", "date": "2026-03-10"},
            {"type": "inspection_ended", "date": "2026-05-04", "remediation_required": True},
        ],
    }
    rec = load_record(data)
    odd_event = Event.model_construct(
        type="inspection_ended", date=date(2026, 5, 4), remediation_required=1
    )
    odd = rec.model_copy(update={"events": [rec.events[0], odd_event]})
    day = date(2026, 9, 1)
    interp = Interpretations.of(None)
    cal = interp.calendar()
    for r in (rec, odd, rec, odd):
        assert lifecycle(r, day) == replay(r, day, cal, interp)
        assert obligations(r, day) == _schedule(r, day, cal, interp)
    assert lifecycle(rec, day) != lifecycle(odd, day)


# -- assessments kept per fact values --------------------------------------------------------------
def _kept_assessment_is_the_computed_one(app: Application, interp: Interpretations) -> None:
    # assess keeps whole assessments per (kind, readings, values of the facts its rules
    # read); a kept one must be the assessment computed afresh, byte for byte, for the same
    # application and for an equal one built anew
    from sandbox_rules import engine
    from sandbox_rules.engine import assess

    twin = Application.model_validate(app.model_dump(mode="json"))
    try:
        fresh = engine._assess(engine.default_engine(), app, interp)
    except SandboxRulesError as exc:
        for a in (app, twin):
            with pytest.raises(type(exc)):
                assess(a, interp)
        return
    for a in (app, app, twin):  # the second and third answers are kept ones
        got = assess(a, interp)
        assert got == fresh
        assert got.to_json_bytes() == fresh.to_json_bytes()
        assert got.to_json_bytes(form="compact") == fresh.to_json_bytes(form="compact")


def test_kept_assessment_gives_each_caller_its_own_readings() -> None:
    from sandbox_rules.engine import assess
    from sandbox_rules.models import load_application

    app = load_application({"applicant": {"kind": "individual"}})
    first = assess(app)
    first.interpretations_used["prosecution-scope"] = "changed by a caller"
    again = assess(app)
    assert again.interpretations_used["prosecution-scope"] != "changed by a caller"


def test_unvalidated_values_get_the_computed_assessment() -> None:
    # model_construct skips validation: 1 where True belongs (at the top, in a list item) is
    # keyed with its class, so it never shares a kept assessment with True; whatever the
    # rules make of it, the answer is the one computed
    from sandbox_rules import engine
    from sandbox_rules.engine import assess
    from sandbox_rules.models import Conviction, load_application

    app = load_application(
        {
            "applicant": {
                "kind": "individual",
                "person": {"background": {"convictions": [{"record_expunged": True}]}},
            },
            "solution": {"self_review_complete": True},
        }
    )
    odd_solution = app.solution.model_copy(update={"self_review_complete": 1})
    person = app.applicant.person  # type: ignore[union-attr]
    odd_conviction = Conviction.model_construct(record_expunged=1)
    odd_background = person.background.model_copy(update={"convictions": [odd_conviction]})
    odd_applicant = app.applicant.model_copy(
        update={"person": person.model_copy(update={"background": odd_background})}
    )
    for odd in (
        app.model_copy(update={"solution": odd_solution}),
        app.model_copy(update={"applicant": odd_applicant}),
    ):
        for a in (app, odd, app, odd):
            expect = engine._assess(engine.default_engine(), a, Interpretations.of(None))
            assert assess(a).to_json_bytes() == expect.to_json_bytes()


def _kept_part_answers_list_their_own_rules(app: Application, interp: Interpretations) -> None:
    # part answers are kept per (part, its statuses, the facts its unknown rules miss): each
    # must list exactly its rules not met and unknown, in order, and what those miss
    from sandbox_rules.engine import assess
    from sandbox_rules.records import missing_facts

    try:
        result = assess(app, interp)
    except SandboxRulesError:
        return
    for part in result.parts:
        mine = [f for f in result.findings if f.part == part.part]
        assert [r.rule_id for r in part.failed] == [
            f.rule_id for f in mine if f.status == "not_met"
        ]
        assert [r.rule_id for r in part.unknown] == [
            f.rule_id for f in mine if f.status == "unknown"
        ]
        assert all(
            r.citations == f.citations for r in part.failed for f in mine if f.rule_id == r.rule_id
        )
        if part.answer == "undetermined":
            expect = missing_facts(
                {m.fact for f in mine if f.status == "unknown" for m in f.missing_facts}
            )
            assert part.missing_facts == expect
        else:
            assert part.missing_facts == ()


def test_a_callers_calendar_is_not_kept_alive() -> None:
    # a calendar with overrides holds its own tables (about 1 MB): results computed with a
    # caller's calendar are not kept, so no cache holds on to it
    import gc
    import weakref
    from datetime import date
    from pathlib import Path

    from sandbox_rules.calendar import VietnamCalendar
    from sandbox_rules.lifecycle import lifecycle, load_record
    from sandbox_rules.obligations import obligations

    overrides = Path(__file__).resolve().parent.parent / "examples" / "calendar-overrides.toml"
    rec = load_record({"issued_on": "2026-03-02", "approved_months": 12, "events": []})
    cal = VietnamCalendar(overrides=overrides)
    ref = weakref.ref(cal)
    expect = obligations(rec, date(2026, 6, 10), calendar=VietnamCalendar(overrides=overrides))
    assert obligations(rec, date(2026, 6, 10), calendar=cal) == expect
    lifecycle(rec, date(2026, 6, 10), calendar=cal)
    del cal
    gc.collect()
    assert ref() is None


@settings(deadline=None, max_examples=examples(300), suppress_health_check=[HealthCheck.too_slow])
@given(applications(), any_readings())
def test_assess_by_generated_code_and_kept_answers_is_the_reference(
    app: Application, interp: Interpretations
) -> None:
    # One drawn application serves three properties: drawing it costs more than checking
    # them, and each keeps its own assertions.
    _failed_conditions_by_generated_code_are_the_reference(app, interp)
    _kept_assessment_is_the_computed_one(app, interp)
    _kept_part_answers_list_their_own_rules(app, interp)
    _assessment_json_is_encoded_afresh(app, interp)


@settings(deadline=None, max_examples=examples(300), suppress_health_check=[HealthCheck.too_slow])
@given(applications(), readings())
def test_compiled_and_kept_routing_are_the_reference(
    app: Application, interp: Interpretations
) -> None:
    # One drawn application serves both properties of route, each with its own assertions.
    _compiled_routing_decides_as_the_reference(app, interp)
    _kept_routing_is_the_computed_one(app, interp)


# -- the list items a key reads without their private and extra values ---------------------------
class _AllowsExtra(BaseModel):
    model_config = ConfigDict(extra="allow")
    x: int = 0


# (class, whether its instances are keyed by their fields alone)
BARE_MODELS = [
    (models.Conviction, True),  # an input model: no private attribute, extra keys forbidden
    (models.TestingSpace, True),  # the same
    (models.DataSource, False),  # a private attribute (the managing body as written)
    (_AllowsExtra, False),  # a model that keeps extra keys
    (int, False),  # not a model
    (str, False),  # not a model
]


@pytest.mark.parametrize(("cls", "bare"), BARE_MODELS)
def test_only_input_models_are_keyed_by_their_fields_alone(cls: type, bare: bool) -> None:
    assert _bare_model(cls) is bare


# -- an assessment's JSON with its findings' kept bytes ------------------------------------------
def _encoded_afresh(a: Any, form: str, pretty: bool) -> bytes:
    raw = msgspec.json.encode(a.compact() if form == "compact" else a)
    return msgspec.json.format(raw, indent=2) if pretty else raw


def _same_json_in_every_form(a: Any) -> None:
    for form in ("full", "compact"):
        for pretty in (False, True):
            # twice: the second time from the kept bytes
            assert a.to_json_bytes(form=form, pretty=pretty) == _encoded_afresh(a, form, pretty)
            assert a.to_json_bytes(form=form, pretty=pretty) == _encoded_afresh(a, form, pretty)


def _assessment_json_is_encoded_afresh(app: Application, interp: Interpretations) -> None:
    try:
        a = sr.assess(app, interp)
    except SandboxRulesError:
        return
    _same_json_in_every_form(a)  # its findings kept whole, or built for this application
    _same_json_in_every_form(a.compact())  # an assessment already compact


def test_the_kept_bytes_follow_the_findings_not_their_ids() -> None:
    # A findings tuple that dies and another built at the same address must not get the first
    # one's bytes: an entry holds its object, so the address is not reused while it lives.
    import gc

    from sandbox_rules.outcomes import _kept_json

    app = Application.model_validate(
        yaml.safe_load((ROOT / "examples" / "org-undetermined.yaml").read_text("utf-8"))
    )
    a = sr.assess(app)
    for _ in range(50):
        fresh = msgspec.structs.replace(a, findings=tuple(f.compact() for f in a.findings))
        assert fresh.to_json_bytes() == _encoded_afresh(fresh, "full", False)
        del fresh
        gc.collect()
    assert len(_kept_json._tuples) <= _kept_json.LIMIT
