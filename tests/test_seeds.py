"""The seeds end to end: the named entities, facts a reader would agree with, no junk."""

from collections import Counter

import pytest

import kg

EXPECTED = {
    "Meta": "Organization",
    "Alexandr Wang": "Person",
    "TBD Lab": "Organization",
    "Muse Spark": "Product",
    "Norvik Tech": "Organization",
}


@pytest.mark.parametrize("name, etype", EXPECTED.items())
def test_named_entities_once_with_the_right_type(seeds_graph, name, etype):
    same = [
        e
        for e in seeds_graph.entities
        if e.name.casefold() == name.casefold()
        or name.casefold() in (a.casefold() for a in e.aliases)
    ]
    assert len(same) == 1, [(e.name, e.type) for e in same]
    assert same[0].type == etype


# Asserted: two. The relation model, the type model and the calibration fitted again out of
# fold on the tuning parts (kg.train), its rule families' maps counting the rule facts judged by
# reading too, each worth half a gold fact (kg.train.judged, kg.defaults.JUDGED_WEIGHT), put
# over the threshold (kg.defaults.MIN_CONFIDENCE, 0.63): the author box's founder (0.65) and
# the relation model's reading of "a UK-based technology company" as located in the United
# Kingdom (0.73). Every other fact the seeds state is under it: "appoint" 0.59 (the gold
# annotates no "appointed by"), "leading TBD Lab" 0.60, director of Progressive Robot 0.57,
# employer 0.46 to 0.47, post held 0.42, "establishing the secretive TBD Lab" as Meta's unit
# 0.31 (and its inverse, no surer than it: kg.resolve.calibration.no_surer_than_premise),
# "release" as a developer 0.27. They are candidates, kept with their evidence, that a lower
# `--min-confidence` asserts.
FACTS: list[tuple[str, str, str]] = [
    # the author box, read like other text: "Christopher Holloway is the founder and director
    # of Progressive Robot, a UK-based technology company"
    ("Progressive Robot", "founded_by", "Christopher Holloway"),
    # "a UK-based technology company"
    ("Progressive Robot", "located_in", "United Kingdom"),
]
CANDIDATES = [
    # "Meta has appointed Alexandr Wang", "Mark Zuckerberg appointed Alexandr Wang": right, and
    # calibrated 0.59 by the verb's map, under the threshold (0.63)
    ("Alexandr Wang", "appointed_by", "Meta"),
    ("Alexandr Wang", "appointed_by", "Mark Zuckerberg"),
    ("Muse Spark", "developer", "Meta"),
    ("TBD Lab", "founded_by", "Meta"),
    ("Progressive Robot", "headquarters_location", "United Kingdom"),
    # located in a country: of that country (inferred)
    ("Progressive Robot", "country", "United Kingdom"),
    ("Alexandr Wang", "employer", "Meta"),
    # "Alexandr Wang leading TBD Lab" is read from the words of a headline the parser could not
    # read (0.6, a rule family the tuning parts never gave a fact)
    ("TBD Lab", "director_manager", "Alexandr Wang"),
    ("Christopher Holloway", "employer", "Progressive Robot"),
    ("Progressive Robot", "director_manager", "Christopher Holloway"),
    ("Christopher Holloway", "position_held", "director"),  # of Progressive Robot
    # "Meta ... establishing the secretive TBD Lab": a lab an organization founds is its unit,
    # and its inverse
    ("TBD Lab", "parent_organization", "Meta"),
    ("Meta", "subsidiary", "TBD Lab"),
]
# Wrong, and known: "he works across PHP development, ecommerce, Linux infrastructure" in the
# author box makes PHP an organisation, read by the relation model across sentences as in the
# UK (and so of it), and Linux too: candidates (0.22 to 0.32). Listed so that any change to them
# shows.
KNOWN_WRONG = [
    ("PHP", "located_in", "United Kingdom"),
    ("PHP", "country", "United Kingdom"),
    ("Linux", "located_in", "United Kingdom"),
]


@pytest.mark.parametrize(
    "subject, predicate, obj, asserted",
    [(*f, True) for f in FACTS] + [(*f, False) for f in CANDIDATES],
)
def test_facts_a_reader_agrees_with(seeds_graph, subject, predicate, obj, asserted):
    rel = [
        r
        for r in (seeds_graph.relations if asserted else seeds_graph.candidates)
        if r.subject.name == subject
        and r.predicate == predicate
        and getattr(r.object, "name", r.object) == obj
    ]
    assert len(rel) == 1
    docs = {d.id: d for d in seeds_graph.documents}
    for ev in rel[0].evidence:
        text = docs[ev.doc_id].text
        assert text[ev.start : ev.end] == ev.sentence
        assert ev.start <= ev.subject_span[0] < ev.subject_span[1] <= ev.end
        assert ev.start <= ev.object_span[0] < ev.object_span[1] <= ev.end


def test_the_facts_are_those_a_reader_agrees_with_and_no_others(seeds_graph):
    def facts(rels):
        return sorted(
            (r.subject.name, r.predicate, getattr(r.object, "name", r.object)) for r in rels
        )

    assert facts(seeds_graph.relations) == sorted(FACTS)
    assert facts(seeds_graph.candidates) == sorted(CANDIDATES + KNOWN_WRONG)


