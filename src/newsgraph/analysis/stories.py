"""Stories: cluster stored articles that report the same real-world event or development.

Similarity is `textsim.similarity` (content words + names); clusters are average-link
agglomerations cut at a similarity threshold, so the number of stories is never given. The
threshold, the names weight and the idf prior were tuned on ECB+ train and dev topics
(bench/ecbplus.py): 0.2, 0.6 and 300 pseudo-documents.

In a store, assignment is incremental: articles without a story are clustered together with
the articles of the surrounding days, and a cluster that contains already-assigned articles
joins their story; otherwise it starts a new one. Assigned articles never move, so story ids
stay stable as a corpus grows. Near-duplicates share their original's story and do not
count as another outlet.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import numpy as np
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.spatial.distance import squareform
from sqlalchemy import Connection, delete, insert, select, update
from sqlalchemy.exc import SQLAlchemyError

from newsgraph.analysis.compare import outlet_label
from newsgraph.analysis.textsim import PRIOR_DOCS, Matrix, similarity
from newsgraph.errors import NotFound, StoreError
from newsgraph.store import Store
from newsgraph.store import tables as t

THRESHOLD = 0.2
NAMES_WEIGHT = 0.6
WINDOW_DAYS = 14
# Average-link needs the full similarity matrix; beyond this many articles in one window the
# oldest assigned neighbours are dropped (4,000² float64 is 128 MB).
MAX_WINDOW = 4000


def average_link(sim: Matrix, threshold: float = THRESHOLD) -> list[int]:
    """Cluster labels (0, 1, …) cutting an average-link tree at mean similarity `threshold`."""
    n = sim.shape[0]
    if n == 0:
        return []
    if n == 1:
        return [0]
    distance = np.clip(1.0 - sim, 0.0, None)
    np.fill_diagonal(distance, 0.0)
    tree = linkage(squareform(distance, checks=False), "average")
    raw = fcluster(tree, 1.0 - threshold, "distance")
    # Renumber by first appearance, so labels are stable for the same input order.
    order: dict[int, int] = {}
    return [order.setdefault(int(label), len(order)) for label in raw]


def cluster_texts(
    texts: Sequence[str],
    *,
    threshold: float = THRESHOLD,
    names_weight: float = NAMES_WEIGHT,
    prior: int = PRIOR_DOCS,
) -> list[int]:
    """Story labels for a batch of article texts."""
    return average_link(similarity(texts, names_weight=names_weight, prior=prior), threshold)


@dataclass
class StoryUpdate:
    """What one `update_stories` run did."""

    assigned: int = 0
    joined: int = 0
    """Articles that joined an existing story."""
    created: int = 0
    """New stories."""
    duplicates: int = 0
    """Near-duplicates given their original's story."""


def update_stories(
    store: Store,
    *,
    rebuild: bool = False,
    window_days: int = WINDOW_DAYS,
    threshold: float = THRESHOLD,
) -> StoryUpdate:
    """Give every stored article without a story one; `rebuild` starts from scratch."""
    report = StoryUpdate()
    touched: set[int] = set()
    with store.engine.begin() as conn:
        if rebuild:
            conn.execute(delete(t.story_articles))
            conn.execute(delete(t.stories))
        pending = _unassigned(conn)
        while pending:
            start = pending[0]["day"]
            end = start + dt.timedelta(days=window_days)
            batch = [a for a in pending if a["day"] <= end]
            pending = pending[len(batch) :]
            neighbours = _assigned_between(
                conn, start - dt.timedelta(days=window_days), end + dt.timedelta(days=window_days)
            )[-max(0, MAX_WINDOW - len(batch)) :]
            touched |= _assign(conn, batch, neighbours, threshold, report)
        duplicated = _assign_duplicates(conn)
        report.duplicates = len(duplicated)
        # Only the stories that gained articles change; the rest of the corpus is not re-read.
        _refresh(conn, touched | set(duplicated))
    return report


def _day(published: dt.date | None, ingested: dt.datetime) -> dt.date:
    return published or ingested.date()


