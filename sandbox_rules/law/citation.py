"""Citations of Decree 169/2025/NĐ-CP, Chapter II: ``Điều 12 khoản 3 điểm b`` ≡ ``12.3.b``.

A :class:`Citation` parses the short form (``12.3.b``, ``9.1.par2``), the Vietnamese forms
(``Điều 12 khoản 3 điểm b``, ``điểm b khoản 3 Điều 12``, ``đoạn 2 khoản 1 Điều 9``) and the
English form (``Article 12(3)(b)``); orders points in Vietnamese letter order (a, b, c, d,
đ, e …); renders both languages. Resolution against the text is in :mod:`.text`.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import total_ordering
from typing import TYPE_CHECKING, Any

from sandbox_rules.errors import CitationSyntaxError, brief

if TYPE_CHECKING:
    from sandbox_rules.law.text import Unit

# Vietnamese legal point letters, in order: đ sits between d and e; f, j, w, z are unused.
POINT_LETTERS = (
    "a", "b", "c", "d", "đ", "e", "g", "h", "i", "k", "l", "m",
    "n", "o", "p", "q", "r", "s", "t", "u", "v", "x", "y",
)  # fmt: skip
_LETTER_RANK = {letter: i for i, letter in enumerate(POINT_LETTERS)}
_ORDINAL_EN = {1: "first", 2: "second", 3: "third", 4: "fourth", 5: "fifth"}

# Numbers are at most four digits (ASCII only): the decree has 50-odd articles, and a longer
# number is a typo, not a unit; it also keeps int() away from huge digit strings.
_SHORT_RE = re.compile(
    r"^(?P<art>[0-9]{1,4})(?:\.(?:(?P<apar>par(?P<apn>[0-9]{1,4}))|(?P<cl>[0-9]{1,4})"
    r"(?:\.(?:par(?P<cpn>[0-9]{1,4})|(?P<pt>[a-zđ])(?:\.par(?P<ppn>[0-9]{1,4}))?))?))?$"
)
_EN_RE = re.compile(
    r"^(?:article|art\.?)\s*(?P<art>[0-9]{1,4})(?:\((?P<cl>[0-9]{1,4})\))?(?:\((?P<pt>[a-zđ])\))?"
    r"(?:,?\s*(?:(?:paragraph|para\.?|¶)\s*(?P<par>[0-9]{1,4})|(?P<nth>first|second|third|fourth|fifth)"
    r"\s+paragraph))?$"
)
_NTH = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5}
_VI_TOKEN_RE = re.compile(r"(điều|khoản|điểm|đoạn)\s+([0-9]{1,4}|[a-zđ])\b")
#: Longest citation text parsed (the longest real form is about 40 characters).
MAX_CITATION_LENGTH = 200


def _fold(text: str) -> str:
    return unicodedata.normalize("NFC", text).strip().lower()


# A citation written without its diacritics: the words, and the point đ typed "dd" (as
# Vietnamese keyboards without a layout write it).
_PLAIN_WORDS = {"dieu": "điều", "khoan": "khoản", "diem": "điểm", "doan": "đoạn"}
_PLAIN_RE = re.compile(r"\b(dieu|khoan|diem|doan|dd)\b")


def _meant(folded: str) -> str | None:
    """The citation ``folded`` (no form parsed) most likely means, written as the officer
    wrote it: ``15.1.dd`` -> ``15.1.đ``, ``khoan 3 dieu 12`` -> ``khoản 3 Điều 12``."""
    restored = _PLAIN_RE.sub(lambda m: _PLAIN_WORDS.get(m.group(1), "đ"), folded)
    if restored == folded:
        return None
    try:
        cit = Citation.parse(restored)
    except CitationSyntaxError:
        return None
    return cit.short if folded[:1].isdigit() else cit.vi()


@total_ordering
@dataclass(frozen=True, slots=True)
class Citation:
    """One addressable unit: an article, clause, point, or unnumbered paragraph.

    ``paragraph`` is ``None`` for a whole unit; otherwise the 1-based number of an
    unnumbered paragraph of the article (clause ``None``), clause (point ``None``) or point.
    """

    article: int
    clause: int | None = None
    point: str | None = None
    paragraph: int | None = None

    def __post_init__(self) -> None:
        for name in ("article", "clause", "paragraph"):
            value = getattr(self, name)
            if (value is not None or name == "article") and type(value) is not int:
                from sandbox_rules.i18n import Term

                kind = Term("type", type(value).__name__)
                raise CitationSyntaxError(
                    f"Citation.{name}", why_key="error.citation.not_an_int", kind=kind
                )
        if self.point is not None and type(self.point) is not str:
            from sandbox_rules.i18n import Term

            kind = Term("type", type(self.point).__name__)
            raise CitationSyntaxError(
                "Citation.point", why_key="error.citation.not_a_letter", kind=kind
            )
        if self.article < 1:
            raise CitationSyntaxError(str(self.article), why_key="error.citation.article_from_1")
        if self.clause is not None and self.clause < 1:
            raise CitationSyntaxError(self.short, why_key="error.citation.clause_from_1")
        if self.point is not None:
            if self.clause is None:
                raise CitationSyntaxError(self.short, why_key="error.citation.point_needs_clause")
            if self.point not in _LETTER_RANK:
                raise CitationSyntaxError(
                    self.short, why_key="error.citation.not_a_point", letter=brief(self.point)
                )
        if self.paragraph is not None and self.paragraph < 1:
            raise CitationSyntaxError(self.short, why_key="error.citation.paragraph_from_1")

    # -- parsing ---------------------------------------------------------------------
    @classmethod
    def parse(cls, text: str | Citation) -> Citation:
        """Parse any supported form; raise :class:`CitationSyntaxError` otherwise."""
        if isinstance(text, Citation):
            return text
        if not isinstance(text, str):
            raise CitationSyntaxError(
                f"<{type(text).__name__}>", why_key="error.citation.not_a_string"
            )
        if len(text) > MAX_CITATION_LENGTH:
            raise CitationSyntaxError(
                text, why_key="error.citation.too_long", limit=MAX_CITATION_LENGTH
            )
        folded = _fold(text)
        m = _SHORT_RE.match(folded)
        if m:
            return cls(
                int(m["art"]),
                int(m["cl"]) if m["cl"] else None,
                m["pt"],
                int(m["apn"] or m["cpn"] or m["ppn"])
                if (m["apn"] or m["cpn"] or m["ppn"])
                else None,
            )
        m = _EN_RE.match(folded)
        if m:
            return cls(
                int(m["art"]),
                int(m["cl"]) if m["cl"] else None,
                m["pt"],
                int(m["par"]) if m["par"] else (_NTH[m["nth"]] if m["nth"] else None),
            )
        tokens = _VI_TOKEN_RE.findall(folded)
        rest = _VI_TOKEN_RE.sub("", folded).replace(",", " ").strip()
        if tokens and not rest:
            parts: dict[str, str] = {}
            for kind, value in tokens:
                if kind in parts:
                    raise CitationSyntaxError(text, why_key="error.citation.twice", part=kind)
                parts[kind] = value
            try:
                article = int(parts["điều"])
                clause = int(parts["khoản"]) if "khoản" in parts else None
                paragraph = int(parts["đoạn"]) if "đoạn" in parts else None
            except (KeyError, ValueError):
                raise CitationSyntaxError(text, why_key="error.citation.needs_article") from None
            return cls(article, clause, parts.get("điểm"), paragraph)
        raise CitationSyntaxError(
            text, why_key="error.citation.expected", suggestion=_meant(folded)
        )

    # -- rendering -------------------------------------------------------------------
    @property
    def short(self) -> str:
        """Canonical short id: ``12``, ``12.3``, ``12.3.b``, ``9.1.par2``, ``9.par1``."""
        out = str(self.article)
        if self.clause is not None:
            out += f".{self.clause}"
            if self.point is not None:
                out += f".{self.point}"
        if self.paragraph is not None:
            out += f".par{self.paragraph}"
        return out

    def vi(self) -> str:
        """Vietnamese form, smallest unit first: ``điểm b khoản 3 Điều 12``."""
        parts = []
        if self.paragraph is not None:
            parts.append(f"đoạn {self.paragraph}")
        if self.point is not None:
            parts.append(f"điểm {self.point}")
        if self.clause is not None:
            parts.append(f"khoản {self.clause}")
        parts.append(f"Điều {self.article}")
        return " ".join(parts)

    def en(self) -> str:
        """English form: ``Article 12(3)(b)``, ``Article 9(1), second paragraph``."""
        out = f"Article {self.article}"
        if self.clause is not None:
            out += f"({self.clause})"
        if self.point is not None:
            out += f"({self.point})"
        if self.paragraph is not None:
            nth = _ORDINAL_EN.get(self.paragraph, f"{self.paragraph}th")
            out += f", {nth} paragraph"
        return out

    def render(self, lang: str = "vi") -> str:
        return self.en() if lang == "en" else self.vi()

    def __str__(self) -> str:
        return self.short

    # -- structure -------------------------------------------------------------------
    @property
    def sort_key(self) -> tuple[int, int, int, int]:
        return (
            self.article,
            self.clause or 0,
            -1 if self.point is None else _LETTER_RANK[self.point],
            self.paragraph or 0,
        )

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, Citation):
            return NotImplemented
        return self.sort_key < other.sort_key

    def contains(self, other: Citation) -> bool:
        """True if ``other`` is this unit or lies inside it (``12.3`` contains ``12.3.b``)."""
        if self.paragraph is not None:
            return self == other
        if other.article != self.article:
            return False
        if self.clause is None:
            return True
        if other.clause != self.clause:
            return False
        return self.point is None or other.point == self.point

    def resolve(self) -> Unit:
        """The unit of the shipped text this citation names (UnknownCitationError if none)."""
        from sandbox_rules.law.text import load_law

        return load_law().resolve(self)

    @property
    def text(self) -> str:
        """The Vietnamese text of the unit."""
        return self.resolve().text

    # -- pydantic integration (kept lazy so the calendar never imports pydantic) ----------
    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: Any) -> Any:
        from pydantic_core import core_schema

        return core_schema.no_info_plain_validator_function(
            cls.parse,
            json_schema_input_schema=core_schema.str_schema(),
            serialization=core_schema.plain_serializer_function_ser_schema(
                lambda c: c.short, when_used="always"
            ),
        )

    @classmethod
    def __get_pydantic_json_schema__(cls, schema: Any, handler: Any) -> dict[str, Any]:
        return {
            "type": "string",
            "description": "Citation of Decree 169/2025/NĐ-CP, e.g. '12.3.b' or '9.1.par2'",
            "examples": ["12.3.b", "9.1.par2"],
        }


def cite(text: str | Citation) -> Citation:
    """Shorthand for :meth:`Citation.parse`."""
    return Citation.parse(text)
