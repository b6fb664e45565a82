"""Quotations: who said what, read from a parsed paragraph.

- Direct: quoted words next to a speech verb and its subject, before it (``"...," said X``,
  ``"...," X told Reuters``) or after it (``X said: "..."``, ``X said that "..."``). Quoted
  words that begin a sentence right after attributed words or an attributed statement
  (``"A," he said. "B."``, ``X said the talks failed. "We tried."``) are the same speaker's,
  and a quotation left open at a paragraph's end that the next paragraph reopens runs on
  (news opens each paragraph of a long quotation and closes only the last).
- Indirect: kg.extract.statements reads them.
- Several speakers of one statement (``A and B said``) each said it.

Who the speaker is, kg.extract.speakers says.
"""

from __future__ import annotations

from bisect import bisect_left

from kg.defaults import (
    ATTRIBUTED_QUOTE_MIN_WORDS,
    CONTINUED_QUOTE_CONFIDENCE,
    DIRECT_QUOTE_CONFIDENCE,
    QUOTE_MIN_WORDS,
    REFERRED_SPEAKER_FACTOR,
)
from kg.extract.bodies import settle
from kg.extract.quote_leads import described, named
from kg.extract.quote_marks import carried_over, quote_spans
from kg.extract.quote_wire import (
    GOES_ON,
    Open,
    adjacent,
    alone,
    bridges,
    ended,
    headline,
    inherit,
)
from kg.extract.records import DocExtraction
from kg.extract.speaker_memory import Memory, Speaker, memory, unnamed_last
from kg.extract.speaker_names import refit
from kg.extract.speaker_subjects import conjoined, subject
from kg.extract.speakers import speaker, unnamed
from kg.extract.statement_clauses import clauses, merged, reported, subject_start
from kg.extract.statements import (
    Piece,
    according,
    mid_sentence,
    raw,
    set_off,
    speech,
    statement,
    unsaid,
)
from kg.extract.tokens import Tokens, edges
from kg.lexicon import SERVING_NOUNS, SPEAKER_PRONOUNS, SPEECH_VERBS

# what may lie between quoted words and their attribution: a comma, a colon, a dash, "that"
_BETWEEN = frozenset({",", ":", ";", "-", "–", "—", "that"})
# "asked Europe to help as ...", "urged X to ...": a request, whose clause no one stated
_REQUESTS = frozenset({"ask", "urge"})
# punctuation that ends quoted words as a clause of their own
_CLOSING = (",", ".", ";", ":", "!", "?", "…")


def read(out: DocExtraction, tab: Tokens, offset: int, token_mention: dict[int, int]) -> None:
    """Add one parsed paragraph's quotations to ``out.quotes`` (a quotation left open waits
    for the next paragraph, and ``finish`` ends it)."""
    if headline(out.document, offset):
        return
    text = tab.text
    lead = len(text) - len(text.lstrip())
    mem = memory(out)
    mem.paragraphs += 1
    chain: Open | None = mem.open  # type: ignore[assignment]
    running = chain is not None and carried_over(text[lead:])
    bridge = chain is not None and not running and bridges(tab)
    spans = quote_spans(text[lead:], running or bridge)
    pieces = [Piece(offset + lead + a, offset + lead + b, True, closed) for a, b, closed in spans]
    if bridge:
        pieces[0].bridged = True
    mem.quoted.extend((p.start, p.end) for p in pieces)
    mem.subjects.update(m for i, m in token_mention.items() if _subject_name(tab, i))
    mem.listeners.update(m for i, m in token_mention.items() if _listener(tab, i))
    if chain is not None and not (pieces and pieces[0].start - offset - lead in (0, 1)):
        _close(out, mem)  # the paragraph does not reopen the quotation: it ended unclosed
        chain = None
    if chain is not None:
        pieces[0].opened = False
    quote_of = _token_quotes(tab, offset, pieces)
    said: list[Speaker] = []
    for sent in tab.sents:  # in the text's order: who spoke last is who spoke before
        span = (sent.start, sent.end)
        said += _verbs(out, tab, offset, token_mention, pieces, quote_of, span)
        said += according(out, tab, offset, token_mention, quote_of, pieces, span)
    for k, p in enumerate(pieces):
        if p.speaker is None and not p.claimed and p.opened:
            p.speaker = _introduced(out, tab, offset, token_mention, quote_of, p, said)
            p.speaker = p.speaker or _resumed(out, tab, offset, token_mention, pieces, k, said)
    inherit(out.document.text, pieces, chain, said)
    end = offset + len(text.rstrip())
    mem.after = alone(out.document.text, pieces, offset + lead, end, mem.after)
    mem.after = mem.after or ended(said, pieces, end)
    _emit(out, mem, pieces, chain)


