"""The quotation benchmark's sets: the filter that chose their articles, and the annotations
that follow the guideline's form (docs/benchmarks.md). No article is read by kg here."""

from __future__ import annotations

import json

import pytest

from benchmarks import quote_pages, quotes
from benchmarks.quote_pages import is_news, page_document, page_text
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
    later = ("test5", "test6", "test7", "test8", "test9", "test10")
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


@pytest.mark.parametrize(
    "test6, taken, texts, expected",
    [
        # test6 takes b, c and d; test10 the short pages after d, then the long ones, the long
        # one before d too, each in file-name order; no speech word or no news site: left out
        (
            3,
            4,
            {
                "kxan.com-b.html": "said",
                "kxan.com-c.html": "said",
                "kxan.com-d.html": "said",
                "kxan.com-a.html": "told " + "x" * quote_pages.PAGE_LONGEST,
                "salon.com-f.html": "said",
                "salon.com-e.html": "No speech here.",
                "anarc.at-g.html": "said",
                "vice.com-h.html": 'He "said" ' + "x" * quote_pages.PAGE_LONGEST,
                "wsvn.com-i.html": "according to them",
            },
            ["salon.com-f.html", "wsvn.com-i.html", "kxan.com-a.html", "vice.com-h.html"],
        ),
        # fewer taken: the short ones come first
        (2, 1, {"kxan.com-b.html": "said", "kxan.com-c.html": "said", "vice.com-e.html": "said",
                "kxan.com-a.html": "said" + "x" * quote_pages.PAGE_LONGEST}, ["vice.com-e.html"]),
        # no short page left after test6's: the long ones alone
        (1, 3, {"kxan.com-b.html": "said", "kxan.com-c.html": "said " + "x" * 10_001},
         ["kxan.com-c.html"]),
    ],
)  # fmt: skip
def test_test10_pages(monkeypatch, test6: int, taken: int, texts: dict, expected: list[str]):
    monkeypatch.setattr(quote_pages, "PAGES_TAKEN", test6)
    monkeypatch.setattr(quote_pages, "TEST10_TAKEN", taken)
    assert quote_pages.test10_pages(texts, {}, texts.__getitem__, SPEECH) == expected


def test_test10_follows_its_rule(bench_dir):
    """test10 is the pages the written rule takes after test6's, then the long ones left out;
    none of them in test6."""
    pages = bench_dir / "html" / "pages"
    texts: dict[str, str] = {}

    def text_of(name: str) -> str:
        if name not in texts:
            texts[name] = page_text(page_document(pages, name))
        return texts[name]

    urls = _page_urls(bench_dir)
    chosen = quote_pages.test10_pages(urls, urls, text_of, SPEECH)
    sets = json.loads(SETS.read_text(encoding="utf-8"))
    assert sets["test10"] == chosen
    assert len(chosen) >= 20 and not set(chosen) & set(sets["test6"])
    # the rule's pages first, then only pages longer than test6's bound
    long = [n for n in chosen if len(texts[n]) > quote_pages.PAGE_LONGEST]
    assert chosen[len(chosen) - len(long) :] == long
    assert {g["doc"] for g in read_gold(PAGES_GOLD)} <= set(sets["test6"]) | set(chosen)


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
