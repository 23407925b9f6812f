"""Readable reports for legal staff: Vietnamese by default, English on request.

Every line cites Điều/khoản/điểm; failed and undecided conditions quote the clause; missing
facts name the clause that asks for them; interpretations used are stated plainly.
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterable
from typing import Any

from sandbox_rules.interpretations import get as get_interpretation
from sandbox_rules.outcomes import (
    ANSWER_EN,
    ANSWER_VI,
    PART_EN,
    PART_VI,
    STATUS_VI,
    TOPIC_EN,
    TOPIC_VI,
    Assessment,
    DossierCheck,
    PartAnswer,
    Routing,
)
from sandbox_rules.records import Consultee, IssuedDocument

MARK = {"met": "✓", "not_met": "✗", "unknown": "?", "not_applicable": "–"}


def _wrap(text: str, indent: str = "      ") -> str:
    return textwrap.fill(text, width=100, initial_indent=indent, subsequent_indent=indent)


def _interpretations(used: dict[str, str], lang: str) -> list[str]:
    from sandbox_rules.interpretations import question_vi

    if not used:
        return []
    lines = [
        "",
        "Cách hiểu đã áp dụng (docs/interpretations.md):"
        if lang == "vi"
        else "Interpretations used:",
    ]
    for key, option in sorted(used.items()):
        item = get_interpretation(key)
        if lang == "vi":
            default = " (mặc định)" if option == item.default else " (đã chọn khác mặc định)"
            lines.append(f"  - {question_vi(key)} → {key} = {option}{default}")
        else:
            default = " (default)" if option == item.default else " (chosen, not the default)"
            lines.append(f"  - {key} = {option}{default}: {item.options[option]}")
    return lines


def _notes(rule_ids: tuple[str, ...], lang: str) -> list[str]:
    """Standing notes of the decree (8.1, 21.1, 16.5) that frame a result."""
    from sandbox_rules.rules import registry

    out = []
    for rid in rule_ids:
        r = registry().get(rid)
        cite = r.citation.vi() if lang == "vi" else r.citation.en()
        text = r.statement_vi if lang == "vi" else r.statement_en
        out.append(f"{'Lưu ý' if lang == 'vi' else 'Note'} ({cite}): {text}")
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
            f"{'Lấy ý kiến' if vi else 'Consulted'}: {c.name_vi if vi else c.name_en}{names} "
            f"({cite.vi() if vi else cite.en()})"
        )
    if issues:
        cite = Citation.parse(issues.citation)
        forms = issues.forms
        shown = ""
        if forms:
            shown = (
                f" — mẫu {forms['organisation']} (tổ chức), {forms['individual']} (cá nhân)"
                if vi
                else f" — form {forms['organisation']} (organisation), {forms['individual']} (individual)"
            )
        out.append(
            f"{'Văn bản cấp' if vi else 'Issued'}: {issues.name_vi if vi else issues.name_en}"
            f"{shown} ({cite.vi() if vi else cite.en()})"
        )
    return out


def _missing_lines(items: Any, lang: str) -> list[str]:
    out = []
    for d in items:
        label = d.label_vi if lang == "vi" else d.label_en
        out.append(f"  - {label} — {d.field or d.fact} ({', '.join(d.asked_by)})")
    return out


def _provenance(law_version: str, lang: str) -> str:
    from sandbox_rules import __version__

    label = "Phiên bản" if lang == "vi" else "Versions"
    return f"{label}: sandbox_rules {__version__}, văn bản/law text sha256 {law_version[:16]}…"


def _part_line(p: PartAnswer, lang: str) -> str:
    vi = lang == "vi"
    title = PART_VI[p.part] if vi else PART_EN[p.part]
    answer = ANSWER_VI[p.answer] if vi else ANSWER_EN[p.answer]
    line = f"  - {title}: {answer}"
    if p.failed:
        cites = ", ".join(c for ref in p.failed for c in ref.citations)
        if p.part == "plan":
            line += f" — {'thiếu nội dung' if vi else 'missing'}: {cites}"
        else:
            line += f" — {'không đáp ứng' if vi else 'not met'}: {cites}"
    return line


def _next_step(a: Assessment, lang: str) -> list[str]:
    """What follows from the three answers, in the decree's words."""
    vi = lang == "vi"
    out: list[str] = []
    if a.conditions.answer == "ineligible":
        out.append(
            "  → Chủ thể không đáp ứng điều kiện tham gia thử nghiệm có kiểm soát (Điều 9)."
            if vi
            else "  → The applicant does not meet the conditions to take part (Art. 9)."
        )
    if a.scope.answer == "outside":
        out.append(
            "  → Phạm vi đề nghị vượt quá Điều 10: phương án không thể được chấp thuận như đã lập."
            if vi
            else "  → The requested scope exceeds Art. 10: the plan cannot be approved as filed."
        )
    if a.plan.answer == "incomplete":
        out.append(
            "  → Phương án thiếu nội dung chính của Điều 11: hồ sơ chưa đầy đủ, hợp lệ, cần "
            "bổ sung (điểm b khoản 3 Điều 12) — đây không phải là căn cứ không đủ điều kiện."
            if vi
            else "  → The plan lacks contents Art. 11 requires: the dossier is incomplete and must "
            "be completed (Art. 12(3)(b)) — not a ground of ineligibility."
        )
    return out


