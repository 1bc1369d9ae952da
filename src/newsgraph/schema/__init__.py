"""The v1 result contract. Imports nothing else from newsgraph except errors (for upgrade)."""

from newsgraph.schema.annotations import (
    Claim,
    Entity,
    Event,
    EventDate,
    ExtractorRun,
    Quote,
    Rejection,
    SpeakerKind,
    Timex,
)
from newsgraph.schema.article import (
    Article,
    Caption,
    Cleaning,
    DateRange,
    Paragraph,
    ParagraphKind,
    PublishedSource,
    RejectedInput,
    Section,
    Source,
    SourceFormat,
)
from newsgraph.schema.document import SCHEMA_VERSION, Provenance, ResultDocument
from newsgraph.schema.spans import CharSpan, Model

__all__ = [
    "SCHEMA_VERSION",
    "Article",
    "Caption",
    "CharSpan",
    "Claim",
    "Cleaning",
    "DateRange",
    "Entity",
    "Event",
    "EventDate",
    "ExtractorRun",
    "Model",
    "Paragraph",
    "ParagraphKind",
    "Provenance",
    "PublishedSource",
    "Quote",
    "RejectedInput",
    "Rejection",
    "ResultDocument",
    "Section",
    "Source",
    "SourceFormat",
    "SpeakerKind",
    "Timex",
]
