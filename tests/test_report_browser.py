"""The decision report as a person sees it (issue 13, item 3): rendered in the system's
headless Chromium at two widths, checked from the rendered layout — nothing overflows or is
clipped, no two texts of a picture overlap, the pictures are drawn (not blank), late days
stay distinct in greyscale, every Vietnamese string of the records is on the page — and
printed to PDF by the browser, whose text must extract."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from _browser import Browser, chromium_path

from sandbox_rules.surfaces.report import render_html
from sandbox_rules.surfaces.report.build import build, missing_facts, read_input

EXE = chromium_path()
pytestmark = [
    pytest.mark.slow,
    pytest.mark.xdist_group("browser"),  # one worker runs this module: one Chromium
    pytest.mark.skipif(
        EXE is None,
        reason="headless Chromium not found (Debian package chromium; `make test` installs it "
        "with apt-get when run as root): the report's browser checks did not run",
    ),
]
PIL = pytest.importorskip("PIL.Image", reason="pillow (dev extra) decodes the screenshots")
from PIL import ImageStat  # noqa: E402

EXAMPLES = (
    "examples/org-two-provinces.yaml",
    "examples/org-undetermined.yaml",
    "examples/scenarios/issuance-across-tet.yaml",
    "examples/scenarios/adjustment-with-clarification.yaml",
    "examples/scenarios/conclusion.yaml",
    "examples/scenarios/extension-windows.yaml",
    "examples/scenarios/two-sources-with-council.yaml",
    "examples/scenarios/revocation-after-90-days.yaml",
)
WIDTHS = (1280, 800)

# Written into the page: the layout as rendered, for the assertions below.
LAYOUT_JS = r"""
(() => {
  const vw = document.documentElement.clientWidth;
  const box = r => ({left: r.left, top: r.top + scrollY, right: r.right, bottom: r.bottom + scrollY,
                     width: r.width, height: r.height});
  const out = {vw, scrollWidth: document.documentElement.scrollWidth, outside: [],
               cellOverflow: [], svgClipped: [], svgOverlaps: [], figures: [], lateParts: [],
               bars: [], svgText: [], text: document.body.innerText};
  for (const el of document.body.querySelectorAll('*')) {
    if (el.closest('svg')) continue;
    const r = el.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) continue;
    if (r.left < -0.5 || r.right > vw + 0.5) out.outside.push(el.tagName + ': ' + el.textContent.slice(0, 60));
  }
  for (const cell of document.querySelectorAll('td, th')) {
    const c = cell.getBoundingClientRect();
    if (cell.scrollWidth > cell.clientWidth + 1) out.cellOverflow.push(cell.textContent.slice(0, 60));
    for (const child of cell.querySelectorAll('*')) {
      const r = child.getBoundingClientRect();
      if (r.width && (r.right > c.right + 0.5 || r.left < c.left - 0.5))
        out.cellOverflow.push(child.textContent.slice(0, 60));
    }
  }
  for (const svg of document.querySelectorAll('figure.picture svg')) {
    const s = svg.getBoundingClientRect();
    out.figures.push(box(s));
    const texts = [...svg.querySelectorAll(':scope > text')].map(t => ({r: t.getBoundingClientRect(), s: t.textContent}));
    for (const t of texts) {
      out.svgText.push(t.s);
      if (t.r.width === 0) out.svgClipped.push('(not drawn) ' + t.s);
      if (t.r.left < s.left - 0.5 || t.r.right > s.right + 0.5 || t.r.top < s.top - 0.5 || t.r.bottom > s.bottom + 0.5)
        out.svgClipped.push(t.s);
    }
    for (let i = 0; i < texts.length; i++) for (let j = i + 1; j < texts.length; j++) {
      const a = texts[i].r, b = texts[j].r;
      const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
      const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
      if (w > 0.5 && h > 0.5) out.svgOverlaps.push([texts[i].s, texts[j].s]);
    }
    for (const el of svg.querySelectorAll(':scope > rect.late-part:not(.swatch)')) out.lateParts.push(box(el.getBoundingClientRect()));
    for (const el of svg.querySelectorAll(':scope > rect.bar:not(.swatch)')) out.bars.push(box(el.getBoundingClientRect()));
  }
  return out;
})()
"""


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    assert EXE is not None
    b = Browser(EXE)
    try:
        yield b
    finally:
        b.close()


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, dict[str, Any]]]:
    out = {}
    folder = tmp_path_factory.mktemp("report")
    for example in EXAMPLES:
        raw = Path(example).read_bytes()
        import yaml

        records = build(read_input(yaml.safe_load(raw), Path(example).name, raw))
        page = folder / (Path(example).stem + ".html")
        page.write_text(render_html(records, "vi"), encoding="utf-8")
        out[example] = (page, records)
    return out


def _vietnamese_strings(records: dict[str, Any]) -> list[str]:
    """Every Vietnamese string of the records that the page promises to show."""
    found: list[str] = []
    if records.get("assessment"):
        for f in records["assessment"]["findings"]:
            if f["status"] != "not_applicable":
                found += [f["statement_vi"], f["citation_vi"]]
    found += [m["label_vi"] for m in missing_facts(records)]
    if records.get("routing") and records["routing"].get("authority"):
        found.append(records["routing"]["authority"]["title_vi"])
    for td in records["timelines"]:
        found += [s["label_vi"] for s in td["steps"]] + [td["title_vi"]]
    if records.get("obligations"):
        found += [i["title_vi"] for i in records["obligations"]["items"] if i["citation"] != "19.2"]
    return found


def _holiday_names(records: dict[str, Any]) -> list[str]:
    from sandbox_rules.surfaces.report import _days_named

    cal = records["calendar"]
    return [x["name"] for td in records["timelines"] for x in _days_named(td, cal, "vi")]


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("example", EXAMPLES)
def test_what_a_person_sees(
    browser: Browser,
    pages: dict[str, tuple[Path, dict[str, Any]]],
    example: str,
    width: int,
    tmp_path: Path,
) -> None:
    path, records = pages[example]
    page = browser.open(path.resolve().as_uri(), width)
    try:
        layout = page.evaluate(LAYOUT_JS)
        shot = page.screenshot(tmp_path / f"{width}.png")
    finally:
        page.close()
    # Nothing runs off the page, out of its table cell, or out of a picture; no two texts
    # of a picture are drawn over each other.
    assert layout["scrollWidth"] <= layout["vw"], layout["outside"][:5]
    assert layout["outside"] == []
    assert layout["cellOverflow"] == []
    assert layout["svgClipped"] == []
    assert layout["svgOverlaps"] == []
    # Every Vietnamese string of the records is on the page, character for character.
    text = unicodedata.normalize("NFC", layout["text"])
    for s in _vietnamese_strings(records):
        assert unicodedata.normalize("NFC", s).split("\n")[0][:80] in text, s
    # The timeline is drawn with every day off in its range named on the strip.
    drawn = " ".join(layout["svgText"])
    for name in _holiday_names(records):
        assert any(part in drawn for part in _name_parts(name)), name
    # Not blank: the screenshot, and each picture in it, has real contrast.
    image = PIL.open(shot).convert("L")
    assert image.size[0] == width
    assert ImageStat.Stat(image).stddev[0] > 20
    for fig in layout["figures"]:
        crop = image.crop(
            (int(fig["left"]), int(fig["top"]), int(fig["right"]), int(fig["bottom"]))
        )
        assert ImageStat.Stat(crop).stddev[0] > 25, fig
    # Greyscale print keeps late days apart from a step's time: hatched (no grey covers most
    # of it), where a bar is one flat grey (markers on it aside).
    for late in layout["lateParts"]:
        assert _flat_share(image, late) < 0.6
    for bar in layout["bars"]:
        if bar["right"] - bar["left"] > 20:
            assert _flat_share(image, bar) > 0.6


def _flat_share(image: Any, box: dict[str, float]) -> float:
    """The share of a box's pixels that have its most common grey."""
    crop = image.crop(
        (int(box["left"]) + 2, int(box["top"]) + 2, int(box["right"]) - 2, int(box["bottom"]) - 2)
    )
    hist = crop.histogram()
    return max(hist) / max(sum(hist), 1)


