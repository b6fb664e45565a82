"""Reported statements: what a speaker said, read from the parse without quotation marks.

- A speech verb's clause (``X said that ...``, ``..., the ministry said``, ``X said in a
  statement that ...``), not a question (``asked whether``) nor the clause of someone else's
  words the verb answers (``responded to reports that ...``).
- The clause ``according to X`` hangs from, less the phrase (and its name's apposition).
- An attribution set into the sentence it attributes (``Ukraine, he said, should pay``, ``As
  X explained, the plan failed``): the sentence less the attribution.
- A stance voiced with a clause (``expressed concern that ...``) is a statement; what others
  expect (``cautioned against expectations that``) is not the speaker's.
- A participle of a speech verb set off by a comma inside a statement (``X said A, adding
  that B``; the parse often hangs it from A's verb) ends the statement: B is another one.
- Quoted words that begin inside a sentence and end just before its attribution (``The
  aircraft flew "two hours," X said``) are part of a reported statement, not a quotation.
- No statement: a denied verb (``did not say``), one only seeming (``seemed to say``), a
  clause without a verb; two clauses of one verb with only punctuation between are one (the
  parse broke it at a relative clause or a colon).

kg.extract.statement_clauses finds a verb's clauses; kg.extract.quotes reads the quoted words;
kg.extract.speakers who spoke.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from kg.defaults import INDIRECT_CONFIDENCE, REFERRED_SPEAKER_FACTOR, STATEMENT_MIN_WORDS
from kg.extract.records import RawQuote
from kg.extract.speaker_subjects import conjoined
from kg.extract.speakers import Speaker, memory, speaker
from kg.extract.statement_clauses import NO_GAP, STANCES
from kg.extract.tokens import Tokens, edges
from kg.lexicon import RELATIVE, SPEECH_VERBS

if TYPE_CHECKING:
    from kg.extract.records import DocExtraction

# the verbs that voice a stance with a clause ("expressed concern that ...", the nouns
# kg.extract.statement_clauses.STANCES), which kg.extract.quotes reads as speech
STANCE_VERBS = frozenset({"express", "voice", "give"})

# the end of a sentence, before quoted words that open the next
SENTENCE_END = re.compile(r"(?:^|[.!?:][\"”’)]?)\s*$")

# clauses inside a sentence that an "according to X" closing it may hang from
_PART_OF = frozenset({"advcl", "relcl", "conj", "acl"})

# "he seemed to say", "appeared to suggest": the writer's reading, not the speaker's words
_SEEM = frozenset({"seem", "appear"})


@dataclass
class Piece:
    """Quoted words of one paragraph, as document offsets inside their marks."""

    start: int
    end: int
    opened: bool  # the opening mark is in this paragraph (else it runs on from the last)
    closed: bool
    speaker: Speaker | None = None
    claimed: bool = False  # beside a speech verb whose speaker is unnamed, or in a statement
    others: tuple[Speaker, ...] = ()  # further speakers of the same words ("A and B said")
    guessed: bool = False  # the speaker is who spoke before: an attribution of its own wins
    bridged: bool = False  # a line with no marks inside a quotation left open (quote_wire)


def speech(tab: Tokens, v: int) -> bool:
    """Whether token ``v`` is a speech verb: one of the lexicon's, one that expresses a
    stance ("expressed concern that"), or '"...," he went on'."""
    if tab.lemma[v] in SPEECH_VERBS:
        return True
    kids = tab.children[v]
    if tab.lemma[v] in STANCE_VERBS:  # "expressed concern that ..."
        return any(tab.dep[c] == "dobj" and tab.lemma[c] in STANCES for c in kids)
    if tab.lemma[v] == "continue":  # '"...," she continued', not "continued to rise"
        return not any(tab.dep[c] in ("dobj", "xcomp", "prep") for c in kids)
    return tab.lemma[v] == "go" and any(tab.dep[c] == "prt" and tab.lower[c] == "on" for c in kids)


def set_off(tab: Tokens, v: int, h: int, lo: int) -> bool:
    """Whether the speech verb's clause is set into the sentence it attributes: between
    commas inside it ("Ukraine, he said, should pay"), or opened by "as" ("As X explained,
    the plan failed"); not when the sentence is another speech verb's."""
    if h == v or tab.pos[h] not in ("VERB", "AUX"):
        return False
    passive = any(tab.dep[c] in ("nsubjpass", "auxpass") for c in tab.children[h])
    if tab.lemma[h] in SPEECH_VERBS and not passive:
        return False  # a passive one is the statement's own verb: "signs, he says, will be posted"
    kids = tab.children[v]
    if tab.dep[v] == "advcl":  # not after it: "..., not interned, as the minister suggested"
        # nor a verb with an object of its own: "As he said goodbye, the crowd cheered"
        told = tab.lemma[v] == "tell"
        return (
            v < h
            and any(tab.dep[c] == "mark" and tab.lower[c] == "as" for c in kids)
            and not any(tab.dep[c] == "dobj" and not told for c in kids)
        )
    b = edges(tab, v)[1]  # the comma after the verb may hang from it
    return (
        tab.dep[v] == "parataxis"
        and lo > 0
        and tab.lower[lo - 1] == ","
        and (tab.lower[b] == "," or b + 1 >= tab.n or tab.lower[b + 1] in (",", ".", "!", "?"))
    )


def mid_sentence(tab: Tokens, offset: int, v: int, p: Piece, lo: int) -> bool:
    """Whether quoted words that end before the attribution began inside its sentence
    ('The plane flew "two hours," X said'): a reported statement that quotes some words."""
    if p.end - offset >= tab.idx[lo] or not p.opened:
        return False
    sent = tab.sent(v)
    before = tab.text[sent.start_char : p.start - offset - 1]
    return sent.start_char < p.start - offset - 1 and not SENTENCE_END.search(before)


def unsaid(tab: Tokens, v: int) -> bool:
    """Whether the speech verb is denied ("did not say", "never said"), only seems to be
    ("he seemed to say", "appeared to suggest") or says a clause with a gap, the noun its
    relative clause hangs from ("the sum X says it needs", "the plan he said would fail") or
    "what" ("the findings of what it said was an inquiry"): it attributes nothing."""
    kids = tab.children[v]
    if any(tab.dep[c] == "neg" for c in kids):
        return True
    if any(tab.lower[c] == "what" and tab.dep[c] in ("dobj", "nsubj") for c in kids):
        return True  # "what it said was an inquiry": the writer's words for what it said
    h = tab.head[v]
    if tab.dep[v] == "relcl" and tab.head[h] != h:
        # not "X, who said" (its subject is the relative pronoun), nor "Egypt, where he
        # claims he was tortured" (the clause has no gap), nor a sentence whose verb the
        # parse made a noun's clause ("German maker Adidas announced it had ..."), nor
        # one whose clause opens with "that", which a clause with a gap never does
        said = [g for c in kids if tab.dep[c] == "ccomp" for g in tab.children[c]]
        by = [g for c in kids if tab.dep[c] == "prep" for g in tab.children[c]]  # "in which"
        return (
            not any(tab.lower[c] in NO_GAP for c in [*kids, *by])
            and not any(tab.dep[g] == "mark" and tab.lower[g] == "that" for g in said)
            and any(tab.dep[c] == "nsubj" and tab.lower[c] not in RELATIVE for c in kids)
        )
    return tab.dep[v] == "xcomp" and tab.lemma[tab.head[v]] in _SEEM


def according(
    out: DocExtraction,
    tab: Tokens,
    offset: int,
    token_mention: dict[int, int],
    quote_of: list[int],
    pieces: list[Piece],
    span: tuple[int, int],
) -> list[Speaker]:
    """ "According to X, ...": X's statement is the clause the phrase hangs from, less it
    (for each "according" of the tokens ``span`` holds)."""
    said = []
    for i in range(*span):
        if tab.lower[i] != "according" or quote_of[i] >= 0 or tab.head[i] == i:
            continue
        to = next((c for c in tab.children[i] if tab.lower[c] == "to"), None)
        obj = next((c for c in tab.children[to] if tab.dep[c] == "pobj"), None) if to else None
        if obj is None:
            continue
        who = speaker(out, tab, obj, offset, token_mention, according=True)
        if who is None:
            continue
        pa, pb = edges(tab, i)
        # the phrase ends at its comma, whatever the parse hangs from its name after it,
        # but for a name's apposition ("according to the UBA, the federal agency, ...")
        comma = next((k for k in range(obj, pb + 1) if tab.lower[k] == ","), pb)
        apps = [
            edges(tab, t)[1]
            for t in range(comma + 1, pb + 1)
            if tab.dep[t] == "appos" and tab.head[t] < comma
        ]
        # closed by a comma or the sentence's end: "..., Brazil's institute predicts" is
        # the clause
        apps = [b for b in apps if b + 1 >= tab.n or tab.lower[b + 1] in (",", ".", ";", "?")]
        pb = max(apps, default=comma)
        sent = tab.sent(i)
        # "according to X and officials of Y": each of them
        also = (
            speaker(out, tab, c, offset, token_mention, according=True) for c in conjoined(tab, obj)
        )
        whos = [who, *(w for w in also if w is not None and w.mention is not None)]
        at = (offset + sent.start_char, offset + sent.end_char)
        whos = [w._replace(attribution=at, verb=offset + tab.idx[i]) for w in whos]
        h = tab.head[i]
        a, b = edges(tab, h)
        if b <= pb + 1 and pb + 2 < sent.end:  # "This would be, according to X, unlike ..."
            b = sent.end - 1
        last = all(tab.punct[k] for k in range(pb + 1, sent.end))
        if tab.dep[h] in _PART_OF and last and tab.lower[pa - 1] == ",":
            # "A fell, when B happened, according to X": the phrase that ends the sentence
            # says where all of it comes from, not only the clause it hangs from
            a = sent.start
        if statement(out, tab, offset, a, b, whos, quote_of, pieces, cut=(pa, pb))[0]:
            said.append(whos[0])
    return said


# what may hang from a speech verb between it and what was said: "said on Monday it had ..."
_SETTING_DEPS = frozenset({"prep", "npadvmod", "tmod", "advmod"})


def _past_setting(tab: Tokens, keep: list[int], quote_of: list[int]) -> list[int]:
    """``keep`` without the phrase of when or where it was said that opens it ("said [on
    Monday] it had appointed ...", "said [in a statement] the plant would close"): a phrase
    that hangs from the speech verb before the words, not from the clause said; never quoted
    words."""
    while keep:
        k = keep[0]
        verb = tab.head[k]
        if (
            quote_of[k] >= 0
            or tab.dep[k] not in _SETTING_DEPS
            or not (
                verb < k
                and tab.lemma[verb] in SPEECH_VERBS
                # the parse may hang it from the clause said, before its subject: "said on Monday
                # it had ...", as news writes when it was said; a comma after it is the clause's
                # own opening ("said for now, people will have to ...")
                or tab.dep[verb] == "ccomp"
                and tab.head[verb] < k
                and tab.lemma[tab.head[verb]] in SPEECH_VERBS
                and any(
                    tab.dep[c] in ("nsubj", "nsubjpass")
                    and c > k
                    and not any(tab.punct[i] for i in range(k, c))
                    for c in tab.children[verb]
                )
            )
        ):
            return keep
        rest = [i for i in keep if not _under(tab, i, k)]
        if len(rest) == len(keep) or not rest:
            return keep
        keep = rest
        while keep and tab.punct[keep[0]]:
            keep.pop(0)
    return keep


def _under(tab: Tokens, i: int, k: int) -> bool:
    """Whether token ``i`` is ``k`` or hangs from it."""
    while True:
        if i == k:
            return True
        if tab.head[i] == i:
            return False
        i = tab.head[i]


def statement(
    out: DocExtraction,
    tab: Tokens,
    offset: int,
    a: int,
    b: int,
    who: list[Speaker],
    quote_of: list[int],
    pieces: list[Piece],
    cut: tuple[int, int] | None = None,
) -> tuple[bool, int]:
    """Tokens a..b (less ``cut``) as what the speakers said, when they are words enough;
    whether they were, and the participle of a speech verb that ended them (``, adding that
    ...``: another statement of the same speakers), or -1."""
    keep = [i for i in range(a, b + 1) if cut is None or not cut[0] <= i <= cut[1]]
    more = next(
        (
            i
            for i in keep[2:]
            if (
                tab.tag[i] == "VBG"
                and tab.lemma[i] in SPEECH_VERBS
                and _after_comma(tab, i)
                or _said_again(tab, i)
            )
            and quote_of[i] < 0
        ),
        -1,
    )
    if more >= 0:
        keep = [i for i in keep if i < more]
        while keep and tab.lower[keep[-1]] in (",", "and", "but"):
            keep.pop()
    keep = _past_setting(
        tab, keep, quote_of
    )  # before "that": "said that in 2019 ..." is the clause's
    while keep and (
        tab.punct[keep[0]]
        or tab.lower[keep[0]] == "that"
        and (tab.dep[keep[0]] == "mark" or tab.tag[keep[0]] == "WDT")
    ):  # "that" the parse made a relative pronoun opens a clause too ("said at X that ...")
        keep.pop(0)
    while keep and tab.punct[keep[-1]] and quote_of[keep[-1]] < 0:
        keep.pop()
    if sum(1 for i in keep if not tab.punct[i]) < STATEMENT_MIN_WORDS:
        return False, more
    for i in keep:  # quoted words inside the statement are part of it, not another quotation
        if quote_of[i] >= 0:
            pieces[quote_of[i]].claimed = True
    runs, run = [], [keep[0]]
    for i in keep[1:]:
        if i != run[-1] + 1:
            runs.append(run)
            run = []
        run.append(i)
    runs.append(run)
    words = " ".join(tab.span_text(r[0], r[-1] + 1).strip(" ,") for r in runs)
    start, end = offset + tab.idx[keep[0]], offset + tab.end_char[keep[-1]]
    # a name in what was said is no one "he" or "the minister" stands for after it, as one
    # in quoted words is not ("X told AFP she was with her daughter Y. 'We hid,' she said")
    # (each run of it: the phrase cut out, "according to X", is not what was said)
    memory(out).quoted.extend((offset + tab.idx[r[0]], offset + tab.end_char[r[-1]]) for r in runs)
    for w in who:
        conf = INDIRECT_CONFIDENCE * (REFERRED_SPEAKER_FACTOR if w.mention is None else 1)
        out.quotes.append(raw(w, " ".join(words.split()), False, conf, (start, end)))
    return True, more


def _said_again(tab: Tokens, i: int) -> bool:
    """Whether ``i`` is a speech verb of the speaker's own that the parse joined to a verb
    of what was said ("X said that A happened and said that B"): no subject of its own, a
    clause of its own, after "and" or "but"."""
    kids = tab.children[i]
    return (
        tab.dep[i] == "conj"
        and tab.lemma[i] in SPEECH_VERBS
        and tab.lower[i - 1] in ("and", "but")
        and not any(tab.dep[c] in ("nsubj", "nsubjpass") for c in kids)
        and any(tab.dep[c] == "ccomp" for c in kids)
    )


def _after_comma(tab: Tokens, i: int) -> bool:
    """Whether a comma ends the words before token ``i`` (inside quotation marks or not:
    '... was "irresponsible," adding that')."""
    return tab.lower[i - 1] == "," or tab.lower[i - 2] == "," and tab.punct[i - 1]


def raw(who: Speaker, text: str, direct: bool, conf: float, span: tuple[int, int]) -> RawQuote:
    marks = 1 if direct else 0  # a direct quotation's passage holds its quotation marks
    passage = (
        min(span[0] - marks, who.attribution[0]),
        max(span[1] + marks, who.attribution[1]),
    )
    rule = who.rule
    if rule == "quote.named":
        rule = "quote.direct" if direct else "quote.indirect"
    return RawQuote(
        who.mention,
        text,
        direct,
        rule,
        round(conf, 4),
        passage,
        who.span,
        span,
        who.refer,
        who.candidates,
        who.body,
    )
