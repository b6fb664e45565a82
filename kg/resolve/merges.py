"""Merges: the rules by which a name joins another it stands for, each leaving a line in the merge
log with its evidence (a document, and for a definition its sentence). A merge needs evidence
beyond likeness: a surname or first name joins the one full name of its document that ends or
starts with it (where its own readings call it an organization or place, only a full name that
the document names before it); an acronym the name a document defines it as ("General Motors
(GM)", which holds in its document and wherever no other document or kg's table of known
acronyms gives it another meaning; an organization's name in another language too, "Federation
of German Industry (BDI)"), or else the one name of a shared document whose initials it spells
(three letters or more, or two of an organization's name of two words); a short form ("TBD") the
name of a shared document it shortens by a legal or unit suffix ("TBD Lab") or a place's generic
noun ("Golan Heights", "the Great Belt Bridge"); an organization's noun ("the Court", "the
Agreement") the one name of its document it heads ("the Supreme Court", "the Paris Agreement"),
or the one name there that is it with its country before it ("the US Justice Department"); a
name the one organization's name of a shared document that is it with its place ("the Times",
"the New York Times"; "Bayern", "Bayern Munich"); an event's name the one of a shared document
that is it with a nationality word before it ("the Resistance", "the French Resistance"); a
model's name the one product's name of a shared document that is it with its maker's name before
it, which that document names too ("the Avalon", "the Toyota Avalon"). A name that begins with
another and says more ("Meta AI") is kept apart, and the log says so. Spelling variants are
``spelling``'s, people's fuller names ``people``'s, aliases a text defines ``aliases``'."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from typing import NamedTuple

from kg.defaults import ACRONYM_MAX, ACRONYM_MIN, PERSON_SURE, SURNAME_MARGIN
from kg.extract.type_cues import in_towns
from kg.lexicon import (
    COMPLEMENTED_HEAD_NOUNS,
    DOCUMENT_HEAD_NOUNS,
    FACILITY_SUFFIXES,
    FEATURE_SUFFIXES,
    LEGAL_SUFFIXES,
    ORG_HEAD_NOUNS,
    PLACE_PREFIXES,
    PLACE_SUFFIXES,
)
from kg.names import (
    SCOPE,
    abbreviates,
    bare,
    compact_key,
    hyphen_surnames,
    is_acronym,
    particle_surnames,
    places,
    subdivision_of,
)
from kg.names import within as within_table
from kg.resolve.definitions import known
from kg.resolve.keys import SURNAME
from kg.resolve.records import _Name
from kg.resolve.shapes import complement_heads, document_heads, fuller, head_nouns, initials, within

# The types whose names the nationality word before them belongs to ("the Irish Labour Party",
# "French Polynesia"): only the names of other things ("the American Civil War") drop it
_NAMED_TYPES = ("Person", "Place", "Organization")


# The rules that join a person's surname or first name to the full name ("Romney", "Mitt Romney")
NAME_PARTS = ("surname", "first name")


class Link(NamedTuple):
    """A merge decision between two name keys, before it is made a Merge."""

    kept: str
    merged: str
    rule: str
    reason: str


class Index(NamedTuple):
    """The full names by what a shorter name could match in them, made once: a scan of all
    names for each name grows with the square of the corpus."""

    people_by_word: dict[str, list[str]]  # first or last word -> people's full names
    by_initials: dict[str, list[str]]  # initials -> names of other types
    by_stem: dict[str, list[str]]  # an organization's name without its legal suffix
    orgs_by_head: dict[str, list[str]]  # the noun it is called by -> organizations' names
    by_owner: dict[str, list[str]]  # "justice department" -> "us justice department"
    by_home: dict[str, list[str]]  # "times" -> "new york times", "bayern" -> "bayern munich"
    by_head: dict[str, list[str]]  # "european court" -> "european court of human rights"
    by_nation: dict[str, list[str]]  # "civil war" -> "american civil war"
    by_maker: dict[str, list[str]]  # "avalon" -> "toyota avalon" (a document names "toyota")


class Union:
    """Union-find over name keys: which names have become one."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, k: str) -> str:
        self.parent.setdefault(k, k)
        while self.parent[k] != k:
            self.parent[k] = self.parent[self.parent[k]]
            k = self.parent[k]
        return k

    def union(self, keep: str, other: str) -> None:
        a, b = self.find(keep), self.find(other)
        if a != b:
            self.parent[b] = a


