"""Exports of a small hand-built corpus: JSON Lines, CSV, Parquet and GDELT events."""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterator
from typing import Any

import pyarrow as pa  # type: ignore[import-untyped]
import pyarrow.parquet as pq  # type: ignore[import-untyped]
import pytest
from sqlalchemy import select

from newsgraph.errors import StoreError
from newsgraph.schema import (
    CharSpan,
    Claim,
    Entity,
    Event,
    EventDate,
    Mention,
    Place,
    Provenance,
    Quote,
    ResultDocument,
    Source,
)
from newsgraph.store import Store, Stored, signature
from newsgraph.store import tables as t
from newsgraph.store.export import (
    GDELT_COLUMNS,
    TABLES,
    _geo_type,
    export,
    export_csv,
    export_gdelt,
    export_jsonl,
    export_parquet,
)
from newsgraph.testing import make_article

PROV = Provenance(newsgraph_version="test")

FLOOD_TITLE = "Estonia asks China for flood aid"
FLOOD = (
    "Estonia appealed to the Chinese government for flood aid in Tartu on 12 March 2025.",
    '"We need pumps and boats," said Mari Tamm, a regional governor.',
    "The Chinese navy did not attack the ferry.",
    "Damage reached 40 million euros, the ministry said.",
)
GRID = (
    "Latvia and Lithuania signed a grid accord in March.",
    "Poland will join the accord next year.",
)


def _span(text: str, surface: str, after: str = "") -> CharSpan:
    """The first `surface` in `text` at or after the first `after`."""
    start = text.index(surface, text.index(after))
    return CharSpan.of(text, start, start + len(surface))


def _entity(text: str, id_: str, surface: str, type_: str, **fields: Any) -> Entity:
    mention = Mention(**_span(text, surface).model_dump())
    return Entity(id=id_, name=surface, type=type_, mentions=(mention,), **fields)


def _flood(paragraphs: tuple[str, ...] = FLOOD) -> ResultDocument:
    article = make_article(*paragraphs, title=FLOOD_TITLE).model_copy(
        update={
            "published": dt.date(2025, 3, 13),
            "source": Source(name="Baltic Wire", url="https://example.org/flood"),
        }
    )
    text = article.text
    estonia = Place(
        geonameid=453733,
        name="Estonia",
        feature="country",
        country="EST",
        latitude=59.0,
        longitude=26.0,
    )
    tartu = Place(
        geonameid=588335,
        name="Tartu",
        feature="city",
        country="EST",
        latitude=58.38062,
        longitude=26.72509,
    )
    entities = (
        _entity(text, "e1", "Estonia", "GPE", country="EST", place=estonia),
        _entity(text, "e2", "Chinese government", "ORG", country="CHN", sector="GOV"),
        _entity(text, "e3", "Tartu", "GPE", country="EST", place=tartu),
        _entity(text, "e4", "Mari Tamm", "PERSON", country="EST", sector="GOV"),
        _entity(text, "e5", "Chinese navy", "ORG", country="CHN", sector="MIL"),
    )
    appeal = Event(
        id="v1",
        type="REQUEST",
        cameo="0231",
        quad=1,
        goldstein=3.4,
        actors=("e1",),
        recipients=("e2",),
        actor_spans=(_span(text, "Estonia", after="Estonia appealed"),),
        recipient_spans=(_span(text, "Chinese government"),),
        actor_codes=("EST",),
        recipient_codes=("CHNGOV",),
        location="e3",
        date=EventDate(value="2025-03-12", timex="t1"),
        trigger=_span(text, "appealed"),
    )
    attack = Event(
        id="v2",
        type="ASSAULT",
        cameo="190",
        quad=4,
        goldstein=-10.0,
        actors=("e5",),
        actor_spans=(_span(text, "Chinese navy"),),
        recipient_spans=(_span(text, "the ferry"),),
        actor_codes=("CHNMIL",),
        recipient_codes=("",),
        trigger=_span(text, "attack"),
        negated=True,
    )
    quote = Quote(
        id="q1",
        kind="direct",
        content=(_span(text, "We need pumps and boats,"),),
        cue=_span(text, "said"),
        speaker=_span(text, "Mari Tamm"),
        speaker_entity="e4",
        speaker_kind="named",
    )
    claim = Claim(
        id="c1",
        value=4e7,
        kind="money",
        unit="EUR",
        measure="Damage",
        span=_span(text, "40 million euros"),
    )
    return ResultDocument(
        article=article,
        provenance=PROV,
        entities=entities,
        events=(appeal, attack),
        quotes=(quote,),
        claims=(claim,),
    )


