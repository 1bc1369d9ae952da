"""Event triggers and their participants, from the dependency parse.

A trigger is a verb of the PLOVER lexicon (plover.py: "met", "condemned", "deployed", phrasal
"sat down with") or an event noun that a light verb or a possessor brings in ("held talks",
"imposed sanctions", "Russia's invasion"). Participants: subject or passive agent as actor
(a controlling verb's subject for "agreed to cooperate", the object of "urged X to"), object,
dative and "with/against/on/to" objects as recipients, conjuncts as compound actors. An
object that is not itself an actor stands for those its phrase names ("rejected calls by X"),
"tens of thousands of students" for the students, "Hungary said it will" for Hungary.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from newsgraph.extract.eventreadings import COMPEL, ON_VERBS, context_reading, fights_an_ill
from newsgraph.extract.lexicon import words
from newsgraph.extract.participants import (
    SUBJ,
    addressees,
    agents_in,
    held_by,
    in_dateline,
    is_agent,
    lexicon_reading,
    participant,
    passive_agents,
    prep_objects,
    unique,
    with_conjuncts,
)
from newsgraph.extract.plover import LIGHT_VERBS, Trigger

if TYPE_CHECKING:
    from spacy.tokens import Span, Token


_RECIPIENT_PREPS = words("with against on to toward towards at into upon between")
FUTURE_AUX = frozenset(("will", "shall", "'ll", "’ll", "wo"))
MODAL_AUX = words("could may might would should can must")
# Types whose complement is another event they are about: "agreed to cooperate" is AGREE,
# "refused to meet" REJECT, "urged X to withdraw" REQUEST, "threatened to strike" THREATEN.
GOVERNING = frozenset(("AGREE", "REJECT", "REQUEST", "THREATEN", "SUPPORT"))
# Verbal events addressed to someone named inside their complement.
_ADDRESSING = frozenset(
    ("REQUEST", "ACCUSE", "REJECT", "THREATEN", "AGREE", "SUPPORT", "CONCEDE", "COERCE")
)


# Who rejects or condemns a document does not say what it says.
_OPPOSING = frozenset(("REJECT", "ACCUSE", "SANCTION", "COERCE"))


def _opposes(verb: Token) -> bool:
    return (r := lexicon_reading(verb)) is not None and r.type in _OPPOSING


def reading_of(tok: Token) -> Trigger | None:
    """What a word says as an event trigger: its reading in context, else the lexicon's."""
    return context_reading(tok, is_agent) or lexicon_reading(tok)


@dataclass(slots=True)
class Candidate:
    trigger: Token
    verb: Token
    """The verb that governs the participants: the trigger itself or its light verb."""
    reading: Trigger | None
    actors: list[Token] = field(default_factory=list)
    recipients: list[Token] = field(default_factory=list)
    governor: Token | None = None
    """A governing event verb ("agreed" for "cooperate")."""


