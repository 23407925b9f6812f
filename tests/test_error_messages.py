"""Every error the library raises says its message in Vietnamese and in English (issue 12,
"Vietnamese first"): a key of the message tables, never an English-only text.

Two checks: one reads the code (every error built goes through ``from_key`` or a constructor
that localises), the other runs real bad inputs through the public entry points and reads the
Vietnamese message they give (no English word in it, as test_i18n reads the reports)."""

from __future__ import annotations

import ast
import functools
import inspect
import pickle
import re
import textwrap
from collections.abc import Callable, Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any

import _source
import pytest
from test_i18n import CODES, ISO, english_words

import sandbox_rules as sr
from sandbox_rules.errors import (
    ErrorRecord,
    InputValidationError,
    SandboxRulesError,
    error_classes,
)
from sandbox_rules.i18n import messages

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "sandbox_rules"
KEY_LIKE = re.compile(r"[a-z_]+(\.[a-z0-9_]+)+")


# -- the code: every error is built from a key of the tables -----------------------------------
def _all_error_classes() -> dict[str, type[SandboxRulesError]]:
    """Every SandboxRulesError subclass of the package, by name (every module imported, so a
    class added in a surface counts too)."""
    import importlib
    import pkgutil

    for info in pkgutil.walk_packages(sr.__path__, "sandbox_rules."):
        importlib.import_module(info.name)
    classes = {cls.__name__: cls for cls in error_classes()}
    assert len(classes) == len(error_classes())  # names are unique: a call names one class
    return classes


def _function_ast(fn: Callable[..., Any]) -> ast.FunctionDef:
    node = ast.parse(textwrap.dedent(inspect.getsource(fn))).body[0]
    assert isinstance(node, ast.FunctionDef)
    return node


def _calls_localise(fn: Callable[..., Any], *, anywhere: bool) -> bool:
    """``fn`` calls ``_localise``: as a statement of its body (every call of it localises)
    or, with ``anywhere``, somewhere in it (a factory: from_key, ModelValidationError.of)."""
    node = _function_ast(fn)
    nodes = ast.walk(node) if anywhere else (s.value for s in node.body if isinstance(s, ast.Expr))
    return any(
        isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute) and n.func.attr == "_localise"
        for n in nodes
    )


def _init_of(cls: type) -> Callable[..., Any]:
    return next(k.__dict__["__init__"] for k in cls.__mro__ if "__init__" in k.__dict__)  # type: ignore[no-any-return]


def _takes_a_message(cls: type) -> bool:
    """The class is built from a message text (the constructors from_key calls)."""
    return _init_of(cls) in (SandboxRulesError.__init__, InputValidationError.__init__)


def _localising(cls: type) -> bool:
    init = _init_of(cls)
    return init.__module__.startswith("sandbox_rules") and _calls_localise(init, anywhere=False)


def _error_calls() -> Iterator[tuple[str, int, str, str | None, ast.Call]]:
    """(file, line, class, factory method or None, the call) for every call that builds an
    error of the package: ``Class(...)`` or ``Class.method(...)``."""
    classes = _all_error_classes()
    for path, _ in _source.modules():
        where = str(path.relative_to(ROOT))
        for node in _source.nodes(path):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            if isinstance(func, ast.Name) and func.id in classes:
                yield where, node.lineno, func.id, None, node
            elif isinstance(func, ast.Attribute):
                owner = func.value
                name = owner.id if isinstance(owner, ast.Name) else None
                name = owner.attr if isinstance(owner, ast.Attribute) else name
                if name in classes:
                    yield where, node.lineno, name, func.attr, node
                elif func.attr in classes:  # errors.UnknownRuleError(...)
                    yield where, node.lineno, func.attr, None, node


# Errors built another way on purpose, with the reason (none at present: each new one needs
# one here, and a reviewer's eye).
DELIBERATE: dict[tuple[str, str], str] = {}


