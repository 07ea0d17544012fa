"""A scripted idea meeting: the co-hosts' actions and the room's, on any clock.

The driver plays the co-hosts (through ``MeetingService``, as the TUI would) and the room
(through a ``Room``: simulated table hosts and phones, which in the demo use the real HTTP
endpoints on 127.0.0.1). With a ``ScaledClock`` a 20-minute round passes in seconds; the
same script drives the headless demo, the TUI demo and the crash tests.
"""

from __future__ import annotations

import asyncio
import random
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from cafe.core.agenda import Step, StepKind
from cafe.core.meeting_seating import expected_tables
from cafe.core.service import MeetingService
from cafe.demo.content import CHECKOUT, IDEAS, THEMES, theme_of
from cafe.demo.people import SimulatedPerson

IDEAS_PER_TABLE = 2
"""What one table's host sends in a round: the two ideas the table thought best."""


class Room(Protocol):
    """What the simulated participants do from their phones."""

    async def send_ideas(self, table: int, ideas: Sequence[str]) -> None: ...
    async def sign_up(self, person: SimulatedPerson, theme_ids: Sequence[str]) -> None: ...
    async def check_out(self, person: SimulatedPerson, thought: str) -> None: ...


class DirectRoom:
    """A room that talks to the service directly (for tests of the script itself)."""

    def __init__(self, service: MeetingService) -> None:
        self.service = service

    async def send_ideas(self, table: int, ideas: Sequence[str]) -> None:
        self.service.capture_ideas(list(ideas), table=table, source="phone")

    async def sign_up(self, person: SimulatedPerson, theme_ids: Sequence[str]) -> None:
        p = person.person
        self.service.sign_up(
            name=p.name,
            organisation=p.organisation,
            email=p.email if person.consents else "",
            themes=list(theme_ids),
            consent=person.consents,
            consent_version="demo",
            source="phone",
        )

    async def check_out(self, person: SimulatedPerson, thought: str) -> None:
        self.service.note_checkout(thought, source="phone")


@dataclass
class DemoLog:
    """What the room sent, so a test can check the report against it."""

    ideas: list[str] = field(default_factory=list)
    signups: list[tuple[str, tuple[str, ...]]] = field(default_factory=list)
    checkout: list[str] = field(default_factory=list)


Announce = Callable[[str], None]


async def wait_for_timer(service: MeetingService, speed: float, poll: float = 0.02) -> None:
    """Sleep until the current step's timer runs out on the service's clock."""
    while True:
        timer = service.timer()
        if timer is None or not timer.running:
            return
        left = timer.remaining(service.clock.now())
        if left <= 0:
            return
        await asyncio.sleep(min(poll * 10, max(poll, left / speed)))


async def run_meeting(
    service: MeetingService,
    people: Sequence[SimulatedPerson],
    room: Room,
    *,
    speed: float,
    lang: str = "sv",
    announce: Announce = print,
    plan_seating: Callable[[MeetingService], None] | None = None,
    seed: int = 7,
    paused: asyncio.Event | None = None,
) -> DemoLog:
    """Walk the whole agenda, as co-hosts and room, and return what the room sent.

    Every choice is drawn from a generator seeded by who makes it (a round's tables, the
    people checking out), so a meeting resumed after a crash resends exactly what the
    lost process would have sent, as real phones resending the same form do.
    """
    run = _Run(service, people, room, lang, seed, plan_seating)
    if service.state.current_step < 0:
        service.start_step(0)
    while True:
        if paused is not None:
            await paused.wait()
        index = service.state.current_step
        step = service.agenda.steps[index]
        announce(f"[{index + 1}/{len(service.agenda.steps)}] {step.title}")
        service.timer_start()
        await ACTIONS[step.kind](run, step)
        await wait_for_timer(service, speed)
        if not service.next_step():
            break
    return run.log