def index(keys: list[str], tops: dict[str, str], names: Mapping[str, _Name]) -> Index:
    """The full names among ``keys`` by what a shorter name could match in them. A person's
    name is one typed a person, or one the recogniser mostly tagged a person's (the votes of
    words around it can mislead: "Toufique Imrose Khalidi, editor of ..."), unless the type
    model overruled every such tag ("Mount Shinn", "Politehnica Timișoara": ``labelled_person``)."""
    out = Index(*(defaultdict(list) for _ in Index._fields))
    for f in keys:
        fw = f.split()
        if len(fw) < 2:
            continue
        t = tops[f]
        if t == "Person" or labelled_person(names[f]):
            surnames = (*particle_surnames(fw), *hyphen_surnames(names[f].texts, fw))
            if len(fw) >= 4:
                # a Spanish or Portuguese name of four words carries the father's surname
                # before the mother's, and is called by the first ("Guillermo David Endara
                # Galimany", "Endara"); three words are more often a middle name's
                surnames = (*surnames, fw[-2])
            for w in dict.fromkeys((fw[0], fw[-1], *surnames)):
                out.people_by_word[w].append(f)
        else:
            # "Tears for Fears" is "TFF" as well as "TF"
            for spelt in dict.fromkeys((initials(f), "".join(w[0] for w in fw))):
                out.by_initials[spelt].append(f)
        if t not in ("Person", "Place"):
            for w in document_heads(fw):
                out.orgs_by_head[w].append(f)
        if t == "Organization":
            # a state's body named by what it does is a name of its document ("supreme court@d")
            for w in head_nouns(bare(f).split()):
                out.orgs_by_head[w].append(f)
            if fw[-1] in LEGAL_SUFFIXES and SCOPE not in f:
                out.by_stem[" ".join(fw[:-1])].append(f)
            # "US Justice Department", "German Foreign Ministry": a country's body by its country
            for i in (1, 2):
                row = places().get(" ".join(fw[:i])) if len(fw) > i else None
                if row is not None and row[1] != "city" and SCOPE not in f:
                    out.by_owner[" ".join(fw[i:])].append(f)
            for rest in _homed(fw, names[f].first) if SCOPE not in f else ():
                out.by_home[rest].append(f)
            for head in complement_heads(fw) if SCOPE not in f else ():
                out.by_head[head].append(f)
        elif t == "Place" and fw[-1] in PLACE_SUFFIXES | FEATURE_SUFFIXES and SCOPE not in f:
            out.by_stem[" ".join(fw[:-1])].append(f)
        elif t == "Place" and fw[0] in PLACE_PREFIXES and SCOPE not in f:
            out.by_stem[" ".join(fw[1:])].append(f)
        elif (
            t not in ("Person", "Place", "Organization") and SCOPE not in f and _nation_word(fw[0])
        ):
            # "American Civil War" is "the Civil War" once named (an organization's name is
            # not: "the Irish Labour Party" tells one Labour Party from another)
            out.by_nation[" ".join(fw[1:])].append(f)
        if t != "Person" and fw[-1] in FACILITY_SUFFIXES and SCOPE not in f:
            out.by_stem[" ".join(fw[:-1])].append(f)
        if t == "Product" and SCOPE not in f:
            for rest in _made(fw, f, tops, names):
                out.by_maker[rest].append(f)
    return out