def test_every_error_is_built_from_a_key_of_the_tables() -> None:
    """Every error the package builds goes through ``Class.from_key(key, ...)`` (a class
    built from its message), another factory that localises, or a constructor that localises
    (one taking codes: UnknownRuleError, InvalidTransitionError, InputFileError, HttpError
    ...); never a message text written at the call."""
    classes = _all_error_classes()
    vi, en = messages("vi"), messages("en")
    seen, bad, keys = 0, [], set()
    for where, line, name, method, call in _error_calls():
        cls = classes[name]
        seen += 1
        if (where, name) in DELIBERATE:
            continue
        if method is None:
            ok = _localising(cls)
            why = f"{name}(...) does not localise: use {name}.from_key(key, ...)"
        elif method == "from_key":
            ok = _takes_a_message(cls)
            why = f"{name} is built from codes, not a message: call {name}(...) itself"
        else:
            factory = getattr(cls, method, None)
            ok = callable(factory) and _calls_localise(factory, anywhere=True)
            why = f"{name}.{method}(...) does not localise"
        if not ok:
            bad.append(f"{where}:{line}: {why}")
        # The keys at the call are in both tables (a typo would show the key itself).
        values = [*call.args, *(k.value for k in call.keywords)]
        for arg in values:
            text = arg.value if isinstance(arg, ast.Constant) else None
            if isinstance(text, str) and KEY_LIKE.fullmatch(text):
                keys.add(text)
                if text not in vi or text not in en:
                    bad.append(f"{where}:{line}: key {text} is not in both tables")
    assert seen > 250  # the scan finds the raise sites
    assert len(keys) > 150
    assert not bad, "\n".join(bad)


def test_the_check_tells_localising_constructors_apart() -> None:
    """The static check's own premises: which constructors localise, which take a message."""
    from sandbox_rules.errors import (
        CitationSyntaxError,
        EventOrderError,
        InputFileError,
        InvalidTransitionError,
        OutputPathError,
        UnknownRuleError,
    )
    from sandbox_rules.surfaces.server.errors import NotFoundError

    for cls in (
        UnknownRuleError,
        InvalidTransitionError,
        EventOrderError,
        InputFileError,
        OutputPathError,
        CitationSyntaxError,
        NotFoundError,
    ):
        assert _localising(cls) and not _takes_a_message(cls), cls
    from sandbox_rules.errors import CalendarDataError

    for cls in (SandboxRulesError, InputValidationError, CalendarDataError):
        assert _takes_a_message(cls) and not _localising(cls), cls


# Raises of Python's own exceptions that stay, with why none reaches a caller of the library
# as a bare ValueError/TypeError/KeyError (docs/errors.md).
PYTHON_ERRORS = {
    ("sandbox_rules/_keys.py", "value_key", "TypeError"): "caught by the caches that key "
    "inputs (engine, lifecycle, obligations): a value that cannot be a key is computed afresh",
    ("sandbox_rules/_record.py", "__init__", "TypeError"): "a call with the wrong arguments "
    "to a record's constructor, as for any Python function (the library builds them itself)",
    ("sandbox_rules/calendar/core.py", "_json_default", "TypeError"): "json.dumps's protocol "
    "for default=; caught where overrides are read and reported as calendar_data",
    ("sandbox_rules/engine.py", "_source", "TypeError"): "caught by the kept routings: a "
    "routing of unvalidated flags is computed afresh",
    ("sandbox_rules/_validation.py", "_word_flag", "ValueError"): "pydantic's protocol for a "
    "validator inside the yes/no union, which reports its own bool_type error in its place",
    ("sandbox_rules/procedures.py", "_parse_events", "ValueError"): "caught three lines "
    "below and reported as the keyed error.event_not_date",
}


def test_python_errors_are_raised_only_where_they_are_caught_or_are_the_language_s() -> None:
    found = set()
    for path, _ in _source.modules():
        for fn in _source.nodes(path):
            if not isinstance(fn, ast.FunctionDef | ast.AsyncFunctionDef):
                continue
            for node in ast.walk(fn):
                exc = node.exc if isinstance(node, ast.Raise) else None
                name = (
                    exc.func.id
                    if isinstance(exc, ast.Call) and isinstance(exc.func, ast.Name)
                    else None
                )
                if name in ("ValueError", "TypeError", "KeyError"):
                    found.add((str(path.relative_to(ROOT)), fn.name, name))
    assert found == set(PYTHON_ERRORS), sorted(found ^ set(PYTHON_ERRORS))


def test_an_error_pickles_with_its_key() -> None:
    """A worker process can hand an error back whole: its key, fields and both messages."""
    from sandbox_rules.lifecycle import load_record

    errors: list[SandboxRulesError] = []
    for bad in (
        lambda: sr.WorkingDays(-1),
        lambda: sr.VietnamCalendar().days_off(1900),
        lambda: load_record({"events": [{"type": "x", "date": "2026-01-01"}]}),
    ):
        with pytest.raises(SandboxRulesError) as info:
            bad()
        errors.append(info.value)
    for error in errors:
        back = pickle.loads(pickle.dumps(error))
        assert (back.code, back.key, back.message) == (error.code, error.key, error.message)
        assert back.message_in("vi") == error.message_in("vi")


