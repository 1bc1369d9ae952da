"""The JSON API and the pages over a store of hand-built results (no spaCy model).

The store holds the store tests' invented articles plus one whose text tries to inject
markup; every route, its filters, the error envelope and the escaping are checked here.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from newsgraph.api import create_app
from newsgraph.schema import Quote, ResultDocument
from newsgraph.store import Store
from newsgraph.testing import make_entity, span_at
from tests.store.test_actor_queries import petrenko_reaction
from tests.store.test_store import (
    PROV,
    _article,
    ferry_fines,
    grain_talks,
    stored,
    warsaw_visit,
)

HOSTILE_TITLE = "Council bans <script> tags from its website"
HOSTILE = (
    "A council notice read <script>alert(1)</script> until officials removed it on Friday.",
    '“Nobody should paste " onmouseover="x into our forms,” said council clerk '
    'Mara "Max" Lind, who found the notice.',
)
HTML = {"accept": "text/html"}
GRAIN, VISIT, FERRY, REACTION = (
    r.article.id for r in (grain_talks(), warsaw_visit(), ferry_fines(), petrenko_reaction())
)


def hostile_article() -> ResultDocument:
    """Markup and attribute-breaking quotes in the text, the speaker's name and the title."""
    article = _article(
        HOSTILE,
        HOSTILE_TITLE,
        published=dt.date(2024, 6, 7),
        source="Town <Crier>",
        url="https://crier.example/?a=1&b=<2>",
    )
    text = article.text
    clerk = make_entity(
        text, "h1", 'Mara "Max" Lind', "PERSON", country="LTU", titles=("council clerk",)
    )
    quote = Quote(
        id="q1",
        kind="direct",
        content=(span_at(text, 'Nobody should paste " onmouseover="x into our forms,'),),
        cue=span_at(text, "said"),
        speaker=span_at(text, 'Mara "Max" Lind'),
        speaker_entity="h1",
        speaker_kind="named",
    )
    return ResultDocument(article=article, provenance=PROV, entities=(clerk,), quotes=(quote,))


HOSTILE_ID = hostile_article().article.id


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    path = tmp_path_factory.mktemp("api") / "store.db"
    with Store.open(f"sqlite:///{path}") as opened:
        results = [grain_talks(), warsaw_visit(), ferry_fines(), petrenko_reaction()]
        assert opened.write([stored(r) for r in [*results, hostile_article()]]) == ["stored"] * 5
        yield opened


@pytest.fixture(scope="module")
def client(store: Store) -> TestClient:
    return TestClient(create_app(store))


def _items(client: TestClient, path: str, **params: Any) -> list[dict[str, Any]]:
    response = client.get(path, params=params)
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["ok"] is True and body["count"] == len(body["items"])
    return list(body["items"])


def _actor_id(client: TestClient, name: str) -> int:
    (row,) = _items(client, "/api/actors", name=name)
    return int(row["id"])


# -- JSON API ------------------------------------------------------------------------------


def test_articles_list_and_filters(client: TestClient) -> None:
    def ids(**params: Any) -> list[str]:
        return [r["id"] for r in _items(client, "/api/articles", **params)]

    assert ids() == [HOSTILE_ID, FERRY, VISIT, REACTION, GRAIN]
    assert ids(source="harbour gazette") == [FERRY, GRAIN]
    assert ids(since="2024-03-06", until="2024-04-30") == [VISIT, REACTION]
    assert ids(actor=_actor_id(client, "Aleksandr Petrenko")) == [VISIT, REACTION, GRAIN]
    assert ids(limit=2, offset=1) == [FERRY, VISIT]
    (row,) = _items(client, "/api/articles", source="Baltic Wire", limit=1)
    assert (
        row["published"] == "2024-04-10"
        and row["title"] == "Petrenko presses Warsaw on transit fees"
    )


def test_one_article_with_its_full_result_and_actor_ids(client: TestClient) -> None:
    body = client.get(f"/api/articles/{GRAIN[:8]}").json()
    assert ResultDocument.model_validate(body["result"]) == grain_talks()
    assert body["actors"]["e1"] == _actor_id(client, "Aleksandr Petrenko")
    assert set(body["actors"]) == {"e1", "e2", "e3", "e4", "e5"}


