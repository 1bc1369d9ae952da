"""Who an event word's participants are: which words can name an actor, and the word that
names it ("tens of thousands of students" are the students, "Hungary said it will" is
Hungary, "Syrian government missiles" the government's), with conjuncts and coordinated
nationalities as one participant each. Shared by the trigger rules (eventparse.py) and the
extractor (events.py)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from newsgraph.extract import eventwords as ew
from newsgraph.extract.actors import first_conjunct
from newsgraph.extract.coref import PERSON_HEADS
from newsgraph.extract.lexicon import words
from newsgraph.extract.plover import NOUNS, PHRASAL, VERBS, Trigger

if TYPE_CHECKING:
    from spacy.tokens import Token

SUBJ = ("nsubj", "csubj")

ACTOR_TYPES = frozenset(("PERSON", "ORG", "GPE", "NORP"))
# Heads that stand for their modifier's state or group: "Brevanian troops", "Chinese
# officials"; not "the Karsavan currency".
AGENT_HEADS = PERSON_HEADS | words(
    "troop soldier force army military navy police government ministry regime authority "
    "administration delegation rebel militant insurgent protester demonstrator student worker "
    "people citizen company firm agency media guard parliament court lawmaker side team "
    "leadership cabinet coalition opposition party fighter group unit forum council bloc "
    "alliance union league commission committee organization organisation body board office "
    "bank fund prisoner inhabitant villager resident refugee farmer landowner supporter youth "
    "hacker guerrilla civilian member crowd mob movement faction network newspaper station "
    "broadcaster state country nation kingdom republic embassy mission observer inspector "
    "peacekeeper monitor negotiator separatist extremist terrorist gunman attacker bomber "
    "militia junta dissident opponent voter militiaman policeman serviceman trooper marine "
    "sailor pilot commando sniper tribesman warlord warship vessel frigate destroyer submarine "
    "warplane jet drone helicopter employee ally seeker migrant miner teacher doctor nurse man woman "
    "detainee hostage captive staff family candidate critic foreigner journalist reporter "
    "passenger tourist pilgrim veteran priest cleric monk missionary businessman investor "
    "suspect convict inmate victim survivor child crew crewman fisherman smuggler trafficker "
    "protestor politician colonel captain sheikh spy settler immigrant kidnapper pirate "
    "poacher gang cartel sect tribe clan clergy bishop imam rabbi scientist engineer "
    "contractor consultant delegate athlete player jihadist islamist striker loyalist combatant "
    "mercenary paramilitary raider assailant shooter looter rioter marcher campaigner unionist "
    "trader merchant shopkeeper driver medic volunteer donor population community minority"
)
# Adjectives as often as nouns: a person only as a noun ("British nationals").
_NOUN_AGENTS = words("national")
# "Tens of thousands of students", "a group of refugees": the people are in the "of" phrase.
_QUANTITY_HEADS = words(
    "ten tens hundred hundreds thousand thousands million millions dozen dozens number group "
    "some many most all several one two three four five part majority handful crowd team unit "
    "members member contingent wave batch"
)
_ANAPHORS = frozenset(("it", "they", "we"))
# Things that stand for whoever fires or holds them, when a modifier names who that is:
# "Syrian government missiles struck", "attacked an army base", "shelled rebel positions".
HELD = words(
    "missile rocket shell bomb mortar artillery tank base camp post outpost checkpoint "
    "position stronghold barracks headquarters convoy patrol compound building office "
    "residence palace ship plane aircraft vehicle"
)


def prep_objects(tok: Token, *preps: str) -> list[Token]:
    """Objects of a word's prepositions among `preps`: X in "tens of X", "a camp for X"."""
    return [
        p
        for c in tok.children
        if c.dep_ == "prep" and c.lower_ in preps
        for p in c.children
        if p.dep_ == "pobj"
    ]


def passive_agents(tok: Token) -> list[Token]:
    """The "by X" of a passive verb ("were met by the authorities")."""
    return [p for c in tok.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]