def _subject_name(tab: Tokens, i: int) -> bool:
    """Whether token ``i`` is a sentence's subject or the name set beside it ("His
    spokesman, Ibrahim Musa, accused ..."); not a name set beside a subject's name, which
    is someone else's ("Elias Rey, the son of the leader, Jose Rey, told ...": the parse
    sets the father's name beside the son's)."""
    dep, head = tab.dep[i], tab.head[i]
    return dep.startswith("nsubj") or (
        dep == "appos" and tab.dep[head].startswith("nsubj") and tab.pos[head] != "PROPN"
    )


def _listener(tab: Tokens, i: int) -> bool:
    """Whether token ``i`` is the one a speech verb told it to ("he told Bild", "told
    Reuters in an interview"): the object of "tell", not its subject."""
    return tab.dep[i] in ("dobj", "dative") and tab.lemma[tab.head[i]] == "tell"


def finish(out: DocExtraction) -> None:
    """End the document: a quotation left open at its last paragraph (news leaves the last
    mark out, now and then) counts if its speaker is known."""
    if isinstance(out.reading, Memory):
        _close(out, out.reading)
        refit(out, out.reading.renamed)
        settle(out, out.reading.bodies)
    out.reading = None


def _close(out: DocExtraction, mem: Memory) -> None:
    chain, mem.open = mem.open, None
    if isinstance(chain, Open) and chain.speaker is not None:
        # a quotation never closed: the lines with no marks it took in were not its words
        kept = [p for p in chain.pieces if not p.bridged]
        if kept:
            _add(out, kept, chain.speaker)


def _token_quotes(tab: Tokens, offset: int, pieces: list[Piece]) -> list[int]:
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
    pieces: list[Piece],
    quote_of: list[int],
    span: tuple[int, int],
) -> list[Speaker]:
    """Attach each speech verb of the tokens ``span`` holds to the quoted words beside it,
    or read its clause; the speakers of the statements read."""
    said: list[Speaker] = []
    done: set[int] = set()  # participles read as part of another verb's statement
    for v in range(*span):
        if tab.pos[v] != "VERB" or quote_of[v] >= 0 or not speech(tab, v):
            continue
        if v in done or v in token_mention:  # "Ahmed Said Khadr": a name, not a verb
            continue
        if tab.lower[tab.head[v]] == "as" and tab.tag[v] == "VBG":
            v = tab.head[tab.head[v]]  # "quoted X as saying": the verb whose clause it is
            if v in done:
                continue
        subj, own = subject(tab, v)
        named_by = tab.dep[v] == "relcl" and subj is not None and subj in token_mention
        if not own and not named_by and memory(out).inside(offset + tab.idx[v]):
            # "X said A wrote a letter suggesting that B": B is part of X's account; not
            # "X confirmed a report in Der Spiegel, which said B": the paper said B as well
            continue
        if own and subj is not None and quote_of[subj] >= 0:
            # '"Congratulations to ...," tweeted X': the parse made a quoted word a subject
            subj = next((c for c in tab.children[v] if _outside(tab, c, quote_of)), subj)
        if subj is None or quote_of[subj] >= 0 and not _title(tab, subj, quote_of, token_mention):
            continue
        lo, hi = _attribution(tab, v, subj if own else v, quote_of)
        who = speaker(out, tab, subj, offset, token_mention)
        mem = memory(out)
        if not mem.inside(offset + tab.idx[v]) and not unsaid(tab, v):
            # a verb inside a statement just read is part of that speaker's account: "X said
            # the pair had also informed her ..." leaves no "he" after it to someone unnamed;
            # a denied one ("police could not tell") says nothing, so who spoke last stays
            # "he" who stood for the unnamed last speaker is still that one: "one elderly man
            # said ... He also said ... he said"
            at = offset + tab.idx[v]
            again = tab.lower[subj] in SPEAKER_PRONOUNS and unnamed_last(out, at)
            mem.unnamed = who is None and (unnamed(tab, subj) or again)
            mem.unnamed_at = mem.unnamed_at if again else at
            # a person's office or campaign is no body's voice: "Ruiz's campaign said ...
            # she said" is whoever "she" is
            served = tab.lemma[subj] in SERVING_NOUNS
            mem.voice = who if _voiced(who, mem.voice) and not served else None
            mem.body_voice = who if _body(out, who) else None
        if who is None and not unsaid(tab, v):
            who = described(out, tab, subj, offset)  # "an Iraqi opposition group said"
        elif who is not None and who.mention is not None:
            named(out, who)
        if who is None or unsaid(tab, v):  # "did not say", "seemed to say": no statement
            for k in _beside(tab, offset, lo, hi, quote_of, pieces):
                pieces[k].claimed = True
            continue
        sent = tab.sent(v)
        at = {"attribution": (offset + sent.start_char, offset + sent.end_char)}
        also = (speaker(out, tab, c, offset, token_mention) for c in conjoined(tab, subj))
        # not the speaker again ("chairman and chief executive X": X holds both titles)
        whos = [who] + [w for w in also if w is not None and w.mention not in (None, who.mention)]
        whos = [w._replace(**at, verb=offset + tab.idx[v]) for w in whos]
        part = False
        while v >= 0:
            done.add(v)
            v = _one_verb(out, tab, offset, v, lo, hi, whos, pieces, quote_of, said, part)
            lo = hi = v
            part = True
    return said


