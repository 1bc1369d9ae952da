"""Readings that depend on a trigger's context, not its lemma alone.

The lexicon (plover.py) reads a word the same way wherever it stands. Some words are events
only with some objects ("strengthened its forces" mobilises, "strengthened ties" does not), or
change type with them ("withdrew its troops" retreats, "withdrew its peacekeepers" is CAMEO's
1661, a sanction, and deploying them is aid, 074; "opened fire" is an attack), or with the phrase around a noun ("went on
strike" is a protest, "a strike on a convoy" an attack). `context_reading` says so, and is
asked before the lexicon.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from newsgraph.extract.lexicon import words
from newsgraph.extract.participants import prep_objects
from newsgraph.extract.plover import BUILD_UP, MILITARY_OBJECTS, SHARED_KNOWLEDGE, Trigger

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["COMPEL", "ON_VERBS", "context_reading", "fights_an_ill"]

_BUILD_UP = Trigger("MOBILIZE", "troops")
_SHARE = Trigger("COOPERATE", "intelligence")
_OPEN_FIRE = Trigger("ASSAULT", "firearms")
_RECALL_MISSION = Trigger("SANCTION", "expel")  # CAMEO 1661-1663
_PEACEKEEPING = Trigger("AID", "protection")  # CAMEO 074, peacekeepers and monitors
_RELEASE = Trigger("RETREAT", "release")
_ENDORSE = Trigger("SUPPORT")
_PERMIT = Trigger("CONCEDE")
_ON_ALERT = Trigger("MOBILIZE", "alert")  # CAMEO 152
_WALKOUT = Trigger("PROTEST", "strike")
_STRIKE = Trigger("ASSAULT")
_EMERGENCY = Trigger("COERCE", "restrict")  # CAMEO 1724, state of emergency or siege
_PHONE = Trigger("CONSULT", "phone")
_ASYLUM = Trigger("AID", "asylum")  # CAMEO 075
_ASSIST = Trigger("AID")
_CONVICT = Trigger("ACCUSE")
_EASE = Trigger("CONCEDE", "ease")
_FLAG_BURNING = Trigger("PROTEST", "demonstrate")
_MARCH = Trigger("PROTEST", "demonstrate")
_BLOCKADE = Trigger("PROTEST", "obstruct")
_WAR_GAMES = Trigger("COOPERATE", "military")
_DISARM = Trigger("RETREAT")  # "laid down their arms": CAMEO 0874, demobilise
_TRUCE = Trigger("RETREAT")  # as the lexicon reads "ceasefire"
_LAWSUIT = Trigger("ACCUSE", "lawsuit")  # CAMEO 115
_NAME_CALLING = Trigger("ACCUSE", "disapprove")
_HUMAN_SHIELD = Trigger("ASSAULT", "abduct")  # CAMEO 184, which PLOVER reads as abduction
_CYBER_ATTACK = Trigger("COERCE", "cyber")
_CYBER = words("cyber cyber- online digital")
_BLAME = Trigger("ACCUSE")  # CAMEO 112, "said X was responsible"
_PULL_OUT = Trigger("RETREAT")  # CAMEO 0874, "troops began leaving Afghanistan"
_VISIT = Trigger("CONSULT", "visit")
_SIGN = Trigger("SUPPORT", "sign")
_ENVOYS = words(
    "envoy emissary delegation delegate diplomat ambassador minister official secretary "
    "representative negotiator mediator"
)
COMPEL = Trigger("COERCE")
"""Made to stop: the one compelled is the recipient, its stopping no act of its own."""
_CEASE = words("suspend close stop halt cease shut end leave quit resign disband vacate")
_CULPABLE = words("responsible culpable guilty")
_BLAMING = words("say claim believe suspect conclude insist allege")

# Missions whose withdrawal is a sanction on the host, not a retreat.
_MISSIONS = words("peacekeeper observer monitor inspector mission")
# What is sent on a peace mission: forces or monitors.
_FORCES_SENT = MILITARY_OBJECTS | _MISSIONS
# Objects that make agreeing or pledging an act of support, not an intent.
_ENDORSED = words("agreement deal accord treaty support backing solidarity")
# What a government grants that is a concession or a release.
_CLEMENCY = words("pardon amnesty clemency reprieve")
_PERMISSION = words("permission approval authorization authorisation concession")
_ARMS = words("arm weapon gun")
# Proceedings whose dropping is a concession; decisions whose reversal is one.
_PROCEEDINGS = words("charge investigation probe case lawsuit suit prosecution indictment")
_DECISIONS = words("decision ruling policy ban order")
_VIOLENCE = words("atrocity massacre genocide murder killing attack assault rape pogrom")
_RIVALS = words("rival opponent critic challenger competitor candidate")
_ARMED_HANDS = words(
    "gunman attacker assailant militant militia rebel insurgent terrorist mob police man men group"
)
# Who attacks with arms, not words.
_ARMED_SUBJECTS = MILITARY_OBJECTS | _ARMED_HANDS
# What protesters burn.
_SYMBOLS = words("flag effigy")
# What one attacks in words, not arms: "attacked the timetable", "blasted the plan".
_POSITIONS = words(
    "plan policy decision proposal timetable bill law budget remark comment statement report "
    "idea approach record reform ruling verdict strategy move handling programme program "
    "proceedings deal"
)
# Attacks made in words: "a scathing attack on".
_VERBAL = words("scathing verbal blistering stinging withering rhetorical personal")
# Collective actions that calling off concedes.
_ACTIONS = words("strike protest boycott demonstration sit-in march blockade")
# Operations whose ceasing is a truce.
_HOSTILITIES = words("operation offensive attack hostility fighting bombing shelling airstrike war")
# What one accepts when agreeing: "accepted a formula", "accepted the peace plan".
_PROPOSALS = words("formula proposal plan offer deal compromise settlement framework roadmap")
# What easing or shortening concedes.
_RESTRICTIONS = words("curfew restriction restrictions ban measures sanctions embargo")
# Ways whose blocking is a protest: CAMEO 144.
_PASSAGES = words("road street highway traffic transport railway rail bridge access entrance")
# Talks whose ending is a sanction on the other side: CAMEO 164-165.
_TALKS = words("talk negotiation mediation dialogue")
_HALT_TALKS = Trigger("SANCTION", "halt")
# What calling someone accuses them of being.
_INSULTS = words(
    "liar terrorist criminal traitor dictator murderer thug puppet enemy fool idiot clown "
    "coward racist fascist aggressor warmonger butcher tyrant stupid incompetent illegitimate "
    "corrupt pathetic disgrace hypocrite hypocritical irresponsible"
)
# Whom opening the borders to is giving asylum.
_DISPLACED = words("refugee migrant asylum-seeker seeker displaced evacuee exile")
# What is handed over as help, not released: "handed over medical equipment to the ministry".
_GOODS = words(
    "aid equipment supply supplies medicine medicines vaccine vaccines food assistance "
    "ventilator ventilators goods donation relief grain fuel"
)
# Ills one fights without fighting anyone: "funding to fight the Ebola epidemic".
_ILLS = words(
    "epidemic pandemic virus disease outbreak poverty hunger famine drought flood "
    "wildfire inflation malaria cancer ebola covid coronavirus covid-19 climate pollution "
    "unemployment"
)
# Verbs a noun is "on" to be an ongoing state: "went on strike", "remained on alert".
ON_VERBS = words("go remain stay be put place keep")
# A strike with one of these is an armed one: "an air strike", "a drone strike".
_ARMED = words("air drone missile rocket military artillery naval")
# Operations that are attacks: "a military operation", "a ground operation".
_ARMED_OPERATIONS = words("military ground air naval armed offensive counterterrorism")
# What one rings someone up to do: "called Erdogan to congratulate him".
_COURTESY = words(
    "congratulate express convey discuss assure thank apologize apologise offer wish condole "
    "inform brief inquire"
)


# (verbs, objects, reading): the verb reads so when one of its direct objects is one of these;
# with other objects it is left to the lexicon ("strengthened ties", "shares a border").
_BY_OBJECT: tuple[tuple[frozenset[str], frozenset[str], Trigger], ...] = (
    (BUILD_UP, MILITARY_OBJECTS, _BUILD_UP),
    (words("share"), SHARED_KNOWLEDGE, _SHARE),
    # "attacked the timetable": words against a position, CAMEO 111
    (words("attack hit blast assail"), _POSITIONS, _NAME_CALLING),
    (words("open"), words("fire"), _OPEN_FIRE),
    (words("withdraw pull recall"), _MISSIONS, _RECALL_MISSION),
    # "agreed a trade agreement", "pledged full support for"
    (words("agree pledge express reaffirm"), _ENDORSED, _ENDORSE),
    # granting them, not offering them (an intent, AGREE)
    (words("grant give issue"), _CLEMENCY, _RELEASE),
    (words("grant give issue"), _PERMISSION, _PERMIT),
    # "ceased its military operations"
    (words("cease halt suspend stop end"), _HOSTILITIES, _TRUCE),
    # "blocked roads in the capital": obstructing passage, CAMEO 144
    (words("block barricade obstruct"), _PASSAGES, _BLOCKADE),
    # "accepted a formula for ending the dispute": agreeing to a proposal, not yielding
    (words("accept"), _PROPOSALS, Trigger("AGREE")),
    # "shortened the curfew", "loosened the restrictions"
    (words("shorten loosen"), _RESTRICTIONS, _EASE),
    # "lifted the blockade": easing a military blockade, CAMEO 0872
    (words("lift ease end relax"), words("blockade siege"), Trigger("RETREAT")),
    # "received a mission of observers": allowing international involvement, CAMEO 0862
    (words("receive admit accept allow"), _MISSIONS, Trigger("RETREAT", "allow")),
    # "ended the strike", "will not end the boycott" (a refusal to yield)
    (words("end stop halt suspend"), _ACTIONS, _EASE),
    # "dropped the charges", "withdrew the lawsuit", "reversed the decision"
    (words("drop withdraw"), _PROCEEDINGS, _EASE),
    (words("reverse"), _DECISIONS, _EASE),
    (words("burn"), _SYMBOLS, _FLAG_BURNING),
    # "struck a deal with X": an agreement reached (CAMEO 057), not a blow
    (words("strike"), words("deal agreement accord bargain compromise pact"), _SIGN),
    # "committed atrocities against villagers": violence done, not a commitment (AGREE)
    (words("commit perpetrate"), _VIOLENCE, _STRIKE),
)


def _objects(tok: Token) -> set[str]:
    """Direct objects' lemmas, with those of their compounds ("mediation efforts")."""
    return {
        t.lemma_.lower()
        for c in tok.children
        if c.dep_ == "dobj"
        for t in (c, *(m for m in c.children if m.dep_ == "compound"))
    }


