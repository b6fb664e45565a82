"""Wire copy's follow-ups to a statement: a headline set before the dateline, quoted words
standing alone in the paragraph after a reported statement, officials of a named body, "said
X about ..." parsed with no subject, a clause with a gap ("the sum X says it needs"), a speech
word inside another speaker's account, "she" after a person whose name resolution types
otherwise, a name set after a comma that is no role, a people or "Representatives of" several
bodies as a speaker, a statement an agency passes on, "he" in "X sent a message in which he
said", a surname that is a common word ("King said"), a quotation's bare middle line, a
lead's described speaker (a spokesperson, a group, an official) named in the next
paragraphs.
(text, expected quotations) tables, as in test_quotes."""

from __future__ import annotations

import pytest

import kg
from tests.extract.test_quotes import Expected, check, quotes

FOLLOW_UPS = [
    # quoted words that stand alone after the speaker's reported statement are the speaker's
    (
        "Ana Ruiz said on Monday that the harbour would reopen next week.\n\n"
        '"We owe it to the fishermen and their families to move quickly."',
        {
            ("Ana Ruiz", "the harbour would reopen next week", False),
            ("Ana Ruiz", "We owe it to the fishermen", True),
        },
    ),
    # not after a quotation: the quoted paragraph runs on with it (one quotation, read once)
    (
        '"The harbour will reopen next week," Ana Ruiz said.\n\n'
        '"We owe it to the fishermen and their families to move quickly."',
        {("Ana Ruiz", "The harbour will reopen next week", True)},
    ),
    # not after a paragraph that ends with no statement
    (
        "Ana Ruiz said on Monday that the harbour would reopen next week. The boats stayed "
        'in port on Tuesday.\n\n"We owe it to the fishermen and their families to move '
        'quickly."',
        {("Ana Ruiz", "the harbour would reopen next week", False)},
    ),
    # a quotation opened alone, whose own attribution comes on the next line, is that one's
    (
        "Ana Ruiz said on Monday that the harbour would reopen next week.\n\n"
        '"The port authority has looked at every pier.\n\n'
        'All of them are safe now," harbour master Tom Hale said.',
        {
            ("Ana Ruiz", "the harbour would reopen next week", False),
            ("Tom Hale", "The port authority has looked at every pier", True),
        },
    ),
    # officials of a named organisation speak for it; a country's officials name no one
    (
        "World Health Organization officials said more than 2,000 children had been "
        "vaccinated in the camp.",
        {("World Health Organization", "more than 2,000 children had been vaccinated", False)},
    ),
    (
        "A NATO official in Brussels said the ships would leave the port on Friday.",
        {("NATO", "the ships would leave the port on Friday", False)},
    ),
    ("Russian officials said the ships would leave the port on Friday.", set()),
    # "said X about ...": the parse makes X the subject of the words after it
    (
        '"It is hard to explain," said Miami coach Ray Dunn about his players scoring four '
        "goals in the final ten minutes.",
        {("Ray Dunn", "It is hard to explain", True)},
    ),
    # a clause with a gap says nothing whole: "the sum X says it needs"
    (
        "Orion Motors plans to spend $50 million on the plant, less than the amount the union "
        "says it needs to keep the jobs.",
        set(),
    ),
    # a relative clause with no gap does: "where he says he was held"
    (
        "Omar Haddad was taken to a prison in the desert, where he says he was held for "
        "three years without trial.",
        {("Omar Haddad", "he was held for three years without trial", False)},
    ),
    # a speech word inside another speaker's account is part of it
    (
        "Ana Ruiz said one of the activist's offences was to write a letter suggesting that "
        "the courts were not independent.",
        {("Ana Ruiz", "one of the activist's offences was to write a letter", False)},
    ),
    # a name set after a comma is not a role of the name before it: "the newspaper" is the
    # paper (the first statement's comma, which the parse hangs inside its clause, sets it
    # off as well)
    (
        "The city plans to sell its stake in Orion Bank, Le Soir newspaper said on Saturday. "
        "The buyers would pay about $40 million for the stake, the newspaper said.",
        {
            ("Le Soir", "The city plans to sell its stake in Orion Bank", False),
            ("Le Soir", "The buyers would pay about $40 million", False),
        },
    ),
    # "she" after a person written with her trade before her name is hers, not given to a
    # person named before (mention detection leaves a lower-case word out of the name: "Shop
    # assistant Kari Nordby" is "Kari Nordby", a person)
    (
        "Johan Berg said the town would mourn for a week. Shop assistant Kari Nordby was "
        'blunter.\n\n"I am glad it was not one of our planes," she said.',
        {
            ("Johan Berg", "the town would mourn for a week", False),
            ("Kari Nordby", "I am glad it was not one of our planes", True),
        },
    ),
    # a surname that is also a common word, as a proper noun inside its sentence
    (
        'Coach Harold King picked his squad on Friday.\n\n"I told Laura we need her if we '
        'want to win the cup," King said.',
        {("Harold King", "I told Laura we need her", True)},
    ),
    # a quotation's sentences one a line, the middle one with no marks: one quotation
    (
        '"We lost the first game badly.\nThe second one was better.\nWe will win the next '
        'one at home," coach Ray Dunn said.',
        {("Ray Dunn", "We lost the first game badly. The second one was better.", True)},
    ),
    # a quotation never closed takes in no line after it
    (
        '"We lost the first game badly.\nThe team flew home on Sunday.\nRay Dunn said the '
        "next game would be harder.",
        {("Ray Dunn", "the next game would be harder", False)},
    ),
    # a hyphenated name's lower-case end is part of it
    (
        '"We want the talks to start again before the winter," Red Cross president Park '
        "Sung-min said on Monday.",
        {("Park Sung-min", "We want the talks to start again", True)},
    ),
    # a verb the parse joins to another with no "and" of its own is not that one's subject's
    (
        "Longyear is a small town in Norway and mining chief Johan Berg, who has been left "
        "out of the talks, has warned that it could become a ghost town.",
        set(),
    ),
    (
        "Ana Ruiz nodded and said the pier could collapse in a storm.",
        {("Ana Ruiz", "the pier", False)},
    ),
    # a lead's described speaker is the first of its kind named in the next paragraphs
    (
        "An exiled opposition group said on Saturday it had received reports that troops "
        "were advancing on the town.\n\nA spokesman of the Free Harbour Movement said the "
        "troops had reached the river.",
        {
            ("Free Harbour Movement", "it had received reports", False),
            ("Free Harbour Movement", "the troops had reached the river", False),
        },
    ),
    (
        "A spokeswoman said the plane had to land in Lisbon because of an engine failure.\n\n"
        "Orion Air spokeswoman Laura Mendes said none of the passengers was hurt.",
        {
            ("Laura Mendes", "the plane had to land in Lisbon", False),
            ("Laura Mendes", "none of the passengers was hurt", False),
        },
    ),
    # not one named paragraphs later, nor one of another kind
    (
        "A spokeswoman said the plane had to land in Lisbon because of an engine failure.\n\n"
        "The airline had bought the plane in May.\n\nIt flew to Madrid on Monday.\n\n"
        "Transport minister Laura Mendes said the airport would stay open.",
        {("Laura Mendes", "the airport would stay open", False)},
    ),
    (
        "A regional newspaper said on Sunday a bomb had killed five people in the market.\n\n"
        "Police chief Omar Haddad said two people had died in the blast.",
        {("Omar Haddad", "two people had died in the blast", False)},
    ),
    # after "a newspaper said", only a paper named before its noun is it
    (
        "A regional newspaper said on Sunday the mayor had taken a bribe from a builder.\n\n"
        "A statement from Orion Builders said the company had never paid the mayor.",
        {("Orion Builders", "the company had never paid the mayor", False)},
    ),
    # a lead's office ("a senior official", "the country's foreign minister", "he" after it)
    # is the first named speaker after it, if a person; else no one
    (
        "A senior official admitted on Monday that the harbour had been closed for a week.\n\n"
        "Port director Laura Mendes said the boats would sail again in May.",
        {
            ("Laura Mendes", "the harbour had been closed for a week", False),
            ("Laura Mendes", "the boats would sail again in May", False),
        },
    ),
    (
        "The country's foreign minister has suggested that the border be closed. He said the "
        "army should guard it.\n\nForeign Minister Laura Mendes told a newspaper that the "
        "border was not safe.",
        {
            ("Laura Mendes", "the border be closed", False),
            ("Laura Mendes", "the army should guard it", False),
            ("Laura Mendes", "the border was not safe", False),
        },
    ),
    (
        "A senior official said on Monday that the harbour had been closed for a week.\n\n"
        "Orion Shipping Ltd said its boats would sail again in May. Port director "
        "Laura Mendes said the harbour would reopen soon.",
        {
            ("Orion Shipping Ltd", "its boats would sail again in May", False),
            ("Laura Mendes", "the harbour would reopen soon", False),
        },
    ),
    # a people names no one speaker; the several bodies "Representatives of" takes in each
    # speak, as "A and B said" does
    ("The Palestinians said the talks had failed because of the new settlements.", set()),
    (
        "Representatives of Orion Bank, Delta Bank and Harbor Trust said the banks do not "
        "comment on rumors of mergers.",
        {
            (name, "the banks do not comment on rumors of mergers", False)
            for name in ("Orion Bank", "Delta Bank", "Harbor Trust")
        },
    ),
    # a named speaker's statement that an agency passes on is the speaker's alone
    (
        "Ana Ruiz said on Friday that the talks with the rebels would resume in May, the "
        "Associated Press reported.",
        {("Ana Ruiz", "the talks with the rebels would resume in May", False)},
    ),
    # "he" of "X sent a message in which he said" is X
    (
        "Ana Ruiz said Omar Haddad sent a message to the mayor on Monday in which he said the "
        "port had to close.",
        {
            ("Ana Ruiz", "Omar Haddad sent a message to the mayor", False),
            ("Omar Haddad", "the port had to close", False),
        },
    ),
]


