"""Quotation marks: the quoted words of a paragraph, and whether a paragraph goes on with a
quotation the one before it left open."""

from __future__ import annotations

import re

from kg.defaults import QUOTE_REPAIR_MARGIN
from kg.lexicon import CLOSING_QUOTE_MARKS, QUOTE_MARKS

# any opening or closing quotation mark
_MARK = re.compile("[" + re.escape("".join(sorted({*QUOTE_MARKS, *CLOSING_QUOTE_MARKS}))) + "]")


def quote_spans(text: str, running: bool = False) -> list[tuple[int, int, bool]]:
    """The quoted words of a text as (start, end, closed): offsets inside the marks; a last
    quotation left open runs to the end; ``running``: a quotation is open at the start.

    >>> quote_spans('He said: “We won.” Then "more')
    [(10, 17, True), (25, 29, False)]
    >>> quote_spans('we won," he said.', running=True)
    [(0, 7, True)]
    """
    if not running and (spans := repaired(text)) is not None:
        return spans
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


# the verbs news attributes quoted words with, as set beside the marks ("he said", "told DW")
_SAID = (
    r"(?:said|says|told|tells|added|adds|asked|asks|wrote|writes|explained|explains|noted|"
    r"stressed|insisted|argued|stated|warned|replied|recalled|continued|concluded|pointed out)"
)
# an attribution right after a mark: "said Name", ", he told", "the mayor asked", "Name said"
_ATTRIBUTION = re.compile(rf"[\s,]*(?:[\w'’-]+\s+){{0,4}}?{_SAID}\b")
# a sentence's end inside a span of narration: a stop, a blank, then a capital
_SENTENCE_END = re.compile(r"[.!?…]\s+(?=[A-Z0-9])")


def repaired(text: str) -> list[tuple[int, int, bool]] | None:
    """The quoted words of a paragraph whose straight marks are out of step (one mark lost,
    as text scraped from the web has now and then): the pairing, with one mark left out, whose
    quotations look most like speech beside their attributions, if it beats pairing the marks
    in order by ``QUOTE_REPAIR_MARGIN``; None when the pairing in order stands. The mark left
    out closes the sentence before it when set after a stop or comma, else opens the words up
    to the next sentence's end.

    >>> t = 'Mine," he said. "Ours, I hope," Li said. "Yes," she said.'
    >>> [t[a:b] for a, b, _ in repaired(t)]
    ['Mine,', 'Ours, I hope,', 'Yes,']
    """
    marks = [m.start() for m in _MARK.finditer(text)]
    if len(marks) < 3 or len(marks) % 2 == 0 or any(text[i] != '"' for i in marks):
        return None  # curly marks say which way they face; an even count is taken in step

    def pairing(k: int) -> list[tuple[int, int, bool]]:
        rest = marks[:k] + marks[k + 1 :]
        out = [(a + 1, b, True) for a, b in zip(rest[::2], rest[1::2], strict=True)]
        lost = _lost_pair(text, marks, k)
        return sorted(out + [lost]) if lost is not None else out

    def score(k: int) -> int:
        return sum(_speech_like(text, a, b) for a, b, _ in pairing(k))

    in_order = score(len(marks) - 1)
    best = max(range(0, len(marks) - 1, 2), key=lambda k: (score(k), -k))
    if score(best) - in_order < QUOTE_REPAIR_MARGIN:
        return None
    # the sentence before a closer whose opener was lost is a guess, read only as speech:
    # set on a comma, "?" or "!" before "he said" ("..., we go," she said), not narration
    i = marks[best]
    speech = text[:i].rstrip()[-1:] in (",", "?", "!") and _ATTRIBUTION.match(text, i + 1)
    return [span for span in pairing(best) if span[1] != i or speech]


def _speech_like(text: str, start: int, end: int) -> int:
    """How much the words between two marks look like a quotation beside its attribution."""
    words = text[start:end].strip(" .…'‘’()")
    if not words:
        return 0
    score = 1 if words[0].isupper() or words[0].isdigit() else -1 if words[0].islower() else 0
    last = text[start:end].rstrip()[-1:]
    score += last in (",", ".", "?", "!", "…")
    # words before "he said" end on a comma, "?" or "!": "... a stop." then "People told me"
    # is narration after narration
    score += last in (",", "?", "!") and _ATTRIBUTION.match(text, end + 1) is not None
    return score - (_ATTRIBUTION.match(words) is not None)


def _lost_pair(text: str, marks: list[int], k: int) -> tuple[int, int, bool] | None:
    """The quoted words of mark ``k``, whose partner is lost: the sentence it closes (set after
    a stop or comma) or the words it opens up to the next sentence's end."""
    i = marks[k]
    if k == len(marks) - 1:
        return (i + 1, len(text), False)  # the last mark opens words the paragraph leaves open
    if text[:i].rstrip()[-1:] in (",", ".", "?", "!", "…"):
        prev = marks[k - 1] + 1 if k else 0
        body = text[prev:i].rstrip()
        ends = list(_SENTENCE_END.finditer(text, prev, prev + len(body) - 1))
        if ends:
            return (ends[-1].end(), i, True)
        return (prev + len(body) - len(body.lstrip()), i, True) if not k else None
    stop = _SENTENCE_END.search(text, i + 1, marks[k + 1])
    end = stop.start() + 1 if stop else marks[k + 1]
    words = text[i + 1 : end]
    if not any(c.isalnum() for c in words):
        return None
    return (i + 1, end - (len(words) - len(words.rstrip())), True)


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
