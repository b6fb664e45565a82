"""Extract: run spaCy over the kept blocks of each document and read mentions and facts.

Each kept block (heading, list item, paragraph) is parsed on its own, so a heading is never glued
to the next line. Mentions carry type votes (spaCy's label, name suffixes, the nouns and verbs
around them); resolution sums the votes over all mentions of one thing.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any

from kg.extract import classifier
from kg.extract import rules as relations
from kg.extract.records import DocExtraction, RawMention
from kg.files import DATA
from kg.ingest.text import clean_text
from kg.model import Document

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span

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
LITERAL_LABELS = {"DATE"}
# characters of text a batch of blocks may hold (spaCy's memory follows the batch's text)
BATCH_CHARS = 100_000
# The trained type classifier overrules spaCy's label (1 vote) when it is this sure, with a
# vote of this weight times its probability.
TYPE_MODEL_SURE = 0.6
TYPE_MODEL_WEIGHT = 1.5

# Concepts that spaCy's small model tags as names: never entities on their own.
STOPLIST = {
    "ai",
    "a.i.",
    "ia",
    "ml",
    "it",
    "api",
    "apis",
    "seo",
    "llm",
    "llms",
    "nlp",
    "ar",
    "vr",
    "xr",
    "iot",
    "saas",
    "ceo",
    "cto",
    "cfo",
    "coo",
    "gdp",
    "faq",
    "pdf",
    "url",
    "html",
    "css",
    "ui",
    "ux",
    "gpu",
    "gpus",
    "cpu",
    "b2b",
    "b2c",
    "roi",
    "kpi",
    "esg",
    "covid",
    "like",
    "love",
    "dislike",
    "comments",
    "comment",
    "user",
    "share",
    "reply",
    "newsletter",
    "email",
}
# Last words that make a name an organization ("Norvik Tech", "Acme Corp", "TBD Lab").
ORG_SUFFIXES = {
    "inc",
    "inc.",
    "corp",
    "corp.",
    "corporation",
    "ltd",
    "ltd.",
    "llc",
    "plc",
    "gmbh",
    "ag",
    "sa",
    "co",
    "co.",
    "company",
    "companies",
    "group",
    "holdings",
    "tech",
    "technologies",
    "technology",
    "labs",
    "lab",
    "laboratory",
    "laboratories",
    "systems",
    "software",
    "bank",
    "university",
    "college",
    "institute",
    "foundation",
    "association",
    "agency",
    "ministry",
    "department",
    "council",
    "committee",
    "party",
    "club",
    "fc",
    "studios",
    "studio",
    "media",
    "network",
    "networks",
    "airlines",
    "airways",
    "motors",
    "partners",
    "capital",
    "ventures",
    "research",
    "solutions",
    "robotics",
    "industries",
    "enterprises",
    "press",
    "times",
    "news",
    "school",
    "academy",
    "commission",
    "union",
    "federation",
    "organization",
    "organisation",
    "ai",
    "office",
    "bureau",
    "service",
    "services",
    "authority",
    "board",
    "court",
    "police",
    "army",
    "navy",
    "team",
    "society",
    "church",
    "hospital",
    "museum",
    "records",
    "pictures",
}
# Head nouns that say what a name is: "X, a foundational model", "X is a startup".
TYPE_NOUNS = {
    "Product": "model app application platform chip processor software service device phone "
    "smartphone tool system product assistant chatbot browser console game engine "
    "framework library language car vehicle drug vaccine satellite rocket aircraft "
    "plane laptop tablet camera robot operating".split(),
    "Organization": "company firm startup start-up lab laboratory organization organisation "
    "agency group team unit division subsidiary maker manufacturer developer "
    "corporation conglomerate bank university college school institute party "
    "club publisher broadcaster newspaper retailer airline carrier insurer "
    "regulator ministry department government giant provider consultancy "
    "nonprofit charity union association foundation".split(),
    "Person": "executive founder ceo chairman chairwoman president director researcher "
    "scientist engineer spokesman spokeswoman spokesperson analyst official minister "
    "senator governor mayor actor actress singer author writer player coach "
    "professor student lawyer judge economist journalist entrepreneur billionaire "
    "investor man woman boy girl son daughter wife husband mother father".split(),
    "Place": "city town village country state province region county capital island river "
    "mountain lake neighborhood suburb district area".split(),
}
NOUN_TYPE = {noun: t for t, nouns in TYPE_NOUNS.items() for noun in nouns}
# Titles before a name ("Sen. Kennedy", "Capt Smith"), in lower case without their dot.
HONORIFICS = set(
    "mr mrs ms miss dr prof sir dame lord lady sen rep gov lt col gen capt cmdr adm maj sgt "
    "cpl pvt rev fr hon king queen prince princess pope sheikh emir president minister "
    "premier chancellor secretary ambassador senator governor mayor judge commander admiral "
    "colonel lieutenant captain sergeant marshal".split()
)
# Words that, however capitalised, only ever title a name ("Prime Minister", "Acting").
_TITLE_WORDS = HONORIFICS | set(
    "general state district attorney acting vice prime chief deputy justice".split()
)

PRODUCT_VERBS = {
    "release",
    "unveil",
    "launch",
    "ship",
    "debut",
    "introduce",
    "roll",
    "announce",
    "update",
    "upgrade",
    "deploy",
    "train",
}
# Verbs whose subject is usually an organization ("Globex acquired Initech").
ORG_SUBJECT_VERBS = {
    "acquire",
    "hire",
    "employ",
    "merge",
    "lay",
    "sue",
    "invest",
    "headquarter",
    "manufacture",
    "ship",
    "list",
}
PERSON_VERBS = {
    "appoint",
    "hire",
    "name",
    "elect",
    "nominate",
    "promote",
    "fire",
    "marry",
    "interview",
    "arrest",
    "kill",
}
DETERMINERS = {"the", "a", "an", "this", "that", "these", "those"}


def _nationalities() -> frozenset[str]:
    """The nationality words of kg/data/demonyms.tsv (casefolded); its second column, the
    country, documents the word for whoever extends the list."""
    path = DATA / "demonyms.tsv"
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(x.split("\t")[0].casefold() for x in lines if x and not x.startswith("#"))


NATIONALITIES = _nationalities()


def is_nationality(text: str) -> bool:
    """ "German", "Germans", "the Americans": a nationality, not a religious or political
    group ("Republicans", "Catholics"), which spaCy tags NORP alike."""
    t = " ".join(text.split()).casefold()
    t = t[4:] if t.startswith("the ") else t
    return t in NATIONALITIES or (t.endswith("s") and t[:-1] in NATIONALITIES)


_POSSESSIVE = {"'s", "’s", "'", "’"}


def extract(
    docs: Iterable[Document],
    nlp: Language,
    *,
    batch_size: int = 64,
    progress: Callable[[int], None] | None = None,
    relation_model: classifier.RelationModel | str | None = "default",
    type_model: classifier.RelationModel | str | None = "default",
    keep_candidates: bool = False,
) -> Iterator[DocExtraction]:
    """Mentions and facts of each document, in order, parsing all blocks through ``nlp.pipe``.

    ``relation_model`` is the trained relation classifier: kg's own ("default"), a path to
    another, a loaded model, or None for the dependency rules alone; ``type_model`` likewise
    for the entity-type classifier, whose votes join spaCy's. ``keep_candidates`` keeps the
    classifiers' inputs on each result (training reads them).
    """
    if isinstance(relation_model, str):
        relation_model = classifier.load(None if relation_model == "default" else relation_model)
    if isinstance(type_model, str):
        type_model = classifier.load_types(None if type_model == "default" else type_model)

    def units() -> Iterator[tuple[str, tuple[Document, int, str, int, int]]]:
        for d in docs:
            kept = d.kept
            if not kept:
                yield "", (d, 0, "none", 1, 1)
            for n, b in enumerate(kept, 1):
                yield clean_text(d, b), (d, b.start, b.kind, n, len(kept))

    def parsed() -> Iterator[tuple[Doc, tuple[Document, int, str, int, int]]]:
        for batch in _batches(units(), batch_size, BATCH_CHARS):
            yield from nlp.pipe(batch, as_tuples=True, batch_size=len(batch))

    current: DocExtraction | None = None
    for sdoc, (d, offset, kind, n, total) in parsed():
        if current is None or current.document is not d:
            current = DocExtraction(d)
        if kind != "none":
            read_block(current, sdoc, offset, kind, relation_model, type_model, keep_candidates)
        if n == total:
            finish(current)
            if progress:
                progress(1)
            yield current
            current = None


def _batches(units: Iterable[tuple[str, Any]], size: int, chars: int) -> Iterator[list]:
    """``units`` in batches of at most ``size`` blocks and, past the first block, ``chars``
    characters: spaCy's memory grows with a batch's text, and a long document's pieces
    (10,000 characters each) in batches of a hundred took over 3 GB."""
    batch: list[tuple[str, Any]] = []
    held = 0
    for u in units:
        if batch and (len(batch) >= size or held + len(u[0]) > chars):
            yield batch
            batch, held = [], 0
        batch.append(u)
        held += len(u[0])
    if batch:
        yield batch


def read_block(
    out: DocExtraction,
    sdoc: Doc,
    offset: int,
    kind: str,
    model: classifier.RelationModel | None = None,
    type_model: classifier.RelationModel | None = None,
    keep_candidates: bool = False,
) -> None:
    """Add one parsed block's mentions and facts to ``out``: rules first, then the model."""
    doc_id = out.document.id
    # the block's token attributes, read once: spaCy makes a new Token object at every access
    tab = relations.Tokens(sdoc)
    label_end = _item_label_end(tab.text) if kind == "item" else -1
    first = len(out.mentions)
    token_mention: dict[int, int] = {}
    dates: list[Span] = []
    spans: list[Span] = []
    for ent in sorted((*sdoc.ents, *_unlabelled_names(sdoc, tab)), key=lambda e: e.start):
        label = ent.label_
        if label in LITERAL_LABELS:
            dates.append(ent)
            continue
        if label not in LABEL_TYPES:
            continue
        span = _trim(ent, tab)
        if span is None or junk(span, tab):
            continue
        i, j = span.start, span.end
        start_char, end_char = tab.idx[i], tab.end_char[j - 1]
        zone = "title" if kind == "heading" or start_char < label_end else "body"
        start, end = offset + start_char, offset + end_char
        sent = tab.sent(i)  # Span.sent: the sentence of the span's first token
        m = RawMention(
            doc_id,
            start,
            end,
            # a name may run across a line break or blanked markup: compare it tidied
            " ".join(tab.text[start_char:end_char].split()),
            label,
            _votes(LABEL_TYPES[label]),
            zone,
            (offset + sent.start_char, offset + sent.end_char),
            surface=out.document.text[start:end],
        )
        _vote(m, span, tab)
        if label == "NAME" and no_name(span, tab):
            m.votes.clear()
        for k in range(i, j):
            token_mention[k] = len(out.mentions)
        out.mentions.append(m)
        spans.append(span)
    if keep_candidates:
        out.mention_features.extend(classifier.mention_features(s, tab) for s in spans)
    elif type_model is not None and spans:
        probs = type_model.probabilities([classifier.mention_features(s, tab) for s in spans])
        # plain floats (each float32 exactly): numpy's per-element indexing costs more
        for m, p in zip(out.mentions[first:], probs.tolist(), strict=True):
            if not m.votes:
                continue  # no name (see no_name)
            # where the model is sure spaCy's label is wrong, its vote moves to the model's type
            k = max(range(len(p)), key=p.__getitem__)  # the first highest, as argmax
            t, mine = type_model.classes[k], LABEL_TYPES[m.label]
            if p[k] >= TYPE_MODEL_SURE and t != mine and t in ("Person", "Organization", "Place"):
                m.votes[mine] -= 1.0
                m.votes[t] += TYPE_MODEL_WEIGHT * p[k]
    facts_from = len(out.facts)
    reader = relations.read(out, sdoc, offset, token_mention, first, dates, tab)
    if keep_candidates:
        out.candidates.extend(
            classifier.candidates(out, sdoc, offset, first, dates, facts_from, reader.t)
        )
    elif model is not None:
        classifier.read(
            out, sdoc, offset, first, dates, facts_from, model, reader.modality, reader.t
        )


