"""Name keys of a document's mentions: the key each mention is grouped under (a country's
name, code or alias by the places table; a nationality word's plural by its singular; a
surname its words read a person's, among a place's mentions, apart), and the
keys that are one thing only within their document (a bare surname or first name; an
organization's noun, "the Court"; a state's body named by what it does, "the Interior
Ministry"; an organization's name without its complement, "the European Court")."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence

from kg.extract.records import RawMention
from kg.lexicon import (
    GENERIC_BODY_NOUNS,
    GENERIC_BODY_WORDS,
    NAME_PARTICLES,
    PARTY_MEMBER_WORDS,
)
from kg.model import ENTITY_TYPES, Document
from kg.names import (
    bare,
    hyphen_surnames,
    is_acronym,
    name_key,
    particle_surnames,
    place_name,
    places,
    scoped,
)
from kg.resolve import shapes


def line_before(text: str, start: int) -> str:
    """The text of its line before offset ``start``, 80 characters at most."""
    lo = max(start - 80, 0)  # a line break further back changes nothing: no search there
    return text[max(text.rfind("\n", lo, start) + 1, lo) : start]


def headline_end(doc: Document) -> int:
    """Where the document's headline ends: its headline block's end where ingest marked one,
    else its first line's (0: no line break, no headline). News names people by their surname
    there and in full in the text below."""
    ends = [b.end for b in doc.blocks if b.kind == "headline"]
    return max(ends) if ends else max(doc.text.find("\n"), 0)


def base_key(text: str, label: str) -> str:
    """A mention's name key; where the places table gives the name, code or alias of a
    country ("U.S.", "Britain"), the country's own. A nationality word ("British") stays its
    own entity: a people is not its country, and both the Re-DocRED and DWIE annotations keep
    the two apart (joined, they made most of Re-DocRED's wrongly joined mention pairs). A
    party's members' word is the party's adjective ("the Democrats", "Democratic"), a
    person's name excepted."""
    place = place_name(text, label)
    if place is None:
        key = name_key(text)
        head, _, last = key.rpartition(" ")
        if last in PARTY_MEMBER_WORDS and label != "PERSON":
            return f"{head} {PARTY_MEMBER_WORDS[last]}".lstrip()
        return key
    if place[1] == "demonym":  # "Americans" is "American"'s plural: one key
        key = name_key(text)
        return key if key in places() else key[:-1]
    return name_key(place[0])


def local_keys(mentions: Sequence[RawMention], base: Sequence[str]) -> set[str]:
    """The document's keys that are one thing only within it: a single word (not an acronym)
    its mentions call a person, or that begins or ends a person's full name in it (unless the
    places table knows it and its mentions call it a place); a surname
    of several words that ends one ("Le Pen" of "Marine Le Pen"); and a noun that heads an
    organization's name in it ("the Court" of "the Supreme Court", "the Council" of "the
    Council of Europe": ``shapes.head_nouns``), unless its mentions call it a person or place
    or the places table knows it."""
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    long_votes: dict[str, Counter[str]] = defaultdict(Counter)
    person_words: set[str] = set()
    for m, k in zip(mentions, base, strict=True):
        if not k:
            continue
        words = k.split()
        if len(words) > 1:
            long_votes[k].update(m.votes)
            if top_type(m.votes) == "Person":
                person_words.update((words[0], words[-1]))
                person_words.update(particle_surnames(words))
                person_words.update(hyphen_surnames((m.text,), words))
        elif not is_acronym(m.text):
            votes[k].update(m.votes)
    org_heads = {
        w
        for k, v in long_votes.items()
        if top_type(v) == "Organization"
        for w in shapes.head_nouns(k.split())
    }
    # "the Agreement" of "the Paris Agreement": an agreement's or a law's noun, which names no
    # place whatever the words around it vote ("under the Agreement")
    doc_heads = {
        w
        for k, v in long_votes.items()
        if top_type(v) not in ("Person", "Place")
        for w in shapes.document_heads(k.split())
    }
    out = {
        k
        for k, v in votes.items()
        # a place the table knows, read a place, is that place though a name read a
        # person's begins or ends with it ("Bayern Munich" read a person, then "Munich")
        if k in person_words
        and not (top_type(v) == "Place" and k in places())
        or top_type(v) == "Person"
        or k in org_heads
        and top_type(v) not in ("Place", "Person")
        and k not in places()
        or k in doc_heads
        and top_type(v) != "Person"
    }
    generic = {
        k for k, v in long_votes.items() if top_type(v) == "Organization" and generic_body(k)
    }
    # "the European Court" after "the European Court of Human Rights": a name of its document,
    # where another document's may be another court
    cut = {
        head
        for k, v in long_votes.items()
        if top_type(v) == "Organization"
        for head in shapes.complement_heads(k.split())
        if head in long_votes
        and top_type(long_votes[head]) not in ("Person", "Place")
        and head not in places()
    }
    return out | generic | cut | {k for k in long_votes if k in person_words}


# What a city's name used for its club is keyed by, beside the city's own key: name keys hold
# no "#" (``name_key`` folds it).
TEAM = "#team"


def team_keys(mentions: Sequence[RawMention], keys: Sequence[str]) -> list[str]:
    """``keys`` with the mentions of a city's name that its document uses for a sports team
    ("Stuttgart coach", "rivals Dortmund") keyed apart from the city: in a document where one
    mention of the name is a team's and its mentions vote organization, they are the club.
    A club is not its city ("Stuttgart" the club and the city are two things); a country's
    name stays the country (its national team is read as the country)."""
    places_ = places()
    teams = {
        k
        for m, k in zip(mentions, keys, strict=True)
        if m.team and k and (row := places_.get(k)) is not None and row[1] == "city"
    }
    if not teams:
        return list(keys)
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    for m, k in zip(mentions, keys, strict=True):
        if k in teams:
            votes[k].update(m.votes)
    clubs = {k for k in teams if top_type(votes[k]) == "Organization"}
    return [k + TEAM if k in clubs else k for k in keys]


# What a person's surname is keyed by where its document uses the word for a place or an
# organization too ("Harrowby" the village and "Harrowby died"): name keys hold no "#".
SURNAME = "#surname"


def surname_keys(mentions: Sequence[RawMention], keys: Sequence[str]) -> list[str]:
    """``keys`` with each mention of a one-word name that its own words read as a person's
    only ("Jarvis died in 1939"), in the sentence that names a person whose full name ends
    or begins with the word or the next, keyed apart as that person's name part where the
    word's mentions in the document read it otherwise (the town of Jarvis, named after the
    engineer "Amos Jarvis"): a place named after a person is not the person. The merge rules
    join it to the full name."""
    # a word of a person's full name -> where the sentence that last named it ends
    named_to: dict[str, int] = {}
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    for m, k in zip(mentions, keys, strict=True):
        if k and " " not in k:
            votes[k].update(m.votes)
    out = list(keys)
    for i, (m, k) in enumerate(zip(mentions, keys, strict=True)):
        if not k:
            continue
        if " " in k:
            ws = bare(k).split()
            if top_type(m.votes) == "Person":
                # the sentence the full name was last named in: where it ends
                named_to[ws[0]] = m.sent[1]
                if ws[-2] not in NAME_PARTICLES:
                    # "Giuseppe di Arvena" is of the town of Arvena: its last word no surname
                    named_to[ws[-1]] = m.sent[1]
            continue
        v = m.votes
        person_only = v.get("Person", 0.0) > 0 and not (v.get("Place") or v.get("Organization"))
        # in the sentence that named the person, or the next: a word read a person's further
        # on is as often the place read wrong ("the people of Harrowby's schools")
        end = named_to.get(bare(k), -1)
        near = end >= 0 and m.sent[0] <= end + 2
        if person_only and near and top_type(votes[k]) != "Person":
            out[i] = scoped(bare(k) + SURNAME, m.doc_id)
    return out


# What a nationality word used for its language is keyed by ("in Portuguese", "(Danish:
# ...)"), beside the word's own key: name keys hold no "#" (``name_key`` folds it).
LANGUAGE = "#language"


def language_keys(mentions: Sequence[RawMention], keys: Sequence[str]) -> list[str]:
    """``keys`` with each nationality word that its mention uses for a language ("sung in
    Bulgarian", "(Finnish: sortokaudet)", "the Greek word") keyed apart as that language: a
    language is not the people nor the country ("the Portuguese regime" and "Portuguese for
    Ongoing Revolutionary Process" are two things). The mention's type votes say a language
    where the cues of its words (``kg.extract.type_cues``) outvote its place: they read it
    Other."""
    out = list(keys)
    for i, (m, k) in enumerate(zip(mentions, keys, strict=True)):
        # the cheap test first: most mentions have no vote for Other
        language = k and m.votes.get("Other", 0.0) > m.votes.get("Place", 0.0)
        if language and top_type(m.votes) == "Other" and _nationality_word(k):
            out[i] = k + LANGUAGE
    return out


def _nationality_word(key: str) -> bool:
    """Whether the places table gives a name key as a nationality word, whatever the
    recogniser labelled its mention ("Danish:" is read a name as often as a people's word)."""
    row = places().get(key)
    return row is not None and row[1] == "demonym"


def generic_body(key: str) -> bool:
    """Whether a name key names a state's body by what it does only ("interior ministry",
    "ministry of foreign affairs", "supreme court"): one thing within its document, never
    joined across documents on the name alone."""
    words = key.split()
    return (
        len(words) > 1
        and all(w in GENERIC_BODY_WORDS for w in words)
        and any(w in GENERIC_BODY_NOUNS for w in words)
    )


def top_type(votes: Counter[str]) -> str:
    """The type with the most votes; of types with as many, the first in ENTITY_TYPES (max
    keeps the first of equals)."""
    if not votes:
        return "Other"
    get = votes.get
    # a loop, not max() with a key: resolution asks this of every name and cluster
    best = ENTITY_TYPES[0]
    most = get(best, 0.0)
    for t in ENTITY_TYPES[1:]:
        v = get(t, 0.0)
        if v > most:
            best, most = t, v
    return best
