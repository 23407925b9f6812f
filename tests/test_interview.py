"""The interview: asks only what could still change an answer, in clause order, quoting the
clause; "không biết" skips; answers are written back with the file's comments. Run
non-interactively (answers file) and through a real pseudo-terminal."""

from __future__ import annotations

import os
import select
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from _cli import run_cli

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


def test_the_status_line_shows_the_authority_route_decided() -> None:
    # 12.1.a decides the authority (two sources of Đà Nẵng) while the procedure waits for the
    # second source's owning unit (12.3 or 12.4): the interview names the authority, as route
    # does, and does not call it undetermined (trial finding 5).
    from sandbox_rules.engine import route
    from sandbox_rules.surfaces.interview.session import status_line

    app = _app(
        PARTIAL.replace(
            "  - {name: Dữ liệu du lịch, managed_by: Đà Nẵng, defence_or_cipher: false}",
            "  - {name: A, managed_by: Đà Nẵng, owning_unit: Sở Du lịch, defence_or_cipher: false}\n"
            "  - {name: B, managed_by: Đà Nẵng, defence_or_cipher: false}",
        )
    )
    r = route(app)
    assert r.status == "undetermined" and r.authority is not None
    line = status_line(app)
    assert "cơ quan có thẩm quyền cấp: Chủ tịch Ủy ban nhân dân thành phố Đà Nẵng" in line, line
    assert "Chairman of the Da Nang People's Committee" in status_line(app, "en")


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


# -- answers that cannot be used (issue 12) -------------------------------------------------------
# An application with one data source whose managing body and defence flag are still empty, so
# the interview asks for both (12.1).
OPEN_SOURCE = PARTIAL.replace(
    "  - {name: Dữ liệu du lịch, managed_by: Đà Nẵng, defence_or_cipher: false}\n",
    "  - {name: Dữ liệu du lịch, managed_by: Đà Nẵng, defence_or_cipher: false}\n"
    "  - {name: Dữ liệu thuế, owning_unit: Cục Thuế}\n",
)


def _cli(args: list[str], stdin: str = "") -> tuple[int, str, str]:
    return run_cli(args, stdin)


# (answers file, the refused answer's line, what the officer is told, the field left empty)
REFUSED_ANSWERS = [
    # a near-miss of a catalogue name: refused by validation, with the nearest body suggested
    (
        "applicant.staff_qualified: có\ndata_sources[2].managed_by: Bộ Tài Chánh\n",
        2,
        "Có phải ý bạn là «Bộ Tài chính»?",
        ("data_sources", 1, "managed_by"),
    ),
    # "ko" is not one of có / không / không biết
    (
        "applicant.staff_qualified: có\ndata_sources[2].defence_or_cipher: ko\n",
        2,
        "Chưa hiểu «ko»",
        ("data_sources", 1, "defence_or_cipher"),
    ),
    # a day that does not exist, answered first
    (
        "scope.planned_start: 31/02/2026\napplicant.staff_qualified: có\n",
        1,
        "«31/02/2026» không phải là ngày",
        ("scope", "planned_start"),
    ),
]


@pytest.mark.parametrize(("answers", "line", "told", "empty"), REFUSED_ANSWERS)
def test_a_refused_answer_of_the_file_is_reported_once_and_the_valid_ones_written(
    tmp_path: Path, answers: str, line: int, told: str, empty: tuple[str | int, ...]
) -> None:
    app, ans, out = tmp_path / "app.yaml", tmp_path / "tl.yaml", tmp_path / "out.yaml"
    app.write_text(OPEN_SOURCE, encoding="utf-8")
    ans.write_text(answers, encoding="utf-8")
    code, stdout, stderr = _cli(["interview", str(app), "--answers", str(ans), "-o", str(out)])
    assert code == 1, stderr
    assert "Traceback" not in stderr
    assert len(stdout) < 30_000  # no loop
    assert stdout.count(told) == 1, stdout[-2000:]
    assert stdout.count(f"tl.yaml, dòng {line}:") == 1
    assert "1 câu trả lời không được nhận" in stderr
    data = yaml.safe_load(out.read_text(encoding="utf-8"))
    assert data["applicant"]["staff_qualified"] is True  # the valid answer is kept and written
    node: Any = data
    for k in empty:
        node = node.get(k) if isinstance(node, dict) else (node[k] if node else None)
    assert node is None  # the refused value is not written
    assert app.read_text(encoding="utf-8") == OPEN_SOURCE  # -o: the input stays as it was


