"""Reading inputs: PDFs built on the fly, and every kind of bad input, each with a clear error."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from fpdf import FPDF

import imr_nlp

from conftest import EXAMPLES, GOLD, ROOT, decisions_and_pages


def make_pdf(text: str | None, *, password: str | None = None, pages: int = 1) -> bytes:
    pdf = FPDF(format="letter")
    pdf.set_font("Helvetica", size=10)
    if password:
        pdf.set_encryption(owner_password="owner", user_password=password)
    if text is None:
        for _ in range(pages):
            pdf.add_page()  # no text layer at all, like a scanned page
    else:
        pdf.add_page()
        pdf.multi_cell(0, 5, text.encode("latin-1", "replace").decode("latin-1"))
    return bytes(pdf.output())


@pytest.mark.parametrize("name", sorted(GOLD))
def test_pdf_gives_same_decisions_as_text(nlp, tmp_path, name):
    path = tmp_path / (name[:-4] + ".pdf")
    path.write_bytes(make_pdf((EXAMPLES / name).read_text()))
    record = imr_nlp.extract(path, nlp).to_dict()
    assert record["error"] is None, record["error"]
    imr_nlp.validate(record)
    want = [(d["item"], d["decision"], d["pages"]) for d in GOLD[name]["decisions"]]
    assert decisions_and_pages(record) == want
    assert record["case"] == GOLD[name]["case"]


@pytest.mark.parametrize(
    "data, error_type, words",
    [
        (b"", "empty", "empty"),
        (b"   \n\n  ", "empty", "empty"),
        (bytes(range(256)) * 20, "binary", "binary"),
        (b"%PDF-1.4\n1 0 obj << /Type /Catalog >>\ngarbage", "corrupt_pdf", "could not be parsed"),
        (b"Grocery list: apples, pears, bread.\n", "not_imr_letter", "does not look like an IMR"),
    ],
)
def test_bad_input_yields_error_record(nlp, tmp_path, data, error_type, words):
    path = tmp_path / "input.txt"
    path.write_bytes(data)
    record = imr_nlp.extract(path, nlp).to_dict()
    imr_nlp.validate(record)
    assert record["error"]["type"] == error_type
    assert words in record["error"]["message"]
    assert record["decisions"] == [] and record["entities"] == []
    assert record["source"] == str(path)


def test_scanned_pdf_says_run_ocr(nlp, tmp_path):
    path = tmp_path / "scan.pdf"
    path.write_bytes(make_pdf(None, pages=2))
    error = imr_nlp.extract(path, nlp).error
    assert error.type == "no_text_layer"
    assert "run OCR first (e.g. ocrmypdf)" in error.message


def test_encrypted_pdf_is_reported(nlp, tmp_path):
    path = tmp_path / "locked.pdf"
    path.write_bytes(make_pdf("Upheld", password="secret"))
    error = imr_nlp.extract(path, nlp).error
    assert error.type == "encrypted_pdf"
    assert "encrypted" in error.message


def test_pdf_with_too_many_pages_is_refused(nlp, tmp_path):
    path = tmp_path / "long.pdf"
    path.write_bytes(make_pdf(None, pages=5))
    assert imr_nlp.extract(path, nlp, max_pages=3).error.type == "too_many_pages"


def test_file_over_size_limit(nlp, tmp_path):
    path = tmp_path / "big.txt"
    path.write_text("Upheld " * 1000)
    error = imr_nlp.extract(path, nlp, max_bytes=1000).error
    assert error.type == "too_large" and "1,000" in error.message


def test_cp1252_bytes_decode_with_a_warning(nlp, tmp_path):
    text = (EXAMPLES / "fdl-2014_b.txt").read_text().replace("carpenter", "carpenter \u2013 lead")
    path = tmp_path / "cp1252.txt"
    path.write_bytes(text.encode("cp1252"))
    record = imr_nlp.extract(path, nlp)
    assert record.error is None
    assert any("cp1252" in w for w in record.warnings)
    assert [d.item for d in record.decisions] == ["MRI of the right knee without contrast"]


def test_letter_without_decisions_warns_not_raises(nlp):
    record = imr_nlp.extract("INDEPENDENT MEDICAL REVIEW\nThe case file was reviewed by MAXIMUS.", nlp)
    assert record.error is None
    assert record.decisions == []
    assert any("no disputed item" in w for w in record.warnings)


def test_batch_continues_past_bad_inputs_and_keeps_order(nlp, tmp_path):
    (tmp_path / "a.txt").write_bytes(b"")
    (tmp_path / "b.pdf").write_bytes(b"%PDF-1.7 broken")
    good = EXAMPLES / "fdl-2014_b.txt"
    missing = tmp_path / "missing.txt"
    records = list(imr_nlp.extract_many([tmp_path / "a.txt", good, tmp_path / "b.pdf", missing], nlp))
    assert [r.error.type if r.error else None for r in records] == ["empty", None, "corrupt_pdf", "not_found"]
    assert records[1].decisions[0].decision == "overturned"


def run_cli(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "imr_nlp.cli", *args], input=stdin, capture_output=True, cwd=ROOT, timeout=300
    )


def test_cli_extract_examples_prints_one_valid_record_per_letter():
    proc = run_cli("extract", "corpora/examples/")
    assert proc.returncode == 0, proc.stderr.decode()
    records = [json.loads(line) for line in proc.stdout.decode().splitlines()]
    assert sorted(r["source"].rsplit("/", 1)[-1] for r in records) == sorted(GOLD)
    for r in records:
        imr_nlp.validate(r)
    assert f"{len(GOLD)} ok, 0 failed" in proc.stderr.decode()


def test_cli_exits_nonzero_after_writing_every_record(tmp_path):
    (tmp_path / "empty.txt").write_text("")
    out = tmp_path / "out.jsonl"
    proc = run_cli("extract", str(tmp_path / "empty.txt"), str(EXAMPLES / "fdl-2014_b.txt"), "-o", str(out))
    assert proc.returncode == 1
    records = [json.loads(line) for line in out.read_text().splitlines()]
    assert [r["error"]["type"] if r["error"] else None for r in records] == ["empty", None]
    assert "1 ok, 1 failed" in proc.stderr.decode()


def test_cli_reads_stdin():
    proc = run_cli("extract", "-", stdin=(EXAMPLES / "fdl-2014_b.txt").read_bytes())
    record = json.loads(proc.stdout)
    assert record["source"] == "-" and record["decisions"][0]["item"] == "MRI of the right knee without contrast"


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_cli_flat_formats_have_one_row_per_decision(tmp_path, fmt):
    import pandas as pd

    out = tmp_path / f"out.{fmt}"
    proc = run_cli("extract", "corpora/examples/", "-o", str(out))
    assert proc.returncode == 0, proc.stderr.decode()
    df = pd.read_csv(out) if fmt == "csv" else pd.read_parquet(out)
    assert len(df) == sum(len(g["decisions"]) for g in GOLD.values())
    row = df[df["item"] == "Norco 10/325mg: quantity 90"].iloc[0]
    assert row["decision"] == "upheld" and row["case_number"] == "CM14-0098765"
    pages = row["reviewer_pages"]
    assert (pages == "78;79;80") if fmt == "csv" else (list(pages) == [78, 79, 80])
    assert not (tmp_path / f"out.{fmt}.part").exists()


def test_pdf_bytes_are_detected_whatever_the_extension(nlp, tmp_path):
    path = tmp_path / "letter.dat"
    path.write_bytes(make_pdf((EXAMPLES / "fdl-2014_b.txt").read_text()))
    assert imr_nlp.extract(path, nlp).decisions[0].decision == "overturned"


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet"])
def test_resume_skips_sources_already_written(tmp_path, fmt):
    import pandas as pd

    letters = tmp_path / "letters"
    letters.mkdir()
    for name in ("fdl-2014_b.txt", "fdl-2016_a.txt"):
        (letters / name).write_text((EXAMPLES / name).read_text())
    out = tmp_path / f"out.{fmt}"
    assert run_cli("extract", str(letters), "-o", str(out), "--rules-only").returncode == 0
    (letters / "notice-2013_a.txt").write_text((EXAMPLES / "notice-2013_a.txt").read_text())
    proc = run_cli("extract", str(letters), "-o", str(out), "--rules-only", "--resume")
    assert proc.returncode == 0 and "1 ok, 0 failed, 2 skipped" in proc.stderr.decode()
    if fmt == "jsonl":
        sources = [json.loads(line)["source"] for line in out.read_text().splitlines()]
    else:
        sources = list(dict.fromkeys((pd.read_csv(out) if fmt == "csv" else pd.read_parquet(out))["source"]))
    assert sorted(s.rsplit("/", 1)[-1] for s in sources) == ["fdl-2014_b.txt", "fdl-2016_a.txt", "notice-2013_a.txt"]


def test_interrupted_jsonl_part_is_resumed_without_its_half_line(tmp_path):
    out = tmp_path / "out.jsonl"
    good = imr_nlp.extract(EXAMPLES / "fdl-2014_b.txt", imr_nlp.load(rules_only=True)).to_json()
    (tmp_path / "out.jsonl.part").write_text(good + "\n" + good[:40])  # killed mid-line
    proc = run_cli(
        "extract",
        str(EXAMPLES / "fdl-2014_b.txt"),
        str(EXAMPLES / "fdl-2016_a.txt"),
        "-o",
        str(out),
        "--rules-only",
        "--resume",
    )
    assert "1 ok, 0 failed, 1 skipped" in proc.stderr.decode()
    assert [json.loads(line)["source"].rsplit("/", 1)[-1] for line in out.read_text().splitlines()] == [
        "fdl-2014_b.txt",
        "fdl-2016_a.txt",
    ]
    assert not (tmp_path / "out.jsonl.part").exists()


def test_text_over_character_limit_is_refused(nlp):
    record = imr_nlp.extract("Upheld. " * 50, nlp, max_chars=100)
    assert record.error.type == "too_many_chars" and "max_chars" in record.error.message


def test_a_few_nul_bytes_degrade_with_a_warning_not_an_error(nlp, tmp_path):
    path = tmp_path / "nul.txt"
    path.write_bytes((EXAMPLES / "fdl-2014_b.txt").read_bytes().replace(b"Priority", b"Prio\x00rity", 1))
    record = imr_nlp.extract(path, nlp)
    assert record.error is None and any("NUL" in w for w in record.warnings)
    assert record.decisions[0].decision == "overturned"
