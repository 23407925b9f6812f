"""The law beside the code: the text of Articles 8–22 as data, and citations into it."""

from sandbox_rules.law.citation import POINT_LETTERS, Citation, cite
from sandbox_rules.law.text import DECREE, IN_FORCE, LawText, Unit, law_version, load_law

__all__ = [
    "DECREE",
    "IN_FORCE",
    "POINT_LETTERS",
    "Citation",
    "LawText",
    "Unit",
    "cite",
    "law_version",
    "load_law",
]
