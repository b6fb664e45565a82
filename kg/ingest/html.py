"""Web pages: the article's text and metadata, taken out by trafilatura (Apache-2.0).

trafilatura finds the main text (its own rules, with jusText and readability as fallbacks) and
reads the metadata from the page's markup (JSON-LD, Open Graph, meta tags; dates through
htmldate). kg stores the headline and the article's blocks as the document's text, one block
to a paragraph, heading, list item or table row, so that offsets point into that text. The
page's tree and the extraction itself are ``kg.ingest.page``'s.
"""

from __future__ import annotations

import functools
import html
import json
import re
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

from kg.defaults import BODY_CHARS, BODY_OVER, LEAD_IN, PAGE_MIN_WORDS
from kg.errors import InputError
from kg.ingest.blocks import finish
from kg.ingest.furniture import furniture
from kg.ingest.news import parse_date, structure
from kg.ingest.page import (
    EXTRACTOR_CUTS,
    cut_for_extraction,
    cut_not_article,
    cut_related,
    cut_textless,
    decode_page,
    extract_article,
    parse,
    squash,
)
from kg.ingest.text import printable
from kg.model import Block, Document

# htmldate's extensive search falls back on dateparser over every date-like string of the page,
# which costs more than the rest of the extraction together; the markup's own dates suffice.
_DATE_OPTIONS = {"extensive_search": False, "original_date": True}
_SPACE = re.compile(r"\s+")
_HOST = re.compile(r"https?://(?:www\.|w[0-9]+\.)?([^/]+)")
# The words a page's author line puts before the name ("View all posts by Jane Doe", "Article
# by", "Written by:"), which the markup's author field sometimes carries with it.
_AUTHOR_LEAD = re.compile(
    r"^(?:(?:view|see|read)\s+(?:all\s+|more\s+)?(?:posts|articles|stories)\s+by"
    r"|(?:posted|written|reported|edited|article|story|words|text|report)\s+by"
    r"|by|author|authors|written)\b\s*:?\s*",
    re.IGNORECASE,
)
_SENTENCE_END = tuple('.!?"”’')
_BY = re.compile(r"by\s", re.IGNORECASE)
# Class and id names pages give their clutter (a cookie banner, a newsletter box, related links)
_CLUTTER = re.compile(
    r"cookie|consent|newsletter|subscri|promo|related|share|social|advert|sponsor|comment", re.I
)
_NOT_LEAD = frozenset({"nav", "form", "figure", "figcaption", "aside", "footer", "button", "li"})
_HIDDEN = frozenset({"script", "style", "noscript", "template", "title", "head"})
_TITLE_SEPARATORS = re.compile(r"\s+(?:[|·•–—-]|::)\s+")
# trafilatura's elements that begin a line of their own
_LINES = frozenset({"lb", "p", "head", "list", "item", "quote", "code"})
# what an entry of a list leaves to be read on its own: a list inside it
_NESTED = frozenset({"list"})
_BLOCK_TAGS = {"p": "paragraph", "head": "heading", "quote": "paragraph", "code": "paragraph"}


def _text(el: Any) -> str:
    return squash("".join(el.itertext()))


def _lines(el: Any, skip: frozenset[str] = frozenset()) -> list[str]:
    """``el``'s text cut at its line breaks and paragraphs, each line squashed: the lines of a
    table cell are entries as apart as its cells (a list of names set one a paragraph in one
    cell), and joined without them they run together ("Elliot AckermanSaladin Ambar"). The
    elements tagged in ``skip`` are left out (their tails kept)."""
    parts: list[list[str]] = [[]]

    def walk(e: Any) -> None:
        if e.text:
            parts[-1].append(e.text)
        for c in e:
            if c.tag in _LINES:
                parts.append([])
            if isinstance(c.tag, str) and c.tag != "lb" and c.tag not in skip:
                walk(c)
            if c.tag in _LINES:
                parts.append([])
            if c.tail:
                parts[-1].append(c.tail)

    walk(el)
    return [t for p in parts if (t := squash("".join(p)))]


def _units(body: Any) -> list[tuple[str, str]]:
    """The article's blocks as (kind, text), in order: paragraphs, headings, list items and
    table rows each stand alone. A fallback extractor may wrap them in containers (``div``):
    those are walked into."""
    out: list[tuple[str, str]] = []
    _walk(body, out)
    return out


