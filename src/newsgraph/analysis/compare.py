"""Compare how the outlets of one story reported it: what each carried, left out or told otherwise.

A story is a set of articles about one real-world event. Its quotes, events and claims are
aligned across the articles into *items* (one statement, one event, one figure), each carried
by one or more outlets. Near-duplicates (`articles.duplicate_of`) are re-publications, not
outlets that agree: they are listed as "republished by" under their original and never counted.

Alignment rules (done by `newsgraph.analysis.alignment`, where the thresholds live):

- **Who**: an entity is its corpus actor when the store has one (`entities.actor_id`), else
  `name_key(name, type)`. A person named only by surname ("Vell") takes the identity of the one
  full-named person of the story with that surname; with none or several, it stays apart.
- **Quotes**: the content words of the two quotes (lower case, stopwords dropped, plural, -ing
  and -ed endings stripped) overlap by Jaccard, or by containment (shared / smaller set) once
  at least 3 words are shared; fewer than 2 shared words never align. With the same speaker
  an overlap of `SAME_SPEAKER` (0.5) aligns them (a paraphrase, direct or indirect); with a
  different or unknown speaker it takes `OTHER_SPEAKER` (0.7), and the speakers are reported
  as an attribution difference, as are different relay chains ("according to …"). A quote
  that fits an item with its own speaker joins that item before any other-speaker match, so a
  remark relayed inside "X said …, according to Y" joins X's remark, not Y's report.
- **Events**: the same PLOVER type, a shared participant (the same identity, or the same country
  code when one side has no entity) and compatible dates (overlapping day ranges; a missing or
  publication-date fallback date fits any). Negation, future/hypothetical status and a different
  place are reported as differences.
- **Claims**: the same kind and unit, measures sharing content words (containment at least
  `MEASURE_OVERLAP`, 0.5), the same subject and overlapping times when both give one. Values
  agree within `VALUE_TOLERANCE`, 2 % (`APPROX_TOLERANCE`, 10 %, when one is approximate), or
  when ranges overlap; otherwise the item reports each outlet's figure as a conflict.

Per outlet: what it reported; what only it reported (with two or more outlets in the story);
what it left out: items carried by at least half of the other outlets, and by at least 2
outlets, but not by it; and where its figures or attributions differ from the others'.
"""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from types import MappingProxyType
from urllib.parse import urlsplit

from sqlalchemy import select
from sqlalchemy.exc import SQLAlchemyError

from newsgraph.analysis.alignment import Aspect, Difference, ItemKind, Report, Variant, align
from newsgraph.errors import AnalysisError, StoreError
from newsgraph.schema import Model, ResultDocument
from newsgraph.store import Store
from newsgraph.store import tables as t

__all__ = [
    "Comparison",
    "Difference",
    "Item",
    "OutletDifference",
    "OutletReadout",
    "Report",
    "Republication",
    "Variant",
    "compare_results",
    "compare_story",
    "outlet_label",
    "outlet_name",
    "render_html",
    "render_text",
]

_NO_DUPLICATES: Mapping[str, str] = MappingProxyType({})
_NO_ACTORS: Mapping[str, Mapping[str, int]] = MappingProxyType({})


class Item(Model):
    """One aligned statement, event or figure, and every outlet's report of it."""

    key: str
    """"quote-1", "event-2", "claim-1": numbered per kind, most widely carried first."""
    kind: ItemKind
    label: str
    outlets: tuple[str, ...]
    reports: tuple[Report, ...]
    differences: tuple[Difference, ...] = ()


class OutletDifference(Model):
    """Where one outlet's version of an item differs from the others'."""

    item: str
    aspect: Aspect
    value: str
    others: tuple[Variant, ...]
    minority: bool
    """Another version is carried by more outlets than this one."""


class Republication(Model):
    """A near-duplicate article: the same report again, not another outlet agreeing."""

    article_id: str
    outlet: str
    original_id: str
    original_outlet: str


