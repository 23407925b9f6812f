"""sandbox_rules — Chapter II of Decree 169/2025/NĐ-CP (controlled testing of data products
and services) as cited, declarative, tested rules, with Vietnam's working-day calendar.

Exports are loaded lazily so that ``import sandbox_rules.calendar`` stays fast (it needs
neither pydantic nor `holidays`).
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

__all__ = ["__version__", *sorted(_LAZY)]


# Functions named like the module that defines them (sandbox_rules.lifecycle.lifecycle …).
_SHADOWED = frozenset(n for n, m in _LAZY.items() if m == f"{__name__}.{n}")


class _Package(ModuleType):
    """Keeps ``sr.lifecycle`` the function: importing the submodule ``sandbox_rules.lifecycle``
    would otherwise bind the module over it (the import system sets it on the package)."""

    def __setattr__(self, name: str, value: Any) -> None:
        if name in _SHADOWED and isinstance(value, ModuleType):
            return  # the submodule stays reachable as sys.modules["sandbox_rules.<name>"]
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'sandbox_rules' has no attribute {name!r}")
    return getattr(import_module(module), name)


def __dir__() -> list[str]:
    return sorted(__all__)
