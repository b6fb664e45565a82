"""`kg query`'s table: one row per fact with the number of its sentences, long text wrapped
and never cut."""

from __future__ import annotations

from click.testing import CliRunner
from rdflib import Literal

from kg.cli import main
from kg.query.results import Result, column_widths, format_result
from kg.rdf.write import serialize_kg

from ..conftest import ROOT
from .test_queries import TOY

LONG = (
    "Jane Doe, who joined the company in 2019 after a decade at Globex Corporation, works at "
    "Acme Corp as its chief executive and as the chair of its board of directors."
)
IRI = "https://example.org/kg/entity/" + "x" * 90


def _result() -> Result:
    return Result(
        "SELECT",
        ["subject", "sentences", "sentence", "iri"],
        [(Literal("Acme Corp"), Literal(2), Literal(LONG), Literal(IRI))],
    )


def test_long_values_are_wrapped_whole_within_the_width():
    out = format_result(_result(), width=80)
    assert "..." not in out
    lines = out.splitlines()
    assert all(len(ln) <= 80 for ln in lines), out
    rows = lines[2:-1]
    assert len(rows) > 1 and lines[-1] == "(1 row)"
    # each column, read down its lines, gives the value back
    cols = list(zip(*(ln.ljust(80).split(" | ") for ln in rows), strict=True))
    assert " ".join(c.strip() for c in cols[2] if c.strip()) == LONG
    assert "".join(c.strip() for c in cols[3]) == IRI


def test_a_narrow_table_is_not_wrapped_and_wide_columns_share_the_room():
    out = format_result(_result(), width=1000)
    assert len(out.splitlines()) == 4 and LONG in out and IRI in out
    assert column_widths([5, 200, 300], 100) == [5, 47, 47]
    assert column_widths([5, 8], 100) == [5, 8]
    assert column_widths([50, 50, 50], 20) == [16, 16, 16]  # never narrower than a minimum


def test_kg_query_shows_one_row_per_fact_with_its_sentences(tmp_path):
    ttl = tmp_path / "toy.ttl"
    ttl.write_text(serialize_kg(TOY, "turtle"), encoding="utf-8")
    q = str(ROOT / "queries" / "facts_about.rq")
    res = CliRunner().invoke(main, ["query", q, "--graph", str(ttl), "--param", "name=acme"])
    assert res.exit_code == 0, res.output
    lines = res.stdout.splitlines()
    assert lines[0].split() == [
        "name", "|", "subject", "|", "predicate", "|", "object", "|", "confidence", "|",
        "sentences", "|", "document", "|", "sentence",
    ]  # fmt: skip
    assert lines[-1] == "(6 rows)"
    rows = {tuple(c.strip() for c in ln.split("|"))[2]: ln for ln in lines[2:-1]}
    # read by a rule and by the model from one sentence: one row, one sentence
    assert rows["employer"].split("|")[5].strip() == "1"
    assert rows["headquarters_location"].split("|")[5].strip() == "2"
