"""Relation rules over spaCy's dependency parse.

Each rule reads one common construction and proposes a fact between two mentions of the same
sentence. A fact may name several predicates in order of preference ("Meta's TBD Lab" is a parent
organization, "Google's Android" a developer); resolution keeps the first whose domain and range
fit the entities' final types, so rules stay simple and types decide.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator
from typing import TYPE_CHECKING

from kg.defaults import FATAL_CONFIDENCE, HEDGED_FACTOR
from kg.extract import (
    clauses,
    events,
    killings,
    located,
    modality,
    nationality,
    phrases,
    roles,
    times,
    works,
)
from kg.extract.dates import iso_date
from kg.extract.lifespans import lifespans
from kg.extract.modality import PLAIN, Modality
from kg.extract.records import DocExtraction, RawFact
from kg.extract.residence import RESIDENCE, local_people, possessed_people, residences
from kg.extract.tokens import OBJ, SUBJ, Sentence, Tokens
from kg.extract.verbs import FATAL_ONLY, TEAM_PREDICATE, VERB_RULES, VerbRule
from kg.lexicon import (
    ACQUISITION_NOUNS,
    ACQUISITION_VERBS,
    ACQUITTING_VERBS,
    BOUND_PRONOUNS,
    CAPTAIN_NOUNS,
    COREF_NOUNS,
    DEPARTURE_VERBS,
    FIRING_VERBS,
    FOUNDING_VERBS,
    HEADQUARTERS_NOUNS,
    KILLER_NOUNS,
    KILLING_NOUNS,
    LEAD_FORMS,
    MISSILE_NOUNS,
    NAMED_BODY_NOUNS,
    PLAYER_NOUNS,
    RELATIVE,
    RELEASING_VERBS,
    ROLE_NOUNS,
    SPEECH_VERBS,
    STAKE_NOUNS,
    STARRING_VERBS,
    STATE_OFFICES,
    UNIT_WORDS,
    WOUNDING_VERBS,
)
from kg.model import Time

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token


class _Reader:
    """The rules over one parsed block; facts go to ``out`` with document offsets."""

    def __init__(
        self,
        out: DocExtraction,
        sdoc: Doc,
        offset: int,
        tm: dict[int, int],
        dates: list[Span],
        tokens: Tokens | None = None,
    ) -> None:
        self.out, self.sdoc, self.offset, self.tm = out, sdoc, offset, tm
        self.date_of = {i: d for d in dates for i in range(d.start, d.end)}
        self.seen: set[tuple] = set()
        self.t = t = tokens if tokens is not None else Tokens(sdoc)
        # Doc.text joins every token's text anew at each call: the table holds it
        self.text = t.text
        self.asked = modality.questions(t)
        self.published = out.document.date  # relative times are read against it
        # the tokens each rule looks at, found once a block (ascending): most tokens are none
        lemma, lower, dep = t.lemma, t.lower, t.dep
        self._verb_ids = [i for i, x in enumerate(lemma) if x in VERB_RULES]
        self._noun_ids = [i for i, x in enumerate(lemma) if x in ROLE_NOUNS]
        self._office_ids = [i for i, x in enumerate(lemma) if x in STATE_OFFICES]
        players = PLAYER_NOUNS | CAPTAIN_NOUNS
        self._player_ids = [i for i, x in enumerate(lemma) if x in players]
        self._loan_ids = [i for i, x in enumerate(lemma) if x == "loan"]
        deals = ACQUISITION_NOUNS | STAKE_NOUNS
        self._deal_ids = [i for i, x in enumerate(lemma) if x in deals]
        self._poss_ids = [i for i, x in enumerate(dep) if x == "poss"]
        self._appos_ids = [i for i, x in enumerate(dep) if x in ("appos", "npadvmod")]
        self._based_ids = [i for i, x in enumerate(lower) if x == "based"]
        self._lead_ids = [i for i, x in enumerate(lower) if x in LEAD_FORMS]
        self._hq_ids = [i for i, x in enumerate(lower) if x in HEADQUARTERS_NOUNS]
        self._named_ids = sorted(tm)
        self._kind_ids = [i for i, x in enumerate(lemma) if x in located.PLACE_NOUNS]
        self._division_ids = [i for i, x in enumerate(lemma) if x in located.DESCRIBED_NOUNS]
        kills = KILLER_NOUNS | KILLING_NOUNS | {"death"}  # "the shooting death of"
        self._kill_ids = [i for i, x in enumerate(lemma) if x in kills]
        self._release_ids = [i for i, x in enumerate(lemma) if x in RELEASING_VERBS]
        self._star_ids = [i for i, x in enumerate(lemma) if x in STARRING_VERBS]

    @staticmethod
    def _within(ids: list[int], sent: Sentence) -> list[int]:
        """The tokens of ``ids`` (ascending) in ``sent``."""
        return ids[bisect_left(ids, sent.start) : bisect_left(ids, sent.end)]

    # -- references ------------------------------------------------------------------------

    def ref(self, tok: Token | None) -> int | str | None:
        """The mention (index) or date (ISO string) a token stands for, if any."""
        if tok is None:
            return None
        if tok.i in self.tm:
            return self.tm[tok.i]
        if tok.i in self.date_of:
            return iso_date(self.date_of[tok.i].text)
        if tok.lower_ in RELATIVE and tok.head.dep_ == "relcl":
            noun = tok.head.head  # "X was the gunman who shot Y": the noun's name
            if self._fired(noun):  # "X fired the shots that killed Y": the one who fired
                return self.ref(self.subject(noun.head))
            got = self.ref(noun)
            return got if got is not None or noun.pos_ != "NOUN" else self._named(noun)
        for c in tok.children:  # "the startup Mistral", "the model, Muse Spark"
            if c.dep_ == "appos" and c.i in self.tm:
                return self.tm[c.i]
        if tok.lemma_ in NAMED_BODY_NOUNS:  # "the Rollei company": Rollei
            for c in tok.children:
                m = self.tm.get(c.i)
                if c.dep_ == "compound" and m is not None and self.out.mentions[m].label == "ORG":
                    return m
        if (k := clauses.apposed_name(tok)) is not None and k in self.tm:  # "X, a company"
            return self.tm[k]
        # "the company" stands for the last organization named, but not where its name follows
        # ("formed the political organization Kokumin Domei": the name, above)
        if (
            tok.lemma_.lower() in COREF_NOUNS
            and any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children)
            and not any(c.dep_ == "prep" for c in tok.children)
        ):
            return self.last_named(self.offset + tok.idx, "ORG")
        return self._bound(tok)

    def _bound(self, tok: Token) -> int | None:
        """The speaker a pronoun subject stands for in the clause of their own statement: "Acme
        said it would buy Initech", "Doe said he had joined Acme". A subject pronoun of a
        verb of speech's clause is its speaker in news nearly always; the pronoun must fit the
        speaker's label (``BOUND_PRONOUNS``), so "Acme said he ..." binds nothing."""
        labels = BOUND_PRONOUNS.get(tok.lower_)
        clause = tok.head
        if labels is None or tok.dep_ not in SUBJ or clause.dep_ != "ccomp":
            return None
        said = clause.head
        if said.lemma_ not in SPEECH_VERBS or said.pos_ != "VERB":
            return None
        speaker = next((c for c in said.children if c.dep_ in SUBJ), None)
        m = self.tm.get(speaker.i) if speaker is not None else None
        if m is None or self.out.mentions[m].label not in labels:
            return None
        return m

    @staticmethod
    def _fired(noun: Token) -> bool:
        """Whether a noun is a shot, bullet or bomb that a verb's subject fired, threw or
        planted ("X fired the shots that killed Y", "X planted the bomb that killed Y")."""
        return (
            noun.lemma_ in MISSILE_NOUNS
            and noun.dep_ in OBJ
            and noun.head.lemma_ in FIRING_VERBS
            and noun.head.pos_ == "VERB"
        )

    def _is_title(self, tok: Token) -> bool:
        """Whether a token is a title read as a name of its own ("General" of
        "Secretary-General")."""
        m = self.tm.get(tok.i)
        return m is not None and self.out.mentions[m].label == "NAME"

    def _named(self, noun: Token) -> int | None:
        """The name a common noun stands for by apposition or copula: "Jane Doe, the woman
        who founded Acme", "Doe was the gunman who shot Smith", "Lakeview, a town in Oregon".
        ``ref`` asks it only for a noun with a relative clause: asked for every noun, "X is a
        company based in Y" made head offices Re-DocRED 0-399 does not hold (6 of the 14
        wrong asserted facts the news rules first added there)."""
        tok = self._name_token(noun)
        return self.tm[tok.i] if tok is not None else None

    def _name_token(self, noun: Token) -> Token | None:
        if noun.dep_ == "appos" and noun.head.i in self.tm:
            return noun.head
        if noun.dep_ == "attr" and noun.head.lemma_ == "be":
            subj = next((c for c in noun.head.children if c.dep_ in SUBJ), None)
            if subj is None:
                subj = self._bracketed(noun.head)
            if subj is not None and subj.i in self.tm:
                return subj
        return None

    def _bracketed(self, verb: Token) -> Token | None:
        """The name a bracket parts from its verb, where the parse found the verb no subject:
        "Jan Visser (born 3 May 1960) is a Dutch ..." (the parse hangs the name from "born")."""
        orth, k, first = self.t.orth, verb.i - 1, verb.sent.start
        if k <= first or orth[k] != ")":
            return None
        while k > first and orth[k] != "(":
            k -= 1
        return self.sdoc[k - 1] if k > first and orth[k] == "(" else None

    def last_named(self, before: int, label: str | None = None) -> int | None:
        """The last mention of a name that begins before document offset ``before``, of
        ``label`` where one is given."""
        for i in range(len(self.out.mentions) - 1, -1, -1):
            m = self.out.mentions[i]
            if m.start < before and m.votes and (label is None or m.label == label):
                return i
        return None

    def refs(self, tok: Token | None) -> Iterator[int | str]:
        """The token's reference and those of its conjuncts ("Google and OpenAI")."""
        if tok is None:
            return
        for t in (tok, *tok.conjuncts):
            r = self.ref(t)
            if r is not None:
                yield r

    # -- verbs -----------------------------------------------------------------------------

    def subject(self, verb: Token) -> Token | None:
        for c in verb.children:
            if c.dep_ in SUBJ:
                return c
            if c.dep_ == "agent":
                return next((p for p in c.children if p.dep_ == "pobj"), None)
        if verb.dep_ == "relcl" and verb.tag_ == "VBG":
            return verb.head
        if verb.dep_ == "acl" and verb.tag_ == "VBG":  # "Wang, leading the lab"
            return verb.head
        if (
            verb.dep_ in ("acl", "relcl")
            and verb.tag_ == "VB"
            and verb.head.dep_ in OBJ
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
        ):
            # "Acme signed a deal to buy Initech": the subject of the verb that has the noun
            return self.subject(verb.head.head)
        if verb.dep_ == "pcomp" and verb.tag_ == "VBG" and verb.head.dep_ == "prep":
            return self.doer(verb.head.head)  # "was convicted of killing", "by buying"
        if verb.dep_ == "xcomp":  # "appointed Wang to lead": object control, else subject
            # the object that controls stands before the infinitive; one after it is the
            # parse's reading of an apposition ("agreed to buy X, its biggest acquisition")
            obj = next(
                (c for c in verb.head.children if c.dep_ in ("dobj", "obj") and c.i < verb.i),
                None,
            )
            return obj or self.subject(verb.head)
        if clauses.after_appointment(verb):  # "appointed Doe, replacing Smith": Doe succeeds
            return clauses.appointee(verb)
        if verb.dep_ in ("conj", "advcl") and verb.head.pos_ in ("VERB", "AUX"):
            head = verb.head
            while head.dep_ in ("xcomp", "conj", "advcl") and not any(
                c.dep_ in SUBJ for c in head.children
            ):
                head = head.head
            return self.subject(head) if head is not verb else None
        return None

    def doer(self, gov: Token) -> Token | None:
        """Who does what a gerund or noun after ``gov``'s preposition names: the object where
        ``gov`` has one ("accused Acme of hiding", "found Doe guilty of the murder"), else its
        subject, a passive's too ("Doe was charged with killing", "pleaded guilty to")."""
        while gov.pos_ == "ADJ" and gov.dep_ in ("acomp", "oprd", "ccomp", "xcomp"):
            own = next((c for c in gov.children if c.dep_ in SUBJ), None)
            if own is not None:  # "found Doe guilty of": the adjective's own subject
                return own
            gov = gov.head
        if gov.pos_ not in ("VERB", "AUX"):
            return None
        for c in gov.children:
            if c.dep_ in ("dobj", "obj"):
                return c
        for c in gov.children:
            if c.dep_ in SUBJ or c.dep_ == "nsubjpass":
                return c
        if gov.dep_ == "acl" and gov.tag_ == "VBN":  # "Doe, the man convicted of killing"
            return self._name_token(gov.head) or gov.head
        shared = clauses.passive_subject(gov)  # "was arrested and charged with killing"
        return shared if shared is not None else self.subject(gov)

    def roles(self, verb: Token) -> dict[str, list[Token]]:
        r: dict[str, list[Token]] = {}
        subj = self.subject(verb)
        # a passive's own subject is what is done to, another verb's who does it; its doer is
        # its agent alone ("Ruby shot Oswald after Kennedy was killed": not Kennedy's killer)
        if subj is not None and clauses.passive(verb) and subj.dep_ != "pobj":
            subj = None
        if clauses.fronted_participle(verb) and (shared := self.subject(verb.head)) is not None:
            # "Founded in 1998 (by Doe), Acme is ...": the participle's shared subject is what
            # is done to; its doer is its agent alone
            r["obj"] = [shared]
            subj = subj if subj is not None and subj.dep_ == "pobj" else None
        if subj is not None and not (subj.dep_ == "nsubjpass" and subj.head is verb):
            r["subj"] = [subj]
        for c in verb.children:
            if c.dep_ in OBJ:
                r.setdefault("obj", []).append(c)
            elif c.dep_ == "prep":
                for p in c.children:
                    if p.dep_ == "pobj":
                        r.setdefault("prep:" + c.lower_, []).append(p)
                        if p.i in self.date_of:
                            r.setdefault("date", []).append(p)
            elif c.dep_ in ("npadvmod", "tmod") and c.i in self.date_of:
                r.setdefault("date", []).append(c)
            elif c.dep_ == "prt" and c.lower_ == "up" and verb.lemma_ == "set":
                r.setdefault("_setup", []).append(c)
        if verb.dep_ == "acl" and verb.tag_ == "VBN":  # "Muse Spark, developed by Meta"
            r.setdefault("obj", []).append(verb.head)
        if verb.dep_ == "relcl" and verb.tag_ != "VBG":
            for c in verb.children:
                if c.dep_ in ("dobj", "nsubjpass") and c.lower_ in RELATIVE:
                    r["obj"] = [verb.head] + [t for t in r.get("obj", []) if t is not c]
        if "obj" not in r and (shared := clauses.passive_subject(verb)) is not None:
            r["obj"] = [shared]  # "was founded in 1990 and acquired by Initech"
        if "obj" not in r and verb.lemma_ in FOUNDING_VERBS:
            r["obj"] = clauses.conjunct_object(verb)
        units = [t for t in r.get("obj", []) if self._names_unit(t)]
        if units:
            r["unit"] = units
        return r

    def _names_unit(self, tok: Token) -> bool:
        """Whether the token stands in a name whose last word names a unit ("TBD Lab")."""
        m = self.tm.get(tok.i)
        return m is not None and self.out.mentions[m].text.split()[-1].lower() in UNIT_WORDS

    def modality(self, verb: Token | int) -> Modality:
        """The modality of a verb (a Token or its index) and the verbs it hangs from; a
        gerund after a preposition takes that of the verb it hangs from too ("was not
        convicted of killing", "was acquitted of killing")."""
        i = verb if isinstance(verb, int) else verb.i
        own = modality.of_verb(self.t, self.asked, i)
        t = self.t
        if t.dep[i] != "pcomp" or t.dep[t.head[i]] != "prep":
            return own
        gov = t.head[t.head[i]]
        while t.pos[gov] == "ADJ" and t.head[gov] != gov:
            gov = t.head[gov]  # "found guilty of", "pleaded guilty to"
        if t.pos[gov] not in ("VERB", "AUX"):
            return own
        above = modality.of_verb(self.t, self.asked, gov)
        acquitted = t.lemma[gov] in ACQUITTING_VERBS
        return Modality(own.hedged or above.hedged, own.negated or above.negated or acquitted)

    # -- emitting --------------------------------------------------------------------------

    def emit(
        self,
        a: int | str | None,
        b: int | str | None,
        preds: tuple[str, ...],
        conf: float,
        rule: str,
        sent: Sentence,
        obj_tok: Token | None = None,
        mod: Modality = PLAIN,
        when: tuple[tuple[str, Time], ...] = (),
        status: str | None = None,
        of: int | None = None,
    ) -> None:
        if not isinstance(a, int) or b is None or a == b:
            return
        if isinstance(b, str) and of is not None and obj_tok is not None:  # a position's noun
            start = self.offset + obj_tok.idx
            start, end = start, start + len(obj_tok.text)
        elif isinstance(b, str):
            start, end = clauses.date_span(self.date_of, obj_tok, self.offset)
        else:
            m = self.out.mentions[b]
            start, end = m.start, m.end
        key = (a, b, preds, of)
        if key in self.seen:
            return
        self.seen.add(key)

        hedged, negated = mod
        self.out.facts.append(
            RawFact(
                subject=a,
                predicates=preds,
                object=b,
                rule=rule,
                confidence=round(conf * (HEDGED_FACTOR if hedged else 1.0), 3),
                sentence=(self.offset + sent.start_char, self.offset + sent.end_char),
                object_span=(start, end),
                hedged=hedged,
                negated=negated,
                times=() if isinstance(b, str) and of is None else when,
                status=status,
                of=of,
            )
        )

    # -- rules -----------------------------------------------------------------------------

    def verbs(self, sent: Sentence) -> None:
        pos, tag, lemmas = self.t.pos, self.t.tag, self.t.lemma
        for i in self._within(self._verb_ids, sent):
            if pos[i] not in ("VERB", "AUX") and tag[i] not in ("VBN", "VBG"):
                continue
            lemma = lemmas[i]
            rules = VERB_RULES.get(lemma)
            if not rules:
                continue
            verb = self.sdoc[i]
            roles = self.roles(verb)
            mod = self.modality(verb)
            # most blocks name no date: their verbs have no time to look for
            said = times.on_verb(verb, self.date_of, self.published) if self.date_of else []
            status = None
            if lemma in ACQUISITION_VERBS:
                status = events.status(verb)
            elif lemma in DEPARTURE_VERBS:
                status = "ended"
            # an acquisition not yet completed began no ownership: its time is when it was said
            began = "" if status in ("announced", "agreed") else lemma
            fatal = lemma in WOUNDING_VERBS and killings.fatal(verb)
            for rule in rules:
                name = f"verb:{lemma}"
                if rule.predicates == (TEAM_PREDICATE,):  # calibrated with the players' nouns
                    name = f"team:{lemma}"
                if rule.predicates == killings.KILLED_BY and lemma in WOUNDING_VERBS:
                    if fatal:  # "was fatally shot", "beaten to death": a killing of its own
                        name, rule = f"fatal:{lemma}", rule._replace(confidence=FATAL_CONFIDENCE)
                    elif lemma in FATAL_ONLY:
                        continue
                when = times.roles(said, began, rule.predicates[0]) if said else ()
                self._verb_rule(rule, roles, name, sent, mod, when, status)

    def _verb_rule(
        self,
        rule: VerbRule,
        roles: dict[str, list[Token]],
        name: str,
        sent: Sentence,
        mod: Modality,
        when: tuple[tuple[str, Time], ...] = (),
        status: str | None = None,
    ) -> None:
        for a_tok in roles.get(rule.subject, []):
            for b_tok in roles.get(rule.object, []):
                # "lives in Ocala, Fla.": in the state too
                outer = rule.predicates == RESIDENCE and b_tok.i in self.tm
                places = located.with_outer(self, b_tok)[1:] if outer else []
                for a in self.refs(a_tok):
                    for b in [*self.refs(b_tok), *places]:
                        if isinstance(b, str) and rule.object != "date":
                            continue
                        self.emit(
                            a, b, rule.predicates, rule.confidence, name, sent, b_tok, mod,
                            when, status,
                        )  # fmt: skip