def test_a_refused_answer_is_a_record_in_json(tmp_path: Path) -> None:
    import json

    app, ans = tmp_path / "app.yaml", tmp_path / "tl.yaml"
    app.write_text(OPEN_SOURCE, encoding="utf-8")
    ans.write_text("data_sources[2].managed_by: Bộ Tài Chánh\n", encoding="utf-8")
    code, stdout, _ = _cli(["interview", str(app), "--answers", str(ans), "--dry-run", "--json"])
    assert code == 1
    out = json.loads(stdout)
    assert [(r["field"], r["given"], r["suggestion"]) for r in out["rejected"]] == [
        ("data_sources[2].managed_by", "Bộ Tài Chánh", "Bộ Tài chính")
    ]


# (an answers file's key that names no field, the field suggested, whether "counted from 1" is said)
UNKNOWN_KEYS = [
    ("applicant.staf_qualified", "applicant.staff_qualified", False),  # a slip of spelling
    ("data_sources[0].managed_by", "data_sources[1].managed_by", True),  # counted from 0
    ("data_sources[3].defence_or_cipher", "data_sources[2].defence_or_cipher", False),  # no item 3
    ("applicant.nothing_like_this_at_all", None, False),  # nothing near: no suggestion
]


@pytest.mark.parametrize(("key", "suggested", "from_one"), UNKNOWN_KEYS)
def test_an_answer_naming_no_field_is_a_warning_with_the_nearest_field(
    tmp_path: Path, key: str, suggested: str | None, from_one: bool
) -> None:
    app, ans = tmp_path / "app.yaml", tmp_path / "tl.yaml"
    app.write_text(OPEN_SOURCE, encoding="utf-8")
    ans.write_text(f"applicant.staff_qualified: có\n{key}: có\n", encoding="utf-8")
    code, stdout, stderr = _cli(["interview", str(app), "--answers", str(ans), "--dry-run"])
    assert code == 0, stderr  # a warning, not an error
    warning = next(x for x in stdout.splitlines() if "Cảnh báo" in x)
    assert "tl.yaml, dòng 2:" in warning and f"«{key}»" in warning
    if suggested is None:
        assert "Có phải ý bạn là" not in warning
    else:
        assert f"Có phải ý bạn là «{suggested}»?" in warning
    assert ("đếm từ 1" in warning) is from_one


# (answers, the field written though never asked, its value in the file written)
UNASKED_ANSWERS = [
    # 9.1: staff not qualified decides Art. 9; 9.3.d is no longer asked, but it was given
    (
        "applicant.staff_qualified: không\nsolution.feasible_after_testing: có\n",
        ("solution", "feasible_after_testing"),
        True,
    ),
    # a fact's name instead of its field (org.staff_qualified) is read as the field
    ("org.staff_qualified: không\n", ("applicant", "staff_qualified"), False),
    # the plan is incomplete once 11.6 is "không"; 11.7 given after it is still written
    (
        "applicant.staff_qualified: không\nplan.expected_results: không\n"
        "plan.explanatory_documents: có\n",
        ("plan", "explanatory_documents"),
        True,
    ),
]


@pytest.mark.parametrize(("answers", "path", "value"), UNASKED_ANSWERS)
def test_answers_to_questions_not_asked_are_still_written(
    tmp_path: Path, answers: str, path: tuple[str, str], value: bool
) -> None:
    app, ans = tmp_path / "app.yaml", tmp_path / "tl.yaml"
    app.write_text(OPEN_SOURCE, encoding="utf-8")
    ans.write_text(answers, encoding="utf-8")
    code, stdout, stderr = _cli(["interview", str(app), "--answers", str(ans)])
    assert code == 0, stderr
    data = yaml.safe_load(app.read_text(encoding="utf-8"))
    assert data[path[0]][path[1]] is value
    assert "Cảnh báo" not in stdout


def test_an_answer_to_a_field_the_file_fills_keeps_the_file_and_warns(tmp_path: Path) -> None:
    app, ans = tmp_path / "app.yaml", tmp_path / "tl.yaml"
    app.write_text(OPEN_SOURCE, encoding="utf-8")
    ans.write_text("applicant.lawful_legal_entity_in_vietnam: không\n", encoding="utf-8")
    code, stdout, _ = _cli(["interview", str(app), "--answers", str(ans)])
    assert code == 0
    assert "tl.yaml, dòng 1:" in stdout and "giữ nguyên" in stdout
    assert yaml.safe_load(app.read_text(encoding="utf-8"))["applicant"][
        "lawful_legal_entity_in_vietnam"
    ]


