"""Forms of attribution news uses: the clause of "quoted X as saying that", "according to"
a body's data or several speakers and closing a sentence, a title's phrase ended by the
name, a titled person set beside a body's name, a body's short name in brackets, a passive
verb after "he says", a clause whose comma the parse hangs inside it, '"...," she
continued', "clarified", "charges" and "joked" that, the name after the closing mark set off
by commas ('"...," Hale, 59, said'), short utterances beside their verb ('"We are
confident," he said'), and "he" after a speaker whose uncommon name resolution
typed a body. (text, expected quotations) tables, as in test_quotes."""

from __future__ import annotations

import pytest

from kg.resolve.quotes import speakers
from kg.resolve.records import EntityRecord, QuoteRecord
from tests.extract.test_quotes import Expected, check, quotes

QUOTED_AS = [
    # the clause of the participle is what the quoted speaker said
    (
        "The harbour board met on Monday. Radio Kestrel quoted Barack Obama as saying that "
        "the harbour would reopen next week.",
        {("Barack Obama", "the harbour would reopen next week", False)},
    ),
    # a verb of another kind with "as" says nothing: "regarded as"
    (
        "The harbour board met on Monday. Radio Kestrel regarded Barack Obama as the best "
        "speaker of the evening.",
        set(),
    ),
]

ACCORDING = [
    # "data" (spaCy's lemma "datum") from a body is the body's
    (
        "The catch fell sharply in May, according to data from the World Health Organization.",
        {("World Health Organization", "The catch fell sharply in May", False)},
    ),
    # each of several joined speakers said it
    (
        "The two men were charged with fraud, according to Barack Obama and officials of the "
        "World Health Organization.",
        {
            ("Barack Obama", "The two men were charged with fraud", False),
            ("World Health Organization", "The two men were charged with fraud", False),
        },
    ),
    # the phrase closing the sentence says where all of it comes from, not only the clause
    # it hangs from
    (
        "Demand fell below the peak of 2006, when it reached 50,270 megawatts, according to "
        "data from the World Health Organization.",
        {("World Health Organization", "Demand fell below the peak of 2006", False)},
    ),
]

TITLES = [
    # the person's name ends the title's phrase, right after the body's name
    (
        "The chairman of the World Health Organization Barack Obama told reporters that the "
        "pier would reopen next week.",
        {("Barack Obama", "the pier would reopen next week", False)},
    ),
    # a titled person the parse sets beside a body's name and its short name
    (
        "The Americas cannot ignore the risk of new surges, warns World Health Organization "
        "(WHO) Director Tom Hale as he urged countries to act.",
        {("Tom Hale", "The Americas cannot ignore the risk of new surges", False)},
    ),
    # a name after "of" is whose the role is, not who spoke
    ("The lawyer of Barack Obama told reporters that the pier would reopen next week.", set()),
    # a body's short name in brackets is no name set beside the title: the director is
    # unnamed here, not the centre
    (
        'The pier was closed in July. "The boats will not sail this week," the director of '
        "the Centre for Harbour Studies (CHS) said.",
        set(),
    ),
]

CLAUSES = [
    # a passive verb that is also a speech verb ("posted") is the statement's own
    (
        "Barack Obama visited the port. Those signs, he says, will now be posted outside the "
        "door of the hall.",
        {("Barack Obama", "Those signs will now be posted outside the door", False)},
    ),
    # the comma that sets the clause off is its own last token in the parse
    (
        "The harbour will stay closed until spring, the mayor of Boston, Marty Walsh, told "
        "reporters.",
        {("Marty Walsh", "The harbour will stay closed until spring", False)},
    ),
]

VERBS = [
    (
        'Barack Obama visited the port on Monday. "We will reopen the harbour in the spring," '
        "Obama continued.",
        {("Barack Obama", "We will reopen the harbour in the spring", True)},
    ),
    # "continued to" is no speech
    (
        "Barack Obama visited the port on Monday. Obama continued to say that the harbour "
        "would reopen in the spring.",
        {("Barack Obama", "the harbour would reopen in the spring", False)},
    ),
    (
        "Barack Obama visited the port on Monday. Obama later clarified that the harbour "
        "would reopen in the spring.",
        {("Barack Obama", "the harbour would reopen in the spring", False)},
    ),
    (
        "The World Health Organization charges that the rival company has backing from the "
        "city council.",
        {("World Health Organization", "the rival company has backing from the city", False)},
    ),
    # charged with a crime: no clause, no statement
    ("Barack Obama was charged with fraud by the city council on Monday.", set()),
    # a speech verb after "by" is said by the subject of the verb "by" hangs from
    (
        "Maria Lindqvist has responded to the allegations by saying that the harbour would "
        "reopen in May.",
        {("Maria Lindqvist", "the harbour would reopen in May", False)},
    ),
    (
        "Tomas Varga answered the critics by insisting the harbour would reopen in May.",
        {("Tomas Varga", "the harbour would reopen in May", False)},
    ),
]

