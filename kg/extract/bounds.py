"""Where a name the recogniser read begins and ends, and whether it is a name at all: a name
loses a leading determiner (not a work's title its own: "A Vindication of Natural Society"), a
lower-case adjective and a person's title, a trailing possessive, punctuation, a score and the
function words it ends on; concepts, lower-case phrases and sentence-initial common words are
no names, but a phrase written as a title is one whatever its words ("Cuts Both Ways")."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kg.extract import joins
from kg.extract.cuts import NUMBERLESS, after_plural, without_scores
from kg.extract.name_joins import person_end
from kg.extract.plain_words import title_cased
from kg.extract.tokens import Tokens
from kg.extract.types import is_nationality, is_party
from kg.lexicon import (
    DETERMINERS,
    HEADLINE_SMALL_WORDS,
    NAME_PARTICLES,
    NOUN_TYPE,
    OPENING_QUOTES,
    ORG_TRAILING_TITLES,
    POSSESSIVES,
    STOPLIST,
    TIME_ZONES,
)

if TYPE_CHECKING:
    from spacy.tokens import Span


def trim(ent: Span, t: Tokens) -> Span | None:
    """The name without a leading determiner or trailing possessive and punctuation."""
    from spacy.tokens import Span

    start, end = ent.start, ent.end
    norp = ent.label_ == "NORP"
    lower, punct, space, tag, orth = t.lower, t.punct, t.space, t.tag, t.orth
    # a work's title keeps the capitalised article it begins inside a sentence with ("wrote A
    # Tale of Two Cities", "the single This Train"): a title's own word; first in a sentence or
    # a line the capital says nothing ("The Nobel Prize was ...")
    work = ent.label_ == "WORK_OF_ART" and titled_words(start, end, t)
    work = work and t.title[start] and not _first_word(start, t)
    while start < end:
        if not (
            (lower[start] in DETERMINERS and not work)
            or punct[start]
            or space[start]
            # a word in lower case begins no name ("every National Conference", "the state
            # Commission on Judicial Conduct"), but a surname's particle ("de Gaulle") may
            or (t.is_lower[start] and t.alpha[start] and lower[start] not in NAME_PARTICLES)
            # a nationality is its adjective ("a German painter"): Wikidata reads it as the
            # country; a capitalised adjective inside a sentence begins a name ("the Latin
            # American School"), a lower-case one qualifies it ("former", "legendary")
            or (
                tag[start] in ("JJ", "JJR", "JJS", "VBN", "VBG", "RB")
                and not norp
                and (t.is_lower[start] or t.sent_start[start])
                and not t.orth[start][:1].isdigit()  # "the 24th Infantry Division"
            )
        ):
            break
        start += 1
    if ent.label_ == "PERSON":
        start = joins.title_start(start, end, t)
        end = person_end(start, end, t)
    else:
        start = joins.office_start(start, end, t)
    # each cut may bare another: "the Department of Social Welfare 1993 to 1994" loses the
    # year it ends on, then "to", then the year before it
    last = -1
    while end != last:
        last = end
        if ent.label_ in NUMBERLESS:
            end = without_scores(start, end, ent.label_ == "PERSON", t)
        else:
            end = after_plural(start, end, t)
        if ent.label_ == "ORG":  # "FAA Administrator" (Allan McArtor): the title is not the name's
            while end - start > 1 and lower[end - 1].rstrip(".") in ORG_TRAILING_TITLES:
                end -= 1
        # a place's kind in lower case after its name ("Helmand province", "the Moabit
        # district") says what the name is, and is no part of it ("Moabit District" may be)
        if end - start > 1 and t.is_lower[end - 1] and NOUN_TYPE.get(lower[end - 1]) == "Place":
            end -= 1
        while end > start:
            k = end - 1
            if not (orth[k] in POSSESSIVES or punct[k] or space[k]):
                opened = joins.open_end(end, start, t)
                if opened == end:
                    break
                end = opened
                continue
            end -= 1
    if start >= end:
        return None
    return Span(ent.doc, start, end, label=ent.label)


def junk(span: Span, t: Tokens | None = None) -> bool:
    """Names that are not names: concepts, lowercase phrases, sentence-initial common words.
    ``t``: the block's token table, where the caller has it."""
    t = t if t is not None else Tokens(span.doc)
    start, end = span.start, span.end
    text = t.span_text(start, end)
    if len(text) < 2 or not any(c.isalpha() for c in text) or "\n" in text:
        return True
    if text.casefold() in STOPLIST or text.casefold() in TIME_ZONES or text.islower():
        return True
    label = span.label_
    if label == "NORP" and not is_nationality(text) and not is_party(text):
        return True  # a religious group is no place; a party is an organization (mentions)
    if titled_words(start, end, t) and not _in_headline(start, t) and not _quoted(start, t):
        return False  # a title of a work or a band's name: "Like Someone in Love"
    if not any(x in ("NNP", "NNPS") for x in t.tag[start:end]) and not (
        label == "NORP" and t.title[start]
    ):
        return True
    words = [k for k in range(start, end) if t.alpha[k]]
    # an abbreviation the recogniser labelled is no stop word: "US" is not "us"
    caps = label != "NAME"
    return bool(words) and all(
        t.is_lower[k] or (t.stop[k] and not (caps and t.orth[k].isupper())) for k in words
    )


def titled_words(start: int, end: int, t: Tokens) -> bool:
    """Whether tokens ``start:end`` are two words or more written as a title is: each begins
    with a capital but the small words between them, and the last a noun ("Rage Against the
    Machine", "Cuts Both Ways"), which the tagger may read as common words all the same; not
    an adjective's phrase ("Results of South Korean" pro-soccer games)."""
    words = [k for k in range(start, end) if t.alpha[k]]
    if len(words) < 2 or t.lower[words[0]] in HEADLINE_SMALL_WORDS and not t.title[words[0]]:
        return False
    if t.lower[words[-1]] in HEADLINE_SMALL_WORDS or not t.tag[words[-1]].startswith("NN"):
        return False
    return all(t.orth[k][0].isupper() or t.lower[k] in HEADLINE_SMALL_WORDS for k in words)


def _first_word(k: int, t: Tokens) -> bool:
    """Whether token ``k`` is the first word of its sentence or line, after any quotation
    marks that open it."""
    first = t.sent(k).start
    while k > first and t.orth[k - 1] in OPENING_QUOTES:
        k -= 1
    return k == first or "\n" in t.orth[k - 1]


def _quoted(k: int, t: Tokens) -> bool:
    """Whether token ``k`` follows a quotation mark: a quoted title is read whole where it is
    one (kg.extract.mentions), and a quoted slogan is none ("Rebuild It Now," they chanted)."""
    return k > 0 and t.orth[k - 1] in OPENING_QUOTES


def _in_headline(k: int, t: Tokens) -> bool:
    """Whether token ``k`` stands in a sentence written in title case, a headline's, whose
    capitals say nothing."""
    sent = t.sent(k)
    return title_cased(t, sent.start, sent.end)
