"""Streaming extraction at scale: peak memory and throughput of `imr-nlp extract DIR -o x.parquet`.

    python benchmarks/streaming.py [--letters 20000] [--workers 2] [--rules-only] [--write BENCHMARKS.md]

Writes N letters (the shipped synthetic letters, cycled) to a temporary folder and extracts them
to Parquet with the streaming CLI; reports letters/s and the largest resident memory of any one
process of the run (main or worker), so that runs of different sizes can be compared: memory that
stays flat does not grow with N.
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run(n: int, workers: int, rules_only: bool) -> dict:
    sys.path.insert(0, str(ROOT))
    from imr_nlp.corpus import read_jsonl

    base = [r["text"] for r in read_jsonl(ROOT / "corpora" / "synthetic.jsonl.gz")]
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "letters"
        for i in range(n):
            sub = folder / f"{i // 1000:03d}"
            sub.mkdir(parents=True, exist_ok=True)
            (sub / f"{i:06d}.txt").write_text(base[i % len(base)], encoding="utf-8")
        out = Path(tmp) / "out.parquet"
        cmd = [sys.executable, "-m", "imr_nlp.cli", "extract", str(folder), "-o", str(out), "--workers", str(workers)]
        if rules_only:
            cmd.append("--rules-only")
        t0 = time.perf_counter()
        proc = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT, check=False)
        secs = time.perf_counter() - t0
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        return {
            "letters": n,
            "seconds": round(secs),
            "letters_per_s": round(n / secs, 1),
            "peak_rss_mb": round(peak),
            "exit": proc.returncode,
            "summary": proc.stderr.strip().splitlines()[-1],
        }


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--letters", type=int, default=20000)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--rules-only", action="store_true")
    ap.add_argument("--write", type=Path)
    args = ap.parse_args()
    r = run(args.letters, args.workers, args.rules_only)
    line = (
        f"Streaming: {r['letters']:,} letters, `imr-nlp extract DIR -o out.parquet --workers {args.workers}"
        f"{' --rules-only' if args.rules_only else ''}`: {r['seconds']} s ({r['letters_per_s']} letters/s), "
        f"largest process peak RSS {r['peak_rss_mb']} MB, exit {r['exit']} (`{r['summary']}`)."
    )
    print(line)
    if args.write:
        args.write.write_text(args.write.read_text() + "\n" + line + "\n")


if __name__ == "__main__":
    main()
