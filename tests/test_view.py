import json
import re
from pathlib import Path

import kg


def test_view_is_self_contained(seeds_graph, tmp_path: Path):
    page = seeds_graph.to_html(tmp_path / "g.html").read_text(encoding="utf-8")
    # no resource is fetched from anywhere: no src/href to a URL, no CSS import
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", page)
    assert "@import" not in page and "vis.Network" in page
    data = json.loads(
        re.search(r'id="kg-data" type="application/json">(.*?)</script>', page, re.S).group(1)
    )
    assert len(data["nodes"]) == seeds_graph.nx.number_of_nodes()
    assert {"Person", "Organization", "Product"} <= set(data["types"])


def test_document_text_cannot_inject_markup(pipeline, tmp_path: Path):
    evil = (
        'Acme Corp hired Jane Doe "<script>window.pwned=1</script>" and '
        "<img src=x onerror=alert(1)> in 2001."
    )
    g = kg.build([evil], model=pipeline)
    page = g.to_html(tmp_path / "evil.html").read_text(encoding="utf-8")
    assert "<script>window.pwned" not in page and "<img src=x" not in page
    data = re.search(r'id="kg-data" type="application/json">(.*?)</script>', page, re.S)
    assert "<" not in data.group(1) and "pwned" in data.group(1)


def test_same_input_same_page(seeds_graph, tmp_path: Path):
    a = seeds_graph.to_html(tmp_path / "a.html").read_bytes()
    b = seeds_graph.to_html(tmp_path / "b.html").read_bytes()
    assert a == b
