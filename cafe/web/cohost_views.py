"""The co-host console: the agenda, the timer and moderation from a phone or tablet.

The method has two co-hosts, and only one of them sits at the laptop's keyboard. The
other scans the console's code (``cafe qr DIR --cohost``, or ``F4`` in the TUI) and gets
the same controls on ``/c/{token}/``: next and previous step, start or pause the timer,
a minute more or less, the speakers of the presentation round; every sign-up, check-out
thought and idea sent from a table's phone with Remove and Undo; and the board work that
suits a touch screen (tick ideas and move them to a theme, a new theme, a new name for
one).

- **Its own token.** The console's token is not the meeting's or a table's (those hang
  on the walls); it is read from the meeting on every request, so ``cafe qr DIR --cohost
  --new`` in another process revokes the old code at once, open live feeds included.
- **The same commands as the keys.** Every button calls the ``MeetingService`` method a
  TUI key calls; entering a café round seats people as the TUI does
  (``meeting_seating.seat_for_step``), so both paths behave the same.
- **Stale pages and double taps do no harm.** Step and timer buttons carry the step they
  were shown for: a page left behind by a change made at the laptop does nothing but
  show the meeting as it is now. Every form carries a ``submission`` id, and a resent
  form is done once (``+1 minute`` tapped twice in a hurry adds one minute).
- **Without JavaScript** each button is a POST form (CSRF cookie and ``Origin`` checked,
  as every form) answered by a 303 back to the console. **With JavaScript**
  (``cohost.js``) the same forms are posted in the background, the page's parts are
  swapped for the fresh ones, server-sent events bring changes made elsewhere (the
  projector's ``LiveHub``), and the timer counts down locally.

Contact details never reach this page: sign-ups show a name, an organisation and lists.
"""

from __future__ import annotations

import re
import time
from collections import deque
from collections.abc import Callable
from typing import Any

from aiohttp import web

from cafe import links
from cafe.core import meeting_seating
from cafe.core.agenda import StepKind
from cafe.core.errors import CafeError, ChangedMeanwhile, JustMoved, Message, StoreError
from cafe.core.figures import meeting_figures
from cafe.core.service import STEP_GRACE, MeetingService
from cafe.core.state import Idea
from cafe.core.timer import format_seconds
from cafe.web.context import CONTEXT, WebContext, seat_page_enabled
from cafe.web.forms import phone_message
from cafe.web.security import SESSION_COOKIE, new_submission_id
from cafe.web.snapshot import timer_data
from cafe.web.tokens import cohost_token_matches
from cafe.web.views import FormRefused, Page, event_stream, form_checks, read_form

STEP_ACTIONS = frozenset(
    {"next", "previous", "start", "pause", "plus", "minus", "spoken", "unspoken"}
)
"""Buttons bound to the step they were shown for (``at``): a stale page does nothing."""
SECTION_OF = {
    "withdraw_signup": "signups",
    "restore_signup": "signups",
    "remove_checkout": "thoughts",
    "restore_checkout": "thoughts",
    "hide_idea": "phone-ideas",
    "restore_idea": "phone-ideas",
    "move_ideas": "board",
    "merge_ideas": "board",
    "hide_ideas": "board",
    "restore_ideas": "board",
    "edit_ideas": "board",
    "edit_idea": "board",
    "undo_edit": "board",
    "split_idea": "board",
    "new_theme": "board",
    "rename_theme": "board",
    "delete_theme": "board",
    "list_on": "board",
    "list_off": "board",
}
"""Where the page scrolls back to after each moderation button (its section's anchor)."""
SECTIONS = frozenset(SECTION_OF.values())
NOTICES = frozenset(
    {
        "stale",
        "last",
        "first",
        "untimed",
        "just_started",
        "not_started",
        "seated",
        "done",
        "pick_first",
        "merge_two",
        "merged",
        "hidden",
        "restored",
        "edit_one",
        "edited",
        "edit_undone",
        "split",
        "moved_gone",
        "theme_deleted",
        "theme_not_empty",
    }
)
"""What a redirect may ask the page to say (``?n=``): fixed keys, never free text."""
MAX_REMEMBERED = 512
"""Submission ids remembered to spot a resent form (a few hours of a busy co-host)."""


