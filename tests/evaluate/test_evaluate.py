"""Evaluation: the gold readers, the matching and counting, and a slice of the benchmark data."""

import json

import pytest

from kg import evaluate as ev
from kg.errors import FormatError, InputError
from kg.model import Entity, Mention, Relation


def entity(name, etype, *aliases):
    return Entity(name.lower().replace(" ", "-"), name, etype, aliases, (Mention("d", 0, 1, name),))


def gold_doc():
    return ev.GoldDoc(
        "d",
        "text",
        (
            ev.GoldEntity(("Jane Doe", "Doe"), "Person"),
            ev.GoldEntity(("Acme Corp",), "Organization"),
            ev.GoldEntity(("Boston",), "Place"),
            ev.GoldEntity(("1998",), None, literal=True),
        ),
        (
            ev.GoldRelation(0, 1, ("P108",), "P108"),
            ev.GoldRelation(1, 2, ("P159",), "P159"),
            ev.GoldRelation(1, 3, ("P571",), "P571"),
        ),
    )


def test_scoring_counts_matches_by_any_name_and_literal_dates():
    gold = ev.GoldSet("t", "jsonl", (gold_doc(),))
    jane = entity("Doe", "Person")  # matches by an alias of the gold entity
    acme = entity("Acme", "Organization", "Acme Corp.")
    paris = entity("Paris", "Place")
    rels = [
        Relation(jane, "employer", acme, "P108", 0.9),  # right
        Relation(acme, "headquarters_location", paris, "P159", 0.9),  # wrong place
        Relation(acme, "inception", "1998", "P571", 0.9),  # right literal
    ]
    types, labels, covered = ev.score_doc(gold, gold.docs[0], [jane, acme, paris], rels)
    assert (types["Person"].tp, types["Organization"].tp, types["Place"].fp) == (1, 1, 1)
    assert types["Place"].fn == 1
    assert (labels["P108"].tp, labels["P571"].tp) == (1, 1)
    assert (labels["P159"].tp, labels["P159"].fp, labels["P159"].fn) == (0, 1, 1)
    assert (covered.tp, covered.fp, covered.fn) == (2, 1, 1)


def test_mention_clustering_counts_pairs_of_found_mentions():
    # "Jane Doe met Doe and Acme. Acme hired Doe." with gold spans; kg joins the second Doe
    # to Acme by mistake, leaves the first apart, and finds a name the gold lacks
    text = "Jane Doe met Doe and Acme. Acme hired Doe."
    gold = ev.GoldDoc(
        "d",
        text,
        (
            ev.GoldEntity(("Jane Doe", "Doe"), "Person", spans=((0, 8), (13, 16), (38, 41))),
            ev.GoldEntity(("Acme",), "Organization", spans=((21, 25), (27, 31))),
        ),
        (),
    )
    jane = Entity("jane", "Jane Doe", "Person", (), (Mention("d", 0, 8, "Jane Doe"),))
    doe = Entity("doe", "Doe", "Person", (), (Mention("d", 13, 16, "Doe"),))
    acme = Entity(
        "acme",
        "Acme",
        "Organization",
        (),
        (Mention("d", 21, 25, "Acme"), Mention("d", 27, 31, "Acme"), Mention("d", 38, 41, "Doe")),
    )
    extra = Entity("met", "Met", "Other", (), (Mention("d", 9, 12, "met"),))
    c = ev.score_clusters(gold, [jane, doe, acme, extra])
    # gold pairs: 3 of Jane Doe's mentions, 1 of Acme's; kg's: 3 in acme, of which 1 right
    assert (c.tp, c.fp, c.fn) == (1, 2, 3)


def test_a_place_qualified_by_its_state_is_named_by_the_town():
    g = ev.GoldDoc(
        "d",
        "text",
        (
            ev.GoldEntity(("Salisbury , N.C",), "Place"),
            ev.GoldEntity(("Jones , Smith",), "Person"),  # only a place gets the short name
            ev.GoldEntity(("March 3, 1971",), None, literal=True),
        ),
        (),
    )
    match = ev.Matcher(g)
    assert match.entity(entity("Salisbury", "Place")) == 0
    assert match.entity(entity("Salisbury, N.C.", "Place")) == 0
    assert match.entity(entity("Jones", "Person")) is None
    assert match.entities(entity("Salisbury", "Person"), typed=True) == set()
    assert match.value("1971-03-03") == 2 and match.value("1971") is None


@pytest.mark.parametrize(
    "town, state, judged",
    [
        ("North Bend", "Ohio", False),  # the town and state of one gold place: not judged
        ("Ohio", "North Bend", False),  # read either way round
        ("North Bend", "Kentucky", True),  # another state: a wrong fact
    ],
)
def test_a_fact_between_a_town_and_its_own_state_is_not_judged(town, state, judged):
    g = ev.GoldDoc("d", "text", (ev.GoldEntity(("North Bend , Ohio",), "Place"),), ())
    gold = ev.GoldSet("t", "conll04", (g,))
    a, b = entity(town, "Place"), entity(state, "Place")
    _, labels, _ = ev.score_doc(gold, g, [a, b], [Relation(a, "located_in", b, "P131", 0.9)])
    assert sum(c.fp for c in labels.values()) == int(judged)


