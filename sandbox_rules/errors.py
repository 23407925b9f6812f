"""Typed errors. Every error has a stable ``code`` and names the field or citation at fault.

Catch :class:`SandboxRulesError` to catch them all; no KeyError, TypeError, ValueError,
AttributeError or raw pydantic ``ValidationError`` escapes the public API on bad input.
Each class carries a short title in Vietnamese and English (``title_vi``, ``title_en``);
docs/errors.md is generated from them. Values quoted in messages go through :func:`brief`,
so no message embeds an unbounded repr.

Every message is a key of the message tables (sandbox_rules/i18n, ``error.*``) with its
fields: ``message`` is the English one (stable, for programs), ``message_in("vi")`` the
Vietnamese one (what the command line, the reports and the service show by default).
Build an error with ``Class.from_key(key, **fields)`` or with a constructor that localises
(those below taking codes, not a message); tests/test_error_messages.py checks every raise.
"""

from __future__ import annotations

import reprlib
from collections.abc import Iterable, Mapping, Sequence
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, ClassVar, Self

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
    msg: str  # in English
    loc: tuple[str | int, ...] = ()
    type: str | None = None
    suggestion: str | None = None
    line: int | None = None  # the line in the file the input came from, when known
    msg_vi: str | None = None  # the same problem in Vietnamese


class ErrorRecord(Record, tag="error", frozen=True, kw_only=True):
    """The error result: the stable ``code`` of the error class (docs/errors.md), the message
    in English (``message``, stable for programs) and in Vietnamese (``message_vi``), the
    message's ``key`` in the message tables and, for input errors, one entry per field at
    fault."""

    code: str
    message: str
    errors: tuple[FieldError, ...] = ()
    title_vi: str | None = None  # what the error class means, in both languages
    title_en: str | None = None
    message_vi: str | None = None
    key: str | None = None


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

    #: The fields of the message as a terminal shows it, where it differs (one problem a line:
    #: surfaces/inputs.invalid); ``message`` is one line, for programs.
    _terminal: Mapping[str, object] | None = None

    def terminal_in(self, lang: str = "en") -> str:
        """The message as the command line shows it in ``lang``: an input file's problems one
        a line, each with its line in the file; otherwise :meth:`message_in`."""
        if self._terminal is None or self.key is None:
            return self.message_in(lang)
        return _message(self.key, lang, self._terminal)

    def message_in(self, lang: str = "en") -> str:
        """The message in ``lang``: the English ``message``, or its translation where the
        message is in the tables (otherwise the English one)."""
        if self.key is None or lang == "en":
            return self.message
        return _message(self.key, lang, self.fields)

    def __reduce__(self) -> tuple[Any, ...]:
        # Rebuilt without calling __init__ (the constructors take codes, not the message),
        # the fields as a plain dict: a worker process can hand an error back whole.
        return (_rebuild, (type(self), self.args, _state(self)))

    def record(self) -> ErrorRecord:
        return ErrorRecord(
            code=self.code,
            message=self.message,
            title_vi=self.title_vi,
            title_en=self.title_en,
            message_vi=None if self.key is None else self.message_in("vi"),
            key=self.key,
        )

    def to_dict(self) -> dict[str, Any]:
        return self.record().to_dict()


def _state(error: BaseException) -> dict[str, Any]:
    state = dict(error.__dict__)
    if isinstance(state.get("fields"), MappingProxyType):
        state["fields"] = dict(state["fields"])
    return state


def _rebuild(
    cls: type[SandboxRulesError], args: tuple[Any, ...], state: dict[str, Any]
) -> SandboxRulesError:
    error = Exception.__new__(cls)
    error.args = args
    error.__dict__.update(state)
    if isinstance(state.get("fields"), dict):
        error.fields = MappingProxyType(state["fields"])
    return error


