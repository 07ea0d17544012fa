"""The phone forms (sign-up, check-out, a table's ideas) and the one flow they share.

Each form goes the same way: read the body, check the CSRF token and submission id,
parse the fields, ask the service (in the web server's group commit), and show either
the confirmation or the form again with what the service said, in the phone's language.
``PhoneForm`` says what differs; ``submit`` is the flow.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from types import SimpleNamespace
from typing import Any, NamedTuple

from aiohttp import web

from cafe.core.agenda import challenge_in_sentence
from cafe.core.errors import ValidationError
from cafe.core.participants import match_key
from cafe.core.service import MeetingService
from cafe.core.state import Idea
from cafe.web import forms
from cafe.web.context import (
    CONSENT_VERSION,
    WebContext,
    checkout_question,
    retention_days,
    round_question,
)
from cafe.web.room import Task, current_task
from cafe.web.security import new_submission_id
from cafe.web.views import (
    FormRefused,
    Page,
    form_checks,
    meeting_context,
    phone_nav,
    read_form,
    table_context,
)


@dataclass
class Shown:
    """What a form page shows again: what was typed, a message per field, and the
    submission id to keep (a new one when ``None``)."""

    values: dict[str, Any] = field(default_factory=dict)
    errors: dict[str, str] = field(default_factory=dict)
    status: int = 200
    submission: str | None = None


Command = Callable[[], Any]


@dataclass(frozen=True)
class PhoneForm:
    """One phone form: how it is parsed, what it asks the service, what it shows."""

    parse: Callable[[Mapping[str, Any]], dict[str, Any]]
    command: Callable[[Page, dict[str, Any], str], Command]
    """The service call for these values and submission id (run in the group commit)."""
    show: Callable[[Page, Shown], web.Response]
    done: Callable[[Page, Any], web.Response]
    fields: Mapping[str, str]
    """The service's field names -> the form's (``checkout`` is typed in ``thought``)."""


async def submit(request: web.Request, form: PhoneForm) -> web.Response:
    """The one flow: body, checks, parse, service call, then the answer page."""
    try:
        data = await read_form(request)
    except FormRefused as refused:
        return refused.page(request)
    page = Page(request)
    values = form.parse(data)
    refused = form_checks(page, data)
    if refused:
        status = 403 if refused == "csrf" else 400
        errors = {"form": page.tr(f"web.error.{refused}")}
        return form.show(page, Shown(values, errors, status))
    submission = str(data["submission"])
    try:
        result = await page.ctx.write(form.command(page, values, submission))
    except ValidationError as error:
        errors = forms.field_errors(error.problems, form.fields, page.tr)
        return form.show(page, Shown(values, errors, 400, submission))
    return form.done(page, result)


def _form_values(page: Page, shown: Shown, path: str) -> dict[str, Any]:
    """The values every form page needs."""
    return {
        "status": shown.status,
        "form_page": True,
        "action": path,
        "csrf": page.csrf_token(path),
        "submission": shown.submission or new_submission_id(),
        "values": shown.values,
        "errors": shown.errors,
    }


# -- sign-up -----------------------------------------------------------------------------


def _show_signup(page: Page, shown: Shown) -> web.Response:
    ctx = page.ctx
    return page.render(
        "signup.html",
        **_form_values(page, shown, page.request.path),
        nav=phone_nav(page),
        themes=[(th.id, th.name) for th in ctx.service.state.open_themes()],
        consent_text=page.tr(
            "web.consent.v1",
            challenge=challenge_in_sentence(ctx.agenda.meta.challenge, page.lang),
            days=retention_days(ctx.agenda),
        ),
    )


def _sign_up(page: Page, values: dict[str, Any], submission: str) -> Command:
    ctx = page.ctx
    session = ctx.csrf.session_tag(page.session)
    return lambda: ctx.service.sign_up(
        name=values["name"],
        organisation=values["organisation"],
        email=values["email"],
        phone=values["phone"],
        themes=values["themes"],
        consent=values["consent"],
        consent_version=CONSENT_VERSION,
        source="web",
        key=f"signup:{submission}",
        session=session,
        theme_required=True,
    )


def _signed_up(page: Page, signup: Any) -> web.Response:
    """The confirmation: rendered once per language and shape, the texts filled in."""
    ctx = page.ctx
    themes = ctx.service.state.themes
    theme_names = [th.name if (th := themes.get(t)) else t for t in signup.themes]
    contacts = {k: getattr(signup, k) for k in ("organisation", "email", "phone")}
    nav, days = phone_nav(page), retention_days(ctx.agenda)
    shape = (tuple(nav.items()), days, tuple(bool(v) for v in contacts.values()), len(theme_names))
    texts = [signup.name, *(v for v in contacts.values() if v), *theme_names]

    def values(stand_ins: list[str]) -> dict[str, Any]:
        filled = iter(stand_ins[1:])
        shown = SimpleNamespace(
            name=stand_ins[0], **{k: next(filled) if v else "" for k, v in contacts.items()}
        )
        return {"nav": nav, "signup": shown, "theme_names": list(filled), "days": days}

    return page.render_filled("signup_done.html", shape, texts, values)


SIGNUP = PhoneForm(
    parse=forms.read_signup,
    command=_sign_up,
    show=_show_signup,
    done=_signed_up,
    fields={f: f for f in ("name", "organisation", "email", "phone", "themes", "consent")},
)


async def signup_form(request: web.Request) -> web.Response:
    meeting_context(request)
    return _show_signup(Page(request), Shown())


async def signup_submit(request: web.Request) -> web.Response:
    meeting_context(request)
    return await submit(request, SIGNUP)


async def meeting_landing(request: web.Request) -> web.Response:
    """The meeting's QR code: the room's task now first, the others one tap away."""
    ctx = meeting_context(request)
    task = current_task(ctx.service)
    if task is Task.SIGNUP:
        return _show_signup(Page(request), Shown())
    name = "seat" if task is Task.SEAT else "checkout"
    url = request.app.router[name].url_for(token=ctx.meeting_token)
    raise web.HTTPSeeOther(location=url.with_query(request.query))


# -- check-out ------------------------------------------------------------------------------


def _show_checkout(page: Page, shown: Shown) -> web.Response:
    ctx = page.ctx
    path = str(page.request.app.router["checkout"].url_for(token=ctx.meeting_token))
    return page.render(
        "checkout.html",
        **_form_values(page, shown, path),
        nav=phone_nav(page),
        question=checkout_question(ctx.agenda),
    )


def _note_checkout(page: Page, values: dict[str, Any], submission: str) -> Command:
    service = page.ctx.service
    return lambda: service.note_checkout(
        values["thought"], source="web", key=f"checkout:{submission}"
    )


def _checked_out(page: Page, note: Any) -> web.Response:
    question = checkout_question(page.ctx.agenda)
    return page.render("checkout_done.html", nav=phone_nav(page), note=note, question=question)


CHECKOUT = PhoneForm(
    parse=forms.read_checkout,
    command=_note_checkout,
    show=_show_checkout,
    done=_checked_out,
    fields={"checkout": "thought"},
)


async def checkout_form(request: web.Request) -> web.Response:
    meeting_context(request)
    return _show_checkout(Page(request), Shown())


async def checkout_submit(request: web.Request) -> web.Response:
    meeting_context(request)
    return await submit(request, CHECKOUT)


# -- table host ------------------------------------------------------------------------------


def _in_circle(ctx: WebContext) -> bool:
    """Seated as one circle: its one card's code is a table page, but there is no table."""
    return ctx.service.sits_in_circle


