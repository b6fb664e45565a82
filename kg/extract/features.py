"""The relation and type models' features: what the trained weights read.

For each ordered pair of names in a block (and each name with a date in the same sentence) the
relation model reads sparse features: the dependency path between the two mentions, the words
between them, their entity labels, the rules that fired on the pair, and where they sit in the
block. The type model reads a name's words, shape, label and context.

The contract: these functions give, for the same parse, exactly the strings the shipped models
(kg/data/relations.npz, types.npz) were trained on, and each model file records the
FEATURES_VERSION it was trained with. Any change here, of a string, a cut-off or an order that
decides which mentions are read, needs ``make train`` and FEATURES_VERSION bumped;
tests/extract/test_features.py fails on any change until its golden file is regenerated.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from typing import TYPE_CHECKING, NamedTuple

from kg.defaults import MAX_BETWEEN, MAX_CONTEXTS, MAX_PAIRS
from kg.extract.dates import iso_date
from kg.extract.records import Candidate, DocExtraction
from kg.extract.tokens import Sentence, Tokens
from kg.names import name_key

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

# The features' version, recorded in each model file at training and checked at load.
FEATURES_VERSION = 1
PLACE_LABELS = frozenset({"GPE", "LOC", "NORP", "FAC"})


class _Span(NamedTuple):
    """A mention's (or date's) tokens in its block, and its syntactic root (``Span.root``)."""

    start: int
    end: int
    root: int


def _bucket(n: int) -> str:
    return str(n) if n < 4 else "4-6" if n < 7 else "7-12" if n < 13 else "13+"


class _Block:
    """The names, dates and rule hits of one parsed block."""

    def __init__(
        self,
        out: DocExtraction,
        sdoc: Doc,
        offset: int,
        first: int,
        dates: list[Span],
        tokens: Tokens | None = None,
    ) -> None:

        self.out, self.sdoc, self.offset = out, sdoc, offset
        # token attributes and sentences read once: spaCy makes a new Token object on every
        # access, and Doc.sents and Span.sent walk the document anew at each call
        self.t = tab = tokens if tokens is not None else Tokens(sdoc)
        self.groups: dict[str, list[int]] = defaultdict(list)  # name key -> mention indexes
        for i in range(first, len(out.mentions)):
            self.groups[name_key(out.mentions[i].text)].append(i)
        self.groups.pop("", None)
        self.order = list(self.groups)  # in order of first mention
        self.sent_of: dict[int, Sentence] = {}
        self.head, self.dep, self.lower, self.lemma = tab.head, tab.dep, tab.lower, tab.lemma
        self.pos_, self.ent = tab.pos, tab.ent
        self.keep = [not p or w in ",(" for p, w in zip(tab.punct, tab.lower, strict=True)]
        self.span_of: dict[int, _Span] = {}
        self.pos: dict[int, tuple[int, int]] = {}
        for i in range(first, len(out.mentions)):
            m = out.mentions[i]
            got = tab.char_span(m.start - offset, m.end - offset)  # as Doc.char_span "expand"
            if got is not None:
                span = self.span_of[i] = _Span(*got, tab.root(*got))
                self.sent_of[i] = tab.sent(span.start)
                self.pos[i] = (self.sent_of[i].start, span.start)  # plain ints: pairs compare often
        self.dates = dates
        # a dict, not a set: the rule hits keep the order the rules gave them, so a pair's
        # features (and the sums of its weights) do not move with Python's string hashing
        self.rules: dict[tuple[str, str], dict[str, None]] = defaultdict(dict)
        self._contexts: dict[str, list[str]] = {}
        self._keys: dict[str, _KeyFeatures] = {}
        self._chains: dict[int, _Chain] = {}

    def contexts(self, key: str, ms: list[int]) -> list[str]:
        """How the text uses a name, over its first mentions: its dependency role and head word
        ("pobj|in|bear": "born in X"). Read once a name, shared by all its pairs."""
        got = self._contexts.get(key)
        if got is None:
            seen: dict[str, None] = {}
            for i in ms[:MAX_CONTEXTS]:
                r = self.span_of[i].root
                h = self.head[r]
                c = f"{self.dep[r]}|{self.lemma[h] if h != r else '<root>'}"
                if self.dep[r] == "pobj" and self.head[h] != h:
                    c += f"|{self.lemma[self.head[h]]}"
                seen[c] = None
            got = self._contexts[key] = list(seen)
        return got

    def add_rule_hits(self, facts_from: int) -> None:

        for f in self.out.facts[facts_from:]:
            if isinstance(f.object, int):
                a = name_key(self.out.mentions[f.subject].text)
                b = name_key(self.out.mentions[f.object].text)
                self.rules[(a, b)][f.predicates[0]] = None

    def label(self, i: int) -> str:
        return self.out.mentions[i].label

    def key_features(self, key: str, ms: list[int]) -> _KeyFeatures:
        got = self._keys.get(key)
        if got is None:
            mentions = self.out.mentions
            ctx = self.contexts(key, ms)
            got = self._keys[key] = _KeyFeatures(
                mentions[ms[0]].label,
                min(len(ms), 3),
                next((mentions[i].kind for i in ms if mentions[i].kind), ""),
                tuple(f"actx:{c}" for c in ctx),
                tuple(f"bctx:{c}" for c in ctx),
                ms,
                tuple(mentions[i].text for i in ms),
            )
        return got

    def chain(self, i: int) -> _Chain:
        """Token ``i`` and its heads up to the root (30 at most), found once a token."""
        got = self._chains.get(i)
        if got is None:
            head, dep = self.head, self.dep
            up = [i]
            while head[up[-1]] != up[-1] and len(up) < 30:
                up.append(head[up[-1]])
            # "/"-joined dependency labels of up[:k], and of up[:k] read downwards
            ups, downs = [""], [""]
            for k, t in enumerate(up):
                ups.append(ups[-1] + "/" + dep[t] if k else dep[t])
                downs.append(dep[t] + "/" + downs[-1] if k else dep[t])
            got = self._chains[i] = _Chain(up, {t: k for k, t in enumerate(up)}, ups, downs)
        return got

    def path(self, a: int, b: int) -> tuple[list[int], int | None, list[int], str]:
        """Token indexes up from ``a`` to the lowest common ancestor, it, down to ``b``, and
        the path's dependency labels ("nsubj^dobj")."""
        ca, cb = self.chain(a), self.chain(b)
        at = ca.at
        for m, t in enumerate(cb.up):
            k = at.get(t)
            if k is not None:
                return ca.up[:k], t, cb.up[:m][::-1], ca.ups[k] + "^" + cb.downs[m]
        return [], None, [], ""


