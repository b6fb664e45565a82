"""Every input error through the CLI: one clear line naming the input, a non-zero exit status,
no traceback, and nothing written.

Each row of CASES is (name, how to make the input, the command line, what the line must say).
The command line may use {tmp} (a fresh folder), {good} (a graph kg built from the seeds) and
{bad} (the input the row made).
"""

from __future__ import annotations

import os
import re
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


# -- mistakes that once gave a traceback -----------------------------------------------------


def _one_line(res, *expected: str) -> str:
    assert res.exit_code == 1 and isinstance(res.exception, SystemExit), res.output
    assert "Traceback" not in res.output
    # what else kg says on standard error: which store a query reads, a build's progress
    said = re.compile(r"kg: (reading |\d+/\d+ documents, )")
    lines = [ln for ln in res.output.strip().splitlines() if not said.match(ln)]
    assert len(lines) == 1, res.output
    for text in expected:
        assert text in lines[0], lines[0]
    return lines[0]


@pytest.fixture(scope="module")
def store(tmp_path_factory, pipeline) -> Path:
    out = tmp_path_factory.mktemp("store")
    (out / "src").mkdir()
    (out / "src" / "a.txt").write_text("Acme Corp hired Jane Doe in Boston.\n", encoding="utf-8")
    res = CliRunner().invoke(main, ["build", str(out / "src"), "--out", str(out / "o"), "-q"])
    assert res.exit_code == 0, res.output
    return out / "o" / "store"


def test_a_long_inline_query_without_a_slash_is_a_query_not_a_file_name(store):
    q = "SELECT ?s WHERE { ?s ?p ?o } LIMIT 1 " + "#" * 300
    res = CliRunner().invoke(main, ["query", q, "--store", str(store)])
    assert res.exit_code == 0, res.output


@pytest.mark.parametrize(
    "param, expected",
    [
        ("name=<a b>", "parameter name: '<a b>' is not an IRI"),
        ("a b=1", "parameter 'a b' is not a variable name"),
        ("x{=1", "parameter 'x{' is not a variable name"),
    ],
)
def test_a_bad_param_is_one_line(store, good, param, expected):
    q = "SELECT ?s WHERE { ?s ?p ?name }"
    for where in (["--store", str(store)], ["--graph", str(good)]):
        res = CliRunner().invoke(main, ["query", q, *where, "--param", param])
        _one_line(res, "Error: query: " + expected)


