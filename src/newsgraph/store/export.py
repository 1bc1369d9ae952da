"""Export a store: full results as JSON Lines, index tables as CSV or Parquet, events as GDELT.

::

    export(store, "jsonl", Path("corpus.jsonl"))
    export(store, "parquet", Path("events.parquet"), table="events")
    export(store, "gdelt", Path("events.tsv"))

Every export streams (rows in batches, Parquet in record batches), so memory stays flat
however big the corpus is.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, BinaryIO, TextIO

import pyarrow as pa  # type: ignore[import-untyped]
import pyarrow.parquet as pq  # type: ignore[import-untyped]
import sqlalchemy as sa
from sqlalchemy.exc import SQLAlchemyError

from newsgraph.errors import StoreError
from newsgraph.schema import Entity, Event, Place, ResultDocument
from newsgraph.schema.upgrade import upgrade
from newsgraph.store import Store
from newsgraph.store import tables as t
from newsgraph.store.rows import day_range, index_rows

__all__ = [
    "FORMATS",
    "GDELT_COLUMNS",
    "TABLES",
    "export",
    "export_csv",
    "export_gdelt",
    "export_jsonl",
    "export_parquet",
]

log = logging.getLogger(__name__)

FORMATS = ("csv", "gdelt", "jsonl", "parquet")
_EXPORTED = (t.articles, t.entities, t.actors, t.quotes, t.events, t.event_participants, t.claims)
TABLES: dict[str, sa.Table] = {table.name: table for table in _EXPORTED}
# The bulky columns of `articles`, left out of a table export unless asked for.
_ARTICLE_BULK = frozenset({"result", "minhash", "text"})
_BATCH = 5000

_ACTOR = ["Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code"]
_ACTOR += ["Religion2Code", "Type1Code", "Type2Code", "Type3Code"]
_GEO = ["Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID"]
GDELT_COLUMNS: tuple[str, ...] = (
    *("GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate"),
    *(f"Actor1{c}" for c in _ACTOR),
    *(f"Actor2{c}" for c in _ACTOR),
    *("IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass"),
    *("GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone"),
    *(f"{who}Geo_{c}" for who in ("Actor1", "Actor2", "Action") for c in _GEO),
    *("DATEADDED", "SOURCEURL"),
)
# GLOBALEVENTID is article seq * this + the event's position in the result: stable across runs.
_EVENTS_PER_ARTICLE = 1000


def export(
    store: Store,
    fmt: str,
    path: Path,
    *,
    table: str = "events",
    include_duplicates: bool = False,
    all_columns: bool = False,
) -> int:
    """Write the store to `path` in `fmt` (jsonl, csv, parquet, gdelt); returns rows written.

    `table` picks the index table for csv and parquet; `include_duplicates` applies to jsonl and
    the articles table (the other tables only ever hold originals).
    """
    if fmt not in FORMATS:
        raise StoreError(f"unknown export format {fmt!r}; available: {list(FORMATS)}")
    if fmt in ("csv", "parquet"):
        _table(table)  # fail before creating an empty file
    if fmt == "parquet":
        return export_parquet(
            store, table, path, include_duplicates=include_duplicates, all_columns=all_columns
        )
    # newline="": the csv module writes its own line ends, and JSONL/TSV get "\n" everywhere.
    with path.open("w", encoding="utf-8", newline="") as stream:
        if fmt == "jsonl":
            return export_jsonl(store, stream, include_duplicates=include_duplicates)
        if fmt == "gdelt":
            return export_gdelt(store, stream)
        return export_csv(
            store, table, stream, include_duplicates=include_duplicates, all_columns=all_columns
        )


def export_jsonl(store: Store, stream: TextIO, *, include_duplicates: bool = False) -> int:
    """One full v1 ResultDocument per line, in ingest order; returns documents written."""
    count = 0
    with _reading(store):
        for result in store.results(include_duplicates=include_duplicates):
            stream.write(result.model_dump_json() + "\n")
            count += 1
    return count


def export_csv(
    store: Store,
    table: str,
    stream: TextIO,
    *,
    include_duplicates: bool = False,
    all_columns: bool = False,
) -> int:
    """One index table as CSV with a header row; returns data rows written."""
    source = _table(table)
    columns = _columns(source, all_columns)
    writer = csv.writer(stream)
    writer.writerow([c.name for c in columns])
    count = 0
    for batch in _table_batches(store, source, columns, include_duplicates):
        writer.writerows([_csv_value(v) for v in row] for row in batch)
        count += len(batch)
    return count


def export_parquet(
    store: Store,
    table: str,
    where: Path | BinaryIO,
    *,
    include_duplicates: bool = False,
    all_columns: bool = False,
) -> int:
    """One index table as Parquet, written a record batch at a time; returns rows written."""
    source = _table(table)
    columns = _columns(source, all_columns)
    # The schema comes from the column types, so an empty or all-null column is still typed.
    schema = pa.schema([pa.field(c.name, _arrow_type(c)) for c in columns])
    count = 0
    with pq.ParquetWriter(str(where) if isinstance(where, Path) else where, schema) as writer:
        for batch in _table_batches(store, source, columns, include_duplicates):
            data = {c.name: [row[i] for row in batch] for i, c in enumerate(columns)}
            writer.write_batch(pa.RecordBatch.from_pydict(data, schema=schema))
            count += len(batch)
    return count


def export_gdelt(store: Store, stream: TextIO) -> int:
    """Events of original articles as a GDELT 2.0 events table (61 tab-separated columns).

    Only events that took place: negated, future and hypothetical ones are left out, as GDELT
    codes only what happened. Fields newsgraph does not know stay blank. Known differences
    from GDELT: Geo_CountryCode is ISO 3166 alpha-3 (GDELT uses FIPS 10-4), Geo_FeatureID is
    a GeoNames id, and SQLDATE falls back to the publication (else ingest) date when the
    event's own date is not a full day. Returns event rows written.
    """
    stream.write("\t".join(GDELT_COLUMNS) + "\n")
    count = 0
    for seq, source_url, ingested_at, result in _originals(store):
        for row in _gdelt_rows(seq, source_url, ingested_at, result):
            stream.write("\t".join(_tsv_value(v) for v in row) + "\n")
            count += 1
    return count


# -- tables ---------------------------------------------------------------------------------


def _table(name: str) -> sa.Table:
    if name not in TABLES:
        raise StoreError(f"unknown table {name!r}; available: {sorted(TABLES)}")
    return TABLES[name]


def _columns(table: sa.Table, all_columns: bool) -> list[sa.Column[Any]]:
    if all_columns or table is not t.articles:
        return list(table.columns)
    return [c for c in table.columns if c.name not in _ARTICLE_BULK]


def _table_batches(
    store: Store, table: sa.Table, columns: list[sa.Column[Any]], include_duplicates: bool
) -> Iterator[list[tuple[Any, ...]]]:
    query = sa.select(*columns).order_by(*table.primary_key.columns)
    if table is t.articles and not include_duplicates:
        query = query.where(t.articles.c.duplicate_of.is_(None))
    with _reading(store), store.engine.connect() as conn:
        # yield_per streams from a server-side cursor on PostgreSQL; SQLite fetches lazily.
        result = conn.execution_options(yield_per=_BATCH).execute(query)
        for part in result.partitions():
            yield [tuple(row) for row in part]


def _arrow_type(column: sa.Column[Any]) -> Any:
    # Most specific first: a SmallInteger is also an Integer.
    for kind, arrow in (
        (sa.Boolean, pa.bool_()),
        (sa.SmallInteger, pa.int16()),
        (sa.Integer, pa.int64()),
        (sa.Float, pa.float64()),
        (sa.DateTime, pa.timestamp("us")),
        (sa.Date, pa.date32()),
        (sa.LargeBinary, pa.binary()),
    ):
        if isinstance(column.type, kind):
            return arrow
    return pa.string()


def _csv_value(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, dt.date):  # also datetime
        return value.isoformat()
    if isinstance(value, bytes):
        return value.hex()
    return value


# -- GDELT ----------------------------------------------------------------------------------


def _originals(
    store: Store, batch: int = 200
) -> Iterator[tuple[int, str, dt.datetime, ResultDocument]]:
    """(seq, url, ingested_at, result) of each original article, in ingest order."""
    a = t.articles.c
    last = 0
    while True:
        # Keyset pages on fresh connections, as Store.results: no read transaction held open.
        query = (
            sa.select(a.seq, a.url, a.uri, a.ingested_at, a.result)
            .where(a.seq > last, a.duplicate_of.is_(None))
            .order_by(a.seq)
            .limit(batch)
        )
        with _reading(store), store.engine.connect() as conn:
            rows = conn.execute(query).all()
        if not rows:
            return
        for seq, url, uri, ingested_at, raw in rows:
            last = seq
            yield seq, url or uri or "", ingested_at, upgrade(json.loads(raw))


def _gdelt_rows(
    seq: int, source_url: str, ingested_at: dt.datetime, result: ResultDocument
) -> Iterator[list[Any]]:
    by_id = {e.id: e for e in result.entities}
    # The index rows already resolve each participant's name, code, country and sector.
    firsts = {
        (p["event_id"], p["role"]): p
        for p in index_rows(result, {})["event_participants"]
        if p["position"] == 0
    }
    lead_end = _lead_end(result)
    fallback_day = result.article.published or ingested_at.date()
    for i, ev in enumerate(result.events):
        if i == _EVENTS_PER_ARTICLE:
            log.warning("article %s: events after the %dth left out", seq, _EVENTS_PER_ARTICLE)
            return
        if ev.negated or ev.future or ev.hypothetical:
            continue
        first_actor = firsts.get((ev.id, "actor"))
        first_recipient = firsts.get((ev.id, "recipient"))
        cameo = ev.cameo or ""
        day = _event_day(ev) or fallback_day
        yield [
            seq * _EVENTS_PER_ARTICLE + i,
            *_date_fields(day),
            *_actor_fields(first_actor),
            *_actor_fields(first_recipient),
            None if lead_end is None else int(ev.trigger.start < lead_end),
            *(cameo, cameo[:3], cameo[:2], ev.quad, ev.goldstein, 1, 1, 1, None),
            *_geo_fields(_place_of(ev.actors, by_id)),
            *_geo_fields(_place_of(ev.recipients, by_id)),
            *_geo_fields(by_id[ev.location].place if ev.location in by_id else None),
            ingested_at.strftime("%Y%m%d%H%M%S"),
            source_url,
        ]


def _lead_end(result: ResultDocument) -> int | None:
    """End of the lead paragraph: GDELT's IsRootEvent marks events reported there."""
    body = result.article.paragraphs_of("body")
    return body[0].end if body else None


