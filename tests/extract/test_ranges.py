"""A model fact's object must fit its predicate (kg.extract.ranges): a country for the
country-valued properties, and never another name of the subject's own place. Tables of our
own making, read directly and through the classifier with a model that says "country" of
every pair."""

from __future__ import annotations

import numpy as np
import pytest

import kg
from kg.extract.classifier import NONE, RelationModel
from kg.extract.ranges import object_fits, same_place

FITS = [
    # (predicate, subject (text, label), object (text, label), fits)
    ("country", ("Boise", "GPE"), ("Idaho", "GPE"), False),  # a state is no country
    ("country", ("Boise", "GPE"), ("United States", "GPE"), True),
    ("country", ("Boise", "GPE"), ("U.S.", "GPE"), True),  # an alias of the places table
    ("country", ("Hamburg", "GPE"), ("German", "NORP"), True),  # a nationality word
    ("country", ("Korea", "GPE"), ("Korean", "NORP"), False),  # its own nationality word
    ("country_of_citizenship", ("Ana Ruiz", "PERSON"), ("Madrid", "GPE"), False),
    ("country_of_citizenship", ("Ana Ruiz", "PERSON"), ("Spain", "GPE"), True),
    ("country_of_origin", ("Dark Road", "WORK_OF_ART"), ("Lowman", "GPE"), False),
    ("located_in", ("Boise", "GPE"), ("Idaho", "GPE"), True),  # any place for "located in"
    ("located_in", ("Bosnian", "NORP"), ("Bosnia and Herzegovina", "GPE"), False),
    ("located_in", ("Paris", "GPE"), ("France", "GPE"), True),
    ("employer", ("Ana Ruiz", "PERSON"), ("Acme", "ORG"), True),  # no place: no check
    # a country lies in no other country ("a US firm in Spain"), but for the few that do
    ("country", ("United States", "GPE"), ("Spain", "GPE"), False),
    ("located_in", ("U.S.", "GPE"), ("Peruvian", "NORP"), False),
    ("located_in", ("Danish", "NORP"), ("Norway", "GPE"), False),
    ("country", ("Hong Kong", "GPE"), ("China", "GPE"), True),
    ("country", ("Scotland", "GPE"), ("United Kingdom", "GPE"), True),
    ("located_in", ("Latvia", "GPE"), ("Soviet Union", "GPE"), True),  # a former union
    # a continent is no country
    ("country", ("Tarsen", "GPE"), ("Africa", "LOC"), False),
    ("country_of_citizenship", ("Ana Ruiz", "PERSON"), ("European", "NORP"), False),
    # a nationality word names a people: no one works for it; but a place lies in it as in
    # its country ("a Canadian province")
    ("located_in", ("Alberta", "GPE"), ("Canadian", "NORP"), True),
    # but a place the table puts in one country lies in no other's people ("Soviet volunteers
    # plan to spend August in Washington"), but for a member of a former union
    ("located_in", ("Washington", "GPE"), ("Soviet", "NORP"), False),
    ("located_in", ("New York", "GPE"), ("Chilean", "NORP"), False),
    ("contains", ("Chilean", "NORP"), ("New York", "GPE"), False),
    ("located_in", ("Texas", "GPE"), ("American", "NORP"), True),
    ("located_in", ("Austria", "GPE"), ("German", "NORP"), False),
    ("located_in", ("Armenia", "GPE"), ("Soviet", "NORP"), True),
    ("employer", ("Lin Wei", "PERSON"), ("Japanese", "NORP"), False),
    ("country", ("Hamburg", "GPE"), ("German", "NORP"), True),  # "a German city" stays
    # no country contains another, nor a state another state
    ("contains", ("Poland", "GPE"), ("Turkey", "GPE"), False),
    ("contains", ("Texas", "GPE"), ("Ohio", "GPE"), False),
    ("located_in", ("Ohio", "GPE"), ("Texas", "GPE"), False),
    ("contains", ("Texas", "GPE"), ("Austin", "GPE"), True),
    ("located_in", ("Belen", "GPE"), ("N.M.", "GPE"), True),  # not of one country
    ("contains", ("United States", "GPE"), ("Texas", "GPE"), True),
    # a country lies in none of its own states or large cities, read the wrong way round
    ("located_in", ("United States", "GPE"), ("Wisconsin", "GPE"), False),
    ("located_in", ("Nigeria", "GPE"), ("Lagos", "GPE"), False),
    ("contains", ("Wisconsin", "GPE"), ("United States", "GPE"), False),
    ("country", ("United States", "GPE"), ("Wisconsin", "GPE"), False),
    ("located_in", ("Wisconsin", "GPE"), ("United States", "GPE"), True),
    ("located_in", ("Kenya", "GPE"), ("Nairobi", "GPE"), False),
    # a country or a state employs no one as the model reads it; a city's name may be a firm's
    ("employer", ("Lin Wei", "PERSON"), ("Nigeria", "ORG"), False),
    ("employer", ("Lin Wei", "PERSON"), ("Alaska", "GPE"), False),
    ("employer", ("Lin Wei", "PERSON"), ("Mila", "ORG"), True),  # an Algerian province too
]


