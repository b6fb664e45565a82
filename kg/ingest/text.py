"""Ingest: read files, folders and raw strings into Documents, and mark page furniture.

A scraped page mixes the article with widgets, adverts, newsletter blurbs, author boxes and
paragraphs in other languages. Ingest never edits the text (every offset kg reports points into
the original); it splits it into blocks and marks the furniture with the reason it was dropped,
so extraction skips it and users can see what was left out. The one exception keeps offsets
too: control characters and lone surrogates, which no output format can carry, are replaced one
for one (see ``printable``). A block too long to parse at once is cut into pieces at sentence
ends (see ``pieces``).
"""

from __future__ import annotations

import bisect
import codecs
import hashlib
import html.parser
import json
import os
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path

from kg.errors import InputError
from kg.model import Block, Document

SUFFIXES = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".jsonl": "jsonl",
}

Source = "str | os.PathLike[str] | Document"


# ---------------------------------------------------------------------------------------------
# Reading sources


def read(sources: Iterable[object] | object) -> list[Document]:
    """Documents from paths (files, folders read recursively), Documents and raw strings.

    A string is a path when it names an existing file or folder, or looks like one (a single
    line ending in a known suffix or holding a path separator); otherwise it is the text itself.
    """
    if isinstance(sources, (str, os.PathLike, Document)):
        sources = [sources]
    docs: list[Document] = []
    for src in sources:  # type: ignore[union-attr]
        if isinstance(src, Document):
            text = printable(src.text)
            blocks = split_long(text, src.blocks) if src.blocks else segment(text)
            docs.append(replace(src, id=safe_id(src.id), text=text, blocks=blocks))
        elif isinstance(src, os.PathLike) or (isinstance(src, str) and _looks_like_path(src)):
            docs.extend(_read_path(Path(src)))
        elif isinstance(src, str):
            docs.append(from_text(src))
        else:
            raise InputError(f"cannot read {src!r}: give a path, a kg.Document or a string of text")
    return _unique_ids(docs)


def from_text(
    text: str,
    *,
    doc_id: str | None = None,
    title: str | None = None,
    source: str | None = None,
    fmt: str = "text",
) -> Document:
    """A Document from a string, its furniture marked."""
    text = printable(text)
    doc_id = doc_id or "text-" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]
    if fmt == "markdown":
        blocks = segment(text, markdown=True)
    else:
        blocks = segment(text)
    if title is None:
        title = _title(text, blocks)
    return Document(
        id=safe_id(doc_id),
        text=text,
        source=printable(source) if source is not None else None,
        title=printable(str(title)) if title is not None else None,
        blocks=blocks,
    )


# Code points no output format can carry: XML 1.0 forbids C0 controls other than tab and line
# ends, U+FFFE and U+FFFF; UTF-8 cannot encode a lone surrogate. Each is replaced by one
# character, so the text keeps its length and every offset still points where it did.
_UNPRINTABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_AS_LINE_BREAK = "\x0b\x0c\x1c\x1d\x1e"  # vertical tab, form feed (a page break), separators


def _stand_in(m: re.Match[str]) -> str:
    c = m.group(0)
    if c in _AS_LINE_BREAK:
        return "\n"
    return " " if c < "\x20" else "\ufffd"


def printable(text: str) -> str:
    """``text`` with control characters, non-characters and lone surrogates replaced, one for
    one: page breaks become line breaks, other controls spaces, the rest U+FFFD."""
    return _UNPRINTABLE.sub(_stand_in, text)


# UTF-32 first: its little-endian mark begins with UTF-16's
_BOMS = (
    (codecs.BOM_UTF32_LE, "UTF-32"),
    (codecs.BOM_UTF32_BE, "UTF-32"),
    (codecs.BOM_UTF16_LE, "UTF-16"),
    (codecs.BOM_UTF16_BE, "UTF-16"),
)


def decode(raw: bytes, name: str) -> str:
    """UTF-8 text from ``raw`` (read from ``name``), or an InputError saying what is wrong."""
    for bom, encoding in _BOMS:
        # a byte order mark and NULs after it (Latin script in UTF-16 or UTF-32)
        if raw.startswith(bom) and b"\0" in raw[len(bom) : 8192]:
            raise InputError(f"{name}: {encoding} text, not UTF-8; convert it to UTF-8 first")
    if b"\0" in raw[:8192]:
        raise InputError(f"{name}: binary file, not text (kg reads UTF-8 text)")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise InputError(
            f"{name}: not valid UTF-8 (byte {e.start}: {raw[e.start : e.start + 1]!r}); "
            "convert it to UTF-8 first"
        ) from None


