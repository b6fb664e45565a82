"""Extract: run spaCy over the kept blocks of each document and read mentions and facts.

Each kept block (heading, list item, paragraph) is parsed on its own, so a heading is never glued
to the next line. Mentions carry type votes (spaCy's label, name suffixes, the nouns and verbs
around them); resolution sums the votes over all mentions of one thing.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from typing import TYPE_CHECKING, Any, NamedTuple

from kg.defaults import (
    BATCH_CHARS,
    BATCH_SIZE,
    LIST_VOTE,
    LIST_WEAK,
    QUOTED_TITLE_WORDS,
    TITLE_CUE_AFTER,
    TITLE_CUE_BEFORE,
)
from kg.extract import (
    bounds,
    classifier,
    countries,
    credits,
    cuts,
    joins,
    name_joins,
    offices,
    org_joins,
    plain_words,
    quotes,
    roles,
    rules,
    run_ons,
    structure,
    type_cues,
    types,
)
from kg.extract.dates import with_day
from kg.extract.features import candidates
from kg.extract.plain_words import is_word
from kg.extract.records import DocExtraction, RawMention
from kg.extract.surnames import surnames_seen
from kg.extract.tokens import Tokens
from kg.extract.types import LABEL_TYPES, is_party, party_name
from kg.ingest.blocks import clean_text
from kg.lexicon import (
    HEADLINE_SMALL_WORDS,
    HONORIFICS,
    LIST_JOINS,
    MEMBERSHIP_BODY_WORDS,
    MONTHS,
    NOUN_TYPE,
    ORG_SUFFIXES,
    PARTY_WORDS,
    QUOTE_MARKS,
    ROLE_NOUNS,
    TITLE_BREAKS,
    TITLE_CUE_WORDS,
    TITLE_WORDS,
    WORK_LABELS,
)
from kg.model import METADATA_KINDS, Document

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span

LITERAL_LABELS = {"DATE"}


class _Unit(NamedTuple):
    """A block sent to spaCy, with what is needed to file its parse."""

    document: Document
    offset: int  # the block's start in the document
    kind: str  # the block's kind, or "none" for a document without blocks
    n: int  # the block's place among the document's, from 1
    total: int  # the document's blocks


def extract(
    docs: Iterable[Document],
    nlp: Language,
    *,
    batch_size: int = BATCH_SIZE,
    progress: Callable[[int], None] | None = None,
    relation_model: classifier.RelationModel | str | None = "default",
    type_model: classifier.RelationModel | str | None = "default",
    keep_candidates: bool = False,
) -> Iterator[DocExtraction]:
    """Mentions and facts of each document, in order, parsing all blocks through ``nlp.pipe``.

    ``relation_model`` is the trained relation classifier: kg's own ("default"), a path to
    another, a loaded model, or None for the dependency rules alone; ``type_model`` likewise
    for the entity-type classifier, whose votes join spaCy's. ``keep_candidates`` keeps the
    classifiers' inputs on each result (training reads them).
    """
    if isinstance(relation_model, str):
        relation_model = classifier.load(None if relation_model == "default" else relation_model)
    if isinstance(type_model, str):
        type_model = classifier.load_types(None if type_model == "default" else type_model)

    words = plain_words.english_words(nlp)
    current: DocExtraction | None = None
    for sdoc, (d, offset, kind, n, total) in _parsed(docs, nlp, batch_size):
        if current is None or current.document is not d:
            current = DocExtraction(d)
        if kind != "none":
            read_block(
                current, sdoc, offset, kind, relation_model, type_model, keep_candidates, words
            )
        if n == total:
            finish(current)
            if progress:
                progress(1)
            yield current
            current = None


def _units(docs: Iterable[Document]) -> Iterator[tuple[str, _Unit]]:
    """Each kept block's text and unit; a document without kept blocks as one empty unit."""
    for d in docs:
        kept = d.kept
        if not kept:
            yield "", _Unit(d, 0, "none", 1, 1)
        for n, b in enumerate(kept, 1):
            yield clean_text(d, b), _Unit(d, b.start, b.kind, n, len(kept))


def _parsed(
    docs: Iterable[Document], nlp: Language, batch_size: int
) -> Iterator[tuple[Doc, _Unit]]:
    for batch in _batches(_units(docs), batch_size, BATCH_CHARS):
        yield from nlp.pipe(batch, as_tuples=True, batch_size=len(batch))


