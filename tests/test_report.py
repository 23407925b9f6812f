"""The decision report page (issue 13, items 1 and 2): what it says, that it says exactly what
the records say, that it is self-contained and escaped, and the pictures' geometry."""

from __future__ import annotations

import re
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
    # extension-windows: the history names each event and the clauses of its transition in
    # Vietnamese ("chấp thuận gia hạn", khoản 2 Điều 14), not their codes alone.
    (
        "examples/scenarios/extension-windows.yaml",
        ["chấp thuận gia hạn", "khoản 2 Điều 14, khoản 2 Điều 10", "bắt đầu thử nghiệm"],
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


# (the file, what the message says in Vietnamese — the default — and in English)
BAD_REPORT_INPUTS = [
    ("[1, 2]", "phải là một nhóm trường", "is a mapping"),  # not a mapping
    ("{}", "không có gì để lập ghi chú thẩm định", "nothing to report"),  # no part to report
    # a record but no day to evaluate it at
    ("{record: {issued_on: 2026-03-02, approved_months: 12}}", "as_of", "as_of"),
    # a day that does not exist
    ("{as_of: '2026-13-01', record: {}}", "không phải là ngày hợp lệ", "is not a valid date"),
    # a day written dd/mm/yyyy: its ISO form suggested
    ("{as_of: '01/03/2026', record: {}}", "Có phải ý bạn là «2026-03-01»?", "«2026-03-01»"),
    ("{application: 3}", "«application» phải là một nhóm trường", "«application» must be"),
    # an invalid application: its line and the field in the text's terms
    ("{applicant: {kind: robot}}", "hồ sơ đề nghị không hợp lệ", "invalid application"),
    ("{timelines: 3, as_of: 2026-03-02}", "«timelines» phải là danh sách", "must be a list"),
    (
        "{application: {applicant: {kind: organisation}}, compliance: 3}",
        "«compliance»",
        "«compliance»",
    ),
]


@pytest.mark.parametrize(("content", "vi", "en"), BAD_REPORT_INPUTS)
def test_bad_input_gets_a_typed_error_and_no_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str, vi: str, en: str
) -> None:
    f = tmp_path / "bad.yaml"
    f.write_text(content, encoding="utf-8")
    for page_lang in ("vi", "en"):  # the error says itself in both, whatever the page's
        with pytest.raises(SandboxRulesError) as info:
            report_html(str(f), page_lang)
        assert vi in info.value.message_in("vi") and en in info.value.message
    for lang, why in (("vi", vi), ("en", en)):
        assert main(["report", str(f), "--html", str(tmp_path / "x.html"), "--lang", lang]) == 1
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
    fig = timeline_figure(
        records["timelines"][0], records["calendar"], "vi", "f", records["clock_stops"][0]
    )
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
    first = timeline_figure(
        records["timelines"][0], records["calendar"], "vi", "a", records["clock_stops"][0]
    )
    classes = [str(e["attrs"].get("class")) for e in first["elements"]]
    # 13.3.b consultation: due 07/09/2026, not sent by 15/09: overdue, drawn hatched to 15/09.
    assert classes.count("late-part") == 1
    assert classes.count("stop") == 1
    late = next(e for e in first["elements"] if e["attrs"].get("class") == "late-part")
    assert late["attrs"]["fill"] == "url(#a-late)"
    texts = [e["text"] or "" for e in first["elements"] if e["tag"] == "text"]
    assert "Dừng tính thời hạn (giải trình): 26/08/2026 – 03/09/2026" in texts
    # The second adjustment's stop is still running on 15/09: "đang giải trình".
    second = timeline_figure(
        records["timelines"][1], records["calendar"], "vi", "b", records["clock_stops"][1]
    )
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
    fig = timeline_figure(
        records["timelines"][0], records["calendar"], lang, "q", records["clock_stops"][0]
    )
    _texts_inside(fig)