def _verb_reading(tok: Token, is_agent: Callable[[Token], bool]) -> Trigger | None:
    lemma = tok.lemma_.lower()
    objs = _objects(tok)
    for verbs, objects, reading in _BY_OBJECT:
        if lemma in verbs and objs & objects:
            return reading
    if lemma in ("end", "suspend", "halt", "break") and objs & _TALKS:
        return _HALT_TALKS  # "ended mediation efforts", "broke off talks"
    if lemma == "take" and "street" in _pobjs(tok, "to"):
        return _MARCH  # "took to the streets"
    if lemma == "hand" and objs & _GOODS and any(c.lower_ == "over" for c in tok.children):
        return _ASSIST  # not the lexicon's release of prisoners
    if lemma in ("accept", "admit", "resettle", "welcome") and any(
        t.lemma_.lower() in _DISPLACED for c in tok.children if c.dep_ == "dobj" for t in c.subtree
    ):
        return _ASYLUM  # "accepts 1,500 people living in refugee camps"
    if lemma == "open" and "border" in objs and _to_refugees(tok):
        return _ASYLUM
    if lemma == "find" and any(
        c.lemma_.lower() == "guilty" and c.dep_ in ("ccomp", "oprd", "acomp", "xcomp")
        for c in tok.children
    ):
        return _CONVICT
    if (
        lemma in ("deploy", "send", "dispatch", "station")
        and objs & _FORCES_SENT
        and _peacekeeping(tok)
    ):
        return _PEACEKEEPING
    if lemma in ("send", "dispatch") and objs & _ENVOYS:
        return _VISIT  # "sent three ministers to Minsk": a visit by the sender, not aid
    if lemma == "lay" and objs & _ARMS and any(c.lower_ == "down" for c in tok.children):
        return _DISARM
    if lemma == "pardon" or (
        lemma in ("let", "set")
        and any(
            t.lower_ in ("free", "loose") and (t.head.i == tok.i or t.i == tok.i + 1)
            for t in tok.subtree
        )
    ):
        return _RELEASE  # "let free activists", "set the hostages free"
    if lemma in ("use", "hold", "keep") and "shield" in _pobjs(tok, "as"):
        return _HUMAN_SHIELD  # "used villagers as human shields"
    if lemma in _BLAMING and any(
        c.dep_ == "ccomp"
        and any(a.dep_ == "acomp" and a.lemma_.lower() in _CULPABLE for a in c.children)
        for c in tok.children
    ):
        return _BLAME  # "said Taliban militants were responsible for the attacks"
    if lemma == "leave" and _pulls_out(tok):
        return _PULL_OUT
    if (
        lemma in ("order", "force", "compel")
        and any(c.dep_ == "dobj" and is_agent(c) for c in tok.children)
        and any(c.dep_ == "xcomp" and c.lemma_.lower() in _CEASE for c in tok.children)
    ):
        return COMPEL  # "ordered the newspaper to suspend publication": coercion of it
    if lemma == "call":
        return _call_reading(tok, objs, is_agent)
    if lemma in ("attack", "assail") and _at_a_rival(tok):
        return _NAME_CALLING  # "Bush attacked Donald Trump", "refrained from attacking rivals"
    return None


