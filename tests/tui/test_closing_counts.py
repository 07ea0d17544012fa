"""The closing's head count is the people its sector breakdown counts.

Audit M M4: "18 deltagare: offentlig 5, civilsamhälle 11, näringsliv 2, annat 1" adds up
to 19. Jonas, who went home in the break, took part (the summary and the letter count
him) and was in the breakdown, but not in the total, which counted those present now.
"""

from __future__ import annotations

import re
from pathlib import Path

from textual.widgets import Static

from cafe.core.figures import meeting_figures
from cafe.tui.app import CafeApp
from tests.tui.helpers import FakePhoneServer, meeting, step_index


async def test_the_closing_counts_one_who_left_in_its_total_as_in_its_sectors(
    tmp_path: Path,
) -> None:
    service, clock = meeting(tmp_path / "m", registered=12, present=True)
    service.start_step(step_index(service, "cafe_round", 2))
    gone = next(iter(service.state.participants.values()))
    service.set_present(gone.id, False)  # went home in the break
    service.start_step(step_index(service, "closing"))
    app = CafeApp(service, clock=clock, server=FakePhoneServer())
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        numbers = str(app.screen.query_one("#closing-numbers", Static).render())
    first = numbers.splitlines()[0]
    total = int(first.split(" deltagare")[0])
    by_sector = sum(int(n) for n in re.findall(r" (\d+)", first.split(":", 1)[1]))
    assert total == by_sector == meeting_figures(service.state).took_part == 12, first
