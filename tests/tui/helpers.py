"""Helpers for the TUI tests: real meeting folders, a fake clock, a fake phone server."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

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
