"""`cafe purge DIR --personal-data`: names and contacts gone from every byte on disk."""

from __future__ import annotations

import atexit
import secrets
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from cafe.cli import main
from cafe.core.participants import PersonInput
from cafe.storage.folder import open_meeting
from cafe.storage.lock import meeting_lock
from tests.meetings import new_meeting

ROOT = Path(__file__).resolve().parents[2]
SECRETS = ("Åsa Öberg", "asa.oberg@example.se", "070-123 45 67", "Zlatan Signup", "Författaren")


_template: list[Path] = []
"""The meeting below, built once per test process (``_meeting_with_personal_data``)."""


def _meeting_with_personal_data(folder: Path) -> None:
    """A closed meeting folder at ``folder`` whose names and contacts a purge must remove.

    It is a copy of one built once per test process by cafe's own code: its 600 events
    are each a commit of their own, over a second, and ten tests need the meeting.
    Each copy gets its own meeting token, so no two meetings share a secret (a purge
    tells its own rehearsal copies from another meeting's by it).
    """
    if not _template:
        root = Path(tempfile.mkdtemp(prefix="cafe-test-purge-"))
        atexit.register(shutil.rmtree, root, ignore_errors=True)
        _build_meeting_with_personal_data(root / "meeting")
        _template.append(root / "meeting")
    shutil.copytree(_template[0], folder)
    service = open_meeting(folder)
    service.log.set_meta({"meeting_token": secrets.token_urlsafe(24)})  # type: ignore[attr-defined]
    service.log.close()  # type: ignore[attr-defined]


def _build_meeting_with_personal_data(folder: Path) -> None:
    service = new_meeting(folder)
    asa = service.add_participant(
        PersonInput(
            name="Åsa Ö.",
            organisation="Röda Korset",
            sector="civil",
            email="asa.oberg@example.se",
            phone="070-123 45 67",
            present=True,
        )
    )
    service.update_participant(asa.id, name="Åsa Öberg")
    service.add_participant(
        PersonInput(name="Per Persson", organisation="Kommunen", sector="public")
    )
    service.next_step()
    idea = service.capture_idea("Träffpunkt på biblioteket", table=1)
    theme = service.create_theme("Mötesplatser", signup=True, ideas=[idea.id])
    service.sign_up(
        name="Zlatan Signup",
        organisation="PRO",
        email="zlatan@example.se",
        themes=[theme.id],
        consent=True,
        source="web",
    )
    service.note_checkout("Hopp om fortsättning", author="Författaren")
    for _ in range(600):  # enough events for a snapshot holding the names too
        service.timer_adjust(1)
    service.log.close()


def _bytes_on_disk(folder: Path) -> bytes:
    return b"".join(p.read_bytes() for p in folder.rglob("*") if p.is_file())


def test_purge_removes_names_everywhere_and_keeps_the_record(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "möte"
    _meeting_with_personal_data(folder)
    assert main(["report", str(folder)]) == 0
    (folder / "cafe.log").write_text("cafe run: Åsa Öberg checked in\n", encoding="utf-8")
    before = open_meeting(folder)
    ideas, themes = len(before.state.ideas), len(before.state.themes)
    signup_themes = [s.themes for s in before.state.signups.values()]
    before.log.close()
    disk = _bytes_on_disk(folder)
    assert all(secret.encode() in disk for secret in SECRETS), "the test data is on disk"
    capsys.readouterr()

    assert main(["purge", str(folder), "--personal-data", "--yes"]) == 0
    out = capsys.readouterr().out
    assert "2 deltagare" in out and "1 anmälan" in out and "1 anmälningar" not in out

    disk = _bytes_on_disk(folder)
    for secret in SECRETS:
        assert secret.encode() not in disk, f"{secret} is still somewhere in {folder}"
    assert not (folder / "out" / "signups.csv").exists()
    assert not (folder / "cafe.log").exists()

    after = open_meeting(folder)
    assert after.state.purged
    assert len(after.state.ideas) == ideas and len(after.state.themes) == themes
    assert [s.themes for s in after.state.signups.values()] == signup_themes
    assert [p.organisation for p in after.state.participants.values()] == [
        "Röda Korset",
        "Kommunen",
    ]
    assert all(p.name == "" and p.email == "" for p in after.state.participants.values())
    after.log.close()
    assert main(["report", str(folder)]) == 0, "an anonymous report can still be written"
    assert "Träffpunkt på biblioteket" in (folder / "out" / "summary.md").read_text("utf-8")


def test_purge_asks_first_and_a_no_changes_nothing(tmp_path: Path) -> None:
    folder = tmp_path / "möte"
    _meeting_with_personal_data(folder)
    disk = _bytes_on_disk(folder / "meeting.db")
    no_terminal = subprocess.run(
        [sys.executable, "-m", "cafe", "purge", str(folder), "--personal-data"],
        capture_output=True,
        text=True,
        input="ja\n",
        cwd=ROOT,
    )
    assert no_terminal.returncode == 1 and "--yes" in no_terminal.stderr
    assert "Traceback" not in no_terminal.stderr
    assert b"asa.oberg@example.se" in _bytes_on_disk(folder), "nothing removed without an answer"
    assert _bytes_on_disk(folder / "meeting.db") == disk
    missing_flag = subprocess.run(
        [sys.executable, "-m", "cafe", "purge", str(folder), "--yes"],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert missing_flag.returncode == 2 and "--personal-data" in missing_flag.stderr


def test_purge_refuses_while_the_meeting_is_open(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "möte"
    _meeting_with_personal_data(folder)
    opened = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time; from pathlib import Path; from cafe.storage.lock import meeting_lock\n"
            "with meeting_lock(Path(sys.argv[1])):\n    print('held', flush=True); time.sleep(30)",
            str(folder),
        ],
        stdout=subprocess.PIPE,
        text=True,
        cwd=ROOT,
    )
    try:
        assert opened.stdout is not None and opened.stdout.readline().strip() == "held"
        assert main(["purge", str(folder), "--personal-data", "--yes"]) == 1
        err = capsys.readouterr().err
        assert f"process {opened.pid}" in err or f"({opened.pid})" in err or str(opened.pid) in err
        assert b"asa.oberg@example.se" in _bytes_on_disk(folder)
    finally:
        opened.kill()
        opened.wait()
    with meeting_lock(folder):  # the kernel released the dead process's lock
        pass
