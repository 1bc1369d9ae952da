"""Builders for tests: articles and spaCy Docs without loading a model."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from newsgraph.ingest.assemble import Block, article_id, assemble
from newsgraph.schema import Article, CharSpan, Entity, Mention

if TYPE_CHECKING:
    from spacy.tokens import Doc


def make_article(*paragraphs: str, title: str | None = None) -> Article:
    """An Article whose text is `title` (if any) and the paragraphs, joined by blank lines."""
    blocks = ([Block("title", title)] if title else []) + [Block("body", p) for p in paragraphs]
    layout = assemble(blocks)
    return Article(
        id=article_id(layout.text),
        title=title,
        text=layout.text,
        paragraphs=layout.paragraphs,
    )


def make_doc(
    text: str,
    *,
    ents: Sequence[tuple[str, str]] = (),
) -> Doc:
    """A Doc over exactly `text` (whitespace tokens), with `ents` given as (surface, label) pairs.

    Each entity is placed at the first occurrence of its surface after the previous one; its
    surface must be whole tokens.
    """
    import spacy
    from spacy.tokens import Span

    nlp = spacy.blank("en")
    doc = nlp.make_doc(text)
    spans = []
    pos = 0
    for surface, label in ents:
        start = text.index(surface, pos)
        span = doc.char_span(start, start + len(surface), label=label)
        if span is None:
            raise ValueError(f"{surface!r} at {start} is not made of whole tokens")
        spans.append(span)
        pos = start + len(surface)
    doc.ents = [Span(doc, s.start, s.end, label=s.label_) for s in spans]
    return doc


def span_at(text: str, surface: str, *, after: str = "") -> CharSpan:
    """The span of the first `surface` in `text` at or after the first `after`."""
    start = text.index(surface, text.index(after) if after else 0)
    return CharSpan.of(text, start, start + len(surface))


def make_entity(
    text: str, id_: str, name: str, type_: str, *surfaces: str, **fields: Any
) -> Entity:
    """An entity mentioned wherever one of `surfaces` (default: its name) occurs, no overlaps."""
    spans: list[Mention] = []
    for surface in surfaces or (name,):
        for m in re.finditer(re.escape(surface), text):
            if not any(s.start <= m.start() < s.end for s in spans):
                spans.append(Mention(start=m.start(), end=m.end(), text=surface))
    return Entity(
        id=id_,
        name=name,
        type=type_,
        mentions=tuple(sorted(spans, key=lambda s: s.start)),
        **fields,
    )
