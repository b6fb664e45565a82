"""SPARQL over kg's RDF: rdflib in memory or the Oxigraph store on disk.

Parameters are bound as RDF terms, never pasted into the query text as SPARQL: rdflib gets them
as initBindings; Oxigraph gets them as substitutions and also as a one-row ``VALUES`` block at
the head of the query's WHERE group, each term written by Oxigraph's own N-Triples term
serialiser (so a value can only ever be one literal or IRI). The ``VALUES`` row is there for
speed: Oxigraph plans a query before it applies substitutions, so without it a query such as
``facts_about.rq`` scans every fact before it meets the bound name (seconds instead of
milliseconds on a million triples). Where a query uses ``?NAME_key``, a string parameter
``NAME`` is also bound folded (``name_keys``), so that names are found case and accents aside.

A ``timeout`` runs the query in a forked worker that is killed when time is up, so a runaway
query cannot hang the caller. Both engines give their results as the same
``Result`` of rdflib terms, so output and tests do not care which one answered.

Every query may use kg's prefixes (kg.rdf.namespaces.PREFIXES) without declaring them;
queries/ declares its own anyway, so that the files also run on any SPARQL endpoint.
"""

from __future__ import annotations

import multiprocessing
import re
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

from rdflib import XSD, BNode, Graph, Literal, URIRef
from rdflib.plugins.sparql import prepareQuery

from kg.errors import QueryError
from kg.names import fold
from kg.query.results import Result
from kg.rdf.namespaces import PREFIXES


def bind_value(value: str) -> URIRef | Literal:
    """A parameter from the command line: <iri>, an integer, a decimal, or a string."""
    if value.startswith("<") and value.endswith(">"):
        return URIRef(value[1:-1])
    for cast in (int, float):
        try:
            return Literal(cast(value))
        except ValueError:
            pass
    return Literal(value)


_UPDATE = re.compile(
    r"^(?:\s|#[^\n]*\n|(?:PREFIX\s+[\w.-]*:\s*<[^>]*>)|(?:BASE\s*<[^>]*>))*"
    r"(INSERT|DELETE|LOAD|CLEAR|DROP|CREATE|ADD|MOVE|COPY|WITH)\b",
    re.IGNORECASE,
)


def check_not_update(sparql: str, source: str) -> None:
    """Refuse SPARQL UPDATE: querying never changes a graph or a store."""
    m = _UPDATE.match(sparql)
    if m:
        raise QueryError(
            f"{source}: {m[1].upper()} is SPARQL UPDATE; kg query only reads "
            "(kg serve --allow-update accepts updates)"
        )


_VARNAME = re.compile(r"[^\W]\w*")  # SPARQL's VARNAME, near enough: letters, digits, _
_IRI_BAD = re.compile(r'[\x00-\x20<>"{}|\\^`]')  # what an IRIREF may not hold


def _bindings(params: dict[str, Any] | None, source: str = "query") -> dict[str, URIRef | Literal]:
    out = {}
    for k, v in (params or {}).items():
        name = str(k).lstrip("?$")
        if not _VARNAME.fullmatch(name):
            raise QueryError(
                f"{source}: parameter {str(k)!r} is not a variable name "
                "(letters, digits and _; e.g. --param name=Acme)"
            )
        if (
            isinstance(v, str)
            and v.startswith("<")
            and v.endswith(">")
            and _IRI_BAD.search(v[1:-1])
        ):
            raise QueryError(
                f"{source}: parameter {name}: {v!r} is not an IRI "
                '(no spaces or <>"{}|\\^`); drop the <> to bind it as a string'
            )
        term = (
            v
            if isinstance(v, (URIRef, Literal))
            else (bind_value(v) if isinstance(v, str) else Literal(v))
        )
        out[name] = term
    return out


def name_keys(sparql: str, bindings: dict[str, URIRef | Literal]) -> dict[str, Literal]:
    """``?NAME_key`` for each string parameter ``NAME`` the query uses it for: the value folded
    as kg folds names (``kg.names.fold``: lower case, accents spelled in ASCII).

    kg writes each entity's name and aliases folded the same way (``kgv:nameKey``), so a query
    finds ``--param name=microsoft`` as "Microsoft" with ``?e kgv:nameKey ?name_key``: an index
    lookup of a term known before the query runs, on both engines (folding in SPARQL, with
    REPLACE, left Oxigraph's planner and rdflib scanning every fact).
    """
    return {
        f"{name}_key": Literal(fold(str(value)))
        for name, value in bindings.items()
        if isinstance(value, Literal)
        and value.datatype in (None, XSD.string)
        and re.search(rf"[?$]{re.escape(name)}_key\b", sparql)
    }


