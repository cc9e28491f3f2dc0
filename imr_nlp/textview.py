"""A cleaned, paragraph-structured view of a letter that maps back to the text as read.

PDF extraction leaves hard line breaks mid-sentence, blank lines between every line, double
spaces, hyphenated words split across lines, page footers and repeated case numbers at page
tops. The structural parsers (layout, decisions, citations, case facts) run their regular
expressions over a cleaned string in which

* page furniture lines are dropped,
* runs of spaces become one space,
* lines of one paragraph are joined with a single space (a word split by a hyphen at a line
  end is re-joined without it),
* paragraphs are separated by exactly one ``\\n``.

Every character of the cleaned string remembers the index of the character of the original
text it came from, so any match can be reported with offsets into the text as read.
"""

from __future__ import annotations

import re
import unicodedata
import weakref
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc

# What a page footer or header line holds, in any order ("Page 2 of 4", "- 2 -", "CM14-0123456",
# "IMR Case Number: CM14-0123456   Page 2 of 4"). A bare "2 of 4" is not one: a wrapped line of a
# sentence can be just that ("... approved\n12 of 30\nsessions").
FURNITURE_PIECE = r"""(?:
        page\s*\d+\s*(?:of\s*\d+)?                            # Page 2 of 4 / Page 2
      | -\s*\d+\s*-                                          # - 2 -
      | (?:(?:imr\s+)?case\s*(?:number|no\.?|\#)\s*:?\s*)?CM\d{2}-\d{4,8}  # [Case Number:] CM14-0123456
    )"""
PAGE_FURNITURE = re.compile(
    rf"^\s*{FURNITURE_PIECE}(?:[\s|]+{FURNITURE_PIECE})*\s*$",
    re.IGNORECASE | re.VERBOSE,
)

# "Case Number: CM14-0123456" repeated at the top of each page (furniture after the first).
CASE_LINE = re.compile(r"^\s*(?:imr\s+)?case\s*(?:number|no\.?|\#)\s*:?\s*CM\d{2}-\d{4,8}\s*$", re.IGNORECASE)

# Labels of the header fields; a line starting with one holds that field only.
HEADER_FIELDS = r"""(?:(?:imr\s*)?case\s*(?:number|no\.?)|date\s*assigned|date\s*of\s*(?:injury|ur\s*decision)
         |decision\s*date|ur\s*denial\s*date|priority|application\s*received|dated
         |claim\s*number|employee|employer|claims\s*administrator|requesting\s*provider
         |age|sex|gender|occupation)"""
HEADER_FIELD_LINE = re.compile(r"^\s*" + HEADER_FIELDS + r"\s*:", re.IGNORECASE | re.VERBOSE)

# A line that opens a new block even when the previous line does not end a sentence.
BLOCK_OPENER = re.compile(
    r"""^\s*(?:
        claims\s*administrator\s*guideline
      | maximus\s*guideline
      | decision\s*rationale
      | rationale\s*for\s*the\s*decision
      | guidelines?\s*used\s*by
      | the\s*claims\s*administrator\s*based
      | the\s*(?:expert|professional|physician)\s*reviewer\s*based
      | \d{1,2}[.)]\s+\S
      | [-•*▪◦]\s+\S
      | (?:state\s*\(?s?\)?\s*of\s*licensure|certifications?\s*(?:\(s\))?\s*/\s*specialty|final\s*determination
         |"""
    + HEADER_FIELDS
    + r""")\s*:
    )""",
    re.IGNORECASE | re.VERBOSE,
)

# A line ending in a colon that introduces a list or block (anything else ending in a colon,
# such as "Decision based on MTUS ACOEM Page(s):", continues on the next line).
INTRO_COLON = re.compile(
    r"(?:below|following|as\s*follows|reviewed|include[sd]?|determination|summary|"
    r"rationale|credentials|qualifications|dispute|why|upon)\s*:\s*$",
    re.IGNORECASE,
)
DECISION_WORD_LINE = re.compile(r"^\s*(?:upheld|overturned)\b", re.IGNORECASE)
SENTENCE_END = re.compile(r"[.!?][\"')\]]?\s*$")
# A line ending in an abbreviation ("Inc.", "Dr.", "pg.", "C.C.R.") does not end a sentence.
ABBREVIATION_END = re.compile(
    r"(?:\b(?:inc|dr|mr|mrs|ms|no|pgs?|pp?|vs|approx|ed|st|jr|sr|co|corp|ltd|dept|fig|sec|ch|vol|al|esq)"
    r"|\b(?:[a-z]\.){1,3}[a-z]|\b[A-Z])\.\s*$",
    re.IGNORECASE,
)
HYPHEN_SPLIT = re.compile(r"([A-Za-z]{2,})([-\xad])\s*$")  # a soft hyphen (U+00AD) too
# Prefixes that really are hyphenated when split at a line end ("follow-\nup").
KEEP_HYPHEN = frozenset(
    "follow non post pre self low well long short left right x anti co multi semi "
    "sub re un full part one two three".split()
)


