"""Group commit: the phones' submissions that arrive together share one transaction.

Every submission must be durable before its phone hears "thank you", and making it durable
costs an fsync. Five hundred phones posting at once used to pay five hundred fsyncs, one
after another, on the loop the TUI's timer shares. Here each handler hands its command
over and waits; the commands that arrived in the same turn of the event loop run together
inside ``MeetingService.group`` (one transaction, one fsync), and every handler is
answered only after that commit.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any, TypeVar

from cafe.core.errors import CafeError
from cafe.core.service import MeetingService

T = TypeVar("T")


class GroupCommit:
    """Collects commands for one turn of the loop, then commits them together."""

    def __init__(self, service: MeetingService) -> None:
        self.service = service
        self._waiting: list[tuple[Callable[[], Any], asyncio.Future[Any]]] = []
        self._scheduled = False
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
        self._scheduled = False
        batch, self._waiting = self._waiting, []
        outcomes: list[tuple[asyncio.Future[Any], Any, CafeError | None]] = []
        try:
            with self.service.group():
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
