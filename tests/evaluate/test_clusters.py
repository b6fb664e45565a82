"""Mention clustering errors: each pair kg groups otherwise than the gold, with its cause."""

import json

import pytest

from kg import evaluate as ev
from kg.evaluate.clusters import cause
from kg.model import Entity, Mention
from kg.resolve.records import Merge


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


def test_a_wrongly_joined_pair_names_the_rule_that_joined_it():
    # "Doe Labs hired Jane Doe. Doe said so." kg's surname rule took "Doe" into Jane Doe, the
    # gold reads it as the lab; "Jane Doe" twice is one name
    text = "Doe Labs hired Jane Doe. Doe said so. Jane Doe left."
    gold = ev.GoldDoc(
        "d",
        text,
        (
            ev.GoldEntity(("Doe Labs", "Doe"), "Organization", spans=((0, 8), (25, 28))),
            ev.GoldEntity(("Jane Doe",), "Person", spans=((15, 23),)),
            ev.GoldEntity(("Jane Doe",), "Person", spans=((38, 46),)),
        ),
        (),
    )
    lab = Entity("doe-labs", "Doe Labs", "Organization", (), (Mention("d", 0, 8, "Doe Labs"),))
    jane = Entity(
        "jane-doe",
        "Jane Doe",
        "Person",
        ("Doe",),
        (
            Mention("d", 15, 23, "Jane Doe"),
            Mention("d", 25, 28, "Doe"),
            Mention("d", 38, 46, "Jane Doe"),
        ),
    )
    log = [Merge("jane-doe", "Jane Doe", ("Doe",), "surname", "'Doe' is the surname of ...")]
    errors: list[ev.PairError] = []
    ev.score_clusters(gold, [lab, jane], errors, log)
    joined = sorted((e.a, e.b, e.rule) for e in errors if e.kind == "joined")
    assert joined == [
        ("Doe", "Jane Doe", "surname"),
        ("Jane Doe", "Doe", "surname"),
        ("Jane Doe", "Jane Doe", "same name"),
    ]
    table = ev.cause_table(errors, examples=0)
    assert "by rule: surname 2" in table and "same name 1" in table


def test_a_word_the_gold_keeps_apart_from_its_one_full_name_is_told_apart():
    # kg joins "Brannock" to the one full name of the gold holding it, which the gold keeps
    # apart
    text = "Ada Brannock wrote. Brannock said so. Tom Ilse met Ilse Varga."
    gold = ev.GoldDoc(
        "d",
        text,
        (
            ev.GoldEntity(("Ada Brannock",), "Person", spans=((0, 12),)),
            ev.GoldEntity(("Brannock",), "Person", spans=((20, 28),)),
            ev.GoldEntity(("Tom Ilse",), "Person", spans=((37, 45),)),
            ev.GoldEntity(("Ilse Varga", "Ilse"), "Person", spans=((50, 60),)),
        ),
        (),
    )
    ada = Entity(
        "ada-brannock",
        "Ada Brannock",
        "Person",
        (),
        (Mention("d", 0, 12, "Ada Brannock"), Mention("d", 20, 28, "Brannock")),
    )
    tom = Entity("tom-ilse", "Tom Ilse", "Person", (), (Mention("d", 37, 45, "Tom Ilse"),))
    varga = Entity("ilse-varga", "Ilse Varga", "Person", (), (Mention("d", 50, 60, "Ilse Varga"),))
    errors: list[ev.PairError] = []
    ev.score_clusters(gold, [ada, tom, varga], errors)
    assert [(e.kind, e.cause) for e in errors] == [
        ("joined", "a word of the one full name it can be, kept apart by the gold")
    ]
    # "Ilse" joined to "Tom Ilse" where the gold has it "Ilse Varga"'s: a word of two full
    # names, a short name joined a longer one
    text = "Tom Ilse met Ilse Varga. Ilse left."
    gold = ev.GoldDoc(
        "d",
        text,
        (
            ev.GoldEntity(("Tom Ilse",), "Person", spans=((0, 8),)),
            ev.GoldEntity(("Ilse Varga", "Ilse"), "Person", spans=((13, 23), (25, 29))),
        ),
        (),
    )
    tom = Entity(
        "tom-ilse",
        "Tom Ilse",
        "Person",
        (),
        (Mention("d", 0, 8, "Tom Ilse"), Mention("d", 25, 29, "Ilse")),
    )
    varga = Entity("ilse-varga", "Ilse Varga", "Person", (), (Mention("d", 13, 23, "Ilse Varga"),))
    errors = []
    ev.score_clusters(gold, [tom, varga], errors)
    assert [(e.kind, e.cause) for e in errors] == [
        ("joined", "a short name joined a longer one"),
        ("split", "a name and a word of it"),
    ]


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


