"""Attribution candidates from the dependency parse: cue, source and content.

Every verb (and "according to", and a colon after a speaker) is a candidate cue. Its source is
the subject (or the agent of a passive, or the subject a participle like "adding" inherits),
its content the clausal complement, the infinitive of intent verbs, the object of stance verbs,
or the quoted stretch next to it. A split quote ("A," she said, "B.") is one candidate with two
content fragments. Which candidates are attributions is decided by `CueModel`, a logistic
model over the features each candidate carries (see scripts/train_quotes.py).
"""

from __future__ import annotations

import bisect
import json
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING

from newsgraph.extract.quotemarks import DOUBLE, SINGLE, Stretch, find_nested, find_stretches

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

NESTED_FLOOR = 0.02
NESTED_SPEECH = frozenset(
    {"say", "tell", "describe", "call", "warn", "add", "note", "write", "ask", "declare", "insist"}
)
MODEL_RESOURCE = "quote_cues.json"
_SUBJ = frozenset({"nsubj", "nsubjpass", "csubj"})
_CUE_MODS = frozenset({"aux", "auxpass", "neg"})
_PARTICIPLE_DEPS = frozenset({"advcl", "xcomp", "conj", "acl", "pcomp", "dep"})
_CLAUSE_DEPS = frozenset({"ccomp", "parataxis"})
_CONTENT_PREPS = frozenset({"about", "for", "on", "of", "against", "to", "over", "with"})
_SOURCE_CUT = frozenset({"relcl", "acl"})
_TRIM = " \t\n,;:—–-"
RELATIVE_PRONOUNS = frozenset({"who", "that", "which", "whom"})
_SEPARATORS = frozenset({",", ";", "(", ")", "—", "–", "--", ":"})
_LIGHT_PREPS = frozenset({"at", "into", "behind", "against", "on", "to", "about", "over", "with"})
_HUMAN_PRONOUNS = frozenset({"he", "she", "i", "we", "they", "who", "you"})
_IMPERSONAL = frozenset({"seem", "appear", "expect", "believe", "report", "say", "know", "think"})
ADDRESSEE_VERBS = frozenset(
    {"tell", "ask", "warn", "remind", "assure", "inform", "urge", "promise", "notify", "advise"}
)
_MARKS = DOUBLE | SINGLE

Range = tuple[int, int]
"""A [start, end) character range."""


@dataclass(slots=True)
class Candidate:
    """One possible attribution, with the features the cue model scores."""

    cue_token: int
    cue: Range
    source: Range | None
    content: list[Range]
    shape: str
    """How the content was found: ccomp, head, xcomp, dobj, prep, quote, split, according,
    colon, raising."""
    source_token: int | None = None
    direct: bool = False
    lemma: str = ""
    """Lowercased lemma of the cue token."""
    features: list[str] = field(default_factory=list)
    score: float = 0.0


def _chars(doc: Doc, start: int, end: int) -> Range:
    """Character range of tokens [start, end), without whitespace tokens at either end (the
    parser attaches paragraph breaks to phrases)."""
    while end - 1 > start and doc[end - 1].is_space:
        end -= 1
    while start < end - 1 and doc[start].is_space:
        start += 1
    last = doc[end - 1]
    return doc[start].idx, last.idx + len(last.text)


def _trim(text: str, start: int, end: int) -> Range | None:
    """Strip spaces and clause punctuation from both ends; a final stop goes too unless a
    closing quotation mark follows it (quoted content keeps its inner punctuation)."""
    while start < end and text[start] in _TRIM:
        start += 1
    while True:
        while end > start and (text[end - 1] in _TRIM or text[end - 1] == "."):
            end -= 1
        # "Russia is facing troubles, and [as the war drags on, …]": a dangling conjunction
        # where another attribution's source and cue cut the sentence.
        conj = next((c for c in (" and", " but", " or") if text.endswith(c, start, end)), None)
        if conj is None or end - len(conj) <= start:
            break
        end -= len(conj)
    if end <= start or not any(c.isalnum() for c in text[start:end]):
        return None
    return start, end


def _subtract(span: Range, holes: Iterable[Range | None]) -> list[Range]:
    pieces = [span]
    for hole in holes:
        if hole is None:
            continue
        nxt: list[Range] = []
        for s, e in pieces:
            if hole[1] <= s or hole[0] >= e:
                nxt.append((s, e))
                continue
            if s < hole[0]:
                nxt.append((s, hole[0]))
            if hole[1] < e:
                nxt.append((hole[1], e))
        pieces = nxt
    return pieces


