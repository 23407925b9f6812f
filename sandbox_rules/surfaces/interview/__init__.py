"""The interview (``sandbox-rules interview FILE``): from a partial application, ask only the
questions whose answers could still change an answer of the assessment or the routing — the
missing facts of each part still undetermined — in clause order, quoting the clause; accept
"không biết"; show the answers after each reply; write the completed file back.

The file is edited with ruamel.yaml's round-trip loader when it is installed (the
``workbench`` extra), so the officer's comments and layout stay; otherwise with PyYAML, and
the comments are lost (said before writing).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sandbox_rules.surfaces.interview.session import (
        Document,
        Question,
        Unknown,
        hint,
        interview,
        parse_answer,
        questions,
        quote,
        status_line,
    )

__all__ = [
    "Document",
    "Question",
    "Unknown",
    "hint",
    "interview",
    "parse_answer",
    "questions",
    "quote",
    "status_line",
]


def __getattr__(name: str) -> Any:
    # Loaded on first use, so building the CLI's parser does not import the input models.
    from importlib import import_module

    return getattr(import_module("sandbox_rules.surfaces.interview.session"), name)
