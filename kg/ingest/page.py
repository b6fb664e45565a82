"""A saved web page as a tree, and trafilatura's extraction of its article from it.

The page is decoded, parsed once by lxml and stripped of what no extractor reads; the elements
trafilatura deletes anyway are cut before it runs, so that its passes over the tree (it walks
and copies it several times) visit fewer elements. ``kg.ingest.html`` reads the metadata from
the tree and makes the Document of the article.
"""

from __future__ import annotations

import functools
import re
from typing import Any

from kg.defaults import CAPTION_WORDS, FALLBACK_BELOW, FORM_WORDS, RELATED_LINKS, TEASER_HEADINGS
from kg.ingest.encoding import decode_bytes

# Scripts of these types hold text a reader may see: JSON-LD (the metadata, sometimes the
# article's body) and templates (some blogs ship the post in a "text/template" script).
_KEPT_SCRIPTS = ("json", "template", "html")
_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)


def decode_page(raw: bytes, name: str) -> tuple[str, str]:
    """A page's text and encoding: the charset its markup declares, else as any text file."""
    m = _CHARSET.search(raw[:4096])
    if m:
        declared = m.group(1).decode("ascii", "replace").lower()
        try:
            return raw.decode(declared), declared
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong or unknown declaration: detect instead
    return decode_bytes(raw, name)


def parse(markup: str) -> Any:
    """The page as an lxml tree, without the parts no extractor reads (code, styles, SVG
    drawings, comments), so that each of trafilatura's passes
    over the tree (it walks and copies it several times) has fewer nodes to visit. None when
    the markup is not HTML."""
    from lxml import etree

    tree = _load(markup)
    if tree is None:
        return None
    dead = [
        el
        for el in tree.iter("script", "style", "svg")
        if el.tag != "script" or not any(k in (el.get("type") or "") for k in _KEPT_SCRIPTS)
    ]
    for el in dead:
        _drop(el)
    etree.strip_elements(tree, etree.Comment, etree.ProcessingInstruction, with_tail=False)
    return tree


@functools.cache
def _parser() -> Any:
    """trafilatura's HTML parser, with lxml's element classes chosen in C: lxml.html's own
    choice (a form's elements get classes of their own) is a Python call for every element
    Python touches, about 3,000 a page, and no extractor kg calls uses those classes."""
    from lxml import etree
    from lxml import html as lh

    parser = lh.HTMLParser(
        collect_ids=False,
        default_doctype=False,
        encoding="utf-8",
        remove_comments=True,
        remove_pis=True,
    )
    parser.set_element_class_lookup(
        etree.ElementDefaultClassLookup(
            element=lh.HtmlElement,
            comment=lh.HtmlComment,
            pi=lh.HtmlProcessingInstruction,
            entity=lh.HtmlEntity,
        )
    )
    return parser


def _load(markup: str) -> Any:
    """trafilatura's ``load_html`` on a decoded page, with ``_parser``: the faulty markup it
    repairs, the pages it rejects as not HTML. The page goes to lxml as UTF-8 bytes, which it
    parses a sixth faster than a string (trafilatura's own fallback), and the string only when
    the bytes give no tree."""
    from lxml import html as lh
    from trafilatura.utils import is_dubious_html

    beginning = markup[:50].lower()
    data = page_bytes(markup, beginning)
    tree = None
    try:
        tree = lh.fromstring(data, parser=_parser())
    except Exception:  # noqa: BLE001 - markup lxml cannot read as bytes: tried as a string
        pass
    if tree is None or len(tree) < 1:
        try:
            tree = lh.fromstring(data.decode("utf8", "surrogatepass"), parser=_parser())
        except Exception:  # noqa: BLE001
            return None
    if tree is not None and is_dubious_html(beginning) and len(tree) < 2:
        return None
    return tree


# Characters libxml2 cannot take, which trafilatura's repair deletes (its INVALID_XML_CHARS)
_CONTROL = bytes(range(0x09)) + b"\x0b\x0c" + bytes(range(0x0E, 0x20))
_NONCHARACTERS = ("\ufffe", "\uffff")
# How far into the page trafilatura's repairs of the doctype and a self-closed <html/> look
_REPAIRED_HEAD = 4096


