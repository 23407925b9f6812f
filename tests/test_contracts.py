"""The contract: every JSON the library or the CLI prints validates against the schema it
publishes (`sandbox-rules schema NAME`), checked with a real JSON Schema validator
(jsonschema, draft 2020-12), for every bundled example, in both forms."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

import sandbox_rules as sr
from sandbox_rules.cli import main
from sandbox_rules.schema import INPUTS, OUTPUTS, json_schema, names

ROOT = Path(__file__).parent.parent
APPLICATIONS = sorted(
    p for p in (ROOT / "examples").glob("*.yaml") if p.name != "adjustment-dossier.yaml"
)
SCENARIOS = sorted((ROOT / "examples" / "scenarios").glob("*.yaml"))


@cache  # a validator is reusable; building one (and checking its schema) is the slow part
def _validator(name: str) -> jsonschema.protocols.Validator:
    schema = json_schema(name)
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())


def _valid(name: str, doc: Any) -> None:
    errors = sorted(_validator(name).iter_errors(doc), key=lambda e: list(e.path))
    assert not errors, f"{name}: " + "; ".join(
        f"{'/'.join(map(str, e.path))}: {e.message[:200]}" for e in errors[:5]
    )


@pytest.mark.parametrize("name", names())
def test_every_schema_is_a_valid_draft_2020_12_schema_with_an_id(name: str) -> None:
    schema = json_schema(name)
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$id"].startswith("urn:sandbox-rules:schema:")
    if name in OUTPUTS:
        # Every output record names its kind and schema version.
        assert {"kind", "schema_version"} <= set(schema["properties"])


def test_schema_ids_are_unique() -> None:
    assert len({json_schema(n)["$id"] for n in names()}) == len(names())


def _cli_json(capsys: pytest.CaptureFixture[str], *argv: str) -> Any:
    code = main([*argv, "--json"])
    out = capsys.readouterr().out
    assert code in (0, 1), argv
    return json.loads(out)


@pytest.mark.parametrize("path", APPLICATIONS, ids=lambda p: p.name)
def test_cli_outputs_of_every_application(path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _valid("assessment", _cli_json(capsys, "assess", str(path)))
    _valid("routing", _cli_json(capsys, "route", str(path)))
    _valid("dossier", _cli_json(capsys, "dossier", str(path)))


@pytest.mark.parametrize("path", APPLICATIONS, ids=lambda p: p.name)
def test_python_results_of_every_application(path: Path) -> None:
    app = sr.load_application(yaml.safe_load(path.read_text(encoding="utf-8")))
    _valid("application", json.loads(app.model_dump_json()))
    for form in ("full", "compact"):
        _valid("assessment", _read_back(sr.assess(app), form=form))
    _valid("routing", _read_back(sr.route(app)))
    _valid("dossier", _read_back(sr.issuance_dossier(app)))


def _read_back(result: Any, **options: Any) -> Any:
    """A result's JSON read back; its ``to_dict`` is the same data, lists as lists (trial 3,
    F14: it kept tuples)."""
    doc = json.loads(result.to_json(**options))
    assert result.to_dict(**options) == doc
    return doc


def _scenario_outputs(path: Path) -> Iterator[tuple[str, list[str]]]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if data.get("timeline") or data.get("timelines"):
        kind = "timelines" if len(data.get("timelines") or ()) > 1 else "timeline"
        yield kind, ["timeline", str(path)]
        yield kind, ["timeline", str(path), "--explain"]
    if data.get("record"):
        yield "lifecycle", ["lifecycle", str(path)]
        yield "obligations", ["obligations", str(path)]


@pytest.mark.parametrize("path", SCENARIOS, ids=lambda p: p.name)
def test_cli_outputs_of_every_scenario(path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    _valid("scenario", json.loads(json.dumps(data, default=str)))
    for kind, argv in _scenario_outputs(path):
        _valid(kind, _cli_json(capsys, *argv))


@pytest.mark.parametrize("path", SCENARIOS, ids=lambda p: p.name)
def test_python_results_of_every_scenario(path: Path) -> None:
    from sandbox_rules.duties import duties
    from sandbox_rules.lifecycle import lifecycle, load_record
    from sandbox_rules.obligations import obligations
    from sandbox_rules.procedures import timeline

    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    as_of = data["as_of"]
    for spec in data.get("timelines") or ([data["timeline"]] if data.get("timeline") else []):
        t = timeline(spec["procedure"], spec["events"], as_of)
        _valid("timeline", _read_back(t, explain=True))
    if data.get("record"):
        _valid("record", json.loads(load_record(data["record"]).model_dump_json()))
        _valid("lifecycle", _read_back(lifecycle(data["record"], as_of)))
        _valid("obligations", _read_back(obligations(data["record"], as_of)))
    if data.get("compliance"):
        _valid("duties", _read_back(duties(data["compliance"])))


@pytest.mark.parametrize("explain", [False, True])
def test_deadline_outputs(explain: bool, capsys: pytest.CaptureFixture[str]) -> None:
    d = sr.VietnamCalendar().deadline(date(2026, 1, 1), sr.WorkingDays(3))
    _valid("deadline", json.loads(d.to_json(explain=explain)))
    argv = ["deadline", "2026-01-01", "--working-days", "3"] + (["--explain"] if explain else [])
    _valid("deadline", _cli_json(capsys, *argv))


def test_error_outputs(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("applicant: {kind: company}\n", encoding="utf-8")
    doc = _cli_json(capsys, "assess", str(bad))
    _valid("error", doc["error"])
    try:
        sr.assess({"applicant": {"kind": "company"}})
    except sr.SandboxRulesError as exc:
        _valid("error", json.loads(exc.record().to_json()))
    else:  # pragma: no cover - the input is invalid
        pytest.fail("no error")


def test_dossier_input_schema_accepts_the_bundled_checklist() -> None:
    data = yaml.safe_load((ROOT / "examples" / "adjustment-dossier.yaml").read_text("utf-8"))
    _valid("dossier-input", data)


CASE_FILES = sorted((ROOT / "examples" / "cases").glob("*.case.yaml"))


@pytest.mark.parametrize("path", SCENARIOS + APPLICATIONS, ids=lambda p: p.name)
def test_report_json_of_every_scenario_and_application(
    path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    doc = _cli_json(capsys, "report", str(path))
    assert doc["kind"] == "report"
    assert doc["schema_version"] == json_schema("report")["x-schema-version"]
    _valid("report", doc)
    # Each embedded record is the record its own command prints, valid by its own schema.
    for name in ("assessment", "routing", "dossier", "lifecycle", "obligations", "duties"):
        if doc[name] is not None:
            _valid(name, doc[name])
    for td in doc["timelines"]:
        _valid("timeline", td)
    assert len(doc["clock_stops"]) == len(doc["timelines"])


def _has_timeline(path: Path) -> bool:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return bool(data.get("timeline") or data.get("timelines"))


@pytest.mark.parametrize("path", [p for p in SCENARIOS if _has_timeline(p)], ids=lambda p: p.name)
def test_the_reports_timelines_are_those_timeline_prints(
    path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    printed = _cli_json(capsys, "timeline", str(path))
    expected = printed["timelines"] if printed["kind"] == "timelines" else [printed]
    assert _cli_json(capsys, "report", str(path))["timelines"] == expected


def test_report_json_of_a_case_file(capsys: pytest.CaptureFixture[str]) -> None:
    doc = _cli_json(capsys, "report", str(ROOT / "examples" / "cases" / "examples.case.yaml"))
    assert doc["kind"] == "reports"
    _valid("reports", doc)
    assert [c["case"]["number"] for c in doc["cases"]] == list(range(1, len(doc["cases"]) + 1))


@pytest.mark.parametrize("path", CASE_FILES, ids=lambda p: p.name)
def test_every_bundled_case_file_is_reported(
    path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Every case of the bundled case files is one `test` runs and passes (or refuses as it
    # expects): its note is made, values written as their Vietnamese names included.
    assert main(["report", str(path), "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    _valid("reports" if doc["kind"] == "reports" else "report", doc)
    for case in doc.get("cases", []):
        assert not case.get("error") or case["error"]["expected"], case["case"]


def test_the_conclusion_scenarios_report_timeline_is_a_timeline_record(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # The integrator's repro (F2): the embedded timeline validates as `timeline --json` does.
    path = str(ROOT / "examples" / "scenarios" / "conclusion.yaml")
    timeline = _cli_json(capsys, "report", path)["timelines"][0]
    assert timeline["kind"] == "timeline"
    assert "clock_stop" not in timeline
    _valid("timeline", timeline)


@pytest.mark.parametrize(
    ("name", "argv"),
    [
        ("law-unit", ["law", "12.3.b"]),
        ("law-unit", ["law", "9.1.par2"]),
        ("rules", ["rules"]),
        ("rules", ["rules", "--kind", "routing"]),
        ("coverage", ["coverage"]),
        ("catalogue", ["catalogue"]),
        ("calendar-year", ["calendar", "2026"]),
        ("calendar-year", ["calendar", "2031"]),  # provisional: computed from the statutes
        ("template", ["init", "case"]),
        ("template", ["init", "application", "--kind", "individual", "--lang", "en"]),
    ],
)
def test_reference_outputs_are_records(
    name: str, argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    doc = _cli_json(capsys, *argv)
    assert isinstance(doc, dict)
    assert doc["kind"] == name.replace("-", "_")
    assert doc["schema_version"] == "2.0"
    _valid(name, doc)


def test_rules_is_an_object_naming_every_rule(capsys: pytest.CaptureFixture[str]) -> None:
    doc = _cli_json(capsys, "rules")
    assert list(doc) == ["kind", "schema_version", "rules"]
    assert [r["id"] for r in doc["rules"]] == [r.id for r in sr.registry()]
    routing = _cli_json(capsys, "rules", "--kind", "routing")["rules"]
    assert {r["kind"] for r in routing} == {"routing"}


def test_init_json_says_what_it_wrote(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from sandbox_rules.surfaces.templates.write import template

    out = tmp_path / "c.case.yaml"
    doc = _cli_json(capsys, "init", "case", str(out))
    _valid("template", doc)
    assert doc["path"] == str(out)
    assert doc["what"] == "case"
    assert doc["applicant_kind"] == "organisation"
    assert doc["lang"] == "vi"
    assert doc["text"] == out.read_text(encoding="utf-8") == template("case", "vi")
    assert _cli_json(capsys, "init", "case")["path"] is None


def test_case_results_of_every_bundled_case_file(capsys: pytest.CaptureFixture[str]) -> None:
    doc = _cli_json(capsys, "test", str(ROOT / "examples" / "cases"))
    _valid("case-results", doc)
    assert doc["summary"]["total"] == len(doc["cases"]) > 0
    for path in CASE_FILES:
        _valid("case-results", _cli_json(capsys, "test", str(path)))


def test_case_results_carry_a_schema_version(capsys: pytest.CaptureFixture[str]) -> None:
    doc = _cli_json(
        capsys, "test", str(ROOT / "examples" / "cases" / "9.2-individual-degree.case.yaml")
    )
    assert doc["kind"] == "case_results"
    assert doc["schema_version"] == "2.0"


def test_the_cli_and_the_service_give_the_same_reference_json(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from sandbox_rules.calendar import VietnamCalendar
    from sandbox_rules.surfaces.server import operations as op

    cal = VietnamCalendar()
    for argv, answer in (
        (["law", "12.3.b"], op.law("12.3.b")),
        (["rules", "--kind", "routing"], op.rules("routing")),
        (["coverage"], op.coverage()),
        (["catalogue"], op.catalogue()),
        (["calendar", "2026"], op.calendar("2026", None, cal)),
    ):
        assert _cli_json(capsys, *argv) == json.loads(op.record_json(answer.data)), argv


def test_an_interviews_outcome_is_a_record(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    app = tmp_path / "app.yaml"
    app.write_text("applicant:\n  kind: organisation\n", encoding="utf-8")
    answers = tmp_path / "answers.yaml"
    answers.write_text(
        "applicant.staff_qualified: có\napplicant.lawful_legal_entity_in_vietnam: maybe\n",
        encoding="utf-8",
    )
    code = main(["interview", str(app), "--answers", str(answers), "--dry-run", "--json"])
    assert code == 1  # one answer refused
    doc = json.loads(capsys.readouterr().out)
    _valid("interview", doc)
    assert doc["answered"] == {"applicant.staff_qualified": True}
    assert [r["field"] for r in doc["rejected"]] == ["applicant.lawful_legal_entity_in_vietnam"]


@pytest.mark.parametrize("name", sorted(OUTPUTS))
def test_a_record_nested_in_another_requires_its_kind_and_version(name: str) -> None:
    # Trial 4, N12: a report's timelines and a batch line's error are records as well, and
    # they always carry both.
    schema = json_schema(name)
    for part in [schema, *schema.get("$defs", {}).values()]:
        if {"kind", "schema_version"} <= set(part.get("properties", {})):
            assert {"kind", "schema_version"} <= set(part["required"]), part.get("title")


def test_inputs_and_outputs_are_listed() -> None:
    assert set(INPUTS) == {"application", "record", "scenario", "dossier-input"}
    assert set(OUTPUTS) == {
        "assessment",
        "routing",
        "dossier",
        "deadline",
        "timeline",
        "timelines",
        "lifecycle",
        "obligations",
        "duties",
        "law-unit",
        "rules",
        "coverage",
        "catalogue",
        "calendar-year",
        "report",
        "reports",
        "case-results",
        "template",
        "interview",
        "error",
        "batch-error",
    }


def test_the_cli_offers_every_schema() -> None:
    import argparse

    from sandbox_rules.cli import build_parser

    sub = next(a for a in build_parser()._actions if isinstance(a, argparse._SubParsersAction))
    which = next(a for a in sub.choices["schema"]._actions if a.dest == "which")
    assert tuple(which.choices or ()) == names()


# -- --json is one line (README: "compact, one line; --pretty or a terminal indents it") --------
def _json_command_lines(tmp: Path) -> dict[str, list[list[str]]]:
    """Every command's --json command lines (``serve`` prints no JSON: it runs a server)."""
    scenario = str(ROOT / "examples" / "scenarios" / "conclusion.yaml")
    timelines = str(ROOT / "examples" / "scenarios" / "adjustment-with-clarification.yaml")
    app = str(ROOT / "examples" / "org-hanoi-one-source.yaml")
    partial = tmp / "partial.yaml"
    partial.write_text(
        (ROOT / "examples" / "org-undetermined.yaml").read_text("utf-8"), encoding="utf-8"
    )
    answers = tmp / "answers.yaml"
    answers.write_text("applicant.staff_qualified: có\n", encoding="utf-8")
    batch = tmp / "apps.jsonl"
    data = yaml.safe_load(Path(app).read_text("utf-8"))
    batch.write_text(json.dumps(data, default=str) + "\n", encoding="utf-8")
    return {
        "law": [["law", "12.3.b"]],
        "rules": [["rules"], ["rules", "--kind", "routing"]],
        "coverage": [["coverage"]],
        "calendar": [["calendar", "2026"]],
        "assess": [["assess", app]],
        "route": [["route", app]],
        "dossier": [["dossier", app]],
        "timeline": [["timeline", timelines], ["timeline", scenario, "--explain"]],
        "lifecycle": [["lifecycle", scenario]],
        "obligations": [["obligations", scenario]],
        "batch": [["batch", "assess", str(batch)]],
        "schema": [["schema", "report"], ["schema", "application"]],
        "catalogue": [["catalogue"]],
        "deadline": [["deadline", "2026-01-01", "--working-days", "3", "--explain"]],
        "report": [
            ["report", scenario],
            ["report", app],
            ["report", str(ROOT / "examples" / "cases" / "examples.case.yaml")],
        ],
        "test": [["test", str(ROOT / "examples" / "cases")], ["test", "--schema"]],
        "init": [["init", "case"], ["init", "application", str(tmp / "new.yaml")]],
        "interview": [["interview", str(partial), "--answers", str(answers), "--dry-run"]],
    }


