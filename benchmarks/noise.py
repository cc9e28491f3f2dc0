"""What PDF-extraction noise costs: the hand-labelled letters scored as written and after a bad conversion.

    python benchmarks/noise.py [--seed 0] [--rules-only] [--write BENCHMARKS.md]

Every hand-labelled letter of corpora/handwritten.jsonl (all splits: the figure is the
difference, not the level, and the rules have seen the train letters) is scored as written and
again with every kind of noise applied at once (:func:`imr_nlp.noise.noisy_record`: typeset
character forms (en dashes, typographic quotes, ligatures in half the letters, no-break spaces),
rewrapped lines, hyphenated line ends, run-together words, double spaces, spaces at line ends and
starts, page footers with the case number, blank lines between lines), the gold offsets carried
with the text. The table gives span F1 per label, decision and page accuracy and case-fact
accuracy for both, and the change.
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpora" / "handwritten.jsonl"
LABELS = ("DIAGNOSIS", "TREATMENT", "DATE", "DECISION", "GUIDELINE")
DECISION_MEASURES = ("item_found", "decision_accuracy", "pages_all", "guidelines_reviewer")
CASE_FIELDS = ("case_number", "decision_date", "injury_date", "age", "sex", "occupation")


def rows(report: dict) -> dict[str, float]:
    """The figures of one evaluation report, by row name."""
    overall = report["overall"]
    out = {}
    for label in LABELS:
        for match in ("exact", "overlap"):
            out[f"{label} F1 ({match})"] = overall["spans"][label][match]["f1"]
    for name in DECISION_MEASURES:
        value = overall["decisions"][name]
        out[f"decisions: {name}"] = value["f1"] if isinstance(value, dict) else value
    for name in CASE_FIELDS:
        out[f"case: {name}"] = overall["case"][name]
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--rules-only", action="store_true")
    parser.add_argument("--write", type=Path, help="put the table into this Markdown file between noise markers")
    args = parser.parse_args()

    import imr_nlp
    from imr_nlp.corpus import read_jsonl
    from imr_nlp.evaluate import evaluate_pipeline
    from imr_nlp.noise import noisy_record

    gold = list(read_jsonl(CORPUS))
    rng = random.Random(args.seed)
    noisy = [noisy_record(rec, rng) for rec in gold]
    nlp = imr_nlp.load(rules_only=args.rules_only)
    clean_rows, noisy_rows = rows(evaluate_pipeline(gold, nlp)), rows(evaluate_pipeline(noisy, nlp))
    pipeline = "rules-only" if args.rules_only else "shipped (rules + model)"
    lines = [
        f"Letters: the {len(gold)} hand-labelled letters of corpora/handwritten.jsonl; pipeline: {pipeline}; "
        f"noise seed {args.seed}. Command: `python benchmarks/noise.py{' --rules-only' if args.rules_only else ''}`.",
        "",
        "| measure | as written | with PDF noise | change |",
        "| --- | --- | --- | --- |",
    ]
    for name, clean in clean_rows.items():
        lines.append(f"| {name} | {clean:.4f} | {noisy_rows[name]:.4f} | {noisy_rows[name] - clean:+.4f} |")
    table = "\n".join(lines)
    print(table)
    if args.write:
        start, end = "<!-- noise:start -->", "<!-- noise:end -->"
        old = args.write.read_text() if args.write.exists() else f"# Benchmarks\n\n{start}\n{end}\n"
        if start not in old:
            old += f"\n## PDF-extraction noise (`python benchmarks/noise.py --write BENCHMARKS.md`)\n\n{start}\n{end}\n"
        head, _, rest = old.partition(start)
        _, _, tail = rest.partition(end)
        args.write.write_text(f"{head}{start}\n{table}\n{end}{tail}")


if __name__ == "__main__":
    sys.exit(main())
