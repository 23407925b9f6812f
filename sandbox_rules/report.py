"""Readable reports for legal staff: Vietnamese by default, English on request.

Every line cites Điều/khoản/điểm; failed and undecided conditions quote the clause; missing
facts name the clause that asks for them; interpretations used are stated plainly.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Iterable, Mapping
from typing import Any

from sandbox_rules.errors import SandboxRulesError
from sandbox_rules.i18n import fmt_date, messages, t, table
from sandbox_rules.interpretations import get as get_interpretation
from sandbox_rules.law.citation import Citation
from sandbox_rules.outcomes import Assessment, DossierCheck, PartAnswer, Routing
from sandbox_rules.records import Consultee, IssuedDocument

MARK = {"met": "✓", "not_met": "✗", "unknown": "?", "not_applicable": "–"}

# The report's words are in the message tables (sandbox_rules/i18n/vi.toml, en.toml); the
# legal texts (statements, quoted clauses, notes) come from the rules and records.


def _wrap(text: str, indent: str = "      ") -> str:
    return textwrap.fill(text, width=100, initial_indent=indent, subsequent_indent=indent)


def _interpretations(used: dict[str, str], lang: str) -> list[str]:
    from sandbox_rules.interpretations import option_vi, question_vi

    if not used:
        return []
    lines = ["", t("report.interpretations_head", lang)]
    for key, option in sorted(used.items()):
        item = get_interpretation(key)
        mark = t(
            "report.interpretation_default"
            if option == item.default
            else "report.interpretation_chosen",
            lang,
        )
        # In Vietnamese, the question and what the option chosen means; in English the meaning.
        if lang == "vi":
            detail = f"{question_vi(key)} → {option_vi(key, option)}"
        else:
            detail = item.options[option]
        line = t(
            "report.interpretation_line", lang, detail=detail, key=key, option=option, mark=mark
        )
        lines.append(f"  - {line}")
    return lines


def _notes(rule_ids: tuple[str, ...], lang: str) -> list[str]:
    """Standing notes of the decree (8.1, 21.1, 16.5) that frame a result."""
    from sandbox_rules.rules import registry

    out = []
    for rid in rule_ids:
        r = registry().get(rid)
        cite = r.citation.vi() if lang == "vi" else r.citation.en()
        text = r.statement_vi if lang == "vi" else r.statement_en
        out.append(t("report.note", lang, citation=cite, text=text))
    return out


def _consulted_and_issued(
    consultees: Iterable[Consultee], issues: IssuedDocument | None, lang: str
) -> list[str]:
    """Who is consulted (12.3.b, 12.4.b, 13.3.b, 16.3.b) and what the authority issues, with
    its forms (12.3.d, 12.4.d, 16.3.d)."""
    from sandbox_rules.law.citation import Citation

    vi = lang == "vi"
    out = []
    for c in consultees:
        cite = Citation.parse(c.citation)
        names = f": {', '.join(c.names)}" if c.names else ""
        out.append(
            t(
                "report.consulted",
                lang,
                name=c.name_vi if vi else c.name_en,
                names=names,
                citation=cite.vi() if vi else cite.en(),
            )
        )
    if issues:
        cite = Citation.parse(issues.citation)
        forms = issues.forms
        shown = ""
        if forms:
            shown = " — " + t(
                "report.forms",
                lang,
                organisation=forms["organisation"],
                individual=forms["individual"],
            )
        out.append(
            t(
                "report.issued",
                lang,
                name=issues.name_vi if vi else issues.name_en,
                forms=shown,
                citation=cite.vi() if vi else cite.en(),
            )
        )
    return out


def cite(code: str, lang: str) -> str:
    """A clause as a reader writes it in prose: «điểm a khoản 1 Điều 12», «Article 12(1)(a)»
    (reports write every citation so, never the short code, which stays in JSON)."""
    try:
        return Citation.parse(code).render(lang)
    except SandboxRulesError:  # not a clause of the chapter (none expected): as given
        return code


def cites(codes: Iterable[str], lang: str) -> str:
    return ", ".join(cite(c, lang) for c in codes)


_ITEM = re.compile(r"\[(\d+)\]")


def counted_from_one(path: str | None) -> str:
    """A field path as people read it, each list item counted from 1
    (``scope.testing_spaces[0].kind`` -> ``scope.testing_spaces[1].kind``), as the interview,
    the routing and the errors count; JSON keeps its data paths, counted from 0."""
    return _ITEM.sub(lambda m: f"[{int(m.group(1)) + 1}]", path or "")


def _missing_lines(items: Any, lang: str, sources: Any = ()) -> list[str]:
    out = []
    for d in items:
        label = d.label_vi if lang == "vi" else d.label_en
        where = missing_items(d.field, sources)
        field = ", ".join(path for path, _, _ in where) or counted_from_one(d.field) or d.fact
        line = f"  - {label} — {field} ({cites(d.asked_by, lang)})"
        if where:
            named = [
                t("routing.missing_item", lang, n=n, name=f" «{name}»" if name else "")
                for _, n, name in where
            ]
            line += ": " + "; ".join(named)
        out.append(line)
    return out


_SOURCE_FIELD = {
    "defence_or_cipher": "defence_or_cipher",
    "owning_unit": "owning_unit",
    "managed_by": "managed_by_given",
}


def missing_items(field: str | None, sources: Any) -> list[tuple[str, int, str | None]]:
    """A missing fact of the data sources, item by item: for ``data_sources[].X`` the
    sources (of a routing record, as records or dicts) whose ``X`` is not given, each as its
    path with the item counted from 1 (``data_sources[3].defence_or_cipher``), its number and
    its name. Empty for any other field."""
    if not field or not field.startswith("data_sources[]."):
        return []
    name = field[len("data_sources[].") :]
    key = _SOURCE_FIELD.get(name)
    if key is None:
        return []
    out = []
    for i, s in enumerate(sources or (), 1):
        value = s.get(key) if isinstance(s, dict) else getattr(s, key, None)
        if value is None:
            label = s.get("name") if isinstance(s, dict) else getattr(s, "name", None)
            out.append((f"data_sources[{i}].{name}", i, label))
    return out


def _provenance(law_version: str, lang: str) -> str:
    from sandbox_rules import __version__

    return t("report.versions", lang, version=__version__, law=law_version[:16])


def _part_line(p: PartAnswer, lang: str) -> str:
    title = t(f"assessment.part.{p.part}", lang)
    answer = t(f"assessment.answer.{p.answer}", lang)
    line = f"  - {title}: {answer}"
    if p.failed:
        failed = cites([c for ref in p.failed for c in ref.citations], lang)
        word = t("assessment.plan_missing" if p.part == "plan" else "assessment.not_met", lang)
        line += f" — {word}: {failed}"
    return line


def _next_step(a: Assessment, lang: str) -> list[str]:
    """What follows from the three answers, in the decree's words."""
    out: list[str] = []
    if a.conditions.answer == "ineligible":
        out.append("  → " + t("assessment.ineligible", lang))
    if a.scope.answer == "outside":
        out.append("  → " + t("assessment.outside", lang))
    if a.plan.answer == "incomplete":
        out.append("  → " + t("assessment.incomplete", lang))
    return out