def render_assessment(a: Assessment, lang: str = "vi", *, show_all: bool = False) -> str:
    head = (
        "ĐÁNH GIÁ ĐIỀU KIỆN THAM GIA THỬ NGHIỆM CÓ KIỂM SOÁT"
        if lang == "vi"
        else "ELIGIBILITY ASSESSMENT"
    )
    basis = (
        "Căn cứ: Điều 9, 10, 11 Nghị định 169/2025/NĐ-CP"
        if lang == "vi"
        else "Basis: Articles 9-11 of Decree 169/2025/ND-CP"
    )
    lines = [head, basis, "", "Kết luận:" if lang == "vi" else "Conclusion:"]
    lines += [_part_line(p, lang) for p in a.parts]
    lines += _next_step(a, lang)
    for topic, findings in a.by_topic().items():
        shown = [f for f in findings if show_all or f.status != "not_applicable"]
        if not shown:
            continue
        lines += [
            "",
            f"[{TOPIC_VI.get(topic, topic) if lang == 'vi' else TOPIC_EN.get(topic, topic)}]",
        ]
        for f in shown:
            r = f.rule
            cite = "; ".join(c.vi() if lang == "vi" else c.en() for c in r.citations)
            status = STATUS_VI[f.status] if lang == "vi" else f.status.replace("_", " ")
            stmt = r.statement_vi if lang == "vi" else r.statement_en
            lines.append(f"  {MARK[f.status]} {cite}: {stmt} — {status}")
            if f.status in ("not_met", "unknown"):
                from sandbox_rules.law.text import load_law

                for c in r.citations:
                    quote = load_law().resolve(c).quote(260)
                    label = f"Trích {c.vi()}: " if lang == "vi" else f"Text of {c.en()} (vi): "
                    lines.append(_wrap(f"{label}“{quote}”"))
            if f.status == "unknown":
                for m in f.missing_facts:
                    label = m.label_vi if lang == "vi" else m.label_en
                    lines.append(
                        f"      → {'cần' if lang == 'vi' else 'need'}: {label} [{m.field or m.fact}]"
                    )
    missing = a.missing_facts
    if missing:
        lines += [
            "",
            "Thông tin còn thiếu để kết luận:" if lang == "vi" else "Still needed to decide:",
        ]
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
    head = (
        "THẨM QUYỀN VÀ TRÌNH TỰ CẤP GIẤY CHỨNG NHẬN" if lang == "vi" else "AUTHORITY AND PROCEDURE"
    )
    lines = [
        head,
        "Căn cứ: Điều 12 Nghị định 169/2025/NĐ-CP"
        if lang == "vi"
        else "Basis: Article 12 of Decree 169/2025/ND-CP",
        "",
    ]
    if r.status != "determined":
        lines.append(
            "Chưa xác định được — thiếu thông tin:" if lang == "vi" else "Undetermined — missing:"
        )
        lines += _missing_lines(r.missing_facts, lang)
    if r.authority:
        a = r.authority
        title = a.title_vi if lang == "vi" else a.title_en
        lines.append(
            ("Thẩm quyền cấp: " if lang == "vi" else "Issuing authority: ")
            + f"{title} ({a.citation})"
        )
        note = a.delegation_note_vi if lang == "vi" else a.delegation_note_en
        lines.append(f"  ({note})")
    if r.procedure:
        lines.append(
            ("Trình tự: khoản " if lang == "vi" else "Procedure: Art. ")
            + str(r.procedure).replace("12.", "")
            + (" Điều 12" if lang == "vi" else "")
        )
        if r.procedure == "12.4" and lang != "vi":
            lines[-1] = "Procedure: Article 12(4)"
        elif r.procedure == "12.3" and lang != "vi":
            lines[-1] = "Procedure: Article 12(3)"
        elif r.procedure == "12.6" and lang != "vi":
            lines[-1] = "Procedure: Article 12(6)"
    if r.file_with:
        lines.append(
            ("Nơi nộp hồ sơ: " if lang == "vi" else "File with: ")
            + (r.file_with.vi if lang == "vi" else r.file_with.en)
        )
    if r.methods:
        names = {
            "online": ("trực tuyến", "online"),
            "in_person": ("trực tiếp", "in person"),
            "post": ("qua dịch vụ bưu chính", "by post"),
        }
        lines.append(
            ("Phương thức: " if lang == "vi" else "Methods: ")
            + ", ".join(names[m][0 if lang == "vi" else 1] for m in r.methods)
        )
    lines += _consulted_and_issued(list(r.consultees or ()), r.issues, lang)
    for note in r.notes if lang == "vi" or not r.notes_en else r.notes_en:
        lines.append(f"Ghi chú: {note}" if lang == "vi" else f"Note: {note}")
    lines += _source_lines(r, lang)
    lines.append(
        ("Điều khoản áp dụng: " if lang == "vi" else "Clauses applied: ")
        + ", ".join(r.citations or ())
    )
    lines += _interpretations(dict(r.interpretations_used or {}), lang)
    lines += ["", _provenance(r.law_version, lang)]
    return "\n".join(lines)


