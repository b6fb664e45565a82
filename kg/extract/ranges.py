"""Whether a model fact's object can be what its predicate says, read from the two names.

The relation model scores pairs by their words and parse, not by what the names are: it reads
"Boise country Idaho" (a state is no country) and "Korea country Korean" (a country and its own
nationality word). A country-valued property (country, citizenship, country of origin) needs
an object that names a country (kg's places table, or a nationality word standing for one):
on Re-DocRED 0-399, 2,163 of the 2,212 gold "country" objects are, the rest former states
("Russian Empire", "Weimar Republic"). Two names of the same place relate by no property,
and a country lies in no other country (the model reads "a US firm in Spain" and "the
Peruvian government and the US" so), but for the few that lie in another (COUNTRIES_WITHIN)
and the former unions of countries (FORMER_UNIONS).
"""

from __future__ import annotations

from kg.extract.links import is_continent, is_country
from kg.lexicon import COUNTRIES_WITHIN, FORMER_UNIONS
from kg.names import place_name

# properties whose object is a country (Wikidata P17, P27, P495)
COUNTRY_VALUED = frozenset({"country", "country_of_citizenship", "country_of_origin"})
# labels a name of a place may have, nationality words included ("Korean")
_PLACE_LABELS = ("GPE", "LOC", "NORP")
# properties that put the subject in a place
LOCATING = frozenset({"country", "located_in"})
# properties that no place in a list of three or more gives a person but where a verb of the
# person's says it of the list (kg.extract.classifier): the model read "Maldonado residence
# Bolivia" from "the Andean Group (Colombia, Bolivia, Ecuador, ...)"; items of one list lying in
# each other ("Brazoria, Fort Bend, Galveston ... counties") was read too, but "Dade County,
# Fla., and Rochester, N.Y." parses as one list alike (CoNLL04 train: 2 right facts lost, 2 wrong
# ones gone with dev), so it is not ruled out
LISTED = frozenset({"residence"})


def object_fits(predicate: str, subject: tuple[str, str], obj: tuple[str, str]) -> bool:
    """Whether ``predicate`` can hold from ``subject`` to ``obj``, each (text, spaCy label)."""
    if predicate in COUNTRY_VALUED and (not is_country(obj[0]) or is_continent(obj[0])):
        return False
    if predicate in LOCATING and _a_country(subject) and is_country(obj[0]):
        row = place_name(obj[0], obj[1])
        return row is not None and row[0] in FORMER_UNIONS
    return not same_place(subject, obj)


def _a_country(name: tuple[str, str]) -> bool:
    """Whether a name (text, spaCy label) is a country's that lies in no other."""
    if name[1] not in _PLACE_LABELS or not is_country(name[0]) or is_continent(name[0]):
        return False
    row = place_name(name[0], name[1])
    return row is None or row[0] not in COUNTRIES_WITHIN


def same_place(a: tuple[str, str], b: tuple[str, str]) -> bool:
    """Whether two names (text, label) name the same country or city by kg's places table
    ("Bosnia" and "Bosnian", "U.S." and "United States")."""
    if a[1] not in _PLACE_LABELS or b[1] not in _PLACE_LABELS:
        return False
    pa, pb = place_name(a[0], a[1]), place_name(b[0], b[1])
    return pa is not None and pb is not None and pa[0] == pb[0]
