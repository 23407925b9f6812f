"""The law as data: parsing, citations, resolution, version."""

from __future__ import annotations

import hashlib
import json
import unicodedata
from pathlib import Path

import pytest

from sandbox_rules.errors import CitationSyntaxError, UnknownCitationError
from sandbox_rules.law import POINT_LETTERS, Citation, load_law
from sandbox_rules.law.build import build_from_bytes
from sandbox_rules.law.text import DATA_FILE, TEXT_FILE

DATA = Path(__file__).parent.parent / "sandbox_rules" / "law" / "data"
SHARED = Path(__file__).parent.parent.parent / "shared" / "law" / TEXT_FILE

# (input, canonical short form) — every accepted spelling.
PARSE = [
    ("12.3.b", "12.3.b"),
    ("Điều 12 khoản 3 điểm b", "12.3.b"),
    ("điểm b khoản 3 Điều 12", "12.3.b"),
    ("Article 12(3)(b)", "12.3.b"),
    ("Art. 15(1)(đ)", "15.1.đ"),
    ("điểm đ khoản 1 Điều 15", "15.1.đ"),
    ("9.1.par2", "9.1.par2"),  # the legal-representative paragraph of 9.1
    ("đoạn 2 khoản 1 Điều 9", "9.1.par2"),
    ("Article 9(1), second paragraph", "9.1.par2"),
    ("17.2.par2", "17.2.par2"),  # the inspection-record paragraph closing 17.2
    ("9.par1", "9.par1"),  # Art. 9's introductory words
    ("Điều 9", "9"),
    ("khoản 2 Điều 10", "10.2"),
    # NFD input (decomposed diacritics) is normalised.
    (unicodedata.normalize("NFD", "Điều 12 khoản 3 điểm b"), "12.3.b"),
]


@pytest.mark.parametrize(("text", "short"), PARSE)
def test_citation_forms(text: str, short: str) -> None:
    assert Citation.parse(text).short == short


# (short, Vietnamese, English)
RENDER = [
    ("12.3.b", "điểm b khoản 3 Điều 12", "Article 12(3)(b)"),
    ("9.1.par2", "đoạn 2 khoản 1 Điều 9", "Article 9(1), second paragraph"),
    ("15.1.đ", "điểm đ khoản 1 Điều 15", "Article 15(1)(đ)"),
    ("10", "Điều 10", "Article 10"),
]


@pytest.mark.parametrize(("short", "vi", "en"), RENDER)
def test_citation_rendering(short: str, vi: str, en: str) -> None:
    c = Citation.parse(short)
    assert (c.vi(), c.en()) == (vi, en)
    assert Citation.parse(vi) == c and Citation.parse(en) == c


@pytest.mark.parametrize(
    "bad", ["", "12..3", "Điều", "khoản 3", "12.3.f", "Article twelve", "12.3.b.c"]
)
def test_bad_citations_are_syntax_errors(bad: str) -> None:
    with pytest.raises(CitationSyntaxError):
        Citation.parse(bad)


def test_vietnamese_letter_order() -> None:
    assert POINT_LETTERS[:6] == ("a", "b", "c", "d", "đ", "e")
    pts = [Citation(15, 1, x) for x in ("đ", "a", "e", "d")]
    assert [p.point for p in sorted(pts)] == ["a", "d", "đ", "e"]
    assert Citation(9, 1) < Citation(9, 1, "a") < Citation(9, 2) < Citation(10)


# (citation, a phrase its text must contain) — checked against the Vietnamese text by hand.
RESOLVE = [
    ("9.1.b", "03 năm tù trở lên"),
    ("9.1.par2", "công dân Việt Nam, thường trú tại Việt Nam"),
    ("12.1.c", "quốc phòng, cơ yếu"),
    ("12.3.c", "Trong thời hạn 10 ngày"),
    ("12.4.b.par2", "Hội đồng tư vấn gồm"),
    ("13.3.b.par2", "Thời gian giải trình, hoàn thiện hồ sơ không tính"),
    ("15.1.đ", "không thể khắc phục"),
    ("15.2.par2", "nộp lại Giấy chứng nhận"),
    ("17.2.par2", "Kết thúc kiểm tra phải lập biên bản"),
    ("18.5", "sau 03 ngày"),
    ("22.2", "miễn trách nhiệm dân sự"),
]


