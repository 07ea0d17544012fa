"""The pieces of `cafe run`: timer, clock, messages, keys, palette, server, quitting, CLI."""

from __future__ import annotations

import re
import subprocess
import sys
import time
from pathlib import Path

import aiohttp
import pytest
from PIL import Image
from rich.console import Console
from textual import events
from textual.app import App, ComposeResult
from textual.widgets import Input, Label

from cafe import links
from cafe.cli.demo_cmd import rehearsal_clock
from cafe.core.events import Event, EventKind
from cafe.core.meeting_seating import seat_for_step
from cafe.core.timer import TimerPhase, format_seconds
from cafe.demo.app import DemoApp
from cafe.storage.folder import open_meeting, table_token
from cafe.tui.app import CafeApp
from cafe.tui.bindings import REGISTRY, keys_in
from cafe.tui.meeting_clock import clock_time, meeting_clock, rail_rows
from cafe.tui.messages import MeetingChanged
from cafe.tui.screens.board_screen import BoardScreen
from cafe.tui.screens.capture_screen import CaptureScreen
from cafe.tui.screens.checkin_screen import CheckinScreen
from cafe.tui.screens.confirm_modal import QuitModal
from cafe.tui.screens.meeting_screen import MeetingScreen
from cafe.tui.screens.moderation_screen import ModerationScreen
from cafe.tui.widgets.agenda_rail import RailSteps, _clock_lines
from cafe.tui.widgets.idea_list import IdeaList
from cafe.tui.widgets.key_footer import KeyFooter
from cafe.tui.widgets.key_table import KeyTable
from cafe.tui.widgets.qr_panel import qr_text
from cafe.tui.widgets.round_timer import RoundTimer
from cafe.tui.widgets.suggestion_panel import SuggestionPanel
from cafe.web.server import LanServer
from tests.tui.helpers import FakePhoneServer, meeting, step_index

ROOT = Path(__file__).resolve().parents[2]
LAN = "192.0.2.10"


class TimerApp(App[None]):
    def compose(self) -> ComposeResult:
        yield RoundTimer()


async def test_round_timer_rings_once_at_two_minutes_and_once_at_zero() -> None:
    app = TimerApp()
    async with app.run_test() as pilot:
        timer = app.query_one(RoundTimer)
        timer.step = 3
        timer.phase = TimerPhase.WARNING
        timer.remaining = 110.0  # a restart finds it already under 2:00: no bell
        await pilot.pause()
        assert timer.bells == 0 and timer.has_class("-warning")
        timer.step = 4
        timer.phase = TimerPhase.RUNNING
        for left in (125.0, 121.0, 120.0, 119.0, 60.0, 0.4):
            timer.remaining = left
        timer.phase = TimerPhase.OVERTIME
        timer.remaining = -0.2
        timer.remaining = -5.0
        await pilot.pause()
        assert timer.bells == 2
        assert timer.has_class("-overtime") and not timer.has_class("-running")
        timer.phase = TimerPhase.PAUSED
        timer.remaining = 200.0
        timer.remaining = 100.0  # -1 minute while paused: seen, not rung
        assert timer.bells == 2


def test_a_burst_of_changes_is_one_message_with_every_event() -> None:
    first = MeetingChanged([Event(EventKind.IDEA_CAPTURED, {"id": "i1"}, 1.0, 1)])
    second = MeetingChanged([Event(EventKind.IDEA_CAPTURED, {"id": "i2"}, 2.0, 2)])
    assert first.can_replace(second)
    assert [e.seq for e in second.events] == [1, 2]


def test_rail_times_and_meeting_clock_follow_the_visits(meeting_dir: Path) -> None:
    service, clock = meeting(meeting_dir)
    total = sum(s.minutes for s in service.agenda.steps) * 60
    assert meeting_clock(service, clock.now()).planned_end == clock.now() + total
    started = clock.now()
    service.start_step(0)
    clock.advance(15 * 60)  # the opening (10 minutes planned) runs 5 minutes over
    service.start_step(1)
    clock.advance(60)
    rows = rail_rows(service, clock.now())
    assert [r.status for r in rows[:3]] == ["done", "current", "todo"]
    assert rows[0].actual_seconds == 15 * 60 and rows[2].actual_seconds is None
    figures = meeting_clock(service, clock.now())
    assert figures.planned_end == started + total
    assert figures.late_minutes == 5


