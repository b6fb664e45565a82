"""What the words around a name say of its type, beyond its own words: the nouns that describe
it ("X, a startup", "films such as X and Y"), who speaks or acts for it ("a Deutsche Telekom
spokesman"), where it speaks ("said in a statement"), a town's name where a person comes from
("an engineer from Tartu"), and what writes a name as a work's ("Cycle (2008)", "X, directed by
Y"). kg.extract.types weighs them as votes."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from functools import lru_cache
from pathlib import Path

from kg.extract.tokens import ARGUMENTS, Tokens
from kg.lexicon import (
    AWARD_WORDS,
    BUY_VERBS,
    CLOSING_QUOTE_MARKS,
    CODE_NOUNS,
    CODE_VERBS,
    EXAMPLE_WORDS,
    KIND_TYPE,
    LANGUAGE_NOUNS,
    LANGUAGE_VERBS,
    NOUN_TYPE,
    ORG_SUFFIXES,
    PRESS_WORDS,
    PROGRAM_NOUNS,
    SITE_NOUNS,
    SPOKESMAN_NOUNS,
    STATEMENT_NOUNS,
    WORK_VERBS,
)
from kg.names import compact_key, name_key

# the longest list of names whose first a kind noun describes for all ("the magazines Le Débat
# and Esprit"): a bound on the walk up the parser's chain of conjuncts
LIST_LENGTH = 12
# the types a list of names passes on to a name in it that its own words leave unsure
LISTED_TYPES = frozenset({"Person", "Organization", "Place"})

TOWNS = Path(__file__).resolve().parent.parent / "data" / "towns.txt"


@lru_cache(maxsize=1)
def towns() -> frozenset[str]:
    """The name keys of kg/data/towns.txt (GeoNames' towns of 15,000 people or more) in ASCII
    without spaces (``compact_key``: "Tromsø" as news writes it, "Tromso"), read the first
    time a name needs them."""
    lines = TOWNS.read_text(encoding="utf-8").splitlines()
    return frozenset(compact_key(name_key(x)) for x in lines if x and not x.startswith("#"))


def in_towns(key: str) -> bool:
    """Whether the name key ``key`` is a town's of kg/data/towns.txt."""
    return compact_key(key) in towns()


def from_town(t: Tokens, root: int, key: str) -> bool:
    """Whether the name (root ``root``, name key ``key``) is where a person described by a noun
    comes from or is, and a town's name: "an engineer from Tartu", "a teacher in Viljandi".
    Not "a researcher from Google": the town list decides, since the words alone say an
    employer as often."""
    head = t.head[root]
    if t.dep[root] != "pobj" or t.lower[head] not in ("from", "in"):
        return False
    noun = t.head[head]
    return t.pos[noun] == "NOUN" and NOUN_TYPE.get(t.lemma[noun]) == "Person" and in_towns(key)


def sited(t: Tokens, root: int, key: str) -> bool:
    """Whether the name (root ``root``, name key ``key``) is a town's written before a work or
    site it holds, or after the site and "in": "the Tromso mill", "the Halden plant", "the mill
    in Tromso". The town list decides, as for ``from_town``: "the Ford plant" is a company's."""
    head = t.head[root]
    if t.dep[root] == "pobj" and t.lower[head] == "in":  # "the mill in Tromso"
        head = t.head[head]
    elif t.dep[root] != "compound":
        return False
    return t.pos[head] == "NOUN" and t.lemma[head] in SITE_NOUNS and in_towns(key)


def spoken_for(t: Tokens, root: int, end: int) -> bool:
    """Whether the name (root ``root``, tokens to ``end``) is written right before who speaks
    or acts for it: "a Deutsche Telekom spokesman", "Baltic Yards chief executive Peeter Kask"
    (which the parser may read as an apposition: no comma, so the name is the noun's
    modifier, not described by it)."""
    head = t.head[root]
    if (
        t.dep[root] in ("compound", "nmod")
        and t.lemma[head] in SPOKESMAN_NOUNS
        and t.pos[head] == "NOUN"
        and all(t.pos[k] == "ADJ" for k in range(end, head))
    ):
        return True  # not through another noun: "King County police spokesman" is the police's
    noun = adjacent_appos(t, root, end)
    return noun is not None and t.lemma[noun] in SPOKESMAN_NOUNS


def adjacent_appos(t: Tokens, root: int, end: int) -> int | None:
    """The noun the parser put in apposition to the name (root ``root``) with nothing but
    adjectives between them ("Baltic Yards chief executive"): a misread compound."""
    for c in t.children[root]:
        if t.dep[c] == "appos" and t.pos[c] == "NOUN" and c >= end:
            if all(t.pos[k] == "ADJ" for k in range(end, c)):
                return c
    return None


def comma_noun(t: Tokens, end: int) -> int | None:
    """The noun of "a"/"an" right after a name and its comma ("sold to Arctic Fibre, a company
    founded in 2011"), which the parser may hang on the verb rather than on the name: an
    apposition by its words. Not a subject ("In Tallinn, a man was arrested") nor an object."""
    n = len(t.dep)
    if end + 1 >= n or t.lower[end] != "," or t.lower[end + 1] not in ("a", "an"):
        return None
    k, last = end + 2, None
    while k < n and t.pos[k] in ("ADJ", "ADV", "NOUN"):  # the phrase's last noun is its head
        last = k if t.pos[k] == "NOUN" else last
        k += 1
    if last is None or t.dep[last] in ARGUMENTS:
        return None
    return last


def stated(t: Tokens, verb: int) -> bool:
    """Whether the speech verb ``verb`` says where it was said: "said in a statement"."""
    for p in t.children[verb]:
        if t.dep[p] == "prep" and t.lower[p] == "in":
            if any(t.lemma[o] in STATEMENT_NOUNS for o in t.children[p] if t.dep[o] == "pobj"):
                return True
    return False


def quote_speaker(t: Tokens, start: int, verb: int) -> bool:
    """Whether the name from token ``start``, the subject of the speech verb ``verb``, speaks
    the quotation that ends right before it or before the verb: '"...," Olaf Scholz said',
    '"...," said Olaf Scholz'. spaCy's label for such a name is often a body's."""
    before = verb if verb == start - 1 else start
    return before > 0 and t.orth[before - 1] in CLOSING_QUOTE_MARKS


def coded(t: Tokens, root: int) -> bool:
    """Whether a name (its root ``root``) is said as a programming language: "PHP code",
    "Python programmers", "software written in PHP", "the site was built with PHP and MySQL";
    not "written in London" (no program is said)."""
    head, dep = t.head[root], t.dep[root]
    if dep in ("compound", "nmod", "amod") and t.lemma[head] in CODE_NOUNS:
        return True
    while dep == "conj" and head != root:  # "in PHP, Python and Java": the first conjunct's
        root = head
        head, dep = t.head[root], t.dep[root]
    if dep != "pobj" or t.lower[head] not in ("in", "with"):
        return False
    verb = t.head[head]
    if t.pos[verb] != "VERB" or t.lemma[verb] not in CODE_VERBS:
        return False
    said_of = [c for c in t.children[verb] if t.dep[c] in ARGUMENTS]
    if t.dep[verb] in ("acl", "relcl"):
        said_of.append(t.head[verb])  # "code written in PHP"
    # "most of the code is written in PHP": the part's whole
    wholes = [p for k in said_of for p in t.children[k] if t.lower[p] == "of"]
    said_of += [o for p in wholes for o in t.children[p]]
    return any(t.lemma[k] in PROGRAM_NOUNS for k in said_of)


def buys_company(t: Tokens, verb: int) -> bool:
    """Whether the verb ``verb``, or the infinitive that completes it ("agreed to buy"), buys
    a company: its object is a company's noun ("bought the firm"), is described by one ("buy
    software maker Altair") or ends in an organization's word ("buy Acme Corp"). Persons buy
    houses and shares; a company is bought by a company."""
    verbs = [verb, *(c for c in t.children[verb] if t.dep[c] == "xcomp")]
    for v in verbs:
        if t.lemma[v] not in BUY_VERBS:
            continue
        for o in t.children[v]:
            if t.dep[o] != "dobj":
                continue
            if KIND_TYPE.get(t.lemma[o]) == "Organization" or t.lower[o] in ORG_SUFFIXES:
                return True
            if any(
                t.dep[c] in ("compound", "appos") and KIND_TYPE.get(t.lemma[c]) == "Organization"
                for c in t.children[o]
            ):
                return True
    return False


def owns_its(t: Tokens, verb: int) -> bool:
    """Whether the object of the verb ``verb``, or of the infinitive that completes it, is
    the subject's by "its": "Acme agreed to sell its shipping arm", "Acme cut its forecast". A
    person's is "his" or "her"; a clause of its own ("said the board would cut its ...") has
    a subject of its own, so only the verb's own object counts."""
    for v in [verb, *(c for c in t.children[verb] if t.dep[c] == "xcomp")]:
        for o in t.children[v]:
            if t.dep[o] == "dobj" and any(
                t.dep[c] == "poss" and t.lower[c] == "its" for c in t.children[o]
            ):
                return True
    return False


def own_pronoun(t: Tokens, verb: int) -> str:
    """The subject pronoun of the clause a speech verb ``verb`` reports ("Acme said it would
    ..." gives "it"), which stands for the verb's own subject; "" where there is none."""
    for c in t.children[verb]:
        # "it was too early", "it seemed": the pronoun is the clause's own, no one's
        if t.dep[c] == "ccomp" and t.lemma[c] not in ("be", "seem", "appear", "take"):
            for s in t.children[c]:
                if t.dep[s] in ("nsubj", "nsubjpass") and t.lower[s] in ("it", "he", "she"):
                    return t.lower[s]
    return ""


def describing_nouns(t: Tokens, root: int, start: int, end: int) -> Iterator[int]:
    """The nouns that say what the name whose root is ``root`` (tokens ``start:end``) is: "X, a
    model", "the model, X", "X is a model", "the startup X", and a plural noun that lists it
    with others ("the magazines Le Débat and Esprit", "films such as Up, Cars and Zootopia")."""
    dep, pos, head = t.dep, t.pos, t.head
    right_after = adjacent_appos(t, root, end)
    for c in t.children[root]:  # X, a model
        if dep[c] == "appos" and pos[c] == "NOUN" and c != right_after:
            yield c
    loose = comma_noun(t, end)
    if loose is not None and dep[loose] != "appos":
        yield loose
    first = list_head(t, root)
    if dep[first] == "appos" and pos[head[first]] == "NOUN":  # the model, X
        if first == root or _lists(t, head[first], first):  # the magazines X and Y
            yield head[first]
    if dep[root] == "nsubj" and t.lemma_[head[root]] == "be":  # X is a model
        for c in t.children[head[root]]:
            if dep[c] == "attr" and pos[c] == "NOUN":
                yield c
    # ("Muse Spark release": a noun X is the compound of says nothing of the type of X itself)
    prev = start - 1
    if prev >= 0 and pos[prev] == "NOUN":
        if dep[prev] == "compound" or (end - start == 1 and _misread_title(t, prev, root)):
            yield prev  # the startup X
    noun = exemplified(t, first)
    if noun is not None:
        yield noun


def _misread_title(t: Tokens, noun: int, root: int) -> bool:
    """Whether the noun right before a one-word name (``root``) is its title that the parser
    misread: as a second subject ("the sportswear maker X said"), as the head the name hangs
    on ("his publisher X"), or as the noun the name's clause describes ("manufacturer X
    announced"). Not before a full name, which may be a person's with his calling."""
    dep, head = t.dep, t.head
    verb = head[root]
    return (
        (dep[noun] == dep[root] and head[noun] == verb)
        or verb == noun
        or (
            dep[root] == "nsubj"
            and dep[verb] == "relcl"
            and head[verb] == noun
            # the clause is whole, so the noun is no object it lacks ("the car X drove")
            and any(dep[c] in ("dobj", "ccomp") for c in t.children[verb])
        )
    )


def list_head(t: Tokens, root: int) -> int:
    """The first name of the list of proper nouns the name whose root is ``root`` is in ("Up" of
    "Up, Cars and Zootopia"), or ``root`` itself."""
    k = root
    for _ in range(LIST_LENGTH):
        if t.dep[k] != "conj" or t.pos[t.head[k]] != "PROPN":
            break
        k = t.head[k]
    return k


def _lists(t: Tokens, noun: int, first: int) -> bool:
    """Whether the plural ``noun`` is written right before the list whose first name's root is
    ``first`` ("the magazines Le Débat and Esprit"), with no punctuation between: "Teams:
    Australia - Ian Healy, Michael Bevan" is a roster, not names of teams."""
    return (
        noun < first
        and t.lower[noun].endswith("s")
        and not any(t.pos[k] == "PUNCT" for k in range(noun + 1, first))
    )


def exemplified(t: Tokens, root: int) -> int | None:
    """The noun whose example the name (root ``root``) is: "films such as Up", "Google apps,
    including Gmail", "bands like Horcas", "towns in the zone include Wereta"; not "looks like
    Paris" (no noun)."""
    word = t.head[root]
    if t.dep[root] == "dobj" and t.lemma[word] == "include" and t.pos[word] == "VERB":
        return next(
            (c for c in t.children[word] if t.dep[c] == "nsubj" and t.pos[c] == "NOUN"), None
        )
    if t.dep[root] != "pobj" or t.lower[word] not in EXAMPLE_WORDS or word == root:
        return None
    if t.lower[word] == "as" and not (word > 0 and t.lower[word - 1] == "such"):
        return None
    noun = t.head[word]
    return noun if t.pos[noun] == "NOUN" and noun < word else None


def pressed(t: Tokens, root: int, start: int) -> bool:
    """Whether a paper's word is written as an adjective right before the name (root ``root``,
    first token ``start``): "the German weekly Focus", "French daily Le Monde"; no person's
    name is written so."""
    prev = start - 1
    return (
        prev >= 0
        and t.lower[prev] in PRESS_WORDS
        and t.dep[prev] in ("amod", "compound")
        and t.head[prev] == root
    )


def place_named(t: Tokens, root: int, end: int) -> bool:
    """Whether the words around a name say it is a place by a place's own noun (``TYPE_NOUNS``'
    places, in lower case): the name of "the island of Santorini", "the city of Zug"; a name
    right before the noun ("Kassongue province", "the Deutz district"), not before a plural
    ("Warsaw Pact countries" are its members); and a name a hyphen joins to "based"
    ("Rostock-based", said of where a body is)."""
    dep, head, lower = t.dep, t.head, t.lower
    if end < t.n and head[root] == end and _place_noun(t, end) and lower[end] == t.lemma[end]:
        return dep[root] == "compound"  # "Kassongue province"
    if dep[root] == "pobj" and lower[head[root]] == "of":
        noun = head[root] - 1  # "the (Russian) town of X": the noun right before "of"
        return (
            head[head[root]] == noun
            and _place_noun(t, noun)
            and any(lower[c] == "the" for c in t.children[noun])
        )
    return end + 1 < t.n and t.orth[end] == "-" and lower[end + 1] == "based"


def _place_noun(t: Tokens, k: int) -> bool:
    return t.is_lower[k] and NOUN_TYPE.get(t.lemma[k]) == "Place"


def awarded(t: Tokens, root: int, start: int, end: int) -> bool:
    """Whether the name (tokens ``start:end``, root ``root``) is a thing won or had, as an
    award is written: one word after an indefinite article ("won an Oscar", "his chances for
    a Tony"; a person's name takes none) with no noun after it (the article may be a noun's
    the parser missed: "a West Palm Beach lawyer"), or what a winner's word is of ("a
    two-time Oscar winner", "the Grammy-winning singer")."""
    prev = start - 1
    if (
        end - start == 1
        and prev >= 0
        and t.lower[prev] in ("a", "an")
        and t.head[prev] == root
        and not (end < t.n and t.pos[end] in ("NOUN", "PROPN", "PUNCT", "CCONJ"))
    ):
        return True
    head = t.head[root]
    return t.dep[root] in ("compound", "npadvmod", "nmod") and t.lower[head] in AWARD_WORDS


def dated(t: Tokens, end: int) -> bool:
    """Whether a year alone in brackets follows the name (tokens to ``end``), as a work's is
    written ("Cycle (2008)", "L'Œuvre (1886)"); not a person's years ("(1863-1947)", "(born
    1965)") nor a number of another length."""
    if end + 2 >= t.n or t.orth[end] != "(" or t.orth[end + 2] != ")":
        return False
    year = t.orth[end + 1]
    return len(year) == 4 and year.isdigit() and year[0] in "12"


def made_work(t: Tokens, root: int) -> bool:
    """Whether a verb of making a film or a piece hangs on the name (root ``root``) with its
    maker: "X, directed by Y", "X was directed by Y", "X, starring Y"."""
    for c in t.children[root]:
        if t.dep[c] == "acl" and t.lemma[c] in WORK_VERBS and t.tag[c] in ("VBN", "VBG"):
            return _by(t, c) if t.tag[c] == "VBN" else t.lemma[c] == "star"
    head = t.head[root]
    return t.dep[root] == "nsubjpass" and t.lemma[head] in WORK_VERBS and _by(t, head)


def _by(t: Tokens, verb: int) -> bool:
    return any(t.dep[c] == "agent" for c in t.children[verb])


def spoken(t: Tokens, root: int) -> bool:
    """Whether a nationality word (the name's one token, ``root``) is said as a language:
    "written in French", "translated into English", "(Vietnamese: ...)", "the Greek word",
    "the Hindi language", "spoke Romanian", a translation ("Die Haut (German for the skin)",
    "PREC (..., Portuguese for Ongoing Revolutionary Process)"); not "a French writer" nor
    "the French" as a people."""
    head, dep = t.head[root], t.dep[root]
    if dep == "pobj" and t.lower[head] in ("in", "into") and t.pos[t.head[head]] == "VERB":
        return True
    if dep == "dobj" and t.lemma[head] in LANGUAGE_VERBS:
        return True
    if (
        root > 0
        and t.orth[root - 1] in ("(", ",")
        and root + 1 < t.n
        and t.lower[root + 1] == "for"
    ):
        return True
    if root > 0 and t.orth[root - 1] == "(" and root + 1 < t.n and t.orth[root + 1] in (":", ";"):
        return True
    return dep in ("amod", "compound") and t.lemma[head] in LANGUAGE_NOUNS


def listed_with_towns(t: Tokens, root: int, known: Callable[[str], bool]) -> bool:
    """Whether the name whose root is ``root`` is in a list of three names or more most of whose
    others are known places (``known``, of a name key): "offices in Harrogate, Hull, Sheffield
    and York", "Homs, Aleppo and Hama"."""
    first = list_head(t, root)
    members = [first, *_conjuncts(t, first)]
    others = [k for k in members if k != root]
    if len(members) < 3:
        return False
    places = sum(1 for k in others if known(name_key(" ".join(t.orth[_name_start(t, k) : k + 1]))))
    return places * 2 > len(others)


def _conjuncts(t: Tokens, k: int) -> list[int]:
    """The proper nouns joined to ``k`` as conjuncts, and theirs, in order."""
    out: list[int] = []
    todo = [k]
    while todo and len(out) < LIST_LENGTH:
        k = todo.pop()
        for c in t.children[k]:
            if t.dep[c] == "conj" and t.pos[c] == "PROPN":
                out.append(c)
                todo.append(c)
    return out


def _name_start(t: Tokens, k: int) -> int:
    """The first token of the run of proper nouns that ends at ``k`` ("Whitley" of "Whitley
    Bay")."""
    i = k
    while i > 0 and t.pos[i - 1] == "PROPN" and t.head[i - 1] == k:
        i -= 1
    return i


def listed_votes(
    votes: Sequence[Counter[str]],
    roots: Sequence[int],
    labels: Sequence[str],
    t: Tokens,
    *,
    weak: float,
    weight: float,
) -> None:
    """A name in a list of three names or more that its own words type no better than the
    recogniser's label does (``weak``: its highest vote) takes a vote of ``weight`` for the
    type most of the list's other names lean to: a list names things of one kind ("Ricardo
    Blume, Carmen Salinas and Meche Barba", "Leica, Rollei and Minox"). ``votes``: each
    mention's votes in the block, ``roots``: each one's root token, ``labels``: each one's
    recogniser label. A person's or a building's name stays out of an organization's list, as
    acts and bands, hospitals and companies are listed together. The leanings are read
    before any vote is added, so that one list's votes do not feed on each other."""
    by_root = {r: k for k, r in enumerate(roots)}
    leanings = [max(v, key=v.__getitem__) if v else "" for v in votes]
    for k, root in enumerate(roots):
        own = votes[k]
        if not own or own[leanings[k]] > weak or leanings[k] not in LISTED_TYPES:
            continue
        first = list_head(t, root)
        members = [first, *_conjuncts(t, first)]
        if len(members) < 3 or root not in members:
            continue
        others = [by_root.get(m) for m in members if m != root]
        kinds = Counter(leanings[o] for o in others if o is not None)
        if not kinds:
            continue
        typ, n = kinds.most_common(1)[0]
        if typ == "Organization" and labels[k] in ("PERSON", "FAC"):
            continue
        if typ in LISTED_TYPES and typ != leanings[k] and n * 2 > len(others):
            own[typ] += weight
