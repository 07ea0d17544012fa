"""One damaged event in meeting.db: every command says which one, and export saves the rest.

Before, one bad byte in an event's JSON, or an event of a kind this version does not know,
was a traceback on every command, export included, so nothing could be saved.
"""

from __future__ import annotations

import sqlite3
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from cafe.core.participants import PersonInput
from tests.cli_in_process import run_cafe
from tests.meetings import new_meeting

ROOT = Path(__file__).resolve().parents[2]


def cafe(*args: str) -> subprocess.CompletedProcess[str]:
    """``python -m cafe ARGS`` from the repository, run in this process (as quick)."""
    return run_cafe(*args, cwd=ROOT)


def _meeting(folder: Path) -> int:
    """A meeting of three people; returns the sequence number of the second one's event."""
    service = new_meeting(folder)
    service.add_participant(PersonInput("Åsa Öberg", "Röda Korset", "civil"))
    bo = service.add_participant(PersonInput("Bo Ek", "Kommunen", "public"))
    service.add_participant(PersonInput("Ce Al", "PRO", "civil"))
    service.next_step()
    service.capture_idea("Träffpunkt på biblioteket", table=1)
    seq = next(e.seq for e in service.events() if e.data.get("id") == bo.id)
    service.log.close()
    return seq


def _one_bad_byte(db: sqlite3.Connection, seq: int) -> None:
    (data,) = db.execute("SELECT data FROM events WHERE seq = ?", (seq,)).fetchone()
    db.execute("UPDATE events SET data = ? WHERE seq = ?", (data.replace(":", ";", 1), seq))


def _unknown_kind(db: sqlite3.Connection, seq: int) -> None:
    db.execute("UPDATE events SET kind = 'participant_teleported' WHERE seq = ?", (seq,))


def _no_name(db: sqlite3.Connection, seq: int) -> None:
    db.execute('UPDATE events SET data = \'{"id": "p2"}\' WHERE seq = ?', (seq,))


Damage = Callable[[sqlite3.Connection, int], None]


@pytest.mark.parametrize("damage", [_one_bad_byte, _unknown_kind, _no_name])
def test_a_damaged_event_is_named_and_export_saves_the_rest(tmp_path: Path, damage: Damage) -> None:
    folder = tmp_path / "möte"
    seq = _meeting(folder)
    with sqlite3.connect(folder / "meeting.db") as db:
        damage(db, seq)
    db.close()
    stored = (folder / "meeting.db").read_bytes()

    for command in (("people", "list"), ("qr",), ("run", "--no-server"), ("report",)):
        result = cafe(*command, str(folder), "--lang", "en")
        assert result.returncode == 1, (command, result.stdout, result.stderr)
        assert "Traceback" not in result.stderr, (command, result.stderr)
        assert f"event number {seq}" in result.stderr and "cafe export" in result.stderr, (
            command,
            result.stderr,
        )

    copy = tmp_path / "kopia.toml"
    exported = cafe("export", str(folder), "--out", str(copy), "--lang", "en")
    assert exported.returncode == 1, exported.stderr
    assert "Traceback" not in exported.stderr
    assert f"event number {seq}" in exported.stderr and str(copy) in exported.stderr
    assert copy.is_file()
    assert (folder / "meeting.db").read_bytes() == stored, "the damaged file is left as it was"

    restored = tmp_path / "återställt"
    imported = cafe("import", str(copy), str(restored))
    assert imported.returncode == 0, imported.stderr
    listed = cafe("people", "list", str(restored))
    assert listed.returncode == 0, listed.stderr
    assert "Åsa Öberg" in listed.stdout and "Ce Al" in listed.stdout
    assert "Bo Ek" not in listed.stdout


def test_the_message_reads_as_swedish(tmp_path: Path) -> None:
    folder = tmp_path / "möte"
    seq = _meeting(folder)
    with sqlite3.connect(folder / "meeting.db") as db:
        _one_bad_byte(db, seq)
    db.close()
    result = cafe("people", "list", str(folder), "--lang", "sv")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert f"händelse nummer {seq}" in result.stderr and "skadad" in result.stderr


def test_a_damaged_snapshot_is_only_a_cache(tmp_path: Path) -> None:
    folder = tmp_path / "möte"
    service = new_meeting(folder)
    service.add_participant(PersonInput("Åsa Öberg", "Röda Korset", "civil"))
    service.log.save_snapshot(service.state.last_seq, service.state.to_dict())  # type: ignore[attr-defined]
    service.log.close()  # type: ignore[attr-defined]
    with sqlite3.connect(folder / "meeting.db") as db:
        db.execute("UPDATE snapshots SET state = substr(state, 1, 40)")
    db.close()
    listed = cafe("people", "list", str(folder))
    assert listed.returncode == 0, listed.stderr
    assert "Åsa Öberg" in listed.stdout