def _source_lines(r: Routing, lang: str) -> list[str]:
    """Each data source: the managing body as written and the body it was matched to."""
    from sandbox_rules.i18n import t

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
    names_vi = {
        "issuance": "cấp Giấy chứng nhận (khoản 2 Điều 12)",
        "reissue": "cấp lại (khoản 5 Điều 12)",
        "adjustment": "điều chỉnh phương án (khoản 2 Điều 13)",
        "extension": "gia hạn (khoản 1 Điều 14)",
        "conclusion": "kết thúc thử nghiệm (khoản 2 Điều 16)",
    }
    head = (
        f"HỒ SƠ {names_vi[d.procedure].upper()}"
        if lang == "vi"
        else f"DOSSIER: {d.procedure.upper()}"
    )
    lines = [head, ""]
    status_vi = {"present": "đã có", "missing": "CÒN THIẾU", "unknown": "chưa rõ"}
    plan_heading = False
    for item in d.items:
        if item.item == "plan_content" and not plan_heading:
            plan_heading = True
            lines += [
                "",
                "Nội dung chính của phương án (Điều 11):"
                if lang == "vi"
                else "Contents of the plan (Art. 11):",
            ]
        label = item.label_vi if lang == "vi" else item.label_en
        st = status_vi[item.status] if lang == "vi" else item.status.upper()
        cond = (" (nếu có)" if lang == "vi" else " (if applicable)") if item.conditional else ""
        docs = "" if item.item == "plan_content" else f" — {', '.join(item.accepted)}"
        lines.append(
            f"  [{st}] {item.citation_vi if lang == 'vi' else item.citation}: {label}{cond}{docs}"
        )
    complete = d.complete
    verdict: dict[Any, str] = (
        {
            True: "Hồ sơ đủ thành phần.",
            False: "Hồ sơ chưa đầy đủ, hợp lệ: còn thiếu thành phần hoặc nội dung.",
            None: "Chưa xác định (thiếu thông tin).",
        }
        if lang == "vi"
        else {
            True: "Dossier complete.",
            False: "Dossier incomplete.",
            None: "Undetermined (facts missing).",
        }
    )
    lines += ["", verdict[complete]]
    lines += _unknown_document_lines(d, lang)
    lines += _interpretations(dict(d.interpretations_used), lang)
    return "\n".join(lines)


