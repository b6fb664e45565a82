"""A generator of news-style pages for benchmarks: any number, the same for the same seed.

Each page reads like a scraped business or technology story: a headline, a dateline, a byline,
paragraphs that name people, companies, places, products and dates in varied constructions,
sometimes a list, and page furniture (share widgets, a newsletter blurb, a Spanish teaser, an
author box) that kg must leave out. Names are drawn with a skewed (Zipf-like) popularity, as in
news, so a larger corpus mostly repeats known names and the graph grows slower than the text.

    python -m benchmarks.corpus OUT_DIR [--docs 2000] [--seed 1]
"""

from __future__ import annotations

import argparse
import random
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

FIRST = (
    "Amara Bruno Chiara Dmitri Elena Farid Greta Hiroshi Ines Jonas Kavya Lars Marisol Nikolai "
    "Olu Priya Quentin Rosa Sanjay Tamsin Ulrich Valeria Wen Xavier Yara Zoltan Adele Bashir "
    "Carmen Desmond Esther Felix Gwen Hamid Ingrid Jamal Keiko Leon Mirela Nadia Oscar Petra "
    "Rafael Sofia Tobias Uma Viktor Wanda Yusuf Zara Anika Boris Celeste Dario Elif Fabian "
    "Grace Henrik Isabel Julian Leila Malik Noor Otto Paloma Rohan Selma Theo Vera Walter"
).split()
LAST = (
    "Okafor Lindqvist Moreau Tanaka Castellano Novak Haddad Brennan Sorensen Iyer Kowalski "
    "Delgado Whitfield Abernathy Nakamura Petrov Achebe Fontaine Gallagher Hoffmann Kapoor "
    "Larsen Mbeki Ortega Quist Rinaldi Sato Thorne Varga Weissman Yilmaz Zhou Alvarez Becker "
    "Costa Dubois Eriksen Fischer Garcia Holm Ivanova Jensen Kruger Lopez Marsh Nilsen Osei "
    "Park Ramos Schmidt Torres Underwood Vogel Walsh Young Ziegler Hartley Mendez Obi Pereira"
).split()
ORG_STEMS = (
    "Norvale Kestrel Brightwater Halcyon Ironbark Lumenfield Quillon Redmere Stratos Tidewell "
    "Verdant Wolfram Axiom Bluefin Cobalt Driftwood Emberline Fairhaven Granite Harborview "
    "Juniper Keystone Larkspur Meridian Northgate Orchard Pinecrest Quantis Riverbend Silverleaf "
    "Thornbury Upland Vantage Westmark Yellowpine Zephyr Arcturus Beacon Cedarline Dunmore"
).split()
ORG_SUFFIXES = (
    "Systems Labs Group Holdings Technologies Capital Robotics Networks Bank Partners Media "
    "Industries Motors Software Ventures Research"
).split()
ACRONYM_ORGS = (
    "International Monetary Fund|World Trade Organization|European Central Bank|"
    "Bank for International Settlements|Securities and Exchange Commission|"
    "World Health Organization"
).split("|")
PLACES = (
    "London|Paris|Berlin|Madrid|Lisbon|Dublin|Amsterdam|Stockholm|Oslo|Helsinki|Warsaw|Prague|"
    "Vienna|Zurich|Milan|Rome|Athens|Istanbul|Cairo|Nairobi|Lagos|Johannesburg|Dubai|Mumbai|"
    "Bangalore|Singapore|Jakarta|Seoul|Tokyo|Osaka|Shanghai|Sydney|Melbourne|Auckland|Toronto|"
    "Montreal|Vancouver|Boston|Chicago|Austin|Seattle|Denver|Atlanta|Miami|Mexico City|"
    "Sao Paulo|Buenos Aires|Santiago|Bogota|Lima|Texas|California|Bavaria|Ontario|Kenya|"
    "Brazil|Germany|France|Japan|India|Canada|Spain|Italy|Poland|Nigeria|Vietnam"
).split("|")
PRODUCT_STEMS = (
    "Aurora Nimbus Pulse Atlas Vega Orion Helix Sable Comet Lyra Nova Echo Tempo Prism Delta "
    "Ember Falcon Glacier Horizon Summit"
).split()
PRODUCT_TAILS = "One Pro Max Lite 2 3 X Studio Cloud Edge".split()
ROLES = (
    "chief executive|chief financial officer|chief technology officer|head of research|"
    "general counsel|chief operating officer|head of product|chairman|president|"
    "vice president of engineering|director of policy|chief scientist"
).split("|")
ORG_NOUNS = "startup|company|firm|lender|chipmaker|software maker|carmaker|retailer".split("|")
PRODUCT_NOUNS = (
    "language model|smartphone|payments app|chip|battery|cloud service|robot|"
    "operating system|electric car|satellite|browser|drug"
).split("|")
TOPICS = (
    "artificial intelligence|electric vehicles|cloud computing|semiconductors|online payments|"
    "renewable energy|biotechnology|cybersecurity|logistics|consumer electronics|"
    "digital advertising|quantum computing"
).split("|")
MONTHS = (
    "January February March April May June July August September October November December"
).split()
WEEKDAYS = "Monday Tuesday Wednesday Thursday Friday".split()