def _subjects(verb: Token) -> list[Token]:
    seen: set[int] = set()
    v: Token | None = verb
    via = ""
    for _ in range(4):
        if v is None:
            break
        subj = [c for c in v.children if c.dep_ in SUBJ]
        # "shortened by one hour": a "by" phrase that names no one is no agent
        agent = [a for a in passive_agents(v) if is_agent(participant(a))] if not subj else []
        if via in ("xcomp", "pcomp") and not subj and not agent:
            # "he is expected to visit": a raising verb's passive subject does the visiting
            subj = [c for c in v.children if c.dep_ == "nsubjpass" and c.tag_ not in ("WP", "WDT")]
        found = agent or subj
        if (
            not found
            and v is verb
            and v.dep_ in ("advcl", "relcl")
            and any(c.dep_ == "nsubjpass" for c in v.children)
        ):
            break  # "until the prisoners are released", "a candidate who was jailed": by whom?
        if found:
            out = []
            for s in found:
                # "a Saudi-led strike killed 40": the event noun's own actors did it
                for t in with_conjuncts(s):
                    if t.i not in seen:
                        seen.add(t.i)
                        out.append(t)
            return out
        if v.dep_ == "pcomp" and v.head.dep_ == "prep" and v.head.head.pos_ in ("ADJ", "VERB"):
            # "are guilty of violating": through "guilty" to "are"; "resorted to throwing
            # stones": the thrower is whoever resorted; "were accused of killing": the accused
            via, v = "pcomp", v.head.head
            continue
        if v.dep_ in ("xcomp", "conj", "advcl", "acomp") and v.head.i != v.i:
            # "France is ready to contribute": through "ready" to the subject of "is"
            # "agreed to cooperate": the controller's subject; "urged X to withdraw": its object
            objs = [c for c in v.head.children if c.dep_ in ("dobj",)] if v.dep_ == "xcomp" else []
            if objs and v.head.lemma_ in (
                "urge",
                "ask",
                "call",
                "press",
                "invite",
                "force",
                "order",
            ):
                return with_conjuncts(objs[0])
            via, v = v.dep_, v.head
        elif v.dep_ == "relcl" or (v.dep_ == "acl" and v.tag_ in ("VBG", "VB")):
            head = v.head
            owner = [c for c in head.children if c.dep_ == "poss" and c.pos_ != "PRON"]
            if v.dep_ == "acl" and owner and not is_agent(head):
                return with_conjuncts(owner[0])  # "praised Turkey's decision to close": Turkey's
            if (v.dep_ == "acl" or v.tag_ == "VB") and not is_agent(head):
                # "issued a declaration demanding …", "converged for a rally to protest …":
                # the document or gathering speaks for whoever issued or joined it
                holder = head.head.head if head.dep_ == "pobj" else head.head
                if head.dep_ in ("dobj", "pobj") and holder.pos_ in ("VERB", "AUX"):
                    if v.tag_ == "VBG" and _opposes(holder):
                        # "vetoed a resolution censuring X": not the vetoer's censure; but
                        # "rejected an invitation to meet X" is the meeting they refused
                        break
                    v = holder
                    continue
            if v.dep_ == "acl" and v.tag_ == "VB":
                break  # "an attempt to assassinate X": no one named attempts
            return with_conjuncts(head)
        elif (
            v.dep_ == "acl"
            and v.tag_ in ("VBD", "VBZ", "VBP", "VBN")
            and v.sent.root.pos_ in ("NOUN", "PROPN")  # the sentence has no verb of its own
        ):
            # a finite verb is no modifier: the parser took "Doctors from X donated …" for a
            # noun phrase, and its head noun is the subject
            return with_conjuncts(v.sent.root)
        else:
            break
    return []


_CLAUSES = frozenset(("conj", "ccomp", "advcl", "relcl", "parataxis", "csubj"))


def clause_words(verb: Token) -> Iterator[Token]:
    """The words of a verb's own clause after it: not those of clauses joined to it ("and
    has taken the position that …")."""
    stack = [c for c in reversed(list(verb.rights)) if not _joined_clause(c)]
    while stack:
        t = stack.pop()
        yield t
        stack += [c for c in reversed(list(t.children)) if not _joined_clause(c)]


def _joined_clause(tok: Token) -> bool:
    # A conjoined noun stays in the clause: "launched artillery and rocket fire against X".
    return tok.dep_ in _CLAUSES and not (tok.dep_ == "conj" and tok.pos_ in ("NOUN", "PROPN"))


def against(verb: Token, cues: frozenset[str] = frozenset()) -> list[Token]:
    """Whom a clause is against when no object says it: "against X" ("mobilized reservists for
    a war against Iraq"), or the objects of a cue word ("a hunger strike in protest of the
    government's refusal", "marched to demand reforms by the government")."""
    # a purpose clause says what the action is for: "staged rallies to demand reforms by X"
    purposes = [c for c in verb.children if c.dep_ in ("advcl", "xcomp") and c.lemma_ in cues]
    for t in (*clause_words(verb), *purposes):
        if t.dep_ == "pobj" and t.head.lower_ == "against":
            found = agents_in(t)
        elif t.lemma_.lower() in cues:
            # "to demand reforms by the government": an active verb's "by" names who is to act
            found = [a for o in _objects(t, by=True) for a in agents_in(o)]
        else:
            continue
        if found:
            return found
    return []


PROTEST_CUES = words("protest demand call oppose opposition")


def _objects(tok: Token, by: bool = False) -> Iterator[Token]:
    """Direct objects and prepositional objects, "by" left out unless asked for."""
    for c in tok.children:
        if c.dep_ == "dobj":
            yield c
        elif c.dep_ == "prep" and (by or c.lower_ != "by"):
            yield from (p for p in c.children if p.dep_ == "pobj")


