"""How `kg build` shows a long build's progress: a bar on a terminal (rich), and on a pipe or in
a log a line every so many documents with their rate and the time left.

The library only counts: a build calls ``progress(n)`` as ``n`` more documents are done (parsed,
or taken from the store's kept extractions). This module draws those counts; only the CLI
imports it.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TextIO

from kg.defaults import PROGRESS_LINES, PROGRESS_SECONDS, PROGRESS_WINDOW

Progress = Callable[[int], None]


def clock_time(seconds: float) -> str:
    """Seconds as 'M:SS' or 'H:MM:SS'."""
    s = max(0, round(seconds))
    h, rest = divmod(s, 3600)
    m, s = divmod(rest, 60)
    return f"{h}:{m:02d}:{s:02d}" if h else f"{m}:{s:02d}"


class Lines:
    """Progress as lines of text: one every ``every`` documents (a twentieth of them unless
    told) or PROGRESS_SECONDS, whichever comes first, and one at the end. Each says the
    documents done, the rate and the time left at that rate.

    The rate is taken from the first count on: the documents of the first count (those a
    store kept, which come at once, or the first parsed, after the model loaded) would make
    it too high or too low. Over the whole run, not since the line before, and over no less
    than PROGRESS_WINDOW: ``--jobs`` workers report in bursts."""

    def __init__(
        self,
        total: int,
        stream: TextIO,
        *,
        every: int | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.total, self.stream, self.clock = total, stream, clock
        self.every = every or max(1, math.ceil(total / PROGRESS_LINES))
        self.done = 0
        self.start = clock()
        self.first: tuple[float, int] | None = None  # time and count of the first count
        self.last = self.start  # time of the last line

    def __call__(self, n: int) -> None:
        before, self.done = self.done, self.done + n
        # a store parses again, beside those given, documents an older kg kept
        self.total = max(self.total, self.done)
        now = self.clock()
        if self.first is None:
            self.first = (now, self.done)
        crossed = self.done // self.every > before // self.every
        if crossed or self.done >= self.total or now - self.last >= PROGRESS_SECONDS:
            self._line(now)

    def rate(self, now: float) -> float:
        """Documents a second since the first count; since the start until the first count is
        PROGRESS_WINDOW seconds old."""
        t0, n0 = self.first or (self.start, 0)
        if now - t0 >= PROGRESS_WINDOW and self.done > n0:
            return (self.done - n0) / (now - t0)
        return self.done / (now - self.start) if now > self.start else 0.0

    def _line(self, now: float) -> None:
        rate = self.rate(now)
        left = (self.total - self.done) / rate if rate > 0 else math.inf
        when = "done" if self.done >= self.total else f"{_left(left)} left"
        self.stream.write(
            f"kg: {self.done}/{self.total} documents, {_rate(rate)} documents/s, {when} "
            f"({clock_time(now - self.start)} so far)\n"
        )
        self.stream.flush()
        self.last = now


def _rate(rate: float) -> str:
    return f"{rate:.1f}" if rate >= 1 or rate == 0 else f"{rate:.2g}"  # 0.016, not 0.0


def _left(seconds: float) -> str:
    return clock_time(seconds) if math.isfinite(seconds) else "time unknown"


@contextmanager
def bar(total: int, stream: TextIO) -> Iterator[Progress]:
    """A bar on a terminal: documents done, their rate and the time left."""
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeRemainingColumn,
    )

    columns = (
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[rate]}"),
        TimeRemainingColumn(),
    )
    with Progress(*columns, console=Console(file=stream), transient=True) as shown:
        task = shown.add_task("documents", total=total, rate="")

        def advance(n: int) -> None:
            shown.advance(task, n)
            speed = shown.tasks[0].speed
            shown.update(task, rate=f"{speed:.1f}/s" if speed else "")

        yield advance


@contextmanager
def progress(total: int, stream: TextIO, *, quiet: bool = False) -> Iterator[Progress | None]:
    """What to hand a build as its ``progress``: a bar on a terminal, lines elsewhere, nothing
    with ``quiet``."""
    if quiet or total <= 0:
        yield None
    elif stream.isatty():
        with bar(total, stream) as advance:
            yield advance
    else:
        yield Lines(total, stream)
