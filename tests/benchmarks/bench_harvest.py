"""Theme suggestions measured against a facilitator's labels (issue #18).

Run: ``.venv/bin/python tests/benchmarks/bench_harvest.py``. For each labelled set in
``tests/data/harvest`` it prints the adjusted Rand index (ARI) of our suggestions and of
two baselines (everything in one theme; TF-IDF + average link on raw words, no stems, no
lexicon), duplicate precision and recall, and the time for 400 ideas. Held-out sets
(``tuned = false``) are reported apart: the lexicon was not tuned on them.
"""

from __future__ import annotations

import random
import statistics
import sys
import time
import tomllib
from dataclasses import dataclass, replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from cafe.core.harvest import Settings, suggest  # noqa: E402
from cafe.core.harvest.agreement import adjusted_rand_index  # noqa: E402
from cafe.core.harvest.clustering import average_link, similarities  # noqa: E402
from cafe.core.harvest.duplicates import duplicate_pairs  # noqa: E402
from cafe.core.harvest.features import analyse, tfidf  # noqa: E402
from cafe.core.harvest.frames import FrameWeights  # noqa: E402
from cafe.core.harvest.suggest import theme_count  # noqa: E402

DATA = ROOT / "tests" / "data" / "harvest"
SEED = 18


@dataclass(frozen=True)
class LabelledSet:
    name: str
    tuned: bool
    texts: list[str]
    labels: list[int]
    duplicates: set[frozenset[int]]


def load(path: Path) -> LabelledSet:
    """A labelled set, its ideas in a fixed shuffled order (as they arrive from tables)."""
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    rows = [(text, t) for t, theme in enumerate(data["themes"]) for text in theme["ideas"]]
    random.Random(SEED).shuffle(rows)
    where = {text: i for i, (text, _) in enumerate(rows)}
    pairs = {frozenset((where[p["a"]], where[p["b"]])) for p in data["duplicates"]}
    return LabelledSet(
        path.stem, bool(data["tuned"]), [r[0] for r in rows], [r[1] for r in rows], pairs
    )


def labels_of(themes: list[list[int]], n: int) -> list[int]:
    found = [-1] * n
    for label, members in enumerate(themes):
        for i in members:
            found[i] = label
    assert -1 not in found, "every idea must land in a theme"
    return found


def ours(s: LabelledSet, settings: Settings) -> tuple[float, float, float, int, int]:
    result = suggest(s.texts, "sv", settings)
    ari = adjusted_rand_index(
        s.labels, labels_of([list(t.ideas) for t in result.themes], len(s.texts))
    )
    offered = {frozenset(p) for p in result.duplicates}
    hits = len(offered & s.duplicates)
    ranked = suggest(s.texts, "sv", replace(settings, duplicate_threshold=0.0)).duplicates
    top10 = len({frozenset(p) for p in ranked[:10]} & s.duplicates)
    precision = hits / len(offered) if offered else 0.0
    recall = hits / len(s.duplicates)
    return ari, precision, recall, len(offered), top10


def raw_words_baseline(s: LabelledSet) -> float:
    """TF-IDF on raw words (stop words out, no stemming, no lexicon), average link at k."""
    ideas = [analyse(t, "sv", use_lexicon=False) for t in s.texts]
    raw = [replace(i, stems=tuple(w for _, w in i.words)) for i in ideas]
    vectors = tfidf(raw)
    groups = average_link(vectors, theme_count(len(s.texts)))
    return adjusted_rand_index(s.labels, labels_of(groups, len(s.texts)))


def raw_words_duplicates(s: LabelledSet) -> tuple[float, float, int]:
    """Duplicates by TF-IDF on raw words: mutual nearest neighbours at the same threshold."""
    ideas = [analyse(t, "sv", use_lexicon=False) for t in s.texts]
    raw = [replace(i, stems=tuple(w for _, w in i.words)) for i in ideas]
    offered = {frozenset(p) for p in duplicate_pairs(similarities(tfidf(raw)))}
    hits = len(offered & s.duplicates)
    return (hits / len(offered) if offered else 0.0), hits / len(s.duplicates), len(offered)


def one_theme(s: LabelledSet) -> float:
    return adjusted_rand_index(s.labels, [0] * len(s.texts))


