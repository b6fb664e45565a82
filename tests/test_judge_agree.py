"""The second judge (benchmarks.judge_agree): the blind stratified sample, Cohen's kappa, and
the second judgments' file."""

from __future__ import annotations

import pytest

from benchmarks.judge_agree import (
    FIRST,
    HIDDEN,
    SAMPLED,
    SECOND,
    blind,
    cohen_kappa,
    pairs,
    read_lines,
    report,
    sample,
    source_of,
)
from benchmarks.judge_facts import MODEL_PART, PARTS

# (part, source)
SOURCES = [
    ("html-tune", "html"),
    ("html-held-model", "html"),
    ("html-held-model-top", "html"),
    ("conll04-held", "conll04"),
    ("redocred-tune", "redocred"),
]


@pytest.mark.parametrize(("part", "src"), SOURCES)
def test_source_of(part: str, src: str) -> None:
    assert source_of(part) == src


# (first judge, second judge, kappa), worked by hand: observed agreement po, chance pe from
# each judge's shares, kappa = (po - pe) / (1 - pe)
KAPPAS = [
    (["right", "right", "wrong", "wrong"], ["right", "wrong", "wrong", "wrong"], 0.5),
    (["right", "wrong"], ["right", "wrong"], 1.0),
    (["right", "wrong"], ["wrong", "right"], -1.0),
    (["right", "right", "right", "wrong"], ["right", "right", "wrong", "right"], -1 / 3),
    # po 0.8, pe (3*2 + 1*2 + 1*1) / 25 = 0.36: kappa 0.44 / 0.64
    (
        ["right", "right", "right", "wrong", "unclear"],
        ["right", "right", "wrong", "wrong", "unclear"],
        0.6875,
    ),
    (["right", "right"], ["right", "right"], 1.0),  # one label only: agreement is all
]


@pytest.mark.parametrize(("a", "b", "kappa"), KAPPAS)
def test_cohen_kappa(a: list[str], b: list[str], kappa: float) -> None:
    assert cohen_kappa(a, b) == pytest.approx(kappa)


def _line(part: str, n: int, predicate: str = "position_held") -> dict:
    return {"part": part, "key": f"{part}|{n}", "predicate": predicate, "judgment": "right"}


LINES = (
    [_line("html-tune", i) for i in range(6)]
    + [_line("conll04-tune", i) for i in range(3)]
    + [_line("redocred-held", i, "demonym_of") for i in range(5)]
    + [_line("redocred-tune", i) for i in range(2)]
    + [_line("html-tune-model-top", i) for i in range(3)]  # judged after the sample was drawn
)


def test_sample_is_stratified_without_demonym_of() -> None:
    drawn = sample(LINES, per_source=4, seed=1)
    parts = [x["part"] for x in drawn]
    # 4 of 6 html lines, all 3 of CoNLL04, the 2 Re-DocRED lines that are not demonym_of
    assert (parts.count("html-tune"), parts.count("conll04-tune")) == (4, 3)
    assert "html-tune-model-top" not in parts
    assert [x["key"] for x in drawn if x["part"].startswith("redocred")] == [
        "redocred-tune|0",
        "redocred-tune|1",
    ]
    assert drawn == sample(LINES, per_source=4, seed=1)  # seeded: the same draw every time
    assert drawn == [x for x in LINES if x in drawn]  # in the file's order


def test_sample_leaves_out_lines_judged_after_it() -> None:
    """Lines appended to a sampled part after the second judging change no draw."""
    later = [*LINES, *(_line("html-tune", 100 + i) for i in range(20))]
    drawn = sample(later, per_source=4, seed=1, first=len(LINES))
    assert drawn == sample(LINES, per_source=4, seed=1, first=None)
    assert sample(later, per_source=4, seed=1, first=None) != drawn  # the pool did grow


def test_blind_hides_the_first_judgment() -> None:
    line = {**_line("html-tune", 0), "why": "a reason"}
    assert blind(line) == {"part": "html-tune", "key": "html-tune|0", "predicate": "position_held"}


def test_report_lists_the_disagreements() -> None:
    first = [{**_line("html-tune", i), "why": ""} for i in range(4)]
    second = [{"key": x["key"], "judgment": "right", "why": ""} for x in first]
    second[2] = {"key": "html-tune|2", "judgment": "wrong", "why": "name cut short"}
    text = report(pairs(first, second))
    assert text.startswith("4 lines judged twice: 3 agree (75%), Cohen's kappa 0.00")
    assert "- html-tune|2\n    first right: \n    second wrong: name cut short" in text


def test_second_judgments_are_the_sample_and_valid() -> None:
    if not (FIRST.is_file() and SECOND.is_file()):
        pytest.skip("no judged facts or no second judgments (python -m benchmarks.judge_agree)")
    first, second = read_lines(FIRST), read_lines(SECOND)
    assert [y["key"] for y in second] == [x["key"] for x in sample(first)]
    for y in second:
        assert set(y) == {"key", "judgment", "why"}
        assert y["judgment"] in ("right", "wrong", "unclear"), y["key"]
        if y["judgment"] != "right":
            assert y["why"].strip(), y["key"]
    assert not any(k in blind(x) for x in first for k in HIDDEN)


def test_sampled_parts_are_those_of_the_first_judging() -> None:
    assert SAMPLED == (*PARTS, MODEL_PART)
