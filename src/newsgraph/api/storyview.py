"""What the story page shows: the story's articles by outlet, and its comparison as a table of
aligned items × outlets (who carried which quote, event and figure) with per-outlet notes.

Pure functions over `analysis.compare.Comparison` and the story's article rows; the template
escapes every value.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from newsgraph.analysis.compare import Comparison, Item, OutletReadout, Report

KIND_HEADINGS = (("quote", "Quotes"), ("event", "Events"), ("claim", "Figures"))
CARRIED, MISSING = "✓", "—"


@dataclass(frozen=True, slots=True)
class Cell:
    """Whether one outlet carried one item, and its version where the outlets differ."""

    outlet: str
    state: Literal["carried", "missing"]
    mark: str
    """✓ or —."""
    values: tuple[str, ...]
    """The outlet's version of each detail the outlets disagree on ("25 percent", "via X")."""
    told: str
    """What the outlet's article said (hover text); why it is missing otherwise."""
    left_out: bool
    """The item is one this outlet left out (most others carried it)."""
    only: bool


@dataclass(frozen=True, slots=True)
class Row:
    key: str
    kind: str
    label: str
    cells: tuple[Cell, ...]
    carried: int
    """How many outlets carried it."""


@dataclass(frozen=True, slots=True)
class Section:
    kind: str
    heading: str
    rows: tuple[Row, ...]


@dataclass(frozen=True, slots=True)
class Note:
    key: str
    label: str
    detail: str


@dataclass(frozen=True, slots=True)
class OutletCard:
    """One outlet's readout: what only it carried, what it left out, where it differs."""

    outlet: str
    article_ids: tuple[str, ...]
    republished_by: tuple[str, ...]
    reported: int
    only: tuple[Note, ...]
    left_out: tuple[Note, ...]
    differences: tuple[Note, ...]


@dataclass(frozen=True, slots=True)
class OutletArticles:
    """An outlet's articles in the story; near-duplicates marked with their original."""

    outlet: str
    articles: tuple[dict[str, Any], ...]


def told(report: Report) -> str:
    """One outlet's report of an item as a line: the words, then speaker, relay and figure."""
    about = [x for x in (report.speaker, report.value) if x]
    if report.via:
        about.append("via " + " > ".join(report.via))
    text = report.text if len(report.text) <= 240 else report.text[:239] + "…"
    return f"“{text}”" + (f" ({'; '.join(about)})" if about else "")


def carried_table(comparison: Comparison) -> tuple[Section, ...]:
    """The aligned items as rows of cells, one per outlet, grouped by kind."""
    outlets = [o.outlet for o in comparison.outlets]
    readouts = {o.outlet: o for o in comparison.outlets}
    sections = []
    for kind, heading in KIND_HEADINGS:
        rows = tuple(
            _row(item, outlets, readouts) for item in comparison.items if item.kind == kind
        )
        if rows:
            sections.append(Section(kind, heading, rows))
    return tuple(sections)


def _row(item: Item, outlets: Sequence[str], readouts: Mapping[str, OutletReadout]) -> Row:
    cells = []
    for outlet in outlets:
        readout = readouts[outlet]
        if outlet in item.outlets:
            values = tuple(
                dict.fromkeys(
                    v.value for d in item.differences for v in d.variants if outlet in v.outlets
                )
            )
            lines = [told(r) for r in item.reports if r.outlet == outlet]
            cells.append(
                Cell(
                    outlet,
                    "carried",
                    CARRIED,
                    values,
                    "\n".join(lines),
                    left_out=False,
                    only=item.key in readout.only,
                )
            )
        else:
            left = item.key in readout.left_out
            why = f"{outlet} did not carry this" + (
                f"; {', '.join(item.outlets)} did" if item.outlets else ""
            )
            cells.append(Cell(outlet, "missing", MISSING, (), why, left_out=left, only=False))
    return Row(item.key, item.kind, item.label, tuple(cells), len(item.outlets))


def outlet_cards(comparison: Comparison) -> tuple[OutletCard, ...]:
    """Per outlet: what only it carried, what it left out and where its version differs."""
    items = {i.key: i for i in comparison.items}
    cards = []
    for o in comparison.outlets:
        differences = tuple(
            Note(
                d.item,
                items[d.item].label,
                f"{d.aspect}: {o.outlet} gives {d.value}; "
                + "; ".join(f"{', '.join(v.outlets)}: {v.value}" for v in d.others),
            )
            for d in o.differences
        )
        cards.append(
            OutletCard(
                outlet=o.outlet,
                article_ids=o.article_ids,
                republished_by=o.republished_by,
                reported=len(o.reported),
                only=tuple(Note(k, items[k].label, "") for k in o.only),
                left_out=tuple(
                    Note(k, items[k].label, "carried by " + ", ".join(items[k].outlets))
                    for k in o.left_out
                ),
                differences=differences,
            )
        )
    return tuple(cards)


def articles_by_outlet(rows: Sequence[Mapping[str, Any]]) -> tuple[OutletArticles, ...]:
    """The story's articles grouped by outlet, in order of each outlet's first article.

    A near-duplicate row gets `original` (the original's row), so the page can say whose
    report it republished.
    """
    by_id = {r["id"]: r for r in rows}
    groups: dict[str, list[dict[str, Any]]] = {}
    for r in rows:
        original = by_id.get(r["duplicate_of"]) if r["duplicate_of"] else None
        groups.setdefault(r["outlet"], []).append({**r, "original": original})
    return tuple(OutletArticles(outlet, tuple(arts)) for outlet, arts in groups.items())
