"""Rule patterns for spaCy's ``span_ruler``, read from the data files in ``imr_nlp/data``.

* ``data/patterns/*.jsonl``: token patterns for DATE and DECISION, findings, and abbreviations
  matched by case ("PT" is physical therapy, "pt" is not), in spaCy's pattern format.
* ``data/lexicon/{drugs,treatments,diagnoses}.txt``: one term per line, turned into
  case-insensitive TREATMENT / DIAGNOSIS phrase patterns (a final plural "s" accepted; a drug name
  extends over a following strength, form and quantity such as ``10/325mg #120``).

PDF text puts line breaks and double spaces between any two words, which spaCy keeps as
whitespace tokens, so every pattern is made tolerant of one whitespace token between its tokens:
token patterns get an optional ``IS_SPACE`` token in every gap, phrase patterns come in variants
with and without a whitespace token in each gap. Lexicon terms are phrase patterns because
spaCy's PhraseMatcher costs the same for a thousand terms as for one, unlike token patterns.
The patterns are used once, by ``nlp.initialize()``; the span ruler then serialises them with
the pipeline (``span_ruler/patterns``, JSONL).
"""

from __future__ import annotations

import json
import re
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from functools import lru_cache
from importlib import resources
from itertools import product
from typing import Any

import spacy
from spacy.tokens import Doc, Span, Token
from spacy.util import registry

from imr_nlp.corpus import MODEL_LABELS
from imr_nlp.textview import ABBREVIATION_END, doc_view, fold

LEXICONS = {"drugs.txt": "TREATMENT", "treatments.txt": "TREATMENT", "diagnoses.txt": "DIAGNOSIS"}
PATTERN_FILES = ("dates.jsonl", "decisions.jsonl", "findings.jsonl", "morphology.jsonl", "abbreviations.jsonl")
SPACE = {"IS_SPACE": True, "OP": "?"}
BOUND = "~"  # a lexicon term that is a mention only with a modifier or site ("~pain": "pain in the knee")
MAX_GAP_VARIANTS = 4  # gaps of a term that may hold a line break (2**4 variants at most)
# What may follow a drug name as part of the same mention: strength, form, quantity.
DRUG_TAIL = {
    "LOWER": {
        "REGEX": r"^(?:\d[\d,./]*%?|\d[\d.,]*(?:mg|mcg|gm?|ml)|#\d*|mg|mcg|gm?|ml|meq|%|er|xr|cr|sr|dr|ds|q?ty|quantity"
        r"|x\d*"
        r"|xl|odt|ec|tabs?|tablets?|caps?|capsules?|patch(?:es)?|cream|gel|ointment|lotion|solution|oral|topical|transdermal"
        r"|sublingual|inhalation|ophthalmic"  # "tiotropium 18 mcg inhalation capsules"
        # a line break may sit inside the tail ("Lidoderm 5%\npatches"); a strength the tokenizer left whole
        # before a slash ("Butrans 10mcg/hr")
        r"|grams?|units?|hr|hour|sodium|potassium|hcl|nasal|spray|/|\s+"
        # the salt or ester of a drug's name ("tramadol hydrochloride", "testosterone cypionate")
        r"|hydrochloride|sulfate|acetate|acetonide|cypionate|enanthate|phosphate|succinate|tartrate|bitartrate"
        r"|maleate|citrate|besylate|mesylate|fumarate|propionate|dipropionate|furoate|valerate|hyclate|bromide"
        r"|taper|augmentation)$"  # "prednisone taper", "bupropion augmentation"
    },
    "OP": "{0,6}",
}


def _data(path: str) -> str:
    return resources.files("imr_nlp").joinpath(f"data/{path}").read_text("utf-8")


def lexicon_terms(name: str) -> list[str]:
    """The terms in one lexicon file (comments and blank lines skipped)."""
    lines = (ln.strip() for ln in _data(f"lexicon/{name}").splitlines())
    return [ln for ln in lines if ln and not ln.startswith("#")]


