"""PLOVER event types and modes, their CAMEO codes, quad classes and Goldstein scores, and the
words that signal them.

PLOVER (Political Language Ontology for Verifiable Event Records) has 16 event types; CAMEO,
which GDELT and PETRARCH code, has 20 roots and about 300 codes. Each PLOVER type and mode is
given the CAMEO code a GDELT user would expect for it, with that code's Goldstein score
(GDELT's scale, −10 … +10). The table and the trigger lexicon are ours, written from the
PLOVER and CAMEO codebooks' definitions.
"""

from __future__ import annotations

from typing import NamedTuple

PLOVER_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)  # fmt: skip

QUAD = {
    "AGREE": 1, "CONSULT": 1, "SUPPORT": 1, "CONCEDE": 1,
    "COOPERATE": 2, "AID": 2, "RETREAT": 2,
    "REQUEST": 3, "ACCUSE": 3, "REJECT": 3, "THREATEN": 3,
    "PROTEST": 4, "SANCTION": 4, "MOBILIZE": 4, "COERCE": 4, "ASSAULT": 4,
}  # fmt: skip
"""PLOVER quad class: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict,
4 material conflict (SANCTION is material conflict, as in the PLOVER manual's own section)."""

RECIPROCAL = frozenset(("AGREE", "CONSULT", "COOPERATE"))
"""Types whose parties act together: "A and B met" makes both actors."""

# (type, mode) -> CAMEO code; (type, None) is the type's default.
_CAMEO = {
    ("AGREE", None): "030", ("AGREE", "meet"): "036",
    ("CONSULT", None): "040", ("CONSULT", "phone"): "041", ("CONSULT", "visit"): "042",
    ("CONSULT", "host"): "043", ("CONSULT", "third-party"): "044", ("CONSULT", "mediate"): "045",
    ("CONSULT", "negotiate"): "046",
    ("SUPPORT", None): "051", ("SUPPORT", "sign"): "057", ("SUPPORT", "defend"): "052",
    ("SUPPORT", "recognize"): "054",
    ("SUPPORT", "apologize"): "055", ("SUPPORT", "forgive"): "056",
    ("CONCEDE", None): "080", ("CONCEDE", "ease"): "081", ("CONCEDE", "accede"): "083",
    ("COOPERATE", None): "060", ("COOPERATE", "economic"): "061",
    ("COOPERATE", "military"): "062", ("COOPERATE", "judicial"): "063",
    ("COOPERATE", "intelligence"): "064",
    ("AID", None): "070", ("AID", "economic"): "071", ("AID", "military"): "072",
    ("AID", "humanitarian"): "073", ("AID", "protection"): "074", ("AID", "asylum"): "075",
    ("RETREAT", None): "087", ("RETREAT", "release"): "084", ("RETREAT", "ease"): "085",
    ("RETREAT", "allow"): "086",
    ("REQUEST", None): "100",
    ("ACCUSE", None): "112", ("ACCUSE", "disapprove"): "111", ("ACCUSE", "investigate"): "090",
    ("ACCUSE", "lawsuit"): "115", ("ACCUSE", "complain"): "114",
    ("REJECT", None): "120", ("REJECT", "meet"): "125", ("REJECT", "veto"): "129",
    ("THREATEN", None): "130", ("THREATEN", "military"): "138",
    ("PROTEST", None): "140", ("PROTEST", "demonstrate"): "141", ("PROTEST", "strike"): "143",
    ("PROTEST", "riot"): "145", ("PROTEST", "obstruct"): "144",
    ("SANCTION", None): "163", ("SANCTION", "relations"): "161", ("SANCTION", "expel"): "166",
    ("SANCTION", "halt"): "164", ("SANCTION", "reduce"): "160",
    ("MOBILIZE", None): "150", ("MOBILIZE", "alert"): "152", ("MOBILIZE", "troops"): "154",
    ("COERCE", None): "170", ("COERCE", "seize"): "171", ("COERCE", "restrict"): "172",
    ("COERCE", "arrest"): "173", ("COERCE", "deport"): "174",
    ("ASSAULT", None): "190", ("ASSAULT", "abduct"): "181", ("ASSAULT", "beat"): "182",
    ("ASSAULT", "bomb"): "183", ("ASSAULT", "assassinate"): "186",
    ("ASSAULT", "firearms"): "193", ("ASSAULT", "artillery"): "194",
    ("ASSAULT", "aerial"): "195", ("ASSAULT", "mass"): "200", ("ASSAULT", "unconventional"): "180",
}  # fmt: skip

