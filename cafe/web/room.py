"""What the room needs at each step: the projector's content and the phones' first task.

The projector page is the room's screen, complete for every step kind, and the meeting QR
code lands on whatever the room is asked to do now. Both follow from one rule
(``current_task``), so the code on the wall and the page a phone opens always agree.
Everything here is plain data built from the service; the templates render it.

Little personal goes on the wall: the table cards show first names (with a last-name
initial only where two people share one), the speaking order names people as each says
their name to the room, the sign-up step shows counts per theme, and the check-out shows
single words.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from cafe.core.agenda import Step, StepKind
from cafe.core.meeting_seating import speaking_order
from cafe.core.participants import namesake_organisations, told_apart
from cafe.core.seating.names import fold
from cafe.core.service import MeetingService
from cafe.web.snapshot import seating_data

PAGE_SECONDS = 12
"""How long the projector shows one page of a long list before turning to the next."""
TABLES_PER_PAGE = 9
"""Table cards on one 1920x1080 page, names still readable from the back of a hall."""
COMPACT_TABLES_PER_PAGE = 8
"""In the presentation round the tables share the screen with the speaking order."""
IDEAS_PER_PAGE = 60
"""Ideas on one page of the board (the acceptance bar: 60 fit one 1920x1080 screen)."""
UPCOMING_SPEAKERS = 3


class Task(StrEnum):
    """What a participant scanning the meeting's code should find first."""

    SIGNUP = "signup"
    SEAT = "seat"
    CHECKOUT = "checkout"


def _next_step(service: MeetingService) -> Step | None:
    index = service.state.current_step + 1
    steps = service.agenda.steps
    return steps[index] if 0 <= index < len(steps) else None


def current_task(service: MeetingService) -> Task:
    """The room's task now: find your seat in the rounds, write at check-out, else sign up."""
    # A new step kind must decide here too; LAYOUTS below lists every kind.
    step = service.current_step
    kind = step.kind if step is not None else None
    if kind is StepKind.CHECKOUT:
        return Task.CHECKOUT
    seat_matters = (
        service.agenda.web.where_do_i_sit
        and bool(service.state.seating_plan)
        and not service.state.seating_plan.is_circle
    )
    if seat_matters and kind in (StepKind.CAFE_ROUND, StepKind.PRESENTATION_ROUND):
        return Task.SEAT  # the presentation round goes table by table: find yours first
    following = _next_step(service)
    if (
        seat_matters
        and kind is StepKind.BREAK
        and following is not None
        and following.kind is StepKind.CAFE_ROUND
    ):
        return Task.SEAT
    return Task.SIGNUP


# -- names on the wall ---------------------------------------------------------------


def wall_names(names: dict[str, str]) -> dict[str, str]:
    """First names for the projector, with an initial where two people share a first name."""
    firsts: dict[str, int] = {}
    for full in names.values():
        words = full.split()
        if words:
            firsts[fold(words[0])] = firsts.get(fold(words[0]), 0) + 1
    shown = {}
    for person_id, full in names.items():
        words = full.split()
        if not words:
            shown[person_id] = full
        elif firsts[fold(words[0])] > 1 and len(words) > 1:
            shown[person_id] = f"{words[0]} {words[-1][0].upper()}."  # "Emma berg": B.
        else:
            shown[person_id] = words[0]
    return shown


def _names(service: MeetingService) -> dict[str, str]:
    """The wall's names; two people of one name ("Emma B." twice) with their organisation
    in brackets, as the phone's seat page tells them apart."""
    people = service.state.participants.values()
    shown = wall_names({p.id: p.name for p in people})
    orgs = namesake_organisations(people)
    return {pid: told_apart(name, orgs.get(pid)) for pid, name in shown.items()}


def _speaking_names(service: MeetingService) -> dict[str, str]:
    """The speaking order's names, whole as registered: the first word typed is not always
    the name one answers to ("Zhang Wei" was called "Zhang"), a turn is missed if one does
    not know the name as one's own, and in the round each says their name aloud anyway.
    Namesakes with their organisation in brackets."""
    people = service.state.participants.values()
    orgs = namesake_organisations(people)
    return {p.id: told_apart(" ".join(p.name.split()), orgs.get(p.id)) for p in people}


# -- paging ------------------------------------------------------------------------------


def pages(items: Sequence[Any], size: int) -> list[list[Any]]:
    """``items`` in pages of at most ``size`` (always at least one page, maybe empty)."""
    return [list(items[i : i + size]) for i in range(0, len(items), size)] or [[]]


# -- per step kind ---------------------------------------------------------------------


def _seating(service: MeetingService, per_page: int = TABLES_PER_PAGE) -> dict[str, Any] | None:
    data = seating_data(service, _names(service))
    if data is None:
        return None
    if data["mode"] == "circle":  # one line: the order the word goes round
        data = seating_data(service, _speaking_names(service)) or data
        return {**data, "pages": [[]]}
    return {**data, "pages": pages(data["tables"], per_page)}


def _speakers(service: MeetingService) -> dict[str, Any]:
    groups = speaking_order(service)
    spoken = service.state.spoken
    names = _speaking_names(service)
    order = [pid for _, ids in groups for pid in ids]
    waiting = [pid for pid in order if pid not in spoken]
    return {
        "total": len(order),
        "spoken": len(order) - len(waiting),
        "percent": round(100 * (len(order) - len(waiting)) / len(order)) if order else 0,
        "now": names.get(waiting[0], "") if waiting else "",
        "next": [names.get(pid, "") for pid in waiting[1 : 1 + UPCOMING_SPEAKERS]],
        "groups": [
            {"table": table, "spoken": sum(1 for i in ids if i in spoken), "total": len(ids)}
            for table, ids in groups
        ],
    }