def space_tolerant(pattern: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Allow one whitespace token (line break, double space) between any two pattern tokens, also
    between the repeats of a token repeated a bounded number of times ("in and out of  the
    bathtub": ``{1,5}`` becomes one required and four optional copies)."""
    out: list[dict[str, Any]] = []
    for i, token in enumerate(t for group in pattern for t in _unrolled(group)):
        if i:
            out.append(dict(SPACE))
        out.append(token)
    return out


_BOUNDED = re.compile(r"\{(\d*),(\d+)\}")


def _unrolled(token: dict[str, Any]) -> list[dict[str, Any]]:
    """A token with a bounded repeat ``{m,n}`` as m required and n - m optional copies."""
    m = _BOUNDED.fullmatch(token.get("OP", ""))
    if m is None:
        return [token]
    low, high = int(m.group(1) or 0), int(m.group(2))
    bare = {k: v for k, v in token.items() if k != "OP"}
    return [dict(bare) for _ in range(low)] + [{**bare, "OP": "?"} for _ in range(high - low)]


def _on_norm(token: dict[str, Any]) -> dict[str, Any]:
    """A token pattern's ``LOWER`` matched on ``NORM``: the same word, and also the word re-joined
    where PDF extraction split it at a line end ("rota-\\ntion", :class:`imr_nlp.factories.SpaceNormaliser`)."""
    if "LOWER" not in token or "NORM" in token:
        return token
    return {("NORM" if k == "LOWER" else k): v for k, v in token.items()}


# A final "s" that makes a plural: not "ss", "us", "is" ("stress", "hallux valgus", "arthritis").
_PLURAL = re.compile(r"[^suiy]s$")


def phrase_variants(words: list[str], singular: bool = False) -> list[str]:
    """Phrase patterns for a term split into tokens: with or without a whitespace token in each
    gap (a line break or double space in the letter), as written and with a final plural "s"
    added, or with `singular` taken off a plural ("compression stockings": "a compression
    stocking"; not for diagnoses: "tender points" are no "tender point sites")."""
    last = words[-1]
    lasts = [last]
    if last.isalpha() and (len(last) > 3 or (len(last) == 3 and last.islower())) and not last.lower().endswith("s"):
        lasts.append(last + "s")
    elif singular and len(words) > 1 and last.isalpha() and last.islower() and _PLURAL.search(last):
        lasts.append(last[:-1])
    out = []
    for end in lasts:
        form = [*words[:-1], end]
        for gaps in product((" ", "  "), repeat=min(len(form) - 1, MAX_GAP_VARIANTS)):
            gaps = (*gaps, *(" ",) * (len(form) - 1 - len(gaps)))
            out.append(form[0] + "".join(g + w for g, w in zip(gaps, form[1:], strict=True)))
    return out


_HYPHEN_IN_WORD = re.compile(r"(?<=[A-Za-z])-(?=[A-Za-z])")


def rule_patterns() -> list[dict[str, Any]]:
    """All span ruler patterns: DATE and DECISION files plus the TREATMENT/DIAGNOSIS lexicons.

    Lexicon terms become phrase patterns (matched on NORM, which is " " for every whitespace
    token, see :class:`imr_nlp.factories.SpaceNormaliser`); a single-word drug name followed by
    a strength or quantity ("Norco 10/325mg #120") is one token pattern for all drugs.
    """
    tokenizer = spacy.blank("en").tokenizer
    patterns: list[dict[str, Any]] = []
    for name in PATTERN_FILES:
        for line in _data(f"patterns/{name}").splitlines():
            if line.strip():
                p = json.loads(line)
                patterns.append({**p, "pattern": space_tolerant([_on_norm(t) for t in p["pattern"]])})
    for name, label in LEXICONS.items():
        seen: set[str] = set()
        for term in lexicon_terms(name):
            bound = term.startswith(BOUND)
            term = term.removeprefix(BOUND)
            tokens = tokenizer(term)
            words = [t.text for t in tokens]
            if not words or term.lower() in seen:
                continue
            seen.add(term.lower())
            pid = f"{name[:-4]}:{BOUND if bound else ''}{term.lower()}"
            if len(words) - 1 > MAX_GAP_VARIANTS:  # a long name: one token pattern, not 2**gaps phrases
                norms = [{"NORM": t.norm_} for t in tokens]
                norms[-1] = {"NORM": {"IN": [tokens[-1].norm_, tokens[-1].norm_ + "s"]}}
                patterns.append({"label": label, "id": pid, "pattern": space_tolerant(norms)})
                continue
            for phrase in phrase_variants(words, singular=label == "TREATMENT"):
                patterns.append({"label": label, "id": pid, "pattern": phrase})
            if _HYPHEN_IN_WORD.search(term):
                # "Flexion-\nextension radiographs": a compound split at a line end is one token whose
                # NORM is re-joined (SpaceNormaliser, which also runs on phrase patterns)
                split = [_HYPHEN_IN_WORD.sub("-\n", w) for w in term.split()]
                for phrase in phrase_variants(split, singular=label == "TREATMENT"):
                    patterns.append({"label": label, "id": pid, "pattern": phrase})
    drug_with_strength = [{"NORM": {"IN": sorted(single_word_drugs())}}, {**_on_norm(DRUG_TAIL), "OP": "{1,6}"}]
    patterns.append({"label": "TREATMENT", "id": "drug-with-strength", "pattern": space_tolerant(drug_with_strength)})
    return patterns


@registry.misc("imr_nlp.rule_patterns.v1")
def make_rule_patterns() -> list[dict[str, Any]]:
    return rule_patterns()


_LEVEL = re.compile(r"^[CLTS]\d{1,2}(?:-[CLTS]?\d{1,2})?$")
_LEVEL_END = re.compile(r"^[CLTS]?\d{1,2}$")
_LEVEL_START = re.compile(r"^[CLTS]\d{1,2}-$")


def is_level(doc: Doc, i: int) -> bool:
    """Whether token `i` is part of a spinal level: "L5", or any token of "L4-5" / "L5-S1" /
    "T12-L1", which the tokenizer splits into three tokens; false past either end of the Doc."""
    if not 0 <= i < len(doc):
        return False
    text = doc[i].text
    if _LEVEL.match(text):
        return True
    if _LEVEL_START.match(text):  # "L4-" + line break + "L5": a level split at a line end
        return (j := _next_word(doc, i + 1)) < len(doc) and bool(_LEVEL_END.match(doc[j].text))
    if _LEVEL_END.match(text) and (j := _previous_word(doc, i)) >= 0 and j < i - 1 and _LEVEL_START.match(doc[j].text):
        return True
    if fold(text) == "-":  # or an en dash (DIGIT_DASH)
        return 0 < i < len(doc) - 1 and bool(_LEVEL.match(doc[i - 1].text)) and bool(_LEVEL_END.match(doc[i + 1].text))
    return (
        i >= 2 and bool(_LEVEL_END.match(text)) and fold(doc[i - 1].text) == "-" and bool(_LEVEL.match(doc[i - 2].text))
    )


@lru_cache(maxsize=1)
def modifiers() -> frozenset[str]:
    """Words that belong inside a mention when they precede a lexicon term (data file)."""
    return frozenset(t.lower() for t in lexicon_terms("modifiers.txt"))


@lru_cache(maxsize=1)
def regions() -> frozenset[str]:
    """Body regions a mention extends over to its right (data file)."""
    return frozenset(t.lower() for t in lexicon_terms("regions.txt"))


@lru_cache(maxsize=1)
def condition_heads() -> frozenset[str]:
    """Last words of the diagnosis lexicon's terms that are not sites ("tear", "pain", "syndrome")."""
    heads = {t.lstrip(BOUND).split()[-1].lower() for t in lexicon_terms("diagnoses.txt")}
    # not "C" of "hepatitis C", nor the "levels" of "low testosterone levels" (a measure of anything)
    return frozenset(h for h in heads - modifiers() - regions() if len(h) > 1 and h not in ("level", "levels"))


@lru_cache(maxsize=1)
def site_named_conditions() -> frozenset[tuple[str, ...]]:
    """Diagnosis lexicon terms whose last word is a body region ("trigger thumb", "tennis elbow"),
    as tuples of lower-case words."""
    terms = (tuple(t.lstrip(BOUND).lower().split()) for t in lexicon_terms("diagnoses.txt"))
    return frozenset(t for t in terms if len(t) > 1 and t[-1] in regions())


def _ends_site_named_condition(doc: Doc, j: int) -> bool:
    """Whether the region at token `j` ends a condition named by it ("right trigger thumb and ...")."""
    words, k = [_lower(doc[j])], j
    for _ in range(3):
        if (k := _previous_word(doc, k)) < 0:
            return False
        words.insert(0, _lower(doc[k]))
        if tuple(words) in site_named_conditions():
            return True
    return False


@lru_cache(maxsize=1)
def conditions_by_themselves() -> frozenset[str]:
    """Modifiers that the diagnosis lexicon also lists as conditions of their own ("bleeding" of
    "bleeding ulcer", "burning" of "burning pain")."""
    terms = {t.lstrip(BOUND).lower() for t in lexicon_terms("diagnoses.txt")}
    return frozenset(t for t in terms if " " not in t) & modifiers()


# what a quality before a comma describes ("burning, electric pain"): a sensation, not a condition
_SENSATION_HEADS = frozenset("pain pains ache aches discomfort sensation sensations".split())


def _is_condition_head(word: str) -> bool:
    heads = condition_heads()
    return (
        word in heads
        or (word.endswith("s") and word[:-1] in heads)
        or (word.endswith("ies") and word[:-3] + "y" in heads)
    )


@lru_cache(maxsize=1)
def single_word_drugs() -> frozenset[str]:
    """The drug lexicon's terms that are one token ("lidocaine", "Norco"), lower-case."""
    tokenizer = spacy.blank("en").tokenizer
    terms = (t.removeprefix(BOUND) for t in lexicon_terms("drugs.txt"))
    return frozenset(t.lower() for t in terms if len(tokenizer(t)) == 1)


@lru_cache(maxsize=1)
def site_words() -> frozenset[str]:
    """Modifiers and body regions: the words that only say where or which kind."""
    return modifiers() | regions()


# Implanted hardware, removed "from" its site ("removal of hardware from the left distal radius").
_HARDWARE = frozenset("hardware plate plates screw screws pin pins wire wires rod rods implant implants".split())
# Prepositions that attach a site to a mention: "neuropathy at the wrist", "MRI of the left knee".
_SITE_PREPS = {
    # "injury to the neck", "stenosis from C3 to C6", "signal change within the cord"
    "DIAGNOSIS": frozenset(
        "of at over in on along around across to from above below into between under within behind".split()
    ),
    "TREATMENT": frozenset({"of", "at", "to", "into", "for", "around", "in"}),
}
_RADIATING = frozenset({"radiating", "radiates", "radiation", "extending", "shooting", "spreading"})
# an operation that mends one break, named with it ("repair of a quadriceps tendon rupture"; not "repair of large and
# massive rotator cuff tears", a guideline's kind)
_MENDS = frozenset("repair fixation reconstruction".split())
_BREAKS = frozenset("rupture fracture".split())  # not a tear: "arthroscopic repair" of "a full-thickness tear"
_INSERTIONS = frozenset("insertion insertions attachment".split())  # where a tendon joins a bone
# Prepositions that go on from one site to the next ("subluxation of the ulnar nerve over the medial epicondyle")
_CHAIN_PREPS = frozenset({"of", "at", "across", "over", "behind", "in"})  # "... tendons behind the lateral malleolus"
# Words for a part of a structure, no site by themselves: "tear of the body of the lateral meniscus"
_PART_WORDS = frozenset(
    "body aspect apex edge half third portion part ball pad "
    "bodies aspects edges halves thirds portions parts balls pads".split()
)
_RADIATES = _RADIATING - {"extending"}  # after a site: "extending to the articular surface" is the lesion's extent
_RADIATION_COURSE = frozenset("intermittent occasional constant frequent episodic".split())
_RADIATING_PREPS = frozenset({"to", "into", "down", "up", "through", "from"})
# Symptoms that spread from where they are felt to somewhere else ("pain in the buttock to the foot")
_SPREADS = frozenset("pain pains numbness tingling paresthesia paresthesias dysesthesias ache aching".split())
_LATERALITY = frozenset({"left", "right", "bilateral"})
_IMAGING = frozenset("mri ct xr x-ray x-rays mra radiographs ultrasound scan emg ncs ncv emg/ncs emg/ncv".split())
_GRADES = frozenset({"I", "II", "III", "IV", "1", "2", "3", "4"})
_SITE_DETERMINERS = frozenset({"the", "both", "his", "her", "their"})
_FUNCTION_WORDS = frozenset(
    "with without from for after before during while by as than that which who whom whose is was were are be "
    "been has had have and or but not no nor".split()
)
# the state a part is in: after "for" a treatment names the condition it treats, not its site
_CONDITION_STATES = frozenset(
    "irregular tight painful stiff swollen weak damaged injured arthritic degenerative unstable inflamed torn".split()
)
# Words that end a site: prepositions, determiners ("to evaluate the labrum" is a purpose, not a
# site), function words ("tightness of the gastrocnemius with ankle ...")
# "a program to treat rotator cuff inflammation": what a service is for, not where it is given
_PURPOSE_VERBS = frozenset("treat relieve reduce improve address help prevent restore".split())
_NOT_SITE_WORDS = {
    label: preps | _SITE_DETERMINERS | _FUNCTION_WORDS | {"a", "an"} | _PURPOSE_VERBS
    for label, preps in _SITE_PREPS.items()
}


_ORDINAL = re.compile(r"^\d{1,2}(?:st|nd|rd|th)$")
_DIGIT_NAMES = frozenset(
    {"index", "middle", "ring", "little", "small", "long", "great", "second", "third", "fourth", "fifth"}
)


def _names_a_digit(word: str) -> bool:
    """A finger, toe or rib named by position: "index", "ring", "7th"."""
    return word in _DIGIT_NAMES or bool(_ORDINAL.match(word))


def _next_word(doc: Doc, i: int) -> int:
    while i < len(doc) and doc[i].is_space:
        i += 1
    return i


# Words that end a named structure after a region ("triangular fibrocartilage complex") and are
# no site by themselves ("complex regional pain syndrome"): "at neck level", "of rib cage", "of the
# femoral head-neck junction", a muscle's Latin size ("pectoralis major tendon", "gluteus minimus")
# and a fold ("anterior axillary fold").
_STRUCTURE_ENDS = frozenset("complex level cage junction major minor magnus minimus fold folds".split())
_REFLEXES = frozenset({"reflex", "reflexes", "jerk", "jerks"})
_SYNDROME = frozenset({"syndrome", "syndromes"})
# Words that make the "site" before them part of a test's name ("nerve conduction", "nerve studies",
# "chest x-ray", which the tokenizer splits "x", "-", "ray")
_TEST_WORDS = _IMAGING | frozenset(
    "conduction studies study testing tests imaging scan scans films views radiograph x".split()
)
_MEASURES = frozenset({"strength", "strengths", "score", "scores", "testing", "reflex", "reflexes", "jerk", "jerks"})


def _spine_abbreviation(doc: Doc, i: int) -> bool:
    """Whether tokens i..i+2 write a spinal region short ("L-spine", "C-spine", "LS-spine", "L/S")."""
    return (
        i + 2 < len(doc)
        and doc[i].text.upper() in ("C", "T", "L", "LS")
        and (
            (doc[i + 1].text == "-" and _lower(doc[i + 2]) == "spine")
            or (doc[i + 1].text == "/" and doc[i + 2].text == "S" and doc[i].text in ("C", "T", "L"))
        )
        and not doc[i].whitespace_
        and not doc[i + 1].whitespace_
    )


def _slashed_bilateral(doc: Doc, i: int) -> bool:
    """Whether tokens i..i+2 write "bilateral" as "B/L" (one word: no spaces inside)."""
    return (
        i + 2 < len(doc)
        and doc[i].text in ("B", "b")
        and doc[i + 1].text == "/"
        and doc[i + 2].text in ("L", "l")
        and not doc[i].whitespace_
        and not doc[i + 1].whitespace_
    )


_SIDE_LETTERS = {"L": "left", "R": "right"}  # "L knee pain", "the L C6 dermatome" (capitals only)
# Clinical shorthand for a function word: lexicon terms match through it (SpaceNormaliser sets it
# as NORM: "difficulty w/ stairs" is "difficulty with stairs"), and so do sites ("pain w/ radiation").
SHORTHAND = {"w/": "with", "w/o": "without"}


def _lower(tok: Token) -> str:
    """A token's lower-case text; for a word PDF extraction split by a hyphen at a line end
    ("tri-\\nangular", "conser-\\nvative", one token after SpaceNormaliser) the word re-joined
    as SpaceNormaliser reads it (:func:`imr_nlp.factories.split_words`)."""
    lower = fold(tok.lower_)  # "\ufb01nger" is "finger"
    if "-" not in lower or tok.is_space or not any(c.isspace() for c in lower):
        return lower
    return tok.norm_


@lru_cache(maxsize=1)
def lexicon_words() -> frozenset[str]:
    """Every lower-case word of the lexicons ("bilateral", "subluxation", "radiating")."""
    names = ("diagnoses.txt", "treatments.txt", "drugs.txt", "modifiers.txt", "regions.txt")
    return frozenset(w for name in names for term in lexicon_terms(name) for w in term.lstrip(BOUND).lower().split())


def _word(tok: Token) -> str:
    """A token's lower-case word; for a word split at a line end the word re-joined whether or
    not the lexicons know it ("radio-\\ncarpal" -> "radiocarpal"); a side written as one capital
    letter spelled out ("L" -> "left"), and "w/" as "with"."""
    if tok.text in _SIDE_LETTERS:
        return _SIDE_LETTERS[tok.text]
    if tok.lower_ in SHORTHAND:
        return SHORTHAND[tok.lower_]  # "pain w/ radiation to BUE"
    return tok.norm_ if "\n" in tok.text and not tok.is_space else _lower(tok)


_SENSORY_STIMULI = frozenset({"light", "touch", "pinprick"})


def _infinitive(doc: Doc, i: int) -> bool:
    """Whether the word at `i`, after "to", is a verb rather than the start of a site: a lower-case word
    no lexicon knows ("to replace teeth", "to restore the arch"; not "to the knee", "to bilateral knees")."""
    if i >= len(doc) or not doc[i].is_alpha or not doc[i].is_lower or is_level(doc, i):
        return False
    word = _lower(doc[i])
    return not any(word in known for known in (regions(), modifiers(), _SITE_DETERMINERS, ("a", "an")))


def site_end(doc: Doc, end: int, label: str, radiating_head: bool = False) -> int:
    """Where a mention ending at token `end` ends once its anatomical site is included: over
    "<of/at/...> (the) <modifiers> <region>" (up to two unknown lower-case words before the
    region), "at <spinal level> (and <level>)" or, for a DIAGNOSIS, "radiating to/down (the)
    <region>"; else `end`."""
    i = _next_word(doc, end)
    if label == "DIAGNOSIS" and i < len(doc) and _word(doc[i]) in ("to", "on", "with"):
        j = _next_word(doc, i + 1)
        if j < len(doc) and _lower(doc[j]) == "palpation":  # "tenderness to palpation of ..."
            i = _next_word(doc, j + 1)
        elif j < len(doc) and _word(doc[i]) == "to" and _lower(doc[j]) in _SENSORY_STIMULI:
            # "decreased sensation to light touch in the right C6 distribution"
            k = _next_word(doc, j + 1) if _lower(doc[j]) == "light" else j
            if k < len(doc) and _lower(doc[k]) in ("touch", "pinprick"):
                i = _next_word(doc, k + 1)
        elif j < len(doc) and _word(doc[i]) == "with":
            k = _after_with_course(doc, i)  # "LBP w/ intermittent radiation to the L buttock"
            if k < len(doc) and (_lower(doc[k]) in _RADIATING or _spread_noun(doc, k)):  # "with radiation (spread) to"
                i = k
    if label == "DIAGNOSIS" and i < len(doc) and _lower(doc[i]) in ("that", "which"):
        j = _next_word(doc, i + 1)  # "neck pain that radiates into the right shoulder blade"
        if j < len(doc) and _lower(doc[j]) in ("radiates", "radiate", "radiated"):
            i = j
    radiating = label == "DIAGNOSIS" and i < len(doc) and (_lower(doc[i]) in _RADIATING or _spread_noun(doc, i))
    head = _is_condition_head(_lower(doc[end - 1]))
    if (
        label == "DIAGNOSIS"
        and i < len(doc)
        and (_lower(doc[i]) == "down" or (_lower(doc[i]) == "from" and _names_a_place(doc, _next_word(doc, i + 1))))
        and head
    ):
        # "burning pain down the left leg into the foot", "shooting pain from the left buttock to the lateral
        # calf": radiating, the verb left out
        radiating = True
        i = _next_word(doc, i + 1)
    elif radiating_head and label == "DIAGNOSIS" and i < len(doc) and _lower(doc[i]) in _RADIATING_PREPS:
        radiating = True  # "radiating pain to the right thumb": the preposition follows the head
        i = _next_word(doc, i + 1)
    elif radiating:
        i = _next_word(doc, i + 1)  # "pain radiating to the left leg"
        if i >= len(doc) or _lower(doc[i]) not in _RADIATING_PREPS:
            return end
        if _lower(doc[i]) in ("up", "down") and (k := _next_word(doc, i + 1)) < len(doc) and _lower(doc[k]) == "into":
            i = k  # "radiating up into the occiput"
        i = _next_word(doc, i + 1)
    elif i < len(doc) and (_word(doc[i]) in _LATERALITY or is_level(doc, i)):
        pass  # "MRI right shoulder", "epidural steroid injection C6-7": the site without a preposition
    elif (
        label == "TREATMENT"
        and i < len(doc)
        and _lower(doc[end - 1]) in _IMAGING
        and (_word(doc[i]) in regions() or _spine_abbreviation(doc, i))
        and not (doc[i].is_upper and len(doc[i]) > 3)  # "EMG/NCS\nMAXIMUS Federal Services": no gluteus maximus
    ):
        pass  # "CT head", "MRI brain", "XR\npelvis", "MRI C-spine": an imaging study named with its region
    elif label == "TREATMENT" and i < len(doc) and _lower(doc[i]) == "from" and is_level(doc, _next_word(doc, i + 1)):
        i = _next_word(doc, i + 1)  # "fusion from T9 to L1": the levels a procedure spans
    elif (
        label == "TREATMENT"
        and _lower(doc[end - 1]) in _HARDWARE
        and i < len(doc)
        and _lower(doc[i]) == "from"
        and _names_a_place(doc, _next_word(doc, i + 1))
    ):
        i = _next_word(doc, i + 1)  # "removal of hardware from the left distal radius": where the hardware is
    elif i >= len(doc) or _lower(doc[i]) not in _SITE_PREPS[label]:
        return end
    elif _lower(doc[i]) == "from" and not _names_a_place(doc, _next_word(doc, i + 1)):
        return end  # "pain from prolonged static neck flexion": a cause, not a site
    elif (
        label == "TREATMENT"
        and _lower(doc[i]) == "for"
        and (j := _next_word(doc, i + 1)) < len(doc)
        and _lower(doc[j]) in _CONDITION_STATES
    ):
        return end  # "scleral lenses for irregular corneal surfaces": the condition treated, not a site
    elif _lower(doc[i]) == "to" and _infinitive(doc, _next_word(doc, i + 1)):
        return end  # "dentures to replace teeth": what it is for, not a site
    else:
        i = _next_word(doc, i + 1)
    on_site = (k := _next_word(doc, end)) < len(doc) and _lower(doc[k]) == "on"  # "neuropathy on ..."
    # "a cord from the palm into the ring finger", "burning pain in the buttock and thigh to the lateral foot"
    from_site = k < len(doc) and (
        _lower(doc[k]) == "from"
        or (label == "DIAGNOSIS" and _lower(doc[k]) == "in" and _lower(doc[end - 1]) in _SPREADS)
    )
    if _postposed_side(doc, i):
        return end  # "reduced cervical rotation to both sides"
    indefinite = i < len(doc) and _lower(doc[i]) in ("a", "an")
    if i < len(doc) and (
        _lower(doc[i]) in _SITE_DETERMINERS
        or (indefinite and (label == "DIAGNOSIS" or _lower(doc[_previous_word(doc, i)]) != "for"))
    ):
        # "pain in an S1 distribution", "repair of a collateral ligament"; not "stay for a knee ..."
        i = _next_word(doc, i + 1)
    if label == "TREATMENT" and indefinite and _lower(doc[end - 1]) in _MENDS and (k := _break_end(doc, i)) is not None:
        return k  # "repair of an Achilles tendon rupture", "fixation of a metacarpal fracture": what it mends
    if _postposed_side(doc, i):
        return end  # "a positive Trendelenburg sign on the right": the side, written after, stays out
    new_end, words, places, unknown = end, modifiers(), regions(), 0
    before_and: int | None = None  # where the site ended before "and"/"," joined another one
    prev, after_place, det_after_and, comma_after_site = "", False, False, False
    while i < len(doc):
        tok = doc[i]
        low = _word(tok)
        if after_place and label == "DIAGNOSIS" and low in _REFLEXES and before_and is None:
            new_end = i + 1  # "loss of the ankle reflex": the reflex ends the finding
            break
        if comma_after_site and after_place and label == "DIAGNOSIS" and low in _MOTIONS and before_and:
            new_end = before_and  # "redness over the fibular head, full knee extension": the next finding
            break
        if (
            is_level(doc, i)
            or low in places
            or (low.endswith("s") and low[:-1] in places)  # "of both thumbs", "first dorsal compartments"
            or (low == "end" and prev in ("proximal", "distal"))  # "of proximal end of tibia"
            or (after_place and (low in _STRUCTURE_ENDS or (label == "DIAGNOSIS" and low in _MOTIONS)))
            or (label == "DIAGNOSIS" and low in _MOTIONS and prev in _MOTION_KINDS | {""} and not on_site)
        ):  # "... of the ulnar nerve complex", "weakness of left ankle plantar flexion"
            new_end, unknown, after_place = i + 1, 0, True
            prev = low
            i = _next_word(doc, i + 1)
            continue
        if _slashed_bilateral(doc, i):  # "radiation to the B/L buttocks": a side
            prev = "bilateral"
            i = _next_word(doc, i + 3)
            continue
        if _spine_abbreviation(doc, i):  # "MRI of the L-spine"
            new_end, unknown, after_place, prev = i + 3, 0, True, "spine"
            i = _next_word(doc, i + 3)
            continue
        if before_and is not None and not after_place and prev in words and _lower(tok) in _CHAIN_PREPS:
            new_end = before_and  # "tenderness of the fingertip, catching of the finger": the next finding
            break
        if (
            (
                _lower(tok) in _CHAIN_PREPS
                or _from_the_place(doc, i)
                or (_lower(tok) in ("on", "into") and prev in _INSERTIONS)  # "at its insertion on the patella"
                or radiating
                and _lower(tok) in _RADIATING_PREPS
                or from_site
                and _lower(tok) in ("to", "into")
            )
            and new_end > end
            or _lower(tok) == "of"
            and prev in _PART_WORDS
            and before_and is None
        ):
            # "sprain of ... joint of the right thumb", "radiating down the left leg to the lateral foot",
            # "slowing of the ulnar nerve across the elbow"
            after_place = False
            i = _next_word(doc, i + 1)
            if i < len(doc) and _lower(doc[i]) in _SITE_DETERMINERS:
                i = _next_word(doc, i + 1)
            continue
        elif _lower(tok) == "," and new_end == end and unknown:
            break  # "an ergonomic evaluation of her work station, wrist braces": the next item
        elif _lower(tok) in ("and", ","):
            after_place = False
            if new_end > end:
                before_and = new_end  # "at L4-5 and L5-S1", "of joints and ligaments"
                comma_after_site = comma_after_site or _lower(tok) == ","
            elif not unknown and not _names_a_digit(prev) and prev not in words:
                break
            # else adjectives before a shared region: "in the ring and little fingers", "of the cervical
            # and lumbar paraspinal muscles"
        elif tok.text == "-" and after_place and not tok.whitespace_ and not doc[i - 1].whitespace_:
            pass  # "the femoral head-neck junction": one site written with a hyphen
        elif (
            _lower(tok) in ("on", "to", "through")
            and is_level(doc, _previous_word(doc, i))
            and is_level(doc, _next_word(doc, i + 1))
        ):
            pass  # "anterolisthesis of L4 on L5", "stenosis from C3 to C6", "at C4-5 through C6-7"
        elif low in words or _names_a_digit(low):
            pass  # "in the right thumb, index and middle fingers", "of the right 7th and 8th ribs"
        elif (
            low in _PART_WORDS
            and before_and is None
            and (j := _next_word(doc, i + 1)) < len(doc)
            and _lower(doc[j]) == "of"
        ):
            pass  # "of the body of the lateral meniscus": the part, then its structure
        elif _lower(tok) in _SITE_DETERMINERS and prev in ("and", ","):
            det_after_and = True  # "over the ... ligament and the peroneal tendons"
        elif (
            low.isalpha()
            and tok.is_lower
            and unknown < 2
            and (before_and is None or det_after_and)  # "... and the first dorsal compartment"
            and not after_place  # "radiographs of the pelvis showed ...": a verb, not another site
            and low not in _NOT_SITE_WORDS[label]
            and not _is_condition_head(low)  # "..., numbness of the great toe": the next mention
        ):
            unknown += 1  # an adjective the lists do not know ("talofibular ligament")
        else:
            if before_and is not None and tok.is_alpha and (_is_condition_head(_lower(tok)) or low in _MEASURES):
                # "pain in the right foot and wrist pain": the next mention's site; "signs at both
                # wrists and grip strength": a measure of the site
                new_end = before_and
            break
        prev = low
        i = _next_word(doc, i + 1)
    if new_end > end and (j := _next_word(doc, new_end)) < len(doc):
        if _is_condition_head(_lower(doc[j])):
            return end  # "surgery for rotator cuff tears", "therapy for low back pain": a condition, not a site
        if label == "TREATMENT" and _PROCEDURE_END.search(_lower(doc[j])):
            return end  # "surgery for cubital tunnel release": the site names the next procedure
        if label == "TREATMENT" and _lower(doc[j]) in _EXERCISE_HEADS:
            return end  # "therapy for core and hip strengthening": the site names the exercise
        if label == "DIAGNOSIS" and on_site and _lower(doc[j]) in _TEST_WORDS:
            # "median neuropathy on nerve conduction studies", "a cavity on his chest x-ray": the test that
            # showed it, not a site
            return end
    return new_end


_EXERCISE_HEADS = frozenset(
    "strengthening stretching training exercise exercises stabilization conditioning mobilization".split()
)


def _radiates_after(doc: Doc, end: int) -> bool:
    """Whether a spread follows token `end`: "radiating ...", "with (intermittent) spread into ..."."""
    i = _after_with_course(doc, _next_word(doc, end))
    return i < len(doc) and (_lower(doc[i]) in _RADIATES or _spread_noun(doc, i))


def _after_with_course(doc: Doc, i: int) -> int:
    """The word after "with (intermittent)" at token `i`, where a spread would be named ("with
    occasional radiation ..."); `i` itself if no "with" is there."""
    if i < len(doc) and _word(doc[i]) == "with":
        i = _next_word(doc, i + 1)
        if i < len(doc) and _lower(doc[i]) in _RADIATION_COURSE:
            i = _next_word(doc, i + 1)
    return i


def _spread_noun(doc: Doc, i: int) -> bool:
    """Token `i` is "spread" as a noun after "with" ("with (occasional) spread into ..."), not the
    verb ("the pain spread to both arms")."""
    if _lower(doc[i]) != "spread":
        return False
    p = _previous_word(doc, i)
    p = _previous_word(doc, p) if p >= 0 and _lower(doc[p]) in _RADIATION_COURSE else p
    return p >= 0 and _word(doc[p]) == "with"


def _break_end(doc: Doc, i: int) -> int | None:
    """The end of a break named from token `i` by at most four words ("Achilles tendon rupture",
    "bimalleolar fracture"), or None where another word or a mark comes first."""
    for _ in range(5):
        if i >= len(doc) or not (doc[i].is_alpha or doc[i].text == "-"):
            return None
        if _lower(doc[i]) in _BREAKS:
            return i + 1
        if _lower(doc[i]) in ("and", "or", "with"):
            return None
        i = _next_word(doc, i + 1)
    return None


def _from_the_place(doc: Doc, i: int) -> bool:
    """Whether token `i` is "from" before "the" and a site, where a structure is torn from ("tear of
    the distal biceps tendon from the radial tuberosity"), not a cause ("stenosis at L4-5 from facet
    hypertrophy", "pain ... from repetitive scaling")."""
    the = _next_word(doc, i + 1)
    return (
        _lower(doc[i]) == "from"
        and the < len(doc)
        and _lower(doc[the]) == "the"
        and _names_a_place(doc, _next_word(doc, the + 1))
    )


def _names_a_place(doc: Doc, i: int) -> bool:
    """Whether token `i` starts a site ("the left buttock", "L5", "both knees"), not a cause
    ("pain from prolonged static neck flexion", "pain from lifting")."""
    if i >= len(doc):
        return False
    word = _word(doc[i])
    return (
        word in _SITE_DETERMINERS | _LATERALITY
        or word in regions()
        or word in site_words()
        or is_level(doc, i)
        or _spine_abbreviation(doc, i)
    )


def _postposed_side(doc: Doc, i: int) -> bool:
    """Whether token `i` starts a bare side after a mention: "on the right", "on the left side",
    "(limited to 60 degrees) to each side"."""
    if i < len(doc) and _lower(doc[i]) in ("each", "either", "both"):
        return (j := _next_word(doc, i + 1)) < len(doc) and _lower(doc[j]) in ("side", "sides")
    if i >= len(doc) or _word(doc[i]) not in ("right", "left") or i < 2:
        return False
    the = _previous_word(doc, i)
    if _lower(doc[the]) != "the" or _lower(doc[_previous_word(doc, the)]) != "on":
        return False
    j = _next_word(doc, i + 1)
    return j >= len(doc) or _lower(doc[j]) == "side" or not (_word(doc[j]) in site_words() or is_level(doc, j))


_UNIT = r"(?:visits?|sessions?|treatments?|days?|weeks?|wks|months?|mos|hours?|years?|yrs?)"
_NUMBER = r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fourteen|sixteen|eighteen|twenty)"
_MORE = ("additional", "more", "further")  # "12 additional sessions", "8 more psychotherapy sessions"
_COUNT = rf"\b{_NUMBER}\s{{1,4}}(?:(?:{'|'.join(_MORE)})\s{{1,4}})?"
# What may follow a service as part of the same mention: counts, frequency, duration, rental or
# purchase ("physical therapy x 12 visits", "2 x 4", ", 12 sessions", "3 times a week for 4
# weeks", "4 hours a day", ", purchase", "30 day trial", "without contrast").
_QUANTITY_TAIL = re.compile(
    r"(?:,?\s{0,4}(?:"
    rf"(?:x|times|\#)\s{{0,4}}\d+(?:\s{{1,4}}{_UNIT})?"
    # strength, amount: "10/325 mg", "180gm", "8mg/2mg"
    # a daily dose: "gabapentin up to 2400 mg a day", "meloxicam 15 mg a day", "sertraline up to 200 mg (daily)"
    r"|(?:up\s{1,4}to\s{1,4})?\d[\d.,]*\s{0,4}(?:mg|mcg|ml|gm|g)\s{1,4}(?:a|per)\s{1,4}(?:day|week)\b"
    r"|up\s{1,4}to\s{1,4}\d[\d.,]*\s{0,4}(?:mg|mcg|ml|gm|g)(?![\w/])"
    r"|\d[\d.,]*(?:(?:mg|mcg)?/\d[\d.,]*)*\s{0,4}(?:mg|mcg|ml|%|gm|g|grams?|meq)(?![\w/])"  # "10 mEq"
    r"|\d[\d.,]*\s{0,4}(?:mg|mcg)/kg\b"  # a dose by weight: "ivermectin 200 mcg/kg"
    r"|(?<=[\dgs]\s)(?:IV|IM)\b"  # how a dose is given: "cefazolin 2 grams IV", "Toradol 60mg IM"
    # doses and how far apart: "two doses one week apart", "two applications one week apart"
    rf"|{_NUMBER}\s{{1,4}}doses?\b|{_NUMBER}\s{{1,4}}(?:days?|weeks?)\s{{1,4}}apart\b"
    r"|\d+\s{0,4}x\s{0,4}\d+"
    r"|\d+(?:-|\s{1,4})day\s{1,4}(?:trial|rental)"
    # a singular unit before a noun is the next item's ("Left TKA, 3 day inpatient stay")
    rf"|\d+\s{{1,4}}{_UNIT}(?<!s)(?!\s{{1,4}}(?!(?:a|per)\b)[a-z])(?:\s{{1,4}}(?:a|per)\s{{1,4}}(?:day|week|month))?\b(?!\s{{1,4}}of\b)"
    rf"|\d+\s{{1,4}}{_UNIT}(?<=s)(?:\s{{1,4}}(?:a|per)\s{{1,4}}(?:day|week|month))?\b(?!\s{{1,4}}of\b)"
    rf"|{_NUMBER}\s{{1,4}}{_UNIT}\s{{1,4}}(?:a|per)\s{{1,4}}(?:day|week|month)\b"
    rf"|(?:up\s{{1,4}}to\s{{1,4}})?{_NUMBER}(?:\s{{0,4}}(?:to|-)\s{{0,4}}{_NUMBER})?\s{{1,4}}(?:times|tablets?|tabs?|pills?)?\s{{0,4}}(?:(?:a|per)\s{{1,4}}|/)(?:day|week|month)\b"
    # a range whose first number the drug's strength took ("naproxen 3" + " to 4 times a week"), a vague count
    rf"|(?<=\d)\s{{0,4}}(?:to|-)\s{{0,4}}{_NUMBER}\s{{1,4}}times\s{{1,4}}(?:(?:a|per)\s{{1,4}}|/)(?:day|week|month)\b"
    r"|(?:several|a\s{1,4}few|multiple|many)\s{1,4}times\s{1,4}(?:(?:a|per)\s{1,4}|/)(?:day|week|month)\b"
    rf"|\(\s{{0,4}}(?:(?:about|approximately|over|at\s{{1,4}}least)\s{{1,4}})?{_NUMBER}\s{{1,4}}(?:visits?|sessions?|treatments?)\s{{0,4}}\)"
    r"|(?:with|and|plus)\s{1,4}supplies\b"  # "TENS unit with supplies"
    # "lumbar x-rays with flexion and extension views"
    r"|with\s{1,4}(?:flexion(?:\s{1,4}and\s{1,4}|/)extension|flexion-extension)(?:\s{1,4}(?:views|films|radiographs))?"
    rf"|{_NUMBER}\s{{1,4}}(?:puffs?|sprays?|drops?)\b"  # "Advair 250/50 one puff twice daily"
    # "Truvada one tablet daily": a count of tablets where a frequency follows
    rf"|{_NUMBER}\s{{1,4}}(?:tablets?|tabs?|pills?|capsules?|caps?)(?=,?\s{{1,4}}(?:daily|nightly|twice|once|three|four|every"
    r"|at\s|a\s{1,4}day|per\s|as\s{1,4}needed|prn|bid|tid|qid|qhs|qd|q\d))"
    rf"|for\s{{1,4}}(?:(?:at\s{{1,4}}least|the\s{{1,4}}(?:past|last)|almost|nearly|about|approximately|over)\s{{1,4}})?{_NUMBER}\s{{1,4}}(?:(?:more|additional|further)\s{{1,4}})?(?:days?|weeks?|months?|years?|visits?|sessions?|hours?)\b"
    r"(?:\s{1,4}(?:a|per)\s{1,4}(?:day|week))?"  # "home health aide for four hours a day"
    rf"|every\s{{1,4}}(?:(?:\d+(?:-\d+|\s{{1,4}}to\s{{1,4}}\d+)?|two|three|four|six|other)\s{{1,4}})?(?:hours?|days?|weeks?|months?)\b|of\s{{1,4}}{_NUMBER}\s{{1,4}}(?:visits?|sessions?)\b"
    # "Norco 5/325 for the past year", "for the last few months"
    r"|for\s{1,4}the\s{1,4}(?:past|last)\s{1,4}(?:(?:few|several)\s{1,4})?(?:years?|months?|weeks?)\b"
    r"|(?:purchase|rental)\b(?!\s{1,4}of\b)|(?:(?:almost|nearly)\s{1,4})?(?:daily|nightly|weekly|twice\s{1,4}daily|as\s{1,4}needed"
    r"|prn|(?:bid|tid)-(?:tid|qid)|bid|tid|qid|qhs|qd|qod|qam|qpm)\b"
    r"|(?:once|twice)\s{1,4}(?:a|per)\s{1,4}(?:day|week|month)\b|(?:once|twice)[\s-]{1,4}(?:daily|weekly|monthly|nightly)\b"
    # how long a brace or splint was worn: "stack splint worn full time for 8 weeks"
    rf"|worn\s{{1,4}}(?:(?:full(?:\s{{1,4}}|-)time|at\s{{1,4}}night|nightly|daily)\s{{1,4}})?for\s{{1,4}}{_NUMBER}\s{{1,4}}(?:days?|weeks?|months?)\b"
    rf"|at\s{{1,4}}(?:bedtime|night)\b|(?:up\s{{1,4}}to\s{{1,4}})?(?:once|{_NUMBER}\s{{1,4}}times)\s{{1,4}}(?:a\s{{1,4}})?daily\b"
    r"|with(?:\s{1,4}and)?(?:\s{1,4}without)?\s{1,4}(?:contrast|gadolinium)|without\s{1,4}(?:contrast|gadolinium)"
    r"|under\s{1,4}(?:ultrasound|US|fluoroscopic|fluoroscopy|fluoro|sonographic|CT)(?:\s{1,4}guidance)?"
    r")){1,3}",
    re.IGNORECASE,
)
# A count before a service: "12 sessions of physical therapy", "course of acupuncture", "three rounds
# of occipital nerve blocks", "a course of 30 sessions of TMS", "six month gym membership", "one-year gym
# membership".
_QUANTITY_HEAD = re.compile(
    rf"(?:(?:\b(?:course|series)\s{{1,4}}of\s{{1,4}})?{_COUNT}(?:{_UNIT}|rounds?|courses?|applications?)\s{{1,4}}of"
    rf"|\b(?:{_NUMBER}(?:-|\s{{1,4}})(?:day|week|month|year)\s{{1,4}})?(?:course|series)\s{{1,4}}of"
    rf"|\b{_NUMBER}(?:-|\s{{1,4}})(?:hour|day|week|month|year)"  # "a 24-hour Holter monitor", "30 day trial"
    rf"|\b(?:{_NUMBER}|single)(?:-|\s{{1,4}})level"
    # "evaluation for a functional restoration program", "psychological evaluation for a spinal cord stimulator trial"
    r"|\b(?:(?:psychological|psychiatric|medical|surgical|neuropsychological)\s{1,4})?evaluation\s{1,4}for(?:\s{1,4}an?)?)\s{1,4}$",
    re.IGNORECASE,
)


# Visits or sessions named after the service ("12 physical therapy visits", "six acupuncture
# sessions", "8 more psychotherapy sessions", "chiropractic visits"), with the count before it.
_VISITS_AFTER = re.compile(r"\s{1,4}(?:visits?|sessions?|applications?)\b", re.IGNORECASE)
_COUNT_BEFORE = re.compile(rf"(?:\b{_NUMBER}\s{{0,4}}(?:-|to)\s{{0,4}})?{_COUNT}$", re.IGNORECASE)  # "3-4 ... visits"
# A service done once has no duration: in "responded to the cortisone injection for two months" the
# months are the relief's.
_SINGLE_EVENT = re.compile(
    # an operation too: in "After a discectomy or laminectomy, 16 visits over 8 weeks are allowed" the visits are
    # the therapy's, and so after "fixation of a metacarpal fracture" (an operation named with the break it mends)
    r"\b(?:injections?|blocks?|release|surgery|arthroscopy|MRI|x-rays?|radiographs|scan"
    r"|[a-z]+(?:ectomy|otomy|plasty|desis|scopy)|fusion|decompression|repair|reconstruction"
    rf"|(?:{'|'.join(sorted(_MENDS))})\s+of\s+an?\s+[\w\s-]+?(?:{'|'.join(sorted(_BREAKS))}))$",
    re.IGNORECASE,
)
_FOR_A_WHILE = re.compile(r",?\s{1,4}for\s", re.IGNORECASE)
# ... nor visits: in "after arthroscopic surgery, 24 visits over 14 weeks" the visits are the therapy's.
_VISIT_COUNT = re.compile(rf",?\s{{0,4}}{_NUMBER}\s{{1,4}}(?:visits?|sessions?)\b", re.IGNORECASE)


def quantity_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """Character bounds of a TREATMENT mention at ``text[start:end]`` extended over the counts,
    frequency and duration written around it (ANNOTATION.md: quantity and frequency attached to
    a drug or therapy belong to the mention)."""
    if m := _VISITS_AFTER.match(text, end):
        end = m.end()
        if c := _COUNT_BEFORE.search(text, max(0, start - 30), start):
            start = c.start()
    if m := _QUANTITY_HEAD.search(text, max(0, start - 40), start):
        start = m.start()
    if (m := _QUANTITY_TAIL.match(text, end)) and not (
        (_FOR_A_WHILE.match(text, end) or _VISIT_COUNT.match(text, end)) and _SINGLE_EVENT.search(text, start, end)
    ):
        end = m.end()
    return start, end


_ADJECTIVE = re.compile(r"^[a-z][a-z-]{3,}(?:al|ic|ac|ar|ous|ive|eal|ary|oid)$")  # "cardiac", "iliac"
# Adjectives with those endings that grade, quantify or judge rather than say what the thing is.
_NOT_DESCRIPTIVE = frozenset(
    "minimal several usual typical normal abnormal potential general special official initial final formal regular "
    "similar particular various serious numerous obvious effective ineffective expensive excessive positive negative "
    "objective subjective extensive aggressive comprehensive medical physical clinical mental annual conservative "
    "reasonable optimal maximal substantial marginal occasional critical successful unsuccessful appropriate "
    "alternative additional original prior previous further individual empirical requested elective specific "
    "generic necessary unnecessary temporary ordinary preliminary voluntary contrary financial legal industrial "
    "occupational accidental artificial conventional equivocal classic characteristic longer shorter repetitive "
    "gradual massive unclear inconclusive "
    # nouns with those endings ("CLINICAL CASE SUMMARY" above a sentence that opens with a drug)
    "summary commentary secretary boundary referral denial approval renewal narrative representative".split()
)


_COURSES = frozenset({"acute", "subacute", "chronic"})  # a condition's course, two of them joined by "and"
# Adjectives too short for :func:`is_descriptive_adjective` that say what kind a pain or finding is.
_KIND_ADJECTIVES = frozenset(
    "axial focal diffuse sharp dull burning aching stabbing shooting throbbing cramping".split()
)


def _describes(word: str) -> bool:
    """An adjective that says what kind of condition it is ("axial", "radicular", "neuropathic")."""
    return word in _KIND_ADJECTIVES or is_descriptive_adjective(word)


def is_descriptive_adjective(word: str) -> bool:
    """A lower-case adjective that says what kind of thing a mention is ("discogenic",
    "tricompartmental", "provocative", "anterolateral"), by its ending, unless it only grades,
    counts or judges ("minimal", "several", "appropriate")."""
    return bool(_ADJECTIVE.match(word)) and word not in _NOT_DESCRIPTIVE


def plain_window(doc: Doc, lo: int, hi: int) -> tuple[str, list[int]]:
    """The text of tokens [lo, hi) as the text regexes read it, and for each of its characters
    the offset in ``doc.text``: a PDF character form is the plain one ("4\u20136 hours", "\ufb01ve
    days": :func:`imr_nlp.textview.fold`), a run of whitespace one space or line break (blank
    lines, spaces at a line end or start: "12 sessions of  \n\n  physical therapy") and page
    furniture one space ("16 sessions of / Page 1 of 4 / cognitive behavioral therapy"). A
    ligature's two letters both map to its one character."""
    window = doc[lo:hi]
    if window.text.isascii() and not any(t.is_space or ("\n" in t.text or "- " in t.text) for t in window):
        base = window.start_char
        return window.text, list(range(base, window.end_char))
    chars: list[str] = []
    where: list[int] = []
    for tok in window:
        if tok.is_space:  # whitespace, or page furniture (SpaceNormaliser)
            chars.append("\n" if "\n" in tok.text and tok.text.isspace() else " ")
            where.append(tok.idx)
        else:  # a word split at a line end reads as the word re-joined ("eigh-\n teen": SpaceNormaliser)
            text = tok.norm_ if "-" in tok.text and not tok.text.isalpha() and tok.norm_.isalpha() else fold(tok.text)
            chars.append(text)
            if len(text) == len(tok):  # most words: one character each
                where.extend(range(tok.idx, tok.idx + len(text)))
            elif text:
                last = tok.idx + len(tok) - 1
                where.extend(min(tok.idx + k, last) for k in range(len(text) - 1))
                where.append(last)
        if tok.i < hi - 1:
            chars.append(tok.whitespace_)
            where.extend(range(tok.idx + len(tok), tok.idx + len(tok) + len(tok.whitespace_)))
    return "".join(chars), where


def quantity_bounds_in_doc(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """:func:`quantity_bounds` for tokens [start, end), reading only a window of text around them
    (``doc.text`` is rebuilt on every access)."""
    lo, hi = max(0, start - 12), min(len(doc), end + 24)
    text, where = plain_window(doc, lo, hi)
    a, b = bisect_left(where, doc[start].idx), bisect_left(where, doc[end - 1].idx + len(doc[end - 1]))
    a, b = quantity_bounds(text, a, b)
    return where[a], where[b - 1] + 1


# Second halves of hyphenated adjectives that say what kind of thing a mention is ("broad-based disc
# bulge", "drug-induced headache", "right-sided radiculopathy", "multi-level stenosis").
_COMPOUND_ENDS = frozenset(
    "based induced sided level onset bone type term mediated going counter frequency pitched thickness focused "
    "time contrast acting bearing dose wheeled step point potency guided free predominant dominant potent resolution "
    "use specific lowering related".split()  # "high-resolution CT", "single-use catheters", "venom-specific IgE"
)


_LINE_SPLIT_COMPOUND = re.compile(r"[a-z]+-\s+([a-z]+)")


def _hyphenated(doc: Doc, i: int) -> bool:
    """Whether token `i` ends a hyphenated word written without spaces ("post-traumatic")."""
    return (
        i >= 2
        and doc[i - 1].text == "-"
        and not doc[i - 1].whitespace_
        and not doc[i - 2].whitespace_
        and doc[i - 2].is_alpha
    )


_GENERIC_SERVICES = frozenset({"therapy", "program", "training"})
_PREPOSITIONS = frozenset("despite after before during without with via per than until since".split())
_VERBS = frozenset(
    "start starts began begin begins continue continues complete attend resume finish try need needs took received"
    " underwent recommend recommends support supports allow allows require requires prescribe prescribes order orders"
    " request requests approve approves certify certifies deny denies consider considers prefer prefers include"
    " includes use uses want wants fails resists lacks exceeds precedes follows helps"
    " attends completes resumes finishes tries receives undergoes"
    " address addresses cover covers provide provides offer offers discuss discusses mention mentions"
    " give gives gave given take takes taken begun undergone".split()  # "was given exercise therapy"
    # "do not recommend shockwave therapy", "eczema that fails topical therapy", "attends outpatient therapy",
    # "The MTUS does not address therapy after envenomation"
)


def _names_a_kind_of(doc: Doc, i: int, start: int, head: int) -> bool:
    """Whether token `i`, a noun before a generic service word, says which kind it is
    ("desensitization therapy", "mirror therapy program"): at most two such words, lower-case,
    not a function word, a participle, an adverb or a judging adjective ("conservative")."""
    tok = doc[i]
    return (
        _lower(doc[head]) in _GENERIC_SERVICES
        and len([t for t in doc[start:head] if not t.is_space]) < 2
        and tok.is_alpha
        and tok.is_lower
        and not tok.is_stop
        and _lower(tok) not in _PREPOSITIONS
        and _lower(tok) not in _VERBS
        and not _lower(tok).endswith(("ed", "ly", "ing"))
        and _lower(tok) not in _NOT_DESCRIPTIVE
        # "to facilitate exercise therapy": a verb; "referred to desensitization therapy" keeps its kind
        and not (
            _lower(tok).endswith(("ate", "ize", "ify"))
            and (j := _previous_word(doc, i)) >= 0
            and _lower(doc[j]) == "to"
        )
    )


_DIRECTIONS = frozenset(
    "left right medial lateral anterior posterior upper lower inner outer dorsal volar radial ulnar proximal "
    "distal central low mid".split()  # "central and lateral recess stenosis", "neck and low back pain"
)
_COUNTS = frozenset("one two three four five six seven eight nine ten".split())
_ORDINALS = frozenset("first second third fourth fifth".split())
# Structures numbered by an ordinal ("first dorsal compartment", "second metacarpal", "fifth toe").
_NUMBERED_STRUCTURES = frozenset(
    "dorsal web interspace metacarpal metatarsal intermetatarsal toe rib digit carpometacarpal cmc".split()
)
# When a condition was, not what it is: "prior deep vein thrombosis" is a deep vein thrombosis.
_EARLIER = frozenset({"prior", "previous"})
# When a service is done, part of its name as "repeat" and "prior" are; not of a condition's ("early fatty change")
_WHEN_DONE = frozenset({"early", "late", "delayed"})


def _is_ordinal(word: str) -> bool:
    return word in _ORDINALS or bool(_ORDINAL.match(word))


def _ends_a_site(doc: Doc, i: int) -> bool:
    """Whether token `i` may end the site of an earlier mention ("injury of Achilles tendon and
    knee osteoarthritis"): a preposition among the three words before it."""
    for _ in range(3):
        i = _previous_word(doc, i)
        if i < 0:
            return False
        if _lower(doc[i]) in ("of", "in", "at", "to", "over", "into"):
            return True
    return False


def _names_a_kind(word: str) -> bool:
    """A modifier or adjective that says what kind a condition is ("scaly", "cervical"), not where
    on the body or which side it is ("left", "knee")."""
    return (word in modifiers() or _describes(word)) and not _is_site(word) and word not in _LATERALITY


def _is_site(word: str) -> bool:
    """A direction or body region ("medial", "buttock"): what may be coordinated before a shared head."""
    return word in _DIRECTIONS or word in regions()


_STATISTICS = frozenset("median mean average".split())
_DEVICE_KINDS = frozenset("prefabricated custom rigid soft hinged static dynamic diagnostic therapeutic".split())
_SPINAL_REGIONS = frozenset("cervical thoracic lumbar lumbosacral thoracolumbar sacral".split())


_NOT_EPONYMS = frozenset("patient claimant worker employee applicant physician doctor provider employer".split())


def _eponym_possessive(doc: Doc, i: int) -> bool:
    """Whether token `i` is the possessive of a name ("Kienbock's", "Colles'"): the name of a condition."""
    return (
        _lower(doc[i]) in ("'s", "'", "\u2019s", "\u2019")
        and i > 0
        and doc[i - 1].is_title
        and doc[i - 1].is_alpha
        and _lower(doc[i - 1]) not in _NOT_EPONYMS
    )


def _site_of_a_finding(doc: Doc, i: int) -> bool:
    """Whether the site word at token `i`, with its modifiers (and the sites listed before it),
    is the site of a finding before it ("tenderness of (the) neck, ...", "thickening of the
    inferior glenohumeral ligament and ..."), so a list of sites cannot start there ("complains
    of neck, ...", "her neck and shoulder pain" start one)."""
    words = site_words()
    while True:
        while (i := _previous_word(doc, i)) >= 0 and (_word(doc[i]) in words or is_level(doc, i)):
            pass
        if i >= 0 and doc[i].text == "," and (j := _previous_word(doc, i)) >= 0 and _is_site(_lower(doc[j])):
            i = j  # "wrist, elbow, shoulder and neck pain"
            continue
        break
    if i >= 0 and _lower(doc[i]) in _SITE_DETERMINERS | {"a", "an"}:
        i = _previous_word(doc, i)
    if i < 0 or _lower(doc[i]) not in _SITE_PREPS["DIAGNOSIS"]:
        return False
    p = _previous_word(doc, i)
    return p >= 0 and _is_condition_head(_lower(doc[p]))


def _previous_word(doc: Doc, i: int) -> int:
    i -= 1
    while i >= 0 and doc[i].is_space:
        i -= 1
    return i


def _compound_start(doc: Doc, i: int) -> int:
    """The first token of the hyphenated word that ends at token `i` ("off-the-shelf" is five
    tokens); `i` itself when no hyphen is written right before it."""
    while _hyphenated(doc, i):
        i -= 2
    return i


def _plus_sign(doc: Doc, i: int) -> bool:
    """Token `i` is a "+" that stands for "positive" ("Exam: + talar tilt"), not a grade ("1+ effusion")."""
    return doc[i].text == "+" and (i == 0 or bool(doc[i - 1].whitespace_) or doc[i - 1].is_space)


def _lab_panels_end(doc: Doc, end: int) -> int:
    """The end of "labs (CBC and BMP)": the panels named in brackets after labs belong to them."""
    i = _next_word(doc, end)
    if _lower(doc[end - 1]) not in ("labs", "lab") or i >= len(doc) or doc[i].text != "(":
        return end
    for j in range(i + 1, min(i + 10, len(doc))):
        if doc[j].text == ")":
            return j + 1 if j > i + 1 else end
        if not (doc[j].is_upper or _lower(doc[j]) in (",", "and", "/") or doc[j].is_space):
            return end
    return end


def with_modifiers(span: Span) -> Span:
    """A DIAGNOSIS/TREATMENT span extended over its modifiers and site: to the left over
    modifiers and spinal levels ("knee pain" -> "medial knee pain", "microforaminotomies" ->
    "right C5-7 microforaminotomies"), a treatment over its counts ("12 sessions of physical
    therapy x 2"), and to the right over an anatomical site ("MRI" -> "MRI of the left knee",
    "disc herniation" -> "disc herniation at L4-5 and L5-S1", "physical therapy for the lumbar
    spine")."""
    if span.label_ not in MODEL_LABELS:
        return span
    doc, start, words = span.doc, span.start, site_words()
    listed_sites = False  # whether the span took in sites joined by "and" ("mid back and low back pain")
    i = start - 1
    while i >= 0:
        tok = doc[i]
        if tok.is_space:
            i -= 1
            continue
        if _is_ordinal(_lower(tok)) and _lower(doc[start]) in _NUMBERED_STRUCTURES:
            # "first dorsal interosseous atrophy", "first dorsal compartment injection": the ordinal names the structure
            start = i
            j = _previous_word(doc, i)
            k = _previous_word(doc, j) if j >= 0 and _lower(doc[j]) in ("and", "or") else -1
            if k >= 0 and _is_ordinal(_lower(doc[k])):
                start = i = k  # "7th and 8th rib fractures"
            i -= 1
            continue
        if span.label_ == "DIAGNOSIS" and (
            _lower(tok) in _COUNTS or _lower(tok) in _ORDINALS or _lower(tok) in _EARLIER
        ):
            break  # "three migraine-type headaches a week", "a second dislocation", "prior fractures": not its name
        if span.label_ == "TREATMENT" and _lower(tok) in _STATISTICS:
            break  # "the median stay after lumbar laminectomy": a figure, not a kind of stay
        if span.label_ == "TREATMENT" and _lower(tok) in _WHEN_DONE:
            start = i  # "early surgical repair", "a late reconstruction": when, as "repeat" and "prior" (note 7)
            i -= 1
            continue
        if span.label_ == "TREATMENT" and tok.text == "IV":
            start = i  # the route ("IV Unasyn"); before a condition IV is a grade ("grade IV chondromalacia")
            i -= 1
            continue
        if (
            _names_a_digit(_lower(tok))
            and not _ORDINAL.match(_lower(tok))
            and _lower(doc[_next_word(doc, i + 1)]) in ("finger", "fingers", "toe", "toes")
        ):
            start = i  # "R long finger flexor tenosynovitis": which finger
            i -= 1
            continue
        if (j := _compound_start(doc, i)) < i and fold("".join(map(_word, doc[j : i + 1]))) in words:
            start, i = j, j - 1  # "knee-high compression stocking": a modifier the tokenizer split at its hyphens
            continue
        if _word(tok) in words or is_level(doc, i):  # "right scapho-\nlunate ligament tear": the word re-joined
            start = i
            if i >= 2 and _slashed_bilateral(doc, i - 2):
                start = i - 2  # "B/L L4-5 and L5-S1 MBB"
            i = start - 1
            continue
        if (
            span.label_ == "TREATMENT"
            and _lower(tok) in _MORE
            and (j := _previous_word(doc, i)) >= 0
            and _lower(doc[j]) in _COUNTS
        ):
            start, i = j, j - 1  # "three more left stellate ganglion blocks"
            continue
        if tok.text == "," and is_level(doc, start) and (j := _previous_word(doc, i)) >= 0 and is_level(doc, j):
            start, i = j, j - 1  # "L3, L4, L5 medial branch blocks": a list of levels
            continue
        if _lower(tok) in ("and", "or") and (j := _previous_word(doc, i)) >= 0 and not _ends_a_site(doc, j):
            first = _lower(doc[start])
            sites = (_is_site(first) or first in _LATERALITY) and _is_site(_lower(doc[j]))
            sites = sites or (first in _SPINAL_REGIONS and _lower(doc[j]) in _SPINAL_REGIONS)
            kinds = span.label_ == "TREATMENT" and first in _DEVICE_KINDS and _lower(doc[j]) in _DEVICE_KINDS
            kinds = kinds or (  # "axial and radicular pain", "acute and chronic L S1 radiculopathy"
                span.label_ == "DIAGNOSIS"
                and (
                    (_describes(first) and _describes(_lower(doc[j])))
                    or (first in _COURSES and _lower(doc[j]) in _COURSES)
                    # "partial-thickness and full-thickness burns": two compounds on one last word
                    or (
                        start + 2 < span.end
                        and _hyphenated(doc, start + 2)
                        and _hyphenated(doc, j)
                        and _lower(doc[start + 2]) == _lower(doc[j])
                    )
                )
            )
            sites = sites or kinds  # "prefabricated and custom orthoses"
            if (sites and not _ends_site_named_condition(doc, j) and not _site_of_a_finding(doc, j)) or (
                is_level(doc, start) and is_level(doc, j)
            ):
                # "medial and anterior knee pain", "neck and bilateral shoulder pain", "C5-6 and C6-7 spondylosis",
                # "cervical and lumbar pain"
                start, i, listed_sites = j, j - 1, sites
                continue
        if (
            listed_sites
            and tok.text == ","
            and (j := _previous_word(doc, i)) >= 0
            and _is_site(_lower(doc[j]))
            and not _ends_site_named_condition(doc, j)
            and not _site_of_a_finding(doc, j)
        ):
            start, i = j, j - 1  # "neck, mid back and low back pain": the first sites of a list
            continue
        if (
            span.label_ == "DIAGNOSIS"
            and tok.text == ","
            and (j := _previous_word(doc, i)) >= 0
            and _names_a_kind(_lower(doc[start]))
            and _names_a_kind(_lower(doc[j]))
            and ((k := _previous_word(doc, j)) < 0 or _lower(doc[k]) not in words)
            and (_lower(doc[j]) not in conditions_by_themselves() or _lower(span[-1]) in _SENSATION_HEADS)
            # "major depressive disorder, recurrent, generalized anxiety disorder": the kind after a
            # condition and a comma is that condition's qualifier
            and not (k >= 0 and doc[k].text == "," and _is_condition_head(_lower(doc[_previous_word(doc, k)])))
        ):
            # "lichenified, scaly plaques", "burning, electric pain": two kinds of one finding; but "reduced
            # lumbar flexion, diffuse lumbar tenderness" and "GI bleeding, peptic ulcer" are two findings
            start, i = j, j - 1
            continue
        if (m := _LINE_SPLIT_COMPOUND.fullmatch(tok.lower_)) and m.group(1) in _COMPOUND_ENDS:
            start = i  # "noise-\ninduced hearing loss": a compound split at a line end, one token
            i -= 1
            continue
        if _lower(tok) in _COMPOUND_ENDS and _hyphenated(doc, i) and _word(doc[i - 2]) != "evidence":
            # "broad-based", "drug-induced"; "evidence-based" judges the service, it is no kind of it
            start = i
            i -= 1
            continue
        if (
            span.label_ == "TREATMENT"
            and _lower(tok) == "op"
            and i >= 2
            and doc[i - 1].text == "-"
            and _lower(doc[i - 2]) in ("post", "pre")
        ):  # "post-op DME", three tokens
            start = i - 2
            i -= 3
            continue
        if tok.text == "-" and start == i + 1 and _hyphenated(doc, i + 1):  # "post-" + "traumatic"
            start = i - 1
            i -= 2
            continue
        if span.label_ == "TREATMENT" and _names_a_kind_of(doc, i, start, span.start):  # "mirror therapy"
            start = i
            i -= 1
            continue
        if is_descriptive_adjective(_word(tok)):  # "discogenic low back pain", "provocative discography"
            start = i
            i -= 1
            continue
        if tok.text in _GRADES and (j := _previous_word(doc, i)) >= 0 and _lower(doc[j]) in ("grade", "stage"):
            start = j  # "grade I spondylolisthesis", "stage III arthritis"
            i = j - 1
            continue
        if span.label_ == "DIAGNOSIS" and _eponym_possessive(doc, i):  # "Kienbock's disease", "Colles' fracture"
            start = i - 1  # and its kind or side before it: "secondary Raynaud's phenomenon"
            i -= 2
            continue
        if span.label_ == "DIAGNOSIS" and (_word(tok) == "positive" or _plus_sign(doc, i)):
            start = i  # "positive anterior drawer", "+ talar tilt" (shorthand), as "positive Neer sign"
        break
    end = span.end
    if span.label_ == "TREATMENT":
        a, b = quantity_bounds_in_doc(doc, start, span.end)
        if (grown := doc.char_span(a, b, alignment_mode="contract")) is not None:
            start, end = min(start, grown.start), max(end, grown.end)
    if span.label_ == "TREATMENT":
        end = head_nouns_end(doc, _lab_panels_end(doc, end))
        if (
            _lower(doc[end - 1]) in _TRIED_DEVICES
            and (i := _next_word(doc, end)) < len(doc)
            and _lower(doc[i]) == "trial"
        ):
            end = i + 1  # a trial of a named device stays whole: "counterforce brace trial" (note 27)
    if span.label_ == "DIAGNOSIS" and (i := _next_word(doc, end)) < len(doc) and _lower(doc[i]) in _SYNDROME:
        end = i + 1  # "cluster headache syndrome", "central pain syndrome": the syndrome is the condition
    end = site_end(doc, end, span.label_, radiating_head=_lower(doc[start]) in _RADIATING)
    if (
        span.label_ == "DIAGNOSIS"
        and end > span.end
        and is_level(doc, end - 1)
        and _lower(span[-1]).endswith("listhesis")
        and (i := _next_word(doc, end)) < len(doc) - 1
        and _lower(doc[i]) == "on"
        and is_level(doc, j := _next_word(doc, i + 1))
    ):
        end = j + 1  # "anterolisthesis of L4 on L5": the slip is of one vertebra on the next
    if span.label_ == "DIAGNOSIS" and end > span.end and _radiates_after(doc, end):
        end = site_end(doc, end, span.label_)  # "pain in the right wrist radiating to the forearm"
    if (
        span.label_ == "DIAGNOSIS"
        and (i := _next_word(doc, end)) < len(doc) - 1
        and _lower(doc[i]) == "type"
        and (j := _next_word(doc, i + 1)) < len(doc)
        and doc[j].text in _GRADES
    ):
        end = site_end(doc, j + 1, span.label_)  # "complex regional pain syndrome type I (of the left arm)"
    if (
        span.label_ == "DIAGNOSIS"
        and (_lower(doc[end - 1]) in _ICD_HEADS or _lower(doc[span.end - 1]) in _ICD_HEADS)
        and (after := plain_window(doc, end - 1, min(len(doc), end + 12)))
        and (m := _ICD_QUALIFIER.match(after[0], bisect_left(after[1], doc[end - 1].idx + len(doc[end - 1]))))
    ):
        if (grown := doc.char_span(doc[start].idx, after[1][m.end() - 1] + 1, alignment_mode="contract")) is not None:
            end = max(end, grown.end)  # "cervical spondylosis without myelopathy"
    while (
        span.label_ == "DIAGNOSIS"
        and end < len(doc)
        and (
            (m := _ICD_SITE.match((after := plain_window(doc, end, min(len(doc), end + 8)))[0]))
            or (_lower(span[-1]) in _NEEDS_SITE and (m := _INJURY_DETAIL.match(after[0])))
        )
    ):
        grown = doc.char_span(doc[start].idx, after[1][m.end() - 1] + 1, alignment_mode="contract")
        if grown is None or grown.end <= end:
            break
        end = grown.end  # "Radiculopathy, lumbar region", "... of lumbar spine, initial encounter"
    if span.label_ == "DIAGNOSIS" and _lower(doc[end - 1]) in _MOTIONS and (moved := _motions_end(doc, end)) > end:
        # "limited flexion and internal rotation (of the right hip)": one finding, with the motions' site
        end = site_end(doc, moved, span.label_)
    if span.label_ == "TREATMENT" and end > span.end:  # "MRI of the right wrist" + "without contrast"
        _, b = quantity_bounds_in_doc(doc, start, end)
        if (grown := doc.char_span(doc[start].idx, b, alignment_mode="contract")) is not None:
            end = max(end, grown.end)
    return span if (start, end) == (span.start, span.end) else Span(doc, start, end, label=span.label)


# ICD-10 qualifiers that are part of a diagnosis name ("spondylosis without myelopathy or radiculopathy",
# "disc displacement with radiculopathy", "stenosis with neurogenic claudication", "reflux disease with esophagitis").
_ICD_QUALIFIER = re.compile(
    r"\s{1,4}with(?:out)?\s{1,4}(?:myelopathy|radiculopathy|neurogenic\s{1,4}claudication|aura|sciatica|reduction"
    r"|bleeding|hemorrhage|perforation|obstruction|gangrene"  # "peptic ulcer disease with bleeding"
    r"|[a-z]{3,}(?:itis|opathy))"
    r"(?:\s{1,4}or\s{1,4}(?:myelopathy|radiculopathy|perforation|obstruction|gangrene))?\b"
    r"|,\s{0,4}(?:single|recurrent)\s{1,4}episode\b"  # "major depressive disorder, single episode" (note 11)
    r"|,?\s{0,4}(?:not\s{1,4}otherwise\s{1,4}specified|\(?NOS\)?(?![\w(]))"  # "depressive disorder, NOS"
    r"|,\s{0,4}(?:chronic|acute|recurrent)\b(?=\s{0,4}(?:[,.;]|and\b))"  # "posttraumatic stress disorder, chronic"
    r"|,\s{0,4}[a-z]+\s{1,4}type\b(?=\s{0,4}(?:[,.;]|and\b))",  # "femoroacetabular impingement, cam type"
    re.IGNORECASE,
)
_MOTIONS = frozenset(
    "flexion extension rotation abduction adduction dorsiflexion plantarflexion supination pronation inversion "
    "eversion".split()
)
_MOTION_KINDS = frozenset("internal external lateral radial ulnar plantar left right".split())


def _motions_end(doc: Doc, end: int) -> int:
    """Where a finding ending in a motion ends once motions coordinated after it are included
    ("limited flexion and internal rotation", "decreased flexion, extension and rotation")."""
    i = _next_word(doc, end)
    while i < len(doc) and _lower(doc[i]) in ("and", ",", "or"):
        j = _next_word(doc, i + 1)
        while j < len(doc) and _lower(doc[j]) in _MOTION_KINDS:
            j = _next_word(doc, j + 1)
        if j >= len(doc) or _lower(doc[j]) not in _MOTIONS:
            break
        end = j + 1
        i = _next_word(doc, end)
    return end


# ICD-10 names written with the site or encounter last ("Radiculopathy, lumbar region", "Sprain of
# ligaments of lumbar spine, initial encounter", "TFCC tear, right wrist."); a side alone stays out
# ("greater trochanteric bursitis, right": ANNOTATION.md, a side written after the finding).
_ICD_SITE = re.compile(
    r",\s{0,4}(?:(?:lumbar|cervical|thoracic|lumbosacral|thoracolumbar|cervicothoracic|sacral|sacrococcygeal)"
    r"(?:\s{1,4}region|(?=\s{0,4}[,.;]))|(?:mid|upper|lower|high)-?\s{0,4}(?:cervical|thoracic|lumbar)\s{1,4}region"
    r"|(?:initial|subsequent)\s{1,4}encounter"
    r"|(?:(?:right|left|bilateral)\s{1,4}(?:(?:upper|lower)\s{1,4}(?:limbs?|extremit(?:y|ies))"
    r"|knee|shoulder|hip|ankle|wrist|elbow|hand|foot|leg|arm|thumb|heel)"
    # a spinal level, with its side: "cervical radiculopathy, right C6", "disc herniation, L4-5"
    r"|(?:(?:right|left|bilateral)\s{1,4})?[CTLS]\d{1,2}(?:\s{0,2}-\s{0,2}[CTLS]?\d{1,2})?)"
    r"(?=\s{0,4}[,.;]|[ \t]*\r?\n\s*+(?!(?-i:[a-z]))))\b",  # a line break ends it unless lower case goes on
    re.IGNORECASE,
)
# The grade or ligament written after a sprain or tear: "L ankle sprain, grade II, ATFL", "right ankle
# sprain, lateral ligament".
_INJURY_DETAIL = re.compile(
    r",\s{0,4}(?:grade\s{1,4}(?:I{1,3}|IV|[1-4])|(?:(?:anterior|posterior)\s{1,4}talofibular|calcaneofibular"
    r"|(?:medial|lateral|ulnar|radial)\s{1,4}collateral|lateral|medial|deltoid)\s{1,4}ligament|ATFL|CFL|MCL|LCL|UCL)"
    r"(?=\s{0,4}[,.;]|\s*\n)",
)
_ICD_HEADS = frozenset(
    "spondylosis stenosis herniation displacement derangement degeneration protrusion bulge disease disorder disc "
    "spondylolisthesis migraine migraines lumbago mdd impingement ulcer ulcers hernia".split()  # "MDD, single episode"
)
_DEVICE_HEADS = frozenset(  # "surgery": "carpal tunnel release" + "surgery"
    "unit units brace evaluation consultation consult kit device system program injection injections inhaler inhalers "
    "ointment drops scan scans infusion infusions study studies treatment treatments surgery testing level "
    "levels".split()  # "serum uric acid" + "level"
)


def head_nouns_end(doc: Doc, end: int) -> int:
    """The end of a service named at tokens ending at `end` once the nouns that head it are read
    with it: "lumbar support" + "brace", "pain program" + "evaluation", "serum uric acid" + "level"."""
    while (i := _next_word(doc, end)) < len(doc) and _lower(doc[i]) in _DEVICE_HEADS:
        end = i + 1
    return end


_TRIED_DEVICES = frozenset("brace unit stimulator splint device orthosis orthotics boot collar lens lenses".split())
_PROCEDURE_END = re.compile(
    r"(?:scopy|scope|otomy|ectomy|plasty|desis|fusion|decompression|release|repair|reconstruction|debridement|denervation"
    # "manipulation under anesthesia with ... release", "chiropractic manipulation with myofascial release"
    r"|resection|excision|transposition|lysis|anesthesia|removal|manipulation|detoxification|fixation|placement)$",
    re.IGNORECASE,
)
_LIST_HEADER_NEXT = frozenset({"include", "includes", "included", "including", "are", "were", "consist", "list", ":"})


def joined_procedures(spans: list[Span]) -> list[Span]:
    """TREATMENT spans with one procedure "with" another merged: "right shoulder arthroscopy
    with subacromial decompression" is one operation, the care after it is not ("release with
    post-operative therapy", "release with eight sessions of hand therapy") (ANNOTATION.md: a shared head stays
    together when splitting would change the meaning), and so is a second procedure joined by
    "and" ("arthroscopy with partial medial meniscectomy and chondroplasty"; not one on a side of
    its own: "... and R shoulder arthroscopy"), and an injection "of" its drug or named by it
    ("Injection of corticosteroids into ...", "Lidocaine trigger point injections"), and a compounded
    cream "of" its drugs.
    Two drugs written "X/Y" are one combination product ("hydrocodone/acetaminophen 10/325 mg")."""
    out: list[Span] = []
    with_joined: set[int] = set()  # starts of the spans that joined a procedure "with" another
    for span in sorted(spans, key=lambda s: (s.start, s.end)):
        prev = out[-1] if out else None
        if prev is not None and prev.label_ == span.label_ == "TREATMENT":
            between = [t.norm_ for t in span.doc[prev.end : span.start] if not t.is_space]  # "w/" is "with"
            joined = _one_service(prev, span, between)
            also = between == ["and"] and prev.start in with_joined and (_second_procedure(span) or _clearance(prev))
            if joined or also:
                if between == ["with"] or (between[:1] == ["with"] and _clearance(prev)):
                    with_joined.add(prev.start)
                out[-1] = Span(span.doc, prev.start, span.end, label=span.label)
                continue
        out.append(span)
    return out


_SIDES = _LATERALITY | set(_SIDE_LETTERS)


_EXCISIONS = frozenset({"excision", "resection"})  # not "removal": "removal of hardware" names no condition
_TREATMENTS = frozenset({"treatment", "treatments"})


def with_excised_object(
    span: Span, diagnoses: Sequence[tuple[int, int]], named_conditions: Sequence[tuple[int, int]] = ()
) -> Span:
    """A TREATMENT ending in "excision/resection" followed by "of" and a DIAGNOSIS span (or a
    condition a guideline names, `named_conditions`) takes the condition it removes into its name
    ("excision of the left third interspace neuroma"), and so does a named treatment of the
    patient's condition ("laser treatment of the hypertrophic scars"; in a guideline's words
    "Laser treatment of burn scars" stays "Laser treatment"); the condition stays a DIAGNOSIS too
    (ANNOTATION_NOTES 27)."""
    doc = span.doc
    last = _lower(span[-1])
    named_treatment = last in _TREATMENTS and len([t for t in span if not t.is_space]) > 1
    if (last not in _EXCISIONS and not named_treatment) or (i := _next_word(doc, span.end)) >= len(doc):
        return span
    if _lower(doc[i]) != "of":
        return span
    j = _next_word(doc, i + 1)
    if j < len(doc) and _lower(doc[j]) in _SITE_DETERMINERS | {"a", "an"}:
        j = _next_word(doc, j + 1)
    objects = diagnoses if named_treatment else [*diagnoses, *named_conditions]
    end = next((b for a, b in objects if a == j), None)
    return span if end is None else Span(doc, span.start, end, label=span.label)


def _second_procedure(span: Span) -> bool:
    """A procedure named without a side of its own ("chondroplasty of the medial femoral condyle",
    "distal clavicle excision"): the same operation's second part."""
    words = [t for t in span if not t.is_space]
    last = _head_word(span)
    ends = bool(_PROCEDURE_END.search(_word(last))) or _lower(last) in ("excision", "resection")
    return ends and words[0].text not in _SIDES and _lower(words[0]) not in _SIDES


def _head_word(span: Span) -> Token:
    """The word a service is named by: the one before its site or object ("excision" in "excision of
    the ulcer", "chondroplasty" in "chondroplasty of the medial femoral condyle"), else its last word."""
    words = [t for t in span if not t.is_space]
    head = next((t for t in words if _lower(t) in ("of", "at", "to")), None)
    return words[words.index(head) - 1] if head is not None and words.index(head) > 0 else words[-1]


# what covers the wound an excision leaves ("excision of the ulcer with a split-thickness skin graft")
_GRAFTS = frozenset("graft grafts grafting flap".split())


_INJECTIONS = frozenset({"injection", "injections"})
# named by what is in them: "Injection of corticosteroids", "a compounded cream of flurbiprofen 20%/..."
_OF_ITS_DRUG = _INJECTIONS | {"cream", "creams", "compound", "compounds"}


def _one_service(prev: Span, span: Span, between: list[str]) -> bool:
    """Whether TREATMENT `span`, right after TREATMENT `prev` with the words `between` them,
    continues the same service (see :func:`joined_procedures`)."""
    last = prev[-1]
    return (
        _slash_joined(prev, span)
        or (
            between == ["with"]
            and bool(_PROCEDURE_END.search(_word(last)))  # "reconst-\nruction" re-joined
            and not _lower(span[0]).startswith("post")
            and not span[0].like_num  # "release with eight sessions of hand therapy": the care after it
        )
        # "excision of the ulcer with a split-thickness skin graft": the graft closes what was excised
        or (between in _WITH and _lower(span[-1]) in _GRAFTS and bool(_PROCEDURE_END.search(_word(_head_word(prev)))))
        or (between == ["of"] and _lower(last) in _OF_ITS_DRUG)
        # "preoperative medical clearance with (an) EKG (and labs)": the tests are how it is cleared
        or (between in _WITH and _lower(last) == "clearance")
        # "physical therapy for (prosthetic) gait training": the training is what the therapy does
        or (between == ["for"] and _lower(last) == "therapy" and _lower(span[-1]) in ("training", "retraining"))
        or (between in _WITH and _fitted_with(prev, span))
        # "... of lidocaine and corticosteroid" (a line break inside the drug is no word)
        or (between == ["and"] and _injection_of(prev) and sum(not t.is_space for t in span) <= 2)
        or (between == ["and"] and _emg_and_nerve_conduction(prev, span))
        or (  # "Lidocaine trigger point injections", "Toradol 60mg IM injection": named by the drug
            prev[0].text.lower() in single_word_drugs()
            and _lower(span[-1]) in (*_INJECTIONS, "block", "blocks")
            and ((not between and len(prev) == 1) or between in _ROUTES)
        )
    )


def _clearance(span: Span) -> bool:
    """A preoperative clearance that has joined the test it is done with."""
    return any(_lower(t) == "clearance" for t in span)


_EMG = frozenset("emg emgs electromyogram electromyograms electromyography".split())


def _emg_and_nerve_conduction(prev: Span, span: Span) -> bool:
    """ "electromyogram and nerve conduction study", "EMG and NCV": the two halves of one
    electrodiagnostic test (ANNOTATION.md keeps this shared head together)."""
    first = _lower(span[0])
    return _lower(prev[-1]) in _EMG and (first == "nerve" or first in ("ncv", "ncs", "ncvs", "ncss"))


_ROUTES = (["im"], ["iv"], ["intramuscular"], ["intravenous"])
_WITH = (["with"], ["with", "a"], ["with", "an"])
_ATTACHMENTS = frozenset("pillow pillows hinge hinges".split())  # "walking boot with heel wedges" is two


_FITTED_DEVICES = _DEVICE_HEADS | _TRIED_DEVICES | {"immobilizer", "sling"}


def _fitted_with(prev: Span, span: Span) -> bool:
    """A device and what it is fitted with: "shoulder immobilizer with an abduction pillow"."""
    return _lower(prev[-1]) in _FITTED_DEVICES and _lower(span[-1]) in _ATTACHMENTS


def _injection_of(span: Span) -> bool:
    """An injection named by its drug ("injections of lidocaine"), not by its site ("of the elbow")."""
    words = [_lower(t) for t in span if not t.is_space]
    sites = site_words() | _SITE_DETERMINERS
    return any(
        a in _INJECTIONS and b == "of" and c not in sites for a, b, c in zip(words, words[1:], words[2:], strict=False)
    )


def _slash_joined(prev: Span, span: Span) -> bool:
    """Whether `span` follows `prev` across a "/" written without spaces ("hydrocodone/acetaminophen")."""
    doc = span.doc
    if prev[-1].text == "/" and span.start == prev.end:
        return len(prev) > 1 and not prev[-2].whitespace_ and not prev[-1].whitespace_
    if span.start != prev.end + 1 or doc[prev.end].text != "/":
        return False
    return not (prev[-1].whitespace_ or doc[prev.end].whitespace_)


_COMPOUND_HEADS = frozenset(
    "program programs management clinic medicine specialist physician psychology psychologist consultation "
    "relief level levels score scores rating ratings contract agreement diary scale questionnaire pump screening "
    "generator center unit evaluation repair repairs release releases retraining excision index injection injections "
    "prophylaxis test testing plate plates screw screws surgery surgeries attempt attempts risk risks status".split()
)


_SCORE_HEADS = frozenset("score scores rating ratings scale scales index inventory questionnaire".split())
_MEASURE_HEADS = frozenset(
    "equivalent equivalents milligram milligrams agreement agreements contract contracts".split()
)
# a service that names who gives it or where ("the wound care surgeon", "physical therapy clinic notes")
_PROVIDERS = frozenset(
    "surgeon surgeons physician physicians nurse nurses clinic clinics center centers team specialist specialists "
    "provider providers".split()
)
# a drug class that names its effect or a condition it causes ("hypnotic effects", "opioid misuse"); heat or
# cold as the weather ("worked through a heat wave")
_DRUG_QUALITIES = frozenset(
    "effect effects properties potential abuse misuse addiction overdose overdoses intolerance toxicity wave "
    "waves".split()
)


def modifies_next_noun(span: Span) -> bool:
    """A DIAGNOSIS that is only the first half of a compound ("pain program", "pain management",
    "pain relief", "pain score", "bleeding risk"), or a drug that names a measure or a document ("morphine
    equivalents", "opioid agreement"), an effect or a condition it causes ("hypnotic effects",
    "opioid misuse", "NSAID intolerance"), or a service that names who gives it or where ("the
    wound care surgeon", "a physical therapy clinic"): the words name a service, a measure, a paper,
    a condition or a provider, not a condition or a treatment."""
    doc = span.doc
    i = _next_word(doc, span.end)
    if i >= len(doc):
        return False
    nxt = _word(doc[i])  # "morphine mill-\n\nigram equivalents": the word re-joined
    if span.label_ == "TREATMENT" and nxt in ("pain", "treatment") and (j := _next_word(doc, i + 1)) < len(doc):
        nxt = _lower(doc[j])  # "opioid pain agreement", "opioid treatment agreement"
    if span.label_ == "DIAGNOSIS" and nxt in ("and", "or") and (j := _next_word(doc, i + 1)) < len(doc):
        k = _next_word(doc, j + 1)  # "depression and anxiety scores": two conditions name one measure
        return doc[j].is_alpha and k < len(doc) and _lower(doc[k]) in _SCORE_HEADS
    return (span.label_ == "DIAGNOSIS" and nxt in _COMPOUND_HEADS) or (
        span.label_ == "TREATMENT" and nxt in _MEASURE_HEADS | _DRUG_QUALITIES | _PROVIDERS
    )


def is_list_header(span: Span) -> bool:
    """A generic word that heads a list ("Current medications include ...") rather than
    naming a service."""
    doc, i = span.doc, _next_word(span.doc, span.end)
    if i < len(doc) and _lower(doc[i]) in ("have", "has") and (j := _next_word(doc, i + 1)) < len(doc):
        i = j  # "Medications have included ..."
    generic = _phrase(span) in ("medications", "medication", "meds")
    p = _previous_word(doc, span.start)
    if generic and i < len(doc) and _lower(doc[i]) == "including" and p >= 0 and _word(doc[p]) in ("and", "or", ","):
        return False  # "physical therapy and medications including Lyrica": one of the treatments listed
    return generic and i < len(doc) and _word(doc[i]) in _LIST_HEADER_NEXT  # "incl-\nuded" re-joined


_DIAGNOSIS_LIST = re.compile(
    r"\b(?<!requires\sa\s)(?<!require\sa\s)"  # "Neurotomy requires a diagnosis of ...": a criterion, not a list
    r"(?:diagnos(?:es|is)\s+(?:include[sd]?|including|are|were|of|have\s+included)|diagnosed\s+(?:with|as\s+having)"
    r"|carries\s+(?:the\s+)?diagnos[ie]s\s+of)\s*:?\s*(?P<list>[^.;:]{3,300}?)(?=\.(?:\s|$)|;|$)",
    re.IGNORECASE,
)
_LIST_END = re.compile(
    r"\s(?:after|status\s+post|s/p|who|which|since|following|for\s+which|from|due\s+to|on|has|have|had|is|was|were|are"
    r"|may|can|could|should|must|will|would|do|does|did"  # the sentence's own verb ("... disorders may return")
    # a second verb of the sentence: "diagnosed with septic bursitis and treated with two aspirations and ..."
    r"|and\s+(?:was\s+|were\s+)?(?:treated|managed|started)"
    # its cause: "..., brought on by the blow"
    r"|brought\s+on|(?:caused|aggravated|worsened|triggered|precipitated)\s+by"
    r"|in\s+(?:\d+|(?:early|late|mid|the\s+past|the\s+(?:spring|summer|fall|winter)|(?:Jan|Febr)uary|March|April|May"
    r"|June|July|August|(?:Sept|Nov|Dec)ember|October)\b))\b"  # a time, not a site: "diagnosed with lupus in 2014"
)
_LIST_SPLIT = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+")
# How a listed condition is treated ends the item: "neurogenic bladder managed with catheterization"
_ITEM_TAIL = re.compile(r"\s(?:managed|treated|controlled)\s+(?:with|by)\b", re.IGNORECASE)
_LIST_LEAD = re.compile(
    r"(?:(?:a|an|the|his|her|their|mild|moderate|severe|possible|probable|suspected|presumed|later|also|then|with"
    r"|consistent|end[\s-]stage)\s+)+",  # a severity stays out (notes 11 and 27)
    re.IGNORECASE,
)


# A list item that is one adjective names a kind of the next item's condition ("segmental and
# somatic dysfunction", "osseous and subluxation stenosis"), as a site does ("neck and low back pain").
_KIND_ONLY = re.compile(r"[a-z]{3,}(?:al|ous)", re.IGNORECASE)
_WORD_IN_ITEM = re.compile(r"[^\W\d_]{2}")  # a list item with no word ("#9") belongs to the one before
# List items that are not conditions: "status post ...", "history of ...", "right greater than left".
_NOT_A_LISTED_CONDITION = re.compile(
    r"status|history|(?:right|left)\s+(?:greater|worse|more)\s+than\b"
    r"|single\s+episode|recurrent$|without\b|in\s+(?:partial|full)\s+remission|unspecified"  # ICD specifiers (note 11)
    r"|(?:most\s+)?(?:recent|current)\s+episode\b"  # "bipolar II disorder, most recent episode depressed"
    r"|(?:mild|moderate|severe|moderately\s+severe)$"
    # a stage or grade of the item before ("..., Eaton stage III, ...", "Kellgren-Lawrence grade 3")
    r"|(?:[\w'-]+\s+)?(?:stage|grade|class|type)\s+(?:[IV]+|\d)[a-c]?$"
    # a course ("..., now healed")
    r"|(?:now\s+)?(?:resolving|resolved|healed|healing|improving|improved|stable|unchanged|worsening|chronic|acute)$"
    r"|(?:and|or)$"  # the conjunction left where the list was cut ("..., and status post ...")
    r"|(?:worse|better|greater|more\s+severe)(?:\s+(?:on|in|at)\b|$)"  # "carpal tunnel syndrome, worse on the right"
    r"|(?:treated|managed|controlled|followed)\b",  # how the item before was treated ("..., treated with a cast")
    re.IGNORECASE,
)


def listed_diagnoses(doc: Doc) -> list[tuple[int, int]]:
    """Character ranges of the items of a diagnosis list ("The diagnoses include chronic neck pain,
    cervical radiculopathy and insomnia", "diagnosed with ..."): each item is a DIAGNOSIS, known
    to the lexicon or not. Read on the cleaned view (line breaks and hyphenation undone); an item
    that is only a site ("neck" in "neck and low back pain") or one adjective ("segmental and somatic
    dysfunction") joins the next one."""
    view = doc_view(doc)
    text, words = view.text, site_words()

    def site_only(item: str) -> bool:
        return all(w.lower() in words or _LEVEL.match(w) for w in item.split())

    out: list[tuple[int, int]] = []
    for m in _DIAGNOSIS_LIST.finditer(text):
        start, body = m.start("list"), m.group("list")
        if cut := _LIST_END.search(body):
            body = body[: cut.start()]
        items: list[list[int]] = []
        pos, join_next = 0, False
        for part in [*_LIST_SPLIT.finditer(body), None]:
            end = part.start() if part else len(body)
            a = lead.end() if (lead := _LIST_LEAD.match(body, pos, end)) else pos
            if tail := _ITEM_TAIL.search(body, a, end):
                end = tail.start()
            item = body[a:end]
            if item and items and (join_next or site_only(item) or not _WORD_IN_ITEM.search(item)):
                # "neck and low back pain", "sprain, lateral ligament", "at L4-5 and L5-S1", "teeth #8 and #9"
                items[-1][1] = end
            elif item:
                items.append([a, end])
            shared = site_only(item) or _KIND_ONLY.fullmatch(item)  # "segmental and somatic dysfunction of ..."
            join_next = bool(item) and bool(shared) and part is not None and part.group().strip() == "and"
            pos = part.end() if part else len(body)
        for a, b in items:
            if 1 <= len(body[a:b].split()) <= 8 and not _NOT_A_LISTED_CONDITION.match(body[a:b]):
                out.append(view.span(start + a, start + b))
    return out


# A guideline statement ("Reconstruction is recommended for chronic instability", "ODG allows 9
# visits for an ankle sprain") names conditions as criteria, not as the patient's (note 6 of
# corpora/ANNOTATION_NOTES.md). A sentence is one when it has a guideline cue and no word that
# ties it to this patient or this case. The cues are grouped by what they say; only whether one
# matches counts, so the order of the groups and of their alternatives does not matter.
_GUIDELINE_CUES: dict[str, tuple[str, ...]] = {
    "what a guideline is and does, and its criteria": (
        # the guideline, its verbs and its lists: "ODG recommends", "MTUS allows", "criteria include",
        # ODG's "swelling OR locking", "PLUS"
        r"recommend(?:s|ed|ation|ations)?",
        r"guidelines?",
        r"ODG",
        r"MTUS",
        r"ACOEM",
        r"(?:preferred\s+)?practice\s+patterns?",  # the American Academy of Ophthalmology's guidelines
        r"criteri(?:a|on)",
        r"considered",
        r"indicated\s+(?:for|in|when|only|after)",
        r"allows?",
        r"(?<!to\s)(?<!will\s)(?<!would\s)(?<!could\s)address(?:es)?",
        r"reserved\s+for",
        r"approved\s+for",
        r"must\s+be\s+documented",
        r"(?:is|are)\s+not\s+indicated",
        r"(?:is|are)\s+allowed",
        r"(?:should|may)\s+(?:not\s+)?be\s+(?:performed|prescribed|initiated|started|worn|used)",
        r"indicated\s+to",
        r"(?:is|are)\s+(?:(?:rarely|usually|generally|seldom)\s+)?(?:reasonable"
        r"|appropriate)\s+(?:to|for|in|before|after|when)",
        r"(?:is|are)\s+(?:not\s+)?advised",
        # "CT is preferred when asbestosis is suspected"
        r"(?:is|are)\s+(?:the\s+)?preferred\s+(?:when|for|in|if|over)",
        r"should\s+be\s+tried",
        r"(?:is|are)\s+supported\s+(?:when|if|only|for)",
        r"must\s+be\s+(?:proved|proven|confirmed|established)",
        r"indications?\s+(?:for|include|are)",
        r"(?:appropriate|approved|accepted)\s+uses\s+(?:include|are)",
        r"plus\s+(?:subjective|objective|imaging)\s+(?:clinical\s+)?findings",
        r"(?:do|does)\s+not\s+warrant",
        r"should\s+be\s+carried\s+out",
        r"requires?",
        r"criteria\s+(?:include|are)\b",
        r"(?:is|are)\s+not\s+supported\s+without",
        r"(?:is|are)\s+(?:not\s+)?(?:\w+\s+)?suggested\b",
        r"(?:is|are|be)\s+(?:not\s+)?warranted",
        r"\b(?:algorithm|guideline|report|policy|bulletin)\s+advises\b",
        r"(?:should|must)\s+be\s+supported\s+by",
        r"should\s+be\s+(?:re)?(?:assessed|monitored|screened|evaluated|limited"
        r"|avoided|reserved|discontinued|continued|tapered|weaned)",
        r"(?-i:(?<=[a-z,)'])\s+(?:OR|PLUS|AND)(?=\s))",
    ),
    "people in general, not this worker": (
        # "in patients with", "for those who", "the individual with chronic pain", "users of", "at risk for GI events"
        r"in\s+(?:patients|cases|individuals|those)",
        r"(?:to|for)\s+patients",
        r"(?:for|in)\s+(?:women|men|adults|workers)\s+(?:over|under|with|who)",
        r"for\s+those\s+(?:with|who)",
        r"patients",
        r"users\s+of",
        r"at\s+(?:(?:high|higher|increased|intermediate|low)\s+)?risk\s+for",
        r"\bindividual\s+with",
        r"(?:is|are)\s+needed\s+for\s+an?\s+(?:patient|individual"
        r"|person|worker)\s+(?:older|younger|over|under|with|who)",
    ),
    "options and lines of care": (
        # "is an option for", "first-line", "the treatment of choice", "the gold standard for", "off-label"
        r"(?:is|are)\s+an\s+option",
        r"among\s+the\s+(?:[\w-]+\s+){0,2}options\s+(?:for|in)",
        r"accepted\s+(?:\w+\s+)?treatment",
        r"(?:is|are)\s+an?\s+(?:\w+\s+){0,2}(?:boot|splint|brace|device|orthosis|sling)\s+for",
        r"standard\s+(?:test|treatment|study)",
        r"mainstay\s+of",
        r"(?:first|second|third)-line\s+(?:treatment|therapy)",
        r"(?:is|are)\s+an?\s+first-line\s+(?:agent|drug|medication|option)",
        r"first-line\s+care",
        r"reasonable\s+next\s+step",
        r"(?:first|second)\s+line\s+of\s+(?:treatment|therapy|care)",
        r"\bstandard\s+care\b",
        r"(?:is|are)\s+an?\s+(?:[\w-]+,?\s+){0,3}option\s+for",
        r"(?:is|are)\s+the\s+preferred\s+(?:[\w-]+\s+){0,2}(?:treatment|option|test)",
        r"(?:is|are)\s+part\s+of\s+an?",
        r"(?:is|are)\s+an?\s+optional",
        r"(?:is|are)\s+the\s+(?:first|initial)\s+(?:test|study|step)",
        r"standard\s+of\s+care",
        r"(?:is|are)\s+first-line\b",
        r"off-label",
        r"(?:treatment|test|procedure|drug|imaging|study|modality)\s+of\s+choice",
        r"(?:is|are)\s+the\s+(?:gold\s+)?standard\s+(?:for|in)\b",
        r"(?:generally|widely)\s+accepted",
        r"well-established",
    ),
    "evidence, and what a treatment does in general": (
        # "has been shown to", "lack of evidence for", "Tricyclics are effective for neuropathic pain",
        # "Massage is helpful in ...", "more effective than placebo in the management of back pain"
        r"(?:may|can)\s+(?:reduce|help|improve|benefit|be\s+(?:used|useful"
        r"|helpful|indicated|appropriate|considered|effective))",
        r"proven\s+(?:benefit|efficacy)",
        r"under\s+study",
        r"(?:may|can)\s+(?:also\s+)?(?:relieve|worsen|impair|delay)",
        r"(?:is|are)\s+(?:itself\s+)?an?\s+indication",
        r"(?:is|are|has\s+been|have\s+been)\s+used\s+(?:for|to|in)",
        r"(?:is|are)\s+usually",
        r"(?:is|are)\s+(?:\w+\s+){0,2}sufficient(?:\s+to)?",
        r"documented\s+to\s+be\s+effective",
        r"effective\s+in\s+(?:the\s+)?treatment\s+of",
        r"success\s+rate",
        r"(?:is|are)\s+expected\s+after",
        r"evidence\s+to\s+support",
        r"(?:has|have)\s+(?:not\s+)?been\s+(?:shown|proven|proved|found|demonstrated)\s+to",
        r"(?:has|have)\s+been\s+studied\s+(?:for|in|as)",
        r"efficac(?:y|ious)",
        r"(?:lack\s+of|insufficient|limited|little|no|some|strong"
        r"|good|weak)\s+(?:\w+\s+){0,2}evidence\s+(?:to|that|for)",
        r"(?:shows?|demonstrates?|offers?|provides?)\s+(?:no|little|limited|some)\s+(?:\w+\s+)?benefit",
        r"predictors?\s+of",
        r"shown\s+(?:promise|benefit)",
        r"(?:is|are)\s+(?:(?:usually|generally|often|typically|initially)\s+)?treated\s+(?:like|as|with|by)",
        r"(?:do|does)\s+little\s+for",
        r"\b(?:it|they)\s+(?:reduces?|relieves?|improves?|prevents?)\b",
        r"(?:studies|trials)\s+of\s+(?:[\w-]+\s+){1,3}for",
        r"(?:usually|often|generally)\s+(?:relieves?|improves?|resolves?|reduces?)",
        r"\b(?:improves|relieves|worsens|prevents|risks|immobilizes)\b",
        r"intended\s+(?:for|to)",
        r"used\s+to\s+(?:treat|manage|relieve|prevent)",
        r"(?:is|are)\s+(?:\w+\s+)?(?:effective|beneficial|useful|helpful|performed)\s+(?:for|in|when)\b",
        r"(?:has|have)\s+been\s+found\s+(?:helpful|useful|effective|beneficial)",
        r"more\s+effective\s+than",
        r"in\s+the\s+(?:management|treatment)\s+of",
        r"(?:may|can)\s+be\s+treated\s+(?:with|by|as)",
        r"(?<!that\s)(?<!which\s)(?:may|can|could)\s+(?:increase|cause|induce|mask|aggravate|lead\s+to)",
    ),
    "a condition in general: its course, risks and profile, and how it is told": (
        # "Side effects include dizziness", "a high incidence of photocontact dermatitis", "A full-thickness tear is
        # suspected when ...", "CRPS is a neuropathic condition", "Most symptoms of mild TBI resolve within three
        # months", "Itching commonly persists for two weeks", "is often complicated by depression", "helps in the
        # diagnosis of", "Evidence of instability on flexion-extension films warrants a fusion"
        r"(?:evaluation|work-?up|assessment)\s+of\s+[^.;]{3,60}?\s+includes?",
        r"risk\s+of",
        r"potential\s+for",
        r"risk\s+factors?",
        r"(?:disorders|conditions|diagnoses|injuries|problems|patholog(?:y|ies))\s+(?:[\w-]+\s+){0,3}such\s+as",
        r"(?:does|do)\s+not\s+(?:progress|recur)\s+(?:once|after)",
        r"(?:side\s+effects?|adverse\s+(?:effects?|events|reactions)|red\s+flags?)\s+(?:include|are|such\s+as)",
        r"(?:incidence|prevalence)\s+of",
        r"(?:is|are)\s+(?:(?:often|frequently|commonly|usually)\s+)?(?:associated\s+with|secondary\s+to)",
        r"(?:is|are)\s+(?:suspected|likely|diagnosed)\s+(?:when|if|by)",
        r"(?:is|are)\s+an?\s+[\w-]+\s+(?:condition|disorder|disease)\b",
        r"\bmost\s+(?:symptoms|cases|episodes|injuries|people|individuals)\s+(?:of|with|after|from|who)\b",
        r"(?:commonly|usually|often|typically)\s+(?:persists?|lasts?)\s+for",
        r"(?:helps?|useful|helpful|used)\s+(?:in\s+|with\s+|for\s+)?(?:the\s+)?(?:diagnosis"
        r"|detection|diagnosing|detecting)\b",
        r"evidence\s+of\s+[^.;]{3,60}?\s+warrants\b",
        r"(?:is|are)\s+(?:(?:often|frequently|commonly|usually)\s+)?complicated\s+by",
        r"\bmost\s+(?:[\w-]+\s+){0,3}(?:heal|resolve|improve|recover)\b",
        r"(?:is|are)\s+common\s+(?:with|in|after|among|following)",
        r"(?:is|are)\s+best\s+(?:evaluated|imaged|assessed)",
    ),
    "how much of a service, when it is needed, and a payer's coverage": (
        # "Neuralgia, neuritis, and radiculitis: 8-10 visits over 4 weeks", "is limited to 6 visits for", "EMG is not
        # necessary if radiculopathy is clinically obvious", "is covered after", "can be offered", "delayed until"
        r"(?:is|are)\s+not\s+(?:usually\s+)?needed\s+(?:for|after|if|when|unless)",
        r"(?:should\s+be|is|are)\s+(?:delayed|deferred|postponed)\s+until",
        r"\d+\s+visits\s+over\s+\d+",
        r"(?:can|may)\s+be\s+offered\b",
        r"(?:is|are)\s+(?:only\s+)?covered\s+(?:after|for|when|if|in)\b",
        r"limited\s+to\s+(?:\w+\s+){0,3}(?:visits|sessions|treatments)\b",
        r"(?:is|are)\s+not\s+necessary\s+(?:if|when|unless)",
        r"(?:is|are)\s+(?:rarely|seldom|only)\s+(?:needed|necessary)\s+(?:for|after|if|when|in|unless)",
    ),
}
_GUIDELINE_CUE = re.compile(
    r"\b(?:" + "|".join(cue for cues in _GUIDELINE_CUES.values() for cue in cues) + r")\b", re.IGNORECASE
)
_PATIENT_CUE = re.compile(
    r"\b(?:patient|injured\s+worker|claimant|employee|applicant|he|she|his|her|him|(?-i:(?:Mr|Ms|Mrs)\.?\s+[A-Z\[])|dr"
    r"|(?<!over\s)(?<!under\s)(?<!than\s)\d+[\s-]*year|physician(?!-)|provider|surgeon|treater|doctor|requesting|requested|the\s+(?:medical\s+)?records"
    r"|(?<!be\s)(?<!been\s)(?<!requires\s)(?<!requires\sa\s)(?<!when\sthere\sis\s)(?<!if\sthere\sis\s)(?<!with\s)(?<!include\s)"
    # MTUS ESI criteria; "... spondylolisthesis or documented instability"
    r"(?<!progress\sis\s)(?<!improvement\sis\s)(?<!\bor\s)documented(?!\s+by\s+(?:a\s+)?(?:physical\s+)?exam)"
    r"|(?<!requires\s)(?<!require\s)(?<!with\s)(?<!for\s)(?<!plus\s)(?<!care\sand\s)(?<![,:;)]\s)(?<!be\s)(?<!including\s)(?<!include\s)(?<!includes\s)(?<![\x22\u201c])documentation|(?<!been\s)(?<!be\s)(?<!effects\s)reported|reports"
    # "diagnosed", but not "Patients diagnosed with" or how a condition "is diagnosed" ("CRPS is diagnosed by ...")
    r"|showed|shows|revealed|(?<!\ba\s)(?<!\ban\s)(?<!patients\s)(?<!those\s)(?<!individuals\s)(?<!is\s)(?<!are\s)diagnosed"
    r"|given\s+(?:the|his|her|this)"  # "Given the foot drop, ..."
    r"|(?<!physical\s)(?<!an\s)(?<!on\s)(?<!by\s)(?<!clinical\s)(?<!bedside\s)(?<!eye\s)examination|(?<!by\s)exam(?!\s+findings))\b",
    re.IGNORECASE,
)
# "a young, active patient", "every patient with chronic venous disease": any patient, not this one; nor
# is "the patient" after a verb or a conjunction in a guideline statement ("... after a psychological
# evaluation has cleared the patient")
_ANY_PATIENT = re.compile(
    r"\b(?:an?|every|any|each)\s+(?:[a-z-]+,?\s+){0,3}patient\b|\b(?:when|if|unless|until|once)\s+the\s+patient\b"
    # a guideline's condition: "... may be considered when articular cartilage loss is documented"
    r"|\b(?:when|if|unless|until|once)\s+(?:[\w-]+\s+){1,6}(?:is|are)\s+documented\b"
    r"|\bpatient[\s-]+(?:controlled|initiated|directed)\b"  # "patient controlled traction": a kind of device
    r"|(?<=[a-z]\s)(?<!this\s)(?<!case\s)\bthe\s+patient\b(?!'s)"
    r"|(?<=[a-z],\s)(?<!case,\s)(?<!exam,\s)(?<!today,\s)\bthe\s+patient\b(?!'s)",  # a list of criteria
    re.IGNORECASE,
)
# a sentence, or its second clause with a subject of its own ("..., and she has had 12")
_SENTENCE_BREAK = re.compile(r"[.!?;][\"”]?(?=\s)|\n|,\s+(?:and|but)\s+(?=(?:he|she|his|her|a|an|the)\s)")


# a negation run into its verb by PDF extraction ("isnot", "arenot", "doesnot")
_RUN_TOGETHER_NOT = re.compile(r"\b(is|are|was|were|does|do|did|has|have|should|may|can)not\b", re.IGNORECASE)


def guideline_statements(view_text: str) -> list[tuple[int, int]]:
    """Ranges of `view_text` (the cleaned view of a letter) that are sentences stating a
    guideline criterion: a guideline cue and no reference to the patient or the case."""
    out: list[tuple[int, int]] = []
    start, listed, quoted, numbered, cut = 0, False, False, False, False
    for m in [*_SENTENCE_BREAK.finditer(view_text), None]:
        end = m.end() if m else len(view_text)
        if m and m.group() == "." and ABBREVIATION_END.search(view_text[max(0, end - 12) : end]):
            continue  # "Dr.", "e.g.": the sentence goes on
        sentence = view_text[start:end]
        if not sentence.strip():
            continue  # a line break alone ("PLUS 3.\nObjective ..."): the next sentence goes on from here
        if numbered and _LIST_NUMBER.fullmatch(sentence.strip()):
            start = end  # "... referred pain. 2. Symptoms ...": the number of the list's next item
            continue
        cue = _GUIDELINE_CUE.search(_RUN_TOGETHER_NOT.sub(r"\1 not", sentence))  # "isnot needed for"
        item = _ITEM_START.sub(" ", sentence) if numbered else sentence
        item_of_list = cut and not _FINITE_VERB.search(sentence)
        stated = (listed or quoted or numbered or cue or item_of_list) and not _PATIENT_CUE.search(
            _ANY_PATIENT.sub(" ", item)
        )
        if stated:
            out.append((start, end))
        # a statement's clauses after a semicolon go on stating it ("Indications for imaging: ...; Lumbar spine
        # trauma: ..."), and so do the sentences of a guideline's words in quotes ('ODG states: "... . ... ."')
        # and the items of a numbered list it opens ("... when all of the following criteria are met: 1. ...
        # 2. ..."), and so does a list's last item that the clause break cut off (_FINITE_VERB)
        listed = bool(stated) and m is not None and m.group() == ";"
        cut = bool(stated) and m is not None and m.group()[0] == ","
        opens = bool(stated) and _OPENS_A_LIST.search(sentence) is not None
        numbered = (opens and _NEXT_ITEM.match(view_text, end) is not None) or (
            numbered and bool(stated) and _NEXT_NUMBER.match(view_text, end) is not None
        )
        if _opens_or_closes_quote(sentence):
            quoted = not quoted and bool(cue)
        start = end
    return out


# A finite verb: what makes the words after ", and the" a clause of their own ("..., and the nightmares have
# lessened") rather than a list's last item ("...: pain relief, ..., and the occurrence of any potentially
# aberrant drug-related behaviors"), which goes on stating the statement
_FINITE_VERB = re.compile(
    r"\b(?:is|are|was|were|has|have|had|does|do|did|can|could|may|might|will|would|should|must)\b"
    r"|(?<![-\w])[a-z]{2,}ed\b"
)
# A numbered list: the number alone ("2."), a statement opening it ("... are met: 1."), the next
# item's number after a sentence, and the "Documentation of" an item starts with (a criterion's
# wording, not a report on the patient).
_LIST_NO = r"\(?\d{1,2}[.)]"
_LIST_NUMBER = re.compile(rf"(?:PLUS\s+)?{_LIST_NO}")  # ODG's criteria: "... injection. PLUS 2. ..."
_OPENS_A_LIST = re.compile(rf":\s*(?:{_LIST_NO})?\s*$")
_NEXT_ITEM = re.compile(rf"\s*(?:{_LIST_NO}\s|[-•*]\s|[A-Z])")
_NEXT_NUMBER = re.compile(rf"\s*(?:(?:PLUS\s+)?{_LIST_NO}|[-•*])\s")
_ITEM_START = re.compile(r"^\s*documentation\b", re.IGNORECASE)


def _opens_or_closes_quote(sentence: str) -> bool:
    """`sentence` has an unpaired quotation mark."""
    return sentence.count('"') % 2 == 1 or sentence.count("“") != sentence.count("”")


# A line that starts the decisions, where a letter has no heading for them ("1. ... is not medically
# necessary", "Lumbar MRI:  Upheld").
_DECISIONS_START = re.compile(
    r"^[^\S\n]*(?:\d{1,2}[.)]\s|.*\b(?:upheld|overturned|medically\s+necessary)\b)", re.IGNORECASE | re.MULTILINE
)


def _summary_end(text: str, start: int, end: int) -> tuple[int, int]:
    """The case summary section `text[start:end]` cut where the decisions start."""
    m = _DECISIONS_START.search(text, start, end)
    return start, m.start() if m else end


def guideline_criteria(doc: Doc) -> list[tuple[int, int]]:
    """Character ranges of `doc` (text as read) of its guideline statements, outside the
    clinical case summary (whose sentences are about the patient: "Surgery was recommended for
    lumbar stenosis")."""
    view = doc_view(doc)
    sections = doc.spans.get("sections", [])
    summary = [_summary_end(doc.text, s.start_char, s.end_char) for s in sections if s.label_ == "case_summary"]
    ranges = [view.span(a, b) for a, b in guideline_statements(view.text)]
    return [(a, b) for a, b in ranges if not any(x <= a < y for x, y in summary)]


def longest_per_label(existing: Iterable[Span], spans: Iterable[Span]) -> list[Span]:
    """Longest non-overlapping spans within each label; spans may overlap across labels.

    DIAGNOSIS/TREATMENT spans are first extended over their modifiers (:func:`with_modifiers`).
    Dropped: a bound lexicon term ("~pain") that gained no modifier or site (a count is neither: "walks one
    block"; after an article some are kept: "without a tear", see :data:`_NAMED_AFTER_ARTICLE`;
    :func:`_grew_to_a_mention`; one that shares the site of the next condition is kept: "aching and
    heaviness of both legs", :func:`_before_a_sited_condition`), a word heading a list ("Medications
    include"), a condition word that modifies a service ("pain management"), a treatment inside a diagnosis
    name ("failed back surgery syndrome"), a diagnosis inside a treatment's ("Beck Depression Inventory"), a
    negative test ("negative Tinel's sign"), necessity words after "may" (:func:`_hedged`), a mention
    running onto the next list item's number, a procedure written "post-X" ("post-thoracotomy pain"), "pain
    with <maneuver>" where the pain has a site ("groin pain with prolonged standing" is "groin pain"), a
    service named as a guideline's topic ("ODG psychotherapy guidelines"), the history and physical that
    suggest a diagnosis (:func:`_as_evidence`), exercise as the effort a measure is taken with
    (:func:`_exertion`), weight loss advised or tried (:func:`_weight_loss_as_aim`) and a condition after
    "anti-" or one a vaccine protects against (:func:`_against`). Procedures joined by "with", and drugs
    joined by "/", are one TREATMENT. The items of a diagnosis list (:func:`listed_diagnoses`) are DIAGNOSIS
    spans where no lexicon or pattern match overlaps them, and replace a match they name in full
    ("necrotizing fasciitis" over "fasciitis").
    Spans that start or end on a whitespace token are dropped (offsets never start or end on
    whitespace). Existing spans are kept and win over new ones.
    """
    spans = [t for s in spans if (t := before_its_result(s)) is not None]
    kept_in: list[Span] = list(existing)
    doc = spans[0].doc if spans else None  # the ruler passes no Doc: with no match at all, no list items
    ranges = listed_diagnoses(doc) if doc is not None else []
    listed = [doc.char_span(a, b, label="DIAGNOSIS", alignment_mode="contract") for a, b in ranges]
    grown = [(s, with_handling(as_operation(with_modifiers(s)))) for s in spans]
    sited = {g.start for _, g in grown if g.label_ == "DIAGNOSIS" and _ends_on_a_site(g)}
    spans = [
        g
        for s, g in grown
        if (
            BOUND not in s.id_
            or _grew_to_a_mention(s, g)
            or _named_after_article(s)
            or _service_noun(s)
            or _at_night(s)
            or _before_a_sited_condition(g, sited)
        )
        and not is_list_header(g)
        and not modifies_next_noun(g)
        and not (g.label_ == "TREATMENT" and _after_post(s))
        and not (s.id_ == _PAIN_WITH and g.start < s.start)  # "groin pain with prolonged standing": "groin pain"
        and not (g.label_ == "DIAGNOSIS" and _negative_result(g))
        and not (g.label_ == "DECISION" and _hedged(g))
        and not _ends_on_list_number(g)
        and not _used_as_verb(g)
        and not _as_evidence(g)
        and not _surroundings(g)
        and not _exertion(g)
        and not _someone_elses(g)
        and not _names_a_guideline(g)
        and not _weight_loss_as_aim(g)
        and not _against(g)
    ]
    service_starts = {s.start for s in spans if s.label_ == "TREATMENT"}
    spans = [s for s in spans if not _referral_for(s, service_starts)]
    # a listed condition whose name ends like a match but starts earlier names it in full ("necrotizing fasciitis")
    listed = [s for s in listed if s is not None]
    spans = [next((x for x in listed if _names_in_full(x, s)), s) for s in spans]
    kept: list[Span] = kept_in
    taken: dict[str, set[int]] = {}
    for span in kept:
        taken.setdefault(span.label_, set()).update(range(span.start, span.end))
    # lexicon and pattern matches first (longest first), then list items where nothing matched
    criteria = guideline_criteria(doc) if doc is not None else []
    named_conditions: list[tuple[int, int]] = []  # conditions a guideline names: no spans, but they hold words
    services = [(s.start, s.end) for s in spans if s.label_ == "TREATMENT"]
    # a list item that names a service is not a condition ("diagnosis of ... and as an adjunct to physical therapy")
    listed = [s for s in listed if not any(s.start < b and a < s.end for a, b in services)]
    for span in [*sorted(spans, key=lambda s: (s.start - s.end, s.start)), *listed]:
        if span[0].is_space or span[-1].is_space:
            continue
        if span.label_ == "DIAGNOSIS" and any(a <= span.start_char < b for a, b in criteria):
            named_conditions.append((span.start, span.end))
            continue
        used = taken.setdefault(span.label_, set())
        if used.isdisjoint(range(span.start, span.end)):
            kept.append(span)
            used.update(range(span.start, span.end))
    patients = [(s.start, s.end) for s in kept if s.label_ == "DIAGNOSIS"]
    diagnoses = patients + named_conditions
    treatments = joined_procedures(
        [with_excised_object(s, patients, named_conditions) for s in kept if s.label_ == "TREATMENT"]
    )
    # a treatment named inside a diagnosis ("failed back surgery syndrome") is part of its name
    treatments = [
        s for s in treatments if not any(a <= s.start and s.end <= b and b - a > len(s) for a, b in diagnoses)
    ]
    # a test read with its result is the finding: "low testosterone (levels)" is a condition, not a test
    treatments = [
        s for s in treatments if not (_lower(s[0]) in _RESULT_WORDS and any(a == s.start for a, _ in diagnoses))
    ]
    # and a condition named inside a test or service is part of its name ("Beck Depression Inventory"),
    # unless the service removes it ("Excision of neuroma": ANNOTATION_NOTES 27)
    named = [(s.start, s.end) for s in treatments]
    kept = [
        s
        for s in kept
        if s.label_ != "DIAGNOSIS"
        or removed_by_operation(s)
        or not any(a <= s.start and s.end <= b and b - a > len(s) for a, b in named)
    ]
    kept = [s for s in kept if s.label_ != "TREATMENT"] + treatments
    return joined_conditions(sorted(kept, key=lambda s: (s.start, s.end, s.label_)))


# A condition that is the aftermath of another is one mention with it: "sequelae of carbon monoxide poisoning".
# "sequelae of ...", and a fracture's healing gone wrong ("malunion of the right fifth metacarpal shaft fracture")
_AFTERMATH = frozenset("sequela sequelae complication complications malunion nonunion".split())
# Injuries that say nothing without their site: coordinated before one ("dislocation and sprain of
# joints and ligaments of knee", "anterior subluxation and dislocation of humerus", ICD-10 names)
# they share it, and splitting them would leave the first without its meaning (ANNOTATION.md).
_NEEDS_SITE = frozenset(
    "sprain strain dislocation subluxation contusion abrasion laceration fracture avulsion rupture tear".split()
)
# the words that may go before such an injury and leave it without a site ("anterior subluxation")
_INJURY_KINDS = frozenset(
    "anterior posterior medial lateral central inferior superior obturator partial complete displaced nondisplaced "
    "closed open".split()
)


def _words_between(prev: Span, span: Span) -> list[str]:
    return [_lower(t) for t in span.doc[prev.end : span.start] if not t.is_space]


def _shares_site(prev: Span, span: Span, between: list[str]) -> bool:
    """`prev` is an injury with no site of its own and `span`, after "and" (`between` them), is one
    with its site; or `prev` is a tear and `span` "rupture", after "or"."""
    words = [_lower(t) for t in prev if not t.is_space]
    if between == ["or"] and words[-1] in ("tear", "tears") and _lower(span[0]) == "rupture":
        return True  # "complete rotator cuff tear or rupture (of right shoulder)": one ICD-10 name
    return (
        between == ["and"]
        and words[-1] in _NEEDS_SITE
        and all(w in _INJURY_KINDS for w in words[:-1])
        and _lower(span[0]) in _NEEDS_SITE - {words[-1]}  # not "posterior dislocation and dislocation of ..."
        and any(_lower(t) in ("of", "to") for t in span[1:])
    )


def joined_conditions(spans: list[Span]) -> list[Span]:
    """DIAGNOSIS spans merged where an aftermath is named with its cause ("delayed neurological
    sequelae of carbon monoxide poisoning") and where injuries share one site (:func:`_shares_site`).
    `spans` are sorted."""
    out: list[Span] = []
    for span in spans:
        prev = next((s for s in reversed(out) if s.label_ == span.label_), None)
        if prev is not None and span.label_ == "DIAGNOSIS":
            between = _words_between(prev, span)
            aftermath = _lower(prev[-1]) in _AFTERMATH and between in (["of"], ["of", "the"], ["of", "a"])
            if aftermath or _shares_site(prev, span, between):
                out.remove(prev)
                span = Span(span.doc, prev.start, span.end, label=span.label)
        out.append(span)
    return sorted(out, key=lambda s: (s.start, s.end, s.label_))


_RESULT_WORDS = frozenset("low high elevated raised decreased reduced abnormal".split())
_SUBJECT_PRONOUNS = frozenset("he she they who i we".split())


def _used_as_verb(span: Span) -> bool:
    """A one-word service after a subject pronoun is a verb: "she exercises on land"."""
    return (
        span.label_ == "TREATMENT"
        and len(span) == 1
        and (i := _previous_word(span.doc, span.start)) >= 0
        and _lower(span.doc[i]) in _SUBJECT_PRONOUNS
    )


_SUGGEST = frozenset("suggest suggests suggested".split())


def _as_evidence(span: Span) -> bool:
    """The history and physical that "(should) suggest the diagnosis" (ODG's criteria for joint
    blocks) are the findings, not an examination given."""
    if span.label_ != "TREATMENT" or _phrase(span) != "history and physical":
        return False
    doc, i = span.doc, _next_word(span.doc, span.end)
    if i < len(doc) and _lower(doc[i]) in ("should", "must", "may"):
        i = _next_word(doc, i + 1)
    return i < len(doc) and _lower(doc[i]) in _SUGGEST


# A cold or heat modality named as the worker's surroundings: "slipped on ice", "worked in the heat".
_SURROUNDINGS = {"ice": "on", "heat": "in", "cold": "in"}


def _surroundings(span: Span) -> bool:
    """Ice underfoot or heat around the worker is no service: "he slipped on ice", "work in the heat"."""
    if span.label_ != "TREATMENT" or (prep := _SURROUNDINGS.get(_phrase(span))) is None:
        return False
    i = _previous_word(span.doc, span.start)
    if i >= 0 and _lower(span.doc[i]) == "the":
        i = _previous_word(span.doc, i)
    return i >= 0 and _lower(span.doc[i]) == prep


_MEASURED = frozenset("rest rate saturation pressure".split())  # what is measured at rest or with exercise
_EXERCISE_MEASURES = frozenset("limit limits tolerance capacity".split())
_TREATED = frozenset("treated managed controlled improved improves helped lowered reduced".split())


def _exertion(span: Span) -> bool:
    """Bare exercise as the effort a measure is taken with is no service: "(saturation) during
    exercise", "normal at rest and with exercise", "does not reach an adequate heart rate with
    exercise", and neither is how much of it a patient can do ("his exercise limit")."""
    if span.label_ != "TREATMENT" or _phrase(span) != "exercise":
        return False
    doc, i = span.doc, _previous_word(span.doc, span.start)
    if i >= 0 and _lower(doc[i]) == "during":
        return True
    if (j := _next_word(doc, span.end)) < len(doc) and _lower(doc[j]) in _EXERCISE_MEASURES:
        return True
    before = [_lower(doc[k]) for k in range(max(0, span.start - 10), span.start) if not doc[k].is_space]
    if not before or before[-1] != "with" or _MEASURED.isdisjoint(before[-8:]):
        return False
    return _TREATED.isdisjoint(before[-8:])  # "blood pressure is managed with exercise": a service


def _referral_for(span: Span, service_starts: set[int]) -> bool:
    """A referral for a named service is the way to it, and the service the mention: "referral for
    surgical consultation" -> "surgical consultation"."""
    if span.label_ != "TREATMENT" or _phrase(span) not in ("referral", "referrals"):
        return False
    doc, i = span.doc, _next_word(span.doc, span.end)
    return i < len(doc) and _lower(doc[i]) == "for" and _next_word(doc, i + 1) in service_starts


_PROTECTED = re.compile(r"^(?:vaccin|immuni[sz])")  # "vaccinated", "vaccine", "immunized", "immunization"


def _against(span: Span) -> bool:
    """A condition after "anti-" names what a drug acts against, not the patient's condition
    ("an anti-anxiety effect", "anti-anxiety medication"), and so does one a vaccine protects
    against ("was vaccinated against hepatitis B")."""
    if span.label_ != "DIAGNOSIS":
        return False
    doc, i = span.doc, _previous_word(span.doc, span.start)
    j = _previous_word(doc, i) if i >= 0 else -1
    vaccinated = j >= 0 and _lower(doc[i]) == "against" and bool(_PROTECTED.match(_lower(doc[j])))
    return vaccinated or span.text.lower().startswith("anti-")


# Weight loss advised or tried is an aim, not the symptom: "recommends weight loss before any TKA",
# "No prior attempt at weight loss", "Weight loss improves sleep apnea".
_AIM_BEFORE = re.compile(
    r"\b(?:recommend(?:s|ed)?|advis(?:e|es|ed)|encourag(?:e|es|ed)|counsel(?:ed|ing)?|attempts?\s+at|trial\s+of"
    r"|efforts?\s+at|needs?\s+to\s+achieve|goal\s+of)\s+(?:\w+\s+){0,2}$",
    re.IGNORECASE,
)
_AIM_AFTER = re.compile(r"^\s+(?:improves|reduces|helps|is\s+(?:recommended|advised|encouraged))\b", re.IGNORECASE)


def _weight_loss_as_aim(span: Span) -> bool:
    """Whether a DIAGNOSIS "weight loss" is something advised or tried (:data:`_AIM_BEFORE`)."""
    if span.label_ != "DIAGNOSIS" or _phrase(span) not in ("weight loss", "weight reduction"):
        return False
    text = span.doc.text
    return bool(
        _AIM_BEFORE.search(text[max(0, span.start_char - 60) : span.start_char])
        or _AIM_AFTER.match(text[span.end_char : span.end_char + 40])
    )


_GUIDELINE_TITLE = re.compile(r"\s*Medical\s+Treatment\s+Guidelines?\b")


def _names_a_guideline(span: Span) -> bool:
    """A service named as a guideline's topic is no service given: "ODG psychotherapy guidelines",
    and the heading of ODG's surgical criteria ("ODG Indications for Surgery -- Knee arthroplasty");
    and the MTUS's title named in prose ("so the Chronic Pain Medical Treatment Guidelines apply")
    names no condition."""
    doc = span.doc
    if span.label_ == "DIAGNOSIS":
        if span.text != "Chronic Pain":
            return False
        after = doc[span.start : span.end + 7].text[len(span.text) :]  # a window: ``doc.text`` is rebuilt on access
        return bool(_GUIDELINE_TITLE.match(after))
    if span.label_ != "TREATMENT":
        return False
    i = _next_word(doc, span.end)
    if i < len(doc) and _lower(doc[i]) in ("guideline", "guidelines"):
        return True
    j = _previous_word(doc, span.start)
    k = _previous_word(doc, j) if j > 0 else -1
    heading = k >= 0 and _lower(doc[k]) == "indications" and _lower(doc[j]) == "for"
    return heading and span.text == "Surgery"


# Another person's condition, named to explain the worker's exposure ("a patient known to have HIV
# infection with a detectable viral load": the source patient of a needlestick) or a relative's.
_SOMEONE_ELSES = re.compile(
    r"\b(?:an?|the\s+source)\s+(?:patient|person|inmate|client|resident|individual|child|animal|dog)\s+"
    r"(?:(?:who\s+(?:was|is)\s+)?known\s+to\s+(?:have|carry|be\s+infected\s+with)|with\s+known)\b[^.;:]*$"
    # a relative's: "Her family history is significant for breast cancer", "his father had a stroke"
    # (up to a clause of the worker's own: "no family history of clotting and no prior clot")
    r"|\bfamily\s+history\s+(?:of|is\s+(?:significant|positive|notable)\s+for|includes?)\b"
    r"(?:(?!\band\s+(?:no|he|she|his|her)\b)[^.;:])*$"
    # ("his brother has diabetes", but not what a relative saw or did not: "her husband has noticed teeth
    # grinding", "His wife has not noticed snoring")
    r"|\b(?:his|her)\s+(?:mother|father|brother|sister|siblings?|parents?|sons?|daughters?|wife|husband|grandmother"
    r"|grandfather|aunt|uncle|cousin)\s+(?:had|died|has\s+had|has(?!\s+(?:not|never|[a-z]+ed|seen|told|heard)\b)|was\s+diagnosed)\b"
    r"(?:(?!\band\s+(?:no|he|she|his|her)\b)[^.;:])*$",
    re.IGNORECASE,
)


def _someone_elses(span: Span) -> bool:
    """A condition or test in the clause that names another person's illness is not the worker's."""
    if span.label_ not in MODEL_LABELS or span.start == 0:
        return False
    before = span.doc[max(0, span.start - 40) : span.start].text  # a window: ``doc.text`` is rebuilt on access
    return bool(_SOMEONE_ELSES.search(before))


# what an operation takes out or a treatment treats is named after "of"
_REMOVALS = frozenset("excision resection removal".split()) | _TREATMENTS


def removed_by_operation(span: Span) -> bool:
    """Whether `span` is what an operation takes out or a treatment treats: "excision of (the)
    <span>", "laser treatment of (the) <span>"."""
    doc, i = span.doc, _previous_word(span.doc, span.start)
    if i >= 0 and _lower(doc[i]) in ("the", "a"):
        i = _previous_word(doc, i)
    j = _previous_word(doc, i) if i >= 0 else -1
    # across a line break too
    return j >= 0 and _lower(doc[i]) == "of" and _lower(doc[j]) in _REMOVALS


# Bare "pain" with the maneuver that provokes it is a finding ("pain with facet loading"); pain with a
# site is named by its site ("groin pain"), and the maneuver stays outside.
_PAIN_WITH = "finding:pain-with-maneuver"

# A test named before its result ("A Dix-Hallpike maneuver on 9/23/2013 was positive", "Straight leg raise
# was positive on the left"): the finding is the test's name, as "positive Dix-Hallpike maneuver" is.
_WAS_POSITIVE = "finding:test-was-positive"
_TEST_HEADS = frozenset("test tests sign signs maneuver maneuvers raise raising".split())


def before_its_result(span: Span) -> Span | None:
    """The test's name in a "<test> was positive" match, or None when the test has no name ("The test was
    positive")."""
    if span.id_ != _WAS_POSITIVE:
        return span
    end = max(i for i in range(span.start, span.end) if _lower(span.doc[i]) in _TEST_HEADS) + 1
    before = _word(span.doc[p]) if (p := _previous_word(span.doc, span.start)) >= 0 else ""
    if end - span.start < 2 or not span[0].is_alpha or (before == "straight" and _lower(span[0]) == "leg"):
        return None  # no name, or "leg raise" cut from a "straight leg raise" (the whole name is matched too)
    if before in ("and", "or", ",") and _lower(span[0]) != "straight":
        return None  # "Phalen's and Tinel's tests were positive": the first name is cut off
    return Span(span.doc, span.start, end, label=span.label, span_id=span.id)


_AMPUTATIONS = frozenset({"amputation", "amputations"})
_UNDERWENT = frozenset("underwent undergo undergone had included includes s/p".split())


def as_operation(span: Span) -> Span:
    """An amputation the worker underwent is an operation (TREATMENT: "He underwent a left transtibial
    amputation"); one the injury caused, or that is diagnosed, stays a DIAGNOSIS ("a crush injury with
    traumatic amputation", "diagnosed with a left transtibial amputation")."""
    if span.label_ != "DIAGNOSIS" or _lower(span[-1]) not in _AMPUTATIONS:
        return span
    i = _previous_word(span.doc, span.start)
    if i >= 0 and _lower(span.doc[i]) in ("a", "an", "the"):
        i = _previous_word(span.doc, i)
    if i >= 0 and _lower(span.doc[i]) in _UNDERWENT:
        return Span(span.doc, span.start, span.end, label="TREATMENT", span_id=span.id)
    return span


# what is done with a device or an implant, named before it (ANNOTATION_NOTES 39)
_HANDLINGS = frozenset("placement replacement insertion implantation removal exchange".split())


def with_handling(span: Span) -> Span:
    """A TREATMENT named after what is done with it takes that in: "replacement of the pressure
    garment", "placement of a sutureless amniotic membrane", "removal of the spinal cord stimulator"."""
    if span.label_ != "TREATMENT":
        return span
    doc = span.doc
    i = _previous_word(doc, span.start)
    if i >= 0 and _lower(doc[i]) in ("a", "an", "the", "his", "her", "their"):
        i = _previous_word(doc, i)
    if i < 0 or _lower(doc[i]) != "of" or (j := _previous_word(doc, i)) < 0 or _lower(doc[j]) not in _HANDLINGS:
        return span
    return Span(doc, j, span.end, label=span.label, span_id=span.id)


def _grew_beyond_counts(span: Span, grown: Span) -> bool:
    """Whether `grown` adds a word other than a count or "healed" to `span` ("cervical" + "block",
    not "one block" of walking, not "a well-healed stump")."""
    added = [*grown.doc[grown.start : span.start], *grown.doc[span.end : grown.end]]
    return any(
        not t.is_space and _lower(t) not in _COUNTS and _lower(t) not in _HEALED and not t.like_num for t in added
    )


def _phrase(span: Span) -> str:
    """A span's text in lower case with its whitespace runs as single spaces ("weight  loss", "side\\n\\neffects")
    and a word split at a line end re-joined ("refe-\\n rral": SpaceNormaliser)."""
    words = (" " if t.is_space else (t.norm_ if "\n" in t.text else t.lower_) + t.whitespace_ for t in span)
    return " ".join(fold("".join(words)).split())


def _ends_on_a_site(span: Span) -> bool:
    """Whether a mention ends on the site it is "of", "in" or "over" ("heaviness of both legs")."""
    words = [_lower(t) for t in span if not t.is_space]
    return len(words) > 2 and _is_site(words[-1]) and any(w in ("of", "in", "over") for w in words[1:-1])


def _before_a_sited_condition(span: Span, sited: set[int]) -> bool:
    """Whether a bare bound term is coordinated with a condition that names its site, the site they
    share ("aching and heaviness of both legs", "cracking and itching of the fingertips"); bare "pain",
    "symptoms" or "injury" stays too generic ("pain and catching of the right ring finger", ANNOTATION_NOTES 17)."""
    doc = span.doc
    j = _next_word(doc, span.end)
    generic = _lower(span[-1]) in ("pain", "symptoms", "sx", "injury", "injuries")
    return not generic and j < len(doc) and _lower(doc[j]) in ("and", "or") and _next_word(doc, j + 1) in sited


def _grew_to_a_mention(span: Span, grown: Span) -> bool:
    """Whether a bound lexicon term ("~release", "~loss") grew into a mention: by more than a count
    (:func:`_grew_beyond_counts`), not into a bare kind of drug ("an extended-release form"), and not
    into a "loss" followed by "of", where what is lost decides ("loss of motion" is a lexicon term,
    "further loss of height" of a vertebra no condition)."""
    nxt = _next_word(grown.doc, grown.end)
    loss_of = _lower(grown[-1]) == "loss" and nxt < len(grown.doc) and _lower(grown.doc[nxt]) == "of"
    kind_only = _phrase(grown) in modifiers()
    return _grew_beyond_counts(span, grown) and not loss_of and not kind_only


# "a well-healed stump", "healed incisions": a normal finding, no condition (ANNOTATION_NOTES 29)
_HEALED = frozenset({"well", "-", "healed"})


def _ends_on_list_number(span: Span) -> bool:
    """Whether a mention runs over a line break onto the next list item's number ("1. Flexeril\n2.
    Norco" is not "Flexeril 2"; a year is no list number: "since March\n2020.")."""
    doc, end = span.doc, span.end
    return (
        len(span) > 2
        and end < len(doc)
        and span[-1].is_digit
        and len(span[-1]) <= 2
        and doc[end].text in {".", ")"}
        and span[-2].is_space
        and "\n" in span[-2].text
    )


# Bound lexicon terms that name the patient's condition or service on their own after an article
# ("without a tear", "the size of the tear", "after the release", "A consultation is appropriate",
# "a boot", "another screen", "a slip that moves"); "wear and tear", "walks half a block", "a slip and
# fall" stay out.
_NAMED_AFTER_ARTICLE = frozenset(
    "tear tears release repair consultation boot screen revision transposition block blocks nodule nodules "
    "ganglion cream reconstruction slip epidural anti-inflammatory".split()
)
# Bound terms that name the patient's state after a negation ("reports no side effects", "benefit
# without side effects", "denies any side effects", "no mass", "no collapse"); "documentation of ... side effects" is a
# guideline's criterion.
_NAMED_AFTER_NEGATION = frozenset({"side effects", "mass", "collapse", "compression"})
_NEGATION_FILLERS = frozenset("reported documented significant known new further noted any".split())


def _at_night(span: Span) -> bool:
    """Whether a bare "pain" is pain at night ("he reported pain at night"): night pain, a finding
    the guidelines weigh, not pain in general."""
    doc = span.doc
    i = _next_word(doc, span.end)
    j = _next_word(doc, i + 1) if i < len(doc) else len(doc)
    return _phrase(span) == "pain" and j < len(doc) and _lower(doc[i]) == "at" and _lower(doc[j]) == "night"


# A bare "repair" names the operation as a noun ("an indication for repair", "Repair is recommended",
# "; repair within six weeks is easier"), not as the verb ("to repair the tendon", "will repair it"),
# a modifier ("repair tissue", "repair estimates"), a state ("beyond repair") or the head of a
# compound the rules did not read whole ("an intact repair"); "would need repair" is a noun.
_SERVICE_NOUNS = frozenset({"repair", "repairs"})
_BEFORE_A_VERB = frozenset("to will would can could may might should must not did does do beyond".split())
_OBJECT_STARTS = frozenset("the a an his her their its this that these those it them".split())


def _service_noun(span: Span) -> bool:
    """Whether a bare :data:`_SERVICE_NOUNS` word is a noun that names the service."""
    if _phrase(span) not in _SERVICE_NOUNS:
        return False
    doc, i, j = span.doc, _previous_word(span.doc, span.start), _next_word(span.doc, span.end)
    if i >= 0 and _lower(doc[i]) in _BEFORE_A_VERB:
        return False
    if i >= 0 and doc[i].is_alpha and not doc[i].is_stop and _lower(doc[i]) not in _VERBS:
        return False  # "an intact repair", "TFCC injury repair": a compound the rules did not read whole
    return j >= len(doc) or not doc[j].is_alpha or (doc[j].is_stop and _lower(doc[j]) not in _OBJECT_STARTS)


def _next_is(span: Span, word: str) -> bool:
    i = _next_word(span.doc, span.end)
    return i < len(span.doc) and _lower(span.doc[i]) == word


def _named_after_article(span: Span) -> bool:
    """Whether a bare bound term follows an article or a possessive ("the blocks", "his blocks";
    :data:`_NAMED_AFTER_ARTICLE`) or a negation ("no side effects"; :data:`_NAMED_AFTER_NEGATION`), or
    is "falls" after a count or "with" ("has had two falls", "myelopathy with falls"; "the request falls
    within" is a verb), or "diabetic" said of the worker ("is not diabetic")."""
    if (i := _previous_word(span.doc, span.start)) < 0:
        return False
    # read on the words re-joined: "an epid-\n\n ural" split at a line end is "an epidural"
    word, before = _phrase(span), _lower(span.doc[i])
    if word in _NAMED_AFTER_NEGATION:
        if before in _NEGATION_FILLERS and (k := _previous_word(span.doc, i)) >= 0:
            before = _lower(span.doc[k])  # "no reported side effects"
        return before in ("no", "without", "denies", "denied", "deny")  # "He denies side effects"
    after_article = word in _NAMED_AFTER_ARTICLE and before in ("a", "an", "the", "another", "his", "her", "their")
    after_article = after_article and not (word == "block" and before == "a")  # "walks a block"
    after_article = after_article and not (word == "slip" and _next_is(span, "and"))  # "a slip and fall"
    # "she is not diabetic", "he is a diabetic": the condition said of the worker
    diabetic = word == "diabetic" and before in ("is", "not", "a", "was", "isnot", "wasnot")  # run together
    return after_article or diabetic or (word == "falls" and (before in _COUNTS or before == "with"))


def _hedged(span: Span) -> bool:
    """Whether necessity words follow "may"/"might"/"can"/"could" ("Bathroom equipment may be
    medically necessary after surgery") or say what they hold for ("Commodes are medically necessary
    if the patient is bed-confined"): a guideline's condition, no item's outcome."""
    i = _previous_word(span.doc, span.start)
    if _lower(span[0]) == "be" and i >= 0 and _lower(span.doc[i]) in ("may", "might", "can", "could"):
        return True
    j = _next_word(span.doc, span.end)
    return j < len(span.doc) and _lower(span.doc[j]) in ("if", "when", "unless")


_SIGNS = frozenset("sign signs test tests maneuver maneuvers raise".split())


def _negative_result(span: Span) -> bool:
    """Whether a finding is written as a negative test ("a negative Tinel's sign at the elbow",
    "anterior drawer neg", "Phalen's signs are negative"): no finding of the patient's (negated
    conditions, "no fracture", stay mentions; so does a condition tested for: "tests for CTS are
    negative")."""
    doc = span.doc
    if (i := _previous_word(doc, span.start)) >= 0 and _lower(doc[i]) == "negative":
        return True
    j = _next_word(doc, span.end)  # "talar tilt neg", "Finkelstein's (-)": the result written after
    if j < len(doc) and _lower(doc[j]) in ("is", "are", "was", "were") and _lower(span[-1]) in _SIGNS:
        j = _next_word(doc, j + 1)  # "Tinel's and Phalen's signs are negative"
    return j < len(doc) and (_lower(doc[j]) in ("neg", "negative") or doc[j : j + 3].text.replace(" ", "") == "(-)")


def _after_post(span: Span) -> bool:
    """Whether a procedure is written "post-X": the time after it ("post-thoracotomy pain"), not a service."""
    doc, i = span.doc, span.start
    return _hyphenated(doc, i) and _lower(doc[i - 2]) == "post"


def _names_in_full(item: Span, span: Span) -> bool:
    """Whether a diagnosis list item is `span`'s DIAGNOSIS with more words of its name before it:
    same last word, the words before it lower-case words ("necrotizing fasciitis")."""
    if span.label_ != "DIAGNOSIS" or item.end != span.end or item.start >= span.start:
        return False
    before = [t for t in item.doc[item.start : span.start] if not t.is_space]
    if len(before) > 2 and _lower(before[1]) == "and" and _KIND_ONLY.fullmatch(before[0].text):
        before = before[2:]  # a kind before "and" shares the name: "osseous and subluxation stenosis"
    return all(t.text == "-" or (t.is_alpha and t.is_lower and not t.is_stop) for t in before)


@registry.misc("imr_nlp.longest_per_label_filter.v1")
def make_longest_per_label_filter():  # noqa: ANN201 - a registry factory returning the filter
    return longest_per_label


_SITE_FILLERS = _SITE_DETERMINERS | {"of", "at", "and", ",", "-"}
_NOT_A_CONDITION_START = frozenset(
    "improvement improved relief benefit response history function documentation evidence request".split()
)


# Words inside a proposed span that make it a clause or a description rather than a name.
_CLAUSE_WORDS = frozenset(
    "a an is are was were be been being has have had do does did will would should could may might must can "
    "which who that because when while if than fails failed".split()
)
# Verbs that introduce a service in a sentence ("prescribed cephalexin", "requested an MRI").
_LEADING_VERBS = frozenset(
    "prescribed requested recommended approved denied certified given started tried used received underwent "
    "completed ordered continued cure cures treat treats relieve relieves".split()
)
_RECORD_WORDS = frozenset("notes note reports report records record findings finding results result".split())
_GENERIC_ENDS = frozenset("care treatment treatments services modalities".split())  # ANNOTATION_NOTES 12
_COUNT_WORDS = _COUNTS | frozenset(_MORE) | frozenset("several many few".split())
_KINDS = frozenset("forms types kinds classes".split())
# An encounter named by itself is a visit, not a service ("A re-evaluation on 4-5-2013 showed ...");
# the hand labels never mark one (a consultation is a service and is not here).
_ENCOUNTERS = frozenset(
    "evaluation re-evaluation reevaluation reassessment re-examination reexamination examination exam visit "
    "visits follow-up followup appointment encounter".split()
)


_MEASURE_UNITS = frozenset({"deg", "degrees", "degree", "cm", "mm", "kg", "lbs", "pounds", "%"})


def plausible_mention(span: Span) -> bool:
    """Whether a span the model proposes on its own can be a DIAGNOSIS/TREATMENT mention: it
    names something beyond a body site ("right shoulder", "lateral ligament"), does not start
    with a number or score ("7/10 radiating to the left leg"), is not a short lower-case word
    ("hole"), is not a clause ("Topical ketamine is under study", "weight bearing in a boot"), a
    record ("Pain management notes"), a bare count ("eight sessions"), generic care ("six months
    of care") or an encounter named by itself ("re-evaluation"), and a condition does not start
    with a word for its course ("improvement in range of motion") nor end in a measurement
    ("knee flexion to 80 deg")."""
    words = [t for t in span if not t.is_space]
    if not words or not words[0].is_alpha:
        return False
    if len(words) == 1 and words[0].is_lower and len(words[0]) <= 4:
        return False
    if any(_lower(t) in _CLAUSE_WORDS for t in words[1:-1]) or _lower(words[0]) in _LEADING_VERBS:
        return False  # "Topical ketamine is under study", "prescribed cephalexin": a clause, not a name
    if _lower(words[-1]) in _RECORD_WORDS or all(_lower(t) in _COUNT_WORDS or t.like_num for t in words[:-1]):
        return False  # "Pain management notes", "consistent findings", "eight sessions"
    if span.label_ == "TREATMENT" and _lower(words[-1]) in _GENERIC_ENDS:
        return False  # "six months of care", "conservative treatment": generic, not a named service
    if span.label_ == "TREATMENT" and "".join(_lower(t) for t in words) in _ENCOUNTERS:
        return False
    if (
        span.label_ == "TREATMENT"
        and len(words) > 2
        and _lower(words[1]) in _KINDS
        and _lower(words[0]) in _COUNT_WORDS
    ):
        return False  # "two forms of electrical stimulation": a count of kinds, not a service
    if span.label_ == "DIAGNOSIS" and _lower(words[0]) in _NOT_A_CONDITION_START:
        return False
    if span.label_ == "DIAGNOSIS" and any(t.like_num for t in words) and _lower(words[-1]) in _MEASURE_UNITS:
        return False  # "knee flexion to 80 deg": a measurement, not a finding
    site = site_words()
    return not all(
        _lower(t) in site or _lower(t) in _SITE_FILLERS or is_level(span.doc, t.i) or t.is_digit for t in words
    )
