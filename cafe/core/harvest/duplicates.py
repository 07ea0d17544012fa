"""Likely duplicates: the same idea in other words, often from two tables or two rounds.

A pair is offered when the two ideas are each other's nearest neighbour and close enough;
mutual nearness keeps one generic idea from pairing with many.
"""

from __future__ import annotations

DUPLICATE_THRESHOLD = 0.7
"""Cosine similarity from which two mutual nearest neighbours are called duplicates."""


def duplicate_pairs(
    sims: list[dict[int, float]], *, threshold: float = DUPLICATE_THRESHOLD
) -> list[tuple[int, int]]:
    """Pairs ``(i, j)`` with ``i < j``, most similar first."""
    nearest: list[int] = []
    for row in sims:
        best = min(row.items(), key=lambda kv: (-kv[1], kv[0]), default=(-1, 0.0))
        nearest.append(best[0] if best[1] >= threshold else -1)
    pairs = [(i, j) for i, j in enumerate(nearest) if j > i and nearest[j] == i]
    return sorted(pairs, key=lambda p: (-sims[p[0]][p[1]], p))
