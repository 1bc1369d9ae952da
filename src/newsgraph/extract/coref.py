"""Role descriptions and pronouns resolved to the people named in the article.

"his Belarusian counterpart", "the top Chinese defense official", "China's defense chief"
are linked to the named person whose country and role fit, the nearest before; "he" and
"she" to the nearest person mentioned before them, preferring the subjects of preceding
sentences. Deliberately conservative: an unresolved description is left out, not guessed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from newsgraph.extract.actors import country_in, sectors_in
from newsgraph.extract.lexicon import Lexicon
from newsgraph.extract.mentions import Found
from newsgraph.schema import CharSpan

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

PRONOUNS = {
    "he": "m",
    "him": "m",
    "his": "m",
    "himself": "m",
    "she": "f",
    "her": "f",
    "hers": "f",
    "herself": "f",
}
# Role nouns that denote one person; "the military", "the regime" are collectives, not people.
PERSON_HEADS = frozenset(
    [
        "official",
        "minister",
        "counterpart",
        "chief",
        "president",
        "leader",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "secretary",
        "general",
        "commander",
        "envoy",
        "ambassador",
        "diplomat",
        "premier",
        "chancellor",
        "analyst",
        "senator",
        "lawmaker",
        "governor",
        "mayor",
        "king",
        "queen",
        "prince",
        "princess",
        "head",
        "director",
        "chairman",
        "chairwoman",
        "chair",
        "prosecutor",
        "judge",
        "officer",
        "adviser",
        "advisor",
        "aide",
        "negotiator",
        "deputy",
        "lawyer",
        "emir",
        "sultan",
        "monarch",
        "dictator",
        "strongman",
        "ruler",
        "representative",
        "congressman",
        "congresswoman",
        "legislator",
        "mp",
        "administrator",
        "executive",
        "ceo",
        "founder",
        "researcher",
        "expert",
        "professor",
        "economist",
        "activist",
    ]
)
_DEFINITE = frozenset({"the", "this", "that", "his", "her", "its", "their"})
_GENERIC_SECTORS = frozenset({"GOV"})
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
_LOOKBACK_SENTENCES = 3


@dataclass
class Person:
    """What the resolver knows of one person cluster."""

    key: int
    mentions: list[Found] = field(default_factory=list)
    country: str | None = None
    sectors: tuple[str, ...] = ()
    gender: str | None = None
    titles: tuple[str, ...] = ()


def find_role_nominals(
    doc: Doc, lex: Lexicon, taken: set[int]
) -> list[tuple[Span, str | None, tuple[str, ...]]]:
    """Definite singular noun phrases headed by a person's role, with their country and sectors."""
    chunks = list(doc.noun_chunks)
    # A possessive role phrase sits inside another chunk: "[the Chinese official’s] trip".
    chunks += [
        doc[t.left_edge.i : t.i + 1] for t in doc if t.dep_ == "poss" and t.lower_ in PERSON_HEADS
    ]
    out = []
    for chunk in chunks:
        root = chunk.root
        if root.tag_ not in ("NN", "NNP") or root.lower_ not in PERSON_HEADS:
            continue
        if any(t.i in taken for t in chunk):
            continue
        first = chunk[0]
        definite = (
            first.lower_ in _DEFINITE
            or first.tag_ == "PRP$"
            or any(t.dep_ == "poss" for t in chunk)
        )
        if not definite:
            continue
        words = [t.text for t in chunk]
        out.append((chunk, country_in(words, lex), sectors_in(words, lex)))
    return sorted(out, key=lambda c: c[0].start)


_GENERIC_ROLES = frozenset(
    {"official", "leader", "head", "chief", "counterpart", "officer", "representative"}
)


def _role_phrase(chunk: Span, lex: Lexicon) -> str | None:
    """The office a description names beyond a generic word ("foreign minister"), or None."""
    words = [t.text for t in chunk]
    roles = [" ".join(words[a:b]).lower() for a, b, _ in lex.find_roles(words)]
    return roles[-1] if roles and roles[-1] not in _GENERIC_ROLES else None