def read(
    out: DocExtraction,
    sdoc: Doc,
    offset: int,
    token_mention: dict[int, int],
    dates: list[Span],
    tokens: Tokens | None = None,
) -> _Reader:
    """Propose facts for each sentence of a parsed block; returns the reader (its modality).
    ``tokens`` is the block's attribute table where the caller has read it already."""
    r = _Reader(out, sdoc, offset, token_mention, dates, tokens)
    for sent in r.t.sents:
        r.verbs(sent)
        roles.role_nouns(r, sent)
        roles.state_offices(r, sent)
        roles.party_members(r, sent)
        roles.players(r, sent)
        roles.loans(r, sent)
        phrases.possessives(r, sent)
        phrases.based(r, sent)
        phrases.place_kinds(r, sent)
        phrases.country_bodies(r, sent)
        phrases.headquarters(r, sent)
        phrases.places(r, sent)
        phrases.of_phrases(r, sent)
        phrases.leading(r, sent)
        events.deals(r, sent)
        killings.killings(r, sent)
        located.places_in(r, sent)
        located.described_in(r, sent)
        located.division_of(r, sent)
        located.beside(r, sent)
        nationality.nationalities(r, sent)
        residences(r, sent)
        local_people(r, sent)
        possessed_people(r, sent)
        lifespans(r, sent)
        works.work_years(r, sent)
        works.kind_years(r, sent)
        works.releases(r, sent)
        works.stars(r, sent)
    return r
