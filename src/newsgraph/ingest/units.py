"""Input units: the smallest piece of input that becomes one article (or one rejection).

A file is one unit; a JSON list, a JSONL dump and a feed are one unit per record or entry. A
unit is what a corpus ingest ships to a worker and records as done, so an interrupted run over
a million-line dump resumes at the line it stopped at, not at the start of the file.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from newsgraph.errors import SourceError, UnreadableSource
from newsgraph.ingest.feeds import feed_inputs, is_feed
from newsgraph.ingest.records import Record, iter_records
from newsgraph.ingest.sources import Fetcher, RawInput, is_url, read_input
from newsgraph.schema import RejectedInput, SourceFormat
from newsgraph.settings import IngestSettings


@dataclass(frozen=True, slots=True)
class Unit:
    """One article's worth of input: its content and the metadata its container vouches for."""

    uri: str
    record: Record
    format: SourceFormat


def iter_units(
    uris: Iterable[str],
    *,
    settings: IngestSettings,
    fetch: Fetcher | None = None,
    online: bool = True,
) -> Iterator[Unit | RejectedInput]:
    """Read every input and split containers; unreadable inputs become RejectedInputs."""
    for uri in uris:
        if not online and is_url(uri):
            yield RejectedInput(
                uri=uri, reason="fetch", message=f"{uri}: is a URL, and fetching is off (offline)"
            )
            continue
        try:
            raw = read_input(
                uri, max_bytes=settings.max_bytes, fetch=fetch, timeout=settings.fetch_timeout
            )
            yield from _units_of(raw, settings=settings, fetch=fetch, online=online)
        except SourceError as e:
            yield rejection(e)


def _units_of(
    raw: RawInput, *, settings: IngestSettings, fetch: Fetcher | None, online: bool
) -> Iterator[Unit | RejectedInput]:
    if raw.format == "json":
        for where, rec in list(iter_records(raw.uri, raw.text)):
            yield rejection(rec) if isinstance(rec, UnreadableSource) else Unit(where, rec, "json")
        return
    if is_feed(raw):
        entries = feed_inputs(
            raw,
            fetch=fetch,
            timeout=settings.fetch_timeout,
            online=online,
            max_bytes=settings.max_bytes,
        )
        for entry in entries:
            if isinstance(entry, UnreadableSource):
                yield rejection(entry)
                continue
            page = entry.raw
            content = {"html": page.text} if page.format == "html" else {"text": page.text}
            record = Record(
                **content,
                title=entry.title,
                published=entry.published,
                source=entry.source,
                url=page.url,
            )
            yield Unit(page.uri, record, page.format)
        return
    record = Record(html=raw.text, url=raw.url) if raw.format == "html" else Record(text=raw.text)
    yield Unit(raw.uri, record, raw.format)


def rejection(error: SourceError) -> RejectedInput:
    """The stored form of an input that could not become an article."""
    reason = getattr(error, "reason", "unreadable")
    return RejectedInput(uri=error.uri, reason=str(reason), message=str(error))
