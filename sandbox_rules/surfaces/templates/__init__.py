"""Commented templates (``sandbox-rules init``) of an application, a scenario and a case file,
generated from the input models' fields, the clause each fact serves (facts.py) and the
message tables, so a template cannot drift from what the library reads.

Every field is written empty (= unknown) with a comment naming it in the officer's terms,
the clause that asks for it and the values it accepts; list items are shown commented out.
A template parses and validates as it is.
"""

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
