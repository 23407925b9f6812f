"""The Python surface: lazy exports that stay the functions, and every public name documented."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

import sandbox_rules as sr

ROOT = Path(__file__).resolve().parent.parent
SAME_NAME = ("lifecycle", "obligations", "duties")

# Call each export twice; a submodule bound over the function raises "'module' object is not
# callable" on the second call (issue 10). Each order runs in a fresh interpreter because the
# bug depends on which import came first.
CALLS = textwrap.dedent(
    """
    from datetime import date
    record = {"issued_on": "2026-01-05", "approved_months": 6}
    for _ in range(2):
        assert sr.lifecycle(record, date(2026, 3, 1)).state == "issued", sr.lifecycle
        assert sr.obligations(record, date(2026, 3, 1)).items, sr.obligations
        assert sr.duties({}).exempt is None, sr.duties
    """
)


@pytest.mark.slow
@pytest.mark.parametrize(
    "prelude",
    [
        "import sandbox_rules as sr",
        # the submodules imported first, the way `import x.y` binds y on x
        "import sandbox_rules.lifecycle, sandbox_rules.obligations, sandbox_rules.duties\n"
        "import sandbox_rules as sr",
        # the functions read first, then the submodules imported again
        "import sandbox_rules as sr\n"
        "sr.lifecycle, sr.obligations, sr.duties\n"
        "import sandbox_rules.lifecycle, sandbox_rules.obligations, sandbox_rules.duties",
        "from sandbox_rules.obligations import obligations\nimport sandbox_rules as sr",
    ],
)
def test_same_name_exports_stay_the_functions(prelude: str) -> None:
    code = prelude + "\n" + CALLS
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


def test_same_name_exports_in_this_process() -> None:
    import importlib

    for name in SAME_NAME:
        module = importlib.import_module(f"sandbox_rules.{name}")
        assert getattr(sr, name) is getattr(module, name)
        assert callable(getattr(sr, name))
        importlib.import_module(f"sandbox_rules.{name}")
        assert getattr(sr, name) is getattr(module, name)


def test_every_export_resolves_and_unknown_names_raise() -> None:
    for name in sr.__all__:
        assert getattr(sr, name) is not None, name
    with pytest.raises(AttributeError, match="no_such_name"):
        _ = sr.no_such_name  # type: ignore[attr-defined]
    assert sorted(sr.__all__) == dir(sr)


def test_api_page_documents_every_public_name() -> None:
    # Currency of the page is checked with the other generated docs (test_coverage_and_docs).
    text = (ROOT / "docs" / "api.md").read_text(encoding="utf-8")
    sections = {s.split("`")[1]: s for s in text.split("\n## ")[1:]}
    assert sorted(sections) == sorted(sr.__all__)
    # A heading alone is no documentation: each section says something of its own.
    import inspect

    for name, section in sections.items():
        obj = getattr(sr, name)
        if inspect.isclass(obj) or callable(obj):
            own = obj.__dict__.get("__doc__") if inspect.isclass(obj) else obj.__doc__
            assert own, f"{name} has no docstring of its own"
        assert len(section.strip().splitlines()) >= 3, name
