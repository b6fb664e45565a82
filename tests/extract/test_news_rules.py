"""The news rules for killings, places and workplaces, as (text, facts that must be read,
facts that must not) tables of sentences of our own making, read by the rules alone."""

from __future__ import annotations

import pytest

from tests.extract.rule_facts import rule_facts

KILLINGS = [
    # a killer noun as a title before the killer's name, the victim's name or possessive
    # before it (the tagger reads "assassin" there as a verb)
    (
        "The lawyer defended Lincoln assassin John Wilkes Booth in the play.",
        {("Lincoln", "killed_by", "John Wilkes Booth")},
        set(),
    ),
    (
        "President Carl Bright's assassin Ruth Ames was hanged.",
        {("Carl Bright", "killed_by", "Ruth Ames")},
        set(),
    ),
    # "the shooting death of" is a killing; a death without such a word is not
    (
        "Tom Reed was executed in 1933 for the shooting death of Ann Lee.",
        {("Ann Lee", "killed_by", "Tom Reed")},
        set(),
    ),
    (
        "Tom Reed was questioned about the death of Ann Lee.",
        set(),
        {("Ann Lee", "killed_by", "Tom Reed")},
    ),
    # nouns of killers, by apposition, possessive and title
    (
        "Ruth Ames, the assassin of Governor Carl Bright, was hanged in 1902.",
        {("Carl Bright", "killed_by", "Ruth Ames")},
        set(),
    ),
    (
        "Governor Carl Bright's killer, Ruth Ames, was hanged in 1902.",
        {("Carl Bright", "killed_by", "Ruth Ames")},
        set(),
    ),
    # nouns of killings with "by": the killer, whether the parse hangs it from the noun or
    # from the one killed; a "by" that names no one gives nothing
    (
        "The murder of Alan Webb by Jane Porter shocked the town.",
        {("Alan Webb", "killed_by", "Jane Porter")},
        set(),
    ),
    (
        "Lena Marsh's murder by her neighbour Otto Brandt went unsolved for years.",
        {("Lena Marsh", "killed_by", "Otto Brandt")},
        set(),
    ),
    (
        "The killing of Alan Webb by the river near Dover Castle was never solved.",
        set(),
        {("Alan Webb", "killed_by", "Dover Castle")},
    ),
    # nouns of killings after a verb of the courts, passive and with an adjective
    (
        "Ruth Ames was convicted of the 1901 slaying of Carl Bright.",
        {("Carl Bright", "killed_by", "Ruth Ames")},
        set(),
    ),
    (
        "A jury in Leeds found Jane Porter guilty of the murder of Alan Webb.",
        {("Alan Webb", "killed_by", "Jane Porter")},
        set(),
    ),
    # gerunds after a preposition: the governing verb's object, else its subject
    (
        "Mark Hollis pleaded guilty to killing the banker Tom Reed.",
        {("Tom Reed", "killed_by", "Mark Hollis")},
        set(),
    ),
    (
        "Prosecutors charged Omar Vance with murdering the journalist Lina Kos.",
        {("Lina Kos", "killed_by", "Omar Vance")},
        {("Lina Kos", "killed_by", "Prosecutors")},
    ),
    # a relative clause on a noun that names the killer by copula
    (
        "Police said Dan Ortiz was the gunman who shot Mayor Paul Lund.",
        {("Paul Lund", "killed_by", "Dan Ortiz")},
        set(),
    ),
    # the gerund of a clause on a noun in apposition: the name the noun stands for
    (
        "Omar Vance, the man convicted of killing Lina Kos, lost his appeal.",
        {("Lina Kos", "killed_by", "Omar Vance")},
        set(),
    ),
    # a killing's possessive without "of" is the one killed, the killer the courts' subject
    (
        "Omar Vance was sentenced to death for Lina Kos's murder.",
        {("Lina Kos", "killed_by", "Omar Vance")},
        {("Omar Vance", "killed_by", "Lina Kos")},
    ),
    (
        "Ruth Ames's murder of Carl Bright shocked the town.",
        {("Carl Bright", "killed_by", "Ruth Ames")},
        set(),
    ),
    ("Omar Vance was acquitted of Lina Kos's murder.", set(),
     {("Lina Kos", "killed_by", "Omar Vance")}),
    ("Lina Kos's murder is unsolved, Omar Vance said.", set(),
     {("Lina Kos", "killed_by", "Omar Vance"), ("Omar Vance", "killed_by", "Lina Kos")}),
    # acquittals, negations and a killing no court ties to anyone make no fact
    ("Omar Vance was acquitted of the murder of Lina Kos.", set(),
     {("Lina Kos", "killed_by", "Omar Vance")}),
    ("Omar Vance was not convicted of killing Lina Kos.", set(),
     {("Lina Kos", "killed_by", "Omar Vance")}),
    ("Omar Vance wrote a book about the murder of Lina Kos.", set(),
     {("Lina Kos", "killed_by", "Omar Vance")}),
    # a verb of wounding with a fatal word kills; without one, "beat" is a win
    ("Lina Kos was beaten to death by Omar Vance in 1990.",
     {("Lina Kos", "killed_by", "Omar Vance")}, set()),
    ("Omar Vance clubbed Lina Kos to death with a bat.",
     {("Lina Kos", "killed_by", "Omar Vance")}, set()),
    ("Mayor Tom Hale was fatally shot by Ray Dunn in Dover.",
     {("Tom Hale", "killed_by", "Ray Dunn")}, set()),
    ("Omar Vance beat Lina Kos in the final.", set(), {("Lina Kos", "killed_by", "Omar Vance")}),
    # the shots, bullet or bomb that killed: the one who fired or planted it
    ("Investigators concluded that Ray Dunn fired the shots that killed Mayor Tom Hale.",
     {("Tom Hale", "killed_by", "Ray Dunn")}, set()),
    ("Police say Ray Dunn planted the bomb that killed Lina Kos.",
     {("Lina Kos", "killed_by", "Ray Dunn")}, set()),
    ("Ray Dunn fired the shot that started the race won by Lina Kos.", set(),
     {("Lina Kos", "killed_by", "Ray Dunn")}),
]  # fmt: skip

