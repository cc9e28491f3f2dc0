"""The span rules' boundaries (ANNOTATION.md): modifiers, anatomical sites, counts and
frequencies belong to a mention; severity words, bare generic words and a reviewer's specialty
do not."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from imr_nlp.facts import qualification_ranges
from imr_nlp.linker import letter_outcome
from imr_nlp.patterns import quantity_bounds
from imr_nlp.record import doc_entities


def mentions(nlp, text: str, label: str) -> list[str]:
    return [e.text for e in doc_entities(nlp(text)) if e.label == label]


@pytest.mark.parametrize(
    ("text", "term", "expected"),
    [
        (
            "She had physical therapy x 12 visits for the lumbar spine.",
            "physical therapy",
            "physical therapy x 12 visits",
        ),
        ("She completed 12 sessions of physical therapy.", "physical therapy", "12 sessions of physical therapy"),
        ("Individual psychotherapy, 12 sessions, is requested.", "psychotherapy", "psychotherapy, 12 sessions"),
        ("Physical therapy 2 x 4 for the neck", "Physical therapy", "Physical therapy 2 x 4"),
        (
            "Home health care 4 hours a day for 10 weeks.",
            "Home health care",
            "Home health care 4 hours a day for 10 weeks",
        ),
        ("A TENS unit 30 day trial was denied.", "TENS unit", "TENS unit 30 day trial"),
        ("Hot/cold therapy wrap, purchase", "Hot/cold therapy wrap", "Hot/cold therapy wrap, purchase"),
        ("after therapy, and then", "therapy", "therapy"),
        ("therapy 12", "therapy", "therapy"),
    ],
)
def test_quantity_bounds(text: str, term: str, expected: str) -> None:
    start = text.index(term)
    a, b = quantity_bounds(text, start, start + len(term))
    assert text[a:b] == expected


@given(st.text(max_size=80), st.integers(0, 80), st.integers(0, 80))
def test_quantity_bounds_only_grow_and_stay_in_the_text(text: str, i: int, j: int) -> None:
    start, end = sorted((min(i, len(text)), min(j, len(text))))
    a, b = quantity_bounds(text, start, end)
    assert 0 <= a <= start <= end <= b <= len(text)


def test_qualification_ranges_cover_the_specialty_only() -> None:
    text = "The reviewer is Board Certified in Orthopaedic Surgery and is licensed in California."
    ((a, b),) = qualification_ranges(text)
    assert text[a:b] == "Orthopaedic Surgery"
    text = "Certification(s)/Specialty: Plastic Surgery, Hand Surgery\nCLINICAL CASE SUMMARY"
    assert [text[a:b] for a, b in qualification_ranges(text)] == ["Plastic Surgery, Hand Surgery"]


def test_reviewer_specialty_is_not_a_treatment(rules_nlp) -> None:
    text = "The reviewer is Board Certified in Orthopaedic Surgery. Surgery was requested for the knee."
    (surgery,) = [e for e in doc_entities(rules_nlp(text)) if e.label == "TREATMENT"]
    assert surgery.start == text.index("Surgery was")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He reports burning pain in the right foot.", ["burning pain in the right foot"]),
        ("He reports pain of 7/10 with activity.", []),
        ("There is numbness in the left hand.", ["numbness in the left hand"]),
        ("She has low back pain radiating to the left leg.", ["low back pain radiating to the left leg"]),
        (
            "Exam: tenderness to palpation of the lumbar paraspinal muscles.",
            ["tenderness to palpation of the lumbar paraspinal muscles"],
        ),
        ("He has a sprain of the ligament of the right thumb.", ["sprain of the ligament of the right thumb"]),
        ("There was a positive Spurling's test on the right.", ["positive Spurling's test"]),
        ("She has moderate foraminal stenosis at C5-6.", ["foraminal stenosis at C5-6"]),
        ("He has decreased lumbar flexion.", ["decreased lumbar flexion"]),
    ],
)
def test_diagnosis_boundaries(rules_nlp, text: str, expected: list[str]) -> None:
    assert mentions(rules_nlp, text, "DIAGNOSIS") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A cervical epidural steroid injection C6-7 was denied.", ["cervical epidural steroid injection C6-7"]),
        ("An MRI right shoulder was requested.", ["MRI right shoulder"]),
        ("MRI of the right wrist without contrast", ["MRI of the right wrist without contrast"]),
        (
            "Right shoulder arthroscopy with subacromial decompression",
            ["Right shoulder arthroscopy with subacromial decompression"],
        ),
        ("A lumbar support brace is requested.", ["lumbar support brace"]),
        ("Current medications include Norco and Soma.", ["Norco", "Soma"]),
        ("He has failed back surgery syndrome.", []),
        ("Norco with Soma", ["Norco", "Soma"]),
    ],
)
def test_treatment_boundaries(rules_nlp, text: str, expected: list[str]) -> None:
    assert mentions(rules_nlp, text, "TREATMENT") == expected


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("Final Determination: UPHELD\nThis means", "UPHELD", True),
        ("some of the disputed items or services are medically necessary", "are medically necessary", True),
        (
            "RATIONALE FOR WHY THE REQUESTED TREATMENT/SERVICE IS/WAS NOT MEDICALLY NECESSARY:\n",
            "WAS NOT MEDICALLY NECESSARY",
            True,
        ),
        ("Acupuncture for the neck:  Overturned\n", "Overturned", False),
        ("The request for Norco is not medically necessary.", "is not medically necessary", False),
    ],
)
def test_letter_outcome_is_not_an_item_decision(text: str, word: str, expected: bool) -> None:
    start = text.index(word)
    assert letter_outcome(text, start, start + len(word)) is expected
