"""Resolve: one entity per real thing, its type by the votes of all its mentions.

Mentions are grouped by their normalised name (``kg.names``; a name run across a line break
cut to one; a country's names, codes and aliases by the places table; a bare surname or first
name within its document only), then
groups are merged by rules that each leave a line in the merge log with their evidence
(``merges``): spelling variants; a surname or first name joins the one full name of its
document that ends or starts with it; an acronym joins the name a document defines it as (in
that document; elsewhere where no document or kg's table gives it another), or the one name of
a document it shares whose initials it spells; a short form ("TBD") joins the
name it shortens ("TBD Lab"); an organization's noun ("the Court") the one name of its document
it heads; a name with initials the full name they abbreviate; a lone word read a person's in
one document, that begins or ends no person's name anywhere, the place or organization other
documents name by it ("Ankara said"). Facts are then grouped by their entities and predicate,
and facts that follow from others (inverse properties, chains of places) added.

A ``Resolver`` takes documents in batches and gives, after each, what one resolution of all of
them gives: the store keeps one with each version, so that adding documents costs in
proportion to them (``resolve`` is one batch).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Container, Iterable

from kg import vocab
from kg.defaults import WITHIN_CONFIDENCE
from kg.extract.records import DocExtraction, RawMention
from kg.model import Document, Entity, Evidence, Mention, Quote, Relation
from kg.names import (
    is_clutter,
    name_key,
    place_name,
    scoped,
    within,
)
from kg.resolve import aliases, clubs, definitions, ids, merges, people, quotes, spelling
from kg.resolve.demonyms import country_object
from kg.resolve.infer import combine, infer
from kg.resolve.keys import (
    LANGUAGE,
    base_key,
    headline_end,
    language_keys,
    line_before,
    local_keys,
    surname_keys,
    team_keys,
    top_type,
)

# _Name, _Fact, EntityRecord and Snapshot are imported here for the stores of earlier versions
# too, whose pickled resolvers name them as kg.resolve.resolver's
from kg.resolve.records import (
    EV_CONFIDENCE,
    EV_DOC,
    OF_SEP,
    EntityRecord,
    Ev,
    Merge,
    QuoteRecord,
    Resolution,
    Snapshot,
    _Fact,
    _Name,
    relation,
)


def resolve(extractions: Iterable[DocExtraction]) -> Resolution:
    """One entity per real thing over all the documents' extractions, with the facts between
    them: ``Resolver().add(extractions).result()``."""
    return Resolver().add(extractions).result()


_REJECTED = "rejected"  # a fact whose types fit none of its predicates
DEMONYM_RULE = "places table"  # the rule of a nationality word's link to its country
DEMONYM_PREDICATES = ("demonym_of",)
WITHIN_RULE = "places table:within"  # the rule of a large city's or a state's country
WITHIN_PREDICATES = (("located_in",), ("country",))
WITHIN_CONTAINS = ("contains",)
PLACE_LABELS = frozenset({"GPE", "LOC"})
_SHARED: dict = {}  # rule names and predicate tuples, one object each


def _table_evidence(
    d: Document, m: RawMention, span: tuple[int, int], ospan: tuple[int, int], rule: str, c: float
) -> Ev:
    """The evidence of a fact the places table gives, in the sentence of the mention ``m``,
    reported on the document's date as every fact of the document is."""
    sent = d.text[m.sent[0] : m.sent[1]]
    return (d.id, sent, *m.sent, span, ospan, rule, c, False, d.date, (), None)


