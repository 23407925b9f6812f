"""The documentation site builds in strict mode (a broken link, a missing page or a bad anchor
fails), from the pages in docs/ including those generated from the code."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

ROOT = Path(__file__).parent.parent


def test_site_builds_strictly(tmp_path: Path) -> None:
    pytest.importorskip("mkdocs", reason="the docs extra is not installed: pip install '.[docs]'")
    pytest.importorskip("material", reason="mkdocs-material is not installed (docs extra)")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(tmp_path)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    page = (tmp_path / "articles" / "dieu-09.html").read_text(encoding="utf-8")
    # The clause's Vietnamese text stands beside the rule that encodes it.
    assert "tạm hoãn chấp hành hình phạt tù" in page or "hình phạt tù" in page
    assert "org.lawful-legal-entity" in page
    assert (tmp_path / "cli.html").exists() and (tmp_path / "records.html").exists()
