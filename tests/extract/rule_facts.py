"""What the rules alone read from a text, as the extraction tests compare it."""

from __future__ import annotations

import kg


def rule_facts(pipeline, text: str) -> set[tuple[str, str, str]]:
    """The (subject, predicate, object) names of the facts that rules and resolution read from
    ``text``, without the relation model."""
    from kg.extract.mentions import extract
    from kg.resolve.resolver import resolve

    res = resolve(extract([kg.from_text(text)], pipeline, relation_model=None))
    return {
        (r.subject.name, r.predicate, getattr(r.object, "name", str(r.object)))
        for r in res.relations
    }


def check_rules(pipeline, text: str, expected: set, forbidden: set) -> None:
    """The rules read every fact of ``expected`` from ``text`` and none of ``forbidden``."""
    got = rule_facts(pipeline, text)
    assert expected <= got, f"missing {expected - got}; got {got}"
    assert not forbidden & got, f"read {forbidden & got}"
