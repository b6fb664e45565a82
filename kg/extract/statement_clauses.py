"""Which clauses a speech verb says: its complement, the clause of "said in a statement
that ..." (or, with no "that", right after "in a survey"), not a question nor the clause of
someone else's words; and clauses the parse broke in two, joined. kg.extract.statements
reads them as statements.
"""

from __future__ import annotations

from kg.extract.tokens import Tokens, edges
from kg.lexicon import (
    CLAUSE_SPEECH_VERBS,
    MESSAGE_MAKING_VERBS,
    MESSAGE_NOUNS,
    RELATIVE,
    SPEECH_VERBS,
)

# a clause that asks rather than states: "asked whether ...", "said what it would do"
_QUESTION = frozenset({"whether", "if", "what", "who", "why", "how", "when", "where", "which"})
# nouns of words that are not the speaker's own: "responded to reports that ...", "denied
# claims that ..." say what others said (the speaker's are "said in a statement that ...")
_HEARSAY = frozenset(
    "report claim allegation accusation rumor rumour speculation suggestion charge criticism "
    "question news "
    # what someone holds or feels, not what the speaker states: "warned against
    # expectations that ...", "voiced fears that ..." (the speaker's view may be the opposite)
    "expectation belief assumption impression notion perception".split()
)

# what a speaker expresses or voices with a clause: "expressed concern that ...", "voiced
# doubt that ...", "gave assurances that ..." (kg.extract.quotes reads these verbs as speech);
# not a hope or a confidence, which the guideline counts with thoughts ("hope", "be sure")
STANCES = frozenset("concern fear regret doubt worry assurance assurances".split())

# relative adverbs, and the pronouns of "in which": a relative clause they open says a whole
# clause ("where he claims ...", "a lecture in which he suggested ...")
NO_GAP = frozenset({"where", "when", "why", "whereby", "which", "whom"})

# what a clause's verb has when it lacks no object: a relative clause's verb lacks one
_COMPLEMENTS = frozenset({"dobj", "ccomp", "xcomp", "attr", "acomp", "auxpass"})


def clauses(tab: Tokens, v: int, lo: int) -> list[int]:
    """The clauses a speech verb says: its complement, or the one of "said in a statement
    that ..."; not a question ("asked whether"), and, before the verb, only one set off by a
    comma ("The talks failed, he said")."""
    kids = tab.children[v]
    found = [c for c in kids if tab.dep[c] == "ccomp"]
    if not found:
        # "quoted X as saying that ...", "was quoted as telling the paper ...": the
        # participle's clause
        said = [g for p in kids if tab.lower[p] == "as" for g in tab.children[p]]
        said = [g for g in said if tab.tag[g] == "VBG" and tab.lemma[g] in SPEECH_VERBS]
        found = [c for g in said for c in tab.children[g] if tab.dep[c] == "ccomp"]
    if not found:
        # "said in a statement that ...", "expressed concern that ..."
        nouns = [o for p in kids if tab.dep[p] == "prep" for o in tab.children[p]]
        nouns = [o for o in nouns if tab.dep[o] == "pobj" and tab.lemma[o] not in _HEARSAY]
        nouns += [o for o in kids if tab.dep[o] == "dobj" and tab.lemma[o] in STANCES]
        found = [
            g
            for o in nouns
            for g in tab.children[o]
            if tab.dep[g] in ("acl", "ccomp", "relcl")
            and any(tab.dep[m] == "mark" and tab.lower[m] == "that" for m in tab.children[g])
            or _contact(tab, o, g)
        ]
    if not found:
        found = _hidden(tab, v)
        if found:
            return found
    if not found:
        found = _far(tab, v)
    out = []
    for c in found:
        a, b = edges(tab, c)
        if _question(tab, a, c) or _attribution_only(tab, c) or not _verbal(tab, c):
            continue
        if b < lo and reported(tab, c):
            continue
        # the comma that sets it off may be the clause's own last token
        if b < lo and not any(k < tab.n and tab.lower[k] in (",", "—", "–") for k in (b, b + 1)):
            continue
        out.append(c)
    return out