def _at_a_rival(tok: Token) -> bool:
    """An attack on named people or rivals by no armed hand and with no weapon: words."""
    targets = [c for c in tok.children if c.dep_ == "dobj"]
    subjects = [c for c in tok.children if c.dep_ == "nsubj"]
    return (
        bool(targets)
        and all(t.ent_type_ == "PERSON" or t.lemma_.lower() in _RIVALS for t in targets)
        and not any(c.dep_ == "prep" and c.lower_ == "with" for c in tok.children)
        and not any(
            s.lemma_.lower() in _ARMED_SUBJECTS or s.ent_type_ in ("NORP", "GPE") for s in subjects
        )
    )


def _call_reading(tok: Token, objs: set[str], is_agent: Callable[[Token], bool]) -> Trigger | None:
    """ "called off the strike" concedes; "called X a liar" accuses; "called X to congratulate
    him" is a phone call. Other uses ("called on X to", "called for") are the lexicon's
    requests."""
    kids = list(tok.children)
    if objs & _ACTIONS and any(c.lower_ == "off" for c in kids):
        return _EASE  # a concession, not the lexicon's "call off" rejection
    if any(c.dep_ in ("prt", "prep") and _asks(c) for c in kids):
        return None
    # spaCy parses the one called as the object or, before "to", as a predicate (oprd)
    called = [c for c in kids if c.dep_ in ("dobj", "oprd") and is_agent(c)]
    if not called:
        return None
    names = [c for c in kids if c.dep_ in ("oprd", "attr", "ccomp", "xcomp") and c not in called]
    if any(_insulting(n) for n in names):
        return _NAME_CALLING
    if any(c.dep_ in ("xcomp", "advcl") and c.lemma_.lower() in _COURTESY for c in kids):
        return _PHONE
    return None


