"""A SPARQL query's answer, the same from either engine, and its text formats."""

from __future__ import annotations

import csv
import io
import json
import textwrap
from dataclasses import dataclass, field
from typing import Any

from rdflib import BNode, Graph, Literal, URIRef

from kg.defaults import TABLE_MIN_COLUMN, TABLE_WIDTH
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


def format_result(res: Result, output: str = "table", *, width: int | None = None) -> str:
    """The result as a text table (``width`` characters wide where it can be: a terminal's),
    CSV, TSV or SPARQL 1.1 Query Results JSON."""
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
    return _table(res, width or TABLE_WIDTH)


def _table(res: Result, width: int) -> str:
    """The rows as a text table at most ``width`` characters wide where it can be: a long
    value is wrapped over several lines of its row, never cut."""
    cells = [[" ".join(_cell(x).split()) for x in row] for row in res.rows]
    natural = [max([len(v)] + [len(r[i]) for r in cells]) for i, v in enumerate(res.vars)]
    widths = column_widths(natural, width - 3 * (len(natural) - 1))

    def lines(vals: list[str]) -> list[str]:
        wrapped = [_wrap(v, w) for v, w in zip(vals, widths, strict=True)]
        height = max((len(c) for c in wrapped), default=1)
        return [
            " | ".join(
                (c[n] if n < len(c) else "").ljust(w) for c, w in zip(wrapped, widths, strict=True)
            ).rstrip()
            for n in range(height)
        ]

    out = [*lines(res.vars), "-+-".join("-" * w for w in widths)]
    for r in cells:
        out += lines(r)
    out.append(f"({len(cells)} row{'s' if len(cells) != 1 else ''})")
    return "\n".join(out)


def column_widths(natural: list[int], room: int) -> list[int]:
    """Widths for columns whose values are ``natural`` wide, in ``room`` characters: narrow
    columns keep their width, and the wide ones share what is left equally (none narrower
    than TABLE_MIN_COLUMN, so a table wider than the room is wider, not unreadable)."""
    widths = list(natural)
    left = sorted(range(len(natural)), key=natural.__getitem__)
    while left:
        share = max(TABLE_MIN_COLUMN, room // len(left))
        if natural[left[0]] <= share:  # the narrowest fits its share: it keeps its width
            room -= natural[left.pop(0)]
            continue
        for i in left:
            widths[i] = share
        break
    return widths


def _wrap(value: str, width: int) -> list[str]:
    """``value`` over lines of ``width``: at spaces, and inside a word (an IRI) only when it is
    longer than a line."""
    if len(value) <= width:
        return [value]
    return textwrap.wrap(value, width, break_on_hyphens=False) or [""]


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
