"""The request handlers: read a phone's form, call ``MeetingService``, render a page.

Handlers never touch storage or state directly except to read; the only commands they
may call are ``sign_up``, ``capture_ideas`` and ``note_checkout`` (the co-host console,
``cohost_views``, runs the TUI's commands, under its own token). Every handler checks
its URL token first, so a wrong token is a 404 whatever else is wrong with the request.
Every form carries a CSRF token and a ``submission`` id made when the page was shown;
the id is the idempotency key, so a double tap or a resend stores one record.
"""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import Callable
from typing import Any

from aiohttp import web
from aiohttp.http_exceptions import HttpProcessingError

from cafe import links
from cafe.core.errors import ValidationError
from cafe.core.state import Idea
from cafe.core.timer import format_seconds
from cafe.i18n import Translator
from cafe.web import forms
from cafe.web.context import (
    CONSENT_VERSION,
    CONTEXT,
    WebContext,
    checkout_question,
    retention_days,
    round_question,
    seat_page_enabled,
)
from cafe.web.live import HEARTBEAT_SECONDS, sse_message, wait_for_change
from cafe.web.pages import STATIC_TYPES, inline_qr, other_language, request_language
from cafe.web.room import PAGE_SECONDS, RoomUrls, Task, current_task, room_view
from cafe.web.seat_lookup import SeatAnswer, look_up
from cafe.web.security import (
    LANG_COOKIE,
    MAX_BODY,
    SESSION_COOKIE,
    new_session_id,
    new_submission_id,
    valid_session_id,
    valid_submission_id,
)
from cafe.web.snapshot import screen_state, tick_data
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
            "challenge": agenda.meta.challenge,
        }

    def render(
        self, template: str, *, status: int = 200, form_page: bool = False, **values: Any
    ) -> web.Response:
        html = self.ctx.pages.render(template, **{**self.common(), **values})
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


def _meeting(request: web.Request) -> WebContext:
    """The context, if the URL's meeting token is right; otherwise a 404."""
    ctx = request.app[CONTEXT]
    if not same_token(request.match_info.get("token", ""), ctx.meeting_token):
        raise web.HTTPNotFound()
    return ctx


def _table(request: web.Request) -> tuple[WebContext, int]:
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


