"""Page structure read as structure: no fact between two cells of a table row, between the
entries of a list, or from a table row that is no sentence.

A web page's table row reaches extraction as one block, its cells joined by " | "
(``kg.ingest.html``), and a list may reach it run together in one paragraph ("• A • B") or as
one sentence ("X in A; Y in B, C", "Turkey, Poland, Bonaire"). The parser reads such text as
a sentence, and both the rules and the relation model then read its neighbours as related:
a constituency as its member's residence, a column heading as a person of the next column's
nationality, one hotel's city as the next hotel's. A document given as one block (a JSON
record's text) may begin with its headline or carry a heading on a line of its own, which the
parser runs into the sentence after it: no fact within one sentence crosses such a line
(kg.extract.cuts.hard_breaks). Each name keeps its mention (the entities stay); only facts are
dropped.
"""

from __future__ import annotations

from dataclasses import dataclass

from kg.defaults import LIST_MIN_ITEMS
from kg.extract.cuts import hard_breaks, headline_end
from kg.extract.links import is_country
from kg.extract.records import MODEL_ACROSS, DocExtraction
from kg.extract.tokens import Tokens, edges
from kg.names import place_name

# What separates the cells of a table row (kg.ingest.html joins them so) and the entries of a
# list written into one paragraph (a bullet the page's markup did not make a list item)
SEPARATORS = (" | ", "•")
# A finite verb's tags: a table cell that has one is a sentence, and may state a fact
FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})
NOMINAL = frozenset({"NOUN", "PROPN"})
PLACE_LABELS = frozenset({"GPE", "LOC"})
# What a list states between its own entries: the children a sentence lists are siblings, the
# singles or works it lists in order follow one another ("four children: Paul, Alexandre,
# Nicolas and Charles"; "three singles: A, B and C")
AMONG_ENTRIES = frozenset({"sibling", "follows", "followed_by"})


@dataclass(frozen=True)
class _Cell:
    start: int  # block-relative characters
    end: int
    sentence: bool  # it has a finite verb


def cells(text: str, tab: Tokens | None = None) -> list[_Cell]:
    """The block's cells: its text cut at every separator (one cell where there is none).
    With ``tab`` (the block's tokens), each cell says whether it has a finite verb."""
    bounds = [0]
    for sep in SEPARATORS:
        at = text.find(sep)
        while at >= 0:
            bounds += [at, at + len(sep)]
            at = text.find(sep, at + len(sep))
    bounds.append(len(text))
    bounds = sorted(bounds)
    out = []
    for s, e in zip(bounds[::2], bounds[1::2], strict=True):
        verb = tab is not None and any(
            s <= tab.idx[i] < e and tab.tag[i] in FINITE for i in range(tab.n)
        )
        out.append(_Cell(s, e, verb))
    return out


def _cell_of(cs: list[_Cell], at: int) -> int:
    for n, c in enumerate(cs):
        if at < c.end:
            return n
    return len(cs) - 1


def lists(tab: Tokens, places: frozenset[int] = frozenset()) -> dict[int, int]:
    """The entries of the block's lists of names: an entry's head noun -> the list's first.

    A list is a coordination of nouns (spaCy's ``conj`` links, which chain each conjunct to the
    one before) of LIST_MIN_ITEMS entries or more: "X and Y" is a pair a sentence may relate
    ("X and his wife Y"), and the parser reads "Vienna, Austria" as two conjuncts too.
    ``places``: the tokens of the block's names of places (spaCy's GPE and LOC)."""
    first: dict[int, int] = {}  # a later conjunct -> the coordination's first
    merged: set[int] = set()  # conjuncts that are their predecessor's place ("Vienna, Austria")
    for i in range(tab.n):
        h = tab.head[i]
        if tab.dep[i] == "conj" and tab.pos[i] in NOMINAL and tab.pos[h] in NOMINAL:
            first[i] = first.get(h, h)
            if i in places and _its_place(tab, h, i):
                merged.add(i)
    members: dict[int, list[int]] = {}
    for i, f in first.items():
        if i not in merged:
            members.setdefault(f, [f]).append(i)
    out: dict[int, int] = {}
    for f, ms in members.items():
        if len(ms) >= LIST_MIN_ITEMS:
            out.update(dict.fromkeys(ms, f))
    return out


def _its_place(tab: Tokens, h: int, i: int) -> bool:
    """Whether conjunct ``i`` (a place) follows ``h`` after a comma alone and ``h`` names no
    country: the parser makes conjuncts of a place and the place it lies in ("Rochester, N.Y.,
    and Dade County, Fla."), one entry of the list; two countries side by side are two, and so
    are two large cities of the places table ("Berlin, Hamburg and Munich")."""
    lo = edges(tab, i)[0]
    if lo != h + 2 or tab.orth[h + 1] != ",":
        return False
    outer = tab.span_text(edges(tab, h)[0], h + 1)
    if _city(outer) and _city(tab.span_text(lo, i + 1)):
        return False
    return not is_country(outer)


