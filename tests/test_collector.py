"""The garbage collector is paused from process start to the console's first frame (or
to the start of a command without one), and runs as usual after that."""

from __future__ import annotations

import gc
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from cafe import collector
from cafe.cli import agenda_cmd
from cafe.tui.app import CafeApp
from tests.cli_in_process import run_cafe
from tests.tui.helpers import FakePhoneServer, meeting


@pytest.fixture
def paused() -> Iterator[None]:
    """The collector as ``cafe`` pauses it at start; on again afterwards, whatever happens."""
    collector.pause_collection()
    try:
        yield
    finally:
        collector.resume_collection()
        gc.enable()


def test_resume_turns_on_only_what_pause_turned_off() -> None:
    gc.disable()
    try:
        collector.pause_collection()  # already off: not ours to turn back on
        collector.resume_collection()
        assert not gc.isenabled()
    finally:
        gc.enable()
    collector.pause_collection()
    assert not gc.isenabled()
    collector.resume_collection()
    assert gc.isenabled()


def test_a_command_without_a_console_runs_with_the_collector_on(
    paused: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[bool] = []
    monkeypatch.setattr(agenda_cmd, "run_list", lambda args: seen.append(gc.isenabled()))
    assert run_cafe("agenda", "list").returncode == 0
    assert seen == [True]


def test_cafe_run_keeps_it_paused_until_the_console_has_drawn_its_first_frame(
    paused: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    meeting(tmp_path / "m", registered=3)[0].log.close()
    at_start: list[bool] = []
    monkeypatch.setattr(CafeApp, "run", lambda self, *a, **k: at_start.append(gc.isenabled()))
    assert run_cafe("run", str(tmp_path / "m"), "--no-server").returncode == 0
    assert at_start == [False]


async def test_the_console_turns_it_back_on_after_its_first_frame(
    paused: None, tmp_path: Path
) -> None:
    service, clock = meeting(tmp_path / "m", registered=3)
    app = CafeApp(service, clock=clock, server=FakePhoneServer(), lang="sv")
    assert not gc.isenabled()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert gc.isenabled()


def test_the_process_entry_pauses_it_before_the_command_line_is_imported() -> None:
    code = (
        "import gc, sys\n"
        "import cafe.__main__ as entry\n"
        "print('cafe.cli' in sys.modules)\n"
        "import cafe.cli\n"
        "cafe.cli.main = lambda argv=None: print(gc.isenabled()) or 0\n"
        "raise SystemExit(entry.main())\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]


def test_a_demo_without_a_screen_runs_with_the_collector_on(
    paused: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from cafe.demo import session

    seen: list[bool] = []

    async def headless(*args: object, **kwargs: object) -> int:
        seen.append(gc.isenabled())
        return 0

    monkeypatch.setattr(session, "run_headless", headless)
    result = run_cafe("demo", "--headless", "--people", "12", "--dir", str(tmp_path / "demo"))
    assert result.returncode == 0, result.stderr
    assert seen == [True]
