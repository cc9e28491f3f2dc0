"""Synthetic IMR letters with gold spans, decisions and case facts by construction.

``generate(n, seed)`` yields corpus records (see :mod:`imr_nlp.corpus`) in all four layouts.
Everything is deterministic from the seed. Vocabulary: diagnoses from ICD-10-CM (the
``simple-icd-10-cm`` package; chapters that occur in workers' compensation), the drug, therapy,
procedure, diagnostic and equipment lists in ``imr_nlp/data/synth.json``, and guideline
sections with realistic page ranges. Each sentence type has several phrasings.

A template-disjoint test split: every phrasing list and vocabulary list is cut in two; letters
with ``style="heldout"`` use only the held-out quarter, the others only the rest, so scores on
held-out letters measure generalisation rather than memorised phrasings or words.
"""

from __future__ import annotations

import json
import random
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

from imr_nlp import noise
from imr_nlp.guidelines import normalise_guideline
from imr_nlp.layout import LAYOUTS

HELDOUT_SHARE = 0.25
# Severity words only grade a diagnosis and stay outside its span (ANNOTATION.md); this share of
# listed diagnoses gets one of the first three in front.
SEVERITY = ("mild", "moderate", "severe", "small", "large", "minimal", "marked", "slight")
SEVERITY_SHARE = 0.12
ICD_CATEGORIES = (
    "M17 M19 M23 M25 M47 M48 M50 M51 M53 M54 M62 M65 M67 M70 M72 M75 M76 M77 M79 M99 "
    "S13 S16 S23 S33 S39 S43 S46 S53 S56 S63 S66 S73 S76 S83 S86 S93 "
    "G43 G44 G47 G56 G57 G89 F32 F33 F41 F43 F51 R51 R52 K21 K59"
).split()


@lru_cache(maxsize=1)
def vocab() -> dict[str, Any]:
    """The generator's vocabulary (``imr_nlp/data/synth.json``) plus ICD-10-CM diagnoses."""
    data = json.loads(resources.files("imr_nlp").joinpath("data/synth.json").read_text("utf-8"))
    data["icd_diagnoses"] = icd_diagnoses()
    return data


def icd_diagnoses() -> list[str]:
    """Short, letter-like diagnosis names from ICD-10-CM categories common in WC claims."""
    import simple_icd_10_cm as icd

    out: set[str] = set()
    for cat in ICD_CATEGORIES:
        stack = [cat]
        while stack:
            code = stack.pop()
            stack.extend(icd.get_children(code))
            desc = icd.get_description(code)
            desc = re.sub(r",?\s*(initial|subsequent) encounter.*|,?\s*sequela.*|\s*\[.*?\]", "", desc)
            desc = re.sub(r",?\s*(unspecified|not elsewhere classified)\b.*", "", desc, flags=re.IGNORECASE)
            desc = re.sub(r"(?:\s+(?:of|in|to|at|and|or|with|without))+$", "", desc)  # "... joint of"
            if 8 <= len(desc) <= 60 and not re.search(r"[(,;]|\bother\b|\bNEC\b|\d", desc, re.I):
                out.add(desc[0].lower() + desc[1:] if not desc[:2].isupper() else desc)
    return sorted(out)


def _split(items: list[Any], heldout: bool) -> list[Any]:
    """The training part of a list, or its held-out part (the last quarter, at least one)."""
    cut = max(1, int(len(items) * HELDOUT_SHARE)) if len(items) > 1 else 0
    if not cut:
        return items
    return items[-cut:] if heldout else items[:-cut]


class Builder:
    """Text built piece by piece, with labelled spans (and named marks) at known offsets."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.pos = 0
        self.spans: list[tuple[int, int, str]] = []

    def w(self, text: str) -> Builder:
        self.parts.append(text)
        self.pos += len(text)
        return self

    def s(self, text: str, label: str) -> int:
        """Write `text` as a span; returns the span's index."""
        start = self.pos
        self.w(text)
        self.spans.append((start, self.pos, label))
        return len(self.spans) - 1

    @property
    def text(self) -> str:
        return "".join(self.parts)


@dataclass
class Ctx:
    """Random choices for one letter, restricted to its style's half of every list."""

    rng: random.Random
    heldout: bool
    templates: list[str] = field(default_factory=list)

    def pick(self, key: str, items: list[Any] | None = None, split: bool = True) -> Any:
        pool = items if items is not None else vocab()[key]
        return self.rng.choice(_split(pool, self.heldout) if split else pool)

    def phrase(self, key: str) -> str:
        """A phrasing for sentence type `key`; its absolute index is recorded in `templates`."""
        full = vocab()["phrases"][key]
        pool = _split(full, self.heldout)
        i = self.rng.randrange(len(pool))
        offset = len(full) - len(pool) if self.heldout else 0
        self.templates.append(f"{key}:{offset + i}")
        return pool[i]


