"""The actor graph drawn as inline SVG: a deterministic circular layout, no JavaScript.

Actors sit on a circle in order of country, then name, so compatriots are neighbours; the same
graph always gives the same picture. An edge is coloured by its quad class (verbal or material
cooperation or conflict) and is wider the more events it holds (log scale); parallel edges
between two actors (several event types) bow apart. Directed edges end in an arrow; reciprocal
meetings ("A and B met") have none. Pure: the template writes the elements and escapes names.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass

from newsgraph.analysis.graph import Edge, Graph, Node

# CAMEO/PLOVER quad classes; None: an event type without one.
QUADS: dict[int | None, tuple[str, str]] = {
    1: ("verbal cooperation", "#3f8f5f"),
    2: ("material cooperation", "#1c5e8c"),
    3: ("verbal conflict", "#d08a1f"),
    4: ("material conflict", "#b4372b"),
    None: ("no quad class", "#8a94a6"),
}
TYPE_FILL = {"PERSON": "#2456a6", "ORG": "#7a3fb0", "GPE": "#23804a", "NORP": "#23804a"}
MAX_NODES = 60
MAX_TABLE = 500
_LABEL_ROOM = 190  # beside the circle, for names
_SPREAD = 16.0  # px between parallel edges at their middle


@dataclass(frozen=True, slots=True)
class NodeView:
    id: int
    name: str
    type: str
    country: str | None
    x: float
    y: float
    r: float
    label_x: float
    label_y: float
    anchor: str
    fill: str
    title: str


@dataclass(frozen=True, slots=True)
class EdgeView:
    source: int
    target: int
    source_name: str
    target_name: str
    type: str
    quad: int | None
    quad_label: str
    colour: str
    width: float
    path: str
    """SVG path data, "" for an edge the drawing leaves out (an actor not drawn)."""
    arrow: bool
    count: int
    mutual: int
    first: str | None
    last: str | None
    title: str


@dataclass(frozen=True, slots=True)
class GraphView:
    width: int
    height: int
    nodes: tuple[NodeView, ...]
    edges: tuple[EdgeView, ...]
    """Drawn edges (both ends drawn)."""
    table: tuple[EdgeView, ...]
    """Every edge, heaviest first, up to MAX_TABLE."""
    node_total: int
    edge_total: int
    quads: tuple[tuple[int | None, str, str], ...]
    """(quad, label, colour) of the quads present: the legend."""


def graph_view(graph: Graph, *, max_nodes: int = MAX_NODES) -> GraphView:
    """Positions, colours and widths for drawing `graph`; the `max_nodes` best-connected
    actors (by events) are drawn, every edge is listed in the table."""
    weight: dict[int, int] = defaultdict(int)
    for e in graph.edges:
        weight[e.source] += e.count
        weight[e.target] += e.count
    chosen = sorted(graph.nodes, key=lambda n: (-weight[n.id], n.id))[:max_nodes]
    ring = sorted(chosen, key=lambda n: (n.country or "~", n.name.lower(), n.id))
    radius = min(300.0, max(110.0, 14.0 * len(ring)))
    width = int(2 * (radius + _LABEL_ROOM))
    height = int(2 * (radius + 60))
    cx, cy = width / 2, height / 2
    top = max((weight[n.id] for n in ring), default=1)
    nodes = tuple(
        _node(n, i, len(ring), cx, cy, radius, weight[n.id], top) for i, n in enumerate(ring)
    )
    at = {n.id: n for n in nodes}
    names = {n.id: n.name for n in graph.nodes}

    parallel: dict[tuple[int, int], list[Edge]] = defaultdict(list)
    for e in graph.edges:
        if e.source in at and e.target in at:
            parallel[(min(e.source, e.target), max(e.source, e.target))].append(e)
    # Sideways offsets in the frame of the line from the lower to the higher id (see _path).
    offsets: dict[tuple[int, int, str, int | None], float] = {}
    for group in parallel.values():
        for i, e in enumerate(group):
            offsets[_key(e)] = (i - (len(group) - 1) / 2) * _SPREAD

    views = [_edge(e, names, at, offsets.get(_key(e))) for e in graph.edges[:MAX_TABLE]]
    drawn = tuple(v for v in views if v.path)
    present = sorted({e.quad for e in graph.edges}, key=lambda q: (q is None, q or 0))
    return GraphView(
        width=width,
        height=height,
        nodes=nodes,
        edges=drawn,
        table=tuple(views),
        node_total=len(graph.nodes),
        edge_total=len(graph.edges),
        quads=tuple((q, *QUADS.get(q, QUADS[None])) for q in present),
    )


def focus(graph: Graph, actor_id: int) -> Graph:
    """The part of `graph` around one actor: its edges and the actors on them."""
    edges = tuple(e for e in graph.edges if actor_id in (e.source, e.target))
    ids = {i for e in edges for i in (e.source, e.target)}
    return Graph(
        nodes=tuple(n for n in graph.nodes if n.id in ids),
        edges=edges,
        since=graph.since,
        until=graph.until,
    )


def _key(edge: Edge) -> tuple[int, int, str, int | None]:
    return (edge.source, edge.target, edge.type, edge.quad)


def _node(
    node: Node, index: int, total: int, cx: float, cy: float, radius: float, weight: int, top: int
) -> NodeView:
    # Start on the left and go clockwise, so two actors sit side by side.
    angle = math.pi + 2 * math.pi * index / max(total, 1)
    cos, sin = math.cos(angle), math.sin(angle)
    x, y = cx + radius * cos, cy + radius * sin
    r = 5.0 + 7.0 * math.sqrt(weight / top) if top else 5.0
    anchor = "start" if cos > 0.35 else "end" if cos < -0.35 else "middle"
    gap = r + 6
    label_x = x + gap * cos
    label_y = y + gap * sin + (4 if anchor != "middle" else (14 if sin > 0 else -6))
    where = ", ".join(part for part in (node.type, node.country, node.sector) if part)
    title = f"{node.name} ({where}): {weight} event(s) on these edges, in {node.article_count} article(s)"
    return NodeView(
        node.id,
        node.name,
        node.type,
        node.country,
        round(x, 1),
        round(y, 1),
        round(r, 1),
        round(label_x, 1),
        round(label_y, 1),
        anchor,
        TYPE_FILL.get(node.type, "#6b7280"),
        title,
    )


def _edge(
    edge: Edge, names: dict[int, str], at: dict[int, NodeView], offset: float | None
) -> EdgeView:
    label, colour = QUADS.get(edge.quad, QUADS[None])
    source, target = (
        names.get(edge.source, str(edge.source)),
        names.get(edge.target, str(edge.target)),
    )
    directed = edge.mutual < edge.count
    first = edge.first.isoformat() if edge.first else None
    last = edge.last.isoformat() if edge.last else None
    when = "" if not first else f", {first}" + (f" to {last}" if last and last != first else "")
    between = f"{source} → {target}" if directed else f"{source} and {target}"
    title = f"{between}: {edge.type} ×{edge.count} ({label}{when})"
    path = ""
    if offset is not None:
        path = _path(at[edge.source], at[edge.target], offset, arrow=directed)
    return EdgeView(
        source=edge.source,
        target=edge.target,
        source_name=source,
        target_name=target,
        type=edge.type,
        quad=edge.quad,
        quad_label=label,
        colour=colour,
        width=round(min(9.0, 1.5 + 2.0 * math.log2(edge.count)), 1),
        path=path,
        arrow=directed,
        count=edge.count,
        mutual=edge.mutual,
        first=first,
        last=last,
        title=title,
    )


def _path(a: NodeView, b: NodeView, offset: float, *, arrow: bool) -> str:
    """A quadratic curve from the rim of `a` to the rim of `b`, bowed `offset` px sideways."""
    dx, dy = b.x - a.x, b.y - a.y
    length = math.hypot(dx, dy) or 1.0
    ux, uy = dx / length, dy / length
    # The normal of the lower-to-higher id direction, so parallel edges bow consistently.
    nx, ny = (-uy, ux) if a.id < b.id else (uy, -ux)
    mx, my = (a.x + b.x) / 2 + nx * offset * 2, (a.y + b.y) / 2 + ny * offset * 2
    end_gap = b.r + (9 if arrow else 2)  # the arrowhead (9 px) ends at the rim
    x1, y1 = a.x + ux * (a.r + 2), a.y + uy * (a.r + 2)
    x2, y2 = b.x - ux * end_gap, b.y - uy * end_gap
    return f"M{x1:.1f},{y1:.1f} Q{mx:.1f},{my:.1f} {x2:.1f},{y2:.1f}"
