"""A club named by its city: news names a club in full ("Borussia Dortmund", "Real Madrid"),
then by its city ("rivals Dortmund", "the Madrid coach"), which ``keys.team_keys`` keys apart
from the city itself. The city's club joins the one club of a document it shares that is
named after the city; two such clubs ("Inter Milan", "AC Milan") leave it alone."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping

from kg.names import SCOPE, bare, places
from kg.resolve.keys import TEAM
from kg.resolve.merges import Link, shared_doc, sharing
from kg.resolve.records import _Name


def club_city(words: list[str], surface: str) -> list[str]:
    """The city an organization's name of two or three words (``surface``: as written, each
    word capitalised) is named after, at its end or its start ("Borussia Dortmund", "Real
    Madrid", "Manchester United"): what its club may be called by. A longer name is more
    often two names run together ("Tough Group D Dortmund").

    >>> club_city(["borussia", "dortmund"], "Borussia Dortmund")
    ['dortmund']
    >>> club_city(["dortmund", "police"], "Dortmund police"), club_city(["dortmund"], "Dortmund")
    ([], [])
    """
    written = surface.split()
    if not 2 <= len(words) <= 3 or len(written) != len(words):
        return []
    if not all(w[:1].isupper() for w in written):
        return []
    rows = places()
    whole = " ".join(words)
    ends = [" ".join(words[-i:]) for i in (1, 2)] + [" ".join(words[:i]) for i in (1, 2)]
    return [c for c in dict.fromkeys(ends) if c != whole and rows.get(c, ("", ""))[1] == "city"]


def links(keys: list[str], names: Mapping[str, _Name], tops: dict[str, str]) -> list[Link]:
    """Each city's club (a key ending ``keys.TEAM``) -> the one organization's name of a
    document it shares that is named after the city (``club_city``)."""
    clubs: dict[str, list[str]] = defaultdict(list)
    for f in keys:
        if tops[f] == "Organization" and SCOPE not in f and TEAM not in f:
            for city in club_city(f.split(), names[f].first):
                clubs[city].append(f)
    out = []
    for k in keys:
        if not k.endswith(TEAM):
            continue
        near = sharing(names, k, clubs.get(bare(k).removesuffix(TEAM), []))
        if len(near) != 1:
            continue
        f = near[0]
        doc = shared_doc(names, f, k)
        reason = (
            f"{names[k].first!r} is the club {names[f].first!r}, the one club named after the "
            f"city in document {doc}"
        )
        out.append(Link(f, k, "club", reason))
    return out
