"""Neo4j: the CSV files and header format of ``neo4j-admin database import full``, and an
``import.cypher`` that loads the same files into a running database with ``LOAD CSV``.

The header format is the one Neo4j's operations manual documents ("Import header format",
https://neo4j.com/docs/operations-manual/current/import/header-format/): ``name:ID(group)`` and
``:LABEL`` in node files,
``:START_ID(group)``, ``:END_ID(group)`` and ``:TYPE`` in relationship files, a property's type
after a colon (``confidence:float``, ``aliases:string[]``), arrays split on ``;`` (the
importer's default ``--array-delimiter``) and booleans written ``true``/``false``. docs/exports.md
shows both ways to load them.

>>> import csv, io, kg
>>> g = kg.build(["Acme Corp, a Boston-based startup, hired Jane Doe."])
>>> files = neo4j_files(g)
>>> sorted(files)
['documents.csv', 'entities.csv', 'facts.csv', 'import.cypher', 'mentions.csv']
>>> files["facts.csv"].splitlines()[0]
':START_ID(Entity),:END_ID(Entity),:TYPE,id,predicate,wikidata,confidence:float,evidence_count:int,hedged:boolean,documents:string[],sentence,start_time,end_time,point_in_time,status,of,reported'
>>> next(r for r in csv.DictReader(io.StringIO(files["entities.csv"])) if r["name"] == "Jane Doe")[":LABEL"]
'Entity;Person'
"""  # noqa: E501

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

from kg.export.table import SEP, Row, Table, flatten
from kg.files import write_files
from kg.graph import KnowledgeGraph

ARRAY = ";"  # neo4j-admin's default --array-delimiter

ENTITY_HEADER = [
    "id:ID(Entity)",
    "name",
    "type",
    "aliases:string[]",
    "mentions:int",
    "document_count:int",
    "documents:string[]",
    ":LABEL",
]
DOCUMENT_HEADER = ["id:ID(Document)", "title", "source", "entities:int", "facts:int", ":LABEL"]
FACT_HEADER = [
    ":START_ID(Entity)",
    ":END_ID(Entity)",
    ":TYPE",
    "id",
    "predicate",
    "wikidata",
    "confidence:float",
    "evidence_count:int",
    "hedged:boolean",
    "documents:string[]",
    "sentence",
    # the time qualifiers as ISO text (a year, a month or a day, as precise as the text), the
    # status, the id of a position's organisation, and the first publication date reporting it
    "start_time",
    "end_time",
    "point_in_time",
    "status",
    "of",
    "reported",
]
QUALIFIER_COLUMNS = ("start_time", "end_time", "point_in_time", "status", "of", "reported")
MENTION_HEADER = [":START_ID(Entity)", ":END_ID(Document)", ":TYPE", "mentions:int"]
HEADERS = {
    "entities.csv": ENTITY_HEADER,
    "documents.csv": DOCUMENT_HEADER,
    "facts.csv": FACT_HEADER,
    "mentions.csv": MENTION_HEADER,
}

