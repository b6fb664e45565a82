"""The quotation benchmark's sets: the filter that chose their articles, and the annotations
that follow the guideline's form (docs/benchmarks.md). No article is read by kg here."""

from __future__ import annotations

import json

import pytest

from benchmarks import quote_pages, quote_reuters, quotes
from benchmarks.quote_pages import is_news, page_document, page_text
from benchmarks.quote_reuters import detokenize, is_table, read_conll, reuters_documents
from benchmarks.quotes import (
    GOLD,
    PAGES_GOLD,
    REUTERS_GOLD,
    SHORT,
    SPEECH,
    _words,
    read_gold,
    speech_articles,
)
from kg.names import fold

SETS = GOLD.parent / "quotes_dwie_documents.json"


def _articles(*lengths_and_texts: tuple[int, str]) -> list[dict]:
    """Articles ``a0``, ``a1``, ... of the given lengths, each padded after its text."""
    return [
        {"id": f"a{n}", "content": text + " " + "x" * (size - len(text) - 1)}
        for n, (size, text) in enumerate(lengths_and_texts)
    ]


@pytest.mark.parametrize(
    "text, passes",
    [
        ('He was "quiet".', True),
        ("«Oui»", True),
        ("The minister said no.", True),
        ("She says so.", True),
        ("They told Reuters.", True),
        ("The rise, according to the bank.", True),
        ("a unsaid word, a stold word, toldo", False),
        ("No speech here at all.", False),
        # the filter reads the words as written, small letters only, as it chose the sets
        ("Said the man.", False),
    ],
)
def test_speech_filter(text: str, passes: bool):
    assert speech_articles(_articles((40, text)), 0, 100) == (["a0"] if passes else [])


@pytest.mark.parametrize(
    "sizes, shortest, longest, expected",
    [
        ((10, 3000, 3001, 5000, 5001), 0, 3000, ["a0", "a1"]),
        ((10, 3000, 3001, 5000, 5001), 3000, 5000, ["a2", "a3"]),
        ((5001,), 3000, 5000, []),
    ],
)
def test_speech_filter_lengths(sizes, shortest: int, longest: int, expected: list[str]):
    data = _articles(*((size, 'x "y" said') for size in sizes))
    assert speech_articles(data, shortest, longest) == expected


@pytest.mark.parametrize(
    "taken, expected",
    [
        # short articles first, in the file's order, then the long ones
        (set(), ["a1", "a3", "a0", "a4"]),
        ({"a1"}, ["a3", "a0", "a4"]),
        ({"a1", "a3", "a0"}, ["a4"]),
        ({"a0", "a1", "a2", "a3", "a4", "a5"}, []),
    ],
)
def test_test5_articles(taken: set[str], expected: list[str]):
    data = _articles(
        (3500, "he said"),  # a0: long
        (100, "she said"),  # a1: short
        (200, "no speech"),  # a2: fails the filter
        (3000, "told"),  # a3: short, at the bound
        (5000, "says"),  # a4: long, at the bound
        (5001, "says"),  # a5: too long
    )
    assert quotes.test5_ids(data, taken) == expected


@pytest.mark.parametrize(
    "only, expected",
    [
        # a plain run leaves the held-out set out, also from "all"
        (None, {"dev": ["a"], "test4": ["b"], "all": ["a", "b"]}),
        (["test5"], {"test5": ["c", "d"], "all": ["c", "d"]}),
        (["dev", "test5"], {"dev": ["a"], "test5": ["c", "d"], "all": ["a", "c", "d"]}),
        (["test6"], {"test6": ["e", "p.html"], "all": ["e", "p.html"]}),
    ],
)
def test_scored_sets(only: list[str] | None, expected: dict[str, list[str]]):
    sets = {"dev": ["a"], "test4": ["b"], "test5": ["c", "d"], "test6": ["e", "p.html"]}
    assert quotes.scored_sets(sets, only) == expected


def test_scored_sets_count_an_article_once_in_all():
    sets = {"test5": ["c", "d"], "test5-unread": ["d"]}
    assert quotes.scored_sets(sets, None)["all"] == []
    assert quotes.scored_sets(sets, ["test5", "test5-unread"])["all"] == ["c", "d"]


