"""Writing records: JSONL (one record per letter), CSV and Parquet (one row per decision)."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
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
    records: Iterable[Determination],
    output: str | os.PathLike[str] | None,
    fmt: str = "jsonl",
    resume: bool = False,
) -> dict[str, int]:
    """Write `records` to `output` (stdout when None) as jsonl, csv or parquet; count ok/failed.

    The output grows in ``<output>.part`` (JSONL/CSV, appended line by line) or in
    ``<output>.parts/`` (Parquet, one file per row group) and gets its final name only when
    complete, so an interrupted run never leaves a truncated file under the final name; with
    `resume`, what an earlier run completed is kept and new records are added after it.
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
    if fmt == "parquet":
        _write_parquet(counted(), final, resume)
        return counts
    part = final.with_name(final.name + ".part")
    if resume and final.exists() and not part.exists():
        os.replace(final, part)
    if not resume:
        part.unlink(missing_ok=True)
    _truncate_partial_line(part)
    with open(part, "a", encoding="utf-8", newline="") as fh:
        _write(counted(), fh, fmt, header=fh.tell() == 0)
    os.replace(part, final)
    return counts


def done_sources(output: str | os.PathLike[str], fmt: str) -> set[str]:
    """Sources already written to `output` (or its unfinished part), for ``--resume``."""
    final = Path(output)
    if fmt == "parquet":
        import pyarrow.parquet as pq

        files = [final] if final.exists() else []
        files += sorted(final.with_name(final.name + ".parts").glob("part-*.parquet"))
        return {s for f in files for s in pq.read_table(f, columns=["source"]).column("source").to_pylist()}
    out: set[str] = set()
    for path in (final, final.with_name(final.name + ".part")):
        if not path.exists():
            continue
        with open(path, encoding="utf-8", newline="") as fh:
            if fmt == "csv":
                out |= {row["source"] for row in csv.DictReader(fh)}
            else:
                for line in fh:
                    if line.endswith("\n"):
                        out.add(json.loads(line)["source"])
    return out


def _truncate_partial_line(path: Path) -> None:
    """Drop a last line an interrupted run left half-written."""
    if not path.exists():
        return
    data = path.read_bytes()
    if data and not data.endswith(b"\n"):
        path.write_bytes(data[: data.rfind(b"\n") + 1])


def _write(records: Iterable[Determination], fh: io.TextIOBase, fmt: str, header: bool = True) -> None:
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
                if header:
                    writer.writeheader()
            writer.writerow({k: _csv_value(v) for k, v in row.items()})


def _write_parquet(records: Iterable[Determination], final: Path, resume: bool) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = parquet_schema()
    parts = final.with_name(final.name + ".parts")
    if not resume and parts.exists():
        shutil.rmtree(parts)
    parts.mkdir(exist_ok=True)
    if resume and final.exists():
        os.replace(final, parts / "part-00000-previous.parquet")
    n = len(list(parts.glob("part-*.parquet")))

    def flush(rows: list[dict[str, Any]]) -> None:
        nonlocal n
        tmp = parts / f".tmp-{n:05d}"
        pq.write_table(pa.Table.from_pylist(rows, schema=schema), tmp)
        os.replace(tmp, parts / f"part-{n:05d}.parquet")
        n += 1

    batch: list[dict[str, Any]] = []
    for r in records:
        batch.extend(r.rows())
        if len(batch) >= PARQUET_BATCH:
            flush(batch)
            batch = []
    if batch:
        flush(batch)
    tmp = final.with_name(final.name + ".tmp")
    with pq.ParquetWriter(tmp, schema) as writer:
        for f in sorted(parts.glob("part-*.parquet")):
            writer.write_table(pq.read_table(f))
    os.replace(tmp, final)
    shutil.rmtree(parts)


def parquet_schema():  # noqa: ANN201 - pyarrow is imported lazily
    """Arrow schema of the flat rows (``Determination.rows()``) written to Parquet."""
    import pyarrow as pa

    return pa.schema(
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