def _batches(units: Iterable[tuple[str, Any]], size: int, chars: int) -> Iterator[list]:
    """``units`` in batches of at most ``size`` blocks and, past the first block, ``chars``
    characters: spaCy's memory grows with a batch's text, and a long document's pieces
    (10,000 characters each) in batches of a hundred took over 3 GB."""
    batch: list[tuple[str, Any]] = []
    held = 0
    for u in units:
        if batch and (len(batch) >= size or held + len(u[0]) > chars):
            yield batch
            batch, held = [], 0
        batch.append(u)
        held += len(u[0])
    if batch:
        yield batch


# Blocks whose capitals carry no information (Title Case): their names count when the body
# names them too (see finish)
TITLE_KINDS = frozenset({"heading", "headline"})


def read_block(
    out: DocExtraction,
    sdoc: Doc,
    offset: int,
    kind: str,
    model: classifier.RelationModel | None = None,
    type_model: classifier.RelationModel | None = None,
    keep_candidates: bool = False,
    words: frozenset[str] = frozenset(),
) -> None:
    """Add one parsed block's mentions and facts to ``out``: rules first, then the model.
    ``words``: the language's words (``plain_words.english_words``)."""
    # the block's token attributes, read once: spaCy makes a new Token object at every access
    tab = Tokens(sdoc)
    first = len(out.mentions)
    token_mention: dict[int, int] = {}
    dates: list[Span] = []
    spans = _read_mentions(out, sdoc, tab, offset, kind, token_mention, dates, words)
    if keep_candidates:
        out.mention_features.extend(
            types.type_features(s, tab, m) for s, m in zip(spans, out.mentions[first:], strict=True)
        )
    elif type_model is not None and spans:
        feats = [
            types.type_features(s, tab, m) for s, m in zip(spans, out.mentions[first:], strict=True)
        ]
        probs = type_model.probabilities(feats)
        # plain floats (each float32 exactly): numpy's per-element indexing costs more
        types.model_votes(out.mentions[first:], probs.tolist(), type_model.classes)
    # after the model's moves: a list passes its kind on to the names it leaves unsure
    type_cues.listed_votes(
        [m.votes for m in out.mentions[first:]],
        [tab.root(s.start, s.end) for s in spans],
        [m.label for m in out.mentions[first:]],
        tab,
        weak=LIST_WEAK,
        weight=LIST_VOTE,
    )
    if kind in METADATA_KINDS:
        return  # a dateline or byline names things but states no fact about them
    if kind not in TITLE_KINDS:  # a headline's quotation is the body's, cut short
        quotes.read(out, tab, offset, token_mention)
    facts_from = len(out.facts)
    reader = rules.read(out, sdoc, offset, token_mention, dates, tab)
    if keep_candidates:
        out.candidates.extend(candidates(out, sdoc, offset, first, dates, facts_from, tab))
    elif model is not None:
        classifier.read(out, sdoc, offset, first, dates, facts_from, model, reader.modality, tab)
    structure.apart(out, tab, offset, kind, facts_from)  # no fact across cells or list entries
    countries.settle(out, facts_from)  # a nationality word's person; a continent no country
    offices.settle(out, tab, offset, facts_from)  # an office's place; a resident's; a job title
    credits.drop_facts(out, first, facts_from)
    if not keep_candidates:
        _memberships(out, facts_from)


def _memberships(out: DocExtraction, facts_from: int) -> None:
    """An "employer" that is a party or a committee is a membership: a party leader's party is
    member_of_political_party ("the Labour Party", and a party's bare word: "Bronx Republican
    chair X"), a committee chair's committee member_of; and a "member_of" a party is
    member_of_political_party ("a member of the Labour Party")."""
    for n in range(facts_from, len(out.facts)):
        f = out.facts[n]
        held = next((p for p in ("employer", "member_of") if p in f.predicates), None)
        if held is None or not isinstance(f.object, int):
            continue
        text = out.mentions[f.object].text
        words = set(text.casefold().split())
        if words & PARTY_WORDS or is_party(text) or party_name(text):
            instead = "member_of_political_party"  # "a member of the Labour Party" too
        elif words & MEMBERSHIP_BODY_WORDS and held == "employer":
            instead = "member_of"
        else:
            continue
        preds = tuple(dict.fromkeys(instead if p == held else p for p in f.predicates))
        out.facts[n] = replace(f, predicates=preds)


