"""Entity types as votes: spaCy's label gives one, and a name's own last word, the nouns that
describe it and the verbs around it give more, and so do the words that use a city's name for
its team or say a company; the trained type model moves a vote where it is sure. Resolution
sums the votes over all mentions of one thing.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING

from kg.defaults import (
    AWARD_VOTE,
    BRACKETED_ROWS,
    CITY_VOTE,
    COMPANY_VOTE,
    COUNTRY_VOTE,
    INITIAL_VOTE,
    LANGUAGE_VOTE,
    LIST_VOTE,
    LIST_WEAK,
    LONE_NAME_CUE,
    NOUN_VOTE,
    ORG_SUBJECT_VOTE,
    PARTICLE_VOTE,
    PERSON_VERB_VOTE,
    PLACE_PREPOSITION_VOTE,
    PRODUCT_VERB_VOTE,
    QUOTE_SPEAKER_VOTE,
    SPEAKER_VOTE,
    SPOKEN_FOR_VOTE,
    SUFFIX_VOTE,
    TEAM_VOTE,
    TEAMS_IN_REPORT,
    TITLE_VOTE,
    TOWN_VOTE,
    TYPE_MODEL_OTHER_SURE,
    TYPE_MODEL_SURE,
    TYPE_MODEL_WEIGHT,
    WORK_VOTE,
)
from kg.extract.features import mention_features
from kg.extract.records import RawMention
from kg.extract.tokens import Tokens
from kg.extract.type_cues import (
    awarded,
    buys_company,
    coded,
    dated,
    describing_nouns,
    from_town,
    in_towns,
    listed_with_towns,
    made_work,
    own_pronoun,
    owns_its,
    place_named,
    pressed,
    quote_speaker,
    sited,
    spoken,
    spoken_for,
    stated,
)
from kg.extract.type_teams import club_named, company, team
from kg.lexicon import (
    CALLING_PRODUCT_NOUNS,
    COMPASS_WORDS,
    COURTESY_TITLES,
    EVENT_SUFFIXES,
    EXCHANGES,
    FOUNDED_VERBS,
    HONORIFICS,
    KIND_TYPE,
    LEAGUE_WORDS,
    LEGISLATURE_WORDS,
    MEDIA_NOUNS,
    NOUN_TYPE,
    ORG_AGENT_VERBS,
    ORG_SUBJECT_VERBS,
    ORG_SUFFIXES,
    PARTY_CREED_WORDS,
    PARTY_HEADS,
    PARTY_NORP_WORDS,
    PERSON_PARTICLES,
    PERSON_VERBS,
    PLACE_PREPOSITIONS,
    PLACE_VERBS,
    PRODUCT_EVENT_NOUNS,
    PRODUCT_VERBS,
    ROUTE_WORDS,
    SITE_PREPOSITIONS,
    SPEAKER_VERBS,
    SPEECH_VERBS,
    TEAM_NOUNS,
)
from kg.names import name_key, places

if TYPE_CHECKING:
    from spacy.tokens import Span

# spaCy's entity label -> the type its vote goes to
LABEL_TYPES = {
    "PERSON": "Person",
    "ORG": "Organization",
    "GPE": "Place",
    "LOC": "Place",
    "NORP": "Place",  # "the Americans": the country, as Wikidata reads citizenship
    "FAC": "Place",
    "PRODUCT": "Product",
    "EVENT": "Event",
    "WORK_OF_ART": "Work",
    "LAW": "Work",
    "NAME": "Other",  # a run of proper nouns the recogniser left out: the type model types it
}
# the types the type model may move a vote to. "Other" too: a work, law, award, event or
# division that spaCy labels ORG or PERSON is no organization or person, and the model learns
# those from the names the benchmarks annotate as none of the three (on Re-DocRED 0-399 this
# took the precision of typed entities from 72.8 to 78.7, recall from 79.9 to 79.7)
MODEL_TYPES = ("Other", "Person", "Organization", "Place")


# The nationality words of the places table (name keys), each linked there to its country.
NATIONALITIES = frozenset(k for k, (_, kind) in places().items() if kind == "demonym")
# The large cities of the places table (name keys): a name of one is evidence of a place,
# except where spaCy read a person's name ("Charlotte", "Hamilton" are people too)
CITIES = frozenset(k for k, (_, kind) in places().items() if kind == "city")
# The countries' names and aliases (name keys): "Cameroon" or "United States" that spaCy labels
# ORG is the country (a government acting is read as its country, as Wikidata does)
COUNTRIES = frozenset(k for k, (_, kind) in places().items() if kind in ("name", "alias"))


def is_nationality(text: str) -> bool:
    """ "German", "Germans", "the Americans": a nationality, not a religious or political
    group ("Republicans", "Catholics"), which spaCy tags NORP alike."""
    t = " ".join(text.split()).casefold()
    t = t[4:] if t.startswith("the ") else t
    return t in NATIONALITIES or (t.endswith("s") and t[:-1] in NATIONALITIES)


def is_party(text: str) -> bool:
    """ "Republicans", "the Christian Democrats", "Democratic": a political party's word, which
    spaCy labels NORP as it does nationalities."""
    words = text.casefold().split()
    last = words[-1] if words else ""
    return last in PARTY_NORP_WORDS or (last.endswith("s") and last[:-1] in PARTY_NORP_WORDS)


def party_name(text: str) -> bool:
    """ "Christian Democratic Union", "Democratic Alliance": a party's name without the word
    "party", a word of a creed before a head a party's name ends with."""
    words = text.casefold().replace("'s", "").split()
    return (
        len(words) > 1
        and words[-1] in PARTY_HEADS
        and any(w in PARTY_CREED_WORDS for w in words[:-1])
    )


