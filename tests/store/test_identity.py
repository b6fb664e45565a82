"""A store keeps every document it is given: a document replaces a kept one only when it comes
from the same source, and the build says so."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from kg.cli import main
from kg.ingest import read
from kg.store.core import Store


def _write(folder: Path, text: str, name: str = "article.txt") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(text, encoding="utf-8")
    return folder


ONE = "Acme Corp, a Boston-based startup, hired Jane Doe."
TWO = "Globex Corporation, based in Springfield, hired John Smith."


def _names(st: Store) -> set[str]:
    return {e.name for e in st.knowledge_graph().entities}


def test_two_folders_with_the_same_file_names_build_into_one_store(tmp_path, pipeline):
    st = Store(tmp_path / "store")
    st.build([_write(tmp_path / "day1", ONE)], model=pipeline)
    r = st.build([_write(tmp_path / "day2", TWO)], model=pipeline)
    assert sorted(st.documents()) == ["day1-article", "day2-article"]
    assert r.replaced == () and r.removed == ()
    assert {"Acme Corp", "Jane Doe", "Globex Corporation", "John Smith"} <= _names(st)


def test_the_same_source_changed_is_replaced_and_reported(tmp_path, pipeline):
    st = Store(tmp_path / "store")
    day1 = _write(tmp_path / "day1", ONE)
    st.build([day1], model=pipeline)
    same = st.build([day1], model=pipeline)
    assert same.replaced == () and not same.changed
    _write(day1, TWO)
    r = st.build([day1], model=pipeline)
    assert r.replaced == ("day1-article",) and st.documents() == ["day1-article"]
    assert "Globex Corporation" in _names(st) and "Acme Corp" not in _names(st)


def test_one_id_from_two_sources_keeps_both(tmp_path, pipeline):
    # each folder read as the root: both files are "article", but they are two sources
    st = Store(tmp_path / "store")
    day1, day2 = _write(tmp_path / "day1", ONE), _write(tmp_path / "day2", TWO)
    st.update(read([day1], root=day1), model=pipeline)
    r = st.update(read([day2], root=day2), model=pipeline)
    assert r.replaced == () and list(r.renamed) == ["article"]
    assert st.documents() == ["article", r.renamed["article"]]
    assert {"Acme Corp", "Globex Corporation"} <= _names(st)
    # built again, the second source finds its own document under its new id: nothing to parse
    again = st.update(read([day2], root=day2), model=pipeline)
    assert (
        again.parsed == ()
        and not again.changed
        and again.renamed == {"article": r.renamed["article"]}
    )


def test_the_build_summary_names_the_replaced_document(tmp_path, pipeline, monkeypatch):
    monkeypatch.chdir(tmp_path)
    _write(tmp_path / "day1", ONE)
    run = CliRunner().invoke
    assert run(main, ["build", "day1", "--out", "o", "-q"]).exit_code == 0
    _write(tmp_path / "day2", TWO)
    res = run(main, ["build", "day2", "--out", "o"])
    assert res.exit_code == 0, res.output
    assert "replaced" not in res.stdout and "documents: 2 " in res.stdout
    assert Store(tmp_path / "o" / "store").documents() == ["day1-article", "day2-article"]
    _write(tmp_path / "day1", TWO)
    res = run(main, ["build", "day1", "--out", "o"])
    assert res.exit_code == 0, res.output
    assert "replaced 1 document: day1-article (its source changed)" in res.stdout


def test_root_names_ids_and_a_second_source_of_one_id_is_told_once(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    _write(tmp_path / "day1", ONE)
    _write(tmp_path / "day2", TWO)
    run = CliRunner().invoke
    assert run(main, ["build", "day1", "--root", "day1", "--out", "o"]).exit_code == 0
    assert Store(tmp_path / "o" / "store").documents() == ["article"]
    res = run(main, ["build", "day2", "--root", "day2", "--out", "o"])
    assert res.exit_code == 0, res.output
    told = [ln for ln in res.stdout.splitlines() if ln.startswith("renamed 1 document: ")]
    assert len(told) == 1 and told[0].startswith("renamed 1 document: article as article-")
    assert told[0].endswith(" (another source holds that id)")
    again = run(main, ["build", "day2", "--root", "day2", "--out", "o"])
    assert again.exit_code == 0 and "renamed" not in again.stdout
    assert len(Store(tmp_path / "o" / "store").documents()) == 2


def test_same_source_is_the_same_url_or_paths_one_of_which_ends_the_other():
    from kg.model import Document
    from kg.store.identity import same_source

    def doc(source=None, url=None):
        return Document("x", "Text.", source, url=url)

    assert same_source(doc("day1/article.txt"), doc("/data/day1/article.txt"))
    assert same_source(doc("./day1/article.txt"), doc("day1/article.txt"))
    assert not same_source(doc("day1/article.txt"), doc("day2/article.txt"))
    assert not same_source(doc("a/b.txt"), doc("a-b.txt"))
    assert not same_source(doc("a.txt"), doc("a.md"))
    assert same_source(doc("feed.jsonl:3"), doc("news/feed.jsonl:7"))  # a record moved down
    # a record moved to another feed is found by its URL; a file by its path, whatever URL
    # its page states now
    assert same_source(doc("a.jsonl:1", "https://x.org/1"), doc("b.jsonl:1", "https://x.org/1"))
    assert same_source(doc("a.html", "https://x.org/1"), doc("a.html", "https://x.org/2"))
    assert same_source(doc(), doc()) and not same_source(doc(), doc("a.txt"))
    assert not same_source(doc(url="https://x.org/1"), doc(url="https://x.org/2"))
