"""Message tables: the same keys and placeholders in Vietnamese and English, Vietnamese by
default, dd/mm/yyyy dates in Vietnamese."""

from __future__ import annotations

import string
from datetime import date

from sandbox_rules.i18n import fmt_date, messages, t, weekday


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_tables_have_the_same_keys() -> None:
    vi, en = messages("vi"), messages("en")
    assert set(vi) == set(en), sorted(set(vi) ^ set(en))


def test_placeholders_match() -> None:
    vi, en = messages("vi"), messages("en")
    bad = {k: (_fields(vi[k]), _fields(en[k])) for k in vi if _fields(vi[k]) != _fields(en[k])}
    assert not bad


def test_vietnamese_is_the_default_and_dates_are_dd_mm_yyyy() -> None:
    assert t("case.expected") == "mong đợi:"
    assert t("case.expected", "en") == "expected:"
    assert t("input.line", line=3) == "dòng 3"
    assert fmt_date(date(2026, 2, 23)) == "23/02/2026"
    assert fmt_date(date(2026, 2, 23), "en") == "2026-02-23"
    assert weekday(date(2026, 2, 23)) == "Thứ Hai"


def test_an_unknown_key_or_language_never_raises() -> None:
    assert t("no.such.key") == "no.such.key"
    assert t("case.expected", "fr") == "mong đợi:"
