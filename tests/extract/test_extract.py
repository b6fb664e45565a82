"""Each relation rule, as (text, expected triples) tables, plus entity typing and junk filters."""

import pytest

import kg


def triples(g: kg.KnowledgeGraph) -> set[tuple[str, str, str]]:
    return {
        (
            r.subject.name,
            r.predicate,
            r.object.name if isinstance(r.object, kg.Entity) else str(r.object),
        )
        for r in g.relations
    }


RULES = [
    # appositions and copulas with role nouns
    (
        "Tim Cook, the chief executive of Apple, spoke on Monday.",
        {
            ("Apple", "chief_executive_officer", "Tim Cook"),
            ("Tim Cook", "employer", "Apple"),
            ("Tim Cook", "position_held", "chief executive officer"),
        },
    ),
    (
        "Sundar Pichai is the CEO of Google.",
        {
            ("Google", "chief_executive_officer", "Sundar Pichai"),
            ("Sundar Pichai", "employer", "Google"),
            ("Sundar Pichai", "position_held", "chief executive officer"),
        },
    ),
    (
        "Jane Porter is the founder of Brightline Robotics.",
        {("Brightline Robotics", "founded_by", "Jane Porter")},
    ),
    (
        "Maria Lopez, a spokeswoman for Vantage Bank, declined to comment.",
        {("Maria Lopez", "employer", "Vantage Bank")},
    ),
    # verbs, active and passive, with dates as literals
    (
        "Acme Corp was founded by Jane Doe in 1998.",
        {("Acme Corp", "founded_by", "Jane Doe"), ("Acme Corp", "inception", "1998")},
    ),
    ("Boeing hired Ellen Marsh last year.", {("Ellen Marsh", "employer", "Boeing")}),
    (
        "Globex acquired Initech in a deal worth $2 billion.",
        {("Initech", "owned_by", "Globex"), ("Globex", "owner_of", "Initech")},
    ),
    ("Peter Hall works for Siemens.", {("Peter Hall", "employer", "Siemens")}),
    (
        "Anna Berg was born in Oslo on March 3, 1971.",
        {("Anna Berg", "place_of_birth", "Oslo"), ("Anna Berg", "date_of_birth", "1971-03-03")},
    ),
    (
        "Samsung unveiled the Galaxy Fold at an event in Seoul.",
        {("Galaxy Fold", "developer", "Samsung")},
    ),
    ("Tom Reed lives in Denver.", {("Tom Reed", "residence", "Denver")}),
    # "X-based" and places
    (
        "Orbital, a Houston-based startup, raised new funds.",
        {("Orbital", "headquarters_location", "Houston")},
    ),
    (
        "Stanford University is in Palo Alto, California.",
        {("Palo Alto", "located_in", "California")},
    ),
    # possessives
    ("Google's Android dominates the market.", {("Android", "developer", "Google")}),
    # relative clauses
    (
        "The award went to Lisa Chan, who leads Helix Labs.",
        {("Helix Labs", "director_manager", "Lisa Chan")},
    ),
    # "X of Y": a person of an organization works there
    (
        "Karen Holt of Redwood Capital said the fund would grow.",
        {("Karen Holt", "employer", "Redwood Capital")},
    ),
    # passives with an agent, and dates of death
    (
        "Vela Robotics was acquired by Siemens in 2019.",
        {("Vela Robotics", "owned_by", "Siemens"), ("Siemens", "owner_of", "Vela Robotics")},
    ),
    ("Omar Ruiz died in 2011.", {("Omar Ruiz", "date_of_death", "2011")}),
    # an organization's units: "part of", "a unit of", "the lab of", "a division of", and a
    # unit (its name ends in "Lab", "Division", ...) that an organization founds
    (
        "Harbor Analytics is part of Redwood Holdings.",
        {
            ("Harbor Analytics", "parent_organization", "Redwood Holdings"),
            ("Redwood Holdings", "subsidiary", "Harbor Analytics"),
        },
    ),
    (
        "Quantix Labs, a unit of Orion Systems, makes sensors for drones.",
        {
            ("Quantix Labs", "parent_organization", "Orion Systems"),
            ("Orion Systems", "subsidiary", "Quantix Labs"),
        },
    ),
    (
        "Kelvin Research is the research lab of Tessaro Motors.",
        {
            ("Kelvin Research", "parent_organization", "Tessaro Motors"),
            ("Tessaro Motors", "subsidiary", "Kelvin Research"),
        },
    ),
    (
        "Nimbus Cloud is a division of Stratos Group.",
        {
            ("Nimbus Cloud", "parent_organization", "Stratos Group"),
            ("Stratos Group", "subsidiary", "Nimbus Cloud"),
        },
    ),
    (
        "Tessaro Motors established the Tessaro AI Lab in 2019.",
        {
            ("Tessaro AI Lab", "founded_by", "Tessaro Motors"),
            ("Tessaro AI Lab", "inception", "2019"),
            ("Tessaro AI Lab", "parent_organization", "Tessaro Motors"),
            ("Tessaro Motors", "subsidiary", "Tessaro AI Lab"),
        },
    ),
    # founded, but no unit's name: no parent; a person's lab has no parent organization
    (
        "Tessaro Motors established Kelvin Research in 2019.",
        {
            ("Kelvin Research", "founded_by", "Tessaro Motors"),
            ("Kelvin Research", "inception", "2019"),
        },
    ),
    (
        "Jane Doe founded Doe Labs in 2010.",
        {("Doe Labs", "founded_by", "Jane Doe"), ("Doe Labs", "inception", "2010")},
    ),
    # head offices
    (
        "Brightwater Foods has its headquarters in Leeds.",
        {("Brightwater Foods", "headquarters_location", "Leeds")},
    ),
    (
        "The headquarters of Brightwater Foods are in Leeds.",
        {("Brightwater Foods", "headquarters_location", "Leeds")},
    ),
    (
        "Staff gathered at the Leeds headquarters of Brightwater Foods.",
        {("Brightwater Foods", "headquarters_location", "Leeds")},
    ),
    (
        "Brightwater Foods' headquarters in Leeds employs 400 people.",
        {("Brightwater Foods", "headquarters_location", "Leeds")},
    ),
    (
        "Brightwater Foods moved its headquarters to Leeds in 2015.",
        {("Brightwater Foods", "headquarters_location", "Leeds")},
    ),
    # "in" read from the words where the parse hangs it from another noun, with the place
    # beside the place
    (
        "At a rally at Delmont Bank headquarters in nearby Fenwick, Ohio, the union voted.",
        {
            ("Delmont Bank", "headquarters_location", "Fenwick"),
            ("Delmont Bank", "headquarters_location", "Ohio"),
            ("Fenwick", "located_in", "Ohio"),
            # inferred: a body whose head office is in a state lies in it
            ("Delmont Bank", "located_in", "Ohio"),
        },
    ),
    ("The company's headquarters are in Austin.", set()),
    # founders who run what they founded: a verb of founding takes its conjunct's object
    (
        "Sarah Okafor founded and runs Lumen Health.",
        {
            ("Lumen Health", "founded_by", "Sarah Okafor"),
            ("Lumen Health", "director_manager", "Sarah Okafor"),
            ("Sarah Okafor", "employer", "Lumen Health"),  # who runs it works for it
        },
    ),
    (
        "Daniel Reyes, who founded and leads Copperline Software, spoke at the event.",
        {
            ("Copperline Software", "founded_by", "Daniel Reyes"),
            ("Copperline Software", "director_manager", "Daniel Reyes"),
        },
    ),
    (
        "Sarah Okafor is the founder and director of Lumen Health.",
        {
            ("Lumen Health", "founded_by", "Sarah Okafor"),
            ("Lumen Health", "director_manager", "Sarah Okafor"),
            ("Sarah Okafor", "employer", "Lumen Health"),
            ("Sarah Okafor", "position_held", "director"),
        },
    ),
    # its own object: what it founded is not what the other verb runs
    (
        "Omar Ruiz founded a charity and runs Kestrel Bank.",
        {
            ("Kestrel Bank", "director_manager", "Omar Ruiz"),
            ("Omar Ruiz", "employer", "Kestrel Bank"),
        },
    ),
    # a place of death after "died in" (a date after "in" is the date's)
    (
        "Tom Wale died in Lyon on 3 May 1990.",
        {("Tom Wale", "place_of_death", "Lyon"), ("Tom Wale", "date_of_death", "1990-05-03")},
    ),
    # a whole and its parts ("consisting of", "comprises"), each part's "part of" inferred
    (
        "The Nordic Council comprises Norway, Denmark and Sweden.",
        {
            *{("Nordic Council", "has_part", c) for c in ("Norway", "Denmark", "Sweden")},
            *{(c, "part_of", "Nordic Council") for c in ("Norway", "Denmark", "Sweden")},
        },
    ),
    (
        "The Falcon Trio, consisting of Anna Berg and Tom Wale, played in Oslo.",
        {
            *{("Falcon Trio", "has_part", p) for p in ("Anna Berg", "Tom Wale")},
            *{(p, "part_of", "Falcon Trio") for p in ("Anna Berg", "Tom Wale")},
        },
    ),
    # a place's places: it contains them, and they lie in it
    (
        "Scandinavia comprises Norway, Denmark and Sweden.",
        {
            *{("Scandinavia", "contains", c) for c in ("Norway", "Denmark", "Sweden")},
            *{(c, "located_in", "Scandinavia") for c in ("Norway", "Denmark", "Sweden")},
        },
    ),
    ("The Harlow Trust was created in 1965.", {("Harlow Trust", "inception", "1965")}),
    # a work's release: its date, and a record's label
    (
        "Silver Lining is the second album by the American band Marrow, released on 4 June 1996"
        " by Halcyon Records.",
        {
            ("Marrow", "country", "American"),
            ("Silver Lining", "publication_date", "1996-06-04"),
            ("Silver Lining", "record_label", "Halcyon Records"),
        },
    ),
    (
        "Her debut novel, Winter Roads, was published in 2001.",
        {("Winter Roads", "publication_date", "2001")},
    ),
    # a film's releasing company is no record label
    (
        "The film Dark Harbor was released in 2019 by Netflix.",
        {("Dark Harbor", "publication_date", "2019")},
    ),
    # an actor of a work's name; a place or a match is no work
    (
        "Anna Berg starred in the film Dark Harbor.",
        {("Dark Harbor", "cast_member", "Anna Berg")},
    ),
    ("Anna Berg starred in Paris.", set()),
    ("Tom Wale starred in the 2018 World Cup final.", set()),
    # a person released is no work
    ("The rebels released John Smith on Monday.", set()),
    # "(born ...)" between a name and its verb, read off the bracket
    (
        "Jan Visser (born 3 May 1960) is a Dutch field hockey player.",
        {
            ("Jan Visser", "date_of_birth", "1960-05-03"),
            ("Jan Visser", "country_of_citizenship", "Dutch"),
        },
    ),
    (
        "Anna Berg (born May 1960 in Oslo) is a Norwegian writer.",
        {
            ("Anna Berg", "date_of_birth", "1960-05"),
            ("Anna Berg", "place_of_birth", "Oslo"),
            ("Anna Berg", "country_of_citizenship", "Norwegian"),
        },
    ),
    ("Jane Doe (born Jane Smith) is a singer.", set()),
    # marriage, both ways
    (
        "Paul Grant married Susan Reyes in 1990.",
        {("Paul Grant", "spouse", "Susan Reyes"), ("Susan Reyes", "spouse", "Paul Grant")},
    ),
]


