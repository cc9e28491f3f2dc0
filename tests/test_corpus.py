"""The labelled corpus: format validation, tool imports, splits, datasets, DocBin, generator."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from imr_nlp import corpus, synth

from conftest import ROOT

FIXTURES = ROOT / "tests" / "fixtures"
CORPORA = ROOT / "corpora"


def rec(text: str, spans: list[tuple[int, int, str]], **meta) -> dict:
    return {
        "id": "x",
        "text": text,
        "spans": [{"start": a, "end": b, "label": lab} for a, b, lab in spans],
        "meta": {"layout": "fdl-2014", "origin": "hand-written", "split": "train", **meta},
    }


@pytest.mark.parametrize(
    "spans, problem",
    [
        ([(0, 5, "TREATMENT"), (2, 9, "TREATMENT")], "overlap"),
        ([(0, 6, "TREATMENT")], "whitespace"),
        ([(0, 5, "DRUG")], "unknown label"),
        ([(0, 99, "TREATMENT")], "do not fit"),
    ],
)
def test_record_problems(spans, problem):
    problems = corpus.record_problems(rec("Norco 10/325mg: Upheld", spans))
    assert any(problem in p for p in problems), problems


def test_cross_label_overlap_is_allowed():
    assert corpus.record_problems(rec("Norco 10/325mg", [(0, 14, "TREATMENT"), (6, 14, "DATE")])) == []


def test_validate_cli_reports_file_and_line(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text(
        json.dumps(rec("Upheld", [(0, 6, "DECISION")])) + "\n" + json.dumps(rec("Upheld ", [(0, 7, "DECISION")])) + "\n"
    )
    proc = subprocess.run(
        [sys.executable, "-m", "imr_nlp.cli", "corpus", "validate", str(bad)], capture_output=True, text=True
    )
    assert proc.returncode == 1
    assert f"{bad}:2: span 0 (DECISION 0-7): starts or ends on whitespace" in proc.stdout


def test_to_spacy_cli_writes_the_train_split_shuffled(tmp_path):
    # the training config streams the train split in file order, so it must come shuffled
    import spacy
    from spacy.tokens import DocBin

    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "imr_nlp.cli",
            "corpus",
            "to-spacy",
            str(CORPORA / "handwritten.jsonl"),
            "-o",
            str(tmp_path),
        ],
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 0, proc.stderr
    recs = list(corpus.read_jsonl(CORPORA / "handwritten.jsonl"))
    vocab = spacy.blank("en").vocab
    texts = {
        split: [d.text for d in DocBin().from_disk(tmp_path / f"{split}.spacy").get_docs(vocab)]
        for split in corpus.SPLITS
    }
    by_split = {split: [r["text"] for r in recs if r["meta"]["split"] == split] for split in corpus.SPLITS}
    assert sorted(texts["train"]) == sorted(by_split["train"]) and texts["train"] != by_split["train"]
    assert texts["dev"] == by_split["dev"] and texts["test"] == by_split["test"]


def test_shipped_corpus_files_validate():
    for f in ("handwritten.jsonl", "synthetic.jsonl.gz"):
        assert corpus.validate_file(CORPORA / f) == []


def test_import_prodigy_keeps_accepted_only():
    recs = corpus.read_annotations(FIXTURES / "prodigy.jsonl")
    assert [(r["id"], [(s["start"], s["end"], s["label"]) for s in r["spans"]]) for r in recs] == [
        ("p1", [(0, 19, "TREATMENT"), (21, 27, "DECISION")])
    ]


@pytest.mark.parametrize(
    "name, spans",
    [
        ("doccano_label.jsonl", [(15, 37, "DIAGNOSIS"), (41, 50, "DATE")]),
        ("doccano_entities.jsonl", [(0, 28, "TREATMENT")]),
        ("label_studio.json", [(0, 15, "TREATMENT"), (17, 27, "DECISION")]),
    ],
)
def test_import_doccano_and_label_studio(name, spans):
    (r,) = corpus.read_annotations(FIXTURES / name)
    assert [(s["start"], s["end"], s["label"]) for s in r["spans"]] == spans
    assert corpus.record_problems(r) == []


def test_export_prodigy_round_trips():
    recs = corpus.read_annotations(FIXTURES / "doccano_label.jsonl")
    tasks = list(corpus.to_prodigy(recs))
    again = list(corpus.from_prodigy(tasks))
    assert [r["spans"] for r in again] == [r["spans"] for r in recs]


def test_load_corpus_gives_dataset_dict_with_declared_features():
    dd = corpus.load_corpus([CORPORA / "handwritten.jsonl"])
    assert set(dd) == {"train", "dev", "test"}
    assert dd["dev"].features["spans"].feature["label"].names == list(corpus.LABELS)
    row = dd["test"][0]
    assert row["text"] and row["layout"] in {"notice-2013", "fdl-2014", "fdl-2016", "professional-review"}
    import datasets

    plain = datasets.load_dataset("json", data_files=str(CORPORA / "handwritten.jsonl"), split="train")
    assert len(plain) == sum(len(dd[s]) for s in dd)


def test_docbin_keeps_gold_spans():
    import spacy

    recs = list(corpus.read_jsonl(CORPORA / "handwritten.jsonl"))[:2]
    nlp = spacy.blank("en")
    docs = list(corpus.to_docbin(recs).get_docs(nlp.vocab))
    for doc, r in zip(docs, recs, strict=True):
        assert {(s.start_char, s.end_char, s.label_) for s in doc.spans["sc"]} == {
            (s["start"], s["end"], s["label"]) for s in r["spans"]
        }


def test_write_docbins_splits_into_files_that_spacy_reads_back_in_order(tmp_path):
    import spacy
    from spacy.training import Corpus

    recs = list(corpus.read_jsonl(CORPORA / "handwritten.jsonl"))[:3]
    weighted = [recs[0], recs[1], recs[0], recs[2], recs[0]]  # a letter repeated for weight
    (tmp_path / "9999.spacy").write_bytes(b"stale")  # replaced, not read
    paths = corpus.write_docbins(weighted, tmp_path, per_file=2)
    assert [p.name for p in paths] == ["0000.spacy", "0001.spacy", "0002.spacy"]
    assert sorted(p.name for p in tmp_path.iterdir()) == [p.name for p in paths]
    nlp = spacy.blank("en")
    examples = list(Corpus(tmp_path)(nlp))
    assert [eg.reference.text for eg in examples] == [r["text"] for r in weighted]
    for eg, r in zip(examples, weighted, strict=True):
        assert {(s.start_char, s.end_char, s.label_) for s in eg.reference.spans["sc"]} == {
            (s["start"], s["end"], s["label"]) for s in r["spans"]
        }


def test_generator_is_deterministic_and_gold_is_consistent():
    a = list(synth.generate(12, seed=5))
    b = list(synth.generate(12, seed=5))
    assert a == b
    assert {r["meta"]["layout"] for r in a} == {"notice-2013", "fdl-2014", "fdl-2016", "professional-review"}
    for r in a:
        r["meta"]["split"] = "train"
        assert corpus.record_problems(r) == []
        for d in r["decisions"]:
            s, e = d["item_span"]
            assert (
                " ".join(r["text"][s:e].split()).replace("- ", "") == d["item"].replace("- ", "")
                or "-\n" in r["text"][s:e]
            )
            for c in d["citations"]:
                assert c["pages"] == sorted(set(c["pages"]))


def test_heldout_letters_use_heldout_phrasings_only():
    recs = list(synth.generate(200, seed=3))
    train = {t for r in recs if r["meta"]["style"] == "train" for t in r["meta"]["templates"]}
    held = {t for r in recs if r["meta"]["style"] == "heldout" for t in r["meta"]["templates"]}
    assert held and train and not (held & train)


def test_splits_are_recorded_and_grouped():
    recs = list(corpus.read_jsonl(CORPORA / "synthetic.jsonl.gz"))
    by_split = {s: [r for r in recs if r["meta"]["split"] == s] for s in corpus.SPLITS}
    assert all(by_split.values())
    sig = lambda r: corpus._signature(r)  # noqa: E731
    assert not ({sig(r) for r in by_split["train"]} & {sig(r) for r in by_split["dev"]})
    assert all(r["meta"]["style"] == "heldout" for r in by_split["test"])


def test_handwritten_file_is_built_from_the_examples():
    assert list(corpus.read_jsonl(CORPORA / "handwritten.jsonl")) == corpus.build_handwritten(CORPORA / "examples")


def _build_one(tmp_path, text: str, label: dict) -> dict:
    """The corpus record built from one hand-labelled letter `text` with its `label` entry."""
    (tmp_path / "a.txt").write_text(text)
    (tmp_path / "labels.json").write_text(json.dumps({"letters": {"a.txt": label}}))
    (rec,) = corpus.build_handwritten(tmp_path)
    return rec


def test_hand_labels_leave_out_citations_criteria_and_the_reviewers_specialty(tmp_path):
    text = (
        "The expert reviewer is Board Certified in Orthopaedic Surgery.\n"
        "She had surgery for carpal tunnel syndrome.\nRight carpal tunnel release:  Upheld\n"
        "Claims Administrator guideline: Decision based on MTUS Chronic Pain Medical Treatment Guidelines, "
        "Surgery, page 9.\nSurgery is recommended for carpal tunnel syndrome.\n"
    )
    label = {
        "layout": "fdl-2016",
        "origin": "hand-written",
        "split": "train",
        "mentions": {"DIAGNOSIS": ["carpal tunnel syndrome"], "TREATMENT": ["surgery", "Surgery"]},
        "criteria": ["Surgery is recommended for carpal tunnel syndrome."],
        "case": {},
        "decisions": [
            {
                "item": "Right carpal tunnel release",
                "decision": "upheld",
                "citations": [
                    {
                        "by": "claims_administrator",
                        "guideline": "MTUS Chronic Pain Medical Treatment Guidelines",
                        "pages": [9],
                        "text": "MTUS Chronic Pain Medical Treatment Guidelines, Surgery, page 9",
                    }
                ],
            }
        ],
    }
    rec = _build_one(tmp_path, text, label)
    got = [(text[s["start"] : s["end"]], s["label"], s["start"]) for s in rec["spans"] if s["label"] != "GUIDELINE"]
    criterion = text.index("Surgery is")
    assert ("carpal tunnel syndrome", "DIAGNOSIS", text.index("carpal")) in got
    assert [g for g in got if g[1] == "DIAGNOSIS"] == [("carpal tunnel syndrome", "DIAGNOSIS", text.index("carpal"))]
    surgeries = sorted(g[2] for g in got if g[0].lower() == "surgery")
    assert surgeries == [text.index("surgery for"), criterion]  # not the specialty's, not the citation's


def test_a_service_name_keeps_its_condition_word_out_of_the_labels_wherever_it_is_written(tmp_path):
    text = (
        "He has tinnitus and requested tinnitus retraining therapy.\nTinnitus retraining therapy:  Upheld\n"
        "The request for tinnitus\nretraining therapy is not medically necessary.\n"
    )
    label = {
        "layout": "professional-review",
        "origin": "hand-written",
        "split": "train",
        "mentions": {"DIAGNOSIS": ["tinnitus"], "TREATMENT": ["tinnitus retraining therapy"]},
        "service_names": ["tinnitus retraining therapy"],
        "case": {},
        "decisions": [{"item": "Tinnitus retraining therapy", "decision": "upheld", "citations": []}],
    }
    rec = _build_one(tmp_path, text, label)
    diagnoses = [(s["start"], text[s["start"] : s["end"]]) for s in rec["spans"] if s["label"] == "DIAGNOSIS"]
    assert diagnoses == [(text.index("tinnitus"), "tinnitus")]  # not inside either lower-case service name


def test_a_drug_inside_a_conditions_name_is_no_treatment_of_its_own(tmp_path):
    text = "He has NSAID-induced gastritis. He stopped the NSAID.\nOmeprazole:  Upheld\n"
    label = {
        "layout": "fdl-2016",
        "origin": "hand-written",
        "split": "train",
        "mentions": {"DIAGNOSIS": ["NSAID-induced gastritis"], "TREATMENT": ["NSAID"]},
        "case": {},
        "decisions": [{"item": "Omeprazole", "decision": "upheld", "citations": []}],
    }
    rec = _build_one(tmp_path, text, label)
    treatments = [(s["start"], text[s["start"] : s["end"]]) for s in rec["spans"] if s["label"] == "TREATMENT"]
    assert treatments == [(text.index("NSAID."), "NSAID"), (text.index("Omeprazole"), "Omeprazole")]