def label_votes(typ: str) -> Counter[str]:
    """One vote for ``typ`` (Counter's own constructor takes several times longer)."""
    votes: Counter[str] = Counter()
    votes[typ] = 1.0
    return votes


def leaning(m: RawMention) -> str:
    """The type a mention's own votes give it so far ("": no votes)."""
    return max(m.votes, key=m.votes.__getitem__) if m.votes else ""


def vote(m: RawMention, start: int, end: int, t: Tokens) -> None:
    """Type votes from the name's own last word (tokens ``start:end``) and the words around it."""
    key = name_key(m.text)
    if m.label != "PERSON":
        if key in CITIES:
            m.votes["Place"] += CITY_VOTE
        elif key in COUNTRIES:
            m.votes["Place"] += COUNTRY_VOTE
        if particled(start, end, t):
            m.votes["Person"] += PARTICLE_VOTE
        elif initialled(t.orth[start], end - start) and _surname_like(t.orth[end - 1]):
            m.votes["Person"] += INITIAL_VOTE  # a scorecard's "K. Curran", "M. McCague"
    last = t.lower[end - 1]
    if last in EVENT_SUFFIXES and end - start > 1:
        m.votes["Event"] += SUFFIX_VOTE  # "the World Cup", "the Hong Kong Open"
    # as strong as a describing noun; not in a country's name ("Soviet Union") nor after a
    # point of the compass alone ("West Bank")
    if (
        last in ORG_SUFFIXES
        and end - start > 1
        and key not in COUNTRIES
        and not all(w in COMPASS_WORDS for w in t.lower[start : end - 1])
    ):
        m.votes["Organization"] += SUFFIX_VOTE
    elif last in LEGISLATURE_WORDS:
        m.votes["Organization"] += SUFFIX_VOTE  # "the Bundestag", "the Lok Sabha": a state's body
    root = t.root(start, end)
    # a country's national team stays the country, as CoNLL and Wikidata's readers take it; a
    # person-labelled name is a team only where it holds a city ("Werder Bremen" beside "Seles
    # beat Graf")
    place = "Place" in m.votes or any(w in CITIES for w in key.split())
    if (club_named(t.lower[start:end]) and not known_place(key)) or (
        (m.label != "PERSON" or place)
        and key not in COUNTRIES
        and not is_nationality(m.text)
        and t.lower[end - 1] not in ROUTE_WORDS
        and not initialled(t.orth[start], end - start)
        and team(t, start, end, root, place)
    ):
        m.votes["Organization"] += TEAM_VOTE
        m.team = True
    elif key not in COUNTRIES and (company(t, root, key in CITIES) or ticker(t, end)):
        m.votes["Organization"] += COMPANY_VOTE
    elif key not in COUNTRIES and m.label != "PERSON" and spoken_for(t, root, end):
        m.votes["Organization"] += SPOKEN_FOR_VOTE  # "a Deutsche Telekom spokesman"
    if t.dep[root] == "compound" and t.lemma[t.head[root]] in MEDIA_NOUNS and not place:
        m.votes["Organization"] += NOUN_VOTE  # "the Bild newspaper"
    elif pressed(t, root, start):
        m.votes["Organization"] += NOUN_VOTE  # "the German weekly Focus"
    # "X, a foundational model" / "X is a startup" / "the startup X"
    for noun in describing_nouns(t, root, start, end):
        lemma = t.lemma[noun]
        m.kind = m.kind or lemma
        typ = KIND_TYPE.get(lemma)
        if typ == "Organization" and noun == start - 1 and m.label == "PERSON" and end - start > 1:
            # a maker's noun written as a title before a person's full name is his calling
            # ("automaker Henry Ford"), not what the name is ("the novel X" is a work); before
            # one word it says the company ("the sportswear maker Adidas")
            typ = NOUN_TYPE.get(lemma)
        elif lemma in CALLING_PRODUCT_NOUNS and noun == start - 1 and m.label == "PERSON":
            typ = "Person"  # "former model Ty Pennington"; not "Kestrel, a language model"
        if typ:
            m.votes[typ] += NOUN_VOTE
    if m.label == "ORG" and is_party(m.text):
        m.votes["Organization"] += NOUN_VOTE  # "the Social Democrats": the party's own word
    if place_named(t, root, end):
        m.votes["Place"] += NOUN_VOTE  # "the island of Santorini", "Kassongue province"
    if key not in CITIES and key not in COUNTRIES and listed_with_towns(t, root, known_place):
        m.votes["Place"] += TOWN_VOTE  # "offices in Harrogate, Hull, Sheffield and York"
    if end - start == 1 and is_nationality(m.text) and spoken(t, root):
        m.votes["Other"] += LANGUAGE_VOTE  # "written in French", "the Greek word"
    if m.label == "PERSON" and awarded(t, root, start, end):
        m.votes["Other"] += AWARD_VOTE  # "won an Oscar", "a two-time Oscar winner"
    if coded(t, root):
        m.votes["Product"] += NOUN_VOTE  # "PHP code", "written in PHP": a language, a product
    if dated(t, end) or made_work(t, root):
        m.votes["Work"] += WORK_VOTE  # "Cycle (2008)", "X, directed by Y"
    head, dep, pos, lemma_ = t.head[root], t.dep[root], t.pos, t.lemma_
    if dep in ("dobj", "nsubjpass") and pos[head] == "VERB":
        if lemma_[head] in PRODUCT_VERBS and not any(
            t.dep[c] == "prep" and t.lower[c] == "from" for c in t.children[head]
        ):
            m.votes["Product"] += PRODUCT_VERB_VOTE
        elif lemma_[head] in PERSON_VERBS:
            m.votes["Person"] += PERSON_VERB_VOTE
    if (
        dep == "nsubjpass"
        and lemma_[head] in FOUNDED_VERBS
        and LABEL_TYPES[m.label] not in ("Place", "Work")
        and not initialled(t.orth[start], end - start)
    ):
        m.votes["Organization"] += ORG_SUBJECT_VOTE  # "Altair was founded in 1985"
    # "agreed to acquire", "plans to hire": the subject of the verb the infinitive completes
    if (
        dep == "nsubj"
        and pos[head] == "VERB"
        and (
            lemma_[head] in ORG_SUBJECT_VERBS
            or buys_company(t, head)
            # a place's government has "its" reaction too ("the Islamic Republic will announce its")
            or (owns_its(t, head) and LABEL_TYPES[m.label] != "Place")
            or any(t.dep[c] == "xcomp" and lemma_[c] in ORG_SUBJECT_VERBS for c in t.children[head])
        )
    ):
        m.votes["Organization"] += ORG_SUBJECT_VOTE
    elif (
        dep == "pobj"
        and t.dep[head] == "agent"
        and lemma_[t.head[head]] in ORG_AGENT_VERBS
        and key not in COUNTRIES
    ):
        m.votes["Organization"] += ORG_SUBJECT_VOTE  # "first published by Parresia"
    if dep == "compound" and t.lemma[head] in PRODUCT_EVENT_NOUNS:
        m.votes["Product"] += PRODUCT_VERB_VOTE
    if titled(start, end, t):
        m.votes["Person"] += TITLE_VOTE
    if dep == "nsubj" and pos[head] == "VERB" and lemma_[head] in SPEECH_VERBS:
        own = own_pronoun(t, head)  # "Siemens said it would ...": the speaker is no person
        # (a person's "it" is something else: "Busch said it would close the deal")
        if own == "it" and m.label in ("ORG", "NAME"):
            m.votes["Organization"] += ORG_SUBJECT_VOTE
        elif lemma_[head] in SPEAKER_VERBS and not stated(t, head):
            # "Ilves told reporters"; not "Deutsche Telekom said in a statement", said of
            # bodies and of persons alike
            m.votes["Person"] += SPEAKER_VOTE
            if _quoted_person(m, start, end, head, t):
                m.votes["Person"] += QUOTE_SPEAKER_VOTE
    m.town = (
        key not in COUNTRIES
        and known_place(key)
        and not (t.dep[root] == "pobj" and t.lower[t.head[root]] in SITE_PREPOSITIONS)
    )
    if not m.team and placed(t, root, key):
        m.votes["Place"] += PLACE_PREPOSITION_VOTE
    elif (
        m.label != "PERSON"
        and key not in CITIES
        and key not in COUNTRIES
        and (from_town(t, root, key) or sited(t, root, key))
    ):
        m.votes["Place"] += TOWN_VOTE  # "an engineer from Tartu", "the Tromso mill"


