import json
from pathlib import Path

import pytest

from kg import Document, InputError
from kg.ingest import clean_text, from_text, read, safe_id, segment
from kg.ingest.blocks import MAX_BLOCK, pieces
from kg.ingest.language import language
from kg.model import Block

from ..conftest import SEEDS


def blocks(text: str, **kw):
    return [(b.kind, text[b.start : b.end], b.reason) for b in segment(text, **kw)]


def kept(text: str) -> list[str]:
    return [t for kind, t, _ in blocks(text) if kind != "furniture"]


def test_heading_and_list_items_are_blocks_of_their_own():
    text = (
        "Why the Merger Matters\n- Scale: Two firms become one.\n- Cost: Savings follow.\n"
        "The deal closed on Monday.\n"
    )
    assert [(k, t) for k, t, _ in blocks(text)] == [
        ("headline", "Why the Merger Matters"),
        ("item", "- Scale: Two firms become one."),
        ("item", "- Cost: Savings follow."),
        ("paragraph", "The deal closed on Monday."),
    ]


def test_hard_wrapped_paragraph_is_one_block():
    text = (
        "The regulator said on Tuesday that the\nmerger would be reviewed, and\n"
        "officials declined to comment further.\n"
    )
    assert kept(text) == [text.strip()]


@pytest.mark.parametrize(
    "line, reason",
    [
        ("Like Like 0", "widget"),
        ("What's Your Reaction?", "widget"),
        ("Comments (0)", "widget"),
        ("Updated: 3 hours ago", "date line"),
        ("Subscribe to our newsletter for weekly updates.", "advert"),
        ("Book a demo today and we will show you the platform.", "advert"),
        ("Los mejores análisis sobre tecnología cada semana en tu correo.", "language: es"),
        ("Les entreprises doivent investir dans la formation des équipes.", "language: fr"),
    ],
)
def test_furniture_is_dropped_with_a_reason(line, reason):
    text = f"Acme Corp opened a new plant in Ohio.\n{line}\nThe plant employs 300 people.\n"
    rows = blocks(text)
    dropped = [(t, why) for kind, t, why in rows if kind == "furniture"]
    assert [t for t, _ in dropped] == [line] and reason in dropped[0][1]
    assert kept(text) == ["Acme Corp opened a new plant in Ohio.", "The plant employs 300 people."]


def test_author_box_is_a_block_of_its_own_and_names_the_author():
    text = (
        "The company reported record profits.\nJane Roe\n"
        "Jane Roe is a reporter at the Daily Planet who writes about markets.\n"
    )
    doc = from_text(text)
    assert [b.kind for b in doc.blocks] == ["paragraph", "byline", "author"]
    assert doc.authors == ("Jane Roe",)


def test_repeated_paragraph_is_dropped_once():
    para = "The board approved the plan after a long debate on Friday."
    text = f"{para}\nShares rose.\n{para}\n"
    rows = blocks(text)
    assert [k for k, t, _ in rows if t == para] == ["paragraph", "furniture"]


def test_inline_link_markup_is_blanked_but_offsets_hold():
    text = "Acme grew fast. [INTERNAL:growth|Read about growth] It hired Jane Doe.\n"
    doc = from_text(text)
    block = doc.kept[0]
    cleaned = clean_text(doc, block)
    assert len(cleaned) == block.end - block.start
    assert cleaned.split() == ["Acme", "grew", "fast.", "It", "hired", "Jane", "Doe."]
    i = cleaned.index("Jane Doe")
    assert doc.text[block.start + i : block.start + i + 8] == "Jane Doe"


def test_markdown_marks_are_blanked():
    text = "# Big **News**\n\nRead [Acme](https://acme.example) today.\n"
    doc = from_text(text, fmt="markdown")
    cleaned = [clean_text(doc, b) for b in doc.kept]
    assert cleaned[0].strip() == "Big   News"
    assert cleaned[1].split() == ["Read", "Acme", "today."]
    assert all(len(c) == b.end - b.start for c, b in zip(cleaned, doc.kept, strict=True))


