"""The verb rules calibrated per rule and predicate, each share shrunk toward the one above it
(kg.train.shrink), and read per reading (kg.resolve.calibration.Calibration.reading)."""

from __future__ import annotations

import pytest

from kg.evaluate import Counts, Report
from kg.model import Entity, Evidence, Relation
from kg.resolve.calibration import Calibration
from kg.train import fit_calibration
from kg.train.shrink import fit_rules, shrunk


@pytest.mark.parametrize(
    "right, n, prior, strength, expected",
    [
        (0, 0, 0.4, 10, 0.4),  # nothing read: the prior
        (8, 10, 0.5, 10, 0.65),  # ten facts against a prior worth ten
        (80, 100, 0.5, 10, 0.7727),  # many facts: near their share
        (8, 10, 0.5, 0, 0.8),  # no prior: the share
    ],
)
def test_a_share_is_shrunk_toward_its_prior(right, n, prior, strength, expected):
    assert shrunk(right, n, prior, strength) == pytest.approx(expected, abs=1e-4)


# one part: "appoint" read 10 employer facts, 8 right; "form" 10 founded_by facts, 2 right
_ONE_PART = [
    [("verb", "verb:appoint", "employer", k < 8, 1.0) for k in range(10)]
    + [("verb", "verb:form", "founded_by", k < 2, 1.0) for k in range(10)]
]


@pytest.mark.parametrize(
    "key, expected",
    [
        ("verb", 0.5),  # 10 right of 20, one right and one wrong added: 11 / 22
        ("verb|employer", 0.65),  # (8 + 10 x 0.5) / 20
        ("verb:appoint", 0.65),
        ("verb:appoint|employer", 0.725),  # (8 + 10 x 0.65) / 20
        ("verb:form", 0.35),
        ("verb:form|founded_by", 0.275),  # (2 + 10 x 0.35) / 20
    ],
)
def test_each_rule_and_predicate_has_its_shrunk_share(key, expected):
    tables = fit_rules(_ONE_PART, strength=10)
    assert tables[key] == ([0.0, 1.0], [expected, expected])


# two parts judge "lead" as an employer apart: 6 right of 6 in one, 0 of 6 in the other
_TWO_PARTS = [
    [("verb", "verb:lead", "employer", True, 1.0)] * 6,
    [("verb", "verb:lead", "employer", False, 1.0)] * 6,
]


@pytest.mark.parametrize(
    "parts, key, expected",
    [
        # the family: 7 / 14 pooled, held to the second part's 1 / 8
        (_TWO_PARTS, "verb", 0.125),
        # the rule: that part's (0 + 10 x 0.125) / 16, under the pooled (6 + 1.25) / 22
        (_TWO_PARTS, "verb:lead", 0.0781),
        # a part of 4 facts does not hold it: 6 of 10 pooled (7 / 12)
        ([_TWO_PARTS[0], _TWO_PARTS[1][:4]], "verb", 0.5833),
    ],
)
def test_a_share_is_held_to_each_parts_measure(parts, key, expected):
    assert fit_rules(parts, strength=10)[key][1][0] == expected


def _verb_fact(rule: str, confidence: float, other: tuple[str, float] | None = None) -> Relation:
    a, b = Entity("a", "Jane", "Person"), Entity("b", "Acme", "Organization")
    evs = [Evidence("d", "s", 0, 1, (0, 1), (0, 1), rule=rule, confidence=confidence)]
    if other:
        evs.append(Evidence("d", "t", 0, 1, (0, 1), (0, 1), rule=other[0], confidence=other[1]))
    return Relation(a, "employer", b, "P108", confidence, tuple(evs))


_CAL = Calibration(
    {
        "verb": ([0.0, 1.0], [0.4, 0.4]),
        "verb|employer": ([0.0, 1.0], [0.5, 0.5]),
        "verb:appoint": ([0.0, 1.0], [0.7, 0.7]),
        "verb:appoint|employer": ([0.0, 1.0], [0.75, 0.75]),
        "verb:leave": ([0.0, 1.0], [0.3, 0.3]),
        "model+rules": ([0.0, 1.0], [0.0, 0.6]),
        "model:across": ([0.0, 1.0], [0.0, 0.5]),
    }
)


