"""Training: a tiny overfit run round-trips; retraining with newly labelled letters teaches a new treatment."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.training import Example
from spacy.util import compile_infix_regex

import imr_nlp
from imr_nlp import patterns, synth
from imr_nlp.corpus import read_jsonl
from imr_nlp.train import pdf_noise_augmenter, refresh_rule_patterns, train, write_scores

from conftest import ROOT, squashed

NEW = "Zyntrolimab infusions"
FAST = {"training.max_steps": 60, "training.eval_frequency": 30, "training.patience": 0, "system.seed": 3}
LEARN = {**FAST, "training.max_steps": 200, "training.eval_frequency": 100}


def letters(n: int, seed: int, split: str = "train") -> list[dict]:
    out = []
    for r in synth.generate(n, seed):
        r["meta"]["split"] = split
        out.append(r)
    return out


def with_new_treatment(rec: dict, rid: str) -> dict:
    """The letter with one more sentence mentioning NEW, labelled TREATMENT."""
    text = rec["text"].rstrip() + f"\nThe physician also requested {NEW} every month.\n"
    start = text.index(NEW)
    spans = rec["spans"] + [{"start": start, "end": start + len(NEW), "label": "TREATMENT"}]
    return {**rec, "id": rid, "text": text, "spans": spans, "meta": {**rec["meta"], "origin": "hand-written"}}


def write(path, records) -> str:
    path.write_text("".join(json.dumps(r) + "\n" for r in records))
    return str(path)


def predicted(nlp, text: str) -> set[tuple[str, str]]:
    doc = nlp(text)
    return {(s.label_, s.text) for s in doc.spans["sc"]}


@pytest.fixture(scope="module")
def base(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("train")
    corpus = write(tmp / "base.jsonl", letters(5, 11) + letters(2, 12, "dev"))
    return tmp, corpus


def test_tiny_overfit_saves_and_reloads_identically(base):
    tmp, corpus = base
    best = train([corpus], output=tmp / "out-a", overrides=FAST, evaluate_on=[])
    nlp = spacy.load(best)
    text = next(synth.generate(1, 99))["text"]
    before = predicted(nlp, text)
    nlp.to_disk(tmp / "copy")
    assert predicted(spacy.load(tmp / "copy"), text) == before
    assert nlp.pipe_names == ["imr_space_norm", "imr_layout", "span_ruler", "tok2vec", "spancat", "imr_linker"]
    record = imr_nlp.extract(text, nlp).to_dict()
    imr_nlp.validate(record)
    assert {e["source"] for e in record["entities"]} >= {"rule"}


def test_retraining_with_extra_letters_learns_a_new_treatment(base):
    tmp, corpus = base
    extra = [with_new_treatment(r, f"new-{i}") for i, r in enumerate(letters(8, 21))]
    extra_path = write(tmp / "extra.jsonl", extra)
    old = spacy.load(train([corpus], output=tmp / "old", overrides=LEARN, evaluate_on=[]))
    new = spacy.load(train([corpus], extra=[extra_path], output=tmp / "new", overrides=LEARN, evaluate_on=[]))
    probe = with_new_treatment(next(synth.generate(1, 77)), "probe")["text"]
    assert ("TREATMENT", NEW) not in predicted(old, probe)
    assert ("TREATMENT", NEW) in predicted(new, probe)
    lexicon = {t.lower() for name in ("drugs.txt", "treatments.txt") for t in patterns.lexicon_terms(name)}
    assert not any("zyntrolimab" in t for t in lexicon)


def test_final_model_trains_on_realistic_dev_letters_but_never_on_test():
    from imr_nlp.train import training_docs

    def rec(id_: str, split: str, origin: str) -> dict:
        return {"id": id_, "meta": {"split": split, "origin": origin}}

    records = [
        rec("s-train", "train", "synthetic"),
        rec("s-dev", "dev", "synthetic"),
        rec("h-dev", "dev", "hand-written"),
        rec("h-test", "test", "hand-written"),
    ]
    train, dev = training_docs(records, [], realistic_weight=3, seed=0)
    assert sorted(r["id"] for r in train) == ["s-train"] and sorted(r["id"] for r in dev) == ["h-dev", "s-dev"]
    train, dev = training_docs(records, [], realistic_weight=3, seed=0, with_dev_letters=True)
    assert sorted(r["id"] for r in train) == ["h-dev"] * 3 + ["s-train"]
    assert [r["id"] for r in dev] == ["s-dev"]


def test_refresh_patterns_puts_edited_lexicons_into_a_trained_pipeline(base, monkeypatch):
    tmp, corpus = base
    best = train([corpus], output=tmp / "out-r", overrides=FAST, evaluate_on=[])
    text = "The physician requested Zyntrolimab for the knee."
    other = next(synth.generate(1, 98))["text"]
    doc = spacy.load(best)(text)
    assert "Zyntrolimab" not in {s.text for s in doc.spans["ruler"]}
    stale = spacy.load(best)  # a pipeline saved before a tokenizer rule was added
    stale.tokenizer.infix_finditer = compile_infix_regex(stale.Defaults.infixes).finditer
    stale.to_disk(best)
    assert len(spacy.load(best).make_doc("C5\u20136")) == 1
    before = predicted(spacy.load(best), other)
    real = patterns.lexicon_terms
    monkeypatch.setattr(patterns, "lexicon_terms", lambda name: real(name) + ["Zyntrolimab"] * (name == "drugs.txt"))
    write_scores(Path(best), [])
    meta = (Path(best) / "meta.json").read_bytes()
    assert refresh_rule_patterns(best) == len(patterns.rule_patterns())
    assert (Path(best) / "meta.json").read_bytes() == meta  # the scores and their file are left as they were
    reloaded = spacy.load(best)
    doc = reloaded(text)
    assert ("TREATMENT", "Zyntrolimab for the knee") in {(s.label_, s.text) for s in doc.spans["ruler"]}
    assert predicted(reloaded, other) == before  # the trained weights are kept
    assert [t.text for t in reloaded.make_doc("C5\u20136")] == ["C5", "\u2013", "6"]  # and the tokenizer renewed


HAND = [r for r in read_jsonl(ROOT / "corpora" / "handwritten.jsonl") if r["meta"]["split"] == "train"][:200:25]


def example_of(nlp, record: dict) -> Example:
    gold = nlp.make_doc(record["text"])
    gold.spans["sc"] = [gold.char_span(s["start"], s["end"], label=s["label"]) for s in record["spans"]]
    return Example(nlp.make_doc(record["text"]), gold)


def test_the_training_config_augments_with_pdf_noise():
    config = spacy.util.load_config(ROOT / "training" / "imr_spancat.cfg")
    augmenter = spacy.util.registry.resolve(config["corpora"])["train"].augmenter
    assert augmenter.func is pdf_noise_augmenter and 0 < augmenter.keywords["level"] < 1


@settings(max_examples=8, deadline=None)
@given(seed=st.integers(0, 2**32 - 1), which=st.integers(0, len(HAND) - 1))
def test_pdf_noise_augmenter_moves_the_gold_spans_with_their_words(rules_nlp, seed, which):
    example = example_of(rules_nlp, HAND[which])
    random.seed(seed)
    assert list(pdf_noise_augmenter(rules_nlp, example, level=0.0)) == [example]
    (noisy,) = pdf_noise_augmenter(rules_nlp, example, level=1.0)
    assert noisy.reference.text != example.reference.text
    assert noisy.predicted.text == noisy.reference.text and not noisy.predicted.spans
    old, new = example.reference.spans["sc"], noisy.reference.spans["sc"]
    assert [s.label_ for s in new] == [s.label_ for s in old]
    for a, b in zip(old, new, strict=True):
        assert squashed(b.text) == squashed(a.text)
