"""The templates surface; its code and documentation are in ``write.py`` (loaded on first use)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sandbox_rules.surfaces.templates.write import (
        application_template,
        case_template,
        scenario_template,
        template,
    )

__all__ = ["application_template", "case_template", "scenario_template", "template"]


def __getattr__(name: str) -> Any:
    # Loaded on first use, so building the CLI's parser does not import the input models.
    from importlib import import_module

    return getattr(import_module("sandbox_rules.surfaces.templates.write"), name)
