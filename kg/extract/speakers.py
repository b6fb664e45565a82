"""Speakers: who a speech verb's subject (or "according to"'s object) stands for.

A name is its mention; a spokesperson, a statement or a report speaks for the name it hangs
from ("a spokesman for Siemens", "Siemens' spokeswoman", "a UN report", "information
provided by the FBI"), and a body for its possessor ("Canada's government"); a title with a
name beside it is that name ("the head of the agency, John Smith"); "he", "she", "it" and a
definite role noun ("the minister", "the ministry") stand for a name before them, which
resolution picks by entity type (``RawQuote.refer`` and ``candidates``), and so does a
spokesperson of a kind of body ("a bank spokesman" is the nearest organisation's), whom a
"he" right after still is. "He" goes on with the last speaker or a newer subject; "it",
"the paper" and "the study" take only a subject or the last speaker. kg.extract.quotes reads
what they said.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kg.extract import bodies
from kg.extract.speaker_memory import (
    Speaker,
    by_name,
    memory,
    referred,
    unnamed_last,
)
from kg.extract.speaker_names import (
    ROLES,
    aged,
    kind_plural,
    no_one,
    surname,
    titled_beside,
)
from kg.extract.speaker_phrase import (
    appositions,
    closed,
    ended_by_name,
    listed_owners,
    owners,
    possessors,
    self_named,
    subtree,
)
from kg.extract.speaker_subjects import antecedent
from kg.extract.tokens import Tokens, edges
from kg.extract.types import is_nationality
from kg.lexicon import (
    FEMALE_WORDS,
    MALE_WORDS,
    NATION_PERSON_NOUNS,
    NEWS_AGENCY_WORDS,
    NOUN_TYPE,
    PORTFOLIO_WORDS,
    SERVING_NOUNS,
    SPEAKER_PRONOUNS,
    SPOKESPERSON_NOUNS,
    TITLE_WORDS,
    WEB_NOUNS,
)

if TYPE_CHECKING:
    from kg.extract.records import DocExtraction

_DEFINITE = frozenset({"the", "its", "his", "her", "their", "this"})
# words a body puts out, which speak for the name they hang from ("a UN report said",
# "according to information provided by the FBI"), as a spokesperson's do ("datum": the
# lemma spaCy gives "data")
_DOCUMENTS = frozenset(
    "report study survey assessment information data datum figure statistic estimate "
    "release letter analysis affidavit filing memo audit".split()
)
# bodies that speak (with kg.lexicon.NOUN_TYPE's organisations): "the court ruled", "the
# paper reported"
_BODIES = frozenset(
    "court tribunal paper daily newspaper council commission body radio television".split()
)
# the press, whose "the paper" is the last speaker (kg.extract.speakers._noun); wire copy
# quotes state radio and television as it quotes papers ("Damascus Radio said ... the radio
# said")
_MEDIA = frozenset(
    "paper newspaper daily weekly magazine tabloid broadcaster radio television".split()
)
# bodies that speak for the state or body that has them ("Canada's government", "the
# party's leadership"); any other body with a possessor is a part of it ("China's foreign
# ministry" is the ministry, not China)
_WHOLE = frozenset("government administration cabinet leadership regime".split())
# bodies whose "the ministry", "the agency", "the court" is the nearest organisation of that
# name ("Foreign Ministry", "Maritime Agency") or that the text called so ("Europol, the EU
# police agency"): the nearest organisation of another name is seldom the one meant, as the
# nearest is for "the company", "the bank"
_NAMED_BODIES = frozenset(
    "ministry agency department commission court tribunal council office regulator "
    "government body authority parliament".split()
)


def speaker(
    out: DocExtraction,
    tab: Tokens,
    s: int,
    offset: int,
    token_mention: dict[int, int],
    *,
    according: bool = False,
) -> Speaker | None:
    """Who the subject token ``s`` stands for, or None: someone unnamed ("officials")."""
    span = (offset + tab.idx[s], offset + tab.end_char[s])
    named = "quote.according" if according else "quote.named"
    m = token_mention.get(s)
    if m is not None and kind_plural(tab, s) and len(out.mentions[m].text.split()) == 1:
        return None  # "Officials said" after a heading: a common noun, no one named
    if m is not None and _national(tab, s, out.mentions[m].text):
        # "the Briton said", "the Australian added": a person named before, as "he" is
        return referred(out, "Person", span, "quote.role")
    if m is not None and no_one(out.mentions[m]):
        return None  # "The Iraqis claimed", "Representatives of A and B"
    if m is not None and out.mentions[m].votes:
        # "warns World Health Organization (WHO) Director Tom Hale": the titled person the
        # parse set beside the body's name
        m = titled_beside(out, tab, s, token_mention) or m
        return by_name(out, tab, m, token_mention, named, span)
    title = m is not None
    if title:
        # a title the recogniser took for a name ("The Prime Minister said"): no one's name,
        # so read as the role it is
        token_mention = {t: k for t, k in token_mention.items() if k != m}
    word = tab.lower[s]
    a = antecedent(tab, s) if word in ("he", "she") else None
    if a is not None and (m := token_mention.get(a)) is not None and out.mentions[m].votes:
        return by_name(out, tab, m, token_mention, "quote.pronoun", span)
    if word in SPEAKER_PRONOUNS:
        mem = memory(out)
        if unnamed_last(out, span[0]):
            return None
        if mem.voice is not None and word != "it":
            return mem.voice._replace(span=span, rule="quote.pronoun")
        # "it said" is the body that spoke last: the nearest other body is as often a
        # place or a thing's maker as the one speaking
        gender = {"he": "m", "him": "m", "she": "f", "her": "f"}.get(word, "")
        return referred(
            out, SPEAKER_PRONOUNS[word], span, "quote.pronoun", acting=word == "it", gender=gender
        )
    if aged(tab, s):
        # "the 58-year-old said": a person, named before, as "he" is
        return referred(out, "Person", span, "quote.role")
    if tab.pos[s] not in ("NOUN", "PROPN"):
        return None
    # "the head of the agency, John Smith": the name set beside the title; not a name of
    # the list whose spokespeople the noun is ("representatives of A, B and C")
    listed = listed_owners(tab, s)
    apps = [a for a in appositions(tab, s) if not according or closed(tab, a)]
    apps = [a for a in apps if a not in listed]
    m = next((token_mention[a] for a in apps if a in token_mention), None)
    if m is None and (ROLES.get(tab.lemma[s]) or NOUN_TYPE.get(tab.lemma[s])) == "Person":
        # "The chairman of the Harbour Authority Tom Hale said"
        m = token_mention.get(ended_by_name(tab, s, token_mention), -1)
        m = m if m >= 0 and out.mentions[m].label == "PERSON" and out.mentions[m].votes else None
        m = m if m is not None else _titled_conj(out, tab, s, token_mention)
    if m is not None:
        return by_name(out, tab, m, token_mention, named, span)
    # a surname that is also a word of the lexicon ("King said" after "Billie Jean King")
    # only as a proper noun inside its sentence, and only a person's
    common = _common(tab.lemma[s])
    proper = tab.pos[s] == "PROPN" and tab.sent(s).start < s
    m = None if common and not proper else surname(out, tab, s, span[0], person=common)
    if m is not None:
        memory(out).last = m
        return Speaker(m, "", span, named, (), span)
    return _noun(out, tab, s, offset, token_mention, span, titled_only=title)


def _national(tab: Tokens, s: int, text: str) -> bool:
    """Whether the subject is one person by a nationality ("the Briton", "the German"): a
    singular noun after "the", no name after it."""
    return (
        s > 0
        and tab.lower[s - 1] == "the"
        and tab.tag[s] in ("NNP", "NN")
        and text.casefold() == tab.lower[s]
        and (is_nationality(text) or tab.lower[s] in NATION_PERSON_NOUNS)
    )


def _titled_conj(
    out: DocExtraction, tab: Tokens, s: int, token_mention: dict[int, int]
) -> int | None:
    """The person a role's phrase names where the parse joined the name to the role as a
    second subject: set off by a comma with no "and" ("said chairman of the foundation, Mo
    Ibrahim, a telecoms entrepreneur"), or with a role of its own ("author and journalist
    Carolin Emcke"); else None."""
    for c in tab.children[s]:
        m = token_mention.get(c)
        if tab.dep[c] != "conj" or m is None:
            continue
        if out.mentions[m].label != "PERSON" or not out.mentions[m].votes:
            continue
        cc = any(tab.dep[k] == "cc" and tab.head[k] == s for k in range(s + 1, c))
        first = edges(tab, c)[0]
        titled = any(
            tab.dep[k] == "compound"
            and (ROLES.get(tab.lemma[k]) or NOUN_TYPE.get(tab.lemma[k])) == "Person"
            for k in tab.children[c]
        )
        if (not cc and tab.lower[first - 1] == ",") or (cc and titled):
            return m
    return None


def _common(lemma: str) -> bool:
    """Whether a word is one of the nouns kg reads as a kind of speaker or a title."""
    return (
        lemma in NOUN_TYPE
        or lemma in ROLES
        or lemma in _BODIES
        or lemma in _DOCUMENTS
        or lemma in SPOKESPERSON_NOUNS
        or lemma in TITLE_WORDS
        or lemma in PORTFOLIO_WORDS
    )


def _noun(
    out: DocExtraction,
    tab: Tokens,
    s: int,
    offset: int,
    token_mention: dict[int, int],
    span: tuple[int, int],
    *,
    titled_only: bool = False,
) -> Speaker | None:
    """Whom a noun with no name beside it speaks for: a spokesperson's, a report's or a
    body's owner, or the name a definite role stands for (``titled_only``, a capitalised
    title the recogniser took for a name, "The Director said": only the name the text gave
    that title, or the last speaker)."""
    single = tab.tag[s] in ("NN", "NNP")
    lemma = tab.lemma[s]
    kind = "Organization" if lemma in _BODIES else ROLES.get(lemma) or NOUN_TYPE.get(lemma)
    # several spokespeople speak for the names listed after them, the first here, the others
    # as subjects joined to it ("representatives of A, B and C said")
    voice = lemma in SPOKESPERSON_NOUNS and (single or bool(listed_owners(tab, s)))
    if lemma in _MEDIA and single and (medium := _medium(out, tab, s, token_mention, span)):
        return medium
    if lemma == "official" and (body := _officials(out, tab, s, token_mention, span)):
        return body
    if (served := _office_of(out, tab, s, token_mention, span)) is not None:
        return served
    if voice and single and (spoken := _state_voice(out, tab, s, offset, token_mention)) >= 0:
        # "a Chinese foreign ministry spokesman", "a spokesman for the Israeli army"
        kind = "Organization" if memory(out).bodies[spoken].label == "ORG" else "Place"
        return Speaker(None, kind, span, "quote.for", (), span, body=spoken)
    kids = tab.children[s]
    if not (lemma in _WHOLE and any(o in token_mention for o in possessors(tab, s))):
        # "China's foreign ministry", "the Israeli army"; "Canada's government" is Canada,
        # and so is "the Canadian government", "the US government"
        if lemma in _WHOLE and (m := bodies.country_named(out, tab, s, token_mention)) is not None:
            return by_name(out, tab, m, token_mention, "quote.for", span)
        k = bodies.read(out, tab, s, offset, token_mention, memory(out).bodies, _WHOLE)
        if k is None and kind != "Organization" and any(tab.lower[c] == "the" for c in kids):
            k = bodies.referred(tab, s, memory(out).bodies, span[0])  # "the army said"
        if k is not None:
            kind = "Organization" if memory(out).bodies[k].label == "ORG" else "Place"
            return Speaker(None, kind, span, "quote.body", (), span, body=k)
    orgs = {t: k for t, k in token_mention.items() if out.mentions[k].label == "ORG"}
    if single and (m := self_named(tab, s, orgs)) is not None:
        return by_name(out, tab, m, token_mention, "quote.named", span)
    if voice and single and (spoke := _spokesperson(out, tab, s, token_mention)) is not None:
        return spoke._replace(span=span, rule="quote.for")
    if voice or lemma in _DOCUMENTS or kind == "Organization" and single:
        decided, who = _owned(out, tab, s, token_mention, span, voice)
        if decided:
            return who
    voiced = memory(out).voice
    if voice and voiced is not None and any(tab.lower[c] in _DEFINITE for c in kids):
        # "the spokesman added": the spokesperson who just spoke, for the same body
        return voiced._replace(span=span, rule="quote.for")
    if lemma in _DOCUMENTS and single and any(tab.lower[c] == "the" for c in kids):
        # "the study concluded": the study of the body that spoke last, if one did
        return referred(out, "Organization", span, "quote.for", placed=True)
    # "the minister", "its chairman"; a body's possessor makes it definite ("the bloc's
    # central bank"), a person's makes it someone's ("Hoeness' lawyer")
    definite = any(tab.lower[c] in _DEFINITE for c in kids)
    poss = any(tab.dep[c] == "poss" for c in kids)
    if kind == "Person":
        # "the family lawyer", "Hoeness' lawyer": someone's, unnamed; not "the Prime
        # Minister", "the finance minister", an office's own words, nor "the World Bank
        # president", the office of a body the phrase names ("the US president" may be any
        # president the text named)
        the = any(tab.lower[c] == "the" for c in kids)
        whose = poss or any(
            tab.dep[c] == "compound" and not _office(tab, c) and not (the and c in orgs)
            for c in kids
        )
    else:
        definite = definite or poss
        # "the EU body", "the Russian foreign ministry": a body its phrase names as its
        # owner's, not the nearest other organisation
        whose = any(t in token_mention for t in subtree(tab, s) if t != s)
    if kind in ("Person", "Organization") and definite and single and not whose:
        # a name inside the phrase is not whom it stands for ("the German chancellor")
        first = min(subtree(tab, s))
        where = (offset + tab.idx[first], span[1])
        named = ()
        if kind == "Organization" and lemma in _NAMED_BODIES:  # "the customs agency"
            named = (lemma, *(tab.lower[c] for c in kids if tab.dep[c] in ("compound", "amod")))
        # "the Swiss foreign minister": an office the phrase places, which the text gave
        # the one it stands for, or which the last speaker holds
        placed = kind == "Person" and any(t in token_mention for t in subtree(tab, s))
        # "the paper wrote": the paper the text quoted last; a press review names many
        # other bodies between, none of them the paper
        placed = placed or lemma in _MEDIA or titled_only
        # "the chairwoman said": not a man the document named
        gender = "f" if lemma in FEMALE_WORDS else "m" if lemma in MALE_WORDS else ""
        who = referred(
            out,
            kind,
            where,
            "quote.role",
            title=lemma,
            named=named,
            placed=placed,
            gender=gender if kind == "Person" else "",
        )
        k = bodies.referred(tab, s, memory(out).bodies, span[0])
        if k is not None and not any(
            out.mentions[c].start > memory(out).bodies[k].start for c in who.candidates[:1]
        ):
            # "the ministry" after "China's foreign ministry", no ministry named since
            return Speaker(None, "Organization", span, "quote.role", (), span, body=k)
        return who
    return None


def _medium(
    out: DocExtraction, tab: Tokens, s: int, token_mention: dict[int, int], span: tuple[int, int]
) -> Speaker | None:
    """The paper or station a name before its noun names ("Britain's Sun newspaper", "the
    Sun newspaper"); a place before it ("Damascus radio") names it only as the text named it
    before ("Damascus Radio"): the place is not who spoke."""
    for c in tab.children[s]:
        m = token_mention.get(c)
        if tab.dep[c] != "compound" or m is None:
            continue
        if out.mentions[m].label not in ("GPE", "LOC", "NORP"):
            return by_name(out, tab, m, token_mention, "quote.named", span)
        named = (tab.lemma[s], tab.lower[c])
        return referred(out, "Organization", span, "quote.role", named=named, only=True)
    return None


def _officials(
    out: DocExtraction, tab: Tokens, s: int, token_mention: dict[int, int], span: tuple[int, int]
) -> Speaker | None:
    """The organisation whose name the officials' phrase gives ("U.N. officials", "a Siemens
    official", "officials of the IAEA"): they speak for it, as a spokesperson does. Not a
    country's ("U.S. officials", "Russian officials": no one named) nor a body the name is
    part of ("Interior ministry officials")."""
    for o in owners(tab, s):
        m = token_mention.get(o)
        votes = out.mentions[m].votes if m is not None else None
        if votes and max(votes, key=votes.__getitem__) == "Organization":
            return by_name(out, tab, m, token_mention, "quote.for", span)  # type: ignore[arg-type]
    return None


def _office_of(
    out: DocExtraction, tab: Tokens, s: int, token_mention: dict[int, int], span: tuple[int, int]
) -> Speaker | None:
    """The person whose office or campaign ``s`` is ("his office said", "a statement from her
    office", "Ruiz's office said", "Bloomberg's campaign countered"): they speak for the one
    they serve. None for any other noun, and for a body's office ("the mayor's office",
    "Acme's office")."""
    if tab.lemma[s] not in SERVING_NOUNS or tab.tag[s] != "NN":
        return None
    for c in possessors(tab, s):
        if tab.lower[c] in ("his", "her"):
            gender = "m" if tab.lower[c] == "his" else "f"
            return referred(out, "Person", span, "quote.pronoun", gender=gender)
        m = token_mention.get(c)
        votes = out.mentions[m].votes if m is not None else None
        if votes and max(votes, key=votes.__getitem__) == "Person":
            return by_name(out, tab, m, token_mention, "quote.for", span)  # type: ignore[arg-type]
    return None


def _office(tab: Tokens, c: int) -> bool:
    """Whether a compound before a role is part of the office's title ("Prime", "Vice",
    "finance", "Foreign"), not whose the role is."""
    return tab.lemma[c] in TITLE_WORDS or tab.lemma[c] in PORTFOLIO_WORDS


def _state_voice(
    out: DocExtraction, tab: Tokens, s: int, offset: int, token_mention: dict[int, int]
) -> int:
    """The body of a place (kg.extract.bodies) a spokesperson's phrase names, set before the
    noun ("a Chinese foreign ministry spokesman", "the Dutch police spokeswoman") or after
    it ("a spokesperson for China's foreign ministry", "from the Israeli army"): its index
    among the document's bodies, or -1."""
    for c in tab.children[s]:
        if tab.dep[c] == "compound" and c < s:
            found = [(c, s)]
        elif tab.dep[c] == "prep" and tab.lower[c] in ("for", "of", "from", "with", "at"):
            found = [(o, -1) for o in tab.children[c] if tab.dep[o] == "pobj"]
        else:
            continue
        for body, holder in found:
            k = bodies.read(
                out, tab, body, offset, token_mention, memory(out).bodies, _WHOLE, holder
            )
            if k is not None:
                return k
    return -1


def _spokesperson(
    out: DocExtraction, tab: Tokens, s: int, token_mention: dict[int, int]
) -> Speaker | None:
    """The body a spokesperson with no owner named in its phrase speaks for when a body
    spoke last and no spokesperson since ("the foreign ministry said ... A spokesman said",
    "Dutch police said ... the Dutch police spokeswoman said"): that body, if the phrase's
    words are all in its name ("the ministry spokesman"; not "a company spokesman" after
    Siemens)."""
    mem = memory(out)
    last = mem.body_voice
    if last is None or mem.voice is not None:
        return None
    if any(tab.dep[c] in ("prep", "poss", "appos") for c in tab.children[s]):
        return None  # "a spokesman for the coalition", "its spokesman"
    words = [
        tab.lower[t] for t in subtree(tab, s) if t != s and tab.dep[t] != "det" and not tab.punct[t]
    ]
    named = mem.bodies[last.body].text if last.body >= 0 else ""
    if last.mention is not None:
        named = out.mentions[last.mention].text
    return last if all(w in named.lower().split() for w in words) else None


def _owned(
    out: DocExtraction,
    tab: Tokens,
    s: int,
    token_mention: dict[int, int],
    span: tuple[int, int],
    voice: bool,
) -> tuple[bool, Speaker | None]:
    """Whom a spokesperson, a document or a body speaks for by the owner its phrase names:
    (True, the speaker) when the phrase decides (None: a part of another body), else
    (False, None)."""
    lemma = tab.lemma[s]
    # a body's owner is its possessor ("Canada's government"): "the EU body", "a UN
    # agency" may be one of the EU's or UN's, not the EU or the UN
    heads = owners(tab, s) if voice or lemma in _DOCUMENTS else possessors(tab, s)
    if lemma in _DOCUMENTS:
        heads += _printed_in(out, tab, s, token_mention)
    if voice or lemma in _DOCUMENTS:
        heads += _posted_on(tab, s, token_mention)
    if not (voice or lemma in _DOCUMENTS or lemma in _WHOLE) and any(
        o in token_mention for o in heads
    ):
        return True, None  # "China's foreign ministry": a part, not the whole
    for o in heads:
        if (m := token_mention.get(o)) is not None:
            return True, by_name(out, tab, m, token_mention, "quote.for", span)
        if (served := _office_of(out, tab, o, token_mention, span)) is not None:
            return True, served  # "a statement from her office"
        if voice and NOUN_TYPE.get(tab.lemma[o]) == "Organization":  # "a bank spokesman"
            # "a fire department spokesperson" is a department's, none if none was named
            kind = tab.lemma[o]
            named = (kind,) if kind in _NAMED_BODIES else ()
            who = referred(out, "Organization", span, "quote.for", named=named, only=True)
            return True, who
    return False, None


def _printed_in(
    out: DocExtraction, tab: Tokens, s: int, token_mention: dict[int, int]
) -> list[int]:
    """The names of the medium a document came out in, after its owners: "a report in the
    Financial Times"; and the paper or agency a medium's noun names ("reports from the Bild
    newspaper", "a Reuters news agency report"). Only an organisation's name: "a report in
    May" or "in Germany" is no one's."""
    found = [
        o
        for p in tab.children[s]
        if tab.dep[p] == "prep" and tab.lower[p] == "in"
        for o in tab.children[p]
        if tab.dep[o] == "pobj"
        and o in token_mention
        and out.mentions[token_mention[o]].label == "ORG"
    ]
    media = [o for o in owners(tab, s) if o not in token_mention and _press(tab, o)]
    found += [
        c
        for o in media
        for c in tab.children[o]
        if tab.dep[c] == "compound" and c < o and c in token_mention
    ]
    return found


def _posted_on(tab: Tokens, s: int, token_mention: dict[int, int]) -> list[int]:
    """The name whose site a statement was posted on ("a statement posted on the NATS
    website", "on the ministry's Facebook page"): the site's owner."""
    sites = [
        o
        for c in tab.children[s]
        if tab.dep[c] == "acl"
        for p in tab.children[c]
        if tab.dep[p] == "prep" and tab.lower[p] == "on"
        for o in tab.children[p]
        if tab.dep[o] == "pobj" and tab.lemma[o] in WEB_NOUNS
    ]
    return [
        c
        for o in sites
        for c in tab.children[o]
        if tab.dep[c] in ("compound", "poss") and c < o and c in token_mention
    ]


def _press(tab: Tokens, o: int) -> bool:
    """Whether word ``o`` is a medium's noun: "newspaper", "news agency"."""
    if tab.lemma[o] in _MEDIA:
        return True
    return tab.lemma[o] == "agency" and any(
        tab.dep[c] == "compound" and tab.lower[c] in NEWS_AGENCY_WORDS for c in tab.children[o]
    )


def unnamed(tab: Tokens, s: int) -> bool:
    """Whether a subject that stands for no name is one person or body ("the officer"): the
    "he" that follows is that one, not a name before it."""
    return tab.pos[s] == "NOUN" and tab.tag[s] == "NN"