class Resolver:
    """Links role descriptions and pronouns to people, within one Doc.

    Captions are their own discourse: a caption's people are not antecedents in the body.
    """

    def __init__(
        self,
        doc: Doc,
        lex: Lexicon,
        people: Sequence[Person],
        captions: Sequence[tuple[int, int]] = (),
    ) -> None:
        self.doc = doc
        self.lex = lex
        self.people = people
        self.captions = captions
        self.sents = list(doc.sents)
        self.sent_of = {t.i: k for k, sent in enumerate(self.sents) for t in sent}

    def _zone(self, offset: int) -> int:
        return next((k for k, (s, e) in enumerate(self.captions, 1) if s <= offset < e), 0)

    def _antecedents(self, offset: int) -> list[tuple[Found, Person]]:
        zone = self._zone(offset)
        found = [
            (m, p)
            for p in self.people
            for m in p.mentions
            if m.kind != "pronoun" and m.span.start < offset and self._zone(m.span.start) == zone
        ]
        return sorted(found, key=lambda mp: mp[0].span.start)

    def nominal(self, chunk: Span, country: str | None, sectors: tuple[str, ...]) -> Person | None:
        """The named person a role description refers to, or None when nothing fits."""
        sentence = self.sents[self.sent_of[chunk.root.i]]
        subject_keys = {
            p.key
            for p in self.people
            for m in p.mentions
            if sentence.start <= m.root < sentence.end and self.doc[m.root].dep_ in _SUBJECT_DEPS
        }
        counterpart = chunk.root.lower_ == "counterpart"
        specific = {s for s in sectors if s not in _GENERIC_SECTORS}
        if counterpart:
            # "X met his Belarusian counterpart": someone else holding X's office.
            specific |= {
                s for p in self.people if p.key in subject_keys for s in p.sectors[:1]
            } - _GENERIC_SECTORS
        if not country and not counterpart:
            return None  # "its defense chief": whose? Without a country, too many people fit.
        role = _role_phrase(chunk, self.lex)
        for m, person in reversed(self._antecedents(chunk.start_char)):
            if m.kind != "name":
                continue
            # "China's new foreign minister" is not the defence minister named before.
            other_office = not any(role in t.lower() for t in person.titles) if role else False
            if other_office and person.titles and not specific & set(person.sectors[:1]):
                continue
            if country and person.country != country:
                continue
            if specific and not specific & set(person.sectors):
                continue
            if counterpart and person.key in subject_keys:
                continue
            return person
        return None

    def pronoun(self, token_i: int) -> Person | None:
        """The person a third-person pronoun refers to: nearest before in its sentence, else the
        main-clause subject of the nearest earlier sentence that names someone."""
        token = self.doc[token_i]
        gender = PRONOUNS[token.lower_]
        index = self.sent_of[token_i]
        sent = self.sents[index]
        candidates = [(m, p) for m, p in self._antecedents(token.idx) if p.gender in (None, gender)]
        same = [(m, p) for m, p in candidates if sent.start <= m.root < token_i]
        if same:
            return same[-1][1]
        for back in range(1, _LOOKBACK_SENTENCES + 1):
            if index - back < 0:
                break
            prev = self.sents[index - back]
            inside = [(m, p) for m, p in candidates if prev.start <= m.root < prev.end]
            subjects = [(m, p) for m, p in inside if self.doc[m.root].dep_ in _SUBJECT_DEPS]
            main = [(m, p) for m, p in subjects if self.doc[m.root].head.dep_ == "ROOT"]
            if main:
                return main[0][1]
            if subjects or inside:
                return (subjects or inside)[-1][1]
        return None


def pronoun_mentions(doc: Doc) -> list[tuple[int, CharSpan]]:
    """Third-person singular personal pronouns: (token index, span)."""
    return [
        (t.i, CharSpan(start=t.idx, end=t.idx + len(t), text=t.text))
        for t in doc
        if t.lower_ in PRONOUNS and t.tag_ in ("PRP", "PRP$")
    ]
