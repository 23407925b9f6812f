"""The interview: asks only what could still change an answer, in clause order, quoting the
clause; "không biết" skips; answers are written back with the file's comments. Run
non-interactively (answers file) and through a real pseudo-terminal."""

from __future__ import annotations

import os
import select
import sys
from pathlib import Path

import pytest
import yaml

from sandbox_rules.cli import main
from sandbox_rules.engine import assess
from sandbox_rules.models import Application
from sandbox_rules.surfaces.interview import Unknown, _cite_key, parse_answer, questions

PARTIAL = """\
# Hồ sơ của cán bộ, có chú thích phải được giữ lại
applicant:
  kind: organisation
  lawful_legal_entity_in_vietnam: true   # đã kiểm tra đăng ký doanh nghiệp
  legal_representative:
    vietnamese_citizen: true
data_sources:
  - {name: Dữ liệu du lịch, managed_by: Đà Nẵng, defence_or_cipher: false}
"""


def _app(text: str) -> Application:
    return Application.model_validate(yaml.safe_load(text))


def test_questions_are_in_clause_order_and_each_could_change_an_answer() -> None:
    app = _app(PARTIAL)
    qs = questions(app)
    keys = [min(_cite_key(c) for c in q.clauses) for q in qs]
    assert keys == sorted(keys)
    assert qs[0].clauses[0].startswith("9.1")
    a = assess(app)
    missing = {m.fact for m in a.missing_facts}
    routing_facts = {"sources.owning_unit_count"}
    assert {q.fact for q in qs} <= missing | routing_facts


def test_a_decided_part_asks_nothing_more() -> None:
    # 9.1: the organisation is not a lawful legal entity -> conditions ineligible; asking the
    # other Art. 9 facts cannot change that answer, so none is asked.
    app = _app(
        PARTIAL.replace(
            "lawful_legal_entity_in_vietnam: true", "lawful_legal_entity_in_vietnam: false"
        )
    )
    facts = {q.fact for q in questions(app)}
    assert not {f for f in facts if f.startswith(("org.", "rep.", "solution."))}
    assert any(f.startswith("plan.") for f in facts)  # the plan is still open


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("có", True), ("Có", True), ("khong", False), ("không", False), ("yes", True)],
)
def test_yes_no_answers(raw: str, expected: bool) -> None:
    q = next(q for q in questions(_app(PARTIAL)) if q.fact == "org.staff_qualified")
    assert parse_answer(q, raw) is expected


@pytest.mark.parametrize("raw", ["không biết", "Không biết", "khong biet", "?", ""])
def test_unknown_answers(raw: str) -> None:
    q = questions(_app(PARTIAL))[0]
    with pytest.raises(Unknown):
        parse_answer(q, raw)


def test_answers_file_completes_the_file_and_keeps_comments(tmp_path: Path) -> None:
    f = tmp_path / "app.yaml"
    f.write_text(PARTIAL, encoding="utf-8")
    answers = tmp_path / "answers.yaml"
    answers.write_text(
        "applicant.restructuring: không có\n"
        "applicant.staff_qualified: có\n"
        "applicant.legal_representative.permanent_resident_in_vietnam: không biết\n"
        "solution.feasible_after_testing: không\n"
        "data_sources[1].owning_unit: Sở Du lịch Đà Nẵng\n",
        encoding="utf-8",
    )
    assert main(["interview", str(f), "--answers", str(answers)]) == 0
    text = f.read_text(encoding="utf-8")
    assert "# Hồ sơ của cán bộ" in text and "# đã kiểm tra đăng ký doanh nghiệp" in text
    data = yaml.safe_load(text)
    assert data["applicant"]["restructuring"] == []
    assert data["applicant"]["staff_qualified"] is True
    assert "permanent_resident_in_vietnam" not in data["applicant"]["legal_representative"]
    assert data["solution"]["feasible_after_testing"] is False  # 9.3.d: now ineligible
    assert data["data_sources"][0]["owning_unit"] == "Sở Du lịch Đà Nẵng"
    assert assess(_app(text)).verdict == "ineligible"


def test_dry_run_and_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import json

    f = tmp_path / "app.yaml"
    f.write_text(PARTIAL, encoding="utf-8")
    answers = tmp_path / "a.yaml"
    answers.write_text("applicant.staff_qualified: có\n", encoding="utf-8")
    assert main(["interview", str(f), "--answers", str(answers), "--dry-run", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["answered"] == {"applicant.staff_qualified": True}
    assert f.read_text(encoding="utf-8") == PARTIAL


def _pty_session(args: list[str], answers: list[str], timeout: float = 60.0) -> str:
    """Run the CLI on a real pseudo-terminal, answering each prompt in turn."""
    import pty

    pid, fd = pty.fork()
    if pid == 0:  # the child: the command, its terminal the pty
        os.execv(sys.executable, [sys.executable, "-m", "sandbox_rules.cli", *args])
    out = b""
    pending = list(answers)
    try:
        while True:
            ready, _, _ = select.select([fd], [], [], timeout)
            if not ready:
                raise AssertionError(
                    "no output from the interview:\n" + out.decode(errors="replace")
                )
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                break  # the child closed the terminal
            if not chunk:
                break
            out += chunk
            if out.endswith(b"> "):
                os.write(fd, ((pending.pop(0) if pending else "\x04") + "\n").encode())
    finally:
        _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0, out.decode(errors="replace")
    return out.decode("utf-8", errors="replace")


@pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pseudo-terminal")
def test_interview_through_a_real_terminal(tmp_path: Path) -> None:
    f = tmp_path / "app.yaml"
    f.write_text(PARTIAL, encoding="utf-8")
    # 1: restructuring "không có"; 2: staff "có"; 3: a wrong answer, then "không biết"
    text = _pty_session(["interview", str(f)], ["không có", "có", "có lẽ", "không biết"])
    assert "Câu 1" in text and "đoạn 1 khoản 1 Điều 9" in text  # the clause is quoted
    assert "Chưa hiểu «có lẽ»" in text
    assert "→ điều kiện (Điều 9)" in text
    data = yaml.safe_load(f.read_text(encoding="utf-8"))
    assert data["applicant"]["restructuring"] == [] and data["applicant"]["staff_qualified"] is True