_DATELINE_DASHES = frozenset(("--", "—", "–", "-"))


def dateline_end(tok: Token) -> int | None:
    """The index of the dash that ends a wire dateline opening `tok`'s sentence ("THE HAGUE,
    Netherlands --", "Tehran, March 15, IRNA -"), if `tok` is a name in one."""
    if tok.pos_ != "PROPN" and not tok.ent_type_:
        return None  # a dateline is names; finding the sentence is not free
    sent = tok.sent
    for t in sent[:12]:
        if t.text in _DATELINE_DASHES and t.whitespace_ and t.doc[t.i - 1].whitespace_:
            return t.i if t.i > sent.start else None  # a spaced dash, not "Nak-yon"
        if not (t.pos_ in ("PROPN", "PUNCT", "NUM") or t.ent_type_ or t.lower_ == "the"):
            return None
    return None


def in_dateline(tok: Token) -> bool:
    return (end := dateline_end(tok)) is not None and tok.i < end


def participant(tok: Token) -> Token:
    """The word that names a participant: through "tens of thousands of X" to X, from a
    reporting clause's "it"/"they" to the subject that reports ("Hungary said it will"), and
    from a dateline the parser took for the subject to the subject after it ("ISTANBUL --
    President Erdogan gave …")."""
    if (end := dateline_end(tok)) is not None and tok.i < end:
        after = [t for t in tok.subtree if t.i > end and t.dep_ == "appos"]
        if after:
            return participant(after[0])
    for _ in range(3):
        if tok.lemma_.lower() not in _QUANTITY_HEADS and not tok.like_num:
            break
        pobj = prep_objects(tok, "of")
        if not pobj:
            break
        tok = pobj[0]
    if tok.lower_ in _ANAPHORS and tok.dep_ in SUBJ:
        clause = tok.head
        if clause.dep_ in ("ccomp", "xcomp", "advcl", "conj") and clause.head.i != clause.i:
            subj = [c for c in clause.head.children if c.dep_ in SUBJ and c.pos_ != "PRON"]
            if subj:
                return subj[0]
    return tok


def lexicon_reading(tok: Token) -> Trigger | None:
    if tok.ent_type_ in ew.TITLED and (tok.ent_type_ != "ORG" or not ew.is_headline(tok.sent)):
        return None  # "Meet the Press", "the Union State treaty": a name, not an act
    if tok.pos_ in ("VERB", "AUX") or tok.tag_.startswith("VB"):
        lemma = tok.lemma_.lower()
        if lemma == "call" and tok.dep_ == "acl" and tok.tag_ == "VBN":
            return None  # "a class called Ethics on his page" names it
        if lemma == "sit" and not ew.sits_with(tok):
            return None  # "then the lawyer sat down": no one met
        for c in tok.children:
            if c.dep_ in ("prt", "prep") and (phrasal := PHRASAL.get((lemma, c.lower_))):
                return phrasal
        return None if _no_event(tok, lemma) else VERBS.get(lemma)
    if tok.pos_ in ("NOUN", "PROPN") and tok.ent_type_ not in ("DATE", "TIME"):
        # "in March" is a month, not a march
        if tok.lemma_.lower() == "release" and _published_of(tok):
            return None  # "the release of the report"
        if tok.lemma_.lower() == "rally" and ew.campaign_rally(tok):
            return None  # "violence at his rallies": a candidate's rally, not a protest
        if tok.lemma_.lower() == "law" and not any(
            c.lemma_.lower() in ("martial", "emergency") for c in tok.children
        ):
            return None  # "martial law" coerces; "the election law" is no act
        return NOUNS.get(tok.lower_) or NOUNS.get(tok.lemma_.lower())
    return None


