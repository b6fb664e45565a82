"""A sports report's teams named for their towns: a town's name spaCy reads as a person's
alone where it is not where something is, a result written between two teams, and a
name described as a side."""

from __future__ import annotations

import pytest

from kg.extract.mentions import extract
from kg.extract.records import RawMention
from kg.extract.tokens import Tokens
from kg.extract.type_teams import _after_score
from kg.extract.types import bracketed_rows, sports_teams
from kg.model import Block, Document


def _mentions(pipeline, text: str) -> list[RawMention]:
    doc = Document(id="d", text=text, blocks=(Block(0, len(text), "paragraph"),))
    return next(extract([doc], pipeline)).mentions


def _mention(text: str, label: str, votes: dict[str, float], **kw: bool) -> RawMention:
    m = RawMention("d", 0, len(text), text, label, **kw)
    m.votes.update(votes)
    return m


def _report(*more: RawMention) -> list[RawMention]:
    """Two teams the words around them say, then ``more``."""
    return [
        _mention("Bergen", "GPE", {"Organization": 3.0, "Place": 2.5}, team=True),
        _mention("Oslo", "GPE", {"Organization": 3.0, "Place": 2.5}, team=True),
        *more,
    ]


def test_a_town_alone_in_a_sports_report_is_its_team():
    mentions = _report(
        _mention("Tromso", "PERSON", {"Person": 1.0}, town=True),  # "he led Tromso to..."
        _mention("Molde", "ORG", {"Organization": 0.0, "Person": 1.3}, town=True),  # the model's
        _mention("Lillehammer", "GPE", {"Place": 2.5}, town=True),  # spaCy's place: the town
    )
    sports_teams(mentions)
    assert [dict(m.votes) for m in mentions[2:]] == [
        {"Organization": 1.0},
        {"Organization": 1.3},
        {"Place": 2.5},
    ]


def test_a_town_that_is_a_players_surname_stays_his():
    mentions = _report(
        _mention("Marcus Hamilton", "PERSON", {"Person": 1.0}),
        _mention("Hamilton", "PERSON", {"Person": 1.0}, town=True),
    )
    sports_teams(mentions)
    assert dict(mentions[-1].votes) == {"Person": 1.0}


def test_no_sports_report_no_teams():
    mentions = [_mention("Tromso", "PERSON", {"Person": 1.0}, town=True)]
    sports_teams(mentions)
    assert dict(mentions[0].votes) == {"Person": 1.0}


@pytest.mark.parametrize(
    "text, name, expected",
    [
        ("Munich hosted Stuttgart on Saturday.", "Stuttgart", True),
        ("The final was played in Stuttgart on Saturday.", "Stuttgart", False),
        ("Fans travelled from Stuttgart on Saturday.", "Stuttgart", False),
    ],
)
def test_a_town_not_where_something_is_is_marked(pipeline, text, name, expected):
    marked = {m.text: m.town for m in _mentions(pipeline, text)}
    assert marked[name] is expected


@pytest.mark.parametrize(
    "text, index, expected",
    [
        ("Bochum 2-0 Hertha", 4, True),  # the parser splits the score in three
        ("Bochum 2 Hertha", 2, False),  # no dash: a results line's count, read after the name
        ("Stuttgart Hertha", 1, False),
    ],
)
def test_a_result_written_between_two_teams(pipeline, text, index, expected):
    assert _after_score(Tokens(pipeline(text)), index) is expected


def test_a_name_described_as_a_side_is_a_team(pipeline):
    text = "The coach praised Hallstad, a second division side, for its fight."
    votes = {m.text: m.votes for m in _mentions(pipeline, text)}
    assert votes["Hallstad"]["Organization"] >= 3.0


def test_a_league_in_a_sports_report_is_a_competition():
    mentions = _report(
        _mention("Premier League", "ORG", {"Organization": 1.0}),
        _mention("Bundesliga", "GPE", {"Place": 0.0, "Organization": 1.3}),
    )
    sports_teams(mentions)
    assert [dict(m.votes) for m in mentions[2:]] == [{"Event": 1.0}, {"Event": 1.3}]


def test_a_league_outside_a_sports_report_keeps_its_votes():
    mentions = [_mention("Arab League", "ORG", {"Organization": 1.0})]
    sports_teams(mentions)
    assert dict(mentions[0].votes) == {"Organization": 1.0}


def test_a_league_and_a_coach_make_a_sports_report():
    coach = _mention("Jan Berg", "PERSON", {"Person": 4.0})
    coach.kind = "coach"  # "Jan Berg, the Molde coach"
    mentions = [
        _mention("Premier League", "ORG", {"Organization": 1.0}),
        coach,
        _mention("Molde", "PERSON", {"Person": 1.0}, town=True),
    ]
    sports_teams(mentions)
    assert dict(mentions[2].votes) == {"Organization": 1.0}
    alone = [_mention("Molde", "PERSON", {"Person": 1.0}, town=True), coach]
    sports_teams(alone)  # a coach alone is no sports report
    assert dict(alone[0].votes) == {"Person": 1.0}


