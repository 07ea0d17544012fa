"""How well a grouping agrees with a facilitator's: the adjusted Rand index (ARI).

ARI (Hubert & Arabie 1985) counts pairs of ideas that both groupings put together,
corrected for chance: 1 is the same grouping, about 0 is as good as random (or as
putting everything in one theme), negative is worse than chance.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Sequence


def _pairs(n: int) -> float:
    return n * (n - 1) / 2


def adjusted_rand_index(truth: Sequence[Hashable], found: Sequence[Hashable]) -> float:
    """ARI of two labelings of the same items (one label per item)."""
    if len(truth) != len(found):
        raise ValueError("both labelings must cover the same items")
    n = len(truth)
    together = sum(_pairs(c) for c in Counter(zip(truth, found, strict=True)).values())
    rows = sum(_pairs(c) for c in Counter(truth).values())
    cols = sum(_pairs(c) for c in Counter(found).values())
    total = _pairs(n)
    expected = rows * cols / total if total else 0.0
    best = (rows + cols) / 2
    if best == expected:
        return 1.0
    return (together - expected) / (best - expected)
