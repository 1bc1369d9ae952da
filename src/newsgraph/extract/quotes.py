"""Quotes and attributions: who said (or believes) what, to whom, and according to whom.

The attributions come from `attribution.find_attributions` (parse-based candidates scored by
a model trained on PolNeAR). This layer ties them to the article: the speaker span resolved
to an entity through its mentions (pronouns, "Mr. Su", "the Chinese official"), the addressee
of "told X", the relay chain of nested attributions ("X said ..., according to BelTA"), the
kind of speaker (named, role, vague, none) and whether the quote sits in a caption.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from typing import TYPE_CHECKING, ClassVar, Literal

from newsgraph.extract.attribution import (
    ADDRESSEE_VERBS,
    RELATIVE_PRONOUNS,
    Candidate,
    CueModel,
    find_attributions,
    load_cue_model,
)
from newsgraph.extract.base import Extracted, ExtractionContext
from newsgraph.extract.mentions import MentionIndex
from newsgraph.extract.quotemarks import DOUBLE, SINGLE
from newsgraph.schema import CharSpan, Entity, Quote, SpeakerKind
from newsgraph.settings import ExtractSettings

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# Sources that stand for an unnamed many: "analysts say", "some observers", "officials".
_VAGUE_WORDS = frozenset(
    {
        "some",
        "many",
        "others",
        "several",
        "few",
        "most",
        "critics",
        "sources",
        "observers",
        "analysts",
        "experts",
        "people",
        "officials",
        "media",
        "reports",
        "they",
        "you",
        "one",
    }
)
# Cues that pass on what another source published rather than saying it themselves.
_RELAY_LEMMAS = frozenset({"accord", "report", "quote", "cite", "carry", "publish", "relay"})
_MEDIA_SECTORS = frozenset({"JRN"})
_MARKS = DOUBLE | SINGLE
_QUOTE_ENDS = _MARKS | frozenset(".,?!")


def _kind(text: str, cand: Candidate) -> Literal["direct", "indirect", "mixed"]:
    if not cand.direct:
        return "indirect"
    quoted = all(text[s] in _MARKS and text[e - 1] in _QUOTE_ENDS for s, e in cand.content)
    return "direct" if quoted else "mixed"


def _speaker_token(doc: Doc, cand: Candidate) -> Token | None:
    if cand.source_token is None:
        return None
    tok = doc[cand.source_token]
    # "Su, who ... said": the relative pronoun stands for the noun its clause modifies.
    if tok.lower_ in RELATIVE_PRONOUNS and tok.head.dep_ == "relcl":
        return tok.head.head
    return tok


class QuoteExtractor:
    """Direct, indirect, mixed and split quotes with speaker, cue, addressee and relays."""

    name: ClassVar[str] = "quotes"
    version: ClassVar[int] = 1
    requires: ClassVar[tuple[str, ...]] = ("entities",)

    def __init__(self, settings: ExtractSettings | None = None) -> None:
        self.settings = settings or ExtractSettings()
        self.model: CueModel = load_cue_model()

    def __call__(self, ctx: ExtractionContext) -> Extracted:
        doc, article = ctx.doc, ctx.article
        text = article.text
        entities = [e for e in ctx.prior.get("entities", ()) if isinstance(e, Entity)]
        mentions = MentionIndex(entities)
        chosen = find_attributions(doc, self.model)
        captions = [(c.start, c.end) for c in article.captions]
        speakers = [self._speaker_entity(doc, cand, mentions) for cand, _ in chosen]
        vias: dict[int, tuple[str, ...]] = {}

        def via_of(i: int) -> tuple[str, ...]:
            # Nearest relay first: the parent's source, then whatever relayed the parent.
            if i not in vias:
                vias[i] = ()
                parent = chosen[i][1]
                if parent is not None and self._is_relay(chosen[parent][0], speakers[parent]):
                    relay = speakers[parent]
                    vias[i] = ((relay.id,) if relay is not None else ()) + via_of(parent)
            return vias[i]

        quotes: list[Quote] = []
        for i, (cand, parent) in enumerate(chosen):
            speaker, via = speakers[i], via_of(i)
            first = cand.content[0][0]
            quotes.append(
                Quote(
                    id=f"q{i + 1}",
                    kind=_kind(text, cand),
                    content=tuple(CharSpan.of(text, s, e) for s, e in cand.content),
                    cue=CharSpan.of(text, *cand.cue),
                    speaker=CharSpan.of(text, *cand.source) if cand.source else None,
                    speaker_entity=speaker.id if speaker is not None else None,
                    addressee_entity=self._addressee(doc, cand, mentions),
                    via_entities=via,
                    speaker_kind=self._speaker_kind(doc, cand, speaker),
                    in_caption=any(s <= first < e for s, e in captions),
                    parent=f"q{parent + 1}" if parent is not None else None,
                    confidence=round(cand.score, 3),
                )
            )
        return Extracted(
            items=_carry_relays(quotes, [(p.start, p.end) for p in article.paragraphs])
        )

    @staticmethod
    def _entity_at(doc: Doc, tok: Token, mentions: MentionIndex) -> Entity | None:
        found = mentions.at(tok.idx, tok.idx + len(tok.text))
        if not found:
            # The head of "a spokesman for the ministry" is not a mention, its phrase may be.
            lo, hi = tok.left_edge.idx, tok.right_edge.idx + len(tok.right_edge.text)
            found = [m for m in mentions.at(lo, hi) if m[2] == "name"]
        return found[0][3] if found else None

    def _speaker_entity(self, doc: Doc, cand: Candidate, mentions: MentionIndex) -> Entity | None:
        tok = _speaker_token(doc, cand)
        return self._entity_at(doc, tok, mentions) if tok is not None else None

    def _addressee(self, doc: Doc, cand: Candidate, mentions: MentionIndex) -> str | None:
        if cand.shape == "according":
            return None
        verb = doc[cand.cue_token]
        targets = []
        if cand.lemma in ADDRESSEE_VERBS:
            targets = [c for c in verb.rights if c.dep_ in ("dobj", "dative")]
        # "said to reporters", "told to the agency"
        for child in verb.rights:
            if child.dep_ in ("prep", "dative") and child.lower_ == "to":
                targets.extend(g for g in child.children if g.dep_ == "pobj")
        for tok in targets:
            if any(s <= tok.idx < e for s, e in cand.content):
                continue
            entity = self._entity_at(doc, tok, mentions)
            if entity is not None:
                return entity.id
        return None

    @staticmethod
    def _is_relay(outer: Candidate, speaker: Entity | None) -> bool:
        if outer.lemma in _RELAY_LEMMAS:
            return True
        return speaker is not None and bool(_MEDIA_SECTORS & set(speaker.sectors))

    @staticmethod
    def _speaker_kind(doc: Doc, cand: Candidate, speaker: Entity | None) -> SpeakerKind:
        tok = _speaker_token(doc, cand)
        if tok is None:
            return "none"
        if tok.pos_ == "PROPN" or (tok.pos_ == "PRON" and speaker is not None):
            return "named"
        if tok.lower_ in _VAGUE_WORDS or tok.tag_ in ("NNS", "NNPS"):
            return "vague"
        if any(t.lower_ in ("some", "many", "several") for t in tok.lefts):
            return "vague"
        if speaker is not None and tok.pos_ != "NOUN":
            return "named"
        # "a Kremlin spokesman", "the Chinese official": one person named by role.
        return "role"


def _carry_relays(quotes: list[Quote], paragraphs: list[tuple[int, int]]) -> list[Quote]:
    """A speaker's next quote in the same or the following paragraph, with no relay of its own,
    came through the same relay: "X told Y that ..., according to BelTA. / 'We are friends,'
    X said." Carried only between top-level quotes of one speaker entity."""
    starts = [s for s, _ in paragraphs]

    def para(q: Quote) -> int:
        return bisect.bisect_right(starts, q.content[0].start) - 1

    out: list[Quote] = []
    last: dict[str, Quote] = {}
    for q in sorted(quotes, key=lambda q: q.content[0].start):
        speaker = q.speaker_entity
        if speaker is None:
            out.append(q)
            continue
        prev = last.get(speaker)
        if (
            prev is not None
            and prev.via_entities
            and not q.via_entities
            and q.parent is None
            and 0 <= para(q) - para(prev) <= 1
        ):
            q = q.model_copy(update={"via_entities": prev.via_entities})
        last[speaker] = q
        out.append(q)
    out.sort(key=lambda q: int(q.id[1:]))
    return out


def quote_containing(offset: int, quotes: Sequence[Quote]) -> Quote | None:
    """The innermost quote whose content holds the character at `offset`: who a fact
    reported there is attributed to."""
    inner: tuple[int, Quote] | None = None
    for q in quotes:
        for c in q.content:
            if c.start <= offset < c.end and (inner is None or c.end - c.start < inner[0]):
                inner = (c.end - c.start, q)
    return inner[1] if inner else None
