"""An entity's name and id: the places table's name for a country, else the most frequent
spelling; the id the name's slug, made unique in one step whatever the order entities come in
(a digest of the name key the entity was resolved around where the slug and the slug with the
type are both taken)."""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Container, Mapping
from functools import lru_cache

from kg.names import name_key, places, slug
from kg.resolve.keys import top_type
from kg.resolve.records import EntityRecord, _Name


@lru_cache(maxsize=1)
def countries() -> dict[str, str]:
    """The places table's countries by their name key: an entity with one of these keys is
    named as the table names it."""
    return {name_key(c): c for c, _ in places().values()}


def canonical(spellings: Counter[str]) -> str:
    """The name's most frequent spelling; the longest, then the last in order, among ties."""
    return max(spellings, key=lambda s: (spellings[s], len(s), s))


def new_id(name: str, etype: str, root: str, used: set[str]) -> str:
    """The entity's id: its name's slug; where another entity has it, with its type; where
    that too is taken, with a digest of the name key it was resolved around, which no other
    entity has. Made in one step each, whatever the order entities come in."""
    base = slug(name)
    for cand in (base, f"{base}-{etype.lower()}"):
        if cand not in used:
            used.add(cand)
            return cand
    digest = hashlib.blake2b(root.encode("utf-8"), digest_size=8).hexdigest()
    n = 6
    while f"{base}-{etype.lower()}-{digest[:n]}" in used:
        n += 2
    used.add(f"{base}-{etype.lower()}-{digest[:n]}")
    return f"{base}-{etype.lower()}-{digest[:n]}"


def records(
    names: Mapping[str, _Name], clusters: dict[str, list[str]], parts: Container[str] = ()
) -> tuple[dict[str, EntityRecord], dict[str, str]]:
    """An entity of each cluster of names (root key -> its keys), the largest first (it keeps
    the plain id); and the entity id of each name key. A key of ``parts`` (a surname or first
    name joined to a person's full name) votes for a person only: the join says it is the
    person's name, whatever else the words around it read it as ("Romney", a town too)."""
    entities: dict[str, EntityRecord] = {}
    key_entity: dict[str, str] = {}
    used_ids: set[str] = set()
    size = {r: sum(names[k].count for k in ks) for r, ks in clusters.items()}
    for root in sorted(clusters, key=lambda r: (-size[r], r)):
        ks = clusters[root]
        total: Counter[str] = Counter()
        for k in ks:
            votes = names[k].votes
            total.update(votes if k not in parts else {"Person": votes.get("Person", 0.0)})
        etype = top_type(total)
        country = next((countries()[k] for k in ks if k in countries()), None)
        name = country or canonical(names[root].spellings)
        aliases = sorted(set().union(*(names[k].texts for k in ks)) - {name})
        eid = new_id(name, etype, root, used_ids)
        untyped = etype == "Other" and all(names[k].labels.keys() == {"NAME"} for k in ks)
        entities[eid] = EntityRecord(eid, name, etype, tuple(aliases), tuple(ks), untyped)
        for k in ks:
            key_entity[k] = eid
    return entities, key_entity
