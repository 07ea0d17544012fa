"""`cafe people import`: a refused list names its rows top down, in the chosen language.

Repeats within the file and people already in the meeting are found in two passes; the
CLI sorts them by the row number each position carries, so row 9 comes before row 12
(as text, "rad 12" would sort first).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from cafe.cli import main
from cafe.storage.folder import open_meeting
from tests.meetings import new_meeting

FIRST = "Namn;Organisation\nÅsa Öberg;Röda Korset\n"


def _list(path: Path) -> Path:
    """Row 3 is Per, row 9 is Åsa (already in the meeting), row 12 has Per's name and
    organisation with another e-mail (a second person, or a typo: only the user knows)."""
    filler = [f"Person {n};Förening {n};" for n in range(4, 9)]
    rows = ["Namn;Organisation;E-post", "Bo Ek;ABF;", "Per Lund;Kommunen;per@example.se", *filler]
    rows += ["Åsa Öberg;Röda Korset;", "Li Wu;PRO;", "Kim Berg;SISU;"]
    rows += ["Per Lund;Kommunen;per.lund@example.se"]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A meeting with Åsa Öberg registered from a first list."""
    folder = tmp_path / "mote"
    new_meeting(folder).log.close()
    first = tmp_path / "forsta.csv"
    first.write_text(FIRST, encoding="utf-8")
    assert main(["people", "import", str(folder), str(first)]) == 0
    return folder


@pytest.mark.parametrize(
    ("lang", "already", "repeat", "nothing"),
    [
        (
            "sv",
            "lista.csv rad 9: Åsa Öberg är redan registrerad i mötet",
            "lista.csv rad 12: Per Lund finns redan på rad 3",
            "Ingenting importerades.",
        ),
        (
            "en",
            "lista.csv row 9: Åsa Öberg",
            "lista.csv row 12: Per Lund",
            "Nothing was imported.",
        ),
    ],
)
def test_a_refused_list_names_its_rows_top_down(
    folder: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    lang: str,
    already: str,
    repeat: str,
    nothing: str,
) -> None:
    listing = _list(tmp_path / "lista.csv")
    capsys.readouterr()
    assert main(["people", "import", str(folder), str(listing), "--lang", lang]) == 1
    out, err = capsys.readouterr()
    lines = err.splitlines()
    assert out == ""
    assert len(lines) == 3, err
    assert lines[0].startswith(already), lines
    assert lines[1].startswith(repeat), lines
    assert lines[2].startswith(nothing), lines
    service = open_meeting(folder)
    try:
        assert [p.name for p in service.state.participants.values()] == ["Åsa Öberg"]
    finally:
        service.log.close()
