"""PDF-extraction noise: the ways converted letters differ from the letter as written.

Each noise is a list of *edits* (replace ``text[a:b]``, which is whitespace, empty or one
character form such as "fi" or "-", with new text), so labelled span offsets can be carried
through (:func:`apply`). None of them changes what the letter says. The text-only helpers
(``rewrap``, ``double_blank_lines`` ...) are what the tests use; the synthetic generator applies
the edit functions with its gold spans.
"""

from __future__ import annotations

import random
import re
from bisect import bisect_left
from collections.abc import Iterable
from typing import Any

Edit = tuple[int, int, str]
Span = tuple[int, int, str]

_OWN_LINE = re.compile(r"^\s*(?:[A-Z][A-Z0-9 ,()/&'-]{3,}:?|[A-Z][\w()/' ]{1,40}:\s.*)\s*$")


def apply(text: str, edits: Iterable[Edit], spans: Iterable[Span] = ()) -> tuple[str, list[Span]]:
    """Apply non-overlapping edits; move span offsets with the text they cover.

    An insertion at a span's start goes before the span, one at its end goes after it.
    """
    edits = sorted(edits)
    out, pos, total = [], 0, 0
    kept: list[Edit] = []
    shifts: list[int] = []  # cumulative length change after each kept edit
    for a, b, rep in edits:
        if a < pos:
            continue  # overlapping edit: skip
        out.append(text[pos:a])
        out.append(rep)
        pos = b
        total += len(rep) - (b - a)
        kept.append((a, b, rep))
        shifts.append(total)
    out.append(text[pos:])
    ends = [b for _, b, _ in kept]

    def moved(p: int, is_end: bool) -> int:
        i = bisect_left(ends, p)  # kept[:i] end before p
        if i < len(kept) and ends[i] == p and (kept[i][0] < p or not is_end):
            i += 1
        return p + (shifts[i - 1] if i else 0)

    return "".join(out), [(moved(s, False), moved(e, True), label) for s, e, label in spans]


def _is_block_break(text: str, a: int, b: int) -> bool:
    if "\n" not in text[a:b]:
        return False
    if re.search(r"\n[ \t]*\n", text[a:b]):
        return True
    line_before = text[text.rfind("\n", 0, a) + 1 : a]
    line_after_end = text.find("\n", b)
    line_after = text[b : line_after_end if line_after_end >= 0 else len(text)]
    return bool(_OWN_LINE.match(line_before) or _OWN_LINE.match(line_after))


def rewrap_edits(text: str, width: int, keep_breaks: bool = False) -> list[Edit]:
    """Re-flow paragraphs at `width` columns; blank lines, headings and field lines stay breaks
    (with `keep_breaks`, every line break does: for text written one paragraph per line)."""
    edits: list[Edit] = []
    first = re.match(r"\s*(\S*)", text)
    col = len(first.group(1)) if first else 0
    for m in re.finditer(r"\s+", text):
        a, b = m.span()
        if a == 0 or b == len(text):
            continue
        nxt = re.match(r"\S*", text[b:]).group()
        if (keep_breaks and "\n" in text[a:b]) or _is_block_break(text, a, b):
            rep, col = "\n\n", len(nxt)
        elif col + 1 + len(nxt) > width:
            rep, col = "\n", len(nxt)
        else:
            rep, col = " ", col + 1 + len(nxt)
        if text[a:b] != rep:
            edits.append((a, b, rep))
    return edits


def blank_line_edits(text: str) -> list[Edit]:
    """A blank line after every line, as many PDF converters produce."""
    return [(m.start(), m.end(), "\n\n") for m in re.finditer(r"\n", text)]


