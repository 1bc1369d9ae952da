"""Quotation marks as pasted news really has them: paired by position, not by glyph.

Curly marks are often wrong way round in pasted text (a closing mark used to open, an opening
mark used to close), straight marks carry no direction at all, and some outlets quote with
straight single quotes. So a mark's role comes from what surrounds it: one after a space or an
opening bracket and before a word opens, one after a word and before a space or punctuation
closes. Glyph direction only breaks ties.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

DOUBLE = frozenset('"“”„‟«»')
SINGLE = frozenset("'‘’‚‛")
_OPENERS = frozenset("“„‟«‘‚‛")
_BEFORE_OPEN = frozenset("([{—–-/")
_AFTER_CLOSE = frozenset(".,;:!?)]}—–-/…")
_PARAGRAPH = re.compile(r"\n\s*\n")
_DOUBLE_RE = re.compile("[" + re.escape("".join(sorted(DOUBLE))) + "]")
_SINGLE_RE = re.compile("[" + re.escape("".join(sorted(SINGLE))) + "]")


@dataclass(frozen=True, slots=True)
class Stretch:
    """A quoted stretch [start, end) including its marks; `closed` is False when a paragraph
    ended before the closing mark (the multi-paragraph quote convention)."""

    start: int
    end: int
    single: bool
    closed: bool = True


def _roles(text: str, i: int, width: int = 1) -> tuple[bool, bool]:
    """(can open, can close) for the mark of `width` characters at i."""
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + width] if i + width < len(text) else " "
    can_open = (prev.isspace() or prev in _BEFORE_OPEN or prev in DOUBLE) and not nxt.isspace()
    can_close = (not prev.isspace()) and (
        nxt.isspace() or nxt in _AFTER_CLOSE or nxt in DOUBLE or nxt in SINGLE
    )
    return can_open, can_close


def _paragraphs(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _PARAGRAPH.finditer(text):
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(text)))
    return spans


def uses_single_quotes(text: str) -> bool:
    """True for texts that quote with single marks only (no double mark anywhere, but
    single marks that open before a word)."""
    if _DOUBLE_RE.search(text):
        return False
    opening = 0
    for m in re.finditer(r"['‘]", text):
        can_open, _ = _roles(text, m.start())
        opening += can_open
    return opening >= 2


def _pair(text: str, lo: int, hi: int, marks: frozenset[str], single: bool) -> list[Stretch]:
    out: list[Stretch] = []
    open_at: int | None = None
    pattern = _SINGLE_RE if single else _DOUBLE_RE
    i = lo
    while i < hi:
        # Jump to the next mark: most of a paragraph is not quotation marks.
        m = pattern.search(text, i, hi)
        if m is None:
            break
        i = m.start()
        c = text[i]
        # Two straight single quotes stand for a double one in some archives.
        width = 2 if single and text.startswith("''", i) else 1
        can_open, can_close = _roles(text, i, width)
        at, i = i, i + width
        if single and not can_open and not can_close:
            continue  # an apostrophe inside a word
        if open_at is None:
            if can_open or (not can_close and c in _OPENERS):
                open_at = at
            continue
        if can_close or (not can_open and c not in _OPENERS):
            out.append(Stretch(open_at, at + width, single))
            open_at = None
        elif can_open:
            # Two openers in a row: the first one was never closed (a typo or a dropped mark);
            # a quote cannot be recovered from it, so start again here.
            open_at = at
    if open_at is not None and not single:
        end = hi
        while end > open_at and text[end - 1].isspace():
            end -= 1
        if end - open_at > 1:
            out.append(Stretch(open_at, end, single, closed=False))
    return out


def find_stretches(text: str) -> list[Stretch]:
    """Top-level quoted stretches, in text order, each within one paragraph."""
    single_mode = uses_single_quotes(text)
    marks = SINGLE if single_mode else DOUBLE
    out: list[Stretch] = []
    for lo, hi in _paragraphs(text):
        out.extend(_pair(text, lo, hi, marks, single_mode))
    return out


def find_nested(text: str, outer: Stretch) -> list[Stretch]:
    """Single-quoted stretches inside a double-quoted one (a speaker quoting someone else)."""
    if outer.single:
        return []
    return _pair(text, outer.start + 1, outer.end - 1, SINGLE, single=True)
