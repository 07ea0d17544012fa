"""What every phone page shares: the request's page, error pages, form reading and checks,
the links between pages, the live feeds, and the route table; plus "where do I sit?".

Handlers never touch storage or state directly except to read; the only commands they
may call are ``sign_up``, ``capture_ideas`` and ``note_checkout`` (``phone_forms``; the
co-host console, ``cohost_views``, runs the TUI's commands, under its own token). Every
handler checks its URL token first, so a wrong token is a 404 whatever else is wrong
with the request. Every form carries a CSRF token and a ``submission`` id made when the
page was shown; the id is the idempotency key, so a double tap or a resend stores one
record. Routes are named (``request.app.router[name].url_for(token=...)``).
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Hashable, Sequence
from typing import Any

from aiohttp import web
from aiohttp.http_exceptions import HttpProcessingError

from cafe.core.agenda import challenge_in_sentence
from cafe.i18n import Translator
from cafe.web import forms
from cafe.web.context import (
    CONTEXT,
    WebContext,
    seat_page_enabled,
)
from cafe.web.live import HEARTBEAT_SECONDS, sse_message, wait_for_change
from cafe.web.pages import STATIC_TYPES, other_language, request_language
from cafe.web.seat_lookup import SeatAnswer, look_up
from cafe.web.security import (
    LANG_COOKIE,
    MAX_BODY,
    SESSION_COOKIE,
    new_session_id,
    valid_session_id,
    valid_submission_id,
)
from cafe.web.snapshot import tick_data
from cafe.web.tokens import same_token

# -- page plumbing ---------------------------------------------------------------------


class Page:
    """One request's language, session and common template values."""

    def __init__(self, request: web.Request) -> None:
        self.request = request
        self.ctx: WebContext = request.app[CONTEXT]
        self.lang, self.lang_chosen = request_language(request, self.ctx.default_language)
        self.tr = Translator(self.lang)
        cookie = request.cookies.get(SESSION_COOKIE)
        self.session_is_new = not valid_session_id(cookie)
        self.session = new_session_id() if self.session_is_new else str(cookie)

    def csrf_token(self, path: str) -> str:
        return self.ctx.csrf.token(self.session, path)

    def common(self) -> dict[str, Any]:
        agenda = self.ctx.agenda
        other = other_language(self.lang)
        return {
            "t": self.tr,
            "lang": self.lang,
            "switch_lang": other,
            # Only a query: a path taken from the request (``/%5Cevil.example/``) could
            # read as another site to a browser; ``?lang=`` stays on this page.
            "switch_url": f"?lang={other}",
            "meeting_title": agenda.meta.title,
            # The pages put it inside a sentence ("Vill du fortsätta arbeta med ...?").
            "challenge": challenge_in_sentence(agenda.meta.challenge, self.lang),
        }

    def render(
        self, template: str, *, status: int = 200, form_page: bool = False, **values: Any
    ) -> web.Response:
        html = self.ctx.pages.render(template, **{**self.common(), **values})
        return self._respond(html, status, form_page)

    def render_filled(
        self,
        template: str,
        shape: Hashable,
        texts: Sequence[str],
        values: Callable[[list[str]], dict[str, Any]],
    ) -> web.Response:
        """Like ``render``, from ``template`` rendered once per ``shape`` and language
        with ``texts`` filled in (``cafe.web.prerender``): ``values(stand_ins)`` gives the
        template's values with each text's stand-in where the text goes."""
        common = self.common()
        key = (template, shape, *((k, v) for k, v in common.items() if k != "t"))
        pages = self.ctx.pages
        html = pages.prerendered.fill(
            key, texts, lambda stand_ins: pages.render(template, **{**common, **values(stand_ins)})
        )
        return self._respond(html, 200, False)

    def _respond(self, html: str, status: int, form_page: bool) -> web.Response:
        response = web.Response(text=html, status=status, content_type="text/html")
        response.headers["Cache-Control"] = "no-store"
        if self.lang_chosen:
            response.set_cookie(
                LANG_COOKIE, self.lang, max_age=180 * 86400, samesite="Lax", path="/"
            )
        if form_page and self.session_is_new:
            response.set_cookie(
                SESSION_COOKIE, self.session, httponly=True, samesite="Lax", path="/"
            )
        return response


