"""Stage 1: sources (files, URLs, stdin, JSON records) become Articles, or RejectedInputs."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from pathlib import Path

from newsgraph.errors import SourceError
from newsgraph.ingest.build import build_article
from newsgraph.ingest.html import parse_html
from newsgraph.ingest.sources import Fetcher, is_url
from newsgraph.ingest.text import parse_pasted
from newsgraph.ingest.units import Unit, iter_units, rejection
from newsgraph.schema import Article, RejectedInput, SourceFormat
from newsgraph.settings import IngestSettings

__all__ = [
    "Unit",
    "article_from_html",
    "article_from_text",
    "article_of_unit",
    "expand_inputs",
    "iter_units",
    "load_articles",
]

TEXT_SUFFIXES = (
    *(".txt", ".text", ".md", ".html", ".htm", ".xhtml"),
    *(".json", ".jsonl", ".ndjson", ".rss", ".atom", ".xml"),
)


def article_from_text(
    text: str,
    *,
    uri: str = "-",
    settings: IngestSettings | None = None,
    published: dt.date | None = None,
    source_name: str | None = None,
    url: str | None = None,
    fmt: SourceFormat = "text",
) -> Article:
    """An Article from pasted news text (title, standfirst, captions, headings and furniture)."""
    page = parse_pasted(text)
    page.url = url
    return build_article(
        page,
        uri=uri,
        fmt=fmt,
        settings=settings or IngestSettings(),
        published=published,
        source_name=source_name,
    )


def article_from_html(
    html: str,
    *,
    uri: str = "-",
    settings: IngestSettings | None = None,
    published: dt.date | None = None,
    source_name: str | None = None,
    url: str | None = None,
    fmt: SourceFormat = "html",
) -> Article:
    """An Article from an HTML page, with trafilatura's metadata (title, author, date, site, URL)."""
    return build_article(
        parse_html(html, uri=uri, url=url),
        uri=uri,
        fmt=fmt,
        settings=settings or IngestSettings(),
        published=published,
        source_name=source_name,
    )


def expand_inputs(uris: Iterable[str]) -> Iterator[str]:
    """Paths as given; directories replaced by the article files inside them (recursively, sorted)."""
    for uri in uris:
        path = Path(uri)
        if uri != "-" and not is_url(uri) and path.is_dir():
            files = sorted(
                p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in TEXT_SUFFIXES
            )
            if not files:
                yield uri  # reported as "is a directory" with no articles in it
            yield from (str(p) for p in files)
        else:
            yield uri


def load_articles(
    uris: Iterable[str],
    *,
    settings: IngestSettings | None = None,
    published: dt.date | None = None,
    source_name: str | None = None,
    fetch: Fetcher | None = None,
) -> Iterator[Article | RejectedInput]:
    """Read every input; each yields Articles, or a RejectedInput saying why it could not."""
    settings = settings or IngestSettings()
    for unit in iter_units(uris, settings=settings, fetch=fetch):
        if isinstance(unit, RejectedInput):
            yield unit
            continue
        try:
            yield article_of_unit(
                unit, settings=settings, published=published, source_name=source_name
            )
        except SourceError as e:
            yield rejection(e)


def article_of_unit(
    unit: Unit,
    *,
    settings: IngestSettings,
    published: dt.date | None = None,
    source_name: str | None = None,
) -> Article:
    """The Article of one input unit; raises SourceError (with the reason) when there is none."""
    rec = unit.record
    reader = article_from_html if rec.html else article_from_text
    article = reader(
        rec.html or rec.text or "",
        uri=unit.uri,
        settings=settings,
        published=published,
        source_name=source_name or rec.source,
        url=rec.url,
        fmt=unit.format,
    )
    # Record fields are metadata the producer vouches for; they win over what was read from the text.
    updates: dict[str, object] = {}
    if rec.title:
        updates["title"] = rec.title
    if rec.author_list:
        updates["authors"] = tuple(rec.author_list)
    if published is None and rec.published_date is not None:
        updates |= {
            "published": rec.published_date,
            "published_source": "metadata",
            "published_range": None,
            "published_evidence": (),
        }
    return article.model_copy(update=updates) if updates else article
