"""The NLP stage: the spaCy pipeline with flashpoint's components, and row extraction."""

from flashpoint.nlp.batch import NlpTask, annotate
from flashpoint.nlp.extract import EXTRACTORS, register_extractor
from flashpoint.nlp.model import build_pipeline, get_pipeline, load_model

__all__ = [
    "EXTRACTORS",
    "NlpTask",
    "annotate",
    "build_pipeline",
    "get_pipeline",
    "load_model",
    "register_extractor",
]
