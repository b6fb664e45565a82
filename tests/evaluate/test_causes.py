"""Missed gold facts, each put down to one cause (kg.evaluate.causes)."""

from kg import evaluate as ev
from kg.model import Entity, Mention, Relation


def entity(name, etype, start, *aliases):
    mention = Mention("d", start, start + len(name), name)
    return Entity(name.lower().replace(" ", "-"), name, etype, aliases, (mention,))


TEXT = (
    "Ann Lee of Acme in Oslo met Bo Ray of the Zed Fund; "
    "the Ode Prize went to Eve Moss in 1990, then 1991."
)


def gold_doc():
    def g(name, kind, typ=None, literal=False):
        start = TEXT.index(name)
        return ev.GoldEntity((name,), typ, literal, ((start, start + len(name)),), kind)

    ents = (
        g("Ann Lee", "PER", "Person"),  # 0
        g("Acme", "ORG", "Organization"),  # 1
        g("Oslo", "LOC", "Place"),  # 2
        g("Bo Ray", "PER", "Person"),  # 3
        g("Zed Fund", "ORG", "Organization"),  # 4
        g("Ode Prize", "MISC"),  # 5
        g("Eve Moss", "PER", "Person"),  # 6
        g("1990", "TIME", literal=True),  # 7
        g("1991", "TIME", literal=True),  # 8
    )
    facts = [
        (0, 1, "P108"),  # read: no cause
        (1, 2, "P159"),  # read as another property: other-predicate
        (0, 2, "P551"),  # both found, nothing read: no-fact
        (3, 4, "P108"),  # "Zed Fund" read as "Zed": missing-span
        (6, 5, "P166"),  # the prize not read at all: missing-none
        (6, 7, "P569"),  # Eve Moss merged into Ann Lee's entity: elsewhere
        (3, 8, "P569"),  # a date no fact has: missing-date
    ]
    rels = tuple(ev.GoldRelation(h, t, (p,), p) for h, t, p in facts)
    return ev.GoldDoc("d", TEXT, ents, rels)


def test_each_missed_fact_gets_its_cause():
    g = gold_doc()
    ann = entity("Ann Lee", "Person", 0, "Eve Moss")  # wrongly one with Eve Moss
    acme = entity("Acme", "Organization", 11)
    oslo = entity("Oslo", "Place", 19)
    bo = entity("Bo Ray", "Person", 28)
    zed = entity("Zed", "Organization", TEXT.index("Zed"))
    ents = [ann, acme, oslo, bo, zed]
    rels = [
        Relation(ann, "employer", acme, "P108", 0.9),
        Relation(acme, "country", oslo, "P17", 0.9),
        Relation(bo, "employer", zed, "P108", 0.9),
        Relation(ann, "date_of_birth", "1990", "P569", 0.4),
    ]
    gold = ev.GoldSet("t", "docred", (g,))
    hit: set[int] = set()
    ev.score_doc(gold, g, ents, rels, hit=hit)
    counts, missed = ev.fn_causes(g, ev.Matcher(g), ents, rels, hit)
    assert hit == {0}
    assert [m.cause for m in missed] == [
        "other-predicate",
        "no-fact",
        "missing-span",
        "missing-none",
        "elsewhere",
        "missing-date",
    ]
    assert (counts["kind ORG"], counts["kind MISC"], counts["kind PER"]) == (1, 1, 0)
    assert "'Zed Fund' ~ 'Zed'" in missed[2].note
    table = ev.causes_table(counts, missed, examples=1)
    assert "missed gold facts by cause: 6" in table
    assert "missing arguments by gold kind: " in table


def test_readers_keep_the_datasets_own_kinds(tmp_path):
    conll = [
        {
            "tokens": ["Ann", "Lee", "read", "Ode"],
            "entities": [
                {"type": "Peop", "start": 0, "end": 2},
                {"type": "Other", "start": 3, "end": 4},
            ],
            "relations": [],
        }
    ]
    path = tmp_path / "c.json"
    path.write_text(__import__("json").dumps(conll))
    kinds = [e.kind for e in ev.read_conll04(path).docs[0].entities]
    assert kinds == ["PER", "MISC"]