def query(
    g: Graph,
    sparql: str,
    *,
    params: dict[str, Any] | None = None,
    source: str = "query",
    timeout: float | None = None,
) -> Result:
    """Run ``sparql`` over ``g``; ``params`` bind variables (``{"name": "Meta"}`` binds ?name)."""
    check_not_update(sparql, source)
    try:
        q = prepareQuery(sparql, initNs=PREFIXES)
    except Exception as e:
        raise QueryError(_syntax_message(e, source)) from None
    bindings = _bindings(params, source)
    if q.algebra.name == "SelectQuery":  # the same rule as Oxigraph's pre-binding
        selected = {str(v) for v in q.algebra.get("PV", [])}
        for name in bindings:
            if name not in selected:
                raise QueryError(_unselected(source, name))
    bindings.update(name_keys(sparql, bindings))

    def run() -> Result:
        try:
            res = g.query(q, initBindings=bindings)
            if res.type == "ASK":
                return Result("ASK", boolean=bool(res.askAnswer))
            if res.type in ("CONSTRUCT", "DESCRIBE"):
                return Result(res.type, graph=res.graph)
            return Result("SELECT", [str(v) for v in res.vars or []], [tuple(r) for r in res])
        except Exception as e:
            raise QueryError(f"{source}: query failed ({e})") from None

    return with_timeout(run, timeout, source)


def query_store(
    path: str | Path | Any,
    sparql: str,
    *,
    params: dict[str, Any] | None = None,
    source: str = "query",
    timeout: float | None = None,
) -> Result:
    """Run ``sparql`` over the Oxigraph database at ``path`` (opened read-only), or over an
    open ``pyoxigraph.Store``; its named graphs are queried together as the default graph."""
    import pyoxigraph as ox

    check_not_update(sparql, source)
    prefixes = dict(PREFIXES)
    try:  # parse first: syntax errors are reported without touching the store
        ox.Store().query(sparql, prefixes=prefixes)
    except SyntaxError as e:
        raise QueryError(_syntax_message(e, source)) from None
    except Exception:  # the empty store cannot evaluate it, but it parsed
        pass
    bindings = _bindings(params, source)
    subs = {ox.Variable(k): _to_ox(v) for k, v in bindings.items()}
    # a name's folded key goes in the VALUES row alone: a substitution must be selected
    keys = {k: _to_ox(v) for k, v in name_keys(sparql, bindings).items()}
    planned = with_values_row(sparql, {k.value: v for k, v in subs.items()} | keys)

    def run() -> Result:
        if isinstance(path, ox.Store):
            store = path
        else:
            try:
                store = ox.Store.read_only(str(path))
            except (OSError, RuntimeError) as e:  # RocksDB reports damage as RuntimeError
                why = " ".join(str(e).split())
                raise QueryError(
                    f"{path}: cannot open the store ({why}); `kg store check` tells what is "
                    "wrong and `kg store check --repair` mends it"
                ) from None
        try:
            res = store.query(
                planned, prefixes=prefixes, use_default_graph_as_union=True, substitutions=subs
            )
            if isinstance(res, ox.QueryBoolean):
                return Result("ASK", boolean=bool(res))
            conv = _converter()
            if isinstance(res, ox.QueryTriples):
                g = Graph()
                for t in res:
                    g.add((conv(t.subject), conv(t.predicate), conv(t.object)))
                form = "DESCRIBE" if re.search(r"\bDESCRIBE\b", sparql, re.I) else "CONSTRUCT"
                return Result(form, graph=g)
            names = [v.value for v in res.variables]
            rows = [tuple(map(conv, sol)) for sol in res]  # a solution's values, in names' order
            return Result("SELECT", names, rows)
        except (OSError, RuntimeError, ValueError, TypeError) as e:
            m = re.search(r"does not contains? variable \?(\w+) in its SELECT", str(e))
            if m:
                raise QueryError(_unselected(source, m[1])) from None
            raise QueryError(f"{source}: query failed ({e})") from None

    return with_timeout(run, timeout, source)


# what to step over while looking for the WHERE group: comments, strings and IRIs
_SKIP = re.compile(
    r"#[^\n]*"
    r"|'''(?:[^\\]|\\.)*?'''"
    r'|"""(?:[^\\]|\\.)*?"""'
    r"|'(?:[^'\\\n]|\\.)*'"
    r'|"(?:[^"\\\n]|\\.)*"'
    r'|<[^<>"{}|^`\\\s]*>'
    r"|\bWHERE\b|\{",
    re.IGNORECASE,
)
_FORM = re.compile(r"(?:\s|#[^\n]*|(?:PREFIX|BASE)\b[^<]*<[^>]*>)*(\w+)", re.IGNORECASE)


