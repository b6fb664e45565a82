"""Role nouns: "Tim Cook, the chief executive of Apple", "Delmont Bank spokesman Ray Ortiz",
"Jane Doe is the founder of Acme", "Acme appointed Jane Doe as chairman". A role noun's
holder is the name it describes (by apposition, copula, title or "as"), its organization the
name it is of (by "of", "at", "for", a possessive or a name before it); kg.lexicon.ROLE_NOUNS
says which facts each noun gives. Each function takes the block's reader (kg.extract.rules)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from typing import TYPE_CHECKING

from kg.defaults import ROLE_NOUN_CONFIDENCE, STATE_OFFICE_CONFIDENCE, TEAM_PLAYER_CONFIDENCE
from kg.extract import events, times
from kg.extract.links import is_country
from kg.extract.modality import PLAIN
from kg.extract.offices import PARTY
from kg.extract.tokens import OBJ, SUBJ
from kg.extract.types import is_nationality, is_party
from kg.lexicon import (
    APPOINTING_VERBS,
    CAPTAIN_NOUNS,
    DEPARTURE_VERBS,
    DEPUTY_WORDS,
    ETHNIC_WORDS,
    LEADER_NOUNS,
    LEAGUE_WORDS,
    POSITION_WORDS,
    PRIME_WORDS,
    ROLE_NOUNS,
    STAFF_NOUNS,
    STATE_OFFICES,
    SUCCESSION_VERBS,
)
from kg.names import name_key

CITIZENSHIP = ("country_of_citizenship",)
TEAM = ("member_of_sports_team",)
# the rules whose employer is a team's player where the name is a sports report's team
TEAM_FACT_RULES = frozenset({"possessive", "verb:join"})
# the rules of a captain's team and a loan's till the report's teams are known (team_facts):
# "Army Captain X", "an engineer on loan from Acme" give none
CAPTAIN, LOAN = "captain", "loan"
PENDING = frozenset({CAPTAIN, LOAN})
HOME_POSSESSIVE = "residence:possessive"  # "Barcelona's X": X's home (kg.extract.residence)
# the labels a team's name may carry: spaCy labels a club named for its town a place
# ("Dortmund"), and some a person's name
TEAM_LABELS = frozenset({"ORG", "GPE", "PERSON", "NAME"})
# "on loan at Schalke from Bayern", "on loan with Hamburg": the player's two teams
LOAN_PREPOSITIONS = frozenset({"at", "with", "from", "to"})
LOAN_TEAM_LABELS = TEAM_LABELS | {"LOC"}  # spaCy's "Bayern Munich" may be a region
# the nouns of posts held in an organization, whose "with" names it
WORK_NOUNS = frozenset(LEADER_NOUNS) | frozenset(STAFF_NOUNS)

if TYPE_CHECKING:
    from spacy.tokens import Token

    from kg.extract.records import DocExtraction, RawFact
    from kg.extract.rules import _Reader
    from kg.extract.tokens import Sentence


def role_nouns(r: _Reader, sent: Sentence) -> None:
    """The facts of the sentence's role nouns, with the post held where the noun names one."""
    pos, lemmas = r.t.pos, r.t.lemma
    for i in r._within(r._noun_ids, sent):
        key = lemmas[i]
        if pos[i] not in ("NOUN", "PROPN") or key not in ROLE_NOUNS:
            continue
        noun = r.sdoc[i]
        if _title_goes_on(r, i):
            continue  # "Chief Executive Jane Doe": the title's last word holds it
        before = r.t.lower[i - 1] if i > sent.start else ""
        if key == "executive" and (
            any(c.lower_ == "chief" for c in noun.children) or before == "chief"
        ):
            key = "ceo"
        if noun.lower_ == "officer" and any(c.lower_ == "executive" for c in noun.children):
            key = "ceo"
        holder = holder_of(r, noun)
        # "Guatemalan President X": a nationality word spaCy labels an organization is none;
        # "the Lake Berryessa concessions manager": a lake or a region (LOC) employs no one
        orgs = [
            o
            for o in orgs_of(r, noun, holder)
            if not is_nationality(r.out.mentions[o].text) and r.out.mentions[o].label != "LOC"
        ]
        fields = [o for o in _field_bodies(r, noun) if o not in orgs]  # "head of sales for"
        orgs += fields
        verb = events.role_verb(noun)
        if holder is not None and not orgs and verb is not None:
            orgs = _appointer(r, verb)  # "Acme appointed Jane Doe as chairman"
        if holder is None or not orgs:
            continue
        mod = r.modality(verb) if verb is not None else PLAIN
        said = times.on_verb(verb, r.date_of, r.published) if verb is not None and r.date_of else []
        lemma = verb.lemma_ if verb is not None else ""
        status = "ended" if lemma in DEPARTURE_VERBS else None
        position = events.position(noun, key)
        if noun.dep_ == "compound" and noun.head.i == i + 1 and lemmas[i + 1] in ROLE_NOUNS:
            position = None  # "Executive Director X": the post is the title's head noun's
        rule = f"role:{key}"
        # "a branch manager", "the sales director": the head of a part, not of the whole; "an
        # associate director" is a head's second, not the head
        part = key in LEADER_NOUNS and any(
            (c.dep_ == "compound" and c.pos_ == "NOUN")
            or (c.dep_ in ("amod", "compound") and c.lower_ in DEPUTY_WORDS)
            for c in noun.children
        )
        for h in _held(r, noun, holder):
            for o in orgs:
                for side, preds in ROLE_NOUNS[key]:
                    if (part or (o in fields and key in LEADER_NOUNS)) and side == "org":
                        continue
                    a, b = (h, o) if side == "holder" else (o, h)
                    when = times.roles(said, lemma, preds[0]) if said else ()
                    conf = ROLE_NOUN_CONFIDENCE
                    r.emit(a, b, preds, conf, rule, sent, None, mod, when, status)
                if position and isinstance(h, int):
                    when = times.roles(said, lemma, "position_held") if said else ()
                    r.emit(
                        h, position, ("position_held",), ROLE_NOUN_CONFIDENCE, rule, sent,
                        noun, mod, when, status, o,
                    )  # fmt: skip


