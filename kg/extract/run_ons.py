"""Names that hold more than a name: a score, a minute or a time zone left after it (a result,
a scorer's list, a clock's table), and two names run together where a fixture list, a headline
or a dateline lost its line breaks or punctuation ("Hannover Darmstadt", "Europe Barcelona").
Each piece is a name of its own, or no part of one."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from kg.extract.cuts import NUMBERLESS, PLACE_KEYS
from kg.extract.records import RawMention
from kg.extract.tokens import Tokens
from kg.extract.types import LABEL_TYPES
from kg.lexicon import CLUB_FIRST_WORDS, TIME_ZONES, VERSUS
from kg.names import name_key

if TYPE_CHECKING:
    from spacy.tokens import Span


# a score in one token ("4-3", "2:1") or a minute ("73'"): never a name's, whatever follows it
_SCORE = re.compile(r"\d{1,2}[-–:]\d{1,2}")
_MINUTE = re.compile(r"\d{1,3}['’′]")
# an ordinal in figures: a scorer's minute ("Silva 79th"); a name begins with one ("the 4th
# Infantry Division"), it ends with none
_ORDINAL = re.compile(r"\d{1,3}(st|nd|rd|th)")
_SCORE_JOINTS = frozenset({"-", "–", ":"})
_MINUTE_MARKS = frozenset({"'", "’", "′"})


def without_marks(start: int, end: int, t: Tokens) -> int:
    """The end of a name (tokens ``start:end``) of any label without a score, a minute or a
    time zone after it: a result ("Dynamo Kyiv 4-3"), a scorer's minute ("Vidal 73'") and a
    clock's zone ("Edmonton UTC -6") are written after a name in reports and tables, and are
    never part of one; a name's own number is written alone ("Apollo 11", "Formula 1")."""
    if end - start < 2:
        return end
    orth = t.orth
    last = orth[end - 1]
    if _SCORE.fullmatch(last) or _MINUTE.fullmatch(last) or _ORDINAL.fullmatch(last.lower()):
        return end - 1
    if end - start > 2 and last in _MINUTE_MARKS and orth[end - 2].isdigit():
        return end - 2 if len(orth[end - 2]) <= 3 else end  # "Vidal 73 '"
    if (
        end - start > 3
        and last.isdigit()
        and orth[end - 2] in _SCORE_JOINTS
        and orth[end - 3].isdigit()
        and max(len(last), len(orth[end - 3])) <= 2
        and t.end_char[end - 3] == t.idx[end - 2]  # "4-3", not a range's "4 - 3"
        and t.end_char[end - 2] == t.idx[end - 1]
    ):
        return end - 3
    if (
        _score(end - 1, t)
        and t.title[end - 2]
        and (_scored_before(start, t) or _scored_after(end, t))
    ):
        return end - 1  # "Greenock Morton 1 Falkirk 0": each side's score
    if _score(end - 1, t) and _score(end - 2, t):
        k = end - 2
        while k > start + 1 and _score(k - 1, t):
            k -= 1
        return k  # a table's row: "St Mirren 3 1 1 1 5 4 4"
    if (
        last.isupper()
        and last.casefold() in TIME_ZONES
        and any(t.alpha[k] for k in range(start, end - 1))
    ):
        return end - 1
    return end


def _score(k: int, t: Tokens) -> bool:
    """Whether token ``k`` is a number a score or a table's count may be: three figures at
    most, which a year is not."""
    return 0 <= k < t.n and t.orth[k].isdigit() and len(t.orth[k]) <= 3


def _scored_before(start: int, t: Tokens) -> bool:
    """Whether a score follows a capitalised word just before the name at ``start``: the
    other side of a results line ("Greenock Morton 1" before "Falkirk 0")."""
    return start >= 2 and _score(start - 1, t) and t.title[start - 2]


