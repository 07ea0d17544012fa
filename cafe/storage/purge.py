"""Removing personal data from a meeting's store, for good.

The event log is append-only except here: GDPR's storage limitation outranks the log's
history. Names, e-mail addresses and phone numbers are blanked in every event that holds
them, in one transaction; the snapshots (folded copies of the same data) are dropped;
then ``secure_delete``, ``VACUUM`` and a truncating WAL checkpoint make sure no old page
keeps the bytes, in the database, its free pages or its write-ahead log. Organisations,
sectors, ideas, themes, sign-up counts and consent records stay: the anonymous record
the working group goes on with.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass

from cafe.core.events import EventKind
from cafe.storage.sqlite_log import SqliteEventLog, store_error

#: The fields of each kind of event that identify a person.
PERSONAL_FIELDS: dict[EventKind, frozenset[str]] = {
    EventKind.PARTICIPANT_ADDED: frozenset({"name", "email", "phone"}),
    EventKind.PARTICIPANT_CHANGED: frozenset({"name", "email", "phone"}),
    EventKind.SIGNED_UP: frozenset({"name", "email", "phone"}),
    EventKind.CHECKOUT_NOTED: frozenset({"author"}),
}


@dataclass(frozen=True, slots=True)
class PurgeCounts:
    """What a purge blanked, for the confirmation and the log."""

    participants: int
    signups: int
    events: int


def count_personal_data(log: SqliteEventLog) -> PurgeCounts:
    """How many people and sign-ups hold personal data now (nothing is changed)."""
    people: set[str] = set()
    signups: set[str] = set()
    events = 0
    for event in log.read():
        fields = PERSONAL_FIELDS.get(event.kind, frozenset())
        if any(event.data.get(name) for name in fields):
            events += 1
            if event.kind is EventKind.SIGNED_UP:
                signups.add(str(event.data.get("id")))
            elif event.kind is not EventKind.CHECKOUT_NOTED:
                people.add(str(event.data.get("id")))
    return PurgeCounts(len(people), len(signups), events)


def purge_personal_data(log: SqliteEventLog, at: float) -> PurgeCounts:
    """Blank every personal field in the log and scrub the file; returns what it blanked.

    All or nothing: a failure (disk full, read-only folder) rolls back and raises
    ``StoreError`` with the log as it was.
    """
    counts = count_personal_data(log)
    db = log.connection()
    try:
        db.execute("PRAGMA secure_delete=ON")
        db.execute("BEGIN IMMEDIATE")
        rows = db.execute("SELECT seq, kind, data FROM events").fetchall()
        for seq, kind, data in rows:
            fields = PERSONAL_FIELDS.get(EventKind(kind))
            if not fields:
                continue
            payload = json.loads(data)
            if not any(payload.get(name) for name in fields):
                continue
            for name in fields & payload.keys():
                payload[name] = ""
            db.execute(
                "UPDATE events SET data = ? WHERE seq = ?",
                (json.dumps(payload, ensure_ascii=False), seq),
            )
        db.execute("DELETE FROM snapshots")
        db.execute(
            "INSERT INTO events (at, kind, data) VALUES (?, ?, ?)",
            (
                at,
                str(EventKind.PERSONAL_DATA_PURGED),
                json.dumps(
                    {
                        "participants": counts.participants,
                        "signups": counts.signups,
                        "events": counts.events,
                    }
                ),
            ),
        )
        db.execute("COMMIT")
        db.execute("VACUUM")
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    except sqlite3.Error as error:
        if db.in_transaction:
            db.execute("ROLLBACK")
        raise store_error(error, log.path) from None
    return counts