class OutletReadout(Model):
    """What one outlet reported, alone reported, left out and told differently (item keys)."""

    outlet: str
    article_ids: tuple[str, ...]
    republished_by: tuple[str, ...] = ()
    reported: tuple[str, ...] = ()
    only: tuple[str, ...] = ()
    left_out: tuple[str, ...] = ()
    differences: tuple[OutletDifference, ...] = ()


class Comparison(Model):
    """The readout comparison of one story."""

    article_ids: tuple[str, ...]
    outlets: tuple[OutletReadout, ...]
    items: tuple[Item, ...]
    republications: tuple[Republication, ...] = ()

    def item(self, key: str) -> Item:
        """The item with this key (KeyError if none)."""
        for item in self.items:
            if item.key == key:
                return item
        raise KeyError(key)

    def outlet(self, name: str) -> OutletReadout:
        """The readout of this outlet (KeyError if it is not one of the story's outlets)."""
        for readout in self.outlets:
            if readout.outlet == name:
                return readout
        raise KeyError(name)

    def to_json(self, *, indent: int | None = 2) -> str:
        return self.model_dump_json(indent=indent)


def compare_story(store: Store, article_ids: Sequence[str]) -> Comparison:
    """Compare the stored articles of one story (ids or unambiguous id prefixes).

    The original of a near-duplicate given here is brought in, and the store's other
    near-duplicates of the story's originals are listed as its republications.
    """
    if not article_ids:
        raise AnalysisError("a comparison needs at least one article id")
    results = {r.article.id: r for r in (store.result(aid) for aid in article_ids)}
    a, e = t.articles.c, t.entities.c
    try:
        with store.engine.connect() as conn:
            given = conn.execute(select(a.id, a.duplicate_of).where(a.id.in_(list(results))))
            roots = {dup or aid for aid, dup in given}
            found = conn.execute(
                select(a.id, a.duplicate_of)
                .where(a.id.in_(sorted(roots)) | a.duplicate_of.in_(sorted(roots)))
                .order_by(a.seq)
            )
            members: dict[str, str | None] = {row.id: row.duplicate_of for row in found}
            actors: dict[str, dict[str, int]] = {}
            for aid, eid, actor in conn.execute(
                select(e.article_id, e.id, e.actor_id).where(
                    e.article_id.in_(list(members)), e.actor_id.is_not(None)
                )
            ):
                actors.setdefault(aid, {})[eid] = int(actor)
    except SQLAlchemyError as err:
        raise StoreError(f"reading the story's articles from {store.url} failed: {err}") from err
    for aid in members:
        if aid not in results:
            results[aid] = store.result(aid)
    duplicates = {aid: dup for aid, dup in members.items() if dup}
    return compare_results(list(results.values()), duplicates, actors=actors)


def compare_results(
    results: Sequence[ResultDocument],
    duplicates: Mapping[str, str] = _NO_DUPLICATES,
    *,
    actors: Mapping[str, Mapping[str, int]] = _NO_ACTORS,
) -> Comparison:
    """Compare the results of one story; pure, for tests and results held in memory.

    `duplicates` maps a near-duplicate's article id to its original's; a near-duplicate whose
    original is not among `results` counts as a report of its own. `actors` maps article id
    → entity id → corpus actor id (what `compare_story` reads from the store).
    """
    if not results:
        raise AnalysisError("a comparison needs at least one result")
    by_id = {r.article.id: r for r in results}
    names = {aid: outlet_name(r) for aid, r in by_id.items()}
    originals = {aid: dup for aid in by_id if (dup := duplicates.get(aid)) in by_id and dup != aid}
    reports = [r for aid, r in by_id.items() if aid not in originals]
    copies = [
        Republication(
            article_id=aid, outlet=names[aid], original_id=dup, original_outlet=names[dup]
        )
        for aid, dup in originals.items()
    ]
    outlets = list(dict.fromkeys(names[r.article.id] for r in reports))
    items: list[Item] = []
    numbers = dict.fromkeys(("quote", "event", "claim"), 0)
    for aligned in align(reports, names, actors):
        numbers[aligned.kind] += 1
        carried = {r.outlet for r in aligned.reports}
        items.append(
            Item(
                key=f"{aligned.kind}-{numbers[aligned.kind]}",
                kind=aligned.kind,
                label=aligned.label,
                outlets=tuple(o for o in outlets if o in carried),
                reports=aligned.reports,
                differences=aligned.differences,
            )
        )
    readouts = []
    for outlet in outlets:
        articles = tuple(r.article.id for r in reports if names[r.article.id] == outlet)
        copied_by = tuple(dict.fromkeys(c.outlet for c in copies if c.original_id in articles))
        readouts.append(_readout(outlet, articles, copied_by, items, len(outlets)))
    return Comparison(
        article_ids=tuple(by_id),
        outlets=tuple(readouts),
        items=tuple(items),
        republications=tuple(copies),
    )