class _Chain(NamedTuple):
    """A token's way up the parse (see _Block.chain)."""

    up: list[int]  # the token, its head, its head's head...
    at: dict[int, int]  # token -> its place in up
    ups: list[str]  # k -> the dependency labels of up[:k], "/"-joined
    downs: list[str]  # k -> the same, last first


def candidates(
    out: DocExtraction,
    sdoc: Doc,
    offset: int,
    first: int,
    dates: list[Span],
    facts_from: int,
    tokens: Tokens | None = None,
) -> Iterator[Candidate]:
    """Every ordered pair of names in the block, and each name with a date in its sentence."""
    blk = _Block(out, sdoc, offset, first, dates, tokens)
    blk.add_rule_hits(facts_from)
    # each name's mentions found in the block, in order of first mention
    mentions = {k: ms for k in blk.order if (ms := [i for i in blk.groups[k] if i in blk.span_of])}
    keys = list(mentions)
    first_key = keys[0] if keys else None

    isos = [
        (_Span(d.start, d.end, blk.t.root(d.start, d.end)), d, iso)
        for d in dates
        if (iso := iso_date(d.text)) is not None
    ]
    # names the recogniser left out pair only within a sentence: across sentences they are
    # many pairs and little evidence
    sents = {k: {blk.pos[i][0] for i in v} for k, v in mentions.items()}
    unlabelled = {k for k, v in mentions.items() if any(out.mentions[i].label == "NAME" for i in v)}
    kfs = {k: blk.key_features(k, mentions[k]) for k in keys}
    for ka in keys:
        a = kfs[ka]
        for kb in keys:
            if ka == kb:
                continue
            if (ka in unlabelled or kb in unlabelled) and sents[ka].isdisjoint(sents[kb]):
                continue
            yield _pair(blk, ka, kb, a, kfs[kb], first_key)
        for ds, d, iso in isos:
            yield from _date_pairs(blk, ka, a.mentions, ds, d, iso, first_key)


def _entity_features(
    blk: _Block, ka: str, kb: str, a: _KeyFeatures, b: _KeyFeatures, first: str | None, sx: str
) -> tuple[str, list[str]]:
    """The pair's features from its two names alone; each ends with ``sx`` ("|x" for a pair
    read across sentences)."""
    la, lb = a.label, b.label
    tt = f"{la}>{lb}"
    f = [f"tt:{tt}{sx}"]
    if ka == first:
        f.append(f"afirst|{lb}{sx}")
    if kb == first:
        f.append(f"bfirst|{la}{sx}")
    if lb in PLACE_LABELS:
        f.append(f"bname:{kb}{sx}")
        f.append(f"bname:{kb}|{la}{sx}")
    if la in PLACE_LABELS:
        f.append(f"aname:{ka}{sx}")
    f.append(f"na:{a.count}|nb:{b.count}{sx}")
    # what the text calls each ("X is a town", "the album Y"): says which properties can hold
    if a.kind:
        f.append(f"akind:{a.kind}|{lb}{sx}")
    if b.kind:
        f.append(f"bkind:{b.kind}|{la}{sx}")
    if a.kind and b.kind:
        f.append(f"kinds:{a.kind}>{b.kind}{sx}")
    f.extend(a.first_of(sx))
    f.extend(b.second_of(la, sx))
    for p in blk.rules.get((ka, kb), ()):
        f.append(f"rule:{p}{sx}")
    for p in blk.rules.get((kb, ka), ()):
        f.append(f"rrule:{p}{sx}")
    return tt, f


