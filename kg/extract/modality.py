"""Modality: whether a statement is hedged ("may acquire", "reportedly", a question) or
negated ("did not join", "denied that it had hired"). A hedged fact keeps a share of its
confidence; a negated one is recorded but not asserted."""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from kg.defaults import MODALITY_DEPTH
from kg.extract.tokens import Tokens
from kg.lexicon import (
    CONDITIONAL_MARKS,
    HEDGE_VERBS,
    HEDGE_WORDS,
    MODALS,
    NEGATING_VERBS,
    NEGATION_WORDS,
)

# the clauses through which a governing verb's hedges and negations reach down
_GOVERNED = ("xcomp", "ccomp", "conj", "advcl")


class Modality(NamedTuple):
    hedged: bool = False
    negated: bool = False


PLAIN = Modality()


def questions(t: Tokens) -> set[int]:
    """The tokens of the block's questions (a sentence ending in "?"), found once a block:
    ``Token.sent`` walks the document on every call."""
    text = t.text
    return {
        i
        for sent in t.sents
        if text[sent.start_char : sent.end_char].rstrip().endswith("?")
        or (sent.end == t.n and text.rstrip().endswith("?"))
        for i in range(sent.start, sent.end)
    }


def of_verb(t: Tokens, asked: set[int], v: int) -> Modality:
    """The modality of verb ``v`` (a token index) and of the verbs it hangs from: its own
    negations, modals, hedging adverbs and conditions, and the hedging or negating verbs that
    govern it ("plans to acquire"). ``asked``: the tokens of questions (see ``questions``)."""
    head, dep, lower, children, lemma_ = t.head, t.dep, t.lower, t.children, t.lemma_
    hedged = v in asked
    negated = False
    i, depth, own = v, 0, True
    while depth < MODALITY_DEPTH:
        for c in children[i]:
            d, w = dep[c], lower[c]
            if d == "neg" or w in NEGATION_WORDS:
                negated = True
            if d == "aux" and w in MODALS:
                hedged = True
            if d == "advmod" and w in HEDGE_WORDS:
                hedged = True
            if d == "mark" and w in CONDITIONAL_MARKS:
                hedged = True
        if not own and lemma_[i] in HEDGE_VERBS:
            hedged = True
            if lemma_[i] in NEGATING_VERBS:
                negated = True
        # a root's head is itself: the walk goes on from it while its label allows
        if dep[i] not in _GOVERNED:
            break
        i, depth, own = head[i], depth + 1, False
    return Modality(hedged, negated)


def of_path(
    verbs: tuple[int, ...], modality: Callable[[int], tuple[bool, bool]], lemma_: list[str]
) -> Modality:
    """The modality over the verbs joining a pair (top verb first): "denied that it had hired
    X" is negated by its top verb, "may acquire" hedged by its own."""
    hedged = negated = False
    for k, v in enumerate(verbs):
        h, n = modality(v)
        hedged, negated = hedged or h, negated or n
        if k == 0 and len(verbs) > 1:  # the top verb governs the others
            hedged = hedged or lemma_[v] in HEDGE_VERBS
            negated = negated or lemma_[v] in NEGATING_VERBS
    return Modality(hedged, negated)
