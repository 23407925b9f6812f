"""Case files: a case and what the law should give for it, checked by ``sandbox-rules test``
(docs/casefiles.md). ``run_paths`` runs files or folders; ``Case`` is the format."""

from sandbox_rules.surfaces.casefiles.model import Case, Expect, case_json_schema
from sandbox_rules.surfaces.casefiles.runner import CaseResult, Check, run_file, run_paths

__all__ = ["Case", "CaseResult", "Check", "Expect", "case_json_schema", "run_file", "run_paths"]
