"""Every word list extraction and resolution read, in one place (no kg imports).

Words are lower case. Where two lists look alike but differ, they sit next to each other with
a comment saying why: each serves one decision, and the shipped models were trained on the
decisions as they are, so merging them would change what kg extracts.
"""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# -- titles before a name ------------------------------------------------------------------------

# Titles that name_key drops from the front of a name ("President Bill Clinton", "Sen. Bob
# Dole" -> "bill clinton", "bob dole"): the words that decide when two spellings are one name.
# "former", "late" and "the" are here because they only ever stand before the name too. Words
# that also begin organizations' and places' names are not: "General Motors", "Vice Media",
# "Premier League", "Justice Department", "King Digital", "Prince Edward Island", "Chief
# Executive" (a title the extraction drops from a person's name itself).
TITLES = _words(
    "mr mrs ms miss dr prof sir dame lord lady president sen senator rep representative "
    "gov governor gen col colonel lt capt captain maj sgt adm admiral judge "
    "rev reverend father pope sultan sheikh emir chancellor "
    "minister secretary mayor ambassador commissioner chairman former late the "
    # other languages' honorifics news keeps ("Frau Merkel", "Monsieur Macron"), and "ex",
    # which is "former" ("ex-CIA")
    "frau herr madame monsieur mme mlle senor senora signor signora ex "
    # the trade news writes before a person's name as a title ("Coach Pep Guardiola",
    # "Archaeologist Herbert Lutz", "MEP Ulrike Lunacek", "starring Meryl Streep"): words
    # that begin no organization's or place's name
    "coach mep filmmaker archaeologist historian economist novelist playwright rapper "
    "midfielder striker goalkeeper starring professor writer journalist columnist actor actress "
    "songwriter drummer guitarist bassist pianist vocalist violinist cellist environmentalist "
    "campaigner "
    # and the ranks of police, armed forces and navies ("Officer J.D. Tippit", "Ensign John
    # Doe"), which begin no other name either
    "officer trooper constable ensign commodore brigadier corporal airman seaman"
)
# Callings and ranks news writes as a title before a person's name, which name_key keeps
# because they begin other names too ("Detective Comics", "Agent Orange", "Inspector Gadget",
# "Singer Corporation"): a person's name begins after them all the same ("Detective Louis
# Fitch", "Rear Admiral Jane Roe": kg.extract.joins.title_start). Not the words that are given
# names too ("Deacon Jones", "Marine Le Pen", "Elder Wills"), nor a churchman's rank named with
# the name ("Cardinal Richelieu").
CALLING_TITLES = _words(
    "detective det inspector patrolman patrolwoman agent rear lecturer scientist physicist "
    "chemist biologist astronomer astronaut engineer lawyer barrister solicitor nurse dentist "
    "pharmacist singer conductor producer author reporter artist sculptor advisor adviser "
    "aide consul delegate entrepreneur founder cofounder investor manager skipper referee "
    "umpire trainer archbishop superintendent"
)
# A doctor's or professor's courtesy title: not before a full name ("Dr Anthony Fauci" is
# Anthony Fauci), but before one word, where it may be the name's own ("Dr Dre", "Dr Seuss";
# "Dr Fauci", whose name key folds it)
DEGREE_TITLES = _words("dr prof")
# A ruler's titles, which name_key keeps ("King Digital", "Prince Edward Island" are names): a
# person's name that begins with them is the person's name without them in a document that
# names both ("King Yi Seok", "Yi Seok"; rule "title").
ROYAL_TITLES = _words("king queen prince princess emperor empress tsar czar tsarina crown")
# Honorifics a proper-noun run loses at its start ("Sen. Kennedy", "Capt Smith"), without
# their dot. Narrower than TITLES in meaning: a word here that ends a run ("Navy Capt") marks
# the run as no name, so words that also end real names ("general", "chief", "the") are left
# out, and the military ranks spaCy splits from a name ("cmdr", "cpl", "pvt") are in.
HONORIFICS = _words(
    "mr mrs ms miss dr prof sir dame lord lady sen rep gov lt col gen capt cmdr adm maj sgt "
    "cpl pvt rev fr hon king queen prince princess pope sheikh emir president minister "
    "premier chancellor secretary ambassador senator governor mayor judge commander admiral "
    "colonel lieutenant captain sergeant marshal "
    # the offices of local and national legislatures news writes before a name ("said
    # Supervisor Ann Lee of Napa County", "Congresswoman Ann Lee"), which end no real name
    "supervisor sheriff alderman alderwoman councilman councilwoman councilmember councillor "
    "councilor assemblyman assemblywoman assemblymember congressman congresswoman "
    "congressmember"
)
# Titles that follow an organisation's name in news ("FAA Administrator Allan McArtor", "Coast
# Guard Lt. Steve Hardy"): spaCy takes them into the organisation's name, which ends before them.
# Not the royal titles, which end names ("Burger King"), nor "general" or "state" ("Secretary of
# State"); a title that is the whole name stays.
ORG_TRAILING_TITLES = _words(
    "administrator spokesman spokeswoman spokesperson chairman chairwoman chairperson "
    "director official officials secretary minister president ceo lt capt cmdr col gen maj "
    "sgt adm cpl pvt commander commissioner ambassador envoy correspondent analyst"
)
# Words that, however capitalised, only ever title a name ("Prime Minister", "Acting"): a
# proper-noun run of these words alone names nothing.
TITLE_WORDS = HONORIFICS | _words(
    "general state district attorney acting vice prime chief deputy justice"
)
# A government's portfolios: in a title ("Defense Minister", "Secretary of State", "Minister
# for Trade") the word alone is no organization's name, though the recogniser labels it one
PORTFOLIO_WORDS = _words(
    "state defense defence interior justice finance commerce trade treasury home foreign "
    "health education labor labour energy agriculture transport transportation environment "
    "economy culture"
)
# The titles a portfolio's word goes with, before it ("Secretary of State") or after it
# ("Defense Minister", "Interior Ministry spokesman" is an organization's and stays)
PORTFOLIO_TITLES = _words(
    "minister ministers secretary secretaries undersecretary spokesman spokeswoman "
    "spokesperson official officials chief"
)

# -- organisation suffixes -----------------------------------------------------------------------

