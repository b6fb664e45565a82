"""Every input error through the CLI: one clear line naming the input, a non-zero exit status,
no traceback, and nothing written.

Each row of CASES is (name, how to make the input, the command line, what the line must say).
The command line may use {tmp} (a fresh folder), {good} (a graph kg built from the seeds) and
{bad} (the input the row made).
"""

from __future__ import annotations

import os
import shlex
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import main

from .conftest import SEEDS


def _write(name: str, data: bytes | str) -> Callable[[Path], Path]:
    def make(tmp: Path) -> Path:
        p = tmp / name
        if isinstance(data, bytes):
            p.write_bytes(data)
        else:
            p.write_text(data, encoding="utf-8")
        return p

    return make


def _unreadable(tmp: Path) -> Path:
    if os.geteuid() != 0:
        p = _write("secret.txt", "Acme Corp hired Jane Doe.")(tmp)
        p.chmod(0)
        return p
    # root reads any file whatever its mode; this one fails to read for everybody
    if not Path("/proc/self/mem").exists():
        pytest.skip("running as root and /proc/self/mem is missing: no unreadable file to use")
    return Path("/proc/self/mem")


def _empty_dir(tmp: Path) -> Path:
    (tmp / "empty").mkdir()
    return tmp / "empty"


def _folder_with_binary(tmp: Path) -> Path:
    (tmp / "corpus").mkdir()
    (tmp / "corpus" / "a.txt").write_text("Acme Corp hired Jane Doe.", encoding="utf-8")
    (tmp / "corpus" / "b.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    return tmp / "corpus" / "b.txt"


def _fifo(tmp: Path) -> Path:
    os.mkfifo(tmp / "f.txt")  # reading it would block: kg must not open it
    return tmp / "f.txt"


BUILD = "build {bad} --out {tmp}/out --no-store"
GAZ_BUILD = f"build {SEEDS} --out {{tmp}}/out --no-store --gazetteer {{bad}}"
QUERY = "query 'SELECT ?s WHERE { ?s ?p ?o } LIMIT 1' --graph {bad}"
MALFORMED_TTL = '@prefix x: <http://x.org/> .\nx:a x:b "no end .\n'

CASES = [
    # -- documents
    ("missing path", lambda t: t / "nope.txt", BUILD, "no such file or folder"),
    ("missing folder", lambda t: t / "nowhere", BUILD, "no such file or folder"),
    ("empty folder", _empty_dir, BUILD, "folder holds no readable documents"),
    ("binary file", _write("b.txt", b"\x00\x01\x02binary"), BUILD, "binary file, not text"),
    (
        "binary file in a folder",
        _folder_with_binary,
        "build {tmp}/corpus --out {tmp}/out --no-store --strict",
        "binary file, not text",
    ),  # fmt: skip
    (
        "undecodable UTF-16",
        _write("u.txt", b"\xff\xfe\x00\xd8"),  # a byte order mark, then a lone surrogate
        BUILD,
        "not valid utf-16 despite its byte order mark",
    ),  # fmt: skip
    ("a FIFO", _fifo, BUILD, "special file (a FIFO), not a document"),
    ("unreadable file", _unreadable, BUILD, "cannot read"),
    (
        "bad JSON Lines, --strict",
        _write("d.jsonl", '{"text": "ok"}\n{oops\n'),
        BUILD + " --strict",
        ":2: not valid JSON",
    ),  # fmt: skip
    (
        "JSON Lines without text, --strict",
        _write("e.jsonl", '{"body": "x"}\n'),
        BUILD + " --strict",
        "string field 'text'",
    ),  # fmt: skip
    # -- configuration: the gazetteer, the model, the base IRI
    (
        "gazetteer: bad JSON",
        _write("g.jsonl", '{"label": "ORG", "pattern": "A"}\n{x\n'),
        GAZ_BUILD,
        ":2: not valid JSON",
    ),  # fmt: skip
    (
        "gazetteer: no pattern",
        _write("g.jsonl", '{"label": "ORG"}\n'),
        GAZ_BUILD,
        ":1: a gazetteer line needs 'label'",
    ),  # fmt: skip
    ("gazetteer: not UTF-8", _write("g.jsonl", b"\xff\xfe{}"), GAZ_BUILD, "cannot read gazetteer"),
    ("gazetteer: missing", lambda t: t / "none.jsonl", GAZ_BUILD, "cannot read gazetteer"),
    (
        "unknown model",
        lambda t: "no_such_model",
        "build " + str(SEEDS) + " --out {tmp}/out --no-store --model {bad}",
        "cannot load spaCy model 'no_such_model'",
    ),  # fmt: skip
    (
        "invalid base IRI",
        lambda t: "'not an iri'",
        "build " + str(SEEDS) + " --out {tmp}/out --base {bad}",
        "not an absolute IRI",
    ),  # fmt: skip
    # -- formats
    (
        "unknown export format",
        lambda t: "rdfa",
        "export --format {bad} --graph {good}",
        "unknown RDF format 'rdfa'; choose one of: turtle",
    ),  # fmt: skip
    ("RDF file of unknown suffix", _write("g.xyz", "x"), QUERY, "cannot tell the RDF format"),
    # -- RDF
    ("malformed Turtle", _write("bad.ttl", MALFORMED_TTL), QUERY, "malformed turtle"),
    ("malformed RDF/XML", _write("bad.rdf", "<rdf:RDF"), QUERY, "malformed xml"),
    ("malformed JSON-LD", _write("bad.jsonld", "{"), QUERY, "malformed jsonld"),
    ("malformed N-Triples", _write("bad.nt", "<a> <b> .\n"), QUERY, "malformed ntriples"),
    ("missing RDF file", lambda t: t / "none.ttl", QUERY, "no such file"),
    (
        "export of malformed RDF",
        _write("bad.ttl", MALFORMED_TTL),
        "export --graph {bad}",
        "malformed turtle",
    ),  # fmt: skip
    (
        "view of malformed RDF",
        _write("bad.ttl", MALFORMED_TTL),
        "view {bad} --out {tmp}/v.html",
        "malformed turtle",
    ),  # fmt: skip
    (
        "not a kg graph",
        _write("other.ttl", "<http://a> <http://b> <http://c> .\n"),
        "export --graph {bad}",
        "holds no kg entities or documents",
    ),  # fmt: skip
    # -- SPARQL
    (
        "SPARQL syntax error",
        lambda t: "query",
        "query 'SELECT ?x WHERE {\n  ?x ?y ?z .\n  FILTER(\n}' --graph {good}",
        "SPARQL syntax error at line",
    ),  # fmt: skip
    (
        "SPARQL file with a syntax error",
        _write("q.rq", "# who\nSELECT ?x WHERE { ?x }\n"),
        "query {bad} --graph {good}",
        "SPARQL syntax error at line",
    ),  # fmt: skip
    (
        "missing query file",
        lambda t: t / "none.rq",
        "query {bad} --graph {good}",
        "no such query file",
    ),  # fmt: skip
    (
        "parameter without a value",
        lambda t: "name",
        "query 'ASK {}' --graph {good} -p {bad}",
        "expected NAME=VALUE",
    ),  # fmt: skip
    ("missing store", lambda t: t / "nostore", "query 'ASK {}' --store {bad}", "no such store"),
]


@pytest.fixture(scope="module")
def good(tmp_path_factory, pipeline) -> Path:
    out = tmp_path_factory.mktemp("good")
    res = CliRunner().invoke(main, ["build", str(SEEDS), "--out", str(out), "--no-store", "-q"])
    assert res.exit_code == 0, res.output
    return out / "graph.ttl"


@pytest.mark.parametrize("name, make, command, expected", CASES, ids=[c[0] for c in CASES])
def test_input_error(tmp_path, good, monkeypatch, name, make, command, expected):
    monkeypatch.chdir(tmp_path)
    bad = make(tmp_path)
    shown = bad if isinstance(bad, str) else str(bad)
    for key, value in (("{tmp}", str(tmp_path)), ("{good}", str(good)), ("{bad}", shown)):
        command = command.replace(key, shlex.quote(value) if key == "{bad}" else value)
    args = shlex.split(command)
    res = CliRunner().invoke(main, args)
    assert res.exit_code not in (0, None), res.output
    assert isinstance(res.exception, SystemExit), f"uncaught {res.exception!r}"
    assert "Traceback" not in res.output
    lines = res.output.strip().splitlines()
    assert len(lines) == 1, res.output
    line = lines[0]
    assert line.startswith("Error: ") and expected in line, line
    # the line names the input it is about
    named = shown.strip("'") if name not in ("unknown model",) else "no_such_model"
    if name == "SPARQL syntax error":
        named = "query: "
    assert named in line, line
    assert "column" in line or "SPARQL" not in line
    # and nothing was written
    assert not (tmp_path / "out").exists() and not (tmp_path / "v.html").exists()


def test_standard_input_that_is_not_text(tmp_path):
    res = CliRunner().invoke(
        main, ["build", "-", "--out", str(tmp_path / "out")], input=b"\x89PNG\r\n\x1a\n\x00\x00"
    )
    assert res.exit_code == 1 and isinstance(res.exception, SystemExit)
    assert res.output.strip() == "Error: <stdin>: binary file, not text"
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize(
    "args, expected",
    [
        (["query", "ASK {}", "-f", "yaml"], "'yaml' is not one of 'table', 'csv', 'tsv', 'json'"),
        (["build", str(SEEDS), "--jobs", "0"], "0 is not in the range x>=1"),
    ],
)
def test_usage_errors_say_what_is_valid(tmp_path, args, expected):
    # click's own checks: the error is one line, after a two-line usage hint
    res = CliRunner().invoke(main, [*args, "--out" if args[0] == "build" else "--graph", "x"])
    assert res.exit_code == 2 and "Traceback" not in res.output
    errors = [ln for ln in res.output.splitlines() if ln.startswith("Error:")]
    assert len(errors) == 1 and expected in errors[0]
