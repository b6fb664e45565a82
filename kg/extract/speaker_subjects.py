"""Which word of a speech verb's sentence is its speaker: the verb's subject, or the subject
of the verb it hangs from ("nodded and said", "issued a statement saying"), the head of its
relative clause ("Smith, who said"), X of "quoted X as saying"; and the subjects joined to it
("A and B said"). kg.extract.speakers says whom that word stands for.
"""

from __future__ import annotations

from kg.extract.speaker_phrase import listed_owners
from kg.extract.tokens import Tokens
from kg.lexicon import INVERTED_SPEECH_VERBS, RELATIVE, SPEECH_VERBS

_SUBJECT = "nsubj"  # not nsubjpass: "was told" has the listener as its subject
# "smiled and said", "was clear to say": the subject is the verb's the speech verb hangs from
_CLIMB = ("conj", "xcomp", "advcl", "acomp")
# words of a name's phrase before its head: "manager John Otis", "the company's chairman"
_BEFORE_NAME = ("compound", "det", "amod", "poss", "case", "nmod")
# and the words of an age before it: "the 26-year-old Tom Hale"
_AGE = ("nummod", "npadvmod", "punct")
# the closing marks of quoted words a verb follows, and the marks that end the words before
_CLOSING_MARKS = frozenset({'"', "”"})
_ENDS = frozenset({",", "!", "?"})
# verbs whose subject takes in the words of their object: "received a letter saying"
_TAKEN = frozenset("receive get obtain see read hear reject dismiss deny".split())


def subject(tab: Tokens, v: int) -> tuple[int | None, bool]:
    """The verb's subject, and whether it is the verb's own: for a verb joined to another
    ("nodded and said"), that one's; in a relative clause ("Smith, who said"), its head; for
    "Reuters quoted X as saying", X. A participle the parse hangs inside another speech
    verb's clause ("X warned that A could win, saying ...") is that verb's, not A's."""
    as_said = _quoted_as(tab, v)
    if as_said is not None:
        return as_said, False
    own, participle = True, tab.tag[v] == "VBG"
    for _ in range(3):
        # the nearest subject before the verb: a heading run into the sentence ("Putin's
        # last chance Speaking to reporters, Kerry said") parses as a second subject
        subjs = [c for c in tab.children[v] if tab.dep[c] == _SUBJECT]
        subj = max((c for c in subjs if c < v), default=subjs[0] if subjs else None)
        if subj is not None and tab.lower[subj] in RELATIVE and tab.dep[v] == "relcl":
            return tab.head[v], False
        if subj is None and tab.dep[v] == "acl" and _issued(tab, tab.head[v]):
            v, own = tab.head[tab.head[v]], False  # "issued a statement saying ..."
            continue
        if subj is None and participle and _by(tab, v):
            # "responded to the allegations by saying ...": the subject of the verb "by" hangs from
            v, own = tab.head[tab.head[v]], False
            continue
        if subj is None and tab.head[v] == v:
            found = _inverted(tab, v)
            return (found if found is not None else _after_quote(tab, v)), own
        if subj is not None or tab.dep[v] not in _CLIMB or tab.head[v] == v:
            return subj, own
        if tab.dep[v] == "conj" and not _joined(tab, tab.head[v], v):
            return None, False  # "A is a town in B and C, who ..., has warned": C's verb
        v, own = tab.head[v], False
        if participle and tab.dep[v] == "ccomp" and tab.lemma[tab.head[v]] in SPEECH_VERBS:
            v = tab.head[v]
    return None, False


def _by(tab: Tokens, v: int) -> bool:
    """Whether the participle ``v`` is the object of a "by" that hangs from a verb."""
    h = tab.head[v]
    return (
        tab.dep[v] == "pcomp"
        and tab.lower[h] == "by"
        and tab.dep[h] == "prep"
        and tab.pos[tab.head[h]] in ("VERB", "AUX")
    )


def _joined(tab: Tokens, h: int, v: int) -> bool:
    """Whether the verb ``v`` the parse joins to ``h`` is joined by a word of its own
    between them ("nodded and said", "smiled, said"): the parse hangs "and" from the first
    verb; one that hangs it elsewhere joined the verb to the wrong word."""
    kids = tab.children[h]
    return any(tab.dep[c] == "cc" and h < c < v for c in kids) or v - 1 in kids