async def test_the_rail_shows_a_steps_length_after_plus_and_minus(meeting_dir: Path) -> None:
    """+5 on round 1 left the rail at "1/25′" beside a 30-minute clock, and round 3 cut
    to 15 minutes still said "0/20′": the rail follows the step's time as changed."""
    service, clock = meeting(meeting_dir, registered=12, present=True)
    first = step_index(service, "cafe_round", 1)
    third = step_index(service, "cafe_round", 3)
    service.start_step(first)
    app = CafeApp(service, clock=clock, server=FakePhoneServer())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("space", *["plus"] * 5)
        clock.advance(61)
        await pilot.pause(0.3)

        def line(index: int) -> str:
            rail = app.screen.query_one(RailSteps)
            return str(rail.render()).splitlines()[index + 1]

        assert line(first).endswith(" 1/30′"), line(first)
        service.start_step(third)
        await pilot.pause()
        await pilot.press(*["minus"] * 5)
        await pilot.pause(0.3)
        assert line(third).endswith(" 0/15′"), line(third)
        assert line(first).endswith(" 1/30′"), "a round held keeps its length"
        assert line(third + 1).endswith(" 20′"), "steps to come: as planned"


def test_every_key_has_an_action_and_both_languages_a_label() -> None:
    owners = {
        "app": CafeApp,
        "meeting": MeetingScreen,
        "door": CheckinScreen,
        "capture": CaptureScreen,
        "board": BoardScreen,
        "themes": BoardScreen,  # the board's theme list, its actions the screen's
        "suggestions": SuggestionPanel,
        "moderation": ModerationScreen,
        "demo": DemoApp,
    }
    for key in REGISTRY:
        action = key.action
        owner = owners[key.scope]
        if action.startswith("app."):
            owner, action = CafeApp, action[4:]
        action = action.removeprefix("screen.")
        name = action.split("(")[0]
        assert hasattr(owner, f"action_{name}"), f"{key.scope}: {key.keys} -> {key.action}"
    from cafe.i18n import t

    for lang in ("sv", "en"):
        assert all(t(f"tui.keys.{k.label}", lang) for k in REGISTRY)


async def test_help_and_palette_offer_the_registry(meeting_dir: Path) -> None:
    service, clock = meeting(meeting_dir, registered=4, present=True)
    app = CafeApp(service, clock=clock, lang="en")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        tables = list(app.screen.query(KeyTable))
        shown = {description for table in tables for _keys, description in table.rows}
        drawn = " ".join(" ".join(str(table.render()).split()) for table in tables)
        for scope in ("meeting", "door", "capture", "board", "app"):
            assert {k.description for k in keys_in(scope)} <= shown
            assert all(" ".join(k.description.split()) in drawn for k in keys_in(scope))
        await pilot.press("escape")
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"next")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert service.state.current_step == 0, "the palette ran 'Next'"


