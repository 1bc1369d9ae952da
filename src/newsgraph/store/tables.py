"""The corpus tables (SQLAlchemy Core), shared by SQLite and PostgreSQL.

`articles.result` holds the full v1 ResultDocument as JSON: it is the record of truth, and
every other table is an index over it that can be rebuilt. Rows for quotes, events, claims and
entities exist only for original articles; a near-duplicate keeps its result and points at its
original through `duplicate_of`, so re-publications are never counted twice.
"""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    SmallInteger,
    String,
    Table,
    Text,
    UniqueConstraint,
)

metadata = MetaData()

# `seq` is the integer row key SQLite's FTS5 index and PostgreSQL need; `id` is the public
# article id (the hash of the cleaned text), so the same article is never stored twice.
articles = Table(
    "articles",
    metadata,
    Column("seq", Integer, primary_key=True, autoincrement=True),
    Column("id", String(32), nullable=False, unique=True),
    Column("uri", Text),
    Column("url", Text),
    Column("source", String(200), index=True),
    Column("title", Text),
    Column("published", Date, index=True),
    Column("language", String(8)),
    Column("text", Text, nullable=False),
    Column("schema_version", Integer, nullable=False),
    Column("result", Text, nullable=False),
    Column("minhash", LargeBinary),
    Column("duplicate_of", String(32), index=True),
    Column("similarity", Float),
    Column("ingested_at", DateTime, nullable=False),
)

# Locality-sensitive hashing bands of each article's MinHash: two articles sharing any band
# are near-duplicate candidates, found with an index lookup instead of a scan.
article_bands = Table(
    "article_bands",
    metadata,
    Column("key", BigInteger, primary_key=True),
    Column("band", SmallInteger, primary_key=True),
    Column("article_id", String(32), primary_key=True),
)

# One row per input unit (file, JSONL line, feed entry) whose outcome is committed; a re-run
# skips these, which is what makes an interrupted ingest resumable.
inputs = Table(
    "inputs",
    metadata,
    Column("uri", Text, primary_key=True),
    Column("status", String(16), nullable=False),
    Column("article_id", String(32)),
    Column("finished_at", DateTime, nullable=False),
)

rejected = Table(
    "rejected",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("uri", Text, nullable=False),
    Column("reason", String(40), nullable=False),
    Column("message", Text, nullable=False),
    Column("rejected_at", DateTime, nullable=False),
    UniqueConstraint("uri", "reason", name="uq_rejected_uri_reason"),
)

# Corpus-level actors: the entities of many articles merged by name key, type and country.
actors = Table(
    "actors",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("key", String(300), nullable=False),
    Column("type", String(16), nullable=False),
    Column("name", Text, nullable=False),
    Column("search_name", Text, nullable=False),
    Column("country", String(3), index=True),
    Column("sector", String(8)),
    Column("sectors", Text, nullable=False, default=""),
    Column("titles", Text, nullable=False, default="[]"),
    Column("aliases", Text, nullable=False, default="[]"),
    Column("geonameid", Integer),
    Column("article_count", Integer, nullable=False, default=0),
    Column("mention_count", Integer, nullable=False, default=0),
    Index("ix_actors_type_key", "type", "key"),
    Index("ix_actors_key", "key"),
)

entities = Table(
    "entities",
    metadata,
    Column("article_id", String(32), ForeignKey("articles.id"), primary_key=True),
    Column("id", String(32), primary_key=True),
    Column("actor_id", Integer, ForeignKey("actors.id"), index=True),
    Column("name", Text, nullable=False),
    Column("type", String(16), nullable=False),
    Column("country", String(3)),
    Column("sector", String(8)),
    Column("mentions", Integer, nullable=False),
)