def test_actors_list_and_one_actor(client: TestClient) -> None:
    ukrainians = _items(client, "/api/actors", country="ukr", type="PERSON")
    assert {r["name"] for r in ukrainians} == {"Aleksandr Petrenko", "Oksana Petrenko"}
    assert all(r["sectors"] == [] for r in ukrainians)  # a list, as for one actor
    petrenko = _actor_id(client, "Alexander Petrenko")
    body = client.get(f"/api/actors/{petrenko}").json()
    assert body["actor"]["titles"] == ["Agriculture Minister"]
    assert [(q["article_id"], q["id"]) for q in body["quotes"]] == [
        (VISIT, "q1"),
        (REACTION, "q3"),
        (GRAIN, "q1"),
    ]
    assert [(q["article_id"], q["id"]) for q in body["quotes_about"]] == [
        (REACTION, "q1"),
        (REACTION, "q2"),
    ]
    assert [e["date_value"] for e in body["events"]] == ["2024-04-09", "2024-03-04"]
    assert [a["id"] for a in body["articles"]] == [VISIT, REACTION, GRAIN]


def test_quotes_by_speaker_relay_outlet_and_date(client: TestClient) -> None:
    def keys(**params: Any) -> list[tuple[str, str]]:
        return [(r["article_id"], r["id"]) for r in _items(client, "/api/quotes", **params)]

    assert keys(speaker="Aleksandr Petrenko") == [(VISIT, "q1"), (REACTION, "q3"), (GRAIN, "q1")]
    assert keys(speaker_id=_actor_id(client, "Oksana Petrenko")) == [(VISIT, "q2")]
    assert keys(via="interfax") == [(GRAIN, "q1")]
    assert keys(source="Baltic Wire", speaker="Rasa Vaitkute") == [
        (REACTION, "q1"),
        (REACTION, "q2"),
        (REACTION, "q4"),
    ]
    assert keys(since="2024-05-01") == [(HOSTILE_ID, "q1"), (FERRY, "q1")]
    assert keys(until="2024-03-05") == [(GRAIN, "q1"), (GRAIN, "q3"), (GRAIN, "q2")]


def test_events_by_actor_type_and_date_range(client: TestClient) -> None:
    def keys(**params: Any) -> list[tuple[str, str]]:
        return [(r["article_id"], r["id"]) for r in _items(client, "/api/events", **params)]

    assert keys(actor="Alexander Petrenko") == [(VISIT, "v1"), (GRAIN, "v1")]
    assert keys(actor_id=_actor_id(client, "Oksana Petrenko")) == [(VISIT, "v2")]
    assert keys(actor="EST") == [(FERRY, "v1")]
    assert keys(type="sanction") == [(FERRY, "v1")]
    assert keys(type="CONSULT", since="2024-03-01", until="2024-03-31") == [(GRAIN, "v1")]
    (visit,) = _items(client, "/api/events", actor="POL")
    assert visit["recipients"] == "Polish officials (POLGOV)" and visit["location"] == "Warsaw"


def test_claims_and_search(client: TestClient) -> None:
    (fines,) = _items(client, "/api/claims", kind="money")
    assert fines["value"] == 4.5e6 and fines["unit"] == "USD"
    assert [c["text"] for c in _items(client, "/api/claims", measure="exports")] == [
        "rose 12 percent"
    ]
    hits = _items(client, "/api/search", q="grain corridor")
    assert [h["id"] for h in hits][:2] == [GRAIN, VISIT] and "snippet" in hits[0]
    assert _items(client, "/api/search", q="hovercraft") == []


