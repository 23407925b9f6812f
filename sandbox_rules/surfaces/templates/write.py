"""Commented templates (``sandbox-rules init``) of an application, a scenario and a case file,
generated from the input models' fields, the clause each fact serves (facts.py) and the
message tables, so a template cannot drift from what the library reads.

Every field is written empty (= unknown) with a comment naming it in the officer's terms,
the clause that asks for it and the values it accepts; list items are shown commented out.
A template parses and validates as it is.
"""

from __future__ import annotations

import re
import typing
from typing import Any

from pydantic import BaseModel

from sandbox_rules.i18n import messages, t
from sandbox_rules.surfaces.inputs import _unwrap, allowed_values, field_label

_CITE = re.compile(
    r"^((?:\d+\.\d+(?:\.par\d|\.[a-zđ])?(?:[-–][a-zđ])?)(?:,\s*\d+\.\d+(?:\.par\d|\.[a-zđ])?)*)\s*[:(]?"
)


def _clause_of(path: str, description: str | None) -> list[str]:
    from sandbox_rules.facts import SPECS

    for s in SPECS:
        if s.field == path:
            return list(s.asked_by)
    m = _CITE.match(description or "")
    if not m:
        return []
    return [c.strip() for c in m.group(1).split(",")]


# The points of a clause in the decree's order (Vietnamese alphabet: đ after d, no f, j, w, z).
_POINTS = [
    "a",
    "b",
    "c",
    "d",
    "đ",
    "e",
    "g",
    "h",
    "i",
    "k",
    "l",
    "m",
    "n",
    "o",
    "p",
    "q",
    "r",
    "s",
    "t",
    "u",
    "v",
    "x",
    "y",
]


def _cite_vi(cites: list[str], lang: str) -> str:
    """Clauses as prose; a range of points (9.1.a-c) names each point of it."""
    from sandbox_rules.errors import SandboxRulesError
    from sandbox_rules.law.citation import Citation

    out = []
    for c in cites:
        base, _, last = c.replace("–", "-").partition("-")
        try:
            cit = Citation.parse(base)
        except SandboxRulesError:
            out.append(c)
            continue
        text = cit.vi() if lang == "vi" else cit.en()
        first = base.rsplit(".", 1)[-1]
        if last in _POINTS and first in _POINTS and _POINTS.index(last) > _POINTS.index(first):
            points = _POINTS[_POINTS.index(first) : _POINTS.index(last) + 1]
            if lang == "vi":  # "điểm a khoản 1 Điều 9" -> "điểm a, b, c khoản 1 Điều 9"
                text = text.replace(f"điểm {first} ", f"điểm {', '.join(points)} ", 1)
            else:  # "Article 9(1)(a)" -> "Article 9(1)(a)-(c)"
                text = f"{text}-({last})"
        out.append(text)
    return "; ".join(out)


def _label(path: str, description: str | None, lang: str) -> str:
    parts = path.replace("[]", ".0").split(".")
    label = field_label([int(p) if p.isdigit() else p for p in parts], lang)
    if label is None:
        label = messages(lang).get(f"field.{path}")
    if label is None and lang == "en" and description:
        label = _CITE.sub("", description).strip() or None
    return label or path.rsplit(".", 1)[-1]


def _admits_none(ann: Any) -> bool:
    return type(None) in typing.get_args(ann) or ann is None


def _is_list(ann: Any) -> bool:
    return typing.get_origin(_unwrap(ann)) is list


def _item(ann: Any) -> Any:
    args = typing.get_args(_unwrap(ann))
    return _unwrap(args[0]) if args else None


def _model(ann: Any) -> type[BaseModel] | None:
    a = _unwrap(ann)
    return a if isinstance(a, type) and issubclass(a, BaseModel) else None


def _glossed(values: list[str], lang: str) -> str:
    """``a (its name) | b (its name)``: each code with its name in the language, if it has one."""
    out = []
    for v in values:
        name = messages(lang).get(f"value.{v}")
        same = name is None or name.lower() == v.replace("_", " ").lower()
        out.append(v if same else f"{v} ({name})")
    return " | ".join(out)


