"""The spaCy pipeline: components, serialisation, multiprocessing and the Python API."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
import spacy

import imr_nlp
from imr_nlp.record import doc_entities
from imr_nlp.textview import fold

from conftest import EXAMPLES, GOLD, ROOT

LETTERS = [(EXAMPLES / name).read_text() for name in sorted(GOLD)]


def records(nlp, texts):
    return [imr_nlp.Determination.from_doc(doc, str(i)).to_dict() for i, doc in enumerate(nlp.pipe(texts))]


def test_default_pipeline_is_the_shipped_model_and_rules_only_is_available(nlp):
    assert nlp.pipe_names == ["imr_space_norm", "imr_layout", "span_ruler", "tok2vec", "spancat", "imr_linker"]
    assert nlp.get_pipe("spancat").labels == ("DIAGNOSIS", "TREATMENT")
    rules = imr_nlp.load(rules_only=True)
    assert rules.pipe_names == ["imr_space_norm", "imr_layout", "span_ruler", "imr_linker"]
    assert {"DATE", "DECISION", "TREATMENT", "DIAGNOSIS"} <= set(rules.get_pipe("span_ruler").labels)


def test_rules_only_from_a_saved_pipeline_leaves_out_its_span_categoriser(rules_nlp):
    # `imr-nlp evaluate --model DIR --rules-only` compares a trained pipeline with its own rules
    from imr_nlp.pipeline import default_model_path

    rules = imr_nlp.load(default_model_path(), rules_only=True)
    assert rules.pipe_names == ["imr_space_norm", "imr_layout", "span_ruler", "imr_linker"]
    assert records(rules, LETTERS[:8]) == records(rules_nlp, LETTERS[:8])


def test_shipped_model_is_small_and_carries_its_scores():
    from imr_nlp.pipeline import default_model_path

    path = default_model_path()
    size = sum(f.stat().st_size for f in path.rglob("*") if f.is_file())
    assert size < 25 * 1024 * 1024
    import json

    scores = json.loads((path / "meta.json").read_text())["imr_nlp_scores"]
    assert scores["realistic_test"]["model"]["decision_accuracy"] == 1.0


def test_to_disk_and_spacy_load_round_trip_identically(nlp, tmp_path):
    nlp.to_disk(tmp_path / "pipe")
    assert (tmp_path / "pipe" / "span_ruler" / "patterns").exists()
    loaded = spacy.load(tmp_path / "pipe")
    assert records(loaded, LETTERS) == records(nlp, LETTERS)


def test_spacy_load_in_fresh_interpreter_without_importing_imr_nlp(nlp, tmp_path):
    nlp.to_disk(tmp_path / "pipe")
    code = (
        "import sys, spacy\n"
        f"nlp = spacy.load({str(tmp_path / 'pipe')!r})\n"
        f"doc = nlp(open({str(EXAMPLES / 'fdl-2014_b.txt')!r}).read())\n"
        "print(doc._.layout, doc._.decisions[0]['decision'])\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == ["fdl-2014", "overturned"]


def test_n_process_2_gives_the_same_records(nlp):
    texts = LETTERS * 2
    one = [imr_nlp.Determination.from_doc(d, "x").to_dict() for d in nlp.pipe(texts)]
    two = [imr_nlp.Determination.from_doc(d, "x").to_dict() for d in nlp.pipe(texts, n_process=2, batch_size=4)]
    assert one == two


def test_extract_many_with_two_processes_keeps_order(nlp):
    paths = [EXAMPLES / name for name in sorted(GOLD)]
    got = [r.source for r in imr_nlp.extract_many(paths, nlp, n_process=2, batch_size=2)]
    assert got == [str(p) for p in paths]


def test_extract_accepts_text_or_path_and_returns_typed_record(nlp):
    path = EXAMPLES / "fdl-2014_b.txt"
    from_path = imr_nlp.extract(path, nlp)
    from_text = imr_nlp.extract(path.read_text(), nlp, source="letter-1")
    assert isinstance(from_text, imr_nlp.Determination)
    assert from_text.source == "letter-1" and from_path.source == str(path)
    assert from_text.decisions == from_path.decisions
    assert imr_nlp.Determination.from_dict(from_text.to_dict()) == from_text


def test_same_input_same_output(nlp):
    text = LETTERS[0]
    assert imr_nlp.extract(text, nlp).to_dict() == imr_nlp.extract(text, nlp).to_dict()


@pytest.mark.parametrize("which", ["rules", "model"])
def test_a_closing_parenthesis_before_a_colon_stays_out_of_the_item(which, nlp, rules_nlp):
    # spaCy's English tokenizer reads "):" as an emoticon, one token; the pipelines drop those cases
    text = (EXAMPLES / "professional-review_a.txt").read_text()
    pipeline = rules_nlp if which == "rules" else nlp
    record = imr_nlp.extract(text, pipeline).to_dict()
    item = "Retrospective request for Urine drug screen (DOS 12/10/2018)"
    assert item in [e["text"] for e in record["entities"] if e["label"] == "TREATMENT"]
    assert [t.text for t in pipeline.make_doc("screen (DOS 1/2/2018):  Upheld :)")][4:6] == [")", ":"]


@pytest.mark.parametrize("which", ["rules", "model"])
def test_each_drug_of_a_compound_is_a_token_and_the_compound_one_mention(which, nlp, rules_nlp):
    # spaCy keeps "20%/cyclobenzaprine" as one token; the pipelines split "/" after "%"
    pipeline = rules_nlp if which == "rules" else nlp
    text = "The plan included a compounded cream of flurbiprofen 20%/cyclobenzaprine 4% 180gm."
    assert [t.text for t in pipeline.make_doc("flurbiprofen 20%/cyclobenzaprine")] == [
        "flurbiprofen",
        "20%",
        "/",
        "cyclobenzaprine",
    ]
    treatments = [e.text for e in doc_entities(pipeline(text)) if e.label == "TREATMENT"]
    assert treatments == ["compounded cream of flurbiprofen 20%/cyclobenzaprine 4% 180gm"]


@pytest.mark.parametrize("which", ["rules", "model"])
def test_a_term_ending_in_a_capital_letter_is_found_at_a_sentence_end(which, nlp, rules_nlp):
    # spaCy keeps the full stop on a lone capital ("D."), as for an initial; the pipelines split it off
    pipeline = rules_nlp if which == "rules" else nlp
    text = "She takes no calcium or vitamin D. A thoracic MRI was done."
    assert [t.text for t in pipeline.make_doc("vitamin D. A")] == ["vitamin", "D", ".", "A"]
    treatments = [e.text for e in doc_entities(pipeline(text)) if e.label == "TREATMENT"]
    assert treatments == ["calcium", "vitamin D", "thoracic MRI"]


def test_a_repeat_of_an_item_keeps_its_repetition_word(rules_nlp):
    # ANNOTATION_NOTES 7: "a repeat <item>" is one mention; the item's own heading stays as written
    text = (EXAMPLES / "notice-2013_o.txt").read_text()
    record = imr_nlp.extract(text, rules_nlp).to_dict()
    treatments = [e["text"] for e in record["entities"] if e["label"] == "TREATMENT"]
    assert "repeat L5-S1 epidural steroid injection" in treatments
    assert "prior L5-S1 epidural steroid injection" in treatments
    assert "L5-S1 epidural steroid injection" in [d["item"] for d in record["decisions"]]


def test_an_item_repeated_with_its_duration_keeps_it_and_a_condition_naming_an_item_is_no_diagnosis(rules_nlp):
    # "an elbow pad for six months" (note 23) is one mention, though "Elbow pad" is a disputed item;
    # "Tinnitus masker" names a device, while "Botox ... for chronic migraine" names what it treats
    record = imr_nlp.extract((EXAMPLES / "notice-2013_as.txt").read_text(), rules_nlp).to_dict()
    assert "elbow pad for six months" in [e["text"] for e in record["entities"] if e["label"] == "TREATMENT"]
    record = imr_nlp.extract((EXAMPLES / "fdl-2014_as.txt").read_text(), rules_nlp).to_dict()
    assert "Tinnitus" not in [e["text"] for e in record["entities"] if e["label"] == "DIAGNOSIS"]
    record = imr_nlp.extract((EXAMPLES / "fdl-2014_h.txt").read_text(), rules_nlp).to_dict()
    assert "chronic migraine" in [e["text"] for e in record["entities"] if e["label"] == "DIAGNOSIS"]


def test_an_item_repeated_with_the_noun_that_heads_it_keeps_it(rules_nlp):
    # "Repeat serum uric acid" is a disputed item; "a repeat serum uric acid level" is one mention
    record = imr_nlp.extract((EXAMPLES / "fdl-2014_es.txt").read_text(), rules_nlp).to_dict()
    treatments = [e["text"] for e in record["entities"] if e["label"] == "TREATMENT"]
    assert "repeat serum uric acid level" in treatments and "repeat serum uric acid" not in treatments
    assert "Repeat serum uric acid" in treatments


def test_a_service_joined_onto_an_items_repeat_is_kept_on_its_own(rules_nlp):
    # the item is the bare clearance; "with laboratory tests" is a second service, not lost with the repeat
    record = imr_nlp.extract((EXAMPLES / "notice-2013_v.txt").read_text(), rules_nlp).to_dict()
    treatments = [e["text"] for e in record["entities"] if e["label"] == "TREATMENT"]
    assert "preoperative medical clearance" in [d["item"] for d in record["decisions"]]
    assert "laboratory tests" in treatments
    assert "preoperative medical clearance with laboratory tests" not in treatments


def test_the_workers_job_is_not_a_treatment_even_when_the_lexicon_knows_it(rules_nlp):
    text = (EXAMPLES / "professional-review_s.txt").read_text()
    record = imr_nlp.extract(text, rules_nlp).to_dict()
    assert record["case"]["occupation"] == "home health aide"
    assert "home health aide" not in [e["text"] for e in record["entities"] if e["label"] == "TREATMENT"]


@pytest.mark.parametrize(("score", "added"), [(0.99, True), (0.95, False)])
def test_model_adds_a_condition_the_rules_miss_but_not_one_a_guideline_names(rules_nlp, score, added):
    import numpy
    from spacy.tokens import SpanGroup

    text = (
        "Decision rationale: The patient has a wobbly kneecap on examination. "
        "ODG recommends bracing for a wobbly kneecap after a dislocation. The request is not medically necessary."
    )
    doc = rules_nlp(text)
    assert not [e for e in doc_entities(doc) if e.label == "DIAGNOSIS"]
    starts = [text.index("wobbly"), text.rindex("wobbly")]
    spans = [doc.char_span(a, a + len("wobbly kneecap"), label="DIAGNOSIS") for a in starts]
    doc.spans["sc"] = SpanGroup(doc, name="sc", spans=spans, attrs={"scores": numpy.array([[score, 0.0]] * 2)})
    found = [(e.start, e.source, e.score) for e in doc_entities(doc) if e.label == "DIAGNOSIS"]
    assert found == ([(starts[0], "model", score)] if added else [])


def _typeset(text: str) -> str:
    """The letter as a word processor and a PDF font write it: ligatures, typographic
    apostrophes, an en dash in spinal levels."""
    for plain, form in (("ffi", "\ufb03"), ("fi", "\ufb01"), ("fl", "\ufb02"), ("ff", "\ufb00"), ("'", "\u2019")):
        text = text.replace(plain, form)
    return re.sub(r"(?<=\b[CLT]\d)-(?=\d\b)", "\u2013", text)


def test_the_shipped_model_tokenizes_as_the_rules_only_pipeline_does(nlp, rules_nlp):
    # a saved tokenizer keeps the rules it was saved with; `imr-nlp refresh-patterns` renews them
    text = "C5\u20136, 6\u201314\u20132016, word-\ufb01nding, 20%/cyclobenzaprine, grade I. (DOS 1/2/2018): x"
    assert [t.text for t in nlp.make_doc(text)] == [t.text for t in rules_nlp.make_doc(text)]


@pytest.mark.parametrize("which", ["rules", "model"])
@pytest.mark.parametrize("name", ["fdl-2014_dz.txt", "notice-2013_dy.txt", "professional-review_ck.txt"])
def test_a_typeset_letter_gives_the_same_record(which, name, nlp, rules_nlp):
    pipeline = rules_nlp if which == "rules" else nlp
    text = (EXAMPLES / name).read_text()
    plain, typeset = imr_nlp.extract(text, pipeline).to_dict(), imr_nlp.extract(_typeset(text), pipeline).to_dict()
    assert typeset["case"] == plain["case"]
    assert [(fold(d["item"]), d["decision"], [c["pages"] for c in d["citations"]]) for d in typeset["decisions"]] == [
        (d["item"], d["decision"], [c["pages"] for c in d["citations"]]) for d in plain["decisions"]
    ]
    assert [(e["label"], e["start"]) for e in typeset["entities"]] != []
    assert sorted((e["label"], fold(e["text"])) for e in typeset["entities"]) == sorted(
        (e["label"], e["text"]) for e in plain["entities"]
    )
