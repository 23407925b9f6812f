"""The decision report: ``sandbox-rules report FILE --html out.html [--pdf out.pdf]``.

An appraisal note for an application, a scenario or a case file: the answers with each
finding and its clause quoted, the missing facts with the clause asking for each, the
authority and procedure with how each data source matched, the dossier checklist, the
procedure timelines and obligations drawn as inline SVG, the interpretations used and the
provenance. One self-contained HTML page (no network, no external fonts or scripts), Jinja2
with autoescape, Vietnamese by default; the PDF is the same page laid out by WeasyPrint.
Extras: ``report`` (jinja2), ``pdf`` (weasyprint).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

from sandbox_rules.errors import InputValidationError, OptionalDependencyError
from sandbox_rules.i18n import table
from sandbox_rules.surfaces.report.build import (
    ReportInput,
    build,
    build_case,
    clause,
    missing_facts,
    read_input,
    read_inputs,
)
from sandbox_rules.surfaces.report.i18n import filled, fmt_date, t
from sandbox_rules.surfaces.report.pictures import (
    obligations_figure,
    timeline_figure,
    timeline_range,
)

__all__ = [
    "build",
    "pdf_bytes",
    "read_input",
    "render_html",
    "render_pdf",
    "report_html",
]

MARK = {"met": "✓", "not_met": "✗", "unknown": "?", "not_applicable": "–"}
DOSSIER_MARK = {"present": "✓", "missing": "✗", "unknown": "?"}
ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII")


@cache
def _environment() -> Any:
    """The template environment, built once per process (Jinja2 renders thread-safely)."""
    try:
        import jinja2
    except ImportError:
        raise OptionalDependencyError("jinja2", "report") from None
    from sandbox_rules.report import counted_from_one

    env = jinja2.Environment(
        loader=jinja2.PackageLoader("sandbox_rules.surfaces.report", "templates"),
        autoescape=jinja2.select_autoescape(
            enabled_extensions=("html", "j2", "svg"), default_for_string=True, default=True
        ),
        undefined=jinja2.StrictUndefined,
        trim_blocks=False,
        keep_trailing_newline=True,
    )
    env.filters["from_one"] = counted_from_one  # a field path shown to people: items from 1
    return env


def _answer_parts(a: Mapping[str, Any]) -> list[tuple[str, Mapping[str, Any]]]:
    """The three part answers (Art. 9, 10, 11) when the assessment record has them."""
    return [
        (key, a[key])
        for key in ("conditions", "scope", "plan")
        if isinstance(a.get(key), Mapping) and "answer" in a[key]
    ]


def _all_missing(r: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    seen: dict[str, Mapping[str, Any]] = {}
    for m in missing_facts(r):
        seen.setdefault(str(m.get("fact")), m)
    return [seen[k] for k in sorted(seen)]


def _rule_ids(items: Any) -> str:
    """A part answer's failed/unknown rules: ids, or {rule_id, citations} records."""
    return ", ".join(str(x["rule_id"] if isinstance(x, Mapping) else x) for x in items or ())


def _interpretation_rows(used: Mapping[str, str], lang: str) -> list[dict[str, Any]]:
    from sandbox_rules.interpretations import get, option_vi, question_vi

    rows = []
    for key, option in sorted(used.items()):
        item = get(key)
        rows.append(
            {
                "id": key,
                "option": option,
                "question": question_vi(key) if lang == "vi" else item.question,
                "citations": list(item.citations),
                "is_default": option == item.default,
                "meaning": option_vi(key, option) if lang == "vi" else item.options[option],
            }
        )
    return rows


# What Document.cite_vi/cite_en append to a document whose number or date is not confirmed;
# the page says it in a sentence instead.
_UNCONFIRMED_MARK = (" [số/ngày văn bản chưa xác nhận]", " [number/date not confirmed]")


def _day_basis(info: Any, day: Any, lang: str) -> str:
    """Why a day is off (or worked), as plainly as the data allows: the documents; a day of a
    year without an official schedule is computed from the statutory rules, not decided; a
    document whose number or date is not confirmed is said to be so."""
    docs = []
    unconfirmed = False
    for x in info.documents:
        text = x.cite_vi() if lang == "vi" else x.cite_en()
        for mark in _UNCONFIRMED_MARK:
            text = text.removesuffix(mark)
        docs.append(text)
        unconfirmed = unconfirmed or not x.confirmed
    basis = "; ".join(docs)
    if info.provisional:
        basis = t("day_provisional", lang).format(year=day.year, documents=basis)
    if unconfirmed:
        basis += t("day_unconfirmed", lang)
    return basis


