"""The imr_nlp pipeline components and Doc extensions, registered with spaCy in one place.

Factories are also declared as ``spacy_factories`` entry points (and the tokenizer callback as a
``spacy_callbacks`` one), so ``spacy.load`` on a saved imr_nlp pipeline works in a fresh
interpreter without importing imr_nlp first.

Doc extensions (plain, picklable values, so they survive ``nlp.pipe(n_process=2)``):

* ``doc._.layout``    - letter layout (``notice-2013``, ``fdl-2014``, ``fdl-2016``,
  ``professional-review`` or ``unknown``)
* ``doc._.decisions`` - list of decision dicts (see ``determination.schema.json``)
* ``doc._.case``      - case facts dict
* ``doc._.warnings``  - list of warnings about this letter
* ``doc._.error``     - ``{"type", "message"}`` when a component failed on this letter, else None

Span groups: ``doc.spans["sections"]`` (layout), ``doc.spans["ruler"]`` (span ruler),
``doc.spans["linker"]`` (item TREATMENT and citation GUIDELINE spans from the linker).
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import product

import numpy
from spacy.lang.tokenizer_exceptions import emoticons
from spacy.language import Language
from spacy.tokens import Doc, Span, Token
from spacy.util import compile_infix_regex, compile_suffix_regex, filter_spans, registry

from imr_nlp.facts import extract_case
from imr_nlp.layout import UNKNOWN, detect_layout, find_headings, find_sections, may_have_headings
from imr_nlp.linker import item_occurrences, letter_outcome, link
from imr_nlp.patterns import (
    SHORTHAND,
    head_nouns_end,
    lexicon_words,
    modifiers,
    quantity_bounds_in_doc,
    removed_by_operation,
)
from imr_nlp.textview import KEEP_HYPHEN, doc_view, fold, furniture_ranges

for _name, _default in (("layout", None), ("decisions", None), ("case", None), ("warnings", None), ("error", None)):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=_default)


def _fail(doc: Doc, component: str, exc: Exception) -> Doc:
    """Record a component failure on the doc: one bad letter must not end a batch."""
    doc._.error = {"type": "internal_error", "message": f"{component} failed: {type(exc).__name__}: {exc}"}
    return doc


def _char_span(doc: Doc, start: int, end: int, label: str) -> Span | None:
    return doc.char_span(start, end, label=label, alignment_mode="expand")


_INDICATION_WORDS = frozenset("for of with due secondary after from".split())


def _names_the_service(span: Span, item_start: int) -> bool:
    """A condition word that is part of a disputed item's name ("Tinnitus masker"), not the condition
    it treats ("Botox injection for chronic migraine") or takes out ("Excision of neuroma")."""
    before = {t.lower_ for t in span.doc[item_start : span.start]}
    return not (before & _INDICATION_WORDS) and not removed_by_operation(span)


def drop_contained(rule_spans: list[Span], linked: list[Span]) -> list[Span]:
    """Rule spans minus those a linked span supersedes.

    A lexicon TREATMENT overlapping a disputed item's TREATMENT span is part of that item
    (one span per label); a DIAGNOSIS, TREATMENT or DATE inside a GUIDELINE citation is part of
    the guideline's words ("Chronic Pain Medical Treatment Guidelines", "Cyclobenzaprine
    (Flexeril), page 41", "2nd Edition (2004)"), not the patient's condition, care or history;
    outcome words that state the letter's overall outcome or head a section are not an item's
    DECISION (:func:`imr_nlp.linker.letter_outcome`).
    """
    items = [(s.start, s.end) for s in linked if s.label_ == "TREATMENT"]
    cites = [(s.start, s.end) for s in linked if s.label_ == "GUIDELINE"]

    text = rule_spans[0].doc.text if rule_spans else ""

    def superseded(span: Span) -> bool:
        if span.label_ == "DECISION":
            return letter_outcome(text, span.start_char, span.end_char)
        if span.label_ not in ("TREATMENT", "DIAGNOSIS", "DATE"):
            return False
        in_cite = any(s <= span.start and span.end <= e for s, e in cites)
        # a condition named inside an item is part of its name ("Tinnitus masker": _names_the_service)
        item = next(((s, e) for s, e in items if s <= span.start and span.end <= e), None)
        if span.label_ == "DIAGNOSIS" and item is not None and _names_the_service(span, item[0]):
            return True
        return in_cite or (span.label_ == "TREATMENT" and any(span.start < e and s < span.end for s, e in items))

    kept = [s for s in rule_spans if not superseded(s)]
    kept += [tail for s in rule_spans if s.label_ == "TREATMENT" and (tail := _beyond_item(s, items)) is not None]
    return kept


def _beyond_item(span: Span, items: list[tuple[int, int]]) -> Span | None:
    """What a rule TREATMENT joined onto a disputed item's repeat ("preoperative medical clearance
    with laboratory tests" where the item is the clearance): the service after the joining words,
    which the item does not name."""
    end = next((e for s, e in items if s <= span.start < e < span.end), None)
    if end is None:
        return None
    doc = span.doc
    words = [t for t in doc[end : span.end] if not t.is_space]
    if len(words) < 2 or words[0].lower_ != "with":
        return None
    tail = words[2] if words[1].lower_ in ("a", "an") and len(words) > 2 else words[1]
    return Span(doc, tail.i, span.end, label=span.label_)


def split_words(doc: Doc) -> list[tuple[int, int, str]]:
    """Words that PDF extraction split with a hyphen at a line end ("fasci-\\nitis",
    "protr- usion", or at a soft hyphen), at more than one line end too ("retr-\\nocal-\\ncaneal"):
    (first token, end token, the word re-joined). Where a hyphen may be the word's own, the word
    is read the way the lexicons know it ("post-\\nerior" is "posterior", "plat-\\nelet-\\nrich" is
    "platelet-rich"); else a prefix that really is hyphenated keeps its hyphen ("follow-\\nup") and
    the rest are joined. "pre- and post-operative" is not a split word."""
    out = []
    end = 0
    for tok in doc:
        if tok.i < end or not _split_head(tok):
            continue
        pieces = [tok]
        while _split_head(pieces[-1]) and (j := _continuation(doc, pieces[-1].i)) is not None:
            pieces.append(doc[j])
        if _split_head(pieces[-1]):  # "retr-\nocal- and": the last piece continues nowhere
            pieces.pop()
        if len(pieces) < 2:
            continue
        stems = [p.text[:-1].lower() for p in pieces[:-1]] + [pieces[-1].lower_]
        hyphens = [p.text.endswith("-") for p in pieces[:-1]]
        # "bone-on-\nbone": the head ends a hyphenated compound, so its hyphen is the compound's
        compound = tok.i > 0 and doc[tok.i - 1].text == "-" and not doc[tok.i - 1].whitespace_
        fallback = tuple(h and k == 0 and (stems[0] in KEEP_HYPHEN or compound) for k, h in enumerate(hyphens))
        choices = product(*[(False, True) if h else (False,) for h in hyphens])  # a soft hyphen is no hyphen
        known = lexicon_words()
        words = [_joined(stems, c) for c in choices]
        word = next((w for w in words if w in known), _joined(stems, fallback))
        out.append((tok.i, pieces[-1].i + 1, word))
        end = pieces[-1].i + 1
    return out


def _split_head(tok: Token) -> bool:
    """Whether a token is the first part of a word split at a line end: letters and a hyphen."""
    return len(tok) > 2 and tok.text.endswith(("-", "\xad")) and tok.text[:-1].isalpha()


def _continuation(doc: Doc, i: int) -> int | None:
    """The token that continues the split word whose head is token `i` on the next line: a
    lower-case word (or the next head of a word split twice), not "and"/"or"/"to"."""
    j, gap = i + 1, doc[i].whitespace_
    while j < len(doc) and doc[j].is_space:  # a line end after spaces ("tight- \nness")
        gap, j = gap + doc[j].text + doc[j].whitespace_, j + 1
    if j >= len(doc) or ("\n" not in gap and gap != " ") or doc[j].lower_ in _NOT_CONTINUATIONS:
        return None
    word = doc[j].text[:-1] if _split_head(doc[j]) else doc[j].text
    return j if word.isalpha() and word.islower() else None


def _joined(stems: list[str], hyphens: tuple[bool, ...]) -> str:
    return stems[0] + "".join(("-" if h else "") + s for h, s in zip(hyphens, stems[1:], strict=True))


_NOT_CONTINUATIONS = frozenset({"and", "or", "to", "through", "versus", "vs"})


def furniture_tokens(doc: Doc) -> list[tuple[int, int]]:
    """Token ranges of page furniture (:func:`imr_nlp.textview.furniture_ranges`) with the
    whitespace around it, adjacent ones joined: what lies between the two halves of a sentence
    that a page break cut ("bilateral knee\n\nPage 1 of 4\n\fCM14-0183390\n\ncrepitus")."""
    runs: list[tuple[int, int]] = []
    for a, b in furniture_ranges(doc.text):
        span = doc.char_span(a, b, alignment_mode="expand")
        if span is None:
            continue
        start, end = span.start, span.end
        while start > 0 and doc[start - 1].is_space:
            start -= 1
        while end < len(doc) and doc[end].is_space:
            end += 1
        if runs and start <= runs[-1][1]:
            start = runs.pop()[0]
        runs.append((start, end))
    return runs


class SpaceNormaliser:
    """Normalises what PDF extraction does to words: NORM is a single space on whitespace tokens
    (line breaks, double spaces); page furniture with the whitespace around it becomes one
    whitespace token (:func:`furniture_tokens`), so a mention cut by a page break is matched
    whole; a word split by a hyphen at a line end becomes one token whose NORM is the word
    re-joined (:func:`split_words`; the text is unchanged), alphabetic and lower-case as the word
    is, whatever footer lies between its halves; shorthand for a function word gets
    the word as NORM (:data:`imr_nlp.patterns.SHORTHAND`).

    The span ruler matches phrase patterns on NORM; with every whitespace token normalised, one
    phrase variant covers a term broken across a line in any way, and "plantar fasci-\\nitis"
    matches "plantar fasciitis".
    """

    def __init__(self, name: str = "imr_space_norm") -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        if furniture := furniture_tokens(doc):
            with doc.retokenize() as retokenizer:
                for start, end in furniture:
                    retokenizer.merge(doc[start:end], attrs={"NORM": " ", "IS_SPACE": True})
        if splits := split_words(doc):
            with doc.retokenize() as retokenizer:
                for start, end, word in splits:
                    # a word re-joined is a word ("conver-\nsations"); a page footer inside it is no capital
                    lower = doc[start].text[0].islower() and word.islower()
                    attrs = {"NORM": word, "IS_ALPHA": word.isalpha(), "IS_LOWER": lower}
                    retokenizer.merge(doc[start:end], attrs=attrs)
        for i in numpy.flatnonzero(doc.to_array("IS_SPACE")):
            doc[int(i)].norm_ = " "
        if "w/" in doc.text:  # the only shorthand there is; most texts (and every pattern) have none
            for token in doc:
                if token.lower_ in SHORTHAND:
                    token.norm_ = SHORTHAND[token.lower_]
        if not doc.text.isascii():  # "\ufb01nger" is "finger", "epidu\xadral" is "epidural" (textview.fold)
            for token in doc:
                if not token.is_space and not token.text.isascii():
                    token.norm_ = fold(token.norm_)
        return doc


class LayoutDetector:
    """Detects the letter layout and its sections (``doc._.layout``, ``doc.spans[spans_key]``)."""

    def __init__(self, name: str = "imr_layout", *, spans_key: str = "sections") -> None:
        self.name = name
        self.spans_key = spans_key

    def __call__(self, doc: Doc) -> Doc:
        try:
            return self._annotate(doc)
        except Exception as exc:  # noqa: BLE001
            return _fail(doc, self.name, exc)

    def _annotate(self, doc: Doc) -> Doc:
        if not may_have_headings(doc.text):  # one line, no heading: no sections
            doc._.layout = UNKNOWN
            doc.spans[self.spans_key] = []
            return doc
        view = doc_view(doc)
        headings = find_headings(view.text)
        doc._.layout = detect_layout(headings)
        spans = []
        for section in find_sections(view.text, headings):
            body = view.text[section.start : section.end].rstrip()
            start, end = view.span(section.start, section.start + len(body))
            if end > start and (span := _char_span(doc, start, end, section.label)) is not None:
                spans.append(span)
        doc.spans[self.spans_key] = spans
        return doc


class DecisionLinker:
    """Links items to decisions, citations and rationales, and extracts the case facts."""

    def __init__(self, name: str = "imr_linker", *, spans_key: str = "linker", ruler_key: str = "ruler") -> None:
        self.name = name
        self.spans_key = spans_key
        self.ruler_key = ruler_key

    def __call__(self, doc: Doc) -> Doc:
        try:
            return self._annotate(doc)
        except Exception as exc:  # noqa: BLE001
            return _fail(doc, self.name, exc)

    def _annotate(self, doc: Doc) -> Doc:
        view = doc_view(doc)
        headings = [start for start, _, _ in find_headings(view.text)]
        decisions, warnings = link(view, headings)
        doc._.decisions = decisions
        doc._.case = extract_case(view.text, view.original)
        doc._.warnings = warnings
        spans = []
        for d in decisions:
            spans.append(_char_span(doc, *d["item_span"], "TREATMENT"))
            spans.extend(_char_span(doc, *c["span"], "GUIDELINE") for c in d["citations"])
        taken = [(s.start_char, s.end_char) for s in spans if s is not None]  # items and citations
        # a lexicon mention that is a repeat with modifiers before it ("a repeat <item>", "a prior <item>") or
        # a count or duration after it
        longer = [s for s in doc.spans.get(self.ruler_key, []) if s.label_ == "TREATMENT"]
        words = modifiers()
        for d in decisions:  # the item's repeats: headings, "The request for <item> is ..."
            for a, b in item_occurrences(view.text, d["item"]):
                a, b = view.span(a, b)
                item = doc.char_span(a, b, alignment_mode="expand")
                if item is None:
                    limit = b
                else:  # a count or duration after it, or the noun that heads it ("<item> level")
                    last = doc[head_nouns_end(doc, item.end) - 1]
                    limit = max(quantity_bounds_in_doc(doc, item.start, item.end)[1], last.idx + len(last))
                if any(
                    s.start_char <= a
                    and b <= s.end_char <= limit
                    and (s.start_char, s.end_char) != (a, b)
                    and set(doc.text[s.start_char : a].lower().split()) <= words
                    for s in longer
                ):
                    continue  # "an elbow pad for six months": the item's words with its duration
                if not any(x < b and a < y for x, y in taken):
                    spans.append(_char_span(doc, a, b, "TREATMENT"))
        linked = sorted(filter_spans([s for s in spans if s is not None]), key=lambda s: s.start)
        doc.spans[self.spans_key] = linked
        if self.ruler_key in doc.spans:
            doc.spans[self.ruler_key] = drop_contained(list(doc.spans[self.ruler_key]), linked)
        return doc


@registry.callbacks("imr_nlp.no_emoticons.v1")
def make_no_emoticons() -> Callable[[Language], Language]:
    """An ``after_creation`` callback: the tokenizer without spaCy's emoticon special cases. In a
    letter "):" closes a parenthesis before a colon ("(DOS 12/10/2018):  Upheld") and ":P" is
    no face; as one token they would pull the colon into a disputed item's span."""

    def drop_emoticons(nlp: Language) -> Language:
        nlp.tokenizer.rules = {k: v for k, v in nlp.tokenizer.rules.items() if k not in emoticons}
        return nlp

    return drop_emoticons


