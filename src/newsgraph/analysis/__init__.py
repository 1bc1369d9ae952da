"""Stage 5: corpus-level analysis. Reads a Store (and the schema) only, never raw files or spaCy."""

from newsgraph.analysis.compare import (
    Comparison,
    Item,
    OutletReadout,
    compare_results,
    compare_story,
    render_html,
    render_text,
)
from newsgraph.analysis.graph import Edge, Graph, Node, actor_graph, to_gexf, to_graphml
from newsgraph.analysis.timeline import TimelineEntry, actor_timeline, timeline_text

# The graph's node-link writer stays `newsgraph.analysis.graph.to_json`: a package-level
# `to_json` would read as serialising anything (a Comparison has its own `to_json()`).
__all__ = [
    "Comparison",
    "Edge",
    "Graph",
    "Item",
    "Node",
    "OutletReadout",
    "TimelineEntry",
    "actor_graph",
    "actor_timeline",
    "compare_results",
    "compare_story",
    "render_html",
    "render_text",
    "timeline_text",
    "to_gexf",
    "to_graphml",
]