# -- case files: `from:` and several cases (issue 12) ------------------------------------------
# The application the cases name with `from:` (relative to the case file).
APP = (Path(__file__).resolve().parent.parent / "examples" / "org-two-provinces.yaml").read_text(
    encoding="utf-8"
)
ONE_CASE_FROM = """\
name: Logistics Duyên Hải — hồ sơ ở tệp khác
from: app.yaml
as_of: 2026-02-25
timeline:
  procedure: issuance-12.4
  events: {dossier_complete: 2026-02-10}
expect: {procedure: 12.4}
"""
TWO_CASES = """\
cases:
  - name: Logistics Duyên Hải — Bộ Công an cấp
    from: app.yaml
    expect: {authority: Bộ Công an}
  - name: Logistics Duyên Hải — chỉ nộp đơn đề nghị
    from: app.yaml
    dossier: {procedure: issuance, documents: [đơn đề nghị]}
    expect: {dossier_missing: [12.2.b]}
"""
# (case file, --case, the notes' case headings, texts every note shows, texts of one note)
CASE_FILE_REPORTS = [
    # one case whose application is in app.yaml: the application is read, not dropped
    (
        ONE_CASE_FROM,
        None,
        ["Ca 1/1"],
        ["Thử nghiệm điều phối logistics liên tỉnh", "Bộ trưởng Bộ Công an"],
        ["Logistics Duyên Hải — hồ sơ ở tệp khác"],
    ),
    # a `cases:` list: one note per case, in order, each with its own application from app.yaml
    (
        TWO_CASES,
        None,
        ["Ca 1/2", "Ca 2/2"],
        ["Thử nghiệm điều phối logistics liên tỉnh", "Bộ trưởng Bộ Công an"],
        ["Logistics Duyên Hải — Bộ Công an cấp", "Logistics Duyên Hải — chỉ nộp đơn đề nghị"],
    ),
    # --case by number (counted from 1)
    (TWO_CASES, "2", ["Ca 2/2"], ["Bộ trưởng Bộ Công an"], ["chỉ nộp đơn đề nghị"]),
    # --case by a part of its name that only one case has
    (TWO_CASES, "Bộ Công an cấp", ["Ca 1/2"], ["Bộ trưởng Bộ Công an"], ["Bộ Công an cấp"]),
]


@pytest.mark.parametrize(("text", "case", "headings", "every", "names"), CASE_FILE_REPORTS)
def test_a_case_file_is_reported_case_by_case_with_its_from_file(
    tmp_path: Path,
    text: str,
    case: str | None,
    headings: list[str],
    every: list[str],
    names: list[str],
) -> None:
    (tmp_path / "app.yaml").write_text(APP, encoding="utf-8")
    f = tmp_path / "c.case.yaml"
    f.write_text(text, encoding="utf-8")
    html = report_html(str(f), case=case)
    page = _text(html)
    shown = re.findall(r"<tr><th>(Ca \d+/\d+)</th>", html)
    assert shown == headings
    for name in names:
        assert name in page
    notes = html.split('<header class="doc-head">')[1:]
    assert len(notes) == len(headings)
    for note in notes:
        for words in every:
            assert words in _text(note), words
    ids = re.findall(r'\bid="([^"]+)"', html)
    assert len(ids) == len(set(ids))  # several notes on one page keep their ids apart


def test_a_case_checking_a_filing_shows_that_filing(tmp_path: Path) -> None:
    (tmp_path / "app.yaml").write_text(APP, encoding="utf-8")
    f = tmp_path / "c.case.yaml"
    f.write_text(TWO_CASES, encoding="utf-8")
    (first, second) = report_html_records(f)
    assert first["dossier"]["complete"] is True
    assert [i["citation"] for i in second["dossier"]["missing"]] == ["12.2.b"]


def report_html_records(f: Path) -> list[dict[str, Any]]:
    from sandbox_rules.surfaces.report.render import _records

    return _records(str(f), None, None, None)


# (--case given, what the officer is told: Vietnamese by default, English with --lang en)
BAD_CASE_CHOICES = [
    # no such number: said to count from 1, with the cases
    (
        "5",
        "không có ca số 5: các ca được đếm từ 1, tệp có 2 ca: 1. «Logistics",
        "there is no case number 5: cases are counted from 1, and the file has 2 cases",
    ),
    ("Logistics", "khớp với nhiều ca: 1. «Logistics", "fits several cases"),  # ambiguous
    ("xyz", "không có ca «xyz»", "no case «xyz»"),  # no such name
]


@pytest.mark.parametrize(("case", "vi", "en"), BAD_CASE_CHOICES)
def test_a_case_that_fits_no_case_or_several_lists_the_cases(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], case: str, vi: str, en: str
) -> None:
    (tmp_path / "app.yaml").write_text(APP, encoding="utf-8")
    f = tmp_path / "c.case.yaml"
    f.write_text(TWO_CASES, encoding="utf-8")
    for lang, why in (("vi", vi), ("en", en)):
        assert main(["report", str(f), "--case", case, "--lang", lang]) == 1
        err = capsys.readouterr().err
        assert why in err and "Traceback" not in err
        assert "2. «Logistics Duyên Hải — chỉ nộp đơn đề nghị»" in err


