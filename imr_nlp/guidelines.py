"""Guideline citations: page locators, guideline names and splitting a statement into citations.

Small pure functions over strings; the linker maps their offsets back to the letter.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

MAX_RANGE = 400  # a "range" wider than this is two page numbers, not a range

_NUM_RANGE = r"\d{1,4}(?:\s*[-\u2013\u2014]\s*\d{1,4})?"
PAGE_LOCATOR = re.compile(
    r"\b(?:page\s*\(\s*s\s*\)|pages?|pgs?\.?|pp?\.)\s*[:#]?\s*"
    rf"(?P<list>{_NUM_RANGE}(?:\s*(?:,|&|\band\b)\s*{_NUM_RANGE}(?![\d/]))*)"
    r"(?!\s*of\s*\d)",  # "Page 3 of 4" is a page footer run into the text, not a citation
    re.IGNORECASE,
)
_RANGE = re.compile(r"(\d+)(?:\s*[-\u2013\u2014]\s*(\d+))?")

# Where one citation ends and the next may begin inside a guideline statement.
_BOUNDARY = (
    r"\s*;\s*"
    r"|(?<!\.\d)(?<!\.\d\d)(?<!\.\d\d\d)(?<!\.[A-Za-z])(?<!\bp)(?<!\bpp)(?<!\bpg)(?<!\bpgs)(?<!\bno)"
    r"(?<!\bvs)(?<!\bed)(?<!\bal)(?<!\bDr)(?<!\bst)\.(?=\s|$)\s*"
    r"|\bdecision\s*based\s*on\s*"
    r"|,?\s*\band(?:/or)?\s+(?:the\s+)?(?=(?:{anchor}))"
    r"|,\s*(?=non[-\s]*MTUS)"
)
_TRAILER = re.compile(
    r"(?:,?\s*(?:which|that)\s*(?:is|are|was|were)\s*(?:not\s*)?(?:a\s*)?part\s*of\s*(?:the\s*)?MTUS.*"
    r"|,?\s*(?:to\s*be\s*|as\s*)?(?:relevant|appropriate|applicable)\b(?!\s*use\b).*"  # not "Appropriate use of ..."
    r"|[\s,;:.]+)$",
    re.IGNORECASE | re.DOTALL,
)
_REFERENCE = re.compile(r"\bet\s*al\b", re.IGNORECASE)  # an article cited by its authors
# "The Expert Reviewer found that no section of the MTUS was applicable.": a guideline named as not used
_NOT_USED = re.compile(
    r"\bno\s*(?:section|part|portion|chapter)\s*of\s*(?:the\s*)?(?:CA\s*)?MTUS\b"
    r"|\bMTUS\s*(?:does\s*not|doesn't|did\s*not)\s*(?:address|apply|cover)",
    re.IGNORECASE,
)
# "The MTUS and ODG do not address this procedure.", "The MTUS is silent on this test.": a sentence
# saying the guidelines are silent names no guideline relied upon
_NOT_ADDRESSED = re.compile(
    r"[^.;]*\b(?:MTUS|ODG|ACOEM)\b[^.;]*?(?:\b(?:does|do|did)\s*not|\b(?:doesn't|don't|didn't|nor)\b)[^.;]*?"
    r"\b(?:address|addresses|apply|applies|cover|covers|discuss|discusses|mention|mentions)\b[^.;]*[.;]?"
    r"|[^.;]*\b(?:MTUS|ODG|ACOEM)\b[^.;]*?\b(?:is|are)\s*silent\b[^.;]*[.;]?",
    re.IGNORECASE,
)
_YEAR = re.compile(r"\(?\b(?:19|20)\d{2}\b\)?")
_LEADING_NAME = re.compile(
    r"\s*(?:non[-\s]*MTUS\s*citation\b\s*:?|(?:CA|California)\b(?=\s+MTUS)|MTUS\b|ACOEM\b|ODG\b|"
    r"official\s*disability\s*guidelines?|AMA\s*guides?\b|"
    r"(?:chronic\s*pain|acupuncture|post[-\s]*surgical)\s*(?:medical\s*)?treatment\s*guidelines?|"
    r"(?:medical\s*)?treatment\s*guidelines?|medical\s*treatment\s*utilization\s*schedule|"
    r"\(\s*(?:ODG|MTUS|ACOEM)\s*\)|(?:practice\s*)?guidelines?\b|\d(?:st|nd|rd|th)\s*ed(?:ition|\.)?|"
    r"\(?\b(?:19|20)\d{2}\b\)?)[\s,:]*",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class GuidelineTable:
    names: tuple[tuple[str, re.Pattern[str]], ...]
    anchor: re.Pattern[str]
    boundary: re.Pattern[str]


@lru_cache(maxsize=1)
def guideline_table() -> GuidelineTable:
    """The guideline lexicon shipped in ``imr_nlp/data/guidelines.json``."""
    raw = json.loads(resources.files("imr_nlp").joinpath("data/guidelines.json").read_text("utf-8"))
    names = tuple((g["name"], re.compile(g["match"], re.IGNORECASE)) for g in raw["guidelines"])
    anchor = re.compile(raw["anchor"], re.IGNORECASE)
    boundary = re.compile(_BOUNDARY.format(anchor=raw["anchor"]), re.IGNORECASE)
    return GuidelineTable(names, anchor, boundary)


def expand_range(a: int, b: int | None) -> list[int]:
    """``(76, 80) -> [76..80]``; ``(112, 13) -> [112, 113]``; reversed or huge -> endpoints."""
    if b is None or b == a:
        return [a]
    if b < a:
        sa, sb = str(a), str(b)
        if len(sb) < len(sa):  # abbreviated end: 112-13
            b = int(sa[: len(sa) - len(sb)] + sb)
    if a < b and b - a <= MAX_RANGE:
        return list(range(a, b + 1))
    return sorted({a, b})


def parse_page_list(s: str) -> list[int]:
    """``"30-34, 49"`` -> ``[30, 31, 32, 33, 34, 49]`` (sorted, unique)."""
    pages: set[int] = set()
    for m in _RANGE.finditer(s):
        pages.update(expand_range(int(m.group(1)), int(m.group(2)) if m.group(2) else None))
    return sorted(pages)


def find_pages(text: str) -> list[int]:
    """Every page cited by a page locator in `text`, sorted and unique.

    >>> find_pages("MTUS ACOEM Page(s): 114,Acupuncture; ODG pages 30-34, 49")
    [30, 31, 32, 33, 34, 49, 114]
    """
    pages: set[int] = set()
    for m in PAGE_LOCATOR.finditer(text):
        pages.update(parse_page_list(m.group("list")))
    return sorted(pages)


_NON_MTUS = re.compile(r"\bnon\s*-?\s*MTUS\b", re.IGNORECASE)


def normalise_guideline(text: str) -> str:
    """The normalised guideline name for one citation's text ("Other" when unknown)."""
    text = _NON_MTUS.sub("", text)  # "Non-MTUS Citation Aetna ..." names no MTUS guideline
    for name, pattern in guideline_table().names:
        if pattern.search(text):
            return name
    return "Other"


