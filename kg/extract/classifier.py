"""The relation classifier: a linear model over pairs of names in a block of text.

The dependency rules read the constructions they know; the classifier reads the rest. For each
ordered pair of names in a block (and each name with a date in the same sentence)
``kg.extract.features`` builds sparse features. A multinomial logistic regression (plain numpy,
trained by ``python -m kg.train``) scores every Wikidata property kg's vocabulary has, plus
"none"; each property whose probability clears its threshold (chosen per property on the
development parts) becomes facts with ``rule="model"`` (``"model:across"`` for a pair
named only in different sentences, which calibration maps apart). Its weights ship in
``kg/data/relations.npz``, the entity-type model's in ``kg/data/types.npz``; each file records
the ``FEATURES_VERSION`` it was trained on, and loading refuses another.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from kg import vocab
from kg.defaults import HEDGED_FACTOR, MIN_PROBABILITY, MODEL_MAX_CONFIDENCE
from kg.errors import ModelError
from kg.extract import modality, parties, times
from kg.extract.dates import attached
from kg.extract.features import FEATURES_VERSION, candidates
from kg.extract.links import linked, needs_link
from kg.extract.ranges import LISTED, object_fits
from kg.extract.records import MODEL, MODEL_ACROSS, DocExtraction, RawFact
from kg.extract.tokens import Tokens
from kg.files import DATA

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span


ARTEFACT = DATA / "relations.npz"
TYPES_ARTEFACT = DATA / "types.npz"
NONE = "NONE"
TYPE_CLASSES = ("Other", "Person", "Organization", "Place")


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
            features_version=np.array(FEATURES_VERSION),
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
            _check_version(p, z)
            names = [str(x) for x in z["features"]]
            return RelationModel(
                {n: i for i, n in enumerate(names)},
                z["weights"].astype(np.float32) * z["scale"].astype(np.float32),
                tuple(str(c) for c in z["classes"]),
                z["thresholds"].astype(np.float32),
            )
    except (OSError, KeyError, ValueError) as e:
        raise ModelError(f"{p}: not a kg relation model ({e})") from None


def _check_version(path: Path, z: np.lib.npyio.NpzFile) -> None:
    """A model reads features as they were when it was trained: refuse one trained on others."""
    got = int(z["features_version"]) if "features_version" in z.files else 0
    if got != FEATURES_VERSION:
        raise ModelError(
            f"{path}: trained on features version {got}, but kg's features are version "
            f"{FEATURES_VERSION}; retrain it (make train)"
        )


def read(
    out: DocExtraction,
    sdoc: Doc,
    offset: int,
    first: int,
    dates: list[Span],
    facts_from: int,
    model: RelationModel,
    verb_modality: Callable[[int], tuple[bool, bool]],
    tokens: Tokens | None = None,
) -> None:
    """Add the model's facts for one parsed block to ``out``; ``verb_modality`` tells whether
    a verb (a token index) is hedged or negated."""

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
    date_at = {(offset + d.start_char, offset + d.end_char): d for d in dates}
    date_of = {i: d for d in dates for i in range(d.start, d.end)}  # for time qualifiers
    for row, k, value in zip(rows.tolist(), (cols + 1).tolist(), values, strict=True):
        c = cands[row]
        pred = vocab.BY_WIKIDATA.get(classes[k])
        if pred is None:
            continue
        across = c.features[0].endswith("|x")
        if across and pred.name in _NOT_ACROSS:
            continue
        if isinstance(c.object, str) and not _date_attached(
            c, pred.name, date_at, out, sdoc, offset
        ):
            continue
        if isinstance(c.object, int) and not _object_fits(c, pred.name, out, sdoc, offset):
            continue
        hedged, negated = modality.of_path(c.verbs, verb_modality, tab.lemma_)
        conf = value * (HEDGED_FACTOR if hedged else 1.0)
        out.facts.append(
            RawFact(
                subject=c.subject,
                predicates=(pred.name,),
                object=c.object,
                # a pair named only in different sentences reads "|x" features throughout
                rule=MODEL_ACROSS if across else MODEL,
                confidence=round(min(conf, MODEL_MAX_CONFIDENCE), 3),
                sentence=c.sentence,
                object_span=c.object_span,
                hedged=hedged,
                negated=negated,
                times=_path_times(c, pred.name, sdoc, date_of, out.document.date),
            )
        )


def _path_times(c, predicate: str, sdoc: Doc, date_of: dict, published: str | None) -> tuple:
    """The time qualifiers of a fact between two names: the times on the first verb of the
    path joining them that has any (kg.extract.times); none for a date fact or a block
    without dates."""
    if not date_of or not isinstance(c.object, int):
        return ()
    for v in c.verbs:
        said = times.on_verb(sdoc[v], date_of, published)
        if said:
            return times.roles(said, sdoc[v].lemma_, predicate)
    return ()


def _date_attached(
    c, predicate: str, date_at: dict, out: DocExtraction, sdoc: Doc, offset: int
) -> bool:
    """Whether the candidate's date is attached in the parse to a word carrying
    ``predicate`` of its subject (kg.extract.dates.attached)."""
    date = date_at.get(c.object_span)
    m = out.mentions[c.subject]
    subject = sdoc.char_span(m.start - offset, m.end - offset, alignment_mode="expand")
    return date is not None and subject is not None and attached(date, subject, predicate)


def _object_fits(c, predicate: str, out: DocExtraction, sdoc: Doc, offset: int) -> bool:
    """Whether the candidate's object can be ``predicate``'s (kg.extract.ranges: a country
    for a country-valued property, not the subject's own place) and, for a citizenship to a
    country, the text ties the two (kg.extract.links)."""
    m, o = out.mentions[c.subject], out.mentions[c.object]
    if not object_fits(predicate, (m.text, m.label), (o.text, o.label)):
        return False
    linking = needs_link(predicate, o.text)
    if not linking and predicate not in LISTED and predicate not in _PARTIES:
        return True
    a = sdoc.char_span(m.start - offset, m.end - offset, alignment_mode="expand")
    b = sdoc.char_span(o.start - offset, o.end - offset, alignment_mode="expand")
    if a is None or b is None:
        return not linking
    if predicate in LISTED and _listed(a, b):
        return False
    if predicate in _PARTIES and not _PARTIES[predicate](a, b):
        return False
    return not linking or linked(a, b)


# properties the model may not read between names only in different sentences: a place
# holding another told apart from it ("the Cyprus branch of PrivatBank ... PrivatBank
# Ukraine": Ukraine contains Cyprus) was never right out of fold (Re-DocRED 300-399 read by a
# model fitted without it: 0 of 20, CoNLL04 has no such label), where "located in" across
# sentences was right 67 times of 136
_NOT_ACROSS = frozenset({"contains"})

# properties whose pair the parse must show to be the parties of it (kg.extract.parties)
_PARTIES: dict[str, Callable[[Span, Span], bool]] = {
    "killed_by": parties.killing_parties,
    "residence": parties.resident_party,
}


def _listed(a: Span, b: Span) -> bool:
    """Whether the place ``b`` is one of three or more listed that are not said of the person
    ``a`` by their own verb: a person lives in none of a group's members ("X said the Andean
    Group (Colombia, Bolivia, Ecuador and Peru) will meet"), where "X has lived in Paris, Rome
    and Oslo" says so of each."""
    listed = b.root.conjuncts
    if len(listed) < 2:
        return False
    first = min((b.root, *listed), key=lambda t: t.i)
    prep = first.head
    if first.dep_ != "pobj" or prep.dep_ != "prep" or prep.head.pos_ not in ("VERB", "AUX"):
        return True
    subj = [c for c in prep.head.children if c.dep_ in ("nsubj", "nsubjpass")]
    return not any(a.start <= c.i < a.end for c in subj)


@lru_cache(maxsize=2)
def load_types(path: str | None = None) -> RelationModel | None:
    """The shipped entity-type model (None when it has not been trained yet)."""
    p = Path(path) if path else TYPES_ARTEFACT
    return load(str(p)) if p.is_file() or path else None
