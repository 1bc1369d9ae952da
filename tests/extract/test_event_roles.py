"""Who did what to whom where the parse hides it: intent, demands, protests, offers, "against"."""

from __future__ import annotations

import datetime as dt

import pytest

from newsgraph import Processor, article_from_text
from newsgraph.schema import Event, ResultDocument

pytestmark = pytest.mark.model

TEXT = """Regional Tensions Rise Over Border Trade

Norway is ready to send 400 engineers to a reconstruction mission in Moldova, its defence minister said on Monday.

The Finnish foreign ministry declared on Tuesday that Sweden must drop its new tariffs on timber.

Hundreds of Polish farmers began a hunger strike in Warsaw in protest of the Czech government's refusal to reopen the border crossing.

Hungary mobilised army reservists for a possible war against Romania, officials said.

Portugal offered its frigates to the Greek navy for the summer patrols.

Austria and Slovenia agreed with Croatia on a new fishing quota.

The Irish envoy launched a mediation effort between Belgium and the Netherlands on Friday.

Danish and German warships launched five days of naval exercises in the Baltic Sea.

Latvian militias were engaged in ethnic cleansing against Estonian villagers, the report said.

Both the Serbian army and Kosovar rebels are guilty of violating the ceasefire agreement.

Austria has strengthened its forces on the border with Slovakia.

Lisbon forced the Spanish envoy out of the country on Sunday.

The talks will last until Friday, and the Danish prime minister is expected to visit Oslo.

The Estonian opposition party issued a statement demanding that the government release the detained journalists.

Chile shares a long border with Argentina, and its navy will share intelligence with Peru.

Moldovan units launched mortar and rocket fire against Transnistrian militia camps on Sunday, killing four.

Cyprus complained to the European Commission about Turkish naval patrols.

Albanian missiles struck a Macedonian army base near the border on Tuesday.

A Greek-led strike on the harbour killed twelve sailors.

The Bosnian militia used Croatian villagers as human shields.

The Slovak miners said they will not end the strike until the Slovak government raises wages.

The Maltese envoy ended his mediation efforts between Albania and Serbia on Saturday.

Clashes between Moldovan police and Romanian smugglers broke out near the river.

Hungary has begun withdrawing some of its soldiers from Serbia.

Latvia expelled two Lithuanian diplomats on Thursday.

Armed men attacked a police post near the Estonian border.

Slovenian police broke up the rally organised by Croatian fishermen.

Estonian customs officers confiscated rifles from Latvian smugglers.

A camp for Moldovan refugees was shelled by Transnistrian militiamen.

Thousands of Bulgarian students staged marches to demand reforms by the Bulgarian government.

A delegation of the Danish Farmers Union here on Thursday called on Swedish Prime Minister Lars Berg to discuss quotas.

The Estonian foreign minister attended a meeting of the Nordic Council in Oslo.

The premier of Finland's Aland province condemned the Swedish fishing ban.

Students marched outside the parliament in Tallinn.

Gunmen killed two villagers near Tartu.

The police dispersed the crowd.

Iceland offered to negotiate with the Faroese prime minister.

Latvia blamed its former defence chief at a meeting in Tallinn.

Hungary has strengthened its forces in Serbia following the discovery of Russian-made rockets in the area last week, military sources said today.

Hundreds of Slovak farmers blocked roads near the Austrian border.

Bosnian militias have sworn to fight until they control the valley.

The Moldovan rebels vowed to attack the capital.

The Danish and Dutch envoys exchanged views on relations between the two countries and the regional security situation.

The Latvian government freed a former opposition candidate who was jailed in 2019.

The Estonian president telephoned the Lithuanian prime minister on Monday to express his support.

The envoy visited Warsaw on Friday.

Police fired tear gas at students in Riga.

The minister met his Danish counterpart on Wednesday.

The Latvian rebels said they will not begin talks with the Latvian government until the prisoners are released.

Two Estonian men were arrested and charged with smuggling.

The Finnish president lifted travel restrictions imposed on the former Swedish premier.

Norwegian hackers have tried to hack into the servers of the Danish defence ministry.

The Latvian president on Friday shortened by two hours the curfew imposed on the capital.

The Estonian government has ordered patrols by border guards after the clashes.

Lithuania vetoed a Council resolution condemning its blockade of the port.

Latvia rejected an invitation to meet the Estonian premier in Narva.

Finnish troops captured part of a Russian stronghold near Vyborg.

TALLINN, Estonia -- A Finnish prosecutor has charged a former Estonian minister with bribery.
"""


