"""News structure read as metadata: the headline, the dateline, the byline and an author box.

These blocks stay in the document (their names are mentions like any other), but they get
kinds of their own so that no fact is read across them: "WASHINGTON (Reuters) -" names a
place and an agency, and says nothing about where the agency is.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime

from kg.defaults import BYLINE_WORDS, HEADLINE_WORDS, TOP_BLOCKS
from kg.model import Block

_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_WEEKDAY = r"(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?,?\s+)?"
_TIME = (
    r"(?:\s*(?:[-–|,@]|at)?\s*\d{1,2}[:.]\d{2}(?::\d{2})?"
    r"\s*(?:[AaPp]\.?[Mm]\.?)?(?:\s*[A-Z]{2,4})?)?"
)
_DATE = (
    rf"{_WEEKDAY}(?:\d{{4}}-\d{{2}}-\d{{2}}|{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?|"
    rf"\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH}(?:,?\s+\d{{4}})?)"
)
# A place as wire copy writes it: capitals ("WASHINGTON", "NEW YORK", "SAN JOSE, Calif.")
_PLACE = r"[A-Z][A-Z.'’-]+(?:\s[A-Z][A-Z.'’-]+){0,3}"
_REGION = r"[A-Z][A-Za-z.'’-]+(?:\s[A-Z][A-Za-z.'’-]+){0,2}"
_AGENCY = r"[A-Z][A-Za-z0-9&.' -]{0,30}"
# "WASHINGTON (Reuters) -", "LONDON, Dec 5 (Reuters) -", "HOUSTON, Texas (KTRK) --"
_DATELINE = re.compile(
    rf"(?P<place>{_PLACE})(?:,\s*(?P<region>{_REGION}?))??(?:,?\s+(?P<date>{_DATE}))?"
    rf"\s*(?:\((?P<agency>{_AGENCY})\))?\s*(?:[-–—]{{1,2}}|:)\s+"
)
# a line that is a dateline and nothing else: "SIALKOT, Pakistan 1996-12-06", "LONDON 1996-08-30"
_DATELINE_LINE = re.compile(
    rf"(?P<place>{_PLACE})(?:,\s*(?P<region>{_REGION}))?,?\s+(?P<date>{_DATE})\s*"
)
# a line that is a date and nothing else: "Jun 03, 2026 - 14:35", "Published: 3 June 2026"
_DATE_LINE = re.compile(
    rf"(?:(?:Published|Posted|First published)(?:\s+on)?:?\s+)?(?P<date>{_DATE}{_TIME})\s*",
    re.IGNORECASE,
)
_NAME = r"[A-Z][\w.'’-]*(?:\s+(?:van|von|de|da|del|der|di|le|la|bin|al|[A-Z][\w.'’-]*)){1,3}"
_BYLINE = re.compile(
    r"(?:By|BY|Written by|Words by|Reporting by)\s+"
    rf"(?P<names>{_NAME}(?:\s*(?:and|AND|&)\s*{_NAME})*)"
    rf"(?P<rest>(?:\s*[,|–—-]\s*[^,|]+){{0,2}})\s*"
)
_ROLE = re.compile(
    r"\b(?:writer|correspondent|editor|reporter|staff|contributor|columnist|author)s?\b", re.I
)
_TERMINAL = tuple(".!?:;…\"”'’)")


@dataclass(frozen=True)
class NewsMeta:
    """What the news structure of a text says about the article."""

    title: str | None = None
    authors: tuple[str, ...] = ()
    date: str | None = None
    site: str | None = None  # a wire agency from the dateline, an organisation from a byline
    place: str | None = None
    url: str | None = None  # a Markdown file's front matter gives it (kg.ingest.front_matter)


def parse_date(text: str) -> str | None:
    """``text`` as an ISO 8601 date ("2026-06-03") or date and time ("2026-06-03T14:35"), or
    None when it holds no full date (a day, a month and a year). Read by dateparser (BSD)."""
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text.strip()):
        return text.strip()  # ISO already, as page metadata gives it
    if quick := _common_date(text):
        return quick
    import dateparser  # loads its language data on first use only

    s = re.sub(r"\s+[-–|@]\s+(?=\d{1,2}[:.]\d{2})", " ", text.strip())
    try:
        when = dateparser.parse(
            s, languages=["en"], settings={"REQUIRE_PARTS": ["day", "month", "year"]}
        )
    except (ValueError, OverflowError):
        return None
    if when is None:
        return None
    if re.search(r"\d{1,2}[:.]\d{2}", s):
        return when.strftime("%Y-%m-%dT%H:%M")
    return when.strftime("%Y-%m-%d")


# The forms most datelines take, read with strptime: dateparser costs milliseconds a call,
# which a corpus of short articles feels; it reads every other form.
_COMMON = re.compile(
    r"(?P<date>[A-Za-z]{3,9}\.? \d{1,2},? \d{4}|\d{1,2} [A-Za-z]{3,9}\.?,? \d{4})"
    r"(?:\s*[-–|,@]?\s*(?P<time>\d{1,2}:\d{2}))?\s*"
)
_FORMATS = ("%b %d %Y", "%B %d %Y", "%d %b %Y", "%d %B %Y")


def _common_date(text: str) -> str | None:
    m = _COMMON.fullmatch(text.strip())
    if not m:
        return None
    day = m["date"].replace(",", "").replace(".", "")
    if day.split()[0][:4].lower() == "sept":  # "Sept 5": strptime knows "Sep" only
        day = "Sep " + day.split(maxsplit=1)[1]
    for fmt in _FORMATS:
        try:
            when = datetime.strptime(day, fmt)
        except ValueError:
            continue
        if m["time"]:
            hour, minute = map(int, m["time"].split(":"))
            if hour < 24 and minute < 60:
                return f"{when:%Y-%m-%d}T{hour:02d}:{minute:02d}"
            return None
        return f"{when:%Y-%m-%d}"
    return None


def is_headline(line: str, kind: str) -> bool:
    """Whether a text's first block reads as its headline: short, and a heading or a line that
    ends without a sentence's punctuation (or is all capitals, as wire headlines are)."""
    words = line.split()
    if not words or len(words) > HEADLINE_WORDS or not any(c.isalpha() for c in line):
        return False
    return kind == "heading" or not line.endswith(_TERMINAL) or line.isupper()