PLACES = [
    # a place "in" a place read from the words, a region word between; not two large cities
    (
        "Crews cleared wreckage four miles north of Whitefish in northwest Montana.",
        {("Whitefish", "located_in", "Montana")},
        set(),
    ),
    (
        "Officials in Perugia in Umbria province said five people were arrested.",
        {("Perugia", "located_in", "Umbria")},
        set(),
    ),
    ("Boston beat Chicago in Denver on Sunday.", set(), {("Chicago", "located_in", "Denver")}),
    # two towns and the state after them: both lie in it; not in a longer list
    (
        "Flooding closed the road between Salida and Gunnison, Colorado.",
        {("Salida", "located_in", "Colorado"), ("Gunnison", "located_in", "Colorado")},
        set(),
    ),
    (
        "Storms hit Salida, Pueblo and Gunnison, Colorado.",
        set(),
        {("Salida", "located_in", "Colorado"), ("Pueblo", "located_in", "Colorado")},
    ),
    # a name with "in" a place, and the place beside that place
    (
        "Workers at the Hollins Steel Mill in Gary, Indiana, went on strike.",
        {("Gary", "located_in", "Indiana")},
        set(),
    ),
    # a place in a country lies in that country too (Wikidata's P17 beside P131); a
    # place in a state lies in no country by it
    (
        "Flooding closed roads around Tarsen, Norway, on Sunday.",
        {("Tarsen", "located_in", "Norway"), ("Tarsen", "country", "Norway")},
        set(),
    ),
    (
        "Workers at the Hollins Steel Mill in Gary, Indiana, went on strike.",
        {("Hollins Steel Mill", "located_in", "Gary")},
        {("Gary", "country", "Indiana")},
    ),
    # a name described as a place in or of another
    (
        "Lakeview, a small town in Oregon, lies on the coast.",
        {("Lakeview", "located_in", "Oregon")},
        set(),
    ),
    ("Norvale is a suburb of Chicago.", {("Norvale", "located_in", "Chicago")}, set()),
    # a person of a place lives there, and in the place beside it
    (
        "Dana Kerr of Dayton, Ohio, said the clinic had closed.",
        {("Dana Kerr", "residence", "Dayton"), ("Dana Kerr", "residence", "Ohio")},
        set(),
    ),
    # a place, a comma and a place, whatever the parse; not in a list, not two countries
    (
        "The plant is about 100 miles from Reno, Nev., officials said.",
        {("Reno", "located_in", "Nev.")},
        set(),
    ),
    (
        "Floods hit Brazoria, Fort Bend, Galveston and Harris counties.",
        set(),
        {("Brazoria", "located_in", "Fort Bend"), ("Fort Bend", "located_in", "Galveston")},
    ),
    # a list with a comma before its last item, whatever the parse; pairs of a town and its
    # state in such a list still lie in their states
    (
        "The ruling may affect suits in Ohio, Texas, and Pennsylvania.",
        set(),
        {("Ohio", "located_in", "Texas")},
    ),
    (
        "The hats come in New York, London, and \u201cNight Sky\u201d variants.",
        set(),
        {("New York", "located_in", "London")},
    ),
    (
        "Dana Kerr moved from Dayton, Ohio, and Tom Hale from Fresno, California, to Boston.",
        {("Dayton", "located_in", "Ohio")},
        set(),
    ),
    # "X-based" before a common noun in apposition: the name the noun describes, not the name
    # that qualifies the noun
    (
        "In March 2017, he joined Tellurian, a private Houston-based LNG company.",
        {("Tellurian", "headquarters_location", "Houston")},
        {("LNG", "headquarters_location", "Houston")},
    ),
    (
        "Ministers from France, Germany met in Rome.",
        set(),
        {("France", "located_in", "Germany")},
    ),
    # residents and natives, by apposition and by title
    (
        "Tom Hale, a resident of Dayton, said the water was cloudy.",
        {("Tom Hale", "residence", "Dayton")},
        set(),
    ),
    (
        "Dayton resident Tom Hale said the water was cloudy.",
        {("Tom Hale", "residence", "Dayton")},
        set(),
    ),
    (
        "Lena Ross, a Fargo native, sent one of her old records.",
        {("Lena Ross", "place_of_birth", "Fargo")},
        {("Lena Ross", "residence", "Fargo")},
    ),
    # "in" that hangs from the verb ties nothing to the name before it
    (
        "Tom Burke met Anna Lind in Madrid.",
        set(),
        {("Anna Lind", "residence", "Madrid"), ("Anna Lind", "located_in", "Madrid")},
    ),
]

