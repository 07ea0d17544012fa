"""Changing a meeting while ``cafe run`` has it open: refused, with nothing lost.

The running TUI and its phones work from the state they folded; a change stored beside
them (``cafe people add`` in another terminal) would be invisible to them, and their next
write would reuse its ids and hide it behind a snapshot. Commands that change the meeting
therefore take the folder's lock, as ``run``, ``serve`` and ``purge`` do; commands that
only read still work. And should anything write beside a running service all the same,
the service refuses its next write instead of overwriting, and catches up.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from cafe.core.errors import StoreConflict
from cafe.core.participants import PersonInput
from cafe.i18n import t
from cafe.storage.folder import open_meeting
from tests.cli_in_process import run_cafe
from tests.meetings import new_meeting
from tests.tmux import Tmux
from tests.tui.test_kill_resume import run_command

ROOT = Path(__file__).resolve().parents[2]


def cafe(*args: str) -> subprocess.CompletedProcess[str]:
    """``cafe ARGS --lang en`` beside the running meeting, run in the test process
    (``tests/cli_in_process.run_cafe``: the same exit codes and words as a subprocess);
    the meeting it must not change runs in its own process, in tmux."""
    return run_cafe(*args, "--lang", "en", cwd=ROOT)


def _stored(folder: Path) -> list[tuple[int, str, dict[str, object]]]:
    reader = open_meeting(folder)
    events = [(e.seq, str(e.kind), e.data) for e in reader.events()]
    reader.log.close()
    return events


def test_changes_wait_for_the_running_meeting_and_reads_do_not(tmp_path: Path, tmux: Tmux) -> None:
    folder = tmp_path / "möte"
    service = new_meeting(folder)
    first = service.add_participant(PersonInput("Åsa Öberg", organisation="Röda Korset"))
    service.log.close()
    people_csv = tmp_path / "people.csv"
    people_csv.write_text("namn;organisation\nBo Ek;Kommunen\n", encoding="utf-8")

    tmux.start(run_command(folder))
    tmux.wait_for(lambda s: "DAGORDNING" in s, "the running meeting")
    pid = tmux.pid()
    events_before = [e.seq for e in open_meeting(folder).events()]

    refused = {
        "people add": cafe("people", "add", str(folder), "Bo Ek", "--org", "Kommunen"),
        "people import": cafe("people", "import", str(folder), str(people_csv)),
        "people present": cafe("people", "present", str(folder), first.id),
        "people remove": cafe("people", "remove", str(folder), first.id),
        "seating plan": cafe("seating", "plan", str(folder)),
        "purge": cafe("purge", str(folder), "--personal-data", "--yes"),
        "run": cafe("run", str(folder), "--no-server"),
    }
    for command, result in refused.items():
        assert result.returncode == 1, (command, result.stdout, result.stderr)
        assert "Traceback" not in result.stderr, command
        assert f"already open in another cafe program (process {pid})" in result.stderr, command
        assert "Make the change there" in result.stderr, command
    assert [e.seq for e in open_meeting(folder).events()] == events_before, "something was stored"

    listed = cafe("people", "list", str(folder))
    assert listed.returncode == 0 and "Åsa Öberg" in listed.stdout
    exported = cafe("export", str(folder), "--out", str(tmp_path / "copy.json"))
    assert exported.returncode == 0, exported.stderr

    tmux.keys("C-q")
    tmux.wait_for(lambda s: "DAGORDNING" not in s, "the meeting closed", timeout=10)
    added = cafe("people", "add", str(folder), "Bo Ek", "--org", "Kommunen")
    assert added.returncode == 0, added.stderr
    assert [p.name for p in open_meeting(folder).state.participants.values()] == [
        "Åsa Öberg",
        "Bo Ek",
    ]


def test_a_write_beside_a_running_service_is_refused_then_caught_up(tmp_path: Path) -> None:
    """The safety net under the lock: a stale copy never writes over a newer store."""
    folder = tmp_path / "möte"
    running = new_meeting(folder)
    running.add_participant(PersonInput("Åsa Öberg"))
    seen: list[int] = []
    running.subscribe(lambda events: seen.extend(e.seq for e in events))

    beside = open_meeting(folder)
    other = beside.add_participant(PersonInput("Bo Ek"))
    beside.log.close()

    stored_before = _stored(folder)
    with pytest.raises(StoreConflict, match=re.escape(t("store.changed_elsewhere"))):
        running.add_participant(PersonInput("Cilla Berg"))
    assert _stored(folder) == stored_before, "the refused write stored something"
    assert other.id in running.state.participants, "the running service did not catch up"
    assert seen, "the screens were not told about the other program's change"

    third = running.add_participant(PersonInput("Cilla Berg"))  # trying again works
    assert third.id != other.id
    running.log.close()
    reopened = open_meeting(folder)
    assert [p.name for p in reopened.state.participants.values()] == [
        "Åsa Öberg",
        "Bo Ek",
        "Cilla Berg",
    ]
    assert len({p.id for p in reopened.state.participants.values()}) == 3
    reopened.log.close()
