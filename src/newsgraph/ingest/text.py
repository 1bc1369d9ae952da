"""Pasted news text: recognise title, standfirst, headings, captions, credits, bylines and junk.

Text copied from a news page keeps the page furniture: the headline repeated under the
standfirst, captions followed by photo credits ("Name/AGENCY via Getty Images", sometimes in
parentheses), the same caption twice, video-player lines ("Updated:", "0:00"), section
headings, and a closing "X, Y, and Z contributed to this report." line. Each line of the
paste is a paragraph; the rules below decide what kind, and what is dropped (and recorded).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from newsgraph.ingest.assemble import Block, Page
from newsgraph.ingest.clean import clean_text, match_key
from newsgraph.schema import ParagraphKind

# Lines that are page furniture, never article text. Anchored: the whole line must match.
_JUNK = re.compile(
    r"""^(?:
        updated:?(?:\s.{0,60})?|published:?(?:\s.{0,60})?|
        \d{1,2}:\d{2}(?::\d{2})?(?:\s*/\s*\d{1,2}:\d{2}(?::\d{2})?)?|      # player clock "0:00", "1:02 / 3:45"
        (?:share|print|email|e-mail|copy\ link|listen(?:\ to\ this\ article)?|comments?|
           advertisement|ad|sponsored|read\ more|see\ more|show\ more|subscribe(?:\ now)?|
           sign\ up|log\ in|sign\ in|follow\ us|play|pause|mute|video|watch|close|
           facebook|twitter|x|linkedin|whatsapp|telegram|reddit|pinterest|
           skip\ (?:to\ )?(?:main\ )?content|font\ size|a\+|a-|\d+\ min(?:ute)?s?\ read)
        [.:!]?
    )$""",
    re.IGNORECASE | re.VERBOSE,
)

# A name part of a credit: capitalised words, possibly hyphenated or initials ("A."), with
# the lowercase particles of names ("Piet de Vries").
_PARTICLE = r"(?:de|van|von|der|den|da|di|du|la|le|al|bin|ibn|el|ter|dos|das|del)"
_NAME = rf"[A-Z][\w'’.\-]*(?:\s(?:{_PARTICLE}\s)*[A-Z][\w'’.\-]*){{0,4}}"
# "Alexander Nemenov/AFP via Getty Images", "Pavel Byrkin/Sputnik/AFP via Getty Images",
# "AP Photo/Jane Doe", "REUTERS/John Smith", "Roman Pilpey-Pool/Getty Images".
_SLASH_CREDIT = rf"{_NAME}(?:\s?/\s?{_NAME})+(?:\s+via\s+{_NAME})?"
_WORD_CREDIT = (
    r"(?:(?:Photo|Image|Picture|Credit|Photograph)s?(?:\s+by)?\s*:?\s*"
    rf"{_NAME}(?:\s?/\s?{_NAME})*(?:\s+via\s+{_NAME})?"
    r"|(?:Getty\s+Images|Reuters|AFP|AP|EPA|Shutterstock|Xinhua|TASS|Sputnik|Pool|Handout))"
)
_CREDIT = rf"(?:{_SLASH_CREDIT}|{_WORD_CREDIT})"
# A caption line ending in a credit: after the caption's closing stop, or in parentheses.
_CAPTION_WITH_CREDIT = re.compile(
    rf"^(?P<caption>.*?[.!?”\"’)])\s+(?:\((?P<paren>{_CREDIT})\)|(?P<bare>{_CREDIT}))$"
)
_CREDIT_LINE = re.compile(rf"^\(?(?P<credit>{_CREDIT})\)?$")
_CONTRIBUTORS = re.compile(
    r"^(?:(?P<names>.+?)\s+contributed\s+(?:to\s+)?(?:this|the)\s+(?:report|story|article)(?:ing)?"
    r"|(?:additional\s+)?reporting\s+by\s+(?P<names2>[^;]+?)(?:;\s*editing\s+by\s+[^;]+)?)\.?$",
    re.IGNORECASE,
)
_BYLINE = re.compile(r"^By\s+(?P<names>[A-Z][^.!?]{1,100})$")
_NAME_SPLIT = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s*&\s*)\s*")
_FINAL_PUNCT = re.compile(r"[.!?:;,…\"“”'‘’)\]]$")
_QUOTE_CHARS = re.compile(r"[\"“”‘’]")
_MINOR_WORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "in",
        "on",
        "at",
        "to",
        "for",
        "with",
        "and",
        "or",
        "but",
        "vs",
        "by",
        "from",
        "as",
        "into",
        "over",
        "about",
        "after",
        "amid",
    ]
)


def split_credit(line: str) -> tuple[str, str | None]:
    """Split "caption. Name/AGENCY via Getty Images" into caption and credit."""
    m = _CAPTION_WITH_CREDIT.match(line)
    if m is None:
        return line, None
    return m["caption"].strip(), (m["paren"] or m["bare"]).strip()


def split_names(names: str) -> list[str]:
    """ "Ann Lee, Bo Chan, and Cy Diaz" -> three names."""
    return [n.strip() for n in _NAME_SPLIT.split(names.strip().rstrip(".")) if n.strip()]


def is_heading(line: str) -> bool:
    """A section heading: short, no final punctuation, no quotation marks, in title case."""
    words = line.split()
    if not 1 <= len(words) <= 12 or len(line) > 90 or _FINAL_PUNCT.search(line):
        return False
    if _QUOTE_CHARS.search(line.replace("’s", "").replace("'s", "")):
        return False
    content = [w for w in words if w.lower() not in _MINOR_WORDS and any(c.isalpha() for c in w)]
    if not content or not words[0][0].isupper():
        return False
    capitalised = sum(1 for w in content if w[0].isupper() or w[0].isdigit())
    return capitalised / len(content) >= 0.8


def _looks_like_title(line: str) -> bool:
    return (len(line.split()) <= 30 and not line.endswith((".", "…"))) or is_heading(line)


def parse_pasted(raw: str) -> Page:
    """Classify each line of pasted article text into blocks, dropping and recording furniture."""
    lines = [line for line in clean_text(raw).split("\n") if line]
    out = Page()
    seen: dict[str, str] = {}  # match key -> kind of the first occurrence
    pending_caption: int | None = None  # index in out.blocks of a caption awaiting a credit line

    for i, line in enumerate(lines):
        if _JUNK.match(line):
            out.junk.append(line)
            continue
        credit_line = _CREDIT_LINE.match(line)
        if credit_line and pending_caption is not None:
            # A credit on its own line belongs to the line above, which is therefore a caption.
            prev = out.blocks[pending_caption]
            out.blocks[pending_caption] = Block("caption", prev.text, credit_line["credit"])
            out.credits.append(credit_line["credit"])
            pending_caption = None
            continue
        if m := _CONTRIBUTORS.match(line):
            out.contributors.extend(split_names(m["names"] or m["names2"]))
            continue
        if (m := _BYLINE.match(line)) and len(line.split()) <= 12:
            out.authors.extend(split_names(m["names"]))
            continue

        text, credit = split_credit(line)
        key = match_key(text)
        if key in seen:
            out.duplicates.append(line)
            if credit:
                out.credits.append(credit)
            continue
        seen[key] = "x"

        if out.title is None and not out.blocks and _looks_like_title(text):
            out.title = text
            out.blocks.append(Block("title", text))
            continue
        if credit is not None:
            out.credits.append(credit)
            out.blocks.append(Block("caption", text, credit))
            pending_caption = None
            continue
        kind: ParagraphKind = (
            "heading" if is_heading(text) and _has_body_after(lines, i) else "body"
        )
        out.blocks.append(Block(kind, text))
        pending_caption = len(out.blocks) - 1 if kind == "body" else None

    _mark_standfirst(out, lines)
    return out


def _has_body_after(lines: Sequence[str], i: int) -> bool:
    return any(len(line.split()) > 12 for line in lines[i + 1 : i + 4])


def _mark_standfirst(out: Page, lines: Sequence[str]) -> None:
    """The paragraph between the title and the repeated title (or a byline) is the standfirst."""
    if out.title is None or len(out.blocks) < 2 or out.blocks[1].kind != "body":
        return
    title_key = match_key(out.title)
    candidate = out.blocks[1].text
    try:
        after = lines.index(candidate) + 1
    except ValueError:
        return
    following = lines[after : after + 3]
    if any(match_key(line) == title_key or _BYLINE.match(line) for line in following):
        out.blocks[1] = Block("standfirst", candidate)
        out.subtitle = candidate
