"""The labelled corpus: JSONL records, validation, splits, ``datasets`` loading, spaCy DocBin
conversion, and import/export of annotation-tool formats (Prodigy, doccano, Label Studio).

A record (one letter per JSONL line)::

    {"id": str, "text": str,
     "spans": [{"start": int, "end": int, "label": str}],       # per ANNOTATION.md
     "decisions": [...], "case": {...},                          # gold, output-schema shape
     "meta": {"layout": str, "origin": "real"|"hand-written"|"synthetic", "split": str, ...}}
"""

from __future__ import annotations

import gzip
import json
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

LABELS = ("DIAGNOSIS", "TREATMENT", "DATE", "DECISION", "GUIDELINE")
MODEL_LABELS = ("DIAGNOSIS", "TREATMENT")  # what the span categoriser learns
ORIGINS = ("real", "hand-written", "synthetic")
SPLITS = ("train", "dev", "test")


class CorpusError(ValueError):
    """A corpus record that breaks the format; the message says where (file:line)."""


def read_jsonl(path: str | Path) -> Iterator[dict[str, Any]]:
    """Records of a JSONL file (``.jsonl`` or ``.jsonl.gz``)."""
    opener = gzip.open if str(path).endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield json.loads(line)


def write_jsonl(records: Iterable[dict[str, Any]], path: str | Path) -> int:
    """Write records as JSONL (gzip when the name ends in ``.gz``); returns the count."""
    opener = gzip.open if str(path).endswith(".gz") else open
    n = 0
    with opener(path, "wt", encoding="utf-8") as fh:
        for r in records:
            fh.write(json.dumps(r, ensure_ascii=False, sort_keys=False) + "\n")
            n += 1
    return n


def corpus_files(path: str | Path) -> list[Path]:
    p = Path(path)
    if p.is_dir():
        return sorted(f for f in p.glob("*.jsonl*") if f.is_file())
    return [p]


def record_problems(rec: dict[str, Any]) -> list[str]:
    """What is wrong with one record (empty when it is valid)."""
    problems = []
    for key in ("id", "text", "spans", "meta"):
        if key not in rec:
            problems.append(f"missing {key!r}")
    if problems:
        return problems
    text = rec["text"]
    by_label: dict[str, list[tuple[int, int]]] = {}
    for i, s in enumerate(rec["spans"]):
        start, end, label = s.get("start"), s.get("end"), s.get("label")
        where = f"span {i} ({label} {start}-{end})"
        if label not in LABELS:
            problems.append(f"{where}: unknown label {label!r} (labels: {', '.join(LABELS)})")
        if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text)):
            problems.append(f"{where}: offsets do not fit the text (length {len(text)})")
            continue
        if "text" in s and text[start:end] != s["text"]:
            problems.append(f"{where}: offsets give {text[start:end]!r}, not {s['text']!r}")
        if text[start].isspace() or text[end - 1].isspace():
            problems.append(f"{where}: starts or ends on whitespace")
        by_label.setdefault(label, []).append((start, end))
    for label, spans in by_label.items():
        spans.sort()
        prev = (0, 0)
        for a, b in spans:
            if a < prev[1]:
                problems.append(f"{label} spans {prev[0]}-{prev[1]} and {a}-{b} overlap")
            if b > prev[1]:
                prev = (a, b)
    meta = rec["meta"]
    if meta.get("origin") not in ORIGINS:
        problems.append(f"meta.origin {meta.get('origin')!r} is not one of {ORIGINS}")
    if meta.get("split") not in SPLITS:
        problems.append(f"meta.split {meta.get('split')!r} is not one of {SPLITS}")
    return problems


def validate_file(path: str | Path) -> list[str]:
    """``file:line: problem`` messages for every invalid record of a corpus file."""
    out = []
    opener = gzip.open if str(path).endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as exc:
                out.append(f"{path}:{n}: not JSON ({exc.msg})")
                continue
            out.extend(f"{path}:{n}: {p}" for p in record_problems(rec))
    return out


def assign_splits(records: list[dict[str, Any]], dev_share: float = 0.1, seed: int = 0) -> None:
    """Record train/dev/test splits in ``meta.split`` (never re-drawn once set).

    Synthetic letters written with held-out phrasings and vocabulary are the test split. The
    rest are split into train/dev with scikit-learn's StratifiedGroupKFold: stratified by layout,
    grouped by phrasing signature so that no combination of phrasings sits in both.
    """
    from sklearn.model_selection import StratifiedGroupKFold

    todo = [r for r in records if "split" not in r["meta"]]
    for r in todo:
        if r["meta"].get("style") == "heldout":
            r["meta"]["split"] = "test"
    rest = [r for r in todo if "split" not in r["meta"]]
    if not rest:
        return
    n_folds = max(2, round(1 / dev_share))
    if len(rest) < n_folds:
        for r in rest:
            r["meta"]["split"] = "train"
        return
    groups = [_signature(r) for r in rest]
    layouts = [r["meta"]["layout"] for r in rest]
    folds = StratifiedGroupKFold(n_splits=n_folds, shuffle=True, random_state=seed)
    _, dev_idx = next(folds.split(rest, layouts, groups))
    dev = set(dev_idx.tolist())
    for i, r in enumerate(rest):
        r["meta"]["split"] = "dev" if i in dev else "train"