def _cue_range(doc: Doc, verb: Token, kids: Sequence[Token]) -> tuple[int, int]:
    """Token range of the cue: the verb with its auxiliaries, negation and a particle."""
    lo = hi = verb.i
    for child in kids:
        if child.i > verb.i:
            continue
        if child.dep_ in _CUE_MODS or (child.dep_ == "advmod" and child.i == lo - 1):
            lo = min(lo, child.i)
    for child in kids:
        if child.i < verb.i:
            continue
        if child.dep_ == "prt" and child.i == hi + 1:
            hi = child.i
    # Only contiguous stretches: "has long said" keeps the adverb, "has, he said, ..." does not.
    while lo < verb.i and any(doc[k].is_punct for k in range(lo, verb.i)):
        lo += 1
    return lo, hi + 1


def _subject(verb: Token, kids: Sequence[Token] | None = None) -> Token | None:
    # The nearest one: a dateline ("CLEVELAND —") is sometimes parsed as a second subject.
    best: Token | None = None
    for child in verb.children if kids is None else kids:
        if child.dep_ in _SUBJ and (best is None or abs(child.i - verb.i) < abs(best.i - verb.i)):
            best = child
    return best


def _agent(verb: Token, kids: Sequence[Token]) -> Token | None:
    for child in kids:
        if child.dep_ == "agent":
            for obj in child.children:
                if obj.dep_ == "pobj":
                    return obj
    return None


def _human(tok: Token) -> bool:
    return (
        tok.ent_type_ in ("PERSON", "ORG", "NORP", "GPE")
        or tok.pos_ == "PROPN"
        or tok.lower_ in _HUMAN_PRONOUNS
    )


def _inherited_subject(verb: Token) -> Token | None:
    """'..., adding that …' and 'she said A and added B' share the head verb's subject. When
    the parser hangs the participle off the reported clause ("he said trade grew, noting …"),
    the speaker is further up: climb through the clause to a subject that can speak."""
    if verb.tag_ == "VBN" and verb.dep_ != "conj":
        return None  # "Asked about X, ..." is passive: the asker is not the subject
    node = verb
    first: Token | None = None
    for _ in range(4):
        if node.head.i == node.i:
            break
        if node.dep_ == "acl" and node.head.pos_ in ("PROPN", "NOUN", "PRON"):
            return node.head  # "Smith, insisting that ..., left"
        # "by stating that ...": through the preposition to the verb it modifies.
        if node.dep_ == "prep" and node.head.i != node.i:
            node = node.head
            subj = _subject(node)
            if subj is not None and _human(subj):
                return subj
            continue
        if node.dep_ not in _PARTICIPLE_DEPS and not (first is not None and node.dep_ == "ccomp"):
            break
        node = node.head
        subj = _subject(node)
        if subj is not None:
            if _human(subj):
                return subj
            first = first or subj
    return first


def _source_range(doc: Doc, head: Token, avoid: Sequence[Range]) -> Range:
    """The source noun phrase: the subject's subtree without relative clauses and without
    anything that belongs to the cue or the content."""
    lo, hi = head.left_edge.i, head.right_edge.i + 1
    for child in head.rights:
        if child.dep_ in _SOURCE_CUT:
            hi = min(hi, child.left_edge.i)
    hi = max(hi, head.i + 1)
    for child in head.lefts:
        # A comma or dash before the head ends the phrase; a hyphen inside a name does not.
        if child.dep_ == "punct" and child.text in _SEPARATORS:
            lo = max(lo, child.i + 1)
    start, end = _chars(doc, lo, hi)
    for a, b in avoid:
        if a <= doc[head.i].idx < b:
            return _chars(doc, head.i, head.i + 1)
        if a < end and b > start:
            if b <= doc[head.i].idx:
                start = b
            else:
                end = min(end, a)
    return start, end


