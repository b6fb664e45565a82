"""Where a name the recogniser read is cut: at brackets, at a line break, after a dateline's
city, before a score. The small model runs neighbouring names and numbers into one span; each
piece here is a name of its own (or no part of one). Where it cuts a person's name after its
surname's particle ("Ursula von der" and "Leyen"), the pieces are one name again; and a word of
a title it took for a name ("Secretary of State") is none."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from kg.defaults import WRAPPED_LINE_CHARS
from kg.extract.tokens import Tokens
from kg.extract.types import CITIES, COUNTRIES, is_nationality
from kg.ingest.blocks import spans
from kg.ingest.news import structure
from kg.lexicon import (
    INNER_TITLE_OPENERS,
    INNER_TITLE_WORDS,
    NAME_PARTICLES,
    NOUN_TYPE,
    ORG_SUFFIXES,
    PORTFOLIO_TITLES,
    PORTFOLIO_WORDS,
    POSSESSIVES,
    SPOKESPERSON_NOUNS,
)
from kg.names import name_key

if TYPE_CHECKING:
    from spacy.tokens import Span

_BRACKETS = frozenset("()[]")
# the countries' and the large cities' name keys, a possessor a name does not begin with
PLACE_KEYS = CITIES | COUNTRIES


def bracket_pieces(ent: Span, t: Tokens) -> list[Span]:
    """A name cut at the brackets inside it: the recogniser runs a name into the one its
    brackets define or explain ("Council on Foreign Relations ( CFR", "Terje Halleland (
    Progress Party"), and each is a name of its own."""
    cuts = [k for k in range(ent.start, ent.end) if t.orth[k] in _BRACKETS]
    return _cut_at(ent, cuts)


def joined_pieces(ent: Span, t: Tokens) -> list[Span]:
    """A name cut where the recogniser runs two names into one: at a slash written without
    spaces between capitalised words ("New York Times/CBS" of a poll, "Reuters/Ipsos"), and
    at a common noun in lower case between them ("YouTube channel Ridicule TV", "Hamas
    leader Ismail Haniyeh"), which a name does not hold. Each side is a name of its own; the
    slash and the noun are no part of either."""
    cuts = [k for k in range(ent.start + 1, ent.end - 1) if _joint(k, t)]
    return _cut_at(ent, cuts)


def _cut_at(ent: Span, cuts: list[int]) -> list[Span]:
    """The pieces of a name between the tokens ``cuts`` (which belong to neither side), each
    with the name's label; the name itself where there is no cut."""
    if not cuts:
        return [ent]
    from spacy.tokens import Span

    bounds = [ent.start - 1, *cuts, ent.end]
    return [
        Span(ent.doc, a + 1, b, label=ent.label)
        for a, b in zip(bounds, bounds[1:], strict=False)
        if b > a + 1
    ]


def possessor_pieces(ent: Span, t: Tokens) -> list[Span]:
    """A name cut after a country's or a city's possessive inside it: the recogniser runs the
    place into what it has ("Russia's Bolshoi Theater", "Mozambique's Joaquim Chissano"), and
    each is a name of its own, the place labelled a place. A name whose possessor is no place
    of the tables stays whole ("McDonald's Corporation", "St John's College")."""
    for k in range(ent.start + 1, ent.end - 1):
        if t.orth[k] in POSSESSIVES and name_key(t.span_text(ent.start, k)) in PLACE_KEYS:
            from spacy.tokens import Span

            return [
                Span(ent.doc, ent.start, k, label="GPE"),
                Span(ent.doc, k + 1, ent.end, label=ent.label),
            ]
    return [ent]


def spokespeople_pieces(ent: Span, t: Tokens) -> list[Span]:
    """A name cut after the spokespeople the recogniser took in before it ("Representatives
    of First Bank", "Spokesmen for Acme"): the body's name alone, each body of a list one
    the spokespeople speak for. A plural noun only: "Spokesman" may be a title."""
    k = ent.start
    if (
        len(ent) < 3
        or t.tag[k] not in ("NNS", "NNPS")
        or t.lemma[k] not in SPOKESPERSON_NOUNS
        or t.lower[k + 1] not in ("of", "for", "from")
    ):
        return [ent]
    first = k + 2 + (t.lower[k + 2] == "the")
    if first >= ent.end or not t.orth[first][:1].isupper():
        return [ent]
    from spacy.tokens import Span

    return [Span(ent.doc, first, ent.end, label=ent.label)]


# lower-case words a body's name may hold before a title ("Bank of England Governor X")
_NAME_GLUE = frozenset({"of", "and", "the", "for", "&"})


def title_pieces(ent: Span, t: Tokens) -> list[Span]:
    """A name cut around a title the recogniser ran into it between a body's or a place's
    name and a person's ("Siemens Chief Executive Roland Busch", "Michigan Governor Jane
    Doe"): the name before (a place where the places table knows it, else a body) and the
    person, the title neither. The title opens on a capital, inside the span, and a
    capitalised word follows it; a title at the start is ``joins.title_start``'s."""
    start, end = ent.start, ent.end
    if end - start < 3:
        return [ent]
    for k in range(start + 1, end - 1):
        if not (t.orth[k][:1].isupper() and t.lower[k].rstrip(".") in INNER_TITLE_OPENERS):
            continue
        if not all(t.orth[i][:1].isupper() or t.lower[i] in _NAME_GLUE for i in range(start, k)):
            return [ent]
        j = k
        while j < end and t.orth[j][:1].isupper() and t.lower[j].rstrip(".") in INNER_TITLE_WORDS:
            j += 1
        if j >= end or not t.orth[j][:1].isupper() or not t.alpha[j]:
            return [ent]
        # what follows must read as a person's name, not a body's ("Central Executive
        # Committee", "the Chief Executives Board"): no word of a body's or a place's kind
        if any(
            t.lower[i] in ORG_SUFFIXES or NOUN_TYPE.get(t.lower[i]) in ("Organization", "Place")
            for i in range(j, end)
        ):
            return [ent]
        from spacy.tokens import Span

        before = " ".join(t.orth[start:k])
        label = (
            "NORP" if is_nationality(before) else "GPE" if name_key(before) in PLACE_KEYS else "ORG"
        )
        return [Span(ent.doc, start, k, label=label), Span(ent.doc, j, end, label="PERSON")]
    return [ent]


def _joint(k: int, t: Tokens) -> bool:
    """Whether token ``k`` joins two names: a slash between capitalised words with no space
    on either side, or a lower-case common noun between capitalised words."""
    before, after = t.orth[k - 1], t.orth[k + 1]
    if not (before[:1].isupper() and after[:1].isupper()):
        return False
    if t.orth[k] == "/":
        return t.end_char[k - 1] == t.idx[k] and t.end_char[k] == t.idx[k + 1]
    return t.tag[k] in ("NN", "NNS") and t.is_lower[k] and t.alpha[k]


# what ends a line that no name runs on from
_LINE_ENDS = tuple(".!?:;…\"”'’)|")
# the tags of a word a line may begin with before a name ("For Biagio Conte", "Against
# Ireland"): no part of the name the line begins
_LINE_LEADS = frozenset({"IN", "TO", "CC", "WRB"})


# any character that is not a space: a document's text before a block holds one unless the
# block opens it (a search that stops at the first, not a copy of all the text before)
_INK = re.compile(r"\S")


def headline_end(text: str, offset: int, raw: str) -> int:
    """Where the document's headline ends in ``raw``, the block at ``offset`` of ``text``:
    the block's first line, where the block opens the document and ingest would read that
    line as a headline block (``kg.ingest.news.structure``); else 0. Ingest gives the
    headline it finds a block of its own; a document given as one block (a JSON record's or
    a benchmark's text) still begins with its headline, which may be long and end without a
    full stop, as wrapped prose does."""
    first = raw.find("\n")
    if first <= 0 or _INK.search(text, 0, offset):  # a block after the first
        return 0
    second = len(raw) - len(raw[first:].lstrip())  # the next line's start, past blank ones
    end = raw.find("\n", second)
    two = raw[: end if end >= 0 else len(raw)]
    blocks, _ = structure(two, spans(two))
    return blocks[0].end if blocks[0].kind == "headline" else 0


def hard_breaks(raw: str, headline: int = 0) -> list[int]:
    """Where a line breaks in ``raw`` (a block's own characters) as ingest would begin a new
    block: after the headline (ending at ``headline``), a blank line, or a line that is no
    wrapped prose (shorter than ``WRAPPED_LINE_CHARS``, or ending as a sentence does)."""
    out = []
    at = raw.find("\n")
    while at >= 0:
        line = raw[raw.rfind("\n", 0, at) + 1 : at].strip()
        nxt = raw.find("\n", at + 1)
        blank = nxt >= 0 and not raw[at + 1 : nxt].strip()
        if line and (
            len(line) < WRAPPED_LINE_CHARS or line.endswith(_LINE_ENDS) or blank or at == headline
        ):
            out.append(at)
        at = nxt
    return out


def line_pieces(ent: Span, t: Tokens, raw: str, headline: int = 0) -> list[Span]:
    """A name cut where a line breaks inside it in ``raw``, the block's own characters (the
    parse reads a block's line breaks as spaces): the recogniser runs a byline into a
    dateline ("Jim Adams" over "WASHINGTON"), a headline or a title into the next line, a
    table's row into the next. A name wrapped across the lines of a paragraph stays whole:
    the line before the break is prose, ``WRAPPED_LINE_CHARS`` long or more, and ends
    mid-sentence; a headline (ending at ``headline`` in ``raw``, 0: none) is none however
    long. The words a line begins with before a name ("For", "Against") are no part of it."""
    cuts = []
    for k in range(ent.start, ent.end - 1):
        gap = raw[t.end_char[k] : t.idx[k + 1]]
        if "\n" not in gap:
            continue
        line = raw[raw.rfind("\n", 0, t.end_char[k]) + 1 : t.end_char[k]].strip()
        if (
            len(line) < WRAPPED_LINE_CHARS
            or line.endswith(_LINE_ENDS)
            or gap.count("\n") > 1
            or t.end_char[k] <= headline <= t.idx[k + 1]
        ):
            cuts.append(k + 1)
    if not cuts:
        return [ent]
    from spacy.tokens import Span

    bounds = [ent.start, *cuts, ent.end]
    out = []
    for a, b in zip(bounds, bounds[1:], strict=False):
        while a > ent.start and a < b - 1 and t.tag[a] in _LINE_LEADS:
            a += 1
        out.append(Span(ent.doc, a, b, label=ent.label))
    return out


# Words that begin a broadcaster's name after its city in a dateline ("Beirut Radio Lebanon")
_BROADCAST_WORDS = frozenset({"radio", "television", "tv"})
# the words a broadcaster's name ends with
_BROADCAST_ENDS = frozenset({"radio", "television", "tv", "network"})
# the labels of the names a dateline's city runs into: an agency's, a place's, and a
# person's or none where the recogniser took the agency for a surname or missed it
_DATELINE_LABELS = frozenset({"ORG", "GPE", "PERSON", "NAME"})


def dateline_pieces(ent: Span, t: Tokens) -> list[Span]:
    """An organization's name that a dateline's city runs into, cut in two: "Moscow
    ITAR-TASS", "Beirut Radio Lebanon" (the city, then an agency in capitals or a
    broadcaster). A city's name that begins an organization's own ("Moscow State University",
    "Tokyo Electric Power") is left whole."""
    if ent.label_ not in _DATELINE_LABELS or len(ent) < 2:
        return [ent]
    # the recogniser reads a city and an agency in capitals as a person's name too ("Cairo
    # AL-AHALI"); a line all in capitals says nothing so ("PARIS HILTON")
    named = ent.label_ in ("ORG", "GPE")
    for k in (1, 2):
        nxt = ent.start + k
        if nxt >= ent.end or name_key(t.span_text(ent.start, nxt)) not in CITIES:
            continue
        if not named and t.span_text(ent.start, nxt).isupper():
            continue
        word, rest = t.orth[nxt], t.span_text(nxt, ent.end)
        # "Damascus Radio" is the city's own radio: a broadcaster needs its name after the word
        broadcast = word.lower() in _BROADCAST_WORDS and nxt + 1 < ent.end
        # or a broadcaster's name of two words or more that ends so ("Helsinki Suomen
        # Yleisradio Network", "London Kanal-6 Television"); "Manchester Television" is one name
        broadcast = broadcast or (ent.end - nxt > 1 and t.lower[ent.end - 1] in _BROADCAST_ENDS)
        # an agency in capitals: "Prague CTK"; not a state's or region's code after a place
        # the recogniser read ("Washington D.C.", "Hong Kong SAR")
        least = 3 if ent.label_ == "ORG" else 4
        capitals = any(x.isupper() and sum(c.isalpha() for c in x) >= least for x in (word, rest))
        if capitals or broadcast:
            from spacy.tokens import Span

            return [
                Span(ent.doc, ent.start, nxt, label="GPE"),
                Span(ent.doc, nxt, ent.end, label="ORG"),
            ]
    return [ent]


def nationality_pieces(ent: Span, t: Tokens) -> list[Span]:
    """A nationality word of two nationalities, cut into them: "Japanese Americans",
    "Japanese - American" (which the tokenizer splits where the hyphen is spaced). Each is a
    nationality of its own, linked to its country; a nationality word of its own ("South
    Korean") and one with other words ("Latin American") stay whole."""
    if ent.label_ == "PERSON":
        return _nationality_led(ent, t)
    if ent.label_ != "NORP" or len(ent) < 2 or is_nationality(ent.text):
        return [ent]
    words = [k for k in range(ent.start, ent.end) if t.orth[k] not in _HYPHENS]
    if len(words) < 2 or not all(is_nationality(t.orth[k]) for k in words):
        return [ent]
    from spacy.tokens import Span

    return [Span(ent.doc, k, k + 1, label="NORP") for k in words]


_HYPHENS = frozenset({"-", "–"})


def _nationality_noun(word: str) -> bool:
    """ "Kenyan", "Briton", "Frenchman", "Englishwoman": a word that names a person by his
    nationality."""
    w = word.casefold()
    if w in ("briton", "britons") or is_nationality(w):
        return True
    for suffix in ("man", "woman", "men", "women"):
        if w.endswith(suffix) and is_nationality(w[: -len(suffix)]):
            return True
    return False


def _nationality_led(ent: Span, t: Tokens) -> list[Span]:
    """A person's name that begins with a nationality noun ("Briton Andy Murray", "Irishman
    Tadhg Kennelly"), without it: the word is the person's nationality, a name of its own
    where it is a nationality word ("Kenyan"), and none where it is not ("Frenchman"). A name
    of two words stays ("Dane Cook", "Scot Gresham-Lancaster": given names)."""
    k = ent.start
    # the words after it, a hyphenated surname one word ("Gresham - Lancaster")
    words = sum(
        t.orth[x] not in _HYPHENS and t.orth[x - 1] not in _HYPHENS for x in range(k + 1, ent.end)
    )
    if words < 2 or not t.title[k + 1] or not _nationality_noun(t.orth[k]):
        return [ent]
    from spacy.tokens import Span

    rest = Span(ent.doc, k + 1, ent.end, label=ent.label)
    if is_nationality(t.orth[k]):
        return [Span(ent.doc, k, k + 1, label="NORP"), rest]
    return [rest]


# the words of a kind of thing named by its number: "Route 66", "Interstate 95", "Highway 401"
NUMBERED_KINDS = frozenset({"route", "highway", "interstate", "motorway", "freeway", "expressway"})
# the labels of the names a road's number follows at once, which the recogniser leaves out
_ROAD_LABELS = frozenset({"ORG", "FAC", "GPE", "LOC", "NAME"})


def numbered(found: Sequence[Span], t: Tokens) -> list[Span]:
    """The names ``found`` (in order), where one ends in a word of a kind of thing named by its
    number ("Route", "Highway") and a number follows at once, with the number: the recogniser
    reads "U.S. Route" and "20" apart. The number's own span (a cardinal) goes; the name is a
    facility's (a road is a place)."""
    out: list[Span] = []
    for ent in found:
        if out and out[-1].start <= ent.start and ent.end <= out[-1].end:
            continue  # the number taken into the name before
        k = ent.end
        if (
            ent.label_ in _ROAD_LABELS
            and k < t.n
            and t.lower[k - 1] in NUMBERED_KINDS
            and t.tag[k] == "CD"
            and t.orth[k].isdigit()
        ):
            from spacy.tokens import Span

            # a road, which the recogniser labels an organization as often as a facility
            ent = Span(ent.doc, ent.start, k + 1, label="FAC")
        out.append(ent)
    return out


# the labels whose names a score or count in a table runs into ("Hampshire 232")
NUMBERLESS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "NAME"})