def _signature(rec: dict[str, Any]) -> str:
    templates = rec["meta"].get("templates") or [rec["id"]]
    return "|".join(t for t in templates if t.startswith(("summary_intro", "summary_diagnoses", "rationale_")))


def load_corpus(path: str | Path | list[str | Path] = "corpora") -> Any:
    """The corpus as a ``datasets.DatasetDict`` (train/dev/test) with declared features."""
    import datasets

    paths = path if isinstance(path, list) else corpus_files(path)
    files = [f for p in paths for f in corpus_files(p)]
    rows: dict[str, list[dict[str, Any]]] = {s: [] for s in SPLITS}
    for f in files:
        for rec in read_jsonl(f):
            rows[rec["meta"]["split"]].append(_flat(rec))
    features = FEATURES()
    return datasets.DatasetDict(
        {
            s: datasets.Dataset.from_list(r, features=features)
            if r
            else datasets.Dataset.from_dict({k: [] for k in features}, features=features)
            for s, r in rows.items()
        }
    )


def FEATURES() -> Any:  # noqa: N802 - a constant, built lazily (datasets is heavy to import)
    import datasets as ds

    return ds.Features(
        {
            "id": ds.Value("string"),
            "text": ds.Value("string"),
            "spans": [
                {"start": ds.Value("int32"), "end": ds.Value("int32"), "label": ds.ClassLabel(names=list(LABELS))}
            ],
            "layout": ds.Value("string"),
            "origin": ds.Value("string"),
            "split": ds.Value("string"),
            "decisions": ds.Value("string"),  # JSON: nested citations vary in shape
            "case": ds.Value("string"),
        }
    )


def _flat(rec: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": rec["id"],
        "text": rec["text"],
        "spans": [{"start": s["start"], "end": s["end"], "label": s["label"]} for s in rec["spans"]],
        "layout": rec["meta"]["layout"],
        "origin": rec["meta"]["origin"],
        "split": rec["meta"]["split"],
        "decisions": json.dumps(rec.get("decisions") or []),
        "case": json.dumps(rec.get("case") or {}),
    }


def to_docbin(
    records: Iterable[dict[str, Any]], nlp: Any = None, spans_key: str = "sc", labels: Iterable[str] = LABELS
) -> Any:
    """spaCy DocBin of the records with their gold spans of `labels` in ``doc.spans[spans_key]``."""
    from spacy.tokens import DocBin

    db = DocBin(store_user_data=False)
    for doc in _gold_docs(records, nlp, spans_key, labels):
        db.add(doc)
    return db


def write_docbins(
    records: Iterable[dict[str, Any]],
    directory: str | Path,
    nlp: Any = None,
    spans_key: str = "sc",
    labels: Iterable[str] = LABELS,
    per_file: int = 2000,
) -> list[Path]:
    """The records as DocBin files of `per_file` documents each (``0000.spacy``, ``0001.spacy``
    ...) in `directory`, replacing any there; spaCy's corpus reader reads a directory's files in
    name order. A DocBin is serialised whole in memory, so tens of thousands of letters in one file
    take gigabytes to write (10 GB for the 24,000 training documents of ``imr-nlp train``)."""
    from spacy.tokens import DocBin

    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    for old in directory.glob("*.spacy"):
        old.unlink()
    paths: list[Path] = []
    db = DocBin(store_user_data=False)
    for doc in _gold_docs(records, nlp, spans_key, labels):
        db.add(doc)
        if len(db) == per_file:
            paths.append(directory / f"{len(paths):04d}.spacy")
            db.to_disk(paths[-1])
            db = DocBin(store_user_data=False)
    if len(db) or not paths:
        paths.append(directory / f"{len(paths):04d}.spacy")
        db.to_disk(paths[-1])
    return paths


def _gold_docs(records: Iterable[dict[str, Any]], nlp: Any, spans_key: str, labels: Iterable[str]) -> Iterator[Any]:
    """One Doc per record, its gold spans of `labels` in ``doc.spans[spans_key]``; a record given
    more than once (a letter repeated for weight) is tokenised once."""
    import spacy

    nlp = nlp or spacy.blank("en")
    labels = set(labels)
    made: dict[int, tuple[dict[str, Any], Any]] = {}  # the record is kept so that its id is not reused
    for rec in records:
        if id(rec) not in made:
            doc = nlp.make_doc(rec["text"])
            spans = (
                doc.char_span(s["start"], s["end"], label=s["label"], alignment_mode="expand")
                for s in rec["spans"]
                if s["label"] in labels
            )
            doc.spans[spans_key] = [span for span in spans if span is not None]
            made[id(rec)] = (rec, doc)
        yield made[id(rec)][1]


