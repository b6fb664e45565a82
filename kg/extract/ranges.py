"""Whether a model fact's object can be what its predicate says, read from the two names.

The relation model scores pairs by their words and parse, not by what the names are: it reads
"Boise country Idaho" (a state is no country) and "Korea country Korean" (a country and its own
nationality word). A country-valued property (country, citizenship, country of origin) needs
an object that names a country (kg's places table, or a nationality word standing for one):
on Re-DocRED 0-399, 2,163 of the 2,212 gold "country" objects are, the rest former states
("Russian Empire", "Weimar Republic"). Two names of the same place relate by no property,
and a country lies in no other country (the model reads "a US firm in Spain" and "the
Peruvian government and the US" so), but for the few that lie in another (COUNTRIES_WITHIN)
and the former unions of countries (FORMER_UNIONS); nor does a country contain another
("Turkey, Poland, ... added to the list": Poland contains Turkey), nor a first-level
subdivision another of its country ("suits in Ohio, Texas and Pennsylvania"), nor does a
country lie in one of its own large cities or subdivisions ("the United States" in
"Wisconsin"). A nationality
word names a people, not a body that employs anyone, and a country or a state employs no one as
the model reads it (the governor of a territory, a vice president of the airline "Alaska"
where the recogniser took it for the state). A place kg's table puts in one country lies in
no other's nationality word ("Washington" in "Soviet").
"""

from __future__ import annotations

from kg.extract.links import is_continent, is_country
from kg.lexicon import COUNTRIES_WITHIN, FORMER_UNIONS
from kg.names import name_key, place_name, subdivision_of, within

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
# properties whose object is no people's word ("Japanese") but a body. Not "residence":
# CoNLL04 reads "Soviet pianist X" as X living in "Soviet" (an office's people word,
# "Taiwanese President Tsai", is kg.extract.offices'). Not "located_in" nor "contains":
# Re-DocRED's gold makes "Canadian" a mention of Canada ("Alberta" located in it; 0-199: its
# located-in recall 75.9 % -> 68.9 % without them).
NOT_A_PEOPLE = frozenset({"employer"})
# properties between two places: "contains" is "located_in" read the other way
BETWEEN_PLACES = frozenset({"country", "located_in", "contains"})


def object_fits(predicate: str, subject: tuple[str, str], obj: tuple[str, str]) -> bool:
    """Whether ``predicate`` can hold from ``subject`` to ``obj``, each (text, spaCy label)."""
    if predicate in COUNTRY_VALUED and (not is_country(obj[0]) or is_continent(obj[0])):
        return False
    if predicate in NOT_A_PEOPLE and a_people(obj):
        return False
    if predicate == "employer" and (is_country(obj[0]) or _subdivision(obj) is not None):
        return False
    if predicate in BETWEEN_PLACES and _subdivisions(subject, obj):
        return False
    inner, outer = (obj, subject) if predicate == "contains" else (subject, obj)
    if predicate in BETWEEN_PLACES and _foreign_people(inner, outer):
        return False
    if (predicate in LOCATING or predicate == "contains") and _a_country(inner):
        if _inside(outer, inner):
            return False
        if is_country(outer[0]):
            row = place_name(outer[0], outer[1])
            return row is not None and row[0] in FORMER_UNIONS
    return not same_place(subject, obj)


def a_people(name: tuple[str, str]) -> bool:
    """Whether a name (text, spaCy label) is a nationality word ("Taiwanese", "Somali"),
    not a country's own name."""
    row = place_name(name[0], "NORP")
    return row is not None and row[1] == "demonym" and place_name(name[0], "GPE") == row


def _foreign_people(place: tuple[str, str], word: tuple[str, str]) -> bool:
    """Whether a place (text, label) that kg's table puts in one country (a country itself, or
    one of its large cities or subdivisions) is read in another's nationality word: the model
    reads "Washington" in "Soviet" from "Soviet volunteers plan to spend August in Washington"
    and "Bosnia" in "Austrian" from "the assassination of Austrian Archduke ... in Bosnia"."""
    if not a_people(word) or place[1] not in _PLACE_LABELS:
        return False
    home = place_name(word[0], "NORP")
    row = within().get(name_key(place[0])) if place[1] in ("GPE", "LOC") else None
    there = row[0] if row is not None else None
    if there is None and _a_country(place):
        if home is not None and home[0] in FORMER_UNIONS:
            return False  # "Armenia" in "Soviet": a member of a former union lay in it
        there = place_name(place[0], place[1])[0]  # type: ignore[index]
    return home is not None and there is not None and there != home[0]


def _subdivisions(a: tuple[str, str], b: tuple[str, str]) -> bool:
    """Whether two names (text, label) are first-level subdivisions of one country ("Ohio",
    "Texas"); not "Belen" and "N.M.", a department of Paraguay's name and a US state's."""
    country = _subdivision(a)
    return country is not None and country == _subdivision(b)


def _subdivision(name: tuple[str, str]) -> str | None:
    """The country of a name (text, spaCy label) labelled a place that names a first-level
    subdivision (a state, a province) of kg's table: "Ohio"; not "Mila", an institute as often
    as the Algerian province."""
    return subdivision_of(name_key(name[0])) if name[1] in ("GPE", "LOC") else None


def _a_country(name: tuple[str, str]) -> bool:
    """Whether a name (text, spaCy label) is a country's that lies in no other."""
    if name[1] not in _PLACE_LABELS or not is_country(name[0]) or is_continent(name[0]):
        return False
    row = place_name(name[0], name[1])
    return row is None or row[0] not in COUNTRIES_WITHIN


def _inside(place: tuple[str, str], country: tuple[str, str]) -> bool:
    """Whether kg's table puts a place (text, label) in a country (text, label) as one of its
    large cities or first-level subdivisions: "Wisconsin" in "United States", where the model
    reads the country as lying in it ("the Upper Mississippi River region of the United States,
    primarily in what is now the state of Wisconsin")."""
    row = within().get(name_key(place[0])) if place[1] in ("GPE", "LOC") else None
    home = place_name(country[0], country[1])
    return row is not None and home is not None and row[0] == home[0]


def same_place(a: tuple[str, str], b: tuple[str, str]) -> bool:
    """Whether two names (text, label) name the same country or city by kg's places table
    ("Bosnia" and "Bosnian", "U.S." and "United States")."""
    if a[1] not in _PLACE_LABELS or b[1] not in _PLACE_LABELS:
        return False
    pa, pb = place_name(a[0], a[1]), place_name(b[0], b[1])
    return pa is not None and pb is not None and pa[0] == pb[0]