# -- real bad inputs: the Vietnamese message says it all in Vietnamese ------------------------
def _overrides(tmp: Path, text: str) -> Path:
    path = tmp / "overrides.toml"
    path.write_text(text, encoding="utf-8")
    return path


@functools.cache
def _calendar() -> Any:
    return sr.VietnamCalendar()


def _bad_inputs(tmp: Path) -> dict[str, Callable[[], Any]]:
    from sandbox_rules.calendar import Days, Months, WorkingDays
    from sandbox_rules.calendar.periods import period_from_dict
    from sandbox_rules.duties import duties
    from sandbox_rules.expr import from_dict
    from sandbox_rules.interpretations import Interpretations
    from sandbox_rules.io import load_document, parse_document
    from sandbox_rules.law.citation import Citation
    from sandbox_rules.law.text import load_law
    from sandbox_rules.lifecycle import apply_event, lifecycle, load_record
    from sandbox_rules.procedures import timeline
    from sandbox_rules.rules import registry
    from sandbox_rules.schema import json_schema

    cal = _calendar()
    record = {"issued_on": "2026-01-05", "approved_months": 12, "events": []}

    def filed_before_the_decree() -> Any:
        data = load_document(ROOT / "examples" / "org-hanoi-one-source.yaml")
        data.setdefault("submission", {})["submitted_on"] = "2025-01-02"
        return sr.assess(data)

    return {
        "citation syntax": lambda: Citation.parse("Điều mười hai"),
        "citation of no unit": lambda: load_law().resolve("99.1"),
        "a point without a clause": lambda: Citation(12, None, "b"),
        "unknown rule": lambda: registry().get("no.such.rule"),
        "negative period": lambda: WorkingDays(-3),
        "period of a text": lambda: Days("3"),  # type: ignore[arg-type]
        "period unit": lambda: period_from_dict({"unit": "weeks", "n": 2}),
        "date before the calendar": lambda: cal.deadline(date(2010, 1, 4), WorkingDays(3)),
        "deadline past the calendar": lambda: cal.deadline(cal.last_date, Months(6)),
        "year outside": lambda: cal.days_off(1990),
        "a datetime": lambda: cal.is_working_day(datetime(2026, 1, 5, 9, 0)),
        "invalid transition": lambda: apply_event("concluded", "testing_started"),
        "transition of no rule": lambda: apply_event("issued", "party"),
        "testing started twice": lambda: apply_event("active", "testing_started", started=True),
        "event order": lambda: timeline(
            "conclusion-16.3",
            {"dossier_received": "2027-11-10", "completion_requested": "2027-11-03"},
            date(2027, 12, 1),
        ),
        "an answer without its request": lambda: timeline(
            "conclusion-16.3",
            {"dossier_received": "2027-11-03", "completion_received": "2027-11-05"},
            date(2027, 12, 1),
        ),
        "unknown timeline events": lambda: timeline(
            "issuance-12.3",
            {"dossier_complete": "2026-01-05", "party": "2026-01-06"},
            date(2026, 2, 1),
        ),
        "timeline day written dd/mm/yyyy": lambda: timeline(
            "issuance-12.3", {"dossier_complete": "05/01/2026"}, date(2026, 2, 1)
        ),
        "override worked on a weekday": lambda: sr.VietnamCalendar(
            overrides=_overrides(
                tmp,
                '[[documents]]\nid = "X"\n[[days]]\ndate = 2026-03-04\nstatus = "worked"\n'
                'documents = ["X"]\n',
            )
        ),
        "override status": lambda: sr.VietnamCalendar(
            overrides={"days": [{"date": "2026-03-04", "status": "holiday", "documents": []}]}
        ),
        "override file not TOML": lambda: sr.VietnamCalendar(overrides=_overrides(tmp, "= x")),
        "override keys": lambda: sr.VietnamCalendar(overrides={"holidays": []}),
        "record date dd/mm/yyyy": lambda: load_record(
            {**record, "events": [{"type": "testing_started", "date": "05/01/2026"}]}
        ),
        "record event unknown": lambda: load_record(
            {**record, "events": [{"type": "party", "date": "2026-01-06"}]}
        ),
        "record end before start": lambda: load_record({**record, "approved_end": "2025-12-01"}),
        "extension beyond the approved length": lambda: lifecycle(
            load_record(
                {
                    **record,
                    "events": [
                        {"type": "testing_started", "date": "2026-01-10"},
                        {"type": "extension_approved", "date": "2026-12-01", "months": 13},
                    ],
                }
            ),
            date(2027, 2, 1),
        ),
        "unknown interpretation": lambda: Interpretations.of({"no-such-reading": "x"}),
        "interpretation option": lambda: Interpretations.of({"clock-stop-scope": "bogus"}),
        "calendar interpretation option": lambda: sr.VietnamCalendar(
            interpretations={"roll-forward": "bogus"}
        ),
        "unknown body": lambda: sr.route(
            {"applicant": {"kind": "organisation"}, "data_sources": [{"managed_by": "Da Nag"}]}
        ),
        "no data sources": lambda: sr.route(
            {"applicant": {"kind": "organisation"}, "data_sources": []}
        ),
        "filed before the decree": filed_before_the_decree,
        "dossier procedure": lambda: sr.dossier("permit", "organisation", []),
        "dossier applicant kind": lambda: sr.dossier("issuance", "robot", []),
        "dossier documents": lambda: sr.dossier("issuance", "organisation", "HĐTN01"),
        "duty unknown": lambda: duties({"duty.no-such": True}),
        "duty value": lambda: duties({"duty.other-law": "yes"}),
        "condition op": lambda: from_dict({"op": "nope"}),
        "document directory": lambda: load_document(tmp),
        "document binary": lambda: parse_document(b"\x00\x01", "json"),
        "document not UTF-8": lambda: parse_document(b"\xff\xfe{}", "json"),
        "document YAML alias": lambda: parse_document("a: &x 1\nb: *x\n", "yaml"),
        "schema name": lambda: json_schema("nope"),
        "application JSON type": lambda: sr.Application.model_validate_json(3),
        "application field": lambda: sr.Application.model_validate(
            {"applicant": {"kind": "organization"}}
        ),
    }


