"""POST /extract and the paste page with the real pipeline (built once per test session)."""

from __future__ import annotations

import html as htmllib
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from newsgraph import Processor
from newsgraph.api import create_app
from newsgraph.schema import ResultDocument
from newsgraph.store import Store

# An invented article: a named minister quoted through a news agency, a mayor, dates.
FLOOD_TITLE = "Minister Promises Flood Barriers for Coastal Town"
FLOOD = f"""{FLOOD_TITLE}

Interior Minister Anna Keller promised new flood barriers for the coastal town of Ostmere on Tuesday, after storms swept away two bridges last week.

"We will not leave these families to face another winter without protection," Keller told reporters, according to the Nordic Press Agency.

The ministry said it would spend 40 million euros on the barriers over the next two years. Mayor Thomas Weber welcomed the plan but warned that work must begin before October.

"Promises are easy; concrete is what we need," Weber said.

Keller is expected to visit the neighbouring town of Lindvik on Friday.
"""
FLOOD_QUOTE = "We will not leave these families to face another winter without protection,"
FLOOD_HTML = "".join(
    [
        "<!doctype html><html><head><title>",
        FLOOD_TITLE,
        '</title><meta property="og:site_name" content="Coastal Courier"></head><body>',
        "<nav><a href='/'>Home</a> <a href='/weather'>Weather</a></nav><article><h1>",
        FLOOD_TITLE,
        "</h1>",
        *(f"<p>{htmllib.escape(p)}</p>" for p in FLOOD.split("\n\n")[1:] if p.strip()),
        "</article><footer>© Coastal Courier</footer></body></html>",
    ]
)
HOSTILE = """Council Clerk Warns Residents About Fake Notices

A fake council notice reading <script>alert(1)</script> appeared on the town website on Monday, officials said.

"Nobody should paste " onmouseover="x into our forms," council clerk Mara Lind told the Town Crier on Tuesday.

The council said it had removed the notice and would review who can post announcements.
"""


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store.open(f"sqlite:///{tmp_path}/store.db") as opened:
        yield opened


@pytest.fixture
def client(store: Store, processor: Processor) -> TestClient:
    return TestClient(create_app(store, processor=processor))


def test_extract_text_returns_the_v1_result_without_storing_it(client: TestClient) -> None:
    response = client.post(
        "/extract", json={"text": FLOOD, "published": "2025-03-11", "source": "Coastal Courier"}
    )
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["ok"] is True and body["stored"] is None
    result = ResultDocument.model_validate(body["result"])
    article = result.article
    assert (article.title, str(article.published), article.source.name) == (
        FLOOD_TITLE,
        "2025-03-11",
        "Coastal Courier",
    )
    (quote,) = [q for q in result.quotes if q.content[0].text.strip('"') == FLOOD_QUOTE]
    speaker = next(e for e in result.entities if e.id == quote.speaker_entity)
    assert speaker.name == "Anna Keller"
    assert [e.name for e in result.entities if e.id in quote.via_entities] == [
        "Nordic Press Agency"
    ]
    assert {t.text: t.value for t in result.timexes}["Tuesday"] == "2025-03-11"
    assert client.get(f"/api/articles/{article.id}").status_code == 404


def test_extract_html_reads_the_page(client: TestClient) -> None:
    response = client.post("/extract", json={"html": FLOOD_HTML})
    assert response.status_code == 200, response.text
    article = ResultDocument.model_validate(response.json()["result"]).article
    assert article.source.format == "html" and article.title == FLOOD_TITLE
    assert article.source.name == "Coastal Courier"
    assert "Weather" not in article.text and FLOOD_QUOTE in article.text


def test_extract_and_store_then_read_it_back(client: TestClient) -> None:
    first = client.post("/extract?store=true", json={"text": FLOOD, "published": "2025-03-11"})
    assert first.status_code == 200 and first.json()["stored"] == "stored"
    result = ResultDocument.model_validate(first.json()["result"])
    back = client.get(f"/api/articles/{result.article.id}").json()
    assert ResultDocument.model_validate(back["result"]) == result
    keller = next(e.id for e in result.entities if e.name == "Anna Keller")
    (row,) = client.get("/api/quotes", params={"speaker": "Anna Keller", "via": "nordic"}).json()[
        "items"
    ]
    assert row["speaker_actor_id"] == back["actors"][keller]
    again = client.post("/extract?store=true", json={"text": FLOOD, "published": "2025-03-11"})
    assert again.json()["stored"] == "exists"
    assert client.get("/api/articles").json()["count"] == 1
    # Stored articles are placed in a story at once, so the story pages are current.
    (story,) = client.get("/api/stories").json()["items"]
    assert (story["title"], story["article_count"]) == (FLOOD_TITLE, 1)