def furniture_edits(text: str, lines_per_page: int, case_number: str | None = None) -> list[Edit]:
    """ "Page N of M" footers (and the case number at each new page top) every few lines."""
    starts = [0] + [m.end() for m in re.finditer(r"\n", text)]
    pages = max(1, (len(starts) + lines_per_page - 1) // lines_per_page)
    edits: list[Edit] = []
    for n in range(1, pages):
        pos = starts[n * lines_per_page]
        top = f"{case_number}\n" if case_number else ""
        edits.append((pos, pos, f"Page {n} of {pages}\n\f{top}"))
    edits.append((len(text), len(text), f"\nPage {pages} of {pages}\n"))
    return edits


def double_space_edits(text: str, rng: random.Random, rate: float = 0.1) -> list[Edit]:
    """Turn some single spaces into two."""
    return [(m.start(), m.end(), "  ") for m in re.finditer(r"(?<=\S) (?=\S)", text) if rng.random() < rate]


def hyphenate_edits(text: str, rng: random.Random, rate: float = 0.3) -> list[Edit]:
    """Split some long words that start a line: half goes up with a hyphen ("medi-\\ncally")."""
    edits: list[Edit] = []
    for m in re.finditer(r"(?<=[a-z,]) ?\n(?=([a-z]{8,})\b)", text):
        line_end = text.find("\n", m.end())
        line = text[m.end() : line_end if line_end >= 0 else len(text)]
        if _OWN_LINE.match(line) or rng.random() >= rate:
            continue
        cut = m.end() + len(m.group(1)) // 2
        edits.append((m.start(), m.end(), " "))
        edits.append((cut, cut, "-\n"))
    return edits


def run_together_edits(text: str, rng: random.Random, rate: float = 0.5) -> list[Edit]:
    """Lose the space in some "not medically"-style pairs, as PDF text extraction does."""
    pairs = r"(?<=\bnot)\s(?=medically)|(?<=\bis)\s(?=not\b)|(?<=\bDate) (?=of\b)"
    return [(m.start(), m.end(), "") for m in re.finditer(pairs, text) if rng.random() < rate]


_LIGATURES = {"fi": "\ufb01", "fl": "\ufb02", "ff": "\ufb00"}


def character_edits(text: str, rng: random.Random, ligatures: bool = True, nbsp_rate: float = 0.02) -> list[Edit]:
    """Typeset character forms as a PDF's text layer gives them: en dashes between digits
    ("C5\u20136", "pp. 12\u201314"), typographic apostrophes and quotes, "fi" / "fl" / "ff" as
    one ligature character (with `ligatures`), and some no-break spaces."""
    edits: list[Edit] = [(m.start(), m.end(), "\u2013") for m in re.finditer(r"(?<=\d)-(?=\d)", text)]
    edits += [(m.start(), m.end(), "\u2019") for m in re.finditer(r"(?<=\w)'", text)]
    edits += [
        (m.start(), m.end(), "\u201c" if m.start() == 0 or text[m.start() - 1].isspace() else "\u201d")
        for m in re.finditer('"', text)
    ]
    if ligatures:
        edits += [(m.start(), m.end(), _LIGATURES[m.group()]) for m in re.finditer("f[fil]", text)]
    edits += [(m.start(), m.end(), "\u00a0") for m in re.finditer(r"(?<=\S) (?=\S)", text) if rng.random() < nbsp_rate]
    return edits


def line_edge_space_edits(text: str, rng: random.Random, rate: float = 0.5) -> list[Edit]:
    """Spaces at some line ends and indentation at some line starts, as text laid out by
    position ("pdftotext -layout") has them."""
    edits: list[Edit] = []
    for m in re.finditer(r"(?<=\S)\n", text):
        before = " " * rng.randint(1, 3) if rng.random() < rate else ""
        starts_a_line = m.end() < len(text) and not text[m.end()].isspace()
        after = " " * rng.randint(1, 6) if starts_a_line and rng.random() < rate else ""
        if before or after:
            edits.append((m.start(), m.end(), f"{before}\n{after}"))
    return edits


def rewrap(text: str, width: int) -> str:
    return apply(text, rewrap_edits(text, width))[0]


def double_blank_lines(text: str) -> str:
    return apply(text, blank_line_edits(text))[0]


def add_page_furniture(text: str, lines_per_page: int, case_number: str | None = None) -> str:
    return apply(text, furniture_edits(text, lines_per_page, case_number))[0]


def double_spaces(text: str, rng: random.Random, rate: float = 0.1) -> str:
    return apply(text, double_space_edits(text, rng, rate))[0]


def hyphenate_line_ends(text: str, rng: random.Random, rate: float = 0.3) -> str:
    return apply(text, hyphenate_edits(text, rng, rate))[0]


def noisy(
    text: str, spans: Iterable[Span], rng: random.Random, case_number: str | None = None
) -> tuple[str, list[Span]]:
    """`text` with every kind of noise applied, as a bad PDF conversion would give it: typeset
    character forms (en dashes, typographic quotes, in half the letters ligatures, some no-break
    spaces), lines rewrapped, words hyphenated at line ends, "not medically" run together, double
    spaces, spaces at line ends and starts, page footers (with `case_number` at each page top),
    blank lines between lines. `spans` move with the text they cover."""
    steps = [
        lambda t: character_edits(t, rng, ligatures=rng.random() < 0.5),
        lambda t: rewrap_edits(t, rng.randint(60, 100), keep_breaks=True),
        lambda t: hyphenate_edits(t, rng, 0.3),
        lambda t: run_together_edits(t, rng, 0.5),
        lambda t: double_space_edits(t, rng, 0.05),
        lambda t: line_edge_space_edits(t, rng, 0.3),
        lambda t: furniture_edits(t, rng.randint(35, 55), case_number),
        blank_line_edits,
    ]
    spans = list(spans)
    for make in steps:
        text, spans = apply(text, make(text), spans)
    return text, spans


def noisy_record(record: dict[str, Any], rng: random.Random) -> dict[str, Any]:
    """A corpus record (``imr_nlp.corpus``) with every kind of noise applied (:func:`noisy`).
    Gold spans, disputed-item spans and citation spans move with the text they cover."""
    spans: list[Span] = [(s["start"], s["end"], f"span#{i}") for i, s in enumerate(record["spans"])]
    for i, d in enumerate(record["decisions"]):
        spans.append((*d["item_span"], f"item#{i}"))
        spans += [(*c["span"], f"citation#{i}#{j}") for j, c in enumerate(d["citations"])]
    text, spans = noisy(record["text"], spans, rng, (record.get("case") or {}).get("case_number"))
    at = {key: (a, b) for a, b, key in spans}
    decisions = [
        {
            **d,
            "item_span": list(at[f"item#{i}"]),
            "citations": [{**c, "span": list(at[f"citation#{i}#{j}"])} for j, c in enumerate(d["citations"])],
        }
        for i, d in enumerate(record["decisions"])
    ]
    return {
        **record,
        "text": text,
        "spans": [{**s, "start": at[f"span#{i}"][0], "end": at[f"span#{i}"][1]} for i, s in enumerate(record["spans"])],
        "decisions": decisions,
    }
