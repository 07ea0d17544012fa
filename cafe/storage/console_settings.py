"""The co-hosts' console choices for one meeting (facilitator notes shown or hidden).

Kept in the meeting's own file, not in the user's home: the choice belongs to this
meeting's set-up (a mirrored projector or an extended display) and survives a restart.
They are settings, not events: they change nothing the meeting's log records.
"""

from __future__ import annotations

import json

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


CAPTURE_DRAFT = "capture_draft"


def read_capture_draft(service: MeetingService) -> tuple[str, int | None] | None:
    """The idea being typed in capture when the program stopped, and its table."""
    raw = read_setting(service, CAPTURE_DRAFT)
    try:
        kept = json.loads(raw) if raw else None
    except ValueError:
        return None
    if not isinstance(kept, dict) or not str(kept.get("text", "")).strip():
        return None
    table = kept.get("table")
    return str(kept["text"]), table if isinstance(table, int) else None


def write_capture_draft(service: MeetingService, text: str, table: int | None) -> None:
    """Keep the line being typed (an empty one forgets it): a crash must not take it."""
    kept = json.dumps({"text": text, "table": table}) if text.strip() else ""
    write_setting(service, CAPTURE_DRAFT, kept)
