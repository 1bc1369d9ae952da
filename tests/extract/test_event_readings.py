"""Readings a trigger takes from its context (extract/eventreadings.py), on invented sentences:
each case is the candidate the sentence must (or must not) yield."""

from __future__ import annotations

import pytest

from newsgraph.extract.eventparse import candidates
from newsgraph.nlp import load_nlp

pytestmark = pytest.mark.model


def _found(text: str) -> list[tuple[str, str, str | None, list[str], list[str]]]:
    doc = load_nlp()(text)
    return [
        (
            c.trigger.text,
            c.reading.type if c.reading else "",
            c.reading.mode if c.reading else None,
            [a.text for a in c.actors],
            [r.text for r in c.recipients],
        )
        for sent in doc.sents
        for c in candidates(sent)
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "A court in Velmora has ordered an investigation against the former mayor.",
            ("investigation", "ACCUSE", "investigate", ["court"], ["mayor"]),
        ),
        (
            "A Castavian court has ordered the arrest of the former president.",
            ("arrest", "COERCE", None, ["court"], ["president"]),
        ),
        (
            "Police issued an arrest warrant for the opposition leader on Monday.",
            ("arrest", "COERCE", None, ["Police"], ["leader"]),
        ),
        (
            "Ardenian troops remained on alert in the north after the clashes.",
            ("alert", "MOBILIZE", "alert", ["troops"], []),
        ),
        (
            # the frame "a state" is no recipient
            "The government declared a state of emergency in Velmora on Friday.",
            ("emergency", "COERCE", "restrict", ["government"], []),
        ),
        (
            "Workers at the Velmora mine went on strike for better pay.",
            ("strike", "PROTEST", "strike", ["Workers"], []),
        ),
        (
            # "on Monday" dates the strike; it does not make it an armed one
            "Dockers in Velmora stopped work in a strike for higher pay on Monday.",
            ("strike", "PROTEST", "strike", ["Dockers"], []),
        ),
        (
            "Thousands of Castavian farmers took to the streets of the capital.",
            ("took", "PROTEST", "demonstrate", ["farmers"], []),
        ),
        (
            "Ardenia will launch a ground operation against the rebels next week.",
            ("operation", "ASSAULT", None, ["Ardenia"], ["rebels"]),
        ),
        (
            "Ardenia handed over medical equipment to the Castavian health ministry.",
            ("handed", "AID", None, ["Ardenia"], ["ministry"]),
        ),
        (
            "Castavia accepted two thousand people from the refugee camps in Velmora.",
            ("accepted", "AID", "asylum", ["Castavia"], ["people"]),
        ),
        (
            "Ardenia accepted a formula for settling its fishing dispute with Castavia.",
            ("accepted", "AGREE", None, ["Ardenia"], []),
        ),
        (
            "The Castavian junta shortened the nightly curfew in the capital.",
            ("shortened", "CONCEDE", "ease", ["junta"], []),
        ),
        (
            "The Ardenian army lifted its blockade of the port.",
            ("lifted", "RETREAT", None, ["army"], []),
        ),
        (
            "The Castavian prime minister received a mission of observers from the UN.",
            ("received", "RETREAT", "allow", ["minister"], ["mission"]),
        ),
        (
            "Castavia opened its borders to displaced Velmorans.",
            ("opened", "AID", "asylum", ["Castavia"], ["Velmorans"]),
        ),
        (
            "Castavian police opened fire on protesters in the capital.",
            ("opened", "ASSAULT", "firearms", ["police"], ["protesters"]),
        ),
        (
            "Ardenia opened its borders to refugees from Castavia in 2015.",
            ("opened", "AID", "asylum", ["Ardenia"], ["refugees"]),
        ),
        (
            "The United Nations withdrew its peacekeepers from Velmora after the attacks.",
            ("withdrew", "SANCTION", "expel", ["Nations"], ["peacekeepers"]),
        ),
        (
            "The African Union deployed peacekeepers to Velmora in March.",
            ("deployed", "AID", "protection", ["Union"], ["Velmora"]),
        ),
        (
            "President Olsen pardoned the former prime minister on Tuesday.",
            ("pardoned", "RETREAT", "release", ["Olsen"], ["minister"]),
        ),
        (
            "Prime Minister Brand called President Olsen on Wednesday to congratulate her.",
            ("called", "CONSULT", "phone", ["Brand"], ["Olsen"]),
        ),
        (
            "The Ardenian president called the Castavian ambassador a liar.",
            ("called", "ACCUSE", "disapprove", ["president"], ["ambassador"]),
        ),
        (
            "A court in Velmora found the former minister guilty of taking bribes.",
            ("found", "ACCUSE", None, ["court"], ["minister"]),
        ),
        (
            "Castavia announced a cease-fire with the rebels on Thursday.",
            ("fire", "RETREAT", None, ["Castavia"], ["rebels"]),
        ),
        (
            "The Commission has launched legal action against the Ardenian government.",
            ("action", "ACCUSE", "lawsuit", ["Commission"], ["government"]),
        ),
        (
            "Castavia sent 300 troops to the UN peacekeeping force in Velmora.",
            ("sent", "AID", "protection", ["Castavia"], ["force"]),
        ),
        (
            "Ardenian and Castavian negotiators agreed a free trade agreement on Friday.",
            ("agreed", "SUPPORT", None, ["negotiators", "Castavian"], []),
        ),
        (
            "Ardenian and Castavian marines staged joint war games near Velmora.",
            ("games", "COOPERATE", "military", ["marines", "Castavian"], []),
        ),
        (
            "The Castavian prosecutor dropped the charges against the opposition leader.",
            ("dropped", "CONCEDE", "ease", ["prosecutor"], ["leader"]),
        ),
        (
            "Protesters in Velmora burned the Ardenian flag outside the embassy.",
            ("burned", "PROTEST", "demonstrate", ["Protesters"], ["flag"]),  # stands for Ardenia
        ),
        (
            "Ardenia announced the release of two Castavian fishermen on Monday.",
            ("release", "RETREAT", "release", ["Ardenia"], ["fishermen"]),
        ),
        (
            "The Castavian army intensified its bombardment of rebel areas in Velmora.",
            ("bombardment", "ASSAULT", None, ["army"], []),
        ),
        (
            "Castavia announced the deployment of 230 troops to Velmora on a peacekeeping mission.",
            ("deployment", "AID", "protection", ["Castavia"], ["troops", "Velmora", "mission"]),
        ),
        (
            "Castavia's air force carried out strikes on Friday against rebel targets in Velmora.",
            ("strikes", "ASSAULT", None, ["force"], []),
        ),
        (
            "The Ardenian prime minister launched a scathing attack on the Castavian opposition.",
            ("attack", "ACCUSE", "disapprove", ["minister"], ["opposition"]),
        ),
        (
            "Velmora dock workers called off the strike after an agreement with the government.",
            ("called", "CONCEDE", "ease", ["workers"], []),
        ),
        (
            "The Castavian army said it had ceased its military operations near the capital.",
            ("ceased", "RETREAT", None, ["army"], []),
        ),
        (
            "The rebels said they laid down their weapons in Velmora on Sunday.",
            ("laid", "RETREAT", None, ["rebels"], []),  # "they" is the rebels
        ),
        (
            "The Castavian government said Ardenian militants were responsible for the bombing.",
            ("said", "ACCUSE", None, ["government"], ["militants"]),
        ),
        (
            "Ardenian troops have begun leaving Castavia.",
            ("leaving", "RETREAT", None, ["troops"], ["Castavia"]),
        ),
        (
            "Velmora let free three activists after the protests.",
            ("let", "RETREAT", "release", ["Velmora"], ["activists"]),
        ),
        (
            "The Castavian army drew sharp criticism from rights groups.",
            ("criticism", "ACCUSE", None, ["groups"], ["army"]),
        ),
        (
            "The flood victims received aid from Ardenia.",
            ("aid", "AID", None, ["Ardenia"], ["victims"]),
        ),
        (
            "The Castavian government ordered the opposition newspaper to suspend publication.",
            ("ordered", "COERCE", None, ["government"], ["newspaper"]),
        ),
        # PLOVER's codebook: cyber attacks and hacking are coercion (COERCE/cyber)
        (
            "Ardenian hackers launched cyber attacks on Castavian banks.",
            ("attacks", "COERCE", "cyber", ["hackers"], ["banks"]),
        ),
        (
            "Castavia hacked the computers of Ardenian officials.",
            ("hacked", "COERCE", "cyber", ["Castavia"], ["officials"]),
        ),
    ],
)
def test_context_gives_the_reading(text: str, expected: tuple[object, ...]):
    assert expected in _found(text)


