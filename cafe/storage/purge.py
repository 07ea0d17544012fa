"""Removing personal data from a meeting's store, for good.

The event log is append-only except here: GDPR's storage limitation outranks the log's
history. Names, e-mail addresses and phone numbers are blanked in every event that holds
them, and masked where people typed them into free text (ideas, check-out thoughts, theme
names, an organisation named after its owner), in one transaction; the snapshots (folded copies of the same data) are dropped;
then ``secure_delete``, ``VACUUM`` and a truncating WAL checkpoint make sure no old page
keeps the bytes, in the database, its free pages or its write-ahead log. Organisations,
sectors, ideas, themes, sign-up counts and consent records stay: the anonymous record
the working group goes on with.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass

from cafe.core.errors import StoreError
from cafe.core.events import EventKind
from cafe.core.personal_data import PERSONAL_FIELDS, PersonalData, cleared, personal_data
from cafe.i18n import t
from cafe.storage.sqlite_log import SqliteEventLog, store_error

__all__ = ["PERSONAL_FIELDS", "PurgeCounts", "count_personal_data", "purge_personal_data"]


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


def purge_personal_data(
    log: SqliteEventLog, at: float, found: PersonalData | None = None
) -> PurgeCounts:
    """Blank every personal field, mask free text, and scrub the file; returns the counts.

    ``found`` is what to mask in free text (``personal_data`` of the log by default). All
    or nothing: a failure (disk full, read-only folder) rolls back and raises
    ``StoreError`` with the log as it was. A checkpoint that another reader keeps from
    finishing is a ``StoreError`` too: the old pages would still be in ``meeting.db``.
    """
    counts = count_personal_data(log)
    found = found if found is not None else personal_data(log.read())
    db = log.connection()
    try:
        db.execute("PRAGMA secure_delete=ON")
        db.execute("BEGIN IMMEDIATE")
        for event in list(log.read()):
            payload = cleared(event, found)
            if payload is None:
                continue
            db.execute(
                "UPDATE events SET data = ? WHERE seq = ?",
                (json.dumps(payload, ensure_ascii=False), event.seq),
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
        busy, _, _ = db.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    except sqlite3.Error as error:
        if db.in_transaction:
            db.execute("ROLLBACK")
        raise store_error(error, log.path) from None
    if busy:
        raise StoreError(f"{log.path}: {t('cli.purge.checkpoint_busy')}")
    return counts
