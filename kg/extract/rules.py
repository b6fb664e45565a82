"""Relation rules over spaCy's dependency parse.

Each rule reads one common construction and proposes a fact between two mentions of the same
sentence. A fact may name several predicates in order of preference ("Meta's TBD Lab" is a parent
organization, "Google's Android" a developer); resolution keeps the first whose domain and range
fit the entities' final types, so rules stay simple and types decide.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from functools import cached_property, lru_cache
from itertools import accumulate
from operator import add
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from spacy.strings import StringStore
    from spacy.tokens import Doc, Span, Token

from kg.extract.records import DocExtraction, RawFact

SUBJ = ("nsubj", "csubj")
OBJ = ("dobj", "nsubjpass", "obj")
RELATIVE = {"who", "which", "that", "whom"}
# "the company", "the firm": the organization the text was just talking about.
COREF_NOUNS = {
    "company",
    "firm",
    "giant",
    "group",
    "startup",
    "corporation",
    "conglomerate",
    "organization",
    "organisation",
    "business",
    "maker",
    "lab",
    "laboratory",
}
HEDGE_WORDS = {
    "reportedly",
    "allegedly",
    "possibly",
    "perhaps",
    "probably",
    "likely",
    "apparently",
    "supposedly",
    "rumored",
    "rumoured",
    "maybe",
}
MODALS = {"may", "might", "could", "would", "should", "must"}
HEDGE_VERBS = {
    "plan",
    "expect",
    "aim",
    "hope",
    "intend",
    "seek",
    "want",
    "try",
    "consider",
    "propose",
    "rumor",
    "rumour",
    "report",
    "say",
    "claim",
    "deny",
    "refuse",
}
NEGATING_VERBS = {"deny", "refuse", "decline", "fail"}

# verb lemma -> (role of the fact's subject, role of its object, predicates in preference).
# Roles: "subj" the doer, "obj" what is done to (a passive's subject too), "prep:X" the object
# of preposition X, "date" a date attached to the verb.
VERB_RULES: dict[str, list[tuple[str, str, tuple[str, ...], float]]] = {}


def _rule(lemmas: str, a: str, b: str, preds: str, conf: float) -> None:
    for lemma in lemmas.split():
        VERB_RULES.setdefault(lemma, []).append((a, b, tuple(preds.split()), conf))


_rule(
    "found cofound co-found establish form start create incorporate",
    "obj",
    "subj",
    "founded_by",
    0.8,
)
_rule(
    "found cofound co-found establish form start incorporate launch",
    "obj",
    "date",
    "inception",
    0.8,
)
_rule("launch create", "obj", "subj", "founded_by", 0.65)
_rule(
    "release unveil launch develop build introduce ship debut design create roll unveil announce",
    "obj",
    "subj",
    "developer",
    0.75,
)
_rule("manufacture produce make assemble", "obj", "subj", "manufacturer developer", 0.7)
_rule("appoint name tap promote elect nominate choose select", "obj", "subj", "appointed_by", 0.8)
_rule("appoint name hire tap recruit promote poach", "obj", "subj", "employer", 0.7)
_rule("lead head run oversee manage direct chair helm", "obj", "subj", "director_manager", 0.75)
_rule("acquire buy purchase own", "obj", "subj", "owned_by", 0.75)
_rule("work", "subj", "prep:for", "employer", 0.8)
_rule("work teach", "subj", "prep:at", "employer", 0.75)
_rule("join", "subj", "obj", "employer member_of", 0.65)
_rule("bear", "obj", "prep:in", "place_of_birth", 0.85)
_rule("bear", "obj", "date", "date_of_birth", 0.85)
_rule("die", "subj", "date", "date_of_death", 0.8)
_rule("live reside", "subj", "prep:in", "residence", 0.8)
_rule("move relocate", "subj", "prep:to", "residence", 0.5)
_rule("base headquarter", "obj", "prep:in", "headquarters_location", 0.85)
_rule("locate situate", "obj", "prep:in", "located_in headquarters_location", 0.75)
_rule("marry wed", "subj", "obj", "spouse", 0.8)
_rule("marry wed", "obj", "subj", "spouse", 0.8)
_rule("marry", "obj", "prep:to", "spouse", 0.8)
_rule("study graduate", "subj", "prep:at", "educated_at", 0.75)
_rule("graduate", "subj", "prep:from", "educated_at", 0.75)
_rule("attend", "subj", "obj", "educated_at", 0.6)
_rule("kill murder assassinate shoot slay stab strangle execute", "obj", "subj", "killed_by", 0.8)

# role noun -> [(fact subject: "holder" or "org", predicates)], read as "X, the N of Y".
_LEADER = [("org", ("director_manager",)), ("holder", ("employer",))]
ROLE_NOUNS: dict[str, list[tuple[str, tuple[str, ...]]]] = {
    "ceo": [("org", ("chief_executive_officer",)), ("holder", ("employer",))],
    "founder": [("org", ("founded_by",))],
    "cofounder": [("org", ("founded_by",))],
    "co-founder": [("org", ("founded_by",))],
    "owner": [("org", ("owned_by",))],
    "student": [("holder", ("educated_at",))],
    "graduate": [("holder", ("educated_at",))],
    "alumnus": [("holder", ("educated_at",))],
    "member": [("holder", ("member_of",))],
    "wife": [("holder", ("spouse",))],
    "husband": [("holder", ("spouse",))],
    "son": [("org", ("child",))],
    "daughter": [("org", ("child",))],
    "subsidiary": [("holder", ("parent_organization",))],
    "unit": [("holder", ("parent_organization",))],
    "division": [("holder", ("parent_organization",))],
    "arm": [("holder", ("parent_organization",))],
    "affiliate": [("holder", ("parent_organization",))],
    "parent": [("org", ("parent_organization",))],
    "capital": [("holder", ("country", "located_in"))],
}
for _n in (
    "chairman chairwoman chair president director head chief leader boss manager "
    "principal dean commissioner superintendent"
).split():
    ROLE_NOUNS[_n] = _LEADER
for _n in (
    "spokesman spokeswoman spokesperson engineer researcher scientist analyst executive "
    "official employee reporter correspondent editor economist lawyer attorney adviser "
    "advisor officer vp staffer worker professor lecturer coach player secretary "
    "treasurer partner designer architect strategist programmer developer"
).split():
    ROLE_NOUNS.setdefault(_n, [("holder", ("employer",))])

LEAD_FORMS = {"leading", "leads", "led", "heading", "heads", "headed", "running", "runs", "ran"}

_MONTH_NAMES = (
    "january february march april may june july august september october november december"
)
MONTHS = {m: i for i, m in enumerate(_MONTH_NAMES.split(), 1)}
MONTHS.update({m[:3]: i for m, i in list(MONTHS.items())})
MONTHS["sept"] = 9


def iso_date(text: str) -> str | None:
    """An ISO 8601 date (or year, or year-month) for a date phrase; None when it has none."""
    s = text.lower().replace(",", " ").replace(".", " ")
    year = re.search(r"\b(1[5-9]\d\d|20\d\d)\b", s)
    if not year:
        return None
    words = s.split()
    month = next((MONTHS[w] for w in words if w in MONTHS), None)
    day = next(
        (int(w) for w in re.findall(r"\b(\d{1,2})(?:st|nd|rd|th)?\b", s) if 1 <= int(w) <= 31), None
    )
    if month and day:
        return f"{year.group(1)}-{month:02d}-{day:02d}"
    if month:
        return f"{year.group(1)}-{month:02d}"
    return year.group(1)


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


_MEMO_LIMIT = 500_000  # strings a memo holds before it starts afresh
_memo: tuple[StringStore, _Names, _LowerNames] | None = None


def _string_memo(strings: StringStore) -> tuple[_Names, _LowerNames]:
    global _memo
    if _memo is None or _memo[0] is not strings or len(_memo[1]) > _MEMO_LIMIT:
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
        # Doc.sents: a sentence starts at token 0 and at every later SENT_START of 1
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

    def conjuncts(self, i: int) -> tuple[int, ...]:
        """``Token.conjuncts``: the tokens coordinated with ``i``, without it."""
        head, dep, start = self.head, self.dep, i
        while start != head[start] and dep[start] == "conj":
            start = head[start]
        out = [start]
        for w in out:
            out.extend(c for c in self.children[w] if c > w and dep[c] == "conj")
        return tuple(w for w in out if w != i)


class _Reader:
    """The rules over one parsed block; facts go to ``out`` with document offsets."""

    def __init__(
        self,
        out: DocExtraction,
        sdoc: Doc,
        offset: int,
        tm: dict[int, int],
        first: int,
        dates: list[Span],
        tokens: Tokens | None = None,
    ) -> None:
        self.out, self.sdoc, self.offset, self.tm, self.first = out, sdoc, offset, tm, first
        self.date_of = {i: d for d in dates for i in range(d.start, d.end)}
        self.seen: set[tuple] = set()
        self.t = t = tokens if tokens is not None else Tokens(sdoc)
        # Doc.text joins every token's text anew at each call: the table holds it
        self.text = text = t.text
        # tokens of questions, found once: Token.sent walks the document on every call
        self.asked = {
            i
            for sent in t.sents
            if text[sent.start_char : sent.end_char].rstrip().endswith("?")
            or (sent.end == t.n and text.rstrip().endswith("?"))
            for i in range(sent.start, sent.end)
        }
        # the tokens each rule looks at, found once a block (ascending): most tokens are none
        lemma, lower, dep = t.lemma, t.lower, t.dep
        self._verb_ids = [i for i, x in enumerate(lemma) if x in VERB_RULES]
        self._noun_ids = [i for i, x in enumerate(lemma) if x in ROLE_NOUNS]
        self._poss_ids = [i for i, x in enumerate(dep) if x == "poss"]
        self._appos_ids = [i for i, x in enumerate(dep) if x in ("appos", "npadvmod")]
        self._based_ids = [i for i, x in enumerate(lower) if x == "based"]
        self._lead_ids = [i for i, x in enumerate(lower) if x in LEAD_FORMS]
        self._named_ids = sorted(tm)

    @staticmethod
    def _within(ids: list[int], sent: Sentence) -> list[int]:
        """The tokens of ``ids`` (ascending) in ``sent``."""
        return ids[bisect_left(ids, sent.start) : bisect_left(ids, sent.end)]

    # -- references ------------------------------------------------------------------------

    def ref(self, tok: Token | None) -> int | str | None:
        """The mention (index) or date (ISO string) a token stands for, if any."""
        if tok is None:
            return None
        if tok.i in self.tm:
            return self.tm[tok.i]
        if tok.i in self.date_of:
            return iso_date(self.date_of[tok.i].text)
        if tok.lower_ in RELATIVE and tok.head.dep_ == "relcl":
            return self.ref(tok.head.head)
        if (
            tok.lemma_.lower() in COREF_NOUNS
            and any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children)
            and not any(c.dep_ == "prep" for c in tok.children)
        ):
            return self.last_org(self.offset + tok.idx)
        for c in tok.children:  # "the startup Mistral", "the model, Muse Spark"
            if c.dep_ == "appos" and c.i in self.tm:
                return self.tm[c.i]
        return None

    def last_org(self, before: int) -> int | None:
        for i in range(len(self.out.mentions) - 1, -1, -1):
            m = self.out.mentions[i]
            if m.start < before and m.votes and m.label == "ORG":
                return i
        return None

    def refs(self, tok: Token | None) -> Iterator[int | str]:
        """The token's reference and those of its conjuncts ("Google and OpenAI")."""
        if tok is None:
            return
        for t in (tok, *tok.conjuncts):
            r = self.ref(t)
            if r is not None:
                yield r

    # -- verbs -----------------------------------------------------------------------------

    def subject(self, verb: Token) -> Token | None:
        for c in verb.children:
            if c.dep_ in SUBJ:
                return c
            if c.dep_ == "agent":
                return next((p for p in c.children if p.dep_ == "pobj"), None)
        if verb.dep_ == "relcl" and verb.tag_ == "VBG":
            return verb.head
        if verb.dep_ == "acl" and verb.tag_ == "VBG":  # "Wang, leading the lab"
            return verb.head
        if verb.dep_ == "xcomp":  # "appointed Wang to lead": object control, else subject
            obj = next((c for c in verb.head.children if c.dep_ in ("dobj", "obj")), None)
            return obj or self.subject(verb.head)
        if verb.dep_ in ("conj", "advcl") and verb.head.pos_ in ("VERB", "AUX"):
            head = verb.head
            while head.dep_ in ("xcomp", "conj", "advcl") and not any(
                c.dep_ in SUBJ for c in head.children
            ):
                head = head.head
            return self.subject(head) if head is not verb else None
        return None

    def roles(self, verb: Token) -> dict[str, list[Token]]:
        r: dict[str, list[Token]] = {}
        subj = self.subject(verb)
        if subj is not None and subj.dep_ != "nsubjpass":
            r["subj"] = [subj]
        for c in verb.children:
            if c.dep_ in OBJ:
                r.setdefault("obj", []).append(c)
            elif c.dep_ == "prep":
                for p in c.children:
                    if p.dep_ == "pobj":
                        r.setdefault("prep:" + c.lower_, []).append(p)
                        if p.i in self.date_of:
                            r.setdefault("date", []).append(p)
            elif c.dep_ in ("npadvmod", "tmod") and c.i in self.date_of:
                r.setdefault("date", []).append(c)
            elif c.dep_ == "prt" and c.lower_ == "up" and verb.lemma_ == "set":
                r.setdefault("_setup", []).append(c)
        if verb.dep_ == "acl" and verb.tag_ == "VBN":  # "Muse Spark, developed by Meta"
            r.setdefault("obj", []).append(verb.head)
        if verb.dep_ == "relcl" and verb.tag_ != "VBG":
            for c in verb.children:
                if c.dep_ in ("dobj", "nsubjpass") and c.lower_ in RELATIVE:
                    r["obj"] = [verb.head] + [t for t in r.get("obj", []) if t is not c]
        return r

    def modality(self, verb: Token | int) -> tuple[bool, bool]:
        """(hedged, negated) for a verb (a Token or its index) and the verbs it hangs from."""
        v = verb if isinstance(verb, int) else verb.i
        tab = self.t
        head, dep, lower, children = tab.head, tab.dep, tab.lower, tab.children
        hedged = v in self.asked
        negated = False
        t, depth, own = v, 0, True
        while depth < 4:
            for c in children[t]:
                d, w = dep[c], lower[c]
                if d == "neg" or w in ("never", "no"):
                    negated = True
                if d == "aux" and w in MODALS:
                    hedged = True
                if d == "advmod" and w in HEDGE_WORDS:
                    hedged = True
                if d == "mark" and w in ("if", "unless", "whether"):
                    hedged = True
            if not own and tab.lemma_[t] in HEDGE_VERBS:
                hedged = True
                if tab.lemma_[t] in NEGATING_VERBS:
                    negated = True
            # no stop at a root: as when this walked Tokens, whose `t.head is t` never held
            if dep[t] not in ("xcomp", "ccomp", "conj", "advcl"):
                break
            t, depth, own = head[t], depth + 1, False
        return hedged, negated

    # -- emitting --------------------------------------------------------------------------

    def emit(
        self,
        a: int | str | None,
        b: int | str | None,
        preds: tuple[str, ...],
        conf: float,
        rule: str,
        sent: Sentence,
        obj_tok: Token | None = None,
        mod: tuple[bool, bool] = (False, False),
    ) -> None:
        if not isinstance(a, int) or b is None or a == b:
            return
        if isinstance(b, str):
            start, end = self._date_span(obj_tok)
        else:
            m = self.out.mentions[b]
            start, end = m.start, m.end
        key = (a, b, preds)
        if key in self.seen:
            return
        self.seen.add(key)

        hedged, negated = mod
        self.out.facts.append(
            RawFact(
                subject=a,
                predicates=preds,
                object=b,
                rule=rule,
                confidence=round(conf * (0.6 if hedged else 1.0), 3),
                sentence=(self.offset + sent.start_char, self.offset + sent.end_char),
                object_span=(start, end),
                hedged=hedged,
                negated=negated,
            )
        )

    def _date_span(self, tok: Token | None) -> tuple[int, int]:
        if tok is None or tok.i not in self.date_of:
            return (0, 0)
        d = self.date_of[tok.i]
        return (self.offset + d.start_char, self.offset + d.end_char)

    # -- rules -----------------------------------------------------------------------------

    def verbs(self, sent: Sentence) -> None:
        pos, tag, lemmas = self.t.pos, self.t.tag, self.t.lemma
        for i in self._within(self._verb_ids, sent):
            if pos[i] not in ("VERB", "AUX") and tag[i] not in ("VBN", "VBG"):
                continue
            lemma = lemmas[i]
            rules = VERB_RULES.get(lemma)
            if not rules:
                continue
            verb = self.sdoc[i]
            roles = self.roles(verb)
            mod = self.modality(verb)
            for a_role, b_role, preds, conf in rules:
                for a_tok in roles.get(a_role, []):
                    for b_tok in roles.get(b_role, []):
                        for a in self.refs(a_tok):
                            for b in self.refs(b_tok):
                                if isinstance(b, str) and b_role != "date":
                                    continue
                                self.emit(a, b, preds, conf, f"verb:{lemma}", sent, b_tok, mod)

    def role_nouns(self, sent: Sentence) -> None:
        pos, lemmas = self.t.pos, self.t.lemma
        for i in self._within(self._noun_ids, sent):
            key = lemmas[i]
            if pos[i] not in ("NOUN", "PROPN") or key not in ROLE_NOUNS:
                continue
            noun = self.sdoc[i]
            if key == "executive" and any(c.lower_ == "chief" for c in noun.children):
                key = "ceo"
            if noun.lower_ == "officer" and any(c.lower_ == "executive" for c in noun.children):
                key = "ceo"
            holder = self._holder(noun)
            orgs = list(self._orgs(noun, holder))
            if holder is None or not orgs:
                continue
            mod = self.modality(noun.head) if noun.dep_ == "attr" else (False, False)
            for h in self.refs(holder):
                for o in orgs:
                    for side, preds in ROLE_NOUNS[key]:
                        a, b = (h, o) if side == "holder" else (o, h)
                        self.emit(a, b, preds, 0.8, f"role:{key}", sent, None, mod)

    def _holder(self, noun: Token) -> Token | None:
        if noun.dep_ == "conj":
            first = noun
            while first.dep_ == "conj":
                first = first.head
            return self._holder(first)
        if noun.dep_ == "appos":
            return noun.head
        for c in noun.children:
            if c.dep_ == "appos" and c.i in self.tm:
                return c
        if noun.dep_ == "attr" and noun.head.lemma_ == "be":
            return next((c for c in noun.head.children if c.dep_ in SUBJ), None)
        if noun.dep_ == "compound" and noun.head.i in self.tm and noun.head.i > noun.i:
            return noun.head
        if noun.dep_ == "oprd":
            return next((c for c in noun.head.children if c.dep_ in OBJ), None)
        if noun.dep_ == "pobj" and noun.head.lower_ == "as":
            verb = noun.head.head
            return next((c for c in verb.children if c.dep_ in OBJ), None) or self.subject(verb)
        return None

    def _orgs(self, noun: Token, holder: Token | None) -> Iterator[int]:
        held = self.ref(holder) if holder is not None else None
        family = [noun, *noun.conjuncts]
        for n in family:
            for c in n.children:
                if c.dep_ == "prep" and c.lower_ in ("of", "at", "for"):
                    for p in c.children:
                        if p.dep_ == "pobj":
                            yield from (r for r in self.refs(p) if isinstance(r, int))
        for c in noun.children:
            if c.dep_ in ("poss", "compound", "nmod") and c.i in self.tm:
                r = self.tm[c.i]
                if r != held:
                    yield r

    def possessives(self, sent: Sentence) -> None:
        """ "Meta's TBD Lab", "Google's Android"."""
        dep, head, tm = self.t.dep, self.t.head, self.tm
        for i in self._within(self._poss_ids, sent):
            if dep[i] != "poss" or i not in tm or head[i] not in tm:
                continue
            owner, owned = tm[i], tm[head[i]]
            if owner != owned:
                self.emit(
                    owned,
                    owner,
                    ("parent_organization", "developer", "located_in"),
                    0.6,
                    "possessive",
                    sent,
                )

    def based(self, sent: Sentence) -> None:
        """ "a UK-based company", "the Paris-based startup Mistral"."""
        lower = self.t.lower
        for i in self._within(self._based_ids, sent):
            if lower[i] != "based" or i < 2 or self.sdoc[i - 1].text not in "-–":
                continue
            place = self.ref(self.sdoc[i - 2])
            noun = self.sdoc[i].head
            org = self.ref(noun)
            if org is None and noun.dep_ == "appos":
                org = self.ref(noun.head)
            if org is None and noun.dep_ == "attr" and noun.head.lemma_ == "be":
                org = self.ref(next((c for c in noun.head.children if c.dep_ in SUBJ), None))
            self.emit(org, place, ("headquarters_location",), 0.8, "x-based", sent)

    def places(self, sent: Sentence) -> None:
        """ "Palo Alto, California": a place in apposition to a place lies in it."""
        dep, head, tm = self.t.dep, self.t.head, self.tm
        for i in self._within(self._appos_ids, sent):
            if dep[i] not in ("appos", "npadvmod") or i not in tm:
                continue
            inner, outer = tm.get(head[i]), tm[i]
            if inner is None or inner == outer:
                continue
            mi, mo = self.out.mentions[inner], self.out.mentions[outer]
            between = self.text[mi.end - self.offset : mo.start - self.offset]
            if between.strip() == "," and mi.label in ("GPE", "LOC") and mo.label == "GPE":
                self.emit(inner, outer, ("located_in", "country"), 0.8, "place-appos", sent)

    def of_phrases(self, sent: Sentence) -> None:
        """ "John Smith of Acme", "Acme of Dallas": a name qualified by another."""
        dep, head, lower, tm = self.t.dep, self.t.head, self.t.lower, self.tm
        for i in self._within(self._named_ids, sent):
            if i not in tm or lower[head[i]] not in ("of", "from"):
                continue
            prep = self.sdoc[head[i]]
            if dep[i] != "pobj" or head[prep.i] not in tm:
                continue
            a, b = tm[head[prep.i]], tm[i]
            if a == b:
                continue
            if self.out.mentions[a].end > self.out.mentions[b].start:
                continue  # "University of Chicago": one name
            self.emit(
                a,
                b,
                ("employer", "headquarters_location", "residence"),
                0.55,
                f"prep:{prep.lower_}",
                sent,
            )

    def leading(self, sent: Sentence) -> None:
        """ "Wang leading TBD Lab" read from the words, where the parse goes astray."""
        lower = self.t.lower
        for k in self._within(self._lead_ids, sent):
            if not sent.start < k < sent.end - 1 or lower[k] not in LEAD_FORMS:
                continue
            left, right = k - 1, k + 1
            if lower[right] == "the" and k + 2 < sent.end:
                right = k + 2
            a, b = self.tm.get(left), self.tm.get(right)
            if a is not None and b is not None and a != b:
                self.emit(b, a, ("director_manager",), 0.6, "surface:leading", sent)


def read(
    out: DocExtraction,
    sdoc: Doc,
    offset: int,
    token_mention: dict[int, int],
    first: int,
    dates: list[Span],
    tokens: Tokens | None = None,
) -> _Reader:
    """Propose facts for each sentence of a parsed block; returns the reader (its modality).
    ``tokens`` is the block's attribute table where the caller has read it already."""
    r = _Reader(out, sdoc, offset, token_mention, first, dates, tokens)
    for sent in r.t.sents:
        r.verbs(sent)
        r.role_nouns(sent)
        r.possessives(sent)
        r.based(sent)
        r.places(sent)
        r.of_phrases(sent)
        r.leading(sent)
    return r
