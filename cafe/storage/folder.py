"""The meeting folder: ``agenda.toml`` (human-editable) beside ``meeting.db`` (the log).

The agenda is the plan and stays a file the co-hosts can read and edit; everything that
happens is in the database. Opening a folder loads both and hands back the service.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import stat
import tempfile
from pathlib import Path

from cafe.core.agenda import Agenda, load_agenda
from cafe.core.clock import Clock
from cafe.core.errors import CafeError, DamagedEvent, StoreError
from cafe.core.service import MeetingService
from cafe.i18n import t
from cafe.storage.sqlite_log import SqliteEventLog, damaged, shell_word


def _new_token() -> str:
    """A secret for a link (what the QR codes carry)."""
    import secrets  # with hashlib and hmac: only when a token is made, not to open a meeting

    return secrets.token_urlsafe(24)


AGENDA_FILE = "agenda.toml"
DB_FILE = "meeting.db"
COHOST_TOKEN_KEY = "cohost_token"
"""The ``meta`` key of the co-host console's token (``/c/{token}/``)."""


class TokenMissing(StoreError):
    """The meeting's token is gone from ``meeting.db``; its events may still be whole.

    Opening it would need a new token (every printed code would stop working), so it is
    refused; ``cafe export`` still saves the events, to import into a new folder.
    """


def write_atomically(path: Path, text: str) -> None:
    """Write ``text`` so that ``path`` is either the old file or the whole new one."""
    handle, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def close_to_others(folder: Path) -> None:
    """Take group and other permissions off the meeting folder and everything in it.

    A folder made before ``cafe`` set its umask (or copied with a permissive one) may be
    readable by every account on the laptop. Bits are only ever removed, so a folder
    made read-only on purpose stays read-only; symbolic links are left alone, as chmod
    would follow them out of the folder; where the mode cannot be changed (another
    owner, a read-only disk), it stays as it is.
    """
    for path in (folder, *folder.rglob("*")):
        try:
            info = path.lstat()
            if not stat.S_ISLNK(info.st_mode) and info.st_mode & 0o077:
                path.chmod(stat.S_IMODE(info.st_mode) & ~0o077)
        except OSError:
            continue


REHEARSAL_PREFIX = "cafe-rehearsal-"
"""``cafe rehearse`` works on a copy in a temporary folder named like this."""

REHEARSAL_REPORT = "rehearsal-report"
"""Where in the real meeting folder ``cafe rehearse`` keeps the report its copy wrote:
the copy is deleted, and the co-hosts rehearse to see what the report will look like.
In the folder, ``cafe purge`` finds it like any other file holding a name."""


def rehearsal_copies(token: str) -> list[Path]:
    """Copies of the meeting with this token that ``cafe rehearse`` left behind.

    A rehearsal deletes its copy when it ends; one that crashed, or was killed, leaves it
    in the temporary folder, with every name in it. A copy is recognised by its token.
    """
    found: list[Path] = []
    if not token:
        return found
    for db in sorted(Path(tempfile.gettempdir()).glob(f"{REHEARSAL_PREFIX}*/*/{DB_FILE}")):
        try:
            log = SqliteEventLog(db)
        except CafeError:
            continue
        try:
            if log.get_meta("meeting_token") == token:
                found.append(db.parent)
        except sqlite3.Error:
            pass
        finally:
            log.close()
    return found


def _prepare_new_folder(folder: Path) -> None:
    if (folder / DB_FILE).exists():
        raise StoreError(f"{folder}: {t('store.exists')}")
    if folder.exists() and any(folder.iterdir()):
        raise StoreError(f"{folder}: {t('store.not_empty')}")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise StoreError(f"{folder}: {error.strerror}") from None