class _Context:
    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.text = doc.text
        self.stretches = find_stretches(self.text)

        self.stretch_ends = [s.end for s in self.stretches]
        self._nested: dict[Stretch, list[Stretch]] = {}
        # Token.sent scans the Doc on every call; one pass here gives each token its sentence.
        self.sent_of: list[Range] = [(0, 0)] * len(doc)
        self.sent_bounds: list[tuple[int, int]] = [(0, 0)] * len(doc)
        from spacy.attrs import HEAD, IDX, SENT_START

        # HEAD is a signed offset stored unsigned: view it as int64 before adding.
        arrays = doc.to_array([SENT_START, HEAD, IDX]).astype("int64").tolist() if len(doc) else []
        self.tok_starts: list[int] = [row[2] for row in arrays]
        self.head_of: list[int] = [i + row[1] for i, row in enumerate(arrays)]
        starts = [i for i, row in enumerate(arrays) if row[0] == 1]
        if not starts or starts[0] != 0:
            starts.insert(0, 0)
        for start, end in zip(starts, [*starts[1:], len(doc)], strict=True):
            if start >= end:
                continue
            rng = _chars(doc, start, end)
            for k in range(start, end):
                self.sent_of[k] = rng
                self.sent_bounds[k] = (start, end)

    def sentence(self, i: int) -> Range:
        return self.sent_of[i]

    def nested(self, q: Stretch) -> list[Stretch]:
        if q not in self._nested:
            self._nested[q] = find_nested(self.text, q)
        return self._nested[q]

    def stretch_after(self, pos: int) -> Stretch | None:
        """The quoted stretch that starts right after pos, with only spaces (no paragraph
        break) between."""
        i = bisect.bisect_right(self.stretch_ends, pos)
        if i < len(self.stretches):
            q = self.stretches[i]
            gap = self.text[pos : q.start]
            if q.start >= pos and not gap.strip() and "\n" not in gap:
                return q
        return None

    def stretch_at(self, pos: int) -> Stretch | None:
        i = bisect.bisect_right(self.stretch_ends, pos)
        if i < len(self.stretches) and self.stretches[i].start <= pos:
            return self.stretches[i]
        return None

    def expand_to_quotes(
        self, pieces: list[Range], cue: Range | None = None
    ) -> tuple[list[Range], bool]:
        """Grow each piece to the whole quoted stretches it overlaps; True if any is quoted.
        A stretch around the cue itself is the speaker's own quote: inside it, only the
        single-quoted stretches nested in it count (a speaker quoting someone else)."""
        out: list[Range] = []
        direct = False
        for s, e in pieces:
            i = bisect.bisect_right(self.stretch_ends, s)
            while i < len(self.stretches) and self.stretches[i].start < e:
                q = self.stretches[i]
                i += 1
                if cue is not None and q.start <= cue[0] < q.end:
                    for n in self.nested(q):
                        if n.start < e and s < n.end:
                            direct = True
                            s, e = min(s, n.start), max(e, n.end)
                    continue
                direct = True
                s, e = min(s, q.start), max(e, q.end)
            out.append((s, e))
        return out, direct

    def content(self, pieces: list[Range], holes: Sequence[Range | None]) -> list[Range]:
        out: list[Range] = []
        for s, e in pieces:
            for a, b in _subtract((s, e), holes):
                trimmed = self._trim_keep_quotes(a, b)
                if trimmed is not None:
                    out.append(trimmed)
        return out

    def _trim_keep_quotes(self, start: int, end: int) -> Range | None:
        text = self.text
        # A piece that ends with a closing quotation mark keeps the stop or comma inside it.
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start and text[end - 1] in _MARKS and self.stretch_at(end - 1) is not None:
            s = start
            while s < end and text[s] in _TRIM:
                s += 1
            return (s, end) if any(c.isalnum() for c in text[s:end]) else None
        return _trim(text, start, end)


def _clause_content(
    ctx: _Context, verb: Token, kids: Sequence[Token]
) -> tuple[list[Range], str] | None:
    """Content from the dependency structure around a cue verb."""
    doc = ctx.doc
    rights = [c for c in kids if c.i > verb.i]
    for child in kids:
        if child.dep_ in _CLAUSE_DEPS and child.i != verb.i:
            end = child.right_edge.i + 1
            if child.i > verb.i:
                # "said X is facing troubles, and the ruble has hit a low": the parser often
                # coordinates the second reported clause with the cue; it is reported too.
                for sib in rights:
                    if sib.dep_ == "conj" and sib.i > child.i and _subject(sib) is not None:
                        end = max(end, sib.right_edge.i + 1)
            return [_chars(doc, child.left_edge.i, end)], "ccomp"
    for child in kids:
        if child.dep_ == "xcomp" and any(
            g.dep_ == "aux" and g.lower_ == "to" for g in child.children
        ):
            return [_chars(doc, child.left_edge.i, child.right_edge.i + 1)], "xcomp"
    objects = [c for c in rights if c.dep_ in ("dobj", "dative")]
    if objects:
        # "accused X of lying", "thanked X for coming": the reason is the content, with its
        # preposition; "told X" and "asked X" name the addressee, not the content.
        for child in rights:
            if (
                child.dep_ == "prep"
                and child.i > objects[0].i
                and child.lower_ in ("of", "for")
                and any(g.dep_ in ("pobj", "pcomp") for g in child.children)
            ):
                return [_chars(doc, child.i, child.right_edge.i + 1)], "reason"
    addressed = verb.lemma_.lower() in ADDRESSEE_VERBS
    for child in kids:
        if addressed and child.dep_ in ("dobj", "dative"):
            continue
        if child.dep_ in ("dobj", "attr", "oprd") and child.pos_ in (
            "NOUN",
            "PROPN",
            "PRON",
            "NUM",
        ):
            end = child.right_edge.i + 1
            for sib in rights:
                if sib.dep_ in ("oprd", "ccomp", "xcomp") and sib.i > child.i:
                    end = max(end, sib.right_edge.i + 1)
            return [_chars(doc, child.left_edge.i, end)], "dobj"
    for child in rights:
        if child.dep_ == "prep" and child.lower_ in _CONTENT_PREPS:
            for obj in child.children:
                if obj.dep_ in ("pobj", "pcomp"):
                    return [_chars(doc, obj.left_edge.i, obj.right_edge.i + 1)], "prep"
    if verb.dep_ == "relcl" and verb.head.pos_ in ("NOUN", "PROPN"):
        # "the approach they embraced": the noun the relative clause modifies.
        head, subj = verb.head, _subject(verb, kids)
        object_gap = any(
            c.dep_ in ("dobj", "pobj") and c.lower_ in ("that", "which", "what") for c in kids
        ) or not any(c.dep_ in ("dobj", "ccomp") for c in kids)
        if object_gap and subj is not None and subj.lower_ not in RELATIVE_PRONOUNS:
            return [_chars(doc, head.left_edge.i, verb.left_edge.i)], "relhead"
    # "A, he said": the parser sometimes hangs the cue off the reported clause instead.
    if verb.dep_ in _CLAUSE_DEPS and verb.head.i != verb.i:
        head = verb.head
        return [_chars(doc, head.left_edge.i, head.right_edge.i + 1)], "head"
    return None


