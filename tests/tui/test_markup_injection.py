"""Text from phones, the door and the agenda is shown as text in the TUI (issue 16 row 7).

No markup, no click actions, no links, no terminal escapes: a name with ``[/]`` typed at
the door, a challenge with ``[/]`` in the agenda, a theme called
``[@click=app.quit]Q[/]`` clicked on the board. Every screen, toast, modal and the command
palette is walked with such text, clicking where it is shown.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from msgspec.structs import replace
from textual import events
from textual.command import CommandPalette
from textual.pilot import Pilot
from textual.widgets import Input, OptionList
from textual.widgets._toast import Toast

from cafe.core.agenda import load_agenda, resolve_agenda
from cafe.core.clock import FakeClock
from cafe.core.participants import PersonInput
from cafe.core.service import MeetingService
from cafe.storage.folder import create_meeting_folder, open_meeting
from cafe.tui.app import CafeApp
from tests.meetings import new_meeting
from tests.tui.helpers import FakePhoneServer

pytestmark = pytest.mark.slow
"""Among the slowest tests of the suite (still run in CI; ``-m "not slow"`` skips them
for a quick run)."""

HOSTILE = "[@click=app.quit]klicka[/] [b]fet[/b] [link=http://evil.example]länk[/link] \x1b[31m"

PAYLOAD = "[/] [b] [@click=app.quit]Q[/] [link=http://x]y[/link] \x1b[31m"
"""Every kind of hostile text at once: a stray closing tag, an open tag, a click action,
a link and an ANSI escape."""

SHOWN = "[@click=app.quit]Q[/]"
"""What must appear literally wherever a payload is shown."""


def hostile(tag: str) -> str:
    return f"{tag} {PAYLOAD}"


def plain(app: CafeApp) -> str:
    return app.export_screenshot().replace("&#160;", " ").replace("&#x27;", "'")


async def click_hostile_text(
    pilot: Pilot, app: CafeApp, most: int = 6, within: str = "Static"
) -> int:
    """Click where a shown ``[@click=...]`` starts (where a clickable "Q" would be if the
    text were read as markup): toasts first, then the text widgets ``within`` selects,
    ``most`` clicks in all.

    The clicks arrive as a terminal sends them (a press and a release, from which the app
    makes the click) and are all posted before waiting once for the screen, instead of
    Pilot's wait after each of the three events of each click: a click on text read as
    markup runs its action just the same (app.quit ends the app), and the wait was most of
    this module's time."""
    targets: list[tuple[int, int]] = []
    widgets = [*app.screen.query(Toast), *app.screen.query(within)]
    for widget in widgets:
        region = widget.region
        for row, line in enumerate(str(widget.render()).split("\n")[: region.height]):
            column = line.find("[@click")
            if 0 <= column < region.width:
                targets.append((region.x + column, region.y + row))
                break
    for x, y in targets[:most]:
        for kind in (events.MouseDown, events.MouseUp):
            app.post_message(kind(None, x, y, 0, 0, 1, False, False, False, screen_x=x, screen_y=y))
    await pilot.pause()  # the app has turned each press and release into a click
    await pilot.pause()  # the widgets have handled the clicks
    return len(targets[:most])


async def shown_toasts(pilot: Pilot, app: CafeApp) -> list[str]:
    """The toasts on screen once the toast rack has drawn them."""
    for _ in range(40):
        toasts = [str(toast.render()) for toast in app.screen.query(Toast)]
        if toasts:
            return toasts
        await pilot.pause(0.05)
    return []


async def searched(pilot: Pilot, app: CafeApp) -> None:
    """Wait until the command palette has searched for what its input holds (its search
    is a worker), rather than a fixed time that may be too short on a busy machine."""
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()


async def check(
    pilot: Pilot, app: CafeApp, *expected: str, where: str, most: int = 6, within: str = "Static"
) -> None:
    """The app runs, shows each of ``expected`` literally, and survives clicks on it."""
    await pilot.pause()
    assert app.is_running, where
    shown = plain(app)
    for text in expected:
        assert text in shown, f"{where}: {text!r} not shown literally"
    assert "\x1b" not in shown, f"{where}: an escape reached the screen"
    await click_hostile_text(pilot, app, most, within)
    assert app.is_running, f"{where}: a click ran an action"
    await pilot.pause()


def hostile_meeting(folder: Path) -> MeetingService:
    """A meeting whose agenda title, challenge and every step's texts carry the payload."""
    agenda = load_agenda(resolve_agenda("idemote.sv"))
    steps = tuple(
        replace(
            step,
            title=f"{index + 1} {PAYLOAD}"[:60],
            text=hostile("text") if step.text else step.text,
            question=hostile("fråga") if step.question else step.question,
            notes=hostile("anteckning"),
        )
        for index, step in enumerate(agenda.steps)
    )
    agenda = replace(agenda, steps=steps).with_meta(
        title=hostile("Titel"), challenge=hostile("Utmaning")
    )
    create_meeting_folder(folder, agenda).close()
    service = open_meeting(folder, clock=FakeClock(1_800_000_000.0))
    service.add_participants(
        [
            PersonInput(hostile(f"Namn{i}"), organisation=hostile(f"Org{i}"), present=True)
            for i in range(8)
        ]
    )
    theme = service.create_theme(hostile("Tema"), signup=True)
    service.create_theme("[@click=app.quit]Q[/]", signup=True)
    service.sign_up(name=hostile("Anmäld"), organisation=hostile("Förening"), themes=[theme.id])
    service.note_checkout(hostile("Tanke"), author=hostile("Av"), source="web")
    return service


