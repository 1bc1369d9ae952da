"""The Article: one canonical text and every part of the page as a span into it."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field, model_validator

from newsgraph.schema.spans import CharSpan, Model, check_span

ParagraphKind = Literal["title", "standfirst", "heading", "body", "caption"]
PublishedSource = Literal["metadata", "given", "inferred"]
SourceFormat = Literal["text", "html", "json"]


class Paragraph(CharSpan):
    """A block of the article text and what part of the page it was."""

    kind: ParagraphKind


class Caption(CharSpan):
    """An image caption (a span of the text) and its photo credit, which is kept out of the text."""

    credit: str | None = None


class Section(Model):
    """A headed part of the article: the heading span and the extent it governs."""

    heading: CharSpan
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class Source(Model):
    """Where the article came from."""

    name: str | None = None
    """Outlet or site name ("The Daily Meridian")."""
    url: str | None = None
    """Canonical URL when known."""
    uri: str | None = None
    """What the user gave: a path, a URL or "-" for stdin."""
    format: SourceFormat = "text"


class DateRange(Model):
    """Inclusive range of dates that fit the evidence."""

    earliest: dt.date
    latest: dt.date


class Cleaning(Model):
    """What cleaning removed from the input, so that nothing is silently lost."""

    junk_lines: tuple[str, ...] = ()
    """Page furniture dropped from the text ("Updated:", "0:00", share buttons)."""
    duplicate_lines: tuple[str, ...] = ()
    """Lines collapsed because they repeated an earlier line (repeated headline or caption)."""
    credits: tuple[str, ...] = ()
    """Photo credits separated from captions (kept on the captions as well)."""


class Article(Model):
    """One news article with a single offset space: every span indexes `text`."""

    id: str
    title: str | None = None
    subtitle: str | None = None
    authors: tuple[str, ...] = ()
    contributors: tuple[str, ...] = ()
    published: dt.date | None = None
    published_source: PublishedSource | None = None
    published_range: DateRange | None = None
    """For inferred dates: every date the text's evidence allows."""
    published_evidence: tuple[CharSpan, ...] = ()
    """The date mentions the inference used."""
    source: Source = Source()
    language: str = "en"
    text: str
    paragraphs: tuple[Paragraph, ...] = ()
    captions: tuple[Caption, ...] = ()
    sections: tuple[Section, ...] = ()
    cleaning: Cleaning = Cleaning()

    @model_validator(mode="after")
    def _check_spans(self) -> Article:
        for i, para in enumerate(self.paragraphs):
            check_span(self.text, para, f"article.paragraphs[{i}]")
        for i, cap in enumerate(self.captions):
            check_span(self.text, cap, f"article.captions[{i}]")
        for i, sec in enumerate(self.sections):
            check_span(self.text, sec.heading, f"article.sections[{i}].heading")
            if not sec.start <= sec.heading.start <= sec.end <= len(self.text):
                raise ValueError(
                    f"article.sections[{i}]: extent [{sec.start}, {sec.end}) is invalid"
                )
        for i, ev in enumerate(self.published_evidence):
            check_span(self.text, ev, f"article.published_evidence[{i}]")
        if self.published_range and self.published_range.earliest > self.published_range.latest:
            raise ValueError("article.published_range: earliest is after latest")
        return self

    def paragraphs_of(self, *kinds: ParagraphKind) -> tuple[Paragraph, ...]:
        """Paragraphs of the given kinds, in text order."""
        return tuple(p for p in self.paragraphs if p.kind in kinds)


class RejectedInput(Model):
    """An input that did not become an Article, and why; stored, never silently dropped."""

    uri: str
    reason: str
    """Machine-readable: missing, directory, empty, binary, encoding, too_large, fetch, format,
    too_short, no_article, wrong_language."""
    message: str
