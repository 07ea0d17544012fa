"""A process that signs people up through the group commit until it is killed.

Usage: ``python -m tests.web.group_commit_worker DIR``. Starts waves of 40 concurrent
sign-ups (as a burst of phones would) and prints ``ACK <n>`` for each one as soon as its
``GroupCommit.run`` returns, that is, when the server would answer that phone. The test
kills it with SIGKILL part-way and checks that every acknowledged sign-up is stored.
"""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

from cafe.storage.folder import open_meeting
from cafe.web.group_commit import GroupCommit

WAVE = 40


async def main(folder: Path) -> None:
    service = open_meeting(folder)
    group = GroupCommit(service)

    async def one(n: int) -> None:
        await group.run(
            lambda: service.sign_up(
                name=f"Person {n}", consent=True, source="web", key=f"signup:{n}"
            )
        )
        print(f"ACK {n}", flush=True)

    n = 0
    while True:
        await asyncio.gather(*(one(n + i) for i in range(WAVE)))
        n += WAVE


if __name__ == "__main__":
    asyncio.run(main(Path(sys.argv[1])))
