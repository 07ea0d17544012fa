"""The co-hosts' console choices for one meeting (facilitator notes shown or hidden).

Kept in the meeting's own file, not in the user's home: the choice belongs to this
meeting's set-up (a mirrored projector or an extended display) and survives a restart.
They are settings, not events: they change nothing the meeting's log records.
"""

from __future__ import annotations

from cafe.core.service import MeetingService
from cafe.storage.sqlite_log import SqliteEventLog

_PREFIX = "console."


def read_setting(service: MeetingService, name: str) -> str | None:
    """A stored console choice, or ``None`` (never chosen, or a meeting without a file)."""
    log = service.log
    return log.get_meta(_PREFIX + name) if isinstance(log, SqliteEventLog) else None


def write_setting(service: MeetingService, name: str, value: str) -> None:
    """Remember a console choice for this meeting."""
    log = service.log
    if isinstance(log, SqliteEventLog):
        log.set_meta({_PREFIX + name: value})