def _read_mentions(
    out: DocExtraction,
    sdoc: Doc,
    tab: Tokens,
    offset: int,
    kind: str,
    token_mention: dict[int, int],
    dates: list[Span],
    words: frozenset[str] = frozenset(),
) -> list[Span]:
    """Add the block's names to ``out.mentions`` (each token's mention to ``token_mention``)
    and its dates to ``dates``; the names' spans, in order."""
    doc_id = out.document.id
    label_end = _item_label_end(tab.text) if kind == "item" else -1
    spans: list[Span] = []
    names = [*sdoc.ents, *_unlabelled_names(sdoc, tab)]
    teams = _team_words(sdoc, tab, names, words)
    names += teams
    raw = out.document.text[offset : offset + len(tab.text)]
    credited = credits.credit_names(sdoc, raw)
    if credited:  # a wire credit's source and its city, for what the recogniser read there
        names = [e for e in names if not any(_overlap(e, c) for c in credited)] + credited
    credited_at = {(c.start, c.end) for c in credited}
    titled = _quoted_titles(sdoc, tab, names)
    if titled:  # a work's title in quotation marks, whole, for the names read inside it
        names = [e for e in names if not any(_overlap(e, q) for q in titled)]
    ended = credits.end_credits(raw)
    surnames = surnames_seen(sdoc, tab, out.mentions, names)
    names += surnames
    # a surname the tagger read as a common noun is a name all the same (junk's own test)
    seen = {e.start for e in surnames}
    team_at = {(e.start, e.end) for e in teams}  # named whole too, whatever its tag
    team_at |= {(q.start, q.end) for q in titled}
    found = sorted(names, key=lambda e: e.start)  # the quoted titles join no name, lose no word
    found = cuts.particle_joins(found, tab)
    found = joins.of_joins(joins.hyphen_joins(found, tab), tab)
    found = name_joins.person_joins(joins.given_name_joins(found, tab, words), tab, words)
    found = name_joins.split_person_joins(found, tab, words)
    found = name_joins.regnal(name_joins.linked_joins(found, tab), tab)
    found = org_joins.nationality_joins(org_joins.head_joins(found, tab), tab)
    found = org_joins.campus_joins(org_joins.and_joins(found, tab), tab)
    found = org_joins.coordinated_joins(found, tab, words)
    found = joins.ordinal_joins(found, tab)
    found = name_joins.division_joins(name_joins.year_joins(found, tab), tab)
    found = name_joins.model_numbers(found, tab)
    found = cuts.numbered(found, tab)
    head = 0  # where the block's own headline ends, if it opens with one
    if "\n" in raw:  # the block's own line breaks, which the parse read as spaces
        head = cuts.headline_end(out.document.text, offset, raw)
        found = [p for e in found for p in cuts.line_pieces(e, tab, raw, head)]
    found = run_ons.pieces(found, tab, out.mentions, raw)
    pieces = [
        n
        for e in found
        for o in org_joins.parent_pieces(e, tab)
        for j in cuts.bracket_pieces(o, tab)
        for k in cuts.joined_pieces(j, tab)
        for x in cuts.possessor_pieces(k, tab)
        for b in cuts.spokespeople_pieces(x, tab)
        for p in ([b] if (b.start, b.end) in credited_at else cuts.dateline_pieces(b, tab))
        for q in cuts.nationality_pieces(p, tab)
        for n in cuts.title_pieces(q, tab)
    ]
    pieces = org_joins.capital_joins(pieces, tab, raw)
    if titled:
        pieces = [p for p in pieces if not any(_overlap(p, q) for q in titled)]
        pieces = sorted(pieces + titled, key=lambda e: e.start)
    for ent in pieces:
        label = ent.label_
        if label in LITERAL_LABELS:
            dates.append(with_day(ent))
            continue
        if label not in LABEL_TYPES:
            continue
        # a credit's source is named whole, whatever its words' tags ("THE NATION"), and so is a
        # team's one word before a player noun ("Dortmund keeper")
        whole = (ent.start, ent.end) in credited_at or (ent.start, ent.end) in team_at
        span = ent if whole else bounds.trim(ent, tab)
        if span is None or (bounds.junk(span, tab) and span.start not in seen and not whole):
            continue
        if label == "NORP" and types.is_party(span.text):
            span = _relabelled(span, "ORG")  # "the Republicans": the party, for the type model too
            label = "ORG"
        elif label in ("ORG", "PERSON") and _nationality_before_title(span, tab):
            span = _relabelled(span, "NORP")  # "Guatemalan President X": whose president
            label = "NORP"
        i, j = span.start, span.end
        start_char, end_char = tab.idx[i], tab.end_char[j - 1]
        # a headline the block opens with counts as a headline block of its own would (ingest
        # gives it one): its names count where the body names them too (finish)
        titled = kind in TITLE_KINDS or start_char < label_end or end_char <= head
        zone = "title" if titled else "body"
        start, end = offset + start_char, offset + end_char
        surface = out.document.text[start:end]
        sent = tab.sent(i)  # Span.sent: the sentence of the span's first token
        m = RawMention(
            doc_id,
            start,
            end,
            # a name may run across a line break or blanked markup: compare it tidied
            _acronyms_kept(" ".join(tab.text[start_char:end_char].split()), surface, words),
            label,
            types.label_votes(LABEL_TYPES[label]),
            zone,
            (offset + sent.start_char, offset + sent.end_char),
            surface=surface,
        )
        m.credit = any(a <= start_char < b for a, b in ended)
        types.vote(m, i, j, tab)
        m.plain = plain_words.plain(i, j, tab, words, raw)
        if (label == "NAME" and no_name(span, tab)) or cuts.portfolio(i, j, tab):
            m.votes.clear()
        for k in range(i, j):
            token_mention[k] = len(out.mentions)
        out.mentions.append(m)
        spans.append(span)
    return spans


