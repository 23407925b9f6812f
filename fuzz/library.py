"""Library fuzz: generated malformed inputs over the public Python API (issue 9).

Each input is a call of a documented entry point on data derived from the bundled examples
with one to three mutations (a value replaced by junk of any type or size, a key dropped or
added, a list inflated, text corrupted), or on junk outright. An outcome is a result, a typed
``SandboxRulesError`` or an *untyped* error, counted by the place it escaped from (the
deepest frame in ``sandbox_rules``). Results are also serialised (``to_dict``/``to_json``),
so an odd but valid input that breaks a report is caught too. Typed errors whose message is
longer than ``MAX_MESSAGE`` are counted apart (no message may embed an unbounded repr).

Deterministic for a seed. Run ``python fuzz/library.py --inputs 100000`` (``make fuzz``);
``tests/test_fuzz.py`` runs a short budget of the same generators inside ``make test``.
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
import sys
import time
import traceback
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import sandbox_rules as sr  # noqa: E402
from sandbox_rules.calendar import Days, Months, VietnamCalendar, WorkingDays, Years  # noqa: E402
from sandbox_rules.calendar.periods import period_from_dict  # noqa: E402
from sandbox_rules.catalogues import lookup  # noqa: E402
from sandbox_rules.engine import issuance_dossier  # noqa: E402
from sandbox_rules.errors import SandboxRulesError  # noqa: E402
from sandbox_rules.interpretations import Interpretations  # noqa: E402
from sandbox_rules.io import load_document, parse_document  # noqa: E402
from sandbox_rules.schema import json_schema  # noqa: E402

#: Longest acceptable error message (characters).
MAX_MESSAGE = 1_000
#: A call slower than this is reported (a figure, not a test: speed lives in benchmarks).
SLOW_SECONDS = 1.0

Call = tuple[str, Callable[[], Any]]


class _BadRepr:
    def __repr__(self) -> str:
        raise RuntimeError("broken __repr__")


def _deep(depth: int, leaf: Any = 1) -> Any:
    out: Any = leaf
    for i in range(depth):
        out = [out] if i % 2 else {"x": out}
    return out


DEEP = (_deep(50), _deep(500), _deep(5_000))  # built once: shared, never mutated


def _gen() -> Iterator[int]:
    yield from (1, 2)


ATOMS: tuple[Any, ...] = (
    None, True, False, 0, 1, -1, 7, 24, 25, 10**5, 10**6, 10**9, 10**18, -(10**6), 2**63,
    1.5, -0.5, float("nan"), float("inf"), 12.0, Decimal("1.5"), 1j,
    "", " ", "x", "yes", "true", "1", "null", "2026-01-01", "2026-13-45", "9999-12-31",
    "0001-01-01", "2026-01-01T10:00", "2026-01-01 10:00:00+07:00", "20260101", "2026-W01-1",
    "HNI", "Hà Nội", "organisation", "individual", "issuance", "12.3.b", "Điều 12 khoản 3",
    "\x00", "\ud800", "a" * 10_000, "1" * 5_000, "Điều " + "9" * 5_000, "{x}", "%s",
    date(2026, 1, 1), date(2026, 5, 4), date(1, 1, 1), date(9999, 12, 31), date(2018, 12, 31),
    datetime(2026, 1, 1, 12), datetime(2026, 1, 1, tzinfo=UTC), timedelta(days=1),
    b"bytes", bytearray(b"x"), (), (1, 2), frozenset({1}), {1, 2},
)  # fmt: skip

KEYS: tuple[Any, ...] = ("x", "", "kind", "date", "type", "n", "unit", 1, None, (1, 2), True)


def junk(rng: random.Random, depth: int = 0) -> Any:
    """A value of any type or size, rarely a valid one."""
    r = rng.random()
    if r < 0.55 or depth > 2:
        return rng.choice(ATOMS)
    if r < 0.65:
        return [junk(rng, depth + 1) for _ in range(rng.randint(0, 4))]
    if r < 0.75:
        return {rng.choice(KEYS): junk(rng, depth + 1) for _ in range(rng.randint(0, 3))}
    if r < 0.80:
        return rng.choice(DEEP)
    if r < 0.84:
        return [rng.choice(ATOMS)] * rng.choice((1_000, 100_000))
    if r < 0.88:
        return iter([junk(rng, depth + 1) for _ in range(rng.randint(0, 3))])
    if r < 0.91:
        return _gen()
    if r < 0.94:
        return _BadRepr()
    if r < 0.97:
        return object()
    return WorkingDays(rng.choice((0, 3, 10**6)))


# -- valid bases, from the bundled examples ----------------------------------------------
def _examples() -> tuple[list[Any], list[Any], list[Any]]:
    apps, scenarios = [], []
    for p in sorted((ROOT / "examples").glob("*.yaml")):
        apps.append(load_document(p))
    for p in sorted((ROOT / "examples" / "scenarios").glob("*.yaml")):
        scenarios.append(load_document(p))
    overrides = [load_document(ROOT / "examples" / "calendar-overrides.toml")]
    return apps, scenarios, overrides


def _plain(value: Any) -> Any:
    """A JSON-able copy (dates as ISO strings), for JSON-text inputs."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, (date, timedelta, Decimal, complex, bytes, bytearray, set, frozenset)):
        return str(value)
    if isinstance(value, date):
        return value.isoformat()
    return value