def test_errors_and_asserted_counts_follow_the_threshold():
    gold = ev.GoldSet("t", "jsonl", (gold_doc(),))
    jane, acme = entity("Jane Doe", "Person"), entity("Acme Corp", "Organization")
    paris = entity("Paris", "Place")
    rels = [
        Relation(jane, "employer", acme, "P108", 0.9),  # right, asserted
        Relation(acme, "headquarters_location", paris, "P159", 0.9),  # wrong, asserted
        Relation(acme, "inception", "1998", "P571", 0.3),  # right, a candidate
    ]
    scored, errors = [], []
    ev.score_doc(gold, gold.docs[0], [jane, acme, paris], rels, scored, errors, 0.5)
    kinds = sorted((e.kind, e.label, e.subject, e.object, e.confidence) for e in errors)
    assert kinds == [
        ("false negative", "P159", "Acme Corp", "Boston", None),
        ("false negative", "P571", "Acme Corp", "1998", 0.3),  # read, but below the threshold
        ("false positive", "P159", "Acme Corp", "Paris", 0.9),
    ]
    report = ev.Report(
        "t", 1, 1, 1.0, ev.Counts(), {}, ev.Counts(2, 1, 1), {}, ev.Counts(), scored=scored
    )
    assert (report.asserted(0.5).tp, report.asserted(0.5).fp, report.asserted(0.5).fn) == (1, 1, 2)
    assert (report.asserted(0.2).tp, report.asserted(0.2).fp) == (2, 1)
    table = ev.error_table(errors)
    assert "== P159: 2 errors" in table and "false positives, rule ?" in table
    assert "read as a candidate at 0.30" in table


def test_counts_give_precision_recall_f1():
    c = ev.Counts(tp=3, fp=1, fn=3)
    assert (c.precision, c.recall) == (0.75, 0.5)
    assert c.f1 == pytest.approx(0.6)
    assert ev.Counts().f1 == 0.0


def test_conll04_kill_is_killed_by_reversed(tmp_path):
    data = [
        {
            "tokens": ["Ann", "Lee", "shot", "Bo", "Ray", "in", "Ohio", "."],
            "entities": [
                {"type": "Peop", "start": 0, "end": 2},
                {"type": "Peop", "start": 3, "end": 5},
                {"type": "Loc", "start": 6, "end": 7},
            ],
            "relations": [{"type": "Kill", "head": 0, "tail": 1}],
        }
    ]
    path = tmp_path / "mini.json"
    path.write_text(json.dumps(data))
    gold = ev.read_gold(path)
    assert gold.format == "conll04"
    doc = gold.docs[0]
    assert doc.text == "Ann Lee shot Bo Ray in Ohio ."
    assert [e.names for e in doc.entities] == [("Ann Lee",), ("Bo Ray",), ("Ohio",)]
    (r,) = doc.relations
    assert (r.head, r.tail, r.props, r.label) == (1, 0, ("P157",), "Kill")
    # the label space is every property a CoNLL04 label accepts, and nothing else
    assert gold.space == {"P108", "P159", "P17", "P131", "P551", "P706", "P157"}


def test_docred_offsets_follow_the_joined_tokens(tmp_path):
    data = [
        {
            "title": "t",
            "sents": [["Ann", "Lee", "was", "born", "in", "Oslo", "."], ["She", "left", "."]],
            "vertexSet": [
                [{"name": "Ann Lee", "type": "PER", "sent_id": 0, "pos": [0, 2]}],
                [{"name": "Oslo", "type": "LOC", "sent_id": 0, "pos": [5, 6]}],
            ],
            "labels": [{"h": 0, "t": 1, "r": "P19", "evidence": [0]}],
        }
    ]
    path = tmp_path / "mini.json"
    path.write_text(json.dumps(data))
    gold = ev.read_gold(path)
    doc = gold.docs[0]
    assert doc.text == "Ann Lee was born in Oslo . She left ."
    assert [doc.text[a:b] for a, b in doc.entities[1].spans] == ["Oslo"]
    assert doc.entities[0].type == "Person" and doc.relations[0].props == ("P19",)


