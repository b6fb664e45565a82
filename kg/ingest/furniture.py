"""Page furniture: the blocks of a scraped text that are not the article.

Only strong signals count, never a single keyword: a real report may say that a company will
"sign up" customers, quote a "privacy policy" or name "US market regulators". A block is
furniture when it is

- a widget: a reaction counter, a share button, a bare number, a call to follow the site on a
  social network (the whole block, nothing else);
- a relative time stamp ("Updated: 2 hours ago") or a lone date away from the top;
- in another language than the text's (py3langid; short blocks are judged together with the
  run of short blocks around them, where one is too few characters to tell);
- an advert: a block that addresses the reader ("you", "your") *and* sells (a call to action
  such as "Subscribe", "Book a demo", or a promotional phrase), outside any quotation;
- beside an advert and addressing the reader too, or a short heading that opens an advert;
- a repeat of an earlier block.
"""

from __future__ import annotations

import itertools
import re

from kg.defaults import (
    ADVERT_WORDS,
    LABEL_WORDS,
    LANGUAGE_SAMPLE,
    LANGUAGE_SAMPLE_BLOCK,
    LANGUAGE_SURE,
    NEIGHBOUR_WORDS,
    RELATED_TITLE_WORDS,
    REPEAT_WORDS,
    RUN_SURE,
)
from kg.ingest.language import identify, ranked
from kg.lexicon import RELATED_HEADINGS, RELATED_LABELS
from kg.model import Block

# Kinds that the news structure gave: never furniture.
_NEWS = frozenset({"headline", "dateline", "byline", "author"})

