"""The event log in SQLite: WAL mode, one transaction per command, fsync on commit.

An event is acknowledged only after its transaction commits with ``synchronous=FULL``,
so an acknowledged event survives ``kill -9`` and a power cut. Snapshots of the folded
state are kept beside the log so that opening a long meeting does not replay everything.
"""

from __future__ import annotations

import contextlib
import json
import os
import shlex
import sqlite3
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any
from urllib.parse import quote

from cafe.core.errors import DamagedEvent, StoreConflict, StoreError
from cafe.core.events import Event, EventKind
from cafe.i18n import t

SCHEMA_VERSION = 1

_JSON = json.JSONEncoder(ensure_ascii=False)
"""What ``json.dumps(..., ensure_ascii=False)`` makes, without a new encoder for each event."""

#: ``MIGRATIONS[n]`` takes a database from user_version n to n + 1.
MIGRATIONS: tuple[str, ...] = (
    """
    CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;
    CREATE TABLE events (
        seq  INTEGER PRIMARY KEY,
        at   REAL NOT NULL,
        kind TEXT NOT NULL,
        data TEXT NOT NULL,
        key  TEXT UNIQUE
    ) STRICT;
    CREATE TABLE snapshots (seq INTEGER PRIMARY KEY, state TEXT NOT NULL) STRICT;
    """,
)


def store_error(error: sqlite3.Error, path: Path) -> StoreError:
    """Turn SQLite's wording into a message a facilitator can act on."""
    text = str(error).lower()
    if "full" in text:
        key = "store.disk_full"
    elif "readonly" in text or "read-only" in text:
        key = "store.read_only"
    elif "unable to open" in text or "cannot open" in text:
        key = "store.cannot_open"
    elif "not a database" in text or "malformed" in text:
        key = "store.corrupt"
    elif "locked" in text or "busy" in text:
        key = "store.locked"
    else:
        key = "store.failed"
    return StoreError(f"{path}: {t(key, detail=str(error))}")


def _writable(path: Path) -> bool:
    """Whether SQLite may write ``path`` and make its ``-wal``/``-shm`` files beside it."""
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)


def _open_read_only(path: Path) -> sqlite3.Connection:
    """A connection that never writes to ``path`` or its folder.

    ``mode=ro`` still needs a ``-shm`` file beside a WAL database; in a folder that
    cannot be written and has none, the file is read as ``immutable`` (nobody can change
    it there). Never with a ``-wal`` file holding events: ``immutable`` would not see
    them, and a report without the last events is worse than a clear refusal.
    """
    uri = f"file:{quote(str(path.resolve()))}"
    try:
        db = sqlite3.connect(f"{uri}?mode=ro", uri=True, isolation_level=None)
        db.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return db
    except sqlite3.Error as error:
        wal = path.with_name(path.name + "-wal")
        if wal.exists() and wal.stat().st_size > 0:
            raise StoreError(f"{path}: {t('store.read_only_wal', wal=wal.name)}") from None
        first = error
    try:
        db = sqlite3.connect(f"{uri}?mode=ro&immutable=1", uri=True, isolation_level=None)
        db.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return db
    except sqlite3.Error:
        raise store_error(first, path) from None


def damaged(path: Path, what: str) -> str:
    """The message for a meeting file that is there but holds no meeting (``what`` says why)."""
    return f"{path}: {t('store.damaged', what=t(f'store.damaged_what.{what}'))}"