def _votes(typ: str) -> Counter[str]:
    """One vote for ``typ`` (Counter's own constructor takes several times longer)."""
    votes: Counter[str] = Counter()
    votes[typ] = 1.0
    return votes


def _unlabelled_names(sdoc: Doc, t: relations.Tokens) -> list[Span]:
    """Runs of proper nouns (NNP, NNPS) outside spaCy's entities and within one sentence:
    the small model's recogniser misses names it has not seen ("Modern Talking", "Kuala
    Lumpur"), and the relation model can still pair them."""
    from spacy.tokens import Span

    out: list[Span] = []
    start, end = -1, 0
    for i, (tag, ent, punct) in enumerate(zip(t.tag, t.ent, t.punct, strict=True)):
        if tag not in ("NNP", "NNPS") or ent or punct:
            continue
        if start >= 0 and (i != end or t.sent_start[i]):
            out.append(Span(sdoc, start, end, label="NAME"))
            start = -1
        if start < 0:
            start = i
        end = i + 1
    if start >= 0:
        out.append(Span(sdoc, start, end, label="NAME"))
    return [_without_titles(s, t.lower) for s in out]


def _without_titles(span: Span, lower: list[str]) -> Span:
    """A proper-noun run without its leading honorifics ("Sen.", "Capt")."""
    k = 0
    while k < len(span) - 1 and lower[span.start + k].rstrip(".") in HONORIFICS:
        k += 1
    if k == 0:
        return span
    from spacy.tokens import Span

    return Span(span.doc, span.start + k, span.end, label=span.label_)


