"""RSS and Atom feeds: one input per entry, the linked page when it can be fetched, else the entry's own content.

feedparser only ever sees the feed as a byte stream. Given a string it fetches anything that
looks like a URL and opens anything that names a file, and ingest must decide what is fetched.
"""

from __future__ import annotations

import datetime as dt
import html
import io
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from pathlib import PurePosixPath
from typing import Any
from urllib.parse import urlsplit

from newsgraph.errors import UnreadableSource
from newsgraph.ingest.sources import Fetcher, RawInput, is_url, read_input
from newsgraph.settings import IngestSettings

_SNIFF = 65536
# Named like this, a file is a feed even when its start is not recognised; a bad one is then
# refused as a feed ("format") instead of being read as an empty HTML page.
_FEED_SUFFIXES = frozenset({".rss", ".atom"})
_PROLOG_ITEM = re.compile(
    r"\s*(?:<\?.*?\?>|<!--.*?-->|<!doctype\b(?:[^\[>]|\[.*?\])*>)", re.DOTALL | re.IGNORECASE
)
_ROOT = re.compile(r"\s*<((?:[A-Za-z_][\w.-]*:)?[A-Za-z_][\w.-]*)([^>]*)")
_ATOM_NAMESPACES = ("http://www.w3.org/2005/atom", "http://purl.org/atom/ns#")
_MARKUP = re.compile(r"<[A-Za-z/!][^>]*>")


@dataclass(frozen=True, slots=True)
class FeedEntry:
    """One feed entry's input, with the metadata the feed states for it."""

    raw: RawInput
    title: str | None
    published: dt.date | None
    source: str | None
    """The feed's own title (the channel), i.e. the publication."""


def is_feed(raw: RawInput) -> bool:
    """Whether the input is an RSS 0.9x/1.0/2.0 or Atom document, judged by its root element."""
    if raw.format == "json":
        return False
    if _suffix(raw.uri) in _FEED_SUFFIXES:
        return True
    head = raw.text[:_SNIFF].lstrip("\ufeff")
    pos = 0
    while item := _PROLOG_ITEM.match(head, pos):
        pos = item.end()
    root = _ROOT.match(head, pos)
    if root is None:
        return False
    tag, attrs = root.groups()
    if tag in {"rss", "rdf:RDF"}:
        return True
    # <feed> is also a common custom element; only Atom's namespace makes it a feed.
    return tag.rpartition(":")[2] == "feed" and any(ns in attrs.lower() for ns in _ATOM_NAMESPACES)


def feed_inputs(
    raw: RawInput,
    *,
    fetch: Fetcher | None,
    timeout: float,
    online: bool = True,
    max_bytes: int | None = None,
) -> Iterator[FeedEntry | UnreadableSource]:
    """One FeedEntry per entry, or the error for that entry; UnreadableSource if `raw` is no feed.

    Online, an entry's http(s) link is fetched (within `max_bytes`, default the ingest setting)
    and the page is read; when that fails, or offline, the entry's own content stands in.
    The feed is parsed here, so a document that is not a feed is refused at the call.
    """
    parsed = _parse(raw)
    return _entries(
        raw,
        parsed,
        fetch=fetch,
        timeout=timeout,
        online=online,
        max_bytes=max_bytes if max_bytes is not None else IngestSettings().max_bytes,
    )


def _suffix(uri: str) -> str:
    path = urlsplit(uri).path if is_url(uri) else uri
    return PurePosixPath(path).suffix.lower()


def _parse(raw: RawInput) -> Any:
    import feedparser  # only feeds pay for the import

    # The text is already decoded: say so, or feedparser trusts the XML declaration's encoding.
    headers = {"content-type": "application/xml; charset=utf-8"}
    if raw.url:
        headers["content-location"] = raw.url  # base for relative entry links
    parsed = feedparser.parse(io.BytesIO(raw.text.encode("utf-8")), response_headers=headers)
    if parsed.entries:
        return parsed  # feedparser recovers entries from many broken feeds; use them
    if parsed.bozo or not parsed.version:
        problem = parsed.get("bozo_exception") or "no RSS or Atom root element"
        raise UnreadableSource(
            raw.uri, f"is not a readable RSS or Atom feed: {problem}", reason="format"
        )
    raise UnreadableSource(raw.uri, "is a feed with no entries", reason="empty")


