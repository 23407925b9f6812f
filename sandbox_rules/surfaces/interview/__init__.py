"""The interview surface; its code and documentation are in ``session.py`` (loaded on first use)."""

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