def render_assessment(a: Assessment, lang: str = "vi", *, show_all: bool = False) -> str:
    lines = [
        t("assessment.head", lang),
        t("assessment.basis", lang),
        "",
        t("assessment.conclusion", lang),
    ]
    lines += [_part_line(p, lang) for p in a.parts]
    lines += _next_step(a, lang)
    for topic, findings in a.by_topic().items():
        shown = [f for f in findings if show_all or f.status != "not_applicable"]
        if not shown:
            continue
        lines += [
            "",
            f"[{table('assessment.topic', lang).get(topic, topic)}]",
        ]
        for f in shown:
            r = f.rule
            cite = "; ".join(c.vi() if lang == "vi" else c.en() for c in r.citations)
            status = t(f"assessment.status.{f.status}", lang)
            stmt = r.statement_vi if lang == "vi" else r.statement_en
            lines.append(f"  {MARK[f.status]} {cite}: {stmt} — {status}")
            if f.status in ("not_met", "unknown"):
                from sandbox_rules.law.text import load_law

                for c in r.citations:
                    quote = load_law().resolve(c).quote(260)
                    label = t("assessment.quote", lang, citation=c.render(lang))
                    lines.append(_wrap(f"{label}: “{quote}”"))
            if f.status == "unknown":
                need = t("assessment.need", lang)
                for m in f.missing_facts:
                    label = m.label_vi if lang == "vi" else m.label_en
                    lines.append(f"      → {need}: {label} [{counted_from_one(m.field) or m.fact}]")
    missing = a.missing_facts
    if missing:
        lines += ["", t("assessment.still_needed", lang)]
        lines += _missing_lines(missing, lang)
    lines += _interpretations(dict(a.interpretations_used), lang)
    lines += [
        "",
        *_notes(
            ("principle.8.1.other-law", "principle.8.6.not-yet-regulated", "note.21.1.exemptions"),
            lang,
        ),
    ]
    lines += ["", _provenance(a.law_version, lang)]
    return "\n".join(lines)


