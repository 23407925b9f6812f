"""The decision report page (issue 13, items 1 and 2): what it says, that it says exactly what
the records say, that it is self-contained and escaped, and the pictures' geometry."""

from __future__ import annotations

import subprocess
import sys
import unicodedata
from datetime import date
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
import yaml
from _envs import outputs_across_environments
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sandbox_rules.cli import main
from sandbox_rules.errors import SandboxRulesError
from sandbox_rules.surfaces.report import render_html, render_pdf, report_html
from sandbox_rules.surfaces.report.build import build, missing_facts, read_input
from sandbox_rules.surfaces.report.pictures import timeline_figure
from sandbox_rules.testing import records

pytest.importorskip("jinja2", reason="the report extra (jinja2) is not installed")


class _Text(HTMLParser):
    """The text a reader sees (scripts and styles aside), and every tag and attribute."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag in ("style", "title"):
            self._skip += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in ("style", "title") and self._skip:
            self._skip -= 1

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def _parse(html: str) -> _Text:
    p = _Text()
    p.feed(html)
    return p


def _text(html: str) -> str:
    return unicodedata.normalize("NFC", " ".join(" ".join(_parse(html).parts).split()))


def _records(path: str, **kw: Any) -> dict[str, Any]:
    raw = Path(path).read_bytes()
    return build(read_input(yaml.safe_load(raw), Path(path).name, raw, **kw))


# Hand-worked from the examples and the decree: (file, texts the Vietnamese page must show).
CASES = [
    # org-two-provinces: sources managed by Hải Phòng and Quảng Ninh, two provincial bodies:
    # 12.1.b "Bộ trưởng Bộ Công an" issues; 12.4 "hai nguồn dữ liệu ... hai đơn vị" files with
    # the National Data Center.
    (
        "examples/org-two-provinces.yaml",
        [
            "ĐỦ ĐIỀU KIỆN",
            "Bộ trưởng Bộ Công an",
            "Trung tâm dữ liệu quốc gia",
            "khoản 4 Điều 12",
            "Dữ liệu cảng biển",
            "Sở Xây dựng Hải Phòng",
        ],
    ),
    # org-undetermined: facts missing; each is listed with the clause asking for it.
    (
        "examples/org-undetermined.yaml",
        ["CHƯA XÁC ĐỊNH (thiếu thông tin)", "đoạn 1 khoản 1 Điều 9"],
    ),
    # issuance-across-tet: consultation due Mon 23/02/2026 after Tết (14-22/02 off);
    # "Trong thời hạn 03 ngày làm việc" (12.3.b).
    (
        "examples/scenarios/issuance-across-tet.yaml",
        ["23/02/2026", "Tết Nguyên Đán", "Giao thừa Tết Nguyên Đán", "05/03/2026"],
    ),
    # conclusion: the 16.3.d certificate, due 26/11/2027, not issued by 30/11: overdue; 24/11
    # is Ngày Văn hóa Việt Nam; the duties are all recorded: "được miễn" (22.2).
    (
        "examples/scenarios/conclusion.yaml",
        ["26/11/2027", "QUÁ HẠN", "Ngày Văn hóa Việt Nam", "được miễn", "đang thử nghiệm"],
    ),
    # adjustment: the clock stops from 26/08 to 03/09/2026 while the applicant clarifies
    # ("không tính vào thời gian xử lý", 13.3.b second paragraph).
    (
        "examples/scenarios/adjustment-with-clarification.yaml",
        ["Dừng tính thời hạn (giải trình): 26/08/2026 – 03/09/2026", "Quốc khánh"],
    ),
]


@pytest.mark.parametrize(("path", "expected"), CASES)
def test_the_page_says_what_the_law_gives(path: str, expected: list[str]) -> None:
    html = report_html(path)
    text = _text(html) + " " + " ".join(_svg_texts(html))
    for s in expected:
        assert s in text, s


def _svg_texts(html: str) -> list[str]:
    """SVG <text> contents (the parser sees them as data too, but keep them apart)."""
    import re

    return [unicodedata.normalize("NFC", m) for m in re.findall(r"<text[^>]*>([^<]*)</text>", html)]


@pytest.mark.parametrize("path", [c[0] for c in CASES])
def test_the_page_shows_exactly_what_the_records_say(path: str) -> None:
    records = _records(path)
    text = _text(render_html(records, "vi"))
    a = records["assessment"]
    if a is not None:
        for f in a["findings"]:
            shown = f["statement_vi"] in text
            assert shown == (f["status"] != "not_applicable"), f["rule_id"]
        for m in missing_facts(records):
            assert m["label_vi"] in text
            for c in m["asked_by"]:
                assert records["missing_clauses"][c]["vi"] in text
    if records["dossier"] is not None:
        for item in records["dossier"]["items"]:
            assert item["label_vi"] in text
    for td in records["timelines"]:
        for s in td["steps"]:
            assert s["label_vi"] in text
    for key, option in records["interpretations_used"].items():
        assert f"{key} = {option}" in text
    assert records["provenance"]["law_version"] in text
    assert records["provenance"]["calendar_data_version"] in text


ALL_EXAMPLES = sorted(
    str(p)
    for p in (*Path("examples").glob("*.yaml"), *Path("examples/scenarios").glob("*.yaml"))
    if p.name != "adjustment-dossier.yaml"  # a bare dossier checklist, not a report input
)


@pytest.mark.parametrize("path", ALL_EXAMPLES)
def test_every_example_makes_a_page(path: str) -> None:
    records = _records(path)
    html = render_html(records, "vi")
    assert html.startswith("<!DOCTYPE html>") and html.rstrip().endswith("</html>")
    # A picture for each timeline and one for the obligations, when the file has them.
    expected = len(records["timelines"]) + (1 if records["obligations"] else 0)
    assert html.count("<svg ") == expected


def test_english_on_request() -> None:
    html = report_html("examples/scenarios/issuance-across-tet.yaml", "en")
    assert '<html lang="en">' in html
    text = _text(html)
    assert "APPRAISAL NOTE" in text and "2026-02-23" in text
    assert "GHI CHÚ THẨM ĐỊNH" not in text


def test_self_contained_no_network_no_script() -> None:
    for path, _ in CASES:
        html = report_html(path)
        tags = _parse(html).tags
        assert not [t for t, _ in tags if t in ("script", "link", "img", "iframe", "object")]
        for _, attrs in tags:
            for name, value in attrs.items():
                if name in ("src", "href"):
                    pytest.fail(f"external reference {name}={value}")
        # The only URL is the SVG namespace name; every url() points into the page itself.
        assert html.replace('xmlns="http://www.w3.org/2000/svg"', "").count("http") == 0
        assert "@import" not in html and "@font-face" not in html
        assert html.count("url(") == html.count("url(#")


def test_everything_from_the_file_is_escaped(tmp_path: Path) -> None:
    data = yaml.safe_load(Path("examples/org-two-provinces.yaml").read_text(encoding="utf-8"))
    data["plan"]["name"] = "<script>alert(1)</script> & “x”"
    data["data_sources"][0]["name"] = '<img src=x onerror="y">'
    f = tmp_path / "evil.yaml"
    f.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    html = report_html(str(f))
    assert "<script>" not in html and "<img" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; “x”" in html


def test_three_part_answers(tmp_path: Path) -> None:
    # 11.6 asks the plan for "Kết quả dự kiến"; without it the plan is incomplete (a dossier to
    # complete), while the Art. 9 conditions and the Art. 10 scope are met.
    data = yaml.safe_load(Path("examples/org-hanoi-one-source.yaml").read_text(encoding="utf-8"))
    data["plan"]["expected_results"] = False
    f = tmp_path / "plan-gap.yaml"
    f.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    text = _text(report_html(str(f)))
    assert "Điều kiện của chủ thể và giải pháp (Điều 9) ĐỦ ĐIỀU KIỆN — — Điều 9" in text
    assert "Phạm vi thử nghiệm (Điều 10) TRONG PHẠM VI" in text
    assert (
        "Phương án thử nghiệm (Điều 11) CHƯA ĐẦY ĐỦ (hồ sơ cần bổ sung) plan.expected-results"
        in text
    )


def test_a_record_without_part_answers_still_renders() -> None:
    # A record of the older form (verdict and findings only) gives the page without the table.
    records = _records("examples/org-undetermined.yaml")
    for key in ("conditions", "scope", "plan"):
        records["assessment"].pop(key)
    text = _text(render_html(records))
    assert "CHƯA XÁC ĐỊNH (thiếu thông tin)" in text
    assert "Phạm vi thử nghiệm (Điều 10)" not in text


def test_a_case_file_with_application_and_record(tmp_path: Path) -> None:
    app = yaml.safe_load(Path("examples/org-two-provinces.yaml").read_text(encoding="utf-8"))
    scen = yaml.safe_load(
        Path("examples/scenarios/revocation-after-90-days.yaml").read_text(encoding="utf-8")
    )
    case = {"application": app, "record": scen["record"], "as_of": "2026-06-10"}
    f = tmp_path / "case.json"
    import json

    f.write_text(json.dumps(case, ensure_ascii=False, default=str), encoding="utf-8")
    text = _text(report_html(str(f)))
    # Both halves: the Art. 12 routing and the 15.1.b ground of 01/06/2026, decision by 16/06.
    assert "Bộ trưởng Bộ Công an" in text
    assert "01/06/2026" in text and "16/06/2026" in text


@pytest.mark.slow
def test_deterministic_whatever_tz_and_hash_seed(tmp_path: Path) -> None:
    args = ["report", "examples/scenarios/conclusion.yaml"]
    outs = outputs_across_environments(args, "--html", tmp_path)
    assert outs[0] == outs[1] == outs[2]


@pytest.mark.parametrize(
    ("content", "why"),
    [
        ("[1, 2]", "mapping"),
        ("{}", "nothing to report"),
        ("{record: {issued_on: 2026-03-02, approved_months: 12}}", "as_of"),
        ("{as_of: '2026-13-01', record: {}}", "not a date"),
        ("{application: 3}", "application must be a mapping"),
        ("{applicant: {kind: robot}}", "invalid application"),
    ],
)
def test_bad_input_gets_a_typed_error_and_no_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str, why: str
) -> None:
    f = tmp_path / "bad.yaml"
    f.write_text(content, encoding="utf-8")
    with pytest.raises(SandboxRulesError, match=why):
        report_html(str(f))
    assert main(["report", str(f), "--html", str(tmp_path / "x.html")]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err and why in err


def test_cli_writes_the_page(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "r.html"
    path = "examples/scenarios/issuance-across-tet.yaml"
    assert main(["report", path, "--html", str(out)]) == 0
    assert str(out) in capsys.readouterr().out
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert main(["report", path, "--json"]) == 0
    assert '"timelines"' in capsys.readouterr().out


# -- pictures ---------------------------------------------------------------------------------
def _cells(fig: dict[str, Any]) -> dict[str, str]:
    """Day cells by their tooltip's date -> class (day kind)."""
    out = {}
    for e in fig["elements"]:
        if (
            e["tag"] == "rect"
            and str(e["attrs"].get("class", "")).startswith("day ")
            and e["title"]
        ):
            out[e["title"].split(" — ")[0]] = e["attrs"]["class"].split()[1]
    return out


