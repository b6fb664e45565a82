"""The README's promises: its library example runs, and its command lines are real commands."""

import os
import re
import shlex

import click
from click.testing import CliRunner

from kg.cli import main

from .conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def _block(heading: str, lang: str) -> str:
    match = re.search(rf"## {heading}\n\n```{lang}\n(.*?)```", README, re.S)
    assert match, f"the README has no {lang} block under '## {heading}'"
    return match.group(1)


def test_readme_is_short():
    assert len(README.splitlines()) <= 200


def test_library_example_runs(tmp_path, pipeline, monkeypatch):
    block = _block("Library", "python")
    assert len(block.splitlines()) <= 10
    monkeypatch.chdir(ROOT)
    # the example writes graph.html and reads out/graph.ttl: give it its own folder for both
    out = tmp_path / "out"
    res = CliRunner().invoke(main, ["build", "seeds", "--out", str(out), "-q"])
    assert res.exit_code == 0, res.output
    code = block.replace('"out/graph.ttl"', repr(str(out / "graph.ttl")))
    code = code.replace('"graph.html"', repr(str(tmp_path / "graph.html")))
    env = {"__name__": "readme"}
    exec(compile(code, "README.md", "exec"), env)  # noqa: S102 - the README's own code
    g, back = env["g"], env["back"]
    assert {e.type for e in g.entities} >= {"Person", "Organization"}
    assert "Alexandr Wang" in {str(row[0]) for row in env["rows"]}
    assert "<!DOCTYPE html>" in (tmp_path / "graph.html").read_text(encoding="utf-8")[:200]
    # what kg build wrote reads back as the graph the library built from the same seeds
    assert sorted(r.key for r in back.relations) == sorted(r.key for r in g.relations)
    assert os.path.samefile(os.getcwd(), ROOT)


def test_command_lines_name_real_commands_and_options():
    lines = [ln for ln in _block("Command line", "sh").splitlines() if ln.strip()]
    assert len(lines) == 5
    for line in lines:
        words = shlex.split(line, comments=True)
        assert words[0] == "kg", line
        cmd = main.commands.get(words[1])
        assert cmd is not None, f"{line!r}: kg has no command {words[1]!r}"
        flags = {o for p in cmd.params if isinstance(p, click.Option) for o in p.opts}
        for word in words[2:]:
            if word.startswith("-"):
                assert word in flags, f"{line!r}: kg {words[1]} has no option {word}"


def test_every_command_has_help():
    for name, cmd in main.commands.items():
        assert cmd.help, f"kg {name} has no help text"
