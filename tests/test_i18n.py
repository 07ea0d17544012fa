"""Both catalogues say everything, and every key used in the code exists."""

from __future__ import annotations

import re
from pathlib import Path

from cafe.i18n import Translator, catalogue, normalise_language, t

ROOT = Path(__file__).resolve().parents[1]


def test_swedish_and_english_have_the_same_keys() -> None:
    sv, en = catalogue("sv"), catalogue("en")
    assert sorted(set(sv) - set(en)) == []
    assert sorted(set(en) - set(sv)) == []


def test_placeholders_match_between_languages() -> None:
    sv, en = catalogue("sv"), catalogue("en")
    pattern = re.compile(r"{(\w+)}")
    mismatched = [k for k in sv if set(pattern.findall(sv[k])) != set(pattern.findall(en[k]))]
    assert mismatched == []


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
    assert t("cli.sector.civil", "en") == "civil society"
    assert Translator("sv")("cli.sector.civil") == "civilsamhälle"
