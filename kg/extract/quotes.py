"""Quotations: who said what, read from a parsed paragraph.

- Direct: quoted words next to a speech verb and its subject, before it (``"...," said X``,
  ``"...," X told Reuters``) or after it (``X said: "..."``, ``X said that "..."``). Quoted
  words without a verb of their own in a paragraph whose other quoted words are attributed
  (``"A," he said. "B."``) are the same speaker's, and a quotation left open at a paragraph's
  end that the next paragraph reopens runs on (news opens each paragraph of a long quotation
  and closes only the last).
- Indirect: a speech verb's clause (``X said that ...``, ``..., the ministry said``) and the
  clause ``according to X`` hangs from.

The speaker is the verb's subject: a name, the name a role noun hangs from ("a spokesman for
Siemens", "Siemens' spokesman"), or a pronoun or role ("he", "the ministry") that resolution
maps to the nearest name before it with the entity type that fits (``RawQuote.refer``).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from typing import NamedTuple

from kg.defaults import (
    CONTINUED_QUOTE_CONFIDENCE,
    DIRECT_QUOTE_CONFIDENCE,
    INDIRECT_CONFIDENCE,
    QUOTE_MIN_WORDS,
    REFERRED_SPEAKER_FACTOR,
    SPEAKER_LOOKBACK,
    STATEMENT_MIN_WORDS,
)
from kg.extract.records import DocExtraction, RawQuote
from kg.extract.tokens import Tokens
from kg.lexicon import NOUN_TYPE, QUOTE_MARKS, ROLE_NOUNS, SPEAKER_PRONOUNS, SPEECH_VERBS

_SUBJECT = "nsubj"  # not nsubjpass: "was told" has the listener as its subject
_CLAUSES = ("ccomp",)  # the clause a speech verb says
_CLIMB = ("conj", "xcomp", "advcl")  # "smiled and said": the subject is the first verb's
# a role noun's words that name whom it speaks for: "Siemens spokesman", "Siemens'
# spokesman", "a spokesman for Siemens", "the head of the ministry"
_OWNERS = ("compound", "poss", "nmod")
_OWNER_PREPS = ("for", "of", "at")
_DEFINITE = frozenset({"the", "its", "his", "her", "their", "this"})
# what may lie between quoted words and their attribution: a comma, a colon, a dash, "that"
_BETWEEN = frozenset({",", ":", ";", "-", "–", "—", "that"})
_SENTENCE_END = re.compile(r"(?:^|[.!?:][\"”’)]?)\s*$")


class _Speaker(NamedTuple):
    mention: int | None
    refer: str
    span: tuple[int, int]  # document offsets of the name, pronoun or role noun
    rule: str
    candidates: tuple[int, ...]
    attribution: tuple[int, int]  # document offsets of the sentence that says who spoke


@dataclass
class _Piece:
    """Quoted words of one paragraph, as document offsets inside their marks."""

    start: int
    end: int
    opened: bool  # the opening mark is in this paragraph (else it runs on from the last)
    closed: bool
    speaker: _Speaker | None = None
    claimed: bool = False  # next to a speech verb whose speaker is no name: nobody's


@dataclass
class _Open:
    """A quotation left open at a paragraph's end: its pieces so far and their speaker."""

    pieces: list[_Piece] = field(default_factory=list)
    speaker: _Speaker | None = None


@dataclass
class _State:
    """What a document's earlier paragraphs leave for the next: the spans of quoted words
    (a name inside them is no one "he" stands for), the names that were a sentence's
    subject (who "he" most often is), and a quotation left open."""

    quoted: list[tuple[int, int]] = field(default_factory=list)
    subjects: set[int] = field(default_factory=set)
    open: _Open | None = None


def quote_spans(text: str) -> list[tuple[int, int, bool]]:
    """The quoted words of a text as (start, end, closed): offsets inside the marks; a last
    quotation left open runs to the end.

    >>> quote_spans('He said: “We won.” Then "more')
    [(10, 17, True), (25, 29, False)]
    """
    out: list[tuple[int, int, bool]] = []
    start, closers = -1, ""
    for i, ch in enumerate(text):
        if start < 0:
            if ch in QUOTE_MARKS:
                start, closers = i + 1, QUOTE_MARKS[ch]
        elif ch in closers:
            out.append((start, i, True))
            start = -1
    if start >= 0:
        out.append((start, len(text), False))
    return out


