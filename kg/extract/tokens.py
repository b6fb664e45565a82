"""A parsed block's token attributes as plain lists: the table the rules, the mention filters
and the relation model's features read instead of spaCy's Token objects."""

from __future__ import annotations

from bisect import bisect_right
from functools import cached_property, lru_cache
from itertools import accumulate
from operator import add
from typing import TYPE_CHECKING, NamedTuple

from kg.defaults import STRING_MEMO_LIMIT

if TYPE_CHECKING:
    from spacy.strings import StringStore
    from spacy.tokens import Doc

# dependency labels of a verb's subject and of what it is done to (a passive's subject too)
SUBJ = ("nsubj", "csubj")
OBJ = ("dobj", "nsubjpass", "obj")
# a noun's roles in which it is its own clause's argument, not an apposition to the name before it
# ("In Tallinn, a man was arrested"; "sold to Arctic Fibre, a company founded in 2011" is one)
ARGUMENTS = frozenset({"nsubj", "nsubjpass", "dobj", "obj", "pobj", "attr"})


@lru_cache(maxsize=1)
def _attrs() -> list[int]:
    """The columns of Tokens, in the order it unpacks them (spaCy imported when first read)."""
    from spacy import attrs as A

    return [
        A.HEAD,
        A.DEP,
        A.LOWER,
        A.LEMMA,
        A.POS,
        A.TAG,
        A.IS_PUNCT,
        A.ENT_TYPE,
        A.SENT_START,
        A.ORTH,
        A.SHAPE,
        A.LENGTH,
        A.SPACY,
        A.IS_SPACE,
        A.IS_ALPHA,
        A.IS_LOWER,
        A.IS_STOP,
        A.IS_TITLE,
    ]


_WHITESPACE = ("", " ")  # a token's trailing whitespace, by its SPACY flag


class _Names(dict):
    """Hash -> string of one StringStore, filled on demand: a dict lookup is several times
    cheaper than ``StringStore.__getitem__``, and a block's words mostly repeat."""

    def __init__(self, strings: StringStore) -> None:
        super().__init__()
        self.strings = strings

    def __missing__(self, key: int) -> str:
        s = self[key] = self.strings[key]
        return s


class _LowerNames(dict):
    """Hash -> lower-cased string (lemmas compare in lower case)."""

    def __init__(self, names: _Names) -> None:
        super().__init__()
        self.names = names

    def __missing__(self, key: int) -> str:
        s = self[key] = self.names[key].lower()
        return s


_memo: tuple[StringStore, _Names, _LowerNames] | None = None


def _string_memo(strings: StringStore) -> tuple[_Names, _LowerNames]:
    global _memo
    if _memo is None or _memo[0] is not strings or len(_memo[1]) > STRING_MEMO_LIMIT:
        names = _Names(strings)
        _memo = (strings, names, _LowerNames(names))
    return _memo[1], _memo[2]


class Sentence(NamedTuple):
    """A sentence of a block: token range and character offsets (as ``Span`` has them)."""

    start: int
    end: int
    start_char: int
    end_char: int