class _KeyFeatures:
    """What a name brings to each of its pairs, made once a block."""

    def __init__(
        self,
        label: str,
        count: int,
        kind: str,
        as_a: tuple[str, ...],
        as_b: tuple[str, ...],
        mentions: list[int],
        names: tuple[str, ...],
    ) -> None:
        self.label = label
        self.count = count  # its mentions in the block, 3 at most
        self.kind = kind  # the noun the text describes it by, if any
        self.as_a = as_a  # its contexts as the pair's first name
        self.as_b = as_b  # and as its second
        self.mentions = mentions  # its mentions in the block
        self.names = names  # their texts
        self._made: dict[tuple[str, str], tuple[str, ...]] = {}

    def first_of(self, sx: str) -> tuple[str, ...]:
        """Its contexts as the pair's first name, each ending with ``sx``."""
        if not sx:
            return self.as_a
        got = self._made.get(("", sx))
        if got is None:
            got = self._made[("", sx)] = tuple(c + sx for c in self.as_a)
        return got

    def second_of(self, other: str, sx: str) -> tuple[str, ...]:
        """Its contexts as the pair's second name, plain and with the label ``other`` of the
        first, each ending with ``sx``: the same strings for every pair, made once."""
        got = self._made.get((other, sx))
        if got is None:
            got = self._made[(other, sx)] = tuple(
                g for c in self.as_b for g in (f"{c}{sx}", f"{c}|{other}{sx}")
            )
        return got


def _pair(
    blk: _Block, ka: str, kb: str, ka_f: _KeyFeatures, kb_f: _KeyFeatures, first: str | None
) -> Candidate:
    same: list[tuple[int, int, int]] = []  # (token distance, a, b) within one sentence
    near: tuple[int, int, int] | None = None  # (sentence distance, a, b)
    pos = blk.pos
    mb = kb_f.mentions
    for a in ka_f.mentions:
        sa, ta = pos[a]
        for b in mb:
            sb, tb = pos[b]
            if sa == sb:
                same.append((abs(ta - tb), a, b))
            else:
                d = abs(sa - sb)
                if near is None or d < near[0]:
                    near = (d, a, b)
    ms = blk.out.mentions
    names = (ka_f.names, kb_f.names)
    if same:
        tt, f = _entity_features(blk, ka, kb, ka_f, kb_f, first, "")
        same.sort()
        _, a, b = same[0]
        verbs = _sentence_features(blk, blk.span_of[a], blk.span_of[b], tt, f)
        # the other sentences that name both: what one of them says is evidence too
        for _, a2, b2 in same[1:MAX_PAIRS]:
            _sentence_features(blk, blk.span_of[a2], blk.span_of[b2], tt, f)
        f.append(f"ns:{min(len(same), MAX_PAIRS)}")
        sent = blk.sent_of[a]
        span = (blk.offset + sent.start_char, blk.offset + sent.end_char)
        return Candidate(a, b, (ms[b].start, ms[b].end), span, f, names, verbs)
    assert near is not None
    _, a, b = near
    # across sentences: every feature ends with "|x", as a model reads them apart
    tt, f = _entity_features(blk, ka, kb, ka_f, kb_f, first, "|x")
    f.append(f"x|{tt}|x")
    # the sentences' places in the block
    ia, ib = blk.t.sent_of[blk.span_of[a].start], blk.t.sent_of[blk.span_of[b].start]
    f.append(f"xd:{_bucket(abs(ia - ib))}|{tt}|x")
    f.append(f"xs:{min(ia, 3)}>{min(ib, 3)}|{tt}|x")  # the opening sentence names the topic
    s1, s2 = (blk.sent_of[a], blk.sent_of[b]) if ia < ib else (blk.sent_of[b], blk.sent_of[a])
    span = (blk.offset + s1.start_char, blk.offset + s2.end_char)
    return Candidate(a, b, (ms[b].start, ms[b].end), span, f, names)