def _json_text(value: Any) -> str:
    try:
        return json.dumps(value, ensure_ascii=False, default=str)
    except Exception:  # a deep, cyclic or unprintable junk value
        return "[" * 600


def _copy(value: Any, depth: int = 0) -> Any:
    # Copies the part mutations can reach (see _paths); deeper or longer parts are shared.
    if depth > 12:
        return value
    if isinstance(value, dict):
        return {k: _copy(v, depth + 1) for k, v in value.items()}
    if isinstance(value, list):
        return [_copy(v, depth + 1) if i < 50 else v for i, v in enumerate(value)]
    return value


def _paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [prefix]
    if len(prefix) >= 12:
        return out
    if isinstance(value, dict):
        for k, v in value.items():
            out.extend(_paths(v, (*prefix, k)))
    elif isinstance(value, list):
        for i, v in enumerate(value[:50]):
            out.extend(_paths(v, (*prefix, i)))
    return out


def mutate(rng: random.Random, doc: Any, times: int | None = None) -> Any:
    """``doc`` with one to three mutations at random places."""
    doc = _copy(doc)
    for _ in range(times or rng.randint(1, 3)):
        paths = _paths(doc)
        path = rng.choice(paths)
        if not path:
            if rng.random() < 0.2:
                doc = junk(rng)
            continue
        parent = doc
        for k in path[:-1]:
            parent = parent[k]
        last = path[-1]
        op = rng.random()
        if op < 0.6:
            parent[last] = junk(rng)
        elif op < 0.7 and isinstance(parent, dict):
            del parent[last]
        elif op < 0.8 and isinstance(parent, dict):
            parent[rng.choice(KEYS)] = junk(rng)
        elif op < 0.9 and isinstance(parent[last], list):
            parent[last] = parent[last] * rng.choice((2, 50, 300, 300, 2_000))
        else:
            parent[last] = rng.choice((None, [], {}, "", 0))
    return doc


def corrupt_text(rng: random.Random, text: str) -> str:
    """Text with YAML/JSON specials, bytes or bombs spliced in."""
    pieces = ("&a ", "*a", "!!python/object:os.system ", "[", "{", ": ", "- ", "\t", "'", '"',
              "\x00", "<<: *a\n", "%YAML 1.1\n", "---\n", "? ", "\ufeff", "\\u0000", "1e999")  # fmt: skip
    r = rng.random()
    if r < 0.1:
        return "a: &a [x, x, x, x, x, x, x, x]\n" + "".join(
            f"{c}: &{c} [" + ", ".join([f"*{p}"] * 9) + "]\n"
            for p, c in zip("abcdefgh", "bcdefghi", strict=True)
        )
    if r < 0.15:
        return "[" * rng.choice((100, 10_000)) + "]" * rng.choice((0, 100))
    chars = list(text)
    for _ in range(rng.randint(1, 4)):
        i = rng.randrange(len(chars) + 1)
        if rng.random() < 0.5:
            chars.insert(i, rng.choice(pieces))
        elif chars:
            del chars[rng.randrange(len(chars))]
    return "".join(chars)