GOLDSTEIN = {
    "030": 4.0, "036": 4.0, "040": 1.0, "041": 1.0, "042": 1.9, "043": 2.8, "044": 2.5,
    "045": 5.0, "046": 7.0, "051": 3.4, "052": 3.5, "054": 6.0, "055": 7.0, "056": 7.0,
    "057": 8.0, "060": 6.0, "061": 6.4, "062": 7.4, "063": 7.4, "064": 7.0, "070": 7.0,
    "071": 7.4, "072": 8.3, "073": 7.4, "074": 8.5, "075": 7.0, "080": 5.0, "081": 5.0,
    "083": 5.0, "084": 7.0, "085": 7.0, "086": 9.0, "087": 9.0, "090": -2.0, "100": -5.0,
    "111": -2.0, "112": -2.0, "114": -2.0, "115": -2.0, "120": -4.0, "125": -5.0, "129": -5.0,
    "130": -4.4, "138": -7.0, "140": -6.5, "141": -6.5, "143": -6.5, "144": -7.5, "145": -7.5, "150": -7.2,
    "152": -7.2, "154": -7.2, "160": -4.0, "161": -4.0, "163": -8.0, "164": -7.0, "166": -7.0,
    "170": -7.0, "171": -9.2, "172": -5.0, "173": -5.0, "174": -5.0, "180": -9.0, "181": -9.0,
    "182": -9.5, "183": -10.0, "186": -10.0, "190": -10.0, "193": -10.0, "194": -10.0,
    "195": -10.0, "200": -10.0,
}  # fmt: skip
"""Goldstein scores of the CAMEO codes above (GDELT's GoldsteinScale values)."""


class Coding(NamedTuple):
    cameo: str
    quad: int
    goldstein: float


def code(event_type: str, mode: str | None = None) -> Coding:
    """CAMEO code, PLOVER quad class and Goldstein score for a PLOVER type and mode."""
    cameo = _CAMEO.get((event_type, mode)) or _CAMEO[(event_type, None)]
    return Coding(cameo, QUAD[event_type], GOLDSTEIN[cameo])


def gdelt_quadclass(cameo: str) -> int:
    """GDELT's QuadClass of a CAMEO code: roots 01-05 → 1, 06-09 → 2, 10-14 → 3, 15-20 → 4."""
    root = int(cameo[:2])
    return 1 if root <= 5 else 2 if root <= 9 else 3 if root <= 14 else 4


class Trigger(NamedTuple):
    type: str
    mode: str | None = None


# Verb lemmas that signal an event type (and mode) when they govern political actors. Which
# reading holds in a sentence is the classifier's call (extract/events.py); this is its prior.
VERBS: dict[str, Trigger] = {}
NOUNS: dict[str, Trigger] = {}


def _add(table: dict[str, Trigger], event_type: str, mode: str | None, words: str) -> None:
    for w in words.split():
        table.setdefault(w.replace("_", " "), Trigger(event_type, mode))


# PLOVER: AGREE is agreeing to do something (CAMEO 03, intent to cooperate); signing or
# reaching a formal agreement is SUPPORT (CAMEO 057).
_add(VERBS, "AGREE", None, "agree offer pledge promise vow commit propose")
# The PLOVER codebook: inviting a delegation to visit is AGREE (CAMEO 036), the visit itself
# CONSULT.
_add(VERBS, "AGREE", "meet", "invite")
_add(VERBS, "SUPPORT", "sign", "sign ratify conclude initial")
_add(VERBS, "CONSULT", None, "meet confer consult discuss talk negotiate")
_add(VERBS, "CONSULT", "visit", "visit tour arrive travel fly")
_add(VERBS, "CONSULT", "host", "host receive")
_add(VERBS, "CONSULT", "phone", "phone telephone")
_add(VERBS, "CONSULT", "mediate", "mediate broker")
_add(VERBS, "SUPPORT", None, "praise support back welcome hail commend applaud laud endorse "
     "congratulate thank reaffirm")  # fmt: skip
_add(VERBS, "SUPPORT", "defend", "defend")
_add(VERBS, "SUPPORT", "recognize", "recognize recognise establish")
_add(VERBS, "SUPPORT", "apologize", "apologize apologise")
_add(VERBS, "SUPPORT", "forgive", "forgive pardon")
_add(VERBS, "CONCEDE", None, "concede yield accept compromise relent soften allow permit admit")
_add(VERBS, "CONCEDE", "ease", "ease relax lift repeal revoke rescind")
_add(VERBS, "COOPERATE", None, "cooperate collaborate partner coordinate join exchange trade")
_add(VERBS, "COOPERATE", "military", "train drill")
_add(VERBS, "COOPERATE", "judicial", "extradite")
_add(VERBS, "AID", None, "aid help assist provide give send donate supply grant fund finance "
     "lend rescue contribute")  # fmt: skip
