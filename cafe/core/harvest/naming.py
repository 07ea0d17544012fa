"""Short theme names for suggested groups, in words a facilitator would write.

A group most of whose ideas share one lexicon concept that the other ideas seldom use is
named by that concept ("Sommarjobb", "Hälsa och rörelse"), once per suggestion list.
Otherwise the name is the word the group's ideas share most and the rest use least, in
the written form the group used most, with a second such word when several ideas share
it nearly as often ("Läxhjälp, plugg").
"""

from __future__ import annotations

from collections import Counter

from cafe.core.harvest.features import IdeaFeatures

MAX_WORDS = 2
CONCEPT_SHARE = 0.4
"""A concept names a group when at least this share of its ideas have it, and at least
this share of the ideas that have it are in the group."""
SECOND_WORD_SHARE = 2 / 3
"""A second word joins the name only when nearly as many of the group's ideas use it as
the first: "Ensam, bor" named 23 ideas, six of them about being alone and three that
happened to say where someone lives."""
_CONCEPT = "#"


def _score(inside: int, everywhere: int, size: int) -> float:
    """Common in the group, rare outside it (precision times coverage)."""
    return (inside / everywhere) * (inside / size)


def frequencies(ideas: list[IdeaFeatures]) -> Counter[str]:
    """In how many ideas each stem, and each concept (as ``#concept``), occurs."""
    df: Counter[str] = Counter()
    for idea in ideas:
        df.update(set(idea.stems))
        df.update({_CONCEPT + c for c in idea.concepts})
    return df


def theme_name(
    group: list[int],
    ideas: list[IdeaFeatures],
    df: Counter[str],
    labels: dict[str, str] | None = None,
    used: set[str] | None = None,
    avoid: IdeaFeatures | None = None,
) -> str:
    """A name for the ideas ``group`` (indices into ``ideas``); adds it to ``used``.

    ``labels`` are the lexicon's concept labels; a label already in ``used`` is not
    given to a second group. ``avoid`` holds the meeting's challenge: its words name
    every idea of the meeting, so a theme is named by them only when nothing else fits
    ("Ensamhet · 34 idéer" in a meeting on loneliness told the co-hosts nothing).
    """
    labels = labels or {}
    used = set() if used is None else used
    stems = frozenset(avoid.stems) if avoid else frozenset()
    concepts = frozenset(avoid.concepts) if avoid else frozenset()
    name = _concept_name(group, ideas, df, labels, used, skip=concepts) or _word_name(
        group, ideas, df, skip=stems
    )
    if not name:
        name = _concept_name(group, ideas, df, labels, used, share=0.0, skip=concepts)
    if not name and avoid:
        name = _concept_name(group, ideas, df, labels, used) or _word_name(group, ideas, df)
    name = name[:1].upper() + name[1:]
    used.add(name.casefold())
    return name


def _concept_name(
    group: list[int],
    ideas: list[IdeaFeatures],
    df: Counter[str],
    labels: dict[str, str],
    used: set[str],
    share: float = CONCEPT_SHARE,
    skip: frozenset[str] = frozenset(),
) -> str:
    inside: Counter[str] = Counter()
    for index in group:
        inside.update(c for c in set(ideas[index].concepts) if c in labels and c not in skip)
    ranked = sorted(inside, key=lambda c: (-_score(inside[c], df[_CONCEPT + c], len(group)), c))
    for concept in ranked:
        if labels[concept].casefold() in used or inside[concept] < 2:
            continue
        if (
            inside[concept] >= share * len(group)
            and inside[concept] >= share * df[_CONCEPT + concept]
        ):
            return labels[concept]
        break
    return ""


def _word_name(
    group: list[int],
    ideas: list[IdeaFeatures],
    df: Counter[str],
    skip: frozenset[str] = frozenset(),
) -> str:
    inside: Counter[str] = Counter()
    written: dict[str, Counter[str]] = {}
    for index in group:
        for stem_, word in ideas[index].words:
            written.setdefault(stem_, Counter())[word] += 1
        inside.update(set(ideas[index].stems) - skip)
    ranked = sorted(inside, key=lambda s: (-_score(inside[s], df[s], len(group)), s))
    chosen: list[str] = []
    for stem_ in ranked:
        if len(chosen) == MAX_WORDS or inside[stem_] < 2:
            break
        if chosen and inside[stem_] < SECOND_WORD_SHARE * inside[ranked[0]]:
            break
        form = min(written[stem_].items(), key=lambda kv: (-kv[1], kv[0]))[0]
        if all(form[:4] != c[:4] for c in chosen):
            chosen.append(form)
    return ", ".join(chosen)
