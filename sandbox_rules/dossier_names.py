"""Recognising a document of a filing by the name an officer gives it.

Officers copy document names off the submission slip: the decree's own wording of the item
("Đề nghị cấp Giấy chứng nhận tham gia hoạt động thử nghiệm có kiểm soát"), a form code alone
or inside the name ("Mẫu HĐTN01", "HĐTN01 - Đơn đề nghị", "Đơn đề nghị cấp Giấy chứng nhận
(mẫu HĐTN01)"), with or without diacritics. Each item's names and form codes are those of its
declaration (sandbox_rules.rules.dossiers): there is no second list.

A name is matched, never guessed: a name holding the codes of two different forms, or naming
two items (a code of one and the words of another), is ambiguous and said so; a name that is
a form or a document of another procedure's filing says which; a near miss gets the name it
is nearest to.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Literal

MatchStatus = Literal["item", "other_kind", "other_procedure", "ambiguous", "unknown"]
KINDS = ("organisation", "individual")

# A form code in a folded name ("hdtn01", "hdtn 1", "mau hdtn01", "theo mau so hdtn 01").
_CODE = re.compile(r"\b(?:theo )?(?:mau )?(?:so )?hdtn ?0*(\d{1,2})\b")
# Words that say what kind of paper it is, not which: "Đơn đề nghị" is "Đề nghị" (12.2.a).
_LEADING = re.compile(r"^(?:don|van ban|ban) ")
# Whom the form is for, as the decree writes it ("... cho tổ chức, cá nhân").
_TRAILING = re.compile(
    r" (?:danh )?cho (?:to chuc|ca nhan)(?: (?:va |hoac )?(?:to chuc|ca nhan))?$"
)


def words(name: str) -> str:
    """Lower case, no diacritics (đ -> d), every run of other characters one space."""
    text = unicodedata.normalize("NFD", name).replace("Đ", "D").replace("đ", "d")
    text = "".join(ch for ch in text if unicodedata.category(ch) != "Mn").lower()
    return re.sub(r"[^a-z0-9]+", " ", text).strip()


def text_key(name: str) -> str:
    """The key a name is compared by: its words without the kind of paper and whom it is
    for. Form codes are taken out beforehand (:func:`split`)."""
    text = _LEADING.sub("", words(name))
    return _TRAILING.sub("", text).strip()


def split(name: str) -> tuple[tuple[str, ...], str]:
    """The form codes in ``name`` (HĐTN01 ..., in order, each once) and the key of the rest."""
    folded = words(name)
    codes = tuple(dict.fromkeys(f"HĐTN{int(m.group(1)):02d}" for m in _CODE.finditer(folded)))
    rest = _CODE.sub(" ", folded)
    return codes, text_key(rest)


@dataclass(frozen=True, slots=True, eq=False)  # one object per item (items() is kept)
class Item:
    """One document of one procedure's filing: its rule, its forms (applicant kind -> code,
    under each reading of ``form-order``; the results reports' are fixed by the text), the
    document code of an item with no form (``plan``) and its names."""

    procedure: str
    rule_id: str
    citation: str
    forms: Mapping[str, Mapping[str, str]] | None  # order -> kind -> code; None: no form
    document: str | None
    names: tuple[str, ...]

    def form(self, order: str, kind: str) -> str | None:
        table = None if self.forms is None else self.forms.get(order)
        return None if table is None else table.get(kind)

    @property
    def codes(self) -> frozenset[str]:
        if self.forms is None:
            return frozenset()
        return frozenset(c for table in self.forms.values() for c in table.values())


@dataclass(frozen=True, slots=True)
class Match:
    """What a name given is. ``status``: ``item`` (it is ``rule_id``), ``other_kind`` (the
    other kind of applicant's form of ``rule_id``: ``expected`` is this applicant's),
    ``other_procedure`` (a document of ``procedures``' filings only), ``ambiguous`` (it could
    be every one of ``candidates``, or holds the codes of two forms), ``unknown`` (with the
    nearest name, ``suggestion``)."""

    given: str
    status: MatchStatus
    rule_id: str | None = None
    codes: tuple[str, ...] = ()
    candidates: tuple[str, ...] = ()  # rule ids, for ambiguous and other_procedure
    procedures: tuple[str, ...] = ()
    expected: str | None = None
    suggestion: str | None = None


@cache
def items() -> tuple[Item, ...]:
    """Every dossier item of every procedure, from the rules (in the order of PROCEDURES)."""
    from sandbox_rules.rules import registry
    from sandbox_rules.rules.dossiers import PROCEDURES

    out = []
    for procedure in PROCEDURES:
        for r in registry().group(f"dossier.{procedure}"):
            o = r.outcome
            forms: dict[str, dict[str, str]] | None = None
            if isinstance(o.get("forms"), Mapping):
                forms = {k: dict(v) for k, v in o["forms"].items()}
            elif isinstance(o.get("report"), Mapping):
                report = dict(o["report"])
                forms = {"listed-order": report, "reversed": report}  # fixed by the text
            document = str(o["document"]) if "document" in o else None
            if "report" in o:
                document = "results_report"
            names = tuple(str(n) for n in o.get("names", ()))
            out.append(Item(procedure, r.id, r.citation.short, forms, document, names))
    return tuple(out)


@cache
def _by_text() -> Mapping[str, tuple[Item, ...]]:
    table: dict[str, list[Item]] = {}
    for it in items():
        for n in (*it.names, *([it.document] if it.document else [])):
            key = text_key(n)
            if key and it not in table.setdefault(key, []):
                table[key].append(it)
    return {k: tuple(v) for k, v in table.items()}


def of_procedure(procedure: str) -> tuple[Item, ...]:
    return tuple(it for it in items() if it.procedure == procedure)


def _near(key: str, procedure: str) -> tuple[str | None, tuple[str, ...]]:
    """The name of this procedure's filing nearest to ``key``: a name its words hold (the
    longest), else the closest spelling; and the items whose names its words hold, when
    they are more than one (a name of two documents)."""
    named: list[tuple[str, str, str]] = []  # (key, name as written, rule id)
    for it in of_procedure(procedure):
        for n in (*it.names, *([it.document] if it.document else [])):
            if text_key(n):
                named.append((text_key(n), n, it.rule_id))
    keys: dict[str, str] = {}
    for k, n, _ in named:
        keys.setdefault(k, n)
    close = difflib.get_close_matches(key, list(keys), n=1, cutoff=0.8)
    if close:  # a slip of spelling ("thu ngiem")
        return keys[close[0]], ()
    padded = f" {key} "
    within = [w for w in named if f" {w[0]} " in padded]
    owners = tuple(dict.fromkeys(rid for _, _, rid in within))
    if len(owners) > 1:
        return None, owners
    if within:  # a name and more words ("phương án thử nghiệm (bản cuối)")
        return max(within, key=lambda w: len(w[0]))[1], ()
    near = difflib.get_close_matches(key, list(keys), n=1, cutoff=0.6)
    return (keys[near[0]] if near else None), ()


def match(procedure: str, applicant_kind: str | None, given: str, order: str) -> Match:
    """What ``given`` is in ``procedure``'s filing, for an applicant of ``applicant_kind``
    (None: unknown) under the ``form-order`` reading ``order``."""
    codes, key = split(given)
    if len(codes) > 1:
        return Match(given, "ambiguous", codes=codes)
    by_code = [it for it in items() if codes and codes[0] in it.codes]
    by_text = list(_by_text().get(key, ())) if key else []
    if codes and by_text:
        candidates = [it for it in by_code if it in by_text]
        if not candidates:  # the code of one document, the words of another
            both = [*by_code, *(it for it in by_text if it not in by_code)]
            return Match(given, "ambiguous", codes=codes, candidates=_ids(both))
    else:
        candidates = by_code or by_text
    here = [it for it in candidates if it.procedure == procedure]
    if len(here) > 1:
        return Match(given, "ambiguous", codes=codes, candidates=_ids(here))
    if len(here) == 1:
        it = here[0]
        if codes and applicant_kind in KINDS:
            ours = it.form(order, str(applicant_kind))
            if ours is not None and codes[0] != ours:
                return Match(given, "other_kind", it.rule_id, codes, expected=ours)
        return Match(given, "item", it.rule_id, codes)
    if candidates:
        from sandbox_rules.rules.dossiers import PROCEDURES

        procs = tuple(p for p in PROCEDURES if any(it.procedure == p for it in candidates))
        return Match(
            given, "other_procedure", codes=codes, candidates=_ids(candidates), procedures=procs
        )
    if codes or not key:  # a code of no filing's form (HĐTN03 is the certificate, 12.3.d)
        return Match(given, "unknown", codes=codes)
    suggestion, several = _near(key, procedure)
    if several:
        return Match(given, "ambiguous", candidates=several)
    return Match(given, "unknown", suggestion=suggestion)


def _ids(found: Sequence[Item]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(it.rule_id for it in found))


def accepted_names(procedure: str) -> list[tuple[str, tuple[str, ...], tuple[str, ...]]]:
    """For each document of ``procedure``'s filing: its citation, its form codes (or
    document code) and its names — what the templates list as accepted."""
    out = []
    for it in of_procedure(procedure):
        codes = tuple(sorted(it.codes)) or ((it.document,) if it.document else ())
        if it.document == "results_report":
            codes = (*codes, "results_report")
        out.append((it.citation, codes, it.names))
    return out
