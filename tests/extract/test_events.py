"""The events layer on an invented article: types, participants, flags, dates and places."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from pathlib import Path

import pytest

from newsgraph import Processor, article_from_text
from newsgraph.extract.plover import QUAD, code, gdelt_quadclass
from newsgraph.schema import Event, ResultDocument

pytestmark = pytest.mark.model

TEXT = """Ministers Meet in Tallinn as Border Dispute Simmers

Latvian Foreign Minister Lucia Marenco met with Estonian President Tomas Halvik in Tallinn on Tuesday to discuss the disputed border.

On Wednesday, Estonia imposed sanctions on Lithuania over the border incident.

Lithuanian troops attacked a Estonian border post in Narva on Monday, the ministry said.

Mr. Halvik has refused to meet Lithuanian President Anton Orlev.

Ms. Marenco will visit Lithuania next week, her office said.

The Estonian currency hit a record low on Thursday.

Estonia and Latvia signed a trade agreement in Tallinn.
"""


@pytest.fixture(scope="module")
def result(processor: Processor) -> ResultDocument:
    article = article_from_text(TEXT, uri="events", published=dt.date(2024, 9, 12))
    (out,) = list(processor.process([article]))
    return out


def _names(result: ResultDocument, ids: tuple[str, ...]) -> set[str]:
    names = {e.id: e.name for e in result.entities}
    return {names[i] for i in ids}


def _event(result: ResultDocument, trigger: str) -> Event:
    found = [e for e in result.events if e.trigger.text == trigger]
    assert found, f"no event triggered by {trigger!r}: {[e.trigger.text for e in result.events]}"
    return found[0]


def test_a_meeting_lists_every_party_as_an_actor_with_date_and_place(
    result: ResultDocument,
) -> None:
    met = _event(result, "met")
    assert met.type == "CONSULT" and met.cameo == "040" and met.quad == 1
    assert _names(result, met.actors) == {"Lucia Marenco", "Tomas Halvik"}
    assert met.recipients == ()
    assert met.date is not None and met.date.value == "2024-09-10" and not met.date.fallback
    assert met.location is not None and _names(result, (met.location,)) == {"Tallinn"}


def test_sanctions_are_directional(result: ResultDocument) -> None:
    sanction = _event(result, "sanctions")
    assert sanction.type == "SANCTION" and sanction.quad == 4
    assert _names(result, sanction.actors) == {"Estonia"}
    assert _names(result, sanction.recipients) == {"Lithuania"}
    assert sanction.date is not None and sanction.date.value == "2024-09-11"


def test_an_attack_has_attacker_target_date_and_place(result: ResultDocument) -> None:
    attack = _event(result, "attacked")
    assert attack.type == "ASSAULT" and attack.goldstein == -10.0
    assert attack.actor_spans[0].text == "Lithuanian troops"
    assert attack.actor_codes[0].startswith("LTU")  # no entity: coded from its own words
    assert attack.date is not None and attack.date.value == "2024-09-09"
    assert attack.location is not None and _names(result, (attack.location,)) == {"Narva"}


def test_a_refusal_is_a_rejection_and_the_meeting_did_not_happen(result: ResultDocument) -> None:
    refused = _event(result, "refused")
    assert refused.type == "REJECT"
    assert _names(result, refused.actors) == {"Tomas Halvik"}
    assert _names(result, refused.recipients) == {"Anton Orlev"}
    meet = _event(result, "meet")
    assert meet.negated


def test_an_announced_visit_is_future_cooperation(result: ResultDocument) -> None:
    visit = _event(result, "visit")
    assert visit.future
    assert visit.type == "AGREE"  # PLOVER codes announced cooperation as AGREE
    assert _names(result, visit.actors) == {"Lucia Marenco"}
    assert visit.date is not None and visit.date.value == "2024-W38"


def test_signing_an_agreement_is_support_with_both_parties(result: ResultDocument) -> None:
    signed = _event(result, "signed")
    assert signed.type == "SUPPORT" and signed.cameo == "057"
    assert _names(result, signed.actors) == {"Estonia", "Latvia"}


def test_no_event_without_a_political_actor(result: ResultDocument) -> None:
    assert not [e for e in result.events if e.trigger.text == "hit"]


def test_undated_events_fall_back_to_the_publication_date(result: ResultDocument) -> None:
    signed = _event(result, "signed")
    assert signed.date is not None and signed.date.fallback and signed.date.value == "2024-09-12"


def test_coding_tables() -> None:
    assert code("CONSULT", "visit") == ("042", 1, 1.9)
    assert code("ASSAULT", "no-such-mode").cameo == "190"
    assert gdelt_quadclass("057") == 1 and gdelt_quadclass("163") == 4
    assert len(QUAD) == 16


def test_seed_article_events(processor: Processor, seed_path: Path) -> None:
    """The seed's events with the participants, dates and places the text gives."""
    article = article_from_text(seed_path.read_text(encoding="utf-8"), uri="seed")
    (result,) = list(processor.process([article]))

    def find(event_type: str, actors: set[str], recipients: Collection[str] = ()) -> Event:
        for e in result.events:
            if (
                e.type == event_type
                and actors <= _names(result, e.actors)
                and set(recipients) <= _names(result, e.recipients)
            ):
                return e
        raise AssertionError(f"no {event_type} {actors} -> {recipients}")

    khrenin = find("CONSULT", {"Li Shangfu", "Viktor Khrenin"})
    assert khrenin.date is not None and khrenin.date.value == "2023-08-16"
    assert khrenin.location is not None and _names(result, (khrenin.location,)) == {"Minsk"}
    lukashenko = find("CONSULT", {"Li Shangfu", "Aleksandr Lukashenko"})
    assert lukashenko.date is not None and lukashenko.date.value == "2023-08-17"
    visit = find("CONSULT", {"Aleksandr Lukashenko"}, {"Beijing"})
    assert visit.mode == "visit" and visit.date is not None and visit.date.value == "2023-03"
    troops = find("MOBILIZE", {"Russia"}, {"Belarus"})
    assert troops.date is not None and troops.date.value == "2022-FA"
    find("REJECT", {"Beijing"})  # refused to join the sanctions
    austin = find("REJECT", {"Li Shangfu"}, {"Lloyd Austin"})
    assert not austin.negated
    assert any(e.negated and e.type == "CONSULT" for e in result.events)  # the meeting that wasn't
