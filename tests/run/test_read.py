"""Reading a corpus in several processes (kg.run.read): what one process reads, in its order."""

from __future__ import annotations

import json
import logging
import os
from pathlib import Path

import pytest

from kg import ingest
from kg.errors import ConfigError, InputError
from kg.model import Document, ReadReport
from kg.run.read import iter_read_parallel, read

from ..ingest.test_ingest import bad_folder

PAGE = """<html lang="en"><head><title>{title} | Daily Planet</title>
<meta name="author" content="Jane Doe"></head><body><nav><a href="/">Home</a></nav>
<article><h1>{title}</h1><p>{body}</p></article>
<footer>All rights reserved.</footer></body></html>"""


def _page(folder: Path, name: str, title: str) -> Path:
    body = " ".join(
        f"Acme Corp said it had hired {n} engineers in Boston this year." for n in range(8)
    )
    path = folder / name
    path.write_text(PAGE.format(title=title, body=body), encoding="utf-8")
    return path


def _mixed(tmp_path: Path) -> list[object]:
    """Sources of every kind, with bad files, other kinds and ids that collide."""
    root, _ = bad_folder(tmp_path)
    _page(root, "page.html", "Acme hires engineers")
    (root / "notes.sgm").write_text("Reuters reported that Acme hired Jane Doe.")
    (root / "sub").mkdir()
    (root / "sub" / "doc000.txt").write_text("Globex hired John Roe in Ohio.\n")
    other = tmp_path / "other"
    other.mkdir()
    explicit = _page(other, "doc.html", "Globex opens an office")
    (other / "doc.txt").write_text("A second doc that shares the page's id.\n")
    return [
        Document(id="given", text="Initech hired Ann Lee."),
        root,
        "Plain text given as a string: Umbrella hired Bo Chen.",
        explicit,
        str(other / "doc.txt"),
    ]


@pytest.mark.parametrize("jobs", [1, 2, 3])
def test_the_same_documents_and_report_in_the_same_order(tmp_path: Path, jobs: int):
    sources = _mixed(tmp_path)
    one, many = ReadReport(), ReadReport()
    expected = ingest.read(sources, report=one, root=tmp_path)
    got = read(sources, jobs=jobs, report=many, root=tmp_path)
    assert got == expected
    assert many == one
    ids = [d.id for d in got]
    assert len(ids) == 1 + 193 + 1 + 6 + 1 + 3
    assert ids[:3] == ["given", "corpus-doc000", "corpus-doc001"]
    assert ids[193:196] == ["corpus-doc192", "corpus-page", "corpus-records-dc18ace8"]
    assert ids[-4:-2] == ["corpus-sub-doc000", "text-79c533c922dd"]
    assert ids[-2:] == ["other-doc", "other-doc-2"]
    assert [Path(s.path.split(":")[0]).name for s in many.skipped] == [
        "binary.txt",
        "device.txt",
        "empty.html",
        "fifo.txt",
        "gone.txt",
        "records.jsonl",
        "undecodable.txt",
    ]
    assert many.other_kinds == {".sgm": 1}


# (sources, the error a strict read raises): the first bad input in input order, whichever
# process reads it and however far the plan has run ahead
STRICT = [
    (lambda t: [bad_folder(t)[0]], "binary.txt: binary file, not text"),
    (lambda t: [bad_folder(t)[0], t / "nope.txt"], "binary.txt: binary file, not text"),
    (lambda t: [t / "nope.txt", bad_folder(t)[0]], "nope.txt: no such file or folder"),
    (
        lambda t: [
            (t / "r.jsonl").write_text('{"text": "Acme hired Jane Doe."}\n{"te\n') and t / "r.jsonl"
        ],
        "r.jsonl:2: not valid JSON",
    ),
    (lambda t: [(t / "e").mkdir() or t / "e"], "folder holds no readable documents"),
    (lambda t: ["Acme hired Jane Doe.", 42], "cannot read 42"),
]


