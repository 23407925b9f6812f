"""TOML tables shipped with a JSON mirror beside them.

People edit the TOML (the message tables, the authorities catalogue, the English summaries
of the law); the library reads the mirror. The C ``json`` decoder reads the four tables in
about 2 ms where ``tomllib`` (pure Python) took about 47 ms and its import 18 ms more on every
command (docs/performance.md, "Cold start"). ``make data`` (``python -m sandbox_rules.mirrors``)
writes the mirrors; ``tests/test_mirrors.py`` checks each equals its TOML parsed afresh, so a
table edited without ``make data`` fails the suite instead of being read stale.
"""

from __future__ import annotations

import json
import os
from typing import Any

_ROOT = os.path.dirname(__file__)

# Each TOML source, as a path inside the package; its mirror is the same path + ".json".
SOURCES: tuple[str, ...] = (
    "i18n/vi.toml",
    "i18n/en.toml",
    "catalogues/data/authorities.toml",
    "law/data/summaries.en.toml",
)


def mirror_path(source: str) -> str:
    return os.path.join(_ROOT, *source.split("/")) + ".json"


def load(source: str) -> Any:
    """The table of ``source`` (one of :data:`SOURCES`), read from its mirror."""
    # A plain path, as the calendar's index: the package ships as files, and
    # importlib.resources would pull in tempfile, shutil and zipfile on the command line.
    with open(mirror_path(source), "rb") as fh:
        return json.loads(fh.read())


def render(source: str) -> str:
    """The mirror's text for ``source``: its TOML parsed afresh, as JSON (keys in file order)."""
    import tomllib

    with open(os.path.join(_ROOT, *source.split("/")), "rb") as fh:
        data = tomllib.load(fh)
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"


def main() -> None:
    for source in SOURCES:
        with open(mirror_path(source), "w", encoding="utf-8", newline="\n") as fh:
            fh.write(render(source))
        print(f"wrote {mirror_path(source)}")


if __name__ == "__main__":
    main()
