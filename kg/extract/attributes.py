"""spaCy's attribute ruler with its patterns looked up instead of matched.

The English pipelines' attribute ruler maps each token's fine tag (and, for some words, its
lower-cased form or dependency label) to its coarse POS, morphology and a few lemmas: 179
patterns, nearly all of one token. spaCy's Matcher tries every pattern at every token, in
Python where a pattern has a set of values or a regular expression: about a sixth of the whole
parse's time on news. Here the values a pattern's first token must have (a plain value, or
one of a set) are a dictionary key, so each token costs one lookup per set of attributes the
patterns test; the rest of a pattern (values left out, a regular expression, a second token)
is checked only where the lookup found it. A pattern of any other kind (an operator, an
attribute not in LOOKED_UP) stays with a Matcher of its own. The matches, and so every
token's attributes, are the ruler's own: the ruler still sets the attributes itself, in the
order of its rules.
"""

from __future__ import annotations

import re
from collections import defaultdict
from itertools import product
from operator import itemgetter
from typing import TYPE_CHECKING, Any

from kg.defaults import STRING_MEMO_LIMIT

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.pipeline import AttributeRuler
    from spacy.strings import StringStore
    from spacy.tokens import Doc

# The token attributes a looked-up pattern may test: read with Doc.to_array, they are the
# values spaCy's Matcher compares (a string's hash, a flag's 0 or 1)
LOOKED_UP = ("TAG", "LOWER", "ORTH", "DEP", "IS_SPACE")


class IndexedMatcher:
    """``AttributeRuler.match`` for ``ruler``: the same (rule, key, start, end) list."""

    def __init__(self, ruler: AttributeRuler) -> None:
        from spacy.matcher import Matcher

        self.strings = ruler.vocab.strings
        self.rest = Matcher(ruler.vocab)
        self.rest_rules: dict[int, int] = {}  # the rest Matcher's key -> rule
        # the first token's looked-up attributes (sorted names) -> their values -> hits
        table: dict[tuple[str, ...], dict[tuple[int, ...], list[_Hit]]] = defaultdict(
            lambda: defaultdict(list)
        )
        scanned: list[_Hit] = []  # a first token of a regular expression alone: tried at each
        for rule in range(len(ruler.attrs)):
            key = self.strings[str(rule)]
            for pattern in ruler.matcher.get(str(rule))[1]:
                read = _pattern(pattern, self.strings)
                if read is None:  # nothing to look up or search first
                    self.rest.add(key, [pattern])
                    self.rest_rules[key] = rule
                    continue
                first, conds = read
                hit = (rule, key, len(pattern), conds)
                if not first:
                    scanned.append(hit)
                    continue
                names = tuple(sorted(first))
                for values in product(*(sorted(first[n]) for n in names)):
                    table[names][values].append(hit)
        hits = [h for found in table.values() for hs in found.values() for h in hs] + scanned
        self.columns = sorted({n for names in table for n in names} | _names(hits))
        at = {n: k for k, n in enumerate(self.columns)}

        def numbered(hits: list[_Hit]) -> list[_Hit]:
            return [
                (r, k, n, tuple((o, at[a], kind, v) for o, a, kind, v in c)) for r, k, n, c in hits
            ]

        # itemgetter gives a row's value of one column, or the tuple of several: the key
        self.tables = [
            (
                itemgetter(*(at[n] for n in names)),
                {v if len(v) > 1 else v[0]: numbered(h) for v, h in found.items()},
            )
            for names, found in table.items()
        ]
        # each with its first condition's column and regular expression
        self.scanned = [(h, h[3][0][1], h[3][0][3]) for h in numbered(scanned)]
        self._searched: dict[tuple[Any, int], bool] = {}  # (regex, string hash) -> found

    def __call__(self, doc: Doc) -> list[tuple[int, int, int, int]]:
        from spacy.attrs import IDS

        found = self.rest(doc, allow_missing=True, as_spans=False) if len(self.rest) else []
        matches = [(self.rest_rules[key], key, s, e) for key, s, e in found]  # type: ignore[misc]
        if self.columns and len(doc):
            rows = doc.to_array([IDS[n] for n in self.columns]).tolist()
            for i, row in enumerate(rows):
                for key_of, values in self.tables:
                    hits = values.get(key_of(row))
                    if hits:
                        matches.extend(self._fitting(hits, rows, i))
                for hit, c, rx in self.scanned:
                    if self._holds(row[c], "regex", rx):
                        matches.extend(self._fitting([hit], rows, i))
        matches.sort()  # later rules win: the ruler sets attributes in this order
        return matches

    def _fitting(self, hits: list[_Hit], rows: list[list[int]], i: int) -> list[tuple]:
        """The (rule, key, start, end) of the hits whose conditions hold from token i."""
        n = len(rows)
        return [
            (rule, key, i, i + size)
            for rule, key, size, conds in hits
            if i + size <= n
            and all(self._holds(rows[i + o][c], kind, v) for o, c, kind, v in conds)
        ]

    def _holds(self, value: int, kind: str, v: Any) -> bool:
        if kind == "in":
            return value in v
        if kind == "not_in":
            return value not in v
        found = self._searched.get((v, value))
        if found is None:  # a regular expression, on the value's string, as the Matcher reads it
            if len(self._searched) > STRING_MEMO_LIMIT:
                self._searched.clear()  # bounds its memory on a corpus of many distinct words
            found = self._searched[(v, value)] = bool(v.search(self.strings[value]))
        return found


