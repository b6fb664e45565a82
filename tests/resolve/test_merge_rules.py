"""Merge rules on mentions as extraction would hand them over, with the recogniser's label and
the type votes written out: each case says what the words around a name would have made of
it, so that the rule, not spaCy's reading of the sentence, is under test."""

from collections import Counter

import pytest

from kg.extract.records import DocExtraction, RawMention
from kg.model import Block, Document
from kg.resolve import resolve

# "TEAM": a name the words around use for a sports team ("Stuttgart coach"), labelled ORG
TEAM = "TEAM"
LABEL_TYPE = {
    "PERSON": "Person",
    "ORG": "Organization",
    "GPE": "Place",
    "LOC": "Place",
    "PRODUCT": "Product",
    TEAM: "Organization",
}


def extraction(doc_id: str, text: str, names: list[tuple[str, str]]) -> DocExtraction:
    """The document's mentions: each (text, label) at every place the text holds it, as a
    whole word, voted the label's type as a sure reading (2 votes: more than
    ``SURNAME_MARGIN``; "NAME", the surname finder's label, votes Other); a longer name
    before the shorter ones it holds."""
    doc = Document(doc_id, text, blocks=(Block(0, len(text), "paragraph"),))
    spans = []
    for name, label in sorted(names, key=lambda x: -len(x[0])):
        i = text.find(name)
        while i >= 0:
            after = text[i + len(name) : i + len(name) + 1]
            before = text[i - 1 : i] if i else ""
            taken = any(a <= i < b or a < i + len(name) <= b for a, b, *_ in spans)
            if not taken and not (before.isalnum() or after.isalnum()):
                spans.append((i, i + len(name), name, label))
            i = text.find(name, i + 1)
    mentions = [
        RawMention(
            doc_id,
            a,
            b,
            t,
            "ORG" if lab == TEAM else lab,
            Counter({LABEL_TYPE.get(lab, "Other"): 2.0}),
            sent=(0, len(text)),
            team=lab == TEAM,
        )
        for a, b, t, lab in sorted(spans)
    ]
    return DocExtraction(doc, mentions)


def groups(docs: list[tuple[str, list[tuple[str, str]]]]) -> set[frozenset[str]]:
    """The mention texts of each entity resolution makes of the documents."""
    exs = [extraction(f"d{n}", text, names) for n, (text, names) in enumerate(docs)]
    res = resolve(exs)
    return {frozenset(m.text for m in e.mentions) for e in res.entities}


P, ORG, G = "PERSON", "ORG", "GPE"