def _unknown_document_lines(d: DossierCheck, lang: str) -> list[str]:
    from sandbox_rules.i18n import t

    out = []
    for u in d.unrecognised:
        hint = t("report.unknown_document_hint", lang, name=u.suggestion) if u.suggestion else ""
        out.append(t("report.unknown_document", lang, given=u.given) + hint)
    return out


STATUS_STEP_VI = {
    "done_on_time": "đã thực hiện đúng hạn",
    "late": "trễ hạn",
    "pending": "đang trong hạn",
    "overdue": "QUÁ HẠN",
    "paused": "tạm dừng (đang giải trình)",
    "waiting": "chờ bước trước",
    "not_started": "chưa bắt đầu",
    "not_applicable": "không phát sinh",
}


def _day(value: Any, vi: bool) -> str:
    """A date of a record's dict (ISO text) as the report's language writes it."""
    from datetime import date as _date

    from sandbox_rules.i18n import fmt_date

    if value is None:
        return "—"
    try:
        d = value if isinstance(value, _date) else _date.fromisoformat(str(value))
    except ValueError:
        return str(value)
    return fmt_date(d, "vi" if vi else "en")


def _word(table: str, code: str, vi: bool) -> str:
    """A code (status, event, state) in the report's language, from the message tables."""
    from sandbox_rules.i18n import messages

    return messages("vi" if vi else "en").get(f"{table}.{code}", code.replace("_", " "))


def render_timeline(t: Any, lang: str = "vi", explain: bool = False) -> str:
    d = t.to_dict(explain=explain)
    vi = lang == "vi"
    lines = [
        d["title_vi"] if vi else d["title_en"],
        ("Tính đến ngày " if vi else "As of ") + _day(d["as_of"], vi),
        "",
    ]
    for s in d["steps"]:
        status = STATUS_STEP_VI[s["status"]] if vi else s["status"].replace("_", " ")
        period = (
            f"{s['period']['n']} {'ngày làm việc' if s['period']['unit'] == 'working_days' else 'ngày'}"
            if vi
            else f"{s['period']['n']} {s['period']['unit'].replace('_', ' ')}"
        )
        head = f"- {s['citation_vi'] if vi else s['citation']}: {s['label_vi'] if vi else s['label_en']} ({period})"
        lines.append(head)
        if s["start"]:
            assumed = (
                (
                    " (giả định: hạn muộn nhất của bước trước)"
                    if vi
                    else " (assumed: latest lawful date of the step before)"
                )
                if s["start_assumed"]
                else ""
            )
            lines.append(
                f"    {'từ' if vi else 'from'} {_day(s['start'], vi)}{assumed} → {'hạn' if vi else 'due'} {_day(s['due'], vi)}"
                + (
                    " (tạm tính)"
                    if vi and s["provisional"]
                    else (" (provisional)" if s["provisional"] else "")
                )
            )
        if s["actual"]:
            lines.append(f"    {'thực tế' if vi else 'actual'}: {_day(s['actual'], vi)}")
        extra = ""
        if s["late_working_days"]:
            extra = f" — {s['late_working_days']} {'ngày làm việc' if vi else 'working days'}"
        if s["clock_stopped_working_days"]:
            extra += (
                f"; dừng tính {s['clock_stopped_working_days']} ngày làm việc khi giải trình"
                if vi
                else f"; clock stopped {s['clock_stopped_working_days']} working days for clarification"
            )
        lines.append(f"    {'trạng thái' if vi else 'status'}: {status}{extra}")
        note = s["note_vi"] if vi else s["note_en"]
        if note:
            lines.append(f"    {note}")
        for step in s.get("explanation", []):
            lines.append(
                f"      {_day(step['date'], vi)} {_word('step', step['action'], vi):<8} {step['reason_vi'] if vi else step['reason_en']}"
            )
    if d["worst_case_end"]:
        lines += [
            "",
            ("Kết thúc muộn nhất (trường hợp xấu nhất): " if vi else "Worst-case end: ")
            + _day(d["worst_case_end"], vi),
        ]
    if d["open_end_vi"]:
        lines.append(d["open_end_vi"] if vi else d["open_end_en"])
    lines += [
        "",
        *_consulted_and_issued(
            t.procedure.consultees, t.procedure.issues.record(t.interpretations), lang
        ),
    ]
    for n in d["notes"]:
        lines.append(
            f"{'Ghi chú' if vi else 'Note'} ({n['citation']}): {n['vi'] if vi else n['en']}"
        )
    lines += _interpretations(d["interpretations_used"], lang)
    if d["procedure"] == "conclusion-16.3":
        lines += ["", *_notes(("note.16.5.no-licence",), lang)]
    return "\n".join(lines)


