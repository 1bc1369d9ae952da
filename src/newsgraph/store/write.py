"""Write outcomes of ingest into the store: one transaction per batch, idempotent per input."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal

from sqlalchemy import Connection, bindparam, insert, select, update

from newsgraph.schema import Entity, RejectedInput, ResultDocument
from newsgraph.store import tables as t
from newsgraph.store.dedup import Signature
from newsgraph.store.rows import actor_key, index_rows, search_name

_MAX_ALIASES = 25


@dataclass(frozen=True, slots=True)
class Stored:
    """An article processed for input `uri`, with its MinHash signature."""

    uri: str
    result: ResultDocument
    signature: Signature


@dataclass(frozen=True, slots=True)
class Rejected:
    """An input unit that could not become an article, with the reason."""

    uri: str
    rejection: RejectedInput


Outcome = Stored | Rejected
Status = Literal["stored", "duplicate", "exists", "rejected", "skipped"]


def write_batch(conn: Connection, outcomes: Sequence[Outcome], *, threshold: float) -> list[Status]:
    """Record each outcome (inside the caller's transaction); one status per outcome.

    "exists": the same article text is already stored; "duplicate": stored and linked to the
    near-identical original; "skipped": this input was recorded by an earlier run.
    """
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    uris = [o.uri for o in outcomes]
    done = set(conn.scalars(select(t.inputs.c.uri).where(t.inputs.c.uri.in_(uris))))
    statuses: list[Status] = []
    for outcome in outcomes:
        if outcome.uri in done:
            statuses.append("skipped")
            continue
        done.add(outcome.uri)
        if isinstance(outcome, Rejected):
            status: Status = _reject(conn, outcome.rejection, now)
            article_id = None
        else:
            status = _store(conn, outcome, threshold, now)
            article_id = outcome.result.article.id
        conn.execute(
            insert(t.inputs).values(
                uri=outcome.uri, status=status, article_id=article_id, finished_at=now
            )
        )
        statuses.append(status)
    return statuses


def _reject(conn: Connection, r: RejectedInput, now: dt.datetime) -> Status:
    seen = conn.scalar(
        select(t.rejected.c.id).where(t.rejected.c.uri == r.uri, t.rejected.c.reason == r.reason)
    )
    if seen is None:
        conn.execute(
            insert(t.rejected).values(
                uri=r.uri, reason=r.reason, message=r.message, rejected_at=now
            )
        )
    return "rejected"


def _store(conn: Connection, item: Stored, threshold: float, now: dt.datetime) -> Status:
    result = item.result
    article = result.article
    if conn.scalar(select(t.articles.c.seq).where(t.articles.c.id == article.id)) is not None:
        return "exists"
    original, similarity = _near_duplicate(conn, item.signature, threshold)
    conn.execute(
        insert(t.articles).values(
            id=article.id,
            uri=article.source.uri or item.uri,
            url=article.source.url,
            source=article.source.name,
            title=article.title,
            published=article.published,
            language=article.language,
            text=article.text,
            schema_version=result.schema_version,
            result=result.model_dump_json(),
            minhash=item.signature.values,
            duplicate_of=original,
            similarity=similarity,
            ingested_at=now,
        )
    )
    conn.execute(
        insert(t.article_bands),
        [
            {"band": band, "key": key, "article_id": article.id}
            for band, key in enumerate(item.signature.bands)
        ],
    )
    if original is not None:
        return "duplicate"
    actor_ids = _resolve_actors(conn, result.entities)
    for name, rows in index_rows(result, actor_ids).items():
        if rows:
            conn.execute(insert(t.metadata.tables[name]), rows)
    return "stored"


def _near_duplicate(
    conn: Connection, sig: Signature, threshold: float
) -> tuple[str | None, float | None]:
    """The original this signature nearly duplicates (its own original if it has one)."""
    # Band keys are 64-bit hashes of (band values); equal keys in different bands do not occur
    # in practice, so the key alone finds candidates through the primary key's index.
    candidates = conn.execute(
        select(t.articles.c.id, t.articles.c.duplicate_of, t.articles.c.minhash)
        .where(
            t.articles.c.id.in_(
                select(t.article_bands.c.article_id)
                .where(t.article_bands.c.key.in_(sig.bands))
                .distinct()
            )
        )
        .order_by(t.articles.c.seq)
    ).all()
    best: tuple[str | None, float | None] = (None, None)
    for cid, dup_of, values in candidates:
        sim = sig.similarity(values) if values else 0.0
        if sim >= threshold and (best[1] is None or sim > best[1]):
            best = (dup_of or cid, sim)
    return best


def _resolve_actors(conn: Connection, entities: Sequence[Entity]) -> dict[str, int]:
    """Map entity ids to corpus actors, creating or enriching them; counts each actor once.

    One read for all of the article's keys and one write per changed actor: an article names
    dozens of entities, and this runs for every article of the corpus.
    """
    keyed = [(e, k) for e in entities if (k := actor_key(e)) is not None]
    if not keyed:
        return {}
    known: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for row in conn.execute(
        select(t.actors).where(t.actors.c.key.in_({k.key for _, k in keyed}))
    ).mappings():
        known.setdefault((row["type"], row["key"]), []).append(dict(row))
    chosen: list[tuple[Entity, dict[str, Any]]] = []
    created: list[dict[str, Any]] = []
    for entity, key in keyed:
        rows = known.setdefault((key.type, key.key), [])
        # Same country first; an actor with no known country joins (and learns) this one.
        same = [r for r in rows if r["country"] == key.country]
        pool = same or (rows if key.country is None else [r for r in rows if r["country"] is None])
        if pool:
            actor = max(pool, key=lambda r: r["mention_count"])
            if _enrich(actor, entity) and "id" in actor:
                actor["changed"] = True
        else:
            actor = _new_actor(key.type, key.key, entity)
            rows.append(actor)
            created.append(actor)
        chosen.append((entity, actor))
    if created:
        # One multi-row INSERT … RETURNING, ids in parameter order.
        new_ids = conn.scalars(
            insert(t.actors).returning(t.actors.c.id, sort_by_parameter_order=True),
            [{k: v for k, v in a.items() if k != "changed"} for a in created],
        ).all()
        for actor, new_id in zip(created, new_ids, strict=True):
            actor["id"] = int(new_id)
    changed = [a for rows in known.values() for a in rows if a.pop("changed", False)]
    if changed:
        conn.execute(
            update(t.actors).where(t.actors.c.id == bindparam("actor")),
            [{"actor": a["id"], **{k: a[k] for k in _ENRICHED}} for a in changed],
        )
    ids = {entity.id: int(actor["id"]) for entity, actor in chosen}
    mentions: dict[int, int] = {}
    for entity, actor in chosen:
        mentions[actor["id"]] = mentions.get(actor["id"], 0) + len(entity.mentions)
    conn.execute(
        update(t.actors)
        .where(t.actors.c.id == bindparam("actor"))
        .values(
            article_count=t.actors.c.article_count + 1,
            mention_count=t.actors.c.mention_count + bindparam("mentions"),
        ),
        [{"actor": a, "mentions": n} for a, n in mentions.items()],
    )
    return ids


_ENRICHED = ("name", "search_name", "country", "sector", "sectors", "titles", "aliases")


def _new_actor(type_: str, key: str, entity: Entity) -> dict[str, Any]:
    return {
        "key": key,
        "type": type_,
        "name": entity.name,
        "search_name": search_name(entity),
        "country": entity.country or (entity.place.country if entity.place else None),
        "sector": entity.sector,
        "sectors": ",".join(entity.sectors),
        "titles": json.dumps(list(entity.titles[:_MAX_ALIASES])),
        "aliases": json.dumps(list(entity.aliases[:_MAX_ALIASES])),
        "geonameid": entity.place.geonameid if entity.place else None,
        "article_count": 0,
        "mention_count": 0,
    }


def _enrich(actor: dict[str, Any], entity: Entity) -> bool:
    """Fold what this mention of the actor adds into `actor`; True when anything changed."""
    before = {k: actor[k] for k in _ENRICHED}
    # The longest full name is the most informative display name ("Li Shangfu" over "Li").
    old_name = actor["name"]
    if len(entity.name) > len(old_name):
        actor["name"] = entity.name
    aliases = _merge(
        json.loads(actor["aliases"]),
        (old_name, entity.name, *entity.aliases),
        exclude=actor["name"],
    )
    actor["aliases"] = json.dumps(aliases)
    actor["search_name"] = search_name(actor["name"], tuple(aliases))
    actor["titles"] = json.dumps(_merge(json.loads(actor["titles"]), entity.titles))
    actor["sectors"] = ",".join(
        _merge(actor["sectors"].split(",") if actor["sectors"] else [], entity.sectors)
    )
    actor["sector"] = actor["sector"] or entity.sector
    actor["country"] = actor["country"] or entity.country
    return any(actor[k] != before[k] for k in _ENRICHED)


def _merge(old: list[str], new: Sequence[str], *, exclude: str | None = None) -> list[str]:
    merged = list(old)
    for item in new:
        if item and item != exclude and item not in merged and len(merged) < _MAX_ALIASES:
            merged.append(item)
    return merged