# A strength before the next drug of a compound: "flurbiprofen 20%/cyclobenzaprine 4%" (spaCy
# splits "/" after a letter or digit, not after "%").
PERCENT_SLASH = r"(?<=%)/(?=[A-Za-z])"
# A full stop after a lone capital letter ends the sentence ("calcium and vitamin D.", "hepatitis C.",
# "grade I."): spaCy keeps it on the letter, as for an initial, so the term would not match.
LONE_CAPITAL_STOP = r"(?<=^[A-Z])\."
# An en dash, minus sign or Unicode hyphen between digits is split off as "-" is ("C5\u20136": three tokens).
DIGIT_DASH = r"(?<=[0-9])[\u2010-\u2013\u2212](?=[0-9])"
# A hyphen next to a ligature (U+FB00-FB06, which spaCy's letter class leaves out) splits as it does
# between letters: "word-\ufb01nding" is three tokens, as "word-finding" is.
LIGATURE_HYPHEN = r"(?<=[A-Za-z\ufb00-\ufb06])-(?=[\ufb00-\ufb06])|(?<=[\ufb00-\ufb06])-(?=[A-Za-z])"


@registry.callbacks("imr_nlp.letter_tokenizer.v1")
def make_letter_tokenizer() -> Callable[[Language], Language]:
    """An ``after_creation`` callback: the tokenizer without emoticons (``imr_nlp.no_emoticons.v1``)
    and with "/" after a percent sign split off (:data:`PERCENT_SLASH`), so each drug of a
    compounded product is a token of its own, a full stop after a lone capital letter
    (:data:`LONE_CAPITAL_STOP`), an en dash between digits (:data:`DIGIT_DASH`) and a hyphen next to a
    ligature (:data:`LIGATURE_HYPHEN`)."""
    drop_emoticons = make_no_emoticons()

    def letter_tokenizer(nlp: Language) -> Language:
        drop_emoticons(nlp)
        infixes = [*nlp.Defaults.infixes, PERCENT_SLASH, DIGIT_DASH, LIGATURE_HYPHEN]
        nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
        nlp.tokenizer.suffix_search = compile_suffix_regex([*nlp.Defaults.suffixes, LONE_CAPITAL_STOP]).search
        return nlp

    return letter_tokenizer


@Language.factory("imr_space_norm", assigns=["token.norm"])
def make_space_norm(nlp: Language, name: str) -> SpaceNormaliser:
    return SpaceNormaliser(name)


@Language.factory(
    "imr_layout",
    default_config={"spans_key": "sections"},
    assigns=["doc._.layout", "doc.spans"],
)
def make_layout(nlp: Language, name: str, spans_key: str) -> LayoutDetector:
    return LayoutDetector(name, spans_key=spans_key)


@Language.factory(
    "imr_linker",
    default_config={"spans_key": "linker", "ruler_key": "ruler"},
    assigns=["doc._.decisions", "doc._.case", "doc._.warnings", "doc.spans"],
)
def make_linker(nlp: Language, name: str, spans_key: str, ruler_key: str) -> DecisionLinker:
    return DecisionLinker(name, spans_key=spans_key, ruler_key=ruler_key)