def without_scores(start: int, end: int, person: bool, t: Tokens) -> int:
    """The end of a name (tokens ``start:end``) without the numbers after it: a score or a
    count in a table ("Hampshire 232", "J. Russell 56 not out") is no part of a name. A single
    digit may be ("Channel 4", "Ligue 1"), except in a person's name, after a city's ("Boston
    5": there is no such name) and in a score ("Boston 5-3")."""
    k = end
    while k > start + 1 and (t.tag[k - 1] == "CD" or t.punct[k - 1]):
        k -= 1
    numbers = [x for x in range(k, end) if t.tag[x] == "CD"]
    if not numbers or not any(t.alpha[x] for x in range(start, k)):
        return end
    if t.lower[k - 1] in NUMBERED_KINDS:
        return end  # "U.S. Route 20", "Highway 401": the road's number is its name's
    if person or len(numbers) > 1 or any(sum(c.isdigit() for c in t.orth[x]) >= 2 for x in numbers):
        return k
    if t.tag[k - 1] == "NNPS":  # "White Sox 5": a team's score
        return k
    return k if name_key(t.span_text(start, k)) in CITIES else end


def after_plural(start: int, end: int, t: Tokens) -> int:
    """The end of a name of any other label (a facility's, a product's: tokens
    ``start:end``) without the numbers after a plural proper noun it ends in: a team's score
    or season ("Royals 14", "the Sydney Swans 2005"), which the recogniser reads as a
    product or a stadium. A number after a singular word may be the name's ("Studio 54",
    "Apollo 11", "Boeing 747")."""
    k = end
    while k > start + 1 and (t.tag[k - 1] == "CD" or t.punct[k - 1]):
        k -= 1
    if k == end or t.tag[k - 1] != "NNPS" or not any(t.tag[x] == "CD" for x in range(k, end)):
        return end
    return k


