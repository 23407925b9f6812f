"""Typed errors. Every error has a stable ``code`` and names the field or citation at fault.

Catch :class:`SandboxRulesError` to catch them all; no KeyError, TypeError, ValueError,
AttributeError or raw pydantic ``ValidationError`` escapes the public API on bad input.
Each class carries a short title in Vietnamese and English (``title_vi``, ``title_en``);
docs/errors.md is generated from them. Values quoted in messages go through :func:`brief`,
so no message embeds an unbounded repr.
"""

from __future__ import annotations

import reprlib
from collections.abc import Iterable, Mapping
from types import MappingProxyType
from typing import Any, ClassVar, Self

import msgspec

from sandbox_rules.records import Record

#: Longest quoted value in a message (characters of its repr).
BRIEF_LIMIT = 80


_REPR = reprlib.Repr()
_REPR.maxlevel, _REPR.maxlist, _REPR.maxtuple, _REPR.maxdict = 3, 6, 6, 4
_REPR.maxset = _REPR.maxfrozenset = _REPR.maxdeque = _REPR.maxarray = 6
_REPR.maxstring, _REPR.maxother, _REPR.maxlong = BRIEF_LIMIT, BRIEF_LIMIT, 40


def brief(value: object, limit: int = BRIEF_LIMIT) -> str:
    """A repr of ``value`` of at most ``limit`` characters, in time bounded by the limit, for
    any object: huge, deep, self-containing or with a broken ``__repr__``."""
    if isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > 128:
        text = f"<int of {value.bit_length()} bits>"  # its repr is slow, or refused
    else:
        try:
            text = _REPR.repr(value)
        except Exception:  # a broken __repr__ on a type reprlib does not guard
            text = f"<{type(value).__name__}>"
    return text if len(text) <= limit else text[: limit - 1] + "…"


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
    title_vi: str | None = None  # what the error class means, in both languages
    title_en: str | None = None


class BatchError(Record, tag="batch_error", frozen=True, kw_only=True):
    """A line of a batch that failed (``sandbox-rules batch``, ``POST /batch/{kind}``): its
    number, counted from 1, and its error. The other lines go on."""

    line: int
    error: ErrorRecord


def _message(key: str, lang: str, fields: Mapping[str, object]) -> str:
    from sandbox_rules.i18n import t  # the tables are read on the first message

    return t(key, lang, **fields)


class SandboxRulesError(Exception):
    """Base class of every error this library raises on purpose.

    ``message`` is in English. An error whose message is in the message tables
    (sandbox_rules/i18n) carries its ``key`` and ``fields`` too, and :meth:`message_in` says it in
    Vietnamese; the command line prints that."""

    code: ClassVar[str] = "sandbox_rules_error"
    title_vi: ClassVar[str] = "Lỗi của thư viện sandbox_rules"
    title_en: ClassVar[str] = "An error of the sandbox_rules library"
    key: str | None = None
    fields: Mapping[str, object] = MappingProxyType({})

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message

    @classmethod
    def from_key(cls, key: str, /, **fields: object) -> Self:
        """The error with the message ``key`` of the message tables (its English ``message``
        and, by :meth:`message_in`, its Vietnamese one), for a class built from its message."""
        error = cls(_message(key, "en", fields))
        error._localise(key, fields)
        return error

    def _localise(self, key: str, fields: Mapping[str, object]) -> None:
        self.key, self.fields = key, MappingProxyType(dict(fields))

    def message_in(self, lang: str = "en") -> str:
        """The message in ``lang``: the English ``message``, or its translation where the
        message is in the tables (otherwise the English one)."""
        if self.key is None or lang == "en":
            return self.message
        return _message(self.key, lang, self.fields)

    def record(self) -> ErrorRecord:
        return ErrorRecord(
            code=self.code, message=self.message, title_vi=self.title_vi, title_en=self.title_en
        )

    def to_dict(self) -> dict[str, Any]:
        return self.record().to_dict()


class CitationSyntaxError(SandboxRulesError, ValueError):
    """A citation string that is not of a supported form."""

    code = "citation_syntax"
    title_vi = "Trích dẫn không đúng dạng (ví dụ đúng: 12.3.b, Điều 12 khoản 3 điểm b)"
    title_en = "A citation that is not of a supported form (e.g. 12.3.b, Article 12(3)(b))"

    def __init__(
        self,
        text: str,
        why: str = "",
        *,
        why_key: str | None = None,
        suggestion: str | None = None,
        **why_fields: object,
    ) -> None:
        """Why ``text`` is no citation: ``why`` in English, or ``why_key`` (with its fields),
        the reason's key in the message tables; ``suggestion``: the citation probably meant
        (``15.1.dd`` -> ``15.1.đ``)."""
        from sandbox_rules.i18n import Message

        fields: dict[str, object] = {"text": brief(text), "why": why, "hint": ""}
        if why_key is not None:
            fields["why"] = Message(why_key, why_fields)
        if suggestion is not None:
            fields["hint"] = Message("error.citation_suggest", {"value": suggestion})
        super().__init__(_message("error.citation_syntax", "en", fields))
        self.text = text
        self.suggestion = suggestion
        if why_key is not None:
            self._localise("error.citation_syntax", fields)


