"""Statements by reporting words beyond "said": an attribution set into its sentence, news'
other reporting verbs, roles that stand for a named expert, and "he said" after the last to
speak. (text, expected quotations) tables, as in test_quotes."""

from __future__ import annotations

import pytest

from tests.extract.test_quotes import Expected, check, quotes

# the attribution set into the sentence it attributes: the sentence less it
SET_OFF = [
    (
        "Lena Vogt spoke in Hamburg. The new rules, she said, will cost the port two million "
        "euros.",
        {("Lena Vogt", "The new rules will cost the port", False)},
    ),
    (
        "Lena Vogt spoke in Hamburg. In the long run, Vogt added, the port will need a new "
        "terminal.",
        {("Lena Vogt", "In the long run the port will need a new terminal", False)},
    ),
    (
        "Ravi Patel visited the plant. As Ravi Patel explained, the line will stop for two "
        "weeks in May.",
        {("Ravi Patel", "the line will stop for two weeks in May", False)},
    ),
    # "as X claimed" after the clause may set the claim against it: not read
    ("The workers were paid in full each month, as Ravi Patel claimed.", set()),
    # nor a speech verb with an object of its own, which says no clause
    ("As Ravi Patel announced the closure, the workers left the hall in silence.", set()),
    (
        "Ravi Patel met the press. As he told reporters, the line will stop for two weeks.",
        {("Ravi Patel", "the line will stop for two weeks", False)},
    ),
    # the clause before ", X said." that the parse did not hang as the verb's clause
    (
        "Much of the money hailed from lucky trades on the bond markets, Karl Weber said.",
        {("Karl Weber", "Much of the money hailed from lucky trades on the bond markets", False)},
    ),
    # a clause set off before "X said:" and the quoted words after it: both are X's
    (
        "The talks will fail without a new offer from the ministry, Karl Ober said: "
        '"We have waited long enough for an answer."',
        {
            ("Karl Ober", "The talks will fail without a new offer from the ministry", False),
            ("Karl Ober", "We have waited long enough for an answer.", True),
        },
    ),
    # but not a question, nor another's account passed on
    ("And who will pay for the new bridge over the river, the Daily Courier asked?", set()),
]

# reporting verbs news uses with a clause or beside quoted words
VERBS = [
    (
        "Nadia Karim denied that the company had hidden its losses from the bank.",
        {("Nadia Karim", "the company had hidden its losses", False)},
    ),
    (
        "Nadia Karim revealed that the firm would move its offices to Lyon next year.",
        {("Nadia Karim", "the firm would move its offices to Lyon", False)},
    ),
    (
        '"We have nothing at all to hide," Nadia Karim countered.',
        {("Nadia Karim", "We have nothing at all to hide", True)},
    ),
    (
        '"The harvest was poor this year," Jonas Berg went on.',
        {("Jonas Berg", "The harvest was poor this year", True)},
    ),
    # an attempt to reassure states nothing
    ("Nadia Karim tried to reassure the farmers that prices would recover soon.", set()),
]

# a role that stands for the named expert the text gave it to
ROLES = [
    (
        'Middle East expert Omar Saleh met reporters. "Talks without a schedule will fail '
        'again," the expert said.',
        {("Omar Saleh", "Talks without a schedule will fail again", True)},
    ),
]

# "he said" goes on with the last to speak, where it spoke, unless someone newer is a subject
LAST_SPEAKER = [
    (
        "Prices rose sharply this year, Viktor Hallo told parliament. That was a mistake, "
        "according to Jan Berger. The bank, he said, should have raised rates in May.",
        {
            ("Viktor Hallo", "Prices rose sharply this year", False),
            ("Jan Berger", "That was a mistake", False),
            ("Jan Berger", "The bank should have raised rates in May", False),
        },
    ),
    (
        '"We will not pay this year," Jan Berger said. Viktor Hallo arrived in Brussels on '
        "Monday. He said that his country would repay its debts.",
        {
            ("Jan Berger", "We will not pay this year", True),
            ("Viktor Hallo", "his country would repay its debts", False),
        },
    ),
    (
        '"Cities have lost their soul," Maria Dreyer said. The architect Paul Stein agreed with '
        'Dreyer in 1990 when he wrote: "Every square must be a place to meet."',
        {
            ("Maria Dreyer", "Cities have lost their soul", True),
            ("Paul Stein", "Every square must be a place to meet", True),
        },
    ),
]