def _looks_like_path(s: str) -> bool:
    if "\n" in s or len(s) > 4096:
        return False
    if os.path.exists(s):
        return True
    return Path(s).suffix.lower() in SUFFIXES or os.sep in s and " " not in s


def iter_files(folder: Path) -> Iterator[Path]:
    """Files kg can read below ``folder``, in a stable order; hidden files are skipped."""
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            p = Path(root, name)
            if not name.startswith(".") and p.suffix.lower() in SUFFIXES:
                yield p


def _read_path(path: Path) -> list[Document]:
    if not path.exists():
        raise InputError(f"{path}: no such file or folder")
    if path.is_dir():
        files = list(iter_files(path))
        if not files:
            raise InputError(
                f"{path}: folder holds no readable documents "
                f"(looked for {', '.join(sorted(SUFFIXES))})"
            )
        return [d for f in files for d in _read_file(f, base=path)]
    return _read_file(path, base=path.parent)


def _read_file(path: Path, *, base: Path) -> list[Document]:
    fmt = SUFFIXES.get(path.suffix.lower(), "text")
    try:
        raw = path.read_bytes()
    except OSError as e:
        raise InputError(f"{path}: cannot read ({e.strerror or e})") from None
    text = decode(raw, str(path))
    rel = path.relative_to(base) if path.is_relative_to(base) else Path(path.name)
    doc_id = safe_id(rel.with_suffix("").as_posix())
    source = path.as_posix()
    if fmt == "jsonl":
        return list(_read_jsonl(text, path, doc_id))
    if fmt == "html":
        text, title = html_to_text(text)
        doc = from_text(text, doc_id=doc_id, source=source)
        return [replace(doc, title=title or doc.title)]
    return [from_text(text, doc_id=doc_id, source=source, fmt=fmt)]


def _read_jsonl(text: str, path: Path, stem: str) -> Iterator[Document]:
    """One document a line: ``{"text": ..., "id"?: ..., "title"?: ...}``."""
    # split on newlines only: U+2028 and U+0085 may stand raw inside a JSON string
    for n, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as e:
            raise InputError(f"{path}:{n}: not valid JSON ({e.msg}, column {e.colno})") from None
        if not isinstance(rec, dict) or not isinstance(rec.get("text"), str):
            raise InputError(f"{path}:{n}: expected an object with a string field 'text'")
        doc_id = str(rec.get("id") or f"{stem}-{n}")
        title = rec.get("title")
        yield from_text(
            rec["text"],
            doc_id=doc_id,
            title=str(title) if title is not None else None,
            source=f"{path.as_posix()}:{n}",
        )


def safe_id(raw: str) -> str:
    """An id safe in IRIs and file names: letters, digits, '.', '_' and '-' only.

    Path separators become '-', so an id such as '../../x' cannot climb out of a folder.
    """
    s = re.sub(r"[/\\]+", "-", raw.strip())
    s = re.sub(r"[^A-Za-z0-9._-]+", "_", s)
    s = s.strip("._-") or "doc"
    return s[:120]


def _unique_ids(docs: list[Document]) -> list[Document]:
    """Documents with distinct ids: a repeated id gets the first free suffix -2, -3, ..."""
    seen: set[str] = set()
    out = []
    for d in docs:
        doc_id, n = d.id, 1
        while doc_id in seen:  # "a", "a", "a-2" must not give two "a-2"
            n += 1
            doc_id = f"{d.id}-{n}"
        seen.add(doc_id)
        out.append(d if doc_id == d.id else replace(d, id=doc_id))
    return out


# ---------------------------------------------------------------------------------------------
# HTML