@pytest.mark.parametrize("text, expected", RULES, ids=[t[:40] for t, _ in RULES])
def test_rule(pipeline, text, expected):
    """The dependency rules alone read exactly these facts."""
    res = _extract(pipeline, text, relation_model=None)
    got = {
        (r.subject.name, r.predicate, getattr(r.object, "name", str(r.object)))
        for r in res.relations
    }
    assert got == expected


@pytest.mark.parametrize("text, expected", RULES, ids=[t[:40] for t, _ in RULES])
def test_the_model_keeps_the_rules_facts(pipeline, text, expected):
    """With the relation model the build may read more (right or wrong), never fewer (asserted
    or candidates)."""
    got = triples(kg.build([text], model=pipeline, min_confidence=0))
    assert expected <= got, f"missing {expected - got}; got {got}"


NOT_ASSERTED = [
    (
        "Acme Corp was not founded by Jane Doe.",
        {("Acme Corp", "founded_by", "Jane Doe"), ("Jane Doe", "employer", "Acme Corp")},
    ),
    ("Jane Doe never worked for Acme Corp.", {("Jane Doe", "employer", "Acme Corp.")}),
    # "denied that it had hired Jane Doe": the pronoun's fact only the model read, and the model
    # refitted with the verb rules' calibration no longer reads it at all
    ("Acme Corp denied having hired Jane Doe.", {("Jane Doe", "employer", "Acme Corp")}),
    ("Jane Doe did not join Acme Corp.", {("Jane Doe", "employer", "Acme Corp.")}),
]


