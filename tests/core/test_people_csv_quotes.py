"""A participant list with an unclosed quote or a column twice is refused, not half-read.

Before, an unterminated ``"`` silently made the rest of the file one person's cell, and a
second ``E-post`` column was quietly ignored; both lost people without a word.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from cafe.core.errors import ValidationError
from cafe.core.people_csv import read_people_csv
from cafe.i18n import set_language
from tests.cli_in_process import run_cafe
from tests.meetings import new_meeting

ROOT = Path(__file__).resolve().parents[2]


def _problems(text: str) -> list[str]:
    with pytest.raises(ValidationError) as caught:
        read_people_csv(text.encode("utf-8"), "lista.csv")
    return [str(p) for p in caught.value.problems]


def test_an_unterminated_quote_is_refused_naming_row_and_column() -> None:
    set_language("en")
    problems = _problems('Namn;Organisation\nÅsa Öberg;"Röda Korset\nBo Ek;Kommunen\nCe Al;PRO\n')
    assert len(problems) == 1, problems
    assert "lista.csv row 2" in problems[0] and '"Organisation"' in problems[0]
    assert "never closed" in problems[0]


def test_an_unterminated_quote_in_the_header_is_refused() -> None:
    set_language("en")
    problems = _problems('Namn;"Organisation\nÅsa Öberg;Röda Korset\n')
    assert "lista.csv row 1" in problems[0] and "never closed" in problems[0], problems


def test_quoted_cells_over_several_lines_still_work() -> None:
    text = 'Namn;Organisation\n"Åsa Öberg";"Röda ""Korset""\nSöder"\nBo Ek;Kommunen\n'
    parsed = read_people_csv(text.encode("utf-8"), "lista.csv")
    assert [p.name for p in parsed.people] == ["Åsa Öberg", "Bo Ek"]
    assert parsed.people[0].organisation.startswith('Röda "Korset"')


@pytest.mark.parametrize(
    ("header", "second"),
    [
        ("Namn;E-post;Mejl", "C"),
        ("Namn;Organisation;Namn", "C"),
        ("Förnamn;Tilltalsnamn;Efternamn", "B"),
    ],
)
def test_a_column_given_twice_is_refused_naming_both(header: str, second: str) -> None:
    set_language("en")
    problems = _problems(f"{header}\nÅsa;a@example.se;x\n")
    assert len(problems) == 1, problems
    assert "lista.csv row 1" in problems[0] and f"column {second}" in problems[0], problems


def test_the_messages_read_as_swedish_and_nothing_is_imported(tmp_path: Path) -> None:
    set_language("sv")
    assert "stängs aldrig" in _problems('Namn;Organisation\nÅsa;"Röda\nBo;Kom\n')[0]
    assert "två gånger" in _problems("Namn;E-post;E-post\nÅsa;a@x.se;b@x.se\n")[0]
    folder = tmp_path / "möte"
    new_meeting(folder).log.close()
    people = tmp_path / "anmalda.csv"
    people.write_text('Namn;Organisation\nÅsa;"Röda\nBo;Kom\n', encoding="utf-8")
    result = run_cafe("people", "import", str(folder), str(people), cwd=ROOT)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "rad 2" in result.stderr, result.stderr
    listed = run_cafe("people", "list", str(folder), cwd=ROOT)
    assert "Åsa" not in listed.stdout and "Bo" not in listed.stdout
