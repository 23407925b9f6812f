"""Routing under Art. 12: authority (12.1 with the 12.1.c exception), procedure, where to file."""

from __future__ import annotations

import itertools
import re
from typing import Any

import pytest
from _examples import examples
from hypothesis import given, settings

from sandbox_rules.engine import route
from sandbox_rules.errors import InputValidationError
from sandbox_rules.interpretations import get
from sandbox_rules.rules import registry
from sandbox_rules.testing import source_lists


def _app(*sources: tuple[str | None, str | None, bool | None]) -> dict[str, Any]:
    return {
        "applicant": {"kind": "organisation"},
        "data_sources": [
            {"owning_unit": u, "managed_by": m, "defence_or_cipher": d} for u, m, d in sources
        ],
    }


# (sources, interpretations, authority code, procedure, status) — from the text of 12.1, 12.3, 12.4, 12.6.
ROUTES = [
    # One source of one Hà Nội unit: the Hanoi People's Committee chairman, 12.3.
    ([("Sở Xây dựng", "Hà Nội", False)], {}, "HNI", "12.3", "determined"),
    # One Ministry of Health source: the Minister of Health, 12.3.
    ([("Cục QLKCB", "Bộ Y tế", False)], {}, "BYT", "12.3", "determined"),
    # Former province name (before 01/07/2025) finds its successor: Bình Dương -> Hồ Chí Minh.
    ([("Sở KHCN", "Bình Dương", False)], {}, "HCM", "12.3", "determined"),
    # Two sources of two units of two provinces: Minister of Public Security, 12.4.
    (
        [("Sở A", "Hải Phòng", False), ("Sở B", "Quảng Ninh", False)],
        {},
        "BCA",
        "12.4",
        "determined",
    ),
    # Any defence or cipher source: Minister of National Defence, 12.6, whatever the others.
    (
        [("Ban Cơ yếu", "Bộ Quốc phòng", True), ("Sở C", "Lâm Đồng", False)],
        {},
        "BQP",
        "12.6",
        "determined",
    ),
    ([("Ban Cơ yếu", "Bộ Quốc phòng", True)], {}, "BQP", "12.6", "determined"),
    # Two units of one ministry: 12.4's heading, "hai nguồn dữ liệu từ hai đơn vị chủ quản dữ
    # liệu", counts units; by default the National Data Center receives (12.4.a) and the
    # minister, competent under 12.1.a, decides ("cơ quan có thẩm quyền ... quyết định", 12.4.d) ...
    (
        [("Cục Thuế", "Bộ Tài chính", False), ("Cục Hải quan", "Bộ Tài chính", False)],
        {},
        "BTC",
        "12.4",
        "determined",
    ),
    # ... or the minister receives under 12.3 with the alternative reading.
    (
        [("Cục Thuế", "Bộ Tài chính", False), ("Cục Hải quan", "Bộ Tài chính", False)],
        {"same-manager-two-units": "competent-authority"},
        "BTC",
        "12.3",
        "determined",
    ),
    # Counting owning units instead of managing bodies makes the same case the MPS's.
    (
        [("Cục Thuế", "Bộ Tài chính", False), ("Cục Hải quan", "Bộ Tài chính", False)],
        {"authority-count-basis": "owning-units", "same-manager-two-units": "national-data-center"},
        "BCA",
        "12.4",
        "determined",
    ),
    # Three provinces: 12.4 by default; the strict reading says the text is silent.
    (
        [("A", "An Giang", False), ("B", "Cà Mau", False), ("C", "Vĩnh Long", False)],
        {},
        "BCA",
        "12.4",
        "determined",
    ),
    (
        [("A", "An Giang", False), ("B", "Cà Mau", False), ("C", "Vĩnh Long", False)],
        {"procedure-many-sources": "strict"},
        "BCA",
        None,
        "not_specified_by_text",
    ),
    # Two sources of the same unit: 12.3 by default, silent under the strict reading.
    ([("Sở Y tế", "Huế", False), ("Sở Y tế", "Huế", False)], {}, "HUE", "12.3", "determined"),
    (
        [("Sở Y tế", "Huế", False), ("Sở Y tế", "Huế", False)],
        {"procedure-many-sources": "strict"},
        "HUE",
        None,
        "not_specified_by_text",
    ),
    # Trial finding 5: Đà Nẵng's unit not named, the State Bank's named. A data-owning unit is a
    # unit of the body managing its source (12.1.a "do bộ, ngành, địa phương mình quản lý"); a
    # unit of Đà Nẵng is not one of the State Bank: "hai nguồn dữ liệu từ hai đơn vị chủ quản
    # dữ liệu" (12.4), decided without asking for the unit — under the strict reading too.
    ([(None, "Đà Nẵng", False), ("CIC", "NHNN", False)], {}, "BCA", "12.4", "determined"),
    (
        [(None, "Đà Nẵng", False), ("CIC", "NHNN", False)],
        {"procedure-many-sources": "strict"},
        "BCA",
        "12.4",
        "determined",
    ),
    ([(None, "Đà Nẵng", False), (None, "NHNN", False)], {}, "BCA", "12.4", "determined"),
    # One source is "một nguồn dữ liệu từ một đơn vị chủ quản dữ liệu" (12.3), named or not.
    ([(None, "Cần Thơ", False)], {}, "CTO", "12.3", "determined"),
    # The same name written for units of two bodies is two units (one of each body): 12.4,
    # not 12.3 beside 12.1.b's Minister of Public Security.
    (
        [("Trung tâm dữ liệu", "Hà Nội", False), ("Trung tâm dữ liệu", "Huế", False)],
        {},
        "BCA",
        "12.4",
        "determined",
    ),
    # Two sources of Đà Nẵng, one unit not named: it may be the named one (12.3) or another
    # (12.4, same-manager-two-units): the unit is needed.
    (
        [("Sở Tài chính", "Đà Nẵng", False), (None, "Đà Nẵng", False)],
        {},
        "DNG",
        None,
        "undetermined",
    ),
    # Defence with the alternative reading: MND decides, MPS receives two units' dossier under 12.4.
    (
        [("Ban Cơ yếu", "Bộ Quốc phòng", True), ("Sở C", "Lâm Đồng", False)],
        {"defence-overrides": "mps-receives"},
        "BQP",
        "12.4",
        "determined",
    ),
]