async def test_markup_from_a_phone_is_shown_literally_and_does_nothing(tmp_path: Path) -> None:
    service = new_meeting(tmp_path / "möte")
    service.next_step()
    service.capture_ideas([HOSTILE], table=1, source="web")
    theme = service.create_theme("[@click=app.quit]tema[/]", signup=True)
    service.sign_up(name="[b]Namn[/b]", themes=[theme.id], source="web")
    app = CafeApp(service, lang="sv")
    async with app.run_test(size=(160, 50)) as pilot:
        for screen_key in ("i", "t"):
            await pilot.press("escape", screen_key)
            await pilot.pause()
            shown = app.export_screenshot().replace("&#160;", " ")
            assert "[b]fet[/b]" in shown, f"screen {screen_key!r} interpreted the markup"
            assert "[@click=app.quit]" in shown
            for _ in range(3):  # clicking where the text is does not run the action
                await pilot.click(offset=(20, 10))
            assert app.is_running
        assert "\x1b" not in app.export_screenshot(), "control characters are not passed on"


async def test_an_agenda_with_markup_starts_and_every_step_shows_it(tmp_path: Path) -> None:
    """Title, challenge, step titles, texts, questions and notes: the whole meeting walked."""
    service = hostile_meeting(tmp_path / "möte")
    app = CafeApp(service, lang="sv", server=FakePhoneServer())
    async with app.run_test(size=(200, 60), notifications=True) as pilot:
        await check(pilot, app, "Titel [/] [b]", "Utmaning [/]", where="start")
        for index in range(len(service.agenda.steps)):
            while service.state.current_step < index:
                await pilot.press("n")
                await pilot.pause()
            step = service.agenda.steps[index]
            await check(
                pilot,
                app,
                f"{index + 1} [/] [b]",
                where=f"step {index + 1} {step.kind}",
                most=2,
                within="StepPanel Static",
            )
            if step.question:
                assert "fråga [/] [b]" in plain(app), f"step {index + 1} question"
        service.capture_idea(hostile("Idé"), table=1)
        await check(pilot, app, where="after an idea arrived")


async def test_names_typed_at_the_door_show_in_the_list_and_the_toast(tmp_path: Path) -> None:
    service = hostile_meeting(tmp_path / "möte")
    app = CafeApp(service, lang="sv", server=FakePhoneServer())
    async with app.run_test(size=(200, 60), notifications=True) as pilot:
        await pilot.press("d")
        await pilot.pause()
        await check(pilot, app, "Namn0 [/] [b]", "Org0 [/] [b]", where="door list")
        for text in ("Ny [/] [b] Q[/]", "[/]"):
            app.screen.query_one("#person-name", Input).value = text
            app.screen.query_one("#person-org", Input).value = "Org [/]"
            app.screen.query_one("#person-name", Input).focus()
            await pilot.press("enter", "enter", "enter", "enter")
            await pilot.pause()
            assert app.is_running, f"adding {text!r} at the door"
        names = {p.name for p in service.state.participants.values()}
        assert {"Ny [/] [b] Q[/]", "[/]"} <= names
        toasts = await shown_toasts(pilot, app)
        assert "[/] är incheckad." in toasts, toasts
        await check(pilot, app, "Ny [/] [b] Q[/]", where="door toast")
        # the same name again: the "already here" message quotes it
        app.screen.query_one("#person-name", Input).value = "[/]"
        app.screen.query_one("#person-name", Input).focus()
        await pilot.press("enter", "enter", "enter", "enter")
        await check(pilot, app, where="door duplicate")
        await pilot.press("escape", "a")  # the add-person modal from anywhere
        await pilot.pause()
        app.screen.query_one("#person-name", Input).value = "Modal [@click=app.quit]Q[/]"
        app.screen.query_one("#person-name", Input).focus()
        await pilot.press("enter", "enter", "enter", "enter", "enter")
        await check(pilot, app, where="add-person modal")
        assert "Modal [@click=app.quit]Q[/]" in {
            p.name for p in service.state.participants.values()
        }


