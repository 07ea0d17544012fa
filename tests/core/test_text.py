"""What people type is cleaned before it is stored."""

from __future__ import annotations

import unicodedata

from cafe.core.errors import Problem, ValidationError
from cafe.core.text import check_email, check_field, check_phone, clean, parse_yes_no
from cafe.i18n import Translator, set_language


def test_clean_normalises_and_strips_invisible_and_control() -> None:
    decomposed = unicodedata.normalize("NFD", "Åsa Öberg")
    assert clean(decomposed) == "Åsa Öberg"
    assert clean("a\u200bb\u202ec\x00d\x07") == "abcd"
    assert clean("  many   spaces\tand\nlines ") == "many spaces and lines"
    assert clean("rad 1\r\nrad 2", multiline=True) == "rad 1\nrad 2"


def test_emoji_rtl_and_joiners_survive() -> None:
    family = "👨\u200d👩\u200d👧"
    assert clean(f"{family} سلام שלום") == f"{family} سلام שלום"


def test_too_long_and_required_are_problems() -> None:
    problems: list[Problem] = []
    check_field("name", "", problems, required=True)
    check_field("idea", "x" * 100_000, problems, where="ideas[0]")
    assert [p.where for p in problems] == ["name", "ideas[0]"]
    assert [p.code for p in problems] == ["text.required", "text.too_long"]
    assert [p.field for p in problems] == ["name", "idea"]
    assert problems[1].values["limit"] == 2000 and problems[1].values["length"] == 100_000


def test_a_coded_problem_reads_in_the_language_of_whoever_shows_it() -> None:
    problems: list[Problem] = []
    check_field("name", "", problems, required=True)
    set_language("en")
    assert str(problems[0]) == "name: name is required"
    assert problems[0].text(Translator("sv")) == "namn måste fyllas i"
    set_language("sv")
    assert str(ValidationError(problems)) == "name: namn måste fyllas i"


def test_email_and_phone() -> None:
    problems: list[Problem] = []
    assert check_email("asa@example.se", problems) == "asa@example.se"
    assert check_phone("+46 70-123 45 67", problems) == "+46 70-123 45 67"
    assert problems == []
    check_email("not-an-address", problems)
    check_phone("call me", problems)
    assert [p.where for p in problems] == ["email", "phone"]


def test_yes_no_in_both_languages() -> None:
    assert parse_yes_no("Ja") is True
    assert parse_yes_no("x") is True
    assert parse_yes_no("no") is False
    assert parse_yes_no("") is False
    assert parse_yes_no("kanske") is None
