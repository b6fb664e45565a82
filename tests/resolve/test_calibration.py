"""Calibrated confidence: what read a fact picks its table, tables are monotone maps, and the
threshold holds on each tuning part."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from kg.evaluate import Counts, Report
from kg.extract.classifier import NONE, RelationModel
from kg.model import Entity, Evidence, Relation
from kg.resolve.calibration import FALLBACK, Calibration, chain, source
from kg.train import calibrate, choose_confidence, fit_calibration, isotonic
from kg.train.calibrate import (
    each_part,
    family_readings,
    fold_thresholds,
    in_fold,
    merged,
    recalibrated,
)
from kg.train.fit import Example, Part
from kg.train.isotonic import binned, blended, lower_bound


@pytest.mark.parametrize(
    "rules, expected",
    [
        (["model"], "model"),
        (["model:across"], "model:across"),
        (["model", "model:across"], "model"),  # read within a sentence somewhere
        (["model:across", "verb:found"], "model+rules"),
        (["verb:found", "verb:hire"], "verb"),
        (["verb:found", "role:wife"], "rules"),
        (["inverse of spouse"], "inferred"),
        # the copies of facts between a word and its country have the inferences' map
        (["located_in + demonym_of to the word"], "inferred"),
        (["located_in + demonym_of"], "inferred"),
        (["located_in + demonym_of to the word", "located_in + located_in"], "inferred"),
        (["model", "located_in + demonym_of to the word"], "model"),
    ],
)
def test_the_source_of_a_fact(rules: list[str], expected: str):
    assert source(rules) == expected


def test_a_fact_reads_its_source_and_predicate_table_first_then_falls_back():
    cal = Calibration(
        {
            "model:across|country": ([0.0, 1.0], [0.0, 0.5]),
            "model:across": ([0.0, 1.0], [0.0, 0.8]),
            FALLBACK: ([0.0, 1.0], [0.0, 1.0]),
        }
    )
    assert chain("model:across", "country")[-1] == FALLBACK
    assert cal("model:across", 0.8, "country") == 0.4
    assert cal("model:across", 0.5, "employer") == 0.4
    assert cal("model", 0.5, "employer") == 0.5  # no table of its own: all facts'
    assert cal("verb", 0.7, "employer") == 0.7  # a rule family without a table keeps its number


def test_calibration_is_applied_by_what_read_the_fact():
    a, b = Entity("a", "A", "Person"), Entity("b", "B", "Place")
    ev = Evidence("d", "A ... B", 0, 7, (0, 1), (6, 7), rule="model:across", confidence=0.9)
    r = Relation(a, "residence", b, "P551", 0.9, (ev,))
    cal = Calibration({"model:across": ([0.0, 1.0], [0.0, 0.5])})
    assert cal.relation(r).confidence == 0.45


def test_isotonic_is_monotone_and_never_certain():
    points = [(0.1, False), (0.2, True), (0.3, False), (0.6, True), (0.7, True), (0.9, True)]
    xs, ys = isotonic(points)
    assert xs == sorted(xs) and ys == sorted(ys)
    assert 0 < ys[0] and ys[-1] < 1  # a few facts all right say "often", not "always"


def test_smoothing_a_small_block_keeps_the_map_monotone():
    # one wrong fact (1/3 after smoothing) below ten facts one right (2/12)
    points = [(0.1, False), (0.2, True)] + [(0.21 + 0.01 * k, False) for k in range(9)]
    xs, ys = isotonic(points)
    assert ys == sorted(ys) and ys[0] <= 2 / 12 + 1e-4


def test_a_rule_reading_keeps_its_worth_when_the_model_agrees():
    a, b = Entity("a", "Acme", "Organization"), Entity("b", "Jane", "Person")
    evs = (
        Evidence("d", "s", 0, 1, (0, 1), (0, 1), rule="model", confidence=0.4),
        Evidence("d", "s", 0, 1, (0, 1), (0, 1), rule="verb:found", confidence=0.8),
    )
    r = Relation(a, "founded_by", b, "P112", 0.88, evs)
    cal = Calibration({"model+rules": ([0.0, 1.0], [0.0, 0.6]), "verb": ([0.0, 1.0], [0.1, 0.9])})
    assert cal.relation(r).confidence == 0.74  # the verb's 0.8 alone, not 0.88 as both (0.528)


def _report(scored: list[tuple[float, bool]]) -> Report:
    rows = [(c, ok, "P1", "model", "p") for c, ok in scored]
    tp = sum(ok for _, ok in scored)
    return Report("r", 1, 1, 1.0, Counts(), {}, Counts(tp, 0, 0), {}, Counts(), scored=rows)


def test_the_threshold_holds_on_each_part_not_only_pooled():
    # a large part right 9 times in 10 above 0.5, a small one right half the time below 0.8
    big = _report([(0.6, k % 10 != 0) for k in range(100)] + [(0.9, True)] * 10)
    small = _report([(0.6, k % 2 == 0) for k in range(10)] + [(0.9, True)] * 4)
    assert choose_confidence([big], z=0.0) == 0.05
    assert choose_confidence([big, small], z=0.0) == 0.61  # pooled, 0.05 would do (109 of 124)


@pytest.mark.parametrize(
    "right, n, z, expected",
    [
        (8, 10, 0.0, 0.8),  # no bound: the share
        (8, 10, 1.28, 0.6019),  # few facts: far under the share
        (80, 100, 1.28, 0.7441),
        (800, 1000, 1.28, 0.7833),  # many: near it
        (10, 10, 1.28, 0.8592),  # all right, still not certain
        (0, 0, 1.28, 0.0),  # no facts say nothing
    ],
)
def test_the_lower_bound_of_a_share_narrows_with_more_facts(right, n, z, expected):
    assert lower_bound(right, n, z) == pytest.approx(expected, abs=1e-4)


@pytest.mark.parametrize(
    "z, expected",
    [
        # from 0.6 up, 170 right of 210 (0.81): enough as a share, not with its noise (0.77
        # at 1.28); from 0.7 up, 100 of 110 (0.868 at 1.28, 0.812 at 2.6)
        (0.0, 0.05),
        (1.28, 0.61),
        (2.6, 0.61),
        # too strict a bound: even the 10 facts at 0.95, all right, do not reach it
        (4.0, 0.99),
    ],
)
def test_the_threshold_needs_the_share_less_its_noise(z, expected):
    rows = [(0.6, k % 10 < 7) for k in range(100)] + [(0.7, k % 10 != 0) for k in range(100)]
    rows += [(0.95, True)] * 10
    assert choose_confidence([_report(rows)], z=z) == expected


def test_each_document_is_held_out_by_exactly_one_fold():
    for n in (3, 5):
        for i in range(23):
            assert sum(in_fold(i, (k, n)) for k in range(n)) == 1


def test_the_folds_of_a_part_make_one_report():
    a = _report([(0.9, True), (0.7, False)])
    b = replace(_report([(0.3, True)]), relations=Counts(1, 0, 2))
    part = merged("part", [a, b])
    assert part.name == "part" and len(part.scored) == 3
    assert part.relations == Counts(2, 0, 2)
    # recall at a threshold counts the gold facts of every fold
    assert part.asserted(0.5) == Counts(1, 1, 3)


def test_a_weighted_fact_counts_as_that_many():
    weighted = isotonic([(0.2, False, 2.0), (0.5, True, 3.0), (0.5, False, 1.0)])
    repeated = isotonic([(0.2, False)] * 2 + [(0.5, True)] * 3 + [(0.5, False)])
    assert weighted == repeated
    assert weighted != isotonic([(0.2, False), (0.5, True), (0.5, False)])


def _facts(rows: list[tuple[float, bool, str, str]]) -> Report:
    """A report of (confidence, right, source, predicate) facts."""
    scored = [(c, ok, "P1", src, pred) for c, ok, src, pred in rows]
    return Report("r", 1, 1, 1.0, Counts(), {}, Counts(), {}, Counts(), scored=scored)


@pytest.mark.parametrize(
    "rows, src, predicate, expected",
    [
        # a family of many facts: its map is what its facts measure, not its own number
        ([(0.8, k % 4 == 0, "prep", "founded_by") for k in range(60)], "prep", "founded_by", 0.258),
        # many facts of one predicate: their own table
        (
            [(0.8, k % 4 != 0, "prep", "employer") for k in range(60)]
            + [(0.8, False, "prep", "spouse")] * 10,
            "prep",
            "employer",
            0.742,
        ),
        # ... and for a predicate of few facts the family's map (45 right of 70: 0.639) worth 20
        # facts, moved by its own 10, none right: (0 + 20 x 0.639) / 30
        (
            [(0.8, k % 4 != 0, "prep", "employer") for k in range(60)]
            + [(0.8, False, "prep", "spouse")] * 10,
            "prep",
            "spouse",
            0.426,
        ),
        # a predicate the family never read takes the family's map
        (
            [(0.8, k % 4 != 0, "prep", "employer") for k in range(60)]
            + [(0.8, False, "prep", "spouse")] * 10,
            "prep",
            "educated_at",
            0.639,
        ),
        # a family of few facts: its own number worth 20 facts, moved by the 10 it read (2 right)
        ([(0.8, k < 2, "x-based", "headquarters_location") for k in range(10)], "x-based", "", 0.6),
        # a post held is text, which the gold cannot judge: such facts do not count
        (
            [(0.8, True, "prep", "employer")] * 10 + [(0.8, False, "prep", "position_held")] * 50,
            "prep",
            "position_held",
            0.867,
        ),
    ],
)
def test_a_rule_family_is_calibrated_by_its_measured_facts(rows, src, predicate, expected):
    cal = fit_calibration([_facts(rows)])
    assert cal(src, 0.8, predicate) == expected


@pytest.mark.parametrize(
    "points, expected",
    [
        # one confidence, right one time in four: the tie is one block (Laplace: 16 of 62)
        ([(0.8, k % 4 == 0) for k in range(60)], ([0.8], [0.2581])),
        # ties pooled before the monotone fit: 0.5 right 1 of 3, 0.9 right 2 of 2
        (
            [(0.5, True), (0.5, False), (0.5, False), (0.9, True), (0.9, True)],
            ([0.5, 0.9], [0.4, 0.75]),
        ),
    ],
)
def test_isotonic_pools_facts_of_one_confidence(points, expected):
    assert isotonic(points) == expected


_TWO_PREDICATES = [(0.8, k % 4 != 0, "model", "employer") for k in range(60)] + [
    (0.8, k % 4 == 0, "model", "spouse") for k in range(60)
]


@pytest.mark.parametrize(
    "rows, src, predicate, expected",
    [
        # the model's facts of two predicates, 45 and 15 right of 60: one map for the source,
        # 60 right of 120 with Laplace (61 / 122), whatever the predicate
        (_TWO_PREDICATES, "model", "employer", 0.5),
        (_TWO_PREDICATES, "model", "spouse", 0.5),
        # a rule family's facts of the same counts keep a map per predicate
        ([(c, ok, "prep", p) for c, ok, _, p in _TWO_PREDICATES], "prep", "employer", 0.742),
        ([(c, ok, "prep", p) for c, ok, _, p in _TWO_PREDICATES], "prep", "spouse", 0.258),
        # the verb rules' too, each shrunk toward the family's 61 of 122 by SHRINK_PRIOR (5)
        # facts: (45 + 2.5) / 65 and (15 + 2.5) / 65
        ([(c, ok, "verb", p) for c, ok, _, p in _TWO_PREDICATES], "verb", "employer", 0.731),
        ([(c, ok, "verb", p) for c, ok, _, p in _TWO_PREDICATES], "verb", "spouse", 0.269),
        # and the role rules' ("chairman of"), calibrated per rule as the verb rules are
        ([(c, ok, "role", p) for c, ok, _, p in _TWO_PREDICATES], "role", "employer", 0.731),
        ([(c, ok, "role", p) for c, ok, _, p in _TWO_PREDICATES], "role", "spouse", 0.269),
    ],
)
def test_the_model_has_one_map_per_source(rows, src, predicate, expected):
    cal = fit_calibration([_facts(rows)])
    assert cal(src, 0.8, predicate) == expected


def _fold_data(right: tuple[bool, bool]) -> dict:
    """One Re-DocRED-like part of six documents: each names a pair the model reads at 0.35
    ("x") and one it reads at 0.12 ("y"); ``right`` says whether each is an employer fact."""
    exs = [
        Example([f], frozenset({"P108"}) if ok else frozenset(), "docred", doc)
        for doc in range(6)
        for f, ok in zip(("x", "y"), right, strict=True)
    ]
    total = sum(len(e.gold) for e in exs)
    return {"docred-train": Part(exs, total, None, [], None)}


@pytest.mark.parametrize(
    "right, expected",
    [
        # only the pairs read at 0.35 are right: the threshold keeps them, not those at 0.12
        ((True, False), 0.15),
        # both are right: the lowest threshold keeps both
        ((True, True), 0.05),
    ],
)
def test_thresholds_are_chosen_on_the_pairs_read_out_of_fold(right, expected):
    logit = {"x": np.log(0.35 / 0.65), "y": np.log(0.12 / 0.88)}
    weights = np.array([[0.0, logit["x"]], [0.0, logit["y"]], [0.0, 0.0]], dtype=np.float32)
    model = RelationModel({"x": 0, "y": 1}, weights, (NONE, "P108"), np.ones(2, np.float32))
    thr = fold_thresholds(_fold_data(right), (NONE, "P108"), [model, model, model])
    assert thr[1] == pytest.approx(expected)


@pytest.mark.parametrize(
    "readings, expected",
    [
        ((("model", 0.4), ("verb:found", 0.8)), {"verb": 0.8}),
        # a family's highest reading; each family of several
        (
            (("verb:found", 0.6), ("verb:hire", 0.75), ("role:wife", 0.5)),
            {"verb": 0.75, "role": 0.5},
        ),
        ((("inverse of spouse", 0.7),), {}),  # inference is no rule family
        ((("model:across", 0.3),), {}),
    ],
)
def test_the_rule_families_of_a_fact(readings, expected):
    assert family_readings(readings) == expected


_BOTH = (("model", 0.4), ("verb:found", 0.8))
# a verb rule's facts: 40 the model read too, 30 of them right; 40 it read alone, 10 right
_VERB_FACTS = [(0.88, k % 4 != 0, "P1", "model+rules", "founded_by", _BOTH) for k in range(40)] + [
    (0.8, k % 4 == 0, "P1", "verb", "founded_by", (("verb:found", 0.8),)) for k in range(40)
]


@pytest.mark.parametrize(
    "with_model, expected",
    [
        (True, 0.5),  # every fact it read: 40 right of 80 (41 / 82)
        (False, 0.262),  # those it read alone: 10 of 40 (11 / 42)
    ],
)
def test_a_rule_family_is_measured_on_every_fact_it_read(monkeypatch, with_model, expected):
    monkeypatch.setattr(calibrate, "FAMILIES_WITH_MODEL", with_model)
    monkeypatch.setattr(calibrate, "PER_RULE_FAMILIES", ())  # one map for the verb rules
    cal = fit_calibration(
        [Report("r", 1, 1, 1.0, Counts(), {}, Counts(), {}, Counts(), scored=_VERB_FACTS)]
    )
    assert cal("verb", 0.8, "founded_by") == expected


def test_out_of_fold_facts_are_calibrated_from_their_readings():
    cal = Calibration({"model+rules": ([0.0, 1.0], [0.0, 0.5]), "verb": ([0.0, 1.0], [0.0, 0.9])})
    rep = Report("r", 1, 1, 1.0, Counts(), {}, Counts(), {}, Counts(), scored=_VERB_FACTS[:1])
    # the verb's 0.8 alone (0.72) is worth more than the model+rules map's 0.44
    assert recalibrated(rep, cal).scored[0][0] == 0.72
    # a fact without readings (an older facts file) by its source alone
    rep = replace(rep, scored=[_VERB_FACTS[0][:5]])
    assert recalibrated(rep, cal).scored[0][0] == 0.44


@pytest.mark.parametrize(
    "tied, size, expected",
    [
        # confidence -> [weight right, weight, facts]: bins of 3 or more, at their facts' mean
        (
            {0.1: [1, 2, 2], 0.2: [0, 1, 1], 0.3: [3, 3, 3], 0.5: [1, 4, 4], 0.9: [1, 1, 1]},
            3,
            {0.1333: [1, 3, 3], 0.3: [3, 3, 3], 0.58: [2, 5, 5]},  # the last one joins 0.5
        ),
        ({0.1: [1, 2, 2]}, 3, {0.1: [1, 2, 2]}),  # too few for one bin: one all the same
        ({0.1: [1, 2, 2], 0.2: [1, 1, 1]}, 0, {0.1: [1, 2, 2], 0.2: [1, 1, 1]}),  # no bins
        ({0.4: [10, 10, 10], 0.6: [0, 1, 1]}, 3, {0.4182: [10, 11, 11]}),  # a tie of 10 is one bin
    ],
)
def test_neighbouring_confidences_are_binned(tied, size, expected):
    assert binned(tied, size) == expected


def test_a_map_of_bins_rests_on_their_facts():
    # four facts one by one: 0, 1, 0, 1 right (Laplace 1/3 and 2/3 pooled to 1/2); in bins of
    # two, each bin one right of two
    points = [(0.1, False), (0.2, True), (0.3, False), (0.4, True)]
    assert isotonic(points, 2) == ([0.15, 0.35], [0.5, 0.5])


@pytest.mark.parametrize(
    "xs, ys, parts, expected",
    [
        # "X of Y" as a head office: right 17 of 17 in one part, 0 of 16 in the other
        ([0.55], [0.8], [[(0.55, True)] * 17, [(0.55, False)] * 16], [0.0556]),
        # a part of too few facts (4) does not count
        ([0.55], [0.8], [[(0.55, True)] * 17, [(0.55, False)] * 4], [0.8]),
        # under a part's map, kept monotone: 0.8 wrong 6 times where 0.5 was right 6 times
        ([0.5, 0.8], [0.5, 0.8], [[(0.5, True)] * 6 + [(0.8, False)] * 6, []], [0.5, 0.5]),
    ],
)
def test_a_rule_family_is_held_to_each_parts_measure(xs, ys, parts, expected):
    assert each_part(xs, ys, parts) == (xs, expected)


def test_the_log_counts_each_familys_facts_alone_and_with_the_model(capsys):
    alone = [(0.8, k < 1, "P1", "verb", "founded_by", (("verb:found", 0.8),)) for k in range(3)]
    both = [(0.9, True, "P1", "model+rules", "founded_by", _BOTH)] * 2
    held = (0.8, True, "P1", "role", "position_held", (("role:director", 0.8),))  # not judged
    rep = Report("part", 1, 1, 1.0, Counts(), {}, Counts(), {}, Counts(), scored=alone + both)
    calibrate.print_families([rep, replace(rep, name="other", scored=[held])])
    assert capsys.readouterr().out == (
        "  rule family verb out of fold: part alone 1 of 3, with the model 2 of 2; "
        "other alone 0 of 0, with the model 0 of 0\n"
    )


# (the premise's confidence, the inverse's, the inverse's after): an inverse says what its
# premise says, so it is worth no more; a surer premise leaves it as its own map put it
INVERSES = [(0.38, 0.71, 0.38), (0.9, 0.71, 0.71), (None, 0.71, 0.71)]


@pytest.mark.parametrize("premise, inverse, expected", INVERSES)
def test_an_inverse_is_no_surer_than_its_premise(premise, inverse, expected):
    from kg.resolve.calibration import no_surer_than_premise

    meta, lab = Entity("meta", "Meta", "Organization"), Entity("lab", "TBD Lab", "Organization")
    ev = Evidence("d", "Meta established TBD Lab.", 0, 25, (0, 4), (17, 24), rule="verb:establish")
    inv = replace(ev, rule="inverse of parent_organization")
    facts = [Relation(meta, "subsidiary", lab, "P355", inverse, (inv,))]
    if premise is not None:
        facts.append(Relation(lab, "parent_organization", meta, "P749", premise, (ev,)))
    got = no_surer_than_premise(facts)
    assert got[0].confidence == expected
    assert got[1:] == facts[1:]


def test_an_inverse_read_on_its_own_too_keeps_its_confidence():
    from kg.resolve.calibration import no_surer_than_premise

    meta, lab = Entity("meta", "Meta", "Organization"), Entity("lab", "TBD Lab", "Organization")
    ev = Evidence("d", "TBD Lab, a unit of Meta", 0, 23, (0, 7), (19, 23), rule="verb:establish")
    own = replace(ev, rule="appos:unit")
    inv = replace(ev, rule="inverse of parent_organization")
    facts = [
        Relation(meta, "subsidiary", lab, "P355", 0.8, (inv, own)),
        Relation(lab, "parent_organization", meta, "P749", 0.4, (ev,)),
    ]
    assert no_surer_than_premise(facts)[0].confidence == 0.8


@pytest.mark.parametrize(
    "weight, strength, expected",
    [
        # no prior: the predicate's own map
        (60.0, 0.0, [0.2, 0.6, 0.8]),
        # a prior as heavy as the facts: halfway to the map over every predicate (0.5 flat)
        (60.0, 60.0, [0.35, 0.55, 0.65]),
        # few facts: about the parent's map
        (1.0, 99.0, [0.497, 0.501, 0.503]),
    ],
)
def test_a_predicates_map_is_shrunk_toward_its_sources(weight, strength, expected):
    own = ([0.2, 0.5, 0.8], [0.2, 0.6, 0.8])
    xs, ys = blended(own, weight, ([0.2, 0.8], [0.5, 0.5]), strength)
    assert xs == [0.2, 0.5, 0.8]
    assert ys == pytest.approx(expected, abs=1e-3)


def test_the_models_map_per_predicate_is_shrunk_toward_its_map_over_all(monkeypatch):
    # 45 and 15 right of 60: own maps 46 / 62 and 16 / 62, the source's 61 / 122; a prior of
    # 60 facts takes each halfway
    monkeypatch.setattr(calibrate, "MODEL_PREDICATE_PRIOR", 60)
    cal = fit_calibration([_facts(_TWO_PREDICATES)])
    assert cal("model", 0.8, "employer") == pytest.approx((46 / 62 + 61 / 122) / 2, abs=1e-3)
    assert cal("model", 0.8, "spouse") == pytest.approx((16 / 62 + 61 / 122) / 2, abs=1e-3)


@pytest.mark.parametrize(
    "sizes, shares, expected",
    [
        # each part its share, all facts together as many as they are
        ((100, 300), (0.5, 0.5), [2.0, 2 / 3]),
        ((100, 300), (0.75, 0.25), [3.0, 1 / 3]),
        # shares of another number of parts: each part the same
        ((100, 300, 200), (0.75, 0.25), [2.0, 2 / 3, 1.0]),
    ],
)
def test_each_part_weighs_its_share(sizes, shares, expected):
    reports = [_facts([(0.5, True, "model", "employer")] * n) for n in sizes]
    assert calibrate.part_weights(reports, shares) == pytest.approx(expected)


def _word_facts(word_fact: float | None, copy: float, link: float = 0.94) -> list[Relation]:
    """A town in a nationality word, the word's link to its country, and inference's copy of
    the town's fact to the country, at these confidences (no word's fact where None)."""
    town, word = Entity("t", "Norvik", "Place"), Entity("w", "Danish", "Place")
    land = Entity("c", "Denmark", "Place")
    ev = Evidence("d", "the Danish town of Norvik", 0, 25, (19, 25), (4, 10), rule="described-in")
    copied = replace(ev, rule="country + demonym_of")
    facts = [
        Relation(town, "country", land, "P17", copy, (copied,)),
        Relation(word, "demonym_of", land, None, link, (replace(ev, rule="places table"),)),
    ]
    if word_fact is not None:
        facts.append(Relation(town, "country", word, "P17", word_fact, (ev,)))
    return facts


# (the word's fact, the copy's, its link's, the copy's after): the copy says what the word's
# fact says, so it is worth that, up to the link's worth; a weaker word's fact leaves it be
WORD_COPIES = [
    (0.83, 0.56, 0.94, 0.83),
    (0.83, 0.56, 0.7, 0.7),
    (0.4, 0.56, 0.94, 0.56),
    (None, 0.56, 0.94, 0.56),
]


@pytest.mark.parametrize("word_fact, copy, link, expected", WORD_COPIES)
def test_a_countrys_copy_of_its_words_fact_is_worth_the_words(word_fact, copy, link, expected):
    from kg.resolve.calibration import as_sure_as_word

    facts = _word_facts(word_fact, copy, link)
    got = as_sure_as_word(facts)
    assert got[0].confidence == expected
    assert got[1:] == facts[1:]


def test_a_word_heads_its_country_as_surely_as_the_word_is_read_to():
    from kg.resolve.calibration import as_sure_as_word

    word, land = Entity("w", "French", "Place"), Entity("c", "France", "Place")
    head = Entity("p", "Paul Roux", "Person")
    ev = Evidence("d", "French President Paul Roux", 0, 26, (0, 6), (17, 26), rule="office")
    copied = replace(ev, rule="head_of_state + demonym_of")
    facts = [
        Relation(land, "head_of_state", head, "P35", 0.5, (copied,)),
        Relation(word, "head_of_state", head, "P35", 0.8, (ev,)),
        Relation(word, "demonym_of", land, None, 0.94, (replace(ev, rule="places table"),)),
    ]
    assert as_sure_as_word(facts)[0].confidence == 0.8


def test_a_copy_read_on_its_own_too_or_another_inference_keeps_its_confidence():
    from kg.resolve.calibration import as_sure_as_word

    facts = _word_facts(0.83, 0.56)
    own = replace(facts[0].evidence[0], rule="model")
    chained = replace(facts[0].evidence[0], rule="located_in + country")
    for evidence in ((facts[0].evidence[0], own), (chained,)):
        changed = [replace(facts[0], evidence=evidence), *facts[1:]]
        assert as_sure_as_word(changed)[0].confidence == 0.56
