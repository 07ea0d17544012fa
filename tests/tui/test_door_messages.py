"""The door's form says what is wrong in the co-host's language, and lists the sector
words it takes: the same words a participant list may use (it always took them).

The audit saw ``sector: okänd sektor "kommunal förvaltning" (använd offentlig/kommun,
civil/förening, företag eller annat)``: an English field key at a Swedish door, and four
words where forty work.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, Label

from cafe.core.participants import sector_words
from cafe.tui.app import CafeApp
from tests.tui.helpers import FakePhoneServer, meeting, type_text


async def _submit(pilot: Pilot, name: str, organisation: str, sector: str) -> str:
    """The three fields filled in, Enter in the sector field; the form's message."""
    screen = pilot.app.screen
    for field, text in (("name", name), ("org", organisation)):
        screen.query_one(f"#person-{field}", Input).value = text
    sector_field = screen.query_one("#person-sector", Input)
    sector_field.value = ""
    sector_field.focus()
    if sector:
        await type_text(pilot, sector)
    await pilot.press("enter")
    await pilot.pause()
    return str(screen.query_one("#person-error", Label).render())


@pytest.mark.parametrize("lang", ["sv", "en"])
async def test_the_door_says_a_bad_field_in_the_co_hosts_language(
    lang: str, meeting_dir: Path
) -> None:
    service, clock = meeting(meeting_dir)
    app = CafeApp(service, clock=clock, server=FakePhoneServer(), lang=lang)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("d")
        await pilot.pause()
        sector = await _submit(
            pilot, "Olof Palmqvist", "Stadsdelsförvaltningen", "kommunal förvaltning"
        )
        name = await _submit(pilot, "   ", "Grannstöd", "förening")
        organisation = await _submit(pilot, "Bo Ek", "x" * 161, "förening")
        assert not service.state.participants
    if lang == "sv":
        assert sector.startswith('okänd sektor "kommunal förvaltning". Skriv ett av orden')
        assert name == "namn måste fyllas i"
        assert organisation.startswith("organisation får vara högst 160 tecken")
    else:
        assert sector.startswith('unknown sector "kommunal förvaltning". Write one of')
        assert name == "name is required"
        assert organisation.startswith("organisation may be at most 160 characters")
    # every word the door takes, as the CSV import lists them in this language
    for words in sector_words(lang).values():
        assert ", ".join(words) in sector
