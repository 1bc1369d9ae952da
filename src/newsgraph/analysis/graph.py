"""The actor graph of a corpus: corpus actors as nodes, the events between them as edges.

An event makes an edge from each of its actors to each of its recipients. A meeting,
agreement or cooperation (CONSULT, AGREE, COOPERATE) that names several actors and no
recipient ("Vell and Marek met") is reciprocal: its co-actors are connected pairwise, from
the lower actor id to the higher, and counted as `mutual`. Edges are aggregated per (source,
target, PLOVER type, quad) with a count, first and last day and counts per month.

Only events that took place or were announced count: a negated event ("did not meet") or a
hypothetical one ("could attack") is no relation between actors. Participants with no corpus
actor (a span like "officials" with no entity) are left out. Everything is read with SQL from
the index tables, which hold original articles only, so a re-published report is never
counted twice.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
import os
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from sqlalchemy import select
from sqlalchemy.exc import SQLAlchemyError

from newsgraph.errors import AnalysisError, StoreError
from newsgraph.store import Store
from newsgraph.store import tables as t

__all__ = ["Edge", "Graph", "Node", "actor_graph", "to_gexf", "to_graphml", "to_json"]

RECIPROCAL = frozenset({"CONSULT", "AGREE", "COOPERATE"})
_CHUNK = 500

Destination = str | os.PathLike[str] | IO[bytes]


@dataclass(frozen=True, slots=True)
class Node:
    """A corpus actor."""

    id: int
    name: str
    type: str
    country: str | None
    sector: str | None
    article_count: int


@dataclass(frozen=True, slots=True)
class Edge:
    """The events of one PLOVER type and quad from one actor to another."""

    source: int
    target: int
    type: str
    quad: int | None
    count: int
    """Events (each event once, however many of its participants the two actors fill)."""
    first: dt.date | None
    last: dt.date | None
    months: tuple[tuple[str, int], ...] = ()
    """("2024-05", 3), … in month order; undated events are in `count` only."""
    mutual: int = 0
    """How many of the events were reciprocal co-actor meetings (direction is by id)."""


@dataclass(frozen=True, slots=True)
class Graph:
    """Nodes (every actor on an edge) and edges, with the day range asked for."""

    nodes: tuple[Node, ...]
    edges: tuple[Edge, ...]
    since: dt.date | None = None
    until: dt.date | None = None


@dataclass(slots=True)
class _Tally:
    count: int = 0
    mutual: int = 0
    first: dt.date | None = None
    last: dt.date | None = None
    months: Counter[str] = field(default_factory=Counter)

    def add(self, day: dt.date | None, mutual: bool) -> None:
        self.count += 1
        self.mutual += mutual
        if day is not None:
            self.first = day if self.first is None else min(self.first, day)
            self.last = day if self.last is None else max(self.last, day)
            self.months[day.strftime("%Y-%m")] += 1


def actor_graph(
    store: Store,
    *,
    since: dt.date | None = None,
    until: dt.date | None = None,
    min_weight: int = 1,
) -> Graph:
    """The actor graph of events whose days fall (partly) within [since, until].

    With a day bound, undated events are left out. Edges with fewer than `min_weight` events
    are dropped, and so are actors left without an edge.
    """
    if since and until and since > until:
        raise AnalysisError(f"since {since} is after until {until}")
    e, p = t.events.c, t.event_participants.c
    q = (
        select(p.article_id, p.event_id, p.role, p.actor_id, e.type, e.quad, e.day_start)
        .select_from(t.event_participants)
        .join(t.events, (e.article_id == p.article_id) & (e.id == p.event_id))
        .where(p.actor_id.is_not(None), e.negated.is_(False), e.hypothetical.is_(False))
        .order_by(p.article_id, p.event_id, p.role, p.position)
    )
    if since:
        q = q.where(e.day_end >= since)
    if until:
        q = q.where(e.day_start <= until)
    tallies: dict[tuple[int, int, str, int | None], _Tally] = {}
    try:
        with store.engine.connect() as conn:
            rows = conn.execute(q)
            for _, event in itertools.groupby(rows, key=lambda r: (r.article_id, r.event_id)):
                parts = list(event)
                first = parts[0]
                for source, target, mutual in _pairs(parts, first.type):
                    key = (source, target, first.type, first.quad)
                    tallies.setdefault(key, _Tally()).add(first.day_start, mutual)
            edges = [
                Edge(
                    s,
                    tg,
                    ty,
                    qd,
                    n.count,
                    n.first,
                    n.last,
                    tuple(sorted(n.months.items())),
                    n.mutual,
                )
                for (s, tg, ty, qd), n in sorted(tallies.items(), key=_edge_order)
                if n.count >= min_weight
            ]
            nodes = _nodes(conn, {i for edge in edges for i in (edge.source, edge.target)})
    except SQLAlchemyError as err:
        raise StoreError(f"reading the actor graph from {store.url} failed: {err}") from err
    return Graph(nodes=nodes, edges=tuple(edges), since=since, until=until)


def _pairs(parts: list[Any], type_: str) -> set[tuple[int, int, bool]]:
    """(source, target, mutual) actor pairs of one event's participant rows."""
    actors = list(dict.fromkeys(int(r.actor_id) for r in parts if r.role == "actor"))
    recipients = list(dict.fromkeys(int(r.actor_id) for r in parts if r.role == "recipient"))
    if recipients:
        return {(a, r, False) for a in actors for r in recipients if a != r}
    if type_ in RECIPROCAL:
        return {(a, b, True) for a, b in itertools.combinations(sorted(actors), 2)}
    return set()