# (documents: text and its names with their labels, the groups of names that are one entity)
CASES = {
    "a surname read as an organization joins the full name that introduced it": (
        [
            (
                "Viktor Orban won a fourth term on Sunday. Orban thanked voters in Budapest.",
                [("Viktor Orban", P), ("Orban", ORG), ("Budapest", G)],
            )
        ],
        [{"Viktor Orban", "Orban"}],
    ),
    "a surname read as a place joins the full name that introduced it": (
        [
            (
                "Adama Barrow took office in Banjul. Barrow promised free elections.",
                [("Adama Barrow", P), ("Barrow", G), ("Banjul", G)],
            )
        ],
        [{"Adama Barrow", "Barrow"}],
    ),
    "a word read as an organization before any full name holding it stays apart": (
        [
            (
                "Ford sold fewer trucks in May. Harrison Ford starred in the new film.",
                [("Ford", ORG), ("Harrison Ford", P)],
            )
        ],
        [{"Ford"}, {"Harrison Ford"}],
    ),
    "a place the places table knows stays apart from a person named after it": (
        [
            (
                "George Washington crossed the river in 1776. Washington sent more troops.",
                [("George Washington", P), ("Washington", G)],
            )
        ],
        [{"George Washington"}, {"Washington"}],
    ),
    "a name cut wrong that begins with an acronym is no person's full name": (
        [
            (
                "CSU Bavaria chief Markus Soeder spoke. Bavaria voted on Sunday.",
                [("CSU Bavaria", P), ("Markus Soeder", P), ("Bavaria", ORG)],
            )
        ],
        [{"CSU Bavaria"}, {"Bavaria"}, {"Markus Soeder"}],
    ),
    "an acronym defined in another language joins the organization's name": (
        [
            (
                "The Federation of German Industry (BDI) cut its forecast. The BDI said exports "
                "would fall.",
                [("Federation of German Industry", ORG), ("BDI", ORG)],
            )
        ],
        [{"Federation of German Industry", "BDI"}],
    ),
    "an acronym defined after the name's possessive": (
        [
            (
                "The Machine Builders Association's (VDMA) expert spoke. The VDMA said orders "
                "fell, and General Motors’ (GM) plant closed.",
                [("Machine Builders Association", ORG), ("VDMA", ORG), ("General Motors", ORG)],
            ),
            ("GM cut jobs.", [("GM", ORG)]),
        ],
        [{"Machine Builders Association", "VDMA"}, {"General Motors", "GM"}],
    ),
    "the translated definition holds in another document": (
        [
            (
                "The Social Democrats (SPD) lost votes in Hesse.",
                [("Social Democrats", ORG), ("SPD", ORG), ("Hesse", G)],
            ),
            ("The SPD chose a new leader on Friday.", [("SPD", ORG)]),
        ],
        [{"Social Democrats", "SPD"}],
    ),
    "a party after a person's name is no definition": (
        [
            (
                "Mayor Michael Mueller (SPD) opened the airport. The SPD had opposed it.",
                [("Michael Mueller", P), ("SPD", ORG)],
            )
        ],
        [{"Michael Mueller"}, {"SPD"}],
    ),
    "a name too long for its acronym holds another name": (
        [
            (
                "He joined the Kansas City Chiefs of the National Football League (NFL) in "
                "1990. The NFL fined him.",
                [("Kansas City Chiefs of the National Football League", ORG), ("NFL", ORG)],
            )
        ],
        [{"Kansas City Chiefs of the National Football League"}, {"NFL"}],
    ),
    "a name at birth after 'born'": (
        [
            (
                "Kim Dotcom (born Kim Schmitz) lost his appeal. Dotcom said he would fight on.",
                [("Kim Dotcom", P), ("Kim Schmitz", P), ("Dotcom", P)],
            )
        ],
        [{"Kim Dotcom", "Kim Schmitz", "Dotcom"}],
    ),
    "a person's real name": (
        [
            (
                "Rapper Lil Nova, whose real name is Dario Mendes, toured Brazil.",
                [("Lil Nova", P), ("Dario Mendes", P), ("Brazil", G)],
            )
        ],
        [{"Lil Nova", "Dario Mendes"}],
    ),
    "an alias after 'also known as'": (
        [
            (
                "The Northern Alliance, also known as the United Front, took Kabul.",
                [("Northern Alliance", ORG), ("United Front", ORG), ("Kabul", G)],
            )
        ],
        [{"Northern Alliance", "United Front"}],
    ),
    "an alias after 'also referred to as'": (
        [
            (
                "The Pell Institute, also referred to as the Harwood Center, opened labs.",
                [("Pell Institute", ORG), ("Harwood Center", ORG)],
            )
        ],
        [{"Pell Institute", "Harwood Center"}],
    ),
    "a sentence that says a name is another name for a place": (
        [
            (
                "Smokeytown is an informal name for the city of Pittsfield, which grew fast.",
                [("Smokeytown", G), ("Pittsfield", G)],
            )
        ],
        [{"Smokeytown", "Pittsfield"}],
    ),
    "a brand's name where it is sold otherwise, in brackets": (
        [
            (
                "Softa (Plumo in Europe and Japan) is a fabric softener sold by Kelbrook.",
                [
                    ("Softa", "PRODUCT"),
                    ("Plumo", "PRODUCT"),
                    ("Europe", "LOC"),
                    ("Japan", G),
                    ("Kelbrook", ORG),
                ],
            )
        ],
        [{"Softa", "Plumo"}, {"Europe"}, {"Japan"}],
    ),
    "a place in a place's bracket is no alias of it": (
        [
            (
                "The old centre of Brenna (Tollet Square in Brenna Old Town) lies inland.",
                [("Brenna", G), ("Tollet Square", "FAC"), ("Brenna Old Town", G)],
            )
        ],
        [{"Brenna"}, {"Tollet Square"}],
    ),
    "a bracket of a place after a name is no alias": (
        [
            (
                "Halvorsen (Oslo) and Berg (Bergen) won seats in the vote.",
                [("Halvorsen", P), ("Oslo", G), ("Berg", P), ("Bergen", G)],
            )
        ],
        [{"Halvorsen"}, {"Oslo"}, {"Berg"}, {"Bergen"}],
    ),
    "an alias defined in one document holds in another": (
        [
            (
                "Arcadia Foods, formerly known as Brightwater Mills, cut prices.",
                [("Arcadia Foods", ORG), ("Brightwater Mills", ORG)],
            ),
            ("Brightwater Mills opened in 1921.", [("Brightwater Mills", ORG)]),
        ],
        [{"Arcadia Foods", "Brightwater Mills"}],
    ),
    "'born' gives a person's name only": (
        [
            (
                "Nova Motors, born Zeta Works in a garage, sold its first car.",
                [("Nova Motors", ORG), ("Zeta Works", ORG)],
            )
        ],
        [{"Nova Motors"}, {"Zeta Works"}],
    ),
    "an alias of a longer phrase is not the name that ends it": (
        [
            (
                "The old port of Hamburg, also known as Speicherstadt, drew tourists.",
                [("Hamburg", G), ("Speicherstadt", G)],
            )
        ],
        [{"Hamburg"}, {"Speicherstadt"}],
    ),
    "a place named without its generic noun": (
        [
            (
                "Israel captured the Golan Heights in 1967. Syria wants the Golan back.",
                [("Israel", G), ("Golan Heights", G), ("Golan", G), ("Syria", G)],
            )
        ],
        [{"Golan Heights", "Golan"}],
    ),
    "a short form that two places' names begin stays apart": (
        [
            (
                "The Arabian Sea and the Arabian Desert are hot. Arabian winds blow.",
                [("Arabian Sea", G), ("Arabian Desert", G), ("Arabian", G)],
            )
        ],
        [{"Arabian Sea"}, {"Arabian Desert"}],
    ),
    "a product named by its model after its maker's name": (
        [
            (
                "Kestrel recalled the Kestrel Ardent sedan. The Ardent sold well in Peru.",
                [
                    ("Kestrel Ardent", "PRODUCT"),
                    ("Kestrel", ORG),
                    ("Ardent", "PRODUCT"),
                    ("Peru", G),
                ],
            )
        ],
        [{"Kestrel Ardent", "Ardent"}, {"Kestrel"}, {"Peru"}],
    ),
    "a model's name joins its maker's product only where a document names the maker": (
        [
            ("The Kestrel Ardent sedan was recalled.", [("Kestrel Ardent", "PRODUCT")]),
            ("The Ardent sold well.", [("Ardent", "PRODUCT")]),
        ],
        [{"Kestrel Ardent"}, {"Ardent"}],
    ),
    "an organization's name after another's is no model's": (
        [
            (
                "Corvane merged with Lumiq to form Corvane Lumiq. Lumiq had lost money.",
                [("Corvane Lumiq", ORG), ("Corvane", ORG), ("Lumiq", ORG)],
            )
        ],
        [{"Corvane Lumiq"}, {"Corvane"}, {"Lumiq"}],
    ),
    "umlauts written out": (
        [
            ("Düsseldorf won the vote.", [("Düsseldorf", G)]),
            ("Duesseldorf lost the appeal.", [("Duesseldorf", G)]),
        ],
        [{"Düsseldorf", "Duesseldorf"}],
    ),
    "the Arabic article": (
        [
            (
                "Al-Qaeda claimed the attack. Qaeda fighters fled.",
                [("Al-Qaeda", ORG), ("Qaeda", ORG)],
            )
        ],
        [{"Al-Qaeda", "Qaeda"}],
    ),
    "a nationality word is no spelling of its country, whatever its label": (
        [
            (
                "South Korea raised rates. South Korean exports fell.",
                [("South Korea", G), ("South Korean", "LOC")],
            )
        ],
        [{"South Korea"}, {"South Korean"}],
    ),
    "a state's body after its country's name": (
        [
            (
                "The US Justice Department sued the bank. The Justice Department said fraud "
                "was common.",
                [("US Justice Department", ORG), ("Justice Department", ORG)],
            ),
            ("The Justice Department in Ottawa said no.", [("Justice Department", ORG)]),
        ],
        [{"US Justice Department", "Justice Department"}, {"Justice Department"}],
    ),
    "a wire agency's acronym": (
        [
            ("The Associated Press reported the attack.", [("Associated Press", ORG)]),
            ("Police told AP that two people died.", [("AP", ORG)]),
        ],
        [{"Associated Press", "AP"}],
    ),
    "a company's two-letter acronym joins the one company name of its document it spells": (
        [
            (
                "General Motors will cut 2,000 jobs in Detroit. GM said sales fell.",
                [("General Motors", ORG), ("GM", ORG), ("Detroit", G)],
            )
        ],
        [{"General Motors", "GM"}],
    ),
    "a two-letter acronym stays apart from a name that is no organization's": (
        [
            (
                "The Marshall Plan rebuilt Europe, the MP said in the Commons.",
                [("Marshall Plan", "LAW"), ("MP", ORG)],
            )
        ],
        [{"Marshall Plan"}, {"MP"}],
    ),
    "a two-letter acronym stays apart from a name of three words": (
        [
            (
                "Gulf Marine Services hired staff. GM said sales fell.",
                [("Gulf Marine Services", ORG), ("GM", ORG)],
            )
        ],
        [{"Gulf Marine Services"}, {"GM"}],
    ),
    "a theatre's name without its noun joins the theatre": (
        [
            (
                "The Bolshoi Theatre opened its season. The Bolshoi sold every seat.",
                [("Bolshoi Theatre", ORG), ("Bolshoi", ORG)],
            )
        ],
        [{"Bolshoi Theatre", "Bolshoi"}],
    ),
    "a palace read as a place joins its short form read so too": (
        [
            (
                "The king died at Varholm Palace in 1810. Varholm was later sold.",
                [("Varholm Palace", "LOC"), ("Varholm", "LOC")],
            )
        ],
        [{"Varholm Palace", "Varholm"}],
    ),
    "a castle read as a place is not the town it is named after": (
        [
            (
                "The queen stayed at Windsor Castle. Windsor voted on Sunday.",
                [("Windsor Castle", "LOC"), ("Windsor", G)],
            )
        ],
        [{"Windsor Castle"}, {"Windsor"}],
    ),
    "a museum named after its city is not the city": (
        [
            (
                "The Hamburg Museum reopened. Hamburg paid for the work.",
                [("Hamburg Museum", ORG), ("Hamburg", G)],
            )
        ],
        [{"Hamburg Museum"}, {"Hamburg"}],
    ),
    "a surname in the headline joins the full name the text gives below": (
        [
            (
                "Orban tightens his grip\nPrime Minister Viktor Orban won a fourth term. "
                "Orban thanked voters.",
                [("Orban", ORG), ("Viktor Orban", P)],
            )
        ],
        [{"Orban", "Viktor Orban"}],
    ),
    "a word read as an organization before a full name in the text stays apart": (
        [
            (
                "Orban cut its prices on Monday. Viktor Orban said nothing.",
                [("Orban", ORG), ("Viktor Orban", P)],
            )
        ],
        [{"Orban"}, {"Viktor Orban"}],
    ),
    "a trade before a person's name is a title": (
        [
            (
                "Coach Pep Guardiola praised the defence. Guardiola smiled.",
                [("Coach Pep Guardiola", P), ("Guardiola", P)],
            ),
            (
                "MEP Ulrike Lunacek spoke first. Archaeologist Herbert Lutz spoke next.",
                [("MEP Ulrike Lunacek", P), ("Archaeologist Herbert Lutz", P)],
            ),
            (
                "Ulrike Lunacek and Herbert Lutz met in Graz.",
                [("Ulrike Lunacek", P), ("Herbert Lutz", P)],
            ),
        ],
        [
            {"Coach Pep Guardiola", "Guardiola"},
            {"MEP Ulrike Lunacek", "Ulrike Lunacek"},
            {"Archaeologist Herbert Lutz", "Herbert Lutz"},
        ],
    ),
    "an organization named after its city, without the city": (
        [
            (
                "The New York Times sued the agency. The Times said it would appeal.",
                [("New York Times", ORG), ("Times", ORG)],
            ),
            (
                "Bayern Munich won the league. Bayern scored four goals.",
                [("Bayern Munich", ORG), ("Bayern", ORG)],
            ),
        ],
        [{"New York Times", "Times"}, {"Bayern Munich", "Bayern"}],
    ),
    "a team named after its state, without the state": (
        [
            (
                "The Minnesota Vikings beat the Bears. The Vikings scored twice in Minnesota.",
                [("Minnesota Vikings", ORG), ("Vikings", ORG), ("Bears", ORG), ("Minnesota", G)],
            )
        ],
        [{"Minnesota Vikings", "Vikings"}, {"Minnesota"}],
    ),
    "an alias a verb defines": (
        [
            (
                "After its founding in 1867, Klamath Falls was originally named Linkville.",
                [("Klamath Falls", G), ("Linkville", G)],
            ),
            (
                "The 24th Division, which was also called the Hawaiian Division, sailed.",
                [("24th Division", ORG), ("Hawaiian Division", ORG)],
            ),
            (
                "Smallville Mills is now known as Brightline Foods.",
                [("Smallville Mills", ORG), ("Brightline Foods", ORG)],
            ),
        ],
        [
            {"Klamath Falls", "Linkville"},
            {"24th Division", "Hawaiian Division"},
            {"Smallville Mills", "Brightline Foods"},
        ],
    ),
    "an alias in brackets after 'or' or 'also'": (
        [
            (
                "Sappy Records hosts the Sappy Music Festival (or SappyFest) in Sackville.",
                [("Sappy Records", ORG), ("Sappy Music Festival", ORG), ("SappyFest", ORG)]
                + [("Sackville", G)],
            ),
            (
                "Mendenhall Glacier (also Sitaantaagu) is a glacier near Juneau.",
                [("Mendenhall Glacier", "LOC"), ("Sitaantaagu", "LOC"), ("Juneau", G)],
            ),
        ],
        [{"Sappy Music Festival", "SappyFest"}, {"Mendenhall Glacier", "Sitaantaagu"}],
    ),
    "a name in another language, labelled by it": (
        [
            (
                "The Piton des Neiges (French: Snow Peak) is a volcano on Reunion.",
                [("Piton des Neiges", "LOC"), ("French", "NORP"), ("Snow Peak", "LOC")]
                + [("Reunion", G)],
            ),
            (
                "Nova Motors (Chairman: Lena Berg) cut prices.",
                [("Nova Motors", ORG), ("Lena Berg", P)],
            ),
        ],
        [{"Piton des Neiges", "Snow Peak"}, {"French"}, {"Nova Motors"}, {"Lena Berg"}],
    ),
    "two names a sentence begins with, joined by 'or' before 'is'": (
        [
            (
                "Aspren or Asprenas ( ) was the first bishop of Naples.",
                [("Aspren", P), ("Asprenas", P), ("Naples", G)],
            ),
            (
                "Ruiz or Vega was expected to win. Talks in Paris or Rome were planned.",
                [("Ruiz", P), ("Vega", P), ("Paris", G), ("Rome", G)],
            ),
        ],
        [{"Aspren", "Asprenas"}, {"Ruiz"}, {"Vega"}, {"Paris"}, {"Rome"}],
    ),
    "a stage name is the sentence's first person's": (
        [
            (
                "Tara Bell, who signed with Acme Wrestling, wrestles under the ring name Nova. "
                "Ray Moss (known professionally as Raynor) sang.",
                [("Tara Bell", P), ("Acme Wrestling", ORG), ("Nova", P), ("Ray Moss", P)]
                + [("Raynor", P)],
            )
        ],
        [{"Tara Bell", "Nova"}, {"Ray Moss", "Raynor"}, {"Acme Wrestling"}],
    ),
    "a list's 'or' defines no alias": (
        [
            (
                "Talks in Paris, Berlin, or Rome were planned.",
                [("Paris", G), ("Berlin", G), ("Rome", G)],
            )
        ],
        [{"Paris"}, {"Berlin"}, {"Rome"}],
    ),
    "a bare 'was named' appoints and defines no alias": (
        [
            (
                "Hugo Brand was named Sportsman of the Year. Nina Ross was named Nina Cole.",
                [("Hugo Brand", P), ("Sportsman of the Year", "MISC"), ("Nina Ross", P)]
                + [("Nina Cole", P)],
            )
        ],
        [{"Hugo Brand"}, {"Sportsman of the Year"}, {"Nina Ross"}, {"Nina Cole"}],
    ),
    "a mountain without its 'Mount'": (
        [
            (
                "Mount Etna erupted on Monday. Etna last erupted in 2021.",
                [("Mount Etna", "LOC"), ("Etna", "LOC")],
            ),
            (
                "Climbers left Mt. Terminillo. Terminillo is the highest peak near Rieti.",
                [("Mt. Terminillo", "LOC"), ("Terminillo", "LOC"), ("Rieti", G)],
            ),
        ],
        [{"Mount Etna", "Etna"}, {"Mt. Terminillo", "Terminillo"}],
    ),
    "a mountain's name is not the country or state it is named after": (
        [
            (
                "Mount Kenya is snowy. Kenya is hot. Mount Washington is windy in Washington.",
                [("Mount Kenya", "LOC"), ("Kenya", G), ("Mount Washington", "LOC")]
                + [("Washington", G)],
            )
        ],
        [{"Mount Kenya"}, {"Kenya"}, {"Mount Washington"}, {"Washington"}],
    ),
    "a river, a bridge or islands without their noun": (
        [
            (
                "The Ammonoosuc River flooded. The Ammonoosuc rose two metres overnight.",
                [("Ammonoosuc River", "LOC"), ("Ammonoosuc", "LOC")],
            ),
            (
                "Trains cross the Great Belt Bridge. The Great Belt opened in 1998.",
                [("Great Belt Bridge", "LOC"), ("Great Belt", "LOC")],
            ),
            (
                "Ferries reach the Shetland Islands daily. Shetland voted on Thursday.",
                [("Shetland Islands", "LOC"), ("Shetland", G)],
            ),
        ],
        [{"Ammonoosuc River", "Ammonoosuc"}, {"Great Belt Bridge", "Great Belt"}]
        + [{"Shetland Islands", "Shetland"}],
    ),
    "a river or a bridge is not the state or town it is named after": (
        [
            (
                "The Missouri River flooded farms in Missouri. The Brooklyn Bridge is in "
                "Brooklyn. The Hudson River is near Hudson.",
                [("Missouri River", "LOC"), ("Missouri", G), ("Brooklyn Bridge", "LOC")]
                + [("Brooklyn", G), ("Hudson River", "LOC"), ("Hudson", G)],
            )
        ],
        [{"Missouri River"}, {"Missouri"}, {"Brooklyn Bridge"}, {"Brooklyn"}]
        + [{"Hudson River"}, {"Hudson"}],
    ),
    "'the House' after the House of Representatives": (
        [
            (
                "The House of Representatives passed the bill. The House will vote again.",
                [("House of Representatives", ORG), ("House", ORG)],
            )
        ],
        [{"House of Representatives", "House"}],
    ),
    "'the House' is no house whose name ends in it, and two houses leave it alone": (
        [
            (
                "The White House said the House would vote.",
                [("White House", ORG), ("House", ORG)],
            ),
            (
                "The House of Commons and the House of Lords disagree. The House voted.",
                [("House of Commons", ORG), ("House of Lords", ORG), ("House", ORG)],
            ),
        ],
        [{"White House"}, {"House of Commons"}, {"House of Lords"}],
    ),
    "a body without the last of its complements": (
        [
            (
                "The House of Commons of Canada met. The House of Commons voted on Monday.",
                [("House of Commons of Canada", ORG), ("House of Commons", ORG)],
            ),
            ("The House of Commons in London sat late.", [("House of Commons", ORG)]),
        ],
        [{"House of Commons of Canada", "House of Commons"}, {"House of Commons"}],
    ),
    "a nationality word before a name tells it from another of that name": (
        [
            (
                "The Irish Labour Party met the Labour Party of Britain in Dublin.",
                [("Irish Labour Party", ORG), ("Labour Party", ORG), ("Britain", G)],
            )
        ],
        [{"Irish Labour Party"}, {"Labour Party"}],
    ),
    "an agency's office in a city is not the agency": (
        [
            (
                "The CIA Milan station planned it, and the CIA later denied it.",
                [("CIA Milan", ORG), ("CIA", ORG)],
            )
        ],
        [{"CIA Milan"}, {"CIA"}],
    ),
    "a company's regional unit is not the company": (
        [
            (
                "Square Enix Europe will publish the game that Square Enix made.",
                [("Square Enix Europe", ORG), ("Square Enix", ORG)],
            )
        ],
        [{"Square Enix Europe"}, {"Square Enix"}],
    ),
    "a territory by its name without its generic noun, though a city has the name": (
        [
            (
                "Rockets were fired from the Gaza Strip. Hamas rules Gaza.",
                [("Gaza Strip", "LOC"), ("Gaza", G)],
            )
        ],
        [{"Gaza Strip", "Gaza"}],
    ),
    "a province named after its capital is not the city": (
        [
            (
                "Kermanshah Province lies in the west. Kermanshah has a university.",
                [("Kermanshah Province", "LOC"), ("Kermanshah", G)],
            )
        ],
        [{"Kermanshah Province"}, {"Kermanshah"}],
    ),
    "a record label without its 'Records'": (
        [
            (
                "Interscope Records signed the band. Interscope released the album in May.",
                [("Interscope Records", ORG), ("Interscope", ORG)],
            )
        ],
        [{"Interscope Records", "Interscope"}],
    ),
    "a province by its name alone": (
        [
            (
                "Fighting spread in Kassongue province. Refugees left Kassongue by road.",
                [("Kassongue province", "LOC"), ("Kassongue", G)],
            )
        ],
        [{"Kassongue province", "Kassongue"}],
    ),
    "a double-barrelled surname joins the full name of its document": (
        [
            (
                "Johanna Doering-Smirnov runs the clinic. Doering-Smirnov said it was full.",
                [("Johanna Doering-Smirnov", P), ("Doering-Smirnov", P)],
            ),
            (
                "Edward Burne - Jones painted it . Burne - Jones died in 1898 .",
                [("Edward Burne - Jones", P), ("Burne - Jones", P)],
            ),
        ],
        [
            {"Johanna Doering-Smirnov", "Doering-Smirnov"},
            {"Edward Burne - Jones", "Burne - Jones"},
        ],
    ),
    "a surname read as a person's joins the full name read otherwise": (
        [
            (
                "Middle East expert Udo Steinbach warned of war. Steinbach said talks failed.",
                [("Udo Steinbach", ORG), ("Steinbach", P)],
            ),
            (
                "The ship reached Port Elizabeth at dawn. Elizabeth waved from the quay.",
                [("Port Elizabeth", "LOC"), ("Elizabeth", P)],
            ),
        ],
        [{"Udo Steinbach", "Steinbach"}, {"Port Elizabeth"}, {"Elizabeth"}],
    ),
    "a surname read as a person's stays apart from two full names read otherwise": (
        [
            (
                "Udo Steinbach and Eva Steinbach run the firm. Steinbach said so.",
                [("Udo Steinbach", ORG), ("Eva Steinbach", ORG), ("Steinbach", P)],
            ),
        ],
        [{"Udo Steinbach"}, {"Eva Steinbach"}, {"Steinbach"}],
    ),
    "a word that is a name only as a full name's end joins it, whatever the types": (
        [
            (
                "Marta Ilves met the press. Ilves told reporters the border stays open.",
                [("Marta Ilves", ORG), ("Ilves", "NAME")],
            ),
            ("Tove Lund spoke.", [("Tove Lund", P)]),
            ("Lund said no.", [("Lund", "NAME")]),
        ],
        [{"Marta Ilves", "Ilves"}, {"Tove Lund"}],
    ),
    "a word read as a person's stays apart from a name after a place, in capitals, elsewhere": (
        [
            (
                "Flights to London Stansted were cut. Stansted said fuel cost too much.",
                [("London Stansted", ORG), ("Stansted", P)],
            ),
            (
                "The BBC World service grew. World said it was proud.",
                [("BBC World", ORG), ("World", P)],
            ),
            ("Udo Steinbach warned of war.", [("Udo Steinbach", ORG)]),
            ("Steinbach said talks failed.", [("Steinbach", P)]),
        ],
        [
            {"London Stansted"},
            {"Stansted"},
            {"BBC World"},
            {"World"},
            {"Udo Steinbach"},
            {"Steinbach"},
        ],
    ),
    "a party's members' word is the party, singular or plural": (
        [
            (
                "The Democrats won the House. A Democrat said the Democratic Party grew.",
                [("Democrats", ORG), ("Democrat", ORG), ("Democratic Party", ORG)],
            ),
            (
                "The Social Democrats lost. The Social Democratic Party blamed the Tories.",
                [("Social Democrats", ORG), ("Social Democratic Party", ORG), ("Tories", ORG)],
            ),
        ],
        [
            {"Democrats", "Democrat", "Democratic Party"},
            {"Social Democrats", "Social Democratic Party"},
        ],
    ),
    "a person named Democrat stays a person": (
        [("Ann Democrat spoke. The Democrats won.", [("Ann Democrat", P), ("Democrats", ORG)])],
        [{"Ann Democrat"}, {"Democrats"}],
    ),
}


