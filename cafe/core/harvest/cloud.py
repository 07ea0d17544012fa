"""The words of a word cloud: stop words out, inflected forms counted as one word.

"Mötesplatser", "mötesplatsen" and "mötesplats" are one word in the cloud, shown in the
form people wrote most; "ses", "bär" and "trodde" say nothing and are left out, unless
a thought is that one word ("Hope!" four times was missing from the cloud). Words that
say nothing about an idea's theme but are what parting thoughts share ("hope", "great",
"kul", even words of the question) stay in (``checkout_stopwords``): two people's "hope"
was missing from a cloud of "continues energy places". Swearing
and slurs are held back (``held_back.toml``): on the wall the room saw "jävla" and
"idioter" before a co-host could remove the thought.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from importlib.resources import files

import tomli

from cafe.core.harvest.words import LANGS, checkout_stopwords, guess_language, stem_counts

MIN_LENGTH = 3
"""Shorter words are left out of the cloud ("ok", "ja")."""


def cloud_words(
    texts: Iterable[str], lang: str | None = None, limit: int = 40
) -> list[tuple[str, int]]:
    """The ``limit`` most used words as (shown form, count), most used first.

    Ties go alphabetically, so the same texts give the same cloud.
    """
    texts = list(texts)
    lang = lang if lang in LANGS else guess_language(texts)
    counts, shown = stem_counts(texts, lang, lone_words=True, stops=checkout_stopwords(lang))
    words = [
        (shown[s], n)
        for s, n in counts.items()
        if len(shown[s]) >= MIN_LENGTH and not held_back(shown[s])
    ]
    words.sort(key=lambda wn: (-wn[1], wn[0]))
    return words[:limit]


@cache
def _held_back() -> tuple[frozenset[str], tuple[str, ...]]:
    """Whole words, and beginnings (``jävl*``), from both languages' lists: a Swedish
    meeting hears English swearing too."""
    with (files(__package__) / "held_back.toml").open("rb") as handle:
        lists = tomli.load(handle)
    listed = [w.casefold() for lang in LANGS for w in lists[lang]["words"]]
    whole = frozenset(w for w in listed if not w.endswith("*"))
    return whole, tuple(w[:-1] for w in listed if w.endswith("*"))


def held_back(word: str) -> bool:
    """Whether the cloud keeps ``word`` off the wall."""
    whole, beginnings = _held_back()
    word = word.casefold()
    return word in whole or word.startswith(beginnings)
