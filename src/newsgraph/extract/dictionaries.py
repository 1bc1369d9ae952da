"""User-supplied CAMEO actor dictionaries (TABARI/PETRARCH format), read at run time.

Event-data projects keep large hand-built dictionaries of named actors ("VLADIMIR_PUTIN_
[RUSGOV >991231]"). newsgraph ships none, but reads any the user points it at
(`extract.actor_dictionaries`), and uses them for names its own evidence cannot place.
Format: a phrase line (words joined by `_`, optional `[CODE]`), `+synonym` lines, and
tab-indented `[CODE]`, `[CODE >YYMMDD]`, `[CODE <YYMMDD]` or `[CODE YYMMDD-YYMMDD]` lines.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from newsgraph.errors import ConfigError
from newsgraph.extract.lexicon import lex_key

_CODE = re.compile(r"\[([A-Z0-9]{3,})(?:\s+([<>]?)(\d{6,8})(?:-(\d{6,8}))?)?\]")
_ORG_PREFIXES = ("IGO", "NGO", "IMG", "MNC")


def _date(raw: str) -> dt.date:
    if len(raw) == 8:
        return dt.date(int(raw[:4]), int(raw[4:6]), int(raw[6:]))
    year = int(raw[:2])
    # TABARI's two-digit years: 30-99 are the 1900s, 00-29 the 2000s.
    return dt.date(1900 + year if year >= 30 else 2000 + year, int(raw[2:4]), max(1, int(raw[4:6])))


@dataclass(frozen=True, slots=True)
class CodeSpan:
    code: str
    start: dt.date = dt.date.min
    end: dt.date = dt.date.max
    restricted: bool = False


@dataclass
class ActorDictionary:
    entries: dict[str, tuple[CodeSpan, ...]] = field(default_factory=dict)

    def lookup(
        self, name: str, on: dt.date | None = None
    ) -> tuple[str | None, tuple[str, ...]] | None:
        """(country or organisation code, sectors) for a name, as of `on` when given."""
        spans = self.entries.get(lex_key(name))
        if not spans:
            return None
        if on is not None:
            dated = next((s for s in spans if s.restricted and s.start <= on <= s.end), None)
            if dated is not None:
                return split_code(dated.code)
        country, sectors = split_code(next((s for s in spans if not s.restricted), spans[-1]).code)
        # Undated, an office that changed hands over time says only the country.
        return country, () if any(s.restricted for s in spans) else sectors


def split_code(code: str) -> tuple[str | None, tuple[str, ...]]:
    """CAMEO code -> (country or organisation, sectors): "RUSGOVMIL" -> ("RUS", ("GOV", "MIL"))."""
    if code.startswith(_ORG_PREFIXES) and len(code) >= 6:
        head, rest = code[3:6], code[6:]
    else:
        head, rest = code[:3], code[3:]
    sectors = tuple(rest[i : i + 3] for i in range(0, len(rest) - 2, 3))
    return (head if head.isalpha() else None), sectors


def parse_dictionary(lines: Iterable[str]) -> dict[str, list[CodeSpan]]:
    entries: dict[str, list[CodeSpan]] = {}
    names: list[str] = []
    codes: list[CodeSpan] = []

    def flush() -> None:
        if names and codes:
            for name in names:
                entries.setdefault(name, list(codes))
        names.clear()
        codes.clear()

    for raw in lines:
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        if line[0] in "\t ":
            codes.extend(_codes(line))
            continue
        if not line.startswith("+"):
            flush()
        phrase = _CODE.sub("", line.lstrip("+")).strip()
        key = lex_key(phrase.replace("_", " "))
        if key:
            names.append(key)
        codes.extend(_codes(line))
    flush()
    return entries


def _codes(line: str) -> list[CodeSpan]:
    out = []
    for code, op, first, second in _CODE.findall(line):
        if not first:
            out.append(CodeSpan(code))
        elif op == ">":
            out.append(CodeSpan(code, start=_date(first), restricted=True))
        elif op == "<":
            out.append(CodeSpan(code, end=_date(first), restricted=True))
        else:
            out.append(CodeSpan(code, _date(first), _date(second) if second else dt.date.max, True))
    return out


@cache
def load_dictionaries(paths: tuple[Path, ...]) -> ActorDictionary:
    """Read and merge dictionaries once per process; earlier files win on a shared name."""
    merged: dict[str, tuple[CodeSpan, ...]] = {}
    for path in paths:
        try:
            text = path.read_text(encoding="utf-8", errors="replace")
        except OSError as e:
            raise ConfigError(f"actor dictionary {str(path)!r} cannot be read: {e.strerror}") from e
        for name, spans in parse_dictionary(text.splitlines()).items():
            merged.setdefault(name, tuple(spans))
    return ActorDictionary(merged)