@pytest.mark.parametrize("docs, expected", CASES.values(), ids=CASES)
def test_merge_rules(docs, expected):
    got = groups(docs)
    for group in expected:
        assert frozenset(group) in got, (group, got)


def test_the_merge_log_gives_the_translated_definition():
    ex = extraction(
        "d0",
        "The Federation of German Industry (BDI) cut its forecast. The BDI said so.",
        [("Federation of German Industry", ORG), ("BDI", ORG)],
    )
    (m,) = [m for m in resolve([ex]).merges if m.rule == "acronym defined"]
    assert m.name == "Federation of German Industry"
    assert "(BDI)" in m.reason and "document d0" in m.reason


def test_a_citys_club_is_not_the_city():
    docs = [
        (
            "Stuttgart coach Bruno Labbadia was angry. Stuttgart lost 2-0.",
            [("Stuttgart", TEAM), ("Bruno Labbadia", P)],
        ),
        ("Stuttgart's mayor opened a school in Stuttgart.", [("Stuttgart", G)]),
        ("Rivals Stuttgart won again.", [("Stuttgart", TEAM)]),
    ]
    exs = [extraction(f"d{n}", text, names) for n, (text, names) in enumerate(docs)]
    found = {
        e.type: {m.doc_id for m in e.mentions}
        for e in resolve(exs).entities
        if e.name == "Stuttgart"
    }
    assert found == {"Organization": {"d0", "d2"}, "Place": {"d1"}}