def _place(m: re.Match[str]) -> str:
    region = m.groupdict().get("region")
    return f"{m['place']}, {region}" if region else m["place"]


def dateline(line: str) -> tuple[int, NewsMeta] | None:
    """The dateline at the start of ``line``: where it ends, and what it says; else None."""
    if m := _DATE_LINE.fullmatch(line):
        return len(line), NewsMeta(date=parse_date(m["date"]))
    if m := _DATELINE_LINE.fullmatch(line):
        return len(line), NewsMeta(date=parse_date(m["date"]), place=_place(m))
    m = _DATELINE.match(line)
    if not m:
        return None
    rest = line[m.end() :]
    # "CRICKET - LEICESTERSHIRE TAKE OVER" is a wire headline, not a place and a story
    if not (m["date"] or m["agency"]) and not re.search(r"\b[a-z]{3,}\b", rest):
        return None
    date = parse_date(m["date"]) if m["date"] and re.search(r"\d{4}", m["date"]) else None
    agency = m["agency"].strip() if m["agency"] else None
    return m.end(), NewsMeta(date=date, site=agency, place=_place(m))


def byline(line: str) -> NewsMeta | None:
    """The authors (and the organisation) of a byline such as "By Jane Doe, BBC News, New
    York"; None when ``line`` is not one."""
    if len(line.split()) > BYLINE_WORDS:
        return None
    m = _BYLINE.fullmatch(line)
    if not m:
        return None
    names = tuple(n.strip() for n in re.split(r"\s+(?:and|AND|&)\s+", m["names"]) if n.strip())
    parts = [p.strip() for p in re.split(r"[,|–—-]", m["rest"]) if p.strip()]
    org = parts[0] if parts and not _ROLE.search(parts[0]) else None
    return NewsMeta(authors=names, site=org)


def author_box(lines: Sequence[str], i: int) -> str | None:
    """The author's name when block ``i`` is a lone name and block ``i + 1`` a short biography
    that opens with it ("Jane Roe" / "Jane Roe is a reporter at ...")."""
    if i + 1 >= len(lines):
        return None
    name = lines[i].removeprefix("By ").strip()
    if not re.fullmatch(r"[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){1,3}", name):
        return None
    bio = lines[i + 1]
    if bio.startswith(name + " ") and re.match(
        r"\s*(?:is|was|has|writes|covers|reports)\b", bio[len(name) :]
    ):
        return name
    return None


def structure(text: str, blocks: list[Block]) -> tuple[list[Block], NewsMeta]:
    """``blocks`` with the headline, dateline, byline and author box given their kinds, and
    what they say. A dateline that opens a paragraph becomes a block of its own."""
    lines = [text[b.start : b.end] for b in blocks]
    out = list(blocks)
    meta = NewsMeta()
    top = 0
    if blocks and len(blocks) > 1 and is_headline(lines[0].lstrip("# ").strip(), blocks[0].kind):
        out[0] = replace(blocks[0], kind="headline")
        meta = replace(meta, title=lines[0].lstrip("# ").strip())
        top = 1
    extra: list[Block] = []
    for i in range(top, min(len(blocks), top + TOP_BLOCKS)):
        b, line = blocks[i], lines[i]
        if b.kind == "item":
            continue
        if not meta.authors and (by := byline(line)):
            out[i] = replace(b, kind="byline")
            meta = merged(meta, by)
            continue
        if meta.place or meta.date:
            continue
        if found := dateline(line):
            end, said = found
            meta = merged(meta, said)
            if b.start + end >= b.end:
                out[i] = replace(b, kind="dateline")
            else:  # the story goes on after the dash: it is a paragraph of its own
                extra.append(Block(b.start, b.start + len(line[:end].rstrip()), "dateline"))
                rest = len(line[end:]) - len(line[end:].lstrip())
                out[i] = replace(b, start=b.start + end + rest)
    for i in range(len(blocks) - 1):
        if out[i].kind in ("paragraph", "heading") and (name := author_box(lines, i)):
            out[i] = replace(out[i], kind="byline")
            out[i + 1] = replace(out[i + 1], kind="author")
            if name not in meta.authors:
                meta = replace(meta, authors=(*meta.authors, name))
    out += extra
    out.sort(key=lambda b: (b.start, -b.end))
    return out, meta


def merged(meta: NewsMeta, new: NewsMeta) -> NewsMeta:
    """``meta``, its gaps filled from ``new``."""
    return NewsMeta(
        title=meta.title or new.title,
        authors=meta.authors or new.authors,
        date=meta.date or new.date,
        site=meta.site or new.site,
        place=meta.place or new.place,
        url=meta.url or new.url,
    )