def _made(words: list[str], f: str, tops: dict[str, str], names: Mapping[str, _Name]) -> list[str]:
    """What a product's name of these words is called by without its maker's name before it:
    the words after a name its document names alone, no person's, country's or state's
    ("Toyota Avalon": "the Avalon", where the text names "Toyota"; "Samsung Galaxy S":
    "Galaxy S")."""
    out = []
    for i in (1, 2):
        maker = " ".join(words[:i])
        if len(words) <= i or maker not in names or tops[maker] == "Person":
            continue
        row = places().get(maker)
        if row is not None and row[1] != "city" or _state(maker):
            continue  # a country's or a state's name says where a thing is, not who made it
        if not names[maker].docs.isdisjoint(names[f].docs):
            out.append(" ".join(words[i:]))
    return out


def merge(
    names: Mapping[str, _Name],
    k: str,
    index: Index,
    tops: dict[str, str],
    definitions: Mapping[str, Mapping[str, tuple[str, str]]],
) -> Link | None:
    """The merge of name ``k`` into a longer name, by the first rule that applies. A short
    name joins a longer one only on evidence: a document that names both, or one that defines
    the acronym (which holds in every document where unambiguous, ``_acronym``)."""
    n = names[k]
    surface, word = n.first, bare(k).removesuffix(SURNAME)
    if len(word.split()) == 1 or SCOPE in k and word in index.people_by_word:
        # surname or first name -> the one full person name that ends or starts with it, in
        # a document that names both
        near = sharing(names, k, index.people_by_word.get(word, []))
        if len(near) > 1:
            # "Dolly Parton" and "Legendary Dolly Parton", "Christine Razanamahasoa" and
            # "Christine Harijaona Razanamahasoa": one name and fuller readings of it
            short = min(near, key=lambda f: (len(f), f))
            near = [short] if all(within(short, f) for f in near) else near
        among = len(near)
        if among > 1:
            # "Alger" where "Ross Patterson Alger" and "Harry Alger" are named: the subject
            near = [_first_named(names, near, n)]
        v = n.votes
        agree = v["Organization"] + v["Place"] <= v["Person"] + SURNAME_MARGIN
        if len(near) == 1 and (agree or _introduced(names, near[0], k, tops)):
            f = near[0]
            part = "first name" if f.split()[0] == word else "surname"
            doc = shared_doc(names, f, k)
            reason = f"{surface!r} is the {part} of {names[f].first!r}, named in document {doc}"
            if not agree:
                reason += " before it (the word's own readings said otherwise)"
            if among > 1:
                reason += f", the first named of {among} full names it could stand for"
            return Link(f, k, part, reason)
    acr = compact_key(word)
    own = k in definitions  # an acronym its document defines ("gm@doc": definitions.scope)
    if is_acronym(surface) and ACRONYM_MIN <= len(acr) <= ACRONYM_MAX and (own or SCOPE not in k):
        link = _acronym(names, k, acr, index, tops, definitions)
        if link is not None:
            return link
    # an agreement's noun names no place, whatever the words around it vote ("under the
    # Agreement"); an organization's may ("the Court" of a town's court house)
    nouns = ORG_HEAD_NOUNS | COMPLEMENTED_HEAD_NOUNS
    headed = word in nouns and tops[k] != "Place" or word in DOCUMENT_HEAD_NOUNS
    if SCOPE in k and headed and tops[k] != "Person":
        link = _head_word(names, k, index)
        if link is not None:
            return link
    # short form -> the name it shortens by a legal or unit suffix ("TBD" -> "TBD Lab"), or a
    # place's generic noun ("Golan" -> "Golan Heights", "Gaza" -> "Gaza Strip"), in a document
    # that names both
    longer = sharing(names, k, index.by_stem.get(word, []))
    if len(longer) == 1 and tops[k] != "Person" and _shortens(word, k, longer[0], tops):
        f = longer[0]
        doc = shared_doc(names, f, k)
        reason = f"{surface!r} is {names[f].first!r} without its suffix, in document {doc}"
        return Link(f, k, "short form", reason)
    return (
        _owned(names, k, index, tops)
        or _complemented(names, k, index, tops)
        or _national(names, k, index, tops)
        or _model(names, k, index, tops)
    )


