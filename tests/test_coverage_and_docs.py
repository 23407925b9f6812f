"""The coverage manifest and the generated docs cannot drift from the code."""

from __future__ import annotations

from pathlib import Path

from sandbox_rules.coverage import coverage_counts, coverage_problems, coverage_table
from sandbox_rules.interpretations import CATALOGUE
from sandbox_rules.rules import registry

ROOT = Path(__file__).parent.parent


def test_manifest_accounts_for_every_unit_once() -> None:
    assert coverage_problems(registry()) == []
    counts = coverage_counts(coverage_table(registry()))
    assert counts["missing"] == 0 and counts["total"] == 119


def test_generated_docs_are_current() -> None:
    import importlib.util

    spec = importlib.util.spec_from_file_location("gen_docs", ROOT / "scripts" / "gen_docs.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    for path, content in module.render_all().items():
        assert (ROOT / path).read_text(encoding="utf-8") == content, (
            f"{path} is stale: run `make docs`"
        )


def test_interpretations_doc_names_every_interpretation() -> None:
    text = (ROOT / "docs" / "interpretations.md").read_text(encoding="utf-8")
    for item in CATALOGUE:
        assert f"`{item.id}`" in text


def test_errors_doc_lists_every_error_class() -> None:
    import importlib.util

    spec = importlib.util.spec_from_file_location("gen_docs", ROOT / "scripts" / "gen_docs.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    classes = module.all_error_classes()  # imports every module of the package first
    text = (ROOT / "docs" / "errors.md").read_text(encoding="utf-8")
    codes: dict[str, type] = {}
    for cls in classes:
        # Each class says what it is in both languages, in its own words.
        assert "title_vi" in vars(cls) and "title_en" in vars(cls), cls
        assert f"`{cls.code}` | `{cls.__module__}.{cls.__name__}`" in text, cls
        # A code is unique, unless a class keeps its parent's code for compatibility.
        if cls.code in codes:
            assert issubclass(cls, codes[cls.code]), (cls, codes[cls.code])
        codes.setdefault(cls.code, cls)
    assert len(classes) >= 20
