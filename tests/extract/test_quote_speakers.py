"""Who said it, where the first reading goes wrong: names the recogniser cuts short or long,
pronouns and roles with other names nearer, parts of bodies, denied attributions, titles and
clauses the parse breaks. (text, expected quotations) tables, as in test_quotes."""

from __future__ import annotations

import pytest

import kg
from kg.extract.mentions import extract
from kg.extract.speaker_gender import genders
from kg.extract.speaker_memory import _may_be
from tests.extract.test_quotes import Expected, check, quotes

# the name as the sentence gives it, not as the recogniser cut it
NAMES = [
    # a title taken into a person's name: the quotation is the name's, where the document
    # names it so
    (
        "Maria Lindqvist runs the press office of the airport. Spokeswoman Maria Lindqvist "
        "said that the airport would reopen on Friday.",
        {("Maria Lindqvist", "the airport would reopen on Friday", False)},
    ),
    # mention detection leaves the title out of a person's name (kg.extract.joins.title_start)
    (
        "Spokeswoman Maria Lindqvist said that the airport would reopen on Friday.",
        {("Maria Lindqvist", "the airport would reopen on Friday", False)},
    ),
    # a fuller form of the name the document gives will do
    (
        "Spokeswoman Lindqvist said that the airport would reopen on Friday. Maria Lindqvist "
        "runs the press office.",
        {("Maria Lindqvist", "the airport would reopen on Friday", False)},
    ),
    # a title that is part of how a name is given stays
    (
        "King Abdullah spoke in Amman. King Abdullah said that the border would stay open.",
        {("King Abdullah", "the border would stay open", False)},
    ),
    # the noun a medium's name is set before
    (
        "The state-run KCNA news agency said the launch had been a success. KCNA also said "
        "that the rocket had reached orbit.",
        {
            ("KCNA", "the launch had been a success", False),
            ("KCNA", "the rocket had reached orbit", False),
        },
    ),
    # a medium's noun the recogniser took into the name, the document naming it no other
    # way: the name is the mention less the noun
    (
        "The Nordic Press news agency reported that the harbour had been closed overnight.",
        {("Nordic Press", "the harbour had been closed overnight", False)},
    ),
    # a name the recogniser took in one sentence and not in the next is still that name
    (
        "Low-cost carrier Spicejet has said it will hire pilots. Spicejet, which currently "
        "flies to 30 cities, said the new pilots would start work in May.",
        {
            ("Spicejet", "it will hire pilots", False),
            ("Spicejet", "the new pilots would start work in May", False),
        },
    ),
    # two titles joined before a name, which the parse joins to the first as a second
    # subject: the name is who spoke, as with one title
    (
        "German author and journalist Clara Voss, winner of the city prize, said that the new "
        "library would open in the spring.",
        {("Clara Voss", "the new library would open in the spring", False)},
    ),
    # two speakers joined by "and" stay two, the unnamed one left out
    (
        "The minister and Karl Ober said that the talks would go on.",
        {("Karl Ober", "the talks would go on", False)},
    ),
    # an organisation's name cut short: "Rail Accident Board" is no one's name
    ("The Air and Rail Accident Board said that the bridge had been closed for repairs.", set()),
    # a body's name of two words after "and" is read whole (kg.extract.org_joins.and_joins),
    # and says it, even where a document names a shorter body elsewhere
    (
        "The Maritime and Fisheries Agency said that the bridge had been closed for repairs.",
        {("Maritime and Fisheries Agency", "the bridge had been closed for repairs", False)},
    ),
    (
        "The Fisheries Agency sent a boat. The Maritime and Fisheries Agency said that the "
        "bridge had been closed for repairs.",
        {("Maritime and Fisheries Agency", "the bridge had been closed for repairs", False)},
    ),
]

