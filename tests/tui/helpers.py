"""Helpers for the TUI tests: real meeting folders, a fake clock, a fake phone server."""

from __future__ import annotations

from pathlib import Path

from msgspec.structs import replace
from textual import events
from textual.pilot import Pilot

from cafe.core import meeting_seating
from cafe.core.clock import FakeClock
from cafe.core.participants import PersonInput
from cafe.core.service import MeetingService
from cafe.demo.people import simulated_people
from tests.meetings import new_meeting

PHONE_URL = "http://192.0.2.10:8765/m/TEST-TOKEN-for-snapshots/"
"""A fixed LAN address (TEST-NET-1): displayed in QR codes, never contacted."""
SCREEN_URL = "http://192.0.2.10:8765/screen/TEST-TOKEN-for-snapshots"
COHOST_URL = "http://192.0.2.10:8765/c/TEST-COHOST-TOKEN-for-snapshots/"


class FakePhoneServer:
    """Stands in for ``LanServer`` where only the URL matters (snapshots, walks)."""

    def __init__(self, *, fail: OSError | None = None) -> None:
        self.fail = fail
        self.started = False
        self.stopped = False

    async def start(self) -> None:
        if self.fail is not None:
            raise self.fail
        self.started = True

    async def stop(self) -> None:
        self.stopped = True

    def participant_url(self) -> str:
        return PHONE_URL

    def screen_url(self) -> str:
        return SCREEN_URL

    def cohost_url(self) -> str:
        return COHOST_URL

    def address_warning(self) -> str | None:
        return None


def people(count: int, *, present: bool = False, seed: int = 2026) -> list[PersonInput]:
    """``count`` realistic participants (Swedish names, every sector), fixed by the seed."""
    return [replace(p.person, present=present) for p in simulated_people(count, seed)]


def meeting(
    folder: Path,
    *,
    registered: int = 0,
    present: bool = False,
    agenda: str = "idemote.sv",
    clock: FakeClock | None = None,
) -> tuple[MeetingService, FakeClock]:
    """A real meeting folder with ``registered`` people already on the list."""
    clock = clock or FakeClock(1_800_000_000.0)
    service = new_meeting(folder, agenda=agenda, clock=clock)
    if registered:
        service.add_participants(people(registered, present=present))
    return service, clock


def step_index(service: MeetingService, kind: str, nth: int = 1) -> int:
    """The index of the ``nth`` step of ``kind`` in the agenda."""
    found = [i for i, s in enumerate(service.agenda.steps) if s.kind == kind]
    return found[nth - 1]


def five_minutes_into_round_1(folder: Path, registered: int) -> tuple[MeetingService, FakeClock]:
    """A meeting as a restart finds it: everyone present and seated, round 1's timer
    running for five minutes."""
    service, clock = meeting(folder, registered=registered, present=True)
    meeting_seating.plan_now(service, 1)
    service.start_step(step_index(service, "cafe_round"))
    service.timer_start()
    clock.advance(5 * 60)
    return service, clock


async def type_text(pilot: Pilot, text: str) -> None:
    """Type ``text`` into the focused field as a quick typist or a paste does: every key
    is sent before the app has handled the first, then the screen is waited for once.

    ``pilot.press(*text)`` waits for an idle app after each character (two 20 ms slices
    at least), which was much of a keyboard walk's time; the keys still go one by one
    through the app to the focused widget, in order. Letters, digits and spaces only: a key
    that moves the focus (Enter, Tab) goes through ``pilot.press``.
    """
    for character in text:
        if not (character.isalnum() or character == " "):
            raise ValueError(f"press {character!r} with pilot.press, by its key name")
        pilot.app.post_message(events.Key("space" if character == " " else character, character))
    await pilot.pause()  # the app has passed every key on to the focused widget
    await pilot.pause()  # which has handled them


async def press_quickly(pilot: Pilot, *keys: str) -> None:
    """Press named keys (``"enter"``, ``"down"``, ``"backspace"``) as a co-host in a hurry
    does: all sent before the app has handled the first, then one wait for the screen.

    For keys the widget with the focus handles itself, in order; a key whose effect the
    next key depends on through another screen (a modal opening) goes through
    ``pilot.press``, which waits after each.
    """
    for key in keys:
        pilot.app.post_message(events.Key(key, None))
    await pilot.pause()  # the app has passed every key on to the focused widget
    await pilot.pause()  # which has handled them
