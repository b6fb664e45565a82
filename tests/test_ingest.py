from pathlib import Path

import pytest

from kg import Document, InputError
from kg.ingest.text import (
    MAX_BLOCK,
    clean_text,
    from_text,
    language,
    pieces,
    read,
    safe_id,
    segment,
)
from kg.model import Block


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
        ("heading", "Why the Merger Matters"),
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


def test_author_box_is_dropped():
    text = (
        "The company reported record profits.\nJane Roe\n"
        "Jane Roe is a reporter at the Daily Planet who writes about markets.\n"
    )
    assert kept(text) == ["The company reported record profits."]


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
    docs = read([tmp_path, "Raw text about Acme.", Document("given", "Given text.")])
    ids = [d.id for d in docs]
    assert ids[:5] == ["a", "c", "x1", "d-2", "sub-b"]
    assert ids[5].startswith("text-") and ids[6] == "given"
    html = next(d for d in docs if d.id == "c")
    assert html.title == "T" and html.text == "Acme hired Jane Doe.\n"
    assert "Acme hired Jane Doe." in html.text


@pytest.mark.parametrize(
    "make, message",
    [
        (lambda p: p / "missing.txt", "no such file or folder"),
        (lambda p: (p / "empty").mkdir() or p / "empty", "folder holds no readable documents"),
        (lambda p: (p / "bin.txt").write_bytes(b"abc\0def") and p / "bin.txt", "binary file"),
        (
            lambda p: (p / "bad.txt").write_bytes(b"caf\xe9 au lait") and p / "bad.txt",
            "not valid UTF-8",
        ),
        (lambda p: (p / "bad.jsonl").write_text("{oops\n") and p / "bad.jsonl", "not valid JSON"),
    ],
)
def test_bad_input_names_the_file(tmp_path: Path, make, message):
    path = make(tmp_path)
    with pytest.raises(InputError) as err:
        read([path])
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
