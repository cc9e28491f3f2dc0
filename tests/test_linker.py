"""The decision linker on letter fragments: item boundaries, decisions and block assignment."""

from __future__ import annotations

import pytest

from imr_nlp.linker import find_statements, link
from imr_nlp.textview import build_view

INTRO = "IMR ISSUES, DECISIONS AND RATIONALES\nThe Final Determination was based on decisions for the disputed items/services set forth below:\n"


def fdl_item(i: int, decision: str) -> str:
    return (
        f"Requested item number {i}, Norco 10/325mg: quantity {10 * i}:  {decision}\n"
        f"Claims Administrator guideline: Decision based on MTUS Chronic Pain Treatment Guidelines\nPage(s): {i}-{i + 2}.\n"
        f"MAXIMUS guideline: Decision based on Non-MTUS Citation ODG Pain Chapter, page {100 + i}.\n"
        f"Decision rationale: Reason number {i} is documented. The request is addressed.\n"
    )


@pytest.mark.parametrize("n", [1, 2, 5, 10])
def test_one_to_ten_items_with_colons_in_their_text(n):
    decisions_in = ["Upheld" if i % 3 else "Overturned" for i in range(1, n + 1)]
    text = INTRO + "".join(fdl_item(i, d) for i, d in zip(range(1, n + 1), decisions_in, strict=True))
    decisions, warnings = link(build_view(text))
    assert warnings == []
    assert [d["item"] for d in decisions] == [
        f"Requested item number {i}, Norco 10/325mg: quantity {10 * i}" for i in range(1, n + 1)
    ]
    assert [d["decision"] for d in decisions] == [d.lower() for d in decisions_in]
    for i, d in enumerate(decisions, 1):
        assert [(c["by"], c["pages"]) for c in d["citations"]] == [
            ("claims_administrator", [i, i + 1, i + 2]),
            ("reviewer", [100 + i]),
        ]
        assert d["rationale"] == f"Reason number {i} is documented. The request is addressed."
        a, b = d["item_span"]
        assert text[a:b] == d["item"]


def test_run_together_lines_still_separate_items():
    text = (
        INTRO + "Norco 10/325mg #120: OverturnedClaims Administrator guideline: Decision based on MTUS Page(s): 76-80."
        "Decision rationale: It is indicated at this time.Cervical injection times 2: UpheldClaims Administrator "
        "guideline: Decision based on MTUS Page(s): 46.\n"
    )
    decisions, _ = link(build_view(text))
    assert [(d["item"], d["decision"], [c["pages"] for c in d["citations"]]) for d in decisions] == [
        ("Norco 10/325mg #120", "overturned", [[76, 77, 78, 79, 80]]),
        ("Cervical injection times 2", "upheld", [[46]]),
    ]


def test_decision_word_on_its_own_line():
    view = build_view(INTRO + "Lumbar MRI:\n\nUpheld\n\nDecision rationale: Not indicated.\n")
    assert [(d["item"], d["decision"]) for d in link(view)[0]] == [("Lumbar MRI", "upheld")]


@pytest.mark.parametrize("furniture", ["Page 2 of 3", "Page 2", "- 2 -", "CM14-0123456", "CM14-0123456 Page 2 of 3"])
def test_page_furniture_run_into_an_item_line_is_not_part_of_the_item(furniture: str):
    view = build_view(
        INTRO + "Lumbar MRI:  Upheld\nDecision rationale: Not indicated at this time.\n"
        f"{furniture} Gabapentin 300mg #90:  Overturned\nDecision rationale: Indicated.\n"
    )
    decided = [(d["item"], d["decision"]) for d in link(view)[0]]
    assert decided == [("Lumbar MRI", "upheld"), ("Gabapentin 300mg #90", "overturned")]


def test_summary_line_is_not_an_item():
    view = build_view(
        "Final Determination: UPHELD\n1. The request for Soma 350mg #60 is not medically necessary and appropriate.\n"
    )
    assert [(d["item"], d["decision"]) for d in link(view)[0]] == [("Soma 350mg #60", "upheld")]


def test_notice_list_without_repeated_items_assigns_blocks_in_order():
    text = (
        "1. MAXIMUS Federal Services, Inc. has determined the request for Soma is not medically necessary and appropriate.\n"
        "2. MAXIMUS Federal Services, Inc. has determined the request for Lyrica is medically necessary and appropriate.\n"
        "INDEPENDENT MEDICAL REVIEW DECISION AND RATIONALE\n"
        "The Claims Administrator based its decision on the Chronic Pain Medical Treatment Guidelines, page 29.\n"
        "The Expert Reviewer based his/her decision on the Chronic Pain Medical Treatment Guidelines, pages 63-66.\n"
        "The Claims Administrator based its decision on the Chronic Pain Medical Treatment Guidelines, pages 16-17.\n"
        "The Expert Reviewer based his/her decision on the Chronic Pain Medical Treatment Guidelines, page 99.\n"
    )
    decisions, _ = link(build_view(text))
    assert [(d["item"], d["decision"]) for d in decisions] == [("Soma", "upheld"), ("Lyrica", "overturned")]
    assert [[c["pages"] for c in d["citations"]] for d in decisions] == [[[29], [63, 64, 65, 66]], [[16, 17], [99]]]