def _acronyms_kept(text: str, surface: str, words: frozenset[str]) -> str:
    """A name of a block parsed with its capitals recased ("BERLIN (AP)" read as "Berlin
    (Ap)"; kg.ingest.blocks), its short acronyms in capitals again as the document writes
    them: a word of two or three letters that is no English word ("AP", "AFP", "BBC"), where
    "NEW" of "NEW YORK" stays "New"."""
    written = surface.split()
    if text == surface or len(written) != len(text.split()):
        return text
    return " ".join(
        s
        if 2 <= len(s) <= 3 and s.isalpha() and s.isupper() and not is_word(s.lower(), words)
        else w
        for w, s in zip(text.split(), written, strict=True)
    )


def _overlap(a: Span, b: Span) -> bool:
    return a.start < b.end and b.start < a.end


def _unlabelled_names(sdoc: Doc, t: Tokens) -> list[Span]:
    """Runs of proper nouns (NNP, NNPS) outside spaCy's entities and within one sentence:
    the small model's recogniser misses names it has not seen ("Modern Talking", "Kuala
    Lumpur"), and the relation model can still pair them."""
    from spacy.tokens import Span

    out: list[Span] = []
    start, end = -1, 0
    for i, (tag, ent, punct) in enumerate(zip(t.tag, t.ent, t.punct, strict=True)):
        if start >= 0 and i == end and _joining_hyphen(i, t):
            end = i + 1  # "ITAR-TASS", "Interfax-Ukraine": one name
            continue
        if tag not in ("NNP", "NNPS") or ent or punct:
            continue
        if start >= 0 and (i != end or t.sent_start[i]):
            out.append(Span(sdoc, start, end, label="NAME"))
            start = -1
        if start < 0:
            start = i
        end = i + 1
    if start >= 0:
        out.append(Span(sdoc, start, end, label="NAME"))
    return [_without_titles(s, t) for s in out]


