"""Web pages: what kg keeps of a page around trafilatura's extraction."""

import json
from pathlib import Path

import pytest

from kg.ingest import read
from kg.ingest.html import article_body, author_name, byline_author, host_name, metadata
from kg.ingest.page import (
    cut_for_extraction,
    cut_not_article,
    cut_related,
    cut_textless,
    parse,
    squash,
)

STORY = " ".join(
    f"Acme Corp said on Tuesday that it had hired {n} engineers at its plant in Boston."
    for n in range(10)
)
MORE = " ".join(
    f"The firm expects {n} more hires in Ohio next year, its chief executive told reporters."
    for n in range(8)
)


def page(head: str = "", header: str = "", article: str = f"<p>{STORY}</p><p>{MORE}</p>") -> str:
    return f"""<html lang="en"><head><title>Acme hires engineers | Daily Planet</title>{head}
    </head><body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
    <div class="story"><header><h1>Acme hires engineers</h1></header>
    <section class="meta">{header}</section><article>{article}</article></div>
    <footer>Copyright Daily Planet. All rights reserved.</footer></body></html>"""


def kept_text(tmp_path: Path, markup: str) -> str:
    (tmp_path / "p.html").write_text(markup, encoding="utf-8")
    (doc,) = read([tmp_path / "p.html"])
    return " ".join(doc.text[b.start : b.end] for b in doc.kept)


def test_parse_drops_code_but_keeps_json_ld_templates_and_text_after_a_script():
    tree = parse(
        """<html><head><script type="application/ld+json">{"headline": "H"}</script>
        <style>p {color: red}</style></head><body><p>Before <script>var x = 1;</script>after.
        </p><script type="text/template"><p>A post the page renders.</p></script>
        <svg><text>drawn</text></svg></body></html>"""
    )
    scripts = [s.get("type") for s in tree.iter("script")]
    assert scripts == ["application/ld+json", "text/template"]
    text = " ".join(tree.find("body").itertext())
    assert "after." in text and "var x" not in text and "drawn" not in text
    assert tree.find(".//style") is None


def test_metadata_reads_what_trafilatura_reads():
    from trafilatura import extract_metadata

    markup = page(
        head="""<meta name="author" content="Jane Doe">
        <meta property="og:site_name" content="Daily Planet">
        <meta property="og:description" content="Acme grows in Boston.">
        <meta property="article:published_time" content="2024-03-03T10:00:00Z">
        <link rel="canonical" href="https://planet.example/acme">"""
    )
    ours = metadata(parse(markup), None).as_dict()
    theirs = extract_metadata(parse(markup), date_config={"extensive_search": False}).as_dict()
    fields = ("title", "author", "date", "sitename", "url", "hostname", "description")
    assert [ours[f] for f in fields] == [theirs[f] for f in fields]
    assert ours["author"] == "Jane Doe" and ours["date"] == "2024-03-03"


def test_a_script_rendered_article_is_read_from_its_json_ld_body(tmp_path: Path):
    body = "\n".join(f"Paragraph {n}: {STORY}" for n in range(3))
    ld = json.dumps({"@graph": [{"@type": "NewsArticle", "articleBody": body}]})
    markup = page(
        head=f'<script type="application/ld+json">{ld}</script>',
        article=f"<p>{MORE[:400]}</p><div id='app'></div>",
    )
    assert article_body(parse(markup)) == body
    text = kept_text(tmp_path, markup)
    assert "Paragraph 2: Acme Corp said" in text


def test_a_short_json_ld_body_does_not_replace_the_article(tmp_path: Path):
    ld = json.dumps({"@type": "NewsArticle", "articleBody": "Acme hired engineers."})
    markup = page(head=f'<script type="application/ld+json">{ld}</script>')
    text = kept_text(tmp_path, markup)
    assert "hired 9 engineers" in text and "7 more hires" in text


def test_the_standfirst_is_kept_when_the_page_shows_it(tmp_path: Path):
    lead = "The company plans to double its workforce in Massachusetts by the end of 2026"
    meta = f'<meta name="description" content="{lead}">'
    shown = page(head=meta, header=f'<div class="dek">{lead}</div>')
    assert lead in kept_text(tmp_path, shown)
    # a description only search engines see is no part of the article
    assert lead not in kept_text(tmp_path, page(head=meta))


