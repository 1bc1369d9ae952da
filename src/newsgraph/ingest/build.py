"""Turn a parsed Page into a validated Article."""

from __future__ import annotations

import datetime as dt

from newsgraph.errors import NoArticleContent
from newsgraph.ingest.assemble import Page, article_id, assemble
from newsgraph.ingest.language import detect_language
from newsgraph.ingest.published import infer_published
from newsgraph.schema import Article, CharSpan, Cleaning, PublishedSource, Source, SourceFormat
from newsgraph.settings import IngestSettings


def build_article(
    page: Page,
    *,
    uri: str,
    fmt: SourceFormat,
    settings: IngestSettings,
    published: dt.date | None = None,
    source_name: str | None = None,
) -> Article:
    """Assemble the text, check it is an English article, and date it."""
    layout = assemble(page.blocks)
    if len(layout.text) > settings.max_chars:
        raise NoArticleContent(
            uri,
            f"has {len(layout.text):,} characters of text, over the {settings.max_chars:,}-character limit "
            "(ingest.max_chars)",
            reason="too_long",
        )
    body = "\n".join(p.text for p in layout.paragraphs if p.kind in ("body", "standfirst"))
    if len(body) < settings.min_chars:
        raise NoArticleContent(
            uri,
            f"has only {len(body)} characters of article text (minimum {settings.min_chars})",
            reason="too_short" if body else "empty",
        )
    language = detect_language(body) or "und"
    if settings.require_english and language != "en":
        raise NoArticleContent(
            uri,
            f"is not in English (detected language: {language}); newsgraph's models read English only",
            reason="wrong_language",
        )

    source: PublishedSource | None = None
    date = None
    date_range = None
    evidence: tuple[CharSpan, ...] = ()
    if published is not None:
        date, source = published, "given"
    elif page.published is not None:
        date, source = page.published, "metadata"
    elif guess := infer_published(layout.text):
        date, source = guess.date, "inferred"
        date_range, evidence = guess.range, guess.evidence

    return Article(
        id=article_id(layout.text),
        title=page.title,
        subtitle=page.subtitle,
        authors=tuple(page.authors),
        contributors=tuple(page.contributors),
        published=date,
        published_source=source,
        published_range=date_range,
        published_evidence=evidence,
        source=Source(name=source_name or page.site_name, url=page.url, uri=uri, format=fmt),
        language=language,
        text=layout.text,
        paragraphs=layout.paragraphs,
        captions=layout.captions,
        sections=layout.sections,
        cleaning=Cleaning(
            junk_lines=tuple(page.junk),
            duplicate_lines=tuple(page.duplicates),
            credits=tuple(dict.fromkeys(page.credits)),
        ),
    )
