"""Stories, the readout comparison, the actor graph and timelines, as JSON and as pages.

The store holds the invented Karsk story of tests/analysis/test_compare (Norpress, Ostpress,
the Harbour Courier's copy of Norpress, the Meridian Post, and a later visit) and one more
invented article whose quote and outlet name carry markup. No spaCy model is needed.
"""

from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from html.parser import HTMLParser
from typing import Any

import networkx as nx  # type: ignore[import-untyped]
import pytest
from fastapi.testclient import TestClient

from newsgraph.analysis.compare import Comparison, compare_story
from newsgraph.analysis.graph import Edge, Graph, Node
from newsgraph.analysis.stories import update_stories
from newsgraph.api import create_app
from newsgraph.api.graphview import graph_view
from newsgraph.schema import Provenance, Quote, ResultDocument
from newsgraph.store import Store, Stored, signature
from newsgraph.testing import make_entity, span_at
from tests.analysis.test_compare import article, write_story

HTML = {"accept": "text/html"}
SVG = "{http://www.w3.org/2000/svg}"
REMARK = "truly fraternal"
HOSTILE_QUOTE = "Anyone who sees <script>alert(1)</script> in a notice should call us,"


def hostile_story() -> ResultDocument:
    """An article, months after the Karsk story, whose quote and outlet name hold markup."""
    art = article(
        (
            "Council clerk Mara Lind warned residents on Monday about fake notices on the town "
            "website.",
            f"“{HOSTILE_QUOTE}” Lind said.",
        ),
        "Clerk warns of fake <b>notices</b>",
        'Town <Crier> "Daily"',
        dt.date(2024, 9, 2),
    )
    text = art.text
    quote = Quote(
        id="q1",
        kind="direct",
        content=(span_at(text, HOSTILE_QUOTE),),
        cue=span_at(text, "said", after=HOSTILE_QUOTE),
        speaker=span_at(text, "Lind", after=HOSTILE_QUOTE),
        speaker_entity="h1",
        speaker_kind="named",
    )
    clerk = make_entity(text, "h1", "Mara Lind", "PERSON", "Mara Lind", "Lind", country="TWN")
    return ResultDocument(
        article=art,
        provenance=Provenance(newsgraph_version="test"),
        entities=(clerk,),
        quotes=(quote,),
    )


@pytest.fixture(scope="module")
def stored(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Store, dict[str, str]]]:
    path = tmp_path_factory.mktemp("stories") / "store.db"
    store, docs = write_story(f"sqlite:///{path}")
    hostile = hostile_story()
    assert store.write([Stored("mem:H", hostile, signature(hostile.article.text))]) == ["stored"]
    update_stories(store)
    yield store, {**{k: d.article.id for k, d in docs.items()}, "H": hostile.article.id}
    store.close()


@pytest.fixture(scope="module")
def client(stored: tuple[Store, dict[str, str]]) -> TestClient:
    return TestClient(create_app(stored[0]))


@pytest.fixture(scope="module")
def ids(stored: tuple[Store, dict[str, str]]) -> dict[str, str]:
    return stored[1]


def _json(client: TestClient, path: str, **params: Any) -> dict[str, Any]:
    response = client.get(path, params=params)
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    assert body["ok"] is True
    return body


def _items(client: TestClient, path: str, **params: Any) -> list[dict[str, Any]]:
    body = _json(client, path, **params)
    assert body["count"] == len(body["items"])
    return list(body["items"])


def _page(client: TestClient, path: str) -> str:
    response = client.get(path, headers=HTML)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/html")
    return response.text


def _story_of(client: TestClient, title: str) -> int:
    return next(int(s["id"]) for s in _items(client, "/api/stories") if s["title"] == title)


def _actor(client: TestClient, name: str) -> int:
    (row,) = _items(client, "/api/actors", name=name)
    return int(row["id"])


KARSK = "Vell and Marek hold talks in Karsk"


# -- JSON API ------------------------------------------------------------------------------


def test_stories_list_most_outlets_first_with_filters(client: TestClient) -> None:
    rows = _items(client, "/api/stories")
    assert [(r["title"], r["outlet_count"], r["article_count"]) for r in rows] == [
        (KARSK, 3, 3),
        ("Vell visits Karsk again", 1, 1),
        ("Clerk warns of fake <b>notices</b>", 1, 1),
    ]
    assert (rows[0]["first_day"], rows[0]["last_day"]) == ("2024-05-14", "2024-05-15")
    assert [r["title"] for r in _items(client, "/api/stories", min_outlets=2)] == [KARSK]
    assert len(_items(client, "/api/stories", limit=1)) == 1


