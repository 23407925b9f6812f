"""Honest packaging: one version, an SPDX licence, the runtime pins only what it imports, and
the sdist carries what its own tests need."""

from __future__ import annotations

import ast
import subprocess
import sys
import tarfile
import tomllib
from pathlib import Path

import _source
import pytest

import sandbox_rules

# one worker runs this module, so the sdist is built once
pytestmark = pytest.mark.xdist_group("sdist")

ROOT = Path(__file__).resolve().parent.parent
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
# distribution name -> import name, for the runtime dependencies
IMPORT_NAME = {"pydantic": "pydantic", "PyYAML": "yaml", "msgspec": "msgspec"}


def _dist(requirement: str) -> str:
    for sep in "<>=!~;[ ":
        requirement = requirement.split(sep)[0]
    return requirement


def _imports_of_package() -> set[str]:
    found: set[str] = set()
    for path, _ in _source.modules():
        for node in _source.nodes(path):
            if isinstance(node, ast.Import):
                found |= {a.name.split(".")[0] for a in node.names}
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                found.add(node.module.split(".")[0])
    return found


def test_every_runtime_dependency_is_imported_and_nothing_else_is_pinned() -> None:
    deps = {_dist(d) for d in PROJECT["dependencies"]}
    assert deps == set(IMPORT_NAME), "a new runtime dependency: add it to IMPORT_NAME"
    imported = _imports_of_package()
    for dist in deps:
        assert IMPORT_NAME[dist] in imported, f"{dist} is pinned but nothing imports it"


@pytest.mark.slow
def test_holidays_and_hypothesis_are_imported_only_where_their_extras_serve() -> None:
    # holidays: only the index builder (`make data`, extra `data`); hypothesis: only the
    # strategies (extra `testing`). Neither may be reached by importing the package itself.
    for path in (ROOT / "sandbox_rules").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        rel = path.relative_to(ROOT).as_posix()
        if "import holidays" in text:
            assert rel == "sandbox_rules/calendar/build.py", rel
        if "from hypothesis" in text or "import hypothesis" in text:
            assert rel.startswith("sandbox_rules/testing/"), rel
    extras = PROJECT["optional-dependencies"]
    assert {_dist(d) for d in extras["data"]} == {"holidays"}
    assert {_dist(d) for d in extras["testing"]} == {"hypothesis"}
    code = (
        "import sys, sandbox_rules as sr, sandbox_rules.cli, sandbox_rules.engine, "
        "sandbox_rules.obligations; sr.assess; "
        "print(sorted(m for m in ('holidays', 'hypothesis', 'dateutil') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_version_is_defined_once() -> None:
    assert "version" not in PROJECT and PROJECT["dynamic"] == ["version"]
    from importlib.metadata import version

    assert version("sandbox-rules") == sandbox_rules.__version__


def test_licence_is_an_spdx_expression_with_its_file() -> None:
    assert PROJECT["license"] == "MIT" and PROJECT["license-files"] == ["LICENSE"]
    assert (ROOT / "LICENSE").read_text(encoding="utf-8").startswith("MIT License")
    assert not [c for c in PROJECT["classifiers"] if c.startswith("License ::")]
    assert "Programming Language :: Python :: 3.13" in PROJECT["classifiers"]


@pytest.fixture(scope="module")
def sdist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    pytest.importorskip("build", reason="the dev extra installs `build` for this test")
    out = tmp_path_factory.mktemp("dist")
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "build",
            "--sdist",
            "--no-isolation",
            "--outdir",
            str(out),
            str(ROOT),
        ],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    assert "deprecat" not in (done.stdout + done.stderr).lower(), done.stderr
    (path,) = out.glob("*.tar.gz")
    return path


@pytest.mark.slow
def test_sdist_carries_what_its_tests_need(sdist: Path) -> None:
    with tarfile.open(sdist) as tar:
        names = {n.split("/", 1)[1] for n in tar.getnames() if "/" in n}
        pkg_info = tar.extractfile(f"{sdist.name[: -len('.tar.gz')]}/PKG-INFO")
        assert pkg_info is not None
        meta = pkg_info.read().decode("utf-8")
    tracked = subprocess.run(
        ["git", "-C", str(ROOT), "ls-files", "tests", "examples", "docs", "scripts"],
        capture_output=True,
        text=True,
    ).stdout.split()
    needed = set(tracked) or {"tests/conftest.py"}
    needed |= {"LICENSE", "README.md", "CHANGELOG.md", "Makefile", "pyproject.toml"}
    needed |= {"sandbox_rules/calendar/data/index.json", "sandbox_rules/law/data/chapter-2.json"}
    assert needed <= names, sorted(needed - names)
    assert not [n for n in names if "__pycache__" in n or n.startswith(".venv")]
    assert f"Version: {sandbox_rules.__version__}" in meta
    assert "License-Expression: MIT" in meta