def render_routing(r: Routing, lang: str = "vi") -> str:
    lines = [t("routing.head", lang), t("routing.basis", lang), ""]
    if r.status != "determined":
        lines.append(t("routing.undetermined", lang))
        lines += _missing_lines(r.missing_facts, lang, r.sources)
    if r.authority:
        a = r.authority
        title = a.title_vi if lang == "vi" else a.title_en
        lines.append(t("routing.authority", lang, title=title, citation=cite(a.citation, lang)))
        note = a.delegation_note_vi if lang == "vi" else a.delegation_note_en
        lines.append(f"  ({note})")
    if r.procedure:
        clause = str(r.procedure).replace("12.", "")
        lines.append(t("routing.procedure", lang, clause=clause))
    if r.file_with:
        where = r.file_with.vi if lang == "vi" else r.file_with.en
        lines.append(t("routing.file_with", lang, where=where))
    if r.methods:
        methods = ", ".join(t(f"routing.method.{m}", lang) for m in r.methods)
        lines.append(t("routing.methods", lang, methods=methods))
    lines += _consulted_and_issued(list(r.consultees or ()), r.issues, lang)
    for note in r.notes if lang == "vi" or not r.notes_en else r.notes_en:
        lines.append(t("routing.note", lang, text=note))
    lines += _source_lines(r, lang)
    if r.citations:  # none while the routing is undetermined
        lines.append(t("routing.clauses", lang, citations=cites(r.citations, lang)))
    lines += _interpretations(dict(r.interpretations_used or {}), lang)
    lines += ["", _provenance(r.law_version, lang)]
    return "\n".join(lines)


def _source_lines(r: Routing, lang: str) -> list[str]:
    """Each data source: the managing body as written and the body it was matched to."""
    if not r.sources:
        return []
    out = [t("report.sources_head", lang)]
    for i, s in enumerate(r.sources, 1):
        body = (
            t("report.source_body", lang, name=s.body.name, code=s.body.code)
            if s.body
            else t("report.source_no_body", lang)
        )
        given = (
            f"«{s.managed_by_given}»" if s.managed_by_given else t("report.source_not_given", lang)
        )
        name = s.name or t("report.source_unnamed", lang)
        out.append(f"  {i}. {name}: {given} → {body}")
    return out


