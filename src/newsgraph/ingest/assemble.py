"""Build an Article's single text and its spans from classified blocks."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field

from newsgraph.schema import Caption, Paragraph, ParagraphKind, Section
from newsgraph.schema.spans import CharSpan

PARAGRAPH_SEPARATOR = "\n\n"


@dataclass(frozen=True, slots=True)
class Block:
    """One paragraph-sized piece of a page, before offsets exist."""

    kind: ParagraphKind
    text: str
    credit: str | None = None


@dataclass
class Page:
    """What a source parser found: the blocks in reading order and the page's metadata."""

    blocks: list[Block] = field(default_factory=list)
    title: str | None = None
    subtitle: str | None = None
    authors: list[str] = field(default_factory=list)
    contributors: list[str] = field(default_factory=list)
    published: dt.date | None = None
    site_name: str | None = None
    url: str | None = None
    junk: list[str] = field(default_factory=list)
    """Page furniture dropped from the text."""
    duplicates: list[str] = field(default_factory=list)
    """Lines dropped because they repeated an earlier one."""
    credits: list[str] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Layout:
    text: str
    paragraphs: tuple[Paragraph, ...]
    captions: tuple[Caption, ...]
    sections: tuple[Section, ...]


def assemble(blocks: Sequence[Block]) -> Layout:
    """Join blocks with blank lines into one text; paragraphs, captions and sections index it."""
    parts: list[str] = []
    paragraphs: list[Paragraph] = []
    captions: list[Caption] = []
    pos = 0
    for block in blocks:
        if parts:
            pos += len(PARAGRAPH_SEPARATOR)
        start, end = pos, pos + len(block.text)
        parts.append(block.text)
        paragraphs.append(Paragraph(start=start, end=end, text=block.text, kind=block.kind))
        if block.kind == "caption":
            captions.append(Caption(start=start, end=end, text=block.text, credit=block.credit))
        pos = end
    text = PARAGRAPH_SEPARATOR.join(parts)
    return Layout(text, tuple(paragraphs), tuple(captions), _sections(paragraphs, len(text)))


def _sections(paragraphs: Sequence[Paragraph], text_len: int) -> tuple[Section, ...]:
    headings = [p for p in paragraphs if p.kind == "heading"]
    sections = []
    for i, head in enumerate(headings):
        end = (
            headings[i + 1].start - len(PARAGRAPH_SEPARATOR) if i + 1 < len(headings) else text_len
        )
        heading = CharSpan(start=head.start, end=head.end, text=head.text)
        sections.append(Section(heading=heading, start=head.start, end=end))
    return tuple(sections)


def article_id(text: str) -> str:
    """Stable id: a hash of the canonical text, so re-reading the same article gives the same id."""
    return hashlib.sha256(text.encode()).hexdigest()[:16]
