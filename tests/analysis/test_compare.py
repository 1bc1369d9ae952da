"""Readout comparison of one story across outlets, on hand-built results (no spaCy model).

The story: the foreign ministers of two invented countries, Norvania and Ostria, meet in Karsk.
Norpress (Norvania's state agency) carries the minister's warm "fraternal" remark and a 30
percent trade figure; Ostpress carries the meeting and a 25 percent figure but not the remark;
the Harbour Courier re-publishes Norpress word for word; the Meridian Post carries the remark
but puts it in the other minister's mouth. Every span is found in its article's text.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator
from typing import Any

import pytest

from newsgraph.analysis.alignment import content_words, identities, overlap
from newsgraph.analysis.compare import (
    Comparison,
    Item,
    compare_results,
    compare_story,
    render_html,
    render_text,
)
from newsgraph.errors import AnalysisError, NotFound
from newsgraph.schema import (
    Article,
    Claim,
    Entity,
    Event,
    EventDate,
    Provenance,
    Quote,
    ResultDocument,
    Source,
)
from newsgraph.store import Store, Stored, signature
from newsgraph.testing import make_article, make_entity, span_at

PROV = Provenance(newsgraph_version="test")

NORPRESS = (
    "Norvanian Foreign Minister Tomas Vell met his Ostrian counterpart Ilse Marek in Karsk on "
    "Tuesday to discuss trade and rail links.",
    "“Relations between Norvania and Ostria are truly fraternal, and our friendship will only "
    "grow stronger,” Vell said after the talks, according to Norpress.",
    "Marek said the two sides agreed to expand rail freight between the two capitals.",
    "Trade between the two countries grew by 30 percent last year, the ministry said.",
    "Vell said he hoped to open a new consulate in the port city of Velm next year.",
)
OSTPRESS = (
    "Ostrian Foreign Minister Ilse Marek held talks with Norvanian Foreign Minister Tomas Vell "
    "in Karsk on Tuesday.",
    "The ministers discussed trade, transport and energy.",
    "Marek said both sides had agreed to expand rail freight between the capitals.",
    "Bilateral trade grew 25 percent last year, Marek added.",
)
MERIDIAN = (
    "Tomas Vell and Ilse Marek met in Karsk, the two governments said.",
    "“Relations between our countries are truly fraternal, and our friendship will only grow "
    "stronger,” Marek said, according to Norpress.",
    "Analysts said the meeting could revive a stalled pipeline project.",
)
# A later article, for the graph and timeline: another meeting, an accusation, a non-meeting.
VISIT = (
    "Tomas Vell visited Ilse Marek in Karsk on 3 June.",
    "“Drosnia is blocking the river trade,” Vell said.",
    "Vell did not meet envoys from Drosnia.",
)


# -- builders ------------------------------------------------------------------------------


def article(paragraphs: tuple[str, ...], title: str, outlet: str, published: dt.date) -> Article:
    slug = outlet.lower().replace(" ", "-")
    return make_article(*paragraphs, title=title).model_copy(
        update={
            "published": published,
            "source": Source(name=outlet, url=f"https://{slug}.example/karsk"),
        }
    )


def people(text: str) -> tuple[Entity, ...]:
    """The two ministers, Karsk and Norpress, wherever the text names them."""
    found = [
        make_entity(
            text, "p1", "Tomas Vell", "PERSON", "Tomas Vell", "Vell", country="NRV", sector="GOV"
        ),
        make_entity(
            text, "p2", "Ilse Marek", "PERSON", "Ilse Marek", "Marek", country="OST", sector="GOV"
        ),
        make_entity(text, "g1", "Karsk", "GPE", country="OST"),
        make_entity(text, "o1", "Norpress", "ORG", sector="MED"),
    ]
    return tuple(e for e in found if e.mentions)


def meeting(
    text: str,
    trigger: str,
    *,
    actors: tuple[str, ...],
    recipients: tuple[str, ...] = (),
    date: EventDate,
) -> Event:
    names = {"p1": "Tomas Vell", "p2": "Ilse Marek"}
    codes = {"p1": "NRVGOV", "p2": "OSTGOV"}
    return Event(
        id="v1",
        type="CONSULT",
        cameo="040",
        quad=1,
        goldstein=1.0,
        actors=actors,
        actor_spans=tuple(span_at(text, names[a]) for a in actors),
        actor_codes=tuple(codes[a] for a in actors),
        recipients=recipients,
        recipient_spans=tuple(span_at(text, names[r]) for r in recipients),
        recipient_codes=tuple(codes[r] for r in recipients),
        location="g1",
        date=date,
        trigger=span_at(text, trigger),
    )


def trade(text: str, surface: str, value: float, measure: str, **fields: Any) -> Claim:
    return Claim(
        id="c1",
        kind="percent",
        value=value,
        unit="percent",
        measure=measure,
        direction="up",
        time="2023",
        span=span_at(text, surface),
        **fields,
    )


def norpress(outlet: str = "Norpress", extra: tuple[str, ...] = ()) -> ResultDocument:
    art = article(
        NORPRESS + extra, "Vell and Marek hold talks in Karsk", outlet, dt.date(2024, 5, 14)
    )
    text = art.text
    quotes = (
        Quote(
            id="q1",
            kind="direct",
            content=(
                span_at(
                    text,
                    "Relations between Norvania and Ostria are truly fraternal, and our friendship "
                    "will only grow stronger,",
                ),
            ),
            cue=span_at(text, "said", after="Vell said after"),
            speaker=span_at(text, "Vell", after="Vell said after"),
            speaker_entity="p1",
            speaker_kind="named",
            via_entities=("o1",),
        ),
        Quote(
            id="q2",
            kind="indirect",
            content=(
                span_at(
                    text, "the two sides agreed to expand rail freight between the two capitals"
                ),
            ),
            cue=span_at(text, "said", after="Marek said"),
            speaker=span_at(text, "Marek", after="Marek said"),
            speaker_entity="p2",
            speaker_kind="named",
        ),
        Quote(
            id="q3",
            kind="indirect",
            content=(
                span_at(
                    text, "he hoped to open a new consulate in the port city of Velm next year"
                ),
            ),
            cue=span_at(text, "said", after="Vell said he"),
            speaker=span_at(text, "Vell", after="Vell said he"),
            speaker_entity="p1",
            speaker_kind="named",
        ),
    )
    event = meeting(
        text, "met", actors=("p1",), recipients=("p2",), date=EventDate(value="2024-05-14")
    )
    claim = trade(text, "grew by 30 percent", 30.0, "trade between the two countries")
    return ResultDocument(
        article=art,
        provenance=PROV,
        entities=people(text),
        quotes=quotes,
        events=(event,),
        claims=(claim,),
    )


def ostpress() -> ResultDocument:
    art = article(
        OSTPRESS, "Ostrian and Norvanian ministers meet in Karsk", "Ostpress", dt.date(2024, 5, 14)
    )
    text = art.text
    quote = Quote(
        id="q1",
        kind="indirect",
        content=(
            span_at(text, "both sides had agreed to expand rail freight between the capitals"),
        ),
        cue=span_at(text, "said", after="Marek said"),
        speaker=span_at(text, "Marek", after="Marek said"),
        speaker_entity="p2",
        speaker_kind="named",
    )
    event = meeting(
        text, "held talks", actors=("p2",), recipients=("p1",), date=EventDate(value="2024-05-14")
    )
    claim = trade(text, "grew 25 percent", 25.0, "bilateral trade", claimant_entity="p2")
    return ResultDocument(
        article=art,
        provenance=PROV,
        entities=people(text),
        quotes=(quote,),
        events=(event,),
        claims=(claim,),
    )


def meridian() -> ResultDocument:
    art = article(
        MERIDIAN, "Norvania and Ostria pledge closer ties", "Meridian Post", dt.date(2024, 5, 15)
    )
    text = art.text
    quotes = (
        Quote(
            id="q1",
            kind="direct",
            content=(
                span_at(
                    text,
                    "Relations between our countries are truly fraternal, and our friendship will "
                    "only grow stronger,",
                ),
            ),
            cue=span_at(text, "said", after="Marek said"),
            speaker=span_at(text, "Marek", after="Marek said"),
            speaker_entity="p2",
            speaker_kind="named",
            via_entities=("o1",),
        ),
        Quote(
            id="q2",
            kind="indirect",
            content=(span_at(text, "the meeting could revive a stalled pipeline project"),),
            cue=span_at(text, "said", after="Analysts said"),
            speaker=span_at(text, "Analysts"),
            speaker_kind="vague",
        ),
    )
    # No date in the text: the publication date stands in.
    event = meeting(
        text, "met", actors=("p1", "p2"), date=EventDate(value="2024-05-15", fallback=True)
    )
    return ResultDocument(
        article=art, provenance=PROV, entities=people(text), quotes=quotes, events=(event,)
    )


def visit() -> ResultDocument:
    art = article(VISIT, "Vell visits Karsk again", "Meridian Post", dt.date(2024, 6, 4))
    text = art.text
    entities = (*people(text), make_entity(text, "g2", "Drosnia", "GPE", country="DRS"))
    quote = Quote(
        id="q1",
        kind="direct",
        content=(span_at(text, "Drosnia is blocking the river trade,"),),
        cue=span_at(text, "said", after="Vell said"),
        speaker=span_at(text, "Vell", after="Vell said"),
        speaker_entity="p1",
        speaker_kind="named",
    )
    events = (
        meeting(
            text, "visited", actors=("p1",), recipients=("p2",), date=EventDate(value="2024-06-03")
        ).model_copy(update={"mode": "visit", "cameo": "042"}),
        Event(
            id="v2",
            type="ACCUSE",
            cameo="112",
            quad=3,
            actors=("p1",),
            actor_spans=(span_at(text, "Vell", after="Vell said"),),
            actor_codes=("NRVGOV",),
            recipients=("g2",),
            recipient_spans=(span_at(text, "Drosnia"),),
            recipient_codes=("DRS",),
            date=EventDate(value="2024-06-04", fallback=True),
            trigger=span_at(text, "is blocking"),
            quote="q1",
        ),
        Event(
            id="v3",
            type="CONSULT",
            cameo="040",
            quad=1,
            actors=("p1",),
            actor_spans=(span_at(text, "Vell", after="Vell did not"),),
            actor_codes=("NRVGOV",),
            recipients=("g2",),
            recipient_spans=(span_at(text, "Drosnia", after="envoys from"),),
            recipient_codes=("DRS",),
            date=EventDate(value="2024-06-04", fallback=True),
            trigger=span_at(text, "meet", after="did not"),
            negated=True,
        ),
    )
    return ResultDocument(
        article=art, provenance=PROV, entities=entities, quotes=(quote,), events=events
    )


def story() -> dict[str, ResultDocument]:
    """A: Norpress, B: Ostpress, C: Harbour Courier re-publishing A, D: Meridian Post."""
    copy = norpress("Harbour Courier", ("This report first appeared on the Norpress wire.",))
    return {"A": norpress(), "B": ostpress(), "C": copy, "D": meridian()}


def write_story(url: str) -> tuple[Store, dict[str, ResultDocument]]:
    """The story and the later visit, stored in that order; C is stored as A's near-duplicate."""
    docs = {**story(), "E": visit()}
    store = Store.open(url)
    statuses = store.write(
        [Stored(f"mem:{k}", doc, signature(doc.article.text)) for k, doc in docs.items()]
    )
    assert statuses == ["stored", "stored", "duplicate", "stored", "stored"]
    return store, docs


