"""Startup time of `cafe run DIR` to its first frame, against a minimal Textual app.

Not part of the test run (pytest does not collect it). Run it with:

    .venv/bin/python tests/benchmarks/bench_startup.py            # 5 runs each
    .venv/bin/python tests/benchmarks/bench_startup.py --runs 9

How it measures: both programs run in a real terminal (a private tmux server, 120x40).
For each run a fresh pane is started with ``tmux respawn-pane`` and the clock starts just
before that call (process start, interpreter start-up and imports included); the screen
is then read with ``tmux capture-pane`` every 5 ms until the program's first frame shows:
for cafe the whole meeting screen (the agenda rail's heading, the round's heading and the
last table card), for the minimal app its marker label. The
programs run alternately, after one unmeasured warm-up each (so both read compiled
bytecode, as on a laptop that has run them before). The minimal app is ``App`` with one
``Label``: what any Textual program pays. The meeting is a real folder with 30 people, in
the middle of café round 2 with ideas and a seating plan, opened with ``--no-server``
(the LAN server is measured by the web benchmark). Prints each run, the medians, and the
ratio cafe / minimal; the machine's load average is printed too, since a busy machine
slows both.

The clock's ratio moves with the machine's state even at the same load (a fast start of
the minimal app makes the shared part smaller). ``--instructions`` adds a steady figure:
each program runs once more under callgrind (``apt-get install valgrind``), in the same
terminal, and stops at its first frame; the instructions it ran are counted (with
``PYTHONHASHSEED=0``, runs agree within about 1 %). About a minute more.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from msgspec.structs import replace

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

MINIMAL = """
from textual.app import App, ComposeResult
from textual.widgets import Label


class Minimal(App):
    def compose(self) -> ComposeResult:
        yield Label("MINIMAL-FIRST-FRAME")


Minimal().run()
"""


def make_meeting(folder: Path) -> None:
    """A 30-person meeting in café round 2, as a restart would find it."""
    from cafe.core import meeting_seating as seating_actions
    from cafe.core.clock import FakeClock
    from cafe.core.participants import PersonInput
    from cafe.demo.people import simulated_people
    from tests.meetings import new_meeting

    clock = FakeClock(time.time() - 3600)
    service = new_meeting(folder, clock=clock)
    people: list[PersonInput] = [replace(p.person, present=True) for p in simulated_people(30)]
    service.add_participants(people)
    seating_actions.plan_now(service, 1)
    rounds = [i for i, s in enumerate(service.agenda.steps) if s.kind == "cafe_round"]
    service.start_step(rounds[0])
    service.timer_start()
    for number in range(12):
        service.capture_idea(f"Idé {number}", table=number % 7 + 1)
    clock.advance(25 * 60)
    service.start_step(rounds[1])
    service.timer_start()
    service.log.close()


class Terminal:
    """One private tmux server with one 120x40 window."""

    def __init__(self) -> None:
        self.socket = f"cafe-bench-{os.getpid()}"
        self.tmux("-f", "/dev/null", "new-session", "-d", "-s", "b", "-x", "120", "-y", "40")

    def tmux(self, *args: str) -> str:
        return subprocess.run(
            ["tmux", "-L", self.socket, *args], capture_output=True, text=True, check=False
        ).stdout

    def first_frame(self, command: str, markers: tuple[str, ...], timeout: float = 60.0) -> float:
        """Seconds from starting ``command`` until every one of ``markers`` is on the screen."""
        self.tmux("respawn-pane", "-k", "-t", "b", "sleep 3600")
        self.tmux("clear-history", "-t", "b")
        started = time.perf_counter()
        self.tmux("respawn-pane", "-k", "-t", "b", command)
        while time.perf_counter() - started < timeout:
            screen = self.tmux("capture-pane", "-p", "-t", "b")
            if all(marker in screen for marker in markers):
                elapsed = time.perf_counter() - started
                self.tmux("respawn-pane", "-k", "-t", "b", "sleep 3600")
                return elapsed
            time.sleep(0.005)
        raise SystemExit(
            f"{markers!r} never all appeared; the screen was:\n{self.tmux('capture-pane', '-p', '-t', 'b')}"
        )

    def close(self) -> None:
        self.tmux("kill-server")


STOP_AT_FIRST_FRAME = """
import os, sys
from textual.drivers.linux_driver import LinuxDriver
markers = tuple(sys.argv[1].split("|"))
sys.argv[:] = sys.argv[2:]
write = LinuxDriver.write
seen = []
def first_frame(self, data):
    write(self, data)
    seen.append(data)
    if all(any(marker in part for part in seen) for marker in markers):
        os._exit(0)
