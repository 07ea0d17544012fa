"""Log files that hold no secret, cannot be forged from outside, and cannot fill the disk.

``server.log`` and ``cafe.log`` sit in the meeting folder, and paths typed by anyone on
the venue's Wi-Fi end up in them. So every line is written by ``SafeFormatter``:

- tokens are cut out: the path segments the route table marks ``{token}`` (so a new page
  is covered without anyone listing it here), and anything else shaped like one of our
  random tokens (an exception message, a repr);
- characters that are not printable (``%0a`` decoded to a newline, ``%1b`` to an escape)
  are written as ``\\n`` and ``\\x1b``; the lines of a traceback are indented, so no text
  from outside can start a line that looks like a record of its own;
- ``log_file_handler`` rotates the file at ``LOG_MAX_BYTES`` and keeps ``LOG_BACKUPS``
  old ones.

``AcceptErrorThrottle`` turns asyncio's traceback for every failed ``accept()`` (the
process is out of file descriptors: a flood of connections) into one line a minute.
"""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Callable, Iterable
from logging.handlers import RotatingFileHandler
from pathlib import Path

from aiohttp import web

LOG_MAX_BYTES = 2 * 1024 * 1024
"""A day of a busy meeting's access log is well under this."""
LOG_BACKUPS = 2
"""Rotated files kept (``server.log.1``, ``server.log.2``): at most 6 MiB per log."""
ACCEPT_REPORT_SECONDS = 60.0
REDACTED = "…"

_TOKEN_SHAPED = re.compile(
    r"(?<![A-Za-z0-9_-])(?=[A-Za-z0-9_-]*[A-Z])(?=[A-Za-z0-9_-]*[a-z])"
    r"[A-Za-z0-9_-]{22,}(?![A-Za-z0-9_-])"
)
"""URL-safe text of 22 characters or more with upper and lower case: our tokens and
session cookies. No digit is required: one token in about 200 has none (32 random
characters), and it leaked. A long CamelCase name in a traceback is cut too; that costs
nothing, while a snake_case name or a word stays."""


def token_positions(routes: Iterable[web.RouteDef]) -> dict[str, int]:
    """Per first path segment (``m``, ``t``, ``screen``, ``c`` ...), where its token sits."""
    positions: dict[str, int] = {}
    for route in routes:
        parts = route.path.split("/")
        if "{token}" in parts and len(parts) > 1:
            positions[parts[1]] = parts.index("{token}")
    return positions


def path_redactor(routes: Iterable[web.RouteDef]) -> Callable[[str], str]:
    """A function that cuts every route's ``{token}`` segment out of a text.

    It finds the segment wherever the path appears: alone, in a full URL, or twice.
    """
    prefixes = sorted(
        {
            "/".join(parts[: parts.index("{token}")]) + "/"
            for parts in (route.path.split("/") for route in routes)
            if "{token}" in parts
        },
        key=len,
        reverse=True,
    )
    if not prefixes:
        return lambda text: text
    pattern = re.compile(
        "(" + "|".join(re.escape(p) for p in prefixes) + r")[^/\s?#\"'<>]+", re.IGNORECASE
    )

    def redact(text: str) -> str:
        return _TOKEN_SHAPED.sub(REDACTED, pattern.sub(rf"\g<1>{REDACTED}", text))

    return redact


def escape_unprintable(text: str) -> str:
    """``text`` with every unprintable character written as a Python escape (``\\x1b``)."""
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() else c.encode("unicode_escape").decode() for c in text)


class SafeFormatter(logging.Formatter):
    """One record, one line (plus an indented traceback): redacted and escaped."""

    def __init__(self, redact: Callable[[str], str]) -> None:
        super().__init__("%(asctime)s %(levelname)s %(name)s %(message)s")
        self.redact = redact

    def format(self, record: logging.LogRecord) -> str:
        saved = record.msg, record.args, record.exc_text
        record.msg, record.args = escape_unprintable(self.redact(record.getMessage())), None
        try:
            text = super().format(record)
        finally:  # other handlers of the record see it as it was
            record.msg, record.args, record.exc_text = saved
        first, *rest = text.split("\n")
        if not rest:
            return first
        indented = ("    " + escape_unprintable(self.redact(line)) for line in rest)
        return "\n".join([first, *indented])


def log_file_handler(
    path: Path,
    redact: Callable[[str], str],
    *,
    max_bytes: int = LOG_MAX_BYTES,
    backups: int = LOG_BACKUPS,
) -> logging.Handler:
    """A handler writing ``path`` with ``SafeFormatter``, rotated at ``max_bytes``.

    The file is opened now, not at the first record: the record that matters most may
    come when the process has no file descriptor left to open it with.
    """
    handler = RotatingFileHandler(path, maxBytes=max_bytes, backupCount=backups, encoding="utf-8")
    handler.setFormatter(SafeFormatter(redact))
    return handler


ACCEPT_FAILED = "socket.accept() out of system resource"
"""How asyncio's event loop words it when ``accept()`` fails (EMFILE, ENFILE, ENOBUFS)."""
ACCEPT_RETRY = "Exception in callback BaseSelectorEventLoop._start_serving"
"""The loop's retry a second after a failed accept, when the server has been closed in
between: a traceback per failure, about a socket that is gone (Python 3.11)."""


class AcceptErrorThrottle(logging.Filter):
    """Lets one failed-``accept()`` record through per ``every`` seconds, with a count.

    The loop retries a second later and logs a full traceback each time; during a flood
    of connections that filled a log with tens of megabytes in seconds.
    """

    def __init__(
        self, every: float = ACCEPT_REPORT_SECONDS, clock: Callable[[], float] = time.monotonic
    ) -> None:
        super().__init__()
        self.every = every
        self.clock = clock
        self._since_report = 0
        self._reported_at: float | None = None

    def filter(self, record: logging.LogRecord) -> bool:
        if str(record.msg).startswith(ACCEPT_RETRY):
            return False  # one per failed accept, after the stop: nothing to act on
        if not str(record.msg).startswith(ACCEPT_FAILED):
            return True
        self._since_report += 1
        now = self.clock()
        if self._reported_at is not None and now - self._reported_at < self.every:
            return False
        error = record.exc_info[1] if record.exc_info else None
        record.msg = (
            "cannot accept new connections (%s): %d time(s) since the last report; "
            "open ones close by their timeouts, then new ones are accepted again"
        )
        record.args = (error, self._since_report)
        record.exc_info = None
        record.exc_text = None
        self._since_report = 0
        self._reported_at = now
        return True
