from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import imr_nlp

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "corpora" / "examples"
GOLD: dict[str, Any] = {
    k: v for k, v in json.loads((Path(__file__).parent / "gold" / "examples.json").read_text()).items() if k[0] != "_"
}
BYS = ("claims_administrator", "reviewer")


@pytest.fixture(scope="session")
def nlp():
    return imr_nlp.load()


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
