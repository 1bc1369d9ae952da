"""Corpus tables and full-text search (SQLite FTS5 or a PostgreSQL tsvector column).

Revision ID: 0001
Revises:
Create Date: 2026-11-29 13:53:16.429546
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "actors",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("key", sa.String(length=300), nullable=False),
        sa.Column("type", sa.String(length=16), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("search_name", sa.Text(), nullable=False),
        sa.Column("country", sa.String(length=3), nullable=True),
        sa.Column("sector", sa.String(length=8), nullable=True),
        sa.Column("sectors", sa.Text(), nullable=False),
        sa.Column("titles", sa.Text(), nullable=False),
        sa.Column("aliases", sa.Text(), nullable=False),
        sa.Column("geonameid", sa.Integer(), nullable=True),
        sa.Column("article_count", sa.Integer(), nullable=False),
        sa.Column("mention_count", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("actors", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_actors_country"), ["country"], unique=False)
        batch_op.create_index("ix_actors_key", ["key"], unique=False)
        batch_op.create_index("ix_actors_type_key", ["type", "key"], unique=False)

    op.create_table(
        "article_bands",
        sa.Column("key", sa.BigInteger(), nullable=False),
        sa.Column("band", sa.SmallInteger(), nullable=False),
        sa.Column("article_id", sa.String(length=32), nullable=False),
        sa.PrimaryKeyConstraint("key", "band", "article_id"),
    )
    op.create_table(
        "articles",
        sa.Column("seq", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("uri", sa.Text(), nullable=True),
        sa.Column("url", sa.Text(), nullable=True),
        sa.Column("source", sa.String(length=200), nullable=True),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("published", sa.Date(), nullable=True),
        sa.Column("language", sa.String(length=8), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("schema_version", sa.Integer(), nullable=False),
        sa.Column("result", sa.Text(), nullable=False),
        sa.Column("minhash", sa.LargeBinary(), nullable=True),
        sa.Column("duplicate_of", sa.String(length=32), nullable=True),
        sa.Column("similarity", sa.Float(), nullable=True),
        sa.Column("ingested_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("seq"),
        sa.UniqueConstraint("id"),
    )
    with op.batch_alter_table("articles", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_articles_duplicate_of"), ["duplicate_of"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_articles_published"), ["published"], unique=False)
        batch_op.create_index(batch_op.f("ix_articles_source"), ["source"], unique=False)

    op.create_table(
        "inputs",
        sa.Column("uri", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("article_id", sa.String(length=32), nullable=True),
        sa.Column("finished_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("uri"),
    )
    op.create_table(
        "rejected",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("uri", sa.Text(), nullable=False),
        sa.Column("reason", sa.String(length=40), nullable=False),
        sa.Column("message", sa.Text(), nullable=False),
        sa.Column("rejected_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("uri", "reason", name="uq_rejected_uri_reason"),
    )
    op.create_table(
        "claims",
        sa.Column("article_id", sa.String(length=32), nullable=False),
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("value", sa.Float(), nullable=True),
        sa.Column("value_high", sa.Float(), nullable=True),
        sa.Column("unit", sa.String(length=40), nullable=True),
        sa.Column("measure", sa.Text(), nullable=True),
        sa.Column("qualifier", sa.String(length=40), nullable=True),
        sa.Column("direction", sa.String(length=8), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("subject_actor_id", sa.Integer(), nullable=True),
        sa.Column("claimant_actor_id", sa.Integer(), nullable=True),
        sa.Column("time", sa.String(length=32), nullable=True),
        sa.Column("quote_id", sa.String(length=32), nullable=True),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.id"],
        ),
        sa.ForeignKeyConstraint(
            ["claimant_actor_id"],
            ["actors.id"],
        ),
        sa.ForeignKeyConstraint(
            ["subject_actor_id"],
            ["actors.id"],
        ),
        sa.PrimaryKeyConstraint("article_id", "id"),
    )
    op.create_table(
        "entities",
        sa.Column("article_id", sa.String(length=32), nullable=False),
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("actor_id", sa.Integer(), nullable=True),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("type", sa.String(length=16), nullable=False),
        sa.Column("country", sa.String(length=3), nullable=True),
        sa.Column("sector", sa.String(length=8), nullable=True),
        sa.Column("mentions", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["actor_id"],
            ["actors.id"],
        ),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.id"],
        ),
        sa.PrimaryKeyConstraint("article_id", "id"),
    )
    with op.batch_alter_table("entities", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_entities_actor_id"), ["actor_id"], unique=False)

    op.create_table(
        "event_participants",
        sa.Column("article_id", sa.String(length=32), nullable=False),
        sa.Column("event_id", sa.String(length=32), nullable=False),
        sa.Column("role", sa.String(length=10), nullable=False),
        sa.Column("position", sa.SmallInteger(), nullable=False),
        sa.Column("actor_id", sa.Integer(), nullable=True),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("code", sa.String(length=16), nullable=True),
        sa.Column("country", sa.String(length=3), nullable=True),
        sa.Column("sector", sa.String(length=8), nullable=True),
        sa.Column("day_start", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(
            ["actor_id"],
            ["actors.id"],
        ),
        sa.PrimaryKeyConstraint("article_id", "event_id", "role", "position"),
    )
    with op.batch_alter_table("event_participants", schema=None) as batch_op:
        batch_op.create_index("ix_participants_actor_day", ["actor_id", "day_start"], unique=False)
        batch_op.create_index("ix_participants_country_day", ["country", "day_start"], unique=False)

    op.create_table(
        "events",
        sa.Column("article_id", sa.String(length=32), nullable=False),
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("type", sa.String(length=24), nullable=False),
        sa.Column("mode", sa.String(length=24), nullable=True),
        sa.Column("cameo", sa.String(length=8), nullable=True),
        sa.Column("quad", sa.SmallInteger(), nullable=True),
        sa.Column("goldstein", sa.Float(), nullable=True),
        sa.Column("trigger", sa.Text(), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("date_value", sa.String(length=32), nullable=True),
        sa.Column("day_start", sa.Date(), nullable=True),
        sa.Column("day_end", sa.Date(), nullable=True),
        sa.Column("date_fallback", sa.Boolean(), nullable=False),
        sa.Column("location", sa.Text(), nullable=True),
        sa.Column("geonameid", sa.Integer(), nullable=True),
        sa.Column("latitude", sa.Float(), nullable=True),
        sa.Column("longitude", sa.Float(), nullable=True),
        sa.Column("location_country", sa.String(length=3), nullable=True),
        sa.Column("negated", sa.Boolean(), nullable=False),
        sa.Column("future", sa.Boolean(), nullable=False),
        sa.Column("hypothetical", sa.Boolean(), nullable=False),
        sa.Column("quote_id", sa.String(length=32), nullable=True),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.id"],
        ),
        sa.PrimaryKeyConstraint("article_id", "id"),
    )
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_events_day_start"), ["day_start"], unique=False)
        batch_op.create_index(batch_op.f("ix_events_type"), ["type"], unique=False)

    op.create_table(
        "quotes",
        sa.Column("article_id", sa.String(length=32), nullable=False),
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("kind", sa.String(length=8), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("cue", sa.Text(), nullable=True),
        sa.Column("speaker", sa.Text(), nullable=True),
        sa.Column("speaker_kind", sa.String(length=8), nullable=False),
        sa.Column("speaker_actor_id", sa.Integer(), nullable=True),
        sa.Column("addressee_actor_id", sa.Integer(), nullable=True),
        sa.Column("via", sa.Text(), nullable=False),
        sa.Column("in_caption", sa.Boolean(), nullable=False),
        sa.Column("published", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(
            ["addressee_actor_id"],
            ["actors.id"],
        ),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.id"],
        ),
        sa.ForeignKeyConstraint(
            ["speaker_actor_id"],
            ["actors.id"],
        ),
        sa.PrimaryKeyConstraint("article_id", "id"),
    )
    with op.batch_alter_table("quotes", schema=None) as batch_op:
        batch_op.create_index(
            "ix_quotes_speaker_published", ["speaker_actor_id", "published"], unique=False
        )

    _create_full_text()


def downgrade() -> None:
    _drop_full_text()
    with op.batch_alter_table("quotes", schema=None) as batch_op:
        batch_op.drop_index("ix_quotes_speaker_published")

    op.drop_table("quotes")
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_events_type"))
        batch_op.drop_index(batch_op.f("ix_events_day_start"))

    op.drop_table("events")
    with op.batch_alter_table("event_participants", schema=None) as batch_op:
        batch_op.drop_index("ix_participants_country_day")
        batch_op.drop_index("ix_participants_actor_day")

    op.drop_table("event_participants")
    with op.batch_alter_table("entities", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_entities_actor_id"))

    op.drop_table("entities")
    op.drop_table("claims")
    op.drop_table("rejected")
    op.drop_table("inputs")
    with op.batch_alter_table("articles", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_articles_source"))
        batch_op.drop_index(batch_op.f("ix_articles_published"))
        batch_op.drop_index(batch_op.f("ix_articles_duplicate_of"))

    op.drop_table("articles")
    op.drop_table("article_bands")
    with op.batch_alter_table("actors", schema=None) as batch_op:
        batch_op.drop_index("ix_actors_type_key")
        batch_op.drop_index("ix_actors_key")
        batch_op.drop_index(batch_op.f("ix_actors_country"))

    op.drop_table("actors")


# Search indexes are dialect-specific and invisible to SQLAlchemy's models: FTS5 is a virtual
# table kept in step by triggers; PostgreSQL gets a generated tsvector column and a GIN index.
_SQLITE_FTS = (
    "CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content='articles', "
    "content_rowid='seq', tokenize='porter unicode61 remove_diacritics 2')",
    "CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN "
    "INSERT INTO articles_fts(rowid, title, text) VALUES (new.seq, new.title, new.text); END",
    "CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN "
    "INSERT INTO articles_fts(articles_fts, rowid, title, text) "
    "VALUES ('delete', old.seq, old.title, old.text); END",
    "CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text ON articles BEGIN "
    "INSERT INTO articles_fts(articles_fts, rowid, title, text) "
    "VALUES ('delete', old.seq, old.title, old.text); "
    "INSERT INTO articles_fts(rowid, title, text) VALUES (new.seq, new.title, new.text); END",
)
_POSTGRES_FTS = (
    "ALTER TABLE articles ADD COLUMN tsv tsvector GENERATED ALWAYS AS "
    "(to_tsvector('english', coalesce(title, '') || ' ' || text)) STORED",
    "CREATE INDEX ix_articles_tsv ON articles USING GIN (tsv)",
)


def _create_full_text() -> None:
    dialect = op.get_bind().dialect.name
    for statement in _SQLITE_FTS if dialect == "sqlite" else _POSTGRES_FTS:
        op.execute(statement)


def _drop_full_text() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for name in ("articles_fts_insert", "articles_fts_delete", "articles_fts_update"):
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
        op.execute("DROP TABLE IF EXISTS articles_fts")
    else:
        op.execute("DROP INDEX IF EXISTS ix_articles_tsv")
        op.execute("ALTER TABLE articles DROP COLUMN IF EXISTS tsv")
