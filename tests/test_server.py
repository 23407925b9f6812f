"""The HTTP service against a real `sandbox-rules serve` process (2 workers) on 127.0.0.1,
called with a real HTTP client: every endpoint on every bundled example gives what the Python
API gives for the same input; bad requests get their documented status and the one envelope."""

from __future__ import annotations

import json
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml
from server_process import httpx, serve
from test_i18n import _VI_LETTER as VI_LETTER

import sandbox_rules as sr
from sandbox_rules.calendar import Days, Months, VietnamCalendar, WorkingDays, Years
from sandbox_rules.duties import duties
from sandbox_rules.errors import SandboxRulesError
from sandbox_rules.lifecycle import lifecycle, load_record
from sandbox_rules.obligations import obligations
from sandbox_rules.report import (
    render_assessment,
    render_dossier,
    render_lifecycle,
    render_routing,
    render_timeline,
)
from sandbox_rules.surfaces.ics import obligations_ics
from sandbox_rules.time_records import Timelines

# one worker runs this module, so its module-scoped server starts once
pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("server")]

ROOT = Path(__file__).resolve().parents[1]
APPLICATIONS = sorted(
    p for p in (ROOT / "examples").glob("*.yaml") if "applicant" in yaml.safe_load(p.read_text())
)
SCENARIOS = sorted((ROOT / "examples" / "scenarios").glob("*.yaml"))
JSON_HEADERS = {"content-type": "application/json"}


def load(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def as_json(data: Any) -> Any:
    """What a record looks like after a trip through JSON (dates as ISO strings)."""
    if hasattr(data, "to_dict"):
        data = data.to_dict()
    return json.loads(json.dumps(data, default=str, ensure_ascii=False))


def body(data: Any) -> bytes:
    return json.dumps(data, default=str, ensure_ascii=False).encode()


@pytest.fixture(scope="module")
def url() -> Iterator[str]:
    with serve("--workers", "2") as u:
        yield u


@pytest.fixture(scope="module")
def client(url: str) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=url, timeout=30) as c:
        yield c


def post(client: httpx.Client, path: str, data: Any, **headers: str) -> httpx.Response:
    return client.post(path, content=body(data), headers={**JSON_HEADERS, **headers})


def expect_same(resp: httpx.Response, python: Any) -> None:
    """The server's answer equals the Python API's: the record, or the same typed error."""
    if isinstance(python, SandboxRulesError):
        assert 400 <= resp.status_code < 500, resp.text
        assert resp.json() == {"error": as_json(python.to_dict())}
    else:
        assert resp.status_code == 200, resp.text
        assert resp.headers["content-type"] == "application/json"
        assert resp.json() == as_json(python)


# -- every endpoint on every bundled example ------------------------------------------------
@pytest.mark.parametrize("path", APPLICATIONS, ids=lambda p: p.name)
def test_application_endpoints_equal_python(client: httpx.Client, path: Path) -> None:
    data = load(path)
    app = sr.load_application(data)
    a, r = sr.assess(app), sr.route(app)
    expect_same(post(client, "/assess", data), a.to_dict())
    expect_same(post(client, "/route", data), r.to_dict())
    d = sr.issuance_dossier(app)  # 12.2's documents and Art. 11's plan contents, as the CLI
    expect_same(post(client, "/dossier", {"application": data}), d.to_dict())
    listed = sr.dossier("reissue", app.applicant.kind, app.submission.documents)
    expect_same(post(client, "/dossier", {"application": data, "procedure": "reissue"}), listed)
    # The text reports, by the lang parameter and by Accept-Language.
    for lang in ("vi", "en"):
        text = post(client, f"/assess?lang={lang}&all=true", data, accept="text/plain")
        assert text.status_code == 200
        assert text.headers["content-type"] == "text/plain; charset=utf-8"
        assert text.text == render_assessment(a, lang, show_all=True)
        routed = post(client, "/route", data, accept="text/plain", **{"accept-language": lang})
        assert routed.headers["content-language"] == lang
        assert routed.text == render_routing(r, lang)
        checked = post(client, f"/dossier?lang={lang}", {"application": data}, accept="text/plain")
        assert checked.text == render_dossier(d, lang)


