"""Pydantic input models that fail with our typed error, and the strict field types they use.

:class:`ModelValidationError` is an :class:`~sandbox_rules.errors.InputValidationError` (so a
caller catching ``SandboxRulesError`` catches it) and also a pydantic ``ValidationError`` (so
code written against pydantic keeps working); ``errors`` / ``errors()`` give each field's
``loc``, ``type`` and ``msg``. Kept out of ``errors.py`` so the calendar never imports pydantic.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime
from typing import Annotated, Any, ClassVar, Self

import pydantic_core
from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    StrictBool,
    ValidationError,
)
from pydantic._internal._model_construction import ModelMetaclass

from sandbox_rules.errors import (
    BRIEF_LIMIT,
    FieldErrors,
    InputTooLargeError,
    InputValidationError,
    SandboxRulesError,
    brief,
)

#: Longest string in any input field, and longest JSON text given to ``model_validate_json``.
MAX_STRING = 2_000
MAX_JSON_BYTES = 5 * 1024 * 1024


def _field_errors(exc: ValidationError) -> FieldErrors:
    out = FieldErrors()
    for e in exc.errors(include_url=False, include_context=False, include_input=False):
        loc = [x if isinstance(x, int) else str(x) for x in e["loc"]]
        field = ".".join(str(x) for x in loc) or "(root)"
        msg = e["msg"]
        if len(msg) > 4 * BRIEF_LIMIT:
            msg = msg[: 4 * BRIEF_LIMIT - 1] + "…"
        out.append({"field": field, "problem": msg, "loc": loc, "type": e["type"], "msg": msg})
    return out


class ModelValidationError(InputValidationError, pydantic_core.ValidationError):  # type: ignore[misc]
    """Input that fails a model's validation (each field's path and problem in ``errors``);
    also a pydantic ``ValidationError``."""

    # The code of every input error before this class existed: callers match on it.
    code = "input_validation"
    title_vi = "Dữ liệu không khớp mô hình đầu vào (đơn, hồ sơ sandbox): nêu từng trường sai"
    title_en = "Input that fails an input model (application, sandbox record): each field named"

    def __init__(self, *args: Any) -> None:  # built by pydantic's from_exception_data
        pass

    @classmethod
    def of(cls, exc: ValidationError, what: str) -> ModelValidationError:
        try:
            err = cls.from_exception_data(exc.title, exc.errors(), hide_input=True)  # type: ignore[arg-type]
        except Exception:  # an error type pydantic cannot rebuild: keep type and message
            err = cls.from_exception_data(
                exc.title,
                [
                    {
                        "type": pydantic_core.PydanticCustomError(
                            e["type"], e["msg"].replace("{", "(").replace("}", ")")
                        ),
                        "loc": e["loc"],
                        "input": None,
                    }
                    for e in exc.errors(include_input=False)
                ],
                hide_input=True,
            )
        errors = _field_errors(exc)
        summary = "; ".join(f"{e['field']}: {e['problem']}" for e in errors[:5])
        if len(summary) > 600:  # the whole list stays in ``errors``
            summary = summary[:599] + "…"
        more = f" (and {len(errors) - 5} more)" if len(errors) > 5 else ""
        err.message = f"invalid {what}: {summary}{more}"
        err.errors = errors
        err.args = (err.message,)
        return err

    def __reduce__(self) -> Any:
        return (InputValidationError, (self.message, list(self.errors)))


@contextmanager
def _ours(what: str) -> Iterator[None]:
    """Any failure of pydantic validation, raised as our typed error."""
    try:
        yield
    except ValidationError as exc:
        raise ModelValidationError.of(exc, what) from None
    except RecursionError:
        raise InputTooLargeError(f"invalid {what}: nested too deeply") from None
    except SandboxRulesError:
        raise
    except Exception as exc:  # an input object that misbehaves (a __repr__ that raises …)
        raise InputValidationError(
            f"invalid {what}: a value could not be read ({type(exc).__name__}: {brief(str(exc))})"
        ) from exc


class _InputMeta(ModelMetaclass):
    # Direct construction, ``Application(applicant=...)``, fails with our error too. A custom
    # __init__ would do it, but pydantic would then call it for every nested model as well.
    def __call__(cls, *args: Any, **kwargs: Any) -> Any:
        with _ours(getattr(cls, "_what", "input")):
            return super().__call__(*args, **kwargs)


class StrictInput(BaseModel, metaclass=_InputMeta):
    """Base of the input models: frozen, no unknown keys, strings of bounded length, and
    validation failures raised as :class:`ModelValidationError`."""

    model_config = ConfigDict(
        frozen=True, extra="forbid", str_strip_whitespace=True, str_max_length=MAX_STRING
    )
    _what: ClassVar[str] = "input"

    @classmethod
    def model_validate(cls, obj: Any, *args: Any, **kwargs: Any) -> Self:
        """pydantic's ``model_validate``; a failure raises ModelValidationError."""
        with _ours(cls._what):
            return super().model_validate(obj, *args, **kwargs)

    @classmethod
    def model_validate_json(cls, json_data: Any, *args: Any, **kwargs: Any) -> Self:
        """pydantic's ``model_validate_json`` on bounded text; a failure raises
        ModelValidationError (InputTooLargeError beyond MAX_JSON_BYTES)."""
        if not isinstance(json_data, (str, bytes, bytearray)):
            raise InputValidationError(
                f"invalid {cls._what}: JSON text must be str or bytes, got {type(json_data).__name__}"
            )
        if len(json_data) > MAX_JSON_BYTES:
            raise InputTooLargeError(
                f"invalid {cls._what}: JSON text of {len(json_data)} characters exceeds "
                f"{MAX_JSON_BYTES}"
            )
        with _ours(cls._what):
            return super().model_validate_json(json_data, *args, **kwargs)

    @classmethod
    def model_validate_strings(cls, obj: Any, *args: Any, **kwargs: Any) -> Self:
        """pydantic's ``model_validate_strings``; a failure raises ModelValidationError."""
        with _ours(cls._what):
            return super().model_validate_strings(obj, *args, **kwargs)


