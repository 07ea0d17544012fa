"""The check-out word cloud: which words the room's parting thoughts share.

Only single words are shown, never whole thoughts, so a projected cloud does not expose
what one person wrote. Short function words in Swedish and English are left out.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable

_WORD = re.compile(r"[^\W\d_]+(?:[-'][^\W\d_]+)*")

_STOPWORD_TEXT = """
    att och det som en ett är jag du vi ni de den dem han hon man med för på av till
    från om inte men har hade var vara blir blev kan ska skulle vill mitt min mina mig
    oss vår våra vårt deras sin sina sitt där här när hur vad vilka vilken vilket också
    bara mer mycket några något någon alla allt andra annat eller så sig dig din dina
    ditt nu då än efter innan under över utan genom mot hos tar tog får fick även
    the and for are was were you your yours our ours they them their his her its with
    that this these those from into about have has had will would can could should not
    but all any some more most much very just also than then there here when what which
    who how why out over under been being get got one two
"""
STOPWORDS = frozenset(_STOPWORD_TEXT.split())

MAX_WORDS = 40
WEIGHTS = 6
"""Size classes in the page's CSS: ``w1`` (smallest) to ``w6``."""


def word_weights(texts: Iterable[str], limit: int = MAX_WORDS) -> list[tuple[str, int]]:
    """The most frequent words with a size class 1..6, in alphabetical order."""
    counts: Counter[str] = Counter()
    for text in texts:
        for match in _WORD.finditer(text.casefold()):
            word = match.group(0)
            if len(word) >= 3 and word not in STOPWORDS:
                counts[word] += 1
    common = counts.most_common(limit)
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
