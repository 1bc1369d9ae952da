"""Alembic environment: newsgraph passes the connection in (see store/engine.py migrate)."""

from __future__ import annotations

from alembic import context

from newsgraph.store.tables import metadata

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("run migrations through newsgraph.store.engine.migrate(engine)")
context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