def _model(names: Mapping[str, _Name], k: str, index: Index, tops: dict[str, str]) -> Link | None:
    """A name -> the one name of a document it shares that is it with its maker's name
    before it, a name that document names too ("the Avalon" after "the Toyota Avalon" and
    "Toyota"): a product named in full once, then by its model. Not a person's or a place's
    name; two such products of its documents leave it alone."""
    if SCOPE in k or tops[k] in ("Person", "Place"):
        return None
    near = sharing(names, k, index.by_maker.get(k, []))
    return _the_one(names, k, near, "without its maker's name")


def _nation_word(word: str) -> bool:
    """Whether the places table gives ``word`` as a nationality word ("american", "french")."""
    row = places().get(word)
    return row is not None and row[1] == "demonym"


def _national(
    names: Mapping[str, _Name], k: str, index: Index, tops: dict[str, str]
) -> Link | None:
    """A name -> the one name of a document it shares that is it with a nationality word
    before it, neither a person's, a place's nor an organization's: an event or a movement
    that news names in full once, then without the word ("the American Civil War", "the
    Civil War"; "the French Resistance", "the Resistance"). Not an organization's: two
    parties of one name are told apart by the word ("the Irish Labour Party", "the Labour
    Party")."""
    if tops[k] in _NAMED_TYPES:
        return None
    near = sharing(names, k, index.by_nation.get(bare(k), []))
    return _the_one(names, k, near, "without its nationality word")


def _complemented(
    names: Mapping[str, _Name], k: str, index: Index, tops: dict[str, str]
) -> Link | None:
    """A name of one document -> the one organization's name there that is it with its
    complement ("the European Court" after "the European Court of Human Rights"; "the
    International Criminal Tribunal" after "... for the former Yugoslavia"): news names a
    body in full once, then by the words before its "of" or "for". Two such names
    ("European Court of Justice", "European Court of Human Rights") leave it alone."""
    if SCOPE not in k or tops[k] in ("Person", "Place"):
        return None
    near = sharing(names, k, index.by_head.get(bare(k), []))
    return _the_one(names, k, near, "without its complement")


def _the_one(names: Mapping[str, _Name], k: str, near: list[str], what: str) -> Link | None:
    """A short form -> the one name of its document it is, ``what`` says how; none where
    the document holds none or several."""
    if len(near) != 1:
        return None
    f = near[0]
    doc = shared_doc(names, f, k)
    reason = f"{names[k].first!r} is {names[f].first!r} {what}, in document {doc}"
    return Link(f, k, "short form", reason)


def _homed(words: list[str], surface: str) -> list[str]:
    """What an organization's name of these words (``surface``: as written) is called by
    without the place it is named after: the words after a country, region, state or city
    that begins it ("the New York Times": "the Times"; "the Minnesota Vikings": "the
    Vikings"), or before a city that ends it ("Bayern
    Munich": "Bayern"). Not after a nationality word, which news writes to tell one of two
    names apart ("the Irish Labour Party"), nor before a country or region, or an acronym
    before a city, which name a thing's unit ("Square Enix Europe", "CIA Milan")."""
    out = []
    unit = is_acronym(surface.split()[0])
    for i in (1, 2):
        if len(words) <= i:
            break
        first = " ".join(words[:i])
        row = places().get(first)
        if row is not None and row[1] != "demonym" or _state(first):
            out.append(" ".join(words[i:]))
        row = places().get(" ".join(words[-i:]))
        if row is not None and row[1] == "city" and not (unit and len(words) == i + 1):
            out.append(" ".join(words[:-i]))
    return out


def _state(key: str) -> bool:
    """Whether a name key is a state's, province's or region's: a first-level subdivision of
    one country (kg/data/within.tsv) that is no country's name ("Minnesota", "Bavaria")."""
    return subdivision_of(key) is not None and key not in places()


