"""Plain text and Markdown as Documents: blocks, furniture and the news structure.

The one edit ever made to a text keeps offsets: control characters and lone surrogates, which
no output format can carry, are replaced one for one (see ``printable``).
"""

from __future__ import annotations

import hashlib
import re

from kg.ingest.blocks import analyse, clean_text
from kg.model import Document

__all__ = ["clean_text", "from_text", "printable"]

# Code points no output format can carry: XML 1.0 forbids C0 controls other than tab and line
# ends, U+FFFE and U+FFFF; UTF-8 cannot encode a lone surrogate. Each is replaced by one
# character, so the text keeps its length and every offset still points where it did.
_UNPRINTABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_AS_LINE_BREAK = "\x0b\x0c\x1c\x1d\x1e"  # vertical tab, form feed (a page break), separators


def _stand_in(m: re.Match[str]) -> str:
    c = m.group(0)
    if c in _AS_LINE_BREAK:
        return "\n"
    return " " if c < "\x20" else "\ufffd"


def printable(text: str) -> str:
    """``text`` with control characters, non-characters and lone surrogates replaced, one for
    one: page breaks become line breaks, other controls spaces, the rest U+FFFD."""
    return _UNPRINTABLE.sub(_stand_in, text)


def safe_id(raw: str) -> str:
    """An id safe in IRIs and file names: letters, digits, '.', '_' and '-' only.

    Path separators become '-', so an id such as '../../x' cannot climb out of a folder.
    """
    s = re.sub(r"[/\\]+", "-", raw.strip())
    s = re.sub(r"[^A-Za-z0-9._-]+", "_", s)
    s = s.strip("._-") or "doc"
    return s[:120]


def from_text(
    text: str,
    *,
    doc_id: str | None = None,
    title: str | None = None,
    source: str | None = None,
    fmt: str = "text",
    language: str | None = None,
) -> Document:
    """A Document from a string: its blocks, furniture marked, and what its news structure
    says (headline, dateline, byline, author box)."""
    text = printable(text)
    doc_id = doc_id or "text-" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]
    blocks, meta, lang = analyse(text, markdown=fmt == "markdown", language=language)
    if title is None:
        title = meta.title
    return Document(
        id=safe_id(doc_id),
        text=text,
        source=printable(source) if source is not None else None,
        title=printable(str(title)) if title is not None else None,
        blocks=blocks,
        authors=meta.authors,
        date=meta.date,
        site=meta.site,
        language=lang or None,
        place=meta.place,
        url=meta.url,
    )
