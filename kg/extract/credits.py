"""A wire story's credit: the newspaper, agency or broadcaster a report is taken from, named
where the recogniser reads no name or runs it into its city. Two forms: a source line, the
city and then the source in capitals or a broadcaster's name, alone on its line or after a
story's code and before its language ("PM2303111794 Moscow IZVESTIYA in Russian 23 Mar 94",
"Bangkok THE NATION", "Magadan Radio Magadan"); and an agency in brackets before the dash
that opens a story ("Seoul, May 3 (YONHAP) --"). Each source is an organization's name, and
the city before it a place's.

And the credit that ends an article or a paragraph: a short bracketed list of agencies after
the last sentence, perhaps after the editors' initials ("... in Kyiv. (AP, AFP)", "mm/rc (AFP,
dpa)"), an agency after a dash ("... on Sunday. — Reuters"), or who reported and edited
("(Reporting by Jane Doe; Editing by John Roe)", "Additional reporting by ..."). It names the
story's source, not a party to it: the names in a credit make no fact with the story's people
and places (``drop_facts``), and define no acronym (kg.resolve.definitions).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from kg.extract.type_cues import in_towns
from kg.names import name_key, places

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

    from kg.extract.records import DocExtraction

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
# one agency of a credit: a capitalised name of up to three words ("Reuters", "Associated
# Press", "AFP") or a lowercase acronym ("dpa", "epd")
_AGENCY = r"(?:[A-Z][\w.&'-]*(?:[ \t][A-Z][\w.&'-]*){0,2}|[a-z]{2,4})"
_AGENCIES = rf"{_AGENCY}(?:[ \t]*[,/;][ \t]*{_AGENCY}){{0,5}}"
# the editors' initials before a credit: "mm/rc", "ls,jar/kl/jbh,kms"
_INITIALS = r"[a-z]{1,4}(?:[/,][a-z]{1,4})+"
# where a credit may begin: a line's start or a sentence's end (a definition's bracket,
# "the Federal Police (AFP)", follows a name)
_AFTER_SENTENCE = r"(?:^|(?<=[.!?\"”’)])[ \t]+)"
# a credit that ends its line: agencies in brackets, perhaps after initials, or after a dash;
# or who reported, wrote or edited the story
_END_CREDIT = re.compile(
    rf"{_AFTER_SENTENCE}(?:(?:{_INITIALS}[ \t]+)?\([ \t]*{_AGENCIES}[ \t]*\)"
    rf"|(?:—|–|--?)[ \t]*{_AGENCIES}"
    rf"|{_AGENCIES}[ \t]+\([ \t]*{_INITIALS}[ \t]*\)"
    r"|\(?(?i:(?:additional[ \t]+|with[ \t]+)?(?:reporting|writing|editing)[ \t]+by)\b[^\n]{1,200}"
    r")[ \t]*$",
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


def end_credits(text: str) -> list[tuple[int, int]]:
    """(start, end) of each credit that ends a line of ``text``: "(AP, AFP)", "mm/rc (AFP,
    dpa)", "— Reuters", "(Reporting by Jane Doe; Editing by John Roe)"."""
    return [
        (m.start() + len(m.group()) - len(m.group().lstrip()), m.end())
        for m in _END_CREDIT.finditer(text)
    ]


def drop_facts(out: DocExtraction, first: int, facts_from: int) -> None:
    """Drop the facts from ``facts_from`` on that name a mention (from ``first`` on) within an
    end credit: the agency a story is taken from, or its reporter, is no party to it (the
    relation model reads "... from Russia. (AP, AFP)" as one sentence)."""
    credited = {i for i in range(first, len(out.mentions)) if out.mentions[i].credit}
    if credited:
        out.facts[facts_from:] = [
            f
            for f in out.facts[facts_from:]
            if f.subject not in credited and f.object not in credited and f.of not in credited
        ]


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
