"""A wire story's credit: the newspaper, agency or broadcaster a report is taken from, named
where the recogniser reads no name or runs it into its city. Two forms: a source line, the
city and then the source in capitals or a broadcaster's name, alone on its line or after a
story's code and before its language ("PM2303111794 Moscow IZVESTIYA in Russian 23 Mar 94",
"Bangkok THE NATION", "Magadan Radio Magadan"); and an agency in brackets before the dash
that opens a story ("Seoul, May 3 (YONHAP) --"). Each source is an organization's name, and
the city before it a place's.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from kg.extract.type_cues import in_towns
from kg.names import name_key, places

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

# a story's code before its source line ("PM2303111794", "94WE0015A"): capitals and digits
_CODE = r"(?:[0-9A-Z]*[0-9][0-9A-Z]*[A-Z][0-9A-Z]*|[0-9A-Z]*[A-Z][0-9A-Z]*[0-9][0-9A-Z]*)"
_CODED = re.compile(rf"\b(?=[0-9A-Z]{{8,}}\b){_CODE}[ \t]+")
# the language a source line ends with, and its date ("in Russian 23 Mar 94 p 3")
_LANGUAGE = re.compile(r"[ \t]+in[ \t]+[A-Z][a-z]+\b.*$")
# an agency in brackets after a dateline's city and date, before the story's dash
# ("Seoul, May 3 (YONHAP) --", "( Text ) Taipei , Jan. 20 ( CNA ) --")
_BRACKETED = re.compile(
    r"^(?P<lead>(?:\([^\n()]{1,10}\))?[^\n()]{1,40})"
    r"\([ \t]*(?P<agency>[A-Z][\w-]*(?:[ \t][A-Z][\w-]*){0,2})[ \t]*\)[ \t]*(?:--|—|–|-)[ \t]",
    re.M,
)
# the words of a broadcaster's name: "Radio Magadan", "UT-1 Television Network"
_BROADCAST = frozenset({"radio", "television", "tv", "network"})
SOURCE_WORDS = 6  # the longest source name ("O ESTADO DE SAO PAULO")
CITY_WORDS = 3  # the longest city name read before it ("Rio de Janeiro")


def _place(words: list[str]) -> bool:
    key = name_key(" ".join(words))
    row = places().get(key)
    return (row is not None and row[1] != "demonym") or in_towns(key)


def _source(words: list[str]) -> bool:
    """Whether words are a source's name: in capitals ("THE NATION", "I KATHIMERINI"), or a
    broadcaster's ("Radio Magadan", "Kanal-6 Television")."""
    if not 1 <= len(words) <= SOURCE_WORDS:
        return False
    letters = [w for w in words if any(c.isalpha() for c in w)]
    capitals = all(w.isupper() for w in letters) and any(
        sum(c.isalpha() for c in w) >= 3 for w in letters
    )
    broadcast = len(words) > 1 and (
        words[0].lower() in _BROADCAST or words[-1].lower() in _BROADCAST
    )
    return bool(letters) and (capitals or broadcast)


def source_lines(text: str) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    """((city start, end), (source start, end)) of each source line of ``text``. A line of
    no code and no language is one only where the city is not in capitals, the source is:
    a line all in capitals is a headline's ("PARIS HILTON")."""
    out = []
    for line in re.finditer(r"[^\n]+", text):
        at, rest = line.start(), line.group()
        coded = list(_CODED.finditer(rest))
        if coded:  # the source line follows the story's code
            at, rest = at + coded[-1].end(), rest[coded[-1].end() :]
        language = _LANGUAGE.search(rest)
        if language:
            rest = rest[: language.start()]
        marked = bool(coded or language)
        if len(rest.split(None, CITY_WORDS + SOURCE_WORDS)) > CITY_WORDS + SOURCE_WORDS:
            continue  # a paragraph's line, too long for a city and a source
        spans = [w.span() for w in re.finditer(r"\S+", rest)]
        words = [rest[a:b] for a, b in spans]
        for n in range(CITY_WORDS, 0, -1):  # the longest city first: "Rio de Janeiro", "Sao Paulo"
            city = words[:n]
            if len(words) <= n or not _source(words[n:]):  # the cheap test first
                continue
            if not _place(city[1:] if city[0] == "The" else city):
                continue
            if not marked and " ".join(city).isupper():
                continue
            out.append(((at, at + spans[n - 1][1]), (at + spans[n][0], at + spans[-1][1])))
            break
    return out


def bracketed_agencies(text: str) -> list[tuple[int, int]]:
    """(start, end) of each agency in brackets before a story's dash ("Seoul, May 3 (YONHAP)
    --"): after a short lead of a city, a comma and a date."""
    return [m.span("agency") for m in _BRACKETED.finditer(text) if "," in m.group("lead")]


def credit_names(sdoc: Doc, text: str) -> list[Span]:
    """The credits of a block (``text``, ``sdoc``'s text): the sources as organizations'
    names and their cities as places'."""
    out: list[Span] = []
    lines = source_lines(text)
    spans = [(c, "GPE") for c, _ in lines]
    spans += [(s, "ORG") for _, s in lines]
    spans += [(a, "ORG") for a in bracketed_agencies(text)]
    for (a, b), label in spans:
        span = sdoc.char_span(a, b, label=label, alignment_mode="expand")
        if span is not None:
            out.append(span)
    return sorted(out, key=lambda s: s.start)
