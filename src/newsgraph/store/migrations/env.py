"""Alembic environment: newsgraph passes the connection in (see store/engine.py migrate)."""

from __future__ import annotations

from alembic import context

from newsgraph.store.tables import metadata

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("run migrations through newsgraph.store.engine.migrate(engine)")


def _include(
    obj: object, name: str | None, type_: str, reflected: bool, compare_to: object
) -> bool:
    # Full-text objects are dialect-specific and created by hand in 0001 (SQLite's FTS5 shadow
    # tables, PostgreSQL's tsv column); autogenerate must not try to drop them.
    return not (name and (name.startswith("articles_fts") or name in {"tsv", "ix_articles_tsv"}))


context.configure(
    connection=connection,
    target_metadata=metadata,
    render_as_batch=True,
    include_object=_include,
)
with context.begin_transaction():
    context.run_migrations()