def no_name(span: Span, t: relations.Tokens | None = None) -> bool:
    """Titles, months, common nouns ("Lab", "Secretary", "Jun") or codes with digits: a
    proper-noun run that names nothing. It stays a mention, so that the relation model reads
    the sentence as it is, but it takes no votes and so makes no entity. ``t``: the block's
    token table, where the caller has it."""
    lower = t.lower[span.start : span.end] if t is not None else [w.lower_ for w in span]
    words = [w.rstrip(".") for w in lower]
    if any(c.isdigit() for w in words for c in w):
        return True
    if words[-1] in HONORIFICS:
        return True  # a title before a name spaCy took apart: "Navy Capt" (John Smith)
    if len(words) == 1 and (words[0] in ORG_SUFFIXES or words[0] in NOUN_TYPE):
        return True  # "Lab", "Company" alone; "Acme Labs", "General Motors" are names
    return all(
        w in _TITLE_WORDS or w in relations.ROLE_NOUNS or w in relations.MONTHS for w in words
    )


def finish(out: DocExtraction) -> None:
    """Document-level clean-up: title-zone names count only when the body names them too."""
    body = {m.text.casefold() for m in out.mentions if m.zone == "body"}
    for m in out.mentions:
        if m.zone == "title" and m.text.casefold() not in body:
            m.votes.clear()  # resolution skips mentions without votes: a heading-only name