def error_page(request: web.Request, status: int, message_key: str, **values: Any) -> web.Response:
    """A plain page that says what happened (404, 413, 429 ...).

    It names no meeting: someone without the right token learns nothing from it.
    """
    page = Page(request)
    return page.render(
        "error.html",
        status=status,
        meeting_title=page.tr("web.app_name"),
        heading=page.tr(f"web.error.{message_key}_title"),
        message=page.tr(f"web.error.{message_key}", **values),
    )


def meeting_context(request: web.Request) -> WebContext:
    """The context, if the URL's meeting token is right; otherwise a 404."""
    ctx = request.app[CONTEXT]
    if not same_token(request.match_info.get("token", ""), ctx.meeting_token):
        raise web.HTTPNotFound()
    return ctx


def table_context(request: web.Request) -> tuple[WebContext, int]:
    ctx = request.app[CONTEXT]
    table = ctx.tables.table_for(request.match_info.get("token", ""))
    if table is None:
        raise web.HTTPNotFound()
    return ctx, table


class FormRefused(Exception):
    """A body that cannot be a form: too large (413) or not decodable (400)."""

    def __init__(self, status: int, message_key: str, **values: Any) -> None:
        super().__init__(message_key)
        self.status, self.message_key, self.values = status, message_key, values

    def page(self, request: web.Request) -> web.Response:
        response = error_page(request, self.status, self.message_key, **self.values)
        if self.status == 408:
            response.force_close()  # the rest of a slow body is not waited for
        return response


REPEATED = frozenset({"themes", "pick"})
"""Fields a form may send more than once: a list each, every other field one string."""


