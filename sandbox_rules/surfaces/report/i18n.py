"""The report page's words: the ``page`` table of the message tables (sandbox_rules/i18n,
``vi.toml`` and ``en.toml``), Vietnamese by default; dates dd/mm/yyyy in Vietnamese."""

from __future__ import annotations

import re

from sandbox_rules.i18n import messages
from sandbox_rules.i18n import t as message

_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")


# A status has one name on every surface (trial 2, A14): the page reads an obligation's
# status from ``value`` (as the text and the calendar file) and a step's from
# ``timeline.status`` (as the text timeline), never words of its own.
STATUS_KEYS = {"ob_": "value", "step_": "timeline.status"}


def t(key: str, lang: str) -> str:
    """The word for ``key`` (the message ``page.KEY``, not formatted: the page fills in its
    own fields; ``ob_STATUS`` and ``step_STATUS`` are the statuses' own names, see
    STATUS_KEYS); a value the records gained after the tables were written (a new status,
    say) shows as itself rather than failing the page."""
    words = messages("vi" if lang == "vi" else "en")
    for prefix, status_table in STATUS_KEYS.items():
        if key.startswith(prefix):
            word = words.get(f"{status_table}.{key[len(prefix) :]}")
            if word is not None:
                # An obligation's status heads a table cell or a legend: capitalised.
                return word[:1].upper() + word[1:] if prefix == "ob_" else word
    word = words.get(f"page.{key}")
    if word is None:
        return key.split("_", 1)[-1].replace("_", " ")
    return word


def filled(key: str, lang: str, **fields: object) -> str:
    """The word for ``key`` with its fields filled in as every message is (a count with its
    noun: "1 working day", "2 working days")."""
    return message(f"page.{key}", "vi" if lang == "vi" else "en", **fields)


def fmt_date(value: str | None, lang: str) -> str:
    """dd/mm/yyyy in Vietnamese, ISO in English; also rewrites the ISO dates inside a
    Vietnamese text from the records. '' for nothing."""
    if not value:
        return ""
    return _ISO.sub(r"\3/\2/\1", str(value)) if lang == "vi" else str(value)
