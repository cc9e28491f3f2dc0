"""Pathological inputs, one per process: time, peak memory and outcome of each.

    python benchmarks/hostile.py [--rules-only] [--write BENCHMARKS.md]

Each input of the hostile-input issue (a 2 MB single line, 100,000 "Upheld" lines, 10,000
disputed items, deeply repeated headings, NUL bytes, mixed encodings, right-to-left and
combining characters, a PDF with thousands of empty pages, a PDF claiming a huge page count) is
written to a file and extracted in a fresh process with the default limits (and some again with
raised size limits and a 10 s time budget, so the budget has to stop them). Not part of the test run.
"""

from __future__ import annotations

import argparse
import io
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LETTER = (ROOT / "corpora" / "examples" / "fdl-2014_a.txt").read_text("utf-8")
RAISED = {"max_bytes": 50_000_000, "max_chars": 10_000_000, "max_pages": 1_000_000, "time_budget": 10.0}


def blank_pdf(pages: int) -> bytes:
    from pypdf import PdfWriter

    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(612, 792)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def lying_pdf() -> bytes:
    """A valid one-page PDF whose page tree says it has 2,147,483,647 pages."""
    from pypdf import PdfWriter
    from pypdf.generic import NameObject, NumberObject

    writer = PdfWriter()
    writer.add_blank_page(612, 792)
    writer._root_object["/Pages"][NameObject("/Count")] = NumberObject(2_147_483_647)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def cases() -> dict[str, bytes]:
    one_line = LETTER.replace("\n", " ")
    utf8 = LETTER.encode("utf-8")
    items = "".join(f"{i}. Norco 10/325mg #{i}: Upheld\n" for i in range(10_000))
    headings = "DOCUMENTS REVIEWED\n\nDECISION\n\nCLAIMS ADMINISTRATOR GUIDELINES\n\n" * 3_000
    rtl = "".join(c + ("\u0301" if i % 5 == 0 else "") for i, c in enumerate(LETTER)).replace("\n", "\n\u202e")
    return {
        "2 MB single line": (one_line * (2_000_000 // len(one_line) + 1)).encode("utf-8"),
        '100,000 "Upheld" lines': (LETTER + "Upheld\n" * 100_000).encode("utf-8"),
        "10,000 disputed items": LETTER.replace("Norco 10/325mg: q", items + "Norco 10/325mg: q", 1).encode("utf-8"),
        "9,000 repeated headings": (headings + LETTER).encode("utf-8"),
        "NUL byte every 100 bytes": b"".join(utf8[i : i + 100] + b"\x00" for i in range(0, len(utf8), 100)),
        "mixed encodings (UTF-8 + cp1252)": utf8 + "caf\u00e9 \u201cquoted\u201d".encode("cp1252") + utf8,
        "right-to-left + combining marks": rtl.encode("utf-8"),
        "PDF, 5,000 empty pages": blank_pdf(5_000),
        "PDF claiming 2,147,483,647 pages": lying_pdf(),
    }


RERUN_RAISED = ("2 MB single line", '100,000 "Upheld" lines', "10,000 disputed items", "PDF, 5,000 empty pages")


def run_one(path: str, rules_only: bool, raised: bool) -> None:
    sys.path.insert(0, str(ROOT))
    import imr_nlp

    nlp = imr_nlp.load(rules_only=rules_only)
    start = time.perf_counter()
    record = imr_nlp.extract(Path(path), nlp, **(RAISED if raised else {}))
    seconds = time.perf_counter() - start
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    error = record.error
    outcome = f"error {error.type}" if error else f"{len(record.decisions)} decisions, {len(record.warnings)} warnings"
    message = error.message if error else ""
    print(json.dumps({"seconds": seconds, "rss_mb": rss, "outcome": outcome, "message": message}))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rules-only", action="store_true")
    ap.add_argument("--write", type=Path)
    ap.add_argument("--one", help=argparse.SUPPRESS)
    ap.add_argument("--raised", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.one:
        return run_one(args.one, args.rules_only, args.raised)
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for i, (name, data) in enumerate(cases().items()):
            path = Path(tmp) / f"case{i}.{'pdf' if data.startswith(b'%PDF') else 'txt'}"
            path.write_bytes(data)
            for raised in (False, True) if name in RERUN_RAISED else (False,):
                cmd = [sys.executable, __file__, "--one", str(path)] + ["--rules-only"] * args.rules_only
                got = json.loads(subprocess.run(cmd + ["--raised"] * raised, capture_output=True, check=True).stdout)
                label = name + (" (size limits raised, budget 10 s)" if raised else "")
                rows.append(
                    f"| {label} | {len(data) / 1e6:.2f} MB | {got['seconds']:.2f} s | {got['rss_mb']:.0f} MB "
                    f"| {got['outcome']} |"
                )
                print(rows[-1], got["message"], flush=True)
    pipeline = "rules-only" if args.rules_only else "full model"
    report = "\n".join(
        [
            f"Hostile inputs ({pipeline}, default limits; a fresh process each; peak RSS includes the model):",
            "",
            "| input | size | time | peak RSS | outcome |",
            "|---|---|---|---|---|",
            *rows,
        ]
    )
    print(report)
    if args.write:
        with args.write.open("a", encoding="utf-8") as fh:
            fh.write("\n" + report + "\n")


if __name__ == "__main__":
    main()
