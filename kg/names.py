"""Name keys and ids: the one place that says when two spellings are one name, and how a name
becomes an IRI-safe id.

- ``name_key``: case, accents, punctuation, possessives, leading titles and honorifics ("Mr
  Ghosn"), and legal suffixes folded;
- ``compact_key``: a key in ASCII without its spaces, where spacing variants and
  transliterations meet ("TimeWarner", "Газпром"); ``umlaut_key``: a key with German umlauts
  written out, where "Duesseldorf" meets "Düsseldorf";
- ``place_name``: the country kg/data/places.tsv says a name, code or nationality word names
  ("U.S.", "America", "British"): the one table that decides which names are one country;
- ``slug``: an id for a name, transliterated to ASCII ("Газпром" -> "gazprom").
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from anyascii import anyascii

from kg.lexicon import NAME_KEY_SUFFIXES, NAME_PARTICLES, TITLES

PLACES = Path(__file__).with_name("data") / "places.tsv"
CAPITALS = Path(__file__).with_name("data") / "capitals.tsv"
WITHIN = Path(__file__).with_name("data") / "within.tsv"
# the recogniser's labels under which a table row's kind names its country: an ISO code only
# where the mention was taken for a place ("PA" is also a news agency), a nationality word only
# where it was taken for one; names and aliases wherever the mention is not a person's name
_KIND_LABELS = {
    "code": frozenset({"GPE", "LOC"}),
    "demonym": frozenset({"NORP", "GPE"}),
}


_POSSESSIVE = re.compile(r"'s?$")
_NOT_NAME_CHARS = re.compile(r"[^\w&+ ]+")


@lru_cache(maxsize=1 << 16)
def name_key(text: str) -> str:
    """The form names are compared in: case, accents, punctuation, titles and legal suffixes
    folded. Cached: a name recurs across a corpus, and each block and resolution asks."""
    t = unicodedata.normalize("NFKD", text.replace("’", "'"))
    t = "".join(c for c in t if not unicodedata.combining(c)).casefold()
    t = _POSSESSIVE.sub("", t.strip())
    t = _NOT_NAME_CHARS.sub(" ", t)
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


# what page furniture leaves around a name: a menu's separators, a credit's label before it
_MENU_MARKS = re.compile(r"[|•»«©/]")
_CREDIT_BEFORE = re.compile(
    # "Photo: PA", "Image/Getty", "Video by ..."
    r"\b(?:photo(?:graph)?s?|pictures?|images?|credits?|video|source)\s*(?::|/|by)\s*$"
    # "Author: Jane Doe (AP, AFP) Editor: ...", "Interview: ..."
    r"|\b(?:author|editor|interview|reporter|reporting|writer)s?\s*:[^.:!?\"]*$"
    # a byline: "By Jane Doe" at the start of a line
    r"|^\s*by\s*$"
    # the sources after an editor's initials: "kms/msh (AP, AFP, Reuters)"
    r"|(?-i:\b[a-z]{2,4}(?:/[a-z]{2,4})+)\s*\([^()]*$",
    re.I,
)


def is_clutter(text: str, before: str = "") -> bool:
    """Whether a name is page furniture rather than a name the text uses: a run across a
    site menu ("Ed | Sport"), a photo or video credit ("Photo: PA"), a byline or an author's
    credit ("By Jane Doe", "Author: Jane Doe"), the sources of a wire story ("kms/msh (AP,
    AFP)"); ``before``: the text of its line just before the name.

    >>> is_clutter("Ed | Sport"), is_clutter("PA", before="Photo: "), is_clutter("PA", "the ")
    (True, True, False)
    >>> is_clutter("AFP", "kms/msh (AP, "), is_clutter("Jane Doe", "By "), is_clutter("Doe", "by ")
    (True, True, True)
    >>> is_clutter("Jane Doe", "was written by ")
    False
    """
    if _MENU_MARKS.search(text):
        return True
    # each credit holds a colon, a slash, a bracket or "by": most lines hold none, and are
    # not searched (the search tries every pattern at each of up to 80 characters)
    if not (":" in before or "/" in before or "(" in before or "by" in before.lower()):
        return False
    return bool(_CREDIT_BEFORE.search(before))


@lru_cache(maxsize=1 << 16)
def compact_key(key: str) -> str:
    """A name key in ASCII without its spaces: "time warner" and "timewarner" meet here, and
    "газпром" and "gazprom"."""
    return (key if key.isascii() else anyascii(key).casefold()).replace(" ", "")


# German umlauts as news written without them spells them ("Duesseldorf", "Goettingen"): the
# other way to ASCII beside anyascii's ("Dusseldorf").
_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue"})


def umlaut_key(text: str) -> str | None:
    """The name key of ``text`` with its umlauts written out ("Düsseldorf" -> "duesseldorf"),
    or None where it has none: "Duesseldorf" and "Düsseldorf" are one name.

    >>> umlaut_key("Düsseldorf"), umlaut_key("Göring-Eckardt"), umlaut_key("Berlin")
    ('duesseldorf', 'goering eckardt', None)
    """
    t = text.translate(_UMLAUTS)
    return name_key(t) if t != text else None


@lru_cache(maxsize=1)
def places() -> dict[str, tuple[str, str]]:
    """kg/data/places.tsv by name key: the country each name names, and the row's kind (name,
    alias, code or demonym)."""
    return _by_key(PLACES)


@lru_cache(maxsize=1)
def within() -> dict[str, tuple[str, str]]:
    """kg/data/within.tsv by the place's name key: the one country a large city or a
    first-level subdivision lies in, and its kind ("city" or "subdivision").

    >>> within()["texas"], within()["lagos"][0]
    (('United States', 'subdivision'), 'Nigeria')
    """
    return _by_key(WITHIN)


def subdivision_of(key: str) -> str | None:
    """The country of a first-level subdivision (a state, a province) of kg/data/within.tsv,
    by its name key; None for a city or any other name.

    >>> subdivision_of("texas"), subdivision_of("houston")
    ('United States', None)
    """
    row = within().get(key)
    return row[0] if row is not None and row[1] == "subdivision" else None


def _by_key(path: Path) -> dict[str, tuple[str, str]]:
    """A table of three columns (name, country, kind) by the name key of its first column,
    the first row of a key kept; "#" comments and the header row skipped."""
    rows = [r for r in path.read_text(encoding="utf-8").splitlines() if not r.startswith("#")]
    out: dict[str, tuple[str, str]] = {}
    for line in rows[1:]:
        name, country, kind = line.split("\t")
        out.setdefault(name_key(name), (country, kind))
    return out


@lru_cache(maxsize=1)
def capitals() -> dict[str, str]:
    """kg/data/capitals.tsv by the capital's name key: the country whose capital it is."""
    out: dict[str, str] = {}
    for line in CAPITALS.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or line.startswith("capital\t"):
            continue
        capital, country = line.split("\t")
        out[name_key(capital)] = country
    return out