def _name_parts(name: str) -> list[str]:
    """A day off is named on the strip by its name, or by the holiday's common name when
    neighbouring days of one holiday share a label ('Mùng hai Tết Nguyên Đán' -> 'Tết ...')."""
    words = name.split()
    return (
        [name]
        + [" ".join(words[k:]) for k in range(1, len(words) - 1)]
        + [" ".join(words[:k]) for k in range(len(words) - 1, 1, -1)]
    )


def test_the_english_page_lays_out_cleanly(browser: Browser, tmp_path: Path) -> None:
    import yaml

    path = "examples/scenarios/adjustment-with-clarification.yaml"
    raw = Path(path).read_bytes()
    records = build(read_input(yaml.safe_load(raw), Path(path).name, raw))
    page_file = tmp_path / "en.html"
    page_file.write_text(render_html(records, "en"), encoding="utf-8")
    page = browser.open(page_file.resolve().as_uri(), 800)
    try:
        layout = page.evaluate(LAYOUT_JS)
    finally:
        page.close()
    assert layout["scrollWidth"] <= layout["vw"]
    assert (layout["outside"], layout["cellOverflow"]) == ([], [])
    assert (layout["svgClipped"], layout["svgOverlaps"]) == ([], [])
    assert "APPRAISAL NOTE" in layout["text"]
    assert "Clock stopped (clarification): 2026-08-26 – 2026-09-03" in layout["svgText"]