def _hidden(tab: Tokens, v: int) -> list[int]:
    """A clause the parse made the verb's object, right after it: a verb with a subject of
    its own inside the object's phrase, which no noun phrase holds ('said the government
    has "uncritically" accepted the plan': quotation marks around a word make "accepted" a
    modifier of "plan", the object). The object, whose phrase is the clause; or none."""
    objs = [o for o in tab.children[v] if tab.dep[o] == "dobj" and edges(tab, o)[0] == v + 1]
    if tab.lemma[v] not in CLAUSE_SPEECH_VERBS:
        return []  # "told reporters", "asked the court": an object of their own
    return [
        o
        for o in objs
        if any(
            tab.pos[t] == "VERB"
            and tab.dep[t] in ("amod", "acl")
            and any(tab.dep[c] == "nsubj" and c < t for c in tab.children[t])
            and not any(tab.lower[c] in RELATIVE or tab.lower[c] in NO_GAP for c in tab.children[t])
            for t in range(edges(tab, o)[0], o)
        )
    ]


# what a verb's phrases of time, place or occasion hang by ("said at the end of a visit
# last week that ..."): the path from the verb to the noun a "that" clause hangs from
_OCCASION = frozenset({"prep", "pobj", "npadvmod", "det", "amod", "compound", "poss"})


def _far(tab: Tokens, v: int) -> list[int]:
    """The clause of "said at the gathering that ...", "said at the end of a visit last week
    that ...": a "that" after phrases of time or place the verb holds (no verb of their own
    between), which the parse hung from their noun as its clause, or made a relative pronoun
    of a clause that lacks nothing ("at the gathering that Germany wished to play a role":
    "that" the object of "play", which has its own); not a relative clause with a gap ("at
    the summit that leaders attended"), nor a noun of others' words ("to reports that")."""
    t = v + 1
    while t < tab.n and tab.lower[t] != "that":
        if tab.punct[t] and tab.lower[t] != "," or tab.tag[t] in ("VBD", "VBZ", "VBP", "MD"):
            return []
        t += 1
    if t >= tab.n or t == v + 1:
        return []
    h = tab.head[t]
    if tab.dep[t] == "mark":
        g = h
    elif tab.tag[t] == "WDT" and any(
        c != t and tab.dep[c] == tab.dep[t] for c in tab.children[h]
    ):  # "that" holds a place its verb has filled: no relative pronoun
        g = h
        while tab.dep[g] not in ("relcl", "acl", "ccomp") and tab.head[g] != g:
            g = tab.head[g]
    else:
        return []
    if tab.dep[g] not in ("relcl", "acl", "ccomp") or g < t or tab.lemma[tab.head[g]] in _HEARSAY:
        return []
    if not any(tab.dep[c] in _SUBJECTS and c > t for c in tab.children[g]):
        return []
    k = tab.head[g]
    while k != v:  # only phrases of the verb between it and the clause
        if tab.dep[k] not in _OCCASION or tab.pos[k] in ("VERB", "AUX") or tab.head[k] == k:
            return []
        k = tab.head[k]
    return [g]


def _contact(tab: Tokens, o: int, g: int) -> bool:
    """Whether ``g``, a clause the parse made relative to a message noun right before it, is
    what the message says ("said in a survey it had found that ..."): it opens with no
    relative word and lacks no object, as a relative clause of its own would ("the statement
    it issued")."""
    if tab.dep[g] != "relcl" or tab.lemma[o] not in MESSAGE_NOUNS or edges(tab, g)[0] != o + 1:
        return False
    if tab.lower[o + 1] in RELATIVE or tab.lower[o + 1] in NO_GAP:
        return False
    if tab.lemma[g] in MESSAGE_MAKING_VERBS:
        return False  # "said in a statement it issued on Monday that ...": the statement's
    return any(tab.dep[c] in _COMPLEMENTS for c in tab.children[g])


