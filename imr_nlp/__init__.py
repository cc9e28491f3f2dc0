"""imr_nlp: California workers' compensation IMR determination letters -> data.

>>> import imr_nlp
>>> nlp = imr_nlp.load()                      # spaCy pipeline
>>> record = imr_nlp.extract("letter.pdf")    # typed Determination
>>> record.to_dict()["decisions"]
"""

from imr_nlp.pipeline import build_rules_pipeline, extract, extract_many, load
from imr_nlp.reader import InputError, Letter, read_path
from imr_nlp.record import Case, Citation, Decision, Determination, Entity, validate

__version__ = "0.1.0"
__all__ = [
    "Case",
    "Citation",
    "Decision",
    "Determination",
    "Entity",
    "InputError",
    "Letter",
    "build_rules_pipeline",
    "extract",
    "extract_many",
    "load",
    "read_path",
    "validate",
]