def _walk(el: Any, out: list[tuple[str, str]]) -> None:
    if el.text and el.text.strip():  # text straight inside a container
        out.append(("paragraph", squash(el.text)))
    for child in el:
        tag = child.tag if isinstance(child.tag, str) else ""
        if tag == "list":
            # an entry's lines stand apart as a cell's do, and a list inside an entry gives
            # entries of its own, not words run on into the entry's ("in WindowsXamarin")
            out += [("item", t) for item in child.iter("item") for t in _lines(item, _NESTED)]
        elif tag == "table":
            for row in child.iter("row"):
                cells = [c for cell in row.iter("cell") for c in _lines(cell)]
                if cells:
                    out.append(("table", " | ".join(cells)))
        elif tag in _BLOCK_TAGS:
            if t := _text(child):
                out.append((_BLOCK_TAGS[tag], t))
        elif tag and len(child):
            _walk(child, out)
        elif tag and (t := _text(child)):
            out.append(("paragraph", t))
        if child.tail and child.tail.strip():
            out.append(("paragraph", squash(child.tail)))


def clean_title(title: str | None, site: str | None, host: str | None) -> str | None:
    """The page's title without the site's name after a separator ("Story | Site")."""
    if not title:
        return None
    title = _SPACE.sub(" ", title).strip()
    parts = _TITLE_SEPARATORS.split(title)
    names = {n.casefold() for n in (site, host) if n}
    if host:
        names.add(host.casefold().removeprefix("www.").split(".")[0])
    while len(parts) > 1:
        last = parts[-1].casefold().replace(" ", "")
        if any(last and (last in n.replace(" ", "") or n.replace(" ", "") in last) for n in names):
            parts.pop()
        else:
            break
    return " - ".join(parts) if len(parts) > 1 else parts[0]


def metadata(tree: Any, url: str | None) -> Any:
    """The page's title, author, date, site name, canonical URL and description, from its
    markup (meta tags, Open Graph, JSON-LD, then the page's own title; dates through htmldate),
    read in the order trafilatura's ``extract_metadata`` reads them, less the categories, tags
    and licence that kg does not keep and that cost a fifth of the page's metadata time (each
    is a search of every link of the page). The byline search, when the markup names no
    author, is ``byline_author``'s, on the tree cut for extraction."""
    from htmldate import find_date
    from trafilatura import metadata as tm

    found = tm.examine_meta(tree)
    if found.author and " " not in found.author:
        found.author = None  # a user name ("admin"), as trafilatura judges it
    try:
        found = tm.extract_meta_json(tree, found)
    except Exception:  # noqa: BLE001 - trafilatura guards its JSON-LD reader the same way
        pass
    found.title = found.title or tm.extract_title(tree)
    found.author = author_name(found.author)
    found.url = found.url or tm.extract_url(tree, url)
    found.hostname = host_name(found.url)
    found.date = find_date(tree, url=found.url, **_DATE_OPTIONS)
    site = (found.sitename or tm.extract_sitename(tree) or "").lstrip("@")
    if site and "." not in site and not site[0].isupper():
        site = site.title()  # "guardian" as a name: "Guardian"
    host = _HOST.match(found.url or "")
    found.sitename = site or (host[1] if host else None)
    found.clean_and_trim()
    return found


def byline_author(tree: Any) -> str | None:
    """The author from the page's byline (trafilatura's search of the elements whose class or
    id says author, byline and the like), for a page whose markup names none. It copies and
    walks the whole tree with a dozen regular expressions per element, so it runs on the tree
    cut for extraction but for its asides (``cut_for_extraction``): what the cut leaves out
    (navigation, footers, buttons, menus, ``time``) holds other articles' authors, not this
    one's, while some themes set the byline in an aside. On the benchmark pages the same
    authors are found, less a button's word ("Message") after one."""
    from trafilatura import metadata as tm
    from trafilatura.utils import line_processing

    if not _may_name_author(tree):
        return None
    found = tm.extract_author(tree)
    return author_name(line_processing(html.unescape(found))) if found else None


# The attributes and words trafilatura's byline search (its AUTHOR_XPATHS) looks for, in any
# case: a page none of whose elements carries one of them has no byline it could find.
_AUTHOR_ATTRIBUTES = ("class", "id", "rel", "itemprop", "data-component", "data-testid")
_AUTHOR_WORDS = re.compile(
    r"author|byl|bbl|username|screenname|writer|channel-name|submitted-by|posted-by|"
    r"journalist-name|zuozhe|bianji|xiaobian",
    re.IGNORECASE,
)