def _adjacent_stretches(ctx: _Context, verb: Token, holes: Sequence[Range]) -> list[Stretch]:
    """Quoted stretches in the cue's sentence, plus one right after it when the sentence
    ends with a colon ("she said:" is often parsed as a sentence of its own)."""
    sent_start, sent_end = ctx.sentence(verb.i)
    lo = min([sent_start, *(h[0] for h in holes)])
    hi = max([sent_end, *(h[1] for h in holes)])
    found: list[Stretch] = []
    i = bisect.bisect_left(ctx.stretch_ends, lo + 1)
    while i < len(ctx.stretches) and ctx.stretches[i].start < hi:
        found.append(ctx.stretches[i])
        i += 1
    if (
        i < len(ctx.stretches)
        and _only_punct(ctx.text, hi, ctx.stretches[i].start)
        and ":" in ctx.text[hi - 2 : ctx.stretches[i].start]
    ):
        found.append(ctx.stretches[i])
    return found


def _light_verb_object(verb: Token, kids: Sequence[Token]) -> Token | None:
    """'took a swipe at X', 'threw their support behind X': a verb, its object, a preposition;
    X is what the stance is about."""
    obj = next((c for c in kids if c.dep_ == "dobj" and c.i > verb.i), None)
    if obj is None:
        return None
    for prep_heads in (list(obj.rights), [c for c in kids if c.i > verb.i]):
        for prep in prep_heads:
            if prep.dep_ == "prep" and prep.i > obj.i and prep.lower_ in _LIGHT_PREPS:
                pobj = next((g for g in prep.children if g.dep_ in ("pobj", "pcomp")), None)
                if pobj is not None:
                    return pobj
    return None


def _verb_candidates(ctx: _Context, verb: Token) -> list[Candidate]:
    """The readings of one cue verb: the content the parse gives, a light-verb object ("took a
    swipe at X") and, for a cue inside a quotation, the single-quoted words it introduces.
    The cue model scores each; `select` keeps at most one per cue."""
    doc = ctx.doc
    kids = list(verb.children)
    lo, hi = _cue_range(doc, verb, kids)
    passive = any(c.dep_ == "auxpass" for c in kids)
    subj = _subject(verb, kids)
    source_tok: Token | None
    raising = False
    if passive:
        source_tok = _agent(verb, kids)
        raising = source_tok is None and subj is not None
    else:
        source_tok = subj if subj is not None else _inherited_subject(verb)
    lemma = verb.lemma_.lower()
    if (
        lemma in ("seem", "appear")
        and subj is not None
        and any(c.dep_ in ("xcomp", "acomp", "attr") for c in kids)
    ):
        raising, source_tok = True, None
    if source_tok is not None and (
        source_tok.dep_ == "expl" or (source_tok.lower_ == "it" and lemma in _IMPERSONAL)
    ):
        source_tok = None  # "it appears that", "it is expected that": no one is named
    if source_tok is not None and lo <= source_tok.i < hi:
        source_tok = None

    found = _clause_content(ctx, verb, kids)
    cue = _chars(doc, lo, hi)
    options: list[tuple[list[Range], str]] = []
    if raising and subj is not None:
        content = [_chars(doc, subj.left_edge.i, subj.right_edge.i + 1)]
        rest = [
            c
            for c in kids
            if c.i > verb.i and c.dep_ in ("xcomp", "ccomp", "acomp", "attr", "prep")
        ]
        if rest:
            content.append(_chars(doc, rest[0].left_edge.i, rest[-1].right_edge.i + 1))
        elif found:
            content.extend(found[0])
        options.append((content, "raising"))
    elif found is not None:
        options.append(found)
    else:
        options.append(([], "none"))
    obj = _light_verb_object(verb, kids)
    if obj is not None:
        options.append(([_chars(doc, obj.left_edge.i, obj.right_edge.i + 1)], "light"))
    enclosing = ctx.stretch_at(cue[0])
    if enclosing is not None:
        # "..., like what Biden described, 'a ticking time bomb,'": a speaker quoting someone.
        for n in ctx.nested(enclosing):
            if n.start >= cue[1] and _only_punct(ctx.text, cue[1], n.start):
                options.insert(0, ([(n.start, n.end)], "nested"))
                break
    out: list[Candidate] = []
    for content, shape in options:
        cand = _build(ctx, verb, cue, source_tok, content, shape)
        if cand is not None:
            out.append(cand)
    return out