def _recipients(verb: Token, trigger: Token, reading: Trigger | None = None) -> list[Token]:
    out: list[Token] = []
    themes: list[Token] = []
    sources = [verb] if trigger.i == verb.i else [verb, trigger]
    for src in sources:
        for c in src.children:
            if c.dep_ in ("dobj", "oprd") and c.i != trigger.i:
                if trigger in c.subtree:
                    continue  # "declared a state of emergency": the frame, not a party
                for t in with_conjuncts(c):
                    themes += agents_in(t)
                if src.i == trigger.i and lexicon_reading(c) is not None:
                    # "pledged support for X's efforts": the event noun's own recipients
                    out += [
                        t
                        for p in prep_objects(c, "for", "to", "with", "against", "on")
                        for t in agents_in(p)
                    ]
                # "lifted restrictions imposed on X": the measure's target
                out += [
                    t
                    for a in c.children
                    if a.dep_ == "acl" and a.tag_ == "VBN"
                    for p in prep_objects(a, "on", "against")
                    for t in agents_in(p)
                ]
            elif (c.dep_ in ("dative", "iobj") and c.i != trigger.i) or (
                c.dep_ == "nsubjpass" and src.i == verb.i
            ):
                # "sent troops to Belarus" parses "to" itself as the dative
                heads = [p for p in c.children if p.dep_ == "pobj"] if c.pos_ == "ADP" else [c]
                if c.tag_ in ("WP", "WDT") and src.dep_ == "relcl":
                    heads = [src.head]  # "a candidate who was jailed": the candidate
                for t in (t for h in heads for t in with_conjuncts(h)):
                    out += agents_in(t)
            elif (
                (c.dep_ == "prep" and c.lower_ in _RECIPIENT_PREPS)
                or (
                    # "confiscated weapons from armed groups": taken from them
                    c.dep_ == "prep"
                    and c.lower_ == "from"
                    and reading is not None
                    and reading.type == "COERCE"
                )
                or (
                    c.dep_ == "prep"
                    and (c.lower_ == "of" or (c.lower_ == "for" and src.lemma_ == "warrant"))
                    and src.i == trigger.i
                    and src.pos_ == "NOUN"
                )
            ):
                for p in c.children:
                    if p.dep_ == "pobj":
                        for t in with_conjuncts(p):
                            out += agents_in(t)
    # "offered its troops to Lebanon": with someone to give to, the object is what is given;
    # but "invited X to Minsk" asks X there.
    if verb.lemma_ == "invite":
        out = themes + [t for t in out if not (t.dep_ == "pobj" and t.head.lower_ == "to")]
    elif not any(
        t.dep_ in ("dative", "iobj") or (t.dep_ == "pobj" and t.head.lower_ == "to") for t in out
    ):
        out = themes + out
    if reading is not None and reading.type in _ADDRESSING and not out:
        # "demanded that the US cancel …", "warned that police will …", "its demand that
        # Israel ease …": whom it is about is the subject of the complement; "threatened to
        # deliver blows to the US": its objects.
        for c in [*verb.children, *(trigger.children if trigger.i != verb.i else ())]:
            if c.dep_ in ("ccomp", "acl"):
                out += [
                    t for s in c.children if s.dep_ in ("nsubj", "nsubjpass") for t in agents_in(s)
                ]
            elif c.dep_ == "xcomp" and lexicon_reading(c) is None:
                out += _recipients(c, c)
    if (
        verb.dep_ == "conj"
        and verb.tag_ == "VBN"
        and not any(c.dep_ in SUBJ for c in verb.children)
    ):
        # "were arrested and charged": the second verb's patient is the first's
        out += [t for c in verb.head.children if c.dep_ == "nsubjpass" for t in agents_in(c)]
    return unique(out)


SPEECH = words(
    "say tell state insist reiterate repeat conclude declare announce stress add argue warn write note"
)
_DEMAND = Trigger("REQUEST", None)


_CONDITIONS = words("until till unless before")


def condition_parties(verb: Token) -> list[Token]:
    """Who must act first for a refusal to end: "will not end the strike until the government
    pays", "… until their demands are met by the authorities"."""
    out: list[Token] = []
    for c in verb.children:
        if c.dep_ != "advcl" or not any(
            m.dep_ == "mark" and m.lower_ in _CONDITIONS for m in c.children
        ):
            continue
        subj = [s for s in c.children if s.dep_ in ("nsubj", "nsubjpass")]
        out += [t for s in passive_agents(c) or subj for t in agents_in(s)]
    return unique(out)


