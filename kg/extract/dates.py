"""Dates: a date phrase spaCy found, read as an ISO 8601 date, year-month or year."""

from __future__ import annotations

import re

from kg.lexicon import MONTHS


def iso_date(text: str) -> str | None:
    """An ISO 8601 date (or year, or year-month) for a date phrase; None when it has none.

    >>> iso_date("March 3, 1971"), iso_date("in Sept. 2019"), iso_date("1998"), iso_date("June")
    ('1971-03-03', '2019-09', '1998', None)
    """
    s = text.lower().replace(",", " ").replace(".", " ")
    year = re.search(r"\b(1[5-9]\d\d|20\d\d)\b", s)
    if not year:
        return None
    words = s.split()
    month = next((MONTHS[w] for w in words if w in MONTHS), None)
    day = next(
        (int(w) for w in re.findall(r"\b(\d{1,2})(?:st|nd|rd|th)?\b", s) if 1 <= int(w) <= 31), None
    )
    if month and day:
        return f"{year.group(1)}-{month:02d}-{day:02d}"
    if month:
        return f"{year.group(1)}-{month:02d}"
    return year.group(1)