def test_an_empty_answers_file_answers_nothing_and_says_so(tmp_path: Path) -> None:
    app, ans = tmp_path / "app.yaml", tmp_path / "tl.yaml"
    app.write_text(OPEN_SOURCE, encoding="utf-8")
    ans.write_text("{}\n", encoding="utf-8")
    code, stdout, stderr = _cli(["interview", str(app), "--answers", str(ans), "--dry-run"])
    assert code == 0, stderr
    assert "> không biết" not in stdout  # nobody typed it
    asked = stdout.count("\nCâu ")
    assert asked > 0 and stdout.count("không có câu trả lời cho câu này") == asked


# (what is typed at the terminal, what must be said, how often)
TERMINAL_SESSIONS = [
    # three wrong answers in a row: the question is treated as unknown, then the next asked
    ("ko\nko\nko\n", "Đã 3 lần chưa nhận được câu trả lời hợp lệ", 1),
    # standard input at its end from the start: one stop, no question asked twice
    ("", "Dừng hỏi (hết câu trả lời).", 1),
    # a wrong answer at the end of the input: stops, does not ask again forever
    ("ko\n", "Dừng hỏi (hết câu trả lời).", 1),
]


@pytest.mark.parametrize(("typed", "said", "times"), TERMINAL_SESSIONS)
def test_the_terminal_asks_again_a_bounded_number_of_times(
    tmp_path: Path, typed: str, said: str, times: int
) -> None:
    app = tmp_path / "app.yaml"
    app.write_text(OPEN_SOURCE, encoding="utf-8")
    code, stdout, stderr = _cli(["interview", str(app), "--dry-run"], stdin=typed)
    assert code == 0, stderr
    assert stdout.count(said) == times
    assert stdout.count("Câu 1 ") == 1


# (a key of an answers file, its data path: items counted from 1 in the key, from 0 in the path)
ANSWER_PATHS = [
    ("applicant.staff_qualified", ("applicant", "staff_qualified")),
    ("data_sources[2].managed_by", ("data_sources", 1, "managed_by")),
    (" data_sources [1] . owning_unit ", ("data_sources", 0, "owning_unit")),  # spaces
    ("data_sources[0].managed_by", None),  # item 0 does not exist when counting from 1
    ("data_sources[x].managed_by", None),  # not a number
    ("", None),
]


@pytest.mark.parametrize(("key", "path"), ANSWER_PATHS)
def test_answer_keys_are_read_as_paths(key: str, path: tuple[str | int, ...] | None) -> None:
    from sandbox_rules.surfaces.interview.session import answer_path

    assert answer_path(key) == path


# -- never losing the officer's comments silently (trial finding 11) -----------------------------
# (ruamel.yaml at hand, options, exit code, the input file kept as it was, words said first)
WRITING_BACK = [
    # comments can be kept: the file is completed in place, its comments kept
    (True, [], 0, False, "Đã ghi hồ sơ đã bổ sung"),
    # they cannot: the file is not overwritten, and the officer is told why and what to do
    (False, [], 1, True, "lệnh không ghi đè tệp này. Ghi ra tệp khác bằng -o TỆP-MỚI"),
    # another file: written, and said before anything is asked that comments are not kept
    (False, ["-o", "{dir}/moi.yaml"], 0, True, "các chú thích (#) và thứ tự các trường"),
    # --force: overwritten as asked, said first too
    (False, ["--force"], 0, False, "sẽ không được giữ trong"),
    # -o naming the input itself is overwriting it
    (False, ["-o", "{dir}/app.yaml"], 1, True, "lệnh không ghi đè tệp này"),
    # nothing written: nothing to lose
    (False, ["--dry-run"], 0, True, "Câu 1"),
]


@pytest.mark.parametrize(("ruamel", "options", "code", "kept", "said"), WRITING_BACK)
def test_the_interview_never_drops_comments_silently(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    ruamel: bool,
    options: list[str],
    code: int,
    kept: bool,
    said: str,
) -> None:
    if not ruamel:
        monkeypatch.setitem(sys.modules, "ruamel.yaml", None)  # import fails as when absent
    app, ans = tmp_path / "app.yaml", tmp_path / "tl.yaml"
    app.write_text(PARTIAL, encoding="utf-8")
    ans.write_text("applicant.staff_qualified: có\n", encoding="utf-8")
    argv = ["interview", str(app), "--answers", str(ans)]
    got, stdout, stderr = _cli([*argv, *(o.format(dir=tmp_path) for o in options)])
    assert got == code, stderr
    assert (app.read_text(encoding="utf-8") == PARTIAL) is kept
    assert said in stdout + stderr
    if not ruamel and code == 0 and "--dry-run" not in options:
        assert stdout.index("sẽ không được giữ") < stdout.index("Câu 1")  # before, not after
    if ruamel:
        assert "# đã kiểm tra đăng ký doanh nghiệp" in app.read_text(encoding="utf-8")