STATE_VI = {
    "applied": "đã nộp hồ sơ",
    "in_consultation": "đang lấy ý kiến",
    "issued": "đã cấp Giấy chứng nhận",
    "refused": "từ chối cấp",
    "returned": "trả lại hồ sơ",
    "active": "đang thử nghiệm",
    "adjusted": "đã điều chỉnh",
    "extended": "đã gia hạn",
    "revoked": "đã thu hồi",
    "concluded": "đã kết thúc",
}


# Statuses of schedule items and of what stands in the way of Art. 22, in Vietnamese.
ITEM_STATUS_VI = {
    "done": "đã thực hiện",
    "done_late": "thực hiện muộn",
    "overdue": "quá hạn",
    "upcoming": "sắp đến hạn",
    "open": "đang mở",
    "closed": "đã đóng",
    "informational": "để biết",
    "continuing": "tiếp tục",
    "undetermined": "chưa xác định",
    "not_complied": "không thực hiện",
}


def _dmy(iso: str) -> str:
    y, m, d = iso.split("-")
    return f"{d}/{m}/{y}"


def _started_line(started_on: Any, state: str, vi: bool) -> str:
    """15.1.b: whether testing has started, tracked apart from the state."""
    if started_on is not None:
        return (
            f"Đã triển khai thử nghiệm từ ngày {started_on.strftime('%d/%m/%Y')} (điểm b khoản 1 Điều 15)"
            if vi
            else f"Testing started on {started_on.isoformat()} (Art. 15(1)(b))"
        )
    if state in ("issued", "adjusted", "extended"):
        return (
            "Chưa triển khai thử nghiệm (điểm b khoản 1 Điều 15)"
            if vi
            else "Testing not started (Art. 15(1)(b))"
        )
    return ""