class Tokens:
    """A parsed block's token attributes as plain lists, read in one go (``Doc.to_array``):
    spaCy makes a new Token object at every access, and the rules, the mention filters and
    the relation model's features scan every token of a block several times. The lists hold
    exactly what the Token attributes of the same names hold (``lemma`` lower-cased,
    ``lemma_`` as is); ``sents`` are ``Doc.sents``."""

    def __init__(self, sdoc: Doc) -> None:
        import numpy as np

        n = len(sdoc)
        attrs = _attrs()
        a = sdoc.to_array(attrs)
        names, lowered = _string_memo(sdoc.vocab.strings)
        get, get_lower = names.__getitem__, lowered.__getitem__
        # HEAD is an offset, stored unsigned: back to signed, then to the head's index
        self.head: list[int] = (np.arange(n, dtype=np.int64) + a[:, 0].astype(np.int64)).tolist()
        (
            _,
            dep,
            lower,
            lemma,
            pos,
            tag,
            punct,
            ent,
            sent_start,
            orth,
            shape,
            length,
            spacy,
            space,
            alpha,
            is_lower,
            stop,
            title,
        ) = a.T.tolist() if n else [[] for _ in attrs]
        self.dep: list[str] = list(map(get, dep))
        self.lower: list[str] = list(map(get, lower))
        self.lemma: list[str] = list(map(get_lower, lemma))
        self.pos: list[str] = list(map(get, pos))
        self.tag: list[str] = list(map(get, tag))
        self.punct: list[int] = punct
        self.ent: list[bool] = list(map(bool, ent))
        self.sent_start: list[bool] = list(map((1).__eq__, sent_start))
        self.orth: list[str] = list(map(get, orth))
        self.space: list[int] = space
        self.alpha: list[int] = alpha
        self.is_lower: list[int] = is_lower
        self.stop: list[int] = stop
        self.title: list[int] = title
        self._names, self._lemma_ids, self._shape_ids = names, lemma, shape
        # Doc.text and Token.idx, as spaCy builds them: each token's text and its whitespace
        self.text = "".join(map(add, self.orth, map(_WHITESPACE.__getitem__, spacy)))
        self.idx: list[int] = list(accumulate(map(add, length, spacy), initial=0))[:n]
        self.end_char: list[int] = list(map(add, self.idx, length))
        self.n = n
        self._sentences(n)

    def _sentences(self, n: int) -> None:
        """Doc.sents: a sentence starts at token 0 and at every later SENT_START of 1."""
        starts = [i for i in range(1, n) if self.sent_start[i]]
        bounds = list(zip([0, *starts], [*starts, n], strict=True)) if n else []
        self.sents: list[Sentence] = [
            Sentence(s, e, self.idx[s], self.end_char[e - 1]) for s, e in bounds
        ]
        self._roots: dict[tuple[int, int], int] = {}  # span -> root, asked for several times
        self.sent_of: list[int] = []
        for k, (s, e) in enumerate(bounds):
            self.sent_of += [k] * (e - s)

    # read on demand: a block without names never needs them
    @cached_property
    def lemma_(self) -> list[str]:
        """``Token.lemma_`` as is (``lemma`` is lower-cased)."""
        return list(map(self._names.__getitem__, self._lemma_ids))

    @cached_property
    def shape(self) -> list[str]:
        return list(map(self._names.__getitem__, self._shape_ids))

    @cached_property
    def children(self) -> list[list[int]]:
        """``Token.children`` of each token, in token order."""
        out: list[list[int]] = [[] for _ in range(self.n)]
        for i, h in enumerate(self.head):
            if h != i:
                out[h].append(i)
        return out

    def sent(self, i: int) -> Sentence:
        """The sentence of token ``i``: ``Span.sent`` of a span that starts at ``i``."""
        return self.sents[self.sent_of[i]]

    def span_text(self, start: int, end: int) -> str:
        """``Span.text`` of tokens start:end."""
        return self.text[self.idx[start] : self.end_char[end - 1]] if end > start else ""

    def root(self, start: int, end: int) -> int:
        """``Span.root`` of tokens start:end: its sentence root, else the token nearest to
        the root of those whose head lies outside (bare spaces and punctuation last)."""
        got = self._roots.get((start, end))
        if got is None:
            got = self._roots[(start, end)] = self._root(start, end)
        return got

    def _root(self, start: int, end: int) -> int:
        head = self.head
        for i in range(start, end):
            if head[i] == i:
                return i
        best, root = self.n, -1
        for i in range(start, end):
            if start <= head[i] < end:
                continue
            if (self.space[i] or self.punct[i]) and not self.children[i]:
                steps = self.n - 1
            else:
                steps, t = 0, i
                while head[t] != t:
                    t = head[t]
                    steps += 1
                    if steps >= self.n:
                        raise RuntimeError(f"token {i}: its heads form a loop")
            if steps < best:
                best, root = steps, i
        return start if root == -1 else root

    def char_span(self, start_char: int, end_char: int) -> tuple[int, int] | None:
        """Token range of ``Doc.char_span(start_char, end_char, alignment_mode="expand")``."""
        start, end = self._token_at(start_char), self._token_at(end_char - 1)
        if start < 0 or end < 0:
            return None
        if start_char == self.end_char[start]:  # the trailing space is not the token's
            start += 1
        return start, end + 1

    def _token_at(self, c: int) -> int:
        """The token whose text or trailing space holds character ``c`` (-1: none)."""
        i = bisect_right(self.idx, c) - 1
        return i if 0 <= i and c < len(self.text) else -1


def edges(tab: Tokens, i: int) -> tuple[int, int]:
    """The first and last token of ``i``'s subtree."""
    lo = hi = i
    todo = [i]
    while todo:
        t = todo.pop()
        lo, hi = min(lo, t), max(hi, t)
        todo.extend(tab.children[t])
    return lo, hi