# Unicode hyphens, the figure and en dashes and the minus sign are hyphens ("C5\u20136", "L4\u2212L5");
# typographic quotes are quotes ("Tinel\u2019s"); a soft hyphen only marks where a word may break
_FOLD_MORE = {
    **dict.fromkeys(map(ord, "\u2010\u2011\u2012\u2013\u2212"), "-"),
    **dict.fromkeys(map(ord, "\u2018\u2019"), "'"),
    **dict.fromkeys(map(ord, "\u201c\u201d"), '"'),
    0xAD: None,
}


def fold(text: str) -> str:
    """`text` with the character forms PDF extraction writes undone: ligatures and other
    compatibility characters become the plain letters (NFKC: "\ufb01nger" -> "finger", a
    no-break space -> " "), Unicode hyphens and en dashes become "-", typographic quotes plain
    ones, soft hyphens go. ASCII text is returned as it is, without touching the cache."""
    return text if text.isascii() else _fold_unicode(text)


@lru_cache(maxsize=8192)
def _fold_unicode(text: str) -> str:
    return unicodedata.normalize("NFKC", text).translate(_FOLD_MORE)


def is_heading(line: str) -> bool:
    """An all-capitals line with at least three letters: a section heading; not a bracketed or
    comma-ended piece of a wrapped list of abbreviations (a line "(CBC," between "pre-operative
    labs" and "CMP, PT/INR)")."""
    if line.startswith("(") or line.endswith(","):
        return False
    letters = [c for c in line if c.isalpha()]
    return len(letters) >= 3 and all(c.isupper() for c in letters)


@dataclass(frozen=True)
class TextView:
    """Cleaned text plus, for each of its characters, the index in the original text."""

    original: str
    text: str
    index: tuple[int, ...]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original (start, end) offsets of the cleaned range [start, end)."""
        if end <= start:
            pos = self.index[start] if start < len(self.index) else len(self.original)
            return pos, pos
        return self.index[start], self.index[end - 1] + 1

    def original_text(self, start: int, end: int) -> str:
        a, b = self.span(start, end)
        return self.original[a:b]


LINE = re.compile(r"[^\n\r\f\v\x1c\x1d\x1e\x85\u2028\u2029]+")


def _hard_break(prev: str, line: str) -> bool:
    """Whether `line` starts a new paragraph after `prev` (both stripped, non-empty)."""
    if DECISION_WORD_LINE.match(line):
        return False
    if BLOCK_OPENER.match(line) or is_heading(line) or is_heading(prev) or HEADER_FIELD_LINE.match(prev):
        return True
    if SENTENCE_END.search(prev) and not ABBREVIATION_END.search(prev):
        return True
    return prev.endswith(":") and bool(INTRO_COLON.search(prev))


WORD = re.compile(r"\S+")
_VIEWS: weakref.WeakKeyDictionary[Doc, TextView] = weakref.WeakKeyDictionary()


def doc_view(doc: Doc) -> TextView:
    """The cleaned view of a Doc's text, built once per Doc (the layout detector and the
    linker both read it)."""
    view = _VIEWS.get(doc)
    if view is None:
        view = _VIEWS[doc] = build_view(doc.text)
    return view


def furniture_ranges(text: str) -> list[tuple[int, int]]:
    """(start, end) of each page-furniture line: a page footer ("Page 2 of 4", "- 2 -"), a bare
    case number, a "Case Number: CM.." line repeated at a page top (the first one is the header)."""
    out = []
    seen_case_lines: set[str] = set()
    for m in LINE.finditer(text):
        stripped = fold(m.group().strip())
        if not stripped:
            continue
        if CASE_LINE.match(stripped):
            if stripped not in seen_case_lines:
                seen_case_lines.add(stripped)
                continue
        elif not PAGE_FURNITURE.match(stripped):
            continue
        out.append(m.span())
    return out


def build_view(text: str) -> TextView:
    """Clean `text` into paragraphs, keeping a map from each cleaned char to the original."""
    pieces: list[str] = []
    index: list[int] = []
    prev_line: str | None = None
    furniture = {a for a, _ in furniture_ranges(text)}

    for m in LINE.finditer(text):
        stripped = m.group().strip()
        if not stripped or m.start() in furniture:
            continue
        if prev_line is not None:
            hyph = HYPHEN_SPLIT.search(prev_line)
            if _hard_break(prev_line, stripped):
                pieces.append("\n")
                index.append(index[-1] + 1)
            elif hyph and stripped[:1].islower() and (hyph.group(2) != "-" or hyph.group(1).lower() not in KEEP_HYPHEN):
                if hyph.group(2) == "-":  # drop the trailing hyphen: "medi-" + "cally" -> "medically"
                    pieces[-1] = pieces[-1][:-1]
                    index.pop()
            elif not (hyph and stripped[:1].islower()):
                pieces.append(" ")
                index.append(index[-1] + 1)
        # the line's words, single-spaced; each char keeps its original offset
        for i, w in enumerate(WORD.finditer(text, m.start(), m.end())):
            if i:
                pieces.append(" ")
                index.append(w.start() - 1)
            word = w.group()
            if word.isascii():
                pieces.append(word)
                index.extend(range(w.start(), w.end()))
                continue
            for offset, char in enumerate(word, w.start()):  # "\ufb01" is two letters of one original char
                plain = fold(char)
                pieces.append(plain)
                index.extend([offset] * len(plain))
        prev_line = stripped
    return TextView(text, "".join(pieces), tuple(index))
