"""Export a whole meeting to TOML or JSON, and import it into a new folder.

The export holds the agenda and every event as they are stored (times, sequence numbers
and idempotency keys), so importing it gives a meeting whose state is identical. TOML has
no null: an event payload that holds one is written as a JSON string instead.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

import tomli
import tomli_w

from cafe import __version__
from cafe.core.agenda import agenda_from_dict, agenda_to_dict, load_agenda
from cafe.core.errors import DamagedEvent, Message, Problem, ValidationError
from cafe.core.event_rules import checked_events
from cafe.core.events import Event, EventKind
from cafe.core.nesting import too_deep
from cafe.core.service import MeetingService
from cafe.core.state import MeetingState, apply
from cafe.storage.folder import AGENDA_FILE, DB_FILE, create_meeting_folder, remove_meeting_files
from cafe.storage.sqlite_log import SqliteEventLog, shell_word

FORMAT = "cafe-meeting"
FORMAT_VERSION = 1
MAX_NESTING = 64
"""An export nests seven levels deep (a seating plan's seats); parsers recurse."""


def export_meeting(service: MeetingService) -> dict[str, Any]:
    """The meeting as plain data."""
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "cafe_version": __version__,
        "agenda": agenda_to_dict(service.agenda),
        "events": [e.to_dict() for e in service.events()],
    }


def salvage_meeting(folder: Path) -> tuple[dict[str, Any], list[DamagedEvent]]:
    """The export of a folder whose log holds damaged events: everything but those.

    For a log changed outside ``cafe`` (one bad byte, an unknown kind): what can be read
    and folded is kept, so the meeting can be imported into a new folder; the damaged
    events are returned to be named. The folder itself is only read.
    """
    folder = Path(folder)
    agenda = load_agenda(folder / AGENDA_FILE).filled()
    log = SqliteEventLog(folder / DB_FILE)
    damaged: list[DamagedEvent] = []
    try:
        readable = list(log.read(damaged=damaged))
    finally:
        log.close()
    state = MeetingState()
    kept: list[Event] = []
    for event in readable:
        try:
            apply(state, event)
        except (KeyError, TypeError, ValueError, AttributeError, IndexError):
            damaged.append(DamagedEvent(event.seq, "fold", shell_word(folder)))
            continue
        kept.append(event)
    data = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "cafe_version": __version__,
        "agenda": agenda_to_dict(agenda),
        "events": [e.to_dict() for e in kept],
    }
    return data, sorted(damaged, key=lambda error: error.seq)


def _has_none(value: Any) -> bool:
    if value is None:
        return True
    if isinstance(value, dict):
        return any(_has_none(v) for v in value.values())
    if isinstance(value, list):
        return any(_has_none(v) for v in value)
    return False


def dumps(data: dict[str, Any], fmt: str) -> str:
    """Serialise an export as ``json`` or ``toml``."""
    if fmt == "json":
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    events = []
    for event in data["events"]:
        if _has_none(event["data"]):
            event = {k: v for k, v in event.items() if k != "data"} | {
                "data_json": json.dumps(event["data"])
            }
        events.append(event)
    return tomli_w.dumps({**data, "events": events})


def loads(text: str, source: str) -> dict[str, Any]:
    """Parse an export written by ``dumps`` (format guessed from the text)."""
    stripped = text.lstrip()
    deep = too_deep(text, MAX_NESTING)
    if deep is not None:
        where = f"{source}:{deep[0]}:{deep[1]}"
        raise ValidationError([Problem.coded("exchange.too_deep", where=where, max=MAX_NESTING)])
    try:
        data = json.loads(text) if stripped.startswith("{") else tomli.loads(text)
    except RecursionError:  # a nesting the bracket count could not see
        raise ValidationError(
            [Problem.coded("exchange.too_deep", where=source, max=MAX_NESTING)]
        ) from None
    except json.JSONDecodeError as error:
        raise ValidationError(
            [
                Problem.coded(
                    "text.verbatim", where=f"{source}:{error.lineno}:{error.colno}", text=error.msg
                )
            ]
        ) from None
    except tomli.TOMLDecodeError as error:
        raise ValidationError(
            [Problem.coded("text.verbatim", where=source, text=str(error))]
        ) from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ValidationError([Problem.coded("exchange.not_export", where=source)])
    if int(data.get("format_version", 0)) > FORMAT_VERSION:
        raise ValidationError([Problem.coded("exchange.too_new", where=source)])
    for event in data.get("events", []):
        if isinstance(event, dict) and "data_json" in event:
            event["data"] = json.loads(event.pop("data_json"))
    return data


def _event_where(source: str, index: int, field: str, seq: object) -> Message:
    """``meeting.json: events[3].data.name (event number 4)``, in the reader's words."""
    return Message(
        "exchange.event_where", {"source": source, "index": index, "field": field, "seq": seq}
    )


def events_from_export(data: dict[str, Any], source: str) -> list[Event]:
    """The export's events, with every malformed one reported at once."""
    problems: list[Problem] = []
    events: list[Event] = []
    raw_events = data.get("events", [])
    if not isinstance(raw_events, list):
        raise ValidationError([Problem.coded("exchange.bad_event", where=f"{source}: events")])
    for index, raw in enumerate(raw_events):
        try:
            event = Event.from_dict(raw)
            if not isinstance(event.data, dict):
                raise TypeError
            events.append(event)
        except (KeyError, TypeError, ValueError, OverflowError):
            kind = raw.get("kind") if isinstance(raw, dict) else None
            known = isinstance(kind, str) and kind in set(EventKind)
            message = (
                Message("exchange.unknown_kind", {"kind": kind})
                if isinstance(kind, str) and not known
                else Message("exchange.bad_event")
            )
            seq = raw.get("seq", "?") if isinstance(raw, dict) else "?"
            problems.append(Problem(_event_where(source, index, "", seq), message))
    seqs = [e.seq for e in events]
    if seqs != sorted(seqs) or len(set(seqs)) != len(seqs):
        problems.append(Problem.coded("exchange.bad_order", where=f"{source}: events"))
    if problems:
        raise ValidationError(problems)
    return events


def import_meeting(data: dict[str, Any], folder: Path, source: str = "import") -> None:
    """Create ``folder`` as a copy of the exported meeting.

    Every event is checked against the service's rules first (``checked_events``): a file
    with one bad event is refused whole, before the folder is made.
    """
    agenda = agenda_from_dict(data.get("agenda", {}), f"{source}: agenda")
    events = checked_events(
        events_from_export(data, source),
        len(agenda.steps),
        lambda index, event, field: _event_where(source, index, field, event.seq),
    )
    folder = Path(folder)
    log = create_meeting_folder(folder, agenda)
    db = log.connection()
    try:
        db.execute("BEGIN IMMEDIATE")
        db.executemany(
            "INSERT INTO events(seq, at, kind, data, key) VALUES (?, ?, ?, ?, ?)",
            [
                (e.seq, e.at, str(e.kind), json.dumps(e.data, ensure_ascii=False), e.key)
                for e in events
            ],
        )
        db.execute("COMMIT")
    except sqlite3.Error as error:
        db.execute("ROLLBACK")
        log.close()
        remove_meeting_files(folder)
        raise ValidationError(
            [Problem.coded("exchange.bad_event_because", where=source, detail=str(error))]
        ) from None
    log.close()