def test_sentences_between_headline_and_body_are_kept_but_not_bylines_or_boxes(tmp_path: Path):
    note = "This story originally appeared in the Boston Ledger."
    box = "<div class='newsletter-box'><p>The best stories of the week come in one email.</p></div>"
    header = f"<p>By Jane Doe and Bo Chen, March 3, 2024</p><p class='note'>{note}</p>{box}"
    long = f"<p>{STORY}</p><p>{MORE}</p><p>{STORY.replace('Boston', 'Denver')}</p>"
    text = kept_text(tmp_path, page(header=header, article=long))
    assert note in text and "By Jane Doe" not in text and "best stories" not in text


def test_on_a_page_a_reader_line_beside_an_advert_is_kept_unless_it_sells(tmp_path: Path):
    closing = "If you have any questions about the new plant, please tell us in the comments."
    promo = "Never miss a story: our newsletter brings them every morning."
    article = (
        f"<p>{STORY}</p><p>{closing}</p>"
        "<p>Subscribe to our newsletter for weekly updates.</p>"
        f"<p>{promo}</p><p>{MORE}</p>"
    )
    text = kept_text(tmp_path, page(article=article))
    assert closing in text
    assert "Subscribe to our newsletter" not in text and promo not in text


def test_on_a_page_a_selling_line_beside_an_advert_goes_with_it(tmp_path: Path):
    # a paywall's tail: it sells (an app) without addressing the reader
    app = "For breaking news every hour download the Planet Daily apps for phones and tablets."
    quiet = "The plant opens in May; the mayor will cut the ribbon, a spokesman said."
    article = (
        f"<p>{STORY}</p><p>{MORE}</p><p>{quiet}</p>"
        f"<p>Subscribe now to our digital edition for the full story.</p><p>{app}</p>"
    )
    text = kept_text(tmp_path, page(article=article))
    assert quiet in text and app not in text


def test_on_a_page_a_short_line_between_two_adverts_goes_with_them(tmp_path: Path):
    gift = "First-time members also get a tote bag made by local artisans!"
    quote = '"A fine plant," the mayor said of it on Monday.'
    ad = "<p>Subscribe to our newsletter for weekly updates.</p>"
    article = f"<p>{STORY}</p>{ad}<p>{gift}</p>{ad.replace('weekly', 'daily')}<p>{MORE}</p>"
    text = kept_text(tmp_path, page(article=article))
    assert gift not in text and STORY in text and MORE in text
    text = kept_text(tmp_path, page(article=article.replace(gift, quote)))
    assert quote in text  # a quotation is reporting, wherever it stands


RELATED_BOXES = [
    # (a box after the article, is it cut?)
    (
        "<div class='more__card --related'><a href='/a'><p>Acme buys a rival in Texas for "
        "two billion dollars</p></a><a href='/b'><p>Ohio plant doubles its output</p></a></div>",
        True,
    ),
    ("<ul id='relatedArticles'><li><a href='/c'>Acme's chief steps down</a></li></ul>", True),
    (
        "<section class='read-next'><h3>Read next</h3><a href='/d'>Acme's new plant</a></section>",
        True,
    ),
    # excerpts under the links: sentences of the box's own, left to the extractor
    (
        "<div class='related-posts'><h2><a href='/e'>Acme hires</a></h2><p>The firm said on "
        "Monday that it would hire two hundred engineers in Ohio over the coming year.</p></div>",
        False,
    ),
    # a box of links whose class names no related articles
    ("<div class='sources'><a href='/f'>Acme's annual report for 2023</a></div>", False),
    # a row of teasers: every heading a link to another article, an excerpt under each
    (
        "<div id='next-post-thumbnails'><h2><a href='/g'>Acme hires</a></h2><p>The firm said "
        "it would hire two hundred engineers.</p><h2><a href='/h'>Ohio plant grows</a></h2>"
        "<p>Output at the plant doubled last year, its manager said.</p></div>",
        True,
    ),
    # the same under other names a page gives such a box
    (
        "<section class='you-may-like'><a href='/i'>Acme's chief steps down</a></section>",
        True,
    ),
    # headings of the box's own, not links: its text, left to the extractor
    (
        "<div class='related-posts'><h2>Acme hires</h2><p>The firm said it would hire two "
        "hundred engineers.</p><h2>Ohio plant grows</h2><p>Output at the plant doubled last "
        "year, its manager said.</p></div>",
        False,
    ),
]