def _edge_order(item: tuple[tuple[int, int, str, int | None], _Tally]) -> tuple[Any, ...]:
    (source, target, type_, quad), tally = item
    return (-tally.count, source, target, type_, quad or 0)


def _nodes(conn: Any, ids: set[int]) -> tuple[Node, ...]:
    a = t.actors.c
    ordered = sorted(ids)
    nodes: list[Node] = []
    for i in range(0, len(ordered), _CHUNK):
        rows = conn.execute(
            select(a.id, a.name, a.type, a.country, a.sector, a.article_count).where(
                a.id.in_(ordered[i : i + _CHUNK])
            )
        )
        nodes += [
            Node(int(r.id), r.name, r.type, r.country, r.sector, int(r.article_count)) for r in rows
        ]
    return tuple(sorted(nodes, key=lambda n: n.id))


# -- writers -----------------------------------------------------------------------------------


def to_networkx(graph: Graph) -> Any:
    """A networkx MultiDiGraph, as written to GraphML and GEXF: no None values, the PLOVER type
    as `event_type` and `label`, the event count as `weight`, month counts as a JSON string."""
    g = _networkx().MultiDiGraph(
        **_present({"since": _iso(graph.since), "until": _iso(graph.until)})
    )
    for n in graph.nodes:
        about = {"label": n.name, "type": n.type, "country": n.country, "sector": n.sector}
        g.add_node(n.id, **_present(about), article_count=n.article_count)
    for e in graph.edges:
        attrs = {"quad": e.quad, "first": _iso(e.first), "last": _iso(e.last)}
        g.add_edge(
            e.source,
            e.target,
            key=_edge_key(e),
            # GEXF reserves an edge's "type" for directed/undirected/mutual.
            event_type=e.type,
            label=e.type,
            weight=e.count,
            mutual=e.mutual,
            # GraphML and GEXF attributes are scalars: the month counts travel as JSON.
            months=json.dumps(dict(e.months)),
            **_present(attrs),
        )
    return g


def to_graphml(graph: Graph, dest: Destination) -> None:
    """Write GraphML (a path or a binary stream)."""
    _networkx().write_graphml(to_networkx(graph), _target(dest))


def to_gexf(graph: Graph, dest: Destination) -> None:
    """Write GEXF 1.2 for Gephi (a path or a binary stream)."""
    _networkx().write_gexf(to_networkx(graph), _target(dest))


def to_json(graph: Graph, dest: str | os.PathLike[str] | IO[str] | None = None) -> str:
    """Node-link JSON (`networkx.node_link_graph(data, edges="edges")` reads it back).

    Written to `dest` when given (a path or a text stream); the JSON text is returned.
    """
    data = {
        "directed": True,
        "multigraph": True,
        "graph": {"since": _iso(graph.since), "until": _iso(graph.until)},
        "nodes": [
            {
                "id": n.id,
                "name": n.name,
                "type": n.type,
                "country": n.country,
                "sector": n.sector,
                "article_count": n.article_count,
            }
            for n in graph.nodes
        ],
        "edges": [
            {
                "source": e.source,
                "target": e.target,
                "key": _edge_key(e),
                "type": e.type,
                "quad": e.quad,
                "count": e.count,
                "mutual": e.mutual,
                "first": _iso(e.first),
                "last": _iso(e.last),
                "months": dict(e.months),
            }
            for e in graph.edges
        ],
    }
    text = json.dumps(data, ensure_ascii=False, indent=2)
    if isinstance(dest, str | os.PathLike):
        Path(dest).write_text(text + "\n", encoding="utf-8")
    elif dest is not None:
        dest.write(text + "\n")
    return text


def _networkx() -> Any:
    # Imported when writing: reading the graph needs no networkx (nor its import time).
    import networkx  # type: ignore[import-untyped]

    return networkx


def _edge_key(edge: Edge) -> str:
    return f"{edge.type}/{edge.quad}" if edge.quad is not None else edge.type


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def _present(attrs: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in attrs.items() if v is not None}


def _target(dest: Destination) -> Any:
    return os.fspath(dest) if isinstance(dest, str | os.PathLike) else dest
