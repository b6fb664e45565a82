"""A nationality word before a person's name: "French President Paul Roux", "the Swiss banker
Eva Lind" (the person's citizenship). The words between may only be nouns, adjectives and
titles of the same phrase; a verb, a preposition or a comma ends it ("a Chinese court
sentenced Jane Doe" ties nothing). Before an organization's name ("the German carmaker
Brenner Motors") the word was its country 3 times in 13 on the tuning parts (news names firms
by the nationality of their market or owner): no fact. Takes the block's reader
(kg.extract.rules) and one sentence."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kg.defaults import NATIONALITY_CONFIDENCE
from kg.extract.types import is_nationality
from kg.lexicon import TITLES

if TYPE_CHECKING:
    from kg.extract.rules import _Reader
    from kg.extract.tokens import Sentence

# words of the phrase between the nationality and the name, at most
MAX_BETWEEN = 3
CITIZENSHIP = ("country_of_citizenship",)


def nationalities(r: _Reader, sent: Sentence) -> None:
    """ "French President Paul Roux", "the Swiss banker Eva Lind"."""
    mentions, tm, t = r.out.mentions, r.tm, r.t
    done: set[int] = set()
    for i in r._within(r._named_ids, sent):
        b = tm[i]
        if b in done or mentions[b].label != "NORP" or not is_nationality(mentions[b].text):
            continue
        done.add(b)
        k = i
        while k < sent.end and tm.get(k) == b:
            k += 1  # past the nationality's words
        for _ in range(MAX_BETWEEN + 1):
            if k >= sent.end:
                break
            a = tm.get(k)
            title = t.lower[k].rstrip(".") in TITLES  # "President", a name of its own
            if a is not None and a != b and not title:
                if mentions[a].label == "PERSON":
                    r.emit(a, b, CITIZENSHIP, NATIONALITY_CONFIDENCE, "nationality", sent)
                break
            if t.pos[k] not in ("NOUN", "ADJ") and not title:
                break
            k += 1
