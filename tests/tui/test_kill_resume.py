"""`cafe run` killed mid-round (kill -9, no clean exit) resumes with nothing lost.

The real command runs in tmux on the real clock: the test starts a round's timer and
captures ideas with keystrokes, notes the time left, kills the process, then checks the
folder (same step, the ideas, the time left within a second) and the restarted screen
(the same step highlighted, the digits of the time left, the ideas in the capture list).
"""

from __future__ import annotations

import os
import signal
import sys
import time
from pathlib import Path

from rich.console import Console
from textual.renderables.digits import Digits

from cafe.core.clock import SystemClock
from cafe.core.timer import format_seconds
from cafe.storage.console_settings import read_capture_draft
from cafe.storage.folder import open_meeting
from tests.tmux import Tmux
from tests.tui.helpers import meeting, step_index

ROOT = Path(__file__).resolve().parents[2]


def digit_lines(text: str) -> list[list[str]]:
    """How Textual's Digits draws ``text`` (plain and bold), three lines each."""
    drawn = []
    for bold in (False, True):
        console = Console(width=60, record=True, file=open(os.devnull, "w"))  # noqa: SIM115
        console.print(Digits(text, "bold" if bold else ""))
        lines = console.export_text().splitlines()[:3]
        drawn.append([line.rstrip() for line in lines])
    return drawn


def shows_digits(screen: str, text: str) -> bool:
    """Whether the captured screen contains ``text`` drawn as large digits."""
    rows = screen.splitlines()
    for lines in digit_lines(text):
        for number in range(len(rows) - 2):
            column = rows[number].find(lines[0])
            if column >= 0 and all(
                rows[number + k][column : column + len(lines[k])] == lines[k] for k in (1, 2)
            ):
                return True
    return False


def run_command(folder: Path) -> str:
    """The command tmux runs; ``exec`` so the pane's pid is the app itself."""
    return (
        f"cd {ROOT} && unset COLUMNS LINES && HOME={os.environ['HOME']} TZ=UTC "
        f"exec {sys.executable} -m cafe run '{folder}' --no-server --lang sv"
    )


def _cafe_run_at_round_1(meeting_dir: Path, tmux: Tmux) -> int:
    """Twelve people present; `cafe run` in tmux, n up to round 1. Returns its step."""
    service, _ = meeting(meeting_dir, registered=12, present=True)
    round_one = step_index(service, "cafe_round", 1)
    service.log.close()
    tmux.start(run_command(meeting_dir))
    tmux.wait_for(lambda s: "DAGORDNING" in s, "the agenda rail")
    for _ in range(round_one + 1):
        tmux.keys("n")
        time.sleep(0.15)
    tmux.wait_for(lambda s: f"▶ {round_one + 1}. Runda 1" in s, "round 1 as the current step")
    return round_one


def _gone(tmux: Tmux) -> None:
    """Wait up to 10 s for the program to end (killed, or told to quit)."""
    deadline = time.monotonic() + 10
    while tmux.alive() and time.monotonic() < deadline:
        time.sleep(0.05)