LinuxDriver.write = first_frame
import runpy
runpy.run_path(sys.argv[0], run_name="__main__") if sys.argv[0].endswith(".py") else runpy.run_module(sys.argv[0], run_name="__main__", alter_sys=True)
"""
"""Runs a program (a script, or a module with ``-m``) and exits at its first frame."""


def instructions(terminal: Terminal, base: Path, argv: str, markers: tuple[str, ...]) -> int:
    """Instructions ``argv`` runs until ``markers`` are on its screen, under callgrind."""
    stopper = base / "stop_at_first_frame.py"
    stopper.write_text(STOP_AT_FIRST_FRAME, encoding="utf-8")
    out = base / "callgrind.out"
    out.unlink(missing_ok=True)
    done = base / "done"
    done.unlink(missing_ok=True)
    env = f"cd {ROOT} && unset COLUMNS LINES PYTHONDONTWRITEBYTECODE && HOME={base} TZ=UTC"
    command = (
        f"{env} PYTHONHASHSEED=0 valgrind --tool=callgrind --cache-sim=no"
        f" --callgrind-out-file={out} {sys.executable} {stopper} '{'|'.join(markers)}' {argv}"
        f" 2>/dev/null; touch {done}; sleep 3600"
    )
    terminal.tmux("respawn-pane", "-k", "-t", "b", command)
    started = time.monotonic()
    while not done.exists():
        if time.monotonic() - started > 300:
            raise SystemExit(f"{argv} did not reach its first frame under callgrind in 5 min")
        time.sleep(0.2)
    for line in out.read_text(encoding="utf-8", errors="replace").splitlines():
        if line.startswith("summary:"):
            return int(line.split()[1])
    raise SystemExit(f"callgrind wrote no summary for {argv} ({out})")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="measured runs of each (default 5)")
    parser.add_argument(
        "--instructions",
        action="store_true",
        help="also count the instructions to each first frame under callgrind (valgrind)",
    )
    args = parser.parse_args()
    if not shutil.which("tmux"):
        raise SystemExit("tmux is needed (apt-get install tmux)")
    if args.instructions and not shutil.which("valgrind"):
        raise SystemExit("--instructions needs valgrind (apt-get install valgrind)")

    with tempfile.TemporaryDirectory(prefix="cafe-bench-") as tmp:
        base = Path(tmp)
        folder = base / "möte"
        make_meeting(folder)
        minimal = base / "minimal_app.py"
        minimal.write_text(MINIMAL, encoding="utf-8")
        env = f"cd {ROOT} && unset COLUMNS LINES PYTHONDONTWRITEBYTECODE && HOME={base} TZ=UTC"
        cafe_markers = ("DAGORDNING", "Runda 2 av 4", "Bord 8")
        commands = {
            "cafe run": (
                f"{env} exec {sys.executable} -m cafe run '{folder}' --no-server --lang sv",
                cafe_markers,
            ),
            "minimal Textual app": (
                f"{env} exec {sys.executable} {minimal}",
                ("MINIMAL-FIRST-FRAME",),
            ),
        }
        terminal = Terminal()
        try:
            for command, marker in commands.values():
                terminal.first_frame(command, marker)  # warm-up: bytecode, disk cache
            times: dict[str, list[float]] = {name: [] for name in commands}
            for run in range(args.runs):
                for name, (command, marker) in commands.items():
                    seconds = terminal.first_frame(command, marker)
                    times[name].append(seconds)
                    print(f"run {run + 1}: {name:<20} {seconds * 1000:7.0f} ms", flush=True)
            counted: dict[str, int] = {}
            if args.instructions:
                counted["cafe run"] = instructions(
                    terminal, base, f"cafe run '{folder}' --no-server --lang sv", cafe_markers
                )
                counted["minimal Textual app"] = instructions(
                    terminal, base, str(minimal), ("MINIMAL-FIRST-FRAME",)
                )
        finally:
            terminal.close()

    medians = {name: statistics.median(values) for name, values in times.items()}
    print()
    for name, median in medians.items():
        print(f"median {name:<20} {median * 1000:7.0f} ms  (of {args.runs})")
    ratio = medians["cafe run"] / medians["minimal Textual app"]
    print(f"ratio cafe run / minimal app: {ratio:.2f}")
    print(f"load average while measuring: {os.getloadavg()[0]:.2f} ({os.cpu_count()} CPUs)")
    if counted:
        print()
        for name, count in counted.items():
            print(f"instructions {name:<20} {count / 1e6:7.0f} M")
        ratio = counted["cafe run"] / counted["minimal Textual app"]
        print(f"instruction ratio cafe run / minimal app: {ratio:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