def _entries(
    raw: RawInput,
    parsed: Any,
    *,
    fetch: Fetcher | None,
    timeout: float,
    online: bool,
    max_bytes: int,
) -> Iterator[FeedEntry | UnreadableSource]:
    source = _clean(parsed.feed.get("title"))
    for index, entry in enumerate(parsed.entries):
        title = _clean(entry.get("title"))
        got = _entry_input(
            raw,
            index,
            entry,
            title,
            fetch=fetch,
            timeout=timeout,
            online=online,
            max_bytes=max_bytes,
        )
        if isinstance(got, UnreadableSource):
            yield got
        else:
            yield FeedEntry(got, title, _entry_date(entry), source)


def _entry_input(
    raw: RawInput,
    index: int,
    entry: Mapping[str, Any],
    title: str | None,
    *,
    fetch: Fetcher | None,
    timeout: float,
    online: bool,
    max_bytes: int,
) -> RawInput | UnreadableSource:
    link = entry.get("link")
    link = link if isinstance(link, str) and is_url(link) else None
    failure: UnreadableSource | None = None
    if online and link:
        try:
            return read_input(link, max_bytes=max_bytes, fetch=fetch, timeout=timeout)
        except UnreadableSource as e:
            failure = e
    uri = link or f"{raw.uri}#{entry.get('id') or index}"
    content = _content(entry)
    if content is not None:
        return _content_input(uri, link, title, *content)
    if failure is not None:
        return failure  # says why the page could not be had, which "no content" would hide
    if link:
        return UnreadableSource(
            uri, "feed entry has no content and its link is not fetched offline", reason="empty"
        )
    return UnreadableSource(uri, "feed entry has no link and no content", reason="empty")


def _content(entry: Mapping[str, Any]) -> tuple[str, str] | None:
    """The entry's own (value, MIME type): its full content first, else its summary."""
    candidates = [*(entry.get("content") or [])[:1]]
    candidates.append(entry.get("summary_detail") or {"value": entry.get("summary")})
    for detail in candidates:
        value = detail.get("value")
        if isinstance(value, str) and value.strip():
            return value, str(detail.get("type") or "text/html")
    return None


def _content_input(
    uri: str, link: str | None, title: str | None, value: str, mime: str
) -> RawInput:
    # feedparser has already unescaped text/plain; HTML without tags is text with entities.
    if mime == "text/plain" or not _MARKUP.search(value):
        text = value if mime == "text/plain" else html.unescape(value)
        if title and not text.lstrip().startswith(title):
            text = f"{title}\n\n{text}"  # a first line on its own is how pasted text gives a title
        return RawInput(uri, text, "text", link)
    if not title:
        return RawInput(uri, value, "html", link)
    # A bare fragment has no title; give it one where a linked page would have it.
    heading = html.escape(title)
    page = (
        f"<!doctype html><html><head><title>{heading}</title></head>"
        f"<body><article><h1>{heading}</h1>{value}</article></body></html>"
    )
    return RawInput(uri, page, "html", link)


def _entry_date(entry: Mapping[str, Any]) -> dt.date | None:
    for key in ("published", "updated", "created"):
        stamp = entry.get(f"{key}_parsed")
        if stamp is None:
            continue
        # feedparser converts to UTC, which moves an evening story to the next day; the date
        # as the publisher wrote it is the one readers and the article page give.
        return _local_date(entry.get(key)) or dt.date(*stamp[:3])
    return None


def _local_date(value: object) -> dt.date | None:
    if not isinstance(value, str):
        return None
    try:
        return dt.datetime.fromisoformat(value.strip()).date()  # Atom: RFC 3339
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(value).date()  # RSS: RFC 822
    except (TypeError, ValueError, IndexError):
        return None


def _clean(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    return " ".join(value.split()) or None
