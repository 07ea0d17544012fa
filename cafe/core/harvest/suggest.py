"""Theme suggestions for a list of ideas: groups with names, "other", and duplicates.

The steps: words → stems and lexicon concepts (``features``) → average-link groups
(``clustering``) → each idea moved to the nearest group centre → names (``naming``) and
duplicate pairs (``duplicates``). Deterministic: same texts, same suggestions.
"""

from __future__ import annotations

import math
from collections.abc import Hashable, Sequence
from dataclasses import dataclass

from cafe.core.harvest.clustering import average_link, refine, similarities
from cafe.core.harvest.duplicates import DUPLICATE_THRESHOLD, duplicate_pairs
from cafe.core.harvest.features import (
    CONCEPT_WEIGHT,
    SYNONYM_WEIGHT,
    IdeaFeatures,
    analyse,
    char_ngrams,
    tfidf,
)
from cafe.core.harvest.frames import FrameWeights, frame_vectors
from cafe.core.harvest.lexicon import lexicon
from cafe.core.harvest.naming import frequencies, theme_name
from cafe.core.harvest.words import LANGS, guess_language

MAX_THEMES = 9


@dataclass(frozen=True)
class Settings:
    """The choices the benchmark compares; the defaults are the measured best."""

    use_lexicon: bool = True
    stems: bool = True
    concept_weight: float = CONCEPT_WEIGHT
    synonym_weight: float = SYNONYM_WEIGHT
    min_share: float = 0.03
    """A group needs this share of the ideas (and at least 2) to become a theme."""
    refine: bool = True
    refine_threshold: float = 0.1
    theme_divisor: float = 3.0
    """Themes aimed for: √(ideas / this), at most ``MAX_THEMES``."""
    seed_limit: int = 200
    """Above this many ideas, groups are formed from an even spread of this many and every
    idea then joins its nearest group: average linkage costs n² per merge in pure Python."""
    duplicate_threshold: float = DUPLICATE_THRESHOLD
    duplicate_synonym_weight: float = 2.0
    duplicate_concept_weight: float = 0.0
    """Duplicates are compared on stems and synonym groups only, not broad concepts:
    two ideas about food are not the same idea, "dagis" and "förskolan" may be."""
    duplicate_ngram_share: float = 0.0
    """Share of letter 3–4-gram similarity of the stems in the duplicate similarity
    (measured: it finds compounds but pairs far more look-alikes, so 0)."""
    duplicate_neighbours: int = 1
    """A pair needs each idea among the other's this many closest (measured: 2 finds more
    pairs and more wrong ones, so 1)."""
    duplicate_frames: FrameWeights | None = None
    """Compare ideas for duplicates by their proposal frames (``frames``) instead of their
    stems and synonym groups. Measured: better on the sets the lexicons were written
    with, worse on the held-out ones, so not used."""
    duplicate_share: float | None = None
    """Offer at most this share of the number of ideas as pairs (``None``: no cap)."""


@dataclass(frozen=True)
class SuggestedTheme:
    """A suggested theme: a name from its ideas and their positions in the input."""

    name: str
    ideas: tuple[int, ...]
    other: bool = False
    """The "other" group: ideas that fit no theme (named by the front end)."""


@dataclass(frozen=True)
class Suggestions:
    """Themes (every idea in exactly one, "other" last) and likely duplicate pairs."""

    themes: tuple[SuggestedTheme, ...]
    duplicates: tuple[tuple[int, int], ...]


DEFAULT = Settings()


def _seed_indices(n: int, limit: int) -> list[int]:
    """Evenly spread ideas to group first; the rest join the nearest group afterwards."""
    if n <= limit:
        return list(range(n))
    return sorted({i * n // limit for i in range(limit)})


def theme_count(n: int, per_theme: float = 3.0) -> int:
    """How many themes to aim for: about 5–9 for 60–150 ideas, fewer for fewer.

    √(n / 3): 4 for 60 ideas, 7 for 150, 9 (the most) from 220 on.
    """
    return max(1, min(MAX_THEMES, round(math.sqrt(n / per_theme))))


def _duplicate_similarities(
    ideas: list[IdeaFeatures], settings: Settings, texts: Sequence[str] = (), lang: str = "sv"
) -> list[dict[int, float]]:
    if settings.duplicate_frames is not None:
        return similarities(frame_vectors(list(texts), lang, settings.duplicate_frames))
    fine = similarities(
        tfidf(
            ideas,
            concept_weight=settings.duplicate_concept_weight,
            synonym_weight=settings.duplicate_synonym_weight,
        )
    )
    share = settings.duplicate_ngram_share
    if not share:
        return fine
    grams = similarities(char_ngrams(ideas))
    return [
        {j: (1 - share) * w.get(j, 0.0) + share * g.get(j, 0.0) for j in w.keys() | g.keys()}
        for w, g in zip(fine, grams, strict=True)
    ]


def suggest(
    texts: Sequence[str],
    lang: str | None = None,
    settings: Settings = DEFAULT,
    *,
    origins: Sequence[Hashable | None] | None = None,
    challenge: str = "",
) -> Suggestions:
    """Suggested themes and duplicates for ``texts`` (language guessed when ``None``).

    ``origins`` says where each idea was written (a meeting's table and round; ``None``
    when unknown): two ideas from the same place are never offered as duplicates.
    ``challenge`` is the meeting's own subject: its words do not name a theme.
    """
    if not texts:
        return Suggestions((), ())
    lang = lang if lang in LANGS else guess_language(texts)
    ideas = [analyse(t, lang, use_lexicon=settings.use_lexicon) for t in texts]
    vectors = tfidf(
        ideas,
        concept_weight=settings.concept_weight,
        synonym_weight=settings.synonym_weight,
        stems=settings.stems,
    )
    n = len(texts)
    k = theme_count(n, settings.theme_divisor)
    seeds = _seed_indices(n, settings.seed_limit if settings.refine else n)
    min_size = max(2, math.ceil(settings.min_share * len(seeds)))
    seed_vectors = [vectors[i] for i in seeds]
    groups = [[seeds[i] for i in g] for g in average_link(seed_vectors, k, min_size=min_size)]
    big = [g for g in groups if len(g) >= min_size]
    other = sorted(i for g in groups if len(g) < min_size for i in g)
    seeded = set(seeds)
    other += [i for i in range(n) if i not in seeded]
    if settings.refine and big:
        big, other = refine(vectors, big, threshold=settings.refine_threshold)
    if not big:
        big, other = [sorted(other)], []
    df = frequencies(ideas)
    labels = lexicon(lang).labels if settings.use_lexicon else {}
    big.sort(key=lambda g: (-len(g), g[0]))
    used: set[str] = set()
    avoid = analyse(challenge, lang, use_lexicon=settings.use_lexicon) if challenge else None
    themes = [SuggestedTheme(theme_name(g, ideas, df, labels, used, avoid), tuple(g)) for g in big]
    if other:
        themes.append(SuggestedTheme("", tuple(sorted(other)), other=True))
    share = settings.duplicate_share
    pairs = duplicate_pairs(
        _duplicate_similarities(ideas, settings, texts, lang),
        threshold=settings.duplicate_threshold,
        neighbours=settings.duplicate_neighbours,
        origins=origins,
        limit=None if share is None else round(share * n),
    )
    return Suggestions(tuple(themes), tuple(pairs))
