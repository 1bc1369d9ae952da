"""Annotated text rendering (no browser, no web server): nesting, splitting, escaping, links."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from newsgraph.api.render import Mark, render_article, render_text
from newsgraph.api.views import claim_views, event_views, quotes_by_speaker
from tests.store.test_actor_queries import petrenko_reaction
from tests.store.test_store import ferry_fines, grain_talks


class _Checker(HTMLParser):
    """Fails on a closing tag that does not close the innermost open element."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.text: list[str] = []
        self.elements: list[tuple[str, dict[str, str | None], list[str]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.stack.append(tag)
        self.elements.append((tag, dict(attrs), list(self.stack[:-1])))

    def handle_endtag(self, tag: str) -> None:
        assert self.stack and self.stack[-1] == tag, f"</{tag}> closes {self.stack}"
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def _parse(html: str) -> _Checker:
    checker = _Checker()
    checker.feed(html)
    checker.close()
    assert checker.stack == [], f"unclosed: {checker.stack}"
    return checker


def _mark(start: int, end: int, kind: str, title: str = "", href: str | None = None) -> Mark:
    return Mark(start, end, kind, (kind,), title or kind, ((kind, f"{start}-{end}"),), href)


TEXT = "Minister Anna Keller said on Tuesday that talks went well."


def test_plain_text_is_one_paragraph_and_unchanged() -> None:
    html = render_text(TEXT, [])
    assert html == f'<p class="para para-body">{TEXT}</p>\n'


@pytest.mark.parametrize(
    "marks",
    [
        # A quote holding an entity and a date, all nested.
        [_mark(0, 57, "quote"), _mark(9, 20, "entity"), _mark(29, 36, "timex")],
        # Crossing: an entity that starts inside a quote and ends after it.
        [_mark(0, 15, "quote"), _mark(9, 20, "entity")],
        # Crossing the other way, plus an event trigger at the same place as an entity.
        [_mark(9, 20, "entity"), _mark(0, 15, "quote"), _mark(9, 20, "event")],
        # Three-way overlap with shared boundaries and an empty mark (ignored).
        [_mark(0, 36, "quote"), _mark(21, 57, "quote"), _mark(21, 25, "event"), _mark(5, 5, "x")],
        # Marks out of range are dropped, not rendered half.
        [_mark(50, 99, "quote"), _mark(0, 8, "entity")],
    ],
    ids=["nested", "crossing", "crossing-same-extent", "three-way", "out-of-range"],
)
def test_overlapping_marks_give_well_formed_html_with_all_text_once(marks: list[Mark]) -> None:
    html = str(render_text(TEXT, marks))
    parsed = _parse(html)
    assert "".join(parsed.text).strip() == TEXT
    # Every character of a mark's extent is inside an element of that mark.
    for mark in marks:
        if not 0 <= mark.start < mark.end <= len(TEXT):
            continue
        pieces = re.findall(rf'data-{mark.kind}="{mark.start}-{mark.end}">((?:[^<]|<(?!/))*)', html)
        assert pieces, f"{mark} is not rendered"


def test_crossing_marks_are_split_and_reopened() -> None:
    html = str(render_text(TEXT, [_mark(0, 14, "quote"), _mark(9, 20, "entity")]))
    # The entity opens inside the quote, is closed with it and opened again after it.
    assert html == (
        '<p class="para para-body"><span class="quote" title="quote" data-quote="0-14">'
        'Minister <span class="entity" title="entity" data-entity="9-20">Anna </span></span>'
        '<span class="entity" title="entity" data-entity="9-20">Keller</span>'
        " said on Tuesday that talks went well.</p>\n"
    )


def test_a_link_inside_a_link_becomes_a_span() -> None:
    html = str(
        render_text(
            TEXT,
            [_mark(9, 20, "entity", href="/actors/1"), _mark(14, 20, "entity", href="/actors/2")],
        )
    )
    parsed = _parse(html)
    links = [(tag, attrs.get("href")) for tag, attrs, _ in parsed.elements if tag in ("a", "span")]
    assert links == [("a", "/actors/1"), ("span", None)]


def test_paragraphs_become_blocks_and_marks_split_at_breaks() -> None:
    text = "Headline here\n\nFirst para.\n\nSecond para."
    blocks = [(0, 13, "title"), (15, 26, "body"), (28, 40, "body")]
    html = str(render_text(text, [_mark(15, 40, "quote")], blocks=blocks))
    parsed = _parse(html)
    assert [tag for tag, _, parents in parsed.elements if not parents] == ["h1", "p", "p"]
    assert html.count('data-quote="15-40"') == 2
    assert "\n\n" not in html.replace("</p>\n", "")


def test_text_between_blocks_is_not_lost() -> None:
    text = "Title\n\nBody one.\nLoose line."
    html = str(render_text(text, [], blocks=[(0, 5, "title"), (7, 16, "body")]))
    assert "Loose line." in html and html.count("<p") == 2


def test_text_and_attribute_values_are_escaped() -> None:
    text = 'He wrote <script>alert(1)</script> and " onmouseover="x & more.'
    evil = 'x" onclick="alert(2)'
    mark = Mark(0, len(text), "quote", ("quote",), evil, (("speaker", "<b>Bob</b>"),), None)
    html = str(render_text(text, [mark]))
    assert "<script>" not in html and "<b>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert 'onmouseover="' not in html and 'onclick="' not in html
    parsed = _parse(html)
    (_, attrs, _) = next(e for e in parsed.elements if e[0] == "span")
    assert attrs["title"] == evil and attrs["data-speaker"] == "<b>Bob</b>"
    assert "".join(parsed.text).strip() == text


def test_a_result_renders_with_hover_titles_and_actor_links() -> None:
    result = grain_talks()
    html = str(render_article(result, actor_links={"e1": 7}))
    _parse(html)
    # Quote: speaker and relay chain; entity: type, country, sector; event: PLOVER + CAMEO.
    assert 'title="Aleksandr Petrenko via Interfax · direct quote"' in html
    assert 'data-speaker="Aleksandr Petrenko" data-via="Interfax"' in html
    assert 'title="Aleksandr Petrenko · PERSON · UKR · GOV · Agriculture Minister"' in html
    assert 'title="CONSULT · CAMEO 040 · 2024-03-04 · in Vilnius"' in html
    assert 'title="AGREE · CAMEO 057 · 2024-04 · future"' in html
    assert html.count('href="/actors/7"') == 2  # "Aleksandr Petrenko", "Petrenko"
    assert 'href="/actors/' not in html.replace('href="/actors/7"', "")


def test_timex_titles_show_the_normalised_value() -> None:
    from newsgraph.schema import Timex

    result = grain_talks()
    text = result.article.text
    start = text.index("Monday")
    monday = Timex(
        id="t1", start=start, end=start + 6, text="Monday", type="DATE", value="2024-03-04"
    )
    html = str(render_article(result.model_copy(update={"timexes": (monday,)})))
    assert (
        '<span class="timex timex-DATE" title="2024-03-04 (DATE)" data-timex="t1" '
        'data-value="2024-03-04">Monday</span>'
    ) in html


def test_side_panel_views() -> None:
    result = petrenko_reaction()
    groups = quotes_by_speaker(result, actor_links={"r2": 5})
    assert [(g.speaker, g.actor_id, [q.id for q in g.quotes]) for g in groups] == [
        ("Rasa Vaitkute", 5, ["q1", "q2", "q4"]),
        ("Aleksandr Petrenko", None, ["q3"]),
    ]
    assert groups[0].quotes[1].addressee == "Baltic Wire"
    grain = grain_talks()
    (meeting, signing) = event_views(grain)
    assert meeting.actors == ("Aleksandr Petrenko (UKRGOV)",)
    assert meeting.recipients == ("Lithuanian transport officials (LTUGOV)",)
    assert (meeting.place, meeting.date, signing.flags) == ("Vilnius", "2024-03-04", ("future",))
    (fine,) = claim_views(ferry_fines())
    assert (fine.value, fine.measure, fine.text) == ("4,500,000 USD", "the fines", "$4.5 million")
