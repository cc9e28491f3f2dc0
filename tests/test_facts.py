from __future__ import annotations

import pytest

from imr_nlp import facts


@pytest.mark.parametrize(
    "s, iso",
    [
        ("6/27/2012", "2012-06-27"),
        ("06/27/12", "2012-06-27"),
        ("2-11-2015", "2015-02-11"),
        ("June 27, 2012", "2012-06-27"),
        ("Sept. 3 2013", "2013-09-03"),
        ("2012-06-27", "2012-06-27"),
        ("13/45/2012", None),
        ("2/30/2014", None),
    ],
)
def test_to_iso(s, iso):
    assert facts.to_iso(s) == iso


@pytest.mark.parametrize(
    "text, age, sex",
    [
        ("The injured worker is a 46 year old male, who sustained", 46, "male"),
        ("This 61-year-old female machine operator", 61, "female"),
        ("a 34 year old man who works as", 34, "male"),
        ("He/she has been in active practice for more than five years. Age: 50", 50, None),
        ("The patient is 40 years of age. She reports pain. Her pain is worse.", 40, "female"),
        # handedness between the age and the sex
        ("The patient is a 44-year-old right-handed female electrician", 44, "female"),
        ("The injured worker is a 29-year-old left-hand-dominant male carpenter.", 29, "male"),
        # "y.o.", "aged", and an ethnicity before the sex
        ("The patient is a 45 y.o. female who injured her back.", 45, "female"),
        ("The injured worker, aged 52, reports back pain.", 52, None),
        ("The patient is a 47-year-old Caucasian male truck driver", 47, "male"),
    ],
)
def test_age_and_sex(text, age, sex):
    assert facts.age_and_sex(text) == (age, sex)


def test_pronoun_boilerplate_is_not_evidence():
    assert facts.sex_from_pronouns("He/she has no affiliation. His/her experience. He/she is familiar.") is None


@pytest.mark.parametrize(
    "text, occupation",
    [
        ("The injured worker was a housekeeper. The diagnoses have included lumbar strain.", "housekeeper"),
        ("The injured worker is a candidate for surgery.", None),
        ("injured on 6/27/2012, while working as a massage therapist.", "massage therapist"),
        ("He worked as a bus mechanic.", "bus mechanic"),
        ("a 58 year old female cafeteria cook who injured her back", "cafeteria cook"),
        ("Occupation: Registered nurse\n", "Registered nurse"),
        ("The injured worker is a 46 year old male who reported pain.", None),
        ("This 39 year old female warehouse picker fell from a ladder", "warehouse picker"),
        ("The injured worker is a 50 year old male who fell from a ladder.", None),
        ("This 34 year old male journeyman electrician received an electrical shock", "journeyman electrician"),
        ("She was employed as a janitor and slipped on a wet floor.", "janitor"),
        ("He worked as a shipping and receiving clerk for ten years.", "shipping and receiving clerk"),
        # the years worked before the job; "work as a result of" names no job
        ("He worked for 28 years as a shipyard welder in enclosed hulls.", "shipyard welder"),
        ("He has been unable to work as a result of the pain.", None),
        ("He worked as a delivery driver and felt a pop in his low back.", "delivery driver"),
        ("The patient is a 38 year old male forklift operator whose left foot was crushed", "forklift operator"),
        ("She is\na registered nurse who slipped on a wet hospital floor.", "registered nurse"),
        ("He is a candidate who would benefit from surgery.", None),
        ("This 45 year old male diesel mechanic has had right elbow pain", "diesel mechanic"),
        ("He works as a security guard and stands for 10-hour shifts.", "security guard"),
        ("This is a 48 year old right hand dominant male carpenter who developed elbow pain", "carpenter"),
        ("This 42 year old male warehouse order selector felt a pop in his ankle", "warehouse order selector"),
        # professional-review letters put what the worker reports right after the job
        ("This 48 year old female data entry clerk reports numbness and tingling", "data entry clerk"),
        ("This 52 year old male reports low back pain.", None),
        ("This is a 57-year-old right-handed male school custodian who injured his shoulder", "school custodian"),
        ("The patient is a 47 y/o male landscaper injured on 04/29/2011 lifting a wheelbarrow.", "landscaper"),
        ("The patient is a 42 y/o male mechanic s/p L shoulder arthroscopy on 03/11/2013.", "mechanic"),
        ("He sustained an industrial injury on 11-14-2008. He\nwas a bus driver. He was diagnosed", "bus driver"),
        ("He was a passenger. The car was struck from behind.", None),
        # the job before what he was doing when hurt; "a little better" is no job
        (
            "He\nwas a warehouse supervisor lifting a pallet. The injured worker has been diagnosed",
            "warehouse supervisor",
        ),
        ("She was a little better walking the dog.", None),
        ("She was a grocery stocker reaching to a high shelf.", "grocery stocker"),
        ("The mechanism was cumulative trauma from repetitive lifting of boxes as a packer.", "packer"),
        ("The IW is a 52 y/o F cashier w/ neck pain since 2018.", "cashier"),
        ("52 yo M truck mechanic s/p industrial injury 06/29/2017 when he slipped.", "truck mechanic"),
        ("He was a correctional sergeant with a continuous trauma claim for stress.", "correctional sergeant"),
        ("He was a city parks maintenance worker who stepped in a sprinkler hole.", "city parks maintenance worker"),
        ("She was a grocery store stocker lifting cases of soda onto a shelf.", "grocery store stocker"),
        ("She is a healthy woman with no history of heart disease.", None),
        ("Pt is a 40 y/o F RN who injured her low back.", "RN"),
        ("There is no evidence for the use of a muscle relaxant as a topical product.", None),
        # the job he had when hurt ("whose"), not the one he hopes to return to
        (
            "He was a forklift operator whose left leg was crushed. He wants to return to work as a dispatcher.",
            "forklift operator",
        ),
        ("He hopes to get back to work as a driver.", None),
        (
            "This 41 year old male heavy equipment mechanic sustained a crush injury. He has returned to work as a"
            " parts counter clerk.",
            "heavy equipment mechanic",
        ),
        (
            "The patient is a 43 year old female poultry processing line worker with numbness",
            "poultry processing line worker",
        ),
        # the workplace after the title is not part of it
        ("The patient is a 44 year old female housekeeper at a hotel who developed shoulder pain.", "housekeeper"),
        ("This is a 50 year old male cook at a fast food restaurant who slipped.", "cook"),
        ("He is a 45 year old male in a motor vehicle accident who hurt his neck.", None),
        # a comma after the title; not after the sex
        (
            "The injured worker is a 61 year old male forklift operator, who sustained an industrial injury.",
            "forklift operator",
        ),
        ("The injured worker is a 54 year old male, who sustained an industrial injury on 10-30-2009.", None),
        ("The patient is a 33 year old Hispanic female, who fell at work.", None),
        # a title that ends the sentence; not a habit, nor what follows "on"/"off"
        ("The injured worker is a 29-year-old left-hand-dominant male carpenter.", "carpenter"),
        ("The injured worker is a 60 year old female custodian. On 1/2/2014 she slipped.", "custodian"),
        ("The patient is a 50-year-old female smoker. She fell at work.", None),
        ("The injured worker is a 46 year old male on modified duty.", None),
        # the employer between the verb and the title stays out
        ("The patient was employed by the county as a social worker.", "social worker"),
        ("He worked for a grocery chain as a stocker when he fell.", "stocker"),
        ("The patient is a 47-year-old Caucasian male truck driver who was injured.", "truck driver"),
        ("The patient is a 47-year-old black male who was injured.", None),
        ("The patient is a 45 y.o. female cashier who injured her back.", "cashier"),
        # the tools of the job, like the employer, stay out
        (
            "He reported an injury after years of work with a jackhammer and a rotary hammer drill as a concrete cutter.",
            "concrete cutter",
        ),
    ],
)
def test_occupation(text, occupation):
    assert facts.occupation(text) == occupation


