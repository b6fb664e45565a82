"""The README's promises: its library example runs, and every CLI command is documented."""

import os
import re

from click.testing import CliRunner

from kg.cli import main

from .conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_library_example_runs(tmp_path, pipeline, monkeypatch):
    block = re.search(r"## Library\n\n```python\n(.*?)```", README, re.S).group(1)
    monkeypatch.chdir(ROOT)
    # the example writes graph.html and reads out/graph.ttl: give it its own folder for both
    out = tmp_path / "out"
    res = CliRunner().invoke(main, ["build", "seeds", "--out", str(out), "-q"])
    assert res.exit_code == 0, res.output
    code = block.replace('"out/graph.ttl"', repr(str(out / "graph.ttl")))
    code = code.replace('"graph.html"', repr(str(tmp_path / "graph.html")))
    env = {"__name__": "readme"}
    exec(compile(code, "README.md", "exec"), env)  # noqa: S102 - the README's own code
    assert env["g"].entities and (tmp_path / "graph.html").exists()
    assert os.path.samefile(os.getcwd(), ROOT)


def test_every_command_is_in_the_readme():
    for name, cmd in main.commands.items():
        assert cmd.help, f"kg {name} has no help text"
        assert f"kg {name}" in README, f"kg {name} is missing from the README"