def _shortens(word: str, k: str, f: str, tops: dict[str, str]) -> bool:
    """Whether a name ``f`` may be called ``word`` (``k``'s bare key: ``f`` without its last
    word, or its first). A place's name, without its generic noun: not where the places table
    knows the word as a country, nor as a city where the name is a province's (a province
    named after its capital is another place: "Aydın Province", "Aydın"); without the generic
    noun that begins it ("Mount Etna", "Etna"), where the table knows no place of the word;
    without a river's, a bridge's or an island's noun ("Ammonoosuc River", "Ammonoosuc"), where
    no town of GeoNames is the word either. A building's or a school's (``FACILITY_SUFFIXES``:
    "the Drake Hotel", "the Drake"; "Butler University", "Butler"): not where the word is read
    a place (unless the building is too, and no town is the word) or the places table knows it
    (a university named after its town is not the town: "Tehran University", "Tehran"). An
    organization's, without its legal or unit suffix: not
    where the word is read a place (a company that runs a place is not the place: "Heathrow
    Airport Holdings", "Heathrow Airport")."""
    if f.split()[-1] in FACILITY_SUFFIXES:
        # a building read as a place is called by a word read so too, where no town is the
        # word ("Tullgarn Palace", "Tullgarn"; not "Windsor Castle", "Windsor")
        building = tops[f] == "Place" and word not in within_table() and not in_towns(word)
        return (tops[k] != "Place" or building) and word not in places()
    if tops[f] != "Place":
        # a company named after a place it runs is not the place ("Heathrow Airport
        # Holdings", "Heathrow Airport")
        return tops[k] != "Place" or tops[f] != "Organization"
    kind = places().get(word, ("", ""))[1]
    if f.split()[-1] in FEATURE_SUFFIXES:
        # "Brooklyn Bridge" is not Brooklyn, "Hudson River" not the town of Hudson
        return kind == "" and word not in within_table() and not in_towns(word)
    if f.split()[0] in PLACE_PREFIXES:
        # "Mount Vernon" is not the town of Vernon
        return kind == "" and word not in within_table()
    return kind == "" or kind == "city" and f.split()[-1] != "province"


def _owned(names: Mapping[str, _Name], k: str, index: Index, tops: dict[str, str]) -> Link | None:
    """A name -> the one name of a document it shares that is it with the place it is of
    before or after it: "the Justice Department" (a name of its document) after "the US
    Justice Department"; "the Times" after "the New York Times" (``_homed``)."""
    n = names[k]
    by = index.by_owner if SCOPE in k else index.by_home
    owned = sharing(names, k, by.get(bare(k), []))
    if len(owned) != 1 or tops[k] in ("Person", "Place"):
        return None
    f = owned[0]
    doc = shared_doc(names, f, k)
    where = "ends" if SCOPE in k else "is with the place it is named after"
    reason = f"{n.first!r} is {names[f].first!r}, the one name of document {doc} it {where}"
    return Link(f, k, "short form", reason)


def _head_word(names: Mapping[str, _Name], k: str, index: Index) -> Link | None:
    """A noun of one document -> the one organization's name of that document it heads:
    "the Court" after "the Supreme Court", "the Council" after "the Council of Europe"; or
    the one agreement's or law's name, "the Agreement" after "the Paris Agreement". Two such
    names ("Supreme Court", "District Court") leave it alone."""
    n = names[k]
    near = sharing(names, k, index.orgs_by_head.get(bare(k), []))
    if len(near) > 1:
        # "Supreme Court" and "United States Supreme Court", "European Court" and "European
        # Court of Human Rights": one name and fuller readings
        short = min(near, key=lambda f: (len(bare(f)), f))
        readings = (fuller(bare(short), bare(f)) for f in near if f != short)
        near = [short] if all(readings) else near
    if len(near) != 1:
        return None
    f = near[0]
    doc = shared_doc(names, f, k)
    reason = f"{n.first!r} stands for {names[f].first!r}, the one name it heads in document {doc}"
    return Link(f, k, "head word", reason)


