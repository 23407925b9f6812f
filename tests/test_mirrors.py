"""The JSON mirrors of the shipped TOML tables (sandbox_rules.mirrors) equal their TOML."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from sandbox_rules import mirrors

PACKAGE = Path(mirrors.__file__).parent


@pytest.mark.parametrize("source", mirrors.SOURCES)
def test_a_mirror_holds_what_its_toml_says(source: str) -> None:
    with open(PACKAGE / source, "rb") as fh:
        expected = tomllib.load(fh)
    assert mirrors.load(source) == expected, (
        f"{source}.json is stale: run `make data` (python -m sandbox_rules.mirrors)"
    )


@pytest.mark.parametrize("source", mirrors.SOURCES)
def test_a_mirror_is_written_as_make_data_writes_it(source: str) -> None:
    # Byte for byte, so a hand edit of the JSON (not its TOML) is caught too.
    text = Path(mirrors.mirror_path(source)).read_text(encoding="utf-8")
    assert text == mirrors.render(source), f"run `make data` to rewrite {source}.json"


def test_every_toml_table_the_package_reads_has_a_mirror() -> None:
    # The calendar's official.toml is read only when the index is rebuilt (calendar.build).
    shipped = {
        str(p.relative_to(PACKAGE)) for p in PACKAGE.rglob("*.toml") if "calendar" not in p.parts
    }
    assert shipped == set(mirrors.SOURCES)