def test_a_numbered_criterion_in_a_rationale_is_no_decision_statement():
    # "2) Initially unresponsive ... . In this case ... The request for X is not ..." (notice-2013_dx): the
    # criterion's number does not start a statement, so the second item keeps its own guidelines
    text = (
        "1) MAXIMUS Federal Services, Inc. has determined the request for a cervical epidural steroid injection is "
        "not medically necessary and appropriate.\n"
        "2) MAXIMUS Federal Services, Inc. has determined the request for Lidoderm 5% patch #30 is not medically "
        "necessary and appropriate.\n"
        "1) Regarding the request for a cervical epidural steroid injection:\n"
        "The Claims Administrator based its decision on the Chronic Pain Medical Treatment Guidelines, page 46.\n"
        "Rationale Used by the Expert Reviewer:\n"
        "The criteria include the following: 1) Radiculopathy must be documented. 2)\n"
        "Initially unresponsive to exercises. In this case there are no radicular findings. The request for a "
        "cervical epidural steroid injection is not medically necessary and appropriate.\n"
        "2) Regarding the request for Lidoderm 5% patch #30:\n"
        "The Claims Administrator based its decision on the Chronic Pain Medical Treatment Guidelines, pages 56-57.\n"
        "Rationale Used by the Expert Reviewer:\n"
        "There is no neuropathic pain. The request for Lidoderm 5% patch #30 is not medically necessary and "
        "appropriate.\n"
    )
    decisions, _ = link(build_view(text))
    assert [d["item"] for d in decisions] == ["cervical epidural steroid injection", "Lidoderm 5% patch #30"]
    assert [[c["pages"] for c in d["citations"]] for d in decisions] == [[[46]], [[56, 57]]]


def test_run_together_necessity_phrase():
    statements = find_statements("1. The request for Lidoderm patch 5% #30 isnotmedically necessary and appropriate.")
    assert [(s.decision, s.key) for s in statements] == [("upheld", "lidodermpatch530")]


def test_numbered_item_run_into_a_sentence_ending_in_an_abbreviation():
    # a re-wrapped notice letter: the case summary's last sentence ends in "ER." on the item's line
    text = (
        "The physician requested an MRI and tramadol ER. 1. Right shoulder subacromial injection is not "
        "medically necessary and appropriate. Guidelines used by the Expert Reviewer: MTUS ACOEM, page 213."
    )
    statements = find_statements(text)
    assert [(text[s.item_start : s.item_end], s.decision) for s in statements] == [
        ("Right shoulder subacromial injection", "upheld")
    ]
    # a page number after "pg." starts no item
    text = (
        "Decision based on ODG Aquatic therapy, pg. 22. Rationale: therefore, the request is not medically necessary."
    )
    assert [s for s in find_statements(text) if text[s.item_start : s.item_end].startswith("Rationale")] == []


def test_issue_list_item_decided_by_a_later_determination_line():
    text = (
        "MEDICAL PROFESSIONAL REVIEW\nISSUE AT DISPUTE:\nAcupuncture 8 sessions for the neck\nCASE SUMMARY:\n"
        "The patient hurt her neck.\nMEDICAL TREATMENT GUIDELINE(S) RELIED UPON BY PROFESSIONAL REVIEWER AND WHY:\n"
        "MTUS Acupuncture Medical Treatment Guidelines, page 8.\nDETERMINATION: OVERTURNED\n"
    )
    decisions, _ = link(build_view(text))
    assert [(d["item"], d["decision"], [c["pages"] for c in d["citations"]]) for d in decisions] == [
        ("Acupuncture 8 sessions for the neck", "overturned", [[8]])
    ]


def test_an_article_after_request_for_is_not_part_of_the_item():
    text = (
        "1) MAXIMUS Federal Services, Inc. has determined the request for a 28 day\nfunctional restoration program "
        "is notmedically necessary and appropriate."
    )
    decisions, _ = link(build_view(text))
    assert [(d["item"], d["decision"]) for d in decisions] == [("28 day functional restoration program", "upheld")]


def test_a_numbered_heading_run_into_its_rationale_ends_on_the_request_sentence():
    # a re-wrapped 2013 notice: "3)" ends a line and the item's heading, guidelines and rationale follow
    text = (
        "3)\nRegarding the request for 12 post-operative occupational therapy visits: Medical Treatment "
        "Guideline(s) Used by the Expert Reviewer (IMR): MTUS Postsurgical Treatment Guidelines, page 15. "
        "Twelve visits exceed the guideline. The request for 12 post-operative occupational therapy visits is not "
        "medically necessary and appropriate."
    )
    assert [(text[s.item_start : s.item_end], s.decision) for s in find_statements(text)] == [
        ("12 post-operative occupational therapy visits", "upheld")
    ]