def _hint(ann: Any, lang: str) -> str:
    values = allowed_values(ann)
    a = _unwrap(ann)
    if a is bool:
        return t("template.bool", lang)
    if values:
        return t("template.one_of", lang, values=_glossed(values, lang))
    if _is_list(ann):
        return t("template.list", lang)
    name = getattr(a, "__name__", "")
    if name == "date":
        return t("template.date", lang)
    if name in ("int", "float"):
        return t("template.number", lang)
    return ""


def _fields(
    model: type[BaseModel],
    prefix: str,
    indent: int,
    lang: str,
    out: list[str],
    item: bool = False,
) -> None:
    """The fields of ``model`` at ``indent``; ``item``: as a commented-out list item."""
    pad = " " * indent

    def emit(i: int, text: str) -> None:
        if item:  # "  # - kind:" then "  #   field:"
            out.append(f"{pad}# {'- ' if i == 0 else '  '}{text}")
        else:
            out.append(f"{pad}{text}")

    for i, (name, info) in enumerate(model.model_fields.items()):
        path = f"{prefix}{name}"
        ann = info.annotation
        label = _label(path, info.description, lang)
        fixed = allowed_values(ann)
        if name == "kind" and typing.get_origin(_unwrap(ann)) is typing.Literal and len(fixed) == 1:
            emit(i, f"{name}: {fixed[0]}  # {label}")
            continue
        cites = _cite_vi(_clause_of(path, info.description), lang)
        comment = " — ".join(x for x in (label, cites, _hint(ann, lang)) if x)
        sub = _model(ann)
        if sub is not None and not _is_list(ann):
            emit(i, f"# {comment}")
            emit(1, f"{name}:")
            _fields(sub, f"{path}.", indent + 2, lang, out, item)
        elif _is_list(ann) and _model(_item(ann)) is not None:
            emit(i, f"# {comment}")
            emit(1, f"{name}:" + ("" if _admits_none(ann) else " []"))
            out.append(f"{pad}  # {t('template.item_example', lang)}")
            _fields(_model(_item(ann)) or BaseModel, f"{path}[].", indent + 2, lang, out, True)
        else:
            empty = "" if _admits_none(ann) else (" []" if _is_list(ann) else _example(path, ann))
            emit(i, f"{name}:{empty}" + (f"  # {comment}" if comment else ""))
            if _is_list(ann):  # what an item of a list of values looks like
                for line in _value_items(path, ann, lang):
                    out.append(f"{pad}  # {line}")


# A valid value for the fields a list item cannot leave empty, so that an item uncommented as
# the template shows it is read as it is (never a placeholder such as {}).
_EXAMPLES = {"record.events[].type": "testing_started"}


def _example(path: str, ann: Any) -> str:
    if path in _EXAMPLES:
        return f" {_EXAMPLES[path]}"
    values = allowed_values(ann)
    if values:
        return f" {values[0]}"
    if getattr(_unwrap(ann), "__name__", "") == "date":
        return " 2026-06-01"
    if typing.get_origin(_unwrap(ann)) is dict:
        return " {}"  # an empty mapping: nothing chosen
    return ""


def _value_items(path: str, ann: Any, lang: str) -> list[str]:
    """The lines showing the items of a list of values: each accepted document of the
    issuance filing (from the dossier items' own names), or one of the values allowed."""
    if path == "submission.documents":
        from sandbox_rules.dossier_names import accepted_names

        lines = [t("template.documents_head", lang)]
        for citation, codes, names in accepted_names("issuance"):
            lines.append(
                "- "
                + codes[0]
                + "  # "
                + t(
                    "template.documents_item",
                    lang,
                    citation=_cite_vi([citation], lang),
                    codes=", ".join(codes),
                    names="», «".join(names),
                )
            )
        return lines
    values = allowed_values(_item(ann))
    if values:
        return [
            t("template.item_example", lang),
            f"- {values[0]}  # {t('template.one_of', lang, values=_glossed(values, lang))}",
        ]
    return []