def as_day(value: object, name: str) -> date:
    """``value`` if it is a plain ``date`` (the argument ``name`` is named otherwise); a
    ``datetime`` is refused, as everywhere."""
    if not isinstance(value, date) or isinstance(value, datetime):
        what = "a datetime (give its .date())" if isinstance(value, datetime) else brief(value)
        raise InputValidationError(f"{name} must be a date, got {what}")
    return value


def _no_datetime(value: Any) -> Any:
    # One policy everywhere (docs/errors.md): a datetime is refused where a day is meant,
    # because which day it is depends on a time zone the library cannot know.
    if isinstance(value, datetime):
        raise ValueError(
            f"a date (YYYY-MM-DD) is expected, not a date and time: {brief(value)}; "
            "pass its .date() in Vietnam's time zone"
        )
    if isinstance(value, str) and len(value) > 10 and value[10:11] in ("T", " ", "t"):
        raise ValueError(f"a date (YYYY-MM-DD) is expected, not a date and time: {brief(value)}")
    return value


_DAY_MONTH_YEAR = re.compile(r"^\s*(\d{1,2})\s*([/.\-])\s*(\d{1,2})\s*\2\s*(\d{4})\s*$")


def iso_form(value: object) -> str | None:
    """The ISO form (YYYY-MM-DD, the form files are written in) of a day written the
    Vietnamese way, dd/mm/yyyy (or with '.' or '-'): «01/03/2026» -> «2026-03-01»; None for
    anything else, and for a day that does not exist (31/02/2026). Input stays ISO: this only
    names, in the error, the day the officer wrote."""
    if not isinstance(value, str):
        return None
    m = _DAY_MONTH_YEAR.match(value)
    if m is None:
        return None
    try:
        return date(int(m.group(4)), int(m.group(3)), int(m.group(1))).isoformat()
    except ValueError:
        return None


# Input days are bounded far inside date's range, so that no period arithmetic on them (up to
# 1000 years) can overflow; the calendar itself covers a much shorter span.
FIRST_DAY = date(1900, 1, 1)
LAST_DAY = date(2999, 12, 31)


def _in_range(value: date) -> date:
    if not FIRST_DAY <= value <= LAST_DAY:
        raise ValueError(
            f"{value.isoformat()} is outside the days this library reasons about "
            f"({FIRST_DAY.isoformat()}..{LAST_DAY.isoformat()})"
        )
    return value


#: A calendar day: a ``date`` or an ISO ``YYYY-MM-DD`` string, in FIRST_DAY..LAST_DAY; a
#: ``datetime`` is refused.
Day = Annotated[date, BeforeValidator(_no_datetime), AfterValidator(_in_range)]
#: A yes/no fact; ``None`` is unknown. Only true/false: no 1, "yes" or "true" strings.
Flag = StrictBool | None


def _check_readings(value: dict[str, str]) -> dict[str, str]:
    from sandbox_rules.interpretations import Interpretations

    Interpretations.of(value)  # an InterpretationError is a ValueError: pydantic names the field
    return value


#: Chosen interpretations, id -> option (docs/interpretations.md), checked against the catalogue.
Readings = Annotated[dict[str, str], AfterValidator(_check_readings)]
