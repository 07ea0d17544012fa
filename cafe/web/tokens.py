"""Secret URL tokens: which table a token belongs to, and the server's signing secret.

``cafe.storage.folder`` makes and keeps the tokens (so a QR code printed yesterday still
works); this module only reads them back. Tokens are compared in constant time so that
response timing says nothing about how close a guess was.
"""

from __future__ import annotations

import hmac
import secrets

from cafe.core.service import MeetingService
from cafe.storage.folder import COHOST_TOKEN_KEY, table_tokens
from cafe.storage.sqlite_log import SqliteEventLog

WEB_SECRET_KEY = "web_secret"


def same_token(given: str, expected: str) -> bool:
    """Constant-time comparison of a URL token with the real one."""
    return hmac.compare_digest(given.encode("utf-8", "replace"), expected.encode("utf-8"))


def _log(service: MeetingService) -> SqliteEventLog:
    log = service.log
    if not isinstance(log, SqliteEventLog):
        raise TypeError("the web server needs a meeting stored in SQLite")
    return log


class TableTokens:
    """Resolve a table token to its table number.

    Tokens can be made at any time (``cafe qr --table N`` in another process, or by the
    TUI), so an unknown token triggers one re-read of the meeting's settings before it is
    refused. Unknown tokens are rare (a wrong URL) and rate-limited per client.
    """

    def __init__(self, service: MeetingService) -> None:
        _log(service)  # refuse a meeting not stored in SQLite at once
        self._service = service
        self._tokens: dict[int, str] | None = None

    def _reload(self) -> dict[int, str]:
        self._tokens = table_tokens(self._service)
        return self._tokens

    def _match(self, token: str, tokens: dict[int, str]) -> int | None:
        found = None
        for table, expected in tokens.items():
            if same_token(token, expected):
                found = table
        return found

    def table_for(self, token: str) -> int | None:
        """The table number for ``token``, or ``None`` if it is not a table's token."""
        if self._tokens is not None:
            found = self._match(token, self._tokens)
            if found is not None:
                return found
        return self._match(token, self._reload())


def cohost_token_matches(service: MeetingService, given: str) -> bool:
    """Whether ``given`` is the co-host console's token as stored now.

    Read on every request (one ``meta`` row), never cached: ``cafe qr --cohost --new``
    in another process revokes the old code while the server runs. No token stored yet
    means no console: every address under ``/c/`` is a 404 until a code is made.
    """
    expected = _log(service).get_meta(COHOST_TOKEN_KEY)
    if not expected:
        return False
    return same_token(given, expected)


def web_secret(service: MeetingService) -> bytes:
    """The key that signs form tokens, kept in the meeting so forms survive a restart."""
    log = _log(service)
    # One transaction makes it: two servers starting at once agree on one secret.
    secret = log.get_meta(WEB_SECRET_KEY) or log.meta_default(
        WEB_SECRET_KEY, secrets.token_urlsafe(32)
    )
    return secret.encode("ascii")
