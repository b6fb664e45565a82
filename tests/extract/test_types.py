"""Entity types from the words around a name: sports teams named for their city, companies
named by what a company has, and names cut at their brackets."""

from __future__ import annotations

import pytest

import kg
from kg.extract.cuts import (
    bracket_pieces,
    dateline_pieces,
    headline_end,
    joined_pieces,
    line_pieces,
    particle_joins,
    portfolio,
    possessor_pieces,
    spokespeople_pieces,
)
from kg.extract.mentions import extract
from kg.extract.records import RawMention
from kg.extract.tokens import Tokens
from kg.extract.type_teams import _scored
from kg.extract.types import _surname_like, initialled, particled, sports_teams
from kg.model import Block, Document


def _types(pipeline, text: str) -> dict[str, str]:
    return {e.name: e.type for e in kg.build([text], model=pipeline).entities}


def _mentions(pipeline, text: str) -> list[RawMention]:
    doc = Document(id="d", text=text, blocks=(Block(0, len(text), "paragraph"),))
    return next(extract([doc], pipeline)).mentions


# (text, name, its type): a city's name is its team where the words around it say so, and
# the city elsewhere
TEAMS = [
    ("Oslo beat Bergen 2-1 on Sunday. The Oslo coach praised his players.", "Oslo", "Organization"),
    ("Fans cheered the win over Leeds in the cup. Leeds fans left early.", "Leeds", "Organization"),
    ("Chicago 5, Boston 3. Detroit 7, Seattle 2.", "Chicago", "Organization"),
    ("Chicago beat Boston 5-3 on Friday night.", "Boston", "Organization"),
    (
        "The league leaders travelled to face rivals Stuttgart on Saturday.",
        "Stuttgart",
        "Organization",
    ),
    ("She took a train from Stuttgart to Munich on Friday.", "Stuttgart", "Place"),
    ("Detroit lost 2,000 jobs last year, the mayor said.", "Detroit", "Place"),
    ("The mayor of Boston met business leaders in Boston on Monday.", "Boston", "Place"),
    ("Route 9 and Highway 12 meet in Bergen, 40 miles from Oslo.", "Oslo", "Place"),
    # a national team stays its country
    ("Germany beat France 2-0 in the friendly. The Germany coach was pleased.", "Germany", "Place"),
]


@pytest.mark.parametrize("text, name, etype", TEAMS, ids=[t[:40] for t, _, _ in TEAMS])
def test_a_city_used_for_its_team(pipeline, text, name, etype):
    assert _types(pipeline, text)[name] == etype


# (text, name, its type): what a company has, said of a name, makes it the company
COMPANIES = [
    (
        "Ford said it would cut jobs in Europe. Shares of Ford fell 3 percent.",
        "Ford",
        "Organization",
    ),
    ("Toyota recalled 400,000 cars. Toyota's sales in China rose.", "Toyota", "Organization"),
    ("Shell cut its dividend. Shell shares fell sharply.", "Shell", "Organization"),
    # a person's "lost to" is no match, and a person keeps the person's type
    (
        "Helen Ford said she would run again. Tom Hale lost the nomination to Ford in May.",
        "Helen Ford",
        "Person",
    ),
    # a publisher named with what it is; a city's daily stays the city
    ("Helmut Kohl told the Bild newspaper that he was tired.", "Bild", "Organization"),
    ("The Berlin daily reported the fire on Sunday.", "Berlin", "Place"),
    # a city's market is no company ("London shares", "shares in Tokyo")
    ("London shares rose on Monday, and shares in Tokyo fell.", "London", "Place"),
]


@pytest.mark.parametrize("text, name, etype", COMPANIES, ids=[t[:40] for t, _, _ in COMPANIES])
def test_what_a_company_has(pipeline, text, name, etype):
    assert _types(pipeline, text)[name] == etype