@pytest.fixture(scope="module")
def result(processor: Processor) -> ResultDocument:
    article = article_from_text(TEXT, uri="roles", published=dt.date(2025, 6, 13))
    (out,) = list(processor.process([article]))
    return out


def _event(result: ResultDocument, trigger: str, event_type: str) -> Event:
    found = [e for e in result.events if e.trigger.text == trigger and e.type == event_type]
    got = [(e.trigger.text, e.type) for e in result.events]
    assert found, f"no {event_type} event triggered by {trigger!r}: {got}"
    return found[0]


def _spans(spans: tuple[object, ...]) -> set[str]:
    return {getattr(s, "text", "") for s in spans}


def test_readiness_is_an_intent_coded_as_agree_with_its_subject_as_actor(
    result: ResultDocument,
) -> None:
    send = _event(result, "send", "AGREE")
    assert "Norway" in _spans(send.actor_spans)
    assert send.hypothetical


def test_what_a_speaker_says_another_must_do_is_a_demand(result: ResultDocument) -> None:
    drop = _event(result, "drop", "REQUEST")
    assert any("ministry" in s for s in _spans(drop.actor_spans))
    assert "Sweden" in _spans(drop.recipient_spans)


def test_a_protest_is_against_whom_its_purpose_names(result: ResultDocument) -> None:
    strike = _event(result, "strike", "PROTEST")
    assert any("farmers" in s for s in _spans(strike.actor_spans))
    assert any("Czech government" in s for s in _spans(strike.recipient_spans))


def test_force_is_against_whom_against_names(result: ResultDocument) -> None:
    mobilised = _event(result, "mobilised", "MOBILIZE")
    assert "Hungary" in _spans(mobilised.actor_spans)
    assert "Romania" in _spans(mobilised.recipient_spans)
    assert mobilised.recipient_codes == ("ROU",)


def test_an_offer_is_made_to_its_recipient_not_with_them(result: ResultDocument) -> None:
    offered = _event(result, "offered", "AGREE")
    assert _spans(offered.actor_spans) == {"Portugal"}
    assert any("Greek navy" in s for s in _spans(offered.recipient_spans))


def test_agreeing_with_someone_makes_them_a_party(result: ResultDocument) -> None:
    agreed = _event(result, "agreed", "AGREE")
    assert {"Austria", "Slovenia", "Croatia"} <= _spans(agreed.actor_spans)
    assert agreed.recipients == ()


def test_an_offer_to_negotiate_with_someone_is_made_to_them(result: ResultDocument) -> None:
    offers = [e for e in result.events if e.trigger.text == "offered" and e.type == "AGREE"]
    to_faroes = [e for e in offers if "Iceland" in _spans(e.actor_spans)]
    assert to_faroes, [(e.actor_spans, e.recipient_spans) for e in offers]
    assert any("Faroese prime minister" in s for s in _spans(to_faroes[0].recipient_spans))
    # the intent to meet, coded from the negotiation itself
    negotiate = _event(result, "negotiate", "AGREE")
    assert _spans(negotiate.actor_spans) == {"Iceland"}
    assert any("Faroese" in s for s in _spans(negotiate.recipient_spans))


def test_an_event_noun_framed_by_a_light_verb(result: ResultDocument) -> None:
    mediation = _event(result, "mediation", "CONSULT")
    assert mediation.mode == "mediate"
    assert any("envoy" in s for s in _spans(mediation.actor_spans))