@pytest.mark.parametrize("make, message", STRICT)
def test_strict_raises_at_the_first_bad_input(tmp_path: Path, make, message: str):
    sources = make(tmp_path)
    with pytest.raises(InputError, match=message) as serial:
        ingest.read(sources, strict=True)
    with pytest.raises(InputError, match=message) as parallel:
        read(sources, jobs=2, strict=True)
    assert str(parallel.value) == str(serial.value)


def test_a_bad_file_named_on_its_own_is_an_error_even_when_not_strict(tmp_path: Path):
    (tmp_path / "b.txt").write_bytes(bytes(range(256)) * 8)
    _page(tmp_path, "a.html", "Acme hires engineers")
    with pytest.raises(InputError, match="b.txt: binary file"):
        read([tmp_path / "a.html", tmp_path / "b.txt"], jobs=2)


def test_without_a_report_each_skip_is_one_warning_in_order(tmp_path: Path, caplog):
    root, bad = bad_folder(tmp_path)
    with caplog.at_level(logging.WARNING, logger="kg.ingest"):
        ingest.read([root])
    serial = [r.getMessage() for r in caplog.records if r.name == "kg.ingest"]
    caplog.clear()
    with caplog.at_level(logging.WARNING, logger="kg.ingest"):
        assert len(read([root], jobs=2)) == 199
    assert [r.getMessage() for r in caplog.records if r.name == "kg.ingest"] == serial and len(
        serial
    ) == bad


def test_an_unreadable_subfolder_is_reported_in_its_place(tmp_path: Path, locked_folders):
    for name in ("a.txt", "locked/b.txt", "z.txt"):
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_text("Acme hired Jane Doe.")
    (tmp_path / "y.txt").write_bytes(b"\x00\x01\x02")
    report = ReadReport()
    docs = read([tmp_path], jobs=2, report=report, root=tmp_path)
    assert [d.id for d in docs] == ["a", "z"]
    assert [Path(s.path).name for s in report.skipped] == ["y.txt", "locked"]


def test_jobs_must_be_one_or_more():
    with pytest.raises(ConfigError, match="jobs must be 1 or more"):
        list(iter_read_parallel(["Acme hired Jane Doe."], jobs=0))


def test_the_cli_reads_in_jobs_processes_with_the_same_report_and_exit(tmp_path: Path):
    from click.testing import CliRunner

    from kg.cli import main

    root, bad = bad_folder(tmp_path)
    out = tmp_path / "out"
    res = CliRunner().invoke(main, ["build", str(root), "--out", str(out), "--strict", "-j", "2"])
    assert res.exit_code == 1
    assert res.output.strip().splitlines() == [
        f"Error: {root / 'binary.txt'}: binary file, not text"
    ]
    expected = ReadReport()
    ingest.read([root], report=expected, exclude=[out])
    res = CliRunner().invoke(main, ["build", str(root), "--out", str(out), "--no-store", "-j", "2"])
    assert res.exit_code == 3, res.output
    skipped = [ln for ln in res.output.splitlines() if ln.startswith("kg: skipped ")]
    assert skipped == [f"kg: skipped {s.path}: {s.reason}" for s in expected.skipped]
    assert json.loads((out / "ingest.json").read_text()) == expected.as_dict()
    assert "documents: 199 " in res.output and len(skipped) == bad


def _die(task: object, options: object) -> None:
    os._exit(1)  # as a worker killed by the system does


def test_a_worker_that_dies_ends_the_read_with_one_clear_error(tmp_path: Path, monkeypatch):
    from kg.errors import WorkerError

    for n in range(3):
        (tmp_path / f"{n}.txt").write_text("Acme hired Jane Doe.\n")
    monkeypatch.setattr("kg.run.read.read_task", _die)
    with pytest.raises(WorkerError, match="worker process of --jobs 2 died"):
        read([tmp_path], jobs=2)


def test_documents_and_strings_alone_start_no_process(monkeypatch):
    monkeypatch.setattr("kg.run.read.read_task", _die)  # never reached: nothing to read
    docs = read([Document(id="a", text="Acme hired Jane Doe."), "Globex hired Bo Chen."], jobs=2)
    assert [d.text for d in docs] == ["Acme hired Jane Doe.", "Globex hired Bo Chen."]
