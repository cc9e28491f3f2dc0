from __future__ import annotations

import pytest

from imr_nlp.guidelines import citation_section, expand_range, find_pages, normalise_guideline, split_citations


@pytest.mark.parametrize(
    "text, pages",
    [
        ("Page(s): 114,Acupuncture Treatment Guidelines", [114]),
        ("pages 8-9.", [8, 9]),
        ("page 46", [46]),
        ("pages 76-80", [76, 77, 78, 79, 80]),
        ("Page(s): 30-34, 49", [30, 31, 32, 33, 34, 49]),
        ("pages 30-34, 49, and the ODG", [30, 31, 32, 33, 34, 49]),
        ("pg. 112-13 and 115", [112, 113, 115]),
        ("pp. 5 & 7", [5, 7]),
        ("Pages\n303-\n305", [303, 304, 305]),
        ("Chronic Pain Medical Treatment Guidelines (2009) 9792.24.1", []),
        ("8 C.C.R. 9792.20 - 9792.26", []),
        ("pages 76-80. Page 3 of 4", [76, 77, 78, 79, 80]),
    ],
)
def test_find_pages(text, pages):
    assert find_pages(text) == pages


def test_expand_range_edge_cases():
    assert expand_range(5, None) == [5]
    assert expand_range(80, 76) == [76, 80]  # reversed: endpoints, never an empty list
    assert expand_range(1, 2000) == [1, 2000]  # a "range" this wide is two numbers


@pytest.mark.parametrize(
    "text, name",
    [
        ("MTUS ACOEM Page(s): 114", "ACOEM"),
        ("Non-MTUS Citation Official Disability Guidelines (ODG), Low Back", "ODG"),
        (
            "MTUS Chronic Pain Treatment Guidelines 9792.24.1. Acupuncture Medical Treatment Guideline",
            "MTUS Acupuncture Medical Treatment Guidelines",
        ),
        ("Chronic Pain Medical Treatment Guidelines (2009), Opioids", "MTUS Chronic Pain Medical Treatment Guidelines"),
        ("MTUS Postsurgical Treatment Guidelines, Shoulder", "MTUS Postsurgical Treatment Guidelines"),
        ("Non-MTUS Citation AMA Guides (Radiculopathy)", "AMA Guides"),
        ("Harrison's Principles of Internal Medicine", "Other"),
        ("Non-MTUS Citation Aetna Clinical Policy Bulletin: Weight Reduction Medications and Programs", "Other"),
    ],
)
def test_normalise_guideline(text, name):
    assert normalise_guideline(text) == name


def test_split_statement_into_citations():
    stmt = (
        "Decision based on MTUS Chronic Pain Treatment Guidelines Page(s): 46.  "
        "Decision based on Non-MTUS Citation AMA Guides (Radiculopathy)."
    )
    assert [stmt[a:b] for a, b in split_citations(stmt)] == [
        "MTUS Chronic Pain Treatment Guidelines Page(s): 46",
        "Non-MTUS Citation AMA Guides (Radiculopathy)",
    ]


def test_a_guideline_said_not_to_apply_is_no_citation():
    # notice-2013 wording when the reviewer turned to another source
    stmt = (
        "The Expert Reviewer found that no section of the MTUS was applicable. Per the Strength of Evidence "
        "hierarchy established by the California Department of Industrial Relations, Division of Workers' "
        "Compensation, the Expert Reviewer based his/her decision on the Official Disability Guidelines (ODG), "
        "Head Chapter, Neuropsychological testing."
    )
    assert [stmt[a:b] for a, b in split_citations(stmt)] == [
        "Official Disability Guidelines (ODG), Head Chapter, Neuropsychological testing"
    ]


@pytest.mark.parametrize(
    "silent",
    [
        "The MTUS and ODG do not address this procedure.",
        "The MTUS does not address this test.",
        "The MTUS is silent on echocardiography.",
        "Neither the MTUS nor the ODG addresses this.",
    ],
)
def test_a_sentence_saying_the_guidelines_are_silent_is_no_citation(silent: str):
    cited = "American College of Cardiology, Appropriate Use Criteria for Echocardiography, 2011"
    stmt = f"{silent} {cited}."
    assert [stmt[a:b] for a, b in split_citations(stmt)] == [cited]