@pytest.mark.parametrize("headline, joined", [(True, True), (False, False)])
def test_a_headline_block_marks_where_the_headline_ends(headline, joined):
    text = "Orban tightens his grip. Prime Minister Viktor Orban won a fourth term."
    ex = extraction("d0", text, [("Orban", ORG), ("Viktor Orban", P)])
    blocks = (Block(0, 24, "headline"), Block(25, len(text), "paragraph"))
    if headline:
        ex = DocExtraction(Document("d0", text, blocks=blocks), ex.mentions)
    groups = {frozenset(m.text for m in e.mentions) for e in resolve([ex]).entities}
    assert (frozenset({"Orban", "Viktor Orban"}) in groups) is joined


@pytest.mark.parametrize(
    "full_type, joined",
    [("Other", True), ("Organization", True), ("Person", False)],
)
def test_a_bracketed_acronym_defines_a_name_typed_nothing_sure(full_type, joined):
    text = "Merkel led a coalition with the Social Democrats (SPD). The SPD agreed."
    ex = extraction("d0", text, [("Social Democrats", ORG), ("SPD", ORG)])
    for m in ex.mentions:
        if m.text == "Social Democrats":
            m.votes = Counter({full_type: 2.0})
    groups = {frozenset(m.text for m in e.mentions) for e in resolve([ex]).entities}
    assert (frozenset({"Social Democrats", "SPD"}) in groups) is joined


