"""Writes notebooks/analytics.ipynb (outputs stripped) from the cells below: edit here, re-run."""

from pathlib import Path

import nbformat

CELLS = [
    (
        "md",
        """# From letters to answers

Which treatments are overturned most often, under which guideline pages, by which reviewer
specialties, and how long from the UR denial to the IMR decision? This walk-through loads letters
with `datasets`, extracts them with `imr_nlp`, and answers with pandas and matplotlib.

It runs on the synthetic and example letters shipped in `corpora/` (they carry no real-world
signal: the numbers below are a demonstration, not findings). Point `FILES` at the public archive (text or
PDF files) to run it on real letters.""",
    ),
    (
        "code",
        """from pathlib import Path

import datasets
import matplotlib.pyplot as plt
import pandas as pd

import imr_nlp

ROOT = Path.cwd() if (Path.cwd() / "corpora").exists() else Path.cwd().parent
N = 300  # synthetic letters
synthetic = datasets.load_dataset("json", data_files=str(ROOT / "corpora" / "synthetic.jsonl.gz"), split=f"train[:{N}]")
examples = sorted((ROOT / "corpora" / "examples").glob("*.txt"))
letters = datasets.concatenate_datasets([
    synthetic.select_columns(["id", "text"]),
    datasets.Dataset.from_dict({"id": [p.stem for p in examples], "text": [p.read_text() for p in examples]}),
])
letters""",
    ),
    ("md", "## Extract\nOne `Determination` per letter; `rows()` flattens it to one row per disputed item."),
    (
        "code",
        """nlp = imr_nlp.load()
records = list(imr_nlp.extract_many(letters["text"], nlp, sources=letters["id"], n_process=1))
df = pd.DataFrame([row for r in records for row in r.rows()])
print(f"{len(records)} letters, {len(df)} decisions, {sum(not r.ok for r in records)} failed")
df[["source", "layout", "item", "decision", "reviewer_specialty", "reviewer_pages"]].head()""",
    ),
    ("md", "## Decisions per treatment category and overturn rate"),
    (
        "code",
        """CATEGORIES = {
    "drug": r"\\d\\s*(?:mg|mcg|%|gm|ml)|#\\d|patch|cream|gel|tablet|refill",
    "imaging/diagnostics": r"\\bMRI\\b|CT scan|x-ray|EMG|NCV|nerve conduction|bone scan|urine drug|evaluation",
    "injection": r"injection|block|ablation|Synvisc",
    "therapy": r"therapy|chiropractic|acupuncture|sessions|visits",
    "surgery": r"arthroscopy|ectomy|fusion|release|arthroplasty|decompression",
    "DME": r"unit|brace|support|traction|sling",
    "consultation/program": r"consult|program|follow-up|home health",
}

def category(item: str) -> str:
    for name, pattern in CATEGORIES.items():
        if pd.Series([item]).str.contains(pattern, case=False, regex=True).iloc[0]:
            return name
    return "other"

df["category"] = df["item"].map(category)
by_cat = df.groupby("category").agg(decisions=("decision", "size"), overturned=("medically_necessary", "mean"))
by_cat.sort_values("decisions", ascending=False)""",
    ),
    (
        "code",
        """ax = by_cat.sort_values("overturned").plot.barh(y="overturned", legend=False, figsize=(6, 3))
ax.set_xlabel("share overturned")
ax.set_title("Overturn rate by treatment category")
plt.tight_layout()""",
    ),
    ("md", "## By guideline and page\nOne row per (decision, reviewer-cited page)."),
    (
        "code",
        """pages = df.explode("reviewer_pages").dropna(subset=["reviewer_pages"])
pages["guideline"] = df.loc[pages.index, "reviewer_guidelines"].map(lambda g: g[0] if len(g) else None)
top_pages = (pages.groupby(["guideline", "reviewer_pages"])
             .agg(decisions=("decision", "size"), overturned=("medically_necessary", "mean"))
             .sort_values("decisions", ascending=False).head(10))
top_pages""",
    ),
    ("md", "## By reviewer specialty"),
    (
        "code",
        """by_spec = (df.groupby("reviewer_specialty")
           .agg(decisions=("decision", "size"), overturned=("medically_necessary", "mean"))
           .sort_values("decisions", ascending=False))
ax = by_spec.head(8).plot.bar(y="overturned", legend=False, figsize=(7, 3))
ax.set_ylabel("share overturned")
plt.tight_layout()
by_spec.head(8)""",
    ),
    ("md", "## Time from UR denial to IMR decision"),
    (
        "code",
        """letters_df = df.drop_duplicates("source").copy()
days = (pd.to_datetime(letters_df["decision_date"]) - pd.to_datetime(letters_df["ur_denial_date"])).dt.days
ax = days.plot.hist(bins=20, figsize=(6, 3))
ax.set_xlabel("days from UR denial to IMR decision")
days.describe()""",
    ),
    ("md", "## One letter's spans\nEvery entity of the record, all labels, rendered with displaCy's span style."),
    (
        "code",
        """from IPython.display import HTML
from spacy import displacy

doc = nlp(letters[0]["text"])
ents = imr_nlp.Determination.from_doc(doc, "letter").entities
doc.spans["all"] = [doc.char_span(e.start, e.end, label=e.label, alignment_mode="expand") for e in ents]
html = displacy.render(doc[:400], style="span", options={"spans_key": "all"}, jupyter=False)
HTML(html)""",
    ),
]


def main() -> None:
    nb = nbformat.v4.new_notebook()
    nb.cells = [
        nbformat.v4.new_markdown_cell(src) if kind == "md" else nbformat.v4.new_code_cell(src) for kind, src in CELLS
    ]
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nbformat.write(nb, Path(__file__).with_name("analytics.ipynb"))


if __name__ == "__main__":
    main()