async def test_help_lists_each_key_once_with_one_meaning(meeting_dir: Path) -> None:
    """`i` was listed twice, "Fånga idéer" under Överallt and "Skriv (idéer /
    utcheckning)" under Mötet: two meanings for one key. One line says both."""
    service, clock = meeting(meeting_dir, registered=4, present=True)
    app = CafeApp(service, clock=clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        rows = [row for table in app.screen.query(KeyTable) for row in table.rows]
        assert [d for k, d in rows if k == "i"] == ["Fånga idéer (i utcheckningen: skriv en tanke)"]
        await pilot.press("escape")
        service.start_step(step_index(service, "checkout"))
        await pilot.pause()
        await pilot.press("i")  # still the check-out's own i: the thought's field
        await pilot.pause()
        assert isinstance(app.screen, MeetingScreen)
        assert isinstance(app.screen.focused, Input)


async def test_phones_reach_the_running_app_over_the_lan_server(meeting_dir: Path) -> None:
    service, clock = meeting(meeting_dir, registered=12, present=True)
    service.start_step(step_index(service, "cafe_round", 1))
    server = LanServer(service, host="127.0.0.1", port=0, lan_address=lambda: LAN)
    app = CafeApp(service, clock=clock, server=server)
    async with app.run_test(size=(120, 40)) as pilot:
        assert app.phones_url.startswith(f"http://127.0.0.1:{server.port}/m/"), "as bound"
        await pilot.press("i")
        await pilot.pause()
        local = f"http://127.0.0.1:{server.port}"
        path = links.table_path(table_token(service, 3))
        async with aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True)) as phone:
            async with phone.get(local + path) as page:
                assert page.status == 200
                html = await page.text()
            hidden = dict(re.findall(r'name="(csrf|submission)" value="([^"]*)"', html))
            async with phone.post(local + path, data={**hidden, "ideas": "Cykelkafé"}) as sent:
                assert sent.status == 200
        await pilot.pause()
        assert [(i.text, i.table, i.source) for i in service.state.visible_ideas()] == [
            ("Cykelkafé", 3, "web")
        ]
        listed = app.screen.query_one(IdeaList)
        prompts = [str(listed.get_option_at_index(i).prompt) for i in range(listed.option_count)]
        assert any("Cykelkafé" in p for p in prompts)
        service.start_step(step_index(service, "signup"))
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen.query_one("#qr").url == app.phones_url
    with pytest.raises(aiohttp.ClientConnectionError):
        async with aiohttp.ClientSession() as phone, phone.get(local + "/favicon.ico"):
            pass