MAX_MARK = 512  # no inline mark is longer: "[" + a keyword + up to 500 characters + "]"
INLINE = re.compile(r"\[(?:INTERNAL|EXTERNAL|AD|LINK|RELATED)[^\]\n]{0,500}\]", re.IGNORECASE)
_ITEM = re.compile(r"^\s*(?:[-*+•·–]|\d{1,3}[.)])\s+")
_WIDGET = re.compile(
    r"^(?:(like|dislike|love|funny|wow|sad|angry|haha|care|share|tweet|pin|email|print|"
    r"save|reply|comments?)(?:\s+\1)?\s*\(?\d*\)?|what'?s your reaction\??|"
    r"share (?:this|on \w+)|follow us.*|"
    # a call to follow a name or handle on a network ("Follow The Gleaner on Twitter"), never
    # "Follow these steps shared on Twitter": the name is capitalised whatever the case flag
    r"(?:follow|find|join) (?-i:us|@\w+|[A-Z][\w.&'-]*(?: [A-Z][\w.&'-]*){0,4}) on "
    r"(?:twitter|facebook|instagram|linkedin|tiktok|youtube|threads|bluesky|whatsapp|"
    r"telegram)\b.{0,300}|leave a (?:comment|reply)|"
    r"advertisement|sponsored(?: content)?)$",
    re.IGNORECASE,
)
# A bare count ("0 0", "12"): a widget's counter beside other furniture, else a table's figures.
_COUNTER = re.compile(r"\d[\d\s]*")  # digits and spaces: written so it cannot backtrack
_STAMP = re.compile(
    r"^(?:(?:published|updated|posted|last updated)(?: on)?:?\s.*|"
    r"(?:\d+ (?:seconds?|minutes?|hours?|days?|weeks?|months?) ago)|"
    r"(?:[A-Z][a-z]{2,8}\.? \d{1,2}, \d{4}(?:\s*[-–|,]\s*\d{1,2}:\d{2}(?:\s*[AaPp][Mm])?)?)|"
    r"(?:\d{4}-\d{2}-\d{2}(?:[ T]\d{2}:\d{2}(?::\d{2})?)?))$",
    re.IGNORECASE,
)
# Selling: a call to action at the start of a block, or a promotional phrase anywhere.
_CALL = re.compile(
    r"^(?:subscribe|sign up|join|book|download|register|shop|buy|order|claim|upgrade|"
    r"get (?:the|our|your|access|started)|start your|try (?:it|our)|follow us)\b",
    re.IGNORECASE,
)
_PROMO = re.compile(
    r"\b(?:newsletters?|subscribe|unsubscribe|sign[- ]?up|spam|inbox|free trial|"
    r"book (?:a |\d+ )?(?:demo|call|minutes?)|sponsored|advertisement|preferential terms|"
    r"early access|promo code|discount|click here|learn more|read more|"
    # a call for the reader's comment or rating under the article
    r"comment below|leave (?:a |your )?(?:comment|review|rating)|rate (?:this|the) recipe|"
    r"all rights reserved|privacy policy|terms of (?:use|service)|cookies? policy|"
    # a paywall's note, a call for letters, an app's advert, an affiliate disclosure
    r"already an? (?:subscriber|member)|(?:submit|write|send) (?:a |your )?letters? to the editor|"
    r"download (?:the |our )?(?:\w+ ){0,4}apps?|advertising policy|affiliate links?|"
    r"(?:receive|earn) (?:a )?(?:small )?(?:compensation|commission))\b",
    re.IGNORECASE,
)
# A credit line under a picture or a chart, alone in its block: "(Credit: Jane Doe / Agency)",
# "Photo: Reuters", "Image credit: NASA"; a sentence that names a photographer is longer.
_CREDIT = re.compile(
    r"^\(?(?:(?:photo(?:graph)?|image|picture|illustration|chart|video)s?(?: credits?)?|"
    r"credits?)\s*:\s*[^()\n]{1,80}\)?$",
    re.IGNORECASE,
)
# A page's label for its filing or its revisions ("Category: Press Releases", "Tags: ...",
# "Last Modified: 03-10-2004"), in a short block: metadata the page shows, not the article.
_LABEL = re.compile(
    r"\b(?:categor(?:y|ies)|tags|filed under|last (?:modified|updated))\s*:", re.IGNORECASE
)
# The heading of a box of links to other articles, alone in its block ("Related stories",
# "You may also like"), or a link to one set in the article under a label ("RELATED: <title>").
_HEADINGS = "|".join(re.escape(p).replace("'", "['’]") for p in RELATED_HEADINGS)
_RELATED_HEADING = re.compile(rf"(?:{_HEADINGS})\s*[:.]?", re.IGNORECASE)
_RELATED_WHY = "link to other articles"
_UNDER_ENDS = _NEWS | {"heading"}
_LABELS = "|".join(re.escape(p) for p in RELATED_LABELS)
_RELATED_LINK = re.compile(rf"(?:{_LABELS})\s*:\s*\S.*", re.IGNORECASE)
# The reader addressed: lower-case "you"/"your" or a capitalised one, never "US" (the country)
_YOU = re.compile(r"\b(?:[Yy]ou|[Yy]our|[Yy]ours)\b|\b[Yy]ou[’'](?:ll|re|ve|d)\b")
_WE = re.compile(r"\b(?:[Ww]e|[Oo]ur|us)\b|\b[Ww]e[’'](?:ll|re|ve|d)\b")
_QUOTED = re.compile(r"[\"“”«»]")
_WORD = re.compile(r"[^\W\d_]+(?:[’'][^\W\d_]+)?")


def furniture(
    text: str, blocks: list[Block], *, language: str | None = None, page: bool = False
) -> tuple[list[Block], str]:
    """``blocks`` with the furniture among them marked (kind "furniture" and the reason), and
    the text's main language (``language`` when given, else the model's).

    ``page``: the blocks are an article that an HTML extractor already chose, so only widgets
    and adverts are looked for (a bilingual article or a line of figures stays whole).
    """
    lines = [_ITEM.sub("", text[b.start : b.end]).strip() for b in blocks]
    why = [
        "" if b.kind in _NEWS else _page(line) if page else _alone(line)
        for b, line in zip(blocks, lines, strict=True)
    ]
    if page:
        lang = language or main_language(lines, why)
    else:
        # the model's time is most of ingest's: a block already judged (a widget, an advert)
        # or too short to vote (under 3 words; see _majority and _foreign) is not given to it
        ids = [
            ("", 0.0) if w or len(line.split()) < 3 else identify(line[:LANGUAGE_SAMPLE_BLOCK])
            for line, w in zip(lines, why, strict=True)
        ]
        lang = language or _majority(lines, why, ids)
        for i, reason in _foreign(lines, why, blocks, lang, ids).items():
            why[i] = reason
    seen: dict[str, int] = {}
    for i, line in enumerate(lines):
        if not why[i] and blocks[i].kind not in _NEWS:
            if line in seen and len(_WORD.findall(line)) >= REPEAT_WORDS:
                why[i] = f"repeats the block at offset {blocks[seen[line]].start}"
            seen.setdefault(line, i)
    _neighbours(lines, blocks, why, page=page)
    _under_related(lines, blocks, why)
    out = [
        Block(b.start, b.end, "furniture", w) if w else b for b, w in zip(blocks, why, strict=True)
    ]
    return out, lang


