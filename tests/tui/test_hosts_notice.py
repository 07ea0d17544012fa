"""When the planner needs more table hosts than volunteered, the co-hosts are told who,
before round 1, and the rotation screen and the table cards mark them."""

from __future__ import annotations

from pathlib import Path

from msgspec.structs import replace
from pptx import Presentation
from textual.widgets import OptionList
from textual.widgets._toast import Toast

from cafe.cli import main
from cafe.core import meeting_seating as seating
from cafe.core.clock import FakeClock
from cafe.core.service import MeetingService
from cafe.tui.app import CafeApp
from cafe.tui.widgets.round_timer import RoundTimer
from cafe.tui.widgets.seating_view import RotationView
from tests.meetings import new_meeting
from tests.tui.helpers import FakePhoneServer, people, step_index


def _seated_without_hosts(folder: Path) -> tuple[MeetingService, FakeClock]:
    """24 people here, nobody volunteered as host, one step before the presentation."""
    clock = FakeClock(1_800_000_000.0)
    service = new_meeting(folder, clock=clock)
    service.add_participants([replace(p, present=True, host=False) for p in people(24)])
    service.start_step(step_index(service, "presentation_round") - 1)
    return service, clock


async def test_the_hosts_notice_leaves_the_clock_alone_and_esc_hides_it(tmp_path: Path) -> None:
    """At 100x30 the notice (19 lines) covered the clock, the seating and then the
    add-participant dialog for over a minute, and Esc did not close it."""
    service, clock = _seated_without_hosts(tmp_path / "m")
    app = CafeApp(service, clock=clock, server=FakePhoneServer())
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        # Told on entering the presentation round, and again on re-seating round 1 (r).
        for step, key in (("presentation_round", "n"), ("cafe_round", "r")):
            if step == "cafe_round":
                await pilot.press("n")
                await pilot.pause(0.3)
            await pilot.press(key)
            await pilot.pause(0.3)
            assert service.current_step is not None and service.current_step.kind == step
            [notice] = [n for n in app._notifications if "Nya bordsvärdar" in n.title]
            assert notice.timeout <= 30, "gone while the room is still seating itself"
            assert "Esc döljer meddelandet." in notice.message
            [toast] = [t for t in app.screen.query(Toast) if t._notification is notice]
            clock_region = app.screen.query_one(RoundTimer).region
            assert not toast.region.overlaps(clock_region), (step, toast.region, clock_region)
            await pilot.press("escape")
            await pilot.pause(0.3)
            assert not list(app._notifications) and not app.screen.query(Toast)
            assert service.current_step.kind == step, "Esc moved nothing"


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
        assert f"gjorde {tables - 2} personer till värdar" in notice.message
        assert "de har ☆ i listan" in notice.message, "where to find them"
        assert "berättar kort för varje ny grupp" in notice.message, "how to brief them"
        assert "(d, sedan h)" in notice.message, "how to swap with a volunteer"
        names = {p.id: p.name for p in service.state.participants.values()}
        speakers = app.screen.query_one("#speakers", OptionList)
        listed = [str(speakers.get_option_at_index(i).prompt) for i in range(speakers.option_count)]
        for pid, _table in appointed:  # the speaking order, by table, marks them
            assert any(line.startswith(f"· ☆ {names[pid]}") for line in listed), listed
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

    # The printed table cards name them; the note to brief them is in the speaker notes,
    # which only the co-hosts see, not on the card the table reads.
    out = tmp_path / "out"
    assert main(["report", str(folder), "--before", "--out", str(out)]) == 0
    cards = Presentation(str(out / "table-cards.pptx"))
    texts = [
        "\n".join(s.text_frame.text for s in slide.shapes if s.has_text_frame)
        for slide in cards.slides
    ]
    notes = [slide.notes_slide.notes_text_frame.text for slide in cards.slides]
    for pid, table in appointed:
        assert f"Bordsvärd: {names[pid]}" in texts[table - 1]
        assert "utsedd" not in texts[table - 1] and "genomgång" not in texts[table - 1]
        assert f"Planeringen gjorde {names[pid]} till bordsvärd" in notes[table - 1]
        assert "ge hen en kort genomgång före runda 1" in notes[table - 1]


async def test_r_before_round_one_keeps_the_printed_hosts_and_names_a_changed_table(
    tmp_path: Path,
) -> None:
    """Audit R S3: the cards were printed the day before; at the door one host did not
    come and ``r`` made other people hosts at every table."""
    from cafe.i18n import t
    from tests.tui.helpers import meeting

    service, clock = meeting(tmp_path / "m", registered=20, present=True)
    seating.plan_now(service, 1)
    printed = service.state.seating_plan.hosts(1)
    service.set_present(printed[2], False)
    app = CafeApp(service, clock=clock, server=FakePhoneServer())
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await pilot.press("r")
        await pilot.pause()
        said = "\n".join(str(n.message) for n in app._notifications)
    now = service.state.seating_plan.hosts(1)
    assert set(now) == set(printed) and now[2] != printed[2]
    assert {no: pid for no, pid in now.items() if no != 2} == {
        no: pid for no, pid in printed.items() if no != 2
    }
    assert t("tui.round.hosts_changed", count=1, tables="2") in said, said
    assert "Utom vid bord 2" in said
