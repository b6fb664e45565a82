"""A build's progress: lines with rate and time left on a pipe, a bar on a terminal, none
with --quiet."""

from __future__ import annotations

import io
import re

from click.testing import CliRunner

from kg.cli import main
from kg.progress import Lines, clock_time, progress

from .conftest import SEEDS

TIME = r"(?:\d+:)?\d+:\d\d"
LINE = re.compile(
    rf"kg: (\d+)/(\d+) documents, ([\d.]+) documents/s, (?:({TIME}) left|done) \({TIME} so far\)"
)


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_lines_every_twentieth_with_rate_and_time_left():
    out, clock = io.StringIO(), Clock()
    counted = Lines(100, out, clock=clock)
    for _ in range(100):
        clock.now += 0.5  # two documents a second
        counted(1)
    lines = out.getvalue().splitlines()
    assert len(lines) == 20
    found = [LINE.fullmatch(ln) for ln in lines]
    assert all(found), lines
    first, last = found[0], found[-1]
    assert first.groups()[:3] == ("5", "100", "2.0") and first[4] == clock_time(95 / 2.0)
    assert last[1] == "100" and last[4] is None and lines[-1].endswith("done (0:50 so far)")


def test_the_rate_leaves_out_the_first_count():
    # documents a store kept come at once; the time left follows the pace of parsing after
    out, clock = io.StringIO(), Clock()
    counted = Lines(20, out, every=10, clock=clock)
    counted(10)
    for _ in range(5):
        clock.now += 1.0
        counted(1)
    clock.now += 1.0
    counted(5)
    second = LINE.fullmatch(out.getvalue().splitlines()[1])
    assert second is not None and second[3] == "1.7"  # 10 documents in 6 seconds


def test_bursts_of_documents_do_not_make_the_rate_jump():
    # two --jobs workers that finish their chunks at the same moment
    out, clock = io.StringIO(), Clock()
    counted = Lines(40, out, every=8, clock=clock)
    for t, n in ((13.0, 8), (13.001, 8), (17.0, 8), (19.0, 8), (20.0, 8)):
        clock.now = t
        counted(n)
    rates = [float(m[3]) for m in map(LINE.fullmatch, out.getvalue().splitlines()) if m]
    assert len(rates) == 5 and max(rates[1:]) < 10, rates


def test_a_slow_build_writes_a_line_a_minute():
    out, clock = io.StringIO(), Clock()
    counted = Lines(1000, out, clock=clock)
    clock.now = 61.0
    counted(1)
    line = LINE.fullmatch(out.getvalue().strip())
    assert line is not None and line[3] == "0.016" and line[4] == clock_time(999 * 61)


def test_quiet_gives_no_callback_and_a_pipe_gives_lines():
    with progress(10, io.StringIO(), quiet=True) as counted:
        assert counted is None
    with progress(10, io.StringIO()) as counted:
        assert isinstance(counted, Lines)


def test_kg_build_on_a_pipe_prints_progress_lines_and_quiet_prints_none(tmp_path, pipeline):
    res = CliRunner().invoke(main, ["build", str(SEEDS), "--out", str(tmp_path / "a")])
    assert res.exit_code == 0, res.output
    lines = [ln for ln in res.stderr.splitlines() if ln.startswith("kg: ") and "documents" in ln]
    assert lines and all(LINE.fullmatch(ln) for ln in lines), res.stderr
    assert any("left" in ln for ln in lines) and lines[-1].startswith("kg: 2/2 documents")
    assert "documents/s" not in res.stdout
    quiet = CliRunner().invoke(main, ["build", str(SEEDS), "--out", str(tmp_path / "b"), "-q"])
    assert quiet.exit_code == 0 and quiet.output == ""


def test_a_terminal_gets_a_bar_with_the_time_left():
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    screen = Terminal()
    with progress(4, screen) as counted:
        assert counted is not None and not isinstance(counted, Lines)
        for _ in range(4):
            counted(1)
    drawn = screen.getvalue()
    assert "documents" in drawn and "4/4" in drawn and "━" in drawn
    assert re.search(r"\d:\d\d:\d\d|-:--:--", drawn)  # rich's time left


def test_more_documents_than_announced_raise_the_total():
    out = io.StringIO()
    counted = Lines(1, out, clock=Clock())
    counted(2)  # a store parsed again a document an older kg kept
    assert out.getvalue().startswith("kg: 2/2 documents")