# -- the error envelope --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("method", "path", "body", "status", "named"),
    [
        ("GET", "/api/articles/no-such-article", None, 404, "'no-such-article'"),
        ("GET", "/api/actors/987654", None, 404, "987654"),
        ("GET", "/api/actors/abc", None, 422, "'abc'"),
        ("GET", "/api/articles?since=2024-02-30", None, 422, "'2024-02-30'"),
        ("GET", "/api/events?limit=0", None, 422, "query.limit"),
        ("GET", "/api/quotes?speaker_id=x1", None, 422, "'x1'"),
        ("GET", "/api/search", None, 422, "query.q"),
        ("GET", "/api/no-such-route", None, 404, "'/api/no-such-route'"),
        ("DELETE", "/api/articles", None, 405, "DELETE"),
        ("POST", "/extract", {}, 422, '"text" or "html"'),
        ("POST", "/extract", {"text": "a", "html": "<p>b</p>"}, 422, "not both"),
        ("POST", "/extract", {"text": "   "}, 422, "blank"),
        ("POST", "/extract", {"text": "Some news.", "lang": "en"}, 422, "body.lang"),
        ("POST", "/extract", {"text": "Some news.", "published": "soon"}, 422, "'soon'"),
        ("POST", "/extract", "not json at all", 422, "JSON"),
        ("POST", "/extract?store=maybe", {"text": "Some news."}, 422, "'maybe'"),
    ],
)
def test_every_json_error_has_the_envelope(
    client: TestClient, method: str, path: str, body: Any, status: int, named: str
) -> None:
    if isinstance(body, str):
        response = client.request(
            method, path, content=body, headers={"content-type": "application/json"}
        )
    else:
        response = client.request(method, path, json=body)
    assert response.status_code == status
    assert response.headers["content-type"] == "application/json"
    envelope = response.json()
    assert set(envelope) == {"ok", "error", "errors", "status"}
    assert envelope["ok"] is False and envelope["status"] == status
    assert isinstance(envelope["error"], str) and named in envelope["error"]
    assert isinstance(envelope["errors"], list)
    if status == 422:
        assert envelope["errors"] and all(
            "where" in e and "message" in e for e in envelope["errors"]
        )


def test_a_store_that_cannot_be_read_is_a_503_and_a_bug_is_a_500(tmp_path: Path) -> None:
    path = tmp_path / "gone.db"
    broken = Store.open(f"sqlite:///{path}")
    broken.close()
    path.unlink()
    (tmp_path / "gone.db").mkdir()  # a folder where the database was: every query fails
    response = TestClient(create_app(broken)).get("/api/articles")
    assert response.status_code == 503
    body = response.json()
    assert body["ok"] is False and body["status"] == 503 and "query on" in body["error"]

    class Buggy(Store):
        def claims(self, **filters: Any) -> list[dict[str, Any]]:
            raise RuntimeError("a bug")

    buggy = Buggy(broken.engine)
    response = TestClient(create_app(buggy), raise_server_exceptions=False).get("/api/claims")
    assert response.status_code == 500
    assert response.json() == {
        "ok": False,
        "error": "internal error (RuntimeError); the server log has the details",
        "errors": [],
        "status": 500,
    }


def test_a_browser_gets_an_error_page_and_the_api_still_gets_json(client: TestClient) -> None:
    page = client.get("/articles/no-such-article", headers=HTML)
    assert page.status_code == 404 and page.headers["content-type"].startswith("text/html")
    assert "no article &#39;no-such-article&#39; in the store" in page.text
    assert client.get("/actors/abc", headers=HTML).status_code == 422
    api = client.get("/api/articles/no-such-article", headers=HTML)
    assert api.status_code == 404 and api.json()["ok"] is False


# -- pages ---------------------------------------------------------------------------------