def _introduced(
    out: DocExtraction,
    tab: Tokens,
    offset: int,
    token_mention: dict[int, int],
    quote_of: list[int],
    p: Piece,
    said: list[Speaker],
) -> Speaker | None:
    """The speaker of quoted words a sentence introduces with a colon: the speaker of the
    statement the sentence is ("According to the paper, the reason was obvious: '...'", "At
    the same time, Becker added, Assad ...: '...'"); else, in a sentence of no speech verb,
    its subject when a name or "he" or "she" ("Hale was blunt: '...'", "She introduces me
    to her new book: '...'"): news sets a speaker's words after what the sentence says of
    them; not "The boards read:", "One onlooker shouted:" (no one named), nor a sentence
    that quotes other words before."""
    start = p.start - offset - 1  # the opening mark
    colon = next((k for k in range(tab.n - 1, -1, -1) if tab.end_char[k] <= start), -1)
    if colon < 0 or tab.lower[colon] != ":" or tab.text[tab.end_char[colon] : start].strip():
        return None
    at = offset + tab.idx[colon]
    stated = [w for w in said if w.attribution[0] <= at < w.attribution[1]]
    if stated:
        return stated[-1]
    first = tab.sent(colon).start
    before = range(first, colon)
    if any(quote_of[k] >= 0 or tab.pos[k] == "VERB" and speech(tab, k) for k in before):
        return None
    verb = next((k for k in before if tab.head[k] == k or not first <= tab.head[k] < colon), -1)
    subj = (
        next(
            (c for c in tab.children[verb] if tab.dep[c] in ("nsubj", "nsubjpass") and c < colon),
            None,
        )
        if verb >= 0 and tab.pos[verb] in ("VERB", "AUX")
        else None
    )
    if subj is None or not (
        tab.lower[subj] in ("he", "she") or subj in token_mention and tab.pos[subj] == "PROPN"
    ):
        return None
    who = speaker(out, tab, subj, offset, token_mention)
    if who is None:
        return None
    sent = tab.sent(colon)
    at = (offset + sent.start_char, p.start - 1)
    return who._replace(attribution=at, verb=offset + tab.idx[verb])


