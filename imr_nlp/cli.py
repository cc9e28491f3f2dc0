"""``imr-nlp`` command line: thin wrappers over the library's functions."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from enum import Enum
from pathlib import Path
from typing import Annotated, Any

import typer

from imr_nlp.budget import DEFAULT_TIME_BUDGET
from imr_nlp.reader import DEFAULT_MAX_BYTES, DEFAULT_MAX_CHARS, DEFAULT_MAX_PAGES, expand_paths
from imr_nlp.train import DEFAULT_CONFIG, DEFAULT_CORPUS, DEFAULT_REALISTIC_WEIGHT

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
    model: Annotated[Path | None, typer.Option(help="a saved pipeline directory (default: the shipped model)")] = None,
    rules_only: Annotated[bool, typer.Option("--rules-only", help="use the rules-only pipeline")] = False,
    workers: Annotated[int, typer.Option(help="worker processes (each reads and processes letters)")] = 1,
    batch_size: Annotated[int, typer.Option(help="letters per batch")] = 32,
    max_bytes: Annotated[
        int, typer.Option(help="inputs larger than this fail with error too_large")
    ] = DEFAULT_MAX_BYTES,
    max_pages: Annotated[
        int, typer.Option(help="PDFs with more pages fail with error too_many_pages")
    ] = DEFAULT_MAX_PAGES,
    max_chars: Annotated[
        int, typer.Option(help="letters with more characters fail with error too_many_chars")
    ] = DEFAULT_MAX_CHARS,
    time_budget: Annotated[
        float, typer.Option(help="seconds per letter (reading plus the whole pipeline) before error timeout; 0: none")
    ] = DEFAULT_TIME_BUDGET,
    resume: Annotated[
        bool, typer.Option("--resume", help="skip sources already in the output; keep its records")
    ] = False,
) -> None:
    """Extract one record per letter. Exits 1 at the end if any input failed (records still written)."""
    from imr_nlp.pipeline import extract_many, load
    from imr_nlp.writers import done_sources, write_records

    if fmt is None:
        suffix = output.suffix.lower().lstrip(".") if output else ""
        fmt = OutputFormat(suffix) if suffix in OutputFormat.__members__ else OutputFormat.jsonl
    if fmt is OutputFormat.parquet and output is None:
        raise typer.BadParameter("parquet needs an output file (-o results.parquet)")
    nlp = load(model, rules_only=rules_only)
    files = [Path(p) for p in expand_paths(paths)]  # Path("-") is standard input
    skipped = 0
    if resume and output is not None:
        done = done_sources(output, fmt.value)
        todo = [f for f in files if str(f) not in done]
        skipped, files = len(files) - len(todo), todo
    records = extract_many(
        files,
        nlp,
        n_process=workers,
        batch_size=batch_size,
        max_bytes=max_bytes,
        max_pages=max_pages,
        max_chars=max_chars,
        time_budget=time_budget or None,
    )
    counts = write_records(with_progress(records, len(files)), output, fmt.value, resume=resume)
    typer.echo(f"imr-nlp: {counts['ok']} ok, {counts['failed']} failed, {skipped} skipped", err=True)
    if counts["failed"]:
        raise typer.Exit(1)


def with_progress(records: Iterable[Any], total: int) -> Iterator[Any]:
    """Pass `records` through, with a progress bar (done, letters/s, ETA, failures) on a terminal."""
    if not sys.stderr.isatty():
        yield from records
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    failed = 0
    columns = (
        TextColumn("extract"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.speed} letters/s"),
        TimeRemainingColumn(),
        TextColumn("{task.fields[failed]} failed"),
    )
    with Progress(*columns, transient=False) as bar:
        task = bar.add_task("extract", total=total, failed=0)
        for r in records:
            failed += not r.ok
            bar.update(task, advance=1, failed=failed)
            yield r


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
    labels: Annotated[list[str], typer.Option("--label", help="labels to keep")] = ["DIAGNOSIS", "TREATMENT"],  # noqa: B006
) -> None:
    """Convert to spaCy DocBin files, one per split, with gold spans in doc.spans["sc"]."""
    import random

    from imr_nlp.corpus import SPLITS, read_jsonl, to_docbin

    output.mkdir(parents=True, exist_ok=True)
    records = [r for f in files for r in read_jsonl(f)]
    for split in SPLITS:
        part = [r for r in records if r["meta"]["split"] == split]
        if split == "train":  # the training config streams it in file order
            random.Random(0).shuffle(part)
        to_docbin(part, labels=labels).to_disk(output / f"{split}.spacy")
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


@app.command("train")
def train_cmd(
    extra: Annotated[
        list[Path],
        typer.Option("--extra", help="newly labelled letters (corpus JSONL or Prodigy/doccano/Label Studio export)"),
    ] = [],  # noqa: B006
    output: Annotated[Path, typer.Option("--output", "-o", help="training output folder")] = Path("training/output"),
    corpus: Annotated[list[Path], typer.Option("--corpus", help="corpus files")] = list(DEFAULT_CORPUS),  # noqa: B006
    config: Annotated[Path, typer.Option(help="spaCy training config")] = DEFAULT_CONFIG,
    max_steps: Annotated[int | None, typer.Option(help="override training.max_steps")] = None,
    realistic_weight: Annotated[
        int, typer.Option(help="times each non-synthetic letter is repeated")
    ] = DEFAULT_REALISTIC_WEIGHT,
    with_dev_letters: Annotated[
        bool, typer.Option("--with-dev-letters", help="train on the realistic dev letters too (a final model)")
    ] = False,
) -> None:
    """Train the span categoriser on the corpus (+ --extra letters), evaluate on the test split, and
    write a loadable pipeline to OUTPUT/model-best (scores in its meta.json)."""
    from imr_nlp.train import train

    overrides = {"training.max_steps": max_steps} if max_steps else {}
    best = train(
        corpus,
        extra,
        output,
        config,
        realistic_weight=realistic_weight,
        overrides=overrides,
        with_dev_letters=with_dev_letters,
    )
    typer.echo(f"trained pipeline: {best}", err=True)


@app.command("refresh-patterns")
def refresh_patterns_cmd(
    model: Annotated[Path | None, typer.Argument(help="pipeline directory (default: the shipped model)")] = None,
) -> None:
    """Put the current lexicons, patterns (imr_nlp/data) and tokenizer rules into a trained
    pipeline without retraining it."""
    from imr_nlp.pipeline import default_model_path
    from imr_nlp.train import refresh_rule_patterns

    target = model or default_model_path()
    if target is None:
        raise typer.BadParameter("no pipeline given and no shipped model installed")
    typer.echo(f"{refresh_rule_patterns(target)} patterns written to {target}", err=True)


@app.command("evaluate")
def evaluate_cmd(
    gold: Annotated[list[Path], typer.Argument(help="corpus JSONL file(s) or a folder of them")],
    model: Annotated[Path | None, typer.Option(help="pipeline directory (default: the shipped model)")] = None,
    rules_only: Annotated[bool, typer.Option("--rules-only", help="evaluate the rules-only pipeline")] = False,
    split: Annotated[str | None, typer.Option(help="only letters of this split (train/dev/test)")] = None,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="write the report as JSON")] = None,
    html: Annotated[Path | None, typer.Option(help="write an HTML report with plots")] = None,
    workers: Annotated[int, typer.Option(help="processes")] = 1,
) -> None:
    """Score the pipeline against gold letters: spans, decisions, citations, case facts."""
    import json

    from imr_nlp.corpus import corpus_files, read_jsonl
    from imr_nlp.evaluate import evaluate_pipeline, render_table
    from imr_nlp.pipeline import load

    records = [r for g in gold for f in corpus_files(g) for r in read_jsonl(f)]
    if split:
        records = [r for r in records if r["meta"]["split"] == split]
    report = evaluate_pipeline(records, load(model, rules_only=rules_only), n_process=workers)
    render_table(report)
    if output:
        output.write_text(json.dumps(report, indent=2))
    if html:
        from imr_nlp.report import write_html

        write_html(report, html)


@app.command()
def version() -> None:
    """Print the imr_nlp version."""
    from imr_nlp import __version__

    typer.echo(__version__)


def main() -> None:
    app(prog_name="imr-nlp")


if __name__ == "__main__":
    sys.exit(main())
