"""Who an event's actors and recipients are once its type is known, and where it happened.

The parse gives raw participants (eventparse.py); the type decides what they are: places
among the objects are where it happened ("in Montenegro"), a meeting lists every party as an
actor, a visit makes the host the recipient, a mediator acts on the sides it mediates between,
one's own forces sent to or withdrawn from a country make that country the recipient, force
with no object is against whom "against" names. `Mentions` links each participant to the
entity whose mention covers its head, or codes it from its own words.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from newsgraph.extract.actors import (
    ActorCode,
    code_span,
    context_country,
    first_conjunct,
    transnational,
)
from newsgraph.extract.coref import PERSON_HEADS
from newsgraph.extract.eventparse import PROTEST_CUES, Candidate, against
from newsgraph.extract.lexicon import words
from newsgraph.extract.mentions import MentionIndex
from newsgraph.extract.participants import (
    AGENT_HEADS,
    MODIFIER_DEPS,
    agents_in,
    held_by,
    np_range,
    prep_objects,
    role_bearer,
    unique,
)
from newsgraph.extract.plover import MILITARY_OBJECTS, QUAD, RECIPROCAL
from newsgraph.schema import Entity

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = [
    "PLACE_TYPES",
    "SECTOR_CODES",
    "Mentions",
    "assign_roles",
    "ids_of",
    "split_code",
    "with_head",
]

PLACE_TYPES = frozenset(("GPE", "LOC", "FAC"))
# Sectors that are their own "country" in CAMEO: no place makes them national.
_TRANSNATIONAL = frozenset(("IGO", "NGO", "IMG", "MNC"))

# Where forces go for each type: sent to or into a place, withdrawn from it.
_MOVED_TOWARDS = {
    "MOBILIZE": ("to", "into", "in"),
    "AID": ("to", "into", "in"),
    "RETREAT": ("from",),
    "SANCTION": ("from",),
    "AGREE": ("to", "into", "from"),
}


# What is sent or withdrawn: forces, and missions ("recalled its ambassador from X").
_MOVED = MILITARY_OBJECTS | words(
    "peacekeeper observer monitor inspector ambassador envoy diplomat"
)


class Mentions:
    """Entity lookup by character position."""

    def __init__(self, entities: Sequence[Entity]) -> None:
        self.index = MentionIndex(entities)
        self.by_id = {e.id: e for e in entities}
        self.codes: dict[tuple[int, bool], str] = {}
        """Participant codes by head token and `situated`: a subject takes part in several
        events."""

    def code(self, doc: Doc, tok: Token, *, situated: bool = True) -> str:
        """Country + primary sector of a participant: its entity's, else its own words'; with
        `situated`, one with no country of its own takes the one its sentence names most."""
        if (holder := _holder_outside(tok)) is not None:
            return self.code(doc, holder, situated=situated)  # "a camp for Congolese refugees"
        key = (tok.i, situated)
        if key not in self.codes:
            eid = self.entity_for(doc, tok)
            ent = self.by_id.get(eid) if eid else None
            if ent is not None and (ent.country or ent.sector):
                sector = ent.sector
                named = bool(sector) and any(m.start <= tok.idx < m.end for m in ent.mentions)
                if not named and (bearer := role_bearer(tok)) is not None:
                    # "Russian officials", "Hungarian and Romanian officials": the country is
                    # the adjective's, the sector the noun's; "students in Ankara" are not
                    # the capital's government
                    own = code_span(doc[slice(*np_range(bearer))])
                    sector = (own.sector if own is not None else None) or sector
                self.codes[key] = (ent.country or "") + (sector or "")
            else:
                start, end = np_range(tok)
                np = doc[start:end]
                # "the measures" has nothing to code, and code_span is not cheap
                coded = (
                    code_span(np)
                    if any(t.ent_type_ or t.lemma_.lower() in AGENT_HEADS for t in np)
                    else None
                )
                if (
                    situated
                    and coded is not None
                    and coded.country is None
                    and not transnational(np, coded)
                ):
                    # "Ethnic Albanians", "rebels in Darfur": coded where they act
                    coded = ActorCode(context_country(np), coded.sectors)
                self.codes[key] = ((coded.country or "") + (coded.sector or "")) if coded else ""
        return self.codes[key]

    def placed_codes(
        self, doc: Doc, toks: Sequence[Token], place: str | None, *, situated: bool = True
    ) -> list[str]:
        """`code` of each participant; with `situated`, one with no country of its own is
        placed where the event happened ("students at the university in Sivas" are
        Turkish), as the GSR codes domestic actors, else where its sentence points."""
        where = self.by_id[place].country if situated and place in self.by_id else None
        out = []
        for t in toks:
            c = self.code(doc, t, situated=situated)
            # "it", "its defense chief": someone else's, wherever the event took place
            owned = t.pos_ == "PRON" or any(k.dep_ == "poss" for k in t.children)
            if (
                where
                and not owned
                and (not c or (c[:3] in SECTOR_CODES and c[:3] not in _TRANSNATIONAL))
            ):
                c = where + c
            out.append(c)
        return out

    def entity_for(self, doc: Doc, tok: Token) -> str | None:
        """The entity a participant stands for: a mention covering its head; else the one its
        apposition or "in/of/from" phrase names ("his counterpart, Lloyd Austin", "the regime in
        Beijing"); else a modifier's ("Russian officials"). A possessor is someone else ("his
        counterpart" is not "he")."""
        if (holder := _holder_outside(tok)) is not None:
            return self.entity_for(doc, holder)
        start, end = np_range(tok)
        lo, hi = doc[start].idx, doc[end - 1].idx + len(doc[end - 1])
        owners = [
            (c.left_edge.idx, c.right_edge.idx + len(c.right_edge))
            for c in tok.children
            if c.dep_ == "poss"
        ]
        modifier: str | None = None
        # "Russian officials", "Israeli rockets": the group or weapon is the modifier's
        stands_for = tok.lemma_.lower() in AGENT_HEADS or held_by(tok) is not None
        for s, e, _, ent in self.index.at(lo, hi):
            if any(s < oe and os < e for os, oe in owners):
                continue
            if s <= tok.idx < e:
                return ent.id
            if stands_for:
                modifier = modifier or ent.id
        for c in tok.children:
            if c.dep_ == "appos" and (found := self.entity_for(doc, c)):
                return found
            # "the regime in Beijing" is Beijing's; "his counterpart in Minsk" is not Minsk.
            preps = ("of", "from") if tok.lemma_.lower() in PERSON_HEADS else ("in", "of", "from")
            if c.dep_ == "prep" and c.lower_ in preps:
                for p in c.children:
                    if p.dep_ == "pobj" and (found := self.entity_for(doc, p)):
                        return found
        return modifier


def assign_roles(
    doc: Doc, cand: Candidate, event_type: str, mode: str | None, mentions: Mentions
) -> tuple[list[Token], list[Token], str | None, str | None]:
    """(actors, recipients, place entity id, mode) of a typed candidate."""
    actors, recipients = list(cand.actors), list(cand.recipients)
    place: str | None = None
    # Places among the objects are where it happened, not whom it was done to; a visit's
    # place stands for its host.
    keep: list[Token] = []
    for r in recipients:
        eid = mentions.entity_for(doc, r)
        ent = mentions.by_id.get(eid) if eid else None
        is_place = ent is not None and ent.type in PLACE_TYPES
        prep = r.head.lower_ if r.dep_ == "pobj" else ""
        if is_place and prep in ("in", "at", "into") and place is None:
            place = eid
        elif is_place and mode == "visit" and place is None:
            place = eid
            keep.append(r)
        else:
            keep.append(r)
    recipients = keep
    if event_type == "CONSULT" and mode == "host":
        actors, recipients, mode = recipients, actors, "visit"
    visit = mode == "visit" or (cand.reading is not None and cand.reading.mode == "visit")
    if event_type == "AGREE":
        # "agreed with X" is mutual; "offered troops to X", "agreed to lift the embargo on
        # X", "offered to negotiate with X" are done for X, as the GSR codes them.
        mutual = [r for r in recipients if with_head(r) in (cand.verb, cand.trigger)]
        actors, recipients = actors + mutual, [r for r in recipients if r not in mutual]
    elif event_type in RECIPROCAL and not visit and mode != "mediate":
        # a mediator is the actor, the sides it mediates between the recipients
        actors, recipients = actors + recipients, []
    if event_type == "ACCUSE" and any(
        r.dep_ == "pobj" and r.head.lower_ == "to" for r in recipients
    ):
        # "complained to the UN about Israeli raids": the accused is what it is about,
        # whom it was said to is the venue.
        accused = [
            a for o in prep_objects(cand.verb, "about", "over", "against") for a in agents_in(o)
        ]
        recipients = accused or recipients
    if place is None:
        place = place_of(doc, cand, mentions)
    if (towards := _MOVED_TOWARDS.get(event_type)) is not None:
        # "sent troops and hardware to Belarus", "withdrew its troops from Syria": one's
        # own forces moved are not whom they are moved to or from ("expelled two Russian
        # diplomats", "freed a US diplomat" are done to them)
        moved = [(r, _moved_to(r, cand, towards)) for r in recipients]
        recipients = unique(t for r, to in moved for t in ([r] if to is None else to))
    if QUAD[event_type] >= 3 and not recipients:
        cues = PROTEST_CUES if event_type == "PROTEST" else frozenset()
        found = against(cand.verb, cues)
        if not found and cand.verb.dep_ == "advcl" and cand.verb.tag_ == "VBG":
            # "shelled the camps, killing 50": whom the clause it reports on was against
            found = against(cand.verb.head, cues)
        recipients = [t for t in found if t not in actors]
    actor_places = {mentions.entity_for(doc, t) for t in actors}
    if (
        not recipients
        and place is not None
        and place not in actor_places
        and event_type not in RECIPROCAL
    ):
        # "lifted the curfew in Montenegro": done to the place's people (as the GSR codes it).
        recipients = [
            t
            for t in cand.verb.subtree
            if t not in actors
            and t.pos_ in ("NOUN", "PROPN")
            and mentions.entity_for(doc, t) == place
            and _in_clause(t, cand.verb)
        ][:1]
    return actors, recipients, place, mode


def _in_clause(tok: Token, verb: Token) -> bool:
    """Whether `tok` is outside the sources and relative clauses below `verb` ("mobilized
    ships, according to a senator who spoke of the rulers in X": X is not where they went)."""
    while tok.i != verb.i and tok.head.i != tok.i:
        if tok.dep_ == "relcl" or tok.lower_ == "according":
            return False
        tok = tok.head
    return True


def place_of(doc: Doc, cand: Candidate, mentions: Mentions) -> str | None:
    """An "in/at/near X" place in the trigger's clause, else in its sentence, nearest first."""
    verb = cand.verb
    for scope in (list(verb.subtree), list(verb.sent)):
        found: list[tuple[int, str]] = []
        for p in scope:
            if (
                p.dep_ == "pobj"
                and p.head.lower_ in ("in", "at", "near")
                and (eid := mentions.entity_for(doc, p))
            ) and mentions.by_id[eid].type in PLACE_TYPES:
                found.append((abs(p.i - cand.trigger.i), eid))
        if found:
            return min(found)[1]
    return None


def _holder_outside(tok: Token) -> Token | None:
    """Who holds a post or weapon when its phrase names them after it ("a camp for refugees")."""
    holder = held_by(tok)
    return holder if holder is not None and holder.i >= np_range(tok)[1] else None


def _moved_to(tok: Token, cand: Candidate, towards: tuple[str, ...]) -> list[Token] | None:
    """Where one's own forces or envoys (`tok`) are sent or withdrawn ([] when the text does
    not say; "completed its withdrawal of troops from Iraq": the event noun's own "from"
    counts); None when `tok` is not such a thing."""
    if tok.lemma_.lower() not in _MOVED or any(
        t.ent_type_ or t.pos_ == "PROPN"
        for c in tok.children
        if c.dep_ in MODIFIER_DEPS
        for t in c.subtree
    ):
        return None
    return [
        p
        for t in unique(
            (*tok.subtree, *tok.head.children, *cand.verb.children, *cand.trigger.children)
        )
        if t.dep_ == "prep" and t.lower_ in towards
        for c in t.children
        if c.dep_ == "pobj"
        for p in agents_in(c)
    ]


def with_head(tok: Token) -> Token | None:
    """The word a participant's "with" hangs on, when it is (a conjunct of) the object of
    "with": "agreed" in "agreed with X", "negotiate" in "offered to negotiate with X"."""
    tok = first_conjunct(tok)
    return tok.head.head if tok.dep_ == "pobj" and tok.head.lower_ == "with" else None


def ids_of(doc: Doc, toks: Sequence[Token], mentions: Mentions) -> list[str]:
    out: list[str] = []
    for t in toks:
        eid = mentions.entity_for(doc, t)
        if eid and eid not in out:
            out.append(eid)
    return out


SECTOR_CODES = words(
    "GOV MIL LEG JUD MED BUS EDU CVL OPP REB INS COP SPY NGO IGO REF ELI LAB AGR CRM JRN ENV HLH MNC UAF RAD PTY IMG SET MOD HRI"
)


def split_code(code: str) -> tuple[str | None, tuple[str, ...]]:
    """("LTU", ("MIL",)) for "LTUMIL"; (None, ("GOV",)) for "GOV"."""
    parts = [code[i : i + 3] for i in range(0, len(code), 3)]
    if parts and parts[0] not in SECTOR_CODES:
        return parts[0], tuple(parts[1:])
    return None, tuple(parts)