def _item_label_end(text: str) -> int:
    """Where the label of a list item such as "- Data Pipelines: ..." ends (-1: none)."""
    m = re.match(r"\s*[^:.!?]{1,60}:", text)
    return m.end() if m else -1


def _trim(ent: Span, t: relations.Tokens) -> Span | None:
    """The name without a leading determiner or trailing possessive and punctuation."""
    from spacy.tokens import Span

    start, end = ent.start, ent.end
    norp = ent.label_ == "NORP"
    lower, punct, space, tag, orth = t.lower, t.punct, t.space, t.tag, t.orth
    while start < end:
        if not (
            lower[start] in DETERMINERS
            or punct[start]
            or space[start]
            # a nationality is its adjective ("a German painter"): Wikidata reads it as the country
            or (tag[start] in ("JJ", "JJR", "JJS", "VBN", "VBG", "RB") and not norp)
        ):
            break
        start += 1
    while end > start:
        k = end - 1
        if not (orth[k] in _POSSESSIVE or punct[k] or space[k]):
            break
        end -= 1
    if start >= end:
        return None
    return Span(ent.doc, start, end, label=ent.label)


def junk(span: Span, t: relations.Tokens | None = None) -> bool:
    """Names that are not names: concepts, lowercase phrases, sentence-initial common words.
    ``t``: the block's token table, where the caller has it."""
    t = t if t is not None else relations.Tokens(span.doc)
    start, end = span.start, span.end
    text = t.span_text(start, end)
    if len(text) < 2 or not any(c.isalpha() for c in text) or "\n" in text:
        return True
    if text.casefold() in STOPLIST or text.islower():
        return True
    label = span.label_
    if label == "NORP" and not is_nationality(text):
        return True  # a religious or political group is no place
    if not any(x in ("NNP", "NNPS") for x in t.tag[start:end]) and not (
        label == "NORP" and t.title[start]
    ):
        return True
    words = [k for k in range(start, end) if t.alpha[k]]
    return bool(words) and all(t.is_lower[k] or t.stop[k] for k in words)


