"""The pacer: a burst of requests is spread over turns of the loop, first come first served."""

from __future__ import annotations

import asyncio
from collections import Counter

import pytest

from cafe.web.pacing import Pacer


class TurnCounter:
    """Counts turns of the event loop: a callback that reschedules itself every turn."""

    def __init__(self) -> None:
        self.turn = 0
        self._handle: asyncio.Handle | None = None

    def start(self) -> None:
        self._handle = asyncio.get_running_loop().call_soon(self._tick)

    def _tick(self) -> None:
        self.turn += 1
        self._handle = asyncio.get_running_loop().call_soon(self._tick)

    def stop(self) -> None:
        if self._handle is not None:
            self._handle.cancel()


async def test_a_burst_is_spread_over_turns_in_arrival_order() -> None:
    pacer = Pacer(per_turn=10)
    turns = TurnCounter()
    turns.start()
    ran: list[tuple[int, int]] = []

    async def request(number: int) -> None:
        await pacer.turn()
        ran.append((number, turns.turn))

    await asyncio.gather(*(request(n) for n in range(100)))
    turns.stop()
    assert [number for number, _ in ran] == list(range(100)), "not first come, first served"
    per_turn = Counter(turn for _, turn in ran)
    assert max(per_turn.values()) <= 10
    assert len(per_turn) >= 10
    assert pacer.waiting == 0


async def test_a_timer_due_during_a_burst_runs_before_the_burst_ends() -> None:
    """The TUI's tick is a timer in the same loop: it must not wait for a thousand phones."""
    pacer = Pacer(per_turn=16)
    done = 0
    seen_at: list[int] = []

    async def request() -> None:
        nonlocal done
        await pacer.turn()
        done += 1

    loop = asyncio.get_running_loop()
    loop.call_later(0, lambda: seen_at.append(done))
    await asyncio.gather(*(request() for _ in range(1000)))
    assert seen_at and seen_at[0] < 100


async def test_a_request_that_gives_up_does_not_hold_up_the_rest() -> None:
    pacer = Pacer(per_turn=1)
    first = asyncio.ensure_future(pacer.turn())
    quitter = asyncio.ensure_future(pacer.turn())
    last = asyncio.ensure_future(pacer.turn())
    await asyncio.sleep(0)
    quitter.cancel()
    await asyncio.wait_for(asyncio.gather(first, last), timeout=1)
    assert quitter.cancelled()
    assert pacer.waiting == 0


async def test_requests_one_at_a_time_never_wait() -> None:
    pacer = Pacer(per_turn=1)
    turns = TurnCounter()
    turns.start()
    for _ in range(5):
        began = turns.turn
        await pacer.turn()
        assert turns.turn == began, "a lone request waited for a turn of the loop"
        await asyncio.sleep(0)
        await asyncio.sleep(0)
    turns.stop()


def test_a_pacer_lets_at_least_one_request_in_per_turn() -> None:
    with pytest.raises(ValueError):
        Pacer(per_turn=0)
