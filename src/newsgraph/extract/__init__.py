"""Stage 3: (Article, Doc) to annotations, by small extractors with declared requirements."""

from newsgraph.extract.base import Extracted, ExtractionContext, Extractor
from newsgraph.extract.registry import BUILTIN_EXTRACTORS
from newsgraph.extract.runner import build_extractors, order_extractors, run_extractors

__all__ = [
    "BUILTIN_EXTRACTORS",
    "Extracted",
    "ExtractionContext",
    "Extractor",
    "build_extractors",
    "order_extractors",
    "run_extractors",
]
