"""The event log on a real SQLite file: durability, idempotency, errors."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from cafe.core.errors import StoreError
from cafe.core.events import Event, EventKind
from cafe.storage.folder import open_meeting, table_token
from cafe.storage.sqlite_log import SCHEMA_VERSION, SqliteEventLog
from tests.meetings import new_meeting


def _idea(i: int, key: str | None = None) -> Event:
    return Event(
        EventKind.IDEA_CAPTURED, {"id": f"i{i}", "text": f"idé {i} åäö"}, at=1000.0 + i, key=key
    )


def test_append_assigns_sequence_and_reads_back(tmp_path: Path) -> None:
    log = SqliteEventLog(tmp_path / "m.db", create=True)
    stored = log.append([_idea(1), _idea(2)])
    assert [e.seq for e in stored] == [1, 2]
    again = list(log.read())
    assert [(e.kind, e.data["text"], e.at) for e in again] == [
        (EventKind.IDEA_CAPTURED, "idé 1 åäö", 1001.0),
        (EventKind.IDEA_CAPTURED, "idé 2 åäö", 1002.0),
    ]
    assert [e.seq for e in log.read(after=1)] == [2]
    assert log.schema_version == SCHEMA_VERSION
    mode = log.connection().execute("PRAGMA journal_mode").fetchone()[0]
    assert mode == "wal"


def test_same_key_is_stored_once(tmp_path: Path) -> None:
    log = SqliteEventLog(tmp_path / "m.db", create=True)
    first = log.append([_idea(1, key="phone-abc")])[0]
    second = log.append([_idea(2, key="phone-abc")])[0]
    assert second.seq == first.seq
    assert second.data["id"] == "i1"
    assert log.count() == 1


def test_one_append_of_keyed_and_unkeyed_events_numbers_them_as_sqlite_would(
    tmp_path: Path,
) -> None:
    """Events without a key are inserted together: each still gets the seq SQLite gives
    (the highest + 1, also after the newest event was deleted), and a key repeated in the
    same append is stored once."""
    path = tmp_path / "m.db"
    log = SqliteEventLog(path, create=True)
    log.append([_idea(1), _idea(2), _idea(3)])
    log.connection().execute("DELETE FROM events WHERE seq = 3")  # as a purge may
    stored = log.append(
        [_idea(4), _idea(5, key="k"), _idea(6), _idea(7, key="k"), _idea(8)], after=2
    )
    assert [(e.seq, e.data["id"]) for e in stored] == [
        (3, "i4"),
        (4, "i5"),
        (5, "i6"),
        (4, "i5"),  # the repeated key: the event stored first in this append
        (6, "i8"),
    ]
    log.close()
    with sqlite3.connect(path) as db:
        rows = db.execute("SELECT seq, data, key FROM events ORDER BY seq").fetchall()
    assert [(seq, key) for seq, _, key in rows] == [
        (1, None),
        (2, None),
        (3, None),
        (4, "k"),
        (5, None),
        (6, None),
    ]
    assert rows[2][1] == '{"id": "i4", "text": "idé 4 åäö"}', "stored as json.dumps wrote it"


def test_an_append_that_fails_part_way_stores_none_of_it(tmp_path: Path) -> None:
    log = SqliteEventLog(tmp_path / "m.db", create=True)
    log.append([_idea(1)])
    log.connection().execute(
        "CREATE TRIGGER no_i3 BEFORE INSERT ON events "
        "WHEN json_extract(new.data, '$.id') = 'i3' "
        "BEGIN SELECT RAISE(ABORT, 'disk full'); END"
    )
    with pytest.raises(StoreError, match="disk full"):
        log.append([_idea(2), _idea(3), _idea(4, key="x"), _idea(5)])
    assert [e.data["id"] for e in log.read()] == ["i1"]
    assert [e.seq for e in log.append([_idea(6)])] == [2]


def test_an_event_that_is_not_json_leaves_the_log_usable(tmp_path: Path) -> None:
    """A programming error (data JSON cannot hold) is raised as it is, after the
    transaction is rolled back: the next append works and nothing of the bad one stays."""
    log = SqliteEventLog(tmp_path / "m.db", create=True)
    log.append([_idea(1)])
    bad = Event(EventKind.IDEA_CAPTURED, {"id": "i2", "text": object()}, 0.0)
    with pytest.raises(TypeError):
        log.append([_idea(3), bad])
    assert [e.seq for e in log.append([_idea(4)])] == [2]
    assert [e.data["id"] for e in log.read()] == ["i1", "i4"]


def test_missing_database_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="cafe new"):
        SqliteEventLog(tmp_path / "nothing.db")


def test_newer_schema_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "m.db"
    SqliteEventLog(path, create=True).close()
    with sqlite3.connect(path) as db:
        db.execute(f"PRAGMA user_version={SCHEMA_VERSION + 5}")
    with pytest.raises(StoreError, match="nyare version"):
        SqliteEventLog(path)


def test_not_a_database_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "m.db"
    path.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError, match="skadad"):
        SqliteEventLog(path)


WORKER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from cafe.core.events import Event, EventKind
    from cafe.storage.sqlite_log import SqliteEventLog

    log = SqliteEventLog(Path(sys.argv[1]), create=True)
    i = 0
    while True:
        i += 1
        event = Event(EventKind.IDEA_CAPTURED, {"id": f"i{i}", "text": "x" * (i % 300)}, at=float(i))
        stored = log.append([event])[0]
        print(stored.seq, stored.data["id"], flush=True)
    """
)


