"""The remembering lemmatizer gives spaCy's own lemmas, and works each key out once."""

from __future__ import annotations

import pytest
from spacy.attrs import LEMMA

from kg.extract import pipeline as nlp
from kg.extract.lemmas import IndexedWords, remembered

# (text, word, its lemma): a word in its base form, inflected ones, and the same word read
# twice (the second time from memory)
LEMMAS = [
    ("The mice ran from the cats.", "mice", "mouse"),
    ("The mice ran from the cats.", "ran", "run"),
    ("The mice ran from the cats.", "cats", "cat"),
    ("She was running, and he runs.", "running", "run"),
    ("She was running, and he runs.", "runs", "run"),
    ("She was running, and he runs.", "was", "be"),
    ("The cat saw another cat.", "cat", "cat"),
    ("Acme Corp. bought two companies.", "companies", "company"),
]


@pytest.mark.parametrize(("text", "word", "lemma"), LEMMAS)
def test_lemmas(pipeline, text: str, word: str, lemma: str) -> None:
    for _ in range(2):  # the second parse reads the lemmas from memory
        doc = pipeline(text)
        assert {t.lemma_ for t in doc if t.text == word} == {lemma}


@pytest.mark.parametrize("text", sorted({t for t, _, _ in LEMMAS}))
def test_lemmas_as_spacy(pipeline, text: str) -> None:
    stock = nlp.load(indexed=False)
    for _ in range(2):
        assert pipeline(text).to_array([LEMMA]).tolist() == stock(text).to_array([LEMMA]).tolist()


class _Token:
    def __init__(self, orth: int, pos: int, morph: int) -> None:
        self.orth, self.pos = orth, pos
        self.morph = type("Morph", (), {"key": morph})()


def test_each_key_worked_out_once() -> None:
    asked: list[int] = []

    def lemmatize(token) -> list[str]:
        asked.append(token.orth)
        return [f"lemma{token.orth}"]

    lemmas = remembered(lemmatize)
    tokens = [_Token(1, 2, 3), _Token(1, 2, 3), _Token(1, 5, 3), _Token(1, 2, 4), _Token(1, 2, 3)]
    assert [lemmas(t) for t in tokens] == [["lemma1"]] * 5
    assert asked == [1, 1, 1]  # (1, 2, 3), (1, 5, 3) and (1, 2, 4): three keys


# (words of the index, a word asked, whether it is one): the set answers as the list does
INDEXED = [
    (["company", "mouse"], "company", True),
    (["company", "mouse"], "companie", False),
    ([], "company", False),
]


@pytest.mark.parametrize(("words", "word", "known"), INDEXED)
def test_indexed_answers_as_the_list(words: list[str], word: str, known: bool) -> None:
    index = IndexedWords(words)
    assert (word in index) is known is (word in words)
    assert list(index) == words and isinstance(index, list)


def test_index_of_lemmas_indexed(pipeline) -> None:
    table = pipeline.get_pipe("lemmatizer").lookups.get_table("lemma_index")
    assert table and all(isinstance(v, IndexedWords) for v in table.values())
    stock = nlp.load(indexed=False).get_pipe("lemmatizer").lookups.get_table("lemma_index")
    assert not any(isinstance(v, IndexedWords) for v in stock.values())