async def read_form(request: web.Request) -> dict[str, Any]:
    """The posted fields (``themes`` and the console's ``pick`` may repeat); refuses
    oversized bodies early."""
    too_large = FormRefused(413, "too_large", limit=MAX_BODY // 1024)
    if request.content_length is not None and request.content_length > MAX_BODY:
        raise too_large
    try:
        if request.content.is_eof():  # the whole body is here: reading it cannot stall
            posted = await request.post()
        else:
            async with asyncio.timeout(request.app[CONTEXT].body_seconds):
                posted = await request.post()
    except TimeoutError:
        raise FormRefused(408, "too_slow") from None
    except web.HTTPRequestEntityTooLarge:
        raise too_large from None
    except (UnicodeDecodeError, LookupError, ValueError, web.HTTPBadRequest, HttpProcessingError):
        # Not UTF-8, an unknown charset, or a broken multipart body: no phone sends that.
        raise FormRefused(400, "unreadable") from None
    data: dict[str, Any] = {}
    for key in posted:
        values = [v for v in posted.getall(key) if isinstance(v, str)]
        data[key] = values if key in REPEATED else (values[0] if values else "")
    return data


def form_checks(page: Page, data: dict[str, Any]) -> str | None:
    """The error key for a failed CSRF or submission-id check, else ``None``."""
    origin = page.request.headers.get("Origin")
    if origin and origin != "null" and origin != f"{page.request.scheme}://{page.request.host}":
        return "csrf"
    if not page.ctx.csrf.verify(
        page.request.cookies.get(SESSION_COOKIE), page.request.path, str(data.get("csrf", ""))
    ):
        return "csrf"
    if not valid_submission_id(str(data.get("submission", ""))):
        return "submission"
    return None


def phone_nav(page: Page) -> dict[str, str]:
    """The links between the meeting's phone pages (built once per server, not per page)."""
    ctx = page.ctx
    seat = seat_page_enabled(ctx.agenda)
    links = ctx.nav_links.get(seat)
    if links is None:
        router = page.request.app.router
        names = ["signup", "checkout"] + (["seat"] if seat else [])
        links = {name: str(router[name].url_for(token=ctx.meeting_token)) for name in names}
        ctx.nav_links[seat] = links
    return dict(links)


# -- static ----------------------------------------------------------------------------


async def static_file(request: web.Request) -> web.Response:
    name = request.match_info["name"]
    if name not in STATIC_TYPES:
        raise web.HTTPNotFound()
    body = request.app[CONTEXT].pages.static[name]
    response = web.Response(body=body, content_type=STATIC_TYPES[name], charset="utf-8")
    response.headers["Cache-Control"] = "public, max-age=3600"
    return response


async def favicon(request: web.Request) -> web.Response:
    return web.Response(status=204)


# -- where do I sit? ----------------------------------------------------------------------


async def seat_page(request: web.Request) -> web.Response:
    ctx = meeting_context(request)
    if not seat_page_enabled(ctx.agenda):
        raise web.HTTPNotFound()
    page = Page(request)
    query = request.query.get("name", "")
    name, errors = forms.read_name_query(query, page.tr)
    if errors:
        return page.render(
            "seat.html", status=400, nav=phone_nav(page), query=query, errors=errors,
            searched=False, matches=[], too_many=False, plan_mode=None,
        )  # fmt: skip
    plan = ctx.service.state.seating_plan
    searched = bool(name)
    answer = (
        look_up(ctx.service.state.participants.values(), plan, name) if searched else SeatAnswer()
    )
    return page.render(
        "seat.html",
        nav=phone_nav(page),
        query=name,
        errors={},
        searched=searched,
        matches=answer.matches,
        too_many=answer.too_many,
        plan_mode=plan.kind if plan else None,
    )


def from_this_laptop(request: web.Request) -> bool:
    """Whether the request comes from the laptop itself (its projector window): the
    connection comes from the address it arrived at."""
    transport = request.transport
    if transport is None:
        return False
    peer, local = transport.get_extra_info("peername"), transport.get_extra_info("sockname")
    return bool(peer) and bool(local) and peer[0] == local[0]


async def event_stream(
    request: web.Request,
    full: Callable[[], dict[str, Any]],
    still_allowed: Callable[[], bool] = lambda: True,
    *,
    trusted: bool = False,
) -> web.StreamResponse:
    """Server-sent events for one live page: ``full()`` after every change, the timer
    between changes; ends when the server stops or ``still_allowed()`` turns false.

    A page on the laptop itself, or a ``trusted`` one (the co-host console), may use the
    feeds kept back from everyone else (``live.FeedLimits``). A refused page gets a 503
    and tries again by itself (``screen.js``, ``cohost.js``).
    """
    ctx: WebContext = request.app[CONTEXT]
    feed = ctx.hub.open(request.remote or "", trusted=trusted or from_this_laptop(request))
    if feed is None:
        busy = error_page(request, 503, "busy")
        busy.headers["Retry-After"] = "5"
        return busy
    response = web.StreamResponse(
        headers={
            "Content-Type": "text/event-stream; charset=utf-8",
            "Cache-Control": "no-store",
            "X-Accel-Buffering": "no",
        }
    )
    try:
        await response.prepare(request)
        await response.write(sse_message(full(), retry_ms=2000))
        while not ctx.hub.closing:
            changed = await wait_for_change(feed, HEARTBEAT_SECONDS)
            if ctx.hub.closing or not still_allowed():
                break
            payload = full() if changed else tick_data(ctx.service)
            await response.write(sse_message(payload))
    except ConnectionResetError:
        pass
    finally:
        ctx.hub.close(feed)
    return response


def routes() -> list[web.RouteDef]:
    """Every URL the server answers; see ``cafe.links`` for how they are built.

    Routes are named, so handlers build URLs with ``request.app.router[name].url_for``.
    """
    # These modules build on this one's pages and form checks, so they come in here.
    from cafe.web import cohost_views, phone_forms, projector_views

    return [
        web.get("/static/{name}", static_file, name="static"),
        web.get("/favicon.ico", favicon, name="favicon"),
        *phone_forms.routes(),
        web.get("/m/{token}/seat", seat_page, name="seat"),
        *projector_views.routes(),
        *cohost_views.routes(),
    ]