def test_batch_lines_equal_python(client: httpx.Client) -> None:
    """POST /batch/assess: one record per line, and a line that fails says so and the batch
    goes on (as `sandbox-rules batch assess`)."""
    datas = [load(p) for p in APPLICATIONS]
    lines = [body(d) for d in datas] + [b"{not json", b'{"applicant": 3}', b""]
    resp = client.post(
        "/batch/assess?form=compact",
        content=b"\n".join(lines) + b"\n",
        headers={"content-type": "application/x-ndjson"},
    )
    assert resp.status_code == 200
    assert resp.headers["content-type"] == "application/x-ndjson"
    answered = resp.text.split("\n")
    assert answered.pop() == ""  # the answer ends with a newline, as the body does
    assert len(answered) == len(lines)  # line N out answers line N in
    assert answered.pop() == ""  # the blank line, answered by a blank line
    out = [json.loads(line) for line in answered]
    for got, data in zip(out, datas, strict=False):
        assert got == as_json(sr.assess(sr.load_application(data)).to_dict(form="compact"))
    assert out[-2]["line"] == len(datas) + 1
    assert out[-2]["error"]["code"] == "document_format"  # not JSON: cannot be read
    assert out[-1]["line"] == len(datas) + 2
    assert out[-1]["error"]["errors"][0]["field"] == "applicant"
    import jsonschema

    from sandbox_rules.schema import json_schema

    for failed in out[-2:]:  # a failed line is a record with a published schema too
        jsonschema.validate(failed, json_schema("batch-error"))
        assert failed["kind"] == "batch_error"
    scenarios = [load(p) for p in SCENARIOS if "record" in load(p)]
    resp = client.post(
        "/batch/obligations",
        content=b"\n".join(body(d) for d in scenarios),
        headers={"content-type": "application/jsonl"},
    )
    records = [load_record(d["record"]) for d in scenarios]
    assert [json.loads(x) for x in resp.text.splitlines()] == [
        as_json(obligations(r, d["as_of"]).to_dict())
        for r, d in zip(records, scenarios, strict=True)
    ]


def test_dossier_checklist_example(client: httpx.Client) -> None:
    data = load(ROOT / "examples" / "adjustment-dossier.yaml")
    expected = sr.dossier(
        "adjustment",
        data["applicant_kind"],
        data["documents"],
        requires_extension=data["requires_extension"],
    )
    expect_same(post(client, "/dossier", {"procedure": "adjustment", **data}), expected.to_dict())


@pytest.mark.parametrize("path", SCENARIOS, ids=lambda p: p.name)
def test_scenario_endpoints_equal_python(client: httpx.Client, path: Path) -> None:
    data = load(path)
    as_of = data["as_of"]
    specs = data.get("timelines") or ([data["timeline"]] if "timeline" in data else [])
    if specs:
        timelines = [sr.timeline(s["procedure"], s.get("events") or {}, as_of) for s in specs]
        for explain in (False, True):
            records = tuple(t.record(explain) for t in timelines)
            expected = Timelines(timelines=records) if len(records) > 1 else records[0]
            resp = post(client, f"/timeline?explain={str(explain).lower()}", data)
            expect_same(resp, expected.to_dict())
            compact = post(client, f"/timeline?explain={str(explain).lower()}&form=compact", data)
            expect_same(compact, expected.to_dict(form="compact"))
        text = post(client, "/timeline?lang=en", data, accept="text/plain")
        assert text.text == "\n\n".join(render_timeline(t, "en", False) for t in timelines)
    else:
        assert post(client, "/timeline", data).json()["error"]["code"] == "input_validation"
    if "record" not in data:
        for route in ("/lifecycle", "/obligations"):
            resp = post(client, route, data)
            assert resp.status_code == 422
            assert resp.json()["error"]["errors"][0]["field"] == "record"
        return
    record = load_record(data["record"])
    status, schedule = lifecycle(record, as_of), obligations(record, as_of)
    duty = (
        duties(data["compliance"], schedule=schedule, interpretations=record.interpretations)
        if "compliance" in data
        else None
    )
    expected = status.record(duty.record() if duty else None).to_dict()
    expect_same(post(client, "/lifecycle", data), expected)
    text = post(client, "/lifecycle", data, accept="text/plain")
    assert text.text == render_lifecycle(status, schedule, duty, "vi")
    expect_same(post(client, "/obligations", data), schedule.to_dict())
    for lang in ("vi", "en"):
        ics = post(client, f"/obligations?lang={lang}", data, accept="text/calendar")
        assert ics.headers["content-type"] == "text/calendar; charset=utf-8"
        assert ics.text == obligations_ics(record, as_of, lang=lang).decode("utf-8")


