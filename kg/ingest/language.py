"""The language of a text or a block, from py3langid's bundled model (BSD-3-Clause).

The model is a naive Bayes classifier over byte n-grams trained on 97 languages; it loads in
about a second, so it is loaded once, on first use.
"""

from __future__ import annotations

import functools
import re
from typing import Any

from kg.defaults import LANGUAGE_MIN_WORDS, LANGUAGE_SURE

# Languages a news page is commonly written in. Restricting the model to these keeps short
# English strings ("LONDON 1996-08-30", "Like Like 0") from being read as Esperanto or Igbo,
# the model's usual misfires on a handful of characters.
LANGUAGES = (
    "en es fr de pt it nl sv da no fi pl cs sk hu ro tr ru uk el bg hr sl sr ca eu gl et lv lt "
    "ar he fa hi bn ur id ms vi th zh ja ko sw tl af is ga cy"
).split()


_WORD = re.compile(r"[^\W\d_]+")


@functools.cache
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    ident = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    ident.set_languages(LANGUAGES)
    return ident


def identify(text: str) -> tuple[str, float]:
    """The likely language of ``text`` as an ISO 639-1 code and the model's probability;
    ('', 0.0) when ``text`` has no letters."""
    if not _WORD.search(text):
        return "", 0.0
    lang, prob = _identifier().classify(text)
    return str(lang), float(prob)


def ranked(text: str) -> dict[str, float]:
    """Every language's probability for ``text`` (empty when it has no letters)."""
    if not _WORD.search(text):
        return {}
    return {str(k): float(v) for k, v in _identifier().rank(text)}


def language(text: str) -> tuple[str, float]:
    """The language of a block: ``identify``'s answer, or ('', prob) when the block is too short
    or the model too unsure for the answer to stand alone."""
    lang, prob = identify(text)
    if len(_WORD.findall(text)) < LANGUAGE_MIN_WORDS and prob < LANGUAGE_SURE:
        return "", prob
    return lang, prob
