"""The README's first command links `cafe` onto PATH and ends in `cafe demo`: it runs.

The install part of that command (apt-get, pip) talks to package registries, which tests
may not do; it was run by hand from a clean clone (see the README). This test runs what
comes after it, `cafe demo` exactly as typed, from a fresh copy of the repository's
files, in tmux: the demo meeting starts, moves through the agenda on its own, F6 hands
over the keys, and Ctrl+Q ends it.

The demo runs at its default speed (60x: a minute of agenda in a second), so the test
takes over as soon as the first step is done, and then waits out the held step's own
length: had the simulation gone on, it would have moved on by then.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from cafe.cli.demo_cmd import DEFAULT_SPEED
from cafe.storage.folder import open_meeting
from tests.tmux import Tmux

pytestmark = pytest.mark.slow
"""Among the slowest tests of the suite (still run in CI; ``-m "not slow"`` skips them
for a quick run)."""

ROOT = Path(__file__).resolve().parents[2]


def _first_readme_command() -> str:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    return re.findall(r"```sh\n(apt-get[^\n]*)\n```", text)[0]


def _fresh_copy(target: Path) -> None:
    """The repository's files as a clone would have them (tracked and new, not ignored)."""
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT,
        capture_output=True,
        check=True,
    ).stdout.decode()
    for name in filter(None, listed.split("\0")):
        source = ROOT / name
        if source.is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)


def _demo_folder(temp: Path) -> Path | None:
    found = sorted(temp.glob("cafe-demo-*/demo/meeting.db"))
    return found[0].parent if found else None


def test_readme_demo_command_runs_the_meeting_in_a_terminal(tmp_path: Path, tmux: Tmux) -> None:
    command = _first_readme_command()
    link = 'ln -sf "$PWD/.venv/bin/cafe" /usr/local/bin/cafe'
    assert command.endswith(f"&& {link} && cafe demo")
    after_install = command[command.index(link) :]
    clone = tmp_path / "clone"
    _fresh_copy(clone)
    assert (clone / "agendas" / "idemote.sv.toml").is_file()
    temp = tmp_path / "tmp"
    temp.mkdir()
    # What follows the install, as typed, in the copy, with this test run's interpreter as
    # its venv and a folder on PATH standing in for /usr/local/bin.
    (clone / ".venv" / "bin").mkdir(parents=True)
    (clone / ".venv" / "bin" / "cafe").write_text(
        f"#!/bin/sh\ncd '{clone}' && exec {sys.executable} -m cafe \"$@\"\n", encoding="utf-8"
    )
    (clone / ".venv" / "bin" / "cafe").chmod(0o755)
    on_path = tmp_path / "usr-local-bin"
    on_path.mkdir()
    tmux.start(
        f"cd '{clone}' && unset COLUMNS LINES CAFE_LANG && export TMPDIR='{temp}' "
        f"PYTHONPATH='{clone}' PATH='{on_path}':\"$PATH\" && "
        + after_install.replace("/usr/local/bin", str(on_path))
        + "; sleep 60"
    )
    tmux.wait_for(lambda s: "F5" in s and "F6" in s, "the demo's keys in the footer", 60)
    tmux.wait_for(lambda s: "Idémöte" in s or "idémöte" in s, "the Swedish meeting", 20)

    deadline = time.monotonic() + 60
    step = -1
    while time.monotonic() < deadline:
        folder = _demo_folder(temp)
        if folder is not None:
            service = open_meeting(folder)
            step = service.state.current_step
            present = len(service.state.present())
            service.log.close()
            if step >= 1:
                break
        time.sleep(0.25)
    assert step >= 1, "the demo moves through the agenda on its own"
    assert present == 30, "30 simulated participants checked in"

    tmux.keys("F6")
    tmux.wait_for(lambda s: "tagit över" in s, "the take-over notice", 20)
    folder = _demo_folder(temp)
    assert folder is not None
    service = open_meeting(folder)
    held = service.state.current_step
    # the README's command gives no --speed: the demo's default
    held_seconds = service.agenda.steps[held].minutes * 60 / DEFAULT_SPEED
    service.log.close()
    time.sleep(held_seconds + 1)
    service = open_meeting(folder)
    assert service.state.current_step == held, "after F6 the simulation no longer moves"
    service.log.close()
    tmux.keys("C-q")
    tmux.wait_for(lambda s: "cafe demo" not in s and "F6" not in s, "the demo to end", 20)
