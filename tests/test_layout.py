"""Layout detection: the one-line shortcut agrees with the full heading search."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from imr_nlp.layout import find_headings, may_have_headings
from imr_nlp.textview import build_view

HEADING_WORDS = st.sampled_from(
    "CLINICAL CASE SUMMARY IMR ISSUES, DECISIONS AND RATIONALES DOCUMENTS REVIEWED Final Determination "
    "ISSUE AT DISPUTE: 1. 2) Page 1 of 2 CM14-0012345 Norco pain - \n \t \u2028".split(" ")
)


@given(st.text(max_size=200) | st.lists(HEADING_WORDS, max_size=12).map(" ".join))
def test_no_heading_shortcut_never_hides_a_heading(text: str) -> None:
    if not may_have_headings(text):
        assert find_headings(build_view(text).text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("lumbar radiculopathy", False),
        ("CLINICAL CASE SUMMARY", True),
        ("  1. IMR ISSUES, DECISIONS AND RATIONALES", True),
        ("first line\nsecond line", True),
    ],
)
def test_may_have_headings(text: str, expected: bool) -> None:
    assert may_have_headings(text) is expected
