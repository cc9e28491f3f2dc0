"""HTML evaluation report with plots (matplotlib), for people who would rather look than read."""

from __future__ import annotations

import base64
import html
import io
from pathlib import Path
from typing import Any

from imr_nlp.corpus import LABELS


def _png(fig: Any) -> str:
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=110, bbox_inches="tight")
    return base64.b64encode(buf.getvalue()).decode()


def write_html(report: dict[str, Any], path: str | Path) -> None:
    """An HTML page: span F1 per label and layout, decision/citation measures, worst letters."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    groups = {"overall": report["overall"], **report["by_layout"]}
    fig, ax = plt.subplots(figsize=(8, 3.5))
    width = 0.8 / len(groups)
    for i, (g, v) in enumerate(groups.items()):
        ax.bar(
            [x + i * width for x in range(len(LABELS))],
            [v["spans"][lab]["exact"]["f1"] for lab in LABELS],
            width,
            label=g,
        )
    ax.set_xticks([x + 0.4 - width / 2 for x in range(len(LABELS))], LABELS)
    ax.set_ylim(0, 1)
    ax.set_ylabel("exact-match F1")
    ax.legend(fontsize=7)
    spans_png = _png(fig)
    plt.close(fig)

    keys = [
        "item_text_exact",
        "decision_accuracy",
        "pages_claims_administrator",
        "pages_reviewer",
        "guidelines_reviewer",
    ]
    fig, ax = plt.subplots(figsize=(8, 3.5))
    for i, (g, v) in enumerate(groups.items()):
        ax.bar([x + i * width for x in range(len(keys))], [v["decisions"].get(k) or 0 for k in keys], width, label=g)
    ax.set_xticks([x + 0.4 - width / 2 for x in range(len(keys))], [k.replace("_", "\n") for k in keys], fontsize=7)
    ax.set_ylim(0, 1)
    ax.legend(fontsize=7)
    dec_png = _png(fig)
    plt.close(fig)

    worst = "".join(
        f"<li><b>{html.escape(w['id'])}</b> ({w['layout']}): {html.escape('; '.join(w['problems']))}</li>"
        for w in report["worst"]
    )
    case_rows = "".join(
        f"<tr><td>{f}</td>"
        + "".join(f"<td>{'' if v['case'].get(f) is None else round(v['case'][f], 3)}</td>" for v in groups.values())
        + "</tr>"
        for f in report["overall"]["case"]
    )
    head = "".join(f"<th>{g}</th>" for g in groups)
    Path(path).write_text(
        f"""<!doctype html><meta charset="utf-8"><title>imr_nlp evaluation</title>
<style>body{{font-family:sans-serif;max-width:60em;margin:2em auto}}td,th{{padding:2px 8px}}</style>
<h1>imr_nlp evaluation</h1><p>{report["overall"]["letters"]} letters.</p>
<h2>Spans</h2><img src="data:image/png;base64,{spans_png}">
<h2>Decisions and citations</h2><img src="data:image/png;base64,{dec_png}">
<h2>Case facts (accuracy)</h2><table><tr><th>field</th>{head}</tr>{case_rows}</table>
<h2>Worst letters</h2><ul>{worst}</ul>""",
        encoding="utf-8",
    )
