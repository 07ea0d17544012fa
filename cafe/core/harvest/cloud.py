"""The words of a word cloud: stop words out, inflected forms counted as one word.

"Mötesplatser", "mötesplatsen" and "mötesplats" are one word in the cloud, shown in the
form people wrote most; "ses", "bär" and "trodde" say nothing and are left out, unless
a thought is that one word ("Hope!" four times was missing from the cloud).
"""

from __future__ import annotations

from collections.abc import Iterable

from cafe.core.harvest.words import LANGS, guess_language, stem_counts

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
    counts, shown = stem_counts(texts, lang, lone_words=True)
    words = [(shown[s], n) for s, n in counts.items() if len(shown[s]) >= MIN_LENGTH]
    words.sort(key=lambda wn: (-wn[1], wn[0]))
    return words[:limit]
