"""JSON Lines: one document a line, its usual fields mapped onto the Document."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path

from kg.defaults import ID_DIGEST
from kg.ingest.ids import source_id, url_name
from kg.ingest.news import parse_date
from kg.ingest.text import from_text, printable
from kg.model import Document


def read_jsonl(
    text: str, path: Path, stem: str, bad: Callable[[str, str], None]
) -> Iterator[Document]:
    """One document a line: ``{"text": ..., "id"?, "title"?, "url"?, "date"?, "author"?}``.

    A record's id is its own "id", else its URL, else the file's and a digest of its text:
    never its line number, which a line added above it would change."""
    # split on newlines only: U+2028 and U+0085 may stand raw inside a JSON string
    for n, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as e:
            bad(f"{path}:{n}", f"not valid JSON ({e.msg}, column {e.colno})")
            continue
        if not isinstance(rec, dict) or not isinstance(rec.get("text"), str):
            bad(f"{path}:{n}", "expected an object with a string field 'text'")
            continue
        yield from_record(rec, doc_id=_record_id(rec, stem), source=f"{path}:{n}")


def _record_id(rec: dict[str, object], stem: str) -> str:
    if rec.get("id") not in (None, ""):
        return source_id(str(rec["id"]))
    if url := _str(rec, "url"):
        return source_id(url_name(url))
    digest = hashlib.sha256(str(rec["text"]).encode("utf-8", "surrogatepass")).hexdigest()
    return f"{stem}-{digest[:ID_DIGEST]}"


def _str(rec: dict[str, object], *keys: str) -> str | None:
    for k in keys:
        v = rec.get(k)
        if isinstance(v, (str, int, float)) and str(v).strip():
            return printable(str(v).strip())
    return None


def from_record(rec: dict[str, object], *, doc_id: str, source: str) -> Document:
    """A Document from a JSON record with the usual fields: text, title (or headline), url,
    date, author (a name or a list of names), language, site (or publisher), description."""
    doc = from_text(str(rec["text"]), doc_id=doc_id, title=_str(rec, "title", "headline"))
    author = rec.get("author", rec.get("authors"))
    names = [author] if isinstance(author, str) else author if isinstance(author, list) else []
    authors = tuple(printable(a.strip()) for a in names if isinstance(a, str) and a.strip())
    date = _str(rec, "date", "datePublished", "published")
    return replace(
        doc,
        source=source,
        authors=authors or doc.authors,
        date=(parse_date(date) or doc.date) if date else doc.date,
        url=_str(rec, "url"),
        language=_str(rec, "language", "lang") or doc.language,
        site=_str(rec, "site", "publisher", "sitename") or doc.site,
        description=_str(rec, "description"),
    )
