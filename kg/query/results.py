"""A SPARQL query's answer, the same from either engine, and its text formats."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass, field
from typing import Any

from rdflib import BNode, Graph, Literal, URIRef

from kg.errors import FormatError

OUTPUTS = ("table", "csv", "tsv", "json")
# seconds `kg query` lets a query run unless --timeout says otherwise (kg serve's default too):
# long enough for any of queries/ on a million triples, short enough that a runaway query,
# such as an unbounded path or a cross product, does not hold a shell for good
QUERY_TIMEOUT = 60.0


@dataclass
class Result:
    """A query's answer: rows for SELECT, ``boolean`` for ASK, ``graph`` for CONSTRUCT/DESCRIBE."""

    form: str
    vars: list[str] = field(default_factory=list)
    rows: list[tuple[Any, ...]] = field(default_factory=list)
    boolean: bool | None = None
    graph: Graph | None = None

    def __iter__(self):
        return iter(self.rows)

    def __len__(self) -> int:
        return len(self.rows)

    def dicts(self) -> list[dict[str, Any]]:
        """Rows as dicts of Python values (IRIs as strings), unbound variables left out."""
        return [
            {v: _py(x) for v, x in zip(self.vars, row, strict=True) if x is not None}
            for row in self.rows
        ]


def _py(term: Any) -> Any:
    if isinstance(term, Literal):
        v = term.toPython()
        return v if isinstance(v, (int, float, bool, str)) else str(term)
    return str(term)


def _cell(term: Any) -> str:
    if term is None:
        return ""
    if isinstance(term, BNode):
        return f"_:{term}"
    return str(term)


def format_result(res: Result, output: str = "table") -> str:
    """The result as a text table, CSV, TSV or SPARQL 1.1 Query Results JSON."""
    if output not in OUTPUTS:
        raise FormatError(f"unknown output {output!r}; choose one of: {', '.join(OUTPUTS)}")
    if res.graph is not None:
        return res.graph.serialize(format="json-ld" if output == "json" else "turtle")
    if output == "json":
        if res.boolean is not None:
            return json.dumps({"head": {}, "boolean": res.boolean}, indent=1)
        return json.dumps(
            {
                "head": {"vars": res.vars},
                "results": {
                    "bindings": [
                        {
                            v: _json_term(x)
                            for v, x in zip(res.vars, row, strict=True)
                            if x is not None
                        }
                        for row in res.rows
                    ]
                },
            },
            indent=1,
            ensure_ascii=False,
        )
    if res.boolean is not None:
        return "true" if res.boolean else "false"
    if output in ("csv", "tsv"):
        buf = io.StringIO()
        w = csv.writer(buf, delimiter="," if output == "csv" else "\t", lineterminator="\n")
        w.writerow(res.vars)
        for row in res.rows:
            w.writerow([_cell(x) for x in row])
        return buf.getvalue().rstrip("\n")
    cells = [[_cell(x).replace("\n", " ") for x in row] for row in res.rows]
    widths = [max([len(v)] + [min(len(r[i]), 60) for r in cells]) for i, v in enumerate(res.vars)]

    def line(vals: list[str]) -> str:
        return " | ".join(
            (v if len(v) <= 60 else v[:57] + "...").ljust(w)
            for v, w in zip(vals, widths, strict=True)
        ).rstrip()

    out = [line(res.vars), "-+-".join("-" * w for w in widths)]
    out += [line(r) for r in cells]
    out.append(f"({len(cells)} row{'s' if len(cells) != 1 else ''})")
    return "\n".join(out)


def _json_term(term: Any) -> dict[str, str]:
    if isinstance(term, URIRef):
        return {"type": "uri", "value": str(term)}
    if isinstance(term, BNode):
        return {"type": "bnode", "value": str(term)}
    d = {"type": "literal", "value": str(term)}
    if isinstance(term, Literal):
        if term.language:
            d["xml:lang"] = term.language
        elif term.datatype:
            d["datatype"] = str(term.datatype)
    return d