def _no_event(verb: Token, lemma: str) -> bool:
    """Uses of a lexicon verb that are no political event."""
    kids = list(verb.children)
    objects = [c for c in kids if c.dep_ == "dobj"]
    # what the verb acts on, as object or as passive subject ("murders committed by")
    patients = objects + [c for c in kids if c.dep_ == "nsubjpass"]
    if lemma == "call":
        # "called the talks frank" names; "called on X to" asks
        return not any(
            c.dep_ in ("xcomp", "ccomp")
            or (c.dep_ in ("prt", "prep") and c.lower_ in ("on", "for"))
            for c in kids
        )
    if lemma == "receive":
        # "received aid", "the documents the agency received" host no one; "received the
        # envoy" does
        if not objects and verb.dep_ == "relcl":
            objects = [verb.head]
        return any(not is_agent(o) for o in objects)
    if lemma == "release":
        return _publishes(
            ew.released_things(verb)
        )  # "released a statement", "a readout released by"
    if lemma == "demonstrate":
        # "demonstrated its resolve", "demonstrated that": showing, not protest
        return any(c.dep_ in ("dobj", "ccomp") for c in kids)
    if lemma == "contribute":
        # "Reporter Jane Doe contributed from Rome", "contributed to this report": a byline
        given_to = prep_objects(verb, "to")
        return (not objects and not given_to) or _publishes(given_to)
    if lemma == "commit":
        # "murders committed by", "committed fraud": an offence, not a commitment
        done = list(patients)
        if verb.dep_ == "acl" and verb.tag_ == "VBN":
            done.append(verb.head)
        return any(o.lemma_.lower() in ew.OFFENCES for o in done)
    if lemma in ("send", "deliver"):
        # "sent a text message to supporters", "an email sent out by the campaign"
        sent = objects + ([verb.head] if verb.dep_ == "acl" and verb.tag_ == "VBN" else [])
        return _publishes(sent) or any(o.lemma_.lower() in ew.MESSAGES for o in sent)
    if lemma == "hit":
        # "hit the campaign trail", "hit a record high": no blow struck
        return any(o.lemma_.lower() in ew.NOT_STRUCK for o in objects)
    if lemma in ("capture", "win"):
        # "capturing wins in three states", "captured the nomination", "Ted Cruz captured
        # Texas": an election won
        candidate = any(c.dep_ == "nsubj" and c.ent_type_ == "PERSON" for c in kids)
        return any(
            o.lemma_.lower() in ew.ELECTORAL or (candidate and o.ent_type_ == "GPE")
            for o in objects
        )
    if lemma == "fire":
        # "fired its host", "a director was fired over comments": dismissed; shots are fired
        # at someone, or rockets, or by soldiers who "fired"
        fired = patients
        return (
            bool(fired)
            and not any(o.lemma_.lower() in ew.SHOTS for o in fired)
            and not prep_objects(verb, "at", "on", "upon", "into", "toward", "towards")
        )
    if lemma == "return":
        # "when he returns to Washington": no one released; "returned 21 frogs to Brazil",
        # "the bookmark was returned by officials" (the parser also hangs what is returned as
        # an adverbial noun)
        returned = ("dobj", "nsubjpass", "dative", "npadvmod", "oprd")
        return not any(c.dep_ in returned and c.ent_type_ not in ("DATE", "TIME") for c in kids)
    if lemma in ("suspend", "end", "halt") and any(o.lemma_.lower() in ew.BIDS for o in objects):
        return True  # "suspended his campaign"
    if lemma == "break":
        # SANCTION breaks ties or talks off; "broke many promises", "breaking the mold" not
        return not any(o.lemma_.lower() in ew.LINKS for o in objects)
    if lemma == "cut":
        # "the support cuts against his line", "their chants were cut short"
        return not objects or any(c.lower_ == "short" for c in kids)
    if lemma == "disperse":
        return not objects  # "the marchers had dispersed": no one dispersed them
    if lemma == "strike":
        return any(o.lemma_.lower() in ew.NOT_STRUCK for o in objects)  # "struck oil"
    if lemma == "lift":
        # "lifted the ban"; "a necklace was lifted by a thief", "lifted the trophy" not
        lifted = patients
        return bool(lifted) and not any(
            t.lemma_.lower() in ew.LIFTABLE for o in lifted for t in o.subtree
        )
    if lemma == "pull":
        # "pulled its troops", "pulled out"; "pulled up to the hotel" not
        return not (
            any(c.dep_ == "prt" and c.lower_ in ("out", "back", "away") for c in kids)
            or any(o.lemma_.lower() in ew.WITHDRAWN for o in objects)
        )
    if lemma == "charge":
        # "charging students $30,000": a price, not an accusation
        return any(
            t.ent_type_ == "MONEY"
            for c in kids
            if c.dep_ in ("dobj", "npadvmod")
            for t in c.subtree
        )
    if lemma == "ask":
        # "asked him a question", "when asked if", "asked about": a question, not a request;
        # "asked X to leave", "asked that X leave", "asked for help", "asked Congress's
        # approval" are requests
        return not (
            any(c.dep_ == "xcomp" for c in kids)
            or any(  # "asked that the commission meet", not "asked if it would"
                c.dep_ == "ccomp"
                and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
                for c in kids
            )
            or prep_objects(verb, "for", "of")
            or any(not is_agent(o) and o.lemma_.lower() not in ew.QUESTIONS for o in objects)
        )
    if lemma in ("give", "provide"):
        # "gave him a victory", "the speech she had given", "provided a few details", "no
        # reason was given": nothing handed over
        given = list(patients)
        given += [verb.head] if verb.dep_ in ("relcl", "acl") else []
        # documents handed to someone are shared ("provided the documents to the opposition")
        handed = prep_objects(verb, "to") or any(c.dep_ in ("dative", "iobj") for c in kids)
        unshared = ew.NOT_GIVEN if handed else ew.NOT_GIVEN | ew.PUBLISHED
        if lemma == "provide":
            unshared = unshared - ew.PERFORMED  # "the budget speech was provided to members"
        return any(o.lemma_.lower() in unshared for o in given) or (
            not objects and any(c.dep_ == "prt" and c.lower_ == "up" for c in kids)
        )
    if lemma in ("talk", "discuss"):
        # "talking about the drug crisis": speaking of, not meeting; "talked with X", "the
        # two ministers discussed", "called on X to discuss" meet
        purpose = verb.dep_ in ("advcl", "xcomp") and verb.head.lemma_ in ew.CONTACT
        return not (ew.sits_with(verb) or prep_objects(verb, "to") or purpose)
    if lemma == "beat":
        # "beat rival X in the caucuses", "beat out", "beat expectations": a contest won
        return (
            any(c.dep_ == "prt" and c.lower_ == "out" for c in kids)
            or any(o.lemma_.lower() in ew.ELECTORAL for o in prep_objects(verb, "in", "at"))
            or any(o.lemma_.lower() in ew.ODDS for o in objects)
        )
    if lemma in ("conclude", "establish"):
        return any(c.dep_ == "ccomp" for c in kids)  # "concluded that", "established that"
    return False