def _scored_after(end: int, t: Tokens) -> bool:
    """Whether capitalised words and then a score (after a bracket of a few words, "Rad ( B )
    0") follow the name ending at ``end``: the other side of a results line."""
    k = end
    while k < t.n and t.title[k] and t.alpha[k]:
        k += 1
    if k == end:
        return False
    if k < t.n and t.orth[k] == "(":
        close = next((j for j in range(k + 1, min(k + 5, t.n)) if t.orth[j] == ")"), -1)
        k = close + 1 if close > 0 else k
    return _score(k, t)


def result_pieces(ent: Span, t: Tokens) -> list[Span]:
    """A results line's sides run into one name with the score between them, cut into the
    sides: "Pohang 3 Ulsan 2", "Orrell 13 Bath" (56). A score sits between capitalised
    words, and the side after it has a score too: a name's own number does not ("Formula 1
    Grand Prix"). Each side is a name of no label (a team, as the report's others tell);
    the scores are no part of either."""
    start, end = ent.start, ent.end
    cuts = [
        k
        for k in range(start + 1, end - 1)
        if _score(k, t) and t.title[k - 1] and t.title[k + 1] and _scored_after(k + 1, t)
    ]
    if not cuts:
        return [ent]
    from spacy.tokens import Span

    bounds = [start - 1, *cuts, end]
    out = []
    for a, b in zip(bounds, bounds[1:], strict=False):
        b = without_marks(a + 1, b, t)
        if b > a + 1:
            out.append(Span(ent.doc, a + 1, b, label="NAME"))
    return out


# a dash a scorers' list or a heading writes between a team's or a country's name and what
# follows it, spaced
_DASHES = frozenset({"-", "–", "—", "--"})


def dash_pieces(ent: Span, t: Tokens, raw: str) -> list[Span]:
    """A name cut at a spaced dash after a place of the tables: a scorers' list ("Portugal -
    Rui Costa ( 31st )") or a market report's heading ("BRITAIN - Gilts") writes the place,
    a dash and what it says of it, which the recogniser runs into one name. The place is a
    place; what follows a name of its own where it is a person's, else of no label. Such a
    line begins with the place: a dash inside a line joins a name's words ("the Asia -
    Pacific Economic Cooperation", as a text spaced for its tokens writes it). ``raw``: the
    block's own characters, with the line breaks the parse reads as spaces."""
    at = t.idx[ent.start]
    if raw[raw.rfind("\n", 0, at) + 1 : at].strip():
        return [ent]
    for k in range(ent.start + 1, ent.end - 1):
        if (
            t.orth[k] in _DASHES
            and t.idx[k] > t.end_char[k - 1]
            and t.idx[k + 1] > t.end_char[k]
            and name_key(t.span_text(ent.start, k)) in PLACE_KEYS
        ):
            from spacy.tokens import Span

            label = "PERSON" if ent.label_ == "PERSON" else "NAME"
            return [
                Span(ent.doc, ent.start, k, label="GPE"),
                Span(ent.doc, k + 1, ent.end, label=label),
            ]
    return [ent]


def fixture_pieces(ent: Span, t: Tokens, known: frozenset[str]) -> list[Span]:
    """A name between two fixtures' "vs." cut into two sides: a fixture list that lost its
    line breaks ("Hoffenheim vs. Hannover Darmstadt vs. Hertha Berlin") runs one fixture's
    second side into the next one's first. The cut is where both sides are names ``known``
    (name keys: the document's other names) or places of the tables; else before a club's
    first word ("Hamburg Werder Bremen"), after a place of the tables that ends a side
    ("Hertha Berlin Wolfsburg"), beside a side of two words the document names alone; two
    words are two sides. Each side is a name of no label
    (a team, as the report's other teams tell)."""
    start, end = ent.start, ent.end
    if not _between_fixtures(ent, t):
        return [ent]
    cut = _side_cut(start, end, t, known)
    if cut is None:
        return [ent]
    from spacy.tokens import Span

    return [Span(ent.doc, start, cut, label="NAME"), Span(ent.doc, cut, end, label="NAME")]


def _between_fixtures(ent: Span, t: Tokens) -> bool:
    """Whether ``ent`` is a run of two capitalised words or more between two "vs."."""
    start, end = ent.start, ent.end
    return (
        end - start >= 2
        and start > 0
        and end < t.n
        and t.lower[start - 1] in VERSUS
        and t.lower[end] in VERSUS
        and all(t.orth[k][:1].isupper() and t.alpha[k] for k in range(start, end))
    )