class RecentSubmissions:
    """The last few hundred forms acted on, so a resend is done once."""

    def __init__(self, size: int = MAX_REMEMBERED) -> None:
        self._order: deque[str] = deque()
        self._seen: set[str] = set()
        self._size = size

    def first_time(self, submission: str) -> bool:
        """``True`` the first time ``submission`` is seen (and remembers it)."""
        if submission in self._seen:
            return False
        self._seen.add(submission)
        self._order.append(submission)
        while len(self._order) > self._size:
            self._seen.discard(self._order.popleft())
        return True


RECENT: web.AppKey[RecentSubmissions] = web.AppKey("cafe_cohost_recent", RecentSubmissions)


class TimerStarts:
    """Which console phone last started the clock, and when: its own Pausa right after is
    a mis-tap taken back; another phone's is a button that changed under the finger."""

    def __init__(self) -> None:
        self.session = ""
        self.at = 0.0


TIMER_STARTS: web.AppKey[TimerStarts] = web.AppKey("cafe_cohost_timer_starts", TimerStarts)


def install(app: web.Application) -> None:
    """What the console keeps per server (``build_app`` calls this)."""
    app[RECENT] = RecentSubmissions()
    app[TIMER_STARTS] = TimerStarts()


def _console(request: web.Request) -> WebContext:
    """The context, if the URL's token is the console's as stored now; otherwise a 404."""
    ctx = request.app[CONTEXT]
    if not cohost_token_matches(ctx.service, request.match_info.get("token", "")):
        raise web.HTTPNotFound()
    return ctx


def _console_path(request: web.Request) -> str:
    return links.cohost_path(request.match_info["token"])


# -- what the page shows -----------------------------------------------------------------


def _number(entity_id: str) -> int:
    digits = "".join(c for c in entity_id if c.isdigit())
    return int(digits) if digits else 0


def _clock_text(at: float) -> str:
    return time.strftime("%H:%M", time.localtime(at)) if at else ""


def _now(service: MeetingService, page: Page) -> dict[str, Any]:
    """The current step, its timer and what the buttons may do."""
    tr = page.tr
    steps = service.agenda.steps
    index = service.state.current_step
    step = service.current_step
    following = steps[index + 1] if index + 1 < len(steps) else None
    timer = service.timer()
    data = timer_data(service)
    if timer is None:
        state, label = "none", tr("web.cohost.timer_none")
    elif timer.running:
        state, label = "running", tr("web.cohost.timer_running")
    elif timer.started:
        state, label = "paused", tr("web.cohost.timer_paused")
    else:
        state, label = "ready", tr("web.cohost.timer_ready")
    rounds = len(service.agenda.cafe_rounds)
    return {
        "at": index,
        "started": step is not None,
        "number": index + 1,
        "count": len(steps),
        "title": step.title if step is not None else tr("web.cohost.not_started"),
        # What the room is asked (a co-host between the tables was asked and had to read
        # the projector): the question of a round or the check-out.
        "question": (step.question or "") if step is not None else "",
        # "Where does Anna sit? Who hosts table 5?": the phones' own "where do I sit?" page
        # answers it, by name, during the rounds.
        "seat_url": links.seat_path(page.ctx.meeting_token)
        if step is not None
        and step.kind is StepKind.CAFE_ROUND
        and seat_page_enabled(service.agenda)
        and not service.sits_in_circle
        else "",
        "kind": str(step.kind) if step is not None else "",
        "round": (step.round or 0) if step is not None else 0,
        "rounds": rounds,
        "next_title": following.title if following is not None else "",
        "can_previous": index > 0,
        "can_next": following is not None,
        "timer": data,
        "timer_text": format_seconds(data["remaining"]) if data else "",
        "timer_phase": data["phase"] if data else "none",
        "timer_state": state,
        "timer_label": label,
        "start_label": tr("web.cohost.resume" if state == "paused" else "web.cohost.start"),
        "speakers": _speakers(service)
        if step and step.kind is StepKind.PRESENTATION_ROUND
        else None,
    }


