"""The meeting in figures: one count for the closing screen, the head count and the reports.

Before this, the console and the reports counted differently (the reports fell back to
everyone registered when nobody was marked present; the console showed no sectors);
now both read these figures, so the projector and the printed summary say the same.
"""

from __future__ import annotations

from dataclasses import dataclass

from cafe.core.participants import Participant, Sector
from cafe.core.state import MeetingState


@dataclass(frozen=True, slots=True)
class MeetingFigures:
    """What the meeting adds up to."""

    registered: int
    present: int
    took_part: int
    """Present now, and those who were here earlier in the meeting and have left."""
    counted: tuple[Participant, ...]
    """Who the figures are about: the people who took part, or everyone registered
    while nobody has been marked present (a meeting run without the door list)."""
    by_sector: tuple[tuple[Sector, int], ...]
    """People counted per sector, in the sectors' order; empty sectors left out."""
    ideas: int
    themes: int
    signup_people: int
    signups_by_theme: tuple[tuple[str, int], ...]
    """(theme name, people) for every theme with a list or with anyone on it."""
    checkout: int


def counted_people(state: MeetingState) -> list[Participant]:
    """The people who took part (present, or here earlier and gone), or everyone
    registered while nobody is marked present."""
    return state.took_part() or list(state.participants.values())


def meeting_figures(state: MeetingState) -> MeetingFigures:
    """Count the meeting the one way every screen and report shows it."""
    counted = counted_people(state)
    signups = state.live_signups()
    per_theme = state.signed_up_per_theme()
    by_theme = tuple(
        (th.name, per_theme[th.id]) for th in state.live_themes() if th.signup or per_theme[th.id]
    )
    return MeetingFigures(
        registered=len(state.participants),
        present=len(state.present()),
        took_part=len(state.took_part()),
        counted=tuple(counted),
        by_sector=tuple(
            (sector, n) for sector in Sector if (n := sum(1 for p in counted if p.sector == sector))
        ),
        ideas=len(state.visible_ideas()),
        themes=len(state.live_themes()),
        signup_people=len(signups),
        signups_by_theme=by_theme,
        checkout=len(state.live_checkout()),
    )
