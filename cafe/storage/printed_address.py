"""The address printed on the table cards and codes, kept in the meeting's settings.

``cafe report --before`` and ``cafe qr --out`` record the base address they print
(``http://192.168.1.20:8765``), beside the tokens in the same codes. When the server later
serves from another address, the cards on the tables no longer open, and ``cafe run`` and
``cafe serve`` can say so at once instead of leaving the room to find out.
"""

from __future__ import annotations

from cafe.core.service import MeetingService
from cafe.storage.sqlite_log import SqliteEventLog

PRINTED_BASE_KEY = "printed_base"


def record_printed_base(service: MeetingService, base: str) -> None:
    """Remember ``base`` as the address on the latest printout."""
    log = service.log
    if isinstance(log, SqliteEventLog):
        log.set_meta({PRINTED_BASE_KEY: base.rstrip("/")})


def printed_base(service: MeetingService) -> str | None:
    """The address on the latest printout, or ``None`` if nothing has been printed."""
    log = service.log
    if not isinstance(log, SqliteEventLog):
        return None
    return log.get_meta(PRINTED_BASE_KEY)


def forget_printed_base(service: MeetingService) -> None:
    """A rehearsal's copy serves on loopback: its cards are the real meeting's, not its own."""
    log = service.log
    if isinstance(log, SqliteEventLog):
        log.set_meta({PRINTED_BASE_KEY: ""})