def _speakers(service: MeetingService) -> dict[str, Any]:
    """Who speaks now in the presentation round, and who spoke last: the co-host with
    the phone can tick them off as ``k`` does, while the other one runs the laptop."""
    people = service.state.participants
    order, now, last = meeting_seating.speaking_turn(service)

    def person(pid: str | None) -> dict[str, str] | None:
        if pid is None:
            return None
        return {"id": pid, "name": people[pid].name, "organisation": people[pid].organisation}

    return {
        "now": person(now),
        "last": person(last),
        "done": sum(1 for pid in order if pid in service.state.spoken),
        "total": len(order),
    }


def _signups(service: MeetingService) -> list[dict[str, Any]]:
    """Every sign-up, newest first, removed ones too (marked, with Undo), and who else may be
    the same person (``MeetingState.maybe_same_people``). No e-mail, no phone."""
    state = service.state
    names = {th.id: th.name for th in state.themes.values()}
    rows = sorted(state.signups.values(), key=lambda s: (s.at, _number(s.id)), reverse=True)
    twins = state.maybe_same_people()
    return [
        {
            "id": s.id,
            "name": s.name,
            "organisation": s.organisation,
            "themes": [names.get(theme, theme) for theme in s.themes],
            "removed": s.withdrawn,
            "time": _clock_text(s.at),
            "maybe_same": "" if s.withdrawn else twins.get(s.id, ""),
        }
        for s in rows
    ]


def _thoughts(service: MeetingService) -> list[dict[str, Any]]:
    notes = sorted(
        service.state.checkout.values(), key=lambda c: (c.at, _number(c.id)), reverse=True
    )
    return [
        {
            "id": c.id,
            "text": c.text,
            "author": c.author,
            "removed": c.removed,
            "time": _clock_text(c.at),
        }
        for c in notes
    ]


def _phone_ideas(service: MeetingService) -> list[dict[str, Any]]:
    """Ideas sent from the tables' phones, newest first; merged ones live on in another."""
    ideas = [i for i in service.state.ideas.values() if i.source == "web" and not i.merged_into]
    ideas.sort(key=lambda i: (i.at, _number(i.id)), reverse=True)
    return [
        {"id": i.id, "text": i.text, "table": i.table, "round": i.round, "hidden": i.deleted}
        for i in ideas
    ]


def _board_idea(idea: Idea, merged: int = 0) -> dict[str, Any]:
    """A row of the board: the same idea from two tables must read as two (to merge), and
    one that has duplicates merged into it says how many (it read as one table's)."""
    return {
        "id": idea.id,
        "text": idea.text,
        "table": idea.table,
        "round": idea.round,
        "merged": merged,
    }


def _board_ideas(service: MeetingService) -> list[Idea]:
    """The ideas on the board in the order it lists them (each theme's, then the loose)."""
    state = service.state
    ideas = sorted(state.visible_ideas(), key=lambda i: (i.at, _number(i.id)))
    themes = [th.id for th in state.live_themes()]
    place = {theme: n for n, theme in enumerate(themes)}
    return sorted(ideas, key=lambda i: place.get(i.theme, len(themes)))  # stable: by time