def test_event_nouns_reached_through_of_and_in(result: ResultDocument) -> None:
    exercises = _event(result, "exercises", "COOPERATE")
    assert any("warships" in s for s in _spans(exercises.actor_spans))
    cleansing = _event(result, "cleansing", "ASSAULT")
    assert any("militias" in s for s in _spans(cleansing.actor_spans))
    assert any("villagers" in s for s in _spans(cleansing.recipient_spans))


def test_coordinated_nationalities_are_one_actor_each_with_the_nouns_sector(
    result: ResultDocument,
) -> None:
    exercises = _event(result, "exercises", "COOPERATE")
    by_id = {e.id: e for e in result.entities}
    countries = {by_id[i].country for i in exercises.actors}
    assert countries == {"DNK", "DEU"}  # "Danish and German warships": two navies
    assert set(exercises.actor_codes) == {"DNKMIL", "DEUMIL"}
    cleansing = _event(result, "cleansing", "ASSAULT")
    # "Latvian militias": the country is the adjective's, the sector the noun's
    assert cleansing.actor_codes[0].startswith("LVA")
    assert cleansing.actor_codes[0] != "LVA"


def test_killing_reported_after_an_attack_is_against_the_attacks_target(
    result: ResultDocument,
) -> None:
    killing = _event(result, "killing", "ASSAULT")
    # the target hangs on a conjoined noun ("mortar and rocket fire against …")
    assert any("camps" in s for s in _spans(killing.recipient_spans))


def test_a_complaint_is_against_what_it_is_about_not_whom_it_is_made_to(
    result: ResultDocument,
) -> None:
    complained = _event(result, "complained", "ACCUSE")
    recipients = _spans(complained.recipient_spans)
    assert any("patrols" in s for s in recipients)
    assert not any("Commission" in s for s in recipients)


def test_weapons_and_posts_stand_for_whoever_fires_or_holds_them(
    result: ResultDocument,
) -> None:
    struck = _event(result, "struck", "ASSAULT")
    assert _spans(struck.actor_spans) == {"Albanian missiles"}
    assert struck.actor_codes[0].startswith("ALB")
    assert any("army base" in s for s in _spans(struck.recipient_spans))
    assert struck.recipient_codes[0] == "MKDMIL"


def test_a_led_attack_is_its_leaders_and_so_is_what_it_does(result: ResultDocument) -> None:
    strike = _event(result, "strike", "ASSAULT")
    assert strike.actor_codes == ("GRC",)
    killed = _event(result, "killed", "ASSAULT")
    assert any("Greek-led strike" in s for s in _spans(killed.actor_spans))
    assert killed.actor_codes[0].startswith("GRC")


def test_using_people_as_human_shields_is_an_assault_on_them(result: ResultDocument) -> None:
    used = _event(result, "used", "ASSAULT")
    assert used.mode == "abduct"
    assert any("villagers" in s for s in _spans(used.recipient_spans))


def test_refusing_to_yield_until_someone_acts_is_a_rejection_of_them(
    result: ResultDocument,
) -> None:
    end = _event(result, "end", "REJECT")
    assert any("miners" in s for s in _spans(end.actor_spans))
    assert any("government" in s for s in _spans(end.recipient_spans))
    assert not end.negated


def test_ending_mediation_halts_talks_with_both_sides(result: ResultDocument) -> None:
    ended = _event(result, "ended", "SANCTION")
    assert ended.mode == "halt"
    assert {"Albania", "Serbia"} <= _spans(ended.recipient_spans)
    # the mediation launched earlier in the text: the mediator acts, the sides receive
    mediation = _event(result, "mediation", "CONSULT")
    assert any("Irish envoy" in s for s in _spans(mediation.actor_spans))
    assert {"Belgium", "the Netherlands"} <= _spans(mediation.recipient_spans)


def test_only_parties_are_taken_from_a_between_phrase(result: ResultDocument) -> None:
    exchanged = _event(result, "exchanged", "COOPERATE")
    actors = _spans(exchanged.actor_spans)
    assert any("countries" in s for s in actors)
    assert not any("situation" in s for s in actors)