class _HtmlText(html.parser.HTMLParser):
    """Visible text of a page, one line per block element; scripts, styles and nav left out."""

    SKIP = {
        "script",
        "style",
        "noscript",
        "template",
        "nav",
        "footer",
        "aside",
        "form",
        "button",
        "svg",
        "head",
    }
    BLOCK = {
        "p",
        "div",
        "br",
        "li",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "tr",
        "section",
        "article",
        "header",
        "blockquote",
        "pre",
        "ul",
        "ol",
        "table",
        "figcaption",
    }

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0
        self.title: str | None = None
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "title":
            self._in_title = True
        if tag in self.SKIP:
            self.skip += 1
        elif tag in self.BLOCK:
            self.parts.append("\n")
            if tag == "li":
                self.parts.append("- ")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        if tag in self.SKIP and self.skip:
            self.skip -= 1
        elif tag in self.BLOCK:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title = (self.title or "") + data.strip()
        elif not self.skip:
            self.parts.append(re.sub(r"\s+", " ", data))


def html_to_text(markup: str) -> tuple[str, str | None]:
    """The visible text of an HTML page, a line per block, and its <title>."""
    p = _HtmlText()
    p.feed(markup)
    p.close()
    lines = (ln.strip() for ln in "".join(p.parts).split("\n"))
    return "\n".join(ln for ln in lines if ln) + "\n", p.title


# ---------------------------------------------------------------------------------------------
# Blocks and furniture

_ITEM = re.compile(r"^\s*(?:[-*+•·–]|\d{1,3}[.)])\s+")
_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+")
_TERMINAL = tuple(".!?:;…\"”'’)")
_WIDGET = re.compile(
    r"^(?:(like|dislike|love|funny|wow|sad|angry|haha|care|share|tweet|pin|email|print|"
    r"save|reply|comments?)(?:\s+\1)?\s*\(?\d*\)?|what'?s your reaction\??|"
    r"share (?:this|on \w+)|follow us.*|leave a (?:comment|reply)|"
    r"\d[\d\s]*|[\W_]+)$",  # digits and spaces: written so it cannot backtrack
    re.IGNORECASE,
)
_DATELINE = re.compile(
    r"^(?:(?:published|updated|posted)(?: on)?:?\s.*|"
    r"(?:\d+ (?:minutes?|hours?|days?|weeks?) ago)|"
    r"(?:[A-Z][a-z]{2,8}\.? \d{1,2}, \d{4}(?:\s*[-–|,]\s*\d{1,2}:\d{2}(?:\s*[AaPp][Mm])?)?)|"
    r"(?:\d{4}-\d{2}-\d{2}(?:[ T]\d{2}:\d{2}(?::\d{2})?)?))$",
    re.IGNORECASE,
)
_MAX_MARK = 512  # no inline mark is longer: "[" + a keyword + up to 500 characters + "]"
_INLINE = re.compile(r"\[(?:INTERNAL|EXTERNAL|AD|LINK|RELATED)[^\]\n]{0,500}\]", re.IGNORECASE)
_PROMO = re.compile(
    r"\b(?:newsletters?|subscribe|unsubscribe|sign[- ]?up|spam|inbox|free trial|"
    r"book (?:a |\d+ )?(?:demo|call|minutes?)|sponsored|advertisement|preferential terms|"
    r"early access|promo code|click here|learn more|read more|related (?:posts|articles)|"
    r"all rights reserved|privacy policy|terms of (?:use|service)|cookies? policy)\b",
    re.IGNORECASE,
)
_WE = re.compile(r"\b(?:we|we'll|we're|we've|our|us)\b|\bwe[’']", re.IGNORECASE)
_YOU = re.compile(r"\b(?:you|your|yours|you'll|you're)\b|\byou[’']", re.IGNORECASE)
_WORD = re.compile(r"[^\W\d_]+(?:[’'][^\W\d_]+)?")

# Function words: frequent in running text of a language, rare in others' (ambiguous ones such
# as "a", "de", "la" are left out).
_FUNCTION_WORDS = {
    "en": set(
        "the and of to is are was were for with on that this by as at from it its an be "
        "will has have had can not or their which more how why what these those into "
        "than been would could should they he she who also about after".split()
    ),
    "es": set(
        "el los las del que y por para con sin sobre cada es son más mi tu su sus se al "
        "como este esta estos puede nuestro nuestra qué cómo cuál cuáles muy también una "
        "uno pero hacia entre desde antes después según".split()
    ),
    "fr": set(
        "le les des du et est une pour dans sur avec pas qui ce cette au aux nous vous "
        "sont mais ou où très aussi être avoir leur leurs".split()
    ),
    "de": set(
        "der die das und ist nicht mit für auf ein eine zu den dem von sich auch wir "
        "sie ich es war wird werden oder aber nach bei über".split()
    ),
    "pt": set(
        "os um uma não com em do da dos das é mais seu sua você são ao pela pelo "
        "também muito entre após".split()
    ),
    "it": set(
        "il lo gli della di che è per con non sono nel alla delle degli anche più "
        "questo questa".split()
    ),
}
# each function word's languages, so that a block's words are looked up once
_LANGUAGES_OF = {
    w: [lang for lang, fw in _FUNCTION_WORDS.items() if w in fw]
    for words in _FUNCTION_WORDS.values()
    for w in words
}
# non-ASCII letters all: an ASCII text has none of them
_FOREIGN_CHARS = re.compile(r"[¿¡ñãõçàèìòùâêîôûäöüßœ]|[áéíóú](?=\w)", re.IGNORECASE)