def _resumed(
    out: DocExtraction,
    tab: Tokens,
    offset: int,
    token_mention: dict[int, int],
    pieces: list[Piece],
    k: int,
    said: list[Speaker],
) -> Speaker | None:
    """The speaker of quoted words with no attribution that open a sentence right after one
    of no speech verb whose subject is the speaker who spoke right before it, by name or as
    "he" or "she" ('"...," she said. Yusuf comes from Lagos. "We know almost nothing ..."'):
    news tells of a speaker between two of their quotations."""
    p = pieces[k]
    start = p.start - offset - 1  # the opening mark
    end = next((j for j in range(tab.n - 1, -1, -1) if tab.end_char[j] <= start), -1)
    if end < 0 or tab.lower[end] not in (".", "!", "?") or tab.sent(end).end > end + 1:
        return None
    sent = tab.sent(end)
    if any(tab.pos[j] == "VERB" and speech(tab, j) for j in range(sent.start, end)):
        return None
    at = offset + sent.start_char
    # who spoke right before the sentence: a quotation's or a statement's attribution
    last = [q.speaker for q in pieces[:k] if q.speaker is not None] + said
    last = [w for w in last if not out.document.text[w.attribution[1] : at].strip()]
    if not last or any(q.end + 1 >= at and q.speaker is None for q in pieces[:k]):
        return None  # quoted words of no one's between
    who = last[-1]
    root = tab.root(sent.start, end)
    subj = next((c for c in tab.children[root] if tab.dep[c] in ("nsubj", "nsubjpass")), -1)
    if subj < 0:
        return None
    if tab.lower[subj] in ("he", "she"):  # not after a body spoke
        person = who.mention is not None or who.refer == "Person"
        return who if person and not _body(out, who) else None
    m = token_mention.get(subj)
    # "she said" is the nearest person before it, its first candidate
    meant = who.mention if who.mention is not None else next(iter(who.candidates), None)
    if m is None or meant is None:
        return None
    same = out.mentions[m].text.split()[-1] == out.mentions[meant].text.split()[-1]
    return who if same else None


def _body(out: DocExtraction, who: Speaker | None) -> bool:
    """Whether ``who`` is a body: a state's ("the foreign ministry") or an organisation
    named."""
    if who is None:
        return False
    return who.body >= 0 or who.mention is not None and out.mentions[who.mention].label == "ORG"


def _voiced(who: Speaker | None, voice: Speaker | None) -> bool:
    """Whether ``who`` speaks for a body: a spokesperson, or "he" after one ("a spokesman
    for X said ... He said ..."), whom the next "he" or "the spokesman" still is."""
    if who is None:
        return False
    same = voice is not None and (who.mention, who.candidates) == (voice.mention, voice.candidates)
    return who.rule == "quote.for" or same


def _outside(tab: Tokens, c: int, quote_of: list[int]) -> bool:
    """Whether token ``c`` is a subject outside quoted words."""
    return tab.dep[c] == "nsubj" and quote_of[c] < 0


def _title(tab: Tokens, s: int, quote_of: list[int], token_mention: dict[int, int]) -> bool:
    """Whether the subject in quotation marks is a name set in them (a newspaper's,
    '"Der Spiegel" reported'): every word inside the marks is part of a name."""
    words = [i for i in range(tab.n) if quote_of[i] == quote_of[s] and not tab.punct[i]]
    return all(i in token_mention for i in words)


