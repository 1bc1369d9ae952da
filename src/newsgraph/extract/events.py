"""Political events: who did what to whom, when and where, typed in PLOVER with CAMEO codes.

Triggers and participants come from the parse (eventparse.py, participants.py); once typed,
eventroles.py says who acts, who receives and where, each participant linked to the entity
whose mention covers its head or coded from its own words. A type classifier (logistic regression over the trigger,
its head, object and participants' relations; trained on PLV train by scripts/train_events.py)
decides between the lexicon's reading and the others. With `extract.event_embeddings` it also
reads a MiniLM embedding of the sentence (eventtype.EmbeddingTypeModel), one encoder batch per
article for the sentences that have candidates.

Flags follow PLOVER: a negated event ("did not meet", "refused to meet") is marked and not
coded as having happened; "will visit", "plans to sign" are future; "could attack" and
conditionals are hypothetical. Meetings and agreements list every party as an actor; a visit
makes the visitor the actor and the host the recipient. Dates come from the time expressions
of the trigger's clause, else of its sentence, else the publication date (marked fallback);
the place from an "in/at X" place in the clause.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, ClassVar

from newsgraph.extract import eventwords as ew
from newsgraph.extract.base import Extracted, ExtractionContext
from newsgraph.extract.embeddings import encode, load_encoder
from newsgraph.extract.eventflags import announced_refusal, flags
from newsgraph.extract.eventparse import (
    Candidate,
    candidates,
    condition_parties,
    demanded_clause,
)
from newsgraph.extract.eventroles import Mentions, assign_roles, ids_of, split_code, with_head
from newsgraph.extract.eventtype import (
    EmbeddingTypeModel,
    TypeModel,
    classify_pair,
    features,
    final_type,
    load_embedding_type_model,
    load_type_model,
    sentence_features,
)
from newsgraph.extract.lexicon import words
from newsgraph.extract.pairencoder import PairEncoder, load_pair_encoder, participant_span
from newsgraph.extract.participants import (
    ACTOR_TYPES,
    SUBJ,
    agents_in,
    is_agent,
    lexicon_reading,
    np_range,
    participant,
    prep_objects,
)
from newsgraph.extract.plover import MILITARY_OBJECTS, QUAD, RECIPROCAL, TRUCES, code
from newsgraph.extract.quotes import quote_containing
from newsgraph.extract.timex import timex_in
from newsgraph.schema import CharSpan, Entity, Event, EventDate, Quote, Timex
from newsgraph.settings import ExtractSettings

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray
    from spacy.tokens import Doc, Span, Token

__all__ = ["EventExtractor", "classify_pair", "split_code"]

_MOVE_VERBS = words("send deploy move station dispatch mass")
_SHARES = words("part parts half most much rest control")
_TAKE_VERBS = words("capture seize take retake recapture occupy overrun")
_TERRITORY = words(
    "village town city territory area region stronghold base position airport port hill "
    "district province border capital outpost"
)


class EventExtractor:
    """PLOVER events with CAMEO codes, actors, recipients, date, place and flags."""

    name: ClassVar[str] = "events"
    version: ClassVar[int] = 1
    requires: ClassVar[tuple[str, ...]] = ("entities", "timexes", "quotes")

    def __init__(self, settings: ExtractSettings | None = None) -> None:
        self.settings = settings or ExtractSettings()
        self.model: TypeModel | EmbeddingTypeModel = load_type_model()
        # Loaded now, so that a missing extra stops the pipeline being built (ConfigError)
        # instead of failing every article's events.
        self.pair: PairEncoder | None = None
        if self.settings.event_embeddings:
            self.model = load_embedding_type_model()
            load_encoder()
        elif self.settings.event_pair_encoder:
            self.pair = load_pair_encoder()

    def __call__(self, ctx: ExtractionContext) -> Extracted:
        doc, article = ctx.doc, ctx.article
        text = article.text
        entities = [e for e in ctx.prior.get("entities", ()) if isinstance(e, Entity)]
        timexes = [t for t in ctx.prior.get("timexes", ()) if isinstance(t, Timex)]
        quotes = [q for q in ctx.prior.get("quotes", ()) if isinstance(q, Quote)]
        mentions = Mentions(entities)
        events: list[Event] = []
        found = [
            (sent, [] if ew.about_sport(sent) else _one_per_act(candidates(sent)))
            for sent in doc.sents
        ]
        vectors = self._vectors([sent for sent, cands in found if cands])
        pairs = self._pairs([(sent, cand) for sent, cands in found for cand in cands])
        for sent, cands in found:
            shared = sentence_features(sent) if cands else []
            vector = vectors.get(sent.start)
            for cand in cands:
                event = self._event(
                    text, doc, cand, mentions, timexes, quotes, article.published, shared,
                    vector, pairs.get(id(cand)),
                )  # fmt: skip
                if event is not None:
                    events.append(event.model_copy(update={"id": f"v{len(events) + 1}"}))
        return Extracted(events)

    def _vectors(self, sents: Sequence[Span]) -> dict[int, NDArray[np.float32]]:
        """Sentence embeddings by first token, when the model reads them."""
        if not isinstance(self.model, EmbeddingTypeModel) or not sents:
            return {}
        rows = encode([s.text for s in sents])
        return {s.start: row for s, row in zip(sents, rows, strict=True)}

    def _pairs(self, cands: Sequence[tuple[Span, Candidate]]) -> dict[int, NDArray[np.float64]]:
        """The pair encoder's probabilities for each candidate with an actor and a recipient
        (by id), one batch per article; PLV, which it learnt from, always has both."""
        if self.pair is None:
            return {}
        todo = [(s, c) for s, c in cands if c.actors and c.recipients]
        items = [
            (
                s.text.rstrip(),  # a paragraph's last sentence carries the blank line after it
                participant_span(c.actors[0], s.start_char),
                participant_span(c.recipients[0], s.start_char),
            )
            for s, c in todo
        ]
        rows = self.pair.probs(items)
        return {id(c): row for (_, c), row in zip(todo, rows, strict=True)}

    def _event(self, text: str, doc: Doc, cand: Candidate, mentions: Mentions,
               timexes: Sequence[Timex], quotes: Sequence[Quote], published: object,
               sentence: Sequence[str], vector: NDArray[np.float32] | None,
               pair_row: NDArray[np.float64] | None = None) -> Event | None:  # fmt: skip
        if not cand.actors and not cand.recipients:
            return None
        trig = cand.trigger
        event_type, mode = self._type(cand, sentence, vector, pair_row)
        governing = lexicon_reading(cand.governor) if cand.governor is not None else None
        if governing is not None and governing.type == event_type:
            return None  # "rejected an invitation to meet X" typed as a rejection: the same act
        actors, recipients, place, mode = assign_roles(doc, cand, event_type, mode, mentions)
        actor_ids = ids_of(doc, actors, mentions)
        recipient_ids = [r for r in ids_of(doc, recipients, mentions) if r not in actor_ids]

        def political(toks: list[Token], ids: list[str]) -> bool:
            return any(is_agent(t) for t in toks) or any(
                mentions.by_id[i].type in ACTOR_TYPES for i in ids
            )

        # "The ruble hit a low": a subject that is not an actor; no actor or recipient at all.
        # Force and coercion need a political actor; "a declaration demanding …" may speak.
        # "An explosion killed two youths": violence against people stands without an actor.
        harmed = trig.lemma_.lower() in ("kill", "wound", "injure") and any(
            is_agent(t) for t in recipients
        )
        strict = QUAD[event_type] == 4 and actors and not harmed
        if (strict and not political(actors, actor_ids)) or not political(
            actors + recipients, actor_ids + recipient_ids
        ):
            return None  # "the ruble hit a low", "officials released data": no political actor
        negated, future, hypothetical = flags(cand)
        demand = _demanded(cand)
        if demand is not None:
            # "Britain said Libya must hand over the suspects": Britain's demand on Libya.
            speaker, addressed = demand
            event_type, mode = "REQUEST", None
            actors, recipients = [speaker], addressed
        elif negated and QUAD[event_type] in (1, 2, 3) and announced_refusal(cand.verb):
            # "France will not lift the ban", "said it would not meet their demands": a refusal
            # announced, which happened; PLOVER codes it REJECT (CAMEO 12), not as a negation.
            if event_type in RECIPROCAL:
                # "will not begin talks with X": X is refused, not a party to the refusal
                refused = [a for a in actors if with_head(a) is not None]
                if refused and len(refused) < len(actors):
                    actors = [a for a in actors if a not in refused]
                    recipients = refused + [r for r in recipients if r not in refused]
            event_type, mode = "REJECT", None
            negated = future = hypothetical = False
            if not recipients:
                recipients = [t for t in condition_parties(cand.verb) if t not in actors]
        elif (future or hypothetical) and not negated:
            # PLOVER codes announced cooperation and announced retreat as AGREE (CAMEO 03x,
            # "express intent to yield" included) and announced force or pressure as THREATEN.
            if QUAD[event_type] in (1, 2) and event_type != "AGREE":
                if event_type == "CONSULT" and not recipients:
                    # "will hold talks with X": an intent to meet X (the GSR's recipient)
                    met = [a for a in actors if with_head(a) is not None]
                    if met and len(met) < len(actors):
                        actors, recipients = [a for a in actors if a not in met], met
                event_type, mode = "AGREE", ("meet" if event_type == "CONSULT" else None)
            elif QUAD[event_type] == 4:
                event_type, mode = (
                    "THREATEN",
                    ("military" if event_type in ("ASSAULT", "MOBILIZE") else None),
                )
        actor_ids = ids_of(doc, actors, mentions)
        recipient_ids = [r for r in ids_of(doc, recipients, mentions) if r not in actor_ids]
        # a visitor or a delegate at talks is not from where they took place
        actor_codes = mentions.placed_codes(doc, actors, place, situated=event_type != "CONSULT")
        recipient_codes = mentions.placed_codes(doc, recipients, place)
        coding = code(event_type, mode)
        return Event(
            id="v0",
            type=event_type,
            mode=mode,
            cameo=coding.cameo,
            quad=coding.quad,
            goldstein=coding.goldstein,
            actors=tuple(actor_ids),
            recipients=tuple(recipient_ids),
            actor_spans=tuple(_span(text, doc, t) for t in actors),
            recipient_spans=tuple(_span(text, doc, t) for t in recipients),
            actor_codes=tuple(actor_codes),
            recipient_codes=tuple(recipient_codes),
            location=place,
            date=_date(cand, timexes, published),
            trigger=CharSpan.of(text, trig.idx, trig.idx + len(trig)),
            negated=negated,
            future=future,
            hypothetical=hypothetical,
            quote=(q.id if (q := quote_containing(trig.idx, quotes)) else None),
        )

    def _type(
        self,
        cand: Candidate,
        sentence: Sequence[str],
        vector: NDArray[np.float32] | None,
        pair_row: NDArray[np.float64] | None = None,
    ) -> tuple[str, str | None]:
        """The lexicon's reading unless the model finds it unlikely and is sure of another."""
        ranked = self.model.predict(
            features(cand.trigger, cand.verb, cand.actors, cand.recipients, sentence), vector
        )
        if self.pair is not None and pair_row is not None:
            ranked = self.pair.mix(ranked, pair_row)
        reading = cand.reading
        if reading is not None and cand.trigger.pos_ in ("NOUN", "PROPN"):
            return reading.type, reading.mode  # "imposed sanctions", "held talks": unambiguous
        if reading is not None and reading.type == "AGREE" and _vows_force(cand.trigger):
            return "THREATEN", "military"  # "vowed to attack": announced force threatens
        if reading is not None and reading != lexicon_reading(cand.trigger):
            # read from its context ("strengthened its forces", "opened fire"), which the
            # model's bag of features does not see as sharply
            return reading.type, reading.mode
        lemma = cand.trigger.lemma_.lower()
        if reading is not None and lemma in _TAKE_VERBS:
            taken = [c for c in cand.trigger.children if c.dep_ == "dobj"]
            # "captured part of a stronghold", "took control of the city"
            taken += [
                p for c in taken if c.lemma_.lower() in _SHARES for p in prep_objects(c, "of")
            ]
            if any(c.lemma_.lower() in _TERRITORY or c.ent_type_ in ("GPE", "LOC") for c in taken):
                return "ASSAULT", "occupy"  # "captured a village": taking ground, not an arrest
        if reading is not None and lemma in ("violate", "breach"):
            objs = [c.lemma_.lower() for c in cand.trigger.children if c.dep_ == "dobj"]
            objs += [g.lemma_.lower() for c in cand.trigger.children for g in c.children
                     if c.dep_ == "dobj" and g.dep_ == "compound"]  # fmt: skip
            if any(o in TRUCES for o in objs):
                return "ASSAULT", None  # breaking a ceasefire is fighting (CAMEO 196)
        if reading is not None and lemma in _MOVE_VERBS and reading.mode != "protection":
            objs = [c.lemma_.lower() for c in cand.trigger.children if c.dep_ == "dobj"]
            if any(o in MILITARY_OBJECTS for o in objs):
                return "MOBILIZE", "troops"
        if reading is not None:
            as_plv = "YIELD" if reading.type in ("CONCEDE", "RETREAT") else reading.type
            prob = dict(ranked).get(as_plv, 0.0)
            top, top_p = ranked[0]
            if prob >= 0.15 or top_p < 0.5:
                return reading.type, reading.mode
            return final_type(top, reading)
        return final_type(ranked[0][0], reading)