def render_dossier(d: DossierCheck, lang: str = "vi") -> str:
    procedure = t(f"dossier.procedure.{d.procedure}", lang).upper()
    lines = [t("dossier.head", lang, procedure=procedure), ""]
    plan_heading = False
    for item in d.items:
        if item.item == "plan_content" and not plan_heading:
            plan_heading = True
            lines += ["", t("dossier.plan_head", lang)]
        label = item.label_vi if lang == "vi" else item.label_en
        st = t(f"dossier.status.{item.status}", lang)
        cond = f" ({t('dossier.conditional', lang)})" if item.conditional else ""
        # How to write a document not (yet) counted in the file's ``documents``; nothing for
        # one already there (the code beside it read as if filed, trial 2 A17).
        docs = (
            ""
            if item.item == "plan_content" or item.status == "present"
            else " — "
            + t(
                "dossier.accepted_codes",
                lang,
                codes=", ".join(accepted_names(item.rule_id, item.accepted, lang)),
            )
        )
        lines.append(
            f"  [{st}] {item.citation_vi if lang == 'vi' else item.citation}: {label}{cond}{docs}"
        )
    verdict = {True: "dossier.complete", False: "dossier.incomplete", None: "dossier.undetermined"}
    lines += ["", t(verdict[d.complete], lang)]
    lines += _unknown_document_lines(d, lang)
    lines += _interpretations(dict(d.interpretations_used), lang)
    return "\n".join(lines)


def accepted_names(rule_id: str, accepted: Iterable[str], lang: str = "vi") -> list[str]:
    """The names a dossier item is accepted under, as Vietnamese prose gives them: a form by
    its code (HĐTN08), a document with no form by its name with its code after it
    («Phương án thử nghiệm có kiểm soát» (plan)); English keeps the codes."""
    if lang != "vi":
        return list(accepted)
    from sandbox_rules.dossier_names import items

    found = next((it for it in items() if it.rule_id == rule_id), None)
    out = []
    for code in accepted:
        if code.startswith("HĐTN") or found is None or not found.names:
            out.append(code)
        else:
            out.append(f"«{found.names[0]}» ({code})")
    return out


def _unknown_document_lines(d: DossierCheck, lang: str) -> list[str]:
    return dossier_warnings(d.to_dict(), lang)


def dossier_warnings(d: Any, lang: str = "vi") -> list[str]:
    """The warnings of a dossier record (its dict form): documents none of the filing's, and
    forms the other kind of applicant files (``form-order`` says whose each form is)."""
    out = []
    for u in d.get("unrecognised") or ():
        out.append(_unrecognised_line(u, d, lang))
    for f in d.get("other_kind_forms") or ():
        cite = Citation.parse(f["citation"])
        reading = f.get("interpretation") or ""
        out.append(
            t(
                "report.other_kind_form",
                lang,
                given=f["given"],
                kind=t(f"value.{f['form_of']}", lang),
                citation=cite.vi() if lang == "vi" else cite.en(),
                reading=t("report.other_kind_reading", lang, reading=reading) if reading else "",
                applicant=t(f"value.{d.get('applicant_kind')}", lang),
                expected=f["expected"],
            )
        )
    return out


def _unrecognised_line(u: Any, d: Any, lang: str) -> str:
    """One document given that the filing does not count, and why: none of its documents
    (with the nearest name), two forms' codes or two documents in one name, or a document
    of another procedure's filing (with the --procedure that checks it)."""
    given, reason = u["given"], u.get("reason") or "unknown"
    codes = ", ".join(u.get("codes") or ())
    if reason == "ambiguous" and len(u.get("codes") or ()) > 1:
        return t("report.document_codes", lang, given=given, codes=codes)
    if reason == "ambiguous":
        items = "; ".join(_dossier_item_name(r, d, lang) for r in u.get("candidates") or ())
        return t("report.document_ambiguous", lang, given=given, items=items)
    if reason == "other_procedure":
        procs = list(u.get("procedures") or ())
        names = [t(f"dossier.procedure.{p}", lang) for p in procs]
        if len(names) > 1:
            names = [", ".join(names[:-1]) + t("report.document_or", lang) + names[-1]]
        return t(
            "report.document_other_procedure",
            lang,
            given=given,
            procedures="".join(names),
            option=" | ".join(procs),
        )
    if u.get("codes"):
        return t("report.document_not_a_form", lang, given=given, codes=codes)
    hint = (
        t("report.unknown_document_hint", lang, name=u["suggestion"]) if u.get("suggestion") else ""
    )
    return t("report.unknown_document", lang, given=given) + hint