# -- the calls -----------------------------------------------------------------------------
@dataclass
class Corpus:
    apps: list[Any]
    scenarios: list[Any]
    overrides: list[Any]
    cal: VietnamCalendar = field(default_factory=VietnamCalendar)
    plain_apps: list[Any] = field(default_factory=list)  # JSON-able copies, for JSON text
    plain_records: list[Any] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.plain_apps = [_plain(a) for a in self.apps]
        self.plain_records = [_plain(s.get("record", {})) for s in self.scenarios]


def _date_or_junk(rng: random.Random) -> Any:
    if rng.random() < 0.5:
        return date(2026, 1, 1) + timedelta(days=rng.randint(-3000, 6000))
    return junk(rng)


def _period_or_junk(rng: random.Random) -> Any:
    if rng.random() < 0.6:
        cls = rng.choice((WorkingDays, Days, Months, Years))
        return cls(rng.choice((0, 1, 3, 30, 10**3, 10**5, 10**9)))
    return junk(rng)


def _interp_or_none(rng: random.Random) -> Any:
    r = rng.random()
    if r < 0.6:
        return None
    if r < 0.8:
        return {"consultation-days": rng.choice(("working-days", "calendar-days", "x"))}
    return junk(rng)


def _record(rng: random.Random, c: Corpus) -> Any:
    recs = [s["record"] for s in c.scenarios if "record" in s]
    return mutate(rng, rng.choice(recs)) if rng.random() < 0.9 else junk(rng)


def _serialise(result: Any, form: Any = "full") -> Any:
    """Exercise the output side of a result, as a caller printing it would."""
    if isinstance(result, (list, tuple)):
        for r in result[:3]:
            _serialise(r)
        return result
    to_dict = getattr(result, "to_dict", None)
    if callable(to_dict):
        json.dumps(to_dict(), ensure_ascii=False, default=str)
    to_json = getattr(result, "to_json", None)
    if callable(to_json):
        to_json()
    record = getattr(result, "record", None)
    if callable(record):
        record().to_json(form=form)  # the record's forms: full, compact; anything else refused
    return result


