"""Theme suggestions (issue #18): small sets whose grouping is unambiguous, the ARI used
to measure them, and properties that must hold for any input."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from cafe.core.harvest import Settings, suggest
from cafe.core.harvest.agreement import adjusted_rand_index
from cafe.core.harvest.duplicates import duplicate_pairs
from cafe.core.harvest.frames import FrameWeights, placed_features

FOOD_SV = [
    "Äta lunch tillsammans i skolans matsal",
    "Soppkök i kyrkan varje torsdag",
    "Gemensamma middagar i kvarteret",
    "Laga mat tillsammans i föreningens kök",
    "Grötfrukost på lördagar",
    "Matlåda och någon att äta med",
]
DIGITAL_SV = [
    "Hjälp med BankID och Swish",
    "Lära sig använda surfplatta",
    "Wifi på äldreboendet",
    "Seniorsurf på biblioteket varje vecka",
    "Kurser i videosamtal med mobilen",
    "Datorhjälp hemma",
]
SPORT_EN = [
    "Free football training on Friday nights",
    "Open the sports hall for basketball",
    "A skate park by the school",
    "Boxing for girls",
    "Swimming lessons for teenagers",
    "Cheaper club fees so everyone can do sport",
]
JOBS_EN = [
    "More summer jobs for young people",
    "Help writing a CV",
    "Employers who offer internships",
    "A job fair in the town centre",
    "Paid holiday jobs in the parks",
    "A mentor from a company for your first job",
]


def _groups(result) -> list[set[int]]:
    return [set(theme.ideas) for theme in result.themes]


def test_two_swedish_themes_that_share_no_words_are_found():
    texts = FOOD_SV + DIGITAL_SV
    result = suggest(texts, "sv")
    assert {0, 1, 2, 3, 4, 5} in _groups(result)
    assert {6, 7, 8, 9, 10, 11} in _groups(result)
    assert not any(theme.other for theme in result.themes)
    assert all(theme.name for theme in result.themes)


def test_two_english_themes_are_found_in_any_order():
    texts = [t for pair in zip(SPORT_EN, JOBS_EN, strict=True) for t in pair]
    result = suggest(texts, "en")
    assert set(range(0, 12, 2)) in _groups(result)
    assert set(range(1, 12, 2)) in _groups(result)


def test_the_language_is_guessed_when_not_given():
    assert _groups(suggest(FOOD_SV + DIGITAL_SV)) == _groups(suggest(FOOD_SV + DIGITAL_SV, "sv"))


def test_the_same_idea_in_other_words_is_a_likely_duplicate():
    texts = [*FOOD_SV, *DIGITAL_SV, "Dagis besöker äldreboendet", "Förskolan på besök hos de äldre"]
    result = suggest(texts, "sv")
    assert (12, 13) in result.duplicates


def test_two_ideas_from_one_table_and_round_are_not_offered_as_duplicates():
    texts = [*FOOD_SV, *DIGITAL_SV, "Dagis besöker äldreboendet", "Förskolan på besök hos de äldre"]
    elsewhere = [None] * 12 + [(3, 1), (5, 1)]
    assert (12, 13) in suggest(texts, "sv", origins=elsewhere).duplicates
    same_table = [None] * 12 + [(3, 1), (3, 1)]
    assert (12, 13) not in suggest(texts, "sv", origins=same_table).duplicates
    other_round = [None] * 12 + [(3, 1), (3, 2)]
    assert (12, 13) in suggest(texts, "sv", origins=other_round).duplicates


def test_the_measured_duplicate_variants_still_find_the_same_idea():
    texts = [*FOOD_SV, *DIGITAL_SV, "Dagis besöker äldreboendet", "Förskolan på besök hos de äldre"]
    for variant in (Settings(duplicate_ngram_share=0.15), Settings(duplicate_neighbours=2)):
        result = suggest(texts, "sv", variant)
        assert (12, 13) in result.duplicates
        assert result == suggest(list(texts), "sv", variant), "deterministic"


def test_a_theme_is_named_by_its_shared_concept_or_else_by_its_own_words():
    texts = ["Fler feriejobb", "Sommarjobb i parkerna", "Feriearbete för 15-åringar"]
    texts += ["Humlor och bin i staden", "Bikupor med bin på taken", "Bin behöver blommor"]
    result = suggest(texts, "sv")
    names = {frozenset(theme.ideas): theme.name for theme in result.themes}
    assert names[frozenset({0, 1, 2})] == "Sommarjobb", "the lexicon's concept"
    assert names[frozenset({3, 4, 5})] == "Bin", "no concept: the word two ideas share"


def test_the_challenges_own_words_name_a_theme_only_when_nothing_else_fits():
    """In a meeting on loneliness a suggestion named "Ensamhet · 34 idéer" told the
    co-hosts nothing: every idea there is about it."""
    texts = [
        "Ensamma äldre behöver fika varje vardag",
        "Fika för ensamma på träffpunkten",
        "Ensamhet bryts med fika tillsammans",
    ]
    texts += ["Bin behöver blommor", "Bikupor med bin på taken", "Humlor och bin i staden"]
    plain = {frozenset(th.ideas): th.name for th in suggest(texts, "sv").themes}
    named = {
        frozenset(th.ideas): th.name
        for th in suggest(texts, "sv", challenge="Ensamhet bland äldre").themes
    }
    assert plain.keys() == named.keys(), "the grouping is the same"
    lonely = frozenset({0, 1, 2})
    assert plain[lonely].casefold().startswith("ensam"), plain
    assert not named[lonely].casefold().startswith("ensam"), named
    assert named[lonely] == "Mötesplats", "the next concept they share (fika)"
    only = suggest(texts[:3], "sv", challenge="Ensamhet bland äldre fika")
    assert all(th.name for th in only.themes), "nothing else fits: named by them after all"


def test_no_ideas_no_themes():
    result = suggest([], "sv")
    assert result.themes == () and result.duplicates == ()


def test_ari_matches_a_hand_computed_example():
    # Contingency: 2,1 / 0,1,2. Pairs together in both: 1 + 1 = 2. Rows: 3 + 3 = 6,
    # columns: 1 + 1 + 1 = 3, all pairs 15, expected 6 * 3 / 15 = 1.2, best (6 + 3) / 2.
    ari = adjusted_rand_index([0, 0, 0, 1, 1, 1], [0, 0, 1, 1, 2, 2])
    assert abs(ari - (2 - 1.2) / (4.5 - 1.2)) < 1e-12
    assert abs(ari - 0.24242424) < 1e-7


def test_ari_of_identical_and_of_one_group():
    assert adjusted_rand_index([1, 1, 2, 2, 3], ["a", "a", "b", "b", "c"]) == 1.0
    assert adjusted_rand_index([0, 0, 1, 1], [0, 0, 0, 0]) == 0.0


IDEA_WORDS = [
    "fika",
    "dagis",
    "förskolan",
    "jobb",
    "sommarjobb",
    "buss",
    "färdtjänst",
    "läxhjälp",
    "bibblan",
    "biblioteket",
    "trygghet",
    "belysning",
    "mat",
    "lunch",
    "surfplatta",
    "unga",
    "äldre",
    "och",
    "på",
    "i",
    "kvällen",
    "gratis",
    "idrott",
    "fotboll",
    "🙂",
    "42",
]


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.lists(st.sampled_from(IDEA_WORDS), min_size=0, max_size=8).map(" ".join),
            st.text(max_size=40),
        ),
        min_size=0,
        max_size=60,
    ),
    st.sampled_from(["sv", "en", None]),
)
def test_every_idea_lands_in_exactly_one_theme_and_the_output_is_deterministic(texts, lang):
    result = suggest(texts, lang)
    placed = sorted(i for theme in result.themes for i in theme.ideas)
    assert placed == list(range(len(texts)))
    assert sum(theme.other for theme in result.themes) <= 1
    assert all(theme.ideas for theme in result.themes)
    for i, j in result.duplicates:
        assert 0 <= i < j < len(texts)
    assert suggest(list(texts), lang) == result


FRAMES = Settings(
    duplicate_frames=FrameWeights(),
    duplicate_threshold=0.0,
    duplicate_neighbours=2,
    duplicate_share=0.07,
)


def test_an_idea_proposes_its_first_words_and_frames_the_rest():
    placed = placed_features("Läxhjälp på biblioteket varje vecka", "sv")
    assert (0, "activity", "homework_help") in placed
    assert (1, "where", "library") in placed
    assert (0, "who", "elderly") in placed_features("Pensionärer äter i skolans matsal", "sv")


def test_proposal_frames_pair_two_ideas_that_share_no_word():
    texts = [*FOOD_SV, *DIGITAL_SV, "Gratis buss för pensionärer", "Fria resor för alla över 70"]
    result = suggest(texts, "sv", FRAMES)
    assert result.duplicates == ((12, 13),), "one pair: at most 7% of 14 ideas"
    assert result == suggest(list(texts), "sv", FRAMES), "deterministic"


def test_duplicate_pairs_are_offered_most_similar_first_up_to_a_limit():
    sims = [{1: 0.9, 2: 0.1}, {0: 0.9}, {0: 0.1, 3: 0.5}, {2: 0.5}]
    assert duplicate_pairs(sims, threshold=0.0) == [(0, 1), (2, 3)]
    assert duplicate_pairs(sims, threshold=0.0, limit=1) == [(0, 1)]


def test_a_second_word_names_a_theme_only_when_nearly_as_many_ideas_use_it():
    from cafe.core.harvest.features import analyse
    from cafe.core.harvest.naming import frequencies, theme_name

    texts = [
        "Ensam på kvällarna sedan flytten",
        "Ensam och ingen ringer",
        "Många känner sig ensam i villaområdena",
        "Mamma bor ensam i huset",
        "Pappa bor kvar på landet",
        "Grannar som hälsar",
    ]
    ideas = [analyse(t, "sv", use_lexicon=False) for t in texts]
    assert theme_name([0, 1, 2, 3, 4], ideas, frequencies(ideas)) == "Ensam"
    shared = [*texts[:2], "Ensam och bor långt bort", "Bor ensam sedan i våras", "Bor i stan"]
    ideas = [analyse(t, "sv", use_lexicon=False) for t in shared]
    assert theme_name([0, 1, 2, 3, 4], ideas, frequencies(ideas)) == "Ensam, bor"
