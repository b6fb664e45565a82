"""Mention clustering errors: each pair kg groups otherwise than the gold, with its cause."""

import pytest

from kg import evaluate as ev
from kg.evaluate.clusters import cause
from kg.model import Entity, Mention


def test_each_wrong_pair_is_listed_with_its_kind_and_cause():
    # "Acme Rockets sued Acme. Doe met Jane Doe." kg joins the two Doe mentions to Acme and
    # leaves the short "Acme" apart
    text = "Acme Rockets sued Acme. Doe met Jane Doe."
    gold = ev.GoldDoc(
        "d",
        text,
        (
            ev.GoldEntity(("Acme Rockets", "Acme"), "Organization", spans=((0, 12), (18, 22))),
            ev.GoldEntity(("Doe", "Jane Doe"), "Person", spans=((24, 27), (32, 40))),
        ),
        (),
    )
    corp = Entity(
        "acme-rockets",
        "Acme Rockets",
        "Organization",
        (),
        (Mention("d", 0, 12, "Acme Rockets"), Mention("d", 24, 27, "Doe")),
    )
    acme = Entity("acme", "Acme", "Organization", (), (Mention("d", 18, 22, "Acme"),))
    jane = Entity("jane-doe", "Jane Doe", "Person", (), (Mention("d", 32, 40, "Jane Doe"),))
    errors: list[ev.PairError] = []
    c = ev.score_clusters(gold, [corp, acme, jane], errors)
    assert (c.tp, c.fp, c.fn) == (0, 1, 2)
    assert sorted((e.kind, e.a, e.b, e.cause) for e in errors) == [
        ("joined", "Acme Rockets", "Doe", "a short name joined a longer one"),
        ("split", "Acme Rockets", "Acme", "a name and a word of it"),
        ("split", "Doe", "Jane Doe", "a name and a word of it"),
    ]
    table = ev.cause_table(errors, examples=1)
    assert "== mention pairs split (one gold entity, two kg entities): 2" in table
    assert "== mention pairs joined (one kg entity, two gold): 1" in table
    assert "'Acme Rockets' ~ 'Doe'" in table


CAUSES = [
    ("split", "Australia", "Australian", "a nationality word and its country"),
    ("split", "Americans", "United States", "a nationality word and its country"),
    ("split", "NATO", "North Atlantic Treaty Organization", "an acronym and its name"),
    ("split", "NSB", "Railways", "an acronym, otherwise"),
    ("split", "Court", "Supreme Court", "a name and a word of it"),
    ("split", "Blue Note", "Blue Note Records", "a name and a longer name holding its words"),
    ("split", "South Sudan", "Southern Sudan", "names that share a word"),
    ("split", "Siam", "Thailand", "names with no word in common (an alias)"),
    ("split", "Time Warner", "TimeWarner", "one name kept apart (types or documents)"),
    ("joined", "Portuguese", "Portuguese", "one name, two things in the gold"),
    ("joined", "Casanova", "Giacomo Casanova", "a short name joined a longer one"),
    ("joined", "Heathrow Airport", "Heathrow Holdings", "two names joined"),
]


@pytest.mark.parametrize("kind, a, b, expected", CAUSES)
def test_causes(kind, a, b, expected):
    assert cause(kind, a, b) == expected
