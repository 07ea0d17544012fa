"""The check-out word cloud: which words the room's parting thoughts share.

Only single words are shown, never whole thoughts, so a projected cloud does not expose
what one person wrote. Stop words (Swedish and English) are left out and inflected forms
count as one word, shown as people wrote it most (``cafe.core.harvest.cloud``).
"""

from __future__ import annotations

import math
from collections.abc import Iterable

MAX_WORDS = 40
WEIGHTS = 6
"""Size classes in the page's CSS: ``w1`` (smallest) to ``w6``."""


def word_weights(
    texts: Iterable[str], limit: int = MAX_WORDS, lang: str | None = None
) -> list[tuple[str, int]]:
    """The most frequent words with a size class 1..6, in alphabetical order.

    ``lang`` is the meeting's language; without it the texts' language is guessed.
    """
    # The stemmers load at the check-out step, not when the server starts.
    from cafe.core.harvest.cloud import cloud_words

    common = cloud_words(texts, lang, limit)
    if not common:
        return []
    top = common[0][1]
    weighted = []
    for word, count in common:
        if top == 1:
            weighted.append((word, WEIGHTS // 2))
        else:
            share = math.log(count) / math.log(top)
            weighted.append((word, 1 + round(share * (WEIGHTS - 1))))
    return sorted(weighted)
