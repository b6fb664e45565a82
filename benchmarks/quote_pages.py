"""The saved news pages of the quotation benchmark's sets ``test6`` and ``test10``: which pages of
``bench/html`` (trafilatura's evaluation set, Apache-2.0) each holds, by a rule written before
any page's quotations were read, and each page as kg ingests it.

The rule (``test6_pages``): in sorted file-name order, the pages whose text as kg ingests it
(``page_text``: the kept blocks) passes the quotation filter, is at most ``PAGE_LONGEST``
characters long and is news (``is_news``), until there are ``PAGES_TAKEN``. A page is news when
its site is a general news publisher (``NEWS_SITES``: newspapers, broadcasters, news agencies
and news websites, decided by the site's name alone) and its address does not name a kind of
page that is not a news report (``NOT_A_REPORT``: live blogs, newsletters, letters, opinion,
comment, reviews, slideshows, police blotters).

``test10_pages``, a second set of pages: the pages test6's rule takes after test6's last, in
sorted file-name order (15: the html set holds no more), then, the rule spent, the pages it left
out for their length alone (news pages passing the filter, longer than ``PAGE_LONGEST``), in
sorted file-name order, until there are ``TEST10_TAKEN``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import replace
from pathlib import Path
from urllib.parse import urlsplit

from kg.ingest import read
from kg.model import Document

# Long pages (a live blog, a 35,000-character feature) would hold half of the set's statements
# on their own; the DWIE part tops at about 7,000 characters.
PAGE_LONGEST = 10_000
# Pages to take: with DWIE's 11 articles left unread, a set of 36 articles (issue 20 asks for
# 20 at least), about as many as could be annotated with care at once.
PAGES_TAKEN = 25
# test10's pages: issue 20 asks for 20 articles at least. test6's rule gives only 15 pages
# after test6's last, and the 5 it left out for their length make 20: every news page of the
# html set that passes the filter and is in no earlier set.
TEST10_TAKEN = 20
# General news publishers among the sites of bench/html, by the site's name (no page read):
# trade, science, technology, health and game sites, blogs, shops, directories (bahamaslocal)
# and governments' information services (jis.gov.jm) are not.
NEWS_SITES = frozenset(
    {
        "abc13.com", "abc7news.com", "axios.com", "bbc.com", "bostonherald.com",
        "breakingbelizenews.com", "californiaglobe.com", "caymancompass.com", "cbsnews.com",
        "citylimits.org", "corkbeo.ie", "dailymail.co.uk", "economist.com", "edition.cnn.com",
        "gothamist.com", "haitiantimes.com", "heartlandnewsfeed.com", "independent.co.uk",
        "jamaica.gleaner.com", "jamaicaobserver.com", "japantimes.co.jp",
        "kaieteurnewsonline.com", "kxan.com", "latimes.com", "laweekly.com", "mercurynews.com",
        "metrotimes.com", "miamitodaynews.com", "nationnews.com", "newrepublic.com",
        "nowgrenada.com", "nymag.com", "nytimes.com", "pagesix.com", "phillyvoice.com",
        "publishedreporter.com", "roughdraftatlanta.com", "salon.com", "scmp.com",
        "standard.co.uk", "stluciatimes.com", "telegraph.co.uk", "theatlantic.com",
        "theguardian.com", "theintercept.com", "thelocal.se", "thestkittsnevisobserver.com",
        "timesofisrael.com", "twincities.com", "vancouversun.com", "vice.com",
        "viconsortium.com", "villagevoice.com", "world.kbs.co.kr", "wsvn.com",
    }
)  # fmt: skip
# Words of an address that name a page that is not a news report.
NOT_A_REPORT = re.compile(
    r"\b(?:live|newsletters?|letters|opinion|comment|reviews?|slideshow|blotters?)\b", re.I
)


def page_site(name: str, url: str) -> str:
    """The site of a page: its address's host without "www.", or for a page saved without an
    address (``hard::``) its file name, which starts with the host."""
    if url.startswith(("http://", "https://")):
        host = urlsplit(url).hostname or ""
        return host.removeprefix("www.")
    return name


def is_news(name: str, url: str) -> bool:
    """Whether a page is a news report: a news publisher's page whose address (or file name)
    names no other kind of page."""
    site = page_site(name, url)
    publisher = any(site == s or site.startswith((s + "-", s + ".")) for s in NEWS_SITES)
    where = urlsplit(url).path if url.startswith("http") else name
    return publisher and not NOT_A_REPORT.search(where)


def test6_pages(
    names: Iterable[str],
    urls: Mapping[str, str],
    text_of: Callable[[str], str],
    speech: re.Pattern[str],
) -> list[str]:
    """test6's pages: in sorted file-name order, the news pages whose ingested text passes the
    ``speech`` filter and is at most ``PAGE_LONGEST`` characters, the first ``PAGES_TAKEN``.
    ``text_of`` is called only on news pages, in order, until enough are found."""
    chosen: list[str] = []
    for name in sorted(names):
        if len(chosen) == PAGES_TAKEN:
            break
        if not is_news(name, urls.get(name, "")):
            continue
        text = text_of(name)
        if speech.search(text) and len(text) <= PAGE_LONGEST:
            chosen.append(name)
    return chosen


def test10_pages(
    names: Iterable[str],
    urls: Mapping[str, str],
    text_of: Callable[[str], str],
    speech: re.Pattern[str],
) -> list[str]:
    """test10's pages: the news pages test6's rule would take after test6's last page (passing
    ``speech``, at most ``PAGE_LONGEST`` characters), in sorted file-name order, then the news
    pages passing ``speech`` that are longer, in the same order, the first ``TEST10_TAKEN``."""
    names = sorted(names)
    test6 = test6_pages(names, urls, text_of, speech)
    last = test6[-1] if test6 else ""
    short: list[str] = []
    long: list[str] = []
    for name in names:
        if not is_news(name, urls.get(name, "")):
            continue
        text = text_of(name)
        if not speech.search(text):
            continue
        if len(text) > PAGE_LONGEST:
            long.append(name)
        elif name > last:
            short.append(name)
    return (short + long)[:TEST10_TAKEN]


def page_document(pages: Path, name: str) -> Document:
    """A saved page read by kg.ingest as a build reads a file (its id its file name)."""
    doc = read([str(pages / name)], root=pages)[0]
    return replace(doc, id=name)


def page_text(doc: Document) -> str:
    """The text kg reads of a page: its kept blocks (furniture left out)."""
    return "\n\n".join(doc.text[b.start : b.end] for b in doc.kept)
