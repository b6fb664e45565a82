"""Speakers' names as the sentence gives them, where the recogniser cut the name short or
long: "Spokesman Claus Pätzel" (a title taken in), "Chidi Odinkalu of" (a word of the phrase
after it), "IRNA news agency" (the noun a medium's name is set before), "Coastguard Agency" in
"the Maritime and Coastguard Agency" and "Office of the Attorney" before "General" (a name cut
short). The quotation goes to a mention of the name as the sentence gives it, wherever the
document names it so; when it never does, the speaker's entity would bear a name no one has,
and the quotation is left out (a quotation left out costs less than one given to a name that
is wrong). And the name a title was given to ("Foreign Minister Ana Ruiz", "Ruiz, the
minister"), whom "the minister" most likely stands for; the earlier name an untagged surname
ends ("Marta Ilves ... Ilves told reporters"); words that name no one ("Officials", "the
58-year-old").
"""

from __future__ import annotations

import dataclasses
import re
from typing import TYPE_CHECKING

from kg.extract.tokens import Tokens
from kg.lexicon import NOUN_TYPE, SPOKESPERSON_NOUNS, TITLE_WORDS

if TYPE_CHECKING:
    from kg.extract.records import DocExtraction, RawMention, RawQuote

# words that join the parts of an organisation's name ("Maritime and Coastguard Agency",
# "Office of the Attorney General"), taken in only between capitalised words
_JOINERS = frozenset({"and", "of", "the", "for", "&"})
# titles that are part of how a name is given ("King Abdullah", "Pope Francis")
_NAME_TITLES = frozenset("king queen prince princess pope sheikh emir lord lady dame sir".split())
# an apposition that gives a name its role: ", the minister", ", its chairman", ", Germany's
# foreign minister"; not another name set after a comma
_ROLE_AFTER = re.compile(r",\s*(?:[a-z]|\S+['’]s\b)")
# people by the office they hold, beside kg.lexicon.NOUN_TYPE's: "the German leader said"
ROLES = dict.fromkeys(
    "leader chancellor premier envoy ambassador prosecutor commissioner chief expert "
    "politician diplomat activist historian".split(),
    "Person",
)
# the recogniser's labels of names that may be a part of an organisation's name
_PARTS = frozenset({"ORG", "NAME"})


def fitted(out: DocExtraction, tab: Tokens, m: int, token_mention: dict[int, int]) -> str:
    """The name of mention ``m`` as the sentence gives it: without a title before a person's
    name or words that are no name's after it, and for an organisation, with the capitalised
    words of its name the recogniser left out next to it."""
    label = out.mentions[m].label
    toks = sorted(k for k, v in token_mention.items() if v == m)
    if not toks or toks[-1] - toks[0] + 1 != len(toks):
        return ""
    a, b = toks[0], toks[-1]
    person = label == "PERSON"
    while person and a < b and _title(tab, a):
        a += 1  # "Spokesman Claus Pätzel"
    while b > a and (tab.punct[b] or tab.is_lower[b] and tab.idx[b] > tab.end_char[b - 1]):
        b -= 1  # "Chidi Odinkalu of", "IRNA news agency"; not "Li Song-ho", one word
    if not person:
        # another organisation's name (or a proper noun of no kind) the recogniser split
        # off in the phrase is part of this one ("Maritime" of "the Maritime and Coastguard
        # Agency"); a place's is not ("US" of "the US State Department")
        head = tab.root(a, b + 1)
        taken = {
            k
            for k, v in token_mention.items()
            if out.mentions[v].votes and not (out.mentions[v].label in _PARTS and _of(tab, k, head))
        }
        a, b = _grown(tab, a, b, taken)
    return " ".join(tab.span_text(a, b + 1).split())


def _of(tab: Tokens, k: int, head: int) -> bool:
    """Whether token ``k`` hangs from ``head`` as part of its name."""
    for _ in range(3):
        if tab.dep[k] not in ("compound", "nmod", "conj", "cc") or k == tab.head[k]:
            return False
        k = tab.head[k]
        if k == head:
            return True
    return False


def _title(tab: Tokens, i: int) -> bool:
    word = tab.lower[i].rstrip(".")
    if word in _NAME_TITLES:
        return False
    return word in TITLE_WORDS or word in SPOKESPERSON_NOUNS or NOUN_TYPE.get(word) == "Person"