def _unassigned(conn: Connection) -> list[dict[str, Any]]:
    a, sa = t.articles, t.story_articles
    rows = conn.execute(
        select(a.c.id, a.c.text, a.c.published, a.c.ingested_at)
        .where(a.c.duplicate_of.is_(None))
        .where(a.c.id.not_in(select(sa.c.article_id)))
        .order_by(a.c.seq)
    ).all()
    out = [
        {"id": r.id, "text": r.text, "day": _day(r.published, r.ingested_at), "story": None}
        for r in rows
    ]
    return sorted(out, key=lambda r: r["day"])


def _assigned_between(conn: Connection, first: dt.date, last: dt.date) -> list[dict[str, Any]]:
    a, sa = t.articles, t.story_articles
    rows = conn.execute(
        select(a.c.id, a.c.text, a.c.published, a.c.ingested_at, sa.c.story_id)
        .join(sa, sa.c.article_id == a.c.id)
        .where(a.c.duplicate_of.is_(None))
        .where(a.c.published.is_(None) | ((a.c.published >= first) & (a.c.published <= last)))
        .order_by(a.c.seq)
    ).all()
    return [
        {"id": r.id, "text": r.text, "day": _day(r.published, r.ingested_at), "story": r.story_id}
        for r in rows
        if first <= _day(r.published, r.ingested_at) <= last
    ]


def _assign(
    conn: Connection,
    batch: list[dict[str, Any]],
    neighbours: list[dict[str, Any]],
    threshold: float,
    report: StoryUpdate,
) -> set[int]:
    """Place `batch` among its assigned `neighbours`; returns the stories that grew."""
    grew: set[int] = set()
    items = neighbours + batch
    sim = similarity([i["text"] for i in items], names_weight=NAMES_WEIGHT)
    labels = average_link(sim, threshold)
    members: dict[int, list[int]] = {}
    for index, label in enumerate(labels):
        members.setdefault(label, []).append(index)
    for indices in members.values():
        fresh = [i for i in indices if items[i]["story"] is None]
        if not fresh:
            continue
        known = Counter(items[i]["story"] for i in indices if items[i]["story"] is not None)
        if known:
            story = min(known, key=lambda s: (-known[s], s))
            report.joined += len(fresh)
        else:
            story = int(
                conn.execute(
                    insert(t.stories)
                    .values(article_count=0, outlet_count=0)
                    .returning(t.stories.c.id)
                ).scalar_one()
            )
            report.created += 1
        for i in fresh:
            items[i]["story"] = story
        story_indices = [i for i in indices if items[i]["story"] == story]
        conn.execute(
            insert(t.story_articles),
            [
                {
                    "article_id": items[i]["id"],
                    "story_id": story,
                    "similarity": float(np.mean([sim[i, j] for j in story_indices if j != i]))
                    if len(story_indices) > 1
                    else None,
                }
                for i in fresh
            ],
        )
        report.assigned += len(fresh)
        grew.add(story)
    return grew


def _assign_duplicates(conn: Connection) -> list[int]:
    """Give near-duplicates their original's story; the story id of each one placed."""
    a, sa = t.articles, t.story_articles
    rows = conn.execute(
        select(a.c.id, sa.c.story_id)
        .join(sa, sa.c.article_id == a.c.duplicate_of)
        .where(a.c.duplicate_of.is_not(None))
        .where(a.c.id.not_in(select(sa.c.article_id)))
    ).all()
    if rows:
        conn.execute(
            insert(t.story_articles),
            [{"article_id": r.id, "story_id": r.story_id, "similarity": None} for r in rows],
        )
    return [r.story_id for r in rows]