def page_bytes(markup: str, beginning: str) -> bytes:
    """The page as UTF-8 after trafilatura's ``repair_faulty_html``. Its regular expression
    that deletes control characters scans the whole page (a millisecond on a 200 kB page);
    most pages have none, which a byte table tells in a tenth of that, and then only the
    page's head goes to it, since its other repairs look no further than the first lines."""
    from trafilatura.utils import repair_faulty_html

    data = markup.encode("utf8", "surrogatepass")
    cut = markup.find("\n", _REPAIRED_HEAD) + 1
    if not cut or _has_control(markup, data):
        return repair_faulty_html(markup, beginning).encode("utf8", "surrogatepass")
    head = repair_faulty_html(markup[:cut], beginning)
    return data if head == markup[:cut] else (head + markup[cut:]).encode("utf8", "surrogatepass")


def _has_control(markup: str, data: bytes) -> bool:
    if any(c in markup for c in _NONCHARACTERS):
        return True
    return len(data.translate(None, _CONTROL)) != len(data)


# Elements trafilatura deletes with all they hold before it looks for the article (its
# MANUALLY_CLEANED list). kg cuts them once the metadata is read, so that trafilatura's passes
# over the raw tree (pruning XPaths, copies, the page-length measure, the fallbacks) visit about
# a third fewer elements. Kept: the head (its JSON-LD tells trafilatura a forum thread and feeds
# its baseline), forms (trafilatura keeps one that holds the article), figures (one may hold a
# table) and noscript (a script-rendered blog puts its post there, which the fallbacks read).
EXTRACTOR_CUTS = frozenset(
    "nav aside footer iframe button select menu picture video audio time embed object canvas "
    "map textarea".split()
)
# An element to cut that holds one of these holds the article: a page whose markup leaves a
# "nav" unclosed puts everything after it inside.
_ARTICLE_MARKS = ".//h1|.//article|.//main"


@functools.cache
def _article_marks() -> Any:
    from lxml import etree

    return etree.XPath(_ARTICLE_MARKS)  # compiled once, not at every element cut


def cut_for_extraction(tree: Any, tags: frozenset[str] = EXTRACTOR_CUTS) -> None:
    """Remove from ``tree`` the elements trafilatura deletes anyway (``EXTRACTOR_CUTS``, or
    those of them in ``tags``), keeping the text that follows each, except one that holds the
    article's marks."""
    for el in list(tree.iter(*tags)):
        if any(a.tag in tags for a in el.iterancestors()):
            continue  # gone with its ancestor, or kept with it
        if not _article_marks()(el):
            _drop(el)


# Elements without text that no extractor reads once the metadata and the byline are read:
# trafilatura strips "meta" and deletes "link" before it looks for the article, and its
# fallbacks and page measure take no text from them. They are a tenth of a page's elements, which
# each of its passes walks and each of its copies copies.
_TEXTLESS = ("meta", "link")


def cut_textless(tree: Any) -> None:
    """Remove the ``meta`` and ``link`` elements of ``tree`` (any text after one stays)."""
    from lxml import etree

    etree.strip_elements(tree, *_TEXTLESS, with_tail=False)


# Class and id names of the boxes of links to other articles ("related-posts", "read-next",
# "more-about__card --related"), which trafilatura's own cut may restore or its fallbacks keep.
_RELATED = re.compile(
    r"related|next[-_]?(?:story|posts?)|read[-_]?next|more[-_]?(?:stories|from|on|articles|news)|"
    r"recommend|you[-_]?(?:may|might)|also[-_]?(?:read|like)|popular|trending|"
    r"most[-_]?(?:read|viewed|shared)|recirc|latest|teaser|editors?[-_]?picks?",
    re.I,
)
_BOXES = ("div", "section", "aside", "ul", "ol")


def cut_related(tree: Any) -> None:
    """Remove the boxes of links to other articles: an element whose class or id says so
    (``_RELATED``) and whose text is mostly links (RELATED_LINKS or more of it), outside the
    article's marks. A box of the name that holds sentences of its own (an excerpt under each
    link) is left to the extractor: some themes give the article's column such a class."""
    found = [el for el in tree.iter(*_BOXES) if _RELATED.search(_names(el))]
    for el in found:
        if el.getparent() is None or _article_marks()(el):
            continue
        text = len(squash(el.text_content()))
        links = sum(len(squash(a.text_content())) for a in el.iter("a"))
        if text and (links >= RELATED_LINKS * text or _teasers(el)):
            _drop(el)


def _teasers(box: Any) -> bool:
    """Whether ``box`` is a row of teasers: TEASER_HEADINGS or more headings, each a link to
    another page (an excerpt may follow each). An article's own headings are not links."""
    heads = [h for h in box.iter("h2", "h3", "h4") if squash(h.text_content())]
    if len(heads) < TEASER_HEADINGS:
        return False
    return all(
        sum(len(squash(a.text_content())) for a in h.iter("a")) >= len(squash(h.text_content()))
        for h in heads
    )