def test_jsonl_gold_end_to_end(tmp_path, pipeline):
    line = {
        "id": "a",
        "text": "Acme Corp was founded by Jane Doe in 1998. Jane Doe lives in Denver.",
        "entities": [
            {"name": "Acme Corp", "type": "Organization"},
            {"name": "Jane Doe", "type": "Person", "aliases": ["Doe"]},
            {"name": "Denver", "type": "Place"},
        ],
        "relations": [
            {"subject": "Acme Corp", "predicate": "founded_by", "object": "Jane Doe"},
            {"subject": "Acme Corp", "predicate": "P571", "object": "1998"},
            {"subject": "Jane Doe", "predicate": "residence", "object": "Denver"},
        ],
    }
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(line) + "\n")
    report = ev.evaluate(ev.read_gold(path), pipeline)
    assert report.docs == 1 and report.words == 14
    assert (report.entities.tp, report.entities.fp, report.entities.fn) == (3, 0, 0)
    # every gold fact is found, each in the row of its property (founded_by is P112)
    assert (report.relations.tp, report.relations.fn) == (3, 0)
    assert [report.by_relation[p].tp for p in ("P112", "P571", "P551")] == [1, 1, 1]
    table = report.table().splitlines()
    assert table[0].startswith("gold: 1 documents, 14 words, ")
    assert table[1].split() == ["P", "R", "F1", "gold", "pred"]
    assert table[2] == "entities (typed)              100.0  100.0  100.0      3      3"
    names = "Organization Person Place relations relations".split()
    assert [line.split()[0] for line in table[3:8]] == names
    rows = {line.split()[0]: line.split()[1:] for line in table[8:]}
    for p in ("P112", "P571", "P551"):
        assert rows[p] == ["100.0", "100.0", "100.0", "1", "1"], table
    assert report.as_dict()["relations"]["tp"] == report.relations.tp
    assert report.as_dict()["entities"] == {
        "precision": 1.0, "recall": 1.0, "f1": 1.0, "tp": 3, "fp": 0, "fn": 0
    }  # fmt: skip


@pytest.mark.parametrize(
    "content, message",
    [
        ("{not json\n", "gold.jsonl:1: not valid JSON"),
        ('{"text": "x", "entities": [{"type": "Person"}]}\n', "gold.jsonl:1: a gold line needs"),
        (
            '{"text": "x", "relations": [{"subject": "a", "predicate": "boss", "object": "b"}]}\n',
            "unknown predicate 'boss'; valid predicates:",
        ),
    ],
)
def test_bad_gold_lines_name_the_file_and_line(tmp_path, content, message):
    path = tmp_path / "gold.jsonl"
    path.write_text(content)
    with pytest.raises(FormatError, match=message.replace("(", r"\(").replace("[", r"\[")):
        ev.read_gold(path)


def test_missing_gold_file_and_unknown_format(tmp_path):
    with pytest.raises(InputError, match="no such gold file"):
        ev.read_gold(tmp_path / "none.jsonl")
    path = tmp_path / "x.json"
    path.write_text("[{}]")
    with pytest.raises(FormatError, match="valid formats: docred, conll04, jsonl"):
        ev.read_gold(path)


def test_bench_slice(bench_dir, pipeline):
    """A few held-out documents of each benchmark, scored end to end."""
    conll = ev.read_gold(bench_dir / "conll04" / "test.json", docs=slice(0, 40))
    rep = ev.evaluate(conll, pipeline)
    assert (rep.docs, rep.words) == (40, 1055)
    gold_facts = sum(len(d.relations) for d in conll.docs)
    assert rep.relations.tp + rep.relations.fn == gold_facts
    assert rep.entities.f1 > 0.6 and rep.relations.tp > 0
    docred = ev.read_gold(bench_dir / "re-docred" / "dev_revised.json", docs=slice(400, 404))
    rep = ev.evaluate(docred, pipeline)
    assert rep.docs == 4 and rep.words == 783
    assert rep.relations.tp + rep.relations.fn == sum(len(d.relations) for d in docred.docs)
    assert rep.relations.tp > 0 and rep.words_per_second > 0


def _report(scored):
    return ev.Report("t", 1, 1, 1.0, ev.Counts(), {}, ev.Counts(), {}, ev.Counts(), scored=scored)


def test_chance_ece_is_what_exactly_right_confidences_show_by_chance():
    import random

    rng = random.Random(7)
    confidences = [rng.uniform(0.2, 0.95) for _ in range(300)]
    chance = _report([(c, False, "", "model", "") for c in confidences]).chance_ece()
    # facts drawn right with exactly their confidence: their ECE is noise alone
    draws = [
        _report([(c, rng.random() < c, "", "model", "") for c in confidences]).reliability()[1]
        for _ in range(300)
    ]
    assert sum(draws) / len(draws) == pytest.approx(chance, rel=0.1)
    # four times the facts, half the noise; sure facts (0 or 1) have none
    assert _report(
        [(c, False, "", "model", "") for c in confidences * 4]
    ).chance_ece() == pytest.approx(chance / 2, rel=1e-6)
    assert _report([(1.0, True, "", "model", ""), (0.0, False, "", "m", "")]).chance_ece() == 0
    assert _report([]).chance_ece() == 0
