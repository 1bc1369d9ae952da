"""PLOVER's flags on an event: negated ("did not meet", "refused to meet"), future ("will
visit", "plans to sign"), hypothetical ("could attack", conditionals, what someone is urged
to do); and the one negation that is itself an event, an announced refusal."""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsgraph.extract.eventparse import FUTURE_AUX, MODAL_AUX, Candidate
from newsgraph.extract.lexicon import words

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["announced_refusal", "flags"]

_FUTURE_HEADS = words("plan expect schedule intend prepare aim hope set due vow swear promise")
_HYPOTHETICAL_HEADS = words(
    "threaten want seek consider propose offer try hope ready willing prepared able"
)
_NEGATING_HEADS = words("refuse decline fail reject deny avoid")
# "refrained from attacking": what one holds back from did not happen
_HELD_BACK = words("refrain abstain desist")


def announced_refusal(verb: Token) -> bool:
    """ "will not lift", "would not meet their demands": negation and will/would on the verb
    itself, in a plain active statement. Not "I won't just talk like …", "what he would
    support", "so he would not be accused", nor "did not want to" (nothing said about later)."""
    kids = list(verb.children)
    return (
        any(c.dep_ == "neg" for c in kids)
        and any(c.dep_ == "aux" and c.lower_ in ("will", "would", "wo", "'ll", "’ll") for c in kids)
        and not any(c.dep_ in ("nsubjpass", "auxpass") for c in kids)
        and not any(c.dep_ == "advmod" and c.lower_ in _HEDGES for c in kids)
        and not any(t.tag_ in ("WDT", "WP", "WRB") for t in verb.subtree if t.i < verb.i)
        and verb.dep_ not in ("relcl", "acl", "advcl")
    )


_HEDGES = frozenset(("just", "only", "merely", "simply", "necessarily"))


def flags(cand: Candidate) -> tuple[bool, bool, bool]:
    verb = cand.verb
    negated = future = hypothetical = False
    chain = [verb] + ([cand.governor] if cand.governor is not None else [])
    if verb.dep_ in ("xcomp", "ccomp") and verb.head.i != verb.i and verb.head not in chain:
        chain.append(verb.head)
    elif verb.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        # "have sworn to fight" parses as a purpose clause: the vow still makes it future
        future = verb.head.lemma_.lower() in _FUTURE_HEADS
    if verb.dep_ == "pcomp" and verb.head.lower_ == "from":
        negated = verb.head.head.lemma_.lower() in _HELD_BACK
    for v in chain:
        for c in v.children:
            if c.dep_ == "neg" or (c.dep_ == "advmod" and c.lower_ == "never"):
                negated = True
            if c.dep_ == "aux" and c.lower_ in FUTURE_AUX:
                future = True
            if c.dep_ == "aux" and c.lower_ in MODAL_AUX:
                hypothetical = True
            if c.dep_ == "mark" and c.lower_ in ("if", "unless", "until", "till"):
                hypothetical = True
            if c.dep_ == "aux" and c.lower_ == "going":
                future = True
        if v is not verb:
            lemma = v.lemma_.lower()
            if lemma in _NEGATING_HEADS:
                negated = True
            if lemma in _FUTURE_HEADS:
                future = True
            if lemma in _HYPOTHETICAL_HEADS and not (lemma == "try" and v.tag_ in ("VBD", "VBN")):
                hypothetical = True  # "tried to hack" is an attempt made, not one supposed
    if cand.governor is not None and cand.governor.lemma_.lower() in (
        "urge",
        "ask",
        "call",
        "demand",
    ):
        hypothetical = True
    return negated, future, hypothetical
