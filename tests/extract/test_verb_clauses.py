"""The verb rules' arguments across clauses (kg.extract.clauses): a passive's doer, the subject
two passives share, a name after "the company", and a date's day; as (text, facts that must be
read, facts that must not) tables of sentences of our own making, read by the rules alone."""

from __future__ import annotations

import pytest

from tests.extract.rule_facts import rule_facts

CASES = [
    # a passive's doer is its agent alone, never the subject of the clause it hangs from
    (
        "Jane Doe shot Tom Reed two days after Carl Bright was killed.",
        {("Tom Reed", "killed_by", "Jane Doe")},
        {("Carl Bright", "killed_by", "Jane Doe")},
    ),
    (
        "Tom Reed bought a gun and used it after Carl Bright was assassinated by Jane Doe.",
        {("Carl Bright", "killed_by", "Jane Doe")},
        {("Carl Bright", "killed_by", "Tom Reed")},
    ),
    (
        "Acme Corp hired Jane Doe after Initech was acquired in 2001.",
        {("Jane Doe", "employer", "Acme Corp")},
        {("Initech", "owned_by", "Acme Corp")},
    ),
    # a past participle that opens the sentence is done to the main clause's subject
    (
        "Established in 1999, the Corvin Institute is a school in Cuba.",
        {("Corvin Institute", "inception", "1999")},
        set(),
    ),
    (
        "Born in Lyon in 1950, Jane Doe moved to Paris.",
        {("Jane Doe", "place_of_birth", "Lyon"), ("Jane Doe", "date_of_birth", "1950")},
        set(),
    ),
    # the main clause's subject is no doer of the participle
    (
        "Elected in 2010, Tom Hale led Corvin Bank.",
        set(),
        {("Tom Hale", "appointed_by", "Corvin Bank"), ("Corvin Bank", "appointed_by", "Tom Hale")},
    ),
    # a passive joined to a passive shares its subject, what is done to
    (
        "Acme Corp was founded in 1990 and acquired by Initech in 2001.",
        {("Acme Corp", "inception", "1990"), ("Acme Corp", "owned_by", "Initech")},
        set(),
    ),
    (
        "Acme Corp was founded by Jane Doe in 1990 and sold in 2001.",
        {("Acme Corp", "founded_by", "Jane Doe")},
        {("Acme Corp", "owned_by", "Jane Doe")},
    ),
    (
        "Jane Doe was arrested in 1990 and charged with killing Carl Bright.",
        {("Carl Bright", "killed_by", "Jane Doe")},
        set(),
    ),
    # an active verb joined to a passive keeps the subject it has
    (
        "Jane Doe sobbed in court and was charged with killing Carl Bright.",
        {("Carl Bright", "killed_by", "Jane Doe")},
        set(),
    ),
    # "the company" followed by its name stands for that name, not the last one before
    (
        "Initech grew fast. Jane Doe formed the political organization Free Voice in 2004.",
        {("Free Voice", "founded_by", "Jane Doe"), ("Free Voice", "inception", "2004")},
        {("Initech", "founded_by", "Jane Doe"), ("Initech", "inception", "2004")},
    ),
    (
        "Initech grew fast. In 2004 Jane Doe founded the company, Brightline.",
        {("Brightline", "founded_by", "Jane Doe")},
        {("Initech", "founded_by", "Jane Doe")},
    ),
    # with no name after it, "the company" is still the last one named
    (
        "Initech grew fast. In 2004 Jane Doe founded the company.",
        {("Initech", "founded_by", "Jane Doe")},
        set(),
    ),
    # a day before its month, which the recogniser tags a number apart from the date
    (
        "Jane Doe (born 17 September 1965) is a skier.",
        {("Jane Doe", "date_of_birth", "1965-09-17")},
        {("Jane Doe", "date_of_birth", "1965-09")},
    ),
    (
        "Tom Reed died 5 May 2010 in Leeds.",
        {("Tom Reed", "date_of_death", "2010-05-05")},
        {("Tom Reed", "date_of_death", "2010-05")},
    ),
    # a succession hung from an appointment is the appointee's; from any other verb, the
    # subject's
    (
        "Norvale Foods has appointed Ann Lee as chief executive, replacing Tom Hill.",
        {("Ann Lee", "replaces", "Tom Hill")},
        {("Norvale Foods", "replaces", "Tom Hill")},
    ),
    (
        "The board appointed Ann Lee on Monday, succeeding Tom Hill.",
        {("Ann Lee", "replaces", "Tom Hill")},
        set(),
    ),
    # the parse gives "named" no object here ("Ann Lee" modifies the post): no succession
    (
        "Norvale Foods named Ann Lee chief financial officer, succeeding Tom Hill.",
        set(),
        {("Norvale Foods", "replaces", "Tom Hill")},
    ),
    (
        "Ann Lee joined Norvale Foods in May, replacing Tom Hill.",
        {("Ann Lee", "replaces", "Tom Hill")},
        set(),
    ),
    # a trade's noun stands for the company named before, as "the company" does
    (
        "Acme Corp reported higher sales on Monday. Maria Gonzalez joined the Ohio-based "
        "retailer in 2019.",
        {
            ("Maria Gonzalez", "employer", "Acme Corp"),
            ("Acme Corp", "headquarters_location", "Ohio"),
        },
        set(),
    ),
    # a title in capitals between a company's name and a person's is read once, whole
    (
        '"This purchase marks a milestone," Siemens Chief Executive Roland Busch said.',
        {
            ("Roland Busch", "position_held", "chief executive officer"),
            ("Siemens", "chief_executive_officer", "Roland Busch"),
            ("Roland Busch", "employer", "Siemens"),
        },
        {
            ("Roland Busch", "position_held", "executive"),
            ("Roland Busch", "position_held", "chief"),
        },
    ),
    (
        "Siemens Chief Financial Officer Ralf Thomas said the deal was a milestone.",
        {("Ralf Thomas", "position_held", "chief financial officer")},
        {("Ralf Thomas", "position_held", "officer")},
    ),
    # an object after the infinitive is no controller of it: an apposition the parse misread
    (
        "Acme Corp agreed on Wednesday to buy software maker Initech Inc for about $10 "
        "billion, its biggest acquisition in years.",
        {("Initech Inc", "owned_by", "Acme Corp")},
        set(),
    ),
    # a body founded is no person
    (
        "Initech Inc, based in Troy, Michigan, was founded in 1985 by Jane Doe.",
        {("Initech Inc", "inception", "1985"), ("Initech Inc", "founded_by", "Jane Doe")},
        set(),
    ),
    # "its" on a post is the organization named just before, where no other name stands between
    (
        "Acme Corp posted a loss. Its chief executive, Jane Doe, resigned.",
        {
            ("Jane Doe", "employer", "Acme Corp"),
            ("Acme Corp", "chief_executive_officer", "Jane Doe"),
        },
        set(),
    ),
    (
        "Acme Corp sold its plant to Germany. Its chancellor, Olaf Scholz, welcomed the deal.",
        set(),
        {("Olaf Scholz", "employer", "Acme Corp")},
    ),
    # a party's name without "party": its leader is its member
    (
        "Friedrich Merz, the leader of the Christian Democratic Union, spoke.",
        {("Friedrich Merz", "member_of_political_party", "Christian Democratic Union")},
        {("Friedrich Merz", "employer", "Christian Democratic Union")},
    ),
    (
        "Jane Doe, the president of the European Union, spoke.",
        {("Jane Doe", "employer", "European Union")},
        set(),
    ),
    # a person set beside a party's member word is its member; the member is from a place,
    # the party is not
    (
        "Senator Jane Doe, a Democrat from Ohio, voted against the bill.",
        {("Jane Doe", "member_of_political_party", "Democrat")},
        {("Democrat", "headquarters_location", "Ohio")},
    ),
    (
        "Jane Doe, a Republican, and Tom Reed, a Democrat, voted against the bill.",
        {
            ("Jane Doe", "member_of_political_party", "Republican"),
            ("Tom Reed", "member_of_political_party", "Democrat"),
        },
        {("Jane Doe", "member_of_political_party", "Democrat")},
    ),
    # a member of a party is a member of a political party; of a board, of no party
    (
        "Jane Doe, a member of the Labour Party, welcomed the move.",
        {("Jane Doe", "member_of_political_party", "Labour Party")},
        {("Jane Doe", "member_of", "Labour Party")},
    ),
    # a subject pronoun of a statement's clause is its speaker, where the pronoun fits it
    (
        "Globex Corp said on Tuesday it would buy Initech Inc for $4 billion.",
        {("Initech Inc", "owned_by", "Globex Corp")},
        set(),
    ),
    (
        "Globex Corp announced it will acquire Initech Inc this year.",
        {("Initech Inc", "owned_by", "Globex Corp")},
        set(),
    ),
    (
        "Jane Doe said she had joined Acme Corp in 2001.",
        {("Jane Doe", "employer", "Acme Corp")},
        set(),
    ),
    # "it" binds a name the parse gave no label, and says that it is no person
    (
        "Harbor Freight Tools said on Monday it had appointed Maria Gonzalez as chief executive.",
        {("Maria Gonzalez", "appointed_by", "Harbor Freight Tools")},
        set(),
    ),
    # a pronoun that does not fit the speaker binds nothing, and a denial asserts nothing
    (
        "Globex Corp said he would buy Initech Inc this year.",
        set(),
        {("Initech Inc", "owned_by", "Globex Corp")},
    ),
    (
        "Globex Corp denied it would buy Initech Inc this year.",
        set(),
        {("Initech Inc", "owned_by", "Globex Corp")},
    ),
]


@pytest.mark.parametrize("text, must, must_not", CASES, ids=[t[:50] for t, _, _ in CASES])
def test_verb_arguments_across_clauses(pipeline, text, must, must_not):
    got = rule_facts(pipeline, text)
    assert must <= got, f"missing {must - got}; got {got}"
    assert not (must_not & got), f"read {must_not & got}"