# Sentence templates. Slots: {org} {org2} {person} {person2} {last} {place} {place2} {product}
# {role} {orgnoun} {prodnoun} {topic} {month} {year} {day} {weekday} {num} {pct} {acr}
# {acr_full}. Written for this generator; none is taken from a benchmark or a seed text.
SENTENCES = [
    "{org}, a {place}-based {orgnoun}, said on {weekday} that it had hired {person} as its {role}.",
    "{person}, who previously worked at {org2}, will report directly to {person2}.",
    "The {orgnoun} released {product}, a {prodnoun} aimed at small businesses, in {month} {year}.",
    "{org} acquired {org2} for ${num} million in {year}, according to two people familiar with "
    "the deal.",
    "Shares of {org} rose {pct} percent in {place} on {weekday} after the announcement.",
    "{person} founded {org} in {year} together with {person2}, a former {role} of {org2}.",
    "Analysts at {org2} said the move could reshape the market for {topic} in {place}.",
    "The company is headquartered in {place} and employs about {num} people worldwide.",
    "Regulators in {place} have opened an inquiry into how {org} handled customer data.",
    "{product} will be available in {place} and {place2} later this year, the company said.",
    "\u201cWe are building for the next decade, not the next quarter,\u201d {last} said in an "
    "interview.",
    "{org} appointed {person} to lead its {topic} unit on {month} {day}, {year}.",
    "{person} joined {org} in {year} after eight years at {org2}.",
    "Last year {org} opened a research center in {place}, its first outside {place2}.",
    "The {acr} warned in {month} that spending on {topic} could slow in {place}.",
    "A spokesperson for {org} declined to comment on the report.",
    "{org} and {org2} agreed to jointly develop {product}, which runs on their shared platform.",
    "{person} is the {role} of {org}, which makes {prodnoun}s for hospitals and schools.",
    "Born in {place}, {person} studied engineering before moving to {place2} in {year}.",
    "The {acr_full} ({acr}) said on {weekday} that it expects growth of {pct} percent.",
    "{org_pos} {product} competes with offerings from {org2} and several smaller rivals.",
    "In {month}, {org} cut about {num} jobs, mostly in its {place} office.",
    "{last} told reporters that {org} had no plans to sell its stake in {org2}.",
    "Investors including {org2} put ${num} million into {org} in a funding round last {month}.",
    "The deal, which still needs approval from regulators in {place}, is expected to close "
    "in {year}.",
]
FILLER = [
    "The figures could not be independently verified.",
    "It was not immediately clear how the change would affect customers.",
    "The timing of the decision surprised many people in the industry.",
    "Some critics argue that the plan is too ambitious and too expensive.",
    "Demand has been uneven across regions, with strong sales in some markets and weak sales "
    "in others.",
    "The new rules take effect next year and apply to companies of every size.",
    "Prices for the components have fallen sharply over the past two years.",
    "Executives have said for months that costs would come down as production grows.",
    "Several employees said morale had improved since the reorganisation.",
    "The results were better than most analysts had expected.",
]
WIDGETS = ["Like Like 0", "Share on Twitter", "What's Your Reaction?", "Comments (0)", "Share"]
PROMOS = [
    "Sign up for our newsletter to get the latest business news in your inbox every morning.",
    "Subscribe today and get your first three months of unlimited access for free.",
    "Advertisement: book a demo and see how our platform can help your team grow.",
]
SPANISH = [
    "Lea también: las últimas noticias sobre tecnología y negocios en nuestra sección.",
    "Suscríbase para recibir cada semana un resumen de las noticias más importantes.",
]


@dataclass(frozen=True)
class Page:
    name: str  # file name
    text: str


class _World:
    """The cast of names a corpus draws on, each with a skewed popularity."""

    def __init__(self, rng: random.Random) -> None:
        self.people = [f"{f} {last}" for f in FIRST for last in LAST]
        rng.shuffle(self.people)
        self.orgs = [f"{s} {x}" for s in ORG_STEMS for x in ORG_SUFFIXES]
        rng.shuffle(self.orgs)
        self.products = [f"{s} {t}" for s in PRODUCT_STEMS for t in PRODUCT_TAILS]
        rng.shuffle(self.products)

    @staticmethod
    def pick(rng: random.Random, pool: list[str]) -> str:
        # Zipf-like: index ~ pareto, so a few names are everywhere and most are rare
        i = int(rng.paretovariate(1.1)) - 1
        return pool[i % len(pool)]


