"""A Markdown file's front matter gives the article's metadata and is left out of its text:
(front matter, expected title, authors, date, site, url) tables of our own writing, in the
forms static-site generators, note apps and web clippers write."""

from __future__ import annotations

import pytest

import kg
from kg.ingest.front_matter import REASON, front_matter

BODY = "# Harbour board names a new chair\n\nThe harbour board of Kestrel named a new chair.\n"

CASES = [
    (
        "---\ntitle: Harbour board names a new chair\nauthor: Dana Lee\ndate: 2026-03-10\n"
        "site: Kestrel News\n---\n",
        ("Harbour board names a new chair", ("Dana Lee",), "2026-03-10", "Kestrel News", None),
    ),
    # a web clipper's keys: a list of authors as note-app links, a date and time, a source URL
    (
        '---\ntitle: "Harbour: a new chair"\nauthor:\n  - "[[Dana Lee]]"\n  - Tom Reed\n'
        "published: 2026-03-10T14:35:00\nsource: https://www.kestrel-news.example/harbour\n---\n",
        (
            "Harbour: a new chair",
            ("Dana Lee", "Tom Reed"),
            "2026-03-10T14:35",
            "kestrel-news.example",
            "https://www.kestrel-news.example/harbour",
        ),
    ),
    # one string with two names, a date as words, schema.org's publisher mapping
    (
        "---\nheadline: A new chair\nauthors: Dana Lee and Tom Reed\ndate: March 10, 2026\n"
        "publisher:\n  name: Kestrel News\n---\n",
        ("A new chair", ("Dana Lee", "Tom Reed"), "2026-03-10", "Kestrel News", None),
    ),
]


@pytest.mark.parametrize("top, expected", CASES)
def test_front_matter_gives_the_metadata(top: str, expected: tuple):
    doc = kg.from_text(top + "\n" + BODY, fmt="markdown")
    assert (doc.title, doc.authors, doc.date, doc.site, doc.url) == expected
    # the block is dropped with its reason, and every paragraph of the article is kept
    assert doc.blocks[0].kind == "furniture" and doc.blocks[0].reason == REASON
    assert doc.text[doc.blocks[0].start : doc.blocks[0].end].startswith("---")
    kept = [doc.text[b.start : b.end] for b in doc.kept]
    assert kept[-1] == "The harbour board of Kestrel named a new chair."
    assert not any("title:" in k or "---" in k for k in kept)


@pytest.mark.parametrize(
    "text",
    [
        BODY,  # none at all
        "---\n\nThe harbour board met.\n",  # a rule, never closed
        "---\n- one\n- two\n---\nThe harbour board met.\n",  # YAML, but no mapping
        "---\ntitle: [unclosed\n---\nThe harbour board met.\n",  # not YAML
        "Text first.\n---\ntitle: x\n---\n",  # not at the top
    ],
)
def test_no_front_matter(text: str):
    assert front_matter(text) is None


def test_plain_text_keeps_its_rules():
    """A text file's opening rule is the writer's, not front matter: only Markdown reads it."""
    doc = kg.from_text("---\ntitle: x\n---\n\nThe harbour board met on Monday.\n")
    assert doc.title != "x"