async def test_board_moderation_capture_and_their_modals(tmp_path: Path) -> None:
    service = hostile_meeting(tmp_path / "möte")
    service.next_step()
    for table in (1, 2):
        service.capture_ideas([hostile(f"Idé{table}"), "[/]"], table=table, source="web")
    app = CafeApp(service, lang="sv", server=FakePhoneServer())
    async with app.run_test(size=(200, 60), notifications=True) as pilot:
        await pilot.press("t")
        await check(pilot, app, "Idé1 [/] [b]", "Tema [/] [b]", SHOWN, where="board")
        app.screen.query_one("#board-ideas", OptionList).focus()
        await pilot.press("s")  # theme suggestions, worked out from the ideas' words
        await app.workers.wait_for_complete()
        await check(pilot, app, where="theme suggestions")
        await pilot.press("escape")
        themes = app.screen.query_one("#board-themes", OptionList)
        themes.focus()
        for _ in range(3):  # highlight each theme: its title and ideas show beside
            await pilot.press("down")
            await check(pilot, app, where="board theme highlighted")
        app.screen.query_one("#board-ideas", OptionList).focus()
        await pilot.press("home", "g")  # new theme: a prompt modal
        await pilot.pause()
        app.screen.query_one(Input).value = "Nytt [/] [@click=app.quit]Q[/]"
        await pilot.press("enter")
        await check(pilot, app, where="new theme")
        assert "Nytt [/] [@click=app.quit]Q[/]" in {t.name for t in service.state.themes.values()}
        app.screen.query_one("#board-ideas", OptionList).focus()
        await pilot.press("home", "o")  # move to theme: a choice modal listing the themes
        await check(pilot, app, "Tema [/] [b]", where="choice modal")
        await pilot.press("enter")
        await check(pilot, app, where="idea moved")
        await pilot.press("e")  # edit: the idea modal
        await pilot.pause()
        await check(pilot, app, where="idea modal")
        await pilot.press("escape", "delete")  # delete: a confirmation or a toast
        await check(pilot, app, where="delete idea")
        await pilot.press("escape", "ctrl+z")
        await check(pilot, app, where="undo on the board")

        await pilot.press("escape", "f3")  # moderation: removing and restoring toasts
        await check(pilot, app, "Tanke [/] [b]", "Anmäld [/] [b]", where="moderation")
        for name in ("ideas", "signups", "checkout"):
            found = app.screen.query(f"#{name}")
            if found:
                found.first(OptionList).focus()
                await pilot.press("home", "delete")
                await check(pilot, app, where=f"moderation remove {name}")
                await pilot.press("ctrl+z")
                await check(pilot, app, where=f"moderation restore {name}")

        await pilot.press("escape", "i")  # capture: typing ideas with markup
        await pilot.pause()
        await pilot.press("1")
        field = app.screen.query_one("#capture-text", Input)
        field.value = "Ny idé [/] [@click=app.quit]Q[/]"
        field.focus()
        await pilot.press("enter")
        await check(pilot, app, "Ny idé [/] [@click=app.quit]Q[/]", where="capture")
        await pilot.press("f2")
        await check(pilot, app, where="capture edit modal")
        await pilot.press("escape", "f8")
        await check(pilot, app, where="capture delete")
        await pilot.press("ctrl+z")
        await check(pilot, app, where="capture undo")


async def test_signup_checkout_where_help_and_the_command_palette(tmp_path: Path) -> None:
    service = hostile_meeting(tmp_path / "möte")
    # The app opens at the sign-up step: walking there step by step is the test above.
    service.start_step(next(i for i, s in enumerate(service.agenda.steps) if s.kind == "signup"))
    app = CafeApp(service, lang="sv", server=FakePhoneServer())
    async with app.run_test(size=(200, 60), notifications=True) as pilot:
        await check(pilot, app, "Anmäld [/] [b]", "Tema [/] [b]", where="signup lists")
        await pilot.press("u")  # the manual sign-up modal lists the themes
        await pilot.pause()
        await check(pilot, app, "Tema [/] [b]", where="signup modal")
        await pilot.press("escape")
        checkout = next(i for i, s in enumerate(service.agenda.steps) if s.kind == "checkout")
        while service.state.current_step < checkout:
            await pilot.press("n")
            await pilot.pause()
        await check(pilot, app, "Tanke [/] [b]", where="checkout thoughts")

        await pilot.press("escape", "w")  # where does someone sit?
        await pilot.pause()
        app.screen.query_one("#where-input", Input).value = "Namn1"
        await check(pilot, app, "Namn1 [/] [b]", where="where modal")
        app.screen.query_one("#where-input", Input).value = "[/] [@click=app.quit]Q[/]"
        await check(pilot, app, where="where modal, markup typed")
        for key in ("question_mark", "v", "f4"):
            await pilot.press("escape", key)
            await check(pilot, app, where=f"modal {key}")

        await pilot.press("escape", "ctrl+p")
        await pilot.pause()
        assert CommandPalette.is_open(app)
        for typed in ("[/]", "[@click=app.quit]Q[/]", "[b]", "[link=http://x]y[/link]", "\x1b[31m"):
            palette_input = app.screen.query_one(Input)
            palette_input.value = typed
            await searched(pilot, app)
            assert app.is_running, f"palette search {typed!r}"
        app.screen.query_one(Input).value = ""
        await searched(pilot, app)
        await check(pilot, app, where="command palette")