def test_timeline_strip_marks_each_day_by_its_kind() -> None:
    records = _records("examples/scenarios/issuance-across-tet.yaml")
    fig = timeline_figure(records["timelines"][0], records["calendar"], "vi", "f")
    cells = _cells(fig)
    # Received Wed 11/02/2026; the strip starts the day before and runs to the day after the
    # last due date (05/03): 10/02 .. 06/03, one cell per day.
    assert len(cells) == 25 and "10/02/2026" in cells and "06/03/2026" in cells
    # 16-20/02 are the Tết days off (Bộ luật Lao động 2019 Art. 112); 14-15 and 21-22 weekends;
    # 23/02 (Mon) a working day.
    assert [cells[f"{d}/02/2026"] for d in range(14, 24)] == (
        ["weekend"] * 2 + ["off"] * 5 + ["weekend"] * 2 + ["work"]
    )
    texts = [e["text"] for e in fig["elements"] if e["tag"] == "text"]
    assert "Tết Nguyên Đán" in texts  # the five days off under one name
    assert any(t and t.startswith("▼ Tính đến 02/03/2026") for t in texts)


def test_timeline_draws_late_days_and_the_clock_stop() -> None:
    records = _records("examples/scenarios/adjustment-with-clarification.yaml")
    first = timeline_figure(records["timelines"][0], records["calendar"], "vi", "a")
    classes = [str(e["attrs"].get("class")) for e in first["elements"]]
    # 13.3.b consultation: due 07/09/2026, not sent by 15/09: overdue, drawn hatched to 15/09.
    assert classes.count("late-part") == 1
    assert classes.count("stop") == 1
    late = next(e for e in first["elements"] if e["attrs"].get("class") == "late-part")
    assert late["attrs"]["fill"] == "url(#a-late)"
    texts = [e["text"] or "" for e in first["elements"] if e["tag"] == "text"]
    assert "Dừng tính thời hạn (giải trình): 26/08/2026 – 03/09/2026" in texts
    # The second adjustment's stop is still running on 15/09: "đang giải trình".
    second = timeline_figure(records["timelines"][1], records["calendar"], "vi", "b")
    assert any("đang giải trình" in (e["text"] or "") for e in second["elements"])