def read(out: DocExtraction, tab: Tokens, offset: int, token_mention: dict[int, int]) -> None:
    """Add one parsed paragraph's quotations to ``out.quotes`` (a quotation left open waits
    for the next paragraph, and ``finish`` ends it)."""
    text = tab.text
    lead = len(text) - len(text.lstrip())
    pieces = [_Piece(offset + a, offset + b, True, closed) for a, b, closed in quote_spans(text)]
    state = _state(out)
    state.quoted.extend((p.start, p.end) for p in pieces)
    state.subjects.update(
        m for i, m in token_mention.items() if tab.dep[i] in ("nsubj", "nsubjpass")
    )
    chain = state.open
    if chain is not None and not (pieces and pieces[0].start == offset + lead + 1):
        _close(out, state)  # the paragraph does not reopen the quotation: it ended unclosed
        chain = None
    if chain is not None:
        pieces[0].opened = False
    quote_of = _token_quotes(tab, offset, pieces)
    _verbs(out, tab, offset, token_mention, pieces, quote_of)
    _according(out, tab, offset, token_mention, quote_of, pieces)
    _inherit(text, offset, pieces, chain)
    _emit(out, state, pieces, chain)


def finish(out: DocExtraction) -> None:
    """End the document: a quotation left open at its last paragraph (news leaves the last
    mark out, now and then) counts if its speaker is known."""
    if isinstance(out.reading, _State):
        _close(out, out.reading)
    out.reading = None


def _state(out: DocExtraction) -> _State:
    if not isinstance(out.reading, _State):
        out.reading = _State()
    return out.reading


def _close(out: DocExtraction, state: _State) -> None:
    chain, state.open = state.open, None
    if chain is not None and chain.speaker is not None:
        _add(out, chain.pieces, chain.speaker)


def _token_quotes(tab: Tokens, offset: int, pieces: list[_Piece]) -> list[int]:
    """Each token's piece (its marks included), or -1."""
    quote_of = [-1] * tab.n
    for k, p in enumerate(pieces):
        a = bisect_left(tab.end_char, p.start - offset)  # the opening mark's token
        for i in range(a, tab.n):
            if tab.idx[i] > p.end - offset:
                break
            quote_of[i] = k
    return quote_of


def _verbs(
    out: DocExtraction,
    tab: Tokens,
    offset: int,
    token_mention: dict[int, int],
    pieces: list[_Piece],
    quote_of: list[int],
) -> None:
    """Attach each speech verb's speaker to the quoted words beside it, or read its clause."""
    for v in range(tab.n):
        if tab.lemma[v] not in SPEECH_VERBS or tab.pos[v] != "VERB" or quote_of[v] >= 0:
            continue
        subj = _subject(tab, v)
        if subj is None or quote_of[subj] >= 0:
            continue
        lo, hi = _attribution(tab, v, subj, quote_of)
        speaker = _speaker(out, tab, subj, offset, token_mention)
        if speaker is not None:
            sent = tab.sent(v)
            speaker = speaker._replace(
                attribution=(offset + sent.start_char, offset + sent.end_char)
            )
        beside = _beside(tab, lo, hi, quote_of, pieces)
        for k in beside:
            if speaker is None:
                pieces[k].claimed = True
            elif pieces[k].speaker is None:
                pieces[k].speaker = speaker
        if beside or speaker is None:
            continue
        for c in tab.children[v]:
            if tab.dep[c] not in _CLAUSES:
                continue
            if quote_of[c] >= 0:  # the clause is quoted words the marks did not set apart
                pieces[quote_of[c]].speaker = pieces[quote_of[c]].speaker or speaker
                continue
            a, b = _edges(tab, c)
            _statement(out, tab, offset, a, b, speaker, quote_of, pieces, "")


def _according(
    out: DocExtraction,
    tab: Tokens,
    offset: int,
    token_mention: dict[int, int],
    quote_of: list[int],
    pieces: list[_Piece],
) -> None:
    """ "According to X, ...": X's statement is the clause the phrase hangs from, less it."""
    for i in range(tab.n):
        if tab.lower[i] != "according" or quote_of[i] >= 0:
            continue
        to = next((c for c in tab.children[i] if tab.lower[c] == "to"), None)
        obj = next((c for c in tab.children[to] if tab.dep[c] == "pobj"), None) if to else None
        if obj is None:
            continue
        speaker = _speaker(out, tab, obj, offset, token_mention, according=True)
        if speaker is None:
            continue
        pa, pb = _edges(tab, i)
        sent = tab.sent(i)
        speaker = speaker._replace(attribution=(offset + sent.start_char, offset + sent.end_char))
        head = tab.head[i]
        if head == i:
            continue
        a, b = _edges(tab, head)
        _statement(out, tab, offset, a, b, speaker, quote_of, pieces, "", cut=(pa, pb))