def language(text: str) -> tuple[str, list[str]]:
    """The likely language of a block ('en', 'es', ...; '' if unclear) and the words saying so."""
    words = [w.lower() for w in _WORD.findall(text)]
    hits: dict[str, list[str]] = {lang: [] for lang in _FUNCTION_WORDS}
    for w in words:
        for lang in _LANGUAGES_OF.get(w, ()):
            hits[lang].append(w)
    best = max(hits, key=lambda k: (len(hits[k]), k == "en"))
    n_best = len(hits[best])
    if best != "en" and n_best >= 2 and n_best > len(hits["en"]):
        return best, hits[best][:4]
    if n_best == 0 or best == "en":
        accented = (
            [w for w in words if _FOREIGN_CHARS.search(w) and w.islower()]
            if not text.isascii()
            else []
        )
        if accented and not hits["en"]:
            return "xx", accented[:4]
    if len(hits["en"]) >= 1 and len(hits["en"]) >= n_best:
        return "en", hits["en"][:4]
    return "", []


def _lines(text: str) -> Iterator[tuple[int, int]]:
    pos = 0
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        lead = len(body) - len(body.lstrip())
        stripped = body.strip()
        if stripped:
            yield pos + lead, pos + lead + len(stripped)
        else:
            yield pos, pos  # a blank line
        pos += len(line)


# Words a wrapped line often ends on, never a heading: "... said the\nCompany ..."
_BREAK_WORDS = set(
    "the a an of and or to in for with by on at from as that said says its their his her".split()
)


def _joins(prev: str, nxt: str, prev_len: int) -> bool:
    """Whether line ``nxt`` continues the block ending in line ``prev`` (``prev_len`` long) as a
    hard-wrapped sentence, rather than opening a block of its own."""
    if _ITEM.match(nxt) or _MD_HEADING.match(nxt) or _MD_HEADING.match(prev):
        return False
    if prev.endswith(_TERMINAL):
        return False
    if nxt[:1].islower() or prev.endswith((",", "-", "–", "—")):
        return True
    last = prev.split()[-1].lower() if prev.split() else ""
    return prev_len >= 50 and last in _BREAK_WORDS


def _heading_like(s: str) -> bool:
    words = s.split()
    if not words or len(words) > 14 or s.endswith((".", ",", ";")):
        return False
    caps = sum(1 for w in words if w[:1].isupper() or not w[:1].isalpha())
    return caps / len(words) >= 0.6


def segment(text: str, *, markdown: bool = False) -> tuple[Block, ...]:
    """Split ``text`` into blocks and mark the page furniture among them."""
    spans: list[tuple[int, int]] = []
    last = (0, 0)  # the last line of spans[-1]: only it is compared, so joining stays linear
    for start, end in _lines(text):
        if start == end:
            spans.append((start, end))
            continue
        if (
            spans
            and spans[-1][0] != spans[-1][1]
            and _joins(text[last[0] : last[1]], text[start:end], spans[-1][1] - spans[-1][0])
        ):
            spans[-1] = (spans[-1][0], end)
        else:
            spans.append((start, end))
        last = (start, end)
    spans = [s for s in spans if s[0] != s[1]]

    kinds: list[str] = []
    for s, e in spans:
        line = text[s:e]
        if _ITEM.match(line):
            kinds.append("item")
        elif (markdown and _MD_HEADING.match(line)) or _heading_like(line):
            kinds.append("heading")
        else:
            kinds.append("paragraph")
    inline = [m.span() for s, e in spans for m in _INLINE.finditer(text, s, e)]
    # a block too long for one parse is judged and parsed piece by piece
    cut = [(p, k) for (s, e), k in zip(spans, kinds, strict=True) for p in pieces(text, s, e)]
    spans, kinds = [p for p, _ in cut], [k for _, k in cut]
    reasons = _furniture(text, spans, kinds)

    blocks: list[Block] = []
    marks: set[tuple[int, int]] = set()
    for (s, e), kind, why in zip(spans, kinds, reasons, strict=True):
        if why:
            blocks.append(Block(s, e, "furniture", why))
            continue
        blocks.append(Block(s, e, kind))
        i = bisect.bisect_left(inline, (s - _MAX_MARK, 0))
        while i < len(inline) and inline[i][0] < e:
            if inline[i][1] > s:  # may straddle a cut: clean_text blanks the part inside
                marks.add(inline[i])
            i += 1
    blocks += [Block(a, b, "furniture", "inline link markup") for a, b in sorted(marks)]
    blocks.sort(key=lambda b: (b.start, -b.end))
    return tuple(blocks)


