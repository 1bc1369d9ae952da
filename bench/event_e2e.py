"""End-to-end parts of bench/events.py: each gold sentence goes through ingest and the whole
pipeline, and the gold event is looked for among the events of its sentence (recall@sentence,
EVALUATION.md 5.2.6). (B) the PLOVER GSR records; (B') PLV's sentences, whose gold is a
marked source, target and PLOVER root, matched by span only (PLV has no actor codes)."""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import json
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from bench.entities import gsr_half, ratio
from bench.event_scoring import (
    HeadFinder,
    Participant,
    PredEvent,
    Span,
    gold_event,
    plv_quad,
    score_gsr,
    to_plv,
    word_spans,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from newsgraph import Article, Processor, ResultDocument
    from newsgraph.schema import CharSpan

EVENTS = Path(__file__).resolve().parents[2] / "shared" / "data" / "events"
GSR_FILE = EVENTS / "plover-gsr-cameo" / "plover_gsr_cameo.normalized.jsonl"
PLV_DIR = EVENTS / "zsp-plv"
# PLV marks one side of a meeting or a joint action as the source: compared as a set.
_PLV_SYMMETRIC = frozenset(("CONSULT", "COOPERATE"))
_PLV_PLACEHOLDERS = frozenset(("a recipient", "an actor"))


def predicted_events(result: ResultDocument) -> list[PredEvent]:
    """The result's events with each actor and recipient as the spans and code that name it."""
    entities = {e.id: e for e in result.entities}

    from newsgraph.extract.events import split_code

    def side(
        ids: Iterable[str], spans: Sequence[CharSpan], codes: Sequence[str]
    ) -> tuple[Participant, ...]:
        out = []
        for i in ids:
            if (ent := entities.get(i)) is not None:
                sectors = ent.sectors or ((ent.sector,) if ent.sector else ())
                mentions = tuple((m.start, m.end) for m in ent.mentions)
                out.append(Participant(ent.name, mentions, ent.country, sectors))
        # Spans name every actor, also those with no entity (coded from their own words); any
        # one matching is enough.
        for k, s in enumerate(spans):
            country, sectors = split_code(codes[k]) if k < len(codes) else (None, ())
            out.append(Participant(s.text, ((s.start, s.end),), country, sectors))
        return tuple(out)

    return [
        PredEvent(
            ev.type,
            side(ev.actors, ev.actor_spans, ev.actor_codes),
            side(ev.recipients, ev.recipient_spans, ev.recipient_codes),
            ev.negated,
        )
        for ev in result.events
    ]


def as_article(sentence: str) -> str:
    """A gold sentence as pasted article text that ingest keeps as body text."""
    text = sentence.strip()
    # Two GSR records are wrapped in braces, which ingest drops with the whole line.
    if text.startswith("{") and text.endswith("}"):
        text = text[1:-1].strip()
    # A short line with no final full stop is read as a headline, leaving no body.
    return text if text.endswith((".", "…")) else text + "."


def run_pipeline(
    processor: Processor, items: Sequence[tuple[str, str, dt.date | None]], n: Counter[str]
) -> Iterator[ResultDocument | None]:
    """One result per (id, text, date), None where ingest rejected the text."""
    from newsgraph import SourceError, article_from_text

    articles: list[Article | None] = []
    for uri, sentence, published in items:
        text = as_article(sentence)
        n["period_added"] += not sentence.rstrip().rstrip("}").endswith((".", "…"))
        try:
            articles.append(
                article_from_text(
                    text, uri=uri, published=published, settings=processor.settings.ingest
                )
            )
        except SourceError as exc:
            n["rejected"] += 1
            print(f"ingest rejected {uri}: {exc}", file=sys.stderr)
            articles.append(None)
    results = processor.process(a for a in articles if a is not None)
    for article in articles:
        if article is None:
            yield None
            continue
        result = next(results)
        # A crashed extractor is recorded in the result, not raised: count it, do not hide it.
        n["events_failed"] += any(r.name == "events" and r.status != "ok" for r in result.runs)
        yield result


def head_finder(doc: Doc) -> HeadFinder:
    """The syntactic head word of a span of `doc`'s text."""

    def head(span: Span) -> Span | None:
        found = doc.char_span(*span, alignment_mode="expand")
        if found is None or not len(found):
            return None
        root = found.root
        return (root.idx, root.idx + len(root))

    return head


def describe(events: Sequence[PredEvent]) -> list[dict[str, Any]]:
    def side(ps: Sequence[Participant]) -> list[str]:
        return [f"{p.name} [{p.country or '-'}/{','.join(p.sectors) or '-'}]" for p in ps]

    return [
        {
            "type": e.type,
            "negated": e.negated,
            "actors": side(e.actors),
            "recipients": side(e.recipients),
        }
        for e in events
    ]


def recall_at_sentence(
    processor: Processor,
    records: Sequence[Mapping[str, Any]],
    quad: Mapping[str, int],
    errors: IO[str] | None,
    part: str,
    label: Any = None,
) -> dict[str, float]:
    """Recall of each record's gold event among its sentence's events, by level, with the
    member and code breakdowns; `label` maps predicted types to the gold's label set."""
    n: Counter[str] = Counter()
    by_type: dict[str, Counter[str]] = defaultdict(Counter)
    items = [(r["id"], r["text"], None) for r in records]
    from newsgraph.nlp import load_nlp

    nlp = load_nlp()
    for rec, result in zip(records, run_pipeline(processor, items, n), strict=True):
        text = result.article.text if result else as_article(rec["text"])
        gold = gold_event(rec, text, head_finder(nlp(text)))
        preds = predicted_events(result) if result else []
        if label is not None:
            preds = [dataclasses.replace(e, type=label(e.type)) for e in preds]
        res = score_gsr(gold, preds, word_spans(text), quad)
        n["unlocated"] += sum(g.span is None for g in gold.actors + gold.recipients)
        n["records"] += 1
        n["actor_members"] += len(gold.actors)
        n["recipient_members"] += len(gold.recipients)
        n["actor_members_ok"] += sum(res.actor_hits)
        n["recipient_members_ok"] += sum(res.recipient_hits)
        n["extra_recipient"] += res.extra_recipient
        n["negated_only"] += res.negated_only
        n.update(res.coded)
        levels = {"type": res.type_ok, "actor": res.actor_ok, "tuple": res.tuple_ok}
        levels["quad"] = res.quad_ok
        for level, ok in levels.items():
            n[level] += ok
            by_type[gold.type][level] += ok
        by_type[gold.type]["n"] += 1
        if errors and not res.tuple_ok:
            failed = next(lv for lv in ("type", "actor", "tuple") if not levels[lv])
            row = {
                "part": part,
                "id": gold.id,
                "sentence": text,
                "failed": "recipient" if failed == "tuple" else failed,
                "gold": {
                    "type": gold.type,
                    "reciprocal": gold.reciprocal,
                    "actor": rec["actor"],
                    "recipient": rec["recipient"],
                },
                "pred": describe(preds),
            }
            errors.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"{part} recall by gold type: n type actor tuple", file=sys.stderr)
    for t, c in sorted(by_type.items()):
        print(
            f"  {t:10} {c['n']:4} {ratio(c['type'], c['n']):.3f} "
            f"{ratio(c['actor'], c['n']):.3f} {ratio(c['tuple'], c['n']):.3f}",
            file=sys.stderr,
        )
    notes = ("rejected", "events_failed", "period_added", "unlocated", "extra_recipient")
    for note in (*notes, "negated_only"):
        print(f"{part} note: {note} = {n[note]}", file=sys.stderr)
    out = {
        f"{part}_type_recall": ratio(n["type"], n["records"]),
        f"{part}_quad_recall": ratio(n["quad"], n["records"]),
        f"{part}_actor_recall": ratio(n["actor"], n["records"]),
        f"{part}_tuple_recall": ratio(n["tuple"], n["records"]),
        f"{part}_actor_member_recall": ratio(n["actor_members_ok"], n["actor_members"]),
        f"{part}_recipient_member_recall": ratio(n["recipient_members_ok"], n["recipient_members"]),
    }
    if n["actor_country"]:
        out |= {
            f"{part}_actor_country_recall": ratio(n["actor_country_ok"], n["actor_country"]),
            f"{part}_actor_sector_recall": ratio(n["actor_sector_ok"], n["actor_sector"]),
            f"{part}_recipient_country_recall": ratio(
                n["recipient_country_ok"], n["recipient_country"]
            ),
            f"{part}_recipient_sector_recall": ratio(
                n["recipient_sector_ok"], n["recipient_sector"]
            ),
        }
    return out | {
        f"n_{part}": n["records"],
        f"n_{part}_rejected": n["rejected"],
        f"n_{part}_events_failed": n["events_failed"],
        f"n_{part}_extra_recipient": n["extra_recipient"],
    }