BAD = sorted(_bad_inputs(Path("/nonexistent")))


def _check_vietnamese(error: SandboxRulesError, user: set[str]) -> list[str]:
    problems = []
    vi, en = error.message_in("vi"), error.message
    if error.key is None:
        problems.append("no message key")
    if vi == en:
        problems.append(f"the same in both languages: {en}")
    texts = [("message", vi)]
    record = error.record()
    assert isinstance(record, ErrorRecord)
    if record.message_vi != vi or record.message != en or record.key != error.key:
        problems.append("the record does not carry both messages and the key")
    texts += [(f"errors[{i}]", e.msg_vi or "") for i, e in enumerate(record.errors)]
    for i, e in enumerate(record.errors):
        if not e.msg_vi:
            problems.append(f"errors[{i}] has no msg_vi: {e.msg}")
    for where, text in texts:
        bad = english_words(text, user, CODES())
        if bad:
            problems.append(f"{where}: English words {sorted(set(bad))}: {text[:300]}")
        # Days the message reports are dd/mm/yyyy; the form files are written in (ISO) may be
        # shown as an example or as the ISO form of a day written otherwise, quoted.
        told = re.sub(r"«[^»]*»|'[^']*'|ví dụ \S+", " ", text)
        if ISO.findall(told):
            problems.append(f"{where}: ISO dates {ISO.findall(told)}: {text[:300]}")
    return problems


@pytest.mark.parametrize("case", BAD)
def test_a_bad_input_is_refused_in_vietnamese(case: str, tmp_path: Path) -> None:
    with pytest.raises(SandboxRulesError) as info:
        _bad_inputs(tmp_path)[case]()
    # The words of the inputs are the user's (quoted in the messages, mostly).
    user = {"organization", "robot", "permit", "nope", "party", "bogus", "holidays"}
    problems = _check_vietnamese(info.value, user)
    assert not problems, (info.value.code, problems)


def test_dates_in_vietnamese_messages_are_dd_mm_yyyy(tmp_path: Path) -> None:
    with pytest.raises(SandboxRulesError) as info:
        _bad_inputs(tmp_path)["override worked on a weekday"]()
    assert "04/03/2026" in info.value.message_in("vi") and "thứ Tư" in info.value.message_in("vi")
    assert "2026-03-04" in info.value.message and "Wednesday" in info.value.message


def test_the_english_messages_tests_and_docs_name_are_kept() -> None:
    from sandbox_rules.lifecycle import apply_event
    from sandbox_rules.rules import registry

    with pytest.raises(SandboxRulesError) as info:
        registry().get("no.such.rule")
    assert info.value.message == "no rule with id 'no.such.rule'"
    with pytest.raises(SandboxRulesError) as info:
        apply_event("concluded", "testing_started")
    assert info.value.message.startswith("event 'testing_started' is not allowed in state")
    assert "chỉ" not in info.value.message