def _pulls_out(tok: Token) -> bool:
    """Forces leaving a country: "American troops have begun leaving Afghanistan"."""
    if not any(c.dep_ == "dobj" and c.ent_type_ in ("GPE", "LOC") for c in tok.children):
        return False
    verb = tok
    for _ in range(3):
        subj = [c for c in verb.children if c.dep_ == "nsubj"]
        if subj:
            return subj[0].lemma_.lower() in MILITARY_OBJECTS
        if verb.dep_ not in ("xcomp", "conj") or verb.head.i == verb.i:
            break
        verb = verb.head
    return False


def _peacekeeping(tok: Token) -> bool:
    """Whether what is sent is a peace mission: "sent peacekeepers", "deployed troops on a
    peacekeeping mission", "is sending troops to the UN peacekeeping force"."""
    return any(t.lemma_.lower() in _MISSIONS or t.lower_ == "peacekeeping" for t in tok.subtree)


def _to_refugees(tok: Token) -> bool:
    """ "opened its borders to refugees", "… to displaced Afghans"."""
    return any(
        t.lemma_.lower() in _DISPLACED or t.lower_ in _DISPLACED
        for p in prep_objects(tok, "to")
        for t in (p, *(m for m in p.children if m.dep_ == "amod"))
    )


def _insulting(name: Token) -> bool:
    """ "a liar", "a very stupid guy"; calling something "the largest investment" is praise or
    description, not an accusation."""
    return name.lemma_.lower() in _INSULTS or any(
        c.dep_ == "amod" and c.lemma_.lower() in _INSULTS for c in name.children
    )