@pytest.mark.parametrize(
    "words, label, expected",
    [
        (
            "Terje Halleland ( Progress Party )",
            "ORG",
            ["Terje Halleland", "Progress Party"],
        ),
        ("Council on Foreign Relations ( CFR", "ORG", ["Council on Foreign Relations", "CFR"]),
        ("General Motors said", "ORG", ["General Motors said"]),
        ("( Acme )", "ORG", ["Acme"]),
    ],
)
def test_names_are_cut_at_their_brackets(pipeline, words, label, expected):
    from spacy.tokens import Doc, Span

    doc = Doc(pipeline.vocab, words=words.split())
    span = Span(doc, 0, len(doc), label=label)  # the recogniser's span: every word
    assert [p.text for p in bracket_pieces(span, Tokens(doc))] == expected


# (text, the recogniser's name, its pieces): two names run into one are cut at a slash
# written without spaces and at a lower-case common noun between them; names that hold a
# preposition, a conjunction or a particle stay whole
JOINED = [
    (
        "According to a Nordic Post/Gallup poll, voters are worried.",
        "Nordic Post/Gallup",
        ["Nordic Post", "Gallup"],
    ),
    (
        "The clip was shown by the satirical Vimeo channel Ridicule Club last week.",
        "Vimeo channel Ridicule Club",
        ["Vimeo", "Ridicule Club"],
    ),
    ("Shares of Procter & Gamble rose.", "Procter & Gamble", ["Procter & Gamble"]),
    ("She flew from Rio de Janeiro to Sao Paulo.", "Rio de Janeiro", ["Rio de Janeiro"]),
    ("He won the Tour de France twice.", "Tour de France", ["Tour de France"]),
    ("Bank of England staff went on strike.", "Bank of England", ["Bank of England"]),
]


# (words, the recogniser's label, the pieces): a country's or a large city's possessive inside
# a name ends the place's name; other possessives belong to the name
POSSESSORS = [
    ("Norway 's Royal Opera", "ORG", [("Norway", "GPE"), ("Royal Opera", "ORG")]),
    ("Chile 's Ana Berg Rojas", "ORG", [("Chile", "GPE"), ("Ana Berg Rojas", "ORG")]),
    ("Oslo 's Munch Museum", "FAC", [("Oslo", "GPE"), ("Munch Museum", "FAC")]),
    ("McDonald 's Corporation", "ORG", [("McDonald 's Corporation", "ORG")]),
    ("St John 's College", "ORG", [("St John 's College", "ORG")]),
    ("Norway 's", "GPE", [("Norway 's", "GPE")]),
]


@pytest.mark.parametrize("words, label, expected", POSSESSORS)
def test_a_places_possessive_ends_its_name(pipeline, words, label, expected):
    from spacy.tokens import Doc, Span

    doc = Doc(pipeline.vocab, words=words.split())
    span = Span(doc, 0, len(doc), label=label)
    pieces = possessor_pieces(span, Tokens(doc))
    assert [(p.text, p.label_) for p in pieces] == expected


# (sentence, tokens of the recogniser's name, the pieces): spokespeople taken into a body's
# name are cut off it; one spokesperson may be a title, and a name of a list is whole
SPOKESPEOPLE = [
    ("Representatives of Dunmore Bank said no.", 4, ["Dunmore Bank"]),
    ("Spokesmen for the Alder Group declined.", 5, ["Alder Group"]),
    ("Spokesman for Alder Group declined.", 4, ["Spokesman for Alder Group"]),
    ("Friends of the Earth said no.", 4, ["Friends of the Earth"]),
]


@pytest.mark.parametrize("text, size, expected", SPOKESPEOPLE)
def test_spokespeople_are_cut_from_a_name(pipeline, text, size, expected):
    from spacy.tokens import Span

    doc = pipeline(text)
    pieces = spokespeople_pieces(Span(doc, 0, size, label="ORG"), Tokens(doc))
    assert [p.text for p in pieces] == expected


@pytest.mark.parametrize("text, name, expected", JOINED)
def test_two_names_run_into_one_are_cut(pipeline, text, name, expected):
    doc = pipeline(text)
    start = text.index(name)
    span = doc.char_span(start, start + len(name), label="ORG")
    assert [p.text for p in joined_pieces(span, Tokens(doc))] == expected


