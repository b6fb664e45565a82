"""The relation classifier: a linear model over pairs of names in a block of text.

The dependency rules read the constructions they know; the classifier reads the rest. For each
ordered pair of names in a block (and each name with a date in the same sentence) it builds
sparse features: the dependency path between the two mentions, the words between them, their
entity labels, the rules that fired on the pair, and where they sit in the block. A multinomial
logistic regression (plain numpy, trained by ``python -m kg.train``) scores every Wikidata
property kg's vocabulary has, plus "none"; each property whose probability clears its threshold
(chosen per property on the development parts) becomes
facts with ``rule="model"``. Its weights ship in ``kg/data/relations.npz``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

import numpy as np

from kg import vocab
from kg.errors import ModelError
from kg.extract.records import Candidate, DocExtraction, RawFact
from kg.extract.rules import HEDGE_VERBS, NEGATING_VERBS, Sentence, Tokens, iso_date
from kg.files import DATA
from kg.names import name_key

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span


ARTEFACT = DATA / "relations.npz"
NONE = "NONE"
PLACE_LABELS = {"GPE", "LOC", "NORP", "FAC"}
# Below this a property is a guess, whatever threshold served the benchmark best: not a fact.
# Low, as facts carry the probability as their confidence; the thresholds do the choosing.
MIN_PROBABILITY = 0.05
MAX_BETWEEN = 12  # tokens: words between two mentions farther apart say little
MAX_PAIRS = 3  # mention pairs of one sentence whose features a pair of names pools
MAX_CONTEXTS = 3  # mentions of a name whose syntactic context describes it


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
        self.rules: dict[tuple[str, str], set[str]] = defaultdict(set)
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
                self.rules[(a, b)].add(f.predicates[0])

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
    inner = up[1:] + down  # as trained: the words on the path, b's own head word included
    f += [f"pw:{lemma[i]}" for i in inner[:4] if pos[i] in _PATH_WORDS and not ent[i]]
    return tuple([i for i in (lca, *inner) if pos[i] in ("VERB", "AUX")])


_PATH_WORDS = ("VERB", "NOUN", "ADP")
# "d:" features of the short distances, made once
_BUCKETS = [_bucket(n) for n in range(MAX_BETWEEN + 1)]
_DISTANCE = {o: [f"d:{b}|{o}" for b in _BUCKETS] for o in ("ab", "ba")}


@dataclass(frozen=True)
class RelationModel:
    """Weights of a linear classifier: one row a feature, one column a class."""

    features: dict[str, int]
    weights: np.ndarray  # float32 [features + 1, classes]; the last row is the bias
    classes: tuple[str, ...]  # NONE, then Wikidata property ids
    thresholds: np.ndarray  # per class: the probability a property needs to become a fact

    def probabilities(self, feats: list[list[str]]) -> np.ndarray:
        if not feats:
            return np.zeros((0, len(self.classes)), dtype=np.float32)
        bias = len(self.features)
        get = self.features.get
        idx, ptr = [], [0]
        for fs in feats:
            idx.append(bias)
            idx.extend([i for i in map(get, fs) if i is not None])  # the known features
            ptr.append(len(idx))
        # take: the rows as fancy indexing copies them, a little faster
        rows = self.weights.take(np.array(idx, dtype=np.intp), axis=0)
        z = np.add.reduceat(rows, np.array(ptr[:-1], dtype=np.intp), axis=0)
        z -= z.max(axis=1, keepdims=True)
        np.exp(z, out=z)
        z /= z.sum(axis=1, keepdims=True)
        return z

    def save(self, path: Path) -> None:
        names = sorted(self.features, key=self.features.__getitem__)
        # 8-bit weights with one scale a class: a quarter of the size, the same decisions
        scale = np.maximum(np.abs(self.weights).max(axis=0), 1e-6) / 127.0
        np.savez_compressed(
            path,
            features=np.array(names),
            weights=np.round(self.weights / scale).astype(np.int8),
            scale=scale.astype(np.float32),
            classes=np.array(self.classes),
            thresholds=self.thresholds.astype(np.float32),
        )


@lru_cache(maxsize=4)
def load(path: str | None = None) -> RelationModel | None:
    """The shipped relation model, or the one at ``path`` (None when none has been trained)."""
    p = Path(path) if path else ARTEFACT
    if not p.is_file():
        if path:
            raise ModelError(f"{p}: no such relation model file")
        return None
    try:
        with np.load(p, allow_pickle=False) as z:
            names = [str(x) for x in z["features"]]
            return RelationModel(
                {n: i for i, n in enumerate(names)},
                z["weights"].astype(np.float32) * z["scale"].astype(np.float32),
                tuple(str(c) for c in z["classes"]),
                z["thresholds"].astype(np.float32),
            )
    except (OSError, KeyError, ValueError) as e:
        raise ModelError(f"{p}: not a kg relation model ({e})") from None


def _modality(verbs: tuple[int, ...], modality, lemma_: list[str]) -> tuple[bool, bool]:
    """(hedged, negated) over the verbs joining a pair: "denied that it had hired X" is
    negated by its top verb, "may acquire" hedged by its own."""

    hedged = negated = False
    for k, v in enumerate(verbs):
        h, n = modality(v)
        hedged, negated = hedged or h, negated or n
        if k == 0 and len(verbs) > 1:  # the top verb governs the others
            hedged = hedged or lemma_[v] in HEDGE_VERBS
            negated = negated or lemma_[v] in NEGATING_VERBS
    return hedged, negated


def read(
    out: DocExtraction,
    sdoc: Doc,
    offset: int,
    first: int,
    dates: list[Span],
    facts_from: int,
    model: RelationModel,
    modality,
    tokens: Tokens | None = None,
) -> None:
    """Add the model's facts for one parsed block to ``out``."""

    tab = tokens if tokens is not None else Tokens(sdoc)
    cands = list(candidates(out, sdoc, offset, first, dates, facts_from, tab))
    if not cands:
        return
    probs = model.probabilities([c.features for c in cands])
    classes = model.classes
    above = probs[:, 1:] >= np.maximum(model.thresholds[1:], MIN_PROBABILITY)
    # (candidate, class) of each property that clears its threshold, by candidate then class;
    # the probabilities as plain floats (each float32 exactly)
    rows, cols = np.nonzero(above)
    if not len(rows):
        return
    values = probs[:, 1:][above].tolist()
    for row, k, value in zip(rows.tolist(), (cols + 1).tolist(), values, strict=True):
        c = cands[row]
        pred = vocab.BY_WIKIDATA.get(classes[k])
        if pred is None:
            continue
        hedged, negated = _modality(c.verbs, modality, tab.lemma_)
        conf = value * (0.6 if hedged else 1.0)
        out.facts.append(
            RawFact(
                subject=c.subject,
                predicates=(pred.name,),
                object=c.object,
                rule="model",
                confidence=round(min(conf, 0.95), 3),
                sentence=c.sentence,
                object_span=c.object_span,
                hedged=hedged,
                negated=negated,
            )
        )


# -- entity types ----------------------------------------------------------------------------

TYPES_ARTEFACT = DATA / "types.npz"
TYPE_CLASSES = ("Other", "Person", "Organization", "Place")


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
    # a sentence root reads as its own head word: as trained, when `root.head is not root`
    # compared two Token objects, which spaCy makes anew at each access and so never held
    head = t.lemma[t.head[root]]
    dep = t.dep[root]
    f += [f"dep:{dep}", f"dep:{dep}|{head}", f"dep:{dep}|{lab}"]
    return f


@lru_cache(maxsize=2)
def load_types(path: str | None = None) -> RelationModel | None:
    """The shipped entity-type model (None when it has not been trained yet)."""
    p = Path(path) if path else TYPES_ARTEFACT
    return load(str(p)) if p.is_file() or path else None
