"""Named entities: spaCy's mentions grouped by name within the article.

This is the foundation layer: mentions with the same normalised name form one entity.
Coreference across name variants, titles, roles and actor codes build on it (issue 3).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from typing import ClassVar

from pydantic import BaseModel, ConfigDict

from newsgraph.extract.base import Extracted, ExtractionContext
from newsgraph.schema import CharSpan, Entity, Rejection

# Values and times are other layers' business (claims, timexes), not actors or places.
_NON_ENTITY_LABELS = frozenset(
    {"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL"}
)
_LEADING_THE = re.compile(r"^(?:the|The)(?:\s+|$)")
_TRAILING_POSSESSIVE = re.compile(r"\s*['’]s?$")


class EntitiesConfig(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    min_chars: int = 2
    """Mentions shorter than this (after trimming) are noise from the tagger and are rejected."""


def mention_span(text: str, start: int, end: int) -> CharSpan | None:
    """The mention without surrounding space, a leading "the" and a trailing possessive.

    A mention never crosses a line break (the tagger sometimes runs a heading into the next
    paragraph); it is cut at the first one. None if nothing is left.
    """
    surface = text[start:end]
    start += len(surface) - len(surface.lstrip())
    if (newline := text.find("\n", start, end)) != -1:
        end = newline
    end -= len(text[start:end]) - len(text[start:end].rstrip())
    surface = text[start:end]
    if m := _LEADING_THE.match(surface):
        start += m.end()
    surface = text[start:end]
    if m := _TRAILING_POSSESSIVE.search(surface):
        end -= len(m.group())
    return CharSpan.of(text, start, end) if end > start else None


def name_key(name: str) -> str:
    return " ".join(name.replace("’", "'").split()).casefold()


def group_mentions(mentions: Iterable[tuple[CharSpan, str]]) -> list[Entity]:
    """Group (span, label) pairs by normalised name into entities, in order of first mention."""
    groups: dict[str, list[tuple[CharSpan, str]]] = defaultdict(list)
    for span, label in mentions:
        groups[name_key(span.text)].append((span, label))
    entities = []
    for i, members in enumerate(groups.values(), 1):
        labels = Counter(label for _, label in members)
        names = Counter(span.text for span, _ in members)
        name = names.most_common(1)[0][0]
        entities.append(
            Entity(
                id=f"e{i}",
                name=name,
                type=labels.most_common(1)[0][0],
                aliases=tuple(sorted(n for n in names if n != name)),
                mentions=tuple(sorted((s for s, _ in members), key=lambda s: s.start)),
            )
        )
    return entities


class EntityExtractor:
    """spaCy NER mentions grouped into entities by name."""

    name: ClassVar[str] = "entities"
    version: ClassVar[int] = 1
    requires: ClassVar[tuple[str, ...]] = ()

    def __init__(self, config: EntitiesConfig | None = None) -> None:
        self.config = config or EntitiesConfig()

    def __call__(self, ctx: ExtractionContext) -> Extracted:
        text = ctx.article.text
        kept: list[tuple[CharSpan, str]] = []
        rejected: list[Rejection] = []
        for ent in ctx.doc.ents:
            if ent.label_ in _NON_ENTITY_LABELS:
                continue
            span = mention_span(text, ent.start_char, ent.end_char)
            if (
                span is None
                or len(span.text) < self.config.min_chars
                or not any(c.isalpha() for c in span.text)
            ):
                raw = CharSpan.of(text, ent.start_char, ent.end_char)
                rejected.append(
                    Rejection(extractor=self.name, reason=f"not a name ({ent.label_})", span=raw)
                )
                continue
            kept.append((span, ent.label_))
        return Extracted(group_mentions(kept), rejected)
