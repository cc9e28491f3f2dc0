"""Extraction on a Dask cluster: a ``dask.bag`` of paths or texts, or a ``dask.dataframe`` column.

The pipeline is loaded once per worker process (cached in this module) and never shipped with
the tasks; only paths/texts go out and plain record dicts / rows come back. Works with any Dask
deployment (``distributed.LocalCluster``, ``dask-jobqueue``, Kubernetes, YARN, SSH): connect a
``distributed.Client`` to it and call these functions; every worker needs ``imr_nlp`` (and the
model package it ships) installed, and the paths must be readable from the workers.

    >>> import dask.bag as db
    >>> from imr_nlp.dask import extract_bag
    >>> records = extract_bag(db.from_sequence(paths, npartitions=64)).compute()
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any


@lru_cache(maxsize=2)
def worker_pipeline(model: str | None = None, rules_only: bool = False) -> Any:
    """The pipeline of this worker process, loaded on first use."""
    from imr_nlp.pipeline import load

    return load(model, rules_only=rules_only)


def extract_partition(items: list[Any], model: str | None = None, rules_only: bool = False) -> list[dict[str, Any]]:
    """Output records (dicts in the output schema) for one partition of paths or texts.

    A ``str`` naming an existing file or a ``Path`` is read as a letter file; other strings are
    letter texts.
    """
    from imr_nlp.pipeline import extract_many

    nlp = worker_pipeline(model, rules_only)
    return [r.to_dict() for r in extract_many(list(items), nlp)]


def extract_bag(bag: Any, model: str | Path | None = None, rules_only: bool = False) -> Any:
    """A ``dask.bag`` of output records for a bag of paths or texts (one record per item)."""
    return bag.map_partitions(extract_partition, model=str(model) if model else None, rules_only=rules_only)


def row_columns() -> list[str]:
    """The flat row's columns (one home: the Parquet schema in :mod:`imr_nlp.writers`)."""
    from imr_nlp.writers import parquet_schema

    return list(parquet_schema().names)


def _rows_partition(df: Any, column: str, id_column: str | None, model: str | None, rules_only: bool) -> Any:
    import pandas as pd

    from imr_nlp.pipeline import extract_many

    nlp = worker_pipeline(model, rules_only)
    sources = [str(s) for s in df[id_column]] if id_column else [str(i) for i in df.index]
    records = extract_many(list(df[column]), nlp, sources=sources)
    return pd.DataFrame([row for r in records for row in r.rows()], columns=row_columns())


def extract_dataframe(
    ddf: Any,
    column: str = "text",
    id_column: str | None = None,
    model: str | Path | None = None,
    rules_only: bool = False,
) -> Any:
    """A ``dask.dataframe`` of flat rows (one per decision, case fields repeated) for the letter
    texts in `column`; `id_column` gives each record's ``source``."""
    import pandas as pd

    meta = pd.DataFrame({c: pd.Series(dtype="object") for c in row_columns()})
    return ddf.map_partitions(_rows_partition, column, id_column, str(model) if model else None, rules_only, meta=meta)