class CitationSyntaxError(SandboxRulesError, ValueError):
    """A citation string that is not of a supported form."""

    code = "citation_syntax"
    title_vi = "Trích dẫn không đúng dạng (ví dụ đúng: 12.3.b, Điều 12 khoản 3 điểm b)"
    title_en = "A citation that is not of a supported form (e.g. 12.3.b, Article 12(3)(b))"

    def __init__(
        self, text: str, *, why_key: str, suggestion: str | None = None, **why_fields: object
    ) -> None:
        """Why ``text`` is no citation: ``why_key`` (with its fields), the reason's key in the
        message tables (``error.citation.*``); ``suggestion``: the citation probably meant
        (``15.1.dd`` -> ``15.1.đ``)."""
        from sandbox_rules.i18n import Message

        fields: dict[str, object] = {
            "text": brief(text),
            "why": Message(why_key, why_fields),
            "hint": "",
        }
        if suggestion is not None:
            fields["hint"] = Message("error.citation_suggest", {"value": suggestion})
        super().__init__(_message("error.citation_syntax", "en", fields))
        self._localise("error.citation_syntax", fields)
        self.text = text
        self.suggestion = suggestion


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
        fields = {"id": brief(rule_id)}
        super().__init__(_message("error.unknown_rule", "en", fields))
        self._localise("error.unknown_rule", fields)
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
        cites = tuple(citations)
        key = "error.no_applicable_rule" if cites else "error.no_rule_in_force"
        fields = {"group": group, "citations": ", ".join(cites)}
        super().__init__(_message(key, "en", fields))
        self._localise(key, fields)
        self.group = group
        self.citations = cites


class ConflictingRulesError(SandboxRulesError):
    """Two or more rules of a group apply and no exception orders them."""

    code = "conflicting_rules"
    title_vi = "Nhiều quy tắc cùng áp dụng mà không có ngoại lệ phân định"
    title_en = "Two or more rules apply and no exception decides between them"

    def __init__(self, group: str, rule_ids: Iterable[str], citations: Iterable[str]) -> None:
        ids = tuple(rule_ids)
        cites = tuple(citations)
        fields = {"group": group, "ids": ", ".join(ids), "citations": ", ".join(cites)}
        super().__init__(_message("error.conflicting_rules", "en", fields))
        self._localise("error.conflicting_rules", fields)
        self.group = group
        self.rule_ids = ids
        self.citations = cites


class InterpretationError(SandboxRulesError, ValueError):
    """An unknown interpretation id, or an option it does not offer."""

    code = "interpretation"
    title_vi = "Cách hiểu không có, hoặc không có phương án đã chọn"
    title_en = "An unknown interpretation id, or an option it does not offer"


def field_problem(field: str, key: str, /, **fields: object) -> dict[str, Any]:
    """One entry of an input error's ``errors``: the ``field`` at fault and the message ``key``
    of the tables saying what is wrong, in English (``msg``) and Vietnamese (``msg_vi``)."""
    return {
        "field": field,
        "msg": _message(key, "en", fields),
        "msg_vi": _message(key, "vi", fields),
    }


def field_message(entry: Mapping[str, Any], lang: str) -> str | None:
    """What an entry of ``errors`` says is wrong, in ``lang``: an entry of the officer's files
    has it in both languages (``problem_vi``/``problem_en``, surfaces/inputs.translate) and
    ``msg`` in the language she chose; others have ``msg`` in English and ``msg_vi``."""
    if lang == "vi":
        found = entry.get("problem_vi") or entry.get("msg_vi")
    else:
        found = entry.get("problem_en") or entry.get("msg") or entry.get("problem")
        found = found or entry.get("message")
    return None if found is None else str(found)


def summary(errors: Iterable[Mapping[str, Any]], lang: str) -> str:
    """The first five problems of ``errors`` on one line, in ``lang`` (the whole list stays in
    ``errors``). In Vietnamese a field's name is quoted: a code, not a word of the sentence."""
    items = list(errors)[:5]
    shown = (f"{e['field']}" if lang == "en" else f"'{e['field']}'" for e in items)
    said = (field_message(e, lang) or field_message(e, "en") for e in items)
    text = "; ".join(f"{f}: {m}" for f, m in zip(shown, said, strict=True))
    return text if len(text) <= 600 else text[:599] + "…"