def test_one_story_with_its_articles_and_comparison(
    client: TestClient, stored: tuple[Store, dict[str, str]], ids: dict[str, str]
) -> None:
    store, _ = stored
    story_id = _story_of(client, KARSK)
    body = _json(client, f"/api/stories/{story_id}")
    assert body["story"]["id"] == story_id and body["story"]["outlet_count"] == 3
    articles = {a["id"]: a for a in body["articles"]}
    assert set(articles) == {ids["A"], ids["B"], ids["C"], ids["D"]}
    assert articles[ids["C"]]["outlet"] == "Harbour Courier"
    assert articles[ids["C"]]["duplicate_of"] == ids["A"]
    assert (
        articles[ids["B"]]["published"] == "2024-05-14"
        and articles[ids["B"]]["duplicate_of"] is None
    )
    comparison = Comparison.model_validate(body["comparison"])
    assert comparison == compare_story(store, list(articles))
    assert body["comparison"] == comparison.model_dump(mode="json")
    remark = next(i for i in comparison.items if any(REMARK in r.text for r in i.reports))
    assert remark.outlets == ("Norpress", "Meridian Post")
    assert remark.key in comparison.outlet("Ostpress").left_out


def test_graph_is_node_link_json_with_filters(client: TestClient) -> None:
    body = _json(client, "/api/graph")
    graph = nx.node_link_graph(body, edges="edges")
    names = nx.get_node_attributes(graph, "name")
    assert sorted(names.values()) == ["Drosnia", "Ilse Marek", "Tomas Vell"]
    assert sorted(
        (names[s], names[t], d["type"], d["count"]) for s, t, d in graph.edges(data=True)
    ) == [
        ("Ilse Marek", "Tomas Vell", "CONSULT", 1),
        ("Tomas Vell", "Drosnia", "ACCUSE", 1),
        ("Tomas Vell", "Ilse Marek", "CONSULT", 3),
    ]
    june = _json(client, "/api/graph", since="2024-06-01")
    assert june["graph"] == {"since": "2024-06-01", "until": None}
    assert {e["type"] for e in june["edges"]} == {"CONSULT", "ACCUSE"} and len(june["edges"]) == 2
    heavy = _json(client, "/api/graph", min_weight=2)
    assert [(e["type"], e["count"], e["mutual"]) for e in heavy["edges"]] == [("CONSULT", 3, 1)]
    assert _json(client, "/api/graph", until="2024-01-01")["nodes"] == []


def test_actor_timeline_in_date_order(client: TestClient, ids: dict[str, str]) -> None:
    vell = _actor(client, "Tomas Vell")
    rows = _items(client, f"/api/actors/{vell}/timeline")
    assert [r["day"] for r in rows] == [
        "2024-05-14",
        "2024-05-14",
        "2024-05-15",
        "2024-06-03",
        "2024-06-04",
        "2024-06-04",
    ]
    assert ids["C"] not in {r["article_id"] for r in rows}  # the copy is not another event
    meridian = rows[2]
    assert (meridian["fallback"], meridian["counterparts"], meridian["outlet"]) == (
        True,
        ["Ilse Marek"],
        "Meridian Post",
    )
    assert rows[-1]["negated"] is True
    june = _items(client, f"/api/actors/{vell}/timeline", since="2024-06-01", until="2024-06-03")
    assert [(r["day"], r["mode"]) for r in june] == [("2024-06-03", "visit")]


