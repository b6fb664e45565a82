"""A Markdown file's front matter: the YAML block between two ``---`` lines at its top, where
static-site generators, note apps and the web clippers that save articles as Markdown keep
the headline, author, date and site ("title:", "author:", "published:", "source:").

The block is read with PyYAML's safe loader (MIT), which reads YAML's lists, quoting and dates
as they are written; a block it cannot read, or one that is not a mapping, is no front matter
and stays text. Nothing in the text is edited: the block's end offset is given back, and the
block becomes one dropped block (kind "furniture", reason ``REASON``).
"""

from __future__ import annotations

import datetime as dt
import re
from urllib.parse import urlsplit

from kg.ingest.news import NewsMeta, parse_date

REASON = "front matter"
# The opening line, then the block up to the first line of three dashes (or YAML's "...").
_BLOCK = re.compile(r"\A\ufeff?---[ \t]*\r?\n(.*?)^(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S | re.M)
# Keys the common tools give each field, in the order they are looked for (case ignored).
_TITLE = ("title", "headline", "name")
_AUTHORS = ("author", "authors", "byline", "creator", "creators")
_DATE = ("date", "published", "date_published", "datepublished", "pubdate", "publish_date",
         "published_at", "created", "date_created")  # fmt: skip
_SITE = ("site", "site_name", "sitename", "publisher", "publication", "source_name")
_URL = ("source", "url", "link", "canonical", "canonical_url", "original_url")


def front_matter(text: str) -> tuple[int, NewsMeta] | None:
    """The end offset of ``text``'s front matter and what it says, or None when the text
    opens with none."""
    m = _BLOCK.match(text)
    if m is None:
        return None
    import yaml  # loaded only for a file that opens with "---"

    try:
        data = yaml.safe_load(m.group(1))
    except yaml.YAMLError:
        return None
    if not isinstance(data, dict):
        return None
    fields = {str(k).strip().lower(): v for k, v in data.items()}
    return m.end(), NewsMeta(
        title=_text(_first(fields, _TITLE)),
        authors=_names(_first(fields, _AUTHORS)),
        date=_date(_first(fields, _DATE)),
        site=_text(_first(fields, _SITE)) or _host(_url(_first(fields, _URL))),
        url=_url(_first(fields, _URL)),
    )


def _first(fields: dict[str, object], keys: tuple[str, ...]) -> object:
    return next((fields[k] for k in keys if fields.get(k) not in (None, "", [])), None)


def _text(value: object) -> str | None:
    if isinstance(value, dict):  # "publisher: {name: ...}", as schema.org writes it
        value = value.get("name")
    if isinstance(value, list) and value:
        value = value[0]
    s = " ".join(str(value).split()) if value is not None else ""
    return s or None


def _names(value: object) -> tuple[str, ...]:
    """Authors from a string ("A and B", "A, B"), a list, or mappings with a name; wiki
    links of note apps ("[[Jane Doe]]") lose their brackets."""
    items = value if isinstance(value, list) else [value] if value is not None else []
    out: list[str] = []
    for item in items:
        name = _text(item)
        if name is None:
            continue
        for part in re.split(r"\s*(?:,|;|\band\b|&)\s*", name.strip("[]")):
            part = part.strip(" []")
            if part and part not in out:
                out.append(part)
    return tuple(out)


def _date(value: object) -> str | None:
    if isinstance(value, dt.datetime):
        return (
            value.strftime("%Y-%m-%dT%H:%M")
            if value.time() != dt.time()
            else value.date().isoformat()
        )
    if isinstance(value, dt.date):
        return value.isoformat()
    s = _text(value)
    if s is None:
        return None
    if m := re.match(r"(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}))?", s):
        return f"{m[1]}T{m[2]}" if m[2] and m[2] != "00:00" else m[1]
    return parse_date(s)


def _url(value: object) -> str | None:
    """A web address, or None: "source: Reuters" names no page."""
    s = _text(value)
    return s if s is not None and re.match(r"https?://\S+$", s) else None


def _host(url: str | None) -> str | None:
    """A URL's host without "www." as the site ("https://www.reuters.com/..." -> "reuters.com")."""
    if url is None:
        return None
    host = urlsplit(url).hostname or ""
    return host.removeprefix("www.") or None
