"""Scoring for bench/events.py: pure functions over gold rows and predicted events.

Nothing here loads a model or reads a file; bench/events.py runs the system under test and
feeds these functions, and tests/test_events_scoring.py checks them on invented cases.

(A) Typing given the actor pair (PLV_test): the markers were put in by string replacement, so
every occurrence of a name is marked, also inside longer words ("<s>Jordan</s>ian") and inside
the other participant ("<s><t>Serbia</t>n President …</s>"): the first whole-word marked
occurrence that does not overlap the already chosen source is taken. Two targets lost their
markers to the source inside them ("<s>Croatia</s>n extremists") and are found by their column
text. 12 rows have a placeholder participant ("a recipient", "An actor"), passed as the empty
span (0, 0). Our CONCEDE and RETREAT become YIELD; accuracy and macro-F1 are over the 15 gold
classes (a prediction outside them is simply wrong). Quad follows the set's own convention:
YIELD is 2, every other type takes its PLOVER quad (SANCTION 4); cooperation vs conflict is
quad 1-2 vs 3-4.

(B) End to end (PLOVER GSR): negated events are dropped first (PLOVER does not code what did
not happen). Only recall@sentence is scored, since the gold codes one of possibly several events:
- type: some event has the gold type; quad: some event has the gold quad;
- actor: one event of the gold type matches every gold actor (compound actors: all members;
  the one record with no gold actor needs only the type);
- tuple: that event also matches every gold recipient; an empty gold recipient asks nothing,
  and a predicted recipient there is only counted as "extra recipient".
A gold member is matched by a predicted participant when (a) a span of it (the event's
actor/recipient span, or a mention of its entity) overlaps the gold text with the same head
(the prediction's last word is the gold's last word or the gold's syntactic head in a spaCy
parse of the text: "two ex-ministers who served in …" is headed by "ex-ministers") or word
IoU >= 0.5, or (b) the codes agree: same country
(gold CAMEO codes mapped by bench/entities.py, JAP -> JPN …; a gold IGO/NGO/IMG/ISM, which
names only the category, takes any organisation code) and, when the gold has a sector, the
same primary sector (its first 3 letters, CIV read as CVL; "***" is not scored). Gold texts
are found in the ingested text by search (case-sensitive, then not; "U.S. ... negotiators"
spans its parts); a text not found can only match by code. Reciprocal gold (SRC/TAR markup,
or AGREE/CONSULT/COOPERATE with no recipient) compares unordered participant sets: actors and
recipients on both sides; so does a predicted event with several actors and no recipient
(the extractor's mutual reading, "A and B signed a deal"), against any gold. Member recall counts matched members of the best event; country
and sector recall count gold members whose code alone (country; country and sector) is met by
a participant of some event of the gold type, on the same sides as above.

(C) Regression (PETR-2 validation, silver CAMEO codes mapped to PLOVER). Agreement only, no
recall penalty: dyadic pairs (A->B and B->A, same CAMEO code) are first collapsed into one
reciprocal event; events mapped to DROPPED (CAMEO 01/02) are not scored. Event agreement: some
event has the gold type. Actor-country agreement: the gold source country (first 3 letters;
IGO-prefixed codes also accept their later groups, IGOUNO -> UNO; "---" is not scored) is
among the countries of the actors of any event, for a reciprocal event both parties among
actors and recipients.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import IO, Any

from bench.entities import CAMEO_TO_ISO, TRANSNATIONAL, gold_country, gold_sector, ratio

Span = tuple[int, int]
"""Half-open character offsets."""

PLV_CLASSES = (
    "AGREE", "CONSULT", "SUPPORT", "YIELD", "COOPERATE", "AID", "REQUEST", "ACCUSE",
    "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)  # fmt: skip
RECIPROCAL_TYPES = frozenset({"AGREE", "CONSULT", "COOPERATE"})
_PLACEHOLDERS = frozenset({"a recipient", "an actor"})
_MARKER = re.compile(r"</?([st])>")
_WORD = re.compile(r"\w+")
_ELLIPSIS = re.compile(r"\s*\.{2,}\s*")


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


# ------------------------------------------------------------------ (A) PLV typing


def parse_marked(marked: str) -> tuple[str, dict[str, list[Span]]]:
    """The plain sentence, and the spans of every <s>…</s> and <t>…</t> in it (may nest)."""
    plain: list[str] = []
    pos = last = 0
    opened: dict[str, int] = {}
    spans: dict[str, list[Span]] = {"s": [], "t": []}
    for m in _MARKER.finditer(marked):
        plain.append(marked[last : m.start()])
        pos += m.start() - last
        last = m.end()
        tag = m.group(1)
        if not m.group(0).startswith("</"):
            opened[tag] = pos
        elif tag in opened:
            spans[tag].append((opened.pop(tag), pos))
    plain.append(marked[last:])
    return "".join(plain), spans


def _trim(text: str, span: Span) -> Span:
    start, end = span
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _whole_word(text: str, span: Span) -> bool:
    start, end = span
    return not (start > 0 and text[start - 1].isalnum()) and not (
        end < len(text) and text[end].isalnum()
    )


def choose_span(
    text: str, marked: Sequence[Span], name: str = "", avoid: Span | None = None
) -> Span:
    """The marked occurrence meant as the participant, else where `name` is; else (0, 0)."""
    spans = [_trim(text, s) for s in marked]
    for span in spans:
        clash = avoid is not None and span[0] < avoid[1] and avoid[0] < span[1]
        if _whole_word(text, span) and not clash:
            return span
    if spans:
        return spans[0]
    # A name containing the other one lost its markers to it ("<s>Croatia</s>n extremists").
    if name.strip().lower() not in _PLACEHOLDERS and (found := locate(text, name)):
        return found
    return (0, 0)


def pair_offsets(
    marked_sentence: str, source: str = "", target: str = ""
) -> tuple[str, Span, Span]:
    """Plain sentence, source span and target span of one PLV row (with its source and target
    columns, used only when a participant has no marker)."""
    text, spans = parse_marked(marked_sentence)
    src = choose_span(text, spans["s"], source)
    return text, src, choose_span(text, spans["t"], target, avoid=src)


def to_plv(label: str) -> str:
    return "YIELD" if label in ("CONCEDE", "RETREAT") else label


def plv_quad(label: str, quad: Mapping[str, int]) -> int | None:
    """Quad in PLV's convention: YIELD is material cooperation (PLOVER puts CONCEDE in 1)."""
    label = to_plv(label)
    return 2 if label == "YIELD" else quad.get(label)


