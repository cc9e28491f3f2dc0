"""The real seed letter (fdl-2014 layout), asserted field by field."""

from __future__ import annotations

import imr_nlp

from conftest import EXAMPLES

SEED = EXAMPLES / "fdl-2014_seed_ceff5b33115f81d6.txt"


def test_seed_decisions_citations_and_rationales(nlp):
    text = SEED.read_text()
    r = imr_nlp.extract(SEED, nlp)
    assert r.layout == "fdl-2014"
    first, second = r.decisions
    assert (first.item, first.decision, first.medically_necessary) == (
        "Acupuncture therapy for cervical region",
        "overturned",
        True,
    )
    assert text[first.item_span[0] : first.item_span[1]] == first.item
    assert [(c.by, c.guideline, c.section, c.pages) for c in first.citations] == [
        ("claims_administrator", "ACOEM", "Acupuncture Treatment Guidelines", [114]),
        (
            "reviewer",
            "MTUS Acupuncture Medical Treatment Guidelines",
            "9792.24.1. Acupuncture Medical Treatment Guideline",
            [8, 9],
        ),
    ]
    assert first.citations[0].text == "MTUS ACOEM Page(s): 114,Acupuncture Treatment Guidelines"
    assert first.rationale.startswith("MTUS treatment guidelines were reviewed")
    assert first.rationale.endswith("is indicated as a medical necessity to the patient at this time.")

    assert (second.item, second.decision) == ("Cervical injection times 2", "overturned")
    assert [(c.by, c.guideline, c.section, c.pages) for c in second.citations] == [
        ("claims_administrator", "MTUS Chronic Pain Medical Treatment Guidelines", None, [46]),
        ("claims_administrator", "AMA Guides", "Radiculopathy", []),
        ("reviewer", "MTUS Chronic Pain Medical Treatment Guidelines", "Epidural steroid injections (ESIs)", [46]),
    ]
    assert "no more than 2 ESI injections" in second.rationale


def test_seed_case_facts(nlp):
    case = imr_nlp.extract(SEED, nlp).case
    assert (case.injury_date, case.age, case.sex, case.occupation) == ("2012-06-27", 46, "male", "massage therapist")
    assert case.reviewer.licensure == ["Utah", "Arkansas"]
    assert case.reviewer.specialty == "Family Practice"
    assert case.case_number is None  # the seed letter is redacted to its body


def test_seed_sections_and_entities(nlp):
    doc = nlp(SEED.read_text())
    assert [s.label_ for s in doc.spans["sections"]] == ["how_made", "case_summary", "decisions"]
    ents = {(s.label_, s.text) for s in doc.spans["ruler"]}
    for want in [
        ("DATE", "6/27/2012"),
        ("DATE", "2013"),
        ("DIAGNOSIS", "chronic cervicalgia"),
        ("DIAGNOSIS", "spasms"),
        ("TREATMENT", "Norco"),
        ("TREATMENT", "Percocet"),
        ("DECISION", "Overturned"),
    ]:
        assert want in ents
    linked = [(s.label_, s.text) for s in doc.spans["linker"]]
    assert ("TREATMENT", "Acupuncture therapy for cervical region") in linked
    assert ("GUIDELINE", "Non-MTUS Citation AMA Guides (Radiculopathy)") in linked
    # "Chronic Pain" inside a guideline's name is not a diagnosis of the patient
    assert ("DIAGNOSIS", "Chronic Pain") not in ents


def test_lexicon_terms_match_across_line_breaks(nlp):
    doc = nlp("diagnosed with carpal \n\ntunnel syndrome; Norco 10/325mg #120 and nerve  conduction\nstudies")
    ents = [(s.label_, s.text) for s in doc.spans["ruler"]]
    assert ("DIAGNOSIS", "carpal \n\ntunnel syndrome") in ents
    assert ("TREATMENT", "Norco 10/325mg #120") in ents
    assert ("TREATMENT", "nerve  conduction\nstudies") in ents
