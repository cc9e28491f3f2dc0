"""Link each disputed item to its decision, guideline citations and rationale.

Works on the cleaned view of a letter (:mod:`imr_nlp.textview`); every offset it reports is
mapped back to the text as read. The steps are small functions:

1. :func:`find_statements` - every place the letter states a decision for an item
   (``Norco 10/325mg #120:  Upheld``; ``1. ... the request for X is not medically necessary``).
2. :func:`find_markers` - where guideline statements (claims administrator / reviewer) and
   rationales begin.
3. :func:`assign_blocks` - which item each guideline statement and rationale belongs to.
4. :func:`link` - the decisions, with citations parsed by :mod:`imr_nlp.guidelines`.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from typing import Any

from imr_nlp.guidelines import (
    PAGE_LOCATOR,
    citation_section,
    find_pages,
    normalise_guideline,
    split_citations,
)
from imr_nlp.textview import FURNITURE_PIECE, TextView

UPHELD, OVERTURNED = "upheld", "overturned"

_NECESSITY = (
    r"(?P<dec>(?:is|was|are|were|be)\s*(?P<neg>not\s*)?(?:considered\s*|deemed\s*|found\s*to\s*be\s*)?"
    r"medically\s*(?:necessary|reasonable)(?:\s*and\s*(?:appropriate|necessary))?)"
)
_NECESSITY_RE = re.compile(_NECESSITY, re.IGNORECASE)
# "Acupuncture therapy for cervical region:  Overturned" (paragraph start to the decision word)
COLON_STATEMENT = re.compile(
    r"(?:^|(?<=\n)|(?<=[a-z\d)\]]\.)(?=\s?(?-i:[A-Z]))|(?<=[a-z\d)\]]\.\s)(?=(?-i:[A-Z])))"
    r"(?P<item>[^\n]{0,600}?\S)\s*:\s*(?P<dec>upheld|overturned)(?:\b|(?=(?-i:[A-Z])))",
    re.IGNORECASE,
)
# An item paragraph that swallowed the end of the previous rationale ("...at this time.Cervical
# injection times 2: Overturned" when extraction lost the line break) starts after the last
# sentence end, if a long stretch of text comes before it. The item may start with a capital or
# a count ("The request is medically necessary. 6 additional sessions of biofeedback:  Upheld").
# A date or count may end the sentence too ("... determination 05/19/2017. Lumbar fusion ...: Upheld").
_SENTENCE_BREAK = re.compile(r"[a-z)\]]{2}[.!?][\"')]?\s*(?=[A-Z0-9])|\d{2}\.\s+(?=[A-Z])")
LONG_PREFIX = 80
# The issue list of a professional-review letter: "ISSUE AT DISPUTE: <item>" (no decision word).
ISSUE_HEADING = re.compile(r"(?:^|(?<=\n))\s*issues?\s*at\s*dispute\s*:?\s*", re.IGNORECASE)
_ISSUE_END = re.compile(r"\n\s*(?:[A-Z][A-Z /()&,'-]{6,}:?(?:\n|$)|case\s*summary|documents\s*reviewed)", re.IGNORECASE)
_ITEM_SPLIT = re.compile(r"\n|(?:^|\s)(?=\(?\d{1,2}\s*[.)]\s)")
# "1. MAXIMUS ... has determined the request for X is not medically necessary and appropriate."
# (at a paragraph start, or after the previous sentence when extraction ran the list together; that
# sentence may end in a word, a capitalised abbreviation or a number, not in "pg.": "... and Zoloft 100mg #30. 1.
# Xanax 0.5mg #60 is not ...", "... and tramadol ER. 1. Right shoulder ...")
NUMBERED_STATEMENT = re.compile(
    rf"(?:^|(?<=\n)|(?<=[a-z]{{3}}\.\s)|(?<=(?-i:[A-Z]{{2}})\.\s)|(?<=\d\.\s))\s*\(?\d{{1,2}}\s*[.)]\s*"
    # the item runs to its decision within one sentence: a guideline's numbered criterion in a rationale
    # ("2) Initially unresponsive to ... relaxants. In this case, ... The request for X is not ...") is none
    rf"(?P<item>(?:(?!(?-i:[a-z]{{3}}\.\s+[A-Z]))[^\n]){{0,600}}?\S)\s*{_NECESSITY}",
    re.IGNORECASE,
)
# "... the request for X is not medically necessary" anywhere (used when nothing else is found)
REQUEST_STATEMENT = re.compile(
    rf"\brequest(?:ed)?\s*(?:for|of)\s+(?P<item>[^\n]{{1,300}}?)\s*{_NECESSITY}", re.IGNORECASE
)
_REQUEST_FOR = r"request(?:ed)?\s*(?:for|of)\s+(?:(?:a|an|the)\s+(?=\w))?"  # "the request for a 28 day ..."
_REQUEST_PREFIX = re.compile(
    r".*?\b(?:has\s*determined|determined\s*that|found\s*that)\b\s*(?:the\s*)?"
    rf"(?:requested\s+(?!for\b|of\b)|{_REQUEST_FOR})?"
    rf"|\s*(?:the\s*)?{_REQUEST_FOR}",
    re.IGNORECASE,
)
_ITEM_PREFIX = re.compile(
    # page furniture that a converter ran into the item's line ("Page 2 of 3 Gabapentin 300mg #90:  Upheld")
    rf"^(?:(?x:{FURNITURE_PIECE})\s+"
    r"|\(?\d{1,2}\s*[.)]\s*|[\u2022*\-]\s*|(?:issues?\s*at\s*dispute|disputed\s*items?(?:\s*/\s*services?)?"
    r"|items?|services?|treatment\s*requested|requested\s*treatment)\s*:\s*"
    # the sentence introducing the list, run into the first item when a converter joined the lines
    r"|[^:\n]{0,160}?\b(?:set\s*forth\s*below|as\s*follows|the\s*following)\s*:\s*)+",
    re.IGNORECASE,
)
_NOT_AN_ITEM = re.compile(
    r"^(?:(?:the\s*)?(?:imr\s*)?(?:final\s*)?(?:determination|decision|outcome|result|overall)"
    r"(?:\s*(?:is|was))?|status|imr|(?:the|this)\s*request(?:ed\s*(?:treatment|service|item)s?)?)$",
    re.IGNORECASE,
)

_BASED_ON = r"based\s*(?:its|his/her|his|her|their|the)\s*decision\s*on"
_REVIEWER = r"(?:expert|professional|physician|medical|imr)\s*reviewer"
_USED_BY = r"guidelines?\s*(?:\(\s*s\s*\)\s*)?used\s*by\s*(?:the\s*)?"
# Where guideline statements (by whom) and rationales begin. One regex, one pass; every
# alternative starts with a required word so the scan stays fast.
MARKER = re.compile(
    r"(?P<claims_administrator>"
    rf"claims\s*administrator(?:'s)?\s*(?:guidelines?\s*(?:used\s*)?:|{_BASED_ON}"
    r"|(?:also\s*)?(?:cited|relied\s*(?:up)?on|referenced))"
    rf"|{_USED_BY}claims\s*administrator\s*(?:\(\s*UR\s*\))?\s*:?"
    rf"|\b(?:UR|utilization\s*review)\s*(?:physician|reviewer)?\s*{_BASED_ON})"
    r"|(?P<reviewer>maximus\s*guidelines?\s*:"
    rf"|{_REVIEWER}(?:'s)?\s*(?:guidelines?\s*:|{_BASED_ON}"
    r"|(?:also\s*)?(?:cited|relied\s*(?:up)?on|referenced|found))"
    rf"|{_USED_BY}{_REVIEWER}\s*(?:\(\s*IMR\s*\))?\s*:?"
    r"|medical\s*treatment\s*guideline\s*\(?\s*s?\s*\)?\s*relied\s*upon\s*by\s*(?:the\s*)?professional\s*reviewer"
    r"(?:\s*and\s*why)?\s*:?)"
    r"|(?P<unspecified>(?:^|(?<=\n))(?:guidelines?|citations?)\s*(?:cited|used|relied\s*upon|referenced)?\s*:)"
    r"|(?P<rationale>decision\s*rationale\s*:?"
    rf"|{_REVIEWER}'?s?\s*decision\s*rationale\s*:?"
    r"|rationale\s*(?:for\s*the\s*decision|used\s*by\s*(?:the\s*)?(?:expert|professional|physician)\s*reviewer"
    r"|for\s*why\s*the\s*requested\s*treatment\s*/?\s*(?:service)?\s*is\s*/?\s*(?:was)?\s*(?:not\s*)?"
    r"medically\s*necessary)\s*:?"
    r"|(?:^|(?<=\n))rationale\s*:)",
    re.IGNORECASE,
)
CITATION_KINDS = ("claims_administrator", "reviewer", "unspecified")
# Words that make a guideline-naming piece a sentence about the guideline, not a citation.
# ("supports" and "notes" are not among them: "Low Back, Lumbar supports" is a section name; a
# capitalised "Recommended" is a title's word: "Recommended Adult Immunization Schedule".)
_PROSE = re.compile(
    r"\b(?:is|are|was|were|(?<!united\s)states?|stated|(?-i:recommends?|recommended)|indicates?|because|"
    r"addresses?|requires?|should|may|not)\b",
    re.IGNORECASE,
)
MAX_STATEMENT = 2000  # characters of a guideline statement considered


@dataclass(frozen=True)
class Statement:
    """A place where the letter states a decision for an item (offsets in cleaned text)."""

    item_start: int
    item_end: int
    decision: str
    dec_start: int
    dec_end: int
    key: str


@dataclass(frozen=True)
class Marker:
    kind: str  # claims_administrator | reviewer | unspecified | rationale
    start: int
    end: int  # where the statement's content begins


# Outcome words that are not one item's decision (ANNOTATION_NOTES 13): the letter's overall
# outcome ("Final Determination: UPHELD"), the notice's explanation of it ("some of the disputed
# items or services are medically necessary") and a section heading ("IS/WAS NOT MEDICALLY
# NECESSARY:").
_LETTER_OUTCOME_BEFORE = re.compile(
    # "PARTIALLY OVERTURNED"; "serv-\nices": a word split over a line end by PDF extraction
    r"(?:determination\s*:\s*(?:partially\s+|partly\s+)?|/\s*|items\s+(?:or|and)\s+serv(?:-\s*)?ices\s+)$",
    re.IGNORECASE,
)


def letter_outcome(text: str, start: int, end: int) -> bool:
    """Whether the outcome words at ``text[start:end]`` state the letter's overall outcome or
    head a section rather than decide one item."""
    return bool(
        _LETTER_OUTCOME_BEFORE.search(text, max(0, start - 40), start)
        or text[end : end + 2].lstrip(" ").startswith(":")
    )


def item_occurrences(text: str, item: str) -> list[tuple[int, int]]:
    """Every place `item` is written in `text` (any case, any whitespace): a disputed item is
    repeated as a heading before its rationale and in "The request for ... is not medically
    necessary"."""
    words = item.split()
    if not words:
        return []
    pattern = r"(?<![\w])" + r"\s+".join(re.escape(w) for w in words) + r"(?![\w])"
    return [m.span() for m in re.finditer(pattern, text, re.IGNORECASE)]