@pytest.mark.parametrize("text, expected", FOLLOW_UPS)
def test_follow_ups(text: str, expected: Expected, pipeline):
    check(quotes(text, pipeline), expected)


# a wire story's headline, set before its dateline, says what the body says: it is not read
HEADLINES = [
    (
        "Ana Ruiz says harbour will reopen next week.\nMADRID 1996-08-30\n"
        "Ana Ruiz said on Friday that the harbour would reopen next week.\n",
        {("Ana Ruiz", "the harbour would reopen next week", False)},
    ),
    # a byline between, which plain text takes for a heading
    (
        "Ana Ruiz says harbour will reopen next week.\nJohn Smith\nMADRID 1996-08-30\n"
        "Ana Ruiz said on Friday that the harbour would reopen next week.\n",
        {("Ana Ruiz", "the harbour would reopen next week", False)},
    ),
    # a first paragraph with no dateline after it is the story's own
    (
        "Ana Ruiz said on Friday that the harbour would reopen next week.\n\n"
        "Ana Ruiz added that the boats had been checked.\n",
        {
            ("Ana Ruiz", "the harbour would reopen next week", False),
            ("Ana Ruiz", "the boats had been checked", False),
        },
    ),
]


@pytest.mark.parametrize("text, expected", HEADLINES)
def test_headline_before_dateline(text: str, expected: Expected, pipeline):
    check(kg.build([text], model=pipeline).quotes, expected)