def _acronym(
    names: Mapping[str, _Name],
    k: str,
    acr: str,
    index: Index,
    tops: dict[str, str],
    definitions: Mapping[str, Mapping[str, tuple[str, str]]],
) -> Link | None:
    """An acronym -> the name a document defines it as ("General Motors (GM)"): in that
    document its own definition (its key there is "gm@doc", ``definitions.scope``); elsewhere
    the one meaning of every document's definitions, none where two define it as two names.
    Else the one name of a document it shares whose initials it spells, when it has three
    letters or more, or two where both are an organization's (``_company_initials``), and
    where kg's table of known acronyms knows it, only the table's name; else the table's."""
    surface = names[k].first
    own = SCOPE in k  # the acronym in a document that defines it
    defined = {
        f: ev
        for f, ev in definitions.get(k if own else acr, {}).items()
        if f in names
        and f != k
        and (abbreviates(surface, names[f].first) or _translated(f, k, tops))
    }
    if defined:
        # the name defined in most documents; ties to the first in name order
        full = max(sorted(defined), key=lambda f: len(names[f].docs))
        doc, sentence = defined[full]
        other = next((f for f in sorted(defined) if not _one_meaning(f, full)), None)
        if other is None or own:
            where = "its document" if own else "document"
            reason = f"{surface!r} is defined as {names[full].first!r} in {where} {doc}"
            return Link(full, k, "acronym defined", f"{reason}: {sentence!r}")
        # two documents define it as two names: elsewhere it is neither ("DP", the Democratic
        # Party of one and the Daily Planet of another)
    table = known(acr)
    near = sharing(names, k, index.by_initials.get(acr, []))
    if table and not own:
        near = [f for f in near if f == table]  # the table's meaning stands: "AFP", the agency
    if len(near) == 1 and (len(acr) >= 3 or _company_initials(k, near[0], tops)):
        f = near[0]
        doc = shared_doc(names, f, k)
        reason = f"{surface!r} spells the initials of {names[f].first!r}, in document {doc}"
        return Link(f, k, "acronym", reason)
    if own:
        # its document's definition joins no name: the acronym other documents name
        if acr in names and acr != k:
            doc = k.partition(SCOPE)[2]
            reason = (
                f"{surface!r} of document {doc}, whose definition there joins no name, is the "
                f"{names[acr].first!r} other documents name"
            )
            return Link(acr, k, "same name", reason)
        return None
    # "EU", "UN": the table of acronyms news uses without defining them
    if table in names and table != k:
        reason = f"{surface!r} stands for {names[table].first!r} (kg's table of known acronyms)"
        return Link(table, k, "acronym known", reason)
    return None


def _one_meaning(a: str, b: str) -> bool:
    """Whether two names an acronym is defined as may be one thing's: one is a fuller reading
    of the other, or they begin with one word (news words a party's or a body's name in
    several ways: "the Social Democrats", "the Social Democratic Party"; "Democratic Party"
    and "Daily Planet" are two)."""
    return fuller(a, b) or fuller(b, a) or a.split()[0] == b.split()[0]


def _company_initials(acr: str, full: str, tops: dict[str, str]) -> bool:
    """Whether a two-letter acronym may stand for the one name of its document whose initials
    it spells: both read an organization's, and the name is of two words ("GM", "General
    Motors"; "BP", "British Petroleum"). Two letters spell too many names to join on less:
    a member of parliament's "MP" is no "Marshall Plan", a place's "PA" no person."""
    return tops[acr] == tops[full] == "Organization" and len(full.split()) == 2


def _translated(full: str, acr: str, tops: dict[str, str]) -> bool:
    """Whether a definition whose letters do not spell its name still holds: the name is an
    organization's and the acronym no person's or place's ("Federation of German Industry
    (BDI)"; not "Michael Müller (SPD)"), or the name is typed nothing sure and the acronym an
    organization's ("the Social Democrats (SPD)"), and no longer than
    two words a letter (a longer one holds another name: "Kansas City Chiefs of the National
    Football League (NFL)")."""
    short = compact_key(bare(acr))
    org = tops[full] == "Organization" and tops[acr] not in ("Person", "Place")
    # a name typed nothing sure ("the Social Democrats": a people's word) with an
    # organization's acronym
    org = org or tops[full] == "Other" and tops[acr] == "Organization"
    return org and len(full.split()) <= 2 * len(short)