# Legal forms name_key drops from the end of a name ("Acme Corp." -> "acme"): only the
# abbreviations, so that "Acme Group" and "Acme" stay two names until resolution decides.
NAME_KEY_SUFFIXES = _words("inc corp ltd llc plc co gmbh")
# Suffixes whose removal gives a short form resolution may merge ("TBD" -> "TBD Lab"): legal
# forms and the unit words a company's name is often written without. Broader than
# NAME_KEY_SUFFIXES (a decision with a log line, not a spelling fold); narrower than
# ORG_SUFFIXES ("Acme Bank" without "Bank" is seldom the bank).
LEGAL_SUFFIXES = _words(
    "inc corp corporation ltd llc plc co company group holdings lab labs gmbh ag sa limited "
    # a record label is named without its "Records" ("Interscope", "Epic"); a party without
    # its "Party" ("the Social Democratic Party", then "the Social Democratic leader"); a
    # sports club without the letters of its form ("Everton FC", "Rosenborg BK", "Brann SK")
    "records party fc afc cf sc il if bk fk sk"
)
# The generic nouns of a place's name that news drops once it has named the place ("the Gaza
# Strip", then "Gaza"; "the Mediterranean Sea", "the Mediterranean"): a short form joins such a
# name of its document (rule "short form"); so does a province's name alone ("Kunene
# Province", "Kunene") where the places table knows no city of that name (a province named
# after its capital is another place). Not "river", "airport", "lake" or "island(s)":
# "Missouri", "Hamburg", "Geneva" are as often the state or city, "the Falklands" another
# spelling (but see ``FEATURE_SUFFIXES``).
PLACE_SUFFIXES = _words("sea ocean strip heights peninsula desert mountains province")
# The generic nouns of a river's, a bridge's or an island's name that news drops once it has
# named it ("the Ammonoosuc River", then "the Ammonoosuc"; "the Great Belt Bridge", "the Great
# Belt"; "the Shetland Islands", "Shetland"): as ``PLACE_PREFIXES``, only where neither the
# places table nor GeoNames' towns know a place of the short name ("Missouri", "Brooklyn",
# "Hudson" stay apart from their river or bridge). Not "lake", "valley" nor a street's noun:
# "Rice Lake" and "Docklands Drive" are as often named after the town or quarter.
FEATURE_SUFFIXES = _words("river bridge island islands")
# The generic nouns that begin a place's name and that news drops once it has named it ("Mount
# Etna", then "Etna"; "Mt. Terminillo", "Terminillo"): as ``PLACE_SUFFIXES``, where the places
# table knows no place of the short name. Not "lake", "cape" or "fort": "Lake Geneva", "Cape
# Town", "Fort Worth" are as often the town.
PLACE_PREFIXES = _words("mount mt")
# The last words of a building's or a school's name that news drops once it has named it ("the
# Drake Hotel", then "the Drake"; "Butler University", "Butler"): a short form joins such a
# name of its document (rule "short form"), unless the short form is a place's name (a
# university named after its town is not the town: "Tehran University", "Tehran"). Not
# "school" nor "airport": "Lincoln High School" is named after a person, "Hamburg Airport"
# after its city. A theatre's and a museum's too ("the Bolshoi Theatre", "the Bolshoi"; "the
# Guggenheim Museum", "the Guggenheim"): on DWIE's news, 12 mention pairs more joined right,
# none wrong; Re-DocRED 0-399 unchanged.
FACILITY_SUFFIXES = _words(
    "university college hotel palace castle stadium arena theater theatre museum"
)
# Last words that make a name an organization ("Norvik Tech", "Acme Corp", "TBD Lab"): a type
# vote, so any word an organization's name ends in, with and without the dot (read as tokens).
ORG_SUFFIXES = _words(
    "inc inc. corp corp. corporation ltd ltd. llc plc gmbh ag sa co co. company companies "
    "group holdings tech technologies technology labs lab laboratory laboratories systems "
    "software bank university college institute foundation association agency ministry "
    "department council committee party club fc studios studio media network networks "
    "airlines airways motors partners capital ventures research solutions robotics "
    "industries enterprises press times news school academy commission union federation "
    "organization organisation ai office bureau service services authority board court "
    "police army navy team society records pictures "
    # not a building's last word ("Shands Hospital", "the Städel Museum", "Vigra Church"),
    # which the benchmarks' readers all take for a place: the label decides
    # what a company makes or trades, as the last word of its name ("Halvorsen Foods", "Gulf
    # Oil", "Vela Pharmaceuticals"): an oil company and a drinks group were typed persons
    "foods food brands beverages drinks pharmaceuticals pharma energy oil petroleum gas steel "
    "mining insurance logistics telecom communications electronics chemicals entertainment "
    "financial securities investments automotive aerospace "
    # a shipbuilder's or a telephone company's last word ("Hyundai Shipbuilding", "Deutsche
    # Telekom"); not "Yards" nor "Shipyard", which name the yard, a place ("Camden Yards",
    # "Lenin Shipyard" in CoNLL04)
    "shipbuilding telekom telecoms "
    # a carrier's trade as the last word of its name ("Kestrel Ferries", "Nordic Railways",
    # "Baltic Shipping"): the type model, seeing a plural proper noun spaCy left unlabelled,
    # took such a name for a place
    "ferries shipping cruises railways railroads rail freight cargo haulage couriers transit "
    # a newspaper's or a magazine's last word ("Famagusta Gazette", "Saarbrücker Zeitung"):
    # news reads its publisher, which says and reports things, as an organization
    "gazette journal herald tribune chronicle telegraph courier zeitung magazine magazin"
)

# The head nouns of a body's name that take an "of", "for" or "on" complement as part of the
# name ("the Federal Reserve Bank of New York", "the Episcopal Diocese of Connecticut",
# "Habitat for Humanity", "the Senate Committee on Veterans Affairs"), where the recogniser
# ends the name before the complement. Not "court" ("the Supreme Court of Canada" is as often
# written "the Supreme Court" and the country), "house" (a dynasty's, a building's) nor a
# company's last word, after which "of" says where it is ("General Motors of Detroit").
ORG_OF_HEADS = _words(
    "bank ministry ensemble council committee subcommittee institute institution diocese "
    "foundation university college school society association federation academy commission "
    "department office agency bureau board authority service fund centre center"
)
# The heads that take a "for" complement as part of the name but not an "of" one: "the Court of
# Appeals for the Third Circuit" is one court, "the Supreme Court of Canada" as often the court
# and the country
ORG_FOR_HEADS = ORG_OF_HEADS | _words("court")
# A broadcaster's medium after its name in capitals ("NBC TV", "BBC RADIO"): a description,
# not a part of the name, where the two are two pieces
MEDIUM_WORDS = _words("tv radio television online")
# The last words of a state's body that a nationality adjective begins ("the Chinese Foreign
# Ministry", "the French Embassy"): the adjective says whose, and the recogniser reads it apart
NATIONAL_BODY_HEADS = _words("ministry embassy consulate")

# -- dates ---------------------------------------------------------------------------------------

MONTH_NAMES = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
# month word (full, three letters, "sept") -> its number
MONTHS: dict[str, int] = {m: i for i, m in enumerate(MONTH_NAMES, 1)}
MONTHS.update({m[:3]: i for m, i in list(MONTHS.items())})
MONTHS["sept"] = 9

# -- what is not a name --------------------------------------------------------------------------

# Concepts that spaCy's small model tags as names: never entities on their own.
STOPLIST = _words(
    "ai a.i. ia ml it api apis seo llm llms nlp ar vr xr iot saas ceo cto cfo coo gdp faq pdf "
    "url html css ui ux gpu gpus cpu b2b b2c roi kpi esg covid like love dislike comments "
    "comment user share reply newsletter email"
)
# The points of the compass: before a word that ends an organization's name elsewhere, they make
# a region's name ("West Bank"); the recogniser's label still types "Western Union"
COMPASS_WORDS = _words(
    "north south east west northern southern eastern western northeast northwest southeast "
    "southwest"
)
# The last words of a competition's or an occasion's name ("the World Cup", "the Hong Kong Open",
# "the G20 summit"): an event, which the recogniser often labels an organization. Not "games"
# ("Epic Games") nor "league" ("Arab League", "Awami League"), which name organizations too.
EVENT_SUFFIXES = _words(
    "cup championship championships tournament trophy olympics olympiad prix open summit "
    "festival marathon"
)
# The last words of a league's name, a competition in a sports report ("the Champions League",
# "the Bundesliga"), where "league" names no body such as the "Arab League".
LEAGUE_WORDS = _words("league bundesliga liga")
# Time zones, which the recogniser reads as organizations in a time ("1100 GMT"): no names
TIME_ZONES = _words("gmt utc est edt cst cdt mst mdt pst pdt bst cet cest eet eest jst aest")
DETERMINERS = _words("the a an this that these those")
# a name's trailing possessive ("Meta's", "Northwind Labs'"), as tokens
POSSESSIVES = frozenset({"'s", "’s", "'", "’"})

# A political party's word, as the last word of a group spaCy labels NORP ("Republicans", "the
# Christian Democrats", "Labour", "a Democratic senator"): the party, an organization, as
# Re-DocRED and DWIE read them; not a religion ("Catholics"), which DWIE reads as none.
PARTY_NORP_WORDS = _words("republican democrat democratic conservative tory labour socialist")
# A party's name without the word "party" ("Christian Democratic Union", "Democratic
# Alliance", "Green League"): a word of a political creed before a head of these
# (kg.extract.types.party_name). Not "national" nor "workers", which name trade unions and
# leagues of sport too ("Harbor Workers Union").
PARTY_CREED_WORDS = _words(
    "democratic democrat social socialist communist conservative liberal labour republican "
    "green christian progressive"
)
PARTY_HEADS = _words("union alliance front movement league bloc rally coalition")
# A party's word as its members are called, as the adjective it is keyed by ("the Democrats",
# "a Democrat", "Democratic"; "the Social Democrats", "the Social Democratic Party"): news
# names one party by all of them (kg.resolve.keys.base_key)
PARTY_MEMBER_WORDS = {
    "democrat": "democratic",
    "democrats": "democratic",
    "republicans": "republican",
    "conservatives": "conservative",
    "tories": "tory",
    "socialists": "socialist",
}

# -- what says a name's type ---------------------------------------------------------------------

