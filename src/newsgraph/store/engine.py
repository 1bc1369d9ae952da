"""Open a store URL: normalise it, create the engine, bring the schema to the latest migration."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, OperationalError, SQLAlchemyError

from newsgraph.errors import StoreError

DEFAULT_URL = "sqlite:///newsgraph.db"
MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def normalise_url(url: str) -> str:
    """`postgresql://…` means psycopg 3 (SQLAlchemy's default driver would be psycopg2)."""
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise StoreError(
            f"store URL {url!r} is not a database URL; use sqlite:///PATH or postgresql://USER@HOST/DB"
        ) from None
    if parsed.drivername in ("postgresql", "postgres"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    if not parsed.drivername.startswith(("sqlite", "postgresql")):
        raise StoreError(
            f"store URL {url!r}: unsupported database {parsed.drivername!r}; use sqlite or postgresql"
        )
    return parsed.render_as_string(hide_password=False)


def connect(url: str) -> Engine:
    """An engine for `url` with the schema migrated to head."""
    url = normalise_url(url)
    if url.startswith("sqlite"):
        database = make_url(url).database
        if database and database != ":memory:" and not Path(database).parent.exists():
            raise StoreError(
                f"store URL {url!r}: folder {str(Path(database).parent)!r} does not exist"
            )
    try:
        engine = create_engine(url)
        if engine.dialect.name == "sqlite":
            event.listen(engine, "connect", _sqlite_pragmas)
        migrate(engine)
    except OperationalError as e:
        raise StoreError(f"cannot open store {_safe(url)}: {e.orig}") from e
    except SQLAlchemyError as e:
        raise StoreError(f"cannot open store {_safe(url)}: {e}") from e
    return engine


def migrate(engine: Engine) -> None:
    """Run Alembic's upgrade to head inside one transaction (a no-op when already current)."""
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    # WAL lets readers (the web UI, a second terminal) work while an ingest writes; NORMAL
    # sync is still crash-safe in WAL mode, only the last commit may be lost on power failure.
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()


def _safe(url: str) -> str:
    return repr(make_url(url).render_as_string(hide_password=True))