def _quoted_person(m: RawMention, start: int, end: int, verb: int, t: Tokens) -> bool:
    """Whether a name of two words or more (tokens ``start:end``) that speaks the quotation
    before it ('"...," Olaf Scholz said') is a person whose body's label is spaCy's misreading:
    labelled a body's or nothing, and no vote so far says a body's."""
    own = 1.0 if LABEL_TYPES[m.label] == "Organization" else 0.0
    return (
        m.label in ("ORG", "NAME")
        and end - start > 1
        and m.votes["Organization"] <= own
        and quote_speaker(t, start, verb)
    )


def ticker(t: Tokens, end: int) -> bool:
    """Whether a stock ticker follows the name (tokens up to ``end``): "Altair (NASDAQ: ALTR)"."""
    return (
        end + 2 < t.n
        and t.orth[end] == "("
        and t.lower[end + 1] in EXCHANGES
        and (t.orth[end + 2] == ":")
    )


def known_place(key: str) -> bool:
    """Whether the name key is a city's, a country's or a town's of the tables."""
    return key in CITIES or key in COUNTRIES or in_towns(key)


def titled(start: int, end: int, t: Tokens) -> bool:
    """Whether the name (tokens ``start:end``) is a person's by its title: an honorific that
    begins it ("Ms Ilves", which the recogniser read whole) or one before it ("Mayor Rand",
    "Capt. Smith"), or a person's noun written as a title before it ("Engineer Kaspar
    Rand")."""
    if end - start > 1 and t.lower[start].rstrip(".") in COURTESY_TITLES:
        return True
    prev = start - 1
    if prev < 0 or not t.title[prev]:
        return False
    word = t.lower[prev].rstrip(".")
    return word in HONORIFICS or (
        NOUN_TYPE.get(word) == "Person" and t.dep[prev] == "compound" and t.pos[prev] == "PROPN"
    )