def test_reviewer_from_structured_lines_and_from_sentences():
    structured = "State(s) of Licensure: Utah, Arkansas\nCertification(s)/Specialty: Family Practice"
    assert facts.reviewer_licensure(structured) == ["Utah", "Arkansas"]
    assert facts.reviewer_specialty(structured) == "Family Practice"
    narrative = "The expert reviewer is Board Certified in Physical Medicine and Rehabilitation and licensed to practice in California and Texas."
    assert facts.reviewer_licensure(narrative) == ["California", "Texas"]
    assert facts.reviewer_specialty(narrative) == "Physical Medicine and Rehabilitation"
    assert facts.reviewer_licensure("State(s) of Licensure: CA, NV") == ["California", "Nevada"]


def test_labelled_dates_do_not_confuse_ur_and_imr_decisions():
    text = "Date of UR Decision: 7/15/2013\nDecision Date: 9/1/2013\nDate of Injury: 1/2/2010"
    case = facts.extract_case(text)
    assert (case["ur_denial_date"], case["decision_date"], case["injury_date"]) == (
        "2013-07-15",
        "2013-09-01",
        "2010-01-02",
    )


def test_qualification_ranges_end_where_the_specialty_ends():
    text = "The reviewer is Board Certified in Orthopaedic Surgery, with a subspecialty in Foot and Ankle Surgery."
    assert [text[a:b] for a, b in facts.qualification_ranges(text)] == ["Orthopaedic Surgery", "Foot and Ankle Surgery"]


@pytest.mark.parametrize(
    ("text", "specialty", "ranges"),
    [
        (
            "The expert reviewer is a Doctor of Dental Surgery who is licensed to practice in California.",
            "Dentistry",
            ["Doctor of Dental Surgery"],
        ),
        # a board certification names the specialty before the degree does
        (
            "The expert reviewer is a Doctor of Podiatric Medicine who is Board Certified in Foot and Ankle Surgery.",
            "Foot and Ankle Surgery",
            ["Foot and Ankle Surgery", "Doctor of Podiatric Medicine"],
        ),
        # the notice-2013 wording names the reviewer's degree before "who made the decision"
        (
            "The independent Doctor of Dental Surgery who made the decision has no affiliation with the employer.",
            "Dentistry",
            ["Doctor of Dental Surgery"],
        ),
        # a profession written in the specialty field is kept as written (as in fdl-2014_c)
        ("State(s) of Licensure: California\nCertification(s)/Specialty: Podiatrist\n", "Podiatrist", ["Podiatrist"]),
    ],
)
def test_a_reviewer_named_by_degree_has_that_field(text: str, specialty: str, ranges: list[str]) -> None:
    assert facts.reviewer_specialty(text) == specialty
    assert [text[a:b] for a, b in facts.qualification_ranges(text)] == ranges