def fmt_date(rng: random.Random, iso: str, style: int | None = None) -> str:
    y, m, d = (int(x) for x in iso.split("-"))
    style = rng.randrange(4) if style is None else style
    return [f"{m}/{d}/{y}", f"{m:02d}/{d:02d}/{y}", f"{m}-{d}-{y}", f"{m:02d}/{d:02d}/{y % 100:02d}"][style]


def rand_date(rng: random.Random, year_from: int, year_to: int) -> str:
    y = rng.randint(year_from, year_to)
    return f"{y}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"


def render(b: Builder, template: str, values: dict[str, Any]) -> None:
    """Write a phrasing: ``{name}`` is plain text, ``{LABEL:name}`` a labelled span,
    ``[LABEL:words]`` the phrasing's own words as a labelled span; a value that is a list of
    (text, label) pieces is written piece by piece."""
    pos = 0
    for m in re.finditer(r"\{(?:([A-Z]+):)?(\w+)\}|\[([A-Z]+):([^\]]+)\]", template):
        b.w(template[pos : m.start()])
        pos = m.end()
        if m.group(3):
            b.s(m.group(4), m.group(3))
            continue
        label, name = m.group(1), m.group(2)
        value = values[name]
        if isinstance(value, list):
            for text, lab in value:
                b.s(text, lab) if lab else b.w(text)
        elif label:
            b.s(str(value), label)
        else:
            b.w(str(value))
    b.w(template[pos:])


def listing(ctx: Ctx, things: list[str], label: str) -> list[tuple[str, str | None]]:
    """``a, b and c`` as pieces, each thing its own span. A severity word before a diagnosis
    ("mild carpal tunnel syndrome", some added at random) is written outside its span, as
    ANNOTATION.md asks."""
    out: list[tuple[str, str | None]] = []
    for i, t in enumerate(things):
        if i:
            out.append((" and " if i == len(things) - 1 else ", ", None))
        word, _, rest = t.partition(" ")
        if label == "DIAGNOSIS" and word.lower() in SEVERITY and rest:
            out.extend([(word + " ", None), (rest, label)])
        elif label == "DIAGNOSIS" and ctx.rng.random() < SEVERITY_SHARE:
            out.extend([(ctx.rng.choice(SEVERITY[:3]) + " ", None), (t, label)])
        else:
            out.append((t, label))
    return out


def make_item(ctx: Ctx) -> dict[str, Any]:
    """A disputed item: its text, category and the guideline sections that fit it."""
    v = vocab()
    cat = ctx.pick("categories", list(v["items"]), split=False)
    spec = v["items"][cat]
    template = ctx.pick("", spec["templates"])
    values = {k: ctx.pick("", opts) for k, opts in spec.get("slots", {}).items()}
    if "drug" in template:
        drug = ctx.pick("", v["drugs"])
        values |= {"drug": ctx.rng.choice(drug["names"]), "strength": ctx.rng.choice(drug["strengths"])}
        values["qty"] = ctx.rng.choice([30, 60, 90, 120, 180, 240])
        cat_guides = drug.get("guides", spec["guides"])
    else:
        cat_guides = spec["guides"]
    values.setdefault("region", ctx.pick("regions"))
    values.setdefault("n", ctx.rng.choice([4, 6, 8, 10, 12, 16, 18, 24]))
    text = template.format(**values)
    return {"text": text, "category": cat, "guides": cat_guides, "mention": values.get("drug") or text}


def citation(ctx: Ctx, guide_keys: list[str]) -> dict[str, Any]:
    """One guideline citation string with its pages, normalised name and section."""
    v = vocab()
    g = v["guidelines"][ctx.rng.choice(guide_keys)]
    name = ctx.rng.choice(g["names"])
    section, pages = ctx.rng.choice(g["sections"])
    page_list = sorted({p for a, b in pages for p in range(a, b + 1)})
    loc = ""
    if pages:
        a, b = pages[0]
        first = f"{a}-{b}" if b > a else f"{a}"
        rest = "".join(f", {x}-{y}" if y > x else f", {x}" for x, y in pages[1:])
        word = ctx.rng.choice(
            ["Page(s): ", "pages ", "page ", "pg. ", "Pages "] if b > a or rest else ["page ", "Page(s): ", "pg. "]
        )
        loc = word + first + rest
    style = ctx.rng.randrange(3)
    if not loc:
        text = f"{name}, {section}" if section else name
    elif style == 0 and section:
        text = f"{name}, {section}, {loc}"
    elif style == 1:
        text = f"{name} {loc}" + (f", {section}" if section and ctx.rng.random() < 0.3 else "")
    else:
        text = f"{name} {section}, {loc}" if section else f"{name} {loc}"
    return {"text": text, "pages": page_list, "guideline": normalise_guideline(text), "section": section or None}


