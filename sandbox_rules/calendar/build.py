"""Build ``calendar/data/index.json`` from its sources: `holidays` (statutory and lunar base)
and ``official.toml`` (each year's official decisions with their documents).

Run ``python -m sandbox_rules.calendar.build`` (or ``make data``). The test suite rebuilds
the index and compares it with the shipped file, so a stale index, or a `holidays` upgrade
that changes a date, fails CI instead of silently moving a deadline.
"""

from __future__ import annotations

import hashlib
import json
import tomllib
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from sandbox_rules.errors import CalendarDataError

DATA_DIR = Path(__file__).parent / "data"
OFFICIAL_FILE = DATA_DIR / "official.toml"
INDEX_FILE = DATA_DIR / "index.json"
FIRST_YEAR = 2019
LAST_YEAR = 2040
INDEX_FORMAT = 1
CULTURE_DAY_TAG = "culture-day-makeup=made-up"
# A swap found in `holidays` but not (yet) in official.toml: its document is not recorded.
HOLIDAYS_SWAP = "HOLIDAYS-SWAP"


def _statute_for(day: date, name_en: str) -> str:
    if "Cultural Day" in name_en:
        return "NQ-28-2026-QH16"
    return "BLLD-2012" if day.year <= 2020 else "BLLD-2019"


def _kind(name_en: str) -> str:
    if "substituted" in name_en:
        return "swap"
    if "(observed" in name_en:
        return "compensatory"
    if name_en.startswith(("29 of Lunar", "Fifth Day of Lunar", "Sixth Day of Lunar")):
        return "tet-compensatory"
    return "statutory"


def load_official(raw: bytes) -> dict[str, Any]:
    data = tomllib.loads(raw.decode("utf-8"))
    docs = {d["id"]: d for d in data.get("documents", [])}
    for entry in data.get("days", []):
        for ref in entry.get("documents", []):
            if ref not in docs:
                raise CalendarDataError.from_key(
                    "error.calendar.official_document", date=str(entry["date"]), ref=repr(ref)
                )
    return data


def build_index(official_raw: bytes) -> dict[str, Any]:
    from importlib.metadata import version

    import holidays

    holidays_version = version("holidays")

    official = load_official(official_raw)
    years = range(FIRST_YEAR, LAST_YEAR + 1)
    vi = holidays.country_holidays("VN", years=years, language="vi")
    en = holidays.country_holidays("VN", years=years, language="en_US")
    days: dict[str, dict[str, Any]] = {}
    for day in sorted(en):
        if not FIRST_YEAR <= day.year <= LAST_YEAR:
            continue
        name_en = en[day]
        entry: dict[str, Any] = {
            "date": day.isoformat(),
            "status": "off",
            "name_vi": vi[day],
            "name_en": name_en,
            "kind": _kind(name_en),
            "documents": [
                HOLIDAYS_SWAP if _kind(name_en) == "swap" else _statute_for(day, name_en)
            ],
        }
        if "Cultural Day" in name_en and "(observed" in name_en:
            entry["interpretation"] = CULTURE_DAY_TAG
        days[entry["date"]] = entry
    for item in official.get("days", []):
        key = str(item["date"])
        status = item["status"]
        docs = list(item.get("documents", []))
        if status == "not-off":
            days.pop(key, None)
            continue
        base = days.get(key)
        if base is not None and status == "off":
            kept = [d for d in base["documents"] if d != HOLIDAYS_SWAP]
            base["documents"] = kept + [d for d in docs if d not in kept]
            if "name_vi" in item:
                base["name_vi"], base["name_en"] = item["name_vi"], item["name_en"]
            if base["kind"] == "statutory" and item.get("name_vi"):
                base["kind"] = "decision"
            continue
        days[key] = {
            "date": key,
            "status": status,
            "name_vi": item.get("name_vi", ""),
            "name_en": item.get("name_en", ""),
            "kind": "decision" if status == "off" else "worked-saturday",
            "documents": docs,
        }
    ordered = [days[k] for k in sorted(days)]
    return {
        "format": INDEX_FORMAT,
        "holidays_version": holidays_version,
        "official_sha256": hashlib.sha256(official_raw).hexdigest(),
        "first_year": FIRST_YEAR,
        "last_year": LAST_YEAR,
        "first_official_year": official["meta"]["first_official_year"],
        "last_official_year": official["meta"]["last_official_year"],
        "documents": {
            **{d["id"]: d for d in official.get("documents", [])},
            HOLIDAYS_SWAP: {
                "id": HOLIDAYS_SWAP,
                "number": f"holidays {holidays_version}",
                "type": "package",
                "title": "Swap listed by the holidays package; announcing document not recorded",
                "issuer": "",
                "date": "",
                "confirmed": False,
            },
        },
        "days": ordered,
        "working_days": working_day_ordinals(ordered, include_tags=(CULTURE_DAY_TAG,)),
    }


def working_day_ordinals(days: list[dict[str, Any]], include_tags: tuple[str, ...]) -> list[int]:
    """Ordinals of every working day in range: Monday-Friday minus days off, plus worked days.
    Entries tagged with an interpretation count only if that tag is included."""
    off: set[int] = set()
    worked: set[int] = set()
    for d in days:
        tag = d.get("interpretation")
        if tag is not None and tag not in include_tags:
            continue
        o = date.fromisoformat(d["date"]).toordinal()
        (worked if d["status"] == "worked" else off).add(o)
    start = date(FIRST_YEAR, 1, 1)
    out = []
    for i in range((date(LAST_YEAR, 12, 31) - start).days + 1):
        day = start + timedelta(days=i)
        o = day.toordinal()
        if o in worked or (day.weekday() < 5 and o not in off):
            out.append(o)
    return out


def render(index: dict[str, Any]) -> str:
    # One day per line keeps diffs of the shipped file readable.
    head = {k: v for k, v in index.items() if k not in ("days", "working_days", "documents")}
    lines = ["{"]
    for k, v in head.items():
        lines.append(f"  {json.dumps(k)}: {json.dumps(v, ensure_ascii=False)},")
    lines.append('  "documents": {')
    docs = list(index["documents"].items())
    for i, (k, v) in enumerate(docs):
        comma = "," if i < len(docs) - 1 else ""
        lines.append(
            f"    {json.dumps(k)}: {json.dumps(v, ensure_ascii=False, sort_keys=True)}{comma}"
        )
    lines.append("  },")
    lines.append('  "days": [')
    for i, d in enumerate(index["days"]):
        comma = "," if i < len(index["days"]) - 1 else ""
        lines.append(f"    {json.dumps(d, ensure_ascii=False, sort_keys=True)}{comma}")
    lines.append("  ],")
    lines.append(f'  "working_days": {json.dumps(index["working_days"])}')
    lines.append("}")
    return "\n".join(lines) + "\n"


def main() -> None:
    INDEX_FILE.write_text(render(build_index(OFFICIAL_FILE.read_bytes())), encoding="utf-8")
    print(f"wrote {INDEX_FILE}")


if __name__ == "__main__":
    main()
