"""Parse the Vietnamese text of Decree 169/2025/NĐ-CP, Chapter II, into a structure.

Điều (article) → khoản (clause, numbered) → điểm (point, lettered a, b, c, d, đ …).
Unnumbered paragraphs get stable identifiers of our own (``par1``, ``par2`` …):

* an article's introductory words before clause 1 are ``<art>.par1`` (Art. 9, 11, 16, 19);
* a clause's lead sentence is ``<art>.<cl>.par1``; a further unnumbered paragraph is
  ``par2`` … in reading order, whether it stands before the points (9.1: the legal
  representative) or after them (17.2: the inspection record);
* a point's own sentence is ``par1``; a following unnumbered line that continues the
  point's enumeration (it ends with ``;``, as the points do) is ``par2`` (12.4.b, 13.3.b,
  16.3.b). See docs/law.md.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

ARTICLE_RE = re.compile(r"^Điều (\d+)\. (.+)$")
CLAUSE_RE = re.compile(r"^(\d+)\. (.+)$")
POINT_RE = re.compile(r"^([a-zđ])\) (.+)$")
FIRST_ARTICLE = 8
LAST_ARTICLE = 22


def parse_law_text(text: str) -> dict[str, Any]:
    """Return ``{"articles": [...]}`` for Articles 8–22 of the text (NFC-normalised)."""
    text = unicodedata.normalize("NFC", text)
    articles: list[dict[str, Any]] = []
    article: dict[str, Any] | None = None
    clause: dict[str, Any] | None = None
    point: dict[str, Any] | None = None
    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            continue
        m = ARTICLE_RE.match(line)
        if m:
            number = int(m.group(1))
            if number > LAST_ARTICLE or number < FIRST_ARTICLE:
                article = None
                continue
            article = {"number": number, "title": m.group(2).strip(), "intro": [], "clauses": []}
            articles.append(article)
            clause = point = None
            continue
        if article is None:
            continue
        if article["number"] == LAST_ARTICLE and line.startswith(("Nghị định ", "- ")):
            # The page's metadata footer follows Art. 22; it is not law.
            article = None
            continue
        m = CLAUSE_RE.match(line)
        if m and (clause is None or int(m.group(1)) == clause["number"] + 1):
            clause = {"number": int(m.group(1)), "paragraphs": [m.group(2)], "points": []}
            article["clauses"].append(clause)
            point = None
            continue
        m = POINT_RE.match(line)
        if m and clause is not None:
            point = {"letter": m.group(1), "paragraphs": [m.group(2)]}
            # Which clause paragraph the enumeration hangs from (9.1: the second one).
            point["after_paragraph"] = len(clause["paragraphs"])
            clause["points"].append(point)
            continue
        if clause is None:
            article["intro"].append(line)
        elif point is not None and line.endswith(";"):
            point["paragraphs"].append(line)
        else:
            clause["paragraphs"].append(line)
            point = None
    return {"articles": articles}
