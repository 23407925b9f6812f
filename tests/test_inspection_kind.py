"""17.2: the year's inspection is the periodic one; an ad hoc one under a named reading.

Khoản 2 Điều 17: the issuing authority inspects on site "định kỳ 01 lần/năm hoặc đột xuất khi
có dấu hiệu thực hiện không đúng, không đầy đủ các nội dung tại Giấy chứng nhận". An
``inspection_ended`` event says which it was (``inspection_kind``); an ad hoc one is read under
the interpretation ``ad-hoc-inspection``, one that does not say under
``inspection-kind-unstated``. 17.3's 30 days run from the end of an
inspection of either kind.

The record: issued Mon 02/03/2026 for 24 months, testing from 10/03/2026. Its inspection years
(``inspection-year``, default: 12 months from issue, each ending on its corresponding day, Civil
Code 2015 Art. 147(1), 148(3)) are 02/03/2026-02/03/2027 and 03/03/2027-02/03/2028. Every date
below was counted by hand.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from test_post_issuance_obligations import BASE, STARTED, D  # the same record

from sandbox_rules.errors import InputValidationError
from sandbox_rules.lifecycle import lifecycle
from sandbox_rules.obligations import obligations

AS_OF = D("2028-03-01")  # within year 2, every inspection below already ended


def _inspection(day: str, kind: str | None = None, **more: Any) -> dict[str, Any]:
    event: dict[str, Any] = {"type": "inspection_ended", "date": day, **more}
    if kind is not None:
        event["inspection_kind"] = kind
    return event


def _years(rec: dict[str, Any], as_of: date = AS_OF) -> tuple[str, ...]:
    sched = obligations(rec, as_of)
    items = {i.id: i for i in sched.items}
    return (items["yearly-inspection-1"].status, items["yearly-inspection-2"].status)


# (inspections, reading of inspection-kind-unstated, statuses of years 1 and 2)
KINDS = [
    # "định kỳ 01 lần/năm": a periodic inspection ended 15/09/2026, in year 1 → year 1 done.
    ([_inspection("2026-09-15", "periodic")], "counts-as-periodic", ("done", "informational")),
    # "hoặc đột xuất khi có dấu hiệu ...": an ad hoc one is not the year's periodic inspection;
    # year 1 stays as a year with no inspection is (informational: the authority's duty).
    ([_inspection("2026-09-15", "ad_hoc")], "counts-as-periodic", ("informational",) * 2),
    # ... under either reading: the reading is about an unstated kind only.
    ([_inspection("2026-09-15", "ad_hoc")], "undetermined", ("informational",) * 2),
    # An ad hoc one in year 1 and a periodic one on 03/03/2027, the first day of year 2: year 2
    # done, year 1 not.
    (
        [_inspection("2026-09-15", "ad_hoc"), _inspection("2027-03-03", "periodic")],
        "counts-as-periodic",
        ("informational", "done"),
    ),
    # An ad hoc one (15/09/2026) and then the periodic one (20/11/2026), both in year 1: done.
    (
        [_inspection("2026-09-15", "ad_hoc"), _inspection("2026-11-20", "periodic")],
        "counts-as-periodic",
        ("done", "informational"),
    ),
    # Kind not stated, default reading: the periodic inspection is the standing one (an ad hoc
    # one needs "dấu hiệu", which the record does not show) → year 1 done.
    ([_inspection("2026-09-15")], "counts-as-periodic", ("done", "informational")),
    # Kind not stated, read as undetermined: it may have been ad hoc → year 1 undetermined.
    ([_inspection("2026-09-15")], "undetermined", ("undetermined", "informational")),
    # ... unless a periodic inspection ended in that year too → done.
    (
        [_inspection("2026-09-15"), _inspection("2026-11-20", "periodic")],
        "undetermined",
        ("done", "informational"),
    ),
    # An ad hoc one beside the unstated one does not settle it: still undetermined.
    (
        [_inspection("2026-09-15", "ad_hoc"), _inspection("2026-11-20")],
        "undetermined",
        ("undetermined", "informational"),
    ),
    # An unstated inspection in year 2 (10/05/2027) leaves year 1 uninspected under either
    # reading.
    ([_inspection("2027-05-10")], "counts-as-periodic", ("informational", "done")),
    ([_inspection("2027-05-10")], "undetermined", ("informational", "undetermined")),
]


@pytest.mark.parametrize(("inspections", "reading", "years"), KINDS)
def test_only_a_periodic_inspection_is_the_years(
    inspections: list[dict[str, Any]], reading: str, years: tuple[str, str]
) -> None:
    rec = {
        **BASE,
        "events": [STARTED, *inspections],
        "interpretations": {"inspection-kind-unstated": reading},
    }
    assert _years(rec) == years
    # The result records the reading it used.
    assert obligations(rec, AS_OF).interpretations_used["inspection-kind-unstated"] == reading


# (inspections, reading of ad-hoc-inspection, statuses of years 1 and 2)
AD_HOC = [
    # separate (default): the ad hoc inspection of 15/09/2026 answers its sign; year 1's
    # periodic inspection is still owed (informational: the authority's duty).
    ([_inspection("2026-09-15", "ad_hoc")], "separate", ("informational",) * 2),
    # counts-for-the-year: an on-site inspection of 17.2 with its contents and record is the
    # year's, ad hoc or not → year 1 done.
    ([_inspection("2026-09-15", "ad_hoc")], "counts-for-the-year", ("done", "informational")),
    # ... and only for the year it ends in: 10/05/2027 is in year 2.
    ([_inspection("2027-05-10", "ad_hoc")], "counts-for-the-year", ("informational", "done")),
    # A periodic one is the year's under either reading.
    ([_inspection("2026-09-15", "periodic")], "separate", ("done", "informational")),
]


@pytest.mark.parametrize(("inspections", "reading", "years"), AD_HOC)
def test_an_ad_hoc_inspection_is_the_years_only_under_its_reading(
    inspections: list[dict[str, Any]], reading: str, years: tuple[str, str]
) -> None:
    rec = {
        **BASE,
        "events": [STARTED, *inspections],
        "interpretations": {"ad-hoc-inspection": reading},
    }
    assert _years(rec) == years
    assert obligations(rec, AS_OF).interpretations_used["ad-hoc-inspection"] == reading


def test_the_default_reading_counts_an_unstated_inspection_as_periodic() -> None:
    rec = {**BASE, "events": [STARTED, _inspection("2026-09-15")]}
    sched = obligations(rec, AS_OF)
    assert sched.interpretations_used["inspection-kind-unstated"] == "counts-as-periodic"
    assert _years(rec) == ("done", "informational")


def test_the_items_say_why() -> None:
    ad_hoc = {**BASE, "events": [STARTED, _inspection("2026-09-15", "ad_hoc")]}
    (item,) = [i for i in obligations(ad_hoc, AS_OF).items if i.id == "yearly-inspection-1"]
    assert "Kiểm tra đột xuất kết thúc ngày 15/09/2026 không thay cho kiểm tra định kỳ" in (
        item.detail_vi
    )
    assert "ad hoc inspection that ended on 2026-09-15 is not the year's" in item.detail_en
    unstated = {
        **BASE,
        "events": [STARTED, _inspection("2026-09-15")],
        "interpretations": {"inspection-kind-unstated": "undetermined"},
    }
    (item,) = [i for i in obligations(unstated, AS_OF).items if i.id == "yearly-inspection-1"]
    assert "không ghi là định kỳ hay đột xuất" in item.detail_vi
    assert "inspection-kind-unstated" in item.detail_en


def test_records_differing_only_in_the_kind_get_their_own_schedules() -> None:
    # Schedules are kept per the record's values (record_key): the kind is one of them.
    periodic = {**BASE, "events": [STARTED, _inspection("2026-09-15", "periodic")]}
    ad_hoc = {**BASE, "events": [STARTED, _inspection("2026-09-15", "ad_hoc")]}
    assert _years(periodic) == ("done", "informational")
    assert _years(ad_hoc) == ("informational", "informational")


@pytest.mark.parametrize("kind", ["periodic", "ad_hoc"])
def test_17_3_remediation_follows_an_inspection_of_either_kind(kind: str) -> None:
    # 17.3 "Trong thời gian 30 ngày, kể từ ngày kết thúc kiểm tra": from Tue 15/09/2026 (not
    # counted) to Thu 15/10/2026, a working day; unremedied, 15.1.d arises the day after.
    event = _inspection("2026-09-15", kind, remediation_required=True)
    rec = {**BASE, "events": [STARTED, event]}
    items = {i.id: i for i in obligations(rec, D("2026-10-20")).items}
    assert (items["remediation-2026-09-15"].due, items["remediation-2026-09-15"].status) == (
        D("2026-10-15"),
        "overdue",
    )
    grounds = lifecycle(rec, D("2026-10-20")).revocation_grounds
    assert [(g.rule.citation.short, g.arose_on) for g in grounds] == [("15.1.d", D("2026-10-16"))]


@pytest.mark.parametrize("event", ["incident_found", "quarterly_report_submitted"])
def test_the_kind_belongs_to_an_inspection_only(event: str) -> None:
    bad = {**BASE, "events": [STARTED, {"type": event, "date": "2026-05-04",
                                         "inspection_kind": "periodic"}]}  # fmt: skip
    with pytest.raises(InputValidationError) as info:
        obligations(bad, AS_OF)
    # The restriction's own message (error.lifecycle.inspection_kind), not an unknown field.
    assert "inspection_kind belongs to an inspection_ended event only" in str(info.value)


def test_a_wrong_kind_is_refused() -> None:
    bad = {**BASE, "events": [STARTED, _inspection("2026-09-15", "yearly")]}
    with pytest.raises(InputValidationError, match="inspection_kind") as info:
        obligations(bad, AS_OF)
    # the two kinds of 17.2, in the words every surface gives (not pydantic's)
    assert "value «yearly» is not valid. Valid values: periodic, ad_hoc" in str(info.value)


SCENARIO = """\
as_of: 2028-03-01
record:
  applicant_kind: organisation
  issued_on: 2026-03-02
  approved_months: 24
  events:
    - {{type: testing_started, date: 2026-03-10}}
    - {{type: {first}, date: 2026-09-15, inspection_kind: {kind1}}}
    - {{type: inspection_ended, date: 2027-05-10, inspection_kind: {kind2}}}
