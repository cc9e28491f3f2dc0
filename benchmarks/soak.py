"""Soak test (not part of the default test run): N mutated letters through the streaming CLI.

    python benchmarks/soak.py [--letters 50000] [--rules-only] [--write BENCHMARKS.md]

Letters are the shipped synthetic letters, mutated (deletions, duplications, case changes,
hostile characters, damaged headings) plus some empty, binary and truncated-PDF files; they
are written to a temporary folder and extracted with `imr-nlp extract DIR -o out.jsonl`.
Reports throughput, the CLI's peak resident memory, and the count of error records by type.
"""

from __future__ import annotations

import argparse
import collections
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HOSTILE = ["\x00", "\u202e", "\u0301", "\ufeff", "\u2028", "\f", "\r", "Upheld\n" * 50, ":" * 30, "\n" * 40]


def mutate(text: str, rng: random.Random) -> str:
    for _ in range(rng.randint(1, 6)):
        a = rng.randrange(len(text) + 1)
        b = min(len(text), a + rng.randint(0, 400))
        kind = rng.choice(["delete", "duplicate", "case", "insert", "header"])
        if kind == "delete":
            text = text[:a] + text[b:]
        elif kind == "duplicate":
            text = text[:b] + text[a:b] * rng.randint(1, 5) + text[b:]
        elif kind == "case":
            text = text[:a] + text[a:b].swapcase() + text[b:]
        elif kind == "insert":
            text = text[:a] + rng.choice(HOSTILE) + text[a:]
        else:
            text = text.replace(rng.choice(["IMR", "DECISION", "guideline", "Case Number"]), "", 1)
    return text


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--letters", type=int, default=50_000)
    ap.add_argument("--rules-only", action="store_true")
    ap.add_argument("--workers", type=int, default=1)
    ap.add_argument("--write", type=Path)
    args = ap.parse_args()
    sys.path.insert(0, str(ROOT))
    from imr_nlp.corpus import read_jsonl

    base = [r["text"] for r in read_jsonl(ROOT / "corpora" / "synthetic.jsonl.gz")]
    rng = random.Random(0)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "letters"
        for i in range(args.letters):
            sub = folder / f"{i // 1000:03d}"
            sub.mkdir(parents=True, exist_ok=True)
            roll = rng.random()
            if roll < 0.002:
                (sub / f"{i:06d}.txt").write_bytes(b"")
            elif roll < 0.004:
                (sub / f"{i:06d}.txt").write_bytes(bytes(rng.randrange(256) for _ in range(3000)))
            elif roll < 0.006:
                (sub / f"{i:06d}.pdf").write_bytes(
                    b"%PDF-1.4\n1 0 obj <<>>\n" + bytes(rng.randrange(256) for _ in range(500))
                )
            else:
                (sub / f"{i:06d}.txt").write_text(
                    mutate(rng.choice(base), rng), encoding="utf-8", errors="surrogatepass"
                )
        out = Path(tmp) / "out.jsonl"
        cmd = [
            sys.executable,
            "-m",
            "imr_nlp.cli",
            "extract",
            str(folder),
            "-o",
            str(out),
            "--workers",
            str(args.workers),
        ]
        if args.rules_only:
            cmd.append("--rules-only")
        t0 = time.perf_counter()
        proc = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT)
        secs = time.perf_counter() - t0
        peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        errors: collections.Counter[str] = collections.Counter()
        n = 0
        with open(out, encoding="utf-8") as fh:
            for line in fh:
                n += 1
                err = json.loads(line)["error"]
                if err:
                    errors[err["type"]] += 1
    summary = (
        f"Soak: {args.letters:,} mutated letters ({'rules-only' if args.rules_only else 'shipped model'}, "
        f"--workers {args.workers}) through `imr-nlp extract DIR -o out.jsonl`: {n:,} records in {secs:.0f} s "
        f"({n / secs:.0f} letters/s), peak RSS {peak_mb:.0f} MB, CLI exit {proc.returncode}, "
        f"error records: {dict(errors) or 'none'}; last stderr line: `{proc.stderr.strip().splitlines()[-1]}`."
    )
    print(summary)
    if args.write:
        args.write.write_text(args.write.read_text() + "\n" + summary + "\n")


if __name__ == "__main__":
    main()
