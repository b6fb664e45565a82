"""Quotation marks: the quoted words of a paragraph, and whether a paragraph goes on with a
quotation the one before it left open."""

from __future__ import annotations

import re

from kg.lexicon import QUOTE_MARKS

# any opening or closing quotation mark
_MARK = re.compile(
    "[" + re.escape("".join(sorted({*QUOTE_MARKS, *"".join(QUOTE_MARKS.values())}))) + "]"
)


def quote_spans(text: str, running: bool = False) -> list[tuple[int, int, bool]]:
    """The quoted words of a text as (start, end, closed): offsets inside the marks; a last
    quotation left open runs to the end; ``running``: a quotation is open at the start.

    >>> quote_spans('He said: “We won.” Then "more')
    [(10, 17, True), (25, 29, False)]
    >>> quote_spans('we won," he said.', running=True)
    [(0, 7, True)]
    """
    out: list[tuple[int, int, bool]] = []
    start, closers = (0, '"”') if running else (-1, "")
    for m in _MARK.finditer(text):  # the marks alone: no other character moves the state
        i, ch = m.start(), m.group()
        if start < 0:
            if ch in QUOTE_MARKS:
                start, closers = i + 1, QUOTE_MARKS[ch]
        elif ch in closers:
            out.append((start, i, True))
            start = -1
    if start >= 0:
        out.append((start, len(text), False))
    return out


def carried_over(text: str) -> bool:
    """Whether a paragraph after one whose quotation was left open goes on with its words
    though it opens with no mark: its first mark closes (set after a word or punctuation and
    before a blank or the end, as in 'It is our duty," he said'). Text that puts each of a
    quotation's sentences on a line of its own leaves them so."""
    m = _MARK.search(text)
    if m is None or m.start() == 0:
        return False
    after = text[m.end() : m.end() + 1]
    return (
        m.group() in '"”' and not text[m.start() - 1].isspace() and (not after or after.isspace())
    )


def has_marks(text: str) -> bool:
    """Whether the text holds any quotation mark."""
    return _MARK.search(text) is not None
