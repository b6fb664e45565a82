"""What the words around a name say of a sports team or a company: "Stuttgart coach", "rivals
Dortmund", a results line ("Chicago 5 Boston 3"), "Dortmund beat Schalke"; "Ford's chief
executive", "shares of Ford". kg.extract.types weighs them as votes."""

from __future__ import annotations

from kg.extract.tokens import Tokens
from kg.lexicon import (
    CLUB_FIRST_WORDS,
    CLUB_LAST_WORDS,
    COMPANY_NOUNS,
    COMPANY_OF_NOUNS,
    MATCH_NOUNS,
    MATCH_OBJECT_VERBS,
    MATCH_PREP_VERBS,
    MATCH_PREPOSITIONS,
    MATCH_VERBS,
    MONTHS,
    PLAYING_VERBS,
    TEAM_OWNED_NOUNS,
    TEAM_SIDE_NOUNS,
    TEAM_TITLES,
    VERSUS,
)


def team(t: Tokens, start: int, end: int, root: int, place: bool) -> bool:
    """Whether the words around the name (tokens ``start:end``, root ``root``) use it for a
    sports team: "Stuttgart coach", "rivals Dortmund", a results line ("Chicago 5 Boston 3");
    and, for a place's name (``place``), "Hamburg's loss to Hanover", "Dortmund beat
    Schalke", "beaten by Unterhaching" (of others these are said of people too: "lost the
    nomination to Ford"); of any name, "scored for Hamburg", "on loan at Schalke from
    Bayern"."""
    head, dep, lemma = t.head[root], t.dep[root], t.lemma
    above = lemma[head]
    if dep in ("compound", "poss") and above in TEAM_OWNED_NOUNS:  # "Stuttgart coach"
        return True
    if dep == "amod" and above in TEAM_OWNED_NOUNS and not t.ent[root] and head == root + 1:
        return True  # "Dortmund keeper": tagged an adjective, yet no nationality word
    if _owned_conjunct(t, root):  # "the former Blackburn and Southampton skipper"
        return True
    if dep == "compound" and above in TEAM_SIDE_NOUNS and not _of_after(t, head):
        return True  # "a weakened Barcelona side"
    if start > 0 and t.lower[start - 1] in TEAM_TITLES:  # "rivals Dortmund"
        return True
    if (_scored(t, end - 1) or _after_score(t, start)) and _scores_in_sentence(t, start) >= 2:
        return True
    if dep == "pobj" and t.lower[head] == "for" and lemma[t.head[head]] in PLAYING_VERBS:
        return True  # "scored for Hamburg"
    if dep == "pobj" and head > 1 and lemma[head - 1] == "loan" and t.lower[head - 2] == "on":
        return True  # "on loan at Hamburg"
    if dep == "pobj" and t.lower[head] == "from" and lemma[t.head[head]] == "loan":
        return True  # "on loan from Bayern"
    if not place:
        return False
    if (start > 0 and t.lower[start - 1] in VERSUS) or (end < t.n and t.lower[end] in VERSUS):
        return True  # "Bayern Munich vs. Ingolstadt"; of persons, "Nadal vs. Federer"
    if dep == "poss" and above in MATCH_NOUNS:  # "Hamburg's loss"
        return True
    if dep in ("nsubj", "dobj", "nsubjpass") and above in MATCH_VERBS and t.pos[head] == "VERB":
        return True  # "Dortmund beat Schalke"
    if dep == "dobj" and above in MATCH_OBJECT_VERBS and t.pos[head] == "VERB":
        return True  # "when they host Ingolstadt"
    if dep == "pobj" and t.lower[head] in MATCH_PREPOSITIONS:  # "a win over Nuremberg"
        verb = lemma[t.head[head]]
        return verb in MATCH_NOUNS or verb in MATCH_PREP_VERBS
    return False