async def test_cafe_runs_server_comes_up_after_the_first_frame(
    meeting_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``cafe run`` hands the app a factory: the agenda is drawn before the server is
    built (aiohttp is loaded then), and the QR code follows as soon as it listens."""
    service, clock = meeting(meeting_dir)
    service.start_step(step_index(service, "signup"))
    built: list[LanServer] = []
    drawn: list[int] = []
    draw = RailSteps.render

    def counted(self: RailSteps) -> object:
        drawn.append(len(self.rows))
        return draw(self)

    monkeypatch.setattr(RailSteps, "render", counted)

    def factory() -> LanServer:
        assert any(drawn), "built after the agenda was drawn"
        built.append(LanServer(service, host="127.0.0.1", port=0, lan_address=lambda: LAN))
        return built[-1]

    app = CafeApp(service, clock=clock, server_factory=factory)
    async with app.run_test(size=(120, 40)) as pilot:
        for _ in range(50):
            if app.server_running:
                break
            await pilot.pause(0.1)
        assert len(built) == 1 and app.server_running
        await pilot.pause()
        assert app.phones_url.startswith(f"http://127.0.0.1:{built[0].port}/m/")
        assert app.screen.query_one("#qr").url == app.phones_url
    assert not built[0].running


async def test_a_busy_port_is_a_message_not_a_crash(meeting_dir: Path) -> None:
    service, clock = meeting(meeting_dir)
    service.start_step(step_index(service, "signup"))
    server = FakePhoneServer(fail=OSError(98, "Address already in use"))
    app = CafeApp(service, clock=clock, server=server)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert app.phones_url == "" and not app.server_running
        assert any("Address already in use" in str(n.message) for n in app._notifications)
        assert "--no-server" in str(app.screen.query_one("#qr-caption", Label).render())


async def test_quitting_keeps_what_was_typed_but_not_entered(meeting_dir: Path) -> None:
    service, clock = meeting(meeting_dir, registered=12, present=True)
    service.start_step(step_index(service, "cafe_round", 1))
    app = CafeApp(service, clock=clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("i")
        await pilot.pause()
        await pilot.press(*"halvskriven")
        await pilot.press("ctrl+q")  # mid-meeting it asks: a second Ctrl+Q is yes
        await pilot.pause()
        assert isinstance(app.screen, QuitModal) and app.is_running
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert [i.text for i in open_meeting(meeting_dir).state.visible_ideas()] == ["halvskriven"]


async def test_quitting_at_tables_drops_text_that_has_no_table(meeting_dir: Path) -> None:
    """Text refused for want of a table was stored on quit as an idea of no table, and
    counted in every report; text with a table is still kept."""
    service, clock = meeting(meeting_dir, registered=12, present=True)
    service.start_step(step_index(service, "cafe_round", 1))
    assert seat_for_step(service) and service.state.seating_plan.table_count() > 1
    app = CafeApp(service, clock=clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("i")
        await pilot.pause()
        await pilot.press(*"lösa bokstäver", "enter")
        await pilot.pause()
        assert "Välj bord först" in str(app.screen.query_one("#capture-error", Label).render())
        await pilot.press("ctrl+q", "ctrl+q")
        await pilot.pause()
    assert open_meeting(meeting_dir).state.visible_ideas() == []

    app = CafeApp(open_meeting(meeting_dir), clock=clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("i")
        await pilot.pause()
        await pilot.press("2", "enter", *"halvskriven")
        await pilot.press("ctrl+q", "ctrl+q")
        await pilot.pause()
    kept = open_meeting(meeting_dir).state.visible_ideas()
    assert [(i.text, i.table) for i in kept] == [("halvskriven", 2)]


async def test_keys_typed_right_after_enter_start_the_next_idea(meeting_dir: Path) -> None:
    service, clock = meeting(meeting_dir, registered=12, present=True)
    service.start_step(step_index(service, "cafe_round", 1))
    app = CafeApp(service, clock=clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("i")
        await pilot.pause()
        assert app.screen.query_one("#capture-text", Input).has_focus
        for key in [*"ett", "enter", *"två", "enter"]:  # as a terminal sends a fast burst
            app.post_message(events.Key(key, "\r" if key == "enter" else key))
        await pilot.pause()
        await pilot.pause()
    assert [i.text for i in service.state.visible_ideas()] == ["ett", "två"]


def test_the_qr_code_on_screen_decodes_to_the_url(tmp_path: Path) -> None:
    url = f"http://{LAN}:8765/m/abcdefghijklmnopqrstuvwxyz012345/"
    text = qr_text(url)
    rows: list[list[bool]] = []
    for line in text.split("\n"):
        top, bottom = [], []
        for segment in line.render(Console()):
            for _ in segment.text:
                top.append(segment.style.color.name == "#000000")
                bottom.append(segment.style.bgcolor.name == "#000000")
        rows += [top, bottom]
    scale, quiet = 8, 4
    size = (len(rows[0]) + 2 * quiet) * scale
    image = Image.new("L", (size, (len(rows) + 2 * quiet) * scale), 255)
    for y, row in enumerate(rows):
        for x, dark in enumerate(row):
            if dark:
                box = ((x + quiet) * scale, (y + quiet) * scale)
                image.paste(0, (*box, box[0] + scale, box[1] + scale))
    path = tmp_path / "qr.png"
    image.save(path)
    decoded = subprocess.run(
        ["zbarimg", "--raw", "-q", str(path)], capture_output=True, text=True, check=True
    )
    assert decoded.stdout.strip() == url


def test_cafe_run_is_a_command(tmp_path: Path) -> None:
    shown = subprocess.run(
        [sys.executable, "-m", "cafe", "--lang", "en", "run", "--help"],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert shown.returncode == 0
    assert "--no-server" in shown.stdout and "--public-url" in shown.stdout
    missing = subprocess.run(
        [sys.executable, "-m", "cafe", "run", str(tmp_path / "nowhere")],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert missing.returncode == 1 and "Traceback" not in missing.stderr


def test_the_key_reference_lists_every_key() -> None:
    reference = (ROOT / "docs" / "tui.md").read_text(encoding="utf-8")
    for key in REGISTRY:
        shown = "Space" if key.keys == "space" else key.shown_keys
        for part in shown.split(" / "):
            assert f"`{part}`" in reference, f"{key.keys} ({key.label}) is not in docs/tui.md"


def test_the_planned_end_is_the_meetings_own_end_time(meeting_dir: Path) -> None:
    """A meeting invited to 18:00–21:00 showed "planned end 19:59": the time the laptop
    was opened plus the agenda. Its own times are the plan."""
    service, clock = meeting(meeting_dir)
    total = sum(s.minutes for s in service.agenda.steps) * 60
    day = time.localtime(clock.now())

    def at(hours: int, minutes: int = 0) -> float:
        return time.mktime((day.tm_year, day.tm_mon, day.tm_mday, hours, minutes, 0, 0, 0, -1))

    clock.advance(at(17, 30) - clock.now())  # the co-hosts open the laptop at 17:30
    service.agenda = service.agenda.with_meta(start="18:00", end="21:00")
    before = meeting_clock(service, clock.now())
    assert clock_time(before.planned_end) == "21:00"
    assert before.projected_end == at(18) + total, "starting at 18:00 as invited"

    service.agenda = service.agenda.with_meta(start="18:00", end="")
    assert meeting_clock(service, clock.now()).planned_end == at(18) + total

    clock.advance(at(18, 10) - clock.now())  # ten minutes late
    service.start_step(0)
    late = meeting_clock(service, clock.now())
    assert late.planned_end == at(18) + total, "the plan stays the plan"
    assert late.late_minutes == 10


def test_a_meeting_tried_out_at_night_counts_from_its_own_start(meeting_dir: Path) -> None:
    """Run at 03:00 on a meeting invited to 18:00–21:00, the rail said "Beräknat 06:00
    (−14 h 59 min)": the evening's plan against a night's try-out."""
    service, clock = meeting(meeting_dir)
    total = sum(s.minutes for s in service.agenda.steps) * 60
    day = time.localtime(clock.now())

    def at(hours: int, minutes: int = 0) -> float:
        return time.mktime((day.tm_year, day.tm_mon, day.tm_mday, hours, minutes, 0, 0, 0, -1))

    today = time.strftime("%Y-%m-%d", day)
    service.agenda = service.agenda.with_meta(date=today, start="18:00", end="21:00")
    clock.set(at(3))
    service.start_step(0)
    night = meeting_clock(service, clock.now())
    assert night.planned_end == at(3) + total
    assert night.late_minutes == 0
    planned, _projected, _late = _clock_lines(night)
    assert planned[0] == f"Provkörning, slut {clock_time(at(3) + total)}", (
        "a try-out, said so: the plan from the invitation was gone without a word"
    )
    clock.advance(service.agenda.steps[0].minutes * 60 + 7 * 60)
    assert meeting_clock(service, clock.now()).late_minutes == 7, "late is still late"

    service, clock = meeting(meeting_dir / "early")
    service.agenda = service.agenda.with_meta(date=today, start="18:00", end="21:00")
    clock.set(at(17, 30))
    service.start_step(0)  # half an hour early: the evening's plan holds
    early = meeting_clock(service, clock.now())
    assert clock_time(early.planned_end) == "21:00" and not early.tryout
    assert _clock_lines(early)[0][0] == "Planerat slut 21:00"


def test_a_rehearsal_before_the_meeting_runs_on_the_evenings_clock(meeting_dir: Path) -> None:
    service, clock = meeting(meeting_dir)
    day = time.localtime(clock.now())
    noon = time.mktime((day.tm_year, day.tm_mon, day.tm_mday, 12, 0, 0, 0, 0, -1))
    service.agenda = service.agenda.with_meta(start="18:00", end="21:00")
    assert clock_time(rehearsal_clock(service, 60, noon).now()) == "18:00"
    assert clock_time(rehearsal_clock(service, 60, noon + 7 * 3600).now()) == "19:00", (
        "rehearsed after the start: the real time"
    )
    service.start_step(0)
    assert clock_time(rehearsal_clock(service, 60, noon).now()) == "12:00", (
        "a meeting under way keeps its own timeline"
    )


async def test_opened_on_a_meeting_under_way_it_says_where_it_goes_on(meeting_dir: Path) -> None:
    """After a crash the console opened at the step without a word; a fresh meeting
    opens as before."""
    service, clock = meeting(meeting_dir, registered=12, present=True)
    app = CafeApp(service, clock=clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert not any("fortsätter" in str(n.message) for n in app._notifications)

    index = step_index(service, "cafe_round", 2)
    service.start_step(index)
    service.timer_start()
    clock.advance(64)
    app = CafeApp(open_meeting(meeting_dir, clock=clock), clock=clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        said = [str(n.message) for n in app._notifications]
        step = service.agenda.steps[index]
        left = format_seconds(step.minutes * 60 - 64)
        expected = f"Mötet fortsätter vid steg {index + 1}, {step.title}: {left} kvar."
        assert any(expected in message for message in said), said


def test_prepared_on_another_day_the_rail_is_not_hundreds_of_minutes_late(
    meeting_dir: Path,
) -> None:
    """The evening before the meeting the rail said "Beräknat slut 01:17 (+557)": today's
    clock against the meeting day's plan."""
    service, clock = meeting(meeting_dir)
    day = time.localtime(clock.now())
    evening = time.mktime((day.tm_year, day.tm_mon, day.tm_mday, 22, 0, 0, 0, 0, -1))
    clock.advance(evening - clock.now())
    tomorrow = time.strftime("%Y-%m-%d", time.localtime(evening + 86400))
    service.agenda = service.agenda.with_meta(date=tomorrow, start="18:00", end="21:00")
    before = meeting_clock(service, clock.now())
    assert clock_time(before.planned_end) == "21:00"
    assert before.late_minutes == 0
    today = time.strftime("%Y-%m-%d", time.localtime(evening))
    service.agenda = service.agenda.with_meta(date=today)  # the day itself: late is late
    assert meeting_clock(service, clock.now()).late_minutes > 0


@pytest.mark.parametrize("agenda", ["idea-meeting.en", "idemote.sv"])
async def test_a_text_steps_clock_is_whole_on_a_24_line_screen(
    meeting_dir: Path, agenda: str
) -> None:
    """A laptop mirrored on the projector at 80x24: the purpose's long English text pushed
    the step's clock half under the footer; the room saw half a "05:00"."""
    service, clock = meeting(meeting_dir, agenda=agenda)
    service.start_step(1)  # the purpose
    app = CafeApp(service, clock=clock, server=FakePhoneServer())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        timer = app.screen.query_one(RoundTimer)
        footer = app.screen.query_one(KeyFooter)
        assert timer.region.height >= 5, timer.region
        assert timer.region.bottom <= footer.region.y, (timer.region, footer.region)


@pytest.mark.parametrize("size", [(120, 40), (80, 24)], ids=["120", "80"])
@pytest.mark.parametrize("agenda", ["idea-meeting.en", "idemote.sv", "idemote-kort.sv"])
async def test_the_shipped_agendas_step_titles_fit_the_rail(
    meeting_dir: Path, agenda: str, size: tuple[int, int]
) -> None:
    """Audit P, C9: the English rail read "3. Round of introducti… 0/15′" at 120 columns,
    and the Swedish "2. Syftet med idémöt…" at 80 (where no minutes are shown)."""
    service, clock = meeting(meeting_dir, agenda=agenda)
    app = CafeApp(service, clock=clock, server=FakePhoneServer())
    async with app.run_test(size=size) as pilot:
        for index, step in enumerate(service.agenda.steps):  # current: "0/15′" beside it
            service.start_step(index)
            await pilot.pause()
            steps = app.screen.query_one(RailSteps)
            if not steps.size.width:
                continue  # beside the sign-up QR at 80 columns the rail gives way
            rail = str(steps.render())
            assert "…" not in rail, rail
            assert step.title in rail
