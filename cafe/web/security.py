"""What keeps a room full of phones from hurting the meeting.

- CSRF: a signed double-submit cookie. Each browser gets a random session cookie; each
  form carries ``HMAC(secret, session | form path)``. A page on another site can make a
  browser post to us, but it can neither read the cookie nor compute the HMAC.
- Rate limit: token buckets (``RateLimiter``) per phone and per address, so one phone
  (or a stuck script) cannot flood the laptop; see ``cafe.web.budgets`` for the sizes.
- Body cap: ``client_max_size`` on the application plus an early ``Content-Length``
  check, answered with a page that says what happened rather than a crash.
- Headers: a strict Content-Security-Policy (nothing external, no inline script or
  style), no caching of pages that show personal data, no referrer (URLs carry tokens).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass, field

MAX_BODY = 64 * 1024
"""Largest request body accepted: twenty long ideas in any script fit with room to spare."""

SESSION_COOKIE = "cafe_session"
LANG_COOKIE = "cafe_lang"

_SUBMISSION = re.compile(r"^[A-Za-z0-9_-]{16,64}$")
_SESSION = re.compile(r"^[A-Za-z0-9_-]{32,64}$")

SECURITY_HEADERS: dict[str, str] = {
    "Content-Security-Policy": (
        "default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self' data:; "
        "connect-src 'self'; media-src 'self'; form-action 'self'; base-uri 'none'; "
        "frame-ancestors 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
}


def new_submission_id() -> str:
    """A random id for one rendered form: a resend of that form is the same submission."""
    return secrets.token_urlsafe(16)


def valid_submission_id(value: str) -> bool:
    return bool(_SUBMISSION.match(value))


def new_session_id() -> str:
    return secrets.token_urlsafe(32)


def valid_session_id(value: str | None) -> bool:
    return bool(value) and bool(_SESSION.match(value or ""))


class CsrfGuard:
    """Signs and checks form tokens bound to a browser session and a form path."""

    def __init__(self, secret: bytes) -> None:
        self._secret = secret

    def token(self, session: str, path: str) -> str:
        digest = hmac.new(self._secret, f"{session}|{path}".encode(), hashlib.sha256).digest()
        return base64.urlsafe_b64encode(digest).decode("ascii").rstrip("=")

    def verify(self, session: str | None, path: str, token: str) -> bool:
        if not valid_session_id(session) or not token:
            return False
        return hmac.compare_digest(self.token(session or "", path), token)

    def session_tag(self, session: str) -> str:
        """A stable, keyed tag for a session: two sign-ups from one phone match, while
        the stored tag cannot be turned back into the cookie that would act as that phone."""
        digest = hmac.new(self._secret, f"person|{session}".encode(), hashlib.sha256).digest()
        return base64.urlsafe_b64encode(digest[:12]).decode("ascii")


@dataclass(frozen=True, slots=True)
class RateLimit:
    """A token bucket: ``burst`` requests at once, refilled at ``per_second``."""

    burst: float = 60.0
    per_second: float = 2.0


DEFAULT_RATE_LIMIT = RateLimit()
"""A phone loading a page needs two or three requests; sixty at once is generous, and
two a second is far beyond what a person tapping can do."""


@dataclass(slots=True)
class _Bucket:
    tokens: float
    at: float


@dataclass
class RateLimiter:
    """Per-client token buckets; forgets clients that have been quiet for a while."""

    limit: RateLimit = DEFAULT_RATE_LIMIT
    clock: Callable[[], float] = time.monotonic
    max_clients: int = 4096
    _buckets: dict[str, _Bucket] = field(default_factory=dict)

    def wait(self, client: str, cost: float = 1.0) -> float:
        """Like ``allow``, but spends nothing: 0 if ``client`` could spend ``cost`` now."""
        bucket = self._buckets.get(client)
        if bucket is None:
            tokens = self.limit.burst
        else:
            elapsed = self.clock() - bucket.at
            tokens = min(self.limit.burst, bucket.tokens + elapsed * self.limit.per_second)
        return 0.0 if tokens >= cost else (cost - tokens) / self.limit.per_second

    def allow(self, client: str, cost: float = 1.0) -> float:
        """0 if the request may go ahead, else the seconds to wait before retrying."""
        now = self.clock()
        bucket = self._buckets.get(client)
        if bucket is None:
            if len(self._buckets) >= self.max_clients:
                self._forget_full(now)
            bucket = self._buckets[client] = _Bucket(self.limit.burst, now)
        bucket.tokens = min(
            self.limit.burst, bucket.tokens + (now - bucket.at) * self.limit.per_second
        )
        bucket.at = now
        if bucket.tokens >= cost:
            bucket.tokens -= cost
            return 0.0
        return (cost - bucket.tokens) / self.limit.per_second

    def _forget_full(self, now: float) -> None:
        """Drop clients whose bucket has refilled: they are no different from new ones."""
        refill = self.limit.burst / self.limit.per_second
        for client in [c for c, b in self._buckets.items() if now - b.at >= refill]:
            del self._buckets[client]
        if len(self._buckets) >= self.max_clients:
            oldest = sorted(self._buckets, key=lambda c: self._buckets[c].at)
            for client in oldest[: len(oldest) // 2]:
                del self._buckets[client]