@pytest.mark.parametrize(("cit", "phrase"), RESOLVE)
def test_resolution(cit: str, phrase: str) -> None:
    assert phrase in load_law().resolve(cit).text


@pytest.mark.parametrize("cit", ["7.1", "23", "9.4", "9.1.d", "12.1.d", "9.1.par3", "15.1.e"])
def test_nonexistent_units(cit: str) -> None:
    with pytest.raises(UnknownCitationError):
        load_law().resolve(cit)


def test_articles_8_to_22_only() -> None:
    assert load_law().articles() == list(range(8, 23))


def test_shipped_json_is_the_parse_of_the_shipped_text() -> None:
    raw = (DATA / TEXT_FILE).read_bytes()
    assert json.loads((DATA / DATA_FILE).read_text(encoding="utf-8")) == build_from_bytes(raw)
    assert load_law().version == hashlib.sha256(raw).hexdigest()


@pytest.mark.skipif(not SHARED.exists(), reason="shared/ not beside the checkout")
def test_shipped_text_is_the_authoritative_text() -> None:
    assert (DATA / TEXT_FILE).read_bytes() == SHARED.read_bytes()


def test_every_unit_has_an_english_summary_and_every_summary_resolves() -> None:
    import tomllib

    law = load_law()
    assert all(law.resolve(c).summary_en for c in law.coverage_units())
    keys = tomllib.loads((DATA / "summaries.en.toml").read_text(encoding="utf-8"))["summary"]
    assert [k for k in keys if not law.exists(k)] == []


# -- what a citation that is not one says (trial finding 21) -------------------------------------
# (written, the message's words in Vietnamese, in English)
NEAR_CITATIONS = [
    # the point đ typed "dd": the citation meant, in the form written
    ("15.1.dd", "Có phải ý bạn là «15.1.đ»?", "Did you mean «15.1.đ»?"),
    # the words without diacritics
    ("khoan 3 dieu 12", "Có phải ý bạn là «khoản 3 Điều 12»?", "Did you mean «khoản 3 Điều 12»?"),
    ("diem dd khoan 1 dieu 15", "«điểm đ khoản 1 Điều 15»", "«điểm đ khoản 1 Điều 15»"),
    # a clause the article does not have: how many it has, from the text
    ("12.7", "; Điều 12 có 6 khoản", "; Article 12 has 6 clauses"),
    ("22.3", "; Điều 22 có 2 khoản", "; Article 22 has 2 clauses"),
    # a point the clause does not have: its points
    ("12.3.e", "; khoản 3 Điều 12 có các điểm a, b, c, d", "; Article 12(3) has points a, b, c, d"),
    # a clause with no points at all
    ("8.2.a", "; khoản 2 Điều 8 không chia thành điểm", "; Article 8(2) has no points"),
]


@pytest.mark.parametrize(("written", "vi", "en"), NEAR_CITATIONS)
def test_a_citation_not_found_says_what_was_meant_or_what_there_is(
    written: str, vi: str, en: str
) -> None:
    from sandbox_rules.errors import SandboxRulesError

    with pytest.raises(SandboxRulesError) as caught:
        load_law().resolve(written)
    assert vi in caught.value.message_in("vi")
    assert en in caught.value.message_in("en")


def test_nothing_is_suggested_for_what_is_no_citation_at_all() -> None:
    with pytest.raises(CitationSyntaxError) as caught:
        Citation.parse("hello")
    assert caught.value.suggestion is None
    assert "Có phải ý bạn là" not in caught.value.message_in("vi")
