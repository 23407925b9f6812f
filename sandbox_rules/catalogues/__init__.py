"""Reference catalogues: provincial-level units and ministries/agencies, with sources.

Names are matched with or without diacritics, in NFC or NFD, with or without the prefixes
"tỉnh", "thành phố", "TP", "UBND": ``lookup("ha noi")``, ``lookup("Thành phố Hà Nội")`` and
``lookup("HNI")`` give the same body.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache, lru_cache
from types import MappingProxyType
from typing import Any

from sandbox_rules import mirrors
from sandbox_rules.errors import InputValidationError, brief

PROVINCIAL = ("city", "province")
CENTRAL = ("ministry", "ministerial_agency", "government_agency")
_PREFIX = re.compile(
    r"^(uy ban nhan dan|ubnd|chu tich ubnd|thanh pho|tp\.?|tinh)\s+", re.IGNORECASE
)


def fold(name: str) -> str:
    """Case-, diacritic- and normalisation-insensitive key: 'Thành phố Hà Nội' -> 'ha noi'."""
    # Names are short and repeat (every application names its bodies): kept; a long text,
    # which no name is, is folded each time so that the cache holds only small strings.
    return _fold_kept(name) if len(name) <= _KEPT_LENGTH else _fold(name)


_KEPT_LENGTH = 100


def _fold(name: str) -> str:
    text = unicodedata.normalize("NFD", name).replace("đ", "d").replace("Đ", "D")
    text = unicodedata.normalize("NFD", text)
    text = "".join(ch for ch in text if unicodedata.category(ch) != "Mn").lower()
    text = re.sub(r"[\s\-–_.,]+", " ", text).strip()
    while True:
        stripped = _PREFIX.sub("", text)
        if stripped == text:
            return text
        text = stripped


_fold_kept = lru_cache(maxsize=1024)(_fold)


@dataclass(frozen=True, slots=True)
class Body:
    """A ministry, agency or provincial-level unit that can manage data sources (Art. 12(1)(a))."""

    code: str
    kind: str
    name: str
    name_en: str
    head_vi: str
    head_en: str
    merged_from: tuple[str, ...]

    @property
    def is_provincial(self) -> bool:
        return self.kind in PROVINCIAL

    @property
    def agency_vi(self) -> str:
        """The body a dossier goes to (12.3.a): the ministry or agency, or the province's People's
        Committee — not its head in person."""
        if self.is_provincial:
            return f"Ủy ban nhân dân {self.full_name_vi}"
        return self.name

    @property
    def agency_en(self) -> str:
        if self.kind == "city":
            return f"{self.name_en} People's Committee"
        if self.kind == "province":
            return f"{self.name_en} Provincial People's Committee"
        return self.name_en

    @property
    def full_name_vi(self) -> str:
        if self.kind == "city":
            return f"thành phố {self.name}"
        if self.kind == "province":
            return f"tỉnh {self.name}"
        return self.name

    def to_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "kind": self.kind,
            "name": self.name,
            "name_en": self.name_en,
            "head_vi": self.head_vi,
            "head_en": self.head_en,
            "agency_vi": self.agency_vi,
            "agency_en": self.agency_en,
        }


@dataclass(frozen=True, slots=True)
class Catalogue:
    bodies: Mapping[str, Body]
    index: Mapping[str, str]
    sources: Mapping[str, Mapping[str, Any]]

    def lookup(self, name_or_code: str) -> Body:
        if not isinstance(name_or_code, str) or not name_or_code.strip():
            raise InputValidationError.from_key("error.catalogue.body_name")
        key = name_or_code.strip()
        if key.upper() in self.bodies:
            return self.bodies[key.upper()]
        code = self.index.get(fold(key))
        if code is None:
            raise InputValidationError.from_key(
                "error.catalogue.unknown_body", given=brief(name_or_code)
            )
        return self.bodies[code]

    def of_kind(self, *kinds: str) -> list[Body]:
        return [b for b in self.bodies.values() if b.kind in kinds]


def _ascii(name: str) -> str:
    """The usual English spelling of a Vietnamese place name: without diacritics."""
    text = unicodedata.normalize("NFD", name.replace("Đ", "D").replace("đ", "d"))
    return "".join(ch for ch in text if unicodedata.category(ch) != "Mn")


def _head(kind: str, raw: Mapping[str, Any], name_en: str) -> tuple[str, str]:
    if kind == "city":
        return (
            f"Chủ tịch Ủy ban nhân dân thành phố {raw['name']}",
            f"Chairman of the {name_en} People's Committee",
        )
    if kind == "province":
        return (
            f"Chủ tịch Ủy ban nhân dân tỉnh {raw['name']}",
            f"Chairman of the {name_en} Provincial People's Committee",
        )
    if kind == "ministry":
        return str(raw["head_vi"]), f"Minister of {name_en.removeprefix('Ministry of ')}"
    special = {"NHNN": "Governor of the State Bank of Vietnam"}
    return str(raw["head_vi"]), special.get(str(raw["code"]), f"Head of the {name_en}")


@cache
def catalogue() -> Catalogue:
    data = mirrors.load("catalogues/data/authorities.toml")
    bodies: dict[str, Body] = {}
    index: dict[str, str] = {}
    for item in data["bodies"]:
        kind = item["kind"]
        name_en = str(item.get("name_en") or _ascii(item["name"]))
        head_vi, head_en = _head(kind, item, name_en)
        body = Body(
            code=item["code"],
            kind=kind,
            name=item["name"],
            name_en=name_en,
            head_vi=head_vi,
            head_en=head_en,
            merged_from=tuple(item.get("merged_from", [])),
        )
        bodies[body.code] = body
        for alias in (body.name, body.name_en, *item.get("aliases", [])):
            index[fold(alias)] = body.code
    # A former province's name (before 01/07/2025) finds the unit it was merged into.
    for body in bodies.values():
        for former in body.merged_from:
            index.setdefault(fold(former), body.code)
    return Catalogue(
        MappingProxyType(bodies), MappingProxyType(index), MappingProxyType(data["sources"])
    )


def lookup(name_or_code: str) -> Body:
    """The body with this name (any spelling) or code; :class:`InputValidationError` if none."""
    return catalogue().lookup(name_or_code)