def placed(t: Tokens, root: int, key: str) -> bool:
    """Whether the name whose root is ``root`` is where someone is, goes or comes from:
    "arrived in Tartu", "was born in Tartu"; not "starred in Titanic", "a stake in Tesla" nor
    "a researcher from Google", nor a country (its own vote)."""
    head = t.head[root]
    if t.dep[root] != "pobj" or t.lower[head] not in PLACE_PREPOSITIONS or key in COUNTRIES:
        return False
    verb = t.head[head]
    return t.pos[verb] == "VERB" and t.lemma[verb] in PLACE_VERBS


def particled(start: int, end: int, t: Tokens) -> bool:
    """Whether the name (tokens ``start:end``) holds a person's surname particle in lower case
    between capitalised words: "Ludwig van Beethoven", "Osama bin Laden"."""
    return any(
        t.lower[k] in PERSON_PARTICLES and t.is_lower[k] and t.title[k - 1] and t.title[k + 1]
        for k in range(start + 1, end - 1)
    )


def initialled(first: str, words: int) -> bool:
    """Whether a name of ``words`` tokens whose first is ``first`` begins with a person's
    initial ("A. Dale 69" in a scorecard): no team's name does ("L.A. Galaxy" has two)."""
    return words > 1 and len(first) == 2 and first[0].isupper() and first[1] == "."