# A kept block longer than this is parsed in pieces. spaCy refuses texts over its max_length
# (1,000,000 characters) and its parser needs about 1 GB per 100,000 characters, so a piece stays
# far below both; ordinary paragraphs are much shorter and are never cut.
MAX_BLOCK = 10_000
_SENTENCE_END = re.compile(r"[.!?…。！？][\"”'’)\]]*(?=\s)")
_SPACE = re.compile(r"\s+")
_JOINERS = {"\u200d", "\u200c", "\u034f", "\u2060"}


def pieces(text: str, start: int, end: int, limit: int = MAX_BLOCK) -> Iterator[tuple[int, int]]:
    """``text[start:end]`` as spans of at most ``limit`` characters, cut at a sentence end if
    one lies in the second half of the window, else at whitespace, else between characters
    that do not combine. Offsets stay offsets into ``text``; the whitespace at a cut is left out.
    """
    while end - start > limit:
        cut = _cut(text, start, start + limit)
        yield start, cut
        space = _SPACE.match(text, cut)
        start = space.end() if space else cut
    if start < end:
        yield start, end


def _last(pattern: re.Pattern[str], text: str, pos: int, endpos: int) -> re.Match[str] | None:
    found = None
    for found in pattern.finditer(text, pos, endpos):  # noqa: B007 - the last one is wanted
        pass
    return found


def _cut(text: str, lo: int, hi: int) -> int:
    """Where to end a piece that starts at ``lo`` and may not reach past ``hi``."""
    mid = lo + (hi - lo) // 2
    if sentence_end := _last(_SENTENCE_END, text, mid, hi):
        return sentence_end.end()
    if space := _last(_SPACE, text, mid, hi + 1):
        return space.start()
    cut = hi
    # no space at all (a URL, a run of emoji): cut between two characters that do not combine
    while cut > mid and (
        unicodedata.combining(text[cut])
        or text[cut] in _JOINERS
        or text[cut - 1] in _JOINERS
        or "\ufe00" <= text[cut] <= "\ufe0f"
        or "\U0001f3fb" <= text[cut] <= "\U0001f3ff"
    ):
        cut -= 1
    return cut


def _furniture(text: str, spans: list[tuple[int, int]], kinds: list[str]) -> list[str]:
    """The reason each block is furniture, or '' for article text."""
    lines = [text[s:e] for s, e in spans]
    n = len(lines)
    why = [""] * n
    langs = [""] * n
    seen: dict[str, int] = {}
    for i, line in enumerate(lines):
        body = _ITEM.sub("", line)
        words = _WORD.findall(body)
        lang, cues = language(body)
        langs[i] = lang
        if _WIDGET.match(body.strip()):
            why[i] = "social or comment widget"
        elif _DATELINE.match(body.strip()):
            why[i] = "date line"
        elif not words:
            why[i] = "no words"
        elif lang not in ("en", ""):
            why[i] = f"language: {lang} ({', '.join(cues)})"
        elif m := _PROMO.search(body):
            why[i] = f"advert or newsletter ({m.group(0).lower()!r})"
        elif (
            _WE.search(body)
            and _YOU.search(body)
            and len(words) <= 60
            and not re.search('["“”]', body)
        ):
            why[i] = "advert (addresses the reader as 'we' and 'you')"
        elif line in seen and len(words) > 3:
            why[i] = f"repeats the block at offset {spans[seen[line]][0]}"
        seen.setdefault(line, i)

    for i in range(n - 1):  # author box: a lone name, then a bio that opens with it
        name = lines[i]
        if (
            not why[i]
            and re.fullmatch(r"(?:By )?[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){1,3}", name)
            and lines[i + 1].startswith(name.removeprefix("By ") + " ")
        ):
            why[i] = why[i + 1] = "author box"

    changed, order = True, range(n)
    while changed:  # by the company they keep: short lines in an advert or a foreign run
        changed = False
        for i in order:
            if not why[i]:
                why[i] = _by_neighbours(lines, kinds, langs, why, i)
                changed = changed or bool(why[i])
        order = order[::-1]  # sweep both ways, so a long run settles in a few passes
    return why