def test_the_merge_log_gives_the_place_a_name_is_without():
    ex = extraction(
        "d0",
        "Bayern Munich won the league. Bayern scored four goals.",
        [("Bayern Munich", ORG), ("Bayern", ORG)],
    )
    (m,) = [m for m in resolve([ex]).merges if m.merged == ("Bayern",)]
    assert (m.name, m.rule) == ("Bayern Munich", "short form")
    assert "document d0" in m.reason and "place" in m.reason


def test_a_name_wrapped_across_a_paragraphs_lines_stays_whole():
    text = "Talks resume\nThe delegation that Barack\nObama led arrived on Monday in Geneva."
    ex = extraction("d0", text, [("Barack\nObama", P), ("Geneva", G)])
    groups = {frozenset(m.text for m in e.mentions) for e in resolve([ex]).entities}
    assert frozenset({"Barack\nObama"}) in groups


# (the document, its names with their labels, an entity's name, its type)
TYPED = {
    "a surname read as a place more often than its full name is the person's": (
        "Mitt Romney spoke in Tampa. Romney won. Romney's aides cheered. Romney left.",
        [("Mitt Romney", P), ("Romney", G), ("Tampa", G)],
        "Mitt Romney",
        "Person",
    ),
    "a first name read as an organization is the person's too": (
        "Lukas Podolski scored. Lukas celebrated. Lukas ran. Lukas waved.",
        [("Lukas Podolski", P), ("Lukas", ORG)],
        "Lukas Podolski",
        "Person",
    ),
    "a club read as a person's name, a city's name in it, is typed by its parts' readings": (
        "Rotor Volgograd won. Rotor scored twice. Rotor led. Rotor stayed top.",
        [("Rotor Volgograd", P), ("Rotor", ORG)],
        "Rotor Volgograd",
        "Organization",
    ),
}


