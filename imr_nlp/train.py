"""Training the span categoriser: corpus -> DocBins -> ``spacy train`` -> evaluated pipeline.

``imr-nlp train`` is a thin wrapper over :func:`train`; ``python -m spacy train
training/imr_spancat.cfg --paths.train ... --paths.dev ...`` runs the same training directly.
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable, Iterable, Iterator
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

import srsly

from imr_nlp import noise
from imr_nlp.corpus import MODEL_LABELS, read_annotations, read_jsonl, to_docbin, write_docbins
from imr_nlp.facts import case_number

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.training import Example

DEFAULT_CORPUS = (Path("corpora/synthetic.jsonl.gz"), Path("corpora/handwritten.jsonl"))
DEFAULT_CONFIG = Path("training/imr_spancat.cfg")
DEFAULT_REALISTIC_WEIGHT = 40  # times each hand-labelled / imported letter is repeated in training


def load_records(paths: Iterable[str | Path]) -> list[dict[str, Any]]:
    """Corpus records from corpus JSONL files or annotation-tool exports."""
    out: list[dict[str, Any]] = []
    for p in paths:
        p = Path(p)
        if p.suffix == ".gz" or any("meta" in r and "split" in r["meta"] for r in _peek(p)):
            out.extend(read_jsonl(p))
        else:
            out.extend(read_annotations(p))
    return out


def _peek(path: Path) -> list[dict[str, Any]]:
    try:
        first = next(read_jsonl(path))
    except (StopIteration, json.JSONDecodeError, UnicodeDecodeError):
        return []
    return [first] if isinstance(first, dict) else []


def training_docs(
    records: list[dict[str, Any]],
    extra: list[dict[str, Any]],
    realistic_weight: int,
    seed: int,
    with_dev_letters: bool = False,
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Train and dev records. Letters that are not synthetic (hand-labelled, newly imported)
    are repeated `realistic_weight` times: they are few and they are what real letters look like.

    `with_dev_letters`: the realistic dev letters join the training data (for a final model,
    once settings were chosen on them); the synthetic dev letters remain for model selection.
    """

    def realistic_dev(r: dict[str, Any]) -> bool:
        return with_dev_letters and r["meta"]["split"] == "dev" and r["meta"].get("origin") != "synthetic"

    train = [r for r in records if r["meta"]["split"] == "train" or realistic_dev(r)] + extra
    weighted = [r for r in train for _ in range(1 if r["meta"].get("origin") == "synthetic" else realistic_weight)]
    random.Random(seed).shuffle(weighted)
    dev = [r for r in records if r["meta"]["split"] == "dev" and not realistic_dev(r)]
    return weighted, dev or train[: max(1, len(train) // 10)]


def train(
    corpus: Iterable[str | Path] = DEFAULT_CORPUS,
    extra: Iterable[str | Path] = (),
    output: str | Path = "training/output",
    config: str | Path = DEFAULT_CONFIG,
    realistic_weight: int = DEFAULT_REALISTIC_WEIGHT,
    overrides: dict[str, Any] | None = None,
    evaluate_on: Iterable[str | Path] | None = None,
    with_dev_letters: bool = False,
) -> Path:
    """Train the pipeline; returns the best model's directory (with scores in its meta.json).

    `extra` are newly labelled letters (corpus JSONL, or Prodigy / doccano / Label Studio
    exports) added to the training split; `with_dev_letters` trains on the realistic dev letters
    too (see :func:`training_docs`).
    """
    import spacy
    from spacy.cli.train import train as spacy_train

    import imr_nlp.factories  # noqa: F401  (components)
    import imr_nlp.patterns  # noqa: F401  (pattern reader)
    import imr_nlp.suggester  # noqa: F401  (suggester)

    output = Path(output)
    seed = int((overrides or {}).get("system.seed", 7))
    records = load_records(corpus)
    extra_records = load_records(extra)
    for r in extra_records:
        r["meta"]["split"] = "train"
    train_recs, dev_recs = training_docs(records, extra_records, realistic_weight, seed, with_dev_letters)
    data = output / "corpus"
    data.mkdir(parents=True, exist_ok=True)
    nlp = spacy.blank("en")
    write_docbins(train_recs, data / "train", nlp, labels=MODEL_LABELS)
    to_docbin(dev_recs, nlp, labels=MODEL_LABELS).to_disk(data / "dev.spacy")
    spacy_train(
        Path(config),
        output,
        use_gpu=-1,
        overrides={"paths.train": str(data / "train"), "paths.dev": str(data / "dev.spacy"), **(overrides or {})},
    )
    best = output / "model-best"
    test_paths = list(evaluate_on) if evaluate_on is not None else list(corpus)
    test = [r for r in load_records(test_paths) if r["meta"]["split"] == "test"]
    if test:
        write_scores(best, test)
    return best


def pdf_noise_augmenter(nlp: Language, example: Example, *, level: float, spans_key: str = "sc") -> Iterator[Example]:
    """With probability `level`, the training letter as a bad PDF conversion would give it
    (:func:`imr_nlp.noise.noisy`: character forms, rewrapped lines, hyphenated line ends, page
    footers, blank lines ...), its gold spans in `spans_key` carried along; otherwise the letter
    as it is. Draws from Python's ``random``, which ``spacy train`` seeds from ``system.seed``."""
    from spacy.training import Example

    if random.random() >= level:
        yield example
        return
    ref = example.reference
    spans = [(s.start_char, s.end_char, s.label_) for s in ref.spans.get(spans_key, [])]
    text, moved = noise.noisy(ref.text, spans, random.Random(random.getrandbits(32)), case_number(ref.text))
    gold = nlp.make_doc(text)
    gold.spans[spans_key] = [
        sp for s, e, label in moved if (sp := gold.char_span(s, e, label=label, alignment_mode="expand")) is not None
    ]
    yield Example(nlp.make_doc(text), gold)


def make_pdf_noise_augmenter(
    level: float = 0.25, spans_key: str = "sc"
) -> Callable[[Language, Example], Iterator[Example]]:
    """Registered augmenter ``imr_nlp.pdf_noise.v1`` (entry point ``spacy_augmenters``): see
    :func:`pdf_noise_augmenter`."""
    return partial(pdf_noise_augmenter, level=level, spans_key=spans_key)


def refresh_rule_patterns(model_dir: str | Path) -> int:
    """Replace a saved pipeline's span ruler patterns with the package's current patterns and
    lexicons (``imr_nlp/data``) and its tokenizer rules with the package's current ones
    (``imr_nlp.letter_tokenizer.v1``), keeping its trained weights; returns the number of patterns.

    The span ruler stores its patterns with the pipeline when it is trained, and the tokenizer its
    prefix, suffix and infix rules (these win over the config's ``after_creation`` callback at
    load), so an edit to a lexicon, a pattern file or a tokenizer rule reaches a trained pipeline
    only by retraining or by this.
    """
    import spacy

    from imr_nlp.factories import make_letter_tokenizer
    from imr_nlp.patterns import rule_patterns

    nlp = make_letter_tokenizer()(spacy.load(model_dir))
    ruler = nlp.get_pipe("span_ruler")
    ruler.clear()
    ruler.add_patterns(rule_patterns())
    nlp.to_disk(model_dir)
    return len(ruler.patterns)


def write_scores(model_dir: Path, test: list[dict[str, Any]]) -> dict[str, Any]:
    """Evaluate `model_dir` (and the rules-only pipeline) on `test`; store in its meta.json."""
    import spacy

    from imr_nlp.evaluate import evaluate_pipeline
    from imr_nlp.pipeline import build_rules_pipeline

    scores: dict[str, Any] = {}
    groups = {
        "realistic_test": [r for r in test if r["meta"].get("origin") != "synthetic"],
        "synthetic_test": [r for r in test if r["meta"].get("origin") == "synthetic"],
    }
    for name, recs in groups.items():
        if not recs:
            continue
        model_rep = evaluate_pipeline(recs, spacy.load(model_dir))
        rules_rep = evaluate_pipeline(recs, build_rules_pipeline())
        scores[name] = {"letters": len(recs), "model": _summary(model_rep), "rules_only": _summary(rules_rep)}
    meta_path = model_dir / "meta.json"
    meta = srsly.read_json(meta_path)
    meta["imr_nlp_scores"] = scores
    srsly.write_json(meta_path, meta)  # as spaCy's to_disk writes it, so a later save changes no byte
    return scores


def _summary(report: dict[str, Any]) -> dict[str, Any]:
    o = report["overall"]
    d = o["decisions"]
    return {
        "spans": {
            lab: {"exact_f1": o["spans"][lab]["exact"]["f1"], "overlap_f1": o["spans"][lab]["overlap"]["f1"]}
            for lab in o["spans"]
        },
        "decision_accuracy": d.get("decision_accuracy"),
        "item_text_exact": d.get("item_text_exact"),
        "pages_all": d.get("pages_all"),
    }