def _days_named(
    td: Mapping[str, Any], cal: Any, lang: str, stop: Mapping[str, Any] | None = None
) -> list[dict[str, str]]:
    """Each day off or worked Saturday within the timeline's drawn range, with its basis."""
    from datetime import timedelta

    lo, hi = timeline_range(td, stop)
    out = []
    d = lo
    while d <= hi:
        try:
            info = cal.day_info(d)
        except Exception:  # outside the calendar's range
            info = None
        if info is not None:
            out.append(
                {
                    "date": d.isoformat(),
                    "name": info.name_vi if lang == "vi" else info.name_en,
                    "basis": _day_basis(info, d, lang),
                }
            )
        d += timedelta(days=1)
    return out


def _period(p: Mapping[str, Any] | None, lang: str) -> str:
    if not p:
        return "—"
    unit = str(p.get("unit", ""))
    return f"{p.get('n')} {table('timeline.unit', lang).get(unit, unit)}"


def _procedure_name(code: str, lang: str) -> str:
    return t("procedure_clause", lang).format(clause=code.split(".")[-1])


def _state_name(state: str, lang: str) -> str:
    return table("state", lang).get(state, state)


def _tri(value: Any, lang: str) -> str:
    return t({True: "yes", False: "no"}.get(value, "unknown"), lang)


def render_html(r: Mapping[str, Any] | Sequence[Mapping[str, Any]], lang: str = "vi") -> str:
    """The page for the records of :func:`build`; for a list of them (the cases of a case
    file), one page with one appraisal note per case, in order, each starting a printed page."""
    if lang not in ("vi", "en"):
        raise InputValidationError.from_key("error.lang", given=repr(lang))
    from sandbox_rules.report import (
        _rule_clauses,
        _word,
        accepted_names,
        cite,
        cites,
        obstacle_text,
    )

    reports = [r] if isinstance(r, Mapping) else list(r)
    if not reports:
        raise InputValidationError.from_key("report_input.no_cases", file="—")
    many = len(reports) > 1
    cases = [
        _case_view(rec, lang, f"case-{i}-" if many else "") for i, rec in enumerate(reports, 1)
    ]
    first = reports[0]
    env = _environment()
    template = env.get_template("report.html.j2")
    html: str = template.render(
        cases=cases,
        many=many,
        title_subject=None if many else first.get("subject"),
        first=first,
        lang=lang,
        vi=lang == "vi",
        t=lambda key: t(key, lang),
        tf=lambda key, **fields: filled(key, lang, **fields),
        d=lambda value: fmt_date(value, lang),
        roman=lambda n: ROMAN[n - 1] if 0 < n <= len(ROMAN) else str(n),
        mark=MARK,
        dmark=DOSSIER_MARK,
        answer_parts=_answer_parts,
        rule_ids=_rule_ids,
        clause=clause,
        procedure_name=lambda code: _procedure_name(str(code), lang),
        state_name=lambda s: _state_name(str(s), lang),
        tri=lambda v: _tri(v, lang),
        period=lambda p: _period(p, lang),
        clause_name=lambda c: cite(str(c), lang),  # as prose writes it, as the text report
        clause_names=lambda cs: cites(cs, lang),
        obstacle=lambda o: obstacle_text(o, lang),  # as lifecycle and test say it
        accepted=lambda i: accepted_names(str(i["rule_id"]), i["accepted"], lang),
        event_name=lambda code: _word("event", str(code), lang == "vi"),  # as the text report
        rule_clauses=lambda rule_id: _rule_clauses(str(rule_id), lang),
    )
    return html