class FieldErrors(list[dict[str, Any]]):
    """The per-field problems of an input error: a list, also callable as ``errors()`` like
    pydantic's ``ValidationError.errors()``. Each item has ``field`` (dotted path) and ``loc``,
    the path of the offending input (no union tag), ``type``, ``msg`` (English) and ``msg_vi``
    (Vietnamese), the same message the command line shows, and ``suggestion`` where there
    is one; pydantic's own errors: ``sandbox_rules._validation.pydantic_errors``."""

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

    # ``errors`` narrows a keyword the base class takes as a message field: no message of the
    # tables has a field of that name, so no call means the other.
    @classmethod
    def from_key(  # type: ignore[override]
        cls, key: str, /, *, errors: Iterable[dict[str, Any]] | None = None, **fields: object
    ) -> Self:
        """The error with the message ``key`` (see :meth:`SandboxRulesError.from_key`) and its
        per-field ``errors`` (each with ``msg`` in English and ``msg_vi`` in Vietnamese)."""
        error = cls(_message(key, "en", fields), errors)
        error._localise(key, fields)
        return error

    def record(self) -> ErrorRecord:
        items = []
        for e in self.errors:
            loc = e.get("loc")
            items.append(
                FieldError(
                    field=str(e.get("field") or e.get("path") or ".".join(map(str, loc or ()))),
                    msg=field_message(e, "en") or "",
                    loc=tuple(loc) if isinstance(loc, (list, tuple)) else (),
                    type=e.get("type"),
                    suggestion=e.get("suggestion"),
                    line=e.get("line") if isinstance(e.get("line"), int) else None,
                    msg_vi=field_message(e, "vi"),
                )
            )
        return msgspec.structs.replace(super().record(), errors=tuple(items))


class UsageError(SandboxRulesError):
    """A command line that is wrong: an unknown option, a missing argument, a value an option
    does not take (exit code 2; with ``--json`` also an error record on stdout)."""

    code = "usage"
    title_vi = "Dòng lệnh sai (tùy chọn không có, thiếu tham số, giá trị tùy chọn không hợp lệ)"
    title_en = "A wrong command line (an unknown option, a missing argument, a bad option value)"


class InputTooLargeError(InputValidationError):
    """Input beyond a resource limit: a file too large, a list too long, a nesting too deep."""

    code = "input_too_large"
    title_vi = "Dữ liệu đầu vào vượt giới hạn (tệp quá lớn, danh sách quá dài, lồng quá sâu)"
    title_en = "Input beyond a resource limit (file too large, list too long, nesting too deep)"


class InterpretationInputError(InputValidationError, InterpretationError):
    """Input whose only problems are chosen interpretations (its ``interpretations`` field):
    an unknown id or an option it does not offer, each named in ``errors``. Code
    ``interpretation`` on every surface, as :class:`InterpretationError` of an argument."""

    code = "interpretation"
    title_vi = InterpretationError.title_vi
    title_en = InterpretationError.title_en


def input_error_class(errors: Iterable[Mapping[str, Any]]) -> type[InputValidationError]:
    """The class of an input error with these per-field ``errors``: an
    :class:`InputTooLargeError` when one is beyond a resource limit (``LIMIT_TYPES``), an
    :class:`InterpretationInputError` when every problem is a chosen interpretation (each
    entry's ``code``, surfaces/inputs.translate), else :class:`InputValidationError`."""
    items = list(errors)
    if any(e.get("type") in LIMIT_TYPES for e in items):
        return InputTooLargeError
    if items and all(e.get("code") == InterpretationError.code for e in items):
        return InterpretationInputError
    return InputValidationError