_add(VERBS, "AID", "asylum", "shelter")
_add(VERBS, "RETREAT", None, "withdraw retreat pull evacuate demobilize disarm surrender resign")
_add(VERBS, "RETREAT", "release", "release free return repatriate")
_add(VERBS, "REQUEST", None, "ask urge call request demand appeal seek press plead petition "
     "pressure")  # fmt: skip
_add(VERBS, "ACCUSE", None, "accuse blame charge allege convict summon challenge dispute indict "
     "prosecute fault")  # fmt: skip
_add(VERBS, "ACCUSE", "disapprove", "criticize criticise condemn denounce deplore decry "
     "slam rebuke censure")  # fmt: skip
_add(VERBS, "ACCUSE", "investigate", "investigate probe")
_add(VERBS, "ACCUSE", "lawsuit", "sue")
_add(VERBS, "ACCUSE", "complain", "complain")
_add(VERBS, "REJECT", None, "reject refuse deny dismiss rebuff spurn oppose decline resist "
     "defy fail refute violate flout breach quash")  # fmt: skip
_add(VERBS, "REJECT", "veto", "veto block")
_add(VERBS, "THREATEN", None, "threaten warn")
_add(VERBS, "PROTEST", None, "protest rally march")
_add(VERBS, "PROTEST", "demonstrate", "demonstrate")
_add(VERBS, "PROTEST", "riot", "riot")
_add(VERBS, "SANCTION", None, "sanction embargo penalize punish")
_add(VERBS, "SANCTION", "expel", "expel")
_add(VERBS, "SANCTION", "halt", "suspend freeze halt cancel break sever cut")
_add(VERBS, "SANCTION", None, "boycott")
_add(VERBS, "SANCTION", "reduce", "downgrade recall reduce")
_add(VERBS, "MOBILIZE", None, "mobilize mobilise deploy mass station reinforce patrol")
_add(VERBS, "MOBILIZE", "alert", "alert")
_add(VERBS, "COERCE", "cyber", "hack")
_add(NOUNS, "COERCE", "cyber", "cyberattack cyberattacks cyber-attack hacking")
_add(VERBS, "COERCE", None, "ban restrict censor close shut outlaw blockade prevent deface disperse "
     "expropriate prohibit demolish bulldoze evict")  # fmt: skip
_add(VERBS, "COERCE", "arrest", "arrest detain jail imprison sentence capture apprehend")
_add(VERBS, "COERCE", "seize", "seize confiscate raid occupy annex")
_add(VERBS, "COERCE", "deport", "deport")
_add(VERBS, "ASSAULT", None, "attack assault strike hit fight invade kill wound injure clash retake "
     "fire target ambush storm torch pound overrun raze besiege massacre behead strafe")  # fmt: skip
_add(VERBS, "ASSAULT", "bomb", "bomb shell blast explode")
_add(VERBS, "ASSAULT", "aerial", "airstrike bombard")
_add(VERBS, "ASSAULT", "firearms", "shoot gun")
_add(VERBS, "ASSAULT", "abduct", "abduct kidnap")
_add(VERBS, "ASSAULT", "assassinate", "assassinate murder execute")
_add(VERBS, "ASSAULT", "beat", "beat torture")

_add(NOUNS, "SUPPORT", "sign", "agreement accord deal treaty pact memorandum")
_add(NOUNS, "RETREAT", None, "ceasefire truce withdrawal cessation")
_add(NOUNS, "RETREAT", "release", "release")
_add(NOUNS, "CONSULT", None, "talks meeting summit negotiations consultations conversation "
     "discussion dialogue")  # fmt: skip
_add(NOUNS, "CONSULT", "visit", "visit trip tour")
_add(NOUNS, "CONSULT", "phone", "phone")
_add(NOUNS, "CONSULT", "mediate", "mediation")
_add(NOUNS, "SUPPORT", None, "support praise backing")
_add(NOUNS, "COOPERATE", None, "cooperation partnership exercises games")
_add(NOUNS, "AID", None, "aid assistance loan grant donation")
_add(NOUNS, "REQUEST", None, "appeal demand request call")
_add(NOUNS, "ACCUSE", None, "accusation criticism condemnation charges lawsuit complaint suit")
_add(NOUNS, "ACCUSE", "investigate", "investigation probe inquiry")
_add(NOUNS, "REJECT", None, "rejection refusal veto")
_add(NOUNS, "THREATEN", None, "threat warning ultimatum")
_add(NOUNS, "PROTEST", None, "protest protests demonstration rally strike boycott riot riots march "
     "marches")  # fmt: skip