@dataclass(frozen=True, slots=True)
class ClassScores:
    accuracy: float
    macro_f1: float
    per_class: dict[str, tuple[float, float, float, int]]
    """Class -> precision, recall, F1, gold support."""
    confusion: Counter[tuple[str, str]]


def classification_scores(
    gold: Sequence[str], pred: Sequence[str], classes: Sequence[str]
) -> ClassScores:
    """Accuracy and macro-F1 over `classes`; a prediction outside them counts only as a miss."""
    confusion = Counter(zip(gold, pred, strict=True))
    per_class = {}
    for c in classes:
        tp = confusion[(c, c)]
        p = tp / n if (n := sum(v for (_, pr), v in confusion.items() if pr == c)) else 0.0
        r = tp / n if (n := sum(v for (g, _), v in confusion.items() if g == c)) else 0.0
        per_class[c] = (p, r, _f1(p, r), n)
    correct = sum(v for (g, p), v in confusion.items() if g == p)
    return ClassScores(
        accuracy=ratio(correct, len(gold)),
        macro_f1=round(sum(f for _, _, f, _ in per_class.values()) / len(classes), 4),
        per_class=per_class,
        confusion=confusion,
    )


def print_confusion(scores: ClassScores, classes: Sequence[str], out: IO[str]) -> None:
    cols = [*classes, *sorted({p for _, p in scores.confusion} - set(classes))]
    print("plv confusion (rows gold, columns predicted):", file=out)
    print(" " * 10 + "".join(f"{c[:4]:>5}" for c in cols), file=out)
    for g in classes:
        cells = "".join(f"{scores.confusion[(g, p)] or '.':>5}" for p in cols)
        print(f"{g:10}{cells}", file=out)


# ------------------------------------------------------------------ matching (B, C)


def word_spans(text: str) -> list[Span]:
    return [m.span() for m in _WORD.finditer(text)]


def _words_in(span: Span, words: Sequence[Span]) -> set[int]:
    return {i for i, (a, b) in enumerate(words) if a < span[1] and b > span[0]}


def span_match(pred: Span, gold: Span, words: Sequence[Span], head: Span | None = None) -> bool:
    """Same last word (the head of an English NP, mostly), the prediction's last word the gold's
    syntactic `head` ("two ex-ministers who served …": "ex-ministers"), or word IoU >= 0.5."""
    p, g = _words_in(pred, words), _words_in(gold, words)
    if not p or not g:
        return False
    if head is not None and max(p) in _words_in(head, words) and max(p) in g:
        return True
    return max(p) == max(g) or len(p & g) / len(p | g) >= 0.5


