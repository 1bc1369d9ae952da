"""The entity layer on invented articles: names, titles, roles, pronouns, codes and places."""

from __future__ import annotations

import pytest

from newsgraph import Processor, article_from_text
from newsgraph.extract.mentions import mention_span
from newsgraph.schema import Entity, ResultDocument

VISIT = """Norway’s Defence Minister Seeks Closer Ties in Vilnius

Norwegian Defence Minister Erik Sandvold met his Lithuanian counterpart in Vilnius on Tuesday.
Soldiers march past the parliament in Vilnius on March 3, 2024. Jonas Petrauskas/AFP via Getty Images

Defence Minister Erik Sandvold held talks with Lithuanian Defence Minister Laura Kasperaviciute after landing in Vilnius on Monday.

Gen. Sandvold told his Lithuanian counterpart that the two armies would train together next year, according to BNS, Lithuania’s national news agency.

“We stand together,” Mr. Sandvold said. He added that Oslo would send 200 soldiers to the Baltic state.

Ms. Kasperaviciute thanked her guest and said the Kremlin had been informed of the exercises. The Norwegian official’s visit will end on Thursday.

Andrius Kubilaitis, a senior analyst at Lithuania’s Institute of Policy Studies, said the visit was aimed at Moscow. Mr. Kubilaitis said the International Monetary Fund had praised Lithuania, and the IMF would send a mission in May.

Officials in Kaunas said preparations were under way.
"""


@pytest.fixture(scope="module")
def result(processor: Processor) -> ResultDocument:
    (out,) = list(processor.process([article_from_text(VISIT, uri="visit")]))
    return out


def _by_name(result: ResultDocument, name: str) -> Entity:
    matches = [e for e in result.entities if e.name == name]
    assert matches, f"no entity {name!r}; have {[e.name for e in result.entities]}"
    return matches[0]


def _mentions(result: ResultDocument, entity: Entity, kind: str) -> list[str]:
    return [m.text for m in entity.mentions if m.kind == kind]


@pytest.mark.model
def test_person_with_surname_honorific_rank_titles_and_codes(result):
    erik = _by_name(result, "Erik Sandvold")
    assert "Sandvold" in erik.aliases
    assert len(_mentions(result, erik, "name")) == 4
    assert "Norwegian Defence Minister" in erik.titles
    assert (erik.country, erik.sector) == ("NOR", "MIL")
    assert "GOV" in erik.sectors
    assert "He" in _mentions(result, erik, "pronoun")
    assert "The Norwegian official" in _mentions(result, erik, "nominal")


@pytest.mark.model
def test_counterpart_and_female_pronoun(result):
    laura = _by_name(result, "Laura Kasperaviciute")
    assert (laura.country, laura.sector) == ("LTU", "MIL")
    assert "his Lithuanian counterpart" in _mentions(result, laura, "nominal")
    assert "He" not in _mentions(result, laura, "pronoun")


@pytest.mark.model
def test_appositive_gives_title_and_affiliation(result):
    analyst = _by_name(result, "Andrius Kubilaitis")
    assert analyst.titles[0].startswith("senior analyst at Lithuania’s Institute of Policy Studies")
    assert analyst.country == "LTU"
    assert analyst.sector == "EDU"
    agency = _by_name(result, "BNS")
    assert agency.country == "LTU"
    assert agency.sector == "JRN"


@pytest.mark.model
def test_seats_of_power_capitals_and_places(result):
    kremlin = _by_name(result, "Kremlin")
    assert (kremlin.country, kremlin.sector) == ("RUS", "GOV")
    oslo = _by_name(result, "Oslo")
    assert (oslo.country, oslo.sector) == ("NOR", "GOV")  # "Oslo would send": the government
    vilnius = _by_name(result, "Vilnius")
    assert vilnius.place is not None
    assert (vilnius.place.feature, vilnius.place.country) == ("capital", "LTU")
    assert vilnius.place.latitude == pytest.approx(54.69, abs=0.1)
    kaunas = _by_name(result, "Kaunas")
    assert kaunas.place is not None and kaunas.place.country == "LTU"
    assert kaunas.sector is None  # a city that is not a capital speaks for nobody


@pytest.mark.model
def test_acronym_joins_organisation(result):
    imf = _by_name(result, "International Monetary Fund")
    assert "IMF" in imf.aliases


@pytest.mark.model
def test_photo_credit_people_are_not_entities(result):
    assert not any("Petrauskas" in e.name for e in result.entities)


@pytest.mark.model
def test_every_mention_points_into_the_text(result):
    for e in result.entities:
        for m in e.mentions:
            assert result.article.text[m.start : m.end] == m.text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the Kremlin", "Kremlin"),
        ("Beijing’s", "Beijing"),
        ("Reuters'", "Reuters"),
        ("The", None),
        ("UN", "UN"),
        ("Center\n\nKarsavan", "Center"),
        (" Oslo ", "Oslo"),
        ("\n\nOslo", "Oslo"),
        ("Li’s Meeting", "Li"),
    ],
)
def test_mention_span_trims(text, expected):
    span = mention_span(text, 0, len(text))
    assert (span.text if span else None) == expected


@pytest.mark.model
def test_seed_actors(processor: Processor, seed_path):
    (result,) = list(processor.process([article_from_text(seed_path.read_text(encoding="utf-8"))]))
    li = _by_name(result, "Li Shangfu")
    assert (li.country, li.sector) == ("CHN", "MIL")
    assert len(li.mentions) > 15  # surname, rank, role descriptions and pronouns
    assert (
        _by_name(result, "Viktor Khrenin").country,
        _by_name(result, "Viktor Khrenin").sector,
    ) == ("BLR", "MIL")
    assert _by_name(result, "Su Tzu-yun").country == "TWN"
    lukashenko = _by_name(result, "Aleksandr Lukashenko")
    assert "Alexander Lukashenko" in lukashenko.aliases
    minsk, kubinka = _by_name(result, "Minsk"), _by_name(result, "Kubinka")
    assert (
        minsk.place is not None
        and minsk.place.country == "BLR"
        and minsk.place.latitude is not None
    )
    assert kubinka.place is not None and kubinka.place.country == "RUS"
    assert _by_name(result, "Xinhua").country == "CHN"
    names = {e.name for e in result.entities}
    assert not any("Getty" in n or "Nemenov" in n for n in names)  # photo credits are not actors


@pytest.mark.model
@pytest.mark.parametrize(
    ("name", "wrong"),
    [("Sofia Markel", "BGR"), ("Jordan Hale", "JOR"), ("Paris Lindqvist", "FRA")],
)
def test_a_persons_own_name_does_not_place_them(processor: Processor, name: str, wrong: str):
    text = (
        f"Vardenian Prime Minister {name} met Ostravian officials in Dalmorra on Wednesday. "
        f"{name.split()[1]} said the talks on the river dispute had been useful."
    )
    (result,) = list(processor.process([article_from_text(text + "\n\n" + text, uri="n")]))
    person = next(e for e in result.entities if e.name == name)
    assert person.country != wrong
    assert "GOV" in person.sectors