@pytest.mark.parametrize("text, flagged", NOT_ASSERTED, ids=[t for t, _ in NOT_ASSERTED])
def test_negated_statements_are_flagged_not_asserted(pipeline, text, flagged):
    g = kg.build([text], model=pipeline)
    assert triples(g) == set()
    got = {(r.subject.name, r.predicate, r.object.name) for r in g.flagged}
    assert got == flagged


def test_hedged_statement_is_marked(pipeline):
    g = kg.build(["Microsoft may acquire Activision next year."], model=pipeline)
    assert not [r for r in g.relations if r.predicate == "owned_by"]  # not asserted
    rels = [r for r in g.candidates if r.predicate == "owned_by"]
    assert rels and all(ev.hedged for r in rels for ev in r.evidence)
    assert all(r.confidence < 0.6 for r in rels)


def test_evidence_points_at_the_sentence_and_mentions(pipeline):
    text = "Markets were calm. Acme Corp was founded by Jane Doe in 1998. Shares rose."
    g = kg.build([text], model=pipeline)
    # a candidate at kg's threshold (the verb rules' "founded by" 0.30, the model's reading with
    # them 0.667): its evidence is kept all the same
    r = next(r for r in g.relations + g.candidates if r.predicate == "founded_by")
    ev = r.evidence[0]
    assert ev.sentence == "Acme Corp was founded by Jane Doe in 1998."
    assert text[ev.start : ev.end] == ev.sentence
    assert text[slice(*ev.subject_span)] == "Acme Corp"
    assert text[slice(*ev.object_span)] == "Jane Doe"
    assert 0 < r.confidence <= 1 and r.wikidata == "P112"