def _side_cut(start: int, end: int, t: Tokens, known: frozenset[str]) -> int | None:
    """Where a run of two teams' names (tokens ``start:end``) is cut (``fixture_pieces``)."""
    cuts = range(start + 1, end)

    def named(a: int, b: int) -> bool:
        key = name_key(t.span_text(a, b))
        return key in known or key in PLACE_KEYS

    both = [k for k in cuts if named(start, k) and named(k, end)]
    if both:
        return both[0]
    club = [k for k in cuts if t.lower[k] in CLUB_FIRST_WORDS]
    if club:
        return club[0]
    placed = [k for k in cuts if name_key(t.orth[k - 1]) in PLACE_KEYS]
    if placed:
        return placed[0]
    # a side of two words or more that the document names alone: "Real Betis" of "Real
    # Betis Osasuna"; one word may begin a side's name as well ("Hertha" of "Hertha Berlin")
    longer = [
        k
        for k in cuts
        if (k - start > 1 and name_key(t.span_text(start, k)) in known)
        or (end - k > 1 and name_key(t.span_text(k, end)) in known)
    ]
    if longer:
        return longer[0]
    return start + 1 if end - start == 2 else None


def place_pieces(ent: Span, t: Tokens) -> list[Span]:
    """A name of two places of the tables run together, cut into them: a headline or a
    dateline that lost its line break or its punctuation runs one place into the next
    ("... in Europe" over "Barcelona and Spain midfielder ..."). A place of the tables of
    several words stays whole ("Guinea Bissau" where the table has it), as a person's name
    does ("Paris Jackson"); the cut is at a space only ("Congo-Brazzaville")."""
    start, end = ent.start, ent.end
    if ent.label_ == "PERSON" or end - start < 2 or name_key(ent.text) in PLACE_KEYS:
        return [ent]
    for k in range(start + 1, end):
        if t.idx[k] == t.end_char[k - 1]:
            continue
        if (
            name_key(t.span_text(start, k)) in PLACE_KEYS
            and name_key(t.span_text(k, end)) in PLACE_KEYS
        ):
            from spacy.tokens import Span

            return [Span(ent.doc, start, k, label="GPE"), Span(ent.doc, k, end, label="GPE")]
    return [ent]


def pieces(found: Sequence[Span], t: Tokens, earlier: Sequence[RawMention], raw: str) -> list[Span]:
    """The names ``found`` in a block, each run-on cut into its names; ``earlier``: the
    document's mentions before the block; ``raw``: the block's own characters."""
    known: frozenset[str] = frozenset()
    if any(_between_fixtures(e, t) for e in found):  # the keys are needed there only
        known = frozenset(name_key(t.span_text(e.start, e.end)) for e in found)
        known |= frozenset(name_key(m.text) for m in earlier)
    # a date's or a count's numbers are its own ("March 1-2", "the 12th")
    return [p for e in found for p in (_cut(e, t, known, raw) if e.label_ in LABEL_TYPES else [e])]


def _cut(ent: Span, t: Tokens, known: frozenset[str], raw: str) -> list[Span]:
    return [
        p
        for d in dash_pieces(ent, t, raw)
        for r in result_pieces(d, t)
        for f in fixture_pieces(unmarked(r, t), t, known)
        for p in place_pieces(f, t)
    ]


def unmarked(ent: Span, t: Tokens) -> Span:
    """The name ``ent`` without a score, a minute or a time zone after it
    (``without_marks``). A name the recogniser gave a product's, a law's or a work's label for
    the number it held ("Vidal 73'" read as a law) is left without a label: the name's words
    and its document tell its kind."""
    end = without_marks(ent.start, ent.end, t)
    if end == ent.end:
        return ent
    from spacy.tokens import Span

    label = ent.label_ if ent.label_ in NUMBERLESS else "NAME"
    return Span(ent.doc, ent.start, end, label=label)