def _build(
    ctx: _Context,
    verb: Token,
    cue: Range,
    source_tok: Token | None,
    content: list[Range],
    shape: str,
) -> Candidate | None:
    doc = ctx.doc
    source = None
    if source_tok is not None:
        source = _source_range(doc, source_tok, [cue] if shape == "head" else [cue, *content])
    holes: list[Range | None] = [cue, source]
    # The verb's own subtree is not content when the content is the clause it hangs off.
    if shape == "head":
        holes.append(_chars(doc, verb.left_edge.i, verb.right_edge.i + 1))
    stretches = _adjacent_stretches(ctx, verb, [cue])
    direct = False
    if content:
        content, direct = ctx.expand_to_quotes(content, cue)
    # Split quote: "A," she said, "B." -- quoted stretches on both sides of the cue clause.
    # The cue's own clause: its source counts only when it is the cue's own subject ("X said"),
    # not one inherited by a participle ('"Q," X said, adding that Y' -- Q is not added).
    own = source if source_tok is not None and source_tok.head.i == verb.i else None
    clause_lo = min(cue[0], own[0] if own else cue[0])
    clause_hi = max(cue[1], own[1] if own else cue[1])
    before = [q for q in stretches if q.end <= clause_lo]
    after = [q for q in stretches if q.start >= clause_hi]
    text = ctx.text
    if before and _only_punct(text, before[-1].end, clause_lo):
        q = before[-1]
        if not any(s <= q.start and e >= q.end for s, e in content):
            # '"Q," he joked at the museum': the quote, not the object, is what was said.
            keep = shape not in ("dobj", "prep", "light")
            content = [c for c in content if keep and not (c[0] >= q.start and c[1] <= q.end)]
            content.append((q.start, q.end))
        direct = True
        if (
            after
            and _only_punct(text, clause_hi, after[0].start)
            and not any(s <= after[0].start < e for s, e in content)
        ):
            content.append((after[0].start, after[0].end))
            shape = "split"
        elif shape == "none":
            shape = "quote"
        if shape != "split":
            # '"A," she said, according to X. "B."' -- the quotation resumes right after the
            # cue's sentence, in the same paragraph: one attribution, as a split quote is.
            nxt = ctx.stretch_after(ctx.sentence(verb.i)[1])
            if nxt is not None and not any(s <= nxt.start < e for s, e in content):
                content.append((nxt.start, nxt.end))
                shape = "cont"
    elif after and _only_punct(text, clause_hi, after[0].start):
        q = after[0]
        if not content or shape in ("none", "dobj", "prep"):
            content = [(q.start, q.end)]
            shape = "quote" if shape == "none" else shape
        direct = True
    if not content:
        return None
    pieces = ctx.content(sorted(set(content)), holes)
    if not pieces:
        return None
    return Candidate(
        cue_token=verb.i,
        cue=cue,
        source=source,
        content=_merge(pieces),
        shape=shape,
        source_token=source_tok.i if source_tok is not None else None,
        direct=direct,
    )


def _only_punct(text: str, a: int, b: int) -> bool:
    if b < a:
        return False
    gap = text[a:b]
    return len(gap) <= 4 and not any(c.isalnum() for c in gap)


def _merge(pieces: list[Range]) -> list[Range]:
    out: list[Range] = []
    for s, e in sorted(pieces):
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out


