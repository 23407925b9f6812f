"""Benchmarks of the output records (issue 10: one definition per record, fast JSON).

1. The mechanism: the real assessment record of a bundled example built and encoded to JSON
   bytes by three candidate definitions — msgspec Structs (what the library uses), pydantic
   models (``model_construct`` + ``model_dump_json``) and pydantic ``TypeAdapter`` over slotted
   dataclasses — and, as a floor, a dict through the standard ``json`` module. The peers must
   produce the same JSON (checked before timing).
2. The pipeline as a system calls it: JSON bytes in -> ``Application.model_validate_json`` ->
   ``sr.assess`` -> JSON bytes out (``to_json_bytes()``), beside validating the input alone.

Rounds interleave the peers (the order rotated round by round); times are CPU time of the
process, not wall time (on a shared machine wall time mostly measures waiting for a core);
figures are medians of per-round ratios with their min-max.
Run: ``make bench`` (or ``python benchmarks/records.py``).
"""

from __future__ import annotations

import dataclasses
import json
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import msgspec  # noqa: E402
import yaml  # noqa: E402
from pydantic import BaseModel, ConfigDict, TypeAdapter  # noqa: E402

import sandbox_rules as sr  # noqa: E402
from sandbox_rules.models import Application  # noqa: E402

ROUNDS = 15
EXAMPLE = ROOT / "examples" / "org-hanoi-one-source.yaml"
UNDETERMINED = ROOT / "examples" / "org-undetermined.yaml"


def _per_call(fn: Callable[[], Any], n: int) -> float:
    t = time.process_time()
    for _ in range(n):
        fn()
    return (time.process_time() - t) / n


def _interleave(fns: dict[str, Callable[[], Any]], n: int) -> dict[str, list[float]]:
    out: dict[str, list[float]] = {k: [] for k in fns}
    names = list(fns)
    for f in fns.values():
        f()
    for r in range(ROUNDS):
        for k in names[r % len(names) :] + names[: r % len(names)]:
            out[k].append(_per_call(fns[k], n))
    return out


def _ratio(a: list[float], b: list[float]) -> str:
    r = [x / y for x, y in zip(a, b, strict=True)]
    return f"{statistics.median(r):.2f}x (min {min(r):.2f}, max {max(r):.2f})"


# -- 1. mechanisms -------------------------------------------------------------------------
class _PFinding(BaseModel):
    model_config = ConfigDict(frozen=True)
    rule_id: str
    topic: str
    part: str
    status: str
    citations: tuple[str, ...]
    missing_facts: tuple[dict[str, Any], ...]
    interpretations: tuple[str, ...]
    citation_vi: str
    citation_en: str
    statement_vi: str
    statement_en: str
    quote_vi: str


class _PAssessment(BaseModel):
    model_config = ConfigDict(frozen=True)
    kind: str
    schema_version: str
    form: str
    verdict: str
    conditions: dict[str, Any]
    scope: dict[str, Any]
    plan: dict[str, Any]
    findings: tuple[_PFinding, ...]
    missing_facts: tuple[dict[str, Any], ...]
    interpretations_used: dict[str, str]
    provenance: dict[str, Any]


@dataclasses.dataclass(frozen=True, slots=True)
class _DFinding:
    rule_id: str
    topic: str
    part: str
    status: str
    citations: tuple[str, ...]
    missing_facts: tuple[dict[str, Any], ...]
    interpretations: tuple[str, ...]
    citation_vi: str
    citation_en: str
    statement_vi: str
    statement_en: str
    quote_vi: str


@dataclasses.dataclass(frozen=True, slots=True)
class _DAssessment:
    kind: str
    schema_version: str
    form: str
    verdict: str
    conditions: dict[str, Any]
    scope: dict[str, Any]
    plan: dict[str, Any]
    findings: tuple[_DFinding, ...]
    missing_facts: tuple[dict[str, Any], ...]
    interpretations_used: dict[str, str]
    provenance: dict[str, Any]


_TA = TypeAdapter(_DAssessment)


def mechanisms() -> None:
    app = sr.load_application(yaml.safe_load(EXAMPLE.read_text(encoding="utf-8")))
    rec = sr.assess(app)
    # The peers are given the record's values with its tuples as tuples (what the fields
    # are), not the JSON-shaped dict of to_dict(), whose lists pydantic would warn about.
    d = msgspec.to_builtins(rec)
    rows = [tuple(f.values()) for f in d["findings"]]
    keys = tuple(d["findings"][0])
    head = {k: v for k, v in d.items() if k != "findings"}

    def with_msgspec() -> bytes:
        fs = tuple(msgspec.structs.replace(f) for f in rec.findings)
        return msgspec.json.encode(msgspec.structs.replace(rec, findings=fs))

    def with_pydantic() -> bytes:
        fs = tuple(_PFinding.model_construct(**dict(zip(keys, r, strict=True))) for r in rows)
        return _PAssessment.model_construct(**head, findings=fs).model_dump_json().encode()

    def with_type_adapter() -> bytes:
        fs = tuple(_DFinding(*r) for r in rows)
        return _TA.dump_json(_DAssessment(**head, findings=fs))

    def with_stdlib_json() -> bytes:
        fs = [dict(zip(keys, r, strict=True)) for r in rows]
        return json.dumps({**head, "findings": fs}, ensure_ascii=False).encode()

    peers = {
        "msgspec Struct": with_msgspec,
        "pydantic model": with_pydantic,
        "TypeAdapter(dataclass)": with_type_adapter,
        "stdlib json (dict)": with_stdlib_json,
    }
    first = json.loads(with_msgspec())
    for name, fn in peers.items():
        assert json.loads(fn()) == first, f"{name} disagrees"
    times = _interleave(peers, 2000)
    print(f"build + encode the assessment record ({len(with_msgspec())} bytes), per call:")
    base = times["msgspec Struct"]
    for name, t in times.items():
        extra = "" if name == "msgspec Struct" else f"  = {_ratio(t, base)} msgspec"
        print(f"  {name:<24} {statistics.median(t) * 1e6:8.1f} us{extra}")


# -- 2. the pipeline -------------------------------------------------------------------------
def pipeline() -> None:
    for path in (EXAMPLE, UNDETERMINED):
        raw = json.dumps(yaml.safe_load(path.read_text(encoding="utf-8")), default=str).encode()

        def validate(raw: bytes = raw) -> Application:
            return Application.model_validate_json(raw)

        def full(raw: bytes = raw) -> bytes:
            return sr.assess(Application.model_validate_json(raw)).to_json_bytes()

        def compact(raw: bytes = raw) -> bytes:
            return sr.assess(Application.model_validate_json(raw)).to_json_bytes(form="compact")

        assert json.loads(full())["verdict"] == sr.assess(validate()).verdict
        times = _interleave({"validate": validate, "full": full, "compact": compact}, 2000)
        print(f"\nJSON in -> assess -> JSON out, {path.name}:")
        for name in ("full", "compact"):
            rate = 1 / statistics.median(times[name])
            ratio = statistics.median(
                [x / y for x, y in zip(times[name], times["validate"], strict=True)]
            )
            print(
                f"  {name:<8} {rate:9.0f}/s ({'OK' if rate >= 15_000 else 'MISSED'} >= 15,000/s)"
                f"   = {_ratio(times[name], times['validate'])} the cost of validating the input"
                f" alone ({'OK' if ratio <= 4 else 'MISSED'} <= 4x)"
            )
        print(f"  validate {1 / statistics.median(times['validate']):9.0f}/s")


if __name__ == "__main__":
    mechanisms()
    pipeline()