# Head nouns that say what a name is: "X, a foundational model", "X is a startup".
TYPE_NOUNS = {
    "Product": "model app application platform chip processor software service device phone "
    "smartphone tool system product assistant chatbot browser console game engine "
    "framework library language car vehicle drug vaccine satellite rocket aircraft "
    "plane laptop tablet camera robot operating".split(),
    "Organization": "company firm startup start-up lab laboratory organization organisation "
    "agency group team unit division subsidiary maker manufacturer developer "
    "corporation conglomerate bank university college school institute party "
    "club publisher broadcaster newspaper magazine tabloid daily weekly retailer airline "
    "carrier insurer "
    "regulator ministry department government giant provider consultancy "
    "nonprofit charity union association foundation".split(),
    "Person": "executive founder ceo chairman chairwoman president director researcher "
    "scientist engineer spokesman spokeswoman spokesperson analyst official minister "
    "senator governor mayor actor actress singer author writer player coach "
    "professor student lawyer judge economist journalist entrepreneur billionaire "
    "investor man woman boy girl son daughter wife husband mother father".split(),
    "Place": "city town village country state province region county capital island river "
    "mountain lake neighborhood neighbourhood suburb district area".split(),
}
# Nouns of places whose "of" or a name before them names the place: "a hamlet in the town of
# Guilderland", "a village in the U.S. state of Oregon", "a town in the Lazio region".
DIVISION_NOUNS = frozenset(TYPE_NOUNS["Place"]) - {"capital", "river", "mountain", "lake"} | _words(
    "municipality borough prefecture canton commune governorate oblast territory parish "
    "township emirate hamlet community settlement locality"
)
# noun -> type (a noun in two lists takes the later)
NOUN_TYPE = {noun: t for t, nouns in TYPE_NOUNS.items() for noun in nouns}
# More kind nouns that say what a name is only where the text describes the name by them, in
# apposition or after "be" ("Volvo, the carmaker", "Halden, a port", "Kari Berg, a
# footballer"); apart from TYPE_NOUNS, whose words also make a lone word no name and a plural
# a role ("King", "Brewer" and "Commission" are names too).
KIND_NOUNS = {
    "Organization": "carmaker automaker chipmaker drugmaker steelmaker planemaker shipbuilder "
    "refiner lender brokerage utility exporter supplier distributor wholesaler "
    "operator band orchestra council committee commission bureau side outlet".split(),
    "Person": "musician politician diplomat banker businessman businesswoman footballer "
    "striker midfielder goalkeeper athlete cyclist boxer novelist poet painter composer "
    "rapper guitarist pianist comedian photographer architect historian philosopher "
    "physician surgeon doctor teacher prosecutor activist lawmaker legislator ambassador "
    "envoy commander soldier priest bishop king queen prince princess emperor "
    # a person by what he leads, knows or does ("X, the head of the institute", "Y, an expert
    # on Iran", "the cleric X", "his French counterpart Z")
    "leader head chief boss expert counterpart strongman deputy colleague editor critic "
    "scholar curator lobbyist counsel cleric imam rabbi pastor preacher dancer "
    "filmmaker designer inmate attacker hijacker dj superstar".split(),
    "Place": "port seaport harbour harbor municipality borough metropolis hamlet commune "
    "prefecture canton peninsula valley republic kingdom emirate hotel stadium arena "
    "airport settlement township".split(),
    # works, occasions and vessels, which the recogniser often labels organizations ("X is a
    # 2004 film", "the novel X", "X was a battle")
    "Work": "album song single film movie novel book series show sitcom documentary opera "
    "musical poem episode painting sculpture strip".split(),
    "Event": "battle tournament festival championship".split(),
    "Product": "ship boat vessel submarine destroyer frigate cruiser".split(),
}
# noun -> type of a describing noun: TYPE_NOUNS' and KIND_NOUNS'
KIND_TYPE = NOUN_TYPE | {noun: t for t, nouns in KIND_NOUNS.items() for noun in nouns}
# Products' nouns that are callings too ("former model Ty Pennington"): written as a title
# before a name the recogniser read as a person's they say a person ("Kestrel, a language
# model" is still a product).
CALLING_PRODUCT_NOUNS = _words("model assistant")
# Verbs whose object is usually a product ("Samsung unveiled the Galaxy Fold").
PRODUCT_VERBS = _words(
    "release unveil launch ship debut introduce roll announce update upgrade deploy train"
)
# Nouns a product name is the compound of ("the Muse Spark release").
PRODUCT_EVENT_NOUNS = _words("release launch rollout")
# Verbs whose subject is usually an organization ("Globex acquired Initech").
ORG_SUBJECT_VERBS = _words(
    "acquire hire employ merge lay sue invest headquarter manufacture ship list"
)
# Verbs of buying whose subject is an organization where the object is a company ("Siemens
# agreed to buy software maker Altair"; kg.extract.type_cues.buys_company).
BUY_VERBS = _words("buy purchase acquire")
# Stock exchanges' codes a listed company's ticker is written with ("Acme Corp (NYSE: ACME)").
EXCHANGES = _words(
    "nyse nasdaq amex lse lon tsx asx hkex tse tyo xetra fra etr epa sgx bse nse krx otc"
)
# Verbs whose agent ("by" X) is usually an organization: "first published by Parresia",
# "manufactured by Pegaso", "operated by Fraport". Not "produced", "owned", "run", "sponsored"
# or "founded by", said of persons as often.
ORG_AGENT_VERBS = _words("publish manufacture operate distribute broadcast")
# Honorifics that only ever precede a person's name, inside the name the recogniser read ("Ms
# Ilves", "Dr Rand") or before it: the name is a person's, whatever its label. Not the titles
# that also begin names of things ("King", "Prince", "President" in "Prince Edward Island",
# "Burger King", "President Hotel").
COURTESY_TITLES = _words("mr mrs ms miss dr prof sir dame madame monsieur mme mlle frau herr")
# Verbs of speech whose subject, in news, is mostly a person ("Ilves told reporters", "Rand
# added"); organisations say and tell too ("Ford said"), so their vote is weighed (defaults).
SPEAKER_VERBS = _words("say tell add")
# Verbs of where someone is, goes or comes from, whose "in" or "from" names a place ("arrived in
# Tartu", "was born in Tartu", "returned from Tartu"). Not every verb: "starred in", "competed
# in", "resigned from" name works, events and organisations.
PLACE_VERBS = _words(
    "arrive return travel fly live bear die base locate headquarter situate reside settle stay "
    "grow raise flee evacuate land"
)
PLACE_PREPOSITIONS = _words("in from")
# Prepositions before a town's name that say a place, not a team, in a sports report ("the
# final in Berlin", "a striker from Bremen", "a camp near Munich").
SITE_PREPOSITIONS = _words("in at from near outside inside across throughout around")
# Verbs whose object is usually a person ("Acme appointed Jane Doe").
PERSON_VERBS = _words("appoint hire name elect nominate promote fire marry interview arrest kill")
# What a company has and others seldom do, said of it by a possessive ("Ford's chief
# executive", "Toyota's sales"), as a compound ("Shell shares") or with "of"/"in" ("shares of
# Ford", "a stake in Daimler"; the first six only). Lemmas ("executive" of "chief executive").
COMPANY_NOUNS = _words(
    "share stock stake shareholder stockholder subsidiary executive ceo cfo chairman "
    "earnings revenue profit sale dividend takeover"
)
COMPANY_OF_NOUNS = _words("share stock stake shareholder stockholder subsidiary")
# Those who speak for a body: the places of what they report are not their homes
# (kg.extract.parties), and what they say is the body's.
SPOKESPEOPLE = _words("spokesman spokeswoman spokesperson")
# Who speaks or acts for a body, written right after its name ("a Deutsche Telekom spokesman",
# "Baltic Yards chief executive Peeter Kask"): the name is the body's, unless the recogniser
# read a person's ("a Clinton spokesman"). Not by a possessive: "Putin's spokesman" is a
# person's.
# "boss" too: news writes "Haribo boss Hans Riegel" of a company's head, as it does a team's
# manager's ("Chelsea boss"), never a country's.
SPOKESMAN_NOUNS = SPOKESPEOPLE | _words("executive ceo cfo chairman chairwoman boss")
# Nouns of what a body says in, on a speech verb ("Deutsche Telekom said in a statement"):
# bodies speak so more often than persons, who are quoted.
STATEMENT_NOUNS = _words("statement release filing communique communiqué")
# Works and sites a town's name is the compound of ("the sale of the Tromso mill"), which the
# recogniser often reads as a company's: the town's, where the town list knows the name.
SITE_NOUNS = _words("mill plant factory refinery smelter shipyard port airport harbour harbor")
# Words that bring in examples of a kind: "films such as Up and Zootopia", "Google apps,
# including Gmail", "bands like Horcas" (the kind noun before them says what each name is).
EXAMPLE_WORDS = _words("as including like")
# The words of a legislature's own name, as its country writes it ("the Bundestag", "the
# Knesset", "the Lok Sabha", "the National Assembly"): a state's body, an organization, which
# spaCy labels a product or a place where the word is one it does not know.
LEGISLATURE_WORDS = _words(
    "parliament legislature senate assembly bundestag bundesrat landtag duma knesset "
    "sejm senat riksdag storting stortinget folketing althing alþingi eduskunta majlis dail dáil "
    "seanad oireachtas congreso rada sabha khural jirga shura"
)
# Nouns of code that a language's name before them says the language of: "PHP code", "Python
# programmers", "a Java compiler". spaCy labels such a name an organization; kg types a
# language as it types "X, a programming language": a product. Not "program", "developer" nor
# "website": "a National Guard program", "a land developer", "the Dominion Post website".
CODE_NOUNS = _words(
    "code codebase script scripts programmer programmers programming coder coders compiler "
    "interpreter syntax"
)
# Nouns of what is written in a language: "software written in PHP", "a site built with PHP".
PROGRAM_NOUNS = CODE_NOUNS | _words(
    "program software app application website site library framework module plugin backend"
)
# Verbs that say a program is made in a language: "written in PHP", "built with Kotlin".
CODE_VERBS = _words("write rewrite code program build develop implement port")
# Nouns a nationality word said of them makes a language: "the Greek word", "the Hindi
# language", "its French name" (not "a French writer", the people's).
LANGUAGE_NOUNS = _words("language word term name spelling translation version dialect")
# Verbs a nationality word is the object of as a language: "spoke Romanian as his first
# language", "learnt Greek", "teaches French" (not "fought the French", the people).
LANGUAGE_VERBS = _words("speak learn teach")
# Verbs whose past participle, hung on a name with its maker after "by", says a work: "Big Easy
# Express, directed by Emmett Malloy", "Gardenia was directed by Domenico Paolella"; and
# "starring" ("Robot Jox, starring Gary Graham"). Not "founded", "owned", "run", "led", said
# of bodies, nor "written", said of laws and letters too.
WORK_VERBS = _words("direct star compose choreograph film")
# Nouns a publisher's or an agency's name is the compound of: "the Bild newspaper", "Der
# Spiegel magazine", "the dpa news agency" (not of a place's: "a Berlin daily").
MEDIA_NOUNS = _words("newspaper magazine daily weekly tabloid broadcaster agency")
# The function words a headline in title case may leave in lower case ("Terrorism Tops the
# Agenda in Warsaw"): the rest of its words begin with a capital.
HEADLINE_SMALL_WORDS = _words(
    "a an the and or but nor of in on at to for by with from as vs via into over per than"
)
# The marks that may open a sentence before its first word ("\"Lamps will become obsolete,\"
# he said"): the word is still first in it.
OPENING_QUOTES = frozenset({'"', "“", "‘", "'", "«", "„", "``"})
# A paper's words that news writes as adjectives right before its name ("the German weekly
# Focus", "French daily Le Monde"), which the parser reads as modifiers of the name.
PRESS_WORDS = _words("daily weekly monthly tabloid newspaper magazine")
# A winner's words an award's name is the modifier of ("a two-time Oscar winner", "the
# Grammy-winning singer", "two Tony awards"); not "nominee" nor "nomination" ("a Trump
# nominee" is the person's choice).
AWARD_WORDS = _words("winner winners winning laureate laureates award awards prize prizes")
# A place's name used for its sports team, by the words around it: the team's people
# ("Stuttgart coach", "his Nuremberg squad"), what a match ends in ("a win over Nuremberg",
# "Hamburg's loss to Hanover", "a draw against Wolfsburg") and the verbs of beating ("Dortmund
# beat Schalke", "Freiburg were beaten by Unterhaching").
TEAM_NOUNS = _words(
    "coach keeper goalkeeper goalie striker midfielder defender squad fan supporter captain "
    "skipper forward winger playmaker teammate"
)
MATCH_NOUNS = _words(
    "win victory defeat loss draw match game derby fixture replay semifinal semi-final rout "
    "thrashing"
)
# Verbs whose subject and object are teams when both are places ("Dortmund beat Schalke");
# "lose" and "draw" only with a preposition ("lost to Hanover": "Detroit lost jobs").
MATCH_VERBS = _words("beat defeat thrash rout trounce outplay eliminate relegate")
MATCH_PREP_VERBS = MATCH_VERBS | _words("lose draw")
# Verbs whose object is a team when it is a place ("when they host Ingolstadt", "Bayern face
# Lille"); not their subject ("London hosted the Olympics", "Detroit faces bankruptcy").
MATCH_OBJECT_VERBS = _words("host face")
# The prepositions that join a match or a beating to the team on the other side.
MATCH_PREPOSITIONS = _words("against over to with versus vs vs. v v. by")
# Last words of names a number follows that are no score: "Highway 2", "Flight 17".
ROUTE_WORDS = _words("highway road route interstate street avenue flight line channel")
# Nouns right before a name that say it is a team: "relegated side Bochum", "rivals Dortmund".
TEAM_TITLES = _words("side club rivals archrivals champions opponents")
# Nouns a name is the compound or possessive of only as a team's, besides TEAM_NOUNS:
# "Bayern player Arjen Robben", "Chelsea manager Jose Mourinho" ("a fund manager" describes a
# person: not a sign of a sports report, as TEAM_NOUNS are).
TEAM_OWNED_NOUNS = TEAM_NOUNS | _words("player manager")
# Nouns of a team's players: the name before one, its possessive or its "for" or "of" is the
# team the person plays for ("Dortmund keeper X", "Real Madrid midfielder X", "X, a striker
# for Bayern") (kg.extract.roles.players). Not "captain" ("Army Captain X") nor a coach's.
PLAYER_NOUNS = _words(
    "player keeper goalkeeper goalie striker midfielder defender forward winger playmaker "
    "attacker quarterback pitcher"
)
# Verbs whose "for" names the team the subject plays for: "scored for Hamburg", "signed for
# Everton", "plays for Bayern" (kg.extract.verbs; kg.extract.type_teams: a place's name there
# is a team's).
PLAYING_VERBS = _words("score play sign")
# A team's captain's nouns: "Schalke captain X" is a player of the team, where the report uses
# the name for a team elsewhere too (not "Army Captain X"; kg.extract.roles.team_facts).
CAPTAIN_NOUNS = _words("captain skipper")
# A noun a name is the compound of as a team's only, not its possessive nor with "of": "a
# weakened Barcelona side"; not "Edmonton's northeast side", "the Gaza side of the border".
TEAM_SIDE_NOUNS = _words("side")
# The words between two teams of a fixture ("Bayern Munich vs. Ingolstadt"); not the law's "v."
# of a case ("Taylor v. Illinois").
VERSUS = _words("vs vs. versus")
# A first or last word of a multi-word name that makes it a sports club's, whichever place it
# holds: "Borussia Dortmund", "Dynamo Kyiv", "FC Porto", "Leeds United", "Tottenham Hotspur".
# Not "City" ("Manchester City" but "Quebec City") nor "Athletic" alone.
CLUB_FIRST_WORDS = _words(
    "fc afc cf sc sv tsv vfb vfl borussia dynamo dinamo atletico atlético sporting olympique "
    "eintracht werder hertha lokomotiv spartak"
)
CLUB_LAST_WORDS = _words("fc afc cf united hotspur rovers wanderers albion")