def _publishes(released: list[Token]) -> bool:
    """Whether what is released is published, not set free ("a list of the prisoners
    released by the rebels" frees the prisoners)."""
    named = [a for t in released for a in t.children if a.dep_ == "appos"]
    people = [t for t in released if t.ent_type_ not in _NOT_PARTICIPANTS and is_agent(t)]
    return not people and any(
        t.lemma_.lower() in ew.PUBLISHED or t.ent_type_ == "WORK_OF_ART" for t in released + named
    )  # "released The Last Summer, a feature film"


def _published_of(tok: Token) -> bool:
    return _publishes(prep_objects(tok, "of"))


_NOT_PARTICIPANTS = frozenset(
    ("DATE", "TIME", "CARDINAL", "PERCENT", "MONEY", "QUANTITY", "ORDINAL")
)


def with_conjuncts(tok: Token) -> list[Token]:
    """A participant and its conjuncts, each as the word that names it; no dates or numbers
    ("on Monday"), but "thousands of Kurds" is the Kurds."""
    out = []
    for t in (tok, *tok.conjuncts):
        t = participant(t)
        if (t.ent_type_ not in _NOT_PARTICIPANTS and t.pos_ != "PRON") or t.lower_ in PERSONAL:
            out.append(t)
            out.extend(_coordinated_origins(t))
    return out