@pytest.mark.parametrize(
    ("text", "trigger", "reading"),
    [
        ("Ardenia withdrew its troops from Velmora.", "withdrew", "RETREAT"),
        ("The UN called on Castavia to withdraw its troops.", "called", "REQUEST"),
        ("Castavia called for sanctions against Ardenia.", "called", "REQUEST"),
        # offering is an intent (AGREE), not a concession made
        ("A Castavian envoy offered concessions to Ardenia.", "offered", "AGREE"),
        ("Castavian jets carried out an air strike on the rebel camp.", "strike", "ASSAULT"),
        ("Castavian workers launched a strike over pay.", "strike", "PROTEST"),
        ("Ardenia suspended its aid to Castavia.", "suspended", "SANCTION"),
        ("The Castavian rebels released three hostages.", "released", "RETREAT"),
        # the list is of people set free
        ("Police checked a list of the prisoners released by the rebels.", "released", "RETREAT"),
        ("Students demonstrated outside the Ardenian embassy.", "demonstrated", "PROTEST"),
        ("Castavian militias committed atrocities against villagers.", "committed", "ASSAULT"),
        ("Ardenia committed itself to the ceasefire.", "committed", "AGREE"),
        ("Ardenia contributed 500 troops to the mission.", "contributed", "AID"),
        ("Castavian soldiers fired at protesters in Velmora.", "fired", "ASSAULT"),
        ("Castavian troops captured the rebel commander.", "captured", "COERCE"),
        ("Ardenia and Castavia concluded a trade agreement.", "concluded", "SUPPORT"),
        ("The Ardenian president sat down with the Castavian envoy.", "sat", "CONSULT"),
        ("Castavian students held a rally against the government.", "rally", "PROTEST"),
        ("Castavia returned the prisoners to Ardenia.", "returned", "RETREAT"),
        ("Ardenia broke diplomatic ties with Castavia.", "broke", "SANCTION"),
        ("Police charged the Ardenian mayor with fraud.", "charged", "ACCUSE"),
        ("Ardenian farmers lifted their boycott of Castavian fertiliser.", "lifted", "CONCEDE"),
        ("Ardenia pulled its troops from Castavia.", "pulled", "RETREAT"),
        ("The Ardenian envoy asked Castavia to withdraw its troops.", "asked", "REQUEST"),
        ("Castavia asked the Ardenian government for help.", "asked", "REQUEST"),
        ("Ardenia discussed trade with Castavia.", "discussed", "CONSULT"),
        ("The Ardenian and Castavian ministers discussed trade.", "discussed", "CONSULT"),
        ("Ardenia gave weapons to the Castavian rebels.", "gave", "AID"),
        ("Castavian jets struck a rebel camp near Velmora.", "struck", "ASSAULT"),
        ("Castavian police dispersed the crowd in Velmora.", "dispersed", "COERCE"),
        ("The Castavian army declared martial law in Velmora.", "law", "COERCE"),
    ],
)
def test_other_contexts_keep_the_lexicon(text: str, trigger: str, reading: str):
    assert any(t == trigger and r == reading for t, r, *_ in _found(text))