def test_a_clash_between_two_sides_has_both_as_actors(result: ResultDocument) -> None:
    clashes = _event(result, "Clashes", "ASSAULT")
    actors = _spans(clashes.actor_spans)
    assert any("police" in s for s in actors) and any("smugglers" in s for s in actors)


def test_own_forces_withdrawn_from_a_country_make_it_the_recipient(
    result: ResultDocument,
) -> None:
    withdrawing = _event(result, "withdrawing", "RETREAT")
    assert _spans(withdrawing.recipient_spans) == {"Serbia"}
    # someone else's envoys are whom an expulsion is done to
    expelled = _event(result, "expelled", "SANCTION")
    assert any("diplomats" in s for s in _spans(expelled.recipient_spans))


def test_armed_men_can_attack(result: ResultDocument) -> None:
    attacked = _event(result, "attacked", "ASSAULT")
    assert _spans(attacked.actor_spans) == {"Armed men"}
    assert any("police post" in s for s in _spans(attacked.recipient_spans))


def test_an_action_stands_for_whoever_its_by_phrase_names(result: ResultDocument) -> None:
    broke = _event(result, "broke", "COERCE")
    assert any("fishermen" in s for s in _spans(broke.recipient_spans))
    # a purpose clause's "demand … by X" names whom the protest is against
    marches = _event(result, "marches", "PROTEST")
    assert any("Bulgarian government" in s for s in _spans(marches.recipient_spans))


def test_what_is_seized_is_taken_from_someone(result: ResultDocument) -> None:
    confiscated = _event(result, "confiscated", "COERCE")
    assert any("smugglers" in s for s in _spans(confiscated.recipient_spans))


def test_a_camp_is_coded_as_the_people_it_is_for(result: ResultDocument) -> None:
    shelled = _event(result, "shelled", "ASSAULT")
    assert shelled.recipient_codes[0].startswith("MDA")


def test_a_sentence_misparsed_as_a_noun_phrase_keeps_its_subject(
    result: ResultDocument,
) -> None:
    # spaCy reads "A delegation … called on X" as a noun with a modifying verb
    called = _event(result, "called", "CONSULT")
    assert any("delegation" in s for s in _spans(called.actor_spans))


def test_attending_a_meeting_is_taking_part_in_it(result: ResultDocument) -> None:
    meeting = [e for e in result.events if e.trigger.text == "meeting"]
    assert meeting and meeting[-1].type == "CONSULT"
    assert any("Estonian foreign minister" in s for s in _spans(meeting[-1].actor_spans))


def test_a_role_keeps_the_named_of_phrase_that_says_whose(result: ResultDocument) -> None:
    condemned = _event(result, "condemned", "ACCUSE")
    assert "The premier of Finland's Aland province" in _spans(condemned.actor_spans)


def test_a_participant_with_no_country_is_placed_where_it_acted(
    result: ResultDocument,
) -> None:
    marched = _event(result, "marched", "PROTEST")
    assert marched.actor_codes == ("ESTEDU",)
    killed = [
        e for e in result.events if e.trigger.text == "killed" and "Gunmen" in _spans(e.actor_spans)
    ]
    assert killed and killed[0].recipient_codes == ("ESTCVL",)


def test_a_possessed_participant_is_not_placed_where_the_event_happened(
    result: ResultDocument,
) -> None:
    blamed = _event(result, "blamed", "ACCUSE")
    assert blamed.recipient_codes and not blamed.recipient_codes[0].startswith("EST")


def test_the_police_are_not_the_polish_town_of_police(result: ResultDocument) -> None:
    dispersed = _event(result, "dispersed", "COERCE")
    assert dispersed.actor_codes == ("COP",)


def test_breaking_a_ceasefire_is_an_attack_by_both_culprits(result: ResultDocument) -> None:
    violating = _event(result, "violating", "ASSAULT")
    actors = _spans(violating.actor_spans)
    assert any("army" in s for s in actors) and any("rebels" in s for s in actors)