def create_meeting_folder(folder: Path, agenda: Agenda) -> SqliteEventLog:
    """Make a new meeting folder for ``agenda``; nothing is left behind on failure."""
    from cafe.core.agenda import dump_agenda  # the TOML writer: not to open a meeting

    folder = Path(folder)
    existed = folder.exists()
    _prepare_new_folder(folder)
    try:
        close_to_others(folder)
        write_atomically(folder / AGENDA_FILE, dump_agenda(agenda))
        log = SqliteEventLog(folder / DB_FILE, create=True)
        log.set_meta({"meeting_token": _new_token()})
        return log
    except BaseException:
        remove_meeting_files(folder, keep_folder=existed)
        raise


def remove_meeting_files(folder: Path, *, keep_folder: bool = True) -> None:
    """Undo a half-made meeting folder (only files ``cafe`` itself creates)."""
    for name in (AGENDA_FILE, DB_FILE, f"{DB_FILE}-wal", f"{DB_FILE}-shm", f"{DB_FILE}-journal"):
        (folder / name).unlink(missing_ok=True)
    if not keep_folder:
        shutil.rmtree(folder, ignore_errors=True)


def open_meeting(folder: Path, clock: Clock | None = None) -> MeetingService:
    """The service for an existing meeting folder."""
    folder = Path(folder)
    if not folder.is_dir():
        raise CafeError(f"{folder}: {t('store.missing')}")
    close_to_others(folder)
    agenda = load_agenda(folder / AGENDA_FILE).filled()
    log = SqliteEventLog(folder / DB_FILE)
    if log.get_meta("meeting_token") is None:
        log.close()  # a new token would silently kill every printed code
        raise TokenMissing(damaged(folder / DB_FILE, "no_token"))
    try:
        service = MeetingService(agenda, log, clock)
    except DamagedEvent as error:
        log.close()
        raise DamagedEvent(error.seq, error.detail, shell_word(folder)) from None
    service.folder = folder  # type: ignore[attr-defined]
    return service


def meeting_token(service: MeetingService) -> str:
    """The meeting's secret URL token (made only by ``cafe new``, so printed QR codes keep working)."""
    log = service.log
    assert isinstance(log, SqliteEventLog)
    token = log.get_meta("meeting_token")
    if token is None:
        raise StoreError(damaged(log.path, "no_token"))
    return token


TABLE_TOKEN_PREFIX = "table_token:"


def table_token(service: MeetingService, table: int) -> str:
    """A table's own secret token for its host's idea page (made on first use)."""
    log = service.log
    assert isinstance(log, SqliteEventLog)
    key = f"{TABLE_TOKEN_PREFIX}{table}"
    return log.get_meta(key) or log.meta_default(key, _new_token())


def table_tokens(service: MeetingService) -> dict[int, str]:
    """Every table token made so far, by table number (as the web server reads them)."""
    log = service.log
    assert isinstance(log, SqliteEventLog)
    tokens: dict[int, str] = {}
    for key, value in log.meta_with_prefix(TABLE_TOKEN_PREFIX).items():
        number = key[len(TABLE_TOKEN_PREFIX) :]
        if number.isdigit():
            tokens[int(number)] = value
    return tokens


def cohost_token(service: MeetingService) -> str:
    """The co-host console's secret token (made on first use; 192 random bits).

    Whoever holds it can run the meeting from a phone, so it is its own token: the
    meeting's and the tables' tokens, which hang on the walls, never open the console.
    """
    log = service.log
    assert isinstance(log, SqliteEventLog)
    return log.get_meta(COHOST_TOKEN_KEY) or log.meta_default(COHOST_TOKEN_KEY, _new_token())


def new_cohost_token(service: MeetingService) -> str:
    """Replace the co-host console's token: the old code stops working at once.

    A running server reads the stored token on every console request, so this works
    from another process (``cafe qr DIR --cohost --new`` beside ``cafe run``).
    """
    log = service.log
    assert isinstance(log, SqliteEventLog)
    token = _new_token()
    log.set_meta({COHOST_TOKEN_KEY: token})
    return token