# -- what a fact's words say ---------------------------------------------------------------------

# Relative pronouns: "Lisa Chan, who leads Helix Labs" stands for the name it hangs from.
RELATIVE = _words("who which that whom")
# "the company", "the firm": the organization the text was just talking about.
COREF_NOUNS = _words(
    "company firm giant group startup corporation conglomerate organization organisation "
    "business maker lab laboratory "
    # the trade news names a company by ("joined the Ohio-based retailer", "the carmaker said")
    "retailer carmaker automaker airline lender insurer manufacturer supplier broadcaster "
    "publisher brewer miner chipmaker drugmaker"
)
# Nouns that a company's name before them leaves as that company ("the Rollei company", "the
# Acme firm"); not "unit", "group" or "division", which name a part ("the Acme unit").
NAMED_BODY_NOUNS = _words("company firm corporation")
# The last words of a unit's name ("TBD Lab", "Reality Labs", "the Azure Division"): a unit an
# organization founds is part of it.
UNIT_WORDS = _words("lab labs laboratory laboratories division unit")
# Verbs of founding whose object may be their conjunct's ("founded and runs Acme").
FOUNDING_VERBS = _words("found cofound co-found establish create start build")
# Verbs whose passive subject is a body, not a person nor a work ("X was founded in 1985",
# "was incorporated in Delaware"; kg.extract.types): not "created" or "built", said of works.
FOUNDED_VERBS = _words("found cofound co-found establish incorporate")
# Nouns of an organization's head office ("Acme's Leeds headquarters").
HEADQUARTERS_NOUNS = _words("headquarters hq")
# Inflected forms of "lead", "head" and "run" read from the words where the parse goes astray.
LEAD_FORMS = _words("leading leads led heading heads headed running runs ran")
# Adverbs that hedge a statement ("reportedly acquired").
HEDGE_WORDS = _words(
    "reportedly allegedly possibly perhaps probably likely apparently supposedly rumored "
    "rumoured maybe"
)
# Modal auxiliaries that hedge the verb they serve ("may acquire").
MODALS = _words("may might could would should must")
# Verbs that hedge the statement they govern ("plans to acquire", "denied that it hired").
HEDGE_VERBS = _words(
    "plan expect aim hope intend seek want try consider propose rumor rumour report say claim "
    "deny refuse"
)
# Of those, and beyond them, the verbs that negate what they govern ("declined to join").
NEGATING_VERBS = _words("deny refuse decline fail")
# Words that negate the verb they hang from, whatever their dependency label.
NEGATION_WORDS = _words("never no")
# Subordinators that make a statement a condition ("if Acme buys Initech").
CONDITIONAL_MARKS = _words("if unless whether")