def _damage(store: Path, tmp_path: Path, how: str) -> Path:
    import shutil

    copy = tmp_path / "store"
    shutil.copytree(store, copy)
    db = next((copy / "versions").iterdir()) / "oxigraph"
    sst = sorted(db.glob("*.sst"), key=lambda p: p.stat().st_size)[-1]
    if how == "missing":
        sst.unlink()
    else:  # one byte flipped in the middle: only a block's checksum tells
        data = bytearray(sst.read_bytes())
        data[len(data) // 2] ^= 0xFF
        sst.write_bytes(data)
    return copy


@pytest.mark.parametrize("how", ["missing", "flipped"])
def test_a_damaged_store_is_one_line_and_kg_store_check_repairs_it(store, tmp_path, how):
    copy = _damage(store, tmp_path, how)
    check = CliRunner().invoke(main, ["store", "check", "--store", str(copy)])
    line = _one_line(check, "damaged store", "kg store check --store", "--repair")
    assert str(copy / "versions") in line  # names the version's files
    if how == "missing":  # RocksDB refuses to open it: every reader says so on one line
        for args in (["query", "ASK {}"], ["query", "ASK {}", "--timeout", "0"]):
            _one_line(CliRunner().invoke(main, [*args, "--store", str(copy)]), "damaged", ".sst")
    # a build on top of it stops on one line and leaves the store as it was: one that adds
    # more than a tenth of the store compacts it and so reads every block (a smaller one may
    # not read the damaged block; `kg store check` finds it in any case)
    src = tmp_path / "more"
    src.mkdir()
    more = (
        "Globex hired John Smith in Paris. Initech, based in Austin, bought Hooli in 2019. "
        "Maria Lopez, the chief executive of Initech, said the deal was done.\n"
    )
    (src / "b.txt").write_text(more, encoding="utf-8")
    build = ["build", str(src), "--out", str(tmp_path / "o"), "--store", str(copy)]
    _one_line(CliRunner().invoke(main, build), "damaged store", "--repair")
    assert [p.name for p in (copy / "versions").iterdir()] == ["v000001"]

    fixed = CliRunner().invoke(main, ["store", "check", "--store", str(copy), "--repair"])
    assert fixed.exit_code == 0, fixed.output
    assert fixed.output.splitlines() == [
        f"{copy}: made v000002 again from the kept extractions",
        f"{copy}: v000002 is sound ({len(_store(store))} triples, 1 document)",
    ]
    same = "SELECT ?s ?p ?o WHERE { ?s ?p ?o } ORDER BY ?s ?p ?o"
    assert _store(copy).query(same).rows == _store(store).query(same).rows
    assert CliRunner().invoke(main, build).exit_code == 0


def _store(path: Path):
    from kg.store.core import Store

    return Store(path)


def test_a_full_disk_is_one_line(tmp_path, good, monkeypatch):
    import errno

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", full)
    out = tmp_path / "x.ttl"
    res = CliRunner().invoke(main, ["export", "--graph", str(good), "-o", str(out)])
    _one_line(res, f"Error: {out}: cannot write, the disk is full; free some space")
    assert not out.exists() and list(tmp_path.iterdir()) == []


def test_a_newline_in_a_file_name_stays_on_one_line(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a\nb.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    bad = str(tmp_path / "in" / "a\nb.txt")
    res = CliRunner().invoke(main, ["build", str(tmp_path / "in"), "--out", str(tmp_path / "o")])
    skipped = "kg: skipped " + bad.replace("\n", "\\n") + ": binary file, not text"
    assert skipped in res.output.splitlines()


@pytest.mark.parametrize(
    "edit, triple",
    [
        ("kgv:confidence 0.", 'kgv:confidence "high" ; kgv:x 0.'),
        ("kgv:confidence 0.", 'kgv:confidence "NaN"^^xsd:double ; kgv:x 0.'),
        ("kgv:confidence 0.", 'kgv:confidence "-INF"^^xsd:double ; kgv:x 0.'),
        ("kgv:start ", 'kgv:start "x"^^xsd:integer ; kgv:x '),
    ],
)
def test_from_rdf_on_a_value_edited_by_hand_names_the_triple(tmp_path, good, edit, triple):
    import kg

    text = good.read_text(encoding="utf-8")
    assert edit in text
    bad = tmp_path / "edited.ttl"
    bad.write_text(text.replace(edit, triple, 1), encoding="utf-8")
    with pytest.raises(kg.RdfError) as e:
        kg.KnowledgeGraph.from_rdf(bad)
    msg = str(e.value)
    value = triple.split(" ; ")[0].split(" ", 1)[1].replace("xsd:", "")
    name = triple.split(" ")[0].replace("kgv:", "")
    assert msg.startswith(f"{bad}: <") and f"#{name}> " in msg and "\n" not in msg, msg
    assert value.split("^^")[0].lower() in msg.lower() and "expected a finite" in msg
    res = CliRunner().invoke(main, ["view", str(bad), "-o", str(tmp_path / "v.html")])
    _one_line(res, str(bad), "expected a finite")


@pytest.mark.parametrize(
    "sources, expected",
    [
        (None, "cannot read None"),
        (42, "cannot read 42"),
        (b"Acme Corp hired Jane Doe.", "cannot read bytes: give text"),
        ({"text": "Acme Corp hired Jane Doe."}, "cannot read a dict: give its text"),
    ],
)
def test_kg_build_refuses_what_is_not_a_source(tmp_path, sources, expected):
    import kg

    with pytest.raises(kg.InputError, match=expected):
        kg.build(sources)
    with pytest.raises(kg.InputError, match=expected):
        _store(tmp_path / "s").build(sources)


def test_kg_view_of_node_link_json_with_nan_is_one_line(tmp_path):
    bad = tmp_path / "graph.json"
    bad.write_text(
        '{"directed": true, "multigraph": true, "graph": {}, "nodes": [{"id": "a"}, {"id": "b"}],'
        ' "links": [{"source": "a", "target": "b", "key": "p", "confidence": NaN}]}',
        encoding="utf-8",
    )
    res = CliRunner().invoke(main, ["view", str(bad), "-o", str(tmp_path / "v.html")])
    _one_line(res, f"Error: {bad}: not valid JSON (NaN is not a JSON number")
    assert not (tmp_path / "v.html").exists()
