"""Loading the pipeline and extracting records: the library's main entry points."""

from __future__ import annotations

import multiprocessing
import os
import re
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from importlib import resources
from itertools import islice, repeat
from pathlib import Path

import spacy
from spacy.language import Language

from imr_nlp import factories as _factories  # noqa: F401  (registers components and extensions)
from imr_nlp import patterns as _patterns  # noqa: F401  (registers pattern readers and filters)
from imr_nlp.budget import DEFAULT_TIME_BUDGET, BudgetExceeded, time_limit
from imr_nlp.reader import DEFAULT_MAX_BYTES, DEFAULT_MAX_CHARS, DEFAULT_MAX_PAGES, InputError, Letter, read_path
from imr_nlp.record import Determination

MODEL_COMPONENTS = ("tok2vec", "spancat")  # the trained part of a saved pipeline; the rest are rules

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
    trained pipeline is installed, the rules-only pipeline. `path` with `rules_only`: that
    pipeline without its span categoriser (and the tok2vec that feeds it).
    """
    if path is not None:
        return spacy.load(path, exclude=list(MODEL_COMPONENTS)) if rules_only else spacy.load(path)
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


@dataclass(frozen=True)
class Limits:
    """What one letter may cost: input bytes, PDF pages, characters, and seconds (None: no limit)."""

    max_bytes: int = DEFAULT_MAX_BYTES
    max_pages: int = DEFAULT_MAX_PAGES
    max_chars: int = DEFAULT_MAX_CHARS
    time_budget: float | None = DEFAULT_TIME_BUDGET


def extract(
    text_or_path: str | os.PathLike[str],
    nlp: Language | None = None,
    *,
    source: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_pages: int = DEFAULT_MAX_PAGES,
    max_chars: int = DEFAULT_MAX_CHARS,
    time_budget: float | None = DEFAULT_TIME_BUDGET,
) -> Determination:
    """One letter (its text, or the path of a .txt/.pdf file) -> a :class:`Determination`.

    A ``str`` naming an existing file is read as a path, any other ``str`` is the letter's text;
    ``Path("-")`` reads standard input. Limits and the time budget are as for :func:`extract_many`.

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
            time_budget=time_budget,
        )
    )


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
    time_budget: float | None = DEFAULT_TIME_BUDGET,
) -> Iterator[Determination]:
    """Records for many letters (texts or paths), in input order, streaming.

    Every input yields exactly one record; an input that cannot be read or processed yields a
    record with ``error`` set, and the batch goes on.

    Limits: inputs over `max_bytes` bytes, PDFs over `max_pages` pages and texts over `max_chars`
    characters are refused; a letter still unfinished after `time_budget` seconds (reading and
    the whole pipeline; None: no limit) is stopped and fails with error ``timeout``. With
    `n_process` > 1, worker processes (each with its own copy of `nlp`) read and process
    `batch_size` letters at a time; a worker that dies (killed for memory, a crash in native code)
    costs the letters it had in hand error records of type ``worker_died``, and a new one takes over.
    """
    nlp = nlp or load()
    nlp.max_length = max(nlp.max_length, max_chars)  # the limit is ours (max_chars), not spaCy's default
    limits = Limits(max_bytes, max_pages, max_chars, time_budget)
    jobs = zip(inputs, repeat(None)) if sources is None else zip(inputs, sources, strict=True)
    if n_process <= 1:
        for item, source in jobs:
            yield _extract_one(nlp, item, source, limits)
    else:
        yield from _extract_parallel(jobs, nlp, limits, n_process, batch_size)


def _name(item: str | os.PathLike[str], source: str | None) -> str:
    return source or (str(item) if _is_path(item) else "<text>")


def _extract_one(nlp: Language, item: str | os.PathLike[str], source: str | None, limits: Limits) -> Determination:
    """One input -> one record, within the limits; never raises (except to stop the program)."""
    try:
        with time_limit(limits.time_budget):
            got = _read(item, source, limits)
            return got if isinstance(got, Determination) else _record(nlp(got.text), got)
    except BudgetExceeded:
        return Determination.failed(
            _name(item, source),
            "timeout",
            f"not finished within the time budget of {limits.time_budget:g} s (time_budget); the letter was skipped",
        )
    except Exception as exc:  # noqa: BLE001 - one bad letter must not end the batch
        return Determination.failed(
            _name(item, source), "internal_error", f"pipeline failed on this input: {type(exc).__name__}: {exc}"
        )


def _read(item: str | os.PathLike[str], source: str | None, limits: Limits) -> Letter | Determination:
    try:
        if _is_path(item):
            letter = read_path(item, limits.max_bytes, limits.max_pages)
            if source:
                letter.source = source
            text = letter.text
        else:
            text = str(item)
            if len(text.encode("utf-8", "surrogatepass")) > limits.max_bytes:
                raise InputError("too_large", f"text is over the limit of {limits.max_bytes:,} bytes (max_bytes)")
            if not text.strip():
                raise InputError("empty", "input is empty (no text)")
            letter = Letter(source or "<text>", text)
        if len(text) > limits.max_chars:
            raise InputError(
                "too_many_chars", f"letter text has {len(text):,} characters, over {limits.max_chars:,} (max_chars)"
            )
        return letter
    except InputError as exc:
        return Determination.failed(_name(item, source), exc.type, exc.message)


# --- worker processes -----------------------------------------------------------------------

_WORKER: tuple[Language, Limits] | None = None


def _init_worker(nlp: Language, limits: Limits) -> None:
    global _WORKER
    _WORKER = (nlp, limits)


def _work(chunk: list[tuple[str | os.PathLike[str], str | None]]) -> list[Determination]:
    assert _WORKER is not None, "worker not initialised"
    nlp, limits = _WORKER
    return [_extract_one(nlp, item, source, limits) for item, source in chunk]


def _chunks(jobs: Iterator[tuple], size: int) -> Iterator[list[tuple]]:
    while chunk := list(islice(jobs, size)):
        yield chunk


def _extract_parallel(
    jobs: Iterator[tuple], nlp: Language, limits: Limits, n_process: int, batch_size: int
) -> Iterator[Determination]:
    """Chunks of `batch_size` letters on `n_process` workers, in order, at most 2 chunks per worker in flight."""
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)  # fork: workers share nlp

    def new_pool() -> ProcessPoolExecutor:
        return ProcessPoolExecutor(n_process, mp_context=context, initializer=_init_worker, initargs=(nlp, limits))

    def collect(chunk: list[tuple], future: Future) -> list[Determination]:
        try:
            return future.result()
        except BrokenProcessPool:
            return [
                Determination.failed(
                    _name(item, source),
                    "worker_died",
                    "the worker process handling this letter died (out of memory, or a crash in native code); "
                    "the letter was not processed",
                )
                for item, source in chunk
            ]

    pool = new_pool()
    in_flight: deque[tuple[list[tuple], Future]] = deque()
    try:
        for chunk in _chunks(jobs, batch_size):
            try:
                future = pool.submit(_work, chunk)
            except BrokenProcessPool:
                pool.shutdown(wait=False, cancel_futures=True)
                pool = new_pool()
                future = pool.submit(_work, chunk)
            in_flight.append((chunk, future))
            while len(in_flight) > 2 * n_process:
                yield from collect(*in_flight.popleft())
        while in_flight:
            yield from collect(*in_flight.popleft())
    finally:
        pool.shutdown(wait=False, cancel_futures=True)