def demanded_clause(verb: Token) -> bool:
    """Whether a verb is what a speaker says someone must or should do ("X declared that
    China must drop barriers")."""
    return (
        verb.dep_ == "ccomp"
        and verb.head.lemma_.lower() in SPEECH
        and any(c.dep_ == "aux" and c.lower_ in ("must", "should") for c in verb.children)
    )


def _demand_reading(tok: Token) -> Trigger | None:
    """Whatever China must do, X demands it: an event even when the verb is no trigger."""
    if not demanded_clause(tok):
        return None
    return _DEMAND if any(c.dep_ in SUBJ and is_agent(c) for c in tok.children) else None


_ENGAGE = words("engage participate")
# Collective actions one acts in: their actors are the verb's subjects.
_ACTIONS_IN = words("strike protest demonstration rally march boycott sit-in")


def _light_verb_through(tok: Token) -> Token | None:
    """The verb an event noun belongs to across "of" or "in": "launched a series of attacks",
    "engaged in ethnic cleansing"."""
    prep = tok.head
    if tok.dep_ != "pobj" or prep.i == tok.i:
        return None
    if prep.lower_ == "of" and prep.head.dep_ == "dobj" and prep.head.head.lemma_ in LIGHT_VERBS:
        return prep.head.head
    if prep.lower_ == "in" and prep.head.lemma_.lower() in _ENGAGE:
        return prep.head
    if prep.lower_ == "in" and prep.head.pos_ == "VERB" and tok.lemma_.lower() in _ACTIONS_IN:
        return prep.head  # "stopped work in a strike", "took part in a protest"
    if prep.lower_ == "on" and prep.head.lemma_.lower() in ON_VERBS:
        return prep.head  # "went on strike", "remained on alert"
    return None


# Nouns that frame an event word before them: "a mediation effort", "a peace mission".
_FRAME_NOUNS = words("effort mission campaign drive bid initiative operation attempt warrant")


_MUTUAL_FIGHTS = words("clash fighting battle war skirmish confrontation hostility")


# Event nouns whose "from" phrase names who acted; verbs whose subject undergoes the event.
_FROM_SOURCE = words(
    "criticism condemnation pressure warning threat demand appeal support praise aid assistance"
)
_UNDERGO = words("face draw receive attract suffer endure")


def _noun_actors(tok: Token) -> list[Token]:
    """Who an event noun's own phrase says acted: a possessor ("Russia's invasion"), a
    nationality or name before it ("Palestinian riots"), or a "by" phrase."""
    poss = [c for c in tok.children if c.dep_ == "poss"] or [
        c
        for c in tok.children
        if c.dep_ in ("amod", "compound") and c.ent_type_ in ("NORP", "GPE", "ORG")
    ]
    agent = prep_objects(tok, "by")
    if poss and poss[0].tag_ == "PRP$" and tok.dep_ == "dobj":
        # "the ILO reiterated its demand": "its" is the subject of the verb that holds it
        subj = [c for c in tok.head.children if c.dep_ in SUBJ]
        return [t for c in subj for t in with_conjuncts(c) if t.pos_ != "PRON"]
    if not poss and not agent and (holder := held_by(tok)) is not None:
        poss = [holder]  # "a Saudi-led strike"
    if not poss and not agent and tok.lemma_.lower() in _FROM_SOURCE:
        agent = prep_objects(tok, "from")  # "criticism from the U.N.", "aid from Japan"
    if not poss and not agent and tok.dep_ == "dobj" and tok.head.lemma_ in _UNDERGO:
        agent = prep_objects(tok.head, "from")  # "received aid from Japan"
    if not poss and not agent and {tok.lemma_.lower(), tok.lower_} & _MUTUAL_FIGHTS:
        # "clashes between Kurdish fighters and Turkish troops": both sides fought
        agent = prep_objects(tok, "between")
    return [t for a in (poss or agent) for t in with_conjuncts(a)]