def test_requested_without_for():
    (s,) = find_statements(
        "1. MAXIMUS has determined the requested Lidoderm patch 5% #30 is not medically necessary and appropriate."
    )
    assert (s.key, s.decision) == ("lidodermpatch530", "upheld")


def test_list_intro_run_into_the_first_item_is_not_part_of_it():
    text = (
        "IMR DECISION(S) AND RATIONALE(S)\nThe Final Determination was based on decisions for the disputed items/services "
        "set forth below: Lumbar epidural steroid injection at right L5-S1:  Overturned\n"
        "Decision rationale: Radiculopathy is corroborated. The request is medically necessary.\n"
    )
    decisions, _ = link(build_view(text))
    assert [(d["item"], d["decision"]) for d in decisions] == [
        ("Lumbar epidural steroid injection at right L5-S1", "overturned")
    ]


def test_an_item_starting_with_a_count_after_a_run_in_rationale():
    text = (
        "Cymbalta 60mg #30:  Overturned\nDecision rationale: She remains depressed. The request is medically "
        "necessary. 6 additional sessions of biofeedback:  Upheld\nDecision rationale: none documented."
    )
    assert [text[st.item_start : st.item_end] for st in find_statements(text)] == [
        "Cymbalta 60mg #30",
        "6 additional sessions of biofeedback",
    ]


def test_a_guideline_named_after_the_united_states_is_a_citation_not_prose():
    view = build_view(
        INTRO + "Complete blood count:  Upheld\nClaims Administrator guideline: Decision based on Non-MTUS Citation"
        " Unified Treatment Algorithm for the Management of Crotaline Snakebite in the United States.\n"
        "Decision rationale: The count is normal.\n"
    )
    [decision] = link(view)[0]
    assert [(c["by"], c["guideline"]) for c in decision["citations"]] == [("claims_administrator", "Other")]
    assert decision["citations"][0]["text"].endswith("in the United States")


def test_a_guideline_titled_recommended_is_a_citation_and_a_sentence_recommending_is_prose():
    view = build_view(
        INTRO + "Pneumococcal vaccine:  Upheld\nClaims Administrator guideline: Decision based on Non-MTUS"
        " Centers for Disease Control and Prevention, Recommended Adult Immunization Schedule, 2013.\n"
        "MAXIMUS guideline: Decision based on the ODG, which recommended the vaccine.\n"
        "Decision rationale: He had it in 2012.\n"
    )
    [decision] = link(view)[0]
    assert [(c["by"], c["guideline"]) for c in decision["citations"]] == [("claims_administrator", "Other")]


@pytest.mark.parametrize(
    ("heading_ca", "heading_er"),
    [
        # the citation right under the heading, no "based its decision on" sentence
        (
            "Medical Treatment Guideline(s) Used by the Claims Administrator:\n",
            "Medical Treatment Guideline(s) Used by the Expert Reviewer:\n",
        ),
        (
            "Medical Treatment Guideline(s) Used by the Claims Administrator (UR):\n",
            "Medical Treatment Guideline(s) Used by the Expert Reviewer (IMR):\n",
        ),
        # the heading and the sentence after it are one statement
        (
            "Medical Treatment Guideline(s) Used by the Claims Administrator (UR):\nThe Claims Administrator based its decision on the ",
            "Medical Treatment Guideline(s) Used by the Expert Reviewer (IMR):\nThe Expert Reviewer based his/her decision on the ",
        ),
    ],
)
def test_notice_guidelines_under_their_heading(heading_ca: str, heading_er: str) -> None:
    text = (
        "1. MAXIMUS Federal Services, Inc. has determined the request for Fioricet #60 is not medically necessary"
        " and appropriate.\n"
        "INDEPENDENT MEDICAL REVIEW DECISION AND RATIONALE\n"
        "1) Regarding the request for Fioricet #60:\n"
        f"{heading_ca}California MTUS Chronic Pain Medical Treatment Guidelines (2009), Barbiturate-containing"
        " analgesic agents (BCAs), page 23.\n"
        f"{heading_er}Official Disability Guidelines (ODG), Head Chapter, Barbiturates.\n"
        "Rationale used by the Expert Reviewer:\nThe MTUS does not recommend them. The request for Fioricet #60 is"
        " not medically necessary and appropriate.\n"
    )
    [decision] = link(build_view(text))[0]
    cites = [(c["by"], c["guideline"], c["pages"]) for c in decision["citations"]]
    assert cites == [
        ("claims_administrator", "MTUS Chronic Pain Medical Treatment Guidelines", [23]),
        ("reviewer", "ODG", []),
    ]
    assert decision["citations"][1]["text"] == "Official Disability Guidelines (ODG), Head Chapter, Barbiturates"
