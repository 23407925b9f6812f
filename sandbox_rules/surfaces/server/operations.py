"""What each endpoint computes: the same library calls as the CLI commands, from a decoded
JSON body. No HTTP here, so the tests can compare these answers with the Python API directly.

Every operation returns an :class:`Answer`: the library's result (its JSON record is the
response body) and, where the library has one, a renderer of the text report by language.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, ValidationError

from sandbox_rules import inputs
from sandbox_rules.errors import InputValidationError, field_problem, input_error_class, summary
from sandbox_rules.i18n import t
from sandbox_rules.lifecycle import SandboxRecord
from sandbox_rules.models import Application, load_application

Lang = Literal["vi", "en"]


@dataclass(frozen=True, slots=True)
class Answer:
    """A result and its alternative forms. ``data`` is a library result (``to_dict()``), a
    list of them, or plain JSON data; ``text``/``ics`` render the report in a language."""

    data: Any
    text: Callable[[str], str] | None = None
    ics: Callable[[str], str] | None = None


# -- request bodies: the library's input files, plus what a request brings for itself --------
def _iso_day(value: Any) -> Any:
    if isinstance(value, str):
        try:
            return date.fromisoformat(value)
        except ValueError:
            # A ValueError (pydantic names the field) with its message key.
            raise InputValidationError.from_key("http.not_a_day", given=repr(value[:40])) from None
    return value  # a date passes; anything else fails strict validation


# A day is an ISO string: a number is not a day (pydantic's lax mode would read 0 as 1970).
Day = Annotated[date, BeforeValidator(_iso_day)]
_STRICT = ConfigDict(extra="forbid", frozen=True, strict=True)  # and 0 is not false
Overrides = dict[str, Any]
_OVERRIDES = Field(
    None,
    description="newer official calendar decisions, the same table as an overrides file "
    "(documents, days, official_years; docs/calendar.md); used for this request only",
)
_INTERPRETATIONS = Field(
    None, description="chosen readings, id -> option (GET /interpretations); this request only"
)


class DossierRequest(inputs.DossierInput):
    """POST /dossier: the dossier checklist (schema dossier-input), or an application."""

    model_config = _STRICT
    procedure: Literal["issuance", "reissue", "adjustment", "extension", "conclusion"] = "issuance"
    application: Application | None = Field(
        None, description="its applicant kind and submission.documents are used"
    )
    interpretations: dict[str, str] | None = _INTERPRETATIONS


class TimelineRequest(inputs.TimelineSpec):
    model_config = _STRICT
    events: dict[str, Day] = Field(default_factory=dict, description="event name -> date")


class ScenarioRequest(inputs.Scenario):
    """POST /timeline, /lifecycle, /obligations: a scenario file (schema scenario), as in
    examples/scenarios/, with as_of required and optional calendar overrides."""

    model_config = _STRICT
    as_of: Day = Field(description="the date to evaluate at")
    # Narrower than the file's own model: the record checked as a record, strict dates.
    record: SandboxRecord | None = None  # type: ignore[assignment]
    timeline: TimelineRequest | None = None
    timelines: list[TimelineRequest] | None = Field(None, max_length=50)  # type: ignore[assignment]
    overrides: Overrides | None = _OVERRIDES


class Period(BaseModel):
    model_config = _STRICT
    unit: Literal["working_days", "days", "months", "years"]
    n: int = Field(ge=0, le=1200)


class DeadlineRequest(BaseModel):
    """POST /deadline: the day a period from an event ends."""

    model_config = _STRICT
    event: Day = Field(description="the event day (not counted by default: Civil Code art. 147)")
    period: Period
    explain: bool = Field(False, description="add every day counted or skipped")
    interpretations: dict[str, str] | None = _INTERPRETATIONS
    overrides: Overrides | None = _OVERRIDES


class CalendarRequest(BaseModel):
    """POST /calendar/{year}: the year under chosen readings and newer decisions."""

    model_config = _STRICT
    interpretations: dict[str, str] | None = _INTERPRETATIONS
    overrides: Overrides | None = _OVERRIDES


REQUESTS: tuple[type[BaseModel], ...] = (
    DossierRequest,
    ScenarioRequest,
    DeadlineRequest,
    CalendarRequest,
)


def _validate(model: type[BaseModel], data: Any, what: str) -> Any:
    """Pydantic's per-field errors as the library's InputValidationError, each as every
    surface publishes it (the Python API's ModelValidationError, the CLI): its input path, the
    problem in English (``msg``) and Vietnamese (``msg_vi``) and, where there is one, the
    nearest valid value. ``what``: the body's name, a key of the tables (``http.what.*``)."""
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        from sandbox_rules._validation import published_errors
        from sandbox_rules.i18n import Message, Texts

        errors = published_errors(exc, model)
        for item in errors:
            loc = item["loc"]
            if item["type"] == "extra_forbidden" and len(loc) == 1 and "suggestion" not in item:
                item |= _nearest(str(loc[0]), list(model.model_fields))
        raise input_error_class(errors).from_key(
            "error.invalid",
            what=Message(what, {}),
            summary=Texts(summary(errors, "vi"), summary(errors, "en")),
            more="",
            errors=errors,
        ) from None


def record_json(data: Any, form: str = "full") -> bytes:
    """The one place a result becomes its response body: the library's JSON record
    (``Record.to_json_bytes``), or the plain data of a catalogue route."""
    import msgspec

    from sandbox_rules.records import Record, check_form

    if isinstance(data, Record):
        return data.to_json_bytes(form=check_form(form))
    return msgspec.json.encode(data)


def batch(kind: str, raw: bytes, default_calendar: Any, form: str = "full") -> Answer:
    """JSON lines in, JSON lines out: each line is the body of ``POST /{kind}``, answered on
    the same line by its record; a line that fails gets a ``batch_error`` record (its number
    and error) and the batch goes on; a blank line is answered by a blank line (as the CLI's
    batch)."""
    import logging

    import msgspec

    from sandbox_rules.errors import BatchError, DocumentFormatError, ErrorRecord, SandboxRulesError
    from sandbox_rules.io import loads_json
    from sandbox_rules.records import check_form

    run = batch_operation(kind, default_calendar)
    check_form(form)
    out = []
    lines = raw.split(b"\n")
    if lines[-1] == b"":  # what follows the last newline is not a line
        lines.pop()
    for lineno, line in enumerate(lines, start=1):
        if not line.strip():
            out.append(b"")  # not a record; answered so line N out answers line N in
            continue
        try:
            try:
                data = loads_json(line, lineno)
            except DocumentFormatError as exc:  # a key given twice, a NaN: said on its line
                if exc.key != "error.duplicate_key":
                    raise
                raise DocumentFormatError.from_key(
                    "http.line_duplicate_key", line=lineno, key=exc.fields.get("key")
                ) from None
            except (ValueError, RecursionError) as exc:
                # A line that is not JSON is a document that cannot be read (as the CLI says).
                raise DocumentFormatError.from_key(
                    "http.line_not_json", line=lineno, detail=str(exc)
                ) from None
            out.append(record_json(run(data).data, form))
        except SandboxRulesError as exc:
            out.append(msgspec.json.encode(BatchError(line=lineno, error=exc.record())))
        except Exception:  # a bug: logged, said on this line, and the batch goes on
            logging.getLogger("sandbox_rules.server").exception("bug in batch line %d", lineno)
            bug = ErrorRecord(
                code="internal_error",
                message=t("http.internal", "en"),
                message_vi=t("http.internal", "vi"),
                key="http.internal",
            )
            out.append(msgspec.json.encode(BatchError(line=lineno, error=bug)))
    return Answer(b"".join(x + b"\n" for x in out))


# -- calendars ------------------------------------------------------------------------------
def _calendar(
    interpretations: Mapping[str, str] | None, overrides: Overrides | None, default: Any
) -> Any:
    """The calendar for this request: ``default`` (built once per server) unless the request
    chooses a calendar reading or brings newer decisions; those are used for it only."""
    from sandbox_rules.calendar import VietnamCalendar
    from sandbox_rules.calendar.core import CALENDAR_INTERPRETATIONS
    from sandbox_rules.interpretations import Interpretations

    Interpretations.of(interpretations or None)  # an unknown id or option is a typed error
    if overrides is None and not any(k in CALENDAR_INTERPRETATIONS for k in interpretations or ()):
        return default
    return VietnamCalendar(overrides=overrides, interpretations=interpretations)


# -- operations -----------------------------------------------------------------------------
def assess(body: Any, show_all: bool = False) -> Answer:
    from sandbox_rules.engine import assess as run
    from sandbox_rules.report import render_assessment

    result = run(load_application(body))
    return Answer(result, lambda lang: render_assessment(result, lang, show_all=show_all))


def route(body: Any) -> Answer:
    from sandbox_rules.engine import route as run
    from sandbox_rules.report import render_routing

    result = run(load_application(body))
    return Answer(result, lambda lang: render_routing(result, lang))


def dossier(body: Any) -> Answer:
    from sandbox_rules.engine import dossier as run
    from sandbox_rules.engine import issuance_dossier
    from sandbox_rules.report import render_dossier

    req: DossierRequest = _validate(DossierRequest, body, "http.what.dossier")
    app = req.application
    if app is not None and req.procedure == "issuance" and req.documents is None:
        # 12.2's documents and the contents Art. 11 requires of the plan (12.3.b), as the CLI.
        result = issuance_dossier(app, req.interpretations)
    else:
        kind = req.applicant_kind or (app.applicant.kind if app is not None else None)
        docs = req.documents
        if docs is None and app is not None:
            docs = app.submission.documents
        result = run(
            req.procedure,
            kind,
            docs,
            requires_extension=req.requires_extension,
            interpretations=req.interpretations,
        )
    return Answer(result, lambda lang: render_dossier(result, lang))


def _scenario(body: Any) -> ScenarioRequest:
    return _validate(ScenarioRequest, body, "http.what.scenario")  # type: ignore[no-any-return]


def _required(name: str, what: str) -> InputValidationError:
    entry = {**field_problem(name, "http.field.required"), "loc": [name], "type": "missing"}
    return InputValidationError.from_key(
        "http.scenario_lacks", name=repr(name), what=what, errors=[entry]
    )


def timeline(body: Any, default_calendar: Any, explain: bool = False) -> Answer:
    from sandbox_rules.procedures import timeline as run
    from sandbox_rules.report import render_timeline
    from sandbox_rules.time_records import Timelines

    sc = _scenario(body)
    specs = sc.timelines or ([sc.timeline] if sc.timeline is not None else [])
    if not specs:
        raise _required("timeline", "procedure, events")
    chosen = sc.interpretations or None
    cal = _calendar(chosen, sc.overrides, default_calendar)
    results = [
        run(sp.procedure, sp.events, sc.as_of, interpretations=chosen, calendar=cal) for sp in specs
    ]
    data: Any = results[0].record(explain)
    if len(results) > 1:
        data = Timelines(timelines=tuple(t.record(explain) for t in results))
    return Answer(
        data, lambda lang: "\n\n".join(render_timeline(t, lang, explain) for t in results)
    )


def _record(sc: ScenarioRequest) -> SandboxRecord:
    if sc.record is None:
        raise _required("record", "issued_on, approved_months, events")
    if not sc.interpretations:
        return sc.record
    merged = {**sc.record.interpretations, **sc.interpretations}
    return sc.record.model_copy(update={"interpretations": merged})


def lifecycle(body: Any, default_calendar: Any) -> Answer:
    from sandbox_rules.duties import record_duties
    from sandbox_rules.lifecycle import lifecycle as run
    from sandbox_rules.obligations import obligations
    from sandbox_rules.report import render_lifecycle

    sc = _scenario(body)
    rec = _record(sc)
    cal = _calendar(rec.interpretations, sc.overrides, default_calendar)
    status = run(rec, sc.as_of, calendar=cal)
    schedule = obligations(rec, sc.as_of, calendar=cal)
    # 22.2 reads the computed schedule too: no exemption while a report is overdue.
    duty = (
        record_duties(sc.compliance, rec, sc.as_of, schedule=schedule)
        if sc.compliance is not None
        else None
    )

    def text(lang: str) -> str:
        return render_lifecycle(status, schedule, duty, lang)

    return Answer(status.record(duty.record() if duty is not None else None), text)


def obligations(body: Any, default_calendar: Any) -> Answer:
    from sandbox_rules.obligations import obligations as run

    sc = _scenario(body)
    rec = _record(sc)
    cal = _calendar(rec.interpretations, sc.overrides, default_calendar)
    sched = run(rec, sc.as_of, calendar=cal)

    def ics(lang: str) -> str:
        from sandbox_rules.surfaces.ics import obligations_ics

        data = obligations_ics(rec, sc.as_of, schedule=sched, calendar=cal, lang=lang)
        return data.decode("utf-8")

    return Answer(sched.record(), ics=ics)


def deadline(body: Any, default_calendar: Any) -> Answer:
    from sandbox_rules.calendar import Days, Months, WorkingDays, Years

    req: DeadlineRequest = _validate(DeadlineRequest, body, "http.what.deadline")
    period_type = {"working_days": WorkingDays, "days": Days, "months": Months, "years": Years}
    cal = _calendar(req.interpretations, req.overrides, default_calendar)
    result = cal.deadline(req.event, period_type[req.period.unit](req.period.n))
    return Answer(result.record(explain=req.explain), lambda lang: result.explain(lang))


# POST /batch/{kind}: the operations a batch line can name, as `sandbox-rules batch KIND`.
BATCH_KINDS = ("assess", "route", "dossier", "timeline", "lifecycle", "obligations")


def batch_operation(kind: str, default_calendar: Any) -> Callable[[Any], Answer]:
    """The operation each line of a batch goes through: the same as its own endpoint."""
    if kind not in BATCH_KINDS:
        entry = {**field_problem("kind", "http.field.not_batch"), **_nearest(kind, BATCH_KINDS)}
        raise InputValidationError.from_key(
            "http.kind", kinds=", ".join(BATCH_KINDS), given=repr(kind[:40]), errors=[entry]
        )
    table: dict[str, Callable[[Any], Answer]] = {
        "assess": assess,
        "route": route,
        "dossier": dossier,
        "timeline": lambda body: timeline(body, default_calendar),
        "lifecycle": lambda body: lifecycle(body, default_calendar),
        "obligations": lambda body: obligations(body, default_calendar),
    }
    return table[kind]


def calendar(year_text: str, body: Any, default_calendar: Any) -> Answer:
    from sandbox_rules.calendar import VietnamCalendar
    from sandbox_rules.reference_records import calendar_year_record

    req: CalendarRequest = _validate(CalendarRequest, body or {}, "http.what.calendar")
    year = _int_param("year", year_text)
    cal: VietnamCalendar = _calendar(req.interpretations, req.overrides, default_calendar)
    return Answer(calendar_year_record(cal, year))


def _int_param(name: str, text: str) -> int:
    if not text.isascii() or not text.isdigit() or len(text) > 4:
        entry = {**field_problem(name, "http.field.not_a_year"), "type": "year"}
        raise InputValidationError.from_key(
            "http.year", name=name, given=repr(text[:20]), errors=[entry]
        )
    return int(text)


def law(citation: str) -> Answer:
    from sandbox_rules.reference_records import law_unit_record

    return Answer(law_unit_record(citation[:200]))


RULE_KINDS = ("condition", "routing", "dossier_item", "time_limit", "transition", "obligation")


def rules(kind: str | None = None) -> Answer:
    from sandbox_rules.reference_records import rules_record

    if kind is not None and kind not in RULE_KINDS:
        entry = {**field_problem("kind", "http.field.rule_kind"), **_nearest(kind, RULE_KINDS)}
        raise InputValidationError.from_key(
            "http.kind", kinds=", ".join(RULE_KINDS), given=repr(kind[:40]), errors=[entry]
        )
    return Answer(rules_record(kind))


def coverage() -> Answer:
    from sandbox_rules.reference_records import coverage_record

    return Answer(coverage_record())


def catalogue() -> Answer:
    from sandbox_rules.reference_records import catalogue_record

    return Answer(catalogue_record())


def interpretations() -> Answer:
    from sandbox_rules.interpretations import CATALOGUE, question_vi

    return Answer(
        [
            {
                "id": i.id,
                "citations": list(i.citations),
                "question_vi": question_vi(i.id),
                "question_en": i.question,
                "default": i.default,
                "options": dict(i.options),
                "reasoning": i.reasoning,
                "source": i.source,
            }
            for i in CATALOGUE
        ]
    )


def schema_names() -> list[str]:
    from sandbox_rules.schema import names

    return list(names())


def schema(name: str) -> Answer:
    from sandbox_rules.schema import json_schema

    names = schema_names()
    if name not in names:
        entry = {**field_problem("name", "http.field.no_schema"), **_nearest(name, names)}
        raise InputValidationError.from_key(
            "error.no_schema", given=repr(name[:40]), names=", ".join(names), errors=[entry]
        )
    return Answer(json_schema(name))


def _nearest(value: str, choices: Sequence[str]) -> dict[str, str]:
    near = difflib.get_close_matches(value, choices, 1)
    return {"suggestion": near[0]} if near else {}


def version() -> dict[str, Any]:
    """What ``sandbox-rules --version --json`` prints: the same versions, one definition."""
    from sandbox_rules.cli import version_info

    return version_info()
