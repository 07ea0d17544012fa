"""An archived meeting on a read-only disk can still be reported, exported and listed.

The folder is a real read-only bind mount in a private mount namespace (``unshare -m``),
as in ``tests/reliability/test_disk_faults.py``: root, who runs CI, ignores file modes.
"""

from __future__ import annotations

import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.reports.support import report_meeting

ROOT = Path(__file__).resolve().parents[2]
LAST_IDEA = "Sista idén innan datorn slocknade"


@pytest.fixture
def can_unshare() -> None:
    probe = subprocess.run(["unshare", "-m", "true"], capture_output=True)
    if shutil.which("unshare") is None or probe.returncode != 0:
        pytest.fail("this test needs `unshare -m` (util-linux) as root: " + probe.stderr.decode())


def _read_only(folder: Path, *commands: list[str]) -> list[subprocess.CompletedProcess[str]]:
    """Each ``cafe`` command run with ``folder`` mounted read-only; one result each."""
    results = []
    for args in commands:
        cafe = shlex.join([sys.executable, "-m", "cafe", *args])
        script = (
            f"mount --bind '{folder}' '{folder}' && mount -o remount,ro,bind '{folder}' && {cafe}"
        )
        results.append(
            subprocess.run(
                ["unshare", "-m", "sh", "-c", script], capture_output=True, text=True, cwd=ROOT
            )
        )
    return results


def test_report_export_and_lists_read_a_read_only_meeting(
    tmp_path: Path, can_unshare: None
) -> None:
    folder = tmp_path / "arkiv" / "möte"
    report_meeting(folder).service.log.close()
    disk = (folder / "meeting.db").read_bytes()
    out = tmp_path / "ut"

    report, export, listing, adding = _read_only(
        folder,
        ["report", str(folder), "--out", str(out)],
        ["export", str(folder), "--out", str(tmp_path / "möte.toml")],
        ["people", "list", str(folder)],
        ["people", "add", str(folder), "Per Persson"],
    )
    for done in (report, export, listing):
        assert done.returncode == 0, done.stderr
        assert "Traceback" not in done.stderr
    assert len(list(out.iterdir())) == 8
    assert "Gemensam kontaktpunkt" in (out / "summary.md").read_text(encoding="utf-8")
    assert "Märta Ärlebäck" in (tmp_path / "möte.toml").read_text(encoding="utf-8")
    assert "Märta Ärlebäck" in listing.stdout

    # A change is still refused, in the user's language, naming the folder.
    assert adding.returncode == 1
    assert "skrivskyddad" in adding.stderr and str(folder) in adding.stderr
    assert "readonly database" not in adding.stderr and "Traceback" not in adding.stderr
    assert (folder / "meeting.db").read_bytes() == disk, "not a byte changed"
    assert sorted(p.name for p in folder.iterdir()) == ["agenda.toml", "meeting.db"]


def test_a_read_only_meeting_left_by_a_crash_is_reported_whole(
    tmp_path: Path, can_unshare: None
) -> None:
    """The last events of a laptop that died are still in meeting.db-wal: read them."""
    folder = tmp_path / "möte"
    report_meeting(folder).service.log.close()
    crash = (
        "import os, sys; from cafe.storage.folder import open_meeting; "
        "s = open_meeting(sys.argv[1]); s.capture_idea(sys.argv[2], table=1, round=4); "
        "os._exit(0)"
    )
    subprocess.run([sys.executable, "-c", crash, str(folder), LAST_IDEA], check=True, cwd=ROOT)
    assert (folder / "meeting.db-wal").stat().st_size > 0, "the crash left its events there"

    (report,) = _read_only(folder, ["report", str(folder), "--out", str(tmp_path / "ut")])
    assert report.returncode == 0, report.stderr
    assert LAST_IDEA in (tmp_path / "ut" / "summary.md").read_text(encoding="utf-8")

    # Without its -shm file the WAL cannot be read on a read-only disk: ignoring it would
    # leave that idea out, so the report is refused, saying why and what to do.
    (folder / "meeting.db-shm").unlink()
    (refused,) = _read_only(folder, ["report", str(folder), "--out", str(tmp_path / "ut2")])
    assert refused.returncode == 1 and "Traceback" not in refused.stderr
    assert "meeting.db-wal" in refused.stderr and "Kopiera mappen" in refused.stderr
    assert not (tmp_path / "ut2").exists()


def test_a_read_only_out_folder_is_named_with_what_to_do(tmp_path: Path, can_unshare: None) -> None:
    meeting, out = tmp_path / "möte", tmp_path / "ut"
    report_meeting(meeting).service.log.close()
    out.mkdir()
    (report,) = _read_only(out, ["report", str(meeting), "--out", str(out)])
    assert report.returncode == 1 and "Traceback" not in report.stderr
    assert f"{out}: här går det inte att skriva" in report.stderr
    assert "Välj en annan mapp med --out. Ingen fil skrevs." in report.stderr
    assert "Permission denied" not in report.stderr and "Read-only" not in report.stderr
    assert list(out.iterdir()) == []