# Hand-picked from Art. 12-16 and the calendar: (event, unit, n, why).
DEADLINES = [
    ("2026-01-01", "working_days", 3, "the 2026 New Year swap (docs/calendar.md)"),
    ("2026-02-06", "days", 10, "calendar days across Tết: 'Trong thời hạn 10 ngày' (12.3.c)"),
    ("2025-11-03", "months", 24, "'không quá 02 năm' (10.2) as a month period"),
    ("2025-11-03", "years", 1, "'Định kỳ 01 lần/năm' (20.1) as a year period"),
    ("2027-03-04", "working_days", 2, "a provisional year (no official schedule yet)"),
]


@pytest.mark.parametrize(("event", "unit", "n", "why"), DEADLINES)
def test_deadline_equals_python(
    client: httpx.Client, event: str, unit: str, n: int, why: str
) -> None:
    kinds = {"working_days": WorkingDays, "days": Days, "months": Months, "years": Years}
    dl = VietnamCalendar().deadline(date.fromisoformat(event), kinds[unit](n))
    for explain in (False, True):
        req = {"event": event, "period": {"unit": unit, "n": n}, "explain": explain}
        expect_same(post(client, "/deadline", req), dl.to_dict(explain=explain))
    text = post(client, "/deadline", req, accept="text/plain", **{"accept-language": "en"})
    assert text.text == dl.explain("en")


def test_overrides_and_interpretations_come_with_the_request(client: httpx.Client) -> None:
    overrides = _toml(ROOT / "examples" / "calendar-overrides.toml")
    req = {"event": "2027-03-04", "period": {"unit": "working_days", "n": 2}}
    with_overrides = VietnamCalendar(overrides=overrides).deadline(date(2027, 3, 4), WorkingDays(2))
    expect_same(
        post(client, "/deadline", {**req, "overrides": overrides}),
        with_overrides.to_dict(explain=False),
    )
    # ... and nothing is kept: the next request without them gets the bundled calendar.
    plain = VietnamCalendar().deadline(date(2027, 3, 4), WorkingDays(2))
    assert with_overrides.date != plain.date
    expect_same(post(client, "/deadline", req), plain.to_dict(explain=False))
    chosen = {"event-day-excluded": "included"}
    cal = VietnamCalendar(interpretations=chosen)
    expected = cal.deadline(date(2027, 3, 4), WorkingDays(2)).to_dict(explain=False)
    expect_same(post(client, "/deadline", {**req, "interpretations": chosen}), expected)
    year = client.post(
        "/calendar/2027", content=body({"overrides": overrides}), headers=JSON_HEADERS
    )
    assert [d["date"] for d in year.json()["days"]] == [
        d.to_dict()["date"] for d in VietnamCalendar(overrides=overrides).days_off(2027)
    ]


def _toml(path: Path) -> dict[str, Any]:
    import tomllib

    return tomllib.loads(path.read_text(encoding="utf-8"))


# -- the GET endpoints ----------------------------------------------------------------------
@pytest.mark.parametrize("citation", ["12.3.b", "9.1.par2", "Điều 12 khoản 3 điểm b", "22"])
def test_law(client: httpx.Client, citation: str) -> None:
    unit = sr.load_law().resolve(citation)
    got = client.get(f"/law/{citation}").json()
    assert (got["kind"], got["schema_version"]) == ("law_unit", "2.0")
    assert got["citation"] == unit.citation.short
    assert got["text"] == unit.text
    assert got["law_version"] == sr.load_law().version