@pytest.mark.parametrize(
    ("path", "status", "named"),
    [
        ("/api/stories/987", 404, "story 987"),
        ("/api/stories/abc", 422, "'abc'"),
        ("/api/stories?min_outlets=0", 422, "query.min_outlets"),
        ("/api/graph?since=2024-02-30", 422, "'2024-02-30'"),
        (
            "/api/graph?since=2024-06-01&until=2024-05-01",
            422,
            "2024-06-01 is after until 2024-05-01",
        ),
        ("/api/graph?min_weight=0", 422, "query.min_weight"),
        ("/api/actors/987654/timeline", 404, "987654"),
        ("/api/actors/1/timeline?until=soon", 422, "'soon'"),
        ("/api/actors/1/timeline?since=2024-07-01&until=2024-06-01", 422, "2024-07-01"),
    ],
)
def test_errors_have_the_envelope(client: TestClient, path: str, status: int, named: str) -> None:
    response = client.get(path)
    assert response.status_code == status
    assert response.headers["content-type"] == "application/json"
    envelope = response.json()
    assert set(envelope) == {"ok", "error", "errors", "status"}
    assert envelope["ok"] is False and envelope["status"] == status
    assert named in envelope["error"], envelope["error"]
    assert isinstance(envelope["errors"], list) and (status != 422 or envelope["errors"])


def test_the_new_routes_are_described_at_docs(client: TestClient) -> None:
    docs = _page(client, "/docs")
    for route in (
        "/api/stories",
        "/api/stories/{story_id}",
        "/api/graph",
        "/api/actors/{actor_id}/timeline",
    ):
        assert f"<code>GET {route}</code>" in docs


# -- pages ---------------------------------------------------------------------------------


class _Table(HTMLParser):
    """The story page's carried-by table: item key → outlet → (cell classes, cell text)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.rows: dict[str, dict[str, tuple[set[str], str]]] = {}
        self.labels: dict[str, str] = {}
        self._row: str | None = None
        self._cell: tuple[str, set[str]] | None = None
        self._in_label = False
        self._text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        classes = set((a.get("class") or "").split())
        if tag == "tr":
            self._row = a.get("data-item") if "item" in classes else None
            if self._row:
                self.rows[self._row] = {}
        elif tag == "td" and self._row and "cell" in classes:
            self._cell, self._text = (a.get("data-outlet") or "", classes), []
        elif tag == "th" and self._row and "label" in classes:
            self._in_label, self._text = True, []

    def handle_endtag(self, tag: str) -> None:
        if tag == "td" and self._cell and self._row:
            outlet, classes = self._cell
            self.rows[self._row][outlet] = (classes, " ".join("".join(self._text).split()))
            self._cell = None
        elif tag == "th" and self._in_label and self._row:
            self.labels[self._row] = " ".join("".join(self._text).split())
            self._in_label = False

    def handle_data(self, data: str) -> None:
        self._text.append(data)


def _table(html: str) -> _Table:
    parser = _Table()
    parser.feed(html)
    return parser


def _row_with(table: _Table, words: str) -> dict[str, tuple[set[str], str]]:
    (key,) = [k for k, label in table.labels.items() if words in label]
    return table.rows[key]


def test_stories_page_lists_stories_with_links(client: TestClient) -> None:
    html = _page(client, "/stories")
    karsk = _story_of(client, KARSK)
    assert f'<a href="/stories/{karsk}">{KARSK}</a>' in html
    assert html.index(KARSK) < html.index("Vell visits Karsk again")
    assert "Clerk warns of fake &lt;b&gt;notices&lt;/b&gt;" in html
    only_big = _page(client, "/stories?min_outlets=2")
    assert KARSK in only_big and "Vell visits" not in only_big
    assert 'href="/stories"' in html and 'href="/graph"' in html  # the nav


def test_story_page_shows_who_carried_which_quote_event_and_figure(
    client: TestClient, ids: dict[str, str]
) -> None:
    html = _page(client, f"/stories/{_story_of(client, KARSK)}")
    assert f'<h1 class="story-title">{KARSK}</h1>' in html
    articles = html[html.index('id="articles"') : html.index('id="carried"')]
    for outlet in ("Norpress", "Ostpress", "Meridian Post", "Harbour Courier"):
        assert f'<strong class="outlet">{outlet}</strong>' in articles
    for key in ("A", "B", "C", "D"):
        assert f'href="/articles/{ids[key]}"' in articles
    copy = articles[articles.index(f'data-article="{ids["C"]}"') :]
    assert "republication" in copy[:600] and "near-duplicate of" in copy[:600]
    assert 'class="story-article republished"' in articles

    table = _table(html)
    assert set(table.rows) and all(
        set(cells) == {"Norpress", "Ostpress", "Meridian Post"} for cells in table.rows.values()
    ), "one cell per outlet, and the republisher is not an outlet"
    remark = _row_with(table, REMARK)
    assert "carried" in remark["Norpress"][0] and "carried" in remark["Meridian Post"][0]
    assert {"missing", "left-out"} <= remark["Ostpress"][0]
    assert remark["Ostpress"][1] == "— left out"
    # The Meridian Post puts the remark in the other minister's mouth.
    assert remark["Meridian Post"][1] == "✓ Ilse Marek" and "differs" in remark["Meridian Post"][0]
    assert remark["Norpress"][1] == "✓ Tomas Vell"
    trade = _row_with(table, "trade")
    assert (trade["Norpress"][1], trade["Ostpress"][1], trade["Meridian Post"][1]) == (
        "✓ 30 percent",
        "✓ 25 percent",
        "— left out",
    )
    consulate = _row_with(table, "consulate")
    assert "only" in consulate["Norpress"][0] and consulate["Norpress"][1] == "✓ only here"

    cards = html[html.index('id="outlets"') :]
    ostpress = cards[cards.index('data-outlet="Ostpress"') :]
    ostpress = ostpress[: ostpress.index("</section>")]
    assert "Left out" in ostpress and REMARK in ostpress
    assert "republished by Harbour Courier" in cards


def test_story_page_escapes_quotes_and_outlet_names(client: TestClient) -> None:
    story = _story_of(client, "Clerk warns of fake <b>notices</b>")
    html = _page(client, f"/stories/{story}")
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert html.count("<script") == 1  # tips.js only
    assert "<b>notices</b>" not in html and "Clerk warns of fake &lt;b&gt;notices&lt;/b&gt;" in html
    assert "Town <Crier>" not in html and 'data-outlet="Town &lt;Crier&gt; &#34;Daily&#34;"' in html
    (cells,) = _table(html).rows.values()
    assert cells['Town <Crier> "Daily"'][1] == "✓"


def test_unknown_story_is_a_404_page(client: TestClient) -> None:
    response = client.get("/stories/987", headers=HTML)
    assert response.status_code == 404 and "no story 987 in the store" in response.text
    assert client.get("/stories/abc", headers=HTML).status_code == 422


def _svg(html: str) -> ET.Element:
    """The page's inline SVG, parsed as XML: it must be well formed."""
    return ET.fromstring(html[html.index("<svg") : html.index("</svg>") + len("</svg>")])