# What a page's markup says is not the article, for readers of every kind: the ARIA roles of
# asides, page footers, dialogs (a cookie or sign-up box), search boxes and menus, and the
# elements it hides (the ``hidden`` attribute, a ``dialog`` element).
_NOT_ARTICLE_ROLES = re.compile(
    r"complementary|contentinfo|dialog|alertdialog|search|menu|menubar|banner"
)


def cut_not_article(tree: Any) -> None:
    """Remove from ``tree`` what its markup marks as no part of the article (see
    ``_NOT_ARTICLE_ROLES``) and the short captions and credits of its pictures (see
    ``_caption``), except an element that holds the article's marks. One walk of the tree, under
    a millisecond a page."""
    found = [el for el in tree.iter() if _hidden(el) or _caption(el)]
    marked = set(found)
    for el in found:
        if any(a in marked for a in el.iterancestors()) or _article_marks()(el):
            continue
        _drop(el)


def _hidden(el: Any) -> bool:
    if el.get("hidden") is not None or el.tag == "dialog":
        return True
    if el.tag == "form" and _sign_up(el):
        return True
    role = el.get("role")
    return bool(role and _NOT_ARTICLE_ROLES.fullmatch(role.strip().lower()))


# The fields of a form a reader fills in to sign up, log in or search
_FIELDS = frozenset({"email", "password", "search"})


def _sign_up(form: Any) -> bool:
    """Whether ``form`` asks for an e-mail address, a password or a search, in FORM_WORDS words
    or fewer: a sign-up, log-in or search box. Some pages set the whole page in one form."""
    fields = any((i.get("type") or "").lower() in _FIELDS for i in form.iter("input"))
    return fields and not _longer(form.text_content(), FORM_WORDS)


# Class and id names of a picture's caption or credit
_CAPTION = re.compile(r"(?:^|[\s_-])(?:caption|credit)", re.I)


def _caption(el: Any) -> bool:
    """Whether ``el`` is a picture's caption or credit: a ``figcaption``, or an element whose
    class or id says caption or credit, of CAPTION_WORDS words or fewer. A longer one is the
    text of a slideshow whose pictures are the article, or a video's summary of the story."""
    if el.tag != "figcaption" and not _CAPTION.search(_names(el)):
        return False  # the common case: one search of the element's class and id
    return not _longer(el.text_content(), CAPTION_WORDS)


def _longer(text: str, words: int) -> bool:
    return len(text.split(None, words)) > words


def _names(el: Any) -> str:
    return f"{el.get('class') or ''} {el.get('id') or ''}"


def squash(text: str) -> str:
    """``text`` with its runs of white space one space, trimmed (str.split's white space is the
    regular expression's ``\\s``; split and join cost a third of a substitution)."""
    return " ".join(text.split())


def _drop(el: Any) -> None:
    """Remove ``el`` from its tree, keeping the text that follows it (lxml.html's
    ``drop_tree``; a fragment's root stays)."""
    if el.getparent() is not None:
        el.drop_tree()


def extract_article(tree: Any, url: str | None) -> Any:
    """trafilatura's extraction of the article from ``tree`` (which it copies, leaving ours
    whole): its own rules first, and its fallbacks (readability, jusText) only when those found
    little, which is where the fallbacks win, since they cost as much as the rest. A page whose
    paragraphs (``p``) hold less text than that goes to the fallbacks at once: its rules' result
    would be as short, and the extraction would run twice. The result's ``body`` is the
    article; its ``raw_text`` the body's text, not formatted (kg reads the body)."""
    from trafilatura import bare_extraction

    if sum(len(p.text_content()) for p in tree.iter("p")) < FALLBACK_BELOW:
        return bare_extraction(tree, options=_options(False, url))
    found = bare_extraction(tree, options=_options(True, url))
    if found is None or len(found.raw_text or "") < FALLBACK_BELOW:
        return bare_extraction(tree, options=_options(False, url)) or found
    return found


def _options(fast: bool, url: str | None) -> Any:
    """trafilatura's options for one page: built once (reading its settings costs a millisecond
    a page) and copied with the page's URL. Text output ("txt") spares the formatting of the
    article as text that kg does not read; the extraction is the same."""
    from copy import copy

    options = copy(_base_options(fast))
    options.url = options.source = url
    return options


@functools.cache
def _base_options(fast: bool) -> Any:
    from trafilatura.settings import Extractor

    return Extractor(
        output_format="txt",
        fast=fast,
        comments=False,
        tables=True,
        formatting=False,
        links=False,
        with_metadata=False,  # read once, from our tree (kg.ingest.html.metadata)
    )