class UnknownCitationError(SandboxRulesError, LookupError):
    """A well-formed citation that names no unit of Articles 8–22."""

    code = "unknown_citation"
    title_vi = "Trích dẫn không chỉ tới điều, khoản, điểm nào của Điều 8-22"
    title_en = "A citation that names no unit of Articles 8-22"

    def __init__(self, citation: str, within: object = "") -> None:
        """``within``: what the unit above it holds (a message field: "Điều 12 có 6 khoản")."""
        fields = {"citation": brief(citation), "hint": within}
        super().__init__(_message("error.unknown_citation", "en", fields))
        self._localise("error.unknown_citation", fields)
        self.citation = citation


class RuleDefinitionError(SandboxRulesError):
    """A rule declaration that is inconsistent (duplicate id, unresolvable citation…)."""

    code = "rule_definition"
    title_vi = "Khai báo quy tắc không nhất quán (trùng mã, trích dẫn không tồn tại…)"
    title_en = "An inconsistent rule declaration (duplicate id, unresolvable citation…)"


class UnknownRuleError(SandboxRulesError, LookupError):
    """No rule has this id."""

    code = "unknown_rule"
    title_vi = "Không có quy tắc mang mã này"
    title_en = "No rule has this id"

    def __init__(self, rule_id: str) -> None:
        super().__init__(f"no rule with id {brief(rule_id)}")
        self.rule_id = rule_id


class ExpressionError(SandboxRulesError):
    """A condition that cannot be evaluated (a fact of the wrong type, an unknown fact)."""

    code = "expression"
    title_vi = "Điều kiện không đánh giá được (dữ kiện sai kiểu hoặc không xác định)"
    title_en = "A condition that cannot be evaluated (a fact of the wrong type, an unknown fact)"


class NoApplicableRuleError(SandboxRulesError):
    """No rule of a group applies although every fact is known (a gap in the law or data)."""

    code = "no_applicable_rule"
    title_vi = "Đủ dữ kiện nhưng không quy tắc nào áp dụng (khoảng trống của văn bản hoặc dữ liệu)"
    title_en = "Every fact is known but no rule applies (a gap in the text or the data)"

    def __init__(self, group: str, citations: Iterable[str]) -> None:
        cites = ", ".join(citations)
        super().__init__(f"no rule of '{group}' applies to these facts (rules considered: {cites})")
        self.group = group
        self.citations = tuple(citations)


class ConflictingRulesError(SandboxRulesError):
    """Two or more rules of a group apply and no exception orders them."""

    code = "conflicting_rules"
    title_vi = "Nhiều quy tắc cùng áp dụng mà không có ngoại lệ phân định"
    title_en = "Two or more rules apply and no exception decides between them"

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
    title_vi = "Cách hiểu không có, hoặc không có phương án đã chọn"
    title_en = "An unknown interpretation id, or an option it does not offer"


class FieldErrors(list[dict[str, Any]]):
    """The per-field problems of an input error: a list, also callable as ``errors()`` like
    pydantic's ``ValidationError.errors()``. Each item has ``field`` (dotted path), ``problem``,
    and, from pydantic, ``loc``, ``type`` and ``msg``."""

    def __call__(self, **_: Any) -> list[dict[str, Any]]:
        return list(self)


class InputValidationError(SandboxRulesError, ValueError):
    """Input that does not fit the model; ``errors`` lists each field path and problem."""

    code = "input_validation"
    title_vi = "Dữ liệu đầu vào không hợp lệ (nêu rõ trường và vấn đề)"
    title_en = "Input that does not fit the model (each field and its problem named)"

    def __init__(self, message: str, errors: Iterable[dict[str, Any]] | None = None) -> None:
        super().__init__(message)
        self.errors = FieldErrors(errors or ())

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
        return msgspec.structs.replace(super().record(), errors=tuple(items))


class InputTooLargeError(InputValidationError):
    """Input beyond a resource limit: a file too large, a list too long, a nesting too deep."""

    code = "input_too_large"
    title_vi = "Dữ liệu đầu vào vượt giới hạn (tệp quá lớn, danh sách quá dài, lồng quá sâu)"
    title_en = "Input beyond a resource limit (file too large, list too long, nesting too deep)"


class DocumentFormatError(InputValidationError):
    """A file or text that is not valid YAML/JSON/TOML, not UTF-8, or uses YAML aliases."""

    code = "document_format"
    title_vi = (
        "Tệp không đọc được: không phải YAML/JSON hợp lệ, không phải UTF-8, hoặc dùng alias YAML"
    )
    title_en = "A file that is not valid YAML/JSON, not UTF-8, or uses YAML aliases"