def _ideas_go_to(ctx: WebContext, table: int) -> int:
    """The table a page's ideas are filed under: in a circle, the circle's (0), as the
    laptop files what it types (the card's code once made a "table 1" of the circle)."""
    return 0 if _in_circle(ctx) else table


def _table_ideas(page: Page, table: int) -> list[Idea]:
    table = _ideas_go_to(page.ctx, table)
    ideas = [i for i in page.ctx.service.state.visible_ideas() if i.table == table]
    return sorted(ideas, key=lambda i: (i.round, i.at, i.id))


def _taken_off(service: MeetingService, table: int, round_number: int) -> dict[str, int]:
    """How many of this table's ideas of the round the co-hosts hid or merged with a like
    one: they left the page's list without a word, and the host sent them again."""
    gone = [
        i
        for i in service.state.ideas.values()
        if i.table == table and i.round == round_number and not i.visible
    ]
    merged = sum(1 for i in gone if i.merged_into)
    return {"hidden": len(gone) - merged, "merged": merged}


def _show_table(
    page: Page,
    shown: Shown,
    *,
    sent: bool = False,
    sent_round: int = 0,
    sent_part: tuple[int, int] | None = None,
    into: int | None = None,
) -> web.Response:
    """The table's page; ``into``: the round its text goes to, when not this one (the
    rest of a long list sent into a round that has since ended)."""
    ctx, table = table_context(page.request)
    current = ctx.service.capture_round
    ideas = _table_ideas(page, table)
    earlier: dict[int, list[Idea]] = {}
    for idea in ideas:
        if idea.round < current:
            earlier.setdefault(idea.round, []).append(idea)
    return page.render(
        "table.html",
        **_form_values(page, shown, page.request.path),
        table=table,
        circle=_in_circle(ctx),
        heading=page.tr("web.table.heading_circle")
        if _in_circle(ctx)
        else page.tr("web.table.heading", table=table),
        round=current,
        rounds=len(ctx.agenda.cafe_rounds),
        question=round_question(ctx.agenda, current) if current else "",
        first_question=round_question(ctx.agenda, 1),
        this_round=[i for i in ideas if i.round == current],
        taken=_taken_off(ctx.service, _ideas_go_to(ctx, table), current),
        retell=[
            {"round": r, "question": round_question(ctx.agenda, r), "ideas": earlier[r]}
            for r in sorted(earlier)
        ],
        raw=shown.values.get("raw", ""),
        sent=sent,
        sent_round=sent_round if sent_round != current else 0,
        sent_part=sent_part,
        into=into or current,
        max_ideas=forms.MAX_IDEAS_PER_SEND,
        round_url=page.request.app.router["table_round"].url_for(
            token=page.request.match_info["token"]
        ),
    )