def with_values_row(sparql: str, terms: dict[str, Any]) -> str:
    """``sparql`` with ``VALUES (?a ?b) { (t1 t2) }`` opening its WHERE group, the terms
    serialised by Oxigraph (``str()`` of a pyoxigraph term is its escaped N-Triples form).

    The WHERE group is the ``{`` after the first ``WHERE`` keyword, or the first ``{`` of a
    SELECT or ASK written without one; comments, strings and IRIs are stepped over. Where
    there is no such group (a DESCRIBE of an IRI alone, or ``CONSTRUCT WHERE``, whose pattern
    is also its template) the query is returned as it is and the substitutions alone bind.
    """
    if not terms:
        return sparql
    head = _FORM.match(sparql)
    form = head[1].upper() if head else ""
    seen_where = seen_brace = False
    for m in _SKIP.finditer(sparql):
        token = m[0]
        if token.upper() == "WHERE":
            if form == "CONSTRUCT" and not seen_brace:
                return sparql  # CONSTRUCT WHERE { ... }: its pattern is its template, no VALUES
            seen_where = True
        elif token == "{":
            if seen_where or form in ("SELECT", "ASK"):
                names = " ".join(f"?{k}" for k in terms)
                row = " ".join(str(v) for v in terms.values())
                return f"{sparql[: m.end()]} VALUES ({names}) {{ ({row}) }}{sparql[m.end() :]}"
            seen_brace = True
    return sparql


def _unselected(source: str, name: str) -> str:
    return (
        f"{source}: --param {name}: ?{name} is not in the query's SELECT clause; parameters "
        "are bound by SPARQL pre-binding, which needs the variable selected"
    )


def with_timeout(run: Callable[[], Result], timeout: float | None, source: str) -> Result:
    """``run()``, in a forked worker killed after ``timeout`` seconds (None: no limit)."""
    if not timeout:
        return run()
    ctx = multiprocessing.get_context("fork")
    receive, send = ctx.Pipe(duplex=False)
    worker = ctx.Process(target=_work, args=(run, send), daemon=True)
    worker.start()
    send.close()
    try:
        if not receive.poll(timeout):
            raise QueryError(
                f"{source}: query ran longer than the {timeout:g} s timeout and was stopped; "
                "narrow it or raise --timeout"
            )
        try:
            ok, payload = receive.recv()
        except EOFError:
            raise QueryError(f"{source}: the query worker died") from None
    finally:
        if worker.is_alive():
            worker.kill()
        worker.join()
        receive.close()
    if not ok:
        raise QueryError(payload)
    result, triples = payload
    if triples is None:
        return result
    graph = Graph()
    for t in triples:
        graph.add(t)
    return replace(result, graph=graph)


def _work(run: Callable[[], Result], send: Any) -> None:
    try:
        r = run()
        # an rdflib Graph does not pickle well: its triples cross the pipe instead
        triples = list(r.graph) if r.graph is not None else None
        send.send((True, (replace(r, graph=None), triples)))
    except Exception as e:  # noqa: BLE001 - sent back and raised in the caller
        send.send((False, str(e)))
    finally:
        send.close()


def _to_ox(term: URIRef | Literal) -> Any:
    import pyoxigraph as ox

    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if term.language:
        return ox.Literal(str(term), language=term.language)
    if term.datatype:
        return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
    return ox.Literal(str(term))


_XSD_STRING = str(XSD.string)


def _converter() -> Callable[[Any], Any]:
    """``_from_ox`` with each distinct term converted once: results repeat their terms (a
    predicate, a count, a confidence), and rdflib takes some microseconds to make a typed
    literal, which on a large result is a good part of the time the engine took."""
    memo: dict[Any, Any] = {}

    def conv(term: Any) -> Any:
        r = memo.get(term)
        if r is None and term is not None:
            r = memo[term] = _from_ox(term)
        return r

    return conv


def _from_ox(term: Any) -> Any:
    import pyoxigraph as ox

    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        dt = term.datatype.value
        return Literal(term.value) if dt == _XSD_STRING else Literal(term.value, datatype=dt)
    return Literal(str(term))


def _syntax_message(e: Exception, source: str) -> str:
    line = getattr(e, "lineno", None)
    col = getattr(e, "col", None) or getattr(e, "column", None)
    msg = getattr(e, "msg", None) or (str(e).splitlines() or [type(e).__name__])[0]
    m = re.match(r"error at (\d+):(\d+): (.*)", str(msg))  # Oxigraph's form
    if m:
        line, col, msg = int(m[1]), int(m[2]), m[3]
    where = f" at line {line}, column {col}" if line is not None else ""
    return f"{source}: SPARQL syntax error{where}: {msg}"
