"""The shipped imr_nlp pipeline (rules + trained span categoriser + decision linker).

A Python package like spaCy's packaged models: ``imr_nlp_model.load()`` or
``spacy.load(imr_nlp_model.path())``. ``imr_nlp.load()`` uses it by default.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Any


def path() -> Path:
    """The pipeline directory (config.cfg, meta.json and the components' files)."""
    return Path(str(resources.files(__name__).joinpath("pipeline")))


def load(**overrides: Any) -> Any:
    import spacy

    return spacy.load(path(), **overrides)
