"""The Reuters articles of the quotation benchmark's sets ``test7``, ``test8`` and ``test9``:
CoNLL-2003 dev (``bench/conll03/dev.txt``, Reuters news of 1996, research use: measured only),
its tokens rejoined into text as a news reader has it, and which of its documents each set
holds, by a rule written before any quotation was read.

The text: one sentence a line, as the source gives them (a sentence of the wire is at times
wrapped over lines), read by ``kg.ingest.from_text`` as a build reads a plain-text file: the
heading ("SOCCER - ...") its headline, the dateline ("LONDON 1996-08-30") its dateline, wrapped
lines joined into paragraphs. The tokens are rejoined by sacremoses' Moses detokenizer (MIT, a
dev dependency), after "n't" is put back on its word (Moses splits "don't" as "don 't", the
Penn Treebank as "do n't"). Quotation marks are paired across the lines of a document, since a
quotation's sentences are lines of their own: a mark left open on a line is still open on the
next, unless that line opens with a mark (a quotation running on into a new paragraph opens it
again); an opening mark that the source's sentence splitting left at a line's end (``said Rios
. "``) is moved to the start of the next line.

The rule (``test7_ids``): in the file's order, the documents whose text passes the quotation
filter, is longer than ``REUTERS_SHORTEST`` characters and is not a table of results
(``is_table``), until there are ``REUTERS_TAKEN``. ``test8_ids``, a second held-out set: the
next ``TEST8_TAKEN`` documents by the same rule, in the file's order after test7's last.
``test9_ids``, a third: the documents the rule leaves after test8's last (two: CoNLL-2003 dev
holds 82 that pass it), then, the rule spent, the documents it left out for their length
alone (a brief of up to ``REUTERS_SHORTEST`` characters that passes the filter and is not a
table), in the file's order, until there are ``TEST9_TAKEN``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from sacremoses import MosesDetokenizer

from kg.ingest.text import from_text
from kg.model import Document

# Shorter texts are briefs and results: a heading, a dateline and a sentence or two.
REUTERS_SHORTEST = 1_000
# Documents to take: issue 20 asks for 20 articles at least; 40 is about as many as can be
# annotated with care at once.
REUTERS_TAKEN = 40
# test8's documents, the next ones by the same rule: 30 decided before any was read, then
# two whole batches of 5 in the same order, as the time for annotating them allowed.
TEST8_TAKEN = 40
# test9's documents: 30 decided before any was read, then whole batches of 5 in the same
# order, as the time for annotating them allowed.
TEST9_TAKEN = 40
# A line is a row of results when this share of its tokens or more are numbers ("1. Mika
# Hakkinen 1:32.418", "Leicestershire 22 Somerset 10 6 2"); a document is a table when more
# than this share of its lines (heading and dateline aside) are rows.
ROW_NUMBERS = 0.3
TABLE_ROWS = 0.5

_MOSES = MosesDetokenizer(lang="en")
_NUMBER = re.compile(r"[-+]?\d[\d.,:/%-]*")


def read_conll(path: Path) -> list[list[list[str]]]:
    """Each document of a CoNLL-2003 file, as its sentences' tokens."""
    docs: list[list[list[str]]] = []
    sent: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("-DOCSTART-"):
            docs.append([])
        elif not line.strip():
            if sent:
                docs[-1].append(sent)
            sent = []
        else:
            sent.append(line.split()[0])
    if sent:
        docs[-1].append(sent)
    return docs


def _joined_nt(tokens: list[str]) -> list[str]:
    out: list[str] = []
    for tok in tokens:
        if tok.lower() == "n't" and out:
            out[-1] += tok
        else:
            out.append(tok)
    return out


def _opening_marks_moved(sentences: Iterable[list[str]]) -> list[list[str]]:
    """The sentences, an opening quotation mark that the source's sentence splitting left at
    the end of a sentence (``said Rios . "``) moved to the start of the next one."""
    out: list[list[str]] = []
    open_quote = False
    for tokens in sentences:
        tokens = _joined_nt(tokens)
        if out and out[-1][-1:] == ['"'] and open_quote:
            out[-1].pop()
            tokens = ['"', *tokens]
        if tokens[:1] == ['"']:
            open_quote = False
        open_quote ^= tokens.count('"') % 2 == 1
        out.append(tokens)
    return [tokens for tokens in out if tokens]


def detokenize(sentences: Iterable[list[str]]) -> str:
    """A document's text from its sentences' tokens: a sentence a line, tokens rejoined as
    printed, quotation marks paired across lines (see the module's docstring)."""
    lines, open_quote = [], False
    for tokens in _opening_marks_moved(sentences):
        if tokens[0] == '"':
            open_quote = False
        # a quotation still open: an opening mark before the line pairs its marks right
        text = _MOSES.detokenize((['"'] if open_quote else []) + tokens)
        if open_quote:
            text = text[1:]
        open_quote ^= tokens.count('"') % 2 == 1
        lines.append(text)
    return "\n".join(lines)


def is_row(line: str) -> bool:
    words = line.split()
    return bool(words) and sum(bool(_NUMBER.fullmatch(w)) for w in words) >= ROW_NUMBERS * len(
        words
    )


def is_table(text: str) -> bool:
    """Whether a document is a table of results: most of its lines, the heading and the
    dateline aside, are rows of numbers."""
    lines = text.split("\n")[2:]
    return not lines or sum(map(is_row, lines)) > TABLE_ROWS * len(lines)


def reuters_id(n: int) -> str:
    """The id of CoNLL-2003 dev's document ``n`` (from 0, in the file's order)."""
    return f"conll03-dev-{n:03d}"


def reuters_documents(path: Path) -> dict[str, str]:
    """Each document's text, by its id, in the file's order."""
    return {reuters_id(n): detokenize(sents) for n, sents in enumerate(read_conll(path))}


def reuters_document(doc_id: str, text: str) -> Document:
    """A document as kg reads it from a plain-text file."""
    return from_text(text, doc_id=doc_id)


def _eligible(texts: list[str], speech: re.Pattern[str], briefs: bool = False) -> list[str]:
    """The ids, in the file's order, of the documents that pass ``speech``, are longer than
    ``REUTERS_SHORTEST`` characters (or, with ``briefs``, at most that long) and are not
    tables."""
    return [
        reuters_id(n)
        for n, text in enumerate(texts)
        if (len(text) <= REUTERS_SHORTEST) is briefs and speech.search(text) and not is_table(text)
    ]


def test7_ids(texts: list[str], speech: re.Pattern[str]) -> list[str]:
    """test7: the first ``REUTERS_TAKEN`` documents, in the file's order, that pass ``speech``,
    are longer than ``REUTERS_SHORTEST`` characters and are not tables."""
    return _eligible(texts, speech)[:REUTERS_TAKEN]


def test8_ids(texts: list[str], speech: re.Pattern[str]) -> list[str]:
    """test8: the next ``TEST8_TAKEN`` documents by test7's rule, in the file's order after
    test7's last."""
    return _eligible(texts, speech)[REUTERS_TAKEN : REUTERS_TAKEN + TEST8_TAKEN]


def test9_ids(texts: list[str], speech: re.Pattern[str]) -> list[str]:
    """test9: the next ``TEST9_TAKEN`` documents by test7's rule after test8's last; the rule
    spent, the briefs it left out for their length alone (up to ``REUTERS_SHORTEST``
    characters, passing ``speech``, not tables), in the file's order."""
    after = _eligible(texts, speech)[REUTERS_TAKEN + TEST8_TAKEN :]
    return (after + _eligible(texts, speech, briefs=True))[:TEST9_TAKEN]
