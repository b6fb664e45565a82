"""Property tests: whatever text arrives, kg does not crash, and what it writes reads back.

Inputs are arbitrary Unicode (control characters, lone surrogates, RTL text and overrides,
emoji with zero-width joiners, combining marks, very long lines, only punctuation, empty
documents, documents that are only page furniture), mixed with news-like sentences so that
extraction and resolution have something to find. Cheap properties (ingest, ids, RDF, the
view on made-up graphs) run many cases; those that parse with spaCy run fewer.
`pytest tests/test_properties.py --hypothesis-show-statistics` prints the count of each.
"""

from __future__ import annotations

import json
import re
import shutil
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

import kg
from kg import vocab
from kg.graph import KnowledgeGraph
from kg.ingest import clean_text, from_text, read, safe_id
from kg.ingest.blocks import MAX_BLOCK
from kg.ingest.text import printable
from kg.model import BLOCK_KINDS, ENTITY_TYPES, Document, Entity, Evidence, Mention, Relation
from kg.names import slug
from kg.rdf.formats import FORMATS
from kg.rdf.write import serialize_kg
from kg.run.local import write as write_build
from kg.view.page import render

SETTINGS = {"deadline": None, "suppress_health_check": [HealthCheck.too_slow]}

# Every code point, surrogates and controls included.
ANY_CHAR = st.characters(exclude_categories=())
TRICKY = st.sampled_from(
    [
        "",
        " ",
        "\n",
        "\r\n",
        "\t",
        "\x00",
        "\x0c",
        "\x1b[31m",
        "\x85",
        "\u2028",
        "\ufeff",
        "\ufffe",
        "\ud800",
        "\u200b",
        "\u200d",
        "👩\u200d💻",
        "🏳️\u200d🌈",
        "👍🏽",
        "e\u0301",
        "\u202eevil\u202c",
        "مرحبا بالعالم. شركة أكمي",
        "שלום עולם",
        "日本の会社が東京で発表した。",
        "…",
        "!!!???...",
        "---",
        "# ",
        "- ",
        "1. ",
        "Like Like 0",
        "What's Your Reaction?",
        "Comments (0)",
        "Subscribe to our newsletter for weekly updates.",
        "Los mejores análisis sobre tecnología cada semana en tu correo.",
        "[INTERNAL:x|Read more]",
        "[Acme](https://acme.example)",
        "<script>alert(1)</script>",
        "</script><img src=x onerror=alert(1)>",
        "]]>",
        '"',
        "'''",
        "\\",
        "@prefix x: <http://x/> .",
        "&amp;",
        "{{7*7}}",
        "1" * 40 + "x",
    ]
)
NAMES = st.sampled_from(
    [
        "Acme Corp",
        "Jane Doe",
        "Boston",
        "Globex",
        "Initech",
        "Muse Spark",
        "Meta",
        "International Monetary Fund",
        "IMF",
        "Alexandr Wang",
        "Zoë Ångström",
        "O'Brien",
    ]
)
SENTENCES = st.builds(
    lambda a, verb, b, when: f"{a} {verb} {b}{when}.",
    NAMES,
    st.sampled_from(
        ["hired", "acquired", "was founded by", "is based in", "released", "may acquire", "leads"]
    ),
    NAMES,
    st.sampled_from(["", " in 2019", " on March 3, 2021", " last year"]),
)
FRAGMENT = st.one_of(TRICKY, SENTENCES, NAMES, st.text(ANY_CHAR, max_size=12))
SEPARATOR = st.sampled_from([" ", "\n", "\n\n", "", ". ", "\t"])


@st.composite
def texts(draw, max_parts: int = 24, max_repeat: int = 3000) -> str:
    """A document: fragments joined by separators, sometimes one fragment repeated at length."""
    parts = draw(st.lists(st.tuples(FRAGMENT, SEPARATOR), max_size=max_parts))
    text = "".join(f + s for f, s in parts)
    if draw(st.integers(0, 9)) == 0:  # a very long line
        text += draw(FRAGMENT) * draw(st.integers(50, max_repeat))
    return text


# ---------------------------------------------------------------------------------------------
# Ingest