def _one_verb(
    out: DocExtraction,
    tab: Tokens,
    offset: int,
    v: int,
    lo: int,
    hi: int,
    whos: list[Speaker],
    pieces: list[Piece],
    quote_of: list[int],
    said: list[Speaker],
    participle: bool,
) -> int:
    """Give one verb's quoted words or clauses to its speakers; a participle that ends its
    statement (", adding that ..."), to be read next with the same speakers, or -1."""
    who, more = whos[0], -1
    beside = _beside(tab, offset, lo, hi, quote_of, pieces)
    if participle or tab.tag[v] == "VBG":  # quoted words before ", saying" are not its
        beside = [k for k in beside if pieces[k].start - offset > tab.idx[v]]
    for k in beside:
        if k == beside[0] and mid_sentence(tab, offset, v, pieces[k], lo):
            sent = tab.sent(v)
            if statement(out, tab, offset, sent.start, lo - 1, whos, quote_of, pieces)[0]:
                said.append(who)
            continue
        if pieces[k].speaker is None:
            pieces[k].speaker, pieces[k].others = who, tuple(whos[1:])
    if beside:
        if all(pieces[k].start - offset > tab.idx[v] for k in beside):
            # "A fails, he said: '...'": the clause set off before the verb is said too
            for _c, a, b in merged(tab, clauses(tab, v, lo)):
                if b < lo and all(quote_of[i] < 0 for i in range(a, b + 1)):
                    if statement(out, tab, offset, a, b, whos, quote_of, pieces)[0]:
                        said.append(who)
        return -1
    found = [] if tab.lemma[v] in _REQUESTS else clauses(tab, v, lo)
    for c, a, b in merged(tab, found):
        if c > v:
            a = subject_start(tab, v, c, a)
        if quote_of[c] >= 0 and quote_of[a] == quote_of[c]:  # the clause is quoted words
            p = pieces[quote_of[c]]
            if p.speaker is None:
                p.speaker, p.others = who, tuple(whos[1:])
            continue
        ok, part = statement(out, tab, offset, a, b, whos, quote_of, pieces)
        if ok:
            said.append(who)
        more = part if part >= 0 else more
    h = tab.head[v]
    own = any(tab.dep[c] == "nsubj" for c in tab.children[v])
    joined = tab.dep[v] == "conj" or tab.dep[v] == "ccomp" and tab.lemma[h] in SPEECH_VERBS
    if (
        not found
        and own
        and joined
        and h < lo
        and tab.lower[lo - 1] == ","
        and not reported(tab, h)
    ):
        # "A happened, X said" parsed as two verbs joined, or "B said A, X reported" as X's
        # verb in B's clause: A (B's statement) is what X said
        if statement(out, tab, offset, edges(tab, h)[0], lo - 1, whos, quote_of, pieces)[0]:
            said.append(who)
    elif not found and own and set_off(tab, v, h, lo):
        # "A, he added, B" and "As X explained, A": the sentence less the attribution
        if statement(out, tab, offset, *edges(tab, h), whos, quote_of, pieces, edges(tab, v))[0]:
            said.append(who)
    elif not found and own and who.mention is not None and _closing(tab, v, lo, hi, quote_of):
        # "Much of the money came from shares, Altmann said.": the parse hung the clause's
        # words from the verb, not as its clause; all before the comma is what was said (a
        # speaker named, not "he": a clause the parse missed, with a speaker guessed, is
        # two guesses)
        if statement(out, tab, offset, tab.sent(v).start, lo - 1, whos, quote_of, pieces)[0]:
            said.append(who)
    return more


def _closing(tab: Tokens, v: int, lo: int, hi: int, quote_of: list[int]) -> bool:
    """Whether the attribution ``lo``..``hi`` of the verb ``v`` closes its sentence after a
    comma (", he said."), the verb the sentence's root, and what comes before it a clause of
    no quoted words with a verb of its own, the parse none of the verb's clauses; not a
    question, nor words with a speech verb of their own."""
    sent = tab.sent(v)
    if tab.head[v] != v or lo - 2 <= sent.start or tab.lower[lo - 1] != ",":
        return False
    if not all(tab.punct[k] for k in range(hi + 1, sent.end)):
        return False
    if tab.lemma[v] == "ask" or tab.lower[sent.end - 1] == "?":
        return False  # a question: "And who leads it, the paper asked?"
    before = range(sent.start, lo - 1)
    if any(quote_of[k] >= 0 for k in before):
        return False
    if any(tab.lemma[k] in SPEECH_VERBS and tab.pos[k] == "VERB" for k in before):
        return False  # another's account passed on: "X said that A, Interfax said"
    return any(tab.pos[k] in ("VERB", "AUX") and tab.tag[k] != "VBG" for k in before)


def _attribution(tab: Tokens, v: int, subj: int, quote_of: list[int]) -> tuple[int, int]:
    """The tokens of "X said" or "said X", with what follows the verb up to quoted words
    ("told Reuters on Tuesday:"): the verb's own words, no clause or quotation."""
    a, b = edges(tab, subj) if subj != v else (v, v)
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
    """Whether token ``j`` hangs from the verb ``v`` outside the clause it says."""
    for _ in range(6):
        if j == v:
            return True
        if tab.head[j] == j or tab.dep[j] == "ccomp":
            return False
        j = tab.head[j]
    return False