@pytest.mark.parametrize(
    "text, name, etype",
    [
        (
            "Vireo Labs released Kestrel, a language model for lawyers. Kestrel is fast.",
            "Kestrel",
            "Product",
        ),
        (
            "Dalton Tech said profits rose. Analysts praised Dalton Tech.",
            "Dalton Tech",
            "Organization",
        ),
        (
            "Maria Gonzalez joined the board. Gonzalez said she was pleased.",
            "Maria Gonzalez",
            "Person",
        ),
    ],
)
def test_entity_types(pipeline, text, name, etype):
    g = kg.build([text], model=pipeline)
    assert g.entity(name).type == etype


def test_junk_is_not_an_entity(pipeline):
    g = kg.build(
        ["AI is changing work. Computing costs rise as AI spreads in Europe."], model=pipeline
    )
    names = {e.name for e in g.entities}
    assert names == {"Europe"}


def test_heading_only_names_are_dropped(pipeline):
    text = "Key Components of Growth\nAcme hired many engineers this year.\n"
    names = {e.name for e in kg.build([text], model=pipeline).entities}
    assert names == {"Acme"}


def _extract(pipeline, text, **kw):
    from kg.extract.mentions import extract
    from kg.resolve.resolver import resolve

    return resolve(extract([kg.from_text(text)], pipeline, **kw))


def test_rules_alone_without_the_model(pipeline):
    res = _extract(pipeline, "Peter Hall works for Siemens in Munich.", relation_model=None)
    rules = {e.rule for r in res.relations for e in r.evidence}
    assert rules and "model" not in rules


def test_model_facts_carry_evidence(pipeline):
    # no dependency rule reads "native of"; the trained model does
    text = "Laura Pike, a native of Tulsa, Oklahoma, joined the board on Monday."
    res = _extract(pipeline, text)
    by_rule = [r for r in res.relations if any(e.rule == "model" for e in r.evidence)]
    assert by_rule, [(r.subject.name, r.predicate, r.object) for r in res.relations]
    for r in by_rule:
        ev = next(e for e in r.evidence if e.rule == "model")
        assert text[ev.start : ev.end] == ev.sentence and 0 < ev.confidence <= 0.95
        assert r.wikidata == kg.PREDICATES[r.predicate].wikidata