@pytest.mark.parametrize(
    "text, name, expected",
    [
        # a club's own first or last word, whatever spaCy labels the name
        ("Borussia Mönchengladbach have a tricky midweek game.", "Borussia Mönchengladbach", True),
        ("They were drawn with Dinamo Zagreb and Porto.", "Dinamo Zagreb", True),
        ("He joined Leeds United in May.", "Leeds United", True),
        ("The club signed Tottenham Hotspur midfielder Luka Modric.", "Tottenham Hotspur", True),
        # a place's name beside "vs." in a fixture list
        ("Saturday: Bayern Munich vs. Ingolstadt, Augsburg vs. Schalke.", "Ingolstadt", True),
        # a place's name as the compound of a team's noun
        ("They could not beat a weakened Barcelona side.", "Barcelona", True),
        ("Chelsea manager Jose Mourinho was sacked.", "Chelsea", True),
        # each of several places before one team's noun
        ("He was the former Blackburn and Southampton skipper.", "Southampton", True),
        ("The ex-Chelsea and Arsenal striker retired.", "Arsenal", True),
        ("He moved from Leeds and Sheffield to York.", "Sheffield", False),
        # a place hosted or faced
        (
            "Bayern should still like their chances when they host Ingolstadt in the first "
            "Bundesliga derby.",
            "Ingolstadt",
            True,
        ),
        ("London hosted the Olympics in 2012.", "London", False),
        # places where nothing says a team
        ("Crime fell in Edmonton's northeast side last year.", "Edmonton", False),
        ("Shells fell on the Gaza side of the border.", "Gaza", False),
        ("He flew from Quebec City to Barcelona on Monday.", "Barcelona", False),
        ("He flew from Quebec City to Barcelona on Monday.", "Quebec City", False),
        ("The case Taylor v. Illinois was decided in 1988.", "Illinois", False),
    ],
)
def test_words_that_say_a_team(pipeline, text, name, expected):
    teams = {m.text: m.team for m in _mentions(pipeline, text)}
    assert teams[name] is expected


def _rows(text: str, names: dict[str, tuple[str, dict[str, float]]]) -> list[RawMention]:
    """Each name's mention at its place in ``text``, with its label and votes."""
    out = []
    for name, (label, votes) in names.items():
        i = text.index(name)
        m = RawMention("d", i, i + len(name), name, label)
        m.votes.update(votes)
        out.append(m)
    return out


@pytest.mark.parametrize(
    "text, names, expected",
    [
        # a results table's rows: the unsure one takes the kind most rows lean to
        (
            "1. Ann Lee ( Canada ) 4:09\n2. Bo Dahl ( Sweden ) 4:10\n3. Leah Pells ( Canada ) "
            "4:11\n4. Eva Kim (South Korea) 4:12",
            {
                "Ann Lee": ("PERSON", {"Person": 1.0}),
                "Bo Dahl": ("PERSON", {"Person": 1.0}),
                "Leah Pells": ("ORG", {"Organization": 0.0, "Place": 1.2}),
                "Eva Kim": ("PERSON", {"Person": 1.0}),
            },
            {"Leah Pells": "Person"},
        ),
        # clubs' rows stay clubs; a row its words type surely keeps its type
        (
            "Ajax (Netherlands) 2 Porto (Portugal) 1\nCeltic (Scotland) 0 Ana Ruiz (Spain) 1",
            {
                "Ajax": ("ORG", {"Organization": 1.0}),
                "Porto": ("ORG", {"Organization": 1.0}),
                "Celtic": ("ORG", {"Organization": 1.0}),
                "Ana Ruiz": ("PERSON", {"Person": 3.0}),
            },
            {"Porto": "Organization", "Ana Ruiz": "Person"},
        ),
        # two rows are no table; brackets of no country are no rows
        (
            "Ann Lee (Canada) won. Leah Pells (Canada) lost. Bo Dahl (ret.) and Eva Kim (AP) "
            "watched.",
            {
                "Ann Lee": ("PERSON", {"Person": 1.0}),
                "Leah Pells": ("ORG", {"Organization": 1.0}),
                "Bo Dahl": ("PERSON", {"Person": 1.0}),
                "Eva Kim": ("PERSON", {"Person": 1.0}),
            },
            {"Leah Pells": "Organization"},
        ),
    ],
)
def test_a_tables_rows_with_their_country_are_of_one_kind(text, names, expected):
    mentions = _rows(text, names)
    bracketed_rows(mentions, text)
    got = {m.text: max(m.votes, key=m.votes.__getitem__) for m in mentions}
    assert {k: got[k] for k in expected} == expected
