"""Acronyms a document defines: "General Motors (GM)", "GM (General Motors)", "GM, or General
Motors". A definition is the evidence on which an acronym joins its name (rule "acronym
defined", ``merges``). In its own document it always holds: the acronym's mentions there are
keyed as a name of that document (``scope``), which joins the name the document defines it as.
Elsewhere it holds where it is unambiguous: no other document defines the acronym as another
name, and kg's table of known acronyms knows it with no other meaning ("Australian Federal
Police (AFP)" leaves the "AFP" of other documents the news agency's). A credit that ends a
story ("(AP, AFP)") defines nothing."""

from __future__ import annotations

import re
from collections.abc import Sequence

from kg.extract.records import DocExtraction
from kg.lexicon import KNOWN_ACRONYMS
from kg.names import SCOPE, abbreviates, compact_key, is_acronym, name_key, scoped

# what may follow a name in an acronym's definition: " (GM)", also after the name's
# possessive ("the Association's (VDMA) expert", "General Motors' (GM) plant"), or " (" /
# ", or " before the full name when the name is the acronym
# (on the name's line: a bracket on the next line is a credit's, "Berlin\n(AFP)")
_AFTER_NAME = re.compile(
    r"[ \t]*(?:(?:['’]s?\s*)?\(\s*([A-Z][A-Za-z.&]{1,9})\s*\)|\(\s*|,\s+or\s+(?:the\s+)?)"
)


def read(ex: DocExtraction, base: Sequence[str]) -> list[tuple[str, str, tuple[str, str]]]:
    """The (acronym's compact key, full name's key, (document, sentence)) of each definition
    the document makes; ``base``: each mention's name key ("": none)."""
    text, doc = ex.document.text, ex.document.id
    found = sorted(
        (
            (m.start, m.end, k, m.sent)
            for m, k in zip(ex.mentions, base, strict=True)
            if k and not m.credit
        ),
        key=lambda x: x[:2],
    )
    by_start = {a: (b, k) for a, b, k, _ in found}
    out = []
    for a, b, k, sent in found:
        short: str | None = None
        after = _AFTER_NAME.match(text, b)
        if after and after.group(1):  # Name (ACR)
            short, full = after.group(1), text[a:b]
        elif after and is_acronym(text[a:b]):  # ACR (Name) / ACR, or Name
            nxt = by_start.get(after.end())
            if nxt is not None and len(nxt[1].split()) > 1:
                short, full, k = text[a:b], text[after.end() : nxt[0]], nxt[1]
        if short is None or not is_acronym(short) or len(k.split()) < 2:
            continue
        # "Name (ACR)" defines even where the letters do not spell the name (a name
        # translated, "the Federation of German Industry (BDI)"); the merge takes such a
        # definition for an organization's name only ("Michael Müller (SPD)" is no
        # definition)
        if abbreviates(short, full) or after.group(1):  # type: ignore[union-attr]
            sentence = " ".join(text[sent[0] : sent[1]].split())
            out.append((compact_key(name_key(short)), k, (doc, sentence[:300])))
    return out


def known(acr: str) -> str:
    """The name key kg's table of known acronyms gives an acronym's compact key ("": none)."""
    full = KNOWN_ACRONYMS.get(acr)
    return name_key(full) if full else ""


def scope(
    ex: DocExtraction,
    keys: Sequence[str],
    found: Sequence[tuple[str, str, tuple[str, str]]],
    into: dict[str, dict[str, tuple[str, str]]],
) -> list[str]:
    """``keys`` with the mentions of each acronym the document defines (``found``, by
    ``read``) keyed as a name of the document ("gm@doc"), and each definition kept in
    ``into``: under that key, and under the acronym's own for other documents, unless the
    table of known acronyms gives it another meaning ("AFP", the agency, where a document
    defines the Australian Federal Police)."""
    doc = ex.document.id
    defined: set[str] = set()
    for acr, full, ev in found:
        defined.add(acr)
        into.setdefault(scoped(acr, doc), {}).setdefault(full, ev)
        if known(acr) in ("", full):
            into.setdefault(acr, {}).setdefault(full, ev)
    out = list(keys)
    for i, (m, k) in enumerate(zip(ex.mentions, keys, strict=True)):
        if k and SCOPE not in k and is_acronym(m.text) and compact_key(k) in defined:
            out[i] = scoped(compact_key(k), doc)
    return out