def _vote(m: RawMention, span: Span, t: relations.Tokens) -> None:
    """Type votes from the name's own last word and from the words around it."""
    start, end = span.start, span.end
    last = t.lower[end - 1]
    if last in ORG_SUFFIXES and end - start > 1:  # as strong as a describing noun
        m.votes["Organization"] += 3.0
    root = t.root(start, end)
    # "X, a foundational model" / "X is a startup" / "the startup X"
    for noun in _describing_nouns(t, root, start):
        lemma = t.lemma[noun]
        m.kind = m.kind or lemma
        typ = NOUN_TYPE.get(lemma)
        if typ:
            m.votes[typ] += 3.0
    head, dep, pos, lemma_ = t.head[root], t.dep[root], t.pos, t.lemma_
    if dep in ("dobj", "nsubjpass") and pos[head] == "VERB":
        if lemma_[head] in PRODUCT_VERBS and not any(
            t.dep[c] == "prep" and t.lower[c] == "from" for c in t.children[head]
        ):
            m.votes["Product"] += 1.5
        elif lemma_[head] in PERSON_VERBS:
            m.votes["Person"] += 1.0
    if dep == "nsubj" and pos[head] == "VERB" and lemma_[head] in ORG_SUBJECT_VERBS:
        m.votes["Organization"] += 1.5
    if dep == "compound" and t.lemma[head] in ("release", "launch", "rollout"):
        m.votes["Product"] += 1.5


def _describing_nouns(t: relations.Tokens, root: int, start: int) -> Iterator[int]:
    """The nouns that say what the name whose root is ``root`` (from token ``start``) is."""
    dep, pos, head = t.dep, t.pos, t.head
    for c in t.children[root]:  # X, a model
        if dep[c] == "appos" and pos[c] == "NOUN":
            yield c
    if dep[root] == "appos" and pos[head[root]] == "NOUN":  # the model, X
        yield head[root]
    if dep[root] == "nsubj" and t.lemma_[head[root]] == "be":  # X is a model
        for c in t.children[head[root]]:
            if dep[c] == "attr" and pos[c] == "NOUN":
                yield c
    # ("Muse Spark release": a noun X is the compound of says nothing of the type of X itself)
    prev = start - 1
    if prev >= 0 and pos[prev] == "NOUN" and dep[prev] == "compound":  # the startup X
        yield prev