# a body's study or a paper is the body or paper that spoke last, not the nearest other body
BODIES = [
    (
        "Young people read fewer books, according to a study by the Reading Foundation, a "
        'charity in Bonn. "Schools must give reading much more time," the study concluded.',
        {
            ("Reading Foundation", "Young people read fewer books", False),
            ("Reading Foundation", "Schools must give reading much more time", True),
        },
    ),
    (
        "The Daily Courier reported that the strike would go on for weeks. Ministers met in "
        "Rome on Monday, and the European Union sent an envoy to the talks. The paper said the "
        "talks would fail before Easter.",
        {
            ("Daily Courier", "the strike would go on for weeks", False),
            ("Daily Courier", "the talks would fail before Easter", False),
        },
    ),
    (
        "Ministers met in Rome on Monday, and the European Union sent an envoy to the talks. "
        "The paper said the talks would fail before Easter.",
        set(),
    ),
    # a report in a paper, or from a paper or agency its noun names, is the paper's; a
    # report in a month or a place is no one's
    (
        "The mine will close next year, according to a report in the Daily Courier.",
        {("Daily Courier", "The mine will close next year", False)},
    ),
    (
        "The mine will close next year, according to reports from the Harlow Herald newspaper.",
        {("Harlow Herald", "The mine will close next year", False)},
    ),
    ("The mine will close next year, according to a report in May.", set()),
    # a statement posted on a body's website is the body's
    (
        'Northwind Rail said the line had reopened. "We are sorry for the delays our '
        'passengers suffered this week," a statement posted on the Northwind Rail website said.',
        {
            ("Northwind Rail", "the line had reopened", False),
            (
                "Northwind Rail",
                "We are sorry for the delays our passengers suffered this week",
                True,
            ),
        },
    ),
    ("The mine will close next year, according to a report in Germany.", set()),
    # a spokesperson of a kind of body named by its kind is one of that name, or no one's
    (
        'Northwind Rail said that trains would run late. "The fire spread fast in the dry '
        'grass," a fire department spokesman said.',
        {("Northwind Rail", "trains would run late", False)},
    ),
    (
        "Northwind Rail said that trains would run late. The Bonn Fire Department sent ten "
        'crews. "The fire spread fast in the dry grass," a fire department spokesman said.',
        {
            ("Northwind Rail", "trains would run late", False),
            ("Bonn Fire Department", "The fire spread fast in the dry grass", True),
        },
    ),
]

# quoted words a clause goes on after are part of the reported clause; a clause quoted whole
# stays quoted words
IN_CLAUSE = [
    (
        'Nadia Karim admitted that "several of our plants" were closed last year.',
        {("Nadia Karim", 'several of our plants" were closed last year', False)},
    ),
    (
        'Nadia Karim spoke on Monday. She added that "the plant is closed for now," and that '
        "she would visit it soon.",
        {("Nadia Karim", "the plant is closed for now", True)},
    ),
    # quotation marks around a word inside a clause with no "that" (which the parse then
    # takes for the verb's object)
    (
        'Karl Ober said the board had "blindly" accepted European Commission recommendations.',
        {
            (
                "Karl Ober",
                'the board had "blindly" accepted European Commission recommendations',
                False,
            )
        },
    ),
    ("Karl Ober said a prayer his mother taught him.", set()),
    # a clause whose subject the parse hung elsewhere ("delays" read as a verb) begins with it
    (
        "Northwind Rail told passengers in a statement that delays on the northern line could "
        "last until Friday.",
        {("Northwind Rail", "delays on the northern line could last until Friday", False)},
    ),
    (
        "Karl Ober told reporters the council would meet on Friday.",
        {("Karl Ober", "the council would meet on Friday", False)},
    ),
    # a verb inside a statement is the speaker's account: its unnamed subject is no one the
    # "he" after it stands for
    (
        "Jonas Berg said the two ministers had met twice and also informed the press of their "
        'plan. "We have known each other for many years," he said.',
        {
            ("Jonas Berg", "the two ministers had met twice", False),
            ("Jonas Berg", "We have known each other for many years", True),
        },
    ),
    # only an apposition closed by a comma or the sentence's end is cut with the name
    (
        "According to a report by the Rio Herald, the Tide Institute predicts that rain will be "
        "scarce this spring.",
        {("Rio Herald", "the Tide Institute predicts that rain will be scarce", False)},
    ),
]

# "it said" is a body that was a sentence's subject or spoke last, not the nearest body
IT = [
    (
        "Orion Motors cut its forecast on Monday, after a report by the Rail Union. It said "
        "that sales in Asia had fallen by a fifth.",
        {("Orion Motors", "sales in Asia had fallen by a fifth", False)},
    ),
    (
        "A report by the Rail Union was published on Monday. It said that the trains had been "
        "late all year.",
        set(),
    ),
]

# stances voiced with a clause are statements; what others expect, or a call one received,
# is not the speaker's
STANCE = [
    (
        "Helga Brandt expressed concern that the new law would hurt small farmers.",
        {("Helga Brandt", "the new law would hurt small farmers", False)},
    ),
    (
        "Helga Brandt gave assurances that the plant would stay open until 2030.",
        {("Helga Brandt", "the plant would stay open until 2030", False)},
    ),
    ("Helga Brandt expressed hope that the plant would stay open until 2030.", set()),
    ("Todd Brenner cautioned against expectations that the city could solve it alone.", set()),
    (
        "Ana Ruiz received a call from the hospital telling her that her father had woken up.",
        set(),
    ),
    (
        "Ana Ruiz issued a statement saying that her father had woken up on Monday.",
        {("Ana Ruiz", "her father had woken up on Monday", False)},
    ),
]


@pytest.mark.parametrize(
    "text, expected", SET_OFF + VERBS + ROLES + LAST_SPEAKER + BODIES + IN_CLAUSE + IT + STANCE
)
def test_reporting(text: str, expected: Expected, pipeline):
    check(quotes(text, pipeline), expected)


@pytest.mark.parametrize(
    "text, said",
    [
        (
            "Sales fell by a tenth this spring, according to the Marlow Group, a research firm "
            "that follows the trade.",
            "Sales fell by a tenth this spring",
        ),
        (
            "According to the Marlow Group, a research firm, sales fell by a tenth this spring.",
            "sales fell by a tenth this spring",
        ),
    ],
)
def test_according_cuts_the_names_apposition(text: str, said: str, pipeline):
    assert [q.text for q in quotes(text, pipeline)] == [said]
