"""Case files: a case and what the law should give for it, checked by ``sandbox-rules test``
(docs/casefiles.md). ``run_paths`` runs files or folders; ``Case`` is the format."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sandbox_rules.surfaces.casefiles.model import Case, Expect, case_json_schema
    from sandbox_rules.surfaces.casefiles.runner import CaseResult, Check, run_file, run_paths

__all__ = ["Case", "CaseResult", "Check", "Expect", "case_json_schema", "run_file", "run_paths"]
_HOME = {"Case": "model", "Expect": "model", "case_json_schema": "model"}


def __getattr__(name: str) -> Any:
    # Loaded on first use, so building the CLI's parser does not import the case-file models.
    from importlib import import_module

    return getattr(import_module(f"{__name__}.{_HOME.get(name, 'runner')}"), name)