def _board(service: MeetingService) -> dict[str, Any]:
    """The live themes with their ideas, then the ideas without a theme."""
    state = service.state
    ideas = sorted(state.visible_ideas(), key=lambda i: (i.at, _number(i.id)))
    themes = state.live_themes()
    live = {th.id for th in themes}
    signed = state.signed_up_per_theme()
    merged = {i: len(d) for i, d in state.merged_duplicates().items()}
    return {
        "themes": [
            {
                "id": th.id,
                "name": th.name,
                "signup": th.signup,
                "signed": signed[th.id],
                "ideas": [_board_idea(i, merged.get(i.id, 0)) for i in ideas if i.theme == th.id],
            }
            for th in themes
        ],
        "loose": [_board_idea(i, merged.get(i.id, 0)) for i in ideas if i.theme not in live],
        "ideas": len(ideas),
    }


def _open_sections(kind: str) -> set[str]:
    """The sections a step needs open at first (the others stay folded)."""
    return {
        str(StepKind.SIGNUP): {"signups"},
        str(StepKind.CLOSING): {"signups"},
        str(StepKind.CHECKOUT): {"thoughts"},
        str(StepKind.CAFE_ROUND): {"phone-ideas"},
        str(StepKind.HARVEST): {"board"},
    }.get(kind, set())


def console_values(
    page: Page,
    path: str,
    *,
    notice: str = "",
    alert: str = "",
    typed: dict[str, str] | None = None,
    opened: str = "",
    undo: list[str] | None = None,
    edit: str = "",
    undo_edit: str = "",
) -> dict[str, Any]:
    """Everything ``_cohost_live.html`` needs (the page and every live update).

    ``opened`` is the section a button was pressed in: it stays unfolded on the page the
    button leads back to (without JavaScript the page is new, and would fold it).
    """
    service = page.ctx.service
    now = _now(service, page)
    signups = _signups(service)
    thoughts = _thoughts(service)
    phone_ideas = _phone_ideas(service)
    editing = _editing(service, edit, (typed or {}).get("edit"))
    undo_edit = _undo_edit_id(service, undo_edit)
    content_lang = service.agenda.meta.language
    return {
        "t": page.tr,
        "lang": page.lang,
        "content_lang": content_lang,
        "action": path,
        "csrf": page.csrf_token(path),
        "sid": new_submission_id,
        "now": now,
        "notice": page.tr(f"web.cohost.notice_{notice}", count=len(undo or ())) if notice else "",
        "undo": undo or [],
        "undo_edit": undo_edit,
        # A word about the board, said at its foot: kept in sight at the top (the page
        # was 2000 px above the thumb); a refusal keeps the ticks it refused.
        "sticky": bool(undo or undo_edit or editing or ((notice or alert) and opened == "board")),
        "refused": notice in REFUSALS,
        "editing": editing,
        "alert": alert,
        "typed": typed or {},
        "signups": signups,
        "signups_live": sum(1 for s in signups if not s["removed"]),
        # The people, as the projector and the laptop count them: one who signed up twice
        # is one ("Anmälningar (40)" beside "39 vill jobba vidare" read as a fault).
        "signup_people": meeting_figures(service.state).signup_people,
        "thoughts": thoughts,
        "thoughts_live": sum(1 for c in thoughts if not c["removed"]),
        "phone_ideas": phone_ideas,
        "phone_ideas_live": sum(1 for i in phone_ideas if not i["hidden"]),
        "circle": service.sits_in_circle,  # the circle's phone, not the tables'
        "board": _board(service),
        "open_sections": _open_sections(now["kind"]) | ({opened} & SECTIONS),
        "seq": service.state.last_seq,
    }


def _page(
    page: Page,
    path: str,
    *,
    status: int = 200,
    notice: str = "",
    alert: str = "",
    typed: dict[str, str] | None = None,
    opened: str = "",
    undo: list[str] | None = None,
    edit: str = "",
    undo_edit: str = "",
) -> web.Response:
    values = console_values(
        page,
        path,
        notice=notice,
        alert=alert,
        typed=typed,
        opened=opened,
        undo=undo,
        edit=edit,
        undo_edit=undo_edit,
    )
    return page.render(
        "cohost.html",
        status=status,
        form_page=True,
        **values,
        events_url=path + "events",
    )


