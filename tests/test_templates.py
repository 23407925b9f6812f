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