_add(NOUNS, "SANCTION", None, "sanctions sanction embargo suspension blackout")
_add(NOUNS, "MOBILIZE", None, "deployment mobilization buildup patrols patrol")
_add(
    NOUNS, "COERCE", None, "arrest arrests crackdown ban curfew emergency blockade restrictions law"
)
_add(NOUNS, "ASSAULT", None, "attack attacks assault offensive strike strikes airstrike clash clashes "
     "airstrikes bombing shelling raid invasion fighting cleansing massacre bombardment "
     "warfare cyberattack cyberattacks")  # fmt: skip

PHRASAL: dict[tuple[str, str], Trigger] = {
    ("sit", "down"): Trigger("CONSULT"), ("call", "on"): Trigger("REQUEST"),
    ("call", "for"): Trigger("REQUEST"), ("crack", "down"): Trigger("COERCE"),
    ("pull", "out"): Trigger("RETREAT"), ("pull", "back"): Trigger("RETREAT"),
    ("back", "down"): Trigger("CONCEDE"), ("hand", "over"): Trigger("RETREAT", "release"),
    ("cut", "off"): Trigger("SANCTION", "halt"), ("call", "off"): Trigger("REJECT"),
    ("take", "over"): Trigger("COERCE", "seize"), ("lash", "out"): Trigger("ACCUSE"),
    ("speak", "out"): Trigger("ACCUSE"), ("step", "up"): Trigger("MOBILIZE"),
    ("step", "down"): Trigger("RETREAT"), ("force", "out"): Trigger("SANCTION", "expel"),
    ("kick", "out"): Trigger("SANCTION", "expel"), ("beef", "up"): Trigger("MOBILIZE"),
    ("round", "up"): Trigger("COERCE", "arrest"), ("roll", "back"): Trigger("CONCEDE", "ease"),
    ("break", "up"): Trigger("COERCE"),  # CAMEO 175, "broke up the rally"
}  # fmt: skip
"""Verb + particle (or preposition) readings that the verb alone does not have."""

MILITARY_OBJECTS = frozenset(
    [
        "troop",
        "soldier",
        "force",
        "unit",
        "warship",
        "ship",
        "jet",
        "aircraft",
        "missile",
        "weapon",
        "army",
        "brigade",
        "battalion",
        "tank",
        "submarine",
        "bomber",
        "fighter",
        "reservist",
        "reserve",
        "division",
        "regiment",
        "paratrooper",
        "marine",
        "frigate",
        "destroyer",
        "artillery",
    ]
)
"""Objects that make "sent/deployed/moved X" a show of force (MOBILIZE), not aid."""

TRUCES = frozenset(("ceasefire", "truce", "armistice", "cease-fire"))
"""Objects that make "violated X" an attack (CAMEO 196), not defiance (REJECT)."""

SHARED_KNOWLEDGE = frozenset(
    ("intelligence", "information", "data", "evidence", "expertise", "technology", "know-how")
)
"""Objects that make "share X" intelligence cooperation; "shares a border" or "shares the same
view" is no event."""

BUILD_UP = frozenset(("strengthen", "bolster", "boost", "increase", "expand", "double"))
"""Verbs that mobilise when their object is a military force: "strengthened its forces"."""

LIGHT_VERBS = frozenset(
    [
        "hold",
        "have",
        "sign",
        "conclude",
        "reach",
        "make",
        "pay",
        "impose",
        "launch",
        "conduct",
        "carry",
        "stage",
        "give",
        "provide",
        "extend",
        "offer",
        "issue",
        "file",
        "announce",
        "begin",
        "start",
        "resume",
        "open",
        "mount",
        "declare",
        "deliver",
        "undertake",
        "tighten",
        "continue",
        "order",
        "perform",
        "intensify",
        "escalate",
        "attend",  # "attended a cabinet meeting": the attendee takes part
        "join",
        "kick",  # "kicked off a visit"
        "wrap",  # "wrapped up talks"
        "complete",
        "finish",
    ]
)
"""Verbs whose object names the event ("held talks", "imposed sanctions", "launched an attack")."""