def outlet_name(result: ResultDocument) -> str:
    """The outlet: the source's name, else the URL's host, else the article id."""
    source = result.article.source
    return outlet_label(source.name, source.url, result.article.id)


def outlet_label(name: str | None, url: str | None, article_id: str) -> str:
    """An outlet's name, else its URL's host (without "www."), else the article id."""
    if name and name.strip():
        return name.strip()
    host = urlsplit(url).hostname if url else None
    return host.removeprefix("www.") if host else article_id


def _readout(
    outlet: str,
    articles: tuple[str, ...],
    copied_by: tuple[str, ...],
    items: list[Item],
    count: int,
) -> OutletReadout:
    others = count - 1
    diffs = [
        OutletDifference(
            item=item.key,
            aspect=d.aspect,
            value=v.value,
            others=tuple(x for x in d.variants if outlet not in x.outlets),
            minority=any(len(x.outlets) > len(v.outlets) for x in d.variants),
        )
        for item in items
        for d in item.differences
        for v in d.variants
        if outlet in v.outlets
    ]
    return OutletReadout(
        outlet=outlet,
        article_ids=articles,
        republished_by=copied_by,
        reported=tuple(i.key for i in items if outlet in i.outlets),
        # With one outlet everything would be "only": say it only when there are others.
        only=tuple(i.key for i in items if others and i.outlets == (outlet,)),
        left_out=tuple(
            i.key
            for i in items
            if outlet not in i.outlets and len(i.outlets) >= 2 and 2 * len(i.outlets) >= others
        ),
        differences=tuple(diffs),
    )


# -- rendering ---------------------------------------------------------------------------------


def render_text(comparison: Comparison) -> str:
    """A plain-text readout of the comparison."""
    c = comparison
    items = {i.key: i for i in c.items}
    lines = [
        f"Story of {len(c.article_ids)} article(s) from {len(c.outlets)} outlet(s): "
        + ", ".join(o.outlet for o in c.outlets)
    ]
    lines += [
        f"  {r.outlet} republished {r.original_outlet} ({r.article_id} is a copy of "
        f"{r.original_id}): counted once, as {r.original_outlet}"
        for r in c.republications
    ]
    lines += ["", "Aligned items:"]
    for item in c.items:
        lines.append(f"  [{item.key}] {item.label}")
        lines.append(f"      carried by: {', '.join(item.outlets)}")
        lines += [f"      {r.outlet}: {_told(r)}" for r in item.reports]
        lines += [f"      {d.aspect} differs: {_variants(d.variants)}" for d in item.differences]
    for o in c.outlets:
        copied = f"; republished by {', '.join(o.republished_by)}" if o.republished_by else ""
        lines += ["", f"{o.outlet} (article {', '.join(o.article_ids)}{copied})"]
        lines.append(f"  reported: {len(o.reported)} item(s)")
        only = f"only {o.outlet}" + (
            f" (and its republisher {', '.join(o.republished_by)})" if o.republished_by else ""
        )
        lines += [f"  {only} reported [{k}] {items[k].label}" for k in o.only]
        lines += [
            f"  left out [{k}] {items[k].label} (carried by {', '.join(items[k].outlets)})"
            for k in o.left_out
        ]
        lines += [
            f"  {d.aspect} differs on [{d.item}]: {o.outlet}: {d.value}; {_variants(d.others)}"
            for d in o.differences
        ]
    return "\n".join(lines) + "\n"