@dataclass
class _Run:
    """One demo meeting in progress: who takes part, how they reach it, what they sent."""

    service: MeetingService
    people: Sequence[SimulatedPerson]
    room: Room
    lang: str
    seed: int
    plan_seating: Callable[[MeetingService], None] | None
    log: DemoLog = field(default_factory=DemoLog)


async def _nothing(run: _Run, step: Step) -> None:
    """The room listens (opening, purpose, break, closing, a custom step)."""


async def _presentation(run: _Run, step: Step) -> None:
    for person in run.service.state.present():
        run.service.mark_spoken(person.id)


async def _cafe_round(run: _Run, step: Step) -> None:
    if run.plan_seating is not None:
        run.plan_seating(run.service)
    ideas_by_round = IDEAS.get(run.lang, IDEAS["sv"])
    pool = ideas_by_round[(step.round or 1) - 1] if ideas_by_round else ()
    # Dealt like cards: each table gets ideas of its own, as tables in a real round do;
    # only when the tables outnumber the pool do two tables send the same idea.
    dealt = random.Random(f"{run.seed}:{step.round}").sample(pool, k=len(pool))
    per_table = min(IDEAS_PER_TABLE, len(dealt))
    for index, table in enumerate(_table_numbers(run.service)):
        text = [dealt[(index * per_table + n) % len(dealt)] for n in range(per_table)]
        await run.room.send_ideas(table, text)
        run.log.ideas.extend(text)


async def _harvest(run: _Run, step: Step) -> None:
    _make_themes(run.service, run.lang)


async def _signup(run: _Run, step: Step) -> None:
    themes = [th.id for th in run.service.state.open_themes()]
    for person in run.people:
        if person.signs_up and themes:
            rng = random.Random(f"{run.seed}:signup:{person.person.name}")
            picks = tuple(rng.sample(themes, k=rng.randint(1, len(themes))))
            await run.room.sign_up(person, picks)
            run.log.signups.append((person.person.name, picks))


async def _checkout(run: _Run, step: Step) -> None:
    thoughts = CHECKOUT.get(run.lang, CHECKOUT["sv"])
    dealt = random.Random(f"{run.seed}:checkout").sample(thoughts, k=len(thoughts))
    for index, person in enumerate(run.people[: max(1, len(run.people) // 2)]):
        thought = dealt[index % len(dealt)]
        await run.room.check_out(person, thought)
        run.log.checkout.append(thought)


ACTIONS: dict[StepKind, Callable[[_Run, Step], Awaitable[None]]] = {
    StepKind.OPENING: _nothing,
    StepKind.PURPOSE: _nothing,
    StepKind.PRESENTATION_ROUND: _presentation,
    StepKind.CAFE_ROUND: _cafe_round,
    StepKind.BREAK: _nothing,
    StepKind.HARVEST: _harvest,
    StepKind.SIGNUP: _signup,
    StepKind.CHECKOUT: _checkout,
    StepKind.CLOSING: _nothing,
    StepKind.CUSTOM: _nothing,
}
"""What the simulated room does during each kind of step; a new kind must be added here."""


def _table_numbers(service: MeetingService) -> list[int]:
    """The tables ideas come from: the plan's, table 0 for a circle, else the estimate."""
    plan = service.state.seating_plan
    if plan.is_tables:
        return list(plan.table_numbers())
    if service.sits_in_circle:
        return [0]
    return list(range(1, expected_tables(service) + 1))


def _make_themes(service: MeetingService, lang: str) -> None:
    """The co-hosts group the ideas of rounds 3 and 4 into the themes they are about."""
    if service.state.live_themes():
        return
    names = THEMES.get(lang, THEMES["sv"])
    themes = [service.create_theme(name, signup=True) for name in names]
    for idea in service.state.visible_ideas():
        theme = theme_of(idea.text, lang) if idea.round >= 3 else None
        if theme is not None:
            service.set_idea_theme(idea.id, themes[theme].id)
