"""PDF-extraction noise: the ways converted letters differ from the letter as written.

Pure functions from text to text, used by the tests (the pipeline must not care) and by the
synthetic letter generator. Each keeps every word of the letter; none changes what it says.
"""

from __future__ import annotations

import random
import re
import textwrap

_OWN_LINE = re.compile(r"^\s*(?:[A-Z][A-Z0-9 ,()/&'-]{3,}:?|[A-Z][\w()/' ]{1,40}:\s.*)\s*$")


def blocks(text: str) -> list[str]:
    """Paragraph blocks of a letter: blank-line separated, and headings and labelled field
    lines ("Date of Injury: 05/14/2010") always stand alone, as they do in a PDF."""
    out: list[str] = []
    for block in re.split(r"\n[ \t]*\n", text):
        current: list[str] = []
        for line in block.splitlines():
            if _OWN_LINE.match(line):
                if current:
                    out.append("\n".join(current))
                out.append(line)
                current = []
            elif line.strip():
                current.append(line)
        if current:
            out.append("\n".join(current))
    return [b for b in out if b.strip()]


def rewrap(text: str, width: int) -> str:
    """Re-flow every block at `width` characters (as a PDF at another page width would)."""
    out = []
    for block in blocks(text):
        joined = " ".join(block.split())
        out.append(textwrap.fill(joined, width=width, break_long_words=False, break_on_hyphens=False))
    return "\n\n".join(out) + "\n"


def double_blank_lines(text: str) -> str:
    """A blank line after every line, as many PDF converters produce."""
    return "\n\n".join(text.splitlines()) + "\n"


def add_page_furniture(text: str, lines_per_page: int, case_number: str | None = None) -> str:
    """ "Page N of M" footers (and the case number at each new page top) every few lines."""
    lines = text.splitlines()
    pages = [lines[i : i + lines_per_page] for i in range(0, len(lines), lines_per_page)] or [[]]
    out: list[str] = []
    for n, page in enumerate(pages, 1):
        if n > 1 and case_number:
            out.append(case_number)
        out.extend(page)
        out.append(f"Page {n} of {len(pages)}")
        if n < len(pages):
            out.append("\f")
    return "\n".join(out) + "\n"


def double_spaces(text: str, rng: random.Random, rate: float = 0.1) -> str:
    """Turn some single spaces into two."""
    return re.sub(" ", lambda m: "  " if rng.random() < rate else " ", text)


def hyphenate_line_ends(text: str, rng: random.Random, rate: float = 0.3) -> str:
    """Split some long words at line ends with a hyphen ("medi-\\ncally")."""

    def split_line(line: str) -> str:
        m = re.search(r"([a-z]{8,})$", line)
        if not m or rng.random() >= rate:
            return line
        word = m.group(1)
        cut = len(word) // 2
        return line[: m.start()] + word[:cut] + "-\n" + word[cut:]

    lines = text.split("\n")
    out = []
    i = 0
    while i < len(lines):
        line = lines[i]
        nxt = lines[i + 1] if i + 1 < len(lines) else ""
        if nxt.strip() and line.strip() and not line.rstrip().endswith((".", ":")) and not _OWN_LINE.match(nxt):
            merged = split_line(line)
            if merged != line:
                head, tail = merged.split("\n")
                out.append(head)
                lines[i + 1] = tail + " " + nxt.lstrip()
                i += 1
                continue
        out.append(line)
        i += 1
    return "\n".join(out)