def test_graph_page_draws_an_svg_with_linked_actors_and_an_edge_table(client: TestClient) -> None:
    html = _page(client, "/graph")
    svg = _svg(html)
    assert svg.tag == f"{SVG}svg" and svg.get("viewBox")
    links = svg.findall(f".//{SVG}a")
    names = {a.get("href"): a.findtext(f"{SVG}text") for a in links}
    assert sorted(n for n in names.values() if n) == ["Drosnia", "Ilse Marek", "Tomas Vell"]
    assert names[f"/actors/{_actor(client, 'Tomas Vell')}"] == "Tomas Vell"
    assert len(svg.findall(f".//{SVG}circle")) == 3
    edges = svg.findall(f".//{SVG}path[@class]")
    by_type = {(e.get("data-type"), e.get("data-count")): e for e in edges}
    assert set(by_type) == {("CONSULT", "3"), ("CONSULT", "1"), ("ACCUSE", "1")}
    # Quad 1 (verbal cooperation) and quad 3 (verbal conflict) in their colours; width by count.
    assert by_type[("CONSULT", "3")].get("stroke") == "#3f8f5f"
    assert by_type[("ACCUSE", "1")].get("stroke") == "#d08a1f"
    assert float(by_type[("CONSULT", "3")].get("stroke-width") or 0) > float(
        by_type[("CONSULT", "1")].get("stroke-width") or 0
    )
    assert by_type[("ACCUSE", "1")].get("marker-end") == "url(#arrow-3)"
    assert by_type[("ACCUSE", "1")].findtext(f"{SVG}title") == (
        "Tomas Vell → Drosnia: ACCUSE ×1 (verbal conflict, 2024-06-04)"
    )
    table = html[html.index('id="edges"') :]
    assert table.count("<tr data-source") == 3 and "verbal conflict" in table
    assert _page(client, "/graph") == html  # the layout is deterministic