def _according(ctx: _Context, tok: Token) -> Candidate | None:
    """'…, according to X' and 'According to X, …': X is the source, the clause the phrase
    modifies is the content."""
    doc = ctx.doc
    to = next((c for c in tok.children if c.lower_ == "to"), None)
    if to is None and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
        to = doc[tok.i + 1]
    if to is None:
        return None
    obj = next((c for c in to.children if c.dep_ == "pobj"), None)
    cue = _chars(doc, tok.i, to.i + 1)
    phrase = _chars(doc, tok.left_edge.i, tok.right_edge.i + 1)
    phrase = (
        min(phrase[0], cue[0]),
        max(phrase[1], obj.right_edge.idx + len(obj.right_edge) if obj is not None else cue[1]),
    )
    source = _source_range(doc, obj, [cue]) if obj is not None else None
    head = tok.head if tok.head.i != tok.i else tok
    while head.dep_ not in ("ROOT",) and head.head.i != head.i and head.pos_ not in ("VERB", "AUX"):
        head = head.head
    if head.i == tok.i:
        span = ctx.sentence(tok.i)
    else:
        span = _chars(doc, head.left_edge.i, head.right_edge.i + 1)
    pieces, direct = ctx.expand_to_quotes(_subtract(span, [phrase]), cue)
    content = ctx.content(pieces, [phrase])
    if not content:
        return None
    return Candidate(
        cue_token=tok.i,
        cue=cue,
        source=source,
        content=_merge(content),
        shape="according",
        source_token=obj.i if obj is not None else None,
        direct=direct,
    )


def _colon(ctx: _Context, tok: Token) -> Candidate | None:
    """'Speaker: "…"' -- a short noun phrase without a verb, a colon, then what they said."""
    doc = ctx.doc
    sent_start, sent_end = ctx.sent_bounds[tok.i]
    # The speaker starts the sentence, or follows a dash ("Pollsters agree - Ann Lee: “…”").
    start = sent_start
    for k in range(tok.i - 1, sent_start, -1):
        if doc[k].text in ("-", "—", "–", "--"):
            start = k + 1
            break
    if tok.i - start > 6 or tok.i == start or tok.i + 1 >= len(doc):
        return None
    left = doc[start : tok.i]
    if not any(t.pos_ in ("PROPN", "NOUN", "PRON") for t in left) or any(
        t.pos_ in ("VERB", "AUX") for t in left
    ):
        return None
    after = tok.i + 1
    while after < len(doc) - 1 and doc[after].is_space:
        after += 1
    q = ctx.stretch_at(doc[after].idx)
    if q is not None:
        content, direct, shape = (q.start, q.end), True, "colon"
    else:
        if tok.i + 1 >= sent_end:
            return None
        content, direct, shape = _chars(doc, tok.i + 1, sent_end), False, "colon_plain"
    pieces = ctx.content([content], [])
    if not pieces:
        return None
    return Candidate(
        cue_token=tok.i,
        cue=_chars(doc, tok.i, tok.i + 1),
        source=_chars(doc, left.start, left.end),
        content=pieces,
        shape=shape,
        source_token=left.root.i,
        direct=direct,
    )


def _noun_candidate(ctx: _Context, tok: Token) -> Candidate | None:
    """Stance nouns and adjectives with a prepositional object: "his criticism of X",
    "supporters of X", "is uncomfortable on X". The cue is the word with its preposition."""
    doc = ctx.doc
    prep = next((c for c in tok.rights if c.dep_ == "prep" and c.lower_ in _CONTENT_PREPS), None)
    if prep is None or prep.i > tok.i + 2:
        return None
    obj = next((g for g in prep.children if g.dep_ in ("pobj", "pcomp")), None)
    if obj is None:
        return None
    cue = _chars(doc, tok.i, prep.i + 1)
    content = ctx.content([_chars(doc, obj.left_edge.i, obj.right_edge.i + 1)], [])
    if not content:
        return None
    src = next((c for c in tok.children if c.dep_ == "poss"), None)
    if src is None and tok.dep_ in ("attr", "dobj", "acomp", "pobj", "nsubj"):
        node = tok.head
        for _ in range(4):
            if node.head.i == node.i or not (
                node.dep_ == "prep" or node.pos_ in ("NOUN", "NUM", "PRON")
            ):
                break
            node = node.head
        if tok.dep_ != "nsubj":
            src = _subject(node)
    source = _source_range(doc, src, [cue, *content]) if src is not None else None
    pieces, direct = ctx.expand_to_quotes(content, cue)
    return Candidate(
        cue_token=tok.i,
        cue=cue,
        source=source,
        content=ctx.content(pieces, [cue]) or content,
        shape="noun",
        source_token=src.i if src is not None else None,
        direct=direct,
    )


