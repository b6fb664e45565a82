"""Words of the language taken for names: a capital at the start of a sentence or in a headline
written in title case says nothing, and the recogniser reads "Clashes", "Agenda" or "Attack"
there as a person's or a body's name. Such a word is no name where the document never uses it
as one (not inside a longer name, "Tiger Woods" for "Woods"; not where its capital says
something; not with a cue of its own beyond the recogniser's label) and does write it in lower
case, or where a headline holds it and the recogniser left it unlabelled. The words of the
language are those the pipeline's lemmatizer indexes (WordNet's), which hold famous people's
names too ("Nixon"): the lower-case test keeps them."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

from kg.defaults import HEADLINE_MAX_WORDS, PLAIN_WORD_MAX_VOTE, TITLE_CASE_MIN_WORDS
from kg.extract.records import RawMention
from kg.extract.tokens import Tokens
from kg.extract.types import is_nationality, known_place
from kg.lexicon import HEADLINE_SMALL_WORDS, OPENING_QUOTES, TEAM_OWNED_NOUNS
from kg.names import name_key

if TYPE_CHECKING:
    from spacy.language import Language

# where a plain word is (``plain``)
HEADLINE = "headline"
FIRST = "first"
# the parts of speech of the lemmatizer's index of English words (WordNet's) that are read
_INDEXED = ("noun", "verb", "adj", "adv")
# the recogniser's labels of places and peoples: "Turkey", "Reading" or "German" first in a
# sentence are words too, and their label is evidence enough
_PLACE_LABELS = frozenset({"GPE", "LOC", "NORP", "FAC"})


def english_words(nlp: Language) -> frozenset[str]:
    """The lower-case words of English that the pipeline's rule lemmatizer indexes (WordNet's
    nouns, verbs, adjectives and adverbs); empty where the pipeline has none."""
    return _english_words(nlp)


@lru_cache(maxsize=4)
def _english_words(nlp: Language) -> frozenset[str]:
    if "lemmatizer" not in nlp.pipe_names:
        return frozenset()
    lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
    if lookups is None or not lookups.has_table("lemma_index"):
        return frozenset()
    index = lookups.get_table("lemma_index")
    return frozenset(w for pos in _INDEXED for w in index.get(pos, ()) if "_" not in w)


def is_word(word: str, words: frozenset[str]) -> bool:
    """Whether ``word`` (lower case) or the singular it is the plural of is in ``words``
    ("clashes", "expectations", "lamps")."""
    if word in words:
        return True
    if word.endswith("ies") and word[:-3] + "y" in words:
        return True
    if word.endswith("es") and word[:-2] in words:
        return True
    return word.endswith("s") and word[:-1] in words


def plain(start: int, end: int, t: Tokens, words: frozenset[str], raw: str = "") -> str:
    """Where the name at tokens ``start:end`` is one capitalised word of the language whose
    capital says nothing: HEADLINE in a sentence or line written in title case ("Schröder Under
    Attack for Remarks"), FIRST first in its sentence or line (after any quotation mark; not
    after a bracket, which holds a label: "DW (Arabia)"); "" elsewhere, or for another name.
    ``raw``: the block's own text, with the line breaks the parse read as spaces."""
    if end - start != 1 or not t.title[start] or not t.alpha[start]:
        return ""
    if not is_word(t.lower[start], words):
        return ""
    sent = t.sent(start)
    first, last = sent.start, sent.end
    if raw:  # the sentence's part on the name's line
        at = t.idx[start]
        line_start = raw.rfind("\n", 0, at) + 1
        line_end = raw.find("\n", at)
        line_end = len(raw) if line_end < 0 else line_end
        while first < start and t.idx[first] < line_start:
            first += 1
        while last > end and t.idx[last - 1] >= line_end:
            last -= 1
    if title_cased(t, first, last):
        return HEADLINE
    return FIRST if all(t.orth[k] in OPENING_QUOTES for k in range(first, start)) else ""