def party_members(r: _Reader, sent: Sentence) -> None:
    """ "Jane Doe, a Republican", "Scholz, a Social Democrat": a person set beside a party's
    member word with "a" is that party's member."""
    for i in r._within(r._appos_ids, sent):
        m = r.tm.get(i)
        held = r.tm.get(r.t.head[i])
        if r.t.dep[i] != "appos" or m is None or held is None or m == held:
            continue
        if not is_party(r.out.mentions[m].text) or r.out.mentions[held].label == "ORG":
            continue
        if not any(r.t.lower[c] in ("a", "an") for c in r.t.children[i]):
            continue  # "Doe, the Republican": the one the text was speaking of
        r.emit(held, m, (PARTY,), ROLE_NOUN_CONFIDENCE, "role:party", sent)


def _title_goes_on(r: _Reader, i: int) -> bool:
    """Whether role noun ``i`` is a word of a title written in capitals that goes on at the
    next word ("Chief Executive Jane Doe", "Managing Director X"), which the parse may leave
    as words side by side: the title is read once, at its last word."""
    k = i + 1
    if k >= len(r.t.lower) or not (r.t.orth[i][:1].isupper() and r.t.orth[k][:1].isupper()):
        return False
    return r.t.pos[k] in ("NOUN", "PROPN") and (
        r.t.lemma[k] in ROLE_NOUNS or r.t.lower[k] in POSITION_WORDS
    )


def state_offices(r: _Reader, sent: Sentence) -> None:
    """The offices of a state held by a person ("X, the Premier of China", "Australia's
    Minister for Trade X"): the holder is the country's citizen, and the head of state or of
    government where the office is one (lexicon.STATE_OFFICES). A nationality word on the
    office stands for its country ("French President X", "X, the French president"): the
    word heads, and inference gives its country the head (kg.resolve.infer)."""
    pos, lemmas, mentions = r.t.pos, r.t.lemma, r.out.mentions
    for i in r._within(r._office_ids, sent):
        if pos[i] not in ("NOUN", "PROPN"):
            continue
        noun = r.sdoc[i]
        before = {c.lower_ for c in noun.children if c.dep_ in ("compound", "amod")}
        heads = STATE_OFFICES[lemmas[i]]
        if before & PRIME_WORDS:
            heads = ("head_of_government",)
        if before & DEPUTY_WORDS:
            heads = ()  # a vice president is a citizen, not the head
        holder = holder_of(r, noun)
        if holder is None:
            continue
        # "Israel's former President X": a country's possessive the parse hangs from the name
        of = list(dict.fromkeys([*orgs_of(r, noun, holder), *orgs_of(r, noun, holder, "GPE")]))
        if noun.dep_ == "compound":  # a title: "President Joe Biden of the United States"
            of += [o for p in holder.children if p.dep_ == "prep" and p.lower_ == "of"
                   for o in r.refs(next((c for c in p.children if c.dep_ == "pobj"), None))
                   if isinstance(o, int)]  # fmt: skip
        countries = [o for o in of if is_country(mentions[o].text)]
        words = [w for w in _nationality_words(r, noun, holder) if w not in countries]
        if not countries and not (heads and words):
            continue
        verb = events.role_verb(noun)
        mod = r.modality(verb) if verb is not None else PLAIN
        rule = f"office:{lemmas[i]}"
        for h in _held(r, noun, holder):
            if not isinstance(h, int) or mentions[h].label != "PERSON":
                continue
            for c in countries:
                r.emit(h, c, CITIZENSHIP, STATE_OFFICE_CONFIDENCE, rule, sent, None, mod)
                if heads:
                    r.emit(c, h, heads, STATE_OFFICE_CONFIDENCE, rule, sent, None, mod)
            for w in words if heads else ():  # its citizenship is the nationality rules'
                r.emit(w, h, heads, STATE_OFFICE_CONFIDENCE, rule, sent, None, mod)