def _owned_conjunct(t: Tokens, root: int) -> bool:
    """Whether the name (root ``root``) is one of several names before one team noun: "the
    former Blackburn and Southampton skipper", "ex-Chelsea and Arsenal striker" (the parser
    hangs the first on the noun as a modifier, the others on the first)."""
    first = root
    while t.dep[first] == "conj" and t.head[first] != first:
        first = t.head[first]
    head = t.head[first]
    conjoined = first != root or any(t.dep[c] == "conj" for c in t.children[root])
    return (
        conjoined
        and t.dep[first] in ("compound", "nmod", "poss")
        and t.lemma[head] in TEAM_OWNED_NOUNS
    )


def club_named(words: list[str]) -> bool:
    """Whether a name of these words (lower case) is a sports club's by its own first or last
    word: "Borussia Dortmund", "FC Porto", "Leeds United"; not one word alone ("United")."""
    return len(words) > 1 and (words[0] in CLUB_FIRST_WORDS or words[-1] in CLUB_LAST_WORDS)


def _of_after(t: Tokens, k: int) -> bool:
    """Whether token ``k`` has an "of" hanging from it ("the Gaza side of the border")."""
    return any(t.lower[c] == "of" for c in t.children[k])


def _scored(t: Tokens, k: int) -> bool:
    """Whether token ``k``, a proper noun, has a score or a count right after it: "Boston 5",
    "Bochum 2-0"; not a date or a time ("Apr 94", "GMT 22 Apr", "1996-08-30")."""
    end = k + 1
    if end >= t.n or t.tag[end] != "CD" or t.lower[k].rstrip(".") in MONTHS:
        return False
    if t.orth[k].isupper() and len(t.orth[k]) <= 4:  # "GMT 22", "UTC 10": a time
        return False
    if end + 1 < t.n and t.lower[end + 1].rstrip(".") in MONTHS:
        return False
    parts = t.orth[end].split("-")
    return len(parts) <= 2 and all(p.isdigit() and len(p) <= 3 for p in parts)


def _after_score(t: Tokens, k: int) -> bool:
    """Whether token ``k``, a proper noun, is the second team of a result written between the
    two ("Mainz 0-0 Stuttgart"): a proper noun and a score with a dash, one token or three,
    before it."""
    if k >= 2 and "-" in t.orth[k - 1] and t.tag[k - 2] in ("NNP", "NNPS"):
        return _scored(t, k - 2)
    return (
        k >= 4
        and t.orth[k - 2] in ("-", "–")
        and t.tag[k - 4] in ("NNP", "NNPS")
        and all(t.orth[j].isdigit() and len(t.orth[j]) <= 2 for j in (k - 3, k - 1))
    )


def _scores_in_sentence(t: Tokens, i: int) -> int:
    """Proper nouns with a score right after them (or between two) in the sentence of token
    ``i``, each word once: a results line names two teams or more so; "Boeing 747 ...
    Boeing 777" is one maker's models."""
    s = t.sent(i)
    return len(
        {
            t.lower[k]
            for k in range(s.start, s.end - 1)
            if t.tag[k] in ("NNP", "NNPS") and (_scored(t, k) or _after_score(t, k))
        }
    )


def company(t: Tokens, root: int, city: bool) -> bool:
    """Whether the words around the name (root ``root``) say a company: "Ford's chief
    executive", "Shell shares", "shares of Ford". A city's name only by a possessive: "London
    shares" and "shares in Tokyo" are its market's."""
    head, dep = t.head[root], t.dep[root]
    if dep == "poss" and t.lemma[head] in COMPANY_NOUNS:
        return True
    if city:
        return False
    if dep == "compound" and t.lemma[head] in COMPANY_NOUNS and t.pos[head] == "NOUN":
        return True
    return (
        dep == "pobj"
        and t.lower[head] in ("of", "in")
        and t.lemma[t.head[head]] in COMPANY_OF_NOUNS
    )
