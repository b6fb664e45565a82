"""The DWIE reader of benchmarks.news_facts: a player's team, which DWIE gives twice (member_of
and player_of), is one gold fact, counted as player_of, that either's properties match."""

from benchmarks.news_facts import _doc, read_dwie


def dwie_doc(relations: list[dict]) -> dict:
    text = "Karl Stein plays for Hamburg. Ann Lee works for Acme."
    names = [("Karl Stein", "person"), ("Hamburg", "organization"), ("Ann Lee", "person"),
             ("Acme", "organization")]  # fmt: skip
    mentions, concepts = [], []
    for n, (name, tag) in enumerate(names):
        start = text.index(name)
        mentions.append({"concept": n, "text": name, "begin": start, "end": start + len(name)})
        concepts.append({"concept": n, "tags": [f"type::{tag}"]})
    return {"id": "t", "content": text, "mentions": mentions, "concepts": concepts,
            "relations": relations}  # fmt: skip


def test_a_players_team_is_one_fact_counted_as_player_of():
    doc = _doc(
        dwie_doc([
            {"s": 0, "o": 1, "p": "member_of"},
            {"s": 0, "o": 1, "p": "player_of"},
            {"s": 2, "o": 3, "p": "member_of"},
        ])
    )  # fmt: skip
    facts = sorted((r.head, r.tail, r.label, r.props) for r in doc.relations)
    assert facts == [
        (0, 1, "player_of", ("P54", "P108", "P463", "P102")),
        (2, 3, "member_of", ("P108", "P463", "P102", "P54")),
    ]


def test_p54_is_counted_in_the_player_row(tmp_path):
    path = tmp_path / "train.json"
    path.write_text("[]", encoding="utf-8")
    labels = read_dwie(path).labels
    assert labels["P54"] == "player_of" and labels["P108"] == "member_of"
