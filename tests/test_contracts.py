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
        "error",
        "batch-error",
    }


def test_the_cli_offers_every_schema() -> None:
    import argparse

    from sandbox_rules.cli import build_parser

    sub = next(a for a in build_parser()._actions if isinstance(a, argparse._SubParsersAction))
    which = next(a for a in sub.choices["schema"]._actions if a.dest == "which")
    assert tuple(which.choices or ()) == names()


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
    for error in by_lang["en"]:
        _valid("error", error)
        assert error["key"] and error["message_vi"] and error["message"] != error["message_vi"]
        for line in error["message"].splitlines():
            assert line.strip() in by_lang["en-text"], (line, by_lang["en-text"])
        for line in error["message_vi"].splitlines():
            assert line.strip() in by_lang["vi-text"], (line, by_lang["vi-text"])
        for e in error.get("errors", ()):
            assert e["msg"] in error["message"] and e["msg_vi"] in error["message_vi"], e