@pytest.mark.parametrize(
    "read_long, expected",
    [
        # the first READ_LONG articles longer than SHORT were read; short ones never were
        (0, ["a1", "a3", "a0", "a4"]),
        (1, ["a1", "a3", "a4"]),
        (2, ["a1", "a3"]),
        (9, ["a1", "a3"]),
    ],
)
def test_unread(monkeypatch, read_long: int, expected: list[str]):
    data = _articles((3500, "said"), (100, "said"), (200, "x"), (3000, "told"), (5000, "says"))
    monkeypatch.setattr(quotes, "READ_LONG", read_long)
    assert quotes.unread(data, ["a1", "a3", "a0", "a4"]) == expected


def test_annotations_have_the_guideline_form():
    sets = json.loads(SETS.read_text(encoding="utf-8"))
    members = [i for docs in sets.values() for i in docs]
    assert len(members) == len(set(members)), "an article in two sets"
    for g in read_gold() + read_gold(PAGES_GOLD) + read_gold(REUTERS_GOLD):
        assert set(g) == {"doc", "speaker", "words", "direct"}, g
        assert g["doc"] in members, g
        assert g["speaker"] and all(n.strip() for n in g["speaker"]), g
        assert isinstance(g["direct"], bool), g


def test_sets_follow_the_filter(bench_dir):
    """Every set's articles are what the written rule chooses from DWIE train, in order."""
    data = json.loads((bench_dir / "dwie" / "train.json").read_text(encoding="utf-8"))
    sets = json.loads(SETS.read_text(encoding="utf-8"))
    later = ("test5", "test6", "test7", "test8")
    before = [i for name, docs in sets.items() if name not in later for i in docs]
    assert speech_articles(data, 0, SHORT)[: len(before)] == before
    assert sets["test5"] == quotes.test5_ids(data, set(before))


def test_annotations_are_in_their_articles(bench_dir):
    """Each annotation's first words and speaker's names are printed in its article."""
    data = json.loads((bench_dir / "dwie" / "train.json").read_text(encoding="utf-8"))
    texts = {d["id"]: d["content"] for d in data}
    for g in read_gold():
        text = texts[g["doc"]]
        assert _words(g["words"]) in _words(text), g
        assert any(fold(n) in fold(text) for n in g["speaker"]), g


@pytest.mark.parametrize(
    "read_long, expected",
    [
        # longer than LONG and passing the filter, less the first READ_LONG longer than SHORT
        (0, ["a1", "a3"]),
        (1, ["a1", "a3"]),  # the first longer than SHORT is a0, too short for test6
        (2, ["a3"]),
        (4, []),
    ],
)
def test_test6_articles(monkeypatch, read_long: int, expected: list[str]):
    data = _articles(
        (3500, "he said"),  # a0: not longer than LONG
        (5001, "she said"),  # a1
        (6000, "no speech"),  # a2: fails the filter
        (7000, "told"),  # a3
        (5000, "says"),  # a4: at the bound, not longer
    )
    monkeypatch.setattr(quotes, "READ_LONG", read_long)
    assert quotes.test6_dwie_ids(data) == expected


@pytest.mark.parametrize(
    "name, url, news",
    [
        ("bbc.com.1.html", "https://www.bbc.com/news/world-52241221", True),
        ("k.html", "https://www.kxan.com/news/texas/voters-pass-increase/", True),
        # a page saved without its address: the file name starts with the site
        ("nationnews.com-schools.html", "hard::nationnews.com-schools.html", True),
        ("haitiantimes.com-family.html", "hard::haitiantimes.com-family.html", True),
        # a news site's pages of other kinds
        ("c.html", "https://www.corkbeo.ie/news/local-news/level-3-live-cork-ireland-1", False),
        ("a.html", "https://www.axios.com/newsletters/axios-future-7120a6cf.html", False),
        ("s.html", "https://www.scmp.com/comment/opinion/article/3046526/playbook", False),
        ("mercurynews.com.2023.01.16.letters-1119.html", "hard::x", False),
        ("h.html", "https://www.heartlandnewsfeed.com/2023/10/27/police-blotters/", False),
        # not a news publisher: a blog, a directory, a government's service, a similar name
        ("blog.html", "https://anarc.at/blog/2020-10-18-cdpath-replacement/", False),
        ("bahamaslocal.com-atlantis.html", "hard::bahamaslocal.com-atlantis.html", False),
        ("jis.gov.jm-investment.html", "hard::jis.gov.jm-investment.html", False),
        ("x.html", "https://notbbc.com/news/1", False),
        # words inside other words name no kind of page
        ("o.html", "https://www.latimes.com/food/olive-delivery-reviewed", True),
    ],
)
def test_news_pages(name: str, url: str, news: bool):
    assert is_news(name, url) is news