def test_killed_mid_round_resumes_at_the_same_step_with_the_same_time(
    meeting_dir: Path, tmux: Tmux
) -> None:
    round_one = _cafe_run_at_round_1(meeting_dir, tmux)
    tmux.keys("Space")
    tmux.wait_for(lambda s: "Pågår" in s, "the running timer")
    tmux.keys("i")
    tmux.wait_for(lambda s: "FÅNGA IDÉER" in s, "the capture screen")
    tmux.type("1")  # the table first: its number and Enter
    tmux.keys("Enter")
    tmux.wait_for(lambda s: "Bord 1:" in s, "table 1 chosen")
    for idea in ("Fler mötesplatser", "Besöksvän via kyrkan"):
        tmux.type(idea)
        tmux.keys("Enter")
        time.sleep(0.2)
    tmux.wait_for(lambda s: "Besöksvän via kyrkan" in s, "the second idea in the list")
    tmux.keys("Escape")
    tmux.wait_for(lambda s: "FÅNGA IDÉER" not in s, "back at the round")

    noted = open_meeting(meeting_dir, clock=SystemClock())
    timer = noted.timer()
    assert timer is not None and timer.running
    noted_left = timer.remaining(time.time())
    noted_at = time.time()
    noted.log.close()

    os.kill(tmux.pid(), signal.SIGKILL)
    _gone(tmux)
    assert not tmux.alive(), "the process was killed, not left running"

    reopened = open_meeting(meeting_dir, clock=SystemClock())
    assert reopened.state.current_step == round_one
    assert [i.text for i in reopened.state.visible_ideas()] == [
        "Fler mötesplatser",
        "Besöksvän via kyrkan",
    ]
    expected = noted_left - (time.time() - noted_at)
    assert abs(reopened.timer().remaining(time.time()) - expected) < 1.0
    reopened.log.close()

    tmux.start(run_command(meeting_dir))
    # tmux may show a frame half drawn: wait for the line itself, not only the heading
    tmux.wait_for(
        lambda s: f"▶ {round_one + 1}. Runda 1" in s, "round 1 still current after the restart"
    )
    time.sleep(0.6)
    screen = tmux.screen()
    shown_at = time.time()
    expected = noted_left - (shown_at - noted_at)
    candidates = {format_seconds(expected + delta) for delta in (-1.0, -0.5, 0.0, 0.5, 1.0)}
    assert any(shows_digits(screen, text) for text in candidates), (
        f"none of {sorted(candidates)} drawn on:\n{screen}"
    )
    tmux.keys("i")
    screen = tmux.wait_for(lambda s: "FÅNGA IDÉER" in s, "the capture screen after the restart")
    assert "Fler mötesplatser" in screen and "Besöksvän via kyrkan" in screen
    tmux.keys("C-q")
    tmux.wait_for(lambda s: "Avsluta mötet på datorn?" in s, "Ctrl+Q asks mid-round")
    assert tmux.alive(), "not gone before the answer"
    tmux.keys("C-q")
    _gone(tmux)
    assert not tmux.alive(), "Ctrl+Q twice quits"


def test_the_line_being_typed_when_killed_is_back_with_its_table(
    meeting_dir: Path, tmux: Tmux
) -> None:
    """The README promises nothing typed is lost: a half-typed idea (table 2 chosen) was
    gone after kill -9, nowhere in the meeting folder."""
    _cafe_run_at_round_1(meeting_dir, tmux)
    tmux.keys("i")
    tmux.wait_for(lambda s: "FÅNGA IDÉER" in s, "the capture screen")
    tmux.type("2")
    tmux.keys("Enter")
    tmux.wait_for(lambda s: "Bord 2:" in s, "table 2 chosen")
    tmux.type("Halvskriven idé om läxhjälp")
    tmux.wait_for(lambda s: "Halvskriven idé om läxhjälp" in s, "the line on screen")

    def kept() -> str:
        folder = open_meeting(meeting_dir, clock=SystemClock())
        try:
            draft = read_capture_draft(folder)
            return draft[0] if draft else ""
        finally:
            folder.log.close()

    deadline = time.monotonic() + 10  # written at a pause in the typing
    while "läxhjälp" not in kept() and time.monotonic() < deadline:
        time.sleep(0.1)
    os.kill(tmux.pid(), signal.SIGKILL)
    _gone(tmux)
    assert not tmux.alive(), "the process was killed, not left running"

    tmux.start(run_command(meeting_dir))
    tmux.wait_for(lambda s: "DAGORDNING" in s, "the agenda rail after the restart")
    tmux.keys("i")
    screen = tmux.wait_for(lambda s: "Halvskriven idé om läxhjälp" in s, "the line back")
    assert "Bord 2:" in screen, "with its table"
    tmux.keys("Enter")
    tmux.wait_for(lambda s: "· Halvskriven idé om läxhjälp" in s, "stored in the list")
    tmux.keys("C-q")
    tmux.wait_for(lambda s: "Avsluta mötet på datorn?" in s, "Ctrl+Q asks mid-round")
    tmux.keys("C-q")
    _gone(tmux)
    stored = open_meeting(meeting_dir, clock=SystemClock())
    assert [(i.text, i.table) for i in stored.state.visible_ideas()] == [
        ("Halvskriven idé om läxhjälp", 2)
    ]
    assert read_capture_draft(stored) is None, "not brought back a third time"
    stored.log.close()
