"""Throughput of the imr_nlp pipelines against the ceiling of any spaCy pipeline.

    python benchmarks/throughput.py [--letters 2000] [--write BENCHMARKS.md]

On the first N letters of the shipped synthetic corpus (corpora/synthetic.jsonl.gz, fixed), it
measures docs/s and tokens/s of (a) spaCy's blank English tokenizer alone, (b) the rules-only
pipeline, (c) the full pipeline with the trained model, each with n_process 1 and 2; plus peak
resident memory and load time. Every measurement runs in a fresh process so that load time
and peak memory are its own.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpora" / "synthetic.jsonl.gz"


def texts(n: int) -> list[str]:
    from imr_nlp.corpus import read_jsonl

    out = []
    for rec in read_jsonl(CORPUS):
        out.append(rec["text"])
        if len(out) == n:
            break
    return out


def measure(kind: str, n_process: int, n: int) -> dict:
    data = texts(n)
    t0 = time.perf_counter()
    if kind == "tokenizer":
        import spacy

        nlp = spacy.blank("en")
    else:
        import imr_nlp

        nlp = imr_nlp.load(rules_only=kind == "rules")
    load_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    tokens = 0
    if kind == "tokenizer":
        for doc in nlp.tokenizer.pipe(data, batch_size=64):
            tokens += len(doc)
    else:
        for doc in nlp.pipe(data, batch_size=32, n_process=n_process):
            tokens += len(doc)
    secs = time.perf_counter() - t0
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    child_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return {
        "kind": kind,
        "n_process": n_process,
        "letters": len(data),
        "tokens": tokens,
        "seconds": round(secs, 2),
        "docs_per_s": round(len(data) / secs, 1),
        "tokens_per_s": round(tokens / secs),
        "load_s": round(load_s, 2),
        "peak_rss_mb": round(peak_kb / 1024),
        "peak_child_rss_mb": round(child_kb / 1024),
    }


def machine() -> str:
    cpu = ""
    try:
        cpu = next(ln.split(":", 1)[1].strip() for ln in open("/proc/cpuinfo") if ln.startswith("model name"))
    except (OSError, StopIteration):
        pass
    return f"{platform.platform()}, Python {platform.python_version()}, {os.cpu_count()} cores, {cpu}"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--letters", type=int, default=2000)
    ap.add_argument("--write", type=Path)
    ap.add_argument("--measure", nargs=2, metavar=("KIND", "N_PROCESS"))
    args = ap.parse_args()
    if args.measure:
        print(json.dumps(measure(args.measure[0], int(args.measure[1]), args.letters)))
        return
    rows = []
    for kind in ("tokenizer", "rules", "full"):
        for n_process in (1, 2):
            if kind == "tokenizer" and n_process == 2:
                continue
            out = subprocess.run(
                [sys.executable, __file__, "--letters", str(args.letters), "--measure", kind, str(n_process)],
                capture_output=True,
                text=True,
                check=True,
            )
            rows.append(json.loads(out.stdout.strip().splitlines()[-1]))
            print(rows[-1], file=sys.stderr)
    ceiling = next(r for r in rows if r["kind"] == "tokenizer")["tokens_per_s"]
    lines = [
        f"Machine: {machine()}.",
        f"Letters: the first {args.letters} of corpora/synthetic.jsonl.gz. Command: `python benchmarks/throughput.py`.",
        "",
        "| pipeline | n_process | docs/s | tokens/s | % of tokenizer | load s | peak RSS MB (main / workers) |",
        "| --- | --- | --- | --- | --- | --- | --- |",
    ]
    for r in rows:
        lines.append(
            f"| {r['kind']} | {r['n_process']} | {r['docs_per_s']} | {r['tokens_per_s']:,} | "
            f"{100 * r['tokens_per_s'] / ceiling:.0f}% | {r['load_s']} | "
            f"{r['peak_rss_mb']} / {r['peak_child_rss_mb']} |"
        )
    table = "\n".join(lines)
    print(table)
    if args.write:
        start, end = "<!-- throughput:start -->", "<!-- throughput:end -->"
        old = args.write.read_text() if args.write.exists() else f"# Benchmarks\n\n{start}\n{end}\n"
        head, _, rest = old.partition(start)
        _, _, tail = rest.partition(end)
        args.write.write_text(f"{head}{start}\n{table}\n{end}{tail}")


if __name__ == "__main__":
    main()