def _statement(
    out: DocExtraction,
    tab: Tokens,
    offset: int,
    a: int,
    b: int,
    speaker: _Speaker,
    quote_of: list[int],
    pieces: list[_Piece],
    rule: str,
    cut: tuple[int, int] | None = None,
) -> None:
    """Tokens a..b (less ``cut``) as what the speaker said, when they are words enough."""
    keep = [i for i in range(a, b + 1) if cut is None or not cut[0] <= i <= cut[1]]
    while keep and (tab.punct[keep[0]] or tab.lower[keep[0]] == "that"):
        keep.pop(0)
    while keep and tab.punct[keep[-1]] and quote_of[keep[-1]] < 0:
        keep.pop()
    if sum(1 for i in keep if not tab.punct[i]) < STATEMENT_MIN_WORDS:
        return
    for i in keep:  # quoted words inside the statement are part of it, not another quotation
        if quote_of[i] >= 0:
            pieces[quote_of[i]].claimed = True
    parts, run = [], [keep[0]]
    for i in keep[1:]:
        if i != run[-1] + 1:
            parts.append(run)
            run = []
        run.append(i)
    parts.append(run)
    words = " ".join(tab.span_text(r[0], r[-1] + 1).strip(" ,") for r in parts)
    start, end = offset + tab.idx[keep[0]], offset + tab.end_char[keep[-1]]
    conf = INDIRECT_CONFIDENCE * (REFERRED_SPEAKER_FACTOR if speaker.mention is None else 1)
    out.quotes.append(_raw(speaker, " ".join(words.split()), False, conf, (start, end)))


def _raw(
    speaker: _Speaker, text: str, direct: bool, conf: float, span: tuple[int, int]
) -> RawQuote:
    marks = 1 if direct else 0  # a direct quotation's passage holds its quotation marks
    passage = (
        min(span[0] - marks, speaker.attribution[0]),
        max(span[1] + marks, speaker.attribution[1]),
    )
    rule = (
        speaker.rule
        if speaker.rule != "quote.named"
        else ("quote.direct" if direct else "quote.indirect")
    )
    return RawQuote(
        speaker.mention,
        text,
        direct,
        rule,
        round(conf, 4),
        passage,
        speaker.span,
        span,
        speaker.refer,
        speaker.candidates,
    )


def _subject(tab: Tokens, v: int) -> int | None:
    """The verb's subject; for a verb joined to another ("nodded and said"), that one's."""
    for _ in range(3):
        subj = next((c for c in tab.children[v] if tab.dep[c] == _SUBJECT), None)
        if subj is not None or tab.dep[v] not in _CLIMB or tab.head[v] == v:
            return subj
        v = tab.head[v]
    return None


def _speaker(
    out: DocExtraction,
    tab: Tokens,
    s: int,
    offset: int,
    token_mention: dict[int, int],
    *,
    according: bool = False,
) -> _Speaker | None:
    """Who the subject token stands for: its name, the name its role noun speaks for, or
    (for a pronoun or a definite role noun) the type resolution looks for before it."""
    mentions = out.mentions
    span = (offset + tab.idx[s], offset + tab.end_char[s])
    named = "quote.according" if according else "quote.named"
    m = token_mention.get(s)
    if m is not None:
        return _Speaker(m, "", (mentions[m].start, mentions[m].end), named, (), span)
    word = tab.lower[s]
    if word in SPEAKER_PRONOUNS:
        return _referred(out, SPEAKER_PRONOUNS[word], span, "quote.pronoun")
    if tab.pos[s] not in ("NOUN", "PROPN"):
        return None
    kids = tab.children[s]
    for c in kids:  # "the company's chief, Jane Doe, said"
        if tab.dep[c] == "appos" and (m := token_mention.get(c)) is not None:
            return _Speaker(m, "", (mentions[m].start, mentions[m].end), named, (), span)
    if tab.lemma[s] in ROLE_NOUNS or NOUN_TYPE.get(tab.lemma[s]) == "Person":
        owners = [c for c in kids if tab.dep[c] in _OWNERS]
        owners += [
            o
            for c in kids
            if tab.dep[c] == "prep" and tab.lower[c] in _OWNER_PREPS
            for o in tab.children[c]
            if tab.dep[o] == "pobj"
        ]
        for o in owners:
            if (m := token_mention.get(o)) is not None:
                return _Speaker(m, "", (mentions[m].start, mentions[m].end), "quote.for", (), span)
    kind = NOUN_TYPE.get(tab.lemma[s])
    definite = any(tab.lower[c] in _DEFINITE for c in kids)
    if kind in ("Person", "Organization") and definite and tab.tag[s] in ("NN", "NNP"):
        return _referred(out, kind, span, "quote.role")
    return None


def _referred(out: DocExtraction, kind: str, span: tuple[int, int], rule: str) -> _Speaker:
    """A speaker named before ``span``: the mentions that may be it, nearest first, one per
    name, leaving out names inside quoted words ("'I met Obama,' he said" is not Obama)."""
    state = _state(out)
    seen: set[str] = set()
    found: list[int] = []
    for k in range(len(out.mentions) - 1, -1, -1):
        m = out.mentions[k]
        if m.end > span[0] or m.text in seen:
            continue
        if any(a <= m.start < b for a, b in state.quoted):
            continue
        seen.add(m.text)
        found.append(k)
        if len(found) >= SPEAKER_LOOKBACK:
            break
    # the names that were a sentence's subject first: "Merkel met Putin. 'We agreed,' she
    # said" is Merkel, though Putin is nearer
    found.sort(key=lambda k: k not in state.subjects)
    return _Speaker(None, kind, span, rule, tuple(found), span)