def title_cased(t: Tokens, start: int, end: int) -> bool:
    """Whether the words of tokens ``start:end`` past the function words all begin with a
    capital, and there are TITLE_CASE_MIN_WORDS to HEADLINE_MAX_WORDS of them: a headline's
    style (a longer run of capitals is a table's or a list's: "London UTC +1 | Berlin ...")."""
    small = HEADLINE_SMALL_WORDS
    content = [k for k in range(start, end) if t.alpha[k] and t.lower[k] not in small]
    return TITLE_CASE_MIN_WORDS <= len(content) <= HEADLINE_MAX_WORDS and all(
        t.orth[k][0].isupper() for k in content
    )


def lower_words(text: str) -> frozenset[str]:
    """The words ``text`` writes in lower case."""
    return frozenset(_LOWER_WORD.findall(text))


_LOWER_WORD = re.compile(r"(?<![\w'-])[a-z]+(?![\w-])")


def written_lower(word: str, lower: frozenset[str]) -> bool:
    """Whether the document writes ``word`` (lower case), its singular or its plural in lower
    case (``lower``: ``lower_words``)."""
    forms = {word, word + "s", word + "es", word[:-1], word[:-2]}
    if word.endswith("ies"):
        forms.add(word[:-3] + "y")
    return not forms.isdisjoint(lower)


def unname(mentions: Sequence[RawMention], text: str) -> None:
    """Clear the votes of the document's mentions of a plain word (``RawMention.plain``) where
    all its mentions are so, no longer name holds the word, none has a vote above
    PLAIN_WORD_MAX_VOTE (a cue's beyond the label and the type model's move), it is not a
    known place's ("Paris", "Berlin" are words too) and the document ``text`` writes it in
    lower case too ("Clashes broke out ... the clashes"). A word the recogniser left
    unlabelled needs no more than a headline in title case: a surname first in a sentence
    ("Booth shot Lincoln") is left unlabelled too, and famous people are words of the index."""
    lower: frozenset[str] | None = None  # read where a word needs it: most documents none
    by_word: dict[str, list[RawMention]] = defaultdict(list)
    held: set[str] = set()
    for m in mentions:
        words = m.text.casefold().split()
        if len(words) > 1:
            held.update(words)
        else:
            by_word[m.text.casefold()].append(m)
    for word, ms in by_word.items():
        if word in held or not all(m.plain and m.label not in _PLACE_LABELS for m in ms):
            continue
        if known_place(name_key(ms[0].text)) or is_nationality(ms[0].text):
            continue
        headline = all(m.plain == HEADLINE and m.label == "NAME" for m in ms)
        if not headline:
            if lower is None:
                lower = lower_words(text)
            if not written_lower(word, lower):
                continue
        if any(v > PLAIN_WORD_MAX_VOTE for m in ms for v in m.votes.values()):
            continue
        for m in ms:
            m.votes.clear()


def team_words(t: Tokens, words: frozenset[str]) -> list[tuple[int, int]]:
    """The tokens (``start, end``) of a team's one-word name the tagger read as an adjective or
    a common noun before a noun of a team's people ("Dortmund keeper X", "Schalke coach Y"):
    capitalised, outside the recogniser's names, and no word of the language (``words``: not
    "Veteran keeper X") unless a town's, nor a nationality ("German keeper X")."""
    out = []
    for i in range(t.n - 1):
        if t.tag[i] not in ("JJ", "NN") or t.ent[i] or not t.title[i]:
            continue
        if t.lemma[i + 1] in TEAM_OWNED_NOUNS and t.pos[i + 1] == "NOUN":
            # a town read as a noun is no plain word, though the word list holds it ("Dortmund";
            # not "Young", a town too, read as an adjective)
            town = t.tag[i] == "NN" and known_place(name_key(t.orth[i]))
            plain = is_word(t.lower[i], words) and not town
            if not plain and not is_nationality(t.orth[i]):
                out.append((i, i + 1))
    return out
