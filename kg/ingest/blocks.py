"""Blocks: a text cut into headings, list items and paragraphs, kept or marked as furniture.

Ingest never edits the text (every offset kg reports points into the original); it splits it
into blocks, gives the news structure its kinds (see ``kg.ingest.news``) and marks the page
furniture with the reason it was dropped (see ``kg.ingest.furniture``), so extraction skips it
and users can see what was left out. A block too long to parse at once is cut into pieces at
sentence ends (see ``pieces``).
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import replace

from kg.defaults import MAX_BLOCK
from kg.ingest.front_matter import REASON as FRONT_MATTER
from kg.ingest.front_matter import front_matter
from kg.ingest.furniture import INLINE, furniture
from kg.ingest.news import NewsMeta, merged, structure
from kg.model import Block, Document

ITEM = re.compile(r"^\s*(?:[-*+•·–]|\d{1,3}[.)])\s+")
MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+")
_TERMINAL = tuple(".!?:;…\"”'’)")


def _lines(text: str) -> Iterator[tuple[int, int]]:
    pos = 0
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        lead = len(body) - len(body.lstrip())
        stripped = body.strip()
        if stripped:
            yield pos + lead, pos + lead + len(stripped)
        else:
            yield pos, pos  # a blank line
        pos += len(line)


# Words a wrapped line often ends on, never a heading: "... said the\nCompany ..."
_BREAK_WORDS = set(
    "the a an of and or to in for with by on at from as that said says its their his her".split()
)


def _row(line: str) -> bool:
    """Whether ``line`` reads as a row of a table of results: two or more figures."""
    return sum(1 for w in line.split() if any(c.isdigit() for c in w)) >= 2


def _joins(prev: str, nxt: str, prev_len: int) -> bool:
    """Whether line ``nxt`` continues the block ending in line ``prev`` (``prev_len`` long) as a
    hard-wrapped sentence or as the next row of a table (a table's rows are parsed together, so
    that the names in them have each other for context), rather than opening a block."""
    if _row(prev) and _row(nxt) and not ITEM.match(nxt):
        return True
    if ITEM.match(nxt) or MD_HEADING.match(nxt) or MD_HEADING.match(prev):
        return False
    if prev.endswith(_TERMINAL):
        return False
    if nxt[:1].islower() or prev.endswith((",", "-", "–", "—")):
        return True
    last = prev.split()[-1].lower() if prev.split() else ""
    return prev_len >= 50 and last in _BREAK_WORDS


def _heading_like(s: str) -> bool:
    words = s.split()
    if not words or len(words) > 14 or s.endswith((".", ",", ";")):
        return False
    # a figure makes a line a table's row, a score or an entry of a schedule ("Russia 2 Italy
    # 1", "May 17 v Northampton"), not a section's heading
    if any(c.isdigit() for c in s):
        return False
    caps = sum(1 for w in words if w[:1].isupper() or not w[:1].isalpha())
    return caps / len(words) >= 0.6


def spans(text: str, *, markdown: bool = False) -> list[Block]:
    """``text`` as blocks of kind "heading", "item" or "paragraph": a line each, hard-wrapped
    lines joined (see ``_joins``); nothing is judged yet."""
    found: list[tuple[int, int]] = []
    last = (0, 0)  # the last line of found[-1]: only it is compared, so joining stays linear
    for start, end in _lines(text):
        if start == end:
            found.append((start, end))
            continue
        if (
            found
            and found[-1][0] != found[-1][1]
            and _joins(text[last[0] : last[1]], text[start:end], found[-1][1] - found[-1][0])
        ):
            found[-1] = (found[-1][0], end)
        else:
            found.append((start, end))
        last = (start, end)
    out = []
    for s, e in found:
        if s == e:
            continue
        line = text[s:e]
        if ITEM.match(line):
            kind = "item"
        elif (markdown and MD_HEADING.match(line)) or _heading_like(line):
            kind = "heading"
        else:
            kind = "paragraph"
        out.append(Block(s, e, kind))
    return out


def analyse(
    text: str, *, markdown: bool = False, language: str | None = None
) -> tuple[tuple[Block, ...], NewsMeta, str]:
    """The blocks of ``text`` (news structure given its kinds, furniture marked, long blocks
    cut), what the news structure says, and the text's main language."""
    top = front_matter(text) if markdown else None
    if top is None:
        blocks, meta = structure(text, spans(text, markdown=markdown))
        judged, lang = furniture(text, blocks, language=language)
        return finish(text, judged), meta, lang
    end, said = top
    # the block is blanked for the rest of ingest, so that offsets stay where they were
    rest = re.sub(r"[^\n]", " ", text[:end]) + text[end:]
    blocks, meta = structure(rest, spans(rest, markdown=markdown))
    judged, lang = furniture(rest, blocks, language=language)
    dropped = Block(0, len(text[:end].rstrip()), "furniture", FRONT_MATTER)
    return (dropped, *finish(text, judged)), merged(said, meta), lang


def segment(text: str, *, markdown: bool = False) -> tuple[Block, ...]:
    """Split ``text`` into blocks and mark the page furniture among them."""
    return analyse(text, markdown=markdown)[0]


