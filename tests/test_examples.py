"""Every shipped example letter, all four layouts: exact decisions, items, pages and case facts."""

from __future__ import annotations

import re

import pytest

import imr_nlp

from conftest import EXAMPLES, GOLD, summary


@pytest.mark.parametrize("name", sorted(GOLD))
def test_example_matches_hand_written_gold(nlp, name):
    record = imr_nlp.extract(EXAMPLES / name, nlp).to_dict()
    assert record["error"] is None
    got = summary(record)
    want = GOLD[name]
    assert got["layout"] == want["layout"]
    assert got["case"] == want["case"]
    assert [(d["item"], d["decision"]) for d in got["decisions"]] == [
        (d["item"], d["decision"]) for d in want["decisions"]
    ]
    assert [d["pages"] for d in got["decisions"]] == [d["pages"] for d in want["decisions"]]
    assert [d["guidelines"] for d in got["decisions"]] == [d["guidelines"] for d in want["decisions"]]


def test_every_example_file_has_gold():
    assert {p.name for p in EXAMPLES.glob("*.txt")} == set(GOLD)


@pytest.mark.parametrize("name", sorted(GOLD))
def test_example_record_validates_and_offsets_point_into_the_text(nlp, name):
    text = (EXAMPLES / name).read_text()
    record = imr_nlp.extract(EXAMPLES / name, nlp).to_dict()
    imr_nlp.validate(record)
    squash = lambda s: re.sub(r"\s+", "", s.replace("-", ""))  # noqa: E731
    for d in record["decisions"]:
        a, b = d["item_span"]
        assert squash(text[a:b]) == squash(d["item"])
        for c in d["citations"]:
            a, b = c["span"]
            assert squash(text[a:b]) == squash(c["text"])
    for e in record["entities"]:
        assert text[e["start"] : e["end"]] == e["text"]
        assert e["text"] == e["text"].strip()
    assert record["warnings"] == []


def test_medically_necessary_follows_decision(nlp):
    for name in GOLD:
        for d in imr_nlp.extract(EXAMPLES / name, nlp).decisions:
            assert d.medically_necessary is (d.decision == "overturned")
