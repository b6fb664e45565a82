import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import main

from .conftest import SEEDS


@pytest.fixture(scope="module")
def built(tmp_path_factory, pipeline):
    out = tmp_path_factory.mktemp("out")
    res = CliRunner().invoke(main, ["build", str(SEEDS), "--out", str(out)])
    assert res.exit_code == 0, res.output
    return out, res.output


def test_build_writes_three_files_and_a_summary(built):
    out, output = built
    for name in ("graph.ttl", "graph.json", "graph.html"):
        assert (out / name).stat().st_size > 0
    assert "documents: 2" in output and "Organization" in output and "developer" in output
    data = json.loads((out / "graph.json").read_text())
    assert {n["id"] for n in data["nodes"]} >= {"meta", "alexandr-wang", "muse-spark"}


def test_builds_are_byte_identical(built, tmp_path: Path):
    out, _ = built
    res = CliRunner().invoke(main, ["build", str(SEEDS), "--out", str(tmp_path), "-q"])
    assert res.exit_code == 0
    for name in ("graph.ttl", "graph.json", "graph.html"):
        assert (tmp_path / name).read_bytes() == (out / name).read_bytes()


def test_query_prints_a_table(built, tmp_path: Path):
    out, _ = built
    q = tmp_path / "q.rq"
    q.write_text("SELECT ?o WHERE { ?s kgv:developer ?o }")
    res = CliRunner().invoke(main, ["query", str(q), "--graph", str(out / "graph.ttl")])
    assert res.exit_code == 0 and "entity/meta" in res.output


@pytest.mark.parametrize(
    "make, message",
    [
        (lambda p: p / "nope", "no such file or folder"),
        (lambda p: (p / "empty").mkdir() or p / "empty", "folder holds no readable documents"),
        (lambda p: (p / "b.txt").write_bytes(b"\x00\x01\x02") and p / "b.txt", "binary file"),
        (lambda p: (p / "u.txt").write_bytes(b"caf\xe9 noir") and p / "u.txt", "not valid UTF-8"),
    ],
)
def test_bad_input_one_line_no_output(tmp_path: Path, make, message):
    src = make(tmp_path)
    out = tmp_path / "out"
    res = CliRunner().invoke(main, ["build", str(src), "--out", str(out)])
    assert res.exit_code != 0
    lines = res.output.strip().splitlines()
    assert len(lines) == 1 and str(src) in lines[0] and message in lines[0]
    assert "Traceback" not in res.output and not out.exists()


def test_query_syntax_error(built):
    out, _ = built
    res = CliRunner().invoke(
        main, ["query", "SELECT ?x WHERE {", "--graph", str(out / "graph.ttl")]
    )
    assert res.exit_code != 0 and "syntax error" in res.output and "line" in res.output


def test_every_command_has_help():
    for cmd in [[], *[[name] for name in main.commands]]:
        res = CliRunner().invoke(main, [*cmd, "--help"])
        assert res.exit_code == 0 and len(res.output) > 100
