"""Typed errors. Every error has a stable ``code`` and names the field or citation at fault.

Catch :class:`SandboxRulesError` to catch them all; no KeyError, TypeError or
AttributeError escapes the public API on bad input.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import msgspec

from sandbox_rules.records import Record


class FieldError(
    msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True, omit_defaults=True
):
    """One problem of the input: where (``loc``: the path of the offending input, items
    counted from 0 as in JSON Pointer; ``field``: the dotted path), what (``msg``, ``type``)
    and, where it helps, the nearest valid value (``suggestion``)."""

    field: str
    msg: str
    loc: tuple[str | int, ...] = ()
    type: str | None = None
    suggestion: str | None = None
    line: int | None = None  # the line in the file the input came from, when known


class ErrorRecord(Record, tag="error", frozen=True, kw_only=True):
    """The error result: the stable ``code`` of the error class (docs/errors.md), a message
    and, for input errors, one entry per field at fault."""

    code: str
    message: str
    errors: tuple[FieldError, ...] = ()


class SandboxRulesError(Exception):
    """Base class of every error this library raises on purpose."""

    code = "sandbox_rules_error"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def record(self) -> ErrorRecord:
        return ErrorRecord(code=self.code, message=self.message)

    def to_dict(self) -> dict[str, Any]:
        return self.record().to_dict()


class CitationSyntaxError(SandboxRulesError, ValueError):
    """A citation string that is not of a supported form."""

    code = "citation_syntax"

    def __init__(self, text: str, why: str) -> None:
        super().__init__(f"cannot parse citation {text!r}: {why}")
        self.text = text


class UnknownCitationError(SandboxRulesError, LookupError):
    """A well-formed citation that names no unit of Articles 8–22."""

    code = "unknown_citation"

    def __init__(self, citation: str) -> None:
        super().__init__(f"citation {citation} does not resolve to any unit of Articles 8-22")
        self.citation = citation


class RuleDefinitionError(SandboxRulesError):
    """A rule declaration that is inconsistent (duplicate id, unresolvable citation…)."""

    code = "rule_definition"


class UnknownRuleError(SandboxRulesError, LookupError):
    code = "unknown_rule"

    def __init__(self, rule_id: str) -> None:
        super().__init__(f"no rule with id {rule_id!r}")
        self.rule_id = rule_id


class ExpressionError(SandboxRulesError):
    """A condition that cannot be evaluated (a fact of the wrong type, an unknown fact)."""

    code = "expression"


class NoApplicableRuleError(SandboxRulesError):
    """No rule of a group applies although every fact is known (a gap in the law or data)."""

    code = "no_applicable_rule"

    def __init__(self, group: str, citations: Iterable[str]) -> None:
        cites = ", ".join(citations)
        super().__init__(f"no rule of '{group}' applies to these facts (rules considered: {cites})")
        self.group = group
        self.citations = tuple(citations)


class ConflictingRulesError(SandboxRulesError):
    """Two or more rules of a group apply and no exception orders them."""

    code = "conflicting_rules"

    def __init__(self, group: str, rule_ids: Iterable[str], citations: Iterable[str]) -> None:
        ids = tuple(rule_ids)
        cites = tuple(citations)
        super().__init__(
            f"rules of '{group}' conflict: {', '.join(ids)} all apply "
            f"({', '.join(cites)}) and no exception decides between them"
        )
        self.group = group
        self.rule_ids = ids
        self.citations = cites


class InterpretationError(SandboxRulesError, ValueError):
    """An unknown interpretation id, or an option it does not offer."""

    code = "interpretation"


class InputValidationError(SandboxRulesError, ValueError):
    """Input that does not fit the model; ``errors`` lists each field path and problem."""

    code = "input_validation"

    def __init__(self, message: str, errors: list[dict[str, Any]] | None = None) -> None:
        super().__init__(message)
        self.errors = errors or []

    def record(self) -> ErrorRecord:
        items = []
        for e in self.errors:
            loc = e.get("loc")
            items.append(
                FieldError(
                    field=str(e.get("field") or e.get("path") or ".".join(map(str, loc or ()))),
                    msg=str(e.get("msg") or e.get("problem") or e.get("message") or ""),
                    loc=tuple(loc) if isinstance(loc, (list, tuple)) else (),
                    type=e.get("type"),
                    suggestion=e.get("suggestion"),
                    line=e.get("line") if isinstance(e.get("line"), int) else None,
                )
            )
        return ErrorRecord(code=self.code, message=self.message, errors=tuple(items))


class CalendarError(SandboxRulesError):
    """Base of calendar errors."""

    code = "calendar"


class DateOutOfRangeError(CalendarError, ValueError):
    code = "date_out_of_range"


class CalendarDataError(CalendarError, ValueError):
    """Official-decision data (bundled or an override file) that is inconsistent."""

    code = "calendar_data"


class InvalidPeriodError(CalendarError, ValueError):
    code = "invalid_period"


class InvalidTransitionError(SandboxRulesError):
    """A lifecycle event that the transition table does not allow in the current state."""

    code = "invalid_transition"

    def __init__(self, state: str, event: str, allowed: Iterable[str], citation: str) -> None:
        allowed_t = tuple(allowed)
        super().__init__(
            f"event '{event}' is not allowed in state '{state}' ({citation}); "
            f"allowed: {', '.join(allowed_t) or 'none'}"
        )
        self.state = state
        self.event = event
        self.allowed = allowed_t
        self.citation = citation


def _file_message(name: str, why: str, exc: OSError | ValueError | None) -> str:
    detail = getattr(exc, "strerror", None) or (str(exc) if exc is not None else "")
    return f"{name}: {why}" + (f" ({detail})" if detail else "")


class InputFileError(InputValidationError):
    """An input file (or standard input) that cannot be read as a document: missing, a
    directory, too large, binary, not UTF-8, empty, or not JSON/YAML. ``path`` names it."""

    code = "input_file"

    def __init__(self, path: str, why: str, exc: OSError | ValueError | None = None) -> None:
        super().__init__(_file_message(path, why, exc))
        self.path = path


class OutputPathError(SandboxRulesError):
    """An output path (e.g. ``--ics``) that cannot be written, or would overwrite a file."""

    code = "output_path"

    def __init__(self, path: str, why: str, exc: OSError | ValueError | None = None) -> None:
        super().__init__(_file_message(path, why, exc))
        self.path = path


class OptionalDependencyError(SandboxRulesError):
    """A feature whose optional extra is not installed (e.g. ``pip install sandbox-rules[ics]``)."""

    code = "optional_dependency"

    def __init__(self, package: str, extra: str) -> None:
        super().__init__(
            f"this needs the package {package!r}: pip install 'sandbox-rules[{extra}]'"
        )
        self.package = package
        self.extra = extra