@pytest.mark.parametrize(
    "words, label, expected",
    [
        ("Moscow ITAR-TASS", "ORG", [("Moscow", "GPE"), ("ITAR-TASS", "ORG")]),
        ("Beirut Radio Lebanon", "ORG", [("Beirut", "GPE"), ("Radio Lebanon", "ORG")]),
        ("Damascus Radio", "ORG", [("Damascus Radio", "ORG")]),  # the city's own radio
        ("Moscow State University", "ORG", [("Moscow State University", "ORG")]),
        ("Tokyo Electric Power", "ORG", [("Tokyo Electric Power", "ORG")]),
        ("Ivan Petrov ITAR", "PERSON", [("Ivan Petrov ITAR", "PERSON")]),
        ("Prague CTK", "ORG", [("Prague", "GPE"), ("CTK", "ORG")]),
        ("Cairo AL-AHALI", "ORG", [("Cairo", "GPE"), ("AL-AHALI", "ORG")]),
        (
            "Beijing XINHUA Domestic Service",
            "ORG",
            [("Beijing", "GPE"), ("XINHUA Domestic Service", "ORG")],
        ),
        ("Washington D.C.", "GPE", [("Washington D.C.", "GPE")]),
        ("Hong Kong SAR", "GPE", [("Hong Kong SAR", "GPE")]),
        ("Moscow ITAR-TASS", "GPE", [("Moscow", "GPE"), ("ITAR-TASS", "ORG")]),
        # an agency the recogniser took for a surname, or missed
        ("Cairo AL-AHALI", "PERSON", [("Cairo", "GPE"), ("AL-AHALI", "ORG")]),
        ("Kyiv INTERFAX", "NAME", [("Kyiv", "GPE"), ("INTERFAX", "ORG")]),
        ("Paris Hilton", "PERSON", [("Paris Hilton", "PERSON")]),
        ("PARIS HILTON", "PERSON", [("PARIS HILTON", "PERSON")]),  # a line in capitals
        # a broadcaster's name of two words or more that ends in a broadcaster's word
        (
            "Helsinki Suomen Yleisradio Network",
            "ORG",
            [("Helsinki", "GPE"), ("Suomen Yleisradio Network", "ORG")],
        ),
        ("London Kanal-6 Television", "ORG", [("London", "GPE"), ("Kanal-6 Television", "ORG")]),
        ("Manchester Television", "ORG", [("Manchester Television", "ORG")]),
    ],
)
def test_a_datelines_city_is_cut_from_the_agency(pipeline, words, label, expected):
    from spacy.tokens import Span

    doc = pipeline.make_doc(words)
    span = Span(doc, 0, len(doc), label=label)
    got = [(p.text, p.label_) for p in dateline_pieces(span, Tokens(doc))]
    assert got == expected


@pytest.mark.parametrize(
    "text, index, expected",
    [
        ("Boston 5 Chicago 3", 0, True),
        ("Bochum 2-0", 0, True),
        ("at 1300 GMT 22 Apr", 2, False),  # a time, not a score
        ("Paris 22 May", 0, False),  # a date
        ("London 1996-08-30", 0, False),  # a dateline
        ("Boston rose", 0, False),
    ],
)
def test_scores_after_a_name(pipeline, text, index, expected):
    assert _scored(Tokens(pipeline(text)), index) is expected


def _mention(text: str, label: str, votes: dict[str, float], team: bool = False) -> RawMention:
    m = RawMention("d", 0, len(text), text, label, team=team)
    m.votes.update(votes)
    return m


def test_a_sports_report_makes_its_teams_teams_throughout():
    mentions = [
        _mention("Bergen", "GPE", {"Place": 2.5}),
        _mention("Bergen", "GPE", {"Organization": 3.0, "Place": 2.5}, team=True),
        _mention("Oslo", "GPE", {"Organization": 3.0, "Place": 2.5}, team=True),
        _mention("Tromso", "ORG", {"Organization": 0.0, "Place": 1.2}),  # the model's move
        _mention("Trondheim", "GPE", {"Place": 1.0}),  # never used for a team: still the city
    ]
    sports_teams(mentions)
    assert [dict(m.votes) for m in mentions] == [
        {"Organization": 2.5},
        {"Organization": 5.5},
        {"Organization": 5.5},
        {"Organization": 1.2},
        {"Place": 1.0},
    ]


