"""Likely duplicates: the same idea in other words, often from two tables or two rounds.

A pair is offered when the two ideas are among each other's nearest neighbours and close
enough; mutual nearness keeps one generic idea from pairing with many. When it is known
where the ideas came from, two ideas written at the same table in the same round are not
offered: the people at one table do not write their own idea twice, they add to it.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence

DUPLICATE_THRESHOLD = 0.6
"""Cosine similarity from which two mutual nearest neighbours are called duplicates.

Measured on the labelled sets (tests/benchmarks/bench_harvest.py): 0.7 offers few pairs,
most of them right, and finds a quarter of the marked ones; 0.6 finds a third at about
the same balance of right and wrong. The board offers one pair at a time, most similar
first, and a wrong pair costs one key, so the lower threshold."""


def duplicate_pairs(
    sims: list[dict[int, float]],
    *,
    threshold: float = DUPLICATE_THRESHOLD,
    neighbours: int = 1,
    origins: Sequence[Hashable | None] | None = None,
    limit: int | None = None,
) -> list[tuple[int, int]]:
    """Pairs ``(i, j)`` with ``i < j``, most similar first, at most ``limit`` of them.

    Each idea looks at its ``neighbours`` closest ideas; a pair is offered when each is in
    the other's list. ``origins`` (one per idea, ``None`` when unknown) rules out ideas
    with the same origin as neighbours before the closest are chosen.
    """

    def apart(i: int, j: int) -> bool:
        return origins is None or origins[i] is None or origins[i] != origins[j]

    nearest: list[set[int]] = []
    for i, row in enumerate(sims):
        ranked = sorted(
            (kv for kv in row.items() if kv[1] >= threshold and apart(i, kv[0])),
            key=lambda kv: (-kv[1], kv[0]),
        )
        nearest.append({j for j, _ in ranked[:neighbours]})
    pairs = [(i, j) for i, near in enumerate(nearest) for j in near if j > i and i in nearest[j]]
    return sorted(pairs, key=lambda p: (-sims[p[0]][p[1]], p))[:limit]