def _surname_like(word: str) -> bool:
    """Whether a word is written as a surname: a capital first, not all capitals ("Curran",
    "McCague"; not "CURRAN" in a headline, "IBM")."""
    return word[:1].isupper() and not word.isupper()


def sports_teams(mentions: Sequence[RawMention]) -> set[str]:
    """In a sports report, a place's name the report uses for a team once is the team
    throughout ("With the exception of Bremen, the top teams..."), and a name spaCy labels an
    organization is one, as the city table or the type model may have it a place: their place
    votes go to the organization. So too a town's name spaCy reads as a person's or an
    organization's where it is not where something is ("he led Regensburg to promotion"; not
    "fans in Regensburg"), whose person votes (spaCy's or the type model's) go to the
    organization too, unless it is a person's surname in the report ("Marcus Hamilton ...
    Hamilton scored"); and a league ("the Bundesliga") is a competition. A sports report: one
    whose words use TEAMS_IN_REPORT names or more for teams, a league named and a player or a
    coach described so counting as one each. Returns the name keys of the report's teams
    (none where it is no sports report)."""
    teams = {name_key(m.text) for m in mentions if m.team}
    signs = len(teams) + any(m.text.split()[-1].casefold() in LEAGUE_WORDS for m in mentions)
    signs += any(m.kind in TEAM_NOUNS for m in mentions)
    if signs < TEAMS_IN_REPORT:
        return set()
    surnames = {
        m.text.split()[-1].casefold() for m in mentions if m.label == "PERSON" and " " in m.text
    }
    for m in mentions:
        if not m.votes:
            continue
        key = name_key(m.text)
        if m.text.split()[-1].casefold() in LEAGUE_WORDS:  # "the Bundesliga": a competition
            m.votes["Event"] += sum(m.votes.values())
            for typ in [x for x in m.votes if x != "Event"]:
                del m.votes[typ]
            continue
        # a town spaCy labels a place stays one: a sports report's dateline ("LEEDS 1996-08-30")
        # and the towns where games are played are places
        club = m.town and m.label in ("PERSON", "ORG") and m.text.casefold() not in surnames
        # a country's name stays the country, its national team as CoNLL and Wikidata read it
        # ("England's opening qualifier against Moldova", Moldova labelled ORG)
        org = key in teams or m.label == "ORG" and key not in COUNTRIES
        moved = ("Place", "Person") if club else ("Place",) if org else ()
        for typ in moved:
            if typ in m.votes:
                m.votes["Organization"] += m.votes.pop(typ)
    return teams


# a country's name in brackets right after a name: "Leah Pells ( Canada ) 4:09.95"
_BRACKETED = re.compile(r"[ \t]*\([ \t]*([^()\n]{2,40}?)[ \t]*\)")


def bracketed_rows(mentions: Sequence[RawMention], text: str) -> None:
    """Names each followed by its country in brackets are rows of one table ("Leah Pells
    (Canada) 4:09.95", "Olympiakos (Greece) 2 Ajax (Netherlands) 1"): a results list names
    people, or teams, by rows of one shape. Where BRACKETED_ROWS rows or more lean one way
    by more than half, a row the words around it type no better than a label (its highest
    vote at most LIST_WEAK) takes LIST_VOTE for that type, as a list's names do
    (``type_cues.listed_votes``). The leanings are read before any vote is added."""
    rows = []
    for m in mentions:
        if not m.votes or name_key(m.text) in COUNTRIES:
            continue
        after = _BRACKETED.match(text, m.end)
        if after and (name_key(after[1]) in COUNTRIES or is_nationality(after[1])):
            rows.append(m)
    if len(rows) < BRACKETED_ROWS:
        return
    leanings = [leaning(m) for m in rows]
    typ, n = Counter(leanings).most_common(1)[0]
    if typ not in ("Person", "Organization") or n * 2 <= len(rows):
        return
    for m, lean in zip(rows, leanings, strict=True):
        if lean != typ and m.votes[lean] <= LIST_WEAK:
            m.votes[typ] += LIST_VOTE


