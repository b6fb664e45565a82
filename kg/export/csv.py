"""Flat CSV files for spreadsheets and pandas: ``entities.csv``, ``facts.csv`` (one row per
sentence a fact was read from, with its document and confidence), ``documents.csv``, and
``quotes.csv`` (one row per quotation, with its speaker) when the graph holds quotations.

>>> import kg
>>> g = kg.build(["Acme Corp, a Boston-based startup, hired Jane Doe."])
>>> files = csv_files(g)
>>> files["facts.csv"].splitlines()[0]
'fact,subject_id,subject,predicate,object_id,object,wikidata,confidence,document,sentence,start,end,rule,evidence_confidence,hedged,reported,start_time,end_time,point_in_time,status,of'
>>> files["entities.csv"].splitlines()[1]
'acme-corp,Acme Corp,Organization,,1,1,text-b1c3691099fc'
"""  # noqa: E501

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

from kg.export.table import Table, flatten
from kg.files import write_files
from kg.graph import KnowledgeGraph

ENTITY_FIELDS = ["id", "name", "type", "aliases", "mentions", "document_count", "documents"]
FACT_FIELDS = [
    "fact",
    "subject_id",
    "subject",
    "predicate",
    "object_id",
    "object",
    "wikidata",
    "confidence",
    "document",
    "sentence",
    "start",
    "end",
    "rule",
    "evidence_confidence",
    "hedged",
    "reported",  # the evidence's document's publication date
    # the fact's time qualifiers (ISO, as precise as the text), status and organisation
    "start_time",
    "end_time",
    "point_in_time",
    "status",
    "of",
]
DOCUMENT_FIELDS = ["id", "title", "source", "entities", "facts"]
QUOTE_FIELDS = [
    "speaker_id",
    "speaker",
    "text",
    "direct",
    "document",
    "sentence",
    "start",
    "end",
    "rule",
    "confidence",
]


def _csv(header: list[str], rows: list[list[Any]]) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(header)
    for row in rows:
        w.writerow(["true" if v is True else "false" if v is False else v for v in row])
    return buf.getvalue()


def tables_to_csv(t: Table) -> dict[str, str]:
    """The text of each CSV file, by file name, from a flattened graph."""
    entities = [n for n in t.nodes if n["type"] != "Literal"]
    names = {n["id"]: n["label"] for n in t.nodes}
    literal = {n["id"] for n in t.nodes if n["type"] == "Literal"}
    evidence: dict[str, list] = {}
    for ev in t.evidence:
        evidence.setdefault(ev["fact"], []).append(ev)
    facts = []
    for e in t.edges:
        head = [
            e["id"],
            e["source"],
            names[e["source"]],
            e["predicate"],
            "" if e["target"] in literal else e["target"],
            names[e["target"]],
            e["wikidata"],
            e["confidence"],
        ]
        for ev in evidence.get(e["id"]) or [None]:
            tail = (
                ["", "", "", "", "", "", "", ""]
                if ev is None
                else [
                    ev["document"],
                    ev["sentence"],
                    ev["start"],
                    ev["end"],
                    ev["rule"],
                    ev["confidence"],
                    ev["hedged"],
                    ev["reported"],
                ]
            )
            qualifiers = [e[k] for k in ("start_time", "end_time", "point_in_time", "status", "of")]
            facts.append(head + tail + qualifiers)
    files = {
        "entities.csv": _csv(
            ENTITY_FIELDS,
            [
                [n["id"], n["label"], n["type"], n["aliases"], n["mentions"]]
                + [n["document_count"], n["documents"]]
                for n in entities
            ],
        ),
        "facts.csv": _csv(FACT_FIELDS, facts),
        "documents.csv": _csv(
            DOCUMENT_FIELDS, [[d[k] for k in DOCUMENT_FIELDS] for d in t.documents]
        ),
    }
    if t.quotes:
        files["quotes.csv"] = _csv(QUOTE_FIELDS, [[q[k] for k in QUOTE_FIELDS] for q in t.quotes])
    return files


def csv_files(g: KnowledgeGraph, *, min_confidence: float | None = None) -> dict[str, str]:
    """The text of each CSV file, by file name; facts below ``min_confidence`` left out."""
    return tables_to_csv(flatten(g, min_confidence=min_confidence))


def write_csv(
    g: KnowledgeGraph, folder: str | Path, *, min_confidence: float | None = None
) -> list[Path]:
    """Write ``entities.csv``, ``facts.csv``, ``documents.csv`` (and ``quotes.csv`` when the
    graph holds quotations) into ``folder`` (made if missing); the paths written."""
    return write_files(folder, csv_files(g, min_confidence=min_confidence))
