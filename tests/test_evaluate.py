"""The scorer: perfect predictions score 1.0; known errors give known numbers."""

from __future__ import annotations

import copy
import json
import subprocess
import sys

from imr_nlp.corpus import read_jsonl
from imr_nlp.evaluate import evaluate, span_counts

from conftest import ROOT

GOLD = [r for r in read_jsonl(ROOT / "corpora" / "handwritten.jsonl")]


def as_prediction(gold: dict) -> dict:
    """The output record a perfect pipeline would write for a gold letter."""
    return {
        "entities": [{**s, "text": gold["text"][s["start"] : s["end"]], "source": "rule"} for s in gold["spans"]],
        "decisions": copy.deepcopy(gold["decisions"]),
        "case": copy.deepcopy(gold["case"]),
        "error": None,
    }


def test_perfect_predictions_score_one():
    report = evaluate(GOLD, [as_prediction(g) for g in GOLD])
    o = report["overall"]
    assert all(
        o["spans"][lab][m]["f1"] == 1.0
        for lab in o["spans"]
        for m in ("exact", "overlap")
        if o["spans"][lab][m]["gold"]
    )
    d = o["decisions"]
    assert d["item_found"]["f1"] == d["item_text_exact"] == d["decision_accuracy"] == d["pages_all"] == 1.0
    assert all(v == 1.0 for v in o["case"].values() if v is not None)
    assert report["worst"] == []
    assert set(report["by_layout"]) == {"notice-2013", "fdl-2014", "fdl-2016", "professional-review"}


def test_known_errors_give_known_numbers():
    gold = GOLD[0]
    pred = as_prediction(gold)
    n_items = len(gold["decisions"])
    flip = pred["decisions"][0]
    flip["decision"] = "overturned" if flip["decision"] == "upheld" else "upheld"
    flip["citations"] = [{**c, "pages": c["pages"] + [999]} for c in flip["citations"]]
    pred["case"]["age"] = -1
    report = evaluate([gold], [pred])
    d = report["overall"]["decisions"]
    assert d["decision_accuracy"] == round((n_items - 1) / n_items, 4)
    assert d["pages_all"] == round((n_items - 1) / n_items, 4)
    assert sum(sum(row) for row in d["confusion"]["matrix"]) == n_items
    assert report["overall"]["case"]["age"] == 0.0
    assert any("decision wrong" in p for p in report["worst"][0]["problems"])


def test_span_counts_exact_versus_overlap():
    gold = [(0, 10, "TREATMENT"), (20, 30, "DIAGNOSIS")]
    pred = [(0, 12, "TREATMENT"), (20, 30, "DIAGNOSIS"), (40, 45, "DIAGNOSIS")]
    c = span_counts(gold, pred)
    assert c["TREATMENT"] == {"gold": 1, "predicted": 1, "exact_tp": 0, "overlap_tp": 1}
    assert c["DIAGNOSIS"] == {"gold": 1, "predicted": 2, "exact_tp": 1, "overlap_tp": 1}


def test_evaluate_cli_writes_json_and_html(tmp_path):
    out, page = tmp_path / "r.json", tmp_path / "r.html"
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "imr_nlp.cli",
            "evaluate",
            str(ROOT / "corpora" / "handwritten.jsonl"),
            "--rules-only",
            "--output",
            str(out),
            "--html",
            str(page),
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=600,
    )
    assert proc.returncode == 0, proc.stderr
    report = json.loads(out.read_text())
    assert report["overall"]["letters"] == len(GOLD)
    assert report["overall"]["decisions"]["decision_accuracy"] == 1.0
    assert "Spans: F1 exact / overlap" in proc.stdout
    assert page.read_text().count("data:image/png;base64") == 2