def finish(text: str, blocks: list[Block]) -> tuple[Block, ...]:
    """``blocks`` with the long ones cut into pieces and inline link markup marked."""
    out: list[Block] = []
    marks: set[tuple[int, int]] = set()
    for b in blocks:
        if b.kind == "furniture":
            out.append(b)
            continue
        inline = [m.span() for m in INLINE.finditer(text, b.start, b.end)]
        for s, e in pieces(text, b.start, b.end):
            out.append(replace(b, start=s, end=e))
        marks.update(inline)
    out += [Block(a, b, "furniture", "inline link markup") for a, b in sorted(marks)]
    out.sort(key=lambda b: (b.start, -b.end))
    return tuple(out)


_SENTENCE_END = re.compile(r"[.!?…。！？][\"”'’)\]]*(?=\s)")
_SPACE = re.compile(r"\s+")
_JOINERS = {"\u200d", "\u200c", "\u034f", "\u2060"}


def pieces(text: str, start: int, end: int, limit: int = MAX_BLOCK) -> Iterator[tuple[int, int]]:
    """``text[start:end]`` as spans of at most ``limit`` characters, cut at a sentence end if
    one lies in the second half of the window, else at whitespace, else between characters
    that do not combine. Offsets stay offsets into ``text``; the whitespace at a cut is left out.
    """
    while end - start > limit:
        cut = _cut(text, start, start + limit)
        yield start, cut
        space = _SPACE.match(text, cut)
        start = space.end() if space else cut
    if start < end:
        yield start, end


def _last(pattern: re.Pattern[str], text: str, pos: int, endpos: int) -> re.Match[str] | None:
    found = None
    for found in pattern.finditer(text, pos, endpos):  # noqa: B007 - the last one is wanted
        pass
    return found


def _cut(text: str, lo: int, hi: int) -> int:
    """Where to end a piece that starts at ``lo`` and may not reach past ``hi``."""
    mid = lo + (hi - lo) // 2
    if sentence_end := _last(_SENTENCE_END, text, mid, hi):
        return sentence_end.end()
    if space := _last(_SPACE, text, mid, hi + 1):
        return space.start()
    cut = hi
    # no space at all (a URL, a run of emoji): cut between two characters that do not combine
    while cut > mid and (
        unicodedata.combining(text[cut])
        or text[cut] in _JOINERS
        or text[cut - 1] in _JOINERS
        or "\ufe00" <= text[cut] <= "\ufe0f"
        or "\U0001f3fb" <= text[cut] <= "\U0001f3ff"
    ):
        cut -= 1
    return cut


def split_long(text: str, blocks: tuple[Block, ...]) -> tuple[Block, ...]:
    """Given blocks in order, every kept one longer than MAX_BLOCK cut into pieces."""
    if all(b.kind == "furniture" or b.end - b.start <= MAX_BLOCK for b in blocks):
        return tuple(sorted(blocks, key=lambda b: (b.start, -b.end)))
    out = [
        Block(s, e, b.kind, b.reason)
        for b in blocks
        for s, e in (pieces(text, b.start, b.end) if b.kind != "furniture" else [(b.start, b.end)])
    ]
    return tuple(sorted(out, key=lambda b: (b.start, -b.end)))


def clean_text(doc: Document, block: Block) -> str:
    """A kept block's text with inline furniture and Markdown marks blanked out.

    Blanks, not deletions: the result has the block's length, so offsets stay true.
    """
    chars = list(doc.text[block.start : block.end])
    # blocks are sorted by start: look only at those inside this one, and at the one just
    # before, which may be inline markup straddling a cut (a scan of every block, for each
    # block, is quadratic in a long document)
    i = max(0, bisect.bisect_left(doc.blocks, block.start, key=lambda b: b.start) - 1)
    while i < len(doc.blocks) and doc.blocks[i].start < block.end:
        b = doc.blocks[i]
        i += 1
        # inline markup may straddle the cut between two pieces of a long block: blank its part
        s, e = max(b.start, block.start), min(b.end, block.end)
        if b.kind == "furniture" and s < e:
            chars[s - block.start : e - block.start] = " " * (e - s)
    s = "".join(chars)
    if block.kind == "item":
        m = ITEM.match(s)
        if m:
            s = " " * m.end() + s[m.end() :]
    m = MD_HEADING.match(s)
    if m:
        s = " " * m.end() + s[m.end() :]
    # Markdown emphasis and links: **x**, _x_, [text](url)
    s = re.sub(r"(\*\*|__|`)", lambda m: " " * len(m.group(0)), s)
    s = re.sub(  # bounded, so a line of unclosed brackets stays linear
        r"\[([^\]\n]{1,300})\]\([^)\n]{0,2000}\)",
        lambda m: " " + m.group(1) + " " * (len(m.group(0)) - len(m.group(1)) - 1),
        s,
    )
    if block.kind in _RECASED and sum(c.isupper() for c in s) > sum(c.islower() for c in s):
        s = _CAPS_WORD.sub(_recase, s)
    # hard-wrapped lines: a newline inside a block is a space
    return s.replace("\r", " ").replace("\n", " ")


# Wire copy writes headlines and datelines in capitals ("BEIJING 1996-08-30"), which spaCy's
# models, trained on mixed case, read poorly: those blocks are parsed with their capitalised
# words written "Beijing", one character for one, so offsets stay true.
_RECASED = frozenset({"headline", "dateline"})
_CAPS_WORD = re.compile(r"\b[^\W\d_]{2,}\b")


def _recase(m: re.Match[str]) -> str:
    w = m.group(0)
    if not w.isupper():
        return w
    new = w[0] + w[1:].lower()
    return new if len(new) == len(w) else w