_ORIGINS = frozenset(("NORP", "GPE"))
# How a country adjective or name hangs on the noun it qualifies ("Russian officials").
MODIFIER_DEPS = frozenset(("amod", "compound", "nmod"))


def _coordinated_origins(tok: Token) -> list[Token]:
    """The further countries of "Hungarian and Romanian officials", "French and Egyptian
    warships": each is a participant of its own (the head stands for the first)."""
    return [
        c
        for m in tok.children
        if m.dep_ in MODIFIER_DEPS and m.ent_type_ in _ORIGINS
        for c in m.conjuncts
        if c.ent_type_ in _ORIGINS
    ]


PERSONAL = frozenset(("he", "she", "they", "him", "her", "them", "it", "we", "i"))


def _np_end(tok: Token) -> int:
    """Token index after a noun phrase's head, keeping "of"-phrases that name it ("Ministry of
    Defense") and names written after it."""
    end = tok.i + 1
    for child in tok.rights:
        if child.dep_ in ("compound", "flat", "nummod", "appos") and child.i == end:
            end = child.right_edge.i + 1 if child.dep_ != "appos" else end
        elif child.dep_ == "prep" and child.lower_ == "of" and child.i == end:
            pobj = [c for c in child.children if c.dep_ == "pobj"]
            if pobj and (pobj[0].pos_ == "PROPN" or pobj[0].ent_type_):
                end = pobj[0].i + 1
            elif pobj and tok.lemma_.lower() in PERSON_HEADS and _named(pobj[0]):
                end = _np_end(pobj[0])  # "the premier of Canada's Alberta province"
    return end


def _named(tok: Token) -> bool:
    return any(t.pos_ == "PROPN" or t.ent_type_ for t in tok.subtree if t.i <= tok.i)


def np_range(tok: Token) -> tuple[int, int]:
    """Token range of the noun phrase a participant's head stands for, without relative clauses
    or conjuncts."""
    start = tok.i
    for child in tok.lefts:
        if child.dep_ not in ("cc", "conj", "punct", "preconj"):
            start = min(start, child.left_edge.i)
    return start, _np_end(tok)


def unique(toks: Iterable[Token]) -> list[Token]:
    seen: dict[int, Token] = {}
    for t in toks:
        seen.setdefault(t.i, t)
    return list(seen.values())


def is_agent(tok: Token) -> bool:
    """Whether a word can name a participant: a name, a people or group noun, a pronoun, or
    what a named holder fires or holds ("Israeli rockets", "an army base")."""
    return (
        tok.pos_ == "PROPN"
        or tok.ent_type_ in ACTOR_TYPES
        or tok.lemma_.lower() in AGENT_HEADS
        or (tok.pos_ == "NOUN" and tok.lemma_.lower() in _NOUN_AGENTS)
        or tok.lower_ in PERSONAL
        or held_by(tok) is not None
    )


def held_by(tok: Token) -> Token | None:
    """Whose weapon, post or action a word names: "Syrian government missiles" are the
    government's, "a Hamas camp" is Hamas's, "a Saudi-led strike" Saudi Arabia's; None for
    other words, and for "a US-backed offensive" (backers are not the ones who strike)."""
    held = tok.lemma_.lower() in HELD
    reading = None if held or tok.pos_ != "NOUN" else lexicon_reading(tok)
    if not held and reading is None:
        return None
    # "regime air strikes" are the regime's; "a cabinet meeting", "troop withdrawal" are not
    # the cabinet's or the troops' own acts as a participant
    by_group = held or (reading is not None and reading.type == "ASSAULT")
    kids = list(tok.children)
    holders = (
        *(
            c
            for c in kids
            if by_group and c.dep_ in ("compound", "poss") and c.lemma_.lower() in AGENT_HEADS
        ),
        # an action's possessor is left to `agents_in` ("condemned Russia's invasion": Russia)
        *(
            c
            for c in kids
            if c.dep_ in ("compound", "nmod", *(("poss",) if held else ())) and c.pos_ == "PROPN"
        ),
        *(c for c in kids if c.dep_ in MODIFIER_DEPS and c.ent_type_ in _ORIGINS),
        *(
            m
            for c in kids
            if c.dep_ == "amod" and c.lemma_.lower() == "lead"
            for m in c.children
            if m.dep_ in ("npadvmod", "compound") and m.ent_type_ in (*_ORIGINS, "ORG")
        ),
        # "a camp for Congolese refugees" is theirs
        *(p for p in (prep_objects(tok, "for") if held else ()) if is_agent(p)),
    )
    return holders[0] if holders else None