# -- times and events ----------------------------------------------------------------------------

# "one year after X appointed Y": the clause's time is a length before or after the time of the
# clause it hangs from (+1 after: the event came earlier than the main clause by the length).
TIME_MARKS = {"after": -1, "before": 1}
# Units of a length of time ("one year", "18 months") and the precision a date shifted by one
# keeps; number words a length is written with.
TIME_UNITS = {"year": "year", "month": "month", "week": "day", "day": "day"}
NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "several": None, "few": None, "some": None,
}  # fmt: skip
# Verbs whose time is when a state began ("hired in 2019": employed since then) or ended ("left
# in 2020": employed until then); for other verbs the time is when the fact held.
BEGINNING_VERBS = _words(
    "appoint name hire tap recruit promote elect nominate join found cofound co-found "
    "establish form start create launch acquire buy purchase become succeed replace move "
    "relocate marry wed settle"
)
ENDING_VERBS = _words(
    "leave quit resign retire depart exit step fire oust dismiss sack sell divest"
)
# Verbs of appointing someone to a post ("Acme appointed Jane Doe as chairman"): an organisation
# as their subject is what the post is of.
APPOINTING_VERBS = _words("appoint name hire tap recruit promote elect nominate choose select")
# Verbs of leaving a post ("resigned from Acme", "stepped down as chief executive"): the
# employment they end is recorded with status "ended".
DEPARTURE_VERBS = _words("leave quit resign retire depart exit step")
# Verbs and nouns of buying ("agreed to buy", "completed its acquisition of"), and the verbs
# that say how far a purchase has got: announced ("plans to buy", "offered to buy"), agreed
# ("agreed to buy", "signed a deal to buy") or completed ("completed the purchase").
ACQUISITION_VERBS = _words("acquire buy purchase")
ACQUISITION_NOUNS = _words("acquisition takeover purchase buyout")
STAKE_NOUNS = _words("stake share interest holding")
ANNOUNCED_VERBS = _words(
    "announce plan propose offer bid seek intend aim want consider explore move expect launch"
)
AGREED_VERBS = _words("agree sign reach strike approve")
COMPLETED_VERBS = _words("complete close finalize finalise finish conclude")
# Verbs of selling what a deal noun names ("plans to sell its stake in"): the seller's stake is
# no purchase, and whether it still holds it is the sale's business, so no fact is read.
SELLING_VERBS = _words("sell divest offload dispose trim reduce cut unload")
# Verbs that hold what they name ("owns a 10% stake"): a stake held is a completed purchase.
HOLDING_VERBS = _words("own hold have control")
# Verbs of succession ("X succeeded Y", "X will replace Y as chief executive").
SUCCESSION_VERBS = _words("succeed replace")
# Verbs that bring a work or a product out ("the album was released in 1996 by Elektra
# Records", "the novel, published in 2001"): its publication date, and a record's label.
RELEASING_VERBS = _words("release publish")
# Verbs of acting in a work ("Berg starred in Dark Harbor", "the film stars Anna Berg").
STARRING_VERBS = _words("star costar co-star")
# Nouns of recorded music, whose releasing company is a record label ("the album", "a single").
RECORD_NOUNS = _words("album single song record ep lp mixtape track")
# The words near a quoted title that say it names a work (lemmas): a work's noun before it
# ("the song "X"", "his third novel "Y"", "a book entitled "Z"") or after it (""X" is a 1999
# single"). News puts quotation marks round much else that is title-cased: a body's name kept
# at arm's length (the "Islamic State"), a newspaper's, a slogan chanted.
TITLE_CUE_WORDS = (
    frozenset(KIND_NOUNS["Work"])
    | RECORD_NOUNS
    | _words(
        "title titled entitle entitled tale play hit composition work recording chart version "
        # the verbs a work's title is the object of ("recorded", "starred in", "released")
        "star costar co-star sing perform release publish exhibit exhibition"
    )
)
# The words between two quoted titles of one list ("X", "Y" and "Z").
LIST_JOINS = frozenset({",", ";", "and", "or", "&"})
# The recogniser's labels a quoted title keeps where it read the title exactly so; any other
# (a song read a person's or a date) gives way to the work's.
WORK_LABELS = frozenset({"WORK_OF_ART", "EVENT", "LAW", "PRODUCT"})
# Verbs of merging ("X merged with Y", "X merged into Y").
MERGER_VERBS = _words("merge combine")

# -- role nouns ----------------------------------------------------------------------------------

# role noun -> [(the fact's subject: "holder" or "org", predicates)], read as "X, the N of Y".
_LEADER = [("org", ("director_manager",)), ("holder", ("employer",))]
ROLE_NOUNS: dict[str, list[tuple[str, tuple[str, ...]]]] = {
    "ceo": [("org", ("chief_executive_officer",)), ("holder", ("employer",))],
    "founder": [("org", ("founded_by",))],
    "cofounder": [("org", ("founded_by",))],
    "co-founder": [("org", ("founded_by",))],
    "owner": [("org", ("owned_by",))],
    "student": [("holder", ("educated_at",))],
    "graduate": [("holder", ("educated_at",))],
    "alumnus": [("holder", ("educated_at",))],
    "member": [("holder", ("member_of",))],
    "wife": [("holder", ("spouse",))],
    "husband": [("holder", ("spouse",))],
    "son": [("org", ("child",))],
    "daughter": [("org", ("child",))],
    "subsidiary": [("holder", ("parent_organization",))],
    "unit": [("holder", ("parent_organization",))],
    "division": [("holder", ("parent_organization",))],
    "arm": [("holder", ("parent_organization",))],
    "affiliate": [("holder", ("parent_organization",))],
    # "X is part of Y", "X, the research lab of Y": an organization's unit, else a part
    "part": [("holder", ("parent_organization", "part_of"))],
    "lab": [("holder", ("parent_organization",))],
    "laboratory": [("holder", ("parent_organization",))],
    "branch": [("holder", ("parent_organization",))],
    "parent": [("org", ("parent_organization",))],
    "capital": [("holder", ("country", "located_in"))],
    "resident": [("holder", ("residence",))],
    "native": [("holder", ("place_of_birth",))],
}
# the nouns of those who lead an organization ("the chairman of Acme")
LEADER_NOUNS = (
    "chairman chairwoman chair president director head chief leader boss manager "
    "principal dean commissioner superintendent commander"
).split()
# the nouns of those who work for one ("a spokeswoman for Vantage Bank"), where no entry
# above says more
STAFF_NOUNS = (
    "spokesman spokeswoman spokesperson engineer researcher scientist analyst executive "
    "official employee reporter correspondent editor economist lawyer attorney adviser "
    "advisor officer vp staffer worker professor lecturer coach player secretary "
    "treasurer partner designer architect strategist programmer developer pilot anchor "
    "anchorman anchorwoman columnist commentator trader teacher nurse physician surgeon "
    "accountant consultant comptroller administrator inspector judge lobbyist"
).split()
for _n in LEADER_NOUNS:
    ROLE_NOUNS[_n] = _LEADER
for _n in STAFF_NOUNS:
    ROLE_NOUNS.setdefault(_n, [("holder", ("employer",))])

# Offices of a state: "X, the Premier of China", "Australia's Minister for Trade X", "X was
# President of Panama". The holder of one of a country is its citizen; the head of state's and
# the head of government's offices say that too (kg.extract.roles.state_offices).
STATE_OFFICES: dict[str, tuple[str, ...]] = {
    "president": ("head_of_state",),
    "king": ("head_of_state",),
    "queen": ("head_of_state",),
    "monarch": ("head_of_state",),
    "emperor": ("head_of_state",),
    "premier": ("head_of_government",),
    "chancellor": ("head_of_government",),
    "minister": (),
    "ambassador": (),
}
# "Prime Minister": a minister who heads the government.
PRIME_WORDS = _words("prime")
# Words before an office that make its holder another than its head ("vice president",
# "deputy prime minister", "the president's chief of staff" is another noun).
DEPUTY_WORDS = _words("vice deputy assistant associate")

# -- killings -----------------------------------------------------------------------------------