# -- handlers ---------------------------------------------------------------------------


async def console_page(request: web.Request) -> web.Response:
    ctx = _console(request)
    page = Page(request)
    notice = request.query.get("n", "")
    return _page(
        page,
        _console_path(request),
        notice=notice if notice in NOTICES else "",
        opened=request.query.get("o", ""),
        undo=_undo_ids(ctx.service, request.query.get("u", "")),
        edit=request.query.get("e", ""),
        undo_edit=request.query.get("r", ""),
    )


def _entered_step(service: MeetingService) -> bool:
    """Seat people as the TUI does on entering a step; ``True`` if it seated them."""
    return meeting_seating.seat_for_step(service)


def _step_action(
    service: MeetingService,
    action: str,
    item: str = "",
    *,
    session: str = "",
    starts: TimerStarts | None = None,
) -> str:
    """Run a step, timer or speaker button; returns the notice to show (``""`` for none).

    ``session``: the phone's; ``starts``: which phone last started the clock."""
    if action == "next":
        if not service.next_step(by="console"):
            return "last"
        return "seated" if _entered_step(service) else ""
    if action == "previous":
        return "" if service.previous_step(by="console") else "first"
    if service.state.current_step < 0:
        return "not_started"
    if action in ("spoken", "unspoken"):  # the button names its person: a resend is a no-op
        if item not in service.state.participants:
            return "stale"
        service.mark_spoken(item, action == "spoken")
        return ""
    timer = service.timer()
    if timer is None:
        return "untimed"
    if action in ("plus", "minus"):  # −1 takes back a +1 tapped by mistake, as - does
        service.timer_adjust(60 if action == "plus" else -60, by="console")
    elif (action == "start") != timer.running:  # a stale Start on a running timer: nothing
        since = timer.running_since
        now = service.clock.now()
        mine = starts is not None and starts.session == session and starts.at >= (since or 0)
        if action == "pause" and since is not None and now - since < STEP_GRACE and not mine:
            # Two phones tapped "Fortsätt" together: the second's button had just become
            # "Pausa" under the finger, and the round's clock stood still.
            return "just_started"
        service.timer_toggle(by="console")
        started = service.timer()
        if action == "start" and starts is not None and started is not None:
            starts.session, starts.at = session, started.running_since or now
    return ""