def _check_document(doc: Document, text: str) -> None:
    assert len(doc.text) == len(text)  # replacements are one for one: offsets hold
    doc.text.encode("utf-8")  # no lone surrogate survives
    assert re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._-]*", doc.id)
    kept = doc.kept
    for b in doc.blocks:
        assert 0 <= b.start < b.end <= len(doc.text)
        assert b.kind in BLOCK_KINDS
        assert b.kind != "furniture" or b.reason
    for a, b in zip(kept, kept[1:], strict=False):
        assert a.end <= b.start  # kept blocks never overlap: no text is read twice
    for b in kept:
        assert b.end - b.start <= MAX_BLOCK
        assert len(clean_text(doc, b)) == b.end - b.start


@settings(max_examples=1000, **SETTINGS)
@given(texts())
def test_ingest_never_crashes_and_keeps_offsets(text):
    doc = from_text(text)
    _check_document(doc, text)
    assert doc.text == printable(text)
    given_doc = read([Document("../../given", text)])[0]
    _check_document(given_doc, text)
    assert given_doc.id == "given"


@settings(max_examples=300, **SETTINGS)
@given(
    st.one_of(st.binary(max_size=400), texts().map(lambda t: t.encode("utf-8", "surrogatepass"))),
    st.sampled_from([".txt", ".md", ".html", ".jsonl"]),
)
def test_reading_any_file_gives_documents_or_one_clear_error(raw, suffix):
    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / f"in{suffix}"
        path.write_bytes(raw)
        try:
            docs = read([path])
        except kg.InputError as e:
            msg = str(e)
            assert str(path) in msg and "\n" not in msg
            return
        for doc in docs:
            _check_document(doc, doc.text)


@settings(max_examples=2000, **SETTINGS)
@given(st.text(ANY_CHAR, max_size=200) | st.sampled_from(["../../x", "..", ".", "/etc/passwd"]))
def test_a_document_id_never_escapes_the_output_folder(raw):
    doc_id = safe_id(raw)
    assert re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._-]{0,119}", doc_id)
    out = Path("/srv/out")
    for name in (doc_id, f"{doc_id}.ttl", f"shards/{doc_id}.nq"):
        assert (out / name).resolve().is_relative_to(out)


# ---------------------------------------------------------------------------------------------
# Extraction and resolution (spaCy: fewer cases)


def _check_graph(g: KnowledgeGraph) -> None:
    docs = {d.id: d for d in g.documents}
    ids = [e.id for e in g.entities]
    assert len(ids) == len(set(ids))
    for e in g.entities:
        assert re.fullmatch(r"[a-z0-9-]+", e.id) and e.type in ENTITY_TYPES and e.name
        for m in e.mentions:
            text = docs[m.doc_id].text
            assert 0 <= m.start < m.end <= len(text) and m.text
            assert text[m.start : m.end] == m.text
    for r in g.relations + g.flagged:
        assert r.predicate in vocab.PREDICATES and 0 <= r.confidence <= 1
        for ev in r.evidence:
            text = docs[ev.doc_id].text
            assert text[ev.start : ev.end] == ev.sentence
            # the subject (and an entity object) is a name of that entity in that document; it
            # may stand before the sentence, when "the company" refers back to it
            for ent, (s, e) in ((r.subject, ev.subject_span), (r.object, ev.object_span)):
                # (a composed fact, rule "a + b", points at the entity in the middle)
                if isinstance(ent, Entity) and " + " not in ev.rule:
                    spans = {(m.start, m.end) for m in ent.mentions if m.doc_id == ev.doc_id}
                    assert (s, e) in spans


@settings(max_examples=200, **SETTINGS)
@given(st.lists(texts(max_parts=12, max_repeat=500), min_size=1, max_size=3))
def test_extraction_and_resolution_never_crash(pipeline, docs):
    # as Documents: a short raw string such as "a/b" would be read as a path
    g = kg.build([Document(f"d{i}", t) for i, t in enumerate(docs)], model=pipeline)
    assert len(g.documents) == len(docs)
    _check_graph(g)
    event(f"entities: {min(len(g.entities), 5)}{'+' if len(g.entities) >= 5 else ''}")
    event("with relations" if g.relations else "no relations")
    event("some furniture dropped" if any(d.dropped for d in g.documents) else "no furniture")


@settings(max_examples=50, **SETTINGS)
@given(st.lists(texts(max_parts=12, max_repeat=500), min_size=1, max_size=3))
def test_every_written_graph_reads_back(pipeline, docs):
    g = kg.build([Document(f"d{i}", t) for i, t in enumerate(docs)], model=pipeline)
    event("with relations" if g.relations else "no relations")
    with tempfile.TemporaryDirectory() as d:
        write_build(g, Path(d))
        back = KnowledgeGraph.from_rdf(Path(d) / "graph.ttl")
        data = json.loads((Path(d) / "graph.json").read_text(encoding="utf-8"))
        _check_page((Path(d) / "graph.html").read_text(encoding="utf-8"), g)
    assert _entities(back) == _entities(g)
    assert _relations(back) == _relations(g)
    assert {n["id"] for n in data["nodes"]} >= {e.id for e in g.entities}


