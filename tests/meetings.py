"""Building real meeting folders for tests (a real SQLite file under tmp_path)."""

from __future__ import annotations

import atexit
import secrets
import shutil
import tempfile
from pathlib import Path

from cafe.core.agenda import load_agenda, resolve_agenda
from cafe.core.clock import FakeClock
from cafe.core.service import MeetingService
from cafe.storage.folder import AGENDA_FILE, DB_FILE, create_meeting_folder, open_meeting

CHALLENGE = "ensamhet bland äldre"

_templates: dict[tuple[str, str], Path] = {}
"""Fresh meeting folders made once per test process, by shipped agenda and challenge."""


def _template(agenda: str, challenge: str) -> Path:
    """A fresh meeting folder made by ``cafe``'s own code, kept to be copied.

    Reading the agenda and creating the database (schema, fsyncs) is most of what a new
    meeting costs; hundreds of tests need one, so each process makes it once.
    """
    key = (agenda, challenge)
    if key not in _templates:
        root = Path(tempfile.mkdtemp(prefix="cafe-test-template-"))
        atexit.register(shutil.rmtree, root, ignore_errors=True)
        loaded = load_agenda(resolve_agenda(agenda)).with_meta(challenge=challenge)
        create_meeting_folder(root / "meeting", loaded).close()
        _templates[key] = root / "meeting"
    return _templates[key]


def _is_shipped_name(agenda: str) -> bool:
    """A shipped agenda's name (not a file a test wrote, which may differ each time)."""
    given = Path(agenda)
    return not given.is_file() and not given.is_dir()


def new_meeting(
    folder: Path,
    *,
    agenda: str = "idemote.sv",
    clock: FakeClock | None = None,
    challenge: str = CHALLENGE,
) -> MeetingService:
    """A fresh meeting folder from a shipped agenda, opened with a fake clock.

    The folder is a copy of a per-process template with its own new meeting token (the
    co-host's and the tables' tokens are made on first use, as in a real meeting), so
    no two meetings share a secret. A folder that is not empty, or an agenda file a
    test wrote, goes through ``create_meeting_folder`` itself, refusals included.
    """
    folder = Path(folder)
    if not _is_shipped_name(agenda) or (folder.exists() and any(folder.iterdir())):
        loaded = load_agenda(resolve_agenda(agenda)).with_meta(challenge=challenge)
        create_meeting_folder(folder, loaded).close()
        return open_meeting(folder, clock=clock or FakeClock())
    template = _template(agenda, challenge)
    folder.mkdir(parents=True, exist_ok=True)
    for name in (AGENDA_FILE, DB_FILE):
        shutil.copyfile(template / name, folder / name)
    service = open_meeting(folder, clock=clock or FakeClock())
    service.log.set_meta({"meeting_token": secrets.token_urlsafe(24)})  # type: ignore[attr-defined]
    return service
