"""The span categoriser's suggester: which spans the model scores.

Plain n-grams up to the length of a long treatment ("Electromyogram and nerve conduction studies
of the upper extremities", 10 tokens) are ~10 candidates per token, most of them absurd. This
suggester keeps n-grams that could be a mention: they start and end on a word that is not
punctuation, whitespace or a function word, and contain no sentence punctuation (``.``, ``;``,
``:``) -- PDF line breaks inside are fine. It adds every span the span ruler proposed (the
lexicon), so the model can accept or reject rule matches. That cuts the candidates several
times over (recall and speed both depend on this choice; see the README).
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial

import numpy
from spacy.tokens import Doc
from spacy.util import registry
from thinc.api import Ops, get_current_ops
from thinc.types import Ragged

EDGE_STOPWORDS = frozenset(
    "a an the of and or with for to in on at by from as is was are were be been has have had his her their "
    "its this that these those who which while than then per x after before since later during until when "
    "where whether both each all any no not also only such because due if but nor so into onto over under "
    "about".split()
)
BLOCKERS = frozenset(".;:!?")


def candidate_spans(doc: Doc, max_length: int, spans_key: str | None) -> numpy.ndarray:
    """(start, end) token offsets of the candidate spans of one doc, unique, sorted."""
    n = len(doc)
    if n == 0:
        return numpy.zeros((0, 2), dtype="i")
    words = [t.lower_ for t in doc]
    is_space = numpy.fromiter((t.is_space for t in doc), bool, n)  # page furniture too (SpaceNormaliser)
    is_punct = numpy.fromiter((not any(c.isalnum() for c in t) for t in words), bool, n)
    edge_ok = ~is_space & ~is_punct & numpy.fromiter((t not in EDGE_STOPWORDS for t in words), bool, n)
    blocker = numpy.fromiter((t in BLOCKERS for t in words), bool, n)
    blocked_before = numpy.concatenate(([0], numpy.cumsum(blocker)))  # blockers in doc[:i]
    found = []
    starts = numpy.arange(n)
    for size in range(1, min(max_length, n) + 1):
        s = starts[: n - size + 1]
        e = s + size
        ok = edge_ok[s] & edge_ok[e - 1] & (blocked_before[e] - blocked_before[s] == 0)
        found.append(numpy.stack([s[ok], e[ok]], axis=1))
    if spans_key and spans_key in doc.spans:
        found.append(numpy.array([[sp.start, sp.end] for sp in doc.spans[spans_key]], dtype=int).reshape(-1, 2))
    return numpy.unique(numpy.concatenate(found).astype("i"), axis=0)


def mention_suggester(docs: Iterable[Doc], max_length: int, spans_key: str | None, *, ops: Ops | None = None) -> Ragged:
    ops = ops or get_current_ops()
    per_doc = [candidate_spans(doc, max_length, spans_key) for doc in docs]
    lengths = ops.asarray1i([len(c) for c in per_doc])
    data = numpy.concatenate(per_doc) if per_doc and sum(len(c) for c in per_doc) else numpy.zeros((0, 2), dtype="i")
    return Ragged(ops.asarray2i(data.astype("i")), lengths)


@registry.misc("imr_nlp.mention_suggester.v1")
def build_mention_suggester(max_length: int = 10, spans_key: str | None = "ruler"):  # noqa: ANN201
    """Registered suggester: filtered n-grams up to `max_length` plus the spans in `spans_key`."""
    return partial(mention_suggester, max_length=max_length, spans_key=spans_key)
