"""Actor coding where the actor names no country of its own: the place it acts in decides."""

from __future__ import annotations

import pytest

from newsgraph.extract.actors import code_actor
from newsgraph.extract.lexicon import load_lexicon


@pytest.mark.parametrize(
    ("word", "iso"),
    [("Ethiopa", "ETH"), ("Quatar", "QAT"), ("Phillipines", "PHL"), ("Ghanians", "GHA")],
)
def test_a_slip_in_a_country_name_is_still_the_country(word: str, iso: str) -> None:
    assert load_lexicon().misspelt_country(word) == iso


@pytest.mark.parametrize("word", ["Bolivar", "Union", "Mali", "Georgetown", "Indianapolis"])
def test_names_and_short_words_are_not_misspelt_countries(word: str) -> None:
    assert load_lexicon().misspelt_country(word) is None


def test_regions_name_their_country() -> None:
    lex = load_lexicon()
    assert lex.place_country("Darfur") == "SDN"
    assert lex.place_country("Balochistan") == "PAK"
    assert lex.place_country("Qatar") == "QAT"


@pytest.mark.model
@pytest.mark.parametrize(
    ("sentence", "actor", "iso"),
    [
        # a place inside the actor's own words
        (
            "Armed rebels in Darfur attacked a supply convoy on Monday.",
            "Armed rebels in Darfur",
            "SDN",
        ),
        # an ethnic group is coded where it lives, not by its origin
        (
            "Ethnic Serbs in northern Kosovo blocked the roads to protest the new licence plates.",
            "Ethnic Serbs in northern Kosovo",
            "XKX",
        ),
        # the country the rest of the sentence names
        (
            "Hardline clerics staged a sit-in outside the parliament in Islamabad after "
            "Pakistani lawmakers passed the bill.",
            "Hardline clerics",
            "PAK",
        ),
    ],
)
def test_an_actor_without_a_nationality_is_coded_where_it_acts(
    sentence: str, actor: str, iso: str
) -> None:
    assert code_actor(sentence, actor).country == iso


@pytest.mark.model
@pytest.mark.parametrize(
    ("sentence", "actor", "named"),
    [
        # international bodies act across borders
        (
            "A human rights group said police in Lagos beat detainees.",
            "A human rights group",
            {"NGA"},
        ),
        ("U.N. peacekeepers arrived in Juba on Friday.", "U.N. peacekeepers", {"SSD"}),
        # two parties from two places
        (
            "The two foreign ministers met in Ankara, Turkish officials said.",
            "The two foreign ministers",
            {"TUR"},
        ),
        # no place leads: Hungary and Austria are named once each
        (
            "Farmers blocked the border crossing between Hungary and Austria.",
            "Farmers",
            {"HUN", "AUT"},
        ),
    ],
)
def test_no_country_is_guessed_for_transnational_or_mixed_actors(
    sentence: str, actor: str, named: set[str]
) -> None:
    # The U.N. keeps its organisation code (UNO); what matters is no country from the sentence.
    assert code_actor(sentence, actor).country not in named


@pytest.mark.model
def test_entities_of_a_span_from_iob_tags_equal_span_ents() -> None:
    import random

    from newsgraph.extract.actors import span_ents
    from newsgraph.nlp import load_nlp

    doc = load_nlp()(
        "Chinese Defense Minister Li Shangfu met Belarusian President Alexander Lukashenko in "
        "Minsk on Thursday, the state news agency BelTA reported. The United Nations Security "
        "Council and the European Union said New York talks would resume in March."
    )
    rng = random.Random(7)
    for _ in range(500):
        a = rng.randrange(len(doc))
        b = rng.randrange(a, min(len(doc), a + 12)) + 1
        span = doc[a:b]
        want = [(e.start, e.end, e.label_) for e in span.ents]
        assert [(e.start, e.end, e.label_) for e in span_ents(span)] == want