def test_one_team_does_not_make_a_sports_report():
    mentions = [
        _mention("Bergen", "GPE", {"Place": 2.5}),
        _mention("Bergen", "GPE", {"Organization": 3.0, "Place": 2.5}, team=True),
        _mention("Tromso", "ORG", {"Organization": 0.0, "Place": 1.2}),
    ]
    before = [dict(m.votes) for m in mentions]
    sports_teams(mentions)
    assert [dict(m.votes) for m in mentions] == before


def test_team_mentions_are_marked(pipeline):
    marked = {m.text: m.team for m in _mentions(pipeline, "Leeds fans sang as Leeds beat Hull.")}
    assert marked.get("Leeds") is True


# (text, name, its type, or None for no entity of that name): what a name's own words say
NAME_WORDS = [
    ("The Soviet Union invaded Afghanistan in 1979.", "Soviet Union", "Place"),
    ("Israel expanded settlements in the West Bank.", "West Bank", "Place"),
    ("The US imposed new sanctions on Iran.", "United States", "Place"),
    ("Leaders met at the G20 Summit in Osaka on Friday.", "G20 Summit", "Event"),
    ("Tennis fans flocked to the Hong Kong Open this week.", "Hong Kong Open", "Event"),
    ("According to the Boston Herald, the mayor resigned.", "Boston Herald", "Organization"),
    ("Officials told ITAR-TASS on Monday that the plant closed.", "ITAR-TASS", "Organization"),
    ("Officials told ITAR-TASS on Monday that the plant closed.", "TASS", None),
    ("The talks began at 1100 GMT on Tuesday in Geneva.", "GMT", None),
    # a building is a place, as spaCy's facility label has it
    ("He was treated at Shands Hospital in Gainesville.", "Shands Hospital", "Place"),
    ("The painting hangs in the Städel Museum.", "Städel Museum", "Place"),
    ("Surrey 312 ( W. Athey 111 , V. Drakes 52 ) , Kent 197 .", "V. Drakes", "Person"),
    # a person's initial before a surname, whatever spaCy labels the name
    ("Kent 197 ( K. Curran 5-40 , M. McCague 3-61 ) .", "K. Curran", "Person"),
    ("Kent 197 ( K. Curran 5-40 , M. McCague 3-61 ) .", "M. McCague", "Person"),
    ("Ludwig van Beethoven wrote nine symphonies.", "Ludwig van Beethoven", "Person"),
    ("The Bernard van Leer Foundation gave money.", "Bernard van Leer Foundation", "Organization"),
]


@pytest.mark.parametrize(
    "first, words, expected",
    [("A.", 2, True), ("W.", 3, True), ("L.A.", 2, False), ("A.", 1, False), ("Al", 2, False)],
)
def test_a_persons_initial(first, words, expected):
    assert initialled(first, words) is expected


@pytest.mark.parametrize(
    "word, expected", [("Curran", True), ("McCague", True), ("CURRAN", False), ("curran", False)]
)
def test_a_word_written_as_a_surname(word, expected):
    assert _surname_like(word) is expected


# (text, the names kg makes, by type; None where no entity of the name may be made): a
# government portfolio's word in a title names no organization, the ministry does
PORTFOLIOS = [
    ("Secretary of State Anna Berg met her Danish counterpart.", "State", None),
    ("Secretary of State Anna Berg met her Danish counterpart.", "Anna Berg", "Person"),
    ("Defense Minister Tom Hale visited the base on Monday.", "Defense", None),
    ("The Finance Minister said taxes would rise.", "Finance", None),
    ("She served as Minister for Trade until 2019.", "Trade", None),
    ("The Defense Ministry said the drill was planned.", "Defense Ministry", "Organization"),
    ("Shoppers crowded Home Depot on Saturday.", "Home Depot", "Organization"),
]


@pytest.mark.parametrize(
    "text, name, etype",
    NAME_WORDS + PORTFOLIOS,
    ids=[f"{n}-{t[:30]}" for t, n, _ in NAME_WORDS + PORTFOLIOS],
)
def test_what_a_names_own_words_say(pipeline, text, name, etype):
    assert _types(pipeline, text).get(name) == etype