def calls(rng: random.Random, c: Corpus) -> Iterator[Call]:
    """An endless stream of (target, thunk)."""
    law = sr.load_law()
    cal = c.cal
    while True:
        app = mutate(rng, rng.choice(c.apps)) if rng.random() < 0.9 else junk(rng)
        yield "Application.model_validate", lambda a=app: sr.Application.model_validate(a)
        base = rng.choice(c.plain_apps)
        text = (
            _json_text(mutate(rng, base))
            if rng.random() < 0.7
            else corrupt_text(rng, _json_text(base))
        )

        yield (
            "Application.model_validate_json",
            lambda t=text: sr.Application.model_validate_json(t),
        )
        interp = _interp_or_none(rng)
        form = rng.choice(("full", "compact")) if rng.random() < 0.9 else junk(rng)
        yield "assess", lambda a=app, i=interp, f=form: _serialise(sr.assess(a, i), f)
        yield "route", lambda a=app, i=interp: _serialise(sr.route(a, i))
        yield "issuance_dossier", lambda a=app: _serialise(issuance_dossier(a))
        args = (
            rng.choice(("issuance", "reissue", "adjustment", "extension", "conclusion"))
            if rng.random() < 0.8
            else junk(rng),
            rng.choice(("organisation", "individual", None)) if rng.random() < 0.8 else junk(rng),
            rng.choice((["HĐTN01", "plan"], iter(["HĐTN01"]), None))
            if rng.random() < 0.5
            else junk(rng),
        )
        ext = rng.choice((None, True, False)) if rng.random() < 0.8 else junk(rng)
        yield (
            "dossier",
            lambda a=args, e=ext, i=interp: _serialise(
                sr.dossier(*a, requires_extension=e, interpretations=i)
            ),
        )
        rec = _record(rng, c)
        yield "SandboxRecord.model_validate", lambda r=rec: sr.SandboxRecord.model_validate(r)
        rec_text = corrupt_text(rng, _json_text(rng.choice(c.plain_records)))
        yield (
            "SandboxRecord.model_validate_json",
            lambda t=rec_text: sr.SandboxRecord.model_validate_json(t),
        )
        as_of = _date_or_junk(rng) if rng.random() < 0.3 else date(2027, 3, 10)
        yield "lifecycle", lambda r=rec, d=as_of: _serialise(sr.lifecycle(r, d))
        yield "obligations", lambda r=rec, d=as_of: _serialise(sr.obligations(r, d))
        specs = [t for s in c.scenarios for t in (s.get("timelines") or [s.get("timeline")]) if t]
        spec = mutate(rng, rng.choice(specs))
        proc = spec.get("procedure") if isinstance(spec, dict) else junk(rng)
        events = spec.get("events") if isinstance(spec, dict) else junk(rng)
        yield (
            "timeline",
            lambda p=proc, e=events, d=as_of, i=interp: _serialise(
                sr.timeline(p, e, d, interpretations=i)
            ),
        )
        compliance = (
            {"duty.report-quarterly": rng.choice((True, False, None))}
            if rng.random() < 0.3
            else mutate(rng, {"duty.x": True, "duty.other-law": False})
            if rng.random() < 0.5
            else junk(rng)
        )
        actor = rng.choice(("participant", "authority")) if rng.random() < 0.8 else junk(rng)
        yield "duties", lambda m=compliance, a=actor: _serialise(sr.duties(m, a))
        cite_text = (
            corrupt_text(rng, rng.choice(("12.3.b", "Điều 12 khoản 3 điểm b", "Article 9(1)")))
            if rng.random() < 0.6
            else junk(rng)
        )
        yield "Citation.parse", lambda t=cite_text: sr.Citation.parse(t)
        yield "load_law().resolve", lambda t=cite_text: law.resolve(t).text
        cargs = [junk(rng) if rng.random() < 0.4 else v for v in (12, 3, "b", None)]
        yield "Citation()", lambda a=cargs: sr.Citation(*a).vi()
        d1, d2, per = _date_or_junk(rng), _date_or_junk(rng), _period_or_junk(rng)
        yield (
            "calendar.deadline",
            lambda a=d1, p=per: _serialise(cal.deadline(a, p)).explain(rng.choice(("vi", "en"))),
        )
        yield "calendar.is_working_day", lambda a=d1: cal.is_working_day(a)
        yield "calendar.is_provisional", lambda a=d1: cal.is_provisional(a)
        yield (
            "calendar.provisional_years_between",
            lambda a=d1, b=d2: cal.provisional_years_between(a, b),
        )
        yield "calendar.working_days_between", lambda a=d1, b=d2: cal.working_days_between(a, b)
        yield "calendar.next_working_day", lambda a=d1: cal.next_working_day(a)
        yield "calendar.previous_working_day", lambda a=d1: cal.previous_working_day(a)
        yield "calendar.day_info", lambda a=d1: cal.day_info(a)
        yield "calendar.latest_before", lambda a=d1, p=per: cal.latest_before(a, p)
        yield "calendar.window_before", lambda a=d1, p=per: _serialise(cal.window_before(a, p))
        year = rng.choice((2026, 2019, 2041, 1, 10**6)) if rng.random() < 0.5 else junk(rng)
        yield "calendar.days_off", lambda y=year: [x.to_dict() for x in cal.days_off(y)]
        n = rng.choice((0, 3, -1, 10**5, 10**20)) if rng.random() < 0.5 else junk(rng)
        cls = rng.choice((WorkingDays, Days, Months, Years))
        yield "Period()", lambda k=cls, v=n: k(v).vi()
        pdict = mutate(rng, {"unit": rng.choice(("working_days", "days", "months")), "n": 10})
        yield "period_from_dict", lambda p=pdict: period_from_dict(p)
        which = (
            rng.choice(("application", "record", "timeline")) if rng.random() < 0.5 else junk(rng)
        )
        yield "schema.json_schema", lambda w=which: json_schema(w)
        choices = junk(rng)
        yield "Interpretations.of", lambda i=choices: Interpretations.of(i)
        body = junk(rng) if rng.random() < 0.5 else corrupt_text(rng, "Hà Nội")
        yield "catalogues.lookup", lambda x=body: lookup(x)
        fmt = rng.choice(("yaml", "json", "toml"))
        doc_text: str | bytes = corrupt_text(rng, _json_text(rng.choice(c.plain_apps)))
        if rng.random() < 0.2:
            doc_text = doc_text.encode("utf-8", "surrogatepass")[: rng.randint(0, 400)] + bytes(
                [rng.randrange(256)]
            )
        yield "io.parse_document", lambda t=doc_text, f=fmt: parse_document(t, f)
        if rng.random() < 0.15:  # building a calendar costs milliseconds: fewer of these
            ov = mutate(rng, rng.choice(c.overrides))
            ci = {"roll-forward": junk(rng)} if rng.random() < 0.3 else _interp_or_none(rng)
            yield (
                "VietnamCalendar()",
                lambda o=ov, i=ci: VietnamCalendar(overrides=o, interpretations=i),
            )