def test_the_relation_model_is_shipped():
    from kg.extract import classifier

    model = classifier.load()
    assert model is not None and model.classes[0] == classifier.NONE
    assert set(model.classes[1:]) <= set(kg.vocab.BY_WIKIDATA)
    assert classifier.load_types() is not None


def test_a_missing_model_file_is_a_clear_error(pipeline, tmp_path):
    with pytest.raises(kg.ModelError, match="no such relation model file"):
        _extract(pipeline, "Acme hired Jane Doe.", relation_model=str(tmp_path / "none.npz"))


def test_nationality_names_are_places(pipeline):
    # as a noun ("the Norwegians") and as an adjective ("a Norwegian painter"): Wikidata reads
    # citizenship and origin as the country
    text = "Ingrid Solberg is a painter from Bergen. The Norwegians admire her."
    types = {e.name: e.type for e in kg.build([text], model=pipeline).entities}
    assert types.get("Norwegians") == "Place", types
    text = "Ingrid Solberg is a Norwegian painter who lives in Bergen."
    types = {e.name: e.type for e in kg.build([text], model=pipeline).entities}
    assert types.get("Norwegian") == "Place", types


def test_religious_and_political_groups_are_not_places(pipeline):
    # spaCy tags them NORP like nationalities; only a nationality stands for a country, a
    # party's word for the party (an organization), and a faith's for nothing kg keeps
    text = (
        "Republican senator John Smith met Anna Berg in Paris. The Catholics and the Muslims "
        "of the city joined the Democrats. The Americans protested."
    )
    types = {e.name: e.type for e in kg.build([text], model=pipeline).entities}
    assert not {"Catholics", "Muslims"} & set(types), types
    assert types.get("Republican") == types.get("Democrats") == "Organization", types
    assert types.get("Americans") == "Place", types


@pytest.mark.parametrize(
    ("text", "expected"),
    [("German", True), ("Germans", True), ("the Americans", True), ("New Zealander", True),
     ("Republicans", False), ("Catholic", False), ("Sunni", False), ("Democrats", False)],
)  # fmt: skip
def test_is_nationality(text, expected):
    from kg.extract.types import is_nationality

    assert is_nationality(text) is expected


def test_other_adjectives_are_not_names(pipeline):
    # only a nationality keeps its adjective; "Former Acme chief" is still "Acme"
    text = "Former Acme chief Jane Doe founded Globex Corp."
    names = {e.name for e in kg.build([text], model=pipeline).entities}
    assert names == {"Jane Doe", "Globex Corp."}


def test_a_pair_named_in_several_sentences_pools_their_features(pipeline):
    from kg.defaults import MAX_PAIRS
    from kg.extract.mentions import extract
    from kg.model import Block, Document

    text = "Ada Varga works for Helix Corp. Ada Varga joined Helix Corp in 2001."
    doc = Document("d", text, blocks=(Block(0, len(text), "paragraph"),))
    (ex,) = extract([doc], pipeline, keep_candidates=True)
    pair = next(
        c
        for c in ex.candidates
        if isinstance(c.object, int)
        and ex.mentions[c.subject].text == "Ada Varga"
        and ex.mentions[c.object].text.startswith("Helix Corp")
    )
    # both sentences' words are features of the one pair
    assert {"bs:works for|ab", "bs:joined|ab"} <= set(pair.features), pair.features
    assert f"ns:{min(2, MAX_PAIRS)}" in pair.features


def test_the_model_reads_no_place_holding_another_across_sentences(pipeline):
    # without the check the model read "Seattle contains Oregon" and "... Texas" here
    from kg.extract.mentions import extract

    text = (
        "Flights leave from hubs in Seattle and Portland. "
        "The airline serves Oregon and Washington, and it flies to Texas."
    )
    (ex,) = extract([kg.from_text(text)], pipeline)
    across = [f for f in ex.facts if f.rule == "model:across"]
    assert not [f for f in across if "contains" in f.predicates], across


