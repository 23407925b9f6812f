"""Pydantic input models that fail with our typed error, and the strict field types they use.

:class:`ModelValidationError` is an :class:`~sandbox_rules.errors.InputValidationError` (so a
caller catching ``SandboxRulesError`` catches it) and also a pydantic ``ValidationError`` (so
code written against pydantic keeps working); ``errors`` / ``errors()`` give each field's
``loc``, ``type`` and ``msg``. Kept out of ``errors.py`` so the calendar never imports pydantic.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Annotated, Any, ClassVar, NoReturn, Self

import pydantic_core
from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    GetPydanticSchema,
    ValidationError,
    WithJsonSchema,
)
from pydantic._internal._model_construction import ModelMetaclass

from sandbox_rules.errors import (
    BRIEF_LIMIT,
    FieldErrors,
    InputTooLargeError,
    InputValidationError,
    InterpretationInputError,
    SandboxRulesError,
    _rebuild,
    _state,
    brief,
    input_error_class,
    summary,
)

#: Longest string in any input field, and longest JSON text given to ``model_validate_json``.
MAX_STRING = 2_000
MAX_JSON_BYTES = 5 * 1024 * 1024


def _cut(msg: str) -> str:
    return msg if len(msg) <= 4 * BRIEF_LIMIT else msg[: 4 * BRIEF_LIMIT - 1] + "…"


def published_errors(exc: ValidationError, model: type[BaseModel] | None) -> FieldErrors:
    """Each field's problem as every surface publishes it (the CLI's renderer,
    surfaces/inputs.translate): ``loc``/``field`` the path of the offending input (no union
    tag: ``applicant.staff_qualified``, not ``applicant.organisation.staff_qualified``),
    ``msg`` in English and ``msg_vi`` in Vietnamese, the same message in the officer's terms
    (the field's name, the nearest valid value as ``suggestion``). pydantic's own errors, with
    its locations, stay available: :func:`pydantic_errors`."""
    out = FieldErrors()
    if model is None:  # no model to resolve the location through: pydantic's words
        for e in exc.errors(include_url=False, include_context=False, include_input=False):
            loc = [x if isinstance(x, int) else str(x) for x in e["loc"]]
            msg = _cut(e["msg"])
            field = ".".join(str(x) for x in loc) or "(root)"
            out.append({"field": field, "problem": msg, "loc": loc, "type": e["type"], "msg": msg})
        return out
    from sandbox_rules.surfaces.inputs import translate

    # Without a file there are no lines: translate keeps pydantic's order.
    for said in translate(model, exc, lang="en"):
        msg = _cut(str(said["problem_en"]))
        entry = {
            "field": said["field"],
            "problem": msg,
            "loc": [x if isinstance(x, int) else str(x) for x in said["loc"]],
            "type": said["type"],
            "msg": msg,
            "msg_vi": _cut(str(said["problem_vi"])),
        }
        if isinstance(said.get("suggestion"), str):
            entry["suggestion"] = said["suggestion"]
        if "code" in said:  # a validator's own error (an interpretation): its code
            entry["code"] = said["code"]
        out.append(entry)
    return out


class ModelValidationError(InputValidationError, pydantic_core.ValidationError):  # type: ignore[misc]
    """Input that fails a model's validation (each field's path and problem in ``errors``);
    also a pydantic ``ValidationError``."""

    # The code of every input error before this class existed: callers match on it.
    code = "input_validation"
    title_vi = "Dữ liệu không khớp mô hình đầu vào (đơn, hồ sơ sandbox): nêu từng trường sai"
    title_en = "Input that fails an input model (application, sandbox record): each field named"
    _raw: list[Any] | None = None  # pydantic's errors as raised (see pydantic_errors)

    def __init__(self, *args: Any) -> None:  # built by pydantic's from_exception_data
        pass

    @classmethod
    def of(
        cls, exc: ValidationError, what: str, model: type[BaseModel] | None = None
    ) -> ModelValidationError:
        """Our error for pydantic's ``exc``: ``what`` is the input's name in the tables
        (``input.*``), ``model`` the model validated (to say each problem in Vietnamese)."""
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
        from sandbox_rules.i18n import Message, Texts, t

        errors = published_errors(exc, model)
        kind = input_error_class(errors)
        if cls is ModelValidationError and kind is not InputValidationError:
            # a resource limit, or only interpretations: the code of that error
            return _MODEL_CLASSES[kind].of(exc, what, model)
        fields = {
            "what": Message(what, {}),
            "summary": Texts(summary(errors, "vi"), summary(errors, "en")),
            "more": Message("error.more", {"n": len(errors) - 5}) if len(errors) > 5 else "",
        }
        err.message = t("error.invalid", "en", **fields)
        err._localise("error.invalid", fields)
        err.errors = errors
        err.args = (err.message,)
        err._raw = exc.errors()
        return err

    def __reduce__(self) -> Any:
        # pydantic's ValidationError cannot be rebuilt from its parts: an InputValidationError
        # with the same message, key and errors.
        state = _state(self)
        state.pop("_raw", None)
        state["errors"] = FieldErrors(self.errors)
        return (_rebuild, (InputValidationError, (self.message,), state))


class ModelInterpretationError(ModelValidationError, InterpretationInputError):  # type: ignore[misc]
    """Input whose only problems are its chosen interpretations (code ``interpretation``, as
    an unknown interpretation given as an argument); also a pydantic ``ValidationError``."""

    code = "interpretation"
    title_vi = InterpretationInputError.title_vi
    title_en = InterpretationInputError.title_en

    def __reduce__(self) -> Any:
        state = _state(self)
        state.pop("_raw", None)
        state["errors"] = FieldErrors(self.errors)
        return (_rebuild, (InterpretationInputError, (self.message,), state))


class ModelTooLargeError(ModelValidationError, InputTooLargeError):  # type: ignore[misc]
    """Input with a list or a text beyond its limit (code ``input_too_large``, docs/errors.md:
    Limits); also a pydantic ``ValidationError``."""

    code = "input_too_large"
    title_vi = InputTooLargeError.title_vi
    title_en = InputTooLargeError.title_en

    def __reduce__(self) -> Any:
        state = _state(self)
        state.pop("_raw", None)
        state["errors"] = FieldErrors(self.errors)
        return (_rebuild, (InputTooLargeError, (self.message,), state))


_MODEL_CLASSES: dict[type[InputValidationError], type[ModelValidationError]] = {
    InterpretationInputError: ModelInterpretationError,
    InputTooLargeError: ModelTooLargeError,
}


def pydantic_errors(exc: ValidationError) -> list[Any]:
    """pydantic's errors of ``exc`` as they were raised: a ModelValidationError keeps them, as
    rebuilding it from them loses the validators' own exceptions (``ctx["error"]``), whose
    message keys say the problem in each language."""
    raw: list[Any] | None = getattr(exc, "_raw", None)
    return list(exc.errors()) if raw is None else raw


def _ours(exc: Exception, what: str, model: type[BaseModel] | None = None) -> NoReturn:
    """Raise any failure of pydantic validation of ``model`` as our typed error (``what``: the
    input's name in the tables). Called in an ``except``, not a context manager: validation
    is the hot path of JSON in."""
    from sandbox_rules.i18n import Message

    if isinstance(exc, SandboxRulesError):
        raise exc
    if isinstance(exc, ValidationError):
        raise ModelValidationError.of(exc, what, model) from None
    if isinstance(exc, RecursionError):
        raise InputTooLargeError.from_key("error.input.too_deep", what=Message(what, {})) from None
    # An input object that misbehaves (a __repr__ that raises …).
    raise InputValidationError.from_key(
        "error.input.unreadable",
        what=Message(what, {}),
        kind=type(exc).__name__,
        detail=brief(str(exc)),
    ) from exc


class _InputMeta(ModelMetaclass):
    # Direct construction, ``Application(applicant=...)``, fails with our error too. A custom
    # __init__ would do it, but pydantic would then call it for every nested model as well.
    def __call__(cls, *args: Any, **kwargs: Any) -> Any:
        try:
            return super().__call__(*args, **kwargs)
        except Exception as exc:
            _ours(exc, getattr(cls, "_what", "input.input"), cls)  # type: ignore[arg-type]


class StrictInput(BaseModel, metaclass=_InputMeta):
    """Base of the input models: frozen, no unknown keys, strings of bounded length, and
    validation failures raised as :class:`ModelValidationError`."""

    model_config = ConfigDict(
        frozen=True, extra="forbid", str_strip_whitespace=True, str_max_length=MAX_STRING
    )
    _what: ClassVar[str] = "input.input"  # the input's name: a key of the tables

    @classmethod
    def model_validate(cls, obj: Any, *args: Any, **kwargs: Any) -> Self:
        """pydantic's ``model_validate``; a failure raises ModelValidationError."""
        try:
            return super().model_validate(obj, *args, **kwargs)
        except Exception as exc:
            _ours(exc, cls._what, cls)

    @classmethod
    def model_validate_json(cls, json_data: Any, *args: Any, **kwargs: Any) -> Self:
        """pydantic's ``model_validate_json`` on bounded text; a failure raises
        ModelValidationError (InputTooLargeError beyond MAX_JSON_BYTES)."""
        if not isinstance(json_data, (str, bytes, bytearray)) or len(json_data) > MAX_JSON_BYTES:
            from sandbox_rules.i18n import Message, Term

            what = Message(cls._what, {})
            if not isinstance(json_data, (str, bytes, bytearray)):
                raise InputValidationError.from_key(
                    "error.input.json_type", what=what, kind=Term("type", type(json_data).__name__)
                )
            raise InputTooLargeError.from_key(
                "error.input.json_too_large", what=what, size=len(json_data), limit=MAX_JSON_BYTES
            )
        try:
            return super().model_validate_json(json_data, *args, **kwargs)
        except Exception as exc:
            _ours(exc, cls._what, cls)

    @classmethod
    def model_validate_strings(cls, obj: Any, *args: Any, **kwargs: Any) -> Self:
        """pydantic's ``model_validate_strings``; a failure raises ModelValidationError."""
        try:
            return super().model_validate_strings(obj, *args, **kwargs)
        except Exception as exc:
            _ours(exc, cls._what, cls)


def as_day(value: object, name: str) -> date:
    """``value`` if it is a plain ``date`` (the argument ``name`` is named otherwise); a
    ``datetime`` is refused, as everywhere."""
    if not isinstance(value, date) or isinstance(value, datetime):
        raise InputValidationError.from_key("error.not_a_date", name=name, given=not_a_day(value))
    return value


def not_a_day(value: object) -> object:
    """What an error says was given where a day is meant: a datetime is named as such."""
    if isinstance(value, datetime):
        from sandbox_rules.i18n import Message

        return Message("error.a_datetime", {})
    return brief(value)


def _no_datetime(value: Any) -> Any:
    # One policy everywhere (docs/errors.md): a datetime is refused where a day is meant,
    # because which day it is depends on a time zone the library cannot know.
    # The errors are ValueErrors (pydantic names the field) with their message keys.
    if isinstance(value, datetime):
        raise InputValidationError.from_key("error.input.datetime", given=brief(value))
    if isinstance(value, str) and len(value) > 10 and value[10:11] in ("T", " ", "t"):
        raise InputValidationError.from_key("error.input.datetime_text", given=brief(value))
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
        from sandbox_rules.i18n import Day as _Day

        raise InputValidationError.from_key(
            "error.input.day_outside",
            date=_Day(value),
            first=_Day(FIRST_DAY),
            last=_Day(LAST_DAY),
        )
    return value


#: A calendar day: a ``date`` or an ISO ``YYYY-MM-DD`` string, in FIRST_DAY..LAST_DAY; a
#: ``datetime`` is refused.
Day = Annotated[date, BeforeValidator(_no_datetime), AfterValidator(_in_range)]
#: The words a file may write for a yes/no value (folded: no diacritics, lower case), as the
#: templates and the messages offer them: "có" (true) and "không" (false), nothing else.
YES_NO = {"co": True, "khong": False}
#: English (YAML 1.1) words for yes/no, refused everywhere (the files are read as YAML 1.2,
#: where they are text): the word each stands for is suggested instead of guessed.
YES_NO_ENGLISH = {"yes": "có", "y": "có", "on": "có", "no": "không", "n": "không", "off": "không"}


def yes_no(value: object) -> bool | None:
    """True for "có", False for "không" (any case, with or without diacritics), else None."""
    if not isinstance(value, str) or len(value) > 20:
        return None
    from sandbox_rules.catalogues import fold

    return YES_NO.get(fold(value))


def yes_no_hint(value: object) -> str | None:
    """The word to write for an English yes/no (``yes`` -> «có»), or None."""
    if not isinstance(value, str):
        return None
    return YES_NO_ENGLISH.get(value.strip().lower())


def _word_flag(value: str) -> bool:
    said = yes_no(value)
    if said is None:
        raise ValueError("not có or không")  # replaced by the union's own error (bool_type)
    return said


def _flag_schema(_source: Any, _handler: Any) -> Any:
    # A boolean is taken by pydantic-core itself (no Python call for the true/false nearly
    # every file writes); a text goes to _word_flag. A failure of both is one error of type
    # bool_type at the field, the error a boolean field gives (surfaces/inputs words it).
    from pydantic_core import core_schema as cs

    return cs.union_schema(
        [
            cs.bool_schema(strict=True),
            cs.no_info_after_validator_function(_word_flag, cs.str_schema(strict=True)),
        ],
        mode="left_to_right",
        custom_error_type="bool_type",  # a known error: pydantic writes its message
    )


#: A yes/no fact; ``None`` is unknown. The one reading of yes/no for every input (an
#: application, a record, a case file, a compliance table): true/false, or the words "có" /
#: "không" (docs/casefiles.md); no 1, "yes" or "true" strings.
Flag = Annotated[bool, GetPydanticSchema(_flag_schema), WithJsonSchema({"type": "boolean"})] | None


def _check_readings(value: dict[str, str]) -> dict[str, str]:
    from sandbox_rules.interpretations import Interpretations

    Interpretations.of(value)  # an InterpretationError is a ValueError: pydantic names the field
    return value


#: Chosen interpretations, id -> option (docs/interpretations.md), checked against the catalogue.
Readings = Annotated[dict[str, str], AfterValidator(_check_readings)]