def _features(c: Candidate, ctx: _Context, in_quote: bool) -> list[str]:
    doc, text = ctx.doc, ctx.text
    tok = doc[c.cue_token]
    lemma = tok.lemma_.lower()
    src = doc[c.source_token] if c.source_token is not None else None
    src_kind = "none" if src is None else src.pos_
    if src is not None and src.ent_type_:
        src_kind = "ent_" + src.ent_type_
    n_words = sum(1 for s, e in c.content for _ in text[s:e].split())
    size = "1" if n_words <= 2 else "s" if n_words <= 5 else "m" if n_words <= 15 else "l"
    # Tokens of the first content piece, found on plain int arrays: Span.root walks every
    # token to the sentence root, while the first token whose head lies outside the piece is
    # the same for a parse subtree and far cheaper.
    lo = bisect.bisect_right(ctx.tok_starts, c.content[0][0]) - 1
    hi = bisect.bisect_left(ctx.tok_starts, c.content[0][1])
    first_word = ""
    root: Token | None = None
    if 0 <= lo < hi:
        first_word = doc[lo].lower_
        heads = ctx.head_of
        root_i = next((i for i in range(lo, hi) if not lo <= heads[i] < hi or heads[i] == i), lo)
        root = doc[root_i]
    order = "cb" if c.cue[0] < c.content[0][0] else "ca"
    feats = [
        "bias",
        f"lemma={lemma}",
        f"shape={c.shape}",
        f"lemma_shape={lemma}|{c.shape}",
        f"dep={tok.dep_}",
        f"tag={tok.tag_}",
        f"src={src_kind}",
        f"lemma_src={lemma}|{'y' if src is not None else 'n'}",
        f"size={size}",
        f"shape_size={c.shape}|{size}",
        f"direct={c.direct}",
        f"lemma_direct={lemma}|{c.direct}",
        f"first={first_word if first_word in ('that', 'to', 'whether', 'if', 'how', 'what', 'why') else 'x'}",
        f"lemma_first={lemma}|{first_word if first_word in ('that', 'to', 'whether', 'if') else 'x'}",
        f"order={order}",
        f"shape_order={c.shape}|{order}",
        f"frag={min(len(c.content), 3)}",
    ]
    if src is not None:
        feats.append(f"src_lower={src.lower_}" if src.pos_ == "PRON" else f"src_pos={src.pos_}")
        feats.append(f"lemma_srcpos={lemma}|{src.pos_}")
        human = src.ent_type_ in ("PERSON", "NORP", "ORG") or src.lower_ in _HUMAN_PRONOUNS
        feats.append(f"lemma_human={lemma}|{human}")
        feats.append(f"src_lemma={src.lemma_.lower()}")
    feats.append(f"lemma_dep={lemma}|{tok.dep_}")
    feats.append(f"lemma_tag={lemma}|{tok.tag_}")
    feats.append(f"shape_dep={c.shape}|{tok.dep_}")
    feats.append(f"in_quote={in_quote}")
    feats.append(f"lemma_in_quote={lemma}|{in_quote}")
    if root is not None:
        feats.append(f"content_root={root.pos_}|{root.ent_type_}")
        feats.append(f"lemma_content_root={lemma}|{root.pos_}")
    if tok.i > 0:
        feats.append(f"prev={doc[tok.i - 1].lower_}")
    if tok.i + 1 < len(doc):
        feats.append(f"next={doc[tok.i + 1].lower_}")
    return feats


def candidates(doc: Doc, lemmas: frozenset[str] | None = None) -> list[Candidate]:
    """Attribution candidates in the Doc, with features, unscored. With `lemmas`, only verbs,
    nouns and adjectives with one of those lemmas are tried (the cue model's vocabulary)."""
    from spacy.attrs import LEMMA, LOWER, POS
    from spacy.symbols import ADJ, NOUN, VERB

    ctx = _Context(doc)
    out: list[Candidate] = []
    strings = doc.vocab.strings
    according, colon = strings.add("according"), strings.add(":")
    # Plain ints, not Token objects, for the many tokens that cannot be cues.
    pos, lemma_ids, lowers = (
        doc.to_array([POS, LEMMA, LOWER]).T.tolist() if len(doc) else ([], [], [])
    )
    for i, (p, lemma_id, lower) in enumerate(zip(pos, lemma_ids, lowers, strict=True)):
        if lower == according:
            kind = "according"
        elif lower == colon:
            kind = "colon"
        elif p in (VERB, NOUN, ADJ):
            if lemmas is not None and strings[lemma_id].lower() not in lemmas:
                continue
            kind = "verb" if p == VERB else "noun"
        else:
            continue
        tok = doc[i]
        found: list[Candidate] = []
        if kind == "according":
            found = [c for c in (_according(ctx, tok),) if c is not None]
        elif kind == "verb":
            found = _verb_candidates(ctx, tok)
        elif kind == "colon":
            found = [c for c in (_colon(ctx, tok),) if c is not None]
        else:
            found = [c for c in (_noun_candidate(ctx, tok),) if c is not None]
        if not found:
            continue
        q = ctx.stretch_at(tok.idx)
        for cand in found:
            cand.lemma = tok.lemma_.lower()
            in_quote = q is not None and not any(s <= q.start < e for s, e in cand.content)
            cand.features = _features(cand, ctx, in_quote)
            out.append(cand)
    return out


