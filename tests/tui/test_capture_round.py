"""Capture keeps its round when the co-host on the phone moves on: typing round 1's ideas
for table 3, the screen switched to round 2 (not started), lost its table and said
"choose a table first"."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input, Label

from cafe.core import meeting_seating
from cafe.core.clock import FakeClock
from cafe.core.service import STEP_GRACE
from cafe.core.timer import format_seconds
from cafe.i18n import t
from cafe.storage.console_settings import write_capture_draft
from cafe.tui.app import CafeApp
from tests.tui.helpers import FakePhoneServer, meeting, step_index, type_text


def _round_1_under_way(tmp_path: Path) -> CafeApp:
    """Twenty people seated at tables, round 1's timer running: the console on it."""
    service, clock = meeting(tmp_path / "m", registered=20, present=True)
    meeting_seating.plan_now(service, 1)
    service.start_step(step_index(service, "cafe_round", 1))
    service.timer_start()
    return CafeApp(service, clock=clock, server=FakePhoneServer())


async def test_capture_keeps_round_1_while_round_2_has_not_started(tmp_path: Path) -> None:
    app = _round_1_under_way(tmp_path)
    service = app.service
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("i")
        await pilot.pause()
        await type_text(pilot, "3")
        await pilot.press("enter")
        await type_text(pilot, "Fika på torget")
        await pilot.press("enter")
        await pilot.pause()

        # The co-host's phone: next step (round 2's rotation), its timer not started.
        service.start_step(step_index(service, "cafe_round", 2))
        await pilot.pause()
        heading = str(app.screen.query_one("#capture-heading", Label).render())
        assert heading.startswith(t("tui.capture.heading_round", round=1, count=1) + " · ")
        await type_text(pilot, "Promenadgrupp på lördagar")
        await pilot.press("enter")
        await pilot.pause()

        service.timer_start()  # round 2 begins: capture is for round 2 now
        await pilot.pause()
        heading = str(app.screen.query_one("#capture-heading", Label).render())
        assert heading == t("tui.capture.heading_round", round=2, count=0)

    stored = {i.text: (i.round, i.table) for i in service.state.visible_ideas()}
    assert stored == {"Fika på torget": (1, 3), "Promenadgrupp på lördagar": (1, 3)}


async def test_the_laptop_says_when_the_co_host_moves_the_step(tmp_path: Path) -> None:
    service, clock = meeting(tmp_path / "m", registered=20, present=True)
    service.start_step(step_index(service, "cafe_round", 1))
    clock.advance(STEP_GRACE)
    app = CafeApp(service, clock=clock, server=FakePhoneServer())
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("i")
        await pilot.pause()
        service.next_step(by="console")  # as the console's "Nästa steg" does
        await pilot.pause()
        said = [str(n.message) for n in app._notifications]
        number = service.state.current_step + 1
        title = service.agenda.steps[number - 1].title
        assert t("tui.cohost.moved", number=number, title=title) in said, said
        clock.advance(STEP_GRACE)
        service.next_step()  # the laptop's own n: no word about it
        await pilot.pause()
        assert len([n for n in app._notifications if "Medvärden" in str(n.message)]) == 1