NATIONALITIES = [
    # a nationality word before a person's name, through nouns and titles, a title's
    # capitalised words among them
    (
        "He met Israeli Prime Minister Dan Tamir on Monday.",
        {
            ("Dan Tamir", "country_of_citizenship", "Israeli"),
            ("Israeli", "head_of_government", "Dan Tamir"),
        },
        set(),
    ),
    (
        "The former Greek Finance Minister Nikos Karras spoke.",
        {("Nikos Karras", "country_of_citizenship", "Greek")},
        {("Greek", "head_of_government", "Nikos Karras")},
    ),
    # a nationality word on a head's office: the word heads, and so does its country
    (
        "French President Paul Roux met Karl Stein in France.",
        {("French", "head_of_state", "Paul Roux"), ("France", "head_of_state", "Paul Roux")},
        set(),
    ),
    (
        "Paul Roux, the French president, arrived on Monday.",
        {("French", "head_of_state", "Paul Roux")},
        set(),
    ),
    (
        "He met German Chancellor Eva Lind and the Iranian Vice President Ali Reza.",
        {("German", "head_of_government", "Eva Lind")},
        {("Iranian", "head_of_state", "Ali Reza")},
    ),
    (
        "The French minister Paul Roux met the press in Brussels.",
        {("Paul Roux", "country_of_citizenship", "French")},
        set(),
    ),
    (
        "Swiss President Eva Lind opened the summit.",
        {("Eva Lind", "country_of_citizenship", "Swiss")},
        set(),
    ),
    # the word on a noun in apposition to or predicated of the name: a person's citizenship,
    # a place's country; an organization's, and a noun of no name, give nothing
    (
        "Mira Holm, a Danish economist, spoke first.",
        {("Mira Holm", "country_of_citizenship", "Danish")},
        set(),
    ),
    (
        "Karl Stein is a German footballer.",
        {("Karl Stein", "country_of_citizenship", "German")},
        set(),
    ),
    ("Tarsen is a Norwegian town.", {("Tarsen", "country", "Norwegian")}, set()),
    (
        "Karl Stein is not a German footballer.",
        set(),
        {("Karl Stein", "country_of_citizenship", "German")},
    ),
    ("Brenner Motors is a German carmaker.", set(), {("Brenner Motors", "country", "German")}),
    (
        "Karl Stein is an expert on German history.",
        set(),
        {("Karl Stein", "country_of_citizenship", "German")},
    ),
    # a verb ends the phrase; an organization's name after it takes its country, no citizenship
    (
        "A Chinese court sentenced Omar Vance on Monday.",
        set(),
        {("Omar Vance", "country_of_citizenship", "Chinese")},
    ),
    (
        "The German carmaker Brenner Motors opened a plant.",
        {("Brenner Motors", "country", "German")},
        {("Brenner Motors", "country_of_citizenship", "German")},
    ),
]