@pytest.mark.parametrize(
    "text, lang",
    [
        ("The company said it would open an office in Paris.", "en"),
        ("La empresa dijo que abrirá una oficina en París para sus clientes.", "es"),
        ("Die Firma hat ein neues Büro in Berlin und auch eine Fabrik.", "de"),
    ],
)
def test_language(text, lang):
    assert language(text)[0] == lang


def test_read_files_folders_and_strings(tmp_path: Path):
    (tmp_path / "a.txt").write_text("Acme hired Jane Doe.", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.md").write_text("# Title\n\nBody text here.", encoding="utf-8")
    (tmp_path / "c.html").write_text(
        "<html><head><title>T</title><script>alert(1)</script></head>"
        "<body><p>Acme hired <b>Jane</b> Doe.</p><nav>Home</nav></body></html>",
        encoding="utf-8",
    )
    (tmp_path / "d.jsonl").write_text(
        '{"id": "x1", "text": "One."}\n{"text": "Two."}\n', encoding="utf-8"
    )
    (tmp_path / "ignored.bin").write_bytes(b"\0\1")
    docs = read([tmp_path, "Raw text about Acme.", Document("given", "Given text.")], root=tmp_path)
    ids = [d.id for d in docs]
    assert ids[:3] == ["a", "c", "x1"] and ids[4] == "sub-b"
    assert ids[3].startswith("d-") and ids[3] != "d-2"  # a digest of the record, not its line
    assert ids[5].startswith("text-") and ids[6] == "given"
    html = next(d for d in docs if d.id == "c")
    assert html.title == "T" and "alert" not in html.text
    assert "Acme hired Jane Doe." in html.text


@pytest.mark.parametrize(
    "make, message",
    [
        (lambda p: p / "missing.txt", "no such file or folder"),
        (lambda p: (p / "empty").mkdir() or p / "empty", "folder holds no readable documents"),
        (lambda p: (p / "bin.txt").write_bytes(b"abc\0def") and p / "bin.txt", "binary file"),
        (lambda p: (p / "bad.jsonl").write_text("{oops\n") and p / "bad.jsonl", "not valid JSON"),
        (
            lambda p: (
                (p / "empty.html").write_text("<html><body></body></html>") and p / "empty.html"
            ),
            "no article text",
        ),
    ],
)
def test_bad_input_names_the_file(tmp_path: Path, make, message):
    path = make(tmp_path)
    with pytest.raises(InputError) as err:
        read([path], strict=True)
    assert str(path) in str(err.value) and message in str(err.value)


@pytest.mark.parametrize(
    "raw, safe",
    [
        ("../../x", "x"),
        ("a/b/c", "a-b-c"),
        ("héllo wörld", "h_llo_w_rld"),
        ("", "doc"),
    ],
)
def test_safe_id(raw, safe):
    assert safe_id(raw) == safe


def test_long_paragraph_is_cut_at_sentence_ends_and_offsets_hold():
    para = " ".join(
        f"Acme Corp hired {n} engineers from Jane Doe's team in Boston last year."
        for n in range(2000)
    )
    text = "Long Report\n" + para + "\nThe end.\n"  # one paragraph of ~140,000 characters
    doc = from_text(text)
    body = [b for b in doc.kept if b.kind == "paragraph"][:-1]
    assert len(body) == 15 and all(b.end - b.start <= MAX_BLOCK for b in doc.kept)
    for b in body:
        assert doc.text[b.start : b.end].endswith("last year.")  # cut after a sentence
    # the pieces cover the paragraph: nothing but the spaces at the cuts is left out
    covered = "".join(doc.text[b.start : b.end] for b in body)
    assert covered.replace(" ", "") == para.replace(" ", "")


@pytest.mark.parametrize(
    "text",
    [
        "x" * (3 * MAX_BLOCK + 7),  # no space anywhere
        "word " * (MAX_BLOCK // 2),  # spaces, no sentence end
        "👩\u200d💻" * MAX_BLOCK,  # joined emoji: never cut inside a sequence
        "e\u0301" * MAX_BLOCK,  # combining accents stay on their letter
    ],
)
def test_pieces_never_exceed_the_limit_and_never_split_a_cluster(text):
    text = text.strip()
    spans = list(pieces(text, 0, len(text)))
    assert all(0 < e - s <= MAX_BLOCK for s, e in spans)
    assert all(a[1] < b[0] or a[1] == b[0] for a, b in zip(spans, spans[1:], strict=False))
    for s, e in spans:
        assert text[s:e].strip() == text[s:e]
        assert text[s] not in "\u200d\u0301" and text[e - 1] != "\u200d"
    # only whitespace is left out between pieces
    assert "".join(text[s:e] for s, e in spans).replace(" ", "") == text.replace(" ", "")


def test_inline_markup_across_a_cut_is_still_blanked():
    words = "alpha " * (MAX_BLOCK // 6 - 2)
    text = words + "[INTERNAL:x|" + "link " * 40 + "] Acme Corp grew.\n"
    doc = from_text(text)
    assert len(doc.kept) == 2
    cleaned = "".join(clean_text(doc, b) for b in doc.kept)
    assert cleaned.split() == ["alpha"] * (MAX_BLOCK // 6 - 2) + ["Acme", "Corp", "grew."]


def test_given_document_blocks_are_cut_too():
    text = "Acme hired Jane. " * 2000
    doc = read([Document("given", text, blocks=(Block(0, len(text), "paragraph"),))])[0]
    assert len(doc.kept) == 4 and all(b.end - b.start <= MAX_BLOCK for b in doc.kept)


@pytest.mark.parametrize(
    "line",
    [
        "1" * 40 + "x",  # once made the widget pattern backtrack for minutes
        "[" * 200_000,  # unclosed link brackets
        "[INTERNAL" * 20_000,
        "- a\n" * 20_000,
        "Subscribe\n" + "Short Title\n" * 5_000,  # a long run settling next to an advert
    ],
)
def test_hostile_lines_segment_in_linear_time(line):
    # no timing assertion: a quadratic or exponential path would hang the suite instead
    doc = from_text(line)
    for b in doc.kept:
        assert len(clean_text(doc, b)) == b.end - b.start


def test_repeated_ids_stay_distinct(tmp_path: Path):
    (tmp_path / "x.jsonl").write_text(
        '{"id": "a", "text": "One."}\n{"id": "a", "text": "Two."}\n{"id": "a-2", "text": "3."}\n',
        encoding="utf-8",
    )
    ids = [d.id for d in read([tmp_path])]
    assert ids == ["a", "a-2", "a-2-2"]


def test_streamed_reading_keeps_repeated_ids_distinct(tmp_path: Path):
    from kg.run.local import iter_documents

    (tmp_path / "x.jsonl").write_text(
        '{"id": "a", "text": "One."}\n{"id": "a", "text": "Two."}\n{"id": "a-2", "text": "3."}\n',
        encoding="utf-8",
    )
    ids = [d.id for d in iter_documents([tmp_path])]
    assert ids == ["a", "a-2", "a-2-2"] == [d.id for d in read([tmp_path])]


# ---------------------------------------------------------------------------------------------
# Encodings


@pytest.mark.parametrize(
    "encoding, label",
    [("latin-1", "cp1252"), ("cp1252", "cp1252"), ("utf-16", "utf-16"), ("utf-8-sig", "utf-8")],
)
def test_other_encodings_are_read_and_recorded(tmp_path: Path, encoding, label):
    text = (
        "Café Müller’s owner, José Núñez, said the façade would reopen in Zürich on Monday. "
        "The naïve plan cost €40,000, according to the city’s résumé of the works.\n"
    )
    if encoding == "latin-1":
        text = text.replace("’", "'").replace("€", "EUR ")
    path = tmp_path / "a.txt"
    path.write_bytes(text.encode(encoding))
    (doc,) = read([path])
    assert doc.text == text
    # Latin-1 and cp1252 agree on every letter here; detection names the wider one
    assert doc.encoding == label or (encoding == "latin-1" and doc.encoding == "latin-1")


def test_utf8_with_one_damaged_byte_keeps_its_letters(tmp_path: Path):
    path = tmp_path / "a.txt"
    path.write_bytes("José Núñez met Zoë Brönte in Zürich. ".encode() * 20 + b"\xff end.")
    (doc,) = read([path])
    assert doc.encoding == "utf-8" and "José Núñez" in doc.text and "\ufffd end." in doc.text


# ---------------------------------------------------------------------------------------------
# Furniture on strong signals only: each of these is reporting and is kept

REPORTING = [
    "The bank expects to sign up two million customers by the end of the year.",
    "US market regulators opened an inquiry into the trades on Tuesday.",
    "The app offered a free trial, which the regulator said broke its privacy policy.",
    "Investigators blamed a state-sponsored group for the attack on the ministry.",
    "Sponsored by the city, the festival drew 40,000 visitors, organisers said.",
]


@pytest.mark.parametrize("line", REPORTING)
def test_reporting_that_mentions_advert_words_is_kept(line):
    text = f"Acme Corp opened a new plant in Ohio.\n{line}\nThe plant employs 300 people.\n"
    assert kept(text) == [
        "Acme Corp opened a new plant in Ohio.",
        line,
        "The plant employs 300 people.",
    ]


# ---------------------------------------------------------------------------------------------
# News structure: datelines and bylines are metadata

DATELINES = [
    # (first line of the story, place, date, agency, where the story starts)
    (
        "WASHINGTON (Reuters) - The Senate voted on Friday.",
        "WASHINGTON",
        None,
        "Reuters",
        "The Senate",
    ),
    ("LONDON, Dec 5 (Reuters) - Shares fell in early trade.", "LONDON", None, "Reuters", "Shares"),
    ("SIALKOT, Pakistan 1996-12-06", "SIALKOT, Pakistan", "1996-12-06", None, None),
    ("LONDON 1996-08-30", "LONDON", "1996-08-30", None, None),
    ("Jun 03, 2026 - 14:35", None, "2026-06-03T14:35", None, None),
    (
        "HOUSTON, Texas (KTRK) -- A salon chain changed its rules.",
        "HOUSTON, Texas",
        None,
        "KTRK",
        "A salon",
    ),
    (
        "NEW YORK, March 3, 2024 (AP) — Stocks rose on Monday.",
        "NEW YORK",
        "2024-03-03",
        "AP",
        "Stocks",
    ),
]


@pytest.mark.parametrize("line, place, date, agency, starts", DATELINES)
def test_datelines(line, place, date, agency, starts):
    doc = from_text(f"Markets Rally After Vote\n{line}\nTraders said the rally would last.\n")
    assert (doc.place, doc.date, doc.site) == (place, date, agency)
    kinds = {doc.text[b.start : b.end]: b.kind for b in doc.blocks}
    assert "dateline" in kinds.values()
    if starts:
        para = next(t for t, k in kinds.items() if k == "paragraph" and t.startswith(starts))
        assert para == line[line.index(starts) :]


@pytest.mark.parametrize(
    "line",
    [
        "CRICKET - LEICESTERSHIRE TAKE OVER AT TOP AFTER INNINGS VICTORY .",
        "The CEO - who joined in May - resigned.",
        "NATO said on Monday it would send more troops.",
    ],
)
def test_not_datelines(line):
    doc = from_text(f"A Headline Here\n{line}\nMore text follows here.\n")
    assert doc.place is None and not any(b.kind == "dateline" for b in doc.blocks)


BYLINES = [
    ("By Jane Doe, BBC News, New York", ("Jane Doe",), "BBC News"),
    ("By Jane Doe and John Roe", ("Jane Doe", "John Roe"), None),
    ("By Maria de la Cruz | Staff Writer", ("Maria de la Cruz",), None),
    ("BY PETER SMITH", ("PETER SMITH",), None),
]


@pytest.mark.parametrize("line, authors, site", BYLINES)
def test_bylines(line, authors, site):
    doc = from_text(f"Markets Rally After Vote\n{line}\nTraders said the rally would last.\n")
    assert doc.authors == authors and doc.site == site
    assert [b.kind for b in doc.blocks][:2] == ["headline", "byline"]


def test_no_fact_is_read_from_a_dateline_or_byline(pipeline):
    import kg

    text = (
        "Senate Passes Budget\nBy Jane Doe, BBC News, New York\n"
        "WASHINGTON (Reuters) - The Senate passed the budget on Friday.\n"
    )
    g = kg.build([text], model=pipeline)
    facts = {
        (r.subject.name, r.predicate, getattr(r.object, "name", r.object)) for r in g.relations
    }
    assert not any(p == "located_in" for _, p, _ in facts), facts


def test_seeds_author_and_date():
    docs = {d.id: d for d in read([SEEDS])}
    second = docs["seeds-001_fc92738084ff04bc"]
    assert second.authors == ("Christopher Holloway",)
    assert second.date == "2026-06-03T14:35"
    assert second.title == "Meta's AI Restructuring and the Push for Proprietary Systems"


# ---------------------------------------------------------------------------------------------
# A corpus read keeps going


def bad_folder(tmp_path: Path) -> tuple[Path, int]:
    """200 files: one of each kind of bad file, a JSON Lines file with one malformed record
    among good ones, and good text; (folder, number of bad inputs)."""
    import os

    root = tmp_path / "corpus"
    root.mkdir()
    (root / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (root / "undecodable.txt").write_bytes(b"\xff\xfe" + b"\x00\xd8" * 3)  # a lone surrogate
    (root / "gone.txt").symlink_to(root / "nowhere.txt")  # cannot be read
    os.mkfifo(root / "fifo.txt")
    (root / "device.txt").symlink_to("/dev/null")
    (root / "empty.html").write_text("<html><body><nav>Home</nav></body></html>")
    records = [json.dumps({"text": f"Record {n} says Acme hired Jane Doe."}) for n in range(6)]
    records.insert(3, '{"text": "unclosed')
    (root / "records.jsonl").write_text("\n".join(records) + "\n")
    for n in range(193):
        (root / f"doc{n:03}.txt").write_text(f"Acme Corp hired Jane Doe {n} in Boston.\n")
    assert sum(1 for _ in root.iterdir()) == 200
    return root, 7


def test_a_bad_file_is_skipped_and_listed(tmp_path: Path):
    from kg.model import ReadReport

    root, bad = bad_folder(tmp_path)
    report = ReadReport()
    docs = read([root], report=report)
    assert len(docs) == 199
    reasons = {Path(s.path.split(":")[0]).name: s.reason for s in report.skipped}
    assert len(report.skipped) == bad
    assert "binary" in reasons["binary.txt"] and "FIFO" in reasons["fifo.txt"]
    assert "device" in reasons["device.txt"] and "cannot read" in reasons["gone.txt"]
    assert "no article text" in reasons["empty.html"] and "JSON" in reasons["records.jsonl"]
    assert "utf-16" in reasons["undecodable.txt"]


def test_strict_stops_at_the_first_bad_file(tmp_path: Path):
    root, _ = bad_folder(tmp_path)
    with pytest.raises(InputError, match="binary.txt: binary file"):
        read([root], strict=True)


def test_other_kinds_are_counted_and_can_be_read_as_text(tmp_path: Path):
    from kg.model import ReadReport

    (tmp_path / "a.txt").write_text("Acme hired Jane Doe.")
    for n in range(3):
        (tmp_path / f"r{n}.sgm").write_text("Reuters reported that Acme hired Jane Doe.")
    (tmp_path / "x.pdf").write_bytes(b"%PDF-1.4")
    report = ReadReport()
    assert len(read([tmp_path], report=report)) == 1
    assert report.other_kinds_line() == "4 files of other kinds left out: .sgm 3, .pdf 1"
    assert len(read([tmp_path], other_as_text=True, report=ReadReport())) == 5


def test_the_output_folder_is_never_read(tmp_path: Path):
    (tmp_path / "a.txt").write_text("Acme hired Jane Doe.")
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "old.txt").write_text("Stale output.")
    docs = read([tmp_path], exclude=[tmp_path / "out"], root=tmp_path)
    assert [d.id for d in docs] == ["a"]


def test_json_lines_fields_map_onto_the_document(tmp_path: Path):
    rec = {
        "id": "r1",
        "text": "Acme hired Jane Doe in Boston.",
        "title": "Acme Hires",
        "url": "https://news.example/acme",
        "date": "March 3, 2024",
        "author": ["Ann Lee", "Bo Chen"],
    }
    (tmp_path / "a.jsonl").write_text(json.dumps(rec) + "\n")
    (doc,) = read([tmp_path / "a.jsonl"])
    assert (doc.title, doc.url, doc.date, doc.authors) == (
        "Acme Hires",
        "https://news.example/acme",
        "2024-03-03",
        ("Ann Lee", "Bo Chen"),
    )


def test_html_article_text_and_metadata(tmp_path: Path):
    body = " ".join(
        f"Acme Corp said on Tuesday that it had hired {n} engineers in Boston this year."
        for n in range(12)
    )
    page = f"""<html lang="en"><head><title>Acme hires engineers | Daily Planet</title>
    <meta name="author" content="Jane Doe"><meta property="og:site_name" content="Daily Planet">
    <meta property="article:published_time" content="2024-03-03T10:00:00Z">
    <link rel="canonical" href="https://planet.example/acme"></head>
    <body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
    <form action="/x"><article><h1>Acme hires engineers</h1><p>{body}</p>
    <h2>What comes next</h2><ul><li>More hiring in Ohio is planned for next year.</li></ul>
    <p>{body}</p></article></form>
    <footer>Copyright Daily Planet. All rights reserved.</footer></body></html>"""
    (tmp_path / "p.html").write_text(page, encoding="utf-8")
    (doc,) = read([tmp_path / "p.html"])
    assert doc.title == "Acme hires engineers"
    assert (doc.authors, doc.date, doc.site) == (("Jane Doe",), "2024-03-03", "Daily Planet")
    assert doc.url == "https://planet.example/acme" and doc.language == "en"
    kept_text = " ".join(doc.text[b.start : b.end] for b in doc.kept)
    assert "hired 11 engineers" in kept_text and "All rights reserved" not in kept_text
    kinds = {b.kind for b in doc.kept}
    assert {"headline", "paragraph", "item"} <= kinds


def test_conll03_paragraphs_are_never_furniture(bench_dir: Path):
    from benchmarks.ingest import conll_documents

    docs = conll_documents(bench_dir / "conll03" / "dev.txt")
    dropped = [
        (n, d.text[b.start : b.end], b.reason)
        for n, (text, _) in enumerate(docs)
        for d in [from_text(text)]
        for b in d.dropped
    ]
    assert dropped == []


def test_an_unreadable_subfolder_is_reported(tmp_path: Path, locked_folders):

    from kg.model import ReadReport

    (tmp_path / "a.txt").write_text("Acme hired Jane Doe.")
    (tmp_path / "locked").mkdir()
    (tmp_path / "locked" / "b.txt").write_text("Never read.")
    report = ReadReport()
    assert [d.id for d in read([tmp_path], report=report, root=tmp_path)] == ["a"]
    assert [(Path(s.path).name, s.reason) for s in report.skipped] == [
        ("locked", "cannot read folder (Permission denied)")
    ]


def test_the_html_benchmark_holds_out_a_fixed_quarter_of_its_pages(bench_dir: Path):
    from benchmarks.ingest import held_out

    names = sorted(json.loads((bench_dir / "html" / "expected.json").read_text(encoding="utf-8")))
    held = [n for n in names if held_out(n)]
    assert 0.2 * len(names) <= len(held) <= 0.3 * len(names)


def test_html_benchmark_shares_count_snippets_and_markup():
    from types import SimpleNamespace

    from benchmarks.ingest import _shares
    from kg.model import Block

    def doc(text: str, **meta: object) -> SimpleNamespace:
        return SimpleNamespace(text=text, kept=[Block(0, len(text), "paragraph")], **meta)

    expected = {
        "a": {"with": ["kept  line", "lost line"], "without": ["menu"]},
        "b": {"with": ["story"], "without": ["menu", "ad"]},
        "c": {"with": ["x"], "without": []},
    }
    docs = {
        "a": doc("a kept line and a menu", title="A", authors=("Jo",), date=None),
        "b": doc("the story", title=None, authors=(), date="2024-01-01"),
        "c": None,  # a page read as empty
    }
    raws = {
        "a": b'<meta name="author" content="Jo">',
        "b": b'<meta property="article:published_time" content="2024">',
        "c": b"<p>x</p>",
    }
    got = _shares(list(expected), expected, docs, raws)
    table = [
        ("must_keep_kept", 2 / 4),
        ("must_drop_left_out", 2 / 3),
        ("title", 1 / 3),
        ("author", 1.0),
        ("pages_with_author_markup", 1),
        ("date", 1.0),
        ("pages_with_date_markup", 1),
    ]
    assert [(k, got[k]) for k, _ in table] == table


@pytest.mark.parametrize("jobs", [1, 2])
def test_the_html_benchmark_times_a_builds_read_of_the_pages_folder(tmp_path: Path, jobs: int):
    from benchmarks.ingest import _read_build

    story = " ".join(f"Acme hired {n} engineers in Boston on Tuesday, it said." for n in range(9))
    pages = [
        ("story.html", f"<html><body><article><p>{story}</p></article></body></html>"),
        ("menu.html", "<html><body><nav><a href='/'>Home</a></nav></body></html>"),  # skipped
    ]
    for name, markup in pages:
        (tmp_path / name).write_text(markup, encoding="utf-8")
    assert _read_build(tmp_path, jobs=jobs, rounds=2) > 0
    (tmp_path / "story.html").unlink()  # a folder with nothing to read fails as a build does
    with pytest.raises(InputError, match="holds no readable documents"):
        _read_build(tmp_path, jobs=jobs, rounds=1)


ADVERTS = [
    # (line, an advert?)
    ("Subscribe to our newsletter for weekly updates.", True),
    ("Sign up now and get your first month free.", True),
    ("Book a demo: we will show you the platform.", True),
    ("Our newsletter brings you the best stories every morning.", True),
    ("The company will sign up 2,000 customers, its chief executive said.", False),
    ("US market regulators opened an inquiry into the deal on Friday.", False),
    ("If you have any questions about the plant, the council said, call it.", False),
    ('"Subscribe to our newsletter," the banner read, "and you will never miss a story."', False),
    ("You can " + "read the full report on the council's website and " * 10 + "subscribe.", False),
    ("Tell us what you think: write a letter to the editor at letters@example.org.", True),
    ("Already a subscriber? You can log in to read the story.", True),
    ("Please spare some time to comment below and let us know what you think.", True),
    ("Our reviews may hold affiliate links: we earn a commission when you buy.", True),
    ("The paper published your letters to the editor on Sunday, the council said.", False),
    ("Regulators said the bank would earn a commission on every trade it cleared.", False),
]


def test_an_advert_addresses_the_reader_and_sells_in_a_short_unquoted_line():
    from kg.ingest.furniture import advert

    assert [(line, bool(advert(line))) for line, _ in ADVERTS] == ADVERTS


SHOWN_METADATA = [
    # (block, dropped as a credit or a page's label?)
    ("(Credit: Jane Doe / Daily Planet)", True),
    ("Photo: Reuters", True),
    ("Image credit: example.org", True),
    ("Posted 2 May 2021 | Category : Local News", True),
    ("Tags: elections, Ohio, turnout", True),
    ("notes.html - Created 03-10-2004 - Last Modified: 04-10-2004", True),
    ("The photo: a boy on a bridge in Ohio, taken by a farmer in 1936, won the prize.", False),
    ("Credit card spending rose 4 per cent in May, the central bank said on Tuesday.", False),
    ("Related stories", True),
    ("You may also like", True),
    ("RELATED: Acme's chief steps down after ten years", True),
    ("Read more: Ohio plant doubles its output", True),
    ("WATCH: Acme's chief on the Ohio plant", True),
    ("Related party transactions rose in 2023, the auditor said.", False),
    ("More than 200 engineers were hired.", False),
    (
        "The council sorts its grants by category: housing, roads and schools each get a "
        "share of the budget that the mayor set last spring after a long debate.",
        False,
    ),
]


@pytest.mark.parametrize(("line", "dropped"), SHOWN_METADATA)
def test_a_credit_or_a_pages_label_alone_in_its_block_is_furniture(line, dropped):
    from kg.ingest.furniture import _alone, _page

    assert bool(_alone(line)) == dropped
    assert bool(_page(line)) == dropped


UNDER_RELATED = [
    # (blocks after the headline, the blocks kept)
    (
        ["More stories", "Acme's chief steps down", "Ohio plant doubles its output"],
        [],
    ),
    # a sentence ends the run of titles, and so does the article's next heading
    (
        ["Related", "Acme's chief steps down", "The firm hired 200 engineers in Ohio."],
        ["The firm hired 200 engineers in Ohio."],
    ),
    (["See also", "Acme in Ohio", "## History"], ["## History"]),
    # titles without a related heading above them are the article's (a list of names)
    (["Acme's chief steps down", "Ohio plant doubles its output"], None),
]


@pytest.mark.parametrize(("lines", "kept"), UNDER_RELATED)
def test_titles_under_a_related_heading_are_furniture(lines, kept):
    from kg.ingest.furniture import furniture

    kinds = ["heading" if line.startswith("## ") else "paragraph" for line in lines]
    lines = [line.removeprefix("## ") for line in lines]
    text, blocks, pos = "", [], 0
    for line, kind in zip(lines, kinds, strict=True):
        blocks.append(Block(pos, pos + len(line), kind))
        text += line + "\n\n"
        pos = len(text)
    judged, _ = furniture(text, blocks, language="en", page=True)
    left = [text[b.start : b.end] for b in judged if b.kind != "furniture"]
    expected = lines if kept is None else [k.removeprefix("## ") for k in kept]
    assert left == expected


STAMPS = [
    # (block of a page's article, dropped as a date line?)
    ("Posted on", True),
    ("Updated: March 3, 2024 10:32 am", True),
    ("March 3, 2024", True),
    (
        "Updated figures show that the firm hired more engineers in Ohio than it had planned "
        "for the whole of the year, its chief said on Tuesday.",
        False,
    ),
]


@pytest.mark.parametrize(("line", "dropped"), STAMPS)
def test_on_a_page_a_short_date_line_is_furniture(line, dropped):
    from kg.ingest.furniture import _page

    assert (_page(line) == "date line") == dropped


WIDGETS = [
    # (block, a social widget?)
    ("Follow us on Twitter", True),
    ("Follow The Daily Planet on Twitter and Instagram @DailyPlanet.", True),
    ("Join us on Telegram for the day's headlines", True),
    ("Find Acme News on Facebook", True),
    ("Follow @acmenews on Instagram", True),
    ("Follow these tips shared on Facebook to keep a garden green.", False),
    ("Join thousands of readers on Telegram", False),
    ("Follow-up talks on Twitter's sale are due on Monday.", False),
    ("Millions follow the senator on Twitter, where she posts daily.", False),
    ("Like other firms on Facebook's platform, Acme pays for ads.", False),
    ("Follow the money, investigators said. On Twitter, the firm denied it.", False),
]


def test_a_call_to_follow_on_a_social_network_is_a_widget():
    from kg.ingest.furniture import _WIDGET

    assert [(line, bool(_WIDGET.match(line))) for line, _ in WIDGETS] == WIDGETS
