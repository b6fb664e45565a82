"""Whom "he", "it" or "the minister" most likely stands for: the names before it, nearest
first, those that were a sentence's subject or the last to speak before the others
(kg.extract.speakers asks; resolution then takes the first of the type wanted)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kg.defaults import SPEAKER_LOOKBACK, SUBJECT_LOOKBACK

if TYPE_CHECKING:
    from kg.extract.records import DocExtraction


def nearest(out: DocExtraction, before: int, quoted: list[tuple[int, int]]) -> list[int]:
    """The mentions before ``before``, nearest first, one per name, none inside quoted
    words."""
    seen: set[str] = set()
    found: list[int] = []
    for k in range(len(out.mentions) - 1, -1, -1):
        m = out.mentions[k]
        if m.end > before or m.text in seen or any(a <= m.start < b for a, b in quoted):
            continue
        seen.add(m.text)
        found.append(k)
        if len(found) >= SPEAKER_LOOKBACK:
            break
    return found


def ranked(
    out: DocExtraction, last: int, subjects: set[int], found: list[int]
) -> tuple[list[int], list[int]]:
    """``found`` in the order a speaker is most likely, and those of the nearest few that
    were a sentence's subject or the last speaker. Of the nearest few, the names that were a
    sentence's subject first ("Merkel met Putin. 'We agreed,' she said" is Merkel, though
    Putin is nearer), and so the last one to speak, whom "he said" most often goes on with
    ("Yatsenyuk told parliament. That was a mistake, according to Gros. Ukraine, he said,
    ..."), by where it spoke, not where its name was last given ("Kamper agreed with Dreyer
    when he wrote" is Kamper, though Dreyer spoke before)."""
    spoke = out.mentions[last] if last >= 0 else None

    def rank(k: int) -> tuple[bool, int]:
        if k not in subjects and spoke is not None and out.mentions[k].text == spoke.text:
            return False, -spoke.start
        return k not in subjects, -out.mentions[k].start

    near = sorted(found[:SUBJECT_LOOKBACK], key=rank)
    acted = [k for k in near if not rank(k)[0]]
    found = near + found[SUBJECT_LOOKBACK:]
    if spoke is not None and any(out.mentions[k].text == spoke.text for k in near):
        # no name older than the last speech: when the last speaker is not of the type
        # wanted (its entity typed otherwise), someone named paragraphs before is not who
        # spoke either, and the words are better left out; but its fuller name may be
        # ("Angus Houston said ... Houston warned ... He said")
        words = set(spoke.text.split())
        found = [
            k
            for k in found
            if out.mentions[k].start >= spoke.start
            or k in near[:1]
            or words & set(out.mentions[k].text.split())
        ]
    return found, acted