# (words, token of a title, expected): the rule alone, on a sentence's words
@pytest.mark.parametrize(
    "words, index, expected",
    [
        ("Secretary of State Anna Berg", 2, True),
        ("the Interior Minister", 1, True),
        ("the Interior Ministry", 1, False),
        ("a visit to State College", 3, False),
        ("Secretary of Homeland Security", 2, False),
    ],
)
def test_portfolio_rule(pipeline, words, index, expected):
    t = Tokens(pipeline(words))
    assert portfolio(index, index + 1, t) is expected


# (words as spaCy may cut them, the spans' labels, expected names): a person's name cut after
# a surname's particle is one name again
PARTICLES = [
    (
        ["Ursula", "von", "der", "Leyen", "spoke"],
        [(0, 2, "PERSON"), (2, 3, "NAME"), (3, 4, "GPE")],
        ["Ursula von der Leyen"],
    ),
    (
        ["Rafael", "van", "der", "Vaart", "scored"],
        [(0, 3, "PERSON"), (3, 4, "ORG")],
        ["Rafael van der Vaart"],
    ),
    # a particle in capitals begins a name of its own ("Van" is a city too)
    (["Ali", "Van", "Bergen", "won"], [(0, 1, "PERSON"), (1, 3, "GPE")], ["Ali", "Van Bergen"]),
    # an organization that ends in a particle's word takes in nothing
    (["Banco", "de", "Chile", "fell"], [(0, 2, "ORG"), (2, 3, "GPE")], ["Banco de", "Chile"]),
]


@pytest.mark.parametrize("words, spans, expected", PARTICLES, ids=[p[2][0] for p in PARTICLES])
def test_a_name_cut_after_its_particle_is_joined(pipeline, words, spans, expected):
    from spacy.tokens import Doc, Span

    sdoc = Doc(pipeline.vocab, words=words)
    found = [Span(sdoc, a, b, label=lab) for a, b, lab in spans]
    assert [s.text for s in particle_joins(found, Tokens(sdoc))] == expected


# (block text, the first and last word of a name the recogniser ran across a line break, its
# pieces): cut where the line before the break is no wrapped prose
PROSE = "The report was published on Tuesday by the economists who work at the Bank of"
HEADLINE = "Budget talks stall again in Washington as the House leaders wait for Obama"
LINES = [
    ("By Ann Lee\nBERLIN Talks began.", "Ann", "BERLIN", ["Ann Lee", "BERLIN"]),
    ("By Ann Lee\n\nBERLIN Talks began.", "Ann", "BERLIN", ["Ann Lee", "BERLIN"]),
    # a short line that ends mid-name is a title's or a table row's, not a wrapped sentence's
    ("Bank of\nEngland cut rates.", "Bank", "England", ["Bank of", "England"]),
    (PROSE + "\nEngland, who said so.", "Bank", "England", ["Bank of England"]),
    # a line that ends a sentence ends any name on it
    (PROSE + " Ann Lee:\nMary Smith said so.", "Ann", "Smith", ["Ann Lee:", "Mary Smith"]),
    ("Ann Lee met Mary Smith.", "Ann", "Lee", ["Ann Lee"]),
    # a document's headline is no wrapped prose, however long and without a full stop
    (HEADLINE + "\nPaul Ryan met them on Monday.", "Obama", "Ryan", ["Obama", "Paul Ryan"]),
    # nor is a name that runs on from it: the words a line begins with are no part of a name
    (
        HEADLINE + "\nFor Biagio Conte the work goes on.",
        "Obama",
        "Conte",
        ["Obama", "Biagio Conte"],
    ),
    (HEADLINE + "\nAgainst Mary Smith they said so.", "Obama", "Smith", ["Obama", "Mary Smith"]),
]


@pytest.mark.parametrize("raw, first, last, expected", LINES, ids=[e[-1] for *_, e in LINES])
def test_a_name_is_cut_at_a_line_break(pipeline, raw, first, last, expected):
    from spacy.tokens import Span

    sdoc = pipeline(raw.replace("\n", " "))  # the parse reads a block's line breaks as spaces
    t = Tokens(sdoc)
    start, end = t.orth.index(first), len(t.orth) - t.orth[::-1].index(last)
    span = Span(sdoc, start, end, label="ORG")
    # (a piece's leading blank is trimmed with its determiners, see bounds.trim)
    pieces = line_pieces(span, t, raw, headline_end(raw, 0, raw))
    assert [p.text.strip() for p in pieces] == expected