def players(r: _Reader, sent: Sentence) -> None:
    """A player's team: the name a noun of players is of ("Dortmund keeper X", "Real Madrid
    midfielder X", "Bayern's striker X", "X, a forward for Bayern"). A nationality word is no
    team ("German midfielder X"), and a coach plays for none."""
    mentions = r.out.mentions
    for i in r._within(r._player_ids, sent):
        noun = r.sdoc[i]
        if noun.pos_ in ("NOUN", "PROPN"):
            holder = holder_of(r, noun)
        elif noun.pos_ == "VERB" and noun.lower_ != "forward":
            # "signing Tottenham midfielder X": the tagger's verb, the name its object
            holder = next((c for c in noun.children if c.dep_ == "dobj" and c.i > i), None)
        else:
            continue
        if holder is None:
            continue
        # "Dortmund keeper X": a team's name the tagger read as an adjective (a NAME mention,
        # kg.extract.plain_words.team_words), which no nationality word is
        named = [
            r.tm[c.i] for c in noun.children if c.dep_ == "amod" and c.i == i - 1 and c.i in r.tm
        ]
        named = [m for m in named if mentions[m].label == "NAME"]
        teams = [o for o in [*orgs_of(r, noun, holder), *named] if _team(r, o, noun)]
        for h in _held(r, noun, holder) if teams else ():
            if isinstance(h, int) and mentions[h].label == "PERSON":
                for o in teams:
                    # a captain's team is one where the report's words use it for a team
                    # (team_facts): till then the rule is "captain", and none's reading
                    rule = CAPTAIN if r.t.lemma[i] in CAPTAIN_NOUNS else f"team:{noun.lemma_}"
                    r.emit(h, o, TEAM, TEAM_PLAYER_CONFIDENCE, rule, sent)


def loans(r: _Reader, sent: Sentence) -> None:
    """A player on loan: "X, on loan at Schalke from Bayern", "X spent the season on loan at
    Hamburg" give X both teams, the one X plays for and the one X is lent by. The player is
    the name "on loan" hangs from, or the subject of its verb."""
    mentions = r.out.mentions
    for i in r._within(r._loan_ids, sent):
        on = r.sdoc[i].head
        if r.t.dep[i] != "pobj" or on.lower_ != "on":
            continue
        holder = on.head if on.head.i in r.tm else None
        if holder is None and on.head.pos_ in ("VERB", "AUX"):
            holder = r.subject(on.head)
        if holder is None:
            continue
        # "on loan at X from Y": the parse hangs "at" from "loan" or from the verb
        preps = [c for h in (r.sdoc[i], on.head) for c in h.children if c.dep_ == "prep"]
        teams = [
            x
            for p in preps
            if p.lower_ in LOAN_PREPOSITIONS and p.i > i
            for o in p.children
            if o.dep_ == "pobj"
            for x in r.refs(o)
            if isinstance(x, int) and mentions[x].label in LOAN_TEAM_LABELS
        ]
        for h in r.refs(holder) if teams else ():
            if isinstance(h, int) and mentions[h].label == "PERSON":
                for o in dict.fromkeys(teams):
                    r.emit(h, o, TEAM, TEAM_PLAYER_CONFIDENCE, LOAN, sent)