def _refresh(conn: Connection, story_ids: set[int]) -> None:
    """Recompute these stories' titles, dates and counts from their articles."""
    if not story_ids:
        return
    a, sa = t.articles, t.story_articles
    rows = conn.execute(
        select(sa.c.story_id, a.c.title, a.c.source, a.c.published, a.c.duplicate_of, a.c.seq)
        .join(a, a.c.id == sa.c.article_id)
        .where(sa.c.story_id.in_(story_ids))
        .order_by(sa.c.story_id, a.c.seq)
    ).all()
    by_story: dict[int, list[Any]] = {}
    for r in rows:
        by_story.setdefault(r.story_id, []).append(r)
    for story_id, arts in by_story.items():
        originals = [r for r in arts if r.duplicate_of is None]
        days = [r.published for r in arts if r.published]
        conn.execute(
            update(t.stories)
            .where(t.stories.c.id == story_id)
            .values(
                title=next((r.title for r in originals if r.title), None),
                first_day=min(days) if days else None,
                last_day=max(days) if days else None,
                article_count=len(originals),
                outlet_count=len({r.source or f"?{r.seq}" for r in originals}),
            )
        )


@contextmanager
def _reading(store: Store) -> Iterator[Connection]:
    """A connection for the readers below; a database failure becomes a StoreError."""
    try:
        with store.engine.connect() as conn:
            yield conn
    except SQLAlchemyError as err:
        raise StoreError(f"reading stories from {store.url} failed: {err}") from err


def stories(store: Store, *, limit: int = 50, min_outlets: int = 1) -> list[dict[str, Any]]:
    """Stories, biggest first."""
    s = t.stories.c
    with _reading(store) as conn:
        rows = conn.execute(
            select(s.id, s.title, s.first_day, s.last_day, s.article_count, s.outlet_count)
            .where(s.outlet_count >= min_outlets)
            .order_by(s.outlet_count.desc(), s.article_count.desc(), s.id)
            .limit(limit)
        ).mappings()
        return [dict(r) for r in rows]


def story_article_ids(store: Store, story_id: int) -> list[str]:
    """Ids of a story's articles (near-duplicates included), oldest first."""
    a, sa = t.articles, t.story_articles
    with _reading(store) as conn:
        if conn.scalar(select(t.stories.c.id).where(t.stories.c.id == story_id)) is None:
            raise NotFound("story", story_id)
        return list(
            conn.scalars(
                select(sa.c.article_id)
                .join(a, a.c.id == sa.c.article_id)
                .where(sa.c.story_id == story_id)
                .order_by(a.c.seq)
            )
        )


def story(store: Store, story_id: int) -> dict[str, Any]:
    """One story's row: title, first and last day, article and outlet counts."""
    s = t.stories.c
    with _reading(store) as conn:
        row = (
            conn.execute(
                select(
                    s.id, s.title, s.first_day, s.last_day, s.article_count, s.outlet_count
                ).where(s.id == story_id)
            )
            .mappings()
            .first()
        )
    if row is None:
        raise NotFound("story", story_id)
    return dict(row)


def story_articles(store: Store, story_id: int) -> list[dict[str, Any]]:
    """A story's articles, oldest first: id, title, outlet, url, published, duplicate_of.

    `outlet` is what the comparison calls the outlet (`compare.outlet_label`); a near-duplicate
    has `duplicate_of`, its original's id.
    """
    a, sa = t.articles.c, t.story_articles.c
    with _reading(store) as conn:
        if conn.scalar(select(t.stories.c.id).where(t.stories.c.id == story_id)) is None:
            raise NotFound("story", story_id)
        rows = conn.execute(
            select(a.id, a.title, a.source, a.url, a.published, a.duplicate_of, sa.similarity)
            .join(t.story_articles, sa.article_id == a.id)
            .where(sa.story_id == story_id)
            .order_by(a.published.asc().nulls_last(), a.seq)
        ).mappings()
        return [
            {
                "id": r["id"],
                "title": r["title"],
                "outlet": outlet_label(r["source"], r["url"], r["id"]),
                "url": r["url"],
                "published": r["published"],
                "duplicate_of": r["duplicate_of"],
                "similarity": r["similarity"],
            }
            for r in rows
        ]


def article_story(store: Store, article_id: str) -> int | None:
    """The id of the story an article (full id) belongs to, None when it has none yet."""
    sa = t.story_articles.c
    with _reading(store) as conn:
        found = conn.scalar(select(sa.story_id).where(sa.article_id == article_id))
    return None if found is None else int(found)