@pytest.mark.parametrize("text, names, name, typ", TYPED.values(), ids=TYPED)
def test_a_persons_name_parts_vote_a_person(text, names, name, typ):
    res = resolve([extraction("d0", text, names)])
    (entity,) = [e for e in res.entities if name in {m.text for m in e.mentions}]
    assert entity.type == typ and len(entity.mentions) == 4  # the full name and its part, joined


@pytest.mark.parametrize(
    "full_votes, joined",
    [
        # tagged an organization's twice, read a person's by far: a person's name
        ({"Person": 5.0, "Organization": 1.0}, True),
        # tagged so and read a person's by a little: no evidence of a person's name
        ({"Person": 3.0, "Organization": 2.0}, False),
    ],
)
def test_a_full_name_tagged_otherwise_but_read_a_persons_introduces_its_surname(full_votes, joined):
    text = (
        "Aria Kemppainen's novel sold well. Aria Kemppainen's tour began in May. "
        "Aria Kemppainen spoke. Kemppainen said the book took ten years."
    )
    ex = extraction("d0", text, [("Aria Kemppainen", ORG), ("Kemppainen", ORG)])
    for m in ex.mentions:
        if m.text == "Aria Kemppainen":
            m.votes = Counter(full_votes)
        if m.start == text.find("Aria Kemppainen spoke"):
            m.label = "PERSON"
    groups = {frozenset(m.text for m in e.mentions) for e in resolve([ex]).entities}
    assert (frozenset({"Aria Kemppainen", "Kemppainen"}) in groups) is joined


