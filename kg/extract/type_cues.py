"""What the words around a name say of its type, beyond its own words: who speaks or acts for
it ("a Deutsche Telekom spokesman"), where it speaks ("said in a statement"), and a town's name
where a person comes from ("an engineer from Tartu"). kg.extract.types weighs them as votes."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from kg.extract.tokens import Tokens
from kg.lexicon import NOUN_TYPE, SITE_NOUNS, SPOKESMAN_NOUNS, STATEMENT_NOUNS
from kg.names import compact_key, name_key

TOWNS = Path(__file__).resolve().parent.parent / "data" / "towns.txt"


@lru_cache(maxsize=1)
def towns() -> frozenset[str]:
    """The name keys of kg/data/towns.txt (GeoNames' towns of 15,000 people or more) in ASCII
    without spaces (``compact_key``: "Tromsø" as news writes it, "Tromso"), read the first
    time a name needs them."""
    lines = TOWNS.read_text(encoding="utf-8").splitlines()
    return frozenset(compact_key(name_key(x)) for x in lines if x and not x.startswith("#"))


def in_towns(key: str) -> bool:
    """Whether the name key ``key`` is a town's of kg/data/towns.txt."""
    return compact_key(key) in towns()


def from_town(t: Tokens, root: int, key: str) -> bool:
    """Whether the name (root ``root``, name key ``key``) is where a person described by a noun
    comes from or is, and a town's name: "an engineer from Tartu", "a teacher in Viljandi".
    Not "a researcher from Google": the town list decides, since the words alone say an
    employer as often."""
    head = t.head[root]
    if t.dep[root] != "pobj" or t.lower[head] not in ("from", "in"):
        return False
    noun = t.head[head]
    return t.pos[noun] == "NOUN" and NOUN_TYPE.get(t.lemma[noun]) == "Person" and in_towns(key)


def sited(t: Tokens, root: int, key: str) -> bool:
    """Whether the name (root ``root``, name key ``key``) is a town's written before a work or
    site it holds: "the Tromso mill", "the Halden plant". The town list decides, as for
    ``from_town``: "the Ford plant" is a company's."""
    head = t.head[root]
    return (
        t.dep[root] == "compound"
        and t.pos[head] == "NOUN"
        and t.lemma[head] in SITE_NOUNS
        and in_towns(key)
    )


def spoken_for(t: Tokens, root: int, end: int) -> bool:
    """Whether the name (root ``root``, tokens to ``end``) is written right before who speaks
    or acts for it: "a Deutsche Telekom spokesman", "Baltic Yards chief executive Peeter Kask"
    (which the parser may read as an apposition: no comma, so the name is the noun's
    modifier, not described by it)."""
    head = t.head[root]
    if (
        t.dep[root] in ("compound", "nmod")
        and t.lemma[head] in SPOKESMAN_NOUNS
        and t.pos[head] == "NOUN"
        and all(t.pos[k] == "ADJ" for k in range(end, head))
    ):
        return True  # not through another noun: "King County police spokesman" is the police's
    noun = adjacent_appos(t, root, end)
    return noun is not None and t.lemma[noun] in SPOKESMAN_NOUNS


def adjacent_appos(t: Tokens, root: int, end: int) -> int | None:
    """The noun the parser put in apposition to the name (root ``root``) with nothing but
    adjectives between them ("Baltic Yards chief executive"): a misread compound."""
    for c in t.children[root]:
        if t.dep[c] == "appos" and t.pos[c] == "NOUN" and c >= end:
            if all(t.pos[k] == "ADJ" for k in range(end, c)):
                return c
    return None


def stated(t: Tokens, verb: int) -> bool:
    """Whether the speech verb ``verb`` says where it was said: "said in a statement"."""
    for p in t.children[verb]:
        if t.dep[p] == "prep" and t.lower[p] == "in":
            if any(t.lemma[o] in STATEMENT_NOUNS for o in t.children[p] if t.dep[o] == "pobj"):
                return True
    return False
