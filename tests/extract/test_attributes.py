"""The attribute ruler's indexed matching gives spaCy's own matches, so the same attributes."""

from __future__ import annotations

import pytest
import spacy
from spacy.attrs import DEP, LEMMA, MORPH, POS, TAG
from spacy.tokens import Doc

from kg.extract import pipeline as nlp
from kg.extract.attributes import IndexedMatcher

# Rules of each kind the indexed matching reads: a plain value, values IN a list, NOT_IN, a
# regular expression on the first token or a later one, two tokens with the target second,
# a later rule that overrides an earlier one, and an operator (left to a Matcher).
RULES = [
    {"patterns": [[{"TAG": "NN"}]], "attrs": {"POS": "NOUN"}},
    {"patterns": [[{"TAG": "NN", "LOWER": "run"}]], "attrs": {"POS": "VERB"}},
    {
        "patterns": [[{"TAG": {"IN": ["DT", "WDT"]}, "DEP": {"NOT_IN": ["det"]}}]],
        "attrs": {"POS": "PRON"},
    },
    {
        "patterns": [
            [{"LOWER": "ai", "TAG": {"IN": ["VBP", "VBZ"]}}, {"LOWER": {"REGEX": "^n'?t$"}}]
        ],
        "attrs": {"LEMMA": "be"},
    },
    {
        "patterns": [[{"LOWER": {"REGEX": "^y'?$"}}, {"LOWER": "all"}]],
        "attrs": {"LEMMA": "yall"},
        "index": 1,
    },
    {"patterns": [[{"LOWER": "gon"}, {"LOWER": "na"}]], "attrs": {"LEMMA": "to"}, "index": -1},
    {"patterns": [[{"LOWER": "very", "OP": "+"}]], "attrs": {"LEMMA": "VERY"}},
    {"patterns": [[{"IS_SPACE": True}]], "attrs": {"POS": "SPACE"}},
]

# (words, tags, dependency labels) -> each word's (POS, lemma) after the rules
CASES = [
    (
        ["The", "run", "that", "ai", "n't", "long"],
        ["DT", "NN", "WDT", "VBZ", "RB", "JJ"],
        ["det", "nsubj", "nsubj", "ROOT", "neg", "acomp"],
        [("", ""), ("VERB", ""), ("PRON", ""), ("", "be"), ("", ""), ("", "")],
    ),
    (
        ["y'", "all", "gon", "na", "very", "very", "\n"],
        ["PRP", "DT", "VBG", "TO", "RB", "RB", "_SP"],
        ["nsubj", "det", "ROOT", "aux", "advmod", "advmod", "dep"],
        [
            ("", ""),
            ("", "yall"),
            ("", ""),
            ("", "to"),
            ("", "VERY"),
            ("", "VERY"),
            ("SPACE", ""),
        ],
    ),
    (
        ["Y", "all", "ai", "nt", "dog"],
        ["NNP", "DT", "VBP", "RB", "NN"],
        ["nsubj", "det", "ROOT", "neg", "dobj"],
        [("", ""), ("", "yall"), ("", "be"), ("", ""), ("NOUN", "")],
    ),
]


def _doc(vocab, words, tags, deps) -> Doc:
    return Doc(vocab, words=words, tags=tags, deps=deps, heads=[0] * len(words))


@pytest.mark.parametrize(("words", "tags", "deps", "expected"), CASES)
def test_indexed_rules_as_spacy(words, tags, deps, expected) -> None:
    blank = spacy.blank("en")
    ruler = blank.add_pipe("attribute_ruler")
    ruler.add_patterns(RULES)
    indexed = IndexedMatcher(ruler)
    doc = _doc(blank.vocab, words, tags, deps)
    assert indexed(doc) == ruler.match(doc)
    ruler.match = indexed  # as kg's pipeline has it
    got = ruler(doc)
    assert [(t.pos_, t.lemma_) for t in got] == expected


TEXTS = [
    "I'm gonna tell y'all: it ain't over, and nothin' is lost.",
    "Acme Corp. said on Tuesday that it had bought Initech for $3 billion.",
    "Whose book is that? Which one did you see, and why?\n\nThere's  a gap here.",
    "",
]


@pytest.mark.parametrize("text", TEXTS)
def test_pipeline_attributes_as_spacy(pipeline, text: str) -> None:
    """kg's pipeline gives every token the tags, POS, morphology, lemma and dependency that
    the pipeline with spaCy's own attribute ruler gives."""
    stock = nlp.load(indexed=False)
    assert stock is not pipeline
    attrs = [TAG, POS, MORPH, LEMMA, DEP]
    assert pipeline(text).to_array(attrs).tolist() == stock(text).to_array(attrs).tolist()