"""


def _run(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str, *lang: str
) -> tuple[int, str, str]:
    from sandbox_rules.cli import main

    f = tmp_path / "s.yaml"
    f.write_text(text, encoding="utf-8")
    code = main([*lang, "obligations", str(f), "--json"])
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.mark.parametrize(
    ("kind1", "kind2"),
    [
        ("đột xuất", "định kỳ"),  # the names the tables print
        ("Đột xuất", "ĐỊNH KỲ"),  # any case
        ("dot xuat", "dinh ky"),  # without diacritics, where that is unambiguous
        ("ad_hoc", "periodic"),  # the codes
    ],
)
def test_the_kind_may_be_written_by_its_vietnamese_name(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], kind1: str, kind2: str
) -> None:
    text = SCENARIO.format(first="inspection_ended", kind1=kind1, kind2=kind2)
    code, out, err = _run(tmp_path, capsys, text)
    assert code == 0, err
    statuses = {i["id"]: i["status"] for i in json.loads(out)["items"]}
    # Year 1's inspection was ad hoc, year 2's periodic.
    assert (statuses["yearly-inspection-1"], statuses["yearly-inspection-2"]) == (
        "informational",
        "done",
    )


@pytest.mark.parametrize("name", ["đột xuất", "Đột xuất", "dot xuat"])
def test_the_python_api_reads_a_kinds_name_too(name: str) -> None:
    # Review: the names were read on the command line only; an event's type already was
    # read by its name on every surface.
    rec = {**BASE, "events": [STARTED, _inspection("2026-09-15", name)]}
    assert _years(rec) == ("informational", "informational")  # ad hoc: not the year's


def test_a_kind_on_another_event_is_refused_on_its_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = SCENARIO.format(first="incident_found", kind1="định kỳ", kind2="periodic")
    code, _, err = _run(tmp_path, capsys, text)
    assert code != 0
    # The event on line 8 is named, with the field, in Vietnamese by default ...
    assert "dòng 8" in err
    assert "inspection_kind chỉ ghi cho sự kiện inspection_ended" in err
    code, _, err = _run(tmp_path, capsys, text, "--lang", "en")
    # ... and in English.
    assert code != 0 and "line 8" in err
    assert "inspection_kind belongs to an inspection_ended event only" in err