@pytest.fixture
def stored(store_url: str) -> Iterator[tuple[Store, dict[str, str]]]:
    """The stored story on SQLite, and on PostgreSQL when a server is configured."""
    store, docs = write_story(store_url)
    yield store, {k: doc.article.id for k, doc in docs.items()}
    store.close()


@pytest.fixture
def full(stored: tuple[Store, dict[str, str]]) -> Comparison:
    store, ids = stored
    return compare_story(store, [ids["A"], ids["B"], ids["C"], ids["D"]])


def find(comparison: Comparison, kind: str, words: str) -> Item:
    """The one item of `kind` some report of which contains `words`."""
    found = [
        i for i in comparison.items if i.kind == kind and any(words in r.text for r in i.reports)
    ]
    assert len(found) == 1, found
    return found[0]


# -- outlets and republications -------------------------------------------------------------


def test_a_copy_is_a_republication_not_an_outlet(full, stored):
    _, ids = stored
    assert [o.outlet for o in full.outlets] == ["Norpress", "Ostpress", "Meridian Post"]
    assert [
        (r.outlet, r.original_outlet, r.article_id, r.original_id) for r in full.republications
    ] == [("Harbour Courier", "Norpress", ids["C"], ids["A"])]
    assert full.outlet("Norpress").republished_by == ("Harbour Courier",)
    assert all("Harbour Courier" not in i.outlets for i in full.items)
    assert all(r.article_id != ids["C"] for i in full.items for r in i.reports)


