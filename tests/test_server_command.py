"""`sandbox-rules serve` without the server running: the command is there, building the
parser imports nothing of the service, and a missing extra is a clear typed error."""

from __future__ import annotations

import subprocess
import sys

import pytest

from sandbox_rules.cli import main


@pytest.mark.slow
def test_other_commands_do_not_import_the_service() -> None:
    code = (
        "import sys; from sandbox_rules.cli import build_parser; build_parser(); "
        "print(sorted(m for m in ('starlette', 'uvicorn', 'sandbox_rules.surfaces.server.app') "
        "if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_missing_extra_is_a_typed_error(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(sys.modules, "uvicorn", None)  # as if the extra were not installed
    assert main(["serve", "--port", "1"]) == 1
    err = capsys.readouterr().err
    assert "pip install 'sandbox-rules[server]'" in err
    assert "Traceback" not in err


@pytest.mark.parametrize(
    "argv",
    [
        ["serve", "--workers", "0"],
        ["serve", "--time-limit", "-1"],
        ["serve", "--max-body-bytes", "0"],
    ],
)
def test_bad_options_are_refused(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("uvicorn", reason="the 'server' extra is not installed")
    assert main(argv) == 1
    assert "phải là số dương" in capsys.readouterr().err  # Vietnamese by default
    assert main([*argv, "--lang", "en"]) == 1
    assert "must be positive" in capsys.readouterr().err


def test_bad_environment_is_refused(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    pytest.importorskip("uvicorn", reason="the 'server' extra is not installed")
    monkeypatch.setenv("SANDBOX_RULES_TIME_LIMIT", "soon")
    assert main(["serve"]) == 1
    assert "SANDBOX_RULES_TIME_LIMIT" in capsys.readouterr().err