#: The types of field errors that are a resource limit (a list or a text too long): an
#: input with one of them is :class:`InputTooLargeError`, code ``input_too_large``.
LIMIT_TYPES = frozenset({"too_long", "string_too_long"})


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

    def __init__(self, key: str, first: str, second: str, /, **fields: object) -> None:
        """``first`` came at or after ``second`` though it cannot (the message ``key`` of the
        tables, with its ``fields``, says why)."""
        message = _message(key, "en", fields)
        vi = _message(key, "vi", fields)
        super().__init__(message, [{"field": first, "problem": message, "msg_vi": vi}])
        self._localise(key, fields)
        self.first = first
        self.second = second

    def at(
        self, where: object, loc: Sequence[str | int] = (), line: int | None = None
    ) -> EventOrderError:
        """The same refusal naming where ``first`` is written: ``where`` (a message: the
        file, its line, the event's item), and in ``errors`` its ``loc`` in the file and
        ``line``, as every other problem of a file has them."""
        from sandbox_rules.i18n import Message

        fields = {"where": where, "why": Message(self.key or "", dict(self.fields))}
        self.message = _message("error.at", "en", fields)
        self.args = (self.message,)
        self._localise("error.at", fields)
        entry: dict[str, Any] = dict(self.errors[0]) if self.errors else {"field": self.first}
        if loc:
            entry.update(field=".".join(map(str, loc)), loc=list(loc))
        if line is not None:
            entry["line"] = line
        self.errors = FieldErrors([entry])
        return self


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

    def __init__(
        self,
        state: str,
        event: str,
        allowed: Iterable[str],
        citation: str,
        *,
        why_key: str | None = None,
        clauses: str | None = None,
        allowed_are: str = "event",
        **why_fields: object,
    ) -> None:
        """``citation``: the rules (ids and clauses) that refuse ``event`` (kept as
        ``citation``); ``clauses``: their clauses (short forms, comma-separated; by default
        ``citation``), written in prose in the message, the last one quoted from the law text;
        ``why_key``, where they say more than that, the reason's key in the tables
        (``error.transition.*``, given the citation and ``why_fields``); ``allowed``: the
        events allowed in ``state`` (``allowed_are="event"``), or the states the event is
        allowed in (``allowed_are="state"``)."""
        from sandbox_rules.i18n import Codes, Message, Texts

        allowed_t = tuple(allowed)
        shorts = [c.strip() for c in (citation if clauses is None else clauses).split(",")]
        shorts = [c for c in shorts if c]
        prose = Texts(*_prose(shorts))
        why = prose if why_key is None else Message(why_key, {"citation": prose, **why_fields})
        said = _quote(shorts)
        if allowed_are == "event":
            listed = (
                Message("error.transition.allowed", {"events": Codes("event", allowed_t)})
                if allowed_t
                else Message("error.transition.allowed_none", {})
            )
        else:
            listed = Message(
                "error.transition.allowed_states", {"states": Codes("state", allowed_t)}
            )
        fields: dict[str, object] = {
            "event": Codes("event", (event,)),
            "state": Codes("state", (state,)),
            "why": why,
            "quote": Message("error.transition.quote", {"text": said}) if said else "",
            "allowed": listed,
        }
        super().__init__(_message("error.invalid_transition", "en", fields))
        self._localise("error.invalid_transition", fields)
        self.state = state
        self.event = event
        self.allowed = allowed_t
        self.citation = citation
        self.on: Any = None  # the event's date, where the record says it
        self.index: int | None = None  # its place in the record's events, from 0

    def at(self, where: object) -> InvalidTransitionError:
        """The same refusal naming where the event is written (a file's line)."""
        fields = {**self.fields, "where": where}
        self.message = _message("error.invalid_transition_at", "en", fields)
        self.args = (self.message,)
        self._localise("error.invalid_transition_at", fields)
        return self


def _prose(shorts: Sequence[str]) -> tuple[str, str]:
    """Clauses as prose writes them ("khoản 2 Điều 14; khoản 2 Điều 10"), in each language."""
    from sandbox_rules.law.citation import Citation

    cits = [Citation.parse(c) for c in shorts]
    return "; ".join(c.vi() for c in cits), "; ".join(c.en() for c in cits)


def _quote(shorts: Sequence[str]) -> str:
    """The text of the last clause cited (the one that refuses: 10.2 of life.extend's 14.2,
    10.2), from the shipped law text; empty if there is none."""
    from sandbox_rules.law.citation import Citation

    if not shorts:
        return ""
    try:
        unit = Citation.parse(shorts[-1]).resolve()
    except (SandboxRulesError, ValueError):
        return ""
    import re

    return re.sub(r"^(\d+\.|[a-zđ]\))\s*", "", unit.quote(240))  # "2. Thời hạn" -> "Thời hạn"


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