@functools.cache
def _attribute_values() -> tuple[Any, ...]:
    from lxml import etree

    # one XPath an attribute, as plain strings: a union of them costs a sort in document order
    return tuple(etree.XPath(f"//@{a}", smart_strings=False) for a in _AUTHOR_ATTRIBUTES)


def _may_name_author(tree: Any) -> bool:
    """Whether the byline search could find anything on ``tree``: one of its elements is an
    ``author`` (or ``rel``) or has a class, id, rel, itemprop or data attribute that says
    author, byline, writer and the like. Under a millisecond of lxml's C code against the
    search's copy of the tree and its regular expressions on every element (seven): two pages
    in five whose meta tags name no author have no such element either."""
    if tree.find(".//author") is not None or tree.find(".//rel") is not None:
        return True
    return any(_AUTHOR_WORDS.search(" ".join(values(tree))) for values in _attribute_values())


def host_name(url: str | None) -> str | None:
    """The host of ``url`` without ``www.`` ("www.bbc.co.uk" is "bbc.co.uk"), the site's name
    as a title's suffix may spell it."""
    if not url:
        return None
    try:
        host = urlsplit(url).hostname
    except ValueError:
        return None
    return re.sub(r"^www[0-9]*\.", "", host) if host else None


def author_name(found: str | None) -> str | None:
    """An author field without the words of its line ("View all posts by Jane Doe" is "Jane
    Doe"); None where nothing but those words is left ("Article by")."""
    if not found:
        return None
    name = _AUTHOR_LEAD.sub("", found.strip(), count=1).strip(" :|-")
    return name or None


def article_body(tree: Any) -> str:
    """The longest schema.org ``articleBody`` in the page's JSON-LD, as text ('' if none)."""
    best = ""
    for el in tree.iter("script"):
        code = el.text or ""
        if "ld+json" not in (el.get("type") or "") or "articleBody" not in code:
            continue
        try:
            data = json.loads(code, strict=False)
        except ValueError:
            continue
        best = max([best, *_bodies(data, 0)], key=len)
    if re.search(r"<(?:p|br|div|span|a)\b", best):  # some sites ship the body as HTML
        best = re.sub(r"</?(?:p|br|div|h\d|li)\b[^>]*>", "\n", best)
        best = re.sub(r"<[^>]{0,500}>", "", best)
    return html.unescape(best).strip()


def _bodies(data: Any, depth: int) -> Iterator[str]:
    if depth > 4:  # @graph, then a list, then the article: deeper is not the page's article
        return
    if isinstance(data, list):
        for item in data:
            yield from _bodies(item, depth + 1)
    elif isinstance(data, dict):
        if isinstance(data.get("articleBody"), str):
            yield data["articleBody"]
        for value in data.values():
            if isinstance(value, (dict, list)):
                yield from _bodies(value, depth + 1)


def _paragraphs(body: str) -> list[str]:
    return [p for p in (_SPACE.sub(" ", line).strip() for line in body.splitlines()) if p]


def standfirst(tree: Any, description: str | None, units: list[tuple[str, str]]) -> str | None:
    """The page's description when the page shows it and the extraction lost it: the line under
    the headline that many news pages set apart from the body (and that their markup repeats
    as the description). A description the page does not show is a summary for search engines,
    never the article's text."""
    lead = _SPACE.sub(" ", description or "").strip()
    if len(lead.split()) < PAGE_MIN_WORDS or lead.endswith(("...", "…")):
        return None
    if any(lead in t for _, t in units):
        return None
    page = tree.find("body")
    return lead if page is not None and _shown(page, lead) else None


def lead_in(tree: Any, units: list[tuple[str, str]]) -> list[str]:
    """The paragraphs a page sets between its headline (``h1``) and the article's first
    paragraph, which extractors often leave out with the header they sit in: a standfirst,
    an editor's note ("This post originally appeared on ..."), a review's verdict. At most
    LEAD_IN of them, each a ``p`` that is a sentence of PAGE_MIN_WORDS words or more, mostly not
    links, outside navigation, lists, forms and figures."""
    first = next((t for k, t in units if k == "paragraph" and len(t.split()) >= PAGE_MIN_WORDS), "")
    if not first:
        return []
    key = first[:60]
    found: list[str] = []
    started = False
    for el in tree.iter("h1", "p"):
        if el.tag == "h1":
            started, found = True, []
            continue
        text = squash(el.text_content())
        if key in text:
            break
        if started and _lead_like(el, text):
            found.append(text)
    else:
        return []  # the article's first paragraph is not a paragraph of the page
    known = " ".join(t for _, t in units)
    found = [t for t in found if t not in known]
    return found[max(0, len(found) - LEAD_IN) :]