@pytest.mark.parametrize(("pred", "subject", "obj", "fits"), FITS)
def test_object_fits(pred: str, subject, obj, fits: bool) -> None:
    assert object_fits(pred, subject, obj) is fits


SAME = [
    (("U.S.", "GPE"), ("United States", "GPE"), True),
    (("Dutch", "NORP"), ("Netherlands", "GPE"), True),
    (("Dutch", "NORP"), ("Belgium", "GPE"), False),
    (("Jordan", "PERSON"), ("Jordan", "GPE"), False),  # a person's name is no place
    (("Idaho", "GPE"), ("Idaho", "GPE"), False),  # not in the table: nothing said
]


@pytest.mark.parametrize(("a", "b", "same"), SAME)
def test_same_place(a, b, same: bool) -> None:
    assert same_place(a, b) is same


def _always_country() -> RelationModel:
    """A model with no features whose bias says "country" (P17) of every pair."""
    weights = np.array([[0.0, 6.0]], dtype=np.float32)
    return RelationModel({}, weights, (NONE, "P17"), np.array([1.0, 0.5], dtype=np.float32))


READ = [
    # (text, country facts that must be read, country facts that must not)
    (
        "Boise lies in Idaho, in the United States.",
        {("Boise", "United States"), ("Idaho", "United States")},
        {("Boise", "Idaho"), ("United States", "Idaho"), ("Idaho", "Boise")},
    ),
    (
        "Korea signed the accord with the Korean delegation in Geneva.",
        set(),
        {("Korea", "Korean"), ("Korean", "Korea"), ("Korea", "Geneva")},
    ),
]


@pytest.mark.parametrize(("text", "found", "absent"), READ)
def test_model_facts_fit(pipeline, text: str, found: set, absent: set) -> None:
    from kg.extract.mentions import extract

    (ex,) = extract([kg.from_text(text)], pipeline, relation_model=_always_country())
    got = {
        (ex.mentions[f.subject].text, ex.mentions[f.object].text)
        for f in ex.facts
        if f.predicates == ("country",) and isinstance(f.object, int)
    }
    assert found <= got
    assert not (absent & got)


def _always(prop: str) -> RelationModel:
    """A model with no features whose bias says ``prop`` of every pair."""
    weights = np.array([[0.0, 6.0]], dtype=np.float32)
    return RelationModel({}, weights, (NONE, prop), np.array([1.0, 0.5], dtype=np.float32))


LISTS = [
    # (property, its kg name, text, pairs that must be read, pairs that must not): a person
    # lives in none of three or more places listed, but where the person's verb says so
    (
        "P551",
        "residence",
        "Ana Ruiz spoke for the bloc (Chile, Peru, Bolivia and Ecuador) on Monday.",
        set(),
        {("Ana Ruiz", "Peru"), ("Ana Ruiz", "Chile")},
    ),
    ("P551", "residence", "Ana Ruiz lives in Lima.", {("Ana Ruiz", "Lima")}, set()),
    (
        "P551",
        "residence",
        "Ana Ruiz has lived in Lima, Quito and Bogota.",
        {("Ana Ruiz", "Lima"), ("Ana Ruiz", "Bogota")},
        set(),
    ),
]


@pytest.mark.parametrize(("prop", "name", "text", "found", "absent"), LISTS)
def test_model_facts_in_lists(pipeline, prop, name, text, found, absent) -> None:
    from kg.extract.mentions import extract

    (ex,) = extract([kg.from_text(text)], pipeline, relation_model=_always(prop))
    got = {
        (ex.mentions[f.subject].text, ex.mentions[f.object].text)
        for f in ex.facts
        if f.predicates == (name,) and isinstance(f.object, int)
    }
    assert found <= got
    assert not (absent & got)