@pytest.mark.slow
def test_pdf_converts_and_its_text_extracts(tmp_path: Path) -> None:
    pytest.importorskip("weasyprint", reason="the pdf extra (weasyprint) is not installed")
    pypdf = pytest.importorskip("pypdf", reason="pypdf (dev extra) reads the PDF back")
    out = tmp_path / "r.pdf"
    try:
        render_pdf(report_html("examples/scenarios/conclusion.yaml"), out)
    except SandboxRulesError as exc:  # WeasyPrint without the system's Pango
        pytest.skip(f"WeasyPrint cannot run here: {exc}")
    reader = pypdf.PdfReader(str(out))
    assert len(reader.pages) >= 2
    text = unicodedata.normalize("NFC", "\n".join(p.extract_text() for p in reader.pages))
    for s in (
        "GHI CHÚ THẨM ĐỊNH",
        "Cấp Giấy chứng nhận kết thúc",
        "Ngày Văn hóa Việt Nam",
        "QUÁ HẠN",
    ):
        assert s in " ".join(text.split()), s
    if sys.platform.startswith("linux") and Path("/usr/bin/pdftotext").exists():
        plain = subprocess.run(
            ["pdftotext", "-enc", "UTF-8", str(out), "-"], capture_output=True, check=True
        ).stdout.decode("utf-8")
        assert "Nghị định 169/2025/NĐ-CP" in unicodedata.normalize("NFC", plain)