def test_kg_eval_errors_lists_the_pairs_by_cause(tmp_path):
    from click.testing import CliRunner

    from kg.cli import main

    # one DocRED document of our own: "General Motors (GM)" defines GM, and "Dana Reyes"
    # is named again by her surname; the gold groups both
    sents = [
        ["General", "Motors", "(", "GM", ")", "hired", "Dana", "Reyes", "in", "May", "."],
        ["GM", "said", "Reyes", "would", "run", "its", "plant", "in", "Ohio", "."],
    ]
    vertex = [
        [
            {"name": "General Motors", "type": "ORG", "sent_id": 0, "pos": [0, 2]},
            {"name": "GM", "type": "ORG", "sent_id": 0, "pos": [3, 4]},
            {"name": "GM", "type": "ORG", "sent_id": 1, "pos": [0, 1]},
        ],
        [
            {"name": "Dana Reyes", "type": "PER", "sent_id": 0, "pos": [6, 8]},
            {"name": "Reyes", "type": "PER", "sent_id": 1, "pos": [2, 3]},
        ],
        [{"name": "Ohio", "type": "LOC", "sent_id": 1, "pos": [8, 9]}],
    ]
    gold = tmp_path / "gold.json"
    gold.write_text(
        json.dumps([{"title": "t", "sents": sents, "vertexSet": vertex, "labels": []}]),
        encoding="utf-8",
    )
    res = CliRunner().invoke(main, ["eval", str(gold), "--errors"])
    assert res.exit_code == 0, res.output
    assert "== mention pairs split (one gold entity, two kg entities): 0" in res.output
    assert "== mention pairs joined (one kg entity, two gold): 0" in res.output
    row = next(line for line in res.output.splitlines() if line.startswith("mention pairs"))
    assert row.split()[4:] == ["100.0", "100.0", "100.0", "4", "4"], row


# (kg's mentions as (start, end, entity), expected (tp, fp, fn) by name, by overlap alone):
# "Windows ran. Windows 10 ran.": the gold's two entities "Windows" and "Windows 10"
CUT = [
    # kg cut "Windows 10" to "Windows" and joined it to the other: found by overlap alone
    ([(0, 7, "w"), (13, 20, "w")], (0, 0, 0), (0, 1, 0)),
    # kg read both whole and kept them apart
    ([(0, 7, "w"), (13, 23, "w10")], (0, 0, 0), (0, 0, 0)),
    # kg read both whole and joined them
    ([(0, 7, "w"), (13, 23, "w")], (0, 1, 0), (0, 1, 0)),
]


@pytest.mark.parametrize("mentions, by_name, by_overlap", CUT)
def test_a_mention_cut_wrong_finds_no_gold_mention(mentions, by_name, by_overlap):
    text = "Windows ran. Windows 10 ran."
    gold = ev.GoldDoc(
        "d",
        text,
        (
            ev.GoldEntity(("Windows",), "Other", spans=((0, 7),)),
            ev.GoldEntity(("Windows 10",), "Other", spans=((13, 23),)),
        ),
        (),
    )
    ents = [
        Entity(
            eid,
            eid,
            "Other",
            (),
            tuple(Mention("d", a, b, text[a:b]) for a, b, e in mentions if e == eid),
        )
        for eid in sorted({e for *_, e in mentions})
    ]
    for overlap, want in ((False, by_name), (True, by_overlap)):
        c = ev.score_clusters(gold, ents, overlap=overlap)
        assert (c.tp, c.fp, c.fn) == want