def test_catalogues(client: httpx.Client) -> None:
    from sandbox_rules.catalogues import catalogue
    from sandbox_rules.coverage import coverage_counts, coverage_table
    from sandbox_rules.interpretations import CATALOGUE
    from sandbox_rules.schema import INPUTS, OUTPUTS, json_schema

    rules = list(sr.registry())
    # Records (schema 2.0): kind and schema_version, the rules in "rules".
    version = {"schema_version": "2.0"}
    assert client.get("/rules").json() == as_json(
        {"kind": "rules", **version, "rules": [r.to_dict() for r in rules]}
    )
    routing = [r.to_dict() for r in rules if r.kind.value == "routing"]
    assert client.get("/rules", params={"kind": "routing"}).json() == as_json(
        {"kind": "rules", **version, "rules": routing}
    )
    rows = coverage_table(sr.registry())
    assert client.get("/coverage").json() == as_json(
        {
            "kind": "coverage",
            **version,
            "counts": coverage_counts(rows),
            "rows": [r.to_dict() for r in rows],
        }
    )
    got = client.get("/catalogue").json()
    assert (got["kind"], got["schema_version"]) == ("catalogue", "2.0")
    assert [b["code"] for b in got["bodies"]] == list(catalogue().bodies)
    interp = client.get("/interpretations").json()
    assert [(i["id"], i["default"]) for i in interp] == [(i.id, i.default) for i in CATALOGUE]
    assert client.get("/schemas").json() == [*INPUTS, *OUTPUTS]
    for name in (*INPUTS, *OUTPUTS):
        assert client.get(f"/schemas/{name}").json() == as_json(json_schema(name))
    cal = VietnamCalendar()
    year = client.get("/calendar/2026").json()
    assert (year["kind"], year["schema_version"], year["year"]) == ("calendar_year", "2.0", 2026)
    assert year["official"] is True
    assert year["days"] == as_json([d.to_dict() for d in cal.days_off(2026)])
    version = client.get("/version").json()
    assert version == {
        "library_version": sr.__version__,
        "law_version": sr.load_law().version,
        "calendar_data_version": cal.data_version,
        # the official table covers 2019-2026 (calendar/data/official.toml, [meta])
        "calendar_official_years": {"first": 2019, "last": 2026},
    }
    assert client.get("/health").json() == {"status": "ok"}


def test_every_cli_operation_has_an_endpoint(client: httpx.Client) -> None:
    """Issue 11: an endpoint for every operation the CLI offers."""
    from sandbox_rules.cli import build_parser

    sub = next(a for a in build_parser()._actions if a.dest == "command")
    # serve is the service itself; report writes a document (HTML/PDF) from the records the
    # assess, route, dossier, timeline, lifecycle and obligations endpoints already return;
    # init, interview and test are the officer's local file tools (write a template, ask at
    # a terminal, run a folder of case files).
    local = {"serve", "report", "init", "interview", "test"}
    commands = set(sub.choices) - local  # type: ignore[arg-type]
    paths = {p.strip("/").split("/")[0] for p in client.get("/openapi.json").json()["paths"]}
    aliases = {"schema": "schemas"}
    assert {aliases.get(c, c) for c in commands} <= paths


