"""The door's list at 80 columns (a laptop mirrored to the projector): a long organisation
("Västerås stad, Äldreförvaltningen") pushed the sector and host columns off the screen,
so whoever checked people in could not see who hosts a table."""

from __future__ import annotations

from pathlib import Path

from cafe.core.participants import PersonInput, Sector
from cafe.tui.app import CafeApp
from cafe.tui.widgets.people_table import SCROLLBAR, PeopleTable
from tests.tui.helpers import FakePhoneServer, meeting

LONG = [
    PersonInput(
        "Gunnel Strand-Åkesson",
        organisation="Västerås stad, Äldreförvaltningen",
        sector=Sector.PUBLIC,
        present=True,
        host=True,
    ),
    PersonInput(
        "Ingegärd von Essen af Zellie",
        organisation="Region Jämtland Härjedalen, Hälso- och sjukvårdsförvaltningen",
        sector=Sector.CIVIL,
    ),
]


def _cells(table: PeopleTable, row: int) -> list[str]:
    return [str(cell) for cell in table.get_row_at(row)]


async def _door(tmp_path: Path, size: tuple[int, int]) -> tuple[CafeApp, list[list[str]], int]:
    service, clock = meeting(tmp_path / "m", registered=20, present=True)
    service.add_participants(LONG)
    app = CafeApp(service, clock=clock, server=FakePhoneServer())
    async with app.run_test(size=size) as pilot:
        await pilot.press("d")
        await pilot.pause()
        table = app.screen.query_one(PeopleTable)
        used = sum(c.get_render_width(table) for c in table.columns.values())
        room = table.size.width - SCROLLBAR
        rows = [_cells(table, r) for r in range(table.row_count)]
        return app, rows, used - room


async def test_at_80_columns_the_sector_and_host_stay_on_screen(tmp_path: Path) -> None:
    _, rows, over = await _door(tmp_path, (80, 24))
    assert over <= 0, f"the columns are {over} cells wider than the list"
    gunnel = next(r for r in rows if r[1].startswith("Gunnel"))
    assert gunnel[3:] == ["offentlig", "★"]
    assert gunnel[2].startswith("Västerås stad") and gunnel[2].endswith("…")


async def test_on_a_wide_screen_nothing_is_cut(tmp_path: Path) -> None:
    _, rows, over = await _door(tmp_path, (160, 40))
    assert over <= 0
    assert not any(cell.endswith("…") for row in rows for cell in row)
    assert any(r[2] == LONG[1].organisation for r in rows)