def team_facts(out: DocExtraction, teams: set[str]) -> None:
    """In a sports report, a person's employer read from a possessive or "join" that the report
    uses as a team (``teams``: kg.extract.types.sports_teams) is the team the person plays for:
    "Barcelona's X scored", "X joined Bayern from Schalke"; not a coach's post ("Bayern coach
    X", a role noun's)."""
    mentions = out.mentions

    def team(f: RawFact) -> bool:
        return isinstance(f.object, int) and name_key(mentions[f.object].text) in teams

    # "Schalke captain X" (players), "on loan at Schalke" (loans): a team's player where the
    # name is a team's; "Barcelona's X" says where X plays, not where X lives
    out.facts = [
        replace(f, rule=f"team:{f.rule}") if f.rule in PENDING else f
        for f in out.facts
        if not (f.rule in PENDING and not team(f) or f.rule == HOME_POSSESSIVE and team(f))
    ]
    for n, f in enumerate(out.facts) if teams else ():
        if f.rule not in TEAM_FACT_RULES or "employer" not in f.predicates:
            continue
        if mentions[f.subject].label == "PERSON" and team(f):
            conf = max(f.confidence, TEAM_PLAYER_CONFIDENCE)
            out.facts[n] = replace(f, predicates=TEAM, confidence=conf, rule=f"team:{f.rule}")


def _team(r: _Reader, m: int, noun: Token) -> bool:
    """Whether a mention a noun of players is of may be the team: not a nationality word nor
    a league ("German midfielder X", "Bundesliga player X"), and before the noun right before
    it or its possessive ("NHL hockey player X": a league and its sport)."""
    mention = r.out.mentions[m]
    words = mention.text.casefold().split()
    if mention.label not in TEAM_LABELS or is_nationality(mention.text) or not words:
        return False
    if words[-1] in LEAGUE_WORDS:
        return False
    end = r.sdoc.char_span(mention.start - r.offset, mention.end - r.offset, "expand")
    if end is None or end.end > noun.i:
        return True  # after the noun: "a forward for Bayern"
    between = r.sdoc[end.end : noun.i]
    return all(t.tag_ == "POS" for t in between)


def _nationality_words(r: _Reader, noun: Token, holder: Token) -> list[int]:
    """The nationality words on an office: "the French president", "French President X" (the
    parse hangs the word from the office or, before a title, from the name)."""
    on = [*noun.children]
    if noun.dep_ == "compound" and holder.i > noun.i:
        on += [c for c in holder.children if c.i < noun.i]
    ms = [r.tm[c.i] for c in on if c.dep_ == "amod" and c.i in r.tm]
    return [m for m in ms if is_nationality(r.out.mentions[m].text)]


def _held(r: _Reader, noun: Token, holder: Token | None) -> list[int | str]:
    """The names a role noun describes, from its holder's token: a title before a name is that
    name's alone ("met Jane Doe and Acme pilot Tom Burke": not Doe's), and so is a noun in
    apposition before the next conjunct ("Doe, an Acme pilot, and Burke": not Burke's), where
    a noun after them all names each ("Doe and Burke, both Acme pilots") as one predicated of
    them does."""
    if noun.dep_ == "compound":
        held = [r.ref(holder)]
    elif noun.dep_ == "appos" and holder is not None:
        held = [r.ref(t) for t in (holder, *holder.conjuncts) if t.i < noun.i]
    else:
        held = list(r.refs(holder))
    return [x for x in held if x is not None]


# verbs whose subject is what their complement names ("Doe is chairman", "became chairman")
COPULAS = frozenset({"be", "become", "remain"})


def holder_of(r: _Reader, noun: Token) -> Token | None:
    """The token of the name a role noun describes, if any."""
    if noun.dep_ == "conj":
        first = noun
        while first.dep_ == "conj":
            first = first.head
        return holder_of(r, first)
    if noun.dep_ == "appos":
        return noun.head
    for c in noun.children:
        if c.dep_ == "appos" and c.i in r.tm:
            return c
    if noun.dep_ == "attr" and noun.head.lemma_ in COPULAS:
        own = next((c for c in noun.head.children if c.dep_ in SUBJ), None)
        if own is None and noun.head.dep_ == "xcomp":  # "elected Doe to be chairman of"
            return r.subject(noun.head)
        return own
    if noun.dep_ == "compound" and noun.head.i > noun.i:
        head = noun.head
        while head.dep_ == "compound" and r._is_title(head) and head.head.i > head.i:
            head = head.head  # "Secretary-General X": "Secretary" hangs from "General"
        if head.i in r.tm:
            return head
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ == "of":
            # "the chairman of the Front, Mohamed Issa": the name hangs from the body's
            for p in c.children:
                k = next((a.i for a in p.children if a.dep_ == "appos" and a.i in r.tm), None)
                if p.dep_ == "pobj" and k is not None and r.out.mentions[r.tm[k]].label == "PERSON":
                    return r.sdoc[k]
    if noun.dep_ == "oprd":  # "named Doe chairman", "Doe was named chairman"
        return next((c for c in noun.head.children if c.dep_ in OBJ), None) or next(
            (c for c in noun.head.children if c.dep_ == "nsubjpass"), None
        )
    if noun.dep_ == "pobj" and noun.head.lower_ == "as":
        verb = noun.head.head
        if verb.lemma_ in SUCCESSION_VERBS:  # "X succeeded Y as chief executive": X
            return r.subject(verb)
        return next((c for c in verb.children if c.dep_ in OBJ), None) or r.subject(verb)
    return None