class _Elements(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def _elements(html: str) -> _Elements:
    parser = _Elements()
    parser.feed(html)
    return parser


def _page(client: TestClient, path: str) -> str:
    response = client.get(path, headers=HTML)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/html")
    return response.text


def test_index_lists_articles_with_filters_and_actors(client: TestClient) -> None:
    html = _page(client, "/")
    assert html.index(HOSTILE_ID) < html.index(FERRY) < html.index(GRAIN)
    assert 'href="/actors/' in html and "Aleksandr Petrenko" in html
    filtered = _page(client, "/?source=Baltic+Wire&since=2024-04-01")
    assert VISIT in filtered and REACTION not in filtered and GRAIN not in filtered


def test_article_page_highlights_and_lists_quotes_events_claims(client: TestClient) -> None:
    html = _page(client, f"/articles/{GRAIN}")
    petrenko = _actor_id(client, "Aleksandr Petrenko")
    assert 'title="Aleksandr Petrenko via Interfax · direct quote"' in html
    assert '<a class="ent ent-PERSON mention-name" title="Aleksandr Petrenko · PERSON' in html
    assert f'href="/actors/{petrenko}">Aleksandr Petrenko</a>' in html
    assert 'class="event event-CONSULT"' in html
    panel = html[html.index('<aside class="panel">') :]
    assert panel.index("Aleksandr Petrenko") < panel.index("Lithuanian officials")
    assert "via Interfax" in panel and "CAMEO 040" in panel and "2024-03-04" in panel
    assert (
        "Vilnius" in panel and "12 percent" in panel and "grain exports through Klaipeda" in panel
    )


def test_actor_page_shows_who_their_quotes_quotes_about_them_and_a_timeline(
    client: TestClient,
) -> None:
    html = _page(client, f"/actors/{_actor_id(client, 'Aleksandr Petrenko')}")
    facts = html[html.index('<dl class="facts">') : html.index("</dl>")]
    for fact in ("PERSON", "UKR", "GOV", "Agriculture Minister", "Alexander Petrenko"):
        assert fact in facts
    quotes = html[html.index('id="quotes"') : html.index('id="quotes-about"')]
    assert "We need the grain corridor open" in quotes and "via Interfax" in quotes
    about = html[html.index('id="quotes-about"') : html.index('id="timeline"')]
    assert "Petrenko knows exactly what farmers need" in about and "Rasa Vaitkute" in about
    assert "his ministry" not in about
    timeline = html[html.index('id="timeline"') : html.index('id="articles"')]
    assert timeline.index("2024-03-04") < timeline.index("2024-04-09")  # oldest first


def test_search_page_finds_articles_and_actors(client: TestClient) -> None:
    html = _page(client, "/search?q=Petrenko")
    assert f'href="/articles/{VISIT}"' in html and "Aleksandr Petrenko" in html
    assert "Nothing found" in _page(client, "/search?q=hovercraft")
    assert "Nothing found" not in _page(client, "/search")


def test_paste_page_docs_and_static_files(client: TestClient) -> None:
    form = _page(client, "/paste")
    assert '<form class="paste" method="post" action="/paste">' in form
    assert 'name="store"' in form and '<textarea name="text"' in form
    docs = _page(client, "/docs")
    for route in ("/api/articles", "/api/quotes", "/api/events", "/api/search", "/extract"):
        assert f"<code>GET {route}" in docs or f"<code>POST {route}" in docs
    schema = client.get("/openapi.json").json()
    assert "/api/actors/{actor_id}" in schema["paths"] and "/" not in schema["paths"]
    assert client.get("/static/style.css").status_code == 200
    assert client.get("/static/tips.js").headers["content-type"].startswith("text/javascript")


def test_nothing_is_loaded_from_another_host(client: TestClient) -> None:
    pages = ["/", f"/articles/{GRAIN}", "/actors/1", "/search?q=grain", "/paste", "/docs"]
    for path in pages:
        for tag, attrs in _elements(_page(client, path)).elements:
            for name in ("src", "href", "action"):
                value = attrs.get(name) or ""
                assert not re.match(r"^(?:[a-z]+:)?//", value), f"{path}: <{tag} {name}={value}>"
    for asset in ("/static/style.css", "/static/tips.js"):
        assert not re.search(r"https?://|url\(|@import", client.get(asset).text), asset


def test_hostile_article_text_renders_as_text(client: TestClient) -> None:
    html = _page(client, f"/articles/{HOSTILE_ID}")
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert html.count("<script") == 1  # tips.js only
    assert ' onmouseover="x' not in html and "&#34; onmouseover=&#34;x" in html
    parsed = _elements(html)
    assert all(not name.startswith("on") for _, attrs in parsed.elements for name in attrs), (
        "an attribute was injected"
    )
    titles = {attrs.get("title") for _, attrs in parsed.elements}
    assert 'Mara "Max" Lind · direct quote' in titles
    assert "Council bans <script> tags from its website · newsgraph" in "".join(parsed.text)
    assert "Town <Crier>" in "".join(parsed.text) and "<Crier>" not in html
    # The actor page, the search page and the API give the same text back unharmed.
    actor = _page(client, f"/actors/{_actor_id(client, 'Mara')}")
    assert "Mara &#34;Max&#34; Lind" in actor and 'Mara "Max"' not in actor
    search = _page(client, "/search?q=council+notice")
    assert "<script>alert" not in search and HOSTILE_ID in search
    body = client.get(f"/api/articles/{HOSTILE_ID}").json()
    assert "<script>alert(1)</script>" in body["result"]["article"]["text"]