def _case_view(r: Mapping[str, Any], lang: str, prefix: str) -> dict[str, Any]:
    """What the page shows of one report besides its records: the pictures, the rows, the
    case's heading (``prefix`` keeps the ids of several cases on one page apart)."""
    from sandbox_rules.i18n import t as message

    cal = r["calendar"]
    topics = table("assessment.topic", lang)

    def finding_quote(f: Mapping[str, Any]) -> str:
        # The compact form of a finding leaves the quote out: read it from the law text.
        return str(f.get("quote_vi") or clause(f["citations"][0])["quote"])

    timeline_figs = [
        timeline_figure(td, cal, lang, f"{prefix}fig-timeline-{i + 1}", stop)
        for i, (td, stop) in enumerate(zip(r["timelines"], r["clock_stops"], strict=True))
    ]
    ob_fig = None
    rows: list[Mapping[str, Any]] = []
    risk = ""
    if r.get("obligations"):
        ob_fig = obligations_figure(
            r["obligations"], r.get("lifecycle"), lang, f"{prefix}fig-obligations"
        )
        items = r["obligations"]["items"]
        periods = [
            i for i in items if i["citation"] == "19.2" and i.get("window") and not i.get("due")
        ]
        rows = [i for i in items if i not in periods]
        if periods:
            # 19.2 "định kỳ hàng tháng, quý": the months and the quarters, each counted as such
            # (risk-assessment-period); the span runs from the first to the last day covered.
            quarters = sum(1 for i in periods if "-Q" in str(i["id"]))
            months = len(periods) - quarters
            risk = t(
                "risk_summary"
                if months and quarters
                else ("risk_summary_monthly" if months else "risk_summary_quarterly"),
                lang,
            ).format(
                months=months,
                quarters=quarters,
                a=fmt_date(min(i["window"]["start"] for i in periods), lang),
                b=fmt_date(max(i["window"]["end"] for i in periods), lang),
            )
    case = r.get("case")
    error = r.get("error")
    error_text = None
    if error:
        key = "report_input.case_error_expected" if error["expected"] else "report_input.case_error"
        error_text = message(key, lang, code=error["code"], message=error["message"])
    from sandbox_rules.report import dossier_warnings

    return {
        "error_text": error_text,
        "dossier_warnings": dossier_warnings(r["dossier"], lang) if r.get("dossier") else [],
        "r": r,
        "prefix": prefix,
        "case_label": None
        if not case
        else message("report_input.case_heading", lang, n=case["number"], total=case["of"]),
        "case_name": None if not case else case["name"],
        "topic_label": lambda topic: topics.get(topic, topic),
        "finding_quote": finding_quote,
        "all_missing": _all_missing(r),
        "timeline_figures": timeline_figs,
        "days_named": [
            _days_named(td, cal, lang, stop)
            for td, stop in zip(r["timelines"], r["clock_stops"], strict=True)
        ],
        "obligations_figure": ob_fig,
        "obligation_rows": rows,
        "risk_summary": risk,
        "interpretations": _interpretation_rows(r["interpretations_used"], lang),
    }


def pdf_bytes(html: str) -> bytes:
    """The page laid out for print (A4) by WeasyPrint, as PDF bytes."""
    try:
        import weasyprint
    except ImportError:
        raise OptionalDependencyError("weasyprint", "pdf") from None
    except OSError as exc:  # WeasyPrint found, but not the system's Pango
        raise OptionalDependencyError("weasyprint", "pdf", system=str(exc)) from None
    data: bytes = weasyprint.HTML(string=html, base_url=None).write_pdf()
    return data


def render_pdf(html: str, path: str | Path, *, force: bool = True) -> None:
    """Write the PDF of the page to ``path`` (an existing file only with ``force``)."""
    data = pdf_bytes(html)
    from sandbox_rules.errors import OutputPathError

    name = repr(str(path))
    try:
        with open(path, "wb" if force else "xb") as fh:
            fh.write(data)
    except FileExistsError:
        raise OutputPathError(name, "io.exists") from None
    except OSError as exc:
        raise OutputPathError(name, "io.cannot_write", exc) from None


def report_html(
    path: str,
    lang: str = "vi",
    *,
    as_of: date | None = None,
    interpretations: Mapping[str, str] | None = None,
    overrides: Any = None,
    case: str | None = None,
) -> str:
    """Read ``path`` (YAML or JSON) and return the report page (one note per case of a case
    file; ``case`` chooses one by name or number)."""
    return render_html(_records(path, as_of, interpretations, overrides, lang, case), lang)


def _records(
    path: str,
    as_of: date | None,
    interpretations: Mapping[str, str] | None,
    overrides: Any,
    lang: str = "vi",
    case: str | None = None,
) -> list[dict[str, Any]]:
    """The records of each report the file holds: one, or one per case of a case file."""
    from sandbox_rules import cli_io
    from sandbox_rules.surfaces.inputs import Located, parse_yaml

    raw, name = cli_io.read_bytes(path)
    text = cli_io.decode(raw, name)
    data = cli_io.parse_document(text, name)  # bounded: aliases, nesting, size
    shown = "stdin" if path == "-" else Path(path).name
    try:
        located = parse_yaml(text, shown)  # the same data, with the line of each key
    except InputValidationError:
        located = Located(data, source=shown)  # JSON that YAML does not read
    base = Path.cwd() if path == "-" else Path(path).parent
    inputs: list[ReportInput] = read_inputs(
        located,
        shown,
        raw,
        base=base,
        as_of=as_of,
        interpretations=interpretations,
        case=case,
        lang=lang,
    )
    if len(inputs) == 1:  # one report: its error is the command's
        return [build(inputs[0], overrides=overrides)]
    return [build_case(inp, overrides=overrides, lang=lang) for inp in inputs]