def citation_section(text: str) -> str | None:
    """What the citation points at besides its pages: topic, chapter or regulation section."""
    s = text
    while m := _LEADING_NAME.match(s):
        if not m.group().strip():
            break
        s = s[m.end() :]
    s = PAGE_LOCATOR.sub(" ", s)
    s = _YEAR.sub(" ", s)
    s = re.sub(r"\(\s*\)", " ", s)
    parts = (re.sub(r"\s*,(?:\s*,)*", ",", re.sub(r"\s+", " ", p)).strip(" ,:.-") for p in s.split(";"))
    s = "; ".join(p for p in parts if p)
    if s.startswith("(") and s.endswith(")") and s.count("(") == 1:
        s = s[1:-1].strip()
    return s if re.search(r"[A-Za-z]{3}", s) or re.search(r"\d", s) else None


def split_citations(statement: str) -> list[tuple[int, int]]:
    """Offsets of each citation inside a guideline statement.

    A statement such as ``Decision based on MTUS Chronic Pain Treatment Guidelines Page(s): 46.
    Decision based on Non-MTUS Citation AMA Guides (Radiculopathy).`` holds two citations.
    A citation runs from the guideline name through its last locator or section words.
    """
    table = guideline_table()
    # blank out what says the guidelines are silent, keeping offsets
    statement = _NOT_ADDRESSED.sub(lambda m: " " * len(m.group()), statement)
    pieces: list[tuple[int, int, bool]] = []  # (start, end, after a semicolon)
    pos, semicolon = 0, False
    for m in table.boundary.finditer(statement):
        if m.start() > pos:
            pieces.append((pos, m.start(), semicolon))
        pos = max(pos, m.end())
        semicolon = ";" in m.group()
    if pos < len(statement):
        pieces.append((pos, len(statement), semicolon))

    out: list[tuple[int, int]] = []
    for a, b, after_semicolon in pieces:
        piece = statement[a:b]
        if _NOT_USED.search(piece):
            continue
        # a name in the trailer ("..., which is not part of the MTUS") starts no citation
        trail = _TRAILER.search(piece)
        anchor = table.anchor.search(piece, 0, trail.start() if trail else len(piece))
        if anchor is None:
            reference = bool(out) and bool(_REFERENCE.search(statement[out[-1][0] : out[-1][1]]))
            if not out or not (after_semicolon or PAGE_LOCATOR.search(piece) or reference):
                continue
            # a locator continuing the previous citation ("... Opioids. Pages 76-80.", "...; Hospital
            # length of stay (LOS)"), and the title and journal of a reference ("Kosnett MJ, et al.
            # Recommendations for .... Environmental Health Perspectives (2007).")
            start = out[-1][0]
            out.pop()
            a, piece = start, statement[start:b]
            trail = _TRAILER.search(piece)
            lead = 0
        else:
            lead = anchor.start()
        end = trail.start() if trail else len(piece)
        if end > lead:
            out.append((a + lead, a + end))
    return out
