"""Relation rules over spaCy's dependency parse.

Each rule reads one common construction and proposes a fact between two mentions of the same
sentence. A fact may name several predicates in order of preference ("Meta's TBD Lab" is a parent
organization, "Google's Android" a developer); resolution keeps the first whose domain and range
fit the entities' final types, so rules stay simple and types decide.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from .extract import DocExtraction

SUBJ = ("nsubj", "csubj")
OBJ = ("dobj", "nsubjpass", "obj")
RELATIVE = {"who", "which", "that", "whom"}
# "the company", "the firm": the organization the text was just talking about.
COREF_NOUNS = {
    "company",
    "firm",
    "giant",
    "group",
    "startup",
    "corporation",
    "conglomerate",
    "organization",
    "organisation",
    "business",
    "maker",
    "lab",
    "laboratory",
}
HEDGE_WORDS = {
    "reportedly",
    "allegedly",
    "possibly",
    "perhaps",
    "probably",
    "likely",
    "apparently",
    "supposedly",
    "rumored",
    "rumoured",
    "maybe",
}
MODALS = {"may", "might", "could", "would", "should", "must"}
HEDGE_VERBS = {
    "plan",
    "expect",
    "aim",
    "hope",
    "intend",
    "seek",
    "want",
    "try",
    "consider",
    "propose",
    "rumor",
    "rumour",
    "report",
    "say",
    "claim",
    "deny",
    "refuse",
}
NEGATING_VERBS = {"deny", "refuse", "decline", "fail"}

# verb lemma -> (role of the fact's subject, role of its object, predicates in preference).
# Roles: "subj" the doer, "obj" what is done to (a passive's subject too), "prep:X" the object
# of preposition X, "date" a date attached to the verb.
VERB_RULES: dict[str, list[tuple[str, str, tuple[str, ...], float]]] = {}


def _rule(lemmas: str, a: str, b: str, preds: str, conf: float) -> None:
    for lemma in lemmas.split():
        VERB_RULES.setdefault(lemma, []).append((a, b, tuple(preds.split()), conf))


_rule(
    "found cofound co-found establish form start create incorporate",
    "obj",
    "subj",
    "founded_by",
    0.8,
)
_rule(
    "found cofound co-found establish form start incorporate launch",
    "obj",
    "date",
    "inception",
    0.8,
)
_rule("launch create", "obj", "subj", "founded_by", 0.65)
_rule(
    "release unveil launch develop build introduce ship debut design create roll unveil announce",
    "obj",
    "subj",
    "developer",
    0.75,
)
_rule("manufacture produce make assemble", "obj", "subj", "manufacturer developer", 0.7)
_rule("appoint name tap promote elect nominate choose select", "obj", "subj", "appointed_by", 0.8)
_rule("appoint name hire tap recruit promote poach", "obj", "subj", "employer", 0.7)
_rule("lead head run oversee manage direct chair helm", "obj", "subj", "director_manager", 0.75)
_rule("acquire buy purchase own", "obj", "subj", "owned_by", 0.75)
_rule("work", "subj", "prep:for", "employer", 0.8)
_rule("work teach", "subj", "prep:at", "employer", 0.75)
_rule("join", "subj", "obj", "employer member_of", 0.65)
_rule("bear", "obj", "prep:in", "place_of_birth", 0.85)
_rule("bear", "obj", "date", "date_of_birth", 0.85)
_rule("die", "subj", "date", "date_of_death", 0.8)
_rule("live reside", "subj", "prep:in", "residence", 0.8)
_rule("move relocate", "subj", "prep:to", "residence", 0.5)
_rule("base headquarter", "obj", "prep:in", "headquarters_location", 0.85)
_rule("locate situate", "obj", "prep:in", "located_in headquarters_location", 0.75)
_rule("marry wed", "subj", "obj", "spouse", 0.8)
_rule("marry wed", "obj", "subj", "spouse", 0.8)
_rule("marry", "obj", "prep:to", "spouse", 0.8)
_rule("study graduate", "subj", "prep:at", "educated_at", 0.75)
_rule("graduate", "subj", "prep:from", "educated_at", 0.75)
_rule("attend", "subj", "obj", "educated_at", 0.6)
_rule("kill murder assassinate shoot slay stab strangle execute", "obj", "subj", "killed_by", 0.8)

# role noun -> [(fact subject: "holder" or "org", predicates)], read as "X, the N of Y".
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
    "parent": [("org", ("parent_organization",))],
    "capital": [("holder", ("country", "located_in"))],
}
for _n in (
    "chairman chairwoman chair president director head chief leader boss manager "
    "principal dean commissioner superintendent"
).split():
    ROLE_NOUNS[_n] = _LEADER
for _n in (
    "spokesman spokeswoman spokesperson engineer researcher scientist analyst executive "
    "official employee reporter correspondent editor economist lawyer attorney adviser "
    "advisor officer vp staffer worker professor lecturer coach player secretary "
    "treasurer partner designer architect strategist programmer developer"
).split():
    ROLE_NOUNS.setdefault(_n, [("holder", ("employer",))])

LEAD_FORMS = {"leading", "leads", "led", "heading", "heads", "headed", "running", "runs", "ran"}

_MONTH_NAMES = (
    "january february march april may june july august september october november december"
)
MONTHS = {m: i for i, m in enumerate(_MONTH_NAMES.split(), 1)}
MONTHS.update({m[:3]: i for m, i in list(MONTHS.items())})
MONTHS["sept"] = 9


def iso_date(text: str) -> str | None:
    """An ISO 8601 date (or year, or year-month) for a date phrase; None when it has none."""
    s = text.lower().replace(",", " ").replace(".", " ")
    year = re.search(r"\b(1[5-9]\d\d|20\d\d)\b", s)
    if not year:
        return None
    words = s.split()
    month = next((MONTHS[w] for w in words if w in MONTHS), None)
    day = next(
        (int(w) for w in re.findall(r"\b(\d{1,2})(?:st|nd|rd|th)?\b", s) if 1 <= int(w) <= 31), None
    )
    if month and day:
        return f"{year.group(1)}-{month:02d}-{day:02d}"
    if month:
        return f"{year.group(1)}-{month:02d}"
    return year.group(1)


class Tokens:
    """A parsed block's token attributes as plain lists, read in one go (``Doc.to_array``):
    spaCy makes a new Token object at every access, and the rules and the relation model's
    features scan every token of a block several times."""

    def __init__(self, sdoc: Doc) -> None:
        import numpy as np
        from spacy.attrs import DEP, ENT_TYPE, HEAD, IS_PUNCT, LEMMA, LOWER, POS, SENT_START, TAG

        n = len(sdoc)
        a = sdoc.to_array([HEAD, DEP, LOWER, LEMMA, POS, TAG, IS_PUNCT, ENT_TYPE, SENT_START])
        strings = sdoc.vocab.strings
        # HEAD is an offset, stored unsigned: back to signed, then to the head's index
        self.head: list[int] = (np.arange(n, dtype=np.int64) + a[:, 0].astype(np.int64)).tolist()
        self.dep, self.lower, lemma, self.pos, self.tag = (
            [strings[h] for h in a[:, j].tolist()] for j in range(1, 6)
        )
        self.lemma: list[str] = [x.lower() for x in lemma]
        self.punct: list[int] = a[:, 6].tolist()
        self.ent: list[bool] = [bool(x) for x in a[:, 7].tolist()]
        self.sent_start: list[bool] = [x == 1 for x in a[:, 8].tolist()]


class _Reader:
    """The rules over one parsed block; facts go to ``out`` with document offsets."""

    def __init__(
        self,
        out: DocExtraction,
        sdoc: Doc,
        offset: int,
        tm: dict[int, int],
        first: int,
        dates: list[Span],
        tokens: Tokens | None = None,
    ) -> None:
        self.out, self.sdoc, self.offset, self.tm, self.first = out, sdoc, offset, tm, first
        self.date_of = {t.i: d for d in dates for t in d}
        self.seen: set[tuple] = set()
        self.t = tokens if tokens is not None else Tokens(sdoc)
        # Doc.text joins every token's text anew at each call: read it once
        self.text = text = sdoc.text
        # tokens of questions, found once: Token.sent walks the document on every call
        self.asked = {
            i
            for sent in sdoc.sents
            if text[sent.start_char : sent.end_char].rstrip().endswith("?")
            or (sent.end == len(sdoc) and text.rstrip().endswith("?"))
            for i in range(sent.start, sent.end)
        }

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
            return self.ref(tok.head.head)
        if (
            tok.lemma_.lower() in COREF_NOUNS
            and any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children)
            and not any(c.dep_ == "prep" for c in tok.children)
        ):
            return self.last_org(self.offset + tok.idx)
        for c in tok.children:  # "the startup Mistral", "the model, Muse Spark"
            if c.dep_ == "appos" and c.i in self.tm:
                return self.tm[c.i]
        return None

    def last_org(self, before: int) -> int | None:
        for i in range(len(self.out.mentions) - 1, -1, -1):
            m = self.out.mentions[i]
            if m.start < before and m.votes and m.label == "ORG":
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
        if verb.dep_ == "xcomp":  # "appointed Wang to lead": object control, else subject
            obj = next((c for c in verb.head.children if c.dep_ in ("dobj", "obj")), None)
            return obj or self.subject(verb.head)
        if verb.dep_ in ("conj", "advcl") and verb.head.pos_ in ("VERB", "AUX"):
            head = verb.head
            while head.dep_ in ("xcomp", "conj", "advcl") and not any(
                c.dep_ in SUBJ for c in head.children
            ):
                head = head.head
            return self.subject(head) if head is not verb else None
        return None

    def roles(self, verb: Token) -> dict[str, list[Token]]:
        r: dict[str, list[Token]] = {}
        subj = self.subject(verb)
        if subj is not None and subj.dep_ != "nsubjpass":
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
        return r

    def modality(self, verb: Token) -> tuple[bool, bool]:
        """(hedged, negated) for a verb and the verbs it hangs from."""
        hedged = negated = False
        if verb.i in self.asked:
            hedged = True
        t: Token | None = verb
        depth = 0
        while t is not None and depth < 4:
            for c in t.children:
                if c.dep_ == "neg" or c.lower_ in ("never", "no"):
                    negated = True
                if c.dep_ == "aux" and c.lower_ in MODALS:
                    hedged = True
                if c.dep_ == "advmod" and c.lower_ in HEDGE_WORDS:
                    hedged = True
                if c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether"):
                    hedged = True
            if t is not verb and t.lemma_ in HEDGE_VERBS:
                hedged = True
                if t.lemma_ in NEGATING_VERBS:
                    negated = True
            if t.dep_ not in ("xcomp", "ccomp", "conj", "advcl") or t.head is t:
                break
            t = t.head
            depth += 1
        return hedged, negated

    # -- emitting --------------------------------------------------------------------------

    def emit(
        self,
        a: int | str | None,
        b: int | str | None,
        preds: tuple[str, ...],
        conf: float,
        rule: str,
        sent: Span,
        obj_tok: Token | None = None,
        mod: tuple[bool, bool] = (False, False),
    ) -> None:
        if not isinstance(a, int) or b is None or a == b:
            return
        if isinstance(b, str):
            start, end = self._date_span(obj_tok)
        else:
            m = self.out.mentions[b]
            start, end = m.start, m.end
        key = (a, b, preds)
        if key in self.seen:
            return
        self.seen.add(key)
        from .extract import RawFact

        hedged, negated = mod
        self.out.facts.append(
            RawFact(
                subject=a,
                predicates=preds,
                object=b,
                rule=rule,
                confidence=round(conf * (0.6 if hedged else 1.0), 3),
                sentence=(self.offset + sent.start_char, self.offset + sent.end_char),
                object_span=(start, end),
                hedged=hedged,
                negated=negated,
            )
        )

    def _date_span(self, tok: Token | None) -> tuple[int, int]:
        if tok is None or tok.i not in self.date_of:
            return (0, 0)
        d = self.date_of[tok.i]
        return (self.offset + d.start_char, self.offset + d.end_char)

    # -- rules -----------------------------------------------------------------------------

    def verbs(self, sent: Span) -> None:
        pos, tag, lemmas = self.t.pos, self.t.tag, self.t.lemma
        for i in range(sent.start, sent.end):
            if pos[i] not in ("VERB", "AUX") and tag[i] not in ("VBN", "VBG"):
                continue
            lemma = lemmas[i]
            rules = VERB_RULES.get(lemma)
            if not rules:
                continue
            verb = self.sdoc[i]
            roles = self.roles(verb)
            mod = self.modality(verb)
            for a_role, b_role, preds, conf in rules:
                for a_tok in roles.get(a_role, []):
                    for b_tok in roles.get(b_role, []):
                        for a in self.refs(a_tok):
                            for b in self.refs(b_tok):
                                if isinstance(b, str) and b_role != "date":
                                    continue
                                self.emit(a, b, preds, conf, f"verb:{lemma}", sent, b_tok, mod)

    def role_nouns(self, sent: Span) -> None:
        pos, lemmas = self.t.pos, self.t.lemma
        for i in range(sent.start, sent.end):
            key = lemmas[i]
            if pos[i] not in ("NOUN", "PROPN") or key not in ROLE_NOUNS:
                continue
            noun = self.sdoc[i]
            if key == "executive" and any(c.lower_ == "chief" for c in noun.children):
                key = "ceo"
            if noun.lower_ == "officer" and any(c.lower_ == "executive" for c in noun.children):
                key = "ceo"
            holder = self._holder(noun)
            orgs = list(self._orgs(noun, holder))
            if holder is None or not orgs:
                continue
            mod = self.modality(noun.head) if noun.dep_ == "attr" else (False, False)
            for h in self.refs(holder):
                for o in orgs:
                    for side, preds in ROLE_NOUNS[key]:
                        a, b = (h, o) if side == "holder" else (o, h)
                        self.emit(a, b, preds, 0.8, f"role:{key}", sent, None, mod)

    def _holder(self, noun: Token) -> Token | None:
        if noun.dep_ == "conj":
            first = noun
            while first.dep_ == "conj":
                first = first.head
            return self._holder(first)
        if noun.dep_ == "appos":
            return noun.head
        for c in noun.children:
            if c.dep_ == "appos" and c.i in self.tm:
                return c
        if noun.dep_ == "attr" and noun.head.lemma_ == "be":
            return next((c for c in noun.head.children if c.dep_ in SUBJ), None)
        if noun.dep_ == "compound" and noun.head.i in self.tm and noun.head.i > noun.i:
            return noun.head
        if noun.dep_ == "oprd":
            return next((c for c in noun.head.children if c.dep_ in OBJ), None)
        if noun.dep_ == "pobj" and noun.head.lower_ == "as":
            verb = noun.head.head
            return next((c for c in verb.children if c.dep_ in OBJ), None) or self.subject(verb)
        return None

    def _orgs(self, noun: Token, holder: Token | None) -> Iterator[int]:
        held = self.ref(holder) if holder is not None else None
        family = [noun, *noun.conjuncts]
        for n in family:
            for c in n.children:
                if c.dep_ == "prep" and c.lower_ in ("of", "at", "for"):
                    for p in c.children:
                        if p.dep_ == "pobj":
                            yield from (r for r in self.refs(p) if isinstance(r, int))
        for c in noun.children:
            if c.dep_ in ("poss", "compound", "nmod") and c.i in self.tm:
                r = self.tm[c.i]
                if r != held:
                    yield r

    def possessives(self, sent: Span) -> None:
        """ "Meta's TBD Lab", "Google's Android"."""
        dep, head, tm = self.t.dep, self.t.head, self.tm
        for i in range(sent.start, sent.end):
            if dep[i] != "poss" or i not in tm or head[i] not in tm:
                continue
            owner, owned = tm[i], tm[head[i]]
            if owner != owned:
                self.emit(
                    owned,
                    owner,
                    ("parent_organization", "developer", "located_in"),
                    0.6,
                    "possessive",
                    sent,
                )

    def based(self, sent: Span) -> None:
        """ "a UK-based company", "the Paris-based startup Mistral"."""
        lower = self.t.lower
        for i in range(sent.start, sent.end):
            if lower[i] != "based" or i < 2 or self.sdoc[i - 1].text not in "-–":
                continue
            place = self.ref(self.sdoc[i - 2])
            noun = self.sdoc[i].head
            org = self.ref(noun)
            if org is None and noun.dep_ == "appos":
                org = self.ref(noun.head)
            if org is None and noun.dep_ == "attr" and noun.head.lemma_ == "be":
                org = self.ref(next((c for c in noun.head.children if c.dep_ in SUBJ), None))
            self.emit(org, place, ("headquarters_location",), 0.8, "x-based", sent)

    def places(self, sent: Span) -> None:
        """ "Palo Alto, California": a place in apposition to a place lies in it."""
        dep, head, tm = self.t.dep, self.t.head, self.tm
        for i in range(sent.start, sent.end):
            if dep[i] not in ("appos", "npadvmod") or i not in tm:
                continue
            inner, outer = tm.get(head[i]), tm[i]
            if inner is None or inner == outer:
                continue
            mi, mo = self.out.mentions[inner], self.out.mentions[outer]
            between = self.text[mi.end - self.offset : mo.start - self.offset]
            if between.strip() == "," and mi.label in ("GPE", "LOC") and mo.label == "GPE":
                self.emit(inner, outer, ("located_in", "country"), 0.8, "place-appos", sent)

    def of_phrases(self, sent: Span) -> None:
        """ "John Smith of Acme", "Acme of Dallas": a name qualified by another."""
        dep, head, lower, tm = self.t.dep, self.t.head, self.t.lower, self.tm
        for i in range(sent.start, sent.end):
            if i not in tm or lower[head[i]] not in ("of", "from"):
                continue
            prep = self.sdoc[head[i]]
            if dep[i] != "pobj" or head[prep.i] not in tm:
                continue
            a, b = tm[head[prep.i]], tm[i]
            if a == b:
                continue
            if self.out.mentions[a].end > self.out.mentions[b].start:
                continue  # "University of Chicago": one name
            self.emit(
                a,
                b,
                ("employer", "headquarters_location", "residence"),
                0.55,
                f"prep:{prep.lower_}",
                sent,
            )

    def leading(self, sent: Span) -> None:
        """ "Wang leading TBD Lab" read from the words, where the parse goes astray."""
        lower = self.t.lower
        for k in range(sent.start + 1, sent.end - 1):
            if lower[k] not in LEAD_FORMS:
                continue
            left, right = k - 1, k + 1
            if lower[right] == "the" and k + 2 < sent.end:
                right = k + 2
            a, b = self.tm.get(left), self.tm.get(right)
            if a is not None and b is not None and a != b:
                self.emit(b, a, ("director_manager",), 0.6, "surface:leading", sent)


def read(
    out: DocExtraction,
    sdoc: Doc,
    offset: int,
    token_mention: dict[int, int],
    first: int,
    dates: list[Span],
    tokens: Tokens | None = None,
) -> _Reader:
    """Propose facts for each sentence of a parsed block; returns the reader (its modality).
    ``tokens`` is the block's attribute table where the caller has read it already."""
    r = _Reader(out, sdoc, offset, token_mention, first, dates, tokens)
    for sent in sdoc.sents:
        r.verbs(sent)
        r.role_nouns(sent)
        r.possessives(sent)
        r.based(sent)
        r.places(sent)
        r.of_phrases(sent)
        r.leading(sent)
    return r
