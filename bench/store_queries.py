"""Query latency on a store of 100,000 synthetic articles (SQLite by default).

Rows are generated straight into the tables (the write path is measured by bench/ingest.py):
texts drawn from a Zipf-like vocabulary, 20,000 actors in 60 countries, three quotes and two
events with two participants per article. Each query runs cold once, then 5 times; the median
counts.

    python bench/store_queries.py [--articles 100000] [--db sqlite:///PATH]

The last line is one JSON object: each query's median seconds, the slowest of them, and
`under_200ms` = the fraction of queries whose median is under 0.2 s.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from typing import Any

from sqlalchemy import insert

from newsgraph.store import Store
from newsgraph.store import tables as t

WORDS = 5000
ACTORS = 20000
COUNTRIES = [f"C{a}{b}" for a in "ABCDEFGHIJ" for b in "ABCDEF"]
TYPES = ["CONSULT", "COOPERATE", "AID", "DEMAND", "ACCUSE", "THREATEN", "PROTEST", "ASSAULT"]
BATCH = 2000


def _vocab(rng: random.Random) -> list[str]:
    letters = "abcdefghijklmnoprstuvwyz"
    return ["".join(rng.choice(letters) for _ in range(rng.randint(3, 9))) for _ in range(WORDS)]


def generate(store: Store, articles: int, seed: int = 7) -> dict[str, Any]:
    """Fill the store; returns names to query for."""
    rng = random.Random(seed)
    vocab = _vocab(rng)
    weights = [1 / (i + 1) for i in range(WORDS)]
    first = [w.capitalize() for w in vocab[:300]]
    last = [w.capitalize() for w in vocab[300:1300]]
    now = dt.datetime(2026, 1, 1)
    with store.engine.begin() as conn:
        actors: list[dict[str, Any]] = []
        for i in range(ACTORS):
            name = f"{rng.choice(first)} {rng.choice(last)}"
            actors.append(
                {
                    "id": i + 1,
                    "key": f"{name[0].lower()} {name.split()[-1].lower()}#{i}",
                    "type": "PERSON",
                    "name": name,
                    "search_name": name.lower(),
                    "country": rng.choice(COUNTRIES),
                    "sector": "GOV",
                    "sectors": "GOV",
                    "titles": "[]",
                    "aliases": "[]",
                    "article_count": 0,
                    "mention_count": 0,
                }
            )
        conn.execute(insert(t.actors), actors)
    for start in range(0, articles, BATCH):
        rows: dict[str, list[dict[str, Any]]] = {
            "articles": [],
            "quotes": [],
            "events": [],
            "event_participants": [],
        }
        for n in range(start, min(articles, start + BATCH)):
            aid = f"{n:016x}"
            day = dt.date(2020, 1, 1) + dt.timedelta(days=rng.randrange(2000))
            text = " ".join(rng.choices(vocab, weights, k=rng.randint(150, 400)))
            rows["articles"].append(
                {
                    "id": aid,
                    "uri": f"synthetic/{n}.txt",
                    "source": f"outlet{n % 50}",
                    "title": " ".join(rng.choices(vocab, weights, k=8)),
                    "published": day,
                    "language": "en",
                    "text": text,
                    "schema_version": 1,
                    "result": "{}",
                    "ingested_at": now,
                }
            )
            for q in range(3):
                actor = actors[int(rng.paretovariate(1.2)) % ACTORS]
                rows["quotes"].append(
                    {
                        "article_id": aid,
                        "id": f"q{q}",
                        "kind": "direct",
                        "text": text[:120],
                        "start": 0,
                        "end": 120,
                        "speaker": actor["name"],
                        "speaker_kind": "named",
                        "speaker_actor_id": actor["id"],
                        "via": rng.choice(["", "", "", f"outlet{rng.randrange(50)}"]),
                        "in_caption": False,
                        "published": day,
                    }
                )
            for v in range(2):
                rows["events"].append(
                    {
                        "article_id": aid,
                        "id": f"v{v}",
                        "type": rng.choice(TYPES),
                        "trigger": "met",
                        "start": 0,
                        "end": 3,
                        "date_value": day.isoformat(),
                        "day_start": day,
                        "day_end": day,
                    }
                )
                for role, pos in (("actor", 0), ("recipient", 0)):
                    actor = actors[int(rng.paretovariate(1.2)) % ACTORS]
                    rows["event_participants"].append(
                        {
                            "article_id": aid,
                            "event_id": f"v{v}",
                            "role": role,
                            "position": pos,
                            "actor_id": actor["id"],
                            "name": actor["name"],
                            "code": f"{actor['country']}GOV",
                            "country": actor["country"],
                            "sector": "GOV",
                            "day_start": day,
                        }
                    )
        with store.engine.begin() as conn:
            for name, batch in rows.items():
                conn.execute(insert(t.metadata.tables[name]), batch)
    common = actors[1]["name"]
    rare = actors[60]["name"]  # quoted a handful of times under the Pareto draw
    return {"vocab": vocab, "common": common, "rare": rare}


def _time(fn: Callable[[], list[Any]]) -> tuple[float, int]:
    fn()  # first run warms SQLite's page cache
    runs = []
    found = 0
    for _ in range(5):
        started = time.perf_counter()
        found = len(fn())
        runs.append(time.perf_counter() - started)
    return statistics.median(runs), found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--db", help="an empty store to fill (default: a temporary SQLite file)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        url = args.db or f"sqlite:///{tmp}/queries.db"
        with Store.open(url) as store:
            started = time.perf_counter()
            names = generate(store, args.articles)
            print(
                f"generated {args.articles} articles in {time.perf_counter() - started:.0f} s",
                file=sys.stderr,
            )
            vocab = names["vocab"]
            queries: dict[str, Callable[[], list[Any]]] = {
                "search_common": lambda: store.search(f"{vocab[3]} {vocab[10]}"),
                "search_rare": lambda: store.search(f"{vocab[2500]} {vocab[4000]}"),
                "quotes_by_speaker": lambda: store.quotes(speaker=names["common"]),
                "quotes_by_rare_speaker": lambda: store.quotes(speaker=names["rare"]),
                "quotes_by_speaker_via": lambda: store.quotes(
                    speaker=names["common"], via="outlet7"
                ),
                "events_by_actor": lambda: store.events(actor=names["common"]),
                "events_by_country": lambda: store.events(actor="CAB"),
                "events_by_actor_type_dates": lambda: store.events(
                    actor=names["common"],
                    type_="CONSULT",
                    since=dt.date(2021, 1, 1),
                    until=dt.date(2022, 12, 31),
                ),
            }
            summary: dict[str, float] = {}
            for name, fn in queries.items():
                seconds, found = _time(fn)
                summary[f"{name}_s"] = round(seconds, 4)
                print(f"{name}: {seconds * 1000:.1f} ms ({found} rows)", file=sys.stderr)
    times = [v for k, v in summary.items()]
    summary["slowest_s"] = max(times)
    summary["under_200ms"] = round(sum(v < 0.2 for v in times) / len(times), 3)
    print(json.dumps(summary))


if __name__ == "__main__":
    main()
