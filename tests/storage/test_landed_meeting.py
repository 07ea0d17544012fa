"""A meeting folder written by an earlier version opens, reports and goes on.

The state's shape changes from version to version (new fields, new kinds of records);
the events do not. A snapshot of another shape is skipped and the state replayed from
the events, so a meeting saved by yesterday's `cafe` opens today instead of crashing.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

from cafe.cli import main
from cafe.core.state import SNAPSHOT_VERSION, MeetingState, fold
from cafe.storage.folder import open_meeting

LANDED = Path(__file__).resolve().parents[1] / "data" / "meetings" / "landed-2026-11-27"


def _copy(tmp_path: Path) -> Path:
    folder = tmp_path / "meeting"
    shutil.copytree(LANDED, folder)
    return folder


def _snapshot_version(folder: Path) -> object:
    with sqlite3.connect(folder / "meeting.db") as db:
        (state,) = db.execute("SELECT state FROM snapshots ORDER BY seq DESC").fetchone()
    return json.loads(state).get("version")


def test_the_fixture_really_holds_an_old_snapshot() -> None:
    assert _snapshot_version(LANDED) is None, "written before snapshots carried a version"


def test_a_meeting_saved_by_the_landed_version_opens_with_everything(tmp_path: Path) -> None:
    folder = _copy(tmp_path)
    service = open_meeting(folder)
    state = service.state
    assert (len(state.participants), len(state.ideas), len(state.themes)) == (31, 64, 3)
    assert (len(state.signups), len(state.checkout), state.current_step) == (24, 15, 11)
    replayed = fold(service.events(), MeetingState())
    assert state.to_dict() == replayed.to_dict(), "the old snapshot was replaced by a replay"


def test_it_goes_on_and_snapshots_in_todays_shape(tmp_path: Path) -> None:
    folder = _copy(tmp_path)
    service = open_meeting(folder)
    service.sign_up(name="Ny Person", consent=True, key="after-upgrade")
    service.log.save_snapshot(service.state.last_seq, service.state.to_dict())  # type: ignore[attr-defined]
    service.log.close()  # type: ignore[attr-defined]
    assert _snapshot_version(folder) == SNAPSHOT_VERSION
    again = open_meeting(folder)
    assert any(s.name == "Ny Person" for s in again.state.signups.values())
    assert len(again.state.signups) == 25


def test_reports_and_export_work_on_it(tmp_path: Path) -> None:
    folder = _copy(tmp_path)
    assert main(["report", str(folder), "--out", str(tmp_path / "out")]) == 0
    assert (tmp_path / "out" / "summary.html").stat().st_size > 0
    assert (
        main(["export", str(folder), "--format", "json", "--out", str(tmp_path / "export.json")])
        == 0
    )


def test_a_snapshot_of_another_shape_is_skipped_not_trusted(tmp_path: Path) -> None:
    folder = _copy(tmp_path)
    service = open_meeting(folder)
    wrong = {**service.state.to_dict(), "version": SNAPSHOT_VERSION + 1, "ideas": []}
    service.log.save_snapshot(service.state.last_seq, wrong)  # type: ignore[attr-defined]
    service.log.close()  # type: ignore[attr-defined]
    assert len(open_meeting(folder).state.ideas) == 64, "replayed, not read from it"
