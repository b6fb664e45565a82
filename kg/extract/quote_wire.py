"""Quoted words with no speech verb beside them, and wire copy's paragraphs as quotations
see them:

- quoted words take the speaker of the quotation they run on from; else, when they begin a
  sentence, of the attributed words or statement right before them, or of the attributed
  words right after them (``inherit``);

- the headline a plain text did not mark as one ("Aziz says Baghdad aiding KDP.", then the
  dateline "BAGHDAD 1996-08-31"), whose statement is the body's, cut short, and which the
  annotation guideline leaves out;
- a line with no quotation mark and no speech word after one that left a quotation open
  (``bridges``): text that keeps a quotation's sentences one a line leaves the middle ones
  bare ('"A.' / 'B.' / 'C," X said.'); it is part of the quotation if a later line closes
  it, and dropped if none does;
- a paragraph that is nothing but quoted words, with no attribution, after a paragraph that
  ended with a speaker's reported statement ("Tsang acknowledged that many had left.",
  then '"But for most of us, Hong Kong is our home."'): news gives the speaker once and
  lets the quotation follow, so the words are that speaker's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kg.extract.quote_marks import has_marks
from kg.extract.speakers import Speaker
from kg.extract.statements import SENTENCE_END, Piece, speech
from kg.extract.tokens import Tokens
from kg.model import Document


@dataclass
class Open:
    """Pieces read as one quotation, and their speaker."""

    pieces: list[Piece] = field(default_factory=list)
    speaker: Speaker | None = None
    guessed: bool = False  # who spoke before (``alone``), until an attribution of its own


# a closing mark the sentence runs on from in lower case: the marks held a name or a title
GOES_ON = re.compile(r"[ \t]*[a-z]")

# what may stand between quotations of a paragraph made only of them: blanks, punctuation
_BETWEEN = re.compile(r"[\s.,;:!?…\-–—]*")


def headline(doc: Document, offset: int) -> bool:
    """Whether the paragraph at ``offset`` is the story's first block, set before its
    dateline (a byline between, which plain text may take for a heading): a wire story's
    headline."""
    if not doc.blocks or doc.blocks[0].start != offset:
        return False
    after = [b.kind for b in doc.blocks[1:3]]
    return after[:1] == ["dateline"] or after[:2] in (
        [k, "dateline"] for k in ("byline", "heading", "author")
    )


def bridges(tab: Tokens) -> bool:
    """Whether a paragraph after one that left a quotation open may go on with it: it has no
    quotation mark, no speech verb and no "according"."""
    if has_marks(tab.text) or "according" in tab.lower:
        return False
    return not any(tab.pos[v] == "VERB" and speech(tab, v) for v in range(tab.n))


def alone(
    text: str, pieces: list[Piece], start: int, end: int, after: Speaker | None
) -> Speaker | None:
    """Give the quoted words of a paragraph (``start``..``end`` of ``text``) made only of
    them, opened at its start, with no speaker of their own, to ``after``: who ended the
    paragraph before. The speaker that ends this paragraph, if they got one; else None."""
    if after is None or not pieces or pieces[0].start != start + 1 or not pieces[0].opened:
        return None
    if any(p.speaker is not None or p.claimed for p in pieces):
        return None
    gaps = [text[a.end + 1 : b.start - 1] for a, b in zip(pieces, pieces[1:], strict=False)]
    gaps.append(text[pieces[-1].end + 1 : end] if pieces[-1].closed else "")
    if not all(_BETWEEN.fullmatch(g) for g in gaps):
        return None
    for p in pieces:
        p.speaker, p.guessed = after, True
    return after


def ended(said: list[Speaker], pieces: list[Piece], end: int) -> Speaker | None:
    """The speaker whose reported statement ends the paragraph that ends at ``end`` (its
    attribution's sentence is the last), or None; not a quotation's, whose words running
    on in the next paragraph are the same quotation, already read."""
    if any(p.speaker is not None and p.speaker.attribution[1] >= end for p in pieces):
        return None  # a quotation ends it: quoted words after it run on with it
    if pieces and pieces[-1].end + 2 >= end:
        return None
    last = [w for w in said if w.attribution[1] >= end]
    return max(last, key=lambda w: w.verb, default=None)


def inherit(text: str, pieces: list[Piece], chain: Open | None, said: list[Speaker]) -> None:
    """Quoted words with no verb beside them take the speaker of the quotation they run on
    from; else, when they begin a sentence, of the attributed words or statement right
    before them, or of the attributed words right after them."""
    if chain is not None and pieces:
        first = pieces[0]
        if first.speaker is None and not first.claimed:
            first.speaker = chain.speaker
        elif chain.speaker is None or chain.guessed:
            chain.speaker, chain.guessed = first.speaker, False
    for k, p in enumerate(pieces):
        if p.speaker is not None or p.claimed:
            continue
        before = text[max(0, p.start - 300) : p.start - 1]
        if (
            not SENTENCE_END.search(before)
            or before.rstrip().endswith(":")
            or GOES_ON.match(text, p.end + 1)
        ):
            # a title or a phrase set in marks inside a sentence; or words a sentence with
            # no speech verb introduces ("One onlooker shouted: ..."), no one else's; or a
            # title a sentence opens with ('"The Comet" had 12 nominations')
            continue
        prev = pieces[k - 1] if k else None
        nxt = pieces[k + 1] if k + 1 < len(pieces) else None
        # the statement right before them first: '..., X said. "B." "C," Y added' is X's
        # (one whose sentence ends after them is no statement before them)
        stated = next(
            (
                w
                for w in said
                if w.attribution[0] < p.start and not text[w.attribution[1] : p.start - 1].strip()
            ),
            None,
        )
        if prev is not None and prev.speaker and adjacent(text, prev.end, p, prev.speaker):
            p.speaker = prev.speaker
        elif stated is None and nxt is not None and nxt.speaker:
            p.speaker = nxt.speaker if not text[p.end + 1 : nxt.start - 1].strip() else None
        else:
            p.speaker = stated


def adjacent(text: str, end: int, p: Piece, who: Speaker) -> bool:
    """Whether nothing but blanks, or the sentence that says who spoke, lies between the
    quoted words ending at ``end`` and the piece ``p``."""
    between = text[end + 1 : p.start - 1]
    a = end + 1 + len(between) - len(between.lstrip())
    return not between.strip() or who.attribution[0] <= a and p.start - 1 <= who.attribution[1] + 1