# Nouns of the dwelling a person lives in, whose place says where they live ("died at his home
# in Larchmont", "agents arrived at Sohn's New Jersey home") (kg.extract.residence).
HOME_NOUNS = _words("home house apartment residence")
# Nouns of a person's trade or office that a town's name before them says where the person
# lives ("Richard Taylor, an Atlanta architect", "Louisiana Gov. Earl Long", "a Dayton woman",
# "Tempe plastic surgeon Richard Pavese") (kg.extract.residence). Not "native" (a place of
# birth) nor "resident" (the role nouns read it), nor an envoy's ("the Moscow ambassador"
# lives abroad).
LOCAL_PERSON_NOUNS = _words(
    "man woman boy girl teenager youth homeowner farmer rancher businessman "
    "businesswoman architect lawyer attorney doctor physician surgeon dentist "
    "teacher professor banker merchant restaurateur "
    "grocer jeweler pharmacist nurse minister pastor priest rabbi artist painter "
    "sculptor photographer composer musician singer writer author poet novelist "
    "correspondent columnist journalist reporter official officer policeman "
    "detective firefighter sheriff mayor gov governor sen senator rep representative "
    "congressman congresswoman assemblyman legislator lawmaker councilman councilwoman "
    "alderman commissioner superintendent judge magistrate prosecutor politician activist leader "
    "executive industrialist millionaire philanthropist consultant "
    "accountant engineer economist"
)
# Nouns of one who killed ("Lincoln's assassin, John Wilkes Booth", "the killer of Jane Doe").
KILLER_NOUNS = _words("assassin killer murderer slayer")
# Nouns of a killing, whose "of" names who was killed ("the assassination of Jane Doe").
KILLING_NOUNS = _words("assassination murder killing slaying")
# Words before "death" that make it a killing ("the shooting death of Jane Doe").
VIOLENT_DEATH_WORDS = _words("shooting stabbing beating strangling strangulation bludgeoning")
# Verbs that wound, which kill where the sentence says the wound was fatal ("was fatally shot",
# "stabbed to death", "shot dead", "beaten to death"); "X shot Y" alone wounds as often as it
# kills, and "beat" alone is a win.
WOUNDING_VERBS = _words("shoot stab beat bludgeon club hack knife gun")
# The words on a verb of wounding that make the wound fatal ("fatally shot", "shot Doe dead");
# "to death" is read as a phrase.
FATAL_WORDS = _words("fatally mortally dead")
# Things fired, thrown or planted whose relative clause's killing is the firer's: "X fired the
# shots that killed Y", "X planted the bomb that killed Y".
MISSILE_NOUNS = _words("shot bullet round bomb grenade")
FIRING_VERBS = _words("fire plant throw detonate hurl set")
# Verbs of the courts and police whose subject (or passive subject) is who did what the noun
# or gerund after them names: "X was convicted of murdering Y", "X was charged with the murder
# of Y", "X pleaded guilty to killing Y".
ACCUSING_VERBS = _words(
    "convict charge accuse indict sentence arrest try jail imprison hang execute suspect "
    "blame commit confess admit plead find prosecute"
)
# Words of killing on the parse's path between a killer and the one killed, which the
# relation model's killing needs (kg.extract.parties): the verbs and nouns of killing and of
# wounding, and of firing a shot ("X opened fire on Y's motorcade", "X fired the shots that
# killed Y").
KILLING_PATH_WORDS = (
    KILLER_NOUNS
    | KILLING_NOUNS
    | WOUNDING_VERBS
    | MISSILE_NOUNS
    | VIOLENT_DEATH_WORDS
    | _words("kill murder assassinate slay strangle execute fire gunfire gunman death")
)
# Of those, the words of the deed, not of the doer: a verb's "in the slaying" tells it, "on the
# assassin" does not ("Perry operated on Kennedy's assassin").
KILLING_EVENT_WORDS = KILLING_PATH_WORDS - KILLER_NOUNS - _words("gunman")
# Verbs the path between a killer and the one killed may pass besides words of killing: the
# courts' (ACCUSING_VERBS), being, and taking part ("conspired with X in the killing of Y").
KILLING_PATH_VERBS = ACCUSING_VERBS | _words(
    "be conspire plot order plan attempt help hire open carry serve"
)
# Nouns of one person named by another's possessive ("Dole's wife, Elizabeth", "Kennedy's
# assassin", "Warner's lawyers"): where the sentence places them, it places them, not the
# possessor (kg.extract.parties).
OTHER_PERSON_NOUNS = (
    KILLER_NOUNS
    | _words(
        "wife husband son daughter mother father brother sister widow widower child parent "
        "grandson granddaughter nephew niece cousin uncle aunt fiancee fiance spouse friend "
        "lawyer attorney client aide assistant adviser advisor bodyguard representative envoy "
        "deputy successor predecessor biographer"
    )
    | SPOKESPEOPLE
)
# Verbs of the courts that say the one they name did not do it ("was acquitted of killing Y").
ACQUITTING_VERBS = _words("acquit clear exonerate")

# -- quotations ----------------------------------------------------------------------------------

# Verbs whose subject is a speaker and whose clause or adjoining quotation is what was said:
# "said", "told Reuters", "added", "warned that ...". Lemmas, as the parse gives them.
SPEECH_VERBS = _words(
    "say tell add state claim announce warn insist explain note stress argue declare assert "
    "comment confirm admit acknowledge emphasise emphasize reply respond write tweet post "
    "caution predict promise vow pledge suggest complain conclude recall report urge concede "
    "remark observe maintain contend allege reiterate quip ask point "
    # reporting verbs of the same kind that news uses for speech, with a clause or beside
    # quoted words: "denied that", "revealed that", "assured him that", '"...," she countered'
    "deny reveal disclose counter retort answer assure inform testify mention "
    "underline underscore recount exclaim affirm reaffirm repeat lament boast indicate highlight "
    "forecast "
    # a clause's verbs of news copy as well: "later clarified that", "the group charges that",
    # "joked that"
    "clarify charge joke"
)
# Speech verbs whose object, right after them, is never a thing said to someone ("told
# reporters", "asked the court"): a verb with a subject inside it is a clause the parse took
# for the object ('said the board had "blindly" accepted ...'; kg.extract.statement_clauses)
CLAUSE_SPEECH_VERBS = _words("say add state claim warn insist argue")
# Pronouns that stand for a named speaker before them, by the type of entity each fits:
# "he said" is the nearest person named before, "it said" the nearest organisation; "him"
# and "her" speak only after "according to" ("According to him, the talks failed").
SPEAKER_PRONOUNS = {
    "he": "Person",
    "she": "Person",
    "it": "Organization",
    "him": "Person",
    "her": "Person",
}
# Titles the recogniser runs into one name between a body's name and a person's ("Siemens
# Chief Executive Roland Busch", "Acme Chairman Jane Doe"; kg.extract.cuts.title_pieces): the
# words that open such a title, and those that may go on with it.
INNER_TITLE_OPENERS = _words(
    "chief ceo cfo coo cto chairman chairwoman chair president vice director minister "
    "secretary spokesman spokeswoman founder co-founder cofounder governor mayor senator "
    "ambassador commissioner managing deputy"
)
INNER_TITLE_WORDS = INNER_TITLE_OPENERS | _words(
    "executive officer financial operating technology general prime foreign finance"
)
# Subject pronouns of a statement's clause bound to its speaker ("Acme said it would buy
# Initech": Acme buys), by the mention labels each fits (kg.extract.rules).
BOUND_PRONOUNS = {
    "he": ("PERSON",),
    "she": ("PERSON",),
    "it": ("ORG", "NAME"),  # a name the parse gave no label
    "they": ("ORG",),
    "we": ("ORG",),
}
# Nouns for one person of a nation that the demonyms of the places table lack ("the Briton
# said", "the Dutchman added"; kg.extract.speakers): a person named before, as "he" is.
NATION_PERSON_NOUNS = _words(
    "briton brit englishman englishwoman scotsman scotswoman welshman welshwoman irishman "
    "irishwoman frenchman frenchwoman dutchman dutchwoman"
)
# Words that say a person is a man or a woman when set right before the name ("Mrs Ilves",
# "chairwoman Kaspar", "his wife Anna") or in the appositive after it ("Ilves, a mother of
# two"): what "he" or "she" cannot stand for (kg.extract.speaker_gender). Only words whose
# gender news English keeps; not "chairman" or "spokesman", said of women too.
MALE_WORDS = _words(
    "mr mister sir lord herr monsieur king prince father son brother husband widower "
    "grandfather uncle nephew businessman congressman councilman sportsman boyfriend"
)
FEMALE_WORDS = _words(
    "mrs ms miss lady dame madame mme mlle frau queen princess mother daughter sister wife "
    "widow grandmother aunt niece businesswoman chairwoman spokeswoman congresswoman "
    "councilwoman sportswoman actress girlfriend"
)
# Nouns of those (and that) whose words are their organisation's: "a spokesman for Siemens
# said", "a Siemens statement said" is Siemens speaking (an official or a lawyer at Siemens
# speaks for himself).
SPOKESPERSON_NOUNS = SPOKESPEOPLE | _words("representative statement")
# Nouns of those that speak for the person they serve: "his office said", "Ruiz's campaign
# countered that ..." (a body's office, "the mayor's office", is the body's own)
SERVING_NOUNS = _words("office campaign")
# Bodies of a state that speak under their owner's name and no name of their own: "China's
# foreign ministry said", "the Israeli army said" (kg.extract.bodies); the head noun, or the
# last two words where the head alone says nothing ("central bank", "foreign office").
BODY_NOUNS = _words(
    "ministry embassy consulate army military police navy government cabinet parliament legislature"
)
BODY_PHRASES = frozenset({"central bank", "foreign office", "air force", "coast guard"})
# Adjectives that are part of a body's name ("the Swiss federal police", "China's central
# bank"), with PORTFOLIO_WORDS ("foreign", "interior"); any other ("new", "interim") is not
BODY_ADJECTIVES = _words("central federal national military municipal metropolitan")
# Of those, the bodies a city has of its own ("Sydney police"): any other a capital names
# is its country's ("Seoul's unification ministry", "Moscow's embassy")
CITY_BODIES = _words("police")
# Speech verbs that news sets before their speaker after quoted words ('"...," added the
# minister', '"...," wrote the professor'), whose object right after is then who spoke; not
# "told", "asked", "warned", whose object is the one spoken to.
INVERTED_SPEECH_VERBS = _words(
    "say add write explain note continue insist stress conclude admit reply recall"
)
# Kinds of body that "the NAME kind" calls the named body itself ("the ADAC automobile club",
# "the Yonhap news agency", "the Kestrel Shipping company"), not a part of it: "the UN refugee
# agency", "the EU body" and "the Siemens board" are not the UN, the EU or Siemens.
SELF_KINDS = _words(
    "company firm group club airline carrier railway broadcaster insurer retailer publisher "
    "bank corporation conglomerate charity giant"
)
# Nouns of the messages a speaker speaks in ("said in a statement it would ...", "said in a
# survey it had found ..."): a clause right after one, with no relative word, is what it says.
MESSAGE_NOUNS = _words(
    "statement interview survey letter release speech message post tweet briefing study"
)
# Verbs that put a message out, whose clause on the message is a relative one ("the
# statement it issued on Monday", "the letter he sent"), not what the message says
MESSAGE_MAKING_VERBS = _words("issue release publish post send give make write sign deliver")
# The places on the web a body posts its statements on: "a statement posted on the NATS
# website said" is NATS speaking (kg.extract.speakers)
WEB_NOUNS = _words("website site page account blog channel")
# The words before "agency" that make it a news agency, named by the name before them
NEWS_AGENCY_WORDS = _words("news press wire")
# Quotation marks: each opening mark with the closing marks it pairs with. A straight mark
# both opens and closes, and closes a curly one (copy mixes them: “...," he said); single
# marks are left out, as "’" is also the apostrophe.
QUOTE_MARKS = {"“": '”"', '"': '"”', "«": "»", "„": '“”"'}
# any mark that closes a quotation
CLOSING_QUOTE_MARKS = frozenset("".join(QUOTE_MARKS.values()))
# Marks a clause has and a work's title in quotation marks seldom does: a quoted span with one
# is a quotation, not a title (kg.extract.mentions._quoted_titles)
TITLE_BREAKS = frozenset({",", ";", ":", ".", "--", "—"})