def write_citations(b: Builder, ctx: Ctx, by: str, cites: list[dict[str, Any]], lead: str) -> list[dict[str, Any]]:
    out = []
    b.w(lead)
    for i, c in enumerate(cites):
        if i:
            b.w(
                ctx.rng.choice([" Decision based on ", "; ", ". Decision based on "])
                if "Decision based" in lead
                else "; and the "
            )
        idx = b.s(c["text"], "GUIDELINE")
        out.append({**c, "by": by, "_span": idx})
    b.w(".")
    return out


def necessity_phrase(decision: str) -> str:
    """How a notice-2013 letter states a decision."""
    return (
        "is medically necessary and appropriate"
        if decision == "overturned"
        else "is not medically necessary and appropriate"
    )


def case_facts(ctx: Ctx, layout: str) -> dict[str, Any]:
    rng = ctx.rng
    year = {
        "notice-2013": 2013,
        "fdl-2014": 2014,
        "fdl-2016": rng.choice([2015, 2016, 2017]),
        "professional-review": rng.choice([2018, 2019, 2020, 2021]),
    }[layout]
    injury = rand_date(rng, year - 12, year - 1)
    ur = rand_date(rng, year, year)
    return {
        "case_number": f"CM{year % 100:02d}-{rng.randint(1, 9999999):07d}",
        "date_assigned": rand_date(rng, year, year) if layout != "notice-2013" else None,
        "ur_denial_date": ur,
        "decision_date": rand_date(rng, year, year),
        "injury_date": injury,
        "age": rng.randint(22, 71),
        "sex": rng.choice(["male", "female"]),
        "occupation": ctx.pick("occupations"),
        "reviewer": {
            "licensure": sorted(
                set(rng.sample(vocab()["states"], rng.choice([1, 1, 2, 3]))) | {"California"},
                key=lambda s: (s != "California", s),
            )
            if rng.random() < 0.7
            else rng.sample(vocab()["states"], rng.choice([1, 2])),
            "specialty": ctx.pick("specialties", split=False),
        },
    }