def _slots(rng: random.Random, w: _World, cast: dict[str, str]) -> dict[str, str]:
    acr_full = rng.choice(ACRONYM_ORGS)
    acr = "".join(x[0] for x in acr_full.split() if x not in ("and", "of"))
    person2 = w.pick(rng, w.people)
    return {
        **cast,
        "person2": person2 if person2 != cast["person"] else w.pick(rng, w.people),
        "org2": w.pick(rng, w.orgs),
        "place2": rng.choice(PLACES),
        "role": rng.choice(ROLES),
        "orgnoun": rng.choice(ORG_NOUNS),
        "prodnoun": rng.choice(PRODUCT_NOUNS),
        "topic": rng.choice(TOPICS),
        "month": rng.choice(MONTHS),
        "year": str(rng.randint(1998, 2025)),
        "day": str(rng.randint(1, 28)),
        "weekday": rng.choice(WEEKDAYS),
        "num": str(rng.choice([12, 40, 85, 120, 300, 450, 900, 1200, 2500, 7000])),
        "pct": str(rng.randint(2, 19)),
        "acr": acr,
        "acr_full": acr_full,
        "org_pos": cast["org"] + ("'" if cast["org"].endswith("s") else "'s"),
    }


def page(rng: random.Random, w: _World, n: int) -> Page:
    """One page: headline, dateline, byline, 4-7 paragraphs, maybe a list, and furniture."""
    cast = {
        "org": w.pick(rng, w.orgs),
        "person": w.pick(rng, w.people),
        "place": rng.choice(PLACES),
        "product": w.pick(rng, w.products),
    }
    cast["last"] = cast["person"].split()[-1]
    lines = [
        rng.choice(
            [
                "{org} Names {person} {role_t}",
                "{org} Unveils {product} in {place}",
                "Why {org} Is Betting on {topic_t}",
                "{org} Shares Climb After {product} Launch",
            ]
        ).format(
            **cast,
            role_t=rng.choice(ROLES).title(),
            topic_t=rng.choice(TOPICS).title(),
        ),
        f"{rng.choice(MONTHS)[:3]} {rng.randint(1, 28)}, {rng.randint(2019, 2025)}",
        f"By {w.pick(rng, w.people)}",
        "",
    ]
    for p in range(rng.randint(4, 7)):
        sents = []
        for _ in range(rng.randint(2, 5)):
            pool = FILLER if rng.random() < 0.2 else SENTENCES
            sents.append(rng.choice(pool).format(**_slots(rng, w, cast)))
        lines += [" ".join(sents), ""]
        if p == 1 and rng.random() < 0.3:
            for _ in range(rng.randint(2, 4)):
                s = _slots(rng, w, cast)
                lines.append(
                    f"- {w.pick(rng, w.products)}: a {s['prodnoun']} sold in {s['place2']}."
                )
            lines.append("")
        if p == 2 and rng.random() < 0.3:
            lines += [rng.choice(PROMOS), ""]
    lines += [rng.choice(WIDGETS), rng.choice(WIDGETS), ""]
    if rng.random() < 0.25:
        lines += [rng.choice(SPANISH), ""]
    if rng.random() < 0.2:
        author = w.pick(rng, w.people)
        lines += [author, f"{author} covers {rng.choice(TOPICS)} from {rng.choice(PLACES)}.", ""]
    return Page(f"{n:05d}.txt", "\n".join(lines))


def pages(n: int, *, seed: int = 1) -> Iterator[Page]:
    """``n`` pages, the same for the same ``seed``."""
    rng = random.Random(seed)
    w = _World(rng)
    for i in range(n):
        yield page(rng, w, i)


def write(out_dir: Path, n: int, *, seed: int = 1) -> tuple[int, int]:
    """Write ``n`` pages into ``out_dir`` (100 to a folder); the number of files and words."""
    out_dir = Path(out_dir)
    words = 0
    for i, p in enumerate(pages(n, seed=seed)):
        d = out_dir / f"{i // 100:03d}"
        d.mkdir(parents=True, exist_ok=True)
        (d / p.name).write_text(p.text, encoding="utf-8")
        words += len(p.text.split())
    return n, words


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(prog="python -m benchmarks.corpus", description=__doc__)
    ap.add_argument("out", type=Path, help="folder to write the pages into")
    ap.add_argument("--docs", type=int, default=2000, help="number of pages (default 2000)")
    ap.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    a = ap.parse_args(argv)
    n, words = write(a.out, a.docs, seed=a.seed)
    print(f"wrote {n} pages, {words} words, to {a.out}")


if __name__ == "__main__":
    main()
