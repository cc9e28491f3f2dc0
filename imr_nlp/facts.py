"""Case facts from the cleaned letter text: case number, dates, age, sex, occupation, reviewer.

Each field is one small pure function over the cleaned text (see :mod:`imr_nlp.textview`),
tried on the structured header lines first and on the narrative sentences second.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from importlib import resources
from typing import Any

MONTHS = {
    m: i + 1
    for i, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ]
    )
    for m in names
}
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?"
    r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
DATE = (
    r"(?:\d{1,2}\s*/\s*\d{1,2}\s*/\s*\d{2,4}|\d{1,2}-\d{1,2}-\d{2,4}|\d{4}-\d{2}-\d{2}"
    rf"|{_MONTH}\s*\d{{1,2}}(?:st|nd|rd|th)?,?\s*\d{{4}})"
)
CASE_NUMBER = re.compile(r"\bCM\s?(\d{2})\s?-\s?(\d{4,8})\b", re.IGNORECASE)

_LABELLED_DATES: dict[str, list[str]] = {
    "date_assigned": [r"date\s*assigned", r"assignment\s*date", r"date\s*of\s*assignment"],
    "ur_denial_date": [
        r"ur\s*denial\s*date",
        r"date\s*of\s*ur\s*(?:decision|denial|determination)",
        r"utilization\s*review\s*(?:denial\s*|decision\s*)?date",
        r"date\s*of\s*(?:the\s*)?utilization\s*review\s*(?:decision|denial)",
    ],
    "decision_date": [
        r"(?<!ur\s)(?<!ur)decision\s*date",
        r"date\s*of\s*(?:imr\s*|final\s*)?(?:decision|determination)",
        r"^\s*dated",
        r"determination\s*date",
    ],
    "injury_date": [r"date\s*of\s*injury", r"\bDOI\b", r"injury\s*date"],
}
_DATE_FIELDS = {
    field: re.compile(rf"(?:{'|'.join(labels)})\s*[:\-]?\s*(?P<date>{DATE})", re.IGNORECASE | re.MULTILINE)
    for field, labels in _LABELLED_DATES.items()
}
_INJURY_NARRATIVE = re.compile(
    rf"(?:injur(?:y|ies|ed)|accident|trauma)\b[^.\n]{{0,60}}?\b(?:on|of|dated)\s*(?P<date>{DATE})",
    re.IGNORECASE,
)
_UR_NARRATIVE = re.compile(
    rf"(?:utilization\s*review|\bUR\b)[^.\n]{{0,80}}?\b(?:dated|on|of)\s*(?P<date>{DATE})",
    re.IGNORECASE,
)
# a worker's ethnicity, written between the age and the sex
_ETHNICITY = r"(?:caucasian|hispanic|latino|latina|african[\s-]american|asian|white|black)"
_AGE = re.compile(
    r"\b(?P<age>\d{1,3})\s*-?\s*(?:years?|yrs?\.?|y/?o|y\.o\.)\s*-?\s*(?:of\s*age|old)?\s*-?\s*"
    # "a 44-year-old right-handed female", "a 29-year-old left-hand-dominant male", "a 47-year-old Caucasian male"
    r"(?:(?:right|left)[\s-]+hand(?:ed)?(?:[\s-]+dominant)?[\s-]+)?"
    rf"(?:{_ETHNICITY}\s+)?"
    r"(?P<sex>male|female|man|woman|gentleman|lady|m\b|f\b)?",
    re.IGNORECASE,
)
_AGE_LABEL = re.compile(r"\bage(?:d|\s*:)?\s*(?P<age>\d{1,3})\b", re.IGNORECASE)  # "Age: 46", "aged 52"
_SEX_LABEL = re.compile(r"\b(?:sex|gender)\s*:\s*(?P<sex>male|female|m|f)\b", re.IGNORECASE)
_SEX_WORD = re.compile(
    r"\b(?P<sex>male|female|man|woman|gentleman|lady)\b\s*(?:patient|worker|employee|claimant|who|with)", re.IGNORECASE
)
_HE = re.compile(r"\b(?:he|his|him|himself|mr\.?)\b", re.IGNORECASE)
_SHE = re.compile(r"\b(?:she|her|hers|herself|mrs\.?|ms\.?)\b", re.IGNORECASE)
_BOTH_PRONOUNS = re.compile(r"\b(?:he/she|his/her|him/her|she/he|her/his|s/he)\b", re.IGNORECASE)
_OCCUPATION = [
    re.compile(
        r"\boccupation\s*:\s*(?P<occ>[A-Za-z][A-Za-z /'&-]{1,60}?)\s*(?=$|[.,;\n]|\s{2})", re.IGNORECASE | re.MULTILINE
    ),
    re.compile(
        # not the job a worker hopes to return or has returned to ("wants to return to work as a dispatcher",
        # "has returned to work as a parts counter clerk")
        r"\b(?<!return\sto\s)(?<!returning\sto\s)(?<!returned\sto\s)(?<!returns\sto\s)(?<!back\sto\s)"
        r"(?:working|worked|works|work|employed|job|occupation|position|employment)\s+"
        # "worked for 28 years as ..."
        r"(?:for\s+(?:(?:over|about|nearly|almost|more\s+than)\s+)?[\w-]+\s+(?:years?|months?)\s+)?"
        # "employed by the county as ...", "worked for a grocery chain as ...", "work with a jackhammer and a
        # rotary hammer drill as ...": the employer and the tools stay out
        r"(?:(?:by|for|at|with)\s+(?:an?|the|his|her)\s+[\w'-]+(?:\s+[\w'-]+){0,5}?\s+)?"
        r"(?:as|was)\s+(?!(?:an?\s+)?result\b)(?:an?\s+|the\s+)?"  # not "(off work) as a result of ..."
        r"(?P<occ>[A-Za-z][A-Za-z /'&-]{1,60}?)"
        r"(?=\s*(?:[.,;:()\n]|$)|\s+(?:for|at|with|when|who|while|and\s+(?:she|he|was|sustained|reported|injured|fell|hurt"
        r"|struck|felt|hit|cut|caught|tore|broke|bent|got|lost|took"  # "... and felt a pop in his low back"
        r"|[a-z]{3,}ed|[a-z]{3,}s)|in|on|where|from|since|to)\b"  # "... and stands for 10-hour shifts"
        r"|\s+[a-z]+ing\s+(?:an?|the|his|her|their)\b)",  # "employed as a nurse transferring a patient"
        re.IGNORECASE,
    ),
    # "a 61-year-old female machine operator who/was ...", "this 47-year-old former bus driver injured ...",
    # "this 39 year old female warehouse picker fell ...", "a 47 y/o male landscaper injured ...", "52 yo M
    # truck mechanic s/p ..."
    re.compile(
        r"\b\d{1,3}\s*-?\s*(?:years?\s*-?\s*old|y/?o|y\.o\.)\s+(?:(?:right|left)[\s-]+hand(?:ed)?(?:[\s-]+dominant)?\s+)?"
        rf"(?:{_ETHNICITY}\s+)?"
        r"(?:(?:male|female|man|woman|gentleman|lady|(?-i:M|F))\s+)?"  # "a 52 y/o F cashier"
        r"(?:(?:former|retired)\s+)?"
        r"(?!(?:patient|worker|employee|individual|claimant|injured|applicant|who|with|that|was|is|has|had|"
        r"male|female|man|woman|gentleman|lady|person|adult|smoker|nonsmoker|non-smoker|current|diabetic|veteran|retiree"
        rf"|{_ETHNICITY})\b)"
        r"(?!(?:on|in|at|for|from|of|after|since|and|or|as|off)\s)"  # "a 46 year old male on modified duty"
        # a verb, not a title: "This 52 year old male reports low back pain."
        r"(?!(?:reports|complains|describes|suffers|experiences|presents|underwent|sustained|fell|slipped|tripped"
        r"|struck|twisted|hurt|felt|hit|cut|caught|tore|broke|bent|got|lost|whose|presented|injured|developed"
        r"|reported|complained|described|experienced|strained|noted|stated|related|returned|continued)\b)"
        r"(?P<occ>[a-z][a-z/'-]+(?:\s+[a-z][a-z/'-]+){0,3}?)"
        # the workplace stays out: "housekeeper at a hotel who ..."
        r"(?:\s+(?:at|in|for)\s+(?:an?|the)\s+[a-z][a-z'-]+(?:\s+[a-z][a-z'-]+){0,2})?"
        r"(?<!male)(?<!\bman)(?<!woman)(?:\s+|(?=[,.]))"  # "a 61 year old male forklift operator, who ..."
        r"(?=(?:who|was|that|with|injured|sustained|reported|fell|slipped|tripped|struck|twisted|hurt|developed|"
        r"presented|presents|underwent|whose|has|had|felt|hit|cut|caught|tore|broke|bent|got|lost|[a-z]{3,}ed"
        r"|reports|complains|describes|suffers|experiences"  # "... data entry clerk reports numbness"
        r"|s/p|status\s+post)\b|,|\s*w/"  # "a 42 y/o male mechanic s/p L shoulder arthroscopy", "... cashier w/"
        r"|\.(?=\s|$))",  # "The injured worker is a 29-year-old male carpenter."
        # "... electrician received a shock", "... order selector felt a pop"
        re.IGNORECASE,
    ),
    # "She is a registered nurse who slipped ...", "He was a bus driver.", "The injured worker was a
    # housekeeper.", "He was a warehouse supervisor lifting a pallet.", "She was a stocker reaching to a
    # shelf": a job title as the subject's complement before "who", before what the worker was doing,
    # or as the whole sentence
    re.compile(
        r"\b(?:she|he|the\s+(?:injured\s+worker|patient|employee|claimant))\s+(?:is|was)\s+an?\s+"
        r"(?:(?:former|retired)\s+)?"
        r"(?!(?:candidate|smoker|nonsmoker|non-smoker|patient|diabetic|person|man|woman|good|poor|reasonable"
        r"|passenger|pedestrian|victim|bystander|customer|student|volunteer|bit|little|lot|healthy|pleasant|young|active"
        r"|obese|well)\b)"
        r"(?P<occ>[a-z][a-z/'-]+(?:\s+[a-z][a-z/'-]+){0,3}?)"  # "city parks maintenance worker"
        r"(?:\s+(?=who(?:se)?\b|with\s+an?\b)|(?=\.(?:\s|$))"  # "He was a correctional sergeant with a claim ..."
        r"|\s+(?=[a-z]+ing\s+(?:an?|the|his|her|their|to|on|off|onto|into|from|up|down|over|at|[a-z]+s)\s))",
        re.IGNORECASE,
    ),
    # the job after the work that caused the injury: "cumulative trauma from repetitive lifting of
    # boxes as a packer", "hurt his back loading trucks as a warehouse worker"
    re.compile(
        r"\b(?:lifting|carrying|loading|unloading|stocking|packing|moving|pushing|pulling|climbing|driving"
        r"|cleaning|cooking|typing|operating|working)\s+(?:[a-z]+\s+){0,4}?as\s+an?\s+"
        r"(?P<occ>[a-z][a-z/'-]+(?:\s+[a-z][a-z/'-]+){0,2}?)(?=\s*[.,;]|\s+(?:for|at|when|since)\b)",
        re.IGNORECASE,
    ),
]
_PROFESSIONS = {
    "psychologist": "Psychology",
    "chiropractor": "Chiropractic",
    "acupuncturist": "Acupuncture",
    "physical therapist": "Physical Therapy",
    "doctor of dental surgery": "Dentistry",
    "doctor of dental medicine": "Dentistry",
    "dentist": "Dentistry",
    "doctor of chiropractic": "Chiropractic",
    "doctor of podiatric medicine": "Podiatry",
    "podiatrist": "Podiatry",
}
_PROFESSION = re.compile(
    # "The expert reviewer is a Licensed Psychologist", "The independent Doctor of Dental Surgery who made ..."
    r"(?:\breviewer\s+is\s+an?\s+(?:(?:licensed|clinical|california)\s+)*|\bindependent\s+)("
    + "|".join(p.replace(" ", r"\s+") for p in _PROFESSIONS)
    + r")\b",
    re.IGNORECASE,
)
_LICENSURE_LABEL = re.compile(r"state\s*\(?\s*s?\s*\)?\s*of\s*licens(?:ure|e)\s*:?\s*(?P<v>[^\n]*)", re.IGNORECASE)
_LICENSED_IN = re.compile(
    r"(?:licensed|licensure|licenses?)\s*(?:to\s*practice\s*)?(?:medicine\s*|as\s*an?\s*\w+\s*)?"
    r"(?:in\s*(?:the\s*state(?:s)?\s*of\s*)?)"
    r"(?P<v>[^.;\n]{0,200})",
    re.IGNORECASE,
)
_SPECIALTY_LABEL = re.compile(
    r"(?:certifications?|certification\s*\(\s*s\s*\))\s*/\s*specialt(?:y|ies)\s*:?\s*(?P<v>[^\n]*)"
    r"|\bspecialty\s*:\s*(?P<v2>[^\n]*)",
    re.IGNORECASE,
)
_BOARD_CERTIFIED = re.compile(
    r"board[\s-]*certified\s*(?:by\s*the\s*american\s*board\s*of\s*|in\s*(?:the\s*(?:field|specialty)\s*of\s*)?)"
    r"(?P<v>[^.;\n]{2,120})",
    re.IGNORECASE,
)
# "has a subspecialty in Hand Surgery": a qualification too (its words are not the patient's care)
_SUBSPECIALTY = re.compile(r"\bsub[-\s]*specialty\s+(?:certification\s+)?in\s+(?P<v>[^.;\n]{2,80})", re.IGNORECASE)
_FIELD_END = re.compile(
    r"\s*(?:\bcertifications?\b|\bcertification\s*\(|\bspecialt(?:y|ies)\b|\bstate\s*\(?s?\)?\s*of\b|"
    r"\bsub[-\s]*specialty\b|\band\s+(?:is|has|was|holds)\b|,\s*(?:is|has|was|holds)\b|\band\s+licensed\b|\blicensed\b|"
    r"\bwith\s+a\s+sub|\bwho\b|[.;:(]|(?-i:\b[A-Z]{2,}(?:\s+[A-Z]{2,})+\b)|$)",
    re.IGNORECASE,
)


def _data_lines(name: str) -> list[str]:
    text = resources.files("imr_nlp").joinpath(f"data/{name}").read_text("utf-8")
    return [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]


@lru_cache(maxsize=1)
def _states() -> tuple[re.Pattern[str], re.Pattern[str], dict[str, str]]:
    pairs = [ln.split("\t") for ln in _data_lines("states.tsv")]
    by_key = {abbr.lower(): name for abbr, name in pairs} | {name.lower(): name for _, name in pairs}
    names = sorted((n for _, n in pairs), key=len, reverse=True)
    name_re = re.compile(r"\b(" + "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in names) + r")\b", re.IGNORECASE)
    abbr_re = re.compile(r"\b(" + "|".join(a for a, _ in pairs) + r")\b")
    return name_re, abbr_re, by_key


@lru_cache(maxsize=1)
def _specialties() -> re.Pattern[str]:
    names = sorted(_data_lines("specialties.txt"), key=len, reverse=True)
    alternatives = (re.escape(n).replace(r"\ and\ ", r"\s*(?:and|&)\s*").replace(r"\ ", r"\s*") for n in names)
    return re.compile(r"\b(" + "|".join(alternatives) + r")\b", re.IGNORECASE)


def to_iso(s: str) -> str | None:
    """``6/27/2012`` / ``June 27, 2012`` / ``2012-06-27`` -> ``2012-06-27``; None if invalid."""
    s = s.strip()
    try:
        if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", s):
            y, mo, d = (int(g) for g in m.groups())
        elif m := re.fullmatch(r"(\d{1,2})\s*[/-]\s*(\d{1,2})\s*[/-]\s*(\d{2,4})", s):
            mo, d, y = (int(g) for g in m.groups())
            if y < 100:
                y += 2000 if y < 50 else 1900
        elif m := re.fullmatch(r"([A-Za-z]+)\.?\s*(\d{1,2})(?:st|nd|rd|th)?,?\s*(\d{4})", s):
            mo = MONTHS.get(m.group(1).lower(), 0)
            d, y = int(m.group(2)), int(m.group(3))
        else:
            return None
        if not 1900 <= y <= 2100:
            return None
        return dt.date(y, mo, d).isoformat()
    except ValueError:
        return None


def case_number(text: str) -> str | None:
    m = CASE_NUMBER.search(text)
    return f"CM{m.group(1)}-{m.group(2)}" if m else None


def labelled_date(text: str, field: str) -> str | None:
    """The ISO date written after the label(s) for `field` (e.g. ``Date Assigned: 12/1/2014``)."""
    for m in _DATE_FIELDS[field].finditer(text):
        if iso := to_iso(m.group("date")):
            return iso
    return None


def injury_date(text: str) -> str | None:
    if iso := labelled_date(text, "injury_date"):
        return iso
    for m in _INJURY_NARRATIVE.finditer(text):
        if iso := to_iso(m.group("date")):
            return iso
    return None


def ur_denial_date(text: str) -> str | None:
    if iso := labelled_date(text, "ur_denial_date"):
        return iso
    for m in _UR_NARRATIVE.finditer(text):
        if iso := to_iso(m.group("date")):
            return iso
    return None


_SEX_NORMAL = {
    "male": "male",
    "man": "male",
    "gentleman": "male",
    "m": "male",
    "female": "female",
    "woman": "female",
    "lady": "female",
    "f": "female",
}


def age_and_sex(text: str) -> tuple[int | None, str | None]:
    """Age and sex from "a 46 year old male", "46-year-old woman", "Age: 46", "Sex: F"."""
    age = sex = None
    for m in _AGE.finditer(text):
        if not 14 <= int(m.group("age")) <= 100:
            continue
        # "more than five years" is not an age: require "old"/"of age" or a sex word
        tail = m.group().lower()
        if (
            "old" not in tail
            and "age" not in tail
            and "y/o" not in tail
            and "y.o." not in tail
            and "yo" not in tail.split()
            and not m.group("sex")
        ):
            continue
        age = int(m.group("age"))
        if m.group("sex"):
            sex = _SEX_NORMAL[m.group("sex").lower()]
        break
    if age is None and (m := _AGE_LABEL.search(text)) and 14 <= int(m.group("age")) <= 100:
        age = int(m.group("age"))
    if sex is None and (m := _SEX_LABEL.search(text) or _SEX_WORD.search(text)):
        sex = _SEX_NORMAL[m.group("sex").lower()]
    if sex is None:
        sex = sex_from_pronouns(text)
    return age, sex


def sex_from_pronouns(text: str) -> str | None:
    """Male/female when one set of pronouns clearly dominates ("he/she" boilerplate ignored)."""
    body = _BOTH_PRONOUNS.sub(" ", text)
    he, she = len(_HE.findall(body)), len(_SHE.findall(body))
    if he >= 2 and he >= 3 * she:
        return "male"
    if she >= 2 and she >= 3 * he:
        return "female"
    return None


def occupation(text: str) -> str | None:
    for pattern in _OCCUPATION:
        for m in pattern.finditer(text):
            occ = re.sub(r"\s+", " ", m.group("occ")).strip(" -/'&")
            if occ and not re.fullmatch(r"(?:a|an|the|result|follows?|well|such|needed|usual|of)", occ, re.IGNORECASE):
                return occ
    return None


def states_in(value: str, allow_abbreviations: bool) -> list[str]:
    """US state names mentioned in `value`, in order, unique (abbreviations when allowed)."""
    name_re, abbr_re, by_key = _states()
    found: list[tuple[int, str]] = [
        (m.start(), by_key[re.sub(r"\s+", " ", m.group(1).lower())]) for m in name_re.finditer(value)
    ]
    if allow_abbreviations:
        found += [(m.start(), by_key[m.group(1).lower()]) for m in abbr_re.finditer(value)]
    out: list[str] = []
    for _, name in sorted(found):
        if name not in out:
            out.append(name)
    return out


def _cut_field(value: str) -> str:
    m = _FIELD_END.search(value, 1)
    return value[: m.start()] if m else value


def reviewer_licensure(text: str) -> list[str]:
    for m in _LICENSURE_LABEL.finditer(text):
        if states := states_in(_cut_field(m.group("v")), allow_abbreviations=True):
            return states
    for m in _LICENSED_IN.finditer(text):
        if states := states_in(m.group("v"), allow_abbreviations=False):
            return states
    return []


def canonical_specialty(value: str) -> str | None:
    """The longest known specialty at the start of `value` (as written), else the cleaned value."""
    value = re.sub(r"\s+", " ", value).strip(" ,;:-")
    if not value:
        return None
    if m := _specialties().match(value):
        return m.group(1)
    return value if len(value) <= 80 else None


def qualification_ranges(text: str) -> list[tuple[int, int]]:
    """Character ranges of the reviewer's stated specialties ("Board Certified in Orthopaedic
    Surgery", "Certification(s)/Specialty: Plastic Surgery, Hand Surgery"): the words of a
    qualification, not a treatment or condition of the patient."""
    out = []
    for m in (*_SPECIALTY_LABEL.finditer(text), *_BOARD_CERTIFIED.finditer(text), *_SUBSPECIALTY.finditer(text)):
        group = "v" if m.group("v") is not None else "v2"
        start = m.start(group)
        out.append((start, start + len(_cut_field(m.group(group)).rstrip(" ,;-\n"))))
    out.extend(m.span(1) for m in _PROFESSION.finditer(text))  # "a Doctor of Dental Surgery"
    return out


def reviewer_specialty(text: str) -> str | None:
    labelled = (m.group("v") if m.group("v") is not None else m.group("v2") for m in _SPECIALTY_LABEL.finditer(text))
    narrative = (m.group("v") for m in _BOARD_CERTIFIED.finditer(text))
    for value in (*labelled, *narrative):
        if known := _specialties().match(value.strip()):
            return re.sub(r"\s+", " ", known.group(1))
        if spec := canonical_specialty(_cut_field(value)):
            return spec
    if m := _PROFESSION.search(text):  # "The expert reviewer is a Licensed Psychologist"
        return _PROFESSIONS[" ".join(m.group(1).lower().split())]
    return None


def extract_case(text: str, original: str | None = None) -> dict[str, Any]:
    """All case facts from cleaned letter text, as the record's ``case`` object.

    `original` (the text as read) is searched for the case number when the cleaned text has
    none: a bare case number line is page furniture and is not in the cleaned text.
    """
    age, sex = age_and_sex(text)
    return {
        "case_number": case_number(text) or (case_number(original) if original else None),
        "date_assigned": labelled_date(text, "date_assigned"),
        "ur_denial_date": ur_denial_date(text),
        "decision_date": labelled_date(text, "decision_date"),
        "injury_date": injury_date(text),
        "age": age,
        "sex": sex,
        "occupation": occupation(text),
        "reviewer": {"licensure": reviewer_licensure(text), "specialty": reviewer_specialty(text)},
    }