class EventOrderError(InputValidationError):
    """Two events of a procedure or record in an impossible order (both are named)."""

    code = "event_order"
    title_vi = "Hai sự kiện theo thứ tự không thể xảy ra (nêu rõ cả hai)"
    title_en = "Two events in an impossible order (both named)"

    def __init__(self, message: str, first: str, second: str) -> None:
        super().__init__(message, [{"field": first, "problem": message}])
        self.first = first
        self.second = second


class CalendarError(SandboxRulesError):
    """Base of calendar errors."""

    code = "calendar"
    title_vi = "Lỗi lịch ngày làm việc"
    title_en = "A calendar error"


class DateOutOfRangeError(CalendarError, ValueError):
    """A date, or a date computed from it, outside the calendar's supported years."""

    code = "date_out_of_range"
    title_vi = "Ngày (hoặc ngày tính ra) nằm ngoài khoảng năm lịch hỗ trợ"
    title_en = "A date, or a computed date, outside the calendar's supported years"


class InvalidDateError(CalendarError, TypeError, ValueError):
    """Something other than a ``datetime.date`` where a date is meant — including a
    ``datetime``, which is refused everywhere: its day depends on a time zone. Also a
    ValueError, as the calendar's bad-input errors were before this class."""

    code = "invalid_date"
    title_vi = "Không phải một ngày (datetime.date); ngày giờ (datetime) cũng bị từ chối"
    title_en = "Not a datetime.date where a date is meant; a datetime is refused too"


class CalendarDataError(CalendarError, ValueError):
    """Official-decision data (bundled or an override file) that is inconsistent."""

    code = "calendar_data"
    title_vi = "Dữ liệu quyết định nghỉ, làm bù (kèm theo hoặc tệp bổ sung) không hợp lệ"
    title_en = "Official-decision data (bundled or an override file) that is inconsistent"


class InvalidPeriodError(CalendarError, ValueError):
    """A period that is not WorkingDays/Days/Months/Years of a non-negative int."""

    code = "invalid_period"
    title_vi = "Thời hạn không hợp lệ (phải là số nguyên không âm ngày làm việc, ngày, tháng, năm)"
    title_en = "An invalid period (a non-negative int of working days, days, months or years)"


class InvalidTransitionError(SandboxRulesError):
    """A lifecycle event that the transition table does not allow in the current state."""

    code = "invalid_transition"
    title_vi = "Sự kiện không được phép ở trạng thái hiện tại (bảng chuyển trạng thái)"
    title_en = "A lifecycle event not allowed in the current state (transition table)"

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


def error_classes() -> list[type[SandboxRulesError]]:
    """Every error class of the library, base first (for docs/errors.md and its test)."""
    out: list[type[SandboxRulesError]] = []

    def walk(cls: type[SandboxRulesError]) -> None:
        if cls.__module__.startswith("sandbox_rules") and cls not in out:
            out.append(cls)
        for sub in cls.__subclasses__():
            walk(sub)

    walk(SandboxRulesError)
    return out


def _file_message(name: str, why: str, exc: OSError | ValueError | None) -> str:
    detail = getattr(exc, "strerror", None) or (str(exc) if exc is not None else "")
    return f"{name}: {why}" + (f" ({detail})" if detail else "")


class InputFileError(InputValidationError):
    """An input file (or standard input) that cannot be read as a document: missing, a
    directory, too large, binary, not UTF-8, empty, or not JSON/YAML. ``path`` names it."""

    code = "input_file"
    title_vi = "Tệp đầu vào (hoặc stdin) không đọc được: không có, là thư mục, quá lớn, nhị phân, không phải UTF-8, trống, hoặc không phải JSON/YAML"
    title_en = "An input file (or stdin) that cannot be read: missing, a folder, too large, binary, not UTF-8, empty, or not JSON/YAML"

    def __init__(self, path: str, why: str, exc: OSError | ValueError | None = None) -> None:
        super().__init__(_file_message(path, why, exc))
        self.path = path


class OutputPathError(SandboxRulesError):
    """An output path (e.g. ``--ics``) that cannot be written, or would overwrite a file."""

    code = "output_path"
    title_vi = (
        "Đường dẫn tệp kết quả (ví dụ --ics) không ghi được, hoặc sẽ ghi đè mà không có --force"
    )
    title_en = "An output path (e.g. --ics) that cannot be written, or would be overwritten without --force"

    def __init__(self, path: str, why: str, exc: OSError | ValueError | None = None) -> None:
        super().__init__(_file_message(path, why, exc))
        self.path = path


class OptionalDependencyError(SandboxRulesError):
    """A feature whose optional extra is not installed (e.g. ``pip install sandbox-rules[ics]``)."""

    code = "optional_dependency"
    title_vi = "Chức năng cần gói bổ sung chưa được cài (nêu tên gói và extra)"
    title_en = "A feature whose optional extra is not installed (the package and extra named)"

    def __init__(self, package: str, extra: str) -> None:
        fields = {"package": repr(package), "extra": extra}
        super().__init__(_message("error.optional_dependency", "en", fields))
        self._localise("error.optional_dependency", fields)
        self.package = package
        self.extra = extra
