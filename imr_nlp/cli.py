"""``imr-nlp`` command line: thin wrappers over the library's functions."""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from imr_nlp.reader import DEFAULT_MAX_BYTES, DEFAULT_MAX_PAGES, expand_paths

app = typer.Typer(add_completion=False, no_args_is_help=True, help="IMR determination letters -> data.")


class OutputFormat(str, Enum):
    jsonl = "jsonl"
    csv = "csv"
    parquet = "parquet"


@app.command()
def extract(
    paths: Annotated[list[str], typer.Argument(help=".txt or .pdf files, directories (recursive), or - for stdin")],
    output: Annotated[Path | None, typer.Option("-o", "--output", help="write here instead of stdout")] = None,
    fmt: Annotated[
        OutputFormat | None,
        typer.Option(
            "--format", "-f", help="jsonl (default; one record per letter) or csv/parquet (one row per decision)"
        ),
    ] = None,
    model: Annotated[Path | None, typer.Option(help="a saved pipeline directory (default: built-in)")] = None,
    workers: Annotated[int, typer.Option(help="processes for nlp.pipe")] = 1,
    batch_size: Annotated[int, typer.Option(help="letters per batch")] = 32,
    max_bytes: Annotated[
        int, typer.Option(help="inputs larger than this fail with error too_large")
    ] = DEFAULT_MAX_BYTES,
    max_pages: Annotated[
        int, typer.Option(help="PDFs with more pages fail with error too_many_pages")
    ] = DEFAULT_MAX_PAGES,
) -> None:
    """Extract one record per letter. Exits 1 at the end if any input failed (records still written)."""
    from imr_nlp.pipeline import extract_many, load
    from imr_nlp.writers import write_records

    if fmt is None:
        suffix = output.suffix.lower().lstrip(".") if output else ""
        fmt = OutputFormat(suffix) if suffix in OutputFormat.__members__ else OutputFormat.jsonl
    if fmt is OutputFormat.parquet and output is None:
        raise typer.BadParameter("parquet needs an output file (-o results.parquet)")
    nlp = load(model)
    files = [Path(p) for p in expand_paths(paths)]  # Path("-") is standard input
    records = extract_many(
        files, nlp, n_process=workers, batch_size=batch_size, max_bytes=max_bytes, max_pages=max_pages
    )
    counts = write_records(records, output, fmt.value)
    typer.echo(f"imr-nlp: {counts['ok']} ok, {counts['failed']} failed", err=True)
    if counts["failed"]:
        raise typer.Exit(1)


corpus_app = typer.Typer(no_args_is_help=True, help="The labelled corpus: build, validate, convert, import, export.")
app.add_typer(corpus_app, name="corpus")


@corpus_app.command("validate")
def corpus_validate(files: Annotated[list[Path], typer.Argument(help="corpus JSONL files")]) -> None:
    """Check records: offsets, labels, whitespace at span edges, same-label overlaps. Exits 1 on problems."""
    from imr_nlp.corpus import validate_file

    problems = [p for f in files for p in validate_file(f)]
    for p in problems:
        typer.echo(p)
    typer.echo(f"{len(problems)} problem(s) in {len(files)} file(s)", err=True)
    if problems:
        raise typer.Exit(1)


@corpus_app.command("build")
def corpus_build(
    out: Annotated[Path, typer.Option(help="corpus folder")] = Path("corpora"),
    n: Annotated[int, typer.Option(help="synthetic letters")] = 3000,
    seed: Annotated[int, typer.Option(help="generator seed")] = 0,
) -> None:
    """Write corpora/handwritten.jsonl (from corpora/examples) and corpora/synthetic.jsonl.gz."""
    from imr_nlp.corpus import assign_splits, build_handwritten, write_jsonl
    from imr_nlp.synth import generate

    hand = build_handwritten(out / "examples")
    write_jsonl(hand, out / "handwritten.jsonl")
    synth = list(generate(n, seed))
    assign_splits(synth)
    write_jsonl(synth, out / "synthetic.jsonl.gz")
    typer.echo(f"{len(hand)} hand-labelled and {len(synth)} synthetic letters written to {out}", err=True)


@corpus_app.command("stats")
def corpus_stats(files: Annotated[list[Path], typer.Argument(help="corpus JSONL files")]) -> None:
    """Letters, tokens and spans per label, by split, layout and origin (JSON)."""
    import json

    from imr_nlp.corpus import read_jsonl, statistics

    typer.echo(json.dumps(statistics(r for f in files for r in read_jsonl(f)), indent=2))


@corpus_app.command("to-spacy")
def corpus_to_spacy(
    files: Annotated[list[Path], typer.Argument(help="corpus JSONL files")],
    output: Annotated[Path, typer.Option("-o", "--output", help="folder for train/dev/test .spacy files")] = Path(
        "training/corpus"
    ),
) -> None:
    """Convert to spaCy DocBin files, one per split, with gold spans in doc.spans["sc"]."""
    from imr_nlp.corpus import SPLITS, read_jsonl, to_docbin

    output.mkdir(parents=True, exist_ok=True)
    records = [r for f in files for r in read_jsonl(f)]
    for split in SPLITS:
        part = [r for r in records if r["meta"]["split"] == split]
        to_docbin(part).to_disk(output / f"{split}.spacy")
        typer.echo(f"{split}: {len(part)} letters -> {output / (split + '.spacy')}", err=True)


@corpus_app.command("import")
def corpus_import(
    file: Annotated[Path, typer.Argument(help="Prodigy / doccano JSONL or Label Studio JSON export")],
    output: Annotated[Path, typer.Option("-o", "--output")],
    split: Annotated[str, typer.Option(help="split to record for the imported letters")] = "train",
) -> None:
    """Import span annotations from an annotation tool as corpus records (validated)."""
    from imr_nlp.corpus import read_annotations, record_problems, write_jsonl

    records = read_annotations(file)
    for r in records:
        r["meta"]["split"] = split
        if problems := record_problems(r):
            raise typer.BadParameter(f"{r['id']}: {'; '.join(problems)}")
    write_jsonl(records, output)
    typer.echo(f"{len(records)} letters imported to {output}", err=True)


@corpus_app.command("export-prodigy")
def corpus_export_prodigy(
    files: Annotated[list[Path], typer.Argument(help=".txt/.pdf letters or corpus JSONL")],
    output: Annotated[Path, typer.Option("-o", "--output")],
    model: Annotated[Path | None, typer.Option(help="pipeline that pre-annotates")] = None,
) -> None:
    """Pre-annotate letters with the pipeline and write Prodigy JSONL tasks for correction."""
    from imr_nlp.corpus import to_prodigy, write_jsonl
    from imr_nlp.pipeline import extract_many, load

    nlp = load(model)
    records = []
    for r in extract_many([Path(p) for p in expand_paths([str(f) for f in files])], nlp):
        if r.error is None:
            spans = [{"start": e.start, "end": e.end, "label": e.label} for e in r.entities]
            records.append({"id": r.source, "text": _text_of(r.source), "spans": spans, "meta": {"source": r.source}})
    write_jsonl(to_prodigy(records), output)
    typer.echo(f"{len(records)} tasks written to {output}", err=True)


def _text_of(source: str) -> str:
    from imr_nlp.reader import read_path

    return read_path(source).text


@app.command()
def version() -> None:
    """Print the imr_nlp version."""
    from imr_nlp import __version__

    typer.echo(__version__)


def main() -> None:
    app(prog_name="imr-nlp")


if __name__ == "__main__":
    sys.exit(main())
