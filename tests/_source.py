"""The package's source, parsed once per test process: several static tests (message keys,
error constructions, imports, bilingual pairs) walk every module, and parsing and walking
the package afresh in each of them was seconds of the suite."""

from __future__ import annotations

import ast
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT / "sandbox_rules"


@cache
def _parsed() -> dict[Path, tuple[ast.Module, tuple[ast.AST, ...]]]:
    out = {}
    for path in sorted(SOURCE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        out[path] = (tree, tuple(ast.walk(tree)))
    return out


def modules() -> list[tuple[Path, ast.Module]]:
    """Every module of the package, sorted by path, with its tree (read-only: shared)."""
    return [(path, tree) for path, (tree, _) in _parsed().items()]


def tree(path: Path) -> ast.Module:
    return _parsed()[path.resolve()][0]


def nodes(path: Path) -> tuple[ast.AST, ...]:
    """Every node of a module, in ``ast.walk`` order."""
    return _parsed()[path.resolve()][1]