@pytest.mark.parametrize("kill_after", [1, 57, 400])
def test_acknowledged_events_survive_sigkill(tmp_path: Path, kill_after: int) -> None:
    """A writer killed mid-stream loses nothing it had acknowledged."""
    path = tmp_path / "m.db"
    worker = subprocess.Popen(
        [sys.executable, "-c", WORKER, str(path)],
        stdout=subprocess.PIPE,
        text=True,
        cwd=Path(__file__).resolve().parents[2],
    )
    acknowledged: dict[int, str] = {}
    assert worker.stdout is not None
    for line in worker.stdout:
        seq, idea_id = line.split()
        acknowledged[int(seq)] = idea_id
        if len(acknowledged) >= kill_after:
            os.kill(worker.pid, signal.SIGKILL)
            break
    worker.wait(timeout=10)
    assert worker.returncode == -signal.SIGKILL

    log = SqliteEventLog(path)
    stored = {e.seq: e.data["id"] for e in log.read()}
    assert log.connection().execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    for seq, idea_id in acknowledged.items():
        assert stored.get(seq) == idea_id
    assert sorted(stored) == list(range(1, len(stored) + 1)), "no gaps, no duplicates"


def test_migrations_run_in_order_and_keep_events(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A database made by this version is upgraded in place by the next one."""
    import cafe.storage.sqlite_log as module

    path = tmp_path / "m.db"
    SqliteEventLog(path, create=True).append([_idea(1)])
    monkeypatch.setattr(module, "SCHEMA_VERSION", SCHEMA_VERSION + 1)
    monkeypatch.setattr(
        module, "MIGRATIONS", (*module.MIGRATIONS, "ALTER TABLE events ADD COLUMN note TEXT")
    )
    log = SqliteEventLog(path)
    assert log.schema_version == SCHEMA_VERSION + 1
    columns = [row[1] for row in log.connection().execute("PRAGMA table_info(events)")]
    assert "note" in columns
    assert [e.data["id"] for e in log.read()] == ["i1"]


def test_two_programs_making_a_table_token_agree_on_one(tmp_path: Path) -> None:
    """``cafe qr --table 3`` beside ``cafe run``: both print the code that works."""
    folder = tmp_path / "möte"
    running = new_meeting(folder)
    beside = open_meeting(folder)
    assert running.log.get_meta("table_token:3") is None  # both see no token yet
    made_beside = table_token(beside, 3)
    late = running.log.meta_default("table_token:3", "a-token-made-a-moment-later")
    assert late == made_beside
    assert table_token(running, 3) == made_beside
    assert table_token(running, 4) != made_beside
    running.log.close()
    beside.log.close()