def _file_fields(
    name: object, why_key: str, exc: OSError | ValueError | None, why: Mapping[str, object]
) -> dict[str, object]:
    """The fields of ``error.file``: the file's name (a :class:`~sandbox_rules.i18n.Message`
    for standard input), why (a message of the ``io`` table) and the system's own words."""
    from sandbox_rules.i18n import Message

    detail = getattr(exc, "strerror", None) or (str(exc) if exc is not None else "")
    return {
        "name": name,
        "why": Message(why_key, dict(why)),
        "detail": f" ({detail})" if detail else "",  # the system's message, in English
    }


def _shown(name: object) -> str:
    """A file's name as the English message shows it."""
    from sandbox_rules.i18n import Message

    return name.render("en") if isinstance(name, Message) else str(name)


class _FileError:
    """The construction :class:`InputFileError` and :class:`OutputPathError` share (first in
    their bases, before the error class each is): ``path``, the file's name as shown (or a
    message, for standard input); ``why_key``, why it cannot be read or written, a key of the
    ``io`` table with its fields ``why``; ``exc``, the system's own words. The message is
    ``error.file``; ``path`` names the file in English."""

    if TYPE_CHECKING:  # given by the error class each is (SandboxRulesError)

        def _localise(self, key: str, fields: Mapping[str, object]) -> None: ...

    def __init__(
        self,
        path: object,
        why_key: str,
        exc: OSError | ValueError | None = None,
        /,
        **why: object,
    ) -> None:
        fields = _file_fields(path, why_key, exc, why)
        super().__init__(_message("error.file", "en", fields))  # type: ignore[call-arg]
        self._localise("error.file", fields)
        self.path = _shown(path)


class InputFileError(_FileError, InputValidationError):
    """An input file (or standard input) that cannot be read as a document: missing, a
    directory, too large, binary, not UTF-8, empty, or not JSON/YAML. ``path`` names it."""

    code = "input_file"
    title_vi = "Tệp đầu vào (hoặc stdin) không đọc được: không có, là thư mục, quá lớn, nhị phân, không phải UTF-8, trống, hoặc không phải JSON/YAML"
    title_en = "An input file (or stdin) that cannot be read: missing, a folder, too large, binary, not UTF-8, empty, or not JSON/YAML"


class InputFileTooLargeError(InputFileError, InputTooLargeError):
    """An input file (or standard input) beyond a resource limit: too large, nested too
    deep, too many values (docs/errors.md, Limits)."""

    code = "input_too_large"
    title_vi = "Tệp đầu vào (hoặc stdin) vượt giới hạn: quá lớn, lồng quá sâu, quá nhiều giá trị"
    title_en = (
        "An input file (or stdin) beyond a resource limit: too large, too deep, too many values"
    )


class OutputPathError(_FileError, SandboxRulesError):
    """An output path (e.g. ``--ics``) that cannot be written, or would overwrite a file."""

    code = "output_path"
    #: Whether the path is standard output itself (the command line then prints the error
    #: record on stderr only).
    of_stdout: bool = False
    title_vi = (
        "Đường dẫn tệp kết quả (ví dụ --ics) không ghi được, hoặc sẽ ghi đè mà không có --force"
    )
    title_en = "An output path (e.g. --ics) that cannot be written, or would be overwritten without --force"


class OptionalDependencyError(SandboxRulesError):
    """A feature whose optional extra is not installed (e.g. ``pip install sandbox-rules[ics]``)."""

    code = "optional_dependency"
    title_vi = "Chức năng cần gói bổ sung chưa được cài (nêu tên gói và extra)"
    title_en = "A feature whose optional extra is not installed (the package and extra named)"

    def __init__(self, package: str, extra: str, *, system: str | None = None) -> None:
        """``package`` of the extra ``extra`` is missing; or, with ``system``, it is there but
        cannot load the system libraries it needs (``system``: the loader's own words)."""
        fields = {"package": repr(package), "extra": extra, "detail": system or ""}
        key = "error.optional_dependency" if system is None else "error.optional_system"
        super().__init__(_message(key, "en", fields))
        self._localise(key, fields)
        self.package = package
        self.extra = extra