def _moderate(service: MeetingService, action: str, data: dict[str, Any]) -> str:
    """Run a moderation button, with ``by="console"`` where the service records who."""
    item = str(data.get("id", ""))
    state = service.state
    if action == "withdraw_signup":
        if item in state.signups and state.signups[item].withdrawn:
            return ""
        service.withdraw_signup(item, by="console")
    elif action == "restore_signup":
        if item in state.signups and not state.signups[item].withdrawn:
            return ""
        service.restore_signup(item, by="console")
    elif action == "remove_checkout":
        if item in state.checkout and state.checkout[item].removed:
            return ""
        service.remove_checkout(item, by="console")
    elif action == "restore_checkout":
        if item in state.checkout and not state.checkout[item].removed:
            return ""
        service.restore_checkout(item, by="console")
    elif action == "hide_idea":
        if item in state.ideas and state.ideas[item].deleted:
            return ""
        service.delete_idea(item, by="console")
    elif action == "restore_idea":
        if item in state.ideas and not state.ideas[item].deleted:
            return ""
        service.restore_idea(item)
    elif action == "edit_idea":
        if item not in state.ideas or not state.ideas[item].visible:
            raise CafeError(Message("service.no_such_idea", {"id": item}))
        before = state.ideas[item].text
        text = str(data.get("text", ""))
        if service.edit_idea(item, text=text, seen=_seen(data)).text != before:
            return "edited"
        return ""  # the text was left as it was: nothing to say or undo
    elif action == "split_idea":  # any merge, the laptop's too: its Ctrl+Z was the only way
        twins = state.merged_duplicates().get(item, [])
        if not twins:
            return "done"  # a resend, or split at the laptop meanwhile
        for twin in twins:
            service.restore_idea(twin.id)
        return "split"
    elif action == "undo_edit":
        if item not in state.ideas or not state.ideas[item].visible:
            raise CafeError(Message("service.no_such_idea", {"id": item}))
        if not state.ideas[item].earlier_texts:
            return "done"  # a second Undo from an old page: the edit is undone already
        service.undo_idea_edit(item)
        return "edit_undone"
    elif action == "move_ideas":  # the ticked ideas, to one theme ("none": out of any)
        theme = str(data.get("theme", ""))
        picked = [i for i in data.get("pick", []) if i in state.ideas]
        if not picked or not theme:
            return "pick_first"
        target = "" if theme == "none" else theme
        # Merged or hidden at the laptop since the page was drawn: not moved, and said so
        # (the Move did less than the console showed, unsaid).
        gone = [i for i in picked if state.ideas[i].deleted or state.ideas[i].merged_into]
        for idea in picked:
            if idea not in gone and state.ideas[idea].theme != target:  # a resend: no-op
                service.set_idea_theme(idea, target)
        if gone:
            return "moved_gone"
    elif action == "new_theme":
        service.create_theme(str(data.get("name", "")))
    elif action == "rename_theme":
        theme, name = str(data.get("theme", "")), str(data.get("name", ""))
        service.rename_theme(theme, name, seen=_seen(data))
    elif action == "delete_theme":  # only an empty one: the laptop asks about the rest
        theme = state.themes.get(item)
        if theme is None or theme.deleted:
            return "done"  # a resend, or deleted at the laptop meanwhile
        if state.signed_up_per_theme()[item] or any(i.theme == item for i in state.visible_ideas()):
            return "theme_not_empty"  # filled at the laptop since the page was drawn
        service.delete_theme(item)
        return "theme_deleted"
    elif action in ("list_on", "list_off"):  # the sign-up step needs lists: l on the laptop
        # as asked: a resend is a no-op
        service.set_theme_signup(item, action == "list_on", by="console")
    return ""


def _seen(data: dict[str, Any]) -> str | None:
    """The text the form showed before the co-host changed it (``None`` from a form without
    it): renamed or edited at the laptop since, the save is refused, not done unseen."""
    return str(data["seen"]) if "seen" in data else None


REFUSALS = frozenset({"pick_first", "merge_two", "edit_one", "theme_not_empty"})
"""Board notices that did nothing: the ticks stay for the co-host to fix the choice."""
BOARD_BATCH = frozenset({"merge_ideas", "hide_ideas", "restore_ideas"})
"""The board bar's buttons that change the ticked ideas (besides Move and Edit)."""
IDEA_ID = re.compile(r"i[0-9]{1,9}")


def _ticked(service: MeetingService, data: dict[str, Any]) -> list[str]:
    """The ticked ideas still on the board, topmost first as the board lists them (a form
    sends no tick order; the words say "the topmost ticked", whatever order a post has)."""
    picked = set(data.get("pick", []))
    return [i.id for i in _board_ideas(service) if i.id in picked]


def _board_batch(
    service: MeetingService, action: str, data: dict[str, Any]
) -> tuple[str, list[str]]:
    """Merge or hide the ticked ideas (or bring back the ones just merged or hidden);
    returns the notice and the ideas an Undo beside it brings back. The second co-host
    sorts the board on a phone: duplicates from 13 tables, a typo'd idea typed at the
    laptop, had to wait for the laptop's keyboard."""
    state = service.state
    picked = [i for i in data.get("pick", []) if i in state.ideas]
    live = _ticked(service, data)
    if action == "restore_ideas":
        for idea in picked:
            if not state.ideas[idea].visible:  # a resend finds them back already
                service.restore_idea(idea)
        return "restored", []
    if action == "merge_ideas":
        if len(live) < 2:
            return "merge_two", []
        service.merge_ideas(
            live[0], live[1:], by="console"
        )  # into the topmost ticked, its words kept
        return "merged", live[1:]
    if not live:
        return "pick_first", []
    for idea in live:
        service.delete_idea(idea, by="console")
    return "hidden", live


