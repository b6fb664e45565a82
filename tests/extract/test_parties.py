"""The relation model's killings and homes stand only between the parties the parse shows
(kg.extract.parties). Sentences of our own making."""

from __future__ import annotations

import pytest

from kg.extract.parties import killing_parties, resident_party

# (text, one name, the other, whether the sentence can say one killed the other)
KILLINGS = [
    ("Tom Reilly shot Dan Hobbs outside a bar in Dayton.", "Tom Reilly", "Dan Hobbs", True),
    (
        "The court upheld the sentence of Tom Reilly, convicted of murdering Dan Hobbs in 1991.",
        "Tom Reilly",
        "Dan Hobbs",
        True,
    ),
    ("Tom Reilly acted alone in the Hobbs slaying, the police said.", "Tom Reilly", "Hobbs", True),
    ("Tom Reilly said he killed Dan Hobbs in a fight.", "Tom Reilly", "Dan Hobbs", True),
    # a bystander: the subject of another act ("operated on"), and a third name between them
    (
        "Dr. Sam Perkins operated on Dan Hobbs's killer, Tom Reilly, on Monday.",
        "Sam Perkins",
        "Tom Reilly",
        False,
    ),
    (
        "Ann Welch's clients included Tom Reilly, who killed Dan Hobbs in 1991.",
        "Ann Welch",
        "Dan Hobbs",
        False,
    ),
    # no word of killing at all
    ("Ann Welch met Tom Reilly in Dayton last week.", "Ann Welch", "Tom Reilly", False),
    # the one wounded, not killed
    (
        "Reilly fired the shots that killed Hobbs and wounded Carl Mertz.",
        "Reilly",
        "Carl Mertz",
        False,
    ),
]

# (text, person, place, whether the model's home of the person there may stand)
HOMES = [
    ("Tom Reilly, a lawyer, lives in Dayton.", "Tom Reilly", "Dayton", True),
    ("Reilly's wife, Ann, is a native of Dayton.", "Reilly", "Dayton", False),
    (
        "The plant closed on Monday, Acme spokesman Tom Reilly said in Dayton.",
        "Tom Reilly",
        "Dayton",
        False,
    ),
    ("Acme spokesman Tom Reilly of Dayton said the plant closed.", "Tom Reilly", "Dayton", True),
    # the place's name before another thing's noun says whose that thing is
    ("Tom Reilly, a former owner of Ohio's largest bank, sold it.", "Tom Reilly", "Ohio", False),
    ("Tom Reilly was arraigned in Dayton's U.S. District Court.", "Tom Reilly", "U.S.", False),
    (
        "Tom Reilly, who is the Lake Erie concessions manager, said so.",
        "Tom Reilly",
        "Lake Erie",
        False,
    ),
    # before the person's own title, trade or home noun it is theirs
    ("Ohio Gov. Tom Reilly signed the bill.", "Tom Reilly", "Ohio", True),
    ("Tom Reilly, a Dayton lawyer, said so.", "Tom Reilly", "Dayton", True),
    ("Tom Reilly is a Dayton native.", "Tom Reilly", "Dayton", True),
    ("Tom Reilly is returning to his Ohio hometown.", "Tom Reilly", "Ohio", True),
]


def _spans(pipeline, text: str, *names: str):
    doc = pipeline(text)
    out = []
    for n in names:
        i = text.index(n)
        out.append(doc.char_span(i, i + len(n), alignment_mode="expand"))
    return out


@pytest.mark.parametrize("text, a, b, expected", KILLINGS, ids=[c[0] for c in KILLINGS])
def test_killing_parties(pipeline, text, a, b, expected):
    x, y = _spans(pipeline, text, a, b)
    assert killing_parties(x, y) is expected
    assert killing_parties(y, x) is expected


@pytest.mark.parametrize("text, person, place, expected", HOMES, ids=[c[0] for c in HOMES])
def test_resident_party(pipeline, text, person, place, expected):
    x, y = _spans(pipeline, text, person, place)
    assert resident_party(x, y) is expected
