"""Aliases a text defines: two names the words between them say are one thing ("Kim Dotcom,
born Kim Schmitz"; "Thailand, formerly known as Siam"; "Lenor (known as Downy in North
America)"; "XXXTentacion, whose real name was Jahseh Onfroy"). Such a definition is the evidence
that joins names with no word in common; like an acronym's, once read it holds in every
document (rule "alias defined")."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from kg.defaults import ALIAS_GAP
from kg.extract.records import DocExtraction
from kg.resolve.merges import Link
from kg.resolve.records import _Name

# The words between a name and its alias: an opening bracket or a comma, then "also known as",
# "formerly", "now called", "nicknamed", "a.k.a." and the like; "born", "née" and "whose real
# name is" give a person's name at birth.
# A bare "formerly" renames; a bare "now" more often moves a place to another country
# ("Vitebsk, Russian Empire (now Belarus)").
_ADVERBS = r"(?:also|better|commonly|formerly|previously|originally|popularly|locally|now|once)"
_SAYING = r"(?:known\s+as|called|named|renamed|nicknamed|dubbed|styled|spelt|spelled)"
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
    r"|\s*[(,]\s*(?P<birth>born|n[ée]e|(?:whose\s+)?real\s+name(?:\s+(?:is|was))?)\s+$",
    re.I,
)

# a name that ends a longer phrase ("of Lower Manhattan"): the alias may be the phrase's
_PART_OF = re.compile(r"\b(?:of|in|at|from|for|near|on)\s+(?:the\s+)?$", re.I)


def read(ex: DocExtraction, keys: Sequence[str]) -> list[tuple[str, str, str]]:
    """The (name key, alias key, sentence) of each alias the document defines: a mention and
    the next one, with only the words of a definition between them, in one sentence."""
    text = ex.document.text
    found = sorted((m.start, m.end, k, m.sent) for m, k in zip(ex.mentions, keys, strict=True) if k)
    out = []
    for (a, b, ka, sent), (c, _, kb, _) in zip(found, found[1:], strict=False):
        if ka == kb or not 1 < c - b < ALIAS_GAP or c > sent[1]:
            continue
        if not (text[b].isspace() or text[b] in ",("):
            continue
        between = _BETWEEN.fullmatch(text, b, c)
        if between is None or _PART_OF.search(text, max(0, a - 12), a):
            continue  # (the latter: "the Financial District of Lower Manhattan, also known as")
        sentence = " ".join(text[sent[0] : sent[1]].split())[:300]
        out.append((ka, kb, ("birth " if between.group("birth") else "") + sentence))
    return out


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