@pytest.mark.parametrize(("sources", "interp", "authority", "procedure", "status"), ROUTES)
def test_routes(
    sources: list[Any], interp: dict[str, str], authority: str, procedure: str | None, status: str
) -> None:
    r = route(_app(*sources), interp)
    assert (r.authority.code if r.authority else None, r.procedure, r.status) == (
        authority,
        procedure,
        status,
    )
    for key in interp:
        assert r.interpretations_used[key] == interp[key]


def test_concrete_body_and_filing() -> None:
    r = route(_app(("Sở Xây dựng", "Hà Nội", False)))
    assert (
        r.authority is not None
        and r.authority.title_vi == "Chủ tịch Ủy ban nhân dân thành phố Hà Nội"
    )
    assert r.authority.delegable is True
    assert r.methods == ("online", "in_person", "post")
    r4 = route(_app(("A", "Hải Phòng", False), ("B", "Quảng Ninh", False)))
    assert r4.file_with is not None and "Trung tâm dữ liệu quốc gia" in r4.file_with.vi


def test_unknown_facts_give_an_undetermined_routing() -> None:
    r = route(_app(("Sở A", "Hà Nội", None)))
    assert r.status == "undetermined" and r.authority is None
    assert "sources.any_defence_or_cipher" in r.missing
    r2 = route({"applicant": {"kind": "individual"}})
    assert r2.status == "undetermined"
    # Two sources of one body, one unit unknown: one unit or two, the procedure is undecided
    # and the unit named as missing (12.3, 12.4). (One source alone is one unit: ROUTES.)
    r3 = route(_app(("Sở A", "Cần Thơ", False), (None, "Cần Thơ", False)))
    assert r3.authority is not None and r3.procedure is None and r3.status == "undetermined"
    assert "sources.owning_unit_count" in r3.missing


def test_no_source_is_a_clear_input_error() -> None:
    with pytest.raises(InputValidationError, match="data_sources"):
        route({"applicant": {"kind": "organisation"}, "data_sources": []})


def test_unknown_body_is_a_clear_input_error() -> None:
    with pytest.raises(InputValidationError, match="managed_by"):
        route(_app(("Sở A", "Atlantis", False)))


# (owning units, managing bodies, count): units are counted within each managing body.
UNIT_COUNTS = [
    (["A", "B"], ["DNG", "NHNN"], 2),
    ([None, "B"], ["DNG", "NHNN"], 2),  # each body has one source: one unit each
    ([None, None, None], ["DNG", "NHNN", "HNI"], 3),
    (["A", "A"], ["DNG", "HUE"], 2),  # the same name under two bodies: two units
    (["A", "A"], ["DNG", "DNG"], 1),
    (["A", None], ["DNG", "DNG"], None),  # the unnamed one may be A or another
    ([None, None], ["DNG", "DNG"], None),
    ([None, "B", "C"], ["DNG", "NHNN", "NHNN"], 3),
    ([None, "B"], [None, "NHNN"], None),  # a body unknown: no count per body
    (["A", "B"], [None, "NHNN"], 2),  # all units named: counted as named
]


@pytest.mark.parametrize(("units", "bodies", "count"), UNIT_COUNTS)
def test_owning_units_are_counted_within_each_managing_body(
    units: list[str | None], bodies: list[str | None], count: int | None
) -> None:
    from types import SimpleNamespace

    from sandbox_rules.facts import owning_unit_count

    srcs = [
        SimpleNamespace(owning_unit=u, managed_by=b, defence_or_cipher=False)
        for u, b in zip(units, bodies, strict=True)
    ]
    assert owning_unit_count(srcs) == count


