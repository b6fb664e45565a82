"""Spellings: names that are one name written otherwise, each joining the most mentioned
(rule "spelling"): spacing ("TimeWarner", "Time Warner"), script ("Газпром", "Gazprom"), a
known acronym written out, a person's name particle, the Arabic article, umlauts written out,
and a letter added or left out in a long word ("Mohamed", "Mohammed")."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from itertools import combinations

from rapidfuzz.distance import Indel

from kg.defaults import VARIANT_MIN_WORD
from kg.lexicon import KNOWN_ACRONYMS, NAME_PARTICLES
from kg.names import SCOPE, bare, compact_key, name_key, places, umlaut_key
from kg.resolve.merges import Link, shared_doc
from kg.resolve.records import _Name


def spellings(keys: list[str], names: Mapping[str, _Name], tops: dict[str, str]) -> list[Link]:
    """Names that differ only in their spacing ("TimeWarner", "Time Warner"), script
    ("Газпром", "Gazprom"), a known acronym written out ("UN Security Council", "United
    Nations Security Council") or a person's name particle ("Bashar al-Assad", "Bashar
    Assad"), the Arabic article ("al-Qaeda", "Qaeda") or umlauts written out ("Duesseldorf",
    "Düsseldorf") and whose types agree: each joins the most mentioned."""
    groups: dict[str, list[str]] = defaultdict(list)
    for k in keys:
        variants = [bare(k)]
        variants += [u for t in names[k].texts if (u := umlaut_key(t)) and u != variants[0]]
        for v in dict.fromkeys(variants):
            words = v.split()
            if tops[k] == "Person":  # the particles after the first word ("Du Han" keeps "du")
                words = words[:1] + [w for w in words[1:] if w not in NAME_PARTICLES]
            elif len(words) > 1 and words[0] == "al":  # the Arabic article: "al-Qaeda", "Qaeda"
                words = words[1:]
            groups[compact_key(_expanded(" ".join(words)))].append(k)
    out = []
    for ks in groups.values():
        if len(ks) < 2:
            continue
        # a name of one document only joins a name of that document
        head = max(ks, key=lambda k: (SCOPE not in k, names[k].count, k))
        for k in ks:
            if k == head or tops[k] != tops[head] and "Other" not in (tops[k], tops[head]):
                continue
            if SCOPE in k and names[k].docs.isdisjoint(names[head].docs):
                continue
            reason = f"{names[k].first!r} is {names[head].first!r} spelt otherwise"
            out.append(Link(head, k, "spelling", reason))
    return out


def variants(keys: list[str], names: Mapping[str, _Name], tops: dict[str, str]) -> list[Link]:
    """Names of one type that differ only by a letter added or left out in one word of six
    letters or more ("Mohamed ElBaradei", "Mohammed ElBaradei"): each joins the most
    mentioned. Candidates share every other word and the word's first letter (so each name
    is compared with few others), and rapidfuzz's Indel distance measures the difference; a
    changed letter ("Martin", "Marvin") is another name, and a nationality word is no
    spelling of its country ("South Korean", "South Korea")."""
    buckets: dict[tuple, list[str]] = defaultdict(list)
    for k in keys:
        words = k.split()
        if len(words) < 2 or SCOPE in k or tops[k] == "Other" or _nationality(k):
            continue
        for i, w in enumerate(words):
            if len(w) >= VARIANT_MIN_WORD - 1:
                buckets[(tops[k], i, w[0], *words[:i], *words[i + 1 :])].append(k)
    out, seen = [], set()
    for (_, i, *_), ks in buckets.items():
        if len(ks) < 2:
            continue
        for a, b in combinations(sorted(ks), 2):
            wa, wb = a.split()[i], b.split()[i]
            if (a, b) in seen or len(a.split()) != len(b.split()):
                continue
            if max(len(wa), len(wb)) < VARIANT_MIN_WORD or Indel.distance(wa, wb) != 1:
                continue
            seen.add((a, b))
            out.append(_letter_link(names, a, b, ""))
    return out


def single_variants(
    keys: list[str], names: Mapping[str, _Name], tops: dict[str, str]
) -> list[Link]:
    """Names of one word that differ by a letter added or left out inside a word of six
    letters or more, and that a document names both ("Malapai", "Malpai"): one name, joining
    the most mentioned. Unlike names of several words, whose other words are evidence, a lone
    word joins only within a document it shares with its variant, and never where either is
    typed a person (a lone word is a surname: "Hassan", "Hasan") or is a name the places
    table knows (a nationality word, a city), nor where the letter ends the word (a plural or
    a people's word: "Ilkhanates", "Madeiran") or begins it. Each word is looked up by the
    words one letter shorter that it makes: no two names are compared that could not
    match."""
    words: dict[str, list[str]] = defaultdict(list)
    for k in keys:
        w = bare(k)
        if " " in w or len(w) < VARIANT_MIN_WORD - 1 or tops[k] == "Person" or w in places():
            continue
        words[w].append(k)
    out, seen = [], set()
    for w, ks in words.items():
        if len(w) < VARIANT_MIN_WORD:
            continue
        for i in range(len(w)):
            short = w[:i] + w[i + 1 :]
            if i in (0, len(w) - 1) or short not in words:
                continue
            for a in ks:
                for b in words[short]:
                    if (a, b) in seen or names[a].docs.isdisjoint(names[b].docs):
                        continue
                    if tops[a] != tops[b] and "Other" not in (tops[a], tops[b]):
                        continue
                    seen.add((a, b))
                    out.append(_letter_link(names, a, b, shared_doc(names, a, b)))
    return out


def _letter_link(names: Mapping[str, _Name], a: str, b: str, doc: str) -> Link:
    """The link of two names a letter apart: the less mentioned joins the more (the key
    breaking a tie), in the document ``doc`` where it is one document's evidence."""
    head, k = (a, b) if (names[a].count, b) >= (names[b].count, a) else (b, a)
    where = f", in document {doc}" if doc else ""
    reason = f"{names[k].first!r} is {names[head].first!r} with a letter more or less{where}"
    return Link(head, k, "spelling", reason)


def _nationality(key: str) -> bool:
    """Whether the places table gives ``key`` as a nationality word, whatever the recogniser
    labelled the mention."""
    row = places().get(key)
    return row is not None and row[1] == "demonym"


def _expanded(key: str) -> str:
    """A name key with a known acronym that begins it written out: "un security council" ->
    "united nations security council" (kg.lexicon.KNOWN_ACRONYMS)."""
    first, _, rest = key.partition(" ")
    full = KNOWN_ACRONYMS.get(first) if rest else None
    return f"{name_key(full)} {rest}" if full else key
