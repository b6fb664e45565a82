"""A pass over a corpus in three steps (kg.ingest.corpus): plan, read each file, settle."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.errors import InputError
from kg.ingest.corpus import (
    Fail,
    FileTask,
    FolderEnd,
    Outcome,
    plan,
    read_task,
    settle,
)
from kg.ingest.sources import Reader, ReadOptions, Skip
from kg.model import Document, ReadReport, Skipped


def _items(sources: list[object], root: Path) -> list[tuple[str, str]]:
    reader = Reader(ReadOptions(root=root), ReadReport())
    out = []
    for item in plan(sources, reader):
        if isinstance(item, FileTask):
            out.append(("file", item.path.relative_to(root).as_posix()))
        elif isinstance(item, Skip):
            out.append(("skip", Path(item.path).name))
        elif isinstance(item, Fail):
            out.append(("fail", item.message.split(": ")[-1]))
        elif isinstance(item, FolderEnd):
            out.append(("end", item.path.name))
        else:
            out.append(("document", item.id if isinstance(item, Document) else "?"))
    return out


def test_the_plan_lists_every_input_in_order_and_defers_its_errors(tmp_path: Path, locked_folders):
    corpus = tmp_path / "corpus"
    for name in ("a.txt", "locked/x.txt", "sub/c.md", "z.html", "notes.sgm", ".hidden.txt"):
        (corpus / name).parent.mkdir(parents=True, exist_ok=True)
        (corpus / name).write_text("Acme hired Jane Doe.")
    sources = [Document(id="given", text="Initech hired Ann Lee."), corpus, tmp_path / "nope.txt"]
    assert _items(sources, tmp_path) == [
        ("document", "given"),
        ("file", "corpus/a.txt"),
        ("file", "corpus/z.html"),
        ("skip", "locked"),
        ("file", "corpus/sub/c.md"),
        ("end", "corpus"),
        ("fail", "no such file or folder"),
    ]


# (file name, bytes, the Outcome's documents, skipped records, error's end)
READS = [
    ("a.txt", b"Acme hired Jane Doe.\n", 1, 0, None),
    ("r.jsonl", b'{"text": "Acme hired Jane Doe."}\n[1]\n{"text": "Bo left."}\n', 2, 1, None),
    ("b.txt", bytes(range(256)) * 8, 0, 0, "binary file, not text"),
    ("e.txt", b"", 0, 0, "no text to read (the file is empty or all page furniture)"),
]


@pytest.mark.parametrize("name, data, docs, skipped, error", READS)
def test_a_file_is_read_into_one_outcome(tmp_path, name, data, docs, skipped, error):
    (tmp_path / name).write_bytes(data)
    got = read_task(FileTask(tmp_path / name, tmp_path, in_folder=True), ReadOptions())
    assert (len(got.docs), len(got.skipped)) == (docs, skipped)
    assert (got.error or "").endswith(error or "")
    assert (got.error is None) == (error is None)


def test_settle_skips_in_a_folder_and_raises_for_a_file_named_on_its_own(tmp_path: Path):
    doc = Document(id="d", text="Acme hired Jane Doe.")
    bad = Outcome(error=f"{tmp_path / 'b.txt'}: binary file, not text")
    good = Outcome((doc,), (Skipped("r.jsonl:2", "not valid JSON"),))
    in_folder = FileTask(tmp_path / "b.txt", tmp_path, in_folder=True)
    report = ReadReport()
    reader = Reader(ReadOptions(), report)
    done = [(in_folder, bad), (FileTask(tmp_path / "r.jsonl", tmp_path, True), good)]
    assert list(settle(done + [(FolderEnd(tmp_path), None)], reader)) == [doc]
    assert [(Path(s.path).name, s.reason) for s in report.skipped] == [
        ("b.txt", "binary file, not text"),
        ("r.jsonl:2", "not valid JSON"),
    ]
    named = FileTask(tmp_path / "b.txt", tmp_path, in_folder=False)
    with pytest.raises(InputError, match="b.txt: binary file, not text"):
        list(settle([(named, bad)], Reader(ReadOptions(), ReadReport())))
    with pytest.raises(InputError, match="b.txt: binary file, not text"):
        list(settle([(in_folder, bad)], Reader(ReadOptions(strict=True), ReadReport())))