@pytest.mark.parametrize(("box", "cut"), RELATED_BOXES)
def test_a_box_of_links_to_related_articles_is_cut(box: str, cut: bool) -> None:
    tree = parse(f"<html><body><article><p>{STORY}</p></article>{box}</body></html>")
    before = squash(tree.text_content())
    cut_related(tree)
    assert (squash(tree.text_content()) != before) == cut
    assert STORY in tree.text_content()


def test_a_related_box_that_holds_the_article_stays() -> None:
    box = f"<div class='post-related'><h1>Acme hires</h1><p><a href='/g'>{STORY}</a></p></div>"
    tree = parse(f"<html><body>{box}</body></html>")
    cut_related(tree)
    assert STORY in tree.text_content()


HIDDEN_AND_ROLES = [
    # (body markup, text left for the extractor)
    ("<p>Story.</p><div role='complementary'><p>Most read</p></div>", "Story."),
    ("<p>Story.</p><div role='dialog'><p>Sign up for our newsletter</p></div>", "Story."),
    ("<p>Story.</p><div role='contentinfo'>Copyright</div> Tail.", "Story. Tail."),
    ("<form role='search'><p>Search the site</p></form><p>Story.</p>", "Story."),
    ("<ul role='menu'><li>Home</li></ul><p>Story.</p>", "Story."),
    ("<div hidden><p>Log in</p></div><dialog><p>Cookies</p></dialog><p>Story.</p>", "Story."),
    (
        "<p>Story.</p><form><label>Get our newsletter</label><input type='email'></form>",
        "Story.",
    ),
    # a page set whole in a form, or a form that asks for nothing of the kind, stays
    (f"<form><p>{STORY}</p><input type='email'></form>", STORY),
    ("<form><p>Story.</p><input type='text'></form>", "Story."),
    # roles that are the article's, or that hold its marks, stay
    ("<div role='main'><p>Story.</p></div>", "Story."),
    ("<div role='article'><p>Story.</p></div>", "Story."),
    ("<div role='banner'><h1>Headline</h1></div><p>Story.</p>", "Headline Story."),
]


@pytest.mark.parametrize(("body", "expected"), HIDDEN_AND_ROLES)
def test_what_the_markup_marks_as_no_article_is_cut(body: str, expected: str) -> None:
    tree = parse(f"<html><body>{body}</body></html>")
    cut_not_article(tree)
    assert squash(" ".join(tree.find("body").itertext())) == expected


CAPTIONS = [
    # (body markup, text left for the extractor)
    (
        "<figure><img src='a.jpg'><figcaption>The plant in Ohio. (Photo: Jane Doe)</figcaption>"
        "</figure><p>Story.</p>",
        "Story.",
    ),
    ("<div class='wp-caption-text'>Acme's chief, Jane Doe.</div><p>Story.</p>", "Story."),
    ("<p>Story.</p><span class='video-credit'>By Acme News</span>", "Story."),
    # a class that only holds the word ("accreditation") is no caption
    (
        "<div class='header__accreditation'>The firm's plan, in brief.</div>",
        "The firm's plan, in brief.",
    ),
    # a long caption is a slideshow's text, the article itself
    (f"<figure><figcaption>{STORY}</figcaption></figure>", STORY),
]


@pytest.mark.parametrize(("body", "expected"), CAPTIONS)
def test_short_captions_and_credits_are_cut(body: str, expected: str) -> None:
    tree = parse(f"<html><body>{body}</body></html>")
    cut_not_article(tree)
    assert squash(" ".join(tree.find("body").itertext())) == expected


def test_a_page_whose_only_text_is_its_json_ld_body_is_read(tmp_path: Path):
    ld = json.dumps({"@type": "NewsArticle", "articleBody": f"{STORY}\n{MORE}"})
    markup = page(head=f'<script type="application/ld+json">{ld}</script>', article="")
    text = kept_text(tmp_path, markup)
    assert "hired 9 engineers" in text and "7 more hires" in text


