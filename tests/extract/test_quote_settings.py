"""Settings news gives a speaker's words: a clause after phrases of time or place ("said at
the gathering that ..."), quoted words a colon introduces (after a sentence about the
speaker, or one that is the speaker's statement), quoted words that resume after a sentence
about the speaker who just spoke, a spokesperson of the body that spoke last, a
relative clause's speech verb on a name inside another's statement, and a person's campaign
(no body's voice for a later "she").
(text, expected quotations) tables, as in test_quotes."""

from __future__ import annotations

import pytest

from tests.extract.test_quotes import Expected, check, quotes

OCCASIONS = [
    # the parse makes "that" a relative pronoun of the noun before it
    (
        "Anna Weber said at the gathering that Germany wished to play a stronger role.",
        {("Anna Weber", "Germany wished to play a stronger role", False)},
    ),
    # the clause hangs from the noun of a phrase inside another
    (
        "Prime Minister Kengo Wado said at the end of a visit to Rwanda last week that the two "
        "governments agreed on a repatriation.",
        {("Kengo Wado", "the two governments agreed on a repatriation", False)},
    ),
    # a relative clause with a gap says nothing; nor a noun of others' words
    ("Tom Reyes said at the summit that leaders attended in May.", set()),
    ("Tom Reyes responded to reports that the company would close its plant.", set()),
]

COLONS = [
    (
        "Helga Brandt enjoys talking. She introduces me to her new book: "
        '"I am giving it a political dimension for the first time."',
        {("Helga Brandt", "I am giving it a political dimension", True)},
    ),
    (
        "Rani Singh did not despair and began looking for another solution: "
        '"I got a small loan from a friend and rented a room."',
        {("Rani Singh", "I got a small loan from a friend", True)},
    ),
    # after a statement set into its sentence: the statement's speaker
    (
        "At the same time, Petra Becker added, Assad granted amnesty to a number of "
        'prisoners: "He stood back and watched as they spread across the country."',
        {
            ("Petra Becker", "At the same time Assad granted amnesty", False),
            ("Petra Becker", "He stood back and watched", True),
        },
    ),
    # no one named: no speaker
    ('The boards read: "Air Bag Safety: Everyone Buckled, Kids in Back."', set()),
    ('One onlooker shouted the phrase: "You are no friend of ours, go home now!"', set()),
    # the name is not the sentence's subject
    (
        "The coastguard came under fire from Carlos Mendes: "
        '"They also sometimes beat and rob the migrants they intercept."',
        set(),
    ),
]

RESUMED = [
    (
        '"For many Nigerians, people from other parts are foreigners," said Bibi Yusuf. Yusuf '
        'comes from Lagos, in the south. "We know almost nothing about one another."',
        {
            ("Bibi Yusuf", "For many Nigerians", True),
            ("Bibi Yusuf", "We know almost nothing", True),
        },
    ),
    (
        '"Your jobs are definitely safe," Seyran Ates tells one of her bodyguards. She hopes '
        "she will be able to move freely again in ten years. \"That's the sort of timescale "
        "I'm thinking along.\"",
        {
            ("Seyran Ates", "Your jobs are definitely safe", True),
            ("Seyran Ates", "That's the sort of timescale", True),
        },
    ),
    # a sentence about someone else, or about no one, between
    (
        '"Your jobs are definitely safe," Seyran Ates tells one of her bodyguards. Tom Reyes '
        "laughed loudly. \"That's the sort of timescale I'm thinking along.\"",
        {("Seyran Ates", "Your jobs are definitely safe", True)},
    ),
    (
        '"Your jobs are definitely safe," Seyran Ates tells one of her bodyguards. The crowd '
        "cheered loudly. \"That's the sort of timescale I'm thinking along.\"",
        {("Seyran Ates", "Your jobs are definitely safe", True)},
    ),
]

SPOKESPEOPLE = [
    (
        "Iranian forces burst into the home of a German diplomat, Germany's foreign ministry "
        "said on Saturday. A spokesman said he could substantially confirm a report in the "
        "news weekly.",
        {
            ("German Foreign Ministry", "Iranian forces burst into the home", False),
            ("German Foreign Ministry", "he could substantially confirm a report", False),
        },
    ),
    (
        "Iranian forces burst into the home of a German diplomat, Germany's foreign ministry "
        "said on Saturday. The ministry spokesman said the German embassy immediately made a "
        "sharp protest.",
        {
            ("German Foreign Ministry", "Iranian forces burst into the home", False),
            ("German Foreign Ministry", "the German embassy immediately made", False),
        },
    ),
    (
        "The couple was arrested on Friday, Dutch police said. The couple would probably be "
        "extradited to Germany, the Dutch police spokeswoman said.",
        {
            ("Dutch Police", "The couple was arrested on Friday", False),
            ("Dutch Police", "The couple would probably be extradited", False),
        },
    ),
    # a relative clause's speech verb on a name inside the statement: that name's too
    (
        "Iranian forces burst into the home of a German diplomat, Germany's foreign ministry "
        "said on Saturday. A spokesman confirmed a report in the news weekly Der Spiegel, "
        "which said secret police burst in while the diplomat was entertaining writers.",
        {
            ("German Foreign Ministry", "Iranian forces burst into the home", False),
            ("Der Spiegel", "secret police burst in while", False),
        },
    ),
]


CAMPAIGNS = [
    (
        "Michael Bloomberg apologised on Monday. Bloomberg's campaign countered that he fought "
        "redlining while he was mayor.",
        {("Michael Bloomberg", "he fought redlining", False)},
    ),
    (
        "Michael Bloomberg apologised on Monday. His campaign said he fought redlining while "
        "he was mayor.",
        {("Michael Bloomberg", "he fought redlining", False)},
    ),
    # the campaign is no voice a later "she" goes on with
    (
        'Michael Bloomberg spoke in Congress. "Congress got involved and said that is not fair '
        'to these people," Bloomberg said.\n\n"And once you started pushing in that direction, '
        'banks made more loans," he added.\n\nElizabeth Warren accused Bloomberg of arguing for '
        "banks. Bloomberg's campaign countered that he fought redlining while mayor.\n\nWarren "
        "makes an exception for Bloomberg. She compares him to Trump. Bloomberg's presence in "
        'the debate will give voters "a live demonstration of how we each take on an egomaniac '
        'billionaire," she said Tuesday.',
        {
            ("Michael Bloomberg", "Congress got involved", True),
            ("Michael Bloomberg", "And once you started pushing", True),
            ("Michael Bloomberg", "he fought redlining", False),
            ("Elizabeth Warren", "Bloomberg's presence in the debate", False),
        },
    ),
]


@pytest.mark.parametrize("text,expected", OCCASIONS + COLONS + RESUMED + SPOKESPEOPLE + CAMPAIGNS)
def test_settings_of_a_speakers_words(pipeline, text: str, expected: Expected) -> None:
    check(quotes(text, pipeline), expected)
