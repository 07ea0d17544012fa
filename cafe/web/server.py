"""The LAN server: an aiohttp application for phones and the projector.

``build_app`` is a pure factory (tests use it with pytest-aiohttp's ``aiohttp_client``);
``LanServer`` runs it inside whatever event loop is running: the TUI's when
``cafe run`` starts, or its own under ``cafe serve``. There is no thread and only one
``MeetingService``, so what a phone sends is in the TUI's state the moment it commits.
"""

from __future__ import annotations

import errno
import logging
import math
import time
from collections.abc import Awaitable, Callable
from pathlib import Path

from aiohttp import web
from aiohttp.abc import AbstractAccessLogger, BaseRequest, StreamResponse

from cafe import links
from cafe.core.errors import CafeError, StoreError
from cafe.core.service import MeetingService
from cafe.storage.folder import cohost_token, meeting_token, table_token
from cafe.storage.printed_address import printed_base
from cafe.storage.running_server import forget_running_server, record_running_server
from cafe.web import cohost_views, views
from cafe.web.addresses import advertised_host, changed_address_warning
from cafe.web.budgets import DEFAULT_BUDGETS, Budgets, RequestBudgets
from cafe.web.connections import DEFAULT_LIMITS, ConnectionGate, ConnectionLimits
from cafe.web.context import CONTEXT, WebContext
from cafe.web.live import DEFAULT_FEED_LIMITS, FeedLimits, LiveHub
from cafe.web.logs import AcceptErrorThrottle, check_token_routes, log_file_handler, redact_tokens
from cafe.web.pacing import Pacer
from cafe.web.pages import Pages
from cafe.web.security import (
    MAX_BODY,
    SECURITY_HEADERS,
    SESSION_COOKIE,
    CsrfGuard,
    RateLimit,
    valid_session_id,
)
from cafe.web.tokens import TableTokens, web_secret

LOG_FILE = "server.log"
SHUTDOWN_SECONDS = 2.0
"""How long a stop waits for requests under way: a stalled phone never holds up quitting."""
logger = logging.getLogger("cafe.web")

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


@web.middleware
async def guard(request: web.Request, handler: Handler) -> web.StreamResponse:
    """Wait for a turn, rate limit per client, then turn failures into pages, not tracebacks."""
    ctx = request.app[CONTEXT]
    with ctx.gate.busy(request.protocol):
        return await _guarded(request, handler, ctx)