def test_b_left_out_the_remark_most_others_carried(full):
    remark = find(full, "quote", "truly fraternal")
    assert remark.outlets == ("Norpress", "Meridian Post")
    assert remark.key in full.outlet("Ostpress").left_out
    assert remark.key not in full.outlet("Ostpress").reported


def test_a_relayed_remark_joins_its_speakers_item_not_the_relays_report():
    # The Monitor's "Vell said …, according to Norpress" is two quotes: Norpress's report (the
    # whole sentence) and Vell's remark inside it. The remark shares more words with the relay's
    # report, but belongs with Vell's remark as Norpress carried it.
    art = article(
        (
            "Tomas Vell met Ilse Marek in Karsk.",
            'Vell said the two countries have "truly fraternal relations," according to Norpress.',
        ),
        "Ministers meet in Karsk",
        "Karsk Monitor",
        dt.date(2024, 5, 15),
    )
    text = art.text
    relay = Quote(
        id="q1",
        kind="indirect",
        content=(span_at(text, 'Vell said the two countries have "truly fraternal relations,"'),),
        cue=span_at(text, "according to"),
        speaker=span_at(text, "Norpress"),
        speaker_entity="o1",
        speaker_kind="named",
    )
    remark = Quote(
        id="q2",
        kind="mixed",
        content=(span_at(text, 'the two countries have "truly fraternal relations,"'),),
        cue=span_at(text, "said"),
        speaker=span_at(text, "Vell", after="Vell said"),
        speaker_entity="p1",
        speaker_kind="named",
        via_entities=("o1",),
    )
    monitor = ResultDocument(
        article=art, provenance=PROV, entities=people(text), quotes=(relay, remark)
    )
    comparison = compare_results([norpress(), monitor])
    item = find(comparison, "quote", "truly fraternal, and our friendship")
    assert [(r.outlet, r.id) for r in item.reports] == [("Norpress", "q1"), ("Karsk Monitor", "q2")]
    assert item.outlets == ("Norpress", "Karsk Monitor") and item.differences == ()