def portfolio(start: int, end: int, t: Tokens) -> bool:
    """Whether the one-word name at token ``start`` is a government portfolio's word in a
    title: "Defense Minister", "Secretary of State", "Minister for Trade". The word alone
    names no organization (the ministry does: "Defense Ministry", "State Department")."""
    if end - start != 1 or t.lower[start] not in PORTFOLIO_WORDS:
        return False
    if end < t.n and t.lower[end] in PORTFOLIO_TITLES:
        return True
    return (
        start >= 2
        and t.lower[start - 1] in ("of", "for")
        and t.lower[start - 2] in PORTFOLIO_TITLES
    )


def particle_joins(found: Sequence[Span], t: Tokens) -> list[Span]:
    """The names ``found`` (in order), where a person's name ends in a surname's particle
    written in lower case and the next name follows it at once, the two as one person's name:
    the recogniser cuts "Ursula von der Leyen" into "Ursula von der" and "Leyen", "Rafael van
    der Vaart" into a person and an organization."""
    out: list[Span] = []
    for ent in found:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.label_ == "PERSON"
            and ent.start == prev.end
            and len(prev) > 1
            and t.is_lower[prev.end - 1]
            and t.lower[prev.end - 1] in NAME_PARTICLES
            and (t.title[ent.start] or t.lower[ent.start] in NAME_PARTICLES)
        ):
            from spacy.tokens import Span

            out[-1] = Span(ent.doc, prev.start, ent.end, label="PERSON")
            continue
        out.append(ent)
    return out