async def _guarded(request: web.Request, handler: Handler, ctx: WebContext) -> web.StreamResponse:
    await ctx.pacer.turn()
    wait = _charge(request, ctx)
    if wait > 0:
        seconds = max(1, math.ceil(wait))
        response = views.error_page(request, 429, "rate_limited", count=seconds, seconds=seconds)
        response.headers["Retry-After"] = str(seconds)
        return response
    try:
        return await handler(request)
    except web.HTTPNotFound:
        # A console whose code was replaced (cafe qr --cohost --new) was told to scan the
        # room's QR code, which is never the console's: it is told to ask for the new one.
        gone = request.path.startswith(links.cohost_path("").rstrip("/") + "/")  # /c/
        return views.error_page(request, 404, "console_gone" if gone else "not_found")
    except web.HTTPRequestEntityTooLarge:
        return views.error_page(request, 413, "too_large", limit=MAX_BODY // 1024)
    except StoreError:
        logger.exception("could not store a submission")
        return views.error_page(request, 503, "store")
    except CafeError as error:
        detail = error.text(views.Page(request).tr)  # in the phone's language
        return views.error_page(request, 400, "problem", detail=detail)


FREE_HANDLERS = frozenset({views.static_file, views.favicon})
"""Static files cost no budget: the same few cached bytes for every phone."""


def _charge(request: web.Request, ctx: WebContext) -> float:
    """Charge the request to its budgets (``cafe.web.budgets``); the seconds to wait, or 0."""
    if request.match_info.route.handler in FREE_HANDLERS:
        return 0.0
    session = request.cookies.get(SESSION_COOKIE)
    return ctx.budgets.charge(
        request.remote or "unknown",
        session if valid_session_id(session) else None,
        post=request.method == "POST",
    )


async def _security_headers(request: web.Request, response: web.StreamResponse) -> None:
    for name, value in SECURITY_HEADERS.items():
        response.headers.setdefault(name, value)


def build_app(
    service: MeetingService,
    *,
    public_base: str | Callable[[], str],
    lang: str | None = None,
    rate_limit: RateLimit | None = None,
    budgets: Budgets = DEFAULT_BUDGETS,
    budget_clock: Callable[[], float] = time.monotonic,
    limits: ConnectionLimits = DEFAULT_LIMITS,
    feed_limits: FeedLimits = DEFAULT_FEED_LIMITS,
) -> web.Application:
    """The web application for ``service``'s meeting.

    ``public_base`` is the address phones use (``http://192.0.2.10:8765``), or a
    function returning it when it is only known once the server has bound its port.
    ``lang`` overrides the meeting's language as the pages' default. ``rate_limit``, if
    given, is one size for all three ``budgets`` (the demo and tests use a limitless one).
    """
    base = public_base if callable(public_base) else (lambda: str(public_base))
    app = web.Application(middlewares=[guard], client_max_size=MAX_BODY)
    hub = LiveHub(limits=feed_limits)
    app[CONTEXT] = WebContext(
        service=service,
        public_base=base,
        lang=lang,
        meeting_token=meeting_token(service),
        tables=TableTokens(service),
        csrf=CsrfGuard(web_secret(service)),
        budgets=RequestBudgets(
            Budgets.uniform(rate_limit) if rate_limit else budgets, clock=budget_clock
        ),
        pacer=Pacer(),
        pages=Pages(),
        hub=hub,
        gate=ConnectionGate(limits.per_address),
        body_seconds=limits.body_seconds,
    )
    table = views.routes()
    check_token_routes(table)
    app.add_routes(table)
    cohost_views.install(app)
    app.on_response_prepare.append(_security_headers)

    async def attach(_: web.Application) -> None:
        hub.attach(service)

    async def end_feeds(_: web.Application) -> None:
        await hub.shutdown()

    async def detach(_: web.Application) -> None:
        hub.detach()

    app.on_startup.append(attach)
    app.on_shutdown.append(end_feeds)
    app.on_cleanup.append(detach)
    return app


ACCESS_LINE = '%s "%s %s" %s %.1fms'


class RedactedAccessLogger(AbstractAccessLogger):
    """Access log lines without the secret tokens in the path (escaped by the formatter).

    The record is made directly, not through ``logger.info``: that walks the stack for
    a file and line the log never shows, for every request.
    """

    def log(self, request: BaseRequest, response: StreamResponse, time: float) -> None:
        logger = self.logger
        if not logger.isEnabledFor(logging.INFO):
            return
        path = redact_tokens(request.path)
        values = (request.remote, request.method, path, response.status, time * 1000)
        logger.handle(
            logger.makeRecord(logger.name, logging.INFO, "", 0, ACCESS_LINE, values, None)
        )


class LanServer:
    """The web server for one meeting, run inside the current event loop.

    A server listening on one address (``host="127.0.0.1"``) hands out that address;
    one listening everywhere (``0.0.0.0``) hands out ``lan_address()``, the laptop's
    address on the venue's network (tests inject a fixed one). ``public_url`` overrides
    both (a hostname, or a port forwarded elsewhere). While it runs, the address is
    recorded in the meeting folder (``server.json``) for ``cafe qr``.
    """

    def __init__(
        self,
        service: MeetingService,
        host: str = "0.0.0.0",
        port: int = links.DEFAULT_PORT,
        public_url: str | None = None,
        lan_address: Callable[[], str] = links.detect_lan_address,
        *,
        lang: str | None = None,
        log_path: Path | None = None,
        rate_limit: RateLimit | None = None,
        budgets: Budgets = DEFAULT_BUDGETS,
        budget_clock: Callable[[], float] = time.monotonic,
        limits: ConnectionLimits = DEFAULT_LIMITS,
        feed_limits: FeedLimits = DEFAULT_FEED_LIMITS,
    ) -> None:
        self.service = service
        self.host = host
        self.port = port
        """The port asked for; after ``start()``, the port really in use."""
        self.public_url = public_url.rstrip("/") if public_url else None
        self.lan_address = lan_address
        self.lang = lang
        folder = getattr(service, "folder", None)
        self.folder: Path | None = Path(folder) if folder else None
        self.log_path = log_path or (Path(folder) / LOG_FILE if folder else None)
        self.rate_limit = rate_limit
        self.budgets = budgets
        self.budget_clock = budget_clock
        self.limits = limits
        self.feed_limits = feed_limits
        self.app: web.Application | None = None
        self._runner: web.AppRunner | None = None
        self._log_handler: logging.Handler | None = None
        self._accept_throttle: AcceptErrorThrottle | None = None
        self._saved_loggers: list[tuple[logging.Logger, bool, int]] = []

    def connections_from(self, address: str) -> int:
        """How many connections ``address`` holds open now."""
        return self.app[CONTEXT].gate.open_count(address) if self.app else 0

    @property
    def running(self) -> bool:
        return self._runner is not None

    @property
    def public_base(self) -> str:
        """``http://address:port`` as phones reach it."""
        if self.public_url:
            return self.public_url
        return links.base_url(advertised_host(self.host, self.lan_address), self.port)

    def address_warning(self) -> str | None:
        """A warning if the printed table cards point elsewhere than this server, else ``None``."""
        return changed_address_warning(printed_base(self.service), self.public_base, self.lang)

    def participant_url(self) -> str:
        """The meeting's QR code: it lands on the room's task now, linking to the others."""
        return self.public_base + links.signup_path(meeting_token(self.service))

    def signup_url(self) -> str:
        """The sign-up form itself, at any step (the meeting's code may land elsewhere)."""
        return self.public_base + links.signup_form_path(meeting_token(self.service))

    def table_url(self, table: int) -> str:
        """A table's QR code: its host page (the token is made on first use)."""
        return self.public_base + links.table_path(table_token(self.service, table))

    def screen_url(self) -> str:
        return self.public_base + links.screen_path(meeting_token(self.service))

    def seat_url(self) -> str:
        return self.public_base + links.seat_path(meeting_token(self.service))

    def checkout_url(self) -> str:
        return self.public_base + links.checkout_path(meeting_token(self.service))

    def cohost_url(self) -> str:
        """The co-host console (made on first use; ``cafe qr DIR --cohost --new`` replaces it)."""
        return self.public_base + links.cohost_path(cohost_token(self.service))

    async def start(self) -> None:
        """Listen on the port asked for, or on a free one if it is taken."""
        if self._runner is not None:
            return
        self._start_logging()
        self.app = build_app(
            self.service, public_base=lambda: self.public_base, lang=self.lang,
            rate_limit=self.rate_limit, budgets=self.budgets, budget_clock=self.budget_clock,
            limits=self.limits, feed_limits=self.feed_limits,
        )  # fmt: skip
        runner = web.AppRunner(
            self.app,
            handle_signals=False,
            access_log_class=RedactedAccessLogger,
            shutdown_timeout=SHUTDOWN_SECONDS,
            keepalive_timeout=self.limits.headers_seconds,
            lingering_time=self.limits.lingering_seconds,
        )
        await runner.setup()
        assert runner.server is not None
        self.app[CONTEXT].gate.install(runner.server)
        try:
            try:
                site = web.TCPSite(runner, self.host, self.port)
                await site.start()
            except OSError as error:
                if self.port == 0 or error.errno not in (errno.EADDRINUSE, errno.EACCES):
                    raise
                logger.warning("port %s is busy, using a free one", self.port)
                site = web.TCPSite(runner, self.host, 0)
                await site.start()
        except BaseException:
            await runner.cleanup()
            self._stop_logging()
            raise
        self._runner = runner
        self.port = int(runner.addresses[0][1])
        base = self.public_base
        logger.info("serving on %s:%s, public address %s", self.host, self.port, base)
        self._record_address(base)
        printed = printed_base(self.service)
        if changed_address_warning(printed, base, self.lang):
            logger.warning(
                "the printed table cards point to %s, this server is at %s", printed, base
            )

    def _record_address(self, base: str) -> None:
        """Tell ``cafe qr`` where this server answers; a failure only costs that convenience."""
        if self.folder is None:
            return
        try:
            record_running_server(self.folder, base, self.host, self.port)
        except OSError as error:
            logger.warning("could not record the server's address: %s", error)

    async def stop(self) -> None:
        """Close open feeds and the listening socket."""
        runner, self._runner = self._runner, None
        if runner is not None:
            if self.folder is not None:
                forget_running_server(self.folder, self.port)
            await runner.cleanup()
            logger.info("stopped")
        self._stop_logging()

    def _start_logging(self) -> None:
        """Send aiohttp's and our log to ``server.log``, never to the terminal; one line a
        minute, not a traceback a second, when connections cannot be accepted."""
        if self._accept_throttle is None:
            self._accept_throttle = AcceptErrorThrottle()
            logging.getLogger("asyncio").addFilter(self._accept_throttle)
        if self.log_path is None or self._log_handler is not None:
            return
        handler = log_file_handler(self.log_path, redact_tokens)
        self._log_handler = handler
        for name in ("aiohttp", "cafe.web"):
            named = logging.getLogger(name)
            self._saved_loggers.append((named, named.propagate, named.level))
            named.addHandler(handler)
            named.propagate = False
            named.setLevel(logging.INFO)

    def _stop_logging(self) -> None:
        throttle, self._accept_throttle = self._accept_throttle, None
        if throttle is not None:
            logging.getLogger("asyncio").removeFilter(throttle)
        handler, self._log_handler = self._log_handler, None
        if handler is None:
            return
        for named, propagate, level in self._saved_loggers:
            named.removeHandler(handler)
            named.propagate = propagate
            named.setLevel(level)
        self._saved_loggers.clear()
        handler.close()
