"""Interface strings, one table per language (``vi.toml``, ``en.toml``), so a translator
works on one file and a test checks both tables have the same keys and placeholders.

Vietnamese is the default language. The legal texts of rules stay beside each rule; these
tables hold the words of the interface: labels, headings, statuses, messages, ``--help``.

A table is read the first time one of its messages is asked for, then kept (``messages``
is cached): importing this module reads no file, so the CLI starts as fast with it as
without it. The process reads each table's JSON mirror (``sandbox_rules.mirrors``).
"""

from __future__ import annotations

import string
from collections.abc import Mapping, Sequence
from datetime import date
from functools import cache
from types import MappingProxyType
from typing import NamedTuple

LANGS = ("vi", "en")
DEFAULT_LANG = "vi"
WEEKDAYS_VI = ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ Nhật")
WEEKDAYS_EN = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


def _flatten(prefix: str, table: Mapping[str, object], out: dict[str, str]) -> None:
    for key, value in table.items():
        name = f"{prefix}{key}"
        if isinstance(value, Mapping):
            _flatten(f"{name}.", value, out)
        else:
            out[name] = str(value)


@cache
def messages(lang: str) -> Mapping[str, str]:
    """The flat table ``key -> template`` of one language (read once, read-only)."""
    from sandbox_rules import mirrors

    if lang not in LANGS:
        lang = DEFAULT_LANG
    out: dict[str, str] = {}
    _flatten("", mirrors.load(f"i18n/{lang}.toml"), out)
    return MappingProxyType(out)


@cache
def table(prefix: str, lang: str = DEFAULT_LANG) -> Mapping[str, str]:
    """The messages under ``prefix`` (a table such as ``state``) of one language, by the
    last part of their key: ``table("state")["active"]`` is the message ``state.active``."""
    n = len(prefix) + 1
    out = {k[n:]: v for k, v in messages(lang).items() if k.startswith(prefix + ".")}
    return MappingProxyType(out)


class Term(NamedTuple):
    """A field that is a code, written in each language by a table: ``Term("type", "int")``
    is the message ``type.int`` (the code itself where the table lacks it)."""

    table: str
    code: str

    def render(self, lang: str) -> str:
        return messages(lang).get(f"{self.table}.{self.code}", self.code)


class Day(NamedTuple):
    """A field that is a date: dd/mm/yyyy in Vietnamese, ISO in English."""

    value: date

    def render(self, lang: str) -> str:
        return fmt_date(self.value, lang)


class Cited(NamedTuple):
    """A field that is a citation (its short form, ``12.3``), written as the language's
    prose writes it: "khoản 3 Điều 12", "Article 12(3)"."""

    short: str

    def render(self, lang: str) -> str:
        from sandbox_rules.law.citation import Citation

        cit = Citation.parse(self.short)
        return cit.vi() if lang == "vi" else cit.en()


class Message(NamedTuple):
    """A field that is itself a message of the tables (a reason inside an error's message,
    the message of a wrapped error), written in the language of the message it is in."""

    key: str
    fields: Mapping[str, object]

    def render(self, lang: str) -> str:
        return t(self.key, lang, **self.fields)


class Texts(NamedTuple):
    """A field that data or code already writes in each language — a rule's
    ``statement_vi``/``statement_en``, a period's ``vi()``/``en()``, field errors translated
    one by one — so a message of the tables can carry it (never two literals at a call)."""

    vi: str
    en: str

    def render(self, lang: str) -> str:
        return self.vi if lang == "vi" else self.en


class Codes(NamedTuple):
    """A field that is a list of codes of a table (events, states): in English the codes as
    they are, comma-separated; in Vietnamese each by its name in the table with the code
    quoted after it — «bắt đầu thử nghiệm» ('testing_started') — and a code the table lacks
    quoted alone."""

    table: str
    codes: tuple[str, ...]

    def render(self, lang: str) -> str:
        if lang != "vi":
            return ", ".join(self.codes)
        names = messages("vi")
        return ", ".join(
            f"«{names[f'{self.table}.{c}']}» ('{c}')" if f"{self.table}.{c}" in names else f"'{c}'"
            for c in self.codes
        )


_FIELD_TYPES = (Term, Day, Cited, Message, Texts, Codes)


def t(key: str, lang: str = DEFAULT_LANG, /, **fields: object) -> str:
    """The message ``key`` in ``lang`` with ``fields`` filled in (a :class:`Term`, :class:`Day`,
    :class:`Message`, :class:`Texts` or :class:`Codes` field is written in ``lang``); a key
    missing from a table falls back to Vietnamese, then to the key itself (never an exception
    in a report). A message asked for without fields is returned as written (braces in it are
    literal)."""
    template = messages(lang).get(key) or messages(DEFAULT_LANG).get(key) or key
    if not fields:
        return template
    for name, value in fields.items():
        if isinstance(value, _FIELD_TYPES):
            fields[name] = value.render(lang)
    try:
        if "|" in template:  # a count with its noun: {n:case|cases}
            return _PLURAL.format(template, **fields)
        return template.format(**fields)
    except (KeyError, IndexError, ValueError):
        return template


class _Plural(string.Formatter):
    """``{n:case|cases}`` is "1 case", "2 cases": a count written with its noun, singular for
    one (English needs it; a Vietnamese noun does not change, so its table writes {n} alone)."""

    def format_field(self, value: object, format_spec: str) -> str:
        if "|" in format_spec:
            one, _, other = format_spec.partition("|")
            return f"{value} {one if value == 1 else other}"
        return str(super().format_field(value, format_spec))


_PLURAL = _Plural()


def fmt_date(value: date | None, lang: str = DEFAULT_LANG) -> str:
    """dd/mm/yyyy in Vietnamese, ISO in English; an empty mark for no date."""
    if value is None:
        return "—"
    return value.strftime("%d/%m/%Y") if lang == "vi" else value.isoformat()


def weekday(value: date, lang: str = DEFAULT_LANG) -> str:
    return (WEEKDAYS_VI if lang == "vi" else WEEKDAYS_EN)[value.weekday()]


# -- values written as the names the tool prints ---------------------------------------------------
#: The tables whose names a coded value may be written as: what the tool prints for it.
NAME_TABLES = ("value", "state", "timeline.status", "lifecycle.duty")


def value_names(code: str, lang: str = "vi", tables: Sequence[str] = NAME_TABLES) -> list[str]:
    """The names the tool prints for a coded value (``extended`` -> «đã gia hạn»)."""
    m = messages(lang)
    # The report page prints a status by these same names (report i18n STATUS_KEYS).
    names = [m.get(f"{table}.{code}") for table in tables]
    return [str(n) for n in names if n]


def by_name(
    given: object, choices: Sequence[str], tables: Sequence[str] = NAME_TABLES
) -> tuple[str | None, list[str]]:
    """The choice whose Vietnamese name (in ``tables``) is ``given`` as the tables print it
    (NFC, any case; also without diacritics where that is unambiguous): (the choice, []);
    (None, the candidates) when the name fits several; (None, []) when it names none. Never a
    guess: a part of a name is not a name."""
    import unicodedata

    if not isinstance(given, str) or not given.strip() or len(given) > 200:
        return None, []
    from sandbox_rules.catalogues import fold

    def exact(text: str) -> str:
        return " ".join(unicodedata.normalize("NFC", text).casefold().split())

    for key in (exact, fold):
        found = sorted(
            {c for c in choices for n in value_names(c, "vi", tables) if key(n) == key(given)}
        )
        if len(found) == 1:
            return found[0], []
        if found:
            return None, found
    return None, []