def test_averaged_fits_are_reproducible():
    import numpy as np

    from kg import train

    rows = [np.array([0, 1]), np.array([1, 2]), np.array([0, 2])] * 10
    masks = np.array([[0, 1], [1, 0], [0, 1]] * 10, dtype=np.float32)
    a = train.fit_averaged(rows, masks, 3, 2, epochs=2, seed=0)
    b = train.fit_averaged(rows, masks, 3, 2, epochs=2, seed=0)
    one = train.fit(rows, masks, 3, 2, epochs=2, seed=0)
    assert np.array_equal(a, b)
    assert not np.array_equal(a, one)


def test_token_table_is_what_the_tokens_say(pipeline):
    """The rules and the model read token attributes from one table (Doc.to_array), not from
    Token objects: it must hold exactly what the tokens hold, heads before and after."""
    from kg.extract.tokens import Tokens

    sdoc = pipeline(
        "Alexandr Wang, who was hired by Meta's TBD Lab in June, isn't leading it. "
        "Did the Paris-based startup Mistral (a rival) say so?  Yes: 'never', he wrote."
    )
    t = Tokens(sdoc)
    assert t.head == [x.head.i for x in sdoc]
    assert any(h < i for i, h in enumerate(t.head)) and any(h > i for i, h in enumerate(t.head))
    assert t.dep == [x.dep_ for x in sdoc]
    assert t.lower == [x.lower_ for x in sdoc]
    assert t.lemma == [x.lemma_.lower() for x in sdoc]
    assert t.pos == [x.pos_ for x in sdoc]
    assert t.tag == [x.tag_ for x in sdoc]
    assert t.punct == [int(x.is_punct) for x in sdoc]
    assert t.ent == [bool(x.ent_type_) for x in sdoc]
    assert t.sent_start == [bool(x.is_sent_start) for x in sdoc]
    assert Tokens(pipeline("")).head == []


def test_token_table_answers_what_spans_answer(pipeline):
    """The table stands in for spaCy's Span and Token objects in the rules, the mention
    filters and the model's features: its text, offsets, sentences, children,
    span roots and character spans must be spaCy's own, on every span and character range."""
    import random

    from kg.extract.tokens import Tokens

    sdoc = pipeline(
        "Alexandr Wang, who was hired by Meta's TBD Lab in June, isn't leading it.  "
        "Did the Paris-based startup Mistral (a rival) say so? Google, OpenAI and Anthropic "
        "compete; the U.S.-based firm said 'never'.\n\nMuse Spark, a model, launched."
    )
    t = Tokens(sdoc)
    toks = list(sdoc)
    assert t.text == sdoc.text and t.idx == [x.idx for x in toks]
    assert t.orth == [x.text for x in toks] and t.shape == [x.shape_ for x in toks]
    assert t.lemma_ == [x.lemma_ for x in toks]
    for name, attr in (("space", "is_space"), ("alpha", "is_alpha"), ("is_lower", "is_lower")):
        assert getattr(t, name) == [int(getattr(x, attr)) for x in toks], name
    assert t.stop == [int(x.is_stop) for x in toks] and t.title == [int(x.is_title) for x in toks]
    assert [tuple(s) for s in t.sents] == [
        (s.start, s.end, s.start_char, s.end_char) for s in sdoc.sents
    ]
    assert len(t.sents) > 2
    assert t.children == [[c.i for c in x.children] for x in toks]
    n, rng = len(sdoc), random.Random(3)
    spans = [(e.start, e.end) for e in sdoc.ents]
    spans += [(a, min(n, a + rng.randint(1, 6))) for a in range(n)]
    for a, b in spans:
        sp = sdoc[a:b]
        assert t.root(a, b) == sp.root.i, (a, b)
        assert (t.sent(a).start, t.sent(a).end) == (sp.sent.start, sp.sent.end), (a, b)
        assert t.span_text(a, b) == sp.text
    for _ in range(300):
        x = rng.randrange(len(sdoc.text))
        y = rng.randrange(x, len(sdoc.text)) + 1
        cs = sdoc.char_span(x, y, alignment_mode="expand")
        assert t.char_span(x, y) == (None if cs is None else (cs.start, cs.end)), (x, y)


