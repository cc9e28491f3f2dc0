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
    output: Annotated[Path | None, typer.Option("-o", "--output", help="write here instead of stdout")] = None,  # noqa: UP007
    fmt: Annotated[
        OutputFormat | None,  # noqa: UP007
        typer.Option(
            "--format", "-f", help="jsonl (default; one record per letter) or csv/parquet (one row per decision)"
        ),
    ] = None,
    model: Annotated[Path | None, typer.Option(help="a saved pipeline directory (default: built-in)")] = None,  # noqa: UP007
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


@app.command()
def version() -> None:
    """Print the imr_nlp version."""
    from imr_nlp import __version__

    typer.echo(__version__)


def main() -> None:
    app(prog_name="imr-nlp")


if __name__ == "__main__":
    sys.exit(main())