def _one_per_act(cands: list[Candidate]) -> list[Candidate]:
    """ "Signed an agreement with X", "provided assistance to X": a light verb and its object
    read as the same type name one act, which the verb's candidate stands for (with the
    object's participants where the verb has none); so do a meeting and the talks it was for
    ("met X in Minsk to discuss ties")."""
    by_trigger = {(c.trigger.i, c.reading.type): c for c in cands if c.reading}
    dropped = set()
    for c in cands:
        if c.reading is None:
            continue
        if (
            c.reading.type == "CONSULT"
            and c.verb.dep_ in ("advcl", "xcomp")
            and (c.verb.head.i, "CONSULT") in by_trigger
        ):
            dropped.add(id(c))
            continue
        verb = by_trigger.get((c.verb.i, c.reading.type))
        if verb is not None and verb is not c:
            verb.actors = verb.actors or [a for a in c.actors if a not in verb.recipients]
            verb.recipients = verb.recipients or c.recipients
            dropped.add(id(c))
    return [c for c in cands if id(c) not in dropped]


def _vows_force(tok: Token) -> bool:
    """ "vowed to attack", "pledged to fight on": a promise of force."""
    return tok.lemma_.lower() in ("vow", "pledge", "promise", "swear") and any(
        c.dep_ in ("xcomp", "advcl")
        and (r := lexicon_reading(c)) is not None
        and r.type in ("ASSAULT", "COERCE")
        for c in tok.children
    )