def _question(tab: Tokens, a: int, c: int) -> bool:
    """Whether the clause ``c`` that opens with token ``a`` asks ("asked if it would", "said
    what it would do"); not a clause opened by a condition or a time of its own ("said if
    that happens, the talks will fail", "said when the war ended, the town was empty")."""
    if tab.lower[a] not in _QUESTION:
        return False
    h = tab.head[a]
    conditional = tab.lower[a] in ("if", "when") and h != c and tab.dep[h] == "advcl"
    return not (conditional and tab.head[h] == c)


def merged(tab: Tokens, found: list[int]) -> list[tuple[int, int, int]]:
    """Each clause with its first and last token; clauses with nothing but punctuation
    between them are one the parse broke in two, at a relative clause ("noted that
    Australia, which has ..., has fallen behind") or a colon in a title."""
    out: list[tuple[int, int, int]] = []
    for c in sorted(found):
        a, b = edges(tab, c)
        if out and all(tab.punct[k] for k in range(out[-1][2] + 1, a)):
            out[-1] = (out[-1][0], out[-1][1], b)
        else:
            out.append((c, a, b))
    return out


# a clause's own subject: without one, a finite clause's subject is a noun the parse hung
# elsewhere before it
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "expl", "csubj", "csubjpass"})


def subject_start(tab: Tokens, v: int, c: int, a: int) -> int:
    """Where the clause ``c`` of the speech verb ``v``, first token ``a``, begins with its
    subject: a finite clause after the verb with no subject of its own lost it to the parse
    ('warned the submarine will not "find" it': "the submarine" the verb's object; 'told
    travellers in a statement that delays could last': "delays" a verb), so it begins after
    the verb, "that", a message's noun or a comma, whichever is last before it, if a noun is
    between; else ``a``."""
    if a <= v + 1 or any(tab.dep[k] in _SUBJECTS for k in tab.children[c]):
        return a
    finite = tab.tag[c] in ("VBD", "VBZ", "VBP", "MD") or any(
        tab.tag[k] == "MD" or tab.dep[k] == "aux" and tab.tag[k] in ("VBD", "VBZ", "VBP")
        for k in tab.children[c]
    )
    if not finite:
        return a
    start = v + 1
    for k in range(v + 1, a):
        if tab.lower[k] in ("that", ",") or tab.lemma[k] in MESSAGE_NOUNS:
            start = k + 1
    if not any(tab.pos[k] in ("NOUN", "PROPN", "PRON") for k in range(start, a)):
        return a
    return start


def _verbal(tab: Tokens, c: int) -> bool:
    """Whether a clause has a verb: "declared the country an Islamic Republic" parses a noun
    as the clause, which states nothing."""
    return tab.pos[c] in ("VERB", "AUX") or any(tab.pos[k] == "AUX" for k in tab.children[c])


def reported(tab: Tokens, c: int) -> bool:
    """Whether a clause before its attribution is a named speaker's statement ("X said on
    Friday that A, Interfax news agency said"): X's, read on its own; the agency only passes
    it on."""
    kids = tab.children[c]
    return (
        tab.lemma[c] in SPEECH_VERBS
        and any(tab.dep[k] == "nsubj" and tab.pos[k] == "PROPN" for k in kids)
        and any(tab.dep[k] == "ccomp" for k in kids)
    )


def _attribution_only(tab: Tokens, c: int) -> bool:
    """Whether a clause is another speaker's attribution the parse hangs here ("B said A,
    news magazine X reported"): a speech verb after a comma, with no clause of its own."""
    kids = tab.children[c]
    a, b = edges(tab, c)
    while a < b and tab.punct[a]:  # the comma may hang from the verb
        a += 1
    return (
        tab.lemma[c] in SPEECH_VERBS
        and any(tab.dep[k] == "nsubj" for k in kids)
        and not any(tab.dep[k] == "ccomp" for k in kids)
        and a > 0
        and tab.lower[a - 1] == ","
    )
