"""Hostile input: mutated letters never crash the pipeline, never give invalid offsets or records,
and give the same output twice."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import imr_nlp

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