@pytest.mark.parametrize(
    "text",
    [
        "The minister called the talks frank.",
        "Ardenia strengthened its ties with Castavia.",
        "Ardenia opened its borders to Castavian goods.",
        "The rebels laid down conditions for the talks.",
        # force against an ill is no attack on anyone
        "Castavian doctors are fighting the cholera epidemic in Velmora.",
        # receiving goods hosts no one
        "The hospital received new beds last week.",
        "The tourists have begun leaving the beach.",
        # what is released by publishing it is not set free
        "The Ardenian ministry released a statement on the talks.",
        "The statistics office no longer releases its monthly inflation rate.",
        "The envoy was upbeat, going by a summary of the session released by the ministry.",
        "The release of the Ardenian report was delayed until May.",
        # demonstrating something shows it; demonstrating is protest only without an object
        "Ardenia and Castavia have been demonstrating their friendship for years.",
        # bylines, findings, names, messages, idioms and elections are no political events
        "Agency reporter Jane Doe contributed from Velmora.",
        "Most murders in Velmora were committed by people the victims knew.",
        "Ardenian auditors concluded that the budget was sound.",
        "The minister read a poem called Borders at the dinner.",
        "Officials studied the files the Ardenian agency received in March.",
        "The Castavian mayor sent a short message to her volunteers.",
        "The Ardenian governor hit the road with her running mate.",
        "The Castavian governor captured the nomination in June.",
        "The Ardenian newspaper fired its editor after the scandal.",
        "The concert was cut short by a power failure in Velmora.",
        # one person sitting down meets no one; a campaign's rally is no protest
        "After the toast, the Ardenian host sat down.",
        "Thousands of supporters cheered at his rallies in Velmora.",
        "The Castavian envoy returns to Velmora on Friday.",
        "After the vote, the Castavian governor suspended her presidential bid.",
        "The Castavian mayor broke every promise she made about the bridge.",
        "The Ardenian academy charges each pupil $4,000 a year.",
        "The Ardenian minister said on Meet the Press that he expected a vote.",
        "An Ardenian studio released The Last Summer, a feature film about the war.",
        "A diamond ring was lifted by a pickpocket at the Velmora gala.",
        "The Ardenian singer pulled up to the hotel in a taxi.",
        # questions, speeches, talk about something and contests won are no political acts
        "A reporter asked the Ardenian senator whether he would vote for the budget.",
        "When asked about the Castavian vote, the Ardenian senator said no.",
        "The Ardenian senator kept talking about housing costs.",
        "Two early wins have given the Ardenian senator an advantage.",
        "In the Velmora caucuses, the Ardenian senator beat her rival by nine points.",
        "The Castavian senator earned a fortune giving speeches to bankers.",
        "An Ardenian drilling firm struck oil off the Velmora coast.",
        "By nightfall the Castavian crowd had dispersed.",
        "The Ardenian spokesman provided some details on the timetable.",
        "The Ardenian election law sets a five percent threshold.",
    ],
)
def test_no_event_without_the_context(text: str):
    assert _found(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # one candidate attacking another attacks in words
        (
            "The Ardenian senator Jane Doe attacked her rival John Roe at the debate.",
            ("attacked", "ACCUSE", "disapprove"),
        ),
        # with a weapon, or by armed men, it is an assault
        ("A gunman attacked Senator Jane Doe with a knife.", ("attacked", "ASSAULT", None)),
        ("Castavian rebels attacked the Ardenian convoy.", ("attacked", "ASSAULT", None)),
    ],
)
def test_attacking_a_rival_is_criticism(text: str, expected: tuple[object, ...]) -> None:
    assert expected in [(t, r, m) for t, r, m, *_ in _found(text)]