def _grid() -> ResultDocument:
    article = make_article(*GRID, title="Baltic grid accord").model_copy(
        update={"published": dt.date(2025, 3, 20), "source": Source(uri="grid.txt")}
    )
    text = article.text
    entities = (
        _entity(text, "e1", "Latvia", "GPE", country="LVA"),
        _entity(text, "e2", "Lithuania", "GPE", country="LTU"),
        _entity(text, "e3", "Poland", "GPE", country="POL"),
    )
    signed = Event(
        id="v1",
        type="AGREE",
        cameo="057",
        quad=1,
        goldstein=8.0,
        actors=("e1", "e2"),
        actor_spans=(_span(text, "Latvia"), _span(text, "Lithuania")),
        actor_codes=("LVA", "LTU"),
        date=EventDate(value="2025-03", timex="t1"),
        trigger=_span(text, "signed"),
    )
    join = Event(
        id="v2",
        type="AGREE",
        cameo="057",
        actors=("e3",),
        actor_spans=(_span(text, "Poland"),),
        actor_codes=("POL",),
        trigger=_span(text, "join"),
        future=True,
    )
    return ResultDocument(
        article=article, provenance=PROV, entities=entities, events=(signed, join)
    )


def _reprint() -> ResultDocument:
    """The flood story again with one word changed: a near-duplicate of the first."""
    return _flood((*FLOOD[:-1], "Damage reached 40 million euros, the ministry reported."))


@pytest.fixture(scope="module")
def originals() -> tuple[ResultDocument, ...]:
    return (_flood(), _grid())


@pytest.fixture(scope="module")
def store(
    tmp_path_factory: pytest.TempPathFactory, originals: tuple[ResultDocument, ...]
) -> Iterator[Store]:
    path = tmp_path_factory.mktemp("export") / "t.db"
    with Store.open(f"sqlite:///{path}") as opened:
        results = (*originals, _reprint())
        statuses = opened.write(
            [Stored(f"in/{i}", r, signature(r.article.text)) for i, r in enumerate(results)]
        )
        assert statuses == ["stored", "stored", "duplicate"]
        yield opened


def _seq_and_added(store: Store, result: ResultDocument) -> tuple[int, str]:
    a = t.articles.c
    with store.engine.connect() as conn:
        seq, added = conn.execute(
            select(a.seq, a.ingested_at).where(a.id == result.article.id)
        ).one()
    return seq, added.strftime("%Y%m%d%H%M%S")


# -- JSON Lines -----------------------------------------------------------------------------


def test_jsonl_round_trips_originals_and_leaves_out_duplicates(store, originals):
    stream = io.StringIO()
    assert export_jsonl(store, stream) == 2
    lines = stream.getvalue().splitlines()
    assert [ResultDocument.model_validate_json(line) for line in lines] == list(originals)


def test_jsonl_includes_duplicates_when_asked(store):
    stream = io.StringIO()
    assert export_jsonl(store, stream, include_duplicates=True) == 3
    ids = [ResultDocument.model_validate_json(x).article.id for x in stream.getvalue().splitlines()]
    assert ids[2] == _reprint().article.id


# -- CSV and Parquet ------------------------------------------------------------------------

ROWS = {
    "articles": 2,
    "entities": 8,
    "actors": 8,
    "quotes": 1,
    "events": 4,
    "event_participants": 7,
    "claims": 1,
}


def _header(table: str) -> list[str]:
    names = [c.name for c in TABLES[table].columns]
    return (
        [n for n in names if n not in {"result", "minhash", "text"}]
        if table == "articles"
        else names
    )


