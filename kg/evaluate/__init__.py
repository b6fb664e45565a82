"""Evaluate: score extraction against gold data, entities and relations, with throughput.

Three gold formats are read (``gold``): DocRED / Re-DocRED JSON, CoNLL04 JSON (the SpERT
split) and kg's own JSON Lines.

An entity matches when one of its names (canonical name, aliases, mention texts, folded by
``name_key``: case, accents, punctuation, titles and legal suffixes) equals one of the gold
entity's names; a gold place written "Town, State" is also named by "Town" alone. A literal
matches a gold date whose ISO form is the same. A relation matches when both its entities
match and its Wikidata property is one the gold label accepts (``match``). The counts and
their table are in ``report``; mention clustering, pair by pair with the cause of each
error, in ``clusters``.
"""

from kg.evaluate.causes import CAUSES, Missed, causes_table, fn_causes
from kg.evaluate.clusters import PairError, cause_table, score_clusters
from kg.evaluate.gold import (
    CONLL_RELATIONS,
    CONLL_TYPES,
    DOCRED_TYPES,
    FORMATS,
    SCORED_TYPES,
    GoldDoc,
    GoldEntity,
    GoldRelation,
    GoldSet,
    as_document,
    read_conll04,
    read_docred,
    read_gold,
    read_jsonl,
)
from kg.evaluate.match import Matcher, evaluate, label_of, score_doc
from kg.evaluate.report import Counts, Error, Report, error_table

__all__ = [
    "CAUSES",
    "CONLL_RELATIONS",
    "CONLL_TYPES",
    "DOCRED_TYPES",
    "FORMATS",
    "SCORED_TYPES",
    "Counts",
    "Error",
    "GoldDoc",
    "GoldEntity",
    "GoldRelation",
    "GoldSet",
    "Matcher",
    "Missed",
    "PairError",
    "Report",
    "as_document",
    "cause_table",
    "causes_table",
    "error_table",
    "evaluate",
    "fn_causes",
    "label_of",
    "read_conll04",
    "read_docred",
    "read_gold",
    "read_jsonl",
    "score_clusters",
    "score_doc",
]