def run_gsr(
    processor: Processor,
    quad: Mapping[str, int],
    limit: int | None,
    errors: IO[str] | None,
    half: str = "all",
) -> dict[str, float]:
    with GSR_FILE.open(encoding="utf-8") as fh:
        records = [json.loads(line) for line in fh if line.strip()]
    records = [r for r in records if half == "all" or gsr_half(r["id"]) == half][:limit]
    return recall_at_sentence(processor, records, quad, errors, "gsr")


def plv_records(path: Path, quad: Mapping[str, int]) -> list[dict[str, Any]]:
    """PLV rows as GSR-shaped records: the marked source and target as actor and recipient
    (PLV's placeholders "an actor" / "a recipient" as none), the gold root as the type."""

    def side(name: str) -> list[dict[str, str]]:
        return [] if name.strip().lower() in _PLV_PLACEHOLDERS else [{"text": name}]

    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    return [
        {
            "id": f"plv-{r['sentence_id']}",
            "text": r["sentence"],
            "event": r["gold_root"],
            "quad": plv_quad(r["gold_root"], quad),
            "actor": side(r["source"]),
            "recipient": side(r["target"]),
            "markup": "SRC/TAR" if r["gold_root"] in _PLV_SYMMETRIC else "",
        }
        for r in rows
    ]


def run_plv_e2e(
    processor: Processor,
    quad: Mapping[str, int],
    limit: int | None,
    errors: IO[str] | None,
    split: str = "test",
) -> dict[str, float]:
    """(B') PLV sentences end to end: our CONCEDE and RETREAT count as PLV's YIELD."""
    records = plv_records(PLV_DIR / f"PLV_{split}.tsv", quad)[:limit]
    plv = {**quad, "YIELD": 2}
    return recall_at_sentence(processor, records, plv, errors, "plv_e2e", label=to_plv)
