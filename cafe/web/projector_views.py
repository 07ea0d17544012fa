"""The projector's page: the room's stage, the timer and the QR code, kept live.

The laptop's browser shows it full screen; ``screen.js`` follows the server-sent events
(``views.event_stream``) and the page works without JavaScript too.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from aiohttp import web

from cafe import links
from cafe.core.timer import format_seconds
from cafe.i18n import Translator
from cafe.web.context import WebContext, seat_page_enabled
from cafe.web.pages import inline_qr
from cafe.web.room import PAGE_SECONDS, RoomUrls, room_view
from cafe.web.snapshot import screen_state
from cafe.web.views import Page, event_stream, meeting_context


def _room_urls(ctx: WebContext) -> RoomUrls:
    token = ctx.meeting_token
    return RoomUrls(
        meeting=ctx.public_url(links.signup_path(token)),
        signup=ctx.public_url(links.signup_path(token)),  # the landing shows the form then
        seat=ctx.public_url(links.seat_path(token))
        if seat_page_enabled(ctx.agenda)
        else ctx.public_url(links.signup_path(token)),
        checkout=ctx.public_url(links.checkout_path(token)),
    )


def _room_values(page: Page, state: dict[str, Any]) -> dict[str, Any]:
    """What ``_room.html`` needs: the step's view, the timer as text, the right QR code."""
    ctx = page.ctx
    view = room_view(ctx.service, _room_urls(ctx), words=[(w, n) for w, n in state["words"] or []])
    if view.get("feedback_by"):
        view["feedback_by"] = _human_date(view["feedback_by"], page.tr)
    timer = state["timer"]
    return {
        "t": page.tr,
        "view": view,
        "counts": state["counts"],
        "timer_text": format_seconds(timer["remaining"]) if timer else "",
        "timer_class": f"-{timer['phase']}" if timer else "-none",
        "qr": inline_qr(view["qr_url"]),
        "qr_url_parts": address_parts(view["qr_url"]),
        "page_now": page_shown_now(ctx.service.clock.now()),
        "kind": state["step"]["kind"] if state["step"] else "",
        "lang": page.lang,
        "content_lang": ctx.agenda.meta.language,
    }


def address_parts(url: str) -> list[str]:
    """``url`` in the pieces a line may end after: the host, then each piece of the path
    with its "/". Printed under the QR code it broke anywhere, "…/sea" + "t", and at a
    "-" or "_" it would break inside the meeting's code, which someone has to type."""
    scheme, sep, rest = url.partition("://")
    if not sep:
        return [url]
    host, slash, path = rest.partition("/")
    parts = [f"{scheme}://{host}{slash}"]
    parts += [piece + "/" for piece in path.split("/")[:-1]]
    return [part for part in [*parts, path.rsplit("/", 1)[-1]] if part]


def _human_date(iso: str, tr: Translator) -> str:
    """``2026-12-15`` as the room reads it: "15 december 2026"."""
    try:
        day = dt.date.fromisoformat(iso)
    except ValueError:
        return iso
    months = tr("web.screen.months").split(",")
    return tr("web.screen.date", day=day.day, month=months[day.month - 1], year=day.year)


def page_shown_now(now: float) -> int:
    """A page counter for the no-JavaScript page; each pager takes it modulo its length."""
    return int(now // PAGE_SECONDS)


async def screen_page(request: web.Request) -> web.Response:
    ctx = meeting_context(request)
    page = Page(request)
    state = screen_state(ctx.service)
    values = _room_values(page, state)
    return page.render(
        "screen.html",
        **values,
        state=state,
        events_url=f"{request.path}/events",
        page_seconds=PAGE_SECONDS,
    )


def _live_state(page: Page) -> dict[str, Any]:
    """The feed's full message: the state as data, and the stage as the page renders it."""
    state = screen_state(page.ctx.service)
    values = _room_values(page, state)
    state["layout"] = values["view"]["layout"]
    state["html"] = page.ctx.pages.render("_room.html", **values)
    return state


async def screen_events(request: web.Request) -> web.StreamResponse:
    meeting_context(request)
    page = Page(request)
    return await event_stream(request, lambda: _live_state(page))


def routes() -> list[web.RouteDef]:
    """The projector's URLs."""
    return [
        web.get("/screen/{token}", screen_page, name="screen"),
        web.get("/screen/{token}/events", screen_events, name="screen_events", allow_head=False),
    ]