def letter(seed: int, layout: str, heldout: bool, n_items: int) -> dict[str, Any]:
    """One synthetic letter as a corpus record (before noise)."""
    rng = random.Random(seed)
    ctx = Ctx(rng, heldout)
    case = case_facts(ctx, layout)
    b = Builder()
    he = {"male": ("He", "his", "man"), "female": ("She", "her", "woman")}[case["sex"]]
    items = [make_item(ctx) for _ in range(n_items)]
    seen: set[str] = set()
    items = [it for it in items if not (it["text"].lower() in seen or seen.add(it["text"].lower()))]
    decisions = ["upheld" if rng.random() < 0.8 else "overturned" for _ in items]
    dfmt = rng.randrange(4)

    def d(iso: str | None) -> str:
        return fmt_date(rng, iso, dfmt) if iso else ""

    # header
    if layout == "notice-2013":
        b.w("Notice of Independent Medical Review Determination\n")
        b.w("Dated: ").s(d(case["decision_date"]), "DATE")
        b.w("\nIMR Case Number: " + case["case_number"] + "  Date of Injury: ").s(d(case["injury_date"]), "DATE")
        b.w("\nClaim Number: [redacted]  UR Denial Date: ").s(d(case["ur_denial_date"]), "DATE")
        b.w("\nPriority: Standard\n")
        b.w(ctx.phrase("notice_intro") + "\n")
        b.w(
            "Final Determination: "
            + (
                "UPHELD"
                if set(decisions) == {"upheld"}
                else "OVERTURNED IN PART"
                if "upheld" in decisions
                else "OVERTURNED"
            )
            + "\n"
        )
    elif layout == "professional-review":
        b.w("MEDICAL PROFESSIONAL REVIEW\n")
        b.w("IMR Case Number: " + case["case_number"] + "\nDate of Injury: ").s(d(case["injury_date"]), "DATE")
        b.w("\nUR Denial Date: ").s(d(case["ur_denial_date"]), "DATE")
        b.w("\nDate Assigned: ").s(d(case["date_assigned"]), "DATE")
        b.w("\nDecision Date: ").s(d(case["decision_date"]), "DATE")
        b.w("\n")
    else:
        b.w("Case Number: " + case["case_number"] + " Date Assigned: ").s(d(case["date_assigned"]), "DATE")
        b.w("\nDate of Injury: ").s(d(case["injury_date"]), "DATE")
        b.w(" Decision Date: ").s(d(case["decision_date"]), "DATE")
        b.w("\nUR Denial Date: ").s(d(case["ur_denial_date"]), "DATE")
        b.w(" Priority: Standard\nApplication Received: ").s(
            d(rand_date(rng, int(case["ur_denial_date"][:4]), int(case["ur_denial_date"][:4]))), "DATE"
        )
        b.w("\n")

    item_spans: list[int] = []
    decision_spans: list[int] = []
    if layout == "notice-2013":
        for i, (it, dec) in enumerate(zip(items, decisions, strict=True), 1):
            b.w(f"{i}. MAXIMUS Federal Services, Inc. has determined the request for ")
            item_spans.append(b.s(it["text"], "TREATMENT"))
            b.w(" ")
            decision_spans.append(b.s(necessity_phrase(dec), "DECISION"))
            b.w(".\n")
    if layout == "professional-review":
        b.w("ISSUE AT DISPUTE:\n")
        for it, dec in zip(items, decisions, strict=True):
            item_spans.append(b.s(it["text"], "TREATMENT"))
            b.w(":  ")
            decision_spans.append(b.s(dec.capitalize(), "DECISION"))
            b.w("\n")

    # reviewer
    lic = case["reviewer"]["licensure"]
    lic_text = lic[0] if len(lic) == 1 else ", ".join(lic[:-1]) + " and " + lic[-1]
    if layout == "fdl-2014" or (layout == "fdl-2016" and rng.random() < 0.4):
        b.w("HOW THE IMR FINAL DETERMINATION WAS MADE\n" + ctx.phrase("how_made") + "\n")
        b.w("The Expert Reviewer has the following credentials:\nState(s) of Licensure: " + ", ".join(lic))
        b.w("\nCertification(s)/Specialty: " + case["reviewer"]["specialty"] + "\n")
    elif layout == "fdl-2016":
        b.w("HOW THE IMR FINAL DETERMINATION WAS MADE\n" + ctx.phrase("how_made") + " ")
        render(b, ctx.phrase("credentials_sentence"), {"spec": case["reviewer"]["specialty"], "states": lic_text})
        b.w("\n")
    elif layout == "notice-2013":
        b.w("INDEPENDENT MEDICAL REVIEW DECISION AND RATIONALE\n")
        render(b, ctx.phrase("credentials_sentence"), {"spec": case["reviewer"]["specialty"], "states": lic_text})
        b.w("\n")

    # case summary
    diags = [
        ctx.pick("diagnoses") if rng.random() < 0.5 else ctx.pick("icd_diagnoses") for _ in range(rng.randint(2, 4))
    ]
    diags = list(dict.fromkeys(diags))
    prior = list(dict.fromkeys(ctx.pick("prior_treatments") for _ in range(rng.randint(2, 4))))
    meds = list(dict.fromkeys(rng.choice(ctx.pick("", vocab()["drugs"])["names"]) for _ in range(rng.randint(1, 4))))
    heading = {"notice-2013": "Expert Reviewer Case Summary:", "professional-review": "CASE SUMMARY:"}.get(
        layout, "CLINICAL CASE SUMMARY"
    )
    b.w(heading + "\n")
    values = {
        "age": case["age"],
        "sexword": rng.choice([case["sex"], he[2]]),
        "doi": d(case["injury_date"]),
        "occ": case["occupation"],
        "diags": listing(ctx, diags, "DIAGNOSIS"),
        "prior": listing(ctx, prior, "TREATMENT"),
        "meds": listing(ctx, meds, "TREATMENT"),
        "He": he[0],
        "he": he[0].lower(),
        "his": he[1],
        "His": he[1].capitalize(),
        "visit": d(rand_date(rng, int(case["ur_denial_date"][:4]) - 1, int(case["ur_denial_date"][:4]))),
        "req": listing(ctx, [it["mention"] for it in items], "TREATMENT"),
    }
    values["findings"] = listing(
        ctx, list(dict.fromkeys(ctx.pick("findings") for _ in range(rng.randint(1, 3)))), "DIAGNOSIS"
    )
    values["complaints"] = listing(
        ctx, list(dict.fromkeys(ctx.pick("complaints") for _ in range(rng.randint(1, 2)))), "DIAGNOSIS"
    )
    values["imaging"] = listing(ctx, [ctx.pick("imaging_findings")], "DIAGNOSIS")
    sentence_types = [
        "summary_intro",
        "summary_complaints",
        "summary_diagnoses",
        "summary_imaging",
        "summary_exam",
        "summary_treatment",
        "summary_meds",
        "summary_visit",
        "summary_request",
    ]
    for optional in ("summary_complaints", "summary_imaging", "summary_exam"):
        if rng.random() < 0.4:
            sentence_types.remove(optional)
    for key in sentence_types:
        phrase = ctx.phrase(key)
        if key == "summary_intro" and "{occ}" not in phrase:
            case["occupation"] = None
        render(b, phrase, values)
        b.w(" " if rng.random() < 0.6 else "\n")
    b.w("\n")
    if layout in ("fdl-2016", "professional-review") or (layout == "notice-2013" and rng.random() < 0.5):
        b.w({"professional-review": "DOCUMENTS REVIEWED FOR DETERMINATION:\n"}.get(layout, "DOCUMENTS REVIEWED\n"))
        render(b, ctx.phrase("documents"), {"date": d(case["ur_denial_date"])})
        b.w("\n")

    # decisions
    out_decisions = []
    if layout in ("fdl-2014", "fdl-2016"):
        b.w("IMR ISSUES, DECISIONS AND RATIONALES\n" if layout == "fdl-2014" else "IMR DECISION(S) AND RATIONALE(S)\n")
        b.w("The Final Determination was based on decisions for the disputed items/services set forth below:\n")
    elif layout == "notice-2013":
        b.w("IMR ISSUES, DECISIONS AND RATIONALES\n")
    for k, (it, dec) in enumerate(zip(items, decisions, strict=True), 1):
        if layout in ("fdl-2014", "fdl-2016"):
            idx = b.s(it["text"], "TREATMENT")
            item_spans.append(idx)
            b.w(":  ")
            decision_spans.append(b.s(dec.capitalize(), "DECISION"))
            b.w("\n")
        elif layout == "notice-2013":
            b.w(f"{k}. ")
            b.s(it["text"], "TREATMENT")
            b.w(" ")
            b.s(necessity_phrase(dec), "DECISION")
            b.w(".\n")
        elif len(items) > 1:
            b.s(it["text"], "TREATMENT")
            b.w(":  ")
            b.s(dec.capitalize(), "DECISION")
            b.w("\n")
        ca = [citation(ctx, it["guides"]) for _ in range(rng.choice([1, 1, 2]))]
        rv = [citation(ctx, it["guides"]) for _ in range(rng.choice([1, 1, 2]))]
        cites = []
        if layout in ("fdl-2014", "fdl-2016"):
            cites += write_citations(
                b, ctx, "claims_administrator", ca, "Claims Administrator guideline: Decision based on "
            )
            b.w("\n")
            cites += write_citations(b, ctx, "reviewer", rv, "MAXIMUS guideline: Decision based on ")
            b.w("\nDecision rationale: ")
        elif layout == "notice-2013":
            cites += write_citations(b, ctx, "claims_administrator", ca, ctx.phrase("notice_ca"))
            b.w("\n")
            cites += write_citations(b, ctx, "reviewer", rv, ctx.phrase("notice_reviewer"))
            b.w("\nRationale for the Decision:\n")
        else:
            cites += write_citations(
                b, ctx, "reviewer", rv, "MEDICAL TREATMENT GUIDELINE(S) RELIED UPON BY PROFESSIONAL REVIEWER AND WHY:\n"
            )
            b.w(" " + ctx.phrase("why") + "\n")
            b.w(
                "RATIONALE FOR WHY THE REQUESTED TREATMENT/SERVICE IS/WAS "
                + ("NOT " if dec == "upheld" else "")
                + "MEDICALLY NECESSARY:\n"
            )
        rstart = b.pos
        if rng.random() < 0.5:
            prior = f"{ctx.pick('modifiers')} {ctx.pick('prior_treatments')}"
            history = ctx.phrase("rationale_history")
            if history.startswith("{Mod}"):
                prior = prior[0].upper() + prior[1:]
            render(
                b, history.replace("{mod} {pt}", "{pt}").replace("{Mod} {pt}", "{pt}"), {"pt": [(prior, "TREATMENT")]}
            )
            b.w(" ")
        render(
            b,
            ctx.phrase("rationale_upheld" if dec == "upheld" else "rationale_overturned"),
            {"t": [(it["mention"], "TREATMENT")]},
        )
        b.w(" ")
        render(b, ctx.phrase("rationale_close"), {"t": [(it["mention"], "TREATMENT")]})
        tail = "is not medically necessary" if dec == "upheld" else "is medically necessary"
        b.w(" Therefore, the request ")
        b.s(tail, "DECISION")
        b.w(".")
        rationale = b.text[rstart:]
        b.w("\n")
        out_decisions.append({"item": it["text"], "decision": dec, "cites": cites, "rationale": rationale})
    if layout == "professional-review":
        b.w("MEDICAL REVIEWER QUALIFICATIONS:\n")
        render(b, ctx.phrase("credentials_sentence"), {"spec": case["reviewer"]["specialty"], "states": lic_text})
        b.w("\n")
    return {
        "text": b.text,
        "spans": b.spans,
        "case": case,
        "layout": layout,
        "decisions": out_decisions,
        "item_spans": item_spans,
        "templates": ctx.templates,
    }


