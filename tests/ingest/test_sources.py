from __future__ import annotations

import io
import json
import sys

import pytest

from newsgraph.errors import UnreadableSource
from newsgraph.ingest import load_articles
from newsgraph.ingest.sources import read_input
from newsgraph.schema import Article, RejectedInput
from newsgraph.settings import IngestSettings
from tests.ingest.test_text import PASTED

ENGLISH = (
    "The finance minister said on Monday that the budget would be cut by 3 percent, "
    "according to the state news agency. Opposition leaders called the plan reckless."
)
GERMAN = (
    "Der Finanzminister sagte am Montag, der Haushalt werde um drei Prozent gekürzt. "
    "Die Opposition nannte den Plan verantwortungslos und kündigte Widerstand im Parlament an."
)


def _one(uri: str, **settings: object) -> Article | RejectedInput:
    items = list(load_articles([uri], settings=IngestSettings(**settings)))
    assert len(items) == 1
    return items[0]


def _rejected(uri: str, **settings: object) -> RejectedInput:
    item = _one(uri, **settings)
    assert isinstance(item, RejectedInput), item
    assert uri in item.message  # the message names the input
    return item


def test_missing_file(tmp_path):
    assert _rejected(str(tmp_path / "nope.txt")).reason == "missing"


def test_directory(tmp_path):
    r = _rejected(str(tmp_path))
    assert r.reason == "directory"


def test_empty_and_blank_files(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_text("  \n\n \t\n")
    assert _rejected(str(tmp_path / "empty.txt")).reason == "empty"
    assert _rejected(str(tmp_path / "blank.txt")).reason == "empty"


def test_binary_file(tmp_path):
    path = tmp_path / "photo.txt"
    path.write_bytes(bytes(range(256)) * 40)
    assert _rejected(str(path)).reason == "binary"


def test_non_utf8_text_is_decoded(tmp_path):
    path = tmp_path / "cp1252.txt"
    path.write_bytes(("“Quoted,” the minister said — in café terms. " + ENGLISH).encode("cp1252"))
    article = _one(str(path))
    assert isinstance(article, Article)
    assert article.text.startswith("“Quoted,” the minister said — in café terms.")


def test_utf16_with_bom_is_decoded(tmp_path):
    path = tmp_path / "utf16.txt"
    path.write_bytes(ENGLISH.encode("utf-16"))
    article = _one(str(path))
    assert isinstance(article, Article)
    assert article.text == ENGLISH


def test_too_large_is_refused_before_reading(tmp_path):
    path = tmp_path / "huge.txt"
    with path.open("wb") as f:
        f.truncate(20 * 1024 * 1024)  # sparse: 20 MB that costs no disk
    r = _rejected(str(path))
    assert r.reason == "too_large"
    assert "5,000,000-byte limit" in r.message and "max_bytes" in r.message


def test_long_text_under_byte_limit_is_refused_by_char_limit(tmp_path):
    path = tmp_path / "long.txt"
    path.write_text("\n\n".join(f"{ENGLISH} Item {i}." for i in range(2000)))
    r = _rejected(str(path), max_chars=100_000)
    assert r.reason == "too_long"


def test_non_english_is_detected_and_named(tmp_path):
    path = tmp_path / "de.txt"
    path.write_text(GERMAN)
    r = _rejected(str(path))
    assert r.reason == "wrong_language"
    assert "detected language: de" in r.message


def test_too_short(tmp_path):
    path = tmp_path / "short.txt"
    path.write_text("Minister resigns.")
    assert _rejected(str(path)).reason == "too_short"


def test_stdin(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(PASTED.encode())))
    article = _one("-")
    assert isinstance(article, Article)
    assert article.source.uri == "-"
    assert article.title == "Port Talks Stall as Ministers Trade Barbs"


def test_jsonl_records_with_metadata_and_a_bad_line(tmp_path):
    path = tmp_path / "feed.jsonl"
    lines = [
        json.dumps(
            {
                "text": ENGLISH,
                "title": "Budget cut",
                "published": "2024-03-05",
                "source": "Wire",
                "url": "https://example.org/a",
            }
        ),
        "{not json",
        json.dumps({"title": "no body"}),
        json.dumps(
            {
                "html": f"<html><body><article><p>{ENGLISH}</p><p>{ENGLISH}</p></article></body></html>",
                "published": "2024-03-06T10:00:00Z",
            }
        ),
    ]
    path.write_text("\n".join(lines))
    items = list(load_articles([str(path)]))
    assert [type(i).__name__ for i in items] == [
        "Article",
        "RejectedInput",
        "RejectedInput",
        "Article",
    ]
    first, bad_json, no_body, html = items
    assert isinstance(first, Article) and isinstance(html, Article)
    assert (first.title, first.source.name, first.source.url) == (
        "Budget cut",
        "Wire",
        "https://example.org/a",
    )
    assert (str(first.published), first.published_source) == ("2024-03-05", "metadata")
    assert (
        isinstance(bad_json, RejectedInput)
        and bad_json.uri.endswith(":2")
        and bad_json.reason == "format"
    )
    assert isinstance(no_body, RejectedInput) and "'text' or 'html'" in no_body.message
    assert str(html.published) == "2024-03-06"


def test_json_object_record(tmp_path):
    path = tmp_path / "one.json"
    path.write_text(json.dumps({"text": ENGLISH, "authors": "Ann Lee"}))
    article = _one(str(path))
    assert isinstance(article, Article) and article.authors == ("Ann Lee",)


def test_url_uses_the_fetcher_seam():
    html = f"<html><head><title>Budget</title></head><body><article><h1>Budget</h1><p>{ENGLISH}</p><p>{ENGLISH}</p></article></body></html>"
    items = list(
        load_articles(["https://news.example.org/budget"], fetch=lambda url, timeout: html.encode())
    )
    assert isinstance(items[0], Article)
    assert items[0].source.url == "https://news.example.org/budget"


def test_url_fetch_failure_is_a_rejection():
    def fail(url: str, timeout: float) -> bytes:
        raise UnreadableSource(url, "could not be fetched (HTTP 404)", reason="fetch")

    items = list(load_articles(["https://news.example.org/gone"], fetch=fail))
    assert isinstance(items[0], RejectedInput) and items[0].reason == "fetch"


def test_read_input_sniffs_html_without_suffix(tmp_path):
    path = tmp_path / "page"
    path.write_text("<!DOCTYPE html><html><body><p>x</p></body></html>")
    assert read_input(str(path), max_bytes=10_000).format == "html"


@pytest.mark.parametrize("given", ["2024-02-30", "yesterday"])
def test_given_publication_date_wins(tmp_path, given):
    import datetime as dt

    from newsgraph.ingest import article_from_text

    article = article_from_text(PASTED, published=dt.date(2024, 5, 9))
    assert (article.published, article.published_source) == (dt.date(2024, 5, 9), "given")