def item_key(item: str) -> str:
    """Identity of an item across its mentions: lower-case letters and digits only."""
    return re.sub(r"[^a-z0-9]+", "", item.lower())


def _trim_item(text: str, start: int, end: int) -> tuple[int, int]:
    seg = text[start:end]
    m = _ITEM_PREFIX.match(seg)
    if m:
        start += m.end()
    while end > start and text[end - 1] in " ,;:.-":
        end -= 1
    while start < end and text[start] in " ,;:.":
        start += 1
    return start, end


def _has_marker(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] holds what no item name does: a guideline marker or a necessity phrase."""
    return MARKER.search(text, start, end) is not None or _NECESSITY_RE.search(text, start, end) is not None


def _statement(text: str, m: re.Match[str], strip_request: bool) -> Statement | None:
    start, end = m.span("item")
    if strip_request and (p := _REQUEST_PREFIX.match(text, start, end)):
        start = p.end()
    start, end = _trim_item(text, start, end)
    breaks = [b.end() for b in _SENTENCE_BREAK.finditer(text, start, end)]
    if breaks and (breaks[-1] - start >= LONG_PREFIX or _has_marker(text, start, breaks[-1])):
        start, end = _trim_item(text, breaks[-1], end)  # the cut can leave the item's number: "splint. 1. ESWT"
        if strip_request and (p := _REQUEST_PREFIX.match(text, start, end)):
            start, end = _trim_item(text, p.end(), end)  # "... Twelve visits exceed it. The request for X is ..."
    item = text[start:end]
    if not item or len(item) > 400 or _NOT_AN_ITEM.match(item) or not re.search(r"[A-Za-z]", item):
        return None
    word = m.group("dec").lower()
    if word.startswith(("upheld", "overturned")):
        decision = UPHELD if word.startswith("upheld") else OVERTURNED
    else:
        decision = UPHELD if m.group("neg") else OVERTURNED
    return Statement(start, end, decision, m.start("dec"), m.end("dec"), item_key(item))


def _matches(pattern: re.Pattern[str], text: str, strip: bool) -> list[Statement]:
    return [s for m in pattern.finditer(text) if (s := _statement(text, m, strip))]


def find_statements(text: str) -> list[Statement]:
    """Every decision statement, in text order.

    ``item: Upheld|Overturned`` paragraphs win; numbered "... is (not) medically necessary"
    statements are used when there are none; then the items of an "ISSUE AT DISPUTE" list
    with the decision the letter states for them; free "request for X is ..." sentences last.
    """
    for pattern, strip in ((COLON_STATEMENT, False), (NUMBERED_STATEMENT, True)):
        if found := _matches(pattern, text, strip):
            return found
    requests = _matches(REQUEST_STATEMENT, text, True)
    return issue_statements(text, requests) or requests


OUTCOME = re.compile(rf"{_NECESSITY}|(?<![\w-])(?P<word>upheld|overturned)\b", re.IGNORECASE)


def _outcome(m: re.Match[str]) -> str:
    if m.group("word"):
        return UPHELD if m.group("word").lower() == "upheld" else OVERTURNED
    return UPHELD if m.group("neg") else OVERTURNED


def issue_statements(text: str, evidence: list[Statement]) -> list[Statement]:
    """Items listed under "ISSUE AT DISPUTE" (without decision words), decided by `evidence`.

    An item takes the decision of the first later necessity statement that shares most of its
    words; a single item with no such statement takes the letter's last necessity statement.
    """
    m = ISSUE_HEADING.search(text)
    if not m:
        return []
    # any later outcome statement ("The requested treatment is not medically necessary.",
    # "DETERMINATION: UPHELD") decides a single listed item
    outcomes = evidence + [
        Statement(o.start(), o.start(), _outcome(o), o.start(), o.end(), "") for o in OUTCOME.finditer(text, m.end())
    ]
    outcomes.sort(key=lambda st: st.dec_start)
    if not outcomes:
        return []
    end_m = _ISSUE_END.search(text, m.end())
    end = end_m.start() if end_m else len(text)
    pieces, pos = [], m.end()
    for cut in [*(c.start() for c in _ITEM_SPLIT.finditer(text, m.end(), end)), end]:
        if cut > pos:
            pieces.append((pos, cut))
        pos = cut
    out = []
    for a, b in pieces:
        a, b = _trim_item(text, a, b)
        if b - a < 3 or b - a > 400:
            continue
        key = item_key(text[a:b])
        words = set(re.findall(r"[a-z0-9]+", text[a:b].lower()))
        best = None
        for ev in evidence:
            ev_words = set(re.findall(r"[a-z0-9]+", text[ev.item_start : ev.item_end].lower()))
            if ev.item_start > b and words and len(words & ev_words) >= 0.5 * min(len(words), len(ev_words)):
                best = ev
                break
        if best is None and len(pieces) == 1:
            best = outcomes[-1]
        if best is not None:
            out.append(Statement(a, b, best.decision, best.dec_start, best.dec_end, key))
    return out


def find_markers(text: str) -> list[Marker]:
    """Starts of guideline statements and rationales, in text order."""
    deduped: list[Marker] = []
    for m in MARKER.finditer(text):
        mk = Marker(m.lastgroup or "unspecified", m.start(), m.end())
        prev = deduped[-1] if deduped else None
        if prev and prev.kind == mk.kind and text[prev.end : mk.start].strip(" :.\n").lower() in ("", "the"):
            # "Guidelines Used by the Claims Administrator (UR): The Claims Administrator based its
            # decision on ..." is one statement
            deduped[-1] = Marker(mk.kind, prev.start, mk.end)
            continue
        deduped.append(mk)
    return deduped


def assign_blocks(items: list[str], statements: list[Statement], markers: list[Marker]) -> list[int | None]:
    """For each marker, the index (into `items`) of the item it belongs to.

    A marker belongs to the item whose decision was stated last before it. When that leaves
    items without any guideline statement (letters that list every decision first and give the
    per-item discussion later without repeating the items), the k-th group of statements
    (a group starts at each claims-administrator statement) goes to the k-th item.
    """
    index = {key: i for i, key in enumerate(items)}
    starts = [s.item_start for s in statements]  # statements are in text order
    owner: list[int | None] = []
    for mk in markers:
        k = bisect_right(starts, mk.start)
        owner.append(index[statements[k - 1].key] if k else None)

    cited = {o for o, mk in zip(owner, markers, strict=True) if mk.kind in CITATION_KINDS and o is not None}
    if len(items) > 1 and len(cited) < len(items):
        lead_kind = next((k for k in ("claims_administrator", "reviewer") if any(mk.kind == k for mk in markers)), None)
        starts = [i for i, mk in enumerate(markers) if mk.kind == lead_kind]
        if lead_kind and len(starts) == len(items):
            owner = [None] * len(markers)
            for g, first in enumerate(starts):
                last = starts[g + 1] if g + 1 < len(starts) else len(markers)
                for i in range(first, last):
                    owner[i] = g
    return owner


def _boundaries(text: str, statements: list[Statement], markers: list[Marker], headings: list[int]) -> list[int]:
    cuts = {s.item_start for s in statements} | {mk.start for mk in markers} | set(headings)
    cuts.add(len(text))
    return sorted(cuts)


def _next_cut(cuts: list[int], pos: int) -> int:
    k = bisect_right(cuts, pos)
    return cuts[k] if k < len(cuts) else cuts[-1]


def parse_citations(view: TextView, start: int, end: int, by: str) -> list[dict[str, Any]]:
    """The citations in the guideline statement at cleaned offsets [start, end)."""
    stmt = view.text[start:end]
    out = []
    for a, b in split_citations(stmt):
        text = stmt[a:b]
        if _PROSE.search(text) and not PAGE_LOCATOR.search(text):
            continue
        s, e = view.span(start + a, start + b)
        out.append(
            {
                "by": by,
                "guideline": normalise_guideline(text),
                "section": citation_section(text),
                "pages": find_pages(text),
                "text": text,
                "span": [s, e],
            }
        )
    return out


def link(view: TextView, headings: list[int] | None = None) -> tuple[list[dict[str, Any]], list[str]]:
    """Decisions (record dicts, schema order) and warnings for one letter's cleaned view.

    `headings` are cleaned-text offsets of section headings; they end guideline statements and
    rationales.
    """
    text = view.text
    statements = find_statements(text)
    warnings: list[str] = []
    if not statements:
        return [], ["no disputed item with a decision (Upheld/Overturned or medically necessary) was found"]

    firsts: dict[str, Statement] = {}
    for s in statements:
        firsts.setdefault(s.key, s)
    items = list(firsts)
    markers = find_markers(text)
    owners = assign_blocks(items, statements, markers)
    cuts = _boundaries(text, statements, markers, headings or [])

    citations: dict[int, list[dict[str, Any]]] = {i: [] for i in range(len(items))}
    rationales: dict[int, list[str]] = {i: [] for i in range(len(items))}
    for mk, owner in zip(markers, owners, strict=True):
        if owner is None:
            continue
        end = min(_next_cut(cuts, mk.start), mk.end + MAX_STATEMENT)
        if mk.kind == "rationale":
            body = text[mk.end : end].strip(" \n:")
            if body:
                rationales[owner].append(re.sub(r"\s+", " ", body))
        else:
            citations[owner].extend(parse_citations(view, mk.end, end, mk.kind))

    decisions = []
    for i, key in enumerate(items):
        s = firsts[key]
        conflicting = {t.decision for t in statements if t.key == key}
        if len(conflicting) > 1:
            warnings.append(
                f"item {text[s.item_start : s.item_end]!r}: conflicting decisions; the first stated is used"
            )
        a, b = view.span(s.item_start, s.item_end)
        decisions.append(
            {
                "item": text[s.item_start : s.item_end],
                "item_span": [a, b],
                "decision": s.decision,
                "medically_necessary": s.decision == OVERTURNED,
                "citations": citations[i],
                "rationale": " ".join(rationales[i]) or None,
                "decision_span": list(view.span(s.dec_start, s.dec_end)),
            }
        )
    return decisions, warnings
