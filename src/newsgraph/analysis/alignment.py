"""Align the quotes, events and claims of a story's articles into items (see `compare`).

Each annotation becomes an observation holding what alignment compares; observations cluster
greedily (each joins the cluster it scores best with) per kind; a cluster's observations are
the outlets' reports of one item, and the details they disagree on are its differences.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

from newsgraph.schema import Claim, Model, ResultDocument
from newsgraph.store.rows import code_country, day_range, name_key

ItemKind = Literal["quote", "event", "claim"]
Aspect = Literal["speaker", "via", "value", "negated", "status", "place"]

# Set by judgement, not fitted to labelled data (none exists for cross-outlet alignment yet).
# On the outlets of tests/analysis a same-speaker paraphrase scores 1.0, the remark moved to
# another speaker 0.86 and unrelated quotes 0; a shared topic alone ("trade", "matter") stays
# below 0.5. Another speaker needs near-identical words, since that match becomes a claim
# that an outlet misattributed the statement.
SAME_SPEAKER = 0.5
OTHER_SPEAKER = 0.7
MEASURE_OVERLAP = 0.5
VALUE_TOLERANCE = 0.02
APPROX_TOLERANCE = 0.10

_WORD = re.compile(r"[^\W_]+")
_STOP_WORDS = (
    "a about after again all also am an and any are as at be been before being between both but "
    "by can could did do does during each for from had has have he her here hers him his how i "
    "if in into is it its itself me more most my no nor not of off on once only or other our "
    "ours over said say says same she should so some such than that the their theirs them then "
    "there these they this those through to told too under until up very was we were what when "
    "where which while who whom why will with would you your"
)
_STOP = frozenset(_STOP_WORDS.split())
_QUALIFIERS = {"APPROX": "about ", "MORE_THAN": "more than ", "LESS_THAN": "less than "}


class Report(Model):
    """One outlet's telling of an item: the annotation it came from and what it said."""

    outlet: str
    article_id: str
    id: str
    """Quote, event or claim id within the article."""
    text: str
    """The quote's words, the event's sentence or the claim's words."""
    speaker: str | None = None
    via: tuple[str, ...] = ()
    value: str | None = None
    """The figure as the outlet gave it (claims) or the date (events)."""


class Variant(Model):
    """One version of a detail and the outlets that gave it."""

    value: str
    outlets: tuple[str, ...]


class Difference(Model):
    """A detail the outlets carrying an item disagree on; the most widely carried version first."""

    aspect: Aspect
    variants: tuple[Variant, ...]


@dataclass(frozen=True, slots=True)
class Aligned:
    """One item before it gets its key: its kind, label, reports and differences."""

    kind: ItemKind
    label: str
    reports: tuple[Report, ...]
    differences: tuple[Difference, ...]


def align(
    results: Sequence[ResultDocument],
    outlets: Mapping[str, str],
    actors: Mapping[str, Mapping[str, int]],
) -> list[Aligned]:
    """Items of these (original) results, per kind, most widely carried first.

    `outlets` maps article id → outlet; `actors` article id → entity id → corpus actor id.
    """
    who = identities(results, actors)
    order = list(dict.fromkeys(outlets[r.article.id] for r in results))
    kinds: tuple[tuple[ItemKind, _Builder, _Score], ...] = (
        ("quote", _quote_obs, _quote_score),
        ("event", _event_obs, _event_score),
        ("claim", _claim_obs, _claim_score),
    )
    out = []
    for kind, build, score in kinds:
        observed = [o for r in results for o in build(r, outlets[r.article.id], who)]
        for cluster in sorted(_cluster(observed, score), key=lambda c: -len({o.outlet for o in c})):
            differences = _differences(cluster, order)
            label = cluster[0].label
            conflict = [d for d in differences if d.aspect == "value"]
            if conflict:
                # One outlet's figure would read as the story's: show every version.
                figures = " / ".join(v.value for v in conflict[0].variants)
                label = f"{cluster[0].topic}: {figures}"
            out.append(
                Aligned(
                    kind=kind,
                    label=label,
                    reports=tuple(o.report for o in cluster),
                    differences=differences,
                )
            )
    return out


def content_words(text: str) -> frozenset[str]:
    """Lower-case content-word stems: stopwords dropped, plural, -ing and -ed endings stripped."""
    return frozenset(_stem(w) for w in _WORD.findall(text.lower()) if w not in _STOP)