def test_a_candidate_capturing_a_state_wins_an_election():
    assert _found("Senator Jane Doe has captured Ohio and Iowa.") == []


def test_a_deal_struck_is_an_agreement_reached_not_a_blow():
    found = _found("Ardenia struck a deal with Castavia on gas prices.")
    assert [(t, r, m) for t, r, m, *_ in found] == [("struck", "SUPPORT", "sign")]


def test_a_month_is_not_a_march():
    assert [t for t, *_ in _found("The Ardenian president visited Castavia in March.")] == [
        "visited"
    ]


def test_calling_someone_a_name_accuses_only_when_it_is_one():
    assert ("called", "ACCUSE", "disapprove", ["Olsen"], ["Brand"]) in _found(
        "President Olsen called Prime Minister Brand a very stupid guy."
    )
    assert _found("Ms. Olsen called Mr. Brand a close friend of her country.") == []


def test_attacking_a_position_is_criticism():
    assert ("attacked", "ACCUSE", "disapprove", ["parties"], []) in _found(
        "Opposition parties in Velmora attacked the budget timetable on Monday."
    )
    assert ("attacked", "ASSAULT", None, ["troops"], ["village"]) in _found(
        "Castavian troops attacked the Ardenian village on Monday."
    )


def test_a_verb_the_parser_hung_on_a_noun_phrase_keeps_its_subject():
    """The parse spaCy gave a real sentence: no verb at the root, "donated" a modifier of
    "groups" inside the subject's own "from" phrase."""
    from spacy.tokens import Doc

    nlp = load_nlp()
    words = ["Doctors", "from", "aid", "groups", "donated", "goods", "to", "the", "school", "."]
    doc = Doc(
        nlp.vocab,
        words=words,
        heads=[0, 0, 3, 1, 3, 4, 4, 8, 6, 0],
        deps=["ROOT", "prep", "compound", "pobj", "acl", "dobj", "prep", "det", "pobj", "punct"],
        pos=["NOUN", "ADP", "NOUN", "NOUN", "VERB", "NOUN", "ADP", "DET", "NOUN", "PUNCT"],
        tags=["NNS", "IN", "NN", "NNS", "VBN", "NNS", "IN", "DT", "NN", "."],
        lemmas=["doctor", "from", "aid", "group", "donate", "good", "to", "the", "school", "."],
    )
    found = [(c.trigger.text, [a.text for a in c.actors]) for c in candidates(doc[:])]
    assert ("donated", ["Doctors"]) in found


