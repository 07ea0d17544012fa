"""TOML syntax errors name the file, line and column, show the line and say what to fix.

The wording is ours in both languages; only the parser's position is used, so these
assertions hold whatever its English messages say.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from cafe.core.agenda import load_agenda, parse_agenda
from cafe.core.agenda.toml_errors import toml_position
from cafe.core.errors import ValidationError
from cafe.i18n import set_language

STEP = '[[steps]]\nkind = "cafe_round"\ntitle = "Runda 1"\nminutes = 20\nquestion = "Vad?"\n'

# name: (text, line, column, Swedish hint, English hint)
CASES: dict[str, tuple[str, int, int, str, str]] = {
    "missing equals": (
        '[meeting]\ntitle "Möte"\n' + STEP,
        2, 7, "ett = saknas efter nyckeln", "an = is missing after the key",
    ),
    "text without quotes": (
        "[meeting]\ntitle = Möte\n" + STEP,
        2, 9, "text ska stå inom citattecken", "text must be in quotes",
    ),
    "unclosed quote": (
        '[meeting]\ntitle = "Möte\n' + STEP,
        2, 14, "ett citattecken saknas", "a quotation mark is missing",
    ),
    "key defined twice": (
        '[meeting]\ntitle = "Möte"\ntitle = "Igen"\n' + STEP,
        3, 15, "meeting.title finns redan på rad 2", "meeting.title is already set on line 2",
    ),
    "heading twice": (
        '[meeting]\ntitle = "Möte"\n[tables]\nsize_min = 3\n[meeting]\n' + STEP,
        5, 9, "meeting finns redan på rad 1", "meeting is already set on line 1",
    ),
    "unclosed list": (
        '[meeting]\ntitle = "Möte"\ncohosts = [\n  { name = "Anna" },\n' + STEP,
        5, 3, "listan stängs aldrig; en ] saknas", "the list is never closed; a ] is missing",
    ),
    "unclosed heading": (
        '[meeting\ntitle = "Möte"\n' + STEP,
        1, 9, "en ] saknas i slutet av tabellrubriken", "a ] is missing at the end of the table",
    ),
    "more after the value": (
        '[meeting]\ntitle = "Möte" i aulan\n' + STEP,
        2, 16, "raden fortsätter efter värdet", "the line goes on after the value",
    ),
    "Word's quotation marks": (
        '[meeting]\ntitle = ”Möte”\n' + STEP,
        2, 9, "typografiska citattecken (” “ „); skriv raka", "typographic quotation marks",
    ),
    "decimal comma": (
        '[meeting]\ntitle = "Möte"\n' + STEP.replace("minutes = 20", "minutes = 22,5"),
        6, 13, "skriv decimaltal med punkt: 22.5", "write decimals with a point: 22.5",
    ),
    "quotation marks inside the text": (
        '[meeting]\ntitle = "Möte om "trygghet" i Hageby"\n' + STEP,
        2, 19, "ett citattecken inne i texten avslutar den", "a quotation mark inside the text",
    ),
    "bad date": (
        '[meeting]\ntitle = "Möte"\ndate = 2026-13-45\n' + STEP,
        3, 12, "ogiltigt datum eller klockslag", "invalid date or time",
    ),
    "Swedish letter in a key": (
        '[meeting]\ntitel = "Möte"\nplats = "Aulan"\nfråga = "?"\n' + STEP,
        4, 3, '"å" får bara stå i en nyckel inom citattecken', '"å" is allowed only in a key',
    ),
}  # fmt: skip


@pytest.mark.parametrize("language", ["sv", "en"])
@pytest.mark.parametrize("name", list(CASES))
def test_a_syntax_error_names_file_line_column_and_what_to_fix(name: str, language: str) -> None:
    text, line, column, sv_hint, en_hint = CASES[name]
    set_language(language)
    with pytest.raises(ValidationError) as caught:
        parse_agenda(text, "mote/agenda.toml")
    [problem] = caught.value.problems
    assert problem.where == f"mote/agenda.toml:{line}:{column}"
    first, shown, caret = str(problem).split("\n")
    here = (
        "filen är inte giltig TOML här: "
        if language == "sv"
        else "the file is not valid TOML here: "
    )
    assert first.startswith(f"mote/agenda.toml:{line}:{column}: {here}")
    assert (sv_hint if language == "sv" else en_hint) in first
    assert shown == "    " + text.split("\n")[line - 1]
    assert caret == "    " + " " * (column - 1) + "^"


def test_the_position_is_tomllibs_own() -> None:
    for text, line, column, *_ in CASES.values():
        with pytest.raises(tomllib.TOMLDecodeError) as caught:
            tomllib.loads(text)
        assert toml_position(caught.value, text) == (line, column)


def test_running_out_of_text_points_after_the_last_character(tmp_path: Path) -> None:
    path = tmp_path / "agenda.toml"
    path.write_text('[meeting]\ntitle = """Möte\n\n', encoding="utf-8")
    with pytest.raises(ValidationError) as caught:
        load_agenda(path)
    [problem] = caught.value.problems
    assert problem.where == f"{path}:2:16"
    assert "texten tar aldrig slut" in str(problem)


def test_a_valid_file_after_the_fix_reads() -> None:
    text = CASES["missing equals"][0].replace('title "Möte"', 'title = "Möte"')
    assert parse_agenda(text).meta.title == "Möte"
