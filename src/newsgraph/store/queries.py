"""Read queries over the store: plain dict rows, newest or most relevant first.

Every query is an index lookup followed by a bounded join, so each stays fast on a corpus of
hundreds of thousands of articles (bench/store_queries.py measures them on 100,000). "Newest
first" puts undated rows last on both databases (PostgreSQL sorts NULLs first by default).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import Any

from anyascii import anyascii
from sqlalchemy import Connection, Select, func, select, text

from newsgraph.store import tables as t
from newsgraph.store.rows import name_key

Row = dict[str, Any]
_ISO3 = re.compile(r"^[A-Z]{3}$")
_TERM = re.compile(r'"[^"]+"|[^\s"]+')
RANKED = 2000


def _rows(conn: Connection, query: Select[Any]) -> list[Row]:
    return [dict(r._mapping) for r in conn.execute(query)]


def actor_ids(conn: Connection, name: str, *, limit: int = 200) -> list[int]:
    """Actors a user means by `name`: the same name key first, else a substring of any alias."""
    keys = {name_key(name, "PERSON"), name_key(name, "ORG")}
    ids = list(conn.scalars(select(t.actors.c.id).where(t.actors.c.key.in_(keys))))
    if ids:
        return ids
    needle = anyascii(name).lower().replace("%", "").replace("_", "")
    return list(
        conn.scalars(
            select(t.actors.c.id)
            .where(t.actors.c.search_name.like(f"%{needle}%"))
            .order_by(t.actors.c.article_count.desc())
            .limit(limit)
        )
    )


def articles(
    conn: Connection,
    *,
    source: str | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
    actor_id: int | None = None,
    include_duplicates: bool = False,
    limit: int = 50,
    offset: int = 0,
) -> list[Row]:
    """Articles newest first, by outlet, date range and corpus actor mentioned."""
    a = t.articles
    q = select(
        a.c.id, a.c.title, a.c.source, a.c.published, a.c.url, a.c.uri, a.c.duplicate_of
    ).order_by(a.c.published.desc().nulls_last(), a.c.seq.desc())
    if source:
        q = q.where(func.lower(a.c.source) == source.lower())
    if since:
        q = q.where(a.c.published >= since)
    if until:
        q = q.where(a.c.published <= until)
    if actor_id is not None:
        # Through the entities' actor index; near-duplicates have no entity rows of their own.
        mentioned = select(t.entities.c.article_id).where(t.entities.c.actor_id == actor_id)
        q = q.where(a.c.id.in_(mentioned))
    if not include_duplicates:
        q = q.where(a.c.duplicate_of.is_(None))
    return _rows(conn, q.limit(limit).offset(offset))


def search(conn: Connection, query: str, *, limit: int = 20) -> list[Row]:
    """Full-text search over titles and texts: SQLite FTS5 (bm25) or PostgreSQL (ts_rank).

    Near-duplicates are left out: a re-published story is one hit, under its original. On
    SQLite, when more than RANKED articles match, the best of the newest RANKED are returned.
    """
    if conn.dialect.name == "sqlite":
        match = " ".join(
            term if term.startswith('"') else '"' + term.replace('"', "") + '"'
            for term in _TERM.findall(query)
        )
        if not match:
            return []
        # bm25 must score every match before it can sort; for words in most of a large corpus
        # that is linear in the corpus. FTS5 walks matches in rowid order without scoring, so
        # only the newest RANKED matches are scored (rowid = ingest order).
        cutoff = conn.scalar(
            text(
                "SELECT rowid FROM articles_fts WHERE articles_fts MATCH :match "
                "ORDER BY rowid DESC LIMIT 1 OFFSET :ranked"
            ),
            {"match": match, "ranked": RANKED - 1},
        )
        sql = text(
            "SELECT a.id, a.title, a.source, a.published, "
            "snippet(articles_fts, 1, '[', ']', '…', 16) AS snippet, "
            "bm25(articles_fts) AS score "
            "FROM articles_fts JOIN articles a ON a.seq = articles_fts.rowid "
            "WHERE articles_fts MATCH :match AND articles_fts.rowid >= :cutoff "
            "AND a.duplicate_of IS NULL ORDER BY score LIMIT :limit"
        )
        rows = conn.execute(sql, {"match": match, "cutoff": cutoff or 0, "limit": limit})
    else:
        sql = text(
            "SELECT id, title, source, published, "
            "ts_headline('english', text, q, 'StartSel=[,StopSel=],MaxFragments=1') AS snippet, "
            "score FROM (SELECT a.id, a.title, a.source, a.published, a.text, q, "
            "ts_rank(a.tsv, q) AS score FROM articles a, websearch_to_tsquery('english', :query) q "
            "WHERE a.tsv @@ q AND a.duplicate_of IS NULL "
            "ORDER BY score DESC LIMIT :limit) hits ORDER BY score DESC"
        )
        rows = conn.execute(sql, {"query": query, "limit": limit})
    out = []
    for r in rows:
        row = dict(r._mapping)
        if isinstance(row["published"], str):
            row["published"] = dt.date.fromisoformat(row["published"])
        out.append(row)
    return out


def quotes(
    conn: Connection,
    *,
    speaker: str | None = None,
    speaker_id: int | None = None,
    via: str | None = None,
    source: str | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
    limit: int = 50,
) -> list[Row]:
    """Quotes newest first, by speaker (name, or corpus actor id), relay, outlet and dates."""
    q_ = t.quotes
    q = _quote_rows()
    if speaker_id is not None:
        q = q.where(q_.c.speaker_actor_id == speaker_id)
    if speaker:
        # Through the actor index; the bare speaker text only for speakers no actor covers
        # ("officials"), since a function on the column rules the index out.
        ids = actor_ids(conn, speaker)
        q = q.where(
            q_.c.speaker_actor_id.in_(ids) if ids else func.lower(q_.c.speaker) == speaker.lower()
        )
    if via:
        q = q.where(func.lower(q_.c.via).like(f"%{via.lower()}%"))
    if source:
        q = q.where(func.lower(t.articles.c.source) == source.lower())
    if since:
        q = q.where(q_.c.published >= since)
    if until:
        q = q.where(q_.c.published <= until)
    return _rows(conn, q.limit(limit))


def quotes_by_key(conn: Connection, keys: list[tuple[str, str]]) -> list[Row]:
    """The quote rows of these (article id, quote id) pairs, newest first."""
    if not keys:
        return []
    wanted = set(keys)
    rows = _rows(conn, _quote_rows().where(t.quotes.c.article_id.in_({k[0] for k in keys})))
    return [r for r in rows if (r["article_id"], r["id"]) in wanted]


def _quote_rows() -> Select[Any]:
    """Quote rows with their article's outlet and date, newest first."""
    q_, a = t.quotes, t.articles
    return (
        select(
            q_.c.article_id,
            q_.c.id,
            q_.c.speaker,
            q_.c.speaker_actor_id,
            q_.c.addressee_actor_id,
            q_.c.kind,
            q_.c.cue,
            q_.c.text,
            q_.c.via,
            a.c.source,
            a.c.published,
        )
        .join(a, a.c.id == q_.c.article_id)
        .order_by(q_.c.published.desc().nulls_last(), q_.c.article_id, q_.c.start)
    )


