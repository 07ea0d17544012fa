"""Building real meeting folders for tests (a real SQLite file under tmp_path)."""

from __future__ import annotations

from pathlib import Path

from cafe.core.agenda import load_agenda, resolve_agenda
from cafe.core.clock import FakeClock
from cafe.core.service import MeetingService
from cafe.storage.folder import create_meeting_folder, open_meeting

CHALLENGE = "ensamhet bland äldre"


def new_meeting(
    folder: Path,
    *,
    agenda: str = "idemote.sv",
    clock: FakeClock | None = None,
    challenge: str = CHALLENGE,
) -> MeetingService:
    """A fresh meeting folder from a shipped agenda, opened with a fake clock."""
    loaded = load_agenda(resolve_agenda(agenda)).with_meta(challenge=challenge)
    create_meeting_folder(folder, loaded).close()
    return open_meeting(folder, clock=clock or FakeClock())
