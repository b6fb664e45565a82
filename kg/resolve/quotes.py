"""Quotations' speakers: a name's entity, or for "he said" and "the ministry said" the
nearest name before it whose entity has the type the pronoun or role fits."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from kg.extract.records import DocExtraction
from kg.extract.types import COUNTRIES
from kg.resolve.records import EntityRecord, QuoteRecord


def read(ex: DocExtraction, keys: list[str]) -> list[QuoteRecord]:
    """The document's quotations with their speakers' name keys (``keys``: each mention's);
    a named speaker that stands for no entity (a mention without votes) leaves its words out."""
    d, out = ex.document, []
    for q in ex.quotes:
        speaker = keys[q.speaker] if q.speaker is not None else ""
        if q.speaker is not None and not speaker:
            continue
        candidates = tuple(k for k in (keys[c] for c in q.candidates) if k)
        a, b = q.sentence
        ev = (d.id, d.text[a:b], a, b, q.speaker_span, q.quote_span, q.rule, q.confidence, False)
        out.append(QuoteRecord(speaker, q.refer, candidates, q.text, q.direct, ev))
    return out


def speakers(
    quotes: Iterable[QuoteRecord],
    key_entity: Mapping[str, str],
    entities: Mapping[str, EntityRecord],
) -> list[tuple[str, QuoteRecord]]:
    """Each quotation whose speaker is an entity, with its id: the named speaker's, else the
    first candidate's whose entity has the type wanted, or is of no type ("Other") and spoke
    by its name in the same document (one who speaks is a person or a body, whatever types
    an uncommon name ends with: "Pep Guardiola said ... he added"). In document order."""
    quotes = list(quotes)
    spoke = {(q.evidence[0], key_entity[q.speaker]) for q in quotes if q.speaker in key_entity}
    out = []
    for q in quotes:
        eid = key_entity.get(q.speaker) if q.speaker else None
        if not q.speaker:
            fits = list(dict.fromkeys(key_entity[k] for k in q.candidates if k in key_entity))
            # "he" with no one else named near it but a speaker whose uncommon name resolution
            # typed a body ("Angelos Koveos, political editor of ...; Koveos said ... he said")
            alone = q.refer == "Person" and len(fits) == 1
            # "it said" of a country that was a sentence's subject ("China thinks the row can
            # be solved. It says ..."): a country speaks as a body does; not "the agency"
            it = q.refer == "Organization" and q.evidence[6] == "quote.pronoun"
            eid = next(
                (
                    e
                    for e in fits
                    if entities[e].type == q.refer
                    or it
                    and entities[e].type == "Place"
                    and _country(entities[e])
                    or (entities[e].type == "Other" or alone and entities[e].type == "Organization")
                    and (q.evidence[0], e) in spoke
                    and not (q.refer == "Person" and _acronym(entities[e]))
                ),
                None,
            )
        if eid is not None:
            out.append((eid, q))
    return sorted(out, key=lambda x: (x[1].evidence[0], x[1].evidence[5], x[0], x[1].text))


def _acronym(entity: EntityRecord) -> bool:
    """Whether an entity goes by capitals alone ("KDP"): a body, never whom "he" stands for."""
    return any(n.isupper() and len(n) > 1 for n in (entity.name, *entity.aliases))


def _country(entity: EntityRecord) -> bool:
    """Whether a place is a country, by a name key of the countries' table."""
    return any(k in COUNTRIES for k in entity.keys)