async def _read_form(request: web.Request) -> dict[str, Any]:
    """The posted fields (``themes`` may repeat); refuses oversized bodies early."""
    too_large = FormRefused(413, "too_large", limit=MAX_BODY // 1024)
    if request.content_length is not None and request.content_length > MAX_BODY:
        raise too_large
    try:
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
        data[key] = values if key == "themes" else (values[0] if values else "")
    return data


def _form_checks(page: Page, data: dict[str, Any]) -> str | None:
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


def _service_errors(error: ValidationError, fields: set[str]) -> dict[str, str]:
    errors: dict[str, str] = {}
    for problem in error.problems:
        where = problem.where.split("[")[0]
        errors.setdefault(where if where in fields else "form", problem.message)
    return errors


def _nav(ctx: WebContext) -> dict[str, str]:
    token = ctx.meeting_token
    nav = {
        "signup": links.signup_form_path(token),
        "checkout": links.checkout_path(token),
    }
    if seat_page_enabled(ctx.agenda):
        nav["seat"] = links.seat_path(token)
    return nav


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


# -- sign-up -----------------------------------------------------------------------------


def _open_themes(ctx: WebContext) -> list[tuple[str, str]]:
    """Themes one can sign up for: those with a list, or every theme if none has one."""
    live = ctx.service.state.live_themes()
    with_list = [th for th in live if th.signup]
    return [(th.id, th.name) for th in (with_list or live)]


def _signup_page(
    page: Page,
    *,
    status: int = 200,
    values: dict[str, Any] | None = None,
    errors: dict[str, str] | None = None,
    submission: str | None = None,
) -> web.Response:
    ctx = page.ctx
    path = page.request.path
    return page.render(
        "signup.html",
        status=status,
        form_page=True,
        nav=_nav(ctx),
        action=path,
        csrf=page.csrf_token(path),
        submission=submission or new_submission_id(),
        themes=_open_themes(ctx),
        values=values or {},
        errors=errors or {},
        consent_text=page.tr(
            "web.consent.v1", challenge=ctx.agenda.meta.challenge, days=retention_days(ctx.agenda)
        ),
    )


async def signup_form(request: web.Request) -> web.Response:
    _meeting(request)
    return _signup_page(Page(request))


async def meeting_landing(request: web.Request) -> web.Response:
    """The meeting's QR code: the room's task now first, the others one tap away."""
    ctx = _meeting(request)
    task = current_task(ctx.service)
    if task is Task.SIGNUP:
        return _signup_page(Page(request))
    path = (
        links.seat_path(ctx.meeting_token)
        if task is Task.SEAT
        else links.checkout_path(ctx.meeting_token)
    )
    query = f"?{request.query_string}" if request.query_string else ""
    raise web.HTTPSeeOther(location=path + query)


async def signup_submit(request: web.Request) -> web.Response:
    ctx = _meeting(request)
    try:
        data = await _read_form(request)
    except FormRefused as refused:
        return refused.page(request)
    page = Page(request)
    values = {k: data.get(k, "") for k in ("name", "organisation", "email", "phone")}
    values["themes"] = list(data.get("themes", []))
    values["consent"] = data.get("consent", "") == "yes"
    problem = _form_checks(page, data)
    if problem:
        return _signup_page(
            page,
            status=403 if problem == "csrf" else 400,
            values=values,
            errors={"form": page.tr(f"web.error.{problem}")},
        )
    submission = str(data["submission"])
    open_ids = {theme_id for theme_id, _ in _open_themes(ctx)}
    form = forms.read_signup(data, values["themes"], open_ids, page.tr)
    if not form.ok:
        return _signup_page(
            page, status=400, values=values, errors=form.errors, submission=submission
        )
    try:
        signup = await ctx.write(
            lambda: ctx.service.sign_up(
                name=form.values["name"],
                organisation=form.values["organisation"],
                email=form.values["email"],
                phone=form.values["phone"],
                themes=form.values["themes"],
                consent=form.values["consent"],
                consent_version=CONSENT_VERSION,
                source="web",
                key=f"signup:{submission}",
                session=ctx.csrf.session_tag(page.session),
            )
        )
    except ValidationError as error:
        fields = {"name", "organisation", "email", "phone", "themes", "consent"}
        return _signup_page(
            page,
            status=400,
            values=values,
            errors=_service_errors(error, fields),
            submission=submission,
        )
    names = {th.id: th.name for th in ctx.service.state.themes.values()}
    return page.render(
        "signup_done.html",
        nav=_nav(ctx),
        signup=signup,
        theme_names=[names.get(theme_id, theme_id) for theme_id in signup.themes],
        days=retention_days(ctx.agenda),
    )


# -- where do I sit? ----------------------------------------------------------------------


async def seat_page(request: web.Request) -> web.Response:
    ctx = _meeting(request)
    if not seat_page_enabled(ctx.agenda):
        raise web.HTTPNotFound()
    page = Page(request)
    query = request.query.get("name", "")
    form = forms.read_name_query(query, page.tr)
    if not form.ok:
        return page.render(
            "seat.html", status=400, nav=_nav(ctx), query=query, errors=form.errors,
            searched=False, matches=[], too_many=False, plan_mode=None,
        )  # fmt: skip
    plan = ctx.service.state.seating_plan
    searched = bool(form.values["name"])
    answer = (
        look_up(ctx.service.state.participants.values(), plan, form.values["name"])
        if searched
        else SeatAnswer()
    )
    return page.render(
        "seat.html",
        nav=_nav(ctx),
        query=form.values["name"],
        errors={},
        searched=searched,
        matches=answer.matches,
        too_many=answer.too_many,
        plan_mode=plan.kind if plan else None,
    )


# -- check-out ------------------------------------------------------------------------------


def _checkout_page(
    page: Page,
    *,
    status: int = 200,
    values: dict[str, Any] | None = None,
    errors: dict[str, str] | None = None,
    submission: str | None = None,
) -> web.Response:
    ctx = page.ctx
    path = links.checkout_path(ctx.meeting_token)
    return page.render(
        "checkout.html",
        status=status,
        form_page=True,
        nav=_nav(ctx),
        action=path,
        csrf=page.csrf_token(path),
        submission=submission or new_submission_id(),
        question=checkout_question(ctx.agenda),
        values=values or {},
        errors=errors or {},
    )


async def checkout_form(request: web.Request) -> web.Response:
    _meeting(request)
    return _checkout_page(Page(request))


async def checkout_submit(request: web.Request) -> web.Response:
    ctx = _meeting(request)
    try:
        data = await _read_form(request)
    except FormRefused as refused:
        return refused.page(request)
    page = Page(request)
    values = {"thought": data.get("thought", "")}
    problem = _form_checks(page, data)
    if problem:
        return _checkout_page(
            page,
            status=403 if problem == "csrf" else 400,
            values=values,
            errors={"form": page.tr(f"web.error.{problem}")},
        )
    submission = str(data["submission"])
    form = forms.read_checkout(data, page.tr)
    if not form.ok:
        return _checkout_page(
            page, status=400, values=values, errors=form.errors, submission=submission
        )
    try:
        note = await ctx.write(
            lambda: ctx.service.note_checkout(
                form.values["thought"], source="web", key=f"checkout:{submission}"
            )
        )
    except ValidationError as error:
        return _checkout_page(
            page,
            status=400,
            values=values,
            errors=_service_errors(error, {"checkout"}),
            submission=submission,
        )
    return page.render(
        "checkout_done.html", nav=_nav(ctx), note=note, question=checkout_question(ctx.agenda)
    )


# -- table host ------------------------------------------------------------------------------


def _table_ideas(ctx: WebContext, table: int) -> list[Idea]:
    ideas = [i for i in ctx.service.state.visible_ideas() if i.table == table]
    return sorted(ideas, key=lambda i: (i.round, i.at, i.id))


def _table_page(
    page: Page,
    table: int,
    *,
    status: int = 200,
    raw: str = "",
    errors: dict[str, str] | None = None,
    submission: str | None = None,
    sent: bool = False,
) -> web.Response:
    ctx = page.ctx
    path = page.request.path
    current = ctx.service.current_round
    ideas = _table_ideas(ctx, table)
    earlier: dict[int, list[Idea]] = {}
    for idea in ideas:
        if idea.round < current:
            earlier.setdefault(idea.round, []).append(idea)
    return page.render(
        "table.html",
        status=status,
        form_page=True,
        action=path,
        csrf=page.csrf_token(path),
        submission=submission or new_submission_id(),
        table=table,
        round=current,
        rounds=len(ctx.agenda.cafe_rounds),
        question=round_question(ctx.agenda, current) if current else "",
        first_question=round_question(ctx.agenda, 1),
        this_round=[i for i in ideas if i.round == current],
        retell=[
            {"round": r, "question": round_question(ctx.agenda, r), "ideas": earlier[r]}
            for r in sorted(earlier)
        ],
        raw=raw,
        errors=errors or {},
        sent=sent,
        max_ideas=forms.MAX_IDEAS_PER_SEND,
    )


async def table_form(request: web.Request) -> web.Response:
    _, table = _table(request)
    return _table_page(Page(request), table, sent=request.query.get("sent") == "1")


async def table_submit(request: web.Request) -> web.Response:
    ctx, table = _table(request)
    try:
        data = await _read_form(request)
    except FormRefused as refused:
        return refused.page(request)
    page = Page(request)
    raw = str(data.get("ideas", ""))
    problem = _form_checks(page, data)
    if problem:
        return _table_page(
            page,
            table,
            status=403 if problem == "csrf" else 400,
            raw=raw,
            errors={"form": page.tr(f"web.error.{problem}")},
        )
    submission = str(data["submission"])
    form = forms.read_ideas(data, page.tr)
    if not form.ok:
        return _table_page(
            page, table, status=400, raw=raw, errors=form.errors, submission=submission
        )
    try:
        await ctx.write(
            lambda: ctx.service.capture_ideas(
                form.values["ideas"], table=table, source="web", key=f"ideas:{submission}"
            )
        )
    except ValidationError as error:
        return _table_page(
            page,
            table,
            status=400,
            raw=raw,
            errors=_service_errors(error, {"ideas"}),
            submission=submission,
        )
    raise web.HTTPSeeOther(location=f"{request.path}?sent=1")


# -- projector -------------------------------------------------------------------------------


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
        "page_now": page_shown_now(ctx.service.clock.now()),
        "kind": state["step"]["kind"] if state["step"] else "",
        "lang": page.lang,
        "content_lang": ctx.agenda.meta.language,
    }


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
    ctx = _meeting(request)
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


async def screen_events(request: web.Request) -> web.StreamResponse:
    _meeting(request)
    page = Page(request)
    return await event_stream(request, lambda: _live_state(page))


def routes() -> list[web.RouteDef]:
    """Every URL the server answers; see ``cafe.links`` for how they are built."""
    from cafe.web import cohost_views  # it builds on this module's pages and form checks

    return [
        web.get("/static/{name}", static_file),
        web.get("/favicon.ico", favicon),
        web.get("/m/{token}/", meeting_landing),
        web.post("/m/{token}/", signup_submit),
        web.get("/m/{token}/signup", signup_form),
        web.post("/m/{token}/signup", signup_submit),
        web.get("/m/{token}/seat", seat_page),
        web.get("/m/{token}/checkout", checkout_form),
        web.post("/m/{token}/checkout", checkout_submit),
        web.get("/t/{token}/", table_form),
        web.post("/t/{token}/", table_submit),
        web.get("/screen/{token}", screen_page),
        web.get("/screen/{token}/events", screen_events, allow_head=False),
        *cohost_views.routes(),
    ]