def candidates(sent: Span) -> list[Candidate]:
    """Event triggers of a sentence with their raw participants."""
    out: list[Candidate] = []
    for tok in sent:
        reading = reading_of(tok) or _demand_reading(tok)
        if reading is None or (reading.type == "ASSAULT" and fights_an_ill(tok)):
            continue
        if tok.dep_ == "xcomp" and (reading_of(tok.head) is COMPEL or tok.head.lemma_ == "invite"):
            # "ordered the paper to suspend", "invited X to visit": the order or invitation is it
            continue
        if tok.pos_ in ("NOUN", "PROPN"):
            head = tok.head
            if (
                tok.dep_ == "compound"
                and head.lemma_ in _FRAME_NOUNS
                and head.dep_ == "dobj"
                and head.head.lemma_ in LIGHT_VERBS
            ):
                # "launched a mediation effort": the event word modifies a frame noun
                cand = Candidate(tok, head.head, reading)
                cand.actors = _subjects(head.head)
            elif tok.dep_ == "dobj" and head.lemma_ in LIGHT_VERBS:
                cand = Candidate(tok, head, reading)
                cand.actors = _subjects(head)
            elif (verb := _light_verb_through(tok)) is not None:
                # "launched ten days of war games", "(were) engaged in ethnic cleansing"
                cand = Candidate(tok, verb, reading)
                # "were killed in an air strike by government forces": the strike's own "by"
                by = [t for a in prep_objects(tok, "by") for t in with_conjuncts(a)]
                passive = [c for c in verb.children if c.dep_ == "nsubjpass"]
                cand.actors = (
                    by or _subjects(verb) or [t for c in passive for t in with_conjuncts(c)]
                )
            elif tok.dep_ in ("nsubj", "nsubjpass") and head.lemma_ in (
                "take",
                "begin",
                "start",
                "end",
                "continue",
            ):
                cand = Candidate(tok, head, reading)
                cand.actors = _noun_actors(tok)  # "Palestinian riots are continuing"
            else:
                cand = Candidate(tok, tok, reading)
                cand.actors = _noun_actors(tok)
                if (
                    not cand.actors
                    and reading.type == "PROTEST"
                    and tok.dep_ == "pobj"
                    and head.lower_ in ("during", "at")
                    and head.head.pos_ == "VERB"
                ):
                    # "youths threw stones during demonstrations": they demonstrated
                    cand.actors = _subjects(head.head)
                if not cand.actors:
                    continue
            framed = tok.dep_ == "compound" and cand.verb.i == head.head.i
            cand.recipients = _recipients(cand.verb, head if framed else tok, reading)
            if tok.dep_ == "dobj" and head.lemma_ in _UNDERGO:
                # "Iran faces criticism from the U.N.": Iran is criticised
                cand.recipients += _subjects(head)
        else:
            cand = Candidate(tok, tok, reading)
            cand.actors = _subjects(tok)
            if not cand.actors and tok.dep_ in ("nsubj", "nsubjpass"):
                cand.actors = _noun_actors(tok)  # a gerund as a noun: "Fighting between X and Y"
            cand.recipients = _recipients(tok, tok, reading)
        # a dateline ("MOGADISHU, Somalia --") names where the story was filed, no one in it
        cand.actors = [t for t in unique(participant(t) for t in cand.actors) if not in_dateline(t)]
        cand.recipients = [
            t
            for t in unique(participant(t) for t in cand.recipients)
            if t not in cand.actors and not in_dateline(t)
        ]
        gov = tok.head if tok.dep_ in ("xcomp", "ccomp") and tok.head.i != tok.i else None
        if tok.dep_ == "acl" and tok.tag_ == "VB" and tok.head.dep_ == "dobj":
            gov = tok.head.head  # "rejected an invitation to meet X", "accepted an offer to …"
        if gov is not None and (r := lexicon_reading(gov)) is not None and r.type in GOVERNING:
            cand.governor = gov
        out.append(cand)
    # "refused to meet X", "agreed to cooperate with X": X is the governing event's recipient too
    by_trigger = {c.trigger.i: c for c in out}
    for c in out:
        said = addressees(c.verb)
        if said and (not c.recipients or c.verb.dep_ == "acl"):
            c.recipients = [t for t in said if t not in c.actors]
        if c.governor is not None and (g := by_trigger.get(c.governor.i)) and not g.recipients:
            g.recipients = list(c.recipients)
    return out


def governing(tok: Token) -> Token:
    """The outermost event word that takes `tok`'s event as its content: "agreed" for
    "agreed to withdraw", "refused" for "refused to lift"."""
    for _ in range(3):
        if tok.dep_ not in ("xcomp", "ccomp") or tok.head.i == tok.i:
            break
        reading = lexicon_reading(tok.head)
        if reading is None or reading.type not in GOVERNING:
            break
        tok = tok.head
    return tok
