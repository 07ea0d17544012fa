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
CHECKOUT_DRAFT = "checkout_draft"


def _read_draft(service: MeetingService, name: str) -> dict[str, object] | None:
    """A kept draft with text in it, or ``None`` (none, empty, or not readable)."""
    raw = read_setting(service, name)
    try:
        kept = json.loads(raw) if raw else None
    except ValueError:
        return None
    if not isinstance(kept, dict) or not str(kept.get("text", "")).strip():
        return None
    return kept


def read_capture_draft(service: MeetingService) -> tuple[str, int | None] | None:
    """The idea being typed in capture when the program stopped, and its table."""
    kept = _read_draft(service, CAPTURE_DRAFT)
    if kept is None:
        return None
    table = kept.get("table")
    return str(kept["text"]), table if isinstance(table, int) else None


def write_capture_draft(service: MeetingService, text: str, table: int | None) -> None:
    """Keep the line being typed (an empty one forgets it): a crash must not take it."""
    kept = json.dumps({"text": text, "table": table}) if text.strip() else ""
    write_setting(service, CAPTURE_DRAFT, kept)


def read_checkout_draft(service: MeetingService) -> tuple[str, str] | None:
    """The check-out thought being typed at the laptop when the program stopped, and who
    said it."""
    kept = _read_draft(service, CHECKOUT_DRAFT)
    return None if kept is None else (str(kept["text"]), str(kept.get("author") or ""))


def write_checkout_draft(service: MeetingService, text: str, author: str) -> None:
    """Keep the thought being typed (an empty one forgets it): at check-out the room is
    leaving, and what someone said cannot be asked again after a crash."""
    kept = json.dumps({"text": text, "author": author}) if text.strip() else ""
    write_setting(service, CHECKOUT_DRAFT, kept)
