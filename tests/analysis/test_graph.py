"""The actor graph and actor timelines over the stored story of tests/analysis/test_compare.

Stored: Norpress (Vell meets Marek, 14 May), Ostpress (Marek holds talks with Vell, 14 May),
Harbour Courier (a copy of Norpress, no index rows), Meridian Post (Vell and Marek met: two
co-actors, no date in the text, so the publication date 15 May) and a later Meridian Post
article (Vell visits Marek on 3 June, accuses Drosnia in a quote, and did not meet its envoys).
"""

from __future__ import annotations

import datetime as dt
import io
import json
from collections.abc import Iterator

import networkx as nx  # type: ignore[import-untyped]
import pytest

from newsgraph.analysis.graph import Graph, actor_graph, to_gexf, to_graphml, to_json
from newsgraph.analysis.timeline import actor_timeline, timeline_text
from newsgraph.errors import NotFound
from newsgraph.store import Store
from tests.analysis.test_compare import write_story


@pytest.fixture
def stored(store_url: str) -> Iterator[tuple[Store, dict[str, str]]]:
    """The stored story on SQLite, and on PostgreSQL when a server is configured."""
    store, docs = write_story(store_url)
    yield store, {k: doc.article.id for k, doc in docs.items()}
    store.close()


def _by_name(graph: Graph) -> dict[int, str]:
    return {n.id: n.name for n in graph.nodes}


def _edges(graph: Graph) -> dict[tuple[str, str, str], tuple[int, int]]:
    """(source name, target name, type) → (count, mutual)."""
    names = _by_name(graph)
    return {(names[e.source], names[e.target], e.type): (e.count, e.mutual) for e in graph.edges}


# -- actor graph ----------------------------------------------------------------------------


def test_nodes_are_actors_on_edges_and_edges_aggregate_events(stored):
    store, _ = stored
    graph = actor_graph(store)
    assert sorted(n.name for n in graph.nodes) == ["Drosnia", "Ilse Marek", "Tomas Vell"]
    vell = next(n for n in graph.nodes if n.name == "Tomas Vell")
    # Norpress, Ostpress, Meridian Post twice; the Harbour Courier copy is not counted.
    assert (vell.type, vell.country, vell.sector, vell.article_count) == ("PERSON", "NRV", "GOV", 4)
    vell_first = vell.id < next(n.id for n in graph.nodes if n.name == "Ilse Marek")
    assert vell_first
    # Meridian Post's co-actor meeting goes from the lower id (Vell) to the higher; the
    # non-meeting with Drosnia's envoys did not happen and makes no edge.
    assert _edges(graph) == {
        ("Tomas Vell", "Ilse Marek", "CONSULT"): (3, 1),
        ("Ilse Marek", "Tomas Vell", "CONSULT"): (1, 0),
        ("Tomas Vell", "Drosnia", "ACCUSE"): (1, 0),
    }
    top = graph.edges[0]
    assert (top.quad, top.first, top.last) == (1, dt.date(2024, 5, 14), dt.date(2024, 6, 3))
    assert top.months == (("2024-05", 2), ("2024-06", 1))


@pytest.mark.parametrize(
    ("since", "until", "expected"),
    [
        (
            dt.date(2024, 6, 1),
            None,
            {
                ("Tomas Vell", "Ilse Marek", "CONSULT"): (1, 0),
                ("Tomas Vell", "Drosnia", "ACCUSE"): (1, 0),
            },
        ),
        (
            None,
            dt.date(2024, 5, 14),
            {
                ("Tomas Vell", "Ilse Marek", "CONSULT"): (1, 0),
                ("Ilse Marek", "Tomas Vell", "CONSULT"): (1, 0),
            },
        ),
        (
            dt.date(2024, 5, 15),
            dt.date(2024, 5, 31),
            {("Tomas Vell", "Ilse Marek", "CONSULT"): (1, 1)},
        ),
        (dt.date(2024, 7, 1), None, {}),
    ],
)
def test_since_and_until_bound_the_event_days(stored, since, until, expected):
    store, _ = stored
    graph = actor_graph(store, since=since, until=until)
    assert _edges(graph) == expected
    assert {n.name for n in graph.nodes} == {name for edge in expected for name in edge[:2]}


def test_min_weight_drops_light_edges_and_their_actors(stored):
    store, _ = stored
    graph = actor_graph(store, min_weight=2)
    assert _edges(graph) == {("Tomas Vell", "Ilse Marek", "CONSULT"): (3, 1)}
    assert sorted(n.name for n in graph.nodes) == ["Ilse Marek", "Tomas Vell"]


