"""The shipped Hypothesis strategies read each example from one draw of bytes: every choice
must find its byte (none read past the end), and the plainest bytes give the plainest case."""

from __future__ import annotations

import random

import pytest

import sandbox_rules as sr
from sandbox_rules.testing.strategies import (
    _APPLICATION_BYTES,
    _RECORD_BYTES,
    _application,
    _Choices,
    _record,
)

# (decoder, bytes it is given) — the largest example of each, from every byte value at
# every position, must be read within its bytes
DECODERS = [
    (_application, _APPLICATION_BYTES),  # an application: the longest lists, an organisation
    (_record, _RECORD_BYTES),  # a record: six events, each a lengthening adjustment
]


@pytest.mark.parametrize(("decode", "size"), DECODERS)
def test_every_choice_is_read_within_the_bytes_drawn(decode: object, size: int) -> None:
    rng = random.Random(20261201)
    worst = 0
    for data in [bytes([255]) * 400, bytes([200]) * 400] + [
        rng.randbytes(400) for _ in range(3000)
    ]:
        c = _Choices(data)
        decode(c)  # type: ignore[operator]
        worst = max(worst, c._at)
    assert worst <= size


def test_zero_bytes_give_a_complete_eligible_application() -> None:
    # Shrinking moves bytes toward zero: zero must mean the compliant value of every choice.
    app = _application(_Choices(bytes(_APPLICATION_BYTES)))
    a = sr.assess(app)
    assert (a.verdict, a.scope.answer, a.plan.answer) == ("eligible", "within", "complete")
    assert a.missing_facts == ()


def test_the_example_counts_follow_the_run(request: pytest.FixtureRequest) -> None:
    # The quick loop (plain pytest) draws a third of each property's examples, the full run
    # (make test: the slow tests too) all of them; see tests/_examples.py.
    from _examples import examples
    from hypothesis import settings

    quick = request.config.getoption("markexpr", "") == "not slow"
    assert examples(300) == (100 if quick else 300)
    assert examples(60) == (50 if quick else 60) and examples(30) == 30
    assert settings.default.max_examples == (50 if quick else 100)
