"""The phrase of a speech verb's subject, read as a tree: its words, its appositions ("the
director of the observatory, Kerry Sieh"), and the words that may name whom it speaks for ("a
spokesman for Siemens", "Siemens' spokeswoman"). kg.extract.speakers decides what they stand
for."""

from __future__ import annotations

from kg.extract.tokens import Tokens, edges
from kg.lexicon import NEWS_AGENCY_WORDS, SELF_KINDS, SPOKESPERSON_NOUNS

# a spokesperson's words that name whom it speaks for: "Siemens spokesman", "Siemens'
# spokesman", "a spokesman for Siemens", "a statement from Siemens"
_OWNERS = ("compound", "poss", "nmod")
_OWNER_PREPS = ("for", "of", "at", "from", "by", "with")
# the names of a list after the first that the parse hangs from it as no conjunct
_LISTED = ("appos", "npadvmod")


def subtree(tab: Tokens, s: int) -> list[int]:
    """The word ``s`` and all the words that hang from it."""
    out, todo = [], [s]
    while todo:
        t = todo.pop()
        out.append(t)
        todo.extend(tab.children[t])
    return out


def appositions(tab: Tokens, s: int) -> list[int]:
    """The appositions in the subject's phrase, nearest first: "the director of the
    observatory, Kerry Sieh" sets the name beside the last noun, not the head."""
    found, todo = [], [s]
    while todo:
        t = todo.pop()
        for c in tab.children[t]:
            if tab.dep[c] == "appos" and not _bracketed(tab, c):
                found.append(c)
            elif tab.dep[c] in ("prep", "pobj", "compound", "poss"):
                todo.append(c)
    return sorted(found, key=lambda c: abs(c - s))


def _bracketed(tab: Tokens, a: int) -> bool:
    """Whether apposition ``a`` stands in brackets: a body's short name ("the director of
    the Centre for Policy Studies (CPS)"), not a name set beside the title."""
    lo, hi = edges(tab, a)
    return lo > 0 and tab.lower[lo - 1] == "(" or tab.lower[lo] == "("


def closed(tab: Tokens, a: int) -> bool:
    """Whether a comma or the sentence's end closes apposition ``a``: "according to a report
    by the Herald, the Institute predicts ..." sets no name beside the Herald, but the
    clause's subject."""
    hi = edges(tab, a)[1]
    return hi + 1 >= tab.n or tab.lower[hi + 1] in (",", ".", ";", "!", "?")


def ended_by_name(tab: Tokens, s: int, token_mention: dict[int, int]) -> int:
    """The last token of a name that ends the role ``s``'s phrase, set right after the name
    of the body the role is of, with no comma ("The chairman of the Harbour Authority Tom
    Hale said": the parse hangs the person from the body's name); else -1. Not "the lawyer
    of Tom Hale" (a name after "of" is whose the role is)."""
    b = edges(tab, s)[1]
    m = token_mention.get(b)
    if tab.pos[s] != "NOUN" or m is None:
        return -1
    first = min(k for k, v in token_mention.items() if v == m)
    before = first - 1
    if before <= s or token_mention.get(before) == m:
        return -1
    if _titles_joined(tab, s, before, b):
        return b
    return b if tab.pos[before] == "PROPN" and tab.orth[before][:1].isupper() else -1


def _titles_joined(tab: Tokens, s: int, before: int, b: int) -> bool:
    """Whether the name ending at ``b`` holds a second title joined to the role ``s`` ("the
    chairman and chief executive officer Tom Hale"): one person, not two ("the chairman and
    Tom Hale")."""
    return (
        tab.dep[b] == "conj"
        and tab.head[b] == s
        and tab.pos[before] == "NOUN"
        and tab.dep[before] == "compound"
        and tab.head[before] == b
    )


def possessors(tab: Tokens, s: int) -> list[int]:
    """The possessors of ``s`` ("Siemens' spokesman")."""
    return [c for c in tab.children[s] if tab.dep[c] == "poss"]


def owners(tab: Tokens, s: int) -> list[int]:
    """The words that may name whom ``s`` speaks for: its compounds and possessor, the
    object of "for", "of", "from" ..., and the agent of "provided by", "released by"."""
    kids = tab.children[s]
    out = [c for c in kids if tab.dep[c] in _OWNERS]
    preps = [c for c in kids if tab.dep[c] == "prep"]
    for c in kids:
        if tab.dep[c] == "acl":
            preps += [p for p in tab.children[c] if tab.dep[p] in ("agent", "prep")]
    for c in preps:
        if tab.lower[c] in _OWNER_PREPS:
            out += [o for o in tab.children[c] if tab.dep[o] == "pobj"]
    return out


def listed_owners(tab: Tokens, s: int) -> list[int]:
    """The names listed after the first whose spokespeople a plural noun is ("representatives
    of A, B and C said", "spokesmen for A and B"): each of them speaks, as the first does.
    None for one spokesperson ("a spokesman for A and B" speaks for A's and B's venture)."""
    if tab.tag[s] not in ("NNS", "NNPS") or tab.lemma[s] not in SPOKESPERSON_NOUNS:
        return []
    out: list[int] = []
    firsts = [
        o
        for p in tab.children[s]
        if tab.dep[p] == "prep" and tab.lower[p] in _OWNER_PREPS
        for o in tab.children[p]
        if tab.dep[o] == "pobj"
    ]
    if firsts:
        # the names of the list the parse sets beside the noun itself
        out = [c for c in tab.children[s] if tab.dep[c] == "appos" and tab.pos[c] == "PROPN"]
    for first in firsts:
        todo = [first, *out]
        while todo:
            t = todo.pop()
            for c in tab.children[t]:
                # a name of the list the parse hangs as a modifier ("A, B, Banc One and C")
                if tab.dep[c] == "conj" or tab.dep[c] in _LISTED and tab.pos[c] == "PROPN":
                    out.append(c)
                    todo.append(c)
    return sorted(set(out))


def self_named(tab: Tokens, s: int, orgs: dict[int, int]) -> int | None:
    """The organisation that "the NAME kind" calls by its kind ("the ADAC automobile club",
    "the Yonhap news agency"): the named body itself, which speaks. ``orgs``: the mention of
    each token of an organisation's name."""
    kids = tab.children[s]
    lemma = tab.lemma[s]
    news = any(tab.dep[c] == "compound" and tab.lower[c] in NEWS_AGENCY_WORDS for c in kids)
    if not (lemma in SELF_KINDS or lemma == "agency" and news):
        return None
    if not any(tab.lower[c] == "the" for c in kids):
        return None  # "a Siemens company": one of its companies
    return next((orgs[c] for c in kids if c < s and tab.dep[c] == "compound" and c in orgs), None)