def _demanded(cand: Candidate) -> tuple[Token, list[Token]] | None:
    """(speaker, addressed) when the event is what a speaker says someone must or should do."""
    verb = cand.verb
    if not demanded_clause(verb):
        return None
    speakers = [c for c in verb.head.children if c.dep_ in SUBJ]
    addressed = [c for c in verb.children if c.dep_ in SUBJ]
    if not speakers or not addressed:
        return None
    return participant(speakers[0]), [t for a in addressed for t in agents_in(a)]


def _span(text: str, doc: Doc, tok: Token) -> CharSpan:
    start, end = np_range(tok)
    # Doc.text is rebuilt from the tokens on every access: take the article's string.
    return CharSpan.of(text, doc[start].idx, doc[end - 1].idx + len(doc[end - 1]))


def _date(cand: Candidate, timexes: Sequence[Timex], published: object) -> EventDate | None:
    verb, sent = cand.verb, cand.verb.sent
    clause = (verb.left_edge.idx, verb.right_edge.idx + len(verb.right_edge))
    best = timex_in(timexes, (clause, (sent.start_char, sent.end_char)), cand.trigger.idx)
    if best is not None:
        return EventDate(value=best.value, timex=best.id)
    if published is not None:
        return EventDate(value=str(published), fallback=True)
    return None