@pytest.mark.parametrize(
    ("text", "person_at", "joined"),
    [
        # the town named after the engineer, and the engineer by his surname
        (
            "Harrowby is a village in Ontario. It is named after Amos Harrowby, an engineer. "
            "Harrowby died in 1939. Harrowby has a school.",
            "Harrowby died",
            True,
        ),
        # a full name of the town's origin ("of Harrowby") gives no surname
        (
            "Harrowby is a village in Ontario. Saint Amos di Harrowby was born there. "
            "Harrowby died in 1939. Harrowby has a school.",
            "Harrowby died",
            False,
        ),
        # the word read a person's before the full name names him: no one to stand for
        (
            "Harrowby is a village in Ontario. Harrowby died in 1939. "
            "It is named after Amos Harrowby, an engineer. Harrowby has a school.",
            "Harrowby died",
            False,
        ),
        # read a person's two sentences after the full name: as often the place read wrong
        (
            "Harrowby is a village in Ontario. It is named after Amos Harrowby, an engineer. "
            "It grew. Harrowby died in 1939. Harrowby has a school.",
            "Harrowby died",
            False,
        ),
    ],
)
def test_a_surname_among_a_places_mentions_is_the_persons(text, person_at, joined):
    names = [("Amos Harrowby", P), ("Saint Amos di Harrowby", P), ("Harrowby", G)]
    names += [("Ontario", G)]
    ex = extraction("d0", text, names)
    for m in ex.mentions:
        # each mention's sentence, as the parse would give it
        start = text.rfind(". ", 0, m.start) + 2 if ". " in text[: m.start] else 0
        m.sent = (start, text.find(".", m.end) + 1)
        if m.start == text.find(person_at):
            m.votes = Counter({"Person": 1.0})
    res = resolve([ex])
    person = next(e for e in res.entities if "Amos" in e.name)
    texts = [m.text for m in person.mentions]
    assert ("Harrowby" in texts) is joined
    place = next(e for e in res.entities if e.name == "Harrowby")
    assert place.type == "Place" and len(place.mentions) == 3 - joined