WORK = [
    # a capitalised title between a body's name and a person's, which the parse hangs from the
    # name ("FAA Administrator X", "U.N. Secretary-General X"); a place there is no employer
    (
        "The order was issued by FAA Administrator Allan Marsh on Monday.",
        {("Allan Marsh", "employer", "FAA")},
        set(),
    ),
    (
        "The debt worried U.N. Secretary-General Javier Ortega.",
        {("Javier Ortega", "employer", "U.N.")},
        set(),
    ),
    (
        "Texas Agriculture Commissioner Jim Hale spoke at a news conference.",
        set(),
        {("Jim Hale", "employer", "Texas")},
    ),
    # the name in apposition to the body a leader noun is of is the leader's
    (
        "The chairman of the Harbor Workers Union, Ian Dale, was arrested.",
        {("Ian Dale", "employer", "Harbor Workers Union")},
        set(),
    ),
    # a lobbyist, inspector or judge works for the body named with them
    (
        "Ian Dale, a lobbyist with the American Forestry Institute, told the hearing.",
        {("Ian Dale", "employer", "American Forestry Institute")},
        set(),
    ),
    # a commander leads the body he commands; a comptroller works for it
    (
        "Ian Dale, the commander of the Harbor Patrol Unit, spoke.",
        {
            ("Harbor Patrol Unit", "director_manager", "Ian Dale"),
            ("Ian Dale", "employer", "Harbor Patrol Unit"),
        },
        set(),
    ),
    # a noun in apposition before the next conjunct is the first name's; after them all, each's
    (
        "Jane Doe, an economist at Corvin Bank, and Tom Burke, a retired farmer, led the campaign.",
        {("Jane Doe", "employer", "Corvin Bank")},
        {("Tom Burke", "employer", "Corvin Bank")},
    ),
    (
        "Jane Doe and Tom Burke, both Corvin Bank economists, spoke.",
        {("Jane Doe", "employer", "Corvin Bank"), ("Tom Burke", "employer", "Corvin Bank")},
        set(),
    ),
    # a nationality word before a title is no organization, whatever spaCy labels it
    (
        "Guatemalan President Carlos Mendez will visit Lisbon next week.",
        set(),
        {
            ("Carlos Mendez", "employer", "Guatemalan"),
            ("Guatemalan", "director_manager", "Carlos Mendez"),
        },
    ),
    # a title before a name is that name's, not its conjunct's
    (
        "The envoy is also scheduled to meet with Mayor Carl Imber and Harbor Patrol Unit "
        "Commander Ian Dale.",
        {("Ian Dale", "employer", "Harbor Patrol Unit")},
        {("Carl Imber", "employer", "Harbor Patrol Unit")},
    ),
    (
        "Ian Dale, 51, comptroller of Corvin Bank, resigned.",
        {("Ian Dale", "employer", "Corvin Bank")},
        set(),
    ),
    # a title between an organization's name and a person's
    (
        "Vexa Airlines pilot Tom Burke was praised by the crew.",
        {("Tom Burke", "employer", "Vexa Airlines")},
        set(),
    ),
    (
        "Roger Lane, a Delmont Bank loan officer, said the branch would close.",
        {("Roger Lane", "employer", "Delmont Bank")},
        set(),
    ),
    # a person "at" an organization works there
    (
        "Jill Marks at Corvin Bank said rates would rise.",
        {("Jill Marks", "employer", "Corvin Bank")},
        set(),
    ),
    # a leader noun with a word before it heads a part, not the organization
    (
        "Roger Lane, a Delmont Bank branch manager, said the branch would close.",
        set(),
        {("Delmont Bank", "director_manager", "Roger Lane")},
    ),
    # an associate or assistant is a head's second: employed, not the head
    (
        "Alice Wu is a former associate director of the Asia Pacific Media Network.",
        {("Alice Wu", "employer", "Asia Pacific Media Network")},
        {("Asia Pacific Media Network", "director_manager", "Alice Wu")},
    ),
    # a post "with" an organization; a kinship noun's "with" names no parent
    (
        "Nina Park, an analyst with Corvin Bank, expects rates to rise.",
        {("Nina Park", "employer", "Corvin Bank")},
        set(),
    ),
    (
        "His daughter with Nina Park, Ella Grant, studies law.",
        set(),
        {("Nina Park", "child", "Ella Grant"), ("Ella Grant", "employer", "Nina Park")},
    ),
    # a post's noun after a verb of naming, passive or not, or "become", "remain", "to be"
    (
        "Jane Doe was named president of Corvin Bank on Monday.",
        {("Jane Doe", "employer", "Corvin Bank")},
        set(),
    ),
    (
        "Jane Doe became president of Corvin Bank in 1990.",
        {("Jane Doe", "employer", "Corvin Bank")},
        set(),
    ),
    (
        "The board elected Jane Doe to be chairman of Corvin Bank.",
        {("Jane Doe", "employer", "Corvin Bank")},
        set(),
    ),
    (
        "Jane Doe was named after the president of Corvin Bank.",
        set(),
        {("Jane Doe", "employer", "Corvin Bank")},
    ),
    # a post's field of work "for" or "at" a body: employed there, the head of a part only
    (
        "Tom Reed, head of sales for Corvin Motors, declined to comment.",
        {("Tom Reed", "employer", "Corvin Motors")},
        {("Corvin Motors", "director_manager", "Tom Reed")},
    ),
    (
        "Jeff Bander, vice president for new products at Corvin Bank, said so.",
        {("Jeff Bander", "employer", "Corvin Bank")},
        set(),
    ),
    (
        "Tom Reed, director of the campaign for Jane Doe, declined to comment.",
        set(),
        {("Tom Reed", "employer", "Jane Doe")},
    ),
    # a journalist writes or reports for a paper
    (
        "Ann Lee writes for the Harlow Gazette.",
        {("Ann Lee", "employer", "Harlow Gazette")},
        set(),
    ),
]