def test_graphml_and_gexf_parse_back(stored, tmp_path):
    store, _ = stored
    graph = actor_graph(store)
    to_graphml(graph, tmp_path / "g.graphml")
    buffer = io.BytesIO()
    to_gexf(graph, buffer)
    for read in (
        nx.read_graphml(tmp_path / "g.graphml"),
        nx.read_gexf(io.BytesIO(buffer.getvalue())),
    ):
        # Readers give a simple graph when no two actors have parallel edges, as here.
        assert read.is_directed()
        assert read.number_of_nodes() == 3
        assert read.number_of_edges() == 3
        edges = sorted((int(d["weight"]), d["event_type"]) for _, _, d in read.edges(data=True))
        assert edges == [(1, "ACCUSE"), (1, "CONSULT"), (3, "CONSULT")]
        labels = {str(d.get("label")) for _, d in read.nodes(data=True)}
        assert labels == {"Tomas Vell", "Ilse Marek", "Drosnia"}
    assert b'type="CONSULT"' not in buffer.getvalue()
    graphml = nx.read_graphml(tmp_path / "g.graphml")
    months = [json.loads(d["months"]) for _, _, d in graphml.edges(data=True) if d["weight"] == 3]
    assert months == [{"2024-05": 2, "2024-06": 1}]


def test_json_is_node_link(stored, tmp_path):
    store, _ = stored
    graph = actor_graph(store)
    text = to_json(graph, tmp_path / "g.json")
    data = json.loads((tmp_path / "g.json").read_text(encoding="utf-8"))
    assert data == json.loads(text)
    assert (data["directed"], data["multigraph"]) == (True, True)
    read = nx.node_link_graph(data, edges="edges")
    assert read.number_of_nodes() == 3 and read.number_of_edges() == 3
    heavy = next(e for e in data["edges"] if e["count"] == 3)
    assert heavy["months"] == {"2024-05": 2, "2024-06": 1}
    assert (heavy["first"], heavy["last"], heavy["key"]) == (
        "2024-05-14",
        "2024-06-03",
        "CONSULT/1",
    )
    stream = io.StringIO()
    to_json(graph, stream)
    assert json.loads(stream.getvalue()) == data


# -- timelines ------------------------------------------------------------------------------


def test_timeline_is_in_date_order_with_counterparts_and_fallbacks(stored):
    store, ids = stored
    entries = actor_timeline(store, "Tomas Vell")
    assert [(x.day, x.type, x.outlet) for x in entries][2:] == [
        (dt.date(2024, 5, 15), "CONSULT", "Meridian Post"),
        (dt.date(2024, 6, 3), "CONSULT", "Meridian Post"),
        (dt.date(2024, 6, 4), "ACCUSE", "Meridian Post"),
        (dt.date(2024, 6, 4), "CONSULT", "Meridian Post"),
    ]
    first_two = {(x.outlet, x.role) for x in entries[:2]}
    assert first_two == {("Norpress", "actor"), ("Ostpress", "recipient")}
    assert all(x.day == dt.date(2024, 5, 14) and not x.fallback for x in entries[:2])
    assert ids["C"] not in {x.article_id for x in entries}
    meridian, visit, accuse, no_meeting = entries[2:]
    assert (meridian.fallback, meridian.counterparts) == (True, ("Ilse Marek",))
    assert (visit.mode, visit.place, visit.fallback) == ("visit", "Karsk", False)
    assert (accuse.counterparts, accuse.quote_id, accuse.fallback) == (("Drosnia",), "q1", True)
    assert (no_meeting.negated, no_meeting.trigger) == (True, "meet")


def test_timeline_by_id_or_name_and_unknown_actors(stored):
    store, _ = stored
    by_name = actor_timeline(store, "Ilse Marek")
    marek = store.actors(name="Ilse Marek")[0]["id"]
    assert actor_timeline(store, marek) == by_name == actor_timeline(store, str(marek))
    assert {x.counterparts for x in by_name} == {("Tomas Vell",)}
    assert len(actor_timeline(store, "Ilse Marek", since=dt.date(2024, 6, 1))) == 1
    with pytest.raises(NotFound):
        actor_timeline(store, "Nobody Atall")
    with pytest.raises(NotFound):
        actor_timeline(store, 999_999)


def test_timeline_text_marks_fallbacks_flags_and_quotes(stored):
    store, _ = stored
    text = timeline_text(actor_timeline(store, "Tomas Vell"))
    lines = text.splitlines()
    assert lines[0].startswith("2024-05-14 ")
    assert lines[2].startswith("2024-05-15* ") and "with Ilse Marek in Karsk" in lines[2]
    assert "CONSULT/visit [042]" in lines[3]
    assert "with Drosnia" in lines[4] and "quote q1)" in lines[4]
    assert "(did not happen)" in lines[5]
    assert lines[-1] == "* no date in the text: the article's publication date"
    assert timeline_text([]) == "No events.\n"