def test_every_table_is_exportable():
    assert set(TABLES) == set(ROWS)


@pytest.mark.parametrize(("table", "rows"), ROWS.items())
def test_csv_has_the_table_header_and_one_line_per_row(store, table, rows):
    stream = io.StringIO(newline="")
    assert export_csv(store, table, stream) == rows
    header, *body = list(csv.reader(io.StringIO(stream.getvalue(), newline="")))
    assert header == _header(table)
    assert len(body) == rows


def test_csv_writes_dates_and_empty_values_plainly(store):
    stream = io.StringIO(newline="")
    export_csv(store, "events", stream)
    rows = list(csv.DictReader(io.StringIO(stream.getvalue(), newline="")))
    appeal = next(r for r in rows if r["trigger"] == "appealed")
    assert appeal["day_start"] == "2025-03-12"
    assert appeal["location"] == "Tartu" and appeal["geonameid"] == "588335"
    assert appeal["quote_id"] == ""


def test_articles_csv_keeps_bulky_columns_out_unless_asked(store):
    stream = io.StringIO(newline="")
    assert export_csv(store, "articles", stream, all_columns=True, include_duplicates=True) == 3
    header = next(csv.reader(io.StringIO(stream.getvalue(), newline="")))
    assert {"result", "minhash", "text"} <= set(header)


@pytest.mark.parametrize(("table", "rows"), ROWS.items())
def test_parquet_reads_back_with_every_row(store, tmp_path, table, rows):
    path = tmp_path / f"{table}.parquet"
    assert export_parquet(store, table, path) == rows
    read = pq.read_table(path)
    assert read.num_rows == rows
    assert read.column_names == _header(table)


def test_parquet_keeps_column_types(store, tmp_path):
    path = tmp_path / "events.parquet"
    export_parquet(store, "events", path)
    read = pq.read_table(path)
    assert read.schema.field("day_start").type == pa.date32()
    assert read.schema.field("negated").type == pa.bool_()
    events = read.to_pylist()
    assert {e["cameo"] for e in events} == {"0231", "190", "057"}
    assert sum(e["negated"] for e in events) == 1


def test_parquet_writes_to_a_binary_stream(store):
    buffer = io.BytesIO()
    assert export_parquet(store, "quotes", buffer) == 1
    assert pq.read_table(io.BytesIO(buffer.getvalue())).column("speaker").to_pylist() == [
        "Mari Tamm"
    ]


def test_parquet_of_an_empty_store_is_typed_and_empty(tmp_path):
    with Store.open(f"sqlite:///{tmp_path}/empty.db") as empty:
        assert export_parquet(empty, "claims", tmp_path / "c.parquet") == 0
    read = pq.read_table(tmp_path / "c.parquet")
    assert read.num_rows == 0
    assert read.schema.field("value").type == pa.float64()


# -- GDELT ----------------------------------------------------------------------------------


def _gdelt(store: Store) -> list[dict[str, str]]:
    stream = io.StringIO()
    count = export_gdelt(store, stream)
    header, *lines = stream.getvalue().splitlines()
    assert header.split("\t") == list(GDELT_COLUMNS)
    assert all(len(line.split("\t")) == 61 for line in lines)
    assert count == len(lines)
    return [dict(zip(GDELT_COLUMNS, line.split("\t"), strict=True)) for line in lines]


def test_gdelt_has_the_61_columns_in_gdelt_order():
    assert len(GDELT_COLUMNS) == 61
    assert GDELT_COLUMNS[:6] == (
        "GLOBALEVENTID",
        "SQLDATE",
        "MonthYear",
        "Year",
        "FractionDate",
        "Actor1Code",
    )
    assert GDELT_COLUMNS[25:28] == ("IsRootEvent", "EventCode", "EventBaseCode")
    assert GDELT_COLUMNS[35] == "Actor1Geo_Type" and GDELT_COLUMNS[51] == "ActionGeo_Type"
    assert GDELT_COLUMNS[-2:] == ("DATEADDED", "SOURCEURL")


