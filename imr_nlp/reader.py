"""Reading letters: .txt (any common encoding), .pdf (text layer), stdin; with clear errors.

Everything that can go wrong with an input raises :class:`InputError`, whose ``type`` and
``message`` end up in the output record's ``error``; callers never see another exception.
"""

from __future__ import annotations

import io
import os
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

DEFAULT_MAX_BYTES = 5 * 1024 * 1024
DEFAULT_MAX_PAGES = 200
DEFAULT_MAX_CHARS = 200_000  # ~30x a typical letter; the span categoriser needs ~3 KB of memory per character
SUFFIXES = (".txt", ".pdf")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1b\x7f]")


class InputError(Exception):
    """An input that cannot be turned into letter text; ``type`` is a short machine name."""

    def __init__(self, type: str, message: str) -> None:
        super().__init__(message)
        self.type = type
        self.message = message


@dataclass
class Letter:
    """The text of one letter as read, with where it came from and any reading warnings."""

    source: str
    text: str
    warnings: list[str] = field(default_factory=list)


def decode_text(data: bytes) -> tuple[str, list[str]]:
    """Bytes to text: UTF-8 (BOM or not), UTF-16 with a BOM, else cp1252 (with a warning)."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), []
    nuls = data.count(b"\x00")
    if nuls > 0.05 * len(data):
        raise InputError("binary", "input looks binary (it is full of NUL bytes), not letter text or a PDF")
    warnings = [f"contains {nuls} NUL byte(s), kept as characters"] if nuls else []
    try:
        return data.decode("utf-8-sig"), warnings
    except UnicodeDecodeError as exc:
        warnings.append(f"not valid UTF-8 (byte {exc.start}); decoded as cp1252")
    try:
        return data.decode("cp1252"), warnings
    except UnicodeDecodeError:
        warnings[-1] = warnings[-1].replace("cp1252", "latin-1")
        return data.decode("latin-1"), warnings


def check_text(text: str) -> None:
    """Reject empty and binary-looking text."""
    if not text.strip():
        raise InputError("empty", "input is empty (no text)")
    sample = text[:20000]
    if len(_CONTROL.findall(sample)) > 0.05 * len(sample):
        raise InputError("binary", "input looks binary (too many control characters), not letter text")


def read_pdf(data: bytes, max_pages: int = DEFAULT_MAX_PAGES) -> str:
    """The text layer of a PDF, pages separated by form feeds."""
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            try:
                opened = reader.decrypt("")
            except Exception:  # noqa: BLE001 - pypdf raises several types for unsupported crypto
                opened = 0
            if not opened:
                raise InputError(
                    "encrypted_pdf", "PDF is encrypted with a password: decrypt it first (e.g. qpdf --decrypt)"
                )
        n = len(reader.pages)
        if n > max_pages:
            raise InputError("too_many_pages", f"PDF has {n} pages, over the limit of {max_pages} (max_pages)")
        pages = [page.extract_text() or "" for page in reader.pages]
    except InputError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, IndexError, OSError, RecursionError) as exc:
        raise InputError("corrupt_pdf", f"PDF could not be parsed ({type(exc).__name__}: {exc})") from exc
    text = "\n\f".join(pages)
    if not text.strip():
        raise InputError("no_text_layer", "PDF has no text layer (a scanned image?): run OCR first (e.g. ocrmypdf)")
    return text


def read_bytes(
    data: bytes, source: str, max_bytes: int = DEFAULT_MAX_BYTES, max_pages: int = DEFAULT_MAX_PAGES
) -> Letter:
    """A letter from raw bytes (PDF recognised by its signature, anything else as text)."""
    if len(data) > max_bytes:
        raise InputError("too_large", f"input is {len(data):,} bytes, over the limit of {max_bytes:,} (max_bytes)")
    if not data.strip():
        raise InputError("empty", "input is empty")
    if data.lstrip()[:5] == b"%PDF-":
        text, warnings = read_pdf(data, max_pages), []
    else:
        text, warnings = decode_text(data)
    check_text(text)
    return Letter(source, text, warnings)


def read_path(
    path: str | os.PathLike[str], max_bytes: int = DEFAULT_MAX_BYTES, max_pages: int = DEFAULT_MAX_PAGES
) -> Letter:
    """A letter from a file path, or ``-`` for standard input."""
    source = str(path)
    if source == "-":
        return read_bytes(sys.stdin.buffer.read(max_bytes + 1), "-", max_bytes, max_pages)
    try:
        size = os.stat(path).st_size
        if size > max_bytes:
            raise InputError("too_large", f"file is {size:,} bytes, over the limit of {max_bytes:,} (max_bytes)")
        with open(path, "rb") as fh:
            data = fh.read(max_bytes + 1)
    except FileNotFoundError:
        raise InputError("not_found", f"no such file: {source}") from None
    except IsADirectoryError:
        raise InputError("is_directory", f"is a directory: {source}") from None
    except PermissionError:
        raise InputError("permission_denied", f"permission denied: {source}") from None
    except OSError as exc:
        raise InputError("unreadable", f"cannot read {source}: {exc.strerror or exc}") from None
    return read_bytes(data, source, max_bytes, max_pages)


def expand_paths(paths: Iterable[str | os.PathLike[str]]) -> Iterator[str]:
    """Files to read: files as given, directories recursively (``.txt``/``.pdf``, sorted), ``-``."""
    for p in paths:
        s = str(p)
        if s != "-" and Path(s).is_dir():
            found = sorted(str(f) for f in Path(s).rglob("*") if f.suffix.lower() in SUFFIXES and f.is_file())
            yield from found
        else:
            yield s
