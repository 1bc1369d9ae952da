"""An actor's timeline: the events it took part in, in date order, with who else and where.

Read from the participant index (`event_participants`), which holds original articles only:
an event a near-duplicate re-published appears once, under the article that first carried it.
Every event of the actor is listed, including the ones the text says did not happen or are only
announced or hypothetical; they are marked, since "X did not meet Y" belongs in X's record too.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, select
from sqlalchemy.exc import SQLAlchemyError

from newsgraph.analysis.compare import outlet_label
from newsgraph.errors import AnalysisError, NotFound, StoreError
from newsgraph.store import Store
from newsgraph.store import tables as t
from newsgraph.store.queries import actor_ids

__all__ = ["TimelineEntry", "actor_timeline", "timeline_text"]

_CHUNK = 500


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    """One event of the actor's, as one article reported it."""

    date: str | None
    """The event's TIMEX3 date value ("2024-05-14", "2024-05"), None when undated."""
    day: dt.date | None
    """Its first day: what the timeline is ordered by."""
    fallback: bool
    """The date is the article's publication date: the text gave none."""
    type: str
    mode: str | None
    cameo: str | None
    quad: int | None
    role: str
    """"actor" or "recipient" ("actor" when the actor is both)."""
    counterparts: tuple[str, ...]
    """The other participants' names, actors first, then recipients."""
    place: str | None
    article_id: str
    event_id: str
    outlet: str
    trigger: str
    quote_id: str | None
    """The quote the event was reported in ("…, she said"), if any."""
    negated: bool = False
    future: bool = False
    hypothetical: bool = False


def actor_timeline(
    store: Store,
    actor: str | int,
    *,
    since: dt.date | None = None,
    until: dt.date | None = None,
) -> list[TimelineEntry]:
    """The events of an actor: an actor id (an int or a string of digits), or a name.

    A name means every actor `queries.actor_ids` finds for it: those with its name key
    ("Tomas Vell", "T. Vell"), else those with it in one of their names.
    """
    if since and until and since > until:
        raise AnalysisError(f"since {since} is after until {until}")
    try:
        with store.engine.connect() as conn:
            ids = _resolve(conn, actor)
            return _entries(conn, ids, since, until)
    except SQLAlchemyError as err:
        raise StoreError(
            f"reading the timeline of {actor!r} from {store.url} failed: {err}"
        ) from err


def _resolve(conn: Connection, actor: str | int) -> set[int]:
    if isinstance(actor, int) or actor.strip().isdigit():
        key = int(actor)
        if conn.scalar(select(t.actors.c.id).where(t.actors.c.id == key)) is None:
            raise NotFound("actor", key)
        return {key}
    ids = set(actor_ids(conn, actor))
    if not ids:
        raise NotFound("actor", actor)
    return ids


def _entries(
    conn: Connection, ids: set[int], since: dt.date | None, until: dt.date | None
) -> list[TimelineEntry]:
    e, p, a = t.events.c, t.event_participants.c, t.articles.c
    q = (
        select(
            e.article_id,
            e.id,
            e.type,
            e.mode,
            e.cameo,
            e.quad,
            e.trigger,
            e.start,
            e.date_value,
            e.day_start,
            e.date_fallback,
            e.location,
            e.negated,
            e.future,
            e.hypothetical,
            e.quote_id,
            p.role,
            a.source,
            a.url,
            a.published,
        )
        .select_from(t.event_participants)
        .join(t.events, (e.article_id == p.article_id) & (e.id == p.event_id))
        .join(t.articles, a.id == e.article_id)
        .where(p.actor_id.in_(sorted(ids)))
        .order_by(p.role)
    )
    if since:
        q = q.where(e.day_end >= since)
    if until:
        q = q.where(e.day_start <= until)
    # One row per event: "actor" sorts before "recipient", so an actor that is both is "actor".
    rows = {(r.article_id, r.id): r for r in reversed(conn.execute(q).all())}
    others = _counterparts(conn, ids, set(rows))
    entries = [
        TimelineEntry(
            date=r.date_value,
            day=r.day_start,
            fallback=bool(r.date_fallback),
            type=r.type,
            mode=r.mode,
            cameo=r.cameo,
            quad=r.quad,
            role=r.role,
            counterparts=tuple(others.get(key, ())),
            place=r.location,
            article_id=r.article_id,
            event_id=r.id,
            outlet=outlet_label(r.source, r.url, r.article_id),
            trigger=r.trigger,
            quote_id=r.quote_id,
            negated=bool(r.negated),
            future=bool(r.future),
            hypothetical=bool(r.hypothetical),
        )
        for key, r in rows.items()
    ]
    order = {key: (r.published or dt.date.min, r.start) for key, r in rows.items()}
    entries.sort(
        key=lambda x: (
            x.day is None,
            x.day or dt.date.min,
            order[(x.article_id, x.event_id)],
            x.article_id,
        )
    )
    return entries


def _counterparts(
    conn: Connection, ids: set[int], events: set[tuple[str, str]]
) -> dict[tuple[str, str], list[str]]:
    """The names of each event's other participants: the corpus actor's name, else the text."""
    if not events:
        return {}
    p, actors = t.event_participants.c, t.actors.c
    articles = sorted({aid for aid, _ in events})
    found: list[Any] = []
    for i in range(0, len(articles), _CHUNK):
        found += conn.execute(
            select(p.article_id, p.event_id, p.actor_id, p.name, actors.name.label("actor_name"))
            .select_from(t.event_participants)
            .outerjoin(t.actors, actors.id == p.actor_id)
            .where(p.article_id.in_(articles[i : i + _CHUNK]))
            .order_by(p.article_id, p.event_id, p.role, p.position)
        ).all()
    out: dict[tuple[str, str], list[str]] = {}
    for r in found:
        key = (r.article_id, r.event_id)
        if key in events and r.actor_id not in ids:
            name = r.actor_name or r.name
            if name and name not in out.setdefault(key, []):
                out[key].append(name)
    return out


def timeline_text(entries: list[TimelineEntry]) -> str:
    """The timeline as plain text, one event a line; publication-date fallbacks marked '*'."""
    if not entries:
        return "No events.\n"
    lines = []
    for x in entries:
        when = (x.date or "undated") + ("*" if x.fallback else "")
        what = x.type + (f"/{x.mode}" if x.mode else "") + (f" [{x.cameo}]" if x.cameo else "")
        flags = [
            flag
            for flag, on in (
                ("did not happen", x.negated),
                ("announced", x.future),
                ("hypothetical", x.hypothetical),
            )
            if on
        ]
        line = f"{when:<14} {what:<22} {x.role:<9}"
        line += f" with {', '.join(x.counterparts)}" if x.counterparts else ""
        line += f" in {x.place}" if x.place else ""
        line += f" ({', '.join(flags)})" if flags else ""
        line += f" — {x.outlet}: “{x.trigger}” (article {x.article_id}"
        line += f", quote {x.quote_id})" if x.quote_id else ")"
        lines.append(line)
    if any(x.fallback for x in entries):
        lines.append("* no date in the text: the article's publication date")
    return "\n".join(lines) + "\n"