RESIDENCES = [
    # a person "from" a place, by apposition or copula, and the place beside that place
    (
        "Tom Baker, a mechanic from Fresno, California, found the wreck.",
        {("Tom Baker", "residence", "Fresno"), ("Tom Baker", "residence", "California")},
        set(),
    ),
    (
        "The singer Lara Voss is from Tulsa.",
        {("Lara Voss", "residence", "Tulsa")},
        set(),
    ),
    # a hometown is where one lives
    (
        "The parade passed through Carl Imber's hometown of Dover.",
        {("Carl Imber", "residence", "Dover")},
        set(),
    ),
    # one's home in a place, by a name's possessive or a pronoun for the verb's subject, and
    # the place beside that place; a home of no one named says nothing
    (
        "Police searched Tom Reed's apartment in Dover, Delaware.",
        {("Tom Reed", "residence", "Dover"), ("Tom Reed", "residence", "Delaware")},
        set(),
    ),
    (
        "Reporters gathered outside Nora Blake's Oregon home on Friday.",
        {("Nora Blake", "residence", "Oregon")},
        set(),
    ),
    (
        "Carl Imber died on Sunday at his home in Tulsa.",
        {("Carl Imber", "residence", "Tulsa")},
        set(),
    ),
    (
        "Carl Imber said a home in Tulsa costs less than one in Dallas.",
        set(),
        {("Carl Imber", "residence", "Tulsa")},
    ),
    # a journey "from" a place, a negation, and a thing from a place say nothing of home
    ("Lara Voss flew in from Tulsa on Monday.", set(), {("Lara Voss", "residence", "Tulsa")}),
    ("Lara Voss is not from Tulsa.", set(), {("Lara Voss", "residence", "Tulsa")}),
    (
        "Lara Voss bought a truck from Tulsa Motors in Tulsa.",
        set(),
        {("Lara Voss", "residence", "Tulsa")},
    ),
    # a town's name before a person's trade or office: in apposition, predicated, or as a
    # title before the name; not a country's, nor a town that names a body the person is of
    (
        "The plans were drawn by Nora Blake, an Albany architect.",
        {("Nora Blake", "residence", "Albany")},
        set(),
    ),
    (
        "Missouri Gov. Carl Imber and Denver Mayor Ann Reyes met on Friday.",
        {("Carl Imber", "residence", "Missouri"), ("Ann Reyes", "residence", "Denver")},
        set(),
    ),
    (
        "The claim was denied by Fresno plastic surgeon Tom Reed.",
        {("Tom Reed", "residence", "Fresno")},
        set(),
    ),
    (
        "The talks were led by U.S. Ambassador Lara Voss in Geneva.",
        set(),
        {("Lara Voss", "residence", "U.S.")},
    ),
    (
        "Tulsa Motors chairman Carl Imber resigned.",
        set(),
        {("Carl Imber", "residence", "Tulsa")},
    ),
    # a place's possessive on a person or on their office: a town's or state's live there, a
    # country's are its citizens
    (
        "The president greeted Ohio's governor, Democrat Carl Imber.",
        {("Carl Imber", "residence", "Ohio")},
        set(),
    ),
    (
        "Denver's mayor Ann Reyes spoke on Monday.",
        {("Ann Reyes", "residence", "Denver")},
        set(),
    ),
    (
        "Tom Reed, Japan's prime minister, said he was concerned.",
        {("Tom Reed", "country_of_citizenship", "Japan")},
        {("Tom Reed", "residence", "Japan")},
    ),
    # a hometown by apposition, copula, "of", and "his" or "her" for the verb's subject
    (
        "The library in Beaumont, Texas, Lou Richards's hometown, will open in May.",
        {("Lou Richards", "residence", "Beaumont"), ("Lou Richards", "residence", "Texas")},
        set(),
    ),
    ("Dover is Carl Imber's hometown.", {("Carl Imber", "residence", "Dover")}, set()),
    ("Dover is not Carl Imber's hometown.", set(), {("Carl Imber", "residence", "Dover")}),
    ("Ann Lee vanished near her hometown of Belen.", {("Ann Lee", "residence", "Belen")}, set()),
    (
        "Carl Imber easily won the caucuses in his home state of Ohio.",
        {("Carl Imber", "residence", "Ohio")},
        set(),
    ),
    # a party's word as the noun a "from" qualifies; a verb's "from" still says nothing
    ("Tom Reed, a Democrat from Toledo, said no.", {("Tom Reed", "residence", "Toledo")}, set()),
    ("Tom Reed, a Democrat, flew in from Toledo.", set(), {("Tom Reed", "residence", "Toledo")}),
    # one who lives in a town lives in the state named beside it
    (
        "Ann Reyes, who now lives in Ocala, Florida, filed the suit.",
        {("Ann Reyes", "residence", "Ocala"), ("Ann Reyes", "residence", "Florida")},
        set(),
    ),
]

