"""kg's relation vocabulary, aligned to Wikidata, declared in one place.

Each predicate reads ``subject predicate object`` in the direction Wikidata uses: "employer"
goes from a person to an organization, "director_manager" from an organization to a person.
"""

from __future__ import annotations

from dataclasses import dataclass

from kg.errors import KgError

ORG = "Organization"
PER = "Person"
PLACE = "Place"
PRODUCT = "Product"
EVENT = "Event"
WORK = "Work"
OTHER = "Other"
ANY = "*"
DATE = "date"
NUMBER = "number"
TEXT = "text"  # a plain string: the name of a position held


@dataclass(frozen=True)
class Predicate:
    name: str
    label: str
    description: str
    domain: tuple[str, ...]
    range: tuple[str, ...]  # entity types, or "date" / "number" / "text" for literals
    wikidata: str | None
    # held by one at a time ("chief executive officer"): a later holder ends an earlier one's
    # term where the text gives no end (queries/facts_as_of.rq)
    single: bool = False

    @property
    def literal(self) -> bool:
        return any(r in (DATE, NUMBER, TEXT) for r in self.range)


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
        single=True,
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
        "owner_of",
        "owner of",
        "what the subject owns, wholly or in part",
        (ORG, PER),
        (ORG, PRODUCT, PLACE),
        "P1830",
    ),
    Predicate(
        "replaces",
        "replaces",
        "whom or what the subject took the place of (a successor in a post, a company)",
        (PER, ORG),
        (PER, ORG),
        "P1365",
    ),
    Predicate(
        "replaced_by",
        "replaced by",
        "who or what took the subject's place",
        (PER, ORG),
        (PER, ORG),
        "P1366",
    ),
    Predicate(
        "merged_into",
        "merged into",
        "organization the subject was merged into",
        (ORG,),
        (ORG,),
        "P7888",
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
        (PLACE, ORG, EVENT, PRODUCT, WORK, OTHER),
        (PLACE,),
        "P131",
    ),
    Predicate(
        "country",
        "country",
        "country the subject is in or belongs to",
        (PLACE, ORG, EVENT, PRODUCT, WORK, OTHER),
        (PLACE,),
        "P17",
    ),
    # people
    Predicate(
        "position_held",
        "position held",
        "office or role the person holds (the organisation it is of: the fact's kgv:of)",
        (PER,),
        (TEXT,),
        "P39",
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
    Predicate("father", "father", "father of the person", (PER,), (PER,), "P22"),
    Predicate("mother", "mother", "mother of the person", (PER,), (PER,), "P25"),
    Predicate("sibling", "sibling", "brother or sister of the person", (PER,), (PER,), "P3373"),
    Predicate("place_of_death", "place of death", "where the person died", (PER,), (PLACE,), "P20"),
    Predicate("religion", "religion", "religion of the subject", (PER, ORG), (ANY,), "P140"),
    Predicate(
        "member_of_political_party",
        "member of political party",
        "political party the person belongs to",
        (PER,),
        (ORG,),
        "P102",
    ),
    Predicate(
        "member_of_sports_team",
        "member of sports team",
        "team the person plays or played for",
        (PER,),
        (ORG,),
        "P54",
    ),
    Predicate("work_location", "work location", "where the person works", (PER,), (PLACE,), "P937"),
    Predicate(
        "notable_work",
        "notable work",
        "a work the subject is known for",
        (PER, ORG),
        (ANY,),
        "P800",
    ),
    # places and organizations
    Predicate(
        "contains",
        "contains administrative territorial entity",
        "place that lies in the subject",
        (PLACE,),
        (PLACE,),
        "P150",
    ),
    Predicate("continent", "continent", "continent the place is on", (PLACE, ORG), (PLACE,), "P30"),
    Predicate("capital", "capital", "seat of government of the place", (PLACE,), (PLACE,), "P36"),
    Predicate(
        "capital_of",
        "capital of",
        "place the subject is the capital of",
        (PLACE,),
        (PLACE,),
        "P1376",
    ),
    Predicate(
        "next_to_water",
        "located in or next to body of water",
        "sea, lake or river the subject lies on",
        (ANY,),
        (PLACE,),
        "P206",
    ),
    Predicate(
        "located_on_terrain",
        "located on terrain feature",
        "landform the subject lies on",
        (ANY,),
        (PLACE,),
        "P706",
    ),
    Predicate(
        "basin_country",
        "basin country",
        "country a body of water touches",
        (PLACE,),
        (PLACE,),
        "P205",
    ),
    Predicate("location", "location", "where the subject is or happened", (ANY,), (PLACE,), "P276"),
    Predicate(
        "applies_to_jurisdiction",
        "applies to jurisdiction",
        "place an organization, office or law applies to",
        (ANY,),
        (PLACE,),
        "P1001",
    ),
    Predicate(
        "head_of_government",
        "head of government",
        "person who leads the place's government",
        (PLACE, ORG),
        (PER,),
        "P6",
        single=True,
    ),
    Predicate(
        "head_of_state",
        "head of state",
        "person who is the head of state",
        (PLACE,),
        (PER,),
        "P35",
        single=True,
    ),
    Predicate("league", "league", "league the team plays in", (ORG,), (ORG,), "P118"),
    # works and events
    Predicate("author", "author", "writer of the work", (ANY,), (PER, ORG), "P50"),
    Predicate("creator", "creator", "maker of the work", (ANY,), (PER, ORG), "P170"),
    Predicate("composer", "composer", "composer of the music", (ANY,), (PER,), "P86"),
    Predicate("director", "director", "director of the film or show", (ANY,), (PER,), "P57"),
    Predicate("performer", "performer", "artist who performs the work", (ANY,), (PER, ORG), "P175"),
    Predicate("cast_member", "cast member", "actor in the work", (ANY,), (PER,), "P161"),
    Predicate(
        "characters", "characters", "characters who appear in the work", (ANY,), (ANY,), "P674"
    ),
    Predicate(
        "present_in_work",
        "present in work",
        "work the character appears in",
        (ANY,),
        (ANY,),
        "P1441",
    ),
    Predicate(
        "record_label", "record label", "label that released the work", (ANY,), (ORG,), "P264"
    ),
    Predicate(
        "country_of_origin",
        "country of origin",
        "country the work or product comes from",
        (ANY,),
        (PLACE,),
        "P495",
    ),
    Predicate(
        "publication_date",
        "publication date",
        "date the work was first published or released",
        (ANY,),
        (DATE,),
        "P577",
    ),
    Predicate("start_time", "start time", "when the subject began", (ANY,), (DATE,), "P580"),
    Predicate("end_time", "end time", "when the subject ended", (ANY,), (DATE,), "P582"),
    Predicate("point_in_time", "point in time", "when the event happened", (ANY,), (DATE,), "P585"),
    Predicate("follows", "follows", "what came just before the subject", (ANY,), (ANY,), "P155"),
    Predicate(
        "followed_by", "followed by", "what came just after the subject", (ANY,), (ANY,), "P156"
    ),
    Predicate("participant", "participant", "who took part in the event", (ANY,), (ANY,), "P710"),
    Predicate(
        "participant_in",
        "participant in",
        "event the subject took part in",
        (ANY,),
        (ANY,),
        "P1344",
    ),
    Predicate(
        "conflict", "conflict", "war or battle the subject took part in", (ANY,), (ANY,), "P607"
    ),
    # a nationality word ("Japanese") and the country it names, by the places table: linked,
    # not merged, since a people is not its country (Wikidata keeps the word as the
    # country's demonym, a string, so there is no property to align to)
    Predicate(
        "demonym_of",
        "nationality word of",
        "the country a nationality word names",
        (ANY,),
        (ANY,),
        None,
    ),
    # general
    Predicate("part_of", "part of", "larger whole the subject belongs to", (ANY,), (ANY,), "P361"),
    Predicate("has_part", "has part", "a part of the subject", (ANY,), (ANY,), "P527"),
)

PREDICATES: dict[str, Predicate] = {p.name: p for p in _ALL}
# Facts that hold for a while (a job, an office, an ownership): a time the text gives them is
# when they began or ended; other facts (an appointment, a death) happen at a time.
STATES = frozenset(
    {
        "employer", "chief_executive_officer", "director_manager", "owned_by", "owner_of",
        "member_of", "position_held", "parent_organization", "subsidiary", "residence",
        "member_of_political_party", "member_of_sports_team", "work_location",
        "headquarters_location", "spouse", "head_of_government", "head_of_state",
    }
)  # fmt: skip
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