def test_report_json_of_a_case_file_lists_its_cases(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import json

    (tmp_path / "app.yaml").write_text(APP, encoding="utf-8")
    f = tmp_path / "c.case.yaml"
    f.write_text(TWO_CASES, encoding="utf-8")
    assert main(["report", str(f), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert [c["case"]["name"] for c in out["cases"]] == [
        "Logistics Duyên Hải — Bộ Công an cấp",
        "Logistics Duyên Hải — chỉ nộp đơn đề nghị",
    ]
    assert all(c["routing"]["authority"]["code"] == "BCA" for c in out["cases"])


REFUSED_RECORD = """\
    as_of: 2028-03-01
    record:
      applicant_kind: organisation
      issued_on: 2026-03-02
      approved_months: 12
      events:
        - {type: extension_approved, date: 2027-02-25, months: 12}
        - {type: extension_approved, date: 2028-02-20, months: 6}
"""
# (the third case's expectation, the exit code, what its note says)
REFUSED_CASES = [
    # the case expects the refusal (10.2: one extension only): not a failure of the command
    (
        "    expect: {error: invalid_transition}\n",
        0,
        "bị từ chối, đúng như kỳ vọng của tệp tình huống (expect.error: invalid_transition)",
    ),
    # a refusal the case does not expect: the other notes are made, the command exits 1
    (
        "    expect: {state: extended}\n",
        1,
        "Không lập được ghi chú cho ca này: invalid_transition",
    ),
]


@pytest.mark.parametrize(("expect", "code", "said"), REFUSED_CASES)
def test_a_refused_case_gets_a_note_saying_why_and_the_other_cases_theirs(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], expect: str, code: int, said: str
) -> None:
    (tmp_path / "app.yaml").write_text(APP, encoding="utf-8")
    f = tmp_path / "c.case.yaml"
    f.write_text(TWO_CASES + "  - name: Gia hạn lần hai\n" + REFUSED_RECORD + expect, "utf-8")
    out = tmp_path / "r.html"
    assert main(["report", str(f), "--html", str(out)]) == code
    err = capsys.readouterr().err
    page = _text(out.read_text(encoding="utf-8"))
    assert page.count("Bộ trưởng Bộ Công an") >= 2  # the two other cases have their notes
    assert said in page and "Ca 3/3" in page
    assert ("3. «Gia hạn lần hai»" in err) is (code == 1)
    assert "Traceback" not in err


# -- --case by number (trial finding 21) ---------------------------------------------------------
# (--case given, the cases chosen (counted from 0), or the words of the error)
CASE_CHOICES = [
    ("1", [0]),
    ("3", [2]),
    ("0", "không có ca số 0: các ca được đếm từ 1, tệp có 3 ca"),  # not a name fragment
    ("4", "không có ca số 4: các ca được đếm từ 1"),
    ("Hai", [1]),  # a name fragment still chooses by name
]


@pytest.mark.parametrize(("wanted", "chosen"), CASE_CHOICES)
def test_a_case_number_is_counted_from_1(wanted: str, chosen: list[int] | str) -> None:
    from sandbox_rules.errors import InputValidationError
    from sandbox_rules.surfaces.report.build import choose_cases

    names = ["Ca một 10", "Ca Hai 20", "Ca ba 30"]  # every name holds a 0
    if isinstance(chosen, list):
        assert choose_cases(names, wanted, "f.case.yaml") == chosen
        return
    with pytest.raises(InputValidationError) as caught:
        choose_cases(names, wanted, "f.case.yaml")
    assert chosen in caught.value.message_in("vi")


# -- days off under a timeline, provisional dates, 19.2's count (trial findings 16, 21) ----------
SONG_HAN_ISSUANCE = {
    "as_of": "2029-01-10",
    "timeline": {
        "procedure": "issuance-12.4",
        "events": {
            "dossier_complete": "2026-12-02",
            "consultation_sent": "2026-12-04",
            "replies_received": "2026-12-14",
            "decision": "2026-12-17",
        },
    },
}


def _page_of(tmp_path: Path, data: dict[str, Any]) -> str:
    f = tmp_path / "x.yaml"
    f.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return _text(report_html(str(f)))


def test_days_named_are_those_of_the_procedure_shown(tmp_path: Path) -> None:
    # A procedure done on 17/12/2026, read on 10/01/2029: its strip and its list of days off
    # end with it; no day of 2027-2029 is listed under it.
    records = _records_of(tmp_path, SONG_HAN_ISSUANCE)
    fig = timeline_figure(
        records["timelines"][0], records["calendar"], "vi", "f", records["clock_stops"][0]
    )
    cells = _cells(fig)
    assert "01/12/2026" in cells and "18/12/2026" in cells and "19/12/2026" not in cells
    text = _page_of(tmp_path, SONG_HAN_ISSUANCE)
    assert "2027" not in text.split("Ngày nghỉ, ngày làm bù")[-1].split("Cách hiểu")[0]
    assert "▼ Tính đến 10/01/2029" in " ".join(e["text"] or "" for e in fig["elements"])


def test_a_computed_day_off_is_not_presented_as_decided(tmp_path: Path) -> None:
    # Tết 2027 (6-10/02/2027): 2027 has no official schedule yet, so its days off are computed
    # from the Labour Code, and the page says so; 24/11/2026 (Ngày Văn hóa Việt Nam) rests on a
    # resolution whose number and date the data has not confirmed, and the page says so.
    tet = {"as_of": "2027-02-03", "timeline": {"procedure": "issuance-12.3",
           "events": {"dossier_complete": "2027-02-03"}}}  # fmt: skip
    text = _page_of(tmp_path, tet)
    assert (
        "Tết Nguyên Đán — tạm tính: năm 2027 chưa có quyết định chính thức về lịch nghỉ, "
        "ngày này được tính theo Bộ luật 45/2019/QH14"
    ) in text
    culture = {"as_of": "2026-11-21", "timeline": {"procedure": "issuance-12.3",
               "events": {"dossier_complete": "2026-11-20"}}}  # fmt: skip
    text = _page_of(tmp_path, culture)
    assert "Ngày Văn hóa Việt Nam — Nghị quyết 28/2026/QH16" in text
    assert "số, ngày của văn bản chưa được xác nhận" in text
    assert "[số/ngày văn bản chưa xác nhận]" not in text


def _records_of(tmp_path: Path, data: dict[str, Any]) -> dict[str, Any]:
    f = tmp_path / "r.yaml"
    f.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return _records(str(f))


RISK_RECORD = {
    "as_of": "2026-04-01",
    "record": {"issued_on": "2026-03-02", "approved_months": 24, "applicant_kind": "organisation"},
}


@pytest.mark.parametrize(
    ("reading", "summary"),
    [
        # 19.2 "Định kỳ hàng tháng, quý đánh giá rủi ro": 02/03/2026-02/03/2028 covers 25 months
        # (03/2026 .. 03/2028) and 9 calendar quarters (I/2026 .. I/2028), each named as such.
        (
            "monthly-and-quarterly",
            "khoản 2 Điều 19: 25 kỳ đánh giá rủi ro hằng tháng và 9 kỳ hằng quý, từ 02/03/2026 đến 02/03/2028",
        ),
        (
            "monthly-or-quarterly",
            "khoản 2 Điều 19: 9 kỳ đánh giá rủi ro hằng quý, từ 02/03/2026 đến 02/03/2028",
        ),
    ],
)
def test_risk_assessments_are_counted_by_their_period(
    tmp_path: Path, reading: str, summary: str
) -> None:
    data = {**RISK_RECORD, "interpretations": {"risk-assessment-period": reading}}
    assert summary in _page_of(tmp_path, data)


def test_provisional_due_dates_are_marked_in_text_and_on_the_page(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # 2026 has its official schedule, 2027 not yet: the report of Q1/2026 is due Mon 06/04/2026
    # (no mark); the one of Q4/2026 on 05/01/2027, counted on the statutory rules: "(tạm tính)",
    # as deadline and timeline write it, in obligations, lifecycle and on the page.
    f = tmp_path / "k.yaml"
    f.write_text(yaml.safe_dump(RISK_RECORD, allow_unicode=True), encoding="utf-8")
    for command in ("obligations", "lifecycle"):
        assert main([command, str(f)]) == 0
        out = capsys.readouterr().out
        assert re.search(r"^  06/04/2026 +chưa đến hạn|^  06/04/2026 +sắp đến hạn", out, re.M), out
        assert re.search(r"^  05/01/2027 \(tạm tính\) +sắp đến hạn", out, re.M), out
    assert main(["--lang", "en", "obligations", str(f)]) == 0
    assert re.search(r"^  2027-01-05 \(provisional\) +upcoming", capsys.readouterr().out, re.M)
    page = _page_of(tmp_path, RISK_RECORD)
    assert "05/01/2027 (tạm tính: năm chưa có lịch nghỉ chính thức)" in page
    assert "06/04/2026 (tạm tính" not in page


def test_with_json_the_html_asked_for_is_written_or_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Trial 3, F20: --json said what goes to stdout, but --html was silently ignored.
    import json

    app = str(Path(__file__).parent.parent / "examples" / "org-hanoi-one-source.yaml")
    page = tmp_path / "note.html"
    assert main(["report", app, "--html", str(page), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["kind"] == "report"
    assert page.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    page.write_text("mine", encoding="utf-8")
    assert main(["report", app, "--html", str(page), "--json"]) == 1
    assert json.loads(capsys.readouterr().out)["error"]["code"] == "output_path"
    assert page.read_text(encoding="utf-8") == "mine"