def _told(report: Report) -> str:
    """What one report said: the words, then who said it, the relay and the figure or date."""
    about = [x for x in (report.speaker, report.value) if x]
    about += [f"via {' > '.join(report.via)}"] if report.via else []
    text = report.text if len(report.text) <= 160 else report.text[:159] + "…"
    return f"“{text}”" + (f" ({'; '.join(about)})" if about else "")


def _variants(variants: Sequence[Variant]) -> str:
    return "; ".join(f"{', '.join(v.outlets)}: {v.value}" for v in variants)


_CSS = (
    "body{font:15px/1.45 system-ui,sans-serif;max-width:60em;margin:1em auto;padding:0 1em}"
    "table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #ddd;padding:.3em;"
    "text-align:left;vertical-align:top}.diff{color:#a33}.only{color:#256}.left{color:#a60}"
)


def render_html(comparison: Comparison, *, page: bool = True) -> str:
    """The readout as HTML: a whole page, or with `page=False` a fragment; all text escaped."""
    c, e = comparison, html.escape
    items = {i.key: i for i in c.items}
    out = [f"<h1>Story of {len(c.article_ids)} articles from {len(c.outlets)} outlets</h1>"]
    if c.republications:
        out.append("<h2>Republished</h2><ul>")
        out += [
            f"<li>{e(r.outlet)} republished {e(r.original_outlet)} "
            f"(<code>{e(r.article_id)}</code>), counted once</li>"
            for r in c.republications
        ]
        out.append("</ul>")
    out.append(
        "<h2>Aligned items</h2><table><tr><th>Item</th><th>Outlets</th><th>Differences</th></tr>"
    )
    for item in c.items:
        diffs = "<br>".join(f"{e(d.aspect)}: {e(_variants(d.variants))}" for d in item.differences)
        told = "".join(f"<li>{e(r.outlet)}: {e(_told(r))}</li>" for r in item.reports)
        out.append(
            f'<tr id="{e(item.key)}"><td>[{e(item.key)}] {e(item.label)}'
            f"<details><summary>as reported</summary><ul>{told}</ul></details></td>"
            f'<td>{e(", ".join(item.outlets))}</td><td class="diff">{diffs}</td></tr>'
        )
    out.append("</table>")
    for o in c.outlets:
        copied = f" — republished by {e(', '.join(o.republished_by))}" if o.republished_by else ""
        out.append(
            f"<section><h2>{e(o.outlet)}{copied}</h2><p>Reported {len(o.reported)} item(s).</p><ul>"
        )
        also = f" (and its republisher {', '.join(o.republished_by)})" if o.republished_by else ""
        out += [
            f'<li class="only">Only {e(o.outlet + also)} reported {e(items[k].label)}</li>'
            for k in o.only
        ]
        out += [
            f'<li class="left">Left out {e(items[k].label)} '
            f"(carried by {e(', '.join(items[k].outlets))})</li>"
            for k in o.left_out
        ]
        out += [
            f'<li class="diff">{e(d.aspect)} differs on {e(items[d.item].label)}: '
            f"{e(o.outlet)}: {e(d.value)}; {e(_variants(d.others))}</li>"
            for d in o.differences
        ]
        out.append("</ul></section>")
    body = "\n".join(out)
    if not page:
        return f'<article class="comparison">\n{body}\n</article>\n'
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f"<title>Story comparison</title><style>{_CSS}</style></head>\n"
        f"<body>\n{body}\n</body></html>\n"
    )