def _capture_ideas(page: Page, values: dict[str, Any], submission: str) -> Command:
    ctx, table = table_context(page.request)
    table = _ideas_go_to(ctx, table)
    # The round the page showed: a host who sends round 1's ideas after the co-hosts
    # moved on still files them under round 1 (a round not yet reached is not taken).
    shown = values.get("round")
    rounds = {s.round for s in ctx.agenda.cafe_rounds}
    round_number = shown if shown in rounds and shown <= ctx.service.current_round else None

    def capture() -> Captured:
        # A host who never saw "Skickat!" (the network dropped) reloads and sends the same
        # lines again: what this table already sent in this round is not stored twice (compared
        # as people mean it: case, accents and spacing aside).
        into = ctx.service.capture_round if round_number is None else round_number
        sent = {  # hidden or merged by the co-hosts too: their decision stands
            match_key(i.text)
            for i in ctx.service.state.ideas.values()
            if i.table == table and i.round == into
        }
        new = []  # a line pasted twice in one send is one idea, as a line sent twice is
        for text in values["ideas"]:
            if match_key(text) not in sent:
                sent.add(match_key(text))
                new.append(text)
        if values["ideas"] and not new:
            return Captured([], [])
        # A list longer than one send: its first lines now, the rest kept on the page. A
        # paste accident's many lines go to the service whole, which refuses them.
        if len(new) <= forms.MAX_LINES_PER_SEND:
            new, rest = new[: forms.MAX_IDEAS_PER_SEND], new[forms.MAX_IDEAS_PER_SEND :]
        else:
            rest = []
        ideas = ctx.service.capture_ideas(
            new,
            table=table,
            round=into,
            source="web",
            key=f"ideas:{submission}",
            at_most=forms.MAX_IDEAS_PER_SEND,
        )
        return Captured(ideas, rest)

    return capture


class Captured(NamedTuple):
    """What a table's send stored, and the lines left for the next send."""

    ideas: list[Idea]
    rest: list[str]


def _ideas_sent(page: Page, captured: Captured) -> web.Response:
    """Back to an empty form (a reload does not send the ideas again), saying which round
    the ideas went to when that is no longer the round under way. Lines beyond one send
    stay in the box, under a note of how many were sent and how many are left."""
    ideas = captured.ideas
    if captured.rest:
        rest = "\n".join(captured.rest)
        into = ideas[0].round if ideas else None  # the rest goes where the first lines went
        return _show_table(
            page, Shown({"raw": rest}), sent_part=(len(ideas), len(captured.rest)), into=into
        )
    url = page.request.app.router["table"].url_for(token=page.request.match_info["token"])
    query = {"sent": "1"}
    if ideas and ideas[0].round != page.ctx.service.capture_round:
        query["round"] = str(ideas[0].round)
    raise web.HTTPSeeOther(location=url.with_query(query))


TABLE_IDEAS = PhoneForm(
    parse=forms.read_ideas,
    command=_capture_ideas,
    show=_show_table,
    done=_ideas_sent,
    fields={"idea": "ideas"},
)


async def table_form(request: web.Request) -> web.Response:
    table_context(request)
    sent_round = request.query.get("round", "")
    return _show_table(
        Page(request),
        Shown(),
        sent=request.query.get("sent") == "1",
        sent_round=int(sent_round) if sent_round.isdigit() and len(sent_round) < 3 else 0,
    )


async def table_round(request: web.Request) -> web.Response:
    """The round a table's ideas now go to: a page left open on the table asks, and shows
    the new round's question instead of filing the next round's ideas under the old one."""
    ctx, _table = table_context(request)
    return web.json_response(
        {"round": ctx.service.capture_round}, headers={"Cache-Control": "no-store"}
    )


async def table_submit(request: web.Request) -> web.Response:
    table_context(request)
    return await submit(request, TABLE_IDEAS)


def routes() -> list[web.RouteDef]:
    """The phone forms' URLs, each named for ``router[name].url_for``."""
    return [
        web.get("/m/{token}/", meeting_landing, name="meeting"),
        web.post("/m/{token}/", signup_submit, name="meeting"),
        web.get("/m/{token}/signup", signup_form, name="signup"),
        web.post("/m/{token}/signup", signup_submit, name="signup"),
        web.get("/m/{token}/checkout", checkout_form, name="checkout"),
        web.post("/m/{token}/checkout", checkout_submit, name="checkout"),
        web.get("/t/{token}/", table_form, name="table"),
        web.post("/t/{token}/", table_submit, name="table"),
        web.get("/t/{token}/round", table_round, name="table_round", allow_head=False),
    ]