def _edges(tab: Tokens, i: int) -> tuple[int, int]:
    """The first and last token of ``i``'s subtree."""
    lo = hi = i
    todo = [i]
    while todo:
        t = todo.pop()
        lo, hi = min(lo, t), max(hi, t)
        todo.extend(tab.children[t])
    return lo, hi


def _attribution(tab: Tokens, v: int, subj: int, quote_of: list[int]) -> tuple[int, int]:
    """The tokens of "X said" or "said X", with what follows the verb up to quoted words
    ("told Reuters on Tuesday:"): the verb's own words, no clause or quotation."""
    a, b = _edges(tab, subj)
    lo, hi = min(v, a), max(v, b)
    j = hi + 1
    while j < tab.n and quote_of[j] < 0 and tab.pos[j] not in ("VERB", "AUX"):
        if tab.lower[j] in (".", "!", "?") or not _under(tab, j, v):
            break
        hi, j = j, j + 1
    while hi > lo and tab.lower[hi] in _BETWEEN:
        hi -= 1
    return lo, hi


def _under(tab: Tokens, j: int, v: int) -> bool:
    for _ in range(6):
        if j == v:
            return True
        if tab.head[j] == j:
            return False
        j = tab.head[j]
    return False


def _beside(tab: Tokens, lo: int, hi: int, quote_of: list[int], pieces: list[_Piece]) -> list[int]:
    """The pieces that end just before the attribution and begin just after it."""
    found = []
    j = lo - 1
    while j >= 0 and quote_of[j] < 0 and tab.lower[j] in _BETWEEN:
        j -= 1
    if j >= 0 and quote_of[j] >= 0 and pieces[quote_of[j]].closed:
        found.append(quote_of[j])
    j = hi + 1
    while j < tab.n and quote_of[j] < 0 and tab.lower[j] in _BETWEEN:
        j += 1
    if j < tab.n and quote_of[j] >= 0 and pieces[quote_of[j]].opened:
        if quote_of[j] not in found:
            found.append(quote_of[j])
    return found


def _inherit(text: str, offset: int, pieces: list[_Piece], chain: _Open | None) -> None:
    """Quoted words with no verb beside them take the speaker of the quotation they run on
    from, else of the paragraph's nearest attributed words, when they begin a sentence."""
    if chain is not None and pieces:
        first = pieces[0]
        if first.speaker is None and not first.claimed:
            first.speaker = chain.speaker
        elif chain.speaker is None:
            chain.speaker = first.speaker
    for k, p in enumerate(pieces):
        if p.speaker is not None or p.claimed:
            continue
        before = text[: p.start - offset - 1]
        if not _SENTENCE_END.search(before):
            continue  # a title or a phrase set in marks inside a sentence
        near = [q for q in pieces[:k][::-1] + pieces[k + 1 :] if q.speaker is not None]
        if near:
            p.speaker = near[0].speaker


def _emit(out: DocExtraction, state: _State, pieces: list[_Piece], chain: _Open | None) -> None:
    """Join neighbouring pieces of one speaker and add them; keep an unclosed last one open."""
    groups: list[_Open] = [chain] if chain is not None else []
    for k, p in enumerate(pieces):
        last = groups[-1] if groups else None
        runs_on = k == 0 and chain is not None
        if last is not None and (runs_on or (p.speaker is not None and p.speaker == last.speaker)):
            last.pieces.append(p)
            last.speaker = last.speaker or p.speaker
        else:
            groups.append(_Open([p], p.speaker))
    state.open = None
    if pieces and not pieces[-1].closed:
        state.open = groups.pop()
    for g in groups:
        if g.speaker is not None:
            _add(out, g.pieces, g.speaker)


def _add(out: DocExtraction, pieces: list[_Piece], speaker: _Speaker) -> None:
    text = out.document.text
    words = " ".join(" ".join(text[p.start : p.end].split()) for p in pieces).rstrip(",;:-–— ")
    if len(words.split()) < QUOTE_MIN_WORDS:
        return
    conf = DIRECT_QUOTE_CONFIDENCE
    if any(p.speaker is not speaker for p in pieces) or len(pieces) > 1:
        conf = CONTINUED_QUOTE_CONFIDENCE
    if speaker.mention is None:
        conf *= REFERRED_SPEAKER_FACTOR
    out.quotes.append(_raw(speaker, words, True, conf, (pieces[0].start, pieces[-1].end)))
