"""A fact whose object is a nationality word ("Marta Ilves, an Estonian engineer": citizenship
of "Estonian") is a fact about the country the places table says the word names ("Estonia"),
once a document names the country: until then it stays the word's. The word's own mention
stays an entity of its own, linked to the country (``demonym_of``): merged into the country
it cost Re-DocRED's mention pairs and DWIE's precision, and a country made from the table
where no document names it cost every benchmark's entity precision (docs/benchmarks.md).
"""

from __future__ import annotations

from kg.extract.records import RawMention
from kg.names import name_key, place_name

# The predicates whose object, when a nationality word, is its country: the country a person
# is a citizen of, a thing is in, made in or comes from ("the Estonian city of Tartu").
COUNTRY_PREDICATES = frozenset(
    {"country_of_citizenship", "country", "country_of_origin", "located_in"}
)


def country_object(m: RawMention, predicates: tuple[str, ...]) -> str | None:
    """The name key of the country a fact of ``predicates`` whose object is the mention ``m``
    is about, where ``m`` is a nationality word the places table knows; else None."""
    if not COUNTRY_PREDICATES.intersection(predicates):
        return None
    place = place_name(m.text, m.label)
    return name_key(place[0]) if place is not None and place[1] == "demonym" else None
