"""Builders for tests: articles and spaCy Docs without loading a model."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from newsgraph.ingest.assemble import Block, article_id, assemble
from newsgraph.schema import Article

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
