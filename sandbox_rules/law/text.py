"""The law as package data: Articles 8–22 of Decree 169/2025/NĐ-CP, resolvable by citation.

``law/data/chapter-2.json`` is generated from the shipped Vietnamese text by
``python -m sandbox_rules.law.build``; a test re-parses the text and compares, so the two
cannot drift. ``LAW_VERSION`` is the SHA-256 of the text file.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any

from sandbox_rules import mirrors
from sandbox_rules.errors import UnknownCitationError
from sandbox_rules.law.citation import Citation

DECREE = "Nghị định 169/2025/NĐ-CP"
DECREE_EN = "Decree 169/2025/ND-CP"
ISSUED = "2025-06-30"
IN_FORCE = "2025-07-01"
TEXT_FILE = "decree-169-2025-chapter-2.vi.txt"
DATA_FILE = "chapter-2.json"
SUMMARY_FILE = "summaries.en.toml"


@dataclass(frozen=True, slots=True)
class Unit:
    """One resolved unit: its citation, Vietnamese text, article title and English summary."""

    citation: Citation
    text: str
    article_title: str
    summary_en: str | None
    kind: str  # "article" | "clause" | "point" | "paragraph"

    def quote(self, limit: int | None = None) -> str:
        """The text, shortened to ``limit`` characters on a word boundary if given."""
        if limit is None or len(self.text) <= limit:
            return self.text
        cut = self.text[:limit].rsplit(" ", 1)[0]
        return cut + " …"


class LawText:
    """The parsed chapter. Immutable; build it with :func:`load_law`."""

    def __init__(self, data: dict[str, Any], summaries: dict[str, str]) -> None:
        self.version: str = data["sha256"]
        self._articles: dict[int, dict[str, Any]] = {a["number"]: a for a in data["articles"]}
        self._summaries = summaries
        self._units: dict[Citation, Unit] = {}
        for article in data["articles"]:
            self._index_article(article)

    # -- building --------------------------------------------------------------------
    def _add(self, cit: Citation, text: str, title: str, kind: str) -> None:
        summary = self._summaries.get(cit.short)
        if summary is None and cit.paragraph == 1 and cit.clause is not None:
            # A lead paragraph shares the summary of its clause or point.
            summary = self._summaries.get(Citation(cit.article, cit.clause, cit.point).short)
        self._units[cit] = Unit(cit, text, title, summary, kind)

    def _index_article(self, article: dict[str, Any]) -> None:
        n, title = article["number"], article["title"]
        whole = [f"Điều {n}. {title}", *article["intro"]]
        for i, par in enumerate(article["intro"], start=1):
            self._add(Citation(n, paragraph=i), par, title, "paragraph")
        for clause in article["clauses"]:
            c = clause["number"]
            lines = self._clause_lines(clause)
            whole.extend(lines)
            self._add(Citation(n, c), "\n".join(lines), title, "clause")
            for i, par in enumerate(clause["paragraphs"], start=1):
                self._add(Citation(n, c, paragraph=i), par, title, "paragraph")
            for point in clause["points"]:
                p = point["letter"]
                self._add(Citation(n, c, p), "\n".join(point["paragraphs"]), title, "point")
                for i, par in enumerate(point["paragraphs"], start=1):
                    self._add(Citation(n, c, p, i), par, title, "paragraph")
        self._add(Citation(n), "\n".join(whole), title, "article")

    @staticmethod
    def _clause_lines(clause: dict[str, Any]) -> list[str]:
        """The clause in reading order: paragraphs with the points after the one they hang on."""
        pars = clause["paragraphs"]
        points = clause["points"]
        after = points[0]["after_paragraph"] if points else len(pars)
        lines = [f"{clause['number']}. {pars[0]}", *pars[1:after]]
        for point in points:
            lines.append(f"{point['letter']}) {point['paragraphs'][0]}")
            lines.extend(point["paragraphs"][1:])
        lines.extend(pars[after:])
        return lines

    # -- queries ---------------------------------------------------------------------
    def resolve(self, citation: str | Citation) -> Unit:
        """The unit a citation names; :class:`UnknownCitationError` if there is none."""
        cit = Citation.parse(citation)
        try:
            return self._units[cit]
        except KeyError:
            raise UnknownCitationError(cit.short, self._within(cit)) from None

    def _within(self, cit: Citation) -> object:
        """What the unit above ``cit`` holds, from the text, when ``cit`` is not in it: the
        number of clauses of its article, or the points of its clause (a message field)."""
        from sandbox_rules.i18n import Cited, Message

        if cit.paragraph is not None:
            return ""
        if cit.point is not None and cit.clause is not None:
            parent = Citation(cit.article, cit.clause)
            if parent not in self._units:
                return self._within(parent)
            points = [
                u.point
                for u in self._units
                if (u.article, u.clause) == (cit.article, cit.clause)
                and u.point is not None
                and u.paragraph is None
            ]
            key = "error.citation_has_points" if points else "error.citation_has_no_points"
            return Message(key, {"unit": Cited(parent.short), "points": ", ".join(points)})
        if cit.clause is not None and Citation(cit.article) in self._units:
            n = sum(
                1
                for u in self._units
                if u.article == cit.article
                and u.clause is not None
                and u.point is None
                and u.paragraph is None
            )
            key = "error.citation_has_clauses" if n else "error.citation_has_no_clauses"
            return Message(key, {"unit": Cited(Citation(cit.article).short), "n": n})
        return ""

    def unit_dict(self, citation: str | Citation) -> dict[str, Any]:
        """The JSON form of a unit (``sandbox-rules law --json``, ``GET /law/{citation}``)."""
        unit = self.resolve(citation)
        c = unit.citation
        return {
            "citation": c.short,
            "vi": c.vi(),
            "en": c.en(),
            "article_title": unit.article_title,
            "text": unit.text,
            "summary_en": unit.summary_en,
            "law_version": self.version,
        }

    def exists(self, citation: str | Citation) -> bool:
        return Citation.parse(citation) in self._units

    def units(self, kind: str | None = None) -> Iterator[Unit]:
        """All units in legal order, optionally of one kind."""
        for cit in sorted(self._units):
            unit = self._units[cit]
            if kind is None or unit.kind == kind:
                yield unit

    def coverage_units(self) -> list[Citation]:
        """The leaves the coverage manifest must account for: an article's introductory
        words; a clause with one paragraph and no points; otherwise each of its paragraphs
        and points; a point with several paragraphs is accounted paragraph by paragraph."""
        out: list[Citation] = []
        for n in self.articles():
            article = self._articles[n]
            out.extend(Citation(n, paragraph=i) for i in range(1, len(article["intro"]) + 1))
            for clause in article["clauses"]:
                c = clause["number"]
                if len(clause["paragraphs"]) == 1 and not clause["points"]:
                    out.append(Citation(n, c))
                    continue
                out.extend(
                    Citation(n, c, paragraph=i) for i in range(1, len(clause["paragraphs"]) + 1)
                )
                for point in clause["points"]:
                    p = point["letter"]
                    if len(point["paragraphs"]) == 1:
                        out.append(Citation(n, c, p))
                    else:
                        out.extend(
                            Citation(n, c, p, i) for i in range(1, len(point["paragraphs"]) + 1)
                        )
        return sorted(out)

    def articles(self) -> list[int]:
        return sorted(self._articles)

    def article_title(self, number: int) -> str:
        try:
            return str(self._articles[number]["title"])
        except KeyError:
            raise UnknownCitationError(str(number)) from None


def _read_data(name: str) -> bytes:
    # A plain path (as sandbox_rules.mirrors): importlib.resources costs more than the read.
    with open(os.path.join(os.path.dirname(__file__), "data", name), "rb") as fh:
        return fh.read()


@cache
def load_law() -> LawText:
    """The shipped chapter (parsed once per process; the object is immutable)."""
    data = json.loads(_read_data(DATA_FILE))
    summaries = mirrors.load(f"law/data/{SUMMARY_FILE}")
    return LawText(data, {str(k): str(v) for k, v in summaries.get("summary", {}).items()})


def law_version() -> str:
    """SHA-256 of the shipped Vietnamese text."""
    return load_law().version
