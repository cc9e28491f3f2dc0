"""Writing records: JSONL (one record per letter), CSV and Parquet (one row per decision)."""

from __future__ import annotations

import csv
import io
import os
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from imr_nlp.record import Determination

PARQUET_BATCH = 1000


def _csv_value(v: Any) -> Any:
    if isinstance(v, list):
        return ";".join(str(x) for x in v)
    return v


def write_records(
    records: Iterable[Determination], output: str | os.PathLike[str] | None, fmt: str = "jsonl"
) -> dict[str, int]:
    """Write `records` to `output` (stdout when None) as jsonl, csv or parquet; count ok/failed.

    Files are written to ``<output>.part`` and renamed when complete, so an interrupted run
    never leaves a truncated output under the final name.
    """
    counts = {"ok": 0, "failed": 0}

    def counted() -> Iterable[Determination]:
        for r in records:
            counts["ok" if r.ok else "failed"] += 1
            yield r

    if output is None:
        if fmt == "parquet":
            raise ValueError("parquet output needs a file")
        _write(counted(), sys.stdout, fmt)
        sys.stdout.flush()
        return counts
    final = Path(output)
    part = final.with_name(final.name + ".part")
    if fmt == "parquet":
        _write_parquet(counted(), part)
    else:
        with open(part, "w", encoding="utf-8", newline="") as fh:
            _write(counted(), fh, fmt)
    os.replace(part, final)
    return counts


def _write(records: Iterable[Determination], fh: io.TextIOBase, fmt: str) -> None:
    if fmt == "jsonl":
        for r in records:
            fh.write(r.to_json() + "\n")
        return
    if fmt != "csv":
        raise ValueError(f"unknown format {fmt!r} (jsonl, csv, parquet)")
    writer: csv.DictWriter | None = None
    for r in records:
        for row in r.rows():
            if writer is None:
                writer = csv.DictWriter(fh, fieldnames=list(row))
                writer.writeheader()
            writer.writerow({k: _csv_value(v) for k, v in row.items()})


def _write_parquet(records: Iterable[Determination], path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = pa.schema(
        [
            ("source", pa.string()),
            ("layout", pa.string()),
            ("case_number", pa.string()),
            ("date_assigned", pa.string()),
            ("ur_denial_date", pa.string()),
            ("decision_date", pa.string()),
            ("injury_date", pa.string()),
            ("age", pa.int64()),
            ("sex", pa.string()),
            ("occupation", pa.string()),
            ("reviewer_licensure", pa.list_(pa.string())),
            ("reviewer_specialty", pa.string()),
            ("warnings", pa.list_(pa.string())),
            ("error_type", pa.string()),
            ("error_message", pa.string()),
            ("decision_index", pa.int64()),
            ("item", pa.string()),
            ("item_start", pa.int64()),
            ("item_end", pa.int64()),
            ("decision", pa.string()),
            ("medically_necessary", pa.bool_()),
            ("rationale", pa.string()),
            ("claims_administrator_guidelines", pa.list_(pa.string())),
            ("claims_administrator_pages", pa.list_(pa.int64())),
            ("reviewer_guidelines", pa.list_(pa.string())),
            ("reviewer_pages", pa.list_(pa.int64())),
            ("unspecified_guidelines", pa.list_(pa.string())),
            ("unspecified_pages", pa.list_(pa.int64())),
        ]
    )
    with pq.ParquetWriter(path, schema) as writer:
        batch: list[dict[str, Any]] = []
        for r in records:
            batch.extend(r.rows())
            if len(batch) >= PARQUET_BATCH:
                writer.write_table(pa.Table.from_pylist(batch, schema=schema))
                batch = []
        if batch:
            writer.write_table(pa.Table.from_pylist(batch, schema=schema))
