"""Ingest: sources (files, folders, stdin, JSON Lines, text) read as kg.Documents of kept blocks.

``corpus`` reads paths and folders in order (``sources`` holds its pieces, ``encoding``
decodes files), ``html`` takes the article
out of a web page, ``text`` cuts plain text into ``blocks``, ``news`` reads the headline,
dateline and byline, ``furniture`` marks what is not the article and ``language`` says which
language a block is in.
"""

from kg.ingest.blocks import clean_text, segment
from kg.ingest.corpus import iter_read, read
from kg.ingest.encoding import decode, decode_bytes
from kg.ingest.sources import looks_like_path, read_file, safe_id
from kg.ingest.text import from_text

__all__ = [
    "clean_text",
    "decode",
    "decode_bytes",
    "from_text",
    "iter_read",
    "looks_like_path",
    "read",
    "read_file",
    "safe_id",
    "segment",
]