# Role nouns that name a position held, with the name kg gives it ("WPP chief executive Martin
# Sorrell": position held "chief executive officer"); the words a position's name keeps from
# its noun phrase ("vice president", "managing director", "chief operating officer").
POSITION_NAMES = {"ceo": "chief executive officer"}
POSITION_WORDS = frozenset(LEADER_NOUNS) | _words(
    "officer secretary treasurer vice deputy assistant associate managing executive chief "
    "general senior financial operating technology technical marketing editorial acting "
    "interim co-chair"
)

# -- acronyms ------------------------------------------------------------------------------------

# Words that begin a surname of several words ("Le Pen", "Van Houten", "De Boer", "al-Momani"):
# such a surname, alone, is one person of its document only, as a one-word surname is.
NAME_PARTICLES = frozenset(
    "van von der den de del della di da das dos du la le bin ibn al el abu".split()
)
# The particles of NAME_PARTICLES that stand inside a person's name only: not the Romance ones,
# which join places' and organizations' names too ("Rio de Janeiro", "Banco del Estado")
PERSON_PARTICLES = frozenset({"van", "von", "bin", "ibn"})
# Words an acronym skips ("IMF" spells International Monetary Fund, "BoE" Bank of England).
ACRONYM_SKIP = frozenset({"of", "and", "the", "for", "&", "de", "la", "du", "des", "in", "on"})

# -- words that carry a date fact ----------------------------------------------------------------

# A date becomes a fact only when the parse attaches it to a word that says what happened then
# ("founded in 1998", "born on 27 October 1920", "its release in 2004"): lemmas, verbs and nouns.
DATE_TRIGGERS: dict[str, frozenset[str]] = {
    "inception": _words(
        "found cofound co-found establish form incorporate create launch open start set "
        "founding foundation establishment formation creation inception incorporation launch"
    ),
    "date_of_birth": _words("bear birth"),
    "date_of_death": _words("die death kill assassinate execute murder"),
    "publication_date": _words(
        "publish release issue premiere air debut launch publication release premiere debut"
    ),
    "start_time": _words("begin start open launch commence inaugurate beginning start opening"),
    "end_time": _words("end close finish conclude dissolve disband abolish closure end"),
    "point_in_time": _words("hold take occur happen stage win award sign"),
}
# Prepositions that mark a date as a start ("from 1990", "since 2004") or an end ("until 2010").
START_PREPOSITIONS = _words("from since")
END_PREPOSITIONS = _words("to until till through")
# The prepositions that attach a time qualifier to a fact's verb (kg.extract.times): a start
# as above ("since March"), an end as above but "to" ("until 2020"; "moved to 2021" is no end,
# where a date fact's "from 1990 to 2004" is a span), and, for the others, when the fact
# happened or held ("in 2019", "on Tuesday"); "by 2020" (a deadline) and "for three years" (a
# length) are not among them.
TIME_END_PREPOSITIONS = END_PREPOSITIONS - {"to"}
TIME_AT_PREPOSITIONS = _words("in on at during")
# Facts whose date may modify the noun the text describes the subject by: "X is a 2004 film",
# "the 2019 election".
DATES_ON_THE_KIND = frozenset({"publication_date", "point_in_time", "inception"})
# Facts whose date may hang on the subject's name itself: "Jane Doe (born 1950)", "Jane Doe
# (12 May 1920 - 3 June 1990)", an encyclopedia's way of giving a life's or a thing's span.
DATES_ON_THE_NAME = frozenset({"date_of_birth", "date_of_death", "start_time", "end_time"})

# -- a country tied to a name --------------------------------------------------------------------

# Facts whose object, when a country, needs the text to tie it to the subject (kg.extract.links).
# ("country" and "located_in" are not among them: a place's or a company's country is as often
# stated a sentence away, and requiring the tie cut their recall by a quarter to three quarters
# without raising their precision, on the tuning parts and on the held-out ones alike.)
COUNTRY_PREDICATES = _words("country_of_citizenship")
# "a citizen of France", "a native of Peru": nouns that tie a person to a country.
CITIZEN_NOUNS = _words("citizen national native resident subject")
# Verbs that place their subject where their object is ("is based in", "lives in", "was born in").
LINKING_VERBS = _words("be base locate headquarter situate bear live")

# -- organizations that are no employer ----------------------------------------------------------