def render_lifecycle(st: Any, schedule: Any | None, duty: Any | None, lang: str = "vi") -> str:
    d = st.to_dict()
    vi = lang == "vi"
    lines = [
        ("TRẠNG THÁI THỬ NGHIỆM" if vi else "SANDBOX STATUS") + f" — {_day(d['as_of'], vi)}",
        ("Trạng thái: " if vi else "State: ") + (STATE_VI[d["state"]] if vi else d["state"]),
        _started_line(st.testing_started_on, d["state"], vi),
        "",
    ]
    for h in d["history"]:
        lines.append(
            f"  {_day(h['on'], vi)} {_word('event', h['event'], vi)}: "
            f"{_word('value', h['from'], vi)} → {_word('value', h['to'], vi)}"
            + (f" ({h['rule_id']})" if h["rule_id"] else "")
        )
    lines.append("")
    if d["end"]:
        lines.append(
            ("Thời hạn thử nghiệm: " if vi else "Testing period: ")
            + f"{_day(d['testing_start'], vi)} → {_day(d['approved_end'], vi)}"
            + (
                f" ({'gia hạn đến' if vi else 'extended to'} {_day(d['extended_end'], vi)})"
                if d["extended_end"]
                else ""
            )
            + " (10.2)"
        )
    if d["extension_window"]:
        w = d["extension_window"]
        lines.append(
            ("Thời gian gửi đề nghị gia hạn: " if vi else "Extension request window: ")
            + f"{_day(w['start'], vi)} → {_day(w['end'], vi)} (14.1)"
        )
    if d["results_report_due"]:
        lines.append(
            ("Hạn nộp Báo cáo kết quả: " if vi else "Results report due: ")
            + f"{_day(d['results_report_due'], vi)} (18.4)"
        )
    for g in d["revocation_grounds"]:
        lines.append(
            ("Căn cứ thu hồi " if vi else "Revocation ground ")
            + f"{g['citation_vi'] if vi else g['citation']}: "
            f"{g['detail_vi'] if vi else g['detail_en']} — "
            + ("phát sinh " if vi else "arose ")
            + _day(g["arose_on"], vi)
            + ("; quyết định chậm nhất " if vi else "; decision due ")
            + _day(g["decision_due"], vi)
            + f" (15.2) — {g['decided_by']}"
        )
    for g in d["undetermined_grounds"]:
        lines.append(
            ("Căn cứ thu hồi chưa xác định " if vi else "Undetermined revocation ground ")
            + f"{g['citation_vi'] if vi else g['citation']}: "
            + (g["detail_vi"] if vi else g["detail_en"])
        )
        for m in g["missing_facts"]:
            lines.append(
                f"  {'cần xác nhận' if vi else 'to confirm'}: "
                f"{m['label_vi'] if vi else m['label_en']} ({m['field']}; {', '.join(m['asked_by'])})"
            )
    for w in d.get("warnings_vi") or d["warnings"] if vi else d["warnings"]:
        lines.append(("Lưu ý: " if vi else "Warning: ") + w)
    if schedule is not None:
        lines += ["", "NGHĨA VỤ" if vi else "OBLIGATIONS"]
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
            True: "được miễn" if vi else "exempt",
            False: "không được miễn" if vi else "not exempt",
            None: "chưa xác định" if vi else "undetermined",
        }[e["exempt"]]
        lines += [
            "",
            ("Miễn trách nhiệm dân sự " if vi else "Civil-liability exemption ")
            + f"({e['citation']}): {verdict}",
        ]
        for o in e["standing_in_way"]:
            lines.append(
                f"  {'vướng' if vi else 'in the way'}: {o['citation']} "
                f"{o['title_vi'] if vi else o['title_en']} — "
                + (ITEM_STATUS_VI[o["status"]] if vi else o["status"].replace("_", " "))
                + (f" ({_dmy(o['due']) if vi else o['due']})" if o["due"] else "")
            )
        for m in e["missing"]:
            lines.append(f"  {'cần xác nhận' if vi else 'to confirm'}: {m}")
    if d["state"] == "concluded" or any("16.1.b" in w for w in d["warnings"]):
        lines += ["", *_notes(("note.16.5.no-licence",), lang)]
    # The schedule and the exemption read texts of their own (19.2, 17.2, 22): name them too.
    used = dict(d["interpretations_used"])
    for part in (schedule, duty):
        if part is not None:
            used.update(part.to_dict()["interpretations_used"])
    lines += _interpretations(dict(sorted(used.items())), lang)
    return "\n".join(lines)


def obligation_line(i: Any, lang: str = "vi") -> str:
    """One obligation: when (a day, or a window), status, clause, title."""
    vi = lang == "vi"
    if i.due is not None:
        when = _day(i.due, vi)
    elif i.window is not None:
        when = f"{_day(i.window[0], vi)}..{_day(i.window[1], vi)}"
    else:
        when = ""
    status = _word("value", i.status, vi)
    return f"  {when:<22}  {status:<18} {i.citation:<5} {i.title_vi if vi else i.title_en}"