def _page(line: str) -> str:
    if _WIDGET.match(line) and _WORD.search(line):
        return "social or comment widget"
    if _STAMP.match(line) and not _longer(line, LABEL_WORDS):
        return "date line"  # short: "Updated figures show ..." may open a paragraph
    return _shown_metadata(line) or advert(line)


def _alone(line: str) -> str:
    """Why ``line`` is furniture on its own evidence, or ''."""
    if _WIDGET.match(line):
        return "social or comment widget"
    if _STAMP.match(line):
        return "date line"
    return _shown_metadata(line) or advert(line)


def _shown_metadata(line: str) -> str:
    """Why ``line`` is a credit or a label of the page's own (see ``_CREDIT`` and ``_LABEL``),
    or a link to other articles (``_RELATED_HEADING``, ``_RELATED_LINK``), or '': a short
    block, LABEL_WORDS words at most."""
    if _longer(line, LABEL_WORDS):
        return ""
    if _RELATED_HEADING.fullmatch(line) or _RELATED_LINK.fullmatch(line):
        return _RELATED_WHY
    if _CREDIT.match(line):
        return "picture credit or label"
    return "page label (filing or revision)" if _LABEL.search(line) else ""


def advert(line: str) -> str:
    """Why ``line`` is an advert, or '': it must address the reader (a "you", or a call to
    action such as "Subscribe" or "Book a demo") and sell (a call to action or a promotional
    phrase), with at least two of those signals and a "we", outside any quotation, in at most
    ADVERT_WORDS words. The tests run cheapest and most often failed first: most lines of
    reporting never address the reader, and the rest is not looked at."""
    call = _CALL.match(line)
    you = _YOU.search(line)
    if not (you or call):
        return ""
    promo = _PROMO.search(line)
    if not (call or promo) or _QUOTED.search(line) or _longer(line, ADVERT_WORDS):
        return ""
    if sum(map(bool, (you, call, promo, _WE.search(line)))) >= 2:
        cue = (call or promo).group(0).lower()  # type: ignore[union-attr]
        return f"advert or newsletter (addresses the reader and sells: {cue!r})"
    return ""


def _longer(line: str, words: int) -> bool:
    """Whether ``line`` has more than ``words`` words (counted no further than that)."""
    return next(itertools.islice(_WORD.finditer(line), words, None), None) is not None


def main_language(lines: list[str], why: list[str]) -> str:
    """The language of the text's kept lines, as the model reads their first few thousand
    characters (one call: the model is linear in the text's length)."""
    sample, n = [], 0
    for line, w in zip(lines, why, strict=True):
        if not w and n < LANGUAGE_SAMPLE:
            sample.append(line)
            n += len(line)
    lang, prob = identify(" ".join(sample)[:LANGUAGE_SAMPLE])
    return lang if prob >= 0.5 else ""


def _majority(lines: list[str], why: list[str], ids: list[tuple[str, float]]) -> str:
    """The language most blocks are in (by the model's fairly sure answers; ties go to the
    language with more words), so that one long foreign block cannot outvote the article."""
    count: dict[str, tuple[int, int]] = {}
    for line, w, (lang, prob) in zip(lines, why, ids, strict=True):
        if not w and lang and prob >= 0.5 and len(line.split()) >= 3:
            n, words = count.get(lang, (0, 0))
            count[lang] = (n + 1, words + len(line.split()))
    return max(count, key=lambda k: count[k]) if count else ""