def test_gdelt_keeps_only_events_that_happened(store):
    rows = _gdelt(store)
    # The negated attack, the future accession and the reprint's events are all left out.
    assert [r["EventCode"] for r in rows] == ["0231", "057"]


def test_gdelt_row_of_a_dated_placed_event(store):
    seq, added = _seq_and_added(store, _flood())
    row = _gdelt(store)[0]
    expected = {
        "GLOBALEVENTID": str(seq * 1000),
        "SQLDATE": "20250312",
        "MonthYear": "202503",
        "Year": "2025",
        "FractionDate": "2025.1973",
        "Actor1Code": "EST",
        "Actor1Name": "ESTONIA",
        "Actor1CountryCode": "EST",
        "Actor1Type1Code": "",
        "Actor2Code": "CHNGOV",
        "Actor2Name": "CHINESE GOVERNMENT",
        "Actor2CountryCode": "CHN",
        "Actor2Type1Code": "GOV",
        "IsRootEvent": "1",
        "EventCode": "0231",
        "EventBaseCode": "023",
        "EventRootCode": "02",
        "QuadClass": "1",
        "GoldsteinScale": "3.4",
        "NumMentions": "1",
        "NumSources": "1",
        "NumArticles": "1",
        "AvgTone": "",
        "Actor1Geo_Type": "1",
        "Actor1Geo_CountryCode": "EST",
        "Actor1Geo_FeatureID": "453733",
        "Actor2Geo_Type": "",
        "ActionGeo_Type": "4",
        "ActionGeo_FullName": "Tartu",
        "ActionGeo_CountryCode": "EST",
        "ActionGeo_Lat": "58.38062",
        "ActionGeo_Long": "26.72509",
        "ActionGeo_FeatureID": "588335",
        "DATEADDED": added,
        "SOURCEURL": "https://example.org/flood",
    }
    assert {k: row[k] for k in expected} == expected


def test_gdelt_falls_back_to_the_publication_day_for_a_month_date(store):
    seq, _ = _seq_and_added(store, _grid())
    row = _gdelt(store)[1]
    assert row["GLOBALEVENTID"] == str(seq * 1000)
    assert (row["SQLDATE"], row["MonthYear"], row["FractionDate"]) == (
        "20250320",
        "202503",
        "2025.2192",
    )
    assert (row["Actor1Code"], row["Actor1Name"], row["Actor2Code"]) == ("LVA", "LATVIA", "")
    assert row["ActionGeo_Type"] == "" and row["GoldsteinScale"] == "8"
    assert row["SOURCEURL"] == "grid.txt"


@pytest.mark.parametrize(
    ("feature", "country", "geo_type"),
    [
        ("country", "EST", 1),
        ("state", "USA", 2),
        ("city", "USA", 3),
        ("capital", "EST", 4),
        ("city", "EST", 4),
        ("state", "EST", 5),
    ],
)
def test_gdelt_geo_type_follows_the_gdelt_codebook(feature, country, geo_type):
    place = Place(geonameid=1, name="Somewhere", feature=feature, country=country)
    assert _geo_type(place) == geo_type


# -- the dispatcher -------------------------------------------------------------------------


@pytest.mark.parametrize(("fmt", "rows"), [("jsonl", 2), ("csv", 4), ("parquet", 4), ("gdelt", 2)])
def test_export_writes_each_format_to_a_file(store, tmp_path, fmt, rows):
    path = tmp_path / f"out.{fmt}"
    assert export(store, fmt, path) == rows
    assert path.stat().st_size > 0


def test_unknown_table_names_the_valid_ones_and_writes_nothing(store, tmp_path):
    path = tmp_path / "out.csv"
    with pytest.raises(StoreError, match="unknown table 'people'") as error:
        export(store, "csv", path, table="people")
    assert all(name in str(error.value) for name in TABLES)
    assert not path.exists()
    with pytest.raises(StoreError, match="event_participants"):
        export_parquet(store, "people", tmp_path / "out.parquet")


def test_unknown_format_names_the_valid_ones(store, tmp_path):
    with pytest.raises(StoreError, match=r"unknown export format 'xml'.*'gdelt'"):
        export(store, "xml", tmp_path / "out.xml")