# An "employer" fact whose object is named with one of these words is a membership: a party
# leader is a party member (member_of_political_party), a committee's chair a member of it.
PARTY_WORDS = _words("party")
MEMBERSHIP_BODY_WORDS = _words("committee subcommittee caucus parliament senate congress assembly")
# The nouns of a public office a place's name comes before ("Colorado Governor Richard Lamm",
# "U.S. President Joe Biden"): the place is the office's jurisdiction, no employer
# (kg.extract.offices). "attorney" only with
# "district" or "general", or a country's name ("U.S. Attorney"): "a Boston attorney"
# practises there.
OFFICE_NOUNS = _words(
    "president governor gov senator sen congressman congresswoman congressmember "
    "representative rep mayor supervisor sheriff councillor councilor councilman "
    "councilwoman councilmember alderman assemblyman assemblywoman assemblymember legislator "
    "lawmaker mp mep msp premier prosecutor comptroller attorney"
)
# Where "attorney" is an office: the words beside it ("District Attorney", "Attorney General")
PUBLIC_ATTORNEY_WORDS = _words("district general state's")
# The nouns of an elected member of a legislature: a party's name before one is the member's
# party ("the Labour MP"), a name after its "for" the seat ("MP for Newcastle Central").
# Not "representative" ("a Google representative" speaks for the company).
LEGISLATOR_NOUNS = _words(
    "mp mep msp mla senator sen congressman congresswoman congressmember assemblyman "
    "assemblywoman assemblymember lawmaker legislator councillor councilor councilman "
    "councilwoman"
)
# The nouns of one who lives in, or comes from, the place named before them ("Throgs Neck
# resident Dennise Laboy", "a Fargo native"): that name is a place, whatever its label.
RESIDENT_NOUNS = _words("resident residents native natives")
# What joins a university system's name to its campus's town ("University of California,
# Berkeley", "University of Texas at Austin"): the campus's own name (kg.extract.org_joins)
CAMPUS_LINKS = frozenset({",", "at"})
# The nouns a text calls an organization by, capitalised, once it has named it in full ("the
# Court" after "the Supreme Court", "the Commission", "the Party"): within a document, such a
# word joins the one organization's name there it ends (rule "head word").
ORG_HEAD_NOUNS = (
    frozenset(w for w in ORG_SUFFIXES if "." not in w)
    | MEMBERSHIP_BODY_WORDS
    | _words("legislature government ministry cabinet")
    # the bodies news calls by their noun as well once named ("the Muslim Brotherhood", then
    # "the Brotherhood"; "the Syrian Observatory for Human Rights", "the Observatory")
    | _words("brotherhood movement front alliance coalition league tribunal forum trust")
    | _words("observatory centre center")
)
# The nouns a text calls a body by once named only where they come before its complement:
# "the House" after "the House of Representatives" or "the House of Commons", not after "the
# White House" or "Random House" (rule "head word"; ``kg.resolve.shapes.head_nouns``).
COMPLEMENTED_HEAD_NOUNS = _words("house")

# The nouns a text calls an agreement or a law by once it has named it ("the Paris Agreement",
# then "the Agreement"; "the Treaty of Lisbon", "the Treaty"): a name of its document only, as
# an organization's noun is (rule "head word").
DOCUMENT_HEAD_NOUNS = _words("agreement treaty accord convention pact charter protocol")

# The words that begin an organization's complement ("the European Court of Human Rights",
# "the International Criminal Tribunal for the former Yugoslavia"): the words before it,
# two or more, are what a text calls the body once it has named it in full.
COMPLEMENT_WORDS = _words("of for")

# A state's bodies named by what they do, not whose they are ("the Interior Ministry", "the
# Supreme Court", "the Ministry of Foreign Affairs"): every country has one, so the name alone
# is no evidence that two documents mean the same body (``keys.generic_body``).
GENERIC_BODY_NOUNS = _words(
    "ministry department court council committee commission parliament senate congress "
    "assembly government cabinet police army navy bank agency office bureau service authority "
    "board legislature prosecutor tribunal"
)
GENERIC_BODY_WORDS = GENERIC_BODY_NOUNS | _words(
    "supreme constitutional high federal national central state interior foreign finance "
    "defence defense health justice education economy economic economics trade labour labor "
    "security intelligence electoral election appeals appeal district regional military public "
    "environment energy agriculture transport culture home treasury affairs internal general "
    "of the for and"
)

# Acronyms news uses without defining them, and the names they stand for: an acronym joins the
# name where a document names it, in any document (rule "acronym known"), as a definition
# would; a document that defines it as another name holds that meaning in itself only. Only
# international bodies and wire agencies whose acronym has no other common reading in news,
# none a country's code (tests/resolve/test_acronym_meanings.py checks each against pycountry).
KNOWN_ACRONYMS: dict[str, str] = {
    "eu": "European Union",
    "un": "United Nations",
    "nato": "North Atlantic Treaty Organization",
    "imf": "International Monetary Fund",
    "opec": "Organization of the Petroleum Exporting Countries",
    "unesco": "United Nations Educational, Scientific and Cultural Organization",
    "unicef": "United Nations Children's Fund",
    "unhcr": "United Nations High Commissioner for Refugees",
    "iaea": "International Atomic Energy Agency",
    "wto": "World Trade Organization",
    "ecb": "European Central Bank",
    "fifa": "Fédération Internationale de Football Association",
    "uefa": "Union of European Football Associations",
    "asean": "Association of Southeast Asian Nations",
    "osce": "Organization for Security and Co-operation in Europe",
    "oecd": "Organisation for Economic Co-operation and Development",
    "fbi": "Federal Bureau of Investigation",
    "cia": "Central Intelligence Agency",
    "nasa": "National Aeronautics and Space Administration",
    # the wire agencies news credits by their acronym and names in full elsewhere
    "ap": "Associated Press",
    "afp": "Agence France-Presse",
    "dpa": "Deutsche Presse-Agentur",
}
# Prefixes that make a nationality word deny it: "non-Dutch coaches", "non-EU citizens".
DENYING_PREFIXES = _words("non non- un-")
# Words that make a nationality word a people's, not a country's: "ethnic Hungarian
# parties", "an ethnic Russian" (of any citizenship).
ETHNIC_WORDS = _words("ethnic ethnically")
# The nationality words of nations of immigrants, after another that says a descent ("Somali
# American", "Italian Canadians"): the first names no country of the person (kg.extract.countries)
DESCENT_NATIONS = _words(
    "american americans canadian canadians australian australians brazilian brazilians"
)
# Continents, as kg's places table names them: no country, nor a place's administrative seat
# ("the smallest country in Africa" is on the continent: Wikidata's P30, not P17 or P131).
CONTINENTS = frozenset(
    {"Africa", "Antarctica", "Asia", "Europe", "North America", "South America", "Oceania"}
)
# Countries of kg's places table that lie in another ("Glasgow, Scotland, United Kingdom";
# "Hong Kong, China"), and former unions of countries ("Latvia, then part of the Soviet
# Union"): the only countries a "country" or "located in" fact may lead from or to between
# two countries.
COUNTRIES_WITHIN = frozenset(
    {
        "England", "Scotland", "Wales", "Northern Ireland", "Greenland", "Faroe Islands",
        "Hong Kong", "Macao", "Puerto Rico", "Guam", "Tibet", "Gibraltar", "Bermuda",
        "New Caledonia", "French Polynesia", "Aruba", "Curaçao", "Isle of Man", "Jersey",
        "Guernsey", "Kosovo", "Palestine", "Western Sahara",
    }
)  # fmt: skip
# Of those, the territories another state holds ("Fajardo, Puerto Rico"), whose places' country
# is that state's (Wikidata's P17: the United States): a place "in" one lies in it, but has it
# for no country. Not the United Kingdom's nations, which news calls countries, nor the Crown
# dependencies nor the disputed states.
DEPENDENT_TERRITORIES = frozenset(
    {
        "Puerto Rico", "Guam", "Greenland", "Faroe Islands", "Gibraltar", "Bermuda",
        "New Caledonia", "French Polynesia", "Aruba", "Curaçao", "Hong Kong", "Macao",
    }
)  # fmt: skip
FORMER_UNIONS = frozenset(
    {
        "Soviet Union", "Yugoslavia", "Czechoslovakia", "Serbia and Montenegro",
        "United Arab Republic", "Austria-Hungary", "Ottoman Empire", "Russian Empire",
    }
)  # fmt: skip


# -- page furniture ------------------------------------------------------------------------------

# The headings pages put over a box of links to other articles ("Related stories", "You may also
# like"), and the labels before one such link set in the article's column ("RELATED: <title>",
# "Read more: <title>"). Phrases, lower case; kg.ingest.furniture reads them as whole blocks.
RELATED_HEADINGS = (
    "related",
    "related stories",
    "related articles",
    "related posts",
    "related content",
    "related coverage",
    "related links",
    "related news",
    "related reading",
    "related topics",
    "related recipes",
    "related videos",
    "more stories",
    "more from",
    "more on this story",
    "more on this topic",
    "read more",
    "read next",
    "also read",
    "read also",
    "see also",
    "you may also like",
    "you might also like",
    "you may be interested in",
    "recommended",
    "recommended for you",
    "recommended stories",
    "most popular",
    "most read",
    "trending",
    "trending now",
    "editor's picks",
    "don't miss",
)
# The labels of those that set a link to another article (or its video, its podcast) in the
# article's column, before the linked title ("RELATED: <title>", "Watch: <title>"): a colon
# follows them.
RELATED_LABELS = (
    "related",
    "read more",
    "read next",
    "also read",
    "read also",
    "see also",
    "more",
    "read",
    "watch",
    "listen",
)
