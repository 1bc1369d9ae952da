"""bench/event_scoring.py, and bench/event_e2e.py's as_article and predicted_events, on invented
sentences and hand-made predictions (no model)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.event_e2e import as_article, plv_records, predicted_events
from bench.event_scoring import (
    PLV_CLASSES,
    GoldActor,
    GoldEvent,
    Participant,
    PetrEvent,
    PredEvent,
    choose_span,
    classification_scores,
    code_match,
    collapse_dyadic,
    gold_actor,
    gold_event,
    locate,
    pair_offsets,
    parse_marked,
    petr_agreement,
    petr_countries,
    plv_quad,
    score_gsr,
    span_match,
    to_plv,
    word_spans,
)
from newsgraph.schema import CharSpan, Entity, Event, Mention, Provenance, ResultDocument
from newsgraph.testing import make_article

# A stand-in for newsgraph.extract.plover.QUAD: the scorer takes the table as an argument.
QUAD = {"AGREE": 1, "CONCEDE": 1, "AID": 2, "RETREAT": 2, "ACCUSE": 3, "ASSAULT": 4}


def _span(text: str, part: str, start: int = 0) -> tuple[int, int]:
    i = text.index(part, start)
    return i, i + len(part)


# ------------------------------------------------------------------ PLV


def test_parse_marked_nested_and_repeated():
    text, spans = parse_marked("<s><t>Serbia</t>n leader</s> visited <t>Serbia</t>.")
    assert text == "Serbian leader visited Serbia."
    assert spans["s"] == [(0, 14)]
    assert spans["t"] == [(0, 6), (23, 29)]


def test_pair_offsets_skips_marks_inside_words_and_inside_the_source():
    text, source, target = pair_offsets(
        "<s><t>Serbia</t>n President Kostunica</s> promised to democratize <t>Serbia</t>."
    )
    assert text[slice(*source)] == "Serbian President Kostunica"
    assert text[slice(*target)] == "Serbia"
    assert target[0] > source[1]
    text, source, target = pair_offsets(
        "<s>Jordan</s> and <t>Britain</t> agreed, a <s>Jordan</s>ian official said."
    )
    assert source == (0, 6)
    assert text[slice(*target)] == "Britain"


def test_pair_offsets_trims_space_inside_markers():
    text, source, _ = pair_offsets("<s>The European Union (EU) </s>has demanded <t>X</t>.")
    assert text[slice(*source)] == "The European Union (EU)"


def test_pair_offsets_without_marker():
    # The target contains the source, so the marking tool left it unmarked.
    marked = "<s>Croatia</s> is investigating <s>Croatia</s>n extremists."
    text, source, target = pair_offsets(marked, "Croatia", "Croatian extremists")
    assert source == (0, 7)
    assert text[slice(*target)] == "Croatian extremists"
    # A placeholder participant is the empty span.
    _, _, target = pair_offsets(
        "<s>Syria</s> says it will not accept refugees.", "Syria", "a recipient"
    )
    assert target == (0, 0)
    assert choose_span("x", []) == (0, 0)


def test_to_plv_and_quad():
    assert to_plv("CONCEDE") == to_plv("RETREAT") == "YIELD"
    assert to_plv("AID") == "AID"
    # PLV puts YIELD in material cooperation, though PLOVER has CONCEDE in 1.
    assert plv_quad("CONCEDE", QUAD) == 2
    assert plv_quad("ASSAULT", QUAD) == 4
    assert plv_quad("NONSENSE", QUAD) is None


def test_classification_scores():
    gold = ["AGREE", "AGREE", "AID", "ASSAULT"]
    pred = ["AGREE", "AID", "AID", "BOGUS"]
    scores = classification_scores(gold, pred, ("AGREE", "AID", "ASSAULT"))
    assert scores.accuracy == 0.5
    # F1: AGREE p=1 r=.5 -> 2/3; AID p=.5 r=1 -> 2/3; ASSAULT 0 (the BOGUS label is only a miss).
    assert scores.macro_f1 == pytest.approx(4 / 9, abs=1e-4)
    assert scores.per_class["AGREE"] == pytest.approx((1.0, 0.5, 2 / 3, 2))
    assert scores.confusion[("ASSAULT", "BOGUS")] == 1
    assert len(PLV_CLASSES) == 15


# ------------------------------------------------------------------ spans and codes


def test_span_match_by_head_or_iou():
    text = "Senior Hungarian officials met the Romanian prime minister."
    words = word_spans(text)
    gold = _span(text, "Senior Hungarian officials")
    assert span_match(_span(text, "officials"), gold, words)  # same last word
    assert span_match(_span(text, "Senior Hungarian"), gold, words)  # IoU 2/3
    assert not span_match(_span(text, "Hungarian"), gold, words)  # IoU 1/3, other head
    assert not span_match(_span(text, "Romanian"), gold, words)
    assert not span_match((0, 0), gold, words)


def test_span_match_by_the_golds_syntactic_head():
    text = "A court freed two ex-ministers who served in the old government."
    words = word_spans(text)
    gold = _span(text, "two ex-ministers who served in the old government")
    head = _span(text, "ex-ministers")
    assert span_match(_span(text, "two ex-ministers"), gold, words, head)
    assert not span_match(_span(text, "two ex-ministers"), gold, words)  # last word differs
    # A prediction ending elsewhere inside the gold is not its head.
    assert not span_match(_span(text, "the old"), gold, words, head)


def test_locate():
    text = "Iraqi officials said Iraq and U.S. envoys met the  Russian negotiators."
    # Whole words first: not the "Iraq" inside "Iraqi".
    assert locate(text, "Iraq") == _span(text, "Iraq", text.index("Iraq and"))
    assert locate(text, "iraqi OFFICIALS") == _span(text, "Iraqi officials")
    assert locate(text, "the Russian negotiators") == _span(text, "the  Russian negotiators")
    assert locate(text, "U.S. ... negotiators") == (
        text.index("U.S."),
        _span(text, "negotiators")[1],
    )
    assert locate(text, "Greek-Cypriot") is None
    assert locate(text, "  ") is None


def test_gold_actor_and_code_match():
    text = "Japanese soldiers fired."
    actor = gold_actor({"text": "Japanese soldiers", "code": "JAP", "sector": "MIL"}, text)
    assert (actor.kind, actor.code, actor.sector, actor.span) == ("country", "JPN", "MIL", (0, 17))
    assert code_match(Participant("x", (), "JPN", ("MIL", "GOV")), actor)
    assert not code_match(Participant("x", (), "JPN", ("GOV", "MIL")), actor)
    assert code_match(Participant("x", (), "JPN", ("GOV",)), actor, sector=False)
    assert not code_match(Participant("x", (), None, ("MIL",)), actor)
    civ = gold_actor({"text": "x", "code": "PSE", "sector": "CIV"}, text)
    assert civ.sector == "CVL"
    assert gold_actor({"text": "x", "code": "USA", "sector": "***"}, text).sector is None
    org = gold_actor({"text": "United Nations", "code": "IGO", "sector": ""}, text)
    assert org.kind == "org"
    assert code_match(Participant("x", (), "UNO"), org)
    assert not code_match(Participant("x", (), "FRA"), org)
    assert not code_match(Participant("x"), org)


# ------------------------------------------------------------------ GSR


def _gold(text: str, event: str, actors, recipients=(), markup: str = "") -> GoldEvent:
    rec = {
        "id": "g1",
        "event": event,
        "quad": QUAD[event],
        "markup": markup,
        "actor": [{"text": t, "code": c, "sector": s} for t, c, s in actors],
        "recipient": [{"text": t, "code": c, "sector": s} for t, c, s in recipients],
    }
    return gold_event(rec, text)


def _named(text: str, part: str, country: str | None = None, *sectors: str) -> Participant:
    return Participant(part, (_span(text, part),), country, sectors)


def test_gsr_levels_directional():
    text = "Israeli troops shelled Gaza on Monday."
    gold = _gold(text, "ASSAULT", [("Israeli troops", "ISR", "MIL")], [("Gaza", "PSE", "")])
    words = word_spans(text)
    hit = PredEvent("ASSAULT", (_named(text, "troops"),), (_named(text, "Gaza"),))
    res = score_gsr(gold, [hit], words, QUAD)
    assert (res.type_ok, res.actor_ok, res.tuple_ok) == (True, True, True)
    # Roles swapped: a directional event needs actor to actor and recipient to recipient.
    swapped = PredEvent("ASSAULT", (_named(text, "Gaza"),), (_named(text, "troops"),))
    res = score_gsr(gold, [swapped], words, QUAD)
    assert (res.type_ok, res.actor_ok, res.tuple_ok) == (True, False, False)
    # Wrong type, right quad.
    res = score_gsr(gold, [PredEvent("ASSAULT", negated=True), PredEvent("ACCUSE")], words, QUAD)
    assert (res.type_ok, res.quad_ok, res.negated_only) == (False, False, True)
    res = score_gsr(gold, [], words, QUAD)
    assert not res.type_ok
    assert res.coded["actor_country"] == 1
    assert res.coded["actor_country_ok"] == 0


def test_gsr_code_match_and_best_event():
    text = "The Israeli army shelled Gaza."
    gold = _gold(text, "ASSAULT", [("Israeli army", "ISR", "MIL")], [("Gaza", "PSE", "")])
    words = word_spans(text)
    coded = Participant("Israel", ((4, 11),), "ISR", ("MIL",))
    wrong_sector = Participant("Israel", ((4, 11),), "ISR", ("GOV",))
    events = [
        PredEvent("ASSAULT", (wrong_sector,), ()),
        PredEvent("ASSAULT", (coded,), (_named(text, "Gaza"),)),
    ]
    res = score_gsr(gold, events, words, QUAD)
    assert res.tuple_ok
    assert res.best is events[1]
    assert res.coded == {
        "actor_country": 1,
        "actor_country_ok": 1,
        "actor_sector": 1,
        "actor_sector_ok": 1,
        "recipient_country": 1,
        "recipient_country_ok": 0,
    }


def test_gsr_reciprocal_is_an_unordered_set_and_compound_needs_every_member():
    text = "The United States and Jordan agreed on a free-trade pact."
    gold = _gold(text, "AGREE", [("United States", "USA", ""), ("Jordan", "JOR", "")])
    assert gold.reciprocal
    words = word_spans(text)
    split = PredEvent("AGREE", (_named(text, "United States"),), (_named(text, "Jordan"),))
    res = score_gsr(gold, [split], words, QUAD)
    assert (res.actor_ok, res.tuple_ok, res.actor_hits) == (True, True, (True, True))
    one = PredEvent("AGREE", (_named(text, "Jordan"),))
    res = score_gsr(gold, [one], words, QUAD)
    assert (res.actor_ok, res.actor_hits) == (False, (False, True))
    # SRC/TAR markup makes any type reciprocal.
    marked = _gold(text, "ACCUSE", [("Jordan", "JOR", "")], markup="(SRC/TAR: Jordan)")
    assert marked.reciprocal


def test_gsr_mutual_prediction_meets_a_directional_gold():
    text = "India and Pakistan agreed to a ceasefire."
    gold = _gold(text, "AGREE", [("India", "IND", "")], [("Pakistan", "PAK", "")])
    assert not gold.reciprocal
    words = word_spans(text)
    mutual = PredEvent("AGREE", (_named(text, "India"), _named(text, "Pakistan")))
    assert score_gsr(gold, [mutual], words, QUAD).tuple_ok
    # A recipient of its own makes an event directional again.
    accuse = _gold(text, "ACCUSE", [("India", "IND", "")], [("Pakistan", "PAK", "")])
    both = PredEvent(
        "ACCUSE", (_named(text, "India"), _named(text, "Pakistan")), (_named(text, "ceasefire"),)
    )
    res = score_gsr(accuse, [both], words, QUAD)
    assert (res.actor_ok, res.tuple_ok) == (True, False)
    # A mutual event that lacks the gold recipient still fails.
    alone = PredEvent("AGREE", (_named(text, "India"),))
    assert not score_gsr(gold, [alone], words, QUAD).tuple_ok


def test_gsr_empty_recipient_is_optional_but_counted():
    text = "Syria offered aid to Lebanon."
    gold = _gold(text, "AID", [("Syria", "SYR", "")])
    assert not gold.reciprocal
    pred = PredEvent("AID", (_named(text, "Syria", "SYR"),), (_named(text, "Lebanon"),))
    res = score_gsr(gold, [pred], word_spans(text), QUAD)
    assert (res.tuple_ok, res.extra_recipient) == (True, True)


def test_gsr_unlocated_gold_matches_by_code_only():
    text = "U.S. and Russian negotiators return to Geneva."
    gold = _gold(text, "AGREE", [("Greek-Cypriot", "GRC", "")], [("Geneva", "CHE", "")])
    assert gold.actors[0].span is None
    pred = PredEvent("AGREE", (Participant("Greece", (), "GRC"),), (_named(text, "Geneva"),))
    assert score_gsr(gold, [pred], word_spans(text), QUAD).tuple_ok


def test_as_article():
    assert as_article("{Israel attacked Gaza.}") == "Israel attacked Gaza."
    assert as_article(" Obama will attend a summit ") == "Obama will attend a summit."
    assert as_article("He left…") == "He left…"


def test_predicted_events_from_a_result():
    article = make_article("Israeli troops shelled Gaza on Monday.")
    text = article.text

    def span(part: str) -> CharSpan:
        start, end = _span(text, part)
        return CharSpan.of(text, start, end)

    israel = Entity(
        id="e1",
        name="Israel",
        type="NORP",
        country="ISR",
        sector="MIL",
        sectors=("MIL",),
        mentions=(Mention(start=0, end=7, text="Israeli"),),
    )
    event = Event(
        id="v1",
        type="ASSAULT",
        actors=("e1",),
        actor_spans=(span("Israeli troops"),),
        recipient_spans=(span("Gaza"),),
        trigger=span("shelled"),
        negated=True,
    )
    result = ResultDocument(
        article=article,
        provenance=Provenance(newsgraph_version="test"),
        entities=(israel,),
        events=(event,),
    )
    (pred,) = predicted_events(result)
    assert pred.negated
    assert pred.actors == (
        Participant("Israel", (_span(text, "Israeli"),), "ISR", ("MIL",)),
        Participant("Israeli troops", (_span(text, "Israeli troops"),)),
    )
    assert pred.recipients == (Participant("Gaza", (_span(text, "Gaza"),)),)


# ------------------------------------------------------------------ PETR-2


def test_collapse_dyadic():
    events = [
        {"source": "USA", "target": "RUS", "cameo": "040", "plover_event": "CONSULT"},
        {"source": "RUS", "target": "USA", "cameo": "040", "plover_event": "CONSULT"},
        {"source": "SYR", "target": "EGY", "cameo": "175", "plover_event": "ASSAULT"},
        {"source": "EGY", "target": "SYR", "cameo": "145", "plover_event": "PROTEST"},
    ]
    assert collapse_dyadic(events) == [
        PetrEvent("CONSULT", "USA", "RUS", reciprocal=True),
        PetrEvent("ASSAULT", "SYR", "EGY"),
        PetrEvent("PROTEST", "EGY", "SYR"),
    ]


def test_petr_countries():
    assert petr_countries("USAGOV") == {"USA"}
    assert petr_countries("JAPMIL") == {"JPN"}
    assert petr_countries("---LEG") == frozenset()
    assert petr_countries("IGOUNOMIL") == {"IGO", "UNO", "MIL"}


def test_petr_agreement():
    usa = Participant("US", (), "USA")
    rus = Participant("Russia", (), "RUS")
    directional = PetrEvent("ACCUSE", "USAGOV", "RUS")
    assert petr_agreement(directional, [PredEvent("ACCUSE", (usa,), (rus,))]) == (True, True)
    assert petr_agreement(directional, [PredEvent("ACCUSE", (rus,), (usa,))]) == (True, False)
    assert petr_agreement(directional, [PredEvent("ACCUSE", (usa,), negated=True)]) == (
        False,
        False,
    )
    reciprocal = PetrEvent("CONSULT", "USA", "RUS", reciprocal=True)
    assert petr_agreement(reciprocal, [PredEvent("CONSULT", (rus,), (usa,))]) == (True, True)
    assert petr_agreement(reciprocal, [PredEvent("CONSULT", (rus,))]) == (True, False)
    assert petr_agreement(PetrEvent("ASSAULT", "---REB", "SYR"), []) == (False, None)


def test_gold_actor_without_code():
    actor = gold_actor({"text": "rebels", "code": "", "sector": "REB"}, "The rebels fled.")
    assert actor == GoldActor("rebels", (4, 10), "unknown", "", "REB")
    assert not code_match(Participant("x", (), "SYR", ("REB",)), actor)


def test_plv_rows_become_gold_records(tmp_path: Path) -> None:
    tsv = tmp_path / "PLV_dev.tsv"
    header = "\tsentence_id\tsentence\tsource\ttarget\tgold_root\n"
    rows = [
        "0\t7\tArdenia met Castavia in Velmora.\tArdenia\tCastavia\tCONSULT\n",
        "1\t9\tThe junta freed forty prisoners.\tThe junta\ta recipient\tYIELD\n",
    ]
    tsv.write_text(header + "".join(rows), encoding="utf-8")
    met, freed = plv_records(tsv, {"CONSULT": 1})
    assert met["actor"] == [{"text": "Ardenia"}] and met["recipient"] == [{"text": "Castavia"}]
    assert met["markup"] == "SRC/TAR"  # a meeting is compared as a set of participants
    assert freed["recipient"] == []  # PLV's placeholder names no one
    assert (freed["quad"], freed["markup"]) == (2, "")
    gold = gold_event(freed, freed["text"])
    assert gold.type == "YIELD" and gold.actors[0].span == (0, 9)