def test_what_someone_is_made_to_stop_is_no_act_of_their_own():
    found = _found("The Castavian junta forced the Ardenian envoy to leave the country.")
    assert ("forced", "COERCE", None, ["junta"], ["envoy"]) in found
    assert not any(t == "leave" for t, *_ in found)


def test_an_event_nouns_own_phrase_names_its_recipient():
    found = _found("Ardenia pledged full support for Castavia's reforms.")
    assert ("pledged", "SUPPORT", None, ["Ardenia"], ["Castavia"]) in found


def test_a_decision_to_act_is_its_owners():
    found = _found("Ardenia praised Castavia's decision to close the border crossing.")
    closes = [a for t, _, _, a, _ in found if t == "close"]
    assert closes and all(a == ["Castavia"] for a in closes), found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # capturing ground is an assault, not an arrest; "part of" is still ground
        (
            "Castavian troops captured part of a rebel stronghold near Velmora.",
            ("captured", ["troops"]),
        ),
        # those who threw stones during a demonstration demonstrated
        (
            "Ardenian youths resorted to throwing stones during demonstrations in Velmora.",
            ("demonstrations", ["youths"]),
        ),
        # the accused is who is said to have done it
        ("The Castavian rebels were accused of killing villagers.", ("killing", ["rebels"])),
    ],
)
def test_participants_through_prepositions_and_shares(text: str, expected: tuple[object, ...]):
    assert expected in [(t, a) for t, _, _, a, _ in _found(text)]
