"""Group commit: the phones' submissions that arrive together share one transaction.

Every submission must be durable before its phone hears "thank you", and making it durable
costs an fsync. Five hundred phones posting at once used to pay five hundred fsyncs, one
after another, on the loop the TUI's timer shares. Here each handler hands its command
over and waits; the commands that arrived in the same turn of the event loop run together
inside ``MeetingService.group`` (one transaction, one fsync), and every handler is
answered only after that commit.

During a burst the pacer (``cafe.web.pacing``) lets 32 requests start per turn, so a group
per turn still meant an fsync per 32 phones. While requests are waiting for their turn, a
group waits one turn more for the next ones (``turns``, at most ``most`` commands): half
the fsyncs, and a request is answered at most one turn later. With nobody waiting, a group
commits at once. A snapshot of the state that falls due (``MeetingService.snapshot_if_due``)
is taken once nobody is waiting, after the phones' answers, not in the middle of a burst.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any, TypeVar

from cafe.core.errors import CafeError
from cafe.core.service import MeetingService

T = TypeVar("T")

TURNS = 2
"""Turns of the loop a group may collect commands for while requests wait for theirs."""
MOST = 64
"""Commands in a group that is committed without waiting for another turn."""


class GroupCommit:
    """Collects commands for one turn of the loop (two in a burst), then commits them."""

    def __init__(
        self,
        service: MeetingService,
        backlog: Callable[[], int] = lambda: 0,
        *,
        turns: int = TURNS,
        most: int = MOST,
    ) -> None:
        self.service = service
        self.backlog = backlog
        """How many requests are waiting to start (``Pacer.waiting``)."""
        self.turns = turns
        self.most = most
        self._waiting: list[tuple[Callable[[], Any], asyncio.Future[Any]]] = []
        self._scheduled = False
        self._turns_waited = 0
        self.commits = 0
        """Groups committed so far (benchmarks and tests read it)."""

    async def run(self, command: Callable[[], T]) -> T:
        """Run ``command`` (a service call) in the next group; its result once durable.

        A ``CafeError`` the command raises (a wrong e-mail, say) is that command's alone:
        the others in its group are stored. A failed commit (a full disk) fails them all,
        and none of them is stored.
        """
        loop = asyncio.get_running_loop()
        future: asyncio.Future[T] = loop.create_future()
        self._waiting.append((command, future))
        if not self._scheduled:
            self._scheduled = True
            loop.call_soon(self._flush)
        return await future

    def _flush(self) -> None:
        more_coming = self._turns_waited + 1 < self.turns and len(self._waiting) < self.most
        if more_coming and self.backlog() > 0:
            self._turns_waited += 1
            asyncio.get_running_loop().call_soon(self._flush)
            return
        self._scheduled = False
        self._turns_waited = 0
        batch, self._waiting = self._waiting, []
        outcomes: list[tuple[asyncio.Future[Any], Any, CafeError | None]] = []
        try:
            with self.service.group(snapshot=False):
                for command, future in batch:
                    try:
                        outcomes.append((future, command(), None))
                    except CafeError as error:
                        outcomes.append((future, None, error))
        except Exception as error:  # the commit failed: nothing of this group is stored
            for _command, future in batch:
                if not future.done():
                    future.set_exception(error)
            return
        self.commits += 1
        for future, value, problem in outcomes:
            if future.done():  # its request was cancelled (the phone went away)
                continue
            if problem is not None:
                future.set_exception(problem)
            else:
                future.set_result(value)
        asyncio.get_running_loop().call_soon(self._snapshot_when_quiet)

    def _snapshot_when_quiet(self) -> None:
        """A snapshot that fell due, once no command and no request is waiting (it may
        take a while: it is taken after the answers just released, not before them)."""
        if not self._waiting and self.backlog() == 0:
            self.service.snapshot_if_due()