@pytest.mark.parametrize(
    "example", ["examples/org-two-provinces.yaml", "examples/scenarios/conclusion.yaml"]
)
def test_every_character_is_drawn_by_the_pages_own_fonts(
    browser: Browser, pages: dict[str, tuple[Path, dict[str, Any]]], example: str
) -> None:
    # A glyph a font lacks makes the browser fall back to another family: only the families
    # the page's CSS names may have drawn any text, Vietnamese diacritics included.
    path, _ = pages[example]
    page = browser.open(path.resolve().as_uri(), 1280)
    try:
        used = page.fonts("h1, h2, h3, p, li, th, td, blockquote, figcaption, svg text")
    finally:
        page.close()
    named = {"DejaVu Sans", "DejaVu Sans Mono", "Noto Sans", "Liberation Sans", "Liberation Mono"}
    assert set(used) <= named, used
    assert sum(used.values()) > 2000


def test_late_steps_are_drawn_late(
    browser: Browser, pages: dict[str, tuple[Path, dict[str, Any]]]
) -> None:
    # conclusion.yaml: the 16.3.d issue was due 26/11/2027 and not done by 30/11: overdue.
    path, _ = pages["examples/scenarios/conclusion.yaml"]
    page = browser.open(path.resolve().as_uri(), 1280)
    try:
        layout = page.evaluate(LAYOUT_JS)
    finally:
        page.close()
    assert len(layout["lateParts"]) == 1
    assert any("QUÁ HẠN" in s for s in layout["svgText"])


def test_the_browser_prints_it_and_the_text_extracts(
    browser: Browser, pages: dict[str, tuple[Path, dict[str, Any]]], tmp_path: Path
) -> None:
    pypdf = pytest.importorskip("pypdf", reason="pypdf (dev extra) reads the PDF back")
    path, _records = pages["examples/scenarios/issuance-across-tet.yaml"]
    page = browser.open(path.resolve().as_uri(), 1280)
    try:
        pdf = page.print_pdf(tmp_path / "print.pdf")
    finally:
        page.close()
    reader = pypdf.PdfReader(str(pdf))
    text = unicodedata.normalize("NFC", "\n".join(p.extract_text() for p in reader.pages))
    for s in ("GHI CHÚ THẨM ĐỊNH", "Tết Nguyên Đán", "Gửi văn bản lấy ý kiến", "23/02/2026"):
        assert s in text
