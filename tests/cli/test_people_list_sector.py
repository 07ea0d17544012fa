"""`cafe people list` names a sector with the word the door's list on the laptop uses.

The audit found "[företag]" in the terminal and "näringsliv" at the door for the same
person: one meeting, two words for one sector.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.app import App, ComposeResult

from cafe.cli import main
from cafe.core.participants import Sector
from cafe.i18n import set_language
from cafe.storage.folder import open_meeting
from cafe.tui.widgets.people_table import PeopleTable
from tests.meetings import new_meeting

PEOPLE = [
    ("Eva Lind", "ICA Kvantum", "företag"),
    ("Åsa Öberg", "Röda Korset", "förening"),
    ("Per Holm", "Region Västmanland", "region"),
    ("Olle Ek", "", "annat"),
]


class _Door(App[None]):
    """The check-in list as the laptop shows it, on its own."""

    def compose(self) -> ComposeResult:
        yield PeopleTable(id="people")


async def _door_words(folder: Path) -> dict[str, str]:
    """Each person's sector as the check-in list on the laptop writes it."""
    service = open_meeting(folder)
    try:
        people = tuple(service.state.participants.values())
    finally:
        service.log.close()
    app = _Door()
    async with app.run_test() as pilot:
        table = app.query_one(PeopleTable)
        table.people = people
        await pilot.pause()
        return {
            str(table.get_cell(p.id, "name")): str(table.get_cell(p.id, "sector")) for p in people
        }


@pytest.mark.parametrize("lang", ["sv", "en"])
async def test_the_list_and_the_door_say_the_same_word(
    lang: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "möte"
    new_meeting(folder).log.close()
    for name, organisation, sector in PEOPLE:
        assert (
            main(["people", "add", str(folder), name, "--org", organisation, "--sector", sector])
            == 0
        )
    capsys.readouterr()
    assert main(["people", "list", str(folder), "--lang", lang]) == 0
    listed = capsys.readouterr().out
    set_language(lang)  # the door in the same language (the suite's conftest resets it)
    door = await _door_words(folder)
    assert len(set(door.values())) == len(Sector)
    for name, _, _ in PEOPLE:
        [line] = [line for line in listed.splitlines() if name in line]
        assert f"[{door[name]}]" in line, (line, door[name])
    if lang == "sv":
        assert door["Eva Lind"] == "näringsliv" and "[företag]" not in listed
