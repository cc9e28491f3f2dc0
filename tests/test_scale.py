"""Corpus-scale paths: a real two-worker Dask cluster, and datasets.Dataset.map(num_proc=2)."""

from __future__ import annotations

import pytest

import imr_nlp

from conftest import EXAMPLES, GOLD

NAMES = sorted(GOLD)


@pytest.fixture(scope="module")
def client():
    distributed = pytest.importorskip("distributed")
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None)
    with distributed.Client(cluster) as c:
        yield c
    cluster.close()


def test_dask_bag_of_paths_on_two_workers(client):
    import dask.bag as db

    from imr_nlp.dask import extract_bag

    paths = [EXAMPLES / n for n in NAMES] + [EXAMPLES / "missing.txt"]  # Path objects: always read as files
    records = extract_bag(db.from_sequence(paths, npartitions=4), rules_only=True).compute()
    assert [r["source"] for r in records] == [str(p) for p in paths]
    assert records[-1]["error"]["type"] == "not_found"
    for r, name in zip(records, NAMES, strict=False):
        imr_nlp.validate(r)
        assert [(d["item"], d["decision"]) for d in r["decisions"]] == [
            (d["item"], d["decision"]) for d in GOLD[name]["decisions"]
        ]
    # the pipeline was loaded in the workers, once each, not shipped with the tasks
    loaded = client.run(lambda: __import__("imr_nlp.dask").dask.worker_pipeline.cache_info().currsize)
    assert len(loaded) == 2 and all(n <= 1 for n in loaded.values())


def test_dask_dataframe_text_column(client):
    import dask.dataframe as dd
    import pandas as pd

    from imr_nlp.dask import extract_dataframe

    pdf = pd.DataFrame({"id": NAMES, "text": [(EXAMPLES / n).read_text() for n in NAMES]})
    rows = extract_dataframe(dd.from_pandas(pdf, npartitions=3), "text", "id", rules_only=True).compute()
    assert len(rows) == sum(len(GOLD[n]["decisions"]) for n in NAMES)
    assert set(rows["source"]) == set(NAMES)
    assert set(rows["decision"]) == {"upheld", "overturned"}


def test_datasets_map_with_two_processes():
    import datasets

    ds = datasets.Dataset.from_dict({"text": [(EXAMPLES / n).read_text() for n in NAMES]})

    def extract_batch(batch):
        nlp = imr_nlp.load(rules_only=True)
        return {"record": [r.to_json() for r in imr_nlp.extract_many(batch["text"], nlp)]}

    out = ds.map(extract_batch, batched=True, batch_size=4, num_proc=2)
    import json

    assert [len(json.loads(r)["decisions"]) for r in out["record"]] == [len(GOLD[n]["decisions"]) for n in NAMES]