def test_batches_are_bounded_by_blocks_and_by_characters():
    """A long document's pieces go to spaCy a few at a time, not a hundred (its memory grows
    with the batch's text); short blocks still fill a batch; order is kept."""
    from kg.extract.mentions import _batches

    units = [("x" * n, k) for k, n in enumerate([10, 10, 10, 60, 50, 200, 5, 5, 5, 5, 5])]
    got = list(_batches(units, 4, 100))
    assert [u for b in got for u in b] == units
    assert [[k for _, k in b] for b in got] == [[0, 1, 2, 3], [4], [5], [6, 7, 8, 9], [10]]
    assert list(_batches([], 4, 100)) == []


def _tagged(pipeline, words, tags, ents=None, sent_starts=None):
    from spacy.tokens import Doc

    return Doc(
        pipeline.vocab,
        words=words,
        tags=tags,
        ents=ents or ["O"] * len(words),
        sent_starts=sent_starts or [True] + [False] * (len(words) - 1),
    )


def test_proper_noun_runs_outside_the_entities_are_names(pipeline):
    """Runs of NNP/NNPS that spaCy's recogniser left out become NAME spans: a run stops at a
    sentence start, at punctuation and at spaCy's own entities, and leading honorifics go."""
    from kg.extract.mentions import _unlabelled_names
    from kg.extract.tokens import Tokens

    words = "Sen. Dale Quist met Modern Talking in Kuala Lumpur . Vance Ohrt , Acme Corp ."
    tags = "NNP NNP NNP VBD NNP NNP IN NNP NNP . NNP NNP , NNP NNP .".split()
    ents = ["O"] * 13 + ["B-ORG", "I-ORG", "O"]
    sdoc = _tagged(pipeline, words.split(), tags, ents)
    names = [s.text for s in _unlabelled_names(sdoc, Tokens(sdoc))]
    assert names == ["Dale Quist", "Modern Talking", "Kuala Lumpur", "Vance Ohrt"]
    # two sentences that meet proper noun to proper noun stay two names
    sdoc = _tagged(pipeline, ["Oslo", "Bergen"], ["NNP", "NNP"], sent_starts=[True, True])
    assert [s.text for s in _unlabelled_names(sdoc, Tokens(sdoc))] == ["Oslo", "Bergen"]


@pytest.mark.parametrize(
    "words, expected",
    [
        ("Secretary", True),
        ("Prime Minister", True),
        ("Gen.", True),
        ("Jun", True),
        ("Lab", True),
        ("MK2306113594", True),
        ("District Judge", True),
        ("Kuala Lumpur", False),
        ("Quist", False),
        ("General Motors", False),
        ("Secretary Baker", False),
        ("Navy Capt", True),
    ],
)
def test_no_name(pipeline, words, expected):
    from kg.extract.mentions import no_name

    ws = ["They", "met", *words.split()]
    sdoc = _tagged(pipeline, ws, ["PRP", "VBD"] + ["NNP"] * (len(ws) - 2))
    assert no_name(sdoc[2:]) is expected


def test_titles_alone_make_no_entity(pipeline):
    texts = [
        "Secretary Jorvik Pell said on Monday that the Treasury would act.",
        "The Secretary met reporters in Oslo. Chancellor spoke later.",
    ]
    names = {e.name for e in kg.build(texts, model=pipeline).entities}
    assert "Oslo" in names and not names & {"Secretary", "Chancellor", "The Secretary"}


@pytest.mark.parametrize(
    ("text", "name", "expected", "absent"),
    [
        ("Officials in Lagos said the port was shut.", "Lagos", "table:city", "table:country"),
        ("Cameroon said the border was shut.", "Cameroon", "table:country", "table:city"),
        ("Vela Robotics, a startup, hired Ivo Brandt.", "Vela Robotics", "kind:startup", "table:"),
    ],
)
def test_the_type_model_reads_the_places_table_and_describing_nouns(
    pipeline, text, name, expected, absent
):
    from kg.extract.mentions import extract
    from kg.model import Block, Document

    doc = Document("d", text, blocks=(Block(0, len(text), "paragraph"),))
    (ex,) = extract([doc], pipeline, keep_candidates=True)
    (feats,) = [f for m, f in zip(ex.mentions, ex.mention_features, strict=True) if m.text == name]
    assert expected in feats
    assert not any(f.startswith(absent) for f in feats)
