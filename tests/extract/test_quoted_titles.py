"""A work's title written in quotation marks is one name, a work, however the recogniser cut
it; a quotation, a nickname or a lower-case phrase in quotation marks is no title."""

from __future__ import annotations

import pytest

from kg.extract.mentions import extract
from kg.model import Block, Document


def _mentions(pipeline, text: str) -> list[tuple[str, str]]:
    doc = Document(id="d", text=text, blocks=(Block(0, len(text), "paragraph"),))
    return [(m.text, m.label) for m in next(extract([doc], pipeline)).mentions if m.votes]


# (text, the title read as a work's name)
TITLES = [
    (
        'The band released the single "Carry Me Home to the River" in 1981.',
        "Carry Me Home to the River",
    ),
    ('Her debut novel "A Winter for the Wolves" sold well.', "A Winter for the Wolves"),
    ("The trio recorded “Do n't Wait for Me” in Memphis.", "Do n't Wait for Me"),
    ('He starred in "Harbor Lights 2" with Ana Ruiz.', "Harbor Lights 2"),
    ('The museum showed "Portraits of the North" all summer.', "Portraits of the North"),
]

# (text, a quoted span that is no title)
NOT_TITLES = [
    ('"We will rebuild the bridge," the mayor said.', "We will rebuild the bridge,"),
    ('"Rebuild It Now," the protesters chanted.', "Rebuild It Now,"),
    ('The album was called "a mistake" by critics.', "a mistake"),
    ('Carlos "The Jackal" Ramirez was tried in Paris.', "The Jackal"),
    # news quotes a body's name it keeps at arm's length, a slogan: no work's
    ('Fighters of the so-called "Islamic State" seized the town.', "Islamic State"),
    ('Protesters chanted "Free Tibet Now" outside the embassy.', "Free Tibet Now"),
]

# (text, the title a list or a later quoting is a work by): the cue is in the block
LISTED = [
    (
        'Her hits included "Blue Harbor", "Night Train Home" and "Silver Lining".',
        ["Blue Harbor", "Night Train Home", "Silver Lining"],
    ),
    (
        'The band wrote the song "Paper Lanterns" in 1990. "Paper Lanterns" later topped charts.',
        ["Paper Lanterns"],
    ),
]


@pytest.mark.parametrize(("text", "title"), TITLES)
def test_a_quoted_title_is_one_work(pipeline, text, title):
    found = _mentions(pipeline, text)
    assert (title, "WORK_OF_ART") in found
    # no name is read inside the title beside it
    inside = [n for n, _ in found if n != title and n in title]
    assert inside == []


@pytest.mark.parametrize(("text", "quoted"), NOT_TITLES)
def test_a_quotation_or_nickname_is_no_title(pipeline, text, quoted):
    found = _mentions(pipeline, text)
    assert all(not (label == "WORK_OF_ART" and quoted.startswith(n)) for n, label in found)


@pytest.mark.parametrize(("text", "titles"), LISTED)
def test_a_list_or_another_quoting_says_a_work(pipeline, text, titles):
    found = _mentions(pipeline, text)
    for title in titles:
        assert (title, "WORK_OF_ART") in found