async def test_coming_back_to_capture_drops_the_last_visits_message(tmp_path: Path) -> None:
    app = _round_1_under_way(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("i")
        await pilot.pause()
        await type_text(pilot, "Fika utan bord")
        await pilot.press("enter")  # no table chosen: refused, the text kept
        await pilot.pause()
        assert str(app.screen.query_one("#capture-error", Label).render())
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("i")
        await pilot.pause()
        assert str(app.screen.query_one("#capture-error", Label).render()) == ""


async def test_capture_shows_the_rounds_time_left(tmp_path: Path) -> None:
    """Ideas are typed while the round's clock runs; the clock was one key away."""
    app = _round_1_under_way(tmp_path)
    service, clock = app.service, app.clock
    assert isinstance(clock, FakeClock)
    index = service.state.current_step
    clock.advance(5 * 60)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("i")
        await pilot.pause()
        left = service.agenda.steps[index].minutes * 60 - 5 * 60
        shown = str(app.screen.query_one("#capture-clock", Label).render())
        assert shown == t("tui.capture.time_left", time=format_seconds(left))
        service.start_step(step_index(service, "cafe_round", 2))  # the rotation
        await pilot.pause()
        assert str(app.screen.query_one("#capture-clock", Label).render()) == ""


async def test_the_laptop_says_when_a_table_phone_sends_into_a_round_that_is_over(
    tmp_path: Path,
) -> None:
    """Table 3's page was open since round 1 and sent in round 2: the capture screen shows
    round 2's ideas only, so the facilitator is told where they went."""
    app = _round_1_under_way(tmp_path)
    service = app.service
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("i")
        await pilot.pause()
        service.start_step(step_index(service, "cafe_round", 2))
        service.timer_start()
        await pilot.pause()
        service.capture_ideas(["Läxhjälp", "Fika"], table=3, round=1, source="web")
        service.capture_ideas(["Bänkar"], table=4, round=2, source="web")  # this round's
        service.capture_ideas(["Bussen"], table=5, round=1)  # typed here: no word
        await pilot.pause()
        said = [str(n.message) for n in app._notifications]
        assert t("tui.capture.late_ideas", table=3, round=1, count=2) in said, said
        assert not [s for s in said if "Bord 4" in s or "Bord 5" in s], said


async def test_the_heading_says_which_tables_have_sent_nothing_yet(tmp_path: Path) -> None:
    """Eight tables send within half a minute: the facilitator had to scroll the list for
    the missing "bord N" to know which table to ask."""
    app = _round_1_under_way(tmp_path)
    service = app.service
    tables = list(service.state.seating_plan.table_numbers())
    assert len(tables) >= 3
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("i")
        await pilot.pause()
        heading = str(app.screen.query_one("#capture-heading", Label).render())
        assert "inget än" not in heading, "nothing heard yet: no list of every table"
        for table in tables[1:]:
            service.capture_ideas([f"Idé från bord {table}"], table=table, source="web")
        await pilot.pause()
        heading = str(app.screen.query_one("#capture-heading", Label).render())
        assert heading.endswith(" · " + t("tui.capture.waiting", count=1, tables=str(tables[0])))
        service.capture_idea("Från papperet", table=tables[0])
        await pilot.pause()
        heading = str(app.screen.query_one("#capture-heading", Label).render())
        assert "inget än" not in heading


async def test_a_restart_says_a_half_typed_idea_waits_in_capture(tmp_path: Path) -> None:
    """After a crash the laptop opens on the meeting screen: the half-typed idea was back
    in capture, but nothing said so to a facilitator who did not press i."""
    app = _round_1_under_way(tmp_path)
    write_capture_draft(app.service, "Halv idé om promenader", 3)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        said = [str(n.message) for n in app._notifications]
        assert t("tui.capture.draft_waiting") in said, said
        await pilot.press("i")
        await pilot.pause()
        assert app.screen.query_one("#capture-text", Input).value == "Halv idé om promenader"
        assert app.screen.table == 3


async def test_f7_files_round_1_paper_typed_in_while_round_2_runs(tmp_path: Path) -> None:
    """Audit O, M1: the co-hosts type round 1's paper sheets while round 2 runs; the
    laptop could only file them under round 2, one round late in the report."""
    app = _round_1_under_way(tmp_path)
    service = app.service
    service.start_step(step_index(service, "cafe_round", 2))
    service.timer_start()  # round 2 under way
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("i")
        await pilot.pause()
        await pilot.press("f7")
        await pilot.pause()
        assert app.screen.has_class("-earlier")
        heading = str(app.screen.query_one("#capture-heading", Label).render())
        assert heading.startswith(t("tui.capture.heading_earlier", round=1, now=2)), heading
        for text in ("3", "Pappret från runda 1", "4", "Fler bänkar"):
            await type_text(pilot, text)
            await pilot.press("enter")
        await pilot.press("f7")  # back to round 2
        await pilot.pause()
        assert not app.screen.has_class("-earlier")
        for text in ("2", "Från runda 2"):
            await type_text(pilot, text)
            await pilot.press("enter")
        await pilot.press("f7")
        await pilot.pause()
        service.start_step(step_index(service, "cafe_round", 3))
        service.timer_start()  # round 3 begins: capture returns to the round under way
        await pilot.pause()
        assert not app.screen.has_class("-earlier")
        said = [str(n.message) for n in app._notifications]
        assert t("tui.capture.back_to_current", round=3) in said, said
        for text in ("1", "Från runda 3"):
            await type_text(pilot, text)
            await pilot.press("enter")
        await pilot.pause()

    stored = {i.text: (i.round, i.table) for i in service.state.visible_ideas()}
    assert stored == {
        "Pappret från runda 1": (1, 3),
        "Fler bänkar": (1, 4),
        "Från runda 2": (2, 2),
        "Från runda 3": (3, 1),
    }


async def test_f7_in_round_1_says_there_is_no_earlier_round(tmp_path: Path) -> None:
    app = _round_1_under_way(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("i")
        await pilot.pause()
        await pilot.press("f7")
        await pilot.pause()
        assert not app.screen.has_class("-earlier")
        said = [str(n.message) for n in app._notifications]
        assert t("tui.capture.no_earlier_round") in said, said


async def test_a_line_the_tables_phone_sent_is_not_typed_in_twice(tmp_path: Path) -> None:
    """Audit O, M2: the co-host typing table 1's paper stored copies of what its phone had
    sent, and the duplicate finder never pairs ideas of one table and round."""
    app = _round_1_under_way(tmp_path)
    service = app.service
    service.capture_ideas(["Läxhjälp på biblioteket"], table=1, source="web")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("i")
        await pilot.pause()
        for text in ("1", "läxhjälp på  Biblioteket"):
            await type_text(pilot, text)
            await pilot.press("enter")
            await pilot.pause()
        error = str(app.screen.query_one("#capture-error", Label).render())
        sent = t("tui.capture.already_sent", text="Läxhjälp på biblioteket", table=1, round=1)
        assert error == sent, error
        for text in ("Fika varje vardag", "fika varje vardag"):
            await type_text(pilot, text)
            await pilot.press("enter")
            await pilot.pause()
        error = str(app.screen.query_one("#capture-error", Label).render())
        assert error == t(
            "tui.capture.already_typed", text="Fika varje vardag", table=1, round=1
        ), error
        await type_text(pilot, "4")
        await pilot.press("enter")
        await type_text(pilot, "Fika varje vardag")  # another table may say the same
        await pilot.press("enter")
        await pilot.pause()
    texts = sorted((i.table, i.text) for i in service.state.visible_ideas())
    assert texts == [
        (1, "Fika varje vardag"),
        (1, "Läxhjälp på biblioteket"),
        (4, "Fika varje vardag"),
    ]