AFTER_QUOTE = [
    # the parse hangs the name inside the quoted words ("in full ... Obama")
    (
        '"The fishermen will be paid in full," Obama, 59, said on Monday.',
        {("Obama", "The fishermen will be paid in full", True)},
    ),
    (
        '"The fishermen will be paid in full," Obama, who spoke at the port on Monday, said.',
        {("Obama", "The fishermen will be paid in full", True)},
    ),
]


SETTINGS = [
    # when or where it was said, between the verb and the words, is not what was said
    (
        "Kestrel Shipping said on Monday it had appointed Jane Doe as its chief executive.",
        {("Kestrel Shipping", "it had appointed Jane Doe as its chief executive", False)},
    ),
    (
        "Barack Obama said in a statement the harbour would reopen next week.",
        {("Barack Obama", "the harbour would reopen next week", False)},
    ),
    # after "that", or with a comma of its own, it opens the clause said
    (
        "Barack Obama said that in 2019 the harbour had closed for a month.",
        {("Barack Obama", "in 2019 the harbour had closed for a month", False)},
    ),
]

SHORT = [
    # a short utterance of its own, closed inside its marks, beside its verb of speech
    (
        'Barack Obama spoke at the port on Monday.\n\n"We are confident," he said.',
        {("Barack Obama", "We are confident", True)},
    ),
    (
        '"No, not really," Obama said when asked about the deal.',
        {("Obama", "No, not really", True)},
    ),
    # a scare quote, a single word and a title are no quotation
    (
        'Obama said the "reforms" had failed the fishermen of the port.',
        {("Obama", 'the "reforms" had failed the fishermen of the port', False)},
    ),
    ('"No," Obama said.', set()),
    ('Obama wrote in his book "Harbour Lights."', set()),
]


@pytest.mark.parametrize(
    "text, expected",
    QUOTED_AS + ACCORDING + TITLES + CLAUSES + VERBS + AFTER_QUOTE + SETTINGS + SHORT,
)
def test_attribution_forms(text: str, expected: Expected, pipeline):
    check(quotes(text, pipeline), expected)


def _entity(eid: str, typ: str, name: str = "") -> EntityRecord:
    return EntityRecord(eid, name or eid, typ, (), (eid,), False)


def _quote(doc: str, speaker: str, candidates: tuple[str, ...] = ()) -> QuoteRecord:
    ev = (doc, "", 0, 0, (0, 0), (0, 0), "quote.pronoun", 0.8, False)
    return QuoteRecord(speaker, "" if speaker else "Person", candidates, "words", True, ev)


# "he said" after a speaker typed a body: (entities as (type, name), named speakers before,
# candidates, who "he" is)
TYPED_A_BODY = [
    # the only one named near it, who spoke by name: "Angelos Koveos ... Koveos said ... he said"
    ({"a": ("Organization", "Angelos Koveos")}, ["a"], ("a",), "a"),
    # not when it never spoke by name
    ({"a": ("Organization", "Angelos Koveos")}, [], ("a",), None),
    # not when another is near: the body may be what it is
    (
        {"a": ("Organization", "Harbour Board"), "b": ("Location", "Oslo")},
        ["a"],
        ("a", "b"),
        None,
    ),
    # a body that goes by capitals alone is never "he"
    ({"a": ("Other", "KDP")}, ["a"], ("a",), None),
    ({"a": ("Organization", "KDP")}, ["a"], ("a",), None),
]


@pytest.mark.parametrize("types, named, candidates, who", TYPED_A_BODY)
def test_he_after_a_speaker_typed_a_body(types, named, candidates, who):
    entities = {k: _entity(k, t, n) for k, (t, n) in types.items()}
    said = [_quote("d1", n) for n in named] + [_quote("d1", "", candidates)]
    got = speakers(said, {k: k for k in types}, entities)
    assert [eid for eid, q in got if not q.speaker] == ([who] if who else [])