def _field_bodies(r: _Reader, noun: Token) -> Iterator[int]:
    """The organization a post's field of work is "for" or "at": "head of sales for Acme",
    "vice president for new products at Acme" (a common noun between the post and the body).
    Its head heads a part, not the whole."""
    for c in noun.children:
        if c.dep_ != "prep" or c.lower_ not in ("of", "for"):
            continue
        for field in c.children:
            if field.dep_ != "pobj" or field.pos_ != "NOUN" or field.i in r.tm:
                continue
            for g in field.children:
                if g.dep_ == "prep" and g.lower_ in ("for", "at"):
                    for p in g.children:
                        m = r.tm.get(p.i) if p.dep_ == "pobj" else None
                        if m is not None and r.out.mentions[m].label == "ORG":
                            yield m


def _appointer(r: _Reader, verb: Token) -> list[int]:
    """The organisation that appoints to a post, where a verb of appointing has one as
    its subject ("Acme appointed Jane Doe as chairman"): the post is of it."""
    if verb.lemma_ not in APPOINTING_VERBS:
        return []
    subj = r.subject(verb)
    return [x for x in r.refs(subj) if isinstance(x, int) and r.out.mentions[x].label == "ORG"]


def orgs_of(r: _Reader, noun: Token, holder: Token | None, label: str = "ORG") -> Iterator[int]:
    """The mentions a role noun is of ("of", "at", "for", a possessive, a name before it);
    a name before a title the parse hangs from the holder's name only where its label is
    ``label`` (an organization's; a person's for a killer noun: "Kennedy assassin X")."""
    held = r.ref(holder) if holder is not None else None
    family = [noun, *noun.conjuncts]
    for n in family:
        # "an economist with Acme" names the employer of a post; "his son with Jane" no parent
        preps = ("of", "at", "for", "with") if n.lemma_ in WORK_NOUNS else ("of", "at", "for")
        for c in n.children:
            if c.dep_ == "prep" and c.lower_ in preps:
                for p in c.children:
                    # "a member of the Yoruba ethnic group" is of a people, no body
                    if p.dep_ == "pobj" and not any(g.lower_ in ETHNIC_WORDS for g in p.children):
                        yield from (x for x in r.refs(p) if isinstance(x, int))
    if noun.dep_ == "compound" and holder is not None and noun.i < holder.i:
        # "U.N. Secretary-General X", "FAA Administrator X": the parse hangs the body's name
        # from the person's, beside the title
        chain, step = [holder], noun.head
        while step.i < holder.i and step not in chain:  # titles between ("Secretary-General")
            chain.append(step)
            step = step.head
        for c in (c for t in chain for c in t.children):
            m = r.tm.get(c.i)
            if c.dep_ in ("compound", "poss") and c.i < noun.i and m is not None and m != held:
                if r.out.mentions[m].label == label:
                    yield m
    for c in noun.children:
        if c.dep_ in ("poss", "compound", "nmod") and c.i in r.tm:
            m = r.tm[c.i]
            if m != held:
                yield m
        elif c.dep_ == "compound" and c.pos_ == "NOUN" and noun.lemma_ not in LEADER_NOUNS:
            # "a Harmon College law professor" (a "branch manager" heads no bank)
            for g in c.children:
                if g.dep_ == "compound" and g.i in r.tm and r.tm[g.i] != held:
                    yield r.tm[g.i]
        elif c.dep_ == "poss" and c.lower_ == "its":
            # "Its leader, X": the organization named just before, where no other name stands
            # between ("Germany ... Its chancellor" is no organization's)
            last = r.last_named(r.offset + c.idx)
            if last is not None and last != held and r.out.mentions[last].label == "ORG":
                yield last
