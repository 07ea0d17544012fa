"""One program at a time drives a meeting: a lock file beside ``meeting.db``.

``cafe run``, ``cafe serve`` and ``cafe purge`` each hold the meeting's state in memory
(or rewrite it), so a second one on the same folder would work from a stale copy. The
lock is an OS advisory lock (``flock``), released by the kernel when the process dies,
so a laptop that crashed never leaves the folder locked.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import os
from collections.abc import Iterator
from pathlib import Path

from cafe.core.errors import StoreError
from cafe.i18n import t

LOCK_FILE = "meeting.lock"


@contextlib.contextmanager
def meeting_lock(folder: Path) -> Iterator[None]:
    """Hold the folder's lock for the ``with`` block; ``StoreError`` if another holds it."""
    path = Path(folder) / LOCK_FILE
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    except OSError as error:
        key = "store.read_only" if error.errno in (errno.EACCES, errno.EROFS) else "store.failed"
        raise StoreError(f"{folder}: {t(key, detail=error.strerror)}") from None
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(fd, 32, 0).decode("ascii", "replace").strip() or "?"
            raise StoreError(f"{folder}: {t('store.in_use', pid=holder)}") from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode("ascii"), 0)
        yield
    finally:
        os.close(fd)