def _find(text: str, phrase: str, start: int) -> Span | None:
    body = r"\s+".join(map(re.escape, phrase.split()))
    if not body:
        return None
    # Whole words first, so that "Iraq" is not found inside an earlier "Iraqi".
    for pattern in (rf"(?<!\w){body}(?!\w)", body):
        for flags in (0, re.IGNORECASE):
            if m := re.compile(pattern, flags).search(text, start):
                return m.span()
    return None


def locate(text: str, phrase: str) -> Span | None:
    """Where a gold actor text is in `text`; "U.S. ... negotiators" spans from its first part to
    its last."""
    found: list[Span] = []
    for part in _ELLIPSIS.split(phrase.strip()):
        if part.strip():
            if (span := _find(text, part, found[-1][1] if found else 0)) is None:
                return None
            found.append(span)
    return (found[0][0], found[-1][1]) if found else None


@dataclass(frozen=True, slots=True)
class GoldActor:
    text: str
    span: Span | None
    kind: str
    """"country", "org" (IGO, NGO, IMG, ISM) or "unknown" (no usable code)."""
    code: str
    sector: str | None = None
    head: Span | None = None
    """The gold text's syntactic head word, when the bench has a parse of the text."""


@dataclass(frozen=True, slots=True)
class Participant:
    """A predicted actor or recipient: the spans that name it and its code, if an entity."""

    name: str
    spans: tuple[Span, ...] = ()
    country: str | None = None
    sectors: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class PredEvent:
    type: str
    actors: tuple[Participant, ...] = ()
    recipients: tuple[Participant, ...] = ()
    negated: bool = False


HeadFinder = Callable[[Span], "Span | None"]
"""The syntactic head word of a span of the text (from a dependency parse)."""


def gold_actor(item: Mapping[str, Any], text: str, heads: HeadFinder | None = None) -> GoldActor:
    code = item.get("code") or ""
    kind, norm = gold_country(code) if code else ("unknown", "")
    span = locate(text, item["text"])
    return GoldActor(
        text=item["text"],
        span=span,
        kind=kind,
        code=norm,
        sector=gold_sector(item.get("sector") or ""),
        head=heads(span) if heads is not None and span is not None else None,
    )


def code_match(pred: Participant, gold: GoldActor, *, sector: bool = True) -> bool:
    if pred.country is None or gold.kind == "unknown":
        return False
    if gold.kind == "org":
        # The gold names only the category, so any organisation code is the same "country".
        same = gold_country(pred.country)[0] != "country"
    else:
        same = pred.country == gold.code
    if not sector or gold.sector is None:
        return same
    return same and pred.sectors[:1] == (gold.sector,)


def member_match(pred: Participant, gold: GoldActor, words: Sequence[Span]) -> bool:
    if gold.span is not None and any(
        span_match(s, gold.span, words, gold.head) for s in pred.spans
    ):
        return True
    return code_match(pred, gold)


# ------------------------------------------------------------------ (B) GSR end to end


@dataclass(frozen=True, slots=True)
class GoldEvent:
    id: str
    type: str
    quad: int
    actors: tuple[GoldActor, ...]
    recipients: tuple[GoldActor, ...]
    reciprocal: bool


def gold_event(rec: Mapping[str, Any], text: str, heads: HeadFinder | None = None) -> GoldEvent:
    """One GSR record, its actor texts located in `text` (the article text after ingest)."""
    recipients = tuple(gold_actor(a, text, heads) for a in rec["recipient"])
    return GoldEvent(
        id=rec["id"],
        type=rec["event"],
        quad=int(rec["quad"]),
        actors=tuple(gold_actor(a, text, heads) for a in rec["actor"]),
        recipients=recipients,
        reciprocal="SRC/TAR" in str(rec.get("markup", ""))
        or (rec["event"] in RECIPROCAL_TYPES and not recipients),
    )


@dataclass
class GsrOutcome:
    type_ok: bool = False
    quad_ok: bool = False
    actor_ok: bool = False
    tuple_ok: bool = False
    actor_hits: tuple[bool, ...] = ()
    recipient_hits: tuple[bool, ...] = ()
    best: PredEvent | None = None
    extra_recipient: bool = False
    negated_only: bool = False
    coded: Counter[str] = field(default_factory=Counter)
    """"{role}_country", "{role}_country_ok", "{role}_sector", "{role}_sector_ok"."""


