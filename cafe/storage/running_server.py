"""The address the meeting's server answers right now: ``DIR/server.json``.

``cafe run`` and ``cafe serve`` write it once their server listens and remove it when it
stops. ``cafe qr`` and ``cafe report --before`` read it, so that the codes they print
point at the running server (its real port when 8765 was busy, the host it was told to
use), not at an address detected anew. A file left behind by a crash names a process
that is gone, and is ignored. Reading takes no lock: it works beside ``cafe run``.
"""

from __future__ import annotations

import contextlib
import json
import os
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from cafe.storage.folder import write_atomically

SERVER_FILE = "server.json"


@dataclass(frozen=True)
class RunningServer:
    """What a running server recorded: the base phones use, where it listens, who runs it."""

    base: str
    host: str
    port: int
    pid: int


def record_running_server(folder: Path, base: str, host: str, port: int) -> RunningServer:
    """Record this process's server in ``folder`` (atomically: never a half-written file)."""
    record = RunningServer(base=base.rstrip("/"), host=host, port=int(port), pid=os.getpid())
    write_atomically(Path(folder) / SERVER_FILE, json.dumps(asdict(record), indent=2) + "\n")
    return record


def forget_running_server(folder: Path, port: int) -> None:
    """Remove the record if it is this process's server on ``port`` (not a newer one's)."""
    record = _read(Path(folder) / SERVER_FILE)
    if record is not None and record.pid == os.getpid() and record.port == port:
        with contextlib.suppress(OSError):
            (Path(folder) / SERVER_FILE).unlink()


def running_server(folder: Path) -> RunningServer | None:
    """The server serving ``folder``'s meeting now, or ``None`` (none, or a stale record)."""
    record = _read(Path(folder) / SERVER_FILE)
    if record is None or not _alive(record.pid):
        return None
    return record


def _read(path: Path) -> RunningServer | None:
    try:
        data: Any = json.loads(path.read_text(encoding="utf-8"))
        record = RunningServer(
            base=str(data["base"]).rstrip("/"),
            host=str(data["host"]),
            port=int(data["port"]),
            pid=int(data["pid"]),
        )
    except (OSError, ValueError, TypeError, KeyError):
        return None  # no server, or a file that is not ours to trust
    return record if record.base.startswith(("http://", "https://")) else None


def _alive(pid: int) -> bool:
    """Whether process ``pid`` exists (signal 0 checks without sending anything)."""
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except PermissionError:
        return True  # someone else's process, but alive
    except OSError:
        return False
    return True
