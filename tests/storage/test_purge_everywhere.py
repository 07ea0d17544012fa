"""`cafe purge` cleans every file in the folder, or refuses; it never claims success early.

Reproduces issue 16 row 5: exports and reports saved under other names kept every name;
rehearsal copies kept them; with another process reading meeting.db the purged copy sat
only in the WAL while meeting.db kept the names; a program that had the meeting open
wrote the names back in a snapshot; e-mail addresses and phone numbers typed into ideas
and check-out thoughts stayed.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from cafe.cli import main
from cafe.core.errors import StoreConflict
from cafe.storage.exchange import dumps, export_meeting
from cafe.storage.folder import REHEARSAL_PREFIX, open_meeting
from cafe.storage.purge import purge_personal_data
from tests.storage.test_purge import SECRETS, _meeting_with_personal_data

ROOT = Path(__file__).resolve().parents[2]
TYPED = ("kalle.k@example.org", "073-555 12 34", "+46 8 123 456 78")
"""Contacts typed into free text: an idea and a check-out thought."""
EVERYTHING = (*SECRETS, *TYPED)


def _every_byte(folder: Path) -> bytes:
    """Every byte of every file under ``folder``, -wal and -shm included."""
    return b"".join(p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file())


def _left(folder: Path) -> list[str]:
    disk = _every_byte(folder)
    return [s for s in EVERYTHING if s.encode() in disk or s.encode("utf-16-le") in disk]


def _meeting(folder: Path) -> None:
    _meeting_with_personal_data(folder)
    service = open_meeting(folder)
    service.capture_idea("Ring mig på 073-555 12 34 eller mejla kalle.k@example.org", table=2)
    service.note_checkout("Hör av er: +46 8 123 456 78", author="")
    service.log.close()


def test_purge_finds_personal_data_in_files_of_any_name_and_masks_free_text(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "möte"
    _meeting(folder)
    assert main(["report", str(folder)]) == 0
    service = open_meeting(folder)
    export = dumps(export_meeting(service), "json")
    service.log.close()
    (folder / "kopia-till-kommunen.json").write_text(export, encoding="utf-8")
    (folder / "arkiv").mkdir()
    (folder / "arkiv" / "lista.txt").write_bytes((folder / "out" / "signups.csv").read_bytes())
    (folder / "arkiv" / "deck.pptx").write_bytes(
        (folder / "out" / "working-group.pptx").read_bytes()
    )
    (folder / "utf16.txt").write_text("Åsa Öberg\n", encoding="utf-16")
    (folder / "anteckningar.txt").write_text("Boka lokalen i god tid.\n", encoding="utf-8")
    assert all(s.encode() in _every_byte(folder) for s in EVERYTHING), "the data is on disk"
    capsys.readouterr()

    assert main(["purge", str(folder), "--personal-data", "--yes"]) == 0

    assert _left(folder) == [], f"left in {folder}"
    assert not (folder / "arkiv" / "deck.pptx").exists(), "zipped names are found too"
    assert (folder / "anteckningar.txt").read_text(encoding="utf-8").startswith("Boka")
    after = open_meeting(folder)
    texts = [i.text for i in after.state.ideas.values()]
    assert "Ring mig på […] eller mejla […]" in texts
    assert "Träffpunkt på biblioteket" in texts, "ideas without personal data are kept"
    assert [c.text for c in after.state.checkout.values()][-1] == "Hör av er: […]"
    after.log.close()


def test_purge_refuses_naming_the_process_that_holds_the_database_open(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "möte"
    _meeting(folder)
    reader = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sqlite3, sys, time\n"
            "db = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
            "db.execute('BEGIN'); db.execute('SELECT count(*) FROM events').fetchone()\n"
            "print('reading', flush=True); time.sleep(60)",
            str(folder / "meeting.db"),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert reader.stdout is not None and reader.stdout.readline().strip() == "reading"
        before = (folder / "meeting.db").read_bytes()
        capsys.readouterr()
        assert main(["purge", str(folder), "--personal-data", "--yes", "--lang", "en"]) == 1
        err = capsys.readouterr()
        assert f"process {reader.pid}" in err.err and "Close it first" in err.err, err.err
        assert "Klart" not in err.out and "Done" not in err.out
        assert (folder / "meeting.db").read_bytes() == before, "nothing changed"
    finally:
        reader.kill()
        reader.wait()
    assert main(["purge", str(folder), "--personal-data", "--yes"]) == 0
    assert _left(folder) == []


def test_a_program_that_had_the_meeting_open_folds_the_purge_and_writes_no_name_back(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "möte"
    _meeting(folder)
    stale = open_meeting(folder)  # a TUI whose lock file was deleted
    assert any(p.name == "Åsa Öberg" for p in stale.state.participants.values())
    purger = open_meeting(folder)
    purge_personal_data(purger.log, at=1.0)  # type: ignore[arg-type]
    purger.log.close()  # type: ignore[attr-defined]

    with pytest.raises(StoreConflict):
        stale.capture_idea("En idé till")  # the purge is newer: caught up first
    assert stale.state.purged
    assert all(not p.name and not p.email for p in stale.state.participants.values())
    stale.capture_idea("En idé till")
    stale.log.save_snapshot(stale.state.last_seq, stale.state.to_dict())  # type: ignore[attr-defined]
    snapshot = json.dumps(stale.state.to_dict(), ensure_ascii=False)
    stale.log.close()  # type: ignore[attr-defined]
    assert not [s for s in EVERYTHING if s in snapshot]
    assert _left(folder) == []


def test_a_file_cafe_cannot_look_into_stops_the_purge_before_anything_changes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "möte"
    _meeting(folder)
    (folder / "inskannad.pdf").write_bytes(b"%PDF-1.4\n1 0 obj<</Filter/FlateDecode>>stream\nx\x9c")
    before = (folder / "meeting.db").read_bytes()
    capsys.readouterr()
    assert main(["purge", str(folder), "--personal-data", "--yes", "--lang", "en"]) == 1
    err = capsys.readouterr().err
    assert str(folder / "inskannad.pdf") in err and "cannot look inside" in err
    assert (folder / "meeting.db").read_bytes() == before


def test_an_agenda_naming_someone_stops_the_purge(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "möte"
    _meeting(folder)
    agenda = folder / "agenda.toml"
    agenda.write_text(
        agenda.read_text(encoding="utf-8").replace("[[steps]]", "# Åsa Öberg öppnar\n[[steps]]", 1),
        encoding="utf-8",
    )
    capsys.readouterr()
    assert main(["purge", str(folder), "--personal-data", "--yes", "--lang", "en"]) == 1
    err = capsys.readouterr().err
    assert str(agenda) in err and "Remove them from the agenda" in err
    assert b"asa.oberg@example.se" in (folder / "meeting.db").read_bytes()


def test_purge_deletes_a_rehearsal_copy_left_in_the_temp_folder(tmp_path: Path) -> None:
    folder = tmp_path / "möte"
    _meeting(folder)
    left = Path(tempfile.mkdtemp(prefix=REHEARSAL_PREFIX))
    try:
        shutil.copytree(folder, left / folder.name)  # a rehearsal killed before it ended
        other = Path(tempfile.mkdtemp(prefix=REHEARSAL_PREFIX))
        _meeting(other / "annat")  # another meeting's rehearsal is not this purge's
        assert main(["purge", str(folder), "--personal-data", "--yes"]) == 0
        assert not left.exists()
        assert (other / "annat" / "meeting.db").exists()
    finally:
        shutil.rmtree(left, ignore_errors=True)
        shutil.rmtree(other, ignore_errors=True)


@pytest.mark.slow
def test_a_rehearsal_deletes_its_copy_when_it_ends(tmp_path: Path) -> None:
    folder = tmp_path / "möte"
    _meeting(folder)
    with sqlite3.connect(folder / "meeting.db") as db:
        (token,) = db.execute("SELECT value FROM meta WHERE key = 'meeting_token'").fetchone()
    db.close()
    rehearse = ["rehearse", str(folder), "--headless", "--speed", "20000", "--people", "6"]
    result = subprocess.run(
        [sys.executable, "-m", "cafe", *rehearse],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    assert "raderad" in result.stdout
    for db_path in Path(tempfile.gettempdir()).glob(f"{REHEARSAL_PREFIX}*/*/meeting.db"):
        with sqlite3.connect(f"file:{db_path}?mode=ro", uri=True) as copy:
            row = copy.execute("SELECT value FROM meta WHERE key = 'meeting_token'").fetchone()
        copy.close()
        assert row is None or row[0] != token, f"{db_path} is a copy of the meeting, left behind"