@pytest.mark.parametrize(
    "fact, expected",
    [
        (_verb_fact("verb:appoint", 0.7), 0.75),  # its rule and predicate's table
        (_verb_fact("verb:leave", 0.7), 0.3),  # its rule's
        (_verb_fact("verb:hire", 0.7), 0.5),  # a rule never judged: the family's for employer
        # read by two verbs: the better reading's worth, whatever the sentences' combined number
        (_verb_fact("verb:leave", 0.91, ("verb:appoint", 0.7)), 0.75),
        # the model agreeing: the rule's reading is the floor (model+rules alone: 0.54)
        (_verb_fact("model", 0.9, ("verb:leave", 0.7)), 0.54),
        (_verb_fact("model", 0.9, ("verb:appoint", 0.7)), 0.75),
    ],
)
def test_a_verb_fact_is_worth_its_best_rules_reading(fact, expected):
    assert _CAL.relation(fact).confidence == expected


def test_a_source_is_not_taken_for_a_rule():
    assert _CAL.rules == frozenset({"verb:appoint", "verb:leave"})  # not "model:across"


def test_the_verb_rules_are_fitted_per_rule_from_their_readings():
    def fact(rule: str, ok: bool) -> tuple:
        return (0.8, ok, "P108", "verb", "employer", ((rule, 0.8),))

    scored = [fact("verb:appoint", k < 9) for k in range(10)]
    scored += [fact("verb:run", k < 1) for k in range(10)]
    rep = Report("r", 1, 1, 1.0, Counts(), {}, Counts(), {}, Counts(), scored=scored)
    cal = fit_calibration([rep])  # shrunk by SHRINK_PRIOR, 5 facts
    # family 11 / 22; "appoint" (9 + 2.5) / 15, its employer facts (9 + 5 x 0.7667) / 15;
    # "run" (1 + 2.5) / 15, (1 + 5 x 0.2333) / 15
    assert cal.reading("verb:appoint", 0.8, "employer") == 0.856
    assert cal.reading("verb:run", 0.8, "employer") == 0.144
    assert cal.reading("verb:hire", 0.8, "employer") == 0.5  # (10 + 2.5) / 25


@pytest.mark.parametrize(
    "rule, predicate, expected",
    [
        # family 11 / 22; "president" (9 + 2.5) / 15, its posts (9 + 5 x 0.7667) / 15
        ("role:president", "position_held", 0.856),
        # "officer" (1 + 2.5) / 15, (1 + 5 x 0.2333) / 15
        ("role:officer", "position_held", 0.144),
        ("role:officer", "employer", 0.233),  # a predicate it never read: its rule's share
        ("role:chairman", "position_held", 0.5),  # a word never judged: the family's share
    ],
)
def test_the_role_rules_are_fitted_per_rule_from_their_readings(rule, predicate, expected):
    """The role rules' words are of unlike precision too: a post held by "president" is
    seldom wrong, by "officer" often. Judged by reading (no gold holds a post as text)."""

    def fact(word: str, ok: bool) -> tuple:
        return (0.8, ok, "judged", "role", "position_held", ((word, 0.8),))

    read = [fact("role:president", k < 9) for k in range(10)]
    read += [fact("role:officer", k < 1) for k in range(10)]
    rep = Report("r", 1, 1, 1.0, Counts(), {}, Counts(), {}, Counts(), scored=read)
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr("kg.train.calibrate.JUDGED_WEIGHT", 1.0)  # each fact worth one, as above
        cal = fit_calibration([], read=[rep])
    assert cal.reading(rule, 0.8, predicate) == expected


@pytest.mark.parametrize(
    "relations, old_format",
    [
        ((3, 1, 5), False),  # the counts come back, so recall does
        ((2, 0, 0), True),  # an older file holds the scored facts alone: right ones as found
    ],
)
def test_out_of_fold_facts_are_read_back(tmp_path, relations, old_format):
    import json

    from kg.train.facts import read_facts, write_facts

    scored = [
        (0.8, True, "P108", "verb", "employer", (("verb:appoint", 0.8),)),
        (0.4, False, "P108", "model", "employer", (("model", 0.4),)),
        (0.6, True, "P108", "model", "employer", ()),
    ]
    rep = Report("part", 1, 1, 1.0, Counts(), {}, Counts(*relations), {}, Counts(), scored=scored)
    path = tmp_path / "facts.json"
    write_facts([rep], path)
    if old_format:
        path.write_text(json.dumps({"part": json.loads(path.read_text())["part"]["scored"]}))
    (back,) = read_facts(path)
    assert back.name == "part" and back.scored == scored
    assert back.relations == Counts(*relations)