def _dossier_item_name(rule_id: str, d: Any, lang: str) -> str:
    """A document of a filing as a warning names it: its clause and its form (the applicant's,
    where the kind is known) or document code — ``điểm a khoản 2 Điều 12: HĐTN01``."""
    from sandbox_rules.dossier_names import items

    found = next((it for it in items() if it.rule_id == rule_id), None)
    if found is None:
        return rule_id
    cite = Citation.parse(found.citation)
    order = (d.get("interpretations_used") or {}).get("form-order") or "listed-order"
    kind = d.get("applicant_kind")
    code = found.form(order, kind) if kind else None
    codes = [code] if code else sorted(found.codes) or [found.document or ""]
    return f"{cite.vi() if lang == 'vi' else cite.en()}: {', '.join(codes)}"


def _day(value: Any, vi: bool) -> str:
    """A date of a record's dict (ISO text) as the report's language writes it."""
    from datetime import date as _date

    if value is None:
        return "—"
    try:
        d = value if isinstance(value, _date) else _date.fromisoformat(str(value))
    except ValueError:
        return str(value)
    return fmt_date(d, "vi" if vi else "en")


def _word(table: str, code: str, vi: bool) -> str:
    """A code (status, event, state) in the report's language, from the message tables."""
    return messages("vi" if vi else "en").get(f"{table}.{code}", code.replace("_", " "))


def render_timeline(tl: Any, lang: str = "vi", explain: bool = False) -> str:
    d = tl.to_dict(explain=explain)
    vi = lang == "vi"
    lines = [
        d["title_vi"] if vi else d["title_en"],
        t("timeline.as_of", lang, date=_day(d["as_of"], vi)),
        "",
    ]
    working_days = t("timeline.unit.working_days", lang)
    for s in d["steps"]:
        status = t(f"timeline.status.{s['status']}", lang)
        period = f"{s['period']['n']} {t('timeline.unit.' + s['period']['unit'], lang)}"
        head = f"- {s['citation_vi'] if vi else s['citation']}: {s['label_vi'] if vi else s['label_en']} ({period})"
        lines.append(head)
        if s["start"]:
            assumed = f" ({t('timeline.assumed', lang)})" if s["start_assumed"] else ""
            provisional = f" ({t('timeline.provisional', lang)})" if s["provisional"] else ""
            lines.append(
                f"    {t('timeline.from', lang)} {_day(s['start'], vi)}{assumed} → "
                f"{t('timeline.due', lang)} {_day(s['due'], vi)}{provisional}"
            )
        if s["actual"]:
            lines.append(f"    {t('timeline.actual', lang)}: {_day(s['actual'], vi)}")
        extra = ""
        if s["late_working_days"]:
            extra = f" — {s['late_working_days']} {working_days}"
        if s["clock_stopped_working_days"]:
            extra += "; " + t("timeline.clock_stopped", lang, n=s["clock_stopped_working_days"])
        lines.append(f"    {t('timeline.status_label', lang)}: {status}{extra}")
        note = s["note_vi"] if vi else s["note_en"]
        if note:
            lines.append(f"    {note}")
        for step in s.get("explanation", []):
            lines.append(
                f"      {_day(step['date'], vi)} {_word('step', step['action'], vi):<8} {step['reason_vi'] if vi else step['reason_en']}"
            )
    if d["worst_case_end"]:
        lines += ["", t("timeline.worst_case", lang, date=_day(d["worst_case_end"], vi))]
    if d["open_end_vi"]:
        lines.append(d["open_end_vi"] if vi else d["open_end_en"])
    lines += [
        "",
        *_consulted_and_issued(
            tl.procedure.consultees, tl.procedure.issues.record(tl.interpretations), lang
        ),
    ]
    for n in d["notes"]:
        lines.append(
            t(
                "timeline.note",
                lang,
                citation=cite(n["citation"], lang),
                text=n["vi"] if vi else n["en"],
            )
        )
    lines += _interpretations(d["interpretations_used"], lang)
    if d["procedure"] == "conclusion-16.3":
        lines += ["", *_notes(("note.16.5.no-licence",), lang)]
    return "\n".join(lines)