def application_template(lang: str = "vi", kind: str = "organisation") -> str:
    from sandbox_rules.models import Application, Individual, Organisation

    out = [f"# {t('template.application_head', lang)}", f"# {t('template.unknown_note', lang)}", ""]
    applicant = Organisation if kind == "organisation" else Individual
    for name, info in Application.model_fields.items():
        if name == "applicant":
            out.append(
                f"# {_label('applicant.kind', None, lang)} — {_cite_vi(['9.1', '9.2'], lang)}"
            )
            out.append("applicant:")
            _fields(applicant, "applicant.", 2, lang, out)
            continue
        if name == "interpretations":
            out.append(f"# {t('template.interpretations', lang)}")
            out.append("interpretations: {}")
            continue
        sub = _model(info.annotation)
        label = _label(name, info.description, lang)
        if sub is not None:
            out.append(f"# {label}")
            out.append(f"{name}:")
            _fields(sub, f"{name}.", 2, lang, out)
        else:
            _fields(_Only.of(Application, name), "", 0, lang, out)
        out.append("")
    return "\n".join(out).rstrip() + "\n"


class _Only:
    """One field of a model, as a model of its own, to render it alone."""

    @staticmethod
    def of(model: type[BaseModel], name: str) -> type[BaseModel]:
        from pydantic import create_model

        info = model.model_fields[name]
        made: type[BaseModel] = create_model(f"_{name}", **{name: (info.annotation, info)})  # type: ignore[call-overload]
        return made


def scenario_template(lang: str = "vi") -> str:
    from sandbox_rules.lifecycle import RECORD_EVENTS, SandboxRecord, _transition_events
    from sandbox_rules.procedures import PROCEDURES
    from sandbox_rules.rules import registry

    out = [f"# {t('template.scenario_head', lang)}", f"# {t('template.unknown_note', lang)}", ""]
    out.append(f"as_of:  # {t('template.as_of', lang)} — {t('template.date', lang)}")
    out.append(f"# {t('template.record', lang)}")
    out.append("record:")
    _fields(SandboxRecord, "record.", 2, lang, out)
    out.append(f"  # {t('template.event_types_head', lang)}")
    for event in dict.fromkeys((*_RECORD_ORDER, *_transition_events(), *RECORD_EVENTS)):
        out.append(f"  #   {event} — {_event_name(event, lang)}")
    out.append("")
    out.append(f"# {t('template.timeline', lang, procedures=', '.join(PROCEDURES))}")
    for pid, proc in PROCEDURES.items():
        clause = pid.rsplit("-", 1)[-1]
        out.append(
            f"#   {t('template.timeline_events', lang, procedure=pid, clause=_cite_vi([clause], lang))}"
        )
        for event in timeline_events(proc):
            out.append(f"#     {event} — {_event_name(event, lang)}")
    out.append("# timeline:")
    out.append("#   procedure: issuance-12.3")
    out.append("#   events:")
    out.append("#     dossier_complete: 2026-06-01")
    out.append("")
    out.append(f"# {t('template.compliance', lang)}")
    out.append("# compliance:")
    duties = sorted(
        {
            str(r.outcome["fact"])
            for r in registry()
            if str(r.outcome.get("fact", "")).startswith("duty.")
        }
        | {"duty.other-law"}
    )
    out.extend(f"#   {d}: true" for d in duties)
    return "\n".join(out).rstrip() + "\n"


# Record events in the order a sandbox's life usually brings them (the rest follow).
_RECORD_ORDER = (
    "dossier_received",
    "dossier_complete",
    "consultation_sent",
    "certificate_issued",
    "testing_started",
    "quarterly_report_submitted",
    "inspection_ended",
    "remediation_done",
    "incident_found",
    "incident_phoned",
    "incident_report_submitted",
    "adjustment_requested",
    "adjustment_approved",
    "extension_requested",
    "results_report_submitted",
    "extension_approved",
    "conclusion_requested",
    "concluded",
)


def _event_name(event: str, lang: str) -> str:
    return messages(lang).get(f"event.{event}") or event