def labelled_person(n: _Name) -> bool:
    """Whether the recogniser tagged most mentions of a name a person's and the type model
    left a vote of those tags standing: where it was sure every tag was wrong (its vote for a
    person spent to nothing), the tags are no evidence of a person's name ("Mount Shinn", a
    place; "Nintendo Australia", a company; each tagged a person once)."""
    labels = n.labels
    return labels["PERSON"] * 2 > sum(labels.values()) and n.votes["Person"] > 0


def kept_apart(keys: list[str], names: Mapping[str, _Name], tops: dict[str, str]) -> list[Link]:
    """Names that begin with another name of a document they share and say more than it
    ("Meta AI", "Meta"; "Apple Music", "Apple"): a lab, product or unit of a thing is not the
    thing, so no rule joins them, and the log says so. ``kept`` is the shorter name."""
    known = set(keys)
    out = []
    for k in keys:
        words = k.split()
        if len(words) < 2 or SCOPE in k or tops[k] == "Person":
            continue
        for i in range(1, len(words)):
            head = " ".join(words[:i])
            if head not in known or tops[head] == "Person":
                continue
            shared = names[head].docs & names[k].docs
            if shared:
                doc = min(shared)
                reason = (
                    f"{names[k].first!r} begins with {names[head].first!r} (document {doc}) "
                    "and says more than it: a lab, product or unit of a thing is another thing"
                )
                out.append(Link(head, k, "kept apart", reason))
    return out


def _introduced(names: Mapping[str, _Name], f: str, k: str, tops: dict[str, str]) -> bool:
    """Whether the full name ``f`` introduces the lone word ``k`` in their document whatever
    the word's own votes say ("Viktor Orban" ... "Orban", which the recogniser may call an
    organization): ``f`` is a person's name by its type and surely so (``_surely_person``),
    named before the word (its mentions in the headline aside), and the word names no place
    the places table knows."""
    if tops[f] != "Person" or not _surely_person(names[f]):
        return False
    if bare(k) in places() or is_acronym(names[f].first.split()[0]):
        return False  # "CSU Bavaria" is a name cut wrong: no given name is an acronym
    doc = shared_doc(names, f, k)
    first_f = min(m[1] for m in names[f].mentions if m[0] == doc)
    # a headline names people by their surname before the text introduces them in full
    # ("Hungary's Orban attempts ...", then "Prime Minister Viktor Orban")
    headlined = names[k].headlined
    below = [m[1] for m in names[k].mentions if m[0] == doc and (doc, m[1]) not in headlined]
    return first_f < min(below, default=first_f + 1)


def _surely_person(n: _Name) -> bool:
    """Whether a name typed a person's is one on more than its type: the recogniser tagged
    most of its mentions a person's, or the type votes for a person outweigh all others
    ``PERSON_SURE`` times over (the recogniser tags a name the words around it read as a
    company's, "Aatish Taseer's book", where the type model reads a person)."""
    labels, votes = n.labels, n.votes
    if labels["PERSON"] * 2 > sum(labels.values()):
        return True
    person = votes["Person"]
    return person >= PERSON_SURE * (sum(votes.values()) - person) and person > 0


def _first_named(names: Mapping[str, _Name], near: list[str], n: _Name) -> str:
    """Of the full names ``near`` a short name could stand for, the one its document names
    first: a text introduces its subject by the full name before any other of that name."""
    doc = min(set.intersection(n.docs, *(names[f].docs for f in near)) or n.docs)

    def first(f: str) -> tuple[int, str]:
        return (min((m[1] for m in names[f].mentions if m[0] == doc), default=1 << 60), f)

    return min(near, key=first)


def sharing(names: Mapping[str, _Name], k: str, found: list[str]) -> list[str]:
    """The names of ``found`` that some document of ``k`` names too."""
    docs = names[k].docs
    return [f for f in found if not names[f].docs.isdisjoint(docs)]


def shared_doc(names: Mapping[str, _Name], f: str, k: str) -> str:
    """The first document (by id) that names both ``f`` and ``k``: the merge log's evidence."""
    return min(names[f].docs & names[k].docs)