LIFESPANS = [
    # the dates of a life in brackets after a person's name, as one date phrase or two
    (
        "Mira Holm (3 May 1901 – 12 June 1980) was a painter.",
        {
            ("Mira Holm", "date_of_birth", "1901-05-03"),
            ("Mira Holm", "date_of_death", "1980-06-12"),
        },
        set(),
    ),
    (
        "Karl Stein (1920-1999) wrote novels.",
        {("Karl Stein", "date_of_birth", "1920"), ("Karl Stein", "date_of_death", "1999")},
        set(),
    ),
    # an unknown end, dates out of order, a bracket that says more, a company's years
    ("Karl Stein (1920 - after 1960) wrote novels.", set(),
     {("Karl Stein", "date_of_birth", "1920")}),
    ("Karl Stein (1999-1920) wrote novels.", set(), {("Karl Stein", "date_of_death", "1920")}),
    ("Karl Stein (mayor 1920-1930) wrote novels.", set(),
     {("Karl Stein", "date_of_birth", "1920"), ("Karl Stein", "date_of_death", "1930")}),
    ("Jane Doe (1986-1993) and Ann Lee held the post.", set(),
     {("Jane Doe", "date_of_birth", "1986")}),
    ("Brenner Motors (1920-1999) made trucks.", set(),
     {("Brenner Motors", "date_of_death", "1999")}),
    # a life dated to the day after a name the recogniser labels an organization
    ("Anthony Maitland Steel (21 May 1920 – 21 March 2001) was an English actor.",
     {("Anthony Maitland Steel", "date_of_birth", "1920-05-21"),
      ("Anthony Maitland Steel", "date_of_death", "2001-03-21")}, set()),
    ("Brenner Motors (1 May 1920 – 2 June 1999) made trucks.", set(),
     {("Brenner Motors", "date_of_death", "1999-06-02")}),
]  # fmt: skip