class SqliteEventLog:
    """An append-only event log in one SQLite file; the only writer of a meeting."""

    def __init__(self, path: Path, *, create: bool = False) -> None:
        self.path = Path(path)
        if not create and not self.path.exists():
            raise StoreError(f"{self.path}: {t('store.missing')}")
        if not create and self.path.is_file() and self.path.stat().st_size == 0:
            raise StoreError(damaged(self.path, "empty"))
        self.read_only = not create and not _writable(self.path)
        """Opened for reading only: the folder or the file cannot be written (an archived
        meeting, a share the officer may only read). Reports and exports work; a write
        is refused with the read-only message."""
        if self.read_only:
            self._db = _open_read_only(self.path)
            self._refuse_without_schema()
            if self.schema_version < SCHEMA_VERSION:  # an update it cannot store
                self._db.close()
                raise StoreError(f"{self.path}: {t('store.read_only')}")
            return
        try:
            self._db = sqlite3.connect(self.path, isolation_level=None, timeout=5.0)
            if not create:
                self._refuse_without_schema()
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=FULL")
            self._db.execute("PRAGMA foreign_keys=ON")
            self._migrate()
        except sqlite3.Error as error:
            if not os.access(self.path.parent, os.W_OK):
                # SQLite only says "unable to open": the folder (or its disk) is read-only.
                raise StoreError(f"{self.path}: {t('store.read_only', detail=error)}") from None
            raise store_error(error, self.path) from None

    # -- schema --------------------------------------------------------------

    def _refuse_without_schema(self) -> None:
        """An existing file that holds no meeting is damaged, never a new meeting.

        Migrating it would make an empty meeting under the old name, so the printed codes
        and everything that happened would silently be gone; only ``cafe new`` creates.
        """
        version = self._db.execute("PRAGMA user_version").fetchone()[0]
        tables = {
            row[0] for row in self._db.execute("SELECT name FROM sqlite_master WHERE type='table'")
        }
        if version < 1 or not {"meta", "events", "snapshots"} <= tables:
            self._db.close()
            raise StoreError(damaged(self.path, "no_schema"))

    def _migrate(self) -> None:
        version = self._db.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise StoreError(f"{self.path}: {t('store.too_new', version=version)}")
        for number in range(version, SCHEMA_VERSION):
            self._db.execute("BEGIN IMMEDIATE")
            try:
                for statement in MIGRATIONS[number].split(";"):
                    if statement.strip():
                        self._db.execute(statement)
                self._db.execute(f"PRAGMA user_version={number + 1}")
                self._db.execute("COMMIT")
            except BaseException:
                self._db.execute("ROLLBACK")
                raise

    @property
    def schema_version(self) -> int:
        return int(self._db.execute("PRAGMA user_version").fetchone()[0])

    # -- meta ------------------------------------------------------------------

    def get_meta(self, key: str) -> str | None:
        row = self._db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return None if row is None else str(row[0])

    def meta_with_prefix(self, prefix: str) -> dict[str, str]:
        """Every setting whose key starts with ``prefix`` (the tables' tokens, say)."""
        rows = self._db.execute(
            "SELECT key, value FROM meta WHERE substr(key, 1, ?) = ?", (len(prefix), prefix)
        ).fetchall()
        return {str(key): str(value) for key, value in rows}

    def set_meta(self, values: dict[str, str]) -> None:
        """Store settings (tokens, creation info) atomically."""
        try:
            self._db.execute("BEGIN IMMEDIATE")
            self._db.executemany(
                "INSERT INTO meta(key, value) VALUES (?, ?) "
                "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                list(values.items()),
            )
            self._db.execute("COMMIT")
        except sqlite3.Error as error:
            self._rollback()
            raise store_error(error, self.path) from None

    def meta_default(self, key: str, value: str) -> str:
        """The stored setting ``key``, storing ``value`` first if there is none.

        One transaction, so two programs making the same token at once (``cafe qr`` beside
        ``cafe run``) agree on one: the first to commit wins, the other reads it back.
        """
        try:
            self._db.execute("BEGIN IMMEDIATE")
            self._db.execute(
                "INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO NOTHING",
                (key, value),
            )
            row = self._db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
            self._db.execute("COMMIT")
        except sqlite3.Error as error:
            self._rollback()
            raise store_error(error, self.path) from None
        return str(row[0])

    # -- events ----------------------------------------------------------------

    def append(self, events: Sequence[Event], *, after: int | None = None) -> list[Event]:
        """Store ``events`` in one transaction and return them with their ``seq``.

        An event whose ``key`` is already stored is not stored again; the stored one is
        returned in its place (a resent phone submission is one record). Either all new
        events are stored or none is. With ``after``, the writer says the newest event it
        has seen; if the log has newer ones (another program wrote), nothing is stored
        and ``StoreConflict`` is raised.
        """
        stored: list[Event] = []
        try:
            self._db.execute("BEGIN IMMEDIATE")
            newest = self._db.execute("SELECT coalesce(max(seq), 0) FROM events").fetchone()[0]
            if after is not None and newest != after:
                self._rollback()
                raise StoreConflict(f"{self.path}: {newest} != {after}")
            # New events not inserted yet: inserted together (an import's 100,000 people
            # went in one by one), before a key is looked up and at the end.
            rows: list[tuple[int, float, str, str, str | None]] = []
            for event in events:
                if event.key is not None:
                    self._insert(rows)
                    row = self._db.execute(
                        "SELECT seq, at, kind, data, key FROM events WHERE key = ?", (event.key,)
                    ).fetchone()
                    if row is not None:
                        stored.append(_row_event(row, self.path.parent))
                        continue
                # The number SQLite would give it (the highest one + 1), given here so that
                # rows inserted together still say which seq each event has.
                newest += 1
                rows.append(
                    (newest, event.at, str(event.kind), _JSON.encode(event.data), event.key)
                )
                stored.append(Event(event.kind, event.data, event.at, newest, event.key))
            self._insert(rows)
            self._db.execute("COMMIT")
        except sqlite3.Error as error:
            self._rollback()
            raise store_error(error, self.path) from None
        except BaseException:  # data that is not JSON, an interrupt: the log stays usable
            self._rollback()
            raise
        return stored

    def _insert(self, rows: list[tuple[int, float, str, str, str | None]]) -> None:
        """Insert ``rows`` (seq, at, kind, data, key) in one statement and empty the list."""
        if rows:
            self._db.executemany(
                "INSERT INTO events(seq, at, kind, data, key) VALUES (?, ?, ?, ?, ?)", rows
            )
            rows.clear()

    def find_key(self, key: str) -> Event | None:
        """The stored event with this idempotency key, if any."""
        row = self._db.execute(
            "SELECT seq, at, kind, data, key FROM events WHERE key = ?", (key,)
        ).fetchone()
        return None if row is None else _row_event(row, self.path.parent)

    def read(self, after: int = 0, *, damaged: list[DamagedEvent] | None = None) -> Iterator[Event]:
        """Every event with ``seq > after``, in order.

        An event that cannot be read (changed outside ``cafe``) raises ``DamagedEvent``
        naming it; with a ``damaged`` list it is added there and skipped, so what is
        intact can still be exported.
        """
        try:
            cursor = self._db.execute(
                "SELECT seq, at, kind, data, key FROM events WHERE seq > ? ORDER BY seq", (after,)
            )
            for row in cursor:
                try:
                    yield _row_event(row, self.path.parent)
                except DamagedEvent as error:
                    if damaged is None:
                        raise
                    damaged.append(error)
        except sqlite3.Error as error:
            raise store_error(error, self.path) from None

    def count(self) -> int:
        return int(self._db.execute("SELECT count(*) FROM events").fetchone()[0])

    # -- snapshots ---------------------------------------------------------------

    def latest_snapshot(self) -> tuple[int, dict[str, Any]] | None:
        """The newest snapshot; a damaged one is ignored (it is a cache of the events)."""
        row = self._db.execute(
            "SELECT seq, state FROM snapshots ORDER BY seq DESC LIMIT 1"
        ).fetchone()
        if row is None:
            return None
        try:
            state = json.loads(row[1])
        except (ValueError, TypeError):
            return None
        return (int(row[0]), state) if isinstance(state, dict) else None

    def save_snapshot(self, seq: int, state: dict[str, Any]) -> None:
        """Keep one snapshot: it is a cache, so a failure to write it is not fatal."""
        try:
            self._db.execute("BEGIN IMMEDIATE")
            self._db.execute("DELETE FROM snapshots")
            self._db.execute(
                "INSERT INTO snapshots(seq, state) VALUES (?, ?)",
                (seq, _JSON.encode(state)),
            )
            self._db.execute("COMMIT")
        except sqlite3.Error:
            self._rollback()

    def drop_snapshots(self) -> None:
        self._db.execute("DELETE FROM snapshots")

    # -- housekeeping --------------------------------------------------------------

    def _rollback(self) -> None:
        with contextlib.suppress(sqlite3.Error):
            if self._db.in_transaction:
                self._db.execute("ROLLBACK")

    def connection(self) -> sqlite3.Connection:
        """The raw connection, for maintenance that rewrites history (purge)."""
        return self._db

    def close(self) -> None:
        with contextlib.suppress(sqlite3.Error):
            self._db.close()


def _row_event(row: tuple[Any, ...], folder: Path) -> Event:
    """One stored row as an event; ``DamagedEvent`` if it was changed outside ``cafe``."""
    seq, at, kind, data, key = row
    try:
        event_kind = EventKind(kind)
    except ValueError:
        raise DamagedEvent(int(seq), "kind", shell_word(folder)) from None
    try:
        payload = json.loads(data)
    except (ValueError, TypeError):
        raise DamagedEvent(int(seq), "json", shell_word(folder)) from None
    if not isinstance(payload, dict):
        raise DamagedEvent(int(seq), "json", shell_word(folder))
    return Event(event_kind, payload, float(at), int(seq), key)


def shell_word(path: Path) -> str:
    """``path`` as it can be pasted into a shell command in a message."""
    return shlex.quote(str(path))
