"""Turns for requests, so a flood of phones cannot stall the TUI that shares the loop.

Under ``cafe run`` the LAN server runs in the TUI's event loop. Each handler's work
between two awaits is short (render a page, commit a sign-up with fsync), but requests
that arrive together all run in the same turn of the loop, and the TUI's timer redraw
waits until that turn ends: a thousand phones at once held it for most of a second. The
pacer lets at most ``per_turn`` requests start in one turn of the loop; the others wait,
in the order they came, for the following turns. Timers that fall due in between (the
TUI's tick) run between those turns.
"""

from __future__ import annotations

import asyncio
from collections import deque

PER_TURN = 32
"""Requests started per turn of the loop: about 50 ms of work at the most (see bench_tui_load.py)."""


class Pacer:
    """First come, first served, ``per_turn`` at a time."""

    def __init__(self, per_turn: int = PER_TURN) -> None:
        if per_turn < 1:
            raise ValueError("per_turn must be at least 1")
        self.per_turn = per_turn
        self._started = 0
        """Requests let in since the last turn began."""
        self._waiting: deque[asyncio.Future[None]] = deque()
        self._turn_pending = False

    @property
    def waiting(self) -> int:
        """Requests waiting for a turn now."""
        return sum(1 for future in self._waiting if not future.done())

    async def turn(self) -> None:
        """Return when this request may run."""
        if not self._waiting and self._started < self.per_turn:
            self._started += 1
            self._next_turn_soon()
            return
        future: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self._waiting.append(future)
        self._next_turn_soon()
        await future

    def _next_turn_soon(self) -> None:
        if not self._turn_pending:
            self._turn_pending = True
            asyncio.get_running_loop().call_soon(self._next_turn)

    def _next_turn(self) -> None:
        """A new turn of the loop: let the next ``per_turn`` waiting requests go."""
        self._turn_pending = False
        self._started = 0
        while self._waiting and self._started < self.per_turn:
            future = self._waiting.popleft()
            if not future.done():  # a cancelled request gives up its place
                future.set_result(None)
                self._started += 1
        if self._started or self._waiting:
            self._next_turn_soon()
