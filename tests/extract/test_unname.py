"""A plain word's mentions lose their votes where the document writes it in lower case too
(``kg.extract.plain_words.unname``); (mentions, text, names left with votes) tables."""

from collections import Counter

import pytest

from kg.extract.plain_words import FIRST, HEADLINE, unname
from kg.extract.records import RawMention


def _mention(text: str, label: str, plain: str, start: int = 0) -> RawMention:
    votes: Counter[str] = Counter({"Other": 1.0})
    return RawMention("d", start, start + len(text), text, label, votes, plain=plain)


CASES = [
    # written lower case further on: a word, not a name
    ([("Clashes", "NAME", FIRST)], "Clashes broke out. The clashes went on.", []),
    # its singular in lower case counts too
    ([("Clashes", "NAME", FIRST)], "Clashes broke out. A clash went on.", []),
    # never in lower case: still a name
    ([("Booth", "NAME", FIRST)], "Booth shot Lincoln.", ["Booth"]),
    # a headline's word the recogniser left unlabelled needs no lower-case use
    ([("Attack", "NAME", HEADLINE)], "Attack On Town Leaves Two Dead", []),
    # not a plain word: kept whatever the text writes
    ([("Clashes", "NAME", "")], "Clashes broke out. The clashes went on.", ["Clashes"]),
]


@pytest.mark.parametrize(("mentions", "text", "kept"), CASES)
def test_unname(mentions: list[tuple[str, str, str]], text: str, kept: list[str]) -> None:
    ms = [_mention(*m) for m in mentions]
    unname(ms, text)
    assert [m.text for m in ms if m.votes] == kept