def test_every_command_with_json_prints_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import argparse

    from sandbox_rules.cli import build_parser

    lines = _json_command_lines(tmp_path)
    sub = next(a for a in build_parser()._actions if isinstance(a, argparse._SubParsersAction))
    assert set(sub.choices) - {"serve"} == set(lines)  # a new command gets a line here
    for argv in [["--version"], *(argv for group in lines.values() for argv in group)]:
        code = main([*argv, "--json"])
        out = capsys.readouterr().out
        assert code in (0, 1), argv
        assert out.endswith("\n") and out.count("\n") == 1, (argv, out.count("\n"), out[:200])
        assert isinstance(json.loads(out), (dict, list)), argv


def test_pretty_indents_json(capsys: pytest.CaptureFixture[str]) -> None:
    for argv in (["schema", "timeline"], ["coverage"], ["init", "case"]):
        assert main([*argv, "--json", "--pretty"]) == 0
        out = capsys.readouterr().out
        assert out.count("\n") > 5, argv
        assert out.startswith("{\n  "), argv


# Cases the library refuses: an input error of the case itself and of its record, a timeline
# out of order, a part the expectations need missing.
REFUSED_CASES = {
    "inputs.case.yaml": "name: x\ncompliance:\n  duty.17.3.remediate: maybe\nrecord:\n"
    "  issued_on: 2026-01-05\n  approved_months: 12\n  events:\n"
    "    - {date: 2026-02-01, type: testing_startd}\nas_of: 2026-06-01\nexpect:\n  exempt: true\n",
    "order.case.yaml": "name: x\nas_of: 2026-06-20\ntimeline:\n  procedure: issuance-12.3\n"
    "  events:\n    dossier_complete: 2026-06-01\n    consultation_sent: 2026-06-03\n"
    "    replies_received: 2026-06-02\nexpect:\n  due:\n    consult: 2026-06-04\n",
    "missing.case.yaml": "name: x\nas_of: 2026-06-20\nexpect:\n  due:\n    consult: 2026-06-04\n",
}