@pytest.mark.parametrize(
    ("body", "reason", "named"),
    [
        ({"text": "Too short to be news."}, "too_short", "has only 21 characters"),
        (
            {
                "text": "Die Innenministerin Anna Keller hat am Dienstag neue Deiche für die "
                "Küstenstadt Ostmere versprochen, nachdem Stürme zwei Brücken zerstört hatten."
            },
            "wrong_language",
            "detected language: de",
        ),
        ({"html": "<html><body><nav><a href='/'>Home</a></nav></body></html>"}, "no_article", ""),
    ],
    ids=["too-short", "german", "no-article"],
)
def test_extract_says_why_an_input_is_not_an_article(
    client: TestClient, body: dict[str, str], reason: str, named: str
) -> None:
    response = client.post("/extract", json=body)
    assert response.status_code == 422
    envelope = response.json()
    assert envelope == {
        "ok": False,
        "error": envelope["error"],
        "errors": [{"reason": reason}],
        "status": 422,
    }
    assert envelope["error"].startswith("the posted article") and named in envelope["error"]


def test_paste_shows_the_annotated_article_at_once(client: TestClient) -> None:
    response = client.post(
        "/paste", data={"text": FLOOD, "format": "text", "published": "2025-03-11"}
    )
    assert response.status_code == 200
    html = response.text
    assert 'title="Anna Keller via Nordic Press Agency · direct quote"' in html
    assert f"&#34;{FLOOD_QUOTE}&#34;</span>" in html  # the quote marks are part of the content
    assert '<span class="speaker">Anna Keller</span>' in html
    assert 'data-value="2025-03-11"' in html  # "Tuesday"
    assert "Annotated, not stored." in html and "Store it" in html
    assert client.get("/api/articles").json()["count"] == 0


def test_paste_and_store_opens_the_stored_article(client: TestClient) -> None:
    response = client.post(
        "/paste",
        data={
            "text": FLOOD,
            "published": "2025-03-11",
            "source": "Coastal Courier",
            "store": "true",
        },
        follow_redirects=False,
    )
    assert response.status_code == 303
    location = response.headers["location"]
    assert location.startswith("/articles/") and location.endswith("?status=stored")
    html = client.get(location).text
    assert "Stored." in html
    (story,) = client.get("/api/stories").json()["items"]
    assert f'href="/stories/{story["id"]}"' in html
    (keller,) = client.get("/api/actors", params={"name": "Anna Keller"}).json()["items"]
    assert f'<a class="speaker" href="/actors/{keller["id"]}">Anna Keller</a>' in html
    actor = client.get(f"/actors/{keller['id']}").text
    assert FLOOD_QUOTE in actor and "via Nordic Press Agency" in actor


def test_paste_errors_come_back_on_the_form(client: TestClient) -> None:
    response = client.post("/paste", data={"text": "Short.", "published": "2025-03-11"})
    assert response.status_code == 422
    assert "has only 6 characters of article text" in response.text
    assert ">Short.</textarea>" in response.text
    bad_date = client.post("/paste", data={"text": FLOOD, "published": "11/03/2025"})
    assert bad_date.status_code == 422 and "&#39;11/03/2025&#39; is not a date" in bad_date.text
    blank = client.post("/paste", data={"text": "  "})
    assert blank.status_code == 422 and "both are missing or blank" in blank.text


def test_a_pasted_article_with_markup_renders_as_text(client: TestClient) -> None:
    html = client.post("/paste", data={"text": HOSTILE}).text
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert html.count("<script") == 1
    assert ' onmouseover="x' not in html and "&#34; onmouseover=&#34;x" in html
    # The "Store it" form carries the text back in a hidden field, escaped too.
    assert 'name="text" value="Council Clerk Warns' in html
