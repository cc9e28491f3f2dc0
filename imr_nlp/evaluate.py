"""Scoring predictions against gold corpus records: spans, decisions, citations, case facts.

:func:`evaluate` is a plain function returning a dict; ``imr-nlp evaluate`` is a thin wrapper.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from typing import Any

from imr_nlp.corpus import LABELS
from imr_nlp.linker import item_key

CASE_FIELDS = (
    "case_number",
    "date_assigned",
    "ur_denial_date",
    "decision_date",
    "injury_date",
    "age",
    "sex",
    "occupation",
    "reviewer.licensure",
    "reviewer.specialty",
)
BYS = ("claims_administrator", "reviewer")


def _prf(tp: float, n_pred: int, n_gold: int) -> dict[str, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4), "gold": n_gold, "predicted": n_pred}


def span_counts(gold: list[tuple[int, int, str]], pred: list[tuple[int, int, str]]) -> dict[str, dict[str, float]]:
    """Per label: gold/predicted counts and true positives, exact and overlap matching.

    Overlap matching pairs each gold span with at most one overlapping predicted span of the
    same label (greedy, in order), so one long prediction cannot match many gold spans.
    """
    out: dict[str, dict[str, float]] = {}
    for label in LABELS:
        g = sorted({(a, b) for a, b, lab in gold if lab == label})
        p = sorted({(a, b) for a, b, lab in pred if lab == label})
        exact = len(set(g) & set(p))
        used: set[tuple[int, int]] = set()
        overlap = 0
        for a, b in g:
            for x, y in p:
                if (x, y) not in used and x < b and a < y:
                    used.add((x, y))
                    overlap += 1
                    break
        out[label] = {"gold": len(g), "predicted": len(p), "exact_tp": exact, "overlap_tp": overlap}
    return out


def _case_value(case: dict[str, Any], field: str) -> Any:
    if field.startswith("reviewer."):
        return (case.get("reviewer") or {}).get(field.split(".", 1)[1])
    return case.get(field)


def letter_scores(gold: dict[str, Any], pred: dict[str, Any]) -> dict[str, Any]:
    """Everything compared for one letter (gold corpus record vs predicted output record)."""
    g_spans = [(s["start"], s["end"], s["label"]) for s in gold["spans"]]
    p_spans = [(e["start"], e["end"], e["label"]) for e in pred.get("entities", [])]
    g_dec = {item_key(d["item"]): d for d in gold.get("decisions", [])}
    p_dec = {item_key(d["item"]): d for d in pred.get("decisions", [])}
    items = []
    for key, gd in g_dec.items():
        pd = p_dec.get(key)
        row: dict[str, Any] = {"item": gd["item"], "found": pd is not None}
        if pd is not None:
            row |= {
                "item_exact": pd["item"] == gd["item"],
                "gold_decision": gd["decision"],
                "pred_decision": pd["decision"],
            }
            for by in BYS:
                gp = sorted({p for c in gd["citations"] if c["by"] == by for p in c["pages"]})
                pp = sorted({p for c in pd["citations"] if c["by"] == by for p in c["pages"]})
                row[f"pages_{by}"] = gp == pp
                gn = Counter(c["guideline"] for c in gd["citations"] if c["by"] == by)
                pn = Counter(c["guideline"] for c in pd["citations"] if c["by"] == by)
                row[f"guidelines_{by}"] = gn == pn
            row["pages_all"] = row["pages_claims_administrator"] and row["pages_reviewer"]
        items.append(row)
    case = {}
    if gold.get("case"):
        for f in CASE_FIELDS:
            case[f] = _case_value(gold["case"], f) == _case_value(pred.get("case") or {}, f)
    return {
        "id": gold["id"],
        "layout": gold["meta"]["layout"],
        "spans": span_counts(g_spans, p_spans),
        "items": items,
        "extra_items": [d["item"] for k, d in p_dec.items() if k not in g_dec],
        "case": case,
        "error": pred.get("error"),
    }


def _aggregate(letters: list[dict[str, Any]]) -> dict[str, Any]:
    from sklearn.metrics import accuracy_score, confusion_matrix

    spans: dict[str, dict[str, Any]] = {}
    for label in LABELS:
        c = Counter()
        for lt in letters:
            c.update(lt["spans"][label])
        spans[label] = {
            "exact": _prf(c["exact_tp"], c["predicted"], c["gold"]),
            "overlap": _prf(c["overlap_tp"], c["predicted"], c["gold"]),
        }
    items = [it for lt in letters for it in lt["items"]]
    found = [it for it in items if it["found"]]
    n_pred_items = len(found) + sum(len(lt["extra_items"]) for lt in letters)
    decisions: dict[str, Any] = {
        "items": len(items),
        "item_found": _prf(len(found), n_pred_items, len(items)),
        "item_text_exact": round(sum(it["item_exact"] for it in found) / len(items), 4) if items else None,
    }
    if found:
        y_true = [it["gold_decision"] for it in found]
        y_pred = [it["pred_decision"] for it in found]
        decisions["decision_accuracy"] = round(float(accuracy_score(y_true, y_pred)), 4)
        labels = ["upheld", "overturned"]
        decisions["confusion"] = {
            "labels": labels,
            "matrix": confusion_matrix(y_true, y_pred, labels=labels).tolist(),
        }
        for key in (
            "pages_claims_administrator",
            "pages_reviewer",
            "pages_all",
            "guidelines_claims_administrator",
            "guidelines_reviewer",
        ):
            decisions[key] = round(sum(it[key] for it in found) / len(items), 4)
        decisions["decision_item_pages_all_correct"] = round(
            sum(it["item_exact"] and it["gold_decision"] == it["pred_decision"] and it["pages_all"] for it in found)
            / len(items),
            4,
        )
    case_fields: dict[str, float | None] = {}
    for f in CASE_FIELDS:
        vals = [lt["case"][f] for lt in letters if f in lt["case"]]
        case_fields[f] = round(sum(vals) / len(vals), 4) if vals else None
    return {"letters": len(letters), "spans": spans, "decisions": decisions, "case": case_fields}


def _badness(lt: dict[str, Any]) -> float:
    bad = 0.0
    for it in lt["items"]:
        if not it["found"]:
            bad += 3
            continue
        bad += (not it["item_exact"]) + 2 * (it["gold_decision"] != it["pred_decision"]) + (not it["pages_all"])
    bad += len(lt["extra_items"]) + sum(not v for v in lt["case"].values()) * 0.25
    bad += 5 if lt["error"] else 0
    return bad


def _what_went_wrong(lt: dict[str, Any]) -> list[str]:
    out = []
    if lt["error"]:
        out.append(f"error: {lt['error']}")
    for it in lt["items"]:
        if not it["found"]:
            out.append(f"item not found: {it['item']!r}")
            continue
        if not it["item_exact"]:
            out.append(f"item text differs: {it['item']!r}")
        if it["gold_decision"] != it["pred_decision"]:
            out.append(f"decision wrong for {it['item']!r}: {it['pred_decision']} (gold {it['gold_decision']})")
        if not it["pages_all"]:
            out.append(f"pages differ for {it['item']!r}")
    out += [f"extra item: {x!r}" for x in lt["extra_items"]]
    out += [f"case {f} wrong" for f, ok in lt["case"].items() if not ok]
    return out


def evaluate(gold: Iterable[dict[str, Any]], predictions: Iterable[dict[str, Any]], worst: int = 10) -> dict[str, Any]:
    """Scores of predicted records against gold corpus records (paired in order), overall and
    per layout, plus the `worst` letters with what went wrong."""
    letters = [letter_scores(g, p) for g, p in zip(gold, predictions, strict=True)]
    by_layout: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for lt in letters:
        by_layout[lt["layout"]].append(lt)
    ranked = sorted(letters, key=_badness, reverse=True)[:worst]
    return {
        "overall": _aggregate(letters),
        "by_layout": {k: _aggregate(v) for k, v in sorted(by_layout.items())},
        "worst": [
            {"id": lt["id"], "layout": lt["layout"], "problems": _what_went_wrong(lt)}
            for lt in ranked
            if _badness(lt) > 0
        ],
    }


def evaluate_pipeline(gold: list[dict[str, Any]], nlp: Any, n_process: int = 1) -> dict[str, Any]:
    """Run `nlp` on the gold letters' texts and score the records."""
    from imr_nlp.pipeline import extract_many

    preds = [
        r.to_dict()
        for r in extract_many([g["text"] for g in gold], nlp, sources=[g["id"] for g in gold], n_process=n_process)
    ]
    return evaluate(gold, preds)


