"""Word lists and parse shapes that tell a lexicon word's political use from its other uses:
"released a statement" publishes, "asked him if" questions, "hit the campaign trail" strikes no
one, a game report holds no political act. Read by `participants.lexicon_reading`, which asks
them before the lexicon (plover.py), and by the events extractor for whole sentences."""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsgraph.extract.lexicon import words

if TYPE_CHECKING:
    from spacy.tokens import Span, Token


# Entities whose words name them, not an act: shows, laws, organisations, buildings.
TITLED = frozenset(("WORK_OF_ART", "PRODUCT", "LAW", "ORG", "FAC"))


def is_headline(sent: Span) -> bool:
    """Title Case, where the tagger takes runs of capitalised words for organisations."""
    words_ = [t for t in sent if t.is_alpha and len(t) > 3]
    return len(words_) >= 3 and sum(t.is_title for t in words_) > 0.7 * len(words_)


# What is asked that is no request: "asked him a question".
QUESTIONS = words("question questions")
# What giving hands nothing over: "gave him a victory", "no reason was given".
NOT_GIVEN = words(
    "sentence time chance impression victory win advantage delegate delegates high-five "
    "high-fives speech speeches answer answers interview interviews talk address lecture look "
    "credit pause boost edge lead nod voice shot opportunity try account update reason hint "
    "signal indication glimpse birth rise way damn"
)
# Given by performing them: "gave a speech to the bank".
PERFORMED = words("speech speeches address lecture interview interviews talk")
# What is beaten in a contest: "beat expectations".
ODDS = words("expectation expectations odds record deadline clock traffic heat")
# What lifting concedes: "lifted the ban"; "lifted a necklace" does not.
LIFTABLE = words(
    "ban embargo sanction sanctions curfew restriction restrictions blockade siege moratorium "
    "suspension freeze cap limit limits control controls measure measures emergency law order "
    "veto immunity quarantine lockdown boycott barrier barriers tariff tariffs closure"
)
# What is pulled out of a place: forces and missions.
WITHDRAWN = words(
    "troop troops force forces soldier soldiers army military personnel staff diplomat "
    "diplomats ambassador envoy mission peacekeeper peacekeepers observer observers unit units "
    "support funding aid investment"
)
# What a candidate suspends: "suspended his campaign".
BIDS = words("campaign bid candidacy run")
# What breaking sanctions: "broke off ties"; "broke promises" does not.
LINKS = words("tie ties relation relations contact contacts talk talks negotiation negotiations")
# What makes a rally a campaign's: "his rallies", "a campaign rally".
CAMPAIGN = words("campaign election victory fundraising")


def campaign_rally(rally: Token) -> bool:
    """ "His rallies", "a Trump rally", "a Super Tuesday rally", "a campaign rally"."""
    return any(
        (c.dep_ == "poss" and (c.ent_type_ == "PERSON" or c.lower_ in ("his", "her")))
        or (
            c.dep_ in ("compound", "amod", "nmod")
            and (c.lemma_.lower() in CAMPAIGN or c.ent_type_ in ("PERSON", "EVENT", "DATE"))
        )
        for c in rally.children
    )


def sits_with(verb: Token) -> bool:
    """ "Sat down with X", "the two leaders sat down", "the two discussed": a meeting; one
    person sitting or talking is none."""
    # "discussed trade with X": the parser may hang "with" on the topic
    near = [verb, *(c for c in verb.children if c.dep_ == "dobj")]
    return any(c.dep_ == "prep" and c.lower_ == "with" for t in near for c in t.children) or any(
        c.dep_ == "nsubj"
        and (c.tag_ in ("NNS", "NNPS", "CD") or c.conjuncts or c.lower_ in ("both", "all"))
        for c in verb.children
    )


# What is fired at someone: "fired rockets"; "fired its host" dismisses.
SHOTS = words(
    "shot shots round rounds rocket rockets missile missiles shell shells bullet bullets gas "
    "salvo volley cannon mortar mortars grenade grenades weapon weapons gun guns artillery "
    "projectile projectiles flare flares barrage"
)
# What is sent that is no aid: "sent a text message to supporters".
MESSAGES = words("message text note signal greeting wish condolence invitation")
# What hitting or striking does not hurt: "hit the campaign trail", "struck oil".
NOT_STRUCK = words(
    "trail road street streets headline headlines market shelf shelves record low high mark "
    "milestone jackpot airwaves ground button brake wall snag oil gold chord note balance pose "
    "tone nerve"
)
# What a candidate captures, wins or beats a rival in: an election, not ground.
ELECTORAL = words(
    "win victory vote votes delegate delegates nomination seat seats primary primaries caucus "
    "caucuses state states majority plurality election race title crown"
)
# What is committed that is no commitment: "murders committed by".
OFFENCES = words(
    "crime murder atrocity massacre genocide offence offense fraud abuse violation act attack "
    "suicide error mistake sin felony robbery assault rape killing homicide perjury treason "
    "misconduct blunder gaffe foul"
)


# What is released by publishing it, not by setting it free: CAMEO 084 returns people and
# property, not statements or statistics.
PUBLISHED = words(
    "statement readout summary communique communiqué transcript report data figure statistic "
    "statistics number rate result finding estimate forecast survey poll study analysis "
    "document text detail list name video footage image photo photograph picture recording "
    "audio tape record book album film song version update guidance plan budget proposal "
    "draft schedule timetable information account details ad advert advertisement commercial "
    "excerpt excerpts memo letter email e-mail tweet post"
)


def released_things(tok: Token) -> list[Token]:
    """What a form of "release" releases: its object, its passive subject, or the noun its
    participle modifies ("a summary released by the agency", "a summary of the talks released
    by the agency": the parser hangs it on either noun)."""
    things = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
    if tok.dep_ == "acl" and tok.tag_ == "VBN":
        noun = tok.head
        things.append(noun)
        if noun.dep_ == "pobj" and noun.head.lower_ == "of":
            things.append(noun.head.head)
    return things


# Words that only sports reports use together: "hit a 47-yard field goal", "beating Bradley
# in the quarterfinal", "the Colts' interception"; two of them make a sentence a game's.
SPORT = words(
    "touchdown touchdowns quarterback quarterbacks rebound rebounds inning innings pitcher "
    "halftime overtime playoff playoffs nfl nba mlb nhl ncaa fifa uefa interception "
    "interceptions putback layup dunk homer homers midfielder goalkeeper goalie wicket "
    "wickets semifinal semifinals quarterfinal quarterfinals teammate teammates coach "
    "tournament championship scored"
)


def about_sport(sent: Span) -> bool:
    """A sentence that reports a game, whose verbs (beat, hit, sign, pull back, attack the
    basket) are no political events; "war games" are no game."""
    cues = {w for t in sent for w in (t.lower_, t.lemma_.lower()) if w in SPORT}
    lowers = {t.lower_ for t in sent}
    if lowers & {"game", "games"} and "war" not in lowers:
        cues.add("game")
    return len(cues) >= 2


# Contact verbs whose purpose clause is said to the one contacted.
CONTACT = words("call phone telephone ring meet visit receive summon contact host")
# Verbs that address a document to someone.
SENDING = words("send write deliver address hand")
