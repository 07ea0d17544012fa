"""A check-out thought typed at the laptop survives a crash, as capture's ideas do.

At check-out the room is leaving: a thought lost when the laptop dies cannot be asked
for again. The line (and who said it) is kept in the meeting's file while it is typed.
"""

from __future__ import annotations

import asyncio
import time
from pathlib import Path

from textual.widgets import Input

from cafe.core.clock import FakeClock
from cafe.core.service import MeetingService
from cafe.i18n import t
from cafe.storage.console_settings import read_checkout_draft
from cafe.storage.folder import open_meeting
from cafe.tui.app import CafeApp
from tests.tui.helpers import FakePhoneServer, meeting, step_index, type_text


def _at_checkout(tmp_path: Path) -> tuple[MeetingService, FakeClock]:
    service, clock = meeting(tmp_path / "m", registered=12, present=True)
    service.start_step(step_index(service, "checkout"))
    return service, clock


def _kept_on_disk(folder: Path, clock: FakeClock) -> tuple[str, str] | None:
    """What another process opening the meeting's file would find."""
    other = open_meeting(folder, clock=clock)
    try:
        return read_checkout_draft(other)
    finally:
        other.log.close()


async def _until(check, what: str) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + 10  # kept at a pause in the typing
    while not check():
        assert time.monotonic() < deadline, what
        await asyncio.sleep(0.05)


async def test_a_half_typed_thought_and_its_author_come_back_after_a_crash(
    tmp_path: Path,
) -> None:
    service, clock = _at_checkout(tmp_path)
    folder = tmp_path / "m"
    app = CafeApp(service, clock=clock, server=FakePhoneServer())
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("i")  # the line for a thought said aloud
        await type_text(pilot, "Jag tar med mig att fika")
        await pilot.press("tab")
        await type_text(pilot, "Anna")
        await _until(
            lambda: _kept_on_disk(folder, clock) == ("Jag tar med mig att fika", "Anna"),
            "the thought and its author kept while typing",
        )
        app.exit()  # a crash: nothing is stored on the way out
    service.log.close()

    reopened = open_meeting(folder, clock=clock)
    again = CafeApp(reopened, clock=clock, server=FakePhoneServer())
    async with again.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = again.screen
        assert screen.query_one("#checkout-text", Input).value == "Jag tar med mig att fika"
        assert screen.query_one("#checkout-author", Input).value == "Anna"
        assert t("tui.capture.draft_back") in [str(n.message) for n in again._notifications]
        screen.query_one("#checkout-text", Input).focus()
        await pilot.press("enter")
        await pilot.pause()
        assert [(n.text, n.author) for n in reopened.state.live_checkout()] == [
            ("Jag tar med mig att fika", "Anna")
        ]
        await _until(lambda: _kept_on_disk(folder, clock) is None, "forgotten once stored")
    reopened.log.close()


async def test_a_thought_stored_on_quit_is_not_brought_back(tmp_path: Path) -> None:
    service, clock = _at_checkout(tmp_path)
    folder = tmp_path / "m"
    app = CafeApp(service, clock=clock, server=FakePhoneServer())
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("i")
        await type_text(pilot, "Bra samtal")
        await _until(lambda: _kept_on_disk(folder, clock) is not None, "kept while typing")
        app.save_drafts()  # what a clean quit does
        assert [n.text for n in service.state.live_checkout()] == ["Bra samtal"]
        assert _kept_on_disk(folder, clock) is None


async def test_coming_back_to_the_field_continues_the_thought(tmp_path: Path) -> None:
    """Audit M S2: Esc, then i, then typing replaced the whole half-typed thought (one
    brought back after a crash too): the field selected its text when it got the focus."""
    service, clock = _at_checkout(tmp_path)
    app = CafeApp(service, clock=clock, server=FakePhoneServer())
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("i")
        await type_text(pilot, "Jag tar med mig")
        await pilot.press("escape", "i")
        await pilot.pause()
        await type_text(pilot, " hopp")
        assert app.screen.query_one("#checkout-text", Input).value == "Jag tar med mig hopp"