def timeline_events(proc: Any) -> list[str]:
    """The events ``timeline`` takes for a procedure, in the order of its steps: each step's
    start and end (a clock stop's request and answer with its step), and the day the
    consulted units received the request where a reading counts from it."""
    out: list[str] = []
    for spec in proc.steps:
        for event in (spec.starts, spec.ends):
            if event not in out:
                out.append(event)
            if (
                event == "consultation_sent"
                and "consultation_received" not in out
                and any("reply-period-start" in s.rule.interpretations for s in proc.steps)
            ):
                out.append("consultation_received")
    for event in proc.stop or ():
        if event not in out:
            out.append(event)
    return out


def case_template(lang: str = "vi", kind: str = "organisation") -> str:
    from sandbox_rules.surfaces.casefiles.model import Expect

    out = [f"# {t('template.case_head', lang)}", f"# {t('template.case_note', lang)}", ""]
    out.append(f"name: {t('template.case_name', lang)}")
    out.append(f"# {t('template.clauses', lang)}")
    out.append("clauses: []")
    out.append(f"# {t('template.xfail', lang)}")
    out.append("# xfail: ...")
    out.append(f"# {t('template.from', lang)}")
    out.append("# from: ../org-hanoi-one-source.yaml")
    out.append("application:")
    app = application_template(lang, kind).splitlines()
    out.extend(f"  {line}" if line else "" for line in app[3:])
    out.append("")
    out.extend(_case_inputs(lang))
    out.append("")
    out.append(f"# {t('template.expect', lang)}")
    out.append("expect:")
    for name, info in Expect.model_fields.items():
        hint = _expect_hint(name, info.annotation, lang)
        cites = _cite_vi(_clause_of(f"expect.{name}", info.description), lang)
        comment = " — ".join(x for x in (t(f"expect.{name}", lang), cites, hint) if x)
        out.append(f"  # {name}:  # {comment}")
    return "\n".join(out).rstrip() + "\n"


def _case_inputs(lang: str) -> list[str]:
    """The case's other inputs, commented out (trial 2, A16): a record and its day, a
    timeline, a dossier, a compliance table; each as the matching ``init`` template has it."""
    from sandbox_rules.procedures import PROCEDURES

    return [
        f"# {t('template.case_record', lang)}",
        "# record:",
        "#   issued_on: 2026-03-02  # " + t("template.date", lang),
        "#   approved_months: 24",
        "#   applicant_kind: organisation",
        "#   events:",
        "#     - type: testing_started",
        "#       date: 2026-03-10",
        f"# as_of: 2026-12-01  # {t('template.as_of', lang)} — {t('template.date', lang)}",
        f"# {t('template.timeline', lang, procedures=', '.join(PROCEDURES))}",
        "# timeline:",
        "#   procedure: issuance-12.3",
        "#   events:",
        "#     dossier_complete: 2026-06-01",
        f"# {t('template.case_dossier', lang)}",
        "# dossier:",
        "#   procedure: issuance  # issuance | reissue | adjustment | extension | conclusion",
        "#   documents: [HĐTN01, plan]",
        f"# {t('template.compliance', lang)}",
        "# compliance:",
        "#   duty.18.3.quarterly: true",
        "#   duty.18.4.results-report: true",
    ]


def _expect_hint(name: str, ann: Any, lang: str) -> str:
    """What an expectation takes: a mapping's keys and values (due, step_status, obligations
    ...), the pair of dates of extension_window, an error's code; else the field's type."""
    from typing import get_args

    if messages(lang).get(f"template.expect_form.{name}") is None:
        return _hint(ann, lang)
    args = get_args(_unwrap(ann))
    values = _hint(args[1], lang) if len(args) == 2 else ""
    return t(f"template.expect_form.{name}", lang, values=values)


def template(what: str, lang: str = "vi", kind: str = "organisation") -> str:
    if what == "application":
        return application_template(lang, kind)
    if what == "scenario":
        return scenario_template(lang)
    return case_template(lang, kind)