# -- errors: status, envelope, never a trace --------------------------------------------------
# (method, path, headers, body, status, code, why). Bodies are bytes exactly as sent.
APP = body(load(ROOT / "examples" / "org-hanoi-one-source.yaml"))
ERRORS = [
    ("POST", "/assess", {}, APP, 415, "unsupported_media_type", "no Content-Type"),
    (
        "POST",
        "/assess",
        {"content-type": "text/plain"},
        APP,
        415,
        "unsupported_media_type",
        "not JSON",
    ),
    (
        "POST",
        "/assess",
        {"content-type": "application/json; charset=latin-1"},
        APP,
        415,
        "unsupported_media_type",
        "JSON in another charset",
    ),
    ("POST", "/assess", JSON_HEADERS, b"{not json", 400, "malformed_body", "broken JSON"),
    ("POST", "/assess", JSON_HEADERS, b"", 400, "malformed_body", "empty body"),
    ("POST", "/assess", JSON_HEADERS, b"\xff\xfe{}", 400, "malformed_body", "not UTF-8"),
    (
        "POST",
        "/assess",
        JSON_HEADERS,
        b'{"applicant": {"kind": "organisation"}, "applicant": {"kind": "individual"}}',
        400,
        "malformed_body",
        "a key given twice: two answers, neither taken (trial 3, F19)",
    ),
    (
        "POST",
        "/assess",
        JSON_HEADERS,
        b'{"applicant": {"kind": "organisation"}, "scope": {"duration_months": NaN}}',
        400,
        "malformed_body",
        "NaN is not JSON",
    ),
    (
        "POST",
        "/assess",
        JSON_HEADERS,
        b"[" * 5000 + b"]" * 5000,
        400,
        "malformed_body",
        "nested past the decoder's depth",
    ),
    (
        "POST",
        "/assess",
        JSON_HEADERS,
        b'{"applicant":' + b'{"a":' * 64 + b"1" + b"}" * 64 + b"}",
        400,
        "malformed_body",
        "65 levels: past the 64 a document may nest (docs/errors.md), as a file",
    ),
    (
        "POST",
        "/assess",
        JSON_HEADERS,
        b'{"applicant":' + b'{"a":' * 63 + b"1" + b"}" * 63 + b"}",
        422,
        "input_validation",
        "64 levels: read, and refused for what it says",
    ),
    (
        "POST",
        "/assess",
        JSON_HEADERS,
        b"[" + b"0," * 200_000 + b"0]",
        422,
        "input_too_large",
        "more values than a document may hold (200,000, docs/errors.md), as a file",
    ),
    ("POST", "/assess", JSON_HEADERS, b"[]", 422, "input_validation", "a list, not an application"),
    (
        "POST",
        "/assess",
        JSON_HEADERS,
        b'{"applicant": {"kind": "robot"}}',
        422,
        "input_validation",
        "an applicant is 'tổ chức' or 'cá nhân' (9.1, 9.2)",
    ),
    (
        "POST",
        "/route",
        JSON_HEADERS,
        APP.replace(b'"data_sources": [', b'"data_sources": [], "x": ['),
        422,
        "input_validation",
        "unknown key in the application",
    ),
    (
        "POST",
        "/deadline",
        JSON_HEADERS,
        b'{"evnt": "2026-01-01", "period": {"unit": "days", "n": 1}}',
        422,
        "input_validation",
        "misspelt key",
    ),
    (
        "POST",
        "/deadline",
        JSON_HEADERS,
        b'{"event": "2026-01-01", "period": {"unit": "days", "n": -1}}',
        422,
        "input_validation",
        "negative period",
    ),
    (
        "POST",
        "/deadline",
        JSON_HEADERS,
        b'{"event": "2099-01-01", "period": {"unit": "days", "n": 1}}',
        422,
        "date_out_of_range",
        "outside the calendar's years",
    ),
    (
        "POST",
        "/deadline",
        JSON_HEADERS,
        b'{"event": "2026-01-01", "period": {"unit": "days", "n": 1}, "interpretations": {"x": "y"}}',
        422,
        "interpretation",
        "an unknown interpretation",
    ),
    (
        "POST",
        "/deadline",
        JSON_HEADERS,
        b'{"event": "2026-01-01", "period": {"unit": "days", "n": 1}, "overrides": {"days": 3}}',
        422,
        "calendar_data",
        "overrides that are not a list of days",
    ),
    (
        "POST",
        "/dossier",
        JSON_HEADERS,
        b'{"procedure": "adjustmen"}',
        422,
        "input_validation",
        "unknown procedure",
    ),
    (
        "POST",
        "/timeline",
        JSON_HEADERS,
        b'{"as_of": "2026-01-01"}',
        422,
        "input_validation",
        "a scenario without a timeline",
    ),
    (
        "POST",
        "/timeline",
        JSON_HEADERS,
        b'{"as_of": "2026-01-01", "timeline": {"procedure": "nope", "events": {}}}',
        422,
        "input_validation",
        "unknown procedure",
    ),
    (
        "POST",
        "/lifecycle",
        JSON_HEADERS,
        b'{"as_of": "2026-01-01"}',
        422,
        "input_validation",
        "a scenario without a record",
    ),
    (
        "POST",
        "/lifecycle",
        JSON_HEADERS,
        b'{"as_of": "2026-01-01", "record": {"approved_months": 36}}',
        422,
        "input_validation",
        "'không quá 02 năm' (10.2): more than 24 months",
    ),
    (
        "POST",
        "/assess",
        JSON_HEADERS,
        APP.replace(b'"submitted_on": "2026-11-23"', b'"submitted_on": "2025-01-02"'),
        422,
        "input_validation",
        "filed before Chapter II was in force: a value the rules cannot use",
    ),
    ("POST", "/assess?form=short", JSON_HEADERS, APP, 422, "input_validation", "unknown form"),
    ("GET", "/law/99.1", {}, None, 404, "unknown_citation", "no Article 99 in Chapter II"),
    ("GET", "/law/khoản", {}, None, 422, "citation_syntax", "not a citation"),
    ("GET", "/calendar/abcd", {}, None, 422, "input_validation", "not a year"),
    ("GET", "/calendar/1900", {}, None, 422, "date_out_of_range", "before the calendar's years"),
    ("GET", "/rules?kind=rout", {}, None, 422, "input_validation", "unknown rule kind"),
    ("GET", "/schemas/asessment", {}, None, 422, "input_validation", "unknown schema"),
    ("GET", "/health?verbose=1", {}, None, 422, "input_validation", "unknown query parameter"),
    ("GET", "/rules?lang=fr", {}, None, 422, "input_validation", "unknown language"),
    ("GET", "/timeline?explain=maybe", {}, None, 405, "method_not_allowed", "GET on a POST route"),
    (
        "POST",
        "/timeline?explain=maybe",
        JSON_HEADERS,
        b"{}",
        422,
        "input_validation",
        "not a boolean",
    ),
    ("GET", "/rules", {"accept": "image/png"}, None, 406, "not_acceptable", "no such media type"),
    (
        "POST",
        "/obligations",
        {**JSON_HEADERS, "accept": "text/plain"},
        b"{}",
        406,
        "not_acceptable",
        "obligations come as JSON or iCalendar",
    ),
    ("GET", "/nope", {}, None, 404, "not_found", "unknown route"),
    (
        "POST",
        "/batch/asess",
        {"content-type": "application/x-ndjson"},
        b"{}",
        422,
        "input_validation",
        "not a batch operation",
    ),
    (
        "POST",
        "/batch/assess",
        JSON_HEADERS,
        b"{}",
        415,
        "unsupported_media_type",
        "a batch is JSON lines",
    ),
    ("DELETE", "/assess", {}, None, 405, "method_not_allowed", "unknown method"),
    ("PUT", "/calendar/2026", JSON_HEADERS, b"{}", 405, "method_not_allowed", "GET and POST only"),
]


