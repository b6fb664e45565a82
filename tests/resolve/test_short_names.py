"""Which names of a text are one thing: a nationality word used for its language, an event's
name without its nationality word, an agreement by its noun, a building by its name without
"Hotel", a word spelt with a letter more or less, and a company that runs a place. Mentions are
written out as extraction would hand them over (``test_merge_rules.extraction``), with votes
given where the words around a name would give others."""

from collections import Counter

import pytest

from kg.extract.records import DocExtraction, RawMention
from kg.model import Block, Document
from kg.resolve import resolve
from tests.resolve.test_merge_rules import extraction

P, ORG, G, LOC = "PERSON", "ORG", "GPE", "LOC"
OTHER = "EVENT"  # a label no type is given for: its mentions vote Other


def groups(docs: list[tuple[str, list[tuple[str, str]]]]) -> set[frozenset[str]]:
    """The mention texts of each entity resolution makes of the documents."""
    exs = [extraction(f"d{n}", text, names) for n, (text, names) in enumerate(docs)]
    return {frozenset(m.text for m in e.mentions) for e in resolve(exs).entities}


# (documents: text and its names with their labels, the groups of names that are one entity)
CASES = {
    "an event's name without its nationality word is the event": (
        [
            (
                "The French Resistance blew up rail lines. The Resistance also hid airmen.",
                [("French Resistance", OTHER), ("Resistance", OTHER)],
            )
        ],
        [{"French Resistance", "Resistance"}],
    ),
    "an organization's name keeps its nationality word": (
        [
            (
                "The Irish Labour Party met the Labour Party in Belfast.",
                [("Irish Labour Party", ORG), ("Labour Party", ORG), ("Belfast", G)],
            )
        ],
        [{"Irish Labour Party"}, {"Labour Party"}],
    ),
    "the same short name where no document names the event in full stays apart": (
        [
            ("The American Civil War ended in 1865.", [("American Civil War", OTHER)]),
            ("The Civil War in Syria went on.", [("Civil War", OTHER)]),
        ],
        [{"American Civil War"}, {"Civil War"}],
    ),
    "an agreement by its noun, once named": (
        [
            (
                "The Paris Agreement took effect in 2016. Under the Agreement, states set goals.",
                [("Paris Agreement", OTHER), ("Agreement", OTHER)],
            )
        ],
        [{"Paris Agreement", "Agreement"}],
    ),
    "an agreement's noun read a place is still the agreement's": (
        [
            (
                "The Kyoto Protocol was signed in 1997. Under the Protocol, states cut gases.",
                [("Kyoto Protocol", OTHER), ("Protocol", G)],
            )
        ],
        [{"Kyoto Protocol", "Protocol"}],
    ),
    "an agreement's noun joins nothing of another document, nor one of two agreements": (
        [
            (
                "The Lome Convention and the Basel Convention differ. The Convention binds.",
                [("Lome Convention", OTHER), ("Basel Convention", OTHER), ("Convention", OTHER)],
            ),
            ("The Treaty of Rome was signed in 1957.", [("Treaty of Rome", OTHER)]),
            ("The Treaty was never ratified.", [("Treaty", OTHER)]),
        ],
        [{"Lome Convention"}, {"Basel Convention"}, {"Convention"}, {"Treaty of Rome"}],
    ),
    "a hotel or a university by its name alone": (
        [
            (
                "Guests filled the Varnholt Hotel. The Varnholt opened in 1921.",
                [("Varnholt Hotel", ORG), ("Varnholt", ORG)],
            ),
            (
                "Korbel University hired staff. Korbel said enrolment rose.",
                [("Korbel University", ORG), ("Korbel", ORG)],
            ),
        ],
        [{"Varnholt Hotel", "Varnholt"}, {"Korbel University", "Korbel"}],
    ),
    "a university named after its town is not the town": (
        [
            (
                "Tehran University reopened. Students marched in Tehran.",
                [("Tehran University", ORG), ("Tehran", G)],
            ),
            (
                "Brennick College grew. Brennick is a small town.",
                [("Brennick College", ORG), ("Brennick", G)],
            ),
        ],
        [{"Tehran University"}, {"Tehran"}, {"Brennick College"}, {"Brennick"}],
    ),
    "a company that runs a place is not the place": (
        [
            (
                "Heathrow Airport Holdings runs Heathrow Airport. Acme Labs sold Acme kits.",
                [
                    ("Heathrow Airport Holdings", ORG),
                    ("Heathrow Airport", LOC),
                    ("Acme Labs", ORG),
                    ("Acme", ORG),
                ],
            )
        ],
        [{"Heathrow Airport Holdings"}, {"Heathrow Airport"}, {"Acme Labs", "Acme"}],
    ),
    "one word spelt with a letter more or less, in one document": (
        [
            (
                "The Malapai hills rise east. Ranchers graze the Malpai in spring.",
                [("Malapai", LOC), ("Malpai", LOC)],
            )
        ],
        [{"Malapai", "Malpai"}],
    ),
    "a lone word's variant elsewhere, a plural, a people and a person stay apart": (
        [
            ("The Tobolesk fort burned.", [("Tobolesk", LOC)]),
            ("Tobolsk lies on the Irtysh.", [("Tobolsk", LOC), ("Irtysh", LOC)]),
            (
                "The Ilkhanate fell; the Ilkhanates fought on. Madeira and the Madeiran.",
                [("Ilkhanate", ORG), ("Ilkhanates", ORG), ("Madeira", LOC), ("Madeiran", LOC)],
            ),
            ("Mustafa Hassan met Omar Hasan. Hassan spoke.", [("Hassan", P), ("Hasan", P)]),
        ],
        [
            {"Tobolesk"},
            {"Tobolsk"},
            {"Ilkhanate"},
            {"Ilkhanates"},
            {"Madeira"},
            {"Madeiran"},
            {"Hassan"},
            {"Hasan"},
        ],
    ),
}


