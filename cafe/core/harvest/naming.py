"""Short theme names drawn from the ideas' own words.

The name is the word the group's ideas share most and the rest of the ideas use least,
in the written form the group used most ("Sommarjobb"), with a second such word when
several ideas share it too ("Läxhjälp, plugg").
"""

from __future__ import annotations

from collections import Counter

from cafe.core.harvest.features import IdeaFeatures

MAX_WORDS = 2


def _score(inside: int, everywhere: int, size: int) -> float:
    """Common in the group, rare outside it (precision times coverage)."""
    return (inside / everywhere) * (inside / size)


def theme_name(
    group: list[int],
    ideas: list[IdeaFeatures],
    df: Counter[str],
    labels: dict[str, str] | None = None,
) -> str:
    """A name of one or two words for the ideas ``group`` (indices into ``ideas``).

    When no word is shared by two of the ideas, the concept they share most is named
    instead, with its label from ``labels`` (the lexicon's).
    """
    inside: Counter[str] = Counter()
    written: dict[str, Counter[str]] = {}
    for index in group:
        for stem_, word in ideas[index].words:
            written.setdefault(stem_, Counter())[word] += 1
        inside.update(set(ideas[index].stems))
    ranked = sorted(inside, key=lambda s: (-_score(inside[s], df[s], len(group)), s))
    chosen: list[str] = []
    for stem_ in ranked:
        if len(chosen) == MAX_WORDS or (chosen and inside[stem_] < 2):
            break
        form = min(written[stem_].items(), key=lambda kv: (-kv[1], kv[0]))[0]
        if all(form[:4] != c[:4] for c in chosen):
            chosen.append(form)
    if not chosen or inside[ranked[0]] < 2:
        label = _concept_label(group, ideas, labels or {})
        if label:
            chosen = [label]
    if not chosen:
        return ""
    name = ", ".join(chosen)
    return name[:1].upper() + name[1:]


def stem_frequencies(ideas: list[IdeaFeatures]) -> Counter[str]:
    """In how many ideas each stem occurs."""
    df: Counter[str] = Counter()
    for idea in ideas:
        df.update(set(idea.stems))
    return df


def _concept_label(group: list[int], ideas: list[IdeaFeatures], labels: dict[str, str]) -> str:
    """The label of the concept most of the group's ideas share (two at least)."""
    shared: Counter[str] = Counter()
    for index in group:
        shared.update(c for c in set(ideas[index].concepts) if c in labels)
    best = min(shared.items(), key=lambda kv: (-kv[1], kv[0]), default=("", 0))
    return labels[best[0]] if best[1] >= 2 else ""
