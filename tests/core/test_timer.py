"""The timer is arithmetic over events and the clock."""

from __future__ import annotations

from cafe.core.timer import Timer, TimerPhase, format_seconds


def test_runs_pauses_resumes_without_drift() -> None:
    timer = Timer(duration=1200).start(at=100.0)
    assert timer.remaining(100.0) == 1200
    assert timer.remaining(400.0) == 900
    timer = timer.pause(at=400.0)
    assert timer.remaining(10_000.0) == 900, "paused time does not count"
    timer = timer.resume(at=1000.0)
    assert timer.remaining(1100.0) == 800
    assert timer.phase(1100.0) is TimerPhase.RUNNING


def test_adjust_and_phases() -> None:
    timer = Timer(duration=1200).start(at=0.0).adjust(60)
    assert timer.remaining(0.0) == 1260
    assert timer.phase(1260 - 119) is TimerPhase.WARNING
    assert timer.phase(1261) is TimerPhase.OVERTIME
    assert Timer(duration=10).phase(0) is TimerPhase.IDLE
    assert Timer(duration=30).adjust(-60).duration == 0


def test_format_rounds_up_and_shows_overtime() -> None:
    assert format_seconds(1200) == "20:00"
    assert format_seconds(59.2) == "01:00"
    assert format_seconds(0.4) == "00:01"
    assert format_seconds(0) == "00:00"
    assert format_seconds(-61) == "-01:01"
