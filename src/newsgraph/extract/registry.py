"""The built-in extractors, in one explicit tuple."""

from __future__ import annotations

from newsgraph.extract.base import Extractor
from newsgraph.extract.claims import ClaimExtractor
from newsgraph.extract.entities import EntityExtractor
from newsgraph.extract.events import EventExtractor
from newsgraph.extract.quotes import QuoteExtractor
from newsgraph.extract.timex import TimexExtractor

BUILTIN_EXTRACTORS: tuple[type[Extractor], ...] = (
    EntityExtractor,
    QuoteExtractor,
    TimexExtractor,
    EventExtractor,
    ClaimExtractor,
)