# (rule, match key, tokens, conditions: (token offset, column, kind, values))
_Hit = tuple[int, int, int, tuple]


def _names(hits: list[_Hit]) -> set[str]:
    return {c[1] for h in hits for c in h[3]}


def _pattern(
    pattern: list[dict[str, Any]], strings: StringStore
) -> tuple[dict[str, set[int]], tuple] | None:
    """A pattern as its first token's plain values (the key to look up) and the conditions on
    its tokens, the first token's first; None for a pattern with neither a plain value nor a
    regular expression on its first token, or with anything _spec does not read."""
    specs = [_spec(t, strings) for t in pattern]
    if not specs or any(x is None for x in specs):
        return None
    first = specs[0][0]  # type: ignore[index]
    conds = [
        (k, name, "in", values)
        for k, sp in enumerate(specs[1:], 1)
        for name, values in sp[0].items()  # type: ignore[index]
    ]
    conds += [(k, n, kind, v) for k, sp in enumerate(specs) for n, kind, v in sp[1]]  # type: ignore[index]
    conds.sort(key=lambda c: c[0])  # stable: the first token's conditions first
    if not first and not (conds and conds[0][0] == 0 and conds[0][2] == "regex"):
        return None
    return first, tuple(conds)


def _spec(
    token: dict[str, Any], strings: StringStore
) -> tuple[dict[str, set[int]], list[tuple[str, str, Any]]] | None:
    """One token of a pattern on LOOKED_UP attributes: the values each attribute may take (a
    plain value) and the other conditions (IN, NOT_IN, REGEX) as (attribute, kind, values),
    hashed as the Matcher hashes them; None for anything else (an operator, say)."""
    from spacy.strings import get_string_id

    plain: dict[str, set[int]] = {}
    conds: list[tuple[str, str, Any]] = []
    for name, value in token.items():
        name = name.upper()
        if name not in LOOKED_UP:
            return None
        if isinstance(value, str):
            plain[name] = {strings.add(value)}
        elif isinstance(value, (bool, int)):
            plain[name] = {int(value)}
        elif not (isinstance(value, dict) and len(value) == 1):
            return None
        elif _strings(value.get("IN")):
            plain[name] = {get_string_id(v) for v in value["IN"]}
        elif _strings(value.get("NOT_IN")):
            conds.append((name, "not_in", frozenset(get_string_id(v) for v in value["NOT_IN"])))
        elif isinstance(value.get("REGEX"), str):
            conds.append((name, "regex", re.compile(value["REGEX"])))
        else:
            return None
    return plain, conds


def _strings(values: Any) -> bool:
    return isinstance(values, list) and all(isinstance(v, str) for v in values)


def index_attribute_ruler(nlp: Language) -> bool:
    """Give the pipeline's attribute ruler the indexed matching; whether it has one."""
    if "attribute_ruler" not in nlp.pipe_names:
        return False
    ruler = nlp.get_pipe("attribute_ruler")
    ruler.match = IndexedMatcher(ruler)  # type: ignore[method-assign]
    return True