def _inverted(tab: Tokens, v: int) -> int | None:
    """The name right after a sentence's speech verb that has no subject, which the parse
    made the subject of a verb after it ('"...," said manager John Otis about his team
    winning': Otis the subject of "winning"); else None."""
    j = v + 1
    while j < tab.n and tab.dep[j] in _BEFORE_NAME + _AGE and tab.head[j] > j:
        j += 1
    if j < tab.n and _inverted_object(tab, v, j):
        return j
    if j >= tab.n or tab.pos[j] != "PROPN" or tab.dep[j] != _SUBJECT or tab.head[j] <= j:
        return None
    return j if tab.lemma[v] in SPEECH_VERBS else None


def _inverted_object(tab: Tokens, v: int, j: int) -> bool:
    """Whether ``j``, the noun right after a speech verb that follows quoted words, is who
    spoke though the parse made it the verb's object ('"...," added the minister')."""
    after_quote = v >= 2 and tab.orth[v - 1] in _CLOSING_MARKS and tab.lower[v - 2] in _ENDS
    # "Sales fell, added the ministry.": the clause before it set off by a comma, the name
    # ending the sentence
    closing = j + 1 < tab.n and tab.lower[j + 1] in (".", ",") and tab.sent(v).start < v - 1
    after_clause = tab.lower[v - 1] == "," and closing
    return (
        (after_quote or after_clause)
        and tab.dep[j] == "dobj"
        and tab.head[j] == v
        and tab.pos[j] in ("NOUN", "PROPN")
        and tab.lemma[v] in INVERTED_SPEECH_VERBS
    )


def _after_quote(tab: Tokens, v: int) -> int | None:
    """The name right after the closing mark before a speech verb with no subject, set off
    by commas ('"...," Hale, 59, said', '"...," Hale, who ..., said'), which the parse hung
    inside the quoted words; else None."""
    sent = tab.sent(v)
    for j in range(v - 1, sent.start + 1, -1):
        if tab.orth[j - 1] not in ('"', "”") or tab.lower[j - 2] != ",":
            continue
        n = j
        while n + 1 < v and tab.dep[n] in ("compound", "flat") and tab.head[n] == n + 1:
            n += 1  # "Tom Hale": the name's last word
        ok = tab.pos[n] == "PROPN" and tab.head[n] < j and tab.lower[n + 1] == ","
        return n if ok and tab.lower[v - 1] == "," and tab.lemma[v] in SPEECH_VERBS else None
    return None


def _issued(tab: Tokens, o: int) -> bool:
    """Whether ``o`` is the object of a verb that puts words out ("issued a statement
    saying"), not of one that takes them in ("received a call telling her")."""
    return tab.dep[o] == "dobj" and tab.lemma[tab.head[o]] not in _TAKEN


def _quoted_as(tab: Tokens, v: int) -> int | None:
    """The object of "quoted X as saying", "reported X as saying": who spoke."""
    if tab.lower[tab.head[v]] == "as" and tab.tag[v] == "VBG":  # from "saying"
        v = tab.head[tab.head[v]]
    kids = tab.children[v]
    if not any(
        tab.lower[p] == "as" and any(tab.lemma[c] in SPEECH_VERBS for c in tab.children[p])
        for p in kids
    ):
        return None
    # "Reuters quoted X as saying", "X was quoted as saying"
    return next((c for c in kids if tab.dep[c] in ("dobj", "nsubjpass")), None)


def conjoined(tab: Tokens, s: int) -> list[int]:
    """The subjects joined to ``s`` or to the name set beside it ("A and B said", "the
    two chiefs, A and B, said"), and the names listed after the first whose spokespeople
    ``s`` is ("representatives of A, B and C said"): each said it too."""
    out, todo = [], [s, *(a for a in tab.children[s] if tab.dep[a] == "appos")]
    while todo:
        t = todo.pop()
        for c in tab.children[t]:
            if tab.dep[c] == "conj":
                out.append(c)
                todo.append(c)
    return sorted({*out, *listed_owners(tab, s)})


def antecedent(tab: Tokens, s: int) -> int | None:
    """The subject "he" or "she" stands for in a relative clause on the object of that
    subject's verb ("X sent a message in which he said ...", "X wrote a letter in which she
    said ..."): that subject, or None."""
    v = tab.head[s]
    if tab.dep[v] != "relcl":
        return None
    g = tab.head[tab.head[v]]  # the noun's verb
    if tab.dep[tab.head[v]] != "dobj":
        return None
    return next((c for c in tab.children[g] if tab.dep[c] == _SUBJECT and c < v), None)