@pytest.mark.slow
def test_cli_pdf(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("weasyprint", reason="the pdf extra (weasyprint) is not installed")
    out = tmp_path / "r.pdf"
    assert main(["report", "examples/org-two-provinces.yaml", "--pdf", str(out)]) == 0
    capsys.readouterr()
    assert out.read_bytes().startswith(b"%PDF-")


# -- properties -------------------------------------------------------------------------------
def _texts_inside(fig: dict[str, Any]) -> None:
    """Every label of a figure, at its estimated width, lies inside the figure."""
    from sandbox_rules.surfaces.report.pictures import WIDTH, text_width

    for e in fig["elements"]:
        if e["tag"] != "text":
            continue
        a = e["attrs"]
        x, w = float(a["x"]), text_width(e["text"], float(a["font-size"]))
        left = {"start": x, "middle": x - w / 2, "end": x - w}[a.get("text-anchor", "start")]
        if a.get("class") not in ("daynum", "weekday"):  # centred in their own cells
            assert left >= -0.5 and left + w <= WIDTH + 0.5, e["text"]
        assert 0 <= float(a["y"]) <= fig["height"], e["text"]


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    rec=records(), days=st.integers(min_value=0, max_value=900), lang=st.sampled_from(["vi", "en"])
)
def test_any_record_makes_a_page_or_a_typed_error(
    rec: dict[str, Any], days: int, lang: str
) -> None:
    from datetime import date, timedelta

    from sandbox_rules.surfaces.report.pictures import obligations_figure

    as_of = date.fromisoformat(rec["issued_on"]) + timedelta(days=days)
    inp = read_input({"record": rec, "as_of": as_of.isoformat()}, "r.yaml", b"")
    try:
        records = build(inp)
    except SandboxRulesError:
        return  # an invalid event sequence is refused with a typed error
    html = render_html(records, lang)
    assert html == render_html(records, lang)  # deterministic
    fig = obligations_figure(records["obligations"], records["lifecycle"], lang, "p")
    if fig is not None:
        _texts_inside(fig)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    start=st.dates(min_value=date(2025, 7, 1), max_value=date(2030, 6, 30)),
    gaps=st.lists(st.integers(min_value=0, max_value=25), min_size=1, max_size=3),
    later=st.integers(min_value=0, max_value=60),
    lang=st.sampled_from(["vi", "en"]),
)
def test_any_timeline_strip_keeps_its_labels_inside(
    start: date, gaps: list[int], later: int, lang: str
) -> None:
    from datetime import timedelta

    names = ("dossier_complete", "consultation_sent", "replies_received")
    events, day = {}, start
    for name, gap in zip(names, gaps, strict=False):
        day += timedelta(days=gap)
        events[name] = day.isoformat()
    inp = read_input(
        {
            "timeline": {"procedure": "issuance-12.3", "events": events},
            "as_of": (day + timedelta(days=later)).isoformat(),
        },
        "t.yaml",
        b"",
    )
    try:
        records = build(inp)
    except SandboxRulesError:
        return  # past the calendar's range: a typed error
    fig = timeline_figure(records["timelines"][0], records["calendar"], lang, "q")
    _texts_inside(fig)
