from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import settings

import imr_nlp
from imr_nlp.textview import fold

# The test command checks the same generated examples on every run and every machine, so a CI run
# fails only on what changed; `--hypothesis-profile=explore` searches fresh examples (run it while
# developing and turn what it finds into a regression case).
settings.register_profile("repeatable", derandomize=True, database=None)
settings.register_profile("explore", derandomize=False)
settings.load_profile("repeatable")

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "corpora" / "examples"
BYS = ("claims_administrator", "reviewer")
LABELS = json.loads((EXAMPLES / "labels.json").read_text())["letters"]


def _gold_summary(letter: dict[str, Any]) -> dict[str, Any]:
    decisions = []
    for d in letter["decisions"]:
        pages = {by: sorted({p for c in d["citations"] if c["by"] == by for p in c["pages"]}) for by in BYS}
        names = {by: [c["guideline"] for c in d["citations"] if c["by"] == by] for by in BYS}
        decisions.append({"item": d["item"], "decision": d["decision"], "pages": pages, "guidelines": names})
    return {"layout": letter["layout"], "case": letter["case"], "decisions": decisions}


# hand-written expectations for every example letter (corpora/examples/labels.json)
GOLD: dict[str, Any] = {name: _gold_summary(letter) for name, letter in LABELS.items()}


@pytest.fixture(scope="session")
def nlp():
    return imr_nlp.load()


@pytest.fixture(scope="session")
def rules_nlp():
    return imr_nlp.load(rules_only=True)


def summary(record: dict[str, Any]) -> dict[str, Any]:
    """What the gold file asserts about a record: layout, case facts, items, decisions, pages."""
    decisions = []
    for d in record["decisions"]:
        pages = {by: sorted({p for c in d["citations"] if c["by"] == by for p in c["pages"]}) for by in BYS}
        names = {by: [c["guideline"] for c in d["citations"] if c["by"] == by] for by in BYS}
        decisions.append({"item": d["item"], "decision": d["decision"], "pages": pages, "guidelines": names})
    return {"layout": record["layout"], "case": record["case"], "decisions": decisions}


def decisions_and_pages(record: dict[str, Any]) -> list[tuple[str, str, dict[str, list[int]]]]:
    return [(d["item"], d["decision"], d["pages"]) for d in summary(record)["decisions"]]


def check_record(text: str, record: dict) -> None:
    """The record validates and every offset points at the text it claims."""
    imr_nlp.validate(record)
    for e in record["entities"]:
        assert text[e["start"] : e["end"]] == e["text"]
    for d in record["decisions"]:
        a, b = d["item_span"]
        assert 0 <= a <= b <= len(text)
        for c in d["citations"]:
            a, b = c["span"]
            assert 0 <= a <= b <= len(text)


_FURNITURE_OR_SPACE = re.compile(r"Page \d+ of \d+|Case Number:|CM\d\d-\d+|[\s-]")


def squashed(text: str) -> str:
    """`text` folded, without whitespace, hyphens and page furniture: what PDF noise leaves of it."""
    return _FURNITURE_OR_SPACE.sub("", fold(text))