VARIANTS: dict[str, Settings] = {
    "chosen (stems + lexicon, avg link, refine; duplicates 0.6)": Settings(),
    "stems only, avg link, refine": Settings(use_lexicon=False),
    "stems + lexicon, avg link, no refine": Settings(refine=False),
    "lexicon concepts only, refine": Settings(stems=False),
    "stems + lexicon, concept weight 1": Settings(concept_weight=1.0),
    "stems + lexicon, concept weight 3": Settings(concept_weight=3.0),
    "no synonym groups in themes": Settings(synonym_weight=0.0),
    "duplicates also on concepts (weight 1)": Settings(duplicate_concept_weight=1.0),
    "duplicates threshold 0.65": Settings(duplicate_threshold=0.65),
    "duplicates threshold 0.7 (before)": Settings(duplicate_threshold=0.7),
    "duplicates: each among the other's 2 closest, 0.6": Settings(duplicate_neighbours=2),
    "duplicates: each among the other's 2 closest, 0.55": Settings(
        duplicate_neighbours=2, duplicate_threshold=0.55
    ),
    "duplicates: + letter 3-4-grams of stems (0.15), 0.6": Settings(duplicate_ngram_share=0.15),
    "duplicates: + letter 3-4-grams of stems (0.15), 0.55": Settings(
        duplicate_ngram_share=0.15, duplicate_threshold=0.55
    ),
    "duplicates: + letter 3-4-grams of stems (0.5), 0.45": Settings(
        duplicate_ngram_share=0.5, duplicate_threshold=0.45
    ),
    "duplicates: each among the other's 2 closest, at most 7% of the ideas": Settings(
        duplicate_threshold=0.0, duplicate_neighbours=2, duplicate_share=0.07
    ),
    "duplicates by proposal frames, all words alike, activity x slot, 0.6": Settings(
        duplicate_frames=FrameWeights(stem=1.0, activity_slot=1.0, head_decay=1.0),
        duplicate_threshold=0.6,
    ),
    "duplicates by proposal frames, head first (0.7), 2 closest, at most 7%": Settings(
        duplicate_frames=FrameWeights(),
        duplicate_threshold=0.0,
        duplicate_neighbours=2,
        duplicate_share=0.07,
    ),
    "fewer themes (sqrt(n/4): 6 for 150)": Settings(theme_divisor=4.0),
    "more themes (sqrt(n/2): 9 for 150)": Settings(theme_divisor=2.0),
    "refine: every idea joins a group (threshold 0)": Settings(refine_threshold=0.0),
    "refine threshold 0.2 (more in Other)": Settings(refine_threshold=0.2),
    "no seed limit (average link on all ideas)": Settings(seed_limit=10_000),
}


def timing(sets: list[LabelledSet]) -> float:
    texts = [t for s in sets for t in s.texts][:400]
    assert len(texts) == 400
    suggest(texts[:5], "sv")  # load the lexicon and stop words once, as a running app has
    best = []
    for _ in range(3):
        start = time.perf_counter()
        suggest(texts, "sv")
        best.append(time.perf_counter() - start)
    return min(best)


def main() -> int:
    sets = [load(p) for p in sorted(DATA.glob("*.toml"))]
    for variant, settings in VARIANTS.items():
        print(f"\n== {variant}")
        for tuned in (True, False):
            scores = []
            hits = offered = marked = 0
            for s in (x for x in sets if x.tuned == tuned):
                ari, p, r, n, top10 = ours(s, settings)
                scores.append(ari)
                hits, offered = hits + round(r * len(s.duplicates)), offered + n
                marked += len(s.duplicates)
                print(
                    f"  {s.name:<20} {'tuned' if tuned else 'HELD OUT':<8} ARI {ari:5.2f}"
                    f"  duplicates P {p:4.2f} R {r:4.2f} ({n} offered; {top10} of"
                    f" {len(s.duplicates)} marked pairs among the 10 closest)"
                )
            print(
                f"  mean ARI ({'tuned' if tuned else 'held out'}): {statistics.mean(scores):.2f}"
                f"; duplicates pooled: {hits} right of {offered} offered"
                f" (P {hits / offered if offered else 0:.2f}), {hits} of {marked} marked"
                f" (R {hits / marked:.2f})"
            )
    print("\n== baselines")
    for s in sets:
        p, r, n = raw_words_duplicates(s)
        print(
            f"  {s.name:<20} {'tuned' if s.tuned else 'HELD OUT':<8}"
            f" one theme ARI {one_theme(s):5.2f} (no duplicates)"
            f"   raw-word TF-IDF avg link ARI {raw_words_baseline(s):5.2f}"
            f", duplicates P {p:4.2f} R {r:4.2f} ({n} offered)"
        )
    print(f"\n400 ideas: {timing(sets):.3f} s (best of 3)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