@pytest.mark.parametrize(("method", "path", "headers", "data", "status", "code", "why"), ERRORS)
def test_bad_requests_get_the_envelope(
    client: httpx.Client,
    method: str,
    path: str,
    headers: dict[str, str],
    data: bytes | None,
    status: int,
    code: str,
    why: str,
) -> None:
    resp = client.request(method, path, headers=headers, content=data)
    assert resp.status_code == status, resp.text
    assert resp.headers["content-type"] == "application/json"
    envelope = resp.json()
    assert list(envelope) == ["error"]
    assert envelope["error"]["kind"] == "error"  # the library's error record
    assert envelope["error"]["code"] == code
    assert envelope["error"]["message"]
    # Every error says itself in both languages, with the key of its message (issue 12).
    assert envelope["error"]["key"]
    assert envelope["error"]["message_vi"] not in ("", envelope["error"]["message"])
    assert all(e.get("msg_vi") for e in envelope["error"].get("errors", ())), envelope
    assert "Traceback" not in resp.text


def test_error_details(client: httpx.Client) -> None:
    bad = post(client, "/deadline", {"evnt": "2026-01-01", "period": {"unit": "days", "n": 1}})
    errors = {e["field"]: e for e in bad.json()["error"]["errors"]}
    assert errors["evnt"]["suggestion"] == "event"
    assert errors["evnt"]["loc"] == ["evnt"]
    assert errors["event"]["type"] == "missing"  # the missing one is named too
    assert client.get("/asess").json()["error"]["errors"][0]["suggestion"] == "/assess"
    assert client.delete("/assess").headers["allow"] == "POST"
    assert client.get("/rules?kind=rout").json()["error"]["errors"][0]["suggestion"] == "routing"
    # The service's own messages are in both languages whatever the request's: message in
    # English (stable for programs), message_vi in Vietnamese; Content-Language names the
    # request's (Vietnamese by default).
    no_type = {"content": APP}
    vietnamese = client.post("/assess", **no_type)
    assert "phải là" in vietnamese.json()["error"]["message_vi"]
    assert vietnamese.json()["error"]["message"].startswith("Content-Type must be")
    assert vietnamese.headers["content-language"] == "vi"
    english = client.post("/assess", headers={"accept-language": "en-GB,vi;q=0.5"}, **no_type)
    assert english.json()["error"]["message"].startswith("Content-Type must be")
    assert english.json()["error"]["message_vi"] == vietnamese.json()["error"]["message_vi"]
    assert english.headers["content-language"] == "en"