def test_building_up_forces_is_mobilising(result: ResultDocument) -> None:
    strengthened = _event(result, "strengthened", "MOBILIZE")
    assert "Austria" in _spans(strengthened.actor_spans)


def test_a_reading_from_context_is_not_overruled_by_the_type_model(
    result: ResultDocument,
) -> None:
    # the model, from its bag of features, prefers COOPERATE for this sentence
    built_up = [e for e in result.events if e.trigger.text == "strengthened"]
    assert [e.type for e in built_up] == ["MOBILIZE", "MOBILIZE"]


def test_blocking_roads_is_a_protest_by_obstruction(result: ResultDocument) -> None:
    blocked = _event(result, "blocked", "PROTEST")
    assert (blocked.mode, blocked.cameo) == ("obstruct", "144")


def test_a_vow_to_fight_is_a_threat(result: ResultDocument) -> None:
    fight = _event(result, "fight", "THREATEN")
    assert fight.future and fight.mode == "military"
    # the vow itself is a threat, not an intent to cooperate (AGREE)
    assert _event(result, "vowed", "THREATEN").mode == "military"


def test_forcing_out_is_an_expulsion(result: ResultDocument) -> None:
    forced = _event(result, "forced", "SANCTION")
    assert forced.mode == "expel"
    assert any("envoy" in s for s in _spans(forced.recipient_spans))


def test_a_raising_verbs_passive_subject_is_the_actor(result: ResultDocument) -> None:
    visit = next(e for e in result.events if e.trigger.text == "visit")
    assert any("prime minister" in s for s in _spans(visit.actor_spans))
    assert not any("talks" in s for s in _spans(visit.actor_spans))
    assert visit.future


def test_a_statement_speaks_for_whoever_issued_it(result: ResultDocument) -> None:
    demanding = _event(result, "demanding", "REQUEST")
    assert any("opposition party" in s for s in _spans(demanding.actor_spans))
    assert not any("statement" in s for s in _spans(demanding.actor_spans))


def test_sharing_is_an_event_only_for_knowledge(result: ResultDocument) -> None:
    shares = [e for e in result.events if e.trigger.text in ("shares", "share")]
    # "shares a border" is no event; "will share intelligence" is announced cooperation
    assert [(e.trigger.text, e.type, e.future) for e in shares] == [("share", "AGREE", True)]


REFUSALS = """Ministers Trade Warnings Over Fishing Ban

France will not lift the ban on Irish trawlers, its fisheries minister said on Tuesday.

The Dutch government did not lift the ban on Belgian barges last year.

The Irish minister asked what concessions Denmark would not accept in the talks.
"""


def test_an_announced_refusal_is_a_rejection_not_a_negation(processor: Processor):
    article = article_from_text(REFUSALS, uri="refusals", published=dt.date(2025, 6, 13))
    (result,) = list(processor.process([article]))
    refusal = _event(result, "lift", "REJECT")
    assert not (refusal.negated or refusal.future)
    assert [s.text for s in refusal.actor_spans] == ["France"]
    # In the past tense it is an event that did not happen: negated, type kept.
    later = [e for e in result.events if e.trigger.start > refusal.trigger.end]
    past = [e for e in later if e.trigger.text == "lift"]
    assert past and all(e.negated and e.type != "REJECT" for e in past)
    # In a question about what would be refused, nothing has been refused yet.
    asked = [e for e in later if e.trigger.text == "accept"]
    assert asked and all(e.negated for e in asked)


def test_a_relative_clauses_passive_subject_suffered_it(result: ResultDocument) -> None:
    jailed = _event(result, "jailed", "COERCE")
    assert not jailed.actor_spans
    assert _spans(jailed.recipient_spans) == {"a former opposition candidate"}


def test_a_call_to_express_support_is_support_for_the_one_called(
    result: ResultDocument,
) -> None:
    express = _event(result, "express", "SUPPORT")
    assert _spans(express.recipient_spans) == {"the Lithuanian prime minister"}