def __getattr__(name: str) -> Any:
    """``STATE_VI``: the Vietnamese names of the lifecycle states, from the message tables
    (read when first asked for; kept for the surfaces that import it)."""
    if name == "STATE_VI":
        return table("state", "vi")
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _rule_clauses(rule_id: str, lang: str) -> str:
    """The clauses a transition rests on, as prose writes them (its id is a code for machines)."""
    from sandbox_rules.rules import registry

    try:
        rule = registry().get(rule_id)
    except SandboxRulesError:  # not a rule of the registry (none expected): its id
        return rule_id
    return cites([c.short for c in rule.citations], lang)


def _started_line(started_on: Any, state: str, lang: str) -> str:
    """15.1.b: whether testing has started, tracked apart from the state."""
    if started_on is not None:
        return t("lifecycle.started", lang, date=fmt_date(started_on, lang))
    if state in ("issued", "adjusted", "extended"):
        return t("lifecycle.not_started", lang)
    return ""


def render_lifecycle(st: Any, schedule: Any | None, duty: Any | None, lang: str = "vi") -> str:
    d = st.to_dict()
    vi = lang == "vi"
    lines = [
        t("lifecycle.head", lang, date=_day(d["as_of"], vi)),
        t("lifecycle.state", lang, state=t(f"state.{d['state']}", lang)),
        _started_line(st.testing_started_on, d["state"], lang),
        "",
    ]
    for h in d["history"]:
        lines.append(
            f"  {_day(h['on'], vi)} {_word('event', h['event'], vi)}: "
            f"{_word('value', h['from'], vi)} → {_word('value', h['to'], vi)}"
            + (f" ({_rule_clauses(h['rule_id'], lang)})" if h["rule_id"] else "")
        )
    lines.append("")
    if d["end"]:
        extended = (
            f" ({t('lifecycle.extended_to', lang, date=_day(d['extended_end'], vi))})"
            if d["extended_end"]
            else ""
        )
        period = t(
            "lifecycle.period",
            lang,
            start=_day(d["testing_start"], vi),
            end=_day(d["approved_end"], vi),
        )
        lines.append(f"{period}{extended} ({cite('10.2', lang)})")
    if d["extension_window"]:
        w = d["extension_window"]
        window = t(
            "lifecycle.extension_window", lang, start=_day(w["start"], vi), end=_day(w["end"], vi)
        )
        lines.append(f"{window} ({cite('14.1', lang)})")
    if d["results_report_due"]:
        due = t("lifecycle.results_due", lang, date=_day(d["results_report_due"], vi))
        lines.append(f"{due} ({cite('18.4', lang)})")
    for g in d["revocation_grounds"]:
        ground = t(
            "lifecycle.ground",
            lang,
            citation=g["citation_vi"] if vi else g["citation"],
            detail=g["detail_vi"] if vi else g["detail_en"],
            arose=_day(g["arose_on"], vi),
            due=_day(g["decision_due"], vi)
            + (f" ({t('timeline.provisional', lang)})" if g.get("decision_provisional") else ""),
        )
        lines.append(f"{ground} ({cite('15.2', lang)}) — {g['decided_by']}")
    to_confirm = t("report.to_confirm", lang)
    for g in d["undetermined_grounds"]:
        lines.append(
            t(
                "lifecycle.undetermined_ground",
                lang,
                citation=g["citation_vi"] if vi else g["citation"],
                detail=g["detail_vi"] if vi else g["detail_en"],
            )
        )
        for m in g["missing_facts"]:
            lines.append(
                f"  {to_confirm}: "
                f"{m['label_vi'] if vi else m['label_en']} ({m['field']}; {cites(m['asked_by'], lang)})"
            )
    for w in d.get("warnings_vi") or d["warnings"] if vi else d["warnings"]:
        lines.append(t("lifecycle.warning", lang, text=w))
    if schedule is not None:
        lines += ["", t("lifecycle.obligations", lang)]
        for i in schedule.items:
            if i.id.startswith("risk-assessment") or (
                i.status == "informational" and i.id.startswith("yearly")
            ):
                continue
            lines.append(obligation_line(i, lang))
    if duty is not None:
        dd = duty.to_dict()
        e = dd["exemption"]
        verdict = {
            True: "lifecycle.exempt",
            False: "lifecycle.not_exempt",
            None: "lifecycle.exempt_undetermined",
        }[e["exempt"]]
        lines += [
            "",
            t(
                "lifecycle.exemption",
                lang,
                citation=cite(e["citation"], lang),
                verdict=t(verdict, lang),
            ),
        ]
        in_the_way = t("lifecycle.in_the_way", lang)
        for o in e["standing_in_way"]:
            lines.append(f"  {in_the_way}: {obstacle_text(o, lang)}")
        for m in e["missing"]:
            lines.append(f"  {to_confirm}: {m}")
    if d["state"] == "concluded" or any("16.1.b" in w for w in d["warnings"]):
        lines += ["", *_notes(("note.16.5.no-licence",), lang)]
    # The schedule and the exemption read texts of their own (19.2, 17.2, 22): name them too.
    used = dict(d["interpretations_used"])
    for part in (schedule, duty):
        if part is not None:
            used.update(part.to_dict()["interpretations_used"])
    lines += _interpretations(dict(sorted(used.items())), lang)
    return "\n".join(lines)


