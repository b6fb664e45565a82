"""Document ids come from the source itself: distinct, and stable whatever else is read."""

from __future__ import annotations

import json
from pathlib import Path

from kg.ingest.corpus import read
from kg.ingest.ids import source_id


def _write(folder: Path, names: dict[str, str]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in names.items():
        (folder / name).write_text(text, encoding="utf-8")


def test_a_folder_name_is_part_of_its_files_ids(tmp_path: Path):
    _write(tmp_path / "day1", {"article.txt": "Acme hired Jane Doe."})
    _write(tmp_path / "day2", {"article.txt": "Globex hired John Smith."})
    one = [d.id for d in read([tmp_path / "day1"])]
    two = [d.id for d in read([tmp_path / "day2"])]
    assert one == ["day1-article"] and two == ["day2-article"]
    # the same file, read alone or with its folder, under the same root: the same id
    alone = read([tmp_path / "day1" / "article.txt"], root=tmp_path)
    assert [d.id for d in alone] == one == [d.id for d in read([tmp_path / "day1"], root=tmp_path)]
    # a root inside which the folder lies keeps the path under it
    assert [d.id for d in read([tmp_path / "day1"], root=tmp_path.parent)] == [
        f"{tmp_path.name}-day1-article"
    ]


def test_non_ascii_names_keep_distinct_ids_that_adding_a_file_does_not_change(tmp_path: Path):
    names = {
        "статья.txt": "Acme hired Jane Doe.",
        "新闻.txt": "Globex hired John Smith.",
        "Über.txt": "Initech hired Peter Gibbons.",
    }
    _write(tmp_path, names)
    before = {d.source: d.id for d in read([tmp_path], root=tmp_path)}
    assert len(set(before.values())) == 3 and not any(i.startswith("doc") for i in before.values())
    _write(tmp_path, {"Ärger.txt": "Hooli hired Gavin Belson.", "Uber.txt": "Uber hired Dara."})
    after = {d.source: d.id for d in read([tmp_path], root=tmp_path)}
    assert {s: after[s] for s in before} == before
    assert len(set(after.values())) == 5


def test_names_an_id_would_spell_alike_stay_apart():
    assert source_id("Über") != source_id("Uber") == "Uber"
    assert source_id("a b") != source_id("a_b") == "a_b"
    assert source_id("day1/article") == "day1-article"
    long = "x" * 200
    assert source_id(long) != source_id(long + "y") and len(source_id(long)) <= 120


def test_json_lines_records_keep_their_ids_when_a_line_is_added_above(tmp_path: Path):
    recs = [
        {"text": "Acme hired Jane Doe."},
        {"text": "Globex hired John Smith.", "url": "https://www.example.com/news/globex/"},
        {"text": "Initech hired Peter Gibbons.", "id": "own-id"},
    ]
    feed = tmp_path / "feed.jsonl"
    feed.write_text("".join(json.dumps(r) + "\n" for r in recs), encoding="utf-8")
    before = [d.id for d in read([feed], root=tmp_path)]
    assert before[1:] == ["example.com-news-globex", "own-id"]
    new = {"text": "Hooli hired Gavin Belson."}
    feed.write_text("".join(json.dumps(r) + "\n" for r in [new, *recs]), encoding="utf-8")
    assert [d.id for d in read([feed], root=tmp_path)][1:] == before
