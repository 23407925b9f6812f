"""sandbox_rules — Chapter II of Decree 169/2025/NĐ-CP (controlled testing of data products
and services) as cited, declarative, tested rules, with Vietnam's working-day calendar.

Exports are loaded lazily so that ``import sandbox_rules.calendar`` stays fast (it needs
neither pydantic nor `holidays`). Three exports share their name with the submodule that
defines them (``lifecycle``, ``obligations``, ``duties``, named after the decree's map):
the package attribute is always the function; reach the module itself with
``from sandbox_rules.lifecycle import ...`` or ``sys.modules["sandbox_rules.lifecycle"]``.
"""

from __future__ import annotations

import sys
from importlib import import_module
from types import ModuleType
from typing import Any

__version__ = "0.1.0"

_LAZY = {
    "Application": "sandbox_rules.models",
    "load_application": "sandbox_rules.models",
    "assess": "sandbox_rules.engine",
    "route": "sandbox_rules.engine",
    "dossier": "sandbox_rules.engine",
    "issuance_dossier": "sandbox_rules.engine",
    "Assessment": "sandbox_rules.outcomes",
    "Routing": "sandbox_rules.outcomes",
    "DossierCheck": "sandbox_rules.outcomes",
    "timeline": "sandbox_rules.procedures",
    "PROCEDURES": "sandbox_rules.procedures",
    "lifecycle": "sandbox_rules.lifecycle",
    "SandboxRecord": "sandbox_rules.lifecycle",
    "load_record": "sandbox_rules.lifecycle",
    "obligations": "sandbox_rules.obligations",
    "duties": "sandbox_rules.duties",
    "Citation": "sandbox_rules.law.citation",
    "cite": "sandbox_rules.law.citation",
    "load_law": "sandbox_rules.law.text",
    "law_version": "sandbox_rules.law.text",
    "registry": "sandbox_rules.rules",
    "Rule": "sandbox_rules.rules.model",
    "RuleKind": "sandbox_rules.rules.model",
    "Interpretations": "sandbox_rules.interpretations",
    "VietnamCalendar": "sandbox_rules.calendar.core",
    "WorkingDays": "sandbox_rules.calendar.periods",
    "Days": "sandbox_rules.calendar.periods",
    "Months": "sandbox_rules.calendar.periods",
    "Years": "sandbox_rules.calendar.periods",
    "SandboxRulesError": "sandbox_rules.errors",
}

# Exports named like the submodule that defines them ("sandbox_rules.X" defines X).
_SAME_NAME = frozenset(name for name, mod in _LAZY.items() if mod == f"{__name__}.{name}")

__all__ = ["__version__", *sorted(_LAZY)]


class _Package(ModuleType):
    """The package's module type: importing a submodule binds it as an attribute of its
    package, which would hide the function of the same name; bind the function instead."""

    def __setattr__(self, name: str, value: Any) -> None:
        if name in _SAME_NAME and isinstance(value, ModuleType):
            value = getattr(value, name)
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'sandbox_rules' has no attribute {name!r}")
    value = getattr(import_module(module), name)
    globals()[name] = value  # later look-ups are plain attribute reads
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