def obstacle_text(o: Mapping[str, Any], lang: str = "vi") -> str:
    """One duty standing in the way of an exemption (Art. 22), as ``lifecycle``, ``test`` and
    the report all say it: clause, title, what is wrong with it (and its day)."""
    vi = lang == "vi"
    return (
        f"{cite(o['citation'], lang)} {o['title_vi'] if vi else o['title_en']} — "
        + t(f"lifecycle.duty.{o['status']}", lang)
        + (f" ({_day(o['due'], vi)})" if o.get("due") else "")
    )


def obstacles_text(exemption: Mapping[str, Any], lang: str = "vi") -> str | None:
    """Why an exemption was refused: its obstacles, one after the other; None otherwise."""
    if exemption.get("exempt") is not False or not exemption.get("standing_in_way"):
        return None
    return t(
        "lifecycle.refused_why",
        lang,
        items="; ".join(obstacle_text(o, lang) for o in exemption["standing_in_way"]),
    )


def obligation_line(i: Any, lang: str = "vi") -> str:
    """One obligation: when (a day, or a window), status, clause, title."""
    vi = lang == "vi"
    if i.due is not None:
        when = _day(i.due, vi)
        if i.provisional:  # counted on a year without an official schedule, as deadline says
            when += f" ({t('timeline.provisional', lang)})"
    elif i.window is not None:
        when = f"{_day(i.window[0], vi)}..{_day(i.window[1], vi)}"
    else:
        when = ""
    status = _word("value", i.status, vi)
    return f"  {when:<24}  {status:<18} {cite(i.citation, lang):<16} {i.title_vi if vi else i.title_en}"
