"""The `--format text` report: what a person wants to see of one result."""

from __future__ import annotations

import textwrap
from collections import defaultdict

from newsgraph.schema import Entity, ResultDocument

_WIDTH = 88
_GROUPS = (
    ("People", ("PERSON",)),
    ("Organisations", ("ORG",)),
    ("Places", ("GPE", "LOC", "FAC")),
    ("Groups and nationalities", ("NORP",)),
    ("Other", ()),
)


def _wrap(text: str, indent: str = "", subsequent: str | None = None) -> str:
    later = indent if subsequent is None else subsequent
    return textwrap.fill(text, _WIDTH, initial_indent=indent, subsequent_indent=later)


def render_text(result: ResultDocument) -> str:
    """A plain-text report: title, date, structure, who is in it, quotes, events and dates."""
    a = result.article
    lines: list[str] = [a.title or "(untitled)", "=" * min(_WIDTH, len(a.title or "(untitled)"))]
    if a.published:
        how = {
            "given": "given",
            "metadata": "from the page's metadata",
            "inferred": "inferred from the text",
        }
        date = f"Published {a.published.isoformat()} ({how[a.published_source or 'given']}"
        if a.published_range and a.published_range.earliest != a.published_range.latest:
            date += f"; {a.published_range.earliest} to {a.published_range.latest} fit"
        if a.published_evidence:
            date += "; evidence: " + ", ".join(f"“{e.text}”" for e in a.published_evidence)
        lines.append(_wrap(date + ")"))
    else:
        lines.append("Publication date unknown")
    meta = []
    if a.source.name:
        meta.append(f"Source: {a.source.name}")
    if a.authors:
        meta.append("By " + ", ".join(a.authors))
    if a.contributors:
        meta.append("Contributors: " + ", ".join(a.contributors))
    if meta:
        lines.append(" · ".join(meta))
    if a.subtitle:
        lines += ["", _wrap(a.subtitle)]

    body = a.paragraphs_of("body")
    lines += [
        "",
        f"{len(body)} body paragraphs, {len(a.text.split())} words, language {a.language}.",
    ]
    if a.sections:
        lines.append("Sections: " + " · ".join(s.heading.text for s in a.sections))
    if a.captions:
        lines.append(f"Captions ({len(a.captions)}):")
        for cap in a.captions:
            credit = f" [photo: {cap.credit}]" if cap.credit else ""
            lines.append(
                textwrap.fill(
                    cap.text + credit, _WIDTH, initial_indent="  - ", subsequent_indent="    "
                )
            )
    dropped = len(a.cleaning.junk_lines) + len(a.cleaning.duplicate_lines)
    if dropped:
        lines.append(
            f"Dropped: {len(a.cleaning.junk_lines)} page-furniture line(s)"
            + (
                f" ({', '.join(repr(j) for j in a.cleaning.junk_lines[:4])})"
                if a.cleaning.junk_lines
                else ""
            )
            + f", {len(a.cleaning.duplicate_lines)} repeated line(s)."
        )

    lines += ["", "Who is in it"]
    lines += _entities(result) or ["  (no named entities found)"]
    names = {e.id: e.name for e in result.entities}
    if result.quotes:
        lines += ["", f"Quotes ({len(result.quotes)})"]
        for q in result.quotes:
            who = names.get(q.speaker_entity or "", q.speaker.text if q.speaker else "(no source)")
            notes = [q.cue.text] if q.cue else []
            if q.via_entities:
                notes.append("via " + ", ".join(names.get(v, v) for v in q.via_entities))
            if q.addressee_entity:
                notes.append("to " + names.get(q.addressee_entity, q.addressee_entity))
            if q.in_caption:
                notes.append("caption")
            said = " … ".join(c.text for c in q.content)
            # A quote inside another (a speaker quoting someone, a relayed statement) is indented.
            indent, later = ("    ↳ ", "      ") if q.parent else ("  ", "  ")
            lines.append(_wrap(f"{who} ({'; '.join(notes)}): {said}", indent, later))
    if result.events:
        lines += ["", f"Events ({len(result.events)})"]
        for ev in result.events:
            # Participants no entity covers ("Lithuanian troops") are shown by their words.
            actors = ", ".join(names.get(x, x) for x in ev.actors) or ", ".join(
                s.text for s in ev.actor_spans
            )
            recips = ", ".join(names.get(x, x) for x in ev.recipients) or ", ".join(
                s.text for s in ev.recipient_spans
            )
            when = f" on {ev.date.value}" if ev.date and not ev.date.fallback else ""
            flags = [f for f, on in (("not", ev.negated), ("future", ev.future),
                                     ("hypothetical", ev.hypothetical)) if on]  # fmt: skip
            note = f"; {', '.join(flags)}" if flags else ""
            lines.append(
                _wrap(
                    f"{ev.type} ({ev.cameo}): {actors or '?'} → {recips or '—'}{when} "
                    f"(“{ev.trigger.text}”{note})",
                    "  ",
                )
            )
    if result.timexes:
        lines += ["", f"Dates and times ({len(result.timexes)})"]
        for t in result.timexes:
            notes = [t.type] + ([t.mod] if t.mod else [])
            if t.anchored == "reference":
                notes.append("counted from the date named before it")
            lines.append(f"  {t.text} → {t.value} ({', '.join(notes)})")
    if result.claims:
        lines += ["", f"Figures ({len(result.claims)})"]
        for c in result.claims:
            notes = [n for n in (c.unit, c.direction, c.comparison, c.time) if n]
            if c.claimant_entity:
                notes.append("claimed by " + names.get(c.claimant_entity, c.claimant_entity))
            what = f" — {c.measure}" if c.measure else ""
            lines.append(_wrap(f"{c.span.text}{what} ({'; '.join(notes) or c.kind})", "  "))
    problems = [r for r in result.runs if r.status != "ok"]
    if problems:
        lines += ["", "Extractors that did not finish"]
        lines += [f"  {r.name}: {r.status} ({r.error})" for r in problems]
    return "\n".join(lines) + "\n"


def _code(country: str | None, sector: str | None) -> str:
    return " ".join(x for x in (country, sector) if x)


def _entities(result: ResultDocument) -> list[str]:
    grouped: dict[str, list[Entity]] = defaultdict(list)
    for e in result.entities:
        group = next((g for g, labels in _GROUPS if e.type in labels), "Other")
        grouped[group].append(e)
    out = []
    for group, _ in _GROUPS:
        members = sorted(grouped.get(group, []), key=lambda e: (-len(e.mentions), e.name))
        if not members:
            continue
        if group == "People":
            # People get a line each: who they are matters more than how often they appear.
            out.append("  People:")
            for e in members[:12]:
                about = "; ".join(
                    x for x in (e.titles[0] if e.titles else "", _code(e.country, e.sector)) if x
                )
                out.append(
                    _wrap(
                        f"{e.name} ({len(e.mentions)})" + (f" — {about}" if about else ""), "    "
                    )
                )
            if len(members) > 12:
                out.append(f"    and {len(members) - 12} more")
            continue
        listed = ", ".join(
            f"{e.name}"
            + (f" [{_code(e.country, e.sector)}]" if e.country else "")
            + (f" ({len(e.mentions)})" if len(e.mentions) > 1 else "")
            for e in members[:12]
        )
        more = f", and {len(members) - 12} more" if len(members) > 12 else ""
        out.append(_wrap(f"{group}: {listed}{more}", "  "))
    return out