def events(
    conn: Connection,
    *,
    actor: str | None = None,
    actor_id: int | None = None,
    type_: str | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
    limit: int = 50,
) -> list[Row]:
    """Events by participant (an actor's name, a corpus actor id, or an ISO 3166 alpha-3
    country), type and dates; newest first."""
    e, p, a = t.events, t.event_participants, t.articles
    columns = (
        e.c.article_id,
        e.c.id,
        e.c.type,
        e.c.mode,
        e.c.cameo,
        e.c.quad,
        e.c.goldstein,
        e.c.trigger,
        e.c.date_value,
        e.c.date_fallback,
        e.c.location,
        e.c.negated,
        e.c.future,
        e.c.hypothetical,
        a.c.source,
        a.c.published,
    )
    by_participant = bool(actor) or actor_id is not None
    if by_participant:
        # From the participant index (actor or country, then date) to the events: the newest
        # events of even the most reported actor are a short range read, never a full sort.
        if actor_id is not None:
            match = p.c.actor_id == actor_id
        elif actor and _ISO3.match(actor):
            match = p.c.country == actor
        else:
            match = p.c.actor_id.in_(actor_ids(conn, actor or ""))
        q = (
            select(*columns)
            .select_from(p)
            .join(e, (e.c.article_id == p.c.article_id) & (e.c.id == p.c.event_id))
            .where(match)
            .order_by(p.c.day_start.desc().nulls_last(), p.c.article_id, p.c.event_id)
        )
        day = p.c.day_start
    else:
        q = select(*columns).order_by(e.c.day_start.desc().nulls_last(), e.c.article_id, e.c.start)
        day = e.c.day_start
    q = q.join(a, a.c.id == e.c.article_id)
    if type_:
        q = q.where(e.c.type == type_.upper())
    if since:
        q = q.where(e.c.day_end >= since)
    if until:
        q = q.where(day <= until)
    # One event can hold an actor twice (actor and recipient); fetch spare rows, keep it once.
    rows = _rows(conn, q.limit(2 * limit if by_participant else limit))
    unique = list({(r["article_id"], r["id"]): r for r in rows}.values())[:limit]
    _attach_participants(conn, unique)
    return unique