def test_split_finds_guidelines_of_other_societies():
    # "Non-MTUS" without "Citation" before a guideline the table does not know, and a society's guideline
    stmt = (
        "Decision based on Non-MTUS American Association for the Study of Liver Diseases (AASLD), "
        "Recommendations for Testing, Managing, and Treating Hepatitis C."
    )
    ((a, b),) = split_citations(stmt)
    assert stmt[a:b] == stmt.removeprefix("Decision based on ").rstrip(".")
    assert normalise_guideline(stmt[a:b]) == "Other"
    stmt = "American Urological Association (AUA) Guideline, Erectile Dysfunction (2018)."
    assert [stmt[a:b] for a, b in split_citations(stmt)] == [stmt[:-1]]
    stmt = "Non-MTUS Centers for Disease Control and Prevention (CDC), Hepatitis A vaccine recommendations."
    assert [stmt[a:b] for a, b in split_citations(stmt)] == [stmt[:-1]]
    stmt = "Centers for Medicare & Medicaid Services (CMS), Local Coverage Determination, Urological Supplies (L33803)."
    assert [stmt[a:b] for a, b in split_citations(stmt)] == [stmt[:-1]]
    stmt = (
        "Infectious Diseases Society of America (IDSA), Practice Guidelines for the Diagnosis and Management of "
        "Skin and Soft Tissue Infections (2014)."
    )
    assert [stmt[a:b] for a, b in split_citations(stmt)] == [stmt[:-1]]
    # a journal reference: the authors, the title and the journal are one citation
    stmt = (
        "Kosnett MJ, et al. Recommendations for medical management of adult lead exposure.\n\n"
        "Environmental Health Perspectives (2007)."
    )
    assert [stmt[a:b] for a, b in split_citations(stmt)] == [stmt[:-1]]


def test_split_keeps_numbered_sections_and_drops_trailers_and_prose():
    stmt = (
        " the Chronic Pain Medical Treatment Guidelines (2009), Opioids, pages 78-80, which is part of the MTUS, "
        "and the Official Disability Guidelines (ODG), Pain. These guidelines address opioids."
    )
    got = [stmt[a:b] for a, b in split_citations(stmt)]
    assert got[:2] == [
        "Chronic Pain Medical Treatment Guidelines (2009), Opioids, pages 78-80",
        "Official Disability Guidelines (ODG), Pain",
    ]
    sec = "MTUS Chronic Pain Treatment Guidelines 9792.24.1. Acupuncture Medical Treatment Guideline, pages 8-9"
    assert [sec[a:b] for a, b in split_citations(sec)] == [sec]
    # "Appropriate use of ..." is a section title, not the trailer "relevant and appropriate for ..."
    asge = "Non-MTUS Citation American Society for Gastrointestinal Endoscopy, Appropriate use of GI endoscopy"
    assert [asge[a:b] for a, b in split_citations(asge + ", relevant and appropriate for the employee")] == [asge]
    # "which is not part of the MTUS" is a trailer too
    odg = "Official Disability Guidelines (ODG), Knee & Leg Chapter, Venous thrombosis"
    assert [odg[a:b] for a, b in split_citations(odg + ", which is not part of the MTUS.")] == [odg]


def test_citation_section():
    assert (
        citation_section("MTUS ACOEM Page(s): 114,Acupuncture Treatment Guidelines")
        == "Acupuncture Treatment Guidelines"
    )
    assert citation_section("MTUS Chronic Pain Treatment Guidelines Page(s): 46") is None
    assert citation_section("ACOEM Practice Guidelines, 2nd Edition (2004), Chapter 12, pages 303-305") == "Chapter 12"


def test_a_section_after_a_semicolon_continues_the_citation():
    stmt = (
        "Decision based on Non-MTUS Citation ODG, Knee & Leg Chapter, Knee joint replacement; Hospital length of "
        "stay (LOS). Decision rationale: the request is medically necessary."
    )
    assert [stmt[a:b] for a, b in split_citations(stmt)] == [
        "Non-MTUS Citation ODG, Knee & Leg Chapter, Knee joint replacement; Hospital length of stay (LOS)"
    ]
    # the notice layout's trailer names the MTUS: no citation starts there
    odg = (
        "Official Disability Guidelines (ODG), Mental Illness & Stress Chapter, Bupropion (Wellbutrin); Antidepressants"
    )
    stmt = f"The Expert Reviewer found the {odg}, which is not part of the MTUS, relevant and appropriate."
    assert [stmt[a:b] for a, b in split_citations(stmt)] == [odg]


@pytest.mark.parametrize("state", ["CA", "California"])
def test_the_state_before_mtus_is_part_of_the_guideline_name(state: str) -> None:
    stmt = f"the {state} MTUS Chronic Pain Medical Treatment Guidelines (2009), Massage therapy, page 60."
    [(a, b)] = split_citations(stmt)
    assert stmt[a:b] == f"{state} MTUS Chronic Pain Medical Treatment Guidelines (2009), Massage therapy, page 60"
    assert normalise_guideline(stmt[a:b]) == "MTUS Chronic Pain Medical Treatment Guidelines"