# -- the command line: the record's fields with their lines, in Vietnamese ---------------------
def test_a_bad_record_date_is_a_field_error_with_its_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A record's day written dd/mm/yyyy is told like an application's: the field in the
    text's terms, its line in the file, the ISO form suggested (before, pydantic's English)."""
    from sandbox_rules.cli import main

    text = (ROOT / "examples" / "scenarios" / "conclusion.yaml").read_text(encoding="utf-8")
    bad = text.replace(
        "{type: quarterly_report_submitted, date: 2026-01-05}",
        "{type: quarterly_report_submitted, date: 05/01/2026}",
    )
    assert bad != text
    line = next(i for i, x in enumerate(bad.splitlines(), start=1) if "05/01/2026" in x)
    f = tmp_path / "s.yaml"
    f.write_text(bad, encoding="utf-8")
    assert main(["lifecycle", str(f)]) == 1
    err = capsys.readouterr().err
    assert f"dòng {line}" in err and "«2026-01-05»" in err, err
    assert not english_words(err.replace(str(f), "f"), {"quarterly"}, CODES()), err
    assert main(["lifecycle", str(f), "--json"]) == 1
    import json

    record = json.loads(capsys.readouterr().out)["error"]
    (field,) = record["errors"]
    assert field["line"] == line and field["loc"] == ["record", "events", 1, "date"]
    assert field["msg"].startswith("«05/01/2026» is not a valid date")  # English for programs
    assert field["msg_vi"].startswith("«05/01/2026» không phải là ngày hợp lệ")
    assert record["message"].startswith(f"{f}: invalid sandbox record (1 error)")
    assert record["message_vi"].startswith(f"{f}: hồ sơ theo dõi thử nghiệm không hợp lệ")


# -- the HTTP service's own errors, in-process (the real server: tests/test_server.py) --------
@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    """The application in-process (Starlette's test client), one for the module."""
    pytest.importorskip("starlette")
    import warnings

    from sandbox_rules.surfaces.server.app import Settings, create_app

    with warnings.catch_warnings():  # Starlette's note that httpx2 is to replace httpx
        warnings.simplefilter("ignore")
        from starlette.testclient import TestClient

    app = create_app(Settings(max_body_bytes=64))
    with TestClient(app, raise_server_exceptions=False) as c:
        yield c


SERVICE = [
    ("GET", "/asess", {}, b"", 404),
    ("DELETE", "/assess", {}, b"", 405),
    (
        "POST",
        "/assess",
        {"content-type": "application/json"},
        b"[" * 10 + b"1" + b"]" * 10 + b" " * 64,
        413,
    ),
    ("POST", "/assess", {}, b"{}", 415),
    ("POST", "/assess", {"content-type": "application/json; charset=latin-1"}, b"{}", 415),
    ("POST", "/assess", {"content-type": "application/json"}, b"{not json", 400),
    ("POST", "/assess", {"content-type": "application/json"}, b"", 400),
    ("GET", "/rules?kind=rout", {}, b"", 422),
    ("GET", "/rules?sort=id", {}, b"", 422),
    ("GET", "/rules?lang=fr", {}, b"", 422),
    ("GET", "/calendar/20x6", {}, b"", 422),
    ("GET", "/calendar/1990", {}, b"", 422),
    ("GET", "/schemas/nope", {}, b"", 422),
    ("POST", "/deadline", {"content-type": "application/json"}, b'{"evnt": 1}', 422),
]


@pytest.mark.parametrize(("method", "path", "headers", "body", "status"), SERVICE)
def test_the_service_s_errors_carry_both_languages(
    client: Any, method: str, path: str, headers: dict[str, str], body: bytes, status: int
) -> None:
    resp = client.request(method, path, headers=headers, content=body)
    assert resp.status_code == status, resp.text
    error = resp.json()["error"]
    assert error["key"] and error["message"] and error["message_vi"] != error["message"]
    texts = [error["message_vi"], *(e.get("msg_vi") or "" for e in error.get("errors", ()))]
    assert all(e.get("msg_vi") for e in error.get("errors", ())), error
    given = {"asess", "rout", "sort", "fr", "nope", "evnt", "latin"}
    for text in texts:
        bad = english_words(text, given, CODES() | _request_fields())
        assert not bad, (bad, text)


def _request_fields() -> set[str]:
    """The field names of the service's own request bodies: codes, as the inputs' are."""
    from sandbox_rules.surfaces.server.operations import REQUESTS

    return {name for model in REQUESTS for name in model.model_fields}