REFERENCE = [
    # a name the parse sets beside the subject's name is another's: "he" is the subject
    (
        "Elias Moreno, the son of the jailed leader of the group, Jose Moreno, told DW that "
        'nobody survived the attack: "Except for the people arrested, we know of no '
        'survivors," he said.',
        {
            ("Elias Moreno", "nobody survived the attack", False),
            ("Elias Moreno", "Except for the people arrested", True),
        },
    ),
    # "she" is not a name inside the statement before it
    (
        "Laura Mendes, a nurse from Porto, told Reuters that she had travelled with her son "
        'Pedro and her daughter Ines when the storm hit Lisbon. "We waited for hours at the '
        'border," she said.',
        {
            ("Laura Mendes", "she had travelled with her son Pedro", False),
            ("Laura Mendes", "We waited for hours at the border", True),
        },
    ),
    # a part of a country's state is not the country but a body of its own; a government is
    # the country
    (
        "Japan's defence ministry said the missile fell into the sea near Hokkaido.",
        {("Japanese Defence Ministry", "the missile fell into the sea near Hokkaido", False)},
    ),
    # "the ministry" is an organisation of that name, not the nearest organisation
    ("Orion Motors cut its forecast on Monday. The ministry said that exports would fall.", set()),
    (
        "The Federal Trade Ministry raised tariffs on steel. Orion Motors cut its forecast on "
        "Monday. The ministry said that exports would fall sharply.",
        {("Federal Trade Ministry", "exports would fall sharply", False)},
    ),
    # "it" after a country that was its sentence's subject is the country; not a country
    # only named in passing
    (
        "Norway rejected the fishing proposal on Monday. It said that the quota was far too low.",
        {("Norway", "the quota was far too low", False)},
    ),
    ("Ana Ruiz visited Norway in May. It said that the quota was far too low.", set()),
    # one person by a nationality ("the Briton", "the German") is a person named before
    (
        "Tomas Varga lost his title in March. The Briton, who lost to Ivan Petrov in May, "
        'said: "I was in shock."',
        {("Tomas Varga", "I was in shock", True)},
    ),
    (
        'Tomas Varga won the race on Sunday. "It was a hard day," the German said.',
        {("Tomas Varga", "It was a hard day", True)},
    ),
    # a role the phrase places: the one the text called so, or the last speaker
    (
        "Paul Kline met Ana Ruiz in Madrid. The Spanish foreign minister told reporters that "
        "the talks would go on.",
        set(),
    ),
    (
        'Angela Merkel said the talks had gone well. "Europe must act now and together," the '
        "German leader said.",
        {
            ("Angela Merkel", "the talks had gone well", False),
            ("Angela Merkel", "Europe must act now and together", True),
        },
    ),
]

# "he" or "she" is not a name the document gives the other gender, nor a place's name the
# recogniser took for a person's (kg.extract.speaker_gender)
# whom a speech verb told it to listened: the next "he" is not that one
LISTENERS = [
    (
        "A letter from Tomas Varga reached the court on Monday. The court will meet in May. "
        "He told Kellner on Sunday that the letter was genuine. He said that the judges had "
        "read it.",
        {
            ("Tomas Varga", "the letter was genuine", False),
            ("Tomas Varga", "the judges had read it", False),
        },
    ),
]

# an office speaks for the person it serves, not for a body's office
OFFICES = [
    (
        'Mayor Ana Ruiz denied the claim. "The mayor has never received any money from the '
        'builders," a statement from her office said.',
        {("Ana Ruiz", "The mayor has never received any money from the builders", True)},
    ),
    (
        "Tomas Varga is under pressure. His office said the minister would not resign.",
        {("Tomas Varga", "the minister would not resign", False)},
    ),
    pytest.param(
        # the name's only mention, "Ana Ruiz's office", is no person's to the type model alone:
        # her title says she is one
        "Mayor Ana Ruiz's office said the mayor had never met the builders.",
        {("Ana Ruiz", "the mayor had never met the builders", False)},
        marks=pytest.mark.xfail(
            strict=True,
            reason="with the type model fitted in the twelfth round no person is found for the "
            "office to speak for; the quotation benchmarks did not move",
        ),
    ),
    ("The mayor's office said the bridge would reopen in May.", set()),
]

GENDER = [
    # a woman by a noun in her appositive; the man nearer by "his"
    (
        "Ilse Brandt, a mother of three, runs a bakery in Graz. Tomas Varga, its landlord, "
        'raised the rent in May to pay for his new roof. "We cannot pay this," she said.',
        {("Ilse Brandt", "We cannot pay this", True)},
    ),
    # a woman by the "She" that opens the sentence after hers
    (
        "Anna Rask has led the union since 2019. She spoke to the workers on Monday. Tomas "
        'Varga, who runs the plant, met them with his deputy. "The strike will go on," she '
        "said.",
        {("Anna Rask", "The strike will go on", True)},
    ),
    # a man by his title, and no one else named: the words are left out
    (
        'Sir Peter Hale opened the museum on Monday. "It is a fine day for the city," she said.',
        set(),
    ),
    # a role whose noun says a woman ("the actress") is not the man named nearer
    (
        "Ilse Brandt, a mother of three, leads the union. Tomas Varga, its treasurer, spoke "
        "about his plans on Monday. The actress said that the theatre would reopen in May.",
        {("Ilse Brandt", "the theatre would reopen in May", False)},
    ),
    # a city's name is no one "he" stands for
    ('The rebels have fought against Kyiv for months. "The vote was not free," he said.', set()),
    # a "her" after a possessive is another's: the man still speaks
    (
        "Tomas Varga's wife runs the shop with her sister. Tomas Varga told reporters the shop "
        'would close. "We will reopen in spring," he said.',
        {
            ("Tomas Varga", "the shop would close", False),
            ("Tomas Varga", "We will reopen in spring", True),
        },
    ),
]

