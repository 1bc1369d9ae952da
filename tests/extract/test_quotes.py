"""The quotes layer on invented articles: every kind of attribution and how it is resolved."""

from __future__ import annotations

import pytest

from newsgraph import Processor, article_from_text
from newsgraph.extract.attribution import select
from newsgraph.schema import Entity, Quote, ResultDocument

pytestmark = pytest.mark.model

VISIT = """Ruvanian Minister Courts Old Partner in Tesk

Ruvanian Foreign Minister Pavel Dorrin arrived in Tesk on Monday for two days of talks. His trip, analysts say, is meant to calm investors at home.

Mr. Dorrin told his Teskan counterpart that trade between the two countries had “grown every year” since 2019, according to the Teska News Agency, the state news service.

“Our friendship is older than any treaty,” Mr. Dorrin said, according to the Teska News Agency. “Nobody can take it from us.”

“We will sign the port agreement,” he said, “but only after the review is done.”

Teskan Foreign Minister Ilse Varga said the port deal was “close but not finished.”

Maria Lenz, an economist at the Tesk Institute, told reporters: “The numbers do not lie.” She said Mr. Dorrin had described the economy as “a ‘ship without a rudder,’ in his own words.”

The minister is expected to visit a shipyard on Tuesday.
"""


@pytest.fixture(scope="module")
def result(processor: Processor) -> ResultDocument:
    (out,) = list(processor.process([article_from_text(VISIT, uri="visit")]))
    return out


def _entity(result: ResultDocument, name: str) -> Entity:
    (entity,) = [e for e in result.entities if e.name == name]
    return entity


def _quote(result: ResultDocument, words: str, cue: str | None = None) -> Quote:
    found = [
        q
        for q in result.quotes
        if any(words in c.text for c in q.content)
        and (cue is None or (q.cue and q.cue.text == cue))
    ]
    assert found, f"no quote with {words!r}: {[[c.text for c in q.content] for q in result.quotes]}"
    # The innermost: a relay ("according to X") contains the quote it passes on.
    return min(found, key=lambda q: sum(len(c.text) for c in q.content))


def test_every_span_points_into_the_text(result: ResultDocument):
    text = result.article.text
    assert result.quotes
    for q in result.quotes:
        for span in (*q.content, q.cue, q.speaker):
            if span is not None:
                assert text[span.start : span.end] == span.text


def test_split_quote_is_one_attribution_with_two_fragments(result: ResultDocument):
    q = _quote(result, "We will sign the port agreement")
    assert [c.text for c in q.content] == [
        "“We will sign the port agreement,”",
        "“but only after the review is done.”",
    ]
    assert q.kind == "direct"
    assert q.cue is not None and q.cue.text == "said"
    assert q.speaker is not None and q.speaker.text == "he"
    assert q.speaker_entity == _entity(result, "Pavel Dorrin").id
    assert q.speaker_kind == "named"


def test_indirect_speech_with_relay_and_addressee(result: ResultDocument):
    q = _quote(result, "trade between the two countries")
    assert q.kind == "mixed"
    assert q.content[0].text.startswith("that trade")
    assert q.speaker_entity == _entity(result, "Pavel Dorrin").id
    tna = _entity(result, "Teska News Agency")
    assert q.via_entities == (tna.id,)
    assert q.addressee_entity is not None
    relay = next(r for r in result.quotes if r.id == q.parent)
    assert relay.cue is not None and relay.cue.text == "according to"
    assert relay.speaker_entity == tna.id


def test_quotation_resuming_after_the_cue_sentence_stays_one_attribution(
    result: ResultDocument,
):
    q = _quote(result, "Our friendship is older", cue="said")
    assert [c.text for c in q.content] == [
        "“Our friendship is older than any treaty,”",
        "“Nobody can take it from us.”",
    ]
    assert q.speaker_entity == _entity(result, "Pavel Dorrin").id
    assert q.via_entities == (_entity(result, "Teska News Agency").id,)


def test_vague_source(result: ResultDocument):
    q = _quote(result, "is meant to calm investors")
    assert q.speaker is not None and q.speaker.text == "analysts"
    assert q.speaker_kind == "vague"
    assert q.speaker_entity is None
    # The source and cue sit inside the content: it comes in two fragments.
    assert [c.text for c in q.content] == ["His trip", "is meant to calm investors at home"]


def test_colon_quote_and_addressee_of_told(result: ResultDocument):
    q = _quote(result, "The numbers do not lie")
    assert q.speaker_entity == _entity(result, "Maria Lenz").id
    assert q.cue is not None and q.cue.text == "told"


def test_nested_quote_links_to_its_outer_quote(result: ResultDocument):
    outer = _quote(result, "had described the economy")
    assert outer.speaker_entity == _entity(result, "Maria Lenz").id
    inner = [q for q in result.quotes if q.parent == outer.id]
    assert inner, "the minister's own words inside Ms. Lenz's quote are a nested attribution"
    assert inner[0].speaker_entity == _entity(result, "Pavel Dorrin").id


def test_no_source_attribution_is_still_reported(result: ResultDocument):
    q = _quote(result, "to visit a shipyard")
    assert q.speaker is None
    assert q.speaker_kind == "none"
    assert q.cue is not None and "expected" in q.cue.text


CAPTION_PAGE = """<html><body><article>
<h1>Harbor Talks Continue</h1>
<p>Officials from both ports met on Friday. The harbor master said the new crane would arrive in May.</p>
<figure><img src="a.jpg"><figcaption>“We are ready,” the harbor master told workers at the dock on Friday. <span class="credit">Photo: Ana Sol</span></figcaption></figure>
<p>The talks continue next week in the old customs house near the water.</p>
</article></body></html>"""


def test_quotes_in_captions_are_marked(processor: Processor):
    from newsgraph import article_from_html

    (out,) = list(processor.process([article_from_html(CAPTION_PAGE, uri="cap")]))
    caption = [q for q in out.quotes if q.in_caption]
    body = [q for q in out.quotes if not q.in_caption]
    assert [c.text for q in caption for c in q.content] == ["“We are ready,”"]
    assert any("crane" in c.text for q in body for c in q.content)


def test_select_never_nests_two_readings_inside_each_other():
    from newsgraph.extract.attribution import Candidate

    a = Candidate(0, (10, 13), None, [(0, 9), (14, 30)], "ccomp", score=0.9)
    b = Candidate(5, (20, 25), None, [(0, 19)], "raising", score=0.8)
    chosen = select([a, b], threshold=0.5)
    assert [c.shape for c, _ in chosen] == ["ccomp"]
    assert chosen[0][1] is None