def statistics(records: Iterable[dict[str, Any]]) -> dict[str, Any]:
    """Letters, tokens (whitespace-separated) and spans per label, by split, layout and origin."""
    stats: dict[str, Any] = {}
    for rec in records:
        m = rec["meta"]
        for key in (("split", m["split"]), ("layout", m["layout"]), ("origin", m["origin"])):
            s = stats.setdefault(key[0], {}).setdefault(key[1], {"letters": 0, "tokens": 0, **dict.fromkeys(LABELS, 0)})
            s["letters"] += 1
            s["tokens"] += len(rec["text"].split())
            for label, n in Counter(sp["label"] for sp in rec["spans"]).items():
                s[label] += n
    return stats


# --- annotation tools -------------------------------------------------------------------


def _record(
    text: str, spans: list[tuple[int, int, str]], rid: str, meta: dict[str, Any] | None = None
) -> dict[str, Any]:
    return {
        "id": rid,
        "text": text,
        "spans": [{"start": a, "end": b, "label": lab} for a, b, lab in sorted(set(spans))],
        "decisions": [],
        "case": {},
        "meta": {"layout": "unknown", "origin": "hand-written", "split": "train", **(meta or {})},
    }


def from_prodigy(lines: Iterable[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    """Prodigy JSONL (``spans: [{start, end, label}]``); only ``answer == "accept"``."""
    for i, ex in enumerate(lines):
        if ex.get("answer", "accept") != "accept":
            continue
        spans = [(s["start"], s["end"], s["label"]) for s in ex.get("spans", [])]
        yield _record(
            ex["text"],
            spans,
            str(ex.get("meta", {}).get("id") or ex.get("_input_hash") or f"prodigy-{i}"),
            ex.get("meta"),
        )


def from_doccano(lines: Iterable[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    """doccano JSONL: ``label: [[start, end, LABEL]]`` or ``entities: [{start_offset, end_offset, label}]``."""
    for i, ex in enumerate(lines):
        if "entities" in ex:
            spans = [(e["start_offset"], e["end_offset"], e["label"]) for e in ex["entities"]]
        else:
            spans = [(a, b, lab) for a, b, lab in ex.get("label", [])]
        yield _record(ex["text"], spans, str(ex.get("id", f"doccano-{i}")))


def from_label_studio(tasks: list[dict[str, Any]], text_key: str = "text") -> Iterator[dict[str, Any]]:
    """Label Studio JSON export: ``annotations[].result[].value.{start,end,labels}``; cancelled
    annotations are skipped."""
    for i, task in enumerate(tasks):
        text = task["data"][text_key]
        spans = []
        for ann in task.get("annotations", []):
            if ann.get("was_cancelled"):
                continue
            for res in ann.get("result", []):
                v = res.get("value", {})
                for label in v.get("labels", []):
                    spans.append((v["start"], v["end"], label))
        yield _record(text, spans, str(task.get("id", f"label-studio-{i}")))


def read_annotations(path: str | Path) -> list[dict[str, Any]]:
    """Corpus records from a Prodigy, doccano or Label Studio export (format detected)."""
    p = Path(path)
    raw = p.read_text("utf-8")
    if raw.lstrip().startswith("["):
        return list(from_label_studio(json.loads(raw)))
    lines = [json.loads(ln) for ln in raw.splitlines() if ln.strip()]
    if lines and all("meta" in ln and "split" in ln.get("meta", {}) and "id" in ln for ln in lines):
        return lines  # already corpus records
    if lines and ("label" in lines[0] or "entities" in lines[0]) and "spans" not in lines[0]:
        return list(from_doccano(lines))
    return list(from_prodigy(lines))


def to_prodigy(records: Iterable[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    """Prodigy JSONL tasks (pre-annotated spans) for correction in ``spans.manual``."""
    for rec in records:
        yield {
            "text": rec["text"],
            "spans": [{"start": s["start"], "end": s["end"], "label": s["label"]} for s in rec["spans"]],
            "meta": {"id": rec["id"], **{k: v for k, v in rec.get("meta", {}).items() if isinstance(v, str)}},
        }


def spans_from_mentions(text: str, mentions: dict[str, list[str]]) -> list[tuple[int, int, str]]:
    """Spans for every occurrence of each listed mention (whitespace-flexible, case-sensitive),
    the way the hand-written letters are labelled."""
    out = []
    for label, items in mentions.items():
        for m_text in items:
            pattern = r"(?<![\w])" + r"\s+".join(re.escape(w) for w in m_text.split()) + r"(?![\w])"
            found = list(re.finditer(pattern, text))
            if not found:
                raise CorpusError(f"{label} mention {m_text!r} is not in the text")
            out.extend((m.start(), m.end(), label) for m in found)
    return out


def resolve_overlaps(spans: Iterable[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """One span per label where spans of a label overlap: the longer (then earlier) stands."""
    kept: list[tuple[int, int, str]] = []
    taken: dict[str, list[tuple[int, int]]] = {}
    for a, b, label in sorted(set(spans), key=lambda s: (s[0] - s[1], s[0])):
        if all(b <= x or y <= a for x, y in taken.get(label, [])):
            kept.append((a, b, label))
            taken.setdefault(label, []).append((a, b))
    return sorted(kept)


def _find(text: str, needle: str, start: int = 0) -> tuple[int, int]:
    pattern = r"\s+".join(re.escape(w) for w in needle.split())
    m = re.compile(pattern).search(text, start)
    if not m:
        raise CorpusError(f"{needle!r} not found in the text after offset {start}")
    return m.span()


def _find_all(text: str, needle: str) -> list[tuple[int, int]]:
    """Every place `needle` is written in `text` (any whitespace between its words); at least one."""
    pattern = re.compile(r"\s+".join(re.escape(w) for w in needle.split()))
    spans = [m.span() for m in pattern.finditer(text)]
    if not spans:
        raise CorpusError(f"{needle!r} not found in the text")
    return spans


def build_handwritten(folder: str | Path) -> list[dict[str, Any]]:
    """Corpus records for the hand-labelled letters in `folder` (``labels.json`` + ``*.txt``)."""
    from imr_nlp.facts import qualification_ranges
    from imr_nlp.guidelines import citation_section

    folder = Path(folder)
    labels = json.loads((folder / "labels.json").read_text("utf-8"))["letters"]
    records = []
    for name, lab in sorted(labels.items()):
        text = (folder / name).read_text("utf-8")
        mentions = {k: list(v) for k, v in lab["mentions"].items()}
        mentions.setdefault("TREATMENT", []).extend(d["item"] for d in lab["decisions"])
        mentions.setdefault("GUIDELINE", []).extend(c["text"] for d in lab["decisions"] for c in d["citations"])
        spans = resolve_overlaps(spans_from_mentions(text, mentions))
        cites = [(a, b) for a, b, lab_ in spans if lab_ == "GUIDELINE"]
        criteria = [_find(text, sentence) for sentence in lab.get("criteria", [])]
        # a condition word naming a service ("tinnitus retraining therapy"): ANNOTATION_NOTES 19
        criteria += [span for phrase in lab.get("service_names", []) for span in _find_all(text, phrase)]
        # a guideline's own words ("Drug testing, page 43") and the reviewer's specialty ("Hand
        # Surgery") are not mentions of the patient's care, nor is a condition a guideline
        # statement names as its criterion
        cites += qualification_ranges(text)
        spans = [
            s
            for s in spans
            if not (s[2] in ("DIAGNOSIS", "TREATMENT") and any(x <= s[0] and s[1] <= y for x, y in cites))
            and not (s[2] == "DIAGNOSIS" and any(x <= s[0] and s[1] <= y for x, y in criteria))
            # a drug or operation named inside a condition's name ("NSAID-induced gastritis", "failed
            # back surgery syndrome") is part of that name, not a mention of its own
            and not (s[2] == "TREATMENT" and any(d[2] == "DIAGNOSIS" and d[0] <= s[0] and s[1] <= d[1] for d in spans))
        ]
        decisions, cursor = [], 0
        for d in lab["decisions"]:
            a, b = _find(text, d["item"])
            cursor = max(cursor, a)
            cites = []
            for c in d["citations"]:
                s, e = _find(text, c["text"], cursor)
                cursor = e
                norm = " ".join(text[s:e].split()).replace("- ", "")
                cites.append({**c, "section": citation_section(norm), "text": norm, "span": [s, e]})
            decisions.append(
                {
                    "item": d["item"],
                    "item_span": [a, b],
                    "decision": d["decision"],
                    "medically_necessary": d["decision"] == "overturned",
                    "citations": cites,
                    "rationale": None,
                }
            )
        records.append(
            {
                "id": name.removesuffix(".txt"),
                "text": text,
                "spans": [{"start": a, "end": b, "label": lab_} for a, b, lab_ in spans],
                "decisions": decisions,
                "case": lab["case"],
                "meta": {
                    "layout": lab["layout"],
                    "origin": lab["origin"],
                    "split": lab["split"],
                    "source": f"{folder.name}/{name}",
                },
            }
        )
    return records
