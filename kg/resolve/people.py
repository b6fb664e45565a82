"""Merges between people's full names: a name with and without its middle names ("Mary Walsh",
"Mary Ann Walsh"), and a name with initials for its given names ("J. H. Dearle", "John Henry
Dearle"); and a surname read as a person's with a full name read otherwise ("Steinbach", "Udo
Steinbach" typed an organization). Each needs a document that names both, and one full name
only that fits."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping

from kg.lexicon import ROYAL_TITLES
from kg.names import SCOPE, bare, name_key, places
from kg.resolve.keys import top_type
from kg.resolve.merges import Link, shared_doc, sharing
from kg.resolve.records import _Name
from kg.resolve.shapes import within


def middle_names(keys: list[str], names: Mapping[str, _Name], tops: dict[str, str]) -> list[Link]:
    """A person's name with and without middle names ("Henrik Angell", "Henrik August
    Angell") in a document that names both: one person, named as the most mentioned. Both
    are full names (two words or more) that begin and end alike, typed a person."""
    groups: dict[tuple[str, str], list[str]] = defaultdict(list)
    for k in keys:
        words = k.split()
        if len(words) > 1 and SCOPE not in k and tops[k] == "Person":
            groups[(words[0], words[-1])].append(k)
    out = []
    for ks in groups.values():
        if len(ks) < 2:
            continue
        ks.sort(key=lambda k: (len(k.split()), k))
        for i, short in enumerate(ks):
            longer = [f for f in ks[i + 1 :] if within(short, f)]
            longer = sharing(names, short, longer)
            if len(longer) != 1:
                continue  # several fuller names: "George Bush", two of them
            f = longer[0]
            doc = shared_doc(names, f, short)
            head, k = (f, short) if names[f].count >= names[short].count else (short, f)
            reason = (
                f"{names[short].first!r} is {names[f].first!r} without its middle names, "
                f"in document {doc}"
            )
            out.append(Link(head, k, "middle names", reason))
    return out


def initials(keys: list[str], names: Mapping[str, _Name], tops: dict[str, str]) -> list[Link]:
    """A person's name with initials for given names ("J. H. Dearle", "N. C. Wyeth") and the
    one full name of a document they share that they abbreviate ("John Henry Dearle"): one
    person, named as the full name. Both end in the same surname and are typed a person."""
    by_surname: dict[str, list[str]] = defaultdict(list)
    for k in keys:
        words = k.split()
        if len(words) > 1 and SCOPE not in k and tops[k] == "Person":
            by_surname[words[-1]].append(k)
    out = []
    for ks in by_surname.values():
        for short in ks:
            if not any(len(w) == 1 for w in short.split()[:-1]):
                continue
            longer = [
                f
                for f in ks
                if f != short
                and _abbreviated(short, f)
                and not names[f].docs.isdisjoint(names[short].docs)
            ]
            if len(longer) != 1:
                continue  # "J. Smith" where "John Smith" and "Jane Smith" are named
            f = longer[0]
            doc = shared_doc(names, f, short)
            reason = (
                f"{names[short].first!r} is {names[f].first!r} with initials, in document {doc}"
            )
            out.append(Link(f, short, "initials", reason))
    return out


def royal_titles(keys: list[str], names: Mapping[str, _Name], tops: dict[str, str]) -> list[Link]:
    """A person's name that begins with a ruler's title ("King Yi Seok", "Crown Prince
    Mohammed bin Salman") -> the name without it, of two words or more, in a document that
    names both ("Yi Seok"): one person, named as the name without the title. Both typed a
    person; a name of one word ("Prince Harry", "Harry") is a first name's business."""
    known = set(keys)
    out = []
    for k in keys:
        words = k.split()
        if SCOPE in k or tops[k] != "Person" or words[0] not in ROYAL_TITLES:
            continue
        while len(words) > 2 and words[0] in ROYAL_TITLES:
            words.pop(0)
        rest = " ".join(words)
        if rest == k or rest not in known or tops[rest] != "Person":
            continue
        shared = names[k].docs & names[rest].docs
        if shared:
            reason = (
                f"{names[k].first!r} is {names[rest].first!r} with a ruler's title, in "
                f"document {min(shared)}"
            )
            out.append(Link(rest, k, "title", reason))
    return out


def _abbreviated(short: str, long: str) -> bool:
    """Whether the given names of ``short`` are those of ``long``, in order, each written
    whole or as its initial: "j h dearle" of "john henry dearle", "j dearle" too."""
    sw, lw = short.split(), long.split()
    if sw[-1] != lw[-1] or len(sw) > len(lw) or sw == lw:
        return False
    it = iter(lw[:-1])
    return all(any(w == x or len(w) == 1 and x[0] == w for x in it) for w in sw[:-1])


def surnames_typed_otherwise(
    keys: list[str], names: Mapping[str, _Name], tops: dict[str, str]
) -> list[Link]:
    """A lone word its type votes and the recogniser's labels call a person (and no place the
    places table knows) -> the one name of two words of its document that ends with it,
    written as a person's name may be, which the votes read otherwise ("Udo Steinbach", typed
    an organization, then "Steinbach said"): the word's readings are the evidence that the
    full name is a person's. Where a full name typed a person holds the word, the surname
    rule decides (``merges.merge``). A word that is a name only because it ends a full name
    written before it (``_found_late``: "Marta Ilves ... Ilves told reporters", "Ilves" read
    as a common noun) needs no reading of its own: it joins the one full name of its
    document that ends with it, whatever the types."""
    by_last: dict[str, list[str]] = defaultdict(list)
    people: dict[str, list[str]] = defaultdict(list)
    for f in keys:
        fw = f.split()
        if len(fw) < 2 or SCOPE in f:
            continue
        if tops[f] == "Person" or _mostly_person(names[f]):
            for w in (fw[0], fw[-1]):
                people[w].append(f)
        elif tops[f] != "Place" and _name_like(names[f].first):
            # two words as written: a hyphenated given name is one ("Ines-Jacqueline Werkner")
            by_last[fw[-1]].append(f)
    out = []
    for k in keys:
        n, word = names[k], bare(k)
        late = _found_late(n)
        if word in places() or not (late or word in by_last and tops[k] == "Person"):
            continue
        held = [f for f in people.get(word, ()) if f.split()[-1] == word]
        if not late and any(not names[f].docs.isdisjoint(n.docs) for f in held):
            continue
        fulls = by_last.get(word, []) + (held if late else [])
        near = sharing(names, k, fulls)
        if len(near) != 1:
            continue
        f = near[0]
        surely = _read_a_person(n, tops[k])
        if not (late or surely or _pooled_person(n, names[f])):
            continue
        doc = shared_doc(names, f, k)
        if late:
            reason = (
                f"{n.first!r} ends {names[f].first!r}, written before it in document {doc}, "
                "and is a name only as its end"
            )
        else:
            said = "say" if surely else "and the full name's together say"
            reason = (
                f"{n.first!r} is the surname of {names[f].first!r}, named in document {doc}: "
                f"the word's readings {said} a person, the full name's said {tops[f].lower()}"
            )
        out.append(Link(f, k, "surname", reason))
    return out


def read_elsewhere(keys: list[str], names: Mapping[str, _Name], tops: dict[str, str]) -> list[Link]:
    """A lone word read a person's in one document only ("Ankara said", "he told Bild"),
    where no person's name of any document begins or ends with it -> the place or
    organization other documents name by that word: a surname or first name is kept to its
    document because it may stand for any of several people, and this word stands for no
    person named anywhere. The entity keeps the type all its mentions vote."""
    person_words: set[str] = set()
    for f in keys:
        fw = bare(f).split()
        if len(fw) > 1 and (tops[f] == "Person" or _mostly_person(names[f])):
            person_words.update((fw[0], fw[-1]))
    read: dict[str, list[str]] = defaultdict(list)  # the word -> its documents' keys
    for k in keys:
        word = bare(k)
        if k != word and word in names and " " not in word and word not in person_words:
            if tops[k] == "Person" and tops[word] in ("Place", "Organization"):
                read[word].append(k)
    out = []
    for word, ks in read.items():
        other, kind = names[word], tops[word]
        if top_type(sum((names[k].votes for k in ks), other.votes)) != kind:
            continue  # the person's readings together would outvote the thing's
        for k in ks:
            n = names[k]
            reason = (
                f"{n.first!r}, read a person's in document {min(n.docs)}, is the "
                f"{kind.lower()} other documents name ({other.count} mentions): no person "
                "named in any document is called so"
            )
            out.append(Link(word, k, "same name", reason))
    return out


def surely_named(full: str, tops: dict[str, str]) -> bool:
    """Whether a full name its votes type a person names one surely enough that its surname
    or first name, joined to it, votes a person only: it holds no place's name nor a number,
    as a club's name that the recogniser read a person's does ("Rotor Volgograd", a
    scoreline's "Zemun 1 Rad"), whose parts' readings as a club are the right ones."""
    return tops[full] == "Person" and not any(w in places() or w.isdigit() for w in full.split())


def _found_late(n: _Name) -> bool:
    """Whether a lone word is a name only because it ends a full name its document wrote
    before it (kg.extract.surnames, label NAME): that full name is what it stands for."""
    return bool(n.labels) and set(n.labels) == {"NAME"} and " " not in n.first


def _pooled_person(n: _Name, full: _Name) -> bool:
    """Whether the votes of a lone word read as a person's and of the one full name of its
    document that ends with it, taken together, say a person: the entity the two would make
    is a person's by all its mentions ("Buhari" said seven times, read a person by the
    votes of the words around it more than a place or an organization, each alone, and
    "Muhammadu Buhari" twice, read a product)."""
    return top_type(n.votes + full.votes) == "Person"


def _mostly_person(n: _Name) -> bool:
    return n.labels["PERSON"] * 2 > sum(n.labels.values())


def _read_a_person(n: _Name, top: str) -> bool:
    """Whether a name's type votes and the recogniser's labels both say a person."""
    v = n.votes
    return top == "Person" and v["Person"] > v["Organization"] + v["Place"] and _mostly_person(n)


def _name_like(surface: str) -> bool:
    """Whether a name of two words is written as a person's may be: two capitalised words of
    letters, neither in capitals, the first no place's ("Udo Steinbach"; not "BBC World",
    "London Stansted")."""
    words = surface.replace("-", "").split()
    return (
        len(words) == 2
        and all(w.isalpha() and w[0].isupper() and not w.isupper() for w in words)
        and name_key(words[0]) not in places()
    )
