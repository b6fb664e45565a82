"""Mention clustering: the pairs of name mentions kg puts in one entity against the gold's
(DocRED lists every mention of each entity), and the pairs it gets wrong, each with a cause.

A gold mention counts as found where a kg mention overlaps it most, by half their union or
more, and reads the same name (one name key): a mention cut wrong ("Windows" of "Windows 10",
"Expendables" of "The Expendables 2") found another name, a detection error the entity scores
count, and left in it turned into a wrong join with the name it was cut to. ``overlap=True``
counts by the overlap alone, as before (on Re-DocRED 0-399, main at 80cdd8b, that found 355
mentions more, 7,267, and counted 250 wrongly joined pairs where the names give 178).

A pair is *split* when the gold holds both mentions in one entity and kg in two (a recall
error), *joined* when kg holds them in one entity and the gold in two (a precision error). The
causes say which part of kg to look at: a nationality word apart from its country is a policy
of the places table; names with no word in common need knowledge kg does not have; a short
name (a surname, an acronym, an organization's last word) is a merge rule's business.
"""

from __future__ import annotations

import bisect
from collections import Counter, defaultdict
from collections.abc import Iterable
from typing import NamedTuple

from kg.evaluate.gold import GoldDoc
from kg.evaluate.report import Counts
from kg.model import Entity
from kg.names import abbreviates, compact_key, is_acronym, name_key, place_name
from kg.resolve.records import Merge


class PairError(NamedTuple):
    """Two name mentions of one document that kg and the gold group differently."""

    kind: str  # "split" (the gold's one entity, kg's two) or "joined" (kg's one, the gold's two)
    cause: str  # see ``cause``
    doc: str
    a: str  # the mentions' texts
    b: str
    entities: tuple[str, str]  # kg's entity names (the same twice for "joined")
    # for "joined": the merge rule that joined the two names ("surname", "acronym defined";
    # "same name" where both are one name key; "" where the log does not say)
    rule: str = ""


SHORT_JOINED = "a short name joined a longer one"
# A lone word ("Casanova") that kg joined to the one full name of the gold that holds it
# ("Giacomo Casanova"), where the gold keeps the word an entity of its own: most often an
# annotation that split one person's mentions, not a wrong merge (on Re-DocRED 0-399, 65 of
# the 89 wrongly joined pairs the surname and first-name rules made)
GOLD_APART = "a word of the one full name it can be, kept apart by the gold"


def best_span(spans: list[tuple[int, int]], start: int, end: int) -> tuple[int, int] | None:
    """The gold span (of the sorted ``spans``) that overlaps ``start:end`` most, by at least
    half their union."""
    best, score = None, 0.5
    i = bisect.bisect_left(spans, (start - 200, 0))
    while i < len(spans) and spans[i][0] < end:
        a, b = spans[i]
        inter = min(b, end) - max(a, start)
        if inter > 0:
            s = inter / (max(b, end) - min(a, start))
            if s >= score:
                best, score = spans[i], s
        i += 1
    return best


def _found(
    g: GoldDoc, entities: Iterable[Entity], overlap: bool = False
) -> list[tuple[int, int, str, Entity]]:
    """(kg entity's index, gold entity, mention text, kg entity) of each gold mention kg
    found: a kg mention is the gold mention it overlaps most, by at least half of their
    union, if it reads the same name (any such, with ``overlap``)."""
    gold_at: dict[tuple[int, int], int] = {}
    for i, ge in enumerate(g.entities):
        if not ge.literal:
            for span in ge.spans:
                gold_at.setdefault(span, i)
    starts = sorted(gold_at)
    pairs: dict[tuple[int, int], tuple[int, int, str, Entity]] = {}
    for n, e in enumerate(entities):
        for m in e.mentions:
            span = best_span(starts, m.start, m.end)
            if span is None or not overlap and name_key(m.text) != name_key(g.text[slice(*span)]):
                continue
            pairs.setdefault(span, (n, gold_at[span], m.text, e))
    return list(pairs.values())


def score_clusters(
    g: GoldDoc,
    entities: Iterable[Entity],
    errors: list[PairError] | None = None,
    merges: Iterable[Merge] = (),
    *,
    overlap: bool = False,
) -> Counts:
    """Pairwise mention clustering: of the pairs of name mentions that both kg and the gold
    found, those kg put in one entity (``tp + fp``) and those the gold did (``tp + fn``).
    Mentions one side alone found are left out (detection is scored apart). ``errors``, if
    given, gets each pair kg groups otherwise than the gold, with its cause, and for a pair
    wrongly joined the rule of the merge log (``merges``) that joined its names. A gold
    mention is found by a kg mention of its name (by any that overlaps it, with
    ``overlap``)."""
    found = _found(g, entities, overlap)
    rule_of = {(m.entity_id, name_key(t)): m.rule for m in merges for t in m.merged}
    counts = Counts()
    for i, (ka, ga, ta, ea) in enumerate(found):
        for kb, gb, tb, eb in found[i + 1 :]:
            same_kg, same_gold = ka == kb, ga == gb
            counts.tp += same_kg and same_gold
            counts.fp += same_kg and not same_gold
            counts.fn += same_gold and not same_kg
            if errors is not None and same_kg != same_gold:
                kind = "joined" if same_kg else "split"
                rule = _rule(ea.id, ta, tb, rule_of) if same_kg else ""
                why = cause(kind, ta, tb)
                if why == SHORT_JOINED and _only_full_name(g, ta, tb, ga, gb):
                    why = GOLD_APART
                errors.append(PairError(kind, why, g.id, ta, tb, (ea.name, eb.name), rule))
    return counts