# (a document's text, given as one block, and its names): the recogniser runs the headline's
# last name into the first name below ("Obama Paul Ryan"); mention detection cuts them apart
RUN_ON = [
    (HEADLINE + "\nPaul Ryan met Barack Obama on Friday.", ["Obama", "Paul Ryan", "Barack Obama"]),
    (
        "A home in the old churches of Palermo\nFor Biagio Conte it is work.",
        ["Palermo", "Biagio Conte"],
    ),
    ("Aid arrives in Turkey\nGermany sent tents to Turkey.", ["Turkey", "Germany", "Turkey"]),
]


@pytest.mark.parametrize("text, names", RUN_ON)
def test_a_name_run_from_the_headline_into_the_text_is_cut(pipeline, text, names):
    doc = Document("d0", text, blocks=(Block(0, len(text), "paragraph"),))
    (ex,) = extract([doc], pipeline)
    # a name of the headline alone keeps no votes (finish), but it is cut all the same
    got = [m.text for m in ex.mentions]
    assert [n for n in got if n in names] == names
    assert not any("\n" in m.surface for m in ex.mentions)


# (a document's text, given as one block, and the names of its headline that keep their
# votes): the headline a document opens with counts as a headline block would, its names
# where the body names them too, a surname by the full name the body writes
HEADLINE_NAMES = [
    (
        "Norway Weighs Harbour Tax Plans\nThe government in Oslo said on Monday that Norway "
        "would tax ferries.",
        ["Norway"],
    ),
    ("Tough Choices Await Lindqvist\nAnna Lindqvist took office on Monday in Oslo.", ["Lindqvist"]),
    ("Budget Talks Stall Again\nAnna Lindqvist took office on Monday in Oslo.", []),
]


@pytest.mark.parametrize("text, kept", HEADLINE_NAMES)
def test_a_name_of_the_headline_alone_keeps_no_votes(pipeline, text, kept):
    doc = Document("d0", text, blocks=(Block(0, len(text), "paragraph"),))
    (ex,) = extract([doc], pipeline)
    head = text.index("\n")
    titled = [m for m in ex.mentions if m.end <= head]
    assert all(m.zone == "title" for m in titled)
    assert [m.text for m in titled if m.votes] == kept


# (document's text, the offset of the block, the headline the block begins with): the
# document's first line, where ingest would read it as a headline block of its own
HEADLINES = [
    (
        "Mzoudi Verdict Postponed\nAl Qaeda is said to plan an attack.",
        0,
        "Mzoudi Verdict Postponed",
    ),
    (HEADLINE + "\nPaul Ryan met them.", 0, HEADLINE),
    ("Talks Stall\n\nPaul Ryan met them.", 0, "Talks Stall"),
    ("  Talks Stall\nPaul Ryan met them.", 2, "Talks Stall"),
    # a line wrapped mid-sentence, a sentence, one line: no headline
    (PROSE + "\nEngland, who said so.", 0, ""),
    ("Talks stalled on Monday.\nPaul Ryan met them.", 0, ""),
    ("Talks Stall", 0, ""),
    # a block further into the document does not begin with its headline
    ("Talks Stall\nPaul Ryan met them.\nMore Talks\nAnn Lee came.", 32, ""),
]


@pytest.mark.parametrize("text, offset, expected", HEADLINES)
def test_the_document_s_headline_is_its_first_line(text, offset, expected):
    raw = text[offset:]
    assert raw[: headline_end(text, offset, raw)].strip() == expected


# (name's words, expected): a Germanic or Arabic surname particle in lower case between
# capitalised words says a person's name; a Romance one does not, nor a capitalised one
@pytest.mark.parametrize(
    "words, expected",
    [
        ("Ludwig van Beethoven", True),
        ("Osama bin Laden", True),
        ("Karl von Frisch", True),
        ("Rio de Janeiro", False),
        ("Banco del Estado", False),
        ("Lake Van Region", False),
        ("Bernard van", False),
    ],
)
def test_a_persons_particle(pipeline, words, expected):
    t = Tokens(pipeline(words))
    assert particled(0, t.n, t) is expected