def _by_neighbours(
    lines: list[str], kinds: list[str], langs: list[str], why: list[str], i: int
) -> str:
    """Furniture by position: a short line inside an advert or a run of another language."""
    words = _WORD.findall(lines[i])
    before = why[i - 1] if i > 0 else ""
    after = why[i + 1] if i + 1 < len(lines) else ""
    if not (before or after):
        return ""
    short_title = len(words) <= 8 and not lines[i].endswith(_TERMINAL)
    if langs[i] == "" and len(words) <= 4 and ("language" in before or "language" in after):
        return "language: beside other-language text"
    if after.startswith("advert") and (kinds[i] == "heading" or short_title):
        return "advert heading"
    if after.startswith("advert") or before.startswith("advert"):
        if _WE.search(lines[i]) or _YOU.search(lines[i]):
            return "advert (beside an advert)"
    elif (
        len(words) <= 2
        and kinds[i] != "item"
        and ("widget" in before or "widget" in after or "author" in before)
    ):
        return "page footer"
    return ""


def split_long(text: str, blocks: tuple[Block, ...]) -> tuple[Block, ...]:
    """Given blocks in order, every kept one longer than MAX_BLOCK cut into pieces."""
    if all(b.kind == "furniture" or b.end - b.start <= MAX_BLOCK for b in blocks):
        return tuple(sorted(blocks, key=lambda b: (b.start, -b.end)))
    out = [
        Block(s, e, b.kind, b.reason)
        for b in blocks
        for s, e in (pieces(text, b.start, b.end) if b.kind != "furniture" else [(b.start, b.end)])
    ]
    return tuple(sorted(out, key=lambda b: (b.start, -b.end)))


def _title(text: str, blocks: tuple[Block, ...]) -> str | None:
    for b in blocks:
        if b.kind == "heading":
            return text[b.start : b.end].lstrip("# ").strip()
        if b.kind != "furniture":
            return None
    return None


def clean_text(doc: Document, block: Block) -> str:
    """A kept block's text with inline furniture and Markdown marks blanked out.

    Blanks, not deletions: the result has the block's length, so offsets stay true.
    """
    chars = list(doc.text[block.start : block.end])
    # blocks are sorted by start: look only at those inside this one, and at the one just
    # before, which may be inline markup straddling a cut (a scan of every block, for each
    # block, is quadratic in a long document)
    i = max(0, bisect.bisect_left(doc.blocks, block.start, key=lambda b: b.start) - 1)
    while i < len(doc.blocks) and doc.blocks[i].start < block.end:
        b = doc.blocks[i]
        i += 1
        # inline markup may straddle the cut between two pieces of a long block: blank its part
        s, e = max(b.start, block.start), min(b.end, block.end)
        if b.kind == "furniture" and s < e:
            chars[s - block.start : e - block.start] = " " * (e - s)
    s = "".join(chars)
    if block.kind == "item":
        m = _ITEM.match(s)
        if m:
            s = " " * m.end() + s[m.end() :]
    m = _MD_HEADING.match(s)
    if m:
        s = " " * m.end() + s[m.end() :]
    # Markdown emphasis and links: **x**, _x_, [text](url)
    s = re.sub(r"(\*\*|__|`)", lambda m: " " * len(m.group(0)), s)
    s = re.sub(  # bounded, so a line of unclosed brackets stays linear
        r"\[([^\]\n]{1,300})\]\([^)\n]{0,2000}\)",
        lambda m: " " + m.group(1) + " " * (len(m.group(0)) - len(m.group(1)) - 1),
        s,
    )
    # hard-wrapped lines: a newline inside a block is a space
    return s.replace("\r", " ").replace("\n", " ")
