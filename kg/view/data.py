"""What the page carries beside its nodes and edges: the documents (for the document, source
and date filters and the entity panel), the quotes, the confidence threshold and the
communities' legend. Everything here is data for the page's script, never markup."""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterable
from pathlib import Path, PurePosixPath
from typing import Any

from kg import defaults


def threshold() -> float:
    """kg's assert threshold: facts below it are candidates, hidden until the slider goes
    lower."""
    return float(defaults.MIN_CONFIDENCE)


def documents(
    source: Any, nodes: list[dict[str, Any]], edges: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    """Every document the page names: the graph's own, with title, source, site and date, then
    any other id a node or fact names (a graph read from JSON or foreign RDF has no documents),
    ordered by date, then id."""
    table: dict[str, dict[str, Any]] = {}
    for d in getattr(source, "documents", None) or []:
        src = str(d.source) if d.source else None
        table[d.id] = {
            "id": d.id,
            "title": d.title,
            "source": src,
            "site": d.site,
            "date": d.date[:10] if d.date else None,  # the day: the filter's unit
            "folder": _folder(src),
        }
    named = [x for n in nodes for x in n["documents"]] + [x for e in edges for x in e["docs"]]
    named += [ev["doc"] for e in edges for ev in e["evidence"] if ev["doc"]]
    for doc_id in named:
        table.setdefault(doc_id, {"id": doc_id})
    return sorted(table.values(), key=lambda d: (d.get("date") or "9999", d["id"]))


def _folder(source: str | None) -> str | None:
    """The folder a document was read from (a JSON Lines record's, its file's)."""
    if not source or source.startswith("<"):
        return None
    parent = PurePosixPath(source.rsplit(":", 1)[0] if ".jsonl:" in source else source).parent
    return None if str(parent) in (".", "") else str(parent)


def quotes(source: Any) -> dict[str, list[dict[str, Any]]]:
    """Each speaker's quotes (a graph's ``quotes``, where it has them), by entity id."""
    out: dict[str, list[dict[str, Any]]] = {}
    for q in getattr(source, "quotes", None) or ():
        ev = getattr(q, "evidence", None)
        out.setdefault(q.speaker.id, []).append(
            {
                "text": str(q.text),
                "direct": bool(q.direct),
                "doc": str(ev.doc_id) if ev is not None else "",
                "sentence": str(ev.sentence) if ev is not None else "",
            }
        )
    return out


def community_legend(nodes: list[dict[str, Any]], *, limit: int = 12) -> list[dict[str, Any]]:
    """The coloured communities, largest first, each named after its most important member."""
    sizes = Counter(n["community"] for n in nodes if n["community"] >= 0)
    best: dict[int, dict[str, Any]] = {}
    for n in nodes:
        c = n["community"]
        if c >= 0 and (c not in best or n["rank"] > best[c]["rank"]):
            best[c] = n
    legend = []
    for c, size in sorted(sizes.items(), key=lambda kv: (-kv[1], kv[0]))[:limit]:
        if size > 1:
            legend.append(
                {
                    "community": c,
                    "size": size,
                    "label": best[c]["label"],
                    "color": best[c]["communityColor"],
                }
            )
    return legend


def corpus_title(paths: Iterable[str]) -> str | None:
    """The name of the folder the sources share ("news" for news/a.html and news/b/c.html), or
    None when they share none. A path that exists here is resolved; one that does not (a
    graph built elsewhere) is read as written."""
    folders = []
    for p in paths:
        if not p or p == "-" or p.startswith("<"):
            continue
        path = Path(p.rsplit(":", 1)[0] if ".jsonl:" in p else p)
        if path.exists():
            folders.append(str(path.resolve() if path.is_dir() else path.resolve().parent))
        elif str(path.parent) not in (".", ""):
            folders.append(str(path.parent))
    try:
        common = os.path.commonpath(folders) if folders else ""
    except ValueError:  # absolute and relative, or on different drives
        return None
    name = os.path.basename(common.rstrip("/\\"))
    return name if name not in ("", ".", "..") else None
