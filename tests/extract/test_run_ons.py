"""Names that hold more than a name: a score, a minute or a time zone comes off; a results
line's sides, a fixture list's sides and two places run together are cut into their names;
a name's own number stays."""

from __future__ import annotations

import pytest

from kg.extract.mentions import extract
from kg.extract.run_ons import unmarked
from kg.extract.tokens import Tokens
from kg.model import Block, Document


def _names(pipeline, text: str) -> list[str]:
    doc = Document(id="d", text=text, blocks=(Block(0, len(text), "paragraph"),))
    return [m.text for m in next(extract([doc], pipeline)).mentions if m.votes]


# (text, the words of a name the recogniser might read, its label, the name kg keeps and its
# label): what follows a name in a report's results, scorers and clocks is no part of it,
# whatever label the recogniser gave the run; a name's own number is written alone
MARKED = [
    ("They lost to Sparta Prague 4-3 on aggregate.", "Sparta Prague 4-3", "PRODUCT",
     "Sparta Prague", "NAME"),
    ("They lost to Sparta Prague 4 - 3 on aggregate.", "Sparta Prague 4 - 3", "ORG",
     "Sparta Prague 4 - 3", "ORG"),
    ("Goals: Okafor 88' and Silva 90'.", "Okafor 88'", "LAW", "Okafor", "NAME"),
    ("Goals: Okafor 88 ' and Silva.", "Okafor 88 '", "PERSON", "Okafor", "PERSON"),
    ("The Boeing 747-8 flew.", "Boeing 747-8", "PRODUCT", "Boeing 747-8", "PRODUCT"),
    ("Lisbon UTC +1 and Denver UTC -6", "Denver UTC", "PERSON", "Denver", "PERSON"),
    ("Kilmarnock 5 3 1 1 9 4 10", "Kilmarnock 5 3 1 1 9 4 10", "PRODUCT", "Kilmarnock", "NAME"),
    ("Rovers 2 Albion 1", "Albion 1", "LAW", "Albion", "NAME"),
    ("( Gary Rowe 75th )", "Gary Rowe 75th", "PERSON", "Gary Rowe", "PERSON"),
    ("The 4th Infantry Division", "4th Infantry Division", "ORG", "4th Infantry Division", "ORG"),
    ("Albion 1 lost to Rovers 2 again.", "Albion 1", "LAW", "Albion 1", "LAW"),
    ("The Apollo 11 crew landed.", "Apollo 11", "PRODUCT", "Apollo 11", "PRODUCT"),
    ("He flew a Boeing 747-400 home.", "Boeing 747-400", "PRODUCT", "Boeing 747-400", "PRODUCT"),
    ("He won the Formula 1 title.", "Formula 1", "EVENT", "Formula 1", "EVENT"),
    ("The US Open 2019 began.", "US Open 2019", "EVENT", "US Open 2019", "EVENT"),
]  # fmt: skip


@pytest.mark.parametrize("text, words, label, name, kept", MARKED, ids=[m[1] for m in MARKED])
def test_a_score_minute_or_zone_comes_off_a_name(pipeline, text, words, label, name, kept):
    from spacy.tokens import Span

    doc = pipeline(text)
    start = next(k for k in range(len(doc)) if doc[k:].text.startswith(words))
    end = next(k for k in range(start + 1, len(doc) + 1) if doc[start:k].text == words)
    got = unmarked(Span(doc, start, end, label=label), Tokens(doc))
    assert (got.text, got.label_) == (name, kept)


# (text, names kg reads): a results line's sides and their scores, a fixture list that lost
# its line breaks and a headline run into its text are cut into their names; a name of a
# number or of two places of the tables' own stays whole
RUN_ONS = [
    (
        "Results on Sunday:\nHallam 2 Norton 1\nKendal 3 Ashby 0",
        ["Hallam", "Norton", "Kendal", "Ashby"],
    ),
    (
        "Fixtures: Sevilla vs. Getafe Valencia vs. Girona",
        ["Sevilla", "Getafe", "Valencia", "Girona"],
    ),
    (
        "Rayo Vallecano sacked their coach. Fixtures: Sevilla vs. Getafe Valencia vs. Rayo "
        "Vallecano Osasuna vs. Girona.",
        ["Rayo Vallecano", "Sevilla", "Getafe", "Valencia", "Rayo Vallecano", "Osasuna", "Girona"],
    ),
    (
        "Scorers :\nSlovenia - Marko Kovac ( 31st )\nAustria - Peter Huber ( 13th )",
        ["Slovenia", "Marko Kovac", "Austria", "Peter Huber"],
    ),
    ("Heatwave grips Europe Madrid recorded 44 degrees on Monday.", ["Europe", "Madrid"]),
    ("Channel 4 News reported it on Monday.", ["Channel 4 News"]),
    (
        "Leaders met at the Asia - Pacific Economic Cooperation summit.",
        ["Asia - Pacific Economic Cooperation"],
    ),
    ("Paris Hilton flew to Guinea Bissau on Monday.", ["Paris Hilton", "Guinea Bissau"]),
]


@pytest.mark.parametrize("text, expected", RUN_ONS, ids=[r[0][:40] for r in RUN_ONS])
def test_names_run_together_are_cut_apart(pipeline, text, expected):
    got = _names(pipeline, text)
    assert [n for n in got if n in expected] == expected
