"""Stage 4: results in a SQLite (default) or PostgreSQL store, and the queries over it.

::

    store = Store.open("sqlite:///newsgraph.db")
    store.write([Stored(uri, result, signature(result.article.text))])
    store.quotes(speaker="Li Shangfu")

Imports only `schema` (and its own modules): the store never parses or extracts.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Sequence
from typing import Any, TypeVar

from sqlalchemy import Connection, Engine, select
from sqlalchemy.exc import SQLAlchemyError

from newsgraph.errors import NotFound, StoreError
from newsgraph.schema import ResultDocument
from newsgraph.schema.upgrade import upgrade
from newsgraph.store import queries
from newsgraph.store import tables as t
from newsgraph.store.dedup import Signature, signature
from newsgraph.store.engine import DEFAULT_URL, connect
from newsgraph.store.queries import Row
from newsgraph.store.rows import quotes_mentioning
from newsgraph.store.write import Outcome, Rejected, Status, Stored, write_batch

__all__ = [
    "DEFAULT_URL",
    "Outcome",
    "Rejected",
    "Row",
    "Signature",
    "Status",
    "Store",
    "Stored",
    "signature",
]


_T = TypeVar("_T")


class Store:
    """A corpus of results. Safe to read from many processes; write from one at a time."""

    def __init__(self, engine: Engine, *, near_duplicate: float = 0.6) -> None:
        self.engine = engine
        self.near_duplicate = near_duplicate

    @classmethod
    def open(cls, url: str = DEFAULT_URL, *, near_duplicate: float = 0.6) -> Store:
        """Open (creating and migrating if needed) the store at `url`."""
        return cls(connect(url), near_duplicate=near_duplicate)

    @property
    def url(self) -> str:
        return self.engine.url.render_as_string(hide_password=True)

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    # -- writing ---------------------------------------------------------------------------

    def write(self, outcomes: Sequence[Outcome]) -> list[Status]:
        """Commit a batch in one transaction: all of it is recorded, or none of it."""
        try:
            with self.engine.begin() as conn:
                return write_batch(conn, outcomes, threshold=self.near_duplicate)
        except SQLAlchemyError as e:
            raise StoreError(f"writing {len(outcomes)} result(s) to {self.url} failed: {e}") from e

    def done_inputs(self, uris: Sequence[str]) -> set[str]:
        """Which of these input units an earlier run already recorded."""
        done: set[str] = set()
        with self.engine.connect() as conn:
            for i in range(0, len(uris), 500):
                chunk = uris[i : i + 500]
                done.update(conn.scalars(select(t.inputs.c.uri).where(t.inputs.c.uri.in_(chunk))))
        return done

    # -- reading ---------------------------------------------------------------------------

    def result(self, article_id: str) -> ResultDocument:
        """The stored result of an article, by id or unambiguous id prefix."""
        with self.engine.connect() as conn:
            matches = queries.article_ids_like(conn, article_id) if article_id else []
            if len(matches) > 1 and article_id not in matches:
                raise StoreError(
                    f"article id prefix {article_id!r} is ambiguous: {', '.join(matches)}, …"
                )
            if not matches:
                raise NotFound("article", article_id)
            key = article_id if article_id in matches else matches[0]
            raw = conn.scalar(select(t.articles.c.result).where(t.articles.c.id == key))
        return upgrade(json.loads(str(raw)))

    def results(
        self, *, include_duplicates: bool = True, batch: int = 200
    ) -> Iterator[ResultDocument]:
        """Every stored result, in ingest order (streamed: memory stays flat)."""
        last = 0
        while True:
            q = select(t.articles.c.seq, t.articles.c.result).where(t.articles.c.seq > last)
            if not include_duplicates:
                q = q.where(t.articles.c.duplicate_of.is_(None))
            with self.engine.connect() as conn:
                rows = conn.execute(q.order_by(t.articles.c.seq).limit(batch)).all()
            if not rows:
                return
            for seq, raw in rows:
                last = seq
                yield upgrade(json.loads(raw))

    def _query(self, fn: Callable[..., _T], /, **kwargs: Any) -> _T:
        try:
            with self.engine.connect() as conn:
                return fn(conn, **kwargs)
        except SQLAlchemyError as e:
            raise StoreError(f"query on {self.url} failed: {e}") from e

    def articles(self, **filters: Any) -> list[Row]:
        """Articles, newest first: source=, since=, until=, actor_id= (mentioned),
        include_duplicates=, limit=, offset=."""
        return self._query(queries.articles, **filters)

    def search(self, text: str, *, limit: int = 20) -> list[Row]:
        """Full-text search; terms are ANDed, "quoted phrases" kept together."""
        return self._query(queries.search, query=text, limit=limit)

    def quotes(self, **filters: Any) -> list[Row]:
        """Quotes: speaker= (name or alias), speaker_id= (actor id), via= (relay outlet),
        source=, since=, until=, limit=."""
        return self._query(queries.quotes, **filters)

    def events(self, **filters: Any) -> list[Row]:
        """Events, newest first: actor= (name or ISO3 country), actor_id=, type_= (PLOVER),
        since=, until=, limit=."""
        return self._query(queries.events, **filters)

    def actors(self, **filters: Any) -> list[Row]:
        """Corpus actors by article count: name=, country=, type_=, limit=."""
        return self._query(queries.actors, **filters)

    def actor(self, actor_id: int) -> Row:
        """One corpus actor: name, type, country, sectors, titles, aliases and counts."""
        row: Row | None = self._query(queries.actor, actor_id=actor_id)
        if row is None:
            raise NotFound("actor", actor_id)
        return row

    def entity_actors(self, article_id: str) -> dict[str, int]:
        """A stored article's entity ids mapped to corpus actor ids (none for duplicates)."""
        return self._query(queries.entity_actors, article_id=article_id)

    def quotes_about(self, actor_id: int, *, articles: int = 50, limit: int = 50) -> list[Row]:
        """Quotes by others whose words mention the actor, newest first.

        Read from the stored results of the actor's `articles` newest articles, so the cost is
        bounded however often the actor is named.
        """

        def run(conn: Connection) -> list[Row]:
            ids = [r["id"] for r in queries.articles(conn, actor_id=actor_id, limit=articles)]
            entities = queries.actor_entities(conn, actor_id, ids)
            raw = queries.article_results(conn, ids)
            keys = [
                (aid, quote.id)
                for aid in ids
                for quote in quotes_mentioning(upgrade(json.loads(raw[aid])), entities[aid])
            ]
            return queries.quotes_by_key(conn, keys)[:limit]

        return self._query(run)

    def claims(self, **filters: Any) -> list[Row]:
        """Numeric claims: measure= (substring), kind=, limit=."""
        return self._query(queries.claims, **filters)

    def rejected(self, *, limit: int = 1000) -> list[Row]:
        """Inputs that could not become articles, with the reason."""
        return self._query(queries.rejected, limit=limit)

    def counts(self) -> Row:
        return self._query(queries.counts)