def _sides(
    gold: GoldEvent, ev: PredEvent
) -> tuple[tuple[Participant, ...], tuple[Participant, ...]]:
    """Whom the gold actors and the gold recipients are looked for among."""
    if gold.reciprocal:
        both = ev.actors + ev.recipients
        return both, both
    if len(ev.actors) > 1 and not ev.recipients:
        # "A and B met", "A and B signed a deal": the extractor's mutual reading (every party
        # an actor, as the issue asks of a meeting) says what the gold's "A met B" says.
        return ev.actors, ev.actors
    return ev.actors, ev.recipients


def score_gsr(
    gold: GoldEvent, preds: Sequence[PredEvent], words: Sequence[Span], quad: Mapping[str, int]
) -> GsrOutcome:
    """Recall@sentence of one gold event against every event predicted for its sentence."""
    live = [e for e in preds if not e.negated]
    same = [e for e in live if e.type == gold.type]
    out = GsrOutcome(
        type_ok=bool(same),
        quad_ok=any(quad.get(e.type) == gold.quad for e in live),
        negated_only=not same and any(e.type == gold.type for e in preds),
    )
    best_key = (-1, -1, -1)
    for ev in same:
        actor_pool, recipient_pool = _sides(gold, ev)
        a_hits = tuple(any(member_match(p, g, words) for p in actor_pool) for g in gold.actors)
        r_hits = tuple(
            any(member_match(p, g, words) for p in recipient_pool) for g in gold.recipients
        )
        key = (all(a_hits) and all(r_hits), all(a_hits), sum(a_hits) + sum(r_hits))
        if key > best_key:
            best_key = key
            out.actor_ok, out.tuple_ok = all(a_hits), key[0]
            out.actor_hits, out.recipient_hits, out.best = a_hits, r_hits, ev
    if out.best is not None and not gold.reciprocal and not gold.recipients:
        out.extra_recipient = bool(out.best.recipients)
    for side, role, members in ((0, "actor", gold.actors), (1, "recipient", gold.recipients)):
        pools = [_sides(gold, ev)[side] for ev in same]
        for g in members:
            if g.kind == "unknown":
                continue
            out.coded[f"{role}_country"] += 1
            out.coded[f"{role}_country_ok"] += any(
                code_match(p, g, sector=False) for pool in pools for p in pool
            )
            if g.sector:
                out.coded[f"{role}_sector"] += 1
                out.coded[f"{role}_sector_ok"] += any(
                    code_match(p, g) for pool in pools for p in pool
                )
    return out


# ------------------------------------------------------------------ (C) PETR-2 agreement


@dataclass(frozen=True, slots=True)
class PetrEvent:
    type: str
    source: str
    target: str
    reciprocal: bool = False


def collapse_dyadic(events: Sequence[Mapping[str, str]]) -> list[PetrEvent]:
    """One reciprocal event for each A->B and B->A pair with the same CAMEO code."""
    out: list[PetrEvent] = []
    seen: dict[tuple[str, str, str], int] = {}
    for e in events:
        mirror = (e["target"], e["source"], e["cameo"])
        if mirror in seen and not out[seen[mirror]].reciprocal:
            first = out[seen[mirror]]
            out[seen[mirror]] = PetrEvent(first.type, first.source, first.target, True)
            continue
        seen[(e["source"], e["target"], e["cameo"])] = len(out)
        out.append(PetrEvent(e["plover_event"], e["source"], e["target"]))
    return out


def petr_countries(code: str) -> frozenset[str]:
    """Predicted countries that agree with a CAMEO actor code; empty when it names none."""
    head = code[:3]
    if len(head) < 3 or not head.isalpha():
        return frozenset()
    if head in TRANSNATIONAL:
        groups = [code[i : i + 3] for i in range(3, len(code) - 2, 3)]
        return frozenset({head, *groups})
    return frozenset({CAMEO_TO_ISO.get(head, head)})


def petr_agreement(gold: PetrEvent, preds: Sequence[PredEvent]) -> tuple[bool, bool | None]:
    """(type agrees, actor country agrees or None when the gold names no country)."""
    live = [e for e in preds if not e.negated]
    type_ok = any(e.type == gold.type for e in live)
    actors = {p.country for e in live for p in e.actors if p.country}
    wanted = [petr_countries(gold.source)]
    if gold.reciprocal:
        actors |= {p.country for e in live for p in e.recipients if p.country}
        wanted.append(petr_countries(gold.target))
    wanted = [w for w in wanted if w]
    if not wanted:
        return type_ok, None
    return type_ok, all(w & actors for w in wanted)
