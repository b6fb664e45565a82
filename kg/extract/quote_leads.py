"""A lead's speaker named only after it. Wire copy opens with a description ("An Iraqi
opposition group said on Saturday ...", "a spokeswoman said ...", "an Algerian newspaper
said ...") and names the speaker in the next paragraphs ("A spokesman of the Iraqi National
Congress said ...", "spokeswoman Erin Purcell said", "Le Matin newspaper said"). The lead's
statements wait, their speaker unknown; the first named speaker of the kind in the two
paragraphs after it takes them, and they are left out if none comes.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from kg.defaults import LEAD_NAMED_WITHIN
from kg.extract.speakers import Speaker, memory
from kg.extract.tokens import Tokens

if TYPE_CHECKING:
    from kg.extract.records import DocExtraction

# the press, named later by a name set before its noun ("Le Matin newspaper said"): any
# other organisation after "a newspaper said" is more often one the paper wrote about
_MEDIA = frozenset("newspaper paper daily weekly magazine".split())
# a person named by office: only the first named speaker after the lead may be the holder (a
# spokesman is named with his noun; an official is often never named, and others speak)
_HOLDER = "HOLDER"
# nouns a lead describes its speaker by, with the kind of the name it gives later (the
# recogniser's label of that name)
_LEAD_NOUNS = {
    **dict.fromkeys(_MEDIA, "MEDIA"),
    **dict.fromkeys("group organisation organization agency".split(), "ORG"),
    **dict.fromkeys("spokesman spokeswoman spokesperson activist".split(), "PERSON"),
    # an office or calling the lead gives before the body names its holder ("A senior
    # official has admitted ...", "the country's top police officer was quoted as saying")
    **dict.fromkeys("official minister officer head chief".split(), _HOLDER),
}
# a description that names no one but stands for one person, like "a": "Austria's foreign
# minister", "the head of the electoral commission"
_OWNED = frozenset(("poss", "prep"))
RULE = "quote.lead"


def described(out: DocExtraction, tab: Tokens, s: int, offset: int) -> Speaker | None:
    """A waiting speaker for the lead's indefinite subject ("an Iraqi opposition group", "a
    spokeswoman"; no owner named in its phrase, which kg.extract.speakers reads), else None."""
    mem = memory(out)
    if mem.paragraphs != 1:
        return None
    if mem.lead in ("PERSON", _HOLDER) and tab.lower[s] in ("he", "she"):
        # "Austria's foreign minister has suggested ... He said ...": the same one waits
        return _waiting(tab, s, offset)
    kind = _LEAD_NOUNS.get(tab.lower[s])
    if kind is None or mem.lead:
        return None
    kids = tab.children[s]
    if not any(tab.dep[c] == "det" and tab.lower[c] in ("a", "an") for c in kids) and not (
        kind == _HOLDER and any(tab.dep[c] in _OWNED for c in kids)
    ):
        return None
    mem.lead = kind
    return _waiting(tab, s, offset)


def _waiting(tab: Tokens, s: int, offset: int) -> Speaker:
    span = (offset + tab.idx[s], offset + tab.end_char[s])
    return Speaker(None, "", span, RULE, (), span)


def named(out: DocExtraction, who: Speaker) -> None:
    """Give the lead's waiting statements to ``who``, a named speaker after the lead, if of
    the kind the lead described (``who.attribution`` still the subject's span: a paper is
    named before its noun); stop waiting after ``LEAD_NAMED_WITHIN`` paragraphs."""
    mem = memory(out)
    if not mem.lead or mem.paragraphs < 2:
        return
    if mem.paragraphs > 1 + LEAD_NAMED_WITHIN:
        mem.lead = ""
        return
    if who.mention is None:
        return
    if mem.lead == "MEDIA":  # the speech verb's subject is the paper's noun
        a, b = who.attribution
        if out.document.text[a:b].lower() not in _MEDIA:
            return
    elif mem.lead == _HOLDER and out.mentions[who.mention].label != "PERSON":
        mem.lead = ""  # someone else spoke first: the holder may never be named
        return
    elif mem.lead != _HOLDER and out.mentions[who.mention].label != mem.lead:
        return
    mem.lead = ""
    out.quotes[:] = [
        dataclasses.replace(q, speaker=who.mention) if q.rule == RULE and q.speaker is None else q
        for q in out.quotes
    ]