quotes = Table(
    "quotes",
    metadata,
    Column("article_id", String(32), ForeignKey("articles.id"), primary_key=True),
    Column("id", String(32), primary_key=True),
    Column("kind", String(8), nullable=False),
    Column("text", Text, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("cue", Text),
    Column("speaker", Text),
    Column("speaker_kind", String(8), nullable=False),
    Column("speaker_actor_id", Integer, ForeignKey("actors.id")),
    Column("addressee_actor_id", Integer, ForeignKey("actors.id")),
    Column("via", Text, nullable=False, default=""),
    Column("in_caption", Boolean, nullable=False, default=False),
    # The article's date, copied here so "a speaker's latest quotes" reads one index in order
    # instead of sorting every quote of a much-quoted speaker.
    Column("published", Date),
    Index("ix_quotes_speaker_published", "speaker_actor_id", "published"),
)

events = Table(
    "events",
    metadata,
    Column("article_id", String(32), ForeignKey("articles.id"), primary_key=True),
    Column("id", String(32), primary_key=True),
    Column("type", String(24), nullable=False, index=True),
    Column("mode", String(24)),
    Column("cameo", String(8)),
    Column("quad", SmallInteger),
    Column("goldstein", Float),
    Column("trigger", Text, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("date_value", String(32)),
    Column("day_start", Date, index=True),
    Column("day_end", Date),
    Column("date_fallback", Boolean, nullable=False, default=False),
    Column("location", Text),
    Column("geonameid", Integer),
    Column("latitude", Float),
    Column("longitude", Float),
    Column("location_country", String(3)),
    Column("negated", Boolean, nullable=False, default=False),
    Column("future", Boolean, nullable=False, default=False),
    Column("hypothetical", Boolean, nullable=False, default=False),
    Column("quote_id", String(32)),
)

# Actors and recipients of events, one row each, so "events involving X" is an index lookup.
event_participants = Table(
    "event_participants",
    metadata,
    Column("article_id", String(32), primary_key=True),
    Column("event_id", String(32), primary_key=True),
    Column("role", String(10), primary_key=True),
    Column("position", SmallInteger, primary_key=True),
    Column("actor_id", Integer, ForeignKey("actors.id")),
    Column("name", Text, nullable=False),
    Column("code", String(16)),
    Column("country", String(3)),
    Column("sector", String(8)),
    # The event's first day, copied so an actor's or a country's latest events are an index
    # range read in date order.
    Column("day_start", Date),
    Index("ix_participants_actor_day", "actor_id", "day_start"),
    Index("ix_participants_country_day", "country", "day_start"),
)

claims = Table(
    "claims",
    metadata,
    Column("article_id", String(32), ForeignKey("articles.id"), primary_key=True),
    Column("id", String(32), primary_key=True),
    Column("kind", String(10), nullable=False),
    Column("value", Float),
    Column("value_high", Float),
    Column("unit", String(40)),
    Column("measure", Text),
    Column("qualifier", String(40)),
    Column("direction", String(8)),
    Column("text", Text, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("subject_actor_id", Integer, ForeignKey("actors.id")),
    Column("claimant_actor_id", Integer, ForeignKey("actors.id")),
    Column("time", String(32)),
    Column("quote_id", String(32)),
)

# Stories: articles reporting the same real-world event or development (analysis/stories.py).
# Assignment is incremental: an article keeps its story once given one; a near-duplicate
# shares its original's story.
stories = Table(
    "stories",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("title", Text),
    Column("first_day", Date, index=True),
    Column("last_day", Date, index=True),
    Column("article_count", Integer, nullable=False, default=0),
    Column("outlet_count", Integer, nullable=False, default=0),
)

story_articles = Table(
    "story_articles",
    metadata,
    Column("article_id", String(32), ForeignKey("articles.id"), primary_key=True),
    Column("story_id", Integer, ForeignKey("stories.id"), nullable=False, index=True),
    Column("similarity", Float),
)

# Child tables of an article, in the order rows are deleted when it is rewritten.
ARTICLE_CHILDREN = (event_participants, events, quotes, claims, entities, article_bands)