def _grown(tab: Tokens, a: int, b: int, taken: set[int]) -> tuple[int, int]:
    """Tokens a..b grown over the capitalised proper nouns next to them that no other name
    holds, through "and", "of", "the" between two of them."""
    sent = tab.sent(a)

    def free(i: int) -> bool:
        return (
            sent.start <= i < sent.end
            and tab.tag[i] in ("NNP", "NNPS")
            and (i not in taken and tab.orth[i][:1].isupper())
        )

    while True:
        if free(a - 1) and not _title(tab, a - 1):  # "Vice President Florian Philippot"
            a -= 1
        elif a - 2 >= sent.start and tab.lower[a - 1] in _JOINERS and free(a - 2):
            a -= 2
        elif free(b + 1):
            b += 1
        elif tab.lower[b + 1 : b + 2] == ["of"] and free(b + 2):
            b += 2
        else:
            return a, b


def refit(out: DocExtraction, names: dict[int, str]) -> None:
    """Give the quotations of the mentions in ``names`` (mention -> its name as its sentence
    gives it) to a mention of that name, or leave them out; likewise their candidates."""
    if not names:
        return
    moved = {m: _mention(out, name, names) for m, name in names.items()}
    for m, name in names.items():
        mention = out.mentions[m]
        joined = out.document.text[mention.start - 1 : mention.start] in ("-", "‐")
        if moved[m] is None and not joined and _trimmed(mention, name):
            moved[m] = m  # the mention itself, cut to the name: "AFP news agency" is AFP
    kept: list[RawQuote] = []
    for q in out.quotes:
        speaker = moved.get(q.speaker, q.speaker) if q.speaker is not None else None
        if q.speaker is not None and speaker is None:
            continue
        cands = tuple(c for c in (moved.get(c, c) for c in q.candidates) if c is not None)
        kept.append(dataclasses.replace(q, speaker=speaker, candidates=cands))
    out.quotes[:] = kept


def _trimmed(mention: RawMention, name: str) -> bool:
    """Cut ``mention`` to ``name`` where the name is the mention less words after it that
    name nothing (lower-case: "the Agence France Presse news agency", "Chidi Odinkalu of"),
    or less a title before it ("Spokesman Claus Pätzel"): the recogniser's span was wrong,
    and the name the sentence gives is the mention's, though the text names it only so.
    Whether it was cut; a name grown over other words is never, nor one the recogniser cut
    out of a word joined by a hyphen ("pro-Socialist CFDT union"), whose span is no name's."""
    at = mention.text.find(name)
    if not name or at < 0:
        return False
    before, after = mention.text[:at], mention.text[at + len(name) :]
    if after and (not after.startswith(" ") or after != after.lower()):
        return False
    if before and not before.endswith(" "):
        return False
    surface = mention.surface or mention.text
    start = surface.find(name)
    if start < 0:
        return False
    mention.start += start
    mention.end = mention.start + len(name)
    mention.text = mention.surface = name
    return True


def _mention(out: DocExtraction, name: str, names: dict[int, str]) -> int | None:
    """A mention of ``name``, else of a fuller form of it ("Barack Obama" for "Obama"; not
    a shorter one, which resolution may join to the name cut wrong), else None."""
    want = name.casefold()
    cut = {out.mentions[k].text.casefold() for k in names}  # the names cut wrong, anywhere
    found = [k for k, m in enumerate(out.mentions) if m.votes and m.text.casefold() not in cut]
    same = (k for k in found if out.mentions[k].text.casefold() == want)
    fuller = (k for k in found if out.mentions[k].text.casefold().endswith(" " + want))
    return next(same, next(fuller, None))


def titled(out: DocExtraction, title: str, before: int, quoted: list[tuple[int, int]]) -> list[int]:
    """The nearest mention of the last name before ``before`` that the text gave the title
    ("Foreign Minister Ana Ruiz", "Ruiz, the minister", not inside quoted words): whom "the
    minister" most likely stands for."""
    text, word = out.document.text, re.compile(rf"\b{re.escape(title)}\b")
    mentions = [
        k
        for k, m in enumerate(out.mentions)
        if m.end <= before and not any(a <= m.start < b for a, b in quoted)
    ]
    named = next(
        (
            out.mentions[k].text
            for k in reversed(mentions)
            if word.search(_beside(text, out.mentions[k].start, out.mentions[k].end))
        ),
        None,
    )
    if named is None:
        return []
    same = [k for k in reversed(mentions) if _same_name(out.mentions[k].text, named)]
    return same[:1]