IMPORT_CYPHER = """\
// Loads kg's Neo4j CSV files into a running database with LOAD CSV (Neo4j 5.26 or later:
// labels and relationship types are read from the files with $(...)). Copy the CSV files into
// the database's import folder, then run:  cypher-shell -u neo4j -p PASSWORD -f import.cypher
CREATE CONSTRAINT kg_entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT kg_value_id IF NOT EXISTS FOR (n:Value) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT kg_document_id IF NOT EXISTS FOR (n:Document) REQUIRE n.id IS UNIQUE;

LOAD CSV WITH HEADERS FROM 'file:///entities.csv' AS row
CREATE (n:$(split(row.`:LABEL`, ';')))
SET n.id = row.`id:ID(Entity)`, n.name = row.name, n.type = row.type,
    n.aliases = split(row.`aliases:string[]`, ';'),
    n.mentions = toInteger(row.`mentions:int`),
    n.document_count = toInteger(row.`document_count:int`),
    n.documents = split(row.`documents:string[]`, ';');

LOAD CSV WITH HEADERS FROM 'file:///documents.csv' AS row
CREATE (d:Document)
SET d.id = row.`id:ID(Document)`, d.title = row.title, d.source = row.source,
    d.entities = toInteger(row.`entities:int`), d.facts = toInteger(row.`facts:int`);

LOAD CSV WITH HEADERS FROM 'file:///mentions.csv' AS row
MATCH (e:Entity {id: row.`:START_ID(Entity)`}), (d:Document {id: row.`:END_ID(Document)`})
CREATE (e)-[r:MENTIONED_IN]->(d)
SET r.mentions = toInteger(row.`mentions:int`);

// a fact's object is an entity or a value (a date, a number): both sit in the Entity id group
LOAD CSV WITH HEADERS FROM 'file:///facts.csv' AS row
MATCH (s:Entity {id: row.`:START_ID(Entity)`})
CALL (row) {
  MATCH (o:Entity {id: row.`:END_ID(Entity)`}) RETURN o
  UNION
  MATCH (o:Value {id: row.`:END_ID(Entity)`}) RETURN o
}
CREATE (s)-[r:$(row.`:TYPE`)]->(o)
SET r.id = row.id, r.predicate = row.predicate, r.wikidata = row.wikidata,
    r.confidence = toFloat(row.`confidence:float`),
    r.evidence_count = toInteger(row.`evidence_count:int`),
    r.hedged = row.`hedged:boolean` = 'true',
    r.documents = split(row.`documents:string[]`, ';'),
    r.sentence = row.sentence, r.start_time = row.start_time, r.end_time = row.end_time,
    r.point_in_time = row.point_in_time, r.status = row.status, r.of = row.of,
    r.reported = row.reported;
"""


def _array(cell: str) -> str:
    """A ``SEP``-joined cell as a Neo4j array cell: ``;`` between values, none inside one."""
    return ARRAY.join(v.replace(ARRAY, ",") for v in cell.split(SEP)) if cell else ""


def _text(value: str) -> str:
    """One line: neo4j-admin reads a field across lines only with --multiline-fields."""
    return " ".join(value.splitlines())


def _cell(value: Any) -> Any:
    if isinstance(value, bool):
        return "true" if value else "false"
    return value


def _csv(header: list[str], rows: list[list[Any]]) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(header)
    w.writerows([_cell(v) for v in row] for row in rows)
    return buf.getvalue()


def _entity(n: Row) -> list[Any]:
    labels = "Value" if n["type"] == "Literal" else f"Entity{ARRAY}{n['type']}"
    return [
        n["id"],
        _text(n["label"]),
        n["type"],
        _array(n["aliases"]),
        n["mentions"],
        n["document_count"],
        _array(n["documents"]),
        labels,
    ]


def _fact(e: Row) -> list[Any]:
    return [
        e["source"],
        e["target"],
        e["predicate"].upper(),
        e["id"],
        e["predicate"],
        e["wikidata"],
        e["confidence"],
        e["evidence_count"],
        e["hedged"],
        _array(e["documents"]),
        _text(e["sentence"]),
        *(e[k] for k in QUALIFIER_COLUMNS),
    ]


def tables_to_neo4j(t: Table) -> dict[str, str]:
    """The text of each Neo4j file, by file name, from a flattened graph."""
    return {
        "entities.csv": _csv(ENTITY_HEADER, [_entity(n) for n in t.nodes]),
        "documents.csv": _csv(
            DOCUMENT_HEADER,
            [
                [d["id"], _text(d["title"]), d["source"], d["entities"], d["facts"], "Document"]
                for d in t.documents
            ],
        ),
        "facts.csv": _csv(FACT_HEADER, [_fact(e) for e in t.edges]),
        "mentions.csv": _csv(
            MENTION_HEADER,
            [[m["entity"], m["document"], "MENTIONED_IN", m["mentions"]] for m in t.mentions],
        ),
        "import.cypher": IMPORT_CYPHER,
    }


def neo4j_files(g: KnowledgeGraph, *, min_confidence: float | None = None) -> dict[str, str]:
    """The text of each Neo4j file, by file name; facts below ``min_confidence`` left out."""
    return tables_to_neo4j(flatten(g, min_confidence=min_confidence))


def write_neo4j(
    g: KnowledgeGraph, folder: str | Path, *, min_confidence: float | None = None
) -> list[Path]:
    """Write the Neo4j import files into ``folder`` (made if missing); the paths written."""
    return write_files(folder, neo4j_files(g, min_confidence=min_confidence))