CUTS = [
    # (body markup, text left for the extractor)
    ("<nav><a href='/'>Home</a></nav><p>Story.</p>", "Story."),
    ("<p>Story<button>Share</button> goes on.</p>", "Story goes on."),
    ("<div><aside><p>Most read</p></aside>Tail text.<p>Story.</p></div>", "Tail text. Story."),
    ("<p>Story.</p><footer><p>Copyright</p><nav>Links</nav></footer>", "Story."),
    ("<p>Posted <time datetime='2024-03-03'>March 3</time> by Jane.</p>", "Posted by Jane."),
    ("<form><p>A story inside a form.</p></form>", "A story inside a form."),
    ("<figure><table><tr><td>Cell</td></tr></table></figure>", "Cell"),
    (
        "<noscript><p>A post for readers without scripts.</p></noscript>",
        "A post for readers without scripts.",
    ),
    # markup that never closes its nav: the article is inside it, so it stays
    ("<nav><a href='/'>Home</a><h1>Headline</h1><p>Story.</p></nav>", "Home Headline Story."),
    ("<aside><article><p>Story.</p></article></aside>", "Story."),
    ("<footer><main><p>Story.</p></main></footer>", "Story."),
]


def test_elements_trafilatura_deletes_are_cut_before_it_runs_but_not_the_article():
    for body, expected in CUTS:
        tree = parse(f"<html><head><title>T</title></head><body>{body}</body></html>")
        cut_for_extraction(tree)
        text = " ".join(" ".join(tree.find("body").itertext()).split())
        assert text == expected, body
        assert tree.find("head/title") is not None  # the head stays, for the metadata


def test_cutting_changes_nothing_trafilatura_extracts(tmp_path: Path):
    from trafilatura import bare_extraction

    markup = page(
        head="<meta name='author' content='Jane Doe'><link rel='canonical' href='/a'>",
        header="<time datetime='2024-03-03'>March 3</time><button>Share</button>",
        article=f"<p>{STORY}<meta itemprop='wordCount' content='90'></p>"
        f"<aside><p>Most read: a list of links</p></aside><p>{MORE}</p>",
    )
    whole, cut = parse(markup), parse(markup)
    cut_for_extraction(cut)
    cut_textless(cut)
    for fast in (True, False):
        before = bare_extraction(whole, fast=fast, include_comments=False)
        after = bare_extraction(cut, fast=fast, include_comments=False)
        assert after.text == before.text and STORY[:40] in after.text


def test_a_page_of_short_paragraphs_goes_to_the_fallbacks_at_once(monkeypatch):
    import trafilatura

    from kg.ingest import page as html_page

    calls: list[bool] = []
    real = trafilatura.bare_extraction

    def spy(tree, *, options):
        calls.append(options.fast)
        return real(tree, options=options)

    monkeypatch.setattr(trafilatura, "bare_extraction", spy)
    long = "".join(f"<p>{STORY}</p><p>{MORE}</p>" for _ in range(2))  # over 1,000 characters
    table = [
        # (article, the extractions run: fast is trafilatura's rules alone)
        (f"<p>{STORY}</p>", [False]),
        (long, [True]),
    ]
    for article, expected in table:
        calls.clear()
        found = html_page.extract_article(parse(page(article=article)), None)
        assert calls == expected and "hired 9 engineers" in found.raw_text


@pytest.mark.parametrize(
    ("field", "expected"),
    [
        ("View all posts by Daniel Lemire", "Daniel Lemire"),
        ("Article by", None),
        ("By Jane Doe", "Jane Doe"),
        ("Written by: Ann Lee", "Ann Lee"),
        ("Story by Omar Haddad | Staff", "Omar Haddad | Staff"),
        ("Jane Doe", "Jane Doe"),
        ("Byron Katz", "Byron Katz"),
        ("Authorised Agent Ltd", "Authorised Agent Ltd"),
        ("", None),
        (None, None),
    ],
)
def test_author_field_loses_the_words_of_its_line(field, expected):
    assert author_name(field) == expected


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://www.bbc.co.uk/news/world-1", "bbc.co.uk"),
        ("https://www2.example.org/a?b=c", "example.org"),
        ("http://edition.cnn.com:8080/x", "edition.cnn.com"),
        ("https://news.example/", "news.example"),
        ("/relative/path", None),
        ("", None),
        (None, None),
    ],
)
def test_host_name_is_the_urls_host_without_www(url, expected):
    assert host_name(url) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("  a \n\t b  ", "a b"),
        ("a\u00a0\u2009b", "a b"),  # no-break and thin spaces are white space too
        ("one", "one"),
        (" \n ", ""),
    ],
)
def test_squash_is_the_regular_expressions_white_space(text, expected):
    import re

    assert squash(text) == expected == re.sub(r"\s+", " ", text).strip()