def _editing(service: MeetingService, idea_id: str, typed: str | None) -> dict[str, str] | None:
    """The idea whose text is being changed (``?e=``), and the text in its field."""
    idea = service.state.ideas.get(idea_id) if IDEA_ID.fullmatch(idea_id) else None
    if idea is None or not idea.visible:
        return None
    return {"id": idea.id, "text": idea.text if typed is None else typed, "seen": idea.text}


def _undo_edit_id(service: MeetingService, raw: str) -> str:
    """The idea whose last edit an Undo may take back (``?r=``), if it still can."""
    idea = service.state.ideas.get(raw) if IDEA_ID.fullmatch(raw) else None
    return idea.id if idea is not None and idea.visible and idea.earlier_texts else ""


def _undo_ids(service: MeetingService, raw: str) -> list[str]:
    """The ideas an Undo may bring back (``?u=``): ids only, and only ideas now gone."""
    ideas = service.state.ideas
    found = [i for i in raw.split(".")[:200] if IDEA_ID.fullmatch(i)]
    return [i for i in found if i in ideas and not ideas[i].visible]


def _alert(error: CafeError, page: Page) -> str:
    """The service's refusal in the page's language, in the forms' words (a theme name
    left empty reads "write a name for the theme", not "the theme must be filled in")."""
    return " ".join(
        page.tr("web.cohost.name_needed")
        if problem.code == "text.required" and problem.field == "theme"
        else phone_message(problem, page.tr)
        for problem in error.problems
    )


def _resend_key(data: dict[str, Any]) -> str:
    """What makes a post the same tap again: its submission id and what it asks. The board
    has one Move form for every idea, so two moves of different ideas from one page are
    two taps, and the same move sent twice is one."""
    picks = ",".join(sorted(data.get("pick", [])))
    fields = (data.get(k, "") for k in ("submission", "do", "act", "id", "theme"))
    return "|".join([*map(str, fields), picks])


async def console_action(request: web.Request) -> web.Response:
    """One button: checks, the service call, then a 303 back to the console."""
    ctx = _console(request)
    try:
        data = await read_form(request)
    except FormRefused as refused:
        return refused.page(request)
    page = Page(request)
    path = _console_path(request)
    action = str(data.get("do", ""))
    if action == "move_ideas" and data.get("act") in ("merge", "hide", "edit"):
        action = f"{data['act']}_ideas"  # the bar's other buttons, on the same ticks
    typed: dict[str, str] = {}
    if action == "edit_idea":
        typed["edit"] = str(data.get("text", ""))
    if action == "new_theme":
        typed["new_theme"] = str(data.get("name", ""))
    elif action == "rename_theme":
        typed[f"rename_{data.get('theme', '')}"] = str(data.get("name", ""))
    problem = form_checks(page, data)
    if problem:
        status = 403 if problem == "csrf" else 400
        return _page(
            page,
            path,
            status=status,
            alert=page.tr(f"web.error.{problem}"),
            typed=typed,
            opened=SECTION_OF.get(action, ""),
        )
    if action not in STEP_ACTIONS and action not in SECTION_OF:
        return _page(page, path, status=400, alert=page.tr("web.cohost.unknown_action"))
    notice = ""
    undo: list[str] = []
    edit = ""
    try:
        if not request.app[RECENT].first_time(_resend_key(data)):
            notice = "done"  # a resent form: it was done the first time
        elif action == "edit_ideas":  # the one ticked: its text comes up in a field on top
            ticked = _ticked(ctx.service, data)
            edit, notice = (ticked[0], "") if len(ticked) == 1 else ("", "edit_one")
        elif action in BOARD_BATCH:
            notice, undo = _board_batch(ctx.service, action, data)
        elif action not in STEP_ACTIONS:
            notice = _moderate(ctx.service, action, data)
        elif str(data.get("at", "")) != str(ctx.service.state.current_step):
            notice = "stale"  # the meeting moved on since this page was shown
        else:
            notice = _step_action(
                ctx.service,
                action,
                str(data.get("id", "")),
                session=request.cookies.get(SESSION_COOKIE, ""),
                starts=request.app[TIMER_STARTS],
            )
    except StoreError:
        raise  # the guard's 503 page: the store, not the co-host, has a problem
    except CafeError as error:  # nobody present to seat, an item that is gone ...
        # Renamed or edited at the laptop since the field was opened: the typed text stays
        # in the field, the page says what it is now, and a second Save replaces it.
        return _page(
            page,
            path,
            status=409 if isinstance(error, (ChangedMeanwhile, JustMoved)) else 400,
            alert=_alert(error, page),
            typed=typed,
            opened=SECTION_OF.get(action, ""),
            edit=str(data.get("id", "")) if action == "edit_idea" else "",
        )
    section = SECTION_OF.get(action, "")
    undo_edit = str(data.get("id", "")) if notice == "edited" else ""
    asked = (("n", notice), ("o", section), ("u", ".".join(undo)), ("e", edit), ("r", undo_edit))
    query = "&".join(f"{k}={v}" for k, v in asked if v)
    location = f"{path}?{query}" if query else path
    raise web.HTTPSeeOther(location=f"{location}#{section or 'now'}")