def _only_full_name(g: GoldDoc, a: str, b: str, ga: int, gb: int) -> bool:
    """Whether of two mentions the one is a single word of the other, and the gold entity of
    the longer is the only one whose names of several words hold that word."""
    (short, _), (long, g_long) = sorted(((a, ga), (b, gb)), key=lambda x: len(x[0]))
    word, words = name_key(short), name_key(long).split()
    if " " in word or len(words) < 2 or word not in words:
        return False
    holders = {
        i
        for i, ge in enumerate(g.entities)
        if not ge.literal
        for x, y in ge.spans
        if " " in (key := name_key(g.text[x:y])) and word in key.split()
    }
    return holders == {g_long}


def _rule(eid: str, a: str, b: str, rule_of: dict[tuple[str, str], str]) -> str:
    """The merge rule that joined the names of two mentions of entity ``eid``: the rule that
    merged one of them in, "same name" for one name key, "" where the log does not say (a
    name merged in through a third)."""
    ka, kb = name_key(a), name_key(b)
    if ka == kb:
        return "same name"
    return rule_of.get((eid, ka)) or rule_of.get((eid, kb)) or ""


def cause(kind: str, a: str, b: str) -> str:
    """Why two mentions are grouped otherwise than the gold groups them, from their texts.

    >>> cause("split", "France", "French"), cause("split", "GM", "General Motors")
    ('a nationality word and its country', 'an acronym and its name')
    >>> cause("split", "Court", "Supreme Court"), cause("joined", "Casanova", "Casanova")
    ('a name and a word of it', 'one name, two things in the gold')
    """
    ka, kb = name_key(a), name_key(b)
    if kind == "joined":
        if ka == kb:
            return "one name, two things in the gold"
        if min(len(ka.split()), len(kb.split())) == 1 or is_acronym(a) or is_acronym(b):
            return SHORT_JOINED
        return "two names joined"
    if any((p := place_name(t, "NORP")) and p[1] == "demonym" for t in (a, b)):
        return "a nationality word and its country"
    if ka == kb or compact_key(ka) == compact_key(kb):
        return "one name kept apart (types or documents)"
    if is_acronym(a) or is_acronym(b):
        short, long = (a, b) if is_acronym(a) else (b, a)
        return "an acronym and its name" if abbreviates(short, long) else "an acronym, otherwise"
    wa, wb = ka.split(), kb.split()
    short, long = (wa, wb) if len(wa) <= len(wb) else (wb, wa)
    if len(short) == 1 and short[0] in long:
        return "a name and a word of it"
    if all(w in long for w in short):
        return "a name and a longer name holding its words"
    if set(wa) & set(wb):
        return "names that share a word"
    return "names with no word in common (an alias)"


def cause_table(errors: list[PairError], examples: int = 3) -> str:
    """The pair errors counted by kind and cause, each with its most frequent pairs."""
    by: dict[tuple[str, str], list[PairError]] = defaultdict(list)
    for e in errors:
        by[(e.kind, e.cause)].append(e)
    lines = []
    labels = {"split": "one gold entity, two kg entities", "joined": "one kg entity, two gold"}
    for kind, label in labels.items():
        total = sum(len(v) for (k, _), v in by.items() if k == kind)
        lines.append(f"== mention pairs {kind} ({label}): {total}")
        for (k, c), es in sorted(by.items(), key=lambda x: -len(x[1])):
            if k != kind:
                continue
            lines.append(f"  {len(es):5d}  {c}")
            rules = Counter(e.rule or "other" for e in es if e.kind == "joined")
            if rules:
                lines.append(
                    "           by rule: " + ", ".join(f"{r} {n}" for r, n in rules.most_common())
                )
            top = Counter((e.doc, e.a, e.b, e.entities) for e in es).most_common(examples)
            for (doc, a, b, (na, nb)), n in top:
                where = f"kg: {na!r}" if kind == "joined" else f"kg: {na!r} | {nb!r}"
                lines.append(f"           {n:3d} x {a!r} ~ {b!r}  [{doc}; {where}]")
    return "\n".join(lines)
