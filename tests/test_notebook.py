"""The walkthrough notebook runs top to bottom, offline, and shows what it promises."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOK = ROOT / "notebooks" / "walkthrough.ipynb"
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"


@pytest.fixture(scope="module")
def executed():
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    nb = nbformat.read(NOTEBOOK, as_version=4)
    client = nbclient.NotebookClient(
        nb,
        timeout=600,
        kernel_name="python3",
        resources={"metadata": {"path": str(NOTEBOOK.parent)}},
    )
    client.execute()  # raises CellExecutionError, naming the cell, if any cell fails
    return nb


def outputs(nb, kind: str) -> list[str]:
    found = []
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            data = out.get("data", {})
            if kind in data:
                found.append(data[kind])
            elif kind == "text/plain" and out.get("output_type") == "stream":
                found.append(out["text"])
    return found


def test_notebook_runs_and_shows_tables_queries_and_view(executed):
    tables = "\n".join(outputs(executed, "text/html"))
    text = "\n".join(outputs(executed, "text/plain"))
    # entities and relations as tables, SPARQL answers as tables
    assert "<table" in tables and "Alexandr Wang" in tables and "Organization" in tables
    assert "predicate" in tables and "confidence" in tables and "wikidata" in tables
    # the view inline: iframes whose srcdoc is the whole, self-contained page
    frames = [h for h in outputs(executed, "text/html") if h.startswith("<iframe")]
    assert len(frames) == 2
    for f in frames:
        page = html.unescape(re.search(r'srcdoc="([^"]*)"', f).group(1))
        assert "vis.Network" in page and not re.search(r"(src|href)=[\"']?https?:", page)
    assert "graph.ttl" in text and "True True" in text


def test_notebook_view_draws_in_chromium(executed, tmp_path):
    """The inline view, as the notebook shows it (an iframe), draws the seeds offline."""
    from benchmarks.view import Browser, find_chromium

    found = find_chromium()
    if isinstance(found, str):
        pytest.skip(found)
    frame = next(h for h in outputs(executed, "text/html") if h.startswith("<iframe"))
    page = tmp_path / "cell.html"
    page.write_text(f"<!DOCTYPE html><html><body>{frame}</body></html>", encoding="utf-8")
    with Browser() as b:
        b.driver.get(page.as_uri())
        b.driver.switch_to.frame(b.driver.find_element("tag name", "iframe"))
        b.wait("return document.body && document.body.dataset.ready === 'true'", 60)
        drawn = b.js("return window.kgNetwork.body.nodeIndices.length")
        data = b.js("return JSON.parse(document.getElementById('kg-data').textContent)")
        assert 5 < drawn < len(data["nodes"])  # entities without a relation wait for the toggle
        b.driver.find_element("id", "isolated").click()
        b.wait(
            "return window.kgNetwork.body.nodeIndices.length === arguments[0]",
            20,
            len(data["nodes"]),
        )
        b.driver.switch_to.default_content()
        ARTIFACTS.mkdir(exist_ok=True)
        b.screenshot(ARTIFACTS / "notebook_view.png")
        log = b.log()
        assert [m for m in log["console"] if m["level"] == "SEVERE"] == []
        assert [u for u in log["requests"] if not u.startswith(("file:", "about:"))] == []
