"""The quotation benchmark's Reuters sets (test7, test8, test9, CoNLL-2003 dev): the text made
of the tokenized source, the rule that chose their articles, and annotations that are in their
articles. No article is read by kg here."""

from __future__ import annotations

import json

import pytest

from benchmarks import quote_reuters, quotes
from benchmarks.quote_reuters import detokenize, is_table, read_conll, reuters_documents
from benchmarks.quotes import (
    GOLD,
    REUTERS_GOLD,
    SPEECH,
    _words,
    read_gold,
)
from kg.names import fold

SETS = GOLD.parent / "quotes_dwie_documents.json"


@pytest.mark.parametrize(
    "sentences, text",
    [
        # no space before , . : ; ? ! 's n't ) %, none after ( $
        ("He paid $ 5 million ( 3 % ) , did n't he ?", "He paid $5 million (3%), didn't he?"),
        ("It is Britain 's best ; I do n't know .", "It is Britain's best; I don't know."),
        ('" We will win , " he said .', '"We will win," he said.'),
        ('He said : " Yes we can . "|Next .', 'He said: "Yes we can."\nNext.'),
        # a quotation whose sentences are lines of their own stays open across them
        ('" We are strong .|We win , " he said .', '"We are strong.\nWe win," he said.'),
        # a line opening with a mark opens a quotation again (a new paragraph of it)
        ('" A b .|" C d , " he said .', '"A b.\n"C d," he said.'),
        # an opening mark the sentence splitting left at a line's end goes to the next line
        ('" A , " said Rios . "|But no . "', '"A," said Rios.\n"But no."'),
        (
            "CRICKET - ENGLISH RESULTS .|LONDON 1996-08-30",
            "CRICKET - ENGLISH RESULTS.\nLONDON 1996-08-30",
        ),
    ],
)
def test_reuters_text(sentences: str, text: str):
    assert detokenize([line.split() for line in sentences.split("|")]) == text


@pytest.mark.parametrize(
    "text, table",
    [
        ("RESULTS\nLONDON 1996-08-30\n1. Mika Hakkinen 1:32.418\n2. Jean Alesi 1:33.1", True),
        ("SOCCER\nLONDON 1996-08-30\nLeeds 2 Chelsea 1\nHe said the win was deserved.", False),
        ("SOCCER\nLONDON 1996-08-30\nShearer, 26, joined Newcastle for 15 million pounds.", False),
        ("SOCCER\nLONDON 1996-08-30\nA 2 1\nB 3 0\nC 1 1\nThey said so.", True),
        # a heading and a dateline alone: no article
        ("SOCCER\nLONDON 1996-08-30", True),
    ],
)
def test_reuters_tables(text: str, table: bool):
    assert is_table(text) is table


def test_test7_articles(monkeypatch):
    head = "SOCCER - LEEDS WIN.\nLONDON 1996-08-30\n"
    prose = head + "He said the side played well.\n" * 40  # 1,237 characters
    table = head + "Leeds 2 Chelsea 1\n" * 80 + "he said"
    quiet = head + "The side played well.\n" * 50
    texts = [prose, head + "x " * 1000 + "told", quiet, table, prose[:900], prose, prose]
    # the filter, the length bound and the tables each leave one out; the rest in order
    assert quote_reuters.test7_ids(texts, SPEECH) == [
        "conll03-dev-000", "conll03-dev-001", "conll03-dev-005", "conll03-dev-006",
    ]  # fmt: skip
    monkeypatch.setattr(quote_reuters, "REUTERS_TAKEN", 2)
    assert quote_reuters.test7_ids(texts, SPEECH) == ["conll03-dev-000", "conll03-dev-001"]


@pytest.mark.parametrize(
    "taken, test8_taken, expected",
    [
        # the documents after test7's, by the same rule; the filtered ones never count
        (2, 3, ["conll03-dev-005", "conll03-dev-006", "conll03-dev-007"]),
        (2, 1, ["conll03-dev-005"]),
        # fewer documents left than asked for: the ones there are
        (4, 5, ["conll03-dev-007"]),
        (5, 5, []),
    ],
)
def test_test8_articles(monkeypatch, taken: int, test8_taken: int, expected: list[str]):
    head = "SOCCER - LEEDS WIN.\nLONDON 1996-08-30\n"
    prose = head + "He said the side played well.\n" * 40  # 1,237 characters
    table = head + "Leeds 2 Chelsea 1\n" * 80 + "he said"
    quiet = head + "The side played well.\n" * 50
    texts = [prose, prose, quiet, table, prose[:900], prose, prose, prose]
    monkeypatch.setattr(quote_reuters, "REUTERS_TAKEN", taken)
    monkeypatch.setattr(quote_reuters, "TEST8_TAKEN", test8_taken)
    chosen = quote_reuters.test8_ids(texts, SPEECH)
    assert chosen == expected
    assert not set(chosen) & set(quote_reuters.test7_ids(texts, SPEECH))