def test_without_d_only_a_and_its_republisher_carried_the_remark(stored):
    store, ids = stored
    comparison = compare_story(store, [ids["A"], ids["B"], ids["C"]])
    remark = find(comparison, "quote", "truly fraternal")
    assert remark.outlets == ("Norpress",)
    assert comparison.outlet("Norpress").only[0] == remark.key
    assert comparison.outlet("Norpress").republished_by == ("Harbour Courier",)
    # Counting the copy as a second outlet would make Ostpress "leave out" what 2 of 2 carried.
    assert comparison.outlet("Ostpress").left_out == ()
    assert "only Norpress (and its republisher Harbour Courier) reported" in render_text(comparison)


def test_a_copy_given_alone_brings_in_its_original_and_others_find_the_copy(stored):
    store, ids = stored
    from_copy = compare_story(store, [ids["C"][:12], ids["B"]])
    assert [o.outlet for o in from_copy.outlets] == ["Ostpress", "Norpress"]
    assert [r.article_id for r in from_copy.republications] == [ids["C"]]
    from_original = compare_story(store, [ids["A"], ids["B"]])
    assert from_original.outlet("Norpress").republished_by == ("Harbour Courier",)


def test_unknown_or_no_articles_are_errors(stored):
    store, _ = stored
    with pytest.raises(NotFound):
        compare_story(store, ["ffffffffffff"])
    with pytest.raises(AnalysisError):
        compare_story(store, [])


# -- alignment -------------------------------------------------------------------------------


def test_d_attributes_the_remark_to_another_speaker(full):
    remark = find(full, "quote", "truly fraternal")
    (diff,) = remark.differences
    assert diff.aspect == "speaker"
    assert [(v.value, v.outlets) for v in diff.variants] == [
        ("Tomas Vell", ("Norpress",)),
        ("Ilse Marek", ("Meridian Post",)),
    ]
    (mine,) = full.outlet("Meridian Post").differences
    assert (mine.item, mine.aspect, mine.value) == (remark.key, "speaker", "Ilse Marek")
    assert [v.outlets for v in mine.others] == [("Norpress",)]