def test_mention_text_is_the_document_text(pipeline):
    text = "[Acme](https://acme.example) Acme Corp hired Acme Corp." * 3
    g = kg.build([Document("d", text)], model=pipeline)
    for e in g.entities:
        for m in e.mentions:
            assert text[m.start : m.end] == m.text


# ---------------------------------------------------------------------------------------------
# RDF export and round trip, on made-up graphs (no spaCy: many cases)

PRINTABLE_TEXT = st.text(ANY_CHAR, min_size=1, max_size=30).map(printable) | TRICKY.filter(
    bool
).map(printable)
ISO = st.one_of(
    st.dates().map(lambda d: d.isoformat()),
    st.dates().map(lambda d: d.isoformat()[:7]),
    st.integers(1000, 2999).map(str),
)


@st.composite
def graphs(draw) -> KnowledgeGraph:
    doc_ids = sorted(
        {safe_id(x) for x in draw(st.lists(st.text(ANY_CHAR), min_size=1, max_size=3))}
    )
    docs = [
        Document(
            i,
            "",
            source=draw(st.none() | PRINTABLE_TEXT),
            title=draw(st.none() | PRINTABLE_TEXT),
        )
        for i in doc_ids
    ]
    entities: list[Entity] = []
    taken: set[tuple[str, int, int]] = set()  # a place in a document holds one name
    for _ in range(draw(st.integers(1, 6))):
        entities.append(_draw_entity(draw, doc_ids, {e.id for e in entities}, taken))
    relations = {}
    for _ in range(draw(st.integers(0, 6))):
        r = _draw_relation(draw, doc_ids, entities)
        relations.setdefault(r.key, r)
    rels = sorted(relations.values(), key=lambda r: (r.subject.id, r.predicate, str(r.key[2])))
    return KnowledgeGraph(sorted(entities, key=lambda e: e.id), rels, docs)


def _draw_entity(draw, doc_ids: list[str], ids: set[str], taken: set) -> Entity:
    """An entity with a fresh id, its mentions at places no other name holds (``taken``)."""
    name = draw(PRINTABLE_TEXT)
    eid = slug(name)
    while eid in ids:
        eid += "-2"
    mentions = tuple(
        sorted(
            {
                Mention(d, s, s + len(name), name)
                for d, s in draw(
                    st.lists(st.tuples(st.sampled_from(doc_ids), st.integers(0, 10**6)), max_size=3)
                )
                if (d, s, s + len(name)) not in taken
            },
            key=lambda m: (m.doc_id, m.start),
        )
    )
    taken.update((m.doc_id, m.start, m.end) for m in mentions)
    aliases = tuple(sorted(set(draw(st.lists(PRINTABLE_TEXT, max_size=2)))))
    return Entity(eid, name, draw(st.sampled_from(ENTITY_TYPES)), aliases, mentions)


def _draw_relation(draw, doc_ids: list[str], entities: list[Entity]) -> Relation:
    subj = draw(st.sampled_from(entities))
    pred = draw(st.sampled_from(sorted(vocab.PREDICATES)))
    obj = draw(st.sampled_from(entities)) if not vocab.PREDICATES[pred].literal else draw(ISO)
    # one evidence per (document, sentence start), as resolution gives
    where = draw(
        st.lists(
            st.tuples(st.sampled_from(doc_ids), st.integers(0, 10**6)),
            min_size=1,
            max_size=2,
            unique=True,
        )
    )
    evs = tuple(
        sorted(
            (
                Evidence(
                    doc,
                    draw(PRINTABLE_TEXT),
                    start,
                    start + 40,
                    (start, start + 3),
                    (start + 5, start + 9),
                    draw(st.sampled_from(["appos", "nsubj-dobj", "rule with spaces"])),
                    draw(st.integers(0, 1000)) / 1000,
                    draw(st.booleans()),
                )
                for doc, start in where
            ),
            key=lambda e: (e.doc_id, e.start, e.subject_span, e.rule),
        )
    )
    conf = draw(st.integers(0, 1000)) / 1000
    return Relation(subj, pred, obj, vocab.PREDICATES[pred].wikidata, conf, evs)