class CueModel:
    """Logistic regression over candidate features; weights trained on PolNeAR train."""

    def __init__(
        self,
        weights: dict[str, float],
        threshold: float,
        lemmas: frozenset[str] | None = None,
    ) -> None:
        self.weights = weights
        self.threshold = threshold
        self.lemmas = lemmas
        """Cue lemmas worth trying: those that scored near the threshold in training."""

    def score(self, features: Sequence[str]) -> float:
        z = sum(self.weights.get(f, 0.0) for f in features)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


@cache
def load_cue_model() -> CueModel:
    data = json.loads(
        resources.files("newsgraph.data").joinpath(MODEL_RESOURCE).read_text(encoding="utf-8")
    )
    lemmas = data.get("lemmas")
    return CueModel(
        data["weights"], data["threshold"], frozenset(lemmas) | NESTED_SPEECH if lemmas else None
    )


def _inside(r: Range, pieces: Sequence[Range]) -> bool:
    return any(s <= r[0] and r[1] <= e for s, e in pieces)


def _overlaps(a: Sequence[Range], b: Sequence[Range]) -> bool:
    return any(s < f and t < e for s, e in a for t, f in b)


def _box(c: Candidate) -> Range:
    """The stretch of text a candidate touches: no two candidates interact outside it."""
    return (
        min(c.cue[0], c.content[0][0]),
        max(c.cue[1], c.content[-1][1]),
    )


def select(cands: Sequence[Candidate], threshold: float) -> list[tuple[Candidate, int | None]]:
    """Candidates at or above the threshold, best first, each with the index (into the
    returned list) of the attribution it is nested in, or None.

    A candidate whose cue lies inside a kept content is reported speech inside reported
    speech: kept, nested. Otherwise a candidate whose content overlaps a kept one's, or whose
    cue or source is a kept one's, lost to a better-scored reading and is dropped.
    """
    kept: list[tuple[Candidate, Range]] = []

    def near(box: Range) -> list[Candidate]:
        return [k for k, kb in kept if kb[0] < box[1] and box[0] < kb[1]]

    for c in sorted((c for c in cands if c.score >= threshold), key=lambda c: -c.score):
        box = _box(c)
        clash = False
        for k in near(box):
            inner, outer = _inside(c.cue, k.content), _inside(k.cue, c.content)
            if inner and outer:
                clash = True  # each inside the other: two readings of one sentence
                break
            if inner or outer:
                continue
            if (
                _overlaps(c.content, k.content)
                or _overlaps([c.cue], [k.cue])
                or _overlaps([c.cue], k.content)
                or _overlaps([k.cue], c.content)
            ):
                clash = True
                break
        if not clash:
            kept.append((c, box))
    # Reported speech inside a kept content ("..., like what Biden described, 'a ticking
    # time bomb'"): the model, trained on top-level attributions only, scores it low, so a
    # speech verb with its own content is enough.
    for c in cands:
        if c.score >= threshold or c.lemma not in NESTED_SPEECH:
            continue
        if c.score < NESTED_FLOOR and c.shape != "nested":
            continue
        box = _box(c)
        around = near(box)
        hosts = [k for k in around if _inside(c.cue, k.content)]
        if not hosts or any(_inside(k.cue, c.content) for k in hosts):
            continue
        if any(
            _overlaps([c.cue], [k.cue]) or (_overlaps(c.content, k.content) and k not in hosts)
            for k in around
        ):
            continue
        if any(
            _inside(k.cue, hosts[0].content) and _overlaps(c.content, k.content)
            for k in around
            if k is not hosts[0]
        ):
            continue
        kept.append((c, box))
    kept.sort(key=lambda kb: (kb[0].content[0][0], kb[0].cue[0]))
    out: list[tuple[Candidate, int | None]] = []
    for c, _ in kept:
        parents = [
            i
            for i, (k, kb) in enumerate(kept)
            if k is not c and kb[0] <= c.cue[0] < kb[1] and _inside(c.cue, k.content)
        ]
        # The innermost container is the parent: the one with the shortest content.
        parent = min(parents, key=lambda i: sum(e - s for s, e in kept[i][0].content), default=None)
        out.append((c, parent))
    return out


def find_attributions(
    doc: Doc, model: CueModel | None = None
) -> list[tuple[Candidate, int | None]]:
    """Scored and selected attributions (see `select`), in text order."""
    model = model or load_cue_model()
    cands = candidates(doc, model.lemmas)
    for c in cands:
        c.score = model.score(c.features)
    return select(cands, model.threshold)
