"""Whose citizenship a nationality word is, where the rules and the relation model read it
differently, and nationality words that give none.

The nationality rules (kg.extract.nationality) read a word by the phrase it is in: "the
Danish envoy Mira Holm and Paul Roux" ties "Danish" to Holm alone, and "Karl Stein, a Dutch
student in France" gives Stein his country. The model reads pairs by their words: it reads the
word for the next name of a list too, and the country a person is in for their citizenship;
where a rule has read the sentence, its reading stands. A word that says no one country gives
no citizenship nor country: after a denying prefix ("non-Dutch coaches such as ..."), joined
by a hyphen to another name ("a Swedish-Finnish painter", "Franco-German talks": a descent or
a pair of countries), before another nationality word ("the first Somali American mayor": an
American of Somali descent, and no place at all), or after "ethnic" ("ethnic Hungarian
parties": a people's, of whatever country). A continent is no country, and no place's
administrative seat: "Tarsen is the smallest country in Africa" puts it on the continent
(Wikidata's P30). A territory another state holds is no place's country ("Fajardo, Puerto
Rico": the United States is), though the place lies in it.
"""

from __future__ import annotations

from dataclasses import replace

from kg.extract.links import is_continent, is_territory
from kg.extract.ranges import COUNTRY_VALUED, a_people, same_place
from kg.extract.records import MODEL, DocExtraction, RawFact
from kg.lexicon import DENYING_PREFIXES, DESCENT_NATIONS, ETHNIC_WORDS

CITIZENSHIP = "country_of_citizenship"
# the rules that read a person's citizenship from a nationality word in its phrase
WORD_RULES = frozenset({"nationality", "nationality-noun"})


def settle(out: DocExtraction, facts_from: int) -> None:
    """Drop the block's facts (those from ``facts_from``) that a rule's reading of the same
    nationality word, or of the same person's, overrides, and the country-valued facts of a
    word that names no one country."""
    facts = out.facts[facts_from:]
    if not facts:
        return
    ruled = [f for f in facts if f.rule in WORD_RULES and CITIZENSHIP in f.predicates]
    word_of = {(f.sentence, f.object): f.subject for f in ruled}
    country_of: dict[tuple[tuple[int, int], int], list[int | str]] = {}
    for f in ruled:
        country_of.setdefault((f.sentence, f.subject), []).append(f.object)
    kept = out.facts[:facts_from]
    for f in facts:
        if _descent(out, f.subject) or isinstance(f.object, int) and _descent(out, f.object):
            continue
        if isinstance(f.object, int) and is_continent(out.mentions[f.object].text):
            preds = _on_continent(f.predicates)
            if not preds:
                continue
            f = replace(f, predicates=preds)
        if "country" in f.predicates and isinstance(f.object, int):
            f = _in_territory(out, f)
        if COUNTRY_VALUED.intersection(f.predicates) and isinstance(f.object, int):
            if _no_one_country(out, f.object):
                continue
            if (
                f.rule == MODEL
                and CITIZENSHIP in f.predicates
                and _overridden(out, f, word_of, country_of)
            ):
                continue
        kept.append(f)
    out.facts[:] = kept


def _in_territory(out: DocExtraction, f: RawFact) -> RawFact:
    """The fact with "country" read as "located_in" where its object is a territory another
    state holds ("Fajardo, Puerto Rico": its country is the United States)."""
    o = out.mentions[f.object]  # type: ignore[index]
    if o.label not in ("GPE", "LOC") or not is_territory(o.text):
        return f
    preds = ("located_in" if p == "country" else p for p in f.predicates)
    return replace(f, predicates=tuple(dict.fromkeys(preds)))


def _on_continent(predicates: tuple[str, ...]) -> tuple[str, ...]:
    """A fact's predicates where its object is a continent: "located_in" is "continent", a
    country-valued one none."""
    out = ("continent" if p == "located_in" else p for p in predicates)
    return tuple(dict.fromkeys(p for p in out if p not in COUNTRY_VALUED))


def _overridden(
    out: DocExtraction,
    f: RawFact,
    word_of: dict[tuple[tuple[int, int], int | str], int],
    country_of: dict[tuple[tuple[int, int], int], list[int | str]],
) -> bool:
    """Whether a rule read the fact's word as another person's citizenship, or the fact's
    person's citizenship from another country's word, in the same sentence."""
    owner = word_of.get((f.sentence, f.object))
    if owner is not None and owner != f.subject:
        return True
    ruled = country_of.get((f.sentence, f.subject), [])
    o = out.mentions[f.object]  # type: ignore[index]
    return bool(ruled) and not any(
        isinstance(c, int) and _same(out, c, o.text, o.label) for c in ruled
    )


def _same(out: DocExtraction, c: int, text: str, label: str) -> bool:
    m = out.mentions[c]
    return m.text == text or same_place((m.text, m.label), (text, label))


def _no_one_country(out: DocExtraction, i: int) -> bool:
    """Whether mention ``i`` follows a denying prefix ("non-Dutch") or "ethnic", is joined
    by a hyphen to another name ("Swedish-Finnish", "Franco-German") or comes before another
    nationality word ("Somali American")."""
    m, text = out.mentions[i], out.document.text
    before = text[max(m.start - 4, 0) : m.start].casefold()
    if any(before.endswith(p) for p in DENYING_PREFIXES):
        return True
    words = text[max(m.start - 12, 0) : m.start].casefold().split()
    if words and words[-1] in ETHNIC_WORDS and text[m.start - 1].isspace():
        return True
    left = m.start >= 2 and text[m.start - 1] == "-" and text[m.start - 2].isalpha()
    right = text[m.end : m.end + 1] == "-" and text[m.end + 1 : m.end + 2].isupper()
    return left or right or _descent(out, i)


def _descent(out: DocExtraction, i: int) -> bool:
    """Whether mention ``i`` is a nationality word before that of a nation of immigrants
    ("Somali American", "Italian Canadians"): a descent, which names no place either. Not
    before any other ("Soviet Armenian": the one within the other)."""
    m, text = out.mentions[i], out.document.text
    if not a_people((m.text, "NORP")):
        return False
    after = text[m.end : m.end + 30].split()
    return text[m.end : m.end + 1] == " " and bool(after) and after[0].casefold() in DESCENT_NATIONS
