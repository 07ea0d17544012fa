"""A meeting folder whose database is empty, has no schema or lost its token is damaged.

Only ``cafe new`` makes a meeting: opening a 0-byte ``meeting.db`` must never quietly
start a new, empty meeting with a new token (every printed QR code would stop working).
"""

from __future__ import annotations

import sqlite3
import subprocess
from pathlib import Path

import pytest

from cafe.core.participants import PersonInput
from tests.cli_in_process import run_cafe
from tests.meetings import new_meeting

ROOT = Path(__file__).resolve().parents[2]


def cafe(*args: str) -> subprocess.CompletedProcess[str]:
    """``python -m cafe ARGS`` from the repository, run in this process (as quick)."""
    return run_cafe(*args, cwd=ROOT)


def _emptied(folder: Path) -> None:
    (folder / "meeting.db").write_bytes(b"")


def _without_schema(folder: Path) -> None:
    db = folder / "meeting.db"
    db.unlink()
    with sqlite3.connect(db) as made:  # a real SQLite file, but not a meeting's
        made.execute("CREATE TABLE notes (text TEXT)")
    made.close()


def _without_token(folder: Path) -> None:
    with sqlite3.connect(folder / "meeting.db") as db:
        db.execute("DELETE FROM meta WHERE key = 'meeting_token'")
    db.close()


@pytest.mark.parametrize("damage", [_emptied, _without_schema, _without_token])
@pytest.mark.parametrize("command", ["qr", "export", "people list", "run"])
def test_a_damaged_database_is_reported_and_never_replaced(
    tmp_path: Path, damage: object, command: str
) -> None:
    folder = tmp_path / "möte"
    new_meeting(folder).log.close()
    damage(folder)  # type: ignore[operator]
    before = {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}

    result = cafe(*command.split(), str(folder), "--lang", "en")

    assert result.returncode == 1, (result.stdout, result.stderr)
    assert "Traceback" not in result.stderr
    assert "damaged" in result.stderr and "cafe import" in result.stderr, result.stderr
    assert str(folder / "meeting.db") in result.stderr
    after = {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}
    assert after.get("meeting.db") == before["meeting.db"], "the damaged file was changed"
    assert set(after) - {"meeting.lock"} == set(before), "files were made beside it"


def test_the_damaged_message_reads_as_swedish(tmp_path: Path) -> None:
    folder = tmp_path / "möte"
    new_meeting(folder).log.close()
    _emptied(folder)
    result = cafe("qr", str(folder), "--lang", "sv")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "skadad" in result.stderr and "cafe import" in result.stderr, result.stderr


def test_a_folder_without_its_token_can_still_be_exported_and_imported(tmp_path: Path) -> None:
    folder = tmp_path / "möte"
    service = new_meeting(folder)
    service.add_participant(PersonInput("Åsa Öberg", "Röda Korset", "civil"))
    service.log.close()
    _without_token(folder)
    copy = tmp_path / "kopia.toml"
    exported = cafe("export", str(folder), "--out", str(copy), "--lang", "en")
    assert exported.returncode == 1 and "Traceback" not in exported.stderr
    assert "damaged" in exported.stderr and "cafe export" in exported.stderr
    imported = cafe("import", str(copy), str(tmp_path / "ny"))
    assert imported.returncode == 0, imported.stderr
    listed = cafe("people", "list", str(tmp_path / "ny"))
    assert listed.returncode == 0 and "Åsa Öberg" in listed.stdout