class Resolver:
    """Entity resolution that takes documents in batches: ``add`` extractions, then ``result``.

    Adding documents after a result and asking again gives exactly what one resolution of all
    of them in the same order gives (``resolve``). What the documents bring is summed as they
    are added, the decisions over names are remade from those sums (a pass over the distinct
    names, not the mentions), and only facts whose names changed entity or type are grouped
    again; a fact group is rebuilt only when its facts changed. The store keeps a Resolver
    pickled with each version, so that adding documents costs in proportion to them.
    """

    # What a pickled Resolver holds and how its names are keyed; a store's resolver of another
    # format is not added to but made afresh (2: names of one document, acronym definitions;
    # 3: quotations; 4: nationality words linked to their countries; 5: an organization's
    # noun is a name of its document, and more honorifics fold; 6: so is a state's body
    # named by what it does, "the Interior Ministry"; 7: "Name (ACR)" kept as a definition
    # where the letters do not spell the name, aliases a document defines, and a city's club
    # keyed apart from the city; 8: a name cut to one line, and its mentions in a headline;
    # 9: a name run across a line break cut by mention detection alone; 10: an organization's
    # name without its complement is a name of its document, a known place read a place is
    # not; 11: a fact whose object is a nationality word is its country's; 12: a nationality
    # word used for its language is keyed apart, an agreement's noun is a name of its document;
    # 13: a large city's or a state's country by the places table; 14: the places table's
    # facts reported on their document's date; 15: a party's members' word keyed as the
    # party's adjective; 16: a surname read a person's among a place's mentions keyed apart;
    # 17: an acronym a document defines keyed as a name of that document).
    FORMAT = 17

    def __init__(self) -> None:
        self.format = self.FORMAT
        self.documents: list[str] = []  # ids, in the order added
        self.names: dict[str, _Name] = {}
        self.facts: list[_Fact] = []
        self.facts_of: dict[str, list[int]] = {}  # name key -> the facts that name it
        self.quotes: list[QuoteRecord] = []
        # acronym key -> the full names documents define it as, each with its first evidence
        # (document, sentence); "acr@doc" -> the one document's (``definitions.scope``)
        self.definitions: dict[str, dict[str, tuple[str, str]]] = {}
        # (name key, alias key) -> the first evidence (document, sentence) of an alias a
        # document defines ("Kim Dotcom, born Kim Schmitz"): it too holds in every document
        self.aliases: dict[tuple[str, str], tuple[str, str]] = {}
        # the last result's decisions, which the next result starts from
        self._contrib: list[tuple[bool, tuple] | str | None] = []  # per fact: its group
        self._rejected = 0
        self._groups: dict[tuple[bool, tuple], set[int]] = {}  # (negated, key) -> facts
        # per group: its evidence and confidence, its first fact, its best reading
        self._built: dict[tuple[bool, tuple], tuple[tuple[Ev, ...], float, int, float]] = {}
        self._last: Snapshot | None = None

    @property
    def last(self) -> Snapshot | None:
        """The last result, as made by ``snapshot``."""
        return self._last

    def add(self, extractions: Iterable[DocExtraction]) -> Resolver:
        """Take more documents' extractions (after those already added)."""
        for ex in extractions:
            self.documents.append(ex.document.id)
            keys = self._add_mentions(ex)
            for a, b, sentence in aliases.read(ex, keys):
                self.aliases.setdefault((a, b), (ex.document.id, sentence))
            self._add_facts(ex, keys)
            self.quotes.extend(quotes.read(ex, keys))
        return self

    def _add_mentions(self, ex: DocExtraction) -> list[str]:
        """Sum the document's mentions into their names; each mention's key ("": none)."""
        names, doc, text = self.names, ex.document.id, ex.document.text
        headline = headline_end(ex.document)
        mentions = ex.mentions  # a name run across a line break was cut in mention detection
        base = [
            base_key(m.text, m.label)
            if m.votes and not is_clutter(m.text, line_before(text, m.start))
            else ""
            for m in mentions
        ]
        local = local_keys(mentions, base)
        keys = team_keys(mentions, [scoped(k, doc) if k in local else k for k in base])
        keys = surname_keys(mentions, language_keys(mentions, keys))
        keys = definitions.scope(ex, keys, definitions.read(ex, base), self.definitions)
        self._add_demonyms(ex, keys)
        self._add_within(ex, keys)
        for m, k in zip(mentions, keys, strict=True):
            if not k:
                continue
            n = names.get(k)
            if n is None:
                n = names[k] = _Name(m.text)
            n.count += 1
            n.votes.update(m.votes)
            n.docs.add(m.doc_id)
            n.labels[m.label] += 1
            n.spellings[m.text.replace("’", "'")] += 1
            n.texts.add(m.text)
            if m.alias:
                n.texts.add(m.alias)
            n.mentions.append((m.doc_id, m.start, m.end, m.surface or m.text))
            if m.zone == "title" or m.end <= headline:
                n.headlined.add((m.doc_id, m.start))
        return keys

    def _add_demonyms(self, ex: DocExtraction, keys: list[str]) -> None:
        """Link each nationality word of the document ("Japanese") to the country the places
        table says it names ("Japan"), with its first mention as the evidence. The link holds
        once the country is an entity (named in this document or another)."""
        d, seen = ex.document, set()
        for m, k in zip(ex.mentions, keys, strict=True):
            place = place_name(m.text, m.label) if k and not k.endswith(LANGUAGE) else None
            if place is None or place[1] != "demonym" or k in seen:
                continue
            seen.add(k)
            span = (m.start, m.end)
            ev = _table_evidence(d, m, span, span, DEMONYM_RULE, 1.0)
            self._add_table_fact(k, name_key(place[0]), DEMONYM_PREDICATES, ev)

    def _add_within(self, ex: DocExtraction, keys: list[str]) -> None:
        """A large city or a state, province or region the places table puts in one country
        ("Lagos", "Texas") lies in that country where the document names it too, and names the
        place once at least in a sentence without the country: where each sentence naming the
        place names the country, the relation model and the rules read whether it ties them
        (CoNLL04 counts a fact its sentence states, and no other). Facts of the table, their
        evidence the place's first mention apart from the country and the country's first
        (each a name two countries share, or a country's own, is none; kg/data/within.tsv).
        Re-DocRED 0-399 read by relation models fitted without each document, with the
        table's towns of 15,000 people then (since taken out, docs/extraction.md): with places
        named beside their country as well, relation F1 32.1 -> 32.4, asserted precision
        82.7 % -> 83.4 % at recall 6.8 % -> 7.4 %."""
        d, table = ex.document, within()
        named: dict[str, list[RawMention]] = defaultdict(list)
        for m, k in zip(ex.mentions, keys, strict=True):
            if k and m.label in PLACE_LABELS:
                named[k].append(m)
        for k, ms in named.items():
            row = table.get(k)
            country = name_key(row[0]) if row is not None else ""
            theirs = named.get(country)
            if not theirs or country == k:
                continue
            shared = {c.sent for c in theirs}
            m = next((m for m in ms if m.sent not in shared), None)
            if m is None:
                continue
            c = theirs[0]
            span, cspan = (m.start, m.end), (c.start, c.end)
            ev = _table_evidence(d, m, span, cspan, WITHIN_RULE, WITHIN_CONFIDENCE)
            for preds in WITHIN_PREDICATES:
                self._add_table_fact(k, country, preds, ev)
            if row[1] == "subdivision":  # the country's own division: one it contains
                inverse = _table_evidence(d, m, cspan, span, WITHIN_RULE, WITHIN_CONFIDENCE)
                self._add_table_fact(country, k, WITHIN_CONTAINS, inverse)

    def _add_table_fact(self, s: str, o: str, preds: tuple[str, ...], ev: Ev) -> None:
        """Keep a fact the places table gives between the names ``s`` and ``o``."""
        i = len(self.facts)
        self.facts.append(_Fact(s, o, None, preds, False, ev))
        for key in (s, o):
            self.facts_of.setdefault(key, []).append(i)

    def _add_facts(self, ex: DocExtraction, keys: list[str]) -> None:
        """Keep the document's facts between names (``keys``: each mention's name key)."""
        d, facts = ex.document, self.facts
        # one string for each sentence, rule and predicate tuple, however many facts share
        # it: the store pickles the resolver, and pickle writes a shared object once
        sentences: dict[tuple[int, int], str] = {}
        for f in ex.facts:
            skey = keys[f.subject]
            okey, lit = (keys[f.object], None) if isinstance(f.object, int) else (None, f.object)
            if not skey or okey == "":
                continue  # a mention without votes stands for no entity
            country = country_object(ex.mentions[f.object], f.predicates) if okey else None
            sm = ex.mentions[f.subject]
            start, end = f.sentence
            sent = sentences.get(f.sentence)
            if sent is None:
                sent = sentences[f.sentence] = d.text[start:end]
            rule = _SHARED.setdefault(f.rule, f.rule)
            preds = _SHARED.setdefault(f.predicates, f.predicates)
            span = (sm.start, sm.end)
            ev = (
                *(d.id, sent, start, end, span, f.object_span, rule, f.confidence, f.hedged),
                *(d.date, f.times, f.status),
            )
            of = keys[f.of] or None if f.of is not None else None
            i = len(facts)
            facts.append(_Fact(skey, okey, lit, preds, f.negated, ev, of, country))
            self.facts_of.setdefault(skey, []).append(i)
            for k in (okey, of, country):
                if k and k != skey:
                    self.facts_of.setdefault(k, []).append(i)

    def result(self) -> Resolution:
        """The entities and facts of every document added so far."""
        return self.materialize(self.snapshot())

    # -- the decisions -------------------------------------------------------------------------

    def snapshot(self) -> Snapshot:
        """Resolve what has been added, reusing the last result's work where it still holds."""
        entities, key_entity, log = self._entities()
        merges = []
        for link in log:
            if link.rule == "kept apart":  # the entity of the longer name, which joined none
                e = entities[key_entity[link.merged]]
                merges.append(Merge(e.id, e.name, (), link.rule, link.reason))
                continue
            e = entities[key_entity[link.kept]]
            first = self.names[link.merged].first
            merges.append(Merge(e.id, e.name, (first,), link.rule, link.reason))
        relations, flagged = self._relations(entities, key_entity)
        said = quotes.speakers(self.quotes, key_entity, entities)
        # such a name stays where a fact or a quotation holds it: alone, it is as often a
        # title or a headline word
        held = {x for rels in (relations, flagged) for (s, _, o) in rels for x in (s, o)}
        held.update(eid for eid, _ in said)
        kept = {eid: e for eid, e in sorted(entities.items()) if not e.untyped or e.id in held}
        merges = [m for m in merges if m.entity_id in kept]
        snap = Snapshot(
            entities, kept, relations, flagged, merges, self._rejected, key_entity, said
        )
        self._last = snap
        return snap

    def _entities(self) -> tuple[dict[str, EntityRecord], dict[str, str], list[merges.Link]]:
        """Every entity, the entity of each name key, and the merges that made them."""
        keys = sorted(self.names)
        tops = {k: top_type(n.votes) for k, n in self.names.items()}
        uf = merges.Union()
        for k in keys:
            uf.find(k)
        log: list[merges.Link] = []
        index = merges.index(keys, tops, self.names)
        spelt = (
            spelling.spellings(keys, self.names, tops)
            + spelling.variants(keys, self.names, tops)
            + spelling.single_variants(keys, self.names, tops)
            + people.middle_names(keys, self.names, tops)
            + people.initials(keys, self.names, tops)
            + people.royal_titles(keys, self.names, tops)
            + people.surnames_typed_otherwise(keys, self.names, tops)
            + people.read_elsewhere(keys, self.names, tops)
            + clubs.links(keys, self.names, tops)
            + aliases.links(self.aliases, self.names, tops)
        )
        for link in spelt:
            log.append(link)
            uf.union(link.kept, link.merged)
        parts: set[str] = set()  # a person's surname or first name: it votes a person only
        for k in keys:
            link = merges.merge(self.names, k, index, tops, self.definitions)
            if link is not None:
                log.append(link)
                uf.union(link.kept, link.merged)
                if link.rule in merges.NAME_PARTS and people.surely_named(link.kept, tops):
                    parts.add(link.merged)
        for link in merges.kept_apart(keys, self.names, tops):
            if uf.find(link.kept) != uf.find(link.merged):
                log.append(link)
        clusters: dict[str, list[str]] = defaultdict(list)
        for k in keys:
            clusters[uf.find(k)].append(k)
        entities, key_entity = ids.records(self.names, clusters, parts)
        return entities, key_entity, log

    def _relations(
        self, entities: dict[str, EntityRecord], key_entity: dict[str, str]
    ) -> tuple[dict, dict]:
        mapping = {k: (eid, entities[eid].type) for k, eid in key_entity.items()}
        # the facts to group again: new ones, and those naming a name whose entity (its id or
        # its type) is not the one of the last result
        todo = set(range(len(self._contrib), len(self.facts)))
        self._contrib.extend([None] * (len(self.facts) - len(self._contrib)))
        last = self._last
        for k, now in mapping.items():
            was = last.key_entity.get(k) if last is not None else None
            if was is None or (was, last.entities[was].type) != now:  # type: ignore[union-attr]
                todo.update(self.facts_of.get(k, ()))
        dirty: set[tuple[bool, tuple]] = set()
        for i in sorted(todo):
            f = self.facts[i]
            new = _group(f, mapping)
            old = self._contrib[i]
            if new == old:
                continue
            if old == _REJECTED:
                self._rejected -= 1
            elif old is not None:
                self._groups[old].discard(i)
                dirty.add(old)  # type: ignore[arg-type]
            if new == _REJECTED:
                self._rejected += 1
            elif new is not None:
                self._groups.setdefault(new, set()).add(i)  # type: ignore[arg-type]
                dirty.add(new)  # type: ignore[arg-type]
            self._contrib[i] = new
        for g in dirty:
            fids = self._groups.get(g)
            if not fids:
                self._groups.pop(g, None)
                self._built.pop(g, None)
                continue
            evs, conf = combine(self.facts[i].evidence for i in fids)
            self._built[g] = (evs, conf, min(fids), max(e[EV_CONFIDENCE] for e in evs))

        asserted = sorted((g for g in self._built if not g[0]), key=lambda g: self._built[g][2])
        # the facts in the order one pass over the documents first meets them: inference
        # takes the first premise that gives a fact
        grouped: dict[tuple, tuple[Ev, ...]] = {g[1]: self._built[g][0] for g in asserted}
        confs = {g[1]: self._built[g][3] for g in asserted}
        relations = {k: self._built[(False, k)][:2] for k in grouped}
        for k, evs in infer(grouped, entities, confs).items():
            relations[k] = combine(evs)
        flagged = {g[1]: b[:2] for g, b in self._built.items() if g[0]}
        return dict(sorted(relations.items())), dict(sorted(flagged.items()))

    # -- the result as kg's objects ------------------------------------------------------------

    def materialize(self, snap: Snapshot, documents: Container[str] | None = None) -> Resolution:
        """The snapshot as kg.model objects. With ``documents``, only the mentions and the
        evidence read in those documents (the store writes a document's graph from them)."""
        everything = documents is None
        entities: dict[str, Entity] = {}
        for eid, rec in snap.entities.items():
            ms = {
                Mention(*m)
                for k in rec.keys
                for m in self.names[k].mentions
                if everything or m[0] in documents  # type: ignore[operator]
            }
            mentions = tuple(sorted(ms, key=lambda x: (x.doc_id, x.start)))
            entities[eid] = Entity(eid, rec.name, rec.type, rec.aliases, mentions)

        def made(rels: dict[tuple, tuple[tuple[Ev, ...], float]]) -> list[Relation]:
            out = []
            for (sid, pred, okey), (evs, conf) in rels.items():
                if not everything:
                    evs = tuple(e for e in evs if e[EV_DOC] in documents)  # type: ignore[operator]
                out.append(relation((sid, pred, okey), evs, conf, entities.get))
            return out

        relations, flagged = made(snap.relations), made(snap.flagged)
        ordered = [entities[eid] for eid in snap.kept]
        said = [
            Quote(entities[eid], q.text, q.direct, Evidence(*q.evidence))
            for eid, q in snap.quotes
            if everything or q.evidence[EV_DOC] in documents  # type: ignore[operator]
        ]
        return Resolution(ordered, relations, list(snap.merges), flagged, snap.rejected, said)


def _group(f: _Fact, mapping: dict[str, tuple[str, str]]) -> tuple[bool, tuple] | str | None:
    """The fact group a fact joins under the current entities, _REJECTED, or None."""
    sid, stype = mapping[f.subject]
    otype: str | None = None
    if f.object is not None:
        if f.object not in mapping:
            return None  # a nationality word's country that no document names yet
        # a nationality word's fact is its country's, once a document names the country
        okey, otype = mapping[f.country] if f.country in mapping else mapping[f.object]
        if okey == sid:
            return None  # a name and the entity it is a part of
    else:
        okey = f.literal  # type: ignore[assignment]
        of = mapping.get(f.of) if f.of else None
        if of is not None:
            okey = f"{okey}{OF_SEP}{of[0]}"
    pred = next((p for p in f.predicates if vocab.fits(p, stype, otype)), None)
    if pred is None:
        return _REJECTED
    return (f.negated, (sid, pred, okey))