def _foreign(
    lines: list[str],
    why: list[str],
    blocks: list[Block],
    main: str,
    ids: list[tuple[str, float]],
) -> dict[int, str]:
    """The blocks in another language than ``main``, with the reason. A block the model is
    sure of stands alone; a run of blocks it is unsure of is judged as one text."""
    if not main:
        return {}
    out: dict[int, str] = {}
    run: list[int] = []

    def close() -> None:
        if not run:
            return
        joint = " ".join(lines[j] for j in run)
        probs = ranked(joint)
        lang = max(probs, key=probs.__getitem__) if probs else ""
        prob = probs.get(lang, 0.0)
        # names and numbers alone (a results table) are no language's: a run must hold words
        lower = sum(1 for w in _WORD.findall(joint) if w.islower() and len(w) >= 3)
        if lang != main and prob >= RUN_SURE and probs.get(main, 0.0) < 0.05 and lower >= 3:
            for j in run:
                out[j] = f"language: {lang} ({prob:.2f}, with the blocks around it)"
        run.clear()

    for i, line in enumerate(lines):
        if why[i] or blocks[i].kind in _NEWS:
            close()
            continue
        lang, prob = ids[i]
        if lang == main and prob >= 0.5 and len(line.split()) >= 5:
            close()
        elif lang != main and prob >= LANGUAGE_SURE and len(line.split()) >= 8:
            close()
            out[i] = f"language: {lang} ({prob:.2f})"
        else:
            run.append(i)
    close()
    return out


def _neighbours(lines: list[str], blocks: list[Block], why: list[str], *, page: bool) -> None:
    """Furniture by the company it keeps: a short heading that opens an advert, a line beside
    an advert that speaks to the reader too, a short line beside a widget (a page footer).
    Only a block's own evidence counts for its neighbours, so no run of paragraphs is lost
    one after another. In a page's article (``page``), which an extractor already cut out of
    the page's clutter, a line beside an advert must sell too: there most lines that speak to
    the reader beside an advert are the article's own ("If you have any questions, ...")."""
    own = list(why)
    for i, line in enumerate(lines):
        if why[i] or blocks[i].kind in _NEWS:
            continue
        before = own[i - 1] if i > 0 else ""
        after = own[i + 1] if i + 1 < len(lines) else ""
        if before or after:
            why[i] = _by_neighbours(line, blocks[i].kind, before, after, page)


def _under_related(lines: list[str], blocks: list[Block], why: list[str]) -> None:
    """The titles of other articles under a related box's heading ("More stories"): each line
    after it that reads as a title, of RELATED_TITLE_WORDS words or fewer, not a sentence
    (no full stop at its end) and quoting no one, up to the first line that does not or the
    next heading (the article's next section)."""
    under = False
    for i, line in enumerate(lines):
        if why[i] == _RELATED_WHY and _RELATED_HEADING.fullmatch(line):
            under = True
        elif under and not why[i] and _title_like(line) and blocks[i].kind not in _UNDER_ENDS:
            why[i] = f"{_RELATED_WHY} (under its heading)"
        elif not why[i]:
            under = False


def _title_like(line: str) -> bool:
    return (
        bool(_WORD.search(line))
        and not _longer(line, RELATED_TITLE_WORDS)
        and not line.endswith(".")
        and not _QUOTED.search(line)
    )


def _by_neighbours(line: str, kind: str, before: str, after: str, page: bool) -> str:
    words = _WORD.findall(line)
    short = len(words) <= NEIGHBOUR_WORDS and not _QUOTED.search(line)
    if short and before.startswith("advert") and after.startswith("advert"):
        return "advert (between adverts)"  # a line of the same box, whatever its words
    if page:
        short = short and bool(_PROMO.search(line))
    if after.startswith("advert") and len(words) <= 8 and not line.endswith(tuple(".!?")):
        return "advert heading"
    if (before.startswith("advert") or after.startswith("advert")) and kind != "item":
        # on a page, ``short`` already asks for a selling phrase ("download our app"), which
        # beside an advert is enough: a paywall's tail need not address the reader
        speaks = page or _WE.search(line) or _YOU.search(line)
        return "advert (beside an advert)" if short and speaks else ""
    # on a page a short heading after a date line is the article's (its title, a section)
    near = "widget" in before or "widget" in after or ("date line" in before and not page)
    if _COUNTER.fullmatch(line) and near:
        return "social or comment widget (a counter)"
    if len(words) <= 2 and kind != "item" and near:
        return "page footer"
    return ""
