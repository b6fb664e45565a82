"""Bytes to text: UTF-8 and byte-order-marked text at once, other encodings detected by
charset-normalizer (MIT), binary refused with a sentence that names the file."""

from __future__ import annotations

import codecs
import re

from kg.defaults import CHAOS_MARGIN, CONTROL_SHARE, DAMAGED_UTF8
from kg.errors import InputError

# UTF-32 first: its little-endian mark begins with UTF-16's
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig", "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32", "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32", "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16", "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16", "utf-16"),
)
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


def _utf16_without_bom(head: bytes) -> bool:
    """Whether NULs sit at every other byte, as in Latin-script UTF-16 without a mark."""
    even, odd = head[0::2], head[1::2]
    n = max(1, len(head) // 2)
    return even.count(0) / n > 0.4 or odd.count(0) / n > 0.4


def _nearly_utf8(raw: bytes) -> bool:
    """UTF-8 with a few damaged bytes: few bad bytes, and real multi-byte characters beside
    them (a Latin-1 file has none of those)."""
    text = raw.decode("utf-8", "replace")
    bad = text.count("\ufffd")
    return bad <= max(1, len(raw) * DAMAGED_UTF8) and any(
        ord(c) > 127 and c != "\ufffd" for c in text
    )


def decode_bytes(raw: bytes, name: str) -> tuple[str, str]:
    """The text of ``raw`` (read from ``name``) and its encoding, or an InputError."""
    for bom, codec, label in _BOMS:
        if raw.startswith(bom):
            try:
                return raw.decode(codec), label
            except UnicodeDecodeError:
                raise InputError(f"{name}: not valid {label} despite its byte order mark") from None
    head = raw[:8192]
    if b"\0" in head and not _utf16_without_bom(head):
        raise InputError(f"{name}: binary file, not text")
    if b"\0" not in head:
        try:
            return raw.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            pass
    if b"\0" not in head and _nearly_utf8(raw):
        return raw.decode("utf-8", "replace"), "utf-8"
    from charset_normalizer import from_bytes

    found = from_bytes(raw)
    best = found.best()
    if best is None or best.encoding is None:
        raise InputError(f"{name}: binary or undecodable file, not text in any known encoding")
    # On a short text the detector cannot tell one Latin code page from another. Where cp1252
    # reads the bytes as cleanly as its first choice, take cp1252: the web's default for
    # undeclared Western text (the WHATWG encoding standard reads "latin-1" as cp1252 too).
    western = next((m for m in found if m.encoding == "cp1252"), None)
    if western is not None and western.chaos <= best.chaos + CHAOS_MARGIN:
        best = western
    text = str(best)
    if len(_CONTROL.findall(text)) > CONTROL_SHARE * max(1, len(text)):
        raise InputError(f"{name}: binary file, not text")
    return text, codecs.lookup(best.encoding).name


def decode(raw: bytes, name: str) -> str:
    """The text of ``raw`` (see ``decode_bytes``)."""
    return decode_bytes(raw, name)[0]