def board(service: MeetingService) -> dict[str, Any]:
    """The idea board: every theme with its ideas, then the ideas not yet themed, in pages."""
    state = service.state
    ideas = sorted(state.visible_ideas(), key=lambda i: (i.at, i.id))
    live = state.live_themes()
    live_ids = {th.id for th in live}
    columns: list[tuple[str, bool, list[str]]] = [
        (th.name, th.signup, [i.text for i in ideas if i.theme == th.id]) for th in live
    ]
    loose = [i.text for i in ideas if i.theme not in live_ids]
    if loose:
        columns.append(("", False, loose))
    flat: list[tuple[int, str]] = [
        (number, text) for number, (_, _, texts) in enumerate(columns) for text in texts
    ]
    # Themes without ideas still belong on the board: they are where ideas will go.
    empty = [number for number, (_, _, texts) in enumerate(columns) if not texts]
    paged: list[list[dict[str, Any]]] = []
    for chunk in pages(flat, IDEAS_PER_PAGE):
        groups: list[dict[str, Any]] = []
        for number, text in chunk:
            if not groups or groups[-1]["number"] != number:
                name, signup, _ = columns[number]
                continued = bool(paged) and any(
                    g["number"] == number for page in paged for g in page
                )
                groups.append(
                    {
                        "number": number,
                        "name": name,
                        "signup": signup,
                        "continued": continued,
                        "ideas": [],
                    }
                )
            groups[-1]["ideas"].append(text)
        paged.append(groups)
    for number in empty:
        name, signup, _ = columns[number]
        paged[-1].append(
            {"number": number, "name": name, "signup": signup, "continued": False, "ideas": []}
        )
    for page in paged:
        page.sort(key=lambda g: g["number"])
    return {"ideas": len(ideas), "themes": len(live), "pages": paged}


def signup_lists(service: MeetingService) -> list[dict[str, Any]]:
    """The themes one can sign up for, with how many signed up for each."""
    state = service.state
    with_list = state.open_themes()
    counts: dict[str, int] = {}
    for signup in state.live_signups():
        for theme in signup.themes:
            counts[theme] = counts.get(theme, 0) + 1
    return [{"name": th.name, "count": counts.get(th.id, 0)} for th in with_list]


@dataclass(frozen=True, slots=True)
class RoomUrls:
    """The addresses the room's QR codes may point at."""

    meeting: str
    signup: str
    seat: str
    checkout: str

    def for_task(self, task: Task) -> str:
        return {Task.SIGNUP: self.signup, Task.SEAT: self.seat, Task.CHECKOUT: self.checkout}[task]


def _says_challenge_apart(challenge: str, question: str) -> bool:
    """Whether the welcome adds "Samhällsutmaning: …" under its text: not when the text
    names the challenge already ("Välkommen till idémöte om …"), where the room read it
    twice, one line apart."""
    wanted = " ".join(challenge.split()).casefold()
    return bool(wanted) and wanted not in " ".join(question.split()).casefold()


LAYOUTS = {
    StepKind.OPENING: "welcome",
    StepKind.PURPOSE: "welcome",
    StepKind.PRESENTATION_ROUND: "presentation",
    StepKind.CAFE_ROUND: "round",
    StepKind.BREAK: "break",
    StepKind.HARVEST: "harvest",
    StepKind.SIGNUP: "signup",
    StepKind.CHECKOUT: "checkout",
    StepKind.CLOSING: "closing",
    StepKind.CUSTOM: "text",
}
"""The projector's layout per step kind; a new kind must be added here (a test checks)."""


def room_view(
    service: MeetingService, urls: RoomUrls, words: Iterable[tuple[str, int]] = ()
) -> dict[str, Any]:
    """Everything the projector page shows at the current step, as template data."""
    step = service.current_step
    meta = service.agenda.meta
    task = current_task(service)
    layout = LAYOUTS[step.kind] if step is not None else "welcome"
    question = (step.question or step.text) if step is not None else ""
    view: dict[str, Any] = {
        "layout": layout,
        "task": str(task),
        "qr_url": urls.for_task(task),
        "title": meta.title,
        "challenge": meta.challenge,
        "step_title": step.title if step is not None else "",
        "question": question,
        "challenge_line": _says_challenge_apart(meta.challenge, question),
        "text": step.text if step is not None else "",
        "round": step.round or 0 if step is not None else 0,
        "rounds": len(service.agenda.cafe_rounds),
        "cohosts": [
            {"name": h.name, "organisation": h.organisation} for h in meta.cohosts if h.name
        ],
    }
    if layout == "round":
        view["seating"] = _seating(service)
    if layout == "break":  # the next round's tables; a circle has no seats to go to, and
        # its speaking order over the fika read as "keep talking"
        view["seating"] = None if service.sits_in_circle else _seating(service)
    if layout == "presentation":
        view["seating"] = _seating(service, COMPACT_TABLES_PER_PAGE)
    if layout == "presentation":
        view["speakers"] = _speakers(service)
    if layout == "harvest":
        view["board"] = board(service)
    if layout in ("signup", "closing"):
        view["lists"] = signup_lists(service)
    if layout == "checkout":
        view["words"] = [list(pair) for pair in words]
    if layout == "closing":
        view["ideas"] = len(service.state.visible_ideas())
        view["feedback_by"] = meta.feedback_by
        view["contact"] = meta.contact
    return view