def test_every_relation_fits_the_vocabulary(seeds_graph):
    for r in seeds_graph.relations:
        p = kg.PREDICATES[r.predicate]
        assert r.wikidata == p.wikidata and 0 < r.confidence <= 1 and r.evidence


def test_no_junk_nodes(seeds_graph):
    names = {e.name for e in seeds_graph.entities}
    spanish = {"Preguntas", "Qué", "Se", "Sin", "Las", "Consultoría", "Únete", "Más", "IA"}
    assert not names & spanish
    assert not names & {"Like", "Love", "Comments", "Dislike", "User", "AI"}
    assert not any("\n" in n for n in names)
    for e in seeds_graph.entities:
        assert not (e.name == "AI" and e.type == "Place")
    # and what the pages do name is all there, Spanish page included
    assert names == {
        *EXPECTED, "AWS", "Apache Kafka", "Colombia", "Google", "LATAM", "Mark Zuckerberg",
        "Menlo Park", "Meta AI", "OpenAI", "Spain",
        # products the page names by their kind ("tools like JIRA or Confluence", "cloud
        # platforms such as AWS or Azure")
        "Azure", "Confluence", "JIRA",
        # from the author box
        "Christopher Holloway", "Progressive Robot", "United Kingdom", "PHP", "Linux",
    }  # fmt: skip


def test_furniture_is_recorded(seeds_graph):
    reasons = [b.reason for d in seeds_graph.documents for b in d.dropped]
    assert any(r.startswith("language: es") for r in reasons)
    assert any("widget" in r for r in reasons)
    assert any("advert" in r for r in reasons)
    kinds = Counter(r.split(" (")[0] for r in reasons)  # the reason without its detail
    assert kinds == {
        "language: es": 14, "social or comment widget": 10, "advert or newsletter": 2,
        "inline link markup": 1, "advert": 1, "advert heading": 1, "date line": 1,
        "repeats the block at offset 233": 1, "page footer": 1,
    }  # fmt: skip
    # the author box is read, as the article's author and as text
    assert any(b.kind == "author" for d in seeds_graph.documents for b in d.blocks)
    second = next(d for d in seeds_graph.documents if d.id.startswith("seeds-001"))
    assert second.authors == ("Christopher Holloway",) and second.date == "2026-06-03T14:35"


def test_every_fact_points_at_its_two_names(seeds_graph):
    """Each piece of evidence holds both names, so every fact is read from the text."""
    docs = {d.id: d for d in seeds_graph.documents}
    for r in seeds_graph.relations:
        for ev in r.evidence:
            text = docs[ev.doc_id].text
            assert text[ev.start : ev.end] == ev.sentence
            names = {r.subject.name, *r.subject.aliases}
            assert text[slice(*ev.subject_span)] in names
            if isinstance(r.object, kg.Entity):
                assert ev.start <= ev.object_span[0] < ev.object_span[1] <= ev.end
                assert text[slice(*ev.object_span)] in {r.object.name, *r.object.aliases}


def test_weak_guesses_are_known_wrong(seeds_graph):
    """The facts read under 0.2 are the known wrong ones; the others are there, none denied."""
    weak = {
        (r.subject.name, r.predicate, getattr(r.object, "name", r.object))
        for r in seeds_graph.relations + seeds_graph.candidates
        if r.confidence < 0.2
    }
    assert weak <= set(KNOWN_WRONG)
    assert seeds_graph.candidates and not seeds_graph.flagged


def test_meta_ai_is_kept_apart_from_meta_with_a_reason(seeds_graph):
    meta, meta_ai = seeds_graph.entity("Meta"), seeds_graph.entity("Meta AI")
    assert meta.id != meta_ai.id
    (line,) = [m for m in seeds_graph.merges if m.entity_id == meta_ai.id]
    assert line.rule == "kept apart" and line.merged == () and "'Meta'" in line.reason


def test_facts_from_the_second_article_carry_its_publication_date(seeds_graph):
    every = seeds_graph.at_confidence(0.0)  # the facts read, candidates asserted
    second = next(d for d in every.documents if d.id.startswith("seeds-001"))
    reports = [e for r in every.relations for e in r.evidence if e.doc_id == second.id]
    assert reports and {e.reported for e in reports} == {"2026-06-03T14:35"}
    rdf = every.to_rdf()
    from kg.rdf.namespaces import KGV

    assert {str(o) for o in rdf.objects(None, KGV.reportedOn)} == {"2026-06-03T14:35:00"}


def test_wangs_appointment_is_dated_one_year_before_the_article(seeds_graph):
    """ "One year after Mark Zuckerberg appointed Alexandr Wang ..., the technology giant has
    unveiled Muse Spark", in an article of 3 June 2026: the appointment was in 2025."""
    every = seeds_graph.relations + seeds_graph.candidates
    (r,) = [
        r
        for r in every
        if (r.subject.name, r.predicate, getattr(r.object, "name", None))
        == ("Alexandr Wang", "appointed_by", "Mark Zuckerberg")
    ]
    assert r.when == kg.Time("2025", "year") and r.start is None and r.end is None
    # "Meta has appointed Alexandr Wang to lead its AI division" gives no time: none is made
    (meta,) = [
        r
        for r in every
        if (r.subject.name, r.predicate, getattr(r.object, "name", None))
        == ("Alexandr Wang", "appointed_by", "Meta")
    ]
    assert (meta.start, meta.end, meta.when) == (None, None, None)
