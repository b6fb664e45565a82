"""The facts judged by hand (benchmarks.judge_facts, benchmarks/data/facts_judged.jsonl): the
html split, the facts' keys and which facts are dumped, and the judged file's format."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import benchmarks.judge_facts as jf
from benchmarks.ingest import held_out
from benchmarks.judge_facts import (
    MODEL_PART,
    PARTS,
    TOP_PARTS,
    by_rules,
    fact_line,
    gold_judges,
    key_of,
)
from kg import vocab
from kg.model import Entity, Evidence, Relation

ROOT = Path(__file__).resolve().parents[1]
JUDGED = ROOT / "benchmarks" / "data" / "facts_judged.jsonl"
CONFIDENCE = ROOT / "benchmarks" / "data" / "facts_judged.confidence.jsonl"
JUDGMENTS = ("right", "wrong", "unclear")

# (page file name, in the held-out quarter): CRC-32 of the name, modulo 4, is 0
SPLIT = [
    ("anarc.at.cdpath.html", True),
    ("axios.com.future.html", True),
    ("bbc.com.52241221.html", True),
    ("abc13.com-Copperfield.html", False),
    ("abc7news.com-Napa.html", False),
    ("bahamaslocal.com-atlantis.html", False),
]


@pytest.mark.parametrize(("name", "held"), SPLIT)
def test_html_split_is_by_the_name_digest(name: str, held: bool) -> None:
    assert held_out(name) is held


def test_html_held_out_quarter_is_the_one_ingest_documents(bench_dir: Path) -> None:
    names = [p.name for p in (bench_dir / "html" / "pages").glob("*.html")]
    assert (len(names), sum(held_out(n) for n in names)) == (145, 32)


ACME = Entity("acme", "Acme", "Organization")
ANN = Entity("ann", "Ann Lee", "Person")
BOB = Entity("bob", "Bob Ray", "Person")


def _fact(predicate: str, obj: object, rules: tuple[str, ...], wikidata: str | None) -> Relation:
    ev = tuple(
        Evidence("d1", "Bob Ray appointed Ann Lee.", 0, 26, (13, 20), (0, 7), rule, 0.5)
        for rule in rules
    )
    subject = ANN if predicate != "headquarters_location" else ACME
    return Relation(subject, predicate, obj, wikidata, 0.5, ev)


# (rules of the readings, read by rules alone)
RULES_ALONE = [
    (("verb:appoint",), True),
    (("verb:appoint", "role:apposition"), True),
    (("model",), False),
    (("model", "verb:appoint"), False),
    (("inverse of employer",), False),
]


@pytest.mark.parametrize(("rules", "alone"), RULES_ALONE)
def test_facts_of_rules_alone(rules: tuple[str, ...], alone: bool) -> None:
    assert by_rules(_fact("appointed_by", BOB, rules, "P748")) is alone


CONLL = frozenset({"P108", "P159", "P17", "P131", "P551", "P706", "P157"})
# (predicate, object, Wikidata property, the part's label space, the gold judges it)
GOLD_JUDGES = [
    ("appointed_by", BOB, "P748", CONLL, False),  # outside CoNLL04's five relations
    ("employer", ACME, "P108", CONLL, True),
    ("position_held", "director", "P39", frozenset({"P39"}), False),  # text in kg
    ("demonym_of", ACME, None, CONLL, False),  # no Wikidata property
    ("appointed_by", BOB, "P748", None, True),  # a gold that counts every property
]


@pytest.mark.parametrize(("predicate", "obj", "prop", "space", "judges"), GOLD_JUDGES)
def test_which_facts_the_gold_judges(predicate, obj, prop, space, judges) -> None:
    assert gold_judges(_fact(predicate, obj, ("verb:x",), prop), space) is judges


def test_key_is_stable_and_names_part_document_fact_and_rule() -> None:
    r = _fact("appointed_by", BOB, ("verb:appoint",), "P748")
    a, b = fact_line("html-tune", "p.html", r), fact_line("html-tune", "p.html", r)
    assert a["key"] == b["key"] == "html-tune|p.html|Ann Lee|appointed_by|Bob Ray|verb:appoint"
    other = fact_line("html-held", "p.html", r)["key"]
    assert other != a["key"]
    assert "confidence" not in a  # kept out of the lines to judge


# (line fields, key): a post held's organisation is part of its object
KEYS = [
    (
        {
            "subject": "Ann Lee",
            "predicate": "position_held",
            "object": "director",
            "of": "Acme",
            "rule": "role:apposition",
        },
        "p|d|Ann Lee|position_held|director of Acme|role:apposition",
    ),  # fmt: skip
    (
        {
            "subject": "Acme",
            "predicate": "founded_by",
            "object": "Ann Lee",
            "of": None,
            "rule": "verb:found",
        },
        "p|d|Acme|founded_by|Ann Lee|verb:found",
    ),  # fmt: skip
]


@pytest.mark.parametrize(("line", "key"), KEYS)
def test_key_of(line: dict, key: str) -> None:
    assert key_of("p", "d", line) == key


def _judged() -> list[dict]:
    if not JUDGED.is_file():
        pytest.skip(f"{JUDGED.name} not written yet (python -m benchmarks.judge_facts)")
    return [json.loads(s) for s in JUDGED.read_text(encoding="utf-8").splitlines()]


def test_judged_lines_are_valid() -> None:
    lines = _judged()
    assert lines
    for x in lines:
        assert x["judgment"] in JUDGMENTS, x["key"]
        assert x["predicate"] in vocab.PREDICATES, x["key"]
        assert x["part"] in (*PARTS, MODEL_PART, *TOP_PARTS.values()), x["key"]
        assert x["key"] == key_of(x["part"], x["doc"], x)
        assert "confidence" not in x  # kept out of view while judging
        if x["judgment"] != "right":
            assert x["why"].strip(), x["key"]


def test_judged_lines_are_unique_and_have_a_confidence() -> None:
    keys = [x["key"] for x in _judged()]
    assert len(keys) == len(set(keys))
    scored = {json.loads(s)["key"] for s in CONFIDENCE.read_text(encoding="utf-8").splitlines()}
    assert set(keys) <= scored


def _keep_only(monkeypatch, found: list[tuple[str, Relation, float]]) -> None:
    """dump() reads these (document, fact, calibrated confidence) instead of a part's texts."""
    monkeypatch.setattr(jf, "facts", lambda part, nlp: iter(found))


