"""HTML pages through trafilatura: main text as blocks, plus the page's metadata."""

from __future__ import annotations

import datetime as dt
from typing import Any

from newsgraph.errors import NoArticleContent
from newsgraph.ingest.assemble import Block, Page
from newsgraph.ingest.clean import clean_line, match_key
from newsgraph.ingest.text import is_heading, split_credit, split_names


def parse_html(html: str, *, uri: str, url: str | None = None) -> Page:
    """Extract the article of an HTML page; NoArticleContent when the page has none."""
    import trafilatura
    from trafilatura.settings import Document

    doc = trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        include_images=True,
        favor_precision=True,
    )
    if not isinstance(doc, Document) or doc.body is None or not (doc.text or "").strip():
        raise NoArticleContent(uri, "the page has no article text", reason="no_article")
    out = Page(
        title=clean_line(doc.title) if doc.title else None,
        subtitle=clean_line(doc.description) if doc.description else None,
        authors=split_names(doc.author.replace(";", ",")) if doc.author else [],
        published=_date(doc.date),
        site_name=doc.sitename or None,
        url=doc.url or url,
    )
    seen: set[str] = set()
    if out.title:
        out.blocks.append(Block("title", out.title))
        seen.add(match_key(out.title))
    # trafilatura drops the standfirst and figures around the body; they are read from the
    # page itself and placed after the title, in page order.
    standfirst, captions = page_extras(html)
    if standfirst:
        out.subtitle = standfirst
    for kind, caption, credit in [*standfirst_block(standfirst), *captions, *_walk(doc.body)]:
        key = match_key(caption)
        if not key:
            continue
        if key in seen:
            out.duplicates.append(caption)
            continue
        seen.add(key)
        if credit:
            out.credits.append(credit)
        out.blocks.append(Block(kind, caption, credit))  # type: ignore[arg-type]
    if not any(b.kind == "body" for b in out.blocks):
        raise NoArticleContent(
            uri, "the page has no article text (only navigation or forms)", reason="no_article"
        )
    if out.subtitle and _is_body_copy(out.blocks, out.subtitle):
        # Many sites use the first paragraph as their meta description: body, not standfirst.
        out.subtitle = None
    return out


def _is_body_copy(blocks: list[Block], subtitle: str) -> bool:
    body = [b.text for b in blocks if b.kind == "body"]
    return bool(body) and match_key(body[0]).startswith(match_key(subtitle).rstrip(".…"))


_STANDFIRST_XPATH = (
    ".//*[self::p or self::div or self::h2][contains(@class, 'standfirst') or contains(@class, 'dek')"
    " or contains(@class, 'subtitle') or contains(@class, 'subheadline') or contains(@class, 'lede')]"
)


def standfirst_block(standfirst: str | None) -> list[tuple[str, str, str | None]]:
    return [("standfirst", standfirst, None)] if standfirst else []


def page_extras(html: str) -> tuple[str | None, list[tuple[str, str, str | None]]]:
    """The standfirst and the ("caption", text, credit) of each <figcaption> in the page's article."""
    import lxml.html

    try:
        root = lxml.html.fromstring(html)
    except (ValueError, lxml.etree.ParserError):
        return None, []
    scope = (root.xpath("//article") or root.xpath("//main") or [root])[0]
    standfirst = next(
        (clean_line("".join(el.itertext())) for el in scope.xpath(_STANDFIRST_XPATH)), None
    )
    found = []
    for cap in scope.iter("figcaption"):
        credit_els = cap.xpath(".//*[contains(@class, 'credit') or contains(@class, 'copyright')]")
        credit: str | None = clean_line(" ".join("".join(el.itertext()) for el in credit_els))
        for el in credit_els:
            el.drop_tree()
        text = clean_line("".join(cap.itertext()))
        if text and not credit:
            text, credit = split_credit(text)
        if text:
            found.append(("caption", text, credit or None))
    return standfirst or None, found


def _walk(body: Any) -> list[tuple[str, str, str | None]]:
    """(kind, text, credit) for each paragraph-level element of trafilatura's XML body."""
    found: list[tuple[str, str, str | None]] = []
    for el in body.iter():
        tag = el.tag
        if tag == "graphic":
            text = clean_line(el.get("title") or el.get("alt") or "")
            if text:
                found.append(("caption", *split_credit(text)))
            continue
        if tag not in {"p", "head", "quote", "item"}:
            continue
        if tag == "p" and el.getparent() is not None and el.getparent().tag in {"quote", "item"}:
            continue
        text = clean_line("".join(el.itertext()))
        if not text:
            continue
        kind = "heading" if tag == "head" or (tag == "p" and _bold_heading(el, text)) else "body"
        found.append((kind, text, None))
    return found


def _bold_heading(el: Any, text: str) -> bool:
    return is_heading(text) and el.get("rend") in {"h2", "h3", "h4"}


def _date(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None