def _quoted_titles(sdoc: Doc, t: Tokens, names: list[Span]) -> list[Span]:
    """Titles of works news and encyclopedias write in quotation marks, as works ("his single
    "Thank You for the Music"", "the film "Days Like This""): the recogniser reads a title's
    capitalised words as names of their own ("Music") or none. A title is capitalised as a
    headline is (``HEADLINE_SMALL_WORDS`` aside) and holds no clause's punctuation, so a
    quoted sentence is none; a quoted word between two names is a nickname ("Joaquin "El
    Chapo" Guzman"). News quotes much else that is title-cased (the "Islamic State", a
    newspaper, a slogan), so a title counts only where its block says it is a work: a work's
    noun beside one of its quotings (``TITLE_CUE_WORDS``), a list with such a title, or the
    recogniser's own label of a work. It is kept whole: the trimming of names would cut a
    title's verbs and pronouns ("Thank You")."""
    from spacy.tokens import Span

    exact = {(e.start, e.end): e.label_ for e in names if e.label_ != "NAME"}
    found: list[tuple[int, int]] = []
    i = 0
    while i < t.n - 2:
        closing = QUOTE_MARKS.get(t.orth[i])
        j = i + 1
        while closing and j < t.n and j - i <= QUOTED_TITLE_WORDS + 1 and t.orth[j] not in closing:
            j += 1
        if closing and j < t.n and t.orth[j] in closing and _title(i + 1, j, t):
            found.append((i + 1, j))
            i = j
        i += 1
    works = _worked_titles(found, t, exact)
    out: list[Span] = []
    for a, b in found:
        if t.span_text(a, b).lower() in works:
            label = exact.get((a, b), "WORK_OF_ART")
            out.append(Span(sdoc, a, b, label=label if label in WORK_LABELS else "WORK_OF_ART"))
    return out


def _worked_titles(
    found: list[tuple[int, int]], t: Tokens, exact: dict[tuple[int, int], str]
) -> set[str]:
    """The quoted titles (lower-cased) that the block says are works: a work's noun among the
    few words before a quoting or after it in its sentence, the recogniser's label of a work,
    or a list ("X", "Y" and "Z") one of whose titles is said so."""
    cued = []
    for a, b in found:
        s = t.sents[t.sent_of[a]]
        before = range(max(s.start, a - 1 - TITLE_CUE_BEFORE), a - 1)
        after = range(b + 1, min(s.end, b + 1 + TITLE_CUE_AFTER))
        cued.append(
            exact.get((a, b)) == "WORK_OF_ART"
            or any(t.lemma[k] in TITLE_CUE_WORDS for k in (*before, *after))
        )
    for _ in range(2):  # a list's titles share their cue, both ways
        for k in range(1, len(found)):
            (_, b0), (a1, _) = found[k - 1], found[k]
            between = {t.lower[x] for x in range(b0 + 1, a1 - 1)}
            if between and between <= LIST_JOINS and a1 - 1 - (b0 + 1) <= 2:
                cued[k] = cued[k - 1] = cued[k] or cued[k - 1]
    return {t.span_text(a, b).lower() for (a, b), c in zip(found, cued, strict=True) if c}


def _title(a: int, b: int, t: Tokens) -> bool:
    """Whether tokens ``a`` to ``b`` are capitalised as a title, and no nickname."""
    if b <= a or b - a > QUOTED_TITLE_WORDS or not t.orth[a][:1].isupper():
        return False
    if any(t.sent_start[k] for k in range(a + 1, b)):
        return False
    if t.lower[b - 1] in HEADLINE_SMALL_WORDS:
        return False
    for k in range(a, b):
        w = t.orth[k]
        if w in TITLE_BREAKS:
            return False
        lower = t.lower[k]  # "n't" of "Can't Buy Me Love" is no word of its own
        if w[:1].isalpha() and not w[:1].isupper() and lower not in HEADLINE_SMALL_WORDS:
            if lower != "n't":
                return False
    proper = ("NNP", "NNPS")
    return not (a > 1 and b + 1 < t.n and t.tag[a - 2] in proper and t.tag[b + 1] in proper)


def _team_words(sdoc: Doc, t: Tokens, names: list[Span], words: frozenset[str]) -> list[Span]:
    """A team's one-word name the tagger read as a plain word ("Dortmund keeper X";
    kg.extract.plain_words.team_words), where no name is read already."""
    from spacy.tokens import Span

    return [
        Span(sdoc, a, b, label="NAME")
        for a, b in plain_words.team_words(t, words)
        if not any(e.start < b and a < e.end for e in names)
    ]


