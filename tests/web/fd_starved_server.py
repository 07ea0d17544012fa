"""A LanServer with few file descriptors left, logging as ``cafe run`` does: for a test.

``python -m tests.web.fd_starved_server FOLDER SPARE``: makes a meeting in FOLDER, starts
the server on 127.0.0.1 with a 1 s header timeout, leaves it SPARE more descriptors than
it holds, prints the port, and stops when its standard input closes.
"""

from __future__ import annotations

import asyncio
import os
import resource
import sys
from pathlib import Path

from cafe.cli import run_cmd
from cafe.web.connections import ConnectionLimits
from cafe.web.server import LanServer
from tests.meetings import new_meeting


async def main(folder: Path, spare: int) -> None:
    service = new_meeting(folder)
    run_cmd._log_to(folder / run_cmd.LOG_FILE)
    limits = ConnectionLimits(headers_seconds=1.0, per_address=10_000)
    server = LanServer(
        service, host="127.0.0.1", port=0, lan_address=lambda: "127.0.0.1", limits=limits
    )
    await server.start()
    in_use = len(os.listdir("/proc/self/fd"))
    hard = resource.getrlimit(resource.RLIMIT_NOFILE)[1]
    resource.setrlimit(resource.RLIMIT_NOFILE, (in_use + spare, hard))
    print(server.port, flush=True)
    loop = asyncio.get_running_loop()
    reader = asyncio.StreamReader()
    await loop.connect_read_pipe(lambda: asyncio.StreamReaderProtocol(reader), sys.stdin)
    await reader.read()
    await server.stop()


if __name__ == "__main__":
    asyncio.run(main(Path(sys.argv[1]), int(sys.argv[2])))