# -- properties ------------------------------------------------------------------------------
@settings(max_examples=examples(300), deadline=None)
@given(source_lists())
def test_routing_gives_one_authority_or_undetermined(sources: list[dict[str, Any]]) -> None:
    for interp in (
        {},
        {"procedure-many-sources": "strict"},
        {"authority-count-basis": "owning-units"},
    ):
        r = route({"applicant": {"kind": "organisation"}, "data_sources": sources}, interp)
        assert (r.status == "undetermined") == (
            r.authority_rule is None or r.procedure_rule is None
        )


@settings(max_examples=examples(300), deadline=None)
@given(source_lists())
def test_any_defence_source_routes_to_national_defence(sources: list[dict[str, Any]]) -> None:
    sources = [
        *sources,
        {"owning_unit": "Ban Cơ yếu", "managed_by": "BQP", "defence_or_cipher": True},
    ]
    r = route({"applicant": {"kind": "organisation"}, "data_sources": sources})
    assert r.authority is not None and r.authority.code == "BQP" and r.procedure == "12.6"


def test_procedure_rules_partition_every_known_case() -> None:
    """For every combination of known facts and readings, exactly one procedure rule applies
    (decide() raises on none or on a conflict)."""
    reg = registry()
    options = {
        k: list(get(k).options)
        for k in ("procedure-many-sources", "same-manager-two-units", "defence-overrides")
    }
    for d, units, managers, extra, *opts in itertools.product(
        (True, False), (1, 2, 3), (1, 2, 3), (0, 1), *options.values()
    ):
        if managers > units:
            continue
        facts = {
            "sources.any_defence_or_cipher": d,
            "sources.owning_unit_count": units,
            "sources.managing_body_count": managers,
            "sources.authority_count": managers,
            "sources.count": units + extra,
            **{f"interp.{k}": v for k, v in zip(options, opts, strict=True)},
        }
        assert reg.decide("procedure", facts).rule is not None
        assert reg.decide("authority", facts).rule is not None


# -- the text report of an undetermined routing (issue 12) ----------------------------------------
_A = {"name": "A", "owning_unit": "Sở A", "managed_by": "Đà Nẵng", "defence_or_cipher": False}
_B = {
    "name": "B",
    "owning_unit": "Cục Thuế",
    "managed_by": "Bộ Tài chính",
    "defence_or_cipher": False,
}
# (data sources, the lines the report must show)
UNDETERMINED_ROUTES = [
    # the third source lacks 12.1.c's answer: named, counted from 1
    (
        [_A, _B, {**_B, "name": "C", "defence_or_cipher": None}],
        ["data_sources[3].defence_or_cipher (điểm c khoản 1 Điều 12): nguồn dữ liệu thứ 3 «C»"],
    ),
    # two sources lack it, one of them unnamed
    (
        [{**_A, "defence_or_cipher": None}, _B, {**_B, "name": None, "defence_or_cipher": None}],
        [
            "data_sources[1].defence_or_cipher, data_sources[3].defence_or_cipher "
            "(điểm c khoản 1 Điều 12): "
            "nguồn dữ liệu thứ 1 «A»; nguồn dữ liệu thứ 3"
        ],
    ),
    # the managing body of the second source is not written (12.1.a, 12.1.b)
    (
        [_A, {**_B, "managed_by": None}],
        [
            "data_sources[2].managed_by (điểm a khoản 1 Điều 12, điểm b khoản 1 Điều 12): "
            "nguồn dữ liệu thứ 2 «B»"
        ],
    ),
]


@pytest.mark.parametrize(("sources", "shown"), UNDETERMINED_ROUTES)
def test_an_undetermined_route_names_the_source_items_lacking_a_fact(
    sources: list[dict[str, object]], shown: list[str]
) -> None:
    from sandbox_rules.report import render_routing

    r = route({"applicant": {"kind": "organisation"}, "data_sources": sources})
    assert r.status == "undetermined"
    text = render_routing(r)
    for words in shown:
        assert words in text, text
    assert "data_sources[]." not in text  # never the field of no item in particular
    assert not re.search(r"^Điều khoản áp dụng:\s*$", text, re.M)  # no empty line of clauses
    en = render_routing(r, "en")
    assert "data source " in en and not re.search(r"^Clauses applied:\s*$", en, re.M)


def test_a_determined_route_still_lists_its_clauses() -> None:
    from sandbox_rules.report import render_routing

    r = route({"applicant": {"kind": "organisation"}, "data_sources": [_A, _B]})
    assert r.status == "determined"
    assert re.search(r"^Điều khoản áp dụng: \S", render_routing(r), re.M)
