"""Merges: the rules by which a shorter name joins the one longer name it stands for, each
leaving a line in the merge log. A surname or first name joins the one full name that ends or
starts with it, an acronym the one name whose initials it spells, a short form ("TBD") the name
it shortens by a legal or unit suffix ("TBD Lab")."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from typing import NamedTuple

from kg.defaults import ACRONYM_MAX, ACRONYM_MIN, SURNAME_LABEL_MARGIN
from kg.lexicon import ACRONYM_SKIP, LEGAL_SUFFIXES
from kg.resolve.records import _Name


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


def index(keys: list[str], tops: dict[str, str]) -> Index:
    """The full names among ``keys`` by what a shorter name could match in them."""
    out = Index(defaultdict(list), defaultdict(list), defaultdict(list))
    for f in keys:
        fw = f.split()
        if len(fw) < 2:
            continue
        t = tops[f]
        if t == "Person":
            for w in dict.fromkeys((fw[0], fw[-1])):
                out.people_by_word[w].append(f)
        else:
            out.by_initials[_initials(f)].append(f)
        if fw[-1] in LEGAL_SUFFIXES and t == "Organization":
            out.by_stem[" ".join(fw[:-1])].append(f)
    return out


def merge(names: Mapping[str, _Name], k: str, index: Index, tops: dict[str, str]) -> Link | None:
    """The merge of name ``k`` into a longer name, by the first rule that applies."""
    surface = names[k].first
    if len(k.split()) == 1:
        # surname or first name -> the one full person name that ends or starts with it
        people = index.people_by_word.get(k, [])
        near = [f for f in people if not names[f].docs.isdisjoint(names[k].docs)]
        pick = near if near else people
        label = names[k].labels
        if len(pick) == 1 and label["ORG"] + label["GPE"] <= label["PERSON"] + SURNAME_LABEL_MARGIN:
            f = pick[0]
            part = "surname" if f.split()[-1] == k else "first name"
            reason = f"{surface!r} is the {part} of {names[f].first!r}"
            return Link(f, k, part, reason + (", named in the same document" if near else ""))
        # acronym -> the one name whose initials it spells
        if surface.isupper() and ACRONYM_MIN <= len(surface) <= ACRONYM_MAX:
            full = index.by_initials.get(k, [])
            if len(full) == 1:
                reason = f"{surface!r} spells the initials of {names[full[0]].first!r}"
                return Link(full[0], k, "acronym", reason)
    # short form -> the name it shortens by a legal or unit suffix ("TBD" -> "TBD Lab")
    longer = index.by_stem.get(k, [])
    if len(longer) == 1 and tops[k] != "Person":
        reason = f"{surface!r} is {names[longer[0]].first!r} without its suffix"
        return Link(longer[0], k, "short form", reason)
    return None


def _initials(key: str) -> str:
    return "".join(w[0] for w in key.split() if w not in ACRONYM_SKIP)
