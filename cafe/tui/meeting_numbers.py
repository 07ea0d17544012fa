"""The meeting in figures, for the closing screen and the check-in head count."""

from __future__ import annotations

from dataclasses import dataclass

from cafe.core.participants import Sector
from cafe.core.service import MeetingService


@dataclass(frozen=True, slots=True)
class Numbers:
    registered: int
    present: int
    by_sector: tuple[tuple[Sector, int], ...]
    ideas: int
    themes: int
    signup_people: int
    signups_by_theme: tuple[tuple[str, int], ...]
    checkout: int


def numbers(service: MeetingService) -> Numbers:
    state = service.state
    present = state.present()
    sectors = tuple((s, sum(1 for p in present if p.sector == s)) for s in Sector)
    signups = state.live_signups()
    by_theme = tuple(
        (th.name, sum(1 for s in signups if th.id in s.themes))
        for th in state.live_themes()
        if th.signup or any(th.id in s.themes for s in signups)
    )
    return Numbers(
        registered=len(state.participants),
        present=len(present),
        by_sector=tuple((s, n) for s, n in sectors if n),
        ideas=len(state.visible_ideas()),
        themes=len(state.live_themes()),
        signup_people=len(signups),
        signups_by_theme=by_theme,
        checkout=len(state.live_checkout()),
    )