def _attach_participants(conn: Connection, rows: list[Row]) -> None:
    if not rows:
        return
    p = t.event_participants
    keys = {(r["article_id"], r["id"]) for r in rows}
    parts: dict[tuple[str, str], dict[str, list[str]]] = {}
    found = conn.execute(
        select(p.c.article_id, p.c.event_id, p.c.role, p.c.name, p.c.code)
        .where(p.c.article_id.in_({k[0] for k in keys}))
        .order_by(p.c.position)
    )
    for r in found:
        if (r.article_id, r.event_id) in keys:
            slot = parts.setdefault((r.article_id, r.event_id), {"actor": [], "recipient": []})
            slot[r.role].append(f"{r.name} ({r.code})" if r.code else r.name)
    for row in rows:
        slot = parts.get((row["article_id"], row["id"]), {"actor": [], "recipient": []})
        row["actors"] = "; ".join(slot["actor"])
        row["recipients"] = "; ".join(slot["recipient"])


def actors(
    conn: Connection,
    *,
    name: str | None = None,
    country: str | None = None,
    type_: str | None = None,
    limit: int = 50,
) -> list[Row]:
    c = t.actors.c
    q = select(
        c.id, c.name, c.type, c.country, c.sector, c.sectors, c.article_count, c.mention_count
    ).order_by(c.article_count.desc(), c.mention_count.desc(), c.id)
    if name:
        q = q.where(c.id.in_(actor_ids(conn, name)))
    if country:
        q = q.where(c.country == country.upper())
    if type_:
        q = q.where(c.type == type_.upper())
    return _rows(conn, q.limit(limit))


def actor(conn: Connection, actor_id: int) -> Row | None:
    """One corpus actor with its aliases, titles and sectors as lists, or None."""
    c = t.actors.c
    found = conn.execute(
        select(
            c.id,
            c.name,
            c.type,
            c.country,
            c.sector,
            c.sectors,
            c.titles,
            c.aliases,
            c.geonameid,
            c.article_count,
            c.mention_count,
        ).where(c.id == actor_id)
    ).first()
    if found is None:
        return None
    row = dict(found._mapping)
    row["sectors"] = row["sectors"].split(",") if row["sectors"] else []
    row["titles"] = json.loads(row["titles"] or "[]")
    row["aliases"] = json.loads(row["aliases"] or "[]")
    return row


def actor_entities(conn: Connection, actor_id: int, article_ids: list[str]) -> dict[str, set[str]]:
    """The entity ids standing for a corpus actor in each of these articles."""
    e = t.entities.c
    out: dict[str, set[str]] = {aid: set() for aid in article_ids}
    if not article_ids:
        return out
    for aid, eid in conn.execute(
        select(e.article_id, e.id).where(e.actor_id == actor_id, e.article_id.in_(article_ids))
    ):
        out[aid].add(eid)
    return out


def entity_actors(conn: Connection, article_id: str) -> dict[str, int]:
    """An article's entity ids mapped to the corpus actors they were merged into."""
    e = t.entities.c
    return {
        eid: int(aid)
        for eid, aid in conn.execute(
            select(e.id, e.actor_id).where(e.article_id == article_id, e.actor_id.is_not(None))
        )
    }


def article_results(conn: Connection, article_ids: list[str]) -> dict[str, str]:
    """The stored result JSON of these articles, by id."""
    if not article_ids:
        return {}
    a = t.articles.c
    return {
        aid: str(raw)
        for aid, raw in conn.execute(select(a.id, a.result).where(a.id.in_(article_ids)))
    }


def claims(
    conn: Connection, *, measure: str | None = None, kind: str | None = None, limit: int = 50
) -> list[Row]:
    c, a = t.claims, t.articles
    q = (
        select(
            c.c.article_id,
            c.c.id,
            c.c.kind,
            c.c.value,
            c.c.value_high,
            c.c.unit,
            c.c.measure,
            c.c.text,
            c.c.time,
            a.c.source,
            a.c.published,
        )
        .join(a, a.c.id == c.c.article_id)
        .order_by(a.c.published.desc().nulls_last(), c.c.article_id, c.c.start)
    )
    if measure:
        q = q.where(func.lower(c.c.measure).like(f"%{measure.lower()}%"))
    if kind:
        q = q.where(c.c.kind == kind)
    return _rows(conn, q.limit(limit))


def rejected(conn: Connection, *, limit: int = 1000) -> list[Row]:
    r = t.rejected.c
    return _rows(
        conn,
        select(r.uri, r.reason, r.message, r.rejected_at).order_by(r.id).limit(limit),
    )


def counts(conn: Connection) -> Row:
    """How many of each thing the store holds (originals and near-duplicates apart)."""
    a = t.articles
    out: Row = {
        "articles": conn.scalar(select(func.count()).select_from(a)),
        "duplicates": conn.scalar(
            select(func.count()).select_from(a).where(a.c.duplicate_of.is_not(None))
        ),
    }
    for name in ("rejected", "actors", "entities", "quotes", "events", "claims", "inputs"):
        out[name] = conn.scalar(select(func.count()).select_from(t.metadata.tables[name]))
    return out


def article_ids_like(conn: Connection, prefix: str) -> list[str]:
    return list(
        conn.scalars(select(t.articles.c.id).where(t.articles.c.id.like(f"{prefix}%")).limit(3))
    )