BYLINES = [
    # (markup between the headline and the article, the author found)
    ("<span class='byline'>By Jane Doe</span>", "Jane Doe"),
    ("<aside class='post-author'><span itemprop='author'>Ann Lee</span></aside>", "Ann Lee"),
    # another article's author, in the navigation or the footer, is not this one's
    ("<nav><span class='author'>Omar Haddad</span></nav>", None),
    ("<footer><a rel='author' href='/a'>Omar Haddad</a></footer>", None),
    ("", None),
]


def test_the_byline_is_searched_on_the_tree_cut_for_extraction_but_for_its_asides(tmp_path):
    for header, expected in BYLINES:
        (tmp_path / "p.html").write_text(page(header=header), encoding="utf-8")
        (doc,) = read([tmp_path / "p.html"])
        assert doc.authors == ((expected,) if expected else ()), header
        tree = parse(page(header=header))
        cut_for_extraction(tree, frozenset({"nav", "footer"}))
        assert byline_author(tree) == expected, header


def test_the_parsed_page_is_lxml_html_and_non_html_is_refused():
    from lxml.html import HtmlElement

    tree = parse(page(article="<form><p>A form's text.</p><input name='q'></form>"))
    assert all(isinstance(el, HtmlElement) for el in tree.iter() if isinstance(el.tag, str))
    assert tree.find(".//form/p").text_content() == "A form's text."
    for markup in ("just a line of text", ""):
        assert parse(markup) is None, markup


LOADS = [
    # markup trafilatura's loader repairs, falls back on or refuses: parsed the same
    '<?xml version="1.0" encoding="utf-8"?><html><head><title>T</title></head>'
    "<body><p>Café news.</p></body></html>",
    '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0//EN" "x.dtd">\n<html><body><p>A.</p><p>B.</p>',
    "<html/>\n<body><p>A story.</p><p>More.</p></body>",
    "<html><head><title>T</title></head><body><p>Nul\x00 and \x0b controls.</p></body></html>",
    "just a line of text",
    "<p>one fragment</p>",
]


def test_pages_are_loaded_as_trafilaturas_loader_loads_them():
    from lxml import etree
    from trafilatura import load_html

    for markup in LOADS:
        ours, theirs = parse(markup), load_html(markup)
        assert (ours is None) == (theirs is None), markup
        if ours is not None:
            assert etree.tostring(ours) == etree.tostring(theirs), markup


FILLER = "<p>" + "Filler text of a long page. " * 200 + "</p>\n"  # past the repaired head
REPAIRS = [
    # the starts of pages: a doctype libxml2 misreads, a self-closed root, a control character
    '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0//EN" "x/y.dtd">\n<html><body>',
    "<html/>\n<body>",
    "<html><body><p>A nul\x00 at the start</p>",
    "<html><body>",
    "<html><body>" + "x" * 5000,  # no line break after the head: the whole page repaired
]


@pytest.mark.parametrize("start", REPAIRS)
@pytest.mark.parametrize(
    "end",
    [
        "</body></html>",
        "<p>A control\x0b character at the end.</p></body></html>",
        "<p>A noncharacter \ufffe at the end.</p></body></html>",
        "<p>A \uffff and a vertical tab\x0c.</p>\n</body></html>",
    ],
)
def test_a_page_is_repaired_as_trafilatura_repairs_it(start, end):
    from trafilatura.utils import repair_faulty_html

    from kg.ingest.page import page_bytes

    markup = start + FILLER * 3 + end
    beginning = markup[:50].lower()
    expected = repair_faulty_html(markup, beginning).encode("utf8", "surrogatepass")
    assert page_bytes(markup, beginning) == expected


