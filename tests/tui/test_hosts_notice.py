"""When the planner needs more table hosts than volunteered, the co-hosts are told who,
before round 1, and the rotation screen and the table cards mark them."""

from __future__ import annotations

from pathlib import Path

from msgspec.structs import replace
from pptx import Presentation

from cafe.cli import main
from cafe.core import meeting_seating as seating
from cafe.core.clock import FakeClock
from cafe.tui.app import CafeApp
from cafe.tui.widgets.seating_view import RotationView
from tests.meetings import new_meeting
from tests.tui.helpers import FakePhoneServer, people, step_index


async def test_appointed_hosts_are_named_before_round_one(tmp_path: Path) -> None:
    folder = tmp_path / "m"
    clock = FakeClock(1_800_000_000.0)
    service = new_meeting(folder, clock=clock)
    crowd = [replace(p, present=True, host=False) for p in people(24)]
    crowd[0] = replace(crowd[0], host=True)
    crowd[1] = replace(crowd[1], host=True)
    service.add_participants(crowd)
    service.start_step(step_index(service, "presentation_round") - 1)

    app = CafeApp(service, clock=clock, server=FakePhoneServer())
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("n")  # into the presentation round: people are seated now
        await pilot.pause()
        appointed = seating.appointed_hosts(service)
        tables = service.state.seating_plan.table_count()
        assert len(appointed) == tables - 2 > 0
        [notice] = [n for n in app._notifications if "Nya bordsvärdar" in (n.title or "")]
        assert f"Det blev {tables} bord men 2 anmälde sig" in notice.message
        assert "berättar kort för varje ny grupp" in notice.message, "how to brief them"
        assert "(d, sedan h)" in notice.message, "how to swap with a volunteer"
        names = {p.id: p.name for p in service.state.participants.values()}
        for pid, table in appointed:
            assert f"{names[pid]}, bord {table}" in notice.message
        volunteers = {p.id for p in service.state.participants.values() if p.host}
        assert not volunteers & {pid for pid, _ in appointed}
        assert app.screen is app.get_screen_stack("meeting")[0], "no dialog eats the next key"

        await pilot.press("n")  # round 1's rotation screen marks them
        await pilot.pause()
        rotation = app.screen.query_one(RotationView)
        shown = str(rotation.render())
        for pid, table in appointed:
            assert f"☆ {names[pid]} → bord {table} (utsedd värd)" in rotation.texts()
            assert f"☆ {names[pid]} → bord {table}" in shown

    # The printed table cards say so too.
    out = tmp_path / "out"
    assert main(["report", str(folder), "--before", "--out", str(out)]) == 0
    cards = Presentation(str(out / "table-cards.pptx"))
    texts = [
        "\n".join(s.text_frame.text for s in slide.shapes if s.has_text_frame)
        for slide in cards.slides
    ]
    for pid, table in appointed:
        assert f"Bordsvärd (utsedd, ge en kort genomgång): {names[pid]}" in texts[table - 1]
