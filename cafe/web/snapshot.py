"""What the projector shows, as plain data: rendered into the page and pushed as JSON.

One function builds it for both, so the page without JavaScript and the live page
always agree. It holds nothing personal beyond what the room already sees: the
seating (names at tables), counts, and single words from the check-out.
"""

from __future__ import annotations

from typing import Any

from cafe.core.agenda import Step, StepKind
from cafe.core.service import MeetingService
from cafe.web.wordcloud import word_weights


def step_data(service: MeetingService) -> dict[str, Any] | None:
    step = service.current_step
    if step is None:
        return None
    return {
        "index": service.state.current_step,
        "count": len(service.agenda.steps),
        "kind": str(step.kind),
        "title": step.title,
        "question": step.question or "",
        "text": step.text or "",
        "round": step.round or 0,
    }


def timer_data(service: MeetingService) -> dict[str, Any] | None:
    timer = service.timer()
    if timer is None:
        return None
    now = service.clock.now()
    return {
        "remaining": round(timer.remaining(now), 3),
        "duration": timer.duration,
        "running": timer.running,
        "phase": str(timer.phase(now)),
    }


def _seating_round(service: MeetingService) -> tuple[int, bool] | None:
    """The café round whose seating the room needs now, and whether it is the next one."""
    steps = service.agenda.steps
    index = service.state.current_step
    current = service.current_step
    if current is not None and current.kind is StepKind.CAFE_ROUND and current.round:
        return current.round, False
    following: Step | None = steps[index + 1] if index + 1 < len(steps) else None
    if following is not None and following.kind is StepKind.CAFE_ROUND and following.round:
        return following.round, True
    return None


def seating_data(
    service: MeetingService, names: dict[str, str] | None = None
) -> dict[str, Any] | None:
    """Who sits where in the current (or the coming) round, by name (``names``: how to
    show each id; full names by default)."""
    plan = service.state.seating_plan
    which = _seating_round(service)
    if not plan or which is None:
        return None
    round_number, upcoming = which
    if names is None:
        names = {p.id: p.name for p in service.state.participants.values()}
    if plan.is_circle:
        here = {p.id for p in service.state.present()}
        order = [names[i] for i in plan.ring(round_number) if i in names and i in here]
        return {"mode": "circle", "round": round_number, "upcoming": upcoming, "order": order}
    if round_number not in {entry.number for entry in plan.rounds}:
        return None
    tables = [
        {
            "table": table.number,
            "host": names.get(table.host, ""),
            "members": [names[m] for m in table.guests if m in names],
        }
        for table in plan.tables(round_number)
    ]
    return {"mode": "tables", "round": round_number, "upcoming": upcoming, "tables": tables}


def screen_state(service: MeetingService) -> dict[str, Any]:
    """Everything the projector page shows, for the template and the live feed."""
    state = service.state
    step = service.current_step
    words = None
    if step is not None and step.kind is StepKind.CHECKOUT:
        words = [
            [w, n]
            for w, n in word_weights(
                (note.text for note in state.live_checkout()),
                lang=service.agenda.meta.language,
            )
        ]
    return {
        "type": "state",
        "seq": state.last_seq,
        "title": service.agenda.meta.title,
        "challenge": service.agenda.meta.challenge,
        "step": step_data(service),
        "timer": timer_data(service),
        "counts": {
            "signups": len(state.live_signups()),
            "ideas": len(state.visible_ideas()),
            "checkout": len(state.live_checkout()),
            "present": len(state.present()),
        },
        "seating": seating_data(service),
        "words": words,
        "contrast": state.high_contrast,
    }


def tick_data(service: MeetingService) -> dict[str, Any]:
    """The heartbeat between changes: only the timer, computed from the clock."""
    return {"type": "tick", "seq": service.state.last_seq, "timer": timer_data(service)}