def test_a_visitor_or_a_counterpart_is_not_given_the_hosts_country(
    result: ResultDocument,
) -> None:
    visited = _event(result, "visited", "CONSULT")
    assert not any(c.startswith("POL") for c in visited.actor_codes)
    met = _event(result, "met", "CONSULT")
    codes = dict(zip((s.text for s in met.actor_spans), met.actor_codes, strict=True))
    assert not codes.get("The minister", "").startswith("DNK"), met.actor_codes


def test_people_in_a_capital_keep_their_own_sector(result: ResultDocument) -> None:
    fired = _event(result, "fired", "ASSAULT")
    assert fired.recipient_codes == ("LVAEDU",)


def test_refusing_talks_with_someone_rejects_them(result: ResultDocument) -> None:
    talks = _event(result, "talks", "REJECT")
    assert _spans(talks.actor_spans) == {"The Latvian rebels"}
    assert _spans(talks.recipient_spans) == {"the Latvian government"}


def test_a_passive_condition_is_not_done_by_the_main_clauses_subject(
    result: ResultDocument,
) -> None:
    released = [e for e in result.events if e.trigger.text == "released"]
    assert all("The Latvian rebels" not in _spans(e.actor_spans) for e in released)


def test_a_second_passive_verb_shares_the_first_ones_patient(result: ResultDocument) -> None:
    charged = _event(result, "charged", "ACCUSE")
    assert _spans(charged.recipient_spans) == {"Two Estonian men"}
    assert not charged.actor_spans


def test_lifting_a_measure_imposed_on_someone_is_done_for_them(result: ResultDocument) -> None:
    lifted = [e for e in result.events if e.trigger.text == "lifted"]
    assert lifted and _spans(lifted[0].recipient_spans) == {"the former Swedish premier"}


def test_an_attempt_made_happened(result: ResultDocument) -> None:
    hack = _event(result, "hack", "COERCE")
    assert not hack.hypothetical and not hack.future


def test_an_active_verbs_by_phrase_is_no_agent(result: ResultDocument) -> None:
    shortened = _event(result, "shortened", "CONCEDE")
    assert _spans(shortened.actor_spans) == {"The Latvian president"}


def test_ordering_patrols_is_mobilising(result: ResultDocument) -> None:
    patrols = [e for e in result.events if e.trigger.text == "patrols" and e.type == "MOBILIZE"]
    assert any(_spans(e.actor_spans) == {"The Estonian government"} for e in patrols), patrols


def test_who_vetoes_a_resolution_does_not_say_what_it_says(result: ResultDocument) -> None:
    condemning = [e for e in result.events if e.trigger.text == "condemning"]
    assert all("Lithuania" not in _spans(e.actor_spans) for e in condemning)
    vetoed = _event(result, "vetoed", "REJECT")
    assert _spans(vetoed.actor_spans) == {"Lithuania"}
    # an invitation to act is refused by whoever would have acted
    rejected = _event(result, "rejected", "REJECT")
    assert _spans(rejected.actor_spans) == {"Latvia"}
    assert _spans(rejected.recipient_spans) == {"the Estonian premier"}
    assert all(e.negated for e in result.events if e.trigger.text == "meet")


def test_a_dateline_is_not_the_subject(result: ResultDocument) -> None:
    charged = [e for e in result.events if e.trigger.text == "charged" and e.type == "ACCUSE"]
    prosecutor = [e for e in charged if "A Finnish prosecutor" in _spans(e.actor_spans)]
    assert prosecutor, charged
    assert not any("TALLINN" in s or s == "Estonia" for s in _spans(prosecutor[0].actor_spans))


def test_capturing_ground_is_an_assault(result: ResultDocument) -> None:
    captured = [e for e in result.events if e.trigger.text == "captured"]
    assert captured and captured[0].type == "ASSAULT" and captured[0].mode == "occupy", captured
