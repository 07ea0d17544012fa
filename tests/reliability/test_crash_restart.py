"""SIGKILL at random points of a whole meeting: nothing acknowledged is lost or doubled."""

from __future__ import annotations

import multiprocessing
import os
import random
import signal
from collections import Counter
from collections.abc import Iterator
from multiprocessing.connection import Connection
from multiprocessing.context import BaseContext
from pathlib import Path

import pytest

from cafe.core.state import fold
from cafe.storage.folder import open_meeting
from cafe.storage.sqlite_log import SqliteEventLog
from tests.reliability import crash_worker

pytestmark = pytest.mark.slow
"""Among the slowest tests of the suite (still run in CI; ``-m "not slow"`` skips them
for a quick run)."""

SPEED = 3000.0
MIN_KILLS = 50


def _forkserver() -> BaseContext:
    """Worker processes forked from one that has imported the meeting code once.

    Every run is still its own process, opening the folder afresh and killed with SIGKILL;
    only the interpreter start and imports (about a second each) are no longer repeated.
    """
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["tests.reliability.crash_worker"])
    return context


def test_meeting_survives_fifty_random_sigkills(tmp_path: Path) -> None:
    rng = random.Random(20261123)
    folder = tmp_path / "meeting"
    acked: dict[int, tuple[str, str]] = {}
    kills = 0
    kills_by_kind: Counter[str] = Counter()
    finished = False
    runs = 0
    context = _forkserver()
    while not finished:
        runs += 1
        assert runs < 400, "the meeting never finished"
        errors = tmp_path / f"worker-{runs}.err"
        channel, worker_end = context.Pipe()
        worker = context.Process(
            target=crash_worker.serve, args=(folder, SPEED, worker_end, errors), daemon=True
        )
        worker.start()
        worker_end.close()  # the worker's death then ends the channel here
        budget = rng.randint(1, 3)
        seen = 0
        for line in _lines(channel):
            word, *rest = line.split()
            if word == "RESUME":
                if acked:
                    _check_resume(folder, int(rest[0]), float(rest[1]), float(rest[2]))
                channel.send("go")
            elif word == "ACK":
                seq, kind, key = int(rest[0]), rest[1], rest[2]
                assert seq not in acked, f"event {seq} acknowledged twice"
                acked[seq] = (kind, key)
                seen += 1
                if seen >= budget:
                    assert worker.pid is not None
                    os.kill(worker.pid, signal.SIGKILL)
                    kills += 1
                    kills_by_kind[kind] += 1
                    break
            elif word == "DONE":
                finished = True
        worker.join(timeout=30)
        channel.close()
        if not finished:
            assert worker.exitcode == -signal.SIGKILL, errors.read_text()[-3000:]
        else:
            assert worker.exitcode == 0, errors.read_text()[-3000:]

    log = SqliteEventLog(folder / "meeting.db")
    assert log.connection().execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    stored = {e.seq: e for e in log.read()}
    for seq, (kind, key) in acked.items():
        assert seq in stored, f"acknowledged event {seq} ({kind}) lost"
        assert str(stored[seq].kind) == kind and (stored[seq].key or "-") == key
    keys = [e.key for e in stored.values() if e.key]
    assert len(keys) == len(set(keys)), "a resent submission was stored twice"

    service = open_meeting(folder)
    web_ideas = [i.text for i in service.state.ideas.values() if i.source == "web"]
    assert len(web_ideas) == len(set(web_ideas)), "an idea from a phone was stored twice"
    names = [s.name for s in service.state.signups.values()]
    assert len(names) == len(set(names)), "someone is on the sign-up lists twice"
    assert service.state.current_step == len(service.agenda.steps) - 1
    assert kills >= MIN_KILLS, f"only {kills} kills; the meeting had {len(stored)} events"
    during_signups = kills_by_kind["signed_up"]
    print(
        f"\n[figure] {kills} SIGKILLs over {len(stored)} events ({runs} runs); "
        f"{during_signups} during the sign-up burst; {len(acked)} acknowledged, 0 lost, 0 doubled"
    )
    assert during_signups >= 1, "no kill landed in the sign-up burst"


def _lines(channel: Connection) -> Iterator[str]:
    """What the worker said, until it exits (or is killed)."""
    while True:
        try:
            yield channel.recv()
        except EOFError:
            return


def _check_resume(folder: Path, step: int, remaining: float, now: float) -> None:
    """The restarted meeting is at the stored step, with the time left that the stored
    timer events give at that moment, and its clock went on from the last event."""
    log = SqliteEventLog(folder / "meeting.db")
    try:
        events = list(log.read())
    finally:
        log.close()
    state = fold(events)
    assert step == state.current_step
    timer = state.timers.get(step)
    last = max(e.at for e in events)
    assert 0 <= now - last < 2 * float(SPEED), "the meeting clock resumes where it stopped"
    if timer is not None:
        assert abs(timer.remaining(now) - remaining) < 1.0
