"""How much one phone, and one address, may ask of the server.

A venue's Wi-Fi often puts every phone behind one router: the laptop sees a hundred
people as one address. So a budget per address alone is either too small for the room
or too large to stop a script. Three token buckets instead (``security.RateLimiter``):

========================  =======  ============  =============================================
budget                    at once  then          why
========================  =======  ============  =============================================
pages and posts, address  600      10 a second   100 phones loading 3-4 pages each in a minute
posts, address            200      4 a second    100 phones each signing up and sending a
                                                 thought within a minute
posts, phone (cookie)     30       1 every 2 s   a person taps "send" a few times a minute, a
                                                 co-host sorts 40 ideas into themes in two; a
                                                 script that keeps its cookie gets 30 a minute
========================  =======  ============  =============================================

Static files (CSS, script, icon) cost nothing: they are the same few bytes for everyone
and cached. A request is only charged when every budget it needs allows it, so a refused
one costs nothing. A script that takes a new cookie for every post is held to the posts
per address: 4 a second, where one with a single cookie was held to 1 every 2 seconds.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field

from cafe.web.security import RateLimit, RateLimiter


@dataclass(frozen=True, slots=True)
class Budgets:
    """The three budgets' sizes (see the module's table)."""

    address: RateLimit = field(default_factory=lambda: RateLimit(burst=600, per_second=10))
    address_posts: RateLimit = field(default_factory=lambda: RateLimit(burst=200, per_second=4))
    session_posts: RateLimit = field(default_factory=lambda: RateLimit(burst=30, per_second=0.5))

    @classmethod
    def uniform(cls, limit: RateLimit) -> Budgets:
        """One size for all three (tests and the demo use a limitless one)."""
        return cls(address=limit, address_posts=limit, session_posts=limit)


DEFAULT_BUDGETS = Budgets()


class RequestBudgets:
    """Charges each request to the budgets it needs; the clock is injectable for tests."""

    def __init__(
        self, budgets: Budgets = DEFAULT_BUDGETS, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.address = RateLimiter(budgets.address, clock)
        self.address_posts = RateLimiter(budgets.address_posts, clock)
        self.session_posts = RateLimiter(budgets.session_posts, clock)

    def charge(self, address: str, session: str | None, *, post: bool) -> float:
        """0 if the request may go ahead (it is then charged), else the seconds to wait.

        ``session`` is the phone's session cookie, ``None`` if it sent none (such a post
        fails its CSRF check anyway; those share one budget per address).
        """
        needed = [(self.address, address)]
        if post:
            needed.append((self.address_posts, address))
            needed.append((self.session_posts, session or f"no session from {address}"))
        wait = max(limiter.wait(key) for limiter, key in needed)
        if wait > 0:
            return wait
        for limiter, key in needed:
            limiter.allow(key)
        return 0.0
