"""Both catalogues say everything, and every key used in the code exists."""

from __future__ import annotations

import re
from pathlib import Path

from cafe.i18n import LANGUAGES, Plural, Translator, catalogue, forms, normalise_language, t

ROOT = Path(__file__).resolve().parents[1]


def test_swedish_and_english_have_the_same_keys() -> None:
    sv, en = catalogue("sv"), catalogue("en")
    assert sorted(set(sv) - set(en)) == []
    assert sorted(set(en) - set(sv)) == []


def test_placeholders_match_between_languages() -> None:
    sv, en = catalogue("sv"), catalogue("en")
    pattern = re.compile(r"{(\w+)}")

    def placeholders(entry: str | Plural) -> set[str]:
        return {name for text in forms(entry) for name in pattern.findall(text)}

    mismatched = [k for k in sv if placeholders(sv[k]) != placeholders(en[k])]
    assert mismatched == []


def test_plural_tables_have_the_same_shape_in_both_languages() -> None:
    sv, en = catalogue("sv"), catalogue("en")
    assert [k for k in sv if isinstance(sv[k], Plural) != isinstance(en[k], Plural)] == []
    # The "other" form shows the number it agrees with.
    plurals = [(k, e) for lang in (sv, en) for k, e in lang.items() if isinstance(e, Plural)]
    assert [k for k, entry in plurals if "{" not in entry.other] == []


def test_a_plural_table_is_chosen_by_count() -> None:
    assert t("count.ideas", "sv", count=1) == "1 idé"
    assert t("count.ideas", "sv", count=2) == "2 idéer"
    assert t("count.ideas", "sv", count=0) == "0 idéer"
    assert t("count.people", "en", count=1) == "1 person"
    assert t("tui.closing.signups", "sv", count=1) == "1 har skrivit upp sig"
    assert t("tui.closing.checkout", "sv", count=1) == "1 utcheckningstanke"
    assert t("cli.purge.done", "sv", participants="x", signups="y", files="z").startswith("Klart")


def test_every_literal_key_in_the_code_exists() -> None:
    keys = set(catalogue("sv"))
    used = set()
    for path in (ROOT / "cafe").rglob("*.py"):
        used.update(
            re.findall(
                r"""\bt\(\s*["']([a-z_]+\.[a-z0-9_.]+)["']""", path.read_text(encoding="utf-8")
            )
        )
    assert sorted(used - keys) == []


def test_lookup_and_language_normalisation() -> None:
    assert normalise_language("en_GB.UTF-8") == "en"
    assert normalise_language("fi") == "sv"
    assert t("tui.sector.civil", "en") == "civil society"
    assert Translator("sv")("tui.sector.civil") == "civilsamhälle"


# A number placeholder followed by a word that agrees with it ("{count} idéer") needs a
# plural table; these words after a number never change with it.
NUMBER = re.compile(r"{(\w+)}[ \u00a0]+([^\W\d_]+)")
NEUTRAL_WORDS = {
    "av", "of", "på", "in", "at", "s", "h", "min", "kB", "till", "more", "och", "and",
    "bord", "steg", "deltagare", "teman", "gånger", "från", "from", "present",
    "registered", "kept", "already", "volunteered", "anmälde", "fanns", "är", "removed",
}  # fmt: skip
NUMBERS = {
    "count", "present", "registered", "ideas", "themes", "signups", "people", "participants",
    "files", "days", "minutes", "seconds", "hours", "tables", "rounds", "steps", "done",
    "total", "shown", "live", "removed", "repeats", "revisits", "skipped", "spoken",
    "volunteers", "bad", "need", "high", "min", "marked", "below",
}  # fmt: skip
# Not counted: {limit}, {max} and {length} are fixed limits and text lengths, always many.
# Entries whose number is not the noun's count, with the reason.
PLURAL_EXEMPT: dict[str, str] = {
    "web.consent.v1": "the consent text is versioned; its wording must not change",
    "demo.created": "the demo always simulates many participants",
    "demo.rehearsal": "the demo always simulates many participants",
}


def _needs_plural(text: str) -> bool:
    return any(
        placeholder in NUMBERS and word not in NEUTRAL_WORDS
        for placeholder, word in NUMBER.findall(text)
    )


def test_numbers_next_to_nouns_are_plural_tables() -> None:
    missing = []
    for lang in LANGUAGES:
        for key, entry in catalogue(lang).items():
            if isinstance(entry, str) and _needs_plural(entry) and key not in PLURAL_EXEMPT:
                missing.append(f"{lang}:{key}: {entry}")
    assert missing == []


def test_numbers_with_decimals_use_a_decimal_comma_in_swedish() -> None:
    from cafe.i18n import number

    assert number(90.5, 1, "sv") == "90,5"
    assert number(0, 2, "sv") == "0,00"
    assert number(90.5, 1, "en") == "90.5"