def _joining_hyphen(i: int, t: Tokens) -> bool:
    """Whether token ``i`` is a hyphen written without spaces between two proper nouns
    outside spaCy's entities, as in the name of an agency or a company ("ITAR-TASS"): the
    tokenizer splits it, and the run of proper nouns would be cut in two names."""
    k = i + 1
    return (
        t.orth[i] == "-"
        and k < t.n
        and t.end_char[i - 1] == t.idx[i]
        and t.end_char[i] == t.idx[k]
        and t.tag[k] in ("NNP", "NNPS")
        and not t.ent[k]
        and not t.sent_start[k]
    )


def _nationality_before_title(span: Span, t: Tokens) -> bool:
    """Whether ``span`` is a nationality word right before a title or a role ("Guatemalan
    President", "Honduran Minister"), which the recogniser may label a body or a person: the
    adjective says whose the office is."""
    nxt = span.end
    return (  # the next word first: most names are followed by none of these
        nxt < len(t.lower)
        and (t.lower[nxt].rstrip(".") in HONORIFICS or t.lower[nxt] in ROLE_NOUNS)
        and types.is_nationality(span.text)
    )


def _relabelled(span: Span, label: str) -> Span:
    from spacy.tokens import Span

    return Span(span.doc, span.start, span.end, label=label)


def _without_titles(span: Span, t: Tokens) -> Span:
    """A proper-noun run without its leading honorifics ("Sen.", "Capt") and the trade written
    as a title before a person's name ("Coach Pep Guardiola", "Striker Harry Kane"), as a
    name the recogniser read loses them (``joins.title_start``)."""
    k = 0
    while k < len(span) - 1 and t.lower[span.start + k].rstrip(".") in HONORIFICS:
        k += 1
    k = joins.title_start(span.start + k, span.end, t) - span.start
    if k == 0:
        return span
    from spacy.tokens import Span

    return Span(span.doc, span.start + k, span.end, label=span.label_)


def no_name(span: Span, t: Tokens | None = None) -> bool:
    """Titles, months, common nouns ("Lab", "Secretary", "Jun") or codes with digits, not an
    ordinal in figures before a word ("12th Brigade"): a
    proper-noun run that names nothing. It stays a mention, so that the relation model reads
    the sentence as it is, but it takes no votes and so makes no entity. ``t``: the block's
    token table, where the caller has it."""
    lower = t.lower[span.start : span.end] if t is not None else [w.lower_ for w in span]
    words = [w.rstrip(".") for w in lower]
    if len(words) > 1 and joins.figured(words[0]):
        return False  # a unit by its number: "the 12th Brigade", "the 9th District"
    if any(c.isdigit() for w in words for c in w):
        return True
    if words[-1] in HONORIFICS:
        return True  # a title before a name spaCy took apart: "Navy Capt" (John Smith)
    if len(words) == 1 and (words[0] in ORG_SUFFIXES or words[0] in NOUN_TYPE):
        return True  # "Lab", "Company" alone; "Acme Labs", "General Motors" are names
    return all(w in TITLE_WORDS or w in ROLE_NOUNS or w in MONTHS for w in words)


def finish(out: DocExtraction) -> None:
    """Document-level clean-up: title-zone names count only when the body names them too;
    a quotation still open at the end is closed; a sports report's teams are teams, and a
    person's employer among them the team the person plays for; the names
    of a table's rows, each with its country in brackets, are of one kind; a word of
    the language whose capital says nothing is no name (``plain_words.unname``)."""
    quotes.finish(out)
    types.lone_names(out.mentions)
    roles.team_facts(out, types.sports_teams(out.mentions))
    types.bracketed_rows(out.mentions, out.document.text)
    plain_words.unname(out.mentions, out.document.text)
    body = {m.text.casefold() for m in out.mentions if m.zone == "body"}
    # a headline's surname of a full name the body writes ("Obama" over "Barack Obama ...")
    body |= {n.rsplit(maxsplit=1)[-1] for n in body if " " in n}
    for m in out.mentions:
        if m.zone == "title" and m.text.casefold() not in body:
            m.votes.clear()  # resolution skips mentions without votes: a heading-only name


def _item_label_end(text: str) -> int:
    """Where the label of a list item such as "- Data Pipelines: ..." ends (-1: none)."""
    m = re.match(r"\s*[^:.!?]{1,60}:", text)
    return m.end() if m else -1