def model_votes(
    mentions: Sequence[RawMention], probs: list[list[float]], classes: Sequence[str]
) -> None:
    """Where the type model is sure spaCy's label is wrong, the label's vote moves to the
    model's type. ``probs``: the model's probabilities of each mention's classes."""
    for m, p in zip(mentions, probs, strict=True):
        if not m.votes:
            continue  # no name (see mentions.no_name)
        k = max(range(len(p)), key=p.__getitem__)  # the first highest, as argmax
        t, mine = classes[k], LABEL_TYPES[m.label]
        # "Other" is every type but the three: a product's or an event's label says more
        sure = TYPE_MODEL_OTHER_SURE if t == "Other" else TYPE_MODEL_SURE
        # a one-word organization ("Apple agreed to buy Beats") is seldom a work or an award
        if t == "Other" and (mine not in MODEL_TYPES or " " not in m.text):
            continue
        if p[k] >= sure and t != mine and t in MODEL_TYPES:
            m.votes[mine] -= 1.0
            m.votes[t] += TYPE_MODEL_WEIGHT * p[k]
            m.moved, m.moved_weight = t, TYPE_MODEL_WEIGHT * p[k]


def lone_names(mentions: Sequence[RawMention]) -> None:
    """News introduces a person by the full name before the bare surname, and names a company
    by one word ("Siemens agreed to buy ... Siemens said"): where the words around one
    mention of a one-word name say an organization ("agreed to buy a maker", "Siemens shares"),
    or a name of the organization begins with the word ("Siemens Healthineers AG"),
    the type model's moves of its other mentions from spaCy's label to a person are taken back,
    unless a person's name of two words or more in the document ends with the word or the
    mention's own words say a person (a title, a person's verb). The model was fitted on
    sentences where a lone capitalised subject of "said" is mostly a surname; on Wikipedia a
    mononym ("Plautus") with no organization's cue keeps the model's move."""
    # a name of two words or more the text does not say is an organization's may be a
    # person's full name, whose last word is the surname ("Ines-Jacqueline Werkner", which
    # spaCy labels an organization, then "said Werkner")
    surnames = {
        m.text.split()[-1].casefold() for m in mentions if " " in m.text and not _org_cue(m)
    }
    # a company's name cut to its first word is its short name ("Interfax news agency said
    # ... Interfax said", "Acme Motor Co ... Acme shares")
    cued = {m.text.split()[0].casefold() for m in mentions if m.votes and _org_cue(m)}
    for m in mentions:
        if (
            m.moved == "Person"
            and m.label != "PERSON"
            and " " not in m.text
            and m.text.casefold() in cued
            and m.text.casefold() not in surnames
            and m.votes["Person"] - m.moved_weight < LONE_NAME_CUE
        ):
            m.votes["Person"] -= m.moved_weight
            m.votes[LABEL_TYPES[m.label]] += 1.0
            m.moved, m.moved_weight = "", 0.0


def _org_cue(m: RawMention) -> bool:
    """Whether the words around a mention vote it an organization, past spaCy's label."""
    label = LABEL_TYPES.get(m.label) == "Organization" and not m.moved
    return m.votes["Organization"] - label > 0


def type_features(span: Span, t: Tokens, m: RawMention) -> list[str]:
    """The type model's features of a name: ``features.mention_features`` (its words, shape,
    label and context) and what generalises past the names seen in training: each word's
    ending ("-burg", "-ov"), the noun the text describes it by, and the places table. These
    are added to the pinned ones: a type model trained without them gives what it gave, since
    a model ignores features it has no weight for."""
    f = mention_features(span, t)
    words = t.lower[span.start : span.end]
    f += [f"wsuf:{w[-3:]}" for w in words if len(w) > 3]
    # a name that ends in a plural ("Halvorsen Foods", "Acme Systems") or an organization's
    # word is seldom a person's
    f.append(f"lasttag:{t.tag[span.end - 1]}|{span.label_}")
    if words[-1] in ORG_SUFFIXES and len(words) > 1:
        f.append("orgsuffix")
    if m.kind:
        f.append(f"kind:{m.kind}")
    key = name_key(m.text)
    if key in CITIES:
        f.append("table:city")
    elif key in COUNTRIES:
        f.append("table:country")
    elif is_nationality(m.text):
        f.append("table:nationality")
    if m.text.isupper():
        f.append(f"caps|{span.label_}")
    return f