# (page part, rules of the readings, calibrated confidence, the parts it is dumped in, with
# --model-top 0.5): rules alone go to the page's part, the model's confident facts to the
# page's top part, whatever the split
TOP = [
    ("html-tune", ("model",), 0.5, ["html-tune-model-top"]),
    ("html-tune", ("model",), 0.49, []),
    ("html-held", ("model", "verb:appoint"), 0.9, ["html-held-model-top"]),
    ("html-held", ("model",), 0.2, []),
    ("html-tune", ("verb:appoint",), 0.9, ["html-tune"]),
    ("html-held", ("inverse of employer",), 0.9, []),  # inferred: neither
]


@pytest.mark.parametrize(("part", "rules", "calibrated", "parts"), TOP)
def test_model_top_parts(monkeypatch, part: str, rules, calibrated: float, parts) -> None:
    _keep_only(monkeypatch, [("p.html", _fact("appointed_by", BOB, rules, "P748"), calibrated)])
    lines, conf = jf.dump([jf.Part(part, (), None)], None, 0, 0.5)
    assert [x["part"] for x in lines] == parts
    assert [c["calibrated"] for c in conf] == [calibrated] * len(parts)
    assert all(x["key"] == key_of(x["part"], "p.html", x) for x in lines)


def test_model_top_is_off_unless_asked(monkeypatch) -> None:
    _keep_only(monkeypatch, [("p.html", _fact("appointed_by", BOB, ("model",), "P748"), 0.9)])
    assert jf.dump([jf.Part("html-tune", (), None)], None, 0) == ([], [])


def test_judged_model_top_lines_are_the_models_confident_facts() -> None:
    top = [x for x in _judged() if x["part"] in TOP_PARTS.values()]
    if not top:
        pytest.skip("no model-top lines judged yet")
    scored = {
        c["key"]: c["calibrated"]
        for c in map(json.loads, CONFIDENCE.read_text(encoding="utf-8").splitlines())
    }
    for x in top:
        assert "model" in x["family"], x["key"]
        assert scored[x["key"]] >= 0.5, x["key"]
