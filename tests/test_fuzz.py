"""A short budget of `make fuzz`'s generators (fuzz/library.py): malformed inputs over the
public API give a result or a typed SandboxRulesError with a readable message, never
anything else."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

import sandbox_rules as sr

ROOT = Path(__file__).parent.parent


def _fuzz() -> ModuleType:
    if "fuzz_library" in sys.modules:
        return sys.modules["fuzz_library"]
    spec = importlib.util.spec_from_file_location("fuzz_library", ROOT / "fuzz" / "library.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["fuzz_library"] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("seed", [101, 202])
def test_short_fuzz_finds_no_untyped_error(seed: int) -> None:
    report = _fuzz().run(1_200, seed)
    assert report.inputs == 1_200
    assert dict(report.untyped) == {}, "\n".join(report.lines())
    assert dict(report.long_messages) == {}, "\n".join(report.lines())
    # The generators reach both sides: some calls succeed, most are refused with a code.
    assert report.ok > 0 and sum(report.typed.values()) > report.inputs // 2


def test_fuzz_counts_an_untyped_error() -> None:
    # The harness itself can fail: an untyped exception is counted by where it escaped.
    fuzz = _fuzz()
    report = fuzz.Report()
    probes = [("probe", lambda: {}["x"]), ("fine", lambda: 1), ("typed", lambda: sr.cite("?"))]
    fuzz._run(report, iter(probes), 3)
    assert (report.inputs, report.ok, dict(report.typed)) == (3, 1, {"citation_syntax": 1})
    assert list(report.untyped) == ["KeyError at (call) via probe"]
    assert not report.clean