def test_case_errors_are_error_records_in_english_and_vietnamese(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """``test --json``: a refused case's ``error`` is the published error record whatever
    --lang says: ``message`` and each ``msg`` in English, ``message_vi`` and ``msg_vi`` in
    Vietnamese (docs/errors.md); the text output says the message in --lang."""
    for name, text in REFUSED_CASES.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    paths = [str(tmp_path / n) for n in REFUSED_CASES]
    by_lang = {}
    for lang in ("vi", "en"):
        assert main(["test", *paths, "--json", "--lang", lang]) == 1
        by_lang[lang] = [c["error"] for c in json.loads(capsys.readouterr().out)["cases"]]
        assert main(["test", *paths, "--lang", lang]) == 1
        by_lang[lang + "-text"] = capsys.readouterr().out
    assert by_lang["vi"] == by_lang["en"]  # the record does not depend on --lang
    main(["test", *paths, "--json"])
    _valid("case-results", json.loads(capsys.readouterr().out))
    for error in by_lang["en"]:
        _valid("error", error)
        assert error["key"] and error["message_vi"] and error["message"] != error["message_vi"]
        for line in error["message"].splitlines():
            assert line.strip() in by_lang["en-text"], (line, by_lang["en-text"])
        for line in error["message_vi"].splitlines():
            assert line.strip() in by_lang["vi-text"], (line, by_lang["vi-text"])
        for e in error.get("errors", ()):
            assert e["msg"] in error["message"] and e["msg_vi"] in error["message_vi"], e