def _pobjs(tok: Token, *preps: str) -> set[str]:
    """Lemmas of the objects of a word's prepositions `preps` ("took to the streets": street)."""
    return {p.lemma_.lower() for p in prep_objects(tok, *preps)}


def _on_a_position(tok: Token) -> bool:
    return bool(_pobjs(tok, "on", "against") & _POSITIONS)


def _dated(prep: Token) -> bool:
    """ "on Tuesday": a preposition that dates, not one that targets."""
    return any(p.ent_type_ in ("DATE", "TIME") for p in prep.children if p.dep_ == "pobj")


def _asks(particle: Token) -> bool:
    """ "for", or "on" someone (not "on Wednesday"): a call for or on is a request."""
    if particle.lower_ == "for":
        return True
    return particle.lower_ == "on" and not _dated(particle)


def _noun_reading(tok: Token) -> Trigger | None:
    lemma = tok.lemma_.lower()
    head = tok.head
    mods = {c.lemma_.lower() for c in tok.children if c.dep_ in ("compound", "amod")}
    on_state = tok.dep_ == "pobj" and head.lower_ == "on" and head.head.lemma_.lower() in ON_VERBS
    if lemma == "alert" and on_state:
        return _ON_ALERT
    if lemma == "strike":
        kids = list(tok.children)
        # "carried out strikes against Hamas targets": the "against" may hang on the verb
        carried = tok.dep_ == "dobj" and head.lemma_.lower() in ("carry", "conduct")
        armed = carried or any(
            (c.dep_ in ("compound", "amod") and c.lemma_.lower() in _ARMED)
            or (c.dep_ == "prep" and c.lower_ in ("on", "against") and not _dated(c))
            for c in kids
        )
        return _STRIKE if armed and not on_state else _WALKOUT
    if lemma == "deployment" and _peacekeeping(tok):
        return _PEACEKEEPING
    if lemma in ("attack", "warfare", "espionage", "operation") and mods & _CYBER:
        return _CYBER_ATTACK  # PLOVER's COERCE/cyber, not an assault
    if lemma == "attack" and (mods & _VERBAL or _on_a_position(tok)):
        return _NAME_CALLING  # "a scathing attack on the party", "the attack on the proceedings"
    if lemma == "fire" and "cease" in mods:
        return _TRUCE  # "cease-fire", which the tokenizer splits
    if lemma == "game" and "war" in mods:
        return _WAR_GAMES
    if lemma == "operation" and mods & _ARMED_OPERATIONS:
        return _STRIKE  # "a new military operation against X"
    if lemma in ("action", "proceedings") and "legal" in mods:
        return _LAWSUIT
    if lemma in ("emergency", "siege") and head.lower_ == "of" and head.head.lemma_ == "state":
        return _EMERGENCY
    return None


def fights_an_ill(tok: Token) -> bool:
    """ "to fight the Ebola epidemic", "combat poverty": a verb of force whose object is an ill,
    not a party; no event."""
    return any(
        t.lemma_.lower() in _ILLS or t.lower_ in _ILLS
        for c in tok.children
        if c.dep_ == "dobj" or (c.dep_ == "prep" and c.lower_ == "against")
        for t in (c, *c.children)
        if t.dep_ in ("dobj", "pobj", "compound")
    )


def context_reading(tok: Token, is_agent: Callable[[Token], bool]) -> Trigger | None:
    """The reading a word takes from its objects or its phrase, or None to ask the lexicon.
    `is_agent` tells a participant from other objects ("called the envoy a liar", not "called
    the talks frank")."""
    if tok.pos_ in ("VERB", "AUX") or tok.tag_.startswith("VB"):
        return _verb_reading(tok, is_agent)
    if tok.pos_ in ("NOUN", "PROPN"):
        return _noun_reading(tok)
    return None