def test_figures_conflict_30_against_25_percent(full):
    figure = find(full, "claim", "percent")
    assert figure.outlets == ("Norpress", "Ostpress")
    (diff,) = figure.differences
    assert diff.aspect == "value"
    assert {v.value: v.outlets for v in diff.variants} == {
        "30 percent": ("Norpress",),
        "25 percent": ("Ostpress",),
    }
    assert [d.value for d in full.outlet("Ostpress").differences] == ["25 percent"]
    assert figure.key in full.outlet("Meridian Post").left_out


def test_the_meeting_is_one_event_across_a_b_and_d(full):
    (event,) = [i for i in full.items if i.kind == "event"]
    assert event.outlets == ("Norpress", "Ostpress", "Meridian Post")
    assert event.differences == ()
    assert {r.value for r in event.reports} == {"2024-05-14", "2024-05-15, publication date"}


def test_a_paraphrase_by_the_same_speaker_aligns_and_only_lists_the_rest(full):
    rail = find(full, "quote", "rail freight")
    assert rail.outlets == ("Norpress", "Ostpress")
    assert rail.differences == ()
    assert rail.key in full.outlet("Meridian Post").left_out
    consulate = find(full, "quote", "consulate")
    pipeline = find(full, "quote", "pipeline")
    assert full.outlet("Norpress").only == (consulate.key,)
    assert full.outlet("Meridian Post").only == (pipeline.key,)
    assert full.outlet("Norpress").left_out == ()


def test_compare_results_without_a_store_agrees():
    docs = story()
    comparison = compare_results(list(docs.values()), {docs["C"].article.id: docs["A"].article.id})
    assert [o.outlet for o in comparison.outlets] == ["Norpress", "Ostpress", "Meridian Post"]
    assert [(i.kind, i.outlets) for i in comparison.items] == [
        ("quote", ("Norpress", "Meridian Post")),
        ("quote", ("Norpress", "Ostpress")),
        ("quote", ("Norpress",)),
        ("quote", ("Meridian Post",)),
        ("event", ("Norpress", "Ostpress", "Meridian Post")),
        ("claim", ("Norpress", "Ostpress")),
    ]
    # A duplicates entry pointing at itself (or at an article not given) removes nothing.
    a_id = docs["A"].article.id
    assert [o.outlet for o in compare_results([docs["A"]], {a_id: a_id}).outlets] == ["Norpress"]
    # Without the duplicates map the copy is one more outlet, and agrees with Norpress.
    naive = compare_results(list(docs.values()))
    assert find(naive, "quote", "truly fraternal").outlets == (
        "Norpress",
        "Harbour Courier",
        "Meridian Post",
    )


def test_a_bare_surname_is_the_one_full_named_person_with_it():
    docs = story()
    ost = docs["B"]
    surname_only = ost.model_copy(
        update={
            "entities": tuple(
                e.model_copy(update={"name": "Marek"}) if e.id == "p2" else e for e in ost.entities
            )
        }
    )
    comparison = compare_results([docs["A"], surname_only])
    rail = find(comparison, "quote", "rail freight")
    assert rail.outlets == ("Norpress", "Ostpress")
    assert rail.differences == ()


def test_a_surname_two_people_share_stays_apart():
    first = make_article("Ilse Marek and Jan Marek spoke in Karsk.")
    second = make_article("Marek spoke in Velm.")
    results = [
        ResultDocument(
            article=first,
            provenance=PROV,
            entities=(
                make_entity(first.text, "a", "Ilse Marek", "PERSON"),
                make_entity(first.text, "b", "Jan Marek", "PERSON"),
            ),
        ),
        ResultDocument(
            article=second,
            provenance=PROV,
            entities=(make_entity(second.text, "c", "Marek", "PERSON"),),
        ),
    ]
    who = identities(results, {})
    keys = {who[(first.id, "a")].key, who[(first.id, "b")].key}
    assert who[(second.id, "c")].key not in keys


