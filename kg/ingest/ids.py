"""A document's id from its source: a file's path under the root, a URL, a given name.

See docs/ingest.md ("A document's id"): the id depends on nothing but the source's name, so
adding a file never changes another's id.
"""

from __future__ import annotations

import hashlib
import os
import re
from pathlib import Path

from anyascii import anyascii

from kg.defaults import ID_DIGEST
from kg.ingest.text import safe_id

# What a source's name may hold and still be its id as it is (with '/' written '-'): any other
# character, a name cut short or an edge of '.', '_' or '-' makes the id its ASCII spelling
# plus a digest of the whole name, so that two names never share an id ("Über" and "Uber")
# and a name's id does not depend on which other files there are.
_PLAIN = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*(/[A-Za-z0-9][A-Za-z0-9._-]*)*")
_ID_LENGTH = 120  # safe_id's bound, kept with the digest inside it


def source_id(name: str) -> str:
    """The id of a source named ``name`` (a path under the root without its suffix, a URL, an
    id given with the document): the name itself when it is plain ASCII, else its ASCII
    spelling and a short digest of the name. Stable: it depends on nothing but ``name``.

    >>> source_id("day1/article"), source_id("Über/straße")
    ('day1-article', 'Uber-strasse-760f262b')
    """
    plain = safe_id(name)
    if _PLAIN.fullmatch(name) and len(name) <= _ID_LENGTH and plain == name.replace("/", "-"):
        return plain
    digest = hashlib.sha256(name.encode("utf-8", "surrogatepass")).hexdigest()[:ID_DIGEST]
    spelled = safe_id(anyascii(name))[: _ID_LENGTH - ID_DIGEST - 1].rstrip("._-")
    return f"{spelled}-{digest}"


def url_name(url: str) -> str:
    """A URL as a source's name: without its scheme, 'www.' and a closing '/'."""
    name = re.sub(r"^[A-Za-z][A-Za-z0-9+.-]*://(www\.)?", "", url.strip())
    return name.rstrip("/") or url


def file_base(path: Path, root: Path | None) -> Path:
    """The folder the ids of the files of ``path`` (a file or folder given) are paths under:
    ``root`` (the current folder when None) when ``path`` is inside it, else the folder
    holding ``path``, so that a folder's name is always part of its files' ids."""
    here = Path(os.path.abspath(root if root is not None else os.curdir))
    given = Path(os.path.abspath(path))
    return here if given.is_relative_to(here) else given.parent
