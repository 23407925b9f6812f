"""``sandbox-rules init``: each template parses and validates as it is, names every field of
the model it stands for (so it cannot drift), and a filled template gives a result."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from sandbox_rules.cli import main
from sandbox_rules.engine import assess
from sandbox_rules.lifecycle import SandboxRecord
from sandbox_rules.models import Application
from sandbox_rules.surfaces.casefiles import Case, run_file
from sandbox_rules.surfaces.templates import template


def _keys(model: type, text: str) -> set[str]:
    return {n for n in model.model_fields if f"{n}:" in text}  # type: ignore[attr-defined]


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("kind", ["organisation", "individual"])
def test_application_template_validates_as_is(lang: str, kind: str) -> None:
    text = template("application", lang, kind)
    app = Application.model_validate(yaml.safe_load(text))
    assert app.applicant.kind == kind
    assert assess(app).verdict == "undetermined"  # everything unknown
    from sandbox_rules.models import Plan, Scope, Solution, Submission

    for model in (Application, Solution, Scope, Plan, Submission):
        assert _keys(model, text) == set(model.model_fields), model


def test_templates_are_vietnamese_by_default_and_cite_clauses() -> None:
    vi = template("application")
    assert "điểm b khoản 1 Điều 9" in vi and "Đã được xóa án tích" in vi
    en = template("application", "en")
    assert "Art. 9(1)(b)" in en or "Article 9(1)(b)" in en


def test_filled_application_template_assesses() -> None:
    text = template("application").replace("  staff_qualified:", "  staff_qualified: false")
    app = Application.model_validate(yaml.safe_load(text))
    assert assess(app).verdict == "ineligible"


def test_scenario_template_validates() -> None:
    data = yaml.safe_load(template("scenario"))
    rec = SandboxRecord.model_validate(data["record"])
    assert rec.events == []
    assert _keys(SandboxRecord, template("scenario")) == set(SandboxRecord.model_fields)


def test_case_template_runs(tmp_path: Path) -> None:
    text = template("case")
    Case.model_validate(yaml.safe_load(text))
    f = tmp_path / "a.case.yaml"
    f.write_text(text.replace("  # conditions:", "  conditions: undetermined  #"), encoding="utf-8")
    (r,) = run_file(f)
    assert r.status == "passed" and [c.key for c in r.checks] == ["conditions"]


def test_init_writes_and_refuses_to_overwrite(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    f = tmp_path / "app.yaml"
    assert main(["init", "application", str(f)]) == 0
    assert f.read_text(encoding="utf-8") == template("application")
    assert main(["init", "application", str(f)]) == 1
    assert "--force" in capsys.readouterr().err
    assert main(["init", "case", str(f), "--force", "--lang", "en"]) == 0


# -- what each line of a template tells the officer (trial finding 18) ---------------------------
def _uncomment_items(text: str) -> str:
    """The template with every example list item uncommented as it shows them: a line
    "# - ..." and the "#   key:" lines that continue it (the "[]" of the line above the
    item removed, as the template says)."""
    out: list[str] = []
    item_pad = None
    for line in text.splitlines():
        stripped = line.lstrip()
        pad = line[: len(line) - len(stripped)]
        if stripped.startswith("# - "):
            j = max(i for i, x in enumerate(out) if not x.lstrip().startswith("#"))
            if out[j].split("#")[0].rstrip().endswith(": []"):
                head, _, comment = out[j].partition(" []")
                out[j] = head + comment
            out.append(pad + stripped[2:])
            item_pad = pad
        elif item_pad == pad and stripped.startswith("#   ") and ":" in stripped.split("  #")[0]:
            out.append(pad + stripped[2:])
        else:
            out.append(line)
            item_pad = None
    return "\n".join(out) + "\n"


def _events_of(text: str, procedure: str) -> list[str]:
    """The events the scenario template lists under ``procedure``."""
    lines = text.splitlines()
    start = next(i for i, x in enumerate(lines) if x.startswith(f"#   {procedure} ("))
    out = []
    for x in lines[start + 1 :]:
        if not x.startswith("#     "):
            break
        out.append(x.split("—")[0].strip("# ").strip())
    return out


def test_an_event_uncommented_as_the_scenario_template_shows_it_is_read() -> None:
    text = template("scenario")
    assert "{}" not in text.replace("interpretations: {}", "")  # no placeholder that fails
    record = yaml.safe_load(_uncomment_items(text))["record"]
    rec = SandboxRecord.model_validate(record)
    assert [(e.type, e.date.isoformat()) for e in rec.events] == [("testing_started", "2026-06-01")]


@pytest.mark.parametrize("what", ["application", "scenario", "case"])
def test_every_field_is_explained_in_vietnamese(what: str) -> None:
    """No field's comment is its own name: each says, in Vietnamese, what it is."""
    for line in template(what).splitlines():
        body = line.strip().removeprefix("# ").removeprefix("- ").strip()
        key, sep, rest = body.partition(":")
        if not sep or " " in key or not rest.strip().startswith(("#", "[]  #")):
            continue
        comment = rest.split("#", 1)[1].strip()
        assert comment.split(" — ")[0].strip() not in (key, key.replace("_", " ")), line