def _lead_like(el: Any, text: str) -> bool:
    # a sentence, not a byline, a date line, a caption or a credit
    if len(text.split()) < PAGE_MIN_WORDS or not text.endswith(_SENTENCE_END) or _BY.match(text):
        return False
    links = sum(len(a.text_content()) for a in el.iter("a"))
    if links > len(text) / 2:
        return False
    return not any(
        a.tag in _NOT_LEAD or _CLUTTER.search(f"{a.get('class', '')} {a.get('id', '')}")
        for a in el.iterancestors()
    )


def _shown(root: Any, text: str) -> bool:
    """Whether ``text`` (whitespace collapsed) is in the text of ``root`` that a reader sees:
    searched in lxml's text of the tree (C code; the page's code and styles are gone already,
    see ``parse``), outside the scripts and templates left in it. The texts are compared with
    their white space collapsed, as plain strings: a regular expression made of a long
    description took longer to compile than the search itself."""
    lead = squash(text)
    found = squash(_etree_text(root)).count(lead)
    hidden = sum(squash(_etree_text(el)).count(lead) for el in root.iter(*_HIDDEN))
    return found > hidden


def _etree_text(el: Any) -> str:
    from lxml import etree

    return str(etree.tostring(el, method="text", encoding="unicode", with_tail=False))


def from_html(raw: bytes, *, doc_id: str, source: str, url: str | None = None) -> Document:
    """The article of a saved web page as a Document, or an InputError when it has none."""
    markup, encoding = decode_page(raw, source)
    tree = parse(markup)
    if tree is None:
        raise InputError(f"{source}: no article text found in the page")
    meta = metadata(tree, url).as_dict()
    body = article_body(tree)
    # the byline search runs on the tree cut of all but the asides, where some themes set
    # the byline ("<aside class='post-author'>")
    cut_for_extraction(tree, EXTRACTOR_CUTS - {"aside"})
    if not meta.get("author"):
        meta["author"] = byline_author(tree)
    cut_for_extraction(tree, frozenset({"aside"}))
    cut_textless(tree)
    cut_related(tree)
    cut_not_article(tree)
    found = extract_article(tree, url)
    units = _units(found.body) if found is not None and found.body is not None else []
    if len(body) >= max(BODY_CHARS, BODY_OVER * sum(len(t) for _, t in units)):
        units = [("paragraph", p) for p in _paragraphs(body)]
    # a page whose only text is a menu entry or a caption has no article to read
    if not any(len(t.split()) >= PAGE_MIN_WORDS for _, t in units):
        raise InputError(f"{source}: no article text found in the page")
    leads = lead_in(tree, units)
    if (first := standfirst(tree, meta.get("description"), units)) and first not in leads:
        leads.insert(0, first)
    units[:0] = [("paragraph", p) for p in leads]
    site = meta.get("sitename") or None
    title = clean_title(meta.get("title"), site, meta.get("hostname"))
    parts: list[str] = []
    blocks: list[Block] = []
    pos = 0
    for kind, chunk in [("headline", title)] * bool(title) + units:  # type: ignore[list-item]
        chunk = printable(str(chunk))
        blocks.append(Block(pos, pos + len(chunk), kind))
        parts.append(chunk)
        pos += len(chunk) + 2
    text = "\n\n".join(parts) + "\n"
    lang = (meta.get("language") or "").split("-")[0].lower() or None
    blocks, news = structure(text, blocks)
    judged, main = furniture(text, blocks, language=lang, page=True)
    authors = tuple(a.strip() for a in re.split(r";", meta.get("author") or "") if a.strip())
    return Document(
        id=doc_id,
        text=text,
        source=source,
        title=title or news.title,
        blocks=finish(text, judged),
        authors=authors or news.authors,
        date=parse_date(meta["date"]) if meta.get("date") else news.date,
        site=site or news.site,
        language=lang or main or None,
        url=meta.get("url") or url,
        description=meta.get("description") or None,
        encoding=encoding,
        place=news.place,
    )
