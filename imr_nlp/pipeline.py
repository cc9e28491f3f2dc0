"""Loading the pipeline and extracting records: the library's main entry points."""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator
from importlib import resources
from pathlib import Path

import spacy
from spacy.language import Language

from imr_nlp import factories as _factories  # noqa: F401  (registers components and extensions)
from imr_nlp import patterns as _patterns  # noqa: F401  (registers pattern readers and filters)
from imr_nlp.reader import DEFAULT_MAX_BYTES, DEFAULT_MAX_CHARS, DEFAULT_MAX_PAGES, InputError, Letter, read_path
from imr_nlp.record import Determination

Source = str | os.PathLike[str]
_IMR_WORDS = re.compile(
    r"independent\s*medical\s*review|\bIMR\b|maximus|medically\s*necessary|\bupheld\b|\boverturned\b|"
    r"utilization\s*review|claims\s*administrator",
    re.IGNORECASE,
)


def rules_config() -> spacy.Config:
    """The config of the rules-only pipeline (``imr_nlp/configs/rules.cfg``)."""
    text = resources.files("imr_nlp").joinpath("configs/rules.cfg").read_text("utf-8")
    return spacy.util.load_config_from_str(text)


def build_rules_pipeline() -> Language:
    """A fresh rules-only pipeline, initialised from the patterns and lexicons in the package."""
    nlp = spacy.util.load_model_from_config(rules_config(), auto_fill=True, validate=True)
    nlp.initialize()
    return nlp


def default_model_path() -> Path | None:
    """The shipped trained pipeline (the ``imr_nlp_model`` package), if it is installed."""
    try:
        import imr_nlp_model
    except ImportError:
        return None
    path = imr_nlp_model.path()
    return path if (path / "meta.json").exists() else None


def load(path: Source | None = None, *, rules_only: bool = False) -> Language:
    """The imr_nlp pipeline.

    `path`: a saved pipeline directory (``spacy.load(path)`` gives the same). Default: the
    shipped trained pipeline (rules + span categoriser + linker); with `rules_only`, or when no
    trained pipeline is installed, the rules-only pipeline.
    """
    if path is not None:
        return spacy.load(path)
    if not rules_only and (model := default_model_path()) is not None:
        return spacy.load(model)
    return build_rules_pipeline()


def looks_like_imr_letter(text: str) -> bool:
    """Whether `text` mentions anything an IMR determination letter always contains."""
    return _IMR_WORDS.search(text) is not None


def _record(doc: spacy.tokens.Doc, letter: Letter) -> Determination:
    if doc._.error:
        return Determination.failed(letter.source, doc._.error["type"], doc._.error["message"], letter.warnings)
    if not doc._.decisions and doc._.layout == "unknown" and not looks_like_imr_letter(letter.text):
        return Determination.failed(
            letter.source, "not_imr_letter", "text does not look like an IMR determination letter", letter.warnings
        )
    return Determination.from_doc(doc, letter.source, letter.warnings)


def _is_path(x: object) -> bool:
    if isinstance(x, os.PathLike):
        return True
    if not isinstance(x, str) or "\n" in x or len(x) >= 4096:
        return False
    try:
        return Path(x).is_file()
    except (OSError, ValueError):  # a name too long, or with NUL bytes, is text
        return False


def extract(
    text_or_path: str | os.PathLike[str],
    nlp: Language | None = None,
    *,
    source: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_pages: int = DEFAULT_MAX_PAGES,
    max_chars: int = DEFAULT_MAX_CHARS,
) -> Determination:
    """One letter (its text, or the path of a .txt/.pdf file) -> a :class:`Determination`.

    A ``str`` naming an existing file is read as a path, any other ``str`` is the letter's text;
    ``Path("-")`` reads standard input.

    Never raises for bad input: the record's ``error`` says what went wrong.
    """
    return next(
        extract_many(
            [text_or_path],
            nlp,
            sources=[source] if source else None,
            max_bytes=max_bytes,
            max_pages=max_pages,
            max_chars=max_chars,
        )
    )


def _read(
    item: str | os.PathLike[str], source: str | None, max_bytes: int, max_pages: int, max_chars: int
) -> Letter | Determination:
    try:
        if _is_path(item):
            letter = read_path(item, max_bytes, max_pages)
            if source:
                letter.source = source
            if len(letter.text) > max_chars:
                raise InputError(
                    "too_many_chars", f"letter text has {len(letter.text):,} characters, over {max_chars:,} (max_chars)"
                )
            return letter
        text = str(item)
        if len(text.encode("utf-8", "surrogatepass")) > max_bytes:
            raise InputError("too_large", f"text is over the limit of {max_bytes:,} bytes (max_bytes)")
        if not text.strip():
            raise InputError("empty", "input is empty (no text)")
        if len(text) > max_chars:
            raise InputError(
                "too_many_chars", f"letter text has {len(text):,} characters, over {max_chars:,} (max_chars)"
            )
        return Letter(source or "<text>", text)
    except InputError as exc:
        return Determination.failed(source or str(item)[:200], exc.type, exc.message)


def extract_many(
    inputs: Iterable[str | os.PathLike[str]],
    nlp: Language | None = None,
    *,
    sources: Iterable[str] | None = None,
    n_process: int = 1,
    batch_size: int = 32,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_pages: int = DEFAULT_MAX_PAGES,
    max_chars: int = DEFAULT_MAX_CHARS,
) -> Iterator[Determination]:
    """Records for many letters (texts or paths), in input order, streaming.

    Every input yields exactly one record; unreadable inputs yield records with ``error`` set
    and the batch goes on.
    """
    nlp = nlp or load()
    nlp.max_length = max(nlp.max_length, max_chars)  # the limit is ours (max_chars), not spaCy's default
    src_iter = iter(sources) if sources is not None else None

    def read_all() -> Iterator[tuple[str, Letter | Determination]]:
        for item in inputs:
            src = next(src_iter) if src_iter is not None else None
            got = _read(item, src, max_bytes, max_pages, max_chars)
            # failed inputs still flow through the pipe (as empty text) to keep their place
            yield (got.text if isinstance(got, Letter) else ""), got

    stream = read_all()
    while True:
        pending: list[Letter | Determination] = []
        try:
            for doc, ctx in nlp.pipe(
                _tracked(stream, pending), as_tuples=True, n_process=n_process, batch_size=batch_size
            ):
                pending.pop(0)
                yield ctx if isinstance(ctx, Determination) else _record(doc, ctx)
            return
        except Exception as exc:  # noqa: BLE001 - one bad letter must not end the batch
            if not pending:
                raise
            bad = pending.pop(0)
            yield Determination.failed(
                bad.source, "internal_error", f"pipeline failed on this input: {type(exc).__name__}: {exc}"
            )
            # the inputs read but not yet processed go round again
            stream = _chain_pending(pending, stream)


def _tracked(
    stream: Iterator[tuple[str, Letter | Determination]], pending: list[Letter | Determination]
) -> Iterator[tuple[str, Letter | Determination]]:
    """Pass `stream` through, remembering in `pending` what went in and has not come out."""
    for text, ctx in stream:
        pending.append(ctx)
        yield text, ctx


def _chain_pending(
    pending: list[Letter | Determination], rest: Iterator[tuple[str, Letter | Determination]]
) -> Iterator[tuple[str, Letter | Determination]]:
    for ctx in list(pending):
        yield (ctx.text if isinstance(ctx, Letter) else ""), ctx
    yield from rest
