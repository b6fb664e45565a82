"""What a name's words say of the longer names it may stand for: the nouns an organization's
name is called by once named ("the Court"), the words before its complement ("the European
Court" of "the European Court of Human Rights"), a name within a fuller reading of it, and the
initials an acronym may spell."""

from __future__ import annotations

from kg.lexicon import (
    ACRONYM_SKIP,
    COMPLEMENT_WORDS,
    COMPLEMENTED_HEAD_NOUNS,
    DOCUMENT_HEAD_NOUNS,
    ORG_HEAD_NOUNS,
)


def complement_heads(words: list[str]) -> list[str]:
    """The words of an organization's name before its complement, where they are two or more
    ("european court" of "european court of human rights"): what news calls it once named;
    before each complement of a name of several ("house of commons" of "house of commons of
    canada", "court of appeals" of "court of appeals for the ninth circuit")."""
    return [" ".join(words[:i]) for i, w in enumerate(words) if w in COMPLEMENT_WORDS and i >= 2]


def head_nouns(words: list[str]) -> list[str]:
    """The nouns an organization's name of these words is called by once named: its last
    word ("Supreme Court"), or its word before its complement ("Council of Europe", "the
    Syrian Observatory for Human Rights", "the House of Commons"), where it is one of
    ``ORG_HEAD_NOUNS`` (before the complement also ``COMPLEMENTED_HEAD_NOUNS``)."""
    out = [words[-1]] if words[-1] in ORG_HEAD_NOUNS else []
    i = next((i for i, w in enumerate(words) if w in COMPLEMENT_WORDS), 0)
    if 0 < i < len(words) - 1 and words[i - 1] in ORG_HEAD_NOUNS | COMPLEMENTED_HEAD_NOUNS:
        out.append(words[i - 1])
    return out


def document_heads(words: list[str]) -> list[str]:
    """The noun an agreement's or a law's name of these words is called by once named: its
    last word ("Paris Agreement"), or its word before its complement ("Treaty of Lisbon"),
    where it is one of ``DOCUMENT_HEAD_NOUNS``."""
    if words[-1] in DOCUMENT_HEAD_NOUNS:
        return [words[-1]]
    i = next((i for i, w in enumerate(words) if w in COMPLEMENT_WORDS), 0)
    return [words[i - 1]] if 0 < i < len(words) - 1 and words[i - 1] in DOCUMENT_HEAD_NOUNS else []


def fuller(short: str, long: str) -> bool:
    """Whether ``long`` is ``short`` read more fully: with more words before or between
    (``within``), or with its complement ("european court of human rights")."""
    return within(short, long) or short in complement_heads(long.split())


def within(short: str, long: str) -> bool:
    """Whether the words of ``short`` are words of ``long``, in order, ending it."""
    sw, lw = short.split(), long.split()
    if sw[-1] != lw[-1]:
        return False
    it = iter(lw)
    return all(w in it for w in sw)


def initials(key: str) -> str:
    """The initials of a name key's words, its small words left out: "tf" of "tears for
    fears" (the acronym rule also tries every word's, "tff")."""
    return "".join(w[0] for w in key.split() if w not in ACRONYM_SKIP)
