"""A full disk and a read-only folder: a clear message, and the store as it was.

The full disk is SQLite's own limit (``PRAGMA max_page_count``), which fails a write
exactly as a full file system does (SQLITE_FULL). The read-only folder is a real
read-only bind mount in a private mount namespace (``unshare -m``), because root, who
runs CI, ignores file permissions.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from cafe.core.errors import StoreError
from cafe.core.participants import PersonInput
from cafe.i18n import t
from cafe.storage.folder import open_meeting
from cafe.tui.app import CafeApp
from tests.meetings import new_meeting

ROOT = Path(__file__).resolve().parents[2]
DISK_FULL = t("store.disk_full", detail="").split("(")[0].strip()


def _fill_the_disk(service) -> None:  # type: ignore[no-untyped-def]
    db = service.log.connection()
    pages = db.execute("PRAGMA page_count").fetchone()[0]
    db.execute(f"PRAGMA max_page_count = {pages + 1}")


def test_a_full_disk_refuses_the_write_and_keeps_everything(tmp_path: Path) -> None:
    folder = tmp_path / "möte"
    service = new_meeting(folder)
    for n in range(5):
        service.add_participant(PersonInput(name=f"Person {n}", sector="civil"))
    before = [e.seq for e in service.log.read()]
    _fill_the_disk(service)
    refused = 0
    for n in range(20):
        try:
            service.capture_idea("ö" * 1_900 + f" {n}", table=1)
        except StoreError as error:
            refused += 1
            assert DISK_FULL in str(error) and str(folder) in str(error)
    assert refused >= 18, "writes fail once the disk is full"
    stored = list(service.log.read())
    assert [e.seq for e in stored][: len(before)] == before
    assert len(service.state.ideas) == len(stored) - len(before), "memory matches the disk"
    service.log.close()

    reopened = open_meeting(folder)  # space freed: a new connection has no limit
    db = reopened.log.connection()
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert [e.seq for e in reopened.log.read()] == [e.seq for e in stored]
    assert len(reopened.state.participants) == 5
    reopened.capture_idea("Efter att disken fått plats", table=1)
    reopened.log.close()


async def test_the_tui_shows_a_full_disk_and_keeps_running(tmp_path: Path) -> None:
    service = new_meeting(tmp_path / "möte")
    app = CafeApp(service, lang="sv")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        _fill_the_disk(service)
        for size in (1_900, 200, 20, 1):  # use up what is left in the last pages
            try:
                while True:
                    service.capture_idea("x" * size, table=1)
            except StoreError:
                pass
        step = service.state.current_step
        await pilot.press("n")
        await pilot.pause()
        assert service.state.current_step == step, "nothing changed in memory"
        shown = [n.message for n in app._notifications]
        assert any(DISK_FULL in message for message in shown), shown
        assert app.is_running
    assert service.log.connection().execute("PRAGMA integrity_check").fetchone()[0] == "ok"


@pytest.fixture
def can_unshare() -> None:
    probe = subprocess.run(["unshare", "-m", "true"], capture_output=True)
    if shutil.which("unshare") is None or probe.returncode != 0:
        pytest.fail("this test needs `unshare -m` (util-linux) as root: " + probe.stderr.decode())


def test_a_read_only_folder_is_a_clear_message_and_nothing_changes(
    tmp_path: Path, can_unshare: None
) -> None:
    folder = tmp_path / "möte"
    service = new_meeting(folder)
    service.add_participant(PersonInput(name="Åsa Öberg", sector="civil"))
    service.log.close()
    disk = (folder / "meeting.db").read_bytes()

    # (A folder that turns read-only while `cafe run` has it open keeps working on Linux:
    # the open file handles stay writable, so nothing is refused or lost.)
    for args in (["people", "add", str(folder), "Per Persson"], ["run", str(folder)]):
        command = (
            f"mount --bind '{folder}' '{folder}' && mount -o remount,ro,bind '{folder}' && "
            f"{sys.executable} -m cafe {' '.join(repr(a) for a in args)} --lang en"
        )
        result = subprocess.run(
            ["unshare", "-m", "sh", "-c", command], capture_output=True, text=True, cwd=ROOT
        )
        assert result.returncode == 1, result.stderr
        assert "read-only" in result.stderr and str(folder) in result.stderr
        assert "Traceback" not in result.stderr

    after = open_meeting(folder)
    assert [p.name for p in after.state.participants.values()] == ["Åsa Öberg"]
    assert after.log.connection().execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    after.log.close()
    assert (folder / "meeting.db").read_bytes() == disk, "not a byte changed"
