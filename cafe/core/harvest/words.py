"""Words of an idea: tokens, stop words and stems, in Swedish and English.

Stems come from Snowball (``snowballstemmer``), so "förskolor" and "förskolorna" count
as one word; Swedish stop words come from the ``stop-words`` package, English ones from
Snowball's list of function words (``function_words.toml``; the package's English list
drops "together", "help" and "young"), plus the few everyday words of a meeting's talk
that they lack (``extra_stopwords.toml``).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from functools import cache
from importlib.resources import files

import snowballstemmer
import stop_words
import tomli

LANGS = ("sv", "en")
_SNOWBALL = {"sv": "swedish", "en": "english"}
_WORD = re.compile(r"[^\W\d_]+(?:[-':][^\W\d_]+)*")
MIN_LENGTH = 2
"""Shorter words ("i", "a") carry no theme; SFI and IT are kept."""


def tokens(text: str) -> list[str]:
    """The words of ``text``, casefolded, in order (hyphenated words stay one)."""
    return [m.group(0) for m in _WORD.finditer(text.casefold())]


def word_spans(text: str) -> list[tuple[int, str]]:
    """Each word of ``text`` casefolded, with where it starts in ``text.casefold()``."""
    return [(m.start(), m.group(0)) for m in _WORD.finditer(text.casefold())]


@cache
def stopwords(lang: str) -> frozenset[str]:
    """Words that say nothing about a theme, in ``lang`` (``sv`` or ``en``)."""
    if lang == "en":  # function words only: see function_words.toml
        with (files(__package__) / "function_words.toml").open("rb") as handle:
            listed = tomli.load(handle)["en"]["words"]
    else:
        listed = stop_words.get_stop_words(_SNOWBALL[lang])
    with (files(__package__) / "extra_stopwords.toml").open("rb") as handle:
        extra = tomli.load(handle)[lang]["words"]
    return frozenset(w.casefold() for w in [*listed, *extra])


@cache
def checkout_stopwords(lang: str) -> frozenset[str]:
    """``stopwords(lang)`` less the words a parting thought says and a room repeats
    ("hope", "great", "kul"): the check-out cloud's stop words (``cloud_keeps`` in
    ``extra_stopwords.toml``)."""
    with (files(__package__) / "extra_stopwords.toml").open("rb") as handle:
        keeps = tomli.load(handle)[lang]["cloud_keeps"]
    return stopwords(lang) - {w.casefold() for w in keeps}


@cache
def _stemmer(lang: str) -> snowballstemmer.stemmer:
    return snowballstemmer.stemmer(_SNOWBALL[lang])


@cache
def stem(word: str, lang: str) -> str:
    """Snowball's stem of one casefolded word, one final "s" less in Swedish.

    Swedish Snowball takes the "s" off "mötesplats" but not off "mötesplatsen" (whose
    stem is "mötesplats"); dropping a final "s" from every stem makes them one word.
    """
    stemmed = _stemmer(lang).stemWord(word)
    if lang == "sv" and len(stemmed) > 3 and stemmed.endswith("s"):
        return stemmed[:-1]
    return stemmed


def content_words(text: str, lang: str, stops: frozenset[str] | None = None) -> list[str]:
    """The words of ``text`` that are not stop words (``stops``, by default those of
    ``lang``) and are long enough to mean something."""
    stops = stopwords(lang) if stops is None else stops
    return [w for w in tokens(text) if len(w) >= MIN_LENGTH and w not in stops]


def guess_language(texts: Iterable[str]) -> str:
    """``sv`` or ``en``: whichever language's stop words the texts use more."""
    sv, en = stopwords("sv"), stopwords("en")
    score = 0
    for text in texts:
        for word in tokens(text):
            score += (word in sv) - (word in en)
    return "en" if score < 0 else "sv"


def stem_counts(
    texts: Iterable[str],
    lang: str,
    *,
    lone_words: bool = False,
    stops: frozenset[str] | None = None,
) -> tuple[Counter[str], dict[str, str]]:
    """In how many texts each stem occurs, and the most common written form of each stem.

    A stem counts once per text: one thought saying "Mötesplats mötesplats mötesplats"
    is one voice, and made that word the biggest in the cloud.
    Ties between written forms go to the alphabetically first, so the result does not
    depend on the order of the texts. ``lone_words``: a text of one word counts it even
    if it is a stop word ("Thanks!" is what was said; "I think we meet" says "meet").
    ``stops``: the stop words, by default those of ``lang``.
    """
    counts: Counter[str] = Counter()
    forms: dict[str, Counter[str]] = {}
    for text in texts:
        words = content_words(text, lang, stops)
        if lone_words and not words:
            alone = [w for w in tokens(text) if len(w) >= MIN_LENGTH]
            words = alone if len(alone) == 1 and len(tokens(text)) == 1 else []
        said: set[str] = set()
        for word in words:
            key = stem(word, lang)
            if key in said:
                continue
            said.add(key)
            counts[key] += 1
            forms.setdefault(key, Counter())[word] += 1
    shown = {key: min(c.items(), key=lambda kv: (-kv[1], kv[0]))[0] for key, c in forms.items()}
    return counts, shown