NOT_SAID = [
    # quoted words no one is named beside are not those of a statement after them
    (
        'The port was quiet on Monday. "The port stays shut until Friday and nobody will be '
        'paid." Later, Tom Hale said that the talks would resume next week.',
        {("Tom Hale", "the talks would resume next week", False)},
    ),
    # a denied attribution states nothing
    ("Ana Ruiz did not say that the plant would close next year.", set()),
    ("Ana Ruiz never said that the plant would close next year.", set()),
    # what the speaker only seems to say is the writer's reading
    (
        'Paul Kline listened to the plan. "Well," he seemed to say, "what took you so long?"',
        set(),
    ),
    ("Ana Ruiz appeared to suggest that the talks had failed for good.", set()),
    (
        'Paul Kline listened to the plan. "Well," he said, "what took you so long?"',
        {("Paul Kline", "Well, what took you so long?", True)},
    ),
    # a clause without a verb is no statement
    ("During his term Paul Kline declared the region a free trade zone.", set()),
    # "what X said was ...": the writer's words for what was said
    (
        "The Harlow Herald printed the findings of what it said was a year-long inquiry into "
        "the port.",
        set(),
    ),
    # a title a sentence opens with is no one's words
    (
        'Tom Reyes said the show had been a great success. "The Long Night of the Comet" won '
        "three awards on Sunday.",
        {("Tom Reyes", "the show had been a great success", False)},
    ),
]

CLAUSES = [
    # a clause the parse breaks at a title's colon is one statement
    (
        "Her lawyer, Tom Reyes, says she did nothing wrong as the facts in her book, entitled "
        '"Night and Fog: The Hidden Files of the War" were already known.',
        {("Tom Reyes", "she did nothing wrong as the facts in her book", False)},
    ),
    # and one the parse keeps whole stays so
    (
        "Helga Brandt noted that Portugal, which has yet to ratify the treaty, has fallen "
        "behind its neighbours.",
        {("Helga Brandt", "Portugal, which has yet to ratify the treaty, has fallen", False)},
    ),
]


# spokespeople of several bodies: each body listed says it; one spokesperson speaks for the
# first body named (the others may be its partners)
SEVERAL = [
    (
        "Representatives of Northgate Bank, Pell Corp. and Amberline Trust said the merger "
        "talks had ended.",
        {
            ("Northgate Bank", "the merger talks had ended", False),
            ("Pell Corp.", "the merger talks had ended", False),
            ("Amberline Trust", "the merger talks had ended", False),
        },
    ),
    # a name of the list the parse sets beside the noun, not the spokespeople's name
    (
        "Representatives of Harlow Mills, Dunmore, Kestrel One and Vantage Trust said the firms "
        "do not comment on rumours of takeovers.",
        {
            (name, "the firms do not comment on rumours of takeovers", False)
            for name in ("Harlow Mills", "Dunmore", "Kestrel One", "Vantage Trust")
        },
    ),
    (
        "Spokesmen for Northgate Bank and Pell Corp. said the companies would not comment.",
        {
            ("Northgate Bank", "the companies would not comment", False),
            ("Pell Corp.", "the companies would not comment", False),
        },
    ),
    (
        "A spokesman for Northgate Bank and Pell Corp. said the venture would not comment.",
        {("Northgate Bank", "the venture would not comment", False)},
    ),
]


@pytest.mark.parametrize(
    "text, expected",
    NAMES + REFERENCE + LISTENERS + OFFICES + GENDER + NOT_SAID + CLAUSES + SEVERAL,
)
def test_speakers(text: str, expected: Expected, pipeline):
    check(quotes(text, pipeline), expected)


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Mrs Ilse Brandt opened the shop. Tomas Varga, a father of two, came.",
            {"brandt": "f", "varga": "m"},
        ),
        ("Chairwoman Ilse Brandt met Mr. Varga.", {"brandt": "f", "varga": "m"}),
        ("Ilse Brandt lost her seat in May.", {"brandt": "f"}),
        # a "his" after another name is that one's
        ("Ilse Brandt met Tomas Varga and his son.", {"varga": "m"}),
        # a "his" now and then for one the document calls a woman twice is another's
        (
            "Mrs Brandt spoke. Ilse Brandt, a mother of two, agreed. Brandt said his plan failed.",
            {"brandt": "f"},
        ),
    ],
)
def test_genders(text: str, expected: dict[str, str], pipeline):
    ex = next(iter(extract([kg.from_text(text)], pipeline, relation_model=None)))
    assert genders(ex) == expected


def test_place_is_no_one_he_stands_for(pipeline):
    # "Houston" is a city's name, but here a person's surname
    text = "Ana Ruiz met Peter Houston in Kyiv. Houston spoke later."
    ex = next(iter(extract([kg.from_text(text)], pipeline, relation_model=None)))
    may = {m.text: _may_be(ex, k, "m") for k, m in enumerate(ex.mentions)}
    assert may.get("Houston") is True and may.get("Kyiv") is False