def _entities(g: KnowledgeGraph) -> list[tuple]:
    return sorted(
        (e.id, e.name, e.type, tuple(sorted(e.aliases)), tuple(sorted(e.mentions, key=str)))
        for e in g.entities
    )


def _relations(g: KnowledgeGraph) -> list[tuple]:
    def ev(e: Evidence) -> tuple:
        return (e.doc_id, e.sentence, e.start, e.end, e.subject_span, e.object_span, e.rule,
                e.confidence, e.hedged)  # fmt: skip

    return sorted(
        (r.key, r.confidence, tuple(sorted(map(ev, r.evidence)))) for r in g.relations + g.flagged
    )


@settings(max_examples=120, **SETTINGS)
@given(graphs(), st.sampled_from(sorted(FORMATS)))
def test_rdf_round_trip_in_every_format(g, fmt):
    text = serialize_kg(g, fmt)
    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / f"graph{FORMATS[fmt].suffix}"
        path.write_text(text, encoding="utf-8")
        back = KnowledgeGraph.from_rdf(path)
    assert _entities(back) == _entities(g)
    assert _relations(back) == _relations(g)
    docs = {d.id: (d.title or None, d.source or None) for d in g.documents}
    assert {d.id: (d.title, d.source) for d in back.documents} == docs


# ---------------------------------------------------------------------------------------------
# The HTML view


def _check_page(page: str, g: KnowledgeGraph) -> None:
    # the data block is the only place document text reaches, and it holds no markup
    m = re.search(r'<script id="kg-data" type="application/json">(.*?)</script>', page, re.S)
    assert m is not None
    assert "<" not in m.group(1)
    data = json.loads(m.group(1))
    # a node per entity and per literal object, each labelled with its name or value
    nodes = [(n["id"], n["label"]) for n in data["nodes"]]
    literals = [r.object for r in g.relations if not isinstance(r.object, Entity)]
    want = {(e.id, e.name) for e in g.entities} | {(f"literal:{o}", str(o)) for o in literals}
    assert sorted(nodes) == sorted(want)
    # nothing from the documents opened a tag: the page has the template's scripts only
    assert page.count("<script") == EMPTY_PAGE_SCRIPTS


EMPTY_PAGE_SCRIPTS = render(KnowledgeGraph([], [], [])).count("<script")


@settings(max_examples=150, **SETTINGS)
@given(graphs(), st.text(ANY_CHAR, max_size=40).map(printable))
def test_view_shows_any_text_as_data_only(g, title):
    page = render(g, title=title)
    _check_page(page, g)
    m = re.search(r"<title>(.*?)</title>", page, re.S)
    assert m is not None and "<" not in m.group(1)


# ---------------------------------------------------------------------------------------------
# Determinism: the same input gives the same bytes, in another process and with --jobs 2


def test_same_input_same_bytes_across_processes_and_jobs(tmp_path):
    import os
    import subprocess
    import sys

    from .conftest import ROOT, SEEDS

    corpus = tmp_path / "in"
    shutil.copytree(SEEDS, corpus)
    (corpus / "odd.txt").write_text(
        "Zoë Ångström joined Acme Corp in Zürich.\u2028👩\u200d💻 Globex Inc hired Jane Doe.\n"
        "\x0cمرحبا Initech, a Dallas-based company, was founded by Peter Gibbons in 1998.\n"
        + "Meta released Muse Spark. "
        * 600,
        encoding="utf-8",
    )
    (corpus / "same.jsonl").write_text(
        '{"id": "odd", "text": "Acme Corp hired Jane Doe."}\n{"id": "odd-2", "text": "x"}\n',
        encoding="utf-8",
    )
    outs = []
    for n, (seed, jobs) in enumerate((("1", "1"), ("2", "2"))):
        out = tmp_path / f"out{n}"
        env = {**os.environ, "PYTHONHASHSEED": seed}
        for cmd in (
            ["build", str(corpus), "--out", str(out), "--jobs", jobs, "-q"],
            ["export", "--store", str(out / "store"), "-f", "nquads", "-o", str(out / "g.nq")],
        ):
            proc = subprocess.run(
                [sys.executable, "-m", "kg.cli", *cmd], cwd=ROOT, env=env, capture_output=True
            )
            assert proc.returncode == 0, proc.stderr.decode()[-2000:]
        outs.append(out)
    for name in ("graph.ttl", "graph.json", "graph.html", "g.nq"):
        assert (outs[0] / name).read_bytes() == (outs[1] / name).read_bytes(), name