def _city(text: str) -> bool:
    row = place_name(text, "GPE")
    return row is not None and row[1] == "city"


def entry(tab: Tokens, entries: dict[int, int], i: int) -> tuple[int, int] | None:
    """(list, entry) of token ``i``: the lowest entry of a list it hangs from (an entry's
    subtree, less the later entries', which hang from it), or None."""
    for _ in range(tab.n):
        if i in entries:
            return entries[i], i
        if tab.head[i] == i:
            return None
        i = tab.head[i]
    return None


def _top_semicolons(text: str) -> list[int]:
    """Where ``text`` has a semicolon outside brackets: inside them, semicolons part a name's
    spellings ("Chupong Changprung (Thai; ...; RTGS: Dan Chupong)"), not a list's entries."""
    depth, out = 0, []
    for n, c in enumerate(text):
        if c in "([{":
            depth += 1
        elif c in ")]}":
            depth = max(depth - 1, 0)
        elif c == ";" and not depth:
            out.append(n)
    return out


def _across_semicolons(
    text: str, start: int, end: int, spans: list[tuple[int, int]], offset: int
) -> bool:
    """Whether the names (document spans) stand in two entries of a list whose entries the
    sentence ``text[start:end]`` separates by semicolons ("X in A; Y in B; Z in C"): a
    sentence of LIST_MIN_ITEMS entries or more so separated is a list, not clauses."""
    start = max(start, 0)
    if text.count(";", start, end) < LIST_MIN_ITEMS - 1:
        return False
    semis = [start + n for n in _top_semicolons(text[start:end])]
    if len(semis) < LIST_MIN_ITEMS - 1:
        return False
    left = min(e for _, e in spans) - offset
    right = max(s for s, _ in spans) - offset
    return any(left <= n < right for n in semis)


def _across_lines(lines: list[int], spans: list[tuple[int, int]], offset: int) -> bool:
    """Whether a hard line break (block-relative) lies between the names (document spans)."""
    left = min(e for _, e in spans) - offset
    right = max(s for s, _ in spans) - offset
    return any(left <= n < right for n in lines)


def _place_tokens(out: DocExtraction, tab: Tokens, offset: int) -> frozenset[int]:
    """The tokens of the block's names of places (its mentions are the last of ``out``)."""
    found: set[int] = set()
    for m in reversed(out.mentions):
        if m.start < offset:
            break
        if m.label in PLACE_LABELS and (got := tab.char_span(m.start - offset, m.end - offset)):
            found.update(range(*got))
    return frozenset(found)


def apart(out: DocExtraction, tab: Tokens, offset: int, kind: str, facts_from: int) -> None:
    """Drop the block's facts (those from ``facts_from``) whose names the block's structure
    sets apart: in two cells of a table row or of a bulleted run, in two entries of a list of
    names, on two sides of a headline's or a heading's line, or in a table cell that is no
    sentence (no finite verb: cells side by side)."""
    if len(out.facts) == facts_from:
        return
    cs = cells(tab.text, tab if kind == "table" else None)
    entries = lists(tab, _place_tokens(out, tab, offset))
    raw = out.document.text[offset : offset + len(tab.text)]
    lines = hard_breaks(raw, headline_end(out.document.text, offset, raw)) if "\n" in raw else []

    def place(span: tuple[int, int]) -> tuple[int, tuple[int, int] | None]:
        s, e = span[0] - offset, span[1] - offset
        got = tab.char_span(s, e) if entries else None
        return _cell_of(cs, s), entry(tab, entries, tab.root(*got)) if got else None

    kept = out.facts[:facts_from]
    for f in out.facts[facts_from:]:
        m = out.mentions[f.subject]
        spans = [(m.start, m.end), f.object_span]
        if f.of is not None:
            spans.append((out.mentions[f.of].start, out.mentions[f.of].end))
        places = [place(s) for s in spans]
        if len({c for c, _ in places}) > 1 or (kind == "table" and not cs[places[0][0]].sentence):
            continue
        found = {e for _, e in places if e is not None}
        if len({lst for lst, _ in found}) < len(found) and f.predicates[0] not in AMONG_ENTRIES:
            continue  # two entries of one list
        if _across_semicolons(
            tab.text, f.sentence[0] - offset, f.sentence[1] - offset, spans, offset
        ):
            continue
        if lines and f.rule != MODEL_ACROSS and _across_lines(lines, spans, offset):
            continue  # a headline or a heading parsed into the sentence after it
        kept.append(f)
    out.facts[:] = kept
