"""Which other processes hold a file open, read from ``/proc`` (Linux).

SQLite cannot finish a checkpoint while another connection reads the database, so a
purge made beside a reader would leave the old pages, names included, in ``meeting.db``
and only the purged copy in the write-ahead log. The purge therefore refuses while any
other process has the file open, and names it.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

PROC = Path("/proc")


@dataclass(frozen=True, slots=True)
class Holder:
    """A process holding one of the files open."""

    pid: int
    command: str


def _command(pid: str) -> str:
    try:
        raw = (PROC / pid / "cmdline").read_bytes()
    except OSError:
        return "?"
    words = [w.decode("utf-8", "replace") for w in raw.split(b"\0") if w]
    text = " ".join(words) or "?"
    return "".join(c if c.isprintable() else "?" for c in text)[:200]


def holders(paths: Iterable[Path]) -> list[Holder]:
    """Other processes (not this one) with any of ``paths`` open, in pid order.

    Processes of other users cannot be seen without their permission; the meeting folder
    is the owner's alone (0700), so only the owner's processes can open it anyway.
    """
    wanted = {str(Path(p).resolve()) for p in paths}
    own = str(os.getpid())
    found: list[Holder] = []
    try:
        entries = list(PROC.iterdir())
    except OSError:
        return found
    for entry in entries:
        if not entry.name.isdigit() or entry.name == own:
            continue
        try:
            fds = list((entry / "fd").iterdir())
        except OSError:
            continue
        for fd in fds:
            try:
                target = os.readlink(fd)
            except OSError:
                continue
            if target.removesuffix(" (deleted)") in wanted:
                found.append(Holder(int(entry.name), _command(entry.name)))
                break
    return sorted(found, key=lambda holder: holder.pid)