@pytest.mark.parametrize(
    ("method", "path", "headers", "data", "status"),
    [
        ("GET", "/asess", {}, None, 404),
        ("DELETE", "/assess", {}, None, 405),
        ("POST", "/assess", JSON_HEADERS, b" " * (1_048_576 + 1), 413),
        ("POST", "/assess", {}, APP, 415),
        ("POST", "/deadline", JSON_HEADERS, b'{"evnt": "2026-01-01"}', 422),
    ],
)
def test_the_error_envelope_carries_the_vietnamese_message(
    client: httpx.Client,
    method: str,
    path: str,
    headers: dict[str, str],
    data: bytes | None,
    status: int,
) -> None:
    """message_vi is the Vietnamese of the message, the fields' msg_vi theirs (issue 12)."""
    resp = client.request(method, path, headers={**headers, "accept-language": "en"}, content=data)
    assert resp.status_code == status
    error = resp.json()["error"]
    assert VI_LETTER.search(error["message_vi"]), error
    assert error["message"] != error["message_vi"] and error["key"]
    assert all(VI_LETTER.search(e["msg_vi"]) for e in error.get("errors", ())), error


def test_oversized_bodies_are_refused(client: httpx.Client) -> None:
    big = b'{"x": "' + b"a" * (1_048_576 + 10) + b'"}'
    resp = client.post("/assess", content=big, headers=JSON_HEADERS)
    assert resp.status_code == 413
    assert resp.json()["error"]["code"] == "payload_too_large"

    def chunks() -> Iterator[bytes]:  # no Content-Length: counted as it arrives
        for _ in range(20):
            yield b" " * 65_536
        yield b"{}"

    resp = client.post("/assess", content=chunks(), headers=JSON_HEADERS)
    assert resp.status_code == 413
    assert resp.json()["error"]["errors"][0]["field"] == "body"


# -- token, size and time limits set by the environment -------------------------------------
@pytest.fixture(scope="module")
def strict_url() -> Iterator[str]:
    env = {
        "SANDBOX_RULES_TOKEN": "s3cret-token",
        "SANDBOX_RULES_MAX_BODY_BYTES": "1024",
        # Another hash seed and time zone than the main server: answers must not change.
        "PYTHONHASHSEED": "169",
        "TZ": "Asia/Ho_Chi_Minh",
    }
    with serve("--lang", "en", env=env) as u:
        yield u


