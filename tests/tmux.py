"""A real terminal for tests: a private tmux server running one command at 120x40."""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from collections.abc import Callable, Iterator

import pytest

TMUX = shutil.which("tmux") or "tmux"


class Tmux:
    """A private tmux server (its own socket) running one command at 120x40."""

    def __init__(self, socket: str) -> None:
        self.socket = socket

    def run(self, *args: str, check: bool = True) -> str:
        result = subprocess.run(
            [TMUX, "-L", self.socket, *args], capture_output=True, text=True, check=False
        )
        if check and result.returncode != 0:
            raise AssertionError(f"tmux {args}: {result.stderr}")
        return result.stdout

    def start(self, command: str) -> None:
        """Make the 120x40 window first, then run the command in it (no resize race)."""
        for _ in range(50):
            # Right after its last pane died (a test's kill -9), the old server may still be
            # exiting: a session made on it goes down with it. Then start again.
            self.run(
                "-f",
                "/dev/null",
                "new-session",
                "-d",
                "-s",
                "cafe",
                "-x",
                "120",
                "-y",
                "40",
                check=False,
            )
            size = self.run(
                "display-message",
                "-p",
                "-t",
                "cafe",
                "#{window_width}x#{window_height}",
                check=False,
            )
            if size.strip():
                break
            time.sleep(0.1)
        assert size.strip() == "120x40", size
        self.run("respawn-pane", "-k", "-t", "cafe", command)

    def screen(self) -> str:
        return self.run("capture-pane", "-p", "-t", "cafe", check=False)

    def keys(self, *keys: str) -> None:
        self.run("send-keys", "-t", "cafe", *keys)

    def type(self, text: str) -> None:
        self.run("send-keys", "-t", "cafe", "-l", text)

    def pid(self) -> int:
        return int(self.run("display-message", "-p", "-t", "cafe", "#{pane_pid}").strip())

    def alive(self) -> bool:
        return (
            subprocess.run(
                [TMUX, "-L", self.socket, "has-session", "-t", "cafe"], capture_output=True
            ).returncode
            == 0
        )

    def wait_for(self, found: Callable[[str], bool], what: str, timeout: float = 20.0) -> str:
        deadline = time.monotonic() + timeout
        shown = ""
        while time.monotonic() < deadline:
            shown = self.screen()
            if found(shown):
                return shown
            time.sleep(0.05)
        size = self.run("display-message", "-p", "-t", "cafe", "#{window_width}x#{window_height}")
        raise AssertionError(f"never showed {what!r}; the {size.strip()} screen was:\n{shown}")


@pytest.fixture
def tmux() -> Iterator[Tmux]:
    if not shutil.which("tmux"):
        pytest.fail("tmux is needed for this test (apt-get install tmux)")
    server = Tmux(f"cafe-test-{os.getpid()}")
    yield server
    server.run("kill-server", check=False)
