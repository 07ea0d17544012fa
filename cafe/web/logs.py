"""Log files that hold no secret, cannot be forged from outside, and cannot fill the disk.

``server.log`` and ``cafe.log`` sit in the meeting folder, and paths typed by anyone on
the venue's Wi-Fi end up in them. So every line is written by ``SafeFormatter``:

- tokens are cut out: the segment after each of ``links.TOKEN_PREFIXES`` (the server
  checks that every ``{token}`` route in its table sits under one, see
  ``check_token_routes``), and anything else shaped like one of our random tokens (an
  exception message, a repr);
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
from typing import TYPE_CHECKING

from cafe.links import TOKEN_PREFIXES

if TYPE_CHECKING:  # this module is loaded before aiohttp, by cafe.log at start-up
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


def token_prefixes(routes: Iterable[web.RouteDef]) -> set[str]:
    """The path before the ``{token}`` segment of every route that has one (``/m/``)."""
    return {
        "/".join(parts[: parts.index("{token}")]) + "/"
        for parts in (route.path.split("/") for route in routes)
        if "{token}" in parts
    }


def check_token_routes(routes: Iterable[web.RouteDef]) -> None:
    """Refuse a route table with a token where the logs would not cut it out."""
    uncovered = token_prefixes(routes) - set(TOKEN_PREFIXES)
    if uncovered:
        raise RuntimeError(
            f"routes with a token under {sorted(uncovered)}: add them to links.TOKEN_PREFIXES"
        )


def path_redactor(prefixes: Iterable[str]) -> Callable[[str], str]:
    """A function that cuts the segment after each of ``prefixes`` out of a text.

    It finds the segment wherever the path appears: alone, in a full URL, or twice.
    """
    ordered = sorted(set(prefixes), key=len, reverse=True)
    if not ordered:
        return lambda text: _TOKEN_SHAPED.sub(REDACTED, text)
    pattern = re.compile(
        "(" + "|".join(re.escape(p) for p in ordered) + r")[^/\s?#\"'<>]+", re.IGNORECASE
    )

    def redact(text: str) -> str:
        return _TOKEN_SHAPED.sub(REDACTED, pattern.sub(rf"\g<1>{REDACTED}", text))

    return redact


redact_tokens = path_redactor(TOKEN_PREFIXES)
"""Cuts the tokens out of a text: the one redactor of ``server.log`` and ``cafe.log``."""


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
        self._second: tuple[int, str] = (-1, "")
        """The last whole second's date and time as written: a burst of requests shares it."""

    def formatTime(self, record: logging.LogRecord, datefmt: str | None = None) -> str:
        """Like ``logging.Formatter``'s, with the date and time made once per second."""
        if datefmt is not None:
            return super().formatTime(record, datefmt)
        second = int(record.created)
        if self._second[0] != second:
            self._second = (second, time.strftime(self.default_time_format, self.converter(second)))
        return self.default_msec_format % (self._second[1], record.msecs)

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


class _RotatingLog(RotatingFileHandler):
    """``RotatingFileHandler`` that formats each record once.

    The stock one formats a record twice (once to measure it for the rotation) and asks
    the file system twice per record whether the log is still a regular file: in a burst
    of 500 sign-ups that was a fifth of the server's work per request. Each line is still
    written and flushed as it comes.
    """

    def emit(self, record: logging.LogRecord) -> None:
        try:
            line = self.format(record) + self.terminator
            if self.stream is None:
                self.stream = self._open()
            full = self.maxBytes > 0 and self.stream.seek(0, 2) + len(line) >= self.maxBytes
            if full and Path(self.baseFilename).is_file():  # never /dev/null (bpo-45401)
                self.doRollover()
            self.stream.write(line)
            self.flush()
        except RecursionError:
            raise
        except Exception:
            self.handleError(record)


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
    handler = _RotatingLog(path, maxBytes=max_bytes, backupCount=backups, encoding="utf-8")
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
