"""Dask scaling: the same letters on a LocalCluster with 1 and with 2 worker processes.

python benchmarks/dask_scaling.py [--letters 2000] [--write BENCHMARKS.md]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--letters", type=int, default=2000)
    ap.add_argument("--write", type=Path)
    args = ap.parse_args()
    sys.path.insert(0, str(ROOT))
    import dask.bag as db
    from distributed import Client, LocalCluster

    from imr_nlp.corpus import read_jsonl
    from imr_nlp.dask import extract_bag

    corpus = read_jsonl(ROOT / "corpora" / "synthetic.jsonl.gz")
    texts = [next(corpus)["text"] for _ in range(args.letters)]
    rows = []
    for workers in (1, 2):
        with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
            with Client(cluster):
                warm = extract_bag(db.from_sequence(texts[:workers], npartitions=workers)).compute()  # load models
                assert len(warm) == workers
                t0 = time.perf_counter()
                out = extract_bag(db.from_sequence(texts, npartitions=8 * workers)).compute()
                secs = time.perf_counter() - t0
        rows.append((workers, len(out), secs))
    base = rows[0][1] / rows[0][2]
    lines = [f"Dask LocalCluster, {args.letters:,} letters, full pipeline (pipeline loaded once per worker, warm):"]
    for workers, n, secs in rows:
        rate = n / secs
        lines.append(f"- {workers} worker(s): {secs:.0f} s, {rate:.1f} letters/s ({rate / base:.2f}x)")
    text = "\n".join(lines)
    print(text)
    if args.write:
        args.write.write_text(args.write.read_text() + "\n" + text + "\n")


if __name__ == "__main__":
    main()