# -- running --------------------------------------------------------------------------------
@dataclass
class Report:
    inputs: int = 0
    ok: int = 0
    typed: Counter[str] = field(default_factory=Counter)
    untyped: Counter[str] = field(default_factory=Counter)
    examples: dict[str, str] = field(default_factory=dict)
    long_messages: Counter[str] = field(default_factory=Counter)
    slow: Counter[str] = field(default_factory=Counter)
    unraisable: int = 0
    by_target: Counter[str] = field(default_factory=Counter)
    seconds: float = 0.0
    cpu_seconds: float = 0.0

    def lines(self) -> list[str]:
        out = [
            f"library fuzz: {self.inputs} inputs in {self.seconds:.1f} s "
            f"({self.cpu_seconds:.1f} s of CPU) over {len(self.by_target)} entry points",
            f"  results: {self.ok}",
            f"  typed errors: {sum(self.typed.values())} "
            f"({', '.join(f'{k} {v}' for k, v in sorted(self.typed.items()))})",
            f"  untyped errors: {sum(self.untyped.values())}",
        ]
        out += [
            f"    {n:6d}  {site}  e.g. {self.examples[site]}"
            for site, n in self.untyped.most_common()
        ]
        out.append(f"  messages over {MAX_MESSAGE} characters: {sum(self.long_messages.values())}")
        out += [f"    {n:6d}  {k}" for k, n in self.long_messages.most_common()]
        out.append(
            f"  unraisable (a fuzz object's __repr__ failing during clean-up): {self.unraisable}"
        )
        out.append(f"  slow calls (over {SLOW_SECONDS} s): {sum(self.slow.values())}")
        out += [f"    {n:6d}  {k}" for k, n in self.slow.most_common()]
        return out

    @property
    def clean(self) -> bool:
        return not self.untyped and not self.long_messages


def _site(exc: BaseException, target: str) -> str:
    frames = traceback.extract_tb(exc.__traceback__)
    inside = [f for f in frames if "sandbox_rules" in f.filename.replace("\\", "/")]
    where = (
        f"{Path(inside[-1].filename).relative_to(ROOT)}:{inside[-1].lineno}" if inside else "(call)"
    )
    return f"{type(exc).__name__} at {where} via {target}"


def run(inputs: int, seed: int = 0) -> Report:
    rng = random.Random(seed)
    apps, scenarios, overrides = _examples()
    corpus = Corpus(apps, scenarios, overrides)
    report = Report()
    start, cpu = time.perf_counter(), time.process_time()
    sys.setrecursionlimit(max(sys.getrecursionlimit(), 1_000))

    def unraisable(_: Any) -> None:  # pydantic-core may repr a junk object during clean-up
        report.unraisable += 1

    previous, sys.unraisablehook = sys.unraisablehook, unraisable
    try:
        _run(report, calls(rng, corpus), inputs)
    finally:
        sys.unraisablehook = previous
    report.seconds = time.perf_counter() - start
    report.cpu_seconds = time.process_time() - cpu
    return report


def _run(report: Report, stream: Iterator[Call], inputs: int) -> None:
    for target, thunk in itertools.islice(stream, inputs):
        report.inputs += 1
        report.by_target[target] += 1
        t0 = time.perf_counter()
        try:
            thunk()
        except SandboxRulesError as exc:
            report.typed[exc.code] += 1
            if len(str(exc)) > MAX_MESSAGE:
                report.long_messages[f"{exc.code} via {target}"] += 1
        except Exception as exc:  # the point: anything else is a hole to close
            site = _site(exc, target)
            report.untyped[site] += 1
            report.examples.setdefault(site, f"{type(exc).__name__}: {str(exc)[:100]}")
        else:
            report.ok += 1
        if time.perf_counter() - t0 > SLOW_SECONDS:
            report.slow[target] += 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--inputs", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    report = run(args.inputs, args.seed)
    print("\n".join(report.lines()))
    return 0 if report.clean else 1


if __name__ == "__main__":
    sys.exit(main())