def test_graph_page_filters(client: TestClient) -> None:
    june = _svg(_page(client, "/graph?since=2024-06-01&until=&min_weight=1"))
    assert len(june.findall(f".//{SVG}path[@class]")) == 2
    heavy = _svg(_page(client, "/graph?min_weight=2"))
    assert len(heavy.findall(f".//{SVG}circle")) == 2
    empty = _page(client, "/graph?since=2030-01-01")
    assert "<svg" not in empty and "No events link two actors with these filters" in empty
    marek = _actor(client, "Ilse Marek")
    around = _page(client, f"/graph?actor={marek}")
    hrefs = {a.get("href") for a in _svg(around).findall(f".//{SVG}a")}
    assert hrefs == {f"/actors/{marek}", f"/actors/{_actor(client, 'Tomas Vell')}"}
    assert "Show every actor" in around
    bad = client.get("/graph?since=2024-13-01", headers=HTML)
    assert bad.status_code == 422 and "&#39;2024-13-01&#39;" in bad.text
    assert client.get("/graph?since=2024-06-01&until=2024-05-01", headers=HTML).status_code == 422
    assert client.get("/graph?actor=987654", headers=HTML).status_code == 404


def test_article_and_actor_pages_link_to_story_and_graph(
    client: TestClient, ids: dict[str, str]
) -> None:
    story = _story_of(client, KARSK)
    assert f'href="/stories/{story}"' in _page(client, f"/articles/{ids['B']}")
    vell = _actor(client, "Tomas Vell")
    assert f'href="/graph?actor={vell}"' in _page(client, f"/actors/{vell}")


def test_index_filter_form_with_empty_dates(client: TestClient) -> None:
    html = _page(client, "/?source=Ostpress&since=&until=")
    assert "Ostrian and Norvanian ministers meet in Karsk" in html and KARSK not in html


def test_new_pages_load_nothing_from_another_host(client: TestClient) -> None:
    class Links(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.found: list[str] = []

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            self.found += [v or "" for k, v in attrs if k in ("src", "href", "action")]

    for path in ("/stories", f"/stories/{_story_of(client, KARSK)}", "/graph"):
        parser = Links()
        parser.feed(_page(client, path))
        assert parser.found and not [v for v in parser.found if re.match(r"^(?:[a-z]+:)?//", v)]


# -- the layout ------------------------------------------------------------------------------


def test_graph_view_is_circular_grouped_by_country_and_caps_the_drawing() -> None:
    nodes = tuple(
        Node(i, f"Actor {i}", "PERSON", country, None, 1)
        for i, country in enumerate(["BBB", "AAA", "BBB", None, "AAA"], start=1)
    )
    edges = tuple(
        Edge(1, target, "CONSULT", 1, target, dt.date(2024, 1, 1), dt.date(2024, 1, 2))
        for target in (2, 3, 4, 5)
    )
    view = graph_view(Graph(nodes=nodes, edges=edges))
    assert [(n.country, n.name) for n in view.nodes] == [
        ("AAA", "Actor 2"),
        ("AAA", "Actor 5"),
        ("BBB", "Actor 1"),
        ("BBB", "Actor 3"),
        (None, "Actor 4"),
    ]
    centre = (view.width / 2, view.height / 2)
    radii = {round(((n.x - centre[0]) ** 2 + (n.y - centre[1]) ** 2) ** 0.5) for n in view.nodes}
    assert len(radii) == 1  # all on one circle
    assert view.nodes[0].x < centre[0] and view.nodes[0].anchor == "end"  # the first on the left
    capped = graph_view(Graph(nodes=nodes, edges=edges), max_nodes=3)
    assert {n.id for n in capped.nodes} == {1, 5, 4}  # the most events
    assert len(capped.edges) == 2 and len(capped.table) == 4
    assert all(e.path.startswith("M") for e in capped.edges)


def test_parallel_edges_bow_apart() -> None:
    nodes = (Node(1, "A", "ORG", None, None, 1), Node(2, "B", "ORG", None, None, 1))
    edges = (
        Edge(1, 2, "CONSULT", 1, 2, None, None),
        Edge(2, 1, "ACCUSE", 3, 1, None, None),
    )
    view = graph_view(Graph(nodes=nodes, edges=edges))
    controls = {e.type: e.path.split()[1] for e in view.edges}
    assert controls["CONSULT"] != controls["ACCUSE"]
    assert all(e.arrow for e in view.edges)