# (the field, words its Vietnamese explanation must hold: what it is and its clause)
EXPLAINED = [
    ("applicant:", "điểm c khoản 1 Điều 15"),  # applicant_changed: 15.1.c
    ("remediation_required:", "khoản 3 Điều 17; điểm d khoản 1 Điều 15"),
    ("background:", "— điểm a, b, c khoản 1 Điều 9"),  # the clauses cited: a-c, not only a
]


@pytest.mark.parametrize(("field", "words"), EXPLAINED)
def test_fields_of_legal_weight_are_explained_with_their_clauses(field: str, words: str) -> None:
    lines = (template("scenario") + template("application")).splitlines()
    # the field's own comment, or the heading comment on the line above it
    said = [
        x
        for i, x in enumerate(lines)
        if field in x or (i + 1 < len(lines) and field in lines[i + 1])
    ]
    assert any(words in x for x in said), said


def test_the_scenario_template_lists_each_procedures_events_in_the_order_of_its_steps() -> None:
    from datetime import date

    from sandbox_rules.procedures import PROCEDURES, timeline

    text = template("scenario")
    # 12.4: its steps are consult, replies, decide; consultation_received where a reading
    # counts the replies from it, decision at the end
    assert _events_of(text, "issuance-12.4") == [
        "dossier_complete",
        "consultation_sent",
        "consultation_received",
        "replies_received",
        "decision",
    ]
    assert "#     decision — quyết định" in text
    assert "#     replies_received — nhận đủ ý kiến trả lời" in text
    # every event listed for a procedure is one its timeline takes
    for pid in PROCEDURES:
        listed = _events_of(text, pid)
        assert listed, pid
        days = {e: date(2026, 6, 1 + i) for i, e in enumerate(listed)}
        timeline(pid, days, date(2026, 7, 1))  # no unknown event


def test_every_event_type_has_a_vietnamese_name() -> None:
    from sandbox_rules.lifecycle import RECORD_EVENTS, _transition_events

    text = template("scenario")
    for event in (*_transition_events(), *RECORD_EVENTS):
        (line,) = [x for x in text.splitlines() if x.strip().startswith(f"#   {event} —")]
        assert line.split("—", 1)[1].strip() not in ("", event), line


def test_list_fields_show_an_item_and_documents_the_accepted_names() -> None:
    text = template("application")
    after = text.split("court_measures:")[1].splitlines()[1:3]
    assert "# - prison_sentence_postponed" in after[1]
    assert "cấm đảm nhiệm chức vụ" in after[1]  # each value named in Vietnamese
    documents = text.split("  documents:")[1]
    assert "# - HĐTN01" in documents and "# - plan" in documents
    assert "«Đề nghị cấp Giấy chứng nhận tham gia hoạt động thử nghiệm có kiểm soát»" in documents
    app = Application.model_validate(yaml.safe_load(_uncomment_items(text)))
    assert app.submission.documents == ["HĐTN01", "plan"]
    assert [str(m) for m in app.applicant.legal_representative.background.court_measures or []] == [
        "prison_sentence_postponed"
    ]


def test_case_template_has_the_other_inputs_and_says_each_expectations_form() -> None:
    # Trial 2, A16: only application: and expect:, no hint of the form of due, step_status,
    # obligations or error, and extension_window described as a list.
    text = template("case")
    for key in ("record:", "as_of:", "timeline:", "dossier:", "compliance:"):
        assert f"\n# {key}" in text, key
    # Uncommented, the skeletons are a valid case.
    lines = []
    for line in text.splitlines():
        if line.startswith(
            ("# record:", "# as_of:", "# timeline:", "# dossier:", "# compliance:")
        ) or (line.startswith("#   ") and lines and not lines[-1].startswith("# ")):
            line = line[2:]
        lines.append(line)
    case = Case.model_validate(yaml.safe_load("\n".join(lines) + "\n"))
    assert case.record is not None and case.as_of is not None
    assert case.timeline is not None and case.dossier is not None and case.compliance
    words = {ln.split(":")[0].strip("# "): ln for ln in text.splitlines() if ln.startswith("  # ")}
    assert "mã bước -> ngày" in words["due"]
    assert (
        "mã bước -> tình trạng" in words["step_status"]
        and "overdue (quá hạn)" in words["step_status"]
    )
    assert (
        "mã nghĩa vụ" in words["obligations"]
        and "done_late (thực hiện trễ hạn)" in words["obligations"]
    )
    assert "invalid_transition" in words["error"]
    assert "cặp ngày [ngày đầu, ngày cuối]" in words["extension_window"]
    assert "danh sách" not in words["extension_window"]