def _beside(
    tab: Tokens, offset: int, lo: int, hi: int, quote_of: list[int], pieces: list[Piece]
) -> list[int]:
    """The pieces that end just before the attribution (not with a full stop: '"We won." He
    said ...' begins a new sentence) and begin just after it."""
    found = []
    j = lo - 1
    while j >= 0 and quote_of[j] < 0 and tab.lower[j] in _BETWEEN:
        j -= 1
    if j >= 0 and quote_of[j] >= 0 and pieces[quote_of[j]].closed:
        p = pieces[quote_of[j]]
        said = tab.text[p.start - offset : p.end - offset].rstrip(" ,")
        if not said.endswith(".") or said.endswith(("...", "…")):  # "..." trails off
            found.append(quote_of[j])
    j = hi + 1
    while j < tab.n and quote_of[j] < 0 and tab.lower[j] in _BETWEEN:
        j += 1
    if j < tab.n and quote_of[j] >= 0 and pieces[quote_of[j]].opened:
        p = pieces[quote_of[j]]
        # 'said that "elements in the party" oppose it': the sentence goes on after the
        # marks, whose words are part of a reported clause; not 'added that "A," and that
        # "B"', a clause quoted whole
        said = tab.text[p.start - offset : p.end - offset].rstrip()
        if p.closed and not said.endswith(_CLOSING) and GOES_ON.match(tab.text, p.end - offset + 1):
            return found
        if quote_of[j] not in found:
            found.append(quote_of[j])
    return found


def _emit(out: DocExtraction, mem: Memory, pieces: list[Piece], chain: Open | None) -> None:
    """Join neighbouring pieces of one speaker and add them; keep an unclosed last one open."""
    groups: list[Open] = [chain] if chain is not None else []
    text = out.document.text
    for k, p in enumerate(pieces):
        last = groups[-1] if groups else None
        runs_on = k == 0 and chain is not None
        same = last is not None and p.speaker is not None and p.speaker == last.speaker
        # quoted words with an attribution of their own ('"A." "B," he went on'), or after a
        # statement read between ('"A," he said, adding that C. "B."'), are another quotation
        same = same and not _another(out, last, p)  # type: ignore[arg-type]
        if last is not None and (
            runs_on or same and adjacent(text, last.pieces[-1].end, p, p.speaker)  # type: ignore[arg-type]
        ):
            last.pieces.append(p)
            last.speaker = last.speaker or p.speaker
        else:
            groups.append(Open([p], p.speaker, p.guessed))
    mem.open = None
    if pieces and not pieces[-1].closed:
        mem.open = groups.pop()
    for g in groups:
        if g.speaker is not None:
            _add(out, g.pieces, g.speaker)


def _another(out: DocExtraction, last: Open, p: Piece) -> bool:
    """Whether piece ``p`` begins a quotation of its own after the group ``last`` of the same
    speaker: a verb of its own says it, or a reported statement lies between them."""
    before = last.pieces[-1]
    if before.speaker is not None and p.speaker is not None:
        a, b = before.speaker.verb, p.speaker.verb
        if a >= 0 and b >= 0 and a != b:
            return True
    return any(
        not q.direct and before.end <= q.quote_span[0] and q.quote_span[1] <= p.start
        for q in out.quotes
    )


def _said_in_short(text: str, pieces: list[Piece], who: Speaker) -> bool:
    """Whether short quoted words are an utterance of their own ('"No, not really," she
    said'): one piece that opens on a capital, ends on its own stop or comma inside the marks
    and has a verb of speech beside it. A scare quote has none of the three; a title, all of
    whose words open on capitals ('wrote in her book "The White Album."'), is left out."""
    if len(pieces) != 1:
        return False
    p = pieces[0]
    inside = text[p.start : p.end].strip()
    return (
        p.speaker is who
        and who.verb >= 0
        and not p.guessed
        and len(inside.split()) >= ATTRIBUTED_QUOTE_MIN_WORDS
        and inside[:1].isupper()
        and inside[-1:] in ",.?!"
        and not all(w[:1].isupper() for w in inside.split())
    )


def _add(out: DocExtraction, pieces: list[Piece], who: Speaker) -> None:
    text = out.document.text
    words = " ".join(" ".join(text[p.start : p.end].split()) for p in pieces).rstrip(",;:-–— ")
    if len(words.split()) < QUOTE_MIN_WORDS and not _said_in_short(text, pieces, who):
        return
    conf = DIRECT_QUOTE_CONFIDENCE
    if any(p.speaker is not who for p in pieces) or len(pieces) > 1:
        conf = CONTINUED_QUOTE_CONFIDENCE
    others = next((p.others for p in pieces if p.others), ())
    for w in (who, *others):
        c = conf * (REFERRED_SPEAKER_FACTOR if w.mention is None else 1)
        out.quotes.append(raw(w, words, True, c, (pieces[0].start, pieces[-1].end)))
