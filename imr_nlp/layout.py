"""Letter layout and sections, from the section headings of the cleaned text."""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from imr_nlp.textview import is_heading

LAYOUTS = ("notice-2013", "fdl-2014", "fdl-2016", "professional-review")
UNKNOWN = "unknown"


@dataclass(frozen=True)
class Heading:
    label: str
    heading: str
    layouts: tuple[tuple[str, int], ...]  # (layout, weight)


@dataclass(frozen=True)
class Section:
    label: str
    start: int  # offsets into the cleaned text
    end: int


@lru_cache(maxsize=1)
def _headings() -> tuple[tuple[Heading, ...], re.Pattern[str]]:
    raw = json.loads(resources.files("imr_nlp").joinpath("data/sections.json").read_text("utf-8"))
    heads = tuple(
        sorted(
            (Heading(s["label"], s["heading"], tuple(s["layouts"].items())) for s in raw["sections"]),
            key=lambda h: len(h.heading),
            reverse=True,
        )
    )
    alternatives = "|".join(f"(?P<h{i}>{_heading_regex(h.heading)})" for i, h in enumerate(heads))
    pattern = re.compile(rf"(?:^|(?<=\n))[\s\d.)]*(?:{alternatives})", re.IGNORECASE)
    return heads, pattern


def _heading_regex(heading: str) -> str:
    return r"\s*".join(re.escape(w) for w in heading.split())


_LINE_BREAK = re.compile(r"[\n\r\f\v\x1c\x1d\x1e\x85\u2028\u2029]")


def may_have_headings(text: str) -> bool:
    """False only when `text` is one line that does not start with a section heading, so that
    :func:`find_headings` finds none in its cleaned view. A shortcut for short texts: the span
    ruler's ~9,000 phrase patterns go through every component before it when a pipeline loads."""
    return _LINE_BREAK.search(text) is not None or _headings()[1].match(text.strip()) is not None


def find_headings(text: str) -> list[tuple[int, int, Heading]]:
    """Section headings at paragraph starts in cleaned text: (start, end, heading)."""
    heads, pattern = _headings()
    out = []
    for m in pattern.finditer(text):
        i = next(int(k[1:]) for k, v in m.groupdict().items() if v is not None)
        start, end = m.span(f"h{i}")
        after = text[end : end + 2].lstrip(" ")
        if after[:1] in ("", ":", "\n") or is_heading(text[start:end]):
            out.append((start, end, heads[i]))
    return out


def detect_layout(headings: list[tuple[int, int, Heading]]) -> str:
    """The layout best supported by the headings found (``unknown`` when none is)."""
    score: Counter[str] = Counter()
    for _, _, h in headings:
        for layout, weight in h.layouts:
            score[layout] += weight
    if not score:
        return UNKNOWN
    best = max(score.values())
    return next(layout for layout in LAYOUTS if score[layout] == best)


def find_sections(text: str, headings: list[tuple[int, int, Heading]]) -> list[Section]:
    """Sections of the cleaned text: each heading to the next; text before the first is the header."""
    out: list[Section] = []
    if headings and text[: headings[0][0]].strip():
        out.append(Section("header", 0, headings[0][0]))
    for i, (start, _, h) in enumerate(headings):
        end = headings[i + 1][0] if i + 1 < len(headings) else len(text)
        out.append(Section(h.label, start, end))
    return out