@pytest.mark.parametrize("docs, expected", CASES.values(), ids=CASES)
def test_short_names(docs, expected):
    got = groups(docs)
    for group in expected:
        assert frozenset(group) in got, (group, got)


def nationality_words(doc_id: str, text: str, language: list[bool]) -> DocExtraction:
    """A document whose mentions are the word "Portuguese", each voted a place (a people's
    word, labelled NORP) or, where ``language`` says so, Other over a place (the votes a
    language's cues give: "Portuguese for", "in Portuguese"; labelled NAME, as the recogniser
    may miss it); and "Portugal", a place."""
    doc = Document(doc_id, text, blocks=(Block(0, len(text), "paragraph"),))
    mentions, i, n = [], text.find("Portuguese"), 0
    while i >= 0:
        votes = Counter({"Place": 1.0, "Other": 2.0} if language[n] else {"Place": 1.0})
        label = "NAME" if language[n] and n else "NORP"
        end = i + len("Portuguese")
        mentions.append(RawMention(doc_id, i, end, "Portuguese", label, votes, sent=(0, len(text))))
        i, n = text.find("Portuguese", end), n + 1
    j = text.find("Portugal")
    if j >= 0:
        country = Counter({"Place": 2.0})
        end = j + len("Portugal")
        mentions.append(RawMention(doc_id, j, end, "Portugal", "GPE", country, sent=(0, len(text))))
    mentions.sort(key=lambda m: m.start)
    return DocExtraction(doc, mentions)


def test_a_nationality_word_used_for_its_language_is_the_language():
    exs = [
        nationality_words(
            "d0",
            "The Portuguese regime fell. PREC is Portuguese for a revolution in Portugal.",
            [False, True],
        ),
        nationality_words("d1", "The letters were written in Portuguese.", [True]),
    ]
    res = resolve(exs)
    words = [e for e in res.entities if e.name == "Portuguese"]
    by_mentions = sorted((sorted(m.doc_id for m in e.mentions), e.type) for e in words)
    # the people's word, and the language of both documents
    assert by_mentions == [(["d0"], "Place"), (["d0", "d1"], "Other")]
    # only the people's word names its country
    links = [
        (r.subject.mentions[0].start, r.object.name)
        for r in res.relations
        if r.predicate == "demonym_of"
    ]
    assert links == [(4, "Portugal")]