@pytest.mark.parametrize(
    "taken, texts, expected",
    [
        # sorted by file name; the filter, the length bound and the site each leave a page out
        (
            3,
            {
                "wsvn.com-b.html": 'He "said" it.',
                "kxan.com-a.html": "She said so.",
                "bbc.com.c.html": "No speech here.",
                "anarc.at.d.html": "He said so.",
                "vice.com.e.html": "told " + "x" * quote_pages.PAGE_LONGEST,
                "salon.com.f.html": "according to them",
            },
            ["kxan.com-a.html", "salon.com.f.html", "wsvn.com-b.html"],
        ),
        (1, {"wsvn.com-b.html": "said", "kxan.com-a.html": "said"}, ["kxan.com-a.html"]),
        (5, {"kxan.com-a.html": "x" * 10}, []),
    ],
)
def test_test6_pages(monkeypatch, taken: int, texts: dict[str, str], expected: list[str]):
    monkeypatch.setattr(quote_pages, "PAGES_TAKEN", taken)
    read: list[str] = []

    def text_of(name: str) -> str:
        read.append(name)
        return texts[name]

    assert quote_pages.test6_pages(texts, {}, text_of, SPEECH) == expected
    # only news pages are ingested, and none after the last page taken
    assert "anarc.at.d.html" not in read
    assert not expected or max(read) == expected[-1]


def _page_urls(bench_dir) -> dict[str, str]:
    expected = json.loads((bench_dir / "html" / "expected.json").read_text(encoding="utf-8"))
    return {name: page.get("url", "") for name, page in expected.items()}


def test_test6_follows_its_rule(bench_dir):
    """test6 is DWIE's unread long articles, then the news pages the written rule takes."""
    data = json.loads((bench_dir / "dwie" / "train.json").read_text(encoding="utf-8"))
    pages = bench_dir / "html" / "pages"
    chosen = quote_pages.test6_pages(
        _page_urls(bench_dir), _page_urls(bench_dir),
        lambda name: page_text(page_document(pages, name)), SPEECH,
    )  # fmt: skip
    sets = json.loads(SETS.read_text(encoding="utf-8"))
    assert sets["test6"] == quotes.test6_dwie_ids(data) + chosen


def test_page_annotations_are_in_their_pages(bench_dir):
    """Each page annotation's first words and speaker's names are in the text kg ingests."""
    pages = bench_dir / "html" / "pages"
    texts: dict[str, str] = {}
    for g in read_gold(PAGES_GOLD):
        if g["doc"] not in texts:
            texts[g["doc"]] = page_text(page_document(pages, g["doc"]))
        text = texts[g["doc"]]
        assert _words(g["words"]) in _words(text), g
        assert any(fold(n) in fold(text) for n in g["speaker"]), g


def test_test6_sources_are_scored_apart():
    """test6's DWIE articles and its saved pages are sets of their own, both held out."""
    data = _articles((6000, "he said"), (100, "she said"))
    ids = [d["id"] for d in data]
    sets = quotes.with_unread({"test6": [ids[0], "page.html"]}, data)
    assert sets["test6-dwie"] == [ids[0]] and sets["test6-pages"] == ["page.html"]
    plain = quotes.scored_sets(sets, None)
    assert not {"test6", "test6-dwie", "test6-pages"} & plain.keys() and plain["all"] == []


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


def test_reuters_annotations_are_in_their_articles(bench_dir):
    """Each test7 and test8 annotation's first words and speaker's names are in the article's
    text."""
    texts = _reuters(bench_dir)
    sets = json.loads(SETS.read_text(encoding="utf-8"))
    for g in read_gold(REUTERS_GOLD):
        assert g["doc"] in sets["test7"] + sets["test8"], g
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