_PART = re.compile(r'^<(?:div|section|details) [^>]*?\bid="([^"]+)"[^>]*?\bdata-part\b', re.M)
"""The start of one of ``_cohost_live.html``'s top-level parts (``[data-part]``)."""
_SUBMISSION = re.compile(r'name="submission" value="[^"]*"')


def live_parts(html: str) -> dict[str, str]:
    """The console's parts by id, each with its markup up to the next part."""
    starts = list(_PART.finditer(html))
    ends = [m.start() for m in starts[1:]] + [len(html)]
    return {m.group(1): html[m.start() : end] for m, end in zip(starts, ends, strict=True)}


def _live_feed(page: Page, path: str) -> Callable[[], dict[str, Any]]:
    """One console's feed: each state message carries only the parts that changed since
    the last one this console got (the first, all of them). Every part went with every
    change, 200 KB a time at 150 ideas, to a phone on the venue's Wi-Fi."""
    sent: dict[str, str] = {}  # part id -> its markup as last sent, submission ids left out

    def state() -> dict[str, Any]:
        values = console_values(page, path)
        changed = []
        for part, markup in live_parts(
            page.ctx.pages.render("_cohost_live.html", **values)
        ).items():
            # Fresh submission ids in every render are no change: the page keeps its own,
            # and the answer to each of its posts brings new ones.
            same = _SUBMISSION.sub("", markup)
            if sent.get(part) != same:
                sent[part] = same
                changed.append(markup)
        return {
            "type": "state",
            "seq": values["seq"],
            "timer": values["now"]["timer"],
            "html": "".join(changed),
        }

    return state


async def console_events(request: web.Request) -> web.StreamResponse:
    """Server-sent events: the console's parts after every change, the timer each second.

    The token is checked again before every message: a revoked code ends the feed.
    """
    ctx = _console(request)
    page = Page(request)
    path = _console_path(request)
    token = request.match_info["token"]
    return await event_stream(
        request,
        _live_feed(page, path),
        lambda: cohost_token_matches(ctx.service, token),
        trusted=True,
    )


def routes() -> list[web.RouteDef]:
    """The console's URLs (``views.routes`` adds them to the server's)."""
    return [
        web.get("/c/{token}/", console_page),
        web.post("/c/{token}/", console_action),
        web.get("/c/{token}/events", console_events, allow_head=False),
    ]