BYLINE_MARKS = [
    # (an element of the page, whether the byline search may find an author there)
    ("<span class='byline'>By Jane Doe</span>", True),
    ("<div class='post-Author'>Jane Doe</div>", True),
    ("<a rel='author' href='/jd'>Jane Doe</a>", True),
    ("<span itemprop='author'>Jane Doe</span>", True),
    ("<div data-component='Byline'>Jane Doe</div>", True),
    ("<p class='writer-box'>Jane Doe</p>", True),
    ("<author>Jane Doe</author>", True),
    ("<span class='date'>Jun 3</span>", False),
    ("<p>By Jane Doe</p>", False),
    ("<div id='main'><p class='lead'>Written by Jane Doe.</p></div>", False),
]


@pytest.mark.parametrize(("element", "may"), BYLINE_MARKS)
def test_the_byline_search_is_skipped_only_where_it_could_find_nothing(element, may):
    from trafilatura import metadata as tm

    from kg.ingest.html import _may_name_author

    tree = parse(page(header=element))
    assert _may_name_author(tree) is may
    if not may:
        assert tm.extract_author(tree) is None
        assert byline_author(tree) is None


TEXTLESS = [
    # (markup of a body, its text once meta and link elements are cut)
    ("<p>Acme<meta itemprop='name' content='Acme'> said so.</p>", "Acme said so."),
    ("<div><link rel='author' href='/jd'>By Jane Doe</div>", "By Jane Doe"),
    ("<p>No element to cut.</p>", "No element to cut."),
]


@pytest.mark.parametrize(("body", "expected"), TEXTLESS)
def test_meta_and_link_elements_are_cut_with_the_text_after_them_kept(body, expected):
    tree = parse(
        f"<html><head><meta charset='utf-8'><title>T</title></head><body>{body}</body></html>"
    )
    cut_textless(tree)
    assert tree.find(".//meta") is None and tree.find(".//link") is None
    assert " ".join(" ".join(tree.find("body").itertext()).split()) == expected
    assert tree.find("head/title").text == "T"


# (a table cell as trafilatura gives it, its lines): each line is a cell of its own
CELL_LINES = [
    (
        "<cell>Elliot Ackerman<p>Saladin Ambar, Rutgers University</p><p>Martin Amis</p></cell>",
        ["Elliot Ackerman", "Saladin Ambar, Rutgers University", "Martin Amis"],
    ),
    ("<cell>Jane Doe<lb/>London</cell>", ["Jane Doe", "London"]),
    ("<cell>A <hi>bold</hi>  word</cell>", ["A bold word"]),
    ("<cell><p> </p></cell>", []),
]


@pytest.mark.parametrize(("xml", "expected"), CELL_LINES)
def test_a_table_cell_is_cut_at_its_lines(xml: str, expected: list[str]) -> None:
    from lxml import etree

    from kg.ingest.html import _lines

    assert _lines(etree.fromstring(xml)) == expected


def test_a_list_of_names_in_a_table_cell_keeps_its_names_apart(tmp_path: Path) -> None:
    names = "".join(f"<p>{n}</p>" for n in ("Martin Amis", "Anne Applebaum", "Marie Arana"))
    table = f"<table><tr><td><strong>Elliot Ackerman</strong><br/>{names}</td></tr></table>"
    text = kept_text(tmp_path, page(article=f"<p>{STORY}</p>{table}<p>{MORE}</p>"))
    assert "Elliot Ackerman | Martin Amis | Anne Applebaum | Marie Arana" in text


# (a list as trafilatura gives it, its entries): a list inside an entry gives entries of its
# own, not words run on into the entry's; an entry's lines stand apart as a cell's do
LIST_ENTRIES = [
    (
        "<div><list><item>Runs on:<list><item>Linux boxes</item><item>Solaris</item></list>"
        "</item><item>Fast</item></list></div>",
        ["Runs on:", "Linux boxes", "Solaris", "Fast"],
    ),
    (
        "<div><list><item>Jane Doe<lb/>Mayor of Dover</item></list></div>",
        ["Jane Doe", "Mayor of Dover"],
    ),
    ("<div><list><item>A <hi>bold</hi> word</item><item> </item></list></div>", ["A bold word"]),
]


@pytest.mark.parametrize(("xml", "expected"), LIST_ENTRIES)
def test_a_list_entry_is_cut_at_its_lines_and_inner_list(xml: str, expected: list[str]) -> None:
    from lxml import etree

    from kg.ingest.html import _units

    assert _units(etree.fromstring(xml)) == [("item", t) for t in expected]