def add_noise(rec: dict[str, Any], rng: random.Random) -> tuple[str, list[tuple[int, int, str]], list[str]]:
    """PDF-extraction noise on a generated letter, carrying the gold spans along."""
    text, spans, applied = rec["text"], rec["spans"], []
    steps = [
        ("rewrap", 0.7, lambda t: noise.rewrap_edits(t, rng.randint(55, 110), keep_breaks=True)),
        ("hyphenate", 0.3, lambda t: noise.hyphenate_edits(t, rng, 0.2)),
        ("run_together", 0.2, lambda t: noise.run_together_edits(t, rng, 0.5)),
        ("double_spaces", 0.3, lambda t: noise.double_space_edits(t, rng, 0.05)),
        (
            "furniture",
            0.5,
            lambda t: noise.furniture_edits(
                t, rng.randint(25, 50), rec["case"]["case_number"] if rng.random() < 0.5 else None
            ),
        ),
        ("blank_lines", 0.4, noise.blank_line_edits),
    ]
    for name, p, make in steps:
        if rng.random() < p:
            text, spans = noise.apply(text, make(text), spans)
            applied.append(name)
    return text, spans, applied


def _decisions(text: str, spans: list[tuple[int, int, str]], rec: dict[str, Any]) -> list[dict[str, Any]]:
    out = []
    for d, si in zip(rec["decisions"], rec["item_spans"], strict=True):
        a, b, _ = spans[si]
        cites = []
        for c in d["cites"]:
            s, e, _ = spans[c["_span"]]
            cites.append(
                {
                    "by": c["by"],
                    "guideline": c["guideline"],
                    "section": c["section"],
                    "pages": c["pages"],
                    "text": c["text"],
                    "span": [s, e],
                }
            )
        out.append(
            {
                "item": d["item"],
                "item_span": [a, b],
                "decision": d["decision"],
                "medically_necessary": d["decision"] == "overturned",
                "citations": cites,
                "rationale": re.sub(r"\s+", " ", d["rationale"]).strip(),
            }
        )
    return out


def generate(n: int, seed: int = 0, heldout_share: float = 0.2) -> Iterator[dict[str, Any]]:
    """`n` labelled synthetic letters as corpus records, deterministic from `seed`."""
    rng = random.Random(seed)
    for i in range(n):
        layout = LAYOUTS[i % len(LAYOUTS)]
        heldout = rng.random() < heldout_share
        n_items = rng.choice([1, 1, 1, 2, 2, 3, 4, 5])
        rec = letter(rng.randrange(2**32), layout, heldout, n_items)
        text, spans, applied = add_noise(rec, random.Random(rng.randrange(2**32)))
        case = dict(rec["case"])
        yield {
            "id": f"synth-{seed}-{i:05d}",
            "text": text,
            "spans": [{"start": s, "end": e, "label": lab} for s, e, lab in sorted(set(spans))],
            "decisions": _decisions(text, spans, rec),
            "case": case,
            "meta": {
                "layout": layout,
                "origin": "synthetic",
                "style": "heldout" if heldout else "train",
                "templates": rec["templates"],
                "noise": applied,
            },
        }


__all__ = ["generate", "icd_diagnoses", "letter"]
