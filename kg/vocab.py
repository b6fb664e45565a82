"""kg's relation vocabulary, aligned to Wikidata, declared in one place.

Each predicate reads ``subject predicate object`` in the direction Wikidata uses: "employer"
goes from a person to an organization, "director_manager" from an organization to a person.
"""

from __future__ import annotations

from dataclasses import dataclass

from .errors import KgError

ORG = "Organization"
PER = "Person"
PLACE = "Place"
PRODUCT = "Product"
ANY = "*"
DATE = "date"
NUMBER = "number"


@dataclass(frozen=True)
class Predicate:
    name: str
    label: str
    description: str
    domain: tuple[str, ...]
    range: tuple[str, ...]  # entity types, or "date" / "number" for literals
    wikidata: str | None

    @property
    def literal(self) -> bool:
        return any(r in (DATE, NUMBER) for r in self.range)


_ALL: tuple[Predicate, ...] = (
    # organizations
    Predicate(
        "employer",
        "employer",
        "organization the person works or worked for",
        (PER,),
        (ORG,),
        "P108",
    ),
    Predicate(
        "founded_by",
        "founded by",
        "founder or co-founder of the organization",
        (ORG, PRODUCT),
        (PER, ORG),
        "P112",
    ),
    Predicate(
        "chief_executive_officer",
        "chief executive officer",
        "highest-ranking manager of the organization",
        (ORG,),
        (PER,),
        "P169",
    ),
    Predicate(
        "director_manager",
        "director / manager",
        "person who leads or manages the organization or unit",
        (ORG,),
        (PER,),
        "P1037",
    ),
    Predicate(
        "headquarters_location",
        "headquarters location",
        "place where the organization is based",
        (ORG,),
        (PLACE,),
        "P159",
    ),
    Predicate(
        "parent_organization",
        "parent organization",
        "organization the subject is a part or unit of",
        (ORG,),
        (ORG,),
        "P749",
    ),
    Predicate(
        "subsidiary",
        "subsidiary",
        "organization or unit owned or run by the subject",
        (ORG,),
        (ORG,),
        "P355",
    ),
    Predicate(
        "owned_by", "owned by", "owner of the subject", (ORG, PRODUCT, PLACE), (ORG, PER), "P127"
    ),
    Predicate(
        "member_of",
        "member of",
        "organization the subject is a member of",
        (PER, ORG, PLACE),
        (ORG,),
        "P463",
    ),
    Predicate(
        "inception",
        "inception",
        "date the subject was founded or created",
        (ORG, PRODUCT),
        (DATE,),
        "P571",
    ),
    # products
    Predicate(
        "developer",
        "developer",
        "organization or person that developed the product",
        (PRODUCT,),
        (ORG, PER),
        "P178",
    ),
    Predicate("manufacturer", "manufacturer", "maker of the product", (PRODUCT,), (ORG,), "P176"),
    # places
    Predicate(
        "located_in",
        "located in the administrative territorial entity",
        "place the subject lies in",
        (PLACE, ORG),
        (PLACE,),
        "P131",
    ),
    Predicate("country", "country", "country the subject is in", (PLACE, ORG), (PLACE,), "P17"),
    # people
    Predicate(
        "position_held", "position held", "office or role the person holds", (PER,), (ANY,), "P39"
    ),
    Predicate(
        "educated_at",
        "educated at",
        "school or university the person attended",
        (PER,),
        (ORG,),
        "P69",
    ),
    Predicate(
        "place_of_birth", "place of birth", "where the person was born", (PER,), (PLACE,), "P19"
    ),
    Predicate(
        "date_of_birth", "date of birth", "when the person was born", (PER,), (DATE,), "P569"
    ),
    Predicate("date_of_death", "date of death", "when the person died", (PER,), (DATE,), "P570"),
    Predicate(
        "country_of_citizenship",
        "country of citizenship",
        "country the person is a citizen of",
        (PER,),
        (PLACE,),
        "P27",
    ),
    Predicate(
        "residence", "residence", "place where the person lives or lived", (PER,), (PLACE,), "P551"
    ),
    Predicate("spouse", "spouse", "husband or wife of the person", (PER,), (PER,), "P26"),
    Predicate("child", "child", "son or daughter of the person", (PER,), (PER,), "P40"),
    Predicate("killed_by", "killed by", "person who killed the subject", (PER,), (PER,), "P157"),
    Predicate(
        "appointed_by",
        "appointed by",
        "who appointed the person to their role",
        (PER,),
        (PER, ORG),
        "P748",
    ),
    # general
    Predicate("part_of", "part of", "larger whole the subject belongs to", (ANY,), (ANY,), "P361"),
)

PREDICATES: dict[str, Predicate] = {p.name: p for p in _ALL}
BY_WIKIDATA: dict[str, Predicate] = {p.wikidata: p for p in _ALL if p.wikidata}


def predicate(name: str) -> Predicate:
    """The predicate called ``name``; an error lists the valid names."""
    try:
        return PREDICATES[name]
    except KeyError:
        raise KgError(
            f"unknown predicate {name!r}; valid predicates: {', '.join(sorted(PREDICATES))}"
        ) from None


def fits(name: str, subject_type: str, object_type: str | None) -> bool:
    """Whether the types fit the predicate's domain and range (None: a literal object)."""
    p = PREDICATES[name]
    if ANY not in p.domain and subject_type not in p.domain:
        return False
    if object_type is None:
        return p.literal
    return ANY in p.range or object_type in p.range