def _event_day(ev: Event) -> dt.date | None:
    start, end = day_range(ev.date.value if ev.date else None)
    return start if start is not None and start == end else None


def _date_fields(day: dt.date) -> list[Any]:
    # GDELT's FractionDate approximates a month as 30 days: year + ((month-1)*30 + day) / 365.
    fraction = day.year + ((day.month - 1) * 30 + day.day) / 365
    return [day.strftime("%Y%m%d"), day.strftime("%Y%m"), day.year, f"{fraction:.4f}"]


def _actor_fields(p: dict[str, Any] | None) -> list[Any]:
    """Code, name (in capitals, as GDELT), country and sector; known group, ethnicity and
    religions are not extracted."""
    if p is None:
        return [None] * len(_ACTOR)
    name = p["name"].upper() or None
    return [p["code"], name, p["country"], None, None, None, None, p["sector"], None, None]


def _place_of(ids: tuple[str, ...], by_id: dict[str, Entity]) -> Place | None:
    """The first participant's location, when it is itself a resolved place ("Estonia")."""
    return by_id[ids[0]].place if ids and ids[0] in by_id else None


def _geo_fields(p: Place | None) -> list[Any]:
    if p is None:
        return [None] * len(_GEO)
    return [_geo_type(p), p.name, p.country, None, None, p.latitude, p.longitude, p.geonameid]


def _geo_type(place: Place) -> int:
    """GDELT Geo_Type: 1 country, 2 US state, 3 US city, 4 world city, 5 world state."""
    us = place.country == "USA"
    if place.feature == "country":
        return 1
    if place.feature == "state":
        return 2 if us else 5
    return 3 if us else 4


def _tsv_value(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):  # "-10", "58.38062", as GDELT writes them
        return f"{value:.6f}".rstrip("0").rstrip(".")
    # GDELT files are unquoted: a tab or line break inside a field would shift the columns.
    return " ".join(value.split()) if isinstance(value, str) else str(value)


@contextmanager
def _reading(store: Store) -> Iterator[None]:
    try:
        yield
    except SQLAlchemyError as e:
        raise StoreError(f"exporting from {store.url} failed: {e}") from e