def render_table(report: dict[str, Any]) -> None:
    """Print the report's main figures as rich tables on the terminal."""
    from rich.console import Console
    from rich.table import Table

    console = Console(stderr=False)
    groups = {"overall": report["overall"], **report["by_layout"]}
    spans = Table(title="Spans: F1 exact / overlap")
    spans.add_column("label")
    for g in groups:
        spans.add_column(g)
    for label in LABELS:
        spans.add_row(
            label,
            *(
                f"{v['spans'][label]['exact']['f1']:.3f} / {v['spans'][label]['overlap']['f1']:.3f}"
                for v in groups.values()
            ),
        )
    console.print(spans)
    dec = Table(title="Decisions and citations (share of gold items)")
    dec.add_column("measure")
    for g in groups:
        dec.add_column(g)
    for key in (
        "item_text_exact",
        "decision_accuracy",
        "pages_claims_administrator",
        "pages_reviewer",
        "pages_all",
        "guidelines_claims_administrator",
        "guidelines_reviewer",
        "decision_item_pages_all_correct",
    ):
        dec.add_row(key, *(_fmt(v["decisions"].get(key)) for v in groups.values()))
    dec.add_row("item found F1", *(_fmt(v["decisions"]["item_found"]["f1"]) for v in groups.values()))
    console.print(dec)
    case = Table(title="Case facts: accuracy")
    case.add_column("field")
    for g in groups:
        case.add_column(g)
    for f in CASE_FIELDS:
        case.add_row(f, *(_fmt(v["case"].get(f)) for v in groups.values()))
    console.print(case)
    if report["worst"]:
        console.print("[bold]Worst letters[/bold]")
        for w in report["worst"]:
            console.print(f"  {w['id']} ({w['layout']}): " + "; ".join(w["problems"][:4]))


def _fmt(v: Any) -> str:
    return "-" if v is None else f"{v:.3f}"