def test_a_different_relay_and_a_negated_event_are_differences():
    docs = story()
    mer = docs["D"]
    changed = mer.model_copy(
        update={
            "quotes": (mer.quotes[0].model_copy(update={"via_entities": ()}), mer.quotes[1]),
            "events": (mer.events[0].model_copy(update={"negated": True}),),
        }
    )
    comparison = compare_results([docs["A"], changed])
    remark = find(comparison, "quote", "truly fraternal")
    assert {d.aspect: [v.value for v in d.variants] for d in remark.differences} == {
        "speaker": ["Tomas Vell", "Ilse Marek"],
        "via": ["via Norpress", "no relay"],
    }
    (event,) = [i for i in comparison.items if i.kind == "event"]
    assert [(d.aspect, [v.value for v in d.variants]) for d in event.differences] == [
        ("negated", ["happened", "did not happen"])
    ]


@pytest.mark.parametrize(
    ("a", "b", "value_a", "value_b", "qualifier", "conflict"),
    [
        ("grew by 30 percent", "grew 25 percent", 30.0, 30.4, None, False),
        ("grew by 30 percent", "grew 25 percent", 30.0, 32.0, "APPROX", False),
        ("grew by 30 percent", "grew 25 percent", 30.0, 32.0, None, True),
    ],
)
def test_figures_agree_within_a_tolerance(a, b, value_a, value_b, qualifier, conflict):
    docs = story()
    first = docs["A"].model_copy(
        update={"claims": (docs["A"].claims[0].model_copy(update={"value": value_a}),)}
    )
    second_claim = docs["B"].claims[0].model_copy(update={"value": value_b, "qualifier": qualifier})
    second = docs["B"].model_copy(update={"claims": (second_claim,)})
    figure = find(compare_results([first, second]), "claim", "percent")
    assert figure.outlets == ("Norpress", "Ostpress")
    assert bool(figure.differences) is conflict


@pytest.mark.parametrize(
    ("one", "other", "aligned"),
    [
        (
            "our friendship will only grow stronger",
            "their friendship would only grow stronger",
            True,
        ),
        ("relations are fraternal", "Relations were fraternal", True),
        ("trade relations matter", "rail links matter to trade", False),
        ("the two sides agreed to expand rail freight", "freight", False),
    ],
)
def test_content_word_overlap(one, other, aligned):
    assert (overlap(content_words(one), content_words(other)) >= 0.5) is aligned


# -- renderings -----------------------------------------------------------------------------


def test_text_report_states_the_findings(full):
    text = render_text(full)
    assert "Harbour Courier republished Norpress" in text
    assert re.search(r"left out \[quote-\d\] Tomas Vell: “Relations between Norvania", text)
    assert "(carried by Norpress, Meridian Post)" in text
    assert "speaker differs: Norpress: Tomas Vell; Meridian Post: Ilse Marek" in text
    assert "value differs: Norpress: 30 percent; Ostpress: 25 percent" in text
    assert "only Norpress (and its republisher Harbour Courier) reported" in text


def test_html_report_states_the_findings_and_escapes_text(full):
    page = render_html(full)
    assert page.startswith("<!DOCTYPE html>")
    assert "http" not in page
    assert "Harbour Courier republished Norpress" in page
    assert "Left out Tomas Vell: “Relations between Norvania" in page
    assert "Norpress: 30 percent; Ostpress: 25 percent" in page
    assert "Norpress: Tomas Vell; Meridian Post: Ilse Marek" in page
    assert render_html(full, page=False).startswith('<article class="comparison">')


def test_html_escapes_a_script_in_a_quote():
    text = 'The minister wrote "<script>alert(1)</script>" on the board, said Tomas Vell & co.'
    art = make_article(text).model_copy(update={"source": Source(name="<b>Wire</b>")})
    doc = ResultDocument(
        article=art,
        provenance=PROV,
        entities=(make_entity(art.text, "p1", "Tomas Vell", "PERSON"),),
        quotes=(
            Quote(
                id="q1",
                kind="direct",
                content=(span_at(art.text, "<script>alert(1)</script>"),),
                speaker=span_at(art.text, "Tomas Vell"),
                speaker_entity="p1",
                speaker_kind="named",
            ),
        ),
    )
    page = render_html(compare_results([doc, story()["B"]]))
    assert "<script>" not in page and "<b>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&lt;b&gt;Wire&lt;/b&gt;" in page


def test_json_round_trips(full):
    data = json.loads(full.to_json())
    assert {"article_ids", "outlets", "items", "republications"} <= data.keys()
    assert Comparison.model_validate_json(full.to_json()) == full