# (a yes/no or list question, the answer given, the value) — the number of a choice counts
NUMBERED_ANSWERS = [
    ("org.staff_qualified", "1", True),  # 1. có
    ("org.staff_qualified", "2", False),  # 2. không
    ("org.staff_qualified", 2, False),  # an answers file's 2, a YAML int
    ("org.restructuring", "2", []),  # 2. không có
]


@pytest.mark.parametrize(("fact", "raw", "value"), NUMBERED_ANSWERS)
def test_a_yes_no_question_takes_the_number_of_its_choice(
    fact: str, raw: object, value: object
) -> None:
    from sandbox_rules.surfaces.interview import hint

    q = next(q for q in questions(_app(PARTIAL)) if q.fact == fact)
    assert parse_answer(q, raw) == value
    assert "1. có" in hint(q) and "/ 2. không" in hint(q)  # the numbers are offered


def test_an_answer_from_the_file_is_echoed_as_the_officer_writes_it(tmp_path: Path) -> None:
    # A YAML false was echoed "> False": Python's word, not the officer's «không».
    app, ans = tmp_path / "app.yaml", tmp_path / "tl.yaml"
    app.write_text(PARTIAL, encoding="utf-8")
    ans.write_text("applicant.staff_qualified: false\n", encoding="utf-8")
    code, stdout, stderr = _cli(["interview", str(app), "--answers", str(ans), "--dry-run"])
    assert code == 0, stderr
    assert "\n> không\n" in stdout and "> False" not in stdout


def test_another_file_named_by_o_is_replaced_only_with_force(tmp_path: Path) -> None:
    # -o OTHER silently replaced an unrelated file; every other output of the command line
    # (init, --ics, --html) refuses without --force, said before any question is asked.
    app, ans, other = tmp_path / "app.yaml", tmp_path / "tl.yaml", tmp_path / "other.yaml"
    app.write_text(PARTIAL, encoding="utf-8")
    ans.write_text("applicant.staff_qualified: có\n", encoding="utf-8")
    other.write_text("# not an application\n", encoding="utf-8")
    code, stdout, stderr = _cli(["interview", str(app), "--answers", str(ans), "-o", str(other)])
    assert code == 1 and "--force" in stderr and "Câu " not in stdout
    assert other.read_text(encoding="utf-8") == "# not an application\n"
    args = ["interview", str(app), "--answers", str(ans), "-o", str(other), "--force"]
    assert _cli(args)[0] == 0
    assert "staff_qualified" in other.read_text(encoding="utf-8")


# -- answers typed (stdin) with --json (trial 4, N1-N3) -------------------------------------------
UNDETERMINED = Path(__file__).parent.parent / "examples" / "org-undetermined.yaml"


def test_with_json_the_questions_go_to_stderr_and_stdout_is_the_record(tmp_path: Path) -> None:
    import json

    path = tmp_path / "app.yaml"
    path.write_text(UNDETERMINED.read_text(encoding="utf-8"), encoding="utf-8")
    code, out, err = run_cli(["interview", str(path), "--json", "--dry-run"], stdin="không\n")
    assert code == 0
    (line,) = out.splitlines()  # the record alone, on one line: no prompt before it
    record = json.loads(line)
    assert record["kind"] == "interview"
    assert "> " in err  # the prompt, where a person at the terminal sees it
    # One answer, then the input ran out: the questions still open are unanswered, not done.
    assert len(record["answered"]) == 1
    assert record["unanswered"]
    assert not set(record["unanswered"]) & set(record["answered"])


def test_a_session_that_takes_no_answer_leaves_the_file_as_it_was(tmp_path: Path) -> None:
    path = tmp_path / "app.yaml"
    text = UNDETERMINED.read_text(encoding="utf-8")
    path.write_text(text, encoding="utf-8")
    os.utime(path, (1_600_000_000, 1_600_000_000))
    code, _out, _err = run_cli(["interview", str(path), "--json"], stdin="")
    assert code == 0
    assert path.read_text(encoding="utf-8") == text
    assert path.stat().st_mtime == 1_600_000_000  # not even written again
