"""Regenerate ``law/data/chapter-2.json`` from the shipped Vietnamese text.

Run ``python -m sandbox_rules.law.build`` after replacing the text file; the test suite
re-parses and compares, so a stale JSON fails CI.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from sandbox_rules.law.parse import parse_law_text
from sandbox_rules.law.text import DATA_FILE, DECREE, IN_FORCE, ISSUED, TEXT_FILE

DATA_DIR = Path(__file__).parent / "data"


def build_from_bytes(raw: bytes) -> dict[str, Any]:
    parsed = parse_law_text(raw.decode("utf-8"))
    return {
        "decree": DECREE,
        "chapter": "II",
        "issued": ISSUED,
        "in_force": IN_FORCE,
        "source_file": TEXT_FILE,
        "sha256": hashlib.sha256(raw).hexdigest(),
        "articles": parsed["articles"],
    }


def render(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def main() -> None:
    raw = (DATA_DIR / TEXT_FILE).read_bytes()
    (DATA_DIR / DATA_FILE).write_text(render(build_from_bytes(raw)), encoding="utf-8")
    print(f"wrote {DATA_DIR / DATA_FILE}")


if __name__ == "__main__":
    main()
