"""Art. 22.2 gives one answer on every surface (trial finding 1): ``lifecycle``, the case
runner (``sandbox-rules test``) and the appraisal note (``report``) evaluate the exemption by
the same path, the declared checklist read together with the record's computed schedule.

22.2: "Tổ chức, cá nhân tham gia hoạt động thử nghiệm được miễn trách nhiệm dân sự ... khi đã
thực hiện đầy đủ các quy trình, quy định liên quan". A quarterly report filed after the 5th
(18.3 "thời hạn nộp báo cáo chậm nhất là ngày 05") is a procedure not fully followed, whatever
the checklist says.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from test_post_issuance_obligations import ALL_DECLARED, BASE, STARTED

from sandbox_rules.cli import main
from sandbox_rules.surfaces.casefiles import run_file
from sandbox_rules.surfaces.report.build import build, read_input

# The record and the full checklist of the post-issuance tests (issued 02/03/2026 for 24
# months, testing from 10/03/2026; every participant duty declared complied).

# (events, as of, exempt): the same rows on every surface.
ROWS = [
    # Q1/2026's report filed 03/04, before the 5th (Sun 05/04 → Mon 06/04): nothing in the way.
    ([STARTED, {"type": "quarterly_report_submitted", "date": "2026-04-03"}], "2026-05-01", True),
    # Filed 10/04, after 06/04: "thực hiện muộn" (done_late) → not exempt (22.2 with 18.3).
    ([STARTED, {"type": "quarterly_report_submitted", "date": "2026-04-10"}], "2026-05-01", False),
    # Never filed by 01/05: overdue → not exempt.
    ([STARTED], "2026-05-01", False),
]


def _scenario(tmp: Path, events: list[dict[str, Any]], as_of: str) -> Path:
    f = tmp / "kich-ban.yaml"
    body = {"as_of": as_of, "record": {**BASE, "events": events}, "compliance": ALL_DECLARED}
    f.write_text(yaml.safe_dump(body, allow_unicode=True), encoding="utf-8")
    return f


@pytest.mark.parametrize(("events", "as_of", "exempt"), ROWS)
def test_every_surface_gives_the_same_22_2_answer(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    events: list[dict[str, Any]],
    as_of: str,
    exempt: bool,
) -> None:
    scenario = _scenario(tmp_path, events, as_of)

    # lifecycle (CLI, JSON)
    assert main(["--json", "lifecycle", str(scenario)]) == 0
    life = json.loads(capsys.readouterr().out)["duties"]["exemption"]
    assert life["exempt"] is exempt and life["schedule_checked"] is True

    # the case runner: a case reading the scenario through from:, and one holding the record
    case = tmp_path / "mien-tru.case.yaml"
    case.write_text(
        yaml.safe_dump(
            {
                "cases": [
                    {"name": "from", "from": scenario.name, "expect": {"exempt": exempt}},
                    {
                        "name": "inline",
                        "as_of": as_of,
                        "record": {**BASE, "events": events},
                        "compliance": ALL_DECLARED,
                        "expect": {"exempt": exempt},
                    },
                ]
            },
            allow_unicode=True,
        ),
        encoding="utf-8",
    )
    results = run_file(case)
    assert [r.status for r in results] == ["passed", "passed"], [
        (c.key, c.expected, c.actual) for r in results for c in r.misses
    ]

    # report: the scenario's note, and the note of each case of the case file
    raw = scenario.read_bytes()
    note = build(read_input(yaml.safe_load(raw), scenario.name, raw))
    assert note["duties"]["exemption"]["exempt"] is exempt
    assert note["duties"]["exemption"]["schedule_checked"] is True
    assert "participant-exemption-scope" in note["interpretations_used"]
    out = tmp_path / "note.html"
    assert main(["report", str(case), "--html", str(out)]) == 0
    capsys.readouterr()
    page = out.read_text(encoding="utf-8")
    verdict = "được miễn" if exempt else "không được miễn"
    assert page.count(f"Miễn trách nhiệm dân sự (khoản 2 Điều 22): {verdict}") == 2


def test_a_refused_exemption_names_its_obstacles_on_every_surface(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Trial 2, A6: "mong đợi: có / thực tế: không" with no reason, and a report whose every
    # duty reads "có" next to "không được miễn". The duty in the way, as lifecycle says it:
    obstacle = (
        "khoản 3 Điều 18 Báo cáo định kỳ quý I/2026 (HĐTN08 tổ chức / HĐTN07 cá nhân) — "
        "thực hiện trễ hạn (06/04/2026)"
    )
    events = [STARTED, {"type": "quarterly_report_submitted", "date": "2026-04-10"}]
    scenario = _scenario(tmp_path, events, "2026-05-01")
    assert main(["lifecycle", str(scenario)]) == 0
    assert f"vướng: {obstacle}" in capsys.readouterr().out
    case = tmp_path / "ca.case.yaml"
    case.write_text(
        yaml.safe_dump(
            {"cases": [{"name": "x", "from": scenario.name, "expect": {"exempt": True}}]},
            allow_unicode=True,
        ),
        encoding="utf-8",
    )
    [result] = run_file(case)
    [miss] = result.misses
    assert miss.note is not None and obstacle in miss.note
    out = tmp_path / "note.html"
    assert main(["report", str(scenario), "--html", str(out)]) == 0
    capsys.readouterr()
    assert f"<li>{obstacle}</li>" in out.read_text(encoding="utf-8")
