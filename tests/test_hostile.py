"""Hostile input: mutated letters never crash the pipeline, never give invalid offsets or records,
and give the same output twice."""

from __future__ import annotations

import os
import re
import signal
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import imr_nlp
from imr_nlp import pipeline
from imr_nlp.budget import BudgetExceeded, time_limit

from conftest import EXAMPLES, GOLD, check_record

LETTERS = [(EXAMPLES / name).read_text() for name in sorted(GOLD)]
HOSTILE_CHARS = st.sampled_from(
    ["\x00", "\u202e", "\u0301", "\ufeff", "\u2028", "\f", "\r", "\t", "\ud7ff", "\U0001f600", ":", "\n\n"]
)


@st.composite
def mutated_letter(draw) -> str:
    text = draw(st.sampled_from(LETTERS))
    for _ in range(draw(st.integers(1, 6))):
        kind = draw(st.sampled_from(["delete", "duplicate", "case", "insert", "header"]))
        a = draw(st.integers(0, len(text)))
        b = min(len(text), a + draw(st.integers(0, 400)))
        if kind == "delete":
            text = text[:a] + text[b:]
        elif kind == "duplicate":
            text = text[:b] + text[a:b] * draw(st.integers(1, 5)) + text[b:]
        elif kind == "case":
            text = text[:a] + (text[a:b].upper() if draw(st.booleans()) else text[a:b].lower()) + text[b:]
        elif kind == "insert":
            text = text[:a] + "".join(draw(st.lists(HOSTILE_CHARS, max_size=8))) + text[a:]
        else:  # damage a heading or a field label
            text = text.replace(
                draw(st.sampled_from(["IMR", "DECISION", "Claims Administrator", "Case Number", "guideline"])), "", 1
            )
    return text


@pytest.mark.parametrize("pipeline", ["rules", "model"])
@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)
@given(text=mutated_letter())
def test_mutated_letters_keep_the_invariants(pipeline, text, nlp, rules_nlp):
    model = nlp if pipeline == "model" else rules_nlp
    record = imr_nlp.extract(text, model).to_dict()
    check_record(text, record)
    assert imr_nlp.extract(text, model).to_dict() == record


def test_time_limit_interrupts_a_runaway_regex_and_restores_the_signal():
    before = signal.getsignal(signal.SIGALRM)
    with pytest.raises(BudgetExceeded):
        with time_limit(0.2):
            re.match(r"(a+)+b", "a" * 64)  # catastrophic backtracking: would run for ages
    assert signal.getsignal(signal.SIGALRM) == before
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)


def _busy_until(seconds: float) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        pass


def test_an_alarm_dropped_in_a_gc_callback_or_del_is_repeated():
    dropped = 0
    with pytest.raises(BudgetExceeded):
        with time_limit(0.1):
            try:
                _busy_until(5)
            except BudgetExceeded:  # as Python does for an exception raised in a __del__ method
                dropped += 1
            _busy_until(5)
    assert dropped == 1
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)


def test_a_block_that_ends_after_its_deadline_fails_even_if_every_alarm_was_dropped():
    with pytest.raises(BudgetExceeded):
        with time_limit(0.1):
            try:
                _busy_until(5)
            except BudgetExceeded:
                pass
    with time_limit(0.5):  # the next block starts afresh
        pass
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)


SLOW = "".join(f"Item {i}: Norco 10/325mg #{i}   Upheld\n" for i in range(10_000))  # seconds of work


@pytest.mark.parametrize("n_process", [1, 2])
def test_letter_over_time_budget_fails_with_timeout_and_batch_goes_on(nlp, n_process):
    letter = LETTERS[0]
    records = list(
        imr_nlp.extract_many(
            [letter + SLOW, letter, letter + SLOW, letter],
            nlp,
            sources=["slow-1", "ok-1", "slow-2", "ok-2"],
            time_budget=0.5,
            max_chars=1_000_000,
            n_process=n_process,
            batch_size=1,
        )
    )
    assert [r.source for r in records] == ["slow-1", "ok-1", "slow-2", "ok-2"]
    assert [r.error.type if r.error else None for r in records] == ["timeout", None, "timeout", None]
    assert "time budget of 0.5 s" in records[0].error.message
    assert records[1].to_dict() == imr_nlp.extract(letter, nlp, source="ok-1").to_dict()


def test_a_dying_worker_costs_error_records_not_the_batch(nlp, monkeypatch):
    real = pipeline._extract_one

    def crash_on_marker(nlp, item, source, limits):
        if "CRASH-THIS-WORKER" in str(item):
            os._exit(1)  # a worker killed for memory, or a segfault in native code
        return real(nlp, item, source, limits)

    monkeypatch.setattr(pipeline, "_extract_one", crash_on_marker)  # forked workers inherit it
    inputs = ["CRASH-THIS-WORKER"] + [LETTERS[1]] * 12
    records = list(imr_nlp.extract_many(inputs, nlp, n_process=2, batch_size=1))
    assert len(records) == len(inputs)
    assert records[0].error.type == "worker_died"
    assert all(r.error is None or r.error.type == "worker_died" for r in records)
    assert all(r.error is None and r.decisions for r in records[-4:])  # a new pool took over
