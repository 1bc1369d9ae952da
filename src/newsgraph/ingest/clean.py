"""Text normalisation shared by every source; `clean_text(clean_text(x)) == clean_text(x)`."""

from __future__ import annotations

import re
import unicodedata

# Characters that carry no meaning in news text but break matching and offsets downstream.
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
# Every kind of horizontal space becomes a plain space (pasted pages are full of U+00A0).
_SPACES = re.compile(r"[^\S\n]+")
_MANY_BLANKS = re.compile(r"\n{3,}")


def clean_text(raw: str) -> str:
    """Normalise unicode (NFC), line ends and spacing, keeping line structure."""
    text = unicodedata.normalize("NFC", raw).translate(_INVISIBLE)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _SPACES.sub(" ", text)
    text = "\n".join(line.strip() for line in text.split("\n"))
    return _MANY_BLANKS.sub("\n\n", text).strip()


def clean_line(line: str) -> str:
    """One paragraph's text: spacing collapsed, ends stripped."""
    return _SPACES.sub(" ", unicodedata.normalize("NFC", line).translate(_INVISIBLE)).strip()


_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "‘": "'", "’": "'", "—": "-", "–": "-"})


def match_key(line: str) -> str:
    """Comparison key for spotting repeated lines: case, quote style and spacing ignored."""
    return re.sub(r"\s+", " ", line.translate(_QUOTES)).strip().casefold()