def overlap(a: frozenset[str], b: frozenset[str]) -> float:
    """Jaccard of two word sets, or containment (shared / smaller) once 3 words are shared.

    Containment lets a partial quote match the full statement; below 3 shared words it would
    let any two short quotes on one topic match, so short ones must be near-equal instead.
    """
    shared = len(a & b)
    if shared < 2:
        return 0.0
    jaccard = shared / len(a | b)
    return max(jaccard, shared / min(len(a), len(b))) if shared >= 3 else jaccard


def _stem(word: str) -> str:
    if len(word) <= 4 or word.endswith(("ss", "us", "is")):
        return word
    if word.endswith("ies"):
        return word[:-3] + "y"
    for suffix in ("ing", "ed", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


@dataclass(frozen=True, slots=True)
class Who:
    """Who an entity is across the story: an identity key and the fullest name seen for it."""

    key: str
    name: str


Identities = Mapping[tuple[str, str], Who]


def identities(
    results: Sequence[ResultDocument], actors: Mapping[str, Mapping[str, int]]
) -> Identities:
    """(article id, entity id) → who the entity is across the story.

    The corpus actor when known, else the name key; a bare surname takes the identity of the
    story's one full-named person with that surname, if there is exactly one.
    """
    found: dict[tuple[str, str], Who] = {}
    surnames: dict[str, set[str]] = {}
    bare: list[tuple[tuple[str, str], str, str]] = []
    for result in results:
        aid = result.article.id
        known = actors.get(aid, {})
        for ent in result.entities:
            nk = name_key(ent.name, ent.type) or f"#{aid}:{ent.id}"
            if ent.type == "PERSON" and " " not in nk:
                # A surname's corpus actor ("li ?") is never the full-named one: match by name.
                bare.append(((aid, ent.id), nk, ent.name))
                continue
            key = f"actor:{known[ent.id]}" if ent.id in known else f"{ent.type}:{nk}"
            found[(aid, ent.id)] = Who(key, ent.name)
            if ent.type == "PERSON":
                surnames.setdefault(nk.split()[-1], set()).add(key)
    for ref, surname, name in bare:
        keys = surnames.get(surname, set())
        found[ref] = Who(next(iter(keys)) if len(keys) == 1 else f"PERSON:{surname} ?", name)
    longest: dict[str, str] = {}
    for who in found.values():
        if len(who.name) > len(longest.get(who.key, "")):
            longest[who.key] = who.name
    return {ref: Who(who.key, longest[who.key]) for ref, who in found.items()}


# -- observations ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Obs:
    """One article's quote, event or claim, with what alignment compares."""

    report: Report
    label: str
    topic: str = ""
    """What a claim's figure measures, as the article put it."""
    aspects: tuple[tuple[Aspect, str, str], ...] = ()
    """(aspect, the value compared, the value shown)"""
    words: frozenset[str] = frozenset()
    speaker: str | None = None
    type: str = ""
    parties: tuple[tuple[str | None, str | None], ...] = ()
    """(identity key, country) of each participant."""
    days: tuple[dt.date | None, dt.date | None] | None = None
    subject: str | None = None
    claim: Claim | None = None

    @property
    def outlet(self) -> str:
        return self.report.outlet


_Builder = Callable[[ResultDocument, str, Identities], Iterator[_Obs]]
_Score = Callable[[_Obs, _Obs], float]


def _quote_obs(result: ResultDocument, outlet: str, who: Identities) -> Iterator[_Obs]:
    aid = result.article.id
    for q in result.quotes:
        # The comma that ends a quote before its cue ("…stronger,” he said) is not its words.
        text = " … ".join(c.text for c in q.content).rstrip(" ,;:")
        speaker = who.get((aid, q.speaker_entity or ""))
        if speaker is None and q.speaker and q.speaker_kind == "role":
            # "the ministry" is someone; an unresolved pronoun or "sources" is no one.
            speaker = Who(f"role:{name_key(q.speaker.text, 'ORG')}", q.speaker.text)
        shown = speaker.name if speaker else (q.speaker.text if q.speaker else "unnamed")
        via = [who[(aid, v)] for v in q.via_entities if (aid, v) in who]
        relay = " > ".join(w.name for w in via)
        report = Report(
            outlet=outlet,
            article_id=aid,
            id=q.id,
            text=text,
            speaker=shown,
            via=tuple(w.name for w in via),
        )
        yield _Obs(
            report,
            label=f"{shown}: “{_clip(text)}”",
            aspects=(
                ("speaker", speaker.key if speaker else "", shown),
                ("via", "|".join(w.key for w in via), f"via {relay}" if relay else "no relay"),
            ),
            words=content_words(text),
            speaker=speaker.key if speaker else None,
        )


def _quote_score(a: _Obs, b: _Obs) -> float:
    score = overlap(a.words, b.words)
    same = a.speaker is not None and a.speaker == b.speaker
    if score < (SAME_SPEAKER if same else OTHER_SPEAKER):
        return 0.0
    # A quote that fits a cluster with its own speaker joins that one rather than a closer
    # wording under another speaker: an outlet relaying "X said the countries have «…»" carries
    # X's remark, whatever else quoted the same words.
    return 1.0 + score if same else score


def _event_obs(result: ResultDocument, outlet: str, who: Identities) -> Iterator[_Obs]:
    aid, text = result.article.id, result.article.text
    by_id = {e.id: e for e in result.entities}
    for ev in result.events:
        parties: list[tuple[str | None, str | None]] = []
        names: tuple[list[str], list[str]] = ([], [])
        sides = (
            (ev.actors, ev.actor_spans, ev.actor_codes),
            (ev.recipients, ev.recipient_spans, ev.recipient_codes),
        )
        for side, (ids, spans, codes) in enumerate(sides):
            # Entity ids and spans line up while both exist (as in store.rows' participants).
            for i in range(max(len(ids), len(spans))):
                ent = by_id.get(ids[i]) if i < len(ids) else None
                code = codes[i] if i < len(codes) else ""
                country = (ent.country if ent else None) or code_country(code)
                found = who.get((aid, ent.id)) if ent else None
                parties.append((found.key if found else None, country))
                surface = spans[i].text if i < len(spans) else "?"
                names[side].append(found.name if found else surface)
        date = ev.date.value if ev.date else None
        days = day_range(date)
        loose = ev.date is None or ev.date.fallback or days[0] is None
        place = who.get((aid, ev.location or ""))
        status = "hypothetical" if ev.hypothetical else "announced" if ev.future else "took place"
        aspects: list[tuple[Aspect, str, str]] = [
            ("negated", str(ev.negated), "did not happen" if ev.negated else "happened"),
            ("status", status, status),
        ]
        if place:
            aspects.append(("place", place.key, place.name))
        who_did = ", ".join(names[0]) + (" → " + ", ".join(names[1]) if names[1] else "")
        shown = f"{date}, publication date" if date and ev.date and ev.date.fallback else date
        report = Report(
            outlet=outlet,
            article_id=aid,
            id=ev.id,
            text=_sentence(text, ev.trigger.start, ev.trigger.end),
            value=shown,
        )
        yield _Obs(
            report,
            label=f"{ev.type}: {who_did}" + (f" ({date})" if date and not loose else ""),
            aspects=tuple(aspects),
            type=ev.type,
            parties=tuple(parties),
            days=None if loose else days,
        )


def _event_score(a: _Obs, b: _Obs) -> float:
    if a.type != b.type or not _days_fit(a, b):
        return 0.0
    shared = sum(
        1
        for ka, ca in a.parties
        for kb, cb in b.parties
        if (ka is not None and ka == kb)
        or ((ka is None or kb is None) and ca is not None and ca == cb)
    )
    # Above any quote-like score, more shared participants first.
    return 0.0 if not shared else 1.0 + shared / (len(a.parties) + len(b.parties))


def _claim_obs(result: ResultDocument, outlet: str, who: Identities) -> Iterator[_Obs]:
    aid = result.article.id
    for c in result.claims:
        subject = who.get((aid, c.subject_entity or ""))
        figure = _figure(c)
        topic = c.measure or c.span.text
        sentence = _sentence(result.article.text, c.span.start, c.span.end)
        report = Report(outlet=outlet, article_id=aid, id=c.id, text=sentence, value=figure)
        yield _Obs(
            report,
            label=f"{topic}: {figure}",
            topic=topic,
            words=content_words(c.measure or ""),
            type=f"{c.kind}:{(c.unit or '').lower()}",
            days=day_range(c.time) if c.time else None,
            subject=subject.key if subject else None,
            claim=c,
        )


def _claim_score(a: _Obs, b: _Obs) -> float:
    if a.type != b.type or not a.words or not b.words or not _days_fit(a, b):
        return 0.0
    if a.subject and b.subject and a.subject != b.subject:
        return 0.0
    # Two figures in one article are two claims unless they agree ("30 percent … nearly a third").
    if a.report.article_id == b.report.article_id and not agree(a.claim, b.claim):
        return 0.0
    score = len(a.words & b.words) / min(len(a.words), len(b.words))
    return score if score >= MEASURE_OVERLAP else 0.0


def _days_fit(a: _Obs, b: _Obs) -> bool:
    """Day ranges overlap; an unknown or publication-date one fits any."""
    if a.days is None or b.days is None:
        return True
    (a0, a1), (b0, b1) = a.days, b.days
    if a0 is None or a1 is None or b0 is None or b1 is None:
        return True
    return a0 <= b1 and b0 <= a1


def agree(a: Claim | None, b: Claim | None) -> bool:
    """Whether two figures agree: within the tolerance, or overlapping ranges; vague agrees."""
    if a is None or b is None or a.value is None or b.value is None:
        return True
    lo_a, hi_a = sorted((a.value, a.value if a.value_high is None else a.value_high))
    lo_b, hi_b = sorted((b.value, b.value if b.value_high is None else b.value_high))
    approx = "APPROX" in (a.qualifier, b.qualifier)
    slack = (APPROX_TOLERANCE if approx else VALUE_TOLERANCE) * max(abs(hi_a), abs(hi_b))
    return lo_a <= hi_b + slack and lo_b <= hi_a + slack


# -- clusters and differences ------------------------------------------------------------------


def _cluster(observed: Sequence[_Obs], score: _Score) -> list[list[_Obs]]:
    """Greedy single link: each observation joins the cluster it scores best with, if any."""
    clusters: list[list[_Obs]] = []
    for obs in observed:
        best, at = max(
            ((max(score(m, obs) for m in c), n) for n, c in enumerate(clusters)),
            default=(0.0, -1),
        )
        if best > 0:
            clusters[at].append(obs)
        else:
            clusters.append([obs])
    return clusters


def _differences(cluster: list[_Obs], order: list[str]) -> tuple[Difference, ...]:
    groups: dict[Aspect, dict[str, tuple[str, set[str]]]] = {}
    for obs in cluster:
        for aspect, compared, shown in obs.aspects:
            groups.setdefault(aspect, {}).setdefault(compared, (shown, set()))[1].add(obs.outlet)
    if cluster[0].claim is not None:
        # Figures form versions by agreement, not by equal text ("30 percent" = "30.0 %").
        versions: list[tuple[_Obs, set[str]]] = []
        for obs in cluster:
            match = next((v for v in versions if agree(v[0].claim, obs.claim)), None)
            if match is None:
                versions.append((obs, {obs.outlet}))
            else:
                match[1].add(obs.outlet)
        groups["value"] = {str(n): (v[0].report.value or "", v[1]) for n, v in enumerate(versions)}
    out = []
    for aspect, by_key in groups.items():
        if len(by_key) > 1:
            variants = [
                Variant(value=shown, outlets=tuple(o for o in order if o in carried))
                for shown, carried in by_key.values()
            ]
            variants.sort(key=lambda v: -len(v.outlets))
            out.append(Difference(aspect=aspect, variants=tuple(variants)))
    return tuple(out)


def _clip(text: str, width: int = 90) -> str:
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def _sentence(text: str, start: int, end: int) -> str:
    """The sentence around [start, end): from the last '. ' or line break before to the next."""
    lo = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start)) + 1
    ends = [i for i in (text.find(". ", end), text.find("\n", end)) if i >= 0]
    return text[lo : min(ends) + 1 if ends else len(text)].strip()


def _figure(claim: Claim) -> str:
    if claim.value is None:
        return claim.span.text
    number = _number(claim.value)
    if claim.value_high is not None:
        number += f"–{_number(claim.value_high)}"
    return f"{_QUALIFIERS.get(claim.qualifier or '', '')}{number} {claim.unit or ''}".strip()


def _number(value: float) -> str:
    for size, word in ((1e12, " trillion"), (1e9, " billion"), (1e6, " million")):
        if abs(value) >= size:
            return f"{value / size:g}{word}"
    return f"{value:,.10g}"