# Prepositions whose objects a phrase stands for: "calls by X", "the suppression of X".
_STANDS_FOR = words("by from against on to of with between")


def agents_in(tok: Token, depth: int = 2) -> list[Token]:
    """The participants an object stands for: itself if it is one, else those its phrase names
    ("rejected calls by Belarus's rulers", "denounced Serbia's suppression of …", "vetoed a
    Security Council resolution")."""
    tok = participant(tok)
    if is_agent(tok):
        # "relations between the two countries and the security situation": the countries
        return [t for t in with_conjuncts(tok) if t is tok or is_agent(t)]
    if depth == 0:
        return []
    found: list[Token] = []
    for c in tok.children:
        if c.dep_ == "poss" or (c.dep_ == "compound" and c.pos_ == "PROPN"):
            found += agents_in(c, depth - 1)
        elif c.ent_type_ == "NORP" and c.dep_ in ("amod", "compound") and tok not in found:
            found.append(tok)  # "Kampuchean guerrilla camps" stand for the guerrillas
        elif c.dep_ == "acl":
            # "the demonstration staged by students", "property seized by government forces"
            found += [t for p in passive_agents(c) for t in agents_in(p, depth - 1)]
        elif c.dep_ == "prep" and c.lower_ in _STANDS_FOR:
            found += [t for p in c.children if p.dep_ == "pobj" for t in agents_in(p, depth - 1)]
    return found


def role_bearer(tok: Token) -> Token | None:
    """The role noun a participant's country comes with: the participant itself when a
    modifier names the country ("Russian officials"), or the noun a coordinated country
    adjective modifies ("Romanian" in "Hungarian and Romanian officials")."""
    if tok.lemma_.lower() in AGENT_HEADS and not tok.ent_type_:
        return tok
    holder = held_by(tok)
    if holder is not None and holder.lemma_.lower() in AGENT_HEADS:
        return holder  # "a Macedonian army base": the army's
    tok = first_conjunct(tok)
    noun = tok.head
    if tok.dep_ in MODIFIER_DEPS and noun.lemma_.lower() in AGENT_HEADS:
        return noun
    return None


def addressees(verb: Token) -> list[Token]:
    """To whom a clause is said when it is a contact's purpose or what a document sent to
    someone says: "called the president to express support", "sent a letter to the WHO
    threatening to cut funds"."""
    head = verb.head
    named: list[Token] = []
    if verb.dep_ == "advcl" and head.lemma_ in ew.CONTACT:
        named = [o for o in head.children if o.dep_ == "dobj"]
    elif verb.tag_ == "VBG" and verb.dep_ in ("acl", "advcl"):
        sender = head.head if verb.dep_ == "acl" and head.dep_ == "dobj" else head
        if sender.lemma_ in ew.SENDING:
            # the parser hangs "to X" on the letter, or on the verb as a dative
            named = prep_objects(head, "to") + [
                p for d in sender.children if d.dep_ in ("dative", "prep") and d.lower_ == "to"
                for p in d.children if p.dep_ == "pobj"
            ]  # fmt: skip
    return [participant(t) for o in named for t in with_conjuncts(o) if is_agent(t)]