def _date_pairs(
    blk: _Block, ka: str, ma: list[int], ds: _Span, d: Span, iso: str, first: str | None
) -> Iterator[Candidate]:
    start = blk.t.sent(d.start).start
    hits = [a for a in ma if blk.pos[a][0] == start]
    if not hits:
        return
    a = min(hits, key=lambda i: abs(blk.span_of[i].start - d.start))
    la = blk.label(a)
    tt = f"{la}>DATE"
    f = [f"tt:{tt}"]
    if ka == first:
        f.append("afirst|DATE")
    verbs = _sentence_features(blk, blk.span_of[a], ds, tt, f)
    sent = blk.sent_of[a]
    m = blk.out.mentions[a]
    span = (blk.offset + sent.start_char, blk.offset + sent.end_char)
    yield Candidate(
        a,
        iso,
        (blk.offset + d.start_char, blk.offset + d.end_char),
        span,
        f,
        ((m.text,), (d.text,)),
        verbs,
    )


def _sentence_features(blk: _Block, sa: _Span, sb: _Span, tt: str, f: list[str]) -> tuple[int, ...]:
    """Features of two mentions in one sentence; returns the verbs on the path between them."""
    if sa.start < sb.start:
        order, left, right = "ab", sa, sb
    else:
        order, left, right = "ba", sb, sa
    lemma, pos, ent = blk.lemma, blk.pos_, blk.ent
    lo, hi = left.end, right.start  # the words between them
    n = hi - lo if hi > lo else 0
    f.append(f"o:{order}|{tt}")
    f.append(_DISTANCE[order][n] if n < len(_BUCKETS) else f"d:{_bucket(n)}|{order}")
    if n <= 4:
        words = " ".join(blk.lower[lo:hi])
        f.append(f"bs:{words}|{order}")
        f.append(f"bs:{words}|{order}|{tt}")
    if n <= MAX_BETWEEN:
        keep = blk.keep
        f += [f"bw:{lemma[i]}|{order}" for i in range(lo, hi) if keep[i]]
    if left.start > 0:
        f.append(f"pre:{lemma[left.start - 1]}|{order}")
    if right.end < len(lemma):
        f.append(f"post:{lemma[right.end]}|{order}")
    ra, rb = sa.root, sb.root
    up, lca, down, dep = blk.path(ra, rb)
    if lca is None:
        return ()
    # a name's own word is no evidence of a relation: only words outside the names count
    lem = "<name>" if lca == ra or lca == rb or ent[lca] else lemma[lca]
    f.append(f"p:{dep}")
    f.append(f"p:{dep}|{tt}")
    f.append(f"pl:{dep}|{lem}")
    f.append(f"l:{lem}|{tt}")
    # the words on the path: a's own head word left out, b's included
    inner = up[1:] + down
    f += [f"pw:{lemma[i]}" for i in inner[:4] if pos[i] in _PATH_WORDS and not ent[i]]
    return tuple([i for i in (lca, *inner) if pos[i] in ("VERB", "AUX")])


_PATH_WORDS = ("VERB", "NOUN", "ADP")


# "d:" features of the short distances, made once
_BUCKETS = [_bucket(n) for n in range(MAX_BETWEEN + 1)]


_DISTANCE = {o: [f"d:{b}|{o}" for b in _BUCKETS] for o in ("ab", "ba")}


def mention_features(span: Span, tokens: Tokens | None = None) -> list[str]:
    """Features of a name for the type classifier: its words, shape, label and context.
    ``tokens``: the token table of the span's block, where the caller has it."""
    t = tokens if tokens is not None else Tokens(span.doc)
    start, end, lower = span.start, span.end, t.lower
    words = lower[start:end]
    lab = span.label_
    f = [f"lab:{lab}", f"last:{words[-1]}", f"first:{words[0]}", f"suf:{words[-1][-3:]}"]
    f += [f"w:{w}" for w in words]
    f.append(f"n:{min(len(words), 4)}|{lab}")
    f.append(f"shape:{t.shape[start][:4]}|{t.shape[end - 1][:4]}")
    prev = lower[start - 1] if start > 0 else "<s>"
    prev2 = lower[start - 2] if start > 1 else "<s>"
    nxt = lower[end] if end < t.n else "</s>"
    nxt2 = lower[end + 1] if end + 1 < t.n else "</s>"
    f += [f"prev:{prev}", f"prev2:{prev2} {prev}", f"next:{nxt}", f"next2:{nxt} {nxt2}"]
    f.append(f"prev:{prev}|{lab}")
    root = t.root(start, end)
    # a sentence root's head word is the root itself (FEATURES_VERSION 1 reads it so)
    head = t.lemma[t.head[root]]
    dep = t.dep[root]
    f += [f"dep:{dep}", f"dep:{dep}|{head}", f"dep:{dep}|{lab}"]
    return f
