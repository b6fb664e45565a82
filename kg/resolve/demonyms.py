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
# is a citizen of. Not a thing's country ("the German government", "the German city of
# Bonn"): DWIE's news reads those as facts of the word (an adjectival reference, "-x"), and
# moved to the country they took its relation F1 from 23.5 to 21.2 (organizations' country
# 12.9 to 10.6, places' 55.8 to 47.0), where citizenship went from 23.7 to 23.9.
COUNTRY_PREDICATES = frozenset({"country_of_citizenship"})


def country_object(m: RawMention, predicates: tuple[str, ...]) -> str | None:
    """The name key of the country a fact of ``predicates`` whose object is the mention ``m``
    is about, where ``m`` is a nationality word the places table knows; else None."""
    if not COUNTRY_PREDICATES.intersection(predicates):
        return None
    place = place_name(m.text, m.label)
    return name_key(place[0]) if place is not None and place[1] == "demonym" else None
