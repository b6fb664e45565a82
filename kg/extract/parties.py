"""Whether two names the relation model pairs are the parties of what it says, or bystanders.

The model reads a pair by the words around and between them, and a sentence about a killing or
a home lends its words to every pair in it: "Belli's clients have included Jack Ruby, who
killed Kennedy assassin Lee Harvey Oswald" made Belli a killer. These checks ask the parse:

- a killing stands where the path between the two names passes a word of killing and no other
  person, and its verbs are of killing, of the courts or of taking part ("X, convicted of
  murdering Y", "X conspired with Z in the assassination of Y"), never another act ("Perry
  operated on Kennedy's assassin, Oswald": Perry killed no one);
- a home is not the possessor's of a person noun ("Dole's wife, Elizabeth, is a native of
  Salisbury": Elizabeth's, not Dole's), nor a spokesperson's, unless a short phrase without a
  verb ties the place to them ("police spokesman X in Albuquerque"): the places of what they
  report are the story's.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kg.extract.links import dep_path, linked
from kg.lexicon import (
    CITIZEN_NOUNS,
    DIVISION_NOUNS,
    HOME_NOUNS,
    KILLER_NOUNS,
    KILLING_EVENT_WORDS,
    KILLING_PATH_VERBS,
    KILLING_PATH_WORDS,
    OTHER_PERSON_NOUNS,
    SPOKESPEOPLE,
)

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

# the edges by which a killing's path may leave a verb of another act: its subject, or a clause
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "agent", "expl"})
_CLAUSES = frozenset({"ccomp", "xcomp", "advcl", "conj", "pcomp", "relcl", "acl", "csubj"})
# what may stand beside a killer's noun between the names: "Kennedy 's assassin , Oswald"
_POSSESSIVE_MARKS = frozenset({"'s", "'", ","})
# a word's own words that carry its killing ("Kennedy assassin X", "opened fire")
_NEAR = frozenset({"compound", "dobj", "nsubj", "nsubjpass", "amod"})


def killing_parties(a: Span, b: Span) -> bool:
    """Whether the sentence can say one of ``a`` and ``b`` killed the other (see the module
    doc); names in different sentences are left to the model."""
    if a.sent.start != b.sent.start or _killer_between(a, b):
        return True
    return any(_killing_path(x, y, a, b) for x in _anchors(a) for y in _anchors(b))


def _killer_between(a: Span, b: Span) -> bool:
    """Whether only a noun of the killer stands between the names, which the parser may take
    apart ("Kennedy assassin Sirhan Sirhan", "Lincoln's killer, John Wilkes Booth")."""
    between = a.doc[min(a.end, b.end) : max(a.start, b.start)]
    return any(t.lemma_.lower() in KILLER_NOUNS for t in between) and all(
        t.lemma_.lower() in KILLER_NOUNS or t.text in _POSSESSIVE_MARKS for t in between
    )


def _anchors(name: Span) -> list[Token]:
    """Where the name hangs in the parse: its root, and where the parser lost a comma's
    apposition, the noun before it ("Kennedy's assassin, Lee Harvey Oswald") or the
    participle after it ("James Earl Ray, suspected of the assassination of ...")."""
    doc, out = name.doc, [name.root]
    before, after = name.start - 2, name.end + 1
    if before >= 0 and doc[before + 1].text == "," and doc[before].pos_ == "NOUN":
        out.append(doc[before])
    if after < len(doc) and doc[after - 1].text == "," and doc[after].tag_ == "VBN":
        out.append(doc[after])
    return out


def _killing_path(x: Token, y: Token, a: Span, b: Span) -> bool:
    path = dep_path(x, y)
    if path is None:
        return True  # too deep in the parse to tell: the model decides
    named = set(range(a.start, a.end)) | set(range(b.start, b.end))
    killing = any(_killing_word(t) for t in path)
    for k, t in enumerate(path):
        if t.i in named:
            continue
        if t.ent_type_ == "PERSON":
            return False  # another's name between them: "Ruby, who killed Oswald, the man who..."
        if t.pos_ not in ("VERB", "AUX") or t.dep_ == "prep":
            continue  # not a verb, or one as a preposition: "following the assassination"
        if t.lemma_.lower() in KILLING_PATH_VERBS or _killing_word(t):
            continue
        if not all(_passes(path, k, n) for n in (k - 1, k + 1) if 0 <= n < len(path)):
            return False
    return killing


def _killing_word(t: Token) -> bool:
    """A word of killing, a verb whose object or subject is one ("opened fire", "the shot that
    hit Kennedy"), or a killing word's own word before or beside it ("Kennedy assassin X")."""
    if t.lemma_.lower() in KILLING_PATH_WORDS:
        return True
    near = [c for c in t.children if c.dep_ in _NEAR]
    if t.dep_ == "relcl":
        near.append(t.head)  # "the bullet that struck Kennedy"
    return any(c.lemma_.lower() in KILLING_PATH_WORDS for c in near)


def _passes(path: list[Token], k: int, n: int) -> bool:
    """Whether the path may pass ``path[k]``, a verb of another act, on its way to
    ``path[n]``: by its subject, by one of its clauses, or by a phrase of nouns and
    prepositions that ends in the killing, where the killing is told ("Chapman said he got the
    idea for killing Lennon", "Sirhan placed himself in a trance during Kennedy's slaying"),
    not by a noun or a name it acts on ("Perry operated on Kennedy's assassin", "killed Kennedy
    and wounded Connally")."""
    verb, u = path[k], path[n]
    if verb.head.i == u.i:
        return verb.dep_ in _CLAUSES
    if u.dep_ in _SUBJECTS or u.dep_ in _CLAUSES:
        return True
    step = n - k
    # down a phrase of nouns and prepositions: "the idea for killing", "in a trance during"
    while u.dep_ in ("dobj", "prep", "pobj") and 0 <= n + step < len(path):
        n += step
        u = path[n]
        if u.dep_ in ("pobj", "pcomp") and (u.pos_ == "VERB" or _event(u)):
            return True
    return False


def _event(t: Token) -> bool:
    return t.lemma_.lower() in KILLING_EVENT_WORDS


def resident_party(person: Span, place: Span) -> bool:
    """Whether the model's home of ``person`` in ``place`` may stand (see the module doc)."""
    root = person.root
    if root.dep_ == "poss" and root.head.lemma_.lower() in OTHER_PERSON_NOUNS:
        return False
    if _names_another(person, place):
        return False
    return not spokesperson(person) or linked(person, place)


# nouns a place before which names a home or a place: "a Tulsa native", "the Dayton suburb"
_HOME_OR_PLACE = CITIZEN_NOUNS | HOME_NOUNS | DIVISION_NOUNS | {"hometown", "birthplace"}
# the arcs of a person's own phrase: "Illinois Gov. James Thompson", "X, a Tulsa lawyer"
_OWN_PHRASE = frozenset({"compound", "appos", "amod", "nmod", "poss", "flat"})


def _names_another(person: Span, place: Span) -> bool:
    """Whether the place's name stands before another noun than the person's own ("Ukraine's
    largest bank", "Boston's U.S. District Court", "the Lake Berryessa concessions manager"):
    it says whose or where that thing is, not where the person lives; a place before the
    person's title or trade ("Illinois Gov. James Thompson", "a Sao Paulo resident") is
    theirs."""
    root = place.root
    if root.dep_ not in ("poss", "compound") or person.sent.start != place.sent.start:
        return False
    head = root.head
    if head.lemma_.lower() in _HOME_OR_PLACE:
        return False  # "a Wilmington native", "his Iowa hometown", "the Louisville suburb"
    return head.i not in _own_phrase(person)


def _own_phrase(person: Span) -> set[int]:
    """The tokens of the person's name and the nouns joined to it without a verb or a
    preposition, two arcs at most."""
    own = {t.i for t in person}
    for _ in range(2):
        for i in list(own):
            t = person.doc[i]
            own.update(c.i for c in t.children if c.dep_ in _OWN_PHRASE)
            if t.dep_ in _OWN_PHRASE:
                own.add(t.head.i)
            if t.dep_ in ("nsubj", "nsubjpass") and t.head.lemma_ == "be":
                # "Miller is a Wilmington native"
                own.update(c.i for c in t.head.children if c.dep_ == "attr")
    return own


def spokesperson(name: Span) -> bool:
    """Whether the name is written as a spokesperson's: "Boeing spokesman Craig Martin",
    "Craig Martin, a Boeing spokesman"."""
    doc, root = name.doc, name.root
    if name.start > 0 and doc[name.start - 1].lower_ in SPOKESPEOPLE:
        return True
    near = [c for c in root.children if c.dep_ == "appos"]
    if root.dep_ == "appos":
        near.append(root.head)
    return any(t.lemma_.lower() in SPOKESPEOPLE for t in near)
