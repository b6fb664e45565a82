"""Name keys and ids: the one place that says when two spellings are one name, and how a name
becomes an IRI-safe id."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from kg.lexicon import NAME_KEY_SUFFIXES, TITLES


@lru_cache(maxsize=1 << 16)
def name_key(text: str) -> str:
    """The form names are compared in: case, accents, punctuation, titles and legal suffixes
    folded. Cached: a name recurs across a corpus, and each block and resolution asks."""
    t = unicodedata.normalize("NFKD", text.replace("’", "'"))
    t = "".join(c for c in t if not unicodedata.combining(c)).casefold()
    t = re.sub(r"'s?$", "", t.strip())
    t = re.sub(r"[^\w&+ ]+", " ", t)
    words = t.split()
    while len(words) > 1 and words[0] in TITLES:
        words.pop(0)
    while len(words) > 1 and words[-1] in NAME_KEY_SUFFIXES:
        words.pop()
    return " ".join(words)


# How a name is folded for lookup (``fold``): after lower-casing, each pattern's letters are
# spelled as the ASCII beside it (NFKD alone leaves ø, ł, đ and ß as they are). kg writes every
# entity's name and aliases folded (kgv:nameKey), and kg.query binds a name parameter folded.
FOLDS: tuple[tuple[str, str], ...] = (
    ("[àáâãäåāăą]", "a"),
    ("[çćĉċč]", "c"),
    ("[ďđð]", "d"),
    ("[èéêëēĕėęě]", "e"),
    ("[ĝğġģ]", "g"),
    ("[ĥħ]", "h"),
    ("[ìíîïĩīĭįı]", "i"),
    ("ĵ", "j"),
    ("ķ", "k"),
    ("[ĺļľŀł]", "l"),
    ("[ñńņň]", "n"),
    ("[òóôõöøōŏő]", "o"),
    ("[ŕŗř]", "r"),
    ("[śŝşšș]", "s"),
    ("[ţťŧț]", "t"),
    ("[ùúûüũūŭůűų]", "u"),
    ("ŵ", "w"),
    ("[ýÿŷ]", "y"),
    ("[źżž]", "z"),
    ("ß", "ss"),
    ("æ", "ae"),
    ("œ", "oe"),
    ("þ", "th"),
    ("[’‘]", "'"),
)
_FOLDS = tuple((re.compile(pattern), ascii) for pattern, ascii in FOLDS)


@lru_cache(maxsize=1 << 16)
def fold(name: str) -> str:
    """A name as it is looked up, case and accents aside: 'Société Générale' -> 'societe
    generale'. Unlike ``name_key`` it keeps every word and punctuation mark: a lookup finds the
    name asked for, not a looser match."""
    t = name.lower()
    for pattern, ascii in _FOLDS:
        t = pattern.sub(ascii, t)
    return t


def slug(name: str) -> str:
    """An IRI-safe id for a name: 'Alexandr Wang' -> 'alexandr-wang'."""
    t = unicodedata.normalize("NFKD", name)
    t = "".join(c for c in t if not unicodedata.combining(c)).lower()
    t = re.sub(r"[^a-z0-9]+", "-", t).strip("-")
    return t[:80] or "entity"
