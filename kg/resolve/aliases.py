"""Aliases a text defines: two names the words between them say are one thing ("Kim Dotcom,
born Kim Schmitz"; "Thailand, formerly known as Siam"; "Lenor (known as Downy in North
America)", "Downy (Lenor in Europe)"; "XXXTentacion, whose real name was Jahseh Onfroy";
"Wellywood is an informal name for Wellington"). Such a definition is the evidence
that joins names with no word in common; like an acronym's, once read it holds in every
document (rule "alias defined")."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from kg.defaults import ALIAS_GAP
from kg.extract.records import DocExtraction
from kg.names import place_name
from kg.resolve.merges import Link
from kg.resolve.records import _Name

# The words between a name and its alias: an opening bracket or a comma, then "also known as",
# "formerly", "now called", "nicknamed", "a.k.a." and the like; "born", "née" and "whose real
# name is" give a person's name at birth.
# A bare "formerly" renames; a bare "now" more often moves a place to another country
# ("Vitebsk, Russian Empire (now Belarus)").
_ADVERBS = (
    r"(?:also|better|commonly|formerly|previously|originally|popularly|locally|professionally"
    r"|now|once)"
)
_SAYING = (
    r"(?:known\s+(?:professionally\s+)?as|called|named|renamed|nicknamed|dubbed|styled"
    r"|spelt|spelled|referred\s+to\s+as)"
)
# The same said by a verb ("Klamath Falls was originally named Linkville", "the division,
# which was also called the Hawaiian Division"): "named" and "called" with an adverb only, as
# a bare "was named" more often appoints ("was named coach").
_TOLD = rf"(?:{_ADVERBS}\s+{_SAYING}|(?:{_ADVERBS}\s+)?(?:known\s+as|renamed|nicknamed|dubbed))"
_VERB = rf"(?:\s*,\s*(?:which|who)\s+|\s+)(?:is|was|are|were|has\s+been|had\s+been)\s+{_TOLD}"
_BETWEEN = re.compile(
    rf"\s*[(,]\s*(?:(?:{_ADVERBS}\s+)?{_SAYING}|formerly|previously|a\.?k\.?a\.?)\s+"
    r"(?:the\s+)?$"
    rf"|{_VERB}\s+(?:the\s+)?$"
    # in brackets a bare "or" or "also" gives another name ("the Sappy Records Music Festival
    # (or SappyFest)", "Mendenhall Glacier (also Sitaantaagu)"); after a comma "or" ends a list
    r"|\s*\(\s*(?:or|also)\s+(?:the\s+)?$"
    r"|\s*[(,]\s*(?P<birth>born|n[ée]e|(?:whose\s+)?real\s+name(?:\s+(?:is|was))?)\s+$"
    # a name in another language, labelled by it ("Piton des Neiges (French: Snow Peak)",
    # '"Il Regalo" (English: "The Greatest Gift")'); the label must be a nationality word
    r'|\s*"?\s*\(\s*(?P<lang>[A-Z][a-z]+)\s*:\s*"?\s*(?:the\s+)?$',
    re.I,
)
# "Wellywood is an informal name for the city of Wellington": a sentence that says what a
# name is another name for
_NAME_FOR = re.compile(
    r"\s+(?:is|was)\s+(?:an?|the)\s+(?:(?:informal|official|common|former|alternative|older"
    r"|old|popular|colloquial|local|short|shortened|other)\s+)?(?:nick)?name\s+(?:for|given\s+to)"
    r"\s+(?:the\s+)?(?:(?:city|town|village|country|state|region|island|river)\s+of\s+)?$",
    re.I,
)
# "Downy (Lenor in Europe and Japan)": a brand's or a place's name where it is sold or said
# otherwise, in brackets after the name (the bracket opens before the alias and closes after
# the places it is said in)
_BRACKET_OPEN = re.compile(r"\s*\(\s*$")
_NOT_BRANDS = frozenset({"PERSON", "GPE", "LOC", "FAC"})
_SAID_IN = re.compile(r"\s+(?:in|outside)\s+(?:the\s+)?[A-Z][^()\n]{0,60}\)")
# "X or Y is a ...", "X ( ) or Y was an ...": two names a sentence begins with and defines,
# one thing ("Aspren or Asprenas was a saint"); not a choice ("Ruiz or Vega was expected to
# win") nor a list ("Paris or Rome were")
_OR = re.compile(r"\s*(?:\([^()]*\)\s*)?or\s+(?:the\s+)?$", re.I)
_OR_START = re.compile(r"\s*(?:the\s+)?$", re.I)
_OR_VERB = re.compile(r"\s*(?:\([^()]*\)\s*)?,?\s*(?:is|was)\s+(?:a|an|the)\b")
# The name a person performs or writes under ("signed to WWE, performing under the ring name
# Naomi"): the sentence's first name is the person's, however many names come between.
_STAGE = re.compile(r"\b(?:stage|ring|pen|screen|professional)\s+name\s+(?:of\s+)?$", re.I)

# a name that ends a longer phrase ("of Lower Manhattan"): the alias may be the phrase's
_PART_OF = re.compile(r"\b(?:of|in|at|from|for|near|on)\s+(?:the\s+)?$", re.I)


def read(ex: DocExtraction, keys: Sequence[str]) -> list[tuple[str, str, str]]:
    """The (name key, alias key, sentence) of each alias the document defines: a mention and
    the next one, with only the words of a definition between them, in one sentence."""
    text = ex.document.text
    found = sorted(
        (m.start, m.end, k, m.sent, m.label)
        for m, k in zip(ex.mentions, keys, strict=True)
        if k and not _language_label(text, m.start, m.end)
    )
    out = []
    for (a, b, ka, sent, la), (c, d, kb, _, lb) in zip(found, found[1:], strict=False):
        if ka == kb or not 1 < c - b < 2 * ALIAS_GAP or c > sent[1]:
            continue
        if not (text[b].isspace() or text[b] in ",("):
            continue
        sentence = " ".join(text[sent[0] : sent[1]].split())[:300]
        if _NAME_FOR.fullmatch(text, b, c):  # a sentence's words, longer than a bracket's
            out.append((ka, kb, sentence))
            continue
        if c - b >= ALIAS_GAP:
            continue
        if (
            _OR.fullmatch(text, b, c)
            and _OR_START.fullmatch(text, sent[0], a)
            and _OR_VERB.match(text, d)
        ):
            out.append((ka, kb, sentence))
            continue
        # (a brand's: a place's bracket more often names a place in it, "İzmir (Konak Square
        # in Konak)")
        said_in = _BRACKET_OPEN.fullmatch(text, b, c) and _SAID_IN.match(text, d)
        if said_in and not {la, lb} & _NOT_BRANDS:
            out.append((ka, kb, sentence))
            continue
        between = _BETWEEN.fullmatch(text, b, c)
        if between is None or _PART_OF.search(text, max(0, a - 12), a):
            continue  # (the latter: "the Financial District of Lower Manhattan, also known as")
        lang = between.group("lang")
        if lang and not _is_nationality(lang):
            continue
        out.append((ka, kb, ("birth " if between.group("birth") else "") + sentence))
    firsts: dict[tuple[int, int], tuple[int, str]] = {}
    for a, _, k, sent, _ in found:
        firsts.setdefault(sent, (a, k))
    for a, _, k, sent, _ in found:
        first, kf = firsts[sent]
        if first < a and kf != k and _STAGE.search(text, max(sent[0], a - 30), a):
            sentence = " ".join(text[sent[0] : sent[1]].split())[:300]
            out.append((kf, k, "birth " + sentence))
    return out


def _language_label(text: str, start: int, end: int) -> bool:
    """Whether a mention is the language that labels a bracket ("(French: ...)")."""
    return text[max(0, start - 3) : start].rstrip().endswith("(") and text[
        end : end + 3
    ].lstrip().startswith(":")


def _is_nationality(word: str) -> bool:
    place = place_name(word, "NORP")
    return place is not None and place[1] == "demonym"


def links(
    defined: Mapping[tuple[str, str], tuple[str, str]],
    names: Mapping[str, _Name],
    tops: Mapping[str, str],
) -> list[Link]:
    """A merge for each alias defined between names of one type (a name at birth: of two
    persons), the more mentioned name kept."""
    out = []
    for (a, b), (doc, sentence) in sorted(defined.items()):
        if a not in names or b not in names:
            continue
        ta, tb = tops[a], tops[b]
        birth = sentence.startswith("birth ")
        if birth and not ta == tb == "Person" or ta != tb and "Other" not in (ta, tb):
            continue
        keep, other = (a, b) if (names[a].count, b) >= (names[b].count, a) else (b, a)
        said = sentence.removeprefix("birth ")
        reason = (
            f"{names[other].first!r} is {names[keep].first!r} by the alias document {doc} "
            f"defines: {said!r}"
        )
        out.append(Link(keep, other, "alias defined", reason))
    return out
