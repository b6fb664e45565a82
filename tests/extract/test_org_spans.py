"""Organizations' names the recogniser cut in two, one name again: a body's name and its
"of", "for" or "on" complement, a nationality before a ministry, a wire source in capitals;
and a name without the years it runs into."""

from __future__ import annotations

import pytest

from kg.extract.mentions import extract
from kg.model import Block, Document


def _names(pipeline, text: str) -> list[str]:
    doc = Document(id="d", text=text, blocks=(Block(0, len(text), "paragraph"),))
    return [m.text for m in next(extract([doc], pipeline)).mentions if m.votes]


# (text, a name kg must read whole)
WHOLE = [
    (
        "Loans from the Federal Reserve Bank of Chicago rose sharply.",
        "Federal Reserve Bank of Chicago",
    ),
    (
        "He was the first Bishop of the Episcopal Diocese of Vermont.",
        "Episcopal Diocese of Vermont",
    ),
    (
        "The grant came from the Hewlett Foundation for the Advancement of Learning.",
        "Hewlett Foundation for the Advancement of Learning",
    ),
    ("Tokyo YOMIURI SHIMBUN in Japanese reported the talks.", "YOMIURI SHIMBUN"),
]


@pytest.mark.parametrize("text, name", WHOLE, ids=[w[1] for w in WHOLE])
def test_organization_names_read_whole(pipeline, text, name):
    assert name in _names(pipeline, text)


# (text, names kg must read apart): a unit of a body and the body are two names; a place after
# "for" is whom a body works for
APART = [
    (
        "He sat on the Central Executive Committee of the Socialist Workers Party.",
        ["Central Executive Committee", "Socialist Workers Party"],
    ),
    (
        "Money from the Gates Foundation for Kenya built the clinic.",
        ["Gates Foundation", "Kenya"],
    ),
]


@pytest.mark.parametrize("text, names", APART, ids=[a[1][0] for a in APART])
def test_organization_names_kept_apart(pipeline, text, names):
    found = _names(pipeline, text)
    assert all(n in found for n in names), found


def test_head_joins_on_spans(pipeline):
    """The join itself, on spans as the recogniser may cut them."""
    from spacy.tokens import Doc, Span

    from kg.extract.org_joins import capital_joins, head_joins, nationality_joins
    from kg.extract.tokens import Tokens

    words = "the Acme Trust Bank of New Haven and the French Embassy".split()
    doc = pipeline(" ".join(words))
    t = Tokens(doc)
    found = [
        Span(doc, 1, 4, label="ORG"),
        Span(doc, 5, 7, label="GPE"),
        Span(doc, 9, 10, label="NORP"),
        Span(doc, 10, 11, label="ORG"),
    ]
    joined = nationality_joins(head_joins(found, t), t)
    assert [(s.text, s.label_) for s in joined] == [
        ("Acme Trust Bank of New Haven", "ORG"),
        ("French Embassy", "ORG"),
    ]
    caps = Doc(pipeline.vocab, words="KYIV HOLOS UKRAYINY in Ukrainian".split())
    ct = Tokens(caps)
    pieces = [Span(caps, 1, 2, label="NAME"), Span(caps, 2, 3, label="ORG")]
    assert [s.text for s in capital_joins(pieces, ct, caps.text)] == ["HOLOS UKRAYINY"]
    # a line break between the two keeps them apart
    raw = "KYIV HOLOS\nUKRAYINY in Ukrainian"
    assert len(capital_joins(pieces, ct, raw)) == 2


def test_years_after_a_name_cut_off(pipeline):
    """A name the recogniser ran into a range of years loses the range, not only its end."""
    from spacy.tokens import Span

    from kg.extract.bounds import trim
    from kg.extract.tokens import Tokens

    doc = pipeline("She served at the Department of Fisheries 1975 to 1980 in Dublin.")
    t = Tokens(doc)
    ent = Span(doc, 3, 10, label="ORG")  # "the Department of Fisheries 1975 to 1980"
    assert trim(ent, t).text == "Department of Fisheries"