@lru_cache(maxsize=1 << 14)
def place_name(text: str, label: str) -> tuple[str, str] | None:
    """The country (or region) the places table says ``text`` names, given the recogniser's
    ``label`` for the mention, and how (the row's kind); None when it names none.

    >>> place_name("U.S.", "GPE"), place_name("Britain", "GPE"), place_name("Japanese", "NORP")
    (('United States', 'alias'), ('United Kingdom', 'alias'), ('Japan', 'demonym'))
    >>> place_name("PA", "ORG") is None, place_name("Jordan", "PERSON") is None
    (True, True)
    """
    if label == "PERSON":
        return None
    table, key = places(), name_key(text)
    row = table.get(key)
    if row is None and label == "NORP" and key.endswith("s"):  # "Americans"
        row = table.get(key[:-1])
        row = row if row and row[1] == "demonym" else None
    if row is None:
        return None
    country, kind = row
    allowed = _KIND_LABELS.get(kind)
    if allowed is not None and label not in allowed:
        return None
    if kind == "code" and not text.replace(".", "").isupper():
        return None
    return row


def slug(name: str) -> str:
    """An IRI-safe id for a name, transliterated to ASCII: 'Alexandr Wang' -> 'alexandr-wang',
    'Газпром' -> 'gazprom'."""
    t = anyascii(unicodedata.normalize("NFC", name)).lower()
    t = _NOT_SLUG_CHARS.sub("-", t).strip("-")
    return t[:80] or "entity"


_NOT_SLUG_CHARS = re.compile(r"[^a-z0-9]+")


# A name key made one document's own ("wang@doc-7"): a bare surname or first name is one
# person only within its document. Name keys hold no "@" (name_key folds it).
SCOPE = "@"


def scoped(key: str, doc_id: str) -> str:
    """``key`` as a name of document ``doc_id`` only."""
    return f"{key}{SCOPE}{doc_id}"


def bare(key: str) -> str:
    """A name key without its document: "wang@doc-7" -> "wang"."""
    return key.partition(SCOPE)[0]


def is_acronym(text: str) -> bool:
    """ "GM", "U.N.", "NATO": capitals, perhaps with dots, two to six letters."""
    t = text.replace(".", "")
    return 2 <= len(t) <= 6 and t.isalpha() and t.isupper()


def abbreviates(short: str, long: str) -> bool:
    """Whether ``short`` can be an abbreviation of ``long``: its letters and digits, in order,
    are found in ``long``, the first at the start of a word (Schwartz and Hearst's test).

    >>> abbreviates("GM", "General Motors"), abbreviates("IMF", "International Monetary Fund")
    (True, True)
    >>> abbreviates("MP", "Marshall Plan"), abbreviates("PA", "Associated Press")
    (True, False)
    """
    s = [c for c in short.casefold() if c.isalnum()]
    lo = long.casefold()
    if len(s) < 2 or not s[0].isalpha() or len(lo.split()) > min(len(s) + 5, 2 * len(s)):
        return False
    j = len(lo) - 1
    for i in range(len(s) - 1, -1, -1):
        while j >= 0 and (lo[j] != s[i] or (i == 0 and j > 0 and lo[j - 1].isalnum())):
            j -= 1
        if j < 0:
            return False
        j -= 1
    return True


def particle_surnames(words: list[str]) -> list[str]:
    """The surnames of several words that end a full name, each beginning with a particle:
    "Marine Le Pen" -> ["le pen"]; "Leslie Van Houten" -> ["van houten"]."""
    return [" ".join(words[i:]) for i in range(1, len(words) - 1) if words[i] in NAME_PARTICLES]


# a double-barrelled surname that ends a name: "Doering-Smirnov", "Burne - Jones" (tokenised)
_HYPHENED = re.compile(r"([^\W\d_]+)\s?-\s?([^\W\d_]+)\W*$")


def hyphen_surnames(texts: Iterable[str], words: list[str]) -> list[str]:
    """The double-barrelled surname that ends a full name of three words or more, as a name
    key, where one of its spellings ``texts`` joins the two words with a hyphen: "Johanna
    Doering-Smirnov" -> ["doering smirnov"]; a name of two words is itself that surname."""
    if len(words) < 3:
        return []
    last = " ".join(words[-2:])
    found = (m for t in texts if "-" in t and (m := _HYPHENED.search(t)))
    return [last] if any(name_key(f"{m[1]} {m[2]}") == last for m in found) else []
