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


def _cite_vi(cites: list[str], lang: str) -> str:
    from sandbox_rules.errors import SandboxRulesError
    from sandbox_rules.law.citation import Citation

    out = []
    for c in cites:
        base = c.split("-")[0].split("–")[0]
        try:
            cit = Citation.parse(base)
            out.append(cit.vi() if lang == "vi" else cit.en())
        except SandboxRulesError:
            out.append(c)
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


def _hint(ann: Any, lang: str) -> str:
    values = allowed_values(ann)
    a = _unwrap(ann)
    if a is bool:
        return t("template.bool", lang)
    if values:
        return t("template.one_of", lang, values=" | ".join(values))
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
            empty = "" if _admits_none(ann) else (" []" if _is_list(ann) else " {}")
            emit(i, f"{name}:{empty}" + (f"  # {comment}" if comment else ""))


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

    events = ", ".join((*_transition_events(), *RECORD_EVENTS))
    out = [f"# {t('template.scenario_head', lang)}", f"# {t('template.unknown_note', lang)}", ""]
    out.append(f"as_of:  # {t('template.as_of', lang)} — {t('template.date', lang)}")
    out.append(f"# {t('template.record', lang)}")
    out.append("record:")
    _fields(SandboxRecord, "record.", 2, lang, out)
    out.append(f"  # {t('template.event_types', lang, events=events)}")
    out.append("")
    out.append(f"# {t('template.timeline', lang, procedures=', '.join(PROCEDURES))}")
    for pid, proc in PROCEDURES.items():
        starts = sorted({s.starts for s in proc.steps} | set(proc.stop or ()))
        out.append(f"#   {pid}: {', '.join(starts)}")
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
    out.append(f"# {t('template.expect', lang)}")
    out.append("expect:")
    for name, info in Expect.model_fields.items():
        hint = _hint(info.annotation, lang)
        cites = _cite_vi(_clause_of(f"expect.{name}", info.description), lang)
        comment = " — ".join(x for x in (t(f"expect.{name}", lang), cites, hint) if x)
        out.append(f"  # {name}:  # {comment}")
    return "\n".join(out).rstrip() + "\n"


def template(what: str, lang: str = "vi", kind: str = "organisation") -> str:
    if what == "application":
        return application_template(lang, kind)
    if what == "scenario":
        return scenario_template(lang)
    return case_template(lang, kind)