def test_bearer_token(strict_url: str) -> None:
    with httpx.Client(base_url=strict_url) as c:
        assert c.get("/health").status_code == 200  # probes need no token
        for headers in ({}, {"authorization": "Bearer wrong"}, {"authorization": "s3cret-token"}):
            resp = c.get("/rules", headers=headers)
            assert resp.status_code == 401
            assert resp.json()["error"]["code"] == "unauthorized"
            assert resp.headers["www-authenticate"].startswith("Bearer")
            assert resp.json()["error"]["message"].startswith("a token is required")  # --lang en
        ok = {"authorization": "Bearer s3cret-token"}
        assert c.get("/rules", headers=ok).status_code == 200
        resp = c.post("/assess", content=APP, headers={**ok, **JSON_HEADERS})
        assert resp.status_code == 413  # the example is larger than this server's 1 KiB limit
        small = c.post(
            "/deadline",
            headers={**ok, **JSON_HEADERS},
            content=body({"event": "2026-01-01", "period": {"unit": "working_days", "n": 3}}),
        )
        assert small.json()["date"] == "2026-01-07"
        assert "access-control-allow-origin" not in small.headers  # CORS is off by default


def test_time_limit() -> None:
    # A limit no computation can meet: the answer is the documented 503, not a hang or a 500.
    with serve("--time-limit", "0.000001") as u, httpx.Client(base_url=u) as c:
        resp = c.post("/assess", content=APP, headers=JSON_HEADERS)
        assert resp.status_code == 503
        assert resp.json()["error"]["code"] == "time_limit"
        assert c.get("/health").status_code == 200


def test_cors_when_asked() -> None:
    with serve("--cors-origin", "https://portal.example") as u, httpx.Client(base_url=u) as c:
        pre = c.options(
            "/assess",
            headers={
                "origin": "https://portal.example",
                "access-control-request-method": "POST",
            },
        )
        assert pre.headers["access-control-allow-origin"] == "https://portal.example"
        other = c.get("/rules", headers={"origin": "https://elsewhere.example"})
        assert "access-control-allow-origin" not in other.headers


# -- the OpenAPI document and concurrency ---------------------------------------------------
def test_openapi_document_is_valid_and_identical(client: httpx.Client, strict_url: str) -> None:
    from openapi_spec_validator import validate

    from sandbox_rules.schema import OUTPUTS

    first = client.get("/openapi.json")
    doc = first.json()
    validate(doc)
    assert doc["openapi"] == "3.1.0"
    assert {c.__name__ for c in OUTPUTS.values()} <= set(doc["components"]["schemas"])
    # Every worker, and another server process with other settings, hash seed and time zone,
    # serves the same bytes.
    answers = {client.get("/openapi.json").content for _ in range(20)}
    with httpx.Client(base_url=strict_url) as c:
        answers.add(
            c.get("/openapi.json", headers={"authorization": "Bearer s3cret-token"}).content
        )
    assert answers == {first.content}
    req = body({"event": "2026-02-06", "period": {"unit": "days", "n": 10}, "explain": True})
    here = client.post("/deadline", content=req, headers=JSON_HEADERS)
    with httpx.Client(base_url=strict_url) as c:
        there = c.post(
            "/deadline",
            content=req,
            headers={**JSON_HEADERS, "authorization": "Bearer s3cret-token"},
        )
    assert here.status_code == there.status_code == 200
    assert here.content == there.content
    page = client.get("/docs")
    assert page.headers["content-type"] == "text/html; charset=utf-8"
    assert "<script" not in page.text and "http://" not in page.text.replace("http://127.0.0.1", "")
    for ep in doc["paths"]:
        assert f"<code>{ep}</code>" in page.text


def test_concurrent_clients_get_identical_answers(client: httpx.Client, url: str) -> None:
    """Issue 9 item 7 on the HTTP path: 8 clients at once, mixed inputs, the serial answers."""
    jobs = [("/assess", load(p)) for p in APPLICATIONS] + [
        ("/timeline", load(p)) for p in SCENARIOS
    ]
    serial = {i: post(client, path, data).content for i, (path, data) in enumerate(jobs)}

    def worker(seed: int) -> list[tuple[int, bytes]]:
        order = [(seed * 7 + k) % len(jobs) for k in range(3 * len(jobs))]
        with httpx.Client(base_url=url, timeout=60) as c:
            return [(i, post(c, jobs[i][0], jobs[i][1]).content) for i in order]

    with ThreadPoolExecutor(8) as pool:
        results = [r for batch in pool.map(worker, range(8)) for r in batch]
    assert len(results) == 8 * 3 * len(jobs)
    for i, content in results:
        assert content == serial[i]