# a noun of players: the name before it, its possessive or its "for" is the player's team;
# not a nationality word, nor a league and its sport
TEAMS = [
    (
        "Borussia Dortmund striker Karl Stein scored twice.",
        {("Karl Stein", "member_of_sports_team", "Borussia Dortmund")},
        set(),
    ),
    (
        "Karl Stein, a midfielder for Real Madrid, left on Monday.",
        {("Karl Stein", "member_of_sports_team", "Real Madrid")},
        set(),
    ),
    (
        "The road was named after NHL hockey player Karl Stein.",
        set(),
        {("Karl Stein", "member_of_sports_team", "NHL")},
    ),
    (
        "German midfielder Karl Stein scored.",
        set(),
        {("Karl Stein", "member_of_sports_team", "German")},
    ),
]

# a player's team by "for" after a verb of playing, and, in a sports report, by a team's
# possessive or "join"; elsewhere a possessive and "join" give an employer
PLAYERS = [
    (
        "Karl Stein scored for Hamburg in the second half.",
        {("Karl Stein", "member_of_sports_team", "Hamburg")},
        set(),
    ),
    (
        "Tom Lenz signed for Everton last summer, and Jan Roth plays for Borussia Dortmund.",
        {
            ("Tom Lenz", "member_of_sports_team", "Everton"),
            ("Jan Roth", "member_of_sports_team", "Borussia Dortmund"),
        },
        set(),
    ),
    (
        "Barcelona beat Sevilla 3-1 on Sunday. Barcelona's Karl Stein scored the winner.",
        {("Karl Stein", "member_of_sports_team", "Barcelona")},
        {("Karl Stein", "employer", "Barcelona"), ("Karl Stein", "residence", "Barcelona")},
    ),
    (
        "Barcelona beat Sevilla 3-1 on Sunday. Paul Frey joined Barcelona from Valencia in 2019.",
        {("Paul Frey", "member_of_sports_team", "Barcelona")},
        set(),
    ),
    (
        "Tom Reed played for Ann Lee at the gala. Ann Lee signed for the parcel.",
        set(),
        {("Tom Reed", "member_of_sports_team", "Ann Lee")},
    ),
    # a town's name the tagger reads as a plain word before a player noun; not a word of
    # the language ("Veteran", "Young") nor a nationality
    (
        "Bayern beat Schalke 3-0 on Saturday. Dortmund keeper Otto Brandt was the hero.",
        {("Otto Brandt", "member_of_sports_team", "Dortmund")},
        set(),
    ),
    (
        "Bayern beat Schalke 3-0. Veteran keeper Jan Roth and Young striker Tim Vogel scored.",
        set(),
        {
            ("Jan Roth", "member_of_sports_team", "Veteran"),
            ("Tim Vogel", "member_of_sports_team", "Young"),
        },
    ),
    # a player noun the tagger reads as a verb, its name the object
    (
        "Bayern beat Schalke 3-0. Leeds ended the summer by signing Fulham midfielder Luka "
        "Marin for 20 million pounds.",
        {("Luka Marin", "member_of_sports_team", "Fulham")},
        set(),
    ),
    # a captain's team where the report uses the name for a team; no army's captain
    (
        "Bayern beat Schalke 3-0 on Saturday. Schalke captain Jan Roth said the team was tired.",
        {("Jan Roth", "member_of_sports_team", "Schalke")},
        set(),
    ),
    (
        "Bayern beat Schalke 3-0 on Saturday. Army Captain Tom Lenz watched the game.",
        set(),
        {("Tom Lenz", "member_of_sports_team", "Army")},
    ),
    # on loan: the team the player is lent to and the one lending, in a sports report; a
    # secondment elsewhere gives no team
    (
        "Bayern beat Schalke 3-0. Karl Stein, on loan at Schalke from Bayern Munich, scored.",
        {
            ("Karl Stein", "member_of_sports_team", "Schalke"),
            ("Karl Stein", "member_of_sports_team", "Bayern Munich"),
        },
        set(),
    ),
    (
        "Bayern beat Schalke 3-0. Schalke coach Udo Berg was angry. Karl Stein, who is on loan "
        "at Schalke, missed a penalty.",
        {("Karl Stein", "member_of_sports_team", "Schalke")},
        set(),
    ),
    (
        "Ann Lee, an engineer on loan from Acme Corp, joined the museum.",
        set(),
        {("Ann Lee", "member_of_sports_team", "Acme Corp")},
    ),
    (
        "Shares of Delmont Bank rose. Delmont Bank's Ray Ortiz joined Acme Corp in May.",
        set(),
        {
            ("Ray Ortiz", "member_of_sports_team", "Delmont Bank"),
            ("Ray Ortiz", "member_of_sports_team", "Acme Corp"),
        },
    ),
]

ALL = KILLINGS + PLACES + NATIONALITIES + WORK + RESIDENCES + LIFESPANS + TEAMS + PLAYERS


@pytest.mark.parametrize(
    "text, expected, forbidden",
    ALL,
    ids=[t[:48] for t, _, _ in ALL],
)
def test_news_rule(pipeline, text, expected, forbidden):
    got = rule_facts(pipeline, text)
    assert expected <= got, f"missing {expected - got}; got {got}"
    assert not forbidden & got, f"read {forbidden & got}"