def _beside(text: str, start: int, end: int) -> str:
    """The three words just before a name and the apposition just after it, lower-cased:
    "Foreign Minister Ana Ruiz", "Ruiz, the minister,"."""
    before = re.split(r"[,.;:()]", text[max(0, start - 60) : start])[-1]
    before = " ".join(before.split()[-3:])
    after = text[end : end + 40]
    after = after[: after.find(",", 1)] if after.startswith(",") else ""
    if not _ROLE_AFTER.match(after):
        after = ""  # "Ruch SA, Zycie Warszawy daily said": the next subject, not a role
    return f"{before} {after}".lower()


def _same_name(a: str, b: str) -> bool:
    return a == b or b.endswith(" " + a) or a.endswith(" " + b)


def kind_plural(tab: Tokens, s: int) -> bool:
    """Whether the word is the plural of a kind of speaker ("Officials", "Analysts")."""
    word = tab.lower[s]
    return tab.tag[s] in ("NNS", "NNPS") and word.endswith("s") and word[:-1] in NOUN_TYPE


def no_one(mention: RawMention) -> bool:
    """Whether a name names no one speaker: a people or nationality ("The Iraqis claimed";
    "the Briton said" is read before this, as a role), or the plural of a kind of speaker
    the recogniser took in with the names after it ("Representatives of First Bank, Norwest
    and Banc One said": several bodies, not one)."""
    if mention.label == "NORP":
        return True
    words = mention.text.split()
    first = words[0].lower()
    return len(words) > 2 and words[1] == "of" and first.endswith("s") and _kind(first[:-1])


def _kind(word: str) -> bool:
    return word in NOUN_TYPE or word in SPOKESPERSON_NOUNS


def aged(tab: Tokens, s: int) -> bool:
    """Whether the subject is "the 58-year-old" (the parse's head is "old")."""
    if s < 5 or tab.lower[s] != "old" or tab.lower[s - 5] != "the":
        return False
    return tab.lower[s - 4].isdigit() and tab.lower[s - 3 : s] == ["-", "year", "-"]


def surname(
    out: DocExtraction, tab: Tokens, s: int, before: int, *, person: bool = False
) -> int | None:
    """The name a capitalised word the recogniser left unnamed is the last word of ("Marta
    Ilves met the press. ... Ilves told reporters": an uncommon surname spaCy's small model
    does not tag, or tags as a common noun at a sentence's start): the nearest earlier
    mention of two words or more that ends with it, whatever its type, or of that word
    alone, a person's or an organisation's; else None. Not one
    word of an untagged name (the caller leaves out the words that name a kind of speaker,
    "Minister", "Police"); ``person``: a word that is also a common one ("King") ends only
    a person's name."""
    word = tab.orth[s]
    if not word[:1].isupper() or word.isupper() or tab.pos[s] not in ("PROPN", "NOUN"):
        return None
    if any(tab.dep[c] in ("compound", "flat", "det", "poss", "amod") for c in tab.children[s]):
        return None
    for k in range(len(out.mentions) - 1, -1, -1):
        m = out.mentions[k]
        words = m.text.split()
        if m.end <= before and m.votes and len(words) > 1 and words[-1] == word:
            return k if m.label == "PERSON" or not person else None
        if m.end <= before and m.votes and words == [word] and m.label in _PARTS | {"PERSON"}:
            # the name itself, which the recogniser took here and not there ("Spicejet
            # announced ... Spicejet, which has 49 planes, said")
            return k if m.label == "PERSON" or not person else None
    return None


def titled_beside(
    out: DocExtraction, tab: Tokens, s: int, token_mention: dict[int, int]
) -> int | None:
    """The person set beside an organisation's name with a title of it before the person's
    name ("WHO (World Health Organization) Director Tom Hale"), or None."""
    if out.mentions[token_mention[s]].label != "ORG":
        return None
    for a in tab.children[s]:
        m = token_mention.get(a)
        if tab.dep[a] != "appos" or m is None or out.mentions[m].label != "PERSON":
            continue
        if any(tab.dep[c] == "compound" and _title_word(tab.lemma[c]) for c in tab.children[a]):
            return m if out.mentions[m].votes else None
    return None


def _title_word(lemma: str) -> bool:
    return lemma in TITLE_WORDS or (ROLES.get(lemma) or NOUN_TYPE.get(lemma)) == "Person"
