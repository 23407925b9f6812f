"""The command line: outputs, JSON, exit codes."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest

from sandbox_rules.cli import main


def test_law_prints_the_point(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["law", "9.1.b"]) == 0
    out = capsys.readouterr().out
    assert "điểm b khoản 1 Điều 9" in out and "03 năm tù trở lên" in out


def test_law_in_english_and_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["law", "12.3.b", "--lang", "en"]) == 0
    assert "Article 12(3)(b)" in capsys.readouterr().out
    assert main(["law", "12.3.b", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["vi"] == "điểm b khoản 3 Điều 12"


def test_deadline_explains_the_swapped_day(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["deadline", "2026-01-01", "--working-days", "3", "--explain"]) == 0
    out = capsys.readouterr().out
    assert "02/01/2026" in out and "12729/VPCP-KGVX" in out and "07/01/2026" in out


def test_calendar_and_coverage_and_rules(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["calendar", "2026", "--json"]) == 0
    days = json.loads(capsys.readouterr().out)["days"]
    assert {"date": "2026-01-10", "status": "worked"}.items() <= days[2].items()
    from sandbox_rules.coverage import coverage_counts, coverage_table
    from sandbox_rules.rules import registry

    c = coverage_counts(coverage_table(registry()))
    assert c["total"] == 119 and c["encoded"] + c["not_computable"] == 119
    assert main(["coverage"]) == 0
    # 8.6 is encoded as an informational note (issue 8, item 10): 99 encoded, 20 not computable.
    assert "119 đơn vị: 99 đã mã hóa, 20 không tính toán được" in capsys.readouterr().out
    assert main(["coverage", "--lang", "en"]) == 0
    assert "119 units: 99 encoded, 20 not computable" in capsys.readouterr().out
    assert main(["rules", "--kind", "routing", "--json"]) == 0
    # 12.1.a-c (authority); 12.3, 12.4, 12.6 and the strict-reading gap (procedure);
    # 15.3 (MND revokes) and 16.4 (MND concludes) for defence and cipher data.
    assert len(json.loads(capsys.readouterr().out)["rules"]) == 9


def test_exit_codes(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["law", "99.1"]) == 1
    assert "unknown_citation" in capsys.readouterr().err
    assert main(["deadline", "2026-01-01"]) == 2
    assert main(["nonsense"]) == 2  # main returns the code; argparse's SystemExit stays inside


def test_assess_route_dossier_commands(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["assess", "examples/org-hanoi-one-source.yaml"]) == 0
    out = capsys.readouterr().out
    assert "ĐỦ ĐIỀU KIỆN" in out and "điểm b khoản 1 Điều 9" in out
    assert main(["assess", "examples/individual-ineligible.yaml", "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "NOT ELIGIBLE" in out and "Article 9(2); Article 9(1)(b)" in out
    assert (
        main(
            [
                "route",
                "examples/org-three-provinces.yaml",
                "--json",
                "--interpretation",
                "procedure-many-sources=strict",
            ]
        )
        == 0
    )
    assert json.loads(capsys.readouterr().out)["status"] == "not_specified_by_text"
    assert (
        main(["dossier", "examples/adjustment-dossier.yaml", "--procedure", "adjustment", "--json"])
        == 0
    )
    assert [m["document"] for m in json.loads(capsys.readouterr().out)["missing"]] == ["HĐTN08"]


def test_input_errors_exit_1(capsys: pytest.CaptureFixture[str], tmp_path: Any) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"applicant": {"kind": "robot"}}', encoding="utf-8")
    assert main(["assess", str(bad)]) == 1
    assert "input_validation" in capsys.readouterr().err
    assert main(["assess", str(tmp_path / "missing.yaml")]) == 1


def test_schema_and_catalogue_commands(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema", "application"]) == 0
    assert "discriminator" in capsys.readouterr().out
    assert main(["catalogue", "--json"]) == 0
    assert len(json.loads(capsys.readouterr().out)["bodies"]) > 34


def test_timeline_lifecycle_obligations_commands(
    capsys: pytest.CaptureFixture[str], tmp_path: Any
) -> None:
    assert main(["timeline", "examples/scenarios/issuance-across-tet.yaml", "--explain"]) == 0
    out = capsys.readouterr().out
    assert "23/02/2026" in out and "Tết" in out  # Vietnamese output: dd/mm/yyyy
    assert main(["lifecycle", "examples/scenarios/revocation-after-90-days.yaml", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["revocation_grounds"][0]["decision_due"] == "2026-06-16"
    ics = tmp_path / "out.ics"
    assert main(["obligations", "examples/scenarios/conclusion.yaml", "--ics", str(ics)]) == 0
    capsys.readouterr()
    assert ics.read_text(encoding="utf-8").startswith("BEGIN:VCALENDAR")
    assert (
        main(
            [
                "lifecycle",
                "examples/scenarios/conclusion.yaml",
                "--lang",
                "en",
                "--as-of",
                "2027-12-01",
            ]
        )
        == 0
    )
    assert "Civil-liability exemption (Article 22(2)): exempt" in capsys.readouterr().out


def test_every_scenario_runs(capsys: pytest.CaptureFixture[str]) -> None:
    from pathlib import Path

    for path in sorted(Path("examples/scenarios").glob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        if "timeline" in text:
            assert main(["timeline", str(path), "--json"]) == 0, path
        if "\nrecord:" in text:
            assert main(["lifecycle", str(path), "--json"]) == 0, path
            assert main(["obligations", str(path), "--json"]) == 0, path
    capsys.readouterr()


# -- date options (trial finding 13) -------------------------------------------------------------
# (the command, the date given, what the error must say)
DATE_OPTIONS = [
    # dd/mm/yyyy: said so, with the same day in ISO form
    (
        ["timeline", "examples/scenarios/issuance-across-tet.yaml", "--as-of"],
        "15/12/2028",
        "«15/12/2028» không phải là ngày: ngày viết theo kiểu dd/mm/yyyy; viết theo dạng "
        "YYYY-MM-DD, ví dụ 2026-12-01. Có phải ý bạn là «2028-12-15»?",
    ),
    # a month that does not exist: which, and the day with day and month swapped
    (
        ["lifecycle", "examples/scenarios/conclusion.yaml", "--as-of"],
        "2029-13-01",
        "«2029-13-01» không phải là ngày: không có tháng 13; viết theo dạng YYYY-MM-DD, ví dụ "
        "2026-12-01. Có phải ý bạn là «2029-01-13»?",
    ),
    # a day the month does not have
    (
        ["report", "examples/scenarios/conclusion.yaml", "--as-of"],
        "2029-02-30",
        "tháng 02/2029 không có ngày 30",
    ),
    # the deadline's event day too
    (["deadline", "--working-days", "3"], "1/2/2026", "Có phải ý bạn là «2026-02-01»?"),
    # no day at all
    (["deadline", "--working-days", "3"], "hôm nay", "không đúng dạng ngày"),
]


@pytest.mark.parametrize(("argv", "given", "said"), DATE_OPTIONS)
def test_a_date_option_says_what_is_wrong_and_the_iso_form(
    argv: list[str], given: str, said: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([*argv, given]) == 2
    assert said in capsys.readouterr().err


@pytest.mark.parametrize("command", ["timeline", "lifecycle", "obligations", "report", "deadline"])
def test_every_date_option_names_its_format_in_its_help(
    command: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([command, "--help"]) == 0
    out = capsys.readouterr().out
    line = next(x for x in out.splitlines() if "--as-of" in x or x.strip().startswith("YYYY"))
    assert "YYYY-MM-DD" in line


HELP_COMMANDS = ["assess", "route", "dossier", "timeline", "lifecycle", "obligations", "batch",
                 "calendar", "deadline", "law", "report", "test", "init", "interview"]  # fmt: skip


@pytest.mark.parametrize("command", HELP_COMMANDS)
def test_help_has_one_options_heading_and_vietnamese_placeholders(
    command: str, capsys: pytest.CaptureFixture[str]
) -> None:
    # The shared options joined a second "tùy chọn:" group; placeholders were English.
    assert main([command, "--help"]) == 0
    out = capsys.readouterr().out
    assert out.count("\ntùy chọn:\n") == 1, out
    assert not re.search(r"\b(FILE|ID=OPTION|OUT\.\w+|AS_OF|PATH)\b", out), out