@pytest.mark.parametrize(
    "test8_taken, test9_taken, expected",
    [
        # the rule's documents after test8's first, then the briefs it left for their length
        # alone (a brief with no speech word, or a table, never counts), in the file's order
        (1, 4, ["conll03-dev-006", "conll03-dev-007", "conll03-dev-002", "conll03-dev-005"]),
        (1, 2, ["conll03-dev-006", "conll03-dev-007"]),
        # the rule spent: briefs only
        (3, 2, ["conll03-dev-002", "conll03-dev-005"]),
        (3, 9, ["conll03-dev-002", "conll03-dev-005"]),
    ],
)
def test_test9_articles(monkeypatch, test8_taken: int, test9_taken: int, expected: list[str]):
    head = "SOCCER - LEEDS WIN.\nLONDON 1996-08-30\n"
    prose = head + "He said the side played well.\n" * 40  # 1,237 characters
    brief = head + "He said the side played well.\n" * 10  # 337 characters
    quiet_brief = head + "The side played well.\n" * 10
    short_table = head + "Leeds 2 Chelsea 1\n" * 20 + "he said"
    texts = [prose, prose, brief, quiet_brief, short_table, brief, prose, prose]
    monkeypatch.setattr(quote_reuters, "REUTERS_TAKEN", 1)
    monkeypatch.setattr(quote_reuters, "TEST8_TAKEN", test8_taken)
    monkeypatch.setattr(quote_reuters, "TEST9_TAKEN", test9_taken)
    chosen = quote_reuters.test9_ids(texts, SPEECH)
    assert chosen == expected
    earlier = quote_reuters.test7_ids(texts, SPEECH) + quote_reuters.test8_ids(texts, SPEECH)
    assert not set(chosen) & set(earlier)


def test_read_conll(tmp_path):
    path = tmp_path / "dev.txt"
    path.write_text(
        "-DOCSTART- -X- -X- O\n\nA NNP B-NP B-ORG\nsaid VBD B-VP O\n\nLONDON NNP B-NP B-LOC\n"
        "\n-DOCSTART- -X- -X- O\n\nB NNP B-NP B-PER\n",
        encoding="utf-8",
    )
    assert read_conll(path) == [[["A", "said"], ["LONDON"]], [["B"]]]


def test_test7_is_held_out():
    sets = {"dev": ["a"], "test7": ["conll03-dev-002"], "test8": ["conll03-dev-085"]}
    assert quotes.scored_sets(sets, None) == {"dev": ["a"], "all": ["a"]}
    assert quotes.scored_sets(sets, ["test7"])["all"] == ["conll03-dev-002"]
    assert quotes.scored_sets(sets, ["test8"])["all"] == ["conll03-dev-085"]
    sets["test9"] = ["conll03-dev-210"]
    assert quotes.scored_sets(sets, None) == {"dev": ["a"], "all": ["a"]}
    assert quotes.scored_sets(sets, ["test9"])["all"] == ["conll03-dev-210"]


def _reuters(bench_dir) -> dict[str, str]:
    path = bench_dir / "conll03" / "dev.txt"
    if not path.is_file():
        pytest.skip(f"CoNLL-2003 dev not found at {path}")
    return reuters_documents(path)


def test_test7_follows_its_rule(bench_dir):
    """test7 is the Reuters documents the written rule takes from CoNLL-2003 dev, in order."""
    texts = _reuters(bench_dir)
    sets = json.loads(SETS.read_text(encoding="utf-8"))
    assert sets["test7"] == quote_reuters.test7_ids(list(texts.values()), SPEECH)
    assert len(sets["test7"]) == quote_reuters.REUTERS_TAKEN


def test_test8_follows_its_rule(bench_dir):
    """test8 is the next Reuters documents by test7's rule, after test7's last, none of
    test7's."""
    texts = _reuters(bench_dir)
    sets = json.loads(SETS.read_text(encoding="utf-8"))
    assert sets["test8"] == quote_reuters.test8_ids(list(texts.values()), SPEECH)
    assert len(sets["test8"]) == quote_reuters.TEST8_TAKEN
    assert not set(sets["test8"]) & set(sets["test7"])
    assert min(sets["test8"]) > max(sets["test7"])


def test_test9_follows_its_rule(bench_dir):
    """test9 is the documents test7's rule leaves after test8's, then the briefs the rule left
    out for their length alone, in the file's order; none of test7's or test8's."""
    texts = _reuters(bench_dir)
    sets = json.loads(SETS.read_text(encoding="utf-8"))
    assert sets["test9"] == quote_reuters.test9_ids(list(texts.values()), SPEECH)
    assert len(sets["test9"]) == quote_reuters.TEST9_TAKEN
    assert not set(sets["test9"]) & set(sets["test7"] + sets["test8"])
    assert sets["test9"][:2] == ["conll03-dev-210", "conll03-dev-214"]
    assert all(len(texts[i]) <= quote_reuters.REUTERS_SHORTEST for i in sets["test9"][2:])


def test_reuters_annotations_are_in_their_articles(bench_dir):
    """Each test7, test8 and test9 annotation's first words and speaker's names are in the article's
    text."""
    texts = _reuters(bench_dir)
    sets = json.loads(SETS.read_text(encoding="utf-8"))
    for g in read_gold(REUTERS_GOLD):
        assert g["doc"] in sets["test7"] + sets["test8"] + sets["test9"], g
        text = texts[g["doc"]]
        assert _words(g["words"]) in _words(text), g
        assert any(fold(n) in fold(text) for n in g["speaker"]), g


def test_reuters_articles_are_read_as_plain_text(bench_dir):
    """A test7 article is read as a build reads a plain-text file: its heading the headline,
    its dateline's date the document's; DWIE's articles are read as before."""
    texts = _reuters(bench_dir)
    data = [{"id": "DW_1", "content": "Title\nTeaser said so.\nBody."}]
    docs = quotes.set_documents(bench_dir, data, {"conll03-dev-003", "DW_1"})
    assert [d.id for d in docs] == ["DW_1", "conll03-dev-003"]
    reuters = docs[1]
    assert reuters.text == texts["conll03-dev-003"]
    assert reuters.title == reuters.text.split("\n", 1)[0]
    assert reuters.date == "1996-08-30"
    assert [b.kind for b in reuters.blocks][:3] == ["headline", "dateline", "paragraph"]
